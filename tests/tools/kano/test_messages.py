"""The Kano tool in Traditional Chinese: its messages, sentences, chart words and the page's
results come from its catalog, carry the same numbers as the English, and leave no English
word but the answers, letters and names the learner's file holds."""

from __future__ import annotations

import json

import pandas as pd
import pytest

from chinese_text import both_pages, is_chinese, message_checks, numbers_of
from customer_focus.core.messages import language
from customer_focus.core.validation import InputError
from customer_focus.tools.kano import calc, describe, form, table

#: English a Chinese message may keep: the five answers a file holds, the six letters, the
#: function a notebook calls, and the features and files of these cases.
KEPT = {"Like", "Must-be", "Must", "be", "Neutral", "Live-with", "Live", "with", "Dislike",
        "Love", "A", "O", "M", "I", "R", "Q", "analyze_kano", "leave_out_undefined", "True",
        "Bike", "Sticker", "a.csv", "csv", "functional", "dysfunctional", "X",
        # a row of a notebook's table, as core.tables names it (the core catalog's words)
        "row"}

HEAD = "respondent,feature,functional,dysfunctional\n"


#: A word of a message: one letter or more (the scale's letters count).
WORD = r"[A-Za-z][A-Za-z_.-]*[A-Za-z]|[A-Za-z]"
#: The English words of a text, apart from those it may keep; that a Chinese text says the
#: English, the same numbers as many times each; what ``say()`` says in English, then Chinese.
english, assert_chinese_twin, both = message_checks(KEPT, WORD)


def test_no_answer_that_counts_is_said_in_chinese_with_the_same_counts():
    english_text, chinese = both(lambda: calc.summarize({"R": 3, "Q": 1}, "Bike"))
    assert english_text.startswith("Better and Worse cannot be computed")
    assert_chinese_twin(english_text, chinese)
    assert "反向品質" in chinese and "可疑回答" in chinese


def test_a_bad_answer_to_the_classification_is_said_in_chinese():
    with language("zh_TW"), pytest.raises(InputError) as caught:
        calc.classify("Love", "Dislike")
    assert caught.value.name == "functional"
    assert_chinese_twin("'Love'", str(caught.value))


def test_a_survey_that_repeats_a_respondent_names_the_same_lines_in_chinese():
    survey = pd.DataFrame({"respondent": [1, 1], "feature": ["Bike", "Bike"],
                           "functional": ["Like", "Like"], "dysfunctional": ["Neutral", "Dislike"]})
    english_text, chinese = both(lambda: table.analyze_kano(survey))
    assert "repeat" in english_text
    assert_chinese_twin(english_text, chinese)


def test_the_pair_the_feature_the_legend_and_the_alt_text_in_chinese():
    row = calc.summarize({"A": 28, "O": 12, "M": 4, "I": 12, "R": 2, "Q": 2}, "Bike")
    for say in (
        lambda: describe.pair_sentence("Like", "Live-with", "A"),
        lambda: describe.feature_sentence(calc.summarize(
            {"A": 28, "O": 12, "M": 4, "I": 12, "R": 2, "Q": 2}, "Bike"), "−0.29"),
        lambda: describe.legend_label("M"),
        lambda: describe.legend_label("tie"),
        lambda: form.describe_better_worse(table.summarize_counts(
            {"A": 28, "O": 12, "M": 4, "I": 12, "R": 2, "Q": 2}, "Bike")),
    ):
        assert_chinese_twin(*both(say))
    with language("zh_TW"):
        chinese_row = calc.summarize({"A": 28, "O": 12, "M": 4, "I": 12}, "Bike")
        assert (chinese_row["kano_name"], chinese_row["category"]) == ("魅力品質", "A")
        assert chinese_row["better"] == row["better"]
        assert form.results_table(table.summarize_counts({"A": 3}, "Bike")).columns[0] == "回答數"


@pytest.mark.filterwarnings("ignore:Glyph")  # the CJK font is chosen for the zh-TW build
def test_the_chart_speaks_chinese():
    results = table.summarize_counts({"A": 3, "O": 1}, "Bike")
    with language("zh_TW"):
        figure = form.better_worse_chart(results)
    axes = figure.axes[0]
    for text in (axes.get_xlabel(), axes.get_ylabel(),
                 *(label.get_text() for label in figure.legends[0].get_texts())):
        assert is_chinese(text) and english(text) == [], text


# ---- the page, through the entry points the browser calls, with the language it sets


def test_the_page_results_in_chinese_with_the_english_numbers(monkeypatch):
    values = json.dumps({"functional": "Like", "dysfunctional": "Live-with", "feature": "Bike",
                         "attractive": "28", "one_dimensional": "12", "must_be": "4",
                         "indifferent": "12", "reverse": "2", "questionable": "2"})
    english_page, chinese_page = both_pages(monkeypatch, "kano", values)
    for english_text, chinese in zip(english_page["summary"], chinese_page["summary"],
                                     strict=True):
        assert_chinese_twin(english_text, chinese)
    assert_chinese_twin(english_page["chart"]["alt"], chinese_page["chart"]["alt"])
    assert chinese_page["tables"][0]["caption"] == "一項功能"
    assert numbers_of(chinese_page["tables"][0]) == numbers_of(english_page["tables"][0])


def test_the_page_file_results_and_a_bad_file_in_chinese(monkeypatch):
    good = HEAD + ("1,Bike,Like,Neutral\n2,Bike,Like,Dislike\n3,Sticker,Like,Dislike\n"
                   "4,Bike,Like,Like\n")
    bad = HEAD + "1,Bike,Like,Neutral\n2,Sticker,Dislike,Like\n"
    english_good, chinese_good = both_pages(monkeypatch, "kano", HEAD + "1,Bike,Like,Neutral\n",
                                            "{}", "a.csv")
    english_bad, chinese_bad = both_pages(monkeypatch, "kano", bad, "{}", "a.csv")
    assert_chinese_twin(english_good["summary"][0], chinese_good["summary"][0])
    assert chinese_good["tables"][0]["caption"] == "已評估的功能"
    assert_chinese_twin(english_bad["messages"][0]["text"], chinese_bad["messages"][0]["text"])
    assert "Sticker" in chinese_bad["messages"][0]["text"]
    assert both_pages(monkeypatch, "kano", good, "{}", "a.csv")[1]["summary"][0] == (
        "根據 4 位受訪者的 4 筆回答，評估了 2 項功能。")
