"""Each page loads only what it uses.

Sphinx and myst-nb decide which scripts a page loads from the whole book:
the root page gets MathJax because a chapter under it has math, and every
page that shows a widget loads require.js and the 3.6 MB widget manager as
soon as it opens, blocking its first paint. This module, hooked on
``html-page-context`` after them, trims each page's scripts to what its own
body needs:

* **MathJax** only when the body holds math (the ``math`` markup that Sphinx,
  the quizzes and the scenario write);
* **the widget manager** (require.js and the embed manager) replaced by
  ``widget-loader.js``, a small script that loads them when a widget comes
  near the screen (or the page is printed, or a script asks for them);
* **every other script deferred**, so none blocks the first paint; only
  ``documentation_options.js`` stays in order, since inline scripts use it;
* **images sized**: an ``<img>`` of the body gets the ``width`` and
  ``height`` of its file, so the page does not jump when it arrives.

The decisions are pure functions of the page's HTML (:func:`has_math`,
:func:`image_size`), tested in ``tests/sphinxext/test_pageweight.py`` and in
the built site by ``tests/browser/test_page_weight.py``.
"""

from __future__ import annotations

import re
import struct
from pathlib import Path
from typing import Any

from sphinx.application import Sphinx

from .editions import shared_root
from .registry import Extension

__all__ = [
    "IN_ORDER", "SEARCH_IN_ORDER", "has_math", "image_size", "size_images", "trim_scripts", "setup",
]

#: What Sphinx, the quizzes (course.markup) and the scenario write around math.
MATH = re.compile(r"""class=\\?["'](?:[^"'\\]*\s)?math(?=[\s"'\\])""")
#: The widget manager's files, which widget-loader.js loads on demand.
REQUIRE = "vendor/requirejs/require.js"
MANAGER = "vendor/html-manager/embed-amd.js"
#: Scripts that inline scripts of the page use as they are parsed: not deferred.
IN_ORDER = ("documentation_options.js",)
#: On the search page, the theme loads searchtools.js as it is parsed, and searchtools.js
#: calls doctools.js's ``_ready`` at once: deferred, it was not there yet, and a search
#: (``search.html?q=...``) showed nothing.
SEARCH_IN_ORDER = (*IN_ORDER, "doctools.js")
IMAGE = re.compile(r"<img\b[^>]*>")
SOURCE = re.compile(r'\bsrc="([^"]+)"')


def has_math(body: str) -> bool:
    """Whether a page body holds math for MathJax to typeset.

    Examples
    --------
    >>> has_math('<span class="math notranslate nohighlight">\\\\(x\\\\)</span>')
    True
    >>> has_math('<script type="application/json">{"html": "<div class=\\\\"math\\\\">"}</script>')
    True
    >>> has_math('<p>A math teacher</p><div class="cf-math-free mathematics">')
    False
    """
    return MATH.search(body) is not None


def image_size(path: Path) -> tuple[int, int] | None:
    """The width and height in pixels of a PNG, GIF or JPEG file (None for others).

    Examples
    --------
    >>> import base64, tempfile
    >>> png = base64.b64decode(
    ...     "iVBORw0KGgoAAAANSUhEUgAAAAMAAAACCAYAAACddGYaAAAAEklEQVR4nGNgYGD4z8DAwMDAAAAKAAGHMQn5AAAAAElFTkSuQmCC")
    >>> with tempfile.NamedTemporaryFile(suffix=".png") as file:
    ...     _ = file.write(png); file.flush()
    ...     image_size(Path(file.name))
    (3, 2)
    """
    try:
        with path.open("rb") as file:
            head = file.read(26)
            if head.startswith(b"\x89PNG\r\n\x1a\n"):
                return struct.unpack(">II", head[16:24])
            if head[:6] in (b"GIF87a", b"GIF89a"):
                return struct.unpack("<HH", head[6:10])
            if head.startswith(b"\xff\xd8"):
                return _jpeg_size(file)
    except (OSError, struct.error):
        return None
    return None


def _jpeg_size(file: Any) -> tuple[int, int] | None:
    file.seek(2)
    while True:
        marker = file.read(2)
        if len(marker) < 2 or marker[0] != 0xFF:
            return None
        length = struct.unpack(">H", file.read(2))[0]
        if marker[1] in (0xC0, 0xC1, 0xC2):
            height, width = struct.unpack(">xHH", file.read(5))
            return width, height
        file.seek(length - 2, 1)


