"""Service quality assessment: SERVQUAL-style gap scores.

SERVQUAL (Parasuraman, Zeithaml & Berry 1988, "SERVQUAL: A Multiple-Item
Scale for Measuring Consumer Perceptions of Service Quality", *Journal of
Retailing* 64(1)) measures the gap between the service customers expect and
the service they perceive, with 22 items in five dimensions (RATER). The
dimensions, defined as the authors define them:

Tangibles
    "appearance of physical facilities, equipment, personnel, and
    communication materials."
Reliability
    "ability to perform the promised service dependably and accurately."
Responsiveness
    "willingness to help customers and provide prompt service."
Assurance
    "knowledge and courtesy of employees and their ability to inspire
    (convey) trust and confidence."
Empathy
    "caring, individualized attention the firm provides its customers."

The items are usually reported as split 4, 5, 4, 4 and 5 across the five
dimensions (Tangibles 4, Reliability 5, Responsiveness 4, Assurance 4,
Empathy 5); that split comes from secondary sources, not from the course's
reading of the paper itself. The course does not reproduce the published
item statements: items are labeled "Tangibles 1" to "Empathy 5", and each
organization writes its own statement for each item, within the dimension's
definition.

Each item is asked twice on a 7-point scale: what the customer expects (E)
and what the customer perceives (P). The gap score of an item is

    Q = P − E,

averaged over the items of each dimension, and over the five dimensions for
the overall (unweighted) score. A negative score means the service falls
short of expectations. (The course averages the five dimension scores, so
that equal importance weights give back the unweighted score.)

Weighted version (Parasuraman, Berry & Zeithaml 1991, *Journal of Retailing*
67(4)), as it is usually described: each respondent shares 100 points among
the five dimensions, and each dimension's gap is weighted by its share; the
weighted score is the sum of the weighted gaps. The importance percentages
often quoted for the five dimensions have no traceable source and are not
used here.

Cautions: Cronin & Taylor (1992) proposed SERVPERF, which uses perceptions
only; critics also point to the unreliability of difference scores, to
ambiguous "expectations", and to five dimensions that do not replicate
consistently across industries. Use the gaps to decide where to look, not as
a precise grade.

Input
-----
One row per respondent with columns ``E1`` … ``E22`` and ``P1`` … ``P22``
(whole numbers from 1 to 7) and, optionally, the five weight columns
``W_tangibles``, ``W_reliability``, ``W_responsiveness``, ``W_assurance`` and
``W_empathy`` (points from 0 to 100 that add up to 100 for each respondent).
All checks and sums work on whole columns at once.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

import numpy as np
import pandas as pd

from .feedback import rating_column
from .tools.spec import Blank as Field, FormSpec, Section
from .core.tables import numeric_column, require_columns, where
from .core.validation import as_number

__all__ = [
    "Dimension",
    "DIMENSIONS",
    "ITEMS",
    "EXPECTATION_COLUMNS",
    "PERCEPTION_COLUMNS",
    "WEIGHT_COLUMNS",
    "SERVQUAL_COLUMNS",
    "OVERALL",
    "ServqualAnswers",
    "check_servqual",
    "item_gaps",
    "respondent_scores",
    "dimension_gaps",
    "score_dimensions",
    "PRINTABLE_FORM",
]


@dataclass(frozen=True)
class Dimension:
    """One SERVQUAL dimension: its name, its published definition and its items."""

    key: str
    name: str
    definition: str
    items: tuple[int, ...]

    @property
    def weight_column(self) -> str:
        """The column holding the respondent's points for this dimension."""
        return f"W_{self.key}"


def _dimensions() -> tuple[Dimension, ...]:
    split = (
        ("tangibles", "Tangibles", "appearance of physical facilities, equipment, personnel, and communication materials.", 4),
        ("reliability", "Reliability", "ability to perform the promised service dependably and accurately.", 5),
        ("responsiveness", "Responsiveness", "willingness to help customers and provide prompt service.", 4),
        ("assurance", "Assurance", "knowledge and courtesy of employees and their ability to inspire (convey) trust and confidence.", 4),
        ("empathy", "Empathy", "caring, individualized attention the firm provides its customers.", 5),
    )
    result, first = [], 1
    for key, name, definition, count in split:
        result.append(Dimension(key, name, definition, tuple(range(first, first + count))))
        first += count
    return tuple(result)


#: The five dimensions in RATER order, with the 4/5/4/4/5 item split [secondary sources].
DIMENSIONS: tuple[Dimension, ...] = _dimensions()

