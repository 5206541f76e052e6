"""The value equation in Chinese (zh_TW): its results, its errors and its page say the same numbers.

The English is the same as before (the other tests); here the real functions run with the
reader's language set, as the zh-TW edition's notebooks (``language``) and its page (the
environment variable the page's Python sets) run them.
"""

from __future__ import annotations

import json

import pandas as pd
import pytest

from chinese_text import english_words, numbers_in
from customer_focus.core.messages import ENVIRONMENT, language
from customer_focus.core.validation import InputError
from customer_focus.tools import live
from customer_focus.tools.value_equation import calc, form, table

#: Names and data names a Chinese message may keep in English (the learner's and the code's).
KEPT = {"Current", "service", "Rival", "Idea", "same", "day", "collection", "price",
        "access_costs", "costs", "score", "money", "alternative", "your", "file", "csv", "line"}


def english_left(text: str) -> set[str]:
    """The English words of ``text`` (quoted or not) other than the names and data names it may
    keep."""
    return set(english_words(text, kept=KEPT, quoted=False, word=r"[A-Za-z_]{2,}"))


def numbers(text: str) -> list[str]:
    """The numbers ``text`` says, sorted (a Chinese sentence may say them in another order)."""
    return sorted(numbers_in(text))


def offers() -> pd.DataFrame:
    return pd.DataFrame({
        "alternative": ["Current service", "Rival", "Idea: same-day collection"],
        "results": [7, 6, 7], "process_quality": [5, 6, 7],
        "price": [6, 5, 6], "access_costs": [7, 6, 3],
    })


def test_the_sentences_and_the_alt_text_are_chinese_with_the_same_numbers():
    comparison = table.compare_alternatives(offers())
    english = [*form.change_sentences(comparison), form.describe_value_chart(comparison)]
    with language("zh_TW"):
        chinese = [*form.change_sentences(comparison), form.describe_value_chart(comparison)]
    assert chinese[2] == (
        "Idea: same-day collection 在 3 個方案中排第 1："
        "分子提高 2（+17%），並且分母降低 4（−31%）。"
    )
    for en, zh in zip(english, chinese, strict=True):
        assert not english_left(zh), zh
        assert numbers(zh) == numbers(en)


def test_the_table_says_what_each_alternative_does_in_chinese_and_keeps_its_data_english():
    comparison = table.compare_alternatives(offers())
    with language("zh_TW"):
        shown = form.comparison_table(comparison)
    assert shown.index.name == "方案"
    assert shown.loc["Current service", "效果"] == "目前的方案：比較的基準"
    assert shown.loc["Rival", "效果"] == "降低分母"
    assert not english_words(" ".join(shown.columns)), list(shown.columns)
    assert comparison["lever"].iloc[1] == "lowers the denominator"


def test_a_free_service_is_refused_in_chinese():
    with language("zh_TW"), pytest.raises(InputError) as raised:
        calc.value_index(7, 7, 0, 0, costs="money")
    message = str(raised.value)
    assert message.startswith("price + access_costs 等於 0：")
    assert not english_left(message)


def test_a_name_given_twice_is_refused_in_chinese_with_its_lines():
    offers_twice = offers().assign(alternative=["Idea", "Rival", "Idea"])
    with pytest.raises(ValueError) as english:
        table.compare_alternatives(offers_twice)
    with language("zh_TW"), pytest.raises(ValueError) as chinese:
        table.compare_alternatives(offers_twice)
    assert "同時出現在" in str(chinese.value)
    # the place ("row 3") is core.tables' words, said through the core catalog
    assert english_left(str(chinese.value)) <= {"row"}
    assert numbers(str(chinese.value)) == numbers(str(english.value))


def _grid(rows):
    names = ("alternative", "results", "process_quality", "price", "access_costs")
    return {"costs": "score", "alternatives": [dict(zip(names, row, strict=True)) for row in rows]}


def test_the_page_shows_its_results_in_chinese(monkeypatch):
    values = _grid([["Current service", "7", "5", "6", "7"], ["Idea", "7", "7", "6", "3"]])
    english = json.loads(live.run_json("value_equation", json.dumps(values)))
    monkeypatch.setenv(ENVIRONMENT, "zh_TW")
    chinese = json.loads(live.run_json("value_equation", json.dumps(values)))
    assert [table["caption"] for table in chinese["tables"]] == ["方案比較", "與目前方案相比"]
    assert chinese["tables"][1]["headers"] == ["方案", "分子與目前相比", "分母與目前相比", "效果"]
    assert chinese["tables"][1]["rows"][1][3]["text"] == "提高分子，同時降低分母"
    for en, zh in zip(english["summary"], chinese["summary"], strict=True):
        assert not english_left(zh), zh
        assert numbers(zh) == numbers(en)
    assert not english_left(chinese["chart"]["alt"])
    assert numbers(chinese["chart"]["alt"]) == numbers(english["chart"]["alt"])


def test_the_page_refuses_a_name_given_twice_in_chinese_at_its_cell(monkeypatch):
    values = _grid([["Idea", "7", "5", "6", "7"], ["Idea", "7", "7", "6", "3"]])
    monkeypatch.setenv(ENVIRONMENT, "zh_TW")
    data = json.loads(live.run_json("value_equation", json.dumps(values)))
    [message] = data["messages"]
    assert message["field"] == "alternatives.2.alternative"
    assert message["text"] == (
        "alternative 欄必須讓每個方案各有自己的名稱；'Idea' 同時出現在 "
        "第 1 列（Idea） 和 第 2 列（Idea）。"
        "請把其中一個改名，例如加上競爭對手的名稱，或寫成「點子 2」。"
    )


def test_the_page_refuses_a_free_alternative_in_a_file_in_chinese(monkeypatch):
    text = "alternative,results,process_quality,price,access_costs\nNow,7,5,6,7\nFree,7,7,0,0\n"
    monkeypatch.setenv(ENVIRONMENT, "zh_TW")
    data = json.loads(live.run_table_json("value_equation", text, json.dumps({"costs": "money"}),
                                          source="offers.csv"))
    [message] = data["messages"]
    assert message["text"].startswith("price + access_costs 在 offers.csv")
    assert "等於 0" in message["text"] and "3" in message["text"]
