"""The course map: chapters and learning objectives, from ``book/course-map.yml``.

Chapter pages list their objectives from it, and quiz questions refer to its
objective ids, so there is one place where objectives are written.

A translated edition reads the same map with its ``language`` (Sphinx's
``language`` setting, ``"zh_TW"``): the translation,
``locales/<language>/course-map.yml`` beside ``book/``, holds only the
chapters' titles and the objectives' texts, keyed by the English ids, and is
laid over the English map; the pages, parts and chapters of the objectives
stay the English file's. It is checked on load (every English id, in order,
no other; exactly the text key of each entry; text, not a number or a list),
each problem reported as ``file:line``. The fixed words the map's readers show
(the heading over a chapter's objectives) are in ``data/course-map-words.yml``
(:func:`course_map_word`).
"""

from __future__ import annotations

import os
from dataclasses import dataclass, replace
from functools import cache
from pathlib import Path
from typing import Any

from ..core.languages import LANGUAGES, language_code
from ..core.paths import package_file
from ..core.problems import Problems
from ..core.yamlfile import load_checked, load_yaml, parse_yaml

__all__ = [
    "Chapter", "Objective", "CourseMap", "PARTS", "LANGUAGES", "language_code",
    "translation_path", "load_course_map", "course_map_word",
]

#: The parts a chapter can belong to: a Learn chapter (the default) or the Apply part.
PARTS = ("learn", "apply")


@dataclass(frozen=True)
class Chapter:
    """A chapter of the course: a Learn chapter, or the Apply part (``part="apply"``)."""

    id: str
    title: str
    page: str
    part: str = "learn"


@dataclass(frozen=True)
class Objective:
    """A learning objective: what a learner can do after a chapter."""

    id: str
    chapter: str
    text: str


@dataclass(frozen=True)
class CourseMap:
    """All chapters and objectives, in the order of the file."""

    chapters: dict[str, Chapter]
    objectives: dict[str, Objective]

    @property
    def learn_chapters(self) -> dict[str, Chapter]:
        """The Learn chapters only: those with a chapter quiz and a slide deck."""
        return {key: chapter for key, chapter in self.chapters.items() if chapter.part == "learn"}

    def objectives_of(self, chapter: str) -> list[Objective]:
        """The objectives of one chapter, in order."""
        if chapter not in self.chapters:
            raise KeyError(
                f"no chapter {chapter!r} in the course map; chapters: {', '.join(self.chapters)}"
            )
        return [objective for objective in self.objectives.values() if objective.chapter == chapter]


def _entries(data: object, key: str, fields: tuple[str, ...], source: str) -> list[dict]:
    entries = data.get(key) if isinstance(data, dict) else None
    if not isinstance(entries, list) or not entries:
        raise ValueError(f"{source}: needs a non-empty list under {key!r}.")
    for number, entry in enumerate(entries, start=1):
        missing = [
            field
            for field in fields
            if not isinstance(entry, dict) or not str(entry.get(field, "")).strip()
        ]
        if missing:
            raise ValueError(f"{source}: {key} entry {number} is missing {', '.join(missing)}.")
    return entries


