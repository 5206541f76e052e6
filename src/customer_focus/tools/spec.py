"""A tool's spec: the YAML file that holds its content, and the paper form it describes.

Every tool keeps what is content, not arithmetic, in ``tools/<tool>/<tool>.yml``::

    tool: lifetime_value              # the folder's name
    title: Customer lifetime value
    fields:                           # every input, described once (see core.fields)
      margin: {label: Yearly margin per customer, unit: $, help: ...}
    example:                          # the worked example: values of some fields...
      margin: 100
      customers:                      # ...and rows of a table the learner brings
        - {customer: Harbor Supply, annual_margin: 12000}
    reading:                          # the headings of the tables written for reading
      schedule: {year: Year, present_value: Present value}   # the first names the rows
    tables:                           # the files a learner brings, column by column
      customers:
        about: One row per customer.
        columns:
          customer: {help: a name for the customer or segment}
          acquisition_cost: {help: what it costs to win the customer, required: false}
          margin:                     # a column named as a field: the field's help
    exercise:                         # the exercise's questions: their words (see below)
      q1: {variable: margin_q1, prompt: ..., hint: ..., solution: ..., unit: $}
    live:                             # the tool as it runs in the book's page (optional)
      fields: [margin, retention]     # the inputs its form shows, in this order
      grid: alternatives              # a table edited in the form, row by row (optional)
      table: customers                # a file the reader may pick (optional)...
      table_fields: [discount_rate]   # ...and the form's inputs that apply to it
    paper_form:                       # the printable blank form
      title: Customer lifetime value worksheet
      intro: One sentence on how to fill it in.
      sections:
        - title: Assumptions
          fields:                     # blanks: a label, a unit and a hint each...
            - {label: Prepared by and date}
            - {field: discount_rate, hint: The yearly cost of money}   # ...or an input's
        - title: Customers
          columns: [Customer, Yearly margin ($)]
          rows: 8                     # or row_labels: [...] to pre-fill the first column
          note: Optional sentence under the section's title (or all a section holds).

Each exercise question holds what the learner reads: ``variable``, ``prompt``,
``hint``, ``solution`` and ``takeaway``; a number question its ``tolerance``,
``unit`` and the words of its known ``mistakes`` (a text, or ``{why, tolerance}``),
in the order of the values its ``exercise.py`` computes; a choice question its
``options``, ``correct`` answer and ``reasons`` (why a wrong option is wrong),
unless ``exercise.py`` computes the options or the answer. ``{name}`` in a text
stands for a value ``exercise.py`` gives (:mod:`customer_focus.tools.questions`).

:func:`load_spec` reads and checks it, reporting every problem as
``file:line: what is wrong``. The live form (:mod:`customer_focus.tools.worksheet`),
the paper form (:func:`render_html`, the book's ``{printable-form} <tool>``)
and the tool's code all read the same spec. Its JSON twin
(``tools/<tool>/<tool>.json``, written by ``python -m customer_focus specs``)
carries the same data for code that cannot read YAML: ``calc.py`` and the
browser.

A translation, ``locales/<language>/tools/<tool>.yml``, holds only the
spec's reader-facing texts, keyed as the English (:func:`text_skeleton`),
among them the worked example's texts (:func:`example_texts`: a name, a step;
its numbers and choices never); ``load_spec(tool, language)`` lays them over
the English (:func:`overlay`), which gives everything else: one source.
"""

from __future__ import annotations

import copy
import json
from collections.abc import Mapping
from dataclasses import asdict, dataclass, field
from dataclasses import fields as dataclass_fields
from functools import cache
from html import escape
from pathlib import Path
from typing import Any

from ..core.fields import Fields, language_twin, read_fields
from ..core.languages import LANGUAGES, language_code
from ..core.overlay import compare_keys
from ..core.paths import course_root, package_file, tool_file
from ..core.problems import Problems
from ..core.words import check_word
from ..core.yamlfile import parse_yaml

__all__ = [
    "Blank", "Section", "FormSpec", "Column", "TableSpec", "MistakeSpec", "QuestionSpec",
    "LiveSpec", "ToolSpec",
    "load_spec", "read_spec", "read_questions", "spec_tools", "twin_text", "twin_path",
    "render_html", "load_form", "load_form_file",
    "LANGUAGES", "text_skeleton", "example_texts", "exercise_texts", "overlay", "translation_path",
    "check_words", "words",
]

#: The keys of a spec that hold no reader-facing text: a translation leaves them out.
_NOT_TEXT = {
    "tool", "example", "live", "kind", "min", "max", "max_included", "step",
    "slider", "default", "required", "field", "rows",
}

_TOP_KEYS = {
    "tool", "title", "fields", "example", "tables", "reading", "exercise", "live", "paper_form",
}
_QUESTION_KEYS = {
    "variable", "prompt", "hint", "solution", "takeaway", "tolerance", "unit", "mistakes",
    "options", "correct", "reasons",
}


# ---- the paper form ------------------------------------------------------------------


@dataclass(frozen=True)
class Blank:
    """One blank to fill in on paper: a label, an optional unit and a hint."""

    label: str
    unit: str = ""
    hint: str = ""


