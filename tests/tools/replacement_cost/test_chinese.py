"""The replacement cost tool in Chinese (zh_TW): its sentence, its tables, its errors, its page.

The English is the same as before (the other tests); here the real functions run with the
reader's language set, as the zh-TW edition's notebooks (``language``) and its page (the
environment variable the page's Python sets) run them, and say the same numbers.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
import yaml

from chinese_text import english_words, numbers_in
from customer_focus.core.messages import ENVIRONMENT, language
from customer_focus.tools import live
from customer_focus.tools.replacement_cost import calc, describe, form

#: Names and data names a Chinese message may keep in English (the learner's and the code's).
KEPT = {"Maria", "senior", "account", "manager", "Sam", "staff", "csv", "salary", "hourly_rate",
        "hours_per_week", "employee"}
MARIA = yaml.safe_load((Path(__file__).parent / "cases.yml").read_text("utf-8"))["form"][0]


def english_left(text: str) -> set[str]:
    """The English words of ``text`` (quoted or not) other than the names and data names it may
    keep."""
    return set(english_words(text, kept=KEPT, quoted=False, word=r"[A-Za-z_]{2,}"))


def numbers(text: str) -> list[str]:
    """The numbers ``text`` says, sorted (a Chinese sentence may say them in another order)."""
    return sorted(numbers_in(text))


def test_the_sentence_and_the_alt_text_are_chinese_with_the_same_numbers():
    cost = calc.cost_of_losing(**calc.course_example())
    row = describe.as_row(cost)
    english = [describe.cost_sentence(cost), describe.cost_chart([row])]
    with language("zh_TW"):
        chinese = [describe.cost_sentence(cost), describe.cost_chart([row])]
    assert chinese[0].startswith("失去 Maria (senior account manager) 的成本約為 $137,000.00")
    assert "顧客終身價值" in chinese[0]
    for en, zh in zip(english, chinese, strict=True):
        assert not english_left(zh), zh
        assert numbers(zh) == numbers(en)


def test_the_table_of_lines_reads_in_chinese_and_the_lines_stay_english_as_data():
    cost = calc.cost_of_losing(**calc.course_example())
    with language("zh_TW"):
        lines = form.line_table(cost)
        amount = cost.amount("Vacancy")
    assert lines.index.tolist() == [
        "離職處理", "職缺", "替補（招募）", "訓練", "學習曲線", "員工相關成本（以上各項）",
        "可能跟著離開的顧客", "合計",
    ]
    assert (lines.index.name, lines.columns.tolist()) == ("類別", ["涵蓋內容", "金額"])
    assert lines["金額"].iloc[-1] == "$137,000.00"
    assert amount == cost.lines["vacancy"]


def test_pay_given_twice_is_refused_in_chinese():
    with language("zh_TW"), pytest.raises(ValueError) as raised:
        calc.cost_of_losing(**{**calc.course_example(), "hourly_rate": 20})
    message = str(raised.value)
    assert "不要兩者都填；你的情況是兩者都填" in message
    assert english_left(message) == set()


def test_the_page_shows_its_results_in_chinese(monkeypatch):
    english = json.loads(live.run_json("replacement_cost", json.dumps(MARIA["values"])))
    monkeypatch.setenv(ENVIRONMENT, "zh_TW")
    chinese = json.loads(live.run_json("replacement_cost", json.dumps(MARIA["values"])))
    [en], [zh] = english["summary"], chinese["summary"]
    assert not english_left(zh), zh
    assert numbers(zh) == numbers(en)
    by_line = chinese["tables"][0]
    assert by_line["caption"] == "失去這位員工的成本，依項目"
    assert [row[0]["text"] for row in by_line["rows"]][-1] == "合計"
    assert [row[2]["text"] for row in by_line["rows"]] == [
        row[2]["text"] for row in english["tables"][0]["rows"]
    ]
    assert not english_left(chinese["chart"]["alt"])
    assert numbers(chinese["chart"]["alt"]) == numbers(english["chart"]["alt"])


def test_the_page_refuses_a_file_row_with_two_pays_in_chinese(monkeypatch):
    text = ("employee,salary,hourly_rate,hours_per_week,weeks_to_full_productivity,"
            "productivity_while_learning\nSam,52000,25,40,10,0.5\n")
    values = json.dumps({"discount_rate": "0.1", "overtime_premium": "0.5"})
    monkeypatch.setenv(ENVIRONMENT, "zh_TW")
    data = json.loads(live.run_table_json("replacement_cost", text, values, source="staff.csv"))
    [message] = data["messages"]
    assert "同時填了 salary 和 hourly_rate；每位員工的薪資只要填一次" in message["text"]
    assert message["text"].startswith("staff.csv")
