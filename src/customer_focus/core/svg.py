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

from .formats import compact_dollars, dollars
from .palette import PALETTE

__all__ = [
    "Series",
    "Line",
    "Panel",
    "nice_ticks",
    "bar_chart",
    "horizontal_bar_chart",
    "stacked_panels",
    "Step",
    "step_bars",
    "SplitBar",
    "split_bar_chart",
    "ColumnPanel",
    "column_panels",
    "Point",
    "Span",
    "scatter_chart",
    "span_chart",
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


def _across(
    scale: Sequence[float], left: float, right: float, top: float, bottom: float,
    ticks: Callable[[float], str],
) -> tuple[Callable[[float], float], list[str]]:
    """A value axis across the plot: where a value falls, and the grid lines with their ticks.

    Examples
    --------
    >>> x_of, parts = _across([0.0, 10.0], 100.0, 200.0, 0.0, 50.0, str)
    >>> x_of(5.0), len(parts)
    (150.0, 4)
    """
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
    return x_of, parts


def _zero_line(x: float, top: float, bottom: float) -> str:
    """The line at zero, across the bars of a horizontal chart."""
    return (
        f'<line x1="{x:.1f}" y1="{top}" x2="{x:.1f}" y2="{bottom:.1f}" '
        f'stroke="{PALETTE["ink"]}" stroke-width="0.8"/>'
    )


def _label_room(names: Sequence[str]) -> float:
    """Where the bars of a horizontal chart start: room for the longest name (up to 260)."""
    return min(260.0, 20.0 + 7.0 * max(len(name) for name in names))


def _upright(
    scale: Sequence[float], y_of: Callable[[float], float], left: float, right: float,
    ticks: Callable[[float], str],
) -> list[str]:
    """An upright value axis: a grid line across the plot at each tick, its label on the left.

    Examples
    --------
    >>> len(_upright([0.0, 5.0, 10.0], lambda value: 100 - value, 80.0, 600.0, str))
    6
    """
    parts = []
    for tick in scale:
        y = y_of(tick)
        parts.append(
            f'<line x1="{left}" y1="{y:.1f}" x2="{right}" y2="{y:.1f}" '
            f'stroke="{PALETTE["grid"]}" stroke-width="0.6"/>'
        )
        parts.append(_text(left - 6, y + 4, ticks(tick), anchor="end"))
    return parts


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

    parts = _upright(scale, y_of, left, right, ticks)
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
    left, right, top = _label_room(names), WIDTH - 24.0, 12.0
    row = 18.0 * len(series) + 14
    bottom = top + row * len(names)
    x_of, parts = _across(scale, left, right, top, bottom, ticks)
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
    parts.append(_zero_line(x_of(0), top, bottom))
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


@dataclass(frozen=True)
class SplitBar:
    """One bar of :func:`split_bar_chart`: a first part, the rest after it, and a marker.

    ``muted`` bars are drawn grey and hatched (flagged: leave them be).
    """

    label: str
    first: float
    rest: float
    marker: float | None = None
    muted: bool = False


def split_bar_chart(
    bars: Sequence[SplitBar],
    *,
    alt: str,
    legend: tuple[str, str, str, str],
    value_label: str = "",
    ticks: Callable[[float], str] = compact_dollars,
) -> str:
    """Horizontal bars, the first at the top, each split in two parts, with a diamond marker.

    Parameters
    ----------
    bars : sequence of SplitBar
        The bars, top to bottom.
    alt : str
        The chart's accessible name (its alt text).
    legend : tuple of 4 str
        Labels of the first part, the rest, the marker and the muted bars.
    value_label : str
        The value axis's title.
    ticks : callable
        Writes a value on the axis (compact dollars by default).

    Examples
    --------
    >>> bars = [SplitBar("A", 3.0, 7.0, 5.0), SplitBar("B", -1.0, -1.0, None, True)]
    >>> svg = split_bar_chart(bars, alt="Two bars.", legend=("Now", "Rest", "Target", "Flagged"))
    >>> svg.index(">A<") < svg.index(">B<"), svg.count("<polygon")
    (True, 2)
    """
    ends = [value for bar in bars for value in (bar.first, bar.first + bar.rest)]
    ends += [bar.marker for bar in bars if bar.marker is not None]
    low, high = min(0.0, *ends), max(0.0, *ends)
    scale = nice_ticks(low, high)
    left, right, top, row = _label_room([bar.label for bar in bars]), WIDTH - 24.0, 12.0, 30.0
    bottom = top + row * len(bars)
    x_of, axis = _across(scale, left, right, top, bottom, ticks)
    muted_dark = "#9e9e9e"
    parts = [
        '<defs><pattern id="cf-hatch" width="6" height="6" patternUnits="userSpaceOnUse" '
        'patternTransform="rotate(45)"><rect width="6" height="6" fill="#e0e0e0"/>'
        f'<line x1="0" y1="0" x2="0" y2="6" stroke="{PALETTE["ink"]}" stroke-width="0.8"/>'
        "</pattern></defs>",
        *axis,
    ]

    def diamond(x: float, y: float, size: float = 6) -> str:
        return (
            f'<polygon points="{x:.1f},{y - size:.1f} {x + size:.1f},{y:.1f} {x:.1f},'
            f'{y + size:.1f} {x - size:.1f},{y:.1f}" fill="{PALETTE["accent"]}" '
            f'stroke="{PALETTE["ink"]}" stroke-width="0.8"/>'
        )

    for index, bar in enumerate(bars):
        y = top + row * index + 5
        parts.append(_text(left - 6, y + 14, bar.label, anchor="end"))
        dark = muted_dark if bar.muted else PALETTE["line"]
        light = "url(#cf-hatch)" if bar.muted else PALETTE["employees"]
        for start, end, color in ((0.0, bar.first, dark),
                                  (bar.first, bar.first + bar.rest, light)):
            x0, x1 = sorted((x_of(start), x_of(end)))
            parts.append(
                f'<rect x="{x0:.1f}" y="{y:.1f}" width="{x1 - x0:.1f}" height="20" '
                f'fill="{color}" stroke="{PALETTE["ink"]}" stroke-width="0.6"/>'
            )
        if bar.marker is not None:
            parts.append(diamond(x_of(bar.marker), y + 10))
    parts.append(_zero_line(x_of(0), top, bottom))
    parts.append(_text((left + right) / 2, bottom + 34, value_label))
    first, rest, marker, muted = legend
    at = bottom + 48
    for number, (label, color) in enumerate(
        ((first, PALETTE["line"]), (rest, PALETTE["employees"]), (marker, ""),
         (muted, "url(#cf-hatch)"))
    ):
        y = at + number * LEGEND_ROW
        if color:
            parts.append(
                f'<rect x="80" y="{y:.1f}" width="24" height="12" fill="{color}" '
                f'stroke="{PALETTE["ink"]}" stroke-width="0.6"/>'
            )
        else:
            parts.append(diamond(92, y + 6, 5))
        parts.append(_text(112, y + 11, label, anchor="start"))
    return _frame(at + LEGEND_ROW * 4, alt, parts)


@dataclass(frozen=True)
class ColumnPanel:
    """One panel of :func:`column_panels`: its title, one value per category, their colors."""

    title: str
    values: tuple[float, ...]
    colors: tuple[str, ...]


def column_panels(
    categories: Sequence[str],
    panels: Sequence[ColumnPanel],
    *,
    alt: str,
    legend: Sequence[tuple[str, str]],
    value_label: str = "",
    category_label: str = "",
    ticks: Callable[[float], str] = lambda value: f"{value:g}",
) -> str:
    """Panels one above the other of vertical bars, sharing their axes (one bar per category).

    Parameters
    ----------
    categories : sequence of str
        The labels under the bars, the same in every panel.
    panels : sequence of ColumnPanel
        The panels, top to bottom; each bar has its own color (a key of
        :data:`PALETTE` or a color).
    alt : str
        The chart's accessible name (its alt text).
    legend : sequence of (label, color)
        What the colors mean.
    value_label, category_label : str
        The axes' titles.
    ticks : callable
        Writes a value on the value axis.

    Examples
    --------
    >>> panel = ColumnPanel("All", (10.0, 30.0), ("line", "accent"))
    >>> svg = column_panels(["0", "1"], [panel, panel], alt="Two panels.",
    ...                     legend=[("Low", "accent")])
    >>> svg.count("<rect")  # the background, 4 bars and 1 legend key
    6
    """
    values = [value for panel in panels for value in panel.values]
    scale = nice_ticks(0.0, max(max(values) * 1.15, 5.0), most=4)
    left, right, plot, gap = 70.0, WIDTH - 20.0, 110.0, 44.0
    slot = (right - left) / max(1, len(categories))
    parts = []
    for number, panel in enumerate(panels):
        top = 10 + number * (plot + gap) + 20
        bottom = top + plot

        def y_of(value: float, bottom: float = bottom) -> float:
            return bottom - value / scale[-1] * plot

        parts.append(_text(left, top - 8, panel.title, anchor="start", size=FONT + 1))
        parts += _upright(scale, y_of, left, right, ticks)
        for index, (value, color) in enumerate(zip(panel.values, panel.colors, strict=True)):
            centre = left + slot * (index + 0.5)
            parts.append(
                f'<rect x="{centre - slot * 0.4:.1f}" y="{y_of(value):.1f}" '
                f'width="{slot * 0.8:.1f}" height="{bottom - y_of(value):.1f}" '
                f'fill="{_color(color)}" stroke="{PALETTE["ink"]}" stroke-width="0.4"/>'
            )
            parts.append(_text(centre, bottom + 15, categories[index]))
        parts.append(
            f'<text transform="translate(16 {top + plot / 2:.1f}) rotate(-90)" '
            f'text-anchor="middle" font-size="{FONT - 1}" fill="{PALETTE["ink"]}">'
            f"{escape(value_label)}</text>"
        )
    end = 10 + len(panels) * (plot + gap)
    parts.append(_text((left + right) / 2, end + 4, category_label))
    parts += _legend([(label, _color(color), False) for label, color in legend], end + 18)
    return _frame(end + 18 + LEGEND_ROW * len(legend), alt, parts)


#: The markers :class:`Point` may have.
MARKERS = ("o", "s", "D", "^", "v", "X", "P")


@dataclass(frozen=True)
class Point:
    """One named point of a scatter chart: its label, place, color, marker and legend entry.

    ``marker`` is one of :data:`MARKERS` (matplotlib's letters: ``o`` circle,
    ``s`` square, ``D`` diamond, ``^`` and ``v`` triangles, ``X`` a cross,
    ``P`` a plus); points with the same ``legend`` share one legend entry.
    """

    label: str
    x: float
    y: float
    color: str
    marker: str = "o"
    legend: str = ""


def _marker(marker: str, x: float, y: float, color: str, size: float = 6.5) -> str:
    """The SVG shape of a marker centred at (x, y), edged in ink as the notebook's points are."""
    edge = f'fill="{color}" stroke="{PALETTE["ink"]}" stroke-width="0.6"'
    r, t = size, size * 0.35
    shapes = {
        "o": lambda: f'<circle cx="{x:.1f}" cy="{y:.1f}" r="{r * 0.85:.1f}" {edge}/>',
        "s": lambda: (f'<rect x="{x - r * 0.75:.1f}" y="{y - r * 0.75:.1f}" '
                      f'width="{r * 1.5:.1f}" height="{r * 1.5:.1f}" {edge}/>'),
        "D": [(0, -r), (r * 0.8, 0), (0, r), (-r * 0.8, 0)],
        "^": [(0, -r), (r, r * 0.8), (-r, r * 0.8)],
        "v": [(0, r), (r, -r * 0.8), (-r, -r * 0.8)],
        "X": [(-r, -r + t), (-r + t, -r), (0, -t), (r - t, -r), (r, -r + t), (t, 0),
              (r, r - t), (r - t, r), (0, t), (-r + t, r), (-r, r - t), (-t, 0)],
        "P": [(-t, -r), (t, -r), (t, -t), (r, -t), (r, t), (t, t), (t, r), (-t, r), (-t, t),
              (-r, t), (-r, -t), (-t, -t)],
    }
    shape = shapes.get(marker, shapes["o"])
    if callable(shape):
        return shape()
    corners = " ".join(f"{x + dx:.1f},{y + dy:.1f}" for dx, dy in shape)
    return f'<polygon points="{corners}" {edge}/>'


def scatter_chart(
    points: Sequence[Point],
    *,
    alt: str,
    x_label: str,
    y_label: str,
    x_range: tuple[float, float],
    y_range: tuple[float, float],
    ticks: Callable[[float], str] = lambda value: f"{value:.1f}",
) -> str:
    """Named points on two axes, styled by group, with a legend of the groups under the plot.

    Parameters
    ----------
    points : sequence of Point
        The points; each is labeled by its ``label`` beside it.
    alt : str
        The chart's accessible name (its alt text).
    x_label, y_label : str
        The axes' titles.
    x_range, y_range : tuple of float
        The axes' limits (low, high).
    ticks : callable
        Writes a tick's value.

    Examples
    --------
    >>> svg = scatter_chart([Point("Bike", 0.1, 0.9, "#2e7d32", "^", "A: Attractive")], alt="x",
    ...                     x_label="|Worse|", y_label="Better", x_range=(0, 1), y_range=(0, 1))
    >>> svg.count("<polygon"), ">Bike<" in svg, ">A: Attractive<" in svg
    (2, True, True)
    """
    left, right, top, plot = 64.0, WIDTH - 24.0, 16.0, 420.0
    bottom = top + plot
    (x_low, x_high), (y_low, y_high) = x_range, y_range

    def x_of(value: float) -> float:
        return left + (value - x_low) / (x_high - x_low) * (right - left)

    def y_of(value: float) -> float:
        return bottom - (value - y_low) / (y_high - y_low) * plot

    parts = []
    for tick in nice_ticks(max(0.0, x_low), x_high, most=5):
        if x_low <= tick <= x_high:
            parts.append(
                f'<line x1="{x_of(tick):.1f}" y1="{top}" x2="{x_of(tick):.1f}" y2="{bottom:.1f}" '
                f'stroke="{PALETTE["grid"]}" stroke-width="0.6"/>'
            )
            parts.append(_text(x_of(tick), bottom + 16, ticks(tick)))
    for tick in nice_ticks(max(0.0, y_low), y_high, most=5):
        if y_low <= tick <= y_high:
            parts.append(
                f'<line x1="{left}" y1="{y_of(tick):.1f}" x2="{right}" y2="{y_of(tick):.1f}" '
                f'stroke="{PALETTE["grid"]}" stroke-width="0.6"/>'
            )
            parts.append(_text(left - 6, y_of(tick) + 4, ticks(tick), anchor="end"))
    parts.append(
        f'<polyline points="{left},{top} {left},{bottom:.1f} {right},{bottom:.1f}" fill="none" '
        f'stroke="{PALETTE["ink"]}" stroke-width="0.8"/>'
    )
    legend: dict[str, Point] = {}
    for point in points:
        x, y = x_of(point.x), y_of(point.y)
        parts.append(_marker(point.marker, x, y, _color(point.color)))
        # the label goes left of the point when it would run past the right edge
        width = 6.5 * len(point.label)
        if x + 9 + width > WIDTH - 4:
            parts.append(_text(x - 9, y - 6, point.label, anchor="end", size=11))
        else:
            parts.append(_text(x + 9, y - 6, point.label, anchor="start", size=11))
        if point.legend:
            legend.setdefault(point.legend, point)
    parts.append(_text((left + right) / 2, bottom + 34, x_label))
    parts.append(
        f'<text transform="translate(14 {top + plot / 2:.1f}) rotate(-90)" text-anchor="middle" '
        f'font-size="{FONT}" fill="{PALETTE["ink"]}">{escape(y_label)}</text>'
    )
    first = bottom + 52
    for row, (label, point) in enumerate(legend.items()):
        y = first + row * LEGEND_ROW
        parts.append(_marker(point.marker, 92, y + 6, _color(point.color), size=5.5))
        parts.append(_text(112, y + 11, label, anchor="start"))
    return _frame(first + LEGEND_ROW * len(legend), alt, parts)


@dataclass(frozen=True)
class Span:
    """One row of a span chart: its label, where it starts and ends, its color and a note."""

    label: str
    start: float
    end: float
    color: str
    note: str = ""


def span_chart(
    spans: Sequence[Span],
    *,
    alt: str,
    x_label: str,
    x_range: tuple[float, float],
    start: tuple[str, str],
    end: tuple[str, str],
    lines: Sequence[tuple[str, str]] = (),
    note_heading: str = "",
) -> str:
    """A row per span, the first at the top: a line from an open circle (start) to a diamond (end).

    Parameters
    ----------
    spans : sequence of Span
        The rows; each note is written at the right.
    alt : str
        The chart's accessible name (its alt text).
    x_label : str
        The axis' title; its ticks are the whole numbers of ``x_range``.
    x_range : tuple of float
        The axis' limits.
    start, end : tuple of str
        The legend's label and color of the start and end markers.
    lines : sequence of tuple of str
        More legend entries: (label, color) of the lines.
    note_heading : str
        A heading above the notes.

    Examples
    --------
    >>> svg = span_chart([Span("Tangibles", 5.0, 5.4, "#2e7d32", "+0.40")], alt="x",
    ...                  x_label="Score", x_range=(1, 7.9), start=("E", "#1f5f99"),
    ...                  end=("P", "#b35900"))
    >>> svg.count("<circle"), ">+0.40<" in svg
    (2, True)
    """
    left = min(200.0, 24.0 + 7.0 * max(len(span.label) for span in spans))
    right, top, row = WIDTH - 24.0, 28.0, 36.0
    bottom = top + row * len(spans)
    low, high = x_range

    def x_of(value: float) -> float:
        return left + (value - low) / (high - low) * (right - left)

    parts = []
    for tick in range(math.ceil(low), math.floor(high) + 1):
        parts.append(
            f'<line x1="{x_of(tick):.1f}" y1="{top}" x2="{x_of(tick):.1f}" y2="{bottom:.1f}" '
            f'stroke="{PALETTE["grid"]}" stroke-width="0.6"/>'
        )
        parts.append(_text(x_of(tick), bottom + 16, str(tick)))
    notes = x_of(math.floor(high) + 0.25)
    if note_heading:
        parts.append(
            f'<text x="{notes:.1f}" y="{top - 8:.1f}" font-size="{FONT}" font-weight="bold" '
            f'fill="{PALETTE["ink"]}">{escape(note_heading)}</text>'
        )
    start_color, end_color = _color(start[1]), _color(end[1])
    for index, span in enumerate(spans):
        y = top + row * (index + 0.5)
        parts.append(_text(left - 8, y + 4, span.label, anchor="end"))
        parts.append(
            f'<line x1="{x_of(span.start):.1f}" y1="{y:.1f}" x2="{x_of(span.end):.1f}" '
            f'y2="{y:.1f}" stroke="{_color(span.color)}" stroke-width="3"/>'
        )
        parts.append(
            f'<circle cx="{x_of(span.start):.1f}" cy="{y:.1f}" r="5.5" fill="white" '
            f'stroke="{start_color}" stroke-width="2"/>'
        )
        parts.append(_marker("D", x_of(span.end), y, end_color, size=6))
        if span.note:
            parts.append(_text(notes, y + 4, span.note, anchor="start"))
    parts.append(_text((left + right) / 2, bottom + 34, x_label))
    first = bottom + 52
    legend = [
        f'<circle cx="92" cy="{first + 6:.1f}" r="5" fill="white" stroke="{start_color}" '
        f'stroke-width="2"/>',
        _text(112, first + 11, start[0], anchor="start"),
        _marker("D", 92, first + LEGEND_ROW + 6, end_color, size=5.5),
        _text(112, first + LEGEND_ROW + 11, end[0], anchor="start"),
    ]
    for number, (label, color) in enumerate(lines, start=2):
        y = first + LEGEND_ROW * number
        legend.append(
            f'<line x1="80" y1="{y + 6:.1f}" x2="104" y2="{y + 6:.1f}" stroke="{_color(color)}" '
            f'stroke-width="3"/>'
        )
        legend.append(_text(112, y + 11, label, anchor="start"))
    return _frame(first + LEGEND_ROW * (2 + len(lines)), alt, parts + legend)
