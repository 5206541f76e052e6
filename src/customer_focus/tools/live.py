"""What a tool gives the book's page when it runs there, on Pyodide: its form and its results.

A tool that runs in the page has a ``live:`` block in its spec (the inputs
its form shows, and the file a reader may pick) and a ``page.py`` whose
``results(values)`` (and, for a file, ``file_results(text, v, source)``,
which :func:`table_results` calls with the form's ``table_fields`` read) call
the same ``calc`` functions the notebook calls and return a :class:`Results`:
sentences, tables (each cell written for reading, with its raw number), an
SVG chart with its alt text, messages tied to the inputs they are about, and
a CSV to download.

The steps every ``page.py`` takes are written here once: what it reads from
its spec (:func:`page_spec`), reading the form's inputs (:func:`parse`,
:func:`grid_rows`), reading a CSV file with the columns its spec lists
(:func:`read_rows`, :func:`names`), writing a table as the notebook writes
it, under the headings of the spec's ``reading:`` (:func:`table`), and the
results file (:func:`download`).

The page's script (``static/live-tool.js``) only calls the functions
that give JSON text: :func:`form_json`, :func:`run_json`,
:func:`run_table_json`, and :func:`read_file_json` for the bytes of a file
the reader picks. Standard library only (plus ``core``'s standard
library modules), like ``calc.py``.

Examples
--------
>>> import json
>>> form = json.loads(form_json("lifetime_value"))
>>> [field["name"] for field in form["fields"]][:2]
['margin', 'retention']
>>> values = {field["name"]: field["value"] for field in form["fields"]}
>>> shown = json.loads(run_json("lifetime_value", json.dumps({**values, "retention": "1.5"})))
>>> [message["field"] for message in shown["messages"]]
['retention']
"""

from __future__ import annotations

import dataclasses
import importlib
import json
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from ..core import formats
from ..core.decoding import decode_file
from ..core.fields import Fields, load_fields, read_twin
from ..core.messages import Messages
from ..core.rows import MAX_ROWS, Rows, header, read_csv, row_label, unread_columns, write_csv
from ..core.validation import InputError

_ = Messages("tools")

#: The byte order mark a results CSV starts with, as Excel's "CSV UTF-8" writes it.
BOM = "\ufeff"

#: The name a file is given in messages when the page does not know its own.
YOUR_FILE = "your file"

__all__ = [
    "BOM", "PageSpec", "page_spec", "Cell", "Table", "Message", "Chart", "Download", "Results",
    "Invalid", "column_table",
    "table", "download", "read_rows", "names", "parse", "cell_name", "grid_rows", "form",
    "table_results", "file_notes", "form_json", "run_json", "run_table_json", "read_file_json",
]


@dataclass(frozen=True)
class PageSpec:
    """What a tool's page reads from its spec (the JSON twin), named as the spec names it.

    Each is read when it is asked for, in the language the package speaks then
    (:func:`customer_focus.core.fields.read_twin`): the headings and the
    columns' help are the reader's, as the fields' labels are.
    """

    #: The tool's package (its ``page.py``'s ``__package__``).
    package: str

    def _data(self) -> dict[str, Any]:
        return read_twin(self.package, f"{self.package.rsplit('.', 1)[-1]}.json")

    @property
    def live(self) -> dict[str, Any]:
        """The ``live:`` block: the inputs the form shows, its grid, the file it reads."""
        return self._data()["live"]

    @property
    def headings(self) -> dict[str, dict[str, str]]:
        """The headings of the tables written for reading (``reading:``), by table."""
        return self._data().get("reading", {})

    @property
    def columns(self) -> dict[str, dict[str, dict[str, Any]]]:
        """The columns of each table the learner brings (``tables:``), by table."""
        return {name: table["columns"] for name, table in self._data()["tables"].items()}


def page_spec(package: str) -> PageSpec:
    """The :class:`PageSpec` of the tool whose package is ``package`` (its ``page.py``'s).

    Examples
    --------
    >>> from customer_focus.core.messages import language
    >>> spec = page_spec("customer_focus.tools.lifetime_value")
    >>> spec.live["table"], spec.headings["schedule"]["year"], spec.columns["customers"][
    ...     "customer"]["required"]
    ('customers', 'Year', True)
    >>> with language("zh_TW"):
    ...     spec.headings["schedule"]["year"]
    '年'
    """
    read_twin(package, f"{package.rsplit('.', 1)[-1]}.json")  # a missing twin fails at import
    return PageSpec(package)


