"""The lines and the grid the feedback worksheet shows, in English and in Chinese (zh_TW)."""

from __future__ import annotations

import pandas as pd

from chinese_text import assert_chinese, both
from customer_focus.core.messages import language
from customer_focus.tools.feedback import describe, form, table


def test_the_score_line():
    english, chinese = both(lambda: describe.nps_line(25.0))
    assert english == "Net Promoter Score: +25"
    assert chinese == "淨推薦值（NPS）：+25"
    assert_chinese(english, chinese, "NPS")


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
