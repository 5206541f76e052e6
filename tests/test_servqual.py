"""SERVQUAL gap scores: the published structure, properties, bad input, the worksheet's
form and chart, and the exercise checks."""

from __future__ import annotations


import matplotlib.colors as mcolors
import numpy as np
import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from hypothesis.extra.numpy import arrays

from customer_focus import servqual
from customer_focus.core import tables
from customer_focus.publish.exercises import solution_code
from customer_focus.tools.spec import load_form, render_html
from customer_focus.practice import servqual as practice
from customer_focus.worksheets import servqual as worksheet

SAMPLE = "book/apply/tools/data/servqual-sample.csv"


def survey(expectations, perceptions, weights=None, rows: int = 1) -> pd.DataFrame:
    """A survey table: each argument is a number, or 22 (5 for weights) numbers, or a (rows × 22) array."""
    e = np.broadcast_to(np.asarray(expectations), (rows, 22))
    p = np.broadcast_to(np.asarray(perceptions), (rows, 22))
    data = {**{f"E{i + 1}": e[:, i] for i in range(22)}, **{f"P{i + 1}": p[:, i] for i in range(22)}}
    if weights is not None:
        w = np.broadcast_to(np.asarray(weights), (rows, 5))
        data.update({column: w[:, j] for j, column in enumerate(servqual.WEIGHT_COLUMNS)})
    return pd.DataFrame(data)


# ---- docs/facts.md section 8: Parasuraman, Zeithaml & Berry (1988), exactly ------------------


def test_five_dimensions_in_rater_order_with_the_published_definitions():
    assert [(d.name, d.definition) for d in servqual.DIMENSIONS] == [
        ("Tangibles", "appearance of physical facilities, equipment, personnel, and communication materials."),
        ("Reliability", "ability to perform the promised service dependably and accurately."),
        ("Responsiveness", "willingness to help customers and provide prompt service."),
        ("Assurance", "knowledge and courtesy of employees and their ability to inspire (convey) trust and confidence."),
        ("Empathy", "caring, individualized attention the firm provides its customers."),
    ]


def test_22_items_split_4_5_4_4_5_and_labeled_by_dimension():
    assert [len(d.items) for d in servqual.DIMENSIONS] == [4, 5, 4, 4, 5]
    assert sum(len(d.items) for d in servqual.DIMENSIONS) == 22
    assert servqual.ITEMS[1] == "Tangibles 1" and servqual.ITEMS[5] == "Reliability 1"
    assert servqual.ITEMS[13] == "Responsiveness 4" and servqual.ITEMS[22] == "Empathy 5"
    assert servqual.EXPECTATION_COLUMNS[0] == "E1" and servqual.PERCEPTION_COLUMNS[-1] == "P22"
    assert servqual.WEIGHT_COLUMNS == ("W_tangibles", "W_reliability", "W_responsiveness", "W_assurance", "W_empathy")


def test_split_is_flagged_as_secondary_and_critics_are_named():
    doc = servqual.__doc__
    assert "secondary sources" in doc
    assert "Cronin & Taylor (1992)" in doc and "SERVPERF" in doc and "difference scores" in doc
    assert "Parasuraman, Berry & Zeithaml 1991" in doc


def test_gap_is_perception_minus_expectation():
    items = servqual.item_gaps(survey(6, 4))
    assert items["gap"].tolist() == [-2.0] * 22
    assert items["label"].tolist() == list(servqual.ITEMS.values())


def test_learn_chapter_example_unweighted_and_weighted():
    table = servqual.score_dimensions([5.0, 6.6, 6.2, 6.0, 5.4], [5.4, 5.1, 5.0, 5.8, 5.6], [10, 35, 25, 15, 15])
    assert table["dimension"].tolist() == ["Tangibles", "Reliability", "Responsiveness", "Assurance", "Empathy", "Overall"]
    assert table["gap"].tolist() == pytest.approx([0.4, -1.5, -1.2, -0.2, 0.2, -0.46])
    assert table["weighted_gap"].tolist() == pytest.approx([0.04, -0.525, -0.3, -0.03, 0.03, -0.785])
    assert table["weight"].iloc[-1] == pytest.approx(1.0)


