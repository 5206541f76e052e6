"""The specific employee replacement cost worksheet as it runs in the book's page (on Pyodide).

The reader types one employee's specifics (or picks a CSV file of
employees); the cost is :func:`.calc.cost_of_losing`, the function the
notebook calls, and the words come from :mod:`.describe`, as in the notebook.
Standard library only.

Examples
--------
>>> values = {"pay_basis": "hourly_rate", "pay": "25", "hours_per_week": "40",
...           "weeks_to_full_productivity": "10", "productivity_while_learning": "0.5"}
>>> results(values).tables[0].rows[-1][2].text
'$5,000.00'
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from typing import Any

from ...core import rows as csv_rows
from ...core import svg
from ...core.fields import read_twin
from ...core.formats import cents, dollars, number, percent
from .. import live
from . import calc, describe

__all__ = ["LIVE", "COLORS", "SHARES", "results", "table_results", "cost_chart"]

_TWIN = read_twin(__package__, "replacement_cost.json")
#: The spec's ``live:`` block.
LIVE: dict[str, Any] = _TWIN["live"]
_TABLE = _TWIN["tables"]["employees"]["columns"]
_REQUIRED = [name for name, column in _TABLE.items() if column["required"]]
_OPTIONAL = [name for name, column in _TABLE.items() if not column["required"]]
#: One color per line, as the notebook's chart draws them (form.SEGMENT_STYLES).
COLORS = {
    "separation": "#0072B2",
    "vacancy": "#E69F00",
    "replacement": "#009E73",
    "training": "#CC79A7",
    "learning_curve": "#D55E00",
    "customers_who_may_follow": "#56B4E9",
}
#: The other guesses of the share who might follow (the notebook's scenarios table).
SHARES = (0.0, 0.1, 0.2, 0.3, 0.5)
_RESULTS = [
    "annual_pay", *(name for name in calc.CATEGORIES if name != "customers_who_may_follow"),
    "employee_costs", "customers_who_may_follow", "total", "share_of_pay",
]


def cost_chart(rows: Sequence[Mapping[str, Any]]) -> live.Chart:
    """The notebook's stacked bars, one per employee; the customers who may follow hatched."""
    alt = describe.cost_chart(rows)
    chart = svg.stacked_panels(
        [str(row["employee"]) for row in rows],
        [
            svg.Panel(
                "",
                tuple(
                    svg.Series(label, tuple(max(float(row[name]), 0.0) for row in rows),
                               COLORS[name], hatch=name == "customers_who_may_follow")
                    for name, (label, _) in calc.CATEGORIES.items()
                ),
                "Cost of losing the employee (share of yearly pay in parentheses)",
                ticks=dollars,
                notes=tuple(
                    f"{dollars(float(row['total']))} ({float(row['share_of_pay']):.0%})"
                    for row in rows
                ),
            )
        ],
        alt=alt,
    )
    return live.Chart(chart, alt)


def _cells(*pairs: tuple[str, Any]) -> tuple[live.Cell, ...]:
    return tuple(live.Cell(text, value) for text, value in pairs)


def _tables(cost: calc.ReplacementCost) -> tuple[live.Table, live.Table]:
    """The notebook's table of lines (with subtotals) and its table of other shares."""
    lines = [(label, covers, cost.amount(name))
             for name, (label, covers) in calc.CATEGORIES.items()]
    lines.insert(5, ("Employee costs (lines above)", "what the turnover worksheet counts",
                     cost.employee_costs))
    lines.append(("Total", "employee costs and customers who may follow", cost.total))
    by_line = live.Table(
        "Cost of losing the employee, by line", ("Line", "What it covers", "Amount"),
        tuple(_cells((line, line), (covers, covers), (cents(amount), amount))
              for line, covers, amount in lines),
    )
    others = live.Table(
        "The total for other guesses of the share who might follow",
        ("Share who might follow", "Customers following", "Their lifetime value", "Total cost"),
        tuple(
            _cells(
                (percent(row["share_who_follow"], 1), row["share_who_follow"]),
                (number(row["customers_following"], 1), row["customers_following"]),
                (cents(row["customers_who_may_follow"]), row["customers_who_may_follow"]),
                (cents(row["total"]), row["total"]),
            )
            for row in cost.share_scenarios(SHARES)
        ),
    )
    return by_line, others


def results(values: Mapping[str, object]) -> live.Results:
    """The cost of losing the form's employee, line by line, other shares, and the chart.

    Parameters
    ----------
    values : Mapping
        The inputs of the spec's ``live:`` block, as typed: the pay is
        ``pay`` with ``pay_basis`` saying whether it is a yearly salary or an
        hourly rate. An input left out counts its default, as in the notebook.

    Raises
    ------
    customer_focus.tools.live.Invalid
        With a message for each wrong input, tied to it.
    """
    shown = [name for name in LIVE["fields"]
             if name in values or calc.FIELDS[name].default is None]
    parsed = live.parse(calc.FIELDS, values, shown)
    parsed[parsed.pop("pay_basis", calc.FIELDS["pay_basis"].default)] = parsed.pop("pay")
    cost = calc.cost_of_losing(**parsed)
    return live.Results(
        summary=(describe.cost_sentence(cost),), tables=_tables(cost),
        chart=cost_chart([describe.as_row(cost)]),
    )


