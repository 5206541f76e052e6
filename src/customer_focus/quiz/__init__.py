"""Quizzes: one question bank, graded the same in the book and in notebooks.

* :mod:`.bank` loads and validates the YAML banks in ``book/quizzes/``;
* :mod:`.grading` grades a response (``static/quiz.js`` does the same in the book);
* :func:`show` displays a bank in a notebook with ipywidgets.

In a notebook::

    from customer_focus import quiz
    quiz.show("lifetime-value")
"""

from __future__ import annotations

import os
from pathlib import Path

from .bank import BankError, Problem, Question, Quiz, bibliography_keys, load_bank, load_banks
from .grading import Grade, grade, parse_number

__all__ = [
    "BankError", "Problem", "Question", "Quiz", "Grade",
    "load_bank", "load_banks", "bibliography_keys", "grade", "parse_number",
    "find_bank", "show", "course_root",
]


def course_root(start: str | os.PathLike[str] | None = None) -> Path:
    """The repository folder (the one holding ``book/quizzes``), searched upward from ``start``."""
    here = Path(start or Path.cwd()).resolve()
    for folder in (here, *here.parents):
        if (folder / "book" / "quizzes").is_dir():
            return folder
    raise FileNotFoundError(
        f"Cannot find the course's book/quizzes folder above {here}. Open the notebook from "
        f"inside the course repository, or pass the path of a bank file."
    )


def find_bank(name: str | os.PathLike[str]) -> Path:
    """The bank file for a name such as ``"lifetime-value"`` (or a path to a .yml file)."""
    path = Path(name)
    if path.suffix in {".yml", ".yaml"}:
        if not path.is_file():
            raise FileNotFoundError(f"{path}: no such bank file.")
        return path
    folder = course_root() / "book" / "quizzes"
    candidate = folder / f"{name}.yml"
    if not candidate.is_file():
        names = ", ".join(sorted(p.stem for p in folder.glob("*.yml")))
        raise FileNotFoundError(f"No bank named {name!r}; the banks are: {names}.")
    return candidate


def show(name: str | os.PathLike[str]):
    """Display a quiz in a notebook, graded by the same rules as the book.

    Parameters
    ----------
    name : str or path-like
        A bank name (the file name in ``book/quizzes`` without ``.yml``) or
        the path of a bank file.

    Returns
    -------
    ipywidgets.VBox
        The quiz; it displays when it is the last expression of a cell.
    """
    from ..course_map import load_course_map
    from .notebook import QuizView

    path = find_bank(name)
    try:
        root = course_root(path.parent)
        objectives = load_course_map(root / "book" / "course-map.yml").objectives
        citations = bibliography_keys(root / "references.bib")
    except FileNotFoundError:
        objectives, citations = None, None
    return QuizView(load_bank(path, objectives=objectives, citations=citations)).widget
