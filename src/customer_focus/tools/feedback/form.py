"""The customer feedback worksheet's live form, its summary for reading and its chart.

The form takes the answers pasted into two boxes; the chart draws the share of
answers at each score, one panel per group, so that two groups with the same
Net Promoter Score can be seen to differ (:func:`describe_score_distribution`
writes its alt text). The sums are :mod:`.calc`'s and :mod:`.table`'s.
"""

from __future__ import annotations

from html import escape
from typing import Any

import ipywidgets as w
import pandas as pd
from IPython.display import HTML
from matplotlib.patches import Patch

from ...core.figures import PALETTE, CourseFigure, figure_html, new_figure, plain_axes
from ...core.messages import Messages, current_language
from ...core.tables import format_table, with_headings
from ..spec import load_spec
from ..worksheet import Worksheet
from . import calc, describe, page, table

__all__ = [
    "GROUP_COLORS", "summary_table", "score_distribution_chart", "describe_score_distribution",
    "FeedbackForm", "feedback_form", "ratings_table",
]

#: Bar colors of the three groups (distinguishable without color vision too: see the legend).
GROUP_COLORS = {key: PALETTE.get(color, color) for key, color in describe.GROUP_COLORS.items()}
_MAX_PANELS = 8

_ = Messages("tools.feedback")


def _headings(name: str) -> dict[str, str]:
    """The headings of a table written for reading (feedback.yml, ``reading:``), in the language
    the package speaks now (its translation's, ``locales/<language>/tools/``)."""
    try:
        return load_spec("feedback", current_language()).reading[name]
    except FileNotFoundError:  # an installed package without the course's translations
        return load_spec("feedback").reading[name]


def summary_table(summary: pd.DataFrame) -> pd.DataFrame:
    """The output of :func:`customer_focus.tools.feedback.table.analyze_feedback`, for reading.

    Examples
    --------
    >>> summary = table.analyze_feedback(pd.DataFrame({"recommend": [10, 9, 8, 3]}))
    >>> summary_table(summary)["NPS"].tolist()
    ['+25']
    """
    shares = ("promoter_share", "passive_share", "detractor_share", "top_box_share")
    shown = format_table(
        summary,
        percent=[column for column in shares if column in summary],
        decimals={"satisfaction_mean": 2} if "satisfaction_mean" in summary else None,
    )
    shown["nps"] = [f"{value:+.0f}" for value in summary["nps"]]
    shown["nps_margin"] = [f"± {value:.0f}" for value in summary["nps_margin"]]
    if "group" in shown:
        shown["group"] = [describe.group_name(str(group)) for group in shown["group"]]
    return with_headings(shown, _headings("summary"))


def _panels(distribution: pd.DataFrame) -> tuple[list[str], int]:
    """The groups to draw (the largest, at most eight, in table order) and how many there are."""
    for column in ("group", "score", "responses", "share"):
        if column not in distribution.columns:
            raise ValueError(
                _("the chart needs the table from table.score_distribution; "
                  "column {column!r} is missing.").format(column=column)
            )
    totals = distribution.groupby("group", sort=False)["responses"].sum()
    groups = list(totals.index)
    if len(groups) > _MAX_PANELS:
        largest = set(totals.sort_values(ascending=False, kind="stable").index[:_MAX_PANELS])
        return [group for group in groups if group in largest], len(groups)
    return groups, len(groups)


def _groups(distribution: pd.DataFrame) -> list[tuple[str, list[int]]]:
    """Each group of the distribution with its counts of each score, in table order."""
    return [
        (group, [int(n) for n in rows.set_index("score")["responses"]
                 .reindex(range(11), fill_value=0)])
        for group, rows in distribution.groupby("group", sort=False)
    ]


def _group_facts(rows: pd.DataFrame) -> dict[str, float]:
    counts = rows.set_index("score")["responses"].reindex(range(11), fill_value=0)
    return describe.facts([int(n) for n in counts])


def score_distribution_chart(
    distribution: pd.DataFrame, *, title: str | None = None
) -> CourseFigure:
    """Bars of the share of answers at each score, one panel per group.

    Panels share their axes, so two groups with the same NPS but different
    distributions can be compared at a glance.

    Parameters
    ----------
    distribution : pandas.DataFrame
        The output of :func:`customer_focus.tools.feedback.table.score_distribution`.
        With more than eight groups, the eight largest are drawn.
    title : str, optional
        A title above the panels.

    Returns
    -------
    CourseFigure
        The bars, with their alt text from :func:`describe_score_distribution`.

    Examples
    --------
    >>> distribution = table.score_distribution(pd.DataFrame({"recommend": [10, 9, 3]}))
    >>> len(score_distribution_chart(distribution).axes[0].patches)
    11
    """
    groups, count = _panels(distribution)
    figure = new_figure(7.5, 1.2 + 1.9 * len(groups))
    axes_list = figure.subplots(len(groups), 1, sharex=True, sharey=True, squeeze=False)[:, 0]
    top = float(distribution.loc[distribution["group"].isin(groups), "share"].max() or 0.0)
    for axes, group in zip(axes_list, groups, strict=True):
        rows = distribution[distribution["group"] == group]
        facts = _group_facts(rows)
        axes.set_facecolor("white")
        colors = [GROUP_COLORS[calc.nps_group(int(score))] for score in rows["score"]]
        axes.bar(
            rows["score"], rows["share"] * 100, color=colors, edgecolor=PALETTE["ink"],
            linewidth=0.4,
        )
        axes.set_title(
            _("{group}: NPS {nps:+.0f} ({total:,} responses)").format(
                group=describe.group_name(str(group)), nps=facts["nps"], total=facts["total"]),
            color=PALETTE["ink"], fontsize=10, loc="left",
        )
        axes.set_ylabel(_("% of answers"), color=PALETTE["ink"], fontsize=9)
        plain_axes(axes, grid="y")
    axes_list[0].set_ylim(0, max(top * 100 * 1.15, 5))
    axes_list[-1].set_xticks(range(11))
    axes_list[-1].set_xlabel(describe.question_axis(), color=PALETTE["ink"], fontsize=9.5)
    handles = [
        Patch(
            facecolor=GROUP_COLORS[key], edgecolor=PALETTE["ink"], linewidth=0.4,
            label=describe.group_label(key),
        )
        for key in ("detractor", "passive", "promoter")
    ]
    figure.legend(handles=handles, loc="lower center", ncol=3, frameon=False, fontsize=9)
    heading = title or ""
    if count > len(groups):
        largest = _("(the {drawn} largest of {count} groups)").format(
            drawn=len(groups), count=count)
        heading = (heading + " " if heading else "") + largest
    if heading:
        figure.suptitle(heading, color=PALETTE["ink"], fontsize=11)
    bottom = 0.4 / figure.get_figheight()
    figure.tight_layout(rect=(0, bottom + 0.02, 1, 1))
    return figure


