"""The glossary page's table, drawn from ``locales/zh_TW/glossary.yml`` (one source).

``{course-glossary}`` (in ``book/extend/glossary.md``) writes a table with a row per
term of :mod:`customer_focus.course.glossary`: the English term, its Traditional Chinese
term and its note. The column headings are the directive's options, written on the page,
so that the zh-TW edition translates them with the rest of the page (``glossary.po``);
the terms themselves are the same in both editions and are not in any catalog. Each cell
says which language it is in (``lang``), for screen readers. A glossary file with a
mistake is a build error at its ``file:line``.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from docutils import nodes
from docutils.parsers.rst import directives
from sphinx.application import Sphinx
from sphinx.util.docutils import SphinxDirective

from ..core.problems import DataFileError
from ..course.glossary import GLOSSARY_FILE, load_glossary

__all__ = ["LANG_CLASS", "GlossaryDirective", "mark_languages", "setup"]

#: A cell's class naming its language, turned into ``lang`` by :func:`mark_languages`.
LANG_CLASS = "cf-lang-"
#: The ``lang`` of the columns: English, Traditional Chinese, the notes (written in Chinese).
COLUMN_LANGS = ("en", "zh-Hant-TW", "zh-Hant-TW")


class GlossaryDirective(SphinxDirective):
    """``{course-glossary}``: the glossary's terms as a table, with headings from the options."""

    has_content = False
    option_spec = {
        "english": directives.unchanged_required,
        "chinese": directives.unchanged_required,
        "note": directives.unchanged_required,
    }

    def run(self) -> list[nodes.Node]:
        path = Path(self.env.app.confdir) / GLOSSARY_FILE
        self.env.note_dependency(str(path))
        missing = [key for key in self.option_spec if not self.options.get(key)]
        if missing:
            message = (
                "course-glossary: give the column headings as options: "
                + ", ".join(f":{key}:" for key in missing)
            )
            return [self.state.document.reporter.error(message, line=self.lineno)]
        try:
            terms = load_glossary(path)
        except DataFileError as error:
            return [self.state.document.reporter.error(str(error), line=self.lineno)]
        headings = [self.options[key] for key in ("english", "chinese", "note")]
        rows = [[term.en, term.zh, term.note] for term in terms]
        return [self._table(headings, rows)]

    def _heading(self, text: str) -> nodes.entry:
        # Source and line make the heading a message of the page's catalog (translated).
        paragraph = nodes.paragraph(text, text)
        paragraph.source, paragraph.line = self.get_source_info()
        return nodes.entry("", paragraph)

    @staticmethod
    def _cell(text: str, lang: str) -> nodes.entry:
        # No source: the terms are the same in both editions, not messages to translate.
        if not text:
            return nodes.entry("", nodes.paragraph())
        return nodes.entry("", nodes.paragraph("", "", nodes.inline(text, text, classes=[LANG_CLASS + lang])))

    def _table(self, headings: list[str], rows: list[list[str]]) -> nodes.table:
        table = nodes.table(classes=["cf-glossary"])
        group = nodes.tgroup(cols=len(headings))
        table += group
        for width in (35, 30, 35):
            group += nodes.colspec(colwidth=width)
        head = nodes.thead()
        head += nodes.row("", *(self._heading(text) for text in headings))
        group += head
        body = nodes.tbody()
        for row in rows:
            body += nodes.row("", *(self._cell(text, lang) for text, lang in zip(row, COLUMN_LANGS)))
        group += body
        return table


def mark_languages(body: str) -> str:
    """Give the glossary's cells their ``lang`` (docutils writes no ``lang`` attribute).

    Examples
    --------
    >>> mark_languages('<p><span class="cf-lang-zh-Hant-TW">傾聽站</span></p>')
    '<p><span lang="zh-Hant-TW">傾聽站</span></p>'
    """
    for lang in set(COLUMN_LANGS):
        body = body.replace(f'<span class="{LANG_CLASS}{lang}">', f'<span lang="{lang}">')
    return body


def _page(app: Sphinx, pagename: str, templatename: str, context: dict, doctree: Any) -> None:
    if LANG_CLASS in context.get("body", ""):
        context["body"] = mark_languages(context["body"])


def setup(app: Sphinx) -> None:
    """Register the directive and the page hook."""
    app.add_directive("course-glossary", GlossaryDirective)
    app.connect("html-page-context", _page)
