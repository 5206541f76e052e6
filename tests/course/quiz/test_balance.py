"""Balance of the keys: whether the longest option or "true" gives the answer away."""

from __future__ import annotations

import pytest

from customer_focus.course import markup
from customer_focus.course.quiz.balance import LIMITS, MIN_ITEMS, measure, visible_length
from customer_focus.course.quiz.bank import Option, Question

from .questions import single

# ---- balance -----------------------------------------------------------------------


def test_visible_length_counts_what_a_reader_sees():
    assert visible_length("<strong>Net</strong> value &gt; cost") == len("Net value > cost")
    html = markup.render_inline("Value $m r / (1 + i - r)$")
    assert visible_length(html) == len("Value m r / (1 + i - r)")


def test_a_tie_for_the_longest_option_does_not_count():
    tied = [single(f"t{n}", ["Same length", "Same lengtH", "short"]) for n in range(MIN_ITEMS)]
    assert measure("x.yml", tied)[0].count == 0
    longest = [
        single(f"l{n}", ["Clearly the longest", "Same lengtH", "short"]) for n in range(MIN_ITEMS)
    ]
    assert measure("x.yml", longest)[0].count == MIN_ITEMS


def test_the_limits_are_judged_only_on_enough_items():
    biased = [single(f"b{n}", ["The longest option", "short"]) for n in range(MIN_ITEMS - 1)]
    assert not measure("x.yml", biased)[0].failed
    half = biased[:2] + [single(f"h{n}", ["short", "The longest option"]) for n in range(2)]
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
