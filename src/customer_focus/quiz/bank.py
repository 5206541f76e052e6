"""Question banks: YAML files of quiz questions, loaded and validated.

A bank (``book/quizzes/<name>.yml``) holds one quiz::

    quiz:
      id: lifetime-value
      title: "Check yourself: lifetime value"
    questions:
      - id: clv-formula
        type: single            # single | multiple | true-false | numeric
        prompt: Which formula does the course use?
        options:
          - text: "$m \\cdot r / (1 + i - r)$"
            correct: true
            feedback: Yes: Gupta and Lehmann's, with the first margin after renewal.
          - text: ...
            feedback: ...
        explanation: Shown after any answer.
        objectives: [clv-calculate]
        cite: [gupta2003]

``true-false`` questions give ``answer: true|false`` with ``if_true`` and
``if_false`` feedback; ``numeric`` questions give ``answer``, ``tolerance``,
``unit``, ``if_correct``, ``if_incorrect`` and optional ``mistakes`` (a
``value`` and its ``feedback``).

Every problem is reported as ``file:line: what is wrong``, all at once.
"""

from __future__ import annotations

import hashlib
import json
import math
import os
import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from .markup import render_block, render_inline, has_math

__all__ = [
    "Problem",
    "BankError",
    "Option",
    "Question",
    "Quiz",
    "QUESTION_TYPES",
    "load_bank",
    "load_banks",
    "collect_banks",
    "bibliography_keys",
    "question_from_data",
]

QUESTION_TYPES = ("single", "multiple", "true-false", "numeric")
_ID = re.compile(r"^[a-z0-9][a-z0-9-]*$")


@dataclass(frozen=True)
class Problem:
    """One thing wrong with a bank, and where."""

    file: str
    line: int
    message: str

    def __str__(self) -> str:
        return f"{self.file}:{self.line}: {self.message}"


class BankError(ValueError):
    """A bank (or several) that cannot be used; ``problems`` lists every reason."""

    def __init__(self, problems: list[Problem]) -> None:
        self.problems = problems
        super().__init__("\n".join(str(problem) for problem in problems))


@dataclass(frozen=True)
class Option:
    """A choice of a single, multiple or true/false question."""

    text: str  # HTML (inline), escaped from the bank's Markdown
    correct: bool
    feedback: str  # HTML


@dataclass(frozen=True)
class Question:
    """A validated question, with its Markdown already rendered to safe HTML."""

    id: str
    type: str
    prompt: str
    explanation: str
    objectives: tuple[str, ...]
    cite: tuple[str, ...]
    options: tuple[Option, ...] = ()
    answer: float | None = None
    tolerance: float = 0.0
    unit: str = ""
    if_correct: str = ""
    if_incorrect: str = ""
    mistakes: tuple[tuple[float, str], ...] = ()
    line: int = 0

    @property
    def has_math(self) -> bool:
        """Whether the question contains math for MathJax to typeset."""
        texts = [self.prompt, self.explanation, self.if_correct, self.if_incorrect]
        texts += [option.text for option in self.options] + [option.feedback for option in self.options]
        texts += [feedback for _, feedback in self.mistakes]
        return any(has_math(text) for text in texts)

    def to_data(self) -> dict[str, Any]:
        """Everything the graders need, as plain JSON-ready data.

        The JavaScript grader receives exactly this (encoded in the page), so
        the Python and JavaScript graders work on the same data.
        """
        data: dict[str, Any] = {"id": self.id, "type": self.type, "explanation": self.explanation}
        if self.type == "numeric":
            data.update(
                answer=self.answer, tolerance=self.tolerance, unit=self.unit,
                if_correct=self.if_correct, if_incorrect=self.if_incorrect,
                mistakes=[{"value": value, "feedback": feedback} for value, feedback in self.mistakes],
            )
        else:
            data["options"] = [
                {"correct": option.correct, "feedback": option.feedback} for option in self.options
            ]
        return data


@dataclass(frozen=True)
class Quiz:
    """A validated bank: the quiz's id, title and questions."""

    id: str
    title: str
    questions: tuple[Question, ...]
    source: str
    pass_mark: float = 0.8
    fingerprint: str = field(default="")

    @property
    def has_math(self) -> bool:
        """Whether any question contains math."""
        return any(question.has_math for question in self.questions)


# ---- YAML with line numbers --------------------------------------------------------


class _Lined(dict):
    """A mapping that remembers the line of each key (1-based)."""

    line: int = 0
    lines: dict[Any, int]


class _LinedList(list):
    line: int = 0
    lines: list[int]