def _pay(table: csv_rows.Rows) -> tuple[list[float | None], list[float | None]]:
    """Each row's salary and hourly rate (None where empty), exactly one per row (table.py)."""
    if "salary" not in table.columns and "hourly_rate" not in table.columns:
        raise ValueError(
            f"{table.source}: needs a 'salary' column, an 'hourly_rate' column, or both (each "
            f"employee fills one). Columns found: {', '.join(table.columns)}."
        )
    pay: dict[str, list[float | None]] = {}
    for column in ("salary", "hourly_rate"):
        cells = table.column(column)
        amounts = csv_rows.optional_numbers(table, column, meaning=_TABLE[column]["help"], low=0)
        pay[column] = [amount if cell else None for cell, amount in zip(cells, amounts,
                                                                        strict=True)]
    for position, (salary, hourly) in enumerate(zip(pay["salary"], pay["hourly_rate"],
                                                    strict=True)):
        problem = ("fills both 'salary' and 'hourly_rate'" if salary is not None
                   and hourly is not None else "fills neither 'salary' nor 'hourly_rate'"
                   if salary is None and hourly is None else "")
        if problem:
            raise ValueError(
                f"{table.where(position)} {problem}; give each employee's pay once, as a yearly "
                "salary or as an hourly rate."
            )
    return pay["salary"], pay["hourly_rate"]


def _covers(table: csv_rows.Rows) -> list[str]:
    """Each row's cover, lower-cased; an empty cell, or no column, is the default (table.py)."""
    cells = table.column("cover")
    covers = [cell.lower() if cell else calc.DEFAULT_COVER for cell in cells]
    bad = [position for position, cover in enumerate(covers) if cover not in calc.COVERS]
    if bad:
        shown = "; ".join(f"{table.where(i)}: {cells[i]!r}" for i in bad[:5])
        raise ValueError(
            f"column 'cover' ({calc.FIELDS['cover'].help}) must be one of "
            f"{', '.join(calc.COVERS)}, or empty for {calc.DEFAULT_COVER}; bad values at {shown}."
        )
    return covers


def _limits(name: str) -> dict[str, Any]:
    """The range of an input, as the notebook's table checks its column (field_limits)."""
    field = calc.FIELDS[name]
    rate = field.kind == "rate"
    return {
        "low": 0.0 if rate and field.min is None else field.min,
        "high": 1.0 if rate and field.max is None else field.max,
        "high_inclusive": not rate or bool(field.max_included),
    }


def table_results(
    text: str, values: Mapping[str, object], *, source: str = "your file"
) -> live.Results:
    """The cost of losing each employee of a CSV file, by line, with a results CSV.

    ``values`` holds the form's discount rate and overtime premium, used for
    every employee of the file.

    Examples
    --------
    >>> text = ("employee,hourly_rate,hours_per_week,weeks_to_full_productivity,"
    ...         "productivity_while_learning\\nSam,25,40,10,0.5\\n")
    >>> table_results(text, {"discount_rate": "0.1", "overtime_premium": "0.5"}).tables[0].rows[
    ...     0][-2].text
    '$5,000.00'
    """
    fixed = live.parse(calc.FIELDS, values, LIVE["table_fields"])
    table = csv_rows.read_csv(text, _REQUIRED, _OPTIONAL, source=source)
    names = table.column("employee")
    if "" in names:
        raise ValueError(
            f"column 'employee' must name every employee; {table.where(names.index(''))} is "
            "empty."
        )
    # the notebook's table checks each column in turn, with these words (table.py)
    salary, hourly = _pay(table)
    inputs = {}
    for column in _TABLE:
        if column in ("employee", "salary", "hourly_rate", "cover"):
            continue
        read = csv_rows.numbers if column in _REQUIRED else csv_rows.optional_numbers
        limits = _limits(column)
        if read is csv_rows.optional_numbers:
            limits = {"low": limits["low"]}
        inputs[column] = read(table, column, meaning=_TABLE[column]["help"], **limits)
    covers = _covers(table)
    extra = [column for column in table.columns if column not in _TABLE]
    compared = []
    for position, name in enumerate(names):
        given = {column: amounts[position] for column, amounts in inputs.items()}
        if salary[position] is not None:
            given["salary"] = salary[position]
        else:
            given["hourly_rate"] = hourly[position]
        try:
            cost = calc.cost_of_losing(employee=name, cover=covers[position], **fixed, **given)
        except ValueError as error:
            raise ValueError(f"{table.where(position)}: {error}") from None
        compared.append({"employee": name,
                         **{column: table.rows[position][column] for column in extra},
                         **describe.as_row(cost)})
    money = [*_RESULTS[:-1]]
    headings = {"employee": "Employee", "annual_pay": "Yearly pay",
                "employee_costs": "Employee costs", "total": "Total",
                "share_of_pay": "Share of pay", "job": "Job",
                **{name: label for name, (label, _) in calc.CATEGORIES.items()}}
    columns = ["employee", *extra, *_RESULTS]

    def written(name: str) -> Callable[[Any], str]:
        if name in money:
            return cents
        if name == "share_of_pay":
            return lambda value: percent(value, 1)
        return str

    shown = live.column_table(
        "Cost of losing each employee",
        [(headings.get(name, name), name, written(name)) for name in columns],
        compared,
    )
    download = live.Download(
        "replacement-cost-results.csv",
        csv_rows.write_csv(columns, [[row[name] for name in columns] for row in compared]),
    )
    chart = cost_chart(compared)
    return live.Results(summary=(chart.alt,), tables=(shown,), chart=chart, download=download)
