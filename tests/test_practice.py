"""check()/hint()/solution(): each check passes on the solution and fails on a wrong answer."""

from __future__ import annotations


import pytest

from customer_focus.checking import ChoiceQuestion, Exercise, Feedback, NumberQuestion
from customer_focus.practice import lifetime_value


WRONG = {
    "q1": (1037.04, "You counted the first margin today"),
    "q2": (12.5, "rise in the retention rate itself"),
    "q3": (99176.47, "forgot the $20,000"),
    "q4": (89.11, "as a decimal"),
}


@pytest.mark.parametrize("name", sorted(WRONG))
def test_check_fails_on_a_wrong_answer_and_says_why(name):
    question = lifetime_value.exercise.questions[name]
    value, reason = WRONG[name]
    lifetime_value.bind({question.variable: value})
    feedback = question.check()
    assert feedback.status == "Incorrect"
    assert reason in feedback.message


def test_text_instead_of_a_number_is_explained():
    lifetime_value.bind({"value_q1": "787"})
    assert "should be a number, but it holds str '787'" in lifetime_value.q1.check().message


def test_unrecognized_wrong_number_points_to_the_hint():
    lifetime_value.bind({"value_q1": 1.0})
    assert "Try `.hint()`" in lifetime_value.q1.check().message


def test_hint_and_solution_do_not_need_an_answer():
    assert lifetime_value.q1.hint().status == "Hint"
    assert "787.04" in lifetime_value.q1.solution().message


def test_unbound_question_explains_how_to_set_up():
    question = NumberQuestion("x", "Set x.", "hint", "x = 1", expected=1)
    with pytest.raises(RuntimeError, match="run the set-up cell"):
        question.check()


def test_feedback_displays_as_markdown_and_text():
    feedback = Feedback("Correct", "`x` = 1.")
    assert str(feedback) == "Correct: `x` = 1."
    assert feedback._repr_markdown_() == "**Correct:** `x` = 1."


def test_choice_question_accepts_any_case_and_explains_wrong_choices():
    question = ChoiceQuestion(
        "pick", "Pick one.", "hint", "loyal", options=("new", "loyal"), correct="loyal",
        reasons={"new": "The new account loses money."},
    )
    exercise = Exercise(q1=question)
    assert exercise.bind({"pick": " LOYAL "}).q1.check().passed
    assert exercise.bind({"pick": "new"}).q1.check().message == "The new account loses money."
    assert "is not one of the options" in exercise.bind({"pick": "maybe"}).q1.check().message
    assert "Exercise ready: 1 questions (q1)" in repr(exercise)
