"""What each part of the book's extension adds to Sphinx, written as a table, and the pages it tracks.

Every module of :mod:`customer_focus.sphinxext` describes what it adds (its
settings, nodes, directives, roles, event handlers and scripts) as one
:class:`Extension`, and its ``setup`` hands Sphinx that table. A directive
whose pages must be written again on every build, or that the end of the
build looks for, keeps those pages in a :class:`PageSet`, which forgets a page
when it is read again and gathers the pages read in parallel.

Examples
--------
>>> from types import SimpleNamespace
>>> maps = PageSet("cf_example_pages", rebuild=True)
>>> env = SimpleNamespace()
>>> maps.add(env, "book/index")
>>> maps.outdated(None, env, added=set(), changed=set(), removed=set())
['book/index']
>>> maps.purge(None, env, "book/index")
>>> maps.pages(env)
set()
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from typing import Any

from sphinx.application import Sphinx

__all__ = ["PageSet", "Extension"]


@dataclass(frozen=True)
class PageSet:
    """The pages that use a directive or role, kept in the build environment as ``attribute``.

    With ``rebuild=True`` the pages are written again on every build (they show
    something gathered from every page, like the site map or the quiz progress).
    """

    attribute: str
    rebuild: bool = False

    def pages(self, env: Any) -> set[str]:
        """The pages noted so far (an empty set, kept, when there are none)."""
        if not hasattr(env, self.attribute):
            setattr(env, self.attribute, set())
        return getattr(env, self.attribute)

    def add(self, env: Any, docname: str) -> None:
        """Note that the page ``docname`` uses it."""
        self.pages(env).add(docname)

    def purge(self, app: Sphinx | None, env: Any, docname: str) -> None:
        """Forget a page that is read again or removed (``env-purge-doc``)."""
        self.pages(env).discard(docname)

    def merge(self, app: Sphinx | None, env: Any, docnames: set[str], other: Any) -> None:
        """Take in the pages read in parallel (``env-merge-info``)."""
        self.pages(env).update(getattr(other, self.attribute, set()) & set(docnames))

    def outdated(
        self, app: Sphinx | None, env: Any, added: set, changed: set, removed: set
    ) -> list[str]:
        """The pages to write again although unchanged (``env-get-outdated``)."""
        return sorted(self.pages(env) - added - changed) if self.rebuild else []


@dataclass(frozen=True)
class Extension:
    """What one module adds to Sphinx.

    ``config`` maps each setting to its default (text, read with the pages);
    ``events`` lists ``(event, handler)`` or ``(event, handler, priority)``;
    ``scripts`` are files of ``_static`` loaded deferred on every page;
    ``pages`` the page sets whose purge, merge and rebuild it connects.
    """

    config: Mapping[str, str] = field(default_factory=dict)
    nodes: tuple[type, ...] = ()
    directives: Mapping[str, type] = field(default_factory=dict)
    roles: Mapping[str, Callable[..., Any]] = field(default_factory=dict)
    events: tuple[tuple[Any, ...], ...] = ()
    scripts: tuple[str, ...] = ()
    pages: tuple[PageSet, ...] = ()

    def setup(self, app: Sphinx) -> dict[str, Any]:
        """Add everything to ``app``; the result tells Sphinx it may read and write in parallel."""
        for name, default in self.config.items():
            app.add_config_value(name, default, "env", types=[str])
        for node in self.nodes:
            app.add_node(node)
        for name, directive in self.directives.items():
            app.add_directive(name, directive)
        for name, role in self.roles.items():
            app.add_role(name, role)
        for event, handler, *priority in self.events:
            app.connect(event, handler, *priority)
        for pages in self.pages:
            app.connect("env-purge-doc", pages.purge)
            app.connect("env-merge-info", pages.merge)
            if pages.rebuild:
                app.connect("env-get-outdated", pages.outdated)
        for script in self.scripts:
            app.add_js_file(script, loading_method="defer")
        return {"parallel_read_safe": True, "parallel_write_safe": True}
