"""Customer feedback: the Net Promoter Score and a satisfaction summary.

The feedback form asks Reichheld's (2003) question, exactly as published in
"The One Number You Need to Grow" (*Harvard Business Review* 81(12)):

    "How likely is it that you would recommend [company X] to a friend or
    colleague?"

answered on a scale from 0 to 10. Respondents who answer 9 or 10 are
*promoters*, 7 or 8 *passives* (Reichheld's "passively satisfied"), 0 to 6
*detractors*, and

    NPS = % promoters − % detractors,

a number of points from −100 to +100. Passives count in the total but in
neither group.

The form also asks for overall satisfaction on a 1–5 scale (1 = very
dissatisfied, 5 = very satisfied: the course's form, not a published scale).
Its summary gives the distribution, the mean and the *top-box share*, the
share answering 5. The top box matters because, in Xerox's 1991 analysis,
customers giving 5s were six times more likely to repurchase than those giving
4s (Heskett et al. 1994); that is one firm's correlation, not a law.

Cautions the worksheet repeats: Keiningham, Cooil, Andreassen & Aksoy (2007)
"fail to replicate" the claimed superiority of NPS over other measures; the
11-point scale is collapsed into three groups, so identical scores can hide
different distributions; and small samples swing (see
:func:`nps_margin_of_error`).

Reading a file
--------------
:func:`check_feedback` reads a table with one row per response (see
:data:`FEEDBACK_COLUMNS`). Every answer must be a whole number within its
scale; a blank, a word, 7.5 or 11 stops with a message naming the line. The
checks work on whole columns at once, so a 100,000-response file takes a
fraction of a second.
"""

from __future__ import annotations

from collections.abc import Iterable

import numpy as np
import pandas as pd

from .tools.spec import Blank as Field, FormSpec, Section
from .core.tables import numeric_column, require_columns, where
from .core.validation import as_whole_number

__all__ = [
    "NPS_QUESTION",
    "SATISFACTION_QUESTION",
    "GROUPS",
    "FEEDBACK_COLUMNS",
    "ALL_RESPONSES",
    "nps_group",
    "nps_from_counts",
    "net_promoter_score",
    "nps_margin_of_error",
    "rating_column",
    "check_feedback",
    "analyze_feedback",
    "score_distribution",
    "satisfaction_distribution",
    "PRINTABLE_FORM",
]

#: Reichheld's (2003) question, word for word; write your company's name for [company X].
NPS_QUESTION = "How likely is it that you would recommend [company X] to a friend or colleague?"

#: The form's satisfaction question (the course's wording), answered from 1 to 5.
SATISFACTION_QUESTION = "Overall, how satisfied are you with [company X]?"

#: The three groups of Reichheld (2003), with the scores that fall in each.
GROUPS = {
    "promoter": range(9, 11),
    "passive": range(7, 9),
    "detractor": range(0, 7),
}

#: Label of the row that covers every response in :func:`analyze_feedback`.
ALL_RESPONSES = "All responses"

#: Label of the group of responses whose segment cell is blank.
NOT_GIVEN = "(not given)"

#: Columns of the table :func:`check_feedback` reads (one row per response).
FEEDBACK_COLUMNS = {
    "recommend": "the answer to the recommend question, a whole number from 0 (not at all likely) to 10 (extremely likely)",
    "satisfaction": "optional: overall satisfaction, a whole number from 1 (very dissatisfied) to 5 (very satisfied)",
    "segment": "optional: a group to compare, such as a branch, region or type of customer",
    "went_well": "optional: what went well, in the customer's words",
    "improve": "optional: what we should improve, in the customer's words",
    "contact": "optional: a name, email or phone number, if the customer agreed to be contacted",
}

_RECOMMEND_MEANING = "the 0–10 answer to the recommend question"
_SATISFACTION_MEANING = "the 1–5 overall satisfaction answer"
_FIX = "Correct those answers in the file, or delete those responses: a blank is not a 0."


