"""The zh-TW edition's workshop kit, as a Chinese facilitator gets it: its own pages printed on
A4 and US Letter (Chinese text where the English has its words, inside the margins, the header
and footer in Chinese, a Traditional Chinese font embedded), its Chinese decks, its own zip, and
the Chinese guide linking them. The measuring helpers are the English kit's tests' (``kit_pdfs.py``)."""

from __future__ import annotations

import re
import subprocess
import zipfile
from pathlib import Path
from urllib.parse import urlparse

import pytest
from pypdf import PdfReader

from customer_focus.publish.handouts import PAPERS
from customer_focus.publish.workshop import SITE_FOLDER, load_kit

from .conftest import ROOT, SITE
from .test_slides import DECKS, OVERFLOW
from .kit_pdfs import heading, kit_handouts, margin_problems, printed, word_boxes

pytestmark = pytest.mark.browser
EDITION = SITE / "zh-TW"
KIT = EDITION / SITE_FOLDER
GUIDE = "zh-TW/book/instructors/facilitator-guide.html"
#: The handouts measured word by word: a form with a wide table and a worksheet with charts.
MEASURED = ("turnover-cost-form", "lifetime-value-worksheet")
CJK = re.compile(r"[\u4e00-\u9fff]")
#: The CJK Radicals Supplement and the Kangxi Radicals: Chromium's names for some ideographs
#: (工 as ⼯, 頁 as ⾴), which the kit's PDFs must not carry (publish/pdftext.py).
RADICAL = re.compile(r"[\u2e80-\u2fdf]")
#: The course's name in the header of every Chinese page.
COURSE = "以顧客為中心：創造價值與忠誠度"


def pdftotext_pages(pdf: Path) -> list[str]:
    """Each page's text as pdftotext reads it, in the order it is drawn (its layout analysis
    would move a line's first Latin word away from the Chinese that follows it)."""
    text = subprocess.run(["pdftotext", "-raw", str(pdf), "-"], capture_output=True, text=True,
                          check=True).stdout
    return text.split("\f")[:len(PdfReader(pdf).pages)]


def flat(text: str) -> str:
    return re.sub(r"\s", "", text)


def chinese_paragraphs(visit, path: str) -> list[str]:
    """The paragraphs and list items of plain Chinese text (no markup inside) the page prints,
    as written."""
    page = visit.open(path)
    page.emulate_media(media="print")
    texts = page.eval_on_selector_all(
        "article p, article li",
        "found => found.filter(e => e.children.length === 0 && e.getClientRects().length)"
        ".map(e => e.textContent)",
    )
    return [flat(text) for text in texts if len(CJK.findall(text)) >= 10]


@pytest.fixture(scope="module")
def names():
    return kit_handouts(KIT, "zh-TW")


@pytest.mark.parametrize("paper", sorted(PAPERS))
def test_every_handout_of_the_chinese_kit_is_printed_on_both_papers(names, paper):
    assert printed(KIT, paper) == sorted(names)


@pytest.mark.parametrize("paper", sorted(PAPERS))
@pytest.mark.parametrize("name", MEASURED)
def test_a_chinese_handout_is_chinese_and_nothing_is_clipped(visit, names, paper, name):
    pdf = KIT / "handouts" / paper / f"{name}.pdf"
    assert margin_problems(pdf, paper) == []
    pages = word_boxes(pdf)
    text = "".join(word for _, _, words in pages for word, *_ in words)
    assert len(CJK.findall(text)) > 200, name
    title = re.sub(r"\s", "", heading(EDITION, name))
    reader = PdfReader(pdf)
    shown = pdftotext_pages(pdf)
    total = len(reader.pages)
    body = ""
    for number, sheet in enumerate(reader.pages, 1):
        # The text a reader copies or searches is the Chinese as written: pypdf reads the
        # PDF's own maps, pdftotext what a PDF reader shows.
        extracted, text = flat(sheet.extract_text()), flat(shown[number - 1])
        assert not RADICAL.search(extracted + text), (name, number, RADICAL.findall(extracted))
        for read in (extracted, text):
            assert f"第{number}頁，共{total}頁" in read, (name, number)
            assert COURSE in read and title[:6] in read, (name, number, title)
            assert "Page" not in read, (name, number)
        body += text.replace(COURSE, "", 1).replace(title, "", 1).replace(
            f"第{number}頁，共{total}頁", "", 1)
    source = next((EDITION / "book").rglob(f"{name}.html")).relative_to(SITE).as_posix()
    paragraphs = chinese_paragraphs(visit, source)
    assert len(paragraphs) >= 2, name
    assert [paragraph for paragraph in paragraphs if paragraph not in body] == []


@pytest.mark.parametrize("name", MEASURED)
def test_a_chinese_handout_embeds_its_fonts_and_its_chinese_reads_back(visit, name):
    """Chromium embeds Noto Sans CJK (an OpenType collection) as Type 3 fonts, without their
    name: every font is embedded and maps back to Unicode, and the page it prints draws its
    Chinese in Noto Sans CJK TC."""
    pdf = KIT / "handouts" / "a4" / f"{name}.pdf"
    fonts = subprocess.run(["pdffonts", str(pdf)], capture_output=True, text=True,
                           check=True).stdout.splitlines()[2:]
    assert fonts
    for line in fonts:
        emb, sub, uni = line.split()[-5:-2]
        assert emb == "yes" and uni == "yes", line
    text = subprocess.run(["pdftotext", str(pdf), "-"], capture_output=True, text=True,
                          check=True).stdout
    assert "以顧客為中心" in text and "第 1 頁" in text
    page = visit.open(next((EDITION / "book").rglob(f"{name}.html")).relative_to(SITE).as_posix())
    page.evaluate("() => document.fonts.ready")
    assert page.evaluate("""() => document.fonts.check('16px "Noto Sans CJK TC"', '顧客')""")
    family = page.evaluate("getComputedStyle(document.querySelector('main h1')).fontFamily")
    assert "Noto Sans CJK TC" in family


