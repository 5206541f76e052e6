"""Setting customer satisfaction targets for profitable customers.

The worksheet's reasoning, and where it comes from:

* **Count the totally satisfied, not the satisfied.** At Xerox, "merely
  satisfied customers were six times less likely to buy again from Xerox than
  its totally satisfied customers" (Jones & Sasser 1995; the 1994 HBR article
  compares customers giving 5s and 4s on a five-point scale). That is one
  firm's correlation from a 1991 analysis: not a law, and not proof that
  raising a score causes customers to buy again. What it illustrates is the
  pattern Jones & Sasser argue for: where customers can switch easily, only
  very high satisfaction reliably produces loyalty. So the worksheet tracks the
  **top-box share**, the share of a segment's customers who are totally
  satisfied (e.g. who answer 5 on a 5-point scale).
* **Aim high only where it pays.** Not every loyal customer is profitable,
  nor every profitable one loyal (Reinartz & Kumar 2002). The worksheet values
  each segment with the course's lifetime value formula
  (:func:`customer_focus.tools.lifetime_value.calc.lifetime_value`, Gupta & Lehmann's
  m·r/(1+i−r)), ranks the segments by how much lifetime value sits with
  customers who are not yet totally satisfied, and flags segments whose
  lifetime value is negative or tiny: do not spend to satisfy them more.

What a higher satisfaction would be worth is *not* known from research: the
six-times figure does not say how much retention would rise in your business.
:func:`what_if_retention` therefore takes a retention gain that **you** type
in, as an explicit assumption, and shows what it would be worth.

The "tiny" threshold, unless you give your own, is a tenth of the average
lifetime value of all your customers (weighted by the number of customers in
each segment). That is the course's own rule of thumb, not a published
figure: a customer worth less than a tenth of your average customer rarely
repays a satisfaction program.
"""

from __future__ import annotations

import math
import numbers
from collections.abc import Iterable

import numpy as np
import pandas as pd

from .tools.lifetime_value import calc as clv
from .tools.spec import Blank as Field, FormSpec, Section
from .core.tables import numeric_column, require_columns, where
from .core.formats import dollars
from .core.validation import as_number, as_rate, as_whole_number
from .work_process import yes_no_column

__all__ = [
    "SEGMENT_COLUMNS",
    "TINY_SHARE",
    "top_box_share",
    "plan_targets",
    "retention_gain_value",
    "customers_to_reach",
    "what_if_retention",
    "PRINTABLE_FORM",
]

#: Columns of the table :func:`plan_targets` reads.
SEGMENT_COLUMNS = {
    "segment": "a name for the customer segment",
    "customers": "number of customers in the segment (a whole number, at least 1)",
    "annual_margin": "yearly margin per customer, in money (negative if they cost more than they bring)",
    "retention_rate": "share of customers who stay each year, as a decimal (0.8 for 80%)",
    "top_box_share": (
        "share of the segment's customers who are totally satisfied today (the top box, e.g. 5 on a "
        "5-point scale), as a decimal (0.25 for 25%)"
    ),
    "target_top_box_share": "the share totally satisfied you aim for, as a decimal",
    "easy_to_switch": "optional: yes if these customers can easily switch to a rival, no if not",
}
_REQUIRED = [column for column in SEGMENT_COLUMNS if column != "easy_to_switch"]

#: The course's rule of thumb: a segment is "tiny" when its lifetime value per
#: customer is below this share of the average customer's (not a published figure).
TINY_SHARE = 0.1

_SHARE_WHY = "A share cannot be more than 1 (100% of the segment)."


def top_box_share(scores: Iterable[object], *, top: int = 5) -> float:
    """The share of survey answers in the top box (e.g. the 5s on a 5-point scale).

    This is the share of "totally satisfied" customers that the worksheet
    tracks, rather than "4 or 5" or an average score.

    Parameters
    ----------
    scores : iterable of int
        One answer per respondent, whole numbers from 1 to ``top``.
    top : int
        The top of the scale (5 by default).

    Returns
    -------
    float
        A decimal: 0.18 means 18%.

    Raises
    ------
    ValueError
        When there are no answers, or an answer is not a whole number from 1
        to ``top``.

    Examples
    --------
    >>> top_box_share([5] * 90 + [4] * 260 + [3] * 100 + [2] * 35 + [1] * 15)
    0.18
    """
    highest = as_whole_number(top, "top", meaning="the top of the rating scale, e.g. 5", minimum=2, maximum=100)
    answers = list(scores) if not isinstance(scores, (str, bytes)) else [scores]
    if not answers:
        raise ValueError("scores is empty: give one answer per respondent, e.g. [5, 4, 5, 3].")
    for position, answer in enumerate(answers, start=1):
        ok = isinstance(answer, numbers.Real) and not isinstance(answer, bool) and float(answer).is_integer()
        if not ok or not 1 <= float(answer) <= highest:  # type: ignore[arg-type]
            raise ValueError(
                f"scores must be whole numbers from 1 to {highest}; answer {position} is {answer!r}. "
                f"Remove blank or invalid answers before counting."
            )
    return sum(1 for answer in answers if float(answer) == highest) / len(answers)  # type: ignore[arg-type]


