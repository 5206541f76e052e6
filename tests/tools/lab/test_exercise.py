"""The lab exercise's checks: a wrong answer is named with its likely mistake."""

from __future__ import annotations

import pytest

from customer_focus.tools.lab import exercise as practice

from ..exercise_checks import assert_wrong_answer_explained

# ---- the exercise checks ------------------------------------------------------------------------


WRONG = {
    "q1": (1139, "whole log"),
    "q2": (1.0, "Column 0"),
    "q3": (583.13, "not months"),
    "q4": (63.47, "value of the sales"),
}


@pytest.mark.parametrize("name", sorted(WRONG))
def test_check_fails_on_a_wrong_answer_and_says_why(name):
    assert_wrong_answer_explained(practice, name, *WRONG[name])


def test_unanswered_question_is_not_attempted():
    practice.bind({"repeat_buyers_q1": ...})
    assert practice.q1.check().status == "Not attempted yet"
