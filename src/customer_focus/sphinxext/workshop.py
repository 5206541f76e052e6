"""The workshop kit's directives: agendas, the participant workbook and the answer keys.

``{agenda} <id>``
    An agenda of ``book/instructors/agendas.yml`` (``cf_agendas``): its timed
    table, the sum of its minutes, and the materials to print and bring.
``{exercise-workbook}``
    Every exercise notebook's questions (from ``exercises/``), with space to work.
``{answer-keys}``
    Every exercise notebook's worked answers (from ``solutions/``): each
    question, the solution code and what its check says on the solution.

Each writes MyST Markdown and parses it in place, so links, math and the
``{case}`` role work as on any page.
"""

from __future__ import annotations

import os
import re
from collections.abc import Callable
from pathlib import Path

from docutils import nodes
from docutils.statemachine import StringList
from sphinx.util.docutils import SphinxDirective

from ..core.problems import DataFileError
from ..course.agendas import Agenda, load_agendas
from ..course.course_map import language_code, load_course_map, translation_path
from ..course.decks import load_outlines
from ..course.exercise_notebooks import ExerciseNotebook, Question, course_exercises
from ..course.translation import translation_path as data_translation_path
from ..tools.spec import words
from .registry import Extension

__all__ = ["agenda_markdown", "workbook_markdown", "answer_keys_markdown", "setup"]


def _cell(text: str) -> str:
    """Text for one cell of a Markdown table (one line, no bare pipes)."""
    return " ".join(text.split()).replace("|", "\\|")


#: The agendas' own words, in every language (``data/agenda-words.yml``).
AGENDA_WORDS = "agenda-words.yml"


def _counted(said: dict[str, str], name: str, count: int, **values: object) -> str:
    """The word ``name`` in the singular (``_one``) or the plural (``_other``) of ``count``."""
    return said[f"{name}_{'one' if count == 1 else 'other'}"].format(**values)


def agenda_markdown(
    agenda: Agenda, deck_titles: dict[str, str], language: str | None = None
) -> str:
    """The agenda's table, its total and its materials list, as MyST Markdown.

    ``language`` (a Sphinx language such as ``"zh_TW"``; default English)
    gives the agenda's own words (``data/agenda-words.yml``); its texts come
    translated in ``agenda`` itself.

    Examples
    --------
    >>> from customer_focus.core.paths import course_root
    >>> from customer_focus.course.agendas import load_agendas
    >>> agendas = course_root() / "book/instructors/agendas.yml"
    >>> short = load_agendas(agendas, "zh_TW")["90-minute"]
    >>> print(agenda_markdown(short, {}, "zh_TW").splitlines()[0])
    | 開始 | 分鐘 | 活動 | 使用 |
    >>> [line for line in agenda_markdown(short, {}, "zh_TW").splitlines() if "合計" in line]
    ['合計：10 + 20 + 15 + 20 + 15 + 10 = 90 分鐘，9:00 到 10:30。']
    """
    said = words(AGENDA_WORDS, language)
    lines = [
        f"| {said['start']} | {said['minutes']} | {said['activity']} | {said['use']} |",
        "|---|---|---|---|",
    ]
    starts = agenda.starts()
    for item, start in zip(agenda.items, starts):
        uses = []
        for use in item.uses:
            if use.kind == "page":
                uses.append(f"[{use.label}]({use.target})")
            elif use.kind == "handout":
                link = f"[{use.label}]({use.target})"
                uses.append(_counted(said, "handout", use.copies, link=link, copies=use.copies))
            elif use.kind == "deck":
                deck = deck_titles.get(use.target, use.target)
                uses.append(said["deck"].format(deck=deck, slides=use.slides))
            else:
                uses.append(use.target)
        activity = f"*{item.activity}*" if item.is_break else item.activity
        lines.append(
            f"| {start} | {item.minutes} | {_cell(activity)} | "
            f"{_cell(said['separator'].join(uses))} |"
        )
    lines.append(f"| {starts[-1]} | | {said['end']} | |")
    minutes = [item.minutes for item in agenda.items]
    total = _counted(said, "total", sum(minutes), sum=" + ".join(str(m) for m in minutes),
                     total=sum(minutes))
    breaks = [item.minutes for item in agenda.items if item.is_break]
    if breaks:
        content = agenda.content_minutes()
        total += _counted(said, "breaks", content, content=content, breaks=sum(breaks))
    lines += ["", total + said["span"].format(start=agenda.start, end=starts[-1]), ""]
    lines += [said["materials"], ""]
    for material in agenda.materials():
        lines.append("- " + _counted(
            said, "material", material.copies, copies=material.copies,
            link=f"[{material.label}]({material.page})",
            times=said["list_separator"].join(material.used_at),
        ))
    lines.append(f"- {said['spares']}")
    if agenda.bring:
        lines += ["", said["bring"].format(bring=agenda.bring)]
    decks = [deck_titles.get(deck, deck) for deck in agenda.decks()]
    lines += ["", said["slides"].format(decks=said["list_separator"].join(decks))]
    return "\n".join(lines)


def _exercises_markdown(
    root: Path,
    page: Path,
    level: int,
    notebook_line: Callable[[ExerciseNotebook], str],
    after_question: Callable[[Question], list[str]],
) -> str:
    """Every exercise under a heading of ``level``, each question one level below.

    Under the exercise's heading comes ``notebook_line`` (the links to its
    notebooks); under each question its prompt, then ``after_question``.
    """
    parts = []
    for notebook in course_exercises(root):
        parts += [f"{'#' * level} Exercise: {notebook.title}", "", notebook_line(notebook), ""]
        for question in notebook.questions:
            parts += [
                f"{'#' * (level + 1)} {question.heading}",
                "",
                _rebased(question.prompt, root / "exercises", page),
                "",
                *after_question(question),
                "",
            ]
    return "\n".join(parts)


