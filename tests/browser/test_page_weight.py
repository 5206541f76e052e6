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
WIDGET_VIEW = 'script[type="application/vnd.jupyter.widget-view+json"]'


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


def test_widget_manager_loads_when_a_widget_comes_on_screen(browser, compressed_site):
    context, page, traffic = _open(browser, f"{compressed_site}/{WORKSHEET}")
    try:
        widget = page.locator(f".cell:has({WIDGET_VIEW})").first
        assert not widget.is_visible() or widget.bounding_box()["y"] > 940, "the widget is on screen at load"
        assert traffic.loaded(*WIDGET_MANAGER) == []
        assert page.locator(".widget-subarea").count() == 0
        before = traffic.bytes
        widget.scroll_into_view_if_needed()
        page.wait_for_selector(".widget-subarea .jupyter-widgets", timeout=90_000)
        assert len(traffic.loaded(*WIDGET_MANAGER)) == 2
        assert page.locator(".widget-subarea").count() >= 1
        # the live tool's runtime, measured apart: the widget manager, its styles and fonts
        assert traffic.bytes - before < MAX_BYTES
    finally:
        context.close()


def test_pages_without_widgets_load_no_widget_manager(browser, compressed_site):
    for path in PAGES:
        if path == WORKSHEET:
            continue
        context, page, traffic = _open(browser, f"{compressed_site}/{path}")
        try:
            page.mouse.wheel(0, 20_000)
            page.wait_for_timeout(300)
            assert traffic.loaded(*WIDGET_MANAGER, "widget-loader.js") == [], path
        finally:
            context.close()


def test_widgets_loaded_on_demand_are_drawn_and_accessible(visit):
    """What a reader meets once the widgets are drawn: no console error, axe finds nothing serious."""
    page = visit.open(WORKSHEET)
    page.evaluate("() => window.cfLoadWidgets()")
    page.wait_for_selector(".widget-subarea .jupyter-widgets", timeout=90_000)
    page.wait_for_load_state("networkidle")
    assert page.locator(".widget-subarea").count() >= 1
    assert visit.axe_violations() == []
    assert visit.problems() == []
