"""Transaction logs: reading and checking, the per-customer summary (lifetimes' definitions),
cohorts and RFM.

``lifetimes`` is imported here as an oracle only; the package never imports it.
"""

from __future__ import annotations

import warnings

import numpy as np
import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from customer_focus.tools.lab import transactions as tx
from transaction_simulator import simulate_transactions

lifetimes_utils = pytest.importorskip("lifetimes.utils")


def _oracle(log: pd.DataFrame, **options) -> pd.DataFrame:
    """lifetimes' summary, sorted by customer, for comparison."""
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        summary = lifetimes_utils.summary_data_from_transaction_data(
            log, "customer_id", "date", monetary_value_col="amount", **options
        )
    summary = summary.sort_index()
    summary.index.name = "customer_id"
    return summary


def _log(**columns) -> pd.DataFrame:
    base = {
        "customer_id": [1, 1, 2, 3],
        "date": ["2024-01-05", "2024-02-10", "2024-01-20", "2024-03-01"],
        "amount": [20.0, 35.5, 12.0, 8.0],
    }
    base.update(columns)
    return pd.DataFrame(base)


# ---- the summary equals lifetimes' ----------------------------------------------------


@pytest.mark.parametrize(
    "options",
    [
        {"freq": "D"},
        {"freq": "W"},
        {"freq": "h"},
        {"freq": "D", "freq_multiplier": 7},
        {"freq": "W", "freq_multiplier": 2},
    ],
    ids=lambda options: "-".join(str(value) for value in options.values()),
)
@pytest.mark.parametrize("end", [None, "1997-09-30", "1997-09-28"])
def test_summary_equals_lifetimes_on_cdnow(cdnow, options, end):
    ours = tx.summarize_customers(cdnow, observation_period_end=end, **options)
    pd.testing.assert_frame_equal(
        ours, _oracle(cdnow, observation_period_end=end, **options), rtol=1e-12
    )


@pytest.mark.parametrize(
    "options", [{"freq": "D"}, {"freq": "W"}, {"freq": "h"}, {"freq": "D", "freq_multiplier": 7}]
)
def test_summary_equals_lifetimes_on_a_synthetic_log(options):
    log = simulate_transactions(3000, seed=11, time_of_day=True)
    end = "2025-03-01"
    ours = tx.summarize_customers(log, observation_period_end=end, **options)
    pd.testing.assert_frame_equal(
        ours, _oracle(log, observation_period_end=end, **options), rtol=1e-12
    )


logs = st.lists(
    st.tuples(
        st.integers(min_value=1, max_value=6),
        st.integers(min_value=0, max_value=90 * 24),  # hours after the start
        st.floats(min_value=0, max_value=500, allow_nan=False).map(lambda value: round(value, 2)),
    ),
    min_size=1,
    max_size=40,
)


@settings(max_examples=60, deadline=None)
@given(logs, st.sampled_from(["D", "W", "h"]))
def test_summary_equals_lifetimes_on_random_logs(rows, freq):
    log = pd.DataFrame(rows, columns=["customer_id", "hours", "amount"])
    log["date"] = pd.Timestamp("2024-01-01") + pd.to_timedelta(log.pop("hours"), unit="h")
    ours = tx.summarize_customers(log, freq=freq)
    pd.testing.assert_frame_equal(ours, _oracle(log, freq=freq), rtol=1e-12, atol=1e-12)
    assert (ours["recency"] <= ours["T"]).all()
    assert ((ours["frequency"] == 0) == (ours["recency"] == 0)).all()
    assert (ours.loc[ours["frequency"] == 0, "monetary_value"] == 0).all()


def test_summary_definitions_by_hand():
    log = pd.DataFrame(
        {
            "customer_id": ["a", "a", "a", "a", "b"],
            "date": [
                "2024-01-01 09:00",
                "2024-01-01 17:00",
                "2024-01-11",
                "2024-02-05",
                "2024-01-05",
            ],
            "amount": [10.0, 5.0, 20.0, 99.0, 8.0],
        }
    )
    summary = tx.summarize_customers(log, observation_period_end="2024-01-31")
    # same-day purchases merge (10 + 5 is the first purchase); February is after the end
    assert summary.loc["a"].tolist() == [1.0, 10.0, 30.0, 20.0]
    assert summary.loc["b"].tolist() == [0.0, 0.0, 26.0, 0.0]
    assert summary.attrs["purchases_after_end"] == 1
    assert summary.attrs["observation_period_end"] == "2024-01-31"
    weekly = tx.summarize_customers(
        log, freq="D", freq_multiplier=7, observation_period_end="2024-01-31"
    )
    assert weekly.loc["a", "T"] == pytest.approx(30 / 7)
    assert weekly.attrs["time_unit"] == "week (7 days)"
    assert weekly.attrs["period_days"] == 7.0


