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
:func:`what_if` and :func:`retention_gain_value` therefore take a retention
gain that **you** type in, as an explicit assumption, and show what it would
be worth.

The "tiny" threshold, unless you give your own, is a tenth of the average
lifetime value of all your customers (weighted by the number of customers in
each segment). That is the course's own rule of thumb, not a published
figure: a customer worth less than a tenth of your average customer rarely
repays a satisfaction program.

Standard library only, and plain values in and out: a segment is a dict with
``customers``, ``annual_margin``, ``retention_rate``, ``top_box_share``,
``target_top_box_share`` and optionally ``easy_to_switch``. Every value is
checked against its description in ``satisfaction_targets.yml`` (read here
from its JSON twin). The learner's file is read by
:mod:`customer_focus.tools.satisfaction_targets.table`.
"""

from __future__ import annotations

import math
import numbers
from collections.abc import Iterable, Mapping, Sequence
from typing import Any

from ...core.fields import load_fields
from ...core.formats import dollars
from ...core.messages import Messages
from ...core.validation import InputError, as_number
from ..lifetime_value import calc as clv

__all__ = [
    "FIELDS",
    "TINY_SHARE",
    "top_box_share",
    "customers_to_reach",
    "check_gain",
    "tiny_threshold",
    "flag",
    "advice",
    "plan",
    "what_if",
    "retention_gain_value",
]

_ = Messages("tools.satisfaction_targets")

#: The tool's inputs, as ``satisfaction_targets.yml`` describes them.
FIELDS = load_fields(__package__, "satisfaction_targets.json")

#: The course's rule of thumb: a segment is "tiny" when its lifetime value per
#: customer is below this share of the average customer's (not a published figure).
TINY_SHARE = 0.1

#: What a segment holds, checked by its field.
_SEGMENT = ("customers", "annual_margin", "retention_rate", "top_box_share", "target_top_box_share")


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
    InputError
        When there are no answers, or an answer is not a whole number from 1
        to ``top``.

    Examples
    --------
    >>> top_box_share([5] * 90 + [4] * 260 + [3] * 100 + [2] * 35 + [1] * 15)
    0.18
    """
    highest = FIELDS["top"].check(top)
    answers = list(scores) if not isinstance(scores, (str, bytes)) else [scores]
    if not answers:
        raise InputError(
            "scores", _("scores is empty: give one answer per respondent, e.g. [5, 4, 5, 3].")
        )
    for position, answer in enumerate(answers, start=1):
        whole = (
            isinstance(answer, numbers.Real) and not isinstance(answer, bool)
            and float(answer).is_integer()
        )
        if not whole or not 1 <= float(answer) <= highest:
            raise InputError(
                "scores",
                _("scores must be whole numbers from 1 to {highest}; answer {position} is "
                  "{answer!r}. Remove blank or invalid answers before counting.").format(
                    highest=highest, position=position, answer=answer),
            )
    return sum(1 for answer in answers if float(answer) == highest) / len(answers)


def customers_to_reach(customers: float, change: float) -> int:
    """How many more customers must be totally satisfied to raise the top-box share by ``change``.

    Rounded up, because a target is reached only by whole customers: moving
    a segment of 90 from 15% to 50% takes 31.5 customers, so at least 32.
    Floating-point noise (``90 * 0.35 = 31.499999...``) does not change the
    answer. Zero when ``change`` is not positive.

    Examples
    --------
    >>> customers_to_reach(90, 0.50 - 0.15), customers_to_reach(20, 0.35)
    (32, 7)
    >>> customers_to_reach(20, -0.1)
    0
    """
    if change <= 1e-12:
        return 0
    return int(math.ceil(round(customers * change, 9)))


