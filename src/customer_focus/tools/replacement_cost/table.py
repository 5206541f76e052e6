"""Replacement cost as tables: one employee line by line, other shares, several employees.

The arithmetic is :mod:`customer_focus.tools.replacement_cost.calc`'s; this
module puts it in pandas tables and reads the learner's list of employees (a
CSV or Excel file read with :func:`customer_focus.core.tables.read_table`),
naming the file, line and column of anything it cannot use.
"""

from __future__ import annotations

from typing import Any

import pandas as pd

from ...core.messages import Messages
from ...core.tables import field_limits, named_rows, numeric_column, optional_numbers, where
from ..spec import load_spec
from . import calc, describe

_ = Messages("tools.replacement_cost")

__all__ = ["EMPLOYEE_COLUMNS", "RESULT_COLUMNS", "by_category", "share_scenarios", "as_row",
           "compare_employees"]

_EMPLOYEES = load_spec("replacement_cost").tables["employees"]

#: Columns of the table :func:`compare_employees` reads, with what each holds.
EMPLOYEE_COLUMNS: dict[str, str] = _EMPLOYEES.helps

#: The columns of :func:`as_row` and :func:`compare_employees` (after any extra columns).
RESULT_COLUMNS = [
    "employee", "annual_pay",
    *(name for name in calc.CATEGORIES if name != "customers_who_may_follow"),
    "employee_costs", "customers_who_may_follow", "total", "share_of_pay",
]


def by_category(cost: calc.ReplacementCost) -> pd.DataFrame:
    """One employee's cost line by line.

    Returns
    -------
    pandas.DataFrame
        One row per line of
        :data:`~customer_focus.tools.replacement_cost.calc.CATEGORIES`:
        ``category`` (its label), ``covers`` and ``amount``.

    Examples
    --------
    >>> cost = calc.cost_of_losing(**calc.course_example())
    >>> by_category(cost)["amount"].round(2).tolist()[-1]
    102000.0
    """
    return pd.DataFrame(
        {"category": label, "covers": covers, "amount": cost.amount(name)}
        for name, (label, covers) in calc.CATEGORIES.items()
    )


def share_scenarios(
    cost: calc.ReplacementCost, shares: tuple[float, ...] = (0.0, 0.1, 0.2, 0.3, 0.5)
) -> pd.DataFrame:
    """The total for other guesses of the share of customers who might follow, as a table.

    Returns
    -------
    pandas.DataFrame
        ``share_who_follow``, ``customers_following``,
        ``customers_who_may_follow`` (their lifetime value) and ``total``; see
        :meth:`~customer_focus.tools.replacement_cost.calc.ReplacementCost.share_scenarios`.

    Examples
    --------
    >>> cost = calc.cost_of_losing(**calc.course_example())
    >>> share_scenarios(cost, (0.0, 0.5))["customers_following"].tolist()
    [0.0, 15.0]
    """
    return pd.DataFrame(cost.share_scenarios(shares))


def as_row(cost: calc.ReplacementCost) -> pd.DataFrame:
    """The estimate as one row with the columns of :func:`compare_employees`.

    Examples
    --------
    >>> as_row(calc.cost_of_losing(**calc.course_example())).columns.tolist()[-4:]
    ['employee_costs', 'customers_who_may_follow', 'total', 'share_of_pay']
    """
    row: dict[str, Any] = {"employee": cost.employee, "annual_pay": cost.annual_pay}
    row.update({name: cost.amount(name) for name in calc.CATEGORIES})
    row["employee_costs"] = cost.employee_costs
    row.update({"total": cost.total, "share_of_pay": cost.share_of_pay})
    return pd.DataFrame([row])[RESULT_COLUMNS]


def _pay_columns(table: pd.DataFrame) -> tuple[pd.Series, pd.Series]:
    """Each row's salary and hourly rate (NaN where empty), checking that exactly one is filled."""
    if "salary" not in table.columns and "hourly_rate" not in table.columns:
        raise ValueError(_(
            "{source}: needs a 'salary' column, an 'hourly_rate' column, or both (each "
            "employee fills one). Columns found: {columns}."
        ).format(source=table.attrs.get("source", _("the table")),
                 columns=", ".join(map(str, table.columns))))
    values = {}
    for column in ("salary", "hourly_rate"):
        if column not in table.columns:
            values[column] = pd.Series(float("nan"), index=table.index)
            continue
        raw = table[column]
        blank = raw.isna() | (raw.astype(str).str.strip() == "")
        numbers = optional_numbers(table, column, meaning=EMPLOYEE_COLUMNS[column], low=0)
        values[column] = numbers.where(~blank)
    salary, hourly = values["salary"], values["hourly_rate"]
    both = salary.notna() & hourly.notna()
    neither = salary.isna() & hourly.isna()
    for mask, problem in ((both, calc.PAY_BOTH), (neither, calc.PAY_NEITHER)):
        if mask.any():
            first = int(mask.to_numpy().nonzero()[0][0])
            raise ValueError(_(problem).format(place=where(table, first)))
    return salary, hourly