class _Loader(yaml.SafeLoader):
    """SafeLoader whose mappings and lists know their line numbers."""


def _construct_mapping(loader: _Loader, node: yaml.MappingNode) -> _Lined:
    loader.flatten_mapping(node)
    mapping = _Lined()
    mapping.line = node.start_mark.line + 1
    mapping.lines = {}
    for key_node, value_node in node.value:
        key = loader.construct_object(key_node, deep=True)
        if key in mapping:
            raise yaml.constructor.ConstructorError(
                None, None, f"duplicate key {key!r}", key_node.start_mark
            )
        mapping[key] = loader.construct_object(value_node, deep=True)
        mapping.lines[key] = key_node.start_mark.line + 1
    return mapping


def _construct_sequence(loader: _Loader, node: yaml.SequenceNode) -> _LinedList:
    items = _LinedList(loader.construct_object(child, deep=True) for child in node.value)
    items.line = node.start_mark.line + 1
    items.lines = [child.start_mark.line + 1 for child in node.value]
    return items


_Loader.add_constructor(yaml.resolver.BaseResolver.DEFAULT_MAPPING_TAG, _construct_mapping)
_Loader.add_constructor(yaml.resolver.BaseResolver.DEFAULT_SEQUENCE_TAG, _construct_sequence)


def _line(container: Any, key: Any = None) -> int:
    if key is not None and isinstance(container, _Lined) and key in container.lines:
        return container.lines[key]
    if key is not None and isinstance(container, _LinedList) and isinstance(key, int) and key < len(container.lines):
        return container.lines[key]
    return getattr(container, "line", 1) or 1


# ---- validation ---------------------------------------------------------------------


class _Checker:
    """Collects problems while reading one bank."""

    def __init__(self, source: str) -> None:
        self.source = source
        self.problems: list[Problem] = []

    def problem(self, line: int, message: str) -> None:
        self.problems.append(Problem(self.source, line, message))

    def text(self, data: Mapping, key: str, where: str, *, required: bool = True) -> str:
        value = data.get(key)
        if value is None or (isinstance(value, str) and not value.strip()):
            if required:
                self.problem(_line(data), f"{where}: missing {key!r} (text)")
            return ""
        if not isinstance(value, (str, int, float)) or isinstance(value, bool):
            hint = " (YAML reads yes, no, on and off as true or false: put the text in quotes)" if isinstance(value, bool) else ""
            self.problem(_line(data, key), f"{where}: {key!r} must be text, not {type(value).__name__}{hint}")
            return ""
        return str(value)

    def number(self, data: Mapping, key: str, where: str, *, required: bool = True, minimum: float | None = None) -> float | None:
        value = data.get(key)
        if value is None:
            if required:
                self.problem(_line(data), f"{where}: missing {key!r} (a number)")
            return None
        if isinstance(value, bool) or not isinstance(value, (int, float)) or not math.isfinite(float(value)):
            self.problem(_line(data, key), f"{where}: {key!r} must be a finite number, not {value!r}")
            return None
        if minimum is not None and float(value) < minimum:
            self.problem(_line(data, key), f"{where}: {key!r} must be at least {minimum:g}, not {value!r}")
            return None
        return float(value)

    def id_list(self, data: Mapping, key: str, where: str, known: Iterable[str] | None, what: str, *, required: bool) -> tuple[str, ...]:
        value = data.get(key)
        if value is None:
            if required:
                self.problem(_line(data), f"{where}: missing {key!r} (a list of {what})")
            return ()
        if isinstance(value, str):
            value = [value]
        if not isinstance(value, list) or not all(isinstance(item, str) for item in value):
            self.problem(_line(data, key), f"{where}: {key!r} must be a list of {what}")
            return ()
        if required and not value:
            self.problem(_line(data, key), f"{where}: {key!r} must name at least one of the {what}")
        if known is not None:
            known = set(known)
            for item in value:
                if item not in known:
                    self.problem(_line(data, key), f"{where}: unknown {what[:-1]} {item!r} in {key!r}")
        return tuple(value)


_ALLOWED_KEYS = {
    "single": {"id", "type", "prompt", "options", "explanation", "objectives", "cite"},
    "multiple": {"id", "type", "prompt", "options", "explanation", "objectives", "cite"},
    "true-false": {"id", "type", "prompt", "answer", "if_true", "if_false", "explanation", "objectives", "cite"},
    "numeric": {
        "id", "type", "prompt", "answer", "tolerance", "unit", "if_correct", "if_incorrect",
        "mistakes", "explanation", "objectives", "cite",
    },
}


