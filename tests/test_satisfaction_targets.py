"""Setting customer satisfaction targets: values, ranking, flags, what-if, bad input, form, chart, exercise."""

from __future__ import annotations

import math

import matplotlib.colors as mcolors
import pandas as pd
import pytest
from hypothesis import given
from hypothesis import strategies as st

from customer_focus.course import cases
from customer_focus import satisfaction_targets as targets
from customer_focus.core import tables
from customer_focus.tools.lifetime_value import calc as clv
from customer_focus.tools.spec import render_html
from customer_focus.practice import satisfaction_targets as practice
from customer_focus.worksheets import satisfaction_targets as sheet


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


def _texts(figure) -> str:
    found = [text.get_text() for text in figure.findobj(lambda artist: hasattr(artist, "get_text"))]
    for axes in figure.axes:
        found += [label.get_text() for label in axes.get_yticklabels()]
        found += [axes.get_xlabel(), axes.get_title()]
    return "\n".join(found)


# ---- FACTS.md: the course's lifetime value, the top box, the cautions -------------------


def test_lifetime_value_is_the_course_convention_worked_example():
    table = _segments().iloc[:1].assign(annual_margin=100, retention_rate=0.8)
    plan = targets.plan_targets(table, discount_rate=0.1)
    assert plan.loc[0, "lifetime_value"] == pytest.approx(266.67, abs=0.005)  # FACTS.md section 6
    assert plan.loc[0, "lifetime_value"] == pytest.approx(clv.lifetime_value(100, 0.8, 0.1))


def test_top_box_counts_only_the_top_answer():
    answers = [5] * 90 + [4] * 260 + [3] * 100 + [2] * 35 + [1] * 15
    assert targets.top_box_share(answers) == pytest.approx(0.18)
    assert targets.top_box_share([10, 9, 10, 7], top=10) == pytest.approx(0.5)


def test_module_states_the_xerox_caution_and_loyalty_is_not_profit():
    text = targets.__doc__
    assert "merely\n  satisfied customers were six times less likely to buy again from Xerox than\n  its totally satisfied customers" in text
    assert "Jones & Sasser 1995" in text
    assert "one\n  firm's correlation" in text and "not a law" in text
    assert "only\n  very high satisfaction reliably produces loyalty" in text
    assert "Reinartz & Kumar 2002" in text
    assert "course's own rule of thumb, not a published\nfigure" in text
    assert "no default" in targets.what_if_retention.__doc__


def test_what_if_has_no_default_gain():
    with pytest.raises(TypeError):
        targets.what_if_retention(_segments())  # type: ignore[call-arg]


def test_printable_form_has_segments_and_a_labelled_what_if():
    html = render_html(targets.PRINTABLE_FORM)
    assert "Value not yet totally satisfied ($)" in html
    assert "your assumption, not a research figure" in html


# ---- the plan ----------------------------------------------------------------------------


def test_plan_values_ranks_and_flags_the_chapter_example():
    plan = targets.plan_targets(_segments(), discount_rate=0.10)
    assert plan["lifetime_value"].tolist() == pytest.approx([60000, 3000, 80])
    assert plan["value_at_stake"].tolist() == pytest.approx([5_400_000, 7_200_000, 240_000])
    assert plan["value_totally_satisfied"].tolist() == pytest.approx([810_000, 3_240_000, 144_000])
    assert plan["value_not_totally_satisfied"].tolist() == pytest.approx([4_590_000, 3_960_000, 96_000])
    assert plan["customers_to_move"].tolist() == [32, 0, 0]  # 31.5 rounded up: whole customers
    assert plan["value_of_customers_to_move"].tolist() == pytest.approx([1_920_000, 0, 0])
    assert plan["target_change"].tolist() == pytest.approx([0.35, 0, 0])
    assert plan["flag"].tolist() == ["", "", "tiny"]
    assert plan["priority"].tolist() == [1, 2, 3]
    assert plan.loc[0, "advice"].startswith("Priority 1: $4,590,000 of lifetime value sits with customers")
    assert "Your target moves 32 customers into the top box." in plan.loc[0, "advice"]
    assert "protect it" in plan.loc[1, "advice"]
    assert plan.loc[2, "advice"].startswith("Do not spend to satisfy them more: each customer is worth only $80")
    assert "a tenth of your average customer's, $234" in plan.loc[2, "advice"]


