"""The lab's charts, each with a ``describe_...`` function writing its alt text from the same data.

* :func:`retention_curve_chart`: the share of each cohort still buying, period
  by period (from :func:`~.transactions.cohort_retention`);
* :func:`holdout_chart`: purchases in the holdout period, actual against
  predicted by the BG/NBD model (from :func:`~.bgnbd.compare_holdout`);
* :func:`outlook_chart`: the models' expected margin per customer, year by
  year, beside the simple formula's (from :func:`~.bgnbd.yearly_outlook`).

Every chart has a white background (:func:`customer_focus.core.figures.new_figure`).
"""

from __future__ import annotations

import warnings

import numpy as np
import pandas as pd
from matplotlib.ticker import FuncFormatter, PercentFormatter

from ...core.figures import PALETTE, legend_below, new_figure
from ...core.formats import cents, dollars
from ...core.messages import N_, Messages
from ...core.validation import as_rate
from .transactions import retention_curve

_ = Messages("tools.lab")

__all__ = [
    "retention_curve_chart",
    "describe_retention_curves",
    "holdout_chart",
    "describe_holdout_chart",
    "outlook_chart",
    "describe_outlook_chart",
]


def _periods_shown(
    cohorts: pd.DataFrame, max_periods: int | None, caller: str
) -> tuple[pd.DataFrame, list[int], str]:
    """The retention curve, the periods a chart shows (1 to ``max_periods``) and their unit."""
    curve = retention_curve(cohorts)
    ages = [age for age in curve.index if age >= 1 and (max_periods is None or age <= max_periods)]
    if not ages:
        raise ValueError(
            _("{caller} needs at least one period after the first purchase.").format(caller=caller)
        )
    period = cohorts.attrs.get("period", N_("period"))
    return curve, ages, _(period)


def _white_axes():
    """A new course figure and its axes, both white."""
    figure = new_figure(7.5, 4.2)
    axes = figure.add_subplot()
    axes.set_facecolor("white")
    return figure, axes


def retention_curve_chart(
    cohorts: pd.DataFrame, *, title: str | None = None, max_periods: int | None = None
):
    """Line chart of the share of each cohort still buying, period by period.

    One thin line per cohort and a thick line for all cohorts together
    (:func:`~.transactions.retention_curve`). Period 0 (always 100%) is left out so that
    the scale shows the differences that matter.

    Parameters
    ----------
    cohorts : pandas.DataFrame
        The result of :func:`~.transactions.cohort_retention`.
    title : str, optional
    max_periods : int, optional
        Show periods 1 to this number only.

    Returns
    -------
    customer_focus.core.figures.CourseFigure

    Examples
    --------
    >>> from customer_focus.tools.lab.transactions import cohort_retention
    >>> log = pd.DataFrame({"customer_id": [1, 1, 2], "amount": 5.0,
    ...     "date": ["2024-01-03", "2024-02-07", "2024-01-15"]})
    >>> figure = retention_curve_chart(cohort_retention(log))
    """
    curve, ages, period = _periods_shown(cohorts, max_periods, "retention_curve_chart")
    figure, axes = _white_axes()
    shades = ["#7aa6d1", "#d9a066", "#8cc08c", "#b58cc0", "#c0b060", "#70b8b8"]
    for number, (label, row) in enumerate(cohorts.iterrows()):  # one line per cohort (a handful)
        values = row[ages].to_numpy(dtype=float)
        axes.plot(
            ages,
            values,
            color=shades[number % len(shades)],
            linewidth=1.2,
            label=_("Cohort {cohort} ({customers:,})").format(
                cohort=label, customers=int(row["customers"])),
        )
    axes.plot(
        ages,
        curve.loc[ages, "share_buying"],
        color=PALETTE["line"],
        linewidth=2.8,
        label=_("All cohorts"),
    )
    axes.set_xlabel(_("{Period}s since the first purchase").format(Period=period.capitalize()),
                    color=PALETTE["ink"])
    axes.set_ylabel(_("Share of the cohort buying that {period}").format(period=period),
                    color=PALETTE["ink"])
    axes.yaxis.set_major_formatter(PercentFormatter(1.0, decimals=0))
    axes.set_ylim(bottom=0)
    axes.set_xticks(ages if len(ages) <= 24 else ages[::2])
    axes.grid(axis="y", color=PALETTE["grid"], linewidth=0.6)
    axes.set_axisbelow(True)
    legend_below(figure, axes, title, columns=4, space=0.12)
    return figure


