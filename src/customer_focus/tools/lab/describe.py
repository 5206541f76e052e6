"""What the lab's notebook says about its results: its sentences and its tables' headers.

The lab's notebook prints a few sentences about the models' results and shows
tables with headers for reading; they are written here, in the reader's
language (:mod:`customer_focus.core.messages`, the ``tools.lab`` catalog), so
the notebook's cells only call them. The numbers come from the cells: this
module only words them.
"""

from __future__ import annotations

from collections.abc import Mapping

import pandas as pd

from ...core.messages import N_, Messages
from ...core.tables import format_table

_ = Messages("tools.lab")

__all__ = [
    "SEGMENT_NAMES",
    "skipped_table",
    "cohort_table",
    "segment_table",
    "fit_comparison",
    "correlation_line",
    "holdout_line",
    "holdout_table",
    "value_lines",
    "best_customers",
    "segment_values",
    "outlook_table",
    "formula_lines",
    "improvement_lines",
]

#: The segments' shown names, by the name the tables hold (the data keep the English name).
SEGMENT_NAMES = {
    "Champions": N_("Champions"), "Loyal": N_("Loyal"), "Promising": N_("Promising"),
    "Needs attention": N_("Needs attention"), "At risk": N_("At risk"), "Lapsed": N_("Lapsed"),
}
#: The shown headers of :func:`segment_table`, by the column they show.
SEGMENT_HEADERS = {
    "customers": N_("customers"), "share": N_("share"), "recency": N_("recency"),
    "frequency": N_("frequency"), "monetary": N_("monetary"), "description": N_("description"),
}
#: The shown headers of :func:`holdout_table`, by the column they show.
HOLDOUT_HEADERS = {
    "customers": N_("customers"), "actual": N_("actual"), "predicted": N_("predicted"),
}
#: The shown headers of :func:`best_customers`, by the column they show.
CUSTOMER_HEADERS = {
    "frequency": N_("Repeat purchase days"), "recency": N_("Age at last purchase (weeks)"),
    "T": N_("Age today (weeks)"), "probability_alive": N_("Chance still active"),
    "expected_purchases": N_("Expected purchases"),
    "expected_spend": N_("Expected spend per purchase"), "lifetime_value": N_("Lifetime value"),
}
#: The shown headers of :func:`outlook_table`, by the column they show.
OUTLOOK_HEADERS = {
    "year": N_("Year"), "expected_purchases": N_("Expected purchases"),
    "expected_margin": N_("Expected margin"), "implied_retention": N_("Implied retention"),
    "discount_factor": N_("Discount factor"), "present_value": N_("Present value"),
    "cumulative_value": N_("Cumulative value"),
}


def _leaving(model) -> float:
    """The average chance that a customer drops out after a repeat purchase, a/(a+b)."""
    return model.a / (model.a + model.b)


def _shown_segments(table: pd.DataFrame) -> pd.DataFrame:
    """``table`` with its segments' names in the reader's language."""
    return table.rename(index={name: _(shown) for name, shown in SEGMENT_NAMES.items()}
                        ).rename_axis(_("segment"))


def skipped_table(checked) -> pd.DataFrame:
    """The rows of a purchase log left out, with why, headed for reading.

    Parameters
    ----------
    checked : TransactionLog
        :func:`customer_focus.tools.lab.transactions.read_transactions`'s result; its
        ``skipped`` table has the columns ``line`` and ``reason``, then the log's own
        columns, which keep their names.

    Examples
    --------
    >>> from customer_focus.tools.lab import transactions
    >>> log = pd.DataFrame({"customer_id": ["A", ""], "date": ["2024-03-02", "2024-03-05"],
    ...                     "amount": [10.0, 5.0]})
    >>> shown = skipped_table(transactions.read_transactions(log, on_bad_rows="skip"))
    >>> shown.columns.tolist()[:3], shown["reason"].tolist()
    (['line', 'reason', 'customer_id'], ['customer_id is empty'])
    """
    return checked.skipped.rename(columns={"line": _("line"), "reason": _("reason")})


