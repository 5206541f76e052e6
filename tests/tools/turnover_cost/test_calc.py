"""Employee turnover cost (Tool 3): the course's illustrative job, the five lines, the
published benchmarks, bad input and properties of the arithmetic."""

from __future__ import annotations

import math

import pandas as pd
import pytest
from hypothesis import given
from hypothesis import strategies as st

from customer_focus.core.fields import Field
from customer_focus.core.validation import InputError
from customer_focus.tools.spec import load_spec
from customer_focus.tools.turnover_cost import calc


def _example() -> calc.TurnoverCost:
    return calc.turnover_cost(**calc.course_example())


# ---- docs/facts.md section 7: the course's illustrative worksheet, to the dollar -----------


def test_learning_curve_of_the_course_example_is_4153_85():
    assert calc.learning_curve_cost(36000, 12, 0.5) == pytest.approx(36000 / 52 * 12 * 0.5)
    assert round(calc.learning_curve_cost(36000, 12, 0.5), 2) == 4153.85
    assert round(calc.learning_curve_cost(36000, 12, 0.5)) == 4154


@pytest.mark.parametrize(
    ("category", "expected"),
    [
        ("separation", 300), ("vacancy", 2000), ("replacement", 1500), ("training", 1500),
        ("learning_curve", 4153.85),
    ],
)
def test_course_example_lines_match_facts(category, expected):
    assert _example().amount(category) == pytest.approx(expected, abs=0.005)


def test_course_example_total_is_9453_85_about_9450_and_26_percent():
    cost = _example()
    assert round(cost.total, 2) == 9453.85
    assert round(cost.total / 50) * 50 == 9450
    assert cost.share_of_salary == pytest.approx(9453.846 / 36000, abs=1e-6)
    assert round(cost.share_of_salary * 100) == 26


def test_learn_chapter_exercise_numbers():
    # 8 weeks instead of 12 at 50%: about $2,769 instead of $4,154, saving about $1,385 a hire.
    eight = calc.learning_curve_cost(36000, 8, 0.5)
    assert round(eight) == 2769
    assert round(calc.learning_curve_cost(36000, 12, 0.5) - eight) == 1385
    # Ten departures a year: about $94,500.
    assert round(10 * _example().total / 100) * 100 == 94500


def test_the_course_example_is_the_specs_worked_example():
    example = calc.course_example()
    assert example == load_spec("turnover_cost").example
    assert example["salary"] == 36000 and isinstance(example["salary"], int)
    example["salary"] = 1  # a copy: the next caller gets the course's numbers again
    assert calc.course_example()["salary"] == 36000


def test_the_lines_hold_every_line_item_once_in_the_specs_order():
    assert calc.LINE_ITEMS["advertising"] == "replacement"
    job = {"job", "salary", "weeks_to_full_productivity", "productivity_while_learning"}
    assert list(calc.LINE_ITEMS) == [name for name in calc.FIELDS if name not in job]
    assert calc.CATEGORIES["learning_curve"].items == ()


def test_items_hold_every_line_item_and_the_learning_curve():
    cost = _example()
    assert list(cost.items) == [*calc.LINE_ITEMS, "learning_curve"]
    assert math.fsum(cost.items.values()) == pytest.approx(cost.total)
    assert cost.share_of_total("learning_curve") == pytest.approx(4153.846 / 9453.846, abs=1e-6)


def test_each_line_adds_its_items():
    assert calc.line_cost(
        "separation", exit_interview=100, hr_admin=200, separation_pay=50, unemployment_tax=25
    ) == 375
    assert calc.line_cost("vacancy", overtime_or_temps=1400, lost_sales=600) == 2000
    assert calc.line_cost(
        "replacement", advertising=1, interviews=2, testing=3, travel_relocation=4, checks=5
    ) == 15
    assert calc.line_cost("training", trainee_time=800, trainer_time=500, materials=200) == 1500
    assert calc.line_cost("separation") == 0


