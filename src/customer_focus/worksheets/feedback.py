"""The customer feedback worksheet: its live form and its chart.

The arithmetic lives in :mod:`customer_focus.feedback`; this module lays out
the inputs, formats the results and draws the score distribution, so that
two groups with the same Net Promoter Score can be seen to differ.
"""

from __future__ import annotations

import re
from html import escape

import ipywidgets as w
import numpy as np
import pandas as pd
from IPython.display import HTML, display
from matplotlib.patches import Patch

from .. import feedback
from ..core.figures import PALETTE, CourseFigure, new_figure as _new_figure, figure_html
from ..core.tables import format_table

__all__ = [
    "GROUP_COLORS",
    "parse_answers",
    "summary_table",
    "score_distribution_chart",
    "describe_score_distribution",
    "FeedbackForm",
    "feedback_form",
]

#: Bar colors of the three groups (distinguishable without color vision too: see the legend).
GROUP_COLORS = {"detractor": PALETTE["accent"], "passive": "#8c8c8c", "promoter": PALETTE["line"]}
_GROUP_LABELS = {"detractor": "Detractors (0–6)", "passive": "Passives (7–8)", "promoter": "Promoters (9–10)"}
_MAX_PANELS = 8
_LABEL_STYLE = {"description_width": "16em"}


def parse_answers(text: str, *, name: str, low: int, high: int) -> list[int]:
    """Read whole-number answers typed or pasted into a box.

    Answers may be separated by spaces, commas, semicolons or new lines (a
    column pasted from a spreadsheet works).

    Parameters
    ----------
    text : str
        What the box holds.
    name : str
        What the answers are, for messages ("recommend").
    low, high : int
        The ends of the scale.

    Returns
    -------
    list of int
        Empty when the box is empty.

    Raises
    ------
    ValueError
        Naming the first bad answer by its position.

    Examples
    --------
    >>> parse_answers("10, 9\\n7 3", name="recommend", low=0, high=10)
    [10, 9, 7, 3]
    """
    tokens = [token for token in re.split(r"[\s,;]+", str(text).strip()) if token]
    answers = []
    for position, token in enumerate(tokens, start=1):
        try:
            number = float(token)
        except ValueError:
            number = None
        if number is None or not np.isfinite(number):
            raise ValueError(
                f"{name} answer {position} is {token!r}, not a number. Type whole numbers from "
                f"{low} to {high}, separated by spaces, commas or new lines."
            )
        if not low <= number <= high:
            raise ValueError(f"{name} answer {position} is {token}; answers go from {low} to {high}.")
        if number != int(number):
            raise ValueError(
                f"{name} answer {position} is {token}, between two points of the scale; "
                f"answers are whole numbers from {low} to {high}."
            )
        answers.append(int(number))
    return answers


def summary_table(summary: pd.DataFrame) -> pd.DataFrame:
    """The output of :func:`customer_focus.feedback.analyze_feedback`, written for reading.

    Examples
    --------
    >>> table = feedback.analyze_feedback(pd.DataFrame({"recommend": [10, 9, 8, 3]}))
    >>> summary_table(table)["NPS"].tolist()
    ['+25']
    """
    shown = format_table(
        summary,
        percent=[c for c in ("promoter_share", "passive_share", "detractor_share", "top_box_share") if c in summary],
        decimals={"satisfaction_mean": 2} if "satisfaction_mean" in summary else None,
    )
    shown["nps"] = [f"{value:+.0f}" for value in summary["nps"]]
    shown["nps_margin"] = [f"± {value:.0f}" for value in summary["nps_margin"]]
    return shown.rename(
        columns={
            "group": "Group",
            "responses": "Responses",
            "promoters": "Promoters (9–10)",
            "passives": "Passives (7–8)",
            "detractors": "Detractors (0–6)",
            "promoter_share": "% promoters",
            "passive_share": "% passives",
            "detractor_share": "% detractors",
            "nps": "NPS",
            "nps_margin": "Margin of error (95%)",
            "satisfaction_mean": "Mean satisfaction (1–5)",
            "top_box_share": "Top box (5)",
        }
    ).set_index("Group")


def _panels(distribution: pd.DataFrame) -> tuple[list[str], int]:
    """The groups to draw (the largest, at most eight, in table order) and how many there are."""
    for column in ("group", "score", "responses", "share"):
        if column not in distribution.columns:
            raise ValueError(
                f"the chart needs the table from feedback.score_distribution; column {column!r} is missing."
            )
    totals = distribution.groupby("group", sort=False)["responses"].sum()
    groups = list(totals.index)
    if len(groups) > _MAX_PANELS:
        largest = set(totals.sort_values(ascending=False, kind="stable").index[:_MAX_PANELS])
        return [group for group in groups if group in largest], len(groups)
    return groups, len(groups)


