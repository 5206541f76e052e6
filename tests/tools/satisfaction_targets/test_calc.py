"""The satisfaction targets arithmetic: the course's lifetime value, the top box, the cautions,
the plan on plain values, the what-if, bad input and properties."""

from __future__ import annotations

import math

import pytest
from hypothesis import given
from hypothesis import strategies as st

from customer_focus.core.validation import InputError
from customer_focus.tools.lifetime_value import calc as clv
from customer_focus.tools.satisfaction_targets import calc


def _segments() -> list[dict]:
    """The chapter's Crossroads segments (invented for teaching)."""
    return [
        {"segment": "Fleet accounts", "customers": 90, "annual_margin": 15000,
         "retention_rate": 0.88, "top_box_share": 0.15, "target_top_box_share": 0.50},
        {"segment": "Regular families", "customers": 2400, "annual_margin": 1125,
         "retention_rate": 0.80, "top_box_share": 0.45, "target_top_box_share": 0.45},
        {"segment": "Coupon customers", "customers": 3000, "annual_margin": 140,
         "retention_rate": 0.40, "top_box_share": 0.60, "target_top_box_share": 0.60},
    ]


# ---- docs/facts.md: the course's lifetime value, the top box, the cautions -----------------


def test_top_box_counts_only_the_top_answer():
    answers = [5] * 90 + [4] * 260 + [3] * 100 + [2] * 35 + [1] * 15
    assert calc.top_box_share(answers) == pytest.approx(0.18)
    assert calc.top_box_share([10, 9, 10, 7], top=10) == pytest.approx(0.5)


def test_module_states_the_xerox_caution_and_loyalty_is_not_profit():
    text = calc.__doc__
    assert (
        "merely\n  satisfied customers were six times less likely to buy again from Xerox than\n"
        "  its totally satisfied customers"
    ) in text
    assert "Jones & Sasser 1995" in text
    assert "one\n  firm's correlation" in text and "not a law" in text
    assert "only\n  very high satisfaction reliably produces loyalty" in text
    assert "Reinartz & Kumar 2002" in text
    assert "course's own rule of thumb, not a published\nfigure" in text
    assert "no default" in calc.what_if.__doc__


def test_retention_gain_value_matches_the_clv_worked_example():
    # docs/facts.md section 6: r 80% -> 90% raises $266.67 to $450 at m = $100, i = 10%
    assert calc.retention_gain_value(100, 0.8, 0.1) == pytest.approx(450 - 266.6667, abs=1e-3)
    assert calc.retention_gain_value(100, 0.8, 0.1, customers=10) == pytest.approx(
        1833.333, abs=1e-3
    )


def test_more_retention_of_a_loss_making_segment_loses_more():
    assert calc.retention_gain_value(-450, 0.9, 0.02) < 0


# ---- the plan on plain values ------------------------------------------------------------


def test_plan_values_ranks_and_flags_the_chapter_example():
    rows = calc.plan(_segments(), discount_rate=0.10)
    assert [row["lifetime_value"] for row in rows] == pytest.approx([60000, 3000, 80])
    assert [row["value_not_totally_satisfied"] for row in rows] == pytest.approx(
        [4_590_000, 3_960_000, 96_000]
    )
    assert [row["customers_to_move"] for row in rows] == [32, 0, 0]
    assert [row["flag"] for row in rows] == ["", "", "tiny"]
    assert [row["priority"] for row in rows] == [1, 2, 3]
    assert rows[0]["segment"] == "Fleet accounts"  # other keys are kept
    assert rows[0]["lifetime_value"] == pytest.approx(clv.lifetime_value(15000, 0.88, 0.10))


def test_the_rule_of_thumb_is_a_tenth_of_the_average_customer():
    values = [row["lifetime_value"] for row in calc.plan(_segments())]
    threshold = calc.tiny_threshold([90, 2400, 3000], values)
    assert threshold == pytest.approx(0.1 * (90 * 60000 + 2400 * 3000 + 3000 * 80) / 5490)
    assert calc.tiny_threshold([10], [-500]) == 0


