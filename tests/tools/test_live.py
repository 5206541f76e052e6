"""The tools that run in the book's page: ``page.py`` gives what the notebook's functions give.

Every case of ``tests/tools/<tool>/cases.yml`` goes through the tool's
``page.results`` (or, for a file, ``live.table_results``) and through the notebook's
functions (``tests/tools/live_cases.py``); every number and every text of
every table, the summary and the CSV download must agree. A bad input gives
its message tied to its field, the same message the notebook's check gives.
The modules the page runs import with the standard library only, as in
Pyodide, and the archive the book serves holds them.
"""

from __future__ import annotations

import csv
import io
import json
import math
import numbers
import subprocess
import sys
import zipfile

import pytest

from customer_focus.core.problems import DataFileError
from customer_focus.sphinxext.live import archive_bytes
from customer_focus.tools import live
from customer_focus.tools.spec import load_spec, read_spec, spec_tools

from .live_cases import (
    CHINESE_NAMES,
    EXPECTED,
    NOT_A_WORKSHEET,
    NOT_LIVE_YET,
    ROOT,
    cases,
    chinese_customers,
    field_error,
    live_tools,
    table_error,
)

LIVE = live_tools()


def _page(tool):
    import importlib

    return importlib.import_module(f"customer_focus.tools.{tool}.page")


def _same(found, expected):
    if isinstance(expected, numbers.Real) and not isinstance(expected, bool):
        return math.isclose(float(found), float(expected), rel_tol=1e-12, abs_tol=1e-9)
    return str(found) == str(expected)


def _assert_tables(results, shown):
    assert len(results.tables) == len(shown.tables)
    for table, rows in zip(results.tables, shown.tables, strict=True):
        assert len(table.rows) == len(rows)
        for found_row, expected_row in zip(table.rows, rows, strict=True):
            assert [cell.text for cell in found_row] == [text for text, _ in expected_row]
            for cell, (_, value) in zip(found_row, expected_row, strict=True):
                assert _same(cell.value, value), (cell, value)


def _name(item):
    return item if isinstance(item, str) else item["name"]


def _form_cases():
    return [(tool, case) for tool in LIVE for case in cases(tool).get("form", [])]


def _table_cases():
    return [(tool, case) for tool in LIVE for case in cases(tool).get("tables", [])]


def test_every_tool_is_live_or_listed_as_not_yet():
    assert sorted(LIVE + NOT_LIVE_YET + NOT_A_WORKSHEET) == sorted(spec_tools())
    assert not set(LIVE) & set(NOT_LIVE_YET)
    assert set(EXPECTED) == set(LIVE)


@pytest.mark.parametrize("tool, case", _form_cases(), ids=_name)
def test_form_results_are_the_notebooks(tool, case):
    results = _page(tool).results(case["values"])
    shown = EXPECTED[tool].form(case["values"])
    assert list(results.summary) == shown.summary
    _assert_tables(results, shown)
    assert results.chart is not None and results.chart.svg.startswith("<svg")
    assert results.chart.alt and 'aria-label="' in results.chart.svg


@pytest.mark.parametrize("tool, case", _table_cases(), ids=_name)
def test_table_results_are_the_notebooks(tool, case):
    text = (ROOT / case["file"]).read_text("utf-8")
    results = live.table_results(tool, text, case["values"], source="customers.csv")
    shown = EXPECTED[tool].table(text, case["values"], "customers.csv")
    assert list(results.summary) == shown.summary
    _assert_tables(results, shown)
    assert results.download.text.startswith(live.BOM)  # Excel's "CSV UTF-8", as the notebook's
    found = list(csv.reader(io.StringIO(results.download.text.removeprefix(live.BOM))))
    expected = list(csv.reader(io.StringIO(shown.download)))
    assert found[0] == expected[0]
    for row, other in zip(found[1:], expected[1:], strict=True):
        for cell, value in zip(row, other, strict=True):
            try:
                assert math.isclose(float(cell), float(value), rel_tol=1e-12)
            except ValueError:
                assert cell == value


@pytest.mark.parametrize(
    "tool, case", [(t, c) for t in LIVE for c in cases(t).get("errors", [])],
    ids=_name,
)
def test_bad_inputs_get_the_notebooks_message_at_their_field(tool, case):
    data = json.loads(live.run_json(tool, json.dumps(case["values"])))
    assert [message["field"] for message in data["messages"]] == case["fields"]
    assert data["tables"] == [] and data["chart"] is None
    for message in data["messages"]:
        assert message["text"] == field_error(tool, case["values"], message["field"])


def test_a_value_the_calc_refuses_is_tied_to_its_field():
    values = {"margin": "1e308", "retention": "0.98", "discount_rate": "0", "years": "10",
              "timing": "after_renewal"}
    data = json.loads(live.run_json("lifetime_value", json.dumps(values)))
    assert data["messages"] == [{"text": data["messages"][0]["text"], "field": "margin"}]
    assert "too large" in data["messages"][0]["text"]


@pytest.mark.parametrize(
    "tool, case", [(t, c) for t in LIVE for c in cases(t).get("table_errors", [])],
    ids=_name,
)
def test_a_bad_file_gets_the_notebooks_message(tool, case):
    values = json.dumps(case["values"])
    data = json.loads(live.run_table_json(tool, case["text"], values, "mine.csv"))
    assert [message["text"] for message in data["messages"]] == [
        table_error(tool, case["text"], case["values"], "mine.csv")
    ]
    assert data["messages"][0]["field"] is None


