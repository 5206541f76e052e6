"""Rebuild executed pages when the helper package changes.

Notebook pages are executed at build time and cached two ways: Sphinx keeps
their doctrees, and myst-nb's jupyter-cache keeps their outputs keyed on the
notebook's *code*. Neither notices a change in ``customer_focus`` itself, so
an edited chart or widget would keep showing its old output. This module
fingerprints the package's files; when the fingerprint changes it clears the
execution cache and marks every page for rebuilding.
"""

from __future__ import annotations

import hashlib
import shutil
from pathlib import Path

from sphinx.application import Sphinx
from sphinx.util import logging

logger = logging.getLogger(__name__)

PACKAGE = Path(__file__).resolve().parent.parent
STAMP = ".customer-focus-package"


def package_fingerprint() -> str:
    """A hash of every source and data file of the ``customer_focus`` package."""
    digest = hashlib.sha256()
    for path in sorted(PACKAGE.rglob("*")):
        if path.is_file() and "__pycache__" not in path.parts:
            digest.update(path.relative_to(PACKAGE).as_posix().encode())
            digest.update(path.read_bytes())
    return digest.hexdigest()


def _cache_folder(app: Sphinx) -> Path:
    configured = getattr(app.config, "nb_execution_cache_path", "") or ""
    return Path(configured) if configured else Path(app.outdir).parent / ".jupyter_cache"


def clear_stale_cache(app: Sphinx) -> None:
    """On a changed package, drop the execution cache and remember to re-read every page."""
    stamp = Path(app.outdir).parent / STAMP
    fingerprint = package_fingerprint()
    previous = stamp.read_text(encoding="utf-8").strip() if stamp.exists() else ""
    app.cf_package_changed = previous != fingerprint  # type: ignore[attr-defined]
    if app.cf_package_changed:  # type: ignore[attr-defined]
        cache = _cache_folder(app)
        if cache.exists():
            logger.info("customer_focus: package changed; clearing %s", cache)
            shutil.rmtree(cache)
        stamp.parent.mkdir(parents=True, exist_ok=True)
        stamp.write_text(fingerprint + "\n", encoding="utf-8")


def outdated_pages(app: Sphinx, env: object, added: set, changed: set, removed: set) -> list[str]:
    """Every page, when the package changed since the last build."""
    if getattr(app, "cf_package_changed", False):
        return sorted(env.found_docs - added - changed)  # type: ignore[attr-defined]
    return []


def setup(app: Sphinx) -> None:
    """Register the hooks."""
    app.connect("builder-inited", clear_stale_cache, priority=100)
    app.connect("env-get-outdated", outdated_pages)
