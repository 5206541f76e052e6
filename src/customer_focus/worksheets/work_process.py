"""Form and chart of the improving work processes worksheet.

The arithmetic lives in :mod:`customer_focus.work_process`; this module lays
out the inputs and shows the results.
"""

from __future__ import annotations

import textwrap
from html import escape

import ipywidgets as w
import numpy as np
import pandas as pd
from IPython.display import HTML, display
from matplotlib.figure import Figure
from matplotlib.lines import Line2D
from matplotlib.patches import Patch

from .. import work_process as wp
from ..core.figures import PALETTE, new_figure as _new_figure, figure_html
from ..core.tables import format_table
from ..tools.worksheet import named

__all__ = [
    "summary_table",
    "improvement_table",
    "process_chart",
    "describe_process_chart",
    "WorkProcessForm",
    "work_process_form",
]

_NEEDED = ("order", "step", "minutes", "adds_value", "fail_point", "what_goes_wrong", "share_of_time")
_VALUE = PALETTE["line"]
_NO_VALUE = PALETTE["customers"]


def _check(analysis: pd.DataFrame, caller: str) -> None:
    for column in _NEEDED:
        if column not in analysis.columns:
            raise ValueError(
                f"{caller} needs the table from work_process.analyze_process; column {column!r} is missing."
            )


def _minutes(value: float) -> str:
    return f"{round(float(value), 1):g}"


def summary_table(summary: dict[str, float]) -> pd.DataFrame:
    """The process summary as a two-column table, for display.

    Parameters
    ----------
    summary : dict
        The output of :func:`customer_focus.work_process.process_summary`.

    Returns
    -------
    pandas.DataFrame
        Text, indexed by measure.

    Examples
    --------
    >>> summary_table({"steps": 2, "total_minutes": 120.0, "value_added_minutes": 90.0,
    ...     "value_added_share": 0.75, "non_value_added_minutes": 30.0, "fail_points": 0,
    ...     "steps_to_improve": 1})["Value"].tolist()[:3]
    ['2', '120 min', '90 min (75.0%)']
    """
    rows = [
        ("Steps", f"{int(summary['steps'])}"),
        ("Total time", f"{_minutes(summary['total_minutes'])} min"),
        (
            "Time that adds value for the customer",
            f"{_minutes(summary['value_added_minutes'])} min ({summary['value_added_share']:.1%})",
        ),
        ("Time that adds no value", f"{_minutes(summary['non_value_added_minutes'])} min"),
        ("Fail points", f"{int(summary['fail_points'])}"),
        ("Steps on the improvement list", f"{int(summary['steps_to_improve'])}"),
    ]
    if "customer_minutes" in summary:
        rows.append(("Time in steps the customer sees", f"{_minutes(summary['customer_minutes'])} min"))
    return pd.DataFrame(rows, columns=["Measure", "Value"]).set_index("Measure")


def _action(adds_value: bool, fail_point: bool) -> str:
    if not adds_value and fail_point:
        return "Remove or shorten it, and make it fail-safe"
    if fail_point:
        return "Make it fail-safe"
    return "Remove it, shorten it, or run it alongside another step"


def improvement_table(listing: pd.DataFrame) -> pd.DataFrame:
    """The improvement list with readable headings, for display.

    Parameters
    ----------
    listing : pandas.DataFrame
        The output of :func:`customer_focus.work_process.where_to_improve`.

    Returns
    -------
    pandas.DataFrame
        Text, indexed by priority.
    """
    for column in ("priority", "order", "step", "minutes", "share_of_time", "adds_value", "fail_point", "what_goes_wrong"):
        if column not in listing.columns:
            raise ValueError(
                f"improvement_table needs the table from work_process.where_to_improve; column {column!r} is missing."
            )
    shown = format_table(listing, percent=["share_of_time"])
    shown["minutes"] = [_minutes(value) for value in listing["minutes"]]
    shown["adds_value"] = ["yes" if value else "no" for value in listing["adds_value"]]
    shown["fail_point"] = ["yes" if value else "no" for value in listing["fail_point"]]
    shown["action"] = [_action(bool(adds), bool(fails)) for adds, fails in zip(listing["adds_value"], listing["fail_point"])]
    columns = {
        "priority": "Priority",
        "order": "Step no.",
        "step": "Step",
        "minutes": "Minutes",
        "share_of_time": "Share of the time",
        "adds_value": "Adds value",
        "fail_point": "Fail point",
        "what_goes_wrong": "What goes wrong",
        "action": "What to do",
    }
    return shown[list(columns)].rename(columns=columns).set_index("Priority")


