"""SERVQUAL over a survey file: each respondent's answers, checked, then the gaps.

The arithmetic of the method (the dimensions, the items, a gap, the summary
of five dimensions) is :mod:`customer_focus.tools.servqual.calc`'s; this module
reads the learner's survey (a CSV or Excel file read with
:func:`customer_focus.core.tables.read_table`), checks every answer and computes
the gaps per item, per respondent and per dimension.

Input
-----
One row per respondent with columns ``E1`` … ``E22`` and ``P1`` … ``P22``
(whole numbers from 1 to 7) and, optionally, the five weight columns
``W_tangibles``, ``W_reliability``, ``W_responsiveness``, ``W_assurance`` and
``W_empathy`` (points from 0 to 100 that add up to 100 for each respondent);
see :data:`SERVQUAL_COLUMNS`. All checks and sums work on whole columns at
once (NumPy and pandas).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass

import numpy as np
import pandas as pd

from ...core.messages import Messages
from ...core.tables import numeric_column, rating_column, require_columns, where
from ...core.validation import listed
from ..spec import load_spec
from . import calc
from .calc import DIMENSIONS, EXPECTATION_COLUMNS, ITEMS, PERCEPTION_COLUMNS, WEIGHT_COLUMNS

__all__ = [
    "SERVQUAL_COLUMNS", "ServqualAnswers", "check_servqual", "item_gaps", "respondent_scores",
    "dimension_gaps", "score_dimensions",
]

#: Columns of the table :func:`check_servqual` reads (one row per respondent), with what each holds.
SERVQUAL_COLUMNS: dict[str, str] = load_spec("servqual").tables["survey"].helps

_ = Messages("tools.servqual")


@dataclass(frozen=True)
class ServqualAnswers:
    """Checked answers: ``expectations`` and ``perceptions`` are (respondents × 22)
    arrays of whole numbers; ``weights`` is (respondents × 5) shares that add up
    to 1 per respondent, or ``None`` when the table has no weight columns."""

    expectations: np.ndarray
    perceptions: np.ndarray
    weights: np.ndarray | None


def _item_meaning(column: str) -> str:
    return calc.item_meaning(column)


def _require_items(table: pd.DataFrame) -> None:
    """The 44 answer columns and the weight columns' names (:func:`.calc.check_columns`)."""
    require_columns(table, [], optional=["respondent"])  # a clear message when not a table
    calc.check_columns([str(column) for column in table.columns],
                       table.attrs.get("source") or _("the table"))


def check_servqual(table: pd.DataFrame) -> ServqualAnswers:
    """Check a SERVQUAL survey table and return its answers as arrays.

    Parameters
    ----------
    table : pandas.DataFrame
        One row per respondent with ``E1`` … ``E22`` and ``P1`` … ``P22``, and
        optionally all five weight columns (see :data:`SERVQUAL_COLUMNS`).

    Returns
    -------
    ServqualAnswers
        The expectation and perception answers, item by item.

    Raises
    ------
    ValueError
        When a column is missing (with a suggestion for a misspelling), only
        some weight columns are present, the table is empty, an answer is
        blank, not a whole number or outside 1–7, or a respondent's weights
        are negative or do not add up to 100. The message names the column
        and the line.

    Examples
    --------
    >>> row = {**{f"E{i}": 6 for i in range(1, 23)}, **{f"P{i}": 5 for i in range(1, 23)}}
    >>> check_servqual(pd.DataFrame([row])).perceptions.shape
    (1, 22)
    """
    _require_items(table)
    source = table.attrs.get("source") or _("the table")
    if table.empty:
        raise ValueError(_("{source}: has no respondents; add at least one row.").format(
            source=source))
    present = [column for column in WEIGHT_COLUMNS if column in table.columns]
    if present and len(present) < len(WEIGHT_COLUMNS):
        raise ValueError(calc.partial_weights(present, source))

    def block(columns: Sequence[str]) -> np.ndarray:
        return np.column_stack(
            [
                rating_column(
                    table, column, meaning=_item_meaning(column), low=1, high=7,
                    fix=_(calc.RATING_FIX),
                ).to_numpy()
                for column in columns
            ]
        )

    expectations = block(EXPECTATION_COLUMNS)
    perceptions = block(PERCEPTION_COLUMNS)
    weights = None
    if present:
        points = np.column_stack(
            [
                numeric_column(
                    table, column, low=0, high=100,
                    meaning=calc.points_meaning(dimension),
                ).to_numpy()
                for column, dimension in zip(WEIGHT_COLUMNS, DIMENSIONS, strict=True)
            ]
        )
        totals = points.sum(axis=1)
        wrong = np.abs(totals - 100) > calc.WEIGHT_TOLERANCE
        if wrong.any():
            shown = listed(
                np.flatnonzero(wrong),
                lambda i: calc.points_total(where(table, int(i)), list(points[i])),
            )
            raise ValueError(calc.weights_off(shown))
        weights = points / 100.0
    return ServqualAnswers(expectations, perceptions, weights)


def _dimension_means(values: np.ndarray) -> np.ndarray:
    """(respondents × 22) → (respondents × 5): the mean of each dimension's items."""
    return np.column_stack(
        [values[:, [item - 1 for item in d.items]].mean(axis=1) for d in DIMENSIONS]
    )


