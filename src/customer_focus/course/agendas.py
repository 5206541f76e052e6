"""The workshop agendas, from ``book/instructors/agendas.yml``.

The facilitator guide renders each agenda with ``{agenda} <id>``: its timed
table and its materials list (what to print, how many per participant) are
both made from the same items, so the times always add up and the materials
always match the activities.

Examples
--------
>>> from customer_focus.core.paths import course_root
>>> agendas = load_agendas(course_root() / "book/instructors/agendas.yml")
>>> short = agendas["90-minute"]
>>> short.length, sum(item.minutes for item in short.items)
(90, 90)
>>> short.starts()[:3]
['9:00', '9:10', '9:30']
>>> [(material.label, material.copies) for material in short.materials()]
[('Printable lifetime value form', 1), ('Action plan', 1)]
"""

from __future__ import annotations

import os
import re
from dataclasses import dataclass
from pathlib import Path

from ..core.problems import Problems
from ..core.yamlfile import load_checked

__all__ = ["Use", "Item", "Agenda", "load_agendas"]

_TIME = re.compile(r"^([01]?\d|2[0-3]):([0-5]\d)$")
_USE_KINDS = ("page", "handout", "deck", "text")


@dataclass(frozen=True)
class Use:
    """What an activity uses: a ``page`` or ``handout`` (a link), a slide ``deck``, or ``text``.

    ``target`` is the page's path (from the agendas file's folder), the deck's id
    or the text; ``label`` the link text; ``copies`` the handout's copies per
    participant; ``slides`` which slides of the deck the activity shows.
    """

    kind: str
    target: str
    label: str = ""
    copies: int = 0
    slides: str = ""


@dataclass(frozen=True)
class Item:
    """One line of an agenda: its minutes, the activity (Markdown) and what it uses."""

    minutes: int
    activity: str
    uses: tuple[Use, ...] = ()
    is_break: bool = False


@dataclass(frozen=True)
class Material:
    """A handout to print: its page, link text, copies per participant and the times it is used."""

    page: str
    label: str
    copies: int
    used_at: tuple[str, ...]


@dataclass(frozen=True)
class Agenda:
    """A workshop: its timed items, the chapters it teaches and the check it closes with."""

    id: str
    title: str
    start: str
    length: int
    chapters: tuple[str, ...]
    check: str
    bring: str
    items: tuple[Item, ...]

    def starts(self) -> list[str]:
        """The clock time each item starts, then the end time."""
        hours, minutes = (int(part) for part in self.start.split(":"))
        now = hours * 60 + minutes
        times = []
        for item in (*self.items, None):
            times.append(f"{now // 60}:{now % 60:02d}")
            if item is not None:
                now += item.minutes
        return times

    def content_minutes(self) -> int:
        """The minutes of the items that are not breaks."""
        return sum(item.minutes for item in self.items if not item.is_break)

    def materials(self) -> list[Material]:
        """Every handout the agenda uses, once, with the most copies any activity asks for."""
        found: dict[str, Material] = {}
        for item, start in zip(self.items, self.starts()[:-1], strict=True):
            for use in item.uses:
                if use.kind != "handout":
                    continue
                known = found.get(use.target)
                if known is None:
                    found[use.target] = Material(use.target, use.label, use.copies, (start,))
                else:
                    found[use.target] = Material(
                        known.page,
                        known.label,
                        max(known.copies, use.copies),
                        (*known.used_at, start),
                    )
        return list(found.values())

    def decks(self) -> list[str]:
        """The slide decks the agenda shows, in the order first used."""
        ids: list[str] = []
        for item in self.items:
            ids += [use.target for use in item.uses if use.kind == "deck" and use.target not in ids]
        return ids