def test_summary_reads_a_file_with_other_column_names(tmp_path):
    table = _log().rename(
        columns={"customer_id": "Client", "date": "Order date", "amount": "Total"}
    )
    for name in ("log.csv", "log.xlsx"):
        path = tmp_path / name
        if name.endswith(".csv"):
            table.to_csv(path, index=False)
        else:
            table.to_excel(path, index=False)
        summary = tx.summarize_customers(
            path, customer_col="Client", date_col="Order date", amount_col="Total"
        )
        assert summary["frequency"].tolist() == [1.0, 0.0, 0.0]
        assert summary.loc[1, "monetary_value"] == 35.5


# ---- reading and checking a log: one test per kind of bad row ----------------------------


@pytest.mark.parametrize(
    ("column", "value", "reason"),
    [
        ("customer_id", None, "customer_id is empty"),
        ("customer_id", "   ", "customer_id is empty"),
        ("date", None, "date is empty"),
        ("date", "", "date is empty"),
        ("date", "2024-13-45", "date is not a date ('2024-13-45')"),
        ("date", "next tuesday", "date is not a date ('next tuesday')"),
        ("amount", None, "amount is empty"),
        ("amount", "twelve", "amount is not a number ('twelve')"),
        ("amount", -5.0, "amount is negative ('-5.0')"),
        ("amount", float("inf"), "amount is not a finite number ('inf')"),
    ],
)
def test_each_kind_of_bad_row_is_reported_with_its_line(tmp_path, column, value, reason):
    table = _log()
    table[column] = table[column].astype(object)
    table.loc[2, column] = value
    path = tmp_path / "orders.csv"
    table.to_csv(path, index=False)
    for source in (table, path):
        where = "row 3" if source is table else "line 4"
        with pytest.raises(ValueError) as error:
            tx.read_transactions(source)
        message = str(error.value)
        assert f"1 of 4 rows cannot be used: {where}: " in message
        assert reason in message
        assert "on_bad_rows='skip'" in message
        kept = tx.read_transactions(source, on_bad_rows="skip")
        assert len(kept) == 3
        assert kept.skipped["line"].tolist() == [3 if source is table else 4]
        assert kept.skipped["reason"].iloc[0] == reason


def test_a_row_with_several_problems_lists_them_all():
    table = _log(customer_id=[1, None, 2, 3], amount=[20.0, -1.0, 12.0, 8.0])
    kept = tx.read_transactions(table, on_bad_rows="skip")
    assert kept.skipped["reason"].iloc[0] == "customer_id is empty; amount is negative ('-1.0')"


def test_raise_lists_the_first_five_and_counts_the_rest():
    table = pd.DataFrame(
        {"customer_id": range(12), "date": "2024-01-01", "amount": [-1.0] * 8 + [1.0] * 4}
    )
    with pytest.raises(ValueError) as error:
        tx.read_transactions(table)
    message = str(error.value)
    assert message.startswith("the table: 8 of 12 rows cannot be used: row 1: amount is negative")
    assert "row 5: amount is negative" in message and "row 6" not in message
    assert "(and 3 more)" in message


def test_skipping_returns_the_clean_rows_and_the_report():
    table = _log(date=["2024-01-05", "31/02/2024", "2024-01-20", "2024-03-01"])
    log = tx.read_transactions(table, on_bad_rows="skip")
    assert isinstance(log, tx.TransactionLog)
    assert list(log.transactions.columns) == ["customer_id", "date", "amount"]
    assert log.transactions.index.name == "line"
    assert log.transactions.index.tolist() == [1, 3, 4]
    assert list(log.skipped.columns) == ["line", "reason", "customer_id", "date", "amount"]
    assert log.skipped.iloc[0].tolist() == [
        2,
        "date is not a date ('31/02/2024')",
        1,
        "31/02/2024",
        35.5,
    ]
    assert str(log) == (
        "the table: 3 purchases by 3 customers from 2024-01-05 to 2024-03-01; "
        "1 row left out (see .skipped)."
    )
    summary = tx.summarize_customers(log)
    assert summary["frequency"].tolist() == [0.0, 0.0, 0.0]


