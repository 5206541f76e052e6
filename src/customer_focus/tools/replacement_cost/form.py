"""The specific employee replacement cost worksheet: its live form, tables and chart.

The arithmetic lives in :mod:`customer_focus.replacement`; this module lays
out inputs and shows results. A bad value shows a plain-language message in
the form instead of a traceback.
"""

from __future__ import annotations

from html import escape
from typing import Any

import ipywidgets as w
import pandas as pd
from IPython.display import HTML, display

from .. import replacement
from ..core.figures import CourseFigure, figure_html
from ..core.formats import cents
from ..core.tables import format_table
from .turnover import CATEGORY_COLORS, _stacked_bars

__all__ = [
    "SEGMENT_STYLES",
    "line_table",
    "scenarios_table",
    "employees_table",
    "cost_of_losing_chart",
    "describe_cost_of_losing",
    "ReplacementCostForm",
    "replacement_cost_form",
]

#: Legend label, color and hatch of each line in the chart; the customers are hatched.
SEGMENT_STYLES: dict[str, tuple[str, str, str]] = {
    **{name: (replacement.CATEGORIES[name][0], color, "") for name, color in CATEGORY_COLORS.items()},
    "customers_who_may_follow": (replacement.CATEGORIES["customers_who_may_follow"][0], "#56B4E9", "//"),
}


def line_table(estimate: replacement.ReplacementCost) -> pd.DataFrame:
    """One employee's cost by line, with subtotals, written for reading.

    Parameters
    ----------
    estimate : customer_focus.replacement.ReplacementCost
        The result of :func:`customer_focus.replacement.cost_of_losing`.

    Returns
    -------
    pandas.DataFrame
        Columns "What it covers" and "Amount", indexed by "Line".
    """
    rows = estimate.by_category.to_dict("records")
    rows.insert(5, {"category": "Employee costs (lines above)", "covers": "what the turnover worksheet counts",
                    "amount": estimate.employee_costs})
    rows.append({"category": "Total", "covers": "employee costs and customers who may follow", "amount": estimate.total})
    shown = format_table(pd.DataFrame(rows), money=["amount"])
    return shown.rename(columns={"category": "Line", "covers": "What it covers", "amount": "Amount"}).set_index("Line")


def scenarios_table(estimate: replacement.ReplacementCost, shares: tuple[float, ...] = (0.0, 0.1, 0.2, 0.3, 0.5)) -> pd.DataFrame:
    """The total for other guesses of the share who might follow, written for reading."""
    table = estimate.share_scenarios(shares)
    shown = format_table(
        table, money=["customers_who_may_follow", "total"], percent=["share_who_follow"],
        decimals={"customers_following": 1},
    )
    return shown.rename(
        columns={
            "share_who_follow": "Share who might follow",
            "customers_following": "Customers following",
            "customers_who_may_follow": "Their lifetime value",
            "total": "Total cost",
        }
    ).set_index("Share who might follow")


def employees_table(comparison: pd.DataFrame) -> pd.DataFrame:
    """The output of :func:`customer_focus.replacement.compare_employees`, written for reading."""
    money = ["annual_pay", *replacement.CATEGORIES, "employee_costs", "total"]
    shown = format_table(comparison, money=money, percent=["share_of_pay"])
    headings = {
        "employee": "Employee", "annual_pay": "Yearly pay", "employee_costs": "Employee costs",
        "total": "Total", "share_of_pay": "Share of pay", "job": "Job",
    }
    headings.update({name: label for name, (label, _) in replacement.CATEGORIES.items()})
    return shown.rename(columns=headings).set_index("Employee")


def cost_of_losing_chart(comparison: pd.DataFrame, *, title: str | None = None) -> CourseFigure:
    """Stacked bars of what losing each employee would cost, by line.

    The five employee lines are solid; the customers who may follow are
    hatched, since their share is the manager's estimate.

    Parameters
    ----------
    comparison : pandas.DataFrame
        The output of :func:`customer_focus.replacement.compare_employees`,
        or ``ReplacementCost.as_row()`` for one employee.
    title : str, optional
        A title for the chart.

    Returns
    -------
    CourseFigure

    Examples
    --------
    >>> from customer_focus import replacement
    >>> figure = cost_of_losing_chart(replacement.cost_of_losing(**replacement.course_example()).as_row())
    """
    return _stacked_bars(
        comparison,
        label_column="employee",
        segments=SEGMENT_STYLES,
        pay_column="annual_pay",
        share_column="share_of_pay",
        xlabel="Cost of losing the employee (share of yearly pay in parentheses)",
        title=title,
    )


