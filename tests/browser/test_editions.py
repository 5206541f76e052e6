"""The two editions in one site: the language switch, Chinese search, the shared files.

The English edition is the site's root, the zh-TW edition ``zh-TW/`` (``make book`` builds
both). Every page links to its twin in the other edition; the Chinese pages say their
language (``zh-Hant-TW``) and set a font stack that reaches Traditional Chinese glyphs;
Chinese search finds a Chinese term; and a Chinese page loads what both editions share
(Pyodide, the widget manager, the worksheets' download) from the English edition's files,
offline; the Chinese guide links the Chinese edition's own workshop kit
(``test_workshop_kit_zh.py`` measures it). The accessibility and offline sweep over every page of
both editions is ``test_every_page.py``.
"""

from __future__ import annotations

import zipfile
from urllib.parse import urljoin

import pytest
from playwright.sync_api import expect

from customer_focus.course.glossary import GLOSSARY_FILE, load_glossary

from .conftest import ROOT, SITE

pytestmark = pytest.mark.browser

#: Pages of every kind: the home page, a chapter, a worksheet, a form, the glossary.
TWIN_PAGES = [
    "book/index.html",
    "book/learn/lifetime-value.html",
    "book/apply/tools/lifetime-value-worksheet.html",
    "book/apply/forms/kano-form.html",
    "book/extend/glossary.html",
]


def test_the_zh_tw_edition_is_built_with_every_page():
    english = sorted(path.relative_to(SITE).as_posix() for path in (SITE / "book").rglob("*.html"))
    chinese = sorted(
        path.relative_to(SITE / "zh-TW").as_posix() for path in (SITE / "zh-TW" / "book").rglob("*.html")
    )
    assert english and chinese == english


@pytest.mark.parametrize("path", TWIN_PAGES)
def test_the_language_switch_goes_to_the_twin_page_and_back(visit, path):
    page = visit.open(path)
    assert page.locator("html").get_attribute("lang") == "en"
    hreflang = {
        link.get_attribute("hreflang"): urljoin(page.url, link.get_attribute("href"))
        for link in page.locator('head link[rel="alternate"][hreflang]').all()
    }
    assert hreflang == {"en": f"{visit.base}/{path}", "zh-Hant-TW": f"{visit.base}/zh-TW/{path}"}
    switch = page.get_by_role("link", name="中文", exact=True)
    expect(switch).to_be_visible()
    assert switch.get_attribute("lang") == "zh-Hant-TW"
    switch.click()
    page.wait_for_url(f"{visit.base}/zh-TW/{path}")
    page.wait_for_load_state("networkidle")
    assert page.locator("html").get_attribute("lang") == "zh-Hant-TW"
    back = page.get_by_role("link", name="English", exact=True)
    expect(back).to_be_visible()
    back.click()
    page.wait_for_url(f"{visit.base}/{path}")
    page.wait_for_load_state("networkidle")
    assert visit.problems() == []


def test_the_switch_is_reached_by_keyboard_at_phone_width(visit):
    visit.page.set_viewport_size({"width": 375, "height": 740})
    page = visit.open("book/learn/lifetime-value.html")
    switch = page.get_by_role("link", name="中文", exact=True)
    expect(switch).to_be_visible()
    for _ in range(40):
        page.keyboard.press("Tab")
        if page.evaluate("document.activeElement.classList.contains('cf-language-switch')"):
            break
    else:
        pytest.fail("the language switch is not reached with the Tab key")
    page.keyboard.press("Enter")
    page.wait_for_url("**/zh-TW/book/learn/lifetime-value.html")
    assert page.locator("html").get_attribute("lang") == "zh-Hant-TW"


def test_chinese_pages_use_a_font_stack_with_traditional_chinese_glyphs(visit):
    page = visit.open("zh-TW/book/extend/glossary.html")
    family = page.evaluate("getComputedStyle(document.body).fontFamily")
    assert "Noto Sans CJK TC" in family
    english = visit.open("book/extend/glossary.html")
    assert "Noto Sans CJK TC" not in english.evaluate("getComputedStyle(document.body).fontFamily")


@pytest.mark.parametrize(
    "search", ["zh-TW/search.html?q=顧客終身價值", "zh-TW/search.html?q=傾聽站", "search.html?q=glossary"]
)
def test_search_finds_the_term_in_chinese_and_in_english(visit, search):
    page = visit.open(search)
    results = page.locator("#search-results ul.search li a")
    results.first.wait_for(timeout=30_000)
    found = [link.get_attribute("href") for link in results.all()]
    assert any("book/extend/glossary.html" in href for href in found), found
    assert visit.problems() == []


