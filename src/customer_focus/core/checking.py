"""Checks a learner calls from an exercise notebook: ``check()``, ``hint()``, ``solution()``.

Modeled on Kaggle's learntools: each exercise module defines questions that
look up the learner's answer by name in the notebook's namespace (bound once
with ``bind(globals())``) and answer in plain words:

* **Not attempted yet** while the answer is still the blank ``...``;
* **Incorrect**, with the reason (a known mistake is recognized and explained);
* **Correct**, with a short takeaway.

The feedback objects display as Markdown in Jupyter and as plain text
elsewhere, so notebook outputs stay deterministic for nbval.
"""

from __future__ import annotations

import math
import numbers
from abc import ABC, abstractmethod
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from typing import Any

from .formats import cents
from .messages import N_, Messages

_ = Messages("core")
n_ = _.plural

__all__ = ["Feedback", "Mistake", "NumberQuestion", "ChoiceQuestion", "Exercise"]

# A feedback's status, in English (the code compares it); shown in the reader's language.
NOT_ATTEMPTED = N_("Not attempted yet")
INCORRECT = N_("Incorrect")
CORRECT = N_("Correct")
HINT = N_("Hint")
SOLUTION = N_("Solution")


@dataclass(frozen=True)
class Feedback:
    """What a check, hint or solution says.

    ``status`` is ``"Not attempted yet"``, ``"Incorrect"``, ``"Correct"``,
    ``"Hint"`` or ``"Solution"`` (shown in the reader's language); ``message`` is Markdown.
    """

    status: str
    message: str

    @property
    def passed(self) -> bool:
        """True when the answer was judged correct."""
        return self.status == CORRECT

    def __str__(self) -> str:
        return _("{status}: {message}").format(status=_(self.status), message=self.message)

    def __repr__(self) -> str:
        return str(self)

    def _repr_markdown_(self) -> str:
        return _("**{status}:** {message}").format(status=_(self.status), message=self.message)


def _then(first: str, second: str) -> str:
    """Two sentences one after the other: a space between them, none after a full-width
    stop (Chinese writes no space after 。).

    >>> _then("`x` = 1.", "Well done."), _then("`x` = 1。", "很好。"), _then("`x` = 1.", "")
    ('`x` = 1. Well done.', '`x` = 1。很好。', '`x` = 1.')
    """
    if not second:
        return first
    return first + ("" if first.endswith(("。", "：", "；", "！", "？")) else " ") + second


def _now(value: Any) -> Any:
    """``value``, or what it returns when it is a function (computed when asked, not at import)."""
    return value() if callable(value) else value


@dataclass(frozen=True)
class Mistake:
    """A wrong answer that a learner is likely to give, and why it is wrong.

    ``value`` is a number or a function returning it: a function is called only
    when an answer is checked, so a mistake computed from a file of the course
    needs the file then, not when the exercise is imported.
    """

    value: float | Callable[[], float]
    explanation: str
    tolerance: float | None = None  # None: the question's own tolerance


@dataclass
class _Question(ABC):
    """Common behaviour: find the learner's answer, give a hint or the solution."""

    variable: str
    prompt: str
    hint_text: str
    solution_text: str
    takeaway: str = ""
    namespace: Mapping[str, Any] | None = field(default=None, repr=False)

    def _answer(self) -> tuple[bool, Any]:
        if self.namespace is None:
            raise RuntimeError(_(
                "This exercise is not connected to your notebook yet: run the set-up cell "
                "(the one that calls bind(globals())) first."
            ))
        if self.variable not in self.namespace:
            return False, None
        value = self.namespace[self.variable]
        return value is not Ellipsis, value

    def check(self) -> Feedback:
        """Judge the learner's answer.

        Returns
        -------
        Feedback
            Not attempted yet, Incorrect (with why) or Correct.
        """
        attempted, value = self._answer()
        if not attempted:
            return Feedback(NOT_ATTEMPTED, _(
                "replace the `...` after `{variable} =` with your answer, run the cell, "
                "then run this check again. {prompt}"
            ).format(variable=self.variable, prompt=self.prompt))
        verdict = self._judge(value)
        if verdict is None:
            return Feedback(CORRECT, _then(_("`{variable}` = {value}.").format(
                variable=self.variable, value=self._show(value)), self.takeaway))
        return Feedback(INCORRECT, verdict)

    def hint(self) -> Feedback:
        """A nudge in the right direction, without the answer."""
        return Feedback(HINT, self.hint_text)

    def solution(self) -> Feedback:
        """The worked solution."""
        return Feedback(SOLUTION, self.solution_text)

    def _show(self, value: Any) -> str:
        return repr(value)

    @abstractmethod
    def _judge(self, value: Any) -> str | None:
        """Return why ``value`` is wrong, or ``None`` when it is right."""


