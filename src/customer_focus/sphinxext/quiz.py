"""Quizzes in the book: the ``{quiz}`` and ``{quiz-progress}`` directives.

Every bank in ``cf_quiz_folder`` (``book/quizzes``) is loaded and validated
once per build, against the course map's objective ids and the citation keys
of ``bibtex_bibfiles``. A malformed bank stops the build with one line per
problem, ``file:line: what is wrong``.

``{quiz} <quiz id>`` renders the questions as accessible HTML (a fieldset and
legend per question, real inputs with labels, an aria-live feedback region).
Answers, feedback and explanations travel in an encoded JSON block that
``quiz.js`` decodes and grades with the same rules as
:mod:`customer_focus.quiz.grading`.

``{quiz-progress}`` lists every quiz of the course with a link to its page;
``quiz.js`` fills in the best scores from the browser's storage.
"""

from __future__ import annotations

import base64
import json
from html import escape
from pathlib import Path
from typing import Any

from docutils import nodes
from sphinx.application import Sphinx
from sphinx.util import logging
from sphinx.util.docutils import SphinxDirective

from ..course_map import load_course_map
from ..quiz.bank import Question, Quiz, bibliography_keys, collect_banks

logger = logging.getLogger(__name__)

#: Bump when the shape of the stored progress changes; quiz.js uses the same number.
STORAGE_VERSION = 1


def load_course_quizzes(app: Sphinx) -> dict[str, Quiz]:
    """Load and validate every bank of the book (called once per build).

    Each problem is logged as an error at ``file:line`` (with ``-W`` the build
    fails); a bank with problems is left out, so its ``{quiz}`` says so too.
    """
    root = Path(app.confdir)
    folder = root / app.config.cf_quiz_folder
    app.cf_broken_banks = set()  # type: ignore[attr-defined]
    if not folder.is_dir():
        return {}
    objectives = load_course_map(root / app.config.cf_course_map).objectives
    citations: set[str] = set()
    for bib in getattr(app.config, "bibtex_bibfiles", None) or []:
        citations |= bibliography_keys(root / bib)
    quizzes, problems = collect_banks(folder, objectives=objectives, citations=citations, relative_to=root)
    for problem in problems:
        logger.error(problem.message, location=f"{problem.file}:{problem.line}")
        app.cf_broken_banks.add(problem.file)  # type: ignore[attr-defined]
    if problems:
        logger.error(
            "%d problem(s) in the question banks; fix them (`python -m customer_focus quiz check` "
            "checks the banks without building).", len(problems),
        )
    return quizzes


def _load(app: Sphinx) -> None:
    app.cf_quizzes = load_course_quizzes(app)  # type: ignore[attr-defined]


def _encode(quiz: Quiz) -> str:
    payload = json.dumps([question.to_data() for question in quiz.questions], ensure_ascii=False)
    data = {
        "version": STORAGE_VERSION,
        "quiz": quiz.id,
        "title": quiz.title,
        "fingerprint": quiz.fingerprint,
        "passMark": quiz.pass_mark,
        "payload": base64.b64encode(payload.encode("utf-8")).decode("ascii"),
    }
    return json.dumps(data).replace("<", "\\u003c")


def _prompt_inline(prompt_html: str) -> str:
    """Paragraphs become blocks of spans, which a legend may hold."""
    return prompt_html.replace("<p>", '<span class="cf-para">').replace("</p>", "</span>")