def process_chart(analysis: pd.DataFrame, *, title: str | None = None) -> Figure:
    """Horizontal bars, one per step in process order: minutes, value-adding or not, fail points marked.

    Parameters
    ----------
    analysis : pandas.DataFrame
        The output of :func:`customer_focus.work_process.analyze_process`.
    title : str, optional
        A title for the chart.

    Returns
    -------
    matplotlib.figure.Figure
    """
    _check(analysis, "process_chart")
    count = len(analysis)
    height = 2.3 + 0.36 * count + (0.3 if title else 0)
    figure = _new_figure(9, height)
    axes = figure.add_subplot()
    axes.set_facecolor("white")
    positions = np.arange(count)[::-1]  # the first step at the top
    adds = analysis["adds_value"].to_numpy(dtype=bool)
    fails = analysis["fail_point"].to_numpy(dtype=bool)
    minutes = analysis["minutes"].to_numpy(dtype=float)
    bars = axes.barh(
        positions, minutes, color=np.where(adds, _VALUE, _NO_VALUE), edgecolor=PALETTE["ink"], linewidth=0.6,
    )
    top = float(minutes.max()) if count else 1.0
    for bar, position, value, failing in zip(bars, positions, minutes, fails):
        text_at = value + top * 0.015
        if failing:
            bar.set_hatch("//")
            axes.plot(
                value + top * 0.035, position, marker="X", markersize=9, color=PALETTE["accent"],
                markeredgecolor=PALETTE["ink"], linestyle="none",
            )
            text_at = value + top * 0.065
        axes.text(text_at, position, f"{_minutes(value)} min", va="center", fontsize=8.5, color=PALETTE["ink"])
    names = [
        textwrap.shorten(f"{int(order)}. {step}", width=52, placeholder="…")
        for order, step in zip(analysis["order"], analysis["step"])
    ]
    axes.set_yticks(list(positions), names)
    axes.set_xlim(0, top * 1.3)
    axes.set_xlabel("Minutes (elapsed time, waiting included)", color=PALETTE["ink"])
    axes.grid(axis="x", color=PALETTE["grid"], linewidth=0.6)
    axes.set_axisbelow(True)
    if title:
        axes.set_title(title, color=PALETTE["ink"])
    handles = [
        Patch(facecolor=_VALUE, edgecolor=PALETTE["ink"], label="Adds value for the customer"),
        Patch(facecolor=_NO_VALUE, edgecolor=PALETTE["ink"], label="Adds no value"),
        Line2D([], [], marker="X", linestyle="none", markersize=9, color=PALETTE["accent"],
               markeredgecolor=PALETTE["ink"], label="Fail point (hatched bar)"),
    ]
    figure.legend(handles=handles, loc="lower center", ncol=3, frameon=False, fontsize=9)
    figure.tight_layout(rect=(0, 0.45 / height, 1, 1))
    return figure


def describe_process_chart(analysis: pd.DataFrame) -> str:
    """Alt text for :func:`process_chart`, written from the same data.

    Examples
    --------
    >>> from customer_focus.work_process import analyze_process
    >>> steps = pd.DataFrame({"step": ["Wait", "Repair"], "minutes": [30, 90],
    ...                       "adds_value": ["no", "yes"], "fail_point": ["no", "no"]})
    >>> describe_process_chart(analyze_process(steps))[:46]
    'Horizontal bar chart of 2 process steps in ord'
    """
    _check(analysis, "describe_process_chart")
    summary = wp.process_summary(analysis)
    waste = analysis.loc[~analysis["adds_value"].astype(bool)].sort_values(
        ["minutes", "order"], ascending=[False, True], kind="stable"
    )
    fails = analysis.loc[analysis["fail_point"].astype(bool)]
    text = (
        f"Horizontal bar chart of {len(analysis)} process steps in order, from {analysis['step'].iloc[0]} to "
        f"{analysis['step'].iloc[-1]}, with each bar's length in minutes. The process takes "
        f"{_minutes(summary['total_minutes'])} minutes, of which {_minutes(summary['value_added_minutes'])} "
        f"({summary['value_added_share']:.0%}) add value for the customer."
    )
    if not waste.empty:
        longest = waste.iloc[0]
        text += (
            f" {len(waste)} steps add no value; the longest is {longest['step']} "
            f"({_minutes(longest['minutes'])} minutes)."
        )
    if fails.empty:
        text += " No step is marked as a fail point."
    else:
        listed = ", ".join(str(step) for step in fails["step"])
        text += f" {len(fails)} fail point{'s are' if len(fails) > 1 else ' is'} marked with a cross: {listed}."
    return text