@dataclass(frozen=True)
class Cell:
    """One cell of a results table: the text a reader sees, and the raw value behind it."""

    text: str
    value: float | int | str | None = None


@dataclass(frozen=True)
class Table:
    """A results table: its caption, column headings and rows of cells."""

    caption: str
    headers: tuple[str, ...]
    rows: tuple[tuple[Cell, ...], ...]


@dataclass(frozen=True)
class Message:
    """Something the reader must fix; ``field`` names the input it is about (or None)."""

    text: str
    field: str | None = None


@dataclass(frozen=True)
class Chart:
    """A chart drawn as SVG (:mod:`customer_focus.core.svg`), with its alt text."""

    svg: str
    alt: str


@dataclass(frozen=True)
class Download:
    """A file the reader may save: its name and its text (CSV).

    The text starts with a byte order mark (``BOM``), so the page saves UTF-8
    as Excel's "CSV UTF-8" does, and Excel on Windows shows its Chinese or
    accented names as typed (the notebook's ``core.tables.write_table`` writes
    the same).
    """

    name: str
    text: str


@dataclass(frozen=True)
class Results:
    """Everything the page shows after a change of the inputs.

    ``notes`` are about a file the reader picked (a column that looks
    misspelled, :func:`file_notes`): the page shows them under the file.
    """

    summary: tuple[str, ...] = ()
    tables: tuple[Table, ...] = ()
    chart: Chart | None = None
    messages: tuple[Message, ...] = ()
    download: Download | None = None
    notes: tuple[str, ...] = ()

    def to_data(self) -> dict[str, Any]:
        """The results as plain JSON-ready data, for the page's script."""
        return {
            "summary": list(self.summary),
            "tables": [
                {
                    "caption": table.caption, "headers": list(table.headers),
                    "rows": [
                        [{"text": cell.text, "value": cell.value} for cell in row]
                        for row in table.rows
                    ],
                }
                for table in self.tables
            ],
            "chart": None if self.chart is None else {"svg": self.chart.svg, "alt": self.chart.alt},
            "messages": [{"text": m.text, "field": m.field} for m in self.messages],
            "notes": list(self.notes),
            "download": None if self.download is None else {
                "name": self.download.name, "text": self.download.text,
            },
        }


class Invalid(ValueError):
    """Several inputs are wrong at once: one :class:`Message` per input."""

    def __init__(self, messages: Sequence[Message]) -> None:
        super().__init__(" ".join(message.text for message in messages))
        self.messages = tuple(messages)


def column_table(
    caption: str,
    columns: Sequence[tuple[str, str, Callable[[Any], str]]],
    rows: Sequence[Mapping[str, Any]],
) -> Table:
    """A :class:`Table` from rows of dicts: each column is (heading, key, how to write it).

    Examples
    --------
    >>> from customer_focus.core.formats import cents
    >>> shown = column_table("Values", [("Value", "v", cents)], [{"v": 1234.5}])
    >>> shown.rows[0][0]
    Cell(text='$1,234.50', value=1234.5)
    """
    return Table(
        caption,
        tuple(heading for heading, _, _ in columns),
        tuple(tuple(Cell(write(row[key]), row[key]) for _, key, write in columns) for row in rows),
    )


def table(
    caption: str,
    headings: Mapping[str, str],
    rows: Sequence[Mapping[str, Any]],
    *,
    columns: Sequence[str] | None = None,
    money: Iterable[str] = (),
    percent: Iterable[str] = (),
    decimals: Mapping[str, int] | None = None,
    written: Mapping[str, Callable[[Any], str]] | None = None,
) -> Table:
    """A :class:`Table` from rows of dicts, written as the notebook writes its table.

    The notebook writes a table with ``core.tables.format_table`` (the same
    ``money``, ``percent`` and ``decimals``) and heads it with
    ``core.tables.with_headings`` (the tool's YAML, ``reading:``); this is the
    same, with the standard library only.

    Parameters
    ----------
    caption : str
        The table's caption.
    headings : mapping
        Each column's heading (the spec's ``reading:`` entry for the table).
    rows : sequence of mapping
        One dict per row; each cell keeps its raw value beside its text.
    columns : sequence of str, optional
        The columns shown, in order; a column without a heading keeps its
        name. By default the headed columns the first row has, in the
        headings' order.
    money, percent : iterable of str
        Columns written as ``$1,234.56`` and as ``80.0%``.
    decimals : mapping, optional
        Other columns rounded, with their number of decimals.
    written : mapping, optional
        Columns written by a function of their own; any other column is its text.

    Examples
    --------
    >>> shown = table("Values", {"v": "Value", "s": "Share"}, [{"v": 1234.5, "s": 0.25}],
    ...               money=["v"], percent=["s"])
    >>> shown.headers, shown.rows[0]
    (('Value', 'Share'), (Cell(text='$1,234.50', value=1234.5), Cell(text='25.0%', value=0.25)))
    """
    writers: dict[str, Callable[[Any], str]] = {name: formats.cents for name in money}
    writers.update({name: _percent for name in percent})
    for name, places in (decimals or {}).items():
        writers[name] = lambda value, places=places: formats.number(value, places)
    writers.update(written or {})
    if columns is None:
        columns = [name for name in headings if not rows or name in rows[0]]
    return column_table(
        caption, [(headings.get(name, name), name, writers.get(name, str)) for name in columns],
        rows,
    )


