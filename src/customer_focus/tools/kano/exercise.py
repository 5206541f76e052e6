"""Checks for the exercise "Kano classification" (``exercises/kano.ipynb``).

The notebook binds them with ``exercise.bind(globals())`` after ``from
customer_focus.tools.kano import calc, exercise, table``. Questions 1 to 3 are
answered with ``calc``; question 4's options and answer come from Brightwater's
survey (the worksheet's sample file), read from the course's ``book/`` with
``table`` when the question is checked, in the language the package speaks (its Chinese
twin gives the features' Chinese names; a wrong option's reason, keyed by the English
name, is found by the twin's row). The questions' words are in ``kano.yml``.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from functools import cache
from pathlib import Path

import pandas as pd

from ...core import tables
from ...core.paths import book_path, localized
from ..questions import Choice, Number, tool_exercise
from . import calc, table

__all__ = ["exercise", "bind", "q1", "q2", "q3", "q4", "COUNTS", "SAMPLE"]

#: Category counts of the feature in questions 2 and 3 (also printed in the notebook).
COUNTS = {"A": 12, "O": 18, "M": 6, "I": 9, "R": 3, "Q": 2}


#: The worksheet's sample file, under the course's ``book/`` (read when a check needs it).
SAMPLE = ("apply", "tools", "data", "kano-sample.csv")


@cache
def _analyzed(path: Path) -> pd.DataFrame:
    return table.analyze_kano(tables.read_table(path))


def _features() -> pd.DataFrame:
    return _analyzed(localized(book_path(*SAMPLE)))


@cache
def _english_names(path: Path) -> dict[str, str]:
    english = book_path(*SAMPLE)
    return dict(zip(tables.read_table(path)["feature"], tables.read_table(english)["feature"],
                    strict=True))


class _ReasonsByRow(Mapping[str, str]):
    """The reasons a wrong option is wrong, keyed by the English file's feature names and
    found by a twin's names too (a twin has the English file's rows, in its order)."""

    def __init__(self, reasons: Mapping[str, str]) -> None:
        self._reasons = dict(reasons)

    def __getitem__(self, name: str) -> str:
        return self._reasons[_english_names(localized(book_path(*SAMPLE))).get(name, name)]

    def __iter__(self) -> Iterator[str]:
        return iter(self._reasons)

    def __len__(self) -> int:
        return len(self._reasons)


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
q4.reasons = _ReasonsByRow(q4.reasons)

#: Connect the checks to the notebook: call ``bind(globals())`` once.
bind = exercise.bind
