"""What the turnover cost worksheet writes from an estimate: its sentence, its alt text.

Standard library only, over plain rows (one dict per job, with the columns
of :func:`customer_focus.tools.turnover_cost.table.compare_jobs`): the
notebook's form (:mod:`.form`, which passes its table's records) and the
book's page (:mod:`.page`) write the same words from here.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

from ...core import saving
from ...core.formats import cents, money, percent
from ...core.messages import Messages, Np_
from . import calc

_ = Messages("tools.turnover_cost")
n_ = _.plural

__all__ = ["CATEGORY_COLORS", "median", "as_row", "cost_sentence", "cost_chart",
           "learning_curve_line", "departure_line", "excel_line", "saved_line"]

#: One color per line (Okabe & Ito's palette, distinguishable with color-blindness),
#: for the notebook's chart and the page's alike.
CATEGORY_COLORS = {
    "separation": "#0072B2",
    "vacancy": "#E69F00",
    "replacement": "#009E73",
    "training": "#CC79A7",
    "learning_curve": "#D55E00",
}

Row = Mapping[str, Any]


def median() -> str:
    """Boushey & Glynn's median share of salary, as the chart and the texts write it.

    Examples
    --------
    >>> median()
    '21%'
    """
    return percent(calc.BOUSHEY_GLYNN_MEDIAN)


def as_row(cost: calc.TurnoverCost, job: str) -> dict[str, Any]:
    """The estimate as one plain row with the columns of the notebook's jobs table.

    Examples
    --------
    >>> round(as_row(calc.turnover_cost(**calc.course_example()), "Agent")["total"], 2)
    9453.85
    """
    row: dict[str, Any] = {"job": job, "salary": cost.salary}
    row.update({name: cost.amount(name) for name in calc.CATEGORIES})
    row.update({"total": cost.total, "share_of_salary": cost.share_of_salary})
    return row


def cost_sentence(cost: calc.TurnoverCost) -> str:
    """The estimate in a sentence, with the published median for reference.

    Examples
    --------
    >>> cost_sentence(calc.turnover_cost(**calc.course_example()))[:55]
    'Cost of one departure: $9,453.85, 26.3% of the $36,000.'
    """
    reference = cents(calc.BOUSHEY_GLYNN_MEDIAN * cost.salary)
    return _(
        "Cost of one departure: {total}, {share:.1%} of the {salary} salary. For reference, the "
        "typical (median) cost in Boushey & Glynn's (2012) review is {median} of salary: "
        "{reference} here. Customers who leave come on top."
    ).format(total=cents(cost.total), share=cost.share_of_salary, salary=cents(cost.salary),
             median=median(), reference=reference)


def cost_chart(rows: Sequence[Row], *, median_marker: bool = True) -> str:
    """Alt text for the chart of the cost of one departure by line, one bar per job.

    Examples
    --------
    >>> row = as_row(calc.turnover_cost(**calc.course_example()), "Agent")
    >>> cost_chart([row])[:45]
    'Stacked bar chart of the cost of one departur'
    """
    labels = {name: _(spec.label).lower() for name, spec in calc.CATEGORIES.items()}
    if len(rows) == 1:
        row = rows[0]
        parts = _(", ").join(
            _("{line} {amount}").format(line=labels[name], amount=cents(float(row[name])))
            for name in labels
        )
        text = _(
            "Stacked bar chart of the cost of one departure from {job}: {total} in all, "
            "{share:.1%} of the {salary} salary. The lines are {parts}."
        ).format(job=row["job"], total=cents(float(row["total"])),
                 share=float(row["share_of_salary"]), salary=cents(float(row["salary"])),
                 parts=parts)
        if median_marker:
            text += _(" A diamond marks Boushey & Glynn's median of {median} of salary, "
                      "{amount}.").format(
                median=median(), amount=cents(calc.BOUSHEY_GLYNN_MEDIAN * float(row["salary"])))
        return text
    by_share = sorted(rows, key=lambda row: -float(row["share_of_salary"]))
    high, low = by_share[0], by_share[-1]
    sums = {name: sum(float(row[name]) for row in rows) for name in labels}
    biggest = max(sums, key=lambda name: sums[name])
    costliest = max(rows, key=lambda row: float(row["total"]))
    text = _(
        "Stacked bar chart of the cost of one departure for {count} jobs, split into {lines}. "
        "The costliest departure is {costliest} at {amount}. As a share of salary, costs run "
        "from {low:.0%} ({low_job}) to {high:.0%} ({high_job}). Across all jobs the largest line "
        "is the {largest}."
    ).format(count=len(rows), lines=_(", ").join(labels.values()), costliest=costliest["job"],
             amount=cents(float(costliest["total"])), low=float(low["share_of_salary"]),
             low_job=low["job"], high=float(high["share_of_salary"]), high_job=high["job"],
             largest=labels[biggest])
    if median_marker:
        text += _(" Diamonds mark {median} of each salary, Boushey & Glynn's median.").format(
            median=median())
    return text


def learning_curve_line(salary: float, weeks: float, productivity: float) -> str:
    """The learning curve's cost worked out in a line: salary / 52 × weeks × (1 − productivity).

    ``productivity`` is the newcomer's average share of full output while learning.

    Examples
    --------
    >>> learning_curve_line(36000, 12, 0.5)
    'Learning curve: $36,000 / 52 × 12 weeks × (1 - 0.5) = $4,153.85'
    """
    return _("Learning curve: {salary} / 52 × {weeks} weeks × (1 - {productivity}) = {cost}"
             ).format(salary=money(salary), weeks=f"{weeks:g}", productivity=f"{productivity:g}",
                      cost=cents(calc.learning_curve_cost(salary, weeks, productivity)))


def departure_line(cost: calc.TurnoverCost) -> str:
    """The cost of one departure in a line, and its share of the salary.

    Examples
    --------
    >>> departure_line(calc.turnover_cost(**calc.course_example()))
    'Cost of one departure: $9,453.85, or 26.3% of the salary'
    """
    return _("Cost of one departure: {total}, or {share:.1%} of the salary").format(
        total=cents(cost.total), share=cost.share_of_salary)

#: The worksheet's closing lines: what it saved, and whether the Excel file matches.
saved_line, excel_line = saving.lines(
    _, Np_("{count} job", "{count} jobs"),
    Np_("{count} job", "{count} jobs"),
)
