"""Checks for the exercise "SERVQUAL gap scores" (``exercises/servqual.ipynb``).

Set up in the notebook with ``from customer_focus.tools.servqual import calc,
exercise, table`` and ``exercise.bind(globals())``. Questions 2 to 4 are about
the Crossroads survey, the worksheet's sample file: their answers are
computed from it with the tool's ``table`` when a learner checks one (it is
found in the course's ``book/`` then, not at import). The questions' words
are in ``servqual.yml``.
"""

from __future__ import annotations

from functools import cache

import pandas as pd

from ...core import tables
from ...core.paths import book_path
from ..questions import Choice, Number, tool_exercise
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


exercise = tool_exercise(
    "servqual",
    q1=Number(lambda: calc.gap(6.4, 5.1), 6.4 - 5.1),
    q2=Number(
        lambda: _value("Reliability", "gap"),
        lambda: -_value("Reliability", "gap"), lambda: _value("Reliability", "weighted_gap"),
    ),
    q3=Number(
        lambda: _value(calc.OVERALL, "weighted_gap"),
        lambda: _value(calc.OVERALL, "gap"), lambda: 100 * _value(calc.OVERALL, "weighted_gap"),
    ),
    q4=Choice(options=tuple(d.name for d in calc.DIMENSIONS), correct=_largest_shortfall),
)
q1, q2, q3, q4 = exercise.questions.values()

#: Connect the checks to the notebook: call ``bind(globals())`` once.
bind = exercise.bind