def test_every_row_bad_raises_even_when_skipping():
    table = _log(amount=["x", "y", "z", "w"])
    with pytest.raises(ValueError, match="4 of 4 rows cannot be used.*No row is usable"):
        tx.read_transactions(table, on_bad_rows="skip")


def test_day_first_dates_need_a_format_and_the_message_says_so():
    table = _log(date=["05/01/2024", "25/01/2024", "20/01/2024", "01/03/2024"])
    with pytest.raises(ValueError, match=r"date_format='%d/%m/%Y'"):
        tx.read_transactions(table)
    log = tx.read_transactions(table, date_format="%d/%m/%Y")
    assert log.transactions["date"].tolist()[1] == pd.Timestamp("2024-01-25")


def test_dates_in_several_iso_forms_and_as_digits_are_read():
    table = _log(date=["2024-01-05", "2024-02-10 13:45", "2024-01-20T08:00:00", "2024-03-01"])
    assert tx.read_transactions(table).transactions["date"].iloc[1] == pd.Timestamp(
        "2024-02-10 13:45"
    )
    digits = _log(date=[20240105, 20240210, 20240120, 20240301])
    assert tx.read_transactions(digits).transactions["date"].iloc[0] == pd.Timestamp("2024-01-05")
    aware = _log(
        date=pd.to_datetime(["2024-01-05", "2024-02-10", "2024-01-20", "2024-03-01"]).tz_localize(
            "UTC"
        )
    )
    assert tx.read_transactions(aware).transactions["date"].dt.tz is None


def test_zero_amounts_are_allowed_and_ids_stay_whole_numbers():
    table = _log(customer_id=[1.0, 1.0, np.nan, 3.0], amount=[0.0, 35.5, 12.0, 8.0])
    log = tx.read_transactions(table, on_bad_rows="skip")
    assert log.transactions["amount"].iloc[0] == 0.0
    assert log.transactions["customer_id"].dtype == np.int64


def test_a_transaction_log_is_returned_as_it_is():
    log = tx.read_transactions(_log())
    assert tx.read_transactions(log) is log


# ---- bad arguments: one test each -------------------------------------------------------------


def test_on_bad_rows_must_be_raise_or_skip():
    with pytest.raises(
        ValueError, match=r"on_bad_rows must be one of 'raise', 'skip'.*you gave 'drop'"
    ):
        tx.read_transactions(_log(), on_bad_rows="drop")


def test_missing_column_is_named_with_a_spelling_hint():
    with pytest.raises(
        ValueError, match=r"missing column 'amount' \(found 'amounts': a misspelling\?\)"
    ):
        tx.read_transactions(_log().rename(columns={"amount": "amounts"}))


def test_column_names_must_be_text():
    with pytest.raises(ValueError, match=r"customer_col must be the name of a column.*you gave 3"):
        tx.read_transactions(_log(), customer_col=3)


def test_column_names_must_differ():
    with pytest.raises(ValueError, match="three different columns"):
        tx.read_transactions(_log(), date_col="amount")


def test_date_format_must_use_strftime_codes():
    with pytest.raises(
        ValueError, match=r"date_format must be a format in strftime codes.*'DD/MM/YYYY'"
    ):
        tx.read_transactions(_log(), date_format="DD/MM/YYYY")


def test_empty_log_is_refused():
    with pytest.raises(ValueError, match="has no purchases"):
        tx.read_transactions(_log().iloc[:0])


def test_source_must_be_a_file_or_a_table():
    with pytest.raises(
        ValueError,
        match=r"source must be a CSV or Excel file name, or a pandas DataFrame; you gave list",
    ):
        tx.read_transactions([1, 2, 3])


def test_other_file_types_are_refused(tmp_path):
    path = tmp_path / "orders.json"
    path.write_text("{}")
    with pytest.raises(ValueError, match=r"orders.json: the worksheets read CSV"):
        tx.read_transactions(path)