def cohort_table(cohorts: pd.DataFrame, periods) -> pd.DataFrame:
    """Each cohort's size and the share of it buying in each period, for reading.

    Parameters
    ----------
    cohorts : pandas.DataFrame
        :func:`customer_focus.tools.lab.transactions.cohort_retention`'s table.
    periods : iterable of int
        The periods shown (0 is the period of the first purchase). A period a
        cohort has not reached yet by the end of the log is left blank.

    Examples
    --------
    >>> cohorts = pd.DataFrame({"customers": [10, 4], 0: [1.0, 1.0], 1: [0.2, None]},
    ...                        index=pd.Index(["2024-01", "2024-02"], name="cohort"))
    >>> cohort_table(cohorts, range(2))[1].tolist()
    ['20.0%', '']
    """
    periods = list(periods)
    table = cohorts[["customers", *periods]]
    shown = format_table(table.fillna(0), percent=periods)
    for period in periods:
        shown.loc[table[period].isna().to_numpy(), period] = ""
    return shown.rename(columns={"customers": _("customers")}).rename_axis(_("cohort"))


def segment_table(segments: pd.DataFrame) -> pd.DataFrame:
    """Each RFM segment's size, averages and description, written and headed for reading.

    Parameters
    ----------
    segments : pandas.DataFrame
        :func:`customer_focus.tools.lab.transactions.segment_summary`'s table.

    Examples
    --------
    >>> from customer_focus.tools.lab import transactions
    >>> log = pd.DataFrame({"customer_id": [1, 2], "date": ["2024-01-02", "2024-03-01"],
    ...                     "amount": 10})
    >>> shown = segment_table(transactions.segment_summary(transactions.rfm_segments(log)))
    >>> shown.loc["Loyal", "share"]
    '50.0%'
    """
    shown = format_table(
        segments, percent=["share"], money=["monetary"], decimals={"recency": 0, "frequency": 1}
    )
    shown = shown.rename(columns={name: _(header) for name, header in SEGMENT_HEADERS.items()})
    return _shown_segments(shown)


def fit_comparison(model, published: Mapping[str, float]) -> pd.DataFrame:
    """A fitted model's estimates beside the published ones, one row per parameter.

    Parameters
    ----------
    model : BetaGeoModel or GammaGammaModel
        A fitted model (:mod:`customer_focus.tools.lab.bgnbd`).
    published : mapping
        The published estimates by parameter, and ``"log-likelihood"``.

    Examples
    --------
    >>> from customer_focus.tools.lab import bgnbd
    >>> model = bgnbd.CDNOW_BGNBD
    >>> fit_comparison(model, {**model.params, "log-likelihood": None}).columns.tolist()
    ['this fit', 'published']
    """
    ours = {**model.params, "log-likelihood": model.log_likelihood}
    table = pd.DataFrame({"this fit": ours, "published": dict(published)})
    table.index = [_("log-likelihood") if name == "log-likelihood" else name
                   for name in table.index]
    table.columns = [_("this fit"), _("published")]
    return table


def correlation_line(correlation: float) -> str:
    """The sentence giving the correlation of purchase count and average spend.

    Examples
    --------
    >>> correlation_line(0.114)
    'Correlation of purchase count and average spend: 0.11'
    """
    return _("Correlation of purchase count and average spend: {correlation:.2f}").format(
        correlation=correlation)


def holdout_line(check: pd.DataFrame, weeks: int) -> str:
    """The sentence giving the purchases made and predicted after the calibration period.

    Parameters
    ----------
    check : pandas.DataFrame
        :func:`customer_focus.tools.lab.bgnbd.compare_holdout`'s table (its totals).
    weeks : int
        The length of the holdout period, in weeks.

    Examples
    --------
    >>> check = pd.DataFrame()
    >>> check.attrs.update(total_actual=1882.0, total_predicted=1653.2)
    >>> holdout_line(check, 39)
    'Purchases in the 39 weeks after calibration: 1,882 actual, 1,653 predicted'
    """
    return _("Purchases in the {weeks} weeks after calibration: {actual:,.0f} actual, "
             "{predicted:,.0f} predicted").format(
        weeks=weeks, actual=check.attrs["total_actual"],
        predicted=check.attrs["total_predicted"])


