"""What the replacement cost worksheet prints and shows from its own cells, said by the
package: the estimate worked line by line, the inputs; in English as the notebook's saved
outputs have them, and in Chinese with the same numbers (the Excel check and the saved files:
``tests/tools/test_closing_lines.py``)."""

from __future__ import annotations

from chinese_text import assert_chinese, both
from customer_focus.core.messages import language
from customer_focus.tools.replacement_cost import calc, describe, form, table

EXAMPLE = calc.course_example()


def test_the_worked_example_line_by_line_in_english():
    assert describe.working_lines(EXAMPLE) == [
        "Weekly pay: $78,000 / 52 = $1,500.00; hourly pay: $1,500.00 / 40 = $37.50",
        "Vacancy: 8 weeks × ($1,500.00 × 0.5 + $500) = $10,000.00",
        "Replacement: 40 h × $60 + $3,000 + $500 = $5,900.00",
        "Training: 40 h × $37.50 + 20 h × $60 + $300 = $3,000.00",
        "Learning curve: $1,500.00 × 26 weeks × (1 - 0.6) = $15,600.00",
        "Lifetime value of one customer: $5,000 × 0.85 / (1 + 0.10 - 0.85) = $17,000.00",
        "Customers who may follow: 30 × 20% = 6 customers × $17,000.00 = $102,000.00",
        "Total: $137,000.00, or 176% of Maria's yearly pay",
    ]


def test_the_worked_example_in_chinese_with_the_same_numbers():
    english, chinese = both(lambda: "\n".join(describe.working_lines(EXAMPLE)))
    for line_en, line_zh in zip(english.splitlines(), chinese.splitlines(), strict=True):
        assert_chinese(line_en, line_zh, "Maria")


def test_each_way_of_covering_the_vacancy_has_its_formula():
    temp = {**EXAMPLE, "cover": "temp", "temp_weekly_cost": 1900}
    uncovered = {**EXAMPLE, "cover": "uncovered"}
    assert calc.cost_of_losing(**temp).amount("vacancy") == 8 * (400 + 500)
    assert describe.working_lines(temp)[1] == (
        "Vacancy: 8 weeks × ($400.00 a week paid to the temp above the pay saved + $500) "
        "= $7,200.00")
    assert describe.working_lines(uncovered)[1] == (
        "Vacancy: 8 weeks × $500 of margin lost = $4,000.00")
    for inputs in (temp, uncovered):
        english, chinese = both(lambda inputs=inputs: describe.working_lines(inputs)[1])
        assert_chinese(english, chinese)


def test_the_inputs_table_is_headed_in_the_readers_language():
    shown = form.inputs_table(EXAMPLE)
    assert (shown.index.name, shown.columns.tolist()) == ("input", ["value"])
    assert shown.loc["salary", "value"] == "78000"
    with language("zh_TW"):
        chinese = form.inputs_table(EXAMPLE)
    assert_chinese("", chinese.index.name)
    assert_chinese("", chinese.columns[0])
    assert chinese.index.tolist() == shown.index.tolist()


def test_the_worksheets_tables_are_headed_in_chinese():
    cost = calc.cost_of_losing(**EXAMPLE)
    with language("zh_TW"):
        shown = [form.line_table(cost), form.scenarios_table(cost),
                 form.employees_table(table.as_row(cost))]
    for frame in shown:
        for heading in [frame.index.name, *frame.columns]:
            assert_chinese("", heading)
