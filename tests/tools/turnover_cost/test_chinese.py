"""The turnover cost worksheet in Traditional Chinese: its messages, sentences, tables and chart,
made by the real functions with the package speaking zh_TW (the notebook's functions, and the
page's as the browser calls them, from the zh-TW edition's archive). Each says in Chinese what
the English says, with the same numbers; no English is left but names."""

from __future__ import annotations

import json

import pandas as pd
import pytest

from chinese_text import english_words, is_chinese, numbers_in
from customer_focus.core.messages import language
from customer_focus.tools.turnover_cost import calc, describe, form, table
from live_archive import page_texts

#: Names that stay as they are in the Chinese: authors, data names, the job's name.
NAMES = {"Boushey", "Glynn", "Cascio", "Boudreau", "Agent", "salary", "line", "category",
         "separation", "vacancy", "replacement", "training", "learning_curve", "bogus",
         "exit_interview", "hr_admin", "separation_pay", "unemployment_tax", "overtime_or_temps",
         "lost_sales", "advertising", "interviews", "testing", "travel_relocation", "checks",
         "trainee_time", "trainer_time", "materials", "weeks_to_full_productivity", "csv",
         "productivity_while_learning", "jobs", "job", "Clerk", "nothing"}


def english_left(text: str) -> list[str]:
    """The English words of ``text`` that are not names (quoted or not)."""
    return english_words(text, kept=NAMES, quoted=False, word=r"[A-Za-z][A-Za-z_]+")


def numbers(text: str) -> list[str]:
    """The numbers of a text (percent and dollar marks kept), in order."""
    return numbers_in(text, percent=True, dollar=True)


def test_the_sentence_and_the_alt_text_say_the_english_numbers_in_chinese():
    cost = calc.turnover_cost(**calc.course_example())
    row = describe.as_row(cost, "Agent")
    english = [describe.cost_sentence(cost), describe.cost_chart([row]),
               describe.cost_chart([row, {**row, "job": "Agent"}])]
    with language("zh_TW"):
        said = [describe.cost_sentence(cost), describe.cost_chart([row]),
                describe.cost_chart([row, {**row, "job": "Agent"}])]
    assert said[0].startswith("一人離職的成本：$9,453.85")
    for text, original in zip(said, english, strict=True):
        assert is_chinese(text) and english_left(text) == [], text
        assert sorted(numbers(text)) == sorted(numbers(original))


@pytest.mark.parametrize("call", [
    lambda: calc.line_cost("learning_curve"),
    lambda: calc.line_cost("separation", advertising=100),
    lambda: calc.turnover_cost(**calc.course_example(), bogus=1),
    lambda: calc.turnover_cost(**calc.course_example()).amount("nothing"),
])
def test_a_bad_input_is_refused_in_chinese(call):
    with language("zh_TW"), pytest.raises(ValueError) as refused:
        call()
    message = str(refused.value)
    assert is_chinese(message) and english_left(message) == [], message


def test_a_salary_of_0_is_refused_in_chinese_with_what_was_given():
    with language("zh_TW"), pytest.raises(ValueError, match="您填的是 0") as refused:
        calc.turnover_cost(**{**calc.course_example(), "salary": 0})
    assert "必須大於 0" in str(refused.value)


def test_the_tables_for_reading_are_in_chinese_with_the_same_amounts():
    cost = calc.turnover_cost(**calc.course_example())
    english = form.category_table(cost)
    with language("zh_TW"):
        shown = form.category_table(cost)
        benchmarks = form.benchmarks_table(36000)
        jobs = form.jobs_table(table.as_row(cost, "Agent"))
    assert shown.loc["合計", "金額"] == english.loc["Total", "Amount"] == "$9,453.85"
    assert list(shown.index[:5]) == ["離職", "職缺", "替補（招募）", "訓練", "學習曲線"]
    assert shown["金額"].tolist() == english["Amount"].tolist()
    assert benchmarks.loc["典型（中位數）成本", "以此年薪計"] == "$7,560.00"
    assert "學習曲線" in jobs.columns and jobs.loc["Agent", "占年薪比例"] == "26.3%"
    for frame in (shown, benchmarks, jobs):
        words = " ".join(map(str, [*frame.columns, *frame.index, *frame.to_numpy().ravel()]))
        assert english_left(words) == [], words


@pytest.mark.filterwarnings("ignore:Glyph")  # the chart's CJK font is core.figures' to choose
def test_the_chart_is_labelled_in_chinese():
    cost = calc.turnover_cost(**calc.course_example())
    with language("zh_TW"):
        figure = form.cost_by_category_chart(table.as_row(cost, "Agent"))
    axes = figure.axes[0]
    labels = [text.get_text() for text in figure.legends[0].get_texts()]
    assert axes.get_xlabel() == "一人離職的成本（括號內為占年薪比例）"
    assert labels[:3] == ["離職", "職缺", "替補（招募）"] or "離職" in labels
    assert all(english_left(label) == [] for label in labels), labels


def test_the_file_of_jobs_refuses_a_salary_of_0_in_chinese():
    jobs = pd.DataFrame({"job": ["Agent"], "salary": [0], "weeks_to_full_productivity": [12],
                         "productivity_while_learning": [0.5]})
    with language("zh_TW"), pytest.raises(ValueError, match="'salary' 欄") as refused:
        table.compare_jobs(jobs)
    assert "必須大於 0" in str(refused.value)


_VALUES = {"job": "Agent", "salary": "36,000", "hr_admin": "300",
           "weeks_to_full_productivity": "12", "productivity_while_learning": "0.5"}
_FILE = ("job,salary,weeks_to_full_productivity,productivity_while_learning,hr_admin\n"
         "Agent,36000,12,0.5,300\nClerk,30000,8,0.5,200\n")


def test_the_page_shows_the_results_in_chinese_with_the_english_numbers(page):
    call = f"live.run_json('turnover_cost', {json.dumps(json.dumps(_VALUES))})"
    said, english = page(call), page(call, "en")
    assert said["summary"][0].startswith("一人離職的成本：$4,453.85")
    assert said["tables"][0]["caption"] == "一人離職的成本，依類別"
    for text in page_texts(said):
        assert english_left(text) == [], text
    assert [sorted(numbers(text)) for text in page_texts(said)] == [
        sorted(numbers(text)) for text in page_texts(english)]


def test_the_page_reads_a_file_of_jobs_in_chinese(page):
    call = f"live.run_table_json('turnover_cost', {_FILE!r}, '{{}}', 'jobs.csv')"
    said, english = page(call), page(call, "en")
    assert said["tables"][0]["caption"] == "一人離職的成本，依職務"
    for text in page_texts(said):
        assert english_left(text) == [], text
    assert sorted(n for t in page_texts(said) for n in numbers(t)) == sorted(
        n for t in page_texts(english) for n in numbers(t))


def test_the_page_refuses_a_bad_input_in_chinese_at_its_field(page):
    """A salary of 0 (the worksheet's own check; its help is the edition's, from the archive)."""
    values = {**_VALUES, "salary": "0"}
    said = page(f"live.run_json('turnover_cost', {json.dumps(json.dumps(values))})")
    message = said["messages"][0]
    assert message["field"] == "salary"
    assert is_chinese(message["text"]) and english_left(message["text"]) == [], message
    assert "必須大於 0" in message["text"] and "年薪" in message["text"]
