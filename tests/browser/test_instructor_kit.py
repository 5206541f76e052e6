"""Instructor kit: slide decks that run offline (the handouts: test_workshop_kit.py)."""

from __future__ import annotations

import functools
import threading
from http.server import ThreadingHTTPServer

import pytest

from customer_focus.course.course_map import load_course_map
from customer_focus.publish.slides import write_decks

from .conftest import ROOT, _QuietHandler

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
