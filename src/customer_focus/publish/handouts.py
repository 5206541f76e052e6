"""Printable handouts: pages of the built book printed to PDF on A4 and US Letter.

:func:`print_pages` serves the built site on 127.0.0.1, opens each page in
the system's headless Chromium, and prints it to PDF on each paper size asked
for. The workshop kit (:mod:`.workshop`) prints its handouts with it, in
``make book`` and ``make handouts``.

The PDFs are printed with the book's print stylesheet (no navigation, no
sidebars, nothing wider than the paper), with :data:`MARGINS` around the text
(at least :data:`SIDE_MARGIN_MM` on both sides), the course's name and the
page's title at the top of every page and "Page n of N" at the bottom. The
browser's own print of a page looks the same: the stylesheet's ``@page`` rules
give it the same margins, header and footer.

Pages are printed in one browser, several at a time, sharing its cache of the
site's files, with no network but this machine's. The zh-TW edition's
pages are printed with the header and footer in Chinese (the course's Chinese
name, "第 n 頁，共 N 頁": ``data/print-words.yml``) and Traditional Chinese
fonts named first. Every PDF's text layer is then mended so that its Chinese
copies and searches as written (Chromium names some ideographs by their
radicals: :mod:`.pdftext`).
"""

from __future__ import annotations

import asyncio
import functools
import threading
from collections.abc import Mapping
from dataclasses import dataclass
from html import escape
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

from ..core.languages import language_code
from ..tools.spec import words
from .pdftext import radical_ideographs, restore_ideographs

__all__ = [
    "CHROMIUM", "MARGINS", "OFFLINE", "PAPERS", "SIDE_MARGIN_MM", "Paper", "header_template",
    "footer_template", "print_pages",
]

CHROMIUM = "/usr/bin/chromium"
#: Chromium offline: no host name but this machine's resolves, so a page that asks for a file
#: elsewhere gets an error at once (the site asks for none) instead of waiting for the network,
#: and no request has to be intercepted (which would hold each one up and turn the cache off).
OFFLINE = "--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1"
CHROMIUM_ARGS = [
    "--no-sandbox", "--disable-gpu", "--disable-background-networking",
    "--disable-component-update",
    OFFLINE,
]
#: How close, at most, printed text comes to the paper's left and right edges.
SIDE_MARGIN_MM = 15
#: The margins of every printed page (the header and footer sit in the top and bottom ones);
#: the stylesheet's ``@page`` rule gives the browser's own print the same.
MARGINS = {"top": "20mm", "bottom": "18mm", "left": "18mm", "right": "18mm"}
#: Pages printed at the same time in the one browser (they share its cache of the site's
#: files: a handout loads the same stylesheets and scripts as the one before).
PARALLEL = 4
#: How long a page may take to load and print, in milliseconds (a busy machine is slow).
TIMEOUT_MS = 300_000
#: How long to wait for the page's last requests before printing what is drawn.
IDLE_MS = 30_000


@dataclass(frozen=True)
class Paper:
    """A paper size: its Chromium name and its width and height in millimeters."""

    name: str
    width_mm: float
    height_mm: float

    def text_width_px(self) -> int:
        """The width of the text between the side margins, in CSS pixels (96 per inch).

        >>> PAPERS["a4"].text_width_px(), PAPERS["letter"].text_width_px()
        (657, 679)
        """
        side = sum(float(MARGINS[edge].removesuffix("mm")) for edge in ("left", "right"))
        return int((self.width_mm - side) / 25.4 * 96)


#: The paper sizes every handout is printed on, by the name of their folder.
PAPERS = {"a4": Paper("A4", 210, 297), "letter": Paper("Letter", 215.9, 279.4)}

# Chromium prints the page's @page header and footer as well as the templates
# below: the templates replace them in the PDFs.
_NO_CSS_MARGIN_BOXES = "@page { " + " ".join(
    f"@{box} {{ content: none; }}"
    for box in (
        "top-left", "top-center", "top-right", "bottom-left", "bottom-center", "bottom-right"
    )
) + " }"

_BAND = (
    "<div style=\"width: 100%; box-sizing: border-box; padding: 0 {side}; font-family: "
    "{fonts}; font-size: 8pt; color: #333; display: flex; "
    "justify-content: {justify}; gap: 6mm;\">{content}</div>"
)


def header_template(course: str, title: str, language: str | None = None) -> str:
    """The header of every printed page: the course's name, then the page's title.

    >>> "Worksheet &amp; form" in header_template("Course", "Worksheet & form")
    True
    """
    return _BAND.format(
        side=MARGINS["left"],
        fonts=escape(words("print-words.yml", language)["fonts"]),
        justify="space-between",
        content=(
            f"<span>{escape(course)}</span>"
            f"<span style=\"text-align: right\">{escape(title)}</span>"
        ),
    )


def footer_template(language: str | None = None) -> str:
    """The footer of every printed page: "Page n of N" (Chromium fills in the numbers), in
    ``language`` (default English).

    >>> "pageNumber" in footer_template() and "totalPages" in footer_template()
    True
    >>> '<span>第 <span class="pageNumber"></span> 頁' in footer_template("zh_TW")
    True
    """
    said = words("print-words.yml", language)
    numbers = escape(said["page_of"]).format(
        page='<span class="pageNumber"></span>', pages='<span class="totalPages"></span>'
    )
    return _BAND.format(
        side=MARGINS["left"],
        fonts=escape(said["fonts"]),
        justify="center",
        content=f"<span>{numbers}</span>",
    )


