"""check()/hint()/solution(): the exercise engine every exercise notebook uses."""

from __future__ import annotations

import pytest

from customer_focus.core.checking import ChoiceQuestion, Exercise, Feedback, Mistake, NumberQuestion


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
    assert "Exercise ready: 1 question (q1)" in repr(exercise)


def test_a_known_mistake_is_explained_and_money_is_written_for_reading():
    question = NumberQuestion(
        "x", "Set x.", "hint", "x = 5", expected=5, unit="$",
        mistakes=(Mistake(-5, "You flipped the sign."),),
    )
    exercise = Exercise(q1=question)
    assert exercise.bind({"x": -5}).q1.check().message == "`x` = \u2212$5.00. You flipped the sign."
    assert exercise.bind({"x": 5}).q1.check().message == "`x` = $5.00."


def test_infinite_answers_are_explained():
    exercise = Exercise(q1=NumberQuestion("x", "Set x.", "hint", "x = 1", expected=1))
    assert "not a finite number" in exercise.bind({"x": float("inf")}).q1.check().message


def test_values_given_as_functions_are_computed_only_when_an_answer_is_checked():
    asked = []

    def options() -> tuple[str, ...]:
        asked.append("options")
        return ("new", "loyal")

    def double() -> float:
        asked.append("mistake")
        return 10.0

    choice = ChoiceQuestion(
        "pick", "Pick one.", "hint", "loyal", options=options, correct=lambda: "loyal",
        reasons={"new": "The new account loses money."},
    )
    number = NumberQuestion(
        "x", "Set x.", "hint", "x = 5", expected=5, mistakes=(Mistake(double, "You doubled it."),)
    )
    exercise = Exercise(q1=choice, q2=number)
    assert asked == []
    assert exercise.bind({"pick": "Loyal", "x": 10}).q1.check().passed
    assert exercise.q2.check().message == "`x` = 10. You doubled it."
    assert "'new', 'loyal'" in exercise.bind({"pick": "maybe"}).q1.check().message
    assert asked == ["options", "mistake", "options"]
