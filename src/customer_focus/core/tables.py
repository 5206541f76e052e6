"""Reading and checking the tables learners bring to a worksheet, and showing results.

A worksheet accepts the learner's own data as a CSV or Excel file (or a
DataFrame). This module reads such a file once (Excel workbooks with
python-calamine, several times faster than openpyxl, which still writes
them), checks that the documented columns are there, and turns the numeric
columns into numbers, naming the file, the line and the column of anything it
cannot use. Results go back out
with :func:`write_table`, or to the screen with :func:`format_table`.
"""

from __future__ import annotations

import datetime
import io
import numbers
import os
import tempfile
from collections.abc import Iterable, Mapping, Sequence
from pathlib import Path
from typing import Any

import numpy as np
import pandas as pd

from . import formats, validation
from .decoding import decode_file
from .fields import Field
from .messages import Messages
from .rows import bad_numbers, missing_columns, row_label, unread_columns
from .validation import listed

__all__ = [
    "read_table", "require_columns", "name_column", "named_rows",
    "numeric_column", "optional_numbers", "field_limits", "rating_column", "where", "write_table",
    "format_table", "with_headings", "yes_no_column", "require_output",
]

#: File endings the worksheets can read and write.
_ = Messages("core")

SPREADSHEET_SUFFIXES = {".xlsx": "Excel", ".xlsm": "Excel"}
TEXT_SUFFIXES = {".csv": "CSV", ".txt": "CSV"}


def read_table(path: str | os.PathLike[str]) -> pd.DataFrame:
    """Read a CSV or Excel (.xlsx) file into a DataFrame.

    The file name and the line of the first data row are kept in
    ``DataFrame.attrs`` so that later checks can say exactly where a bad value
    is. A CSV file is read in the encoding it was saved in: UTF-8 (with or
    without a byte order mark), Big5 or Windows-1252, by the rule of
    :func:`customer_focus.core.decoding.decode_file`, the same the book's
    page follows; when it is not UTF-8, a note says which encoding was read
    (printed, so the notebook shows it under the cell), and ``attrs["encoding"]``
    keeps the codec.

    Parameters
    ----------
    path : str or path-like
        A ``.csv`` file (comma-separated, header in the first line) or an
        Excel ``.xlsx`` workbook (first sheet, header in the first row).

    Returns
    -------
    pandas.DataFrame
        The file's rows, with the column names stripped of spaces.

    Raises
    ------
    ValueError
        When the file does not exist, is not CSV or Excel, or cannot be read
        (for a CSV file in no encoding tried: the message names them and how
        to save the file as "CSV UTF-8").

    Examples
    --------
    >>> table = read_table("customers.csv")  # doctest: +SKIP
    """
    file = Path(path)
    suffix = file.suffix.lower()
    if suffix not in TEXT_SUFFIXES and suffix not in SPREADSHEET_SUFFIXES:
        raise ValueError(_(
            "{name}: the worksheets read CSV (.csv) or Excel (.xlsx) files; "
            "this file ends in {suffix!r}. Save it from your "
            "spreadsheet as 'CSV (comma delimited)' or 'Excel Workbook (.xlsx)'."
        ).format(name=file.name, suffix=suffix or _("no extension")))
    if not file.is_file():
        raise ValueError(_(
            "{file}: no such file. Check the folder and the spelling of the name.").format(
            file=file))
    decoded = None
    if suffix in TEXT_SUFFIXES:
        decoded = decode_file(file.read_bytes(), file.name)
        if decoded.note:
            print(decoded.note)
    try:
        if decoded is None:
            table = pd.read_excel(file, sheet_name=0, engine="calamine")
        else:
            table = pd.read_csv(io.StringIO(decoded.text), skipinitialspace=True)
    except Exception as error:  # noqa: BLE001 - any parser failure becomes one clear message
        kind = SPREADSHEET_SUFFIXES.get(suffix) or TEXT_SUFFIXES[suffix]
        raise ValueError(_(
            "{name}: could not be read as a {kind} file ({error}: {reason}). "
            "Open it in a spreadsheet program and save it again as {kind}."
        ).format(name=file.name, kind=kind, error=error.__class__.__name__,
                 reason=str(error).splitlines()[0] if str(error) else _("unreadable"))) from None
    table.columns = [str(column).strip() for column in table.columns]
    table.attrs["source"] = file.name
    table.attrs["first_line"] = 2  # line 1 (or Excel row 1) holds the header
    table.attrs["line_word"] = "row" if suffix in SPREADSHEET_SUFFIXES else "line"
    if decoded is not None:
        table.attrs["encoding"] = decoded.encoding
    return table


