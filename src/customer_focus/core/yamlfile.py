"""The one YAML loader of the package: safe, with line numbers and ``file:line`` errors.

Every mapping it reads is a :class:`~customer_focus.core.problems.LinedDict`
and every list a :class:`~customer_focus.core.problems.LinedList`, so a
reader that finds a bad value can say on which line it is
(:func:`~customer_focus.core.problems.line_of`). A file that cannot be read,
is not valid YAML or repeats a key raises a
:class:`~customer_focus.core.problems.DataFileError` naming the file and the
line.

Examples
--------
>>> from customer_focus.core.problems import line_of
>>> data = parse_yaml("title: Worksheet\\nfields:\\n  margin: {label: Margin}\\n", "spec.yml")
>>> line_of(data["fields"], "margin"), line_of(data["fields"]["margin"], "label")
(3, 3)
>>> parse_yaml("a: 1\\na: 2\\n", "spec.yml")
Traceback (most recent call last):
...
customer_focus.core.problems.DataFileError: spec.yml:2: not valid YAML: duplicate key 'a'
"""

from __future__ import annotations

import os
from collections.abc import Callable
from pathlib import Path
from typing import Any, TypeVar

import yaml

from .problems import DataFileError, LinedDict, LinedList, Problem, Problems

__all__ = ["LineLoader", "parse_yaml", "load_yaml", "load_checked"]

_Read = TypeVar("_Read")


#: PyYAML's safe loader, with its C parser (libyaml) when installed: reading the question
#: banks at the start of every book build took most of a no-change build in pure Python.
_SAFE_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


class LineLoader(_SAFE_LOADER):  # type: ignore[misc, valid-type]
    """PyYAML's safe loader, building mappings and lists that know their lines.

    An invalid file is read again by :class:`ExactLineLoader` (the pure-Python
    parser), whose error names the line the way PyYAML always has.
    """

    def construct_lined_mapping(self, node: yaml.MappingNode) -> LinedDict:
        """A mapping with the line of each key; a repeated key is an error."""
        self.flatten_mapping(node)
        mapping = LinedDict()
        mapping.line, mapping.lines = node.start_mark.line + 1, {}
        for key_node, value_node in node.value:
            key = self.construct_object(key_node, deep=True)
            if key in mapping:
                raise yaml.constructor.ConstructorError(
                    None, None, f"duplicate key {key!r}", key_node.start_mark
                )
            mapping[key] = self.construct_object(value_node, deep=True)
            mapping.lines[key] = key_node.start_mark.line + 1
        return mapping

    def construct_lined_list(self, node: yaml.SequenceNode) -> LinedList:
        """A list with the line of each item."""
        items = LinedList(self.construct_object(child, deep=True) for child in node.value)
        items.line = node.start_mark.line + 1
        items.lines = [child.start_mark.line + 1 for child in node.value]
        return items


class ExactLineLoader(yaml.SafeLoader):
    """The same loader on PyYAML's pure-Python parser (for the messages of invalid files)."""

    construct_lined_mapping = LineLoader.construct_lined_mapping
    construct_lined_list = LineLoader.construct_lined_list


for _loader in (LineLoader, ExactLineLoader):
    _loader.add_constructor(
        yaml.resolver.BaseResolver.DEFAULT_MAPPING_TAG, _loader.construct_lined_mapping
    )
    _loader.add_constructor(
        yaml.resolver.BaseResolver.DEFAULT_SEQUENCE_TAG, _loader.construct_lined_list
    )


def parse_yaml(text: str, source: str) -> Any:
    """Read YAML text; ``source`` names the file in error messages.

    Raises
    ------
    DataFileError
        When the text is not valid YAML (or repeats a key), with the line.
    """
    try:
        return yaml.load(text, Loader=LineLoader)  # noqa: S506 - a SafeLoader subclass
    except yaml.YAMLError:
        pass
    try:
        return yaml.load(text, Loader=ExactLineLoader)  # noqa: S506 - a SafeLoader subclass
    except yaml.YAMLError as error:
        mark = getattr(error, "problem_mark", None) or getattr(error, "context_mark", None)
        reason = getattr(error, "problem", None) or str(error)
        line = mark.line + 1 if mark else 1
        raise DataFileError([Problem(source, line, f"not valid YAML: {reason}")]) from None


def load_yaml(path: str | os.PathLike[str], *, source: str | None = None) -> Any:
    """Read a YAML file with line numbers.

    Parameters
    ----------
    path : str or path-like
        The file.
    source : str, optional
        How to name the file in messages (default: the path as given).

    Raises
    ------
    DataFileError
        When the file cannot be read or is not valid YAML.
    """
    name = source or str(path)
    try:
        text = Path(path).read_text(encoding="utf-8")
    except OSError as error:
        reason = f"cannot be read: {error.strerror or error}"
        raise DataFileError([Problem(name, 1, reason)]) from None
    return parse_yaml(text, name)


def load_checked(path: str | os.PathLike[str], read: Callable[[Any, Problems], _Read]) -> _Read:
    """Read a YAML file and what ``read`` makes of it, which notes each problem it finds.

    Parameters
    ----------
    path : str or path-like
        The file.
    read : callable
        Called with the file's data and a :class:`~customer_focus.core.problems.Problems`
        for the file; it notes what is wrong there and returns what it read.

    Raises
    ------
    DataFileError
        When the file cannot be read, is not valid YAML, or ``read`` noted any problem:
        every problem together, each as ``file:line: what is wrong``.

    Examples
    --------
    >>> import tempfile
    >>> with tempfile.TemporaryDirectory() as folder:
    ...     path = Path(folder) / "decks.yml"
    ...     _ = path.write_text("decks: 3\\n", encoding="utf-8")
    ...     load_checked(path, lambda data, found: found.listed(data, "decks", "deck"))
    Traceback (most recent call last):
    ...
    customer_focus.core.problems.DataFileError: .../decks.yml:1: the file must hold 'decks:'...
    """
    problems = Problems(str(path))
    result = read(load_yaml(path), problems)
    problems.raise_if_any()
    return result
