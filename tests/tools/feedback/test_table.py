"""Feedback over a file of responses: the sample, the summary by segment, the distributions,
and bad files."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from customer_focus.core import tables
from customer_focus.tools.feedback import calc, table

SAMPLE = "book/apply/tools/data/feedback-sample.csv"


def _sample(root) -> pd.DataFrame:
    return tables.read_table(root / SAMPLE)


def test_sample_segments_share_an_nps_of_20_but_not_their_distribution(root):
    summary = table.analyze_feedback(_sample(root), by="segment").set_index("group")
    assert list(summary.index) == ["Maintenance contract", "One-off repair", "All responses"]
    assert summary["nps"].tolist() == pytest.approx([20.0, 20.0, 20.0])
    assert summary.loc[
        "Maintenance contract", ["promoters", "passives", "detractors"]
    ].tolist() == [5, 8, 2]
    assert summary.loc["One-off repair", ["promoters", "passives", "detractors"]].tolist() == [
        8,
        2,
        5,
    ]
    assert summary.loc["All responses", "responses"] == 30


def test_excel_sample_holds_the_same_rows(root):
    assert tables.read_table(root / "book/apply/tools/data/feedback-sample.xlsx").equals(
        _sample(root)
    )


def test_analysis_columns_shares_and_satisfaction():
    responses = pd.DataFrame({"recommend": [10, 9, 8, 3], "satisfaction": [5, 5, 4, 2]})
    row = table.analyze_feedback(responses).iloc[0]
    assert row["group"] == table.ALL_RESPONSES
    assert row[["promoters", "passives", "detractors"]].tolist() == [2, 1, 1]
    assert row[["promoter_share", "passive_share", "detractor_share"]].tolist() == [0.5, 0.25, 0.25]
    assert row["nps"] == 25.0
    assert row["satisfaction_mean"] == 4.0
    assert row["top_box_share"] == 0.5


def test_analysis_without_satisfaction_has_no_satisfaction_columns():
    summary = table.analyze_feedback(pd.DataFrame({"recommend": [9, 3]}))
    assert "satisfaction_mean" not in summary and "top_box_share" not in summary


def test_blank_segments_form_their_own_group_and_labels_are_trimmed():
    responses = pd.DataFrame(
        {"recommend": [10, 0, 9, 5], "segment": ["North ", None, "North", " "]}
    )
    summary = table.analyze_feedback(responses, by="segment")
    assert summary["group"].tolist() == [table.NOT_GIVEN, "North", table.ALL_RESPONSES]
    assert summary["responses"].tolist() == [2, 2, 4]
    assert summary["nps"].tolist() == pytest.approx([-100.0, 100.0, 0.0])


def test_check_feedback_keeps_other_columns_and_adds_the_group():
    responses = pd.DataFrame({"recommend": ["10", 7.0, 6], "note": ["a", "b", "c"]})
    checked = table.check_feedback(responses)
    assert checked["recommend"].tolist() == [10, 7, 6]
    assert checked["recommend"].dtype == np.int64
    assert checked["group"].astype(str).tolist() == ["promoter", "passive", "detractor"]
    assert checked["note"].tolist() == ["a", "b", "c"]


def test_score_distribution_counts_every_score_per_group():
    responses = pd.DataFrame({"recommend": [10, 10, 0, 7], "segment": ["A", "A", "B", "B"]})
    distribution = table.score_distribution(responses, by="segment")
    assert len(distribution) == 22
    a = distribution[distribution["group"] == "A"].set_index("score")
    assert (
        a.loc[10, "responses"] == 2
        and a.loc[10, "share"] == 1.0
        and a.loc[10, "nps_group"] == "promoter"
    )
    b = distribution[distribution["group"] == "B"].set_index("score")
    assert b.loc[[0, 7], "share"].tolist() == [0.5, 0.5]
    assert b.loc[6, "nps_group"] == "detractor" and b.loc[7, "nps_group"] == "passive"


def test_satisfaction_distribution_counts_ratings(root):
    ratings = table.satisfaction_distribution(_sample(root), by="segment")
    contract = ratings[ratings["group"] == "Maintenance contract"]["responses"].tolist()
    assert contract == [0, 0, 5, 8, 2]
    assert ratings.groupby("group")["share"].sum().tolist() == pytest.approx([1.0, 1.0])


# ---- bad input: a ValueError that names the input, the line and the fix --------------


def _csv(tmp_path, text: str) -> pd.DataFrame:
    path = tmp_path / "feedback.csv"
    path.write_text(text)
    return tables.read_table(path)


def test_missing_recommend_column_is_named_with_the_misspelling(tmp_path):
    responses = _csv(tmp_path, "recomend,satisfaction\n9,5\n")
    with pytest.raises(ValueError) as caught:
        table.analyze_feedback(responses)
    message = str(caught.value)
    assert "missing column 'recommend' (found 'recomend': a misspelling?)" in message
    assert "optional: satisfaction, segment" in message


def test_empty_table_is_rejected(tmp_path):
    with pytest.raises(ValueError, match="feedback.csv: has no responses"):
        table.analyze_feedback(_csv(tmp_path, "recommend\n"))


def test_blank_score_names_the_line(tmp_path):
    responses = _csv(tmp_path, "recommend,segment\n9,A\n,B\n7,A\n")
    with pytest.raises(ValueError, match=r"feedback.csv line 3: empty.*a blank is not a 0"):
        table.analyze_feedback(responses)


@pytest.mark.parametrize(("value", "shown"), [("11", "11"), ("-1", "-1"), ("ten", "'ten'")])
def test_out_of_range_or_text_score_names_the_line_and_the_range(tmp_path, value, shown):
    responses = _csv(tmp_path, f"recommend\n9\n{value}\n")
    with pytest.raises(
        ValueError,
        match=rf"number from 0 to 10 in every row; bad values at feedback.csv line 3: {shown}\.",
    ):
        table.analyze_feedback(responses)


def test_score_between_two_points_names_the_line(tmp_path):
    responses = _csv(tmp_path, "recommend\n9\n7.5\n8\n")
    with pytest.raises(
        ValueError,
        match=r"whole numbers from 0 to 10; found answers between two points of the scale "
        r"at feedback.csv line 3: 7.5",
    ):
        table.check_feedback(responses)


def test_many_bad_scores_are_counted(tmp_path):
    responses = _csv(tmp_path, "recommend\n" + "\n".join(["7.5"] * 8) + "\n")
    with pytest.raises(ValueError, match=r"line 6: 7.5 \(and 3 more\)"):
        table.check_feedback(responses)


@pytest.mark.parametrize("value", ["0", "6", "4.5"])
def test_bad_satisfaction_names_the_line(tmp_path, value):
    responses = _csv(tmp_path, f"recommend,satisfaction\n9,5\n8,{value}\n")
    with pytest.raises(
        ValueError,
        match=r"'satisfaction' \(the 1–5 overall satisfaction answer\).*feedback.csv line 3",
    ):
        table.check_feedback(responses)


def test_unknown_segment_column_is_named():
    with pytest.raises(ValueError, match="missing column 'region'"):
        table.analyze_feedback(pd.DataFrame({"recommend": [9]}), by="region")


def test_satisfaction_distribution_needs_the_column():
    with pytest.raises(ValueError, match="missing column 'satisfaction'"):
        table.satisfaction_distribution(pd.DataFrame({"recommend": [9]}))


def test_not_a_table_is_explained():
    with pytest.raises(ValueError, match="expected a table"):
        table.check_feedback([9, 10])


# ---- properties ----------------------------------------------------------------------


@settings(max_examples=50)
@given(
    st.lists(
        st.tuples(st.integers(0, 10), st.integers(1, 5), st.sampled_from(["a", "b", "c"])),
        min_size=1,
        max_size=200,
    )
)
def test_segments_add_up_to_the_total(rows):
    responses = pd.DataFrame(rows, columns=["recommend", "satisfaction", "segment"])
    summary = table.analyze_feedback(responses, by="segment")
    groups, total = summary.iloc[:-1], summary.iloc[-1]
    for column in ("responses", "promoters", "passives", "detractors"):
        assert groups[column].sum() == total[column]
    shares = summary[["promoter_share", "passive_share", "detractor_share"]].sum(axis=1)
    assert shares.tolist() == pytest.approx([1.0] * len(summary))
    assert total["nps"] == pytest.approx(calc.net_promoter_score(responses["recommend"]))
    assert summary.notna().all().all()


def test_the_columns_of_the_file_come_from_the_spec():
    assert list(table.FEEDBACK_COLUMNS) == [
        "recommend", "satisfaction", "segment", "went_well", "improve", "contact",
    ]
    assert "0 (not at all likely) to 10" in table.FEEDBACK_COLUMNS["recommend"]


def test_the_margin_of_error_of_each_group_is_calcs(root):
    summary = table.analyze_feedback(_sample(root), by="segment")
    for _, row in summary.iterrows():
        counts = int(row["promoters"]), int(row["passives"]), int(row["detractors"])
        assert row["nps_margin"] == calc.nps_margin_of_error(*counts)
        assert row["nps"] == pytest.approx(calc.nps_from_counts(*counts))
