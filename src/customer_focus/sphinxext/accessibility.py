"""Accessibility fixes for HTML that Sphinx and docutils write.

docutils marks a list of citations ``role="list"`` and each citation
``role="doc-biblioentry"``. ARIA 1.2 deprecates ``doc-biblioentry``, and a
``list`` must hold ``listitem`` children, so axe reports a critical
``aria-required-children`` violation on the references page. Each citation is
given the ``listitem`` role instead.

A table whose top-left heading is empty (a Markdown table with a row label in
its first column, as in the opening case) has no header for its body cells:
axe reports ``td-has-header`` (critical). Its first column becomes a stub
column, which docutils writes as row headings (``<th class="stub">``).

A folded code cell's toggle gets its visible text as its name, and a notebook's
HTML output (which may scroll sideways) can take the keyboard focus.
"""

from __future__ import annotations

from docutils import nodes
from sphinx.application import Sphinx

from .registry import Extension

REPLACEMENTS = {
    'role="doc-biblioentry"': 'role="listitem"',
    # myst-nb names a folded cell's toggle "Toggle hidden content" while it shows "Show code
    # cell source": axe's label-content-name-mismatch. The visible text becomes its name.
    '<summary aria-label="Toggle hidden content">': "<summary>",
    # A notebook's HTML output (a wide table) scrolls sideways inside its box: a keyboard
    # user must be able to reach it to scroll (axe's scrollable-region-focusable).
    '<div class="output text_html">': '<div class="output text_html" tabindex="0">',
    # The same for a code block that scrolls sideways (the theme's script adds the stop only
    # when it finds the block scrolling at load, which a folded or late-drawn cell misses).
    '<div class="highlight"><pre>': '<div class="highlight"><pre tabindex="0">',
}


def fix_body(app: Sphinx, pagename: str, templatename: str, context: dict, doctree: object) -> None:
    """Rewrite the roles in the page body before it is written."""
    body = context.get("body")
    if not body:
        return
    for old, new in REPLACEMENTS.items():
        body = body.replace(old, new)
    context["body"] = body


def row_label_columns(app: Sphinx, doctree: nodes.document) -> None:
    """Make the first column a stub (row headings) in each table whose top-left heading is empty."""
    for group in doctree.findall(nodes.tgroup):
        head = next(iter(group.findall(nodes.thead)), None)
        specs = [child for child in group.children if isinstance(child, nodes.colspec)]
        if head is None or len(specs) < 2 or not head.children:
            continue
        first = head.children[0].children[0] if head.children[0].children else None
        if first is not None and not first.astext().strip():
            specs[0]["stub"] = 1


#: The hooks.
EXTENSION = Extension(
    events=(("html-page-context", fix_body), ("doctree-read", row_label_columns)),
)
setup = EXTENSION.setup
