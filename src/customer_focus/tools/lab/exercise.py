"""Checks for the exercise "Lifetime value from transaction records"
(``exercises/lifetime-value-from-transactions.ipynb``).

In the notebook::

    from customer_focus.tools.lab import bgnbd, datasets, exercise, transactions
    exercise.bind(globals())
    exercise.q1.check()    # or .hint(), .solution()

The questions use the CDNOW sample (Fader & Hardie), read with
:func:`~customer_focus.tools.lab.datasets.cdnow_sample`, and the calibration period of
Fader, Hardie & Lee (2005): 39 weeks ending 30 September 1997, in weeks of
seven days. Expected answers, and the likely wrong ones, are computed by the
package when a check first needs them (not when this module is imported), so
the exercise and the lab can never disagree.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import lru_cache

import pandas as pd

from ...core.checking import Exercise, Mistake, NumberQuestion
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


class _Lazy:
    """A number computed the first time it is needed (``float(value)``)."""

    def __init__(self, compute: Callable[[], float]) -> None:
        self._compute = compute

    def __float__(self) -> float:
        return float(self._compute())


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


q1 = NumberQuestion(
    variable="repeat_buyers_q1",
    prompt="Set `repeat_buyers_q1` to the number of customers in the CDNOW sample who made at "
    "least one repeat purchase in the calibration period (up to 30 September 1997).",
    hint_text="Summarize the log with `transactions.summarize_customers(log, freq='D', "
    "freq_multiplier=7, observation_period_end='1997-09-30')`, then count the customers whose "
    "`frequency` is above 0.",
    solution_text="`summary = transactions.summarize_customers(log, freq='D', freq_multiplier=7, "
    "observation_period_end='1997-09-30')` then `repeat_buyers_q1 = int((summary['frequency'] > "
    "0).sum())` gives 946 of the 2,357 customers: three in five never came back in those 39 weeks.",
    takeaway="Only these customers tell the models how often people buy again.",
    expected=lambda: _repeat_buyers(),
    tolerance=0.5,
    mistakes=(
        Mistake(
            _Lazy(lambda: _repeat_buyers(end="1998-06-30")),
            "You used the whole log, to June 1998. Stop at the end of the calibration period: "
            "observation_period_end='1997-09-30'.",
            tolerance=0.5,
        ),
        Mistake(
            _Lazy(lambda: _repeat_buyers(freq="W", multiplier=1)),
            "With freq='W' purchases in the same calendar week count as one, so some repeat "
            "buyers disappear. Count by day (freq='D') and turn days into weeks with "
            "freq_multiplier=7.",
            tolerance=0.5,
        ),
        Mistake(
            _Lazy(_rows_repeaters),
            "You counted customers with two or more rows. Rows on the same day are one purchase: "
            "use the summary's `frequency`, which merges them.",
            tolerance=0.5,
        ),
        Mistake(
            _Lazy(lambda: 2357 - _repeat_buyers()),
            "That is the number of customers who did NOT buy again (frequency 0).",
            tolerance=0.5,
        ),
    ),
)

q2 = NumberQuestion(
    variable="share_q2",
    prompt="Set `share_q2` to the share (a decimal) of the January 1997 cohort who bought in the "
    "month after the month of their first purchase (February 1997).",
    hint_text="`transactions.cohort_retention(log)` has one row per monthly cohort and one column "
    "per month since the first purchase: column 0 is the first month itself (always 1).",
    solution_text="`share_q2 = transactions.cohort_retention(log).loc['1997-01', 1]` gives 0.159: "
    "about one customer in six came back the next month.",
    takeaway="Most of a cohort does not come back soon; the curve then flattens.",
    expected=lambda: _cohort_share(1),
    tolerance=0.0005,
    mistakes=(
        Mistake(
            1.0,
            "Column 0 is the month of the first purchase, where everyone bought. Take column 1.",
        ),
        Mistake(
            _Lazy(lambda: _cohort_share(2)),
            "That is two months after the first purchase; take column 1.",
        ),
        Mistake(
            _Lazy(lambda: _cohort_share(1) * 100),
            "Give the share as a decimal (0.16), not in percent.",
            tolerance=0.05,
        ),
    ),
)

q3 = NumberQuestion(
    variable="purchases_q3",
    prompt="Set `purchases_q3` to the total number of purchases the BG/NBD model expects from all "
    "2,357 customers in the 52 weeks after the calibration period.",
    hint_text="`bgnbd.expected_purchases(model, t, summary)` gives one number per customer; `t` "
    "is in the model's time unit, which is weeks here. Add them up.",
    solution_text="`purchases_q3 = bgnbd.expected_purchases(model, 52, summary).sum()` gives "
    "about 2,089 purchases, fewer than one per customer.",
    takeaway="Most of it comes from the few customers who already buy often.",
    expected=lambda: _purchases(52),
    tolerance=1.0,
    mistakes=(
        Mistake(
            _Lazy(lambda: _purchases(12)),
            "t is in weeks, the model's time unit, not months: use 52.",
        ),
        Mistake(
            _Lazy(lambda: _purchases(365)),
            "t is in weeks, the model's time unit, not days: use 52.",
        ),
        Mistake(
            _Lazy(lambda: _purchases(39)),
            "That is 39 weeks (the length of the holdout). The question asks for 52.",
        ),
        Mistake(
            _Lazy(lambda: _purchases(52, freq="W", multiplier=1)),
            "You fitted the model on a summary by calendar week (freq='W'). Use the summary in "
            "days divided by 7 (freq='D', freq_multiplier=7), as in the set-up.",
        ),
    ),
)

q4 = NumberQuestion(
    variable="value_q4",
    prompt="Set `value_q4` to the average predicted lifetime value per customer over the next 3 "
    "years, with a 30% margin on sales and a 10% yearly discount rate.",
    hint_text="`bgnbd.predicted_lifetime_value(model, spend_model, summary, margin=..., "
    "discount_rate=..., years=...)` returns a table; average its `lifetime_value` column. Rates "
    "are decimals.",
    solution_text="`value_q4 = bgnbd.predicted_lifetime_value(model, spend_model, summary, "
    "margin=0.30, discount_rate=0.10, years=3)['lifetime_value'].mean()` gives about $19.04 per "
    "customer: expected purchases × expected spend × 30%, month by month, discounted.",
    takeaway="Multiply by the number of customers to value the whole base.",
    expected=lambda: _value(),
    tolerance=0.01,
    unit="$",
    mistakes=(
        Mistake(
            _Lazy(lambda: _value(margin=1.0)),
            "That is the value of the sales, not of the margin: pass margin=0.30.",
        ),
        Mistake(
            _Lazy(lambda: _value(discount_rate=0.0)),
            "You left out discounting: money in later years is worth less today. Use "
            "discount_rate=0.10.",
        ),
        Mistake(
            _Lazy(lambda: _value(years=10)),
            "That is over 10 years; the question asks for 3 (years=3).",
        ),
    ),
)

exercise = Exercise(q1=q1, q2=q2, q3=q3, q4=q4)

#: Connect the checks to the notebook: call ``bind(globals())`` once.
bind = exercise.bind
