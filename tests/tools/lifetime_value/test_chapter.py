"""The chapter page's tables (``tools.lifetime_value.chapter``): the English headers the page
shows, and the same tables headed in Chinese, as the zh-TW edition builds the page."""

from __future__ import annotations

import re

import pandas as pd

from chinese_text import english_words
from customer_focus.core.messages import language
from customer_focus.tools.lifetime_value import calc, chapter, table

RATES = [0.75, 0.80, 0.85, 0.90]
CASE = pd.DataFrame({"customer": ["Crestline", "Harbor"], "annual_margin": [30000, 24000],
                     "retention_rate": [0.25, 0.9], "acquisition_cost": [20000, 0]})


def test_retention_lever_in_english():
    shown = chapter.retention_lever(RATES, 100, 0.10, multiple_rate=0.12)
    assert shown.index.name == "Retention rate"
    assert shown.index.tolist() == ["75%", "80%", "85%", "90%"]
    assert shown.columns.tolist() == ["Margin multiple at 12%",
                                      "Lifetime value of $100 a year at 10%"]
    assert shown.loc["90%"].tolist() == [f"{calc.margin_multiple(0.9, 0.12):.2f}", "$450.00"]


def test_accounts_in_english():
    shown = chapter.accounts(table.compare_customers(CASE, discount_rate=0.10))
    assert shown.index.name == "Account"
    assert shown.columns.tolist() == ["Yearly margin", "Retention", "Cost to win",
                                      "Lifetime value", "Net value"]
    assert shown.loc["Harbor"].tolist() == [
        "$24,000.00", "90.0%", "$0.00", "$108,000.00", "$108,000.00"]


def test_tables_in_chinese():
    def tables():
        return (chapter.retention_lever(RATES, 100, 0.10, multiple_rate=0.12),
                chapter.accounts(table.compare_customers(CASE, discount_rate=0.10)))

    english = tables()
    with language("zh_TW"):
        chinese = tables()
    for en, zh in zip(english, chinese, strict=True):
        words = " ".join([*zh.columns, zh.index.name])
        assert re.search(r"[\u4e00-\u9fff]", words)
        assert english_words(words) == [], words
        assert zh.to_numpy().tolist() == en.to_numpy().tolist()
        assert zh.index.tolist() == en.index.tolist()
    assert "12%" in chinese[0].columns[0] and "$100" in chinese[0].columns[1]
