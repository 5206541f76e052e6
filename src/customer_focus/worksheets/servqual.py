"""The service quality (SERVQUAL) worksheet: its live form and its chart.

The arithmetic lives in :mod:`customer_focus.servqual`; this module lays out
the inputs, formats the results and draws expectation against perception
for each dimension.
"""

from __future__ import annotations

from html import escape

import ipywidgets as w
import pandas as pd
from IPython.display import HTML, display
from matplotlib.lines import Line2D

from .. import servqual
from ..core.figures import PALETTE, CourseFigure, new_figure as _new_figure, figure_html
from ..core.tables import format_table
from ..tools.worksheet import named

__all__ = [
    "EXAMPLE",
    "dimension_table",
    "item_table",
    "servqual_chart",
    "describe_servqual",
    "ServqualForm",
    "servqual_form",
]

_EXPECTATION_COLOR = PALETTE["line"]
_PERCEPTION_COLOR = PALETTE["accent"]
_ABOVE_COLOR = "#2e7d32"

#: The worked example of the Learn chapter "Delivering value" (invented numbers).
EXAMPLE = {
    "expectations": [5.0, 6.6, 6.2, 6.0, 5.4],
    "perceptions": [5.4, 5.1, 5.0, 5.8, 5.6],
    "weights": [10, 35, 25, 15, 15],
}


def _signed(value: float, places: int = 2) -> str:
    return f"{value:+.{places}f}".replace("-", "−")


def dimension_table(dimensions: pd.DataFrame) -> pd.DataFrame:
    """The output of :func:`customer_focus.servqual.dimension_gaps`, written for reading.

    Examples
    --------
    >>> shown = dimension_table(servqual.score_dimensions(**EXAMPLE))
    >>> shown.loc["Reliability", "Gap (P − E)"]
    '−1.50'
    """
    shown = format_table(
        dimensions,
        percent=["weight"] if "weight" in dimensions else (),
        decimals={"expectation": 2, "perception": 2},
    )
    shown["gap"] = [_signed(value) for value in dimensions["gap"]]
    if "weighted_gap" in dimensions:
        shown["weighted_gap"] = [_signed(value, 3) for value in dimensions["weighted_gap"]]
    return shown.rename(
        columns={
            "dimension": "Dimension",
            "items": "Items",
            "expectation": "Expected (E)",
            "perception": "Perceived (P)",
            "gap": "Gap (P − E)",
            "weight": "Weight (share of 100 points)",
            "weighted_gap": "Weighted gap",
        }
    ).set_index("Dimension")


def item_table(items: pd.DataFrame) -> pd.DataFrame:
    """The output of :func:`customer_focus.servqual.item_gaps`, written for reading."""
    shown = format_table(items, decimals={"expectation": 2, "perception": 2})
    shown["gap"] = [_signed(value) for value in items["gap"]]
    return shown.rename(
        columns={
            "item": "Item", "label": "Label", "dimension": "Dimension",
            "expectation": "Expected (E)", "perception": "Perceived (P)", "gap": "Gap (P − E)",
        }
    ).set_index("Item")


def _dimension_rows(dimensions: pd.DataFrame) -> pd.DataFrame:
    for column in ("dimension", "expectation", "perception", "gap"):
        if column not in dimensions.columns:
            raise ValueError(
                f"the chart needs the table from servqual.dimension_gaps; column {column!r} is missing."
            )
    return dimensions[dimensions["dimension"] != servqual.OVERALL]


def servqual_chart(dimensions: pd.DataFrame, *, title: str | None = None) -> CourseFigure:
    """Expectation and perception for each dimension on the 1–7 scale, with the gap.

    Each dimension is a line from the average expectation (open circle) to the
    average perception (filled circle); the gap P − E is written at the right.

    Parameters
    ----------
    dimensions : pandas.DataFrame
        The output of :func:`customer_focus.servqual.dimension_gaps` or
        :func:`~customer_focus.servqual.score_dimensions` (the overall row is
        left out).
    title : str, optional
        A title for the chart.

    Returns
    -------
    CourseFigure

    Examples
    --------
    >>> figure = servqual_chart(servqual.score_dimensions(**EXAMPLE))
    """
    rows = _dimension_rows(dimensions).iloc[::-1]
    figure = _new_figure(7.5, 1.5 + 0.55 * len(rows))
    axes = figure.add_subplot()
    axes.set_facecolor("white")
    positions = list(range(len(rows)))
    for y, (_, row) in zip(positions, rows.iterrows()):
        color = _PERCEPTION_COLOR if row["gap"] < 0 else _ABOVE_COLOR
        axes.plot([row["expectation"], row["perception"]], [y, y], color=color, linewidth=2.2, zorder=1)
        axes.text(7.25, y, _signed(row["gap"]), va="center", ha="left", fontsize=9.5, color=PALETTE["ink"])
    axes.scatter(
        rows["expectation"], positions, s=70, facecolor="white", edgecolor=_EXPECTATION_COLOR,
        linewidth=2, zorder=2, label="Expected (E)",
    )
    axes.scatter(
        rows["perception"], positions, s=70, color=_PERCEPTION_COLOR, marker="D", zorder=3,
        label="Perceived (P)",
    )
    axes.set_yticks(positions, list(rows["dimension"]))
    axes.set_xlim(1, 7.9)
    axes.set_xticks(range(1, 8))
    axes.set_ylim(-0.6, len(rows) - 0.4)
    axes.text(7.25, len(rows) - 0.45, "Gap", fontsize=9.5, color=PALETTE["ink"], fontweight="bold", va="bottom")
    axes.set_xlabel("Average score (1 = strongly disagree, 7 = strongly agree)", color=PALETTE["ink"])
    axes.grid(axis="x", color=PALETTE["grid"], linewidth=0.6)
    axes.set_axisbelow(True)
    for side in ("top", "right"):
        axes.spines[side].set_visible(False)
    if title:
        axes.set_title(title, color=PALETTE["ink"])
    handles, labels = axes.get_legend_handles_labels()
    handles += [Line2D([], [], color=_PERCEPTION_COLOR, linewidth=2.2), Line2D([], [], color=_ABOVE_COLOR, linewidth=2.2)]
    labels += ["Shortfall (P below E)", "P at or above E"]
    figure.legend(handles, labels, loc="lower center", ncol=4, frameon=False, fontsize=9)
    figure.tight_layout(rect=(0, 0.5 / figure.get_figheight(), 1, 1))
    return figure


