"""Improving work processes: walk a process as the customer, step by step.

A customer-friendly process asks as little effort of the customer as possible
and has as few points as possible where things can go wrong (the course's
chapter *Delivering value*, "Customer-friendly processes"). The functions here
take a process written down as ordered steps and answer three questions:

* How long does the whole process take, and how much of that time adds value
  for the customer? (:func:`analyze`, :func:`summary`)
* Where are the fail points, the steps where things often go wrong?
* Where to improve first: the steps that add no value, longest first (remove,
  shorten or run them in parallel), and every fail point (make it
  fail-safe). (:func:`improvement_order`, :func:`improvement`)

No statistics are involved: the numbers are sums of the minutes you write
down, and what "adds value" means is your team's judgment, made from the
customer's side. A step adds value when the customer would pay for it or
would notice if it were gone (the repair itself, not the wait for a bay).

Standard library only, and plain values in and out: a step is a dict with
``step``, ``minutes``, ``adds_value``, ``fail_point`` and, for a fail point,
``what_goes_wrong`` (optionally ``customer_sees``). Every value is checked
against its description in ``work_process.yml`` (read here from its JSON
twin); yes/no answers accept ``yes``/``no``, ``y``/``n``, ``true``/``false``
and ``1``/``0``, in any capitals. The learner's file is read by
:mod:`customer_focus.tools.work_process.table`.
"""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence
from typing import Any

from ...core.fields import load_example, load_fields
from ...core.messages import N_, Messages
from ...core.validation import InputError

__all__ = [
    "FIELDS", "REMOVE", "FAIL_SAFE", "improvement", "action", "analyze", "summary",
    "improvement_order", "course_example",
]

_ = Messages("tools.work_process")

#: The tool's inputs, as ``work_process.yml`` describes them.
FIELDS = load_fields(__package__, "work_process.json")

#: What to do with a step that adds no value for the customer (said through the catalog).
REMOVE = N_("Remove it, shorten it, or run it alongside another step.")
#: What to do with a fail point (said through the catalog).
FAIL_SAFE = N_(
    "Make it fail-safe: a check, a standard or a confirmation that catches the problem before "
    "the customer does."
)


def improvement(
    adds_value: object, fail_point: object, what_goes_wrong: str, minutes: float, share: float
) -> str:
    """Why and how to improve one step, or ``""`` when it adds value and is not a fail point.

    Parameters
    ----------
    adds_value, fail_point : bool or str
        Whether the step adds value for the customer, and whether things often go
        wrong there (yes/no answers).
    what_goes_wrong : str
        For a fail point, what goes wrong, in a few words.
    minutes : float
        The step's elapsed time, waiting included.
    share : float
        The step's share of the process's time, as a decimal.

    Examples
    --------
    >>> improvement("no", "no", "", 30, 0.25)
    'No value for the customer (30 min, 25% of the time). Remove it, shorten it, or run it...'
    >>> improvement("yes", "yes", "Part missing.", 90, 0.75)[:52]
    'Fail point: Part missing. Make it fail-safe: a check'
    """
    parts = []
    if not FIELDS["adds_value"].check(adds_value):
        time = FIELDS["minutes"].check(minutes)
        part = FIELDS["share_of_time"].check(share)
        parts.append(_(
            "No value for the customer ({minutes} min, {share} of the time). {advice}"
        ).format(minutes=f"{time:g}", share=f"{part:.0%}", advice=_(REMOVE)))
    if FIELDS["fail_point"].check(fail_point):
        wrong = FIELDS["what_goes_wrong"].check(what_goes_wrong)
        parts.append(_("Fail point: {what_goes_wrong}. {advice}").format(
            what_goes_wrong=wrong.rstrip("."), advice=_(FAIL_SAFE)))
    return " ".join(parts)


def action(adds_value: object, fail_point: object) -> str:
    """What to do with a step on the improvement list, in a few words.

    Examples
    --------
    >>> action("no", "yes")
    'Remove or shorten it, and make it fail-safe'
    """
    adds, fails = FIELDS["adds_value"].check(adds_value), FIELDS["fail_point"].check(fail_point)
    if not adds and fails:
        return _("Remove or shorten it, and make it fail-safe")
    if fails:
        return _("Make it fail-safe")
    return _("Remove it, shorten it, or run it alongside another step")


def _checked(steps: Sequence[Mapping[str, Any]]) -> list[dict[str, Any]]:
    """Every step with its values checked, or an ``InputError`` naming the step."""
    return FIELDS.check_rows(
        steps, ["minutes", "adds_value", "fail_point"], optional=["customer_sees"], item="step"
    )


def _total(steps: list[dict[str, Any]]) -> float:
    """The process's minutes, or an ``InputError`` when they add up to 0."""
    total = math.fsum(step["minutes"] for step in steps)
    if total <= 0:
        raise InputError(
            "minutes",
            _("the steps add up to 0 minutes. Write each step's elapsed time, waiting included."),
        )
    return total