def _percent(value: float) -> str:
    return formats.percent(value, 1)


def download(name: str, columns: Sequence[str], rows: Sequence[Mapping[str, Any]]) -> Download:
    """The results file ``name``: ``columns`` of ``rows`` as CSV (a cell a row lacks is empty).

    The text starts with :data:`BOM`, as the notebook's results CSV does.

    Examples
    --------
    >>> download("out.csv", ["a", "b"], [{"a": 1, "b": 0.5}, {"a": 2}]).text.splitlines()
    ['\\ufeffa,b', '1,0.5', '2,']
    """
    rows_written = [[row.get(c, "") for c in columns] for row in rows]
    return Download(name, BOM + write_csv(columns, rows_written))


def read_rows(
    text: str, columns: Mapping[str, Mapping[str, Any]], *, source: str = YOUR_FILE
) -> Rows:
    """A CSV file's rows, checked for the columns of the spec's table (``columns``).

    The columns marked ``required`` must be there; the others may be.

    Raises
    ------
    ValueError
        As :func:`customer_focus.core.rows.read_csv` (a missing column, no rows, too many).

    Examples
    --------
    >>> spec = {"name": {"required": True}, "note": {"required": False}}
    >>> read_rows("name\\nA\\n", spec).column("name")
    ['A']
    """
    return read_csv(
        text, [name for name, column in columns.items() if column["required"]],
        [name for name, column in columns.items() if not column["required"]],
        source=_file_name(source),
    )


def names(rows: Rows, column: str) -> list[str]:
    """The cells of the column that names each row (a job, a customer, a step …).

    A row whose name is empty stops with a ``ValueError`` naming its line.

    Examples
    --------
    >>> rows = read_rows("job,pay\\nAgent,1\\n,2\\n", {"job": {"required": True}})
    >>> names(rows, "job")
    Traceback (most recent call last):
    ...
    ValueError: column 'job' must name every job; your file line 3 is empty.
    """
    cells = rows.column(column)
    if "" in cells:
        raise ValueError(_("column {column!r} must name every {what}; {where} is empty.").format(
            column=column, what=column, where=rows.where(cells.index(""))))
    return cells


def parse(fields: Fields, values: Mapping[str, object], names: Sequence[str]) -> dict[str, Any]:
    """The values of ``names`` as typed in a form, each read by its field (:meth:`Field.parse`).

    Raises
    ------
    Invalid
        With one message per bad or missing input, tied to the input.

    Examples
    --------
    >>> from customer_focus.tools.lifetime_value import calc
    >>> parse(calc.FIELDS, {"margin": "1,000", "years": "10"}, ["margin", "years"])
    {'margin': 1000.0, 'years': 10}
    """
    parsed, messages = {}, []
    for name in names:
        try:
            parsed[name] = fields[name].parse(values.get(name, ""))
        except InputError as error:
            messages.append(Message(str(error), name))
    if messages:
        raise Invalid(messages)
    return parsed


def cell_name(grid: str, number: int, column: str) -> str:
    """The form's name for a cell of a grid: ``<grid>.<row number>.<column>`` (rows from 1).

    Examples
    --------
    >>> cell_name("alternatives", 2, "price")
    'alternatives.2.price'
    """
    return f"{grid}.{number}.{column}"


