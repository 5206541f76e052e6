"""The course's diagrams: the service-profit chain and the concept diagrams, drawn from data.

Every function returns a :class:`~customer_focus.core.figures.CourseFigure`
and leaves pyplot's state alone, so the same call works in a script, a test, a
notebook (the figure displays when it is the last expression of a cell) and
the book build. Figures have a white background and dark ink so that they
stay legible when a reader switches the book to dark mode.

Their text comes from the package's data files, so a label is written in one
place: ``data/service_profit_chain.yml`` (the chain's links, in the order
Heskett and colleagues published them, and their propositions, quoted) and
``data/diagrams.yml`` (every concept diagram's labels). The diagrams carry no
numbers: where a published source draws a curve (Kano, the
satisfaction-loyalty zones), the shape is illustrative and the figure says so.

They are drawn in the language the package speaks
(:func:`customer_focus.core.messages.current_language`): a translation,
``locales/<language>/diagrams/<file>.yml`` in the course's folder, holds the
texts of the data file, with its keys and in its order (the numbers, and the
data the code reads such as a link's ``side``, come from the English file);
the few words written here are in the package's ``course`` catalog.
"""

from __future__ import annotations

import math
import textwrap
from functools import cache, lru_cache
from typing import Any

import numpy as np
from matplotlib.patches import Circle, FancyArrowPatch, FancyBboxPatch, Polygon, Rectangle

from ..core.figures import PALETTE, CourseFigure, new_figure
from ..core.languages import language_code
from ..core.messages import Messages, current_language
from ..core.paths import course_root, package_file
from ..core.problems import DataFileError, Problem, line_of
from ..core.yamlfile import load_yaml

__all__ = [
    "service_profit_chain_data",
    "service_profit_chain_chart",
    "diagram_data",
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
    "describe_listening_posts",
]

INK = PALETTE["ink"]
FILLS = ["#cfe3f6", "#fde2c4", "#d5efd5", "#e8dcf4", "#f6d5d5", "#fff1b8"]

_ = Messages("course")

#: Keys of the data files whose values the code reads: never translated.
DATA_KEYS = frozenset({"side", "citation"})


def _has_text(value: Any) -> bool:
    if isinstance(value, str):
        return True
    if isinstance(value, list):
        return any(_has_text(item) for item in value)
    if isinstance(value, dict):
        return any(_has_text(item) for key, item in value.items() if key not in DATA_KEYS)
    return False


def _laid_over(english: Any, given: Any, where: str, source: str,
               problems: list[Problem], parent: Any = None, key: Any = None) -> Any:
    """``english`` with the texts of ``given`` (the translation), noting where they differ."""
    line = line_of(parent, key) if parent is not None else 1
    at = f"{where}: " if where else ""
    if isinstance(english, str):
        if not isinstance(given, str):
            problems.append(Problem(source, line, f"{at}must be a text, as in English"))
            return english
        return given
    if isinstance(english, list):
        if not isinstance(given, list) or len(given) != len(english):
            problems.append(Problem(source, line, f"{at}must be a list of {len(english)} "
                                                  "items, as in English"))
            return english
        return [_laid_over(item, translated, f"{where}[{index + 1}]", source, problems,
                           given, index)
                for index, (item, translated) in enumerate(zip(english, given, strict=True))]
    if isinstance(english, dict):
        texts = [name for name in english if name not in DATA_KEYS and _has_text(english[name])]
        if not isinstance(given, dict):
            problems.append(Problem(source, line, f"{at}must be a mapping of "
                                                  f"{', '.join(map(str, texts))}"))
            return english
        for name in texts:
            if name not in given:
                problems.append(Problem(source, line, f"{at}lacks {name!r}"))
        for name in given:
            if name not in texts:
                problems.append(Problem(source, line_of(given, name),
                                        f"{at}{name!r} is not a text of the English file"))
        return {name: (_laid_over(value, given[name], f"{where}.{name}".lstrip("."), source,
                                  problems, given, name)
                       if name in texts and name in given else value)
                for name, value in english.items()}
    return english


