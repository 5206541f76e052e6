"""Customer lifetime value: what a customer relationship is worth today.

The course's formula is Gupta & Lehmann's (2003) closed form

    CLV = m * r / (1 + i - r)

for a constant yearly margin ``m``, a constant retention rate ``r`` and a
discount rate ``i``, over an infinite horizon. The functions here also give the
finite-horizon sum, a year-by-year schedule, Berger & Nasr's (1998) Case 1
with promotion costs, and a side-by-side comparison of several customers.

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

import numpy as np
import pandas as pd

from .forms import Field, FormSpec, Section
from .tables import numeric_column, require_columns, where
from .validation import as_number, as_rate, as_whole_number

__all__ = [
    "TIMINGS",
    "DEFAULT_TIMING",
    "lifetime_value",
    "lifetime_value_schedule",
    "margin_multiple",
    "berger_nasr",
    "compare_customers",
    "COMPARISON_COLUMNS",
    "opening_case",
    "breakeven_retention",
    "PRINTABLE_FORM",
]

#: Longest schedule the worksheets will tabulate, in years.
MAX_YEARS = 200


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
    formula: str
    short: str


TIMINGS: dict[str, Timing] = {
    timing.name: timing
    for timing in (
        Timing(
            "after_renewal",
            1,
            1,
            "first margin at the end of year 1, only if the customer renews (Gupta & Lehmann)",
            "m·r/(1+i−r)",
            "after the first renewal (course default)",
        ),
        Timing(
            "upfront",
            0,
            0,
            "first margin received now, for certain (Blattberg et al.)",
            "m·(1+i)/(1+i−r)",
            "today, for certain",
        ),
        Timing(
            "end_of_year",
            0,
            1,
            "first margin at the end of year 1, for certain",
            "m/(1+i−r)",
            "end of year 1, for certain",
        ),
    )
}

#: The convention the course and its worksheets use (see the module docstring).
DEFAULT_TIMING = "after_renewal"

_RETENTION_MEANING = "the share of customers who stay from one year to the next, e.g. 0.8 for 80%"
_RETENTION_WHY = (
    "A retention of 1 or more would mean that no customer ever leaves, so the value "
    "would never stop growing; use a rate below 1, such as 0.95."
)
_DISCOUNT_MEANING = "the yearly rate used to turn future money into today's money, e.g. 0.1 for 10%"
_DISCOUNT_WHY = "A discount rate of 100% or more a year is not a realistic cost of money."
_MARGIN_MEANING = "the yearly margin (profit contribution) per customer, in money"


def _timing(timing: str) -> Timing:
    if timing not in TIMINGS:
        names = ", ".join(repr(name) for name in TIMINGS)
        raise ValueError(
            f"timing must be one of {names}; you gave {timing!r}. "
            f"The course uses {DEFAULT_TIMING!r} (first margin after the first renewal)."
        )
    return TIMINGS[timing]


def _retention(retention: object) -> float:
    return as_rate(
        retention, "retention", meaning=_RETENTION_MEANING, why_high=_RETENTION_WHY
    )


def _discount(discount_rate: object) -> float:
    return as_rate(
        discount_rate, "discount_rate", meaning=_DISCOUNT_MEANING, why_high=_DISCOUNT_WHY
    )


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

    Examples
    --------
    >>> round(margin_multiple(0.9, 0.12), 2)
    4.09
    """
    r = _retention(retention)
    i = _discount(discount_rate)
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
    ValueError
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
    m = as_number(margin, "margin", meaning=_MARGIN_MEANING)
    r = _retention(retention)
    i = _discount(discount_rate)
    convention = _timing(timing)
    years = None if horizon is None else as_whole_number(
        horizon, "horizon", meaning="the number of years of margin to count; leave it out for all years"
    )
    x = r / (1 + i)  # how much one more year is worth, relative to the year before
    first = m * r**convention.survival_shift / (1 + i) ** convention.discount_shift
    # sum_{k=0}^{n-1} x^k = (1 - x^n) / (1 - x); exact when x == 0
    value = first / (1 - x) if years is None else first * (1 - x**years) / (1 - x)
    if not math.isfinite(value):
        raise ValueError(
            f"margin {m:g} is too large to compute a lifetime value; express it in thousands."
        )
    return value


