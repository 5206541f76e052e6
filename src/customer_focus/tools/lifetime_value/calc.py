"""Customer lifetime value: what a customer relationship is worth today.

The course's formula is Gupta & Lehmann's (2003) closed form

    CLV = m * r / (1 + i - r)

for a constant yearly margin ``m``, a constant retention rate ``r`` and a
discount rate ``i``, over an infinite horizon. The functions here also give the
finite-horizon sum, a year-by-year schedule, Berger & Nasr's (1998) Case 1
with promotion costs, and the retention at which a customer reaches a target.

Standard library only, and plain values in and out (numbers, strings, lists
of dicts), so the same functions run in a notebook and, through Pyodide, in
the reader's browser. Every input is checked against its description in
``lifetime_value.yml`` (read here from its JSON twin); a bad one raises an
:class:`~customer_focus.core.validation.InputError` (a ``ValueError``) whose
``name`` is the input's. Tables of many customers are in
:mod:`customer_focus.tools.lifetime_value.table`.

Timing conventions
------------------
Textbooks disagree about *when* the first margin arrives (Fader & Hardie's
note "Reconciling and Clarifying CLV Formulas" explains that this is the only
difference between the three common formulas). Choose one by name:

``"after_renewal"`` (the default)
    The first margin arrives at the end of year 1, and only if the customer
    renews: ``m * r / (1 + i - r)``. This is Gupta & Lehmann's formula (also in
    Kotler & Keller). The course uses it because it values a relationship
    *from today onward* without counting money that is already in, and because
    its "margin multiple" r / (1 + i - r) is published and easy to tabulate.
``"upfront"``
    The first margin is received now, for certain: ``m * (1 + i) / (1 + i - r)``
    (Blattberg et al.).
``"end_of_year"``
    The first margin arrives at the end of year 1, for certain:
    ``m / (1 + i - r)``.

With ``m = 100``, ``r = 0.8`` and ``i = 0.1`` the three give $266.67,
$366.67 and $333.33.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

from ...core.fields import load_fields
from ...core.messages import Messages
from ...core.validation import InputError

_ = Messages("tools.lifetime_value")

__all__ = [
    "FIELDS",
    "TIMINGS",
    "DEFAULT_TIMING",
    "Timing",
    "margin_multiple",
    "lifetime_value",
    "schedule",
    "berger_nasr",
    "breakeven_retention",
]

#: The tool's inputs, as ``lifetime_value.yml`` describes them.
FIELDS = load_fields(__package__, "lifetime_value.json")


@dataclass(frozen=True)
class Timing:
    """When the yearly margins arrive, relative to today.

    Year ``t`` (1, 2, ...) pays ``margin * r**(t - 1 + survival_shift)`` and is
    discounted by ``(1 + i)**(t - 1 + discount_shift)``.
    """

    name: str
    survival_shift: int
    discount_shift: int
    description: str


#: The three conventions, by name (their words for a form are in the spec's ``timing`` options).
TIMINGS: dict[str, Timing] = {
    timing.name: timing
    for timing in (
        Timing(
            "after_renewal", 1, 1,
            "first margin at the end of year 1, only if the customer renews (Gupta & Lehmann)",
        ),
        Timing("upfront", 0, 0, "first margin received now, for certain (Blattberg et al.)"),
        Timing("end_of_year", 0, 1, "first margin at the end of year 1, for certain"),
    )
}

#: The convention the course and its worksheets use (see the module docstring).
DEFAULT_TIMING: str = FIELDS["timing"].default


def margin_multiple(retention: float, discount_rate: float) -> float:
    """How many years of margin a customer is worth today: r / (1 + i - r).

    Multiply a constant yearly margin by this number to get the lifetime value
    under the course's ``"after_renewal"`` convention (Gupta & Lehmann 2003).

    Parameters
    ----------
    retention : float
        Share of customers who stay each year, in [0, 1).
    discount_rate : float
        Yearly discount rate, in [0, 1).

    Returns
    -------
    float
        The years of margin the customer is worth today.

    Examples
    --------
    >>> round(margin_multiple(0.9, 0.12), 2)
    4.09
    """
    r = FIELDS["retention"].check(retention)
    i = FIELDS["discount_rate"].check(discount_rate)
    return r / (1 + i - r)


def lifetime_value(
    margin: float,
    retention: float,
    discount_rate: float,
    *,
    timing: str = DEFAULT_TIMING,
    horizon: int | None = None,
) -> float:
    """Present value of a customer's future margins.

    With ``horizon=None`` this is the closed form for an infinite horizon; with
    a whole number of years it is the finite sum of that many yearly margins.

    Parameters
    ----------
    margin : float
        Constant yearly margin per customer (may be negative for a loss-making
        customer).
    retention : float
        Share of customers who stay each year, in [0, 1).
    discount_rate : float
        Yearly discount rate, in [0, 1).
    timing : {"after_renewal", "upfront", "end_of_year"}
        When the first margin arrives; see the module docstring. The default,
        ``"after_renewal"``, is Gupta & Lehmann's m·r/(1+i−r).
    horizon : int, optional
        Number of yearly margins to count (1 to any size). ``None`` counts them
        all (the closed form).

    Returns
    -------
    float
        The lifetime value, in the units of ``margin``.

    Raises
    ------
    InputError
        When an input is not a finite number or is outside its allowed range;
        the message names the input and the range.

    Examples
    --------
    >>> round(lifetime_value(100, 0.8, 0.1), 2)
    266.67
    >>> round(lifetime_value(100, 0.8, 0.1, horizon=10), 2)
    255.63
    >>> round(lifetime_value(100, 0.8, 0.1, timing="upfront"), 2)
    366.67
    """
    m = FIELDS["margin"].check(margin)
    r = FIELDS["retention"].check(retention)
    i = FIELDS["discount_rate"].check(discount_rate)
    convention = TIMINGS[FIELDS["timing"].check(timing)]
    years = None if horizon is None else FIELDS["horizon"].check(horizon)
    x = r / (1 + i)  # how much one more year is worth, relative to the year before
    first = m * r**convention.survival_shift / (1 + i) ** convention.discount_shift
    # sum_{k=0}^{n-1} x^k = (1 - x^n) / (1 - x); exact when x == 0
    value = first / (1 - x) if years is None else first * (1 - x**years) / (1 - x)
    if not math.isfinite(value):
        raise InputError(
            "margin",
            _("margin {margin:g} is too large to compute a lifetime value; express it in "
              "thousands.").format(margin=m),
        )
    return value


def schedule(
    margin: float,
    retention: float,
    discount_rate: float,
    *,
    timing: str = DEFAULT_TIMING,
    years: int = 10,
) -> list[dict[str, float]]:
    """Year-by-year build-up of a customer's lifetime value, one dict per year.

    Parameters
    ----------
    margin, retention, discount_rate, timing
        As for :func:`lifetime_value`.
    years : int
        Number of years to tabulate (1 to 200).

    Returns
    -------
    list of dict
        One row per year with ``year``, ``survival`` (probability the customer
        still pays that year's margin), ``expected_margin``,
        ``discount_factor``, ``present_value`` and ``cumulative_value``. The
        last ``cumulative_value`` equals ``lifetime_value(..., horizon=years)``.

    Examples
    --------
    >>> [round(row["present_value"], 2) for row in schedule(100, 0.8, 0.1, years=3)]
    [72.73, 52.89, 38.47]
    """
    m = FIELDS["margin"].check(margin)
    r = FIELDS["retention"].check(retention)
    i = FIELDS["discount_rate"].check(discount_rate)
    convention = TIMINGS[FIELDS["timing"].check(timing)]
    count = FIELDS["years"].check(years)
    rows, total = [], 0.0
    for year in range(1, count + 1):
        survival = r ** (year - 1 + convention.survival_shift)
        discount_factor = 1 / (1 + i) ** (year - 1 + convention.discount_shift)
        present = m * survival * discount_factor
        total += present
        rows.append({
            "year": year,
            "survival": survival,
            "expected_margin": m * survival,
            "discount_factor": discount_factor,
            "present_value": present,
            "cumulative_value": total,
        })
    return rows


def berger_nasr(
    gross_contribution: float,
    promotion_cost: float,
    retention: float,
    discount_rate: float,
    years: int,
) -> float:
    """Berger & Nasr (1998) Case 1: yearly purchases with a promotion spend.

    ``GC * sum_{k=0..n} r^k / (1+d)^k  -  M * sum_{k=1..n} r^(k-1) / (1+d)^(k-0.5)``:
    a gross contribution ``GC`` each year, starting now, and a promotion cost
    ``M`` per retained customer in the middle of each year.

    Parameters
    ----------
    gross_contribution : float
        Yearly gross contribution per customer (GC).
    promotion_cost : float
        Yearly promotion (retention) spending per customer (M), at least 0.
    retention : float
        Share of customers who stay each year, in [0, 1).
    discount_rate : float
        Yearly discount rate, in [0, 1).
    years : int
        Number of years projected (n, 1 to 200).

    Returns
    -------
    float
        The customer's lifetime value, net of the promotion spend.

    Examples
    --------
    >>> round(berger_nasr(100, 20, 0.8, 0.1, 5), 2)
    256.72
    """
    gc, cost, r, d, n = FIELDS.checked(locals())
    revenue = gc * math.fsum(r**k / (1 + d) ** k for k in range(0, n + 1))
    promotion = cost * math.fsum(r ** (k - 1) / (1 + d) ** (k - 0.5) for k in range(1, n + 1))
    return revenue - promotion


def breakeven_retention(
    margin: float, target_value: float, discount_rate: float, *, acquisition_cost: float = 0.0
) -> float:
    """Retention rate at which a customer's net lifetime value reaches a target.

    Solves ``m * r / (1 + i - r) - acquisition_cost = target_value`` for ``r``
    (the course's ``"after_renewal"`` convention).

    Parameters
    ----------
    margin : float
        Yearly margin per customer; must be positive.
    target_value : float
        The net lifetime value to reach (e.g. another customer's).
    discount_rate : float
        Yearly discount rate, in [0, 1).
    acquisition_cost : float
        Cost of winning the customer, at least 0.

    Returns
    -------
    float
        The retention rate, in [0, 1).

    Raises
    ------
    InputError
        When the margin is not positive, or the target is out of reach
        (it would need a retention of 1 or more) or below what zero retention
        already gives.

    Examples
    --------
    >>> round(breakeven_retention(100, 266.67, 0.1), 3)
    0.8
    """
    m = FIELDS["margin"].check(margin)
    if m <= 0:
        raise InputError(
            "margin",
            _("margin must be positive to find a break-even retention; you gave {given!r}. "
              "A customer with no margin is never worth more by staying longer.").format(
                given=margin),
        )
    target = FIELDS["target_value"].check(target_value)
    i = FIELDS["discount_rate"].check(discount_rate)
    cost = FIELDS["acquisition_cost"].check(acquisition_cost)
    needed = target + cost
    if needed < 0:
        raise InputError(
            "target_value",
            _("target_value {target:,.2f} is below what the customer is worth even if it never "
              "renews ({floor:,.2f}); any retention rate reaches it.").format(
                target=target, floor=-cost),
        )
    retention = needed * (1 + i) / (m + needed)
    if retention >= 1:
        raise InputError(
            "target_value",
            _("target_value {target:,.2f} is out of reach: no retention rate below 1 reaches "
              "it; lower the target.").format(target=target),
        )
    return retention
