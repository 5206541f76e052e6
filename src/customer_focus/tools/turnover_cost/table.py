"""Turnover cost as tables: one departure line by line, and several jobs from a file.

The arithmetic is :mod:`customer_focus.tools.turnover_cost.calc`'s; this
module puts it in pandas tables and reads the learner's list of jobs (a CSV or
Excel file read with :func:`customer_focus.core.tables.read_table`), naming
the file, line and column of anything it cannot use.
"""

from __future__ import annotations

from typing import Any

import pandas as pd

from ...core.messages import Messages
from ...core.tables import field_limits, named_rows, numeric_column, optional_numbers, where
from ..spec import load_spec
from . import calc

__all__ = ["JOB_COLUMNS", "line_items", "by_category", "as_row", "compare_jobs"]

_ = Messages("tools.turnover_cost")

_JOBS = load_spec("turnover_cost").tables["jobs"]

#: Columns of the table :func:`compare_jobs` reads, with what each holds: the required
#: ones, then the optional line items.
JOB_COLUMNS: dict[str, str] = _JOBS.helps


def line_items(cost: calc.TurnoverCost) -> pd.DataFrame:
    """One departure's cost (:func:`~.calc.turnover_cost`) item by item.

    One row per line item: ``category`` (the line's label), ``item`` and
    ``amount``; the learning curve is the last, computed, item.

    Examples
    --------
    >>> line_items(calc.turnover_cost(**calc.course_example()))["item"].tolist()[-2:]
    ['materials', 'learning_curve']
    """
    labels = {**calc.LINE_ITEMS, "learning_curve": "learning_curve"}
    return pd.DataFrame(
        [
            {"category": _(calc.CATEGORIES[labels[item]].label), "item": item, "amount": amount}
            for item, amount in cost.items.items()
        ]
    )


def by_category(cost: calc.TurnoverCost) -> pd.DataFrame:
    """One departure's cost line by line, with Cascio's categories.

    Returns
    -------
    pandas.DataFrame
        One row per line of :data:`~customer_focus.tools.turnover_cost.calc.CATEGORIES`:
        ``category`` (the course's label), ``covers``, ``cascio`` (Cascio's
        category), ``amount`` and ``share_of_total``.

    Examples
    --------
    >>> by_category(calc.turnover_cost(**calc.course_example()))["amount"].tolist()[:2]
    [300.0, 2000.0]
    """
    return pd.DataFrame(
        {
            "category": _(spec.label), "covers": _(spec.covers), "cascio": _(spec.cascio),
            "amount": cost.amount(name), "share_of_total": cost.share_of_total(name),
        }
        for name, spec in calc.CATEGORIES.items()
    )


def as_row(cost: calc.TurnoverCost, job: str = calc.FIELDS["job"].default) -> pd.DataFrame:
    """The estimate as one row with the columns of :func:`compare_jobs` (``job`` names the job).

    Examples
    --------
    >>> as_row(calc.turnover_cost(**calc.course_example()), "Agent").columns.tolist()[:3]
    ['job', 'salary', 'separation']
    """
    row: dict[str, Any] = {"job": job, "salary": cost.salary}
    row.update({name: cost.amount(name) for name in calc.CATEGORIES})
    row.update({"total": cost.total, "share_of_salary": cost.share_of_salary})
    return pd.DataFrame([row])


def compare_jobs(jobs: pd.DataFrame) -> pd.DataFrame:
    """The turnover cost of several jobs, one row per job, by line.

    Parameters
    ----------
    jobs : pandas.DataFrame
        One row per job with the columns ``job``, ``salary``,
        ``weeks_to_full_productivity`` and ``productivity_while_learning``,
        and any of the line-item columns of
        :data:`~customer_focus.tools.turnover_cost.calc.LINE_ITEMS` (a missing
        column or an empty cell counts as 0). See :data:`JOB_COLUMNS`.

    Returns
    -------
    pandas.DataFrame
        ``job``, any extra columns of the input, then ``salary``, one column
        per line of :data:`~customer_focus.tools.turnover_cost.calc.CATEGORIES`
        (``separation``, ``vacancy``, ``replacement``, ``training``,
        ``learning_curve``), ``total`` and ``share_of_salary``.

    Raises
    ------
    ValueError
        When a column is missing or misspelled, or a cell is not a usable
        number; the message names the column and the line.

    Examples
    --------
    >>> table = pd.DataFrame({"job": ["Agent"], "salary": [36000],
    ...                       "weeks_to_full_productivity": [12],
    ...                       "productivity_while_learning": [0.5], "hr_admin": [300]})
    >>> compare_jobs(table)["total"].round(2).tolist()
    [4453.85]
    """
    names = named_rows(jobs, list(JOB_COLUMNS), _JOBS.required, names="job", what="job")
    salary = numeric_column(jobs, "salary", meaning=JOB_COLUMNS["salary"], low=0)
    zero = salary <= 0
    if zero.any():
        first = int(zero.to_numpy().nonzero()[0][0])
        raise ValueError(
            _("column 'salary' ({meaning}) must be more than 0 in every row; "
              "{where} holds 0. Type the yearly salary, for example 36000.").format(
                meaning=JOB_COLUMNS["salary"], where=where(jobs, first))
        )
    columns = {name: {"meaning": JOB_COLUMNS[name], **field_limits(calc.FIELDS[name])}
               for name in JOB_COLUMNS if name not in ("job", "salary")}
    learning = {
        name: numeric_column(jobs, name, **columns[name])
        for name in ("weeks_to_full_productivity", "productivity_while_learning")
    }
    amounts = {name: optional_numbers(jobs, name, **columns[name]) for name in calc.LINE_ITEMS}
    costs = [
        calc.turnover_cost(
            float(salary.iloc[row]),
            **{name: float(values.iloc[row]) for name, values in {**learning, **amounts}.items()},
        )
        for row in range(len(jobs))
    ]
    result = pd.DataFrame({"job": names.to_numpy()})
    for column in jobs.columns:
        if column not in JOB_COLUMNS:
            result[column] = jobs[column].to_numpy()
    result["salary"] = salary.to_numpy()
    for name in calc.CATEGORIES:
        result[name] = [cost.amount(name) for cost in costs]
    result["total"] = [cost.total for cost in costs]
    result["share_of_salary"] = [cost.share_of_salary for cost in costs]
    return result
