"""The work process worksheet's live form, its tables for reading, its chart and its paper form."""

from __future__ import annotations

import matplotlib.colors as mcolors
import pandas as pd
import pytest

from customer_focus.tools.spec import load_form, render_html
from customer_focus.tools.work_process import form, table


def _steps() -> pd.DataFrame:
    return pd.DataFrame(
        {
            "step": [
                "Book", "Repeat details", "Wait for a bay", "Diagnose", "Repair",
                "Wait for the driver",
            ],
            "minutes": [6, 8, 95, 35, 90, 60],
            "adds_value": ["no", "NO", "n", "yes", "Y", "false"],
            "fail_point": ["yes", "1", "no", "0", "TRUE", "no"],
            "what_goes_wrong": [
                "Not confirmed in writing", "Copied by hand", None, "", "Part missing", "",
            ],
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


# ---- the live form -------------------------------------------------------------------------


def test_form_shows_summary_list_and_chart_for_the_example():
    joined = "\n".join(_html_outputs(form.WorkProcessForm()))
    assert "294 min" in joined and "125 min (42.5%)" in joined
    assert "Van waits for a bay" in joined
    assert 'alt="Horizontal bar chart of 6 process steps' in joined


def test_form_skips_empty_rows_and_updates():
    worksheet = form.WorkProcessForm(rows=8)
    assert len(worksheet.rows) == 8 and len(worksheet.table()) == 6
    worksheet.rows[6][0].value = "Driver collects the van"
    worksheet.rows[6][1].value = 12.0
    assert "306 min" in "\n".join(_html_outputs(worksheet))


def test_form_shows_a_message_instead_of_a_traceback():
    worksheet = form.WorkProcessForm()
    worksheet.rows[0][4].value = ""  # a fail point without a description
    texts = _html_outputs(worksheet)
    assert len(texts) == 1
    assert 'role="alert"' in texts[0] and "it is empty at row 1" in texts[0]
    assert "<strong>Check your steps:</strong>" in texts[0]


def test_form_with_no_steps_asks_for_one():
    worksheet = form.WorkProcessForm(steps=(), rows=3)
    texts = _html_outputs(worksheet)
    assert "type at least one step name" in texts[0]


def test_form_cells_are_named_for_a_screen_reader_and_start_at_the_spec_example():
    worksheet = form.WorkProcessForm()
    names = [cell.tooltip for cell in worksheet.rows[1]]
    assert names == [
        "Name of step 2", "Minutes for step 2", "Step 2 adds value for the customer",
        "Step 2 is a fail point", "What goes wrong at step 2",
    ]
    assert [cell.value for cell in worksheet.rows[0]] == [
        "Customer phones to book", 6.0, False, True, "Booking not confirmed in writing",
    ]
    assert worksheet.rows[0][0].placeholder == "step name"
    assert worksheet.widget.children == (worksheet.grid, worksheet.output)


# ---- tables for reading and the chart ----------------------------------------------------


def test_summary_and_improvement_tables_read_well():
    analysis = table.analyze_process(_steps())
    summary = form.summary_table(table.process_summary(analysis))
    assert summary.loc["Time that adds value for the customer", "Value"] == "125 min (42.5%)"
    listing = form.improvement_table(table.where_to_improve(analysis))
    assert listing.loc[1, "Step"] == "Wait for a bay"
    assert listing.loc[1, "What to do"] == "Remove it, shorten it, or run it alongside another step"
    assert listing.loc[3, "What to do"] == "Remove or shorten it, and make it fail-safe"
    assert listing.loc[5, "What to do"] == "Make it fail-safe"
    assert listing.loc[5, "What goes wrong"] == "Part missing"


def test_chart_has_labels_legend_marks_and_white_background():
    analysis = table.analyze_process(_steps())
    figure = form.process_chart(analysis, title="Fleet visit")
    texts = _texts(figure)
    for expected in (
        "1. Book", "3. Wait for a bay", "Minutes (elapsed time, waiting included)", "95 min",
        "Adds value for the customer", "Adds no value", "Fail point (hatched bar)", "Fleet visit",
    ):
        assert expected in texts
    hatched = [patch for patch in figure.axes[0].patches if patch.get_hatch()]
    assert len(hatched) == 3
    assert mcolors.to_hex(figure.get_facecolor()) == "#ffffff"
    assert mcolors.to_hex(figure.axes[0].get_facecolor()) == "#ffffff"
    assert figure._repr_png_().startswith(b"\x89PNG")


def test_alt_text_follows_the_data():
    alt = form.describe_process_chart(table.analyze_process(_steps()))
    assert "6 process steps in order, from Book to Wait for the driver" in alt
    assert "294 minutes, of which 125 (43%) add value" in alt
    assert "the longest is Wait for a bay (95 minutes)" in alt
    assert "3 fail points are marked with a cross: Book, Repeat details, Repair" in alt


def test_chart_rejects_a_table_that_is_not_an_analysis():
    with pytest.raises(ValueError, match="column 'order' is missing"):
        form.process_chart(_steps())
    with pytest.raises(ValueError, match="improvement_table needs the table from where_to_improve"):
        form.improvement_table(_steps())


# ---- the paper form ------------------------------------------------------------------------


def test_printable_form_has_a_numbered_step_grid():
    paper = load_form("work_process")
    html = render_html(paper)
    assert "Adds value for the customer? (Y/N)" in html and "What goes wrong" in html
    assert len(paper.sections[1].row_labels) == 15