@dataclass
class NumberQuestion(_Question):
    """A question whose answer is a number, accepted within a tolerance.

    ``expected`` is a number or a function returning it (so the expected value
    is computed by the package, never typed twice). ``tolerance`` is absolute.
    """

    expected: float | Callable[[], float] = 0.0
    tolerance: float = 0.01
    unit: str = ""
    mistakes: tuple[Mistake, ...] = ()

    def expected_value(self) -> float:
        """The correct answer."""
        return float(self.expected() if callable(self.expected) else self.expected)

    def _show(self, value: Any) -> str:
        if isinstance(value, numbers.Real) and not isinstance(value, bool):
            number = float(value)
            return cents(number) if self.unit == "$" else f"{number:,.4g}{self.unit}"
        return repr(value)

    def _judge(self, value: Any) -> str | None:
        if isinstance(value, bool) or not isinstance(value, numbers.Real):
            return _(
                "`{variable}` should be a number, but it holds {kind} {value!r}. "
                "Assign the number itself (no quotes, no $ or % sign)."
            ).format(variable=self.variable, kind=type(value).__name__, value=value)
        number = float(value)
        if not math.isfinite(number):
            return _(
                "`{variable}` is {number}, not a finite number. Check for a division by zero."
            ).format(variable=self.variable, number=number)
        if abs(number - self.expected_value()) <= self.tolerance:
            return None
        for mistake in self.mistakes:
            slack = self.tolerance if mistake.tolerance is None else mistake.tolerance
            if abs(number - float(_now(mistake.value))) <= slack:
                return _then(_("`{variable}` = {value}.").format(
                    variable=self.variable, value=self._show(number)), mistake.explanation)
        return _("`{variable}` = {value}, which is not the answer. Try `.hint()`.").format(
            variable=self.variable, value=self._show(number))


@dataclass
class ChoiceQuestion(_Question):
    """A question answered by one of a few named options (case-insensitive).

    ``options`` and ``correct`` may be functions returning them, called only
    when an answer is checked (options read from a file of the course, say).
    """

    options: tuple[str, ...] | Callable[[], tuple[str, ...]] = ()
    correct: str | Callable[[], str] = ""
    reasons: Mapping[str, str] = field(default_factory=dict)

    def _judge(self, value: Any) -> str | None:
        options = tuple(_now(self.options))
        if not isinstance(value, str):
            shown = ", ".join(map(repr, options))
            return _("`{variable}` should be one of {shown} (in quotes).").format(
                variable=self.variable, shown=shown)
        answer = value.strip().lower()
        lowered = {option.lower(): option for option in options}
        if answer not in lowered:
            return _("`{variable}` = {value!r} is not one of the options: {options}.").format(
                variable=self.variable, value=value, options=", ".join(map(repr, options)))
        if lowered[answer] == _now(self.correct):
            return None
        return self.reasons.get(lowered[answer], _("That is not the best choice. Try `.hint()`."))


class Exercise:
    """The questions of one exercise notebook.

    Examples
    --------
    >>> exercise = Exercise(q1=NumberQuestion("x", "Set x.", "Hint", "x = 1", expected=1))
    >>> exercise.bind({"x": 1}).q1.check().passed
    True
    """

    def __init__(self, **questions: _Question) -> None:
        self._questions = dict(questions)
        for name, question in questions.items():
            setattr(self, name, question)

    @property
    def questions(self) -> dict[str, _Question]:
        """The questions by name (``q1``, ``q2``...)."""
        return dict(self._questions)

    def bind(self, namespace: Mapping[str, Any]) -> Exercise:
        """Connect every question to the notebook's variables; call ``bind(globals())``."""
        for question in self._questions.values():
            question.namespace = namespace
        return self

    def __repr__(self) -> str:
        names = list(self._questions)
        return n_(
            "Exercise ready: {count} question ({names}). "
            "After each answer, run its check, e.g. exercise.{first}.check().",
            "Exercise ready: {count} questions ({names}). "
            "After each answer, run its check, e.g. exercise.{first}.check().",
            len(names),
        ).format(count=len(names), names=", ".join(names), first=names[0])

    def names(self) -> Iterable[str]:
        """The question names in order."""
        return iter(self._questions)
