"""Improving work processes: walk a process as the customer, step by step.

A customer-friendly process asks as little effort of the customer as possible
and has as few points as possible where things can go wrong (the course's
chapter *Delivering value*, "Customer-friendly processes"). This module takes
a process written down as ordered steps and answers three questions:

* How long does the whole process take, and how much of that time adds value
  for the customer?
* Where are the fail points, the steps where things often go wrong?
* Where to improve first: the steps that add no value, longest first (remove,
  shorten or run them in parallel), and every fail point (make it
  fail-safe).

No statistics are involved: the numbers are sums of the minutes you write
down, and what "adds value" means is your team's judgment, made from the
customer's side. A step adds value when the customer would pay for it or
would notice if it were gone (the repair itself, not the wait for a bay).

Yes/no columns accept ``yes``/``no``, ``y``/``n``, ``true``/``false`` and
``1``/``0``, in any capitals, and a spreadsheet's TRUE/FALSE.
"""

from __future__ import annotations

import numbers

import numpy as np
import pandas as pd

from .tools.spec import Blank as Field, FormSpec, Section
from .core.tables import numeric_column, require_columns, where

__all__ = [
    "STEP_COLUMNS",
    "YES_WORDS",
    "NO_WORDS",
    "as_yes_no",
    "yes_no_column",
    "analyze_process",
    "process_summary",
    "where_to_improve",
    "PRINTABLE_FORM",
]

#: Columns of the table :func:`analyze_process` reads.
STEP_COLUMNS = {
    "step": "what happens, in a few words; one row per step, in the order they happen",
    "minutes": "elapsed time of the step in minutes, waiting included",
    "adds_value": "yes if the step adds value for the customer (they would pay for it or miss it), no if not",
    "fail_point": "yes if things often go wrong at this step, no if not",
    "what_goes_wrong": "for each fail point, what goes wrong, in a few words (needed when any step is a fail point)",
    "who": "optional: who does the step",
    "customer_sees": "optional: yes if the customer sees or takes part in the step, no if it happens out of sight",
}
_REQUIRED = ["step", "minutes", "adds_value", "fail_point"]
_OPTIONAL = ["what_goes_wrong", "who", "customer_sees"]

#: Words read as yes and as no (any capitals; surrounding spaces ignored).
YES_WORDS = ("yes", "y", "true", "1")
NO_WORDS = ("no", "n", "false", "0")

_REMOVE = "Remove it, shorten it, or run it alongside another step."
_FAIL_SAFE = "Make it fail-safe: a check, a standard or a confirmation that catches the problem before the customer does."


def _yes_no(value: object) -> bool | None:
    """The answer in ``value``, or None when it is not a yes/no answer."""
    if isinstance(value, (bool, np.bool_)):
        return bool(value)
    if isinstance(value, numbers.Real):
        return True if value == 1 else False if value == 0 else None
    if isinstance(value, str):
        word = value.strip().lower()
        if word in YES_WORDS:
            return True
        if word in NO_WORDS:
            return False
    return None


def _missing(value: object) -> bool:
    return value is None or (not isinstance(value, str) and bool(np.ndim(value) == 0 and pd.isna(value)))


def _shown(value: object) -> str:
    if _missing(value):
        return "empty"
    text = repr(value) if isinstance(value, str) else str(value)
    return text if len(text) <= 30 else text[:27] + "..."


def as_yes_no(value: object, name: str) -> bool:
    """Read one yes/no answer, or raise a ``ValueError`` naming ``name``.

    Parameters
    ----------
    value : object
        ``yes``/``no``, ``y``/``n``, ``true``/``false`` or ``1``/``0`` (any
        capitals), or a bool.
    name : str
        What the answer is about, for the message.

    Returns
    -------
    bool

    Examples
    --------
    >>> as_yes_no(" Yes ", "adds_value"), as_yes_no(0, "fail_point")
    (True, False)
    """
    answer = _yes_no(value)
    if answer is None:
        raise ValueError(
            f"{name} must be yes or no (also accepted: y/n, true/false, 1/0); you gave {_shown(value)}."
        )
    return answer


