"""Alt text for the satisfaction targets chart, written from the same rows the chart draws.

Standard library only: the notebook's matplotlib chart (:mod:`.form`) and the
SVG chart of the book's page (:mod:`.page`) take their alt text, legend, axis
label and the words of a flagged segment from here.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

from ...core import saving
from ...core.formats import dollars
from ...core.messages import N_, Messages, Np_

__all__ = [
    "LEGEND", "VALUE_LABEL", "by_priority", "flag_words", "yes_no", "segment_advice",
    "what_if_heading", "fleet_what_if", "excel_line", "saved_line",
    "targets_chart",
]

_ = Messages("tools.satisfaction_targets")
n_ = _.plural

#: The chart's legend, in the order of its parts (English; said through the catalog).
LEGEND = (
    N_("Held by totally satisfied customers now"),
    N_("Held by customers not yet totally satisfied"),
    N_("Where the split would be at your target"),
    N_("Do not spend: negative or tiny lifetime value"),
)

#: The chart's value axis (English; said through the catalog).
VALUE_LABEL = N_("Value at stake: customers × lifetime value per customer")

#: The words of a segment's flag (:func:`.calc.flag`), which the plan keeps in English.
_FLAGS = {"negative": N_("negative"), "tiny": N_("tiny")}


def flag_words(flag: str) -> str:
    """How a flagged segment is shown ("do not spend: tiny"), or ``""`` when not flagged.

    Examples
    --------
    >>> flag_words("tiny"), flag_words("")
    ('do not spend: tiny', '')
    """
    return _("do not spend: {flag}").format(flag=_(_FLAGS[flag])) if flag else ""


def yes_no(value: bool) -> str:
    """Whether customers can switch easily, as the tables show it.

    Examples
    --------
    >>> yes_no(True), yes_no(False)
    ('yes', 'no')
    """
    return _("yes") if value else _("no")


def segment_advice(segment: str, advice: str) -> str:
    """A segment's name and the advice on it (:func:`.calc.advice`), as one line.

    Examples
    --------
    >>> segment_advice("Fleet", "Priority 1.")
    'Fleet: Priority 1.'
    """
    return _("{segment}: {advice}").format(segment=segment, advice=advice)


def what_if_heading(gain: float, *, strong: bool = False) -> str:
    """The heading of the what-if for a retention ``gain`` (a decimal: 0.02 is two points).

    With ``strong``, the assumption is in ``<strong>`` (the notebook's form, in HTML).

    Examples
    --------
    >>> what_if_heading(0.02)
    'What-if, with your assumption of +2 points of retention: a calculation, not a forecast'
    """
    return _("{open}What-if, with your assumption of {points:+g} points of retention:{close} a "
             "calculation, not a forecast").format(
        points=gain * 100, open="<strong>" if strong else "",
        close="</strong>" if strong else "")


def by_priority(plan: Sequence[Mapping[str, Any]]) -> list[Mapping[str, Any]]:
    """The plan's rows in priority order (1 first), ties kept in the table's order.

    Examples
    --------
    >>> [row["segment"] for row in by_priority([{"segment": "B", "priority": 2},
    ...                                         {"segment": "A", "priority": 1}])]
    ['A', 'B']
    """
    return sorted(plan, key=lambda row: row["priority"])


def targets_chart(plan: Sequence[Mapping[str, Any]]) -> str:
    """Alt text for the chart of each segment's value at stake, split by today's top-box share.

    Parameters
    ----------
    plan : sequence of dict
        The rows of :func:`customer_focus.tools.satisfaction_targets.calc.plan`.

    Examples
    --------
    >>> from customer_focus.tools.satisfaction_targets import calc
    >>> targets_chart(calc.plan([{"segment": "Fleet", "customers": 90, "annual_margin": 15000,
    ...     "retention_rate": 0.88, "top_box_share": 0.15, "target_top_box_share": 0.5}]))[:52]
    'Horizontal bar chart of the value at stake in 1 segm'
    """
    ordered = by_priority(plan)
    parts = []
    for row in ordered:
        if row["flag"]:
            parts.append(_(
                "{segment}, flagged do not spend ({flag} lifetime value, {value} per customer): "
                "{stake} at stake"
            ).format(segment=row["segment"], flag=_(_FLAGS[row["flag"]]),
                     value=dollars(row["lifetime_value"]), stake=dollars(row["value_at_stake"])))
        else:
            parts.append(_(
                "priority {priority}, {segment}: {stake} at stake, {now:.0%} totally satisfied "
                "now, target {target:.0%}, {not_yet} held by customers not yet totally satisfied"
            ).format(priority=int(row["priority"]), segment=row["segment"],
                     stake=dollars(row["value_at_stake"]), now=row["top_box_share"],
                     target=row["target_top_box_share"],
                     not_yet=dollars(row["value_not_totally_satisfied"])))
    return n_(
        "Horizontal bar chart of the value at stake in {count} segment, each bar split into the "
        "value held by totally satisfied customers and the rest, with a diamond at the target. "
        "In priority order: {parts}.",
        "Horizontal bar chart of the value at stake in {count} segments, each bar split into the "
        "value held by totally satisfied customers and the rest, with a diamond at the target. "
        "In priority order: {parts}.",
        len(ordered),
    ).format(count=len(ordered), parts=_("; ").join(parts))


def fleet_what_if(fleets: Mapping[str, Any], gain: float) -> str:
    """What a retention ``gain`` adds to Crossroads's fleet accounts (the worksheet's example).

    Parameters
    ----------
    fleets : mapping
        The fleet accounts' row of :func:`.table.what_if_retention`, with
        ``gain_per_customer`` and ``gain_for_segment``.
    gain : float
        The retention gain assumed, a decimal (0.02 is two points).

    Examples
    --------
    >>> fleet_what_if({"gain_per_customer": 7500, "gain_for_segment": 150000}, 0.02)
    "2 more points of retention would add $7,500 to each fleet account's lifetime value, \
$150,000 across the segment."
    """
    return _("{points:g} more points of retention would add {per_customer} to each fleet "
             "account's lifetime value, {segment_total} across the segment.").format(
        points=gain * 100, per_customer=dollars(fleets["gain_per_customer"]),
        segment_total=dollars(fleets["gain_for_segment"]))

#: The worksheet's closing lines: what it saved, and whether the Excel file matches.
saved_line, excel_line = saving.lines(
    _, Np_("{count} segment", "{count} segments")
)
