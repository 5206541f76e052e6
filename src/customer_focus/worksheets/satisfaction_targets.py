"""Form and chart of the setting customer satisfaction targets worksheet.

The arithmetic lives in :mod:`customer_focus.satisfaction_targets`; this
module lays out the inputs and shows the results. The retention what-if uses
only a gain the learner types in (0 until they do).
"""

from __future__ import annotations

from html import escape

import ipywidgets as w
import numpy as np
import pandas as pd
from IPython.display import HTML, display
from matplotlib.figure import Figure
from matplotlib.lines import Line2D
from matplotlib.patches import Patch
from matplotlib.ticker import FuncFormatter

from ..core import cases
from .. import satisfaction_targets as st
from ..core.figures import PALETTE, figure_html, new_figure
from ..core.formats import dollars
from ..core.tables import format_table
from ..tools.worksheet import named

__all__ = [
    "plan_table",
    "what_if_table",
    "targets_chart",
    "describe_targets_chart",
    "SatisfactionTargetsForm",
    "satisfaction_targets_form",
]

_FLAGGED = "#e0e0e0"
_NEEDED = (
    "segment", "customers", "lifetime_value", "value_at_stake", "value_totally_satisfied",
    "value_not_totally_satisfied", "top_box_share", "target_top_box_share", "flag", "priority", "advice",
)


def _compact(value: float, _position: object = None) -> str:
    """Money on an axis: $0, $250k, $1.5M."""
    sign, size = ("-" if value < 0 else ""), abs(value)
    if size >= 1e6:
        return f"{sign}${size / 1e6:,.4g}M"
    if size >= 1e3:
        return f"{sign}${size / 1e3:,.4g}k"
    return f"{sign}${size:,.0f}"


def _check(plan: pd.DataFrame, caller: str) -> None:
    for column in _NEEDED:
        if column not in plan.columns:
            raise ValueError(
                f"{caller} needs the table from satisfaction_targets.plan_targets; column {column!r} is missing."
            )


def _by_priority(plan: pd.DataFrame) -> pd.DataFrame:
    return plan.sort_values("priority", kind="stable").reset_index(drop=True)


def plan_table(plan: pd.DataFrame) -> pd.DataFrame:
    """The plan with readable headings and formats, in priority order, for display.

    Parameters
    ----------
    plan : pandas.DataFrame
        The output of :func:`customer_focus.satisfaction_targets.plan_targets`.

    Returns
    -------
    pandas.DataFrame
        Text, indexed by priority.
    """
    _check(plan, "plan_table")
    table = _by_priority(plan)
    shown = format_table(
        table,
        money=["annual_margin", "lifetime_value"],
        percent=["retention_rate", "top_box_share", "target_top_box_share"],
        decimals={"customers": 0, "customers_to_move": 0},
    )
    for column in ("value_at_stake", "value_not_totally_satisfied"):
        shown[column] = [dollars(value) for value in table[column]]
    shown["flag"] = ["do not spend: " + flag if flag else "" for flag in table["flag"]]
    columns = {
        "priority": "Priority",
        "segment": "Segment",
        "customers": "Customers",
        "annual_margin": "Yearly margin",
        "retention_rate": "Retention",
        "lifetime_value": "Lifetime value per customer",
        "value_at_stake": "Value at stake",
        "top_box_share": "Totally satisfied now",
        "target_top_box_share": "Target",
        "value_not_totally_satisfied": "Value not yet totally satisfied",
        "customers_to_move": "Customers to move into the top box",
        "flag": "Flag",
    }
    if "easy_to_switch" in table.columns:
        shown["easy_to_switch"] = ["yes" if value else "no" for value in table["easy_to_switch"]]
        columns = {**dict(list(columns.items())[:5]), "easy_to_switch": "Easy to switch", **dict(list(columns.items())[5:])}
    return shown[list(columns)].rename(columns=columns).set_index("Priority")


def what_if_table(what_if: pd.DataFrame) -> pd.DataFrame:
    """The retention what-if with readable headings and formats, for display.

    Parameters
    ----------
    what_if : pandas.DataFrame
        The output of :func:`customer_focus.satisfaction_targets.what_if_retention`.

    Returns
    -------
    pandas.DataFrame
        Text, indexed by segment.
    """
    for column in ("segment", "retention_rate", "retention_after", "lifetime_value", "gain_for_segment"):
        if column not in what_if.columns:
            raise ValueError(
                f"what_if_table needs the table from satisfaction_targets.what_if_retention; "
                f"column {column!r} is missing."
            )
    shown = format_table(
        what_if,
        money=["lifetime_value", "lifetime_value_after", "gain_per_customer", "gain_for_segment"],
        percent=["retention_rate", "retention_after"],
    )
    columns = {
        "segment": "Segment",
        "retention_rate": "Retention now",
        "retention_after": "Retention if the gain you assume happened",
        "lifetime_value": "Lifetime value now",
        "lifetime_value_after": "Lifetime value after",
        "gain_per_customer": "Gain per customer",
        "gain_for_segment": "Gain for the segment",
    }
    return shown[list(columns)].rename(columns=columns).set_index("Segment")


