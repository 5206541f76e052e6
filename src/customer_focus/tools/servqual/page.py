"""The SERVQUAL worksheet as it runs in the book's page (on Pyodide).

The same arithmetic as the notebook (:mod:`.calc`: the gaps, the weights, a
survey's averages), the same checks of the inputs (the spec's fields), the
same messages about a survey file (written once in :mod:`.calc`) and the same
alt text (:mod:`.describe`); the results come back as
:class:`customer_focus.tools.live.Results` for the page's script. Standard
library only.

Examples
--------
>>> values = {f"{d}_{side}": "5" for d in ("tangibles", "reliability", "responsiveness",
...           "assurance", "empathy") for side in ("expected", "perceived")}
>>> values.update({f"{d}_points": "20" for d in ("tangibles", "reliability",
...                "responsiveness", "assurance", "empathy")})
>>> results({**values, "reliability_perceived": "4"}).summary[0]
'Overall gap (unweighted): −0.20; weighted: −0.200.'
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

from ...core import rows as csv_rows
from ...core import svg
from ...core.messages import Messages
from ...core.validation import listed
from .. import live
from . import calc, describe
from .calc import DIMENSIONS, EXPECTATION_COLUMNS, PERCEPTION_COLUMNS, WEIGHT_COLUMNS

__all__ = ["SPEC", "results", "analyze", "file_results"]

#: What the page reads from the tool's spec: its ``live:`` block, headings and tables' columns.
SPEC = live.page_spec(__package__)

_ = Messages("tools.servqual")
n_ = _.plural


def _chart(rows: Sequence[Mapping[str, Any]]) -> live.Chart:
    """The notebook's chart: each dimension from expectation to perception, the gap beside it."""
    alt = describe.servqual(rows)
    spans = [
        svg.Span(
            describe.dimension_name(str(row["dimension"])), row["expectation"], row["perception"],
            describe.PERCEPTION_COLOR if row["gap"] < 0 else describe.ABOVE_COLOR,
            describe.signed(row["gap"]),
        )
        for row in describe.dimensions(rows)
    ]
    chart = svg.span_chart(
        spans, alt=alt, x_label=_(describe.X_LABEL),
        x_range=(1, 7.9), start=(_(describe.EXPECTED), describe.EXPECTATION_COLOR),
        end=(_(describe.PERCEIVED), describe.PERCEPTION_COLOR),
        lines=((_(describe.SHORTFALL), describe.PERCEPTION_COLOR),
               (_(describe.AT_OR_ABOVE), describe.ABOVE_COLOR)),
        note_heading=_(describe.GAP),
    )
    return live.Chart(chart, alt)


def _shown(rows: Sequence[Mapping[str, Any]], caption: str) -> tuple[str, live.Table]:
    overall = rows[-1]
    weighted = (describe.signed(overall["weighted_gap"], 3) if "weighted_gap" in overall
                else None)
    summary = describe.overall_sentence(describe.signed(overall["gap"]), weighted)
    table = live.table(
        caption, SPEC.headings["dimension"], rows, percent=["weight"],
        decimals={"expectation": 2, "perception": 2},
        written={"dimension": describe.dimension_name, "gap": describe.signed,
                 "weighted_gap": lambda x: describe.signed(x, 3)},
    )
    return summary, table


def results(values: Mapping[str, object]) -> live.Results:
    """The gaps per dimension, overall and weighted, with the table and the chart.

    Parameters
    ----------
    values : Mapping
        For each dimension (``tangibles`` … ``empathy``), ``<dimension>_expected``,
        ``<dimension>_perceived`` and ``<dimension>_points``, as typed (text) or
        as numbers.

    Raises
    ------
    customer_focus.tools.live.Invalid
        When inputs are missing or wrong, with a message for each.
    """
    v = live.parse(calc.FIELDS, values, SPEC.live["fields"])
    expectations, perceptions, weights = (
        [v[f"{d.key}_{side}"] for d in DIMENSIONS] for side in ("expected", "perceived", "points")
    )
    rows = calc.score_dimensions(expectations, perceptions, weights)
    summary, table = _shown(rows, _("Gaps per dimension"))
    return live.Results(summary=(summary, _(describe.NOTE)), tables=(table,), chart=_chart(rows))


