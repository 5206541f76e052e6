"""Checks for the exercise "Lifetime value from transaction records"
(``exercises/lifetime-value-from-transactions.ipynb``).

In the notebook::

    from customer_focus.tools.lab import bgnbd, datasets, exercise, transactions
    exercise.bind(globals())
    exercise.q1.check()    # or .hint(), .solution()

The questions use the CDNOW sample (Fader & Hardie), read with
:func:`~customer_focus.tools.lab.datasets.cdnow_sample`, and the calibration period of
Fader, Hardie & Lee (2005): 39 weeks ending 30 September 1997, in weeks of
seven days. The questions' words are in ``exercise.yml``; the expected answers,
and the likely wrong ones, are computed by the package when a check first
needs them (not when this module is imported), so the exercise and the lab can
never disagree.
"""

from __future__ import annotations

from functools import lru_cache

import pandas as pd

from ..questions import Number, file_exercise
from . import bgnbd, datasets
from . import transactions as tx

__all__ = [
    "exercise",
    "bind",
    "q1",
    "q2",
    "q3",
    "q4",
    "CALIBRATION_END",
    "MARGIN",
    "DISCOUNT_RATE",
    "YEARS",
]

#: End of the calibration period of Fader, Hardie & Lee (2005).
CALIBRATION_END = "1997-09-30"
#: Illustrative margin on sales and discount rate used in question 4 (the course's assumptions).
MARGIN = 0.30
DISCOUNT_RATE = 0.10
YEARS = 3


@lru_cache(maxsize=1)
def _log() -> pd.DataFrame:
    return datasets.cdnow_sample()


@lru_cache(maxsize=4)
def _summary(freq: str = "D", multiplier: float = 7, end: str = CALIBRATION_END) -> pd.DataFrame:
    return tx.summarize_customers(
        _log(), freq=freq, freq_multiplier=multiplier, observation_period_end=end
    )


@lru_cache(maxsize=4)
def _models(
    freq: str = "D", multiplier: float = 7
) -> tuple[bgnbd.BetaGeoModel, bgnbd.GammaGammaModel]:
    summary = _summary(freq, multiplier)
    return bgnbd.fit_bgnbd(summary), bgnbd.fit_gamma_gamma(summary)


def _repeat_buyers(freq: str = "D", multiplier: float = 7, end: str = CALIBRATION_END) -> int:
    return int((_summary(freq, multiplier, end)["frequency"] > 0).sum())


def _rows_repeaters() -> int:
    """Customers with two or more rows in the calibration period (same-day rows not merged)."""
    log = _log()
    calibration = log[log["date"] <= CALIBRATION_END]
    return int((calibration.groupby("customer_id").size() > 1).sum())


def _cohort_share(age: int) -> float:
    return float(tx.cohort_retention(_log()).iloc[0][age])


def _purchases(t: float, freq: str = "D", multiplier: float = 7) -> float:
    return float(
        bgnbd.expected_purchases(_models(freq, multiplier)[0], t, _summary(freq, multiplier)).sum()
    )


def _value(
    margin: float = MARGIN, discount_rate: float = DISCOUNT_RATE, years: int = YEARS
) -> float:
    model, spend = _models()
    values = bgnbd.predicted_lifetime_value(
        model, spend, _summary(), margin=margin, discount_rate=discount_rate, years=years
    )
    return float(values["lifetime_value"].mean())


exercise = file_exercise(
    "lab",
    "exercise.yml",
    q1=Number(
        _repeat_buyers,
        lambda: _repeat_buyers(end="1998-06-30"),
        lambda: _repeat_buyers(freq="W", multiplier=1),
        _rows_repeaters,
        lambda: 2357 - _repeat_buyers(),
    ),
    q2=Number(
        lambda: _cohort_share(1), 1.0, lambda: _cohort_share(2), lambda: _cohort_share(1) * 100
    ),
    q3=Number(
        lambda: _purchases(52),
        lambda: _purchases(12),
        lambda: _purchases(365),
        lambda: _purchases(39),
        lambda: _purchases(52, freq="W", multiplier=1),
    ),
    q4=Number(
        _value,
        lambda: _value(margin=1.0),
        lambda: _value(discount_rate=0.0),
        lambda: _value(years=10),
    ),
)
q1, q2, q3, q4 = exercise.questions.values()

#: Connect the checks to the notebook: call ``bind(globals())`` once.
bind = exercise.bind
