"""Kano over a survey file: every answer pair classified, then each feature's result.

The method (the answers, the categories, the evaluation table, Better and
Worse) is :mod:`customer_focus.tools.kano.calc`'s; this module reads the
learner's file (a CSV or Excel file read with
:func:`customer_focus.core.tables.read_table`; one row per respondent and
feature, with the columns :data:`KANO_COLUMNS`), classifies every answer pair
at once, and counts each feature's categories. An answer that is not one of
the five stops with a message naming the line and the column.
"""

from __future__ import annotations

from collections.abc import Mapping

import numpy as np
import pandas as pd

from ...core.messages import Messages, current_language
from ...core.tables import require_columns, where
from ...core.validation import listed
from ..spec import load_spec
from . import calc
from .calc import ANSWERS, LETTERS

__all__ = ["KANO_COLUMNS", "RESULT_COLUMNS", "classify_answers", "analyze_kano", "summarize_counts"]

_ = Messages("tools.kano")
n_ = _.plural

#: Columns of the table :func:`classify_answers` reads (one row per respondent and feature).
KANO_COLUMNS: dict[str, str] = load_spec("kano").tables["answers"].helps

#: Columns of the result of :func:`analyze_kano` (what :func:`~.calc.summarize` gives a feature).
RESULT_COLUMNS = (
    "feature", "responses", *LETTERS, "category", "kano_name", "practitioner_name", "better",
    "worse",
)

# The evaluation table as codes (rows functional, columns dysfunctional, in the order of
# ANSWERS), for looking up a whole column at once.
_GRID = np.array(
    [[LETTERS.index(calc.EVALUATION_TABLE[(f, d)]) for d in ANSWERS] for f in ANSWERS],
    dtype=np.int8,
)


def _answer_codes(table: pd.DataFrame, column: str) -> np.ndarray:
    """Codes 0–4 (the order of ``ANSWERS``) for a whole column, or raise naming lines."""
    raw, distinct = pd.factorize(table[column], use_na_sentinel=True)
    # Each distinct spelling is looked up once, not each cell: fast on large files.
    answers = [calc.standard_answer(value) for value in distinct]
    lookup = np.array(
        [-1 if answer is None else ANSWERS.index(answer) for answer in answers] + [-1],
        dtype=np.int8,
    )
    codes = lookup[raw]  # a blank cell (raw == -1) picks the last entry, -1
    bad = np.flatnonzero(codes < 0)
    if bad.size:
        cells = table[column].to_numpy()
        empty = _("empty")
        shown = listed(
            bad,
            lambda i: f"{where(table, int(i))}: {empty if pd.isna(cells[i]) else repr(cells[i])}",
        )
        raise ValueError(calc.bad_answers(column, shown))
    return codes


def _labels(table: pd.DataFrame, column: str) -> tuple[np.ndarray, list[str]]:
    """Codes and names (in order of first appearance) of a label column; blanks raise."""
    raw, distinct = pd.factorize(table[column], use_na_sentinel=True)
    cleaned = [str(value).strip() for value in distinct]
    blank_codes = [index for index, value in enumerate(cleaned) if not value]
    bad = np.flatnonzero((raw < 0) | np.isin(raw, blank_codes))
    if bad.size:
        shown = listed(bad, lambda i: where(table, int(i)))
        helps = load_spec("kano", current_language()).tables["answers"].helps
        raise ValueError(calc.blank_labels(column, helps[column], shown))
    names, lookup = [], {}
    for value in cleaned:  # "Free returns" and "Free returns " are one feature
        lookup.setdefault(value, len(names))
        if lookup[value] == len(names):
            names.append(value)
    mapping = np.array([lookup[value] for value in cleaned], dtype=np.int64)
    return mapping[raw], names


