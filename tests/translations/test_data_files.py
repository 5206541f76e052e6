"""The zh-TW edition's data files: the quiz banks, the scenario, the course map, the workshop
agendas, the tools' and forms' texts (with the tools' worked examples), the invented cases'
texts (``locales/zh_TW/``) and the word tables (``src/customer_focus/data/*-words.yml``)
use the glossary's terms, Traditional characters and Taiwan usage, as the pages' catalogs do
(the same checks: :func:`customer_focus.course.glossary.glossary_findings` and
:func:`~customer_focus.course.glossary.usage_problems`).

Each text of a translation is paired with its English text by the English file's keys: a
mapping's keys, a list's items by their ``id`` (questions, options, choices, chapters,
objectives, agendas and their items), a quiz mistake by its ``value``, any other list by
position; the cases' texts by their inputs' dotted names (``crossroads.segments.fleets.name``);
a word table's entry pairs its ``en`` with its ``zh_TW``. Each finding names the file and the
line of the text. Where an English term is used in another sense in one text, a translator
says so in a comment on the line(s) just above its key: ``# glossary-skip: reverse``.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from customer_focus.core.cases import CaseInputs
from customer_focus.core.problems import line_of
from customer_focus.core.yamlfile import load_yaml, parse_yaml
from customer_focus.course.glossary import (
    GLOSSARY_FILE,
    USAGE_FILE,
    Term,
    glossary_findings,
    load_glossary,
    load_usage,
    usage_problems,
)

ROOT = Path(__file__).resolve().parents[2]
LOCALE = "locales/zh_TW"
GLOSSARY = load_glossary(ROOT / GLOSSARY_FILE)
USAGE = load_usage(ROOT / USAGE_FILE)
#: Where the English file of each kind of translation is (``{}`` is the translation's name).
ENGLISH = {
    "quizzes": "book/quizzes/{}.yml",
    "scenarios": "book/practice/scenarios/{}.yml",
    "tools": "src/customer_focus/tools/{0}/{0}.yml",
    "forms": "book/apply/forms/{}.yml",
}
#: The word tables: each entry has its English (``en``) and its Chinese (``zh_TW``).
WORDS = "src/customer_focus/data"


#: The invented cases' inputs: their translation is keyed by the inputs' dotted names.
CASES = "src/customer_focus/data/cases.yml"


def _overlays() -> list[tuple[str, str]]:
    """Each translation laid over an English file, with that file (paths from the top folder)."""
    pairs = [(f"{LOCALE}/course-map.yml", "book/course-map.yml"), (f"{LOCALE}/cases.yml", CASES),
             (f"{LOCALE}/agendas.yml", "book/instructors/agendas.yml"),
             (f"{LOCALE}/tools/lab/exercise.yml", "src/customer_focus/tools/lab/exercise.yml")]
    for kind, english in ENGLISH.items():
        for path in sorted((ROOT / LOCALE / kind).glob("*.yml")):
            pairs.append((f"{LOCALE}/{kind}/{path.name}", english.format(path.stem)))
    return pairs


def _word_tables() -> list[str]:
    return sorted(f"{WORDS}/{path.name}" for path in (ROOT / WORDS).glob("*-words.yml"))


def _key(item: object) -> tuple[str, object] | None:
    """What pairs a list item with the English one: its id, a mistake's value, or nothing."""
    if isinstance(item, dict):
        for key in ("id", "value"):
            if key in item:
                return key, item[key]
    return None


def texts(english: object, translated: object) -> Iterator[tuple[int, str, str]]:
    """Each text of a translation with its English text and its line.

    Examples
    --------
    >>> english = parse_yaml("a: Tip\\nitems:\\n- {id: x, text: Lab, kind: 1}\\n", "en.yml")
    >>> chinese = parse_yaml("a: 技巧\\nitems:\\n- {id: x, text: 實作練習}\\n", "zh.yml")
    >>> list(texts(english, chinese))
    [(1, 'Tip', '技巧'), (3, 'Lab', '實作練習')]
    """
    if isinstance(translated, dict) and isinstance(english, dict):
        for key, value in translated.items():
            if key in english and key != "id":
                if isinstance(value, str) and isinstance(english[key], str):
                    yield line_of(translated, key), english[key], value
                else:
                    yield from texts(english[key], value)
    elif isinstance(translated, list) and isinstance(english, list):
        keyed = {_key(item): item for item in english if _key(item) is not None}
        for index, value in enumerate(translated):
            other = keyed.get(_key(value)) if _key(value) else (
                english[index] if index < len(english) else None)
            if isinstance(value, str) and isinstance(other, str):
                yield line_of(translated, index), other, value
            elif other is not None:
                yield from texts(other, value)


