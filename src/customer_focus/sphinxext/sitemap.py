"""The course site map, drawn from ``_toc.yml`` so that it cannot drift.

``{site-map}`` renders every part of the table of contents as a column of
linked page titles, in order, joined by arrows: the course structure at a
glance. Titles come from the pages themselves, once all are read.
"""

from __future__ import annotations

from html import escape
from pathlib import Path
from typing import Any

import yaml
from docutils import nodes
from sphinx.application import Sphinx
from sphinx.util.docutils import SphinxDirective

from .registry import Extension, PageSet

__all__ = ["toc_parts", "setup"]

#: The pages with the site map: written again on every build, since any title may have changed.
PAGES = PageSet("cf_site_map_pages", rebuild=True)


def toc_parts(toc_file: str | Path) -> list[tuple[str, list[str]]]:
    """The parts of a Jupyter Book ``_toc.yml``: (caption, [docnames]) in order.

    Nested ``sections`` are flattened after their chapter.
    """
    data = yaml.safe_load(Path(toc_file).read_text(encoding="utf-8"))
    parts = []

    def files(entries: list[dict[str, Any]]) -> list[str]:
        found = []
        for entry in entries or []:
            if "file" in entry:
                found.append(str(Path(entry["file"]).with_suffix("")).replace("\\", "/"))
            found += files(entry.get("sections", []))
        return found

    for part in data.get("parts", []):
        parts.append((part.get("caption", ""), files(part.get("chapters", []))))
    return parts


class _site_map(nodes.General, nodes.Element):
    """Replaced by the site map once every page's title is known."""


class SiteMapDirective(SphinxDirective):
    """``{site-map}``: the course structure as a diagram of linked pages."""

    has_content = False

    def run(self) -> list[nodes.Node]:
        toc = Path(self.env.app.confdir) / "_toc.yml"
        self.env.note_dependency(str(toc))
        PAGES.add(self.env, self.env.docname)
        return [_site_map()]


def _html(app: Sphinx, docname: str) -> str:
    parts = toc_parts(Path(app.confdir) / "_toc.yml")
    columns = []
    for number, (caption, docnames) in enumerate(parts):
        items = []
        for page in docnames:
            title = app.env.titles[page].astext() if page in app.env.titles else page
            link = app.builder.get_relative_uri(docname, page)
            items.append(f'<li><a href="{escape(link)}">{escape(title)}</a></li>')
        columns.append(
            f'<li class="cf-site-map-part" data-part="{number}">'
            f'<p class="cf-site-map-caption" id="cf-site-map-part-{number}">{escape(caption)}</p>'
            f'<ol aria-labelledby="cf-site-map-part-{number}">{"".join(items)}</ol></li>'
        )
    return (
        '<nav class="cf-site-map" aria-label="Course site map">'
        f'<ol class="cf-site-map-parts">{"".join(columns)}</ol></nav>'
    )


def _resolve(app: Sphinx, doctree: nodes.document, docname: str) -> None:
    for node in list(doctree.findall(_site_map)):
        node.replace_self(nodes.raw("", _html(app, docname), format="html"))


#: The directive and its hook; its pages are written again on every build.
EXTENSION = Extension(
    nodes=(_site_map,),
    directives={"site-map": SiteMapDirective},
    events=(("doctree-resolved", _resolve),),
    pages=(PAGES,),
)
setup = EXTENSION.setup
