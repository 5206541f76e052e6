"""The questions and worked answers of the exercise notebooks, read from the notebooks.

The participant workbook and the answer keys of the facilitator guide are made
from here, so they hold what the notebooks hold: the questions are read from
``exercises/`` (what participants see), the worked answers from ``solutions/``
(the code between the solution markers, and what the question's check said when
the saved solution notebook ran it).

Examples
--------
>>> from customer_focus.core.paths import course_root
>>> notebooks = course_exercises(course_root())
>>> len(notebooks)
10
>>> key = next(notebook for notebook in notebooks if notebook.name == "lifetime-value")
>>> key.title
'customer lifetime value'
>>> key.questions[0].heading
"Question 1: one customer's lifetime value"
>>> key.questions[0].answer
'`value_q1` = $787.04. That is the margin multiple, 3.15, times $250.'
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from pathlib import Path

from ..core.messages import N_

__all__ = [
    "ANSWER_PROMPT", "CODE_PROMPT_EMPTY", "Question", "ExerciseNotebook", "read_notebook",
    "course_exercises",
]

#: The comment the exercises' builder writes above each answer to give (a translated
#: notebook has it in its language: :mod:`customer_focus.course.notebook_translation`).
ANSWER_PROMPT = N_("Your answer: replace each ... below, then run the cell.")
#: The comment it writes in a code cell whose whole solution is removed.
CODE_PROMPT_EMPTY = N_("Your code here.")

_BEGIN = "### BEGIN SOLUTION"
_END = "### END SOLUTION"
_QUESTION = re.compile(r"^##\s+(Question\s+\d+\b.*)$")
_CHECK = re.compile(r"^exercise\.(q\d+)\.check\(\)\s*$")
#: Code cells of a question that are the learner's, not the question's: answer, check, hints.
_NOT_GIVEN = (f"# {ANSWER_PROMPT}", "exercise.", "# exercise.")
_STATUS = re.compile(r"^\*{0,2}Correct:\*{0,2}\s*")


@dataclass(frozen=True)
class Question:
    """One question of an exercise notebook, with its worked answer.

    ``prompt`` is the question's Markdown (without its heading), ``solution``
    the code between the solution markers, ``check`` the name of its check
    (``"q1"``) and ``answer`` what that check said on the saved solution
    notebook, without the leading "Correct:".
    """

    heading: str
    prompt: str
    solution: str
    check: str
    answer: str


@dataclass(frozen=True)
class ExerciseNotebook:
    """An exercise notebook: its file name (no suffix), title, lead paragraph and questions."""

    name: str
    title: str
    lead: str
    questions: tuple[Question, ...]


def _source(cell: dict) -> str:
    source = cell.get("source", "")
    return "".join(source) if isinstance(source, list) else source


def _output_text(cell: dict) -> str:
    """The Markdown (or plain text) a code cell displayed, joined."""
    parts = []
    for output in cell.get("outputs", []):
        data = output.get("data", {})
        text = data.get("text/markdown") or data.get("text/plain") or output.get("text") or ""
        parts.append("".join(text) if isinstance(text, list) else text)
    return "".join(parts).strip()


def _between_markers(code: str) -> str:
    lines = code.splitlines()
    if _BEGIN not in (line.strip() for line in lines):
        return ""
    start = next(i for i, line in enumerate(lines) if line.strip() == _BEGIN)
    end = next((i for i, line in enumerate(lines) if line.strip() == _END), len(lines))
    return "\n".join(lines[start + 1 : end]).strip()


def read_notebook(solution: Path, exercise: Path) -> ExerciseNotebook:
    """Read one exercise: the questions from ``exercise``, the answers from ``solution``.

    Raises
    ------
    ValueError
        When the notebook has no title, or a question has no solution or no check.
    """
    problem = f"{solution}: "
    cells = json.loads(solution.read_text(encoding="utf-8"))["cells"]
    blank = json.loads(exercise.read_text(encoding="utf-8"))["cells"]
    prompts: dict[str, str] = {}
    asked = ""
    for cell in blank:
        text = _source(cell)
        if cell["cell_type"] == "markdown":
            first, _, rest = text.partition("\n")
            match = _QUESTION.match(first.strip())
            asked = match.group(1) if match else ""
            if asked:
                prompts[asked] = rest.strip()
        elif asked and not text.lstrip().startswith(_NOT_GIVEN):
            # data the question gives, in a code cell of its own
            prompts[asked] += f"\n\n```python\n{text.strip()}\n```"
    title_line, _, intro = _source(cells[0]).partition("\n")
    if not title_line.startswith("# Exercise:"):
        raise ValueError(problem + 'the first cell must start with "# Exercise: <title>".')
    lead = intro.strip().split("\n\n")[0].strip()
    questions = []
    index = 0
    while index < len(cells):
        cell = cells[index]
        first = _source(cell).partition("\n")[0].strip()
        match = _QUESTION.match(first) if cell["cell_type"] == "markdown" else None
        index += 1
        if not match:
            continue
        heading = match.group(1)
        solution_code, check, answer = "", "", ""
        while index < len(cells) and not (
            cells[index]["cell_type"] == "markdown" and _source(cells[index]).startswith("## ")
        ):
            code = _source(cells[index]) if cells[index]["cell_type"] == "code" else ""
            solution_code = solution_code or _between_markers(code)
            called = _CHECK.match(code.strip())
            if called and not check:
                check = called.group(1)
                answer = _STATUS.sub("", _output_text(cells[index]), count=1)
            index += 1
        if not solution_code or not check:
            raise ValueError(
                problem + f'"{heading}" needs a solution between the markers and a check '
                "cell (exercise.qN.check()) before the next heading."
            )
        if heading not in prompts:
            raise ValueError(
                problem + f'"{heading}" is missing from {exercise.name}: run `make exercises`.'
            )
        questions.append(Question(heading, prompts[heading], solution_code, check, answer))
    title = title_line.removeprefix("# Exercise:").strip()
    return ExerciseNotebook(solution.stem, title, lead, tuple(questions))


def course_exercises(root: Path) -> list[ExerciseNotebook]:
    """Every exercise of the course, in the order of its file names."""
    return [
        read_notebook(solution, root / "exercises" / solution.name)
        for solution in sorted((root / "solutions").glob("*.ipynb"))
    ]