def _covers(employees: pd.DataFrame) -> pd.Series:
    """Each row's cover, lower-cased; an empty cell, or no column, is the default cover."""
    if "cover" not in employees.columns:
        return pd.Series(calc.DEFAULT_COVER, index=employees.index)
    raw = employees["cover"]
    blank = raw.isna() | (raw.astype(str).str.strip() == "")
    covers = raw.astype(object).where(blank, raw.astype(str).str.strip().str.lower())
    covers = covers.where(~blank, calc.DEFAULT_COVER)
    unknown = ~covers.isin(list(calc.COVERS))
    if unknown.any():
        positions = [int(i) for i in unknown.to_numpy().nonzero()[0]]
        raise ValueError(
            describe.bad_covers([(where(employees, i), raw.iloc[i]) for i in positions])
        )
    return covers


def compare_employees(
    employees: pd.DataFrame,
    *,
    discount_rate: float = calc.FIELDS["discount_rate"].default,
    overtime_premium: float = calc.DEFAULT_OVERTIME_PREMIUM,
) -> pd.DataFrame:
    """The cost of losing each of several employees, customers included.

    Parameters
    ----------
    employees : pandas.DataFrame
        One row per employee with the columns ``employee``, ``salary`` or
        ``hourly_rate`` (one per row), ``hours_per_week``,
        ``weeks_to_full_productivity`` and ``productivity_while_learning``,
        and any optional column of :data:`EMPLOYEE_COLUMNS` (a missing column
        or an empty cell counts as 0; an empty ``cover`` is ``"overtime"``).
    discount_rate : float
        Yearly discount rate for the customers' lifetime value, in [0, 1).
    overtime_premium : float
        Extra paid for overtime, from 0 to 1 (0.5 for time and a half).

    Returns
    -------
    pandas.DataFrame
        ``employee``, any extra columns of the input (such as ``job``), then
        the columns of :data:`RESULT_COLUMNS`: ``annual_pay``, one column per
        line of :data:`~customer_focus.tools.replacement_cost.calc.CATEGORIES`
        (``separation``, ``vacancy``, ``replacement``, ``training``,
        ``learning_curve``), ``employee_costs``, ``customers_who_may_follow``,
        ``total`` and ``share_of_pay``.

    Raises
    ------
    ValueError
        When a column is missing or misspelled, or a cell is not usable; the
        message names the column and the line.

    Examples
    --------
    >>> table = pd.DataFrame({"employee": ["Sam"], "hourly_rate": [25], "hours_per_week": [40],
    ...                       "weeks_to_full_productivity": [10],
    ...                       "productivity_while_learning": [0.5]})
    >>> compare_employees(table)["total"].tolist()
    [5000.0]
    """
    names = named_rows(
        employees, list(EMPLOYEE_COLUMNS), _EMPLOYEES.required, names="employee", what="employee"
    )
    fixed = {"discount_rate": discount_rate, "overtime_premium": overtime_premium}
    calc.FIELDS.check(discount_rate=discount_rate)  # the two settings are checked once, here
    calc.vacancy_cost(0, 0, overtime_premium=overtime_premium)
    salary, hourly = _pay_columns(employees)
    numbers = {
        column: (numeric_column if column in _EMPLOYEES.required else optional_numbers)(
            employees, column, meaning=meaning, **field_limits(calc.FIELDS[column])
        )
        for column, meaning in EMPLOYEE_COLUMNS.items()
        if column not in ("employee", "salary", "hourly_rate", "cover")
    }
    covers = _covers(employees)
    rows = []
    for position in range(len(employees)):
        inputs = {name: float(values.iloc[position]) for name, values in numbers.items()}
        if pd.notna(salary.iloc[position]):
            inputs["salary"] = float(salary.iloc[position])
        else:
            inputs["hourly_rate"] = float(hourly.iloc[position])
        try:
            estimate = calc.cost_of_losing(
                employee=str(names.iloc[position]), cover=str(covers.iloc[position]),
                **fixed, **inputs,
            )
        except ValueError as error:
            raise ValueError(
                _("{place}: {error}").format(place=where(employees, position), error=error)
            ) from None
        rows.append(as_row(estimate).iloc[0])
    computed = pd.DataFrame(rows).reset_index(drop=True)
    computed["employee"] = names.to_numpy()
    extra = [column for column in employees.columns if column not in EMPLOYEE_COLUMNS]
    for offset, column in enumerate(extra, start=1):
        computed.insert(offset, column, employees[column].to_numpy())
    for column in RESULT_COLUMNS[1:]:
        computed[column] = computed[column].astype(float)
    return computed
