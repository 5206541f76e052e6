"""Quizzes in the book: the ``{quiz}`` and ``{quiz-progress}`` directives.

Every bank in ``cf_quiz_folder`` (``book/quizzes``) is loaded and validated
once per build, against the course map's objectives and the citation keys of
``bibtex_bibfiles``. A malformed bank stops the build with one line per
problem, ``file:line: what is wrong``; so does a bank whose keys give
themselves away (:mod:`customer_focus.course.quiz.balance`, the same measures as
``python -m customer_focus quiz check``).

``{quiz} <quiz id>`` renders the questions as accessible HTML (a fieldset and
legend per question, real inputs with labels, an aria-live feedback region),
options in their authored order: ``quiz.js`` shuffles them per attempt, and
readers without JavaScript see them as written. With ``:chapters: a, b`` only
the questions of those course-map chapters are placed (an exam bank draws
only from them); the same bank may be placed again with other chapters.
Answers, feedback and explanations travel in an encoded JSON block that
``quiz.js`` decodes and grades with the same rules as
:mod:`customer_focus.course.quiz.grading`.

An exam bank (``mode: exam``) is placed with a Submit button, a results
block and a per-chapter breakdown whose links lead to the chapters' pages
(the course map's ``page``).

``{quiz-progress}`` lists every placed quiz with a link to its page;
``quiz.js`` fills in the scores from the browser's storage.

Every placement is listed in ``_static/cf-progress-index.json`` (with the
scenarios), which the SCORM launch page uses to keep progress compact.
"""

from __future__ import annotations

import base64
import json
import re
from html import escape
from pathlib import Path
from typing import Any

from docutils import nodes
from sphinx.application import Sphinx
from sphinx.util import logging
from sphinx.util.docutils import SphinxDirective

from ..course.course_map import CourseMap, load_course_map
from ..course.quiz.balance import balance_report
from ..course.quiz.bank import Question, Quiz, bibliography_keys, collect_banks
from ..course.quiz.placement import Placement, parse_key, place
from ..course.translation import language_code, translation_path
from ..course.words import LANGUAGES, say, supported, words
from .registry import Extension, PageSet

logger = logging.getLogger(__name__)

#: Bump when the shape of the stored progress changes; quiz.js uses the same number.
STORAGE_VERSION = 2
#: The file listing every placement and scenario, in the built site.
INDEX_FILE = "_static/cf-progress-index.json"
#: The pages with the progress table: written again whenever anything is (it lists every quiz).
PROGRESS_PAGES = PageSet("cf_progress_pages", rebuild=True)


def load_course_quizzes(app: Sphinx) -> dict[str, Quiz]:
    """Load and validate every bank of the book (called once per build).

    Each problem is logged as an error at ``file:line`` (with ``-W`` the build
    fails); a bank with problems is left out, so its ``{quiz}`` says so too.
    In a build whose ``language`` is not English, each bank is laid over with
    its translation (``locales/<language>/quizzes/``); a bank without one is
    shown in English, with a warning of type ``cf.translation``.
    Keys that give themselves away are errors too, named by bank and measure.
    """
    root = Path(app.confdir)
    folder = root / app.config.cf_quiz_folder
    app.cf_broken_banks = set()  # type: ignore[attr-defined]
    app.cf_course = None  # type: ignore[attr-defined]
    if not folder.is_dir():
        return {}
    app.cf_course = load_course_map(root / app.config.cf_course_map)  # type: ignore[attr-defined]
    bibfiles = getattr(app.config, "bibtex_bibfiles", None) or []
    citations: set[str] | None = set() if bibfiles else None  # no bibliography: citations are not checked
    for bib in bibfiles:
        citations |= bibliography_keys(root / bib)
    language = language_code(app.config.language)
    quizzes, problems = collect_banks(
        folder, objectives=app.cf_course.objectives, citations=citations, relative_to=root,
        language=language, fallback=True,
    )
    if language is not None:
        for path in sorted(folder.glob("*.yml")):
            if not translation_path("quizzes", path, language, locales=root / "locales").is_file():
                logger.warning(
                    "quiz bank %s has no translation into %s: its questions are shown in English",
                    path.relative_to(root).as_posix(), language, type="cf", subtype="translation",
                    location=f"{path.relative_to(root).as_posix()}:1",
                )
    for problem in problems:
        logger.error(problem.message, location=f"{problem.file}:{problem.line}")
        app.cf_broken_banks.add(problem.file)  # type: ignore[attr-defined]
    if problems:
        logger.error(
            "%d problem(s) in the question banks; fix them (`python -m customer_focus quiz check` "
            "checks the banks without building).", len(problems),
        )
    lines = {quiz.source: quiz.line for quiz in quizzes.values()}
    for measure in balance_report(quizzes.values()):
        if measure.failed:
            line = lines.get(measure.where)
            text = measure.message[len(measure.where) + 2:] if line else measure.message
            logger.error(
                "%s (README.md: \"How to write a balanced item\")", text,
                location=f"{measure.where}:{line}" if line else None,
            )
    return quizzes


