"""The specific employee replacement cost worksheet's live form, tables for reading and chart.

The arithmetic is :mod:`customer_focus.tools.replacement_cost.calc`'s; this
module lays out inputs and shows results. The chart is the turnover cost
tool's stacked bars (:func:`customer_focus.tools.turnover_cost.form.stacked_cost_bars`)
with the customers who may follow added, hatched; its alt text comes from
:func:`describe_cost_of_losing`.
"""

from __future__ import annotations

from collections.abc import Mapping
from functools import cache
from html import escape
from typing import Any

import ipywidgets as w
import pandas as pd
from IPython.display import HTML

from ...core.figures import CourseFigure, figure_html
from ...core.messages import N_, Messages, current_language
from ...core.tables import format_table, with_headings
from ..spec import load_spec
from ..turnover_cost.form import stacked_cost_bars
from ..worksheet import Worksheet
from . import calc, describe, table

__all__ = [
    "SEGMENT_STYLES",
    "line_table",
    "scenarios_table",
    "employees_table",
    "cost_of_losing_chart",
    "describe_cost_of_losing",
    "ReplacementCostForm",
    "replacement_cost_form",
    "inputs_table",
]

_ = Messages("tools.replacement_cost")

#: Legend label (in English; the chart says it in the reader's language), color and hatch of
#: each line in the chart; the customers are hatched.
SEGMENT_STYLES: dict[str, tuple[str, str, str]] = {
    name: (label, describe.LINE_COLORS[name], "//" if name == "customers_who_may_follow" else "")
    for name, (label, _covers) in calc.CATEGORIES.items()
}

#: The subtotal and total rows of the table of lines: (line, what it covers), in English.
SUBTOTAL = (N_("Employee costs (lines above)"), N_("what the turnover worksheet counts"))
TOTAL = (N_("Total"), N_("employee costs and customers who may follow"))


@cache
def _headings(language: str | None) -> dict[str, dict[str, str]]:
    """The headings of the tables written for reading (``reading:`` of the spec in ``language``)."""
    return load_spec("replacement_cost", language).reading


def line_table(estimate: calc.ReplacementCost) -> pd.DataFrame:
    """One employee's cost (:func:`~.calc.cost_of_losing`) by line, with subtotals, for reading.

    Columns "What it covers" and "Amount", indexed by "Line".
    """
    rows = [
        {"category": label, "covers": covers, "amount": estimate.amount(name)}
        for name in calc.CATEGORIES for label, covers in [calc.line_words(name)]
    ]
    rows.insert(5, {
        "category": _(SUBTOTAL[0]), "covers": _(SUBTOTAL[1]), "amount": estimate.employee_costs,
    })
    rows.append({"category": _(TOTAL[0]), "covers": _(TOTAL[1]), "amount": estimate.total})
    shown = format_table(pd.DataFrame(rows), money=["amount"])
    return with_headings(shown, _headings(current_language())["line"])


def scenarios_table(
    estimate: calc.ReplacementCost, shares: tuple[float, ...] = (0.0, 0.1, 0.2, 0.3, 0.5)
) -> pd.DataFrame:
    """The total for other guesses of the share who might follow, written for reading.

    Examples
    --------
    >>> scenarios_table(calc.cost_of_losing(**calc.course_example())).loc["20.0%", "Total cost"]
    '$137,000.00'
    """
    scenarios = table.share_scenarios(estimate, shares)
    shown = format_table(
        scenarios, money=["customers_who_may_follow", "total"], percent=["share_who_follow"],
        decimals={"customers_following": 1},
    )
    return with_headings(shown, _headings(current_language())["scenarios"])


def employees_table(comparison: pd.DataFrame) -> pd.DataFrame:
    """The output of :func:`~.table.compare_employees` (or :func:`~.table.as_row`), for reading.

    Examples
    --------
    >>> row = table.as_row(calc.cost_of_losing(**calc.course_example()))
    >>> employees_table(row).loc["Maria (senior account manager)", "Share of pay"]
    '175.6%'
    """
    money = ["annual_pay", *calc.CATEGORIES, "employee_costs", "total"]
    shown = format_table(comparison, money=money, percent=["share_of_pay"])
    lines = {name: calc.line_words(name)[0] for name in calc.CATEGORIES}
    return with_headings(shown, {**_headings(current_language())["employees"], **lines})


