"""Alt text for the satisfaction targets chart, written from the same rows the chart draws.

Standard library only: the notebook's matplotlib chart (:mod:`.form`) and the
SVG chart of the book's page (:mod:`.page`) take their alt text from here.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

from ...core.formats import dollars

__all__ = ["by_priority", "targets_chart"]


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
            parts.append(
                f"{row['segment']}, flagged do not spend ({row['flag']} lifetime value, "
                f"{dollars(row['lifetime_value'])} per customer): {dollars(row['value_at_stake'])} "
                "at stake"
            )
        else:
            parts.append(
                f"priority {int(row['priority'])}, {row['segment']}: "
                f"{dollars(row['value_at_stake'])} at stake, {row['top_box_share']:.0%} totally "
                f"satisfied now, target {row['target_top_box_share']:.0%}, "
                f"{dollars(row['value_not_totally_satisfied'])} held by customers not yet totally "
                "satisfied"
            )
    return (
        f"Horizontal bar chart of the value at stake in {len(ordered)} "
        f"segment{'s' if len(ordered) != 1 else ''}, each bar split into the value held by totally "
        "satisfied customers and the rest, with a diamond at the target. In priority order: "
        f"{'; '.join(parts)}."
    )
