"""Printable blank forms for the worksheets.

Each worksheet module declares its paper form once, as a :class:`FormSpec`
named ``PRINTABLE_FORM``; the book's ``{printable-form} <module>`` directive
renders it as a page that prints cleanly (the book's print stylesheet hides
navigation and sidebars), for workshops where people fill it in by hand.

Examples
--------
>>> spec = FormSpec(
...     title="Employee turnover cost",
...     intro="One form per job.",
...     sections=(Section("The job", fields=(Field("Job title"), Field("Annual salary", unit="$"))),),
... )
>>> "Annual salary" in render_html(spec)
True
"""

from __future__ import annotations

import importlib
from dataclasses import dataclass, field
from html import escape

__all__ = ["Field", "Section", "FormSpec", "render_html", "load_form"]


@dataclass(frozen=True)
class Field:
    """One blank to fill in: a label, an optional unit and a hint."""

    label: str
    unit: str = ""
    hint: str = ""


@dataclass(frozen=True)
class Section:
    """A titled group of blanks, or a table with ``columns`` and ``rows`` blank rows.

    ``row_labels`` pre-fills the first column of a table (one row per label);
    otherwise ``rows`` empty rows are printed.
    """

    title: str
    fields: tuple[Field, ...] = ()
    columns: tuple[str, ...] = ()
    rows: int = 0
    row_labels: tuple[str, ...] = ()
    note: str = ""


@dataclass(frozen=True)
class FormSpec:
    """A paper form: a title, a short instruction and its sections."""

    title: str
    intro: str
    sections: tuple[Section, ...] = field(default_factory=tuple)


def _field_html(item: Field) -> str:
    unit = f' <span class="cf-form-unit">({escape(item.unit)})</span>' if item.unit else ""
    hint = f'<span class="cf-form-hint">{escape(item.hint)}</span>' if item.hint else ""
    return (
        f'<tr><th scope="row">{escape(item.label)}{unit}{hint}</th>'
        f'<td class="cf-form-blank" aria-label="blank to fill in"></td></tr>'
    )


def _section_html(section: Section) -> str:
    parts = [f'<section class="cf-form-section"><h2>{escape(section.title)}</h2>']
    if section.note:
        parts.append(f'<p class="cf-form-note">{escape(section.note)}</p>')
    if section.fields:
        parts.append('<table class="cf-form-fields"><tbody>')
        parts.extend(_field_html(item) for item in section.fields)
        parts.append("</tbody></table>")
    if section.columns:
        parts.append('<table class="cf-form-grid"><thead><tr>')
        parts.extend(f'<th scope="col">{escape(column)}</th>' for column in section.columns)
        parts.append("</tr></thead><tbody>")
        labels = list(section.row_labels) or [""] * section.rows
        for label in labels:
            cells = [f'<th scope="row">{escape(label)}</th>' if label else '<td class="cf-form-blank"></td>']
            cells += ['<td class="cf-form-blank"></td>'] * (len(section.columns) - 1)
            parts.append(f"<tr>{''.join(cells)}</tr>")
        parts.append("</tbody></table>")
    parts.append("</section>")
    return "".join(parts)


def render_html(spec: FormSpec) -> str:
    """The form as HTML: a print button, the instruction and one block per section."""
    sections = "".join(_section_html(section) for section in spec.sections)
    return (
        f'<div class="cf-form"><p class="cf-form-intro">{escape(spec.intro)}</p>'
        '<p class="cf-form-print"><button type="button" class="cf-print-button">Print this form</button></p>'
        f"{sections}</div>"
    )


def load_form(module: str) -> FormSpec:
    """The ``PRINTABLE_FORM`` of ``customer_focus.<module>``.

    Raises
    ------
    ValueError
        When the module does not exist or declares no form.
    """
    try:
        imported = importlib.import_module(f"customer_focus.{module}")
    except ModuleNotFoundError:
        raise ValueError(f"no module customer_focus.{module}; give the worksheet module's name, e.g. turnover") from None
    spec = getattr(imported, "PRINTABLE_FORM", None)
    if not isinstance(spec, FormSpec):
        raise ValueError(f"customer_focus.{module} declares no PRINTABLE_FORM (a forms.FormSpec)")
    return spec