def _options(check: _Checker, data: Mapping, kind: str, where: str) -> tuple[Option, ...]:
    raw = data.get("options")
    if not isinstance(raw, list) or len(raw) < 2:
        check.problem(_line(data, "options"), f"{where}: a {kind} question needs a list of at least 2 'options'")
        return ()
    options = []
    option_ids: set[object] = set()
    for index, item in enumerate(raw):
        place = f"{where}, option {index + 1}"
        if not isinstance(item, dict):
            check.problem(_line(raw, index), f"{place}: must have 'text', 'feedback' and optionally 'correct: true'")
            continue
        unknown = set(item) - {"text", "correct", "feedback", "id", "fixed"}
        if unknown:
            check.problem(_line(item), f"{place}: unknown key {sorted(unknown)[0]!r} (use text, correct, feedback, id, fixed)")
        correct = item.get("correct", False)
        if not isinstance(correct, bool):
            check.problem(_line(item, "correct"), f"{place}: 'correct' must be true or false, not {correct!r}")
            correct = False
        option_id = item.get("id")
        if option_id is not None and not (isinstance(option_id, str) and _ID.match(option_id)):
            check.problem(_line(item, "id"), f"{place}: 'id' must be lowercase letters, digits and hyphens, e.g. longest-life (got {option_id!r})")
        elif option_id is not None and option_id in option_ids:
            check.problem(_line(item, "id"), f"{place}: option id {option_id!r} is used twice in this question")
        option_ids.add(option_id)
        if not isinstance(item.get("fixed", False), bool):
            check.problem(_line(item, "fixed"), f"{place}: 'fixed' must be true or false, not {item['fixed']!r}")
        text = check.text(item, "text", place)
        feedback = check.text(item, "feedback", place)
        options.append(Option(render_inline(text), correct, render_block(feedback)))
    texts = [option.text for option in options]
    for index, text in enumerate(texts):
        if text and texts.index(text) != index:
            check.problem(_line(raw, index), f"{where}, option {index + 1}: repeats option {texts.index(text) + 1}")
    count = sum(option.correct for option in options)
    if kind == "single" and count != 1:
        check.problem(_line(data, "options"), f"{where}: a single-choice question needs exactly one correct option; it has {count}")
    if kind == "multiple" and count < 1:
        check.problem(_line(data, "options"), f"{where}: a multiple-select question needs at least one correct option; it has none")
    return tuple(options)


