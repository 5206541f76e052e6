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

Standard library only, and plain values in and out (numbers, lists of dicts),
so the same functions run in a notebook and, through Pyodide, in the reader's
browser. The averages of a quick assessment are checked against their
descriptions in ``servqual.yml`` (read here from its JSON twin). A survey
file, one row per respondent, is read by
:mod:`customer_focus.tools.servqual.table`.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from ...core.fields import load_fields
from ...core.messages import N_, Messages
from ...core.validation import InputError, as_number

__all__ = [
    "FIELDS", "Dimension", "DIMENSIONS", "ITEMS", "EXPECTATION_COLUMNS", "PERCEPTION_COLUMNS",
    "WEIGHT_COLUMNS", "OVERALL", "WEIGHT_TOLERANCE", "gap", "summarize", "score_dimensions",
    "check_columns", "item_meaning", "item_label", "points_meaning", "points_total", "RATING_FIX",
    "partial_weights", "weights_off",
    "dimension_means", "survey_summary",
]

_ = Messages("tools.servqual")
n_ = _.plural

#: The tool's inputs, as ``servqual.yml`` describes them.
FIELDS = load_fields(__package__, "servqual.json")


@dataclass(frozen=True)
class Dimension:
    """One SERVQUAL dimension: its name, its published definition and its items.

    The name and the definition are the English (the name is also the label the
    tables' rows are read by); say them through the module's catalog
    (``_(dimension.name)``) to show them in the reader's language."""

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
        ("tangibles", N_("Tangibles"), N_("appearance of physical facilities, equipment, "
                                          "personnel, and communication materials."), 4),
        ("reliability", N_("Reliability"), N_("ability to perform the promised service "
                                              "dependably and accurately."), 5),
        ("responsiveness", N_("Responsiveness"), N_("willingness to help customers and provide "
                                                    "prompt service."), 4),
        ("assurance", N_("Assurance"), N_("knowledge and courtesy of employees and their "
                                          "ability to inspire (convey) trust and confidence."),
         4),
        ("empathy", N_("Empathy"), N_("caring, individualized attention the firm provides its "
                                      "customers."), 5),
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

#: Label of the summary row of :func:`summarize` (English, as the rows are read by it).
OVERALL = N_("Overall")

#: How far a respondent's points may be from 100 (33.33 + 33.33 + 33.34 is fine).
WEIGHT_TOLERANCE = 0.01


def gap(expectation: float, perception: float) -> float:
    """The gap score of an item or a dimension: perception minus expectation, Q = P − E.

    Parameters
    ----------
    expectation, perception : float
        Scores (or average scores) on the 1–7 scale.

    Returns
    -------
    float
        From −6 to +6; negative when the service falls short of expectations.

    Examples
    --------
    >>> round(gap(6.4, 5.1), 2)
    -1.3
    """
    e = as_number(expectation, "expectation", meaning="a score on the 1–7 scale", minimum=1,
                  maximum=7)
    p = as_number(perception, "perception", meaning="a score on the 1–7 scale", minimum=1,
                  maximum=7)
    return p - e


def _mean(values: Sequence[float]) -> float:
    """The mean of the five dimensions, added in order (as NumPy adds so few numbers)."""
    return sum(values) / len(values)


def summarize(
    expectation: Sequence[float],
    perception: Sequence[float],
    gaps: Sequence[float],
    weight: Sequence[float] | None = None,
    weighted_gap: Sequence[float] | None = None,
) -> list[dict[str, object]]:
    """The six rows of a SERVQUAL summary: one per dimension, then ``"Overall"``.

    Parameters
    ----------
    expectation, perception, gaps : sequence of float
        Five values each, in RATER order (Tangibles, Reliability,
        Responsiveness, Assurance, Empathy).
    weight, weighted_gap : sequence of float, optional
        Five shares of the 100 points and five weighted gaps.

    Returns
    -------
    list of dict
        Rows with ``dimension``, ``items``, ``expectation``, ``perception`` and
        ``gap`` (and ``weight`` and ``weighted_gap`` when weighted). The overall
        row holds the mean of the five dimensions (the unweighted score), the
        sum of the weights and the sum of the weighted gaps (the weighted
        score).

    Examples
    --------
    >>> rows = summarize([6] * 5, [5] * 5, [-1] * 5)
    >>> rows[-1]["dimension"], rows[-1]["items"], rows[-1]["gap"]
    ('Overall', 22, -1.0)
    """
    columns = {"expectation": expectation, "perception": perception, "gap": gaps}
    if weight is not None and weighted_gap is not None:
        columns.update(weight=weight, weighted_gap=weighted_gap)
    rows: list[dict[str, object]] = [
        {"dimension": dimension.name, "items": len(dimension.items)} for dimension in DIMENSIONS
    ]
    overall: dict[str, object] = {"dimension": OVERALL, "items": len(ITEMS)}
    for name, values in columns.items():
        numbers = [float(value) for value in values]
        for row, value in zip(rows, numbers, strict=True):
            row[name] = value
        overall[name] = sum(numbers) if name in ("weight", "weighted_gap") else _mean(numbers)
    return [*rows, overall]


