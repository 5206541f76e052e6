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
from ..turnover_cost.describe import CATEGORY_COLORS
from . import calc

__all__ = ["LINE_COLORS", "as_row", "headline", "cost_sentence", "cost_chart"]

#: One color per line: the turnover worksheet's, and one for the customers who may follow
#: (for the notebook's chart and the page's alike).
LINE_COLORS = {**CATEGORY_COLORS, "customers_who_may_follow": "#56B4E9"}

Row = Mapping[str, Any]


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
    return f"Losing {cost.employee} would cost about {cents(cost.total)}"


def cost_sentence(cost: calc.ReplacementCost) -> str:
    """The estimate in a sentence: the total, the employee costs and the customers.

    Examples
    --------
    >>> cost_sentence(calc.cost_of_losing(**calc.course_example()))[:60]
    'Losing Maria (senior account manager) would cost about $137,'
    """
    customers = (
        f"and {cents(cost.customer_value_at_risk)} of customer lifetime value if "
        f"{cost.share_who_follow:.0%} of the {cost.customers_at_risk:,.0f} customers "
        f"at risk follow ({cost.customers_expected_to_follow:,.1f} customers worth "
        f"{cents(cost.customer_lifetime_value)} each). That share is your own assumption."
        if cost.customers_at_risk > 0
        else "and no customers at risk."
    )
    return (
        f"{headline(cost)} ({cost.share_of_pay:.0%} of yearly pay of "
        f"{cents(cost.annual_pay)}): {cents(cost.employee_costs)} in employee costs {customers}"
    )


def cost_chart(rows: Sequence[Row]) -> str:
    """Alt text for the chart of the cost of losing each employee, by line.

    Examples
    --------
    >>> cost_chart([as_row(calc.cost_of_losing(**calc.course_example()))])[:40]
    'Stacked bar chart of the cost of losing '
    """
    labels = {name: label.lower() for name, (label, _) in calc.CATEGORIES.items()}
    if len(rows) == 1:
        row = rows[0]
        parts = ", ".join(f"{labels[name]} {cents(float(row[name]))}" for name in labels)
        return (
            f"Stacked bar chart of the cost of losing {row['employee']}: "
            f"{cents(float(row['total']))} in all, {float(row['share_of_pay']):.0%} of yearly pay. "
            f"Employee costs are "
            f"{cents(float(row['employee_costs']))} and the customers who may follow (hatched) add "
            f"{cents(float(row['customers_who_may_follow']))}. The lines are {parts}."
        )
    costliest = max(rows, key=lambda row: float(row["total"]))
    cheapest = min(rows, key=lambda row: float(row["total"]))
    with_customers = [row["employee"] for row in rows if float(row["customers_who_may_follow"]) > 0]
    customer_share = (sum(float(row["customers_who_may_follow"]) for row in rows)
                      / sum(float(row["total"]) for row in rows))
    text = (
        f"Stacked bar chart of the cost of losing each of {len(rows)} employees, split into "
        f"{', '.join(labels.values())}. The costliest loss is {costliest['employee']} at "
        f"{cents(float(costliest['total']))} ({float(costliest['share_of_pay']):.0%} of pay); the "
        f"least costly is {cheapest['employee']} at {cents(float(cheapest['total']))}. "
    )
    if with_customers:
        text += (
            f"Customers who may follow (hatched) appear for {', '.join(map(str, with_customers))} "
            f"and make up {customer_share:.0%} of all the costs shown."
        )
    else:
        text += "No customers are at risk in this table."
    return text
