"""Placements: a bank placed whole or restricted to chapters (a workshop check)."""

from __future__ import annotations

from collections import Counter

import pytest

from customer_focus.course.course_map import load_course_map
from customer_focus.course.quiz.bank import Draw, Quiz, load_bank
from customer_focus.course.quiz.placement import Placement, parse_key, place

# ---- placements --------------------------------------------------------------------


def test_a_whole_bank_placement_is_the_bank(pool):
    whole = place(pool)
    assert (whole.key, whole.slug, whole.restricted) == (
        "knowledge-check",
        "knowledge-check",
        False,
    )
    assert whole.questions == pool.questions and whole.fingerprint == pool.fingerprint
    assert whole.draw == Draw(16, 2) and whole.total == 16


def test_a_restricted_placement_keeps_its_chapters_questions_and_caps_its_draw(pool):
    part = place(
        pool,
        ["lifetime-value", "customers-and-loyalty"],
        known=["lifetime-value", "customers-and-loyalty", "apply"],
    )
    assert part.key == "knowledge-check@customers-and-loyalty,lifetime-value"
    assert part.slug == "knowledge-check--customers-and-loyalty--lifetime-value"
    assert {q.chapter for q in part.questions} == {"customers-and-loyalty", "lifetime-value"}
    assert part.draw == Draw(10, 2) and part.total == 10
    assert part.fingerprint != pool.fingerprint
    assert parse_key(part.key) == ("knowledge-check", ("customers-and-loyalty", "lifetime-value"))


@pytest.mark.parametrize(
    ("chapters", "message"),
    [
        (
            ["lifetime-valu"],
            "unknown chapter 'lifetime-valu'; the course map's chapters are: lifetime-value, apply",
        )
    ],
)
def test_a_restricted_placement_names_an_unknown_chapter(pool, chapters, message):
    with pytest.raises(ValueError, match=message):
        place(pool, chapters, known=["lifetime-value", "apply"])


def test_a_restricted_placement_needs_enough_items_per_chapter(pool):
    small = Quiz(
        pool.id, pool.title, pool.questions[:6], pool.source, draw=Draw(16, 2), mode="exam"
    )
    assert Counter(q.chapter for q in small.questions) == {
        "customers-and-loyalty": 5,
        "targeting-customers": 1,
    }
    with pytest.raises(
        ValueError, match="chapter 'targeting-customers' has 1 item; the draw needs at least 2"
    ):
        place(small, ["targeting-customers"])
    with pytest.raises(ValueError, match="has no question in chapter 'apply'"):
        place(small, ["apply"])


def test_placement_of_a_practice_bank_restricted_to_a_chapter(root):
    course = load_course_map(root / "book/course-map.yml")
    quiz = load_bank(root / "book/quizzes/knowledge-check.yml", objectives=course.objectives)
    part = Placement(quiz, ("lifetime-value",))
    assert part.questions and all(q.chapter == "lifetime-value" for q in part.questions)
    if quiz.draw is None:
        assert part.total == len(part.questions)
