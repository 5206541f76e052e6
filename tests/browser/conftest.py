"""Browser fixtures: the built site served on 127.0.0.1, driven in headless Chromium.

The site is the output of ``make book`` (``_build/html``, or ``$CF_SITE``).
Every page a test opens is watched: a request to any host but 127.0.0.1 is
blocked and recorded, and console errors and uncaught exceptions are
recorded, so a test can assert that a page works offline and cleanly.
"""

from __future__ import annotations

import functools
import os
import shutil
import threading
from urllib.parse import urlparse
from dataclasses import dataclass, field
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest

from customer_focus.publish.handouts import OFFLINE
from sphinx_site import EXAM_COURSE, sphinx_html

ROOT = Path(__file__).resolve().parents[2]
SITE = Path(os.environ.get("CF_SITE", ROOT / "_build" / "html"))
CHROMIUM = "/usr/bin/chromium"
AXE = ROOT / "node_modules" / "axe-core" / "axe.min.js"
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
    # Offline as the handouts' printer is: a request off the site fails at once. The tests
    # record such requests from the browser's events instead of intercepting every request.
    OFFLINE,
]


def off_site(url: str) -> bool:
    """Whether a request's URL leaves the site: not 127.0.0.1, inline data or a blob."""
    return not (urlparse(url).hostname == "127.0.0.1" or url.startswith(("data:", "blob:")))


class _QuietHandler(SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: object) -> None:  # noqa: A002 - stdlib signature
        pass


@pytest.fixture(scope="session")
def site_url():
    """Serve the built site on a free port of 127.0.0.1 for the whole session."""
    if not (SITE / "index.html").exists():
        pytest.fail(f"No built site at {SITE}: run `make book` first.")
    server, url = serve(SITE)
    yield url
    server.shutdown()


def serve(folder: Path) -> tuple[ThreadingHTTPServer, str]:
    """Serve a folder on a free port of 127.0.0.1; returns the server and its URL."""
    handler = functools.partial(_QuietHandler, directory=str(folder))
    server = ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server, f"http://127.0.0.1:{server.server_address[1]}"




@dataclass
class FixtureSite:
    """The exam fixture course (tests/fixtures/exam-course), built and served."""

    source: Path
    html: Path
    url: str


@pytest.fixture(scope="session")
def exam_site(tmp_path_factory):
    """The fixture course with an exam bank (``mode: exam``), built with Sphinx and served.

    The real knowledge check becomes an exam bank with the rewritten banks; this
    small site tests the exam engine whatever the course's banks hold.
    """
    source = tmp_path_factory.mktemp("exam-course") / "src"
    shutil.copytree(EXAM_COURSE, source)
    html = source / "_build" / "html"
    result = sphinx_html(source, html)
    assert result.returncode == 0, result.stderr
    server, url = serve(html)
    yield FixtureSite(source, html, url)
    server.shutdown()


@pytest.fixture(scope="session")
def browser():
    """One headless Chromium (Debian's) for the session."""
    from playwright.sync_api import sync_playwright

    if not Path(CHROMIUM).exists():
        pytest.fail(f"{CHROMIUM} is missing: `make test` installs Debian's chromium.")
    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=CHROMIUM, headless=True, args=CHROMIUM_ARGS)
        yield chromium
        chromium.close()


@dataclass
class Visit:
    """A browser page on the course site, with what went wrong on it."""

    page: object
    base: str
    external_requests: list[str] = field(default_factory=list)
    console_errors: list[str] = field(default_factory=list)
    failed_responses: list[str] = field(default_factory=list)

    def open(self, path: str) -> object:
        """Go to ``path`` (relative to the site root) and wait until the network is idle."""
        self.page.goto(f"{self.base}/{path}")
        self.page.wait_for_load_state("networkidle")
        return self.page

    def problems(self) -> list[str]:
        """Everything that should not happen on a page of an offline course."""
        return (
            [f"request to another host: {url}" for url in self.external_requests]
            + [f"console error: {text}" for text in self.console_errors]
            + [f"failed response: {url}" for url in self.failed_responses]
        )

    def axe_violations(self, impacts: tuple[str, ...] = ("serious", "critical")) -> list[str]:
        """Run axe-core on the page; return the violations of the given impacts."""
        self.page.add_script_tag(path=str(AXE))
        # preload: false stops axe re-fetching stylesheets itself: it resolves the theme's
        # `@import "../basic.css"` against the page instead of the stylesheet and logs a 404
        # that no reader ever sees (only the css-orientation-lock rule needs the preload).
        result = self.page.evaluate(
            "async () => (await axe.run(document, {resultTypes: ['violations'], preload: false})).violations"
        )
        return [
            f"{violation['id']} ({violation['impact']}): {violation['help']} at "
            + ", ".join(node["target"][0] if isinstance(node["target"][0], str) else str(node["target"]) for node in violation["nodes"][:3])
            for violation in result
            if violation["impact"] in impacts
        ]


@pytest.fixture
def visit(browser, site_url):
    """A fresh browser context and page that records problems (see :class:`Visit`)."""
    context = browser.new_context()
    page = context.new_page()
    record = Visit(page, site_url)

    context.on("request", lambda request: off_site(request.url)
               and record.external_requests.append(request.url))
    page.on("console", lambda message: message.type == "error" and record.console_errors.append(message.text))
    page.on("pageerror", lambda error: record.console_errors.append(str(error)))
    page.on("response", lambda response: response.status >= 400 and record.failed_responses.append(response.url))
    yield record
    context.close()