def test_score_dimensions_accepts_a_mapping_by_dimension_name():
    by_name = servqual.score_dimensions(
        {"Tangibles": 5, "reliability": 7, "responsiveness": 6, "assurance": 6, "empathy": 5},
        {"tangibles": 5, "reliability": 5, "responsiveness": 6, "assurance": 6, "empathy": 5},
    )
    assert by_name.set_index("dimension").loc["Reliability", "gap"] == -2.0
    assert "weighted_gap" not in by_name


def test_dimension_gaps_average_items_then_dimensions():
    # perceptions one point below expectations on reliability items only
    p = np.full(22, 6)
    p[4:9] = 5
    table = servqual.dimension_gaps(survey(6, p)).set_index("dimension")
    assert table.loc["Reliability", "gap"] == -1.0
    assert table.loc["Tangibles", "gap"] == 0.0
    assert table.loc["Overall", "gap"] == pytest.approx(-0.2)  # mean of the five dimensions
    assert table["items"].tolist() == [4, 5, 4, 4, 5, 22]


def test_weighted_score_uses_each_respondents_own_weights():
    e = np.full((2, 22), 6)
    p = np.full((2, 22), 6)
    p[0, 4:9] = 4  # respondent 1: reliability −2
    p[1, 0:4] = 3  # respondent 2: tangibles −3
    table = survey(e, p, [[0, 100, 0, 0, 0], [50, 50, 0, 0, 0]], rows=2)
    result = servqual.dimension_gaps(table).set_index("dimension")
    # respondent 1 weighted: 1.0 × −2 = −2; respondent 2: 0.5 × −3 + 0.5 × 0 = −1.5
    assert result.loc["Overall", "weighted_gap"] == pytest.approx(-1.75)
    assert result.loc["Reliability", "weighted_gap"] == pytest.approx(-1.0)
    assert result.loc["Tangibles", "weighted_gap"] == pytest.approx(-0.75)
    assert result.loc["Reliability", "weight"] == pytest.approx(0.75)
    scores = servqual.respondent_scores(table)
    assert scores["weighted"].tolist() == pytest.approx([-2.0, -1.5])
    assert scores["reliability"].tolist() == pytest.approx([-2.0, 0.0])


def test_respondent_scores_keep_the_respondent_column():
    table = survey(6, 5, rows=2)
    table.insert(0, "respondent", ["F01", "F02"])
    scores = servqual.respondent_scores(table)
    assert scores["respondent"].tolist() == ["F01", "F02"]
    assert list(scores.columns[1:]) == ["tangibles", "reliability", "responsiveness", "assurance", "empathy", "overall"]


def test_sample_file_and_its_excel_copy(root):
    answers = tables.read_table(root / SAMPLE)
    assert len(answers) == 20
    assert tables.read_table(root / "book/apply/tools/data/servqual-sample.xlsx").equals(answers)
    table = servqual.dimension_gaps(answers).set_index("dimension")
    assert table["gap"].idxmin() == "Reliability"
    assert table.loc["Overall", "weighted_gap"] == pytest.approx(table["weighted_gap"].iloc[:5].sum())


# ---- bad input: a ValueError that names the column, the line and the fix ------------------


def _csv(tmp_path, table: pd.DataFrame) -> pd.DataFrame:
    path = tmp_path / "servqual.csv"
    table.to_csv(path, index=False)
    return tables.read_table(path)


def test_misspelled_column_is_named():
    table = survey(6, 5).rename(columns={"P7": "p 07"})
    with pytest.raises(ValueError) as caught:
        servqual.dimension_gaps(table)
    message = str(caught.value)
    assert "missing column 'P7' (found 'p 07': a misspelling?)" in message
    assert "Expected columns: E1 … E22 and P1 … P22" in message
    assert "Other columns found: p 07." in message


def test_many_missing_columns_are_summarized():
    with pytest.raises(ValueError, match=r"missing columns 'E1', 'E2', 'E3', 'E4', 'E5', 'E6' and 38 more"):
        servqual.check_servqual(pd.DataFrame({"respondent": [1]}))


