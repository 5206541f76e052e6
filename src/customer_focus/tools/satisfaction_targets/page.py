"""The satisfaction targets worksheet as it runs in the book's page (on Pyodide).

The same arithmetic as the notebook (:func:`.calc.plan`, :func:`.calc.what_if`),
the same checks of the inputs (the spec's fields) and the same alt text
(:mod:`.describe`); the results come back as
:class:`customer_focus.tools.live.Results` for the page's script. The segments
are typed in the form's grid, or read from a CSV file the reader picks.
Standard library only.

Examples
--------
>>> segment = {"segment": "Fleet", "customers": "90", "annual_margin": "15000",
...            "retention_rate": "0.88", "top_box_share": "0.15",
...            "target_top_box_share": "0.5", "easy_to_switch": "yes"}
>>> shown = results({"discount_rate": "0.1", "retention_gain": "0", "segments": [segment]})
>>> shown.summary[0][:60]
'Fleet: Priority 1: $4,590,000 of lifetime value sits with cu'
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import replace
from typing import Any

from ...core import rows as csv_rows
from ...core import svg
from ...core.formats import dollars
from ...core.messages import Messages
from ...core.validation import listed, yes_no
from .. import live
from . import calc, describe

__all__ = ["SPEC", "results", "segments_from_csv", "file_results", "PLANNED"]

_ = Messages("tools.satisfaction_targets")

#: What the page reads from the tool's spec: its ``live:`` block, headings and tables' columns.
SPEC = live.page_spec(__package__)
_NUMBERS = ("customers", "annual_margin", "retention_rate", "top_box_share",
            "target_top_box_share")

#: What :func:`customer_focus.tools.satisfaction_targets.table.plan_targets` adds (its CSV).
PLANNED = (
    "lifetime_value", "value_at_stake", "value_totally_satisfied", "value_not_totally_satisfied",
    "target_change", "customers_to_move", "value_of_customers_to_move", "flag", "priority",
    "advice",
)


def _grid_segment(number: int, row: dict[str, Any]) -> dict[str, Any]:
    """One row of the form's grid, each cell read by its field (an ``InputError`` names it)."""
    segment: dict[str, Any] = {"segment": calc.FIELDS["segment"].parse(row.get("segment", ""))}
    for column in _NUMBERS:
        segment[column] = calc.FIELDS[column].parse(row.get(column, ""))
    answer = str(row.get("easy_to_switch", "")).strip()
    if answer:
        segment["easy_to_switch"] = calc.FIELDS["easy_to_switch"].parse(answer)
    return segment


def _yes_no(table: csv_rows.Rows, column: str) -> list[bool]:
    """A yes/no column of the file, worded as :func:`customer_focus.core.tables.yes_no_column`."""
    cells = table.column(column)
    answers = [yes_no(cell) for cell in cells]
    bad = [i for i, answer in enumerate(answers) if answer is None]
    if bad:
        empty = _("empty")
        shown = listed(
            bad, lambda i: f"{table.where(i)}: {repr(cells[i]) if cells[i] else empty}"
        )
        raise ValueError(_(
            "column {column!r} ({meaning}) must hold yes or no in every row (also accepted: y/n, "
            "true/false, 1/0); bad values at {shown}."
        ).format(column=column, meaning=calc.FIELDS[column].help, shown=shown))
    return [bool(answer) for answer in answers]


def segments_from_csv(text: str, *, source: str = "your file") -> list[dict[str, Any]]:
    """The segments of a CSV file, checked as the notebook's ``table.plan_targets`` checks them.

    Anything that cannot be used stops with a ``ValueError`` naming its column and line.

    Examples
    --------
    >>> text = ("segment,customers,annual_margin,retention_rate,top_box_share,"
    ...         "target_top_box_share\\nFleet,90,15000,0.88,0.15,0.5\\n")
    >>> segments_from_csv(text)[0]["customers"]
    90
    """
    file_columns = SPEC.columns["segments"]  # their help in the language spoken now
    helps = {name: column["help"] for name, column in file_columns.items()}
    table = live.read_rows(text, file_columns, source=source)
    names = live.names(table, "segment")
    customers = csv_rows.numbers(table, "customers", meaning=helps["customers"], low=1)
    for position, count in enumerate(customers):
        if count % 1:
            raise ValueError(_(
                "column 'customers' ({meaning}) must hold whole numbers; {place} holds {value:g}."
            ).format(meaning=helps["customers"], place=table.where(position), value=count))
    share = {"low": 0, "high": 1}
    columns: dict[str, list[Any]] = {
        "segment": names,
        "customers": [int(count) for count in customers],
        "annual_margin": csv_rows.numbers(table, "annual_margin",
                                          meaning=helps["annual_margin"]),
        "retention_rate": csv_rows.numbers(
            table, "retention_rate", meaning=helps["retention_rate"], low=0, high=1,
            high_inclusive=False,
        ),
        "top_box_share": csv_rows.numbers(table, "top_box_share",
                                          meaning=helps["top_box_share"], **share),
        "target_top_box_share": csv_rows.numbers(
            table, "target_top_box_share", meaning=helps["target_top_box_share"], **share
        ),
    }
    if "easy_to_switch" in table.columns:
        columns["easy_to_switch"] = _yes_no(table, "easy_to_switch")
    return [
        {name: values[position] for name, values in columns.items()}
        for position in range(len(names))
    ]