def test_a_file_too_large_for_the_page_points_to_the_notebook():
    text = "customer,annual_margin,retention_rate\n" + "A,1,0.5\n" * 5001
    data = json.loads(live.run_table_json("lifetime_value", text, json.dumps(
        {"discount_rate": "0.1", "timing": "after_renewal"}), "big.csv"))
    assert "up to 5,000" in data["messages"][0]["text"]
    assert "notebook" in data["messages"][0]["text"]


@pytest.mark.parametrize("codec, note", [
    ("utf-8", ""),
    ("utf-8-sig", ""),
    ("cp950", "客戶.csv was read as Big5 (Traditional Chinese Windows), as Excel saves CSV files "
              "on Windows in Taiwan."),
])
def test_a_file_saved_in_taiwan_gives_the_notebooks_results(codec, note):
    text = chinese_customers()
    read = json.loads(live.read_file_json(text.encode(codec), "客戶.csv"))
    assert read == {"text": text, "note": note}
    values = {"discount_rate": "0.1", "timing": "after_renewal"}
    results = live.table_results("lifetime_value", read["text"], values, source="客戶.csv")
    shown = EXPECTED["lifetime_value"].table(text, values, "客戶.csv")
    assert list(results.summary) == shown.summary
    _assert_tables(results, shown)
    assert [row[0].text for row in results.tables[0].rows] == list(CHINESE_NAMES.values())


def test_a_file_saved_in_western_europe_is_read_with_its_accents():
    text = "customer,annual_margin,retention_rate\r\nCafé Müller,1200,0.8\r\nStore €,900,0.5\r\n"
    read = json.loads(live.read_file_json(text.encode("cp1252"), "mine.csv"))
    assert read["text"] == text
    assert "Windows-1252 (Western European Windows)" in read["note"]


def test_a_file_no_encoding_reads_says_what_was_tried_and_how_to_save_it():
    read = json.loads(live.read_file_json("customer\rÅland\r".encode("mac_roman"), "mac.csv"))
    assert list(read) == ["error"]
    assert read["error"].startswith("mac.csv: could not be read as text. Tried UTF-8, Big5")
    assert 'File > Save As > "CSV UTF-8 (Comma delimited)"' in read["error"]


@pytest.mark.parametrize("tool", LIVE)
def test_the_form_is_the_specs(tool):
    spec = load_spec(tool)
    form = live.form(tool)
    assert [field["name"] for field in form["fields"]] == list(spec.live.fields)
    for field in form["fields"]:
        described = spec.fields[field["name"]]
        assert (field["label"], field["unit"], field["help"]) == (
            described.label, described.unit, described.help
        )
        assert field["value"] == spec.example.get(field["name"], described.default)
    if spec.live.table:
        assert [column["name"] for column in form["table"]["columns"]] == [
            column.name for column in spec.tables[spec.live.table].columns
        ]


@pytest.mark.parametrize(
    "block, message",
    [
        ("live:\n  fields: [margin, retention, nope]\n", ":3: live: fields: no field 'nope'"),
        ("live:\n  fields: [margin]\n  table: clients\n", ":4: live: 'table' 'clients' is not"),
        ("live:\n  fields: [margin]\n  table: customers\n  table_fields: [retention]\n",
         ":5: live: table_fields: no shown field 'retention'"),
        ("live:\n  field: [margin]\n", ":3: live: unknown key"),
    ],
)
def test_a_wrong_live_block_is_reported_at_its_line(block, message):
    from customer_focus.core.yamlfile import parse_yaml

    source = (ROOT / "src/customer_focus/tools/lifetime_value/lifetime_value.yml").read_text()
    head, tail = source[: source.index("live:")], source[source.index("paper_form:"):]
    with pytest.raises(DataFileError) as error:
        read_spec(parse_yaml(head + block + "\n" + tail, "spec.yml"), "spec.yml", "lifetime_value")
    line = head.count("\n") + int(message.split(":")[1]) - 1
    expected = f"spec.yml:{line}:" + message.split(":", 2)[2]
    assert expected in str(error.value)


def test_the_page_modules_run_with_the_standard_library_only(tmp_path):
    """Unpacked from the site's archive, with numpy, pandas, matplotlib and PyYAML blocked."""
    zipfile.ZipFile(io.BytesIO(archive_bytes())).extractall(tmp_path)
    script = (
        "import sys\n"
        "for name in ('numpy', 'pandas', 'matplotlib', 'yaml', 'ipywidgets', 'IPython'):\n"
        "    sys.modules[name] = None\n"
        f"sys.path.insert(0, {str(tmp_path)!r})\n"
        "import json\n"
        "from customer_focus.tools import live\n"
        "import customer_focus\n"
        f"assert customer_focus.__file__.startswith({str(tmp_path)!r})\n"
        f"for tool in {LIVE!r}:\n"
        "    form = json.loads(live.form_json(tool))\n"
        "    values = {field['name']: field['value'] for field in form['fields']}\n"
        "    if 'grid' in form:\n"
        "        names = [column['name'] for column in form['grid']['columns']]\n"
        "        rows = [dict(zip(names, row)) for row in form['grid']['rows']]\n"
        "        values[form['grid']['name']] = rows\n"
        "    shown = json.loads(live.run_json(tool, json.dumps(values)))\n"
        "    assert not shown['messages'] and shown['tables'], shown\n"
        "read = json.loads(live.read_file_json('客戶'.encode('cp950'), 'a.csv'))\n"
        "assert read['text'] == '客戶' and 'Big5' in read['note'], read\n"
        "print('ok')\n"
    )
    result = subprocess.run(
        [sys.executable, "-I", "-c", script], capture_output=True, text=True, cwd=tmp_path
    )
    assert result.stdout.strip() == "ok", result.stderr
