"""Lifetime value over many rows: a year-by-year table, and customers side by side.

The arithmetic is :mod:`customer_focus.tools.lifetime_value.calc`'s; this
module puts it in pandas tables and reads the learner's list of customers (a
CSV or Excel file read with :func:`customer_focus.core.tables.read_table`),
naming the file, line and column of anything it cannot use.
"""

from __future__ import annotations

from functools import cache

import pandas as pd

from ...core.messages import Messages, current_language
from ...core.tables import numeric_column, require_columns, where
from ..spec import load_spec
from . import calc

_ = Messages("tools.lifetime_value")

__all__ = ["COMPARISON_COLUMNS", "lifetime_value_schedule", "compare_customers"]

_CUSTOMERS = load_spec("lifetime_value").tables["customers"]

#: Columns of the table :func:`compare_customers` reads, with what each holds.
COMPARISON_COLUMNS: dict[str, str] = _CUSTOMERS.helps


@cache
def _helps(language: str | None) -> dict[str, str]:
    """What each column of the customers' table holds, in ``language`` (for the messages)."""
    return load_spec("lifetime_value", language).tables["customers"].helps


def lifetime_value_schedule(
    margin: float,
    retention: float,
    discount_rate: float,
    *,
    timing: str = calc.DEFAULT_TIMING,
    years: int = 10,
) -> pd.DataFrame:
    """Year-by-year build-up of a customer's lifetime value, as a table.

    Parameters
    ----------
    margin, retention, discount_rate, timing, years
        As for :func:`customer_focus.tools.lifetime_value.calc.schedule`.

    Returns
    -------
    pandas.DataFrame
        One row per year with columns ``year``, ``survival`` (probability the
        customer still pays that year's margin), ``expected_margin``,
        ``discount_factor``, ``present_value`` and ``cumulative_value``.
        The last ``cumulative_value`` equals
        ``calc.lifetime_value(..., horizon=years)``.

    Examples
    --------
    >>> table = lifetime_value_schedule(100, 0.8, 0.1, years=3)
    >>> table["present_value"].round(2).tolist()
    [72.73, 52.89, 38.47]
    """
    rows = calc.schedule(margin, retention, discount_rate, timing=timing, years=years)
    return pd.DataFrame(rows)


def compare_customers(
    customers: pd.DataFrame,
    *,
    discount_rate: float = 0.1,
    timing: str = calc.DEFAULT_TIMING,
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
        Timing convention, as for :func:`calc.lifetime_value`.

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
    require_columns(customers, _CUSTOMERS.required, optional=_CUSTOMERS.optional)
    if customers.empty:
        source = customers.attrs.get("source", _("the table"))
        raise ValueError(_("{source}: has no customers; add at least one row.").format(
            source=source))
    i = calc.FIELDS["discount_rate"].check(discount_rate)
    calc.FIELDS["timing"].check(timing)
    helps = _helps(current_language())
    margin = numeric_column(customers, "annual_margin", meaning=helps["annual_margin"])
    retention = numeric_column(
        customers, "retention_rate", meaning=helps["retention_rate"],
        low=0, high=1, high_inclusive=False,
    )
    if "acquisition_cost" in customers.columns:
        acquisition = numeric_column(
            customers, "acquisition_cost", meaning=helps["acquisition_cost"], low=0
        )
    else:
        acquisition = pd.Series(0.0, index=customers.index)
    names = customers["customer"]
    blank = names.isna() | (names.astype(str).str.strip() == "")
    if blank.any():
        first = int(blank.to_numpy().nonzero()[0][0])
        raise ValueError(
            _("column 'customer' must name every customer; {where} is empty.").format(
                where=where(customers, first))
        )
    result = customers.copy()
    result.attrs = {}
    result["acquisition_cost"] = acquisition.to_numpy()
    result["expected_years"] = (1 / (1 - retention)).to_numpy()
    result["lifetime_value"] = [
        calc.lifetime_value(m, r, i, timing=timing)
        for m, r in zip(margin, retention, strict=True)
    ]
    result["net_value"] = result["lifetime_value"] - result["acquisition_cost"]
    result["rank"] = result["net_value"].rank(ascending=False, method="min").astype(int)
    return result

