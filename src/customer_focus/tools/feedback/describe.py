"""What the feedback chart shows, in words and numbers, from the counts of each answer.

Standard library only: the notebook's matplotlib chart (:mod:`.form`) and the
SVG chart of the book's page (:mod:`.page`) draw the same panels, with the
same titles and the same alt text, from here.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from . import calc

__all__ = [
    "MAX_PANELS", "GROUP_COLORS", "GROUP_LABELS", "facts", "panels", "score_distribution",
    "panel_title", "sentences",
]

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


#: Bar colors of the three groups (keys of the course's palette, or colors).
GROUP_COLORS = {"detractor": "accent", "passive": "#8c8c8c", "promoter": "line"}

#: What the legend calls the three groups.
GROUP_LABELS = {
    "detractor": "Detractors (0–6)", "passive": "Passives (7–8)", "promoter": "Promoters (9–10)",
}


def panel_title(group: str, counts: Sequence[int]) -> str:
    """A panel's title: the group, its NPS and its number of responses.

    Examples
    --------
    >>> panel_title("North", [0] * 9 + [2, 0])
    'North: NPS +100 (2 responses)'
    """
    found = facts(counts)
    return f"{group}: NPS {found['nps']:+.0f} ({found['total']:,} responses)"


def sentences(row: Mapping[str, float]) -> list[str]:
    """What the worksheet says of a summary row (:func:`.calc.summary`): the score, the ratings.

    Examples
    --------
    >>> sentences(calc.summary([0] * 9 + [1, 1]))[0][:41]
    'Net Promoter Score: +100 from 2 answers ('

    """
    said = [
        f"Net Promoter Score: {row['nps']:+.0f} from {int(row['responses'])} answers "
        f"({row['promoter_share']:.0%} promoters − {row['detractor_share']:.0%} detractors; "
        f"margin of error about ± {row['nps_margin']:.0f} points)."
    ]
    if "satisfaction_mean" in row:
        said.append(
            f"Mean satisfaction {row['satisfaction_mean']:.2f} out of 5; "
            f"{row['top_box_share']:.0%} gave the top box (5)."
        )
    return said