def test_the_computed_line_and_an_unknown_line_are_refused_by_name():
    for line in ("learning_curve", "hiring"):
        with pytest.raises(InputError, match="line must be one of separation, vacancy, "
                           "replacement, training; you gave") as caught:
            calc.line_cost(line, advertising=500)
        assert caught.value.name == "line"


def test_amount_takes_a_lines_name_or_label():
    assert _example().amount("Replacement (hiring)") == _example().amount("replacement") == 1500


# ---- Boushey & Glynn (2012) reference range ----------------------------------------------


def test_benchmarks_reproduce_boushey_and_glynn():
    table = pd.DataFrame(calc.benchmarks(36000))
    assert calc.BOUSHEY_GLYNN_MEDIAN == 0.21
    assert table["share_of_salary"].tolist() == [0.21, 0.16, 2.13]
    assert table["amount"].round(2).tolist() == [7560.0, 5760.0, 76680.0]
    assert "27 case studies" in table.loc[0, "basis"]
    assert all("Boushey & Glynn (2012)" in source for source in table["source"])
    assert table.loc[1, "source"].endswith("as often quoted")
    assert table.loc[2, "source"].endswith("as often quoted")
    assert list(table.columns) == ["estimate", "share_of_salary", "amount", "basis", "source"]


def test_benchmarks_leave_out_the_untraced_shrm_figure():
    text = pd.DataFrame(calc.benchmarks(50000)).to_string()
    assert "SHRM" not in text and "months" not in text


# ---- bad input: an error that names the input, the value and the fix -----------------------


@pytest.mark.parametrize("salary", [0, -36000])
def test_turnover_cost_rejects_a_salary_that_is_not_positive(salary):
    message = (
        rf"salary must be more than 0 \(the job's yearly salary, in dollars\); you gave {salary}"
    )
    with pytest.raises(ValueError, match=message):
        calc.turnover_cost(salary, weeks_to_full_productivity=12, productivity_while_learning=0.5)


@pytest.mark.parametrize("salary", ["36000", None, float("nan"), float("inf"), True])
def test_turnover_cost_rejects_a_salary_that_is_not_a_number(salary):
    with pytest.raises(ValueError, match="salary must be a"):
        calc.turnover_cost(salary, weeks_to_full_productivity=12, productivity_while_learning=0.5)


def test_productivity_typed_in_percent_suggests_a_decimal():
    message = (
        r"productivity_while_learning must be a decimal from 0 up to and including 1.*"
        r"If you meant 50%, type 0.5"
    )
    with pytest.raises(ValueError, match=message):
        calc.turnover_cost(36000, weeks_to_full_productivity=12, productivity_while_learning=50)


def test_productivity_above_one_is_explained():
    with pytest.raises(ValueError, match="cannot average more than full productivity"):
        calc.learning_curve_cost(36000, 12, 1.2)


def test_negative_productivity_is_rejected():
    with pytest.raises(ValueError, match="A negative productivity_while_learning has no meaning"):
        calc.learning_curve_cost(36000, 12, -0.1)


@pytest.mark.parametrize("weeks", [-1, 600])
def test_weeks_out_of_range_are_rejected(weeks):
    message = (
        rf"weeks_to_full_productivity must be a number of weeks from 0 to 520 .*you gave {weeks}"
        r".*a year is 52"
    )
    with pytest.raises(ValueError, match=message):
        calc.turnover_cost(36000, weeks_to_full_productivity=weeks, productivity_while_learning=0.5)


def test_check_weeks_names_the_input_of_any_tool():
    vacancy = Field("vacancy_weeks", "Weeks empty", help="the weeks the job stays empty", min=0,
                    max=520)
    assert calc.check_weeks(vacancy, 8) == 8.0
    with pytest.raises(InputError, match=r"^vacancy_weeks must be a number of weeks from 0 to 520 "
                       r"\(the weeks the job stays empty\); you gave 600") as caught:
        calc.check_weeks(vacancy, 600)
    assert caught.value.name == "vacancy_weeks"


def test_negative_line_item_is_rejected_by_name():
    message = (
        r"advertising must be 0 or more \(job advertisements and agency fees, in dollars\); "
        r"you gave -500"
    )
    with pytest.raises(ValueError, match=message):
        calc.turnover_cost(
            36000, weeks_to_full_productivity=12, productivity_while_learning=0.5, advertising=-500
        )