def test_the_chinese_kit_zip_holds_the_chinese_pdfs_and_decks(names):
    kit = load_kit(ROOT, "zh_TW")
    archive = zipfile.ZipFile(KIT / kit.zip_name)
    members = {name.split("/", 1)[1]: name for name in archive.namelist()}
    assert CJK.search(archive.read(members["README.txt"]).decode("utf-8"))
    for paper in PAPERS:
        for name in names:
            member = f"handouts/{paper}/{name}.pdf"
            assert archive.read(members[member]) == (KIT / member).read_bytes(), member
    index = archive.read(members["slides/index.html"]).decode("utf-8")
    assert '<html lang="zh-Hant-TW">' in index
    deck = archive.read(members["slides/lifetime-value.html"]).decode("utf-8")
    assert '<html lang="zh-Hant-TW">' in deck and "課堂活動：" in deck


def test_the_chinese_guide_links_its_own_kit_in_chinese(visit, names):
    page = visit.open(GUIDE)
    links = page.eval_on_selector_all(".cf-kit a", "links => links.map(a => a.href)")
    paths = {urlparse(link).path.lstrip("/") for link in links}
    assert paths and all(path.startswith(f"zh-TW/{SITE_FOLDER}/") for path in paths), paths
    assert {f"zh-TW/{SITE_FOLDER}/handouts/{paper}/{name}.pdf"
            for paper in PAPERS for name in names} <= paths
    listing = page.inner_text(".cf-kit")
    assert "所有投影片" in listing and "工作坊教材包" in listing
    assert not re.search(r"Slide decks|everything below|All slide decks|Worksheets", listing)
    for link in links:
        response = page.request.get(link)
        assert response.ok, (link, response.status)
    assert visit.problems() == []


@pytest.mark.parametrize("deck", sorted(DECKS))
def test_a_chinese_deck_shows_chinese_in_a_chinese_font_and_every_slide_fits(visit, deck):
    page = visit.open(f"zh-TW/{SITE_FOLDER}/slides/{deck}.html")
    page.set_viewport_size({"width": 1280, "height": 720})
    page.wait_for_function("window.Reveal && Reveal.isReady()")
    page.evaluate("() => MathJax.startup.promise")
    page.evaluate("() => document.fonts.ready")
    assert page.evaluate("document.documentElement.lang") == "zh-Hant-TW"
    assert page.evaluate("""() => document.fonts.check('20px "Noto Sans CJK TC"', '顧客')""")
    family = page.evaluate("getComputedStyle(document.querySelector('.reveal h2')).fontFamily")
    assert "Noto Sans CJK TC" in family
    page.evaluate("Reveal.configure({transition: 'none', backgroundTransition: 'none'})")
    problems = []
    for index in range(page.evaluate("Reveal.getTotalSlides()")):
        page.evaluate(f"Reveal.slide({index})")
        found = page.evaluate(OVERFLOW)
        if found["outside"] or found["tall"] or found["wide"]:
            problems.append(f"slide {index + 1} ({found['title']}): {found}")
        shown = page.evaluate("Reveal.getCurrentSlide().innerText")
        notes = page.evaluate(
            "(Reveal.getCurrentSlide().querySelector('aside.notes') || {}).textContent || ''")
        assert CJK.search(shown) and notes.startswith("課堂活動："), (index, shown[:80])
        assert not re.search(r"Try it|Check yourself|By the end of this chapter|In the room",
                             shown + notes), index
    assert problems == []
    assert visit.problems() == []


@pytest.mark.parametrize(
    ("path", "course", "footer"),
    [("zh-TW/book/apply/forms/turnover-cost-form.html", COURSE, "第{number}頁，共{total}頁"),
     ("book/apply/forms/turnover-cost-form.html", "CustomerFocus", "Page{number}of{total}")],
    ids=["zh-TW", "en"],
)
def test_the_browsers_own_print_has_the_editions_header_and_footer(visit, tmp_path, path, course,
                                                                    footer):
    """What a reader gets from the browser's Print: the stylesheet's and the page's @page
    rules only (no templates), Chinese in the Chinese edition, English in the English one."""
    page = visit.open(path)
    page.evaluate("() => document.fonts.ready")
    page.emulate_media(media="print")
    pdf = tmp_path / "print.pdf"
    page.pdf(path=str(pdf), format="A4", prefer_css_page_size=False)
    shown = pdftotext_pages(pdf)
    total = len(shown)
    title = flat(page.eval_on_selector("h1", "h => h.textContent").replace("#", ""))
    for number, text in enumerate(shown, 1):
        assert footer.format(number=number, total=total) in flat(text), (number, text[-200:])
        assert course in flat(text) and title[:6] in flat(text), (number, text[:200])
    extracted = "".join(sheet.extract_text() for sheet in PdfReader(pdf).pages)
    chinese = path.startswith("zh-TW/")
    assert ("Page" in extracted) != chinese
    assert bool(CJK.search(extracted)) == chinese
    assert visit.problems() == []


def test_the_english_kit_stays_english(names):
    deck = (SITE / SITE_FOLDER / "slides" / "lifetime-value.html").read_text(encoding="utf-8")
    assert '<html lang="en">' in deck and not CJK.search(deck)
    text = PdfReader(SITE / SITE_FOLDER / "handouts" / "a4" / f"{MEASURED[0]}.pdf").pages[0]
    assert "Page 1 of" in " ".join(text.extract_text().split())
    assert not Path(KIT).samefile(SITE / SITE_FOLDER)