def write_table(table: pd.DataFrame, path: str | os.PathLike[str]) -> Path:
    """Write a results table to CSV or Excel, chosen by the file ending.

    A CSV file is written as UTF-8 with a byte order mark (Excel's "CSV UTF-8"),
    so that Excel on Windows opens its Chinese or accented names as they were
    typed, whatever the computer's region; every spreadsheet program, and
    :func:`read_table`, reads it back. The file is written beside its place and
    then put there whole, so that a save that stops half-way (or two saves of
    the same file at once) never leaves half a file: the last save wins.

    Parameters
    ----------
    table : pandas.DataFrame
        The results to save.
    path : str or path-like
        Where to write; ``.csv`` or ``.xlsx``. Missing folders are created.

    Returns
    -------
    pathlib.Path
        The path written.

    Examples
    --------
    >>> write_table(results, "output/lifetime-values.csv")  # doctest: +SKIP
    """
    file = Path(path)
    suffix = file.suffix.lower()
    if suffix not in {".csv", ".xlsx"}:
        raise ValueError(_(
            "{name}: results can be saved as .csv or .xlsx; this name ends in "
            "{suffix!r}. Change the ending."
        ).format(name=file.name, suffix=suffix or _("no extension")))
    file.parent.mkdir(parents=True, exist_ok=True)
    handle, scratch = tempfile.mkstemp(prefix=f".{file.name}.", suffix=suffix, dir=file.parent)
    os.close(handle)
    try:
        if suffix == ".xlsx":
            table.to_excel(scratch, index=False, engine="openpyxl")
        else:
            table.to_csv(scratch, index=False, encoding="utf-8-sig")
        os.replace(scratch, file)
    finally:
        Path(scratch).unlink(missing_ok=True)
    return file


def where(table: pd.DataFrame, position: int) -> str:
    """Name the place of the row at ``position`` (0-based) for an error message.

    A file's row is named by its line (or, in a workbook, its row); a table
    made from a form's grid by the row as the grid shows it, its number and
    its name (``attrs["row_labels"]``, :func:`customer_focus.core.rows.row_label`,
    the page's words); any other table by its row number, from 1.

    Examples
    --------
    >>> where(pd.DataFrame({"a": [1]}), 0)
    'row 1'
    >>> grid = pd.DataFrame({"step": ["Greet", "Pay"]})
    >>> grid.attrs["row_labels"] = [row_label(1, "Greet"), row_label(3, "Pay")]
    >>> where(grid, 1)
    'row 3 (Pay)'
    """
    source = table.attrs.get("source")
    if source:
        line = position + table.attrs.get("first_line", 2)
        if table.attrs.get("line_word", "line") == "row":
            return _("{source} row {line}").format(source=source, line=line)
        return _("{source} line {line}").format(source=source, line=line)
    labels = table.attrs.get("row_labels")
    if labels and position < len(labels):
        return labels[position]
    return row_label(position + 1)


def require_columns(
    table: pd.DataFrame, required: Sequence[str], optional: Sequence[str] = ()
) -> None:
    """Check that every required column is present, or raise a ``ValueError``.

    The message names each missing column, suggests the closest existing
    column when one looks like a misspelling, and lists the expected columns.
    A further column that looks like a misspelled expected one (``satisfction``)
    gets a note, printed once per table so the notebook shows it under the
    cell (:func:`customer_focus.core.rows.unread_columns`, the page's words);
    other further columns (a department, a note) are kept as they are.

    Parameters
    ----------
    table : pandas.DataFrame
        The learner's table.
    required : sequence of str
        Columns that must be present.
    optional : sequence of str
        Columns that may be present (listed in the message for completeness).

    Examples
    --------
    >>> require_columns(pd.DataFrame({"customer": []}), ["customer"])
    >>> require_columns(pd.DataFrame({"customer": [], "acquisiton_cost": []}), ["customer"],
    ...                 ["acquisition_cost"])
    the table: column 'acquisiton_cost' (did you mean 'acquisition_cost'?) is not one the ...
    """
    if not isinstance(table, pd.DataFrame):
        raise ValueError(_(
            "expected a table (a pandas DataFrame or a file read with read_table); "
            "got {kind}."
        ).format(kind=type(table).__name__))
    present = [str(column) for column in table.columns]
    problem = missing_columns(_source(table), present, required, optional)
    if problem:
        raise ValueError(problem)
    note = unread_columns(_source(table), present, [*required, *optional])
    if note and note not in table.attrs.get("notes", ()):
        table.attrs["notes"] = (*table.attrs.get("notes", ()), note)
        print(note)


