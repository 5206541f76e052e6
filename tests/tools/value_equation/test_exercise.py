"""The value equation exercise: each check explains the likely wrong answers."""

from __future__ import annotations

import pytest

from customer_focus.tools.value_equation import exercise, table

from ..exercise_checks import assert_wrong_answer_explained

WRONG = {
    "q1": ((6 + 7) / 6, "divided by the price only"),
    "q2": (3.0, "The denominator falls, so the change is negative"),
    "q3": ("costs of acquiring the service", "not the firm's cost of winning a customer"),
    "q4": ("a", "not a percentage of value"),
}


@pytest.mark.parametrize("name", sorted(WRONG))
def test_check_fails_on_a_wrong_answer_and_says_why(name):
    assert_wrong_answer_explained(exercise, name, *WRONG[name])


def test_exercise_prompt_matches_the_computed_indexes():
    comparison = table.compare_alternatives(exercise.offers())
    current, idea = comparison.loc[0, "value_index"], comparison.loc[2, "value_index"]
    assert f"{idea:.2f}" in exercise.q4.prompt and f"{current:.2f}" in exercise.q4.prompt
    assert f"{idea / current - 1:.0%}" in exercise.q4.prompt


def test_the_solutions_name_the_notebooks_functions():
    assert "`comparison = table.compare_alternatives(offers)`" in exercise.q1.solution_text
    assert "`table.compare_alternatives` adds" not in exercise.q2.hint_text