def _group_facts(rows: pd.DataFrame) -> dict[str, float]:
    counts = rows.set_index("score")["responses"].reindex(range(11), fill_value=0).to_numpy()
    total = int(counts.sum())
    promoters, detractors = counts[9:].sum(), counts[:7].sum()
    return {
        "total": total,
        "nps": 100 * (promoters - detractors) / total if total else 0.0,
        "promoters": promoters / total if total else 0.0,
        "detractors": detractors / total if total else 0.0,
        "mode": int(np.argmax(counts)),
    }


def score_distribution_chart(distribution: pd.DataFrame, *, title: str | None = None) -> CourseFigure:
    """Bars of the share of answers at each score, one panel per group.

    Panels share their axes, so two groups with the same NPS but different
    distributions can be compared at a glance.

    Parameters
    ----------
    distribution : pandas.DataFrame
        The output of :func:`customer_focus.feedback.score_distribution`. With
        more than eight groups, the eight largest are drawn.
    title : str, optional
        A title above the panels.

    Returns
    -------
    CourseFigure

    Examples
    --------
    >>> table = feedback.score_distribution(pd.DataFrame({"recommend": [10, 9, 3]}))
    >>> figure = score_distribution_chart(table)
    """
    groups, count = _panels(distribution)
    figure = _new_figure(7.5, 1.2 + 1.9 * len(groups))
    axes_list = figure.subplots(len(groups), 1, sharex=True, sharey=True, squeeze=False)[:, 0]
    top = float(distribution.loc[distribution["group"].isin(groups), "share"].max() or 0.0)
    for axes, group in zip(axes_list, groups):
        rows = distribution[distribution["group"] == group]
        facts = _group_facts(rows)
        axes.set_facecolor("white")
        colors = [GROUP_COLORS[feedback.nps_group(int(score))] for score in rows["score"]]
        axes.bar(rows["score"], rows["share"] * 100, color=colors, edgecolor=PALETTE["ink"], linewidth=0.4)
        axes.set_title(
            f"{group}: NPS {facts['nps']:+.0f} ({facts['total']:,} responses)",
            color=PALETTE["ink"], fontsize=10, loc="left",
        )
        axes.set_ylabel("% of answers", color=PALETTE["ink"], fontsize=9)
        axes.grid(axis="y", color=PALETTE["grid"], linewidth=0.6)
        axes.set_axisbelow(True)
        for side in ("top", "right"):
            axes.spines[side].set_visible(False)
    axes_list[0].set_ylim(0, max(top * 100 * 1.15, 5))
    axes_list[-1].set_xticks(range(11))
    axes_list[-1].set_xlabel(
        "Answer to “How likely is it that you would recommend [company X] to a friend or colleague?”",
        color=PALETTE["ink"], fontsize=9.5,
    )
    handles = [
        Patch(facecolor=GROUP_COLORS[key], edgecolor=PALETTE["ink"], linewidth=0.4, label=_GROUP_LABELS[key])
        for key in ("detractor", "passive", "promoter")
    ]
    figure.legend(handles=handles, loc="lower center", ncol=3, frameon=False, fontsize=9)
    heading = title or ""
    if count > len(groups):
        heading = (heading + " " if heading else "") + f"(the {len(groups)} largest of {count} groups)"
    if heading:
        figure.suptitle(heading, color=PALETTE["ink"], fontsize=11)
    bottom = 0.4 / figure.get_figheight()
    figure.tight_layout(rect=(0, bottom + 0.02, 1, 1))
    return figure


def describe_score_distribution(distribution: pd.DataFrame) -> str:
    """Alt text for :func:`score_distribution_chart`, written from the same table.

    Examples
    --------
    >>> table = feedback.score_distribution(pd.DataFrame({"recommend": [10, 9, 3]}))
    >>> describe_score_distribution(table)[:35]
    'Bar chart of the share of answers a'
    """
    groups, count = _panels(distribution)
    parts = []
    scores = []
    for group in groups:
        facts = _group_facts(distribution[distribution["group"] == group])
        scores.append(round(facts["nps"]))
        parts.append(
            f"{group}: {facts['total']:,} responses, {facts['promoters']:.0%} promoters, "
            f"{facts['detractors']:.0%} detractors, NPS {facts['nps']:+.0f}; most common answer "
            f"{facts['mode']}."
        )
    kind = "one panel per group" if len(groups) > 1 else "one panel"
    text = (
        f"Bar chart of the share of answers at each score from 0 to 10, {kind}; detractors (0–6), "
        f"passives (7–8) and promoters (9–10) in different colors. " + " ".join(parts)
    )
    if len(groups) > 1 and len(set(scores)) == 1:
        text += f" Every group has the same NPS, {scores[0]:+d}, but the bars are spread differently."
    if count > len(groups):
        text += f" Only the {len(groups)} largest of {count} groups are drawn."
    return text


