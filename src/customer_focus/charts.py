"""Figures for the course, drawn from data.

Every function returns a :class:`matplotlib.figure.Figure` and leaves pyplot's
state alone, so the same call works in a script, a test, a notebook (the
figure displays when it is the last expression of a cell) and the book build.
Figures have a white background and dark ink so that they stay legible when a
reader switches the book to dark mode.
"""

from __future__ import annotations

import textwrap
from functools import lru_cache
from importlib import resources
from typing import Any

import pandas as pd
import yaml
from matplotlib.figure import Figure
from matplotlib.patches import FancyArrowPatch, FancyBboxPatch
from matplotlib.ticker import FuncFormatter

from .figures import PALETTE, CourseFigure, _dollars, _money, _new_figure, figure_html, legend_below

__all__ = [
    "service_profit_chain_data",
    "service_profit_chain_chart",
    "cumulative_value_chart",
    "comparison_chart",
    "PALETTE",
    "CourseFigure",
    "figure_html",
    "describe_cumulative_value",
]

@lru_cache(maxsize=1)
def service_profit_chain_data() -> dict[str, Any]:
    """Return the published links of the service-profit chain.

    Returns
    -------
    dict
        ``links`` (the diagram's boxes in order, each with a ``label`` and a
        ``side``), ``propositions`` (the article's five links, quoted),
        ``foundation`` and ``citation`` (a key of ``references.bib``).

    Examples
    --------
    >>> service_profit_chain_data()["links"][0]["label"]
    'Internal service quality'
    """
    text = resources.files("customer_focus").joinpath("data/service_profit_chain.yml").read_text("utf-8")
    data = yaml.safe_load(text)
    for key in ("links", "propositions", "foundation", "citation"):
        if key not in data:
            raise ValueError(f"service_profit_chain.yml: missing key {key!r}")
    return data


def service_profit_chain_chart() -> Figure:
    """Draw the service-profit chain: seven boxes joined by arrows.

    Employee-side boxes are blue, customer-side boxes orange and the result
    green; a band underneath carries the article's closing point that
    leadership underlies the chain.

    Returns
    -------
    matplotlib.figure.Figure

    Examples
    --------
    >>> figure = service_profit_chain_chart()
    >>> len(figure.axes)
    1
    """
    data = service_profit_chain_data()
    links = data["links"]
    figure = _new_figure(12, 3.4)
    axes = figure.add_axes((0, 0, 1, 1))
    axes.set_xlim(0, len(links))
    axes.set_ylim(0, 3.4)
    axes.axis("off")
    box_width, box_height, y = 0.8, 1.5, 1.35
    for index, link in enumerate(links):
        x = index + (1 - box_width) / 2
        axes.add_patch(
            FancyBboxPatch(
                (x, y), box_width, box_height,
                boxstyle="round,pad=0.02,rounding_size=0.08",
                facecolor=PALETTE[link["side"]], edgecolor=PALETTE["ink"], linewidth=1.2,
            )
        )
        axes.text(
            index + 0.5, y + box_height / 2, textwrap.fill(link["label"], 13, break_on_hyphens=False),
            ha="center", va="center", fontsize=10.5, color=PALETTE["ink"], fontweight="bold",
        )
        if index + 1 < len(links):
            axes.add_patch(
                FancyArrowPatch(
                    (x + box_width + 0.01, y + box_height / 2),
                    (x + 1 - 0.01, y + box_height / 2),
                    arrowstyle="-|>", mutation_scale=16, color=PALETTE["ink"], linewidth=1.4,
                )
            )
    sides = {"employees": "Inside the company: employees", "customers": "Outside: customers"}
    for side, caption in sides.items():
        positions = [i for i, link in enumerate(links) if link["side"] == side]
        axes.text(
            (positions[0] + positions[-1] + 1) / 2, y + box_height + 0.3, caption,
            ha="center", va="center", fontsize=10, color=PALETTE["ink"], style="italic",
        )
    axes.add_patch(
        FancyBboxPatch(
            (0.1, 0.35), len(links) - 0.2, 0.6,
            boxstyle="round,pad=0.02,rounding_size=0.08",
            facecolor="#eeeeee", edgecolor=PALETTE["ink"], linewidth=1.0,
        )
    )
    axes.text(
        len(links) / 2, 0.65, data["foundation"], ha="center", va="center",
        fontsize=10.5, color=PALETTE["ink"],
    )
    return figure


