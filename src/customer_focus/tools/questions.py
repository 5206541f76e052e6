"""A tool's exercise: its questions' words from the tool's spec, its answers from Python.

The words a learner reads (prompt, hint, solution, takeaway, the reasons a
wrong answer is wrong) are content, kept in the ``exercise:`` section of
``tools/<tool>/<tool>.yml`` (see :mod:`customer_focus.tools.spec`). What must
be computed stays in the tool's ``exercise.py``: the expected value of a number
question and the values of its known mistakes (:class:`Number`), the options or
the correct answer of a choice question when they come from the tool's own
arithmetic or a file of the course (:class:`Choice`), and the values that
``{name}`` stands for in the texts. :func:`tool_exercise` puts both together
and says clearly when they do not match.

The words are in the language the package speaks when the exercise is made
(when the notebook imports the tool's exercise, after its first cell chose the
language): a translation gives them in ``locales/<lang>/tools/<tool>.yml``
(``exercise:``, beside the spec's other texts) or, for the lab,
``locales/<lang>/tools/lab/exercise.yml``; what the code reads (variables,
options, the correct answer, tolerances) stays the English's.

Examples
--------
>>> from customer_focus.tools.spec import QuestionSpec
>>> words = {"q1": QuestionSpec("q1", "x_q1", "Set `x_q1` to {n} + 1.", "Add one.", "{n} + 1")}
>>> exercise = build_exercise(words, {"q1": Number(lambda: 3)}, {"n": 2}, "demo")
>>> exercise.q1.prompt
'Set `x_q1` to 2 + 1.'
>>> exercise.bind({"x_q1": 3}).q1.check().passed
True
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass, replace
from typing import Any

from ..core.checking import ChoiceQuestion, Exercise, Mistake, NumberQuestion
from ..core.languages import language_code
from ..core.messages import current_language
from ..core.paths import course_root, tool_file
from ..core.yamlfile import parse_yaml
from .spec import QuestionSpec, load_spec, overlay, read_questions

__all__ = ["Number", "Choice", "build_exercise", "tool_exercise", "file_exercise"]

_PLACEHOLDER = re.compile(r"\{([a-z_][a-z0-9_]*)\}")


class Number:
    """The computed side of a number question: its expected value, then its mistakes' values.

    Each value is a number or a function returning it (called only when an
    answer is checked). The mistakes' values go in the order of the words of
    the mistakes in the spec.
    """

    def __init__(self, expected: float | Callable[[], float], *mistakes: Any) -> None:
        self.expected = expected
        self.mistakes = mistakes


@dataclass(frozen=True)
class Choice:
    """The computed side of a choice question: its options and/or correct answer.

    Leave out what the spec gives. A question whose options and answer are
    all in the spec needs no :class:`Choice` at all.
    """

    options: tuple[str, ...] | Callable[[], tuple[str, ...]] | None = None
    correct: str | Callable[[], str] | None = None


def _fill(text: str, values: Mapping[str, Any], where: str) -> str:
    def value(match: re.Match) -> str:
        name = match.group(1)
        if name not in values:
            raise ValueError(
                f"{where}: the text names {{{name}}}, but the exercise gives no value of that "
                f"name (it gives: {', '.join(values) or 'none'})"
            )
        return str(values[name])

    return _PLACEHOLDER.sub(value, text)


def _number(words: QuestionSpec, answer: Number, where: str) -> NumberQuestion:
    if len(answer.mistakes) != len(words.mistakes):
        raise ValueError(
            f"{where}: the spec words {len(words.mistakes)} mistakes, the exercise computes "
            f"{len(answer.mistakes)} values; give one value a mistake, in the same order"
        )
    extra = {} if words.tolerance is None else {"tolerance": words.tolerance}
    return NumberQuestion(
        words.variable, words.prompt, words.hint, words.solution, words.takeaway,
        expected=answer.expected, unit=words.unit, **extra,
        mistakes=tuple(
            Mistake(value, mistake.why, mistake.tolerance)
            for value, mistake in zip(answer.mistakes, words.mistakes, strict=True)
        ),
    )


def _choice(words: QuestionSpec, answer: Choice, where: str) -> ChoiceQuestion:
    both = [key for key in ("options", "correct") if getattr(words, key) and getattr(answer, key)]
    if both:
        raise ValueError(f"{where}: {' and '.join(both)} given twice, in the spec and computed")
    options = words.options or answer.options
    correct = words.correct or answer.correct
    if not options or not correct or words.mistakes:
        raise ValueError(
            f"{where}: a choice question needs options and a correct answer (in the spec or "
            "computed by the exercise) and no mistakes; a number question needs Number(...)"
        )
    return ChoiceQuestion(
        words.variable, words.prompt, words.hint, words.solution, words.takeaway,
        options=options, correct=correct, reasons=dict(words.reasons),
    )


def build_exercise(
    words: Mapping[str, QuestionSpec],
    answers: Mapping[str, Number | Choice],
    values: Mapping[str, Any],
    source: str,
) -> Exercise:
    """The exercise made of the questions' ``words`` and the computed ``answers``.

    Raises
    ------
    ValueError
        When a question has words but no answer it needs, an answer has no
        words, or a text names a value that is not given.
    """
    unworded = sorted(set(answers) - set(words))
    if unworded:
        raise ValueError(f"{source}: the exercise has no words for {', '.join(unworded)}")
    questions = {}
    for name, question in words.items():
        where = f"{source}: exercise: {name}"
        question = replace(
            question,
            prompt=_fill(question.prompt, values, where),
            hint=_fill(question.hint, values, where),
            solution=_fill(question.solution, values, where),
            takeaway=_fill(question.takeaway, values, where),
            mistakes=tuple(
                replace(mistake, why=_fill(mistake.why, values, where))
                for mistake in question.mistakes
            ),
            reasons={key: _fill(text, values, where) for key, text in question.reasons.items()},
        )
        answer = answers.get(name, Choice())
        questions[name] = (
            _number(question, answer, where) if isinstance(answer, Number)
            else _choice(question, answer, where)
        )
    return Exercise(**questions)


def tool_exercise(
    tool: str, *, values: Mapping[str, Any] | None = None, **answers: Number | Choice
) -> Exercise:
    """The exercise of ``tool``: the words in its spec, the ``answers`` computed by its Python.

    Examples
    --------
    >>> answers = {f"q{n}": Number(n, n / 10, n * 10) for n in (1, 2, 3)}
    >>> exercise = tool_exercise("turnover_cost", values={"median": "21%"}, **answers)
    >>> exercise.q4.variable
    'benchmark_q4'
    """
    spec = load_spec(tool, current_language())
    return build_exercise(spec.exercise, answers, values or {}, spec.source)


def file_exercise(
    folder: str, name: str, *, values: Mapping[str, Any] | None = None, **answers: Number | Choice
) -> Exercise:
    """An exercise whose words are in their own file, ``tools/<folder>/<name>`` (the lab's).

    Examples
    --------
    >>> exercise = file_exercise("lab", "exercise.yml", **{f"q{n}": Number(0, *[0] * m)
    ...     for n, m in ((1, 4), (2, 3), (3, 4), (4, 3))})
    >>> exercise.q3.variable
    'purchases_q3'
    """
    source = f"src/customer_focus/tools/{folder}/{name}"
    data = parse_yaml(tool_file(folder, name).read_text("utf-8"), source)
    code = language_code(current_language())
    if code:
        where = f"locales/{code}/tools/{folder}/{name}"
        path = course_root() / where
        if not path.is_file():
            raise FileNotFoundError(f"{where}: the {code} translation of {source} is missing; "
                                    "write it with the texts of its exercise.")
        data = overlay(data, parse_yaml(path.read_text("utf-8"), where), where)
    words = read_questions(data, source)
    return build_exercise(words, answers, values or {}, source)