def test_misspelled_weight_column_is_not_silently_ignored():
    table = survey(6, 5, [20] * 5).rename(columns={"W_reliability": "w_Reliability"})
    with pytest.raises(ValueError, match=r"'w_Reliability' looks like the weight column 'W_reliability'"):
        servqual.check_servqual(table)


def test_not_a_table_is_explained():
    with pytest.raises(ValueError, match="expected a table"):
        servqual.check_servqual({"E1": [6]})


def test_some_but_not_all_weight_columns_are_rejected():
    table = survey(6, 5).assign(W_tangibles=50, W_reliability=50)
    with pytest.raises(ValueError, match=r"need all five columns.*missing W_responsiveness, W_assurance, W_empathy"):
        servqual.check_servqual(table)


def test_empty_table_is_rejected():
    with pytest.raises(ValueError, match="has no respondents"):
        servqual.check_servqual(survey(6, 5).iloc[:0])


def test_blank_answer_names_the_column_and_line(tmp_path):
    table = survey(6, 5, rows=3).astype(object)
    table.loc[1, "E3"] = None
    with pytest.raises(ValueError, match=r"column 'E3' \(the expectation for item Tangibles 3, from 1 to 7\).*servqual.csv line 3: empty"):
        servqual.dimension_gaps(_csv(tmp_path, table))


@pytest.mark.parametrize(("column", "value", "shown"), [("P5", 8, "8"), ("E1", 0, "0"), ("P22", "good", "'good'")])
def test_answer_outside_the_scale_names_the_column_and_line(tmp_path, column, value, shown):
    table = survey(6, 5, rows=2).astype(object)
    table.loc[1, column] = value
    with pytest.raises(ValueError, match=rf"column '{column}'.*number from 1 to 7 in every row; bad values at servqual.csv line 3: {shown}\..*every item needs"):
        servqual.item_gaps(_csv(tmp_path, table))


def test_answer_between_two_points_names_the_column_and_line(tmp_path):
    table = survey(6, 5, rows=2).astype(object)
    table.loc[0, "P9"] = 5.5
    with pytest.raises(ValueError, match=r"column 'P9' \(the perception for item Reliability 5.*between two points of the scale at servqual.csv line 2: 5.5"):
        servqual.dimension_gaps(_csv(tmp_path, table))


def test_weights_that_do_not_add_up_to_100_name_the_line(tmp_path):
    table = survey(6, 5, [20, 20, 20, 20, 20], rows=3).astype(object)
    table.loc[2, "W_empathy"] = 10
    with pytest.raises(ValueError, match=r"must add up to 100 for every respondent; servqual.csv line 4 adds up to 90 \(20 \+ 20 \+ 20 \+ 20 \+ 10\)"):
        servqual.dimension_gaps(_csv(tmp_path, table))


def test_negative_weight_names_the_column(tmp_path):
    table = survey(6, 5, [120, -20, 0, 0, 0])
    with pytest.raises(ValueError, match=r"column 'W_tangibles'.*from 0 to 100.*line 2: 120"):
        servqual.dimension_gaps(_csv(tmp_path, table))


def test_weights_like_33_33_33_34_are_accepted():
    table = survey(6, 5, [33.33, 33.33, 33.34, 0, 0])
    assert servqual.dimension_gaps(table)["weight"].iloc[-1] == pytest.approx(1.0)


@pytest.mark.parametrize(("arguments", "message"), [
    (([5, 6, 7], [5] * 5), "needs five values, one per dimension"),
    (({"tangibles": 5}, [5] * 5), "missing Reliability, Responsiveness, Assurance, Empathy"),
    (({"tangibles": 5, "reliability": 5, "responsiveness": 5, "assurance": 5, "empathy": 5, "speed": 5}, [5] * 5), "unknown speed"),
    (([5, 6, 8, 5, 5], [5] * 5), "expectation for responsiveness must be from 1 to 7"),
    (([5] * 5, [5, 5, 5, 5, "5"]), "perception for empathy must be a number"),
    (([5] * 5, [5] * 5, [20, 20, 20, 20, 10]), r"add up to 100 points; yours add up to 90 \(20 \+ 20 \+ 20 \+ 20 \+ 10\)"),
    (([5] * 5, [5] * 5, [120, -20, 0, 0, 0]), "weight for reliability must be 0 or more"),
    (([5] * 5, [5] * 5, [20, 20, 20, 20, float("nan")]), "weight for empathy must be a finite number"),
])
def test_score_dimensions_rejects_bad_input(arguments, message):
    with pytest.raises(ValueError, match=message):
        servqual.score_dimensions(*arguments)


