"""The feedback worksheet's live form, its table for reading, its chart and the paper form."""

from __future__ import annotations

import matplotlib.colors as mcolors
import pandas as pd
import pytest

from customer_focus.core import tables
from customer_focus.tools.feedback import calc, form, table
from customer_focus.tools.spec import load_form, load_spec, render_html

# ---- the printable form --------------------------------------------------------------


def test_printable_form_is_the_customer_questionnaire():
    spec = load_form("feedback")
    assert spec is load_spec("feedback").paper_form
    titles = [section.title for section in spec.sections]
    assert calc.NPS_QUESTION in titles
    nps = spec.sections[titles.index(calc.NPS_QUESTION)]
    assert [label.split(" ")[0] for label in nps.row_labels] == [str(score) for score in range(11)]
    html = render_html(spec)
    for text in ("What went well?", "What should we improve?", "very satisfied", "Email or phone"):
        assert text in html


# ---- the worksheet's form ------------------------------------------------------------


def _html_outputs(worksheet) -> list[str]:
    return [item.data if hasattr(item, "data") else item.to_html() for item in worksheet.results()]


def test_form_shows_the_score_table_and_chart():
    worksheet = form.FeedbackForm(
        recommend="10 9 8 7 6 0 10 5 9 8", satisfaction="5,5,4,4,3,1,5,2,4,4"
    )
    texts = _html_outputs(worksheet)
    assert any("Net Promoter Score: +10</strong> from 10 answers" in text for text in texts)
    assert any("Mean satisfaction 3.70 out of 5; 30% gave the top box" in text for text in texts)
    assert any('alt="Bar chart of the share of answers at each score' in text for text in texts)


def test_form_updates_when_the_answers_change():
    worksheet = form.FeedbackForm(recommend="10 9")
    worksheet.recommend.value = "0\n3\n10"
    assert any("Net Promoter Score: -33" in text for text in _html_outputs(worksheet))


@pytest.mark.parametrize(
    ("recommend", "satisfaction", "message"),
    [
        ("", "", "at least one answer"),
        ("10 9 11", "", "recommend answer 3 is 11; answers go from 0 to 10"),
        ("10 nine", "", "recommend answer 2 is &#x27;nine&#x27;, not a number"),
        ("10 7.5", "", "recommend answer 2 is 7.5, between two points"),
        ("10 9", "5", "2 recommend answers but 1 satisfaction answers"),
        ("10 9", "5 6", "satisfaction answer 2 is 6; answers go from 1 to 5"),
    ],
)
def test_form_shows_a_message_instead_of_a_traceback(recommend, satisfaction, message):
    texts = _html_outputs(form.FeedbackForm(recommend=recommend, satisfaction=satisfaction))
    assert len(texts) == 1
    assert 'role="alert"' in texts[0] and message in texts[0]


SAMPLE = "book/apply/tools/data/feedback-sample.csv"


def _sample(root) -> pd.DataFrame:
    return tables.read_table(root / SAMPLE)


def test_summary_table_formats_the_score_with_its_sign(root):
    shown = form.summary_table(table.analyze_feedback(_sample(root), by="segment"))
    assert shown.loc["All responses", "NPS"] == "+20"
    assert shown.loc["One-off repair", "% detractors"] == "33.3%"
    assert shown.loc["Maintenance contract", "Top box (5)"] == "13.3%"


# ---- the chart -----------------------------------------------------------------------


def _texts(figure) -> list[str]:
    return [t.get_text() for t in figure.findobj(match=lambda o: hasattr(o, "get_text"))]


def test_chart_has_one_labeled_panel_per_segment_and_a_legend(root):
    distribution = table.score_distribution(_sample(root), by="segment")
    figure = form.score_distribution_chart(distribution)
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
    text = form.describe_score_distribution(table.score_distribution(_sample(root), by="segment"))
    assert "Every group has the same NPS, +20, but the bars are spread differently." in text
    assert (
        "One-off repair: 15 responses, 53% promoters, 33% detractors, NPS +20; "
        "most common answer 10." in text
    )


def test_chart_draws_the_eight_largest_of_many_groups():
    responses = pd.DataFrame(
        {"recommend": [9] * 55, "segment": [f"S{i}" for i in range(10) for _ in range(i + 1)]}
    )
    distribution = table.score_distribution(responses, by="segment")
    figure = form.score_distribution_chart(distribution)
    assert len(figure.axes) == 8
    assert "(the 8 largest of 10 groups)" in _texts(figure)
    assert "Only the 8 largest of 10 groups are drawn." in form.describe_score_distribution(
        distribution
    )


def test_chart_rejects_a_table_that_is_not_a_distribution():
    with pytest.raises(ValueError, match="column 'share' is missing"):
        form.score_distribution_chart(
            pd.DataFrame({"group": ["a"], "score": [1], "responses": [1]})
        )


def test_the_boxes_are_labeled_by_the_spec_and_a_bad_answer_says_what_to_fix():
    worksheet = form.FeedbackForm(recommend="10 x")
    assert worksheet.recommend.description == "Recommend answers (0–10)"
    assert worksheet.satisfaction.description == "Satisfaction (1–5), optional"
    assert set(worksheet.values()) == {"recommend_answers", "satisfaction_answers"}
    (message,) = _html_outputs(worksheet)
    assert message.startswith('<p role="alert"><strong>Check your numbers:</strong>')


def test_the_paper_form_asks_the_two_questions_of_the_spec():
    titles = [section.title for section in load_form("feedback").sections]
    assert titles[:2] == [calc.NPS_QUESTION, calc.SATISFACTION_QUESTION]
