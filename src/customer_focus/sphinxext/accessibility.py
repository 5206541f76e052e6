"""Accessibility fixes for HTML that Sphinx and docutils write.

docutils marks a list of citations ``role="list"`` and each citation
``role="doc-biblioentry"``. ARIA 1.2 deprecates ``doc-biblioentry``, and a
``list`` must hold ``listitem`` children, so axe reports a critical
``aria-required-children`` violation on the references page. Each citation is
given the ``listitem`` role instead.
"""

from __future__ import annotations

from sphinx.application import Sphinx

REPLACEMENTS = {'role="doc-biblioentry"': 'role="listitem"'}


def fix_body(app: Sphinx, pagename: str, templatename: str, context: dict, doctree: object) -> None:
    """Rewrite the roles in the page body before it is written."""
    body = context.get("body")
    if not body:
        return
    for old, new in REPLACEMENTS.items():
        body = body.replace(old, new)
    context["body"] = body


def setup(app: Sphinx) -> None:
    """Register the hook."""
    app.connect("html-page-context", fix_body)
