"""The lifetime value exercise: each check explains the likely wrong answers."""

from __future__ import annotations

import pytest

from customer_focus.tools.lifetime_value import exercise

from ..exercise_checks import assert_wrong_answer_explained

WRONG = {
    "q1": (1037.04, "You counted the first margin today"),
    "q2": (12.5, "rise in the retention rate itself"),
    "q3": (99176.47, "forgot the $20,000"),
    "q4": (89.11, "as a decimal"),
}


@pytest.mark.parametrize("name", sorted(WRONG))
def test_check_fails_on_a_wrong_answer_and_says_why(name):
    assert_wrong_answer_explained(exercise, name, *WRONG[name])


def test_text_instead_of_a_number_is_explained():
    exercise.bind({"value_q1": "787"})
    assert "should be a number, but it holds str '787'" in exercise.q1.check().message


def test_unrecognized_wrong_number_points_to_the_hint():
    exercise.bind({"value_q1": 1.0})
    assert "Try `.hint()`" in exercise.q1.check().message


def test_hint_and_solution_do_not_need_an_answer():
    assert exercise.q1.hint().status == "Hint"
    assert "787.04" in exercise.q1.solution().message


def test_the_right_answers_pass_with_money_written_for_reading():
    exercise.bind({"value_q1": 787.037, "gap_q3": 119176.47})
    assert exercise.q1.check().message.startswith("`value_q1` = $787.04.")
    assert exercise.q3.check().passed


def test_the_figures_the_exercise_quotes_are_the_course_figures():
    # The exercise computes what it quotes from the cases' inputs; the pages place the
    # course's derived figures. Both must write the same numbers the same way.
    from customer_focus.course.cases import figure

    q1 = exercise.q1.prompt + exercise.q1.solution_text + exercise.q1.takeaway
    for name in ("margin", "retention", "discount_rate", "lifetime_value",
                 "margin_multiple", "margin_multiple:decimal1"):
        assert figure(f"clv_exercise.{name}") in q1, name
    q3 = exercise.q3.solution_text + exercise.q3.mistakes[0].explanation
    for name in ("opening.harbor.net_value", "opening.crestline.net_value", "opening.net_gap",
                 "opening.crestline.cost_to_win"):
        assert figure(name) in q3, name
    for name in ("opening.breakeven_retention", "opening.breakeven_retention:percent0"):
        assert figure(name) in exercise.q4.solution_text, name
