"""Every exercise: each check passes on its solution and says "not attempted" on the blank.

The solution notebooks in ``solutions/`` are the only source. Each is run here,
cell by cell, in one namespace (as a learner would run it), then every
question's check is asked; the same is done with the exercise generated from
it, whose answers are blank.
"""

from __future__ import annotations

import re
from pathlib import Path

import nbformat
import pytest

from customer_focus.publish.exercises import exercise_from_solution, solution_code

ROOT = Path(__file__).resolve().parent.parent
SOLUTIONS = sorted((ROOT / "solutions").glob("*.ipynb"))
# A tool moved to tools/ imports its exercise module; one not moved yet, its practice module.
_SETUP = re.compile(r"from (customer_focus\.tools\.\w+) import [\w, ]*\bexercise\b")


def _run(notebook: nbformat.NotebookNode, folder: Path, monkeypatch) -> dict:
    """Run a notebook's code cells in order in one namespace; return the namespace."""
    monkeypatch.chdir(folder)
    namespace: dict = {"__name__": "__main__"}
    for cell in notebook.cells:
        if cell.cell_type == "code" and cell.source.strip():
            exec(compile(cell.source, f"<{folder.name} cell>", "exec"), namespace)  # noqa: S102 - the course's own notebooks
    return namespace


def _module(notebook: nbformat.NotebookNode) -> str:
    """The name of the exercise module the notebook's set-up cell imports."""
    for cell in notebook.cells:
        match = _SETUP.search(cell.source)
        if match:
            return f"{match.group(1)}.exercise"
    raise AssertionError("no set-up cell importing a tool's exercise module")


@pytest.mark.parametrize("path", SOLUTIONS, ids=[path.stem for path in SOLUTIONS])
def test_every_question_has_a_solution_and_its_check_passes(path, monkeypatch):
    notebook = nbformat.read(path, as_version=4)
    namespace = _run(notebook, path.parent, monkeypatch)
    exercise = namespace["exercise"]
    assert exercise.__name__ == _module(notebook)
    questions = exercise.exercise.questions
    assert sorted(solution_code(path)) == sorted(questions)
    for name, question in questions.items():
        feedback = question.check()
        assert feedback.passed, (path.name, name, str(feedback))


@pytest.mark.parametrize("path", SOLUTIONS, ids=[path.stem for path in SOLUTIONS])
def test_blank_exercise_says_not_attempted_for_every_question(path, monkeypatch):
    blank = exercise_from_solution(nbformat.read(path, as_version=4), name=path.name)
    namespace = _run(blank, path.parent, monkeypatch)
    for name, question in namespace["exercise"].exercise.questions.items():
        assert question.check().status == "Not attempted yet", (path.name, name)
        assert question.hint().message and question.solution().message
