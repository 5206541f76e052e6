"""The slide decks' and the workshop kit's Traditional Chinese texts: in step with the English
(every deck, section, slide and key, no other, each problem at its line), in Chinese, with the
glossary's terms, Traditional characters and Taiwan usage (the checks of tests/translations)."""

from __future__ import annotations

import re
import shutil
from dataclasses import fields
from pathlib import Path

import pytest

from broken_files import break_once
from customer_focus.core.problems import DataFileError
from customer_focus.course.decks import load_outlines
from customer_focus.course.glossary import (
    GLOSSARY_FILE,
    USAGE_FILE,
    load_glossary,
    load_usage,
    required_terms,
    usage_problems,
)
from customer_focus.publish.workshop import load_kit
from customer_focus.tools.spec import words

ROOT = Path(__file__).resolve().parents[2]
DECKS = ROOT / "book/instructors/decks.yml"
GLOSSARY = load_glossary(ROOT / GLOSSARY_FILE)
USAGE = load_usage(ROOT / USAGE_FILE)
#: The word tables of the decks, the kit's list and the printed handouts.
WORD_TABLES = ("deck-words.yml", "kit-words.yml", "print-words.yml")
#: Names that stay in English in the Chinese (people, companies, the cases, works).
NAMES = re.compile(
    r"Crestline( Foods)?|Harbor Supply|Greenleaf|Northfield|Halden|Priya|Tom|Maya|de Matos et al"
    r"|SERVQUAL|CLV|US Letter|A4|PDF|zip|handouts/a4/|handouts/letter/|slides/(index\.html)?|"
    r"\{case:[^}]+\}|\{[a-z_]+\}|\\\$[\d,]+|\b[ri]\b|[SF]\b"
)


def _pairs() -> list[tuple[str, str, str]]:
    """Every text of the decks and the kit: where it is, its English and its Chinese."""
    english, chinese = load_outlines(DECKS), load_outlines(DECKS, "zh_TW")
    pairs = [(f"kinds.{kind}", text, chinese["lifetime-value"].kinds[kind])
             for kind, text in english["lifetime-value"].kinds.items()]
    for ident, deck in english.items():
        theirs = chinese[ident]
        if deck.title:
            pairs.append((f"{ident}.title", deck.title, theirs.title))
        pairs += [(f"{ident}.activities[{heading!r}]", text, theirs.activities[heading])
                  for heading, text in deck.activities.items()]
        slides = [*((f"{ident}.after[{h!r}]", s) for h, group in deck.after.items() for s in group),
                  *((f"{ident}.slides", s) for s in deck.slides)]
        translated = [*(s for group in theirs.after.values() for s in group), *theirs.slides]
        for (where, mine), other in zip(slides, translated, strict=True):
            pairs += [(f"{where}.{field.name}", getattr(mine, field.name),
                       getattr(other, field.name)) for field in fields(mine)]
    kit, kit_zh = load_kit(ROOT), load_kit(ROOT, "zh_TW")
    pairs += [("kit.title", kit.title, kit_zh.title), ("kit.readme", kit.readme, kit_zh.readme)]
    pairs += [(f"kit.handouts[{n}]", mine.heading, other.heading)
              for n, (mine, other) in enumerate(zip(kit.groups, kit_zh.groups, strict=True))]
    for table in WORD_TABLES:
        english_words, chinese_words = words(table), words(table, "zh_TW")
        pairs += [(f"{table}:{name}", text, chinese_words[name])
                  for name, text in english_words.items() if name not in {"html_lang", "fonts"}]
    return pairs


PAIRS = _pairs()


def test_every_english_text_has_its_chinese_one():
    assert len(PAIRS) > 100
    for where, english, chinese in PAIRS:
        assert english.strip() and chinese.strip(), where
        chinese_or_full_width = re.search(r"[\u4e00-\u9fff\uff01-\uff5e]", chinese)
        assert chinese_or_full_width or english in {"A4", "US Letter"}, where
        leftover = re.findall(r"[A-Za-z]{2,}", NAMES.sub(" ", chinese))
        assert leftover == [], (where, leftover)


def test_the_chinese_keeps_every_figure_placeholder_and_amount():
    for where, english, chinese in PAIRS:
        for kept in (r"\{case:[^}]+\}", r"\\\$\d[\d,]*\d", r"\{[a-z_]+\}"):
            assert sorted(re.findall(kept, english)) == sorted(re.findall(kept, chinese)), where