def check_gain(retention_gain: object) -> float:
    """The retention gain you assume, as a decimal between -1 and 1, or an ``InputError``.

    Examples
    --------
    >>> check_gain(0.02)
    0.02
    >>> check_gain(2)
    Traceback (most recent call last):
    ...
    customer_focus.core.validation.InputError: retention_gain must be a decimal between -1 and ...
    """
    meaning = FIELDS["retention_gain"].help
    gain = as_number(retention_gain, "retention_gain", meaning=meaning)
    if not -1 < gain < 1:
        message = _(
            "retention_gain must be a decimal between -1 and 1 ({meaning}); you gave {given!r}."
        ).format(meaning=meaning, given=retention_gain)
        if 1 <= abs(gain) <= 100:
            message += _(" If you meant {gain:g} points, type {decimal:g}.").format(
                gain=gain, decimal=gain / 100)
        raise InputError("retention_gain", message)
    return gain


def tiny_threshold(customers: Sequence[float], lifetime_values: Sequence[float]) -> float:
    """The course's rule of thumb: :data:`TINY_SHARE` of the average customer's lifetime value.

    The average is weighted by the number of customers in each segment; a
    negative average gives 0.

    Examples
    --------
    >>> round(tiny_threshold([90, 2400, 3000], [60000, 3000, 80]), 2)
    233.88
    """
    weight = math.fsum(customers)
    average = math.fsum(n * value for n, value in zip(customers, lifetime_values, strict=True))
    return TINY_SHARE * max(average / weight, 0.0)


def flag(lifetime_value: float, threshold: float) -> str:
    """``"negative"``, ``"tiny"`` (zero or below ``threshold``) or ``""``: whether to spend.

    Examples
    --------
    >>> flag(-450, 200), flag(80, 234.5), flag(60000, 234.5)
    ('negative', 'tiny', '')
    """
    if lifetime_value < 0:
        return "negative"
    return "tiny" if lifetime_value == 0 or lifetime_value < threshold else ""


def advice(
    flagged: str, priority: int, lifetime_value: float, value_not: float, change: float,
    to_move: int, threshold: str, easy_to_switch: bool | None = None,
) -> str:
    """One or two sentences on a segment: its priority and target, or why not to spend.

    Parameters
    ----------
    flagged : str
        The segment's :func:`flag`.
    priority : int
        Its rank, 1 = where raising top-box satisfaction matters most.
    lifetime_value : float
        The lifetime value per customer.
    value_not : float
        The lifetime value held by customers not yet totally satisfied.
    change : float
        The target's change in the top-box share, as a decimal.
    to_move : int
        How many customers the target moves into the top box.
    threshold : str
        The "tiny" threshold in words, e.g. ``"your threshold of $5,000"``.
    easy_to_switch : bool, optional
        Whether these customers can easily switch to a rival (``None``: not known).

    Examples
    --------
    >>> advice("", 1, 60000, 4_590_000, 0.35, 32, "")[:60]
    'Priority 1: $4,590,000 of lifetime value sits with customers'
    """
    if flagged == "negative":
        text = _(
            "Do not spend to satisfy them more: each customer is worth {value} over its lifetime, "
            "a loss. Loyalty is not profit; fix the price or the cost to serve first."
        ).format(value=dollars(lifetime_value))
    elif flagged == "tiny":
        text = _(
            "Do not spend to satisfy them more: each customer is worth only {value} (below "
            "{threshold}). Serve them well, at low cost."
        ).format(value=dollars(lifetime_value), threshold=threshold)
    else:
        text = _(
            "Priority {priority}: {value} of lifetime value sits with customers who are not yet "
            "totally satisfied."
        ).format(priority=priority, value=dollars(value_not))
        if change > 1e-12:
            text += _(" Your target moves {count:,} customers into the top box.").format(
                count=int(to_move))
        elif change < -1e-12:
            text += _(" Your target is below today's share; protect what you have instead.")
        else:
            text += _(
                " Your target keeps today's share: protect it, and ask whether it is ambitious "
                "enough."
            )
        if easy_to_switch is True:
            text += _(" They can switch easily: only very high satisfaction reliably keeps them.")
        elif easy_to_switch is False:
            text += _(
                " Switching is hard for them: high retention may hide dissatisfied hostages.")
    if flagged and change > 1e-12:
        text += _(
            " Your target raises their share of totally satisfied customers: reconsider it.")
    return text