def _question_html(quiz: Quiz, question: Question, number: int) -> str:
    base = f"cfq-{quiz.id}-{question.id}"
    total = len(quiz.questions)
    parts = [
        f'<fieldset class="cf-question" id="{base}" data-question="{escape(question.id)}" data-type="{question.type}">',
        f'<legend><span class="cf-qnum">Question {number} of {total}</span> '
        f'<span class="cf-prompt">{_prompt_inline(question.prompt)}</span></legend>',
    ]
    if question.type == "numeric":
        unit = f" (in {escape(question.unit)})" if question.unit else ""
        parts.append(
            f'<div class="cf-answer"><label for="{base}-answer">Your answer{unit}</label> '
            f'<input type="text" inputmode="decimal" autocomplete="off" id="{base}-answer" name="{base}"></div>'
        )
    else:
        kind = "checkbox" if question.type == "multiple" else "radio"
        if question.type == "multiple":
            parts.append('<p class="cf-hint">Choose all that apply.</p>')
        parts.append('<div class="cf-options">')
        for index, option in enumerate(question.options):
            parts.append(
                f'<div class="cf-option"><input type="{kind}" id="{base}-{index}" name="{base}" value="{index}"> '
                f'<label for="{base}-{index}">{option.text}</label></div>'
            )
        parts.append("</div>")
    parts += [
        '<div class="cf-actions">'
        f'<button type="button" class="cf-check">Check<span class="cf-visually-hidden"> question {number}</span></button> '
        f'<button type="button" class="cf-retry" hidden>Try again<span class="cf-visually-hidden"> question {number}</span></button>'
        "</div>",
        '<div class="cf-feedback" role="status" aria-live="polite"></div>',
        '<div class="cf-explanation" hidden></div>',
        "</fieldset>",
    ]
    return "\n".join(parts)


def quiz_html(quiz: Quiz) -> str:
    """The HTML of a whole quiz, as the ``{quiz}`` directive writes it.

    Visible text holds only the prompts and the options; which options are
    correct, the feedback and the explanations are in the encoded data block.
    """
    questions = "\n".join(_question_html(quiz, question, index + 1) for index, question in enumerate(quiz.questions))
    return (
        f'<section class="cf-quiz" id="cf-quiz-{escape(quiz.id)}" data-quiz="{escape(quiz.id)}" '
        f'aria-label="{escape(quiz.title)}">\n'
        f'<p class="cf-quiz-title">{escape(quiz.title)}</p>\n'
        '<p class="cf-quiz-help">Choose or type an answer, then press <strong>Check</strong>. '
        "Your answers are saved in this browser only.</p>\n"
        f'<form class="cf-quiz-form" novalidate>\n{questions}\n</form>\n'
        '<div class="cf-quiz-footer">'
        '<p class="cf-score">Score: 0 of {total}</p>'
        '<button type="button" class="cf-clear">Clear my answers</button>'
        "</div>\n"
        f'<script type="application/json" class="cf-quiz-data">{_encode(quiz)}</script>\n'
        "</section>"
    ).replace("{total}", str(len(quiz.questions)))


class QuizDirective(SphinxDirective):
    """``{quiz} <quiz id>``: place a quiz from the question banks."""

    required_arguments = 1
    has_content = False

    def run(self) -> list[nodes.Node]:
        quizzes: dict[str, Quiz] = getattr(self.env.app, "cf_quizzes", {})
        quiz = quizzes.get(self.arguments[0])
        if quiz is None:
            broken = sorted(getattr(self.env.app, "cf_broken_banks", ()))
            reason = f" (these banks have problems, listed above: {', '.join(broken)})" if broken else ""
            raise self.error(
                f"quiz: no usable bank with quiz id {self.arguments[0]!r}{reason}; "
                f"usable: {', '.join(sorted(quizzes)) or 'none'}"
            )
        self.env.note_dependency(str(Path(self.env.app.confdir) / quiz.source))
        pages = self.env.cf_quiz_pages if hasattr(self.env, "cf_quiz_pages") else {}
        if quiz.id in pages and pages[quiz.id] != self.env.docname:
            raise self.error(f"quiz: {quiz.id!r} is already placed on {pages[quiz.id]}; place each quiz once")
        pages[quiz.id] = self.env.docname
        self.env.cf_quiz_pages = pages
        if quiz.has_math:
            self.env.temp_data["cf_quiz_math"] = True
        return [nodes.raw("", quiz_html(quiz), format="html")]


class _progress_placeholder(nodes.General, nodes.Element):
    """Replaced by the progress table once every page's quizzes are known."""


class QuizProgressDirective(SphinxDirective):
    """``{quiz-progress}``: a table of every quiz in the course, filled in by quiz.js."""

    has_content = False

    def run(self) -> list[nodes.Node]:
        pages = getattr(self.env, "cf_progress_pages", set())
        pages.add(self.env.docname)
        self.env.cf_progress_pages = pages
        return [_progress_placeholder()]


