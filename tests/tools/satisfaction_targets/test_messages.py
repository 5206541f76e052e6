"""The satisfaction targets tool in Traditional Chinese: its advice, messages, chart words and
the page's results come from its catalog, carry the same numbers and amounts as the English,
and leave no English word but the segments' names and the inputs' names."""

from __future__ import annotations

import json

import pandas as pd
import pytest

from chinese_text import both_pages, is_chinese, message_checks, numbers_of
from customer_focus.core.messages import language
from customer_focus.core.validation import InputError
from customer_focus.tools.satisfaction_targets import calc, describe, form, table

#: English a Chinese message may keep: the segments of these cases, the inputs' names, US$.
KEPT = {"Fleet", "Coupon", "scores", "retention_gain", "US",
        "row"}  # a row of a notebook's table, as core.tables names it (the core catalog's words)

FLEET = {"segment": "Fleet", "customers": 90, "annual_margin": 15000, "retention_rate": 0.88,
         "top_box_share": 0.15, "target_top_box_share": 0.5, "easy_to_switch": True}
COUPON = {"segment": "Coupon", "customers": 3000, "annual_margin": 140, "retention_rate": 0.4,
          "top_box_share": 0.6, "target_top_box_share": 0.7, "easy_to_switch": False}


#: A word of a message: one letter or more (the scale's letters count).
WORD = r"[A-Za-z][A-Za-z_]*"
#: The English words of a text, apart from those it may keep; that a Chinese text says the
#: English, the same numbers as many times each; what ``say()`` says in English, then Chinese.
english, assert_chinese_twin, both = message_checks(KEPT, WORD)


def test_a_score_off_the_scale_is_said_in_chinese_with_its_place():
    with language("zh_TW"), pytest.raises(InputError) as caught:
        calc.top_box_share([5, 4, 6])
    assert caught.value.name == "scores"
    assert_chinese_twin("1 5 3 6", str(caught.value))


def test_the_advice_on_each_segment_in_chinese_with_the_same_amounts():
    english_rows = calc.plan([FLEET, COUPON])
    with language("zh_TW"):
        chinese_rows = calc.plan([FLEET, COUPON])
    assert [row["flag"] for row in chinese_rows] == ["", "tiny"]  # data stay English
    for english_row, chinese_row in zip(english_rows, chinese_rows, strict=True):
        assert_chinese_twin(english_row["advice"], chinese_row["advice"])
        assert chinese_row["lifetime_value"] == english_row["lifetime_value"]
    assert "$4,590,000" in chinese_rows[0]["advice"]


def test_a_gain_that_takes_retention_past_one_names_the_segment_in_chinese():
    segments = pd.DataFrame([FLEET])
    english_text, chinese = both(lambda: table.what_if_retention(segments, 0.2))
    assert english_text.startswith("retention_gain 0.2 takes segment 'Fleet'")
    assert_chinese_twin(english_text, chinese)
    assert "顧客留存率" in chinese


def test_the_tables_words_and_the_alt_text_in_chinese():
    plan = table.plan_targets(pd.DataFrame([FLEET, COUPON]))
    assert_chinese_twin(*both(lambda: form.describe_targets_chart(plan)))
    with language("zh_TW"):
        shown = form.plan_table(plan)
        assert "優先順序" in shown.index.name or "優先順序" in " ".join(shown.columns)
        assert set(shown.iloc[:, -1]) >= {"不要投入：極小"}
        assert describe.what_if_heading(0.02).startswith("假設分析")


@pytest.mark.filterwarnings("ignore:Glyph")  # the CJK font is chosen for the zh-TW build
def test_the_chart_speaks_chinese():
    plan = table.plan_targets(pd.DataFrame([FLEET, COUPON]))
    with language("zh_TW"):
        figure = form.targets_chart(plan)
    axes = figure.axes[0]
    texts = [axes.get_xlabel(), *(label.get_text() for label in figure.legends[0].get_texts())]
    for text in texts:
        assert is_chinese(text) and english(text) == [], text


# ---- the page, through the entry points the browser calls, with the language it sets

SEGMENT = {"segment": "Fleet", "customers": "90", "annual_margin": "15000",
           "retention_rate": "0.88", "top_box_share": "0.15", "target_top_box_share": "0.5",
           "easy_to_switch": "yes"}
FILE = ("segment,customers,annual_margin,retention_rate,top_box_share,target_top_box_share\n"
        "Fleet,90,15000,0.88,0.15,0.5\nCoupon,3000,140,0.4,0.6,0.6\n")


def test_the_page_results_in_chinese_with_the_english_amounts(monkeypatch):
    values = json.dumps({"discount_rate": "0.1", "retention_gain": "0.02", "segments": [SEGMENT]})
    english_page, chinese_page = both_pages(monkeypatch, "satisfaction_targets", values)
    for english_text, chinese in zip(english_page["summary"], chinese_page["summary"],
                                     strict=True):
        assert_chinese_twin(english_text, chinese)
    assert_chinese_twin(english_page["chart"]["alt"], chinese_page["chart"]["alt"])
    for english_table, chinese_table in zip(english_page["tables"], chinese_page["tables"],
                                            strict=True):
        assert_chinese_twin(english_table["caption"], chinese_table["caption"])
        assert numbers_of(chinese_table) == numbers_of(english_table)
    assert "攸關的價值" in chinese_page["chart"]["svg"]


def test_the_page_file_and_a_bad_gain_in_chinese(monkeypatch):
    good = json.dumps({"discount_rate": "0.1", "retention_gain": "0"})
    bad = json.dumps({"discount_rate": "0.1", "retention_gain": "0.5"})
    english_good, chinese_good = both_pages(monkeypatch, "satisfaction_targets", FILE, good,
                                            "a.csv")
    english_bad, chinese_bad = both_pages(monkeypatch, "satisfaction_targets", FILE, bad, "a.csv")
    assert [table["rows"] for table in chinese_good["tables"]][0][0][0]["value"] == 1
    for english_text, chinese in zip(english_good["summary"], chinese_good["summary"],
                                     strict=True):
        assert_chinese_twin(english_text, chinese)
    assert english_bad["messages"] and chinese_bad["messages"]
    assert_chinese_twin(english_bad["messages"][0]["text"], chinese_bad["messages"][0]["text"])
