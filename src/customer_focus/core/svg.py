"""Charts drawn as SVG text from plain numbers, for the tools that run in the page.

The notebooks draw a tool's chart with matplotlib; in the book's page, where
the tool runs on Pyodide with the standard library only, the same chart is
drawn here as an SVG element: the same bars, colors (:data:`PALETTE`),
legend and axis format. The alt text comes from the tool's own ``describe``
function, the one the notebook uses, and is the SVG's accessible name.

Standard library only.

Examples
--------
>>> chart = bar_chart(["1", "2"], [Series("Value", (10.0, 20.0), "line")], alt="Two bars.")
>>> chart.startswith('<svg') and 'aria-label="Two bars."' in chart
True
"""

from __future__ import annotations

import math
import textwrap
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from html import escape

from .formats import dollars
from .palette import PALETTE

__all__ = [
    "Series", "Line", "Panel", "nice_ticks", "bar_chart", "horizontal_bar_chart", "stacked_panels",
    "Step", "step_bars",
]

WIDTH = 640
FONT = 12
LEGEND_ROW = 22


@dataclass(frozen=True)
class Series:
    """One set of bars: its legend label, one value per category, its color and bar width.

    ``color`` is a key of :data:`PALETTE` or a color; ``width`` is the share
    of a category's slot the bar takes (bars of several series overlap, the
    later ones in front, as the notebook's charts draw them).
    """

    label: str
    values: tuple[float, ...]
    color: str
    width: float = 0.8
    hatch: bool = False  # drawn hatched (in :func:`stacked_panels`), as an estimate


@dataclass(frozen=True)
class Line:
    """A dashed reference line across the chart, at ``value``, with its legend label."""

    value: float
    label: str
    color: str = "ink"


#: The hatching of an estimate or a fail point (``fill="url(#cf-hatch)"``).
_HATCH = (
    '<defs><pattern id="cf-hatch" width="6" height="6" patternUnits="userSpaceOnUse" '
    'patternTransform="rotate(45)"><line x1="0" y1="0" x2="0" y2="6" '
    f'stroke="{PALETTE["ink"]}" stroke-width="1"/></pattern></defs>'
)


def _color(name: str) -> str:
    return PALETTE.get(name, name)


def nice_ticks(low: float, high: float, most: int = 6) -> list[float]:
    """Round tick values covering ``low`` to ``high``: 1, 2 or 5 times a power of ten apart.

    Examples
    --------
    >>> nice_ticks(0, 266.67)
    [0.0, 50.0, 100.0, 150.0, 200.0, 250.0, 300.0]
    >>> nice_ticks(-11176, 108000)
    [-20000.0, 0.0, 20000.0, 40000.0, 60000.0, 80000.0, 100000.0, 120000.0]
    """
    if high <= low:
        high = low + 1
    raw = (high - low) / most
    power = 10 ** math.floor(math.log10(raw))
    step = next(power * factor for factor in (1, 2, 5, 10) if power * factor >= raw)
    first = math.floor(low / step + 1e-9) * step
    count = math.ceil((high - first) / step - 1e-9) + 1
    return [round(first + step * k, 10) + 0.0 for k in range(count)]


def _text(x: float, y: float, text: str, anchor: str = "middle", size: int = FONT) -> str:
    return (
        f'<text x="{x:.1f}" y="{y:.1f}" text-anchor="{anchor}" font-size="{size}" '
        f'fill="{PALETTE["ink"]}">{escape(text)}</text>'
    )


def _wrapped(x: float, y: float, text: str, width: float, size: int = FONT) -> str:
    """``text`` centred at ``x``, wrapped to lines that fit ``width`` pixels, the first at ``y``."""
    lines = textwrap.wrap(text, max(8, int(width / (size * 0.56))))
    return "".join(_text(x, y + number * (size + 3), line, size=size)
                   for number, line in enumerate(lines))