def load_course_map(
    path: str | os.PathLike[str],
    language: str | None = None,
    *,
    translation: str | os.PathLike[str] | None = None,
) -> CourseMap:
    """Read and validate the course map, in the edition's language.

    Parameters
    ----------
    path : str or path-like
        Usually ``book/course-map.yml``.
    language : str, optional
        The edition's language, as Sphinx's ``language`` setting (``"en"``,
        ``"zh_TW"``; ``"zh-TW"`` too). English (the file itself) when ``None``
        or ``"en"``; otherwise the translation's titles and texts.
    translation : str or path-like, optional
        The translation file; by default ``locales/<language>/course-map.yml``
        in the folder above the English file's.

    Returns
    -------
    CourseMap

    Raises
    ------
    ValueError
        On a missing field, a duplicate id, an unknown ``part``, or an
        objective whose chapter is not in the map; the message names the file
        and the entry. For a translation, when it is missing, or lacks an
        English id, has one the English lacks, or an entry's text key is
        missing, extra or not text (a ``DataFileError``, every problem with its
        ``file:line``).

    Examples
    --------
    >>> from customer_focus.core.paths import book_path
    >>> english = load_course_map(book_path("course-map.yml"))
    >>> chinese = load_course_map(book_path("course-map.yml"), "zh_TW")
    >>> english.chapters["lifetime-value"].title, chinese.chapters["lifetime-value"].title
    ('How loyalty drives profitability', '忠誠度如何帶動獲利')
    >>> chinese.chapters["lifetime-value"].page == english.chapters["lifetime-value"].page
    True
    """
    source = Path(path)
    data = load_yaml(source)
    chapters: dict[str, Chapter] = {}
    for entry in _entries(data, "chapters", ("id", "title", "page"), str(source)):
        if entry["id"] in chapters:
            raise ValueError(f"{source}: chapter id {entry['id']!r} appears twice.")
        part = entry.get("part", "learn")
        if part not in PARTS:
            raise ValueError(
                f"{source}: chapter {entry['id']!r} has part {part!r}; use one of "
                f"{', '.join(PARTS)} "
                f"(or leave it out for a Learn chapter)."
            )
        chapters[entry["id"]] = Chapter(
            str(entry["id"]), str(entry["title"]), str(entry["page"]), part
        )
    objectives: dict[str, Objective] = {}
    for entry in _entries(data, "objectives", ("id", "chapter", "text"), str(source)):
        if entry["id"] in objectives:
            raise ValueError(f"{source}: objective id {entry['id']!r} appears twice.")
        if entry["chapter"] not in chapters:
            raise ValueError(
                f"{source}: objective {entry['id']!r} names chapter {entry['chapter']!r}, "
                f"which is not in the chapters list."
            )
        objectives[entry["id"]] = Objective(
            str(entry["id"]), str(entry["chapter"]), str(entry["text"])
        )
    english = CourseMap(chapters, objectives)
    code = language_code(language)
    if code is None:
        return english
    overlay = Path(translation) if translation is not None else translation_path(source, code)
    if not overlay.is_file():
        raise ValueError(
            f"{overlay}: no translation of the course map for the language {language!r}; "
            f"write it (the titles and texts of {source}, keyed by their ids) or build in English."
        )
    return load_checked(overlay, lambda data, found: _overlay(english, data, found, source))


def translation_path(english: str | os.PathLike[str], language: str) -> Path:
    """Where the translation of the course map is: ``locales/<language>/`` beside ``book/``.

    Examples
    --------
    >>> translation_path("course/book/course-map.yml", "zh-TW").as_posix()
    'course/locales/zh_TW/course-map.yml'
    """
    english = Path(english)
    return english.parent.parent / "locales" / (language_code(language) or "en") / english.name


#: What each list of the map holds, and the one text key a translation gives its entries.
_TEXT_KEYS = {"chapters": ("chapter", "title"), "objectives": ("objective", "text")}


def _overlay(english: CourseMap, data: Any, found: Problems, source: Path) -> CourseMap:
    """The English map with the translation's titles and texts, noting what is wrong."""
    if not isinstance(data, dict):
        found.add(data, None, "the file must hold 'chapters:' and 'objectives:', lists of the "
                  f"English entries' ids with their translated text (as in {source})")
        found.raise_if_any()
    found.keys(data, set(_TEXT_KEYS), "course map")
    translated: dict[str, dict[str, str]] = {}
    for key, (what, text_key) in _TEXT_KEYS.items():
        ids = list(english.chapters if key == "chapters" else english.objectives)
        translated[key] = _texts(data, key, what, text_key, ids, found, source)
    return CourseMap(
        {ident: replace(chapter, title=translated["chapters"].get(ident, chapter.title))
         for ident, chapter in english.chapters.items()},
        {ident: replace(objective, text=translated["objectives"].get(ident, objective.text))
         for ident, objective in english.objectives.items()},
    )