def in_language(name: str, english: dict[str, Any], code: str | None) -> dict[str, Any]:
    """A data file's ``english`` content with the texts of its translation into ``code``.

    The translation is ``locales/<code>/diagrams/<name>`` in the course's folder;
    without one (an installed package without the course's folder), the English.

    Raises
    ------
    DataFileError
        When the translation lacks a text of the English file, has one it lacks,
        or a list of another length, each problem at its ``file:line``.

    Examples
    --------
    >>> in_language("diagrams.yml", {"a": "A"}, None)
    {'a': 'A'}
    >>> in_language("service_profit_chain.yml", _service_profit_chain(None),
    ...             "zh_TW")["links"][0]
    {'label': '內部服務品質', 'side': 'employees'}
    """
    code = language_code(code)
    if code is None:
        return english
    try:
        path = course_root() / "locales" / code / "diagrams" / name
    except FileNotFoundError:
        return english
    if not path.is_file():
        return english
    source = f"locales/{code}/diagrams/{name}"
    problems: list[Problem] = []
    data = _laid_over(english, load_yaml(path, source=source), "", source, problems)
    if problems:
        raise DataFileError(problems)
    return data


@cache
def _diagram_data(code: str | None) -> dict[str, Any]:
    english = load_yaml(package_file("data", "diagrams.yml"), source="diagrams.yml")
    return in_language("diagrams.yml", english, code)


def diagram_data() -> dict[str, Any]:
    """The labels of every diagram, from the package's ``data/diagrams.yml``, in the language
    the package speaks."""
    return _diagram_data(current_language())


def _canvas(
    width: float, height: float, xlim: tuple[float, float], ylim: tuple[float, float]
) -> tuple[CourseFigure, Any]:
    figure = new_figure(width, height)
    axes = figure.add_axes((0, 0, 1, 1))
    axes.set_xlim(*xlim)
    axes.set_ylim(*ylim)
    axes.set_aspect("auto")
    axes.axis("off")
    return figure, axes


def _box(
    axes: Any,
    center: tuple[float, float],
    size: tuple[float, float],
    text: str,
    *,
    fill: str = FILLS[0],
    wrap: int = 16,
    fontsize: float = 10.5,
    bold: bool = True,
    round_box: bool = True,
) -> None:
    width, height = size
    x, y = center[0] - width / 2, center[1] - height / 2
    style = "round,pad=0.02,rounding_size=0.12" if round_box else "square,pad=0.02"
    axes.add_patch(
        FancyBboxPatch(
            (x, y), width, height, boxstyle=style, facecolor=fill, edgecolor=INK, linewidth=1.2
        )
    )
    axes.text(
        center[0],
        center[1],
        textwrap.fill(text, wrap, break_on_hyphens=False),
        ha="center",
        va="center",
        fontsize=fontsize,
        color=INK,
        fontweight="bold" if bold else "normal",
    )


def _arrow(
    axes: Any,
    start: tuple[float, float],
    end: tuple[float, float],
    *,
    curve: float = 0.0,
    width: float = 1.4,
    label: str = "",
    label_offset: tuple[float, float] = (0, 0),
) -> None:
    axes.add_patch(
        FancyArrowPatch(
            start,
            end,
            arrowstyle="-|>",
            mutation_scale=15,
            color=INK,
            linewidth=width,
            connectionstyle=f"arc3,rad={curve}",
        )
    )
    if label:
        middle = (
            (start[0] + end[0]) / 2 + label_offset[0],
            (start[1] + end[1]) / 2 + label_offset[1],
        )
        axes.text(
            *middle,
            label,
            ha="center",
            va="center",
            fontsize=9.5,
            color=INK,
            style="italic",
            bbox={"facecolor": "white", "edgecolor": "none", "pad": 1.5},
        )


def _toward(
    start: tuple[float, float], end: tuple[float, float], gap: float
) -> tuple[tuple[float, float], tuple[float, float]]:
    """Shorten a segment by ``gap`` at both ends, so arrows stop at box edges."""
    dx, dy = end[0] - start[0], end[1] - start[1]
    length = math.hypot(dx, dy) or 1.0
    ux, uy = dx / length, dy / length
    return (start[0] + ux * gap, start[1] + uy * gap), (end[0] - ux * gap, end[1] - uy * gap)


# ---- the service-profit chain (chapter "How loyalty drives profitability") -------------