def _load(app: Sphinx) -> None:
    language = language_code(app.config.language)
    if language is not None and supported(language) is None:
        logger.warning(
            "the quizzes' and the scenario's words (src/customer_focus/data/widget-words.yml) have "
            "no %s: they are shown in English (the words are in %s)", language, ", ".join(LANGUAGES),
            type="cf", subtype="translation",
        )
    app.cf_quizzes = load_course_quizzes(app)  # type: ignore[attr-defined]


def chapter_page(course: CourseMap, chapter: str) -> str:
    """The docname of a course-map chapter's page (``page`` is relative to ``book/``)."""
    return f"book/{course.chapters[chapter].page}"


def _words_block(vocabulary: dict[str, str]) -> str:
    """The page's words for quiz.js, in a data block of their own (read even if the quiz's is not)."""
    text = json.dumps(vocabulary, ensure_ascii=False).replace("<", "\\u003c")
    return f'<script type="application/json" class="cf-quiz-words">{text}</script>'


def _encode(placement: Placement, chapter_links: list[dict[str, str]]) -> str:
    quiz = placement.quiz
    payload = json.dumps([question.to_data() for question in placement.questions], ensure_ascii=False)
    data: dict[str, Any] = {
        "version": STORAGE_VERSION,
        "quiz": quiz.id,
        "key": placement.key,
        "restricted": placement.restricted,
        "title": quiz.title,
        "mode": quiz.mode,
        "fingerprint": placement.fingerprint,
        "passMark": quiz.pass_mark,
        "payload": base64.b64encode(payload.encode("utf-8")).decode("ascii"),
    }
    if placement.draw is not None:
        data.update(size=placement.draw.size, minPerChapter=placement.draw.min_per_chapter, chapters=chapter_links)
    return json.dumps(data).replace("<", "\\u003c")


def _prompt_inline(prompt_html: str) -> str:
    """Paragraphs become blocks of spans, which a legend may hold."""
    return prompt_html.replace("<p>", '<span class="cf-para">').replace("</p>", "</span>")


def _question_html(placement: Placement, question: Question, number: int, word: dict[str, str]) -> str:
    base = f"cfq-{placement.slug}-{question.id}"
    total = len(placement.questions)
    exam = placement.quiz.mode == "exam"
    parts = [
        f'<fieldset class="cf-question" id="{base}" data-question="{escape(question.id)}" '
        f'data-type="{question.type}" data-chapter="{escape(question.chapter)}">',
        f'<legend><span class="cf-qnum">{escape(say(word["question_number"], n=number, total=total))}</span> '
        f'<span class="cf-prompt">{_prompt_inline(question.prompt)}</span></legend>',
    ]
    if question.type == "numeric":
        label = say(word["your_answer_unit"], unit=question.unit) if question.unit else word["your_answer"]
        parts.append(
            f'<div class="cf-answer"><label for="{base}-answer">{escape(label)}</label> '
            f'<input type="text" inputmode="decimal" autocomplete="off" id="{base}-answer" name="{base}"></div>'
        )
    else:
        kind = "checkbox" if question.type == "multiple" else "radio"
        if question.type == "multiple":
            parts.append(f'<p class="cf-hint">{escape(word["choose_all"])}</p>')
        parts.append('<div class="cf-options">')
        for option in question.options:
            parts.append(
                f'<div class="cf-option" data-option="{option.id}"><input type="{kind}" id="{base}-{option.id}" '
                f'name="{base}" value="{option.id}"> <label for="{base}-{option.id}">{option.text}</label></div>'
            )
        parts.append("</div>")
    if not exam:
        which = escape(say(word["which_question"], n=number))
        parts.append(
            '<div class="cf-actions">'
            f'<button type="button" class="cf-check">{escape(word["check"])}<span class="cf-visually-hidden cf-which"> {which}</span></button> '
            f'<button type="button" class="cf-retry" hidden>{escape(word["try_again"])}<span class="cf-visually-hidden cf-which"> {which}</span></button>'
            "</div>"
        )
    parts += [
        '<div class="cf-feedback" role="status" aria-live="polite"></div>',
        '<div class="cf-explanation" hidden></div>',
        "</fieldset>",
    ]
    return "\n".join(parts)