def workbook_markdown(root: Path, page: Path) -> str:
    """Every exercise's questions, with a box to work in after each."""

    def notebook_line(notebook: ExerciseNotebook) -> str:
        link = _relative(root / "exercises" / f"{notebook.name}.ipynb", page)
        return (
            f"Notebook: {{download}}`exercises/{notebook.name}.ipynb <{link}>`. "
            + _rebased(notebook.lead, root / "exercises", page)
        )

    def work_space(question: Question) -> list[str]:
        return ["```{raw} html", '<div class="cf-work-space" aria-hidden="true"></div>', "```"]

    return _exercises_markdown(root, page, 2, notebook_line, work_space)


def answer_keys_markdown(root: Path, page: Path) -> str:
    """Every exercise's worked answers, read from the solution notebooks."""

    def notebook_line(notebook: ExerciseNotebook) -> str:
        exercise = _relative(root / "exercises" / f"{notebook.name}.ipynb", page)
        solution = _relative(root / "solutions" / f"{notebook.name}.ipynb", page)
        return (
            f"Notebook: {{download}}`exercises/{notebook.name}.ipynb <{exercise}>`; "
            f"worked answers in {{download}}`solutions/{notebook.name}.ipynb <{solution}>`."
        )

    def worked_answer(question: Question) -> list[str]:
        return ["```python", question.solution, "```", "", f"**Answer:** {_dollars(question.answer)}"]

    return _exercises_markdown(root, page, 3, notebook_line, worked_answer)


def _dollars(text: str) -> str:
    """A check's message for a MyST page: its dollar amounts escaped, so they are not math."""
    return re.sub(r"(?<!\\)\$", r"\\$", text)


def _relative(target: Path, page: Path) -> str:
    return Path(os.path.relpath(target, page.parent)).as_posix()


def _rebased(text: str, folder: Path, page: Path) -> str:
    """Markdown written in ``folder`` (a notebook's), its relative links made to work on ``page``."""

    def link(match: re.Match[str]) -> str:
        target, _, anchor = match.group(1).partition("#")
        if not target or re.match(r"^[a-z]+:|^/", target):
            return match.group(0)
        fragment = f"#{anchor}" if anchor else ""
        return f"]({_relative((folder / target).resolve(), page)}{fragment})"

    return re.sub(r"\]\(([^)\s]+)\)", link, text)


class _MarkdownDirective(SphinxDirective):
    """A directive that writes MyST Markdown and parses it in place."""

    has_content = False

    def run(self) -> list[nodes.Node]:
        try:
            text = self.markdown()  # type: ignore[attr-defined]
        except (ValueError, OSError, KeyError) as error:
            raise self.error(f"{self.name}: {error}") from None
        box = nodes.container(classes=[f"cf-{self.name}"])
        self.state.nested_parse(StringList(text.splitlines(), self.env.docname), 0, box)
        return [box]

    @property
    def root(self) -> Path:
        return Path(self.env.app.confdir)  # type: ignore[attr-defined]

    @property
    def page(self) -> Path:
        return Path(self.env.doc2path(self.env.docname))


class AgendaDirective(_MarkdownDirective):
    """``{agenda} <id>``: one agenda of the agendas file."""

    required_arguments = 1

    def markdown(self) -> str:
        path = self.root / self.config.cf_agendas
        decks = self.root / self.config.cf_decks
        self.env.note_dependency(str(path))
        self.env.note_dependency(str(decks))
        course_map, language = self.root / self.config.cf_course_map, self.config.language
        if language_code(language):  # the texts, decks' and chapters' titles in the edition's
            self.env.note_dependency(str(translation_path(course_map, language)))
            for english in (path, decks):
                self.env.note_dependency(str(data_translation_path("", english, language)))
        try:
            agendas = load_agendas(path, language)
            chapters = load_course_map(course_map, language).learn_chapters
            titles = {
                ident: outline.title
                or (chapters[outline.chapter].title if outline.chapter in chapters else ident)
                for ident, outline in load_outlines(decks, language).items()
            }
        except DataFileError as error:
            raise ValueError(str(error)) from None
        if self.arguments[0] not in agendas:
            raise ValueError(f"no agenda {self.arguments[0]!r}; the agendas: {', '.join(agendas)}")
        return agenda_markdown(agendas[self.arguments[0]], titles, language)


class WorkbookDirective(_MarkdownDirective):
    """``{exercise-workbook}``: the exercises' questions with space to work."""

    def markdown(self) -> str:
        for notebook in sorted((self.root / "exercises").glob("*.ipynb")):
            self.env.note_dependency(str(notebook))
        return workbook_markdown(self.root, self.page)


class AnswerKeysDirective(_MarkdownDirective):
    """``{answer-keys}``: the worked answers of every exercise."""

    def markdown(self) -> str:
        for notebook in sorted((self.root / "solutions").glob("*.ipynb")):
            self.env.note_dependency(str(notebook))
        return answer_keys_markdown(self.root, self.page)


#: The directives and the files they read.
EXTENSION = Extension(
    config={"cf_agendas": "book/instructors/agendas.yml", "cf_decks": "book/instructors/decks.yml"},
    directives={
        "agenda": AgendaDirective,
        "exercise-workbook": WorkbookDirective,
        "answer-keys": AnswerKeysDirective,
    },
)
setup = EXTENSION.setup