def _checked(segments: Sequence[Mapping[str, Any]]) -> list[dict[str, Any]]:
    """Every segment with its values checked, or an ``InputError`` naming the segment."""
    return FIELDS.check_rows(segments, _SEGMENT, optional=["easy_to_switch"], item=_("segment"))


def plan(
    segments: Sequence[Mapping[str, Any]],
    *,
    discount_rate: float = 0.1,
    min_value: float | None = None,
) -> list[dict[str, Any]]:
    """Value each segment, rank where raising top-box satisfaction matters most, flag where not.

    For each segment: the lifetime value per customer (the course's
    convention, :func:`customer_focus.tools.lifetime_value.calc.lifetime_value`),
    the value at stake (customers × lifetime value), how much of it sits with
    customers who are totally satisfied today and how much with those who are
    not yet, and how many customers the target would move into the top box.
    Segments are ranked by the value held by customers not yet totally
    satisfied. Segments whose lifetime value per customer is negative, zero or
    below ``min_value`` are flagged, "do not spend to satisfy them more", and
    ranked last: not every loyal customer is profitable (Reinartz & Kumar 2002).

    Parameters
    ----------
    segments : list of dict
        One dict per segment (see the module's docstring); other keys are kept.
    discount_rate : float
        Yearly discount rate, in [0, 1); 0.1 by default.
    min_value : float, optional
        The smallest lifetime value per customer worth spending on to raise
        satisfaction, in money. By default :func:`tiny_threshold`: a tenth of
        the average lifetime value of all the customers (weighted by segment
        size), the course's rule of thumb.

    Returns
    -------
    list of dict
        The segments with ``easy_to_switch`` as True/False, plus
        ``lifetime_value`` (per customer), ``value_at_stake``,
        ``value_totally_satisfied``, ``value_not_totally_satisfied``,
        ``target_change`` (target minus today's share, as a decimal),
        ``customers_to_move`` (:func:`customers_to_reach`),
        ``value_of_customers_to_move``, ``flag`` (:func:`flag`), ``priority``
        (1 = where raising top-box satisfaction matters most) and ``advice``
        (:func:`advice`).

    Examples
    --------
    >>> rows = plan([
    ...     {"customers": 90, "annual_margin": 15000, "retention_rate": 0.88,
    ...      "top_box_share": 0.15, "target_top_box_share": 0.5},
    ...     {"customers": 3000, "annual_margin": 140, "retention_rate": 0.4,
    ...      "top_box_share": 0.6, "target_top_box_share": 0.6}])
    >>> [(round(row["lifetime_value"], 2), row["flag"], row["priority"]) for row in rows]
    [(60000.0, '', 1), (80.0, 'tiny', 2)]
    """
    i = FIELDS["discount_rate"].check(discount_rate)
    checked = _checked(segments)
    ltv = [clv.lifetime_value(s["annual_margin"], s["retention_rate"], i) for s in checked]
    customers = [s["customers"] for s in checked]
    if min_value is None:
        threshold = tiny_threshold(customers, ltv)
        words = _("a tenth of your average customer's, {value}").format(value=dollars(threshold))
    else:
        threshold = FIELDS["min_value"].check(min_value)
        words = _("your threshold of {value}").format(value=dollars(threshold))
    rows = []
    for segment, value in zip(checked, ltv, strict=True):
        now, target = segment["top_box_share"], segment["target_top_box_share"]
        stake = segment["customers"] * value
        to_move = customers_to_reach(segment["customers"], target - now)
        rows.append({
            **segment, "lifetime_value": value, "value_at_stake": stake,
            "value_totally_satisfied": stake * now,
            "value_not_totally_satisfied": stake * (1 - now),
            "target_change": target - now, "customers_to_move": to_move,
            "value_of_customers_to_move": to_move * value, "flag": flag(value, threshold),
        })
    order = sorted(
        range(len(rows)),
        key=lambda k: (
            (0, -rows[k]["value_not_totally_satisfied"], k) if not rows[k]["flag"]
            else (1, -rows[k]["lifetime_value"], k)
        ),
    )
    for priority, k in enumerate(order, start=1):
        row = rows[k]
        row["priority"] = priority
        row["advice"] = advice(
            row["flag"], priority, row["lifetime_value"], row["value_not_totally_satisfied"],
            row["target_change"], row["customers_to_move"], words, row.get("easy_to_switch"),
        )
    return rows