def nps_group(score: int) -> str:
    """The Net Promoter group of one answer: promoter, passive or detractor.

    Parameters
    ----------
    score : int
        A whole number from 0 to 10.

    Returns
    -------
    str
        ``"promoter"`` (9–10), ``"passive"`` (7–8) or ``"detractor"`` (0–6),
        as defined by Reichheld (2003).

    Examples
    --------
    >>> nps_group(9), nps_group(8), nps_group(6)
    ('promoter', 'passive', 'detractor')
    """
    value = as_whole_number(
        score, "score", meaning="an answer to the recommend question, from 0 to 10", minimum=0, maximum=10
    )
    return next(name for name, scores in GROUPS.items() if value in scores)


def nps_from_counts(promoters: int, passives: int, detractors: int) -> float:
    """Net Promoter Score from the number of respondents in each group.

    NPS = % promoters − % detractors (Reichheld 2003); passives count in the
    total only.

    Parameters
    ----------
    promoters, passives, detractors : int
        Numbers of respondents who answered 9–10, 7–8 and 0–6; whole numbers,
        0 or more, not all 0.

    Returns
    -------
    float
        The score in points, from −100 to +100.

    Examples
    --------
    >>> nps_from_counts(120, 80, 50)
    28.0
    """
    counts = [
        as_whole_number(value, name, meaning=f"the number of {name}", minimum=0)
        for value, name in ((promoters, "promoters"), (passives, "passives"), (detractors, "detractors"))
    ]
    total = sum(counts)
    if total == 0:
        raise ValueError(
            "promoters, passives and detractors are all 0, so there is no response to score; "
            "enter the number of respondents in each group."
        )
    return 100 * (counts[0] - counts[2]) / total


def nps_margin_of_error(promoters: int, passives: int, detractors: int) -> float:
    """Approximate 95% margin of error of a Net Promoter Score, in points.

    Each answer counts +100 (promoter), 0 (passive) or −100 (detractor); the
    NPS is their mean, so its standard error is the usual
    ``sqrt(variance / n)``. The margin is 1.96 standard errors (the normal
    approximation, which is rough for small groups). It is textbook
    statistics, not part of Reichheld's definition; the worksheet shows it
    because small samples swing.

    Parameters
    ----------
    promoters, passives, detractors : int
        Numbers of respondents in each group (not all 0).

    Returns
    -------
    float
        Half the width of the approximate 95% interval, in NPS points.

    Examples
    --------
    >>> round(nps_margin_of_error(120, 80, 50), 1)
    9.6
    """
    nps_from_counts(promoters, passives, detractors)  # checks the counts
    total = promoters + passives + detractors
    return float(_margin(np.array([promoters]), np.array([detractors]), np.array([total]))[0])


def _margin(promoters: np.ndarray, detractors: np.ndarray, total: np.ndarray) -> np.ndarray:
    p = promoters / total
    d = detractors / total
    variance = np.clip(p + d - (p - d) ** 2, 0.0, None)
    return 1.96 * 100 * np.sqrt(variance / total)


