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

from collections.abc import Mapping, Sequence
from typing import Any

from ...core import rows as csv_rows
from ...core.messages import Messages
from .. import live
from ..turnover_cost.page import stacked_cost_bars
from . import calc, describe

_ = Messages("tools.replacement_cost")

__all__ = ["SPEC", "SHARES", "results", "file_results", "cost_chart"]

#: What the page reads from the tool's spec: its ``live:`` block, headings and tables' columns.
SPEC = live.page_spec(__package__)
#: The other guesses of the share who might follow (the notebook's scenarios table).
SHARES = (0.0, 0.1, 0.2, 0.3, 0.5)
_RESULTS = [
    "annual_pay", *(name for name in calc.CATEGORIES if name != "customers_who_may_follow"),
    "employee_costs", "customers_who_may_follow", "total", "share_of_pay",
]


def cost_chart(rows: Sequence[Mapping[str, Any]]) -> live.Chart:
    """The notebook's stacked bars, one per employee; the customers who may follow hatched."""
    return stacked_cost_bars(
        rows, label_column="employee", pay_column="annual_pay", share_column="share_of_pay",
        segments={
            name: (calc.line_words(name)[0], describe.LINE_COLORS[name],
                   name == "customers_who_may_follow")
            for name in calc.CATEGORIES
        },
        xlabel=_("Cost of losing the employee (share of yearly pay in parentheses)"),
        alt=describe.cost_chart(rows),
    )


def _tables(cost: calc.ReplacementCost) -> tuple[live.Table, live.Table]:
    """The notebook's table of lines (with subtotals) and its table of other shares."""
    lines = [{"category": label, "covers": covers, "amount": cost.amount(name)}
             for name in calc.CATEGORIES for label, covers in [calc.line_words(name)]]
    lines.insert(5, {"category": _("Employee costs (lines above)"),
                     "covers": _("what the turnover worksheet counts"),
                     "amount": cost.employee_costs})
    lines.append({"category": _("Total"),
                  "covers": _("employee costs and customers who may follow"), "amount": cost.total})
    by_line = live.table(_("Cost of losing the employee, by line"), SPEC.headings["line"], lines,
                         money=["amount"])
    others = live.table(
        _("The total for other guesses of the share who might follow"), SPEC.headings["scenarios"],
        cost.share_scenarios(SHARES), money=["customers_who_may_follow", "total"],
        percent=["share_who_follow"], decimals={"customers_following": 1},
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
    shown = [name for name in SPEC.live["fields"]
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
        raise ValueError(_(
            "{source}: needs a 'salary' column, an 'hourly_rate' column, or both (each "
            "employee fills one). Columns found: {columns}."
        ).format(source=table.source, columns=", ".join(table.columns)))
    pay: dict[str, list[float | None]] = {}
    file_columns = SPEC.columns["employees"]
    for column in ("salary", "hourly_rate"):
        cells = table.column(column)
        amounts = csv_rows.optional_numbers(table, column, meaning=file_columns[column]["help"],
                                            low=0)
        pay[column] = [amount if cell else None for cell, amount in zip(cells, amounts,
                                                                        strict=True)]
    for position, (salary, hourly) in enumerate(zip(pay["salary"], pay["hourly_rate"],
                                                    strict=True)):
        problem = (calc.PAY_BOTH if salary is not None
                   and hourly is not None else calc.PAY_NEITHER
                   if salary is None and hourly is None else "")
        if problem:
            raise ValueError(_(problem).format(place=table.where(position)))
    return pay["salary"], pay["hourly_rate"]


def _covers(table: csv_rows.Rows) -> list[str]:
    """Each row's cover, lower-cased; an empty cell, or no column, is the default (table.py)."""
    cells = table.column("cover")
    covers = [cell.lower() if cell else calc.DEFAULT_COVER for cell in cells]
    bad = [position for position, cover in enumerate(covers) if cover not in calc.COVERS]
    if bad:
        raise ValueError(describe.bad_covers([(table.where(i), cells[i]) for i in bad]))
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


def file_results(text: str, v: Mapping[str, Any], source: str) -> live.Results:
    """The cost of losing each employee of a CSV file, by line, with a results CSV.

    ``v`` holds the form's discount rate and overtime premium, used for every
    employee of the file.

    Examples
    --------
    >>> text = ("employee,hourly_rate,hours_per_week,weeks_to_full_productivity,"
    ...         "productivity_while_learning\\nSam,25,40,10,0.5\\n")
    >>> file_results(text, {"discount_rate": 0.1, "overtime_premium": 0.5}, "a.csv").tables[
    ...     0].rows[0][-2].text
    '$5,000.00'
    """
    file_columns = SPEC.columns["employees"]  # their help in the language spoken now
    table = live.read_rows(text, file_columns, source=source)
    names = live.names(table, "employee")
    # the notebook's table checks each column in turn, with these words (table.py)
    salary, hourly = _pay(table)
    inputs = {}
    for column in file_columns:
        if column in ("employee", "salary", "hourly_rate", "cover"):
            continue
        read = csv_rows.numbers if file_columns[column]["required"] else csv_rows.optional_numbers
        limits = _limits(column)
        if read is csv_rows.optional_numbers:
            limits = {"low": limits["low"]}
        inputs[column] = read(table, column, meaning=file_columns[column]["help"], **limits)
    covers = _covers(table)
    extra = [column for column in table.columns if column not in file_columns]
    compared = []
    for position, name in enumerate(names):
        given = {column: amounts[position] for column, amounts in inputs.items()}
        if salary[position] is not None:
            given["salary"] = salary[position]
        else:
            given["hourly_rate"] = hourly[position]
        try:
            cost = calc.cost_of_losing(employee=name, cover=covers[position], **v, **given)
        except ValueError as error:
            raise ValueError(
                _("{place}: {error}").format(place=table.where(position), error=error)) from None
        compared.append({"employee": name,
                         **{column: table.rows[position][column] for column in extra},
                         **describe.as_row(cost)})
    columns = ["employee", *extra, *_RESULTS]
    shown = live.table(
        _("Cost of losing each employee"),
        {**SPEC.headings["employees"],
         **{name: calc.line_words(name)[0] for name in calc.CATEGORIES}},
        compared, columns=columns, money=_RESULTS[:-1], percent=["share_of_pay"],
    )
    chart = cost_chart(compared)
    return live.Results(
        summary=(chart.alt,), tables=(shown,), chart=chart,
        download=live.download("replacement-cost-results.csv", columns, compared),
    )
