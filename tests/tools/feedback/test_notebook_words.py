"""The lines and the grid the feedback worksheet shows, in English and in Chinese (zh_TW)."""

from __future__ import annotations

from pathlib import PurePosixPath

import pandas as pd

from chinese_text import assert_chinese, both
from customer_focus.core.messages import language
from customer_focus.tools.feedback import describe, form, table


def test_the_score_line():
    english, chinese = both(lambda: describe.nps_line(25.0))
    assert english == "Net Promoter Score: +25"
    assert chinese == "淨推薦值（NPS）：+25"
    assert_chinese(english, chinese, "NPS")


def test_the_excel_line_says_whether_the_files_match():
    english, chinese = both(lambda: describe.excel_line(30, True))
    assert english == "The Excel file holds the same 30 responses: True"
    assert_chinese(english, chinese)
    assert chinese.endswith("：是")
    assert describe.excel_line(30, False).endswith(": False")


def test_the_saved_line_names_the_file():
    path = PurePosixPath("output/feedback-results.csv")
    english, chinese = both(lambda: describe.saved_line(3, path))
    assert english == "Saved 3 rows to output/feedback-results.csv"
    assert chinese == "已把 3 列存到 output/feedback-results.csv"
    assert describe.saved_line(1, path) == "Saved 1 row to output/feedback-results.csv"
    assert_chinese(english, chinese)


def test_the_ratings_grid_has_its_headers_in_the_readers_language():
    answers = pd.DataFrame({"recommend": [9, 8, 3], "satisfaction": [5, 4, 1],
                            "segment": ["North", "North", "South"]})
    ratings = table.satisfaction_distribution(answers, by="segment")
    english = form.ratings_table(ratings)
    assert (english.index.name, english.columns.name) == ("group", "rating")
    assert english.loc["North"].tolist() == [0, 0, 0, 1, 1]
    with language("zh_TW"):
        chinese = form.ratings_table(ratings)
    assert (chinese.index.name, chinese.columns.name) == ("群組", "評分")
    assert chinese.to_numpy().tolist() == english.to_numpy().tolist()
