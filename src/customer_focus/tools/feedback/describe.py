"""What the feedback chart shows, in words and numbers, from the counts of each answer.

Standard library only: the notebook's matplotlib chart (:mod:`.form`) and the
SVG chart of the book's page (:mod:`.page`) draw the same panels, with the
same titles and the same alt text, from here.
"""

from __future__ import annotations

import functools
from collections.abc import Mapping, Sequence

from ...core import saving
from ...core.messages import N_, Messages, Np_
from . import calc

_ = Messages("tools.feedback")
n_ = _.plural

__all__ = [
    "MAX_PANELS", "GROUP_COLORS", "GROUP_LABELS", "ALL_RESPONSES", "NOT_GIVEN", "NPS_QUESTION",
    "group_name", "group_label", "question_axis", "facts", "panels", "score_distribution",
    "panel_title", "score_head", "sentences", "nps_line", "excel_line", "saved_line",
]

#: The most groups the chart draws (the largest, in table order).
MAX_PANELS = 8

#: A group's name and its counts of each score from 0 to 10.
Group = tuple[str, Sequence[int]]

#: The group (a row of the summary) that covers every response.
ALL_RESPONSES = N_("All responses")

#: The group of responses whose segment cell is blank.
NOT_GIVEN = N_("(not given)")

#: Reichheld's (2003) question as the spec's ``score`` label writes it (marked here for the
#: catalog; a test keeps it equal to ``calc.NPS_QUESTION``).
NPS_QUESTION = N_("How likely is it that you would recommend [company X] to a friend or "
                  "colleague?")


def group_name(group: str) -> str:
    """A group's name as the reader sees it: the two groups the worksheet names in their language.

    Examples
    --------
    >>> group_name("All responses"), group_name("North")
    ('All responses', 'North')
    """
    return _(group) if group in (ALL_RESPONSES, NOT_GIVEN) else group


def question_axis() -> str:
    """The label of the axis of answers: the recommend question, quoted.

    Examples
    --------
    >>> question_axis()[:20]
    'Answer to “How likel'
    """
    question = _(NPS_QUESTION) if calc.NPS_QUESTION == NPS_QUESTION else calc.NPS_QUESTION
    return _("Answer to “{question}”").format(question=question)


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
            _("{group}: {total:,} responses, {promoters:.0%} promoters, {detractors:.0%} "
              "detractors, NPS {nps:+.0f}; most common answer {mode}.").format(
                group=group_name(group), total=found["total"], promoters=found["promoters"],
                detractors=found["detractors"], nps=found["nps"], mode=found["mode"])
        )
    kind = _("one panel per group") if len(drawn) > 1 else _("one panel")
    groups_said = functools.reduce(
        lambda text, more: _("{text} {more}").format(text=text, more=more), parts)
    text = _(
        "Bar chart of the share of answers at each score from 0 to 10, {kind}; detractors (0–6), "
        "passives (7–8) and promoters (9–10) in different colors. {groups}"
    ).format(kind=kind, groups=groups_said)
    if len(drawn) > 1 and len(set(scores)) == 1:
        text += _(
            " Every group has the same NPS, {nps:+d}, but the bars are spread differently."
        ).format(nps=scores[0])
    if len(groups) > len(drawn):
        text += _(" Only the {drawn} largest of {count} groups are drawn.").format(
            drawn=len(drawn), count=len(groups))
    return text


#: Bar colors of the three groups (keys of the course's palette, or colors).
GROUP_COLORS = {"detractor": "accent", "passive": "#8c8c8c", "promoter": "line"}

#: What the legend calls the three groups.
GROUP_LABELS = {
    "detractor": N_("Detractors (0–6)"), "passive": N_("Passives (7–8)"),
    "promoter": N_("Promoters (9–10)"),
}


def group_label(key: str) -> str:
    """What the legend calls a group (``"promoter"``), in the reader's language.

    Examples
    --------
    >>> group_label("passive")
    'Passives (7–8)'
    """
    return _(GROUP_LABELS[key])


def panel_title(group: str, counts: Sequence[int]) -> str:
    """A panel's title: the group, its NPS and its number of responses.

    Examples
    --------
    >>> panel_title("North", [0] * 9 + [2, 0])
    'North: NPS +100 (2 responses)'
    """
    found = facts(counts)
    return _("{group}: NPS {nps:+.0f} ({total:,} responses)").format(
        group=group_name(group), nps=found["nps"], total=found["total"])


def score_head(row: Mapping[str, float]) -> str:
    """The start of the score's sentence, which the worksheet sets in bold.

    Examples
    --------
    >>> score_head(calc.summary([0] * 9 + [1, 1]))
    'Net Promoter Score: +100'
    """
    return _("Net Promoter Score: {nps:+.0f}").format(nps=row["nps"])


def sentences(row: Mapping[str, float]) -> list[str]:
    """What the worksheet says of a summary row (:func:`.calc.summary`): the score, the ratings.

    Examples
    --------
    >>> sentences(calc.summary([0] * 9 + [1, 1]))[0][:41]
    'Net Promoter Score: +100 from 2 answers ('

    """
    said = [
        _("{head} from {count} answers ({promoters:.0%} promoters − {detractors:.0%} detractors; "
          "margin of error about ± {margin:.0f} points).").format(
            head=score_head(row), count=int(row["responses"]), promoters=row["promoter_share"],
            detractors=row["detractor_share"], margin=row["nps_margin"])
    ]
    if "satisfaction_mean" in row:
        said.append(
            _("Mean satisfaction {mean:.2f} out of 5; {top:.0%} gave the top box (5).").format(
                mean=row["satisfaction_mean"], top=row["top_box_share"])
        )
    return said


def nps_line(score: float) -> str:
    """The Net Promoter Score in a line, with its sign.

    Examples
    --------
    >>> nps_line(25.0)
    'Net Promoter Score: +25'
    """
    return _("Net Promoter Score: {nps:+.0f}").format(nps=score)

#: The worksheet's closing lines: what it saved, and whether the Excel file matches.
saved_line, excel_line = saving.lines(
    _, Np_("{count} row", "{count} rows"),
    Np_("{count} response", "{count} responses"),
)
