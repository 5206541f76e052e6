"""The Net Promoter Score's arithmetic: the published definition, properties and bad input."""

from __future__ import annotations

import math

import numpy as np
import pandas as pd
import pytest
from hypothesis import given
from hypothesis import strategies as st

from customer_focus.core.validation import InputError
from customer_focus.tools.feedback import calc

# ---- docs/facts.md section 10: Reichheld (2003), exactly -----------------------------


def test_question_is_reichhelds_word_for_word():
    assert calc.NPS_QUESTION == (
        "How likely is it that you would recommend [company X] to a friend or colleague?"
    )


@pytest.mark.parametrize(
    ("score", "group"),
    [(s, "detractor") for s in range(0, 7)]
    + [(7, "passive"), (8, "passive"), (9, "promoter"), (10, "promoter")],
)
def test_every_score_falls_in_its_published_group(score, group):
    assert calc.nps_group(score) == group


def test_nps_is_percent_promoters_minus_percent_detractors():
    # the Learn chapter's invented example: 120 promoters, 80 passives, 50 detractors
    assert calc.nps_from_counts(120, 80, 50) == pytest.approx(48 - 20)


@pytest.mark.parametrize(
    ("counts", "expected"),
    [
        ((36, 24, 20), 20.0),
        ((38, 24, 18), 25.0),
        ((10, 0, 0), 100.0),
        ((0, 0, 10), -100.0),
        ((0, 7, 0), 0.0),
    ],
)
def test_nps_from_counts_examples_and_both_ends_of_the_range(counts, expected):
    assert calc.nps_from_counts(*counts) == pytest.approx(expected)


def test_net_promoter_score_of_a_list():
    assert calc.net_promoter_score([10, 9, 8, 7, 6, 0, 10, 5, 9, 8]) == pytest.approx(10.0)


def test_net_promoter_score_accepts_arrays_series_and_whole_floats():
    assert calc.net_promoter_score(np.array([10, 0])) == 0.0
    assert calc.net_promoter_score(pd.Series([9.0, 9.0, 7.0])) == pytest.approx(200 / 3)


def test_margin_of_error_uses_the_normal_approximation():
    p, d, n = 0.48, 0.20, 250
    expected = 1.96 * 100 * math.sqrt((p + d - (p - d) ** 2) / n)
    assert calc.nps_margin_of_error(120, 80, 50) == pytest.approx(expected)
    assert calc.nps_margin_of_error(10, 0, 0) == 0.0


# ---- bad input: a ValueError that names the input and the fix ------------------------


@pytest.mark.parametrize(
    ("scores", "message"),
    [
        ([], "scores is empty"),
        ("10 9", "must be a list of answers"),
        (None, "must be a list of answers"),
        ([9, None], r"row 2: empty"),
        ([9, 12], r"row 2: 12"),
        ([9, 8.5], r"row 2: 8.5"),
    ],
)
def test_net_promoter_score_rejects_bad_lists(scores, message):
    with pytest.raises(ValueError, match=message):
        calc.net_promoter_score(scores)


@pytest.mark.parametrize(
    ("counts", "message"),
    [
        ((0, 0, 0), "all 0"),
        ((-1, 2, 3), "promoters must be a whole number of at least 0"),
        ((1, 2.5, 3), "passives must be a whole number"),
        ((1, 2, "3"), "detractors must be a whole number"),
    ],
)
def test_nps_from_counts_rejects_bad_counts(counts, message):
    with pytest.raises(ValueError, match=message):
        calc.nps_from_counts(*counts)


@pytest.mark.parametrize("score", [11, -1, 9.5, "9", None])
def test_nps_group_rejects_what_is_not_an_answer(score):
    with pytest.raises(ValueError, match="score must be a whole number from 0 to 10"):
        calc.nps_group(score)


def test_parse_answers_accepts_spreadsheet_columns_and_commas():
    assert calc.parse_answers("10\n9\r\n 8 ;7, 6", name="recommend", low=0, high=10) == [
        10,
        9,
        8,
        7,
        6,
    ]
    assert calc.parse_answers("  ", name="recommend", low=0, high=10) == []


# ---- properties ----------------------------------------------------------------------


answers = st.lists(st.integers(min_value=0, max_value=10), min_size=1, max_size=300)


@given(answers)
def test_nps_is_within_range_and_matches_the_counts(scores):
    value = calc.net_promoter_score(scores)
    assert -100 <= value <= 100
    groups = [calc.nps_group(s) for s in scores]
    assert value == pytest.approx(
        calc.nps_from_counts(
            groups.count("promoter"), groups.count("passive"), groups.count("detractor")
        )
    )


@given(answers, st.randoms())
def test_nps_does_not_depend_on_the_order_of_answers(scores, random):
    shuffled = list(scores)
    random.shuffle(shuffled)
    assert calc.net_promoter_score(shuffled) == pytest.approx(calc.net_promoter_score(scores))


@given(answers, st.integers(min_value=1, max_value=50))
def test_adding_passives_moves_the_score_toward_zero(scores, passives):
    before = calc.net_promoter_score(scores)
    after = calc.net_promoter_score(scores + [8] * passives)
    assert abs(after) <= abs(before) + 1e-9
    assert after * before >= 0


@given(
    st.lists(
        st.one_of(
            st.floats(allow_nan=True, allow_infinity=True),
            st.integers(-5, 15),
            st.none(),
            st.text(max_size=3),
        ),
        min_size=1,
        max_size=20,
    )
)
def test_any_list_gives_a_valid_score_or_a_value_error(scores):
    try:
        value = calc.net_promoter_score(scores)
    except ValueError:
        return
    assert -100 <= value <= 100


# ---- what the course's spec holds ------------------------------------------------------


def test_the_questions_and_their_scales_come_from_the_spec():
    assert calc.FIELDS["score"].label == calc.NPS_QUESTION
    assert (calc.FIELDS["score"].min, calc.FIELDS["score"].max) == (0, 10)
    assert calc.SATISFACTION_QUESTION == "Overall, how satisfied are you with [company X]?"
    assert (calc.FIELDS["satisfaction"].min, calc.FIELDS["satisfaction"].max) == (1, 5)


def test_every_score_from_0_to_10_is_in_exactly_one_group():
    assert sorted(score for scores in calc.GROUPS.values() for score in scores) == list(range(11))


def test_an_answer_typed_as_text_is_refused_with_its_row_and_the_input_named():
    with pytest.raises(InputError, match=r"row 2: '9'") as caught:
        calc.net_promoter_score([9, "9"])
    assert caught.value.name == "scores"


def test_a_bad_count_names_its_input():
    with pytest.raises(InputError) as caught:
        calc.nps_margin_of_error(3, -1, 2)
    assert caught.value.name == "passives"
