"""The live tools in the zh-TW edition, at the Python level (the browser test runs on the English
edition): the archive the edition serves holds the English twins as committed and the Chinese
twins beside them, and its Python, speaking the language the page sets, gives the form in Chinese
and the same numbers as the English; the button and every fixed word of ``live-tool.js`` come
from the page, in its language."""

from __future__ import annotations

import io
import json
import re
import zipfile
from pathlib import Path

import pytest

from customer_focus.core.messages import language
from customer_focus.core.problems import DataFileError
from customer_focus.sphinxext.live import (
    archive_bytes,
    archive_files,
    live_tools,
    live_words,
    placeholder,
)
from customer_focus.tools import live
from customer_focus.tools.spec import check_words, load_spec, spec_tools, twin_path
from live_archive import ask, unpack
from sphinx_site import build

ROOT = Path(__file__).resolve().parents[2]
SCRIPT = ROOT / "src" / "customer_focus" / "static" / "live-tool.js"
LIVE = live_tools()
#: The tools whose tables' headings their Python writes (describe.py), not the spec's reading:
#: from the package's catalogs.
HEADINGS_IN_PYTHON = {"value_equation", "work_process"}


def _values(form: dict) -> dict:
    values = {field["name"]: field["value"] for field in form["fields"]}
    if "grid" in form:
        names = [column["name"] for column in form["grid"]["columns"]]
        rows = form["grid"]["rows"]
        values[form["grid"]["name"]] = [dict(zip(names, row, strict=True)) for row in rows]
    return values


@pytest.fixture(scope="module")
def chinese(tmp_path_factory):
    """What the zh-TW edition's archive gives, tool by tool, in the language its page sets
    (``data-language``): its form, and its results."""
    archive = unpack(tmp_path_factory.mktemp("zh"))
    given = json.dumps({t: _values(live.form(t)) for t in LIVE})
    return ask(archive, (
        f"json.dumps({{tool: {{'form': json.loads(live.form_json(tool)), "
        f"'results': json.loads(live.run_json(tool, json.dumps(values)))}} "
        f"for tool, values in json.loads({given!r}).items()}})"), chosen="zh_TW")


@pytest.mark.parametrize("tool", spec_tools())
def test_the_editions_archive_holds_the_english_twin_unchanged_and_the_chinese_one(tool):
    """One way to the Chinese texts: the archive ships the twins ``specs`` writes, as committed,
    and the package reads the Chinese one while it speaks Chinese, as in a notebook."""
    files = archive_files("zh_TW")
    folder = f"customer_focus/tools/{tool}"
    assert files[f"{folder}/{tool}.json"] == twin_path(tool).read_bytes()
    assert files[f"{folder}/{tool}.zh_TW.json"] == twin_path(tool, "zh_TW").read_bytes()
    assert files[f"{folder}/{tool}.json"] == archive_files()[f"{folder}/{tool}.json"]
    assert f"{folder}/{tool}.zh_TW.json" not in archive_files()


def test_the_archives_differ_only_by_the_editions_twins_and_catalogs():
    english, chinese = archive_files(), archive_files("zh_TW")
    assert set(english) < set(chinese)
    assert all(chinese[name] == data for name, data in english.items())
    added = set(chinese) - set(english)
    assert added and all(name.endswith((".zh_TW.json", ".mo")) for name in added)
    assert zipfile.ZipFile(io.BytesIO(archive_bytes("zh_TW"))).namelist() == list(chinese)


def test_an_unknown_edition_has_no_archive():
    with pytest.raises(ValueError, match="no translation in 'fr'; the languages are en, zh_TW"):
        archive_files("fr")


def test_the_archive_says_english_until_the_page_sets_its_language(tmp_path):
    archive = unpack(tmp_path)
    said = ask(archive, "live.form_json('lifetime_value')", chosen=None)
    assert said["fields"][1]["label"] == load_spec("lifetime_value").fields["retention"].label


@pytest.mark.parametrize("tool", LIVE)
def test_the_editions_form_is_in_chinese(chinese, tool):
    form, spec = chinese[tool]["form"], load_spec(tool, "zh_TW")
    assert [field["label"] for field in form["fields"]] == [
        spec.fields[name].label for name in spec.live.fields]
    assert form["title"] == spec.title if "title" in form else True
    # the worked example as the notebook's Python gives it in Chinese: its texts translated,
    # its numbers and choices the English ones
    english = live.form(tool)
    with language("zh_TW"):
        expected = live.form(tool)
    assert [field["value"] for field in form["fields"]] == [
        field["value"] for field in expected["fields"]]
    for shown, original in zip(form["fields"], english["fields"], strict=True):
        if not (isinstance(original["value"], str) and original["value"] != shown["value"]):
            assert shown["value"] == original["value"]
        else:
            assert re.search(r"[\u4e00-\u9fff]", shown["value"]), (tool, shown)


