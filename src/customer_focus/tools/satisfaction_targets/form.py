"""The setting customer satisfaction targets worksheet's live form, its tables, and its chart.

The arithmetic is :mod:`customer_focus.tools.satisfaction_targets.calc`'s, over
the learner's table in :mod:`customer_focus.tools.satisfaction_targets.table`;
this module lays out the inputs and shows the results. The retention what-if
uses only a gain the learner types in (0 until they do). The chart has a
``describe_...`` function writing its alt text from the same data.
"""

from __future__ import annotations

from html import escape
from typing import Any

import ipywidgets as w
import numpy as np
import pandas as pd
from IPython.display import HTML
from matplotlib.figure import Figure
from matplotlib.lines import Line2D
from matplotlib.patches import Patch
from matplotlib.ticker import FuncFormatter

from ...core import cases
from ...core.figures import PALETTE, figure_html, legend_under, new_figure, plain_axes
from ...core.formats import compact_dollars, dollars
from ...core.messages import Messages, current_language
from ...core.tables import format_table, require_output, with_headings
from ..spec import ToolSpec, load_spec
from ..worksheet import GridColumn, GridWorksheet
from . import describe, table

__all__ = [
    "plan_table",
    "what_if_table",
    "targets_chart",
    "describe_targets_chart",
    "SatisfactionTargetsForm",
    "satisfaction_targets_form",
]

_ = Messages("tools.satisfaction_targets")

_FLAGGED = "#e0e0e0"
_NEEDED = (
    "segment", "customers", "lifetime_value", "value_at_stake", "value_totally_satisfied",
    "value_not_totally_satisfied", "top_box_share", "target_top_box_share", "flag", "priority",
    "advice",
)


def _headings(name: str) -> dict[str, str]:
    """The headings of a table written for reading (satisfaction_targets.yml, ``reading:``),
    in the reader's language."""
    return load_spec("satisfaction_targets", current_language()).reading[name]


def _check(plan: pd.DataFrame, reader: str) -> None:
    require_output(plan, _NEEDED, reader=reader, maker="plan_targets")


def _by_priority(plan: pd.DataFrame) -> pd.DataFrame:
    return plan.sort_values("priority", kind="stable").reset_index(drop=True)


def plan_table(plan: pd.DataFrame) -> pd.DataFrame:
    """The output of :func:`~.table.plan_targets` in priority order, for reading.

    Text, indexed by priority.
    """
    _check(plan, "plan_table")
    ordered = _by_priority(plan)
    shown = format_table(
        ordered,
        money=["annual_margin", "lifetime_value"],
        percent=["retention_rate", "top_box_share", "target_top_box_share"],
        decimals={"customers": 0, "customers_to_move": 0},
    )
    for column in ("value_at_stake", "value_not_totally_satisfied"):
        shown[column] = [dollars(value) for value in ordered[column]]
    shown["flag"] = [describe.flag_words(flag) for flag in ordered["flag"]]
    if "easy_to_switch" in ordered.columns:
        shown["easy_to_switch"] = [describe.yes_no(value) for value in ordered["easy_to_switch"]]
    return with_headings(shown, _headings("plan"), only=True)


def what_if_table(what_if: pd.DataFrame) -> pd.DataFrame:
    """The output of :func:`~.table.what_if_retention`, for reading: text, indexed by segment."""
    require_output(
        what_if, ("segment", "retention_rate", "retention_after", "lifetime_value",
                  "gain_for_segment"),
        reader="what_if_table", maker="what_if_retention",
    )
    shown = format_table(
        what_if,
        money=["lifetime_value", "lifetime_value_after", "gain_per_customer", "gain_for_segment"],
        percent=["retention_rate", "retention_after"],
    )
    return with_headings(shown, _headings("what_if"), only=True)


def _label(row: pd.Series) -> str:
    name = str(row["segment"])
    name = name if len(name) <= 30 else name[:29] + "…"
    if row["flag"]:
        return f"{name}\n({describe.flag_words(row['flag'])})"
    return f"#{int(row['priority'])} {name}"


