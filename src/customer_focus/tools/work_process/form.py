"""The improving work processes worksheet's live form, its tables for reading, and its chart.

The arithmetic is :mod:`customer_focus.tools.work_process.calc`'s, over the
learner's table in :mod:`customer_focus.tools.work_process.table`; this module
lays out the inputs and shows the results. The chart has a ``describe_...``
function writing its alt text from the same data.
"""

from __future__ import annotations

import textwrap
from typing import Any

import ipywidgets as w
import numpy as np
import pandas as pd
from IPython.display import HTML
from matplotlib.figure import Figure
from matplotlib.lines import Line2D
from matplotlib.patches import Patch

from ...core.figures import PALETTE, figure_html, legend_under, new_figure, plain_axes
from ...core.messages import Messages
from ...core.tables import require_output
from ..spec import load_spec
from ..worksheet import GridColumn, GridWorksheet
from . import describe, table

_ = Messages("tools.work_process")

__all__ = [
    "summary_table",
    "improvement_table",
    "process_chart",
    "describe_process_chart",
    "WorkProcessForm",
    "work_process_form",
]

_NEEDED = (
    "order", "step", "minutes", "adds_value", "fail_point", "what_goes_wrong", "share_of_time",
)
_VALUE = PALETTE["line"]
_NO_VALUE = PALETTE["customers"]


#: The headings of the tables written for reading (work_process.yml, ``reading:``).
_HEADINGS = load_spec("work_process").reading


def _check(analysis: pd.DataFrame, reader: str) -> None:
    require_output(analysis, _NEEDED, reader=reader, maker="analyze_process")


_minutes = describe.minutes


def summary_table(summary: dict[str, float]) -> pd.DataFrame:
    """The output of :func:`~.table.process_summary` as a two-column table, for reading.

    Text, indexed by measure.

    Examples
    --------
    >>> summary_table({"steps": 2, "total_minutes": 120.0, "value_added_minutes": 90.0,
    ...     "value_added_share": 0.75, "non_value_added_minutes": 30.0, "fail_points": 0,
    ...     "steps_to_improve": 1})["Value"].tolist()[:3]
    ['2', '120 min', '90 min (75.0%)']
    """
    rows = describe.summary_rows(summary)
    return pd.DataFrame(rows, columns=[_("Measure"), _("Value")]).set_index(_("Measure"))


def improvement_table(listing: pd.DataFrame) -> pd.DataFrame:
    """The output of :func:`~.table.where_to_improve`, for reading: text, indexed by priority."""
    require_output(
        listing, ("priority", *_NEEDED), reader="improvement_table", maker="where_to_improve"
    )
    rows = describe.improvement_rows(listing.to_dict("records"))
    headings = [_(heading) for heading in describe.IMPROVEMENT_HEADINGS]
    shown = pd.DataFrame(rows, columns=headings, dtype=object)
    shown[headings[0]] = listing["priority"].to_numpy()  # numbers, as the listing has them
    shown[headings[1]] = listing["order"].to_numpy()
    return shown.set_index(headings[0])


def process_chart(analysis: pd.DataFrame, *, title: str | None = None) -> Figure:
    """Horizontal bars, one per step in order: minutes, value-adding or not, fail points marked.

    ``analysis`` is the output of :func:`~.table.analyze_process`; ``title``,
    when given, heads the chart.
    """
    _check(analysis, "process_chart")
    count = len(analysis)
    height = 2.3 + 0.36 * count + (0.3 if title else 0)
    figure = new_figure(9, height)
    axes = figure.add_subplot()
    axes.set_facecolor("white")
    positions = np.arange(count)[::-1]  # the first step at the top
    adds = analysis["adds_value"].to_numpy(dtype=bool)
    fails = analysis["fail_point"].to_numpy(dtype=bool)
    minutes = analysis["minutes"].to_numpy(dtype=float)
    bars = axes.barh(
        positions, minutes, color=np.where(adds, _VALUE, _NO_VALUE), edgecolor=PALETTE["ink"],
        linewidth=0.6,
    )
    top = float(minutes.max()) if count else 1.0
    for bar, position, value, failing in zip(bars, positions, minutes, fails, strict=True):
        text_at = value + top * 0.015
        if failing:
            bar.set_hatch("//")
            axes.plot(
                value + top * 0.035, position, marker="X", markersize=9, color=PALETTE["accent"],
                markeredgecolor=PALETTE["ink"], linestyle="none",
            )
            text_at = value + top * 0.065
        axes.text(
            text_at, position, _("{minutes} min").format(minutes=_minutes(value)), va="center",
            fontsize=8.5,
            color=PALETTE["ink"],
        )
    names = [
        textwrap.shorten(f"{int(order)}. {step}", width=52, placeholder="…")
        for order, step in zip(analysis["order"], analysis["step"], strict=True)
    ]
    axes.set_yticks(list(positions), names)
    axes.set_xlim(0, top * 1.3)
    axes.set_xlabel(_("Minutes (elapsed time, waiting included)"), color=PALETTE["ink"])
    plain_axes(axes, grid="x", title=title, box=True)
    handles = [
        Patch(facecolor=_VALUE, edgecolor=PALETTE["ink"], label=_("Adds value for the customer")),
        Patch(facecolor=_NO_VALUE, edgecolor=PALETTE["ink"], label=_("Adds no value")),
        Line2D([], [], marker="X", linestyle="none", markersize=9, color=PALETTE["accent"],
               markeredgecolor=PALETTE["ink"], label=_("Fail point (hatched bar)")),
    ]
    legend_under(figure, handles, columns=3, space=0.45 / height)
    return figure


