"""The lifetime value worksheet's live form, its tables for reading, and its charts.

The arithmetic is :mod:`customer_focus.tools.lifetime_value.calc`'s; this
module lays out inputs and shows results. Every chart returns a figure with a
white background and has a ``describe_...`` function writing its alt text
from the same data.
"""

from __future__ import annotations

from functools import cache
from typing import Any

import ipywidgets as w
import pandas as pd
from IPython.display import HTML
from matplotlib.ticker import FuncFormatter

from ...core.figures import PALETTE, CourseFigure, figure_html, legend_below, new_figure
from ...core.formats import cents, dollars
from ...core.messages import Messages, current_language
from ...core.tables import format_table, with_headings
from ..spec import ToolSpec, load_spec
from ..worksheet import Worksheet
from . import calc, describe, table

_ = Messages("tools.lifetime_value")

__all__ = [
    "schedule_table",
    "cumulative_value_chart",
    "describe_cumulative_value",
    "comparison_chart",
    "LifetimeValueForm",
    "lifetime_value_form",
    "comparison_table",
]


@cache
def _spec(language: str | None) -> ToolSpec:
    """The tool's spec in ``language``: the headings of the tables written for reading."""
    return load_spec("lifetime_value", language)


def schedule_table(schedule: pd.DataFrame) -> pd.DataFrame:
    """The lifetime value schedule with readable headings and formats.

    Examples
    --------
    >>> shown = schedule_table(table.lifetime_value_schedule(100, 0.8, 0.1, years=1))
    >>> shown.loc[1, ["Still a customer", "Discount factor", "Present value"]].tolist()
    ['80.0%', '0.9091', '$72.73']
    """
    shown = format_table(
        schedule,
        money=["expected_margin", "present_value", "cumulative_value"],
        percent=["survival"],
        decimals={"discount_factor": 4},
    )
    return with_headings(shown, _spec(current_language()).reading["schedule"])


def _require(data: pd.DataFrame, columns: tuple[str, ...], chart: str, source: str) -> None:
    for column in columns:
        if column not in data.columns:
            raise ValueError(
                _("{chart} needs the table from {source}; column {column!r} is missing.").format(
                    chart=chart, source=source, column=column)
            )


def cumulative_value_chart(
    schedule: pd.DataFrame, *, lifetime_total: float | None = None, title: str | None = None
) -> CourseFigure:
    """Bar chart of a customer's cumulative present value, year by year.

    Parameters
    ----------
    schedule : pandas.DataFrame
        The output of :func:`customer_focus.tools.lifetime_value.table.lifetime_value_schedule`.
    lifetime_total : float, optional
        The infinite-horizon lifetime value, drawn as a dashed line that the
        bars approach.
    title : str, optional
        A title for the chart.

    Returns
    -------
    CourseFigure
        One pair of bars per year (the running total, and that year's part of it).

    Examples
    --------
    >>> figure = cumulative_value_chart(table.lifetime_value_schedule(100, 0.8, 0.1))
    >>> len(figure.axes[0].patches)
    20
    """
    _require(
        schedule, ("year", "present_value", "cumulative_value"), "cumulative_value_chart",
        "lifetime_value_schedule",
    )
    figure = new_figure(7.5, 4)
    axes = figure.add_subplot()
    axes.set_facecolor("white")
    axes.bar(
        schedule["year"], schedule["cumulative_value"], color=PALETTE["line"],
        label=_("Cumulative present value"),
    )
    axes.bar(
        schedule["year"], schedule["present_value"], color=PALETTE["accent"], width=0.45,
        label=_("This year's present value"),
    )
    if lifetime_total is not None:
        axes.axhline(
            lifetime_total, color=PALETTE["ink"], linestyle="--", linewidth=1.2,
            label=_("Lifetime value, all years: {value}").format(value=dollars(lifetime_total)),
        )
    top = max(float(schedule["cumulative_value"].max()), lifetime_total or 0.0)
    if top > 0:
        axes.set_ylim(top=top * 1.1)
    axes.set_xlabel(_("Year"), color=PALETTE["ink"])
    axes.set_ylabel(_("Present value"), color=PALETTE["ink"])
    axes.yaxis.set_major_formatter(FuncFormatter(dollars))
    axes.set_xticks(list(schedule["year"]))
    axes.grid(axis="y", color=PALETTE["grid"], linewidth=0.6)
    axes.set_axisbelow(True)
    legend_below(figure, axes, title)
    return figure


def describe_cumulative_value(schedule: pd.DataFrame, lifetime_total: float | None = None) -> str:
    """Alt text for :func:`cumulative_value_chart` (:func:`.describe.cumulative_value`).

    Examples
    --------
    >>> describe_cumulative_value(table.lifetime_value_schedule(100, 0.8, 0.1, years=2))[:40]
    'Bar chart of present value by year, year'
    """
    return describe.cumulative_value(schedule.to_dict("records"), lifetime_total)