def yes_no_column(table: pd.DataFrame, column: str, *, meaning: str) -> pd.Series:
    """Return ``table[column]`` as True/False, or raise naming the rows to fix.

    Parameters
    ----------
    table : pandas.DataFrame
        The learner's table (columns already checked).
    column : str
        The yes/no column.
    meaning : str
        What the column says, in a manager's words.

    Returns
    -------
    pandas.Series of bool

    Raises
    ------
    ValueError
        When a cell is empty or holds anything but yes/no, y/n, true/false or
        1/0; the message names up to five such rows and what they hold.

    Examples
    --------
    >>> yes_no_column(pd.DataFrame({"a": ["Y", "no", True]}), "a", meaning="adds value").tolist()
    [True, False, True]
    """
    answers = [_yes_no(value) for value in table[column]]
    bad = [i for i, answer in enumerate(answers) if answer is None]
    if bad:
        shown = "; ".join(f"{where(table, i)}: {_shown(table[column].iloc[i])}" for i in bad[:5])
        more = f" (and {len(bad) - 5} more)" if len(bad) > 5 else ""
        raise ValueError(
            f"column {column!r} ({meaning}) must hold yes or no in every row (also accepted: y/n, "
            f"true/false, 1/0); bad values at {shown}{more}."
        )
    return pd.Series(answers, index=table.index, dtype=bool)


def _text(table: pd.DataFrame, column: str) -> pd.Series:
    if column not in table.columns:
        return pd.Series("", index=table.index, dtype=object)
    values = table[column]
    return pd.Series(
        ["" if _missing(v) else str(v).strip() for v in values],
        index=table.index,
        dtype=object,
    )


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
        a fail point).

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
    require_columns(steps, _REQUIRED, optional=_OPTIONAL)
    source = steps.attrs.get("source", "the table")
    if steps.empty:
        raise ValueError(f"{source}: has no steps; write one row per step, in order.")
    names = steps["step"]
    blank = names.isna() | (names.astype(str).str.strip() == "")
    if blank.any():
        first = int(blank.to_numpy().nonzero()[0][0])
        raise ValueError(f"column 'step' must name every step; {where(steps, first)} is empty.")
    minutes = numeric_column(steps, "minutes", meaning=STEP_COLUMNS["minutes"], low=0)
    adds_value = yes_no_column(steps, "adds_value", meaning="does the step add value for the customer?")
    fail_point = yes_no_column(steps, "fail_point", meaning="do things often go wrong at this step?")
    if fail_point.any() and "what_goes_wrong" not in steps.columns:
        raise ValueError(
            f"{source}: {int(fail_point.sum())} step(s) are marked as fail points, but there is no "
            f"'what_goes_wrong' column. Add it and describe, for each fail point, what goes wrong."
        )
    wrong = _text(steps, "what_goes_wrong")
    undescribed = fail_point & (wrong == "")
    if undescribed.any():
        rows = [where(steps, int(i)) for i in np.flatnonzero(undescribed.to_numpy())]
        raise ValueError(
            f"column 'what_goes_wrong' must say what goes wrong at every fail point; it is empty at "
            f"{', '.join(rows[:5])}{' and more' if len(rows) > 5 else ''}. Describe it in a few words, "
            f"or mark the step as not a fail point."
        )
    total = float(minutes.sum())
    if total <= 0:
        raise ValueError(
            f"{source}: the steps add up to 0 minutes. Write each step's elapsed time, waiting included."
        )
    result = steps.copy()
    result.attrs = {}
    result["step"] = names.astype(str).str.strip().to_numpy()
    result["minutes"] = minutes.to_numpy()
    result["adds_value"] = adds_value.to_numpy()
    result["fail_point"] = fail_point.to_numpy()
    result["what_goes_wrong"] = wrong.to_numpy()
    if "customer_sees" in steps.columns:
        result["customer_sees"] = yes_no_column(
            steps, "customer_sees", meaning="does the customer see or take part in the step?"
        ).to_numpy()
    result.insert(0, "order", np.arange(1, len(result) + 1))
    end = np.cumsum(minutes.to_numpy())
    result["start_minute"] = end - minutes.to_numpy()
    result["end_minute"] = end
    result["share_of_time"] = minutes.to_numpy() / total
    result["to_improve"] = [
        _improvement(row.adds_value, row.fail_point, row.what_goes_wrong, row.minutes, row.share_of_time)
        for row in result[["adds_value", "fail_point", "what_goes_wrong", "minutes", "share_of_time"]].itertuples()
    ]
    return result