def test_the_chinese_uses_the_glossary_terms():
    # The prose only: not a figure's name ({case:scenario.courier_cost}) or a folder (handouts/a4/).
    missing = [f"{where}: {term.en!r} is {term.zh}"
               for where, english, chinese in PAIRS
               for term in required_terms(re.sub(r"\{case:[^}]+\}|\S+/\S*", " ", english), GLOSSARY)
               if term.zh not in chinese]
    assert missing == []


def test_the_chinese_is_traditional_and_taiwan_usage():
    found = [f"{where}: {problem}" for where, _, chinese in PAIRS
             for problem in usage_problems(chinese, USAGE)]
    assert found == []


@pytest.fixture
def course(tmp_path):
    """A copy of the decks, the kit and their translations, to break."""
    (tmp_path / "_toc.yml").write_text("root: index\n", encoding="utf-8")
    for name in ("book/instructors/decks.yml", "book/instructors/kit.yml",
                 "locales/zh_TW/decks.yml", "locales/zh_TW/kit.yml"):
        (tmp_path / name).parent.mkdir(parents=True, exist_ok=True)
        shutil.copy(ROOT / name, tmp_path / name)
    return tmp_path



def _problems(call) -> list[str]:
    with pytest.raises(DataFileError) as caught:
        call()
    return [str(problem) for problem in caught.value.problems]


def test_a_missing_or_extra_section_slide_key_or_deck_is_named_at_its_line(course):
    zh = course / "locales/zh_TW/decks.yml"
    line = break_once(zh, "      Summary: 回頭看早上的投票；結束這一節。\n",
                  "      Recap: 回頭看早上的投票；結束這一節。\n")
    extra = break_once(zh, "        activity: 每組再玩一次，只改變一個決定。\n",
                   "        activity: 每組再玩一次，只改變一個決定。\n        speaker: 多的\n")
    deck = break_once(zh, "  - id: knowing-customers\n", "  - id: knowing-your-customers\n")
    found = _problems(lambda: load_outlines(course / "book/instructors/decks.yml", "zh_TW"))
    assert f"locales/zh_TW/decks.yml:{line}: deck lifetime-value, activities: section "\
           "'Recap' is not in the English (book/instructors/decks.yml); remove it or correct "\
           "the id" in found
    assert any(p.startswith("locales/zh_TW/decks.yml:") and "section 'Summary' of the English"
               in p and "is missing" in p for p in found), found
    assert any(p.startswith(f"locales/zh_TW/decks.yml:{extra + 1}: ") and "'speaker' is not in "
               "the English" in p for p in found), found
    assert any(p.startswith(f"locales/zh_TW/decks.yml:{deck}: ") and
               "'knowing-your-customers' is not in the English" in p for p in found), found
    assert any("deck 'knowing-customers' of the English" in p for p in found), found


def test_a_written_slide_too_many_or_untranslated_is_named(course):
    zh = course / "locales/zh_TW/decks.yml"
    notes = "再玩一次很快；走到「一輩子的忠實顧客」的組別，可以試著找出「悄悄離開」的結局。"
    line = break_once(zh, f"        notes: {notes}\n", "")
    found = _problems(lambda: load_outlines(course / "book/instructors/decks.yml", "zh_TW"))
    assert any(p.startswith("locales/zh_TW/decks.yml:") and "slide 7: missing 'notes'" in p
               for p in found), (line, found)


def test_a_kit_translation_out_of_step_is_named_at_its_line(course):
    zh = course / "locales/zh_TW/kit.yml"
    line = break_once(zh, "  - heading: 學員練習簿\n", "")
    extra = break_once(zh, "title: 工作坊教材包\n", "title: 工作坊教材包\nzip: 教材.zip\n")
    found = _problems(lambda: load_kit(course, "zh_TW"))
    assert any(p.startswith("locales/zh_TW/kit.yml:") and "3 groups" in p for p in found), found
    assert any(p.startswith(f"locales/zh_TW/kit.yml:{extra + 1}: ") and "'zip' is not in the "
               "English" in p for p in found), (line, found)


def test_a_missing_translation_says_which_file_to_write(course):
    (course / "locales/zh_TW/decks.yml").unlink()
    found = _problems(lambda: load_outlines(course / "book/instructors/decks.yml", "zh_TW"))
    assert found == [found[0]] and "locales/zh_TW/decks.yml" in found[0]