# ---- properties ----------------------------------------------------------------------

scale = arrays(np.int64, (3, 22), elements=st.integers(1, 7))
points = st.lists(st.integers(0, 20), min_size=5, max_size=5).filter(lambda w: sum(w) > 0)


@settings(max_examples=60)
@given(scale, scale)
def test_gaps_are_bounded_and_overall_is_the_mean_of_dimensions(e, p):
    table = servqual.dimension_gaps(survey(e, p, rows=3))
    assert table["gap"].between(-6, 6).all()
    assert table["gap"].iloc[-1] == pytest.approx(table["gap"].iloc[:5].mean())
    assert table["gap"].tolist() == pytest.approx((table["perception"] - table["expectation"]).tolist())
    assert table.notna().all().all()


@settings(max_examples=60)
@given(scale)
def test_equal_expectation_and_perception_give_no_gap(e):
    assert servqual.dimension_gaps(survey(e, e, rows=3))["gap"].abs().max() == 0


@settings(max_examples=60)
@given(scale, scale)
def test_equal_weights_give_the_unweighted_score(e, p):
    table = servqual.dimension_gaps(survey(e, p, [20] * 5, rows=3))
    assert table["weighted_gap"].iloc[-1] == pytest.approx(table["gap"].iloc[-1])


@settings(max_examples=60)
@given(scale, scale, points)
def test_weighted_score_lies_between_the_worst_and_best_respondent_dimension(e, p, raw):
    weights = np.array(raw) * 100 / sum(raw)
    scores = servqual.respondent_scores(survey(e, p, weights, rows=3))
    gaps = scores[["tangibles", "reliability", "responsiveness", "assurance", "empathy"]].to_numpy()
    assert (scores["weighted"] >= gaps.min(axis=1) - 1e-9).all()
    assert (scores["weighted"] <= gaps.max(axis=1) + 1e-9).all()


@settings(max_examples=60)
@given(scale, st.integers(1, 3))
def test_raising_every_perception_raises_every_gap_by_the_same_amount(e, shift):
    p = np.clip(e, 1, 7 - shift)
    before = servqual.dimension_gaps(survey(e, p, rows=3))["gap"]
    after = servqual.dimension_gaps(survey(e, p + shift, rows=3))["gap"]
    assert (after - before).tolist() == pytest.approx([shift] * 6)


# ---- the printable form --------------------------------------------------------------


def test_printable_form_labels_items_without_inventing_statements():
    spec = load_form("servqual")
    html = render_html(spec)
    for dimension in servqual.DIMENSIONS:
        assert dimension.definition in html
    parts = {section.title: section for section in spec.sections}
    expectation = parts["Part A: What you expect (E)"]
    assert expectation.row_labels == tuple(servqual.ITEMS.values())
    assert "Statement" in expectation.columns
    assert "Total (must be 100)" in parts["Part C (optional): How important is each area to you?"].row_labels


# ---- the worksheet's form and chart ----------------------------------------------------


def _html_outputs(form) -> list[str]:
    return [item.data if hasattr(item, "data") else item.to_html() for item in form.results()]


def test_form_shows_the_example_scores():
    texts = _html_outputs(worksheet.ServqualForm())
    assert any("Overall gap (unweighted): −0.46</strong>; <strong>weighted: −0.79" in text for text in texts)
    assert any('alt="Dot chart of average expectation and perception' in text for text in texts)


def test_form_without_weights_shows_the_unweighted_score_only():
    form = worksheet.ServqualForm()
    form.use_weights.value = False
    texts = _html_outputs(form)
    assert any("Overall gap (unweighted): −0.46</strong>. A negative gap" in text for text in texts)


