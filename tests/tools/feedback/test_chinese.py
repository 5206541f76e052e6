"""The customer feedback worksheet in Traditional Chinese: its messages, sentences, summary table
and chart, made by the real functions with the package speaking zh_TW (the notebook's functions,
and the page's as the browser calls them, from the zh-TW edition's archive). Each says in Chinese
what the English says, with the same numbers; no English is left but names and NPS."""

from __future__ import annotations

import json

import pandas as pd
import pytest

from chinese_text import english_words, is_chinese, numbers_in
from customer_focus.core.messages import language
from customer_focus.tools.feedback import calc, describe, form, table
from live_archive import page_texts

#: What stays as it is in the Chinese: the score's name, data names, the segments' names.
NAMES = {"NPS", "recommend", "satisfaction", "scores", "promoters", "passives", "detractors",
         "North", "South", "csv", "X"}


def english_left(text: str) -> list[str]:
    """The English words of ``text`` that are not names (quoted or not)."""
    return english_words(text, kept=NAMES, quoted=False, word=r"[A-Za-z][A-Za-z_]+")


def numbers(text: str) -> list[str]:
    """The numbers of a text (percent and signed marks kept), sorted."""
    return sorted(numbers_in(text, percent=True, signed=True))


COUNTS = [1, 0, 0, 2, 0, 0, 1, 3, 2, 4, 5]


def test_the_sentences_panel_titles_and_alt_text_say_the_english_numbers_in_chinese():
    row = calc.summary(COUNTS, [1, 2, 3, 6, 6])
    groups = [("North", COUNTS), ("All responses", COUNTS), ("(not given)", COUNTS[::-1])]

    def said() -> list[str]:
        return [*describe.sentences(row), describe.panel_title("All responses", COUNTS),
                describe.score_distribution(groups), describe.question_axis(),
                *(describe.group_label(key) for key in describe.GROUP_LABELS)]

    english = said()
    with language("zh_TW"):
        chinese_said = said()
    assert chinese_said[0].startswith("淨推薦值（NPS）：+28，根據 18 份回答")
    assert chinese_said[2] == "全部回覆：NPS +28（18 份回覆）"
    for text, original in zip(chinese_said, english, strict=True):
        assert is_chinese(text) and english_left(text) == [], text
        assert numbers(text) == numbers(original), (text, original)


@pytest.mark.parametrize("call", [
    lambda: calc.net_promoter_score([10, 11, 4.5]),
    lambda: calc.net_promoter_score([]),
    lambda: calc.net_promoter_score("10 9"),
    lambda: calc.nps_from_counts(0, 0, 0),
    lambda: calc.parse_answers("10 x", name="recommend", low=0, high=10),
    lambda: calc.parse_answers("10 11", name="recommend", low=0, high=10),
    lambda: calc.parse_answers("9.5", name="recommend", low=0, high=10),
])
def test_a_bad_answer_is_refused_in_chinese(call):
    with language("zh_TW"), pytest.raises(ValueError) as refused:
        call()
    message = str(refused.value)
    # the field's help comes from the spec (English in the notebook; the edition's in the page)
    message = message.replace(calc.FIELDS["score"].help, "")
    assert is_chinese(message) and english_left(message) == [], message


def test_the_summary_table_shows_the_groups_in_chinese_and_keeps_the_data_english():
    responses = pd.DataFrame({"recommend": [10, 9, 8, 3], "segment": ["North", "", "North", ""]})
    summary = table.analyze_feedback(responses, by="segment")
    english = form.summary_table(summary)
    with language("zh_TW"):
        shown = form.summary_table(summary)
    assert list(summary["group"]) == ["(not given)", "North", "All responses"]
    assert list(shown.index) == ["（未填）", "North", "全部回覆"]
    assert shown.index.name == "群組" and "誤差範圍（95%）" in shown.columns
    assert shown.to_numpy().tolist() == english.to_numpy().tolist()


@pytest.mark.filterwarnings("ignore:Glyph")  # the chart's CJK font is core.figures' to choose
def test_the_chart_is_labelled_in_chinese():
    distribution = table.score_distribution(pd.DataFrame({"recommend": [10, 9, 3]}))
    with language("zh_TW"):
        figure = form.score_distribution_chart(distribution)
    axes = figure.axes[0]
    assert axes.get_title(loc="left") == "全部回覆：NPS +33（3 份回覆）"
    assert axes.get_ylabel() == "答案占比（%）"
    assert figure.axes[-1].get_xlabel().startswith("「您有多大可能")
    assert [text.get_text() for text in figure.legends[0].get_texts()] == [
        "批評者（0–6）", "被動者（7–8）", "推薦者（9–10）"]


def test_an_empty_file_is_refused_in_chinese():
    empty = pd.DataFrame({"recommend": []})
    empty.attrs["source"] = "a.csv"
    with language("zh_TW"), pytest.raises(ValueError) as refused:
        table.check_feedback(empty)
    assert str(refused.value) == "a.csv：沒有任何回覆；請至少加入一列。"


def test_the_page_shows_the_results_in_chinese_with_the_english_numbers(page):
    values = json.dumps({"recommend_answers": "10 9 8 3", "satisfaction_answers": "5 4 3 2"})
    call = f"live.run_json('feedback', {json.dumps(values)})"
    said, english = page(call), page(call, "en")
    assert said["summary"][0].startswith("淨推薦值（NPS）：+25，根據 4 份回答")
    assert said["tables"][0]["caption"] == "淨推薦值（NPS）"
    for text in page_texts(said):
        assert english_left(text) == [], text
    assert [numbers(text) for text in page_texts(said)] == [
        numbers(text) for text in page_texts(english)]


def test_the_page_reads_a_file_by_segment_in_chinese(page):
    text = "recommend,segment\n10,North\n6,\n9,South\n"
    call = f"live.run_table_json('feedback', {text!r}, '{{}}', 'a.csv')"
    said, english = page(call), page(call, "en")
    assert [row[0]["text"] for row in said["tables"][0]["rows"]] == [
        "North", "South", "（未填）", "全部回覆"]
    for shown in page_texts(said):
        assert english_left(shown) == [], shown
    assert sorted(n for t in page_texts(said) for n in numbers(t)) == sorted(
        n for t in page_texts(english) for n in numbers(t))


@pytest.mark.parametrize(("values", "field"), [
    ({"recommend_answers": "10 x", "satisfaction_answers": ""}, "recommend_answers"),
    ({"recommend_answers": " ", "satisfaction_answers": ""}, "recommend_answers"),
    ({"recommend_answers": "10 9", "satisfaction_answers": "5"}, "satisfaction_answers"),
])
def test_the_page_refuses_a_bad_answer_in_chinese_at_its_box(page, values, field):
    said = page(f"live.run_json('feedback', {json.dumps(json.dumps(values))})")
    message = said["messages"][0]
    assert message["field"] == field
    assert is_chinese(message["text"]) and english_left(message["text"]) == [], message


def test_the_page_refuses_a_half_point_in_a_file_in_chinese(page):
    text = "recommend\n10\n9.5\n"
    said = page(f"live.run_table_json('feedback', {text!r}, '{{}}', 'a.csv')")
    message = said["messages"][0]["text"]
    assert "9.5" in message and "a.csv 第 3 列" in message
    assert is_chinese(message) and english_left(message) == [], message


def test_the_question_marked_for_the_catalog_is_the_specs():
    """The recommend question is the spec's ``score`` label, marked in describe for the catalog."""
    assert describe.NPS_QUESTION == calc.NPS_QUESTION
