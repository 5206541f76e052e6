"""Satisfaction targets over a table: values, ranking, flags, what-if, the learner's file,
bad input and properties."""

from __future__ import annotations

import pandas as pd
import pytest
from hypothesis import given
from hypothesis import strategies as st

from customer_focus.core import tables
from customer_focus.tools.lifetime_value import calc as clv
from customer_focus.tools.satisfaction_targets import table as targets


def _segments() -> pd.DataFrame:
    """The chapter's Crossroads segments (invented for teaching)."""
    return pd.DataFrame(
        {
            "segment": ["Fleet accounts", "Regular families", "Coupon customers"],
            "customers": [90, 2400, 3000],
            "annual_margin": [15000, 1125, 140],
            "retention_rate": [0.88, 0.80, 0.40],
            "top_box_share": [0.15, 0.45, 0.60],
            "target_top_box_share": [0.50, 0.45, 0.60],
        }
    )


# ---- docs/facts.md: the course's lifetime value ---------------------------------------------


def test_lifetime_value_is_the_course_convention_worked_example():
    table = _segments().iloc[:1].assign(annual_margin=100, retention_rate=0.8)
    plan = targets.plan_targets(table, discount_rate=0.1)
    # docs/facts.md section 6
    assert plan.loc[0, "lifetime_value"] == pytest.approx(266.67, abs=0.005)
    assert plan.loc[0, "lifetime_value"] == pytest.approx(clv.lifetime_value(100, 0.8, 0.1))


def test_what_if_has_no_default_gain():
    with pytest.raises(TypeError):
        targets.what_if_retention(_segments())  # type: ignore[call-arg]
    assert "no default" in targets.what_if_retention.__doc__


# ---- the plan ----------------------------------------------------------------------------


def test_plan_values_ranks_and_flags_the_chapter_example():
    plan = targets.plan_targets(_segments(), discount_rate=0.10)
    assert plan["lifetime_value"].tolist() == pytest.approx([60000, 3000, 80])
    assert plan["value_at_stake"].tolist() == pytest.approx([5_400_000, 7_200_000, 240_000])
    assert plan["value_totally_satisfied"].tolist() == pytest.approx([810_000, 3_240_000, 144_000])
    assert plan["value_not_totally_satisfied"].tolist() == pytest.approx(
        [4_590_000, 3_960_000, 96_000]
    )
    assert plan["customers_to_move"].tolist() == [32, 0, 0]  # 31.5 rounded up: whole customers
    assert plan["value_of_customers_to_move"].tolist() == pytest.approx([1_920_000, 0, 0])
    assert plan["target_change"].tolist() == pytest.approx([0.35, 0, 0])
    assert plan["flag"].tolist() == ["", "", "tiny"]
    assert plan["priority"].tolist() == [1, 2, 3]
    assert plan.loc[0, "advice"].startswith(
        "Priority 1: $4,590,000 of lifetime value sits with customers"
    )
    assert "Your target moves 32 customers into the top box." in plan.loc[0, "advice"]
    assert "protect it" in plan.loc[1, "advice"]
    assert plan.loc[2, "advice"].startswith(
        "Do not spend to satisfy them more: each customer is worth only $80"
    )
    assert "a tenth of your average customer's, $234" in plan.loc[2, "advice"]


def test_negative_segment_is_flagged_and_ranked_last():
    table = pd.concat(
        [_segments(), pd.DataFrame([{
            "segment": "Discount fleets", "customers": 60, "annual_margin": -450,
            "retention_rate": 0.9, "top_box_share": 0.55, "target_top_box_share": 0.7,
        }])],
        ignore_index=True,
    )
    plan = targets.plan_targets(table)
    assert plan.loc[3, "flag"] == "negative"
    assert plan.loc[3, "priority"] == 4
    assert "a loss" in plan.loc[3, "advice"] and "reconsider it" in plan.loc[3, "advice"]


def test_own_threshold_replaces_the_rule_of_thumb():
    plan = targets.plan_targets(_segments(), min_value=5000)
    assert plan["flag"].tolist() == ["", "tiny", "tiny"]
    assert "your threshold of $5,000" in plan.loc[1, "advice"]
    assert targets.plan_targets(_segments(), min_value=0)["flag"].tolist() == ["", "", ""]


def test_switching_shapes_the_advice():
    plan = targets.plan_targets(_segments().assign(easy_to_switch=["Yes", "no", "y"]))
    assert plan["easy_to_switch"].tolist() == [True, False, True]
    assert "only very high satisfaction reliably keeps them" in plan.loc[0, "advice"]
    assert "hostages" in plan.loc[1, "advice"]


def test_target_below_today_is_noted():
    plan = targets.plan_targets(_segments().assign(target_top_box_share=[0.5, 0.4, 0.6]))
    assert "below today's share" in plan.loc[1, "advice"]
    assert plan.loc[1, "customers_to_move"] == 0


def test_what_if_values_a_gain_the_learner_types():
    result = targets.what_if_retention(_segments(), 0.02, discount_rate=0.10)
    assert result["retention_after"].tolist() == pytest.approx([0.90, 0.82, 0.42])
    assert result.loc[0, "gain_per_customer"] == pytest.approx(7500)
    assert result.loc[0, "gain_for_segment"] == pytest.approx(675_000)
    assert set(result["assumed_gain"]) == {0.02}
    assert list(result.columns) == [
        "segment", "customers", "annual_margin", "retention_rate", "assumed_gain",
        "retention_after", "lifetime_value", "lifetime_value_after", "gain_per_customer",
        "gain_for_segment",
    ]