def describe_servqual(dimensions: pd.DataFrame) -> str:
    """Alt text for :func:`servqual_chart`, written from the same table.

    Examples
    --------
    >>> describe_servqual(servqual.score_dimensions(**EXAMPLE))[:40]
    'Dot chart of average expectation and per'
    """
    rows = _dimension_rows(dimensions)
    parts = [
        f"{row['dimension']}: expected {row['expectation']:.2f}, perceived {row['perception']:.2f}, "
        f"gap {_signed(row['gap'])}."
        for _, row in rows.iterrows()
    ]
    worst = rows.loc[rows["gap"].idxmin()]
    text = (
        "Dot chart of average expectation and perception on the 1 to 7 scale for each SERVQUAL "
        "dimension, joined by a line. " + " ".join(parts)
    )
    if worst["gap"] < 0:
        text += f" The largest shortfall is {worst['dimension']}, {_signed(worst['gap'])}."
    else:
        text += " Perception meets or beats expectation on every dimension."
    return text


def _alert(error: Exception) -> HTML:
    return HTML(f'<p role="alert"><strong>Check your numbers:</strong> {escape(str(error))}</p>')


class ServqualForm:
    """The worksheet's form: average expectation, perception and points per dimension.

    Parameters
    ----------
    expectations, perceptions : sequence of float
        Five averages from 1 to 7, in RATER order.
    weights : sequence of float
        Five point allocations that add up to 100.
    use_weights : bool
        Whether to compute the weighted score.

    Attributes
    ----------
    widget : ipywidgets.VBox
        What to display.
    """

    def __init__(
        self,
        expectations: list[float] | None = None,
        perceptions: list[float] | None = None,
        weights: list[float] | None = None,
        use_weights: bool = True,
    ) -> None:
        expectations = list(expectations or EXAMPLE["expectations"])
        perceptions = list(perceptions or EXAMPLE["perceptions"])
        weights = list(weights or EXAMPLE["weights"])
        self.expectations, self.perceptions, self.weights = [], [], []
        rows = [
            w.HBox([w.Label(text, layout=w.Layout(width=width)) for text, width in (
                ("Dimension", "11em"), ("Expected (1–7)", "9em"), ("Perceived (1–7)", "9em"), ("Points (of 100)", "9em"),
            )])
        ]
        for index, dimension in enumerate(servqual.DIMENSIONS):
            cells = (
                named(w.FloatText(value=expectations[index], step=0.1, layout=w.Layout(width="8em")), f"{dimension.name}: expected (1 to 7)"),
                named(w.FloatText(value=perceptions[index], step=0.1, layout=w.Layout(width="8em")), f"{dimension.name}: perceived (1 to 7)"),
                named(w.FloatText(value=weights[index], step=5, layout=w.Layout(width="8em")), f"{dimension.name}: points of 100"),
            )
            self.expectations.append(cells[0])
            self.perceptions.append(cells[1])
            self.weights.append(cells[2])
            rows.append(w.HBox([w.Label(dimension.name, layout=w.Layout(width="11em")), *cells]))
        self.use_weights = w.Checkbox(value=use_weights, description="Weight the dimensions by their points")
        self.output = w.Output()
        for control in (*self.expectations, *self.perceptions, *self.weights, self.use_weights):
            control.observe(self._changed, names="value")
        self.widget = w.VBox([*rows, self.use_weights, self.output])
        self.update()

    def _changed(self, _change: dict) -> None:
        self.update()

    def results(self) -> list[object]:
        """What the form shows: the scores, the table and the chart; or one message to fix."""
        try:
            table = servqual.score_dimensions(
                [box.value for box in self.expectations],
                [box.value for box in self.perceptions],
                [box.value for box in self.weights] if self.use_weights.value else None,
            )
        except ValueError as error:
            return [_alert(error)]
        overall = table.iloc[-1]
        text = f"<p><strong>Overall gap (unweighted): {_signed(overall['gap'])}</strong>"
        if "weighted_gap" in table:
            text += f"; <strong>weighted: {_signed(overall['weighted_gap'])}</strong>"
        text += ". A negative gap means the service falls short of what customers expect.</p>"
        figure = servqual_chart(table)
        return [HTML(text), dimension_table(table), HTML(figure_html(figure, describe_servqual(table)))]

    def update(self) -> None:
        """Recompute and redraw the results from the current inputs."""
        self.output.clear_output(wait=True)
        with self.output:
            for item in self.results():
                display(item)


def servqual_form(**starting_values: object) -> w.VBox:
    """Build the SERVQUAL form and return the widget to display.

    Parameters
    ----------
    **starting_values
        ``expectations``, ``perceptions``, ``weights`` (five numbers each) and
        ``use_weights``.

    Returns
    -------
    ipywidgets.VBox
    """
    return ServqualForm(**starting_values).widget  # type: ignore[arg-type]
