"""The work process tool in Chinese (zh_TW): its results, its errors and its page.

The English is the same as before (the other tests); here the real functions run with the
reader's language set, as the zh-TW edition's notebooks (``language``) and its page (the
environment variable the page's Python sets) run them, and say the same numbers.
"""

from __future__ import annotations

import json

import pandas as pd
import pytest

from chinese_text import english_words, numbers_in
from customer_focus.core.messages import ENVIRONMENT, language
from customer_focus.tools import live
from customer_focus.tools.work_process import calc, form, table

#: Names and data names a Chinese message may keep in English (the learner's and the code's).
KEPT = {"Wait", "for", "bay", "Repair", "Part", "missing", "steps", "csv", "what_goes_wrong",
        "fail_point", "minutes"}


def english_left(text: str) -> set[str]:
    """The English words of ``text`` (quoted or not) other than the names and data names it may
    keep."""
    return set(english_words(text, kept=KEPT, quoted=False, word=r"[A-Za-z_]{2,}"))


def numbers(text: str) -> list[str]:
    """The numbers ``text`` says, sorted (a Chinese sentence may say them in another order)."""
    return sorted(numbers_in(text))


STEPS = [
    {"step": "Wait for a bay", "minutes": 30, "adds_value": "no", "fail_point": "no"},
    {"step": "Repair", "minutes": 90, "adds_value": "yes", "fail_point": "yes",
     "what_goes_wrong": "Part missing"},
]


def test_the_advice_and_the_alt_text_are_chinese_with_the_same_numbers():
    english = [row["to_improve"] for row in calc.analyze(STEPS)]
    analysis = table.analyze_process(pd.DataFrame(STEPS))
    alt_english = form.describe_process_chart(analysis)
    with language("zh_TW"):
        chinese = [row["to_improve"] for row in calc.analyze(STEPS)]
        alt_chinese = form.describe_process_chart(analysis)
    assert chinese[0] == (
        "沒有為顧客增加價值（30 分鐘，占總時間 25%）。刪去、縮短，或與其他步驟同時進行。"
    )
    assert chinese[1].startswith("失誤點：Part missing。做到防呆")
    for en, zh in zip([*english, alt_english], [*chinese, alt_chinese], strict=True):
        assert not english_left(zh), zh
        assert numbers(zh) == numbers(en)


def test_the_summary_and_the_list_read_in_chinese():
    analysis = table.analyze_process(pd.DataFrame(STEPS))
    with language("zh_TW"):
        summary = form.summary_table(table.process_summary(analysis))
        listing = form.improvement_table(table.where_to_improve(analysis))
    assert summary["數值"].tolist()[:3] == ["2", "120 分鐘", "90 分鐘（75.0%）"]
    assert summary.index[1] == "總時間"
    assert summary.index.name == "項目"
    assert listing["增加價值"].tolist() == ["否", "是"]
    assert listing["該怎麼做"].tolist() == ["刪去、縮短，或與其他步驟同時進行", "做到防呆"]
    assert listing.index.tolist() == [1, 2]
    assert not english_words(" ".join([listing.index.name, *listing.columns])), listing.columns


def test_zero_minutes_are_refused_in_chinese():
    steps = [{**step, "minutes": 0} for step in STEPS]
    with language("zh_TW"), pytest.raises(ValueError) as raised:
        calc.analyze(steps)
    assert str(raised.value) == (
        "所有步驟加起來是 0 分鐘。請寫下每個步驟經過的時間，等候時間也要算進去。"
    )


def test_the_page_shows_its_results_in_chinese(monkeypatch):
    values = {"steps": [{**{k: str(v) for k, v in step.items()}} for step in STEPS]}
    english = json.loads(live.run_json("work_process", json.dumps(values)))
    monkeypatch.setenv(ENVIRONMENT, "zh_TW")
    chinese = json.loads(live.run_json("work_process", json.dumps(values)))
    captions = [table["caption"] for table in chinese["tables"]]
    assert captions == ["流程一覽", "改善的地方，依優先順序"]
    assert chinese["tables"][1]["headers"][-1] == "該怎麼做"
    [en], [zh] = english["summary"], chinese["summary"]
    assert not english_left(zh), zh
    assert numbers(zh) == numbers(en)
    for en_row, zh_row in zip(english["tables"][0]["rows"], chinese["tables"][0]["rows"],
                              strict=True):
        assert not english_left(zh_row[0]["text"] + zh_row[1]["text"])
        assert numbers(zh_row[1]["text"]) == numbers(en_row[1]["text"])


def test_the_page_refuses_an_empty_form_and_a_file_of_zero_minutes_in_chinese(monkeypatch):
    monkeypatch.setenv(ENVIRONMENT, "zh_TW")
    empty = {"steps": [{"step": "", "minutes": "", "adds_value": "", "fail_point": ""}]}
    data = json.loads(live.run_json("work_process", json.dumps(empty)))
    assert data["messages"] == [{"text": "請至少輸入一個步驟名稱。", "field": "steps.1.step"}]
    text = "step,minutes,adds_value,fail_point\nWait for a bay,0,no,no\n"
    data = json.loads(live.run_table_json("work_process", text, "{}", source="steps.csv"))
    assert [message["text"] for message in data["messages"]] == [
        "steps.csv：所有步驟加起來是 0 分鐘。請寫下每個步驟經過的時間，等候時間也要算進去。"
    ]
