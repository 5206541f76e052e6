"""The worksheets that run in the page, as a reader uses them, with the network blocked.

For every live tool (``tests/tools/live_cases.py``: the tools not in
``NOT_LIVE_YET``), on its worksheet page of the built site: the reader starts
the tool, changes the inputs of each shared case (``tests/tools/<tool>/cases.yml``)
and the page shows the numbers and texts that the notebook's Python gives for the
same inputs; a bad input shows the notebook's message at its field; a CSV file
picked in the page gives the notebook's comparison and downloads it as CSV; axe
(WCAG 2.0/2.1 A and AA) finds nothing on the started tool; the tool is started and
used with the keyboard alone, and at phone width and at 200% zoom it fits the
screen (only a wide table scrolls, inside its own focusable region). Every request off 127.0.0.1 is aborted and recorded: there must be none.
"""

from __future__ import annotations

import csv
import io
import math
from pathlib import Path

import pytest
from playwright.sync_api import expect

from customer_focus.tools import live

from .conftest import AXE, ROOT
from .live_pages import Reader, expect_shown, fill, wait_started, worksheet
from tools.live_cases import (
    CHINESE_NAMES,
    EXPECTED,
    cases,
    chinese_customers,
    field_error,
    live_tools,
    table_error,
)

pytestmark = pytest.mark.browser

TOOLS = live_tools()


def assert_same(found_tables, expected_tables) -> None:
    """The page's tables are Python's: the same shape and texts, each cell's data-value the
    number Python gives (or its text)."""
    assert len(found_tables) == len(expected_tables)
    for found, expected in zip(found_tables, expected_tables, strict=True):
        assert len(found) == len(expected)
        for row, other in zip(found, expected, strict=True):
            assert [text for text, _ in row] == [text for text, _ in other]
            for (_, value), (_, number) in zip(row, other, strict=True):
                try:
                    wanted = float(number)
                except (TypeError, ValueError):
                    assert value == str(number)
                    continue
                assert math.isclose(float(value), wanted, rel_tol=1e-12, abs_tol=1e-9), (value, number)


@pytest.fixture(scope="module", params=TOOLS)
def started(request, browser, site_url):
    """The tool's worksheet page with the tool started by a click (once per tool)."""
    tool = request.param
    reader = Reader(browser, site_url, viewport={"width": 1280, "height": 900})
    page = reader.open(worksheet(tool))
    box = page.locator(f".cf-live[data-tool={tool}]")
    box.get_by_role("button", name="Use this worksheet here").click()
    expect(box.locator("progress")).to_have_count(1)
    wait_started(box)
    yield tool, reader, box
    reader.close()


def test_nothing_loads_until_the_reader_starts_the_tool(browser, site_url):
    for tool in TOOLS:
        reader = Reader(browser, site_url)
        requests: list[str] = []
        reader.page.on("request", lambda request, seen=requests: seen.append(request.url))
        page = reader.open(worksheet(tool))
        box = page.locator(f".cf-live[data-tool={tool}]")
        expect(box.get_by_role("button", name="Use this worksheet here")).to_be_visible()
        assert not [url for url in requests if "pyodide" in url or "/_static/live/" in url]
        assert page.locator(".widget-slider").count() == 0  # the notebook's form gives way
        reader.close()


def test_without_javascript_the_button_stays_hidden(browser, site_url):
    for tool in TOOLS:
        reader = Reader(browser, site_url, java_script_enabled=False)
        page = reader.open(worksheet(tool))
        assert not page.locator(".cf-live-start").is_visible()
        assert page.locator("article table").count() >= 1  # the worked example stays
        reader.close()


def test_the_form_is_the_specs(started):
    tool, _, box = started
    form = box.locator("form.cf-live-form")
    for field in live.form(tool)["fields"]:
        caption = f"{field['label']} ({field['unit']})" if field["unit"] else field["label"]
        control = form.get_by_label(caption, exact=True)
        expect(control).to_have_count(1)
        described = control.get_attribute("aria-describedby").split()
        help_text = form.page.locator(f"[id='{described[0]}']").inner_text()
        assert field["help"][1:] in help_text


