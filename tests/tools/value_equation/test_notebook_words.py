"""The lines the value equation worksheet prints, in English and in Chinese (zh_TW)."""

from __future__ import annotations

from pathlib import PurePosixPath

from chinese_text import assert_chinese, both
from customer_focus.tools.value_equation import describe


def test_the_excel_line():
    english, chinese = both(lambda: describe.excel_line(True))
    assert english == "The Excel file holds the same table: True"
    assert chinese == "Excel 檔的表格與 CSV 檔相同：是"
    assert describe.excel_line(False) == "The Excel file holds the same table: False"


def test_the_saved_line():
    path = PurePosixPath("output/value-equation-results.xlsx")
    english, chinese = both(lambda: describe.saved_line(11, path))
    assert english == "Saved 11 alternatives to output/value-equation-results.xlsx"
    assert_chinese(english, chinese)