def _texts(
    data: dict, key: str, what: str, text_key: str, ids: list[str], found: Problems, source: Path
) -> dict[str, str]:
    """The translated text of each entry of ``data[key]`` by id, checked against ``ids``."""
    entries = data.get(key)
    if not isinstance(entries, list):
        state = "must be" if key in data else "is missing; it must be"
        found.add(data, key if key in data else None,
                  f"'{key}:' {state} a list with one entry per {what} of {source}")
        return {}
    texts: dict[str, str] = {}
    order: list[str] = []
    for index, entry in enumerate(entries):
        if not isinstance(entry, dict) or not isinstance(entry.get("id"), str):
            found.add(entries, index,
                      f"{key} entry {index + 1} needs the 'id' of an English {what}")
            continue
        ident = entry["id"]
        where = f"{what} {ident!r}"
        if ident not in ids:
            found.add(entry, "id", f"{where} is not in {source}; remove it or correct the id")
            continue
        if ident in texts:
            found.add(entry, "id", f"{where} is translated twice")
            continue
        found.keys(entry, {"id", text_key}, where)
        texts[ident] = _text(entry, text_key, where, found)
        order.append(ident)
    for ident in ids:
        if ident not in texts:
            found.add(entries, None, f"{what} {ident!r} of {source} is missing; translate it")
    expected = [ident for ident in ids if ident in texts]
    if order != expected:
        first = next(mine for mine, theirs in zip(order, expected, strict=True) if mine != theirs)
        found.add(entries[order.index(first)], "id",
                  f"{what} {first!r} is out of order; keep the order of {source}")
    return texts


def _text(entry: dict, key: str, where: str, found: Problems) -> str:
    """``entry[key]``, a translated text: present, not empty, and text (a problem otherwise)."""
    value = entry.get(key)
    kinds = ((bool, "true or false"), ((int, float), "a number"), (list, "a list"),
             (dict, "a mapping"))
    if value is None:
        found.add(entry, None, f"{where}: missing {key!r} (the English has it; translate it)")
    elif not isinstance(value, str):
        kind = next(name for types, name in (*kinds, (object, type(value).__name__))
                    if isinstance(value, types))
        found.add(entry, key, f"{where}: {key!r} must be text (in quotes), not {kind}")
    elif not value.strip():
        found.add(entry, key, f"{where}: {key!r} is empty; translate it")
    else:
        return value
    return ""


_WORDS = "data/course-map-words.yml"


@cache
def _words() -> dict[str, dict[str, str]]:
    """The course map's fixed words by name and language, checked (every word in every language)."""
    data = parse_yaml(package_file(*_WORDS.split("/")).read_text(encoding="utf-8"), _WORDS)
    found = Problems(_WORDS)
    words: dict[str, dict[str, str]] = {}
    for name, texts in (data.items() if isinstance(data, dict) else ()):
        if not isinstance(texts, dict):
            found.add(data, name, f"{name}: give the word in {', '.join(LANGUAGES)}")
            continue
        found.keys(texts, set(LANGUAGES), name)
        words[name] = {language: found.text(texts, language, name, required=True) or ""
                       for language in LANGUAGES}
    if not words:
        found.add(data, None, "needs a mapping of words to their texts in each language")
    found.raise_if_any()
    return words


def course_map_word(name: str, language: str | None = None) -> str:
    """A fixed word of the course map's readers (``"heading"``) in the edition's language.

    Examples
    --------
    >>> course_map_word("heading"), course_map_word("heading", "zh_TW")
    ('By the end of this chapter you can:', '學完本章，你將能夠：')
    >>> course_map_word("heading", "fr")
    Traceback (most recent call last):
    ...
    ValueError: data/course-map-words.yml: no words in 'fr'; the languages: en, zh_TW
    """
    words = _words()
    if name not in words:
        raise ValueError(f"{_WORDS}: no word {name!r}; the words: {', '.join(words)}")
    code = language_code(language) or "en"
    if code not in LANGUAGES:
        raise ValueError(f"{_WORDS}: no words in {code!r}; the languages: {', '.join(LANGUAGES)}")
    return words[name][code]
