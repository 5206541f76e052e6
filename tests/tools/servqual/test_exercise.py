"""The SERVQUAL exercise: every check passes on its solution, and explains the likely wrong
answers."""

from __future__ import annotations

import pytest

from customer_focus.core import paths, tables
from customer_focus.publish.exercises import solution_code
from customer_focus.tools.servqual import calc, exercise, table

from ..exercise_checks import assert_wrong_answer_explained, run_outside_the_course

SAMPLE = "book/apply/tools/data/servqual-sample.csv"


def _solutions(root) -> dict[str, str]:
    """Each question's solution code, taken from the solution notebook itself."""
    return solution_code(root / "solutions/servqual.ipynb")


def test_check_passes_on_every_solution_in_order(root, monkeypatch):
    monkeypatch.chdir(root / "solutions")
    namespace = {"calc": calc, "table": table, "tables": tables, "paths": paths}
    solutions = _solutions(root)
    bound = exercise.bind(namespace)
    for name in ("q1", "q2", "q3", "q4"):
        exec(solutions[name], namespace)  # noqa: S102 - the course's own solution code
        result = bound.questions[name].check()
        assert result.passed, (name, result)


WRONG = {
    "q1": (1.3, "You computed E − P"),
    "q2": (1.31, "You computed E − P"),
    "q3": (-0.403, "unweighted score"),
    "q3b": (-75.06, "divide the points by 100"),
    "q4": ("Responsiveness", "reliability's is larger"),
    "q4b": ("Tangibles", "Perception beats expectation"),
}


@pytest.mark.parametrize("key", sorted(WRONG))
def test_check_fails_on_a_wrong_answer_and_says_why(key):
    assert_wrong_answer_explained(exercise, key[:2], *WRONG[key])


def test_the_reasons_of_question_4_still_match_the_sample(root):
    frame = table.dimension_gaps(tables.read_table(root / SAMPLE)).set_index("dimension")
    assert frame.loc["Tangibles", "gap"] > 0 and frame.loc["Empathy", "gap"] > 0
    assert (
        frame.loc["Reliability", "gap"]
        < frame.loc["Responsiveness", "gap"]
        < frame.loc["Assurance", "gap"]
        < 0
    )
    assert frame.loc["Reliability", "weight"] > frame.loc["Responsiveness", "weight"]


def test_the_exercise_imports_outside_the_course_and_reads_the_sample_only_when_checked(tmp_path):
    """The package works from any install: the book's sample file is needed by a check, not
    by the import, and its absence is explained."""
    lines = run_outside_the_course(
        "servqual", {'gap_q1': -1.3, 'first_q4': 'Reliability'}, "q1", "q4", tmp_path
    )
    assert lines[0] == "Correct"
    assert lines[1].startswith("Cannot find the course's folder")


def test_the_sample_is_the_worksheets_file_in_the_book(root):
    assert exercise.SAMPLE[-1] == "servqual-sample.csv"
    assert root.joinpath("book", *exercise.SAMPLE).is_file()
