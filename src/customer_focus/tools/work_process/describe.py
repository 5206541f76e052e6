"""What the work process worksheet writes from an analysis: the summary, the list, the alt text.

Standard library only, over plain rows (one dict per step, with the columns
of :func:`customer_focus.tools.work_process.calc.analyze`): the notebook's
form (:mod:`.form`, which passes its table's records) and the book's page
(:mod:`.page`) write the same words from here.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

from ...core import saving
from ...core.formats import percent
from ...core.messages import N_, Messages, Np_
from . import calc

__all__ = [
    "no_description_column", "undescribed", "zero_minutes", "minutes", "summary_rows",
    "improvement_rows", "IMPROVEMENT_HEADINGS", "process_chart",
    "excel_line", "saved_line",
]

_ = Messages("tools.work_process")
n_ = _.plural

Row = Mapping[str, Any]

#: The headings of the improvement list, in order (the first is its index in the notebook);
#: in English, said through the catalog where only shown.
IMPROVEMENT_HEADINGS = (
    N_("Priority"), N_("Step no."), N_("Step"), N_("Minutes"), N_("Share of the time"),
    N_("Adds value"), N_("Fail point"), N_("What goes wrong"), N_("What to do"),
)


def no_description_column(source: str, count: int) -> str:
    """The message for a file with fail points but no ``what_goes_wrong`` column."""
    return n_(
        "{source}: {count} step(s) are marked as fail points, but there is no "
        "'what_goes_wrong' column. Add it and describe, for each fail point, what goes wrong.",
        "{source}: {count} step(s) are marked as fail points, but there is no "
        "'what_goes_wrong' column. Add it and describe, for each fail point, what goes wrong.",
        count,
    ).format(source=source, count=count)


def undescribed(places: Sequence[str]) -> str:
    """The message for fail points without what goes wrong, at ``places`` (the first five named).

    Examples
    --------
    >>> undescribed(["a.csv line 2"])[-37:]
    'or mark the step as not a fail point.'
    """
    return _(
        "column 'what_goes_wrong' must say what goes wrong at every fail point; it is empty "
        "at {places}{more}. Describe it in a few words, or mark the step as not a fail point."
    ).format(places=_(", ").join(places[:5]), more=_(" and more") if len(places) > 5 else "")


def zero_minutes(source: str) -> str:
    """The message for a file whose steps add up to 0 minutes."""
    return _(
        "{source}: the steps add up to 0 minutes. Write each step's elapsed time, waiting "
        "included."
    ).format(source=source)


def minutes(value: float) -> str:
    """Minutes rounded to one decimal, without trailing zeros.

    Examples
    --------
    >>> minutes(95.0), minutes(12.25)
    ('95', '12.2')
    """
    return f"{round(float(value), 1):g}"


def summary_rows(summary: Mapping[str, float]) -> list[tuple[str, str]]:
    """The process summary (:func:`.calc.summary`) as (measure, value) pairs for reading.

    Examples
    --------
    >>> summary_rows({"steps": 2, "total_minutes": 120.0, "value_added_minutes": 90.0,
    ...     "value_added_share": 0.75, "non_value_added_minutes": 30.0, "fail_points": 0,
    ...     "steps_to_improve": 1})[2]
    ('Time that adds value for the customer', '90 min (75.0%)')
    """
    rows = [
        (_("Steps"), f"{int(summary['steps'])}"),
        (_("Total time"), _minutes(summary["total_minutes"])),
        (
            _("Time that adds value for the customer"),
            _("{minutes} min ({share})").format(
                minutes=minutes(summary["value_added_minutes"]),
                share=f"{summary['value_added_share']:.1%}"),
        ),
        (_("Time that adds no value"), _minutes(summary["non_value_added_minutes"])),
        (_("Fail points"), f"{int(summary['fail_points'])}"),
        (_("Steps on the improvement list"), f"{int(summary['steps_to_improve'])}"),
    ]
    if "customer_minutes" in summary:
        rows.append((_("Time in steps the customer sees"), _minutes(summary["customer_minutes"])))
    return rows


def _minutes(value: float) -> str:
    """Minutes with their unit, ``95 min``."""
    return _("{minutes} min").format(minutes=minutes(value))


def _yes(value: object) -> str:
    return _("yes") if value else _("no")


def improvement_rows(listing: Sequence[Row]) -> list[tuple[str, ...]]:
    """The improvement list written for reading, one tuple per step (:data:`IMPROVEMENT_HEADINGS`).

    ``listing`` holds the analyzed steps in the order to improve them
    (:func:`.calc.improvement_order`), each with ``priority``.

    Examples
    --------
    >>> row = {"priority": 1, "order": 3, "step": "Wait", "minutes": 30.0,
    ...        "share_of_time": 0.25, "adds_value": False, "fail_point": False,
    ...        "what_goes_wrong": ""}
    >>> improvement_rows([row])[0][:6]
    ('1', '3', 'Wait', '30', '25.0%', 'no')
    """
    return [
        (
            str(int(row["priority"])), str(int(row["order"])), str(row["step"]),
            minutes(row["minutes"]), percent(row["share_of_time"], 1), _yes(row["adds_value"]),
            _yes(row["fail_point"]), str(row["what_goes_wrong"]),
            calc.action(bool(row["adds_value"]), bool(row["fail_point"])),
        )
        for row in listing
    ]


def process_chart(analysis: Sequence[Row], summary: Mapping[str, float]) -> str:
    """Alt text for the process chart, from the analyzed steps and their summary.

    Examples
    --------
    >>> steps = calc.analyze([
    ...     {"step": "Wait", "minutes": 30, "adds_value": "no", "fail_point": "no"},
    ...     {"step": "Repair", "minutes": 90, "adds_value": "yes", "fail_point": "no"}])
    >>> process_chart(steps, calc.summary(steps))[:46]
    'Horizontal bar chart of 2 process steps in ord'
    """
    waste = sorted(
        (row for row in analysis if not row["adds_value"]),
        key=lambda row: (-float(row["minutes"]), row["order"]),
    )
    fails = [row for row in analysis if row["fail_point"]]
    text = _(
        "Horizontal bar chart of {count} process steps in order, from "
        "{first} to {last}, with each bar's length in "
        "minutes. The process takes {total} minutes, of which "
        "{value_added} ({share}) add value for the customer."
    ).format(
        count=len(analysis), first=analysis[0]["step"], last=analysis[-1]["step"],
        total=minutes(summary["total_minutes"]),
        value_added=minutes(summary["value_added_minutes"]),
        share=f"{summary['value_added_share']:.0%}",
    )
    if waste:
        longest = waste[0]
        text += _(
            " {count} steps add no value; the longest is {step} ({minutes} minutes)."
        ).format(count=len(waste), step=longest["step"], minutes=minutes(longest["minutes"]))
    if not fails:
        text += _(" No step is marked as a fail point.")
    else:
        listed = _(", ").join(str(row["step"]) for row in fails)
        text += n_(
            " {count} fail point is marked with a cross: {steps}.",
            " {count} fail points are marked with a cross: {steps}.",
            len(fails),
        ).format(count=len(fails), steps=listed)
    return text

#: The worksheet's closing lines: what it saved, and whether the Excel file matches.
saved_line, excel_line = saving.lines(
    _, Np_("{count} step", "{count} steps")
)