def describe_score_distribution(distribution: pd.DataFrame) -> str:
    """Alt text for :func:`score_distribution_chart`, written from the same table.

    Examples
    --------
    >>> distribution = table.score_distribution(pd.DataFrame({"recommend": [10, 9, 3]}))
    >>> describe_score_distribution(distribution)[:35]
    'Bar chart of the share of answers a'
    """
    _panels(distribution)
    return describe.score_distribution(_groups(distribution))


class FeedbackForm(Worksheet):
    """The worksheet's form: paste the answers, see the NPS, the groups and the bars.

    The two boxes (the spec's ``recommend_answers`` and ``satisfaction_answers``)
    hold many answers each, so they are text areas, made by :meth:`layout` and
    registered as the form's controls.

    Parameters
    ----------
    recommend : str
        Answers to the recommend question (0–10), separated by spaces,
        commas or new lines.
    satisfaction : str
        Optional: the same customers' satisfaction answers (1–5), in the
        same order; leave empty to skip.
    """

    tool = "feedback"
    inputs = ()

    def __init__(self, recommend: str = "", satisfaction: str = "") -> None:
        self._starting = {"recommend_answers": recommend, "satisfaction_answers": satisfaction}
        super().__init__()

    def layout(self) -> list[w.Widget]:
        """The two text areas, as the form's controls."""
        placeholders = {
            "recommend_answers": _("10 9 8 7 6 ...  (spaces, commas or one per line)"),
            "satisfaction_answers": _("Same customers, same order; leave empty to skip"),
        }
        for name, placeholder in placeholders.items():
            self.controls[name] = w.Textarea(
                value=self._starting[name], description=self.spec.fields[name].caption,
                style={"description_width": self.label_width},
                layout=w.Layout(width="46em", height="6em"), placeholder=placeholder,
            )
        self.recommend = self.controls["recommend_answers"]
        self.satisfaction = self.controls["satisfaction_answers"]
        return [self.recommend, self.satisfaction]

    def responses(self, values: dict[str, Any]) -> pd.DataFrame:
        """The answers as a table of responses (raises ``ValueError`` on a bad answer)."""
        scores, ratings = page.answers(values)
        data: dict[str, list[int]] = {"recommend": scores}
        if ratings is not None:
            data["satisfaction"] = ratings
        return pd.DataFrame(data)

    def compute(self, values: dict[str, Any]) -> list[object]:
        """The score, a table and the chart of the answers."""
        responses = self.responses(values)
        summary = table.analyze_feedback(responses)
        distribution = table.score_distribution(responses)
        score, *rest = describe.sentences(summary.iloc[-1])
        head = describe.score_head(summary.iloc[-1])
        tail = score.removeprefix(head)
        text = f"<p><strong>{escape(head)}</strong>{escape(tail)}</p>" + "".join(
            f"<p>{escape(sentence)}</p>" for sentence in rest
        )
        figure = score_distribution_chart(distribution)
        return [
            HTML(text),
            summary_table(summary),
            HTML(figure_html(figure, describe_score_distribution(distribution))),
        ]


def feedback_form(**starting_values: str) -> w.VBox:
    """The feedback form, ready to display.

    ``starting_values`` fill its boxes: ``recommend`` and ``satisfaction``, as text.
    """
    return FeedbackForm(**starting_values).widget


def ratings_table(ratings: pd.DataFrame) -> pd.DataFrame:
    """The output of :func:`~.table.satisfaction_distribution` as a grid, for reading.

    One row per group, one column per rating (1 to 5), each cell the number of responses.

    Examples
    --------
    >>> answers = pd.DataFrame({"recommend": [9, 8, 8], "satisfaction": [5, 4, 4]})
    >>> ratings = table.satisfaction_distribution(answers)
    >>> ratings_table(ratings).loc["All responses"].tolist()
    [0, 0, 0, 2, 1]
    """
    grid = ratings.pivot(index="group", columns="rating", values="responses")
    grid = grid.rename(index=describe.group_name)
    return grid.rename_axis(index=_("group"), columns=_("rating"))
