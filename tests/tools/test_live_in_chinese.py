"""The tools in the zh-TW edition's page say what they say in Chinese.

The edition's archive (what the browser's Python unpacks) is run with the
standard library only and ``CUSTOMER_FOCUS_LANGUAGE=zh_TW``, as the page sets
it; its entry points (``form_json``, ``run_json``, ``run_table_json``,
``read_file_json``) are called as ``static/live-tool.js`` calls them. Each
message is Chinese, with no English word left apart from the names it quotes,
and carries the numbers of the English archive's message.
"""

from __future__ import annotations

import pytest

from chinese_text import assert_chinese
from live_archive import ask, unpack

#: What the page asks, as ``live-tool.js`` asks it: (label, the Python expression).
VALUES = ("{field['name']: field['value'] "
          "for field in json.loads(live.form_json('lifetime_value'))['fields']}")
TIMING = "json.dumps({'discount_rate': '0.1', 'timing': 'after_renewal'})"
ASKED = {
    "a rate typed as a percent": (
        "json.loads(live.run_json('lifetime_value', "
        f"json.dumps({{**{VALUES}, 'retention': '80'}})))['messages'][0]['text']"),
    "an empty input": (
        "json.loads(live.run_json('lifetime_value', "
        f"json.dumps({{**{VALUES}, 'margin': ''}})))['messages'][0]['text']"),
    "a file without a column": (
        "json.loads(live.run_table_json('lifetime_value', 'customer,annual_margin\\nA,100\\n', "
        f"{TIMING}))['messages'][0]['text']"),
    "a file with a rate as a percent": (
        "json.loads(live.run_table_json('lifetime_value', "
        f"'customer,annual_margin,retention_rate\\nA,100,80\\n', {TIMING}, 'mine.csv'))"
        "['messages'][0]['text']"),
    "a file saved in Taiwan": (
        "json.loads(live.read_file_json('名稱\\r\\n台北\\r\\n'.encode('cp950')))['note']"),
    "a file no encoding reads": (
        "json.loads(live.read_file_json('Åland'.encode('mac_roman'), 'mac.csv'))['error']"),
}


def _ask(archive, language: str) -> dict[str, str]:
    said = "{" + "".join(f"{label!r}: {expression}, " for label, expression in ASKED.items()) + "}"
    return ask(archive, f"json.dumps({said})", language)


@pytest.fixture(scope="module")
def said(tmp_path_factory):
    folder = tmp_path_factory.mktemp("archives")
    return _ask(unpack(folder, "en"), "en"), _ask(unpack(folder, "zh_TW"), "zh_TW")


@pytest.mark.parametrize("asked", list(ASKED))
def test_the_page_says_it_in_chinese_with_the_english_numbers(said, asked):
    english, chinese = said[0][asked], said[1][asked]
    assert english != chinese
    assert_chinese(english, chinese, "retention", "margin", "retention_rate", "customer",
                   "annual_margin", "acquisition_cost", "mac.csv", "mine.csv")


def test_the_page_names_the_file_and_the_encoding_in_chinese(said):
    english, chinese = said
    assert english["a file saved in Taiwan"].startswith("your file was read as Big5")
    assert chinese["a file saved in Taiwan"].startswith("你的檔案：以 Big5（繁體中文 Windows）")
    assert "你的檔案：缺少欄位 'retention_rate'" in chinese["a file without a column"]
    assert "如果你指的是 80%，請輸入 0.8。" in chinese["a rate typed as a percent"]
    assert "「檔案 > 另存新檔" in chinese["a file no encoding reads"]


#: The rows each grid of the page starts with (the spec's worked example), as the page asks.
GRIDS = ("json.dumps({tool: json.loads(live.form_json(tool))['grid']['rows'] "
         "for tool in ('value_equation', 'work_process', 'satisfaction_targets')})")


def test_the_pages_grids_start_from_the_chinese_example_with_the_english_numbers(
        tmp_path_factory):
    folder = tmp_path_factory.mktemp("grids")
    english = ask(unpack(folder, "en"), GRIDS, "en")
    chinese = ask(unpack(folder, "zh_TW"), GRIDS, "zh_TW")
    assert english["value_equation"][0][0] == "Current service"
    for tool, rows in english.items():
        assert len(chinese[tool]) == len(rows)
        for row, other in zip(rows, chinese[tool], strict=True):
            assert_chinese(row[0], other[0])  # the first column names the row
            texts = [index for index, cell in enumerate(row)
                     if isinstance(cell, str) and cell not in ("yes", "no", "")]
            assert [cell for index, cell in enumerate(other) if index not in texts] == [
                cell for index, cell in enumerate(row) if index not in texts]