def test_sample_file_reads_the_same_as_csv_and_excel(root):
    folder = root / "book/apply/tools/data"
    csv = tables.read_table(folder / "satisfaction-targets-sample.csv")
    excel = tables.read_table(folder / "satisfaction-targets-sample.xlsx")
    assert csv.equals(excel)
    assert 10 <= len(csv) <= 40
    plan = targets.plan_targets(csv)
    assert set(plan["flag"]) == {"", "tiny", "negative"}


# ---- bad input ----------------------------------------------------------------------------


def test_missing_column_is_named_with_a_suggestion():
    table = _segments().rename(columns={"top_box_share": "top box share"})
    with pytest.raises(ValueError) as caught:
        targets.plan_targets(table)
    message = str(caught.value)
    assert "missing column 'top_box_share' (found 'top box share': a misspelling?)" in message
    assert "optional: easy_to_switch" in message


def test_share_typed_as_a_percentage_names_the_row():
    table = _segments().assign(top_box_share=[0.15, 45, 0.6])
    with pytest.raises(ValueError, match=r"column 'top_box_share' .*row 2: 45.*0.8 for 80%"):
        targets.plan_targets(table)


def test_retention_of_one_is_rejected():
    table = _segments().assign(retention_rate=[0.88, 1.0, 0.4])
    with pytest.raises(ValueError, match=r"column 'retention_rate' .*not included.*row 2: 1"):
        targets.plan_targets(table)


def test_fractional_customers_are_rejected():
    table = _segments().assign(customers=[90, 2400.5, 3000])
    with pytest.raises(
        ValueError, match=r"column 'customers' .*whole numbers; row 2 holds 2400.5"
    ):
        targets.plan_targets(table)


def test_zero_customers_are_rejected():
    table = _segments().assign(customers=[0, 2400, 3000])
    with pytest.raises(ValueError, match=r"column 'customers' .*at least 1.*row 1: 0"):
        targets.plan_targets(table)


def test_text_margin_names_the_file_and_line(tmp_path):
    path = tmp_path / "segments.csv"
    _segments().assign(annual_margin=["15000", "lots", "140"]).to_csv(path, index=False)
    with pytest.raises(ValueError, match="segments.csv line 3: 'lots'"):
        targets.plan_targets(tables.read_table(path))


def test_empty_segment_name_is_rejected():
    table = _segments()
    table.loc[1, "segment"] = None
    with pytest.raises(
        ValueError, match="column 'segment' must name every segment; row 2 is empty"
    ):
        targets.plan_targets(table)


def test_bad_switching_answer_names_the_row():
    with pytest.raises(ValueError, match=r"column 'easy_to_switch' .*row 3: 'sometimes'"):
        targets.plan_targets(_segments().assign(easy_to_switch=["yes", "no", "sometimes"]))


def test_empty_table_is_rejected():
    with pytest.raises(ValueError, match="has no segments"):
        targets.plan_targets(_segments().iloc[:0])


def test_negative_threshold_is_rejected():
    with pytest.raises(ValueError, match=r"min_value must be 0 or more .*you gave -1"):
        targets.plan_targets(_segments(), min_value=-1)


def test_discount_rate_typed_as_a_percentage_is_explained():
    with pytest.raises(ValueError, match="If you meant 10%, type 0.1"):
        targets.plan_targets(_segments(), discount_rate=10)


def test_gain_typed_in_points_is_explained():
    with pytest.raises(
        ValueError,
        match=r"retention_gain must be a decimal between -1 and 1.*"
        r"If you meant 2 points, type 0.02",
    ):
        targets.what_if_retention(_segments(), 2)


def test_gain_that_pushes_retention_to_one_names_the_segment():
    with pytest.raises(
        ValueError, match=r"takes segment 'Fleet accounts' \(row 1\) from 0.88 to 1"
    ):
        targets.what_if_retention(_segments(), 0.12)


# ---- properties ------------------------------------------------------------------------------

shares = st.floats(min_value=0, max_value=1)
rates = st.floats(min_value=0, max_value=0.95)
margins = st.floats(min_value=-1e5, max_value=1e5)


@given(
    st.lists(
        st.tuples(st.integers(min_value=1, max_value=100_000), margins, rates, shares, shares),
        min_size=1, max_size=8,
    )
)
def test_plan_splits_the_value_at_stake_and_ranks_every_segment(rows):
    table = pd.DataFrame(rows, columns=[
        "customers", "annual_margin", "retention_rate", "top_box_share", "target_top_box_share",
    ])
    table.insert(0, "segment", [f"S{i}" for i in range(len(rows))])
    plan = targets.plan_targets(table)
    assert sorted(plan["priority"]) == list(range(1, len(rows) + 1))
    assert (
        plan["value_totally_satisfied"] + plan["value_not_totally_satisfied"]
    ).to_numpy() == pytest.approx(plan["value_at_stake"].to_numpy(), rel=1e-9, abs=1e-6)
    assert (plan["customers_to_move"] >= 0).all()
    assert ((plan["flag"] == "negative") == (plan["lifetime_value"] < 0)).all()
    eligible = plan.loc[plan["flag"] == ""].sort_values("priority")
    assert eligible["value_not_totally_satisfied"].is_monotonic_decreasing
    flagged = plan.loc[plan["flag"] != "", "priority"]
    if not eligible.empty and not flagged.empty:
        assert eligible["priority"].max() < flagged.min()