def _legend(items: Sequence[tuple[str, str, bool]], top: float) -> list[str]:
    """One legend row per item (label, color, dashed), under the plot."""
    parts = []
    for row, (label, color, dashed) in enumerate(items):
        y = top + row * LEGEND_ROW
        if dashed:
            parts.append(
                f'<line x1="80" y1="{y + 6:.1f}" x2="104" y2="{y + 6:.1f}" stroke="{color}" '
                f'stroke-width="1.5" stroke-dasharray="5 3"/>'
            )
        else:
            parts.append(f'<rect x="80" y="{y:.1f}" width="24" height="12" fill="{color}"/>')
        parts.append(_text(112, y + 11, label, anchor="start"))
    return parts


def _frame(height: float, alt: str, parts: Sequence[str]) -> str:
    return (
        f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {WIDTH} {height:.0f}" '
        f'role="img" aria-label="{escape(alt)}" class="cf-chart" '
        f'font-family="system-ui, sans-serif">'
        f"<title>{escape(alt)}</title>"
        f'<rect width="{WIDTH}" height="{height:.0f}" fill="white"/>'
        + "".join(parts)
        + "</svg>"
    )


def bar_chart(
    categories: Sequence[str],
    series: Sequence[Series],
    *,
    alt: str,
    line: Line | None = None,
    value_label: str = "",
    category_label: str = "",
    ticks: Callable[[float], str] = dollars,
) -> str:
    """Vertical bars, one slot per category, series overlapping (see :class:`Series`).

    Parameters
    ----------
    categories : sequence of str
        The labels under the slots (years, for example).
    series : sequence of Series
        The bars; each has one value per category.
    alt : str
        The chart's accessible name (its alt text).
    line : Line, optional
        A dashed horizontal line, such as a total the bars approach.
    value_label, category_label : str
        The axes' titles.
    ticks : callable
        Writes a value on the value axis (dollars by default).

    Returns
    -------
    str
        An ``<svg>`` element.

    Examples
    --------
    >>> svg = bar_chart(["1"], [Series("A", (5.0,), "line")], alt="One bar.", line=Line(8, "Top"))
    >>> svg.count("<rect"), "stroke-dasharray" in svg
    (3, True)
    """
    values = [value for item in series for value in item.values]
    if line is not None:
        values.append(line.value)
    low, high = min(0.0, *values), max(0.0, *values)
    scale = nice_ticks(low, high * 1.05 if high > 0 else high)
    left, right, top, plot = 80.0, WIDTH - 20.0, 16.0, 240.0
    bottom = top + plot
    span = scale[-1] - scale[0]

    def y_of(value: float) -> float:
        return bottom - (value - scale[0]) / span * plot

    parts = []
    for tick in scale:
        y = y_of(tick)
        parts.append(
            f'<line x1="{left}" y1="{y:.1f}" x2="{right}" y2="{y:.1f}" '
            f'stroke="{PALETTE["grid"]}" stroke-width="0.6"/>'
        )
        parts.append(_text(left - 6, y + 4, ticks(tick), anchor="end"))
    slot = (right - left) / max(1, len(categories))
    label_every = max(1, math.ceil(len(categories) / 20))
    for index, category in enumerate(categories):
        centre = left + slot * (index + 0.5)
        for item in series:
            value = item.values[index]
            y0, y1 = sorted((y_of(0), y_of(value)))
            width = slot * item.width
            parts.append(
                f'<rect x="{centre - width / 2:.1f}" y="{y0:.1f}" width="{width:.1f}" '
                f'height="{y1 - y0:.1f}" fill="{_color(item.color)}"/>'
            )
        if index % label_every == 0:
            parts.append(_text(centre, bottom + 16, category))
    if line is not None:
        y = y_of(line.value)
        parts.append(
            f'<line x1="{left}" y1="{y:.1f}" x2="{right}" y2="{y:.1f}" '
            f'stroke="{_color(line.color)}" stroke-width="1.5" stroke-dasharray="5 3"/>'
        )
    parts.append(_text((left + right) / 2, bottom + 34, category_label))
    parts.append(
        f'<text transform="translate(14 {top + plot / 2:.1f}) rotate(-90)" text-anchor="middle" '
        f'font-size="{FONT}" fill="{PALETTE["ink"]}">{escape(value_label)}</text>'
    )
    legend = [(item.label, _color(item.color), False) for item in series]
    if line is not None:
        legend.append((line.label, _color(line.color), True))
    parts += _legend(legend, bottom + 48)
    return _frame(bottom + 48 + LEGEND_ROW * len(legend), alt, parts)