@dataclass(frozen=True)
class Section:
    """A titled group of blanks (``fields``), or a table with ``columns`` and ``rows`` blank rows.

    ``row_labels`` pre-fills the first column of a table (one row per label);
    otherwise ``rows`` empty rows are printed.
    """

    title: str
    fields: tuple[Blank, ...] = ()
    columns: tuple[str, ...] = ()
    rows: int = 0
    row_labels: tuple[str, ...] = ()
    note: str = ""


@dataclass(frozen=True)
class FormSpec:
    """A paper form: a title, a short instruction and its sections.

    Examples
    --------
    >>> spec = FormSpec(
    ...     title="Employee turnover cost",
    ...     intro="One form per job.",
    ...     sections=(Section("The job", fields=(Blank("Annual salary", unit="$"),)),),
    ... )
    >>> "Annual salary" in render_html(spec)
    True
    """

    title: str
    intro: str
    sections: tuple[Section, ...] = field(default_factory=tuple)


def _blank_html(item: Blank, blank: str) -> str:
    unit = f' <span class="cf-form-unit">({escape(item.unit)})</span>' if item.unit else ""
    hint = f'<span class="cf-form-hint">{escape(item.hint)}</span>' if item.hint else ""
    return (
        f'<tr><th scope="row">{escape(item.label)}{unit}{hint}</th>'
        f'<td class="cf-form-blank" aria-label="{escape(blank)}"></td></tr>'
    )


def _section_html(section: Section, blank: str) -> str:
    parts = [f'<section class="cf-form-section"><h2>{escape(section.title)}</h2>']
    if section.note:
        parts.append(f'<p class="cf-form-note">{escape(section.note)}</p>')
    if section.fields:
        parts.append('<table class="cf-form-fields"><tbody>')
        parts.extend(_blank_html(item, blank) for item in section.fields)
        parts.append("</tbody></table>")
    if section.columns:
        parts.append('<table class="cf-form-grid"><thead><tr>')
        parts.extend(f'<th scope="col">{escape(column)}</th>' for column in section.columns)
        parts.append("</tr></thead><tbody>")
        blank = '<td class="cf-form-blank"></td>'
        for label in list(section.row_labels) or [""] * section.rows:
            first = f'<th scope="row">{escape(label)}</th>' if label else blank
            parts.append(f"<tr>{first}{blank * (len(section.columns) - 1)}</tr>")
        parts.append("</tbody></table>")
    parts.append("</section>")
    return "".join(parts)


def check_words(data: object, source: str) -> dict[str, dict[str, str]]:
    """Fixed words (a file of ``data/``: each word's name, then its text by language) by
    language and name, checked: every word in every language, as a text keeping exactly the
    English's ``{name}`` slots. Raise listing every problem.

    Examples
    --------
    >>> check_words({"start": {"en": "Start", "zh_TW": "開始"}}, "w.yml")["zh_TW"]
    {'start': '開始'}
    >>> check_words({"rows": {"en": "Up to {rows} rows", "zh_TW": "最多幾列"}}, "w.yml")
    Traceback (most recent call last):
    ...
    customer_focus.core.problems.DataFileError: w.yml:1: rows: zh_TW must keep {rows}, as the ...
    """
    found = Problems(source)
    table: dict[str, dict[str, str]] = {language: {} for language in LANGUAGES}
    if not isinstance(data, dict):
        found.add(data, None, "needs a mapping of each word's name to its texts by language")
        found.raise_if_any()
    for name in data:
        texts = check_word(found, data, name, str(name))
        for language, text in (texts or {}).items():
            table[language][str(name)] = text
    found.raise_if_any()
    return table


@cache
def _word_file(name: str) -> dict[str, dict[str, str]]:
    source = f"src/customer_focus/data/{name}"
    return check_words(parse_yaml(package_file("data", name).read_text("utf-8"), source), source)


def words(name: str, language: str | None = None) -> dict[str, str]:
    """The fixed words of ``data/<name>`` in a language (default English), checked.

    Examples
    --------
    >>> words("form-words.yml", "zh_TW")["print"]
    '列印這份表單'
    """
    return _word_file(name)[language_code(language, known=True) or "en"]


def render_html(form: FormSpec, language: str | None = None) -> str:
    """The paper form as HTML: a print button, the instruction and one block per section.

    ``language`` (a Sphinx language such as ``"zh_TW"``; default English) gives
    the form's own words; its texts come translated in ``form`` itself.

    Examples
    --------
    >>> form = FormSpec("Kano", "Answer both questions.")
    >>> "列印這份表單" in render_html(form, "zh_TW")
    True
    """
    said = words("form-words.yml", language)
    sections = "".join(_section_html(section, said["blank"]) for section in form.sections)
    return (
        f'<div class="cf-form"><p class="cf-form-intro">{escape(form.intro)}</p>'
        '<p class="cf-form-print"><button type="button" class="cf-print-button">'
        f"{escape(said['print'])}</button></p>"
        f"{sections}</div>"
    )


# ---- the spec ------------------------------------------------------------------------


@dataclass(frozen=True)
class Column:
    """A column of a file the learner brings."""

    name: str
    help: str
    required: bool = True


@dataclass(frozen=True)
class TableSpec:
    """A file the learner brings: what one row is, and its columns."""

    name: str
    about: str
    columns: tuple[Column, ...]

    @property
    def required(self) -> list[str]:
        """The columns that must be present."""
        return [column.name for column in self.columns if column.required]

    @property
    def optional(self) -> list[str]:
        """The columns that may be left out."""
        return [column.name for column in self.columns if not column.required]

    @property
    def helps(self) -> dict[str, str]:
        """What each column holds, by name."""
        return {column.name: column.help for column in self.columns}


