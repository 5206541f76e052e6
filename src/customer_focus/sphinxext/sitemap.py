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

__all__ = ["toc_parts", "setup"]


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
        pages = getattr(self.env, "cf_site_map_pages", set())
        pages.add(self.env.docname)
        self.env.cf_site_map_pages = pages
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


def _always_rebuild(app: Sphinx, env: Any, added: set, changed: set, removed: set) -> list[str]:
    return sorted(getattr(env, "cf_site_map_pages", set()) - added - changed)


def _purge(app: Sphinx, env: Any, docname: str) -> None:
    getattr(env, "cf_site_map_pages", set()).discard(docname)


def _merge(app: Sphinx, env: Any, docnames: set[str], other: Any) -> None:
    env.cf_site_map_pages = getattr(env, "cf_site_map_pages", set()) | getattr(other, "cf_site_map_pages", set())


def setup(app: Sphinx) -> None:
    """Register the directive and hooks."""
    app.add_node(_site_map)
    app.add_directive("site-map", SiteMapDirective)
    app.connect("doctree-resolved", _resolve)
    app.connect("env-get-outdated", _always_rebuild)
    app.connect("env-purge-doc", _purge)
    app.connect("env-merge-info", _merge)