def _per_dimension(values: Mapping[str, object] | Sequence[object], name: str) -> list[object]:
    """Five values in RATER order, from a list or a mapping keyed by dimension name."""
    names = ", ".join(d.name for d in DIMENSIONS)
    if isinstance(values, Mapping):
        lookup = {str(key).strip().lower(): value for key, value in values.items()}
        missing = [d.name for d in DIMENSIONS if d.key not in lookup]
        extra = sorted(set(lookup) - {d.key for d in DIMENSIONS})
        if missing or extra:
            wrong = (_("missing {names}").format(names=", ".join(missing)) if missing
                     else _("unknown {names}").format(names=", ".join(extra)))
            raise InputError(name, _(
                "{name} needs one value for each dimension: {names}; {wrong}."
            ).format(name=name, names=names, wrong=wrong))
        return [lookup[d.key] for d in DIMENSIONS]
    if (
        isinstance(values, (str, bytes)) or not isinstance(values, Sequence)
        or len(values) != len(DIMENSIONS)
    ):
        raise InputError(
            name,
            _("{name} needs five values, one per dimension in the order {names}; you gave "
              "{values!r}.").format(name=name, names=names, values=values),
        )
    return list(values)


def score_dimensions(
    expectations: Mapping[str, float] | Sequence[float],
    perceptions: Mapping[str, float] | Sequence[float],
    weights: Mapping[str, float] | Sequence[float] | None = None,
) -> list[dict[str, object]]:
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
    list of dict
        The six rows of :func:`summarize`.

    Raises
    ------
    InputError
        When a value is missing, not a number or outside its range, or the
        weights do not add up to 100; the message names the dimension, and
        ``name`` is the input's field (``reliability_points``).

    Examples
    --------
    >>> rows = score_dimensions([5.0, 6.6, 6.2, 6.0, 5.4], [5.4, 5.1, 5.0, 5.8, 5.6],
    ...                         [10, 35, 25, 15, 15])
    >>> [round(row["gap"], 3) for row in rows]
    [0.4, -1.5, -1.2, -0.2, 0.2, -0.46]
    >>> round(rows[-1]["weighted_gap"], 3)
    -0.785
    """

    def scale(values: object, name: str, side: str, words: str) -> list[float]:
        return [
            FIELDS[f"{d.key}_{side}"].check_as(value, words.format(dimension=_(d.name).lower()))
            for value, d in zip(_per_dimension(values, name), DIMENSIONS, strict=True)
        ]

    expectation = scale(expectations, "expectation", "expected", _("expectation for {dimension}"))
    perception = scale(perceptions, "perception", "perceived", _("perception for {dimension}"))
    gaps = [p - e for e, p in zip(expectation, perception, strict=True)]
    if weights is None:
        return summarize(expectation, perception, gaps)
    points = [
        FIELDS[f"{d.key}_points"].check_as(
            value, _("weight for {dimension}").format(dimension=_(d.name).lower()))
        for value, d in zip(_per_dimension(weights, "weights"), DIMENSIONS, strict=True)
    ]
    total = sum(points)
    if abs(total - 100) > WEIGHT_TOLERANCE:
        raise InputError(
            "weights",
            _("the weights must add up to 100 points; yours add up to {total:g} ({sum}). Change "
              "them so that they total 100.").format(
                total=total, sum=" + ".join(f"{p:g}" for p in points)),
        )
    share = [p / 100 for p in points]
    weighted = [s * g for s, g in zip(share, gaps, strict=True)]
    return summarize(expectation, perception, gaps, share, weighted)


# ---- a survey file (one row per respondent): its columns, its messages, its averages; the
# notebook's table.py (pandas) and the page's page.py (CSV text) share them


#: The sentence ending a message about a bad answer.
RATING_FIX = N_(
    "Correct those answers, or delete those respondents: every item needs an expectation and a "
    "perception from 1 to 7."
)


def item_meaning(column: str) -> str:
    """What an answer column holds, for a message.

    Examples
    --------
    >>> item_meaning("P7")
    'the perception for item Reliability 3, from 1 to 7'
    """
    item = int(column[1:])
    words = (_("the expectation for item {item}, from 1 to 7") if column[0] == "E"
             else _("the perception for item {item}, from 1 to 7"))
    return words.format(item=item_label(item))


def item_label(item: int) -> str:
    """An item's label (:data:`ITEMS`) in the reader's language: "Reliability 3".

    Examples
    --------
    >>> item_label(7)
    'Reliability 3'
    """
    for dimension in DIMENSIONS:
        if item in dimension.items:
            return _("{dimension} {number}").format(
                dimension=_(dimension.name), number=dimension.items.index(item) + 1)
    raise KeyError(item)


def _canonical(column: object) -> str:
    """A column name as it was probably meant: "p 07" → "P7", "w_Reliability" → "W_RELIABILITY"."""
    text = re.sub(r"[\s_]+", "", str(column)).upper()
    return re.sub(r"^([EP])0*(\d+)$", r"\1\2", text)


def check_columns(present: Sequence[str], source: str | None = None) -> None:
    """Check a survey's column names: all 44 answer columns, and the weight columns spelled right.

    A near miss is matched ignoring case, spaces and leading zeros ("p7",
    "P 07"), and the expected columns are listed as ranges.

    Raises
    ------
    ValueError
        Naming the missing columns (with the column probably meant) or a
        misspelled weight column.

    Examples
    --------
    >>> check_columns([*EXPECTATION_COLUMNS, *PERCEPTION_COLUMNS])
    >>> check_columns(["E1"], "s.csv")
    Traceback (most recent call last):
    ...
    ValueError: s.csv: missing columns 'E2', 'E3', 'E4', 'E5', 'E6', 'E7' and 37 more. Expected...
    """
    source = source or _("the table")
    expected = [*EXPECTATION_COLUMNS, *PERCEPTION_COLUMNS]
    present = [str(column) for column in present]
    missing = [column for column in expected if column not in present]
    weights = {_canonical(column): column for column in WEIGHT_COLUMNS}
    misspelled = [
        (column, weights[_canonical(column)]) for column in present
        if column not in WEIGHT_COLUMNS and _canonical(column) in weights
    ]
    if not missing and misspelled:
        found, meant = misspelled[0]
        raise ValueError(_(
            "{source}: column {found!r} looks like the weight column {meant!r}; rename it exactly "
            "{meant!r} (the weight columns are {columns})."
        ).format(source=source, found=found, meant=meant, columns=", ".join(WEIGHT_COLUMNS)))
    if not missing:
        return
    near = {_canonical(column): column for column in present if column not in expected}
    details = [
        _("{column!r} (found {close!r}: a misspelling?)").format(column=column, close=near[column])
        if column in near else repr(column)
        for column in missing
    ]
    shown = ", ".join(details[:6])
    if len(details) > 6:
        shown = _("{shown} and {count} more").format(shown=shown, count=len(details) - 6)
    others = [
        column for column in present if column not in expected and column not in WEIGHT_COLUMNS
    ]
    raise ValueError(n_(
        "{source}: missing column {shown}. Expected columns: E1 … E22 and P1 … P22 (an "
        "expectation and a perception for each item); optional: {weights}. Other columns found: "
        "{others}.",
        "{source}: missing columns {shown}. Expected columns: E1 … E22 and P1 … P22 (an "
        "expectation and a perception for each item); optional: {weights}. Other columns found: "
        "{others}.",
        len(missing),
    ).format(source=source, shown=shown, weights=", ".join(WEIGHT_COLUMNS),
             others=", ".join(others) or _("none")))


def partial_weights(present: Sequence[str], source: str | None = None) -> str:
    """The message for a survey with some of the five weight columns but not all.

    Examples
    --------
    >>> partial_weights(["W_tangibles"], "s.csv")[:60]
    's.csv: the importance weights need all five columns W_tangib'
    """
    missing = [column for column in WEIGHT_COLUMNS if column not in present]
    return _(
        "{source}: the importance weights need all five columns {columns}; missing {missing}. "
        "Add the missing columns, or remove {present} to compute the unweighted scores only."
    ).format(source=source or _("the table"), columns=", ".join(WEIGHT_COLUMNS),
             missing=", ".join(missing),
             present=", ".join(column for column in WEIGHT_COLUMNS if column in present))


def points_meaning(dimension: Dimension) -> str:
    """What a weight column holds, for a message.

    Examples
    --------
    >>> points_meaning(DIMENSIONS[1])
    'the points out of 100 for reliability'
    """
    return _("the points out of 100 for {dimension}").format(dimension=_(dimension.name).lower())


def points_total(place: str, points: Sequence[float]) -> str:
    """One respondent whose points do not add up to 100, for :func:`weights_off`.

    Examples
    --------
    >>> points_total("s.csv line 2", [10, 20, 20, 20, 20])
    's.csv line 2 adds up to 90 (10 + 20 + 20 + 20 + 20)'
    """
    return _("{place} adds up to {total:g} ({sum})").format(
        place=place, total=sum(points), sum=" + ".join(f"{value:g}" for value in points))


def weights_off(places: str) -> str:
    """The message for respondents whose points do not add up to 100 (``places`` names them).

    Examples
    --------
    >>> weights_off("s.csv line 2 adds up to 90 (10 + 20 + 20 + 20 + 20)")[-40:]
    't to compute the unweighted scores only.'
    """
    return _(
        "the weight columns {columns} must add up to 100 for every respondent; {places}. Ask the "
        "respondent to share exactly 100 points, or leave the weights out to compute the "
        "unweighted scores only."
    ).format(columns=", ".join(WEIGHT_COLUMNS), places=places)


def dimension_means(answers: Sequence[float]) -> list[float]:
    """One respondent's 22 answers (items 1 to 22) → the mean of each dimension's items.

    Examples
    --------
    >>> dimension_means(list(range(1, 23)))
    [2.5, 7.0, 11.5, 15.5, 20.0]
    """
    return [sum(answers[item - 1] for item in d.items) / len(d.items) for d in DIMENSIONS]


def _column_means(rows: Sequence[Sequence[float]]) -> list[float]:
    return [sum(row[k] for row in rows) / len(rows) for k in range(len(DIMENSIONS))]


def survey_summary(
    expectations: Sequence[Sequence[float]],
    perceptions: Sequence[Sequence[float]],
    shares: Sequence[Sequence[float]] | None = None,
) -> list[dict[str, object]]:
    """The six rows of :func:`summarize` for a survey: respondents' answers averaged.

    Parameters
    ----------
    expectations, perceptions : sequence of sequences of float
        One row of 22 answers (items 1 to 22) per respondent, already checked.
    shares : sequence of sequences of float, optional
        One row of five shares of the 100 points (decimals adding up to 1)
        per respondent, in RATER order.

    Returns
    -------
    list of dict
        Each dimension's average expectation, perception and gap (the mean
        of each respondent's dimension means) and, with shares, the average
        share and the average of each respondent's share × gap.

    Examples
    --------
    >>> rows = survey_summary([[6] * 22, [7] * 22], [[5] * 22, [5] * 22])
    >>> [row["gap"] for row in rows]
    [-1.5, -1.5, -1.5, -1.5, -1.5, -1.5]
    """
    if not expectations or len(expectations) != len(perceptions):
        raise ValueError(
            _("a survey needs at least one respondent, with both sets of answers."))
    expectation = [dimension_means(row) for row in expectations]
    perception = [dimension_means(row) for row in perceptions]
    gaps = [
        [p - e for e, p in zip(es, ps, strict=True)]
        for es, ps in zip(expectation, perception, strict=True)
    ]
    weight = weighted = None
    if shares is not None:
        weight = _column_means(shares)
        weighted = _column_means([
            [s * g for s, g in zip(share, gap, strict=True)]
            for share, gap in zip(shares, gaps, strict=True)
        ])
    return summarize(
        _column_means(expectation), _column_means(perception), _column_means(gaps), weight,
        weighted,
    )