@dataclass(frozen=True)
class MistakeSpec:
    """The words for a known wrong answer: why it is wrong (its value is computed in Python)."""

    why: str
    tolerance: float | None = None  # None: the question's own tolerance

    def to_data(self) -> str | dict[str, Any]:
        """The mistake as the YAML writes it: its text, or why and tolerance."""
        return self.why if self.tolerance is None else asdict(self)


@dataclass(frozen=True)
class QuestionSpec:
    """The words of one exercise question, and how its answer is judged.

    A number question has ``tolerance``, ``unit`` and ``mistakes``; a choice
    question ``options``, ``correct`` and ``reasons`` (any of them may come from
    the exercise's Python instead, when it is computed).
    """

    name: str
    variable: str
    prompt: str
    hint: str
    solution: str
    takeaway: str = ""
    tolerance: float | None = None
    unit: str = ""
    mistakes: tuple[MistakeSpec, ...] = ()
    options: tuple[str, ...] = ()
    correct: str = ""
    reasons: dict[str, str] = field(default_factory=dict)

    def to_data(self) -> dict[str, Any]:
        """The question as plain data, as the YAML writes it (what is not given left out)."""
        plain = {"mistakes": [item.to_data() for item in self.mistakes], "options": [*self.options]}
        return {
            key.name: plain.get(key.name, getattr(self, key.name)) for key in dataclass_fields(self)
            if key.name != "name" and getattr(self, key.name) not in (None, "", (), {})
        }


@dataclass(frozen=True)
class LiveSpec:
    """The tool as it runs in the book's page: the inputs its form shows, and the file it reads."""

    fields: tuple[str, ...]
    table: str | None = None
    table_fields: tuple[str, ...] = ()
    grid: str | None = None

    def to_data(self) -> dict[str, Any]:
        """The block as plain JSON-ready data."""
        data: dict[str, Any] = {"fields": list(self.fields)}
        if self.table is not None:
            data["table"] = self.table
            data["table_fields"] = list(self.table_fields)
        if self.grid is not None:
            data["grid"] = self.grid
        return data


@dataclass(frozen=True)
class ToolSpec:
    """Everything a tool's YAML says, checked."""

    tool: str
    title: str
    fields: Fields
    example: dict[str, Any]
    tables: dict[str, TableSpec]
    paper_form: FormSpec | None
    source: str
    exercise: dict[str, QuestionSpec] = field(default_factory=dict)
    reading: dict[str, dict[str, str]] = field(default_factory=dict)
    live: LiveSpec | None = None

    def to_data(self) -> dict[str, Any]:
        """The spec as plain JSON-ready data (what the JSON twin holds)."""
        data: dict[str, Any] = {
            "tool": self.tool, "title": self.title, "fields": self.fields.to_data(),
            "example": dict(self.example),
            "tables": {
                name: {
                    "about": table.about,
                    "columns": {
                        column.name: {"help": column.help, "required": column.required}
                        for column in table.columns
                    },
                }
                for name, table in self.tables.items()
            },
        }
        if self.reading:
            data["reading"] = {name: dict(headings) for name, headings in self.reading.items()}
        if self.exercise:
            data["exercise"] = {name: q.to_data() for name, q in self.exercise.items()}
        if self.live is not None:
            data["live"] = self.live.to_data()
        if self.paper_form is not None:
            data["paper_form"] = _form_data(self.paper_form)
        return data


def _form_data(form: FormSpec) -> dict[str, Any]:
    sections = []
    for section in form.sections:
        data: dict[str, Any] = {"title": section.title}
        if section.note:
            data["note"] = section.note
        if section.fields:
            data["fields"] = [
                {key: value for key, value in asdict(blank).items() if value}
                for blank in section.fields
            ]
        if section.columns:
            data["columns"] = list(section.columns)
        if section.row_labels:
            data["row_labels"] = list(section.row_labels)
        elif section.rows:
            data["rows"] = section.rows
        sections.append(data)
    return {"title": form.title, "intro": form.intro, "sections": sections}


def _read_blank(data: Any, fields: Fields, where: str, problems: Problems) -> Blank | None:
    if not isinstance(data, Mapping):
        problems.add(data, None, f"{where}: must be a mapping with a label or a field")
        return None
    problems.keys(data, {"field", "label", "unit", "hint"}, where)
    name = problems.text(data, "field", where)
    label, unit = "", ""
    if name is not None:
        if name not in fields:
            known = ", ".join(fields)
            problems.add(data, "field", f"{where}: no field {name!r} (the fields: {known})")
            return None
        label, unit = fields[name].label, fields[name].unit
    label = problems.text(data, "label", where, required=name is None) or label
    unit = problems.text(data, "unit", where) or unit
    return Blank(label, unit, problems.text(data, "hint", where) or "") if label else None


