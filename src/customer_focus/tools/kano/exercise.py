"""Checks for the exercise "Kano classification" (``exercises/kano.ipynb``).

The notebook binds them with ``exercise.bind(globals())`` after ``from
customer_focus.tools.kano import calc, exercise, table``. Questions 1 to 3 are
answered with ``calc``; question 4's options and answer come from Brightwater's
survey (the worksheet's sample file), read from the course's ``book/`` with
``table`` when the question is checked. The questions' words are in ``kano.yml``.
"""

from __future__ import annotations

from functools import cache

import pandas as pd

from ...core import tables
from ...core.paths import book_path
from ..questions import Choice, Number, tool_exercise
from . import calc, table

__all__ = ["exercise", "bind", "q1", "q2", "q3", "q4", "COUNTS", "SAMPLE"]

#: Category counts of the feature in questions 2 and 3 (also printed in the notebook).
COUNTS = {"A": 12, "O": 18, "M": 6, "I": 9, "R": 3, "Q": 2}


#: The worksheet's sample file, under the course's ``book/`` (read when a check needs it).
SAMPLE = ("apply", "tools", "data", "kano-sample.csv")


@cache
def _features() -> pd.DataFrame:
    return table.analyze_kano(tables.read_table(book_path(*SAMPLE)))


def _features_named() -> tuple[str, ...]:
    return tuple(_features()["feature"])


def _most_missed() -> str:
    features = _features()
    return str(features.loc[features["worse"].idxmin(), "feature"])


def _with_all_answers(numerator: int) -> float:
    return numerator / sum(COUNTS.values())


_BETTER, _WORSE = calc.better_worse(COUNTS["A"], COUNTS["O"], COUNTS["M"], COUNTS["I"])

exercise = tool_exercise(
    "kano",
    q1=Choice(options=calc.LETTERS, correct=calc.classify("Neutral", "Dislike")),
    q2=Number(_BETTER, _with_all_answers(COUNTS["A"] + COUNTS["O"]), COUNTS["A"] / 45),
    q3=Number(
        _WORSE, -_WORSE, -_with_all_answers(COUNTS["O"] + COUNTS["M"]),
        -(COUNTS["A"] + COUNTS["M"]) / 45,
    ),
    q4=Choice(options=_features_named, correct=_most_missed),
)
q1, q2, q3, q4 = exercise.questions.values()

#: Connect the checks to the notebook: call ``bind(globals())`` once.
bind = exercise.bind