def item_gaps(table: pd.DataFrame) -> pd.DataFrame:
    """Average expectation, perception and gap (P − E) for each of the 22 items.

    Parameters
    ----------
    table : pandas.DataFrame
        The survey, as described for :func:`check_servqual`.

    Returns
    -------
    pandas.DataFrame
        22 rows with columns ``item`` (1–22), ``label`` ("Tangibles 1" …),
        ``dimension``, ``expectation``, ``perception`` and ``gap``.

    Examples
    --------
    >>> row = {**{f"E{i}": 6 for i in range(1, 23)}, **{f"P{i}": 5 for i in range(1, 23)}}
    >>> item_gaps(pd.DataFrame([row]))["gap"].unique().tolist()
    [-1.0]
    """
    answers = check_servqual(table)
    expectation = answers.expectations.mean(axis=0)
    perception = answers.perceptions.mean(axis=0)
    dimension_of = {item: dimension.name for dimension in DIMENSIONS for item in dimension.items}
    return pd.DataFrame(
        {
            "item": list(ITEMS),
            "label": list(ITEMS.values()),
            "dimension": [dimension_of[item] for item in ITEMS],
            "expectation": expectation,
            "perception": perception,
            "gap": perception - expectation,
        }
    )


def respondent_scores(table: pd.DataFrame) -> pd.DataFrame:
    """Each respondent's gap score per dimension, overall and (if weighted) weighted.

    Parameters
    ----------
    table : pandas.DataFrame
        The survey, as described for :func:`check_servqual`.

    Returns
    -------
    pandas.DataFrame
        One row per respondent, in the table's order: ``respondent`` (when
        the table has that column), one gap column per dimension
        (``tangibles`` … ``empathy``), ``overall`` (the mean of the five) and,
        with weights, ``weighted`` (the sum of share × gap).

    Examples
    --------
    >>> row = {**{f"E{i}": 6 for i in range(1, 23)}, **{f"P{i}": 5 for i in range(1, 23)}}
    >>> float(respondent_scores(pd.DataFrame([row]))["overall"].iloc[0])
    -1.0
    """
    answers = check_servqual(table)
    gaps = _dimension_means(answers.perceptions - answers.expectations)
    result = pd.DataFrame(gaps, columns=[dimension.key for dimension in DIMENSIONS])
    if "respondent" in table.columns:
        result.insert(0, "respondent", table["respondent"].to_numpy())
    result["overall"] = gaps.mean(axis=1)
    if answers.weights is not None:
        result["weighted"] = (answers.weights * gaps).sum(axis=1)
    return result


def dimension_gaps(table: pd.DataFrame) -> pd.DataFrame:
    """SERVQUAL scores per dimension and overall, from a survey table.

    Parameters
    ----------
    table : pandas.DataFrame
        The survey, as described for :func:`check_servqual`.

    Returns
    -------
    pandas.DataFrame
        Six rows, the five dimensions then ``"Overall"``, with columns
        ``dimension``, ``items``, ``expectation``, ``perception`` and ``gap``
        (P − E; the overall row holds the mean of the five dimensions: the
        unweighted SERVQUAL score). With weight columns, also ``weight`` (the
        average share of the 100 points, a decimal) and ``weighted_gap`` (the
        average of each respondent's share × gap; the overall row holds their
        sum: the weighted SERVQUAL score).

    Examples
    --------
    >>> row = {**{f"E{i}": 6 for i in range(1, 23)}, **{f"P{i}": 5 for i in range(1, 23)}}
    >>> dimension_gaps(pd.DataFrame([row]))["gap"].tolist()
    [-1.0, -1.0, -1.0, -1.0, -1.0, -1.0]
    """
    answers = check_servqual(table)
    # The same averages as calc.survey_summary (the page's), over whole columns at once: a
    # 100,000-respondent file stays well under the survey benchmark's 2 seconds.
    expectation = _dimension_means(answers.expectations)
    perception = _dimension_means(answers.perceptions)
    gaps = perception - expectation
    weight = weighted = None
    if answers.weights is not None:
        weight = answers.weights.mean(axis=0)
        weighted = (answers.weights * gaps).mean(axis=0)
    rows = calc.summarize(
        expectation.mean(axis=0), perception.mean(axis=0), gaps.mean(axis=0), weight, weighted
    )
    return pd.DataFrame(rows)


def score_dimensions(
    expectations: Mapping[str, float] | Sequence[float],
    perceptions: Mapping[str, float] | Sequence[float],
    weights: Mapping[str, float] | Sequence[float] | None = None,
) -> pd.DataFrame:
    """SERVQUAL scores from average expectations and perceptions per dimension, as a table.

    Parameters
    ----------
    expectations, perceptions, weights
        As for :func:`customer_focus.tools.servqual.calc.score_dimensions`.

    Returns
    -------
    pandas.DataFrame
        The same six rows and columns as :func:`dimension_gaps`.

    Examples
    --------
    >>> table = score_dimensions([5.0, 6.6, 6.2, 6.0, 5.4], [5.4, 5.1, 5.0, 5.8, 5.6],
    ...                          [10, 35, 25, 15, 15])
    >>> table["dimension"].tolist()[-1], round(float(table["weighted_gap"].iloc[-1]), 3)
    ('Overall', -0.785)
    """
    return pd.DataFrame(calc.score_dimensions(expectations, perceptions, weights))
