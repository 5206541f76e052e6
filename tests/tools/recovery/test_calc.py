"""The service-recovery budget rule (docs/facts.md section 11): the cut in the leaving rate, and
the share of would-be leavers to keep."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from customer_focus.core.validation import InputError
from customer_focus.tools.recovery.calc import recovery_break_even
from customer_focus.tools.spec import load_spec


def test_the_fact_sheet_example():
    result = recovery_break_even(100, 640, 0.30)
    assert result.required_cut == pytest.approx(
        100 / 640
    )  # 15.6 points among everyone who receives it
    assert round(result.required_cut * 100, 1) == 15.6
    assert result.share_of_leavers_to_keep == pytest.approx((100 / 640) / 0.30)
    assert round(result.share_of_leavers_to_keep * 100) == 52  # about 52%, not "one in six"
    assert result.leaving_rate_after == pytest.approx(0.30 - 100 / 640)
    assert result.can_pay
    assert "15.6 points" in result.explain() and "52%" in result.explain()


def test_when_cost_over_value_exceeds_the_share_who_would_leave_no_recovery_pays():
    result = recovery_break_even(240, 640, 0.30)  # needs a 37.5-point cut; only 30% would leave
    assert not result.can_pay
    assert result.share_of_leavers_to_keep is None and result.leaving_rate_after is None
    assert result.most_it_may_cost == pytest.approx(192)
    assert "No recovery" in result.explain() and "$192.00" in result.explain()


def test_a_free_recovery_always_pays_even_when_nobody_would_leave():
    result = recovery_break_even(0, 640, 0.0)
    assert result.can_pay and result.share_of_leavers_to_keep == 0.0


def test_a_costly_recovery_cannot_pay_when_nobody_would_leave():
    result = recovery_break_even(10, 640, 0.0)
    assert not result.can_pay


@pytest.mark.parametrize(
    ("arguments", "message"),
    [
        ((-5, 640, 0.3), "cost must be 0 or more"),
        ((100, 0, 0.3), "lifetime_value must be more than 0"),
        ((100, -640, 0.3), "lifetime_value must be more than 0"),
        ((100, 640, 30), "If you meant 30%, type 0.3"),
        ((100, 640, -0.1), "share_leaving must be a decimal"),
        (("100", 640, 0.3), "cost must be a number"),
        ((100, float("nan"), 0.3), "lifetime_value must be a finite number"),
    ],
)
def test_bad_input_gets_a_clear_message(arguments, message):
    with pytest.raises(ValueError, match=message.replace("(", r"\(").replace(")", r"\)")):
        recovery_break_even(*arguments)


@pytest.mark.parametrize(
    ("arguments", "name"),
    [
        ((-5, 640, 0.3), "cost"),
        (("100", 640, 0.3), "cost"),
        ((100, 0, 0.3), "lifetime_value"),
        ((100, float("inf"), 0.3), "lifetime_value"),
        ((100, 640, 30), "share_leaving"),
    ],
)
def test_a_bad_input_is_named_so_a_form_can_show_the_message_beside_it(arguments, name):
    with pytest.raises(InputError) as caught:
        recovery_break_even(*arguments)
    assert caught.value.name == name


def test_the_specs_worked_example_is_the_fact_sheets():
    example = load_spec("recovery").example
    assert example == {"cost": 100, "lifetime_value": 640, "share_leaving": 0.3}
    result = recovery_break_even(**example)
    assert round(result.required_cut * 100, 1) == 15.6
    assert round(result.share_of_leavers_to_keep * 100) == 52


money = st.floats(min_value=0, max_value=1e6, allow_nan=False)
value = st.floats(min_value=1, max_value=1e7, allow_nan=False)
share = st.floats(min_value=0.001, max_value=1, allow_nan=False)


@given(money, value, share)
def test_keeping_the_required_share_of_would_be_leavers_exactly_pays_for_the_recovery(
    cost, worth, leaving
):
    result = recovery_break_even(cost, worth, leaving)
    assert result.can_pay == (cost / worth <= leaving + 1e-12)
    if result.can_pay:
        kept = (
            result.share_of_leavers_to_keep * leaving
        )  # points of the leaving rate the recovery removes
        assert kept * worth == pytest.approx(cost, rel=1e-9, abs=1e-6)
        assert 0 <= result.share_of_leavers_to_keep <= 1
        assert result.leaving_rate_after == pytest.approx(leaving - cost / worth, abs=1e-12)
    else:
        assert cost > result.most_it_may_cost


@given(value, share, money, money)
def test_a_dearer_recovery_must_keep_more(worth, leaving, cost_a, cost_b):
    low, high = sorted((cost_a, cost_b))
    cheap, dear = (
        recovery_break_even(low, worth, leaving),
        recovery_break_even(high, worth, leaving),
    )
    assert cheap.required_cut <= dear.required_cut
    if dear.can_pay:
        assert (
            cheap.can_pay
            and cheap.share_of_leavers_to_keep <= dear.share_of_leavers_to_keep + 1e-12
        )