class _Quiet(SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: object) -> None:  # noqa: A002 - stdlib signature
        pass


async def _settle(page) -> None:
    """Wait until the page is drawn: loaded, its requests done, its math typeset."""
    from playwright.async_api import TimeoutError as PlaywrightTimeout

    try:
        await page.wait_for_load_state("networkidle", timeout=IDLE_MS)
    except PlaywrightTimeout:
        pass  # a request still open (a slow machine, a polling script) does not stop the print
    # a worksheet loads its widget manager on demand (sphinxext/pageweight.py)
    if await page.evaluate("() => Boolean(window.cfLoadWidgets)"):
        await page.evaluate("() => window.cfLoadWidgets()")
        try:
            await page.wait_for_load_state("networkidle", timeout=IDLE_MS)
        except PlaywrightTimeout:
            pass
    await page.evaluate(
        "async () => { if (window.MathJax && MathJax.startup && MathJax.startup.promise) "
        "await MathJax.startup.promise; await document.fonts.ready; }"
    )


async def _print_one(
    context, base: str, page_path: str, targets: Mapping[str, Path], language: str | None
) -> None:
    page = await context.new_page()
    page.set_default_timeout(TIMEOUT_MS)
    try:
        await page.goto(f"{base}/{page_path}")
        await _settle(page)
        await page.emulate_media(media="print")
        await page.add_style_tag(content=_NO_CSS_MARGIN_BOXES)
        title, course = await page.evaluate(
            """() => {
              const heading = document.querySelector('main h1, article h1, h1');
              const parts = document.title.split(' \\u2014 ');
              const title = heading
                ? heading.textContent.replace(/[#\\u00b6]/g, '').trim() : parts[0];
              return [title, parts.length > 1 ? parts[parts.length - 1] : ''];
            }"""
        )
        if language_code(language):
            course = words("print-words.yml", language)["course"]
        for paper_name, target in targets.items():
            paper = PAPERS[paper_name]
            await page.set_viewport_size({"width": paper.text_width_px(), "height": 1000})
            # Shrink what is wider than this paper's text (the course's script).
            await page.evaluate(
                "width => window.customerFocus && window.customerFocus.fitForPrint"
                " && window.customerFocus.fitForPrint(width)",
                paper.text_width_px(),
            )
            target.parent.mkdir(parents=True, exist_ok=True)
            await page.pdf(
                path=str(target),
                format=paper.name,
                margin=MARGINS,
                print_background=True,
                display_header_footer=True,
                header_template=header_template(course, title, language),
                footer_template=footer_template(language),
            )
            # Chromium's text layer names some ideographs by their radicals (.pdftext).
            await asyncio.to_thread(restore_ideographs, target)
    finally:
        await page.close()


async def _print_all(
    base: str,
    jobs: Mapping[str, Mapping[str, Path]],
    chromium: str,
    parallel: int,
    language: str | None = None,
) -> None:
    from playwright.async_api import async_playwright

    async with async_playwright() as playwright:
        # A Chinese edition's fonts' radicals are read once, while the browser starts, for
        # every PDF (.pdftext; a PDF that embeds no CJK font is left as printed).
        fonts = (asyncio.create_task(asyncio.to_thread(radical_ideographs))
                 if language_code(language) else None)
        browser = await playwright.chromium.launch(
            executable_path=chromium, headless=True, args=CHROMIUM_ARGS
        )
        if fonts:
            await fonts
        # One context: the pages share its cache (no request is intercepted, which would
        # turn the cache off; CHROMIUM_ARGS keeps the browser off the network).
        context = await browser.new_context()
        slots = asyncio.Semaphore(parallel)

        async def one(page_path: str, targets: Mapping[str, Path]) -> None:
            async with slots:
                await _print_one(context, base, page_path, targets, language)

        try:
            await asyncio.gather(*(one(path, targets) for path, targets in jobs.items()))
        finally:
            await browser.close()


def print_pages(
    site: Path,
    jobs: Mapping[str, Mapping[str, Path]],
    *,
    chromium: str = CHROMIUM,
    parallel: int = PARALLEL,
    language: str | None = None,
) -> list[Path]:
    """Print pages of a built site to PDF.

    Parameters
    ----------
    site : Path
        The built site (``_build/html``), served on 127.0.0.1 while printing.
    jobs : mapping
        For each page to print (its path under ``site``, such as
        ``book/apply/forms/lifetime-value-form.html``), the PDF to write for
        each paper size (a key of :data:`PAPERS`).
    chromium : str
        The Chromium to print with.
    parallel : int
        How many pages the browser prints at the same time.
    language : str, optional
        The pages' language (default English): the header's and footer's words and fonts.

    Returns
    -------
    list of Path
        The PDFs written.
    """
    if not (site / "index.html").is_file():
        raise FileNotFoundError(f"no built site at {site}: run `make book` first.")
    if not Path(chromium).exists():
        raise FileNotFoundError(
            f"{chromium} is missing: install Debian's chromium (`make chromium` does it)."
        )
    for targets in jobs.values():
        for paper in targets:
            if paper not in PAPERS:
                raise ValueError(f"unknown paper size {paper!r}: use one of {', '.join(PAPERS)}.")
    if not jobs:
        return []
    server = ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(_Quiet, directory=str(site)))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        base = f"http://127.0.0.1:{server.server_address[1]}"
        asyncio.run(_print_all(base, jobs, chromium, parallel, language))
    finally:
        server.shutdown()
        server.server_close()
    return [target for targets in jobs.values() for target in targets.values()]
