"""A live tool on its zh-TW worksheet page, in Chromium.

The page is the zh-TW edition's own (``_build/html/zh-TW/book/apply/tools/...``, as ``make book``
builds it), with its Chinese placeholder and the edition's archive. The reader starts the tool
with its Chinese button, finds every input by its Chinese label, types each of the tool's shared
cases (``tests/tools/<tool>/cases.yml``) and sees the numbers the notebook's own Python functions
give for the same inputs (``tests/tools/live_cases.py``: the tool's ``calc`` and ``table``, not
the page's code), under the zh spec's headings, with no fixed English word in the tool's box.
Every request off 127.0.0.1 is aborted.
"""

from __future__ import annotations

import math
import re

import pytest
from playwright.sync_api import expect

from customer_focus.sphinxext.live import live_words
from customer_focus.tools.spec import load_spec

from tools.live_cases import EXPECTED, cases

from .live_pages import Reader, expect_shown, fill, wait_started, worksheet

pytestmark = pytest.mark.browser

TOOLS = ["lifetime_value", "satisfaction_targets"]  # a form with a file; a grid
#: A cell's text that is only a number as core.formats writes it (the same in both editions).
NUMBER_TEXT = re.compile(r"^[−\-+$0-9.,%\s]+$")


def same_numbers(found_tables, expected_tables) -> None:
    """The page's tables hold Python's numbers (each cell's data-value), in Python's shape, and a
    cell that is only a number reads as Python writes it."""
    assert [[len(row) for row in table] for table in found_tables] == [
        [len(row) for row in table] for table in expected_tables]
    for found, expected in zip(found_tables, expected_tables, strict=True):
        for row, other in zip(found, expected, strict=True):
            for (text, value), (wanted_text, number) in zip(row, other, strict=True):
                if NUMBER_TEXT.match(str(wanted_text)):
                    assert text == str(wanted_text)
                try:
                    wanted = float(number)
                except (TypeError, ValueError):
                    continue
                assert math.isclose(float(value), wanted, rel_tol=1e-12, abs_tol=1e-9), (value, number)


@pytest.mark.parametrize("tool", TOOLS)
def test_the_tool_on_its_chinese_page(browser, site_url, tool):
    reader = Reader(browser, site_url, viewport={"width": 1280, "height": 900})
    page = reader.page
    try:
        reader.open("zh-TW/" + worksheet(tool))
        assert page.locator("html").get_attribute("lang") == "zh-Hant-TW"
        box = page.locator(f".cf-live[data-tool={tool}]")
        box.get_by_role("button", name="在本頁使用這份工作表").click()
        wait_started(box)
        form = box.locator("form.cf-live-form")
        spec = load_spec(tool, "zh_TW")
        for name in spec.live.fields:
            field = spec.fields[name]
            caption = f"{field.label}（{field.unit}）" if field.unit else field.label
            expect(form.get_by_label(caption, exact=True)).to_have_count(1)
        output = form.locator(":scope > .cf-live-output")
        for case in cases(tool)["form"]:
            fill(form, case["values"], "zh_TW")
            expect_shown(output, same_numbers, EXPECTED[tool].form(case["values"]).tables)
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