def _discount(discount_rate: object) -> float:
    return as_rate(
        discount_rate, "discount_rate",
        meaning="the yearly rate used to turn future money into today's money, e.g. 0.1 for 10%",
    )


def _check_shares(table: pd.DataFrame, column: str) -> pd.Series:
    return numeric_column(table, column, meaning=SEGMENT_COLUMNS[column], low=0, high=1)


def _segments(segments: pd.DataFrame) -> tuple[pd.DataFrame, dict[str, pd.Series]]:
    """Check the segment table and return it with its columns as numbers."""
    require_columns(segments, _REQUIRED, optional=["easy_to_switch"])
    source = segments.attrs.get("source", "the table")
    if segments.empty:
        raise ValueError(f"{source}: has no segments; add one row per customer segment.")
    names = segments["segment"]
    blank = names.isna() | (names.astype(str).str.strip() == "")
    if blank.any():
        first = int(blank.to_numpy().nonzero()[0][0])
        raise ValueError(f"column 'segment' must name every segment; {where(segments, first)} is empty.")
    customers = numeric_column(segments, "customers", meaning=SEGMENT_COLUMNS["customers"], low=1)
    fractional = customers % 1 != 0
    if fractional.any():
        first = int(fractional.to_numpy().nonzero()[0][0])
        raise ValueError(
            f"column 'customers' ({SEGMENT_COLUMNS['customers']}) must hold whole numbers; "
            f"{where(segments, first)} holds {customers.iloc[first]:g}."
        )
    columns = {
        "segment": names.astype(str).str.strip(),
        "customers": customers,
        "annual_margin": numeric_column(segments, "annual_margin", meaning=SEGMENT_COLUMNS["annual_margin"]),
        "retention_rate": numeric_column(
            segments, "retention_rate", meaning=SEGMENT_COLUMNS["retention_rate"], low=0, high=1,
            high_inclusive=False,
        ),
        "top_box_share": _check_shares(segments, "top_box_share"),
        "target_top_box_share": _check_shares(segments, "target_top_box_share"),
    }
    if "easy_to_switch" in segments.columns:
        columns["easy_to_switch"] = yes_no_column(
            segments, "easy_to_switch", meaning="can these customers easily switch to a rival?"
        )
    return segments, columns


