"""The satisfaction targets worksheet's live form, its tables for reading, its chart and its
paper form."""

from __future__ import annotations

import matplotlib.colors as mcolors
import pandas as pd
import pytest

from customer_focus.core import cases as inputs
from customer_focus.course import cases
from customer_focus.tools.satisfaction_targets import form, table
from customer_focus.tools.spec import load_form, render_html


def _segments() -> pd.DataFrame:
    """The chapter's Crossroads segments (invented for teaching)."""
    return pd.DataFrame(
        {
            "segment": ["Fleet accounts", "Regular families", "Coupon customers"],
            "customers": [90, 2400, 3000],
            "annual_margin": [15000, 1125, 140],
            "retention_rate": [0.88, 0.80, 0.40],
            "top_box_share": [0.15, 0.45, 0.60],
            "target_top_box_share": [0.50, 0.45, 0.60],
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


def test_form_shows_advice_table_chart_and_asks_for_a_gain():
    joined = "\n".join(_html_outputs(form.SatisfactionTargetsForm()))
    fleets = cases.figure("crossroads.segments.fleets.value_not_totally_satisfied")
    assert f"Priority 1: {fleets} of lifetime value" in joined
    assert "$60,000.00" in joined
    assert 'alt="Horizontal bar chart of the value at stake in 3 segments' in joined
    assert "type the retention gain <em>you</em> assume" in joined


def test_form_shows_the_what_if_once_a_gain_is_typed():
    worksheet = form.SatisfactionTargetsForm()
    worksheet.controls["retention_gain"].value = 0.02
    joined = "\n".join(_html_outputs(worksheet))
    assert "your assumption of +2 points of retention" in joined
    assert f"{cases.figure('crossroads.segments.fleets.gain_for_segment:cents')}" in joined


def test_form_shows_a_message_instead_of_a_traceback():
    worksheet = form.SatisfactionTargetsForm()
    worksheet.rows[0][3].value = 88.0
    texts = _html_outputs(worksheet)
    assert len(texts) == 1
    assert 'role="alert"' in texts[0] and "retention_rate" in texts[0]
    assert "row 1 (Fleet accounts): 88" in texts[0]  # the row as the grid shows it


def test_form_starts_from_crossroads_with_named_cells_and_the_inputs_below():
    worksheet = form.SatisfactionTargetsForm()
    assert worksheet.table()["segment"].tolist() == inputs.crossroads_segments()["segment"].tolist()
    grid, rate, gain, output = worksheet.widget.children
    assert (grid, output) == (worksheet.grid, worksheet.output)
    assert (rate.description, rate.value, rate.step) == ("Discount rate (0.1 = 10%)", 0.1, 0.01)
    assert (gain.description, gain.value) == (
        "What-if: retention gain you assume (0.02 = 2 points)", 0.0,
    )
    assert [cell.tooltip for cell in worksheet.rows[0][:2]] == [
        "Segment, row 1", "Customers for Fleet accounts",
    ]


# ---- tables for reading and the chart ----------------------------------------------------


def test_plan_table_is_in_priority_order_with_readable_money():
    shown = form.plan_table(table.plan_targets(_segments().assign(easy_to_switch="yes")))
    assert shown["Segment"].tolist() == ["Fleet accounts", "Regular families", "Coupon customers"]
    assert shown.loc[1, "Value not yet totally satisfied"] == "$4,590,000"
    assert shown.loc[3, "Flag"] == "do not spend: tiny"
    assert shown.loc[1, "Easy to switch"] == "yes"
    assert list(shown.columns).index("Easy to switch") == 4


def test_what_if_table_reads_well():
    shown = form.what_if_table(table.what_if_retention(_segments(), 0.02))
    assert shown.loc["Fleet accounts", "Gain for the segment"] == "$675,000.00"
    assert shown.loc["Fleet accounts", "Retention if the gain you assume happened"] == "90.0%"


def test_chart_has_labels_legend_flags_and_white_background():
    figure = form.targets_chart(table.plan_targets(_segments()), title="Targets")
    texts = _texts(figure)
    for expected in (
        "Value at stake: customers × lifetime value per customer", "#1 Fleet accounts",
        "Coupon customers\n(do not spend: tiny)", "Held by totally satisfied customers now",
        "Held by customers not yet totally satisfied", "Where the split would be at your target",
        "Do not spend: negative or tiny lifetime value", "Targets",
    ):
        assert expected in texts
    assert mcolors.to_hex(figure.get_facecolor()) == "#ffffff"
    assert mcolors.to_hex(figure.axes[0].get_facecolor()) == "#ffffff"
    assert figure._repr_png_().startswith(b"\x89PNG")


def test_alt_text_follows_the_data():
    alt = form.describe_targets_chart(table.plan_targets(_segments()))
    assert (
        "priority 1, Fleet accounts: $5,400,000 at stake, 15% totally satisfied now, target 50%"
    ) in alt
    assert "Coupon customers, flagged do not spend (tiny lifetime value, $80 per customer)" in alt


def test_chart_rejects_a_table_that_is_not_a_plan():
    with pytest.raises(ValueError, match="column 'lifetime_value' is missing"):
        form.targets_chart(_segments())
    with pytest.raises(ValueError, match="what_if_table needs the table from what_if_retention"):
        form.what_if_table(_segments())


# ---- the paper form ------------------------------------------------------------------------


def test_printable_form_has_segments_and_a_labelled_what_if():
    html = render_html(load_form("satisfaction_targets"))
    assert "Value not yet totally satisfied ($)" in html
    assert "your assumption, not a research figure" in html