def _help(placement: Placement, course: CourseMap | None, word: dict[str, str]) -> str:
    if placement.draw is None:
        return f'<p class="cf-quiz-help">{word["help_practice"]}</p>'
    draw = placement.draw
    pool = len(placement.questions)
    if placement.restricted and course is not None:
        where = say(word["where_chapters"], chapters=escape(word["chapters_separator"]).join(
            escape(course.chapters[c].title) if c in course.chapters else escape(c) for c in placement.chapters
        ))
    else:
        where = escape(word["where_course"])
    minimum = escape(say(word["minimum"], n=draw.min_per_chapter)) if draw.min_per_chapter else ""
    text = say(word["help_exam"], size=draw.size, pool=pool, where=where, minimum=minimum)
    return f'<p class="cf-quiz-help">{text}</p>'


def quiz_html(quiz: Quiz | Placement, chapter_links: list[dict[str, str]] | None = None,
              course: CourseMap | None = None, language: str | None = None) -> str:
    """The HTML of a placed quiz, as the ``{quiz}`` directive writes it.

    Visible text holds only the prompts and the options, in their authored
    order; which options are correct, the feedback and the explanations are
    in the encoded data block.

    Parameters
    ----------
    quiz : Quiz or Placement
        A whole bank, or a placement of one.
    chapter_links : list of dict, optional
        Exam banks: ``{"id", "title", "url"}`` of each chapter, for the breakdown.
    course : CourseMap, optional
        For chapter titles in the help text.
    language : str, optional
        The language of the fixed words (buttons, help, score lines); ``None``:
        English. The questions' own text is the bank's (load it in that language).
    """
    placement = quiz if isinstance(quiz, Placement) else Placement(quiz)
    bank = placement.quiz
    exam = bank.mode == "exam"
    word = words("quiz", supported(language))
    questions = "\n".join(
        _question_html(placement, question, index + 1, word) for index, question in enumerate(placement.questions)
    )
    if exam:
        footer = (
            '<div class="cf-exam-bar" hidden>'
            '<p class="cf-exam-status"></p>'
            f'<button type="button" class="cf-submit">{escape(word["submit"])}</button>'
            "</div>\n"
            '<div class="cf-exam-confirm" hidden>'
            '<p class="cf-exam-confirm-text" tabindex="-1"></p>'
            '<p class="cf-exam-confirm-actions">'
            f'<button type="button" class="cf-submit-anyway">{escape(word["submit_anyway"])}</button> '
            f'<button type="button" class="cf-keep-answering">{escape(word["keep_answering"])}</button></p>'
            "</div>\n"
            '<div class="cf-exam-results" hidden>'
            f'<h2 class="cf-exam-results-title" id="cf-results-{placement.slug}" tabindex="-1">{escape(word["results_title"])}</h2>'
            '<p class="cf-exam-score"></p>'
            f'<table class="cf-exam-breakdown"><caption>{escape(word["breakdown_caption"])}</caption>'
            f'<thead><tr><th scope="col">{escape(word["chapter"])}</th><th scope="col">{escape(word["right"])}</th></tr></thead>'
            '<tbody></tbody></table>'
            f'<p><button type="button" class="cf-new-attempt">{escape(word["new_attempt"])}</button></p>'
            "</div>\n"
            '<div class="cf-exam-live cf-visually-hidden" role="status" aria-live="polite"></div>\n'
            "<noscript><p>"
            + say(escape(word["noscript_exam"]), code=f"<code>quiz.show(\"{escape(bank.id)}\")</code>")
            + "</p></noscript>"
        )
    else:
        footer = (
            '<div class="cf-quiz-footer">'
            f'<p class="cf-score">{escape(say(word["score"], right=0, total=len(placement.questions)))}</p>'
            f'<button type="button" class="cf-clear">{escape(word["clear"])}</button>'
            "</div>"
        )
    return (
        f'<section class="cf-quiz{" cf-exam" if exam else ""}" id="cf-quiz-{escape(placement.slug)}" '
        f'data-quiz="{escape(bank.id)}" data-key="{escape(placement.key)}" data-mode="{bank.mode}" '
        f'aria-label="{escape(bank.title)}">\n'
        # an h2; the {quiz} directive's page sets its level by the section (_title_levels)
        f'<h2 class="cf-quiz-title">{escape(bank.title)}</h2>\n'
        f"{_help(placement, course, word)}\n"
        f'<form class="cf-quiz-form" novalidate>\n{questions}\n</form>\n'
        f"{footer}\n"
        f'<script type="application/json" class="cf-quiz-data">{_encode(placement, chapter_links or [])}</script>\n'
        f"{_words_block(word)}\n"
        "</section>"
    )


