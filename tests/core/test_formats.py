"""Money, percentages and counts: one way of writing each."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from customer_focus.core.formats import money, number, percent, whole_money


@pytest.mark.parametrize(
    ("value", "cents", "whole"),
    [
        (0, "$0.00", "$0"),
        (-0.0, "$0.00", "$0"),
        (1234.5, "$1,234.50", "$1,234"),
        (-5, "-$5.00", "-$5"),
        (-11176.47, "-$11,176.47", "-$11,176"),
        (266.666, "$266.67", "$267"),
    ],
)
def test_money_puts_the_minus_sign_before_the_dollar_sign(value, cents, whole):
    assert money(value) == cents
    assert whole_money(value) == whole


def test_whole_money_serves_as_a_tick_formatter():
    assert whole_money(2500.0, 3) == "$2,500"


def test_percent_and_number():
    assert percent(0.8) == "80.0%" and percent(0.123, 0) == "12%"
    assert number(2400) == "2,400" and number(3.14159, 2) == "3.14"


@given(st.floats(min_value=-1e12, max_value=1e12))
def test_money_reads_back_to_the_amount(value):
    text = money(value)
    assert text.count("$") == 1 and "$-" not in text
    assert float(text.replace("$", "").replace(",", "")) == pytest.approx(value, abs=0.0051)
