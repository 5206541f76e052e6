"""Quizzes: one question bank, graded the same in the book and in notebooks.

* :mod:`.bank` loads and validates the YAML banks in ``book/quizzes/``;
* :mod:`.grading` grades a response (``static/quiz.js`` does the same in the book);
* :mod:`.attempt` shuffles options and draws exam attempts;
* :mod:`.balance` measures whether the keys give themselves away;
* :func:`show` displays a bank in a notebook with ipywidgets.

In a notebook::

    from customer_focus.course import quiz
    quiz.show("lifetime-value")
"""

from __future__ import annotations

import dataclasses
import os
from pathlib import Path

from ...core.messages import Messages, current_language
from ...core.paths import course_root
from .attempt import draw_items, option_order
from .balance import balance_report
from .bank import BankError, Draw, Question, Quiz, bibliography_keys, load_bank, load_banks
from .grading import Grade, grade, parse_number

__all__ = [
    "BankError", "Question", "Quiz", "Grade", "Draw",
    "load_bank", "load_banks", "bibliography_keys", "grade", "parse_number",
    "draw_items", "option_order", "balance_report",
    "find_bank", "show",
]

_ = Messages("course")


def find_bank(name: str | os.PathLike[str]) -> Path:
    """The bank file for a name such as ``"lifetime-value"`` (or a path to a .yml file)."""
    path = Path(name)
    if path.suffix in {".yml", ".yaml"}:
        if not path.is_file():
            raise FileNotFoundError(_("{path}: no such bank file.").format(path=path))
        return path
    folder = course_root() / "book" / "quizzes"
    candidate = folder / f"{name}.yml"
    if not candidate.is_file():
        names = ", ".join(sorted(p.stem for p in folder.glob("*.yml")))
        raise FileNotFoundError(_("No bank named {name!r}; the banks are: {names}.").format(
            name=name, names=names))
    return candidate


def show(name: str | os.PathLike[str], chapters: list[str] | None = None):
    """Display a quiz in a notebook, graded by the same rules as the book.

    A practice bank shows every question, options shuffled, with a Check
    button each. An exam bank (the knowledge check) draws a set of
    questions, graded together with a Submit button. It is in the language
    the package speaks (:func:`customer_focus.core.messages.current_language`):
    the bank's translation, when it has one, and the course map's chapters.

    Parameters
    ----------
    name : str or path-like
        A bank name (the file name in ``book/quizzes`` without ``.yml``) or
        the path of a bank file.
    chapters : list of str, optional
        Only the questions of these course-map chapters (for an exam bank:
        draw only from them).

    Returns
    -------
    ipywidgets.VBox
        The quiz; it displays when it is the last expression of a cell.
    """
    from ..course_map import load_course_map
    from .notebook import ExamView, QuizView

    path = find_bank(name)
    language = current_language()
    course = None
    try:
        root = course_root(path.parent)
        course = load_course_map(root / "book" / "course-map.yml", language)
        citations = bibliography_keys(root / "references.bib")
    except FileNotFoundError:
        citations = None
    bank = load_bank(path, objectives=course.objectives if course else None, citations=citations,
                     language=language, fallback=True)
    if chapters is not None:
        unknown = [
            chapter for chapter in chapters if course is None or chapter not in course.chapters
        ]
        if unknown:
            known = ", ".join(course.chapters) if course else _("none (no course map found)")
            raise ValueError(_("unknown chapter {chapter!r}; the chapters are: {known}").format(
                chapter=unknown[0], known=known))
    if bank.mode == "exam":
        return ExamView(bank, chapters=course.chapters if course else None, only=chapters).widget
    if chapters is not None:
        kept = tuple(q for q in bank.questions if q.chapter in chapters)
        if not kept:
            raise ValueError(_("{bank!r} has no question in the chapters {chapters}").format(
                bank=bank.id, chapters=", ".join(chapters)))
        bank = dataclasses.replace(bank, questions=kept)
    return QuizView(bank).widget
