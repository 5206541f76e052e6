"""The course's two editions in one site: English at the root, Traditional Chinese in ``zh-TW/``.

Both are built from the same sources: the English one by ``jupyter-book build``, the
Chinese one by :mod:`customer_focus.publish.editions` with ``language: zh_TW`` (the pages'
translations come from ``locales/zh_TW/LC_MESSAGES``). This module gives every page of
either edition:

- ``<html lang>`` in the edition's language (``zh-Hant-TW`` for the Chinese pages);
- ``<link rel="alternate" hreflang>`` to the page itself and to its twin in the other edition;
- the language switch in the page's header (``language-switch.html``): a link to the twin.

The Chinese edition serves nothing twice: its pages load the third-party JavaScript
(MathJax, the widget manager, Pyodide) from the English edition's files
(``cf_shared_root: ../``), and keep their caches in their own build folder
(``cf_build_dir``). What a reader takes away is its own, in Chinese: the workshop kit
(:mod:`.workshop_kit`) and the worksheets' download with its Chinese READMEs
(:mod:`.download`).
"""

from __future__ import annotations

import html
import shutil
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from docutils import nodes
from sphinx import addnodes
from sphinx.application import Sphinx
from sphinx.locale import init as init_locale
from sphinx.transforms import SphinxTransform
from sphinx.util.i18n import docname_to_domain

__all__ = [
    "EDITIONS", "Edition", "edition_of", "twin_uri", "shared_root", "build_folder",
    "keep_outputs_in_build_folder", "setup",
]


@dataclass(frozen=True)
class Edition:
    """One edition of the site."""

    #: The Sphinx ``language`` it is built with.
    sphinx_language: str
    #: Its ``<html lang>`` and ``hreflang`` (BCP 47).
    lang: str
    #: Its folder in the site, relative to the site's root ("" or ending in ``/``).
    folder: str
    #: The language switch's text, in the edition's own language.
    label: str


EDITIONS: dict[str, Edition] = {
    "en": Edition(sphinx_language="en", lang="en", folder="", label="English"),
    "zh-TW": Edition(sphinx_language="zh_TW", lang="zh-Hant-TW", folder="zh-TW/", label="中文"),
}


def edition_of(language: str | None) -> str:
    """The edition (a key of :data:`EDITIONS`) a Sphinx ``language`` builds.

    Examples
    --------
    >>> edition_of("zh_TW"), edition_of("en"), edition_of(None)
    ('zh-TW', 'en', 'en')
    """
    for key, edition in EDITIONS.items():
        if edition.sphinx_language == (language or "en"):
            return key
    return "en"


def twin_uri(pagename: str, here: str, there: str) -> str:
    """The address of page ``pagename`` of edition ``there``, relative to the same page of ``here``.

    Examples
    --------
    >>> twin_uri("book/learn/lifetime-value", "en", "zh-TW")
    '../../zh-TW/book/learn/lifetime-value.html'
    >>> twin_uri("book/learn/lifetime-value", "zh-TW", "en")
    '../../../book/learn/lifetime-value.html'
    >>> twin_uri("book/start/essentials", "zh-TW", "zh-TW")
    'essentials.html'
    """
    if here == there:
        return pagename.rsplit("/", 1)[-1] + ".html"
    up = "../" * pagename.count("/") + "../" * EDITIONS[here].folder.count("/")
    return up + EDITIONS[there].folder + pagename + ".html"


def shared_root(app: Sphinx) -> str:
    """The path from this edition's root to the site's root, whose shared files it uses.

    Empty for the English edition, and for a build that loads a module of the extension
    without this one (the setting is then not declared): it shares nothing.
    """
    return str(getattr(app.config, "cf_shared_root", "") or "")


def build_folder(app: Sphinx) -> Path:
    """The folder of this edition's build caches (by default the output folder's parent)."""
    configured = str(getattr(app.config, "cf_build_dir", "") or "")
    if not configured:
        return Path(app.outdir).parent
    folder = Path(configured)
    return folder if folder.is_absolute() else Path(app.confdir) / folder