def analyze(steps: Sequence[Mapping[str, Any]]) -> list[dict[str, Any]]:
    """Each step of a process with its timing, its share of the time and what to improve.

    Parameters
    ----------
    steps : list of dict
        One dict per step, in the order they happen, with ``minutes`` (0 or
        more), ``adds_value`` and ``fail_point`` (yes/no), ``what_goes_wrong``
        for a fail point, and any other keys (kept).

    Returns
    -------
    list of dict
        The steps with their yes/no answers as True/False, plus ``order`` (1,
        2, ...), ``start_minute`` and ``end_minute`` (elapsed time since the
        process began, one step after another), ``share_of_time`` (the step's
        minutes as a decimal share of the total) and ``to_improve``
        (:func:`improvement`).

    Raises
    ------
    InputError
        When a value is not usable (the message names the step), or the
        steps add up to 0 minutes.

    Examples
    --------
    >>> rows = analyze([{"minutes": 30, "adds_value": "no", "fail_point": "no"},
    ...                 {"minutes": 90, "adds_value": "yes", "fail_point": "no"}])
    >>> [(row["start_minute"], row["share_of_time"]) for row in rows]
    [(0.0, 0.25), (30.0, 0.75)]
    """
    checked = _checked(steps)
    total = _total(checked)
    analyzed, end = [], 0.0
    for order, step in enumerate(checked, start=1):
        start, end = end, end + step["minutes"]
        share = step["minutes"] / total
        to_improve = improvement(
            step["adds_value"], step["fail_point"], step.get("what_goes_wrong", ""),
            step["minutes"], share,
        )
        analyzed.append({
            **step, "order": order, "start_minute": start, "end_minute": end,
            "share_of_time": share, "to_improve": to_improve,
        })
    return analyzed


def summary(steps: Sequence[Mapping[str, Any]]) -> dict[str, float]:
    """The process at a glance: total time, value-added time and share, fail points.

    Parameters
    ----------
    steps : list of dict
        As for :func:`analyze`.

    Returns
    -------
    dict
        ``steps`` (number of steps), ``total_minutes``,
        ``value_added_minutes``, ``value_added_share`` (a decimal),
        ``non_value_added_minutes``, ``fail_points`` (number of fail points)
        and ``steps_to_improve`` (steps that add no value or are fail points);
        when every step says whether the customer sees it (``customer_sees``),
        also ``customer_minutes`` (time in steps the customer sees or takes
        part in).

    Examples
    --------
    >>> summary([{"minutes": 30, "adds_value": "no", "fail_point": "no"},
    ...          {"minutes": 90, "adds_value": "yes", "fail_point": "no"}])["value_added_share"]
    0.75
    """
    checked = _checked(steps)
    total = _total(checked)
    value_added = math.fsum(step["minutes"] for step in checked if step["adds_value"])
    result: dict[str, float] = {
        "steps": len(checked),
        "total_minutes": total,
        "value_added_minutes": value_added,
        "value_added_share": value_added / total,
        "non_value_added_minutes": total - value_added,
        "fail_points": sum(1 for step in checked if step["fail_point"]),
        "steps_to_improve": sum(
            1 for step in checked if not step["adds_value"] or step["fail_point"]
        ),
    }
    if all("customer_sees" in step for step in checked):
        result["customer_minutes"] = math.fsum(
            step["minutes"] for step in checked if step["customer_sees"]
        )
    return result


def improvement_order(steps: Sequence[Mapping[str, Any]]) -> list[int]:
    """The positions (from 0) of the steps to improve, in the order to improve them.

    Every step that adds no value for the customer comes first, ranked by its
    minutes (longest first; equal times in process order). Then every fail
    point that does add value, in process order, so that no fail point is
    left out.

    Examples
    --------
    >>> improvement_order([
    ...     {"minutes": 5, "adds_value": "no", "fail_point": "no"},
    ...     {"minutes": 30, "adds_value": "no", "fail_point": "no"},
    ...     {"minutes": 90, "adds_value": "yes", "fail_point": "yes"}])
    [1, 0, 2]
    """
    checked = _checked(steps)
    waste = sorted(
        (k for k, step in enumerate(checked) if not step["adds_value"]),
        key=lambda k: (-checked[k]["minutes"], k),
    )
    failing = [k for k, step in enumerate(checked) if step["adds_value"] and step["fail_point"]]
    return waste + failing


def course_example() -> dict[str, Any]:
    """The worked example of ``work_process.yml``: a van's visit to a car-service workshop,
    step by step (the course's invented numbers), its texts in the language the package
    speaks.

    Examples
    --------
    >>> [step["minutes"] for step in course_example()["steps"]]
    [6, 8, 95, 35, 90, 60]
    """
    return load_example(__package__, FIELDS, "work_process.json")
