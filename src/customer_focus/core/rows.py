"""A learner's CSV table read with the standard library, for the tools that run in the page.

In a notebook, :mod:`customer_focus.core.tables` reads the learner's file with
pandas. In the book's page, where a tool runs on Pyodide with the standard
library only, the reader picks a CSV file and this module reads its text
(decoded from the file's bytes by :mod:`customer_focus.core.decoding`, as the
notebook's is): the same columns are required, and a missing column or a bad
cell gets the same message (its column, its line in the file, what to type
instead).

Examples
--------
>>> table = read_csv("customer,margin\\nHarbor,100\\n", ["customer", "margin"])
>>> numbers(table, "margin", meaning="yearly margin")
[100.0]
>>> write_csv(["customer", "value"], [["Harbor", 266.67]])
'customer,value\\r\\nHarbor,266.67\\r\\n'
"""

from __future__ import annotations

import csv
import difflib
import io
import math
from collections.abc import Sequence
from dataclasses import dataclass

from .messages import Messages
from .validation import listed

_ = Messages("core")
n_ = _.plural

__all__ = [
    "MAX_ROWS", "Rows", "row_label", "missing_columns", "unread_columns", "header", "read_csv",
    "numbers", "bad_numbers", "optional_numbers", "write_csv",
]

#: The most rows a table read in the page may have; a larger file belongs in the notebook.
MAX_ROWS = 5000


@dataclass(frozen=True)
class Rows:
    """A table read from CSV text: its source's name, its columns and its rows (text cells)."""

    source: str
    columns: tuple[str, ...]
    rows: tuple[dict[str, str], ...]

    def where(self, position: int) -> str:
        """Name the place of the row at ``position`` (0-based): its line in the file.

        Examples
        --------
        >>> Rows("data.csv", ("a",), ({"a": "1"},)).where(0)
        'data.csv line 2'
        """
        return _("{source} line {line}").format(source=self.source, line=position + 2)

    def column(self, name: str) -> list[str]:
        """The cells of a column, as text (empty where a row is short)."""
        return [row.get(name) or "" for row in self.rows]


def row_label(number: int, name: object = "") -> str:
    """A row of a form's grid as the learner sees it: its number (from 1) and its name.

    The notebook's tables made from a grid
    (:func:`customer_focus.core.tables.where`) and the page's grid
    (:func:`customer_focus.tools.live.grid_rows`) name a bad row with it, in
    the same words; a row whose name is empty is named by its number alone.

    Examples
    --------
    >>> row_label(2, "Same-day collection")
    'row 2 (Same-day collection)'
    >>> row_label(1, " ")
    'row 1'
    """
    shown = "" if name is None or name != name else str(name).strip()  # name != name: NaN
    if shown:
        return _("row {row} ({name})").format(row=number, name=shown)
    return _("row {row}").format(row=number)


def missing_columns(
    source: str, present: Sequence[str], required: Sequence[str], optional: Sequence[str] = ()
) -> str | None:
    """The message for a file that lacks required columns (a near miss named), or None.

    The notebook's tables (:func:`customer_focus.core.tables.require_columns`)
    and the page's files say it in the same words.

    Examples
    --------
    >>> print(missing_columns("a.csv", ["customer", "margn"], ["customer", "margin"]))
    a.csv: missing column 'margin' (found 'margn': a misspelling?). Expected columns: customer, ...
    >>> missing_columns("a.csv", ["margin"], ["margin"]) is None
    True
    """
    missing = [column for column in required if column not in present]
    if not missing:
        return None
    details = []
    for column in missing:
        close = difflib.get_close_matches(column, present, n=1, cutoff=0.6)
        details.append(
            _("{column!r} (found {close!r}: a misspelling?)").format(column=column, close=close[0])
            if close else repr(column)
        )
    expected = ", ".join(required)
    if optional:
        expected = _("{required}; optional: {optional}").format(
            required=expected, optional=", ".join(optional))
    return n_(
        "{source}: missing column {details}. Expected columns: {expected}. "
        "Columns found: {present}.",
        "{source}: missing columns {details}. Expected columns: {expected}. "
        "Columns found: {present}.",
        len(missing),
    ).format(source=source, details=", ".join(details), expected=expected,
             present=", ".join(present) or _("none"))


