"""The slide decks in a 16:9 browser window: every slide of every deck fits its frame.

The decks are written by the command `make slides` runs into a temporary folder and
served from it, with reveal.js and MathJax copied from node_modules (no network).
"""

from __future__ import annotations

import functools
import threading
from http.server import ThreadingHTTPServer

import pytest

from customer_focus.course.decks import load_outlines
from customer_focus.publish.slides import write_decks

from .conftest import ROOT, _QuietHandler

pytestmark = pytest.mark.browser
DECKS = load_outlines(ROOT / "book/instructors/decks.yml")

#: For the slide shown: every element outside the slide frame, and the slide's own overflow.
OVERFLOW = """() => {
  const frame = Reveal.getSlidesElement().getBoundingClientRect();
  const slide = Reveal.getCurrentSlide();
  const scale = Reveal.getScale();
  const outside = [];
  for (const element of slide.querySelectorAll('*')) {
    if (element.closest('aside.notes')) continue;
    const box = element.getBoundingClientRect();
    if (box.width === 0 && box.height === 0) continue;
    if (box.left < frame.left - 1 || box.right > frame.right + 1 ||
        box.top < frame.top - 1 || box.bottom > frame.bottom + 1) {
      outside.push(element.tagName + ': ' + (element.textContent || element.getAttribute('src') || '').trim().slice(0, 60));
    }
  }
  return {
    title: (slide.querySelector('h1, h2') || {}).textContent || '',
    outside: outside.slice(0, 3),
    tall: slide.scrollHeight > Reveal.getConfig().height + 1,
    wide: slide.scrollWidth > Reveal.getConfig().width + 1,
    scale: scale,
  };
}"""


@pytest.fixture(scope="module")
def decks_url(tmp_path_factory):
    out = tmp_path_factory.mktemp("decks")
    written = write_decks(ROOT, out)
    assert {deck.stem for deck in written} == set(DECKS)
    server = ThreadingHTTPServer(
        ("127.0.0.1", 0), functools.partial(_QuietHandler, directory=str(out))
    )
    threading.Thread(target=server.serve_forever, daemon=True).start()
    yield f"http://127.0.0.1:{server.server_address[1]}"
    server.shutdown()


@pytest.mark.parametrize("deck", sorted(DECKS))
def test_every_slide_fits_the_16_9_frame(visit, decks_url, deck):
    visit.base = decks_url
    visit.page.set_viewport_size({"width": 1280, "height": 720})
    page = visit.open(f"{deck}.html")
    page.wait_for_function("window.Reveal && Reveal.isReady()")
    page.wait_for_function("window.MathJax && MathJax.startup && MathJax.startup.promise")
    page.evaluate("() => MathJax.startup.promise")
    page.wait_for_function(
        "Array.from(document.images).every(image => image.complete && image.naturalWidth > 0)"
    )
    total = page.evaluate("Reveal.getTotalSlides()")
    assert total >= 5
    config = page.evaluate("({width: Reveal.getConfig().width, height: Reveal.getConfig().height})")
    assert config["width"] * 9 == config["height"] * 16
    page.evaluate("Reveal.configure({transition: 'none', backgroundTransition: 'none'})")
    problems = []
    for index in range(total):
        page.evaluate(f"Reveal.slide({index})")
        found = page.evaluate(OVERFLOW)
        if found["outside"] or found["tall"] or found["wide"]:
            problems.append(f"slide {index + 1} ({found['title']}): {found}")
    assert problems == []
    assert visit.problems() == []


@pytest.mark.parametrize("deck", sorted(DECKS))
def test_every_slide_has_its_activity_in_the_speaker_notes(visit, decks_url, deck):
    visit.base = decks_url
    page = visit.open(f"{deck}.html")
    page.wait_for_function("window.Reveal && Reveal.isReady()")
    sections = page.locator(".slides > section")
    notes = page.locator(".slides > section > aside.notes")
    assert sections.count() == notes.count() == page.evaluate("Reveal.getTotalSlides()")
    for index in range(notes.count()):
        text = notes.nth(index).text_content()
        assert text.startswith("In the room:") and len(text) > len("In the room: ") + 10, index
