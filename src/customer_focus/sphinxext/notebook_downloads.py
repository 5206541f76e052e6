"""A translation's notebooks and page sources, downloaded from its pages, in its language.

A worksheet's or the lab's page offers its notebook (the page's download
button: the copy Sphinx keeps in ``_sources/``; a Markdown page its MyST source,
translated the same way), and the workshop pages offer
the exercises and their solutions (``{download}`` links: ``_downloads/``). In
the English edition these are the course's notebooks as they are. At the end of
a translation's build (the zh-TW edition), each is written again in the
edition's language (:func:`customer_focus.publish.notebooks.write_translated`):
its Markdown from the catalogs the pages are translated with, a first cell that
makes the package speak the language, the English outputs cleared.
"""

from __future__ import annotations

from pathlib import Path

from sphinx.application import Sphinx
from sphinx.util import logging

from ..core.languages import LANGUAGES, language_code
from ..publish.notebooks import write_translated
from .registry import Extension

logger = logging.getLogger(__name__)

__all__ = ["downloaded_notebooks", "setup"]


def downloaded_notebooks(app: Sphinx) -> list[tuple[Path, Path]]:
    """Each notebook and page source a reader downloads from the built site: (its source, its
    file in the site)."""
    out, found = Path(app.outdir), []
    for docname in sorted(app.env.found_docs):
        source = Path(app.env.doc2path(docname))
        copy = out / "_sources" / f"{docname}{source.suffix}"
        if source.suffix in (".ipynb", ".md") and copy.is_file():
            found.append((source, copy))
    for filename, (_pages, destination) in sorted(app.env.dlfiles.items()):
        if filename.endswith(".ipynb"):
            found.append((Path(app.srcdir) / filename, out / "_downloads" / destination))
    return found


def _translate(app: Sphinx, exception: Exception | None) -> None:
    if exception is not None or app.builder.format != "html":
        return
    code = language_code(app.config.language)
    if code is None:
        return
    if code not in LANGUAGES:
        logger.warning(f"the course has no translation in {code}: its downloadable notebooks "
                       "are the English ones")
        return
    notebooks = downloaded_notebooks(app)
    for source, copy in notebooks:
        try:
            write_translated(Path(app.srcdir), source, copy, code)
        except FileNotFoundError as error:
            # A page with no catalog is English on the edition's page too, as Sphinx shows it
            # (the course's pages all have one: tests/translations/test_page_catalogs.py).
            logger.info(f"{copy.relative_to(app.outdir)} is left in English: {error}")
    logger.info(f"the {len(notebooks)} downloadable notebooks and sources written in {code}")


#: The build step.
EXTENSION = Extension(events=(("build-finished", _translate),))
setup = EXTENSION.setup
