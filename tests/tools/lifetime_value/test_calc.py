"""The lifetime value arithmetic: the published numbers, properties, and bad input."""

from __future__ import annotations

import math

import pytest
from hypothesis import assume, given
from hypothesis import strategies as st

from customer_focus.core.validation import InputError
from customer_focus.tools.lifetime_value import calc

# ---- docs/facts.md section 6: every number reproduced --------------------------------


def test_gupta_lehmann_worked_example_is_266_67():
    assert calc.lifetime_value(100, 0.8, 0.1) == pytest.approx(266.67, abs=0.005)


@pytest.mark.parametrize(("retention", "expected"), [(0.85, 340.0), (0.90, 450.0)])
def test_higher_retention_values_match_facts(retention, expected):
    assert calc.lifetime_value(100, retention, 0.1) == pytest.approx(expected, abs=0.005)


@pytest.mark.parametrize(("timing", "expected"), [("upfront", 366.67), ("end_of_year", 333.33)])
def test_other_timing_conventions_match_facts(timing, expected):
    assert calc.lifetime_value(100, 0.8, 0.1, timing=timing) == pytest.approx(expected, abs=0.005)


def test_ten_year_horizon_is_255_63():
    assert calc.lifetime_value(100, 0.8, 0.1, horizon=10) == pytest.approx(255.63, abs=0.005)


def test_berger_nasr_case_1_is_256_72():
    assert calc.berger_nasr(100, 20, 0.8, 0.1, 5) == pytest.approx(256.72, abs=0.005)


@pytest.mark.parametrize(("retention", "expected"), [(0.90, 4.09), (0.80, 2.5), (0.75, 2.03)])
def test_margin_multiples_at_twelve_percent(retention, expected):
    assert calc.margin_multiple(retention, 0.12) == pytest.approx(expected, abs=0.005)


def test_schedule_reproduces_the_year_by_year_check():
    rows = calc.schedule(100, 0.8, 0.1, years=10)
    assert list(rows[0]) == [
        "year", "survival", "expected_margin", "discount_factor", "present_value",
        "cumulative_value",
    ]
    assert [row["year"] for row in rows] == list(range(1, 11))
    assert [round(row["present_value"], 2) for row in rows[:3]] == [72.73, 52.89, 38.47]
    assert rows[-1]["cumulative_value"] == pytest.approx(255.63, abs=0.005)


@pytest.mark.parametrize("timing", sorted(calc.TIMINGS))
def test_schedule_total_equals_finite_sum_for_every_timing(timing):
    rows = calc.schedule(100, 0.8, 0.1, timing=timing, years=7)
    assert rows[-1]["cumulative_value"] == pytest.approx(
        calc.lifetime_value(100, 0.8, 0.1, timing=timing, horizon=7)
    )


def test_the_spec_offers_every_timing_and_only_those():
    assert [name for name, _ in calc.FIELDS["timing"].options] == list(calc.TIMINGS)


def test_default_timing_is_gupta_lehmann():
    assert calc.DEFAULT_TIMING == "after_renewal"
    assert "Gupta" in calc.TIMINGS[calc.DEFAULT_TIMING].description


def test_zero_retention_is_worth_nothing_after_renewal():
    assert calc.lifetime_value(100, 0.0, 0.1) == 0.0


def test_breakeven_retention_solves_the_opening_case():
    rate = calc.breakeven_retention(30000, 108000, 0.10, acquisition_cost=20000)
    assert calc.lifetime_value(30000, rate, 0.10) - 20000 == pytest.approx(108000)


# ---- bad input: a ValueError that names the parameter and the range ---------------


def test_clv_rejects_retention_of_one_point_two():
    expected = r"retention must be a decimal from 0 up to \(but not including\) 1.*you gave 1.2"
    with pytest.raises(ValueError, match=expected):
        calc.lifetime_value(100, 1.2, 0.1)


def test_clv_rejects_retention_of_one():
    with pytest.raises(ValueError, match="no customer ever leaves"):
        calc.lifetime_value(100, 1.0, 0.1)


def test_clv_suggests_a_decimal_for_a_percentage():
    with pytest.raises(ValueError, match="If you meant 80%, type 0.8"):
        calc.lifetime_value(100, 80, 0.1)


def test_clv_rejects_negative_discount_rate():
    with pytest.raises(ValueError, match="discount_rate .*you gave -0.05"):
        calc.lifetime_value(100, 0.8, -0.05)


@pytest.mark.parametrize("margin", ["100", None, float("nan"), float("inf"), True])
def test_clv_rejects_margin_that_is_not_a_finite_number(margin):
    with pytest.raises(ValueError, match="margin must be a"):
        calc.lifetime_value(margin, 0.8, 0.1)


@pytest.mark.parametrize("horizon", [0, -3, 2.5, 10.0, "10", True])
def test_clv_rejects_horizon_that_is_not_a_positive_whole_number(horizon):
    with pytest.raises(ValueError, match="horizon must be a whole number"):
        calc.lifetime_value(100, 0.8, 0.1, horizon=horizon)


