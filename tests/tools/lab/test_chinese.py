"""The lab in the zh-TW edition (its notebook runs with ``CUSTOMER_FOCUS_LANGUAGE=zh_TW``): what
the learner reads from the purchase log's checks, the models' summaries, the RFM segments and
the charts is Chinese (column names, model names and citations aside) and carries the English's
numbers and line numbers."""

from __future__ import annotations

import re
from functools import partial

import pandas as pd
import pytest

from chinese_text import both as say_both
from chinese_text import english_words, is_chinese, numbers_in
from customer_focus.core.messages import language
from customer_focus.tools.lab import bgnbd, charts
from customer_focus.tools.lab import transactions as tx

#: The messy log of the lab's notebook: a bad date, a negative amount, an empty customer.
MESSY = pd.DataFrame({
    "Client": ["A-17", "A-17", "B-02", "", "C-40"],
    "Order date": ["2024-03-02", "2024-13-05", "2024-03-09", "2024-03-10", "2024-03-11"],
    "Total": [120.0, 80.0, -15.0, 60.0, 45.5],
})
COLUMNS = {"customer_col": "Client", "date_col": "Order date", "amount_col": "Total"}
LOG = pd.DataFrame({
    "customer_id": [1, 1, 1, 2, 3, 3, 4, 5],
    "date": ["2024-01-02", "2024-02-01", "2024-03-01", "2024-01-10", "2024-02-20", "2024-03-02",
             "2024-03-03", "2024-01-05"],
    "amount": [50, 60, 70, 20, 30, 30, 90, 10],
})
#: Words that stay as they are in Chinese: the log's column names, the models' and the data's.
#: (Each is left out where it stands whole; ``.skipped`` is the checked log's table of them.)
KEPT = ("Client", "Order date", "Total", "on_bad_rows", "skip", "date_format", "skipped",
        ".skipped", "BG/NBD", "Gamma-Gamma", "Fader, Hardie & Lee", "CDNOW", "alpha", "gamma",
        "r/", "a/", "(a+b)", "(p*gamma/(q-1))", "freq", "RFM")


#: What ``say()`` says in English and in Chinese (an error it raises is the test's failure).
both = partial(say_both, errors=())


def numbers(text: str) -> set[str]:
    """The numbers of a text, each once, with its ``%``."""
    return set(numbers_in(text, percent=True))


def english_left(text: str) -> list[str]:
    """The English words of ``text`` apart from :data:`KEPT`, quoted cells and date codes."""
    return english_words(text, *KEPT, kept=(), quoted=r"'[^']*'|%[a-zA-Z]")


def raised(call):
    try:
        call()
    except ValueError as error:
        return str(error)
    raise AssertionError("no error")


def test_the_bad_rows_are_reported_in_chinese_with_their_lines():
    english, chinese = both(lambda: raised(lambda: tx.read_transactions(MESSY, **COLUMNS)))
    assert "第 2 列" in chinese and "第 3 列" in chinese and "第 4 列" in chinese
    assert "5 列中有 3 列無法使用" in chinese and "Order date 不是日期" in chinese
    assert numbers(chinese) == numbers(english)
    assert english_left(chinese) == []


def test_the_checked_log_and_its_skipped_rows_in_chinese():
    log = lambda: tx.read_transactions(MESSY, **COLUMNS, on_bad_rows="skip")  # noqa: E731
    english, chinese = both(lambda: str(log()))
    assert "略過 3 列" in chinese and numbers(chinese) == numbers(english)
    assert english_left(chinese) == []
    with language("zh_TW"):
        reasons = log().skipped["reason"].tolist()
    assert reasons == ["Order date 不是日期（'2024-13-05'）", "Total 是負數（'-15.0'）",
                       "Client 是空白"]


