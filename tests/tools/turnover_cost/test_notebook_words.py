"""The lines and the table the turnover cost worksheet shows, in English and in Chinese."""

from __future__ import annotations

from chinese_text import assert_chinese, both
from customer_focus.core.messages import language
from customer_focus.tools.turnover_cost import calc, describe, form


def test_the_learning_curve_line_works_the_cost_out():
    english, chinese = both(lambda: describe.learning_curve_line(36000, 12, 0.5))
    assert english == "Learning curve: $36,000 / 52 × 12 weeks × (1 - 0.5) = $4,153.85"
    assert chinese == "學習曲線：$36,000 / 52 × 12 週 × (1 - 0.5) = $4,153.85"
    assert_chinese(english, chinese)
    assert describe.learning_curve_line(52000, 4, 0.75).endswith("= $1,000.00")


def test_the_departure_line():
    cost = calc.turnover_cost(**calc.course_example())
    english, chinese = both(lambda: describe.departure_line(cost))
    assert english == "Cost of one departure: $9,453.85, or 26.3% of the salary"
    assert_chinese(english, chinese)


def test_the_line_items_keep_the_input_names_and_head_the_rest_in_the_readers_language():
    cost = calc.turnover_cost(**calc.course_example())
    english = form.line_items_table(cost)
    assert english.index.name == "item"
    assert english.columns.tolist() == ["category", "amount"]
    assert english.loc["learning_curve", "amount"] == "$4,153.85"
    with language("zh_TW"):
        chinese = form.line_items_table(cost)
    assert chinese.index.name == "項目"
    assert chinese.columns.tolist() == ["類別", "金額"]
    assert chinese.index.tolist() == english.index.tolist()
    assert chinese["金額"].tolist() == english["amount"].tolist()
