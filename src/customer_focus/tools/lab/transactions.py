"""Customer lifetime value from transaction records: read a purchase log, then
summarize it per customer, by cohort and by RFM segment.

The lifetime value worksheet asks for one margin and one retention rate. A
company with a customer database can estimate both from its own purchase log:
one row per purchase, with who bought (a customer id), when (a date) and how
much (an amount). This module turns such a log into

* the per-customer summary that "buy 'til you die" models such as BG/NBD
  (:mod:`~customer_focus.tools.lab.bgnbd`) need: **frequency**, **recency**, **T** and
  **monetary value** (:func:`summarize_customers`), with exactly the
  definitions of ``lifetimes.utils.summary_data_from_transaction_data``;
* a **cohort retention table**: customers grouped by the period of their first
  purchase, and the share of each group still buying 1, 2, 3... periods later
  (:func:`cohort_retention`, :func:`retention_curve`);
* **RFM segments**: recency, frequency and monetary scores from 1 to 5 by
  quintiles (:func:`rfm_segments`, :func:`segment_summary`).

Bad rows are never dropped silently. :func:`read_transactions` reports every
row it cannot use (an empty or unreadable date, an empty, non-numeric or
negative amount, an empty customer id) with its line number, and either
raises a ``ValueError`` listing them or, with ``on_bad_rows="skip"``, leaves
them out and returns them in :attr:`TransactionLog.skipped`.

Everything is vectorized with NumPy and pandas: there is no Python loop over
rows or customers, so a log of a million purchases takes well under a second.
"""

from __future__ import annotations

import os
import warnings
from dataclasses import dataclass, field
from typing import Union

import numpy as np
import pandas as pd

from ...core.messages import N_, Messages
from ...core.tables import read_table, require_columns
from ...core.validation import as_number

_ = Messages("tools.lab")
n_ = _.plural

__all__ = [
    "TRANSACTION_COLUMNS",
    "SUMMARY_COLUMNS",
    "RFM_COLUMNS",
    "SEGMENTS",
    "FREQUENCIES",
    "COHORT_FREQUENCIES",
    "TransactionLog",
    "read_transactions",
    "summarize_customers",
    "holdout_purchases",
    "cohort_retention",
    "retention_curve",
    "quintile_scores",
    "rfm_segments",
    "segment_names",
    "segment_summary",
]

#: Columns of a transaction log (the names can be changed with the ``*_col`` arguments).
TRANSACTION_COLUMNS = {
    "customer_id": N_("who bought: a customer number or name"),
    "date": N_("when: the purchase date (for example 2024-03-31)"),
    "amount": N_("how much the purchase was worth, in money (0 or more)"),
}

#: Columns of the per-customer summary (the ``lifetimes`` definitions).
SUMMARY_COLUMNS = {
    "frequency": "number of repeat purchase periods: periods with a purchase, minus the first",
    "recency": "age of the customer at the last purchase: time from first to last purchase",
    "T": "age of the customer at the end of the observation period: time since the first purchase",
    "monetary_value": "average value of the repeat purchases (0 when there is none)",
}

#: Columns of the RFM table.
RFM_COLUMNS = {
    "recency": "periods since the last purchase (smaller is better)",
    "frequency": "number of periods with a purchase",
    "monetary": "average spend per purchase period",
    "R": "recency score, 1 (longest ago) to 5 (most recent)",
    "F": "frequency score, 1 (fewest purchases) to 5 (most)",
    "M": "monetary score, 1 (lowest spend) to 5 (highest)",
    "rfm": "the three scores side by side, e.g. '545'",
    "segment": "a named group, from the R and F scores (the course's own rule of thumb)",
}

#: RFM segments: the course's own rule of thumb on the R and F scores, not a published standard.
SEGMENTS = {
    "Champions": N_("bought recently and often (R 4-5, F 4-5)"),
    "Loyal": N_("buy regularly (R and F at least 3, not champions)"),
    "Promising": N_("bought recently but seldom (R 4-5, F 1-2)"),
    "Needs attention": N_("middling recency, few purchases (R 3, F 1-2)"),
    "At risk": N_("used to buy often, not lately (R 1-2, F 3-5)"),
    "Lapsed": N_("bought seldom, long ago (R 1-2, F 1-2)"),
}

#: Time units for the customer summary and RFM (those ``lifetimes`` supports).
FREQUENCIES = {"D": "day", "W": "week (Monday to Sunday)", "h": "hour"}

#: Period lengths for cohorts (calendar periods).
COHORT_FREQUENCIES = {
    "W": N_("week (Monday to Sunday)"), "M": N_("month"), "Q": N_("quarter"), "Y": N_("year"),
}

_PERIOD_DAYS = {"D": 1.0, "W": 7.0, "h": 1 / 24}
_UNIT_WORDS = {
    "D": (N_("day"), N_("days")), "W": (N_("week"), N_("weeks")), "h": (N_("hour"), N_("hours")),
}
#: Where a bad row is, by the word the table's ``line_word`` gives (a file's line, a sheet's row).
_PLACES = {"line": N_("line {line}: {reason}"), "row": N_("row {line}: {reason}")}
_BAD_ROW_CHOICES = ("raise", "skip")
_SHOWN = 5  # bad rows quoted in an error message

Source = Union[str, "os.PathLike[str]", pd.DataFrame, "TransactionLog"]


# ---------------------------------------------------------------------------
# Reading and checking a log
# ---------------------------------------------------------------------------


@dataclass(frozen=True)
class TransactionLog:
    """A checked purchase log, and the rows that were left out.

    Attributes
    ----------
    transactions : pandas.DataFrame
        The usable rows, with the columns ``customer_id``, ``date`` (a
        timestamp) and ``amount`` (a float, 0 or more), whatever the columns
        were called in the file. The index, named ``line``, holds each row's
        line in the file (or its row number, from 1, for a DataFrame).
    skipped : pandas.DataFrame
        One row per row left out, with ``line``, ``reason`` and the row's
        original cells. Empty unless ``on_bad_rows="skip"`` was used.
    source : str
        Where the log came from (a file name, or "the table").
    """

    transactions: pd.DataFrame
    skipped: pd.DataFrame
    source: str = "the table"
    line_word: str = field(default="line", repr=False)

    def __len__(self) -> int:
        return len(self.transactions)

    @property
    def n_customers(self) -> int:
        """Number of distinct customers in the usable rows."""
        return int(self.transactions["customer_id"].nunique())

    def __str__(self) -> str:
        dates = self.transactions["date"]
        span = _(" from {first} to {last}").format(
            first=f"{dates.min():%Y-%m-%d}", last=f"{dates.max():%Y-%m-%d}") if len(dates) else ""
        left_out = len(self.skipped)
        if not left_out:
            return _(
                "{source}: {purchases:,} purchases by {customers:,} customers{span}; 0 rows left "
                "out."
            ).format(source=self.source, purchases=len(self), customers=self.n_customers, span=span)
        return n_(
            "{source}: {purchases:,} purchases by {customers:,} customers{span}; {left_out:,} row "
            "left out (see .skipped).",
            "{source}: {purchases:,} purchases by {customers:,} customers{span}; {left_out:,} rows "
            "left out (see .skipped).",
            left_out,
        ).format(source=self.source, purchases=len(self), customers=self.n_customers, span=span,
                 left_out=left_out)

    def _repr_markdown_(self) -> str:
        return str(self).replace("$", "\\$")


