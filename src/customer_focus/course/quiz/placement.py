"""Placements: a bank as a page shows it, whole or restricted to some chapters.

A ``{quiz}`` directive places a bank; with ``:chapters:`` it places only the
questions of those course-map chapters (an exam bank then draws only from
them, its size capped at what they hold). Each placement keeps its own
progress in the browser under its :attr:`Placement.key`: the bank's id for a
whole bank, ``<bank id>@<chapter>,<chapter>`` (chapters sorted) for a
restricted one. Only the whole knowledge check reports to an LMS.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Iterable
from dataclasses import dataclass

from .bank import Draw, Question, Quiz, draw_problems

__all__ = ["Placement", "place", "parse_key"]


@dataclass(frozen=True)
class Placement:
    """A bank as placed on a page."""

    quiz: Quiz
    chapters: tuple[str, ...] = ()  # empty: the whole bank

    @property
    def restricted(self) -> bool:
        """Whether only some chapters are placed."""
        return bool(self.chapters)

    @property
    def key(self) -> str:
        """Where the browser keeps this placement's progress.

        Examples
        --------
        >>> from customer_focus.course.quiz.bank import Quiz
        >>> bank = Quiz("knowledge-check", "Check", (), "x.yml")
        >>> Placement(bank, ("lifetime-value", "customers-and-loyalty")).key
        'knowledge-check@customers-and-loyalty,lifetime-value'
        """
        return self.quiz.id + ("@" + ",".join(sorted(self.chapters)) if self.chapters else "")

    @property
    def slug(self) -> str:
        """The key as an HTML id part (``@`` and ``,`` become ``--``)."""
        return re.sub(r"[^a-z0-9-]+", "--", self.key)

    @property
    def questions(self) -> tuple[Question, ...]:
        """The questions placed (all of a practice bank; an exam bank's pool)."""
        if not self.chapters:
            return self.quiz.questions
        return tuple(
            question for question in self.quiz.questions if question.chapter in self.chapters
        )

    @property
    def draw(self) -> Draw | None:
        """An exam placement's draw, its size capped at the items placed."""
        if self.quiz.draw is None:
            return None
        return Draw(min(self.quiz.draw.size, len(self.questions)), self.quiz.draw.min_per_chapter)

    @property
    def total(self) -> int:
        """How many questions an attempt shows."""
        return self.draw.size if self.draw else len(self.questions)

    @property
    def fingerprint(self) -> str:
        """The bank's fingerprint, and the chapters for a restricted placement."""
        if not self.chapters:
            return self.quiz.fingerprint
        return hashlib.sha256(f"{self.quiz.fingerprint}@{self.key}".encode()).hexdigest()[:16]

    def pool_chapters(self) -> list[str]:
        """The chapters an attempt draws from, in order of first appearance in the bank."""
        return list(dict.fromkeys(question.chapter for question in self.questions))


def place(
    quiz: Quiz, chapters: Iterable[str] = (), *, known: Iterable[str] | None = None
) -> Placement:
    """Place a bank, whole or restricted to chapters; refuse what cannot work.

    Parameters
    ----------
    quiz : Quiz
    chapters : iterable of str
        Course-map chapter ids; empty for the whole bank.
    known : iterable of str, optional
        The chapter ids of the course map, to name a typo.

    Raises
    ------
    ValueError
        For an unknown chapter, a chapter with no question in the bank, or
        (exam banks) a chapter with fewer items than the draw's minimum.
    """
    wanted = tuple(dict.fromkeys(chapter.strip() for chapter in chapters if chapter.strip()))
    if known is not None:
        known = list(known)
        for chapter in wanted:
            if chapter not in known:
                raise ValueError(
                    f"unknown chapter {chapter!r}; the course map's chapters are: "
                    f"{', '.join(known)}"
                )
    placement = Placement(quiz, wanted)
    if wanted:
        for chapter in wanted:
            if not any(question.chapter == chapter for question in quiz.questions):
                raise ValueError(f"{quiz.source} has no question in chapter {chapter!r}")
        if quiz.draw is not None:
            problems = draw_problems(placement.questions, placement.draw, wanted)
            if problems:
                raise ValueError(f"{quiz.source}: " + "; ".join(problems))
    return placement


def parse_key(key: str) -> tuple[str, tuple[str, ...]]:
    """The bank id and chapters of a placement key.

    Examples
    --------
    >>> parse_key("knowledge-check@customers-and-loyalty,lifetime-value")
    ('knowledge-check', ('customers-and-loyalty', 'lifetime-value'))
    >>> parse_key("lifetime-value")
    ('lifetime-value', ())
    """
    quiz_id, _, chapters = key.partition("@")
    return quiz_id, tuple(chapter for chapter in chapters.split(",") if chapter)
