"""The ``{learning-objectives}`` directive in a real (small) Sphinx build, in English and in the
zh-TW edition (Sphinx's ``language``): the heading and every objective of the chapter in the
build's language, from the course map and its translation."""

from __future__ import annotations

import html
import re
import shutil
from pathlib import Path

from customer_focus.course.course_map import load_course_map
from sphinx_site import ROOT, build

PAGE = "# Chapter\n\n```{learning-objectives} lifetime-value\n```\n\nText.\n"


def _build(tmp_path: Path, language: str | None, *, translation: bool = True):
    """Build one page listing the lifetime value chapter's objectives; return the objectives'
    box (its text items: the heading, then each objective), the Sphinx app and the warnings."""
    source = tmp_path / "src"
    (source / "book").mkdir(parents=True)
    shutil.copy(ROOT / "book/course-map.yml", source / "book/course-map.yml")
    if translation:
        (source / "locales/zh_TW").mkdir(parents=True)
        shutil.copy(ROOT / "locales/zh_TW/course-map.yml", source / "locales/zh_TW/course-map.yml")
    config = (
        "extensions = ['myst_parser', 'customer_focus.sphinxext.directives']\n"
        "exclude_patterns = ['_build', 'book', 'locales']\n"
        # (stated: a build with myst_nb in the same process leaves '.md' mapped to its parser)
        "source_suffix = {'.md': 'markdown'}\n"
    )
    if language is not None:
        config += f"language = {language!r}\n"
    built = build(tmp_path, config, {"index.md": PAGE})
    page = built.page()
    box = re.search(r'<div class="cf-objectives[^"]*">(.*?)</ul>\s*</div>', page, re.DOTALL)
    items = []
    if box:
        items = [html.unescape(re.sub(r"<[^>]+>", "", part)).strip()
                 for part in re.findall(r"<p[^>]*>(.*?)</p>", box.group(1), re.DOTALL)]
    return items, built.app, built.warnings


def test_the_zh_tw_build_lists_the_chapter_s_objectives_in_chinese(tmp_path):
    items, app, warnings = _build(tmp_path, "zh_TW")
    assert warnings == ""
    chinese = load_course_map(ROOT / "book/course-map.yml", "zh_TW")
    assert items == ["學完本章，你將能夠："] + [
        objective.text for objective in chinese.objectives_of("lifetime-value")
    ]
    assert len(items) == 7 and not re.search(r"[A-Za-z]{4,}", "".join(items))


def test_the_english_build_is_the_english_map(tmp_path):
    items, _, warnings = _build(tmp_path, None)
    assert warnings == ""
    english = load_course_map(ROOT / "book/course-map.yml")
    # Sphinx's smart quotes curl the English apostrophes and quotation marks.
    items = [item.translate(str.maketrans("\u2018\u2019\u201c\u201d", "''\"\"")) for item in items]
    assert items == ["By the end of this chapter you can:"] + [
        objective.text for objective in english.objectives_of("lifetime-value")
    ]
    assert items[2].startswith("Calculate a customer's lifetime value")


def test_the_page_is_read_again_when_the_translation_changes(tmp_path):
    _, app, _ = _build(tmp_path, "zh_TW")
    noted = {Path(path).resolve() for path in app.env.dependencies["index"]}
    assert (tmp_path / "src/locales/zh_TW/course-map.yml").resolve() in noted
    assert (tmp_path / "src/book/course-map.yml").resolve() in noted


def test_a_language_without_a_translation_is_a_warning_at_the_directive(tmp_path):
    items, _, warnings = _build(tmp_path, "zh_TW", translation=False)
    assert items == []
    assert "index.md:3" in warnings
    assert "learning-objectives:" in warnings and "no translation of the course map" in warnings


# The course map's other reader in the book: the facilitator guide's agendas name the chapter
# decks by their chapters' titles, in the edition's language; in the zh-TW edition the whole
# agenda is Chinese (locales/zh_TW/agendas.yml and data/agenda-words.yml).

def _agenda(tmp_path: Path, language: str | None) -> str:
    source = tmp_path / "src"
    shutil.copytree(ROOT / "book", source / "book")
    (source / "locales/zh_TW").mkdir(parents=True)
    for name in ("course-map.yml", "agendas.yml", "decks.yml"):
        shutil.copy(ROOT / "locales/zh_TW" / name, source / "locales/zh_TW" / name)
    (source / "_toc.yml").write_text("root: index\n", encoding="utf-8")  # the course's folder
    config = (
        # the agendas' activities write case figures with the {case} role
        "extensions = ['myst_parser', 'customer_focus.sphinxext.directives',"
        " 'customer_focus.sphinxext.cases']\n"
        "include_patterns = ['index.md']\n"
        "source_suffix = {'.md': 'markdown'}\n"
        + (f"language = {language!r}\n" if language else "")
    )
    built = build(tmp_path, config, {"index.md": "# Guide\n\n```{agenda} 90-minute\n```\n"})
    assert "ERROR" not in built.warnings
    page = built.page()
    box = page[page.rindex("<", 0, page.index('class="cf-agenda')):page.index("</section>")]
    return " ".join(html.unescape(re.sub(r"<[^>]+>", " ", box)).split())


def test_the_agendas_name_the_chapter_decks_in_the_edition_s_language(tmp_path):
    chinese = _agenda(tmp_path / "zh", "zh_TW")
    english = _agenda(tmp_path / "en", None)
    assert "投影片： 忠誠度如何帶動獲利 （從「核心概念：顧客終身價值」" in chinese
    assert "slides: How loyalty drives profitability (from" in english
    # and the rest of the agenda is in the edition's language too, with the same times
    assert "開始 分鐘 活動 使用" in chinese
    assert "合計：10 + 20 + 15 + 20 + 15 + 10 = 90 分鐘" in chinese
    assert "**" not in chinese and "*" not in chinese  # every emphasis rendered
    names = r"Crestline( Foods)?|Harbor Supply|PDF"
    assert re.findall(r"[A-Za-z]{2,}", re.sub(names, " ", chinese)) == [], chinese
    times = re.findall(r"\b\d{1,2}:\d\d\b", english)
    assert re.findall(r"\b\d{1,2}:\d\d\b", chinese) == times and len(times) > 8