def service_profit_chain_data() -> dict[str, Any]:
    """Return the published links of the service-profit chain, in the package's language.

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
    return _service_profit_chain(current_language())


@lru_cache(maxsize=4)
def _service_profit_chain(code: str | None) -> dict[str, Any]:
    name = "service_profit_chain.yml"
    data = load_yaml(package_file("data", name), source=name)
    for key in ("links", "propositions", "foundation", "citation"):
        if key not in data:
            raise ValueError(f"service_profit_chain.yml: missing key {key!r}")
    return in_language(name, data, code)


def service_profit_chain_chart() -> CourseFigure:
    """Draw the service-profit chain: seven boxes joined by arrows.

    Employee-side boxes are blue, customer-side boxes orange and the result
    green; a band underneath carries the article's closing point that
    leadership underlies the chain.

    Returns
    -------
    CourseFigure

    Examples
    --------
    >>> figure = service_profit_chain_chart()
    >>> len(figure.axes)
    1
    """
    data = service_profit_chain_data()
    links = data["links"]
    figure = new_figure(12, 3.4)
    axes = figure.add_axes((0, 0, 1, 1))
    axes.set_xlim(0, len(links))
    axes.set_ylim(0, 3.4)
    axes.axis("off")
    box_width, box_height, y = 0.8, 1.5, 1.35
    for index, link in enumerate(links):
        x = index + (1 - box_width) / 2
        axes.add_patch(
            FancyBboxPatch(
                (x, y),
                box_width,
                box_height,
                boxstyle="round,pad=0.02,rounding_size=0.08",
                facecolor=PALETTE[link["side"]],
                edgecolor=PALETTE["ink"],
                linewidth=1.2,
            )
        )
        axes.text(
            index + 0.5,
            y + box_height / 2,
            textwrap.fill(link["label"], 13, break_on_hyphens=False),
            ha="center",
            va="center",
            fontsize=10.5,
            color=PALETTE["ink"],
            fontweight="bold",
        )
        if index + 1 < len(links):
            axes.add_patch(
                FancyArrowPatch(
                    (x + box_width + 0.01, y + box_height / 2),
                    (x + 1 - 0.01, y + box_height / 2),
                    arrowstyle="-|>",
                    mutation_scale=16,
                    color=PALETTE["ink"],
                    linewidth=1.4,
                )
            )
    sides = {"employees": _("Inside the company: employees"), "customers": _("Outside: customers")}
    for side, caption in sides.items():
        positions = [i for i, link in enumerate(links) if link["side"] == side]
        axes.text(
            (positions[0] + positions[-1] + 1) / 2,
            y + box_height + 0.3,
            caption,
            ha="center",
            va="center",
            fontsize=10,
            color=PALETTE["ink"],
            style="italic",
        )
    axes.add_patch(
        FancyBboxPatch(
            (0.1, 0.35),
            len(links) - 0.2,
            0.6,
            boxstyle="round,pad=0.02,rounding_size=0.08",
            facecolor="#eeeeee",
            edgecolor=PALETTE["ink"],
            linewidth=1.0,
        )
    )
    axes.text(
        len(links) / 2,
        0.65,
        data["foundation"],
        ha="center",
        va="center",
        fontsize=10.5,
        color=PALETTE["ink"],
    )
    return figure


# ---- the concept diagrams (data/diagrams.yml) -------------------------------------------


def three_rs_chart() -> CourseFigure:
    """The three R's of loyalty: a loyal customer brings retention, related sales and referrals.

    Examples
    --------
    >>> figure = three_rs_chart()
    """
    data = diagram_data()["three_rs"]
    figure, axes = _canvas(9, 4.2, (0, 9), (0, 4.2))
    center = (2.0, 2.1)
    axes.add_patch(Circle(center, 1.15, facecolor=FILLS[2], edgecolor=INK, linewidth=1.4))
    axes.text(
        *center,
        textwrap.fill(data["center"], 10, break_on_hyphens=False),
        ha="center",
        va="center",
        fontsize=13,
        fontweight="bold",
        color=INK,
    )
    for index, part in enumerate(data["parts"]):
        y = 3.45 - index * 1.35
        _box(axes, (6.4, y), (4.4, 1.0), part, fill=FILLS[index % 3], wrap=30, fontsize=11)
        _arrow(axes, (center[0] + 1.1, center[1] + (y - center[1]) * 0.35), (4.15, y))
    return figure


def value_pyramid_chart() -> CourseFigure:
    """The course's value pyramid: product and price at the base, brand at the top.

    Examples
    --------
    >>> figure = value_pyramid_chart()
    """
    data = diagram_data()["value_pyramid"]
    layers = data["layers"]
    figure, axes = _canvas(8, 5, (0, 10), (0, 6.2))
    base_left, base_right, top, bottom = 0.6, 7.4, 5.6, 0.8
    height = (top - bottom) / len(layers)
    apex = (base_left + base_right) / 2
    for index, label in enumerate(layers):
        y0, y1 = bottom + index * height, bottom + (index + 1) * height

        def half_width(y: float) -> float:
            return (base_right - base_left) / 2 * (top - y) / (top - bottom)

        polygon = [
            (apex - half_width(y0), y0),
            (apex + half_width(y0), y0),
            (apex + half_width(y1), y1),
            (apex - half_width(y1), y1),
        ]
        axes.add_patch(
            Polygon(polygon, closed=True, facecolor=FILLS[index], edgecolor=INK, linewidth=1.3)
        )
        axes.text(
            apex,
            (y0 + y1) / 2 - (0.1 if index == len(layers) - 1 else 0),
            textwrap.fill(label, 16 if index == len(layers) - 1 else 26, break_on_hyphens=False),
            ha="center",
            va="center",
            fontsize=10.5 if index == len(layers) - 1 else 11.5,
            fontweight="bold",
            color=INK,
        )
    _arrow(axes, (8.6, bottom), (8.6, top), width=2.0)
    axes.text(
        9.15,
        (top + bottom) / 2,
        data["arrow"],
        rotation=90,
        ha="center",
        va="center",
        fontsize=11.5,
        color=INK,
    )
    axes.text(
        apex, 0.3, data["note"], ha="center", va="center", fontsize=10, style="italic", color=INK
    )
    return figure


def _plain_axes(figure: CourseFigure, x_label: str, y_label: str) -> Any:
    axes = figure.add_axes((0.08, 0.2, 0.9, 0.76))
    axes.set_facecolor("white")
    axes.set_xticks([])
    axes.set_yticks([])
    for side in ("top", "right"):
        axes.spines[side].set_visible(False)
    axes.set_xlabel(x_label, color=INK, fontsize=11)
    axes.set_ylabel(y_label, color=INK, fontsize=11)
    return axes


def kano_chart() -> CourseFigure:
    """Kano's diagram: basic, performance and delighter curves (illustrative shapes).

    Examples
    --------
    >>> figure = kano_chart()
    """
    data = diagram_data()["kano"]
    figure = new_figure(9, 5)
    axes = _plain_axes(figure, data["x_axis"], data["y_axis"])
    x = np.linspace(0, 1, 200)
    curves = {
        "basic": (-1 + (1 - np.exp(-4 * x)) / (1 - np.exp(-4)) * 0.95, "#1f5f99", "-"),
        "performance": (-0.9 + 1.8 * x, "#b35900", "--"),
        "delighter": (np.expm1(3.2 * x) / np.expm1(3.2) * 0.95, "#2e7d32", "-."),
    }
    for key, (values, color, style) in curves.items():
        axes.plot(x, values, color=color, linestyle=style, linewidth=2.6, label=data["curves"][key])
    axes.axhline(0, color=PALETTE["grid"], linewidth=1)
    axes.set_xlim(0, 1)
    axes.set_ylim(-1.05, 1.05)
    axes.legend(
        loc="upper center", bbox_to_anchor=(0.5, -0.08), ncol=3, frameon=False, fontsize=10.5
    )
    return figure


def kano_decay_chart() -> CourseFigure:
    """How a feature's Kano category tends to move over time (Kano 2001).

    Examples
    --------
    >>> figure = kano_decay_chart()
    """
    data = diagram_data()["kano_decay"]
    stages = data["stages"]
    figure, axes = _canvas(11, 3.4, (0, 11), (0, 3.4))
    step = 11 / len(stages)
    for index, label in enumerate(stages):
        x = step * (index + 0.5)
        _box(axes, (x, 2.1), (2.2, 1.1), label, fill=FILLS[index], wrap=15, fontsize=10.5)
        if index + 1 < len(stages):
            _arrow(axes, (x + 1.15, 2.1), (x + step - 1.15, 2.1))
    _arrow(axes, (0.4, 0.95), (10.6, 0.95), width=1.8)
    axes.text(5.5, 0.62, data["axis"], ha="center", va="center", fontsize=11, color=INK)
    axes.text(
        5.5, 0.2, data["note"], ha="center", va="center", fontsize=9.5, style="italic", color=INK
    )
    return figure


def _ring(
    axes: Any,
    center: tuple[float, float],
    radii: tuple[float, float],
    steps: list[str],
    *,
    fill: str,
    box: tuple[float, float],
    wrap: int,
    fontsize: float,
    start_angle: float = 90,
) -> None:
    """Boxes evenly spaced on an ellipse, joined clockwise by curved arrows."""
    count = len(steps)
    points = []
    for index in range(count):
        angle = math.radians(start_angle - 360 * index / count)
        points.append(
            (center[0] + radii[0] * math.cos(angle), center[1] + radii[1] * math.sin(angle))
        )
    for index, label in enumerate(steps):
        _box(axes, points[index], box, label, fill=fill, wrap=wrap, fontsize=fontsize)
    for index in range(count):
        start, end = _toward(points[index], points[(index + 1) % count], gap=min(box) * 0.75)
        _arrow(axes, start, end, curve=-0.18)


def _two_cycles(data: dict[str, Any]) -> CourseFigure:
    figure, axes = _canvas(14, 6.2, (0, 17), (0, 7.4))
    employees, customers = data["employees"], data["customers"]
    left, right, middle_y = (4.3, 3.7), (12.7, 3.7), 3.7
    _ring(
        axes,
        left,
        (3.0, 2.6),
        employees["steps"],
        fill=FILLS[0],
        box=(2.5, 1.05),
        wrap=19,
        fontsize=9.5,
    )
    _ring(
        axes,
        right,
        (3.0, 2.6),
        customers["steps"],
        fill=FILLS[1],
        box=(2.5, 1.05),
        wrap=19,
        fontsize=9.5,
    )
    axes.text(
        *left,
        employees["title"],
        ha="center",
        va="center",
        fontsize=13,
        fontweight="bold",
        color=INK,
    )
    axes.text(
        *right,
        customers["title"],
        ha="center",
        va="center",
        fontsize=13,
        fontweight="bold",
        color=INK,
    )
    axes.add_patch(
        FancyArrowPatch(
            (8.05, middle_y),
            (8.95, middle_y),
            arrowstyle="<|-|>",
            mutation_scale=16,
            color=INK,
            linewidth=1.8,
        )
    )
    axes.text(
        8.5,
        middle_y - 0.75,
        textwrap.fill(data["link"], 10, break_on_hyphens=False),
        ha="center",
        va="center",
        fontsize=10,
        style="italic",
        color=INK,
    )
    return figure


def cycle_of_failure_chart() -> CourseFigure:
    """The cycle of failure: an employee cycle and a customer cycle that feed each other.

    After Schlesinger & Heskett (1991), as the two wheels are usually drawn.

    Examples
    --------
    >>> figure = cycle_of_failure_chart()
    """
    return _two_cycles(diagram_data()["cycle_of_failure"])


def cycle_of_success_chart() -> CourseFigure:
    """The cycle of success, drawn like the cycle of failure.

    Examples
    --------
    >>> figure = cycle_of_success_chart()
    """
    return _two_cycles(diagram_data()["cycle_of_success"])


def experience_lifecycle_chart() -> CourseFigure:
    """The customer experience lifecycle: five stages in a loop.

    Examples
    --------
    >>> figure = experience_lifecycle_chart()
    """
    data = diagram_data()["experience_lifecycle"]
    stages = data["stages"]
    figure, axes = _canvas(11, 3.8, (0, 11), (0, 3.8))
    step = 11 / len(stages)
    y = 2.55
    for index, label in enumerate(stages):
        x = step * (index + 0.5)
        _box(axes, (x, y), (1.8, 0.95), label, fill=FILLS[index], wrap=12, fontsize=11.5)
        if index + 1 < len(stages):
            _arrow(axes, (x + 0.95, y), (x + step - 0.95, y))
    last, first = step * (len(stages) - 0.5), step * 0.5
    _arrow(
        axes,
        (last, y - 0.55),
        (first, y - 0.55),
        curve=-0.25,
        label=data["return"],
        label_offset=(0, -0.95),
    )
    return figure


def satisfaction_loyalty_chart() -> CourseFigure:
    """Loyalty against satisfaction, with the zones of defection, indifference and affection.

    The curve's shape is illustrative: the figure says so, and carries no
    numbers on the loyalty axis.

    Examples
    --------
    >>> figure = satisfaction_loyalty_chart()
    """
    data = diagram_data()["satisfaction_loyalty"]
    figure = new_figure(9, 5.2)
    axes = figure.add_axes((0.1, 0.14, 0.86, 0.8))
    axes.set_facecolor("white")
    shades = ["#f6d5d5", "#eeeeee", "#d5efd5"]
    for zone, shade in zip(data["zones"], shades, strict=True):
        axes.add_patch(
            Rectangle(
                (zone["from"], 0),
                zone["to"] - zone["from"],
                1.08,
                facecolor=shade,
                edgecolor="none",
            )
        )
        axes.text(
            (zone["from"] + zone["to"]) / 2,
            1.02,
            textwrap.fill(zone["label"], 12, break_on_hyphens=False),
            ha="center",
            va="top",
            fontsize=10.5,
            fontweight="bold",
            color=INK,
        )
    x = np.linspace(1, 5, 300)
    loyalty = 0.05 + 0.85 / (1 + np.exp(-3.2 * (x - 4.15)))
    axes.plot(x, loyalty, color=PALETTE["line"], linewidth=3)
    axes.text(1.12, 0.13, data["low_end"], fontsize=11, fontweight="bold", color="#8b1a1a")
    axes.text(
        4.55, 0.76, data["high_end"], fontsize=11, fontweight="bold", color="#1b5e20", ha="center"
    )
    axes.text(3.0, 0.55, data["note"], fontsize=10, style="italic", color=INK, ha="center")
    axes.set_xlim(1, 5)
    axes.set_ylim(0, 1.08)
    axes.set_xticks([1, 2, 3, 4, 5])
    axes.set_yticks([])
    axes.set_xlabel(
        _("{axis} (from {low} to {high})").format(
            axis=data["x_axis"], low=data["x_ends"][0], high=data["x_ends"][1]),
        color=INK,
        fontsize=11,
    )
    axes.set_ylabel(data["y_axis"], color=INK, fontsize=11)
    for side in ("top", "right"):
        axes.spines[side].set_visible(False)
    return figure


def customer_types_chart() -> CourseFigure:
    """The four customer types of Jones & Sasser (1995) on a satisfaction-loyalty grid.

    Examples
    --------
    >>> figure = customer_types_chart()
    """
    data = diagram_data()["customer_types"]
    figure = new_figure(7, 6)
    axes = figure.add_axes((0.12, 0.1, 0.84, 0.86))
    axes.set_facecolor("white")
    quadrants = {
        (1, 1): (data["high_high"], "#d5efd5"),
        (0, 0): (data["low_low"], "#f6d5d5"),
        (1, 0): (data["high_low"], "#fde2c4"),
        (0, 1): (data["low_high"], "#cfe3f6"),
    }
    for (column, row), (label, fill) in quadrants.items():
        axes.add_patch(Rectangle((column, row), 1, 1, facecolor=fill, edgecolor=INK, linewidth=1.2))
        axes.text(
            column + 0.5,
            row + 0.5,
            textwrap.fill(label, 12, break_on_hyphens=False),
            ha="center",
            va="center",
            fontsize=13,
            fontweight="bold",
            color=INK,
        )
    axes.set_xlim(0, 2)
    axes.set_ylim(0, 2)
    axes.set_xticks([0.5, 1.5], [_("Low"), _("High")])
    axes.set_yticks([0.5, 1.5], [_("Low"), _("High")])
    axes.set_xlabel(data["x_axis"], color=INK, fontsize=12)
    axes.set_ylabel(data["y_axis"], color=INK, fontsize=12)
    axes.tick_params(length=0, labelsize=11)
    return figure


def _dot(axes: Any, x: float, y: float, *, filled: bool, size: float = 16) -> None:
    """A round marker (markers stay round whatever the axes' scale)."""
    axes.plot(
        [x],
        [y],
        marker="o",
        markersize=size,
        markeredgewidth=1.6,
        markeredgecolor=INK,
        markerfacecolor=PALETTE["line"] if filled else "white",
        linestyle="none",
    )


def listening_posts_chart() -> CourseFigure:
    """Which listening posts hear which of the three groups (after Berry & Parasuraman 1997).

    A grid: one row per listening post, one column per group (external
    customers, competitors' customers, internal customers). A filled dot
    means the post hears the group, an open dot that it can if it is set up
    for it. The groups are Berry and Parasuraman's; which post reaches which
    group is the course's reading, and the figure says so.

    Examples
    --------
    >>> figure = listening_posts_chart()
    """
    data = diagram_data()["listening_posts"]
    posts, groups = data["posts"], data["groups"]
    figure = new_figure(9, 0.55 * len(posts) + 2.6)
    axes = figure.add_axes((0, 0, 1, 1))
    rows, columns = len(posts), len(groups)
    axes.set_xlim(0, 3.4 + 1.85 * columns)
    axes.set_ylim(-1.6, rows + 1.3)
    axes.axis("off")
    for column, group in enumerate(groups):
        x = 3.4 + 1.85 * (column + 0.5)
        axes.add_patch(
            Rectangle(
                (x - 0.9, rows), 1.8, 1.1, facecolor=FILLS[column], edgecolor=INK, linewidth=1.0
            )
        )
        axes.text(
            x,
            rows + 0.55,
            textwrap.fill(group, 14, break_on_hyphens=False),
            ha="center",
            va="center",
            fontsize=10,
            fontweight="bold",
            color=INK,
        )
    for row, post in enumerate(posts):
        y = rows - row - 0.5
        if row % 2 == 0:
            axes.add_patch(
                Rectangle(
                    (0.05, y - 0.5),
                    3.35 + 1.85 * columns - 0.05,
                    1.0,
                    facecolor="#f4f4f4",
                    edgecolor="none",
                )
            )
        axes.text(0.15, y, post["name"], ha="left", va="center", fontsize=10.5, color=INK)
        for column, reach in enumerate(post["reach"]):
            x = 3.4 + 1.85 * (column + 0.5)
            if reach:
                _dot(axes, x, y, filled=reach == 2)
    _dot(axes, 0.35, -0.55, filled=True, size=13)
    axes.text(0.65, -0.55, data["legend_full"], va="center", fontsize=10, color=INK)
    _dot(axes, 4.05, -0.55, filled=False, size=13)
    axes.text(4.35, -0.55, data["legend_partly"], va="center", fontsize=10, color=INK)
    axes.text(0.15, -1.25, data["note"], va="center", fontsize=9.5, style="italic", color=INK)
    return figure


def describe_listening_posts() -> str:
    """Alt text for :func:`listening_posts_chart`, written from the same data.

    Examples
    --------
    >>> describe_listening_posts().startswith("A grid of 8 listening posts")
    True
    """
    data = diagram_data()["listening_posts"]
    groups = data["groups"]

    def listed(names: list[str]) -> str:
        names = [name.lower() for name in names]
        if len(names) == 1:
            return names[0]
        return _("{names} and {last}").format(names=_(", ").join(names[:-1]), last=names[-1])

    lines = []
    for post in data["posts"]:
        full = [g for g, r in zip(groups, post["reach"], strict=True) if r == 2]
        partly = [g for g, r in zip(groups, post["reach"], strict=True) if r == 1]
        parts = [listed(full)] if full else []
        if partly:
            parts.append((_("if set up for it, also {groups}") if full
                          else _("if set up for it, {groups}")).format(groups=listed(partly)))
        lines.append(_("{post}: {hears}.").format(post=post["name"], hears=_("; ").join(parts)))
    text = _("A grid of {count} listening posts against the groups each one hears: "
             "{groups}.").format(count=len(data["posts"]), groups=listed(groups))
    for line in lines:
        text = _("{text} {more}").format(text=text, more=line)
    return _("{text} A note reads: {note}.").format(text=text, note=data["note"])
