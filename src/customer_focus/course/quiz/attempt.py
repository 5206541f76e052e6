"""Attempts: the order options are shown in, and the items an exam attempt draws.

The book (``static/quiz.js``) follows the same rules with its own random
numbers, so a notebook and the book need not show the same order or draw:

* options are shuffled per attempt; an option marked ``fixed`` (and both
  options of a true/false question) stays at its authored place;
* an exam attempt draws ``size`` items (capped at what the pool holds): at
  least ``min_per_chapter`` from each chapter, the rest at random from
  every chapter, then shown in random order.
"""

from __future__ import annotations

import random
from collections.abc import Iterable, Sequence

from .bank import Draw, Question, draw_problems

__all__ = ["option_order", "draw_items", "new_seed"]

_DIGITS = "0123456789abcdefghijklmnopqrstuvwxyz"


def new_seed(rng: random.Random | None = None) -> str:
    """A fresh attempt seed: six base-36 characters.

    Examples
    --------
    >>> len(new_seed(random.Random(1)))
    6
    """
    source = rng or random.SystemRandom()
    return "".join(source.choice(_DIGITS) for _ in range(6))


def option_order(question: Question, seed: str) -> list[str]:
    """The ids of a question's options in the order an attempt shows them.

    Parameters
    ----------
    question : Question
    seed : str
        The attempt's seed; the same seed gives the same order.

    Returns
    -------
    list of str
        Option ids; fixed options keep their authored positions.

    Examples
    --------
    >>> from customer_focus.course.quiz.bank import Option
    >>> ids = ("a", "b", "c", "none")
    >>> options = tuple(Option(t, t == "b", "", t, fixed=(t == "none")) for t in ids)
    >>> question = Question("q", "single", "", "", (), (), options=options)
    >>> order = option_order(question, "abc123")
    >>> order[-1], sorted(order)
    ('none', ['a', 'b', 'c', 'none'])
    >>> order == option_order(question, "abc123")
    True
    """
    ids = [option.id for option in question.options]
    free = [index for index, option in enumerate(question.options) if not option.fixed]
    moved = [ids[index] for index in free]
    random.Random(f"{seed}/{question.id}").shuffle(moved)
    for index, identifier in zip(free, moved, strict=True):
        ids[index] = identifier
    return ids


def draw_items(
    questions: Sequence[Question],
    draw: Draw,
    rng: random.Random,
    chapters: Iterable[str] | None = None,
) -> list[Question]:
    """Draw one exam attempt's items: stratified by chapter, then shuffled.

    Parameters
    ----------
    questions : sequence of Question
        The pool.
    draw : Draw
        ``size`` (capped at the items available) and ``min_per_chapter``.
    rng : random.Random
    chapters : iterable of str, optional
        Draw only from these chapters (a restricted check); default: every
        chapter of the pool.

    Returns
    -------
    list of Question

    Raises
    ------
    ValueError
        When the draw cannot be made (a chapter with too few items).

    Examples
    --------
    >>> pool = [Question(f"q{i}", "numeric", "", "", (), (), chapter="ab"[i % 2]) for i in range(6)]
    >>> items = draw_items(pool, Draw(size=4, min_per_chapter=2), random.Random(7))
    >>> sorted(q.chapter for q in items)
    ['a', 'a', 'b', 'b']
    >>> every_b = Draw(size=16, min_per_chapter=1)
    >>> only_b = draw_items(pool, every_b, random.Random(7), chapters=["b"])
    >>> [q.chapter for q in only_b]
    ['b', 'b', 'b']
    """
    wanted = None if chapters is None else list(dict.fromkeys(chapters))
    pool = [question for question in questions if wanted is None or question.chapter in wanted]
    problems = draw_problems(pool, draw, wanted)
    if problems:
        raise ValueError("; ".join(problems))
    groups = (
        wanted if wanted is not None else list(dict.fromkeys(question.chapter for question in pool))
    )
    chosen: list[Question] = []
    for chapter in groups:
        items = [question for question in pool if question.chapter == chapter]
        chosen += rng.sample(items, draw.min_per_chapter)
    rest = [question for question in pool if question not in chosen]
    chosen += rng.sample(rest, min(draw.size, len(pool)) - len(chosen))
    rng.shuffle(chosen)
    return chosen
