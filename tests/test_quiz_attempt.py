"""Attempts, placements and balance: shuffles keeping fixed options, stratified draws, restricted
checks, key balance."""

from __future__ import annotations

import doctest
import random
from collections import Counter

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from customer_focus.course_map import load_course_map
from customer_focus.quiz import attempt, balance, bank, grading, markup, placement
from customer_focus.quiz.attempt import draw_items, option_order
from customer_focus.quiz.balance import LIMITS, MIN_ITEMS, measure, visible_length
from customer_focus.quiz.bank import Draw, Option, Question, Quiz, load_bank
from customer_focus.quiz.placement import Placement, parse_key, place

FIXTURE = "tests/fixtures/exam-course"


@pytest.mark.parametrize("module", [attempt, balance, bank, grading, markup, placement])
def test_docstring_examples_run(module):
    result = doctest.testmod(module)
    assert result.failed == 0 and result.attempted > 0


@pytest.fixture(scope="module")
def pool(root):
    course = load_course_map(root / FIXTURE / "book/course-map.yml")
    return load_bank(
        root / FIXTURE / "book/quizzes/knowledge-check.yml", objectives=course.objectives
    )


def _single(qid, texts, correct=0, fixed=()):
    options = tuple(
        Option(text, index == correct, "", f"o{index}", index in fixed)
        for index, text in enumerate(texts)
    )
    return Question(qid, "single", "", "", (), (), options=options)


# ---- option order ------------------------------------------------------------------


def test_the_same_seed_gives_the_same_order_and_fixed_options_stay_put():
    question = _single("q", ["a", "b", "c", "d", "None of these"], fixed={4})
    orders = {tuple(option_order(question, f"seed{n}")) for n in range(200)}
    assert all(order[4] == "o4" for order in orders)
    assert all(sorted(order) == ["o0", "o1", "o2", "o3", "o4"] for order in orders)
    assert len(orders) == 24  # every order of the four free options appears
    assert option_order(question, "abc") == option_order(question, "abc")


def test_true_false_is_never_shuffled(pool):
    question = next(q for q in pool.questions if q.type == "true-false")
    assert {tuple(option_order(question, f"s{n}")) for n in range(50)} == {("true", "false")}


# ---- draws -------------------------------------------------------------------------


@settings(max_examples=150, deadline=None)
@given(seed=st.integers(min_value=0, max_value=2**32))
def test_every_draw_is_stratified(pool, seed):
    items = draw_items(pool.questions, pool.draw, random.Random(seed))
    assert len(items) == 16 and len({q.id for q in items}) == 16
    counts = Counter(q.chapter for q in items)
    assert set(counts) == set(pool.chapters()) and min(counts.values()) >= 2


def test_draws_differ_between_attempts_and_cover_the_pool(pool):
    rng = random.Random(11)
    sets = [frozenset(q.id for q in draw_items(pool.questions, pool.draw, rng)) for _ in range(40)]
    assert len(set(sets)) == 40
    assert frozenset().union(*sets) == {q.id for q in pool.questions}


@settings(max_examples=60, deadline=None)
@given(seed=st.integers(min_value=0, max_value=2**32))
def test_a_restricted_draw_uses_only_its_chapters_and_is_capped(pool, seed):
    chapters = ["customers-and-loyalty", "lifetime-value"]
    items = draw_items(pool.questions, pool.draw, random.Random(seed), chapters)
    assert len(items) == 10  # 16 asked, 5 + 5 available
    assert Counter(q.chapter for q in items) == {"customers-and-loyalty": 5, "lifetime-value": 5}


def test_a_draw_that_cannot_be_made_says_why(pool):
    with pytest.raises(ValueError, match="a draw of 16 cannot hold 3 from each of 7 chapters"):
        draw_items(pool.questions, Draw(16, 3), random.Random(1))


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


# ---- balance -----------------------------------------------------------------------


def test_visible_length_counts_what_a_reader_sees():
    assert visible_length("<strong>Net</strong> value &gt; cost") == len("Net value > cost")
    html = markup.render_inline("Value $m r / (1 + i - r)$")
    assert visible_length(html) == len("Value m r / (1 + i - r)")


def test_a_tie_for_the_longest_option_does_not_count():
    tied = [_single(f"t{n}", ["Same length", "Same lengtH", "short"]) for n in range(MIN_ITEMS)]
    assert measure("x.yml", tied)[0].count == 0
    longest = [
        _single(f"l{n}", ["Clearly the longest", "Same lengtH", "short"]) for n in range(MIN_ITEMS)
    ]
    assert measure("x.yml", longest)[0].count == MIN_ITEMS


def test_the_limits_are_judged_only_on_enough_items():
    biased = [_single(f"b{n}", ["The longest option", "short"]) for n in range(MIN_ITEMS - 1)]
    assert not measure("x.yml", biased)[0].failed
    half = biased[:2] + [_single(f"h{n}", ["short", "The longest option"]) for n in range(2)]
    result = measure("x.yml", half)[0]
    assert (result.count, result.total, result.failed) == (
        2,
        4,
        False,
    )  # 50% is at the limit, not past it
    assert measure("x.yml", half, "course")[0].failed  # 50% is past the course's 40%


def _true_false(qid, answer):
    return Question(
        qid,
        "true-false",
        "",
        "",
        (),
        (),
        options=(
            Option("True", answer, "", "true", True),
            Option("False", not answer, "", "false", True),
        ),
    )


@pytest.mark.parametrize(
    ("trues", "falses", "failed"),
    [
        (0, 4, True),
        (1, 3, True),
        (2, 2, False),
        (3, 7, False),
        (3, 1, True),
        (7, 3, False),
        (8, 2, True),
    ],
)
def test_true_share_must_stay_in_its_range(trues, falses, failed):
    items = [_true_false(f"t{n}", True) for n in range(trues)] + [
        _true_false(f"f{n}", False) for n in range(falses)
    ]
    result = measure("x.yml", items)[2]
    assert result.failed is failed
    assert result.message == (
        f"x.yml: {trues} of {trues + falses} true/false answers are true "
        f"({round(100 * trues / (trues + falses))}%; allowed 30% to 70%)"
    )


def test_multiple_select_keys_count_when_every_key_is_longer_than_every_distractor():
    def multiple(qid, texts, correct):
        options = tuple(
            Option(text, index in correct, "", f"o{index}") for index, text in enumerate(texts)
        )
        return Question(qid, "multiple", "", "", (), (), options=options)

    give_away = multiple(
        "m1", ["A long right answer", "Another long right one", "No", "Nope"], {0, 1}
    )
    hidden = multiple("m2", ["A long right answer", "Yes", "A long wrong answer!", "No"], {0, 1})
    results = measure("x.yml", [give_away, hidden])
    assert (results[1].count, results[1].total) == (1, 2)


def test_limits_live_in_one_place():
    assert LIMITS["bank"].longest == 0.5 and LIMITS["course"].longest == 0.4
    assert (LIMITS["bank"].true_low, LIMITS["bank"].true_high) == (0.3, 0.7)
    assert (LIMITS["course"].true_low, LIMITS["course"].true_high) == (0.4, 0.6)


def test_placement_of_a_practice_bank_restricted_to_a_chapter(root):
    course = load_course_map(root / "book/course-map.yml")
    quiz = load_bank(root / "book/quizzes/knowledge-check.yml", objectives=course.objectives)
    part = Placement(quiz, ("lifetime-value",))
    assert part.questions and all(q.chapter == "lifetime-value" for q in part.questions)
    if quiz.draw is None:
        assert part.total == len(part.questions)