def _ratings(table: csv_rows.Rows, column: str) -> list[float]:
    """An answer column as whole numbers from 1 to 7, or the notebook's message."""
    meaning = calc.item_meaning(column)
    try:
        values = csv_rows.numbers(table, column, meaning=meaning, low=1, high=7)
    except ValueError as error:
        raise ValueError(f"{error} {_(calc.RATING_FIX)}") from None
    fractional = [position for position, value in enumerate(values) if value != int(value)]
    if fractional:
        shown = listed(fractional, lambda i: f"{table.where(i)}: {values[i]:g}")
        raise ValueError(_(
            "column {column!r} ({meaning}) must hold whole numbers from 1 to 7; found answers "
            "between two points of the scale at {shown}."
        ).format(column=column, meaning=meaning, shown=shown) + " " + _(calc.RATING_FIX))
    return values


def analyze(text: str, *, source: str | None = None) -> tuple[list[dict[str, object]], int]:
    """A survey file's gaps per dimension, as :func:`.table.dimension_gaps` gives them.

    Returns
    -------
    tuple
        The six rows of :func:`.calc.survey_summary`, and the number of respondents.
    """
    source = source or _("your file")
    table = csv_rows.read_csv(text, [], source=source)
    calc.check_columns(table.columns, source)
    present = [column for column in WEIGHT_COLUMNS if column in table.columns]
    if present and len(present) < len(WEIGHT_COLUMNS):
        raise ValueError(calc.partial_weights(present, source))
    expectation_columns = [_ratings(table, column) for column in EXPECTATION_COLUMNS]
    perception_columns = [_ratings(table, column) for column in PERCEPTION_COLUMNS]
    expectations = [list(row) for row in zip(*expectation_columns, strict=True)]
    perceptions = [list(row) for row in zip(*perception_columns, strict=True)]
    shares = None
    if present:
        points = [
            list(row) for row in zip(*(
                csv_rows.numbers(
                    table, column, low=0, high=100,
                    meaning=calc.points_meaning(dimension),
                )
                for column, dimension in zip(WEIGHT_COLUMNS, DIMENSIONS, strict=True)
            ), strict=True)
        ]
        totals = [sum(row) for row in points]
        wrong = [i for i, total in enumerate(totals) if abs(total - 100) > calc.WEIGHT_TOLERANCE]
        if wrong:
            raise ValueError(calc.weights_off(listed(
                wrong,
                lambda i: calc.points_total(table.where(i), points[i]),
            )))
        shares = [[value / 100.0 for value in row] for row in points]
    return calc.survey_summary(expectations, perceptions, shares), len(table.rows)


def file_results(text: str, v: Mapping[str, Any], source: str) -> live.Results:
    """A survey file's gaps per dimension, with the chart and a results CSV to download.

    ``text`` has one row per respondent, ``E1`` … ``E22`` and ``P1`` …
    ``P22``, optionally the five weight columns; none of the form's inputs
    applies to it.

    Examples
    --------
    >>> head = ",".join([*EXPECTATION_COLUMNS, *PERCEPTION_COLUMNS])
    >>> text = head + "\\n" + ",".join(["6"] * 22 + ["5"] * 22) + "\\n"
    >>> file_results(text, {}, "a.csv").summary[0]
    '1 respondent. Overall gap (unweighted): −1.00.'
    """
    rows, respondents = analyze(text, source=source)
    summary, table = _shown(rows, _("Gaps per dimension, from your file"))
    count = n_("{count:,} respondent.", "{count:,} respondents.", respondents).format(
        count=respondents)
    keys = [key for key in SPEC.headings["dimension"] if key in rows[0]]
    return live.Results(
        summary=(f"{count} {summary}",), tables=(table,), chart=_chart(rows),
        download=live.download("servqual-results.csv", keys, rows),
    )
