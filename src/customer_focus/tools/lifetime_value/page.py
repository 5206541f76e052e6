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
from ...core.fields import read_twin
from ...core.formats import cents, number, percent
from .. import live
from . import calc, describe

__all__ = ["LIVE", "results", "table_results", "compare"]

#: The spec's ``live:`` block (the inputs the page's form shows, the file it reads).
LIVE: dict[str, Any] = read_twin(__package__, "lifetime_value.json")["live"]
_CUSTOMERS = read_twin(__package__, "lifetime_value.json")["tables"]["customers"]["columns"]


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
    v = live.parse(calc.FIELDS, values, LIVE["fields"])
    arguments = (v["margin"], v["retention"], v["discount_rate"])
    value = calc.lifetime_value(*arguments, timing=v["timing"])
    schedule = calc.schedule(*arguments, timing=v["timing"], years=v["years"])
    table = live.column_table(
        "Year by year",
        [
            ("Year", "year", str),
            ("Still a customer", "survival", lambda x: percent(x, 1)),
            ("Expected margin", "expected_margin", cents),
            ("Discount factor", "discount_factor", lambda x: number(x, 4)),
            ("Present value", "present_value", cents),
            ("Cumulative value", "cumulative_value", cents),
        ],
        schedule,
    )
    alt = describe.cumulative_value(schedule, value)
    chart = svg.bar_chart(
        [str(row["year"]) for row in schedule],
        [
            svg.Series("Cumulative present value",
                       tuple(row["cumulative_value"] for row in schedule), "line"),
            svg.Series("This year's present value",
                       tuple(row["present_value"] for row in schedule), "accent", width=0.45),
        ],
        alt=alt,
        line=svg.Line(value, f"Lifetime value, all years: {svg.dollars(value)}"),
        value_label="Present value",
        category_label="Year",
    )
    summary = (
        f"Lifetime value: {cents(value)} (all years; the first {v['years']} years give "
        f"{cents(schedule[-1]['cumulative_value'])})."
    )
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
    required = [name for name, column in _CUSTOMERS.items() if column["required"]]
    optional = [name for name, column in _CUSTOMERS.items() if not column["required"]]
    table = csv_rows.read_csv(text, required, optional, source=source)
    i = calc.FIELDS["discount_rate"].check(discount_rate)
    calc.FIELDS["timing"].check(timing)
    helps = {name: column["help"] for name, column in _CUSTOMERS.items()}
    margins = csv_rows.numbers(table, "annual_margin", meaning=helps["annual_margin"])
    retentions = csv_rows.numbers(
        table, "retention_rate", meaning=helps["retention_rate"], low=0, high=1,
        high_inclusive=False,
    )
    costs = csv_rows.optional_numbers(
        table, "acquisition_cost", meaning=helps["acquisition_cost"], low=0
    )
    names = table.column("customer")
    if "" in names:
        raise ValueError(
            f"column 'customer' must name every customer; "
            f"{table.where(names.index(''))} is empty."
        )
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


#: The comparison's columns: heading, key, how to write it (the notebook's table).
COMPARISON = [
    ("Customer", "customer", str),
    ("Yearly margin", "annual_margin", cents),
    ("Retention", "retention_rate", lambda x: percent(x, 1)),
    ("Cost to win", "acquisition_cost", cents),
    ("Expected years", "expected_years", lambda x: number(x, 1)),
    ("Lifetime value", "lifetime_value", cents),
    ("Net value", "net_value", cents),
    ("Rank", "rank", str),
]


def table_results(
    text: str, values: Mapping[str, object], *, source: str = "your file"
) -> live.Results:
    """Customers of a CSV file compared, with the chart and a results CSV to download.

    Parameters
    ----------
    text : str
        The CSV file's text (columns as the notebook's file: ``customer``,
        ``annual_margin``, ``retention_rate``, optional ``acquisition_cost``).
    values : Mapping
        The form's ``discount_rate`` and ``timing``.
    source : str
        The file's name, for messages.

    Examples
    --------
    >>> text = "customer,annual_margin,retention_rate\\nA,100,0.8\\n"
    >>> table_results(text, {"discount_rate": "0.1", "timing": "after_renewal"}).summary[0]
    'A is worth most, net of the cost to win it: $266.67 (1 customer, discount rate 10%).'
    """
    v = live.parse(calc.FIELDS, values, LIVE["table_fields"])
    compared = compare(text, discount_rate=v["discount_rate"], timing=v["timing"], source=source)
    best = min(compared, key=lambda row: row["rank"])
    count = f"{len(compared)} customer{'s' if len(compared) != 1 else ''}"
    summary = (
        f"{best['customer']} is worth most, net of the cost to win it: "
        f"{cents(best['net_value'])} ({count}, discount rate {percent(v['discount_rate'])})."
    )
    alt = describe.comparison(compared)
    chart = svg.horizontal_bar_chart(
        [row["customer"] for row in compared],
        [
            svg.Series("Lifetime value", tuple(row["lifetime_value"] for row in compared), "line"),
            svg.Series("Net of acquisition cost", tuple(row["net_value"] for row in compared),
                       "accent"),
        ],
        alt=alt,
    )
    keys = [key for _, key, _ in COMPARISON]
    download = live.Download(
        "lifetime-values.csv",
        csv_rows.write_csv(keys, [[row[key] for key in keys] for row in compared]),
    )
    return live.Results(
        summary=(summary,),
        tables=(live.column_table("Customers compared", COMPARISON, compared),),
        chart=live.Chart(chart, alt),
        download=download,
    )
