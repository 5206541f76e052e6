"""The course's MyST directives.

``{learning-objectives} <chapter id>``
    Lists a chapter's objectives from the course map (``cf_course_map``), in
    the build's ``language`` (its translation in ``locales/<language>/``).
``{printable-form} <tool or file.yml>``
    A blank paper form: a tool's, or one of its own in a YAML file next to the page.
``{clv-comparison}``
    An interactive side-by-side lifetime value calculator that runs in the
    static page (``customer-focus.js``), starting from the opening case.
"""

from __future__ import annotations

import json
from html import escape
from pathlib import Path
from typing import Any

from docutils import nodes
from docutils.parsers.rst import directives
from sphinx.application import Sphinx
from sphinx.util.docutils import SphinxDirective

from ..core.cases import opening_case
from ..core.formats import dollars
from ..core.languages import language_code
from ..core.paths import course_root
from ..course.course_map import course_map_word, load_course_map, translation_path
from ..course.words import say, supported, words
from ..tools.lifetime_value import calc, table
from ..tools.spec import load_form, load_form_file, render_html
from ..tools.spec import translation_path as form_translation_path
from . import workshop
from .registry import Extension


def course_map_path(env: object) -> Path:
    """The course map file named by ``cf_course_map`` (relative to the book root)."""
    app = env.app  # type: ignore[attr-defined]
    return Path(app.confdir) / app.config.cf_course_map


class LearningObjectives(SphinxDirective):
    """Render "By the end of this chapter you can..." from the course map, in the
    build's language (Sphinx's ``language``; English when unset or ``"en"``)."""

    required_arguments = 1
    has_content = False

    def run(self) -> list[nodes.Node]:
        path = course_map_path(self.env)
        language = self.config.language or "en"
        self.env.note_dependency(str(path))
        if language_code(language):
            self.env.note_dependency(str(translation_path(path, language)))
        try:
            objectives = load_course_map(path, language).objectives_of(self.arguments[0])
            heading = course_map_word("heading", language)
        except (ValueError, KeyError) as error:
            raise self.error(f"learning-objectives: {error}") from None
        box = nodes.container(classes=["cf-objectives"])
        title = nodes.paragraph(classes=["cf-objectives-title"])
        title += nodes.strong(text=heading)
        box += title
        items = nodes.bullet_list()
        for objective in objectives:
            item = nodes.list_item(ids=[f"objective-{objective.id}"])
            item += nodes.paragraph(text=objective.text)
            items += item
        box += items
        return [box]


def _number_field(name: str, label: str, value: float, identifier: str, *, step: str, minimum: str, maximum: str = "") -> str:
    limit = f' max="{maximum}"' if maximum else ""
    return (
        f'<div class="cf-field"><label for="{identifier}">{escape(label)}</label>'
        f'<input type="number" id="{identifier}" name="{name}" value="{value:g}" '
        f'step="{step}" min="{minimum}"{limit} inputmode="decimal" required></div>'
    )


class ClvComparison(SphinxDirective):
    """Two customers side by side; values update as the reader types.

    Its words (labels, help, the sentence under it, its messages) are the build's
    language's, from the ``clv`` words of ``data/widget-words.yml``: the labels are
    written here, the rest goes to ``customer-focus.js`` in a ``cf-clv-words`` data block.
    """

    has_content = False
    option_spec = {"discount-rate": directives.unchanged}

    def run(self) -> list[nodes.Node]:
        try:
            discount = float(self.options.get("discount-rate", "0.10"))
            customers = table.compare_customers(opening_case(), discount_rate=discount)
        except ValueError as error:
            raise self.error(f"clv-comparison: {error}") from None
        word = words("clv", supported(self.config.language))
        serial = self.env.new_serialno("cf-clv")
        prefix = f"cf-clv-{serial}"
        script = json.dumps(word, ensure_ascii=False).replace("<", "\\u003c")
        parts = [
            f'<form class="cf-clv-compare" id="{prefix}" data-timing="{calc.DEFAULT_TIMING}" '
            f'aria-describedby="{prefix}-help" novalidate>',
            f'<script type="application/json" class="cf-clv-words">{script}</script>',
            f'<p id="{prefix}-help" class="cf-help">'
            f'{escape(say(word["help"], formula="m·r/(1+i−r)"))}</p>',
            '<div class="cf-clv-columns">',
        ]
        for index, row in customers.iterrows():
            field = f"{prefix}-c{index}"
            parts += [
                f'<fieldset class="cf-clv-customer" data-customer="{index}">',
                f'<legend>{escape(str(row["customer"]))}</legend>',
                _number_field("margin", word["margin"], row["annual_margin"], f"{field}-margin", step="any", minimum="-1000000000"),
                _number_field("retention", word["retention"], row["retention_rate"] * 100, f"{field}-retention", step="any", minimum="0", maximum="99.99"),
                _number_field("cost", word["cost"], row["acquisition_cost"], f"{field}-cost", step="any", minimum="0"),
                f'<p class="cf-clv-result"><span>{escape(word["value"])}</span> <output name="value" for="{field}-margin {field}-retention">'
                f'{escape(dollars(row["lifetime_value"]))}</output><br>'
                f'<span>{escape(word["net"])}</span> <output name="net" for="{field}-cost">{escape(dollars(row["net_value"]))}</output></p>',
                "</fieldset>",
            ]
        parts += [
            "</div>",
            _number_field("discount", word["discount"], discount * 100, f"{prefix}-discount", step="any", minimum="0", maximum="99.99"),
            f'<p class="cf-clv-verdict" role="status" aria-live="polite" id="{prefix}-verdict"></p>',
            "</form>",
        ]
        return [nodes.raw("", "\n".join(parts), format="html")]


class PrintableForm(SphinxDirective):
    """``{printable-form} <tool>``: the blank paper form a tool's spec declares;
    ``{printable-form} <file>.yml``: a form of its own, in a YAML file next to the page."""

    required_arguments = 1
    has_content = False

    def run(self) -> list[nodes.Node]:
        name = self.arguments[0]
        language = self.config.language or "en"  # the edition's: "zh_TW" gives its translation
        try:
            if name.endswith((".yml", ".yaml")):
                path = Path(self.env.doc2path(self.env.docname)).parent / name
                self.env.note_dependency(str(path))
                spec = load_form_file(path, language)
                code = language_code(language)
                if code:  # a changed translation: the page again
                    self.env.note_dependency(str(course_root() / "locales" / code / "forms" /
                                                 path.name))
            else:
                spec = load_form(name, language)
                if language_code(language):
                    self.env.note_dependency(str(form_translation_path(name, language)))
        except (ValueError, OSError) as error:
            raise self.error(f"printable-form: {error}") from None
        return [nodes.raw("", render_html(spec, language), format="html")]


#: The directives and their setting.
EXTENSION = Extension(
    config={"cf_course_map": "book/course-map.yml"},
    directives={
        "learning-objectives": LearningObjectives,
        "clv-comparison": ClvComparison,
        "printable-form": PrintableForm,
    },
)


def setup(app: Sphinx) -> dict[str, Any]:
    """Register the directives, and the workshop kit's: agendas, workbook, answer keys."""
    metadata = EXTENSION.setup(app)
    workshop.setup(app)
    return metadata