def _read_section(data: Any, fields: Fields, where: str, problems: Problems) -> Section | None:
    if not isinstance(data, Mapping):
        problems.add(data, None, f"{where}: must be a mapping with a title")
        return None
    problems.keys(data, {"title", "note", "fields", "columns", "rows", "row_labels"}, where)
    title = problems.text(data, "title", where, required=True)
    raw = data.get("fields") or []
    if not isinstance(raw, list):
        problems.add(data, "fields", f"{where}: 'fields' must be a list of blanks")
        raw = []
    blanks = [
        _read_blank(item, fields, f"{where}, blank {i + 1}", problems) for i, item in enumerate(raw)
    ]
    columns = problems.texts(data, "columns", where)
    row_labels = problems.texts(data, "row_labels", where)
    rows = data.get("rows", 0)
    if isinstance(rows, bool) or not isinstance(rows, int) or rows < 0:
        problems.add(data, "rows", f"{where}: 'rows' must be a whole number of blank rows")
        rows = 0
    if columns and not (rows or row_labels):
        problems.add(data, "columns", f"{where}: a table needs 'rows' or 'row_labels'")
    note = problems.text(data, "note", where) or ""
    if not blanks and not columns and not note:
        problems.add(data, None, f"{where}: a section needs 'fields', 'columns' or a 'note'")
    if title is None:
        return None
    return Section(
        title, tuple(blank for blank in blanks if blank), columns, rows, row_labels, note
    )


def _read_form(data: Any, fields: Fields, problems: Problems) -> FormSpec | None:
    if data is None:
        return None
    where = "paper_form"
    if not isinstance(data, Mapping):
        problems.add(data, None, f"{where}: must be a mapping with title, intro and sections")
        return None
    problems.keys(data, {"title", "intro", "sections"}, where)
    title = problems.text(data, "title", where, required=True)
    intro = problems.text(data, "intro", where, required=True)
    raw = data.get("sections")
    if not isinstance(raw, list) or not raw:
        problems.add(data, "sections", f"{where}: 'sections' must be a non-empty list")
        raw = []
    sections = [
        _read_section(item, fields, f"{where}, section {i + 1}", problems)
        for i, item in enumerate(raw)
    ]
    if title is None or intro is None:
        return None
    return FormSpec(title, intro, tuple(section for section in sections if section))


def _entries(data: Any, message: str, problems: Problems) -> Mapping:
    """``data``, a mapping; empty when missing, or when not a mapping (``message`` then noted)."""
    if data is None:
        return {}
    if not isinstance(data, Mapping):
        problems.add(data, None, message)
        return {}
    return data


def _read_tables(data: Any, fields: Fields, problems: Problems) -> dict[str, TableSpec]:
    data = _entries(data, "tables: must map each file's name to its about and columns", problems)
    tables = {}
    for name, table in data.items():
        where = f"tables: {name}"
        if not isinstance(table, Mapping) or not isinstance(table.get("columns"), Mapping):
            problems.add(data, name, f"{where}: needs 'about' and 'columns' (a mapping)")
            continue
        problems.keys(table, {"about", "columns"}, where)
        columns = []
        for column, spec in table["columns"].items():
            place = f"{where}, column {column}"
            field = fields.get(str(column))
            if spec is None and field is not None:  # a column named as a field: its help
                spec = {}
            if not isinstance(spec, Mapping):
                problems.add(table["columns"], column, f"{place}: must be a mapping with help")
                continue
            problems.keys(spec, {"help", "required"}, place)
            meaning = problems.text(spec, "help", place, required=field is None)
            meaning = meaning if meaning is not None or field is None else field.help
            required = problems.flag(spec, "required", place)
            if meaning is not None:
                columns.append(Column(str(column), meaning, required is not False))
        about = problems.text(table, "about", where, required=True) or ""
        tables[str(name)] = TableSpec(str(name), about, tuple(columns))
    return tables


def _names(
    data: Mapping, key: str, known: Mapping, what: str, problems: Problems
) -> tuple[str, ...]:
    """A list of names from ``known``: each one not in it is a problem at its line."""
    names = problems.texts(data, key, "live", kind=f"{what} names")
    for index, name in enumerate(names):
        if name not in known:
            choices = ", ".join(known) or "none"
            message = f"live: {key}: no {what} {name!r} (the {what}s: {choices})"
            problems.add(data[key], index, message)
    if len(set(names)) != len(names):
        problems.add(data, key, f"live: {key!r} names an input twice")
    return tuple(name for name in names if name in known)


def _read_live(
    data: Any, fields: Fields, tables: Mapping[str, TableSpec], problems: Problems
) -> LiveSpec | None:
    if data is None:
        return None
    if not isinstance(data, Mapping):
        problems.add(data, None, "live: must be a mapping with fields (and table, table_fields)")
        return None
    problems.keys(data, {"fields", "table", "table_fields", "grid"}, "live")
    shown = _names(data, "fields", fields, "field", problems)
    grid = problems.text(data, "grid", "live")
    if grid is not None and grid not in tables:
        choices = ", ".join(tables) or "none"
        problems.add(data, "grid", f"live: 'grid' {grid!r} is not one of the tables ({choices})")
        grid = None
    if grid is not None and not all(column.name in fields for column in tables[grid].columns):
        problems.add(data, "grid", f"live: 'grid' {grid!r}: every column must be a field")
        grid = None
    if not shown and grid is None:
        problems.add(data, "fields" if "fields" in data else None,
                     "live: 'fields' must list the inputs the page's form shows, or 'grid' a table")
    table = problems.text(data, "table", "live")
    if table is not None and table not in tables:
        choices = ", ".join(tables) or "none"
        problems.add(data, "table", f"live: 'table' {table!r} is not one of the tables ({choices})")
        table = None
    used = _names(data, "table_fields", dict.fromkeys(shown), "shown field", problems)
    if used and table is None:
        problems.add(data, "table_fields", "live: 'table_fields' needs a 'table'")
    return LiveSpec(shown, table, used, grid)


