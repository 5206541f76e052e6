"""A live tool as a zh-TW page shows it, in Chromium.

Main does not build the zh-TW edition yet, so the page is the English worksheet with what the
zh-TW build writes in its place: the tool's placeholder in Chinese
(``sphinxext.live.placeholder(tool, "zh_TW")``) and the edition's archive
(``archive_bytes("zh_TW")``), served by the route. The reader starts the tool with its Chinese
button, finds every input by its Chinese label, sees Python's numbers under the zh spec's
headings, and no fixed English word in the tool's box. Every request off 127.0.0.1 is aborted.
"""

from __future__ import annotations

import json
import math
import re

import pytest
from playwright.sync_api import expect

from customer_focus.sphinxext.live import archive_bytes, live_words, placeholder
from customer_focus.tools import live
from customer_focus.tools.spec import load_spec

from .test_live_tools import START_TIMEOUT, Reader, worksheet

pytestmark = pytest.mark.browser

TOOLS = ["lifetime_value", "satisfaction_targets"]  # a form with a file; a grid


@pytest.fixture(scope="module")
def archive() -> bytes:
    return archive_bytes("zh_TW")


def _values(form: dict) -> dict:
    values = {field["name"]: field["value"] for field in form["fields"]}
    if "grid" in form:
        names = [column["name"] for column in form["grid"]["columns"]]
        rows = form["grid"]["rows"]
        values[form["grid"]["name"]] = [dict(zip(names, row, strict=True)) for row in rows]
    return values


@pytest.mark.parametrize("tool", TOOLS)
def test_the_tool_on_a_chinese_page(browser, site_url, archive, tool):
    reader = Reader(browser, site_url, viewport={"width": 1280, "height": 900})
    page = reader.page

    def chinese_page(route):
        response = route.fetch()
        html = re.sub(rf'<div class="cf-live" data-tool="{tool}".*?</button></div>',
                      lambda _: placeholder(tool, "zh_TW"), response.text(), flags=re.S)
        route.fulfill(response=response, body=html)

    page.route(f"**/{worksheet(tool)}", chinese_page)
    page.route("**/_static/live/customer-focus.zip",
               lambda route: route.fulfill(body=archive, content_type="application/zip"))
    try:
        reader.open(worksheet(tool))
        box = page.locator(f".cf-live[data-tool={tool}]")
        box.get_by_role("button", name="在本頁使用這份工作表").click()
        box.locator("form.cf-live-form").wait_for(timeout=START_TIMEOUT)
        form = box.locator("form.cf-live-form")
        spec = load_spec(tool, "zh_TW")
        for name in spec.live.fields:
            field = spec.fields[name]
            caption = f"{field.label}（{field.unit}）" if field.unit else field.label
            expect(form.get_by_label(caption, exact=True)).to_have_count(1)
        # Python's numbers (the English page's), under the zh spec's headings
        english = json.loads(live.run_json(tool, json.dumps(_values(live.form(tool)))))
        output = form.locator(":scope > .cf-live-output")
        expect(output.locator("table.cf-live-table")).to_have_count(len(english["tables"]))
        values = output.evaluate(
            """node => Array.from(node.querySelectorAll('table.cf-live-table')).map(table =>
                 Array.from(table.tBodies[0].rows).map(row =>
                   Array.from(row.cells).map(cell => cell.dataset.value)))""")
        expected = [[[cell["value"] for cell in row] for row in table["rows"]]
                    for table in english["tables"]]
        assert [[len(row) for row in table] for table in values] == [
            [len(row) for row in table] for table in expected]
        for table, other in zip(values, expected, strict=True):
            for row, wanted in zip(table, other, strict=True):
                for value, number in zip(row, wanted, strict=True):
                    if isinstance(number, (int, float)) and not isinstance(number, bool):
                        assert math.isclose(float(value), number, rel_tol=1e-12, abs_tol=1e-9)
                    else:
                        assert value == (None if number is None else str(number))
        headings = {text for table in spec.reading.values() for text in table.values()}
        shown = output.locator("thead th").all_inner_texts()
        assert headings & set(shown)
        # no fixed English word of the script in the tool's box
        text = box.inner_text()
        fixed = [word for word in live_words().values()
                 if re.search("[A-Za-z]{3,}", word) and "{" not in word and word in text]
        assert fixed == []
        assert "您的數字" in text or "您的資料列" in text
        assert reader.blocked == [] and reader.errors == []
    finally:
        reader.close()
