"""The employee turnover cost worksheet as it runs in the book's page (on Pyodide).

The reader types one job's line items (or picks a CSV file of jobs); the cost
is :func:`.calc.turnover_cost`, the function the notebook calls, and the
words come from :mod:`.describe`, as in the notebook. Standard library only.

Examples
--------
>>> values = {"salary": "36,000", "hr_admin": "300", "weeks_to_full_productivity": "12",
...           "productivity_while_learning": "0.5"}
>>> results(values).tables[0].rows[-1][3].text
'$4,453.85'
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

from ...core import rows as csv_rows
from ...core import svg
from ...core.formats import dollars
from ...core.messages import Messages
from .. import live
from . import calc, describe

_ = Messages("tools.turnover_cost")

__all__ = ["SPEC", "results", "file_results", "stacked_cost_bars", "cost_chart"]

#: What the page reads from the tool's spec: its ``live:`` block, headings and tables' columns.
SPEC = live.page_spec(__package__)


def stacked_cost_bars(
    rows: Sequence[Mapping[str, Any]],
    *,
    label_column: str,
    segments: Mapping[str, tuple[str, str, bool]],
    pay_column: str,
    share_column: str,
    xlabel: str,
    alt: str,
    marker_share: float | None = None,
    marker_label: str = "",
) -> live.Chart:
    """Stacked bars, one per row, one segment per cost column, as the notebook's ``form`` draws.

    ``segments`` gives each cost column, in order, its (legend label, color,
    hatched); each bar ends with its total and its share of pay, and
    ``marker_share`` of pay is marked with a diamond on each bar.

    Examples
    --------
    >>> row = describe.as_row(calc.turnover_cost(**calc.course_example()), "Agent")
    >>> chart = stacked_cost_bars([row], label_column="job", segments={
    ...     "total": ("Total", "#0072B2", False)}, pay_column="salary",
    ...     share_column="share_of_salary", xlabel="Cost", alt="A bar.")
    >>> chart.svg.startswith("<svg"), chart.alt
    (True, 'A bar.')
    """
    marks: tuple[float, ...] = ()
    if marker_share is not None:
        marks = tuple(marker_share * float(row[pay_column]) for row in rows)
    chart = svg.stacked_panels(
        [str(row[label_column]) for row in rows],
        [
            svg.Panel(
                "",
                tuple(
                    svg.Series(label, tuple(max(float(row[name]), 0.0) for row in rows), color,
                               hatch=hatched)
                    for name, (label, color, hatched) in segments.items()
                ),
                xlabel,
                ticks=dollars,
                notes=tuple(
                    f"{dollars(float(row['total']))} ({float(row[share_column]):.0%})"
                    for row in rows
                ),
                marks=marks,
                mark_label=marker_label,
            )
        ],
        alt=alt,
    )
    return live.Chart(chart, alt)


def cost_chart(rows: Sequence[Mapping[str, Any]]) -> live.Chart:
    """The notebook's stacked bars, one per job, a diamond at Boushey & Glynn's median."""
    return stacked_cost_bars(
        rows, label_column="job", pay_column="salary", share_column="share_of_salary",
        segments={name: (_(spec.label), describe.CATEGORY_COLORS[name], False)
                  for name, spec in calc.CATEGORIES.items()},
        xlabel=_("Cost of one departure (share of salary in parentheses)"),
        alt=describe.cost_chart(rows), marker_share=calc.BOUSHEY_GLYNN_MEDIAN,
        marker_label=_("Boushey & Glynn (2012) median: {median} of salary").format(
            median=describe.median()),
    )


def _lines(cost: calc.TurnoverCost) -> live.Table:
    """The notebook's table of lines (form.category_table), with its total row."""
    rows = [
        {"category": _(spec.label), "covers": _(spec.covers), "cascio": _(spec.cascio),
         "amount": cost.amount(name), "share_of_total": cost.share_of_total(name)}
        for name, spec in calc.CATEGORIES.items()
    ]
    rows.append({"category": _("Total"), "covers": "", "cascio": "", "amount": cost.total,
                 "share_of_total": 1.0 if cost.total > 0 else 0.0})
    return live.table(_("Cost of one departure, by line"), SPEC.headings["category"], rows,
                      money=["amount"], percent=["share_of_total"])