def horizontal_bar_chart(
    categories: Sequence[str],
    series: Sequence[Series],
    *,
    alt: str,
    ticks: Callable[[float], str] = dollars,
) -> str:
    """Horizontal bars, the first category at the top, each series side by side, a line at zero.

    Examples
    --------
    >>> svg = horizontal_bar_chart(["A", "B"], [Series("Value", (3.0, -1.0), "line")], alt="x")
    >>> svg.index(">A<") < svg.index(">B<")
    True
    """
    values = [value for item in series for value in item.values]
    low, high = min(0.0, *values), max(0.0, *values)
    scale = nice_ticks(low, high)
    names = [str(category) for category in categories]
    left = min(260.0, 20.0 + 7.0 * max(len(name) for name in names))
    right, top = WIDTH - 24.0, 12.0
    row = 18.0 * len(series) + 14
    bottom = top + row * len(names)
    span = scale[-1] - scale[0]

    def x_of(value: float) -> float:
        return left + (value - scale[0]) / span * (right - left)

    parts = []
    for tick in scale:
        x = x_of(tick)
        parts.append(
            f'<line x1="{x:.1f}" y1="{top}" x2="{x:.1f}" y2="{bottom:.1f}" '
            f'stroke="{PALETTE["grid"]}" stroke-width="0.6"/>'
        )
        parts.append(_text(x, bottom + 16, ticks(tick)))
    for index, name in enumerate(names):
        y = top + row * index + 7
        parts.append(_text(left - 6, y + row / 2, name, anchor="end"))
        for number, item in enumerate(series):
            value = item.values[index]
            x0, x1 = sorted((x_of(0), x_of(value)))
            parts.append(
                f'<rect x="{x0:.1f}" y="{y + 18 * number:.1f}" width="{x1 - x0:.1f}" '
                f'height="16" fill="{_color(item.color)}"/>'
            )
    parts.append(
        f'<line x1="{x_of(0):.1f}" y1="{top}" x2="{x_of(0):.1f}" y2="{bottom:.1f}" '
        f'stroke="{PALETTE["ink"]}" stroke-width="0.8"/>'
    )
    parts += _legend([(item.label, _color(item.color), False) for item in series], bottom + 30)
    return _frame(bottom + 30 + LEGEND_ROW * len(series), alt, parts)


@dataclass(frozen=True)
class Panel:
    """One panel of :func:`stacked_panels`: its title, stacked series, axis title and notes.

    ``notes`` are written after each bar (one per category, or none).
    """

    title: str
    series: tuple[Series, ...]
    axis_label: str
    ticks: Callable[[float], str] = lambda value: f"{value:g}"
    notes: tuple[str, ...] = ()
    marks: tuple[float, ...] = ()
    mark_label: str = ""


def _diamond(x: float, y: float) -> str:
    """A white diamond with a dark edge, centred at (x, y): the notebook's reference marker."""
    points = f"{x:.1f},{y - 6:.1f} {x + 6:.1f},{y:.1f} {x:.1f},{y + 6:.1f} {x - 6:.1f},{y:.1f}"
    return f'<polygon points="{points}" fill="white" stroke="{PALETTE["ink"]}" stroke-width="1.3"/>'


