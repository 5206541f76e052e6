"""What the replacement cost worksheet writes from an estimate: its sentence, its alt text.

Standard library only, over plain rows (one dict per employee, with the
columns of :func:`customer_focus.tools.replacement_cost.table.compare_employees`):
the notebook's form (:mod:`.form`, which passes its table's records) and the
book's page (:mod:`.page`) write the same words from here.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

from ...core.formats import cents
from ...core.messages import Messages
from ..turnover_cost.describe import CATEGORY_COLORS
from . import calc

__all__ = ["LINE_COLORS", "bad_covers", "as_row", "headline", "cost_sentence", "cost_chart"]

#: One color per line: the turnover worksheet's, and one for the customers who may follow
#: (for the notebook's chart and the page's alike).
LINE_COLORS = {**CATEGORY_COLORS, "customers_who_may_follow": "#56B4E9"}

_ = Messages("tools.replacement_cost")

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
