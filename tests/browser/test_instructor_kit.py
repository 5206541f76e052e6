"""Instructor kit: slide decks that run offline, and PDF handouts of every worksheet."""

from __future__ import annotations

import functools
import subprocess
import sys
import threading
import unicodedata
from http.server import ThreadingHTTPServer

import pytest
from pypdf import PdfReader

from customer_focus.course.course_map import load_course_map
from customer_focus.publish.handouts import handout_pages
from customer_focus.publish.slides import write_decks

from .conftest import ROOT, SITE, _QuietHandler

pytestmark = pytest.mark.browser
CHAPTERS = load_course_map(ROOT / "book/course-map.yml").learn_chapters


@pytest.fixture(scope="module")
def slides_url(tmp_path_factory):
    out = tmp_path_factory.mktemp("slides")
    decks = write_decks(ROOT, out)
    assert set(CHAPTERS) <= {deck.stem for deck in decks}
    server = ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(_QuietHandler, directory=str(out)))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    yield f"http://127.0.0.1:{server.server_address[1]}"
    server.shutdown()


@pytest.mark.parametrize("chapter", sorted(CHAPTERS))
def test_slide_deck_opens_offline(visit, slides_url, chapter):
    visit.base = slides_url
    page = visit.open(f"{chapter}.html")
    page.wait_for_function("window.Reveal && Reveal.isReady()")
    assert page.evaluate("Reveal.getTotalSlides()") >= 8
    text = page.locator(".slides").inner_text()
    assert CHAPTERS[chapter].title.lower() in text.lower()
    assert "by the end of this chapter you can" in text.lower()
    assert page.locator(".slides img:not([alt=''])").count() == page.locator(".slides img").count()
    assert visit.problems() == []


def test_slides_have_speaker_notes_and_figures(slides_url, visit):
    visit.base = slides_url
    page = visit.open("lifetime-value.html")
    page.wait_for_function("window.Reveal && Reveal.isReady()")
    assert page.locator("aside.notes").count() >= 3
    assert page.locator(".slides img").count() >= 2
    assert page.locator(".slides mjx-container").count() >= 1


@pytest.fixture(scope="module")
def handouts(tmp_path_factory):
    """Printed by the command `make handouts` runs (in its own process: Playwright's
    synchronous API cannot be nested in the browser fixture's)."""
    out = tmp_path_factory.mktemp("handouts")
    result = subprocess.run(
        [sys.executable, "-m", "customer_focus", "handouts", "--site", str(SITE), "--out", str(out)],
        capture_output=True, text=True, check=False, cwd=ROOT,
    )
    assert result.returncode == 0, result.stderr
    return sorted(out.glob("*.pdf"))


def test_every_worksheet_and_form_has_a_handout(handouts):
    assert {pdf.stem for pdf in handouts} == {page.stem for page in handout_pages(SITE)}
    assert any(pdf.stem.endswith("-worksheet") for pdf in handouts)
    assert any(pdf.stem.endswith("-form") for pdf in handouts)


def test_handouts_hold_their_worksheet_titles_without_navigation(handouts):
    for pdf in handouts:
        reader = PdfReader(pdf)
        page = next((SITE / "book/apply").rglob(f"{pdf.stem}.html"))
        heading = page.read_text().split("<title>")[1].split("</title>")[0].split(" &#8212; ")[0].strip()
        # The PDF's own title is the page's; and its first page shows the heading. Compare
        # text without white space (a PDF may join or split words at line ends) and with
        # ligatures ("ﬁ") folded, on the heading's first words (text extraction can drop
        # a glyph at the end of a wrapped line).
        assert reader.metadata.title.startswith(heading), (pdf.name, reader.metadata.title)
        first_page = unicodedata.normalize("NFKC", reader.pages[0].extract_text())
        assert "".join(heading.split()[:3]) in "".join(first_page.split()), (pdf.name, heading)
        text = " ".join(p.extract_text() for p in reader.pages)
        assert "Skip to main content" not in text
