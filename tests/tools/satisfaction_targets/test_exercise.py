"""The satisfaction targets exercise: each check explains the likely wrong answers."""

from __future__ import annotations

import pytest

from customer_focus.tools.satisfaction_targets import exercise

from ..exercise_checks import assert_wrong_answer_explained

WRONG = {
    "q1": (50000.0, "You counted the first margin today"),
    "q2": (3_200_000.0, "already totally satisfied"),
    "q3": ("Students (free plan)", "Loyalty is not profit"),
    "q4": (5000.0, "Multiply by the 400 firms"),
}


@pytest.mark.parametrize("name", sorted(WRONG))
def test_check_fails_on_a_wrong_answer_and_says_why(name):
    assert_wrong_answer_explained(exercise, name, *WRONG[name])


def test_relative_instead_of_points_is_explained():
    exercise.bind({"gain_q4": exercise.q4.mistakes[0].value})
    assert "Two points means 88% → 90%" in exercise.q4.check().message


def test_the_solutions_name_the_notebooks_functions():
    assert "`plan = table.plan_targets(segments)`" in exercise.q2.solution_text
    assert "`table.what_if_retention(segments, 0.02)`" in exercise.q4.hint_text
