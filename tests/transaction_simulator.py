"""A synthetic purchase log drawn from the BG/NBD and Gamma-Gamma models: a test fixture.

The lab's tests use it to check that the models recover the parameters that
generated a log, and that the per-customer summary equals ``lifetimes``' on
logs of any shape; ``benchmarks/transactions_vs_lifetimes.py`` uses it to
make its million-purchase log. The course itself never simulates: learners
bring their own log or use the CDNOW sample.

Import it from a test as ``from transaction_simulator import simulate_transactions``
(``tests/`` is on the path of every test).
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

import numpy as np
import pandas as pd

from customer_focus.core.tables import write_table
from customer_focus.core.validation import as_number, as_whole_number
from customer_focus.tools.lab.bgnbd import (
    CDNOW_BGNBD,
    CDNOW_GAMMA_GAMMA,
    BetaGeoModel,
    GammaGammaModel,
)

__all__ = ["simulate_transactions", "write_synthetic_log"]


def _positive(value: object, name: str, meaning: str) -> float:
    number = as_number(value, name, meaning=meaning)
    if number <= 0:
        raise ValueError(f"{name} must be a positive number ({meaning}); you gave {value!r}.")
    return number


def _model(value: object, default: BetaGeoModel | GammaGammaModel, name: str) -> Any:
    """``value`` as a model of ``default``'s kind: a model, or a mapping of its parameters."""
    kind, names = type(default), list(default.params)
    if isinstance(value, kind):
        return value
    if not isinstance(value, Mapping):
        raise ValueError(
            f"{name} must be a {kind.__name__} or a mapping of its parameters "
            f"({', '.join(names)}); you gave {type(value).__name__}."
        )
    missing = [key for key in names if key not in value]
    if missing:
        raise ValueError(
            f"{name} needs the parameters {', '.join(names)}; {missing[0]!r} is missing."
        )
    return kind(**{key: value[key] for key in names})