def _line_numbers(table: pd.DataFrame) -> tuple[np.ndarray, str]:
    """Each row's line number in its file (or row number from 1) and the word for it."""
    positions = np.arange(len(table), dtype=np.int64)
    if table.attrs.get("source"):
        return positions + int(table.attrs.get("first_line", 2)), str(
            table.attrs.get("line_word", "line")
        )
    if table.index.name == "line" and pd.api.types.is_integer_dtype(table.index):
        return table.index.to_numpy(dtype=np.int64), "line"
    return positions + 1, "row"


def _as_text(values: pd.Series) -> pd.Series:
    """Cells as a learner would recognize them, for a report."""
    text = values.astype(str)
    return text.where(values.notna(), _("empty"))


def _parse_dates(raw: pd.Series, date_format: str | None) -> pd.Series:
    """Dates as timestamps (NaT where a cell cannot be read), vectorized."""
    if isinstance(raw.dtype, pd.DatetimeTZDtype):
        return raw.dt.tz_localize(None).astype("datetime64[ns]")
    if pd.api.types.is_datetime64_dtype(raw.dtype):
        return raw.astype("datetime64[ns]", copy=False)
    if pd.api.types.is_bool_dtype(raw.dtype):
        return pd.Series(pd.NaT, index=raw.index, dtype="datetime64[ns]")
    if pd.api.types.is_numeric_dtype(raw.dtype):
        # 19970101 in a spreadsheet is a date written as digits, never nanoseconds since 1970
        whole = raw.where(raw == np.floor(raw)).astype("Float64")
        text = whole.astype("Int64").astype("string")
        text = text.astype(object).where(text.notna(), None)
    else:
        text = raw.where(raw.notna()).astype("string").str.strip()
        text = text.where(text != "")
        text = text.astype(object).where(text.notna(), None)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # pandas warns when it has to guess a format
        try:
            parsed = pd.to_datetime(text, format=date_format, errors="coerce")
        except (ValueError, TypeError, OverflowError):
            parsed = pd.Series(pd.NaT, index=raw.index, dtype="datetime64[ns]")
        if date_format is None:
            # pandas guesses one format from the first date; retry others as ISO 8601
            # (unambiguous), never as day-first or month-first guesses
            retry = parsed.isna() & pd.Series(text, index=raw.index).notna()
            if retry.any():
                again = pd.to_datetime(text[retry], format="ISO8601", errors="coerce")
                parsed = parsed.copy()
                parsed[retry] = again
    parsed = pd.Series(parsed, index=raw.index)
    if isinstance(parsed.dtype, pd.DatetimeTZDtype):
        parsed = parsed.dt.tz_localize(None)
    return parsed.astype("datetime64[ns]")


def _check_choice(value: object, name: str, choices: tuple[str, ...] | dict, meaning: str) -> str:
    if not isinstance(value, str) or value not in choices:
        names = ", ".join(repr(choice) for choice in choices)
        raise ValueError(_("{name} must be one of {names} ({meaning}); you gave {given!r}.").format(
            name=name, names=names, meaning=meaning, given=value))
    return value


def _check_column_name(value: object, name: str) -> str:
    if not isinstance(value, str) or not value.strip():
        raise ValueError(_(
            "{name} must be the name of a column of your log, in quotes (for example "
            "'customer_id'); you gave {given!r}."
        ).format(name=name, given=value))
    return value