def test_freq_must_be_a_known_unit():
    with pytest.raises(ValueError, match=r"freq must be one of 'D', 'W', 'h'.*you gave 'M'"):
        tx.summarize_customers(_log(), freq="M")


@pytest.mark.parametrize("value", [0, -7, "7", float("nan")])
def test_freq_multiplier_must_be_positive(value):
    with pytest.raises(ValueError, match="freq_multiplier must be a"):
        tx.summarize_customers(_log(), freq_multiplier=value)


def test_observation_end_must_be_a_date():
    with pytest.raises(ValueError, match=r"observation_period_end must be a date.*'soon'"):
        tx.summarize_customers(_log(), observation_period_end="soon")


def test_observation_end_before_every_purchase_is_explained():
    with pytest.raises(
        ValueError,
        match=r"no purchase falls on or before observation_period_end \(2023-12-31\).*2024-01-05",
    ):
        tx.summarize_customers(_log(), observation_period_end="2023-12-31")


# ---- holdout, cohorts, RFM ------------------------------------------------------------------


def test_holdout_purchases_equal_lifetimes_on_cdnow(cdnow):
    ours = tx.holdout_purchases(
        cdnow, calibration_period_end="1997-09-30", freq="D", freq_multiplier=7
    )
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        theirs = lifetimes_utils.calibration_and_holdout_data(
            cdnow,
            "customer_id",
            "date",
            calibration_period_end="1997-09-30",
            observation_period_end="1998-06-30",
            freq="D",
            freq_multiplier=7,
        ).sort_index()
    assert ours.index.tolist() == theirs.index.tolist()
    assert ours.tolist() == theirs["frequency_holdout"].astype(int).tolist()
    assert ours.attrs["duration"] == theirs["duration_holdout"].iloc[0] == 39.0


def test_holdout_end_before_calibration_end_is_refused():
    with pytest.raises(ValueError, match="must not be before calibration_period_end"):
        tx.holdout_purchases(
            _log(), calibration_period_end="2024-02-01", observation_period_end="2024-01-15"
        )


def test_cohort_table_by_hand():
    log = pd.DataFrame(
        {
            "customer_id": [1, 1, 2, 3, 3, 3],
            "date": [
                "2024-01-03",
                "2024-02-07",
                "2024-01-15",
                "2024-02-02",
                "2024-02-20",
                "2024-03-09",
            ],
            "amount": 10.0,
        }
    )
    table = tx.cohort_retention(log)
    assert table.index.astype(str).tolist() == ["2024-01", "2024-02"]
    assert list(table.columns) == ["customers", 0, 1, 2]
    assert table["customers"].tolist() == [2, 1]
    assert table.loc["2024-01", [0, 1, 2]].tolist() == [1.0, 0.5, 0.0]
    assert table.loc["2024-02", [0, 1]].tolist() == [1.0, 1.0]
    assert np.isnan(table.loc["2024-02", 2])  # March + 1 month not observed yet
    curve = tx.retention_curve(table)
    assert curve["share_buying"].tolist() == pytest.approx([1.0, 2 / 3, 0.0])
    assert curve["customers_observed"].tolist() == [3, 3, 2]
    assert curve["cohorts"].tolist() == [2, 2, 1]


def test_cdnow_cohorts(cdnow):
    table = tx.cohort_retention(cdnow)
    assert table["customers"].tolist() == [781, 857, 719]
    assert table[0].tolist() == [1.0, 1.0, 1.0]
    shares = table.drop(columns="customers").to_numpy()
    assert np.nanmin(shares) >= 0 and np.nanmax(shares) <= 1
    assert list(table.columns)[-1] == 17
    quarterly = tx.cohort_retention(cdnow, freq="Q")
    assert quarterly["customers"].tolist() == [2357]


def test_cohort_freq_must_be_a_calendar_period():
    with pytest.raises(ValueError, match=r"freq must be one of 'W', 'M', 'Q', 'Y'"):
        tx.cohort_retention(_log(), freq="D")


def test_retention_curve_needs_a_cohort_table():
    with pytest.raises(ValueError, match="needs the table made by cohort_retention"):
        tx.retention_curve(pd.DataFrame({"a": [1]}))


