"""Kano over a survey file: every answer classified, each feature's result, a tally by
hand, properties and bad files."""

from __future__ import annotations

import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from customer_focus.core import tables
from customer_focus.tools.kano import calc, table

SAMPLE = "book/apply/tools/data/kano-sample.csv"


def test_reverse_and_questionable_are_left_out_of_the_denominator():
    row = table.summarize_counts({"A": 28, "O": 12, "M": 4, "I": 12, "R": 2, "Q": 2}).iloc[0]
    assert row["responses"] == 60
    assert row["better"] == pytest.approx(40 / 56)
    assert row["worse"] == pytest.approx(-16 / 56)
    assert (
        row["category"] == "A"
        and row["kano_name"] == "Attractive"
        and row["practitioner_name"] == "delighter"
    )


def test_category_chosen_most_often_and_ties():
    assert table.summarize_counts({"A": 2, "O": 5, "M": 1})["category"].iloc[0] == "O"
    tie = table.summarize_counts({"A": 3, "O": 3, "M": 1}).iloc[0]
    assert tie["category"] == "A/O"
    assert tie["kano_name"] == "Attractive / One-dimensional"
    assert tie["practitioner_name"] == "delighter / performance"
    assert table.summarize_counts({"I": 2, "R": 2})["practitioner_name"].iloc[0] == ""


def test_analysis_of_the_sample(root):
    results = table.analyze_kano(tables.read_table(root / SAMPLE)).set_index("feature")
    assert results["category"].to_dict() == {
        "Loaner bike during repairs": "A",
        "Repair done within two days": "O",
        "Brakes checked at every service": "M",
        "Shop logo sticker": "I",
        "Sales call after every visit": "R",
    }
    assert results.loc[
        "Brakes checked at every service", ["A", "O", "M", "I", "R", "Q"]
    ].tolist() == [0, 1, 6, 1, 0, 0]
    assert results.loc["Brakes checked at every service", "worse"] == pytest.approx(-7 / 8)
    assert results["responses"].tolist() == [8] * 5
    assert tables.read_table(root / "book/apply/tools/data/kano-sample.xlsx").equals(
        tables.read_table(root / SAMPLE)
    )


def test_classified_answers_are_written_the_standard_way_and_other_columns_kept():
    frame = pd.DataFrame(
        {
            "respondent": [1, 1],
            "feature": ["Loaner bike ", "Brake check"],
            "functional": ["like", "must be"],
            "dysfunctional": ["live with", "DISLIKE"],
            "store": ["North", "North"],
        }
    )
    result = table.classify_answers(frame)
    assert result["functional"].tolist() == ["Like", "Must-be"]
    assert result["dysfunctional"].tolist() == ["Live-with", "Dislike"]
    assert result["feature"].tolist() == ["Loaner bike", "Brake check"]
    assert result["store"].tolist() == ["North", "North"]


def test_features_keep_their_order_of_first_appearance():
    frame = pd.DataFrame(
        {
            "respondent": [1, 1, 2],
            "feature": ["Zebra", "Apple", "Zebra"],
            "functional": ["Like"] * 3,
            "dysfunctional": ["Dislike"] * 3,
        }
    )
    assert table.analyze_kano(frame)["feature"].tolist() == ["Zebra", "Apple"]


# ---- a feature with A + O + M + I = 0: a clear message, never a NaN ------------------


def _all_reverse() -> pd.DataFrame:
    return pd.DataFrame(
        {
            "respondent": [1, 2, 1, 2],
            "feature": ["Sales call", "Sales call", "Loaner", "Loaner"],
            "functional": ["Dislike", "Like", "Like", "Like"],
            "dysfunctional": ["Like", "Like", "Neutral", "Dislike"],
        }
    )


def test_undefined_feature_stops_with_a_message_naming_it():
    with pytest.raises(
        ValueError,
        match=r"cannot be computed for 'Sales call': every answer about it is Reverse or "
        r"Questionable",
    ):
        table.analyze_kano(_all_reverse())


def test_undefined_feature_can_be_left_out():
    results = table.analyze_kano(_all_reverse(), leave_out_undefined=True)
    assert results["feature"].tolist() == ["Loaner"]
    assert results.attrs["left_out"] == ["Sales call"]
    assert results.notna().all().all()


def test_better_worse_with_no_counted_answer_raises():
    with pytest.raises(ValueError, match=r"A \+ O \+ M \+ I is 0"):
        calc.better_worse(0, 0, 0, 0)
    with pytest.raises(ValueError, match=r"A \+ O \+ M \+ I is 0"):
        table.summarize_counts({"R": 4, "Q": 1})


# ---- bad input: a ValueError that names the column, the line and the fix -------------


def _csv(tmp_path, text: str) -> pd.DataFrame:
    path = tmp_path / "kano.csv"
    path.write_text(text)
    return tables.read_table(path)


HEADER = "respondent,feature,functional,dysfunctional\n"


def test_misspelled_column_is_named(tmp_path):
    frame = _csv(tmp_path, "respondent,feature,functional,dysfuntional\n1,X,Like,Dislike\n")
    with pytest.raises(
        ValueError,
        match=r"missing column 'dysfunctional' \(found 'dysfuntional': a misspelling\?\)",
    ):
        table.analyze_kano(frame)


