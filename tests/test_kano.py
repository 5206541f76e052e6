"""Kano classification: the evaluation table cell by cell, the coefficients, properties,
bad input, the worksheet's form and chart, and the exercise checks."""

from __future__ import annotations

import ast

import matplotlib.colors as mcolors
import nbformat
import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from customer_focus import kano
from customer_focus.core import tables
from customer_focus.tools.spec import load_form, render_html
from customer_focus.practice import kano as practice
from customer_focus.worksheets import kano as worksheet

SAMPLE = "book/apply/tools/data/kano-sample.csv"

# ---- FACTS.md section 9: Berger et al. (1993), every cell -------------------------------

# rows: functional answer; columns: dysfunctional answer (Like, Must-be, Neutral, Live-with, Dislike)
PUBLISHED = {
    "Like": "Q A A A O",
    "Must-be": "R I I I M",
    "Neutral": "R I I I M",
    "Live-with": "R I I I M",
    "Dislike": "R R R R Q",
}
CELLS = [
    (functional, dysfunctional, letter)
    for functional, row in PUBLISHED.items()
    for dysfunctional, letter in zip(kano.ANSWERS, row.split())
]


def test_the_five_answers_in_order():
    assert kano.ANSWERS == ("Like", "Must-be", "Neutral", "Live-with", "Dislike")


@pytest.mark.parametrize(("functional", "dysfunctional", "letter"), CELLS)
def test_every_cell_of_the_evaluation_table(functional, dysfunctional, letter):
    assert kano.EVALUATION_TABLE[(functional, dysfunctional)] == letter
    assert kano.classify(functional, dysfunctional) == letter


@pytest.mark.parametrize(("functional", "dysfunctional", "letter"), CELLS)
def test_every_cell_through_a_table_of_answers(functional, dysfunctional, letter):
    table = pd.DataFrame(
        {"respondent": [1], "feature": ["X"], "functional": [functional.upper()], "dysfunctional": [dysfunctional.lower()]}
    )
    assert kano.classify_answers(table)["category"].tolist() == [letter]


def test_the_table_has_25_cells():
    assert len(kano.EVALUATION_TABLE) == 25 == len(CELLS)


def test_categories_with_kano_and_practitioner_names():
    assert [(c.letter, c.name, c.practitioner) for c in kano.CATEGORIES.values()] == [
        ("A", "Attractive", "delighter"),
        ("O", "One-dimensional", "performance"),
        ("M", "Must-be", "basic"),
        ("I", "Indifferent", ""),
        ("R", "Reverse", ""),
        ("Q", "Questionable", ""),
    ]


def test_question_pair_as_published():
    assert kano.FUNCTIONAL_QUESTION == "How do you feel if the product has X?"
    assert kano.DYSFUNCTIONAL_QUESTION == "How do you feel if the product does not have X?"


@pytest.mark.parametrize(("counts", "better", "worse"), [
    ((28, 12, 4, 12), 0.71, -0.29),  # the Learn chapter's loaner bike
    ((10, 30, 15, 5), 0.67, -0.75),  # the Learn chapter's exercise
    ((1, 0, 0, 0), 1.0, 0.0),
    ((0, 0, 1, 0), 0.0, -1.0),
])
def test_better_and_worse(counts, better, worse):
    b, w = kano.better_worse(*counts)
    assert b == pytest.approx(better, abs=0.005)
    assert w == pytest.approx(worse, abs=0.005)


def test_worse_is_never_minus_zero():
    _, worse = kano.better_worse(3, 0, 0, 2)
    assert str(worse) == "0.0"


def test_reverse_and_questionable_are_left_out_of_the_denominator():
    row = kano.summarize_counts({"A": 28, "O": 12, "M": 4, "I": 12, "R": 2, "Q": 2}).iloc[0]
    assert row["responses"] == 60
    assert row["better"] == pytest.approx(40 / 56)
    assert row["worse"] == pytest.approx(-16 / 56)
    assert row["category"] == "A" and row["kano_name"] == "Attractive" and row["practitioner_name"] == "delighter"


