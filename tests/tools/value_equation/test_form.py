"""The value equation worksheet's live form, its tables for reading, its chart and its paper
form: every view says the index is a ranking aid."""

from __future__ import annotations

import matplotlib.colors as mcolors
import pandas as pd
import pytest

from customer_focus.tools.spec import load_form, render_html
from customer_focus.tools.value_equation import form, table


def _offers() -> pd.DataFrame:
    return pd.DataFrame(
        {
            "alternative": [
                "Current", "Rival", "Same-day collection", "Price cut", "Express lane",
                "Closed Saturdays",
            ],
            "results": [7.2, 6.4, 7.2, 7.2, 7.6, 7.2],
            "process_quality": [5.1, 6.0, 6.8, 5.1, 7.2, 4.6],
            "price": [6.0, 5.2, 6.3, 5.2, 8.5, 6.0],
            "access_costs": [7.4, 6.1, 3.9, 7.4, 5.5, 8.0],
        }
    )


def _texts(figure) -> str:
    found = [text.get_text() for text in figure.findobj(lambda artist: hasattr(artist, "get_text"))]
    for axes in figure.axes:
        found += [label.get_text() for label in axes.get_yticklabels()]
        found += [axes.get_xlabel(), axes.get_title()]
    return "\n".join(found)


def _html_outputs(worksheet):
    return [item.data if hasattr(item, "data") else item.to_html() for item in worksheet.results()]


def test_every_view_says_the_index_is_a_ranking_aid():
    comparison = table.compare_alternatives(_offers())
    assert "not a measurement of value" in form.describe_value_chart(comparison)
    assert form.INDEX_NOTE in _texts(form.value_equation_chart(comparison))
    assert "Index (ranking only)" in form.comparison_table(comparison).columns


# ---- the live form ---------------------------------------------------------------------------


def test_form_shows_ranking_table_and_chart_for_the_example():
    texts = _html_outputs(form.ValueEquationForm())
    joined = "\n".join(texts)
    assert "Idea: same-day collection ranks 1 of 3" in joined
    assert "lowers the denominator by 4 (−31%)" in joined
    assert "ranking aid on your own scales, not a measurement of value" in joined
    assert 'alt="Two-panel horizontal bar chart' in joined


def test_form_updates_when_an_input_changes():
    worksheet = form.ValueEquationForm()
    worksheet.rows[2][4].value = 7.0  # the idea's other costs back to the current level
    joined = "\n".join(_html_outputs(worksheet))
    assert "Idea: same-day collection ranks 2 of 3: raises the numerator by 2 (+17%)." in joined


def test_form_switches_to_money():
    worksheet = form.ValueEquationForm(
        rows=(("Now", 7, 5, 120, 90), ("Idea", 7, 7, 120, 20)), costs="money"
    )
    joined = "\n".join(_html_outputs(worksheet))
    assert "lowers the denominator by $70.00" in joined


def test_form_shows_a_message_instead_of_a_traceback():
    worksheet = form.ValueEquationForm()
    worksheet.rows[1][3].value = 120.0
    texts = _html_outputs(worksheet)
    assert len(texts) == 1
    assert 'role="alert"' in texts[0]
    assert "row 2 (Rival&#x27;s service): 120" in texts[0]  # the row as the grid shows it


def test_form_lays_out_the_scales_the_note_and_named_cells():
    worksheet = form.ValueEquationForm()
    costs, note, grid, output = worksheet.widget.children
    assert (costs.description, costs.value, grid, output) == (
        "Price and other costs", "score", worksheet.grid, worksheet.output,
    )
    assert costs.label == "Scores 1 to 10 (higher = costlier)"
    assert "on the same scale as the price" in note.value
    assert [cell.tooltip for cell in worksheet.rows[1]] == [
        "Alternative (first: current offer), row 2", "Results for Rival's service",
        "Process quality for Rival's service", "Price for Rival's service",
        "Other costs for Rival's service",
    ]


# ---- tables for reading and the chart ------------------------------------------------------


def test_comparison_table_and_sentences_read_well():
    comparison = table.compare_alternatives(_offers())
    shown = form.comparison_table(comparison)
    assert shown.loc["Same-day collection", "Numerator vs current"] == "+1.7 (+14%)"
    assert shown.loc["Same-day collection", "Denominator vs current"] == "−3.2 (−24%)"
    assert shown.loc["Current", "Numerator vs current"] == "—"
    assert shown.loc["Price cut", "Numerator vs current"] == "no change"
    sentences = form.change_sentences(comparison)
    assert sentences[0] == "Current ranks 5 of 6: your current offer, the point of comparison."
    assert sentences[3] == "Price cut ranks 4 of 6: lowers the denominator by 0.8 (−6%)."


def test_chart_has_both_panels_labels_legend_and_white_background():
    comparison = table.compare_alternatives(_offers())
    figure = form.value_equation_chart(comparison, title="Fleet service")
    texts = _texts(figure)
    for expected in (
        "Numerator: what the customer gets", "Denominator: what it costs the customer",
        "Score (results + process quality), higher is better",
        "Score (price + other costs), higher is costlier",
        "#1 Same-day collection", "#5 Current (current)", "index 1.37", "Process quality",
        "Customer's other costs: time, effort, travel, risk", "Fleet service",
    ):
        assert expected in texts
    assert mcolors.to_hex(figure.get_facecolor()) == "#ffffff"
    for axes in figure.axes:
        assert mcolors.to_hex(axes.get_facecolor()) == "#ffffff"
    assert figure._repr_png_().startswith(b"\x89PNG")


def test_money_chart_labels_the_money_axis():
    offers = _offers().assign(price=120, access_costs=[90, 70, 20, 90, 40, 110])
    texts = _texts(form.value_equation_chart(table.compare_alternatives(offers, costs="money")))
    assert "Money (price + the customer's other costs)" in texts


def test_alt_text_follows_the_data():
    alt = form.describe_value_chart(table.compare_alternatives(_offers()))
    assert "6 alternatives" in alt
    assert "highest Express lane (14.8)" in alt
    assert "1. Same-day collection (1.37)" in alt
    assert "The current offer, Current, ranks 5." in alt


def test_chart_rejects_a_table_that_is_not_a_comparison():
    with pytest.raises(ValueError, match="column 'numerator' is missing"):
        form.value_equation_chart(_offers())


# ---- the paper form --------------------------------------------------------------------------


def test_printable_form_states_the_equation_and_that_the_index_only_ranks():
    paper = load_form("value_equation")
    intro = paper.intro
    assert intro.startswith(
        "Value = (Results produced for the customer + Process quality) / (Price to the customer "
        "+ Costs of acquiring the service)"
    )
    assert "not a measurement of value" in intro
    html = render_html(paper)
    assert "Current offer" in html and "Index (R+P)/(C1+C2)" in html
    grid = paper.sections[1]
    assert len(grid.row_labels) == 8
