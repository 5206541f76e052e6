"""What the work process worksheet writes from an analysis: the summary, the list, the alt text.

Standard library only, over plain rows (one dict per step, with the columns
of :func:`customer_focus.tools.work_process.calc.analyze`): the notebook's
form (:mod:`.form`, which passes its table's records) and the book's page
(:mod:`.page`) write the same words from here.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

from ...core.formats import percent
from . import calc

__all__ = ["minutes", "summary_rows", "improvement_rows", "IMPROVEMENT_HEADINGS", "process_chart"]

Row = Mapping[str, Any]

#: The headings of the improvement list, in order (the first is its index in the notebook).
IMPROVEMENT_HEADINGS = (
    "Priority", "Step no.", "Step", "Minutes", "Share of the time", "Adds value", "Fail point",
    "What goes wrong", "What to do",
)


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
        ("Steps", f"{int(summary['steps'])}"),
        ("Total time", f"{minutes(summary['total_minutes'])} min"),
        (
            "Time that adds value for the customer",
            f"{minutes(summary['value_added_minutes'])} min ({summary['value_added_share']:.1%})",
        ),
        ("Time that adds no value", f"{minutes(summary['non_value_added_minutes'])} min"),
        ("Fail points", f"{int(summary['fail_points'])}"),
        ("Steps on the improvement list", f"{int(summary['steps_to_improve'])}"),
    ]
    if "customer_minutes" in summary:
        rows.append(("Time in steps the customer sees", f"{minutes(summary['customer_minutes'])} "
                     "min"))
    return rows


def _yes(value: object) -> str:
    return "yes" if value else "no"


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
    text = (
        f"Horizontal bar chart of {len(analysis)} process steps in order, from "
        f"{analysis[0]['step']} to {analysis[-1]['step']}, with each bar's length in "
        f"minutes. The process takes {minutes(summary['total_minutes'])} minutes, of which "
        f"{minutes(summary['value_added_minutes'])} ({summary['value_added_share']:.0%}) add "
        "value for the customer."
    )
    if waste:
        longest = waste[0]
        text += (
            f" {len(waste)} steps add no value; the longest is {longest['step']} "
            f"({minutes(longest['minutes'])} minutes)."
        )
    if not fails:
        text += " No step is marked as a fail point."
    else:
        listed = ", ".join(str(row["step"]) for row in fails)
        marked = "fail points are" if len(fails) > 1 else "fail point is"
        text += f" {len(fails)} {marked} marked with a cross: {listed}."
    return text