def test_clv_rejects_unknown_timing_and_lists_the_names():
    names = "timing must be one of 'after_renewal', 'upfront', 'end_of_year'"
    with pytest.raises(ValueError, match=names):
        calc.lifetime_value(100, 0.8, 0.1, timing="beginning")


@pytest.mark.parametrize(
    ("call", "name"),
    [
        (lambda: calc.lifetime_value("100", 0.8, 0.1), "margin"),
        (lambda: calc.lifetime_value(100, 0.8, 1.5), "discount_rate"),
        (lambda: calc.lifetime_value(100, 0.8, 0.1, timing="later"), "timing"),
        (lambda: calc.berger_nasr(100, -5, 0.8, 0.1, 5), "promotion_cost"),
        (lambda: calc.breakeven_retention(100, 10_000, 0.1), "target_value"),
        (lambda: calc.breakeven_retention(-1, 10, 0.1), "margin"),
    ],
)
def test_every_error_names_the_input_a_page_should_mark(call, name):
    with pytest.raises(InputError) as caught:
        call()
    assert caught.value.name == name and str(caught.value).startswith(name)


def test_schedule_rejects_too_many_years():
    with pytest.raises(ValueError, match="years must be a whole number from 1 to 200"):
        calc.schedule(100, 0.8, 0.1, years=500)


def test_berger_nasr_rejects_negative_promotion_cost():
    with pytest.raises(ValueError, match="promotion_cost must be 0 or more"):
        calc.berger_nasr(100, -5, 0.8, 0.1, 5)


def test_breakeven_rejects_an_unreachable_target():
    with pytest.raises(ValueError, match="no retention rate below 1"):
        calc.breakeven_retention(100, 10_000, 0.1)


# ---- properties -----------------------------------------------------------------

margins = st.floats(min_value=0.01, max_value=1e6)
rates = st.floats(min_value=0.0, max_value=0.99)
discounts = st.floats(min_value=0.0, max_value=0.5)
timings = st.sampled_from(sorted(calc.TIMINGS))


@given(margins, rates, rates, discounts, timings)
def test_value_rises_with_retention(margin, r1, r2, discount, timing):
    low, high = sorted((r1, r2))
    assert calc.lifetime_value(margin, low, discount, timing=timing) <= calc.lifetime_value(
        margin, high, discount, timing=timing
    ) * (1 + 1e-12)


@given(margins, margins, rates, discounts, timings)
def test_value_rises_with_margin(m1, m2, retention, discount, timing):
    low, high = sorted((m1, m2))
    assert calc.lifetime_value(low, retention, discount, timing=timing) <= calc.lifetime_value(
        high, retention, discount, timing=timing
    ) * (1 + 1e-12)


@given(margins, rates, discounts, discounts, timings)
def test_value_falls_with_the_discount_rate(margin, retention, d1, d2, timing):
    low, high = sorted((d1, d2))
    assert calc.lifetime_value(margin, retention, high, timing=timing) <= calc.lifetime_value(
        margin, retention, low, timing=timing
    ) * (1 + 1e-12)


@given(
    margins, st.floats(min_value=0.0, max_value=0.95), st.floats(min_value=0.01, max_value=0.5),
    timings,
)
def test_finite_sum_converges_to_the_closed_form(margin, retention, discount, timing):
    closed = calc.lifetime_value(margin, retention, discount, timing=timing)
    finite = calc.lifetime_value(margin, retention, discount, timing=timing, horizon=2000)
    assert finite == pytest.approx(closed, rel=1e-9)
    shorter = calc.lifetime_value(margin, retention, discount, timing=timing, horizon=5)
    assert shorter <= closed * (1 + 1e-12)


@given(margins, rates, discounts, st.integers(min_value=1, max_value=60), timings)
def test_schedule_sums_to_the_finite_horizon_value(margin, retention, discount, years, timing):
    rows = calc.schedule(margin, retention, discount, timing=timing, years=years)
    assert rows[-1]["cumulative_value"] == pytest.approx(
        calc.lifetime_value(margin, retention, discount, timing=timing, horizon=years), rel=1e-9
    )


@given(
    st.floats(allow_nan=True, allow_infinity=True), st.floats(allow_nan=True, allow_infinity=True)
)
def test_bad_rates_always_raise_never_return_nan(retention, discount):
    assume(not (0 <= retention < 1 and 0 <= discount < 1))
    with pytest.raises(ValueError):
        calc.lifetime_value(100, retention, discount)


@given(
    st.one_of(
        st.floats(allow_nan=True, allow_infinity=True), st.integers(), st.text(), st.none()
    ),
    st.one_of(st.floats(allow_nan=True, allow_infinity=True), st.text(), st.none()),
    st.one_of(st.floats(allow_nan=True, allow_infinity=True), st.text(), st.none()),
)
def test_any_input_gives_a_finite_value_or_a_value_error(margin, retention, discount):
    try:
        result = calc.lifetime_value(margin, retention, discount)
    except ValueError:
        return
    assert math.isfinite(result)
