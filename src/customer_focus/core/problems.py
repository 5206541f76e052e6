"""Problems found in a data file, each with its file and line.

Course content kept as data (a tool's spec, a question bank, a scenario) is
checked when it is loaded, and everything wrong is reported at once as
``file:line: what is wrong``. :mod:`customer_focus.core.yamlfile` reads YAML
into :class:`LinedDict` and :class:`LinedList`, which remember the line of
each entry; the readers of each kind of file collect their findings in a
:class:`Problems` and raise one :class:`DataFileError`.

Standard library only: data read from JSON (no line numbers) goes through the
same checks, and its problems point at line 1.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import Any

__all__ = ["Problem", "DataFileError", "LinedDict", "LinedList", "line_of", "Problems"]


@dataclass(frozen=True)
class Problem:
    """One thing wrong with a data file, and where."""

    file: str
    line: int
    message: str

    def __str__(self) -> str:
        return f"{self.file}:{self.line}: {self.message}"


class DataFileError(ValueError):
    """A data file (or several) that cannot be used; ``problems`` lists every reason.

    Examples
    --------
    >>> str(DataFileError([Problem("a.yml", 3, "missing 'label'")]))
    "a.yml:3: missing 'label'"
    """

    def __init__(self, problems: list[Problem]) -> None:
        self.problems = list(problems)
        super().__init__("\n".join(str(problem) for problem in self.problems))


class LinedDict(dict):
    """A mapping read from a file: ``line`` is where it starts, ``lines[key]`` where each key is."""

    line: int = 1
    lines: dict[Any, int]


class LinedList(list):
    """A list read from a file: ``line`` is where it starts, ``lines[i]`` where each item is."""

    line: int = 1
    lines: list[int]


def line_of(container: Any, key: Any = None) -> int:
    """The line of ``container[key]`` (or of the container itself), 1 when unknown.

    Examples
    --------
    >>> data = LinedDict(label="Margin")
    >>> data.line, data.lines = 4, {"label": 5}
    >>> line_of(data, "label"), line_of(data, "unit"), line_of({"label": 1}, "label")
    (5, 4, 1)
    """
    lines = getattr(container, "lines", None)
    if key is not None and isinstance(lines, dict) and key in lines:
        return lines[key]
    if key is not None and isinstance(lines, list) and isinstance(key, int):
        return lines[key] if 0 <= key < len(lines) else line_of(container)
    return getattr(container, "line", 1) or 1


class Problems:
    """Collects what is wrong with one file while it is read, then raises them together.

    The ``text``, ``number`` and ``flag`` readers return the value of a key
    when it has the right type, and otherwise note a problem at the key's line
    and return ``None``.

    Examples
    --------
    >>> found = Problems("spec.yml")
    >>> found.number({"min": "zero"}, "min", "fields: margin")
    >>> found.raise_if_any()
    Traceback (most recent call last):
    ...
    customer_focus.core.problems.DataFileError: spec.yml:1: fields: margin: 'min' must be...
    """

    def __init__(self, source: str) -> None:
        self.source = source
        self.found: list[Problem] = []

    def add(self, container: Any, key: Any, message: str) -> None:
        """Note a problem at the line of ``container[key]``."""
        self.found.append(Problem(self.source, line_of(container, key), message))

    def raise_if_any(self) -> None:
        """Raise a :class:`DataFileError` listing everything noted, if anything was."""
        if self.found:
            raise DataFileError(self.found)

    def text(self, data: Mapping, key: str, where: str, *, required: bool = False) -> str | None:
        """``data[key]`` as text."""
        value = data.get(key)
        if value is None:
            if required:
                self.add(data, None, f"{where}: missing {key!r} (text)")
            return None
        if isinstance(value, bool):
            self.add(data, key, f"{where}: {key!r} must be text; YAML reads yes, no, on and off as "
                     "true or false, so put the text in quotes")
            return None
        if not isinstance(value, (str, int, float)):
            self.add(data, key, f"{where}: {key!r} must be text, not {type(value).__name__}")
            return None
        return str(value)

    def number(
        self,
        data: Mapping,
        key: str,
        where: str,
        *,
        required: bool = False,
        minimum: float | None = None,
        kind: str = "a number",
    ) -> float | None:
        """``data[key]`` as a finite number (at least ``minimum``, when given).

        ``kind`` is how the message names what is expected ("a number").
        """
        value = data.get(key)
        if value is None:
            if required:
                self.add(data, None, f"{where}: missing {key!r} (a number)")
            return None
        number = isinstance(value, (int, float)) and not isinstance(value, bool)
        if not number or not math.isfinite(value):
            self.add(data, key, f"{where}: {key!r} must be {kind}, not {value!r}")
            return None
        if minimum is not None and value < minimum:
            self.add(data, key, f"{where}: {key!r} must be at least {minimum:g}, not {value!r}")
            return None
        return value

    def flag(self, data: Mapping, key: str, where: str) -> bool | None:
        """``data[key]`` as true or false."""
        value = data.get(key)
        if value is not None and not isinstance(value, bool):
            self.add(data, key, f"{where}: {key!r} must be true or false, not {value!r}")
            return None
        return value

    def texts(
        self, data: Mapping, key: str, where: str, *, kind: str = "texts"
    ) -> tuple[str, ...]:
        """``data[key]`` as a list of texts (none when it is missing or is not one).

        ``kind`` is how the message names what the list holds ("texts").

        Examples
        --------
        >>> found = Problems("decks.yml")
        >>> found.texts({"skip": ["Summary"]}, "skip", "deck a"), found.texts({}, "skip", "deck a")
        (('Summary',), ())
        >>> found.texts({"skip": "Summary"}, "skip", "deck a", kind="section headings")
        ()
        >>> print(found.found[0])
        decks.yml:1: deck a: 'skip' must be a list of section headings
        """
        value = data.get(key)
        if value is None:
            return ()
        if not isinstance(value, list) or not all(isinstance(item, str) for item in value):
            self.add(data, key, f"{where}: {key!r} must be a list of {kind}")
            return ()
        return tuple(value)

    def listed(self, data: Any, key: str, what: str) -> list:
        """``data[key]``, the list of entries the file holds; without it, raise at once.

        Examples
        --------
        >>> Problems("decks.yml").listed({"decks": [{"id": "a"}]}, "decks", "deck")
        [{'id': 'a'}]
        >>> Problems("decks.yml").listed({"deck": []}, "decks", "deck")
        Traceback (most recent call last):
        ...
        customer_focus.core.problems.DataFileError: decks.yml:1: the file must hold 'decks:'...
        """
        if not isinstance(data, dict) or not isinstance(data.get(key), list):
            self.add(data, None, f"the file must hold '{key}:', a list of {what}s")
            self.raise_if_any()
        return data[key]

    def by_id(self, entries: list, what: str, read: Callable[[Any], Any]) -> dict[str, Any]:
        """Each entry read by ``read``, by its ``id``; an id used twice is a problem at its line.

        ``read`` notes what is wrong with an entry and returns ``None`` for one it cannot read.

        Examples
        --------
        >>> from types import SimpleNamespace
        >>> found = Problems("decks.yml")
        >>> def read(entry):
        ...     return SimpleNamespace(id=entry) if entry else None
        >>> decks = found.by_id(["a", "b", "a", ""], "deck", read)
        >>> sorted(decks), [str(problem) for problem in found.found]
        (['a', 'b'], ["decks.yml:1: deck id 'a' is used twice"])
        """
        found: dict[str, Any] = {}
        for entry in entries:
            item = read(entry)
            if item is None:
                continue
            if item.id in found:
                self.add(entry, "id", f"{what} id {item.id!r} is used twice")
            found[item.id] = item
        return found

    def keys(self, data: Mapping, allowed: set[str], where: str) -> None:
        """Note every key of ``data`` that is not ``allowed`` (a misspelling, usually)."""
        for key in data:
            if key not in allowed:
                known = ", ".join(sorted(allowed))
                self.add(data, key, f"{where}: unknown key {key!r} (known keys: {known})")
