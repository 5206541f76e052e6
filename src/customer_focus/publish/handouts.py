"""Printable handouts: every worksheet and blank form of the built book, as PDF.

``python -m customer_focus handouts`` (``make handouts``) serves the built
site on 127.0.0.1, opens each page of ``book/apply/tools/`` and
``book/apply/forms/`` in the system's headless Chromium, and prints it to PDF
with the book's print stylesheet (no navigation, no sidebars). The PDFs are
what a facilitator hands out in a room.
"""

from __future__ import annotations

import functools
import threading
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

__all__ = ["handout_pages", "print_handouts", "CHROMIUM"]

CHROMIUM = "/usr/bin/chromium"
FOLDERS = ("book/apply/tools", "book/apply/forms")


class _Quiet(SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: object) -> None:  # noqa: A002 - stdlib signature
        pass


def handout_pages(site: Path) -> list[Path]:
    """The built pages to print: every worksheet and every printable form."""
    pages = [page for folder in FOLDERS for page in sorted((site / folder).glob("*.html"))]
    if not pages:
        raise FileNotFoundError(f"no worksheet pages under {site}: run `make book` first.")
    return pages


def print_handouts(site: Path, out: Path, *, chromium: str = CHROMIUM) -> list[Path]:
    """Print each handout page to ``out/<page>.pdf``; return the PDFs written."""
    from playwright.sync_api import sync_playwright

    if not (site / "index.html").is_file():
        raise FileNotFoundError(f"no built site at {site}: run `make book` first.")
    if not Path(chromium).exists():
        raise FileNotFoundError(f"{chromium} is missing: install Debian's chromium (make does it).")
    pages = handout_pages(site)
    out.mkdir(parents=True, exist_ok=True)
    server = ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(_Quiet, directory=str(site)))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    base = f"http://127.0.0.1:{server.server_address[1]}"
    written = []
    try:
        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(
                executable_path=chromium,
                headless=True,
                args=[
                    "--no-sandbox",
                    "--disable-gpu",
                    "--disable-background-networking",
                    "--disable-component-update",
                ],
            )
            page = browser.new_page()
            page.route(
                "**/*",
                lambda route: (
                    route.continue_()
                    if route.request.url.startswith(base) or route.request.url.startswith("data:")
                    else route.abort()
                ),
            )
            for source in pages:
                page.goto(f"{base}/{source.relative_to(site).as_posix()}")
                page.wait_for_load_state("networkidle")
                # a worksheet loads its widget manager on demand (sphinxext/pageweight.py)
                page.evaluate("() => window.cfLoadWidgets ? window.cfLoadWidgets() : null")
                page.wait_for_load_state("networkidle")
                page.emulate_media(media="print")
                target = out / f"{source.stem}.pdf"
                page.pdf(
                    path=str(target),
                    format="A4",
                    margin={"top": "15mm", "bottom": "15mm", "left": "12mm", "right": "12mm"},
                )
                written.append(target)
            browser.close()
    finally:
        server.shutdown()
    return written
