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
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field

from ..core.problems import Problems
from ..core.yamlfile import load_checked

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


def load_outlines(path: str | os.PathLike[str]) -> dict[str, DeckOutline]:
    """Read and check the decks file: the outline of every deck, by id.

    Raises
    ------
    customer_focus.core.problems.DataFileError
        Listing each problem as ``file:line: what is wrong``, all together.
    """
    return load_checked(path, _read_outlines)