def grid_rows(
    values: Mapping[str, object], grid: str, check: Callable[[int, dict[str, Any]], Any],
    *, names: str,
) -> list[Any]:
    """Each row of the form's grid ``grid`` (a list of dicts) passed through ``check``.

    ``check(number, row)`` returns the row's result or raises an
    ``InputError`` named after a column: its message becomes the message of
    that cell, after the row as the grid shows it (its number and the name in
    its column ``names``: ``row 2 (Idea): ...``, the words of the notebook's
    table made from its grid, :func:`customer_focus.core.rows.row_label`), and
    every row is checked.

    Raises
    ------
    Invalid
        With one message per bad row, tied to the cell.

    Examples
    --------
    >>> def positive(number, row):
    ...     if float(row["x"]) <= 0:
    ...         raise InputError("x", "x must be above 0")
    ...     return float(row["x"])
    >>> grid_rows({"rows": [{"x": "1"}, {"x": "2"}]}, "rows", positive, names="name")
    [1.0, 2.0]
    >>> grid_rows({"rows": [{"name": "A", "x": "1"}, {"name": "B", "x": "-2"}]}, "rows", positive,
    ...           names="name")
    Traceback (most recent call last):
    ...
    customer_focus.tools.live.Invalid: row 2 (B): x must be above 0
    """
    rows = values.get(grid)
    if not isinstance(rows, list) or not rows:
        raise Invalid([Message(_("{grid}: add at least one row.").format(grid=grid), grid)])
    checked, messages = [], []
    for number, row in enumerate(rows, start=1):
        try:
            checked.append(check(number, dict(row)))
        except InputError as error:
            row_named = row_label(number, dict(row).get(names, ""))
            messages.append(Message(_("{row}: {error}").format(row=row_named, error=error),
                                    cell_name(grid, number, error.name)))
    if messages:
        raise Invalid(messages)
    return checked


def _twin(tool: str) -> tuple[str, dict[str, Any]]:
    if not tool.isidentifier():
        raise ValueError(f"{tool!r} is not a tool's name")
    package = f"{__package__}.{tool}"
    return package, read_twin(package, f"{tool}.json")


def _start(value: object) -> object:
    """A grid cell's starting value as a reader types it (a yes/no answer as yes or no)."""
    return ("yes" if value else "no") if isinstance(value, bool) else value


def form(tool: str) -> dict[str, Any]:
    """What the page's form shows for ``tool``: its inputs (from the spec) and its file.

    Each input has its name, label, unit, help, kind, limits, step, options
    and starting value (the spec's worked example, or the input's default).
    """
    package, data = _twin(tool)
    live = data.get("live")
    if not live:
        raise ValueError(f"the tool {tool!r} has no 'live' block in its spec")
    fields = load_fields(package, f"{tool}.json")
    example = {
        name: fields[name].check(value)
        for name, value in (data.get("example") or {}).items() if name in fields
    }
    shown = []
    for name in live["fields"]:
        field = fields[name]
        low, high, high_included = field.limits
        start = example.get(name, field.default)
        if isinstance(start, float) and start.is_integer():
            start = int(start)  # as the spec writes it: 100, not 100.0
        shown.append({
            "name": name, "label": field.label, "unit": field.unit, "help": field.help,
            "kind": field.kind, "min": low, "max": high, "max_included": high_included,
            "step": field.step, "options": [list(option) for option in field.options],
            "value": start,
        })
    result: dict[str, Any] = {"tool": tool, "title": data.get("title", tool), "fields": shown}
    if live.get("grid"):
        grid = live["grid"]
        columns = []
        for name in data["tables"][grid]["columns"]:
            field = fields[name]
            columns.append({
                "name": name, "label": field.label, "unit": field.unit, "kind": field.kind,
                "help": data["tables"][grid]["columns"][name]["help"],
            })
        result["grid"] = {
            "name": grid, "about": data["tables"][grid]["about"], "columns": columns,
            "rows": [
                [_start(row.get(column["name"], "")) for column in columns]
                for row in data.get("example", {}).get(grid, [])
            ],
        }
    if live.get("table"):
        table = data["tables"][live["table"]]
        result["table"] = {
            "name": live["table"], "about": table["about"], "fields": live["table_fields"],
            "columns": [
                {"name": name, "help": column["help"], "required": column["required"]}
                for name, column in table["columns"].items()
            ],
            "max_rows": MAX_ROWS,
        }
    return result


def _guarded(tool: str, compute: Callable[[Any], Results]) -> dict[str, Any]:
    fields = load_fields(_twin(tool)[0], f"{tool}.json")
    page = importlib.import_module(f"{__package__}.{tool}.page")
    try:
        results = compute(page)
    except Invalid as error:
        results = Results(messages=error.messages)
    except InputError as error:
        field = error.name if error.name in fields else None
        results = Results(messages=(Message(str(error), field),))
    except ValueError as error:
        results = Results(messages=(Message(str(error)),))
    return results.to_data()