def name_column(table: pd.DataFrame, column: str, what: str) -> pd.Series:
    """The column that names each row (a job, an employee), with no empty cell.

    Parameters
    ----------
    table : pandas.DataFrame
        The learner's table (columns already checked).
    column : str
        The column holding the names.
    what : str
        What one row is, for the message: ``"job"``.

    Returns
    -------
    pandas.Series
        The names, as text.

    Raises
    ------
    ValueError
        Naming the first empty cell's line.

    Examples
    --------
    >>> name_column(pd.DataFrame({"job": ["Agent", " "]}), "job", "job")
    Traceback (most recent call last):
    ...
    ValueError: column 'job' must name every job; row 2 is empty.
    """
    names = table[column]
    blank = names.isna() | (names.astype(str).str.strip() == "")
    if blank.any():
        first = int(blank.to_numpy().nonzero()[0][0])
        raise ValueError(_("column {column!r} must name every {what}; {where} is empty.").format(
            column=column, what=what, where=where(table, first)))
    return names


def named_rows(
    table: pd.DataFrame, columns: Sequence[str], required: Sequence[str], *, names: str, what: str
) -> pd.Series:
    """The checks every list a learner brings needs, then the names of its rows.

    The required columns are there (:func:`require_columns`, which notes an
    extra column that looks like a misspelled optional one), there is at least
    one row, and every row is named (:func:`name_column`).

    Parameters
    ----------
    table : pandas.DataFrame
        The learner's table.
    columns : sequence of str
        Every column the worksheet reads, in the order to list them.
    required : sequence of str
        The columns that must be present; the others of ``columns`` may be left out.
    names : str
        The column naming each row.
    what : str
        What one row is, for the messages: ``"job"``.

    Returns
    -------
    pandas.Series
        The names.

    Raises
    ------
    ValueError
        Saying what is wrong and where.

    Examples
    --------
    >>> jobs = pd.DataFrame({"job": ["Agent"], "salary": [36000]})
    >>> columns, required = ["job", "salary", "fees"], ["job", "salary"]
    >>> named_rows(jobs, columns, required, names="job", what="job").tolist()
    ['Agent']
    >>> named_rows(jobs.iloc[0:0], ["job"], ["job"], names="job", what="job")
    Traceback (most recent call last):
    ...
    ValueError: the table: has no jobs; add at least one row.
    """
    require_columns(table, required, optional=[name for name in columns if name not in required])
    if table.empty:
        raise ValueError(_("{source}: has no {what}s; add at least one row.").format(
            source=_source(table), what=what))
    return name_column(table, names, what)


def _source(table: pd.DataFrame) -> str:
    """The table's file name, or "the table" for a table made in the notebook."""
    return table.attrs.get("source") or _("the table")


def _cell(value: object) -> str:
    """A cell's content as a learner would recognize it in their spreadsheet."""
    if isinstance(value, str):
        return repr(value)
    if isinstance(value, datetime.datetime) and not pd.isna(value):
        # a spreadsheet's date: shown as the date (and time) the learner typed
        return value.strftime("%Y-%m-%d" if value.time() == datetime.time() else "%Y-%m-%d %H:%M")
    if isinstance(value, datetime.date):
        return value.isoformat()
    if pd.isna(value):
        return _("empty")
    if isinstance(value, numbers.Real) and not isinstance(value, bool):
        return f"{float(value):g}"
    return repr(value)


def numeric_column(
    table: pd.DataFrame,
    column: str,
    *,
    meaning: str,
    low: float | None = None,
    high: float | None = None,
    high_inclusive: bool = True,
) -> pd.Series:
    """Return ``table[column]`` as floats, or raise naming the first bad rows.

    Empty cells, text, infinities and values outside ``[low, high]`` are all
    reported, with their line numbers, in one message.

    Parameters
    ----------
    table : pandas.DataFrame
        The learner's table (columns already checked).
    column : str
        The column to convert.
    meaning : str
        What the column holds, in a manager's words.
    low, high : float, optional
        Allowed range; ``None`` means unbounded.
    high_inclusive : bool
        Whether ``high`` itself is allowed.

    Returns
    -------
    pandas.Series of float
        The numbers, one per row.

    Examples
    --------
    >>> numeric_column(pd.DataFrame({"m": ["5"]}), "m", meaning="margin").tolist()
    [5.0]
    """
    raw = table[column]
    values = pd.to_numeric(raw, errors="coerce").astype(float)
    bad = values.isna() | ~values.abs().lt(float("inf"))
    if low is not None:
        bad |= values < low
    if high is not None:
        bad |= (values > high) if high_inclusive else (values >= high)
    if not bad.any():
        return values
    positions = [int(i) for i in bad.to_numpy().nonzero()[0]]
    shown = listed(positions, lambda i: f"{where(table, i)}: {_cell(raw.iloc[i])}")
    raise bad_numbers(
        column, meaning, shown, low=low, high=high, high_inclusive=high_inclusive,
        above_one=bool((values > 1).any()),
    )