def question_from_data(
    data: Any,
    *,
    source: str = "<bank>",
    objectives: Iterable[str] | None = None,
    citations: Iterable[str] | None = None,
    where: str = "question",
    check: _Checker | None = None,
) -> Question | None:
    """Validate one question's data and build a :class:`Question`.

    Problems are added to ``check`` (or raised as :class:`BankError` when no
    checker is given). Returns ``None`` when the question is unusable.
    """
    own = check is None
    check = check or _Checker(source)
    if not isinstance(data, dict):
        check.problem(_line(data), f"{where}: must be a mapping with id, type, prompt...")
        if own:
            raise BankError(check.problems)
        return None
    before = len(check.problems)
    qid = data.get("id")
    if not isinstance(qid, str) or not _ID.match(qid):
        check.problem(_line(data, "id"), f"{where}: 'id' must be lowercase letters, digits and hyphens, e.g. clv-formula (got {qid!r})")
        qid = str(qid)
    where = f"question {qid!r}"
    kind = data.get("type")
    if kind not in QUESTION_TYPES:
        check.problem(_line(data, "type"), f"{where}: 'type' must be one of {', '.join(QUESTION_TYPES)} (got {kind!r})")
        if own:
            raise BankError(check.problems)
        return None
    unknown = set(data) - _ALLOWED_KEYS[kind]
    for key in sorted(unknown, key=str):
        check.problem(_line(data, key), f"{where}: unknown key {key!r} for a {kind} question")
    prompt_text = check.text(data, "prompt", where)
    prompt = render_block(prompt_text)
    if re.search(r"<(?!/?(p|em|strong|code|a|span|br|sup|sub)\b)[a-z]", prompt):
        check.problem(_line(data, "prompt"), f"{where}: 'prompt' may hold only paragraphs of text (no lists, headings or code blocks); put longer material on the page before the quiz")
    explanation = render_block(check.text(data, "explanation", where))
    question_objectives = check.id_list(data, "objectives", where, objectives, "learning objectives", required=True)
    cites = check.id_list(data, "cite", where, citations, "citation keys", required=False)
    fields: dict[str, Any] = {}
    if kind in ("single", "multiple"):
        fields["options"] = _options(check, data, kind, where)
    elif kind == "true-false":
        answer = data.get("answer")
        if not isinstance(answer, bool):
            check.problem(_line(data, "answer"), f"{where}: a true-false question needs 'answer: true' or 'answer: false' (got {answer!r})")
            answer = True
        fields["options"] = (
            Option("True", answer is True, render_block(check.text(data, "if_true", where))),
            Option("False", answer is False, render_block(check.text(data, "if_false", where))),
        )
    else:
        fields["answer"] = check.number(data, "answer", where)
        tolerance = check.number(data, "tolerance", where, minimum=0)
        fields["tolerance"] = 0.0 if tolerance is None else tolerance
        fields["unit"] = check.text(data, "unit", where, required=False)
        fields["if_correct"] = render_block(check.text(data, "if_correct", where))
        fields["if_incorrect"] = render_block(check.text(data, "if_incorrect", where))
        mistakes = data.get("mistakes", [])
        parsed = []
        if not isinstance(mistakes, list):
            check.problem(_line(data, "mistakes"), f"{where}: 'mistakes' must be a list of value and feedback")
            mistakes = []
        for index, mistake in enumerate(mistakes):
            place = f"{where}, mistake {index + 1}"
            if not isinstance(mistake, dict):
                check.problem(_line(mistakes, index), f"{place}: must have 'value' and 'feedback'")
                continue
            value = check.number(mistake, "value", place)
            feedback = check.text(mistake, "feedback", place)
            if value is not None and fields["answer"] is not None and abs(value - fields["answer"]) <= fields["tolerance"]:
                check.problem(_line(mistake, "value"), f"{place}: {value:g} is within the tolerance of the answer, so it would be graded correct")
            if value is not None:
                parsed.append((value, render_block(feedback)))
        fields["mistakes"] = tuple(parsed)
    if len(check.problems) > before:
        if own:
            raise BankError(check.problems)
        return None
    return Question(
        id=qid, type=kind, prompt=prompt, explanation=explanation,
        objectives=question_objectives, cite=cites, line=_line(data), **fields,
    )


def _fingerprint(questions: Iterable[Question]) -> str:
    payload = json.dumps([question.to_data() | {"prompt": question.prompt} for question in questions], sort_keys=True)
    return hashlib.sha256(payload.encode("utf-8")).hexdigest()[:16]