def describe_retention_curves(cohorts: pd.DataFrame, *, max_periods: int | None = None) -> str:
    """Alt text for :func:`retention_curve_chart`, written from the same data.

    Examples
    --------
    >>> from customer_focus.tools.lab.transactions import cohort_retention
    >>> log = pd.DataFrame({"customer_id": [1, 1, 2], "amount": 5.0,
    ...     "date": ["2024-01-03", "2024-02-07", "2024-01-15"]})
    >>> describe_retention_curves(cohort_retention(log))[:26]
    'Line chart of the share of'
    """
    curve, ages, period = _periods_shown(cohorts, max_periods, "describe_retention_curves")
    share = curve.loc[ages, "share_buying"]
    first, last = share.iloc[0], share.iloc[-1]
    values = cohorts[ages].to_numpy(dtype=float)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", RuntimeWarning)  # ages seen by one cohort only
        spread = np.nanmax(values, axis=0) - np.nanmin(values, axis=0)
    return _(
        "Line chart of the share of customers still buying, by {period}s since their first "
        "purchase ({period}s {first_age} to {last_age}), one line for each of {cohorts} "
        "cohorts and a thick line for all together. Across all cohorts, {first:.0%} buy in the "
        "{period} after their first, and {last:.0%} in {period} {last_age}; the lowest point is "
        "{lowest:.0%} and the highest after the first {period} is {highest:.0%}. In any "
        "{period}, the cohorts differ by at most {spread:.0f} percentage points."
    ).format(
        period=period, first_age=ages[0], last_age=ages[-1], cohorts=len(cohorts), first=first,
        last=last, lowest=share.min(), highest=share.max(), spread=np.nanmax(spread) * 100,
    )


def _check_table(table: object, columns: list[str], maker: str, chart: str) -> pd.DataFrame:
    if not isinstance(table, pd.DataFrame) or any(
        column not in table.columns for column in columns
    ):
        raise ValueError(
            _("{chart} needs the table made by {maker}; columns {columns} are expected.").format(
                chart=chart, maker=maker, columns=columns)
        )
    if table.empty:
        raise ValueError(_("{chart}: the table is empty.").format(chart=chart))
    return table


def holdout_chart(comparison: pd.DataFrame, *, title: str | None = None, unit: str = "weeks"):
    """Bar chart of actual against predicted purchases in the holdout period, by history.

    Parameters
    ----------
    comparison : pandas.DataFrame
        The result of :func:`~.bgnbd.compare_holdout`.
    title : str, optional
    unit : str
        The time unit of the holdout length, for the axis label.

    Returns
    -------
    customer_focus.core.figures.CourseFigure

    Examples
    --------
    >>> table = pd.DataFrame({"customers": [5, 2], "actual": [0.2, 1.0], "predicted": [0.25, 0.9]},
    ...                      index=["0", "1+"])
    >>> figure = holdout_chart(table)
    """
    table = _check_table(comparison, ["actual", "predicted"], "compare_holdout", "holdout_chart")
    figure, axes = _white_axes()
    positions = np.arange(len(table))
    axes.bar(
        positions - 0.2, table["actual"], width=0.4, color=PALETTE["line"], label=_("Actual")
    )
    axes.bar(
        positions + 0.2,
        table["predicted"],
        width=0.4,
        color=PALETTE["accent"],
        label=_("Predicted by BG/NBD"),
    )
    axes.set_xticks(positions, list(table.index))
    axes.set_xlabel(_("Repeat purchases in the calibration period"), color=PALETTE["ink"])
    length = table.attrs.get("duration")
    if length:
        label = _("Average purchases in the next {length:g} {unit}").format(
            length=length, unit=_(unit))
    else:
        label = _("Average purchases")
    axes.set_ylabel(label, color=PALETTE["ink"])
    axes.grid(axis="y", color=PALETTE["grid"], linewidth=0.6)
    axes.set_axisbelow(True)
    legend_below(figure, axes, title)
    return figure


