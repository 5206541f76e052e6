"""Customer feedback and the Net Promoter Score: the published definition, properties,
bad input, the worksheet's form and chart, and the exercise checks."""

from __future__ import annotations

import math

import matplotlib.colors as mcolors
import nbformat
import numpy as np
import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from customer_focus import feedback
from customer_focus.core import tables
from customer_focus.tools.spec import load_form, render_html
from customer_focus.practice import feedback as practice
from customer_focus.worksheets import feedback as worksheet

# ---- FACTS.md section 10: Reichheld (2003), exactly -----------------------------------


def test_question_is_reichhelds_word_for_word():
    assert feedback.NPS_QUESTION == (
        "How likely is it that you would recommend [company X] to a friend or colleague?"
    )


@pytest.mark.parametrize(
    ("score", "group"),
    [(s, "detractor") for s in range(0, 7)] + [(7, "passive"), (8, "passive"), (9, "promoter"), (10, "promoter")],
)
def test_every_score_falls_in_its_published_group(score, group):
    assert feedback.nps_group(score) == group


def test_nps_is_percent_promoters_minus_percent_detractors():
    # the Learn chapter's invented example: 120 promoters, 80 passives, 50 detractors
    assert feedback.nps_from_counts(120, 80, 50) == pytest.approx(48 - 20)


@pytest.mark.parametrize(
    ("counts", "expected"),
    [((36, 24, 20), 20.0), ((38, 24, 18), 25.0), ((10, 0, 0), 100.0), ((0, 0, 10), -100.0), ((0, 7, 0), 0.0)],
)
def test_nps_from_counts_examples_and_both_ends_of_the_range(counts, expected):
    assert feedback.nps_from_counts(*counts) == pytest.approx(expected)


def test_net_promoter_score_of_a_list():
    assert feedback.net_promoter_score([10, 9, 8, 7, 6, 0, 10, 5, 9, 8]) == pytest.approx(10.0)


def test_net_promoter_score_accepts_arrays_series_and_whole_floats():
    assert feedback.net_promoter_score(np.array([10, 0])) == 0.0
    assert feedback.net_promoter_score(pd.Series([9.0, 9.0, 7.0])) == pytest.approx(200 / 3)


def test_margin_of_error_uses_the_normal_approximation():
    p, d, n = 0.48, 0.20, 250
    expected = 1.96 * 100 * math.sqrt((p + d - (p - d) ** 2) / n)
    assert feedback.nps_margin_of_error(120, 80, 50) == pytest.approx(expected)
    assert feedback.nps_margin_of_error(10, 0, 0) == 0.0


# ---- analysis of a table -------------------------------------------------------------

SAMPLE = "book/apply/tools/data/feedback-sample.csv"


def _sample(root) -> pd.DataFrame:
    return tables.read_table(root / SAMPLE)


def test_sample_segments_share_an_nps_of_20_but_not_their_distribution(root):
    summary = feedback.analyze_feedback(_sample(root), by="segment").set_index("group")
    assert list(summary.index) == ["Maintenance contract", "One-off repair", "All responses"]
    assert summary["nps"].tolist() == pytest.approx([20.0, 20.0, 20.0])
    assert summary.loc["Maintenance contract", ["promoters", "passives", "detractors"]].tolist() == [5, 8, 2]
    assert summary.loc["One-off repair", ["promoters", "passives", "detractors"]].tolist() == [8, 2, 5]
    assert summary.loc["All responses", "responses"] == 30


def test_excel_sample_holds_the_same_rows(root):
    assert tables.read_table(root / "book/apply/tools/data/feedback-sample.xlsx").equals(_sample(root))


def test_analysis_columns_shares_and_satisfaction():
    table = pd.DataFrame({"recommend": [10, 9, 8, 3], "satisfaction": [5, 5, 4, 2]})
    row = feedback.analyze_feedback(table).iloc[0]
    assert row["group"] == feedback.ALL_RESPONSES
    assert row[["promoters", "passives", "detractors"]].tolist() == [2, 1, 1]
    assert row[["promoter_share", "passive_share", "detractor_share"]].tolist() == [0.5, 0.25, 0.25]
    assert row["nps"] == 25.0
    assert row["satisfaction_mean"] == 4.0
    assert row["top_box_share"] == 0.5


