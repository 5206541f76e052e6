"""Checks for the exercise "SERVQUAL gap scores" (``exercises/servqual.ipynb``).

Set up in the notebook with ``from customer_focus.tools.servqual import calc,
exercise, table`` and ``exercise.bind(globals())``. Questions 2 to 4 are about
the Crossroads survey, the worksheet's sample file: their answers are
computed from it with the tool's ``table`` when a learner checks one (it is
found in the course's ``book/`` then, not at import).
"""

from __future__ import annotations

from functools import cache

import pandas as pd

from ...core import tables
from ...core.checking import ChoiceQuestion, Exercise, Mistake, NumberQuestion
from ...core.paths import book_path
from . import calc, table

__all__ = ["exercise", "bind", "q1", "q2", "q3", "q4", "SAMPLE"]


#: The worksheet's sample file, under the course's ``book/`` (read when a check needs it).
SAMPLE = ("apply", "tools", "data", "servqual-sample.csv")


@cache
def _dimensions() -> pd.DataFrame:
    return table.dimension_gaps(tables.read_table(book_path(*SAMPLE))).set_index("dimension")


def _value(dimension: str, column: str) -> float:
    return float(_dimensions().loc[dimension, column])


def _largest_shortfall() -> str:
    dimensions = _dimensions().drop(index=calc.OVERALL)
    return str(dimensions["weighted_gap"].idxmin())


q1 = NumberQuestion(
    variable="gap_q1",
    prompt="Customers' average expectation for one responsiveness item is 6.4 on the 7-point "
    "scale; their average perception is 5.1. Set `gap_q1` to the item's gap score.",
    hint_text="SERVQUAL's gap is Q = P − E: perception minus expectation. "
    "`calc.gap(expectation, perception)` does it for you.",
    solution_text="`gap_q1 = 5.1 - 6.4` = **−1.3**. The minus sign says the service falls short "
    "of what customers expect.",
    takeaway="A negative gap is a shortfall; a positive gap means perception beats expectation.",
    expected=lambda: calc.gap(6.4, 5.1),
    tolerance=0.005,
    mistakes=(
        Mistake(
            6.4 - 5.1,
            "You computed E − P. SERVQUAL's gap is P − E, negative when the service falls short.",
        ),
    ),
)

q2 = NumberQuestion(
    variable="reliability_q2",
    prompt="Read the worksheet's sample file (Crossroads' fleet customers). Set `reliability_q2` "
    "to the reliability dimension's gap score.",
    hint_text="`table.dimension_gaps(answers)` returns one row per dimension with a `gap` column.",
    solution_text="`gaps = table.dimension_gaps(answers).set_index(\"dimension\")`, then "
    "`reliability_q2 = gaps.loc[\"Reliability\", \"gap\"]`: the average of the five reliability "
    "items' P − E, about **−1.31**.",
    takeaway="Reliability, the promised service done dependably and accurately, is where the "
    "fleets feel let down most.",
    expected=lambda: _value("Reliability", "gap"),
    tolerance=0.005,
    mistakes=(
        Mistake(
            lambda: -_value("Reliability", "gap"),
            "You computed E − P. The gap is P − E: negative here.",
        ),
        Mistake(
            lambda: _value("Reliability", "weighted_gap"),
            "That is the weighted gap (share × gap). The question asks for the gap itself.",
        ),
    ),
)

q3 = NumberQuestion(
    variable="weighted_q3",
    prompt="Set `weighted_q3` to the sample's overall weighted SERVQUAL score: each respondent's "
    "dimension gaps weighted by the share of 100 points they gave each dimension.",
    hint_text="In `table.dimension_gaps(answers)`, the `Overall` row's `weighted_gap` is the "
    "weighted score.",
    solution_text="`weighted_q3 = gaps.loc[\"Overall\", \"weighted_gap\"]`, about **−0.75**: worse "
    "than the unweighted −0.40, because the dimensions with the largest shortfalls are the ones "
    "customers care most about.",
    takeaway="Weighting moved the score down: the big gaps are where customers put most of their "
    "points.",
    expected=lambda: _value(calc.OVERALL, "weighted_gap"),
    tolerance=0.005,
    mistakes=(
        Mistake(
            lambda: _value(calc.OVERALL, "gap"),
            "That is the unweighted score (the mean of the five dimension gaps). "
            "Use the `weighted_gap` column.",
        ),
        Mistake(
            lambda: 100 * _value(calc.OVERALL, "weighted_gap"),
            "Weights are shares: divide the points by 100.",
            tolerance=0.5,
        ),
    ),
)

q4 = ChoiceQuestion(
    variable="first_q4",
    prompt="Which dimension should Crossroads work on first? Set `first_q4` to its name.",
    hint_text="Look for the most negative weighted gap: a large shortfall on something customers "
    "care about.",
    solution_text="`first_q4 = 'Reliability'`: the largest shortfall, on the dimension customers "
    "gave the most points.",
    takeaway="Start where the gap is large and the customers' points are many.",
    options=tuple(d.name for d in calc.DIMENSIONS),
    correct=_largest_shortfall,
    reasons={
        "Tangibles": "Perception beats expectation on tangibles, and customers gave it few points.",
        "Responsiveness": "A close second: its gap is large too, but reliability's is larger and "
        "weighs more.",
        "Assurance": "Its gap is small.",
        "Empathy": "Perception beats expectation on empathy.",
    },
)

exercise = Exercise(q1=q1, q2=q2, q3=q3, q4=q4)

#: Connect the checks to the notebook: call ``bind(globals())`` once.
bind = exercise.bind
