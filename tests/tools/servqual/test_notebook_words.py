"""The lines the SERVQUAL worksheet prints, in English and in Chinese (zh_TW)."""

from __future__ import annotations

from pathlib import PurePosixPath

from chinese_text import assert_chinese, both
from customer_focus.tools.servqual import describe


def test_the_excel_line():
    english, chinese = both(lambda: describe.excel_line(20, True))
    assert english == "The Excel file holds the same 20 respondents: True"
    assert_chinese(english, chinese)
    assert describe.excel_line(20, False).endswith(": False")


def test_the_saved_line():
    path = PurePosixPath("output/servqual-items.csv")
    english, chinese = both(lambda: describe.saved_line(22, path))
    assert english == "Saved 22 rows to output/servqual-items.csv"
    assert chinese == "已把 22 列存到 output/servqual-items.csv"
    assert_chinese(english, chinese)