def form_json(tool: str) -> str:
    """:func:`form` as JSON text."""
    return json.dumps(form(tool))


def run_json(tool: str, values: str) -> str:
    """The tool's results for the form's values (JSON text in and out).

    A bad input gives results with only a message, tied to that input.
    """
    return json.dumps(_guarded(tool, lambda page: page.results(json.loads(values))))


def table_results(
    tool: str, text: str, values: Mapping[str, object], *, source: str = YOUR_FILE
) -> Results:
    """The tool's results for a CSV file: ``page.file_results`` of the file and the form's inputs.

    Parameters
    ----------
    tool : str
        The tool's name.
    text : str
        The CSV file's text, with the columns of the table the spec's
        ``live:`` block names.
    values : Mapping
        The form's inputs, as typed; those the spec's ``live:`` block lists
        as ``table_fields`` are read (:func:`parse`) and passed on, the same
        for every row of the file.
    source : str
        The file's name, for messages.

    Raises
    ------
    Invalid, ValueError
        When an input or the file is wrong, with a message saying what to fix.

    Examples
    --------
    >>> text = "customer,annual_margin,retention_rate\\nA,100,0.8\\n"
    >>> values = {"discount_rate": "0.1", "timing": "after_renewal"}
    >>> table_results("lifetime_value", text, values).tables[0].rows[0][5].text
    '$266.67'
    """
    package, data = _twin(tool)
    shown = data["live"].get("table_fields", [])
    fixed = parse(load_fields(package, f"{tool}.json"), values, shown)
    page = importlib.import_module(f"{package}.page")
    results = page.file_results(text, fixed, _file_name(source))
    return dataclasses.replace(results, notes=file_notes(tool, text, source=source))


def file_notes(tool: str, text: str, *, source: str = YOUR_FILE) -> tuple[str, ...]:
    """The notes on a CSV file's columns: one that looks like a misspelled column of the tool.

    The columns known are those of the table the spec's ``live:`` block
    names; the words are :func:`customer_focus.core.rows.unread_columns`',
    which the notebook prints. A note, not an error: the results are still
    worked out.

    Examples
    --------
    >>> file_notes("feedback", "recommend,satisfction\\n9,5\\n", source="mine.csv")[0][:60]
    "mine.csv: column 'satisfction' (did you mean 'satisfaction'?"
    >>> file_notes("feedback", "recommend,notes\\n9,fine\\n")
    ()
    """
    _package, data = _twin(tool)
    known = [name for name in data["tables"][data["live"]["table"]]["columns"]
             if name.isidentifier()]  # a single column's name, not a group ("E1 … E22")
    note = unread_columns(_file_name(source), header(text), known)
    return (note,) if note else ()


def _file_name(source: str) -> str:
    """The file's name in messages: "your file" in the reader's language when the page has none."""
    return _("your file") if source == YOUR_FILE else source


def run_table_json(tool: str, text: str, values: str, source: str = YOUR_FILE) -> str:
    """The tool's results for a CSV file's text and the form's values (JSON text out)."""
    shown = _guarded(
        tool, lambda page: table_results(tool, text, json.loads(values), source=source))
    shown["notes"] = list(file_notes(tool, text, source=source))  # with a message too
    return json.dumps(shown)


def read_file_json(data: Any, source: str = YOUR_FILE) -> str:
    """A picked file's bytes as text, by :func:`customer_focus.core.decoding.decode_file`'s rule.

    ``data`` is the file's bytes: in the page, a JavaScript ``Uint8Array``
    (Pyodide passes it with a ``to_bytes`` method). The JSON holds ``text``
    and ``note`` (which encoding was read, "" for UTF-8), or ``error``: what
    was tried and how to save the file as CSV UTF-8.

    Examples
    --------
    >>> json.loads(read_file_json("名稱\\r\\n台北\\r\\n".encode("cp950"), "a.csv"))["note"]
    'a.csv was read as Big5 (Traditional Chinese Windows), as Excel saves CSV files on ...'
    """
    raw = data.to_bytes() if hasattr(data, "to_bytes") else bytes(data)
    try:
        decoded = decode_file(raw, _file_name(source))
    except ValueError as error:
        return json.dumps({"error": str(error)})
    return json.dumps({"text": decoded.text, "note": decoded.note})