def test_category_chosen_most_often_and_ties():
    assert kano.summarize_counts({"A": 2, "O": 5, "M": 1})["category"].iloc[0] == "O"
    tie = kano.summarize_counts({"A": 3, "O": 3, "M": 1}).iloc[0]
    assert tie["category"] == "A/O"
    assert tie["kano_name"] == "Attractive / One-dimensional"
    assert tie["practitioner_name"] == "delighter / performance"
    assert kano.summarize_counts({"I": 2, "R": 2})["practitioner_name"].iloc[0] == ""


def test_analysis_of_the_sample(root):
    results = kano.analyze_kano(tables.read_table(root / SAMPLE)).set_index("feature")
    assert results["category"].to_dict() == {
        "Loaner bike during repairs": "A",
        "Repair done within two days": "O",
        "Brakes checked at every service": "M",
        "Shop logo sticker": "I",
        "Sales call after every visit": "R",
    }
    assert results.loc["Brakes checked at every service", ["A", "O", "M", "I", "R", "Q"]].tolist() == [0, 1, 6, 1, 0, 0]
    assert results.loc["Brakes checked at every service", "worse"] == pytest.approx(-7 / 8)
    assert results["responses"].tolist() == [8] * 5
    assert tables.read_table(root / "book/apply/tools/data/kano-sample.xlsx").equals(tables.read_table(root / SAMPLE))


@pytest.mark.parametrize("spelling", ["like", "LIKE", " Like ", "Must be", "must-be", "MUST_BE", "live with", "Live-With", "neutral", "dislike"])
def test_answers_are_accepted_in_any_case_and_with_a_space(spelling):
    assert kano.normalize_answer(spelling) in kano.ANSWERS


def test_classified_answers_are_written_the_standard_way_and_other_columns_kept():
    table = pd.DataFrame({
        "respondent": [1, 1], "feature": ["Loaner bike ", "Brake check"], "functional": ["like", "must be"],
        "dysfunctional": ["live with", "DISLIKE"], "store": ["North", "North"],
    })
    result = kano.classify_answers(table)
    assert result["functional"].tolist() == ["Like", "Must-be"]
    assert result["dysfunctional"].tolist() == ["Live-with", "Dislike"]
    assert result["feature"].tolist() == ["Loaner bike", "Brake check"]
    assert result["store"].tolist() == ["North", "North"]


def test_features_keep_their_order_of_first_appearance():
    table = pd.DataFrame({
        "respondent": [1, 1, 2], "feature": ["Zebra", "Apple", "Zebra"],
        "functional": ["Like"] * 3, "dysfunctional": ["Dislike"] * 3,
    })
    assert kano.analyze_kano(table)["feature"].tolist() == ["Zebra", "Apple"]


# ---- a feature with A + O + M + I = 0: a clear message, never a NaN -------------------------


def _all_reverse() -> pd.DataFrame:
    return pd.DataFrame({
        "respondent": [1, 2, 1, 2], "feature": ["Sales call", "Sales call", "Loaner", "Loaner"],
        "functional": ["Dislike", "Like", "Like", "Like"], "dysfunctional": ["Like", "Like", "Neutral", "Dislike"],
    })


def test_undefined_feature_stops_with_a_message_naming_it():
    with pytest.raises(ValueError, match=r"cannot be computed for 'Sales call': every answer about it is Reverse or Questionable"):
        kano.analyze_kano(_all_reverse())


def test_undefined_feature_can_be_left_out():
    results = kano.analyze_kano(_all_reverse(), leave_out_undefined=True)
    assert results["feature"].tolist() == ["Loaner"]
    assert results.attrs["left_out"] == ["Sales call"]
    assert results.notna().all().all()


def test_better_worse_with_no_counted_answer_raises():
    with pytest.raises(ValueError, match=r"A \+ O \+ M \+ I is 0"):
        kano.better_worse(0, 0, 0, 0)
    with pytest.raises(ValueError, match=r"A \+ O \+ M \+ I is 0"):
        kano.summarize_counts({"R": 4, "Q": 1})


