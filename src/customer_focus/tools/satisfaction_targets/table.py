"""Setting customer satisfaction targets over a table: the learner's segments, planned.

The arithmetic is :mod:`customer_focus.tools.satisfaction_targets.calc`'s
(lifetime values by the course's formula, the value at stake, the flags, the
priorities and the advice); this module reads the learner's segments (a CSV or
Excel file read with :func:`customer_focus.core.tables.read_table`, or a
DataFrame), names the file, line and column of anything it cannot use, and
returns pandas tables.
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from ...core.messages import Messages, current_language
from ...core.tables import name_column, numeric_column, require_columns, where, yes_no_column
from ..spec import load_spec
from . import calc

__all__ = ["SEGMENT_COLUMNS", "plan_targets", "what_if_retention"]

_ = Messages("tools.satisfaction_targets")

_SEGMENTS = load_spec("satisfaction_targets").tables["segments"]

#: Columns of the table :func:`plan_targets` reads, with what each holds.
SEGMENT_COLUMNS: dict[str, str] = _SEGMENTS.helps

#: What :func:`plan_targets` adds to the learner's columns.
_PLANNED = (
    "lifetime_value", "value_at_stake", "value_totally_satisfied", "value_not_totally_satisfied",
    "target_change", "customers_to_move", "value_of_customers_to_move", "flag", "priority",
    "advice",
)


def _helps() -> dict[str, str]:
    """What each column holds, in the reader's language (for the messages)."""
    return load_spec("satisfaction_targets", current_language()).tables["segments"].helps


def _share(table: pd.DataFrame, column: str) -> pd.Series:
    return numeric_column(table, column, meaning=_helps()[column], low=0, high=1)


def _segments(segments: pd.DataFrame) -> tuple[pd.DataFrame, dict[str, pd.Series]]:
    """Check the segment table and return it with its columns as numbers."""
    require_columns(segments, _SEGMENTS.required, optional=_SEGMENTS.optional)
    source = segments.attrs.get("source", _("the table"))
    if segments.empty:
        raise ValueError(_("{source}: has no segments; add one row per customer segment.").format(
            source=source))
    names = name_column(segments, "segment", _("segment")).astype(str).str.strip()
    helps = _helps()
    customers = numeric_column(segments, "customers", meaning=helps["customers"], low=1)
    fractional = customers % 1 != 0
    if fractional.any():
        first = int(fractional.to_numpy().nonzero()[0][0])
        raise ValueError(
            _("column 'customers' ({meaning}) must hold whole numbers; {place} holds "
              "{value:g}.").format(meaning=helps["customers"], place=where(segments, first),
                                   value=customers.iloc[first])
        )
    columns = {
        "segment": names,
        "customers": customers,
        "annual_margin": numeric_column(
            segments, "annual_margin", meaning=helps["annual_margin"]
        ),
        "retention_rate": numeric_column(
            segments, "retention_rate", meaning=helps["retention_rate"], low=0, high=1,
            high_inclusive=False,
        ),
        "top_box_share": _share(segments, "top_box_share"),
        "target_top_box_share": _share(segments, "target_top_box_share"),
    }
    if "easy_to_switch" in segments.columns:
        columns["easy_to_switch"] = yes_no_column(
            segments, "easy_to_switch",
            meaning=load_spec("satisfaction_targets", current_language()).fields[
                "easy_to_switch"].help,
        )
    return segments, columns


def _records(columns: dict[str, pd.Series]) -> list[dict[str, object]]:
    """The checked columns as one dict per segment, for the arithmetic."""
    data = {name: values for name, values in columns.items() if name != "segment"}
    data["customers"] = columns["customers"].astype(int)
    return pd.DataFrame(data).to_dict("records")


def plan_targets(
    segments: pd.DataFrame,
    *,
    discount_rate: float = 0.1,
    min_value: float | None = None,
) -> pd.DataFrame:
    """Value each segment, rank where raising top-box satisfaction matters most, flag where not.

    The plan is :func:`customer_focus.tools.satisfaction_targets.calc.plan`'s:
    for each segment the lifetime value per customer (the course's
    convention), the value at stake (customers × lifetime value), how much of
    it sits with customers who are totally satisfied today and how much with
    those who are not yet, and how many customers the manager's target would
    move into the top box. Segments are ranked by the value held by customers
    not yet totally satisfied. Segments whose lifetime value per customer is
    negative, zero or below ``min_value`` are flagged, "do not spend to
    satisfy them more", and ranked last: not every loyal customer is
    profitable (Reinartz & Kumar 2002).

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
        satisfaction, in money. By default a tenth of the average lifetime
        value of all the customers in the table (weighted by segment size),
        the course's rule of thumb
        (:data:`~customer_focus.tools.satisfaction_targets.calc.TINY_SHARE`).

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
    i = calc.FIELDS["discount_rate"].check(discount_rate)
    table, columns = _segments(segments)
    planned = calc.plan(_records(columns), discount_rate=i, min_value=min_value)
    result = table.copy()
    result.attrs = {}
    result["segment"] = columns["segment"].to_numpy()
    if "easy_to_switch" in columns:
        result["easy_to_switch"] = columns["easy_to_switch"].to_numpy()
    for column in _PLANNED:
        result[column] = [row[column] for row in planned]
    return result


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
        Your assumption, in points as a decimal (0.02 = two points): there is
        no default, as for :func:`customer_focus.tools.satisfaction_targets.calc.what_if`.
    discount_rate : float
        Yearly discount rate, in [0, 1).

    Returns
    -------
    pandas.DataFrame
        One row per segment: ``segment``, ``customers``, ``annual_margin``,
        ``retention_rate``, ``assumed_gain``, ``retention_after``,
        ``lifetime_value``, ``lifetime_value_after``, ``gain_per_customer``
        and ``gain_for_segment`` (customers × gain per customer): see
        :func:`customer_focus.tools.satisfaction_targets.calc.what_if`.

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
    gain = calc.check_gain(retention_gain)
    i = calc.FIELDS["discount_rate"].check(discount_rate)
    table, columns = _segments(segments)
    retention = columns["retention_rate"].to_numpy()
    after = retention + gain
    outside = (after < 0) | (after >= 1)
    if outside.any():
        k = int(np.flatnonzero(outside)[0])
        raise ValueError(
            _("retention_gain {gain:g} takes segment {segment!r} ({place}) from {before:g} to "
              "{after:g}: retention must stay from 0 up to (but not including) 1. Assume a "
              "smaller gain, or leave that segment out of the what-if.").format(
                gain=gain, segment=columns["segment"].iloc[k], place=where(table, k),
                before=retention[k], after=after[k])
        )
    rows = calc.what_if(_records(columns), gain, discount_rate=i)
    result = pd.DataFrame(rows)[[
        "customers", "annual_margin", "retention_rate", "assumed_gain", "retention_after",
        "lifetime_value", "lifetime_value_after", "gain_per_customer", "gain_for_segment",
    ]]
    result.insert(0, "segment", columns["segment"].to_numpy())
    return result