def results(values: Mapping[str, object]) -> live.Results:
    """The cost of one departure from the form's job, line by line, and the chart.

    Parameters
    ----------
    values : Mapping
        The inputs of the spec's ``live:`` block, as typed; an empty job
        name is the field's default, as in the notebook.

    Raises
    ------
    customer_focus.tools.live.Invalid
        With a message for each wrong input, tied to it.
    """
    typed = dict(values)
    if not str(typed.get("job", "")).strip():
        typed["job"] = calc.FIELDS["job"].default
    # a line item left out counts its default, 0, as calc.turnover_cost counts it
    shown = [name for name in SPEC.live["fields"]
             if name in typed or calc.FIELDS[name].default is None]
    parsed = live.parse(calc.FIELDS, typed, shown)
    job = parsed.pop("job")
    cost = calc.turnover_cost(parsed.pop("salary"), **parsed)
    return live.Results(
        summary=(describe.cost_sentence(cost),), tables=(_lines(cost),),
        chart=cost_chart([describe.as_row(cost, job)]),
    )


def file_results(text: str, v: Mapping[str, Any], source: str) -> live.Results:
    """The cost of one departure from each job of a CSV file, by line, with a results CSV.

    Examples
    --------
    >>> text = ("job,salary,weeks_to_full_productivity,productivity_while_learning,hr_admin\\n"
    ...         "Agent,36000,12,0.5,300\\n")
    >>> file_results(text, {}, "jobs.csv").tables[0].rows[0][-2].text
    '$4,453.85'
    """
    file_columns = SPEC.columns["jobs"]  # their help in the language spoken now
    table = live.read_rows(text, file_columns, source=source)
    names = live.names(table, "job")
    # the notebook's table checks each column in turn, with these words (table.py)
    salary = csv_rows.numbers(table, "salary", meaning=file_columns["salary"]["help"], low=0)
    if 0 in salary:
        raise ValueError(
            _("column 'salary' ({meaning}) must be more than 0 in every row; "
              "{where} holds 0. Type the yearly salary, for example 36000.").format(
                meaning=file_columns["salary"]["help"], where=table.where(salary.index(0)))
        )
    inputs = {}
    for name in ("weeks_to_full_productivity", "productivity_while_learning"):
        field = calc.FIELDS[name]
        rate = field.kind == "rate"
        inputs[name] = csv_rows.numbers(
            table, name, meaning=file_columns[name]["help"],
            low=0.0 if rate and field.min is None else field.min,
            high=1.0 if rate and field.max is None else field.max,
            high_inclusive=not rate or bool(field.max_included),
        )
    for name in calc.LINE_ITEMS:
        inputs[name] = csv_rows.optional_numbers(table, name, meaning=file_columns[name]["help"])
    extra = [column for column in table.columns if column not in file_columns]
    compared = []
    for position, job in enumerate(names):
        cost = calc.turnover_cost(
            salary[position], **{name: column[position] for name, column in inputs.items()}
        )
        row = describe.as_row(cost, job)
        compared.append({"job": job, **{name: table.rows[position][name] for name in extra},
                         **row})
    money = ["salary", *calc.CATEGORIES, "total"]
    columns = ["job", *extra, *money, "share_of_salary"]
    shown = live.table(
        _("Cost of one departure, by job"),
        {**SPEC.headings["jobs"],
         **{name: _(spec.label) for name, spec in calc.CATEGORIES.items()}},
        compared, columns=columns, money=money, percent=["share_of_salary"],
    )
    chart = cost_chart(compared)
    return live.Results(
        summary=(chart.alt,), tables=(shown,), chart=chart,
        download=live.download("turnover-cost-results.csv", columns, compared),
    )
