"""The SERVQUAL worksheet: a grid of five dimensions, its tables for reading, its chart.

:func:`servqual_chart` draws each dimension's expectation and perception on
the 1–7 scale, joined by a line, with the gap written beside it;
:func:`describe_servqual` says the same in words. The scores are
:mod:`.calc`'s, over a survey file :mod:`.table`'s.
"""

from __future__ import annotations

from typing import Any

import ipywidgets as w
import pandas as pd
from IPython.display import HTML
from matplotlib.lines import Line2D

from ...core.figures import PALETTE, CourseFigure, figure_html, legend_under, new_figure, plain_axes
from ...core.messages import Messages, current_language
from ...core.tables import format_table, with_headings
from ..spec import load_spec
from ..worksheet import Worksheet, named
from . import calc, describe, table
from .calc import DIMENSIONS

__all__ = [
    "EXAMPLE", "dimension_table", "item_table", "servqual_chart", "describe_servqual",
    "ServqualForm", "servqual_form",
]

_ = Messages("tools.servqual")

_EXPECTATION_COLOR = describe.EXPECTATION_COLOR
_PERCEPTION_COLOR = describe.PERCEPTION_COLOR
_ABOVE_COLOR = describe.ABOVE_COLOR
#: The three numbers of each dimension, by the end of their fields' names.
_SIDES = ("expected", "perceived", "points")



def _headings(name: str) -> dict[str, str]:
    """The headings of a table written for reading (servqual.yml, ``reading:``), in the
    reader's language."""
    return load_spec("servqual", current_language()).reading[name]


def _example() -> dict[str, list[float]]:
    example = load_spec("servqual").example
    return {
        argument: [example[f"{d.key}_{side}"] for d in DIMENSIONS]
        for argument, side in zip(("expectations", "perceptions", "weights"), _SIDES, strict=True)
    }


#: The worked example of the Learn chapter "Delivering value" (the spec's ``example``), as the
#: arguments of :func:`customer_focus.tools.servqual.table.score_dimensions`.
EXAMPLE: dict[str, list[float]] = _example()


def _signed(value: float, places: int = 2) -> str:
    return f"{value:+.{places}f}".replace("-", "−")


def dimension_table(dimensions: pd.DataFrame) -> pd.DataFrame:
    """The output of :func:`customer_focus.tools.servqual.table.dimension_gaps`, for reading.

    Examples
    --------
    >>> shown = dimension_table(table.score_dimensions(**EXAMPLE))
    >>> shown.loc["Reliability", "Gap (P − E)"]
    '−1.50'
    """
    shown = format_table(
        dimensions,
        percent=["weight"] if "weight" in dimensions else (),
        decimals={"expectation": 2, "perception": 2},
    )
    shown["dimension"] = [describe.dimension_name(name) for name in dimensions["dimension"]]
    shown["gap"] = [_signed(value) for value in dimensions["gap"]]
    if "weighted_gap" in dimensions:
        shown["weighted_gap"] = [_signed(value, 3) for value in dimensions["weighted_gap"]]
    return with_headings(shown, _headings("dimension"))


def item_table(items: pd.DataFrame) -> pd.DataFrame:
    """The output of :func:`customer_focus.tools.servqual.table.item_gaps`, for reading.

    Examples
    --------
    >>> row = {**{f"E{i}": 6 for i in range(1, 23)}, **{f"P{i}": 5 for i in range(1, 23)}}
    >>> item_table(table.item_gaps(pd.DataFrame([row]))).loc[22, "Gap (P − E)"]
    '−1.00'
    """
    shown = format_table(items, decimals={"expectation": 2, "perception": 2})
    shown["gap"] = [_signed(value) for value in items["gap"]]
    if "label" in items and "item" in items:
        shown["label"] = [calc.item_label(item) for item in items["item"]]
    if "dimension" in items:
        shown["dimension"] = [describe.dimension_name(name) for name in items["dimension"]]
    return with_headings(shown, _headings("item"))


def _dimension_rows(dimensions: pd.DataFrame) -> pd.DataFrame:
    for column in ("dimension", "expectation", "perception", "gap"):
        if column not in dimensions.columns:
            raise ValueError(_(
                "the chart needs the table from table.dimension_gaps; column {column!r} is "
                "missing."
            ).format(column=column))
    return dimensions[dimensions["dimension"] != calc.OVERALL]