def cumulative_value_chart(
    schedule: pd.DataFrame, *, lifetime_total: float | None = None, title: str | None = None
) -> Figure:
    """Bar chart of a customer's cumulative present value, year by year.

    Parameters
    ----------
    schedule : pandas.DataFrame
        The output of :func:`customer_focus.clv.lifetime_value_schedule`.
    lifetime_total : float, optional
        The infinite-horizon lifetime value, drawn as a dashed line that the
        bars approach.
    title : str, optional
        A title for the chart.

    Returns
    -------
    matplotlib.figure.Figure

    Examples
    --------
    >>> from customer_focus.clv import lifetime_value_schedule
    >>> figure = cumulative_value_chart(lifetime_value_schedule(100, 0.8, 0.1))
    """
    for column in ("year", "present_value", "cumulative_value"):
        if column not in schedule.columns:
            raise ValueError(
                f"cumulative_value_chart needs the table from lifetime_value_schedule; "
                f"column {column!r} is missing."
            )
    figure = _new_figure(7.5, 4)
    axes = figure.add_subplot()
    axes.set_facecolor("white")
    axes.bar(
        schedule["year"], schedule["cumulative_value"], color=PALETTE["line"],
        label="Cumulative present value",
    )
    axes.bar(
        schedule["year"], schedule["present_value"], color=PALETTE["accent"], width=0.45,
        label="This year's present value",
    )
    if lifetime_total is not None:
        axes.axhline(
            lifetime_total, color=PALETTE["ink"], linestyle="--", linewidth=1.2,
            label=f"Lifetime value, all years: {_money(lifetime_total)}",
        )
    top = max(float(schedule["cumulative_value"].max()), lifetime_total or 0.0)
    if top > 0:
        axes.set_ylim(top=top * 1.1)
    axes.set_xlabel("Year", color=PALETTE["ink"])
    axes.set_ylabel("Present value", color=PALETTE["ink"])
    axes.yaxis.set_major_formatter(FuncFormatter(_money))
    axes.set_xticks(list(schedule["year"]))
    axes.grid(axis="y", color=PALETTE["grid"], linewidth=0.6)
    axes.set_axisbelow(True)
    legend_below(figure, axes, title)
    return figure


def comparison_chart(comparison: pd.DataFrame, *, title: str | None = None) -> Figure:
    """Horizontal bars of each customer's lifetime value and net value.

    Parameters
    ----------
    comparison : pandas.DataFrame
        The output of :func:`customer_focus.clv.compare_customers`.
    title : str, optional
        A title for the chart.

    Returns
    -------
    matplotlib.figure.Figure
    """
    for column in ("customer", "lifetime_value", "net_value"):
        if column not in comparison.columns:
            raise ValueError(
                f"comparison_chart needs the table from compare_customers; column {column!r} is missing."
            )
    rows = comparison.iloc[::-1]
    figure = _new_figure(7.5, 1.6 + 0.7 * len(rows))
    axes = figure.add_subplot()
    axes.set_facecolor("white")
    positions = range(len(rows))
    axes.barh(
        [p + 0.2 for p in positions], rows["lifetime_value"], height=0.4,
        color=PALETTE["line"], label="Lifetime value",
    )
    axes.barh(
        [p - 0.2 for p in positions], rows["net_value"], height=0.4,
        color=PALETTE["accent"], label="Net of acquisition cost",
    )
    axes.set_yticks(list(positions), [str(name) for name in rows["customer"]])
    axes.axvline(0, color=PALETTE["ink"], linewidth=0.8)
    axes.xaxis.set_major_formatter(FuncFormatter(_money))
    axes.grid(axis="x", color=PALETTE["grid"], linewidth=0.6)
    axes.set_axisbelow(True)
    legend_below(figure, axes, title)
    return figure


def describe_cumulative_value(schedule: pd.DataFrame, lifetime_total: float | None = None) -> str:
    """Alt text for :func:`cumulative_value_chart`, written from the same data.

    Examples
    --------
    >>> from customer_focus.clv import lifetime_value_schedule
    >>> describe_cumulative_value(lifetime_value_schedule(100, 0.8, 0.1, years=2))[:40]
    'Bar chart of present value by year, yea'
    """
    first, last = schedule.iloc[0], schedule.iloc[-1]
    text = (
        f"Bar chart of present value by year, years {int(first['year'])} to {int(last['year'])}. "
        f"Each year's present value goes from {_dollars(first['present_value'])} to "
        f"{_dollars(last['present_value'])}; the cumulative value reaches "
        f"{_dollars(last['cumulative_value'])}."
    )
    if lifetime_total is not None:
        text += f" A dashed line marks the lifetime value over all years, {_dollars(lifetime_total)}."
    return text


# The concept diagrams live in their own module; they are part of this one's API.
from .diagrams import (  # noqa: E402
    customer_types_chart,
    cycle_of_failure_chart,
    cycle_of_success_chart,
    experience_lifecycle_chart,
    kano_chart,
    kano_decay_chart,
    listening_posts_chart,
    satisfaction_loyalty_chart,
    three_rs_chart,
    value_pyramid_chart,
)

__all__ += [
    "three_rs_chart",
    "value_pyramid_chart",
    "kano_chart",
    "kano_decay_chart",
    "experience_lifecycle_chart",
    "cycle_of_failure_chart",
    "cycle_of_success_chart",
    "satisfaction_loyalty_chart",
    "customer_types_chart",
    "listening_posts_chart",
]