# ---- bad input: a ValueError that names the column, the line and the fix ------------------


def _csv(tmp_path, text: str) -> pd.DataFrame:
    path = tmp_path / "kano.csv"
    path.write_text(text)
    return tables.read_table(path)


HEADER = "respondent,feature,functional,dysfunctional\n"


def test_misspelled_column_is_named(tmp_path):
    table = _csv(tmp_path, "respondent,feature,functional,dysfuntional\n1,X,Like,Dislike\n")
    with pytest.raises(ValueError, match=r"missing column 'dysfunctional' \(found 'dysfuntional': a misspelling\?\)"):
        kano.analyze_kano(table)


def test_empty_table_is_rejected(tmp_path):
    with pytest.raises(ValueError, match="kano.csv: has no answers"):
        kano.analyze_kano(_csv(tmp_path, HEADER))


def test_unknown_answer_names_the_line_column_and_accepted_answers(tmp_path):
    table = _csv(tmp_path, HEADER + "1,X,Like,Dislike\n2,X,Love it,Dislike\n")
    with pytest.raises(ValueError) as caught:
        kano.analyze_kano(table)
    message = str(caught.value)
    assert "column 'functional'" in message
    assert "bad answers at kano.csv line 3: 'Love it'" in message
    assert "Like, Must-be, Neutral, Live-with or Dislike" in message


def test_blank_answer_names_the_line(tmp_path):
    table = _csv(tmp_path, HEADER + "1,X,Like,\n")
    with pytest.raises(ValueError, match=r"column 'dysfunctional'.*kano.csv line 2: empty"):
        kano.classify_answers(table)


@pytest.mark.parametrize(("row", "column"), [("1,,Like,Dislike", "feature"), (",X,Like,Dislike", "respondent"), ("1,  ,Like,Dislike", "feature")])
def test_blank_feature_or_respondent_names_the_line(tmp_path, row, column):
    table = _csv(tmp_path, HEADER + "2,X,Like,Dislike\n" + row + "\n")
    with pytest.raises(ValueError, match=rf"column '{column}'.*is empty at kano.csv line 3; fill it in"):
        kano.classify_answers(table)


def test_a_respondent_answering_twice_about_a_feature_is_named(tmp_path):
    table = _csv(tmp_path, HEADER + "1,X,Like,Dislike\n1,Y,Like,Dislike\n1,X,Neutral,Neutral\n")
    with pytest.raises(ValueError, match=r"repeat a respondent and feature: kano.csv line 2 \(1, X\); kano.csv line 4 \(1, X\)"):
        kano.classify_answers(table)


@pytest.mark.parametrize(("functional", "dysfunctional", "message"), [
    ("Love", "Dislike", "functional must be one of"),
    ("Like", None, "dysfunctional must be one of"),
    ("Like", 3, "dysfunctional must be one of"),
])
def test_classify_rejects_unknown_answers(functional, dysfunctional, message):
    with pytest.raises(ValueError, match=message):
        kano.classify(functional, dysfunctional)


@pytest.mark.parametrize(("counts", "message"), [
    ((-1, 2, 3, 4), "attractive must be a whole number of at least 0"),
    ((1, 2.5, 3, 4), "one_dimensional must be a whole number"),
    ((1, 2, "3", 4), "must_be must be a whole number"),
])
def test_better_worse_rejects_bad_counts(counts, message):
    with pytest.raises(ValueError, match=message):
        kano.better_worse(*counts)


def test_summarize_counts_rejects_unknown_letters():
    with pytest.raises(ValueError, match=r"unknown categories 'X'; use the letters A, O, M, I, R, Q"):
        kano.summarize_counts({"A": 1, "X": 2})


# ---- properties ----------------------------------------------------------------------

answer = st.sampled_from(kano.ANSWERS)
pairs = st.lists(st.tuples(st.integers(1, 6), st.sampled_from(["F1", "F2", "F3"]), answer, answer), min_size=1, max_size=18)


def _table(rows) -> pd.DataFrame:
    table = pd.DataFrame(rows, columns=["respondent", "feature", "functional", "dysfunctional"])
    return table.drop_duplicates(["respondent", "feature"]).reset_index(drop=True)


