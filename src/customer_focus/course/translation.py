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
from collections.abc import Callable, Iterable, Mapping, Sequence
from pathlib import Path
from typing import Any

from ..core.languages import language_code
from ..core.overlay import compare_keys
from ..core.paths import course_root
from ..core.problems import DataFileError, LinedDict, Problem, Problems, line_of
from ..core.yamlfile import load_yaml

__all__ = [
    "LOCALES", "language_code", "translation_path", "find_translation", "shown", "Translation",
]

#: The folder, beside ``book/``, holding every translation.
LOCALES = "locales"


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


def shown(path: str | os.PathLike[str]) -> str:
    """A translation's path as messages show it: from the course's folder when inside it.

    Examples
    --------
    >>> shown("/nowhere/locales/zh_TW/quizzes/x.yml")
    '/nowhere/locales/zh_TW/quizzes/x.yml'
    """
    path = Path(path)
    try:
        return path.resolve().relative_to(course_root(path.parent)).as_posix()
    except (ValueError, FileNotFoundError):
        return str(path)


def find_translation(
    kind: str,
    english: str | os.PathLike[str],
    language: str,
    source: str,
    error: type[DataFileError],
    *,
    locales: str | os.PathLike[str] | None = None,
    fallback: bool = False,
) -> Path | None:
    """The translation file of an English data file (:func:`translation_path`).

    ``None`` when it does not exist and ``fallback`` lets the English stand in;
    otherwise a missing file raises ``error`` at ``source`` (the English file's
    name in messages), saying which file to write.

    Examples
    --------
    >>> find_translation("quizzes", "x.yml", "zh_TW", "x.yml", DataFileError,
    ...                  locales="/nowhere", fallback=True) is None
    True
    >>> find_translation("quizzes", "x.yml", "zh_TW", "x.yml", DataFileError, locales="/nowhere")
    Traceback (most recent call last):
    ...
    customer_focus.core.problems.DataFileError: x.yml:1: no translation into zh_TW: write ...
    """
    translated = translation_path(kind, english, language, locales=locales)
    if translated.is_file():
        return translated
    if fallback:
        return None
    raise error([Problem(source, 1, f"no translation into {language_code(language)}: write "
                         f"{shown(translated)} (ids and text only; see README.md, "
                         "\"How to translate a quiz bank or the scenario\")")])


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

    def read(self, path: str | os.PathLike[str], kind: str, items: str,
             error: type[DataFileError]) -> dict[str, Any]:
        """The translation file's data: a mapping of exactly ``kind`` (its header) and
        ``items``; raise ``error`` with every problem when it is not one."""
        try:
            data = load_yaml(path, source=self.source)
        except DataFileError as failed:
            raise error(failed.problems) from None
        if not self.same_keys(data, (kind, items), "the translation"):
            raise error(self.found)
        return data

    def header(self, data: Mapping, kind: str, english_id: str, owner: str) -> Mapping | None:
        """The header ``data[kind]`` when it has exactly an id and a title (noting an id other
        than the English ``owner``'s); ``None`` when there is no usable header."""
        header = data.get(kind)
        if kind not in data or not self.same_keys(header, ("id", "title"), kind):
            return None
        if header.get("id") != english_id:
            self.add(header, "id", f"{kind}: 'id' must be the English {owner}'s id "
                     f"{english_id!r} (got {header.get('id')!r})")
        return header

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
        return compare_keys(
            self, data, expected,
            not_mapping=f"{where}: must be a mapping with {', '.join(expected)}",
            lacks=lambda key: f"{where}: missing {key!r} (the English has it; translate it)",
            extra=lambda key: f"{where}: {key!r} is not in the English (it has "
                              f"{', '.join(expected)}); remove it",
        )

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

    def each(
        self,
        given: Any,
        english: Sequence[Any],
        lines: Sequence[int],
        where: str,
        what: str,
        keys: tuple[str, ...],
        translate: Callable[[Any, Mapping, str], Any],
    ) -> tuple[Any, ...]:
        """The English ``what``s (each with an ``id``, at ``lines``) with the texts of the list
        ``given``, matched by id (as :meth:`by_id`) and each holding exactly ``id`` and ``keys``.

        ``translate(item, translation, place)`` gives one item translated; an
        item the list lacks stays English (the problem is noted).
        """
        english_ids = [(item.id, line) for item, line in zip(english, lines, strict=True)]
        found = self.by_id(given, english_ids, f"{where}, {what}s", what)
        translated = []
        for item in english:
            raw = found.get(item.id)
            if raw is None:
                translated.append(item)
                continue
            place = f"{where}, {what} {item.id!r}"
            self.same_keys(raw, ("id", *keys), place)
            translated.append(translate(item, raw, place))
        return tuple(translated)

    def by_position(
        self,
        given: Any,
        raw: list,
        keys: tuple[str, ...],
        wrong_list: str,
        place: Callable[[int], str],
    ) -> list[dict[str, str] | None] | None:
        """The texts of the list ``given``, item by item against the English list ``raw``.

        Each item must hold exactly the ``keys`` its English item has; it gives
        ``{key: text}``, or ``None`` when its keys differ (the item stays
        English; ``place(number)`` names it in the problem). ``None`` for the
        whole list when ``given`` is not a list of the English's length
        (``wrong_list`` is the problem).
        """
        if not isinstance(given, list) or len(given) != len(raw):
            self.add(given, None, wrong_list)
            return None
        said: list[dict[str, str] | None] = []
        for number, (texts, source) in enumerate(zip(given, raw, strict=True), 1):
            here = place(number)
            present = [key for key in keys if key in source]
            said.append({key: self.phrase(texts, key, here) for key in present}
                        if self.same_keys(texts, present, here) else None)
        return said

    def by_key(
        self, data: Any, english: list[tuple[str, int]], where: str, what: str
    ) -> dict[str, Any]:
        """The entries of the mapping ``data``, checked against the English ids (as by_id)."""
        lines = dict(english)
        if not compare_keys(
            self, data, lines,
            not_mapping=f"{where}: must be a mapping of {what} ids, as in the English",
            lacks=lambda identifier: f"{where}: {what} {identifier!r} of the English "
                                     f"({_where_english(self.english, lines[identifier])}) is "
                                     "missing; translate it",
            extra=lambda identifier: f"{where}: {what} {identifier!r} is not in the English "
                                     f"({self.english}); remove it or correct the id",
            extra_first=True,
        ):
            return {}
        return {identifier: data[identifier] for identifier, _ in english if identifier in data}