def describe_cost_of_losing(comparison: pd.DataFrame) -> str:
    """Alt text for :func:`cost_of_losing_chart`, written from the same data.

    Examples
    --------
    >>> from customer_focus import replacement
    >>> describe_cost_of_losing(replacement.cost_of_losing(**replacement.course_example()).as_row())[:40]
    'Stacked bar chart of the cost of losing '
    """
    labels = {name: label.lower() for name, (label, _) in replacement.CATEGORIES.items()}
    if len(comparison) == 1:
        row = comparison.iloc[0]
        parts = ", ".join(f"{labels[name]} {cents(float(row[name]))}" for name in labels)
        return (
            f"Stacked bar chart of the cost of losing {row['employee']}: {cents(float(row['total']))} in all, "
            f"{float(row['share_of_pay']):.0%} of yearly pay. Employee costs are "
            f"{cents(float(row['employee_costs']))} and the customers who may follow (hatched) add "
            f"{cents(float(row['customers_who_may_follow']))}. The lines are {parts}."
        )
    costliest = comparison.loc[comparison["total"].idxmax()]
    cheapest = comparison.loc[comparison["total"].idxmin()]
    with_customers = comparison.loc[comparison["customers_who_may_follow"] > 0, "employee"].tolist()
    customer_share = float(comparison["customers_who_may_follow"].sum() / comparison["total"].sum())
    text = (
        f"Stacked bar chart of the cost of losing each of {len(comparison)} employees, split into "
        f"{', '.join(labels.values())}. The costliest loss is {costliest['employee']} at "
        f"{cents(float(costliest['total']))} ({float(costliest['share_of_pay']):.0%} of pay); the least costly is "
        f"{cheapest['employee']} at {cents(float(cheapest['total']))}. "
    )
    if with_customers:
        text += (
            f"Customers who may follow (hatched) appear for {', '.join(map(str, with_customers))} and make up "
            f"{customer_share:.0%} of all the costs shown."
        )
    else:
        text += "No customers are at risk in this table."
    return text


# ---- the form ------------------------------------------------------------------------------

_LABEL_STYLE = {"description_width": "19em"}


def _wide() -> w.Layout:
    """A fresh layout per control (never created at import time)."""
    return w.Layout(width="34em")


#: The form's number boxes: argument name and label, grouped under headings.
_GROUPS: tuple[tuple[str, tuple[tuple[str, str], ...]], ...] = (
    ("Separation", (("separation_costs", "Exit interview, paperwork, separation pay ($)"),)),
    (
        "Vacancy",
        (
            ("vacancy_weeks", "Weeks the job stays empty"),
            ("overtime_premium", "Overtime premium (0.5 = time and a half)"),
            ("temp_weekly_cost", "Temporary worker's weekly bill ($)"),
            ("lost_margin_per_week", "Margin lost per week ($)"),
        ),
    ),
    (
        "Replacement (hiring)",
        (
            ("hiring_hours", "Hours recruiting and interviewing"),
            ("hiring_hourly_cost", "Their hourly cost ($)"),
            ("hiring_fees", "Agency or advertising fees ($)"),
            ("other_hiring_costs", "Tests, checks, travel, relocation ($)"),
        ),
    ),
    (
        "Training",
        (
            ("training_hours", "Newcomer's training hours"),
            ("trainer_hours", "Trainers' hours"),
            ("trainer_hourly_cost", "Trainers' hourly cost ($)"),
            ("training_materials", "Materials and courses ($)"),
        ),
    ),
    ("Learning curve", (("weeks_to_full_productivity", "Weeks to full productivity"),)),
    (
        "Customers who may follow",
        (
            ("customers_at_risk", "Customers who deal mainly with them"),
            ("customer_margin", "Yearly margin per customer ($)"),
        ),
    ),
)
_SLIDERS = {
    "productivity_while_learning": ("Average productivity meanwhile", 1.0, 0.05),
    "customer_retention": ("Their yearly retention rate", 0.99, 0.01),
    "discount_rate": ("Discount rate", 0.5, 0.01),
    "share_who_follow": ("Your estimate: share who might follow", 1.0, 0.05),
}
#: Which sliders follow the number boxes of a heading.
_SLIDERS_UNDER = {
    "Learning curve": ("productivity_while_learning",),
    "Customers who may follow": ("customer_retention", "discount_rate", "share_who_follow"),
}


