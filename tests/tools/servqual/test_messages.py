"""The SERVQUAL tool in Traditional Chinese: its messages, the overall sentence, the dimensions'
names where shown, the chart's words and the page's results come from its catalog, carry the
same numbers as the English, and leave no English word but the survey's column names."""

from __future__ import annotations

import json
import re

import pandas as pd
import pytest

from chinese_text import both_pages, is_chinese, message_checks, numbers_of
from customer_focus.core.messages import language
from customer_focus.core.validation import InputError
from customer_focus.tools.servqual import calc, describe, form, table

#: English a Chinese message may keep: SERVQUAL, the survey's column names (E1 … P22,
#: W_tangibles …), the scale's letters, the inputs' names, the file's name, and the place of
#: a row in a notebook's table as core.tables names it (the core catalog's words).
COLUMN = re.compile(
    r"^(?:[EPW]\d*|W_[a-z]+|SERVQUAL|weights|a|csv|table|dimension_gaps|line|row)$")

EXAMPLE = {"expectations": [5.0, 6.6, 6.2, 6.0, 5.4], "perceptions": [5.4, 5.1, 5.0, 5.8, 5.6],
           "weights": [10, 35, 25, 15, 15]}


#: A word of a message: one letter or more (the scale's letters count).
WORD = r"[A-Za-z][A-Za-z_]*\d*"
#: The English words of a text, apart from those it may keep; that a Chinese text says the
#: English, the same numbers as many times each; what ``say()`` says in English, then Chinese.
english, assert_chinese_twin, both = message_checks(COLUMN, WORD)


def test_weights_that_do_not_add_up_are_said_in_chinese_with_their_sum():
    with language("zh_TW"), pytest.raises(InputError) as caught:
        calc.score_dimensions([6] * 5, [5] * 5, [10, 35, 25, 15, 10])
    assert caught.value.name == "weights"
    assert_chinese_twin("95 10 35 25 15 10 100 100", str(caught.value))


def test_a_survey_missing_its_columns_is_said_in_chinese():
    english_text, chinese = both(lambda: calc.check_columns(["E1"], "a.csv"))
    assert english_text.startswith("a.csv: missing columns 'E2'")
    assert_chinese_twin(english_text, chinese)


def test_the_overall_sentence_the_dimensions_and_the_alt_text_in_chinese():
    rows = table.score_dimensions(**EXAMPLE)
    assert_chinese_twin(*both(lambda: form.describe_servqual(rows)))
    assert_chinese_twin(*both(lambda: describe.overall_sentence("−0.20", "−0.200")))
    with language("zh_TW"):
        shown = form.dimension_table(rows)
        assert list(shown.index) == ["有形性", "可靠性", "回應性", "保證性", "同理心", "整體"]
        assert shown.loc["可靠性"].iloc[-1] == form.dimension_table(rows).iloc[1, -1]
        assert calc.item_meaning("P7") == "「可靠性第 3 題」的感受分數，從 1 到 7"
    assert list(rows["dimension"])[1] == "Reliability"  # the data stay English: read by name


@pytest.mark.filterwarnings("ignore:Glyph")  # the CJK font is chosen for the zh-TW build
def test_the_chart_speaks_chinese():
    rows = table.score_dimensions(**EXAMPLE)
    with language("zh_TW"):
        figure = form.servqual_chart(rows)
    axes = figure.axes[0]
    texts = [axes.get_xlabel(), *(label.get_text() for label in axes.get_yticklabels()),
             *(label.get_text() for label in figure.legends[0].get_texts())]
    for text in texts:
        assert is_chinese(text) and english(text) == [], text


# ---- the page, through the entry points the browser calls, with the language it sets

SIDES = {"expected": EXAMPLE["expectations"], "perceived": EXAMPLE["perceptions"],
         "points": EXAMPLE["weights"]}
KEYS = [dimension.key for dimension in calc.DIMENSIONS]


def test_the_page_results_in_chinese_with_the_english_numbers(monkeypatch):
    values = json.dumps({f"{key}_{side}": str(numbers_[index])
                         for side, numbers_ in SIDES.items() for index, key in enumerate(KEYS)})
    english_page, chinese_page = both_pages(monkeypatch, "servqual", values)
    for english_text, chinese in zip(english_page["summary"], chinese_page["summary"],
                                     strict=True):
        assert_chinese_twin(english_text, chinese)
    assert_chinese_twin(english_page["chart"]["alt"], chinese_page["chart"]["alt"])
    [english_table], [chinese_table] = english_page["tables"], chinese_page["tables"]
    assert chinese_table["caption"] == "各構面的落差"
    assert [row[0]["text"] for row in chinese_table["rows"]][-1] == "整體"
    assert numbers_of(chinese_table) == numbers_of(english_table)


def test_the_page_file_and_a_bad_file_in_chinese(monkeypatch):
    head = ",".join([*calc.EXPECTATION_COLUMNS, *calc.PERCEPTION_COLUMNS, *calc.WEIGHT_COLUMNS])
    good = head + "\n" + ",".join(["6"] * 22 + ["5"] * 22 + ["20"] * 5) + "\n"
    bad = head + "\n" + ",".join(["6"] * 22 + ["5"] * 22 + ["20"] * 4 + ["10"]) + "\n"
    english_good, chinese_good = both_pages(monkeypatch, "servqual", good, "{}", "a.csv")
    english_bad, chinese_bad = both_pages(monkeypatch, "servqual", bad, "{}", "a.csv")
    assert_chinese_twin(english_good["summary"][0], chinese_good["summary"][0])
    assert chinese_good["summary"][0].startswith("1 位受訪者。")
    assert numbers_of(chinese_good["tables"][0]) == numbers_of(english_good["tables"][0])
    assert english_bad["messages"] and chinese_bad["messages"]
    assert_chinese_twin(english_bad["messages"][0]["text"], chinese_bad["messages"][0]["text"])


def test_the_notebook_names_a_bad_weight_total_in_chinese():
    row = {**{f"E{i}": 6 for i in range(1, 23)}, **{f"P{i}": 5 for i in range(1, 23)},
           **dict.fromkeys(calc.WEIGHT_COLUMNS, 20), "W_empathy": 10}
    survey = pd.DataFrame([row])
    survey.attrs["source"] = "a.csv"
    english_text, chinese = both(lambda: table.dimension_gaps(survey))
    assert "adds up to 90" in english_text
    assert_chinese_twin(english_text, chinese)
