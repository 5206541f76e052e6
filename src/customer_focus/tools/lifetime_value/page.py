"""The lifetime value worksheet as it runs in the book's page (on Pyodide).

The same arithmetic as the notebook (:mod:`.calc`), the same checks of the
inputs (the spec's fields) and the same alt text (:mod:`.describe`); the
results come back as :class:`customer_focus.tools.live.Results` for the
page's script. Standard library only.

Examples
--------
>>> shown = results({"margin": "100", "retention": "0.8", "discount_rate": "0.1",
...                  "years": "10", "timing": "after_renewal"})
>>> shown.summary[0]
'Lifetime value: $266.67 (all years; the first 10 years give $255.63).'
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from ...core import rows as csv_rows
from ...core import svg
from ...core.formats import cents, percent
from ...core.messages import Messages
from .. import live
from . import calc, describe

_ = Messages("tools.lifetime_value")
n_ = _.plural

__all__ = ["SPEC", "results", "file_results", "compare"]

#: What the page reads from the tool's spec: its ``live:`` block, headings and tables' columns.
SPEC = live.page_spec(__package__)


def results(values: Mapping[str, object]) -> live.Results:
    """The value, the year-by-year table and the chart, for the form's values.

    Parameters
    ----------
    values : Mapping
        ``margin``, ``retention``, ``discount_rate``, ``years`` and ``timing``,
        as typed (text) or as numbers.

    Raises
    ------
    customer_focus.tools.live.Invalid
        When inputs are missing or wrong, with a message for each.
    """
    v = live.parse(calc.FIELDS, values, SPEC.live["fields"])
    arguments = (v["margin"], v["retention"], v["discount_rate"])
    value = calc.lifetime_value(*arguments, timing=v["timing"])
    schedule = calc.schedule(*arguments, timing=v["timing"], years=v["years"])
    table = live.table(
        _("Year by year"), SPEC.headings["schedule"], schedule,
        money=["expected_margin", "present_value", "cumulative_value"], percent=["survival"],
        decimals={"discount_factor": 4},
    )
    alt = describe.cumulative_value(schedule, value)
    chart = svg.bar_chart(
        [str(row["year"]) for row in schedule],
        [
            svg.Series(_("Cumulative present value"),
                       tuple(row["cumulative_value"] for row in schedule), "line"),
            svg.Series(_("This year's present value"),
                       tuple(row["present_value"] for row in schedule), "accent", width=0.45),
        ],
        alt=alt,
        line=svg.Line(value, _("Lifetime value, all years: {value}").format(
            value=svg.dollars(value))),
        value_label=_("Present value"),
        category_label=_("Year"),
    )
    summary = _(
        "Lifetime value: {value} (all years; the first {years} years give {first_years})."
    ).format(value=cents(value), years=v["years"],
             first_years=cents(schedule[-1]["cumulative_value"]))
    return live.Results(summary=(summary,), tables=(table,), chart=live.Chart(chart, alt))


def compare(
    text: str, *, discount_rate: float, timing: str = calc.DEFAULT_TIMING,
    source: str = "your file",
) -> list[dict[str, Any]]:
    """Customers of a CSV file side by side, as :func:`.table.compare_customers` compares them.

    Returns
    -------
    list of dict
        One per customer, in the file's order: ``customer``, ``annual_margin``,
        ``retention_rate``, ``acquisition_cost`` (0 when absent),
        ``expected_years``, ``lifetime_value``, ``net_value`` and ``rank``
        (1 = highest net value).

    Examples
    --------
    >>> text = "customer,annual_margin,retention_rate\\nA,100,0.8\\nB,100,0.9\\n"
    >>> [round(row["lifetime_value"], 2) for row in compare(text, discount_rate=0.1)]
    [266.67, 450.0]
    """
    columns = SPEC.columns["customers"]  # their help in the language spoken now
    table = live.read_rows(text, columns, source=source)
    i = calc.FIELDS["discount_rate"].check(discount_rate)
    calc.FIELDS["timing"].check(timing)
    helps = {name: column["help"] for name, column in columns.items()}
    margins = csv_rows.numbers(table, "annual_margin", meaning=helps["annual_margin"])
    retentions = csv_rows.numbers(
        table, "retention_rate", meaning=helps["retention_rate"], low=0, high=1,
        high_inclusive=False,
    )
    costs = csv_rows.optional_numbers(
        table, "acquisition_cost", meaning=helps["acquisition_cost"], low=0
    )
    names = live.names(table, "customer")
    compared = []
    for name, m, r, cost in zip(names, margins, retentions, costs, strict=True):
        value = calc.lifetime_value(m, r, i, timing=timing)
        compared.append({
            "customer": name, "annual_margin": m, "retention_rate": r, "acquisition_cost": cost,
            "expected_years": 1 / (1 - r), "lifetime_value": value, "net_value": value - cost,
        })
    for row in compared:
        row["rank"] = 1 + sum(other["net_value"] > row["net_value"] for other in compared)
    return compared


def file_results(text: str, v: Mapping[str, Any], source: str) -> live.Results:
    """Customers of a CSV file compared, with the chart and a results CSV to download.

    ``text`` has the notebook's file's columns (``customer``, ``annual_margin``,
    ``retention_rate``, optional ``acquisition_cost``); ``v`` holds the form's
    ``discount_rate`` and ``timing`` (:func:`customer_focus.tools.live.table_results`).

    Examples
    --------
    >>> text = "customer,annual_margin,retention_rate\\nA,100,0.8\\n"
    >>> file_results(text, {"discount_rate": 0.1, "timing": "after_renewal"}, "a.csv").summary[0]
    'A is worth most, net of the cost to win it: $266.67 (1 customer, discount rate 10%).'
    """
    compared = compare(text, discount_rate=v["discount_rate"], timing=v["timing"], source=source)
    best = min(compared, key=lambda row: row["rank"])
    summary = n_(
        "{best} is worth most, net of the cost to win it: {value} ({count} customer, discount "
        "rate {rate}).",
        "{best} is worth most, net of the cost to win it: {value} ({count} customers, discount "
        "rate {rate}).",
        len(compared),
    ).format(best=best["customer"], value=cents(best["net_value"]), count=len(compared),
             rate=percent(v["discount_rate"]))
    alt = describe.comparison(compared)
    chart = svg.horizontal_bar_chart(
        [row["customer"] for row in compared],
        [
            svg.Series(_("Lifetime value"), tuple(row["lifetime_value"] for row in compared),
                       "line"),
            svg.Series(_("Net of acquisition cost"), tuple(row["net_value"] for row in compared),
                       "accent"),
        ],
        alt=alt,
    )
    shown = live.table(
        _("Customers compared"), SPEC.headings["comparison"], compared,
        money=["annual_margin", "acquisition_cost", "lifetime_value", "net_value"],
        percent=["retention_rate"], decimals={"expected_years": 1},
    )
    return live.Results(
        summary=(summary,), tables=(shown,), chart=live.Chart(chart, alt),
        download=live.download("lifetime-values.csv", list(SPEC.headings["comparison"]), compared),
    )
