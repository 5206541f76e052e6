"""Write the learners' exercise notebooks from the authors' solution notebooks.

``solutions/`` is the only source. In its notebooks, the part of a cell that
answers a question stands between two marker lines (nbgrader style)::

    ### BEGIN SOLUTION
    value_q1 = calc.lifetime_value(250, 0.85, 0.12)
    ### END SOLUTION

:func:`build_exercises` writes ``exercises/`` with each such region replaced
by a stub: every variable the solution assigns becomes ``name = ...`` (the
blank that the checks report as "not attempted yet"), and Markdown answers
become a prompt. Outputs and execution counts are cleared. Unclosed or nested
markers are an error naming the notebook, the cell and the line.

``python -m customer_focus exercises`` writes the folder;
``python -m customer_focus exercises --check`` reports drift without writing.
"""

from __future__ import annotations

import ast
import re
import textwrap
from pathlib import Path

import nbformat

from ..course.exercise_notebooks import ANSWER_PROMPT, CODE_PROMPT_EMPTY

__all__ = [
    "MarkerError",
    "clear_solution",
    "exercise_from_solution",
    "build_exercises",
    "drift",
    "solution_code",
]

BEGIN = "### BEGIN SOLUTION"
END = "### END SOLUTION"
CODE_PROMPT = f"# {ANSWER_PROMPT}"
CODE_EMPTY = f"# {CODE_PROMPT_EMPTY}"
MARKDOWN_PROMPT = "_Write your answer here._"


class MarkerError(ValueError):
    """A solution notebook whose markers cannot be processed."""


def _stub_code(region: list[str], indent: str, where: str) -> list[str]:
    body = textwrap.dedent("\n".join(region))
    try:
        tree = ast.parse(body)
    except SyntaxError as error:
        raise MarkerError(
            f"{where}: the solution is not valid Python ({error.msg}, line {error.lineno})."
        ) from None
    names: list[str] = []
    for node in tree.body:
        targets = (
            node.targets
            if isinstance(node, ast.Assign)
            else [node.target]
            if isinstance(node, ast.AnnAssign)
            else []
        )
        for target in targets:
            if isinstance(target, ast.Name) and target.id not in names:
                names.append(target.id)
    if not names:
        return [indent + CODE_EMPTY]
    return [indent + CODE_PROMPT] + [f"{indent}{name} = ..." for name in names]


def clear_solution(source: str, *, cell_type: str = "code", where: str = "cell") -> str:
    """Replace every marked solution region of one cell's source with a stub.

    Parameters
    ----------
    source : str
        The cell's source.
    cell_type : {"code", "markdown"}
        Code regions become ``name = ...`` stubs; Markdown regions a prompt.
    where : str
        Names the cell in error messages (``"solutions/x.ipynb: cell 4"``).

    Returns
    -------
    str
        The source without solutions; unchanged when it has no markers.

    Raises
    ------
    MarkerError
        For a BEGIN inside another region, an END without a BEGIN, or a
        region never closed.

    Examples
    --------
    >>> print(clear_solution("### BEGIN SOLUTION\\nx = 1\\n### END SOLUTION"))
    # Your answer: replace each ... below, then run the cell.
    x = ...
    """
    output: list[str] = []
    region: list[str] = []
    opened_at: int | None = None
    indent = ""
    for number, line in enumerate(source.splitlines(), start=1):
        marker = line.strip()
        if marker.startswith(BEGIN):
            if opened_at is not None:
                raise MarkerError(
                    f"{where}, line {number}: '{BEGIN}' inside the solution opened at line "
                    f"{opened_at}; solutions cannot be nested. Close the first one with '{END}'."
                )
            opened_at, region = number, []
            indent = line[: len(line) - len(line.lstrip())]
        elif marker.startswith(END):
            if opened_at is None:
                raise MarkerError(f"{where}, line {number}: '{END}' without a '{BEGIN}' before it.")
            if cell_type == "code":
                output.extend(_stub_code(region, indent, where))
            else:
                output.append(MARKDOWN_PROMPT)
            opened_at = None
        elif opened_at is not None:
            region.append(line)
        else:
            output.append(line)
    if opened_at is not None:
        raise MarkerError(
            f"{where}, line {opened_at}: '{BEGIN}' is never closed; add '{END}' after the solution."
        )
    return "\n".join(output)


