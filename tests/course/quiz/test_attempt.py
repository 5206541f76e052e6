"""Attempts: shuffles keeping fixed options, stratified draws."""

from __future__ import annotations

import doctest
import random
from collections import Counter

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from customer_focus.course import markup
from customer_focus.course.quiz import attempt, balance, bank, grading, placement
from customer_focus.course.quiz.attempt import draw_items, option_order
from customer_focus.course.quiz.bank import Draw

from .questions import single


@pytest.mark.parametrize("module", [attempt, balance, bank, grading, markup, placement])
def test_docstring_examples_run(module):
    result = doctest.testmod(module)
    assert result.failed == 0 and result.attempted > 0


# ---- option order ------------------------------------------------------------------


def test_the_same_seed_gives_the_same_order_and_fixed_options_stay_put():
    question = single("q", ["a", "b", "c", "d", "None of these"], fixed={4})
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
