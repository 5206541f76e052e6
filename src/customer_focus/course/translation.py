"""Translations of the course's data files, laid over the English file by ids.

A question bank or a scenario is written once, in English; its translation
(``locales/<lang>/quizzes/<name>.yml`` or ``locales/<lang>/scenarios/<name>.yml``,
``locales`` beside ``book/`` in the course's folder) holds only the text a
reader meets, keyed by the English file's ids. Everything else (types, correct
answers, numbers, points, where a choice leads) comes from the English file,
so both editions grade, score and save progress the same way.

The loaders (:func:`customer_focus.course.quiz.bank.load_bank` and
:func:`customer_focus.course.scenario.model.load_scenario`) read the English
file, then the translation, and check it with a :class:`Translation`: every
id of the English file present, no other, in the same order; each item with
exactly the English item's text keys; every text a string. Each problem is
reported as ``file:line: what is wrong``, with the translation's file.
"""

from __future__ import annotations

import os
from collections.abc import Iterable, Mapping
from pathlib import Path
from typing import Any

from ..core.paths import course_root
from ..core.problems import LinedDict, Problems, line_of

__all__ = ["LOCALES", "language_code", "translation_path", "Translation"]

#: The folder, beside ``book/``, holding every translation.
LOCALES = "locales"


def language_code(language: str | None) -> str | None:
    """The folder name of a language under ``locales/``; ``None`` for English.

    Sphinx's ``language`` setting (``None``, ``"en"``, ``"zh_TW"``) and the
    web's form (``"zh-TW"``) are both accepted.

    Examples
    --------
    >>> language_code(None), language_code("en"), language_code("en_US")
    (None, None, None)
    >>> language_code("zh_TW"), language_code("zh-tw")
    ('zh_TW', 'zh_TW')
    """
    if not language:
        return None
    parts = str(language).replace("-", "_").split("_")
    if parts[0].lower() == "en":
        return None
    return "_".join([parts[0].lower(), *(part.upper() for part in parts[1:])])


def translation_path(
    kind: str,
    english: str | os.PathLike[str],
    language: str,
    *,
    locales: str | os.PathLike[str] | None = None,
) -> Path:
    """Where the translation of an English data file is: ``locales/<lang>/<kind>/<name>.yml``.

    Parameters
    ----------
    kind : str
        ``"quizzes"`` or ``"scenarios"``.
    english : path-like
        The English file; its name is the translation's name.
    language : str
        The language (:func:`language_code` reads it).
    locales : path-like, optional
        The ``locales`` folder; by default the one in the course's folder
        that holds the English file.

    Examples
    --------
    >>> translation_path("quizzes", "book/quizzes/lifetime-value.yml", "zh-TW",
    ...                  locales="locales").as_posix()
    'locales/zh_TW/quizzes/lifetime-value.yml'
    """
    code = language_code(language)
    if code is None:
        raise ValueError("English is the source; it has no translation file")
    english = Path(english)
    root = Path(locales) if locales is not None else course_root(english.parent) / LOCALES
    return root / code / kind / f"{english.stem}.yml"


def _where_english(english: str, line: int) -> str:
    return f"{english}:{line}" if line > 1 else english


