"""The zh-TW glossary and the Taiwan-usage file: read with every mistake at its file:line."""

from __future__ import annotations

from pathlib import Path

import pytest

from customer_focus.core.problems import DataFileError
from customer_focus.course.glossary import (
    GLOSSARY_FILE,
    USAGE_FILE,
    Term,
    load_glossary,
    load_usage,
    parse_glossary,
    parse_usage,
    required_terms,
    usage_problems,
)

ROOT = Path(__file__).resolve().parents[2]


def test_the_course_glossary_and_usage_files_load():
    terms = load_glossary(ROOT / GLOSSARY_FILE)
    assert Term("listening post", "傾聽站") in terms
    assert Term("customer lifetime value", "顧客終身價值", "縮寫 CLV 保留英文。") in terms
    usage = load_usage(ROOT / USAGE_FILE)
    assert usage.simplified["这"] == "這" and usage.mainland_terms["信息"] == "資訊"


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("terms:\n  - en: listening post\n",
         "glossary.yml:2: term 'listening post': missing 'zh' (text)"),
        ("terms:\n  - en: lab\n    zh: 實作練習\n    zhh: x\n",
         "glossary.yml:4: term 'lab': unknown key 'zhh' (allowed: en, zh, note, avoid)"),
        ("terms:\n  - en: customer\n    zh: 顧客\n    avoid: 客戶\n",
         "glossary.yml:4: term 'customer': 'avoid' must be a list of Chinese words"),
        ("terms:\n  - en: Lab\n    zh: 實作\n  - en: lab\n    zh: 實作練習\n",
         "glossary.yml:4: term 'lab': listed twice (first on line 2); keep one entry"),
        ("terms:\n  - en: lab\n    zh: ''\n", "glossary.yml:3: term 'lab': 'zh' is empty"),
        ("terms:\n  - just a word\n",
         "glossary.yml:2: term 1: must be a mapping with 'en' and 'zh'"),
        ("words: []\n", "glossary.yml:1: the glossary must have a list 'terms:'"),
        ("terms:\n  - en: [lab\n", "glossary.yml:"),
    ],
)
def test_a_glossary_mistake_is_reported_at_its_line(text, message):
    with pytest.raises(DataFileError) as caught:
        parse_glossary(text, "glossary.yml")
    assert message in str(caught.value)


def test_every_mistake_of_a_glossary_is_reported_at_once():
    text = "terms:\n  - en: lab\n  - zh: 講師\n"
    with pytest.raises(DataFileError) as caught:
        parse_glossary(text, "glossary.yml")
    assert [problem.line for problem in caught.value.problems] == [2, 3]


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("simplified: {这: 這}\n", "usage.yml:1: missing 'mainland_terms'"),
        ("simplified: {这: ''}\nmainland_terms: {信息: 資訊}\n",
         "usage.yml:1: simplified: '这' needs the Taiwan form"),
        ("simplified: {这: 這}\nmainland_terms: {信息: 資訊}\nother: 1\n",
         "usage.yml:3: unknown key 'other'"),
        ("simplified: {这: 這}\nmainland_terms: {在線: 線上}\nnot_mainland:\n  - 線上\n",
         "usage.yml:4: not_mainland: '線上' must be a word that contains one of the mainland"),
        ("simplified: {这: 這}\nmainland_terms: {在線: 線上}\nnot_mainland: 在線上\n",
         "usage.yml:3: not_mainland: must be a list"),
    ],
)
def test_a_usage_mistake_is_reported_at_its_line(text, message):
    with pytest.raises(DataFileError) as caught:
        parse_usage(text, "usage.yml")
    assert message in str(caught.value)


def test_the_longest_glossary_term_wins_and_words_are_whole():
    terms = load_glossary(ROOT / GLOSSARY_FILE)
    found = required_terms("Customer lifetime value rises with the retention rate.", terms)
    assert [term.zh for term in found] == ["顧客終身價值", "留存率"]
    assert required_terms("A labrador is not a lab.", terms) == [Term("lab", "實作練習")]
    assert [term.zh for term in required_terms("Set up listening posts", terms)] == ["傾聽站"]


@pytest.mark.parametrize(
    ("text", "found"),
    [
        ("大家在線上表單的哪一步放棄？", []),  # 在 + 線上表單: Taiwan usage
        ("請使用在線客服。", ["mainland term 在線 (in Taiwan: 線上)"]),
        ("在線表單與在線上表單", ["mainland term 在線 (in Taiwan: 線上)"]),  # one is enough
    ],
)
def test_zai_xian_is_mainland_usage_except_before_shang(text, found):
    """在線 (online) is the mainland's word; 在 + 線上 (in the online ...) is Taiwan's."""
    assert usage_problems(text, load_usage(ROOT / USAGE_FILE)) == found


def test_a_term_s_avoided_words_are_read_and_the_course_avoids_kehu_for_customer():
    terms = parse_glossary("terms:\n  - en: customer\n    zh: 顧客\n    avoid: [客戶, 客人]\n",
                           "glossary.yml")
    assert terms == [Term("customer", "顧客", "", ("客戶", "客人"))]
    course = {term.en: term for term in load_glossary(ROOT / GLOSSARY_FILE)}
    assert "客戶" in course["customer"].avoid and course["client"].zh == "客戶"
