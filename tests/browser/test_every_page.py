"""Every page of the built site, in light and in dark mode: accessible, offline and error-free.

One sweep opens every page of the book, in English and in the zh-TW edition, twice, once with the reader's system
set to light and once to dark (the theme follows ``prefers-color-scheme`` and
sets ``data-theme``), each in a fresh browser context as on a first visit.
On each it runs axe-core with the WCAG tags public audits use (wcag2a,
wcag2aa, wcag21a, wcag21aa, the experimental rules with those tags included,
such as label-content-name-mismatch) and records every serious or critical
violation, every console error, every request to another host and every
failed response, and checks the page's heading and its images' alt text.

The sweep shares one Chromium and keeps several pages open at once (async
Playwright, in a thread of its own so that it never meets the synchronous
API the other tests use); the tests then read its findings, one per page.
"""

from __future__ import annotations

import asyncio
import threading
import time
from dataclasses import dataclass, field
from pathlib import Path

import pytest

from .conftest import AXE, CHROMIUM, CHROMIUM_ARGS, ROOT, off_site

pytestmark = pytest.mark.browser

MODES = ("light", "dark")
WCAG_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]
IMPACTS = ("serious", "critical")
#: Pages open at once: enough to keep Chromium busy while one page waits for the network.
PARALLEL = 4
#: How long a page may take to load or axe to run: generous, as the machine's cores are shared.
TIMEOUT_MS = 120_000

AXE_RUN = """async (tags) => {
  const experimental = axe.getRules(tags).filter((rule) => rule.tags.includes('experimental'));
  const result = await axe.run(document, {
    runOnly: {type: 'tag', values: tags},
    rules: Object.fromEntries(experimental.map((rule) => [rule.ruleId, {enabled: true}])),
    resultTypes: ['violations'],
    // axe would fetch the stylesheets again and resolve the theme's `@import "../basic.css"`
    // against the page, logging a 404 no reader sees (only css-orientation-lock needs it).
    preload: false,
  });
  return result.violations.map((violation) => ({
    id: violation.id,
    impact: violation.impact,
    help: violation.help,
    nodes: violation.nodes.map((node) => node.target.join(' ')),
  }));
}"""

PAGE_FACTS = """() => ({
  theme: document.documentElement.dataset.theme,
  title: (document.querySelector('article h1') || {}).textContent || '',
  titleVisible: !!document.querySelector('article h1')?.getClientRects().length,
  noAlt: [...document.images].filter((img) => !img.getAttribute('alt')).map((img) => img.src.slice(0, 80)),
})"""


def all_pages() -> list[str]:
    """Every page of the book, in both editions: the root and every file of _toc.yml, in
    English and in the zh-TW edition (``zh-TW/``)."""
    from customer_focus.sphinxext.editions import EDITIONS
    from customer_focus.sphinxext.sitemap import toc_parts

    english = ["book/index.html"] + [f"{page}.html" for _, pages in toc_parts(ROOT / "_toc.yml") for page in pages]
    return [edition.folder + page for edition in EDITIONS.values() for page in english]


PAGES = all_pages()


@dataclass
class Sweep:
    """What the sweep found: a list of problems per page, each naming its mode; and its time."""

    problems: dict[str, list[str]] = field(default_factory=dict)
    seconds: float = 0.0


async def _check(browser, base: str, path: str, mode: str, axe_source: str) -> list[str]:
    context = await browser.new_context(color_scheme=mode)
    context.set_default_timeout(TIMEOUT_MS)
    page = await context.new_page()
    found: list[str] = []

    # recorded, not intercepted: the browser resolves no host but 127.0.0.1 (CHROMIUM_ARGS)
    context.on("request", lambda request: off_site(request.url)
               and found.append(f"request to another host: {request.url}"))
    page.on("console", lambda message: message.type == "error" and found.append(f"console error: {message.text}"))
    page.on("pageerror", lambda error: found.append(f"uncaught error: {error}"))
    page.on("response", lambda response: response.status >= 400 and found.append(f"failed response {response.status}: {response.url}"))
    try:
        await page.goto(f"{base}/{path}", wait_until="networkidle")
        from playwright.async_api import TimeoutError as PlaywrightTimeout

        try:  # the theme's deferred script sets the mode; on a busy machine it can come late
            await page.wait_for_function(
                "mode => document.documentElement.dataset.theme === mode", arg=mode, timeout=10_000
            )
        except PlaywrightTimeout:
            pass  # reported below, with what the page shows
        facts = await page.evaluate(PAGE_FACTS)
        if facts["theme"] != mode:
            found.append(f"the page shows the {facts['theme']!r} theme, not the system's {mode!r} mode")
        if not facts["titleVisible"]:
            found.append("no visible heading (article h1)")
        found.extend(f"image without alt text: {src}" for src in facts["noAlt"])
        await page.add_script_tag(content=axe_source)
        for violation in await page.evaluate(AXE_RUN, WCAG_TAGS):
            if violation["impact"] in IMPACTS:
                shown = "; ".join(violation["nodes"][:3])
                more = f" (and {len(violation['nodes']) - 3} more)" if len(violation["nodes"]) > 3 else ""
                found.append(f"axe {violation['id']} ({violation['impact']}): {violation['help']} at {shown}{more}")
    except Exception as error:  # noqa: BLE001 - a page that cannot be checked is a finding too
        found.append(f"could not be checked: {error.__class__.__name__}: {str(error).splitlines()[0]}")
    finally:
        await context.close()
    return [f"{mode} mode: {problem}" for problem in found]