@settings(max_examples=80)
@given(pairs)
def test_whole_table_classification_matches_the_scalar_lookup(rows):
    table = _table(rows)
    result = kano.classify_answers(table)
    expected = [kano.classify(f, d) for f, d in zip(table["functional"], table["dysfunctional"])]
    assert result["category"].tolist() == expected


@settings(max_examples=80)
@given(pairs)
def test_coefficients_are_in_range_and_counts_add_up(rows):
    table = _table(rows)
    results = kano.analyze_kano(table, leave_out_undefined=True)
    assert results["better"].between(0, 1).all() and results["worse"].between(-1, 0).all()
    assert (results[["A", "O", "M", "I", "R", "Q"]].sum(axis=1) == results["responses"]).all()
    assert results.notna().all().all()
    kept = table[table["feature"].isin(results["feature"])]
    assert results["responses"].sum() == len(kept)
    for _, row in results.iterrows():
        assert row["category"].split("/")[0] in kano.CATEGORIES
        best = max(row[letter] for letter in "AOMIRQ")
        assert all(row[letter] == best for letter in row["category"].split("/"))


@settings(max_examples=50)
@given(pairs, st.randoms())
def test_results_do_not_depend_on_row_order_except_feature_order(rows, random):
    table = _table(rows)
    shuffled = table.sample(frac=1, random_state=random.randint(0, 10_000)).reset_index(drop=True)
    a = kano.analyze_kano(table, leave_out_undefined=True).set_index("feature").sort_index()
    b = kano.analyze_kano(shuffled, leave_out_undefined=True).set_index("feature").sort_index()
    pd.testing.assert_frame_equal(a, b)


@given(st.integers(0, 500), st.integers(0, 500), st.integers(0, 500), st.integers(0, 500))
def test_better_worse_bounds_and_never_nan(a, o, m, i):
    try:
        better, worse = kano.better_worse(a, o, m, i)
    except ValueError:
        assert a + o + m + i == 0
        return
    assert 0 <= better <= 1 and -1 <= worse <= 0


# ---- the printable form --------------------------------------------------------------


def test_printable_form_is_the_kano_questionnaire():
    spec = load_form("kano")
    features = [section for section in spec.sections if section.title.startswith("Feature")]
    assert len(features) == 6
    for section in features:
        assert section.columns == ("Question", *kano.ANSWERS)
        assert section.row_labels == (
            "Functional: How do you feel if the product has X?",
            "Dysfunctional: How do you feel if the product does not have X?",
        )
    assert "Must-be: it must be that way, I expect it" in render_html(spec)


# ---- the worksheet's form and chart ----------------------------------------------------


def _html_outputs(form) -> list[str]:
    return [item.data if hasattr(item, "data") else item.to_html() for item in form.results()]


def test_form_shows_the_pair_category_and_the_example_coefficients():
    texts = _html_outputs(worksheet.KanoForm())
    assert any("Like / Live-with → <strong>A, Attractive</strong>; practitioners say delighter" in t for t in texts)
    assert any("Loaner bike: Better 0.71, Worse -0.29</strong>; chosen most often: A (Attractive)" in t for t in texts)
    assert any('alt="Scatter chart of Kano coefficients' in t for t in texts)


def test_form_updates_when_an_answer_changes():
    form = worksheet.KanoForm()
    form.dysfunctional.value = "Dislike"
    assert any("<strong>O, One-dimensional</strong>" in t for t in _html_outputs(form))


@pytest.mark.parametrize(("changes", "message"), [
    ({"A": -1}, "count of A must be a whole number of at least 0"),
    ({"A": 0, "O": 0, "M": 0, "I": 0}, "A + O + M + I is 0"),
])
def test_form_shows_a_message_instead_of_a_traceback(changes, message):
    form = worksheet.KanoForm()
    for letter, value in changes.items():
        form.counts[letter].value = value
    texts = _html_outputs(form)
    assert len(texts) == 2  # the pair lookup still shows; then one message
    assert 'role="alert"' in texts[1] and message in texts[1]