# ---- the live form ----------------------------------------------------------------

_DEFAULT_STEPS = (
    ("Customer phones to book", 6, False, True, "Booking not confirmed in writing"),
    ("Customer repeats the details at the counter", 8, False, True, "Details copied by hand"),
    ("Van waits for a bay", 95, False, False, ""),
    ("Technician diagnoses", 35, True, False, ""),
    ("Repair", 90, True, False, ""),
    ("Van waits for the driver", 60, False, False, ""),
)
_HEADERS = ("Step (in order)", "Minutes", "Adds value", "Fail point", "What goes wrong")


class WorkProcessForm:
    """The worksheet's form: up to ``rows`` steps in order; rows with no step name are skipped.

    Parameters
    ----------
    steps : sequence of (step, minutes, adds_value, fail_point, what_goes_wrong)
        Starting values, one tuple per step.
    rows : int
        Number of rows in the form (at least as many as ``steps``).

    Attributes
    ----------
    widget : ipywidgets.VBox
        What to display.
    """

    def __init__(self, steps=_DEFAULT_STEPS, rows: int = 10) -> None:
        cells: list[w.Widget] = [w.Label(value=text, style={"font_weight": "bold"}) for text in _HEADERS]
        filled = list(steps) + [("", 0.0, False, False, "")] * max(rows - len(steps), 0)
        self.rows: list[tuple[w.Widget, ...]] = []
        for name, minutes, adds, fails, wrong in filled:
            step = f"step {len(self.rows) + 1}"
            row = (
                named(w.Text(value=str(name), placeholder="step name", layout=w.Layout(width="auto")), f"Name of {step}"),
                named(w.FloatText(value=float(minutes), layout=w.Layout(width="auto")), f"Minutes for {step}"),
                named(w.Checkbox(value=bool(adds), indent=False, layout=w.Layout(width="auto")), f"{step.capitalize()} adds value for the customer"),
                named(w.Checkbox(value=bool(fails), indent=False, layout=w.Layout(width="auto")), f"{step.capitalize()} is a fail point"),
                named(w.Text(value=str(wrong), placeholder="for a fail point", layout=w.Layout(width="auto")), f"What goes wrong at {step}"),
            )
            self.rows.append(row)
            cells.extend(row)
        grid = w.GridBox(
            cells, layout=w.Layout(grid_template_columns="20em 6em 6em 6em 18em", grid_gap="4px 8px")
        )
        self.output = w.Output()
        for control in (widget for row in self.rows for widget in row):
            control.observe(self._changed, names="value")
        self.widget = w.VBox([grid, self.output])
        self.update()

    def _changed(self, _change: dict) -> None:
        self.update()

    def table(self) -> pd.DataFrame:
        """The steps typed in the form, in order, without the empty rows."""
        kept = [[widget.value for widget in row] for row in self.rows if str(row[0].value).strip()]
        return pd.DataFrame(kept, columns=["step", "minutes", "adds_value", "fail_point", "what_goes_wrong"])

    def results(self) -> list[object]:
        """What the form shows: the summary, the improvement list and the chart.

        A bad input gives a single message saying what to fix.
        """
        table = self.table()
        if table.empty:
            return [HTML('<p role="alert"><strong>Check your steps:</strong> type at least one step name.</p>')]
        try:
            analysis = wp.analyze_process(table)
        except ValueError as error:
            return [HTML(f'<p role="alert"><strong>Check your steps:</strong> {escape(str(error))}</p>')]
        summary = wp.process_summary(analysis)
        return [
            summary_table(summary),
            improvement_table(wp.where_to_improve(analysis)),
            HTML(figure_html(process_chart(analysis), describe_process_chart(analysis))),
        ]

    def update(self) -> None:
        """Recompute and redraw the results from the current inputs."""
        self.output.clear_output(wait=True)
        with self.output:
            for item in self.results():
                display(item)


def work_process_form(**starting_values) -> w.VBox:
    """Build the work process form and return the widget to display.

    Parameters
    ----------
    **starting_values
        ``steps`` (tuples of step, minutes, adds value, fail point, what goes
        wrong) and ``rows``.

    Returns
    -------
    ipywidgets.VBox

    Examples
    --------
    >>> form = work_process_form(rows=12)  # doctest: +SKIP
    """
    return WorkProcessForm(**starting_values).widget