async def _sweep(base: str, pages: list[str]) -> Sweep:
    from playwright.async_api import async_playwright

    axe_source = AXE.read_text(encoding="utf-8")
    result = Sweep({path: [] for path in pages})
    limit = asyncio.Semaphore(PARALLEL)
    start = time.perf_counter()
    async with async_playwright() as playwright:
        browser = await playwright.chromium.launch(executable_path=CHROMIUM, headless=True, args=CHROMIUM_ARGS)

        async def one(path: str, mode: str) -> None:
            async with limit:
                result.problems[path] += await _check(browser, base, path, mode, axe_source)

        await asyncio.gather(*(one(path, mode) for path in pages for mode in MODES))
        await browser.close()
    result.seconds = time.perf_counter() - start
    return result


def sweep(base: str, pages: list[str]) -> Sweep:
    """Check ``pages`` of the site at ``base`` in both modes, in a thread with its own event loop."""
    outcome: dict[str, object] = {}

    def run() -> None:
        try:
            outcome["sweep"] = asyncio.run(_sweep(base, pages))
        except BaseException as error:  # noqa: BLE001 - re-raised in the test's thread
            outcome["error"] = error

    thread = threading.Thread(target=run, name="every-page-sweep")
    thread.start()
    thread.join()
    if "error" in outcome:
        raise outcome["error"]
    return outcome["sweep"]


@pytest.fixture(scope="module")
def findings(site_url) -> Sweep:
    """The sweep over every page, run once for this module."""
    if not Path(CHROMIUM).exists():
        pytest.fail(f"{CHROMIUM} is missing: `make test` installs Debian's chromium.")
    found = sweep(site_url, PAGES)
    print(f"\nevery page in both modes: {len(PAGES) * len(MODES)} visits in {found.seconds:.1f} s")
    return found


@pytest.mark.parametrize("path", PAGES)
def test_every_page_is_accessible_offline_and_clean_in_both_modes(findings, path):
    """axe (WCAG 2.1 A and AA) finds nothing serious; no console error, no request off the site."""
    problems = findings.problems[path]
    assert not problems, f"{path}:\n  " + "\n  ".join(problems)


def test_the_sweep_covers_every_page_in_both_modes(findings):
    assert sorted(findings.problems) == sorted(PAGES)
    assert len(PAGES) > 100
    assert sum(page.startswith("zh-TW/") for page in PAGES) == len(PAGES) // 2


def test_the_sweep_finds_what_it_looks_for(site_url, tmp_path):
    """A page with a mismatched label, a console error and a request off the site is caught."""
    from .conftest import serve

    (tmp_path / "bad.html").write_text(
        '<!doctype html><html lang="en" data-theme="light"><head><title>Bad</title></head><body>'
        '<main><article><h1>Bad page</h1>'
        '<button aria-label="Find">Search Ctrl+K</button>'
        '<img src="data:image/gif;base64,R0lGODlhAQABAIAAAAAAAP///yH5BAEAAAAALAAAAAABAAEAAAIBRAA7">'
        '<script>console.error("broken"); fetch("https://example.com/x").catch(() => {});</script>'
        "</article></main></body></html>",
        encoding="utf-8",
    )
    server, url = serve(tmp_path)
    try:
        found = sweep(url, ["bad.html"]).problems["bad.html"]
    finally:
        server.shutdown()
    light = [problem for problem in found if problem.startswith("light mode: ")]
    assert any("axe label-content-name-mismatch (serious)" in problem and "button" in problem for problem in light)
    assert any("image without alt text" in problem for problem in light)
    assert any("console error: broken" in problem for problem in light)
    assert any("request to another host: https://example.com/x" in problem for problem in light)
    assert any("dark mode: the page shows the 'light' theme" in problem for problem in found)

