"""Rebuild executed pages when the helper package changes, and only then.

Notebook pages are executed at build time and cached two ways: Sphinx keeps
their doctrees, and myst-nb's jupyter-cache keeps their outputs keyed on the
notebook's *code*. Neither notices a change in ``customer_focus`` itself, so
an edited chart or widget would keep showing its old output. This module
fingerprints the package's files in two parts:

* what notebooks run (every file but the book's extension, its stylesheet,
  scripts and templates, and what only publishes or runs the command line:
  ``publish/``, ``cli.py``, ``__main__.py``): when it changes, the execution
  cache is cleared and every page is read again, so every notebook runs again;
* the book's extension (``sphinxext/``): when it changes, every page is read
  again from the cache, since a directive may write something else, but no
  notebook runs.

The site's scripts, stylesheets (``static/``) and templates are left out:
Sphinx copies the static files on every build and rewrites the pages when a
template is newer than they are. Editing them costs a page write, not an
eight-minute run of every notebook.
"""

from __future__ import annotations

import hashlib
import shutil
from pathlib import Path

from sphinx.application import Sphinx
from sphinx.util import logging

from ..core.languages import language_code
from .editions import build_folder
from .registry import Extension

logger = logging.getLogger(__name__)

PACKAGE = Path(__file__).resolve().parent.parent
STAMP = ".customer-focus-package"
#: Folders and files of the package that no notebook runs nor the book's extension reads.
SITE_ONLY = ("static", "templates", "publish", "cli.py", "__main__.py")
EXTENSION_FOLDER = "sphinxext"


def _digest(paths: list[Path]) -> str:
    digest = hashlib.sha256()
    for path in paths:
        digest.update(path.relative_to(PACKAGE).as_posix().encode())
        digest.update(path.read_bytes())
    return digest.hexdigest()


def _speaks(path: Path, code: str | None) -> bool:
    """Whether a file of the package is read in the edition of language ``code`` (None:
    English): a catalog (``locale/<code>/``) or a translated twin (``<tool>.<code>.json``)
    only in its own language's edition."""
    parts = path.relative_to(PACKAGE).parts
    if parts[0] == "locale":
        return len(parts) > 1 and parts[1] == code
    if len(path.suffixes) == 2 and path.suffix == ".json":
        return path.suffixes[0][1:] == code
    return True


def package_fingerprint(language: str | None = None) -> str:
    """Hashes of the package's files: what notebooks run, then the book's extension.

    The two hashes are joined by a space; the site's static files,
    templates, ``publish/`` and the command line are in neither, nor another
    edition's translations (a changed Chinese message reruns the zh-TW
    edition's notebooks, not the English one's).

    Examples
    --------
    >>> executed, extension = package_fingerprint().split()
    >>> len(executed), len(extension)
    (64, 64)
    >>> package_fingerprint() != package_fingerprint("zh_TW")
    True
    """
    code = language_code(language)
    files = [
        path for path in sorted(PACKAGE.rglob("*"))
        if path.is_file() and "__pycache__" not in path.parts
        and path.relative_to(PACKAGE).parts[0] not in SITE_ONLY and _speaks(path, code)
    ]
    extension = [path for path in files if path.relative_to(PACKAGE).parts[0] == EXTENSION_FOLDER]
    executed = [path for path in files if path.relative_to(PACKAGE).parts[0] != EXTENSION_FOLDER]
    return f"{_digest(executed)} {_digest(extension)}"


def _cache_folder(app: Sphinx) -> Path:
    configured = getattr(app.config, "nb_execution_cache_path", "") or ""
    return Path(configured) if configured else build_folder(app) / ".jupyter_cache"


def clear_stale_cache(app: Sphinx) -> None:
    """On a changed package, drop the execution cache (if notebooks may run differently)
    and remember to re-read every page."""
    stamp = build_folder(app) / STAMP
    fingerprint = package_fingerprint(app.config.language)
    previous = stamp.read_text(encoding="utf-8").split() if stamp.exists() else []
    executed, extension = fingerprint.split()
    executed_changed = previous[:1] != [executed]
    app.cf_package_changed = executed_changed or previous[1:2] != [extension]  # type: ignore[attr-defined]
    if executed_changed:
        cache = _cache_folder(app)
        if cache.exists():
            logger.info("customer_focus: package changed; clearing %s", cache)
            shutil.rmtree(cache)
    if app.cf_package_changed:  # type: ignore[attr-defined]
        stamp.parent.mkdir(parents=True, exist_ok=True)
        stamp.write_text(fingerprint + "\n", encoding="utf-8")


def outdated_pages(app: Sphinx, env: object, added: set, changed: set, removed: set) -> list[str]:
    """Every page, when the package changed since the last build."""
    if getattr(app, "cf_package_changed", False):
        return sorted(env.found_docs - added - changed)  # type: ignore[attr-defined]
    return []


#: The hooks: the stale cache is cleared before anything else starts.
EXTENSION = Extension(
    events=(("builder-inited", clear_stale_cache, 100), ("env-get-outdated", outdated_pages)),
)
setup = EXTENSION.setup