def rating_column(
    table: pd.DataFrame, column: str, *, meaning: str, low: int, high: int, fix: str = _FIX
) -> pd.Series:
    """Return ``table[column]`` as whole numbers from ``low`` to ``high``, or raise.

    Blanks, words and values outside the scale are reported by
    :func:`customer_focus.core.tables.numeric_column`; answers that are not whole
    numbers (7.5) are reported here. Both messages name the lines, and end with
    ``fix``. Everything is done on the whole column at once.

    Parameters
    ----------
    table : pandas.DataFrame
        The learner's table (the column already checked to be present).
    column : str
        The column holding the answers.
    meaning : str
        What the column holds, in a manager's words.
    low, high : int
        The ends of the rating scale.
    fix : str
        A sentence saying how to fix the data.

    Returns
    -------
    pandas.Series of int64

    Examples
    --------
    >>> rating_column(pd.DataFrame({"r": [9, "10"]}), "r", meaning="score", low=0, high=10).tolist()
    [9, 10]
    """
    try:
        values = numeric_column(table, column, meaning=meaning, low=low, high=high)
    except ValueError as error:
        raise ValueError(f"{error} {fix}") from None
    array = values.to_numpy()
    fractional = array != np.floor(array)
    if fractional.any():
        positions = np.flatnonzero(fractional)
        shown = "; ".join(f"{where(table, int(i))}: {array[i]:g}" for i in positions[:5])
        more = f" (and {len(positions) - 5} more)" if len(positions) > 5 else ""
        raise ValueError(
            f"column {column!r} ({meaning}) must hold whole numbers from {low} to {high}; "
            f"found answers between two points of the scale at {shown}{more}. {fix}"
        )
    return values.astype(np.int64)


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
    optional = [name for name in FEEDBACK_COLUMNS if name != "recommend"]
    require_columns(table, ["recommend"], optional=optional)
    if table.empty:
        raise ValueError(
            f"{table.attrs.get('source', 'the table')}: has no responses; add at least one row."
        )
    recommend = rating_column(table, "recommend", meaning=_RECOMMEND_MEANING, low=0, high=10)
    result = table.copy()
    result.attrs = {}
    result["recommend"] = recommend.to_numpy()
    if "satisfaction" in table.columns:
        result["satisfaction"] = rating_column(
            table, "satisfaction", meaning=_SATISFACTION_MEANING, low=1, high=5
        ).to_numpy()
    result["group"] = pd.Categorical.from_codes(
        _group_codes(recommend.to_numpy()), categories=list(GROUPS)
    )
    return result


def _group_codes(scores: np.ndarray) -> np.ndarray:
    """0 for promoters, 1 for passives, 2 for detractors."""
    return np.where(scores >= 9, 0, np.where(scores >= 7, 1, 2)).astype(np.int8)


def _scores(scores: Iterable[object] | pd.Series) -> np.ndarray:
    """Validate a list of recommend answers; the message names the answer's position."""
    if isinstance(scores, (str, bytes)) or not isinstance(scores, Iterable):
        raise ValueError(
            f"scores must be a list of answers from 0 to 10, such as [10, 9, 7, 3]; you gave {scores!r}."
        )
    values = pd.Series(list(scores) if not isinstance(scores, (pd.Series, np.ndarray)) else scores)
    if values.empty:
        raise ValueError("scores is empty; give at least one answer from 0 to 10.")
    frame = pd.DataFrame({"score": values.reset_index(drop=True)})
    fix = "Correct those answers, or leave those responses out: a blank is not a 0."
    return rating_column(frame, "score", meaning=_RECOMMEND_MEANING, low=0, high=10, fix=fix).to_numpy()


def net_promoter_score(scores: Iterable[int]) -> float:
    """Net Promoter Score of a list of answers to the recommend question.

    NPS = % promoters (9–10) − % detractors (0–6), in points from −100 to
    +100 (Reichheld 2003).

    Parameters
    ----------
    scores : list, array or Series of int
        Answers from 0 to 10, whole numbers, no blanks.

    Returns
    -------
    float

    Raises
    ------
    ValueError
        When the list is empty or an answer is blank, not a whole number, or
        outside 0–10; the message names the row.

    Examples
    --------
    >>> net_promoter_score([10, 9, 8, 7, 6, 0, 10, 5, 9, 8])
    10.0
    """
    values = _scores(scores)
    codes = _group_codes(values)
    counts = np.bincount(codes, minlength=3)
    return 100 * float(counts[0] - counts[2]) / len(values)