def read_transactions(
    source: Source,
    *,
    customer_col: str = "customer_id",
    date_col: str = "date",
    amount_col: str = "amount",
    date_format: str | None = None,
    on_bad_rows: str = "raise",
) -> TransactionLog:
    """Read and check a purchase log from a CSV or Excel file, or a DataFrame.

    Each row is one purchase: who bought, when, and for how much. A row is
    *bad* when its customer id is empty, its date is empty or cannot be read,
    or its amount is empty, not a number, infinite or negative (an amount of
    0 is allowed). Bad rows are reported with their line numbers and either
    rejected or skipped, never dropped silently.

    Parameters
    ----------
    source : str, path-like, pandas.DataFrame or TransactionLog
        A ``.csv`` or ``.xlsx`` file (read with
        :func:`customer_focus.core.tables.read_table`) or a table already in
        memory. A :class:`TransactionLog` is returned as it is.
    customer_col, date_col, amount_col : str
        Names of the columns holding the customer id, the purchase date and
        the amount. Defaults: ``customer_id``, ``date``, ``amount``.
    date_format : str, optional
        The dates' format in ``strftime`` codes, such as ``"%d/%m/%Y"`` for
        31/12/2024. By default pandas works out the format from the first
        date, and other dates may be written in ISO 8601 (2024-12-31). Give
        the format whenever dates are written day first.
    on_bad_rows : {"raise", "skip"}
        ``"raise"`` (the default) raises a ``ValueError`` naming the first
        bad rows and how many there are; ``"skip"`` leaves them out and lists
        them in the result's ``skipped`` table.

    Returns
    -------
    TransactionLog
        ``transactions`` (columns ``customer_id``, ``date``, ``amount``;
        index ``line``) and ``skipped`` (columns ``line``, ``reason`` and the
        original cells).

    Raises
    ------
    ValueError
        When the file cannot be read, a column is missing, the log has no
        rows, every row is bad, or (with ``on_bad_rows="raise"``) any row is
        bad.

    Examples
    --------
    >>> log = read_transactions(pd.DataFrame({
    ...     "customer_id": [1, 1, 2], "date": ["2024-01-05", "2024-02-10", "2024-01-20"],
    ...     "amount": [20.0, 35.5, 12.0]}))
    >>> len(log), log.n_customers
    (3, 2)
    """
    if isinstance(source, TransactionLog):
        return source
    _check_choice(
        on_bad_rows, "on_bad_rows", _BAD_ROW_CHOICES, _("what to do with rows that cannot be used")
    )
    columns = [
        _check_column_name(customer_col, "customer_col"),
        _check_column_name(date_col, "date_col"),
        _check_column_name(amount_col, "amount_col"),
    ]
    if len(set(columns)) < 3:
        raise ValueError(_(
            "customer_col, date_col and amount_col must name three different columns; you gave "
            "{customer!r}, {date!r} and {amount!r}."
        ).format(customer=customer_col, date=date_col, amount=amount_col))
    if date_format is not None and (not isinstance(date_format, str) or "%" not in date_format):
        raise ValueError(_(
            "date_format must be a format in strftime codes, such as '%d/%m/%Y' for 31/12/2024; "
            "you gave {given!r}."
        ).format(given=date_format))
    if isinstance(source, (str, os.PathLike)):
        table = read_table(source)
    elif isinstance(source, pd.DataFrame):
        table = source
    else:
        raise ValueError(_(
            "source must be a CSV or Excel file name, or a pandas DataFrame; you gave {kind}."
        ).format(kind=type(source).__name__))
    require_columns(table, columns)
    name = str(table.attrs.get("source", _("the table")))
    if table.empty:
        raise ValueError(
            _("{source}: has no purchases; add at least one row (customer, date, amount).").format(
                source=name)
        )
    lines, word = _line_numbers(table)

    ids = table[customer_col]
    id_missing = ids.isna().to_numpy()
    if ids.dtype == object or isinstance(ids.dtype, pd.StringDtype):
        id_missing |= (ids.astype("string").str.strip() == "").fillna(True).to_numpy()

    raw_dates = table[date_col]
    dates = _parse_dates(raw_dates, date_format)
    date_missing = raw_dates.isna().to_numpy()
    if raw_dates.dtype == object or isinstance(raw_dates.dtype, pd.StringDtype):
        date_missing |= (raw_dates.astype("string").str.strip() == "").fillna(True).to_numpy()
    date_bad = dates.isna().to_numpy() & ~date_missing

    raw_amounts = table[amount_col]
    if pd.api.types.is_bool_dtype(raw_amounts.dtype):
        amounts = pd.Series(np.nan, index=raw_amounts.index)
    else:
        amounts = pd.to_numeric(raw_amounts, errors="coerce").astype("float64")
    values = amounts.to_numpy()
    amount_missing = raw_amounts.isna().to_numpy()
    if raw_amounts.dtype == object or isinstance(raw_amounts.dtype, pd.StringDtype):
        amount_missing |= (raw_amounts.astype("string").str.strip() == "").fillna(True).to_numpy()
    with np.errstate(invalid="ignore"):
        amount_text = np.isnan(values) & ~amount_missing
        amount_infinite = np.isinf(values)
        amount_negative = values < 0

    bad = (
        id_missing
        | date_missing
        | date_bad
        | amount_missing
        | amount_text
        | amount_infinite
        | amount_negative
    )
    skipped = _bad_row_report(
        table,
        lines,
        bad,
        [
            (id_missing, _("{column} is empty").format(column=customer_col), None),
            (date_missing, _("{column} is empty").format(column=date_col), None),
            (date_bad, _("{column} is not a date").format(column=date_col), raw_dates),
            (amount_missing, _("{column} is empty").format(column=amount_col), None),
            (amount_text, _("{column} is not a number").format(column=amount_col), raw_amounts),
            (amount_infinite, _("{column} is not a finite number").format(column=amount_col),
             raw_amounts),
            (amount_negative, _("{column} is negative").format(column=amount_col), raw_amounts),
        ],
        columns,
    )
    n_bad = len(skipped)
    if n_bad and (on_bad_rows == "raise" or n_bad == len(table)):
        place = _(_PLACES[word]) if word in _PLACES else f"{word} {{line}}: {{reason}}"
        shown = _("; ").join(
            place.format(line=line, reason=reason)
            for line, reason in zip(
                skipped["line"][:_SHOWN], skipped["reason"][:_SHOWN], strict=True
            )
        )
        more = _(" (and {count:,} more)").format(count=n_bad - _SHOWN) if n_bad > _SHOWN else ""
        if n_bad == len(table):
            advice = _(
                "No row is usable. Check that the columns hold what they should: {customer!r} "
                "{customer_holds}; {date!r} {date_holds}; {amount!r} {amount_holds}."
            ).format(
                customer=customer_col, customer_holds=_(TRANSACTION_COLUMNS["customer_id"]),
                date=date_col, date_holds=_(TRANSACTION_COLUMNS["date"]),
                amount=amount_col, amount_holds=_(TRANSACTION_COLUMNS["amount"]),
            )
        else:
            advice = _(
                "Fix them in your file, or pass on_bad_rows='skip' to leave them out (they are "
                "then listed in the result's `skipped` table)."
            )
        if int(date_bad.sum()) and date_format is None:
            advice += _(
                " If your dates are written day first (31/12/2024), pass date_format='%d/%m/%Y'."
            )
        raise ValueError(
            _("{source}: {bad:,} of {rows:,} rows cannot be used: {shown}{more}. {advice}").format(
                source=name, bad=n_bad, rows=len(table), shown=shown, more=more, advice=advice)
        )

    if n_bad:
        good = ~bad
        customer, when, amount, line = (
            ids.to_numpy()[good],
            dates.to_numpy()[good],
            values[good],
            lines[good],
        )
        index = pd.Index(line, name="line")
    else:  # one copy of each column, and a line index that costs nothing when lines run on
        customer, when, amount = ids.to_numpy().copy(), dates.to_numpy().copy(), values.copy()
        contiguous = len(lines) > 0 and lines[-1] - lines[0] == len(lines) - 1
        index = (
            pd.RangeIndex(int(lines[0]), int(lines[-1]) + 1, name="line")
            if contiguous
            else pd.Index(lines, name="line")
        )
    if customer.dtype.kind == "f" and len(customer) and np.all(customer == np.floor(customer)):
        customer = customer.astype(np.int64)  # ids read as 4.0 because another cell was empty
    clean = pd.DataFrame(
        {"customer_id": customer, "date": when, "amount": amount}, index=index, copy=False
    )
    return TransactionLog(clean, skipped, name, word)


