"""Service recovery: what a recovery must achieve to pay for itself.

The course's own arithmetic (not a published figure). A recovery that costs
``c`` for each customer who receives it, given to customers each worth ``V``
(their lifetime value), pays for itself when it lowers the share of
recipients who leave, from ``d0`` without it to ``d1`` with it, by enough:

    (d0 − d1) · V ≥ c,  that is  d0 − d1 ≥ c / V.

So ``c / V`` is the cut in the leaving rate needed **among everyone who
receives the recovery**, not a share of the customers who would leave. As a
share of the customers who would otherwise leave, the recovery must keep

    (c / V) / d0

of them. When ``c / V`` is larger than ``d0`` no recovery of that cost can
pay, even one that kept every customer who would otherwise leave: the most a
recovery can cost and still pay is ``d0 · V``.

Example: a recovery of $100 for customers worth $640, of whom 30% would leave
without it, must cut the leaving rate by 15.6 points (from 30% to 14.4%), that
is keep about 52% of the customers who would otherwise leave, not "one in six".

Standard library only, so the same function runs in a notebook and, through
Pyodide, in the reader's browser. Every input is checked against its
description in ``recovery.yml`` (read here from its JSON twin); a bad one
raises an :class:`~customer_focus.core.validation.InputError` (a
``ValueError``) whose ``name`` is the input's.
"""

from __future__ import annotations

from dataclasses import dataclass

from ...core.fields import load_fields
from ...core.formats import cents
from ...core.messages import Messages
from ...core.validation import InputError

_ = Messages("tools.recovery")

__all__ = ["FIELDS", "RecoveryBreakEven", "recovery_break_even"]

#: The tool's inputs, as ``recovery.yml`` describes them.
FIELDS = load_fields(__package__, "recovery.json")


@dataclass(frozen=True)
class RecoveryBreakEven:
    """What a recovery must achieve to pay for itself (see :func:`recovery_break_even`).

    Attributes
    ----------
    cost, lifetime_value, share_leaving : float
        The inputs.
    required_cut : float
        ``cost / lifetime_value``: by how much the share of recipients who
        leave must fall (0.156 means 15.6 percentage points).
    can_pay : bool
        Whether any recovery of this cost can pay for itself: ``required_cut``
        is at most ``share_leaving``.
    share_of_leavers_to_keep : float or None
        ``required_cut / share_leaving``: the share of the customers who would
        otherwise leave that the recovery must keep. ``None`` when
        ``can_pay`` is false (it would have to keep more than all of them).
    leaving_rate_after : float or None
        The leaving rate the recovery must bring the recipients down to,
        ``share_leaving − required_cut``; ``None`` when it cannot pay.
    most_it_may_cost : float
        ``share_leaving × lifetime_value``: the cost at which even keeping
        every would-be leaver only just pays.
    """

    cost: float
    lifetime_value: float
    share_leaving: float
    required_cut: float
    can_pay: bool
    share_of_leavers_to_keep: float | None
    leaving_rate_after: float | None
    most_it_may_cost: float

    def explain(self) -> str:
        """One or two sentences for a manager.

        Examples
        --------
        >>> print(recovery_break_even(100, 640, 0.30).explain())  # doctest: +NORMALIZE_WHITESPACE
        The recovery pays for itself if it cuts the share of recipients who leave by at least
        15.6 points, from 30% to 14.4%: it must keep at least 52% of the customers who would
        otherwise leave.
        """
        cut = f"{self.required_cut * 100:.1f}"
        before = f"{self.share_leaving * 100:.3g}%"
        if not self.can_pay:
            return _(
                "No recovery costing {cost} can pay for itself: it would have to cut the share "
                "of recipients who leave by {cut} points, but only {before} would leave without "
                "it. The most a recovery for these customers may cost is {most}."
            ).format(cost=cents(self.cost), cut=cut, before=before,
                     most=cents(self.most_it_may_cost))
        after = f"{(self.leaving_rate_after or 0) * 100:.3g}%"
        keep = f"{(self.share_of_leavers_to_keep or 0) * 100:.0f}%"
        return _(
            "The recovery pays for itself if it cuts the share of recipients who leave by at "
            "least {cut} points, from {before} to {after}: it must keep at least {keep} of the "
            "customers who would otherwise leave."
        ).format(cut=cut, before=before, after=after, keep=keep)


def recovery_break_even(
    cost: float, lifetime_value: float, share_leaving: float
) -> RecoveryBreakEven:
    """What a recovery must achieve to pay for itself.

    Parameters
    ----------
    cost : float
        What the recovery costs for each customer who receives it, in money
        (0 or more).
    lifetime_value : float
        What one such customer is worth, in money (more than 0), e.g. from
        :func:`customer_focus.tools.lifetime_value.calc.lifetime_value`.
    share_leaving : float
        The share of the customers who would receive the recovery who would
        leave without it, as a decimal from 0 to 1 (0.3 for 30%). It is
        your estimate: compare customers who had the same failure without a
        recovery.

    Returns
    -------
    RecoveryBreakEven
        ``required_cut`` (cost / lifetime value, the cut in the leaving rate
        among all recipients), ``share_of_leavers_to_keep`` (that cut divided
        by ``share_leaving``), ``can_pay`` and the rest, with
        :meth:`RecoveryBreakEven.explain` for a sentence.

    Raises
    ------
    InputError
        A ``ValueError`` naming the input, when the cost is negative, the
        lifetime value is not above 0, or the share who would leave is not a
        decimal from 0 to 1 (for example 30 instead of 0.3).

    Examples
    --------
    >>> result = recovery_break_even(100, 640, 0.30)
    >>> round(result.required_cut, 4), round(result.share_of_leavers_to_keep, 3)
    (0.1562, 0.521)
    >>> result.can_pay
    True
    >>> late = recovery_break_even(40, 33.75, 0.70)
    >>> late.can_pay, late.share_of_leavers_to_keep
    (False, None)
    """
    c = FIELDS["cost"].check(cost)
    value = FIELDS["lifetime_value"].check(lifetime_value)
    if value <= 0:
        raise InputError(
            "lifetime_value",
            _("lifetime_value must be more than 0; you gave {given!r}. A customer worth "
              "nothing (or less) is never worth a recovery that costs money: there is nothing to "
              "keep.").format(given=lifetime_value),
        )
    d0 = FIELDS["share_leaving"].check(share_leaving)
    cut = c / value
    can_pay = cut <= d0 + 1e-12
    if d0 == 0:
        keep = 0.0 if c == 0 else None
    else:
        keep = cut / d0 if can_pay else None
    return RecoveryBreakEven(
        cost=c,
        lifetime_value=value,
        share_leaving=d0,
        required_cut=cut,
        can_pay=can_pay,
        share_of_leavers_to_keep=None if keep is None else min(keep, 1.0),
        leaving_rate_after=max(d0 - cut, 0.0) if can_pay else None,
        most_it_may_cost=d0 * value,
    )