def test_analysis_without_satisfaction_has_no_satisfaction_columns():
    summary = feedback.analyze_feedback(pd.DataFrame({"recommend": [9, 3]}))
    assert "satisfaction_mean" not in summary and "top_box_share" not in summary


def test_blank_segments_form_their_own_group_and_labels_are_trimmed():
    table = pd.DataFrame({"recommend": [10, 0, 9, 5], "segment": ["North ", None, "North", " "]})
    summary = feedback.analyze_feedback(table, by="segment")
    assert summary["group"].tolist() == [feedback.NOT_GIVEN, "North", feedback.ALL_RESPONSES]
    assert summary["responses"].tolist() == [2, 2, 4]
    assert summary["nps"].tolist() == pytest.approx([-100.0, 100.0, 0.0])


def test_check_feedback_keeps_other_columns_and_adds_the_group():
    table = pd.DataFrame({"recommend": ["10", 7.0, 6], "note": ["a", "b", "c"]})
    checked = feedback.check_feedback(table)
    assert checked["recommend"].tolist() == [10, 7, 6]
    assert checked["recommend"].dtype == np.int64
    assert checked["group"].astype(str).tolist() == ["promoter", "passive", "detractor"]
    assert checked["note"].tolist() == ["a", "b", "c"]


def test_score_distribution_counts_every_score_per_group():
    table = pd.DataFrame({"recommend": [10, 10, 0, 7], "segment": ["A", "A", "B", "B"]})
    distribution = feedback.score_distribution(table, by="segment")
    assert len(distribution) == 22
    a = distribution[distribution["group"] == "A"].set_index("score")
    assert a.loc[10, "responses"] == 2 and a.loc[10, "share"] == 1.0 and a.loc[10, "nps_group"] == "promoter"
    b = distribution[distribution["group"] == "B"].set_index("score")
    assert b.loc[[0, 7], "share"].tolist() == [0.5, 0.5]
    assert b.loc[6, "nps_group"] == "detractor" and b.loc[7, "nps_group"] == "passive"


def test_satisfaction_distribution_counts_ratings(root):
    ratings = feedback.satisfaction_distribution(_sample(root), by="segment")
    contract = ratings[ratings["group"] == "Maintenance contract"]["responses"].tolist()
    assert contract == [0, 0, 5, 8, 2]
    assert ratings.groupby("group")["share"].sum().tolist() == pytest.approx([1.0, 1.0])


# ---- bad input: a ValueError that names the input, the line and the fix ------------------


def _csv(tmp_path, text: str) -> pd.DataFrame:
    path = tmp_path / "feedback.csv"
    path.write_text(text)
    return tables.read_table(path)


def test_missing_recommend_column_is_named_with_the_misspelling(tmp_path):
    table = _csv(tmp_path, "recomend,satisfaction\n9,5\n")
    with pytest.raises(ValueError) as caught:
        feedback.analyze_feedback(table)
    message = str(caught.value)
    assert "missing column 'recommend' (found 'recomend': a misspelling?)" in message
    assert "optional: satisfaction, segment" in message


def test_empty_table_is_rejected(tmp_path):
    with pytest.raises(ValueError, match="feedback.csv: has no responses"):
        feedback.analyze_feedback(_csv(tmp_path, "recommend\n"))


def test_blank_score_names_the_line(tmp_path):
    table = _csv(tmp_path, "recommend,segment\n9,A\n,B\n7,A\n")
    with pytest.raises(ValueError, match=r"feedback.csv line 3: empty.*a blank is not a 0"):
        feedback.analyze_feedback(table)