def holdout_table(check: pd.DataFrame) -> pd.DataFrame:
    """Average purchases per customer after calibration, actual and predicted, for reading.

    Parameters
    ----------
    check : pandas.DataFrame
        :func:`customer_focus.tools.lab.bgnbd.compare_holdout`'s table.

    Examples
    --------
    >>> check = pd.DataFrame({"customers": [5], "actual": [0.244], "predicted": [0.231]},
    ...                      index=pd.Index(["0"], name="repeat_purchases"))
    >>> holdout_table(check).columns.tolist()
    ['customers', 'actual', 'predicted']
    """
    shown = check.round(2).rename(
        columns={name: _(header) for name, header in HOLDOUT_HEADERS.items()})
    return shown.rename_axis(_("repeat_purchases"))


def value_lines(values: pd.DataFrame, model, first_model, *, weeks: int,
                first_weeks: int) -> list[str]:
    """Lines summing up the customers' predicted lifetime values.

    Parameters
    ----------
    values : pandas.DataFrame
        :func:`customer_focus.tools.lab.bgnbd.predicted_lifetime_value`'s table.
    model, first_model : BetaGeoModel
        The model fitted on all ``weeks`` and the one fitted on the first ``first_weeks``.
    weeks, first_weeks : int
        How many weeks of purchases each model was fitted on.

    Examples
    --------
    >>> from customer_focus.tools.lab import bgnbd
    >>> model = bgnbd.CDNOW_BGNBD
    >>> values = pd.DataFrame({"lifetime_value": [30.0, 46.9]})
    >>> lines = value_lines(values, model, model, weeks=78, first_weeks=39)
    >>> for line in lines[:3]:
    ...     print(line)
    Customers: 2
    Average lifetime value: $38.45
    Whole customer base: $77
    >>> lines[3].split(": ")[1]
    '24.6% (all 78 weeks; the first 39 weeks gave 24.6%)'
    """
    value = values["lifetime_value"]
    return [
        _("Customers: {count:,}").format(count=len(values)),
        _("Average lifetime value: ${value:,.2f}").format(value=value.mean()),
        _("Whole customer base: ${value:,.0f}").format(value=value.sum()),
        _("Average chance of leaving after a repeat purchase: {leaving:.1%} (all {weeks} weeks; "
          "the first {first_weeks} weeks gave {first_leaving:.1%})").format(
            leaving=_leaving(model), weeks=weeks, first_weeks=first_weeks,
            first_leaving=_leaving(first_model)),
    ]


def best_customers(best: pd.DataFrame) -> pd.DataFrame:
    """Customers' histories, predictions and lifetime values, written and headed for reading.

    Parameters
    ----------
    best : pandas.DataFrame
        Customers' summaries joined with their predicted lifetime values, one row per
        customer (the columns of :data:`CUSTOMER_HEADERS`).

    Examples
    --------
    >>> best = pd.DataFrame({"frequency": [41.0], "recency": [66.0], "T": [67.9],
    ...     "probability_alive": [0.961], "expected_purchases": [131.1],
    ...     "expected_spend": [41.44], "lifetime_value": [1145.6]},
    ...     index=pd.Index([20111], name="customer_id"))
    >>> best_customers(best).iloc[0].tolist()
    ['41', '66.0', '67.9', '96.1%', '131.1', '$41.44', '$1,145.60']
    """
    shown = format_table(
        best[list(CUSTOMER_HEADERS)],
        money=["expected_spend", "lifetime_value"],
        percent=["probability_alive"],
        decimals={"frequency": 0, "recency": 1, "T": 1, "expected_purchases": 1},
    )
    return shown.rename(columns={name: _(header) for name, header in CUSTOMER_HEADERS.items()}
                        ).rename_axis(_("Customer"))


def segment_values(values: pd.DataFrame, segments: pd.Series) -> pd.DataFrame:
    """The customers, average and total lifetime value of each segment, for reading.

    Parameters
    ----------
    values : pandas.DataFrame
        :func:`customer_focus.tools.lab.bgnbd.predicted_lifetime_value`'s table.
    segments : pandas.Series
        Each customer's segment (the ``segment`` column of
        :func:`customer_focus.tools.lab.transactions.rfm_segments`).

    Examples
    --------
    >>> values = pd.DataFrame({"lifetime_value": [10.0, 20.0, 5.0]})
    >>> shown = segment_values(values, pd.Series(["A", "A", "B"], name="segment"))
    >>> shown.columns.tolist(), shown.loc["A", "total value"]
    (['customers', 'average value', 'total value'], '$30.00')
    """
    table = values["lifetime_value"].groupby(segments, observed=True).agg(
        ["count", "mean", "sum"])
    table.columns = ["customers", "average value", "total value"]
    shown = format_table(table, money=["average value", "total value"])
    shown.columns = [_("customers"), _("average value"), _("total value")]
    return _shown_segments(shown)


