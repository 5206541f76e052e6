"""The answer keys and the workbook come from the notebooks: every key's answer is what the
solution notebook computes when it runs now, and the workbook asks what the exercises ask."""

from __future__ import annotations

import contextlib
import io
import json
import os
import re
from pathlib import Path

import pytest

from customer_focus.core.paths import course_root
from customer_focus.course.exercise_notebooks import course_exercises, read_notebook
from customer_focus.sphinxext.workshop import answer_keys_markdown, workbook_markdown

ROOT = course_root()
NOTEBOOKS = {notebook.name: notebook for notebook in course_exercises(ROOT)}
NUMBER = re.compile(r"^`(\w+)` = (−|-)?\$?([\d,]+(?:\.\d+)?)(%?)")


def test_keys_exist_for_every_exercise():
    assert set(NOTEBOOKS) == {path.stem for path in (ROOT / "solutions").glob("*.ipynb")}
    assert len(NOTEBOOKS) == 10
    for notebook in NOTEBOOKS.values():
        assert len(notebook.questions) >= 4, notebook.name
        for question in notebook.questions:
            assert question.solution and question.answer and question.prompt, question.heading


def _run(name: str) -> dict:
    """Run a solution notebook's code cells in its own folder; return its variables."""
    import matplotlib

    matplotlib.use("Agg")
    cells = json.loads((ROOT / "solutions" / f"{name}.ipynb").read_text())["cells"]
    namespace: dict = {"__name__": "__main__"}
    here = Path.cwd()
    os.chdir(ROOT / "solutions")
    try:
        with contextlib.redirect_stdout(io.StringIO()):
            for cell in cells:
                if cell["cell_type"] == "code":
                    source = "".join(cell["source"])
                    lines = [
                        line
                        for line in source.splitlines()
                        if not line.lstrip().startswith(("%", "!"))
                    ]
                    exec(compile("\n".join(lines), f"{name}.ipynb", "exec"), namespace)  # noqa: S102
    finally:
        os.chdir(here)
    return namespace


@pytest.mark.parametrize("name", sorted(NOTEBOOKS))
def test_each_key_says_what_the_solution_computes_now(name):
    namespace = _run(name)
    key = answer_keys_markdown(ROOT, ROOT / "book/instructors/answer-keys.md")
    for question in NOTEBOOKS[name].questions:
        feedback = getattr(namespace["exercise"], question.check).check()
        assert feedback.passed, f"{name} {question.check}: {feedback}"
        assert feedback.message == question.answer, f"{name} {question.check}"
        escaped = question.answer.replace("$", "\\$")  # dollars are not math on the page
        assert f"**Answer:** {escaped}" in key
        number = NUMBER.match(question.answer)
        if number is None:  # a choice: the key names the value the solution chose
            variable = re.match(r"^`(\w+)` = (.+?)\.(\s|$)", question.answer).group(1)
            assert repr(namespace[variable]) in question.answer
            continue
        variable, minus, digits, percent = number.groups()
        shown = float(digits.replace(",", "")) * (-1 if minus else 1)
        value = float(namespace[variable])
        decimals = len(digits.partition(".")[2])
        assert abs(shown - value) <= 0.5 * 10**-decimals + 1e-9, (variable, shown, value)


def test_the_workbook_asks_every_question_of_the_exercises_with_space_to_work():
    page = ROOT / "book/practice/workbook.md"
    text = workbook_markdown(ROOT, page)
    questions = [question for notebook in NOTEBOOKS.values() for question in notebook.questions]
    assert text.count('class="cf-work-space"') == len(questions) == 40
    blank = {
        name: json.loads((ROOT / "exercises" / f"{name}.ipynb").read_text())["cells"]
        for name in NOTEBOOKS
    }
    for name, notebook in NOTEBOOKS.items():
        headings = [
            "".join(cell["source"]).split("\n")[0][3:]
            for cell in blank[name]
            if cell["cell_type"] == "markdown" and "".join(cell["source"]).startswith("## Question")
        ]
        assert [question.heading for question in notebook.questions] == headings
    # no answer leaks into the workbook
    for question in questions:
        assert question.answer not in text
        assert question.solution not in text


def test_links_in_the_workbook_work_from_its_page():
    page = ROOT / "book/practice/workbook.md"
    for target in re.findall(r"\]\(([^)#]+)", workbook_markdown(ROOT, page)):
        assert (page.parent / target).resolve().is_file(), target


def test_a_question_without_a_check_is_refused(tmp_path):
    solution = json.loads((ROOT / "solutions/kano.ipynb").read_text())
    solution["cells"] = [
        cell
        for cell in solution["cells"]
        if "".join(cell["source"]).strip() != "exercise.q2.check()"
    ]
    (tmp_path / "kano.ipynb").write_text(json.dumps(solution))
    with pytest.raises(
        ValueError, match=r'"Question 2: Better" needs a solution between the markers and a check'
    ):
        read_notebook(tmp_path / "kano.ipynb", ROOT / "exercises/kano.ipynb")
