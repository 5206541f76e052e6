"""A learner's own file, in the notebook and in the page alike: what is kept, what is said.

The page's side is checked twice: through ``tools.live`` in this Python, and
through the edition's archive run as the browser's Python runs it
(``live_archive``: standard library only).
"""

from __future__ import annotations

import csv
import html
import io
import json

import pytest

from customer_focus.core import tables
from customer_focus.tools import live
from live_archive import ask, unpack

from .live_cases import EXPECTED

#: Alternatives with two further columns (an owner between, a note at the end).
ALTERNATIVES = (
    "alternative,owner,results,process_quality,price,access_costs,note\r\n"
    "Current service,Ops,7,5,6,7,today\r\n"
    "Same-day collection,Fleet desk,7,7,6,3,pilot in May\r\n"
)


@pytest.fixture(scope="module")
def archive(tmp_path_factory):
    return unpack(tmp_path_factory.mktemp("archive"), "en")


def _csv(text: str) -> list[list[str]]:
    return list(csv.reader(io.StringIO(text.removeprefix(live.BOM))))


def test_the_value_equations_results_csv_keeps_the_learners_further_columns(archive):
    values = {"costs": "score"}
    shown = EXPECTED["value_equation"].table(ALTERNATIVES, values, "ideas.csv")
    expected = _csv(shown.download)
    assert expected[0][:3] == ["alternative", "owner", "results"] and "note" in expected[0]
    page = live.table_results("value_equation", ALTERNATIVES, values, source="ideas.csv")
    in_browser = ask(archive, (
        f"json.dumps(json.loads(live.run_table_json('value_equation', {ALTERNATIVES!r}, "
        f"json.dumps({values!r}), 'ideas.csv'))['download'])"), "en")
    for download in (page.download.text, in_browser["text"]):
        found = _csv(download)
        assert found[0] == expected[0]
        for row, other in zip(found[1:], expected[1:], strict=True):
            assert row[1] == other[1] and row[6] == other[6]  # owner, note: as typed


#: A learner's customers with the optional column misspelled, and a column of their own.
MISSPELLED = (
    "customer,annual_margin,retention_rate,acquisiton_cost,region\r\n"
    "Harbor Supply,1200,0.8,300,North\r\n"
)


def test_a_misspelled_optional_column_gets_the_notebooks_note_in_the_page(
    archive, tmp_path, capsys
):
    path = tmp_path / "mine.csv"
    path.write_text(MISSPELLED, encoding="utf-8")
    from customer_focus.tools.lifetime_value import table

    table.compare_customers(tables.read_table(path), discount_rate=0.1)
    printed = capsys.readouterr().out.strip()
    assert printed.startswith("mine.csv: column 'acquisiton_cost' (did you mean "
                              "'acquisition_cost'?) is not one the worksheet reads")
    assert "region" not in printed  # a column of the learner's own is kept without a word
    values = {"discount_rate": "0.1", "timing": "after_renewal"}
    page = live.table_results("lifetime_value", MISSPELLED, values, source="mine.csv")
    assert page.notes == (printed,) and page.tables  # a note: the results are still there
    in_browser = ask(archive, (
        f"live.run_table_json('lifetime_value', {MISSPELLED!r}, "
        f"json.dumps({values!r}), 'mine.csv')"), "en")
    assert in_browser["notes"] == [printed] and in_browser["tables"]
    with_an_error = ask(archive, (
        f"live.run_table_json('lifetime_value', {MISSPELLED.replace('0.8', '80')!r}, "
        f"json.dumps({values!r}), 'mine.csv')"), "en")
    assert with_an_error["messages"] and with_an_error["notes"] == [printed]  # as the notebook


def test_the_note_on_a_misspelled_column_is_chinese_in_the_zh_tw_page(tmp_path):
    chinese = unpack(tmp_path, "zh_TW")
    note = ask(chinese, "json.dumps(live.file_notes('feedback', 'recommend,satisfction\\n9,5\\n'))",
               "zh_TW")
    assert note == ["你的檔案：工作表不會讀取欄位 'satisfction'（是不是 'satisfaction' 拼錯了？），"
                    "這些值不會算進去；如果要計入，請改正欄名。"]


def _notebook_alert(worksheet) -> str:
    [shown] = [item.data if hasattr(item, "data") else item.to_html()
               for item in worksheet.results()]
    return html.unescape(shown)


def _page_grid(worksheet) -> list[dict[str, str]]:
    """The worksheet's grid as the page's form sends it: each cell as typed, yes/no as words."""
    def typed(value):
        if isinstance(value, bool):
            return "yes" if value else "no"
        return f"{value:g}" if isinstance(value, float) else str(value)

    names = [column.field for column in worksheet.columns]
    return [{name: typed(cell.value) for name, cell in zip(names, row, strict=True)}
            for row in worksheet.rows]


def test_a_bad_grid_row_is_named_as_the_grid_shows_it_in_the_notebook_and_the_page(archive):
    """Its number as shown (an empty row skipped keeps its place) and its name, the same words."""
    from customer_focus.tools.work_process import form

    worksheet = form.WorkProcessForm()
    worksheet.rows[2][0].value = ""  # a row left empty: skipped, the rows after keep their number
    worksheet.rows[4][1].value = -5.0  # Repair, row 5 of the grid
    notebook = _notebook_alert(worksheet)
    assert "row 5 (Repair): -5" in notebook
    values = json.dumps({"steps": _page_grid(worksheet)})
    [message] = ask(archive, f"json.dumps(json.loads(live.run_json('work_process', {values!r}))"
                    "['messages'])", "en")
    assert message["field"] == "steps.5.minutes"
    assert message["text"].startswith("row 5 (Repair): ")


def test_a_bad_grid_row_is_named_in_chinese_in_the_zh_tw_page(tmp_path):
    chinese = unpack(tmp_path, "zh_TW")
    rows = [["目前的服務", "7", "5", "6", "7"], ["當日取件", "7", "7", "120", "3"]]
    names = ("alternative", "results", "process_quality", "price", "access_costs")
    values = json.dumps({"costs": "score",
                         "alternatives": [dict(zip(names, row, strict=True)) for row in rows]})
    [message] = ask(chinese, f"json.dumps(json.loads(live.run_json('value_equation', {values!r}))"
                    "['messages'])", "zh_TW")
    assert message["field"] == "alternatives.2.price"
    assert message["text"].startswith("第 2 列（當日取件）：")


def test_a_gbk_file_is_read_as_gbk_and_named_in_the_page(archive):
    """The page's Python reads a mainland file's names, not Big5's wrong characters."""
    text = "客户,年度毛利\r\n张伟,24000\r\n王芳,18000\r\n李娜,36000\r\n"
    read = ask(archive, f"live.read_file_json({text.encode('gbk')!r}, 'mainland.csv')", "en")
    assert read["text"] == text
    assert read["note"] == ("mainland.csv was read as GBK (Simplified Chinese Windows), as Excel "
                            "saves CSV files on Windows in mainland China.")