def optional_numbers(
    table: pd.DataFrame,
    column: str,
    *,
    meaning: str,
    low: float | None = 0,
    high: float | None = None,
    high_inclusive: bool = True,
) -> pd.Series:
    """An optional numeric column: a missing column or an empty cell counts as 0.

    Anything else must be a number within ``[low, high]``, or the message
    names the line, as :func:`numeric_column` does.

    Examples
    --------
    >>> table = pd.DataFrame({"fees": [500, None, " "]})
    >>> optional_numbers(table, "fees", meaning="agency fees").tolist()
    [500.0, 0.0, 0.0]
    >>> optional_numbers(table, "travel", meaning="travel costs").tolist()
    [0.0, 0.0, 0.0]
    """
    if column not in table.columns:
        return pd.Series(0.0, index=table.index)
    raw = table[column]
    blank = raw.isna() | (raw.astype(str).str.strip() == "")
    filled = table[[column]].copy()
    filled.attrs = dict(table.attrs)
    filled[column] = raw.astype(object).where(~blank, 0)
    return numeric_column(
        filled, column, meaning=meaning, low=low, high=high, high_inclusive=high_inclusive
    )


def field_limits(field: Field) -> dict[str, Any]:
    """The range of a tool's input, as :func:`numeric_column` and :func:`optional_numbers` take it.

    Examples
    --------
    >>> share = Field("share", "Share", help="a share", kind="rate", max=1, max_included=True)
    >>> field_limits(share)
    {'low': 0.0, 'high': 1, 'high_inclusive': True}
    """
    rate = field.kind == "rate"
    low = 0.0 if rate and field.min is None else field.min
    high = 1.0 if rate and field.max is None else field.max
    return {"low": low, "high": high, "high_inclusive": not rate or bool(field.max_included)}


def rating_column(
    table: pd.DataFrame, column: str, *, meaning: str, low: int, high: int, fix: str = ""
) -> pd.Series:
    """Return ``table[column]`` as whole numbers from ``low`` to ``high``, or raise.

    Blanks, words and values outside the scale are reported by
    :func:`numeric_column`; answers that are not whole numbers (7.5) are
    reported here. Both messages name the lines, and end with ``fix``.
    Everything is done on the whole column at once, so a survey of 100,000
    answers takes a fraction of a second.

    Parameters
    ----------
    table : pandas.DataFrame
        The learner's table (the column already checked to be present).
    column : str
        The column holding the answers.
    meaning : str
        What the column holds, in a manager's words.
    low, high : int
        The ends of the rating scale.
    fix : str
        A sentence saying how to fix the data, added to the message.

    Returns
    -------
    pandas.Series of int64
        The ratings, one per row.

    Examples
    --------
    >>> rating_column(pd.DataFrame({"r": [9, "10"]}), "r", meaning="score", low=0, high=10).tolist()
    [9, 10]
    >>> rating_column(pd.DataFrame({"r": [9, 7.5]}), "r", meaning="score", low=0, high=10)
    Traceback (most recent call last):
    ...
    ValueError: column 'r' (score) must hold whole numbers from 0 to 10; found answers between...
    """
    ending = " " + fix if fix else ""
    try:
        values = numeric_column(table, column, meaning=meaning, low=low, high=high)
    except ValueError as error:
        raise ValueError(f"{error}{ending}") from None
    array = values.to_numpy()
    fractional = array != np.floor(array)
    if fractional.any():
        positions = np.flatnonzero(fractional)
        shown = listed(positions, lambda i: f"{where(table, int(i))}: {array[i]:g}")
        raise ValueError(_(
            "column {column!r} ({meaning}) must hold whole numbers from {low} to {high}; "
            "found answers between two points of the scale at {shown}."
        ).format(column=column, meaning=meaning, low=low, high=high, shown=shown) + ending)
    return values.astype(np.int64)


