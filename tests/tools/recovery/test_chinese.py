"""The service recovery arithmetic in the zh-TW edition: its sentence and its error are Chinese
(from the package's catalog, tools.recovery) and carry the English's numbers."""

from __future__ import annotations

import pytest

from chinese_text import assert_chinese, english_words
from customer_focus.core.messages import language
from customer_focus.core.validation import InputError
from customer_focus.tools.recovery.calc import recovery_break_even


@pytest.mark.parametrize(("cost", "value", "share"), [(100, 640, 0.30), (40, 33.75, 0.70)])
def test_the_sentence_is_chinese_with_the_english_numbers(cost, value, share):
    result = recovery_break_even(cost, value, share)
    with language("zh_TW"):
        chinese = result.explain()
    english = result.explain()
    assert "服務補救" in chinese
    assert_chinese(english, chinese, kept=(), quoted=False, percent=True)


def test_the_fact_sheet_example_in_chinese():
    with language("zh_TW"):
        chinese = recovery_break_even(100, 640, 0.30).explain()
    assert "15.6 個百分點" in chinese and "30%" in chinese and "14.4%" in chinese
    assert "52%" in chinese


def test_a_customer_worth_nothing_is_refused_in_chinese():
    with language("zh_TW"), pytest.raises(InputError) as caught:
        recovery_break_even(100, 0, 0.30)
    message = str(caught.value)
    assert caught.value.name == "lifetime_value"
    assert "大於 0" in message
    assert english_words(message, "lifetime_value", kept=(), quoted=False) == []