def _bad_row_report(
    table: pd.DataFrame,
    lines: np.ndarray,
    bad: np.ndarray,
    checks: list[tuple[np.ndarray, str, pd.Series | None]],
    columns: list[str],
) -> pd.DataFrame:
    """The bad rows with their line numbers and reasons (vectorized over the bad rows)."""
    positions = np.flatnonzero(bad)
    report = pd.DataFrame({"line": lines[positions]})
    reason = pd.Series("", index=report.index, dtype=object)
    for mask, words, raw in checks:
        hit = mask[positions]
        if not hit.any():
            continue
        text = pd.Series(words, index=report.index, dtype=object)
        if raw is not None:
            cells = _as_text(raw.iloc[positions]).to_numpy()
            text = text + _(" (") + pd.Series(cells, index=report.index).map(repr) + _(")")
        joined = np.where(reason == "", text, reason + _("; ") + text)
        reason = pd.Series(np.where(hit, joined, reason), index=report.index, dtype=object)
    report["reason"] = reason
    for column in columns:
        report[column] = table[column].iloc[positions].to_numpy()
    return report


def _clean(
    source: Source, customer_col: str, date_col: str, amount_col: str
) -> tuple[pd.DataFrame, str]:
    """The usable rows of a log given in any accepted form (bad rows raise)."""
    log = read_transactions(
        source,
        customer_col=customer_col,
        date_col=date_col,
        amount_col=amount_col,
        on_bad_rows="raise",
    )
    return log.transactions, log.source


# ---------------------------------------------------------------------------
# Periods
# ---------------------------------------------------------------------------


def _period_codes(dates: np.ndarray, freq: str) -> np.ndarray:
    """Whole periods since 1970 for datetime64 values (floored, like pandas ``to_period``).

    Days for ``"D"``; weeks that start on Monday for ``"W"`` (pandas'
    ``W-SUN`` periods); hours for ``"h"``; months, quarters and years since
    January 1970 for ``"M"``, ``"Q"`` and ``"Y"``.
    """
    if freq == "D":
        return dates.astype("datetime64[D]").view(np.int64)
    if freq == "W":
        days = dates.astype("datetime64[D]").view(np.int64)
        days += 3  # 1970-01-01 was a Thursday; weeks start on Monday
        return np.floor_divide(days, 7, out=days)
    if freq == "h":
        return dates.astype("datetime64[h]").view(np.int64)
    months = dates.astype("datetime64[M]").view(np.int64)
    if freq == "M":
        return months
    if freq == "Q":
        return np.floor_divide(months, 3)
    return np.floor_divide(months, 12)


def _period_start(codes: np.ndarray, freq: str) -> pd.DatetimeIndex:
    """First moment of each period code."""
    codes = np.asarray(codes, dtype=np.int64)
    if freq == "D":
        return pd.DatetimeIndex(codes.astype("datetime64[D]").astype("datetime64[ns]"))
    if freq == "W":
        return pd.DatetimeIndex((codes * 7 - 3).astype("datetime64[D]").astype("datetime64[ns]"))
    if freq == "h":
        return pd.DatetimeIndex(codes.astype("datetime64[h]").astype("datetime64[ns]"))
    months = {"M": 1, "Q": 3, "Y": 12}[freq] * codes
    return pd.DatetimeIndex(months.astype("datetime64[M]").astype("datetime64[ns]"))


def _period_index(codes: np.ndarray, freq: str) -> pd.PeriodIndex:
    """Periods (for labels) from period codes."""
    return _period_start(codes, freq).to_period("W" if freq == "W" else freq)


def _end_date(value: object, name: str = "observation_period_end") -> pd.Timestamp:
    if isinstance(value, bool):
        value = object()
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            stamp = pd.Timestamp(value)
    except (ValueError, TypeError, OverflowError):
        stamp = pd.NaT
    if pd.isna(stamp):
        raise ValueError(_(
            "{name} must be a date, such as '1997-09-30' or pandas.Timestamp('1997-09-30'); you "
            "gave {given!r}."
        ).format(name=name, given=value))
    if stamp.tzinfo is not None:
        stamp = stamp.tz_localize(None)
    return stamp


@dataclass(frozen=True)
class _Periods:
    """A log reduced to one row per (customer, period) with a purchase.

    Arrays are sorted by customer, then period; ``starts`` marks each
    customer's first row.
    """

    ids: np.ndarray  # customer id of each customer (sorted)
    customer: np.ndarray  # customer position of each (customer, period) row
    period: np.ndarray  # period code of each row
    amount: np.ndarray  # amount spent in the period
    starts: np.ndarray  # first row of each customer
    counts: np.ndarray  # rows per customer
    end: int  # period code of the end of the observation period
    after_end: int  # purchases after the end, left out


def _customer_periods(
    clean: pd.DataFrame, freq: str, observation_period_end: object | None, source: str
) -> _Periods:
    """Merge purchases within a period and sort them by customer and period."""
    dates = clean["date"].to_numpy()
    period = _period_codes(dates, freq)
    if observation_period_end is None:
        end = int(period.max())
    else:
        end = int(
            _period_codes(np.array([_end_date(observation_period_end).to_datetime64()]), freq)[0]
        )
    keep = period <= end
    after_end = int(len(period) - keep.sum())
    if not keep.any():
        first = pd.Timestamp(dates.min())
        raise ValueError(_(
            "{source}: no purchase falls on or before observation_period_end ({end}); the first "
            "purchase is on {first}. Choose a later end date."
        ).format(source=source, end=f"{pd.Timestamp(observation_period_end):%Y-%m-%d}",
                 first=f"{first:%Y-%m-%d}"))
    ids_all = clean["customer_id"].to_numpy()
    amounts = clean["amount"].to_numpy()
    if after_end:
        period, amounts, ids_all = period[keep], amounts[keep], ids_all[keep]
    del keep
    try:
        codes, ids = pd.factorize(ids_all, sort=True)
    except TypeError:  # ids of mixed kinds (numbers and text) cannot be sorted
        codes, ids = pd.factorize(ids_all, sort=False)
    codes = codes.astype(np.int64, copy=False)
    low = int(period.min())
    span = end - low + 1
    if len(ids) * span < 2**62:
        key = np.multiply(codes, span, out=codes)  # codes are not needed any more
        key += period
        key -= low
        del period
        order = np.argsort(key, kind="stable")
        key = key[order]
        new = np.empty(len(key), dtype=bool)
        new[0] = True
        np.not_equal(key[1:], key[:-1], out=new[1:])
        rows = np.flatnonzero(new)
        customer = key[rows] // span
        row_period = key[rows] % span + low
    else:  # astronomically long spans: sort on two keys instead
        order = np.lexsort((period, codes))
        c, p = codes[order], period[order]
        new = np.empty(len(c), dtype=bool)
        new[0] = True
        new[1:] = (c[1:] != c[:-1]) | (p[1:] != p[:-1])
        rows = np.flatnonzero(new)
        customer, row_period = c[rows], p[rows]
    amount = np.add.reduceat(amounts[order], rows)
    first = np.empty(len(customer), dtype=bool)
    first[0] = True
    np.not_equal(customer[1:], customer[:-1], out=first[1:])
    starts = np.flatnonzero(first)
    counts = np.diff(np.append(starts, len(customer)))
    return _Periods(np.asarray(ids), customer, row_period, amount, starts, counts, end, after_end)