def lifetime_value_schedule(
    margin: float,
    retention: float,
    discount_rate: float,
    *,
    timing: str = DEFAULT_TIMING,
    years: int = 10,
) -> pd.DataFrame:
    """Year-by-year build-up of a customer's lifetime value.

    Parameters
    ----------
    margin, retention, discount_rate, timing
        As for :func:`lifetime_value`.
    years : int
        Number of years to tabulate (1 to 200).

    Returns
    -------
    pandas.DataFrame
        One row per year with columns ``year``, ``survival`` (probability the
        customer still pays that year's margin), ``expected_margin``,
        ``discount_factor``, ``present_value`` and ``cumulative_value``.
        The last ``cumulative_value`` equals
        ``lifetime_value(..., horizon=years)``.

    Examples
    --------
    >>> table = lifetime_value_schedule(100, 0.8, 0.1, years=3)
    >>> table["present_value"].round(2).tolist()
    [72.73, 52.89, 38.47]
    """
    m = as_number(margin, "margin", meaning=_MARGIN_MEANING)
    r = _retention(retention)
    i = _discount(discount_rate)
    convention = _timing(timing)
    n = as_whole_number(
        years, "years", meaning="the number of years to show in the table", maximum=MAX_YEARS
    )
    year = np.arange(1, n + 1)
    survival = r ** (year - 1 + convention.survival_shift)
    discount_factor = 1 / (1 + i) ** (year - 1 + convention.discount_shift)
    expected = m * survival
    present = expected * discount_factor
    return pd.DataFrame(
        {
            "year": year,
            "survival": survival,
            "expected_margin": expected,
            "discount_factor": discount_factor,
            "present_value": present,
            "cumulative_value": np.cumsum(present),
        }
    )


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
        Number of years projected (n, at least 1).

    Returns
    -------
    float

    Examples
    --------
    >>> round(berger_nasr(100, 20, 0.8, 0.1, 5), 2)
    256.72
    """
    gc = as_number(gross_contribution, "gross_contribution", meaning="the yearly gross contribution per customer")
    cost = as_number(promotion_cost, "promotion_cost", meaning="the yearly promotion spending per customer")
    if cost < 0:
        raise ValueError(
            f"promotion_cost must be 0 or more (the yearly promotion spending per customer); you gave {promotion_cost!r}."
        )
    r = _retention(retention)
    d = _discount(discount_rate)
    n = as_whole_number(years, "years", meaning="the number of years projected")
    k = np.arange(0, n + 1)
    revenue = gc * np.sum(r**k / (1 + d) ** k)
    k = np.arange(1, n + 1)
    promotion = cost * np.sum(r ** (k - 1) / (1 + d) ** (k - 0.5))
    return float(revenue - promotion)


#: Columns of the table :func:`compare_customers` reads.
COMPARISON_COLUMNS = {
    "customer": "a name for the customer or segment",
    "annual_margin": "yearly margin per customer, in money",
    "retention_rate": "share who stay each year, as a decimal (0.8 for 80%)",
    "acquisition_cost": "optional: what it costs to win the customer (0 for an existing one)",
}


def compare_customers(
    customers: pd.DataFrame,
    *,
    discount_rate: float = 0.1,
    timing: str = DEFAULT_TIMING,
) -> pd.DataFrame:
    """Compare the lifetime values of several customers side by side.

    Parameters
    ----------
    customers : pandas.DataFrame
        One row per customer with the columns ``customer``, ``annual_margin``
        and ``retention_rate``, and optionally ``acquisition_cost``
        (see :data:`COMPARISON_COLUMNS`). Other columns are kept as they are.
    discount_rate : float
        Yearly discount rate applied to every customer, in [0, 1).
    timing : str
        Timing convention, as for :func:`lifetime_value`.

    Returns
    -------
    pandas.DataFrame
        The input columns plus ``acquisition_cost`` (0 when absent),
        ``expected_years`` (1 / (1 - r), the average remaining life, undiscounted),
        ``lifetime_value``, ``net_value`` (lifetime value minus acquisition cost)
        and ``rank`` (1 = highest net value).

    Raises
    ------
    ValueError
        When a column is missing or a cell is not a usable number; the message
        names the column and the line.

    Examples
    --------
    >>> table = pd.DataFrame({"customer": ["A", "B"], "annual_margin": [100, 100],
    ...                       "retention_rate": [0.8, 0.9]})
    >>> compare_customers(table)["lifetime_value"].round(2).tolist()
    [266.67, 450.0]
    """
    required = ["customer", "annual_margin", "retention_rate"]
    require_columns(customers, required, optional=["acquisition_cost"])
    if customers.empty:
        raise ValueError(
            f"{customers.attrs.get('source', 'the table')}: has no customers; add at least one row."
        )
    i = _discount(discount_rate)
    _timing(timing)
    margin = numeric_column(customers, "annual_margin", meaning=COMPARISON_COLUMNS["annual_margin"])
    retention = numeric_column(
        customers, "retention_rate", meaning=COMPARISON_COLUMNS["retention_rate"],
        low=0, high=1, high_inclusive=False,
    )
    if "acquisition_cost" in customers.columns:
        acquisition = numeric_column(
            customers, "acquisition_cost", meaning=COMPARISON_COLUMNS["acquisition_cost"], low=0
        )
    else:
        acquisition = pd.Series(0.0, index=customers.index)
    names = customers["customer"]
    blank = names.isna() | (names.astype(str).str.strip() == "")
    if blank.any():
        first = int(blank.to_numpy().nonzero()[0][0])
        raise ValueError(
            f"column 'customer' must name every customer; {where(customers, first)} is empty."
        )
    result = customers.copy()
    result.attrs = {}
    result["acquisition_cost"] = acquisition.to_numpy()
    result["expected_years"] = (1 / (1 - retention)).to_numpy()
    result["lifetime_value"] = [
        lifetime_value(m, r, i, timing=timing) for m, r in zip(margin, retention)
    ]
    result["net_value"] = result["lifetime_value"] - result["acquisition_cost"]
    result["rank"] = result["net_value"].rank(ascending=False, method="min").astype(int)
    return result


def opening_case() -> pd.DataFrame:
    """The two accounts of the course's opening case, "What would you do?".

    A new account that buys on price and switches at the next deal, and a
    loyal account. The numbers are the course's own, invented for teaching;
    they are read from the course's cases (``data/cases.yml``, see
    :mod:`customer_focus.cases`), so the pages, the interactive comparison,
    the exercise and the scenario all use the same ones.

    Returns
    -------
    pandas.DataFrame
        Columns as in :data:`COMPARISON_COLUMNS`.

    Examples
    --------
    >>> opening_case()["customer"].str.split().str[0].tolist()
    ['Crestline', 'Harbor']
    """
    from .cases import course_cases  # the cases' figures use this module: import on use

    cases = course_cases()
    return pd.DataFrame(
        [
            {
                "customer": cases.text(f"opening.{key}.label"),
                "annual_margin": cases[f"opening.{key}.margin"],
                "retention_rate": cases[f"opening.{key}.retention"],
                "acquisition_cost": cases[f"opening.{key}.cost_to_win"],
            }
            for key in ("crestline", "harbor")
        ]
    )


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
    ValueError
        When the margin is not positive, or the target is out of reach
        (it would need a retention of 1 or more) or below what zero retention
        already gives.

    Examples
    --------
    >>> round(breakeven_retention(100, 266.67, 0.1), 3)
    0.8
    """
    m = as_number(margin, "margin", meaning=_MARGIN_MEANING)
    if m <= 0:
        raise ValueError(
            f"margin must be positive to find a break-even retention; you gave {margin!r}. "
            f"A customer with no margin is never worth more by staying longer."
        )
    target = as_number(target_value, "target_value", meaning="the net lifetime value to reach")
    i = _discount(discount_rate)
    cost = as_number(acquisition_cost, "acquisition_cost", meaning="the cost of winning the customer")
    if cost < 0:
        raise ValueError(f"acquisition_cost must be 0 or more; you gave {acquisition_cost!r}.")
    needed = target + cost
    if needed < 0:
        raise ValueError(
            f"target_value {target:,.2f} is below what the customer is worth even if it never "
            f"renews ({-cost:,.2f}); any retention rate reaches it."
        )
    retention = needed * (1 + i) / (m + needed)
    if retention >= 1:
        raise ValueError("no retention rate below 1 reaches that target; lower the target.")
    return retention


#: The paper version of the lifetime value worksheet (``{printable-form} clv``).
PRINTABLE_FORM = FormSpec(
    title="Customer lifetime value worksheet",
    intro=(
        "Lifetime value = yearly margin × r / (1 + i − r), with r the retention rate and i the discount "
        "rate, both as decimals (the course's convention: the first margin arrives after the first "
        "renewal). Net value = lifetime value − cost to win the customer."
    ),
    sections=(
        Section(
            "Assumptions",
            fields=(
                Field("Discount rate (i)", unit="%", hint="The yearly cost of money your finance team uses."),
                Field("Prepared by and date"),
            ),
        ),
        Section(
            "Customers",
            columns=(
                "Customer or segment", "Yearly margin ($)", "Retention rate (r)", "Margin multiple r/(1+i−r)",
                "Lifetime value ($)", "Cost to win ($)", "Net value ($)",
            ),
            rows=8,
        ),
        Section(
            "What the numbers say",
            fields=(Field("Which customers are worth most, net of the cost of winning them?"), Field("What would raising retention by five points be worth?")),
        ),
    ),
)
