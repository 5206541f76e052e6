"""What every course figure shares: a white figure that shows itself, alt text, and the
font of the reader's language."""

from __future__ import annotations

from pathlib import Path

import matplotlib.colors as mcolors
import pytest
from matplotlib import font_manager

from customer_focus.core.figures import (
    CJK_FONT_FILES,
    PALETTE,
    figure_html,
    legend_below,
    new_figure,
    plain_axes,
)
from customer_focus.core.messages import language


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


@pytest.mark.skipif(not any(path.is_file() for path in CJK_FONT_FILES),
                    reason="Debian's fonts-noto-cjk is not installed (make chromium installs it)")
def test_a_chart_in_chinese_draws_its_title_in_the_cjk_font_and_english_does_not():
    with language("zh_TW"):
        figure = new_figure(4, 3)
        axes = figure.add_subplot()
        plain_axes(axes, title="顧客終身價值")
    chinese = font_manager.findfont(axes.title.get_fontproperties())
    assert Path(chinese) in CJK_FONT_FILES
    assert font_manager.FontProperties(fname=chinese).get_name().startswith("Noto Sans CJK")
    assert figure._repr_png_().startswith(b"\x89PNG")

    with language(None):
        figure = new_figure(4, 3)
        axes = figure.add_subplot()
        plain_axes(axes, title="Customer lifetime value")
    assert Path(font_manager.findfont(axes.title.get_fontproperties())) not in CJK_FONT_FILES
