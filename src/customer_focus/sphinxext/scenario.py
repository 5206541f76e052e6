"""Branching scenarios in the book: the ``{scenario} <name>`` directive.

The scenario file ``<cf_scenario_folder>/<name>.yml`` is validated when the
page is read; each problem is reported as an error at ``file:line`` (the
build fails with ``-W``). The story travels in an encoded data block that
``scenario.js`` plays, with the same rules as :mod:`customer_focus.course.scenario.model`.
"""

from __future__ import annotations

import base64
import json
import re
from html import escape
from pathlib import Path

from docutils import nodes
from sphinx.util import logging
from sphinx.util.docutils import SphinxDirective

from ..course.scenario import load as load_scenario
from ..course.scenario.model import Scenario, ScenarioError, all_paths
from ..course.translation import language_code, translation_path
from ..course.words import say, supported, words
from .registry import Extension

logger = logging.getLogger(__name__)

_MD_LINK = re.compile(r'href="(?![a-z]+:|#|/)([^"#]+)\.(md|ipynb)(#[^"]*)?"')


def _page_links(html: str) -> str:
    """Links written to other pages' sources (``../learn/x.md``) point at their HTML."""
    return _MD_LINK.sub(lambda m: f'href="{m.group(1)}.html{m.group(3) or ""}"', html)


def _encode(scenario: Scenario) -> str:
    data = scenario.to_data()
    for node in data["nodes"].values():
        for key in ("text", "debrief"):
            if key in node:
                node[key] = _page_links(node[key])
        for variant in node.get("variants", []):
            for key in ("text", "debrief"):
                variant[key] = _page_links(variant[key])
        for choice in node.get("choices", []):
            for key in ("consequence", "feedback"):
                choice[key] = _page_links(choice[key])
    payload = base64.b64encode(json.dumps(data, ensure_ascii=False).encode("utf-8")).decode("ascii")
    max_points = max(points for _, _, points in all_paths(scenario))
    return json.dumps({"version": 1, "payload": payload, "maxPoints": max_points})


def scenario_html(scenario: Scenario, language: str | None = None) -> str:
    """The HTML of a scenario; ``scenario.js`` fills the stage.

    ``language`` sets the fixed words (intro, buttons, score lines) the page
    and the script show (``None``: English); the story's own text is the
    scenario's (load it in that language).
    """
    word = words("scenario", supported(language))
    code = f"<code>scenario.play(\"{escape(scenario.id)}\")</code>"
    vocabulary = json.dumps(word, ensure_ascii=False).replace("<", "\\u003c")
    return (
        f'<section class="cf-scenario" id="cf-scenario-{escape(scenario.id)}" aria-label="{escape(scenario.title)}">'
        f'<p class="cf-scenario-intro">{escape(word["intro"])}</p>'
        f'<div class="cf-scenario-stage"><noscript>{say(escape(word["noscript"]), code=code)}</noscript></div>'
        '<div class="cf-scenario-live cf-visually-hidden" role="status" aria-live="polite"></div>'
        f'<p class="cf-scenario-actions"><button type="button" class="cf-scenario-restart">{escape(word["restart"])}</button></p>'
        f'<script type="application/json" class="cf-scenario-data">{_encode(scenario)}</script>'
        f'<script type="application/json" class="cf-scenario-words">{vocabulary}</script>'
        "</section>"
    )


class ScenarioDirective(SphinxDirective):
    """``{scenario} <name>``: play a branching scenario from the scenario folder."""

    required_arguments = 1
    has_content = False

    def run(self) -> list[nodes.Node]:
        root = Path(self.env.app.confdir)
        path = root / self.env.app.config.cf_scenario_folder / f"{self.arguments[0]}.yml"
        self.env.note_dependency(str(path))
        source = path.relative_to(root).as_posix() if path.is_relative_to(root) else str(path)
        if not path.is_file():
            raise self.error(f"scenario: no file {source}")
        language = language_code(self.env.app.config.language)
        if language is not None:
            translated = translation_path("scenarios", path, language, locales=root / "locales")
            self.env.note_dependency(str(translated))
            if not translated.is_file():
                logger.warning("scenario %s has no translation into %s: it is shown in English",
                               source, language, type="cf", subtype="translation",
                               location=(self.env.docname, self.lineno))
        try:
            scenario = load_scenario(path, source=source, language=language, locales=root / "locales",
                                     fallback=True)
        except ScenarioError as error:
            for problem in error.problems:
                logger.error(problem.message, location=f"{problem.file}:{problem.line}")
            raise self.error(f"scenario: {source} has the problems listed above") from None
        return [nodes.raw("", scenario_html(scenario, language), format="html")]


#: The directive, its folder setting and its script.
EXTENSION = Extension(
    config={"cf_scenario_folder": "book/practice/scenarios"},
    directives={"scenario": ScenarioDirective},
    scripts=("scenario.js",),
)
setup = EXTENSION.setup
