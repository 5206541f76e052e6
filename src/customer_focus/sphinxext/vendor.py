"""Serve the site's third-party JavaScript from the site itself.

MathJax, require.js and the ipywidgets embed manager come from npm packages
installed in ``node_modules`` (``make`` runs ``npm ci``). At the end of an HTML
build they are copied to ``_static/vendor/`` so that the built book needs no
CDN and works with no internet. ``_config.yml`` points ``mathjax_path`` and
``nb_ipywidgets_js`` at these copies.
"""

from __future__ import annotations

import json
import os
import shutil
from pathlib import Path

from sphinx.application import Sphinx
from sphinx.errors import ConfigError
from sphinx.util import logging

from .registry import Extension

logger = logging.getLogger(__name__)

#: What the site serves under ``_static/vendor/``: destination -> source in node_modules.
ASSETS: dict[str, str] = {
    "mathjax": "mathjax/es5",
    "requirejs/require.js": "requirejs/require.js",
    "html-manager": "@jupyter-widgets/html-manager/dist",
}

#: Files of a source folder that the site does not need.
SKIPPED = shutil.ignore_patterns("*.map", "embed.js", "libembed-amd.js", "node-main.js")


def node_modules(app: Sphinx) -> Path:
    """Return the ``node_modules`` folder the build takes assets from."""
    configured = app.config.cf_node_modules
    folder = Path(configured) if configured else Path(app.confdir) / "node_modules"
    return folder if folder.is_absolute() else Path(app.confdir) / folder


def check_assets(app: Sphinx) -> None:
    """Fail early, with a fix, when the npm packages are not installed."""
    if app.builder.format != "html":
        return
    root = node_modules(app)
    missing = [source for source in ASSETS.values() if not (root / source).exists()]
    if missing:
        raise ConfigError(
            "The offline JavaScript the book serves is not installed: missing "
            + ", ".join(str(root / source) for source in missing)
            + ". Run `make book` (it runs `npm ci`), or `npm ci` in the repository folder."
        )


def _copy_if_changed(origin: Path, copy: Path) -> bool:
    """Copy a file unless its copy has the same size and modification time; True if copied."""
    source = origin.stat()
    try:
        existing = copy.stat()
    except FileNotFoundError:
        existing = None
    if existing and existing.st_size == source.st_size and existing.st_mtime_ns == source.st_mtime_ns:
        return False
    copy.parent.mkdir(parents=True, exist_ok=True)
    shutil.copy2(origin, copy)
    return True


def sync_assets(root: Path, target: Path) -> int:
    """Copy the vendored assets from ``root`` (node_modules) to ``target``; return files copied.

    A file whose copy is already there, with the same size and modification
    time (``copy2`` keeps it), is skipped: MathJax alone is over a thousand
    files, and copying them all again was most of a no-change build.

    Examples
    --------
    >>> import tempfile
    >>> with tempfile.TemporaryDirectory() as folder:
    ...     root, target = Path(folder) / "node_modules", Path(folder) / "vendor"
    ...     script = root / "requirejs" / "require.js"
    ...     script.parent.mkdir(parents=True)
    ...     _ = script.write_text("var requirejs;")
    ...     first, again = sync_assets(root, target), sync_assets(root, target)
    >>> first, again
    (1, 0)
    """
    copied = 0
    for destination, source in ASSETS.items():
        origin, copy = root / source, target / destination
        if origin.is_file():
            copied += _copy_if_changed(origin, copy)
            continue
        if not origin.is_dir():
            continue
        for folder, names, files in os.walk(origin):
            here = Path(folder)
            ignored = SKIPPED(folder, names + files)
            names[:] = [name for name in names if name not in ignored]
            for name in files:
                if name not in ignored:
                    copied += _copy_if_changed(here / name, copy / here.relative_to(origin) / name)
    return copied


def copy_assets(app: Sphinx, exception: Exception | None) -> None:
    """Copy the vendored assets into the built site's ``_static/vendor``."""
    if exception is not None or app.builder.format != "html" or app.config.cf_shared_root:
        return  # (the zh-TW edition loads the English edition's copy)
    target = Path(app.outdir) / "_static" / "vendor"
    copied = sync_assets(node_modules(app), target)
    logger.info("customer_focus: offline JavaScript in %s (%d files copied)", target, copied)


def support_widget_pages(
    app: Sphinx, pagename: str, templatename: str, context: dict, doctree: object
) -> None:
    """Prepare pages that show ipywidgets (those where myst-nb added require.js).

    Two scripts run before MathJax and the widget manager:

    * a require.js path mapping: the embed manager derives the folder of its
      fonts from its module ids (``@jupyter-widgets/...``); unmapped, they
      resolve next to the page and every font is a 404;
    * ``widget-support.js``, which gives MathJax 3 the small MathJax 2 API
      that the widget controls call.
    """
    scripts = [str(script) for script in context.get("script_files", [])]
    if not any("vendor/requirejs/require.js" in script for script in scripts):
        return
    shared = str(app.config.cf_shared_root or "")
    folder = context["pathto"](shared + "_static/vendor/html-manager", 1)
    paths = {"@jupyter-widgets/html-manager/dist": folder, "@jupyter-widgets": folder}
    app.add_js_file(None, body="var require = " + json.dumps({"paths": paths}) + ";", priority=400)
    app.add_js_file("widget-support.js", priority=401)


#: The setting and the build hooks; the widget pages' hook runs after myst-nb (priority
#: 500) has added the page's widget scripts.
EXTENSION = Extension(
    config={"cf_node_modules": ""},
    events=(
        ("builder-inited", check_assets),
        ("build-finished", copy_assets),
        ("html-page-context", support_widget_pages, 600),
    ),
)
setup = EXTENSION.setup
