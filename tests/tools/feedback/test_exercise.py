"""The feedback exercise: its numbers match the notebook, and each check explains the likely
wrong answers."""

from __future__ import annotations

import nbformat
import pytest

from customer_focus.tools.feedback import exercise

from ..exercise_checks import assert_wrong_answer_explained, run_outside_the_course


def test_notebook_prints_the_same_scores_as_the_check(root):
    notebook = nbformat.read(root / "solutions/feedback.ipynb", as_version=4)
    assert any(cell.source.strip() == f"scores = {exercise.SCORES}" for cell in notebook.cells)


WRONG = {
    "q1": (0.25, "as a fraction"),
    "q1b": (38.46, "left the passives out of the total"),
    "q2": (25.0, "counted the 6 as a passive"),
    "q3": (3, "difference in the number of detractors"),
    "q4": ("a", "Reichheld's claim"),
}


@pytest.mark.parametrize("key", sorted(WRONG))
def test_check_fails_on_a_wrong_answer_and_says_why(key):
    assert_wrong_answer_explained(exercise, key[:2], *WRONG[key])


def test_the_exercise_imports_outside_the_course_and_reads_the_sample_only_when_checked(tmp_path):
    """The package works from any install: the book's sample file is needed by a check, not
    by the import, and its absence is explained."""
    lines = run_outside_the_course(
        "feedback", {'nps_q1': 25.0, 'detractor_gap_q3': 20.0}, "q1", "q3", tmp_path
    )
    assert lines[0] == "Correct"
    assert lines[1].startswith("Cannot find the course's folder")
    assert "CUSTOMER_FOCUS_COURSE" in lines[1]


def test_the_sample_is_the_worksheets_file_in_the_book(root):
    assert exercise.SAMPLE[-1] == "feedback-sample.csv"
    assert root.joinpath("book", *exercise.SAMPLE).is_file()