def _read_rows(
    example: Mapping, table: TableSpec, fields: Fields, problems: Problems
) -> list[dict[str, Any]]:
    """The example's rows of a table: each a mapping of its columns to values."""
    where, data = f"example: {table.name}", example[table.name]
    if not isinstance(data, list) or not data:
        problems.add(
            example, table.name, f"{where}: must be a list of rows, each mapping columns to values"
        )
        return []
    columns = {column.name for column in table.columns}
    rows = []
    for number, row in enumerate(data, start=1):
        if not isinstance(row, Mapping):
            problems.add(row, None, f"{where}, row {number}: must map columns to values")
            continue
        problems.keys(row, columns, f"{where}, row {number}")
        checked = {}
        for name, value in row.items():
            try:
                checked[name] = fields[name].check(value) if name in fields else value
            except ValueError as error:
                problems.add(row, name, f"{where}, row {number}: {error}")
        rows.append(checked)
    return rows


def _read_example(
    data: Any, fields: Fields, tables: Mapping[str, TableSpec], problems: Problems
) -> dict[str, Any]:
    data = _entries(data, "example: must map fields to their values", problems)
    example = {}
    for name, value in data.items():
        if name in tables:
            example[name] = _read_rows(data, tables[name], fields, problems)
            continue
        if name not in fields:
            problems.add(data, name, f"example: {name!r} is not one of the fields or tables")
            continue
        try:
            example[name] = fields[name].check(value)
        except ValueError as error:
            problems.add(data, name, f"example: {error}")
    return example


def _read_mistake(data: Any, where: str, problems: Problems) -> MistakeSpec | None:
    if isinstance(data, str):
        return MistakeSpec(data)
    if not isinstance(data, Mapping):
        problems.add(data, None, f"{where}: a mistake is a text, or a mapping of why and tolerance")
        return None
    problems.keys(data, {"why", "tolerance"}, where)
    why = problems.text(data, "why", where, required=True)
    tolerance = problems.number(data, "tolerance", where, minimum=0)
    return MistakeSpec(why, tolerance) if why is not None else None


def _read_question(name: str, data: Any, problems: Problems) -> QuestionSpec | None:
    where = f"exercise: {name}"
    if not isinstance(data, Mapping):
        problems.add(data, None, f"{where}: must map variable, prompt, hint and solution")
        return None
    problems.keys(data, _QUESTION_KEYS, where)
    texts = {
        key: problems.text(data, key, where, required=True)
        for key in ("variable", "prompt", "hint", "solution")
    }
    raw = data.get("mistakes") or []
    if not isinstance(raw, list):
        problems.add(data, "mistakes", f"{where}: 'mistakes' must be a list")
        raw = []
    mistakes = [
        _read_mistake(item, f"{where}, mistake {i + 1}", problems) for i, item in enumerate(raw)
    ]
    options = problems.texts(data, "options", where)
    correct = problems.text(data, "correct", where) or ""
    if options and correct and correct not in options:
        problems.add(data, "correct", f"{where}: 'correct' must be one of the options {options}")
    reasons = data.get("reasons") or {}
    if not isinstance(reasons, Mapping) or not all(
        isinstance(reason, str) for reason in reasons.values()
    ):
        problems.add(data, "reasons", f"{where}: 'reasons' must map options to texts")
        reasons = {}
    for option in reasons:
        if options and option not in options or option == correct:
            problems.add(reasons, option, f"{where}: no reason is needed for {option!r}, it is "
                         "not a wrong option")
    if mistakes and (options or correct or reasons):
        problems.add(data, "mistakes", f"{where}: a question has mistakes (a number question) "
                     "or options, correct and reasons (a choice question), not both")
    if None in texts.values():
        return None
    return QuestionSpec(
        name, texts["variable"], texts["prompt"], texts["hint"], texts["solution"],
        problems.text(data, "takeaway", where) or "",
        problems.number(data, "tolerance", where, minimum=0),
        problems.text(data, "unit", where) or "",
        tuple(mistake for mistake in mistakes if mistake), options, correct,
        {str(option): reason for option, reason in reasons.items()},
    )


def _read_reading(data: Any, problems: Problems) -> dict[str, dict[str, str]]:
    data = _entries(data, "reading: must map each table's name to its columns' headings", problems)
    reading = {}
    for name, headings in data.items():
        good = isinstance(headings, Mapping) and headings and all(
            isinstance(heading, str) for heading in headings.values()
        )
        if not good:
            problems.add(data, name, f"reading: {name}: must map each column to its heading (text)")
            continue
        reading[str(name)] = {str(column): heading for column, heading in headings.items()}
    return reading


def _read_exercise(data: Any, problems: Problems) -> dict[str, QuestionSpec]:
    data = _entries(data, "exercise: must map each question's name (q1...) to its words", problems)
    questions = {str(key): _read_question(str(key), item, problems) for key, item in data.items()}
    return {name: question for name, question in questions.items() if question}


