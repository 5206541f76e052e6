"""The outline of the slide decks, from ``book/instructors/decks.yml``.

Where each slide's content comes from is data: a deck is made from a page of
the book (its sections, in the page's order, with ``sections`` or ``skip``
choosing which) or written out slide by slide. Every slide has an activity,
the thing the room does while it is shown: per section for a page's slides,
per kind (title, objectives, exercise, box, check) for the slides every page
deck has. :mod:`customer_focus.publish.slides` builds the decks from it.

Examples
--------
>>> from customer_focus.core.paths import course_root
>>> outlines = load_outlines(course_root() / "book/instructors/decks.yml")
>>> outlines["lifetime-value"].source, outlines["lifetime-value"].chapter
('learn/lifetime-value', 'lifetime-value')
>>> outlines["scenario-debrief"].slides[0].title
'Which ending did you reach?'
>>> sorted(outlines["opening-case-poll"].kinds)
['box', 'check', 'exercise', 'objectives', 'title']

A translation (``locales/zh_TW/decks.yml``) holds only the texts a room meets:
the ``kinds``' activities, then under ``decks`` each English deck by id, in
the English order, with its ``title`` (where the English has one), its
``activities`` and ``after`` keyed by the same section headings, and its
written ``slides``, slide by slide, with the English slide's text keys. The
pages, sections and order come from the English file: one source.

>>> chinese = load_outlines(course_root() / "book/instructors/decks.yml", "zh_TW")
>>> chinese["scenario-debrief"].slides[0].title
'你走到了哪一個結局？'
>>> chinese["lifetime-value"].keeps("Practice")
False
"""

from __future__ import annotations

import os
from collections.abc import Mapping
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

from ..core.languages import language_code
from ..core.problems import DataFileError, LinedDict, Problems, line_of
from ..core.yamlfile import load_checked, load_yaml
from .translation import Translation, find_translation, shown

__all__ = ["WrittenSlide", "DeckOutline", "SLIDE_KINDS", "load_outlines"]

#: The slides every page deck has, each with its activity under ``kinds``.
SLIDE_KINDS = ("title", "objectives", "exercise", "box", "check")


@dataclass(frozen=True)
class WrittenSlide:
    """A slide written in the outline: a title, Markdown body and notes, and its activity."""

    title: str
    body: str
    notes: str
    activity: str


@dataclass(frozen=True)
class DeckOutline:
    """One deck: from a page of the book (``source``) or written out (``slides``)."""

    id: str
    title: str
    source: str = ""
    chapter: str = ""
    sections: tuple[str, ...] = ()
    skip: tuple[str, ...] = ()
    activities: dict[str, str] = field(default_factory=dict)
    after: dict[str, tuple[WrittenSlide, ...]] = field(default_factory=dict)
    slides: tuple[WrittenSlide, ...] = ()
    kinds: dict[str, str] = field(default_factory=dict)

    def keeps(self, heading: str) -> bool:
        """Whether a ``##`` section of the page becomes slides."""
        if self.sections:
            return heading in self.sections
        return heading not in self.skip


def _slides(data: object, where: str, problems: Problems) -> tuple[WrittenSlide, ...]:
    if not isinstance(data, list) or not data:
        problems.add(data, None, f"{where}: must be a list of slides")
        return ()
    slides = []
    for number, entry in enumerate(data, start=1):
        here = f"{where}, slide {number}"
        if not isinstance(entry, dict):
            problems.add(
                data, number - 1, f"{here}: must be a mapping with title, body, notes and activity"
            )
            continue
        problems.keys(entry, {"title", "body", "notes", "activity"}, here)
        slides.append(
            WrittenSlide(
                problems.text(entry, "title", here, required=True) or "",
                problems.text(entry, "body", here, required=True) or "",
                problems.text(entry, "notes", here) or "",
                problems.text(entry, "activity", here, required=True) or "",
            )
        )
    return tuple(slides)


def _mapping(data: dict, key: str, where: str, problems: Problems) -> dict:
    value = data.get(key) or {}
    if not isinstance(value, dict):
        problems.add(data, key, f"{where}: {key!r} must map section headings to text")
        return {}
    return value


def _read_deck(data: object, kinds: dict[str, str], problems: Problems) -> DeckOutline | None:
    if not isinstance(data, dict):
        problems.add(data, None, "each deck must be a mapping with an id")
        return None
    problems.keys(
        data,
        {"id", "title", "source", "chapter", "sections", "skip", "activities", "after", "slides"},
        "deck",
    )
    ident = problems.text(data, "id", "deck", required=True) or "?"
    where = f"deck {ident}"
    source = problems.text(data, "source", where) or ""
    if bool(source) == ("slides" in data):
        problems.add(
            data, None, f"{where}: give either 'source' (a page of the book) or 'slides', not both"
        )
    activities = {
        str(key): str(value) for key, value in _mapping(data, "activities", where, problems).items()
    }
    after = {
        str(key): _slides(value, f"{where}, after {key!r}", problems)
        for key, value in _mapping(data, "after", where, problems).items()
    }
    return DeckOutline(
        id=ident,
        title=problems.text(data, "title", where) or "",
        source=source,
        chapter=problems.text(data, "chapter", where) or "",
        sections=problems.texts(data, "sections", where, kind="section headings"),
        skip=problems.texts(data, "skip", where, kind="section headings"),
        activities=activities,
        after=after,
        slides=_slides(data["slides"], where, problems) if "slides" in data else (),
        kinds=kinds,
    )


