"""Grading rules for quiz answers, shared by notebooks (here) and the book
(``static/quiz.js``, which implements the same rules).

``tests/quiz-grading-cases.yml`` runs the same cases against both graders.

Responses
---------
Options are named by their ids (see :mod:`.bank`), never by their position,
so a response means the same whatever order the options were shown in.

single, true-false
    The id of the chosen option (for true-false, ``"true"`` or ``"false"``).
multiple
    A list of chosen option ids (order and repeats do not matter); a single
    id counts as a list of one.
numeric
    The text the learner typed (or a number). Spaces, thousands separators
    (commas), a leading ``$`` and a trailing ``%`` are ignored.

Verdicts
--------
``"correct"``, ``"incorrect"``, or ``"invalid"`` when there is nothing to
grade yet (no option chosen, or text that is not a number). An invalid
response is not an attempt.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass
from typing import Any

from ...core.messages import Messages
from .bank import Question

_ = Messages("course")
n_ = _.plural

__all__ = ["Grade", "grade", "parse_number", "TOLERANCE_SLACK"]

#: Added to every tolerance so that 0.1 + 0.2 style rounding never flips a verdict.
TOLERANCE_SLACK = 1e-9
_NUMBER = re.compile(r"^[+-]?([0-9]+\.?[0-9]*|\.[0-9]+)([eE][+-]?[0-9]+)?$")


@dataclass(frozen=True)
class Grade:
    """A verdict and the feedback to show (HTML)."""

    verdict: str
    feedback: str

    @property
    def correct(self) -> bool:
        """True for a correct answer."""
        return self.verdict == "correct"


def parse_number(text: Any) -> float | None:
    """Read a number as a learner types it, or ``None``.

    Examples
    --------
    >>> parse_number(" $1,234.50 ")
    1234.5
    >>> parse_number("12%")
    12.0
    >>> parse_number("abc") is None
    True
    """
    if isinstance(text, bool):
        return None
    if isinstance(text, (int, float)):
        return float(text) if math.isfinite(text) else None
    if not isinstance(text, str):
        return None
    cleaned = text.strip().replace(",", "").replace(" ", "")
    if cleaned.startswith("-$"):
        cleaned = "-" + cleaned[2:]
    cleaned = cleaned.removeprefix("$").removesuffix("%")
    if not _NUMBER.match(cleaned):
        return None
    value = float(cleaned)
    return value if math.isfinite(value) else None


def _chosen(response: Any, ids: list[str]) -> list[int] | None:
    """The authored positions of the chosen option ids, or ``None`` for anything else."""
    if response is None:
        return None
    items = response if isinstance(response, (list, tuple)) else [response]
    chosen = []
    for item in items:
        if not isinstance(item, str) or item not in ids:
            return None
        if ids.index(item) not in chosen:
            chosen.append(ids.index(item))
    return sorted(chosen)


def grade(question: Question | dict, response: Any) -> Grade:
    """Grade one response to one question.

    Parameters
    ----------
    question : Question or dict
        A question, or its :meth:`Question.to_data` form.
    response : object
        See the module docstring.

    Returns
    -------
    Grade
    """
    data = question.to_data() if isinstance(question, Question) else question
    kind = data["type"]
    if kind == "numeric":
        value = parse_number(response)
        if value is None:
            return Grade("invalid", _("<p>Enter a number, such as 266.67.</p>"))
        if abs(value - data["answer"]) <= data["tolerance"] + TOLERANCE_SLACK:
            return Grade("correct", data["if_correct"])
        for mistake in data["mistakes"]:
            if abs(value - mistake["value"]) <= data["tolerance"] + TOLERANCE_SLACK:
                return Grade("incorrect", mistake["feedback"])
        return Grade("incorrect", data["if_incorrect"])
    options = data["options"]
    ids = [option["id"] for option in options]
    if kind == "multiple":
        chosen = _chosen(response, ids)
        if not chosen:
            return Grade("invalid", _("<p>Choose at least one option.</p>"))
        right = sorted(i for i, option in enumerate(options) if option["correct"])
        feedback = "".join(options[i]["feedback"] for i in chosen)
        if chosen == right:
            return Grade("correct", feedback)
        missed = len(set(right) - set(chosen))
        if missed:
            feedback += n_("<p>You missed {count} correct option.</p>",
                           "<p>You missed {count} correct options.</p>", missed).format(
                count=missed)
        return Grade("incorrect", feedback)
    chosen = _chosen(response, ids)
    if not chosen or len(chosen) != 1 or isinstance(response, (list, tuple)):
        return Grade("invalid", _("<p>Choose an option.</p>"))
    option = options[chosen[0]]
    return Grade("correct" if option["correct"] else "incorrect", option["feedback"])
