"""SERVQUAL over a survey file: the gaps per item, respondent and dimension, properties and
bad files."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from hypothesis.extra.numpy import arrays

from customer_focus.core import tables
from customer_focus.tools.servqual import calc, table

SAMPLE = "book/apply/tools/data/servqual-sample.csv"


def survey(expectations, perceptions, weights=None, rows: int = 1) -> pd.DataFrame:
    """A survey table: each argument is a number, or 22 (5 for weights) numbers, or a
    (rows × 22) array."""
    e = np.broadcast_to(np.asarray(expectations), (rows, 22))
    p = np.broadcast_to(np.asarray(perceptions), (rows, 22))
    data = {
        **{f"E{i + 1}": e[:, i] for i in range(22)},
        **{f"P{i + 1}": p[:, i] for i in range(22)},
    }
    if weights is not None:
        w = np.broadcast_to(np.asarray(weights), (rows, 5))
        data.update({column: w[:, j] for j, column in enumerate(calc.WEIGHT_COLUMNS)})
    return pd.DataFrame(data)


def test_gap_is_perception_minus_expectation():
    items = table.item_gaps(survey(6, 4))
    assert items["gap"].tolist() == [-2.0] * 22
    assert items["label"].tolist() == list(calc.ITEMS.values())


def test_learn_chapter_example_unweighted_and_weighted():
    frame = table.score_dimensions(
        [5.0, 6.6, 6.2, 6.0, 5.4], [5.4, 5.1, 5.0, 5.8, 5.6], [10, 35, 25, 15, 15]
    )
    assert frame["dimension"].tolist() == [
        "Tangibles",
        "Reliability",
        "Responsiveness",
        "Assurance",
        "Empathy",
        "Overall",
    ]
    assert frame["gap"].tolist() == pytest.approx([0.4, -1.5, -1.2, -0.2, 0.2, -0.46])
    assert frame["weighted_gap"].tolist() == pytest.approx(
        [0.04, -0.525, -0.3, -0.03, 0.03, -0.785]
    )
    assert frame["weight"].iloc[-1] == pytest.approx(1.0)


def test_score_dimensions_accepts_a_mapping_by_dimension_name():
    by_name = table.score_dimensions(
        {"Tangibles": 5, "reliability": 7, "responsiveness": 6, "assurance": 6, "empathy": 5},
        {"tangibles": 5, "reliability": 5, "responsiveness": 6, "assurance": 6, "empathy": 5},
    )
    assert by_name.set_index("dimension").loc["Reliability", "gap"] == -2.0
    assert "weighted_gap" not in by_name


def test_dimension_gaps_average_items_then_dimensions():
    # perceptions one point below expectations on reliability items only
    p = np.full(22, 6)
    p[4:9] = 5
    frame = table.dimension_gaps(survey(6, p)).set_index("dimension")
    assert frame.loc["Reliability", "gap"] == -1.0
    assert frame.loc["Tangibles", "gap"] == 0.0
    assert frame.loc["Overall", "gap"] == pytest.approx(-0.2)  # mean of the five dimensions
    assert frame["items"].tolist() == [4, 5, 4, 4, 5, 22]


def test_weighted_score_uses_each_respondents_own_weights():
    e = np.full((2, 22), 6)
    p = np.full((2, 22), 6)
    p[0, 4:9] = 4  # respondent 1: reliability −2
    p[1, 0:4] = 3  # respondent 2: tangibles −3
    frame = survey(e, p, [[0, 100, 0, 0, 0], [50, 50, 0, 0, 0]], rows=2)
    result = table.dimension_gaps(frame).set_index("dimension")
    # respondent 1 weighted: 1.0 × −2 = −2; respondent 2: 0.5 × −3 + 0.5 × 0 = −1.5
    assert result.loc["Overall", "weighted_gap"] == pytest.approx(-1.75)
    assert result.loc["Reliability", "weighted_gap"] == pytest.approx(-1.0)
    assert result.loc["Tangibles", "weighted_gap"] == pytest.approx(-0.75)
    assert result.loc["Reliability", "weight"] == pytest.approx(0.75)
    scores = table.respondent_scores(frame)
    assert scores["weighted"].tolist() == pytest.approx([-2.0, -1.5])
    assert scores["reliability"].tolist() == pytest.approx([-2.0, 0.0])


def test_respondent_scores_keep_the_respondent_column():
    frame = survey(6, 5, rows=2)
    frame.insert(0, "respondent", ["F01", "F02"])
    scores = table.respondent_scores(frame)
    assert scores["respondent"].tolist() == ["F01", "F02"]
    assert list(scores.columns[1:]) == [
        "tangibles",
        "reliability",
        "responsiveness",
        "assurance",
        "empathy",
        "overall",
    ]


def test_sample_file_and_its_excel_copy(root):
    answers = tables.read_table(root / SAMPLE)
    assert len(answers) == 20
    assert tables.read_table(root / "book/apply/tools/data/servqual-sample.xlsx").equals(answers)
    frame = table.dimension_gaps(answers).set_index("dimension")
    assert frame["gap"].idxmin() == "Reliability"
    assert frame.loc["Overall", "weighted_gap"] == pytest.approx(
        frame["weighted_gap"].iloc[:5].sum()
    )


# ---- bad input: a ValueError that names the column, the line and the fix -------------


def _csv(tmp_path, frame: pd.DataFrame) -> pd.DataFrame:
    path = tmp_path / "servqual.csv"
    frame.to_csv(path, index=False)
    return tables.read_table(path)


def test_misspelled_column_is_named():
    frame = survey(6, 5).rename(columns={"P7": "p 07"})
    with pytest.raises(ValueError) as caught:
        table.dimension_gaps(frame)
    message = str(caught.value)
    assert "missing column 'P7' (found 'p 07': a misspelling?)" in message
    assert "Expected columns: E1 … E22 and P1 … P22" in message
    assert "Other columns found: p 07." in message


def test_many_missing_columns_are_summarized():
    with pytest.raises(
        ValueError, match=r"missing columns 'E1', 'E2', 'E3', 'E4', 'E5', 'E6' and 38 more"
    ):
        table.check_servqual(pd.DataFrame({"respondent": [1]}))


def test_misspelled_weight_column_is_not_silently_ignored():
    frame = survey(6, 5, [20] * 5).rename(columns={"W_reliability": "w_Reliability"})
    with pytest.raises(
        ValueError, match=r"'w_Reliability' looks like the weight column 'W_reliability'"
    ):
        table.check_servqual(frame)


def test_not_a_table_is_explained():
    with pytest.raises(ValueError, match="expected a table"):
        table.check_servqual({"E1": [6]})


def test_some_but_not_all_weight_columns_are_rejected():
    frame = survey(6, 5).assign(W_tangibles=50, W_reliability=50)
    with pytest.raises(
        ValueError, match=r"need all five columns.*missing W_responsiveness, W_assurance, W_empathy"
    ):
        table.check_servqual(frame)


def test_empty_table_is_rejected():
    with pytest.raises(ValueError, match="has no respondents"):
        table.check_servqual(survey(6, 5).iloc[:0])


def test_blank_answer_names_the_column_and_line(tmp_path):
    frame = survey(6, 5, rows=3).astype(object)
    frame.loc[1, "E3"] = None
    with pytest.raises(
        ValueError,
        match=r"column 'E3' \(the expectation for item Tangibles 3, from 1 to 7\)"
        r".*servqual.csv line 3: empty",
    ):
        table.dimension_gaps(_csv(tmp_path, frame))


@pytest.mark.parametrize(
    ("column", "value", "shown"), [("P5", 8, "8"), ("E1", 0, "0"), ("P22", "good", "'good'")]
)
def test_answer_outside_the_scale_names_the_column_and_line(tmp_path, column, value, shown):
    frame = survey(6, 5, rows=2).astype(object)
    frame.loc[1, column] = value
    with pytest.raises(
        ValueError,
        match=rf"column '{column}'.*number from 1 to 7 in every row; "
        rf"bad values at servqual.csv line 3: {shown}\..*every item needs",
    ):
        table.item_gaps(_csv(tmp_path, frame))


def test_answer_between_two_points_names_the_column_and_line(tmp_path):
    frame = survey(6, 5, rows=2).astype(object)
    frame.loc[0, "P9"] = 5.5
    with pytest.raises(
        ValueError,
        match=r"column 'P9' \(the perception for item Reliability 5.*between two points of the "
        r"scale at servqual.csv line 2: 5.5",
    ):
        table.dimension_gaps(_csv(tmp_path, frame))


def test_weights_that_do_not_add_up_to_100_name_the_line(tmp_path):
    frame = survey(6, 5, [20, 20, 20, 20, 20], rows=3).astype(object)
    frame.loc[2, "W_empathy"] = 10
    with pytest.raises(
        ValueError,
        match=r"must add up to 100 for every respondent; servqual.csv line 4 adds up to 90 "
        r"\(20 \+ 20 \+ 20 \+ 20 \+ 10\)",
    ):
        table.dimension_gaps(_csv(tmp_path, frame))


def test_negative_weight_names_the_column(tmp_path):
    frame = survey(6, 5, [120, -20, 0, 0, 0])
    with pytest.raises(ValueError, match=r"column 'W_tangibles'.*from 0 to 100.*line 2: 120"):
        table.dimension_gaps(_csv(tmp_path, frame))


def test_weights_like_33_33_33_34_are_accepted():
    frame = survey(6, 5, [33.33, 33.33, 33.34, 0, 0])
    assert table.dimension_gaps(frame)["weight"].iloc[-1] == pytest.approx(1.0)


# ---- properties ----------------------------------------------------------------------


scale = arrays(np.int64, (3, 22), elements=st.integers(1, 7))


points = st.lists(st.integers(0, 20), min_size=5, max_size=5).filter(lambda w: sum(w) > 0)


@settings(max_examples=60)
@given(scale, scale)
def test_gaps_are_bounded_and_overall_is_the_mean_of_dimensions(e, p):
    frame = table.dimension_gaps(survey(e, p, rows=3))
    assert frame["gap"].between(-6, 6).all()
    assert frame["gap"].iloc[-1] == pytest.approx(frame["gap"].iloc[:5].mean())
    assert frame["gap"].tolist() == pytest.approx(
        (frame["perception"] - frame["expectation"]).tolist()
    )
    assert frame.notna().all().all()


@settings(max_examples=60)
@given(scale)
def test_equal_expectation_and_perception_give_no_gap(e):
    assert table.dimension_gaps(survey(e, e, rows=3))["gap"].abs().max() == 0


@settings(max_examples=60)
@given(scale, scale)
def test_equal_weights_give_the_unweighted_score(e, p):
    frame = table.dimension_gaps(survey(e, p, [20] * 5, rows=3))
    assert frame["weighted_gap"].iloc[-1] == pytest.approx(frame["gap"].iloc[-1])


@settings(max_examples=60)
@given(scale, scale, points)
def test_weighted_score_lies_between_the_worst_and_best_respondent_dimension(e, p, raw):
    weights = np.array(raw) * 100 / sum(raw)
    scores = table.respondent_scores(survey(e, p, weights, rows=3))
    gaps = scores[["tangibles", "reliability", "responsiveness", "assurance", "empathy"]].to_numpy()
    assert (scores["weighted"] >= gaps.min(axis=1) - 1e-9).all()
    assert (scores["weighted"] <= gaps.max(axis=1) + 1e-9).all()


@settings(max_examples=60)
@given(scale, st.integers(1, 3))
def test_raising_every_perception_raises_every_gap_by_the_same_amount(e, shift):
    p = np.clip(e, 1, 7 - shift)
    before = table.dimension_gaps(survey(e, p, rows=3))["gap"]
    after = table.dimension_gaps(survey(e, p + shift, rows=3))["gap"]
    assert (after - before).tolist() == pytest.approx([shift] * 6)


def test_score_dimensions_is_calcs_rows_as_a_table():
    arguments = ([5.0, 6.6, 6.2, 6.0, 5.4], [5.4, 5.1, 5.0, 5.8, 5.6], [10, 35, 25, 15, 15])
    frame = table.score_dimensions(*arguments)
    assert frame.to_dict("records") == calc.score_dimensions(*arguments)


def test_the_columns_of_the_survey_come_from_the_spec():
    assert list(table.SERVQUAL_COLUMNS)[:2] == ["E1 … E22", "P1 … P22"]
    assert "add up to 100" in table.SERVQUAL_COLUMNS[", ".join(calc.WEIGHT_COLUMNS)]