class ReplacementCostForm:
    """The worksheet's form: one employee's specifics on top; the cost, tables and chart below.

    Parameters
    ----------
    **starting_values
        Any argument of :func:`customer_focus.replacement.cost_of_losing`.
        Missing ones start at the course's example
        (:func:`customer_focus.replacement.course_example`). Give ``salary``
        or ``hourly_rate``.

    Attributes
    ----------
    widget : ipywidgets.VBox
        What to display.
    controls : dict
        The input widgets, by argument name (the pay is ``pay`` and ``pay_basis``).
    """

    def __init__(self, **starting_values: Any) -> None:
        known = {name for _, fields in _GROUPS for name, _ in fields} | set(_SLIDERS) | {
            "employee", "salary", "hourly_rate", "hours_per_week", "cover",
        }
        unknown = set(starting_values) - known
        if unknown:
            raise ValueError(f"ReplacementCostForm does not know {', '.join(sorted(unknown))}.")
        values: dict[str, Any] = {
            **{name: 0.0 for name in known},
            "overtime_premium": replacement.DEFAULT_OVERTIME_PREMIUM,
            "hours_per_week": replacement.DEFAULT_HOURS_PER_WEEK,
            **replacement.course_example(),
        }
        if "salary" in starting_values or "hourly_rate" in starting_values:
            values.pop("salary", None)
        values.update(starting_values)
        hourly = values.get("hourly_rate") not in (None, 0.0) and "salary" not in starting_values
        self.controls: dict[str, w.ValueWidget] = {}
        self.controls["employee"] = w.Text(value=str(values["employee"]), description="Employee", style=_LABEL_STYLE, layout=_wide())
        self.controls["pay_basis"] = w.Dropdown(
            options=[("Yearly salary ($)", "salary"), ("Hourly rate ($)", "hourly_rate")],
            value="hourly_rate" if hourly else "salary", description="Pay is given as", style=_LABEL_STYLE, layout=_wide(),
        )
        self.controls["pay"] = w.FloatText(
            value=float(values["hourly_rate"] if hourly else values.get("salary") or 0.0), description="Pay ($)",
            style=_LABEL_STYLE, layout=_wide(),
        )
        self.controls["hours_per_week"] = w.FloatText(
            value=float(values["hours_per_week"]), description="Hours in a normal week", style=_LABEL_STYLE, layout=_wide()
        )
        rows: list[w.Widget] = [self.controls[name] for name in ("employee", "pay_basis", "pay", "hours_per_week")]
        for heading, fields in _GROUPS:
            covers = dict(replacement.CATEGORIES.values())[heading]
            rows.append(w.HTML(f"<strong>{escape(heading)}</strong>: {escape(covers)}"))
            if heading == "Vacancy":
                self.controls["cover"] = w.Dropdown(
                    options=[(text, name) for name, text in replacement.COVERS.items()], value=values["cover"],
                    description="How the work is covered", style=_LABEL_STYLE, layout=w.Layout(width="46em"),
                )
                rows.append(self.controls["cover"])
            for name, label in fields:
                self.controls[name] = w.FloatText(value=float(values[name]), description=label, style=_LABEL_STYLE, layout=_wide())
                rows.append(self.controls[name])
            for name in _SLIDERS_UNDER.get(heading, ()):
                label, maximum, step = _SLIDERS[name]
                self.controls[name] = w.FloatSlider(
                    value=float(values[name]), min=0.0, max=maximum, step=step, readout_format=".0%",
                    description=label, style=_LABEL_STYLE, layout=_wide(), continuous_update=False,
                )
                rows.append(self.controls[name])
        self.output = w.Output()
        for control in self.controls.values():
            control.observe(self._changed, names="value")
        self.widget = w.VBox([*rows, self.output])
        self.update()

    def _changed(self, _change: dict) -> None:
        self.update()

    def estimate(self) -> replacement.ReplacementCost:
        """The estimate for the current inputs (raises ``ValueError`` on a bad one)."""
        values = {name: control.value for name, control in self.controls.items()}
        basis, pay = values.pop("pay_basis"), values.pop("pay")
        values[basis] = pay
        return replacement.cost_of_losing(**values)

    def results(self) -> list[object]:
        """What the form shows for its current inputs: the cost, tables and chart.

        A bad input gives a single message saying what to fix.
        """
        try:
            estimate = self.estimate()
        except ValueError as error:
            return [HTML(f'<p role="alert"><strong>Check your numbers:</strong> {escape(str(error))}</p>')]
        row = estimate.as_row()
        figure = cost_of_losing_chart(row)
        customers = (
            f"and {cents(estimate.customer_value_at_risk)} of customer lifetime value if "
            f"{estimate.share_who_follow:.0%} of the {estimate.customers_at_risk:,.0f} customers at risk follow "
            f"({estimate.customers_expected_to_follow:,.1f} customers worth "
            f"{cents(estimate.customer_lifetime_value)} each). That share is your own assumption."
            if estimate.customers_at_risk > 0
            else "and no customers at risk."
        )
        return [
            HTML(
                f"<p><strong>Losing {escape(estimate.employee)} would cost about {cents(estimate.total)}</strong> "
                f"({estimate.share_of_pay:.0%} of yearly pay of {cents(estimate.annual_pay)}): "
                f"{cents(estimate.employee_costs)} in employee costs {escape(customers)}</p>"
            ),
            line_table(estimate),
            HTML("<p>The total for other guesses of the share who might follow:</p>"),
            scenarios_table(estimate),
            HTML(figure_html(figure, describe_cost_of_losing(row))),
        ]

    def update(self) -> None:
        """Recompute and redraw the results from the current inputs."""
        self.output.clear_output(wait=True)
        with self.output:
            for item in self.results():
                display(item)


def replacement_cost_form(**starting_values: Any) -> w.VBox:
    """Build the specific-employee replacement cost form and return the widget to display.

    Examples
    --------
    >>> form = replacement_cost_form(employee="Lena", hourly_rate=22, hours_per_week=35)  # doctest: +SKIP
    """
    return ReplacementCostForm(**starting_values).widget