@pytest.mark.parametrize(("value", "shown"), [("11", "11"), ("-1", "-1"), ("ten", "'ten'")])
def test_out_of_range_or_text_score_names_the_line_and_the_range(tmp_path, value, shown):
    table = _csv(tmp_path, f"recommend\n9\n{value}\n")
    with pytest.raises(ValueError, match=rf"number from 0 to 10 in every row; bad values at feedback.csv line 3: {shown}\."):
        feedback.analyze_feedback(table)


def test_score_between_two_points_names_the_line(tmp_path):
    table = _csv(tmp_path, "recommend\n9\n7.5\n8\n")
    with pytest.raises(ValueError, match=r"whole numbers from 0 to 10; found answers between two points of the scale at feedback.csv line 3: 7.5"):
        feedback.check_feedback(table)


def test_many_bad_scores_are_counted(tmp_path):
    table = _csv(tmp_path, "recommend\n" + "\n".join(["7.5"] * 8) + "\n")
    with pytest.raises(ValueError, match=r"line 6: 7.5 \(and 3 more\)"):
        feedback.check_feedback(table)


@pytest.mark.parametrize("value", ["0", "6", "4.5"])
def test_bad_satisfaction_names_the_line(tmp_path, value):
    table = _csv(tmp_path, f"recommend,satisfaction\n9,5\n8,{value}\n")
    with pytest.raises(ValueError, match=r"'satisfaction' \(the 1–5 overall satisfaction answer\).*feedback.csv line 3"):
        feedback.check_feedback(table)


def test_unknown_segment_column_is_named():
    with pytest.raises(ValueError, match="missing column 'region'"):
        feedback.analyze_feedback(pd.DataFrame({"recommend": [9]}), by="region")


def test_satisfaction_distribution_needs_the_column():
    with pytest.raises(ValueError, match="missing column 'satisfaction'"):
        feedback.satisfaction_distribution(pd.DataFrame({"recommend": [9]}))


def test_not_a_table_is_explained():
    with pytest.raises(ValueError, match="expected a table"):
        feedback.check_feedback([9, 10])


@pytest.mark.parametrize(("scores", "message"), [
    ([], "scores is empty"),
    ("10 9", "must be a list of answers"),
    (None, "must be a list of answers"),
    ([9, None], r"row 2: empty"),
    ([9, 12], r"row 2: 12"),
    ([9, 8.5], r"row 2: 8.5"),
])
def test_net_promoter_score_rejects_bad_lists(scores, message):
    with pytest.raises(ValueError, match=message):
        feedback.net_promoter_score(scores)


@pytest.mark.parametrize(("counts", "message"), [
    ((0, 0, 0), "all 0"),
    ((-1, 2, 3), "promoters must be a whole number of at least 0"),
    ((1, 2.5, 3), "passives must be a whole number"),
    ((1, 2, "3"), "detractors must be a whole number"),
])
def test_nps_from_counts_rejects_bad_counts(counts, message):
    with pytest.raises(ValueError, match=message):
        feedback.nps_from_counts(*counts)


@pytest.mark.parametrize("score", [11, -1, 9.5, "9", None])
def test_nps_group_rejects_what_is_not_an_answer(score):
    with pytest.raises(ValueError, match="score must be a whole number from 0 to 10"):
        feedback.nps_group(score)


# ---- properties ----------------------------------------------------------------------

answers = st.lists(st.integers(min_value=0, max_value=10), min_size=1, max_size=300)


@given(answers)
def test_nps_is_within_range_and_matches_the_counts(scores):
    value = feedback.net_promoter_score(scores)
    assert -100 <= value <= 100
    groups = [feedback.nps_group(s) for s in scores]
    assert value == pytest.approx(
        feedback.nps_from_counts(groups.count("promoter"), groups.count("passive"), groups.count("detractor"))
    )


@given(answers, st.randoms())
def test_nps_does_not_depend_on_the_order_of_answers(scores, random):
    shuffled = list(scores)
    random.shuffle(shuffled)
    assert feedback.net_promoter_score(shuffled) == pytest.approx(feedback.net_promoter_score(scores))


