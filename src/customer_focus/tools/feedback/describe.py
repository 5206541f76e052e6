"""What the feedback chart shows, in words and numbers, from the counts of each answer.

Standard library only: the notebook's matplotlib chart (:mod:`.form`) and the
SVG chart of the book's page (:mod:`.page`) draw the same panels, with the
same titles and the same alt text, from here.
"""

from __future__ import annotations

from collections.abc import Sequence

from . import calc

__all__ = ["MAX_PANELS", "facts", "panels", "score_distribution"]

#: The most groups the chart draws (the largest, in table order).
MAX_PANELS = 8

#: A group's name and its counts of each score from 0 to 10.
Group = tuple[str, Sequence[int]]


def facts(counts: Sequence[int]) -> dict[str, float]:
    """A group's total, NPS, shares of promoters and detractors and most common answer.

    Examples
    --------
    >>> facts([1, 0, 0, 0, 0, 0, 0, 0, 0, 1, 2])["nps"]
    50.0
    """
    total = sum(counts)
    promoters, passives, detractors = calc.group_counts(counts)
    return {
        "total": total,
        "nps": calc.nps_from_counts(promoters, passives, detractors) if total else 0.0,
        "promoters": promoters / total if total else 0.0,
        "detractors": detractors / total if total else 0.0,
        "mode": counts.index(max(counts)),
    }


def panels(groups: Sequence[Group]) -> list[Group]:
    """The groups the chart draws: all, or the :data:`MAX_PANELS` largest in table order.

    Examples
    --------
    >>> [name for name, _ in panels([(str(k), [k]) for k in range(10)])]
    ['2', '3', '4', '5', '6', '7', '8', '9']
    """
    if len(groups) <= MAX_PANELS:
        return list(groups)
    order = sorted(range(len(groups)), key=lambda k: -sum(groups[k][1]))[:MAX_PANELS]
    return [groups[k] for k in sorted(order)]


def score_distribution(groups: Sequence[Group]) -> str:
    """Alt text for the chart of the share of answers at each score, one panel per group.

    Examples
    --------
    >>> score_distribution([("All responses", [1, 0, 0, 0, 0, 0, 0, 0, 0, 1, 1])])[:35]
    'Bar chart of the share of answers a'
    """
    drawn = panels(groups)
    parts, scores = [], []
    for group, counts in drawn:
        found = facts(counts)
        scores.append(round(found["nps"]))
        parts.append(
            f"{group}: {found['total']:,} responses, {found['promoters']:.0%} promoters, "
            f"{found['detractors']:.0%} detractors, NPS {found['nps']:+.0f}; most common answer "
            f"{found['mode']}."
        )
    kind = "one panel per group" if len(drawn) > 1 else "one panel"
    text = (
        f"Bar chart of the share of answers at each score from 0 to 10, {kind}; detractors (0–6), "
        f"passives (7–8) and promoters (9–10) in different colors. " + " ".join(parts)
    )
    if len(drawn) > 1 and len(set(scores)) == 1:
        text += (
            f" Every group has the same NPS, {scores[0]:+d}, but the bars are spread differently."
        )
    if len(groups) > len(drawn):
        text += f" Only the {len(drawn)} largest of {len(groups)} groups are drawn."
    return text