def _shown(
    segments: Sequence[Mapping[str, Any]], v: Mapping[str, Any]
) -> tuple[list[dict[str, Any]], live.Results]:
    """The plan (and the what-if, for a gain) of checked segments, as the page shows them."""
    plan = calc.plan(segments, discount_rate=v["discount_rate"])
    ordered = [dict(row) for row in describe.by_priority(plan)]
    # the answer shows as its text, or not at all unless every segment gives it
    with_switch = all("easy_to_switch" in row for row in ordered)
    for row in ordered:
        if with_switch:
            row["easy_to_switch"] = describe.yes_no(row["easy_to_switch"])
        else:
            row.pop("easy_to_switch", None)
    tables = [live.table(
        _("Where to raise satisfaction"), SPEC.headings["plan"], ordered,
        money=["annual_margin", "lifetime_value"],
        percent=["retention_rate", "top_box_share", "target_top_box_share"],
        decimals={"customers": 0, "customers_to_move": 0},
        written={"value_at_stake": dollars, "value_not_totally_satisfied": dollars,
                 "flag": describe.flag_words},
    )]
    if v["retention_gain"]:
        rows = calc.what_if(segments, v["retention_gain"], discount_rate=v["discount_rate"])
        tables.append(live.table(
            describe.what_if_heading(v["retention_gain"]), SPEC.headings["what_if"], rows,
            money=["lifetime_value", "lifetime_value_after", "gain_per_customer",
                   "gain_for_segment"],
            percent=["retention_rate", "retention_after"],
        ))
    alt = describe.targets_chart(plan)
    chart = svg.split_bar_chart(
        [
            svg.SplitBar(
                f"{row['segment']} ({describe.flag_words(row['flag'])})" if row["flag"]
                else f"#{row['priority']} {row['segment']}",
                row["value_totally_satisfied"], row["value_not_totally_satisfied"],
                row["value_at_stake"] * row["target_top_box_share"], bool(row["flag"]),
            )
            for row in ordered
        ],
        alt=alt,
        legend=tuple(_(words) for words in describe.LEGEND),
        value_label=_(describe.VALUE_LABEL),
    )
    summary = tuple(describe.segment_advice(row["segment"], row["advice"]) for row in ordered)
    return plan, live.Results(summary=summary, tables=tuple(tables), chart=live.Chart(chart, alt))


def results(values: Mapping[str, object]) -> live.Results:
    """The plan, the what-if and the chart, for the form's values and its grid of segments.

    Parameters
    ----------
    values : Mapping
        ``discount_rate`` and ``retention_gain`` as typed, and ``segments``:
        one dict per row of the grid (``segment``, ``customers``,
        ``annual_margin``, ``retention_rate``, ``top_box_share``,
        ``target_top_box_share``, optionally ``easy_to_switch``).

    Raises
    ------
    customer_focus.tools.live.Invalid
        When inputs are missing or wrong, with a message for each.
    """
    v = live.parse(calc.FIELDS, values, SPEC.live["fields"])
    segments = live.grid_rows(values, SPEC.live["grid"], _grid_segment, names="segment")
    return _shown(segments, v)[1]


def file_results(text: str, v: Mapping[str, Any], source: str) -> live.Results:
    """The segments of a CSV file planned, with the chart and the plan as CSV to download.

    Examples
    --------
    >>> text = ("segment,customers,annual_margin,retention_rate,top_box_share,"
    ...         "target_top_box_share\\nFleet,90,15000,0.88,0.15,0.5\\n")
    >>> shown = file_results(text, {"discount_rate": 0.1, "retention_gain": 0}, "a.csv")
    >>> shown.download.name, len(shown.tables)
    ('satisfaction-targets-results.csv', 1)
    """
    segments = segments_from_csv(text, source=source)
    plan, shown = _shown(segments, v)
    keys = [*segments[0].keys(), *PLANNED]
    return replace(shown, download=live.download("satisfaction-targets-results.csv", keys, plan))