def outlook_table(outlook: pd.DataFrame) -> pd.DataFrame:
    """The yearly outlook written and headed for reading, one row per year.

    Parameters
    ----------
    outlook : pandas.DataFrame
        :func:`customer_focus.tools.lab.bgnbd.yearly_outlook`'s table.

    Examples
    --------
    >>> outlook = pd.DataFrame({"expected_purchases": [0.84], "expected_margin": [9.2],
    ...     "implied_retention": [0.816], "discount_factor": [0.909], "present_value": [8.37],
    ...     "cumulative_value": [8.37]}, index=pd.Index([1], name="year"))
    >>> outlook_table(outlook).columns.tolist()[:2]
    ['Expected purchases', 'Expected margin']
    """
    shown = format_table(
        outlook.reset_index(),
        money=["expected_margin", "present_value", "cumulative_value"],
        percent=["implied_retention"],
        decimals={"expected_purchases": 2, "discount_factor": 3},
    )
    return shown.rename(columns={name: _(header) for name, header in OUTLOOK_HEADERS.items()}
                        ).set_index(_("Year"))


def formula_lines(retention: float, margin: float, formula_10: float, formula_all: float,
                  model_10: float) -> list[str]:
    """Lines setting the formula's lifetime value beside the models', over ten years.

    Parameters
    ----------
    retention, margin : float
        The implied first-year retention and the matching yearly margin.
    formula_10, formula_all : float
        The formula's value over ten years and over all years.
    model_10 : float
        The models' value over ten years.

    Examples
    --------
    >>> for line in formula_lines(0.816, 11.27, 30.81, 32.45, 36.75):
    ...     print(line)
    Implied retention r = 81.6%, yearly margin m = $11.27
    Formula m·r/(1+i−r), 10 years:  $30.81  (all years: $32.45)
    Models, 10 years:               $36.75
    """
    return [
        _("Implied retention r = {retention:.1%}, yearly margin m = ${margin:,.2f}").format(
            retention=retention, margin=margin),
        _("Formula m·r/(1+i−r), 10 years:  ${value:,.2f}  (all years: ${all_years:,.2f})"
          ).format(value=formula_10, all_years=formula_all),
        _("Models, 10 years:               ${value:,.2f}").format(value=model_10),
    ]


def improvement_lines(model, better, formula: tuple[float, float],
                      models: tuple[float, float]) -> list[str]:
    """Lines showing what better retention changes, in the formula and in the models.

    Parameters
    ----------
    model, better : BetaGeoModel
        The fitted model and the one with better retention.
    formula, models : tuple of float
        The ten-year value before and after, in the formula and in the models.

    Examples
    --------
    >>> from customer_focus.tools.lab import bgnbd
    >>> model = bgnbd.CDNOW_BGNBD
    >>> better = model.with_params(b=model.b * 4)
    >>> for line in improvement_lines(model, better, (30.81, 37.97), (36.75, 47.07)):
    ...     print(line)
    Chance of leaving after a purchase: 24.6% -> 7.6%
    Formula, 10 years: $30.81 -> $37.97 (+23%)
    Models, 10 years:  $36.75 -> $47.07 (+28%)
    """
    return [
        _("Chance of leaving after a purchase: {before:.1%} -> {after:.1%}").format(
            before=_leaving(model), after=_leaving(better)),
        _("Formula, 10 years: ${before:,.2f} -> ${after:,.2f} ({change:+.0%})").format(
            before=formula[0], after=formula[1], change=formula[1] / formula[0] - 1),
        _("Models, 10 years:  ${before:,.2f} -> ${after:,.2f} ({change:+.0%})").format(
            before=models[0], after=models[1], change=models[1] / models[0] - 1),
    ]