@pytest.mark.parametrize(("box", "value", "message"), [
    ("expectations", 8.0, "expectation for tangibles must be from 1 to 7"),
    ("perceptions", float("nan"), "perception for tangibles must be a finite number"),
    ("weights", 50.0, "must add up to 100 points; yours add up to 140"),
])
def test_form_shows_a_message_instead_of_a_traceback(box, value, message):
    form = worksheet.ServqualForm()
    getattr(form, box)[0].value = value
    texts = _html_outputs(form)
    assert len(texts) == 1 and 'role="alert"' in texts[0] and message in texts[0]


def _texts(figure) -> list[str]:
    return [t.get_text() for t in figure.findobj(match=lambda o: hasattr(o, "get_text"))]


def test_chart_labels_every_dimension_and_gap(root):
    dimensions = servqual.dimension_gaps(tables.read_table(root / SAMPLE))
    figure = worksheet.servqual_chart(dimensions, title="Fleet customers")
    texts = _texts(figure)
    for name in ("Tangibles", "Reliability", "Responsiveness", "Assurance", "Empathy", "Expected (E)", "Perceived (P)", "Gap", "Fleet customers"):
        assert name in texts
    assert "Overall" not in texts
    assert "−1.31" in texts
    assert "Average score (1 = strongly disagree, 7 = strongly agree)" in texts
    assert mcolors.to_hex(figure.get_facecolor()) == "#ffffff"
    assert mcolors.to_hex(figure.axes[0].get_facecolor()) == "#ffffff"
    assert figure._repr_png_().startswith(b"\x89PNG")


def test_alt_text_names_the_largest_shortfall():
    table = servqual.score_dimensions(**worksheet.EXAMPLE)
    text = worksheet.describe_servqual(table)
    assert "Reliability: expected 6.60, perceived 5.10, gap −1.50." in text
    assert text.endswith("The largest shortfall is Reliability, −1.50.")
    assert "meets or beats" in worksheet.describe_servqual(servqual.score_dimensions([5] * 5, [6] * 5))


def test_chart_rejects_a_table_that_is_not_a_gap_table():
    with pytest.raises(ValueError, match="column 'gap' is missing"):
        worksheet.servqual_chart(pd.DataFrame({"dimension": ["A"], "expectation": [5], "perception": [4]}))


def test_tables_for_reading():
    shown = worksheet.dimension_table(servqual.score_dimensions(**worksheet.EXAMPLE))
    assert shown.loc["Overall", "Weighted gap"] == "−0.785"
    assert shown.loc["Reliability", "Weight (share of 100 points)"] == "35.0%"
    items = worksheet.item_table(servqual.item_gaps(survey(6, 5)))
    assert items.loc[22, "Label"] == "Empathy 5" and items.loc[22, "Gap (P − E)"] == "−1.00"


# ---- the exercise checks -------------------------------------------------------------


def _solutions(root) -> dict[str, str]:
    """Each question's solution code, taken from the solution notebook itself."""
    return solution_code(root / "solutions/servqual.ipynb")


def test_check_passes_on_every_solution_in_order(root, monkeypatch):
    monkeypatch.chdir(root / "solutions")
    namespace = {"servqual": servqual, "tables": tables}
    solutions = _solutions(root)
    exercise = practice.bind(namespace)
    for name in ("q1", "q2", "q3", "q4"):
        exec(solutions[name], namespace)  # noqa: S102 - the course's own solution code
        result = exercise.questions[name].check()
        assert result.passed, (name, result)


WRONG = {
    "q1": (1.3, "You computed E − P"),
    "q2": (1.31, "You computed E − P"),
    "q3": (-0.403, "unweighted score"),
    "q3b": (-75.06, "divide the points by 100"),
    "q4": ("Responsiveness", "reliability's is larger"),
    "q4b": ("Tangibles", "Perception beats expectation"),
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
    table = servqual.dimension_gaps(tables.read_table(root / SAMPLE)).set_index("dimension")
    assert table.loc["Tangibles", "gap"] > 0 and table.loc["Empathy", "gap"] > 0
    assert table.loc["Reliability", "gap"] < table.loc["Responsiveness", "gap"] < table.loc["Assurance", "gap"] < 0
    assert table.loc["Reliability", "weight"] > table.loc["Responsiveness", "weight"]