@pytest.mark.parametrize(
    ("values", "higher", "expected"),
    [
        ([10, 20, 30, 40, 50], True, [1, 2, 3, 4, 5]),
        ([50, 40, 30, 20, 10], False, [1, 2, 3, 4, 5]),
        (list(range(10)), True, [1, 1, 2, 2, 3, 3, 4, 4, 5, 5]),
        ([7], True, [3]),
        ([4, 4, 4], True, [3, 3, 3]),
        ([1, 1, 1, 1, 9], True, [3, 3, 3, 3, 5]),
        ([1, 2], True, [2, 4]),
    ],
)
def test_quintile_scores_handle_ties_and_tiny_data(values, higher, expected):
    assert tx.quintile_scores(values, higher_is_better=higher).tolist() == expected


@settings(max_examples=80, deadline=None)
@given(st.lists(st.integers(min_value=0, max_value=20), min_size=1, max_size=60))
def test_quintile_scores_are_monotone_and_ties_share_a_score(values):
    scores = tx.quintile_scores(values)
    assert scores.min() >= 1 and scores.max() <= 5
    order = np.argsort(values, kind="stable")
    assert np.all(np.diff(scores[order]) >= 0)
    for value in set(values):
        assert len(set(scores[np.asarray(values) == value])) == 1


@pytest.mark.parametrize(
    ("values", "bins", "message"),
    [
        ([], 5, "needs at least one value"),
        ([1.0, float("nan")], 5, "needs finite numbers"),
        ([1, 2], 1, "bins must be a whole number of at least 2"),
    ],
)
def test_quintile_scores_bad_input(values, bins, message):
    with pytest.raises(ValueError, match=message):
        tx.quintile_scores(values, bins=bins)


def test_rfm_segments_by_hand():
    log = pd.DataFrame(
        {
            "customer_id": [1, 1, 1, 2, 3, 3, 4, 5],
            "date": [
                "2024-01-02",
                "2024-02-01",
                "2024-03-01",
                "2024-01-10",
                "2024-02-20",
                "2024-03-02",
                "2024-03-03",
                "2024-01-05",
            ],
            "amount": [50, 60, 70, 20, 30, 30, 90, 10],
        }
    )
    rfm = tx.rfm_segments(log)
    assert list(rfm.columns) == list(tx.RFM_COLUMNS)
    assert rfm["recency"].tolist() == [2.0, 53.0, 1.0, 0.0, 58.0]
    assert rfm["frequency"].tolist() == [3, 1, 2, 1, 1]
    assert rfm["monetary"].tolist() == [60.0, 20.0, 30.0, 90.0, 10.0]
    assert rfm["rfm"].tolist() == ["354", "222", "443", "525", "121"]
    assert rfm["segment"].tolist() == ["Loyal", "Lapsed", "Champions", "Promising", "Lapsed"]
    summary = tx.segment_summary(rfm)
    assert summary.index.tolist() == ["Champions", "Loyal", "Promising", "Lapsed"]
    assert summary["customers"].sum() == 5
    assert summary.loc["Lapsed", "share"] == pytest.approx(0.4)
    assert len(tx.segment_summary(rfm, include_empty=True)) == len(tx.SEGMENTS)


@pytest.mark.parametrize("r", [1, 2, 3, 4, 5])
@pytest.mark.parametrize("f", [1, 2, 3, 4, 5])
def test_every_score_pair_gets_the_documented_segment(r, f):
    expected = (
        "Champions"
        if r >= 4 and f >= 4
        else "Loyal"
        if r >= 3 and f >= 3
        else "Promising"
        if r >= 4
        else "Needs attention"
        if r == 3
        else "At risk"
        if f >= 3
        else "Lapsed"
    )
    assert tx.segment_names([r], [f]).tolist() == [expected]


def test_segment_names_need_scores_from_1_to_5():
    with pytest.raises(ValueError, match="R and F scores from 1 to 5"):
        tx.segment_names([6], [1])


def test_cdnow_rfm_covers_every_customer(cdnow):
    rfm = tx.rfm_segments(cdnow, observation_period_end="1997-09-30")
    assert len(rfm) == 2357
    assert set(rfm[["R", "F", "M"]].to_numpy().ravel()) <= {1, 2, 3, 4, 5}
    assert tx.segment_summary(rfm)["customers"].sum() == 2357


def test_segment_summary_refuses_other_tables():
    with pytest.raises(ValueError, match="missing column"):
        tx.segment_summary(pd.DataFrame({"recency": [1]}))