def _kinds(data: dict, problems: Problems) -> dict[str, str]:
    """The activity of each kind of slide every page deck has (``kinds:``)."""
    kinds = data.get("kinds") or {}
    if not isinstance(kinds, dict):
        problems.add(data, "kinds", "'kinds' must map slide kinds to their activity")
        kinds = {}
    for kind in SLIDE_KINDS:
        if not isinstance(kinds.get(kind), str):
            problems.add(kinds, None, f"kinds: missing the activity of the {kind!r} slides")
    return {str(key): str(value) for key, value in kinds.items()}


def _read_outlines(data: object, problems: Problems) -> dict[str, DeckOutline]:
    entries = problems.listed(data, "decks", "deck")
    kinds = _kinds(data, problems)  # type: ignore[arg-type]  # listed() checked it is a mapping
    return problems.by_id(entries, "deck", lambda entry: _read_deck(entry, kinds, problems))


def load_outlines(
    path: str | os.PathLike[str], language: str | None = None
) -> dict[str, DeckOutline]:
    """Read and check the decks file: the outline of every deck, by id.

    ``language`` (a Sphinx language such as ``"zh_TW"``; default English)
    lays the translation ``locales/<lang>/decks.yml`` over the English texts.

    Raises
    ------
    customer_focus.core.problems.DataFileError
        Listing each problem as ``file:line: what is wrong``, all together
        (a translation's problems at their lines in the translation).
    """
    outlines = load_checked(path, _read_outlines)
    if language_code(language) is None:
        return outlines
    english = Path(path)
    translated = find_translation("", english, language, english.name, DataFileError)
    assert translated is not None  # noqa: S101 - without fallback, a missing file raised
    return _overlay(outlines, load_yaml(english), translated)


_SLIDE_TEXTS = ("title", "body", "notes", "activity")


def _written_slides(
    check: Translation, given: Any, english: tuple[WrittenSlide, ...], raw: list, where: str
) -> tuple[WrittenSlide, ...]:
    """The written slides ``english`` with the texts of the list ``given``, slide by slide."""
    said = check.by_position(
        given, raw, _SLIDE_TEXTS,
        f"{where}: must be a list of {len(english)} slides, one per slide of the English "
        f"({check.english}:{line_of(raw)})",
        lambda number: f"{where}, slide {number}",
    )
    if said is None:
        return english
    return tuple(slide if texts is None else replace(slide, **texts)
                 for slide, texts in zip(english, said, strict=True))


def _headed(check: Translation, given: Any, raw: Any, where: str) -> dict[str, Any]:
    """The entries of ``given`` by the English section headings of ``raw``."""
    english = [(str(key), line_of(raw, key)) for key in raw] if isinstance(raw, Mapping) else []
    return check.by_key(given, english, where, "section")


def _deck_overlay(check: Translation, outline: DeckOutline, given: Mapping, raw: LinedDict
                  ) -> DeckOutline:
    where = f"deck {outline.id}"
    keys = [key for key in ("title", "activities", "after", "slides") if key in raw]
    check.same_keys(given, ["id", *keys], where)
    changes: dict[str, Any] = {}
    if "title" in raw and "title" in given:
        changes["title"] = check.phrase(given, "title", where)
    if "activities" in raw and "activities" in given:
        texts = _headed(check, given["activities"], raw["activities"], f"{where}, activities")
        changes["activities"] = {
            heading: check.phrase(texts, heading, f"{where}, activities")
            if heading in texts else text
            for heading, text in outline.activities.items()
        }
    if "after" in raw and "after" in given:
        lists = _headed(check, given["after"], raw["after"], f"{where}, after")
        changes["after"] = {
            heading: _written_slides(check, lists[heading], slides, raw["after"][heading],
                                     f"{where}, after {heading!r}")
            if heading in lists else slides
            for heading, slides in outline.after.items()
        }
    if "slides" in raw and "slides" in given:
        changes["slides"] = _written_slides(check, given["slides"], outline.slides,
                                            raw["slides"], where)
    return replace(outline, **changes)


def _overlay(outlines: dict[str, DeckOutline], raw: Any, path: Path) -> dict[str, DeckOutline]:
    """The outlines with the texts of the translation at ``path``, checked against ``raw``."""
    check = Translation(shown(path), "book/instructors/decks.yml")
    data = check.read(path, "kinds", "decks", DataFileError)
    kinds_given = data["kinds"]
    kinds = dict(outlines[next(iter(outlines))].kinds) if outlines else {}
    if check.same_keys(kinds_given, list(kinds), "kinds"):
        kinds = {kind: check.phrase(kinds_given, kind, "kinds") or text
                 for kind, text in kinds.items()}
    english = {str(entry.get("id")): entry for entry in raw["decks"]}
    found = check.by_id(data["decks"], [(ident, line_of(english[ident])) for ident in outlines],
                        "decks", "deck")
    translated = {}
    for ident, outline in outlines.items():
        outline = replace(outline, kinds=kinds)
        if ident in found:
            outline = _deck_overlay(check, outline, found[ident], english[ident])
        translated[ident] = outline
    check.raise_if_any()
    return translated