def unread_columns(source: str, present: Sequence[str], known: Sequence[str]) -> str:
    """The note for columns that look like a misspelled column the worksheet reads, or "".

    A column the worksheet does not know is kept as it is (a department, a
    note); one that is close to a known column the file lacks (difflib) is
    most likely that column misspelled, and its values would be left out
    without a word: the note names it and the column it looks like. It is a
    note, not an error: the results are still worked out. The notebook
    (:func:`customer_focus.core.tables.require_columns`, printed) and the
    page (:func:`customer_focus.tools.live.table_results`, shown under the
    file) say it in the same words.

    Examples
    --------
    >>> print(unread_columns("a.csv", ["recommend", "satisfction", "notes"],
    ...                      ["recommend", "satisfaction", "segment"]))
    a.csv: column 'satisfction' (did you mean 'satisfaction'?) is not one the worksheet reads, ...
    >>> unread_columns("a.csv", ["recommend", "notes"], ["recommend", "satisfaction"])
    ''
    """
    absent = [name for name in known if name not in present]
    guesses = []
    for column in present:
        if column in known:
            continue
        close = difflib.get_close_matches(column, absent, n=1, cutoff=0.8)
        if close:
            guesses.append(_("{column!r} (did you mean {close!r}?)").format(
                column=column, close=close[0]))
    if not guesses:
        return ""
    return n_(
        "{source}: column {details} is not one the worksheet reads, so its values are left out "
        "of the calculation; rename it if they should count.",
        "{source}: columns {details} are not ones the worksheet reads, so their values are left "
        "out of the calculation; rename them if they should count.",
        len(guesses),
    ).format(source=source, details=", ".join(guesses))


def header(text: str) -> list[str]:
    """The column names of CSV text: its first line with a cell that is not empty.

    Examples
    --------
    >>> header("\\ufeff\\n customer , margin\\nA,1\\n")
    ['customer', 'margin']
    """
    for line in csv.reader(io.StringIO(text.lstrip("\ufeff"))):
        if any(cell.strip() for cell in line):
            return [cell.strip() for cell in line]
    return []


def read_csv(
    text: str, required: Sequence[str], optional: Sequence[str] = (), *,
    source: str = "your file", most: int = MAX_ROWS,
) -> Rows:
    """Read CSV text with a header row, checking that the ``required`` columns are there.

    Raises
    ------
    ValueError
        When the text has no header or no rows, more than ``most`` rows, or
        misses a required column (the message names it, suggests the closest
        column found and lists the expected columns, as the notebook's does).

    Examples
    --------
    >>> read_csv("name,margn\\nA,1\\n", ["name", "margin"], source="a.csv")
    Traceback (most recent call last):
    ...
    ValueError: a.csv: missing column 'margin' (found 'margn': a misspelling?). Expected...
    """
    reader = csv.reader(io.StringIO(text.lstrip("\ufeff")))
    lines = [line for line in reader if any(cell.strip() for cell in line)]
    if not lines:
        raise ValueError(_("{source}: is empty; it needs a header row naming its columns.").format(
            source=source))
    present = [cell.strip() for cell in lines[0]]
    problem = missing_columns(source, present, required, optional)
    if problem:
        raise ValueError(problem)
    body = lines[1:]
    if not body:
        raise ValueError(_("{source}: has a header but no rows; add at least one row.").format(
            source=source))
    if len(body) > most:
        raise ValueError(_(
            "{source}: has {count:,} rows; the page works with up to {most:,}. "
            "Use the worksheet's notebook for a larger file."
        ).format(source=source, count=len(body), most=most))
    rows = tuple(
        {name: (line[index].strip() if index < len(line) else "") for index, name in
         enumerate(present)}
        for line in body
    )
    return Rows(source, tuple(present), rows)


def _number(cell: str) -> float | None:
    try:
        value = float(cell.replace(",", ""))
    except ValueError:
        return None
    return value if math.isfinite(value) else None


