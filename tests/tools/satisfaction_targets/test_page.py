"""The satisfaction targets page's own promises, beyond the shared cases (test_live.py)."""

from __future__ import annotations

import json

from customer_focus.core import cases
from customer_focus.tools import live
from customer_focus.tools.satisfaction_targets import page


def test_the_forms_starting_rows_are_crossroads_segments_from_the_cases():
    grid = live.form("satisfaction_targets")["grid"]
    names = [column["name"] for column in grid["columns"]]
    expected = cases.crossroads_segments()[names].to_dict("records")
    assert [dict(zip(names, row, strict=True)) for row in grid["rows"]] == expected


def test_a_segment_typed_without_easy_to_switch_drops_the_column():
    row = {"segment": "Fleet", "customers": "20", "annual_margin": "15000",
           "retention_rate": "0.88", "top_box_share": "0.15", "target_top_box_share": "0.5",
           "easy_to_switch": ""}
    shown = page.results({"discount_rate": "0.1", "retention_gain": "0", "segments": [row]})
    assert "Easy to switch" not in shown.tables[0].headers
    assert "switch" not in shown.summary[0]


def test_the_chart_flags_segments_not_to_spend_on():
    values = json.loads(live.form_json("satisfaction_targets"))
    typed = {field["name"]: str(field["value"]) for field in values["fields"]}
    names = [column["name"] for column in values["grid"]["columns"]]
    typed["segments"] = [
        dict(zip(names, map(str, row), strict=True)) for row in values["grid"]["rows"]
    ]
    shown = page.results(typed)
    assert "Coupon customers (do not spend: tiny)" in shown.chart.svg
    assert "url(#cf-hatch)" in shown.chart.svg
    assert shown.chart.alt.startswith("Horizontal bar chart of the value at stake in 3 segments")