def _page_context(
    app: Sphinx, pagename: str, templatename: str, context: dict, doctree: Any
) -> None:
    here = edition_of(app.config.language)
    context["language"] = EDITIONS[here].lang
    links = [
        f'<link rel="alternate" hreflang="{EDITIONS[key].lang}" '
        f'href="{html.escape(twin_uri(pagename, here, key))}" />'
        for key in EDITIONS
    ]
    context["metatags"] = context.get("metatags", "") + "\n".join(links)
    if shared_root(app):
        context["metatags"] += f'\n<meta name="cf-shared-root" content="{html.escape(shared_root(app))}" />'
    context["cf_twins"] = [
        {
            "href": twin_uri(pagename, here, key),
            "lang": EDITIONS[key].lang,
            "label": EDITIONS[key].label,
        }
        for key in EDITIONS
        if key != here
    ]


class TranslateTocCaptions(SphinxTransform):
    """Translate the table of contents' part captions ("Learn", "Apply") in a translation.

    The book's table of contents (``_toc.yml``) is put into the root page by
    sphinx-external-toc's transform (priority 100), after Sphinx's own translation
    transform (20) has run, so the parts' captions, which the page's catalog
    translates, would stay English in the sidebar and on the home page. This runs
    just after and puts each caption's translation in.
    """

    default_priority = 101

    def apply(self, **kwargs: Any) -> None:
        if edition_of(self.config.language) == "en":
            return
        toctrees = [node for node in self.document.findall(addnodes.toctree)
                    if node.get("caption")]
        if not toctrees:
            return
        domain = docname_to_domain(self.env.docname, self.config.gettext_compact)
        folders = [str(Path(self.env.srcdir, folder)) for folder in self.config.locale_dirs]
        catalog, found = init_locale(folders, self.config.language, domain)
        if not found:
            return
        for node in toctrees:
            node["caption"] = catalog.gettext(node["rawcaption"] or node["caption"])


class SourceExerciseTables(SphinxTransform):
    """Give the cells of a table in an exercise or a solution their page, so they are translated.

    sphinx-exercise parses a box's content into a section of its own that names no
    source file; MyST's table cells then have none either, and Sphinx leaves a text
    with no source out of the catalogs and untranslated (it takes it for one of its own
    words): an exercise's table stayed English in the zh-TW edition. Before Sphinx's
    translation (priority 20) and the catalogs' extraction, each such cell gets its
    table's file and line.
    """

    default_priority = 15
    #: The sections sphinx-exercise puts a box's content in.
    CONTENT = frozenset({"exercise-content", "solution-content"})

    def apply(self, **kwargs: Any) -> None:
        for section in self.document.findall(nodes.section):
            if not self.CONTENT & set(section["ids"]):
                continue
            for table in section.findall(nodes.table):
                for node in table.findall(nodes.TextElement):
                    if not node.source:
                        node.source, node.line = table.source, table.line


#: The folder myst-nb writes the notebooks' outputs into (their charts' images).
OUTPUTS = "jupyter_execute"


def keep_outputs_in_build_folder(app: Sphinx) -> None:
    """Write an edition's notebook outputs into its own build folder, not into the site.

    myst-nb writes them next to the output folder: for the English edition
    ``_build/jupyter_execute``; for the zh-TW edition, whose output folder is inside the
    English site (``_build/html/zh-TW``), that is ``_build/html/jupyter_execute``, which
    the site would serve (5 MB nobody links: the pages copy their images into ``_images``).
    An edition with a build folder of its own (``cf_build_dir``) writes them there. A
    folder of outputs an older build left in the site is removed: every page is read
    again after this module changes (:mod:`.freshness`), so no page points into it.
    """
    config = getattr(app.env, "mystnb_config", None)
    if config is None or not str(getattr(app.config, "cf_build_dir", "") or ""):
        return
    ours = (build_folder(app) / OUTPUTS).resolve()
    app.env.mystnb_config = config.copy(output_folder=str(ours))
    stale = (Path(app.outdir).parent / OUTPUTS).resolve()
    if shared_root(app) and stale != ours and stale.is_dir():  # inside the shared site
        shutil.rmtree(stale)


def setup(app: Sphinx) -> None:
    """Register the configuration values, the page hook and the captions' translation."""
    app.add_config_value("cf_shared_root", "", "html", types=[str])
    app.add_config_value("cf_build_dir", "", "env", types=[str])
    # after myst-nb's own (priority 500), which sets the folder
    app.connect("builder-inited", keep_outputs_in_build_folder, priority=600)
    app.connect("html-page-context", _page_context)
    app.add_transform(TranslateTocCaptions)
    app.add_transform(SourceExerciseTables)
