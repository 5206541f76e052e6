"""The worksheets that run in the page: Pyodide and the course's modules, served by the site.

A worksheet notebook marks the cell of its live form with ``"live_tool":
"<tool>"`` in the cell's metadata. In the built page that cell gives way to
the tool's live version: a button, "Use this worksheet here", that
``static/live-tool.js`` shows and, when the reader presses it, turns into a
form running the tool's own Python in the browser (Pyodide). Nothing is
loaded until then. In the notebook the cell stays what it is (the ipywidgets
form).

At the end of an HTML build this module copies Pyodide's core runtime (the
npm package ``pyodide``: interpreter and standard library, no packages) to
``_static/vendor/pyodide/`` and packs the modules the page needs (``core``'s
standard library modules, :mod:`customer_focus.tools.live`, and each tool's
``calc.py``, ``page.py``, ``describe.py`` and JSON twin) into one zip under
``_static/live/``, which the page unpacks into Pyodide
(``pyodide.unpackArchive``). The site stays offline: no CDN, no package
download.

Each edition gets its language (Sphinx's ``language``; ``"zh_TW"`` for the
Chinese one): the placeholder's title, intro and button and every fixed word
the script shows (``data/live-tool-words.yml``, passed in the page as
``data-words``), the language the page's Python speaks (``data-language``,
which the script sets before it imports the course's modules), and an archive
that holds, beside the English JSON twins, the language's own twins
(``<tool>.zh_TW.json``, which ``python -m customer_focus specs`` writes from
``locales/<language>/tools/<tool>.yml``) and the package's catalogs. The
page's Python reaches the translated form, help and headings as a notebook
does: the package reads a tool's twin in the language it speaks
(:func:`customer_focus.core.fields.read_twin`).
"""

from __future__ import annotations

import io
import json
import shutil
import zipfile
from html import escape
from pathlib import Path

from docutils import nodes
from sphinx.application import Sphinx
from sphinx.errors import ConfigError
from sphinx.util import logging

from ..core.fields import language_twin
from ..core.languages import language_code
from ..core.paths import package_file
from ..tools.spec import load_spec, spec_tools, translation_path, words
from .editions import shared_root
from .vendor import node_modules
from .registry import Extension

logger = logging.getLogger(__name__)

#: Pyodide's core runtime: what ``loadPyodide`` fetches (no packages).
PYODIDE_FILES = (
    "pyodide.mjs", "pyodide.asm.mjs", "pyodide.asm.wasm", "python_stdlib.zip",
    "pyodide-lock.json",
)
#: ``core``'s standard-library modules the tools' page code imports.
CORE_MODULES = (
    "__init__.py", "validation.py", "formats.py", "fields.py", "problems.py", "palette.py",
    "svg.py", "rows.py", "decoding.py", "languages.py", "messages.py", "saving.py",
)
#: The files of a tool's folder the page may need (those present are packed).
TOOL_FILES = ("__init__.py", "calc.py", "page.py", "describe.py")
#: Where the built site keeps the runtime and the archive.
PYODIDE_DIR = "_static/vendor/pyodide"
ARCHIVE_DIR = "_static/live"
#: The archive's name (the page fetches it revalidated, so a rebuilt archive is seen at once).
ARCHIVE = "customer-focus.zip"
#: The page's script.
SCRIPT = "live-tool.js"
STYLESHEET = "live-tool.css"
#: The fixed words of the tool in the page, in every language (``data/live-tool-words.yml``).
WORDS = "live-tool-words.yml"


def live_words(language: str | None = None) -> dict[str, str]:
    """The tool's fixed words in a language (a Sphinx language such as ``"zh_TW"``; default English).

    Examples
    --------
    >>> live_words()["start"], live_words("zh_TW")["start"]
    ('Use this worksheet here', '在本頁使用這份工作表')
    """
    return words(WORDS, language)


def archive_files(language: str | None = None) -> dict[str, bytes]:
    """The archive's files by their path in it (``customer_focus/...``), sorted.

    Every file is the package's own, as committed: in another language than
    English the archive adds each tool's twin in that language
    (``<tool>.zh_TW.json``) and the language's catalogs, and the page's Python
    speaks it as a notebook does (``data-language``).

    Raises
    ------
    ValueError
        When the course has no translation in ``language``.
    FileNotFoundError
        When a tool's twin is missing (``python -m customer_focus specs`` writes it).

    Examples
    --------
    >>> files = archive_files("zh_TW")
    >>> "customer_focus/tools/lifetime_value/page.py" in files
    True
    >>> "留存率" in files["customer_focus/tools/lifetime_value/lifetime_value.zh_TW.json"
    ...     ].decode("utf-8")
    True
    >>> files["customer_focus/tools/lifetime_value/lifetime_value.json"] == archive_files()[
    ...     "customer_focus/tools/lifetime_value/lifetime_value.json"]
    True
    """
    code = language_code(language, known=True)
    files = {"customer_focus/__init__.py": package_file("__init__.py").read_bytes()}
    for name in CORE_MODULES:
        files[f"customer_focus/core/{name}"] = package_file("core", name).read_bytes()
    tools = package_file("tools")
    for name in ("__init__.py", "live.py"):
        files[f"customer_focus/tools/{name}"] = tools.joinpath(name).read_bytes()
    for tool in spec_tools():
        folder = tools.joinpath(tool)
        twins = (f"{tool}.json", *([language_twin(f"{tool}.json", code)] if code else []))
        for name in twins:
            if not folder.joinpath(name).is_file():
                raise FileNotFoundError(
                    f"src/customer_focus/tools/{tool}/{name} is missing: run `python -m "
                    "customer_focus specs`, which writes every tool's JSON twins, and commit them")
        for name in (*TOOL_FILES, *twins):
            if folder.joinpath(name).is_file():
                files[f"customer_focus/tools/{tool}/{name}"] = folder.joinpath(name).read_bytes()
    catalogs = package_file("locale", code, "LC_MESSAGES") if code else None
    if catalogs is not None and catalogs.is_dir():
        for catalog in sorted(catalogs.iterdir(), key=lambda path: path.name):
            if catalog.name.endswith(".mo"):
                files[f"customer_focus/locale/{code}/LC_MESSAGES/{catalog.name}"] = (
                    catalog.read_bytes())
    return dict(sorted(files.items()))