def test_the_page_gives_pythons_numbers(started):
    tool, reader, box = started
    form = box.locator("form.cf-live-form")
    summary = form.locator(":scope > .cf-live-summary")
    assert summary.get_attribute("aria-live") == "polite"
    for case in cases(tool)["form"]:
        fill(form, case["values"])
        shown = EXPECTED[tool].form(case["values"])
        expect(summary).to_have_text(" ".join(shown.summary))
        expect_shown(form.locator(":scope > .cf-live-output"), assert_same, shown.tables)
        chart = form.locator(":scope > .cf-live-output svg[role=img]")
        expect(chart).to_have_count(1)
        assert chart.get_attribute("aria-label")
    assert reader.blocked == [] and reader.errors == []


def test_a_bad_input_is_reported_at_its_field(started):
    tool, reader, box = started
    form = box.locator("form.cf-live-form")
    for case in cases(tool).get("errors", []):
        fill(form, case["values"])
        for name in case["fields"]:
            control = form.locator(f"[name='{name}']")
            expect(control).to_have_attribute("aria-invalid", "true")
            message = field_error(tool, case["values"], name)
            note = form.locator(f"[id='{control.get_attribute('id')}-error']")
            expect(note).to_have_text(message)
            assert note.get_attribute("id") in control.get_attribute("aria-describedby")
        assert form.locator("[aria-invalid=true]").count() == len(case["fields"])
    first = cases(tool)["form"][0]["values"]
    fill(form, first)
    expect(form.locator("[aria-invalid=true]")).to_have_count(0)
    assert reader.blocked == [] and reader.errors == []


def test_a_csv_file_round_trip(started, tmp_path):
    tool, reader, box = started
    if EXPECTED[tool].table is None:
        pytest.skip(f"{tool} takes no file")
    form = box.locator("form.cf-live-form")
    section = form.locator("fieldset.cf-live-file")
    picker = section.locator("input[type=file]")
    for case in cases(tool)["tables"]:
        fill(form, case["values"])
        source = ROOT / case["file"]
        picker.set_input_files(str(source))
        shown = EXPECTED[tool].table(source.read_text("utf-8"), case["values"], source.name)
        expect(section.locator(".cf-live-summary")).to_have_text(" ".join(shown.summary))
        expect_shown(section, assert_same, shown.tables)
        with reader.page.expect_download() as download:
            section.locator("a.cf-live-download").click()
        data = Path(download.value.path()).read_bytes()
        assert data.startswith(b"\xef\xbb\xbf")  # UTF-8 with its mark, as Excel's "CSV UTF-8"
        saved = data.decode("utf-8-sig")
        found, expected = list(csv.reader(io.StringIO(saved))), list(csv.reader(io.StringIO(shown.download)))
        assert found[0] == expected[0]
        for row, other in zip(found[1:], expected[1:], strict=True):
            for cell, value in zip(row, other, strict=True):
                try:
                    assert math.isclose(float(cell), float(value), rel_tol=1e-12)
                except ValueError:
                    assert cell == value
    for number, case in enumerate(cases(tool).get("table_errors", []), start=1):
        fill(form, case["values"])
        bad = tmp_path / f"mine-{number}.csv"
        bad.write_text(case["text"], encoding="utf-8")
        picker.set_input_files(str(bad))
        message = table_error(tool, case["text"], case["values"], bad.name)
        expect(section.locator(".cf-live-error")).to_have_text(message)
        expect(picker).to_have_attribute("aria-invalid", "true")
    assert reader.blocked == [] and reader.errors == []


def _file_section(browser, site_url, tool: str, values: dict):
    """A started live tool at desktop width, its form filled with ``values``: the reader and
    the form's file section."""
    reader = Reader(browser, site_url, viewport={"width": 1280, "height": 900})
    box = reader.open(worksheet(tool)).locator(f".cf-live[data-tool={tool}]")
    box.get_by_role("button", name="Use this worksheet here").click()
    wait_started(box)
    form = box.locator("form.cf-live-form")
    fill(form, values)
    return reader, form.locator("fieldset.cf-live-file")