def _chapters_option(text: str) -> list[str]:
    return [part for part in re.split(r"[,\s]+", text or "") if part]


class QuizDirective(SphinxDirective):
    """``{quiz} <quiz id>``, optionally ``:chapters: a, b``: place a quiz from the question banks."""

    required_arguments = 1
    has_content = False
    option_spec = {"chapters": _chapters_option}

    def run(self) -> list[nodes.Node]:
        app = self.env.app
        quizzes: dict[str, Quiz] = getattr(app, "cf_quizzes", {})
        course: CourseMap | None = getattr(app, "cf_course", None)
        quiz = quizzes.get(self.arguments[0])
        if quiz is None:
            broken = sorted(getattr(app, "cf_broken_banks", ()))
            reason = f" (these banks have problems, listed above: {', '.join(broken)})" if broken else ""
            raise self.error(
                f"quiz: no usable bank with quiz id {self.arguments[0]!r}{reason}; "
                f"usable: {', '.join(sorted(quizzes)) or 'none'}"
            )
        try:
            placement = place(quiz, self.options.get("chapters", []), known=course.chapters if course else None)
        except ValueError as error:
            raise self.error(f"quiz {quiz.id}: {error}") from None
        root = Path(app.confdir)
        self.env.note_dependency(str(root / quiz.source))
        self.env.note_dependency(str(root / app.config.cf_course_map))
        pages = self.env.cf_quiz_pages if hasattr(self.env, "cf_quiz_pages") else {}
        if placement.key in pages and pages[placement.key] != self.env.docname:
            where = f" with the chapters {', '.join(placement.chapters)}" if placement.restricted else ""
            raise self.error(
                f"quiz: {quiz.id!r}{where} is already placed on {pages[placement.key]}; "
                "place each quiz once (a bank may be placed again with other :chapters:)"
            )
        pages[placement.key] = self.env.docname
        self.env.cf_quiz_pages = pages
        if quiz.has_math:
            self.env.temp_data["cf_quiz_math"] = True
        links = self._chapter_links(placement, course) if quiz.mode == "exam" else []
        language = language_code(app.config.language)
        if language is not None:
            self.env.note_dependency(str(translation_path("quizzes", root / quiz.source, language,
                                                          locales=root / "locales")))
        node = nodes.raw("", quiz_html(placement, links, course, language), format="html")
        node["cf_quiz"] = True  # its title's level is set once the page is read: see _title_levels
        if language is not None and course is not None:
            # the course map's chapter titles are English: the page titles (translated) replace
            # them once every page is read (see _chapter_titles)
            node["cf_chapter_pages"] = [
                [course.chapters[c].title, chapter_page(course, c)]
                for c in placement.pool_chapters() if c in course.chapters
            ]
        return [node]

    def _chapter_links(self, placement: Placement, course: CourseMap | None) -> list[dict[str, str]]:
        links = []
        present = placement.pool_chapters()
        order = list(course.chapters) if course else present
        for chapter in sorted(present, key=lambda c: order.index(c) if c in order else len(order)):
            if course is None or chapter not in course.chapters:
                word = words("quiz", supported(self.env.app.config.language))
                links.append({"id": chapter, "title": chapter or word["whole_course"], "url": ""})
                continue
            page = chapter_page(course, chapter)
            if page not in self.env.found_docs:
                logger.warning("course map chapter %r: its page %s is not in the book", chapter, page,
                               location=(self.env.docname, self.lineno))
                url = ""
            else:
                url = self.env.app.builder.get_relative_uri(self.env.docname, page)
            links.append({"id": chapter, "title": course.chapters[chapter].title, "url": url})
        return links


class _progress_placeholder(nodes.General, nodes.Element):
    """Replaced by the progress table once every page's quizzes are known."""