def _improvement(adds_value: bool, fail_point: bool, what_goes_wrong: str, minutes: float, share: float) -> str:
    parts = []
    if not adds_value:
        parts.append(f"No value for the customer ({minutes:g} min, {share:.0%} of the time). {_REMOVE}")
    if fail_point:
        parts.append(f"Fail point: {what_goes_wrong.rstrip('.')}. {_FAIL_SAFE}")
    return " ".join(parts)


def _analysis(steps: pd.DataFrame) -> pd.DataFrame:
    """Accept either the learner's steps or the output of analyze_process."""
    done = {"order", "start_minute", "end_minute", "share_of_time", "to_improve"}
    if isinstance(steps, pd.DataFrame) and done <= set(steps.columns):
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
        ``steps`` (number of steps), ``total_minutes``,
        ``value_added_minutes``, ``value_added_share`` (a decimal),
        ``non_value_added_minutes``, ``fail_points`` (number of fail points)
        and ``steps_to_improve`` (steps that add no value or are fail points);
        with a ``customer_sees`` column, also ``customer_minutes`` (time in
        steps the customer sees or takes part in).

    Examples
    --------
    >>> steps = pd.DataFrame({"step": ["Wait", "Repair"], "minutes": [30, 90],
    ...                       "adds_value": ["no", "yes"], "fail_point": ["no", "no"]})
    >>> process_summary(steps)["value_added_share"]
    0.75
    """
    table = _analysis(steps)
    total = float(table["minutes"].sum())
    value_added = float(table.loc[table["adds_value"], "minutes"].sum())
    summary: dict[str, float] = {
        "steps": int(len(table)),
        "total_minutes": total,
        "value_added_minutes": value_added,
        "value_added_share": value_added / total,
        "non_value_added_minutes": total - value_added,
        "fail_points": int(table["fail_point"].sum()),
        "steps_to_improve": int((~table["adds_value"] | table["fail_point"]).sum()),
    }
    if "customer_sees" in table.columns:
        summary["customer_minutes"] = float(table.loc[table["customer_sees"].astype(bool), "minutes"].sum())
    return summary


def where_to_improve(steps: pd.DataFrame) -> pd.DataFrame:
    """The improvement list: steps that add no value, longest first, then the other fail points.

    Every step that adds no value for the customer is listed, ranked by its
    minutes (longest first; equal times in process order). Then every fail
    point that does add value is listed, in process order, so that no fail
    point is left out.

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
        "order", "step", "minutes", "share_of_time", "adds_value", "fail_point", "what_goes_wrong", "to_improve",
    ]
    waste = table.loc[~table["adds_value"], columns].sort_values(
        ["minutes", "order"], ascending=[False, True], kind="stable"
    )
    failing = table.loc[table["adds_value"] & table["fail_point"], columns]
    listing = pd.concat([waste, failing], ignore_index=True)
    listing.insert(0, "priority", np.arange(1, len(listing) + 1))
    return listing


#: The paper version of the worksheet (``{printable-form} work_process``).
PRINTABLE_FORM = FormSpec(
    title="Improving work processes worksheet",
    intro=(
        "Walk the process as a customer, from first contact to the end, and write down every step in order. "
        "For each step: its elapsed time in minutes (waiting included); whether it adds value for the customer "
        "(would they pay for it, or miss it?); and whether it is a fail point (things often go wrong there: "
        "say what). Then remove or shorten the steps that add no value, longest first, and make every fail "
        "point fail-safe."
    ),
    sections=(
        Section(
            "The process",
            fields=(
                Field("Process", hint="e.g. a fleet van's service visit"),
                Field("Starts when … ends when …"),
                Field("Walked by and date"),
            ),
        ),
        Section(
            "Steps, in order",
            columns=(
                "#", "Step", "Minutes", "Adds value for the customer? (Y/N)", "Fail point? (Y/N)",
                "What goes wrong", "Who", "Customer sees it? (Y/N)",
            ),
            row_labels=tuple(str(number) for number in range(1, 16)),
        ),
        Section(
            "Totals",
            fields=(
                Field("Total time", unit="minutes"),
                Field("Value-adding time", unit="minutes", hint="and its share of the total, in %"),
                Field("Number of fail points"),
            ),
        ),
        Section(
            "Where to improve",
            fields=(
                Field("Steps that add no value, longest first: remove, shorten or run in parallel"),
                Field("Fail points: how will each be made fail-safe?"),
                Field("Who owns the change, and by when?"),
            ),
        ),
    ),
)