#: Item number (1–22) → label such as "Reliability 3".
ITEMS: dict[int, str] = {
    item: f"{dimension.name} {index}"
    for dimension in DIMENSIONS
    for index, item in enumerate(dimension.items, start=1)
}

EXPECTATION_COLUMNS = tuple(f"E{item}" for item in ITEMS)
PERCEPTION_COLUMNS = tuple(f"P{item}" for item in ITEMS)
WEIGHT_COLUMNS = tuple(dimension.weight_column for dimension in DIMENSIONS)

#: Label of the summary row of :func:`dimension_gaps`.
OVERALL = "Overall"

#: Columns of the table :func:`check_servqual` reads (one row per respondent).
SERVQUAL_COLUMNS = {
    "E1 … E22": "expectation for each item, a whole number from 1 (strongly disagree) to 7 (strongly agree)",
    "P1 … P22": "perception of your service for each item, on the same scale",
    "W_tangibles, W_reliability, W_responsiveness, W_assurance, W_empathy":
        "optional: the points (0 to 100) the respondent gives each dimension; they add up to 100",
    "respondent": "optional: an identifier for the respondent",
}

_FIX = (
    "Correct those answers, or delete those respondents: every item needs an expectation and a "
    "perception from 1 to 7."
)
_WEIGHT_TOLERANCE = 0.01


@dataclass(frozen=True)
class ServqualAnswers:
    """Checked answers: ``expectations`` and ``perceptions`` are (respondents × 22)
    arrays of whole numbers; ``weights`` is (respondents × 5) shares that add up
    to 1 per respondent, or ``None`` when the table has no weight columns."""

    expectations: np.ndarray
    perceptions: np.ndarray
    weights: np.ndarray | None


def _item_meaning(column: str) -> str:
    item = int(column[1:])
    side = "expectation" if column[0] == "E" else "perception"
    return f"the {side} for item {ITEMS[item]}, from 1 to 7"


def _canonical(column: object) -> str:
    """A column name as it was probably meant: "p 07" → "P7", "w_Reliability" → "W_RELIABILITY"."""
    text = re.sub(r"[\s_]+", "", str(column)).upper()
    return re.sub(r"^([EP])0*(\d+)$", r"\1\2", text)


def _require_items(table: pd.DataFrame) -> None:
    """Like :func:`customer_focus.core.tables.require_columns`, but for 44 numbered columns:
    a near miss is matched ignoring case, spaces and leading zeros ("p7", "P 07"),
    and the expected columns are listed as ranges."""
    require_columns(table, [])  # a clear message when it is not a table at all
    expected = [*EXPECTATION_COLUMNS, *PERCEPTION_COLUMNS]
    present = [str(column) for column in table.columns]
    missing = [column for column in expected if column not in present]
    weights = {_canonical(column): column for column in WEIGHT_COLUMNS}
    misspelled = [
        (column, weights[_canonical(column)]) for column in present
        if column not in WEIGHT_COLUMNS and _canonical(column) in weights
    ]
    if not missing and misspelled:
        found, meant = misspelled[0]
        raise ValueError(
            f"{table.attrs.get('source', 'the table')}: column {found!r} looks like the weight column "
            f"{meant!r}; rename it exactly {meant!r} (the weight columns are {', '.join(WEIGHT_COLUMNS)})."
        )
    if not missing:
        return
    near = {_canonical(column): column for column in present if column not in expected}
    details = [
        f"{column!r} (found {near[column]!r}: a misspelling?)" if column in near else repr(column)
        for column in missing
    ]
    shown = ", ".join(details[:6]) + (f" and {len(details) - 6} more" if len(details) > 6 else "")
    others = [column for column in present if column not in expected and column not in WEIGHT_COLUMNS]
    raise ValueError(
        f"{table.attrs.get('source', 'the table')}: missing column{'s' if len(missing) > 1 else ''} {shown}. "
        f"Expected columns: E1 … E22 and P1 … P22 (an expectation and a perception for each item); "
        f"optional: {', '.join(WEIGHT_COLUMNS)}. "
        f"Other columns found: {', '.join(others) or 'none'}."
    )


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
    source = table.attrs.get("source", "the table")
    if table.empty:
        raise ValueError(f"{source}: has no respondents; add at least one row.")
    present = [column for column in WEIGHT_COLUMNS if column in table.columns]
    if present and len(present) < len(WEIGHT_COLUMNS):
        missing = [column for column in WEIGHT_COLUMNS if column not in table.columns]
        raise ValueError(
            f"{source}: the importance weights need all five columns {', '.join(WEIGHT_COLUMNS)}; "
            f"missing {', '.join(missing)}. Add the missing columns, or remove "
            f"{', '.join(present)} to compute the unweighted scores only."
        )

    def block(columns: Sequence[str]) -> np.ndarray:
        return np.column_stack(
            [
                rating_column(table, column, meaning=_item_meaning(column), low=1, high=7, fix=_FIX).to_numpy()
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
                    meaning=f"the points out of 100 for {dimension.name.lower()}",
                ).to_numpy()
                for column, dimension in zip(WEIGHT_COLUMNS, DIMENSIONS)
            ]
        )
        totals = points.sum(axis=1)
        wrong = np.abs(totals - 100) > _WEIGHT_TOLERANCE
        if wrong.any():
            positions = np.flatnonzero(wrong)
            shown = "; ".join(
                f"{where(table, int(i))} adds up to {totals[i]:g} ({' + '.join(f'{v:g}' for v in points[i])})"
                for i in positions[:5]
            )
            more = f" (and {len(positions) - 5} more)" if len(positions) > 5 else ""
            raise ValueError(
                f"the weight columns {', '.join(WEIGHT_COLUMNS)} must add up to 100 for every "
                f"respondent; {shown}{more}. Ask the respondent to share exactly 100 points, or "
                f"leave the weights out to compute the unweighted scores only."
            )
        weights = points / 100.0
    return ServqualAnswers(expectations, perceptions, weights)


