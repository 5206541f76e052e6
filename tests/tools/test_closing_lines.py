"""The two lines every worksheet closes with, said once by the package for all the tools: what
it saved and where, counted in the tool's own words, and whether the Excel file holds what the
CSV file does; in English as the notebooks' saved outputs have them, and in Chinese (zh_TW) with
the same numbers."""

from __future__ import annotations

import importlib
from pathlib import Path, PurePosixPath

import pytest

from chinese_text import assert_chinese, both
from customer_focus import tools as tools_package


def describe(tool: str):
    """The tool's ``describe`` module, which declares its closing lines."""
    return importlib.import_module(f"customer_focus.tools.{tool}.describe")


#: (tool, count, path, English, Chinese, English for one), the paths as the notebooks give them.
SAVED = [
    ("feedback", 3, PurePosixPath("output/feedback-results.csv"),
     "Saved 3 rows to output/feedback-results.csv", "已把 3 列存到 output/feedback-results.csv",
     "Saved 1 row to output/feedback-results.csv"),
    ("kano", 5, PurePosixPath("output/kano-results.xlsx"),
     "Saved 5 features to output/kano-results.xlsx",
     "已把 5 項功能存到 output/kano-results.xlsx", "Saved 1 feature to output/kano-results.xlsx"),
    ("servqual", 22, PurePosixPath("output/servqual-items.csv"),
     "Saved 22 rows to output/servqual-items.csv", "已把 22 列存到 output/servqual-items.csv",
     "Saved 1 row to output/servqual-items.csv"),
    ("turnover_cost", 11, PurePosixPath("output/turnover-cost-results.csv"),
     "Saved 11 jobs to output/turnover-cost-results.csv",
     "已把 11 個職務存到 output/turnover-cost-results.csv",
     "Saved 1 job to output/turnover-cost-results.csv"),
    ("value_equation", 11, PurePosixPath("output/value-equation-results.xlsx"),
     "Saved 11 alternatives to output/value-equation-results.xlsx",
     "已把 11 個方案存到 output/value-equation-results.xlsx",
     "Saved 1 alternative to output/value-equation-results.xlsx"),
    ("work_process", 14, PurePosixPath("output/work-process-results.csv"),
     "Saved 14 steps to output/work-process-results.csv",
     "已把 14 個步驟存到 output/work-process-results.csv",
     "Saved 1 step to output/work-process-results.csv"),
    ("lifetime_value", 6, "output/lifetime-values.csv",
     "Saved 6 customers to output/lifetime-values.csv",
     "已把 6 位顧客存到 output/lifetime-values.csv",
     "Saved 1 customer to output/lifetime-values.csv"),
    ("satisfaction_targets", 10, "output/satisfaction-targets-results.csv",
     "Saved 10 segments to output/satisfaction-targets-results.csv",
     "已把 10 個顧客群存到 output/satisfaction-targets-results.csv",
     "Saved 1 segment to output/satisfaction-targets-results.csv"),
    ("replacement_cost", 7, "output/replacement-cost-results.csv",
     "Saved 7 employees to output/replacement-cost-results.csv",
     "已把 7 位員工存到 output/replacement-cost-results.csv",
     "Saved 1 employee to output/replacement-cost-results.csv"),
]

#: (tool, count or None for a whole table, what the Excel file holds in English and in Chinese,
#: and in English for one); the lifetime value worksheet does not check its Excel file.
EXCEL = [
    ("feedback", 30, "The Excel file holds the same 30 responses", "Excel 檔裝的是同樣的 30 份回覆",
     "The Excel file holds the same 1 response"),
    ("kano", 40, "The Excel file holds the same 40 answers", "Excel 檔裝的是同樣的 40 筆回答",
     "The Excel file holds the same 1 answer"),
    ("servqual", 20, "The Excel file holds the same 20 respondents",
     "Excel 檔裝的是同樣的 20 位受訪者", "The Excel file holds the same 1 respondent"),
    ("turnover_cost", 11, "The Excel file holds the same 11 jobs", "Excel 檔裝的是同樣的 11 個職務",
     "The Excel file holds the same 1 job"),
    ("replacement_cost", 7, "The Excel file holds the same 7 employees",
     "Excel 檔裝的是同樣的 7 位員工", "The Excel file holds the same 1 employee"),
    *((tool, None, "The Excel file holds the same table", "Excel 檔的表格與 CSV 檔相同",
       "The Excel file holds the same table")
      for tool in ("value_equation", "work_process", "satisfaction_targets")),
]


@pytest.mark.parametrize(("tool", "count", "path", "english", "chinese", "one"), SAVED,
                         ids=[row[0] for row in SAVED])
def test_the_saved_line_counts_in_the_tools_words_and_names_the_file(
        tool, count, path, english, chinese, one):
    said = both(lambda: describe(tool).saved_line(count, path))
    assert said == (english, chinese)
    assert_chinese(*said)
    assert describe(tool).saved_line(1, path) == one


@pytest.mark.parametrize(("tool", "count", "english", "chinese", "one"), EXCEL,
                         ids=[row[0] for row in EXCEL])
def test_the_excel_line_says_whether_the_files_match(tool, count, english, chinese, one):
    counted, counted_one = ((), ()) if count is None else ((count,), (1,))
    said = both(lambda: describe(tool).excel_line(*counted, True))
    assert said == (f"{english}: True", f"{chinese}：是")
    assert_chinese(*said)
    assert both(lambda: describe(tool).excel_line(*counted, False)) == (
        f"{english}: False", f"{chinese}：否")
    assert describe(tool).excel_line(*counted_one, False) == f"{one}: False"


def test_every_tool_with_closing_lines_is_checked_here():
    tools = Path(tools_package.__file__).parent
    declared = {path.parent.name: describe(path.parent.name)
                for path in tools.glob("*/describe.py")}
    assert sorted(row[0] for row in SAVED) == sorted(
        tool for tool, module in declared.items() if hasattr(module, "saved_line"))
    assert sorted(row[0] for row in EXCEL) == sorted(
        tool for tool, module in declared.items() if hasattr(module, "excel_line"))
