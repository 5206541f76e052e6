"""The Kano worksheet's live form, its tables for reading, the Better/Worse chart and the paper
form."""

from __future__ import annotations

import matplotlib.colors as mcolors
import pandas as pd
import pytest

from customer_focus.core import tables
from customer_focus.course import cases
from customer_focus.tools.kano import calc, form, table
from customer_focus.tools.spec import load_form, render_html

SAMPLE = "book/apply/tools/data/kano-sample.csv"


# ---- the printable form --------------------------------------------------------------


def test_printable_form_is_the_kano_questionnaire():
    spec = load_form("kano")
    features = [section for section in spec.sections if section.title.startswith("Feature")]
    assert len(features) == 6
    for section in features:
        assert section.columns == ("Question", *calc.ANSWERS)
        assert section.row_labels == (
            "Functional: How do you feel if the product has X?",
            "Dysfunctional: How do you feel if the product does not have X?",
        )
    assert "Must-be: it must be that way, I expect it" in render_html(spec)


# ---- the worksheet's form and chart --------------------------------------------------


def _html_outputs(sheet) -> list[str]:
    return [item.data if hasattr(item, "data") else item.to_html() for item in sheet.results()]


def test_form_shows_the_pair_category_and_the_example_coefficients():
    texts = _html_outputs(form.KanoForm())
    assert any(
        "Like / Live-with → <strong>A, Attractive</strong>; practitioners say delighter" in t
        for t in texts
    )
    assert any(
        "Loaner bike: Better 0.71, Worse -0.29</strong>; chosen most often: A (Attractive)" in t
        for t in texts
    )
    assert any('alt="Scatter chart of Kano coefficients' in t for t in texts)


def test_form_updates_when_an_answer_changes():
    sheet = form.KanoForm()
    sheet.controls["dysfunctional"].value = "Dislike"
    assert any("<strong>O, One-dimensional</strong>" in t for t in _html_outputs(sheet))


@pytest.mark.parametrize(
    ("changes", "message"),
    [
        ({"A": -1}, "count of A must be a whole number of at least 0"),
        ({"A": 0, "O": 0, "M": 0, "I": 0}, "A + O + M + I is 0"),
    ],
)
def test_form_shows_a_message_instead_of_a_traceback(changes, message):
    sheet = form.KanoForm()
    for letter, value in changes.items():
        sheet.counts[letter].value = value
    texts = _html_outputs(sheet)
    assert len(texts) == 2  # the pair lookup still shows; then one message
    assert 'role="alert"' in texts[1] and message in texts[1]


def _texts(figure) -> list[str]:
    return [t.get_text() for t in figure.findobj(match=lambda o: hasattr(o, "get_text"))]


def test_chart_names_every_feature_and_category(root):
    results = table.analyze_kano(tables.read_table(root / SAMPLE))
    figure = form.better_worse_chart(results, title="Brightwater")
    texts = _texts(figure)
    for name in results["feature"]:
        assert name in texts
    for label in (
        "A: Attractive (delighter)",
        "O: One-dimensional (performance)",
        "M: Must-be (basic)",
        "I: Indifferent",
        "R: Reverse",
    ):
        assert label in texts
    assert "Better: how much satisfaction its presence adds" in texts
    assert "|Worse|: how much dissatisfaction its absence causes" in texts
    assert mcolors.to_hex(figure.get_facecolor()) == "#ffffff"
    assert mcolors.to_hex(figure.axes[0].get_facecolor()) == "#ffffff"
    assert figure._repr_png_().startswith(b"\x89PNG")


def test_chart_shows_a_tie_with_its_own_legend_entry():
    texts = _texts(form.better_worse_chart(table.summarize_counts({"A": 2, "O": 2}, "Tied")))
    assert "Tie between categories" in texts


def test_alt_text_describes_each_point(root):
    text = form.describe_better_worse(table.analyze_kano(tables.read_table(root / SAMPLE)))
    assert (
        "Brakes checked at every service: Better 0.12, Worse −0.88, chosen most often M (Must-be)."
        in text
    )


def _all_reverse() -> pd.DataFrame:
    return pd.DataFrame(
        {
            "respondent": [1, 2, 1, 2],
            "feature": ["Sales call", "Sales call", "Loaner", "Loaner"],
            "functional": ["Dislike", "Like", "Like", "Like"],
            "dysfunctional": ["Like", "Like", "Neutral", "Dislike"],
        }
    )


def test_chart_rejects_an_empty_or_wrong_table():
    with pytest.raises(ValueError, match="column 'better' is missing"):
        form.better_worse_chart(pd.DataFrame({"feature": ["x"], "category": ["A"], "worse": [0]}))
    with pytest.raises(ValueError, match="no features to draw"):
        form.better_worse_chart(
            table.analyze_kano(_all_reverse(), leave_out_undefined=True).iloc[:0]
        )


def test_tables_for_reading():
    assert form.evaluation_table().loc["Dislike", "Dislike"] == "Q"
    shown = form.results_table(
        table.summarize_counts({"A": 28, "O": 12, "M": 4, "I": 12}, "Loaner bike")
    )
    assert shown.loc["Loaner bike", ["Better", "Worse", "Practitioner name"]].tolist() == [
        "0.71",
        "−0.29",
        "delighter",
    ]


def test_the_worked_example_is_brightwaters_loaner_bike():
    sheet = form.KanoForm()
    assert sheet.controls["feature"].value == "Loaner bike"
    for category in calc.CATEGORIES.values():
        expected = cases.value(f"brightwater.loaner.{category.key}")
        assert sheet.controls[category.key].value == expected


def test_counts_are_given_by_letter_or_by_field_and_labeled_by_the_spec():
    sheet = form.KanoForm(A=3, one_dimensional=1, functional="Dislike")
    assert sheet.counts["A"].value == 3 and sheet.counts["O"].value == 1
    assert sheet.counts["Q"].description == "Q: Questionable"
    assert sheet.controls["functional"].description == "If it has X"
    with pytest.raises(ValueError, match="has no input Z"):
        form.KanoForm(Z=1)
