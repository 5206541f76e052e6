"""What every course figure shares: a figure class that displays itself, the
palette (kept in :mod:`customer_focus.core.palette`, which the SVG charts drawn
in the page share), a new blank figure, a legend under the plot, and a way to embed a
figure with alt text. Amounts on axes are written by
:func:`customer_focus.core.formats.dollars`.

Figures have a white background and dark ink so that they stay legible when a
reader switches the book to dark mode. A figure made while the package speaks
Chinese (:func:`customer_focus.core.messages.current_language`) writes its
words in a CJK font, :data:`CJK_FONT`, when the machine has it (Debian's
``fonts-noto-cjk``, which ``make chromium`` installs); without it, in matplotlib's
default font.
"""

from __future__ import annotations

import base64
import io
from functools import cache
from html import escape
from pathlib import Path
from typing import Any

import matplotlib
from matplotlib import font_manager
from matplotlib.figure import Figure

from .messages import current_language
from .palette import PALETTE

__all__ = [
    "CJK_FONT", "CJK_FONT_FILES", "PALETTE", "CourseFigure", "new_figure", "figure_html",
    "legend_below", "legend_under", "plain_axes", "font_family",
]

#: The font of a chart's words in Chinese (Traditional characters, Taiwan's glyph forms).
CJK_FONT = "Noto Sans CJK TC"
#: Where Debian's ``fonts-noto-cjk`` puts it (regular and bold), for a matplotlib whose
#: font cache was built before the font was installed.
CJK_FONT_FILES = (
    Path("/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc"),
    Path("/usr/share/fonts/opentype/noto/NotoSansCJK-Bold.ttc"),
)
#: Languages whose charts are written in :data:`CJK_FONT`.
CJK_LANGUAGES = ("zh_TW",)


@cache
def _has_cjk_font() -> bool:
    """Whether matplotlib knows :data:`CJK_FONT`, after adding its files if they are here."""
    def known() -> bool:
        return any(entry.name == CJK_FONT for entry in font_manager.fontManager.ttflist)

    if not known():
        for path in CJK_FONT_FILES:
            if path.is_file():
                font_manager.fontManager.addfont(str(path))
    return known()


def font_family() -> list[str]:
    """The font family of a new figure's words, for the language the package speaks now.

    :data:`CJK_FONT` first in Chinese when the machine has it; matplotlib's
    sans-serif font otherwise (and for Latin letters the CJK font lacks).

    Examples
    --------
    >>> font_family()
    ['sans-serif']
    """
    if current_language() in CJK_LANGUAGES and _has_cjk_font():
        return [CJK_FONT, "sans-serif"]
    return ["sans-serif"]


class CourseFigure(Figure):
    """A matplotlib figure that shows itself as a PNG in Jupyter and the book.

    Displaying a plain :class:`~matplotlib.figure.Figure` depends on pyplot's
    inline backend having been set up; this one needs nothing.
    """

    def _repr_png_(self) -> bytes:
        buffer = io.BytesIO()
        self.savefig(buffer, format="png", facecolor="white", metadata={"Software": None})
        return buffer.getvalue()


def new_figure(width: float, height: float) -> CourseFigure:
    """An empty course figure, ``width`` by ``height`` inches, on white.

    The words drawn on it afterwards take the font of the language the package
    speaks now (:func:`font_family`).

    Examples
    --------
    >>> new_figure(7.5, 4).get_size_inches().tolist()
    [7.5, 4.0]
    """
    matplotlib.rcParams["font.family"] = font_family()
    figure = CourseFigure(figsize=(width, height), dpi=110, facecolor="white")
    figure.patch.set_facecolor("white")
    return figure


def figure_html(figure: Figure, alt: str) -> str:
    """An ``<img>`` element holding the figure as a PNG, with alt text.

    Used where a figure is shown inside a widget, so that the saved page
    still describes the chart to a screen reader.

    Parameters
    ----------
    figure : matplotlib.figure.Figure
    alt : str
        What the chart shows, in a sentence or two.

    Returns
    -------
    str
    """
    if not alt.strip():
        raise ValueError("figure_html needs alt text describing the chart.")
    buffer = io.BytesIO()
    figure.savefig(buffer, format="png", facecolor="white", metadata={"Software": None})
    data = base64.b64encode(buffer.getvalue()).decode("ascii")
    return f'<img src="data:image/png;base64,{data}" alt="{escape(alt)}" style="max-width:100%">'


def legend_below(
    figure: Figure, axes: Any, title: str | None = None, *, columns: int = 3, space: float = 0.09
) -> None:
    """Put the legend under the plot, where it cannot hide a bar, and set the title.

    Parameters
    ----------
    figure, axes
        The chart.
    title : str, optional
        A title for the axes.
    columns : int
        Legend entries per row, at most.
    space : float
        Share of the figure's height kept free for the legend.
    """
    if title:
        axes.set_title(title, color=PALETTE["ink"])
    handles, labels = axes.get_legend_handles_labels()
    legend_under(figure, handles, labels, columns=max(1, min(columns, len(labels))), space=space)


def legend_under(
    figure: Figure, handles: list, labels: list | None = None, *, columns: int, space: float
) -> None:
    """Put a legend of ``handles`` (and ``labels``) under the plot, and lay the figure out.

    Parameters
    ----------
    figure
        The chart.
    handles, labels
        The legend's entries (without labels, each handle's own).
    columns : int
        Legend entries per row.
    space : float
        Share of the figure's height kept free for the legend.
    """
    entries = {"handles": handles} if labels is None else {"handles": handles, "labels": labels}
    figure.legend(**entries, loc="lower center", ncol=columns, frameon=False, fontsize=9)
    figure.tight_layout(rect=(0, space, 1, 1))


def plain_axes(
    axes: Any, *, grid: str = "both", title: str | None = None, box: bool = False
) -> None:
    """Light grid lines behind the marks, no frame on the top and right, and the title if any.

    Parameters
    ----------
    axes
        The chart's axes.
    grid : {"both", "x", "y"}
        Which axis gets grid lines.
    title : str, optional
        A title for the axes.
    box : bool
        Keep the frame on the top and right too.

    Examples
    --------
    >>> figure = new_figure(4, 3)
    >>> axes = figure.add_subplot()
    >>> plain_axes(axes, grid="x", title="Cost")
    >>> axes.get_title(), axes.spines["top"].get_visible()
    ('Cost', False)
    """
    axes.grid(axis=grid, color=PALETTE["grid"], linewidth=0.6)
    axes.set_axisbelow(True)
    for side in () if box else ("top", "right"):
        axes.spines[side].set_visible(False)
    if title:
        axes.set_title(title, color=PALETTE["ink"])