def _dimension_means(values: np.ndarray) -> np.ndarray:
    """(respondents × 22) → (respondents × 5): the mean of each dimension's items."""
    return np.column_stack(
        [values[:, [item - 1 for item in dimension.items]].mean(axis=1) for dimension in DIMENSIONS]
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


def _summary(
    expectation: np.ndarray, perception: np.ndarray, gap: np.ndarray,
    weight: np.ndarray | None, weighted_gap: np.ndarray | None,
) -> pd.DataFrame:
    result = pd.DataFrame(
        {
            "dimension": [dimension.name for dimension in DIMENSIONS] + [OVERALL],
            "items": [len(dimension.items) for dimension in DIMENSIONS] + [len(ITEMS)],
            "expectation": np.append(expectation, expectation.mean()),
            "perception": np.append(perception, perception.mean()),
            "gap": np.append(gap, gap.mean()),
        }
    )
    if weight is not None and weighted_gap is not None:
        result["weight"] = np.append(weight, weight.sum())
        result["weighted_gap"] = np.append(weighted_gap, weighted_gap.sum())
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
    expectation = _dimension_means(answers.expectations)
    perception = _dimension_means(answers.perceptions)
    gaps = perception - expectation
    weight = weighted = None
    if answers.weights is not None:
        weight = answers.weights.mean(axis=0)
        weighted = (answers.weights * gaps).mean(axis=0)
    return _summary(expectation.mean(axis=0), perception.mean(axis=0), gaps.mean(axis=0), weight, weighted)


def _per_dimension(values: Mapping[str, object] | Sequence[object], name: str) -> list[object]:
    """Five values in RATER order, from a list or a mapping keyed by dimension name."""
    if isinstance(values, Mapping):
        lookup = {str(key).strip().lower(): value for key, value in values.items()}
        missing = [d.name for d in DIMENSIONS if d.key not in lookup]
        extra = sorted(set(lookup) - {d.key for d in DIMENSIONS})
        if missing or extra:
            raise ValueError(
                f"{name} needs one value for each dimension: {', '.join(d.name for d in DIMENSIONS)}; "
                + (f"missing {', '.join(missing)}" if missing else f"unknown {', '.join(extra)}")
                + "."
            )
        return [lookup[d.key] for d in DIMENSIONS]
    if isinstance(values, (str, bytes)) or not isinstance(values, Sequence) or len(values) != len(DIMENSIONS):
        raise ValueError(
            f"{name} needs five values, one per dimension in the order "
            f"{', '.join(d.name for d in DIMENSIONS)}; you gave {values!r}."
        )
    return list(values)


def score_dimensions(
    expectations: Mapping[str, float] | Sequence[float],
    perceptions: Mapping[str, float] | Sequence[float],
    weights: Mapping[str, float] | Sequence[float] | None = None,
) -> pd.DataFrame:
    """SERVQUAL scores from average expectations and perceptions per dimension.

    For a quick assessment (or a workshop tally) when only the dimension
    averages are known. With ``weights``, each dimension's gap is weighted by
    its share of 100 points.

    Parameters
    ----------
    expectations, perceptions : mapping or sequence of float
        Average scores from 1 to 7, one per dimension: a list in RATER order
        (Tangibles, Reliability, Responsiveness, Assurance, Empathy) or a
        mapping keyed by dimension (``{"reliability": 6.6, ...}``).
    weights : mapping or sequence of float, optional
        Points from 0 to 100 per dimension, adding up to 100.

    Returns
    -------
    pandas.DataFrame
        The same six rows and columns as :func:`dimension_gaps`.

    Examples
    --------
    >>> table = score_dimensions([5.0, 6.6, 6.2, 6.0, 5.4], [5.4, 5.1, 5.0, 5.8, 5.6], [10, 35, 25, 15, 15])
    >>> [round(v, 3) for v in table["gap"].tolist()]
    [0.4, -1.5, -1.2, -0.2, 0.2, -0.46]
    >>> round(float(table["weighted_gap"].iloc[-1]), 3)
    -0.785
    """
    names = [d.name.lower() for d in DIMENSIONS]

    def scale(values: object, label: str) -> np.ndarray:
        numbers = []
        for value, dimension in zip(_per_dimension(values, label), names):
            number = as_number(value, f"{label} for {dimension}", meaning="an average score on the 1–7 scale")
            if not 1 <= number <= 7:
                raise ValueError(
                    f"{label} for {dimension} must be from 1 to 7 (the SERVQUAL scale); you gave {value!r}."
                )
            numbers.append(number)
        return np.array(numbers)

    expectation = scale(expectations, "expectation")
    perception = scale(perceptions, "perception")
    gap = perception - expectation
    if weights is None:
        return _summary(expectation, perception, gap, None, None)
    points = []
    for value, dimension in zip(_per_dimension(weights, "weights"), names):
        number = as_number(value, f"weight for {dimension}", meaning="points out of 100")
        if number < 0:
            raise ValueError(f"weight for {dimension} must be 0 or more points; you gave {value!r}.")
        points.append(number)
    total = sum(points)
    if abs(total - 100) > _WEIGHT_TOLERANCE:
        raise ValueError(
            f"the weights must add up to 100 points; yours add up to {total:g} "
            f"({' + '.join(f'{p:g}' for p in points)}). Change them so that they total 100."
        )
    share = np.array(points) / 100
    return _summary(expectation, perception, gap, share, share * gap)


def _dimension_note() -> str:
    parts = [
        f"{d.name} (items {d.items[0]}–{d.items[-1]}): “{d.definition}”" for d in DIMENSIONS
    ]
    return (
        "The five dimensions, as defined by Parasuraman, Zeithaml & Berry (1988). "
        + " ".join(parts)
        + " Write one statement for each item, about your own service, within its dimension."
    )


#: The questionnaire (``{printable-form} servqual``).
PRINTABLE_FORM = FormSpec(
    title="Service quality questionnaire (SERVQUAL-style)",
    intro=(
        "For each statement, write how much you agree: 1 = strongly disagree, 7 = strongly agree. "
        "Part A asks what you expect from an excellent company of this kind; Part B asks what you "
        "experienced with [company X]. Part C, if included, asks how important each area is to you. "
        "(Before copying the form, the organization writes its own statement for each of the 22 items.)"
    ),
    sections=(
        Section("Before you copy the form", note=_dimension_note()),
        Section(
            "Part A: What you expect (E)",
            note="Think of an excellent company of this kind. How much do you agree with each statement? "
            "Write a whole number from 1 (strongly disagree) to 7 (strongly agree).",
            columns=("Item", "Statement", "Your answer (1–7)"),
            row_labels=tuple(ITEMS.values()),
        ),
        Section(
            "Part B: What you experienced (P)",
            note="Now think of [company X]. How much do you agree with each statement? "
            "Write a whole number from 1 (strongly disagree) to 7 (strongly agree).",
            columns=("Item", "Statement", "Your answer (1–7)"),
            row_labels=tuple(ITEMS.values()),
        ),
        Section(
            "Part C (optional): How important is each area to you?",
            note="Share 100 points among the five areas: the more important an area, the more points. "
            "The points must add up to 100.",
            columns=("Area", "Points"),
            row_labels=(*(f"{d.name}: {d.definition}" for d in DIMENSIONS), "Total (must be 100)"),
        ),
        Section(
            "About you (optional)",
            fields=(Field("Respondent number or name"), Field("Date")),
        ),
    ),
)
