"""The comments of a page's code, in a translation's language.

A worksheet's or a chapter's code cell shows its code on the page, with its
comments (``# share of customers who stay each year (80%)``), and so does a
block of Python a page shows (how to use the course, the answer keys). Sphinx's catalogs
hold a page's text, not its code, so in the zh-TW edition those comments stayed
English. They are translated from the course's catalog of code comments,
``locales/<lang>/code-comments.po`` (kept by ``make translations``, the same one
the edition's downloadable notebooks are translated with:
:mod:`customer_focus.publish.notebooks`), when a translation's page is written.
Only what the page shows changes: the cell ran as written.
"""

from __future__ import annotations

from pathlib import Path

from docutils import nodes
from sphinx.application import Sphinx

from ..core.languages import LANGUAGES, language_code
from ..course.notebook_translation import (
    COMMENTS_CATALOG,
    comments_catalog,
    translate_comments,
)
from .registry import Extension

__all__ = ["setup"]


#: The languages of a code block whose comments are words a reader reads.
PYTHON = frozenset({"python", "python3", "ipython", "ipython3", "py"})


def _is_cell_code(node: nodes.Node) -> bool:
    """A notebook cell's code, or a block of Python a page shows (an answer key's, a how-to's)."""
    if not isinstance(node, nodes.literal_block):
        return False
    parent = node.parent
    in_cell = parent is not None and "cell_input" in parent.get("classes", [])
    return in_cell or str(node.get("language", "")).lower() in PYTHON


def _translation(app: Sphinx) -> str | None:
    """The code of the course's translation this build writes (``None``: English, or a
    language the course has no translation in, whose pages keep the English comments)."""
    code = language_code(app.config.language)
    return code if code in LANGUAGES else None


def _note(app: Sphinx, doctree: nodes.document) -> None:
    """A translation's page with code is read again when the catalog of comments changes."""
    code = _translation(app)
    if code is not None and next(iter(doctree.findall(_is_cell_code)), None) is not None:
        app.env.note_dependency(str(Path(app.srcdir) / COMMENTS_CATALOG.format(language=code)))


def _translate(app: Sphinx, doctree: nodes.document, docname: str) -> None:
    code = _translation(app)
    if code is None:
        return
    comments = comments_catalog(Path(app.srcdir), code)
    if not comments:
        return
    for block in list(doctree.findall(_is_cell_code)):
        text = block.astext()
        translated, _missing = translate_comments(text, comments)
        if translated != text:
            block.children = [nodes.Text(translated)]
            block.rawsource = translated


#: The step that translates a page's code comments as it is written.
EXTENSION = Extension(events=(("doctree-read", _note), ("doctree-resolved", _translate)))
setup = EXTENSION.setup
