"""The value equation's arithmetic: the equation as published, the levers, the scales, bad
input and properties."""

from __future__ import annotations

import math

import pytest
from hypothesis import given
from hypothesis import strategies as st

from customer_focus.core.validation import InputError
from customer_focus.tools.value_equation import calc

# ---- docs/facts.md section 2: the equation as published ------------------------------------


def test_index_is_results_plus_process_over_price_plus_access_costs():
    assert calc.value_index(7, 5, 6, 7) == pytest.approx((7 + 5) / (6 + 7))
    assert calc.value_index(7, 7, 120, 60, costs="money") == pytest.approx(14 / 180)


def test_the_equation_is_quoted_exactly_with_its_source_and_caution():
    text = calc.__doc__
    assert "Value = (Results produced for the customer + Process quality)" in text
    assert "/ (Price to the customer + Costs of acquiring the service)" in text
    assert "Heskett, Sasser & Schlesinger (1997)" in text
    assert "not a measured ratio" in text and "units do" in text and "not cancel" in text
    assert "raise the numerator or lower the" in text
    assert "not the firm's cost of winning a" in text


def test_the_index_is_called_a_ranking_aid():
    assert "ranking aid" in calc.value_index.__doc__
    assert "not a measurement" in calc.value_index.__doc__


# ---- the levers and the scales -------------------------------------------------------------


@pytest.mark.parametrize(
    ("up", "down", "key"),
    [
        (1, -1, "both"), (1, 0, "numerator"), (0, -1, "denominator"), (1, 1, "more_for_more"),
        (-1, -1, "less_for_less"), (-1, 1, "worse"), (-1, 0, "less_benefit"), (0, 1, "more_cost"),
        (0, 0, "same"),
    ],
)
def test_lever_names_every_kind_of_change(up, down, key):
    assert calc.lever(up, down) == calc.LEVERS[key]


def test_lever_of_the_baseline_says_so():
    assert calc.lever(5, -5, baseline=True) == calc.LEVERS["baseline"]


def test_scale_description_names_the_scales():
    assert calc.scale_description("score", 5) == (
        "all four terms scored 1-5; higher cost scores = costlier"
    )
    assert calc.scale_description("money") == (
        "results and process quality scored 1-10; price and other costs in money"
    )


def test_the_scales_are_the_spec_s_choices():
    assert list(calc.COST_SCALES) == ["score", "money"]
    assert calc.COST_SCALES["money"] == "Money (same unit for every row)"


# ---- bad input: a ValueError that names the input and how to fix it ---------------------


def test_score_above_the_scale_says_to_use_money_for_every_row():
    with pytest.raises(
        ValueError,
        match=r"price must be a score from 1 to 10 .*you gave 120.*costs='money'.*all rows",
    ):
        calc.value_index(7, 5, 120, 7)


def test_score_of_zero_says_scores_start_at_one():
    with pytest.raises(
        ValueError, match=r"results must be a score from 1 to 10.*you gave 0.*Scores start at 1"
    ):
        calc.value_index(0, 5, 6, 7)


@pytest.mark.parametrize("value", ["7", None, float("nan"), float("inf"), True])
def test_score_that_is_not_a_number_is_rejected(value):
    with pytest.raises(ValueError, match="process_quality must be a"):
        calc.value_index(7, value, 6, 7)


def test_negative_money_cost_is_rejected():
    with pytest.raises(ValueError, match=r"access_costs must be 0 or more .*you gave -5"):
        calc.value_index(7, 5, 100, -5, costs="money")


def test_zero_money_denominator_is_rejected():
    with pytest.raises(ValueError, match="price \\+ access_costs is 0"):
        calc.value_index(7, 5, 0, 0, costs="money")


def test_unknown_cost_scale_lists_the_choices():
    with pytest.raises(
        ValueError, match=r"costs must be 'score' .* or 'money' .*you gave 'dollars'"
    ):
        calc.value_index(7, 5, 6, 7, costs="dollars")


@pytest.mark.parametrize("top", [1, 101, 7.5, "10"])
def test_bad_top_score_is_rejected(top):
    with pytest.raises(ValueError, match="top_score must be a whole number from 2 to 100"):
        calc.value_index(1, 1, 1, 1, top_score=top)


def test_every_error_names_its_input():
    with pytest.raises(InputError) as caught:
        calc.value_index(7, 5, 6, 70)
    assert caught.value.name == "access_costs"


# ---- properties -------------------------------------------------------------------------

scores = st.floats(min_value=1, max_value=10)
money = st.floats(min_value=0.01, max_value=1e6)


@given(scores, scores, scores, scores, st.floats(min_value=0, max_value=9))
def test_raising_the_numerator_raises_the_index(r, p, c1, c2, more):
    higher = min(r + more, 10)
    assert calc.value_index(higher, p, c1, c2) >= calc.value_index(r, p, c1, c2)


@given(scores, scores, scores, scores, st.floats(min_value=0, max_value=9))
def test_lowering_the_denominator_raises_the_index(r, p, c1, c2, less):
    lower = max(c2 - less, 1)
    assert calc.value_index(r, p, c1, lower) >= calc.value_index(r, p, c1, c2)


@given(scores, scores, money, money)
def test_index_is_positive_and_finite(r, p, c1, c2):
    value = calc.value_index(r, p, c1, c2, costs="money")
    assert value > 0 and math.isfinite(value)


@given(
    st.one_of(st.floats(allow_nan=True, allow_infinity=True), st.integers(), st.text(), st.none()),
    st.one_of(st.floats(allow_nan=True, allow_infinity=True), st.text(), st.none()),
)
def test_any_input_gives_a_finite_index_or_a_value_error(results, price):
    try:
        value = calc.value_index(results, 5, price, 5)
    except ValueError:
        return
    assert math.isfinite(value)