def format_table(
    table: pd.DataFrame,
    *,
    money: Iterable[str] = (),
    percent: Iterable[str] = (),
    decimals: dict[str, int] | None = None,
) -> pd.DataFrame:
    """Return a copy of ``table`` with numbers written for reading, not computing.

    Parameters
    ----------
    table : pandas.DataFrame
        Results to show.
    money : iterable of str
        Columns to show as ``$1,234.56``.
    percent : iterable of str
        Columns holding decimals to show as ``80.0%``.
    decimals : dict, optional
        Other columns to round, with their number of decimals.

    Returns
    -------
    pandas.DataFrame
        Strings, ready to display or print.

    Examples
    --------
    >>> format_table(pd.DataFrame({"v": [1234.5]}), money=["v"])["v"].tolist()
    ['$1,234.50']
    """
    shown = table.copy()
    for column in money:
        shown[column] = [formats.cents(value) for value in table[column]]
    for column in percent:
        shown[column] = [formats.percent(value, 1) for value in table[column]]
    for column, places in (decimals or {}).items():
        shown[column] = [formats.number(value, places) for value in table[column]]
    return shown


def with_headings(
    shown: pd.DataFrame, headings: Mapping[str, str], *, only: bool = False
) -> pd.DataFrame:
    """``shown`` with its columns headed for reading, its rows named by the first heading's column.

    Parameters
    ----------
    shown : pandas.DataFrame
        A table written for reading (:func:`format_table`).
    headings : mapping
        Each column's heading (a tool keeps them in its YAML, ``reading:``); the
        first names the rows. Columns without a heading keep their name.
    only : bool
        Keep only the columns with a heading that ``shown`` has, in the headings' order.

    Examples
    --------
    >>> shown = pd.DataFrame({"year": [1], "value": ["$9.00"], "note": ["x"]})
    >>> with_headings(shown, {"year": "Year", "value": "Value"}).columns.tolist()
    ['Value', 'note']
    >>> with_headings(shown, {"year": "Year", "value": "Value"}, only=True).index.name
    'Year'
    """
    if only:
        shown = shown[[column for column in headings if column in shown.columns]]
    return shown.rename(columns=dict(headings)).set_index(next(iter(headings.values())))


def yes_no_column(table: pd.DataFrame, column: str, *, meaning: str) -> pd.Series:
    """Return ``table[column]`` as True/False, or raise naming the rows to fix.

    Each cell is read by :func:`customer_focus.core.validation.yes_no`:
    yes/no, y/n, true/false and 1/0 in any capitals, and a spreadsheet's
    TRUE/FALSE.

    Parameters
    ----------
    table : pandas.DataFrame
        The learner's table (columns already checked).
    column : str
        The yes/no column.
    meaning : str
        What the column says, in a manager's words.

    Returns
    -------
    pandas.Series of bool
        True for yes, False for no, one per row.

    Raises
    ------
    ValueError
        When a cell is empty or holds anything but yes/no, y/n, true/false or
        1/0; the message names up to five such rows and what they hold.

    Examples
    --------
    >>> yes_no_column(pd.DataFrame({"a": ["Y", "no", True]}), "a", meaning="adds value").tolist()
    [True, False, True]
    """
    answers = [validation.yes_no(value) for value in table[column]]
    bad = [i for i, answer in enumerate(answers) if answer is None]
    if bad:
        shown = "; ".join(f"{where(table, i)}: {_cell(table[column].iloc[i])}" for i in bad[:5])
        more = _(" (and {count} more)").format(count=len(bad) - 5) if len(bad) > 5 else ""
        raise ValueError(_(
            "column {column!r} ({meaning}) must hold yes or no in every row (also accepted: y/n, "
            "true/false, 1/0); bad values at {shown}{more}."
        ).format(column=column, meaning=meaning, shown=shown, more=more))
    return pd.Series(answers, index=table.index, dtype=bool)


def require_output(table: pd.DataFrame, columns: Iterable[str], *, reader: str, maker: str) -> None:
    """Check that ``table`` is what ``maker`` returns before ``reader`` shows it, or raise.

    A chart or a table written for reading takes the result of a tool's
    function; given the learner's own table instead, it says which function
    to call first.

    Examples
    --------
    >>> require_output(pd.DataFrame({"a": [1]}), ["a", "b"], reader="plan_table",
    ...                maker="plan_targets")
    Traceback (most recent call last):
    ...
    ValueError: plan_table needs the table from plan_targets; column 'b' is missing.
    """
    for column in columns:
        if column not in table.columns:
            raise ValueError(
                f"{reader} needs the table from {maker}; column {column!r} is missing."
            )
