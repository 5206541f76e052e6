"""The employee turnover cost exercise: each check explains the likely wrong answers."""

from __future__ import annotations

import pytest

from customer_focus.tools.turnover_cost import exercise

from ..exercise_checks import assert_wrong_answer_explained

WRONG = {
    "q1": (8307.69, "That is 12 full weeks of pay"),
    "q2": (0.2626, "as a decimal"),
    "q3": (1384.62, "saving per hire"),
    "q4": ("shrm", "No primary SHRM study"),
}


@pytest.mark.parametrize("name", sorted(WRONG))
def test_check_fails_on_a_wrong_answer_and_says_why(name):
    assert_wrong_answer_explained(exercise, name, *WRONG[name])


def test_leaving_out_the_learning_curve_is_explained():
    exercise.bind({"share_q2": 14.72})
    assert "left out the learning curve" in exercise.q2.check().message


def test_hints_and_solutions_are_available():
    assert "52" in exercise.q1.hint().message
    assert "$4,153.85" in exercise.q1.solution().message
    assert "$13,846.15" in exercise.q3.solution().message


def test_the_texts_quote_the_median_and_the_notebooks_names():
    exercise.bind({"share_q2": 26.26})
    assert "median of 21% of salary" in exercise.q2.check().message
    assert "the median cost was 21% of annual salary" in exercise.q4.solution().message
    assert "`calc.learning_curve_cost(" in exercise.q1.hint().message