def word_texts(table: object) -> Iterator[tuple[int, str, str]]:
    """Each entry of a word table (``{en: ..., zh_TW: ...}``, at any depth) and its line."""
    if isinstance(table, dict):
        if isinstance(table.get("en"), str) and isinstance(table.get("zh_TW"), str):
            yield line_of(table, "zh_TW"), table["en"], table["zh_TW"]
            return
        for value in table.values():
            yield from word_texts(value)
    elif isinstance(table, list):
        for value in table:
            yield from word_texts(value)


def skipped_at(lines: list[str], line: int) -> set[str]:
    """The terms of the ``# glossary-skip:`` comments just above a line (numbered from 1)."""
    skipped = set()
    index = line - 2
    while 0 <= index < len(lines) and lines[index].strip().startswith("#"):
        comment = lines[index].strip().lstrip("#").strip()
        if comment.startswith("glossary-skip:"):
            skipped |= {term.strip().lower() for term in comment.split(":", 1)[1].split(",")}
        index -= 1
    return skipped


def findings(pairs: Iterator[tuple[int, str, str]], text: str, source: str,
             terms: list[Term]) -> list[str]:
    """What the texts of a file miss of the glossary, and what is not Taiwan usage."""
    lines = text.splitlines()
    found = []
    for line, english, chinese in pairs:
        for finding in glossary_findings(english, chinese, terms, skipped_at(lines, line)):
            found.append(f"{source}:{line}: {finding}"
                         + ("" if finding.startswith("'glossary-skip") else f": {chinese[:40]!r}"))
        found += [f"{source}:{line}: {problem}" for problem in usage_problems(chinese, USAGE)]
    return found


def _english(english: str) -> object:
    """An English file's data as its translation is keyed: the cases' texts by dotted name."""
    if english == CASES:
        return CaseInputs.load(ROOT / CASES).texts
    return load_yaml(ROOT / english)


def _overlay_findings(translation: str, english: str, terms: list[Term] = GLOSSARY) -> list[str]:
    text = (ROOT / translation).read_text(encoding="utf-8")
    pairs = texts(_english(english), parse_yaml(text, translation))
    return findings(pairs, text, translation, terms)


def test_there_is_every_kind_of_data_file_to_check():
    kinds = {translation.split("/")[2] for translation, _ in _overlays()}
    assert kinds == {"course-map.yml", "cases.yml", "agendas.yml", *ENGLISH}
    assert len(_word_tables()) >= 4


@pytest.mark.parametrize(("translation", "english"), _overlays(),
                         ids=lambda path: path.rsplit("/", 1)[-1])
def test_a_translation_uses_the_glossary_terms_and_taiwan_usage(translation, english):
    problems = _overlay_findings(translation, english)
    assert not problems, "\n".join(problems)


@pytest.mark.parametrize("table", _word_tables(), ids=lambda path: path.rsplit("/", 1)[-1])
def test_a_word_table_uses_the_glossary_terms_and_taiwan_usage(table):
    text = (ROOT / table).read_text(encoding="utf-8")
    problems = findings(word_texts(parse_yaml(text, table)), text, table, GLOSSARY)
    assert not problems, "\n".join(problems)


@pytest.mark.parametrize(("translation", "english"), _overlays(),
                         ids=lambda path: path.rsplit("/", 1)[-1])
def test_every_text_of_a_translation_is_paired_with_its_english(translation, english):
    """The pairing reads every text a translation has (none is left unchecked)."""
    data = parse_yaml((ROOT / translation).read_text(encoding="utf-8"), translation)
    paired = {line for line, _, _ in texts(_english(english), data)}
    assert paired and set(_text_lines(data)) <= paired