def read_questions(data: Any, source: str) -> dict[str, QuestionSpec]:
    """Check a file that holds only an ``exercise:`` section (the lab's) and return its questions.

    Raises
    ------
    DataFileError
        Listing every problem as ``file:line: message``.
    """
    problems = Problems(source)
    data = _entries(data, "a file of questions is a mapping with 'exercise'", problems)
    problems.keys(data, {"exercise"}, "questions")
    questions = _read_exercise(data.get("exercise"), problems)
    problems.raise_if_any()
    return questions


def read_spec(data: Any, source: str, tool: str) -> ToolSpec:
    """Check the data of a tool's spec (from YAML or its JSON twin) and return it.

    Raises
    ------
    DataFileError
        Listing every problem as ``file:line: message``.
    """
    problems = Problems(source)
    if not isinstance(data, Mapping):
        problems.add(data, None, "a tool's spec is a mapping with tool, title and fields")
        problems.raise_if_any()
    problems.keys(data, _TOP_KEYS, "spec")
    if data.get("tool") != tool:
        problems.add(data, "tool", f"'tool' must be {tool!r}, the name of the tool's folder")
    title = problems.text(data, "title", "spec", required=True) or ""
    fields = read_fields(data.get("fields"), problems)
    tables = _read_tables(data.get("tables"), fields, problems)
    spec = ToolSpec(
        tool, title, fields, _read_example(data.get("example"), fields, tables, problems),
        tables, _read_form(data.get("paper_form"), fields, problems), source,
        _read_exercise(data.get("exercise"), problems),
        _read_reading(data.get("reading"), problems),
        _read_live(data.get("live"), fields, tables, problems),
    )
    problems.raise_if_any()
    return spec


def _has_words(value: Any) -> bool:
    """Whether a value is a text with letters (``"$"``, ``"10 9 8"`` are not words)."""
    return isinstance(value, str) and any(character.isalpha() for character in value)


def example_texts(data: Mapping[str, Any]) -> dict[str, Any]:
    """The texts of a spec's worked example, in its shape: what its translation holds.

    The values of the text inputs (``kind: text``) that hold words: a name of an
    offer, a step, a feature. Numbers, choices, yes/no answers and a list of
    numbers written as text are what the code reads, and stay the English's. A
    table keeps every row (a row without a text is ``{}``).

    Examples
    --------
    >>> spec = {"fields": {"step": {"kind": "text"}, "minutes": {}},
    ...         "example": {"steps": [{"step": "Repair", "minutes": 90}, {"minutes": 5}]}}
    >>> example_texts(spec)
    {'steps': [{'step': 'Repair'}, {}]}
    """
    fields = data.get("fields") if isinstance(data.get("fields"), Mapping) else {}

    def text_of(name: Any, value: Any) -> bool:
        field = fields.get(name)
        return isinstance(field, Mapping) and field.get("kind") == "text" and _has_words(value)

    example = data.get("example")
    kept: dict[str, Any] = {}
    for name, value in (example.items() if isinstance(example, Mapping) else ()):
        if isinstance(value, list):
            rows = [{column: cell for column, cell in row.items() if text_of(column, cell)}
                    if isinstance(row, Mapping) else {} for row in value]
            if any(rows):
                kept[name] = rows
        elif text_of(name, value):
            kept[name] = value
    return kept


#: The texts of an exercise question a learner reads (its variable, options, correct answer
#: and tolerances are the code's: they stay the English's).
_QUESTION_TEXTS = ("prompt", "hint", "solution", "takeaway")


def exercise_texts(exercise: Any) -> dict[str, Any]:
    """The texts of an ``exercise:`` section a translation gives, in its shape.

    Each question's prompt, hint, solution and takeaway, each mistake's text
    (``why``), and each wrong option's reason, keyed by the English option
    (what the learner types stays the English's).

    Examples
    --------
    >>> exercise_texts({"q1": {"variable": "x_q1", "prompt": "Set x.", "hint": "Add.",
    ...     "solution": "x = 1", "tolerance": 0.1, "mistakes": ["Off by one.",
    ...     {"why": "Doubled.", "tolerance": 0.5}]},
    ...     "q2": {"variable": "c_q2", "prompt": "Pick.", "hint": "Read.", "solution": "'a'",
    ...            "options": ["a", "b"], "correct": "a", "reasons": {"b": "Not b."}}})
    ... # doctest: +NORMALIZE_WHITESPACE
    {'q1': {'prompt': 'Set x.', 'hint': 'Add.', 'solution': 'x = 1',
            'mistakes': ['Off by one.', {'why': 'Doubled.'}]},
     'q2': {'prompt': 'Pick.', 'hint': 'Read.', 'solution': "'a'", 'reasons': {'b': 'Not b.'}}}
    """
    kept: dict[str, Any] = {}
    for name, question in (exercise.items() if isinstance(exercise, Mapping) else ()):
        if not isinstance(question, Mapping):
            continue
        texts: dict[str, Any] = {key: question[key] for key in _QUESTION_TEXTS
                                 if isinstance(question.get(key), str)}
        mistakes = question.get("mistakes")
        if isinstance(mistakes, list) and mistakes:
            texts["mistakes"] = [
                item if isinstance(item, str)
                else {"why": item["why"]} if isinstance(item, Mapping) and "why" in item
                else None
                for item in mistakes
            ]
        reasons = question.get("reasons")
        if isinstance(reasons, Mapping) and reasons:
            texts["reasons"] = {key: text for key, text in reasons.items() if isinstance(text, str)}
        kept[name] = texts
    return kept