class QuizProgressDirective(SphinxDirective):
    """``{quiz-progress}``: a table of every quiz in the course, filled in by quiz.js."""

    has_content = False

    def run(self) -> list[nodes.Node]:
        PROGRESS_PAGES.add(self.env, self.env.docname)
        return [_progress_placeholder()]


def placements(app: Sphinx) -> list[tuple[Placement, str]]:
    """Every placement of the built book with its page, in page order then title."""
    quizzes: dict[str, Quiz] = getattr(app, "cf_quizzes", {})
    course: CourseMap | None = getattr(app, "cf_course", None)
    found = []
    for key, page in getattr(app.env, "cf_quiz_pages", {}).items():
        quiz_id, chapters = parse_key(key)
        if quiz_id not in quizzes:
            continue
        try:
            found.append((place(quizzes[quiz_id], chapters, known=course.chapters if course else None), page))
        except ValueError:
            continue
    return sorted(found, key=lambda item: (item[1], item[0].quiz.title, item[0].key))


def _progress_html(app: Sphinx, docname: str) -> str:
    word = words("quiz", supported(app.config.language))
    rows = []
    for placement, page in placements(app):
        quiz = placement.quiz
        title = escape(quiz.title)
        if placement.restricted:
            page_title = app.env.titles[page].astext() if page in app.env.titles else page
            title = f"{title}: {escape(page_title)}"
        link = app.builder.get_relative_uri(docname, page) + f"#cf-quiz-{placement.slug}"
        size = str(placement.total)
        if placement.draw is not None:
            size = escape(say(word["drawn_from"], total=placement.total, pool=len(placement.questions)))
        rows.append(
            f'<tr data-quiz="{escape(quiz.id)}" data-key="{escape(placement.key)}" data-mode="{quiz.mode}" '
            f'data-total="{placement.total}" data-fingerprint="{placement.fingerprint}">'
            f'<th scope="row"><a href="{escape(link)}">{title}</a></th><td>{size}</td>'
            f'<td class="cf-best">{escape(word["not_started"])}</td>'
            f'<td><button type="button" class="cf-reset-quiz">{escape(word["reset"])}<span class="cf-visually-hidden"> {title}</span></button></td></tr>'
        )
    return (
        '<div class="cf-progress">'
        f'<table class="cf-progress-table"><caption>{escape(word["progress_caption"])}</caption>'
        f'<thead><tr><th scope="col">{escape(word["progress_quiz"])}</th><th scope="col">{escape(word["progress_questions"])}</th>'
        f'<th scope="col">{escape(word["progress_best"])}</th>'
        f'<th scope="col"><span class="cf-visually-hidden">{escape(word["reset"])}</span></th></tr></thead>'
        f"<tbody>{''.join(rows)}</tbody></table>"
        f'<p><button type="button" class="cf-reset-all">{escape(word["reset_all"])}</button></p>'
        '<p class="cf-progress-status" role="status" aria-live="polite"></p>'
        f"{_words_block(word)}"
        "</div>"
    )


def _fill_progress(app: Sphinx, doctree: nodes.document, docname: str) -> None:
    for node in list(doctree.findall(_progress_placeholder)):
        node.replace_self(nodes.raw("", _progress_html(app, docname), format="html"))


def _check_placed(app: Sphinx, env: Any) -> None:
    placed = {parse_key(key)[0] for key in getattr(env, "cf_quiz_pages", {})}
    for quiz_id, quiz in getattr(app, "cf_quizzes", {}).items():
        if quiz_id not in placed:
            logger.warning("quiz %r (%s) is not placed on any page; add a {quiz} directive", quiz_id, quiz.source)


def _purge(app: Sphinx, env: Any, docname: str) -> None:
    pages = getattr(env, "cf_quiz_pages", {})
    for key in [key for key, page in pages.items() if page == docname]:
        del pages[key]


def _merge(app: Sphinx, env: Any, docnames: set[str], other: Any) -> None:
    env.cf_quiz_pages = {**getattr(env, "cf_quiz_pages", {}), **getattr(other, "cf_quiz_pages", {})}