def _shown(cell: str, value: float | None) -> str:
    """A cell as the learner would recognize it in their spreadsheet."""
    if not cell:
        return _("empty")
    return f"{value:g}" if value is not None else repr(cell)


def numbers(
    table: Rows, column: str, *, meaning: str, low: float | None = None,
    high: float | None = None, high_inclusive: bool = True,
) -> list[float]:
    """A column as numbers, or a ``ValueError`` naming every bad cell by its line.

    Empty cells, text and values outside ``[low, high]`` are reported in one
    message, worded as :func:`customer_focus.core.tables.numeric_column` words it.

    Examples
    --------
    >>> table = read_csv("r\\n0.8\\n80\\n", ["r"], source="a.csv")
    >>> numbers(table, "r", meaning="retention", low=0, high=1, high_inclusive=False)
    Traceback (most recent call last):
    ...
    ValueError: column 'r' (retention) must hold a number from 0 to 1 (not included) in every...
    """
    cells = table.column(column)
    values = [_number(cell) for cell in cells]

    def bad(value: float | None) -> bool:
        if value is None:
            return True
        if low is not None and value < low:
            return True
        return high is not None and (value > high if high_inclusive else value >= high)

    wrong = [position for position, value in enumerate(values) if bad(value)]
    if not wrong:
        return [float(value) for value in values if value is not None]
    shown = listed(wrong, lambda i: f"{table.where(i)}: {_shown(cells[i], values[i])}")
    above_one = any(value is not None and value > 1 for value in values)
    raise bad_numbers(
        column, meaning, shown, low=low, high=high, high_inclusive=high_inclusive,
        above_one=above_one,
    )


def bad_numbers(
    column: str, meaning: str, shown: str, *, low: float | None, high: float | None,
    high_inclusive: bool, above_one: bool,
) -> ValueError:
    """The error for a column with bad cells: what it must hold, then the cells ``shown``.

    ``above_one`` says whether a cell is over 1: for a column of rates (``high``
    at most 1) the message then says to write rates as decimals.

    Examples
    --------
    >>> print(bad_numbers("r", "retention", "line 3: 80", low=0, high=1, high_inclusive=False,
    ...                   above_one=True))
    column 'r' (retention) must hold a number from 0 to 1 (not included) in every row; bad values
    at line 3: 80. Write rates as decimals: 0.8 for 80%.
    """
    if low is not None and high is not None:
        bound = (_("a number from {low:g} to {high:g}") if high_inclusive
                 else _("a number from {low:g} to {high:g} (not included)")).format(
            low=low, high=high)
    elif low is not None:
        bound = _("a number of at least {low:g}").format(low=low)
    else:
        bound = _("a number")
    message = _("column {column!r} ({meaning}) must hold {bound} in every row; "
                "bad values at {shown}.").format(
        column=column, meaning=meaning, bound=bound, shown=shown)
    if high is not None and high <= 1 and above_one:
        message += _(" Write rates as decimals: 0.8 for 80%.")
    return ValueError(message)


def optional_numbers(
    table: Rows, column: str, *, meaning: str, low: float | None = 0
) -> list[float]:
    """An optional column as numbers: a missing column or an empty cell counts as 0.

    Examples
    --------
    >>> optional_numbers(read_csv("a,cost\\nx,\\ny,5\\n", ["a"]), "cost", meaning="cost")
    [0.0, 5.0]
    """
    if column not in table.columns:
        return [0.0] * len(table.rows)
    filled = Rows(
        table.source, table.columns,
        tuple({**row, column: row.get(column) or "0"} for row in table.rows),
    )
    return numbers(filled, column, meaning=meaning, low=low)


def write_csv(columns: Sequence[str], rows: Sequence[Sequence[object]]) -> str:
    """CSV text with a header row, numbers written in full (for a spreadsheet to read back)."""
    buffer = io.StringIO()
    writer = csv.writer(buffer)
    writer.writerow(columns)
    for row in rows:
        writer.writerow([repr(cell) if isinstance(cell, float) else cell for cell in row])
    return buffer.getvalue()
