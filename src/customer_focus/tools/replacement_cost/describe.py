"""What the replacement cost worksheet writes from an estimate: its sentence, its alt text.

Standard library only, over plain rows (one dict per employee, with the
columns of :func:`customer_focus.tools.replacement_cost.table.compare_employees`):
the notebook's form (:mod:`.form`, which passes its table's records) and the
book's page (:mod:`.page`) write the same words from here.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

from ...core import saving
from ...core.formats import cents, money, number, percent
from ...core.messages import Messages, Np_
from ..turnover_cost.calc import WEEKS_PER_YEAR
from ..turnover_cost.describe import CATEGORY_COLORS
from . import calc

__all__ = [
    "LINE_COLORS", "bad_covers", "as_row", "headline", "cost_sentence", "cost_chart",
    "working_lines", "excel_line", "saved_line",
]

#: One color per line: the turnover worksheet's, and one for the customers who may follow
#: (for the notebook's chart and the page's alike).
LINE_COLORS = {**CATEGORY_COLORS, "customers_who_may_follow": "#56B4E9"}

_ = Messages("tools.replacement_cost")
n_ = _.plural

Row = Mapping[str, Any]


def bad_covers(bad: Sequence[tuple[str, object]]) -> str:
    """The message for cells of the ``cover`` column that name no cover: (place, cell) pairs.

    Examples
    --------
    >>> bad_covers([("a.csv line 2", "robot")])[-36:]
    "bad values at a.csv line 2: 'robot'."
    """
    shown = _("; ").join(
        _("{place}: {value!r}").format(place=place, value=value) for place, value in bad[:5]
    )
    return _(
        "column 'cover' ({meaning}) must be one of "
        "{covers}, or empty for {default}; bad values at {shown}."
    ).format(meaning=calc.FIELDS["cover"].help, covers=", ".join(calc.COVERS),
             default=calc.DEFAULT_COVER, shown=shown)


def as_row(cost: calc.ReplacementCost) -> dict[str, Any]:
    """The estimate as one plain row with the columns of the notebook's employees table.

    Examples
    --------
    >>> round(as_row(calc.cost_of_losing(**calc.course_example()))["total"], 2)
    137000.0
    """
    row: dict[str, Any] = {"employee": cost.employee, "annual_pay": cost.annual_pay}
    row.update({name: cost.amount(name) for name in calc.CATEGORIES})
    row["employee_costs"] = cost.employee_costs
    row.update({"total": cost.total, "share_of_pay": cost.share_of_pay})
    return row


def headline(cost: calc.ReplacementCost) -> str:
    """The first words of :func:`cost_sentence`, the ones the notebook sets in bold."""
    return _("Losing {employee} would cost about {total}").format(
        employee=cost.employee, total=cents(cost.total))


def cost_sentence(cost: calc.ReplacementCost) -> str:
    """The estimate in a sentence: the total, the employee costs and the customers.

    Examples
    --------
    >>> cost_sentence(calc.cost_of_losing(**calc.course_example()))[:60]
    'Losing Maria (senior account manager) would cost about $137,'
    """
    customers = (
        _("and {value} of customer lifetime value if "
          "{share} of the {customers:,.0f} customers "
          "at risk follow ({following:,.1f} customers worth "
          "{each} each). That share is your own assumption.").format(
            value=cents(cost.customer_value_at_risk), share=f"{cost.share_who_follow:.0%}",
            customers=cost.customers_at_risk, following=cost.customers_expected_to_follow,
            each=cents(cost.customer_lifetime_value))
        if cost.customers_at_risk > 0
        else _("and no customers at risk.")
    )
    return _(
        "{headline} ({share} of yearly pay of "
        "{pay}): {employee_costs} in employee costs {customers}"
    ).format(
        headline=headline(cost), share=f"{cost.share_of_pay:.0%}", pay=cents(cost.annual_pay),
        employee_costs=cents(cost.employee_costs), customers=customers,
    )


def cost_chart(rows: Sequence[Row]) -> str:
    """Alt text for the chart of the cost of losing each employee, by line.

    Examples
    --------
    >>> cost_chart([as_row(calc.cost_of_losing(**calc.course_example()))])[:40]
    'Stacked bar chart of the cost of losing '
    """
    labels = {name: calc.line_words(name)[0].lower() for name in calc.CATEGORIES}
    if len(rows) == 1:
        row = rows[0]
        parts = _(", ").join(
            _("{line} {amount}").format(line=labels[name], amount=cents(float(row[name])))
            for name in labels
        )
        return _(
            "Stacked bar chart of the cost of losing {employee}: "
            "{total} in all, {share} of yearly pay. "
            "Employee costs are "
            "{employee_costs} and the customers who may follow (hatched) add "
            "{customers}. The lines are {lines}."
        ).format(
            employee=row["employee"], total=cents(float(row["total"])),
            share=f"{float(row['share_of_pay']):.0%}",
            employee_costs=cents(float(row["employee_costs"])),
            customers=cents(float(row["customers_who_may_follow"])), lines=parts,
        )
    costliest = max(rows, key=lambda row: float(row["total"]))
    cheapest = min(rows, key=lambda row: float(row["total"]))
    with_customers = [row["employee"] for row in rows if float(row["customers_who_may_follow"]) > 0]
    customer_share = (sum(float(row["customers_who_may_follow"]) for row in rows)
                      / sum(float(row["total"]) for row in rows))
    text = _(
        "Stacked bar chart of the cost of losing each of {count} employees, split into "
        "{lines}. The costliest loss is {costliest} at "
        "{costliest_total} ({costliest_share} of pay); the "
        "least costly is {cheapest} at {cheapest_total}. "
    ).format(
        count=len(rows), lines=_(", ").join(labels.values()), costliest=costliest["employee"],
        costliest_total=cents(float(costliest["total"])),
        costliest_share=f"{float(costliest['share_of_pay']):.0%}", cheapest=cheapest["employee"],
        cheapest_total=cents(float(cheapest["total"])),
    )
    if with_customers:
        text += _(
            "Customers who may follow (hatched) appear for {employees} "
            "and make up {share} of all the costs shown."
        ).format(employees=_(", ").join(map(str, with_customers)), share=f"{customer_share:.0%}")
    else:
        text += _("No customers are at risk in this table.")
    return text


def working_lines(inputs: Mapping[str, Any]) -> list[str]:
    """The estimate worked out line by line, each formula with its numbers and its result.

    Parameters
    ----------
    inputs : mapping
        The inputs of :func:`.calc.cost_of_losing` (an input left out takes its default).

    Returns
    -------
    list of str
        The pay, each of the five lines, the lifetime value of one customer, the customers
        who may follow and the total, as a share of the yearly pay of the employee (named
        without the job in brackets).

    Examples
    --------
    >>> for line in working_lines(calc.course_example())[-2:]:
    ...     print(line)
    Customers who may follow: 30 × 20% = 6 customers × $17,000.00 = $102,000.00
    Total: $137,000.00, or 176% of Maria's yearly pay
    """
    cost = calc.cost_of_losing(**inputs)

    def given(name: str) -> Any:
        value = inputs.get(name)
        return calc.FIELDS[name].default if value is None else value

    hours = given("hours_per_week")
    weeks = number(given("vacancy_weeks"))
    lost = money(given("lost_margin_per_week"))
    cover = given("cover")
    if cover == "overtime":
        vacancy = _("Vacancy: {weeks} weeks × ({weekly} × {premium} + {lost}) = {amount}").format(
            weeks=weeks, weekly=cents(cost.weekly_pay), premium=number(given("overtime_premium")),
            lost=lost, amount=cents(cost.amount("vacancy")))
    elif cover == "temp":
        vacancy = _("Vacancy: {weeks} weeks × ({extra} a week paid to the temp above the pay "
                    "saved + {lost}) = {amount}").format(
            weeks=weeks, extra=cents(max(given("temp_weekly_cost") - cost.weekly_pay, 0.0)),
            lost=lost, amount=cents(cost.amount("vacancy")))
    else:
        vacancy = _("Vacancy: {weeks} weeks × {lost} of margin lost = {amount}").format(
            weeks=weeks, lost=lost, amount=cents(cost.amount("vacancy")))
    retention = number(given("customer_retention"), 2)
    return [
        _("Weekly pay: {pay} / {weeks} = {weekly}; hourly pay: {weekly} / {hours} = "
          "{hourly}").format(
            pay=money(cost.annual_pay), weeks=WEEKS_PER_YEAR, weekly=cents(cost.weekly_pay),
            hours=number(hours), hourly=cents(cost.hourly_pay)),
        vacancy,
        _("Replacement: {hours} h × {rate} + {fees} + {other} = {amount}").format(
            hours=number(given("hiring_hours")), rate=money(given("hiring_hourly_cost")),
            fees=money(given("hiring_fees")), other=money(given("other_hiring_costs")),
            amount=cents(cost.amount("replacement"))),
        _("Training: {hours} h × {hourly} + {trainer_hours} h × {trainer_rate} + {materials} = "
          "{amount}").format(
            hours=number(given("training_hours")), hourly=cents(cost.hourly_pay),
            trainer_hours=number(given("trainer_hours")),
            trainer_rate=money(given("trainer_hourly_cost")),
            materials=money(given("training_materials")), amount=cents(cost.amount("training"))),
        _("Learning curve: {weekly} × {weeks} weeks × (1 - {productivity}) = {amount}").format(
            weekly=cents(cost.weekly_pay), weeks=number(given("weeks_to_full_productivity")),
            productivity=number(given("productivity_while_learning")),
            amount=cents(cost.amount("learning_curve"))),
        _("Lifetime value of one customer: {margin} × {retention} / (1 + {rate} - {retention}) "
          "= {value}").format(
            margin=money(given("customer_margin")), retention=retention,
            rate=number(given("discount_rate"), 2), value=cents(cost.customer_lifetime_value)),
        _("Customers who may follow: {customers} × {share} = {following} customers × {value} = "
          "{at_risk}").format(
            customers=number(cost.customers_at_risk), share=percent(cost.share_who_follow),
            following=number(cost.customers_expected_to_follow),
            value=cents(cost.customer_lifetime_value), at_risk=cents(cost.customer_value_at_risk)),
        _("Total: {total}, or {share} of {employee}'s yearly pay").format(
            total=cents(cost.total), share=percent(cost.share_of_pay, 0),
            employee=cost.employee.split(" (")[0]),
    ]

#: The worksheet's closing lines: what it saved, and whether the Excel file matches.
saved_line, excel_line = saving.lines(
    _, Np_("{count} employee", "{count} employees"),
    Np_("{count} employee", "{count} employees"),
)
