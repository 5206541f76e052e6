"""The lines and the table the Kano worksheet shows, in English and in Chinese (zh_TW)."""

from __future__ import annotations

import pandas as pd

from chinese_text import assert_chinese, both
from customer_focus.core.messages import language
from customer_focus.tools.kano import describe, form, table


def test_the_classify_line_names_the_category_and_the_practitioners_word():
    english, chinese = both(lambda: describe.classify_line("Like", "Live-with"))
    assert english == "Like / Live-with -> A: Attractive (practitioners say delighter)"
    assert chinese.startswith("Like / Live-with -> A：")
    assert_chinese(english, chinese, "Like", "Live-with")


def test_the_classify_line_of_a_category_without_a_practitioners_word():
    english, chinese = both(lambda: describe.classify_line("Neutral", "Neutral"))
    assert english == "Neutral / Neutral -> I: Indifferent"
    assert_chinese(english, chinese, "Neutral")


def test_the_answers_table_heads_the_category_in_the_readers_language():
    answers = pd.DataFrame({"respondent": ["C1"], "feature": ["Bike"],
                            "functional": ["Like"], "dysfunctional": ["Live-with"]})
    classified = table.classify_answers(answers)
    assert form.answers_table(classified).columns.tolist() == [
        "respondent", "feature", "functional", "dysfunctional", "category"]
    with language("zh_TW"):
        chinese = form.answers_table(classified)
    assert chinese.columns.tolist()[-1] == "類別"
    assert chinese.iloc[0].tolist()[-1] == "A"
