"""The workshop kit, published with the site and listed in the facilitator guide.

When the course has a ``book/instructors/kit.yml``, every HTML build:

- prints the kit's handouts on A4 and US Letter, writes the slide decks and one
  zip of it all into ``_build/html/_downloads/kit/`` at the end of the build
  (:func:`customer_focus.publish.workshop.publish_kit`, redoing only what changed,
  with its cache in ``_build/.cache/kit``); the zh-TW edition prints its own
  pages and writes its own decks, in Chinese, into ``_build/html/zh-TW/_downloads/kit/``
  (cache in ``_build/zh-TW/.cache/kit``);
- replaces ``{workshop-kit}`` (in the facilitator guide) with the list of
  those files, linked, taken from the kit's own list so that no file name is
  typed by hand (its own words from ``data/kit-words.yml``, in the page's language);
- gives every page's print the page's title in its header (the stylesheet's
  ``@page`` rules hold the rest) and "Page n of N" in its footer, as the PDFs have:
  a zh-TW page's print gets the Chinese header and footer ("第 n 頁，共 N 頁",
  ``data/print-words.yml``).
"""

from __future__ import annotations

import html
import re
from pathlib import Path
from typing import Any

from docutils import nodes
from sphinx.application import Sphinx
from sphinx.errors import ExtensionError
from sphinx.util import logging
from sphinx.util.docutils import SphinxDirective

from ..core.languages import language_code
from ..core.problems import DataFileError
from ..publish import handouts
from ..publish.editions import wait_for_english
from ..publish.workshop import SITE_FOLDER, deck_titles, load_kit, publish_kit, write_kit_decks
from ..tools.spec import words
from .editions import build_folder, shared_root
from .registry import Extension, PageSet

__all__ = ["KIT_FILE", "page_title_style", "setup"]

logger = logging.getLogger(__name__)
#: The kit's list, relative to the course's folder; without it the kit is not built.
KIT_FILE = "book/instructors/kit.yml"
#: The pages that list the kit: written again on every build, since the kit may have changed.
PAGES = PageSet("cf_kit_pages", rebuild=True)


def _root(app: Sphinx) -> Path:
    return Path(app.srcdir)


def _active(app: Sphinx) -> bool:
    return (_root(app) / KIT_FILE).is_file() and app.builder.format == "html"


def _css_string(text: str, flat: bool = True) -> str:
    if flat:
        text = " ".join(text.split())
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"').replace("<", "\\3c ") + '"'


def _css_counters(text: str) -> str:
    """A sentence of ``{page}`` and ``{pages}`` as CSS ``content`` with the page counters.

    >>> _css_counters("第 {page} 頁，共 {pages} 頁")
    '"第 " counter(page) " 頁，共 " counter(pages) " 頁"'
    """
    parts = re.split(r"\{(pages?)\}", text)
    return " ".join(
        f"counter({part})" if index % 2 else _css_string(part, flat=False)
        for index, part in enumerate(parts) if part
    )


def page_title_style(course: str, title: str, language: str | None = None) -> str:
    """The ``@page`` header and footer of a page's print: the course's name, then the page's
    title; "Page n of N" at the bottom.

    The footer's words are ``data/print-words.yml``'s, as in the kit's PDFs
    (:mod:`customer_focus.publish.handouts`), in ``language`` (default English). In a
    translation (``zh_TW``) the course's name is its words too, and the header and footer are
    in its fonts (``!important``: the stylesheet, which the page loads after this style,
    sets their font).

    >>> page_title_style("Course", 'A "quoted" <b>title</b>')
    '<style media="print">@page { @top-left { content: "Course"; } @top-right { content: "A \\\\"quoted\\\\" title"; } @bottom-center { content: "Page " counter(page) " of " counter(pages); } }</style>'
    >>> chinese = page_title_style("Course", "工作表", "zh_TW")
    >>> '@bottom-center { content: "第 " counter(page) " 頁，共 " counter(pages) " 頁"; font-family:' in chinese
    True
    >>> '@top-left { content: "以顧客為中心：創造價值與忠誠度"; font-family: "Noto Sans CJK TC"' in chinese
    True
    """
    plain = html.unescape(re.sub(r"<[^>]+>", "", title))
    said = words("print-words.yml", language)
    fonts = f" font-family: {said['fonts']} !important;" if language_code(language) else ""
    if language_code(language):
        course = said["course"]
    return (
        '<style media="print">@page { '
        f"@top-left {{ content: {_css_string(course)};{fonts} }} "
        f"@top-right {{ content: {_css_string(plain)};{fonts} }} "
        f"@bottom-center {{ content: {_css_counters(said['page_of'])};{fonts} }} }}</style>"
    )


class _workshop_kit(nodes.General, nodes.Element):
    """Replaced by the list of the kit's files once every page's title is known."""


