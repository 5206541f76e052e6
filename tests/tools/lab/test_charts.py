"""The lab's charts: labels, legends, white backgrounds, alt text written from the same data."""

from __future__ import annotations

import matplotlib.colors as mcolors
import pandas as pd
import pytest

from customer_focus.tools.lab import bgnbd, charts, datasets
from customer_focus.tools.lab import transactions as tx

# ---- chart ---------------------------------------------------------------------------------------


def test_retention_chart_has_labels_legend_and_white_background(cdnow):
    cohorts = tx.cohort_retention(cdnow)
    figure = charts.retention_curve_chart(cohorts, max_periods=15)
    axes = figure.axes[0]
    assert axes.get_xlabel() == "Months since the first purchase"
    assert "Share of the cohort" in axes.get_ylabel()
    legend = [text.get_text() for text in figure.legends[0].get_texts()]
    assert legend == [
        "Cohort 1997-01 (781)",
        "Cohort 1997-02 (857)",
        "Cohort 1997-03 (719)",
        "All cohorts",
    ]
    assert mcolors.to_hex(figure.get_facecolor()) == "#ffffff"
    assert mcolors.to_hex(axes.get_facecolor()) == "#ffffff"
    alt = charts.describe_retention_curves(cohorts, max_periods=15)
    assert "15% buy in the month after their first" in alt and "3 cohorts" in alt


# ---- charts --------------------------------------------------------------------------------------


def test_holdout_and_outlook_charts(calibration, fitted):
    model, spend = fitted
    holdout = tx.holdout_purchases(
        datasets.cdnow_sample(), calibration_period_end="1997-09-30", freq="D", freq_multiplier=7
    )
    table = bgnbd.compare_holdout(model, calibration, holdout)
    figure = charts.holdout_chart(table)
    axes = figure.axes[0]
    assert axes.get_xlabel() == "Repeat purchases in the calibration period"
    assert axes.get_ylabel() == "Average purchases in the next 39 weeks"
    assert [text.get_text() for text in figure.legends[0].get_texts()] == [
        "Actual",
        "Predicted by BG/NBD",
    ]
    assert mcolors.to_hex(figure.get_facecolor()) == "#ffffff"
    assert mcolors.to_hex(axes.get_facecolor()) == "#ffffff"
    assert "over the next 39 weeks" in charts.describe_holdout_chart(table)
    outlook = bgnbd.yearly_outlook(
        model, spend, calibration, margin=0.3, discount_rate=0.1, years=5
    )
    figure = charts.outlook_chart(outlook, retention=0.7)
    axes = figure.axes[0]
    assert (
        axes.get_xlabel() == "Year from today"
        and axes.get_ylabel() == "Expected margin per customer"
    )
    assert len(figure.legends[0].get_texts()) == 2
    assert mcolors.to_hex(figure.get_facecolor()) == "#ffffff"
    assert "constant retention of 70%" in charts.describe_outlook_chart(outlook, retention=0.7)


def test_charts_refuse_other_tables():
    with pytest.raises(ValueError, match="holdout_chart needs the table made by compare_holdout"):
        charts.holdout_chart(pd.DataFrame({"x": [1]}))
    with pytest.raises(ValueError, match="outlook_chart needs the table made by yearly_outlook"):
        charts.outlook_chart(pd.DataFrame({"x": [1]}))