def test_a_csv_saved_by_excel_in_taiwan_shows_its_chinese_names_and_says_so(
    browser, site_url, tmp_path
):
    """A Big5 (cp950) file, as Excel on Windows in Taiwan saves "CSV"; then one no encoding reads."""
    tool = "lifetime_value"
    values = {"discount_rate": "0.1", "timing": "after_renewal"}
    reader, section = _file_section(browser, site_url, tool, values)
    picker = section.locator("input[type=file]")
    text = chinese_customers()
    saved = tmp_path / "客戶.csv"
    saved.write_bytes(text.encode("cp950"))
    picker.set_input_files(str(saved))
    expect(section.locator(".cf-live-file-note")).to_have_text(
        "客戶.csv was read as Big5 (Traditional Chinese Windows), as Excel saves CSV files on "
        "Windows in Taiwan."
    )
    shown = EXPECTED[tool].table(text, values, saved.name)
    expect(section.locator(".cf-live-summary")).to_have_text(" ".join(shown.summary))
    expect_shown(section, assert_same, shown.tables)
    names = section.locator("table.cf-live-table tbody th").all_text_contents()
    assert names == list(CHINESE_NAMES.values())
    expect(section.locator(".cf-live-error")).to_be_hidden()

    unreadable = tmp_path / "mac.csv"
    unreadable.write_bytes("customer,annual_margin,retention_rate\rÅland,1,0.5\r".encode("mac_roman"))
    picker.set_input_files(str(unreadable))
    error = section.locator(".cf-live-error")
    expect(error).to_contain_text("mac.csv: could not be read as text. Tried UTF-8, Big5")
    expect(error).to_contain_text('File > Save As > "CSV UTF-8 (Comma delimited)"')
    expect(picker).to_have_attribute("aria-invalid", "true")
    expect(section.locator(".cf-live-file-note")).to_be_hidden()
    expect(section.locator(".cf-live-output")).to_be_hidden()
    assert reader.blocked == [] and reader.errors == []
    reader.close()


def test_a_gbk_file_and_a_misspelled_column_are_said_under_the_file(browser, site_url, tmp_path):
    """A GBK (cp936) file, as Excel in mainland China saves "CSV", with its optional column
    misspelled: the page says which encoding it read and notes the column in the notebook's words,
    and still shows the results; a file without the misspelling has no such note."""
    tool = "lifetime_value"
    values = {"discount_rate": "0.1", "timing": "after_renewal"}
    reader, section = _file_section(browser, site_url, tool, values)
    picker = section.locator("input[type=file]")
    text = ("customer,annual_margin,retention_rate,acquisiton_cost\r\n"
            "张伟商行,1200,0.8,300\r\n王芳餐厅,900,0.5,100\r\n李娜超市,700,0.6,50\r\n")
    saved = tmp_path / "mainland.csv"
    saved.write_bytes(text.encode("gbk"))
    picker.set_input_files(str(saved))
    expect(section.locator(".cf-live-file-note")).to_have_text(
        "mainland.csv was read as GBK (Simplified Chinese Windows), as Excel saves CSV files on "
        "Windows in mainland China."
    )
    note = section.locator(".cf-live-columns-note")
    expect(note).to_have_text(
        "mainland.csv: column 'acquisiton_cost' (did you mean 'acquisition_cost'?) is not one the "
        "worksheet reads, so its values are left out of the calculation; rename it if they should "
        "count."
    )
    shown = EXPECTED[tool].table(text, values, saved.name)
    expect_shown(section, assert_same, shown.tables)
    names = section.locator("table.cf-live-table tbody th").all_text_contents()
    assert sorted(names) == sorted(["张伟商行", "王芳餐厅", "李娜超市"])
    expect(section.locator(".cf-live-error")).to_be_hidden()
    fixed = tmp_path / "fixed.csv"
    fixed.write_text(text.replace("acquisiton", "acquisition"), encoding="utf-8")
    picker.set_input_files(str(fixed))
    expect(note).to_be_hidden()
    expect(section.locator(".cf-live-file-note")).to_be_hidden()
    assert reader.blocked == [] and reader.errors == []
    reader.close()