def describe_holdout_chart(comparison: pd.DataFrame, *, unit: str = "weeks") -> str:
    """Alt text for :func:`holdout_chart`, written from the same data.

    Examples
    --------
    >>> table = pd.DataFrame({"customers": [5, 2], "actual": [0.2, 1.0], "predicted": [0.25, 0.9]},
    ...                      index=["0", "1+"])
    >>> describe_holdout_chart(table)[:19]
    'Bar chart comparing'
    """
    table = _check_table(
        comparison, ["actual", "predicted"], "compare_holdout", "describe_holdout_chart"
    )
    length = table.attrs.get("duration")
    span = (
        _(" over the next {length:g} {unit}").format(length=length, unit=_(unit)) if length else ""
    )
    first, last = table.iloc[0], table.iloc[-1]
    gap = float(np.max(np.abs(table["actual"] - table["predicted"])))
    return _(
        "Bar chart comparing, for groups of customers by their repeat purchases in the "
        "calibration period ({first_group} to {last_group}), the average number of "
        "purchases they actually made{span} with the number the BG/NBD model predicted. Customers "
        "with {first_group} repeat purchases made {first_actual:.2f} on average against "
        "{first_predicted:.2f} predicted; those with {last_group} made "
        "{last_actual:.2f} against {last_predicted:.2f}. The largest gap in any group is "
        "{gap:.2f} purchases."
    ).format(
        first_group=table.index[0], last_group=table.index[-1], span=span,
        first_actual=first["actual"], first_predicted=first["predicted"],
        last_actual=last["actual"], last_predicted=last["predicted"], gap=gap,
    )


def outlook_chart(
    outlook: pd.DataFrame, *, retention: float | None = None, title: str | None = None
):
    """Bars of the models' expected margin per customer, year by year, with the simple formula's.

    Parameters
    ----------
    outlook : pandas.DataFrame
        The result of :func:`~.bgnbd.yearly_outlook`.
    retention : float, optional
        A constant retention rate: draws the simple formula's expected
        margins m·r^k, starting from the same year-1 margin.
    title : str, optional

    Returns
    -------
    customer_focus.core.figures.CourseFigure

    Examples
    --------
    >>> table = pd.DataFrame({"expected_margin": [10.0, 7.0, 6.0]}, index=[1, 2, 3])
    >>> figure = outlook_chart(table, retention=0.7)
    """
    table = _check_table(outlook, ["expected_margin"], "yearly_outlook", "outlook_chart")
    years = np.asarray(table.index, dtype=float)
    margins = table["expected_margin"].to_numpy(dtype=float)
    figure, axes = _white_axes()
    axes.bar(years, margins, color=PALETTE["line"], label=_("BG/NBD and Gamma-Gamma models"))
    if retention is not None:
        r = as_rate(retention, "retention", meaning=_("a constant yearly retention rate"))
        formula = margins[0] * r ** (years - years[0])
        axes.plot(
            years,
            formula,
            color=PALETTE["accent"],
            marker="o",
            linewidth=2,
            label=_("Constant retention of {rate:.0%} (the simple formula)").format(rate=r),
        )
    axes.set_xlabel(_("Year from today"), color=PALETTE["ink"])
    axes.set_ylabel(_("Expected margin per customer"), color=PALETTE["ink"])
    axes.yaxis.set_major_formatter(FuncFormatter(dollars))
    axes.set_xticks(years)
    axes.grid(axis="y", color=PALETTE["grid"], linewidth=0.6)
    axes.set_axisbelow(True)
    legend_below(figure, axes, title)
    return figure


def describe_outlook_chart(outlook: pd.DataFrame, *, retention: float | None = None) -> str:
    """Alt text for :func:`outlook_chart`, written from the same data.

    Examples
    --------
    >>> table = pd.DataFrame({"expected_margin": [10.0, 7.0, 6.0]}, index=[1, 2, 3])
    >>> describe_outlook_chart(table)[:20]
    'Bar chart of the exp'
    """
    table = _check_table(outlook, ["expected_margin"], "yearly_outlook", "describe_outlook_chart")
    margins = table["expected_margin"].to_numpy(dtype=float)
    years = list(table.index)
    text = _(
        "Bar chart of the expected margin per customer in each year from today, years {first} "
        "to {last}, predicted by the BG/NBD and Gamma-Gamma models: {first_margin} in "
        "year {first}, {second_margin} in year {second} and {last_margin} in year {last}."
    ).format(
        first=years[0], last=years[-1], first_margin=cents(margins[0]),
        second_margin=cents(margins[1]) if len(margins) > 1 else "",
        second=years[min(1, len(years) - 1)], last_margin=cents(margins[-1]),
    )
    if retention is not None:
        r = as_rate(retention, "retention", meaning=_("a constant yearly retention rate"))
        formula = margins[0] * r ** (len(margins) - 1)
        text += (
            _(" A line shows the simple formula's margins with a constant retention of "
              "{rate:.0%}, starting from the same year-1 margin and falling to {formula} in year "
              "{last}, below the models' bars in the later years.")
            if formula < margins[-1]
            else _(" A line shows the simple formula's margins with a constant retention of "
                   "{rate:.0%}, reaching {formula} in year {last}.")
        ).format(rate=r, formula=cents(formula), last=years[-1])
    return text
