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

import yaml
from matplotlib.figure import Figure
from matplotlib.patches import FancyArrowPatch, FancyBboxPatch

from .core.figures import PALETTE, CourseFigure, figure_html
from .core.figures import new_figure as _new_figure

__all__ = [
    "service_profit_chain_data",
    "service_profit_chain_chart",
    "PALETTE",
    "CourseFigure",
    "figure_html",
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