def plan_targets(
    segments: pd.DataFrame,
    *,
    discount_rate: float = 0.1,
    min_value: float | None = None,
) -> pd.DataFrame:
    """Value each segment, rank where raising top-box satisfaction matters most, flag where it does not pay.

    For each segment: the lifetime value per customer (the course's
    convention, :func:`customer_focus.tools.lifetime_value.calc.lifetime_value`), the value at
    stake (customers × lifetime value), how much of it sits with customers
    who are totally satisfied today and how much with those who are not yet,
    and how many customers the manager's target would move into the top box.
    Segments are ranked by the value held by customers not yet totally
    satisfied. Segments whose lifetime value per customer is negative, zero
    or below ``min_value`` are flagged, "do not spend to satisfy them more",
    and ranked last: not every loyal customer is profitable (Reinartz &
    Kumar 2002).

    Parameters
    ----------
    segments : pandas.DataFrame
        One row per segment with the columns ``segment``, ``customers``,
        ``annual_margin``, ``retention_rate``, ``top_box_share`` and
        ``target_top_box_share``, and optionally ``easy_to_switch`` (see
        :data:`SEGMENT_COLUMNS`). Other columns are kept.
    discount_rate : float
        Yearly discount rate, in [0, 1); 0.1 by default.
    min_value : float, optional
        The smallest lifetime value per customer worth spending on to raise
        satisfaction, in money. By default :data:`TINY_SHARE` (a tenth) of
        the average lifetime value of all the customers in the table
        (weighted by segment size), the course's rule of thumb.

    Returns
    -------
    pandas.DataFrame
        The input columns (``easy_to_switch`` as True/False) plus
        ``lifetime_value`` (per customer), ``value_at_stake``,
        ``value_totally_satisfied``, ``value_not_totally_satisfied``,
        ``target_change`` (target minus today's share, as a decimal),
        ``customers_to_move`` (a whole number: how many more customers must
        be totally satisfied to reach the target, rounded up, since 31.5
        customers means at least 32; 0 when the target is not higher; the
        table and the advice use this same number),
        ``value_of_customers_to_move``,
        ``flag`` ("negative", "tiny" or ""), ``priority`` (1 = where raising
        top-box satisfaction matters most) and ``advice`` (one or two
        sentences).

    Raises
    ------
    ValueError
        When a column is missing or a cell is not usable (a rate of 80
        instead of 0.8, a share above 1, a fractional number of customers...);
        the message names the column and the row.

    Examples
    --------
    >>> table = pd.DataFrame({"segment": ["Fleet", "Coupon"], "customers": [90, 3000],
    ...     "annual_margin": [15000, 140], "retention_rate": [0.88, 0.4],
    ...     "top_box_share": [0.15, 0.6], "target_top_box_share": [0.5, 0.6]})
    >>> plan = plan_targets(table)
    >>> plan["lifetime_value"].round(2).tolist()
    [60000.0, 80.0]
    >>> plan["flag"].tolist()
    ['', 'tiny']
    """
    i = _discount(discount_rate)
    table, columns = _segments(segments)
    ltv = np.array(
        [clv.lifetime_value(m, r, i) for m, r in zip(columns["annual_margin"], columns["retention_rate"])]
    )
    customers = columns["customers"].to_numpy()
    if min_value is None:
        average = float((customers * ltv).sum() / customers.sum())
        threshold = TINY_SHARE * max(average, 0.0)
    else:
        threshold = as_number(min_value, "min_value", meaning="the smallest lifetime value per customer worth spending on")
        if threshold < 0:
            raise ValueError(
                f"min_value must be 0 or more (the smallest lifetime value per customer worth spending on "
                f"to raise satisfaction); you gave {min_value!r}."
            )
    now = columns["top_box_share"].to_numpy()
    target = columns["target_top_box_share"].to_numpy()
    stake = customers * ltv
    result = table.copy()
    result.attrs = {}
    result["segment"] = columns["segment"].to_numpy()
    if "easy_to_switch" in columns:
        result["easy_to_switch"] = columns["easy_to_switch"].to_numpy()
    result["lifetime_value"] = ltv
    result["value_at_stake"] = stake
    result["value_totally_satisfied"] = stake * now
    result["value_not_totally_satisfied"] = stake * (1 - now)
    result["target_change"] = target - now
    result["customers_to_move"] = [customers_to_reach(n, t - s) for n, t, s in zip(customers, target, now)]
    result["value_of_customers_to_move"] = result["customers_to_move"] * ltv
    flags = np.where(ltv < 0, "negative", np.where((ltv == 0) | (ltv < threshold), "tiny", ""))
    result["flag"] = flags
    eligible = flags == ""
    order = sorted(
        range(len(result)),
        key=lambda k: (0, -stake[k] * (1 - now[k]), k) if eligible[k] else (1, -ltv[k], k),
    )
    priority = np.empty(len(result), dtype=int)
    priority[order] = np.arange(1, len(result) + 1)
    result["priority"] = priority
    switching = columns.get("easy_to_switch")
    result["advice"] = [
        _advice(
            flags[k], int(priority[k]), ltv[k], result["value_not_totally_satisfied"].iloc[k],
            target[k] - now[k], result["customers_to_move"].iloc[k],
            f"a tenth of your average customer's, {dollars(threshold)}" if min_value is None
            else f"your threshold of {dollars(threshold)}",
            None if switching is None else bool(switching.iloc[k]),
        )
        for k in range(len(result))
    ]
    return result


def customers_to_reach(customers: float, change: float) -> int:
    """How many more customers must be totally satisfied to raise the top-box share by ``change``.

    Rounded up, because a target is reached only by whole customers: moving
    a segment of 90 from 15% to 50% takes 31.5 customers, so at least 32.
    Floating-point noise (``90 * 0.35 = 31.499999...``) does not change the
    answer. Zero when ``change`` is not positive.

    Examples
    --------
    >>> customers_to_reach(90, 0.50 - 0.15), customers_to_reach(20, 0.35), customers_to_reach(20, -0.1)
    (32, 7, 0)
    """
    if change <= 1e-12:
        return 0
    return int(math.ceil(round(customers * change, 9)))


