"""The lines the work process worksheet prints, in English and in Chinese (zh_TW)."""

from __future__ import annotations

from pathlib import PurePosixPath

from chinese_text import assert_chinese, both
from customer_focus.tools.work_process import describe


def test_the_excel_line():
    english, chinese = both(lambda: describe.excel_line(True))
    assert english == "The Excel file holds the same table: True"
    assert_chinese(english, chinese)
    assert describe.excel_line(False).endswith(": False")


def test_the_saved_line():
    path = PurePosixPath("output/work-process-results.csv")
    english, chinese = both(lambda: describe.saved_line(14, path))
    assert english == "Saved 14 steps to output/work-process-results.csv"
    assert chinese == "已把 14 個步驟存到 output/work-process-results.csv"
    assert describe.saved_line(1, path) == "Saved 1 step to output/work-process-results.csv"
    assert_chinese(english, chinese)
