"""The course's diagrams in Traditional Chinese, as the zh-TW edition draws them (the package
speaking zh_TW): every label from the translation of the data file (complete, in the glossary's
terms, Traditional characters and Taiwan usage), the words written in Python from the catalog, the
alt text Chinese; a translation out of step with the English file is reported at its line."""

from __future__ import annotations

import re

import pytest

from chinese_text import is_chinese
from customer_focus.core.messages import language
from customer_focus.core.paths import course_root
from customer_focus.core.problems import DataFileError
from customer_focus.course import diagrams
from customer_focus.course.glossary import (
    GLOSSARY_FILE,
    load_glossary,
    load_usage,
    required_terms,
    usage_problems,
)

CHARTS = [name for name in diagrams.__all__ if name.endswith("_chart")]

#: Names that stay as they are: authors, and the score's abbreviation.
NAMES = {"Berry", "Parasuraman", "NPS", "must", "be", "one", "dimensional", "attractive"}


def _texts(figure) -> list[str]:
    return [text.get_text() for text in figure.findobj(match=lambda o: hasattr(o, "get_text"))
            if text.get_text().strip()]


def _pairs(english, chinese, where=""):
    """Each text of a data file with its translation."""
    if isinstance(english, str):
        yield where, english, chinese
    elif isinstance(english, list):
        for index, (item, translated) in enumerate(zip(english, chinese, strict=True)):
            yield from _pairs(item, translated, f"{where}[{index + 1}]")
    elif isinstance(english, dict):
        for key, value in english.items():
            if key not in diagrams.DATA_KEYS:
                yield from _pairs(value, chinese[key], f"{where}.{key}")


@pytest.fixture(scope="module")
def both():
    english = (diagrams.diagram_data(), diagrams.service_profit_chain_data())
    with language("zh_TW"):
        chinese = (diagrams.diagram_data(), diagrams.service_profit_chain_data())
    return list(_pairs(english, chinese))


def test_every_label_is_translated_in_the_glossarys_terms_and_taiwan_usage(both):
    root = course_root()
    terms = load_glossary(root / GLOSSARY_FILE)
    usage = load_usage(root / "locales/zh_TW/usage.yml")
    problems = []
    for where, english, chinese in both:
        if not is_chinese(chinese):
            problems.append(f"{where}: not translated: {chinese!r}")
        problems += [f"{where}: {term.en!r} is {term.zh}: {chinese!r}"
                     for term in required_terms(english, terms) if term.zh not in chinese]
        problems += [f"{where}: {problem}" for problem in usage_problems(chinese, usage)]
    assert problems == []


def test_the_data_the_code_reads_stays_english():
    with language("zh_TW"):
        chain = diagrams.service_profit_chain_data()
        zones = diagrams.diagram_data()["satisfaction_loyalty"]["zones"]
    assert [link["side"] for link in chain["links"]][::3] == ["employees", "customers",
                                                             "results"]
    assert chain["citation"] == "heskett1994"
    assert [(zone["from"], zone["to"]) for zone in zones] == [(1, 2), (2, 4), (4, 5)]


@pytest.mark.filterwarnings("ignore:Glyph")  # the charts' CJK font is core.figures' to choose
@pytest.mark.parametrize("chart", CHARTS)
def test_every_diagram_is_labelled_in_chinese(chart):
    with language("zh_TW"):
        texts = _texts(getattr(diagrams, chart)())
    assert texts, chart
    left = [word for text in texts for word in re.findall(r"[A-Za-z]{2,}", text)
            if word not in NAMES]
    assert left == [], (chart, texts)


def test_the_listening_posts_alt_text_is_chinese():
    with language("zh_TW"):
        text = diagrams.describe_listening_posts()
    assert text.startswith("表格列出 8 個傾聽站")
    assert "神秘客：經過設計的話，聽得到外部顧客與競爭者的顧客。" in text
    assert re.findall(r"[A-Za-z]{2,}", text) == ["NPS", "Berry", "Parasuraman"]


def test_a_translation_out_of_step_is_reported_at_its_line(tmp_path, monkeypatch):
    folder = tmp_path / "locales" / "zh_TW" / "diagrams"
    folder.mkdir(parents=True)
    (folder / "service_profit_chain.yml").write_text(
        "links:\n  - {label: 內部服務品質}\npropositions: []\nfoundation: 領導\nextra: 多的\n",
        encoding="utf-8")
    monkeypatch.setattr(diagrams, "course_root", lambda: tmp_path)
    english = diagrams._service_profit_chain(None)
    with pytest.raises(DataFileError) as refused:
        diagrams.in_language("service_profit_chain.yml", english, "zh_TW")
    message = str(refused.value)
    assert "zh_TW/diagrams/service_profit_chain.yml:1: links: must be a list of 7" in message
    assert "service_profit_chain.yml:3: propositions: must be a list of 5" in message
    assert "service_profit_chain.yml:5: 'extra' is not a text of the English file" in message
