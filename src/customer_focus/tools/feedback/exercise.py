"""Checks for the exercise "Customer feedback and the NPS" (``exercises/feedback.ipynb``).

The set-up cell is ``from customer_focus.tools.feedback import calc, exercise, table``
and ``exercise.bind(globals())``; then ``exercise.q1.check()``, ``.hint()`` or
``.solution()``. The questions' words are in ``feedback.yml``; the answers are
the tool's own ``calc`` and ``table`` results. Question 3 reads the
worksheet's sample file from the course's ``book/`` when it is checked, so this
module imports from any install.
"""

from __future__ import annotations

from functools import cache

import pandas as pd

from ...core import tables
from ...core.paths import book_path
from ..questions import Number, tool_exercise
from . import calc, table

__all__ = ["exercise", "bind", "q1", "q2", "q3", "q4", "SCORES", "SAMPLE"]

#: The answers of question 2 (also printed in the notebook).
SCORES = [10, 9, 8, 7, 6, 0, 10, 5, 9, 8, 7, 9]


#: The worksheet's sample file, under the course's ``book/`` (read when a check needs it).
SAMPLE = ("apply", "tools", "data", "feedback-sample.csv")


@cache
def _segments() -> pd.DataFrame:
    responses = tables.read_table(book_path(*SAMPLE))
    return table.analyze_feedback(responses, by="segment").set_index("group")


def _detractor_gap(scale: float = 100) -> float:
    segments = _segments()
    repair = segments.loc["One-off repair", "detractor_share"]
    contract = segments.loc["Maintenance contract", "detractor_share"]
    return scale * float(repair - contract)


def _count_gap() -> float:
    segments = _segments()
    repair = segments.loc["One-off repair", "detractors"]
    return float(repair - segments.loc["Maintenance contract", "detractors"])


def _with_six_as_passive() -> float:
    promoters = sum(score >= 9 for score in SCORES)
    detractors = sum(score <= 5 for score in SCORES)
    return 100 * (promoters - detractors) / len(SCORES)


def _with_passives_as_promoters() -> float:
    promoters = sum(score >= 7 for score in SCORES)
    detractors = sum(score <= 6 for score in SCORES)
    return 100 * (promoters - detractors) / len(SCORES)


exercise = tool_exercise(
    "feedback",
    q1=Number(
        lambda: calc.nps_from_counts(90, 70, 40),
        0.25, 100 * (90 - 40) / (90 + 40), 100 * (90 + 70 - 40) / 200, 50,
    ),
    q2=Number(
        lambda: calc.net_promoter_score(SCORES),
        _with_six_as_passive(), _with_passives_as_promoters(),
        calc.net_promoter_score(SCORES) / 100,
    ),
    q3=Number(_detractor_gap, _count_gap, lambda: _detractor_gap(1)),
)
q1, q2, q3, q4 = exercise.questions.values()

#: Connect the checks to the notebook: call ``bind(globals())`` once.
bind = exercise.bind