def test_a_wrong_option_is_refused_in_chinese():
    _, chinese = both(lambda: raised(lambda: tx.summarize_customers(LOG, freq="M")))
    assert chinese.startswith("freq 必須是 'D', 'W', 'h' 其中之一")
    assert "'M'" in chinese


def test_the_summarys_time_unit_is_said_in_the_language_of_the_notebook():
    with language("zh_TW"):
        weekly = tx.summarize_customers(LOG, freq="D", freq_multiplier=7)
        fortnights = tx.summarize_customers(LOG, freq="W", freq_multiplier=2)
        summary = bgnbd.fit_bgnbd(weekly).summary()
    assert (weekly.attrs["time_unit"], fortnights.attrs["time_unit"]) == ("週（7 天）", "2 週")
    assert "時間單位：週（7 天）" in summary and "每週（7 天）" in summary
    assert tx.summarize_customers(LOG, freq="W", freq_multiplier=2).attrs["time_unit"] == "2 weeks"


def test_the_segments_are_described_in_chinese_and_named_as_the_code_reads_them():
    with language("zh_TW"):
        summary = tx.segment_summary(tx.rfm_segments(LOG))
    assert list(summary.index) == list(tx.segment_summary(tx.rfm_segments(LOG)).index)
    assert all(is_chinese(text) for text in summary["description"])


def test_the_model_summaries_are_chinese_with_the_english_numbers():
    for model in (bgnbd.CDNOW_BGNBD, bgnbd.CDNOW_GAMMA_GAMMA):
        english, chinese = both(model.summary)
        assert numbers(chinese) == numbers(english)
        assert "參數" in chinese and "估計值" in chinese
        rows = [line for line in chinese.splitlines() if not re.match(r"\s+[a-z]+\s+[\d.]+$",
                                                                     line)]
        assert english_left("\n".join(rows)) == []


def test_the_charts_speak_chinese():
    cohorts = tx.cohort_retention(LOG)
    english, chinese = both(lambda: charts.describe_retention_curves(cohorts))
    assert numbers(chinese) == numbers(english) and english_left(chinese) == []
    with language("zh_TW"):
        axes = charts.retention_curve_chart(cohorts).axes[0]
    assert (axes.get_xlabel(), axes.get_ylabel()) == ("距首次購買的月數", "該月有購買的同期群比率")

    holdout = pd.DataFrame({"customers": [5, 2], "actual": [0.2, 1.0], "predicted": [0.25, 0.9]},
                           index=["0", "1+"])
    holdout.attrs["duration"] = 39
    english, chinese = both(lambda: charts.describe_holdout_chart(holdout))
    assert "接下來 39 週" in chinese and numbers(chinese) == numbers(english)
    assert english_left(chinese) == []

    outlook = pd.DataFrame({"expected_margin": [10.0, 7.0, 6.0]}, index=[1, 2, 3])
    english, chinese = both(lambda: charts.describe_outlook_chart(outlook, retention=0.5))
    assert numbers(chinese) == numbers(english) and english_left(chinese) == []
    with language("zh_TW"):
        axes = charts.outlook_chart(outlook, retention=0.5).axes[0]
    assert (axes.get_xlabel(), axes.get_ylabel()) == ("從今天起的第幾年", "每位顧客的預期毛利")


def test_a_chart_of_the_wrong_table_is_refused_in_chinese():
    _, chinese = both(lambda: raised(lambda: charts.holdout_chart(pd.DataFrame({"x": [1]}))))
    assert chinese.startswith("holdout_chart 需要 compare_holdout 產生的表格")


@pytest.mark.parametrize("summary", [
    pd.DataFrame({"frequency": [0.0, 0.0], "recency": [0.0, 0.0], "T": [10.0, 12.0]}),
])
def test_a_summary_without_repeat_buyers_cannot_be_fitted_in_chinese(summary):
    _, chinese = both(lambda: raised(lambda: bgnbd.fit_bgnbd(summary)))
    assert "重複購買" in chinese and english_left(chinese) == []