def _time_unit(freq: str, multiplier: float) -> str:
    """The summary's time unit in words, for reading: 'day', 'week (7 days)', '2 weeks'..."""
    singular, plural = _UNIT_WORDS[freq]
    if multiplier == 1:
        return _(singular)
    if freq == "D" and multiplier == 7:
        return _("week (7 days)")
    return _("{count:g} {unit}").format(count=multiplier, unit=_(plural))


def _positive_multiplier(value: object) -> float:
    number = as_number(
        value, "freq_multiplier", meaning=_("how many time units make one period of the summary")
    )
    if number <= 0:
        raise ValueError(_(
            "freq_multiplier must be a positive number (how many time units make one period of "
            "the summary, e.g. 7 to count days in weeks); you gave {given!r}."
        ).format(given=value))
    return number


# ---------------------------------------------------------------------------
# The per-customer summary (lifetimes' definitions)
# ---------------------------------------------------------------------------


def summarize_customers(
    transactions: Source,
    *,
    freq: str = "D",
    freq_multiplier: float = 1,
    observation_period_end: object | None = None,
    customer_col: str = "customer_id",
    date_col: str = "date",
    amount_col: str = "amount",
) -> pd.DataFrame:
    """Frequency, recency, T and monetary value per customer.

    The definitions are those of ``lifetimes.utils.summary_data_from_transaction_data``
    (with ``include_first_transaction=False``), so the result can be used
    with the BG/NBD and Gamma-Gamma models of :mod:`~customer_focus.tools.lab.bgnbd`:

    1. Dates are cut to periods of the time unit ``freq`` (a day, a week
       starting on Monday, or an hour). Purchases by the same customer in the
       same period count as **one** purchase, whose value is their sum.
    2. The observation period ends with the period holding
       ``observation_period_end`` (default: the last purchase). Purchases in
       later periods are left out (counted in ``attrs["purchases_after_end"]``);
       this is how a calibration period is cut.
    3. ``frequency`` = number of periods with a purchase, minus 1 (the first
       purchase is not a *repeat* purchase).
    4. ``recency`` = last purchase period − first purchase period, and ``T``
       = end period − first purchase period, both divided by ``freq_multiplier``.
       (``recency`` is the customer's age at the last purchase, not the time
       since it; it is 0 for a customer who never bought again.)
    5. ``monetary_value`` = mean value of the repeat purchase periods (0 for
       customers with no repeat purchase). The first purchase is left out.

    ``freq_multiplier`` turns the time unit into a longer one:
    ``freq="D", freq_multiplier=7`` counts in weeks of exactly 7 days from each
    customer's first purchase day (so T can be 38.86), whereas ``freq="W"``
    merges purchases by calendar week and counts whole weeks. Fader, Hardie &
    Lee (2005) worked in days divided by 7.

    Parameters
    ----------
    transactions : str, path-like, pandas.DataFrame or TransactionLog
        The purchase log (a file, a table, or the result of
        :func:`read_transactions`). A file or table is checked with
        :func:`read_transactions`; a bad row raises a ``ValueError``.
    freq : {"D", "W", "h"}
        The time unit: day, week (Monday to Sunday) or hour.
    freq_multiplier : float
        Number of ``freq`` units per period of the result (default 1).
    observation_period_end : date-like, optional
        The last day of the observation period, e.g. ``"1997-09-30"``.
    customer_col, date_col, amount_col : str
        Column names, when ``transactions`` is a file or a table.

    Returns
    -------
    pandas.DataFrame
        Indexed by customer id (sorted), with the float columns
        ``frequency``, ``recency``, ``T`` and ``monetary_value``. ``attrs``
        hold ``freq``, ``freq_multiplier``, ``period_days`` (the length of
        one period of the result in days), ``time_unit`` (in words),
        ``observation_period_end`` and ``purchases_after_end``.

    Raises
    ------
    ValueError
        For a bad row, an unknown ``freq``, a ``freq_multiplier`` that is
        not positive, an end date that is not a date, or an end date before
        every purchase.

    Examples
    --------
    >>> log = pd.DataFrame({"customer_id": [1, 1, 1, 2],
    ...                     "date": ["2024-01-01", "2024-01-01", "2024-01-11", "2024-01-05"],
    ...                     "amount": [10.0, 5.0, 20.0, 8.0]})
    >>> summary = summarize_customers(log, observation_period_end="2024-01-31")
    >>> summary.loc[1].tolist(), summary.loc[2].tolist()
    ([1.0, 10.0, 30.0, 20.0], [0.0, 0.0, 26.0, 0.0])
    """
    _check_choice(
        freq, "freq", FREQUENCIES, _("the time unit: 'D' for days, 'W' for weeks, 'h' for hours")
    )
    multiplier = _positive_multiplier(freq_multiplier)
    clean, source = _clean(transactions, customer_col, date_col, amount_col)
    periods = _customer_periods(clean, freq, observation_period_end, source)
    starts, counts = periods.starts, periods.counts
    first = periods.period[starts]
    last = periods.period[starts + counts - 1]
    frequency = (counts - 1).astype(np.float64)
    repeat = periods.amount.copy()
    repeat[starts] = 0.0
    repeat_total = np.add.reduceat(repeat, starts)
    monetary = np.zeros(len(starts))
    np.divide(repeat_total, frequency, out=monetary, where=frequency > 0)
    summary = pd.DataFrame(
        {
            "frequency": frequency,
            "recency": (last - first) / multiplier,
            "T": (periods.end - first) / multiplier,
            "monetary_value": monetary,
        },
        index=pd.Index(periods.ids, name="customer_id"),
    )
    period_days = _PERIOD_DAYS[freq] * multiplier
    summary.attrs.update(
        freq=freq,
        freq_multiplier=multiplier,
        period_days=period_days,
        time_unit=_time_unit(freq, multiplier),
        observation_period_end=str(_period_start(np.array([periods.end]), freq)[0].date()),
        purchases_after_end=periods.after_end,
    )
    return summary


