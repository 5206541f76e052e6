"""The workshop agendas' Traditional Chinese (locales/zh_TW/agendas.yml): in step with the English
(every agenda, item, use and key, no other, each problem at its line in the translation), with the
English times, minutes, pages and copies, in Chinese, and naming pages by their Chinese titles.
The glossary and Taiwan usage are checked with the other data files (tests/translations)."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest
from babel.messages.pofile import read_po

from broken_files import break_once
from chinese_text import assert_chinese
from customer_focus.core.problems import DataFileError
from customer_focus.course.agendas import load_agendas
from customer_focus.sphinxext.workshop import AGENDA_WORDS, agenda_markdown
from customer_focus.tools.spec import words

ROOT = Path(__file__).resolve().parents[2]
AGENDAS = ROOT / "book/instructors/agendas.yml"
ENGLISH = load_agendas(AGENDAS)
CHINESE = load_agendas(AGENDAS, "zh_TW")
#: What the Chinese keeps in English: the cases' companies, the software and the methods' names.
NAMES = ("Crestline Foods", "Harbor Supply", "Jupyter", "SERVQUAL", "NPS")


def _texts(agenda):
    """Every text of an agenda a room meets, where it is."""
    yield f"{agenda.id}.bring", agenda.bring
    for item in agenda.items:
        yield f"{agenda.id}.{item.id}.activity", item.activity
        for number, use in enumerate(item.uses, 1):
            for key in ("label", "slides"):
                if getattr(use, key):
                    yield f"{agenda.id}.{item.id}.use{number}.{key}", getattr(use, key)
            if use.kind == "text":
                yield f"{agenda.id}.{item.id}.use{number}.text", use.target


def test_the_chinese_agendas_keep_the_english_times_minutes_pages_and_copies():
    assert list(CHINESE) == list(ENGLISH)
    for ident, english in ENGLISH.items():
        chinese = CHINESE[ident]
        assert chinese.starts() == english.starts()
        assert chinese.content_minutes() == english.content_minutes()
        assert [(item.id, item.minutes, item.is_break) for item in chinese.items] == [
            (item.id, item.minutes, item.is_break) for item in english.items]
        assert [[(use.kind, use.copies) for use in item.uses] for item in chinese.items] == [
            [(use.kind, use.copies) for use in item.uses] for item in english.items]
        assert [(m.page, m.copies, m.used_at) for m in chinese.materials()] == [
            (m.page, m.copies, m.used_at) for m in english.materials()]
        assert chinese.decks() == english.decks()


@pytest.mark.parametrize("ident", list(ENGLISH))
def test_every_text_of_an_agenda_is_chinese_with_the_english_numbers(ident):
    pairs = list(zip(_texts(ENGLISH[ident]), _texts(CHINESE[ident]), strict=True))
    assert len(pairs) > 10
    for (where, english), (same, chinese) in pairs:
        assert where == same
        assert chinese != english, where
        # the case figures stay as they are; "the three R's" is 3R (the glossary)
        english, chinese = (re.sub(r"\{case\}`[^`]+`", " ", text) for text in (english, chinese))
        assert_chinese(english, chinese.replace("3R", "R"), *NAMES)


def test_the_agendas_own_words_are_chinese():
    english, chinese = words(AGENDA_WORDS), words(AGENDA_WORDS, "zh_TW")
    for name, text in english.items():
        if name.endswith("separator"):
            assert chinese[name] in {"；", "、"}
            continue
        assert_chinese(re.sub(r"\{[a-z]+\}", " ", text), re.sub(r"\{[a-z]+\}", " ", chinese[name]),
                       "PDF", quoted=False)


def _title(page: Path, language: str | None) -> str:
    """A page's title (its ``#`` heading), or its Chinese title from the page's catalog."""
    title = next(line[2:] for line in page.read_text("utf-8").splitlines() if line.startswith("# "))
    if language is None:
        return title
    catalog = ROOT / "locales/zh_TW/LC_MESSAGES" / page.relative_to(ROOT).with_suffix(".po")
    with catalog.open("rb") as stream:
        return read_po(stream)[title].string


def test_a_link_the_english_labels_with_its_page_s_title_has_the_chinese_title():
    reused = 0
    for ident, agenda in ENGLISH.items():
        for item, theirs in zip(agenda.items, CHINESE[ident].items, strict=True):
            for use, translated in zip(item.uses, theirs.uses, strict=True):
                if use.kind not in {"page", "handout"}:
                    continue
                page = (AGENDAS.parent / use.target).resolve()
                title = _title(page, None)
                if use.label == title:
                    assert translated.label == _title(page, "zh_TW"), (ident, item.id)
                    reused += 1
                elif use.label == f"{title} (chapter)":
                    assert translated.label == f"{_title(page, 'zh_TW')}（章節）", (ident, item.id)
                    reused += 1
    assert reused >= 10


def test_the_chinese_markdown_has_the_english_table_and_totals():
    for ident, english in ENGLISH.items():
        mine = agenda_markdown(english, {}).splitlines()
        theirs = agenda_markdown(CHINESE[ident], {}, "zh_TW").splitlines()
        rows = [line.split("|")[1:3] for line in mine if line.startswith("| ")][1:]
        assert [line.split("|")[1:3] for line in theirs if line.startswith("| ")][1:] == rows
        total = next(line for line in theirs if line.startswith("合計："))
        assert f"= {english.length} 分鐘" in total
        assert f"{english.start} 到 {english.starts()[-1]}。" in total


@pytest.fixture
def course(tmp_path):
    """A copy of the agendas and their translation, with the pages they name, to break."""
    (tmp_path / "_toc.yml").write_text("root: index\n", encoding="utf-8")
    for name in ("book/instructors/agendas.yml", "locales/zh_TW/agendas.yml"):
        (tmp_path / name).parent.mkdir(parents=True, exist_ok=True)
        shutil.copy(ROOT / name, tmp_path / name)
    folder = tmp_path / "book/instructors"
    named = {agenda.check for agenda in ENGLISH.values()} | {
        use.target for agenda in ENGLISH.values() for item in agenda.items
        for use in item.uses if use.kind in {"page", "handout"}}
    for page in named:
        (folder / page).parent.mkdir(parents=True, exist_ok=True)
        (folder / page).write_text("# page\n", encoding="utf-8")
    return tmp_path



def _problems(course: Path) -> list[str]:
    with pytest.raises(DataFileError) as caught:
        load_agendas(course / "book/instructors/agendas.yml", "zh_TW")
    return [str(problem) for problem in caught.value.problems]


ZH = "locales/zh_TW/agendas.yml"


def test_a_missing_extra_or_misplaced_item_is_named_at_its_line(course):
    zh = course / ZH
    renamed = break_once(zh, "      - id: value-by-hand\n", "      - id: value-in-pairs\n")
    break_once(zh, "      - id: lunch\n        activity: 午餐\n", "")
    found = _problems(course)
    assert f"{ZH}:{renamed}: agenda 90-minute, items: item id 'value-in-pairs' is not in the " \
           "English (book/instructors/agendas.yml); remove it or correct the id" in found
    assert any(p.startswith(f"{ZH}:") and "item 'value-by-hand' of the English "
               "(book/instructors/agendas.yml:" in p and "is missing; translate it" in p
               for p in found), found
    assert any("agenda full-day, items: item 'lunch' of the English" in p for p in found), found


def test_items_out_of_the_english_order_are_named(course):
    zh = course / ZH
    text = zh.read_text(encoding="utf-8")
    scenario = ("      - id: scenario\n"
                "        activity: 兩人一組玩一次情境演練，各組之間不要討論。\n"
                "        use:\n          - label: 情境演練\n")
    assert text.count(scenario) == 1
    text = text.replace(scenario, "")
    line = text[: text.index("      - id: welcome\n")].count("\n") + 1
    zh.write_text(text.replace("      - id: welcome\n", scenario + "      - id: welcome\n", 1),
                  encoding="utf-8")
    found = _problems(course)
    assert f"{ZH}:{line}: agenda 90-minute, items: item 'scenario' is out of order; keep the " \
           "English order (welcome, lifetime-value, value-by-hand, scenario, debrief, " \
           "check-and-close)" in found


def test_a_use_too_many_a_wrong_key_or_an_empty_text_is_named(course):
    zh = course / ZH
    extra = break_once(zh, "    bring: 每兩人一台筆電或平板、投影機、筆。\n",
                   "    bring: 每兩人一台筆電或平板、投影機、筆。\n    title: 九十分鐘\n")
    uses = break_once(zh, "          - label: 開場案例\n          - slides: 案例、四個選項與投票\n",
                  "          - label: 開場案例\n")
    key = break_once(zh, "          - slides: 「互動：比較兩位顧客」\n",
                 "          - label: 「互動：比較兩位顧客」\n")
    debrief = ("      - id: debrief\n        activity: {}\n        use:\n"
               "          - label: 解答\n          - slides: 全部\n      - id: check\n")
    empty = break_once(zh, debrief.format("討論情境演練的結果。"), debrief.format("''"))
    found = _problems(course)
    english_line = AGENDAS.read_text(encoding="utf-8").splitlines().index(
        "          - page: ../start/opening-case.md") + 1
    assert f"{ZH}:{uses}: agenda 90-minute, item 'welcome', use: must be a list of 2 uses, " \
           "one per use of the English (book/instructors/agendas.yml:" \
           f"{english_line}), in its order" in found
    assert f"{ZH}:{key}: agenda 90-minute, item 'value-by-hand', use 2: missing 'slides' (the " \
           "English has it; translate it)" in found
    assert f"{ZH}:{key}: agenda 90-minute, item 'value-by-hand', use 2: 'label' is not in the " \
           "English (it has slides); remove it" in found
    assert f"{ZH}:{empty}: agenda half-day, item 'debrief': missing 'activity' (the English " \
           "has it; translate it)" in found
    assert f"{ZH}:{extra + 1}: agenda 90-minute: 'title' is not in the English (it has id, " \
           "bring, items); remove it" in found


def test_a_lost_case_figure_is_named(course):
    line = break_once(course / ZH, "、折現率 {case}`worked.discount_rate`", "、折現率 10%")
    found = _problems(course)
    assert f"{ZH}:{line}: agenda 90-minute, item 'lifetime-value': 'activity' must keep the " \
           "English's case figures ({case}`worked.discount_rate`, {case}`worked.margin`, " \
           "{case}`worked.retention`), each once" in found


def test_a_missing_translation_says_which_file_to_write(course):
    (course / ZH).unlink()
    found = _problems(course)
    assert found == [f"agendas.yml:1: no translation into zh_TW: write {ZH} (ids and text only; "
                     "see README.md, \"How to translate a quiz bank or the scenario\")"]