def test_axe_finds_nothing_on_the_started_tool(started):
    _, reader, box = started
    reader.page.add_script_tag(path=str(AXE))
    violations = reader.page.evaluate(
        """async () => (await axe.run('.cf-live', {
             runOnly: {type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']},
             resultTypes: ['violations'], preload: false})).violations
             .map(v => v.id + ': ' + v.help + ' at ' + v.nodes.map(n => n.target.join(' ')).join(', '))"""
    )
    assert violations == []


@pytest.mark.parametrize("tool", TOOLS)
def test_keyboard_only_at_phone_width_and_200_percent_zoom(browser, site_url, tool):
    reader = Reader(browser, site_url, viewport={"width": 360, "height": 740})
    page = reader.open(worksheet(tool))
    box = page.locator(f".cf-live[data-tool={tool}]")
    button = box.locator(".cf-live-start")
    for _ in range(400):  # Tab through the page to the button, as a keyboard user does
        page.keyboard.press("Tab")
        if button.evaluate("node => node === document.activeElement"):
            break
    else:
        pytest.fail("Tab never reaches the button")
    page.keyboard.press("Enter")
    wait_started(box)
    form = box.locator("form.cf-live-form")
    fields = live.form(tool)["fields"]
    grid = live.form(tool).get("grid")
    if fields:
        first = form.locator(f"[name={fields[0]['name']}]")
    else:  # a grid only: focus moves to its first cell
        first = form.locator(f"[name='{grid['name']}.1.{grid['columns'][0]['name']}']")
    assert first.evaluate("node => node === document.activeElement")  # focus moves to the form
    values = {
        name: value for name, value in cases(tool)["form"][-1]["values"].items()
        if not isinstance(value, list)
    }
    for field in fields:
        control = form.locator(f"[name={field['name']}]")
        assert control.evaluate("node => node === document.activeElement"), field["name"]
        if field["kind"] == "choice":
            options = [value for value, _ in field["options"]]
            steps = options.index(values[field["name"]]) - options.index(control.input_value())
            for _ in range(abs(steps)):
                page.keyboard.press("ArrowDown" if steps > 0 else "ArrowUp")
        else:
            page.keyboard.press("Control+A")
            page.keyboard.type(str(values[field["name"]]))
        page.keyboard.press("Tab")
    if grid:  # Tab on through the grid's region to its first cells; change the second
        names = [column["name"] for column in grid["columns"]]
        values[grid["name"]] = [dict(zip(names, map(str, row), strict=True)) for row in grid["rows"]]
        if fields:  # the last input's Tab reached the grid's scrolling region
            page.keyboard.press("Tab")  # row 1, first column
        page.keyboard.press("Tab")  # row 1, second column
        second = form.locator(f"[name='{grid['name']}.1.{names[1]}']")
        assert second.evaluate("node => node === document.activeElement")
        page.keyboard.press("Control+A")
        page.keyboard.type("9")
        values[grid["name"]][0][names[1]] = "9"
    shown = EXPECTED[tool].form(values)
    expect(form.locator(":scope > .cf-live-summary")).to_have_text(" ".join(shown.summary))
    for width in (360, 640):  # a phone; 1280 pixels at 200% zoom
        page.set_viewport_size({"width": width, "height": 740})
        box.scroll_into_view_if_needed()
        overflow = box.evaluate("node => node.scrollWidth - node.clientWidth")
        assert overflow <= 1, f"{tool} scrolls sideways at {width} px"
        right = box.evaluate("node => node.getBoundingClientRect().right")
        assert right <= width + 1, f"{tool} runs off the screen at {width} px"
    assert reader.blocked == [] and reader.errors == []
    reader.close()