class Translation(Problems):
    """Collects the problems of one translation file while it is laid over its English file.

    ``english`` names the English file in messages, so that a missing item
    says where its English is.

    Examples
    --------
    >>> check = Translation("zh.yml", "en.yml")
    >>> check.phrase({"title": 3}, "title", "quiz")
    ''
    >>> [str(problem) for problem in check.found]
    ["zh.yml:1: quiz: 'title' must be text in quotes, not int"]
    """

    def __init__(self, source: str, english: str) -> None:
        super().__init__(source)
        self.english = english

    def add(self, container: Any, key: Any, message: str) -> None:
        """Note a problem at the line of ``container[key]``, once (a key found missing by
        :meth:`same_keys` is not reported again when its text is read)."""
        before = list(self.found)
        super().add(container, key, message)
        if self.found[-1] in before:
            self.found.pop()

    def phrase(self, data: Any, key: str, where: str) -> str:
        """``data[key]``: a required, non-empty string ("" and a problem otherwise)."""
        value = data.get(key) if isinstance(data, Mapping) else None
        if value is None or (isinstance(value, str) and not value.strip()):
            self.add(data, None, f"{where}: missing {key!r} (the English has it; translate it)")
            return ""
        if not isinstance(value, str):
            kind = ("a list" if isinstance(value, list) else
                    "a mapping" if isinstance(value, Mapping) else type(value).__name__)
            self.add(data, key, f"{where}: {key!r} must be text in quotes, not {kind}")
            return ""
        return value

    def same_keys(self, data: Any, expected: Iterable[str], where: str) -> bool:
        """Whether ``data`` is a mapping with exactly the keys ``expected`` (noting each change)."""
        expected = list(expected)
        if not isinstance(data, Mapping):
            self.add(data, None, f"{where}: must be a mapping with {', '.join(expected)}")
            return False
        for key in expected:
            if key not in data:
                self.add(data, None, f"{where}: missing {key!r} (the English has it; translate it)")
        for key in data:
            if key not in expected:
                self.add(data, key, f"{where}: {key!r} is not in the English (it has "
                         f"{', '.join(expected)}); remove it")
        return True

    def by_id(
        self,
        items: Any,
        english: list[tuple[str, int]],
        where: str,
        what: str,
        *,
        key: str = "id",
    ) -> dict[str, LinedDict]:
        """The mappings of the list ``items`` by their ``key``, checked against the English ids.

        ``english`` lists the English ids with their lines, in order. Every
        one must be present once, and no other, in the same order.
        """
        if not isinstance(items, list):
            self.add(items, None, f"{where}: must be a list of {what}s, one per {what} of the "
                     "English")
            return {}
        found: dict[str, LinedDict] = {}
        known = {identifier for identifier, _ in english}
        order = []
        for index, item in enumerate(items):
            identifier = item.get(key) if isinstance(item, Mapping) else None
            if identifier is None:
                self.add(items, index, f"{where}: {what} {index + 1} needs its English {key!r}")
                continue
            if identifier not in known:
                self.add(item, key, f"{where}: {what} {key} {identifier!r} is not in the English "
                         f"({self.english}); remove it or correct the {key}")
                continue
            if identifier in found:
                self.add(item, key, f"{where}: {what} {identifier!r} is translated twice (first "
                         f"at line {line_of(found[identifier], key)})")
                continue
            found[identifier] = item
            order.append(identifier)
        for identifier, line in english:
            if identifier not in found:
                self.add(items, None, f"{where}: {what} {identifier!r} of the English "
                         f"({_where_english(self.english, line)}) is missing; translate it")
        wanted = [identifier for identifier, _ in english if identifier in found]
        for mine, theirs in zip(order, wanted, strict=True):
            if mine != theirs:
                self.add(found[mine], key, f"{where}: {what} {mine!r} is out of order; keep the "
                         f"English order ({', '.join(wanted)})")
                break
        return found

    def by_key(
        self, data: Any, english: list[tuple[str, int]], where: str, what: str
    ) -> dict[str, Any]:
        """The entries of the mapping ``data``, checked against the English ids (as by_id)."""
        if not isinstance(data, Mapping):
            self.add(data, None, f"{where}: must be a mapping of {what} ids, as in the English")
            return {}
        known = {identifier for identifier, _ in english}
        for identifier in data:
            if identifier not in known:
                self.add(data, identifier, f"{where}: {what} {identifier!r} is not in the English "
                         f"({self.english}); remove it or correct the id")
        for identifier, line in english:
            if identifier not in data:
                self.add(data, None, f"{where}: {what} {identifier!r} of the English "
                         f"({_where_english(self.english, line)}) is missing; translate it")
        return {identifier: data[identifier] for identifier, _ in english if identifier in data}