def cost_of_losing_chart(comparison: pd.DataFrame, *, title: str | None = None) -> CourseFigure:
    """Stacked bars of what losing each employee would cost, by line.

    The five employee lines are solid; the customers who may follow are
    hatched, since their share is the manager's estimate.

    Parameters
    ----------
    comparison : pandas.DataFrame
        The output of :func:`customer_focus.tools.replacement_cost.table.compare_employees`,
        or :func:`~customer_focus.tools.replacement_cost.table.as_row` for one employee.
    title : str, optional
        A title for the chart.

    Returns
    -------
    CourseFigure
        The stacked bars, one per employee.

    Examples
    --------
    >>> cost = calc.cost_of_losing(**calc.course_example())
    >>> figure = cost_of_losing_chart(table.as_row(cost))
    >>> len([patch for patch in figure.axes[0].patches if patch.get_hatch()])
    1
    """
    return stacked_cost_bars(
        comparison,
        label_column="employee",
        segments={
            name: (_(label), color, hatch) for name, (label, color, hatch) in SEGMENT_STYLES.items()
        },
        pay_column="annual_pay",
        share_column="share_of_pay",
        xlabel=_("Cost of losing the employee (share of yearly pay in parentheses)"),
        title=title,
    )


def describe_cost_of_losing(comparison: pd.DataFrame) -> str:
    """Alt text for :func:`cost_of_losing_chart`, written from the same data.

    Examples
    --------
    >>> cost = calc.cost_of_losing(**calc.course_example())
    >>> describe_cost_of_losing(table.as_row(cost))[:40]
    'Stacked bar chart of the cost of losing '
    """
    return describe.cost_chart(comparison.to_dict("records"))


# ---- the form ------------------------------------------------------------------------------


def _estimate(values: Mapping[str, Any]) -> calc.ReplacementCost:
    """The estimate for the form's values: the pay goes in as a salary or an hourly rate."""
    inputs = {name: value for name, value in values.items() if name not in ("pay_basis", "pay")}
    inputs[values["pay_basis"]] = values["pay"]
    return calc.cost_of_losing(**inputs)


class ReplacementCostForm(Worksheet):
    """The worksheet's form: one employee's specifics on top; the cost, tables and chart below.

    Parameters
    ----------
    **starting_values
        Any input of :func:`customer_focus.tools.replacement_cost.calc.cost_of_losing`
        (give ``salary`` or ``hourly_rate``), or the form's own ``pay_basis``
        and ``pay``. Missing ones start at the course's example (the spec's
        worked example).

    Examples
    --------
    In a notebook (outside one, the results print as text):

    >>> form = ReplacementCostForm(employee="Lena", hourly_rate=22)  # doctest: +SKIP
    """

    tool = "replacement_cost"
    inputs = (
        "employee", "pay_basis", "pay", "hours_per_week",
        *(name for names in calc.LINE_INPUTS.values() for name in names),
    )
    widths = {"cover": "46em"}
    label_width = "19em"

    def __init__(self, **starting_values: Any) -> None:
        given = dict(starting_values)
        salary, hourly = given.pop("salary", None), given.pop("hourly_rate", None)
        if salary is None and hourly is not None:
            given.setdefault("pay_basis", "hourly_rate")
        given.setdefault("pay", hourly if salary is None and hourly is not None else salary)
        if given["pay"] is None:
            given["pay"] = calc.course_example()["salary"]
        super().__init__(**given)

    def layout(self) -> list[w.Widget]:
        """The employee and the pay, then each line's heading and its inputs."""
        return self.sections(
            ("employee", "pay_basis", "pay", "hours_per_week"),
            [(*calc.line_words(line), names)
             for line, names in calc.LINE_INPUTS.items()],
        )

    def estimate(self) -> calc.ReplacementCost:
        """The estimate for the current inputs (raises ``ValueError`` on a bad one)."""
        return _estimate(self.values())

    def compute(self, values: dict[str, Any]) -> list[object]:
        """The cost, the tables of lines and of other shares, and the chart."""
        estimate = _estimate(values)
        row = table.as_row(estimate)
        figure = cost_of_losing_chart(row)
        head = describe.headline(estimate)
        rest = describe.cost_sentence(estimate).removeprefix(head)
        return [
            HTML(f"<p><strong>{escape(head)}</strong>{escape(rest)}</p>"),
            line_table(estimate),
            HTML(_("<p>The total for other guesses of the share who might follow:</p>")),
            scenarios_table(estimate),
            HTML(figure_html(figure, describe_cost_of_losing(row))),
        ]


def replacement_cost_form(**starting_values: Any) -> w.VBox:
    """The specific-employee replacement cost form, ready to display.

    ``starting_values`` are as for :class:`ReplacementCostForm`.
    """
    return ReplacementCostForm(**starting_values).widget


def inputs_table(inputs: Mapping[str, Any]) -> pd.DataFrame:
    """An estimate's inputs as a table: one row per input, named as the code names it.

    Examples
    --------
    >>> inputs_table({"employee": "Maria", "salary": 78000}).loc["salary"].tolist()
    ['78000']
    """
    shown = pd.DataFrame({_("input"): list(inputs), _("value"): [str(v) for v in inputs.values()]})
    return shown.set_index(_("input"))