def test_negative_segment_is_flagged_and_ranked_last():
    table = pd.concat(
        [_segments(), pd.DataFrame([{"segment": "Discount fleets", "customers": 60, "annual_margin": -450,
                                     "retention_rate": 0.9, "top_box_share": 0.55, "target_top_box_share": 0.7}])],
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


def test_retention_gain_value_matches_the_clv_worked_example():
    # FACTS.md section 6: r 80% -> 90% raises $266.67 to $450 at m = $100, i = 10%
    assert targets.retention_gain_value(100, 0.8, 0.1) == pytest.approx(450 - 266.6667, abs=1e-3)
    assert targets.retention_gain_value(100, 0.8, 0.1, customers=10) == pytest.approx(1833.333, abs=1e-3)


def test_more_retention_of_a_loss_making_segment_loses_more():
    assert targets.retention_gain_value(-450, 0.9, 0.02) < 0


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
    with pytest.raises(ValueError, match=r"column 'customers' .*whole numbers; row 2 holds 2400.5"):
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
    with pytest.raises(ValueError, match="column 'segment' must name every segment; row 2 is empty"):
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
    with pytest.raises(ValueError, match=r"retention_gain must be a decimal between -1 and 1.*If you meant 2 points, type 0.02"):
        targets.what_if_retention(_segments(), 2)


def test_gain_that_pushes_retention_to_one_names_the_segment():
    with pytest.raises(ValueError, match=r"takes segment 'Fleet accounts' \(row 1\) from 0.88 to 1"):
        targets.what_if_retention(_segments(), 0.12)


def test_gain_for_one_segment_outside_the_range_is_rejected():
    with pytest.raises(ValueError, match="outside 0 to 1"):
        targets.retention_gain_value(100, 0.9, 0.1)


def test_top_box_rejects_answers_off_the_scale_and_empty_lists():
    with pytest.raises(ValueError, match="answer 3 is 6"):
        targets.top_box_share([5, 4, 6])
    with pytest.raises(ValueError, match="answer 2 is 4.5"):
        targets.top_box_share([5, 4.5])
    with pytest.raises(ValueError, match="scores is empty"):
        targets.top_box_share([])


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
    table = pd.DataFrame(rows, columns=["customers", "annual_margin", "retention_rate", "top_box_share", "target_top_box_share"])
    table.insert(0, "segment", [f"S{i}" for i in range(len(rows))])
    plan = targets.plan_targets(table)
    assert sorted(plan["priority"]) == list(range(1, len(rows) + 1))
    assert (plan["value_totally_satisfied"] + plan["value_not_totally_satisfied"]).to_numpy() == pytest.approx(
        plan["value_at_stake"].to_numpy(), rel=1e-9, abs=1e-6
    )
    assert (plan["customers_to_move"] >= 0).all()
    assert ((plan["flag"] == "negative") == (plan["lifetime_value"] < 0)).all()
    eligible = plan.loc[plan["flag"] == ""].sort_values("priority")
    assert eligible["value_not_totally_satisfied"].is_monotonic_decreasing
    flagged = plan.loc[plan["flag"] != "", "priority"]
    if not eligible.empty and not flagged.empty:
        assert eligible["priority"].max() < flagged.min()


@given(st.floats(min_value=0.01, max_value=1e5), rates, st.floats(min_value=0, max_value=0.04))
def test_a_retention_gain_is_worth_something_for_a_profitable_customer(margin, retention, gain):
    assert targets.retention_gain_value(margin, retention, gain) >= 0


@given(st.lists(st.integers(min_value=1, max_value=5), min_size=1, max_size=200))
def test_top_box_share_is_a_share(answers):
    share = targets.top_box_share(answers)
    assert 0 <= share <= 1
    assert share == pytest.approx(answers.count(5) / len(answers))


@given(st.one_of(st.floats(allow_nan=True, allow_infinity=True), st.text(), st.none(), st.integers()))
def test_any_gain_gives_a_finite_value_or_a_value_error(gain):
    try:
        value = targets.retention_gain_value(100, 0.5, gain)
    except ValueError:
        return
    assert math.isfinite(value)


# ---- the worksheet's form, tables and chart -------------------------------------------------


def _html_outputs(form):
    return [item.data if hasattr(item, "data") else item.to_html() for item in form.results()]


def test_form_shows_advice_table_chart_and_asks_for_a_gain():
    joined = "\n".join(_html_outputs(sheet.SatisfactionTargetsForm()))
    assert f"Priority 1: {cases.figure('crossroads.segments.fleets.value_not_totally_satisfied')} of lifetime value" in joined
    assert "$60,000.00" in joined
    assert 'alt="Horizontal bar chart of the value at stake in 3 segments' in joined
    assert "type the retention gain <em>you</em> assume" in joined


def test_form_shows_the_what_if_once_a_gain_is_typed():
    form = sheet.SatisfactionTargetsForm()
    form.retention_gain.value = 0.02
    joined = "\n".join(_html_outputs(form))
    assert "your assumption of +2 points of retention" in joined
    assert f"{cases.figure('crossroads.segments.fleets.gain_for_segment:cents')}" in joined


def test_form_shows_a_message_instead_of_a_traceback():
    form = sheet.SatisfactionTargetsForm()
    form.rows[0][3].value = 88.0
    texts = _html_outputs(form)
    assert len(texts) == 1
    assert 'role="alert"' in texts[0] and "retention_rate" in texts[0] and "row 1: 88" in texts[0]


def test_plan_table_is_in_priority_order_with_readable_money():
    shown = sheet.plan_table(targets.plan_targets(_segments().assign(easy_to_switch="yes")))
    assert shown["Segment"].tolist() == ["Fleet accounts", "Regular families", "Coupon customers"]
    assert shown.loc[1, "Value not yet totally satisfied"] == "$4,590,000"
    assert shown.loc[3, "Flag"] == "do not spend: tiny"
    assert shown.loc[1, "Easy to switch"] == "yes"
    assert list(shown.columns).index("Easy to switch") == 4


def test_what_if_table_reads_well():
    shown = sheet.what_if_table(targets.what_if_retention(_segments(), 0.02))
    assert shown.loc["Fleet accounts", "Gain for the segment"] == "$675,000.00"
    assert shown.loc["Fleet accounts", "Retention if the gain you assume happened"] == "90.0%"


def test_chart_has_labels_legend_flags_and_white_background():
    figure = sheet.targets_chart(targets.plan_targets(_segments()), title="Targets")
    texts = _texts(figure)
    for expected in (
        "Value at stake: customers × lifetime value per customer", "#1 Fleet accounts",
        "Coupon customers\n(do not spend: tiny)", "Held by totally satisfied customers now",
        "Held by customers not yet totally satisfied", "Where the split would be at your target",
        "Do not spend: negative or tiny lifetime value", "Targets",
    ):
        assert expected in texts
    assert mcolors.to_hex(figure.get_facecolor()) == "#ffffff"
    assert mcolors.to_hex(figure.axes[0].get_facecolor()) == "#ffffff"
    assert figure._repr_png_().startswith(b"\x89PNG")


def test_alt_text_follows_the_data():
    alt = sheet.describe_targets_chart(targets.plan_targets(_segments()))
    assert "priority 1, Fleet accounts: $5,400,000 at stake, 15% totally satisfied now, target 50%" in alt
    assert "Coupon customers, flagged do not spend (tiny lifetime value, $80 per customer)" in alt


def test_chart_rejects_a_table_that_is_not_a_plan():
    with pytest.raises(ValueError, match="column 'lifetime_value' is missing"):
        sheet.targets_chart(_segments())


# ---- the exercise's checks -------------------------------------------------------------------


WRONG = {
    "q1": (50000.0, "You counted the first margin today"),
    "q2": (3_200_000.0, "already totally satisfied"),
    "q3": ("Students (free plan)", "Loyalty is not profit"),
    "q4": (5000.0, "Multiply by the 400 firms"),
}


@pytest.mark.parametrize("name", sorted(WRONG))
def test_check_fails_on_a_wrong_answer_and_says_why(name):
    question = practice.exercise.questions[name]
    value, reason = WRONG[name]
    practice.bind({question.variable: value})
    feedback = question.check()
    assert feedback.status == "Incorrect"
    assert reason in feedback.message


def test_relative_instead_of_points_is_explained():
    practice.bind({"gain_q4": practice.q4.mistakes[0].value})
    assert "Two points means 88% → 90%" in practice.q4.check().message