def test_text_line_item_is_rejected_by_name():
    with pytest.raises(ValueError, match="lost_sales must be a number .*you gave '600'"):
        calc.line_cost("vacancy", lost_sales="600")


def test_learning_curve_needs_its_two_inputs():
    with pytest.raises(TypeError):
        calc.turnover_cost(36000)  # type: ignore[call-arg]


def test_an_unknown_line_item_is_named_with_the_known_ones():
    with pytest.raises(InputError, match="advertsing is not a line item of the worksheet; its "
                       "items are exit_interview, hr_admin") as caught:
        calc.turnover_cost(
            36000, weeks_to_full_productivity=12, productivity_while_learning=0.5, advertsing=500
        )
    assert caught.value.name == "advertsing"


def test_a_line_rejects_another_lines_item():
    with pytest.raises(InputError, match="advertising is not an item of the separation line; its "
                       "items are exit_interview, hr_admin, separation_pay, unemployment_tax"):
        calc.line_cost("separation", advertising=500)


def test_amount_rejects_an_unknown_category():
    with pytest.raises(ValueError, match="category must be one of 'separation', 'vacancy'"):
        _example().amount("recruiting")


# ---- properties -------------------------------------------------------------------------

salaries = st.floats(min_value=1.0, max_value=1e7)
amounts = st.floats(min_value=0.0, max_value=1e6)
weeks = st.floats(min_value=0.0, max_value=520.0)
shares = st.floats(min_value=0.0, max_value=1.0)


@given(salaries, weeks, shares, st.dictionaries(st.sampled_from(sorted(calc.LINE_ITEMS)), amounts))
def test_total_is_the_sum_of_the_lines_and_the_items(salary, span, productivity, items):
    cost = calc.turnover_cost(
        salary, weeks_to_full_productivity=span, productivity_while_learning=productivity, **items
    )
    assert cost.total == pytest.approx(math.fsum(cost.lines.values()), rel=1e-9, abs=1e-6)
    learning = calc.learning_curve_cost(salary, span, productivity)
    assert cost.total == pytest.approx(math.fsum(items.values()) + learning, rel=1e-9, abs=1e-6)
    assert cost.share_of_salary == pytest.approx(cost.total / salary)
    assert cost.total >= 0


@given(salaries, weeks, shares, shares)
def test_learning_curve_falls_as_productivity_rises(salary, span, p1, p2):
    low, high = sorted((p1, p2))
    assert calc.learning_curve_cost(salary, span, high) <= calc.learning_curve_cost(
        salary, span, low
    ) + 1e-9


@given(salaries, weeks, weeks, shares)
def test_learning_curve_grows_with_the_weeks(salary, w1, w2, productivity):
    short, long = sorted((w1, w2))
    assert calc.learning_curve_cost(salary, short, productivity) <= calc.learning_curve_cost(
        salary, long, productivity
    ) + 1e-9


@given(salaries, weeks, shares, st.floats(min_value=0.1, max_value=10))
def test_learning_curve_is_proportional_to_the_salary(salary, span, productivity, factor):
    assert calc.learning_curve_cost(salary * factor, span, productivity) == pytest.approx(
        factor * calc.learning_curve_cost(salary, span, productivity), rel=1e-9, abs=1e-9
    )


@given(
    st.one_of(st.floats(allow_nan=True, allow_infinity=True), st.integers(), st.text(), st.none()),
    st.one_of(st.floats(allow_nan=True, allow_infinity=True), st.integers(), st.none()),
    st.one_of(st.floats(allow_nan=True, allow_infinity=True), st.text(), st.none()),
)
def test_any_input_gives_a_finite_cost_or_a_value_error(salary, span, productivity):
    try:
        cost = calc.turnover_cost(
            salary, weeks_to_full_productivity=span, productivity_while_learning=productivity
        )
    except ValueError:
        return
    assert math.isfinite(cost.total) and math.isfinite(cost.share_of_salary)
