"""The test fixture that simulates purchase logs (``transaction_simulator.py``): seeded, shaped
as a purchase log, and refusing bad arguments with a clear message."""

from __future__ import annotations

import pandas as pd
import pytest

from customer_focus.tools.lab import transactions as tx
from transaction_simulator import simulate_transactions, write_synthetic_log


def test_simulation_is_seeded_and_shaped():
    first = simulate_transactions(500, seed=9)
    again = simulate_transactions(500, seed=9)
    other = simulate_transactions(500, seed=10)
    pd.testing.assert_frame_equal(first, again)
    assert not first.equals(other)
    assert list(first.columns) == ["customer_id", "date", "amount"]
    assert first["customer_id"].nunique() == 500
    assert first["amount"].min() >= 0.01
    end = pd.Timestamp(first.attrs["observation_period_end"])
    assert first["date"].min() >= pd.Timestamp("2024-01-01") and first["date"].max() <= end
    assert first.groupby("customer_id")["date"].is_monotonic_increasing.all()
    starts = first.groupby("customer_id")["date"].min()
    assert starts.max() < pd.Timestamp("2024-01-01") + pd.Timedelta(days=84)
    custom = simulate_transactions(50, bgnbd={"r": 2, "alpha": 10, "a": 1, "b": 10}, seed=1)
    assert custom.attrs["bgnbd"] == {"r": 2.0, "alpha": 10.0, "a": 1.0, "b": 10.0}


def test_write_synthetic_log(tmp_path):
    path = write_synthetic_log(tmp_path / "log.csv", 200, seed=2)
    back = tx.read_transactions(path)
    assert back.n_customers == 200
    assert len(back) == len(simulate_transactions(200, seed=2))


@pytest.mark.parametrize(
    ("options", "message"),
    [
        ({"n_customers": 0}, r"n_customers must be a whole number from 1 to 10000000"),
        ({"n_customers": 10, "seed": -1}, r"seed must be a whole number of 0 or more"),
        (
            {"n_customers": 10, "acquisition_days": 600},
            r"acquisition_days must be a whole number from 1 to 546",
        ),
        ({"n_customers": 10, "start": "someday"}, r"start must be a date"),
        (
            {"n_customers": 10, "bgnbd": {"r": 1}},
            r"bgnbd needs the parameters r, alpha, a, b; 'alpha' is missing",
        ),
        ({"n_customers": 10, "period_days": 0}, r"period_days must be a positive number"),
        ({"n_customers": 10, "time_of_day": "yes"}, r"time_of_day must be True or False"),
    ],
)
def test_simulation_bad_arguments(options, message):
    with pytest.raises(ValueError, match=message):
        simulate_transactions(**options)