class WorkshopKitDirective(SphinxDirective):
    """``{workshop-kit}``: every file of the workshop kit, linked."""

    has_content = False

    def run(self) -> list[nodes.Node]:
        self.env.note_dependency(str(_root(self.env.app) / KIT_FILE))
        PAGES.add(self.env, self.env.docname)
        try:
            load_kit(_root(self.env.app)).handouts(self.env.found_docs)
        except (DataFileError, FileNotFoundError) as error:
            return [self.state.document.reporter.error(str(error), line=self.lineno)]
        return [_workshop_kit()]


def _link(prefix: str, name: str, text: str) -> str:
    """A link to a file of the kit, whose folder is ``prefix`` + the kit's folder."""
    return f'<a href="{html.escape(prefix + SITE_FOLDER + "/" + name)}">{html.escape(text)}</a>'


def _listing(app: Sphinx, docname: str) -> str:
    kit = load_kit(_root(app), app.config.language)
    said = words("kit-words.yml", app.config.language)
    prefix = "../" * docname.count("/")  # each edition links its own kit
    blocks = [
        f'<p class="cf-kit-zip">{_link(prefix, kit.zip_name, said["zip"].format(title=kit.title))}</p>'
    ]
    for number, (heading, pages) in enumerate(kit.handouts(app.env.found_docs)):
        items = []
        for page in pages:
            title = app.env.titles[page].astext() if page in app.env.titles else page
            stem = page.rsplit("/", 1)[-1]
            papers = ", ".join(
                _link(prefix, f"handouts/{paper}/{stem}.pdf", said.get(paper, paper))
                for paper in handouts.PAPERS
            )
            items.append(
                f"<li>{said['pdf'].format(title=html.escape(title), papers=papers)}</li>"
            )
        blocks.append(
            f'<p class="cf-kit-heading" id="cf-kit-group-{number}"><strong>{html.escape(heading)}</strong></p>'
            f'<ul aria-labelledby="cf-kit-group-{number}">{"".join(items)}</ul>'
        )
    decks = getattr(app.env, "cf_kit_decks", None)
    if kit.decks and decks is not None:
        items = [
            f"<li>{_link(prefix, f'slides/{name}', said['all_decks'] if name == 'index.html' else title)}</li>"
            for name, title in deck_titles(Path(decks))
        ]
        blocks.append(
            '<p class="cf-kit-heading" id="cf-kit-decks"><strong>'
            f'{html.escape(said["decks"])}</strong></p>'
            f'<ul aria-labelledby="cf-kit-decks">{"".join(items)}</ul>'
        )
    return f'<div class="cf-kit">{"".join(blocks)}</div>'


def _resolve(app: Sphinx, doctree: nodes.document, docname: str) -> None:
    for node in list(doctree.findall(_workshop_kit)):
        node.replace_self(nodes.raw("", _listing(app, docname), format="html"))


def _write_decks(app: Sphinx, env: Any) -> None:
    if _active(app) and load_kit(_root(app)).decks:
        env.cf_kit_decks = str(write_kit_decks(_root(app), _cache(app), app.config.language))


def _cache(app: Sphinx) -> Path:
    return build_folder(app) / ".cache" / "kit"


def _page_style(app: Sphinx, pagename: str, templatename: str, context: dict, doctree: Any) -> None:
    if not _active(app) or not context.get("title"):
        return
    course = app.config.html_title or app.config.project
    context["metatags"] = context.get("metatags", "") + page_title_style(
        course, context["title"], app.config.language
    )


def _publish(app: Sphinx, exception: Exception | None) -> None:
    if exception is not None or not _active(app):
        return
    decks = getattr(app.env, "cf_kit_decks", None)
    site = Path(app.outdir).resolve()
    # the zh-TW edition's pages print with the English edition's MathJax: when the two
    # are built at once, its handouts wait for that build
    if shared_root(app) and wait_for_english():
        logger.info("workshop kit: the English edition is built; printing the handouts")
    try:
        files = publish_kit(
            site, _root(app), _cache(app), app.env.found_docs,
            decks=Path(decks) if decks else None,
            language=app.config.language,
            # the zh-TW edition's pages load the shared files above it: serve the whole site
            served=(site / shared_root(app)).resolve() if shared_root(app) else None,
        )
    except (DataFileError, FileNotFoundError, ValueError) as error:
        raise ExtensionError(f"workshop kit: {error}") from None
    logger.info(
        f"workshop kit: {len(files.handouts)} handout PDFs ({files.printed} printed now), "
        f"{len(files.decks)} slide pages and {files.zip}"
    )


#: The directive and its hooks; its pages are written again on every build.
EXTENSION = Extension(
    nodes=(_workshop_kit,),
    directives={"workshop-kit": WorkshopKitDirective},
    events=(
        ("env-updated", _write_decks),
        ("doctree-resolved", _resolve),
        ("html-page-context", _page_style),
        ("build-finished", _publish),
    ),
    pages=(PAGES,),
)
setup = EXTENSION.setup