def _advice(
    flag: str, priority: int, ltv: float, value_not: float, change: float, to_move: float,
    threshold: str, easy: bool | None,
) -> str:
    if flag == "negative":
        text = (
            f"Do not spend to satisfy them more: each customer is worth {dollars(ltv)} over its lifetime, "
            f"a loss. Loyalty is not profit; fix the price or the cost to serve first."
        )
    elif flag == "tiny":
        text = (
            f"Do not spend to satisfy them more: each customer is worth only {dollars(ltv)} "
            f"(below {threshold}). Serve them well, at low cost."
        )
    else:
        text = (
            f"Priority {priority}: {dollars(value_not)} of lifetime value sits with customers who are not yet "
            f"totally satisfied."
        )
        if change > 1e-12:
            text += f" Your target moves {int(to_move):,} customers into the top box."
        elif change < -1e-12:
            text += " Your target is below today's share; protect what you have instead."
        else:
            text += " Your target keeps today's share: protect it, and ask whether it is ambitious enough."
        if easy is True:
            text += " They can switch easily: only very high satisfaction reliably keeps them."
        elif easy is False:
            text += " Switching is hard for them: high retention may hide dissatisfied hostages."
    if flag and change > 1e-12:
        text += " Your target raises their share of totally satisfied customers: reconsider it."
    return text


def retention_gain_value(
    annual_margin: float,
    retention_rate: float,
    retention_gain: float,
    *,
    customers: int = 1,
    discount_rate: float = 0.1,
) -> float:
    """What a retention gain that you assume would add to a segment's lifetime value.

    ``customers × (CLV(r + gain) − CLV(r))`` with the course's
    :func:`customer_focus.tools.lifetime_value.calc.lifetime_value`. The gain is your assumption,
    in percentage points as a decimal (0.02 = two points, e.g. 80% → 82%);
    no research figure tells you how much retention a higher satisfaction
    would bring in your business.

    Parameters
    ----------
    annual_margin : float
        Yearly margin per customer (may be negative).
    retention_rate : float
        Today's retention rate, in [0, 1).
    retention_gain : float
        The change in retention you assume, in points as a decimal; the new
        rate must stay in [0, 1).
    customers : int
        Number of customers in the segment (1 by default: the gain per customer).
    discount_rate : float
        Yearly discount rate, in [0, 1).

    Returns
    -------
    float
        The change in value, in the units of the margin. Negative for a
        loss-making segment: keeping such customers longer loses more money.

    Examples
    --------
    >>> round(retention_gain_value(100, 0.8, 0.1), 2)
    183.33
    """
    m = as_number(annual_margin, "annual_margin", meaning="the yearly margin per customer")
    r = as_rate(retention_rate, "retention_rate", meaning="today's share of customers who stay each year")
    gain = _gain(retention_gain)
    n = as_whole_number(customers, "customers", meaning="the number of customers in the segment")
    i = _discount(discount_rate)
    after = r + gain
    if not 0 <= after < 1:
        raise ValueError(
            f"retention_gain {gain:g} takes retention from {r:g} to {after:g}, outside 0 to 1 (not included); "
            f"assume a smaller gain."
        )
    return n * (clv.lifetime_value(m, after, i) - clv.lifetime_value(m, r, i))


def _gain(retention_gain: object) -> float:
    gain = as_number(
        retention_gain, "retention_gain",
        meaning="the change in retention you assume, in points as a decimal: 0.02 for two points",
    )
    if not -1 < gain < 1:
        message = (
            f"retention_gain must be a decimal between -1 and 1 (the change in retention you assume, "
            f"in points: 0.02 for two points, e.g. 80% to 82%); you gave {retention_gain!r}."
        )
        if 1 <= abs(gain) <= 100:
            message += f" If you meant {gain:g} points, type {gain / 100:g}."
        raise ValueError(message)
    return gain