def describe_process_chart(analysis: pd.DataFrame) -> str:
    """Alt text for :func:`process_chart`, written from the same data.

    Examples
    --------
    >>> steps = pd.DataFrame({"step": ["Wait", "Repair"], "minutes": [30, 90],
    ...                       "adds_value": ["no", "yes"], "fail_point": ["no", "no"]})
    >>> describe_process_chart(table.analyze_process(steps))[:46]
    'Horizontal bar chart of 2 process steps in ord'
    """
    _check(analysis, "describe_process_chart")
    summary = table.process_summary(analysis)
    return describe.process_chart(analysis.to_dict("records"), summary)


# ---- the live form ----------------------------------------------------------------


class WorkProcessForm(GridWorksheet):
    """The worksheet's form: up to ``rows`` steps in order; rows with no step name are skipped.

    Parameters
    ----------
    steps : sequence of (step, minutes, adds_value, fail_point, what_goes_wrong), optional
        Starting values, one tuple per step; by default the spec's worked
        example, a fleet van's service visit.
    rows : int
        Number of rows in the form (at least as many as ``steps``).

    Attributes
    ----------
    widget : ipywidgets.VBox
        What to display.
    """

    tool = "work_process"
    inputs = ()
    alert_heading = "Check your steps"
    example_table = "steps"
    columns = (
        GridColumn("step", "Step (in order)", "Name of step {number}", placeholder="step name"),
        GridColumn("minutes", "Minutes", "Minutes for step {number}"),
        GridColumn("adds_value", "Adds value", "Step {number} adds value for the customer"),
        GridColumn("fail_point", "Fail point", "Step {number} is a fail point"),
        GridColumn(
            "what_goes_wrong", "What goes wrong", "What goes wrong at step {number}",
            placeholder="for a fail point",
        ),
    )
    grid_template = "20em 6em 6em 6em 18em"

    def __init__(self, steps: Any = None, rows: int = 10) -> None:
        super().__init__(steps, size=rows)

    def table(self) -> pd.DataFrame:
        """The steps typed in the form, in order, without the empty rows."""
        typed = super().table()
        named = (typed["step"].str.strip() != "").tolist()
        steps = typed.loc[named].reset_index(drop=True)
        steps.attrs["row_labels"] = [  # each step keeps its row's number, as the grid shows it
            label for label, kept in zip(typed.attrs["row_labels"], named, strict=True) if kept
        ]
        return steps

    def compute(self, values: dict[str, Any]) -> list[object]:
        """The summary, the improvement list and the chart."""
        steps = self.table()
        if steps.empty:
            raise ValueError(_("type at least one step name."))
        analysis = table.analyze_process(steps)
        return [
            summary_table(table.process_summary(analysis)),
            improvement_table(table.where_to_improve(analysis)),
            HTML(figure_html(process_chart(analysis), describe_process_chart(analysis))),
        ]


def work_process_form(**starting_values: Any) -> w.VBox:
    """The work process form, ready to display.

    ``starting_values`` fill its boxes: ``steps`` (tuples of step, minutes, adds value, fail
    point, what goes wrong) and ``rows``.
    """
    return WorkProcessForm(**starting_values).widget