def size_images(body: str, sizes: dict[str, tuple[int, int]]) -> str:
    """Give each ``<img>`` without a width the size of its file (found by file name).

    Examples
    --------
    >>> size_images('<img alt="A chart" src="../_images/a.png" />', {"a.png": (640, 480)})
    '<img width="640" height="480" alt="A chart" src="../_images/a.png" />'
    >>> size_images('<img width="10" src="a.png">', {"a.png": (640, 480)})
    '<img width="10" src="a.png">'
    """

    def sized(match: re.Match[str]) -> str:
        tag = match.group(0)
        source = SOURCE.search(tag)
        if source is None or re.search(r"\b(width|height)=", tag):
            return tag
        size = sizes.get(source.group(1).rsplit("/", 1)[-1].split("?")[0])
        if size is None:
            return tag
        return f'<img width="{size[0]}" height="{size[1]}"' + tag[len("<img"):]

    return IMAGE.sub(sized, body)


def _image_sizes(app: Sphinx) -> dict[str, tuple[int, int]]:
    """The size of every image of the book, by its file name in ``_images``."""
    cached = getattr(app, "cf_image_sizes", None)
    if cached is not None:
        return cached
    sizes = {}
    for source, (_docs, unique) in app.env.images.items():
        path = Path(source) if Path(source).is_absolute() else Path(app.srcdir) / source
        size = image_size(path)
        if size is not None:
            sizes[unique] = size
    app.cf_image_sizes = sizes  # type: ignore[attr-defined]
    return sizes


def _deferred(script: Any, in_order: tuple[str, ...] = IN_ORDER) -> Any:
    attributes = dict(script.attributes)
    if script.filename and not {"async", "defer", "body"} & attributes.keys():
        if not str(script.filename).endswith(in_order):
            attributes["defer"] = "defer"
    return type(script)(script.filename, priority=script.priority, **attributes)


def trim_scripts(
    scripts: list[Any], *, math: bool, mathjax_path: str, loader: Any, shown: bool = True,
    in_order: tuple[str, ...] = IN_ORDER,
) -> list[Any]:
    """The scripts a page loads: MathJax only with math, the widget loader, the rest deferred.

    ``scripts`` are Sphinx's script entries (``filename``, ``priority``,
    ``attributes``); ``loader`` is the entry that replaces the widget manager;
    ``shown`` says whether the page shows a widget at all (a notebook whose
    widgets gave way to a live tool keeps their saved state, and needs no manager);
    ``in_order`` names the scripts loaded as the page is parsed (not deferred).
    """
    kept = []
    widgets = False
    for script in scripts:
        name = str(script.filename or "")
        body = script.attributes.get("body", "")
        if not math and (name.endswith(mathjax_path) or body.startswith("window.MathJax")):
            continue
        if name.endswith((REQUIRE, MANAGER)):
            widgets = True
            continue
        kept.append(_deferred(script, in_order))
    if widgets and shown:
        kept.append(loader)
    return kept


def trim_page(app: Sphinx, pagename: str, templatename: str, context: dict, doctree: object) -> None:
    """Trim the page's scripts and size its images (``html-page-context``)."""
    if app.builder.format != "html" or "script_files" not in context:
        return
    body = context.get("body", "")
    pathto = context["pathto"]
    shared = shared_root(app)  # the zh-TW edition loads the English edition's widget manager
    loader = type(context["script_files"][0])(
        "_static/widget-loader.js",
        priority=900,
        defer="defer",
        **{
            "data-require": pathto(f"{shared}_static/{REQUIRE}", 1),
            "data-manager": pathto(f"{shared}_static/{MANAGER}", 1),
        },
    ) if context["script_files"] else None
    context["script_files"][:] = trim_scripts(
        context["script_files"],
        math=has_math(body),
        mathjax_path=app.config.mathjax_path,
        loader=loader,
        shown="application/vnd.jupyter.widget-view+json" in body,
        in_order=SEARCH_IN_ORDER if pagename == "search" else IN_ORDER,
    )
    if body:
        context["body"] = size_images(body, _image_sizes(app))


#: The hook: after MathJax, myst-nb (500) and the widget paths (600).
EXTENSION = Extension(events=(("html-page-context", trim_page, 700),))
setup = EXTENSION.setup
