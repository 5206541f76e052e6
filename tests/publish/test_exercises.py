"""Exercises are generated from solutions and never drift."""

from __future__ import annotations

import shutil

import nbformat
import pytest
from nbclient import NotebookClient

from customer_focus.cli import main
from customer_focus.publish import exercises as builder
from customer_focus.sphinxext import kernel_wait


def test_code_solution_becomes_blank_assignments():
    source = (
        "setup = 1\n### BEGIN SOLUTION\ntable = f()\nanswer: float = table.x\n"
        "### END SOLUTION\nprint(answer)"
    )
    assert builder.clear_solution(source) == (
        "setup = 1\n"
        "# Your answer: replace each ... below, then run the cell.\n"
        "table = ...\nanswer = ...\n"
        "print(answer)"
    )


def test_indented_solution_keeps_its_indentation():
    source = (
        "def f():\n    ### BEGIN SOLUTION\n    result = 2\n    ### END SOLUTION\n    return result"
    )
    assert "    result = ..." in builder.clear_solution(source)


def test_solution_without_assignments_becomes_a_comment():
    assert (
        builder.clear_solution("### BEGIN SOLUTION\nprint(1)\n### END SOLUTION")
        == "# Your code here."
    )


def test_markdown_solution_becomes_a_prompt():
    source = "Why?\n\n### BEGIN SOLUTION\nBecause.\n### END SOLUTION"
    assert (
        builder.clear_solution(source, cell_type="markdown") == "Why?\n\n_Write your answer here._"
    )


def test_source_without_markers_is_unchanged():
    assert builder.clear_solution("x = 1\ny = 2") == "x = 1\ny = 2"


def test_unclosed_marker_names_the_cell_and_line():
    with pytest.raises(
        builder.MarkerError,
        match=r"solutions/a.ipynb: cell 3, line 2: '### BEGIN SOLUTION' is never closed",
    ):
        builder.clear_solution(
            "x = 1\n### BEGIN SOLUTION\ny = 2", where="solutions/a.ipynb: cell 3"
        )


def test_nested_marker_is_an_error():
    source = (
        "### BEGIN SOLUTION\na = 1\n### BEGIN SOLUTION\nb = 2\n### END SOLUTION\n### END SOLUTION"
    )
    with pytest.raises(
        builder.MarkerError,
        match=r"cell 1, line 3: '### BEGIN SOLUTION' inside the solution opened at line 1",
    ):
        builder.clear_solution(source, where="cell 1")


def test_end_without_begin_is_an_error():
    with pytest.raises(
        builder.MarkerError, match=r"line 1: '### END SOLUTION' without a '### BEGIN SOLUTION'"
    ):
        builder.clear_solution("### END SOLUTION")


def test_invalid_python_in_a_solution_is_an_error():
    with pytest.raises(builder.MarkerError, match="not valid Python"):
        builder.clear_solution("### BEGIN SOLUTION\nx = (\n### END SOLUTION")


def test_exercise_notebook_has_no_outputs_and_no_solution(root):
    solution = nbformat.read(root / "solutions/lifetime-value.ipynb", as_version=4)
    exercise = builder.exercise_from_solution(solution, name="solutions/lifetime-value.ipynb")
    assert "widgets" not in exercise.metadata
    assert exercise.metadata["customer_focus"]["generated_from"] == "solutions/lifetime-value.ipynb"
    for cell in exercise.cells:
        assert builder.BEGIN not in cell.source
        if cell.cell_type == "code":
            assert cell.outputs == [] and cell.execution_count is None
    assert "calc.lifetime_value(250" in nbformat.writes(solution)
    assert "calc.lifetime_value(250" not in nbformat.writes(exercise)
    assert any(builder.BEGIN in cell.source for cell in solution.cells)  # the solution is untouched


def test_committed_exercises_match_the_solutions(root):
    assert builder.drift(root / "solutions", root / "exercises", root=root) == []


def test_drift_is_reported_for_an_edited_exercise(tmp_path, root):
    shutil.copytree(root / "solutions", tmp_path / "solutions")
    builder.build_exercises(tmp_path / "solutions", tmp_path / "exercises", root=tmp_path)
    assert builder.drift(tmp_path / "solutions", tmp_path / "exercises", root=tmp_path) == []
    target = tmp_path / "exercises" / "lifetime-value.ipynb"
    target.write_text(target.read_text().replace("value_q1 = ...", "value_q1 = 787"))
    (tmp_path / "exercises" / "orphan.ipynb").write_text("{}")
    problems = builder.drift(tmp_path / "solutions", tmp_path / "exercises", root=tmp_path)
    assert any("lifetime-value.ipynb: differs" in problem for problem in problems)
    assert any("orphan.ipynb: has no solution notebook" in problem for problem in problems)


def test_command_line_writes_and_checks(tmp_path, root, monkeypatch, capsys):
    shutil.copytree(root / "solutions", tmp_path / "solutions")
    monkeypatch.chdir(tmp_path)
    assert main(["exercises", "--check"]) == 1
    assert "missing" in capsys.readouterr().err
    assert main(["exercises"]) == 0
    assert main(["exercises", "--check"]) == 0


def test_command_line_reports_a_marker_error(tmp_path, monkeypatch, capsys):
    (tmp_path / "solutions").mkdir()
    broken = nbformat.v4.new_notebook(
        cells=[nbformat.v4.new_code_cell("### BEGIN SOLUTION\nx = 1")]
    )
    nbformat.write(broken, tmp_path / "solutions" / "broken.ipynb")
    monkeypatch.chdir(tmp_path)
    assert main(["exercises"]) == 1
    assert (
        "solutions/broken.ipynb: cell 1, line 1: '### BEGIN SOLUTION' is never closed"
        in capsys.readouterr().err
    )


def test_unattempted_exercise_runs_and_every_check_says_not_attempted(root):
    kernel_wait.apply()
    notebook = nbformat.read(root / "exercises/lifetime-value.ipynb", as_version=4)
    NotebookClient(
        notebook,
        timeout=120,
        kernel_name="python3",
        resources={"metadata": {"path": str(root / "exercises")}},
    ).execute()
    verdicts = [
        output["data"]["text/plain"]
        for cell in notebook.cells
        if cell.cell_type == "code" and ".check()" in cell.source
        for output in cell.outputs
        if "data" in output
    ]
    assert len(verdicts) == 4
    assert all(verdict.startswith("Not attempted yet") for verdict in verdicts)