def _segments(table: pd.DataFrame, by: str | None) -> tuple[np.ndarray, list[str]]:
    """Integer codes and labels of the groups to compare (sorted labels)."""
    if by is None:
        return np.zeros(len(table), dtype=np.int64), []
    require_columns(table, [by])
    # Clean the few distinct labels, not every cell: fast on large files.
    raw, distinct = pd.factorize(table[by], use_na_sentinel=True)
    cleaned = np.array([str(label).strip() or NOT_GIVEN for label in distinct] + [NOT_GIVEN], dtype=object)
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
        points; see :func:`nps_margin_of_error`); and, when the table has a
        ``satisfaction`` column, ``satisfaction_mean`` and ``top_box_share``
        (share answering 5).

    Examples
    --------
    >>> table = pd.DataFrame({"recommend": [10, 9, 8, 3], "satisfaction": [5, 5, 4, 2]})
    >>> row = analyze_feedback(table).iloc[-1]
    >>> float(row["nps"]), float(row["top_box_share"])
    (25.0, 0.5)
    """
    responses = check_feedback(table)
    codes, names = _segments(table, by)
    groups = len(names)
    group_codes = responses["group"].cat.codes.to_numpy().astype(np.int64)
    # counts[segment, group]; the last segment row is the total
    counts = np.bincount(codes * 3 + group_codes, minlength=max(groups, 1) * 3).reshape(-1, 3)
    if groups:
        counts = np.vstack([counts, counts.sum(axis=0)])
    labels = names + [ALL_RESPONSES]
    total = counts.sum(axis=1)
    shares = counts / total[:, None]
    result = pd.DataFrame(
        {
            "group": labels,
            "responses": total,
            "promoters": counts[:, 0],
            "passives": counts[:, 1],
            "detractors": counts[:, 2],
            "promoter_share": shares[:, 0],
            "passive_share": shares[:, 1],
            "detractor_share": shares[:, 2],
            "nps": 100 * (shares[:, 0] - shares[:, 2]),
            "nps_margin": _margin(counts[:, 0], counts[:, 2], total),
        }
    )
    if "satisfaction" in responses.columns:
        ratings = responses["satisfaction"].to_numpy()
        segment = codes if groups else np.zeros(len(ratings), dtype=np.int64)
        sums = np.bincount(segment, weights=ratings, minlength=max(groups, 1))
        tops = np.bincount(segment, weights=(ratings == 5).astype(float), minlength=max(groups, 1))
        if groups:
            sums = np.append(sums, sums.sum())
            tops = np.append(tops, tops.sum())
        result["satisfaction_mean"] = sums / total
        result["top_box_share"] = tops / total
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
            "nps_group": np.array(list(GROUPS))[_group_codes(score)],
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


#: The customer feedback form itself (``{printable-form} feedback``).
PRINTABLE_FORM = FormSpec(
    title="Customer feedback form",
    intro=(
        "Thank you for taking two minutes to tell us how we did. Tick one box for each of the first two "
        "questions, then tell us more in your own words. (Before copying the form, write your company's "
        "name wherever it says [company X].)"
    ),
    sections=(
        Section(
            NPS_QUESTION,
            columns=("Your answer", "Tick one"),
            row_labels=(
                "0 — not at all likely", "1", "2", "3", "4", "5", "6", "7", "8", "9",
                "10 — extremely likely",
            ),
        ),
        Section(
            SATISFACTION_QUESTION,
            columns=("Your answer", "Tick one"),
            row_labels=(
                "1 — very dissatisfied", "2 — dissatisfied", "3 — neither satisfied nor dissatisfied",
                "4 — satisfied", "5 — very satisfied",
            ),
        ),
        Section(
            "Tell us more",
            fields=(
                Field("What went well?"),
                Field("What should we improve?"),
            ),
        ),
        Section(
            "May we contact you? (optional)",
            note="Leave this blank to stay anonymous. We use your details only to follow up on your answers.",
            fields=(
                Field("Name"),
                Field("Email or phone"),
            ),
        ),
    ),
)