def _title_levels(app: Sphinx, doctree: nodes.document) -> None:
    """Make each quiz's title a heading one level below the section it is in (h3 under an h2).

    The directive cannot see its section (MyST runs it with a mock state), so the
    level is set here, from the quiz's place in the page's sections.
    """
    for node in list(doctree.findall(nodes.raw)):
        if not node.get("cf_quiz"):
            continue
        depth = 0
        parent = node.parent
        while parent is not None:
            depth += isinstance(parent, nodes.section)
            parent = parent.parent
        level = min(depth + 1, 6)
        html = re.sub(
            r'<h2 class="cf-quiz-title">(.*?)</h2>',
            rf'<h{level} class="cf-quiz-title">\1</h{level}>',
            node.astext(), count=1, flags=re.S,
        )
        new = nodes.raw("", html, format="html")
        if node.get("cf_chapter_pages"):
            new["cf_chapter_pages"] = node["cf_chapter_pages"]
        node.replace_self(new)


def _chapter_titles(app: Sphinx, doctree: nodes.document, docname: str) -> None:
    """In a translated build, name the chapters of an exam's help and breakdown by their pages'
    (translated) titles instead of the course map's English ones."""
    for node in list(doctree.findall(nodes.raw)):
        pairs = node.get("cf_chapter_pages")
        if not pairs:
            continue
        html = node.astext()
        for english, page in pairs:
            if page not in app.env.titles:
                continue
            title = app.env.titles[page].astext()
            html = html.replace(f'"title": {json.dumps(english)}',
                                f'"title": {json.dumps(title)}'.replace("<", "\\u003c"))
            found = re.search(r'<p class="cf-quiz-help">.*?</p>', html, flags=re.S)
            if found:
                help_text = found.group(0).replace(escape(english), escape(title))
                html = html[:found.start()] + help_text + html[found.end():]
        node.replace_self(nodes.raw("", html, format="html"))


def _load_mathjax_for_quiz_math(app: Sphinx, doctree: nodes.document) -> None:
    """Make Sphinx load MathJax on a page whose only math is in a quiz.

    Sphinx decides from the page's math nodes, which a quiz (raw HTML) has
    none of; this runs after the math domain has looked at the page.
    """
    if app.env.temp_data.get("cf_quiz_math"):
        app.env.get_domain("math").data["has_equations"][app.env.docname] = True


def progress_index(app: Sphinx) -> dict[str, Any]:
    """What the SCORM launch page needs to store progress compactly.

    Every placement (its key, fingerprint, mode, and each question's id,
    type, fingerprint and option ids in authored order) and every scenario
    (id and fingerprint), in a stable order: stored progress names them by
    position in these lists.
    """
    from ..course.scenario import load as load_scenario
    from ..course.scenario.model import ScenarioError

    entries = []
    for placement, _page in sorted(placements(app), key=lambda item: item[0].key):
        entries.append({
            "key": placement.key,
            "fingerprint": placement.fingerprint,
            "mode": placement.quiz.mode,
            "size": placement.total,
            "questions": [
                {"id": q.id, "type": q.type, "fingerprint": q.fingerprint, "options": [o.id for o in q.options]}
                for q in placement.questions
            ],
        })
    scenarios = []
    folder = Path(app.confdir) / app.config.cf_scenario_folder
    for path in sorted(folder.glob("*.yml")) if folder.is_dir() else []:
        try:
            scenario = load_scenario(path)
        except ScenarioError:
            continue  # the {scenario} directive reports it
        scenarios.append({"id": scenario.id, "fingerprint": scenario.fingerprint})
    return {"version": STORAGE_VERSION, "placements": entries, "scenarios": scenarios}


def _write_index(app: Sphinx, exception: Exception | None) -> None:
    if exception is not None or app.builder.format != "html":
        return
    target = Path(app.outdir) / INDEX_FILE
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_text(json.dumps(progress_index(app), ensure_ascii=False, indent=1), encoding="utf-8")


#: The setting, the directives, their hooks and script.
EXTENSION = Extension(
    config={"cf_quiz_folder": "book/quizzes"},
    nodes=(_progress_placeholder,),
    directives={"quiz": QuizDirective, "quiz-progress": QuizProgressDirective},
    events=(
        ("builder-inited", _load),
        ("env-purge-doc", _purge),
        ("env-merge-info", _merge),
        ("env-check-consistency", _check_placed),
        ("doctree-read", _title_levels),
        ("doctree-read", _load_mathjax_for_quiz_math),
        ("doctree-resolved", _fill_progress),
        ("doctree-resolved", _chapter_titles),
        ("build-finished", _write_index),
    ),
    scripts=("quiz.js",),
    pages=(PROGRESS_PAGES,),
)
setup = EXTENSION.setup