def servqual_chart(dimensions: pd.DataFrame, *, title: str | None = None) -> CourseFigure:
    """Expectation and perception for each dimension on the 1–7 scale, with the gap.

    Each dimension is a line from the average expectation (open circle) to the
    average perception (filled circle); the gap P − E is written at the right.

    Parameters
    ----------
    dimensions : pandas.DataFrame
        The output of :func:`customer_focus.tools.servqual.table.dimension_gaps`
        or :func:`~customer_focus.tools.servqual.table.score_dimensions` (the
        overall row is left out).
    title : str, optional
        A title for the chart.

    Returns
    -------
    CourseFigure
        The chart, one row per dimension.

    Examples
    --------
    >>> figure = servqual_chart(table.score_dimensions(**EXAMPLE))
    >>> [label.get_text() for label in figure.axes[0].get_yticklabels()][-1]
    'Tangibles'
    """
    rows = _dimension_rows(dimensions).iloc[::-1]
    figure = new_figure(7.5, 1.5 + 0.55 * len(rows))
    axes = figure.add_subplot()
    axes.set_facecolor("white")
    positions = list(range(len(rows)))
    for y, (_index, row) in zip(positions, rows.iterrows(), strict=True):
        color = _PERCEPTION_COLOR if row["gap"] < 0 else _ABOVE_COLOR
        axes.plot(
            [row["expectation"], row["perception"]], [y, y], color=color, linewidth=2.2, zorder=1
        )
        axes.text(
            7.25, y, _signed(row["gap"]), va="center", ha="left", fontsize=9.5,
            color=PALETTE["ink"],
        )
    axes.scatter(
        rows["expectation"], positions, s=70, facecolor="white", edgecolor=_EXPECTATION_COLOR,
        linewidth=2, zorder=2, label=_(describe.EXPECTED),
    )
    axes.scatter(
        rows["perception"], positions, s=70, color=_PERCEPTION_COLOR, marker="D", zorder=3,
        label=_(describe.PERCEIVED),
    )
    axes.set_yticks(positions, [describe.dimension_name(name) for name in rows["dimension"]])
    axes.set_xlim(1, 7.9)
    axes.set_xticks(range(1, 8))
    axes.set_ylim(-0.6, len(rows) - 0.4)
    axes.text(
        7.25, len(rows) - 0.45, _(describe.GAP), fontsize=9.5, color=PALETTE["ink"],
        fontweight="bold", va="bottom",
    )
    axes.set_xlabel(_(describe.X_LABEL), color=PALETTE["ink"])
    plain_axes(axes, grid="x", title=title)
    handles, labels = axes.get_legend_handles_labels()
    handles += [
        Line2D([], [], color=_PERCEPTION_COLOR, linewidth=2.2),
        Line2D([], [], color=_ABOVE_COLOR, linewidth=2.2),
    ]
    labels += [_(describe.SHORTFALL), _(describe.AT_OR_ABOVE)]
    legend_under(figure, handles, labels, columns=4, space=0.5 / figure.get_figheight())
    return figure


def describe_servqual(dimensions: pd.DataFrame) -> str:
    """Alt text for :func:`servqual_chart`, written from the same table.

    Examples
    --------
    >>> describe_servqual(table.score_dimensions(**EXAMPLE))[:40]
    'Dot chart of average expectation and per'
    """
    _dimension_rows(dimensions)  # the columns the chart needs
    return describe.servqual(dimensions.to_dict("records"))


class ServqualForm(Worksheet):
    """The worksheet's form: average expectation, perception and points per dimension.

    The fifteen numbers are a grid (a row per dimension), made by
    :meth:`layout` from the spec's fields (``tangibles_expected`` ...) and
    registered as the form's controls.

    Parameters
    ----------
    expectations, perceptions : sequence of float
        Five averages from 1 to 7, in RATER order.
    weights : sequence of float
        Five point allocations that add up to 100.
    use_weights : bool
        Whether to compute the weighted score.
    """

    tool = "servqual"
    inputs = ()

    def __init__(
        self,
        expectations: list[float] | None = None,
        perceptions: list[float] | None = None,
        weights: list[float] | None = None,
        use_weights: bool = True,
    ) -> None:
        given = (expectations, perceptions, weights)
        self._starting = {
            side: list(values or EXAMPLE[argument])
            for side, values, argument in zip(_SIDES, given, EXAMPLE, strict=True)
        }
        self.use_weights = w.Checkbox(
            value=use_weights, description=_("Weight the dimensions by their points")
        )
        super().__init__()

    def layout(self) -> list[w.Widget]:
        """A heading row, one row per dimension, and the checkbox."""
        headings = (
            (_("Dimension"), "11em"), (_("Expected (1–7)"), "9em"), (_("Perceived (1–7)"), "9em"),
            (_("Points (of 100)"), "9em"),
        )
        rows = [
            w.HBox([w.Label(text, layout=w.Layout(width=width)) for text, width in headings])
        ]
        cells: dict[str, list[w.FloatText]] = {side: [] for side in _SIDES}
        for index, dimension in enumerate(DIMENSIONS):
            for side in _SIDES:
                field = self.spec.fields[f"{dimension.key}_{side}"]
                cell = w.FloatText(
                    value=self._starting[side][index], step=field.step,
                    layout=w.Layout(width="8em"),
                )
                self.controls[field.name] = named(cell, field.label)
                cells[side].append(cell)
            row = [self.controls[f"{dimension.key}_{side}"] for side in _SIDES]
            rows.append(w.HBox([
                w.Label(describe.dimension_name(dimension.name), layout=w.Layout(width="11em")),
                *row,
            ]))
        self.expectations, self.perceptions, self.weights = (cells[side] for side in _SIDES)
        self.watch(self.use_weights)
        return [*rows, self.use_weights]

    def compute(self, values: dict[str, Any]) -> list[object]:
        """The scores, the table and the chart."""
        expectations, perceptions, weights = (
            [values[f"{d.key}_{side}"] for d in DIMENSIONS] for side in _SIDES
        )
        summary = table.score_dimensions(
            expectations, perceptions, weights if self.use_weights.value else None
        )
        overall = summary.iloc[-1]
        weighted = _signed(overall["weighted_gap"]) if "weighted_gap" in summary else None
        sentence = describe.overall_sentence(_signed(overall["gap"]), weighted, strong=True)
        text = f"<p>{sentence} {_(describe.NOTE)}</p>"
        figure = servqual_chart(summary)
        return [
            HTML(text),
            dimension_table(summary),
            HTML(figure_html(figure, describe_servqual(summary))),
        ]


def servqual_form(**starting_values: Any) -> w.VBox:
    """The SERVQUAL form, ready to display.

    ``starting_values`` fill its boxes: ``expectations``, ``perceptions``, ``weights`` (five
    numbers each) and ``use_weights``.
    """
    return ServqualForm(**starting_values).widget