def simulate_transactions(
    n_customers: int,
    *,
    bgnbd: BetaGeoModel | Mapping[str, float] = CDNOW_BGNBD,
    gamma_gamma: GammaGammaModel | Mapping[str, float] = CDNOW_GAMMA_GAMMA,
    start: object = "2024-01-01",
    acquisition_days: int = 84,
    observation_days: int = 546,
    period_days: float = 7.0,
    seed: int = 0,
    time_of_day: bool = False,
) -> pd.DataFrame:
    """A synthetic purchase log drawn from the BG/NBD and Gamma-Gamma models.

    Each customer makes a first purchase on a day drawn at random from the
    first ``acquisition_days``; then, while active, buys at a rate λ drawn
    from gamma(r, alpha), and after each repeat purchase drops out with a
    probability p drawn from beta(a, b). Each purchase's value is drawn from
    gamma(p, ν), with the customer's ν from gamma(q, gamma). Model time is
    counted in units of ``period_days`` days (7: the parameters are per
    week). Purchase times are continuous; by default they are written as
    dates (rounded to the nearest day), so two purchases on the same day
    appear as two rows and count as one in
    :func:`customer_focus.tools.lab.transactions.summarize_customers`. Because of those
    merges, parameters fitted on a daily summary come out close to, but not
    exactly at, the generating ones (with CDNOW-like parameters, alpha a few
    percent high). With ``time_of_day=True`` the exact times are kept.

    Everything is drawn at once with NumPy (no loop per customer): a million
    purchases take about a second.

    Parameters
    ----------
    n_customers : int
        Number of customers (1 to 10 million).
    bgnbd : BetaGeoModel or mapping
        Purchase parameters ``r``, ``alpha``, ``a``, ``b`` (default: the
        published CDNOW estimates).
    gamma_gamma : GammaGammaModel or mapping
        Spend parameters ``p``, ``q``, ``gamma`` (default: CDNOW).
    start : date-like
        First day of the log.
    acquisition_days : int
        First purchases fall in the first this-many days.
    observation_days : int
        Length of the log in days; the observation period ends
        ``observation_days`` after ``start`` (in ``attrs``).
    period_days : float
        Length of the model's time unit in days.
    seed : int
        Seed of the random generator: the same seed gives the same log.
    time_of_day : bool
        Keep each purchase's exact time (a timestamp) instead of its date.

    Returns
    -------
    pandas.DataFrame
        Columns ``customer_id`` (1, 2, ...), ``date`` and ``amount`` (dollars
        and cents, at least 0.01), sorted by customer and date; ``attrs``
        hold ``observation_period_end`` and the parameters.

    Examples
    --------
    >>> log = simulate_transactions(100, seed=1)
    >>> log["customer_id"].nunique()
    100
    """
    n = as_whole_number(
        n_customers, "n_customers", meaning="the number of customers", maximum=10_000_000
    )
    purchase = _model(bgnbd, CDNOW_BGNBD, "bgnbd")
    spending = _model(gamma_gamma, CDNOW_GAMMA_GAMMA, "gamma_gamma")
    observed = as_whole_number(
        observation_days,
        "observation_days",
        meaning="the length of the log in days",
        maximum=36_500,
    )
    acquisition = as_whole_number(
        acquisition_days,
        "acquisition_days",
        meaning="the days over which first purchases fall",
        maximum=observed,
    )
    unit = _positive(period_days, "period_days", "the length of the model's time unit, in days")
    if isinstance(seed, bool) or not isinstance(seed, (int, np.integer)) or seed < 0:
        raise ValueError(
            f"seed must be a whole number of 0 or more, such as 0 or 42; you gave {seed!r}."
        )
    if not isinstance(time_of_day, (bool, np.bool_)):
        raise ValueError(f"time_of_day must be True or False; you gave {time_of_day!r}.")
    first_day = _start_date(start)
    rng = np.random.default_rng(int(seed))

    birth = rng.integers(0, acquisition, n)  # day of the first purchase
    age_days = (observed - birth).astype(float)
    age = age_days / unit  # T in model units
    rate = rng.gamma(purchase.r, 1 / purchase.alpha, n)
    dropout = rng.beta(purchase.a, purchase.b, n)
    events = rng.poisson(rate * age)  # purchases in (0, T] if the customer never dropped out
    lifetime = rng.geometric(np.clip(dropout, 1e-300, 1.0))  # repeat purchases until dropping out
    repeats = np.minimum(events, lifetime)
    # the first `repeats` of `events` uniform times, by exponential spacings: U(k) = S(k) / S(N+1)
    owner = np.repeat(np.arange(n), repeats)
    spacing = rng.exponential(1.0, owner.size)
    total = np.cumsum(spacing)
    offsets = np.concatenate([[0], np.cumsum(repeats)[:-1]])
    before = np.concatenate([[0.0], total])[offsets]
    partial = total - np.repeat(before, repeats)
    with_repeats = repeats > 0
    last_sum = np.zeros(n)
    last_sum[with_repeats] = partial[np.cumsum(repeats)[with_repeats] - 1]
    rest = np.zeros(n)
    rest[with_repeats] = rng.gamma(events[with_repeats] - repeats[with_repeats] + 1.0)
    denominator = last_sum + rest
    fraction = partial / denominator[owner]
    repeat_day = birth[owner] + fraction * age_days[owner]
    if not time_of_day:
        repeat_day = np.rint(repeat_day)

    customer = np.concatenate([np.arange(n), owner])
    day = np.concatenate([birth.astype(float), repeat_day])
    order = np.lexsort((day, customer))
    customer, day = customer[order], day[order]
    scale = rng.gamma(spending.q, 1 / spending.gamma, n)  # each customer's spend rate ν
    amount = rng.gamma(spending.p, 1.0, customer.size) / scale[customer]
    amount = np.maximum(np.round(amount, 2), 0.01)
    log = pd.DataFrame(
        {
            "customer_id": customer + 1,
            "date": first_day
            + pd.to_timedelta(
                np.round(day * 86_400_000_000) if time_of_day else day,
                unit="us" if time_of_day else "D",
            ),
            "amount": amount,
        }
    )
    log.attrs.update(
        observation_period_end=str((first_day + pd.Timedelta(days=observed)).date()),
        period_days=unit,
        bgnbd=purchase.params,
        gamma_gamma=spending.params,
        seed=int(seed),
    )
    return log


def _start_date(value: object) -> pd.Timestamp:
    try:
        stamp = pd.Timestamp(value)
    except (ValueError, TypeError):
        stamp = pd.NaT
    if isinstance(value, bool) or pd.isna(stamp):
        raise ValueError(f"start must be a date, such as '2024-01-01'; you gave {value!r}.")
    return stamp.normalize().tz_localize(None) if stamp.tzinfo else stamp.normalize()


def write_synthetic_log(path: object, n_customers: int, **options: Any):
    """Write a synthetic purchase log to a CSV or Excel file.

    Parameters
    ----------
    path : str or path-like
        ``.csv`` or ``.xlsx`` (Excel holds at most 1,048,575 purchases).
    n_customers : int
        Number of customers.
    **options
        Passed to :func:`simulate_transactions` (``seed``, ``bgnbd``...).

    Returns
    -------
    pathlib.Path
        The file written.

    Examples
    --------
    >>> write_synthetic_log("output/synthetic-log.csv", 1000, seed=7)  # doctest: +SKIP
    PosixPath('output/synthetic-log.csv')
    """
    log = simulate_transactions(n_customers, **options)
    if str(path).lower().endswith(".xlsx") and len(log) > 1_048_575:
        raise ValueError(
            f"{len(log):,} purchases do not fit in an Excel sheet (1,048,575 rows at most); write "
            "a .csv file instead."
        )
    frame = log.assign(date=log["date"].dt.strftime("%Y-%m-%d"))
    return write_table(frame, path)