def what_if_retention(
    segments: pd.DataFrame,
    retention_gain: float,
    *,
    discount_rate: float = 0.1,
) -> pd.DataFrame:
    """What if each segment's retention rose by a gain you assume? A what-if, not a forecast.

    Parameters
    ----------
    segments : pandas.DataFrame
        The segment table (as for :func:`plan_targets`).
    retention_gain : float
        The rise in retention **you assume** if a segment reached its
        satisfaction target, in points as a decimal (0.02 = two points). There
        is no default: no research figure gives this number for your business
        (the Xerox "six times" is one firm's correlation, not a retention gain).
    discount_rate : float
        Yearly discount rate, in [0, 1).

    Returns
    -------
    pandas.DataFrame
        One row per segment: ``segment``, ``customers``, ``annual_margin``,
        ``retention_rate``, ``assumed_gain``, ``retention_after``,
        ``lifetime_value``, ``lifetime_value_after``, ``gain_per_customer``
        and ``gain_for_segment`` (customers × gain per customer).

    Raises
    ------
    ValueError
        When the gain is not a decimal between -1 and 1, or takes a
        segment's retention to 1 or more (the message names the segment).

    Examples
    --------
    >>> table = pd.DataFrame({"segment": ["Fleet"], "customers": [90], "annual_margin": [15000],
    ...     "retention_rate": [0.88], "top_box_share": [0.15], "target_top_box_share": [0.5]})
    >>> round(what_if_retention(table, 0.02)["gain_for_segment"].iloc[0])
    675000
    """
    gain = _gain(retention_gain)
    i = _discount(discount_rate)
    table, columns = _segments(segments)
    retention = columns["retention_rate"].to_numpy()
    after = retention + gain
    outside = (after < 0) | (after >= 1)
    if outside.any():
        k = int(np.flatnonzero(outside)[0])
        raise ValueError(
            f"retention_gain {gain:g} takes segment {columns['segment'].iloc[k]!r} ({where(table, k)}) from "
            f"{retention[k]:g} to {after[k]:g}: retention must stay from 0 up to (but not including) 1. "
            f"Assume a smaller gain, or leave that segment out of the what-if."
        )
    margin = columns["annual_margin"].to_numpy()
    customers = columns["customers"].to_numpy()
    before_value = np.array([clv.lifetime_value(m, r, i) for m, r in zip(margin, retention)])
    after_value = np.array([clv.lifetime_value(m, r, i) for m, r in zip(margin, after)])
    return pd.DataFrame(
        {
            "segment": columns["segment"].to_numpy(),
            "customers": customers,
            "annual_margin": margin,
            "retention_rate": retention,
            "assumed_gain": gain,
            "retention_after": after,
            "lifetime_value": before_value,
            "lifetime_value_after": after_value,
            "gain_per_customer": after_value - before_value,
            "gain_for_segment": customers * (after_value - before_value),
        }
    )


#: The paper version of the worksheet (``{printable-form} satisfaction_targets``).
PRINTABLE_FORM = FormSpec(
    title="Setting customer satisfaction targets worksheet",
    intro=(
        "Lifetime value per customer = yearly margin × r / (1 + i − r) (the course's convention). Value at stake "
        "= customers × lifetime value. Top-box share = the share of the segment's customers who are totally "
        "satisfied (e.g. answer 5 on a 5-point scale). Rank segments by the value held by customers not yet "
        "totally satisfied = value at stake × (1 − top-box share). Do not spend to satisfy segments whose "
        "lifetime value is negative or tiny."
    ),
    sections=(
        Section(
            "Assumptions",
            fields=(
                Field("Discount rate (i)", unit="%"),
                Field("Smallest lifetime value per customer worth spending on", unit="$"),
                Field("Prepared by and date"),
            ),
        ),
        Section(
            "Segments",
            columns=(
                "Segment", "Customers", "Yearly margin ($)", "Retention (r)", "Lifetime value ($)",
                "Value at stake ($)", "Totally satisfied now (%)", "Target (%)",
                "Value not yet totally satisfied ($)", "Easy to switch? (Y/N)", "Priority, or 'do not spend'",
            ),
            rows=6,
        ),
        Section(
            "What if retention rose? (your assumption, not a research figure)",
            fields=(
                Field("Retention gain you assume if the target is reached", unit="points"),
                Field("New lifetime value per customer", unit="$"),
                Field("Gain for the segment = customers × (new − today's lifetime value)", unit="$"),
            ),
        ),
        Section(
            "Your targets",
            fields=(
                Field("Which segments get a higher target for totally satisfied customers, and why?"),
                Field("How will you check in a year whether those customers stayed and bought more?"),
            ),
        ),
    ),
)
