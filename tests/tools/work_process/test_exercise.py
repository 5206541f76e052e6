"""The work process exercise: each check explains the likely wrong answers."""

from __future__ import annotations

import pytest

from customer_focus.tools.work_process import exercise, table

from ..exercise_checks import assert_wrong_answer_explained

WRONG = {
    "q1": (27 / 103, "as a decimal"),
    "q2": (2, "first fail point"),
    "q3": (1, "Y and 1 mean yes too"),
    "q4": (27 / 103 * 100, "before the redesign"),
}


@pytest.mark.parametrize("name", sorted(WRONG))
def test_check_fails_on_a_wrong_answer_and_says_why(name):
    assert_wrong_answer_explained(exercise, name, *WRONG[name])


def test_redesign_removes_the_repeated_details_and_shortens_the_wait():
    redesigned = exercise.redesigned_steps()
    assert len(redesigned) == 7
    assert table.process_summary(redesigned)["total_minutes"] == 64
    assert table.process_summary(redesigned)["fail_points"] == 1


def test_the_solutions_name_the_notebooks_functions():
    assert "`table.process_summary(steps)`" in exercise.q1.hint_text
    assert "table.where_to_improve(steps)" in exercise.q2.solution_text