def _after(retention: float, gain: float, segment: str) -> float:
    """The retention rate after the gain, or an ``InputError`` when it leaves [0, 1)."""
    after = retention + gain
    if not 0 <= after < 1:
        raise InputError(
            "retention_gain",
            _("retention_gain {gain:g} takes {segment} from {before:g} to {after:g}, outside 0 "
              "to 1 (not included); assume a smaller gain.").format(
                gain=gain, segment=segment, before=retention, after=after),
        )
    return after


def what_if(
    segments: Sequence[Mapping[str, Any]], retention_gain: float, *, discount_rate: float = 0.1
) -> list[dict[str, Any]]:
    """What if each segment's retention rose by a gain you assume? A what-if, not a forecast.

    Parameters
    ----------
    segments : list of dict
        As for :func:`plan`.
    retention_gain : float
        The rise in retention **you assume** if a segment reached its
        satisfaction target, in points as a decimal (0.02 = two points). There
        is no default: no research figure gives this number for your business
        (the Xerox "six times" is one firm's correlation, not a retention gain).
    discount_rate : float
        Yearly discount rate, in [0, 1).

    Returns
    -------
    list of dict
        One dict per segment: the segment's own keys, ``assumed_gain``,
        ``retention_after``, ``lifetime_value``, ``lifetime_value_after``,
        ``gain_per_customer`` and ``gain_for_segment`` (customers × gain per
        customer).

    Examples
    --------
    >>> [row] = what_if([{"customers": 90, "annual_margin": 15000, "retention_rate": 0.88,
    ...                   "top_box_share": 0.15, "target_top_box_share": 0.5}], 0.02)
    >>> round(row["gain_for_segment"])
    675000
    """
    gain = check_gain(retention_gain)
    i = FIELDS["discount_rate"].check(discount_rate)
    rows = []
    for number, segment in enumerate(_checked(segments), start=1):
        m, r = segment["annual_margin"], segment["retention_rate"]
        after = _after(r, gain, _("segment {number}").format(number=number))
        before_value, after_value = clv.lifetime_value(m, r, i), clv.lifetime_value(m, after, i)
        rows.append({
            **segment, "assumed_gain": gain, "retention_after": after,
            "lifetime_value": before_value, "lifetime_value_after": after_value,
            "gain_per_customer": after_value - before_value,
            "gain_for_segment": segment["customers"] * (after_value - before_value),
        })
    return rows


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
    :func:`customer_focus.tools.lifetime_value.calc.lifetime_value`. The gain is your
    assumption, in percentage points as a decimal (0.02 = two points, e.g. 80% → 82%);
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
    m = FIELDS["annual_margin"].check(annual_margin)
    r = FIELDS["retention_rate"].check(retention_rate)
    gain = check_gain(retention_gain)
    n = FIELDS["customers"].check(customers)
    i = FIELDS["discount_rate"].check(discount_rate)
    after = _after(r, gain, _("retention"))
    return n * (clv.lifetime_value(m, after, i) - clv.lifetime_value(m, r, i))