@given(answers, st.integers(min_value=1, max_value=50))
def test_adding_passives_moves_the_score_toward_zero(scores, passives):
    before = feedback.net_promoter_score(scores)
    after = feedback.net_promoter_score(scores + [8] * passives)
    assert abs(after) <= abs(before) + 1e-9
    assert after * before >= 0


@settings(max_examples=50)
@given(st.lists(st.tuples(st.integers(0, 10), st.integers(1, 5), st.sampled_from(["a", "b", "c"])), min_size=1, max_size=200))
def test_segments_add_up_to_the_total(rows):
    table = pd.DataFrame(rows, columns=["recommend", "satisfaction", "segment"])
    summary = feedback.analyze_feedback(table, by="segment")
    groups, total = summary.iloc[:-1], summary.iloc[-1]
    for column in ("responses", "promoters", "passives", "detractors"):
        assert groups[column].sum() == total[column]
    shares = summary[["promoter_share", "passive_share", "detractor_share"]].sum(axis=1)
    assert shares.tolist() == pytest.approx([1.0] * len(summary))
    assert total["nps"] == pytest.approx(feedback.net_promoter_score(table["recommend"]))
    assert summary.notna().all().all()


@given(st.lists(st.one_of(st.floats(allow_nan=True, allow_infinity=True), st.integers(-5, 15), st.none(), st.text(max_size=3)), min_size=1, max_size=20))
def test_any_list_gives_a_valid_score_or_a_value_error(scores):
    try:
        value = feedback.net_promoter_score(scores)
    except ValueError:
        return
    assert -100 <= value <= 100


# ---- the printable form --------------------------------------------------------------


def test_printable_form_is_the_customer_questionnaire():
    spec = load_form("feedback")
    assert spec is feedback.PRINTABLE_FORM
    titles = [section.title for section in spec.sections]
    assert feedback.NPS_QUESTION in titles
    nps = spec.sections[titles.index(feedback.NPS_QUESTION)]
    assert [label.split(" ")[0] for label in nps.row_labels] == [str(score) for score in range(11)]
    html = render_html(spec)
    for text in ("What went well?", "What should we improve?", "very satisfied", "Email or phone"):
        assert text in html


# ---- the worksheet's form ------------------------------------------------------------


def _html_outputs(form) -> list[str]:
    return [item.data if hasattr(item, "data") else item.to_html() for item in form.results()]


def test_form_shows_the_score_table_and_chart():
    form = worksheet.FeedbackForm(recommend="10 9 8 7 6 0 10 5 9 8", satisfaction="5,5,4,4,3,1,5,2,4,4")
    texts = _html_outputs(form)
    assert any("Net Promoter Score: +10</strong> from 10 answers" in text for text in texts)
    assert any("Mean satisfaction 3.70 out of 5; 30% gave the top box" in text for text in texts)
    assert any('alt="Bar chart of the share of answers at each score' in text for text in texts)


def test_form_updates_when_the_answers_change():
    form = worksheet.FeedbackForm(recommend="10 9")
    form.recommend.value = "0\n3\n10"
    assert any("Net Promoter Score: -33" in text for text in _html_outputs(form))


@pytest.mark.parametrize(("recommend", "satisfaction", "message"), [
    ("", "", "at least one answer"),
    ("10 9 11", "", "recommend answer 3 is 11; answers go from 0 to 10"),
    ("10 nine", "", "recommend answer 2 is &#x27;nine&#x27;, not a number"),
    ("10 7.5", "", "recommend answer 2 is 7.5, between two points"),
    ("10 9", "5", "2 recommend answers but 1 satisfaction answers"),
    ("10 9", "5 6", "satisfaction answer 2 is 6; answers go from 1 to 5"),
])
def test_form_shows_a_message_instead_of_a_traceback(recommend, satisfaction, message):
    texts = _html_outputs(worksheet.FeedbackForm(recommend=recommend, satisfaction=satisfaction))
    assert len(texts) == 1
    assert 'role="alert"' in texts[0] and message in texts[0]


