"""Markdown in question banks and scenarios, rendered to safe HTML once, at load time.

Raw HTML in a bank or a scenario is not interpreted: ``<script>`` in a prompt shows as the
text ``<script>``. Math between dollar signs becomes the markup MathJax
typesets in the book (``\\(...\\)`` in a ``math`` span); in notebooks the
widgets typeset it themselves.
"""

from __future__ import annotations

from html import escape

from markdown_it import MarkdownIt
from mdit_py_plugins.dollarmath import dollarmath_plugin

__all__ = ["render_block", "render_inline", "has_math"]


def _inline_math(content: str) -> str:
    return f'<span class="math notranslate nohighlight">\\({escape(content, quote=False)}\\)</span>'


def _block_math(content: str) -> str:
    return f'<div class="math notranslate nohighlight">\\[{escape(content, quote=False)}\\]</div>'


_MARKDOWN = MarkdownIt("commonmark", {"html": False, "linkify": False, "typographer": False}).use(
    dollarmath_plugin,
    allow_space=False,
    allow_digits=False,
    double_inline=False,
    renderer=lambda content, options: (
        _block_math(content) if options.get("display_mode") else _inline_math(content)
    ),
)


def render_block(text: str) -> str:
    """Render Markdown (paragraphs, emphasis, links, code, math) to HTML.

    Examples
    --------
    >>> html = render_block("Worth *more*: $m r$")
    >>> html.startswith("<p>Worth <em>more</em>: ") and html.endswith("</p>")
    True
    >>> print(html.removeprefix("<p>Worth <em>more</em>: ").removesuffix("</p>"))
    <span class="math inline"><span class="math notranslate nohighlight">\\(m r\\)</span></span>
    >>> render_block("<script>alert(1)</script>")
    '<p>&lt;script&gt;alert(1)&lt;/script&gt;</p>'
    """
    return _MARKDOWN.render(text).strip() if text else ""


def render_inline(text: str) -> str:
    """Render one line of Markdown without a surrounding paragraph."""
    return _MARKDOWN.renderInline(text).strip() if text else ""


def has_math(html: str) -> bool:
    """Whether rendered HTML holds math for MathJax."""
    return 'class="math notranslate nohighlight"' in html
