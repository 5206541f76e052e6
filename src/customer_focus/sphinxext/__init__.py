"""Sphinx extension for the course book (registered in ``_config.yml``).

It serves the site's JavaScript from the site itself (:mod:`.vendor`), adds
the course's stylesheet and script, the site's icons and web manifest
(:mod:`.siteicons`), and provides the course's directives
and the ``{case}`` role (figures of the invented cases, computed at build time), the
worksheets' download (:mod:`.download`) and the repository setting (:mod:`.repository`),
publishes the workshop kit with the site (:mod:`.workshop_kit`), cuts the theme's icon
font to the icons the site shows (:mod:`.iconfont`), and links every page to
its twin in the other edition, English or Traditional Chinese (:mod:`.editions`), whose
terms the glossary page lists (:mod:`.glossary`).
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from sphinx.application import Sphinx

from . import (
    accessibility, cases, code_comments, directives, download, editions, freshness, glossary,
    iconfont, kernel_wait, live, notebook_downloads, pageweight, parallel, quiz, repository, scenario,
    site_words, siteicons, sitemap, vendor, workshop_kit,
)

PACKAGE = Path(__file__).resolve().parent.parent
STATIC = PACKAGE / "static"
TEMPLATES = PACKAGE / "templates"


def _add_paths(app: Sphinx, config: Any) -> None:
    config.html_static_path.append(str(STATIC))
    # Our template overrides (e.g. an accessible search button) come first.
    config.templates_path.insert(0, str(TEMPLATES))


def setup(app: Sphinx) -> dict[str, Any]:
    """Entry point called by Sphinx."""
    kernel_wait.apply()  # notebooks run in this process: see .kernel_wait
    parallel.setup(app)  # the pages are read by two processes: see .parallel
    editions.setup(app)
    site_words.setup(app)
    vendor.setup(app)
    live.setup(app)
    freshness.setup(app)
    accessibility.setup(app)
    # Before quiz.js and scenario.js (deferred scripts run in order): the words they share.
    app.add_js_file("widget-words.js", loading_method="defer")
    quiz.setup(app)
    scenario.setup(app)
    sitemap.setup(app)
    siteicons.setup(app)
    directives.setup(app)
    glossary.setup(app)
    cases.setup(app)
    download.setup(app)
    notebook_downloads.setup(app)
    code_comments.setup(app)
    repository.setup(app)
    pageweight.setup(app)
    workshop_kit.setup(app)
    iconfont.setup(app)
    app.connect("config-inited", _add_paths)
    app.add_css_file("customer-focus.css")
    app.add_js_file("customer-focus.js", loading_method="defer")
    return {"version": "1", "parallel_read_safe": True, "parallel_write_safe": True}