def _label(row: pd.Series) -> str:
    name = str(row["segment"])
    name = name if len(name) <= 30 else name[:29] + "…"
    if row["flag"]:
        return f"{name}\n(do not spend: {row['flag']})"
    return f"#{int(row['priority'])} {name}"


def targets_chart(plan: pd.DataFrame, *, title: str | None = None) -> Figure:
    """Horizontal bars of each segment's value at stake, split by today's top-box share.

    The dark part of a bar is the lifetime value held by customers who are
    totally satisfied today; the light part, by those who are not yet. A
    diamond marks where the bar would split if the target were reached.
    Segments flagged "do not spend" are grey. Segments are listed by
    priority.

    Parameters
    ----------
    plan : pandas.DataFrame
        The output of :func:`customer_focus.satisfaction_targets.plan_targets`.
    title : str, optional
        A title for the chart.

    Returns
    -------
    matplotlib.figure.Figure
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
    axes.barh(positions, rows["value_totally_satisfied"], color=dark, edgecolor=PALETTE["ink"], linewidth=0.6)
    rest = axes.barh(
        positions, rows["value_not_totally_satisfied"], left=rows["value_totally_satisfied"], color=light,
        edgecolor=PALETTE["ink"], linewidth=0.6,
    )
    for bar, is_flagged in zip(rest, flagged):
        if is_flagged:
            bar.set_hatch("//")
    target_at = rows["value_at_stake"] * rows["target_top_box_share"]
    axes.scatter(target_at, positions, marker="D", s=42, color=PALETTE["accent"], edgecolor=PALETTE["ink"], zorder=3)
    axes.set_yticks(list(positions), [_label(row) for _, row in rows.iterrows()])
    axes.axvline(0, color=PALETTE["ink"], linewidth=0.8)
    axes.xaxis.set_major_formatter(FuncFormatter(_compact))
    axes.set_xlabel("Value at stake: customers × lifetime value per customer", color=PALETTE["ink"])
    axes.grid(axis="x", color=PALETTE["grid"], linewidth=0.6)
    axes.set_axisbelow(True)
    if title:
        axes.set_title(title, color=PALETTE["ink"])
    handles = [
        Patch(facecolor=PALETTE["line"], edgecolor=PALETTE["ink"], label="Held by totally satisfied customers now"),
        Patch(facecolor=PALETTE["employees"], edgecolor=PALETTE["ink"], label="Held by customers not yet totally satisfied"),
        Line2D([], [], marker="D", linestyle="none", color=PALETTE["accent"], markeredgecolor=PALETTE["ink"],
               label="Where the split would be at your target"),
        Patch(facecolor=_FLAGGED, edgecolor=PALETTE["ink"], hatch="//", label="Do not spend: negative or tiny lifetime value"),
    ]
    figure.legend(handles=handles, loc="lower center", ncol=2, frameon=False, fontsize=9)
    figure.tight_layout(rect=(0, 0.75 / height, 1, 1))
    return figure


def describe_targets_chart(plan: pd.DataFrame) -> str:
    """Alt text for :func:`targets_chart`, written from the same data.

    Examples
    --------
    >>> from customer_focus.satisfaction_targets import plan_targets
    >>> table = pd.DataFrame({"segment": ["Fleet"], "customers": [90], "annual_margin": [15000],
    ...     "retention_rate": [0.88], "top_box_share": [0.15], "target_top_box_share": [0.5]})
    >>> describe_targets_chart(plan_targets(table))[:52]
    'Horizontal bar chart of the value at stake in 1 segm'
    """
    _check(plan, "describe_targets_chart")
    table = _by_priority(plan)
    parts = []
    for _, row in table.iterrows():
        if row["flag"]:
            parts.append(
                f"{row['segment']}, flagged do not spend ({row['flag']} lifetime value, "
                f"{dollars(row['lifetime_value'])} per customer): {dollars(row['value_at_stake'])} at stake"
            )
        else:
            parts.append(
                f"priority {int(row['priority'])}, {row['segment']}: {dollars(row['value_at_stake'])} at stake, "
                f"{row['top_box_share']:.0%} totally satisfied now, target {row['target_top_box_share']:.0%}, "
                f"{dollars(row['value_not_totally_satisfied'])} held by customers not yet totally satisfied"
            )
    return (
        f"Horizontal bar chart of the value at stake in {len(table)} segment{'s' if len(table) != 1 else ''}, "
        f"each bar split into the value held by totally satisfied customers and the rest, with a diamond at "
        f"the target. In priority order: {'; '.join(parts)}."
    )


# ---- the live form ----------------------------------------------------------------

def _default_segments() -> tuple[tuple, ...]:
    """Crossroads's three segments, from the course's cases (the worksheet's example)."""
    table = cases.crossroads_segments()
    return tuple(
        (row.segment, row.customers, row.annual_margin, row.retention_rate, row.top_box_share, row.target_top_box_share)
        for row in table.itertuples()
    )
_HEADERS = (
    "Segment", "Customers", "Yearly margin ($)", "Retention (0-1)", "Totally satisfied now (0-1)", "Target (0-1)",
)


class SatisfactionTargetsForm:
    """The worksheet's form: up to three segments, the discount rate, and a what-if you type in.

    Parameters
    ----------
    segments : sequence of (segment, customers, annual_margin, retention_rate, top_box_share, target_top_box_share), optional
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

    def __init__(self, segments=None, discount_rate: float = 0.1, retention_gain: float = 0.0) -> None:
        segments = _default_segments() if segments is None else segments
        cells: list[w.Widget] = [w.Label(value=text, style={"font_weight": "bold"}) for text in _HEADERS]
        self.rows: list[tuple[w.Widget, ...]] = []
        for name, customers, margin, retention, now, target in segments:
            label = str(name)
            row = (
                named(w.Text(value=label, layout=w.Layout(width="auto")), f"{_HEADERS[0]}, row {len(self.rows) + 1}"),
                named(w.IntText(value=int(customers), layout=w.Layout(width="auto")), f"{_HEADERS[1]} for {label}"),
                named(w.FloatText(value=float(margin), layout=w.Layout(width="auto")), f"{_HEADERS[2]} for {label}"),
                *(
                    named(w.FloatText(value=float(v), step=0.01, layout=w.Layout(width="auto")), f"{header} for {label}")
                    for v, header in zip((retention, now, target), _HEADERS[3:6])
                ),
            )
            self.rows.append(row)
            cells.extend(row)
        style = {"description_width": "22em"}
        self.discount_rate = w.FloatText(
            value=discount_rate, step=0.01, description="Discount rate (0.1 = 10%)", style=style,
            layout=w.Layout(width="32em"),
        )
        self.retention_gain = w.FloatText(
            value=retention_gain, step=0.01,
            description="What-if: retention gain you assume (0.02 = 2 points)", style=style,
            layout=w.Layout(width="32em"),
        )
        grid = w.GridBox(cells, layout=w.Layout(grid_template_columns="14em repeat(5, 9em)", grid_gap="4px 8px"))
        self.output = w.Output()
        controls = (self.discount_rate, self.retention_gain, *(widget for row in self.rows for widget in row))
        for control in controls:
            control.observe(self._changed, names="value")
        self.widget = w.VBox([grid, self.discount_rate, self.retention_gain, self.output])
        self.update()

    def _changed(self, _change: dict) -> None:
        self.update()

    def table(self) -> pd.DataFrame:
        """The segments as typed in the form."""
        return pd.DataFrame(
            [[widget.value for widget in row] for row in self.rows],
            columns=["segment", "customers", "annual_margin", "retention_rate", "top_box_share", "target_top_box_share"],
        )

    def results(self) -> list[object]:
        """What the form shows: the advice, the plan table, the chart and the what-if.

        A bad input gives a single message saying what to fix.
        """
        try:
            table = self.table()
            plan = st.plan_targets(table, discount_rate=self.discount_rate.value)
            gain = self.retention_gain.value
            what_if = st.what_if_retention(table, gain, discount_rate=self.discount_rate.value) if gain else None
        except ValueError as error:
            return [HTML(f'<p role="alert"><strong>Check your numbers:</strong> {escape(str(error))}</p>')]
        ordered = _by_priority(plan)
        advice = "".join(
            f"<li><strong>{escape(str(row.segment))}</strong>: {escape(row.advice)}</li>" for row in ordered.itertuples()
        )
        items: list[object] = [
            HTML(f"<ul>{advice}</ul>"),
            plan_table(plan),
            HTML(figure_html(targets_chart(plan), describe_targets_chart(plan))),
        ]
        if what_if is None:
            items.append(HTML(
                "<p>What-if: type the retention gain <em>you</em> assume if a segment reached its target "
                "(no research figure gives it for your business) to see what it would be worth.</p>"
            ))
        else:
            items.append(HTML(
                f"<p><strong>What-if, with your assumption of {gain * 100:+g} points of retention:</strong> "
                f"a calculation, not a forecast.</p>"
            ))
            items.append(what_if_table(what_if))
        return items

    def update(self) -> None:
        """Recompute and redraw the results from the current inputs."""
        self.output.clear_output(wait=True)
        with self.output:
            for item in self.results():
                display(item)


def satisfaction_targets_form(**starting_values) -> w.VBox:
    """Build the satisfaction targets form and return the widget to display.

    Parameters
    ----------
    **starting_values
        ``segments`` (tuples of segment, customers, yearly margin, retention,
        top-box share, target), ``discount_rate`` and ``retention_gain``.

    Returns
    -------
    ipywidgets.VBox

    Examples
    --------
    >>> form = satisfaction_targets_form(discount_rate=0.1)  # doctest: +SKIP
    """
    return SatisfactionTargetsForm(**starting_values).widget