def test_the_glossary_page_lists_every_term_in_both_editions(visit):
    terms = load_glossary(ROOT / GLOSSARY_FILE)
    for path in ("book/extend/glossary.html", "zh-TW/book/extend/glossary.html"):
        page = visit.open(path)
        rows = page.locator("table.cf-glossary tbody tr")
        assert rows.count() == len(terms)
        first = rows.first.locator("td")
        assert first.nth(0).inner_text() == terms[0].en
        assert first.nth(1).inner_text() == terms[0].zh
        assert first.nth(1).locator("[lang]").get_attribute("lang") == "zh-Hant-TW"
        assert first.nth(0).locator("[lang]").get_attribute("lang") == "en"
        assert page.locator("table.cf-glossary thead th").count() == 3
    assert visit.problems() == []


def _status(page, href: str) -> int:
    return page.evaluate("async (url) => (await fetch(url, {method: 'HEAD'})).status", href)


def test_chinese_pages_link_their_own_download_and_workshop_kit(visit):
    page = visit.open("zh-TW/book/start/how-to-use.html")
    download = page.locator("a.cf-download").first
    href = urljoin(page.url, download.get_attribute("href"))
    assert href == f"{visit.base}/zh-TW/downloads/customer-focus-worksheets.zip"
    assert _status(page, href) == 200
    # its README is the Chinese one; the wheel and the notebooks are the English zip's
    readmes = {}
    members = {}
    for edition in ("", "zh-TW/"):
        with zipfile.ZipFile(SITE / f"{edition}downloads" / "customer-focus-worksheets.zip") as z:
            readmes[edition] = z.read("customer-focus-worksheets/README.md").decode("utf-8")
            members[edition] = sorted(z.namelist())
    assert members["zh-TW/"] == members[""]
    assert "## 1. 安裝 Python" in readmes["zh-TW/"] and "--language zh_TW" in readmes["zh-TW/"]
    assert "## 1. Install Python" in readmes[""]
    page = visit.open("zh-TW/book/instructors/facilitator-guide.html")
    links = [urljoin(page.url, link.get_attribute("href")) for link in page.locator(".cf-kit a").all()]
    assert len(links) > 10
    assert all(link.startswith(f"{visit.base}/zh-TW/_downloads/kit/") for link in links), links[:3]
    assert [link for link in links if _status(page, link) != 200] == []
    assert (SITE / "zh-TW" / "_downloads" / "kit").is_dir()
    assert not (SITE / "zh-TW" / "_static" / "vendor" / "pyodide").exists()


def test_a_worksheet_runs_in_a_chinese_page_on_the_shared_runtime(visit):
    requests: list[str] = []
    visit.page.on("request", lambda request: requests.append(request.url))
    page = visit.open("zh-TW/book/apply/tools/lifetime-value-worksheet.html")
    box = page.locator(".cf-live[data-tool=lifetime_value]")
    box.get_by_role("button").first.click()
    box.locator("form.cf-live-form").wait_for(timeout=180_000)
    assert any(url.startswith(f"{visit.base}/_static/vendor/pyodide/") for url in requests)
    assert any(url.startswith(f"{visit.base}/zh-TW/_static/live/") for url in requests)
    assert visit.problems() == []


def test_the_site_serves_no_build_leftovers_of_the_zh_tw_notebooks():
    """The zh-TW notebooks' outputs are written in its build folder: the pages show their
    images from ``_images``, and the site does not serve the outputs a second time."""
    assert not (SITE / "jupyter_execute").exists()
    images = list((SITE / "zh-TW" / "_images").glob("*.png"))
    assert images, "the zh-TW pages show the charts their notebooks draw"


def test_the_sidebars_part_captions_are_in_the_editions_language():
    """The parts of the table of contents ("Learn", "Apply") are put in after Sphinx has
    translated the page: the edition translates them itself (on every page's sidebar)."""
    import re

    for page in ("book/index.html", "book/learn/lifetime-value.html"):
        part = r'class="caption" role="heading"><span class="caption-text">([^<]*)'
        english = re.findall(part, (SITE / page).read_text(encoding="utf-8"))
        chinese = re.findall(part, (SITE / "zh-TW" / page).read_text(encoding="utf-8"))
        assert "Learn" in english and "Apply" in english, english
        assert "學習" in chinese and "應用" in chinese, chinese
        assert not any(re.search(r"[A-Za-z]{3,}", caption) for caption in chinese), chinese