def comparison_chart(comparison: pd.DataFrame, *, title: str | None = None) -> CourseFigure:
    """Horizontal bars of each customer's lifetime value and net value.

    ``comparison`` is the output of :func:`~.table.compare_customers`; ``title``,
    when given, heads the chart. Two bars per customer, the first customer at
    the top, and a line at zero.

    Examples
    --------
    >>> import pandas as pd
    >>> accounts = pd.DataFrame({"customer": ["New", "Loyal"], "annual_margin": [30000, 12000],
    ...                          "retention_rate": [0.25, 0.9], "acquisition_cost": [20000, 0]})
    >>> figure = comparison_chart(table.compare_customers(accounts, discount_rate=0.1))
    >>> [label.get_text() for label in figure.axes[0].get_yticklabels()]
    ['Loyal', 'New']
    """
    _require(
        comparison, ("customer", "lifetime_value", "net_value"), "comparison_chart",
        "compare_customers",
    )
    rows = comparison.iloc[::-1]
    figure = new_figure(7.5, 1.6 + 0.7 * len(rows))
    axes = figure.add_subplot()
    axes.set_facecolor("white")
    positions = range(len(rows))
    axes.barh(
        [p + 0.2 for p in positions], rows["lifetime_value"], height=0.4,
        color=PALETTE["line"], label=_("Lifetime value"),
    )
    axes.barh(
        [p - 0.2 for p in positions], rows["net_value"], height=0.4,
        color=PALETTE["accent"], label=_("Net of acquisition cost"),
    )
    axes.set_yticks(list(positions), [str(name) for name in rows["customer"]])
    axes.axvline(0, color=PALETTE["ink"], linewidth=0.8)
    axes.xaxis.set_major_formatter(FuncFormatter(dollars))
    axes.grid(axis="x", color=PALETTE["grid"], linewidth=0.6)
    axes.set_axisbelow(True)
    legend_below(figure, axes, title)
    return figure


class LifetimeValueForm(Worksheet):
    """The worksheet's form: inputs on top, the value, table and chart below.

    Parameters
    ----------
    **starting_values
        ``margin``, ``retention``, ``discount_rate``, ``years``, ``timing``
        (as for :func:`customer_focus.tools.lifetime_value.calc.schedule`);
        the others start at the spec's worked example.

    Examples
    --------
    In a notebook (outside one, the results print as text):

    >>> form = LifetimeValueForm(retention=0.9)  # doctest: +SKIP
    >>> form.results()[0].data[:43]  # doctest: +SKIP
    '<p><strong>Lifetime value: $450.00</strong>'
    """

    tool = "lifetime_value"
    inputs = ("margin", "retention", "discount_rate", "years", "timing")
    widths = {"timing": "46em"}

    def compute(self, values: dict[str, Any]) -> list[object]:
        """The value, the year-by-year table and the chart."""
        arguments = (values["margin"], values["retention"], values["discount_rate"])
        value = calc.lifetime_value(*arguments, timing=values["timing"])
        schedule = table.lifetime_value_schedule(
            *arguments, timing=values["timing"], years=values["years"]
        )
        figure = cumulative_value_chart(schedule, lifetime_total=value)
        return [
            HTML(_(
                "<p><strong>Lifetime value: {value}</strong> (all years; the first {years} years "
                "give {first_years}).</p>"
            ).format(value=cents(value), years=values["years"],
                     first_years=cents(schedule["cumulative_value"].iloc[-1]))),
            schedule_table(schedule),
            HTML(figure_html(figure, describe_cumulative_value(schedule, value))),
        ]


def lifetime_value_form(**starting_values: Any) -> w.VBox:
    """The lifetime value form, ready to display.

    ``starting_values`` fill its boxes: ``margin``, ``retention``, ``discount_rate``, ``years``,
    ``timing``.
    """
    return LifetimeValueForm(**starting_values).widget


def comparison_table(comparison: pd.DataFrame) -> pd.DataFrame:
    """The customers compared (:func:`.table.compare_customers`), written for reading:
    money, percentages and the expected years formatted, each column headed in words.

    Examples
    --------
    >>> compared = table.compare_customers(pd.DataFrame(
    ...     {"customer": ["A"], "annual_margin": [100], "retention_rate": [0.8]}))
    >>> comparison_table(compared).loc[0, ["Customer", "Retention", "Lifetime value"]].tolist()
    ['A', '80.0%', '$266.67']
    """
    shown = format_table(
        comparison,
        money=["annual_margin", "acquisition_cost", "lifetime_value", "net_value"],
        percent=["retention_rate"],
        decimals={"expected_years": 1},
    )
    return shown.rename(columns=dict(_spec(current_language()).reading["comparison"]))
