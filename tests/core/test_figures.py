"""What every course figure shares: a white figure that shows itself, and alt text."""

from __future__ import annotations

import matplotlib.colors as mcolors
import pytest

from customer_focus.core.figures import PALETTE, figure_html, legend_below, new_figure


def _bars():
    figure = new_figure(6, 3)
    axes = figure.add_subplot()
    axes.bar([1, 2], [3, 4], color=PALETTE["line"], label="Bars")
    return figure, axes


def test_a_new_figure_is_white_and_shows_itself_as_png():
    figure = new_figure(6, 3)
    assert mcolors.to_hex(figure.get_facecolor()) == "#ffffff"
    assert figure._repr_png_().startswith(b"\x89PNG")


def test_figure_html_carries_alt_text_and_rejects_empty_alt():
    figure, _ = _bars()
    html = figure_html(figure, 'Two bars, "3" and "4".')
    assert html.startswith('<img src="data:image/png;base64,')
    assert 'alt="Two bars, &quot;3&quot; and &quot;4&quot;."' in html
    with pytest.raises(ValueError, match="needs alt text"):
        figure_html(figure, " ")


def test_legend_goes_below_the_plot_with_the_title():
    figure, axes = _bars()
    legend_below(figure, axes, "A title")
    assert axes.get_title() == "A title"
    assert [text.get_text() for text in figure.legends[0].get_texts()] == ["Bars"]