def stacked_panels(
    categories: Sequence[str], panels: Sequence[Panel], *, alt: str, note: str = ""
) -> str:
    """Panels side by side of horizontal stacked bars, one bar per category, the first on top.

    Examples
    --------
    >>> panel = Panel("Gets", (Series("A", (1.0, 2.0), "line"), Series("B", (1.0, 1.0), "accent")),
    ...               "Score")
    >>> svg = stacked_panels(["X", "Y"], [panel, panel], alt="Two panels.", note="Ranking only.")
    >>> svg.count("<rect") - 1, "Ranking only." in svg  # 8 bars, 4 legend keys
    (12, True)
    """
    names = [str(category) for category in categories]
    label_width = min(220.0, 16.0 + 6.5 * max(len(name) for name in names))
    top, row = 46.0, 26.0
    bottom = top + row * len(names)
    width = (WIDTH - label_width - 20) / len(panels)
    parts = []
    most = int((label_width - 10) / 6.5)
    for index, name in enumerate(names):
        shown = name if len(name) <= most else name[: most - 1].rstrip() + "…"
        parts.append(_text(label_width - 6, top + row * index + 17, shown, anchor="end"))
    legend = []
    for number, panel in enumerate(panels):
        left = label_width + number * width + (12 if number else 0)
        room = 70.0 if panel.notes else 12.0
        right = label_width + (number + 1) * width - room
        totals = [sum(item.values[i] for item in panel.series) for i in range(len(names))]
        totals += list(panel.marks)
        scale = nice_ticks(0.0, max(totals) if max(totals) > 0 else 1.0, most=4)
        span = scale[-1] - scale[0]

        def x_of(value: float, left: float = left, right: float = right, span: float = span
                 ) -> float:
            return left + value / span * (right - left)

        parts.append(_wrapped((left + right) / 2, 16, panel.title, right - left + room - 16, FONT))
        for tick in scale:
            parts.append(
                f'<line x1="{x_of(tick):.1f}" y1="{top}" x2="{x_of(tick):.1f}" y2="{bottom:.1f}" '
                f'stroke="{PALETTE["grid"]}" stroke-width="0.6"/>'
            )
            parts.append(_text(x_of(tick), bottom + 14, panel.ticks(tick), size=FONT - 1))
        parts.append(
            _wrapped((left + right) / 2, bottom + 30, panel.axis_label, right - left + room,
                     FONT - 1)
        )
        for index in range(len(names)):
            start, y = 0.0, top + row * index + 4
            for item in panel.series:
                value = item.values[index]
                bar = x_of(start + value) - x_of(start)
                parts.append(
                    f'<rect x="{x_of(start):.1f}" y="{y:.1f}" width="{bar:.1f}" '
                    f'height="18" fill="{_color(item.color)}" stroke="{PALETTE["ink"]}" '
                    f'stroke-width="0.4"/>'
                )
                if item.hatch:
                    parts.append(
                        f'<rect x="{x_of(start):.1f}" y="{y:.1f}" width="{bar:.1f}" '
                        'height="18" fill="url(#cf-hatch)"/>'
                    )
                start += value
            end = start
            if panel.marks:
                parts.append(_diamond(x_of(panel.marks[index]), y + 9))
                end = max(end, panel.marks[index]) + 6 * span / (right - left)
            if panel.notes:
                parts.append(_text(x_of(end) + 4, y + 13, panel.notes[index], anchor="start",
                                   size=FONT - 1))
        legend += [(item.label, _color(item.color), False) for item in panel.series]
    marked = [panel.mark_label for panel in panels if panel.marks]
    hatched = [item.hatch for panel in panels for item in panel.series]
    if any(hatched):
        parts.insert(0, _HATCH)
    legend_top = bottom + 62
    parts += _legend(legend, legend_top)
    parts += [  # a hatched series' key is hatched too
        f'<rect x="80" y="{legend_top + row * LEGEND_ROW:.1f}" width="24" height="12" '
        'fill="url(#cf-hatch)"/>'
        for row, hatch in enumerate(hatched) if hatch
    ]
    height = legend_top + LEGEND_ROW * len(legend)
    for label in marked:
        parts += [_diamond(92, height + 6), _text(112, height + 11, label, anchor="start")]
        height += LEGEND_ROW
    if note:
        parts.append(_text(WIDTH / 2, height + 8, note, size=FONT - 1))
        height += 20
    return _frame(height, alt, parts)