def test_empty_table_is_rejected(tmp_path):
    with pytest.raises(ValueError, match="kano.csv: has no answers"):
        table.analyze_kano(_csv(tmp_path, HEADER))


def test_unknown_answer_names_the_line_column_and_accepted_answers(tmp_path):
    frame = _csv(tmp_path, HEADER + "1,X,Like,Dislike\n2,X,Love it,Dislike\n")
    with pytest.raises(ValueError) as caught:
        table.analyze_kano(frame)
    message = str(caught.value)
    assert "column 'functional'" in message
    assert "bad answers at kano.csv line 3: 'Love it'" in message
    assert "Like, Must-be, Neutral, Live-with or Dislike" in message


def test_blank_answer_names_the_line(tmp_path):
    frame = _csv(tmp_path, HEADER + "1,X,Like,\n")
    with pytest.raises(ValueError, match=r"column 'dysfunctional'.*kano.csv line 2: empty"):
        table.classify_answers(frame)


@pytest.mark.parametrize(
    ("row", "column"),
    [
        ("1,,Like,Dislike", "feature"),
        (",X,Like,Dislike", "respondent"),
        ("1,  ,Like,Dislike", "feature"),
    ],
)
def test_blank_feature_or_respondent_names_the_line(tmp_path, row, column):
    frame = _csv(tmp_path, HEADER + "2,X,Like,Dislike\n" + row + "\n")
    with pytest.raises(
        ValueError, match=rf"column '{column}'.*is empty at kano.csv line 3; fill it in"
    ):
        table.classify_answers(frame)


def test_a_respondent_answering_twice_about_a_feature_is_named(tmp_path):
    frame = _csv(tmp_path, HEADER + "1,X,Like,Dislike\n1,Y,Like,Dislike\n1,X,Neutral,Neutral\n")
    with pytest.raises(
        ValueError,
        match=r"repeat a respondent and feature: kano.csv line 2 \(1, X\); "
        r"kano.csv line 4 \(1, X\)",
    ):
        table.classify_answers(frame)


def test_summarize_counts_rejects_unknown_letters():
    with pytest.raises(
        ValueError, match=r"unknown categories 'X'; use the letters A, O, M, I, R, Q"
    ):
        table.summarize_counts({"A": 1, "X": 2})


# ---- properties ----------------------------------------------------------------------


answer = st.sampled_from(calc.ANSWERS)


pairs = st.lists(
    st.tuples(st.integers(1, 6), st.sampled_from(["F1", "F2", "F3"]), answer, answer),
    min_size=1,
    max_size=18,
)


def _table(rows) -> pd.DataFrame:
    frame = pd.DataFrame(rows, columns=["respondent", "feature", "functional", "dysfunctional"])
    return frame.drop_duplicates(["respondent", "feature"]).reset_index(drop=True)


@settings(max_examples=80)
@given(pairs)
def test_whole_table_classification_matches_the_scalar_lookup(rows):
    frame = _table(rows)
    result = table.classify_answers(frame)
    answered = zip(frame["functional"], frame["dysfunctional"], strict=True)
    expected = [calc.classify(f, d) for f, d in answered]
    assert result["category"].tolist() == expected


@settings(max_examples=80)
@given(pairs)
def test_coefficients_are_in_range_and_counts_add_up(rows):
    frame = _table(rows)
    results = table.analyze_kano(frame, leave_out_undefined=True)
    assert results["better"].between(0, 1).all() and results["worse"].between(-1, 0).all()
    assert (results[["A", "O", "M", "I", "R", "Q"]].sum(axis=1) == results["responses"]).all()
    assert results.notna().all().all()
    kept = frame[frame["feature"].isin(results["feature"])]
    assert results["responses"].sum() == len(kept)
    for _, row in results.iterrows():
        assert row["category"].split("/")[0] in calc.CATEGORIES
        best = max(row[letter] for letter in "AOMIRQ")
        assert all(row[letter] == best for letter in row["category"].split("/"))


@settings(max_examples=50)
@given(pairs, st.randoms())
def test_results_do_not_depend_on_row_order_except_feature_order(rows, random):
    frame = _table(rows)
    shuffled = frame.sample(frac=1, random_state=random.randint(0, 10_000)).reset_index(drop=True)
    a = table.analyze_kano(frame, leave_out_undefined=True).set_index("feature").sort_index()
    b = table.analyze_kano(shuffled, leave_out_undefined=True).set_index("feature").sort_index()
    pd.testing.assert_frame_equal(a, b)


def test_each_features_row_is_calcs_summary_of_its_counts(root):
    results = table.analyze_kano(tables.read_table(root / SAMPLE))
    for row in results.to_dict("records"):
        counts = {letter: row[letter] for letter in calc.LETTERS}
        assert row == calc.summarize(counts, row["feature"])


def test_the_columns_of_the_file_come_from_the_spec():
    assert list(table.KANO_COLUMNS) == ["respondent", "feature", "functional", "dysfunctional"]


def test_a_survey_whose_every_feature_is_left_out_still_has_the_columns():
    results = table.analyze_kano(_all_reverse().iloc[:2], leave_out_undefined=True)
    assert results.empty and list(results.columns) == list(table.RESULT_COLUMNS)
    assert results.attrs["left_out"] == ["Sales call"]