def _text_lines(data: object) -> Iterator[int]:
    if isinstance(data, dict):
        for key, value in data.items():
            if isinstance(value, str) and key != "id":
                yield line_of(data, key)
            else:
                yield from _text_lines(value)
    elif isinstance(data, list):
        for index, value in enumerate(data):
            if isinstance(value, str):
                yield line_of(data, index)
            else:
                yield from _text_lines(value)


ENGLISH_BANK = """\
quiz: {id: q, title: Check yourself}
questions:
  - id: one
    type: single
    prompt: Why does retention matter?
    options:
      - {id: a, text: The customer stays, correct: true}
      - {id: b, text: A listening post}
  - id: two
    type: number
    answer: 5
    prompt: Reverse the trend; what is the retention rate?
    mistakes:
      - value: 4
        feedback: Ask the client.
"""
CHINESE_BANK = """\
quiz: {id: q, title: 自我檢核}
questions:
  - id: one
    prompt: 留存率為什麼重要？
    options:
      - {id: a, text: 客戶留了下來}
      - {id: b, text: 一個傾聽站}
  - id: two
    # glossary-skip: reverse
    prompt: 扭轉趨勢：留存率是多少？
    mistakes:
      - value: 4
        # glossary-skip: client
        feedback: 問问客戶。
"""


def test_the_check_finds_each_mistake_at_its_line():
    """A bank that says 留存率 for bare retention and 客戶 for customer, with a skip and a
    skip of nothing, and a Simplified character: each named at its file and line."""
    terms = [Term("retention", "顧客留存"), Term("retention rate", "留存率"),
             Term("customer", "顧客", avoid=("客戶",)), Term("client", "客戶"),
             Term("listening post", "傾聽站"), Term("reverse", "反向品質"),
             Term("Check yourself", "自我檢核")]
    found = findings(
        texts(parse_yaml(ENGLISH_BANK, "en.yml"), parse_yaml(CHINESE_BANK, "zh.yml")),
        CHINESE_BANK, "zh.yml", terms)
    assert found == [
        "zh.yml:4: 'retention' is 顧客留存 (glossary): '留存率為什麼重要？'",
        "zh.yml:6: 'customer' is 顧客 (glossary): '客戶留了下來'",
        "zh.yml:6: 'customer' is 顧客, not 客戶 (glossary): '客戶留了下來'",
        "zh.yml:14: 'glossary-skip: client' skips nothing (the English prose does not use it, "
        "or the Chinese has its term): remove it",
        "zh.yml:14: Simplified character 问 (write 問)",
    ]


def test_a_word_table_pairs_each_english_word_with_its_chinese():
    table = parse_yaml("quiz:\n  check: {en: Check yourself, zh_TW: 檢查}\n"
                       "  tip: {en: 'A tip', zh_TW: 技巧}\n", "words.yml")
    assert list(word_texts(table)) == [(2, "Check yourself", "檢查"), (3, "A tip", "技巧")]
    found = findings(word_texts(table), "", "words.yml", GLOSSARY)
    assert found == ["words.yml:2: 'Check yourself' is 自我檢核 (glossary): '檢查'"]


def test_the_cases_texts_and_the_tools_examples_are_checked_with_their_english():
    """The cases' texts pair by dotted name, and a tool's worked example row by row."""
    text = (ROOT / LOCALE / "cases.yml").read_text(encoding="utf-8")
    pairs = list(texts(_english(CASES), parse_yaml(text, "cases.yml")))
    assert ("Fleet accounts", "車隊顧客") in [(english, chinese) for _, english, chinese in pairs]
    found = findings(iter([(line, english, chinese.replace("顧客", "客戶"))
                           for line, english, chinese in pairs]), text, "cases.yml", GLOSSARY)
    assert any("'customer' is 顧客, not 客戶" in finding for finding in found)
    tool = "src/customer_focus/tools/work_process/work_process.yml"
    text = (ROOT / LOCALE / "tools" / "work_process.yml").read_text(encoding="utf-8")
    pairs = list(texts(load_yaml(ROOT / tool), parse_yaml(text, "work_process.yml")))
    assert ("Customer phones to book", "顧客打電話預約") in [
        (english, chinese) for _, english, chinese in pairs]