def _progress_html(app: Sphinx, docname: str) -> str:
    quizzes: dict[str, Quiz] = getattr(app, "cf_quizzes", {})
    pages: dict[str, str] = getattr(app.env, "cf_quiz_pages", {})
    rows = []
    for quiz in sorted(quizzes.values(), key=lambda q: (pages.get(q.id, "~"), q.title)):
        page = pages.get(quiz.id)
        title = escape(quiz.title)
        if page:
            link = app.builder.get_relative_uri(docname, page) + f"#cf-quiz-{quiz.id}"
            title = f'<a href="{escape(link)}">{title}</a>'
        rows.append(
            f'<tr data-quiz="{escape(quiz.id)}" data-total="{len(quiz.questions)}" data-fingerprint="{quiz.fingerprint}">'
            f"<th scope=\"row\">{title}</th><td>{len(quiz.questions)}</td>"
            '<td class="cf-best">Not started</td>'
            f'<td><button type="button" class="cf-reset-quiz">Reset<span class="cf-visually-hidden"> {escape(quiz.title)}</span></button></td></tr>'
        )
    return (
        '<div class="cf-progress">'
        '<table class="cf-progress-table"><caption>Your best score on each quiz, saved in this browser</caption>'
        '<thead><tr><th scope="col">Quiz</th><th scope="col">Questions</th><th scope="col">Best score</th>'
        '<th scope="col"><span class="cf-visually-hidden">Reset</span></th></tr></thead>'
        f"<tbody>{''.join(rows)}</tbody></table>"
        '<p><button type="button" class="cf-reset-all">Reset all my progress</button></p>'
        '<p class="cf-progress-status" role="status" aria-live="polite"></p>'
        "</div>"
    )


def _fill_progress(app: Sphinx, doctree: nodes.document, docname: str) -> None:
    for node in list(doctree.findall(_progress_placeholder)):
        node.replace_self(nodes.raw("", _progress_html(app, docname), format="html"))


def _check_placed(app: Sphinx, env: Any) -> None:
    pages = getattr(env, "cf_quiz_pages", {})
    for quiz_id, quiz in getattr(app, "cf_quizzes", {}).items():
        if quiz_id not in pages:
            logger.warning("quiz %r (%s) is not placed on any page; add a {quiz} directive", quiz_id, quiz.source)


def _purge(app: Sphinx, env: Any, docname: str) -> None:
    getattr(env, "cf_progress_pages", set()).discard(docname)
    pages = getattr(env, "cf_quiz_pages", {})
    for quiz_id in [quiz_id for quiz_id, page in pages.items() if page == docname]:
        del pages[quiz_id]


def _merge(app: Sphinx, env: Any, docnames: set[str], other: Any) -> None:
    env.cf_quiz_pages = {**getattr(env, "cf_quiz_pages", {}), **getattr(other, "cf_quiz_pages", {})}
    env.cf_progress_pages = getattr(env, "cf_progress_pages", set()) | getattr(other, "cf_progress_pages", set())


def _load_mathjax_for_quiz_math(app: Sphinx, doctree: nodes.document) -> None:
    """Make Sphinx load MathJax on a page whose only math is in a quiz.

    Sphinx decides from the page's math nodes, which a quiz (raw HTML) has
    none of; this runs after the math domain has looked at the page.
    """
    if app.env.temp_data.get("cf_quiz_math"):
        app.env.get_domain("math").data["has_equations"][app.env.docname] = True


def _progress_pages_outdated(app: Sphinx, env: Any, added: set, changed: set, removed: set) -> list[str]:
    """The progress page lists every quiz: rebuild it whenever anything is rebuilt."""
    return sorted(getattr(env, "cf_progress_pages", set()) - added - changed)


def setup(app: Sphinx) -> None:
    """Register the configuration, directives and hooks."""
    app.add_config_value("cf_quiz_folder", "book/quizzes", "env", types=[str])
    app.add_directive("quiz", QuizDirective)
    app.add_directive("quiz-progress", QuizProgressDirective)
    app.add_node(_progress_placeholder)
    app.connect("builder-inited", _load)
    app.connect("env-purge-doc", _purge)
    app.connect("env-merge-info", _merge)
    app.connect("env-check-consistency", _check_placed)
    app.connect("env-get-outdated", _progress_pages_outdated)
    app.connect("doctree-read", _load_mathjax_for_quiz_math)
    app.connect("doctree-resolved", _fill_progress)
    app.add_js_file("quiz.js", loading_method="defer")
