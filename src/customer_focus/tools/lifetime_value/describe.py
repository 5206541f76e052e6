"""Alt text for the lifetime value charts, written from the same rows the charts draw.

Standard library only: the notebook's matplotlib charts (:mod:`.form`) and the
SVG charts of the book's page (:mod:`.page`) take their alt text from here.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from ...core import saving
from ...core.formats import cents, percent
from ...core.messages import Messages, Np_
from . import calc

_ = Messages("tools.lifetime_value")
n_ = _.plural

__all__ = ["cumulative_value", "comparison", "value_lines", "saved_line"]


def cumulative_value(
    schedule: Sequence[Mapping[str, float]], lifetime_total: float | None = None
) -> str:
    """Alt text for the chart of cumulative present value by year.

    Parameters
    ----------
    schedule : sequence of dict
        The rows of :func:`customer_focus.tools.lifetime_value.calc.schedule`.
    lifetime_total : float, optional
        The lifetime value over all years, drawn as a dashed line.

    Examples
    --------
    >>> from customer_focus.tools.lifetime_value import calc
    >>> cumulative_value(calc.schedule(100, 0.8, 0.1, years=2))[:40]
    'Bar chart of present value by year, year'
    """
    first, last = schedule[0], schedule[-1]
    text = _(
        "Bar chart of present value by year, years {first} to {last}. Each year's present value "
        "goes from {first_value} to {last_value}; the cumulative value reaches {cumulative}."
    ).format(
        first=int(first["year"]), last=int(last["year"]),
        first_value=cents(first["present_value"]), last_value=cents(last["present_value"]),
        cumulative=cents(last["cumulative_value"]),
    )
    if lifetime_total is not None:
        text += _(" A dashed line marks the lifetime value over all years, {total}.").format(
            total=cents(lifetime_total))
    return text


def comparison(rows: Sequence[Mapping[str, object]]) -> str:
    """Alt text for the chart comparing customers' lifetime value and net value.

    Parameters
    ----------
    rows : sequence of dict
        One per customer, with ``customer``, ``lifetime_value`` and ``net_value``.

    Examples
    --------
    >>> comparison([{"customer": "A", "lifetime_value": 300.0, "net_value": 100.0},
    ...             {"customer": "B", "lifetime_value": 50.0, "net_value": -20.0}])[-45:]
    'The lowest is B, at −$20.00; 1 is below zero.'
    """
    best = max(rows, key=lambda row: row["net_value"])
    worst = min(rows, key=lambda row: row["net_value"])
    negative = sum(1 for row in rows if row["net_value"] < 0)
    return _(
        "Horizontal bar chart of the lifetime value and the net value of {count} customers, in "
        "the order of the table. The highest net value is {best}'s, {best_value}. "
    ).format(count=len(rows), best=best["customer"], best_value=cents(best["net_value"])) + n_(
        "The lowest is {worst}, at {worst_value}; {negative} is below zero.",
        "The lowest is {worst}, at {worst_value}; {negative} are below zero.",
        negative,
    ).format(worst=worst["customer"], worst_value=cents(worst["net_value"]), negative=negative)


def value_lines(margin: float, retention: float, discount_rate: float) -> list[str]:
    """The worksheet's first results, one line each: the lifetime value, its margin multiple,
    and the undiscounted shortcut (margin × expected life) it corrects.

    Parameters
    ----------
    margin, retention, discount_rate : float
        As for :func:`customer_focus.tools.lifetime_value.calc.lifetime_value`.

    Examples
    --------
    >>> for line in value_lines(100, 0.8, 0.1):
    ...     print(line)
    Lifetime value: $266.67
    Margin multiple: 2.67 years of margin
    Undiscounted shortcut, margin × expected life: $500.00, 88% more than the lifetime value
    """
    value = calc.lifetime_value(margin, retention, discount_rate)
    multiple = calc.margin_multiple(retention, discount_rate)
    shortcut = margin / (1 - retention)
    lines = [
        _("Lifetime value: {value}").format(value=cents(value)),
        _("Margin multiple: {multiple:.2f} years of margin").format(multiple=multiple),
    ]
    if value > 0:
        lines.append(_(
            "Undiscounted shortcut, margin × expected life: {shortcut}, {more} more than the "
            "lifetime value").format(
                shortcut=cents(shortcut), more=percent(shortcut / value - 1, 0)))
    else:
        lines.append(_("Undiscounted shortcut, margin × expected life: {shortcut}").format(
            shortcut=cents(shortcut)))
    return lines

#: The worksheet's closing line: what it saved, and where.
saved_line = saving.lines(_, Np_("{count} customer", "{count} customers"))[0]