def targets_chart(plan: pd.DataFrame, *, title: str | None = None) -> Figure:
    """Horizontal bars of each segment's value at stake, split by today's top-box share.

    ``plan`` is the output of :func:`~.table.plan_targets`; ``title``, when
    given, heads the chart. One bar per segment, listed by priority. The dark
    part of a bar is the lifetime value held by customers who are totally
    satisfied today; the light part, by those who are not yet. A diamond marks
    where the bar would split if the target were reached. Segments flagged "do
    not spend" are grey.
    """
    _check(plan, "targets_chart")
    rows = _by_priority(plan).iloc[::-1]
    count = len(rows)
    height = 2.4 + 0.62 * count + (0.3 if title else 0)
    figure = new_figure(9, height)
    axes = figure.add_subplot()
    axes.set_facecolor("white")
    positions = np.arange(count)
    flagged = (rows["flag"] != "").to_numpy()
    dark = np.where(flagged, "#9e9e9e", PALETTE["line"])
    light = np.where(flagged, _FLAGGED, PALETTE["employees"])
    axes.barh(
        positions, rows["value_totally_satisfied"], color=dark, edgecolor=PALETTE["ink"],
        linewidth=0.6,
    )
    rest = axes.barh(
        positions, rows["value_not_totally_satisfied"], left=rows["value_totally_satisfied"],
        color=light,
        edgecolor=PALETTE["ink"], linewidth=0.6,
    )
    for bar, is_flagged in zip(rest, flagged, strict=True):
        if is_flagged:
            bar.set_hatch("//")
    target_at = rows["value_at_stake"] * rows["target_top_box_share"]
    axes.scatter(
        target_at, positions, marker="D", s=42, color=PALETTE["accent"], edgecolor=PALETTE["ink"],
        zorder=3,
    )
    axes.set_yticks(list(positions), [_label(row) for _, row in rows.iterrows()])
    axes.axvline(0, color=PALETTE["ink"], linewidth=0.8)
    axes.xaxis.set_major_formatter(FuncFormatter(compact_dollars))
    axes.set_xlabel(_(describe.VALUE_LABEL), color=PALETTE["ink"])
    plain_axes(axes, grid="x", title=title, box=True)
    now, not_yet, target, flagged_words = (_(words) for words in describe.LEGEND)
    handles = [
        Patch(facecolor=PALETTE["line"], edgecolor=PALETTE["ink"], label=now),
        Patch(facecolor=PALETTE["employees"], edgecolor=PALETTE["ink"], label=not_yet),
        Line2D([], [], marker="D", linestyle="none", color=PALETTE["accent"],
               markeredgecolor=PALETTE["ink"], label=target),
        Patch(facecolor=_FLAGGED, edgecolor=PALETTE["ink"], hatch="//", label=flagged_words),
    ]
    legend_under(figure, handles, columns=2, space=0.75 / height)
    return figure


def describe_targets_chart(plan: pd.DataFrame) -> str:
    """Alt text for :func:`targets_chart`, written from the same data.

    Examples
    --------
    >>> fleet = pd.DataFrame({"segment": ["Fleet"], "customers": [90], "annual_margin": [15000],
    ...     "retention_rate": [0.88], "top_box_share": [0.15], "target_top_box_share": [0.5]})
    >>> describe_targets_chart(table.plan_targets(fleet))[:52]
    'Horizontal bar chart of the value at stake in 1 segm'
    """
    _check(plan, "describe_targets_chart")
    return describe.targets_chart(plan.to_dict("records"))


# ---- the live form ----------------------------------------------------------------


class SatisfactionTargetsForm(GridWorksheet):
    """The worksheet's form: the segments, the discount rate, and a what-if you type in.

    Parameters
    ----------
    segments : sequence of (segment, customers, annual_margin, retention_rate, top_box_share,
            target_top_box_share), optional
        Starting values, one tuple per segment; by default Crossroads's three
        segments from the course's cases.
    discount_rate : float
        Yearly discount rate.
    retention_gain : float
        The retention gain you assume for the what-if, in points as a decimal
        (0.02 = two points). 0 by default: the what-if appears once you type one.

    Attributes
    ----------
    widget : ipywidgets.VBox
        What to display.
    """

    tool = "satisfaction_targets"
    inputs = ("discount_rate", "retention_gain")
    label_width = "22em"
    widths = {"discount_rate": "32em", "retention_gain": "32em"}
    columns = (
        GridColumn("segment", "Segment", "{heading}, row {number}"),
        GridColumn("customers", "Customers"),
        GridColumn("annual_margin", "Yearly margin ($)"),
        GridColumn("retention_rate", "Retention (0-1)"),
        GridColumn("top_box_share", "Totally satisfied now (0-1)"),
        GridColumn("target_top_box_share", "Target (0-1)"),
    )
    grid_template = "14em repeat(5, 9em)"

    def __init__(self, segments: Any = None, **starting_values: Any) -> None:
        super().__init__(segments, **starting_values)

    def default_rows(self, spec: ToolSpec) -> list[tuple[Any, ...]]:
        """Crossroads's three segments, from the course's cases (the worksheet's example)."""
        names = [column.field for column in self.columns]
        return list(cases.crossroads_segments()[names].itertuples(index=False, name=None))

    def compute(self, values: dict[str, Any]) -> list[object]:
        """The advice, the plan table, the chart and the what-if."""
        segments = self.table()
        rate, gain = values["discount_rate"], values["retention_gain"]
        plan = table.plan_targets(segments, discount_rate=rate)
        what_if = table.what_if_retention(segments, gain, discount_rate=rate) if gain else None
        ordered = _by_priority(plan)
        advice = "".join(
            "<li>{}</li>".format(describe.segment_advice(
                f"<strong>{escape(str(row.segment))}</strong>", escape(row.advice)))
            for row in ordered.itertuples()
        )
        items: list[object] = [
            HTML(f"<ul>{advice}</ul>"),
            plan_table(plan),
            HTML(figure_html(targets_chart(plan), describe_targets_chart(plan))),
        ]
        if what_if is None:
            items.append(HTML("<p>{}</p>".format(_(
                "What-if: type the retention gain <em>you</em> assume if a segment reached its "
                "target (no research figure gives it for your business) to see what it would be "
                "worth."
            ))))
        else:
            items.append(HTML(
                f"<p>{describe.what_if_heading(gain, strong=True)}.</p>"
            ))
            items.append(what_if_table(what_if))
        return items


def satisfaction_targets_form(**starting_values: Any) -> w.VBox:
    """The satisfaction targets form, ready to display.

    ``starting_values`` fill its boxes: ``segments`` (tuples of segment, customers, yearly
    margin, retention, top-box share, target), ``discount_rate`` and ``retention_gain``.
    """
    return SatisfactionTargetsForm(**starting_values).widget
