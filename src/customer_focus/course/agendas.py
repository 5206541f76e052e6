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

A translation (``locales/zh_TW/agendas.yml``) holds only the texts a room
meets, keyed as the English: under ``agendas`` each English agenda by id, in
the English order, with its ``bring`` and its ``items``, each item by its id
with its ``activity`` and its ``use`` list, one entry per English use, in the
English order, holding that use's texts (``label``, ``slides``, ``text``).
Times, minutes, pages, copies and decks come from the English file: one source.

>>> chinese = load_agendas(course_root() / "book/instructors/agendas.yml", "zh_TW")
>>> chinese["90-minute"].starts() == short.starts()
True
>>> chinese["90-minute"].items[0].uses[0].label
'開場案例'
"""

from __future__ import annotations

import os
import re
from collections.abc import Mapping
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

from ..core.languages import language_code
from ..core.problems import DataFileError, LinedDict, Problems, line_of
from ..core.yamlfile import load_checked, load_yaml
from .translation import Translation, find_translation, shown

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
    """One line of an agenda: its id, minutes, the activity (Markdown) and what it uses."""

    id: str
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
    items: list[Item] = []
    for number, entry in enumerate(data.get("items") or [], start=1):
        here = f"{where}, item {number}"
        if not isinstance(entry, dict):
            problems.add(data.get("items"), number - 1, f"{here}: must be a mapping")
            continue
        item_id = problems.text(entry, "id", here, required=True) or f"?{number}"
        if item_id in [item.id for item in items]:
            problems.add(entry, "id", f"{here}: the id {item_id!r} is used twice in the agenda; "
                         "give each item its own")
        minutes = entry.get("minutes")
        if not isinstance(minutes, int) or isinstance(minutes, bool) or minutes <= 0:
            problems.add(entry, "minutes", f"{here}: 'minutes' must be a whole number above 0")
            minutes = 0
        activity = problems.text(entry, "activity", here, required=True) or ""
        uses = [_read_use(use, here, folder, problems) for use in entry.get("use") or []]
        items.append(
            Item(item_id, minutes, activity, tuple(use for use in uses if use),
                 bool(entry.get("break")))
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


def load_agendas(
    path: str | os.PathLike[str], language: str | None = None
) -> dict[str, Agenda]:
    """The workshops of the agendas file, by id, each checked against the pages it names.

    ``language`` (a Sphinx language such as ``"zh_TW"``; default English) lays
    the translation ``locales/<lang>/agendas.yml`` over the English texts.

    Raises
    ------
    customer_focus.core.problems.DataFileError
        Listing each problem as ``file:line: what is wrong``, all together
        (a translation's problems at their lines in the translation).
    """
    folder = Path(path).parent

    def read(data: object, problems: Problems) -> dict[str, Agenda]:
        return problems.by_id(
            problems.listed(data, "agendas", "agenda"),
            "agenda",
            lambda entry: _read_agenda(entry, folder, problems),
        )

    agendas = load_checked(path, read)
    if language_code(language) is None:
        return agendas
    english = Path(path)
    translated = find_translation("", english, language, english.name, DataFileError)
    assert translated is not None  # noqa: S101 - without fallback, a missing file raised
    return _overlay(agendas, load_yaml(english), translated)


#: The texts a use may have, as the English file names them (``text`` is a text use's target).
_USE_TEXTS = ("label", "slides", "text")
_CASE_ROLE = re.compile(r"\{case\}`[^`]+`")


def _uses_overlay(check: Translation, uses: tuple[Use, ...], given: Any, raw: list, where: str
                  ) -> tuple[Use, ...]:
    """The English ``uses`` with the texts of the list ``given``, use by use."""
    said = check.by_position(
        given, raw, _USE_TEXTS,
        f"{where}, use: must be a list of {len(uses)} uses, one per use of the English "
        f"({check.english}:{line_of(raw)}), in its order",
        lambda number: f"{where}, use {number}",
    )
    if said is None:
        return uses
    return tuple(use if texts is None else replace(
        use,
        label=texts.get("label") or use.label,
        slides=texts.get("slides") or use.slides,
        target=(texts.get("text") or use.target) if use.kind == "text" else use.target,
    ) for use, texts in zip(uses, said, strict=True))


def _item_overlay(check: Translation, item: Item, given: Mapping, raw: Mapping, where: str
                  ) -> Item:
    keys = ["id", "activity", *(["use"] if "use" in raw else [])]
    check.same_keys(given, keys, where)
    activity = check.phrase(given, "activity", where) if "activity" in given else ""
    roles = sorted(_CASE_ROLE.findall(item.activity))
    if activity and sorted(_CASE_ROLE.findall(activity)) != roles:
        check.add(given, "activity", f"{where}: 'activity' must keep the English's case figures "
                  f"({', '.join(roles) or 'none'}), each once")
    uses = item.uses
    if "use" in raw and "use" in given:
        uses = _uses_overlay(check, item.uses, given["use"], raw["use"], where)
    return replace(item, activity=activity or item.activity, uses=uses)


def _agenda_overlay(check: Translation, agenda: Agenda, given: Mapping, raw: LinedDict
                    ) -> Agenda:
    where = f"agenda {agenda.id}"
    check.same_keys(given, ["id", *(["bring"] if "bring" in raw else []), "items"], where)
    bring = agenda.bring
    if "bring" in raw and "bring" in given:
        bring = check.phrase(given, "bring", where) or agenda.bring
    if "items" not in given:
        return replace(agenda, bring=bring)
    sources = raw["items"]
    english = [(item.id, line_of(sources, index)) for index, item in enumerate(agenda.items)]
    found = check.by_id(given["items"], english, f"{where}, items", "item")
    items = [
        _item_overlay(check, item, found[item.id], source, f"{where}, item {item.id!r}")
        if item.id in found else item
        for item, source in zip(agenda.items, sources, strict=True)
    ]
    return replace(agenda, bring=bring, items=tuple(items))


def _overlay(agendas: dict[str, Agenda], raw: Any, path: Path) -> dict[str, Agenda]:
    """The agendas with the texts of the translation at ``path``, checked against ``raw``."""
    check = Translation(shown(path), "book/instructors/agendas.yml")
    data = load_yaml(path, source=check.source)
    if not check.same_keys(data, ("agendas",), "the translation"):
        check.raise_if_any()
    english = {str(entry.get("id")): entry for entry in raw["agendas"]}
    found = check.by_id(data["agendas"], [(ident, line_of(english[ident])) for ident in agendas],
                        "agendas", "agenda")
    translated = {
        ident: _agenda_overlay(check, agenda, found[ident], english[ident])
        if ident in found else agenda
        for ident, agenda in agendas.items()
    }
    check.raise_if_any()
    return translated
