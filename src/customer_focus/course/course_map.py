"""The course map: chapters and learning objectives, from ``book/course-map.yml``.

Chapter pages list their objectives from it, and quiz questions refer to its
objective ids, so there is one place where objectives are written.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

from ..core.yamlfile import load_yaml

__all__ = ["Chapter", "Objective", "CourseMap", "PARTS", "load_course_map"]

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


def load_course_map(path: str | os.PathLike[str]) -> CourseMap:
    """Read and validate the course map.

    Parameters
    ----------
    path : str or path-like
        Usually ``book/course-map.yml``.

    Returns
    -------
    CourseMap

    Raises
    ------
    ValueError
        On a missing field, a duplicate id, an unknown ``part``, or an
        objective whose chapter is not in the map; the message names the file
        and the entry.
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
    return CourseMap(chapters, objectives)
