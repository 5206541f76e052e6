"""The specific employee replacement cost exercise: each check explains the likely wrong answers."""

from __future__ import annotations

import pytest

from customer_focus.tools.replacement_cost import exercise

from ..exercise_checks import assert_wrong_answer_explained

WRONG = {
    "q1": (9000, "whole overtime pay"),
    "q2": (160000, "all 40 customers"),
    "q3": (67200, "Add the $5,090"),
    "q4": ("research", "illustrations"),
}


@pytest.mark.parametrize("name", sorted(WRONG))
def test_check_fails_on_a_wrong_answer_and_says_why(name):
    assert_wrong_answer_explained(exercise, name, *WRONG[name])


def test_one_year_of_margin_is_explained():
    exercise.bind({"customers_q2": 15000})
    assert "use their lifetime value" in exercise.q2.check().message


def test_hints_and_solutions_are_available():
    assert "premium" in exercise.q1.hint().message
    assert "$40,000" in exercise.q2.solution().message
    assert "$72,290" in exercise.q3.solution().message


def test_the_texts_name_the_notebooks_functions():
    assert "`calc.vacancy_cost(weekly_pay, vacancy_weeks)`" in exercise.q1.hint().message
    assert "= calc.customers_at_risk_value(" in exercise.q2.solution().message