def archive_bytes(language: str | None = None) -> bytes:
    """The zip the page unpacks into Pyodide: always the same bytes for the same files."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for path, data in archive_files(language).items():
            info = zipfile.ZipInfo(path, date_time=(2020, 1, 1, 0, 0, 0))
            info.compress_type = zipfile.ZIP_DEFLATED
            archive.writestr(info, data)
    return buffer.getvalue()


def live_tools() -> list[str]:
    """The tools whose spec has a ``live:`` block."""
    return [tool for tool in spec_tools() if load_spec(tool).live is not None]


def placeholder(tool: str, language: str | None = None) -> str:
    """The HTML that stands for a live tool until the reader starts it.

    Without JavaScript the button stays hidden (the page's worked example
    and the notebook remain); ``live-tool.js`` shows it, and takes every word
    it shows from ``data-words``: the page's language's (:func:`live_words`),
    and tells the browser's Python the language (``data-language``) for what
    the package says (:mod:`customer_focus.core.messages`).

    Examples
    --------
    >>> html = placeholder("lifetime_value", "zh_TW")
    >>> "在本頁使用這份工作表" in html, 'data-language="zh_TW"' in html
    (True, True)
    """
    title = escape(load_spec(tool, language).title)
    words = live_words(language)
    table = escape(json.dumps(words, ensure_ascii=False))
    return (
        f'<div class="cf-live" data-tool="{escape(tool)}" data-title="{title}" '
        f'data-words="{table}" data-language="{language_code(language) or "en"}">'
        f'<p class="cf-live-intro" hidden>{escape(words["intro"])}</p>'
        f'<button type="button" class="cf-live-start" hidden>{escape(words["start"])}</button>'
        f"</div>"
    )


def place_live_tools(app: Sphinx, doctree: nodes.document) -> None:
    """Put each marked cell's live tool in its place (the cell itself is left out of the page)."""
    known = None
    for cell in list(doctree.findall(nodes.container)):
        if cell.get("nb_element") != "cell_code":
            continue
        tool = (cell.get("cell_metadata") or {}).get("live_tool")
        if tool is None:
            continue
        known = live_tools() if known is None else known
        if tool not in known:
            logger.warning(
                "cell metadata live_tool: %r has no live version (tools with a 'live:' block: %s)",
                tool, ", ".join(known) or "none", location=cell,
            )
            continue
        cell.replace_self(nodes.raw("", placeholder(tool, app.config.language), format="html"))
        if language_code(app.config.language):  # its title comes from the translation
            app.env.note_dependency(str(translation_path(tool, app.config.language)))


def check_runtime(app: Sphinx) -> None:
    """Fail early, with a fix, when Pyodide is not installed."""
    if app.builder.format != "html":
        return
    folder = node_modules(app) / "pyodide"
    missing = [name for name in PYODIDE_FILES if not (folder / name).is_file()]
    if missing:
        raise ConfigError(
            f"Pyodide is not installed: missing {', '.join(missing)} in {folder}. "
            "Run `make book` (it runs `npm ci`), or `npm ci` in the repository folder."
        )


def add_script(
    app: Sphinx, pagename: str, templatename: str, context: dict, doctree: object
) -> None:
    """Add ``live-tool.js`` and its stylesheet to the pages that hold a live tool, only to them."""
    if 'class="cf-live"' in context.get("body", ""):
        app.add_js_file(SCRIPT, loading_method="defer")
        app.add_css_file(STYLESHEET)


def copy_runtime(app: Sphinx, exception: Exception | None) -> None:
    """Copy Pyodide's core runtime and write the course's archive into the built site."""
    if exception is not None or app.builder.format != "html":
        return
    if not shared_root(app):  # the zh-TW edition loads the English edition's copy
        runtime = Path(app.outdir) / PYODIDE_DIR
        runtime.mkdir(parents=True, exist_ok=True)
        for name in PYODIDE_FILES:
            shutil.copy2(node_modules(app) / "pyodide" / name, runtime / name)
    folder = Path(app.outdir) / ARCHIVE_DIR
    folder.mkdir(parents=True, exist_ok=True)
    (folder / ARCHIVE).write_bytes(archive_bytes(app.config.language))
    logger.info("customer_focus: Pyodide and the live tools' archive written to %s", folder.parent)


#: The build hooks: the script after the widget paths (600).
EXTENSION = Extension(
    events=(
        ("builder-inited", check_runtime),
        ("doctree-read", place_live_tools),
        ("html-page-context", add_script, 600),
        ("build-finished", copy_runtime),
    ),
)
setup = EXTENSION.setup