def _read_use(data: object, where: str, folder: Path, problems: Problems) -> Use | None:
    if not isinstance(data, dict):
        problems.add(
            data, None, f"{where}: each use must be a mapping with one of {', '.join(_USE_KINDS)}"
        )
        return None
    kinds = [kind for kind in _USE_KINDS if kind in data]
    if len(kinds) != 1:
        problems.add(data, None, f"{where}: give exactly one of {', '.join(_USE_KINDS)}")
        return None
    kind = kinds[0]
    target = problems.text(data, kind, where, required=True) or ""
    label = problems.text(data, "label", where, required=kind in {"page", "handout"}) or ""
    copies = 0
    if kind == "handout":
        copies = data.get("copies")
        if not isinstance(copies, int) or isinstance(copies, bool) or copies < 1:
            problems.add(
                data,
                "copies",
                f"{where}: 'copies' (per participant) must be a whole number of 1 or more",
            )
            copies = 1
    if kind in {"page", "handout"} and target and not (folder / target).is_file():
        problems.add(
            data,
            kind,
            f"{where}: no page {target!r} next to the agendas (a path like ../apply/forms/x.md)",
        )
    slides = problems.text(data, "slides", where, required=kind == "deck") or ""
    return Use(kind, target, label, copies, slides)


def _read_agenda(data: object, folder: Path, problems: Problems) -> Agenda | None:
    if not isinstance(data, dict):
        problems.add(data, None, "each agenda must be a mapping")
        return None
    ident = problems.text(data, "id", "agenda", required=True) or "?"
    where = f"agenda {ident}"
    start = problems.text(data, "start", where, required=True) or "9:00"
    if not _TIME.match(start):
        problems.add(data, "start", f"{where}: 'start' must be a time like 9:00")
        start = "9:00"
    length = data.get("length")
    if not isinstance(length, int) or isinstance(length, bool) or length <= 0:
        problems.add(data, "length", f"{where}: 'length' must be the session's minutes")
        length = 0
    items = []
    for number, entry in enumerate(data.get("items") or [], start=1):
        here = f"{where}, item {number}"
        if not isinstance(entry, dict):
            problems.add(data.get("items"), number - 1, f"{here}: must be a mapping")
            continue
        minutes = entry.get("minutes")
        if not isinstance(minutes, int) or isinstance(minutes, bool) or minutes <= 0:
            problems.add(entry, "minutes", f"{here}: 'minutes' must be a whole number above 0")
            minutes = 0
        activity = problems.text(entry, "activity", here, required=True) or ""
        uses = [_read_use(use, here, folder, problems) for use in entry.get("use") or []]
        items.append(
            Item(minutes, activity, tuple(use for use in uses if use), bool(entry.get("break")))
        )
    if not items:
        problems.add(data, None, f"{where}: no items")
    total = sum(item.minutes for item in items)
    if length and total != length:
        problems.add(
            data,
            "length",
            f"{where}: the items add up to {total} minutes, not the {length} of 'length'; "
            "change an item's minutes or the length",
        )
    chapters = data.get("chapters")
    if not isinstance(chapters, list) or not chapters:
        problems.add(
            data, "chapters", f"{where}: 'chapters' must list the course-map chapters it teaches"
        )
        chapters = []
    check = problems.text(data, "check", where, required=True) or ""
    if check and not (folder / check).is_file():
        problems.add(data, "check", f"{where}: no page {check!r} for the workshop check")
    return Agenda(
        ident,
        problems.text(data, "title", where, required=True) or ident,
        start,
        length,
        tuple(str(chapter) for chapter in chapters),
        check,
        problems.text(data, "bring", where) or "",
        tuple(items),
    )


def load_agendas(path: str | os.PathLike[str]) -> dict[str, Agenda]:
    """The workshops of the agendas file, by id, each checked against the pages it names.

    Raises
    ------
    customer_focus.core.problems.DataFileError
        Listing each problem as ``file:line: what is wrong``, all together.
    """
    folder = Path(path).parent

    def read(data: object, problems: Problems) -> dict[str, Agenda]:
        return problems.by_id(
            problems.listed(data, "agendas", "agenda"),
            "agenda",
            lambda entry: _read_agenda(entry, folder, problems),
        )

    return load_checked(path, read)