def test_flags_and_advice():
    assert [calc.flag(value, 100) for value in (-1, 0, 99, 100)] == ["negative", "tiny", "tiny", ""]
    assert calc.advice("", 2, 3000, 3_960_000, 0, 0, "", True).endswith(
        "only very high satisfaction reliably keeps them."
    )
    assert "a loss" in calc.advice("negative", 4, -450, 0, 0.15, 9, "")


def test_what_if_on_plain_values():
    rows = calc.what_if(_segments(), 0.02, discount_rate=0.10)
    assert [row["retention_after"] for row in rows] == pytest.approx([0.90, 0.82, 0.42])
    assert rows[0]["gain_for_segment"] == pytest.approx(675_000)


def test_what_if_has_no_default_gain():
    with pytest.raises(TypeError):
        calc.what_if(_segments())  # type: ignore[call-arg]


# ---- bad input ---------------------------------------------------------------------------


def test_gain_for_one_segment_outside_the_range_is_rejected():
    with pytest.raises(ValueError, match="outside 0 to 1"):
        calc.retention_gain_value(100, 0.9, 0.1)


def test_gain_typed_in_points_is_explained():
    with pytest.raises(InputError, match="If you meant 2 points, type 0.02") as caught:
        calc.check_gain(2)
    assert caught.value.name == "retention_gain"


def test_top_box_rejects_answers_off_the_scale_and_empty_lists():
    with pytest.raises(ValueError, match="answer 3 is 6"):
        calc.top_box_share([5, 4, 6])
    with pytest.raises(ValueError, match="answer 2 is 4.5"):
        calc.top_box_share([5, 4.5])
    with pytest.raises(ValueError, match="scores is empty"):
        calc.top_box_share([])


@pytest.mark.parametrize(
    ("change", "name", "message"),
    [
        ({"retention_rate": 88}, "retention_rate", "segment 2: retention_rate must be a decimal"),
        ({"customers": 2400.5}, "customers", "segment 2: customers must be a whole number"),
        ({"easy_to_switch": "sometimes"}, "easy_to_switch", "segment 2: easy_to_switch must be"),
    ],
)
def test_a_bad_value_names_the_segment(change, name, message):
    segments = _segments()
    segments[1].update(change)
    with pytest.raises(InputError, match=message) as caught:
        calc.plan(segments)
    assert caught.value.name == name


def test_a_segment_must_hold_every_value():
    with pytest.raises(InputError, match="segment 1 must be a dict with customers"):
        calc.plan([{"customers": 9}])
    with pytest.raises(InputError, match="one dict per segment"):
        calc.plan([])


def test_negative_threshold_is_rejected():
    with pytest.raises(ValueError, match=r"min_value must be 0 or more .*you gave -1"):
        calc.plan(_segments(), min_value=-1)


# ---- properties ------------------------------------------------------------------------------

rates = st.floats(min_value=0, max_value=0.95)


@given(st.floats(min_value=0.01, max_value=1e5), rates, st.floats(min_value=0, max_value=0.04))
def test_a_retention_gain_is_worth_something_for_a_profitable_customer(margin, retention, gain):
    assert calc.retention_gain_value(margin, retention, gain) >= 0


@given(st.lists(st.integers(min_value=1, max_value=5), min_size=1, max_size=200))
def test_top_box_share_is_a_share(answers):
    share = calc.top_box_share(answers)
    assert 0 <= share <= 1
    assert share == pytest.approx(answers.count(5) / len(answers))


@given(st.one_of(st.floats(allow_nan=True, allow_infinity=True), st.text(), st.none(),
                 st.integers()))
def test_any_gain_gives_a_finite_value_or_a_value_error(gain):
    try:
        value = calc.retention_gain_value(100, 0.5, gain)
    except ValueError:
        return
    assert math.isfinite(value)


def test_customers_to_reach_rounds_up_to_whole_customers():
    assert calc.customers_to_reach(90, 0.50 - 0.15) == 32
    assert calc.customers_to_reach(90, 0) == 0
