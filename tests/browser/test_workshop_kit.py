"""The workshop kit published with the site: handouts that print whole, linked from the guide.

``make book`` prints every handout of ``book/instructors/kit.yml`` on A4 and US
Letter into ``_build/html/_downloads/kit/`` (customer_focus.sphinxext.workshop_kit).
These tests read every word's box on every page of those PDFs with
``pdftotext -bbox`` (poppler-utils, installed by ``make chromium``), and follow
every link of the facilitator guide's kit list in the browser.
"""

from __future__ import annotations

import io
import unicodedata
import zipfile
from concurrent.futures import ThreadPoolExecutor
from html import unescape
from urllib.parse import urljoin, urlparse

import pytest
from pypdf import PdfReader

from customer_focus.publish.handouts import PAPERS
from customer_focus.publish.workshop import SITE_FOLDER

from .conftest import SITE
from .kit_pdfs import heading, kit_handouts, margin_problems, printed

pytestmark = pytest.mark.browser
KIT = SITE / SITE_FOLDER
GUIDE = "book/instructors/facilitator-guide.html"


@pytest.fixture(scope="module")
def names():
    return kit_handouts(KIT)


@pytest.mark.parametrize("paper", sorted(PAPERS))
def test_every_handout_is_printed_on_both_papers(names, paper):
    assert printed(KIT, paper) == sorted(names)
    assert any(name.endswith("-worksheet") for name in names)
    assert any(name.endswith("-form") for name in names)


@pytest.mark.parametrize("paper", sorted(PAPERS))
def test_no_word_of_any_handout_comes_closer_to_a_side_than_the_margin(names, paper):
    pdfs = [KIT / "handouts" / paper / f"{name}.pdf" for name in names]
    with ThreadPoolExecutor(max_workers=4) as pool:
        problems = [problem for found in pool.map(lambda pdf: margin_problems(pdf, paper), pdfs)
                    for problem in found]
    assert problems == [], "\n".join(problems[:40])


def test_every_printed_page_names_the_course_the_page_and_its_number(names):
    course = (SITE / "book/index.html").read_text(encoding="utf-8").split("<title>")[1].split("</title>")[0]
    course = unescape(course).split(" \u2014 ")[-1].strip()
    assert course.startswith("Customer Focus")
    for paper in PAPERS:
        for name in names:
            pdf = KIT / "handouts" / paper / f"{name}.pdf"
            title = heading(SITE, name)
            reader = PdfReader(pdf)
            total = len(reader.pages)
            for number, sheet in enumerate(reader.pages, 1):
                # Ligatures ("ﬁ") folded, white space as single spaces.
                text = " ".join(unicodedata.normalize("NFKC", sheet.extract_text()).split())
                assert course in text, (pdf, number)
                assert " ".join(title.split()[:3]) in text, (pdf, number, title)
                assert f"Page {number} of {total}" in text, (pdf, number)


def test_handouts_carry_their_page_title_and_no_navigation(names):
    for name in names:
        reader = PdfReader(KIT / "handouts" / "a4" / f"{name}.pdf")
        page = next((SITE / "book").rglob(f"{name}.html"))
        heading = unescape(page.read_text(encoding="utf-8").split("<title>")[1].split("</title>")[0])
        assert reader.metadata.title == " ".join(heading.split()), name
        text = " ".join(sheet.extract_text() for sheet in reader.pages)
        assert "Skip to main content" not in text, name


def test_a_printed_form_keeps_its_rightmost_column(names):
    # The example: the turnover form's "Amount" column was cut at the right edge.
    reader = PdfReader(KIT / "handouts" / "a4" / "turnover-cost-form.pdf")
    assert "Amount" in " ".join(sheet.extract_text() for sheet in reader.pages)


def _kit_links(visit) -> list[str]:
    page = visit.open(GUIDE)
    links = page.eval_on_selector_all(".cf-kit a", "links => links.map(a => a.href)")
    assert links, "the facilitator guide lists no workshop kit"
    return links


def test_the_guide_links_every_published_file_of_the_kit(visit, names):
    links = {urlparse(link).path.lstrip("/") for link in _kit_links(visit)}
    published = {
        path.relative_to(SITE).as_posix()
        for path in KIT.rglob("*")
        if path.suffix in {".pdf", ".zip"} or (path.suffix == ".html" and path.parent.name == "slides")
    }
    assert published <= links, sorted(published - links)
    assert links <= published, sorted(links - published)
    assert {f"{SITE_FOLDER}/handouts/{paper}/{name}.pdf" for paper in PAPERS for name in names} <= links
    assert f"{SITE_FOLDER}/slides/index.html" in links


def test_every_kit_link_of_the_guide_is_served_and_opens(visit):
    links = _kit_links(visit)
    request = visit.page.request
    decks, zips = [], []
    for link in links:
        response = request.get(link)
        assert response.ok, (link, response.status)
        body = response.body()
        if link.endswith(".pdf"):
            assert len(PdfReader(io.BytesIO(body)).pages) >= 1, link
        elif link.endswith(".zip"):
            zips.append((link, zipfile.ZipFile(io.BytesIO(body))))
        else:
            decks.append(link)
    assert len(zips) == 1
    link, archive = zips[0]
    assert archive.testzip() is None
    members = {name.split("/", 1)[1] for name in archive.namelist()}
    base = urljoin(link, ".")
    for other in links:
        if other != link:
            assert other.removeprefix(base) in members, other
    assert any(name.startswith("slides/assets/") for name in members)
    assert "README.txt" in members
    page = visit.page
    for deck in decks:
        page.goto(deck)
        page.wait_for_load_state("networkidle")
        if deck.endswith("/index.html"):
            # The list of decks links every other deck.
            listed = set(page.eval_on_selector_all("a", "links => links.map(a => a.href)"))
            assert set(decks) - {deck} <= listed, deck
            continue
        page.wait_for_function("window.Reveal && Reveal.isReady()")
        assert page.evaluate("Reveal.getTotalSlides()") >= 1, deck
    assert visit.problems() == []


@pytest.mark.xfail(
    strict=True,
    reason="known gap: printed from a 1280-pixel-wide window, Chromium shrinks the whole page "
    "(text 9.3 pt, not 14 pt); the kit's PDFs, laid out at the paper's width, are not shrunk",
)
@pytest.mark.parametrize("paper", sorted(PAPERS))
def test_the_browsers_own_print_keeps_the_margins_header_and_footer(visit, tmp_path, paper):
    # What a reader gets from the browser's Print on the same page: Chromium's print with
    # the stylesheet's @page rules only (no header or footer templates, no margins given).
    page = visit.open("book/apply/forms/turnover-cost-form.html")
    page.emulate_media(media="print")
    pdf = tmp_path / f"turnover-cost-form-{paper}.pdf"
    page.pdf(path=str(pdf), format=PAPERS[paper].name, prefer_css_page_size=False)
    assert margin_problems(pdf, paper) == []
    reader = PdfReader(pdf)
    title = page.eval_on_selector("h1", "h => h.textContent").replace("#", "").strip()
    for number, sheet in enumerate(reader.pages, 1):
        text = " ".join(sheet.extract_text().split())
        assert "Customer Focus" in text and " ".join(title.split()[:3]) in text, (number, text[:200])
        assert f"Page {number} of {len(reader.pages)}" in text, number
