"""The zh-TW edition's slide decks: the same slides as the English, in Chinese, with no English
fixed word, in the deck's language and with a font stack that reaches Traditional Chinese."""

from __future__ import annotations

import re
from html import unescape

import pytest

from customer_focus.core.paths import course_root
from customer_focus.course.course_map import load_course_map
from customer_focus.course.decks import load_outlines
from customer_focus.publish.slides import (
    _bibliography,
    deck_html,
    page_catalog,
    page_deck,
    write_decks,
    written_deck,
)
from customer_focus.tools.spec import words

ROOT = course_root()
ENGLISH = load_outlines(ROOT / "book/instructors/decks.yml")
CHINESE = load_outlines(ROOT / "book/instructors/decks.yml", "zh_TW")
PAGE_DECKS = sorted(ident for ident, outline in ENGLISH.items() if outline.source)
#: The deck template's English words (and the English course name): none is in a Chinese deck.
FIXED = [text for name, text in words("deck-words.yml").items() if name != "html_lang"]


@pytest.fixture(scope="module")
def labels():
    return _bibliography(ROOT / "references.bib")


def _both(ident, labels, tmp_path):
    if ENGLISH[ident].source:
        return (page_deck(ENGLISH[ident], ROOT, tmp_path / "en", labels),
                page_deck(CHINESE[ident], ROOT, tmp_path / "zh", labels, "zh_TW"))
    return written_deck(ENGLISH[ident], labels), written_deck(CHINESE[ident], labels, "zh_TW")


def _text(html: str) -> str:
    """What a slide shows (its notes, math and scripts left out)."""
    html = re.sub(r'<aside class="notes">.*?</aside>|<script.*?</script>|<style.*?</style>', "",
                  html, flags=re.S)
    return unescape(re.sub(r"<[^>]+>", " ", re.sub(r"\\\(.*?\\\)|\\\[.*?\\\]", " ", html)))


def _shape(deck) -> list[str]:
    """The deck's kinds of slide in order, a run of a section's slides as one."""
    kinds = [slide.kind for slide in deck.slides]
    return [kind for index, kind in enumerate(kinds)
            if kind != "section" or index == 0 or kinds[index - 1] != "section"]


@pytest.mark.parametrize("ident", sorted(ENGLISH))
def test_a_chinese_deck_has_the_english_decks_slides_in_chinese(ident, labels, tmp_path):
    english, chinese = _both(ident, labels, tmp_path)
    # The same slides in the same order; a section's text may take fewer slides in Chinese,
    # which says more in fewer characters (a list is split where it would overflow).
    assert _shape(chinese) == _shape(english)
    for slide in chinese.slides:
        assert re.search(r"[\u4e00-\u9fff]", slide.title), (ident, slide.title)
        assert slide.activity and re.search(r"[\u4e00-\u9fff]", slide.activity), slide.title
        if slide.kind != "figure" and not re.search(r"<table|cf-math", slide.body):
            assert re.search(r"[\u4e00-\u9fff]", _text(slide.body)), (ident, slide.title)
        if slide.kind == "figure":  # its description, read out in its place, as on the page
            assert re.search(r'alt="[^"]*[\u4e00-\u9fff]', slide.body), (ident, slide.title)
    page = deck_html(chinese, "zh_TW")
    assert '<html lang="zh-Hant-TW">' in page
    assert re.search(r"--r-main-font: [^;]*\"Noto Sans CJK TC\"", page)
    assert [word for word in FIXED if word in page] == []
    assert "In the room" not in page and "課堂活動：" in page


def test_a_page_decks_text_is_its_catalogs_translation(labels, tmp_path):
    catalog = page_catalog(ROOT, "learn/lifetime-value", "zh_TW")
    deck = page_deck(CHINESE["lifetime-value"], ROOT, tmp_path, labels, "zh_TW")
    titles = [slide.title for slide in deck.slides]
    assert catalog["The formula"] in titles and catalog["Calculating lifetime value"] in titles
    assert deck.title == catalog["How loyalty drives profitability"]
    objectives = load_course_map(ROOT / "book/course-map.yml", "zh_TW").objectives_of(
        "lifetime-value")
    assert all(objective.text in deck.slides[1].body for objective in objectives)
    assert deck.slides[1].title == "學完這一章，你將能夠"
    assert CHINESE["lifetime-value"].activities["Summary"] in [s.activity for s in deck.slides]


@pytest.mark.parametrize("ident", PAGE_DECKS)
def test_a_chinese_decks_formulas_have_no_english_words(ident, labels, tmp_path):
    """A displayed formula is translated as the page's is (its ``\\text{}`` words from the
    catalog); an abbreviation (CLV) or a coefficient's name (Better, Worse) may stay."""
    chinese = page_deck(CHINESE[ident], ROOT, tmp_path, labels, "zh_TW")
    words = [word for slide in chinese.slides
             for formula in re.findall(r"\\\[(.*?)\\\]", slide.body, flags=re.S)
             for word in re.findall(r"\\text\{([^}]*)\}", formula)]
    assert [word for word in words if re.search(r"[a-z]{3,}", word)
            and word not in ("Better", "Worse")] == []


def test_the_english_decks_are_unchanged_by_the_translation(labels, tmp_path):
    english = page_deck(ENGLISH["lifetime-value"], ROOT, tmp_path, labels)
    page = deck_html(english)
    assert '<html lang="en">' in page and "Noto Sans CJK" not in page
    assert "In the room:" in page and "課堂" not in page
    assert not re.search(r"[\u4e00-\u9fff]", page)


def test_the_chinese_index_lists_every_deck_in_chinese(tmp_path):
    written = write_decks(ROOT, tmp_path, language="zh_TW")
    index = (tmp_path / "index.html").read_text(encoding="utf-8")
    assert '<html lang="zh-Hant-TW">' in index and "以顧客為中心：投影片" in index
    assert {path.stem for path in written} == set(ENGLISH)
    for outline in CHINESE.values():
        if outline.title:
            assert outline.title in index
    assert "slides)" not in index and re.search(r"（?共 \d+ 張）?", index)
