"""The SERVQUAL worksheet's live form, its tables for reading, its chart and the paper form."""

from __future__ import annotations

import matplotlib.colors as mcolors
import pandas as pd
import pytest

from customer_focus.core import tables
from customer_focus.course import cases
from customer_focus.tools.servqual import calc, form, table
from customer_focus.tools.spec import load_form, render_html

SAMPLE = "book/apply/tools/data/servqual-sample.csv"


# ---- the printable form --------------------------------------------------------------


def test_printable_form_labels_items_without_inventing_statements():
    spec = load_form("servqual")
    html = render_html(spec)
    for dimension in calc.DIMENSIONS:
        assert dimension.definition in html
    parts = {section.title: section for section in spec.sections}
    expectation = parts["Part A: What you expect (E)"]
    assert expectation.row_labels == tuple(calc.ITEMS.values())
    assert "Statement" in expectation.columns
    assert (
        "Total (must be 100)"
        in parts["Part C (optional): How important is each area to you?"].row_labels
    )


# ---- the worksheet's form and chart --------------------------------------------------


def _html_outputs(sheet) -> list[str]:
    return [item.data if hasattr(item, "data") else item.to_html() for item in sheet.results()]


def test_form_shows_the_example_scores():
    texts = _html_outputs(form.ServqualForm())
    assert any(
        "Overall gap (unweighted): −0.46</strong>; <strong>weighted: −0.79" in text
        for text in texts
    )
    assert any('alt="Dot chart of average expectation and perception' in text for text in texts)


def test_form_without_weights_shows_the_unweighted_score_only():
    sheet = form.ServqualForm()
    sheet.use_weights.value = False
    texts = _html_outputs(sheet)
    assert any("Overall gap (unweighted): −0.46</strong>. A negative gap" in text for text in texts)


@pytest.mark.parametrize(
    ("box", "value", "message"),
    [
        ("expectations", 8.0, "expectation for tangibles must be from 1 to 7"),
        ("perceptions", float("nan"), "perception for tangibles must be a finite number"),
        ("weights", 50.0, "must add up to 100 points; yours add up to 140"),
    ],
)
def test_form_shows_a_message_instead_of_a_traceback(box, value, message):
    sheet = form.ServqualForm()
    getattr(sheet, box)[0].value = value
    texts = _html_outputs(sheet)
    assert len(texts) == 1 and 'role="alert"' in texts[0] and message in texts[0]


def _texts(figure) -> list[str]:
    return [t.get_text() for t in figure.findobj(match=lambda o: hasattr(o, "get_text"))]


def test_chart_labels_every_dimension_and_gap(root):
    dimensions = table.dimension_gaps(tables.read_table(root / SAMPLE))
    figure = form.servqual_chart(dimensions, title="Fleet customers")
    texts = _texts(figure)
    for name in (
        "Tangibles",
        "Reliability",
        "Responsiveness",
        "Assurance",
        "Empathy",
        "Expected (E)",
        "Perceived (P)",
        "Gap",
        "Fleet customers",
    ):
        assert name in texts
    assert "Overall" not in texts
    assert "−1.31" in texts
    assert "Average score (1 = strongly disagree, 7 = strongly agree)" in texts
    assert mcolors.to_hex(figure.get_facecolor()) == "#ffffff"
    assert mcolors.to_hex(figure.axes[0].get_facecolor()) == "#ffffff"
    assert figure._repr_png_().startswith(b"\x89PNG")


def test_alt_text_names_the_largest_shortfall():
    frame = table.score_dimensions(**form.EXAMPLE)
    text = form.describe_servqual(frame)
    assert "Reliability: expected 6.60, perceived 5.10, gap −1.50." in text
    assert text.endswith("The largest shortfall is Reliability, −1.50.")
    assert "meets or beats" in form.describe_servqual(table.score_dimensions([5] * 5, [6] * 5))


def test_chart_rejects_a_table_that_is_not_a_gap_table():
    with pytest.raises(ValueError, match="column 'gap' is missing"):
        form.servqual_chart(
            pd.DataFrame({"dimension": ["A"], "expectation": [5], "perception": [4]})
        )


def test_tables_for_reading():
    shown = form.dimension_table(table.score_dimensions(**form.EXAMPLE))
    assert shown.loc["Overall", "Weighted gap"] == "−0.785"
    assert shown.loc["Reliability", "Weight (share of 100 points)"] == "35.0%"
    answers = {**{f"E{i}": 6 for i in range(1, 23)}, **{f"P{i}": 5 for i in range(1, 23)}}
    items = form.item_table(table.item_gaps(pd.DataFrame([answers])))
    assert items.loc[22, "Label"] == "Empathy 5" and items.loc[22, "Gap (P − E)"] == "−1.00"


def test_the_worked_example_is_crossroads_fleet_customers():
    for index, dimension in enumerate(calc.DIMENSIONS):
        case = f"crossroads.servqual.{dimension.key}"
        assert form.EXAMPLE["expectations"][index] == cases.value(f"{case}.expected")
        assert form.EXAMPLE["perceptions"][index] == cases.value(f"{case}.perceived")
        assert form.EXAMPLE["weights"][index] == cases.value(f"{case}.points")


def test_the_grid_is_made_from_the_spec():
    sheet = form.ServqualForm()
    assert len(sheet.controls) == 15
    reliability = sheet.controls["reliability_perceived"]
    assert reliability is sheet.perceptions[1]
    assert reliability.tooltip == "Reliability: perceived (1 to 7)"
    assert (reliability.value, reliability.step) == (5.1, 0.1)
    assert sheet.weights[0].step == 5


def test_a_bad_number_says_what_to_fix_in_the_shared_words():
    sheet = form.ServqualForm()
    sheet.controls["empathy_points"].value = -5.0
    (message,) = _html_outputs(sheet)
    assert message.startswith('<p role="alert"><strong>Check your numbers:</strong> weight for')


def test_the_paper_form_quotes_each_dimension_and_its_items():
    note = load_form("servqual").sections[0].note
    for dimension in calc.DIMENSIONS:
        first, last = dimension.items[0], dimension.items[-1]
        assert f"{dimension.name} (items {first}–{last}): “{dimension.definition}”" in note