def _alert(error: Exception) -> HTML:
    return HTML(f'<p role="alert"><strong>Check your answers:</strong> {escape(str(error))}</p>')


class FeedbackForm:
    """The worksheet's form: paste the answers, see the NPS, the groups and the bars.

    Parameters
    ----------
    recommend : str
        Answers to the recommend question (0–10), separated by spaces,
        commas or new lines.
    satisfaction : str
        Optional: the same customers' satisfaction answers (1–5), in the
        same order; leave empty to skip.

    Attributes
    ----------
    widget : ipywidgets.VBox
        What to display.
    """

    def __init__(self, recommend: str = "", satisfaction: str = "") -> None:
        self.recommend = w.Textarea(
            value=recommend, description="Recommend answers (0–10)", style=_LABEL_STYLE,
            layout=w.Layout(width="46em", height="6em"),
            placeholder="10 9 8 7 6 ...  (spaces, commas or one per line)",
        )
        self.satisfaction = w.Textarea(
            value=satisfaction, description="Satisfaction (1–5), optional", style=_LABEL_STYLE,
            layout=w.Layout(width="46em", height="6em"),
            placeholder="Same customers, same order; leave empty to skip",
        )
        self.output = w.Output()
        for control in (self.recommend, self.satisfaction):
            control.observe(self._changed, names="value")
        self.widget = w.VBox([self.recommend, self.satisfaction, self.output])
        self.update()

    def _changed(self, _change: dict) -> None:
        self.update()

    def table(self) -> pd.DataFrame:
        """The answers as a table of responses (raises ``ValueError`` on a bad answer)."""
        scores = parse_answers(self.recommend.value, name="recommend", low=0, high=10)
        if not scores:
            raise ValueError("type or paste at least one answer to the recommend question (0 to 10).")
        data: dict[str, list[int]] = {"recommend": scores}
        ratings = parse_answers(self.satisfaction.value, name="satisfaction", low=1, high=5)
        if ratings:
            if len(ratings) != len(scores):
                raise ValueError(
                    f"there are {len(scores)} recommend answers but {len(ratings)} satisfaction answers. "
                    f"Give one satisfaction answer per customer, in the same order, or leave that box empty."
                )
            data["satisfaction"] = ratings
        return pd.DataFrame(data)

    def results(self) -> list[object]:
        """What the form shows for its current answers: the score, a table and the chart.

        A bad answer gives a single message saying what to fix.
        """
        try:
            responses = self.table()
            summary = feedback.analyze_feedback(responses)
            distribution = feedback.score_distribution(responses)
        except ValueError as error:
            return [_alert(error)]
        row = summary.iloc[-1]
        text = (
            f"<p><strong>Net Promoter Score: {row['nps']:+.0f}</strong> from {int(row['responses'])} answers "
            f"({row['promoter_share']:.0%} promoters − {row['detractor_share']:.0%} detractors; "
            f"margin of error about ± {row['nps_margin']:.0f} points).</p>"
        )
        if "satisfaction_mean" in summary:
            text += (
                f"<p>Mean satisfaction {row['satisfaction_mean']:.2f} out of 5; "
                f"{row['top_box_share']:.0%} gave the top box (5).</p>"
            )
        figure = score_distribution_chart(distribution)
        return [
            HTML(text),
            summary_table(summary),
            HTML(figure_html(figure, describe_score_distribution(distribution))),
        ]

    def update(self) -> None:
        """Recompute and redraw the results from the current answers."""
        self.output.clear_output(wait=True)
        with self.output:
            for item in self.results():
                display(item)


def feedback_form(**starting_values: str) -> w.VBox:
    """Build the feedback form and return the widget to display.

    Parameters
    ----------
    **starting_values
        ``recommend`` and ``satisfaction``, as text.

    Returns
    -------
    ipywidgets.VBox

    Examples
    --------
    >>> form = feedback_form(recommend="10 9 7 3")  # doctest: +SKIP
    """
    return FeedbackForm(**starting_values).widget