@pytest.mark.parametrize("tool", LIVE)
def test_the_editions_numbers_are_the_english_ones_under_chinese_headings(chinese, tool):
    shown = chinese[tool]["results"]
    english = json.loads(live.run_json(tool, json.dumps(_values(live.form(tool)))))
    assert not shown["messages"] and shown["tables"]

    def numbers(results: dict) -> list:  # a row's label (a text) is said in the language
        return [[[cell["value"] for cell in row if not isinstance(cell["value"], str)]
                 for row in table["rows"]] for table in results["tables"]]

    assert numbers(shown) == numbers(english)
    # each heading the spec's reading: gives is the zh spec's; those the tool's Python writes
    # come from the package's catalogs: Chinese too
    english_spec, spec = load_spec(tool), load_spec(tool, "zh_TW")
    translated = {
        heading: spec.reading[name][column]
        for name, table in english_spec.reading.items() for column, heading in table.items()
    }
    for ours, theirs in zip(shown["tables"], english["tables"], strict=True):
        assert len(ours["headers"]) == len(theirs["headers"])
        for header, english_header in zip(ours["headers"], theirs["headers"], strict=True):
            if english_header in translated and tool not in HEADINGS_IN_PYTHON:
                assert header == translated[english_header]
            else:
                # Chinese, or no English word (Kano's category letters stay as they are)
                assert re.search(r"[\u4e00-\u9fff]", header) or not re.search(
                    r"[A-Za-z]{2,}", header), (english_header, header)


@pytest.mark.parametrize("tool", LIVE)
def test_the_button_and_its_words_are_the_pages_language(tool):
    html = placeholder(tool, "zh_TW")
    assert "在本頁使用這份工作表" in html and load_spec(tool, "zh_TW").title in html
    words = json.loads(re.search(r'data-words="([^"]*)"', html).group(1).replace("&quot;", '"'))
    assert words == live_words("zh_TW")
    english_words = {text for text in live_words().values() if re.search("[A-Za-z]", text)}
    leftover = [text for text in english_words if text in html]
    assert leftover == []


def test_every_word_the_script_says_is_in_the_table_and_none_unused():
    script = SCRIPT.read_text("utf-8")
    said = set(re.findall(r'say\(words, "([a-z_]+)"', script))
    chosen = set(re.findall(r'say\(words, [^,"]*\? "([a-z_]+)" : "([a-z_]+)"', script))
    said |= {name for pair in chosen for name in pair}
    names = set(live_words())
    assert said - names == set()
    assert names - said == {"intro", "start"}  # written by the page's Python
    # no fixed English sentence left in the script's code (comments aside)
    code = "\n".join(line for line in script.splitlines()
                     if not line.strip().startswith(("*", "/*", "//")))
    assert re.findall(r'"[A-Z][a-z]+ [a-z]+[^"]*"', code) == []


def test_every_word_is_in_every_language():
    english, chinese = live_words(), live_words("zh_TW")
    assert english.keys() == chinese.keys()
    english_left = [
        text for text in chinese.values()
        if re.search(r"[A-Za-z]{4,}", re.sub(r"\{[a-z_]+\}|Python|CSV", "", text))
    ]
    assert english_left == []


@pytest.mark.parametrize(("data", "message"), [
    ({"start": {"en": "Start"}}, "start: missing 'zh_TW'"),
    ({"rows": {"en": "Up to {rows}", "zh_TW": "最多"}}, "rows: zh_TW must keep {rows}"),
    ({"rows": {"en": "Up to", "zh_TW": "最多 {rows}"}}, "rows: zh_TW has {rows}, which the"),
    ({"start": "Start"}, "start: must give the word in en, zh_TW"),
])
def test_a_wrong_word_is_named(data, message):
    with pytest.raises(DataFileError) as caught:
        check_words(data, "words.yml")
    assert message in str(caught.value)


def test_a_zh_tw_build_puts_the_chinese_tool_and_archive_in_the_page(tmp_path, monkeypatch):
    """A small Sphinx build with ``language = "zh_TW"``: a worksheet cell marked ``live_tool``
    becomes the Chinese placeholder, and the built site's archive holds the Chinese twin."""
    monkeypatch.chdir(ROOT)
    cell = {"cell_type": "code", "execution_count": None, "outputs": [], "source": "form()",
            "metadata": {"live_tool": "lifetime_value"}}
    notebook = {"cells": [{"cell_type": "markdown", "metadata": {}, "source": "# 工作表"}, cell],
                "metadata": {"kernelspec": {"name": "python3", "display_name": "Python 3",
                                            "language": "python"}},
                "nbformat": 4, "nbformat_minor": 5}
    built = build(tmp_path, (
        "extensions = ['myst_nb', 'customer_focus.sphinxext.live']\n"
        "language = 'zh_TW'\nnb_execution_mode = 'off'\nexclude_patterns = ['_build']\n"
        # its own mapping: myst_nb adds its suffixes to this dict, which would otherwise be
        # Sphinx's shared default and leak '.md' -> myst-nb into later builds in this process
        "source_suffix = {'.rst': 'restructuredtext'}\n"
        "def setup(app):  # Pyodide from the repository (vendor.py declares it in the book)\n"
        f"    app.add_config_value('cf_node_modules', {str(ROOT / 'node_modules')!r}, 'env')\n"
    ), {"index.ipynb": json.dumps(notebook)})
    html = built.page()
    assert "在本頁使用這份工作表" in html and 'data-title="顧客終身價值"' in html
    assert "Use this worksheet here" not in html
    assert 'data-language="zh_TW"' in html
    archive = zipfile.ZipFile(built.out / "_static" / "live" / "customer-focus.zip")
    folder = "customer_focus/tools/lifetime_value"
    assert archive.read(f"{folder}/lifetime_value.json") == twin_path("lifetime_value").read_bytes()
    twin = json.loads(archive.read(f"{folder}/lifetime_value.zh_TW.json"))
    assert twin["fields"]["retention"]["label"] == "留存率"
