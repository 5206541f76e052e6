"""The lab notebook's sentences and tables (``tools.lab.describe``): the English the notebook
shows, and the same in Chinese with the same numbers, as the zh-TW edition runs it."""

from __future__ import annotations

import re

import pandas as pd
import pytest

from chinese_text import assert_chinese, both, english_words
from customer_focus.core.messages import language
from customer_focus.tools.lab import bgnbd, describe
from customer_focus.tools.lab import transactions as tx

MODEL = bgnbd.CDNOW_BGNBD
BETTER = MODEL.with_params(b=MODEL.b * 4)
LOG = pd.DataFrame({
    "customer_id": [1, 1, 1, 2, 3, 3, 4, 5],
    "date": ["2024-01-02", "2024-02-01", "2024-03-01", "2024-01-10", "2024-02-20", "2024-03-02",
             "2024-03-03", "2024-01-05"],
    "amount": [50, 60, 70, 20, 30, 30, 90, 10],
})
#: The formula's symbols, which a Chinese line keeps.
SYMBOLS = ("m·r/(1+i−r)",)


def _check() -> pd.DataFrame:
    check = pd.DataFrame({"customers": [1411, 64], "actual": [0.2437, 6.359],
                          "predicted": [0.2311, 6.1642]},
                         index=pd.Index(["0", "7+"], name="repeat_purchases"))
    check.attrs.update(total_actual=1882.0, total_predicted=1652.9)
    return check


LINES = {
    "correlation": lambda: describe.correlation_line(0.1149),
    "holdout": lambda: describe.holdout_line(_check(), weeks=39),
    "values": lambda: "\n".join(describe.value_lines(
        pd.DataFrame({"lifetime_value": [30.0, 46.9]}), BETTER, MODEL, weeks=78, first_weeks=39)),
    "formula": lambda: "\n".join(describe.formula_lines(0.816, 11.27, 30.81, 32.45, 36.75)),
    "improvement": lambda: "\n".join(describe.improvement_lines(
        MODEL, BETTER, formula=(30.81, 37.97), models=(36.75, 47.07))),
}


def test_lines_in_english():
    assert describe.correlation_line(0.1149) == (
        "Correlation of purchase count and average spend: 0.11")
    assert describe.holdout_line(_check(), weeks=39) == (
        "Purchases in the 39 weeks after calibration: 1,882 actual, 1,653 predicted")
    values = describe.value_lines(pd.DataFrame({"lifetime_value": [30.0, 46.9]}), BETTER, MODEL,
                                  weeks=78, first_weeks=39)
    assert values == [
        "Customers: 2", "Average lifetime value: $38.45", "Whole customer base: $77",
        "Average chance of leaving after a repeat purchase: 7.6% (all 78 weeks; the first 39 "
        "weeks gave 24.6%)",
    ]
    assert describe.improvement_lines(MODEL, BETTER, formula=(30.81, 37.97),
                                      models=(36.75, 47.07))[1:] == [
        "Formula, 10 years: $30.81 -> $37.97 (+23%)", "Models, 10 years:  $36.75 -> $47.07 (+28%)"]


@pytest.mark.parametrize("name", sorted(LINES))
def test_lines_in_chinese(name):
    english, chinese = both(LINES[name])
    assert_chinese(english, chinese, *SYMBOLS)
    assert chinese.count("\n") == english.count("\n")


def _tables():
    segments = tx.segment_summary(tx.rfm_segments(LOG))
    values = pd.DataFrame({"lifetime_value": [10.0, 20.0, 5.0]})
    best = pd.DataFrame({"frequency": [41.0], "recency": [66.0], "T": [67.9],
                         "probability_alive": [0.961], "expected_purchases": [131.1],
                         "expected_spend": [41.44], "lifetime_value": [1145.6]},
                        index=pd.Index([20111], name="customer_id"))
    outlook = bgnbd.yearly_outlook(MODEL, bgnbd.CDNOW_GAMMA_GAMMA,
                                   tx.summarize_customers(LOG, freq="D", freq_multiplier=7),
                                   margin=0.3, discount_rate=0.1, years=3)
    cohorts = tx.cohort_retention(LOG, freq="M")
    return {
        "cohorts": describe.cohort_table(cohorts, periods=range(0, 2)),
        "segments": describe.segment_table(segments),
        "fit": describe.fit_comparison(MODEL, {**MODEL.params, "log-likelihood": -9582.4}),
        "holdout": describe.holdout_table(_check()),
        "best": describe.best_customers(best),
        "segment values": describe.segment_values(
            values, pd.Series(["Champions", "Champions", "Lapsed"], name="segment")),
        "outlook": describe.outlook_table(outlook),
    }


def test_tables_in_english():
    shown = _tables()
    assert shown["segments"].columns.tolist() == [
        "customers", "share", "recency", "frequency", "monetary", "description"]
    assert shown["segments"].index.name == "segment"
    assert shown["fit"].columns.tolist() == ["this fit", "published"]
    assert shown["fit"].index[-1] == "log-likelihood"
    assert shown["holdout"].loc["7+"].tolist() == [64, 6.36, 6.16]
    assert shown["best"].index.name == "Customer"
    assert shown["best"].loc[20111, "Lifetime value"] == "$1,145.60"
    assert shown["segment values"].loc["Champions"].tolist()[1:] == ["$15.00", "$30.00"]
    assert shown["outlook"].index.name == "Year"
    assert shown["outlook"].columns.tolist() == [
        "Expected purchases", "Expected margin", "Implied retention", "Discount factor",
        "Present value", "Cumulative value"]
    assert shown["cohorts"].columns.tolist() == ["customers", 0, 1]


def _words(table: pd.DataFrame) -> str:
    return " ".join(str(word) for word in [*table.columns, table.index.name or "", *table.index])


def test_tables_in_chinese():
    english = _tables()
    with language("zh_TW"):
        chinese = _tables()
    symbols = ("alpha", "7+")
    for name, table in chinese.items():
        words = _words(table)
        assert re.search(r"[\u4e00-\u9fff]", words), name
        assert english_words(words, *symbols) == [], (name, words)
        assert table.shape == english[name].shape, name
        if name != "segments":  # their descriptions are said in Chinese too
            assert pd.DataFrame(table.to_numpy()).equals(
                pd.DataFrame(english[name].to_numpy())), name
    # the segments' descriptions are said in Chinese, their numbers are the English's
    assert chinese["segments"].iloc[:, :5].to_numpy().tolist() == \
        english["segments"].iloc[:, :5].to_numpy().tolist()


def test_skipped_rows_headed_in_both_languages():
    log = pd.DataFrame({"Client": ["A-17", ""], "Order date": ["2024-03-02", "2024-03-10"],
                        "Total": [120.0, 60.0]})

    def shown():
        checked = tx.read_transactions(log, customer_col="Client", date_col="Order date",
                                       amount_col="Total", on_bad_rows="skip")
        return describe.skipped_table(checked)

    english = shown()
    with language("zh_TW"):
        chinese = shown()
    assert english.columns.tolist() == ["line", "reason", "Client", "Order date", "Total"]
    assert chinese.columns.tolist()[2:] == ["Client", "Order date", "Total"]
    assert_chinese(" ".join(english.columns[:2]), " ".join(chinese.columns[:2]))
    assert_chinese(english["reason"].iloc[0], chinese.iloc[0, 1], "Client")
    assert chinese.iloc[:, 0].tolist() == english["line"].tolist() == [2]
