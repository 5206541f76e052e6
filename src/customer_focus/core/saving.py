"""The lines a worksheet prints after it saves its results, in the reader's language.

Every worksheet ends the same way: it writes its table to CSV and Excel, says
what it saved and where, and checks that the Excel file holds what the CSV
file does. The sentences are this module's; what was saved, counted in the
tool's own words ("6 customers", "11 jobs"), is the tool's: its ``describe.py``
declares its lines once, with :func:`lines`.

Standard library only, like every module a tool's ``describe.py`` uses.

Examples
--------
>>> from pathlib import PurePosixPath
>>> from customer_focus.core.messages import Messages, Np_
>>> saved_line, excel_line = lines(Messages("tools.feedback"), Np_("{count} row", "{count} rows"),
...                                Np_("{count} response", "{count} responses"))
>>> saved_line(30, PurePosixPath("output/feedback-results.csv"))
'Saved 30 rows to output/feedback-results.csv'
>>> excel_line(30, True)
'The Excel file holds the same 30 responses: True'
>>> lines(Messages("tools.work_process"), Np_("{count} step", "{count} steps"))[1](False)
'The Excel file holds the same table: False'
"""

from __future__ import annotations

from collections.abc import Callable

from .messages import Messages

__all__ = ["lines"]

_ = Messages("core")


def _saved(counted: str, path: object) -> str:
    where = path.as_posix() if hasattr(path, "as_posix") else str(path)
    return _("Saved {counted} to {path}").format(counted=counted, path=where)


def _excel(same: bool, counted: str | None = None) -> str:
    answer = _("True") if same else _("False")
    if counted is None:
        return _("The Excel file holds the same table: {same}").format(same=answer)
    return _("The Excel file holds the same {counted}: {same}").format(counted=counted,
                                                                       same=answer)


def lines(
    say: Messages, saved: tuple[str, str], held: tuple[str, str] | None = None,
) -> tuple[Callable[..., str], Callable[..., str]]:
    """A worksheet's two closing lines, in its tool's words.

    Parameters
    ----------
    say : Messages
        The tool's catalog, which translates its counted phrases.
    saved : tuple of str
        What a saved row is, marked with :func:`~customer_focus.core.messages.Np_`:
        ``Np_("{count} job", "{count} jobs")``.
    held : tuple of str, optional
        What the Excel file is checked to hold, counted the same way; ``None``:
        the whole table.

    Returns
    -------
    tuple of callables
        ``saved_line(count, path)``, the line saying what was saved and where
        (``path`` shown with ``/``), and ``excel_line(count, same)`` (or
        ``excel_line(same)`` when ``held`` is None), whether the Excel file
        holds the same as the CSV file.
    """
    def saved_line(count: int, path: object) -> str:
        return _saved(say.counted(saved, count), path)

    if held is None:
        def excel_line(same: bool) -> str:
            return _excel(same)
    else:
        def excel_line(count: int, same: bool) -> str:  # type: ignore[misc]
            return _excel(same, say.counted(held, count))

    saved_line.__doc__ = "What the worksheet saved, counted in its words, and where."
    excel_line.__doc__ = "Whether the Excel file holds the same as the CSV file."
    return saved_line, excel_line