def exercise_from_solution(solution: nbformat.NotebookNode, *, name: str) -> nbformat.NotebookNode:
    """Return the exercise notebook for one solution notebook.

    Parameters
    ----------
    solution : nbformat.NotebookNode
        The solution notebook (not modified).
    name : str
        Its path, for error messages and the ``generated_from`` note.

    Returns
    -------
    nbformat.NotebookNode
    """
    exercise = nbformat.from_dict(solution)
    exercise.metadata.pop("widgets", None)
    exercise.metadata["customer_focus"] = {
        "generated_from": name,
        "note": (
            "Generated by `python -m customer_focus exercises`; edit the solution notebook instead."
        ),
    }
    for index, cell in enumerate(exercise.cells, start=1):
        cell.source = clear_solution(
            cell.source, cell_type=cell.cell_type, where=f"{name}: cell {index}"
        )
        cell.metadata.pop("execution", None)
        if cell.cell_type == "code":
            cell.outputs = []
            cell.execution_count = None
    return exercise


def solution_code(notebook: Path) -> dict[str, str]:
    """Each question's answer code in a solution notebook, by question name.

    A marked region answers question ``qN`` when it assigns a variable ending
    in ``_qN`` (``value_q1 = ...``), the course's naming rule for exercises.

    Returns
    -------
    dict
        ``{"q1": "value_q1 = calc.lifetime_value(250, 0.85, 0.12)", ...}``
    """
    found = {}
    for cell in nbformat.read(notebook, as_version=4).cells:
        match = re.search(rf"{re.escape(BEGIN)}\n(.*?)\n{re.escape(END)}", cell.source, re.S)
        if match:
            number = re.search(r"_q(\d+)\b", match.group(1))
            if number:
                found[f"q{number.group(1)}"] = match.group(1)
    return found


def _expected(solutions: Path, root: Path) -> dict[str, str]:
    notebooks = {}
    for path in sorted(solutions.glob("*.ipynb")):
        name = path.relative_to(root).as_posix() if path.is_relative_to(root) else path.as_posix()
        solution = nbformat.read(path, as_version=4)
        notebooks[path.name] = nbformat.writes(exercise_from_solution(solution, name=name)) + "\n"
    return notebooks


def build_exercises(solutions: Path, exercises: Path, *, root: Path | None = None) -> list[Path]:
    """Write one exercise notebook per solution notebook; remove orphans.

    Parameters
    ----------
    solutions, exercises : pathlib.Path
        The source and destination folders.
    root : pathlib.Path, optional
        Folder that notebook names in messages are relative to (the repository).

    Returns
    -------
    list of pathlib.Path
        The exercise notebooks written.
    """
    expected = _expected(solutions, root or solutions.parent)
    exercises.mkdir(parents=True, exist_ok=True)
    for stale in exercises.glob("*.ipynb"):
        if stale.name not in expected:
            stale.unlink()
    written = []
    for filename, text in expected.items():
        target = exercises / filename
        target.write_text(text, encoding="utf-8")
        written.append(target)
    return written


def drift(solutions: Path, exercises: Path, *, root: Path | None = None) -> list[str]:
    """List the ways ``exercises/`` differs from what :func:`build_exercises` would write.

    Returns
    -------
    list of str
        Empty when the folders agree.
    """
    expected = _expected(solutions, root or solutions.parent)
    problems = []
    for filename, text in expected.items():
        target = exercises / filename
        if not target.exists():
            problems.append(f"{target}: missing (it is generated from {solutions / filename})")
        elif target.read_text(encoding="utf-8") != text:
            problems.append(f"{target}: differs from what {solutions / filename} generates")
    for extra in sorted(exercises.glob("*.ipynb")):
        if extra.name not in expected:
            problems.append(f"{extra}: has no solution notebook in {solutions}")
    return problems
