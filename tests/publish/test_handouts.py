"""Handouts are printed offline: a page that asks for a file elsewhere is printed without it."""

from __future__ import annotations

import subprocess
import threading
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest

from customer_focus.publish import handouts

pytestmark = pytest.mark.skipif(
    not Path(handouts.CHROMIUM).exists(), reason="needs Debian's chromium (`make chromium`)"
)


class _Counting(SimpleHTTPRequestHandler):
    asked: list[str] = []

    def do_GET(self) -> None:  # noqa: N802 - the standard library's name
        self.asked.append(self.path)
        self.send_response(200)
        self.end_headers()

    def log_message(self, format: str, *args: object) -> None:  # noqa: A002 - stdlib signature
        pass


@pytest.mark.parametrize("host", ["localhost", "example.com"])
def test_a_page_asking_for_files_elsewhere_is_printed_and_nothing_is_fetched(tmp_path, host):
    elsewhere = ThreadingHTTPServer(("127.0.0.1", 0), _Counting)
    threading.Thread(target=elsewhere.serve_forever, daemon=True).start()
    _Counting.asked = []
    try:
        address = f"http://{host}:{elsewhere.server_address[1]}"
        site = tmp_path / "site"
        site.mkdir()
        (site / "index.html").write_text("<html></html>", encoding="utf-8")
        (site / "page.html").write_text(
            '<html lang="en"><head><title>Form</title>'
            f'<link rel="stylesheet" href="{address}/a.css">'
            f'<script src="{address}/b.js"></script></head><body><h1>Form</h1>'
            f'<p>Printed from this machine alone</p><img src="{address}/c.png" alt="chart">'
            "</body></html>",
            encoding="utf-8",
        )
        papers = {paper: tmp_path / paper / "page.pdf" for paper in handouts.PAPERS}
        assert handouts.print_pages(site, {"page.html": papers}) == list(papers.values())
    finally:
        elsewhere.shutdown()
        elsewhere.server_close()
    assert _Counting.asked == []  # the other "host" (this machine, by another name) saw nothing
    for pdf in papers.values():
        text = subprocess.run(["pdftotext", str(pdf), "-"], capture_output=True, text=True,
                              check=True).stdout
        assert "Printed from this machine alone" in text