def _texts(figure) -> list[str]:
    return [t.get_text() for t in figure.findobj(match=lambda o: hasattr(o, "get_text"))]


def test_chart_names_every_feature_and_category(root):
    results = kano.analyze_kano(tables.read_table(root / SAMPLE))
    figure = worksheet.better_worse_chart(results, title="Brightwater")
    texts = _texts(figure)
    for name in results["feature"]:
        assert name in texts
    for label in ("A: Attractive (delighter)", "O: One-dimensional (performance)", "M: Must-be (basic)", "I: Indifferent", "R: Reverse"):
        assert label in texts
    assert "Better: how much satisfaction its presence adds" in texts
    assert "|Worse|: how much dissatisfaction its absence causes" in texts
    assert mcolors.to_hex(figure.get_facecolor()) == "#ffffff"
    assert mcolors.to_hex(figure.axes[0].get_facecolor()) == "#ffffff"
    assert figure._repr_png_().startswith(b"\x89PNG")


def test_chart_shows_a_tie_with_its_own_legend_entry():
    texts = _texts(worksheet.better_worse_chart(kano.summarize_counts({"A": 2, "O": 2}, "Tied")))
    assert "Tie between categories" in texts


def test_alt_text_describes_each_point(root):
    text = worksheet.describe_better_worse(kano.analyze_kano(tables.read_table(root / SAMPLE)))
    assert "Brakes checked at every service: Better 0.12, Worse −0.88, chosen most often M (Must-be)." in text


def test_chart_rejects_an_empty_or_wrong_table():
    with pytest.raises(ValueError, match="column 'better' is missing"):
        worksheet.better_worse_chart(pd.DataFrame({"feature": ["x"], "category": ["A"], "worse": [0]}))
    with pytest.raises(ValueError, match="no features to draw"):
        worksheet.better_worse_chart(kano.analyze_kano(_all_reverse(), leave_out_undefined=True).iloc[:0])


def test_tables_for_reading():
    assert worksheet.evaluation_table().loc["Dislike", "Dislike"] == "Q"
    shown = worksheet.results_table(kano.summarize_counts({"A": 28, "O": 12, "M": 4, "I": 12}, "Loaner bike"))
    assert shown.loc["Loaner bike", ["Better", "Worse", "Practitioner name"]].tolist() == ["0.71", "−0.29", "delighter"]


# ---- the exercise checks -------------------------------------------------------------


def test_notebook_prints_the_same_counts_as_the_check(root):
    notebook = nbformat.read(root / "solutions/kano.ipynb", as_version=4)
    cells = [cell.source.strip() for cell in notebook.cells if cell.source.startswith("counts = ")]
    assert [ast.literal_eval(cell.split("=", 1)[1].strip()) for cell in cells] == [practice.COUNTS]


WRONG = {
    "q1": ("I", "dislikes missing it"),
    "q1b": ("o", "*Like* when the feature is there and *Dislike*"),
    "q2": (0.6, "divided by all 50 answers"),
    "q3": (0.533, "Worse is negative"),
    "q3b": (-0.48, "divided by all 50 answers"),
    "q4": ("Repair done within two days", "A close second"),
}


@pytest.mark.parametrize("key", sorted(WRONG))
def test_check_fails_on_a_wrong_answer_and_says_why(key):
    question = practice.exercise.questions[key[:2]]
    value, reason = WRONG[key]
    practice.bind({question.variable: value})
    result = question.check()
    assert result.status == "Incorrect"
    assert reason in result.message


def test_the_reasons_of_question_4_still_match_the_sample(root):
    results = kano.analyze_kano(tables.read_table(root / SAMPLE)).set_index("feature")
    assert results.loc["Repair done within two days", "worse"] == pytest.approx(-0.75)
    assert results.loc["Shop logo sticker", "worse"] == 0
    assert results.loc["Sales call after every visit", "category"] == "R"
    assert results["better"].idxmax() in ("Loaner bike during repairs", "Repair done within two days")
