"""Customer feedback over a file of responses: the Net Promoter Score and satisfaction, by segment.

The arithmetic of one answer and of counts is :mod:`customer_focus.tools.feedback.calc`'s;
this module reads the learner's file of responses (a CSV or Excel file read with
:func:`customer_focus.core.tables.read_table`; its columns are
:data:`FEEDBACK_COLUMNS`) and summarizes it, overall and by segment.

Every answer must be a whole number within its scale; a blank, a word, 7.5 or
11 stops with a message naming the line. The checks and counts work on whole
columns at once (NumPy and pandas), so a 100,000-response file takes a
fraction of a second.
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from ...core.messages import N_, Messages
from ...core.tables import rating_column, require_columns
from ..spec import load_spec
from . import calc, describe

_ = Messages("tools.feedback")

__all__ = [
    "FEEDBACK_COLUMNS", "ALL_RESPONSES", "NOT_GIVEN", "check_feedback", "analyze_feedback",
    "score_distribution", "satisfaction_distribution",
]

_RESPONSES = load_spec("feedback").tables["responses"]

#: Columns of the table :func:`check_feedback` reads (one row per response), with what each holds.
FEEDBACK_COLUMNS: dict[str, str] = _RESPONSES.helps

#: Label of the row that covers every response in :func:`analyze_feedback` (data: kept in
#: English in the table; the worksheet shows it in the reader's language).
ALL_RESPONSES = describe.ALL_RESPONSES

#: Label of the group of responses whose segment cell is blank (as :data:`ALL_RESPONSES`).
NOT_GIVEN = describe.NOT_GIVEN

_FIX = N_("Correct those answers in the file, or delete those responses: a blank is not a 0.")

#: The group of each score from 0 to 10, as codes: 0 promoter, 1 passive, 2 detractor.
_GROUP_CODES = np.array(
    [list(calc.GROUPS).index(calc.nps_group(score)) for score in range(11)], dtype=np.int8
)


def check_feedback(table: pd.DataFrame) -> pd.DataFrame:
    """Check a table of feedback responses and return it with clean answers.

    Parameters
    ----------
    table : pandas.DataFrame
        One row per response with the column ``recommend`` and optionally
        ``satisfaction``, ``segment``, ``went_well``, ``improve`` and
        ``contact`` (see :data:`FEEDBACK_COLUMNS`). Other columns are kept.

    Returns
    -------
    pandas.DataFrame
        A copy with ``recommend`` (and ``satisfaction``, when present) as
        whole numbers, and a ``group`` column: promoter, passive or detractor.

    Raises
    ------
    ValueError
        When ``recommend`` is missing (the message suggests a misspelled
        column), the table is empty, or an answer is blank, not a number, not
        a whole number or outside its scale (the message names the lines).

    Examples
    --------
    >>> check_feedback(pd.DataFrame({"recommend": [10, 7, 3]}))["group"].tolist()
    ['promoter', 'passive', 'detractor']
    """
    require_columns(table, _RESPONSES.required, optional=_RESPONSES.optional)
    if table.empty:
        raise ValueError(
            _("{source}: has no responses; add at least one row.").format(
                source=table.attrs.get("source", _("the table")))
        )
    score, rating = calc.FIELDS["score"], calc.FIELDS["satisfaction"]
    recommend = rating_column(
        table, "recommend", meaning=score.help, low=int(score.min), high=int(score.max),
        fix=_(_FIX),
    )
    result = table.copy()
    result.attrs = {}
    result["recommend"] = recommend.to_numpy()
    if "satisfaction" in table.columns:
        result["satisfaction"] = rating_column(
            table, "satisfaction", meaning=rating.help, low=int(rating.min),
            high=int(rating.max), fix=_(_FIX),
        ).to_numpy()
    result["group"] = pd.Categorical.from_codes(
        _GROUP_CODES[recommend.to_numpy()], categories=list(calc.GROUPS)
    )
    return result


def _segments(table: pd.DataFrame, by: str | None) -> tuple[np.ndarray, list[str]]:
    """Integer codes and labels of the groups to compare (sorted labels)."""
    if by is None:
        return np.zeros(len(table), dtype=np.int64), []
    require_columns(table, [by])
    # Clean the few distinct labels, not every cell: fast on large files.
    raw, distinct = pd.factorize(table[by], use_na_sentinel=True)
    cleaned = np.array(
        [str(label).strip() or NOT_GIVEN for label in distinct] + [NOT_GIVEN], dtype=object
    )
    used = np.unique(raw)  # -1 (a blank cell) picks the last label, NOT_GIVEN
    names = sorted({str(label) for label in cleaned[used]})
    position = {name: index for index, name in enumerate(names)}
    lookup = np.array([position.get(label, -1) for label in cleaned], dtype=np.int64)
    return lookup[raw], names


def analyze_feedback(table: pd.DataFrame, *, by: str | None = None) -> pd.DataFrame:
    """Net Promoter Score and satisfaction summary, overall and by segment.

    Parameters
    ----------
    table : pandas.DataFrame
        Responses as described for :func:`check_feedback`.
    by : str, optional
        A column to compare groups by, usually ``"segment"``. Blank labels
        form a group named "(not given)". Leave it out for one row.

    Returns
    -------
    pandas.DataFrame
        One row per group (sorted by name) and a last row
        ``"All responses"``, with columns ``group``, ``responses``,
        ``promoters``, ``passives``, ``detractors``, ``promoter_share``,
        ``passive_share``, ``detractor_share`` (decimals), ``nps`` (points,
        −100 to +100) and ``nps_margin`` (approximate 95% margin of error, in
        points; see :func:`~customer_focus.tools.feedback.calc.nps_margin_of_error`);
        and, when the table has a ``satisfaction`` column, ``satisfaction_mean``
        and ``top_box_share`` (share answering 5).

    Examples
    --------
    >>> table = pd.DataFrame({"recommend": [10, 9, 8, 3], "satisfaction": [5, 5, 4, 2]})
    >>> row = analyze_feedback(table).iloc[-1]
    >>> float(row["nps"]), float(row["top_box_share"])
    (25.0, 0.5)
    """
    responses = check_feedback(table)
    codes, names = _segments(table, by)
    groups = max(len(names), 1)
    # counts[segment, score]; the rows are calc.summary's, one per segment, then the total
    counts = np.bincount(
        codes * 11 + responses["recommend"].to_numpy(), minlength=groups * 11
    ).reshape(-1, 11)
    ratings = None
    if "satisfaction" in responses.columns:
        ratings = np.bincount(
            codes * 5 + responses["satisfaction"].to_numpy() - 1, minlength=groups * 5
        ).reshape(-1, 5)
    if names:
        counts = np.vstack([counts, counts.sum(axis=0)])
        if ratings is not None:
            ratings = np.vstack([ratings, ratings.sum(axis=0)])
    rows = [
        calc.summary(
            [int(n) for n in counts[k]], None if ratings is None else [int(n) for n in ratings[k]]
        )
        for k in range(len(counts))
    ]
    result = pd.DataFrame(rows)
    result.insert(0, "group", names + [ALL_RESPONSES])
    return result


def score_distribution(table: pd.DataFrame, *, by: str | None = None) -> pd.DataFrame:
    """How many respondents gave each score from 0 to 10, overall or by segment.

    This is the table behind the worksheet's chart: two groups with the same
    NPS can have very different distributions.

    Parameters
    ----------
    table : pandas.DataFrame
        Responses as described for :func:`check_feedback`.
    by : str, optional
        A column to split by; each group gets 11 rows.

    Returns
    -------
    pandas.DataFrame
        Columns ``group`` (``"All responses"`` when ``by`` is None), ``score``
        (0–10), ``nps_group``, ``responses`` and ``share`` (of the group's
        responses, a decimal).

    Examples
    --------
    >>> table = score_distribution(pd.DataFrame({"recommend": [10, 10, 0]}))
    >>> table.loc[table["responses"] > 0, ["score", "responses"]].values.tolist()
    [[0, 1], [10, 2]]
    """
    responses = check_feedback(table)
    codes, names = _segments(table, by)
    labels = names or [ALL_RESPONSES]
    scores = responses["recommend"].to_numpy()
    counts = np.bincount(codes * 11 + scores, minlength=len(labels) * 11).reshape(-1, 11)
    totals = counts.sum(axis=1, keepdims=True)
    score = np.tile(np.arange(11), len(labels))
    return pd.DataFrame(
        {
            "group": np.repeat(labels, 11),
            "score": score,
            "nps_group": np.array(list(calc.GROUPS))[_GROUP_CODES[score]],
            "responses": counts.ravel(),
            "share": (counts / totals).ravel(),
        }
    )


def satisfaction_distribution(table: pd.DataFrame, *, by: str | None = None) -> pd.DataFrame:
    """How many respondents gave each satisfaction rating from 1 to 5.

    Parameters
    ----------
    table : pandas.DataFrame
        Responses with a ``satisfaction`` column (see :data:`FEEDBACK_COLUMNS`).
    by : str, optional
        A column to split by.

    Returns
    -------
    pandas.DataFrame
        Columns ``group``, ``rating`` (1–5), ``responses`` and ``share``.

    Raises
    ------
    ValueError
        When the table has no ``satisfaction`` column.

    Examples
    --------
    >>> table = pd.DataFrame({"recommend": [9, 7], "satisfaction": [5, 4]})
    >>> satisfaction_distribution(table)["responses"].tolist()
    [0, 0, 0, 1, 1]
    """
    require_columns(table, ["recommend", "satisfaction"])
    responses = check_feedback(table)
    codes, names = _segments(table, by)
    labels = names or [ALL_RESPONSES]
    ratings = responses["satisfaction"].to_numpy() - 1
    counts = np.bincount(codes * 5 + ratings, minlength=len(labels) * 5).reshape(-1, 5)
    totals = counts.sum(axis=1, keepdims=True)
    return pd.DataFrame(
        {
            "group": np.repeat(labels, 5),
            "rating": np.tile(np.arange(1, 6), len(labels)),
            "responses": counts.ravel(),
            "share": (counts / totals).ravel(),
        }
    )