def classify_answers(table: pd.DataFrame) -> pd.DataFrame:
    """Check a Kano survey table and add each answer pair's category.

    Parameters
    ----------
    table : pandas.DataFrame
        One row per respondent and feature with the columns ``respondent``,
        ``feature``, ``functional`` and ``dysfunctional`` (see
        :data:`KANO_COLUMNS`). Other columns are kept.

    Returns
    -------
    pandas.DataFrame
        A copy with the answers written the standard way and a ``category``
        column (A, O, M, I, R or Q).

    Raises
    ------
    ValueError
        When a column is missing, the table is empty, a respondent or feature
        is blank, an answer is not one of the five, or a respondent answered
        about the same feature twice. The message names the lines.

    Examples
    --------
    >>> table = pd.DataFrame({"respondent": [1, 1], "feature": ["Loaner bike", "Brake check"],
    ...                       "functional": ["like", "Must-be"],
    ...                       "dysfunctional": ["Live-with", "dislike"]})
    >>> classify_answers(table)["category"].tolist()
    ['A', 'M']
    """
    require_columns(table, list(KANO_COLUMNS))
    if table.empty:
        source = table.attrs.get("source", _("the table"))
        raise ValueError(_("{source}: has no answers; add at least one row.").format(source=source))
    respondents, _names = _labels(table, "respondent")
    features, names = _labels(table, "feature")
    functional = _answer_codes(table, "functional")
    dysfunctional = _answer_codes(table, "dysfunctional")
    pairs = pd.Series(respondents * max(len(names), 1) + features)
    twice = pairs.duplicated(keep=False).to_numpy()
    if twice.any():
        shown = listed(
            np.flatnonzero(twice),
            lambda i: f"{where(table, int(i))} ({table['respondent'].iloc[i]!s}, "
            f"{names[features[i]]})",
            most=6,
        )
        raise ValueError(calc.repeated_pairs(shown))
    result = table.copy()
    result.attrs = {}
    answers = np.array(ANSWERS, dtype=object)
    result["feature"] = np.array(names, dtype=object)[features]
    result["functional"] = answers[functional]
    result["dysfunctional"] = answers[dysfunctional]
    result["category"] = np.array(LETTERS, dtype=object)[_GRID[functional, dysfunctional]]
    return result


def analyze_kano(table: pd.DataFrame, *, leave_out_undefined: bool = False) -> pd.DataFrame:
    """Count the categories of each feature, pick the most chosen, and compute Better and Worse.

    Parameters
    ----------
    table : pandas.DataFrame
        The survey, as described for :func:`classify_answers`.
    leave_out_undefined : bool
        A feature whose answers are all Reverse or Questionable has no Better
        or Worse (A + O + M + I = 0). By default this stops with a message
        naming the feature; with ``True`` such features are left out of the
        result and their names kept in ``result.attrs["left_out"]``.

    Returns
    -------
    pandas.DataFrame
        One row per feature, in order of first appearance, with columns
        ``feature``, ``responses``, ``A``, ``O``, ``M``, ``I``, ``R``, ``Q``
        (counts), ``category`` (the letter chosen most often; a tie shows
        every tied letter, e.g. ``"A/O"``), ``kano_name`` (Kano's term),
        ``practitioner_name`` (delighter, performance or basic for A, O, M;
        empty otherwise), ``better`` and ``worse``.

    Raises
    ------
    ValueError
        As for :func:`classify_answers`, and for a feature with
        A + O + M + I = 0 unless ``leave_out_undefined``.

    Examples
    --------
    >>> table = pd.DataFrame({"respondent": [1, 2], "feature": ["Loaner bike"] * 2,
    ...                       "functional": ["Like", "Like"],
    ...                       "dysfunctional": ["Neutral", "Dislike"]})
    >>> analyze_kano(table)[["category", "better", "worse"]].values.tolist()
    [['A/O', 1.0, -0.5]]
    """
    answers = classify_answers(table)
    features, names = pd.factorize(answers["feature"], sort=False)
    letters = pd.Categorical(answers["category"], categories=list(LETTERS)).codes.astype(np.int64)
    counts = np.bincount(features * 6 + letters, minlength=len(names) * 6).reshape(-1, 6)
    a, o, m, i = counts[:, 0], counts[:, 1], counts[:, 2], counts[:, 3]
    denominator = a + o + m + i
    undefined = denominator == 0
    left_out = [str(names[index]) for index in np.flatnonzero(undefined)]
    if left_out and not leave_out_undefined:
        raise ValueError(calc.undefined(left_out, n_(
            "leave it out with analyze_kano(..., leave_out_undefined=True)",
            "leave them out with analyze_kano(..., leave_out_undefined=True)", len(left_out),
        )))
    keep = ~undefined
    rows = [
        calc.summarize(dict(zip(LETTERS, row, strict=True)), str(name))
        for name, row in zip(np.asarray(names)[keep], counts[keep], strict=True)
    ]
    result = pd.DataFrame(rows, columns=list(RESULT_COLUMNS))
    result.attrs["left_out"] = left_out
    return result


def summarize_counts(counts: Mapping[str, int], feature: str = "Feature") -> pd.DataFrame:
    """One feature's row of :func:`analyze_kano`, from a tally of its categories.

    ``counts`` and ``feature`` are as for
    :func:`customer_focus.tools.kano.calc.summarize`, which computes the row
    (and raises the same errors); this puts it in a one-row table, with the
    columns :data:`RESULT_COLUMNS`, to show or draw.

    Examples
    --------
    >>> row = summarize_counts({"A": 28, "O": 12, "M": 4, "I": 12, "R": 2, "Q": 2}, "Loaner bike")
    >>> row[["category", "practitioner_name"]].values.tolist()
    [['A', 'delighter']]
    """
    return pd.DataFrame([calc.summarize(counts, str(feature))], columns=list(RESULT_COLUMNS))