@dataclass(frozen=True)
class Step:
    """One bar of :func:`step_bars`: its name, length, color, label, and whether it is marked."""

    name: str
    value: float
    color: str
    label: str
    marked: bool = False


def step_bars(
    steps: Sequence[Step],
    *,
    alt: str,
    axis_label: str,
    legend: Sequence[tuple[str, str]],
    mark_label: str,
) -> str:
    """One horizontal bar per step, the first on top, each its own color; marked bars hatched
    and crossed, as the notebook's process chart draws them.

    ``legend`` gives (label, color) for the colors; ``mark_label`` names the cross.

    Examples
    --------
    >>> svg = step_bars([Step("1. Wait", 30.0, "customers", "30 min", True),
    ...                  Step("2. Repair", 90.0, "line", "90 min")], alt="Two steps.",
    ...                 axis_label="Minutes", legend=[("No value", "customers")], mark_label="Fail")
    >>> svg.index(">1. Wait<") < svg.index(">2. Repair<"), svg.count("url(#cf-hatch)")
    (True, 1)
    """
    names = [textwrap.shorten(step.name, width=52, placeholder="…") for step in steps]
    left = min(300.0, 20.0 + 6.5 * max(len(name) for name in names))
    right, top, row = WIDTH - 24.0, 12.0, 24.0
    bottom = top + row * len(steps)
    top_value = max((step.value for step in steps), default=0.0) or 1.0
    scale = nice_ticks(0.0, top_value * 1.3)
    span = scale[-1] - scale[0]

    def x_of(value: float) -> float:
        return left + (value - scale[0]) / span * (right - left)

    parts = [_HATCH]
    for tick in scale:
        x = x_of(tick)
        parts.append(
            f'<line x1="{x:.1f}" y1="{top}" x2="{x:.1f}" y2="{bottom:.1f}" '
            f'stroke="{PALETTE["grid"]}" stroke-width="0.6"/>'
        )
        parts.append(_text(x, bottom + 16, f"{tick:g}"))
    parts.append(_text((left + right) / 2, bottom + 34, axis_label))
    for index, (name, step) in enumerate(zip(names, steps, strict=True)):
        y = top + row * index + 3
        parts.append(_text(left - 6, y + 13, name, anchor="end"))
        width = x_of(step.value) - x_of(0)
        bar = (
            f'<rect x="{x_of(0):.1f}" y="{y:.1f}" width="{width:.1f}" height="18" '
            f'fill="{{fill}}" stroke="{PALETTE["ink"]}" stroke-width="0.6"/>'
        )
        parts.append(bar.format(fill=_color(step.color)))
        at = x_of(step.value) + 4
        if step.marked:
            parts.append(bar.format(fill="url(#cf-hatch)"))
            parts.append(_text(at + 6, y + 14, "✕", size=FONT + 2).replace(
                f'fill="{PALETTE["ink"]}"', f'fill="{PALETTE["accent"]}"'))
            at += 18
        parts.append(_text(at, y + 13, step.label, anchor="start", size=FONT - 1))
    items = [(label, _color(color), False) for label, color in legend]
    legend_top = bottom + 50
    parts += _legend(items, legend_top)
    y = legend_top + LEGEND_ROW * len(items)
    parts.append(_text(92, y + 11, "✕", size=FONT + 2).replace(
        f'fill="{PALETTE["ink"]}"', f'fill="{PALETTE["accent"]}"'))
    parts.append(_text(112, y + 11, mark_label, anchor="start"))
    return _frame(y + LEGEND_ROW, alt, parts)
