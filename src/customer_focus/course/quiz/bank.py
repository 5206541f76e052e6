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

Options and their ids
    An option of a single or multiple question may carry ``id:`` (lowercase
    letters, digits and hyphens, unique within its question). Without one, its
    id is derived from its text: ``o`` and the first 7 hex digits of the
    SHA-256 of the text as written in the bank, so reordering options keeps
    their ids and rewording one gives it a new id. ``fixed: true`` keeps an
    option at its authored place when options are shuffled ("None of these").
    True/false options have the ids ``true`` and ``false`` and are never
    shuffled. Stored answers, events, LMS interactions and grading use these
    ids, never positions. A question has at most :data:`MAX_OPTIONS` options.

Practice and exam banks
    The ``quiz:`` header may give ``mode: practice`` (the default: instant
    feedback per question) or ``mode: exam`` with a ``draw``::

        quiz:
          id: knowledge-check
          title: Knowledge check
          pass_mark: 0.8
          mode: exam
          draw: {size: 16, min_per_chapter: 2}

    Each attempt at an exam bank draws ``size`` questions, at least
    ``min_per_chapter`` from every chapter of the pool and the rest at random.
    A question's chapter is the course-map chapter of its *first* objective.
    The bank is refused unless every draw can be made.

Every problem is reported as ``file:line: what is wrong``, all at once.
"""

from __future__ import annotations

import hashlib
import json
import os
import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

from ...core.problems import DataFileError, Problem, Problems, line_of
from ...core.yamlfile import load_yaml
from ..cases import expand as expand_case_figures
from ..markup import has_math, render_block, render_inline
from ..translation import Translation, find_translation, language_code, shown
from ..words import supported, words

__all__ = [
    "BankError",
    "Option",
    "Question",
    "Quiz",
    "Draw",
    "QUESTION_TYPES",
    "MODES",
    "MAX_OPTIONS",
    "option_id",
    "draw_problems",
    "load_bank",
    "load_banks",
    "collect_banks",
    "bibliography_keys",
    "question_from_data",
    "translate_quiz",
]

QUESTION_TYPES = ("single", "multiple", "true-false", "numeric")
MODES = ("practice", "exam")
#: At most this many options per question (stored answers use one character per option index).
MAX_OPTIONS = 20
_ID = re.compile(r"^[a-z0-9][a-z0-9-]*$")


def option_id(text: str) -> str:
    """The id of an option that gives none: derived from its text as written in the bank.

    Examples
    --------
    >>> option_id("None of these")
    'o161f67c'
    >>> option_id("None of these") == option_id("None of these.")
    False
    """
    return "o" + hashlib.sha256(text.encode("utf-8")).hexdigest()[:7]


def _short_hash(data: Any, length: int) -> str:
    payload = json.dumps(data, sort_keys=True, ensure_ascii=False)
    return hashlib.sha256(payload.encode("utf-8")).hexdigest()[:length]


class BankError(DataFileError):
    """A bank (or several) that cannot be used; ``problems`` lists every reason."""


@dataclass(frozen=True)
class Option:
    """A choice of a single, multiple or true/false question."""

    text: str  # HTML (inline), escaped from the bank's Markdown
    correct: bool
    feedback: str  # HTML
    id: str = ""
    fixed: bool = False


@dataclass(frozen=True)
class Draw:
    """How an exam bank draws each attempt: ``size`` items, ``min_per_chapter`` from each
    chapter."""

    size: int
    min_per_chapter: int = 0


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
    chapter: str = ""  # the course-map chapter of the first objective ("" without a course map)
    #: A translation keeps its English question's fingerprint here (see :func:`translate_quiz`).
    english_fingerprint: str = ""

    @property
    def fingerprint(self) -> str:
        """8 hex digits that change when what a stored answer means changes.

        The prompt, the options (id, text, which are correct, which are
        fixed) and a numeric answer and tolerance count; feedback and
        explanations do not, so fixing a typo there keeps learners' answers.
        A translated question has its English question's fingerprint, so
        progress saved in one edition of the course holds in the other.
        """
        if self.english_fingerprint:
            return self.english_fingerprint
        return _short_hash(
            [
                self.id,
                self.type,
                self.prompt,
                [[o.id, o.text, o.correct, o.fixed] for o in self.options],
                self.answer,
                self.tolerance,
            ],
            8,
        )

    @property
    def has_math(self) -> bool:
        """Whether the question contains math for MathJax to typeset."""
        texts = [self.prompt, self.explanation, self.if_correct, self.if_incorrect]
        texts += [option.text for option in self.options] + [
            option.feedback for option in self.options
        ]
        texts += [feedback for _, feedback in self.mistakes]
        return any(has_math(text) for text in texts)

    def to_data(self) -> dict[str, Any]:
        """Everything the graders need, as plain JSON-ready data.

        The JavaScript grader receives exactly this (encoded in the page), so
        the Python and JavaScript graders work on the same data.
        """
        data: dict[str, Any] = {
            "id": self.id,
            "type": self.type,
            "explanation": self.explanation,
            "fingerprint": self.fingerprint,
            "chapter": self.chapter,
        }
        if self.type == "numeric":
            data.update(
                answer=self.answer,
                tolerance=self.tolerance,
                unit=self.unit,
                if_correct=self.if_correct,
                if_incorrect=self.if_incorrect,
                mistakes=[
                    {"value": value, "feedback": feedback} for value, feedback in self.mistakes
                ],
            )
        else:
            data["options"] = [
                {
                    "id": option.id,
                    "correct": option.correct,
                    "fixed": option.fixed,
                    "feedback": option.feedback,
                }
                for option in self.options
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
    mode: str = "practice"
    draw: Draw | None = None
    line: int = 1  # the line of the bank's ``quiz:`` header

    @property
    def has_math(self) -> bool:
        """Whether any question contains math."""
        return any(question.has_math for question in self.questions)

    def chapters(self) -> list[str]:
        """The chapters of the questions, in order of first appearance."""
        return list(dict.fromkeys(question.chapter for question in self.questions))


# ---- validation ---------------------------------------------------------------------


class _Checker(Problems):
    """Collects problems while reading one bank."""

    def problem(self, line: int, message: str) -> None:
        """Note a problem at a line."""
        self.found.append(Problem(self.source, line, message))

    def prose(self, data: Mapping, key: str, where: str, *, required: bool = True) -> str:
        value = data.get(key)
        if value is None or (isinstance(value, str) and not value.strip()):
            if required:
                self.add(data, None, f"{where}: missing {key!r} (text)")
            return ""
        if not isinstance(value, (str, int, float)) or isinstance(value, bool):
            hint = (
                " (YAML reads yes, no, on and off as true or false: put the text in quotes)"
                if isinstance(value, bool)
                else ""
            )
            self.add(data, key, f"{where}: {key!r} must be text, not {type(value).__name__}{hint}")
            return ""
        try:
            return expand_case_figures(str(value))
        except ValueError as error:
            self.add(data, key, f"{where}: {key!r}: {error}")
            return str(value)

    def finite(
        self, data: Mapping, key: str, where: str, *, minimum: float | None = None
    ) -> float | None:
        """``data[key]``, required, as a float (at least ``minimum``, when given)."""
        value = self.number(data, key, where, required=True, minimum=minimum,
                            kind="a finite number")
        return None if value is None else float(value)

    def id_list(
        self,
        data: Mapping,
        key: str,
        where: str,
        known: Iterable[str] | None,
        what: str,
        *,
        required: bool,
    ) -> tuple[str, ...]:
        value = data.get(key)
        if value is None:
            if required:
                self.add(data, None, f"{where}: missing {key!r} (a list of {what})")
            return ()
        if isinstance(value, str):
            value = [value]
        if not isinstance(value, list) or not all(isinstance(item, str) for item in value):
            self.add(data, key, f"{where}: {key!r} must be a list of {what}")
            return ()
        if required and not value:
            self.add(data, key, f"{where}: {key!r} must name at least one of the {what}")
        if known is not None:
            known = set(known)
            for item in value:
                if item not in known:
                    self.add(data, key, f"{where}: unknown {what[:-1]} {item!r} in {key!r}")
        return tuple(value)


_ALLOWED_KEYS = {
    "single": {"id", "type", "prompt", "options", "explanation", "objectives", "cite"},
    "multiple": {"id", "type", "prompt", "options", "explanation", "objectives", "cite"},
    "true-false": {
        "id",
        "type",
        "prompt",
        "answer",
        "if_true",
        "if_false",
        "explanation",
        "objectives",
        "cite",
    },
    "numeric": {
        "id",
        "type",
        "prompt",
        "answer",
        "tolerance",
        "unit",
        "if_correct",
        "if_incorrect",
        "mistakes",
        "explanation",
        "objectives",
        "cite",
    },
}


def _options(check: _Checker, data: Mapping, kind: str, where: str) -> tuple[Option, ...]:
    raw = data.get("options")
    if not isinstance(raw, list) or len(raw) < 2:
        check.add(
            data, "options", f"{where}: a {kind} question needs a list of at least 2 'options'"
        )
        return ()
    if len(raw) > MAX_OPTIONS:
        check.add(
            data,
            "options",
            f"{where}: at most {MAX_OPTIONS} options per question; it has {len(raw)}",
        )
    options = []
    lines = []
    for index, item in enumerate(raw):
        place = f"{where}, option {index + 1}"
        if not isinstance(item, dict):
            check.add(
                raw, index, f"{place}: must have 'text', 'feedback' and optionally 'correct: true'"
            )
            continue
        unknown = set(item) - {"text", "correct", "feedback", "id", "fixed"}
        if unknown:
            check.add(
                item,
                None,
                f"{place}: unknown key {sorted(unknown, key=str)[0]!r} (use text, correct, "
                "feedback, id, fixed)",
            )
        flags = {}
        for flag in ("correct", "fixed"):
            value = item.get(flag, False)
            if not isinstance(value, bool):
                check.add(item, flag, f"{place}: {flag!r} must be true or false, not {value!r}")
                value = False
            flags[flag] = value
        text = check.prose(item, "text", place)
        feedback = check.prose(item, "feedback", place)
        given = item.get("id")
        if given is None:
            identifier = option_id(text)
        elif not isinstance(given, str) or not _ID.match(given):
            check.add(
                item,
                "id",
                f"{place}: 'id' must be lowercase letters, digits and hyphens, e.g. none-of-these "
                f"(got {given!r})",
            )
            identifier = str(given)
        else:
            identifier = given
        options.append(
            Option(
                render_inline(text),
                flags["correct"],
                render_block(feedback),
                identifier,
                flags["fixed"],
            )
        )
        lines.append(line_of(item, "id") if given is not None else line_of(raw, index))
    texts = [option.text for option in options]
    for index, text in enumerate(texts):
        if text and texts.index(text) != index:
            check.problem(
                lines[index], f"{where}, option {index + 1}: repeats option {texts.index(text) + 1}"
            )
    ids = [option.id for option in options]
    for index, identifier in enumerate(ids):
        first = ids.index(identifier)
        if first != index and texts[first] != texts[index]:
            check.problem(
                lines[index],
                f"{where}, option {index + 1}: id {identifier!r} is already used by option "
                f"{first + 1}; ids must be unique within a question",
            )
    count = sum(option.correct for option in options)
    if kind == "single" and count != 1:
        check.add(
            data,
            "options",
            f"{where}: a single-choice question needs exactly one correct option; it has {count}",
        )
    if kind == "multiple" and count < 1:
        check.add(
            data,
            "options",
            f"{where}: a multiple-select question needs at least one correct option; it has none",
        )
    return tuple(options)


def question_from_data(
    data: Any,
    *,
    source: str = "<bank>",
    objectives: Iterable[str] | Mapping[str, Any] | None = None,
    citations: Iterable[str] | None = None,
    where: str = "question",
    check: _Checker | None = None,
) -> Question | None:
    """Validate one question's data and build a :class:`Question`.

    Problems are added to ``check`` (or raised as :class:`BankError` when no
    checker is given). Returns ``None`` when the question is unusable.

    ``objectives`` may be the course map's objectives (a mapping of id to an
    object with a ``chapter``): the question's chapter is then the chapter of
    its first objective.
    """
    own = check is None
    check = check or _Checker(source)
    if not isinstance(data, dict):
        check.add(data, None, f"{where}: must be a mapping with id, type, prompt...")
        if own:
            raise BankError(check.found)
        return None
    before = len(check.found)
    qid = data.get("id")
    if not isinstance(qid, str) or not _ID.match(qid):
        check.add(
            data,
            "id",
            f"{where}: 'id' must be lowercase letters, digits and hyphens, e.g. clv-formula (got "
            f"{qid!r})",
        )
        qid = str(qid)
    where = f"question {qid!r}"
    kind = data.get("type")
    if kind not in QUESTION_TYPES:
        check.add(
            data,
            "type",
            f"{where}: 'type' must be one of {', '.join(QUESTION_TYPES)} (got {kind!r})",
        )
        if own:
            raise BankError(check.found)
        return None
    unknown = set(data) - _ALLOWED_KEYS[kind]
    for key in sorted(unknown, key=str):
        check.add(data, key, f"{where}: unknown key {key!r} for a {kind} question")
    prompt_text = check.prose(data, "prompt", where)
    prompt = render_block(prompt_text)
    if re.search(r"<(?!/?(p|em|strong|code|a|span|br|sup|sub)\b)[a-z]", prompt):
        check.add(
            data,
            "prompt",
            f"{where}: 'prompt' may hold only paragraphs of text (no lists, headings or code "
            "blocks); put longer material on the page before the quiz",
        )
    explanation = render_block(check.prose(data, "explanation", where))
    question_objectives = check.id_list(
        data, "objectives", where, objectives, "learning objectives", required=True
    )
    cites = check.id_list(data, "cite", where, citations, "citation keys", required=False)
    chapter = ""
    if question_objectives and isinstance(objectives, Mapping):
        first = objectives.get(question_objectives[0])
        chapter = str(getattr(first, "chapter", "") or "")
    fields: dict[str, Any] = {"chapter": chapter}
    if kind in ("single", "multiple"):
        fields["options"] = _options(check, data, kind, where)
    elif kind == "true-false":
        answer = data.get("answer")
        if not isinstance(answer, bool):
            check.add(
                data,
                "answer",
                f"{where}: a true-false question needs 'answer: true' or 'answer: false' (got "
                f"{answer!r})",
            )
            answer = True
        fields["options"] = (
            Option(
                "True",
                answer is True,
                render_block(check.prose(data, "if_true", where)),
                "true",
                True,
            ),
            Option(
                "False",
                answer is False,
                render_block(check.prose(data, "if_false", where)),
                "false",
                True,
            ),
        )
    else:
        fields["answer"] = check.finite(data, "answer", where)
        tolerance = check.finite(data, "tolerance", where, minimum=0)
        fields["tolerance"] = 0.0 if tolerance is None else tolerance
        fields["unit"] = check.prose(data, "unit", where, required=False)
        fields["if_correct"] = render_block(check.prose(data, "if_correct", where))
        fields["if_incorrect"] = render_block(check.prose(data, "if_incorrect", where))
        mistakes = data.get("mistakes", [])
        parsed = []
        if not isinstance(mistakes, list):
            check.add(data, "mistakes", f"{where}: 'mistakes' must be a list of value and feedback")
            mistakes = []
        for index, mistake in enumerate(mistakes):
            place = f"{where}, mistake {index + 1}"
            if not isinstance(mistake, dict):
                check.add(mistakes, index, f"{place}: must have 'value' and 'feedback'")
                continue
            value = check.finite(mistake, "value", place)
            feedback = check.prose(mistake, "feedback", place)
            if (
                value is not None
                and fields["answer"] is not None
                and abs(value - fields["answer"]) <= fields["tolerance"]
            ):
                check.add(
                    mistake,
                    "value",
                    f"{place}: {value:g} is within the tolerance of the answer, so it would be "
                    "graded correct",
                )
            if value is not None:
                parsed.append((value, render_block(feedback)))
        fields["mistakes"] = tuple(parsed)
    if len(check.found) > before:
        if own:
            raise BankError(check.found)
        return None
    return Question(
        id=qid,
        type=kind,
        prompt=prompt,
        explanation=explanation,
        objectives=question_objectives,
        cite=cites,
        line=line_of(data),
        **fields,
    )


def _fingerprint(questions: Iterable[Question], mode: str, draw: Draw | None) -> str:
    return _short_hash(
        [
            mode,
            [draw.size, draw.min_per_chapter] if draw else None,
            [[question.id, question.fingerprint, question.chapter] for question in questions],
        ],
        16,
    )


def draw_problems(
    questions: Iterable[Question], draw: Draw, chapters: Iterable[str] | None = None
) -> list[str]:
    """Why ``draw`` cannot be made from ``questions`` (restricted to ``chapters``); empty when it
    can.

    Every chapter must hold at least ``min_per_chapter`` items, and the
    size (capped at the items available) must hold that many from each.

    Examples
    --------
    >>> from customer_focus.course.quiz.bank import Question
    >>> pool = [Question(f"q{i}", "numeric", "", "", (), (), chapter=c)
    ...         for i, c in enumerate("aab")]
    >>> draw_problems(pool, Draw(size=3, min_per_chapter=2))
    ["chapter 'b' has 1 item; the draw needs at least 2 from each chapter"]
    >>> draw_problems(pool, Draw(size=2, min_per_chapter=1))
    []
    """
    pool = list(questions)
    wanted = (
        list(dict.fromkeys(chapters))
        if chapters is not None
        else list(dict.fromkeys(q.chapter for q in pool))
    )
    counts = {chapter: sum(q.chapter == chapter for q in pool) for chapter in wanted}
    problems = []
    for chapter, count in counts.items():
        if count < draw.min_per_chapter or count == 0:
            name = f"chapter {chapter!r}" if chapter else "the pool"
            problems.append(
                f"{name} has {count} item{'' if count == 1 else 's'}; the draw needs at least "
                f"{max(draw.min_per_chapter, 1)} from each chapter"
            )
    available = sum(counts.values())
    size = min(draw.size, available)
    if not problems and draw.min_per_chapter * len(counts) > size:
        problems.append(
            f"a draw of {size} cannot hold {draw.min_per_chapter} from each of {len(counts)} "
            "chapters; "
            f"raise 'size' or lower 'min_per_chapter'"
        )
    return problems


def _draw(check: _Checker, header: Mapping, mode: str) -> Draw | None:
    raw = header.get("draw")
    if mode != "exam":
        if raw is not None:
            check.add(
                header,
                "draw",
                "quiz: 'draw' is only for exam banks; add 'mode: exam' or remove 'draw'",
            )
        return None
    if not isinstance(raw, dict):
        check.problem(
            line_of(header, "draw") if raw is not None else line_of(header, "mode"),
            "quiz: an exam bank needs 'draw: {size: 16, min_per_chapter: 2}'",
        )
        return None
    for key in sorted(set(raw) - {"size", "min_per_chapter"}, key=str):
        check.add(raw, key, f"quiz: unknown key {key!r} in 'draw' (use size, min_per_chapter)")
    values = {}
    for key, default, minimum in (("size", None, 1), ("min_per_chapter", 0, 0)):
        value = raw.get(key, default)
        if isinstance(value, bool) or not isinstance(value, int) or value < minimum:
            check.add(
                raw,
                key,
                f"quiz: draw '{key}' must be a whole number of at least {minimum} (got {value!r})",
            )
            return None
        values[key] = value
    return Draw(values["size"], values["min_per_chapter"])


def load_bank(
    path: str | os.PathLike[str],
    *,
    objectives: Iterable[str] | Mapping[str, Any] | None = None,
    citations: Iterable[str] | None = None,
    source: str | None = None,
    language: str | None = None,
    locales: str | os.PathLike[str] | None = None,
    fallback: bool = False,
) -> Quiz:
    """Read and validate one question bank, in English or laid over with its translation.

    Parameters
    ----------
    path : str or path-like
        The YAML file.
    objectives : iterable of str or mapping, optional
        The learning objective ids that exist (from the course map); when
        given, every question must name only these. Given as the course
        map's objectives (id to objective), each question also gets the
        chapter of its first objective, which exam draws use.
    citations : iterable of str, optional
        The citation keys that exist (from ``references.bib``).
    source : str, optional
        How to name the file in messages (default: the path as given).
    language : str, optional
        ``None`` or ``"en"``: the English bank. Another language (``"zh_TW"``):
        the English bank with the text of its translation,
        ``locales/<language>/quizzes/<name>.yml`` (see :func:`translate_quiz`).
    locales : path-like, optional
        The ``locales`` folder (default: the one in the course's folder).
    fallback : bool, default False
        When the translation file does not exist, give the English bank
        (the caller says so) instead of raising.

    Returns
    -------
    Quiz

    Raises
    ------
    BankError
        Listing every problem as ``file:line: message`` (of the English
        file, then of the translation).
    """
    quiz = _load_english(path, objectives=objectives, citations=citations, source=source)
    if language_code(language) is None:
        return quiz
    translated = find_translation("quizzes", path, str(language), quiz.source, BankError,
                                  locales=locales, fallback=fallback)
    if translated is None:
        return quiz
    return translate_quiz(quiz, translated, language=str(language), source=shown(translated))


def _load_english(
    path: str | os.PathLike[str],
    *,
    objectives: Iterable[str] | Mapping[str, Any] | None,
    citations: Iterable[str] | None,
    source: str | None,
) -> Quiz:
    check = _Checker(source or str(path))
    try:
        data = load_yaml(path, source=check.source)
    except DataFileError as error:
        raise BankError(error.problems) from None
    if not isinstance(data, dict):
        check.problem(1, "a bank needs a 'quiz' section and a 'questions' list")
        raise BankError(check.found)
    header = data.get("quiz")
    for key in sorted(set(data) - {"quiz", "questions"}, key=str):
        check.add(data, key, f"unknown top-level key {key!r} (a bank has 'quiz' and 'questions')")
    quiz_id, title, pass_mark, mode, draw = "", "", 0.8, "practice", None
    if not isinstance(header, dict):
        check.add(data, "quiz", "missing 'quiz' section with 'id' and 'title'")
    else:
        for key in sorted(set(header) - {"id", "title", "pass_mark", "mode", "draw"}, key=str):
            check.add(
                header, key, f"quiz: unknown key {key!r} (use id, title, pass_mark, mode, draw)"
            )
        quiz_id = header.get("id")
        if not isinstance(quiz_id, str) or not _ID.match(quiz_id):
            check.add(
                header,
                "id",
                f"quiz: 'id' must be lowercase letters, digits and hyphens (got {quiz_id!r})",
            )
        title = check.prose(header, "title", "quiz")
        pass_mark = header.get("pass_mark", 0.8)
        if (
            isinstance(pass_mark, bool)
            or not isinstance(pass_mark, (int, float))
            or not 0 < float(pass_mark) <= 1
        ):
            check.add(
                header,
                "pass_mark",
                f"quiz: 'pass_mark' must be a share between 0 and 1, e.g. 0.8 (got {pass_mark!r})",
            )
            pass_mark = 0.8
        mode = header.get("mode", "practice")
        if mode not in MODES:
            check.add(header, "mode", f"quiz: 'mode' must be practice or exam (got {mode!r})")
            mode = "practice"
        else:
            draw = _draw(check, header, mode)
    raw_questions = data.get("questions")
    questions: list[Question] = []
    if not isinstance(raw_questions, list) or not raw_questions:
        check.add(data, "questions", "'questions' must be a non-empty list")
        raw_questions = []
    seen: dict[str, int] = {}
    for index, item in enumerate(raw_questions):
        question = question_from_data(
            item,
            source=check.source,
            objectives=objectives,
            citations=citations,
            where=f"question {index + 1}",
            check=check,
        )
        if question is None:
            continue
        if question.id in seen:
            check.problem(
                question.line,
                f"question id {question.id!r} is used twice (first at line {seen[question.id]})",
            )
        seen.setdefault(question.id, question.line)
        questions.append(question)
    if draw is not None and questions and not check.found:
        for message in draw_problems(questions, draw):
            check.add(header["draw"], None, f"quiz: {message}")
    if check.found:
        raise BankError(check.found)
    return Quiz(
        id=str(quiz_id),
        title=title,
        questions=tuple(questions),
        source=check.source,
        pass_mark=float(pass_mark),
        fingerprint=_fingerprint(questions, mode, draw),
        mode=mode,
        draw=draw,
        line=line_of(data, "quiz"),
    )


def bibliography_keys(path: str | os.PathLike[str]) -> set[str]:
    """The citation keys defined in a BibTeX file."""
    text = Path(path).read_text(encoding="utf-8")
    return set(re.findall(r"^\s*@\w+\s*\{\s*([^,\s]+)\s*,", text, flags=re.M))


def load_banks(folder: str | os.PathLike[str], **options: Any) -> dict[str, Quiz]:
    """Load every ``*.yml`` bank of a folder; check ids are unique across them.

    ``options`` are :func:`collect_banks`'s (``objectives``, ``citations``,
    ``relative_to``, and a ``language`` whose translation is laid over each
    bank, see :func:`load_bank`).

    Returns
    -------
    dict
        Quizzes by quiz id.

    Raises
    ------
    BankError
        Every problem of every bank, at once.
    """
    quizzes, problems = collect_banks(folder, **options)
    if problems:
        raise BankError(problems)
    return quizzes


def collect_banks(
    folder: str | os.PathLike[str],
    *,
    objectives: Iterable[str] | Mapping[str, Any] | None = None,
    citations: Iterable[str] | None = None,
    relative_to: str | os.PathLike[str] | None = None,
    language: str | None = None,
    fallback: bool = False,
) -> tuple[dict[str, Quiz], list[Problem]]:
    """Like :func:`load_banks`, but return the valid quizzes *and* the problems.

    A bank with any problem is left out of the quizzes.
    """
    problems: list[Problem] = []
    quizzes: dict[str, Quiz] = {}
    owners: dict[str, tuple[str, int]] = {}
    if objectives is not None and not isinstance(objectives, Mapping):
        objectives = list(objectives)
    citations = None if citations is None else list(citations)
    for path in sorted(Path(folder).glob("*.yml")):
        name = os.path.relpath(path, relative_to) if relative_to else str(path)
        try:
            quiz = load_bank(path, objectives=objectives, citations=citations, source=name,
                             language=language, fallback=fallback)
        except BankError as error:
            problems.extend(error.problems)
            continue
        if quiz.id in quizzes:
            problems.append(
                Problem(
                    name, 1, f"quiz id {quiz.id!r} is already used by {quizzes[quiz.id].source}"
                )
            )
            continue
        quizzes[quiz.id] = quiz
        for question in quiz.questions:
            if question.id in owners:
                other, line = owners[question.id]
                problems.append(
                    Problem(
                        name,
                        question.line,
                        f"question id {question.id!r} is already used in {other}:{line}; ids must "
                        "be unique across the course",
                    )
                )
            else:
                owners[question.id] = (name, question.line)
    return quizzes, problems


# ---- translations ---------------------------------------------------------------------

#: The text keys of a question of each type, besides its options and mistakes.
_TEXT_KEYS = {
    "single": ("prompt", "explanation"),
    "multiple": ("prompt", "explanation"),
    "true-false": ("prompt", "if_true", "if_false", "explanation"),
    "numeric": ("prompt", "if_correct", "if_incorrect", "explanation"),
}


def _prose(check: Translation, data: Any, key: str, where: str) -> str:
    """A translated text with its case figures written in (as the English's)."""
    text = check.phrase(data, key, where)
    try:
        return expand_case_figures(text)
    except ValueError as error:
        check.add(data, key, f"{where}: {key!r}: {error}")
        return text


def _translated_question(
    check: Translation, question: Question, item: Mapping, true_false: tuple[str, str]
) -> Question:
    where = f"question {question.id!r}"
    keys = ["id", *_TEXT_KEYS[question.type]]
    if question.options and question.type != "true-false":
        keys.append("options")
    if question.mistakes:
        keys.append("mistakes")
    check.same_keys(item, sorted(keys, key=keys.index), where)
    texts = {key: _prose(check, item, key, where) for key in _TEXT_KEYS[question.type]}
    prompt = render_block(texts["prompt"])
    if re.search(r"<(?!/?(p|em|strong|code|a|span|br|sup|sub)\b)[a-z]", prompt):
        check.add(item, "prompt", f"{where}: 'prompt' may hold only paragraphs of text (no lists, "
                  "headings or code blocks), as in the English")
    changes: dict[str, Any] = {
        "prompt": prompt,
        "explanation": render_block(texts["explanation"]),
        "english_fingerprint": question.fingerprint,
    }
    if question.type == "true-false":
        changes["options"] = tuple(
            replace(option, text=label, feedback=render_block(texts[key]))
            for option, label, key in zip(
                question.options, true_false, ("if_true", "if_false"), strict=True
            )
        )
    elif question.type == "numeric":
        changes["if_correct"] = render_block(texts["if_correct"])
        changes["if_incorrect"] = render_block(texts["if_incorrect"])
        changes["mistakes"] = _translated_mistakes(check, question, item, where)
    else:
        changes["options"] = check.each(
            item.get("options"), question.options, [question.line] * len(question.options),
            where, "option", ("text", "feedback"),
            lambda option, raw, place: replace(
                option,
                text=render_inline(_prose(check, raw, "text", place)),
                feedback=render_block(_prose(check, raw, "feedback", place)),
            ),
        )
    return replace(question, **changes)


def _translated_mistakes(
    check: Translation, question: Question, item: Mapping, where: str
) -> tuple[tuple[float, str], ...]:
    if not question.mistakes:
        return ()
    raw = item.get("mistakes")
    if not isinstance(raw, list):
        check.add(item, "mistakes" if "mistakes" in item else None,
                  f"{where}: 'mistakes' must be a list of value and feedback, one per mistake of "
                  "the English")
        return question.mistakes
    given: dict[float, str] = {}
    values = [value for value, _ in question.mistakes]
    for index, mistake in enumerate(raw):
        place = f"{where}, mistake {index + 1}"
        if not check.same_keys(mistake, ("value", "feedback"), place):
            continue
        value = mistake.get("value")
        match = next((known for known in values if isinstance(value, (int, float))
                      and not isinstance(value, bool) and abs(known - value) <= 1e-9), None)
        if match is None:
            check.add(mistake, "value", f"{place}: value {value!r} is not a mistake of the English "
                      f"(its values: {', '.join(f'{v:g}' for v in values)})")
            continue
        if match in given:
            check.add(mistake, "value", f"{place}: value {value!r} is translated twice")
            continue
        given[match] = render_block(_prose(check, mistake, "feedback", place))
    for value in values:
        if value not in given:
            check.add(raw, None, f"{where}: the English mistake with value {value:g} is missing; "
                      "translate its feedback")
    return tuple((value, given.get(value, feedback)) for value, feedback in question.mistakes)


def translate_quiz(
    quiz: Quiz,
    path: str | os.PathLike[str],
    *,
    language: str,
    source: str | None = None,
) -> Quiz:
    """Lay a translation file over a loaded English bank.

    The translation (README.md, "How to translate a quiz bank or the
    scenario") holds the quiz's id and title and, per question (every one
    of the English, in the same order, by id), exactly the English
    question's text keys, its options by id (text and feedback) and its
    mistakes by value (feedback). Everything else comes from the English:
    types, correct answers, numbers, objectives, and the fingerprints, so
    saved answers and LMS data are the same in both editions.

    Raises
    ------
    BankError
        Every problem of the translation, as ``file:line: message``.
    """
    name = source or str(path)
    check = Translation(name, quiz.source)
    data = check.read(path, "quiz", "questions", BankError)
    title = quiz.title
    header = check.header(data, "quiz", quiz.id, "bank")
    if header is not None:
        title = _prose(check, header, "title", "quiz")
    found = check.by_id(
        data.get("questions"), [(q.id, q.line) for q in quiz.questions], "questions", "question"
    ) if "questions" in data else {}
    vocabulary = words("quiz", supported(language))
    true_false = (vocabulary["true"], vocabulary["false"])
    questions = tuple(
        _translated_question(check, question, found[question.id], true_false)
        if question.id in found else question
        for question in quiz.questions
    )
    if check.found:
        raise BankError(check.found)
    return replace(quiz, title=title, questions=questions)