def load_bank(
    path: str | os.PathLike[str],
    *,
    objectives: Iterable[str] | None = None,
    citations: Iterable[str] | None = None,
    source: str | None = None,
) -> Quiz:
    """Read and validate one question bank.

    Parameters
    ----------
    path : str or path-like
        The YAML file.
    objectives : iterable of str, optional
        The learning objective ids that exist (from the course map); when
        given, every question must name only these.
    citations : iterable of str, optional
        The citation keys that exist (from ``references.bib``).
    source : str, optional
        How to name the file in messages (default: the path as given).

    Returns
    -------
    Quiz

    Raises
    ------
    BankError
        Listing every problem as ``file:line: message``.
    """
    file = Path(path)
    check = _Checker(source or str(path))
    try:
        data = yaml.load(file.read_text(encoding="utf-8"), Loader=_Loader)  # noqa: S506 - a SafeLoader subclass
    except OSError as error:
        raise BankError([Problem(check.source, 1, f"cannot be read: {error.strerror or error}")]) from None
    except yaml.YAMLError as error:
        mark = getattr(error, "problem_mark", None) or getattr(error, "context_mark", None)
        line = mark.line + 1 if mark else 1
        reason = getattr(error, "problem", None) or str(error)
        raise BankError([Problem(check.source, line, f"not valid YAML: {reason}")]) from None
    if not isinstance(data, dict):
        raise BankError([Problem(check.source, 1, "a bank needs a 'quiz' section and a 'questions' list")])
    header = data.get("quiz")
    for key in sorted(set(data) - {"quiz", "questions"}, key=str):
        check.problem(_line(data, key), f"unknown top-level key {key!r} (a bank has 'quiz' and 'questions')")
    quiz_id, title, pass_mark = "", "", 0.8
    if not isinstance(header, dict):
        check.problem(_line(data, "quiz"), "missing 'quiz' section with 'id' and 'title'")
    else:
        quiz_id = header.get("id")
        if not isinstance(quiz_id, str) or not _ID.match(quiz_id):
            check.problem(_line(header, "id"), f"quiz: 'id' must be lowercase letters, digits and hyphens (got {quiz_id!r})")
        title = check.text(header, "title", "quiz")
        pass_mark = header.get("pass_mark", 0.8)
        if isinstance(pass_mark, bool) or not isinstance(pass_mark, (int, float)) or not 0 < float(pass_mark) <= 1:
            check.problem(_line(header, "pass_mark"), f"quiz: 'pass_mark' must be a share between 0 and 1, e.g. 0.8 (got {pass_mark!r})")
            pass_mark = 0.8
        mode, draw = header.get("mode", "practice"), header.get("draw")
        if mode not in ("practice", "exam"):
            check.problem(_line(header, "mode"), f"quiz: 'mode' must be practice or exam (got {mode!r})")
        minimums = {"size": 1, "min_per_chapter": 0}
        if draw is not None and not (
            isinstance(draw, dict) and set(draw) == set(minimums)
            and all(type(draw[key]) is int and draw[key] >= low for key, low in minimums.items())
        ):
            check.problem(_line(header, "draw"), f"quiz: 'draw' must be {{size: <whole number, 1 or more>, min_per_chapter: <whole number, 0 or more>}} (got {draw!r})")
    raw_questions = data.get("questions")
    questions: list[Question] = []
    if not isinstance(raw_questions, list) or not raw_questions:
        check.problem(_line(data, "questions"), "'questions' must be a non-empty list")
        raw_questions = []
    seen: dict[str, int] = {}
    for index, item in enumerate(raw_questions):
        question = question_from_data(
            item, source=check.source, objectives=objectives, citations=citations,
            where=f"question {index + 1}", check=check,
        )
        if question is None:
            continue
        if question.id in seen:
            check.problem(question.line, f"question id {question.id!r} is used twice (first at line {seen[question.id]})")
        seen.setdefault(question.id, question.line)
        questions.append(question)
    if check.problems:
        raise BankError(check.problems)
    return Quiz(
        id=str(quiz_id), title=title, questions=tuple(questions), source=check.source,
        pass_mark=float(pass_mark), fingerprint=_fingerprint(questions),
    )


def bibliography_keys(path: str | os.PathLike[str]) -> set[str]:
    """The citation keys defined in a BibTeX file."""
    text = Path(path).read_text(encoding="utf-8")
    return set(re.findall(r"^\s*@\w+\s*\{\s*([^,\s]+)\s*,", text, flags=re.M))


def load_banks(
    folder: str | os.PathLike[str],
    *,
    objectives: Iterable[str] | None = None,
    citations: Iterable[str] | None = None,
    relative_to: str | os.PathLike[str] | None = None,
) -> dict[str, Quiz]:
    """Load every ``*.yml`` bank of a folder; check ids are unique across them.

    Returns
    -------
    dict
        Quizzes by quiz id.

    Raises
    ------
    BankError
        Every problem of every bank, at once.
    """
    quizzes, problems = collect_banks(folder, objectives=objectives, citations=citations, relative_to=relative_to)
    if problems:
        raise BankError(problems)
    return quizzes


def collect_banks(
    folder: str | os.PathLike[str],
    *,
    objectives: Iterable[str] | None = None,
    citations: Iterable[str] | None = None,
    relative_to: str | os.PathLike[str] | None = None,
) -> tuple[dict[str, Quiz], list[Problem]]:
    """Like :func:`load_banks`, but return the valid quizzes *and* the problems.

    A bank with any problem is left out of the quizzes.
    """
    problems: list[Problem] = []
    quizzes: dict[str, Quiz] = {}
    owners: dict[str, tuple[str, int]] = {}
    objectives = None if objectives is None else list(objectives)
    citations = None if citations is None else list(citations)
    for path in sorted(Path(folder).glob("*.yml")):
        name = os.path.relpath(path, relative_to) if relative_to else str(path)
        try:
            quiz = load_bank(path, objectives=objectives, citations=citations, source=name)
        except BankError as error:
            problems.extend(error.problems)
            continue
        if quiz.id in quizzes:
            problems.append(Problem(name, 1, f"quiz id {quiz.id!r} is already used by {quizzes[quiz.id].source}"))
            continue
        quizzes[quiz.id] = quiz
        for question in quiz.questions:
            if question.id in owners:
                other, line = owners[question.id]
                problems.append(Problem(name, question.line, f"question id {question.id!r} is already used in {other}:{line}; ids must be unique across the course"))
            else:
                owners[question.id] = (name, question.line)
    return quizzes, problems
