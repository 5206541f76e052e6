"""Each page loads only what it uses (customer_focus.sphinxext.pageweight).

The pages the site benchmark measures (benchmarks/site_lighthouse.py) are
opened with the site served compressed, as ``make serve`` serves it, and the
bytes that arrive before any interaction are counted with the browser's own
network events: at most 1.5 MB a page. MathJax arrives only on a page with
math, and the widget manager only once a widget comes on screen.
"""

from __future__ import annotations

import pytest

from customer_focus.publish.serve import serve

from .conftest import SITE

pytestmark = pytest.mark.browser

MAX_BYTES = 1_500_000
WORKSHEET = "book/apply/tools/turnover-cost-worksheet.html"
#: The benchmark's pages, and whether each shows math.
PAGES = {
    "book/index.html": False,
    "book/learn/lifetime-value.html": True,
    "book/practice/knowledge-check.html": False,
    WORKSHEET: True,
    "book/apply/lab/lifetime-value-from-transactions.html": False,
}
MATHJAX = "/_static/vendor/mathjax/"
WIDGET_MANAGER = ("/_static/vendor/requirejs/require.js", "/_static/vendor/html-manager/embed-amd.js")


@pytest.fixture(scope="module")
def compressed_site():
    """The built site served with gzip, on a free port of 127.0.0.1."""
    server, url = serve(SITE)
    yield url
    server.shutdown()
    server.server_close()


class Traffic:
    """Every response a page receives, and the bytes that came over the network for it."""

    def __init__(self, context, page) -> None:
        self.urls: list[str] = []
        self.bytes = 0
        session = context.new_cdp_session(page)
        session.send("Network.enable")
        session.on("Network.responseReceived", lambda event: self.urls.append(event["response"]["url"]))
        session.on("Network.loadingFinished", self._finished)

    def _finished(self, event: dict) -> None:
        self.bytes += int(event["encodedDataLength"])

    def loaded(self, *parts: str) -> list[str]:
        """The URLs received that contain any of ``parts``."""
        return [url for url in self.urls if any(part in url for part in parts)]


def _open(browser, url: str):
    context = browser.new_context(viewport={"width": 1350, "height": 940})
    page = context.new_page()
    traffic = Traffic(context, page)
    page.goto(url, timeout=90_000)
    page.wait_for_load_state("networkidle", timeout=90_000)
    page.wait_for_timeout(500)
    return context, page, traffic


@pytest.mark.parametrize("path", list(PAGES))
def test_page_loads_at_most_one_and_a_half_megabytes_before_any_interaction(browser, compressed_site, path):
    context, page, traffic = _open(browser, f"{compressed_site}/{path}")
    try:
        assert page.locator("article h1").first.is_visible()
        assert traffic.bytes <= MAX_BYTES, f"{path}: {traffic.bytes:,} bytes before any interaction"
        assert traffic.loaded("/_static/scripts/fontawesome.js") == []
    finally:
        context.close()


@pytest.mark.parametrize("path", list(PAGES))
def test_mathjax_loads_only_on_a_page_with_math(browser, compressed_site, path):
    context, page, traffic = _open(browser, f"{compressed_site}/{path}")
    try:
        math_on_page = page.locator(".math").count() > 0
        assert math_on_page == PAGES[path]
        if math_on_page:
            assert traffic.loaded(MATHJAX)
            page.wait_for_selector("mjx-container", state="attached")
        else:
            assert traffic.loaded(MATHJAX) == []
    finally:
        context.close()


def test_no_page_loads_the_widget_manager_now_that_the_tools_run_in_the_page(
    browser, compressed_site
):
    """The worksheets' forms gave way to the live tools: their saved widget state stays in the
    notebook, but no page shows a widget, so none loads require.js or the widget manager."""
    for path in PAGES:
        context, page, traffic = _open(browser, f"{compressed_site}/{path}")
        try:
            page.mouse.wheel(0, 20_000)
            page.wait_for_timeout(300)
            assert traffic.loaded(*WIDGET_MANAGER, "widget-loader.js") == [], path
        finally:
            context.close()


ICON_FONT = SITE / "_static" / "vendor" / "fontawesome" / "webfonts" / "fa-solid-900.woff2"
#: Every icon drawn on a page: the code point of each ::before/::after set in Font Awesome.
ICONS_SHOWN = """() => {
  const points = new Set();
  for (const element of document.querySelectorAll("*")) {
    for (const pseudo of ["::before", "::after"]) {
      const style = getComputedStyle(element, pseudo);
      if (!/Font Awesome/.test(style.fontFamily) || ["none", "normal", '""'].includes(style.content)) continue;
      const text = JSON.parse(style.content.replace(/^'|'$/g, '"'));
      for (const character of text) points.add(character.codePointAt(0));
    }
  }
  return [...points];
}"""


@pytest.mark.parametrize("path", [*PAGES, "book/apply/steps/service-recovery.html"])
def test_the_cut_icon_font_draws_every_icon_a_page_shows(browser, compressed_site, path):
    """The site serves the theme's icon font cut to its icons (sphinxext/iconfont): small, and
    with a glyph for every icon a page draws, in light and dark mode and with the menus open."""
    from fontTools.ttLib import TTFont

    assert ICON_FONT.stat().st_size < 20_000, "the icon font was not cut down"
    glyphs = set(TTFont(str(ICON_FONT)).getBestCmap())
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    page = context.new_page()
    try:
        page.goto(f"{compressed_site}/{path}", wait_until="load")
        shown = set(page.evaluate(ICONS_SHOWN))
        page.evaluate("document.documentElement.dataset.theme = 'dark'")
        shown |= set(page.evaluate(ICONS_SHOWN))
        page.set_viewport_size({"width": 400, "height": 800})
        shown |= set(page.evaluate(ICONS_SHOWN))
    finally:
        context.close()
    assert shown, f"{path}: no icon found, so the check checked nothing"
    missing = sorted(hex(point) for point in shown - glyphs)
    assert not missing, f"{path}: icons drawn with no glyph in the served font: {missing}"