def text_skeleton(data: Any) -> Any:
    """The reader-facing texts of a spec's data, in its shape: what a translation holds.

    Mappings keep their text-bearing keys (never ``tool``, ``live`` or a
    setting such as ``kind``, ``min``, ``slider``), lists keep every item, a
    text stays a text; a unit without letters (``$``, ``%``) is not a word to
    translate. Of the worked ``example``, only the values of the text inputs
    (``kind: text``) that hold words (:func:`example_texts`); of the
    ``exercise``, what its learner reads (:func:`exercise_texts`).

    Examples
    --------
    >>> text_skeleton({"tool": "x", "title": "T", "fields": {"a": {
    ...     "label": "A", "unit": "$", "kind": "rate", "options": {"y": "Yes"}}}})
    {'title': 'T', 'fields': {'a': {'label': 'A', 'options': {'y': 'Yes'}}}}
    """
    if isinstance(data, str):
        return data
    if isinstance(data, Mapping):
        kept = {}
        for key, value in data.items():
            if key == "example" and isinstance(data.get("fields"), Mapping):
                inner = example_texts(data)
                if inner:
                    kept[key] = inner
                continue
            if key == "exercise":
                inner = exercise_texts(value)
                if inner:
                    kept[key] = inner
                continue
            if key in _NOT_TEXT or (key == "unit" and not _has_words(value)):
                continue
            inner = text_skeleton(value)
            if inner not in (None, {}, []):
                kept[key] = inner
        return kept
    if isinstance(data, list):
        items = [text_skeleton(item) for item in data]
        return items if any(item not in (None, {}, []) for item in items) else []
    return None


def _check_overlay(english: Any, given: Any, where: str, problems: Problems,
                   parent: Any, key: Any) -> None:
    """Note where ``given`` (the translation) leaves the shape of ``english``'s texts."""
    if isinstance(english, str):
        if not isinstance(given, str) or (english.strip() and not given.strip()):
            problems.add(parent, key, f"{where}: must be a text (the English: {english[:60]!r})")
        return
    if isinstance(english, Mapping):
        prefix = f"{where}: " if where else ""  # "": the translation's top mapping
        names = ", ".join(map(str, english))
        if not compare_keys(
            problems, given, english, at=(parent, key),
            not_mapping=(f"{where}: must be a mapping of {names}, as in the English" if where
                         else f"a spec's translation is a mapping of its texts ({names}), keyed "
                         "as the English"),
            lacks=lambda name: f"{prefix}lacks {name!r}, which the English has",
            extra=lambda name: f"{prefix}{name!r} is not a text of the English (translate only "
                               "the English's texts, with its keys" + (
                                   "; the example's numbers, choices and yes/no answers stay the "
                                   "English's)" if where.startswith("example") else ")"),
        ):
            return
        for name in english:
            if name in given:
                inner = f"{where}.{name}" if where else str(name)
                _check_overlay(english[name], given[name], inner, problems, given, name)
        return
    if not isinstance(given, list) or len(given) != len(english):
        problems.add(parent, key, f"{where}: must be a list of {len(english)} items, as in the "
                     "English")
        return
    for index, (item, translated) in enumerate(zip(english, given, strict=True)):
        if item not in (None, {}, []):
            _check_overlay(item, translated, f"{where}[{index + 1}]", problems, given, index)


def _merge(english: Any, given: Any, texts: Any) -> Any:
    """``english`` with each of its ``texts`` (its :func:`text_skeleton`) replaced by the one
    ``given`` has in its place."""
    if isinstance(texts, str):
        return given if isinstance(given, str) else english
    if isinstance(texts, Mapping) and isinstance(english, Mapping):
        given = given if isinstance(given, Mapping) else {}
        merged = copy.copy(english) if isinstance(english, dict) else dict(english)
        for key, inner in texts.items():
            if key in given:
                merged[key] = _merge(english[key], given[key], inner)
        return merged
    if isinstance(texts, list) and isinstance(english, list):
        given = given if isinstance(given, list) else []
        merged_list = copy.copy(english)
        for index, inner in enumerate(texts):
            if index < len(given) and inner not in (None, {}, []):
                merged_list[index] = _merge(english[index], given[index], inner)
        return merged_list
    return english


def overlay(english: Any, translation: Any, source: str) -> Any:
    """The spec's data with the translation's texts in place of the English ones, checked.

    The translation holds only the reader-facing texts (:func:`text_skeleton`),
    keyed as the English: everything else comes from the English (one source).

    Raises
    ------
    DataFileError
        Listing, as ``file:line: message``, each text the translation lacks, each
        key the English has not, and each value that is not a text.

    Examples
    --------
    >>> english = {"tool": "x", "title": "Tool", "fields": {"a": {"label": "A", "help": "a"}}}
    >>> overlay(english, {"title": "工具", "fields": {"a": {"label": "甲", "help": "甲的說明"}}},
    ...         "x.yml")["fields"]["a"]["label"]
    '甲'
    >>> overlay(english, {"title": "工具", "fields": {"a": {"label": "甲"}}}, "x.yml")
    Traceback (most recent call last):
    ...
    customer_focus.core.problems.DataFileError: x.yml:1: fields.a: lacks 'help', ...
    """
    problems = Problems(source)
    texts = text_skeleton(english)
    _check_overlay(texts, translation, "", problems, translation, None)
    problems.raise_if_any()
    return _merge(english, translation, texts)


