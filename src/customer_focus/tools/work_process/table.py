"""Improving work processes over a table: the learner's steps, analyzed, summed and ranked.

The arithmetic is :mod:`customer_focus.tools.work_process.calc`'s; this
module reads the learner's steps (a CSV or Excel file read with
:func:`customer_focus.core.tables.read_table`, or a DataFrame), names the
file, line and column of anything it cannot use, and returns pandas tables.
Yes/no columns accept ``yes``/``no``, ``y``/``n``, ``true``/``false`` and
``1``/``0``, in any capitals, and a spreadsheet's TRUE/FALSE.
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from ...core.messages import Messages
from ...core.tables import name_column, numeric_column, require_columns, where, yes_no_column
from ..spec import load_spec
from . import calc, describe

_ = Messages("tools.work_process")
n_ = _.plural

__all__ = [
    "STEP_COLUMNS", "example_steps", "analyze_process", "process_summary", "where_to_improve",
]

_STEPS = load_spec("work_process").tables["steps"]

#: Columns of the table :func:`analyze_process` reads, with what each holds.
STEP_COLUMNS: dict[str, str] = _STEPS.helps

#: Columns :func:`analyze_process` adds; a table holding them all is already analyzed.
_ADDED = ("order", "start_minute", "end_minute", "share_of_time", "to_improve")


def _answers(steps: pd.DataFrame, column: str) -> pd.Series:
    return yes_no_column(steps, column, meaning=calc.FIELDS[column].help)


def _text(table: pd.DataFrame, column: str) -> pd.Series:
    """A text column without surrounding spaces, empty cells as ""; all "" when absent."""
    if column not in table.columns:
        return pd.Series("", index=table.index, dtype=object)
    return pd.Series(
        ["" if value is None or pd.isna(value) else str(value).strip() for value in table[column]],
        index=table.index,
        dtype=object,
    )


def example_steps() -> pd.DataFrame:
    """The spec's worked example as a learner's file gives it: one row per step, the yes/no
    answers as ``yes``/``no`` and an empty ``what_goes_wrong`` where a step does not fail.

    Its texts (the steps, what goes wrong) are in the language the package speaks
    (:func:`.calc.course_example`).

    Examples
    --------
    >>> example_steps()["adds_value"].tolist()
    ['no', 'no', 'no', 'yes', 'yes', 'no']
    """
    rows = [
        {
            "step": row["step"], "minutes": row["minutes"],
            "adds_value": "yes" if row["adds_value"] else "no",
            "fail_point": "yes" if row["fail_point"] else "no",
            "what_goes_wrong": row.get("what_goes_wrong", ""),
        }
        for row in calc.course_example()["steps"]
    ]
    return pd.DataFrame(rows)


def analyze_process(steps: pd.DataFrame) -> pd.DataFrame:
    """Annotate each step of a process: timing, share of the time, what to improve.

    Parameters
    ----------
    steps : pandas.DataFrame
        One row per step, in the order they happen, with the columns
        ``step``, ``minutes``, ``adds_value`` and ``fail_point``, and
        ``what_goes_wrong`` when any step is a fail point; optionally
        ``who`` and ``customer_sees`` (see :data:`STEP_COLUMNS`). Other
        columns are kept.

    Returns
    -------
    pandas.DataFrame
        The input columns, with ``adds_value``, ``fail_point`` (and
        ``customer_sees`` when given) as True/False and
        ``what_goes_wrong`` as text ("" when empty), plus ``order`` (1, 2,
        ...), ``start_minute`` and ``end_minute`` (elapsed time since the
        process began, one step after another), ``share_of_time`` (the
        step's minutes as a decimal share of the total) and ``to_improve``
        (why and how to improve the step, or "" when it adds value and is not
        a fail point): see :func:`customer_focus.tools.work_process.calc.analyze`.

    Raises
    ------
    ValueError
        When a column is missing, a step has no name, minutes are not a
        number of 0 or more, a yes/no cell holds anything else, a fail point
        has no description, or the total time is 0; the message names the
        column and the row.

    Examples
    --------
    >>> steps = pd.DataFrame({"step": ["Wait", "Repair"], "minutes": [30, 90],
    ...                       "adds_value": ["no", "yes"], "fail_point": ["no", "no"]})
    >>> analyze_process(steps)["share_of_time"].tolist()
    [0.25, 0.75]
    """
    require_columns(steps, _STEPS.required, optional=_STEPS.optional)
    source = steps.attrs.get("source", _("the table"))
    if steps.empty:
        raise ValueError(
            _("{source}: has no steps; write one row per step, in order.").format(source=source))
    names = name_column(steps, "step", "step").astype(str).str.strip()
    minutes = numeric_column(steps, "minutes", meaning=STEP_COLUMNS["minutes"], low=0)
    adds_value = _answers(steps, "adds_value")
    fail_point = _answers(steps, "fail_point")
    if fail_point.any() and "what_goes_wrong" not in steps.columns:
        count = int(fail_point.sum())
        raise ValueError(describe.no_description_column(source, count))
    wrong = _text(steps, "what_goes_wrong")
    undescribed = fail_point & (wrong == "")
    if undescribed.any():
        rows = [where(steps, int(i)) for i in np.flatnonzero(undescribed.to_numpy())]
        raise ValueError(describe.undescribed(rows))
    if float(minutes.sum()) <= 0:
        raise ValueError(describe.zero_minutes(source))
    result = steps.copy()
    result.attrs = {}
    result["step"] = names.to_numpy()
    result["minutes"] = minutes.to_numpy()
    result["adds_value"] = adds_value.to_numpy()
    result["fail_point"] = fail_point.to_numpy()
    result["what_goes_wrong"] = wrong.to_numpy()
    if "customer_sees" in steps.columns:
        result["customer_sees"] = _answers(steps, "customer_sees").to_numpy()
    analyzed = calc.analyze(
        result[["minutes", "adds_value", "fail_point", "what_goes_wrong"]].to_dict("records")
    )
    result.insert(0, "order", [row["order"] for row in analyzed])
    for column in _ADDED[1:]:
        result[column] = [row[column] for row in analyzed]
    return result


def _analysis(steps: pd.DataFrame) -> pd.DataFrame:
    """Accept either the learner's steps or the output of analyze_process."""
    if isinstance(steps, pd.DataFrame) and set(_ADDED) <= set(steps.columns):
        return steps
    return analyze_process(steps)


def process_summary(steps: pd.DataFrame) -> dict[str, float]:
    """The process at a glance: total time, value-added time and share, fail points.

    Parameters
    ----------
    steps : pandas.DataFrame
        The steps (as for :func:`analyze_process`) or its output.

    Returns
    -------
    dict
        As :func:`customer_focus.tools.work_process.calc.summary` returns it:
        ``steps``, ``total_minutes``, ``value_added_minutes``,
        ``value_added_share`` (a decimal), ``non_value_added_minutes``,
        ``fail_points`` and ``steps_to_improve``; with a ``customer_sees``
        column, also ``customer_minutes``.

    Examples
    --------
    >>> steps = pd.DataFrame({"step": ["Wait", "Repair"], "minutes": [30, 90],
    ...                       "adds_value": ["no", "yes"], "fail_point": ["no", "no"]})
    >>> process_summary(steps)["value_added_share"]
    0.75
    """
    table = _analysis(steps)
    columns = ["minutes", "adds_value", "fail_point"]
    if "customer_sees" in table.columns:
        columns.append("customer_sees")
    return calc.summary(table[columns].to_dict("records"))


def where_to_improve(steps: pd.DataFrame) -> pd.DataFrame:
    """The improvement list: steps that add no value, longest first, then the other fail points.

    The order is :func:`customer_focus.tools.work_process.calc.improvement_order`'s:
    every step that adds no value for the customer, by its minutes (longest
    first; equal times in process order), then every fail point that does add
    value, in process order, so that no fail point is left out.

    Parameters
    ----------
    steps : pandas.DataFrame
        The steps (as for :func:`analyze_process`) or its output.

    Returns
    -------
    pandas.DataFrame
        Columns ``priority`` (1, 2, ...), ``order`` (the step's place in the
        process), ``step``, ``minutes``, ``share_of_time``, ``adds_value``,
        ``fail_point``, ``what_goes_wrong`` and ``to_improve``. Empty (with
        these columns) when every step adds value and none is a fail point.

    Examples
    --------
    >>> steps = pd.DataFrame({"step": ["Book", "Wait", "Repair"], "minutes": [5, 30, 90],
    ...                       "adds_value": ["no", "no", "yes"], "fail_point": ["no", "no", "yes"],
    ...                       "what_goes_wrong": ["", "", "Part missing"]})
    >>> where_to_improve(steps)["step"].tolist()
    ['Wait', 'Book', 'Repair']
    """
    table = _analysis(steps)
    columns = [
        "order", "step", "minutes", "share_of_time", "adds_value", "fail_point",
        "what_goes_wrong", "to_improve",
    ]
    rows = table[["minutes", "adds_value", "fail_point"]].to_dict("records")
    order = calc.improvement_order(rows)
    listing = table.iloc[order][columns].reset_index(drop=True)
    listing.insert(0, "priority", np.arange(1, len(listing) + 1))
    return listing