def test_parse_answers_accepts_spreadsheet_columns_and_commas():
    assert worksheet.parse_answers("10\n9\r\n 8 ;7, 6", name="recommend", low=0, high=10) == [10, 9, 8, 7, 6]
    assert worksheet.parse_answers("  ", name="recommend", low=0, high=10) == []


def test_summary_table_formats_the_score_with_its_sign(root):
    shown = worksheet.summary_table(feedback.analyze_feedback(_sample(root), by="segment"))
    assert shown.loc["All responses", "NPS"] == "+20"
    assert shown.loc["One-off repair", "% detractors"] == "33.3%"
    assert shown.loc["Maintenance contract", "Top box (5)"] == "13.3%"


# ---- the chart -----------------------------------------------------------------------


def _texts(figure) -> list[str]:
    return [t.get_text() for t in figure.findobj(match=lambda o: hasattr(o, "get_text"))]


def test_chart_has_one_labeled_panel_per_segment_and_a_legend(root):
    distribution = feedback.score_distribution(_sample(root), by="segment")
    figure = worksheet.score_distribution_chart(distribution)
    texts = _texts(figure)
    assert "Maintenance contract: NPS +20 (15 responses)" in texts
    assert "One-off repair: NPS +20 (15 responses)" in texts
    assert {"Detractors (0–6)", "Passives (7–8)", "Promoters (9–10)"} <= set(texts)
    assert any(text.startswith("Answer to “How likely") for text in texts)
    assert "% of answers" in texts
    assert mcolors.to_hex(figure.get_facecolor()) == "#ffffff"
    for axes in figure.axes:
        assert mcolors.to_hex(axes.get_facecolor()) == "#ffffff"
        assert len(axes.patches) == 11
    assert figure._repr_png_().startswith(b"\x89PNG")


def test_alt_text_says_when_identical_scores_hide_different_distributions(root):
    text = worksheet.describe_score_distribution(feedback.score_distribution(_sample(root), by="segment"))
    assert "Every group has the same NPS, +20, but the bars are spread differently." in text
    assert "One-off repair: 15 responses, 53% promoters, 33% detractors, NPS +20; most common answer 10." in text


def test_chart_draws_the_eight_largest_of_many_groups():
    table = pd.DataFrame({"recommend": [9] * 55, "segment": [f"S{i}" for i in range(10) for _ in range(i + 1)]})
    distribution = feedback.score_distribution(table, by="segment")
    figure = worksheet.score_distribution_chart(distribution)
    assert len(figure.axes) == 8
    assert "(the 8 largest of 10 groups)" in _texts(figure)
    assert "Only the 8 largest of 10 groups are drawn." in worksheet.describe_score_distribution(distribution)


def test_chart_rejects_a_table_that_is_not_a_distribution():
    with pytest.raises(ValueError, match="column 'share' is missing"):
        worksheet.score_distribution_chart(pd.DataFrame({"group": ["a"], "score": [1], "responses": [1]}))


# ---- the exercise checks -------------------------------------------------------------


def test_notebook_prints_the_same_scores_as_the_check(root):
    notebook = nbformat.read(root / "solutions/feedback.ipynb", as_version=4)
    assert any(cell.source.strip() == f"scores = {practice.SCORES}" for cell in notebook.cells)


WRONG = {
    "q1": (0.25, "as a fraction"),
    "q1b": (38.46, "left the passives out of the total"),
    "q2": (25.0, "counted the 6 as a passive"),
    "q3": (3, "difference in the number of detractors"),
    "q4": ("a", "Reichheld's claim"),
}


@pytest.mark.parametrize("key", sorted(WRONG))
def test_check_fails_on_a_wrong_answer_and_says_why(key):
    question = practice.exercise.questions[key[:2]]
    value, reason = WRONG[key]
    practice.bind({question.variable: value})
    result = question.check()
    assert result.status == "Incorrect"
    assert reason in result.message