def translation_path(tool: str, language: str | None) -> Path:
    """Where a tool spec's translation lives: ``locales/<language>/tools/<tool>.yml``."""
    code = language_code(language, known=True) or "en"
    return course_root() / "locales" / code / "tools" / f"{tool}.yml"


@cache
def load_spec(tool: str, language: str | None = None) -> ToolSpec:
    """The checked spec of a tool, read from ``tools/<tool>/<tool>.yml``.

    With a ``language`` other than English, its reader-facing texts come from
    the translation ``locales/<language>/tools/<tool>.yml`` (:func:`overlay`).

    Examples
    --------
    >>> load_spec("lifetime_value").fields["retention"].label
    'Retention rate'
    >>> load_spec("lifetime_value", "zh_TW").fields["retention"].label
    '留存率'
    """
    if not tool.isidentifier() or not tool_file(tool, f"{tool}.yml").is_file():
        known = ", ".join(spec_tools())
        raise ValueError(f"no tool named {tool!r}; the tools with a spec are: {known}.")
    file = tool_file(tool, f"{tool}.yml")
    source = f"src/customer_focus/tools/{tool}/{tool}.yml"
    data = parse_yaml(file.read_text("utf-8"), source)
    code = language_code(language, known=True)
    if code:
        path = translation_path(tool, language)
        where = f"locales/{code}/tools/{tool}.yml"
        if not path.is_file():
            raise FileNotFoundError(f"{where}: the {language} translation of the {tool} spec is "
                                    f"missing; write it with the texts of {source}.")
        data = overlay(data, parse_yaml(path.read_text("utf-8"), where), where)
    return read_spec(data, source, tool)


def spec_tools() -> list[str]:
    """The tools that have a spec (a folder ``tools/<tool>/`` with ``<tool>.yml``)."""
    folder = package_file("tools")
    return sorted(
        item.name for item in folder.iterdir()
        if item.is_dir() and item.joinpath(f"{item.name}.yml").is_file()
    )


def twin_text(spec: ToolSpec) -> str:
    """The JSON twin of a spec, as written to ``tools/<tool>/<tool>.json``."""
    return json.dumps(spec.to_data(), indent=1, ensure_ascii=False) + "\n"


def twin_path(tool: str, language: str | None = None) -> Path:
    """Where a tool's JSON twin lives (in the package's source folder); in a language
    other than English, the twin of its translation (``<tool>.zh_TW.json``)."""
    code = language_code(language, known=True)
    name = language_twin(f"{tool}.json", code) if code else f"{tool}.json"
    return Path(str(tool_file(tool, name)))


def load_form(name: str, language: str | None = None) -> FormSpec:
    """The paper form of a tool, for ``{printable-form} <name>``.

    Raises
    ------
    ValueError
        When there is no such tool, or it has no paper form.

    Examples
    --------
    >>> load_form("kano").title
    'Kano questionnaire'
    """
    if name not in spec_tools():
        raise ValueError(
            f"no tool named {name!r}; the tools with a paper form are: "
            + ", ".join(spec_tools())
        )
    english = language_code(language, known=True) is None
    form = (load_spec(name) if english else load_spec(name, language)).paper_form
    if form is None:
        raise ValueError(f"the spec of {name} has no paper_form")
    return form


def load_form_file(path: str | Path, language: str | None = None) -> FormSpec:
    """A paper form that belongs to no tool, from its own YAML file (``title``, ``intro``,
    ``sections``, as a tool's ``paper_form``; blanks give a ``label``, never a ``field``).

    With a ``language`` other than English, its texts come from the translation
    ``locales/<language>/forms/<file>.yml`` (:func:`overlay`).

    Raises
    ------
    customer_focus.core.problems.DataFileError
        Listing each problem as ``file:line: what is wrong``.

    Examples
    --------
    >>> from customer_focus.core.paths import course_root
    >>> load_form_file(course_root() / "book/apply/forms/action-plan.yml").title
    'My action plan: the next 30 days'
    >>> load_form_file(course_root() / "book/apply/forms/action-plan.yml", "zh_TW").title
    '我的行動計畫：接下來的 30 天'
    """
    path = Path(path)
    problems = Problems(str(path))
    data = parse_yaml(path.read_text(encoding="utf-8"), str(path))
    code = language_code(language, known=True)
    if code:
        translated = course_root() / "locales" / code / "forms" / path.name
        where = f"locales/{code}/forms/{path.name}"
        if not translated.is_file():
            raise FileNotFoundError(f"{where}: the {language} translation of the form {path} is "
                                    "missing; write it with the English form's texts.")
        data = overlay(data, parse_yaml(translated.read_text("utf-8"), where), where)
    form = _read_form(data, Fields([]), problems)
    if form is None and not problems.found:
        problems.add(None, None, "the file is empty: give title, intro and sections")
    problems.raise_if_any()
    return form  # type: ignore[return-value]