def holdout_purchases(
    transactions: Source,
    *,
    calibration_period_end: object,
    observation_period_end: object | None = None,
    freq: str = "D",
    freq_multiplier: float = 1,
    customer_col: str = "customer_id",
    date_col: str = "date",
    amount_col: str = "amount",
) -> pd.Series:
    """Purchases each customer made after the calibration period: the test of a forecast.

    Counts, for every customer who bought on or before
    ``calibration_period_end``, the periods (days by default) with a purchase
    after that date and up to ``observation_period_end``, as the
    ``frequency_holdout`` of ``lifetimes.utils.calibration_and_holdout_data``.
    Compare it with :func:`customer_focus.tools.lab.bgnbd.expected_purchases` over the
    same length of time, ``attrs["duration"]``.

    Parameters
    ----------
    transactions : str, path-like, pandas.DataFrame or TransactionLog
        The purchase log (checked with :func:`read_transactions`).
    calibration_period_end : date-like
        Last day of the calibration period (the one the model was fitted on).
    observation_period_end : date-like, optional
        Last day of the holdout period (default: the last purchase).
    freq, freq_multiplier
        The time unit, as for :func:`summarize_customers`.
    customer_col, date_col, amount_col : str
        Column names, when ``transactions`` is a file or a table.

    Returns
    -------
    pandas.Series
        ``frequency_holdout`` per customer of the calibration period (sorted
        ids, 0 for no purchase); ``attrs["duration"]`` is the holdout
        period's length in the summary's time unit.

    Examples
    --------
    >>> log = pd.DataFrame({"customer_id": [1, 1, 1, 2], "amount": 10.0,
    ...     "date": ["2024-01-01", "2024-02-03", "2024-02-09", "2024-01-20"]})
    >>> holdout = holdout_purchases(log, calibration_period_end="2024-01-31")
    >>> holdout.tolist(), holdout.attrs["duration"]
    ([2, 0], 9.0)
    """
    _check_choice(
        freq, "freq", FREQUENCIES, _("the time unit: 'D' for days, 'W' for weeks, 'h' for hours")
    )
    multiplier = _positive_multiplier(freq_multiplier)
    clean, source = _clean(transactions, customer_col, date_col, amount_col)
    dates = clean["date"].to_numpy()
    calibration_end = _end_date(calibration_period_end, "calibration_period_end")
    end = (
        pd.Timestamp(dates.max())
        if observation_period_end is None
        else _end_date(observation_period_end)
    )
    if end < calibration_end:
        raise ValueError(_(
            "observation_period_end ({end}) must not be before calibration_period_end "
            "({calibration_end}): the holdout period comes after the calibration period."
        ).format(end=f"{end:%Y-%m-%d}", calibration_end=f"{calibration_end:%Y-%m-%d}"))
    in_calibration = dates <= calibration_end.to_datetime64()
    if not in_calibration.any():
        raise ValueError(_(
            "{source}: no purchase falls on or before calibration_period_end "
            "({calibration_end}); choose a later date."
        ).format(source=source, calibration_end=f"{calibration_end:%Y-%m-%d}"))
    ids = clean["customer_id"].to_numpy()
    customers = pd.Index(pd.unique(ids[in_calibration]))
    try:
        customers = customers.sort_values()
    except TypeError:
        pass
    in_holdout = ~in_calibration & (dates <= end.to_datetime64())
    position = customers.get_indexer(ids[in_holdout])
    known = position >= 0
    position = position[known].astype(np.int64)
    period = _period_codes(dates[in_holdout][known], freq)
    counts = np.zeros(len(customers), dtype=np.int64)
    if len(position):
        low = int(period.min())
        span = int(period.max()) - low + 1
        pairs = np.unique(position * span + (period - low))
        counts = np.bincount(pairs // span, minlength=len(customers))
    result = pd.Series(counts, index=customers.rename("customer_id"), name="frequency_holdout")
    ends = _period_codes(np.array([end.to_datetime64(), calibration_end.to_datetime64()]), freq)
    result.attrs.update(
        duration=float(ends[0] - ends[1]) / multiplier,
        calibration_period_end=str(calibration_end.date()),
        observation_period_end=str(end.date()),
    )
    return result


# ---------------------------------------------------------------------------
# Cohorts
# ---------------------------------------------------------------------------


def cohort_retention(
    transactions: Source,
    *,
    freq: str = "M",
    observation_period_end: object | None = None,
    customer_col: str = "customer_id",
    date_col: str = "date",
    amount_col: str = "amount",
) -> pd.DataFrame:
    """Cohort retention table: the share of each cohort still buying, period by period.

    Customers are grouped into cohorts by the calendar period (month by
    default) of their first purchase. Column ``k`` is the share of a cohort
    that bought at least once in the ``k``-th period after the cohort's
    period (column 0 is always 1). A cell is empty (NaN) when that period is
    after the end of the observation period: it has not been observed yet.
    The period holding ``observation_period_end`` counts as observed even if
    it is cut short.

    Parameters
    ----------
    transactions : str, path-like, pandas.DataFrame or TransactionLog
        The purchase log (checked with :func:`read_transactions`).
    freq : {"W", "M", "Q", "Y"}
        Length of a period: week (Monday to Sunday), month, quarter or year.
    observation_period_end : date-like, optional
        The last day observed (default: the last purchase).
    customer_col, date_col, amount_col : str
        Column names, when ``transactions`` is a file or a table.

    Returns
    -------
    pandas.DataFrame
        One row per cohort (index ``cohort``, calendar periods), the column
        ``customers`` (cohort size) and one column per period since the first
        purchase (``0, 1, 2, ...``) holding the share still buying.

    Examples
    --------
    >>> log = pd.DataFrame({"customer_id": [1, 1, 2, 3, 3],
    ...     "date": ["2024-01-03", "2024-02-07", "2024-01-15", "2024-02-02", "2024-03-09"],
    ...     "amount": 10.0})
    >>> table = cohort_retention(log)
    >>> table.index.astype(str).tolist(), table["customers"].tolist(), table[1].tolist()
    (['2024-01', '2024-02'], [2, 1], [0.5, 1.0])
    """
    _check_choice(
        freq, "freq", COHORT_FREQUENCIES, _("the cohort period: 'W', 'M', 'Q' or 'Y'")
    )
    clean, source = _clean(transactions, customer_col, date_col, amount_col)
    periods = _customer_periods(clean, freq, observation_period_end, source)
    cohort_of_customer = periods.period[periods.starts]
    cohort_row = np.repeat(cohort_of_customer, periods.counts)
    age = periods.period - cohort_row
    low = int(cohort_of_customer.min())
    n_cohorts = int(cohort_of_customer.max()) - low + 1
    n_ages = periods.end - low + 1
    active = np.bincount((cohort_row - low) * n_ages + age, minlength=n_cohorts * n_ages).reshape(
        n_cohorts, n_ages
    )
    sizes = active[:, 0]
    present = sizes > 0
    codes = np.arange(low, low + n_cohorts)[present]
    active, sizes = active[present], sizes[present]
    share = active / sizes[:, None]
    unobserved = (codes[:, None] + np.arange(n_ages)[None, :]) > periods.end
    share[unobserved] = np.nan
    table = pd.DataFrame(
        share, index=pd.Index(_period_index(codes, freq), name="cohort"), columns=range(n_ages)
    )
    table.insert(0, "customers", sizes.astype(np.int64))
    table.columns.name = None
    table.attrs.update(
        freq=freq, period=COHORT_FREQUENCIES[freq], purchases_after_end=periods.after_end
    )
    return table


def retention_curve(cohorts: pd.DataFrame) -> pd.DataFrame:
    """Average share of customers still buying k periods after their first purchase.

    Pools the cohorts of :func:`cohort_retention`, weighting each by its
    size, and uses at each age only the cohorts observed that long.

    Parameters
    ----------
    cohorts : pandas.DataFrame
        The result of :func:`cohort_retention`.

    Returns
    -------
    pandas.DataFrame
        Index ``periods_since_first`` (0, 1, 2...), columns
        ``share_buying`` (customers buying in that period ÷ customers
        observed that long), ``customers_observed`` and ``cohorts``.

    Examples
    --------
    >>> log = pd.DataFrame({"customer_id": [1, 1, 2, 3, 3],
    ...     "date": ["2024-01-03", "2024-02-07", "2024-01-15", "2024-02-02", "2024-03-09"],
    ...     "amount": 10.0})
    >>> retention_curve(cohort_retention(log))["share_buying"].round(3).tolist()
    [1.0, 0.667, 0.0]
    """
    if not isinstance(cohorts, pd.DataFrame) or "customers" not in cohorts.columns:
        raise ValueError(_(
            "retention_curve needs the table made by cohort_retention (with a 'customers' column "
            "and one column per period); call cohort_retention(log) first."
        ))
    ages = [column for column in cohorts.columns if column != "customers"]
    share = cohorts[ages].to_numpy(dtype=float)
    sizes = cohorts["customers"].to_numpy(dtype=float)
    observed = ~np.isnan(share)
    base = (observed * sizes[:, None]).sum(axis=0)
    buying = (np.nan_to_num(share) * sizes[:, None]).sum(axis=0)
    keep = base > 0
    curve = pd.DataFrame(
        {
            "share_buying": buying[keep] / base[keep],
            "customers_observed": base[keep].astype(np.int64),
            "cohorts": observed.sum(axis=0)[keep].astype(np.int64),
        },
        index=pd.Index(np.asarray(ages)[keep].astype(np.int64), name="periods_since_first"),
    )
    curve.attrs.update(cohorts.attrs)
    return curve


# ---------------------------------------------------------------------------
# RFM
# ---------------------------------------------------------------------------


def quintile_scores(values: object, *, higher_is_better: bool = True, bins: int = 5) -> np.ndarray:
    """Scores from 1 to ``bins`` by quantile, with ties sharing a score.

    Each value's score comes from its mid-rank: with ``n`` values and
    ``rank`` the average rank of the value (ties share it), the score is
    ``floor(bins * (rank - 0.5) / n) + 1``. So:

    * with distinct values and ``n`` a multiple of 5, each score holds
      exactly one fifth of the customers;
    * equal values always get the same score (a tie is never split), so
      heavily tied data can leave some scores empty;
    * tiny data stay centred: one customer, or all customers equal, score 3.

    Parameters
    ----------
    values : array-like of float
        One value per customer, no NaN.
    higher_is_better : bool
        Whether the highest values get the top score (False for recency
        measured as time since the last purchase).
    bins : int
        Number of scores (5 for quintiles).

    Returns
    -------
    numpy.ndarray of int

    Examples
    --------
    >>> quintile_scores([10, 20, 30, 40, 50]).tolist()
    [1, 2, 3, 4, 5]
    >>> quintile_scores([1, 1, 1, 1, 9]).tolist()
    [3, 3, 3, 3, 5]
    """
    array = np.asarray(values, dtype=float).ravel()
    if array.size == 0:
        raise ValueError(_("quintile_scores needs at least one value; the list is empty."))
    if not np.all(np.isfinite(array)):
        raise ValueError(_(
            "quintile_scores needs finite numbers; the values include an empty cell or infinity."
        ))
    if isinstance(bins, bool) or not isinstance(bins, (int, np.integer)) or bins < 2:
        raise ValueError(_(
            "bins must be a whole number of at least 2 (5 for quintiles); you gave {given!r}."
        ).format(given=bins))
    ranks = pd.Series(array if higher_is_better else -array).rank(method="average").to_numpy()
    scores = np.floor(bins * (ranks - 0.5) / array.size).astype(np.int64) + 1
    return np.clip(scores, 1, bins)


def segment_names(r_scores: object, f_scores: object) -> np.ndarray:
    """The segment of each customer from its R and F scores (the course's rule of thumb).

    See :data:`SEGMENTS`: champions (R 4-5, F 4-5), loyal (R and F at
    least 3, not champions), promising (R 4-5, F 1-2), needs attention
    (R 3, F 1-2), at risk (R 1-2, F 3-5), lapsed (R 1-2, F 1-2).

    Parameters
    ----------
    r_scores, f_scores : array-like of int
        Scores from 1 to 5.

    Returns
    -------
    numpy.ndarray of str

    Examples
    --------
    >>> segment_names([5, 1], [5, 1]).tolist()
    ['Champions', 'Lapsed']
    """
    r = np.asarray(r_scores)
    f = np.asarray(f_scores)
    if r.shape != f.shape or not np.isin(r, range(1, 6)).all() or not np.isin(f, range(1, 6)).all():
        raise ValueError(
            _("segment_names needs R and F scores from 1 to 5, one of each per customer.")
        )
    return np.select(
        [(r >= 4) & (f >= 4), (r >= 3) & (f >= 3), r >= 4, r == 3, f >= 3],
        ["Champions", "Loyal", "Promising", "Needs attention", "At risk"],
        default="Lapsed",
    )


def rfm_segments(
    transactions: Source,
    *,
    freq: str = "D",
    observation_period_end: object | None = None,
    customer_col: str = "customer_id",
    date_col: str = "date",
    amount_col: str = "amount",
) -> pd.DataFrame:
    """Recency, frequency and monetary scores (1-5) and a segment for each customer.

    Purchases in the same period (a day by default) count as one, as in
    :func:`summarize_customers`. Then, at the end of the observation period:

    * **recency** = periods since the last purchase (0 = bought in the last
      period); the most recent fifth of customers score R = 5;
    * **frequency** = number of periods with a purchase; the most frequent
      score F = 5;
    * **monetary** = average spend per purchase period; the biggest spenders
      score M = 5.

    Scores are quintiles from :func:`quintile_scores`: ties share a score,
    so when most customers bought once they all get the same F score. The
    ``segment`` applies the course's own rule of thumb to R and F
    (:data:`SEGMENTS`); it is a way to start a conversation, not a published
    standard.

    Parameters
    ----------
    transactions : str, path-like, pandas.DataFrame or TransactionLog
        The purchase log (checked with :func:`read_transactions`).
    freq : {"D", "W", "h"}
        The time unit for merging purchases and measuring recency.
    observation_period_end : date-like, optional
        The day the scores are taken (default: the last purchase).
    customer_col, date_col, amount_col : str
        Column names, when ``transactions`` is a file or a table.

    Returns
    -------
    pandas.DataFrame
        Indexed by customer id, with the columns of :data:`RFM_COLUMNS`.

    Examples
    --------
    >>> log = pd.DataFrame({"customer_id": [1, 1, 1, 2, 3, 3, 4, 5],
    ...     "date": ["2024-01-02", "2024-02-01", "2024-03-01", "2024-01-10", "2024-02-20",
    ...              "2024-03-02", "2024-03-03", "2024-01-05"],
    ...     "amount": [50, 60, 70, 20, 30, 30, 90, 10]})
    >>> rfm_segments(log)[["R", "F", "M", "segment"]].to_dict("list")["segment"]
    ['Loyal', 'Lapsed', 'Champions', 'Promising', 'Lapsed']
    """
    _check_choice(
        freq, "freq", FREQUENCIES, _("the time unit: 'D' for days, 'W' for weeks, 'h' for hours")
    )
    clean, source = _clean(transactions, customer_col, date_col, amount_col)
    periods = _customer_periods(clean, freq, observation_period_end, source)
    starts, counts = periods.starts, periods.counts
    last = periods.period[starts + counts - 1]
    recency = (periods.end - last).astype(np.float64)
    frequency = counts.astype(np.int64)
    monetary = np.add.reduceat(periods.amount, starts) / counts
    r = quintile_scores(recency, higher_is_better=False)
    f = quintile_scores(frequency)
    m = quintile_scores(monetary)
    segment = segment_names(r, f)
    table = pd.DataFrame(
        {
            "recency": recency,
            "frequency": frequency,
            "monetary": monetary,
            "R": r,
            "F": f,
            "M": m,
            "rfm": pd.Series(r)
            .astype(str)
            .str.cat([pd.Series(f).astype(str), pd.Series(m).astype(str)])
            .to_numpy(),
            "segment": pd.Categorical(segment, categories=list(SEGMENTS)),
        },
        index=pd.Index(periods.ids, name="customer_id"),
    )
    table.attrs.update(
        freq=freq,
        time_unit=_(_UNIT_WORDS[freq][0]),
        observation_period_end=str(_period_start(np.array([periods.end]), freq)[0].date()),
        purchases_after_end=periods.after_end,
    )
    return table


def segment_summary(rfm: pd.DataFrame, *, include_empty: bool = False) -> pd.DataFrame:
    """Size and average recency, frequency and spend of each RFM segment.

    Parameters
    ----------
    rfm : pandas.DataFrame
        The result of :func:`rfm_segments`.
    include_empty : bool
        Also list segments with no customer (their averages are then empty,
        NaN). By default they are left out.

    Returns
    -------
    pandas.DataFrame
        One row per segment, in the order of :data:`SEGMENTS`, with
        ``customers``, ``share``, ``recency``, ``frequency``, ``monetary``
        (segment averages) and ``description``.

    Examples
    --------
    >>> log = pd.DataFrame(
    ...     {"customer_id": [1, 2], "date": ["2024-01-02", "2024-03-01"], "amount": 10}
    ... )
    >>> segment_summary(rfm_segments(log))["customers"].to_dict()
    {'Loyal': 1, 'At risk': 1}
    """
    require_columns(rfm, ["recency", "frequency", "monetary", "segment"])
    if rfm.empty:
        raise ValueError(
            _("segment_summary needs at least one customer; the RFM table is empty.")
        )
    unknown = ~pd.Series(rfm["segment"]).isin(list(SEGMENTS))
    if unknown.any():
        raise ValueError(_(
            "column 'segment' holds {value!r}, which is not one of the segments {segments}; use "
            "the table made by rfm_segments."
        ).format(value=pd.Series(rfm["segment"])[unknown].iloc[0], segments=", ".join(SEGMENTS)))
    segment = pd.Categorical(rfm["segment"], categories=list(SEGMENTS))
    grouped = rfm[["recency", "frequency", "monetary"]].groupby(segment, observed=False)
    table = grouped.mean()
    table.insert(0, "customers", grouped.size().astype(np.int64))
    table.insert(1, "share", table["customers"] / len(rfm))
    table["description"] = [_(SEGMENTS[name]) for name in table.index]
    table.index = pd.Index(list(SEGMENTS), name="segment")
    if not include_empty:
        table = table[table["customers"] > 0]
    return table
