"""Money, percentages, counts and words: one way of writing each, by function or by style name."""

from __future__ import annotations

import numpy as np
import pytest
from hypothesis import given
from hypothesis import strategies as st

from customer_focus.core.formats import (
    MINUS,
    STYLES,
    cents,
    count,
    dollars,
    format_number,
    money,
    number,
    ordinal,
    percent,
    points,
    signed,
    word,
)


@pytest.mark.parametrize(
    ("value", "with_cents", "whole", "as_needed"),
    [
        (0, "$0.00", "$0", "$0"),
        (-0.0, "$0.00", "$0", "$0"),
        (-0.001, "$0.00", "$0", "$0"),
        (1234.5, "$1,234.50", "$1,235", "$1,234.50"),
        (-5, "\u2212$5.00", "\u2212$5", "\u2212$5"),
        (-11176.47, "\u2212$11,176.47", "\u2212$11,176", "\u2212$11,176.47"),
        (266.666, "$266.67", "$267", "$266.67"),
        (108000, "$108,000.00", "$108,000", "$108,000"),
    ],
)
def test_money_puts_the_minus_sign_before_the_dollar_sign(value, with_cents, whole, as_needed):
    assert cents(value) == with_cents
    assert dollars(value) == whole
    assert money(value) == as_needed


def test_dollars_serves_as_a_tick_formatter_and_rounds_to_a_step():
    assert dollars(2500.0, 3) == "$2,500"
    assert dollars(35294.12, step=100) == "$35,300"
    assert dollars(-35294.12, step=1000) == "\u2212$35,000"


def test_halves_round_away_from_zero_after_float_noise():
    assert count(31.5) == "32" and count(-31.5) == "\u221232"
    assert cents(2.675) == "$2.68" and number(1.005, 2) == "1.01"
    assert percent(0.125, 0) == "13%"


def test_percent_number_points_and_signs():
    assert percent(0.8, 1) == "80.0%" and percent(0.25) == "25%" and percent(0.0125) == "1.25%"
    assert number(2400, 0) == "2,400" and number(3.14159, 2) == "3.14" and number(2.5) == "2.5"
    assert points(0.15625, 1) == "15.6" and points(-0.15625) == "\u221216"
    assert signed(0) == "0" and signed(0, 2) == "0.00" and signed(-0.004, 2) == "0.00"
    assert signed(1.25) == "+1.25" and signed(-0.789, 2) == "\u22120.79"
    assert [word(n) for n in (0, 6, 12, 13, 2400)] == ["zero", "six", "twelve", "13", "2,400"]
    assert [ordinal(n) for n in (1, 12, 13, 21, 22, 23, 111, 1001)] == [
        "first", "twelfth", "13th", "21st", "22nd", "23rd", "111th", "1,001st"
    ]


def test_numpy_numbers_are_written_like_python_ones():
    assert cents(np.float64(-5)) == cents(-5) and count(np.int64(2400)) == "2,400"


def test_every_style_is_a_function_of_the_module_with_its_argument():
    assert STYLES["money"] is money and STYLES["count"] is count
    assert STYLES["dollars100"](35294.12) == dollars(35294.12, step=100)
    assert STYLES["decimal3"](0.891139) == number(0.891139, 3) == "0.891"
    assert STYLES["percent1"](0.8) == percent(0.8, 1)
    assert STYLES["signed2"](0.04) == signed(0.04, 2) == "+0.04"
    assert STYLES["points2"](0.15625) == "15.63"


@pytest.mark.parametrize("value", [float("nan"), float("inf"), True, "5", None])
def test_what_is_not_a_finite_number_is_refused_by_name(value):
    with pytest.raises(ValueError, match="cannot write .* as a number"):
        cents(value)
    with pytest.raises(ValueError, match="cannot write .* as a number"):
        format_number(value, "money")


def test_an_unknown_style_lists_the_known_ones():
    with pytest.raises(ValueError, match="unknown number style 'dolars'; use one of: money, cents"):
        format_number(5, "dolars")


@given(st.floats(min_value=-1e10, max_value=1e10))
def test_money_reads_back_to_the_amount(value):
    """To the cent, for amounts up to ten billion dollars (beyond, a float holds no exact cents)."""
    for text in (cents(value), money(value)):
        assert text.count("$") == 1 and "$-" not in text and f"${MINUS}" not in text
        shown = float(text.replace(MINUS, "-").replace("$", "").replace(",", ""))
        assert shown == pytest.approx(value, abs=0.0051)


@given(st.floats(min_value=-1e9, max_value=1e9), st.sampled_from(sorted(STYLES)))
def test_every_style_writes_every_finite_number(value, style):
    text = format_number(value, style)
    assert text and "nan" not in text and "-" not in text
