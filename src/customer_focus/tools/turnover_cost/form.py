"""The employee turnover cost worksheet: its live form, tables and chart.

The arithmetic lives in :mod:`customer_focus.turnover`; this module lays out
inputs and shows results. A bad value shows a plain-language message in the
form instead of a traceback.
"""

from __future__ import annotations

from collections.abc import Mapping
from html import escape
from typing import Any

import ipywidgets as w
import pandas as pd
from IPython.display import HTML, display
from matplotlib.ticker import FuncFormatter, MaxNLocator

from .. import turnover
from ..core.figures import PALETTE, CourseFigure, new_figure as _new_figure, figure_html
from ..core.formats import cents, dollars
from ..core.tables import format_table

__all__ = [
    "CATEGORY_COLORS",
    "category_table",
    "benchmarks_table",
    "jobs_table",
    "cost_by_category_chart",
    "describe_cost_by_category",
    "TurnoverCostForm",
    "turnover_cost_form",
]

#: One color per line (Okabe & Ito's palette, distinguishable with color-blindness).
CATEGORY_COLORS = {
    "separation": "#0072B2",
    "vacancy": "#E69F00",
    "replacement": "#009E73",
    "training": "#CC79A7",
    "learning_curve": "#D55E00",
}

_MEDIAN_LABEL = "Boushey & Glynn (2012) median: 21% of salary"


def category_table(estimate: turnover.TurnoverCost) -> pd.DataFrame:
    """One departure's cost by line, with a total row, written for reading.

    Parameters
    ----------
    estimate : customer_focus.turnover.TurnoverCost
        The result of :func:`customer_focus.turnover.turnover_cost`.

    Returns
    -------
    pandas.DataFrame
        Columns "Line", "What it covers", "Cascio's category", "Amount" and
        "Share of total", indexed by nothing in particular.
    """
    table = estimate.by_category.copy()
    total = pd.DataFrame(
        [{"category": "Total", "covers": "", "cascio": "", "amount": estimate.total,
          "share_of_total": 1.0 if estimate.total > 0 else 0.0}]
    )
    table = pd.concat([table, total], ignore_index=True)
    shown = format_table(table, money=["amount"], percent=["share_of_total"])
    return shown.rename(
        columns={
            "category": "Line",
            "covers": "What it covers",
            "cascio": "Cascio's category",
            "amount": "Amount",
            "share_of_total": "Share of total",
        }
    ).set_index("Line")


def benchmarks_table(salary: float) -> pd.DataFrame:
    """Published estimates applied to a salary (:func:`customer_focus.turnover.benchmarks`), written for reading."""
    shown = format_table(turnover.benchmarks(salary), money=["amount"], percent=["share_of_salary"])
    return shown.rename(
        columns={
            "estimate": "Estimate",
            "share_of_salary": "Share of salary",
            "amount": "At this salary",
            "basis": "Basis",
            "source": "Source",
        }
    ).set_index("Estimate")


def jobs_table(comparison: pd.DataFrame) -> pd.DataFrame:
    """The output of :func:`customer_focus.turnover.compare_jobs`, written for reading."""
    money = ["salary", *turnover.CATEGORIES, "total"]
    shown = format_table(comparison, money=money, percent=["share_of_salary"])
    headings = {"job": "Job", "salary": "Salary", "total": "Total", "share_of_salary": "Share of salary"}
    headings.update({name: spec.label for name, spec in turnover.CATEGORIES.items()})
    return shown.rename(columns=headings).set_index("Job")


# ---- the chart -------------------------------------------------------------------------------


def _stacked_bars(
    table: pd.DataFrame,
    *,
    label_column: str,
    segments: Mapping[str, tuple[str, str, str]],
    pay_column: str,
    share_column: str,
    xlabel: str,
    marker_share: float | None = None,
    marker_label: str = "",
    title: str | None = None,
) -> CourseFigure:
    """Horizontal stacked bars: one bar per row, one segment per cost column.

    ``segments`` maps a column to its (legend label, color, hatch). Each bar
    ends with its total and its share of pay; an optional diamond marks
    ``marker_share`` × pay on each bar.
    """
    needed = [label_column, pay_column, share_column, "total", *segments]
    for column in needed:
        if column not in table.columns:
            raise ValueError(
                f"the chart needs the worksheet's results table; column {column!r} is missing. "
                f"Expected columns: {', '.join(needed)}."
            )
    if table.empty:
        raise ValueError("the chart needs at least one row of results.")
    rows = table.iloc[::-1].reset_index(drop=True)
    count = len(rows)
    legend_rows = -(-(len(segments) + (marker_share is not None)) // 3)
    height = 1.5 + 0.55 * count + 0.3 * legend_rows
    figure = _new_figure(8, height)
    axes = figure.add_subplot()
    axes.set_facecolor("white")
    positions = list(range(count))
    left = [0.0] * count
    for column, (label, color, hatch) in segments.items():
        values = [max(float(v), 0.0) for v in rows[column]]
        axes.barh(
            positions, values, left=left, height=0.6, color=color, edgecolor="white", linewidth=0.6,
            hatch=hatch or None, label=label,
        )
        left = [a + b for a, b in zip(left, values)]
    top = max(left)
    ends = list(left)
    if marker_share is not None:
        marks = [marker_share * float(pay) for pay in rows[pay_column]]
        ends = [max(end, mark) for end, mark in zip(ends, marks)]
        axes.scatter(
            marks, positions, marker="D", s=36, color="white", edgecolor=PALETTE["ink"], linewidth=1.3,
            zorder=3, label=marker_label,
        )
        top = max(top, max(marks))
    for position, end, total, share in zip(positions, ends, rows["total"], rows[share_column]):
        axes.text(
            end + top * 0.015, position, f" {dollars(float(total))} ({float(share):.0%})",
            va="center", ha="left", fontsize=9, color=PALETTE["ink"],
        )
    axes.set_xlim(0, (top or 1.0) * 1.28)
    axes.set_yticks(positions, [str(name) for name in rows[label_column]])
    axes.set_xlabel(xlabel, color=PALETTE["ink"])
    axes.xaxis.set_major_formatter(FuncFormatter(dollars))
    axes.xaxis.set_major_locator(MaxNLocator(nbins=5))
    axes.grid(axis="x", color=PALETTE["grid"], linewidth=0.6)
    axes.set_axisbelow(True)
    for side in ("top", "right"):
        axes.spines[side].set_visible(False)
    if title:
        axes.set_title(title, color=PALETTE["ink"])
    handles, labels = axes.get_legend_handles_labels()
    order = [labels.index(label) for label, _, _ in segments.values()]
    order += [i for i in range(len(labels)) if i not in order]  # the marker last
    handles, labels = [handles[i] for i in order], [labels[i] for i in order]
    columns = min(3, len(labels))
    # matplotlib fills legend columns top to bottom; reorder so it reads left to right
    rows_of = [list(range(start, min(start + columns, len(labels)))) for start in range(0, len(labels), columns)]
    by_column = [row[c] for c in range(columns) for row in rows_of if c < len(row)]
    figure.legend(
        [handles[i] for i in by_column], [labels[i] for i in by_column],
        loc="lower center", ncol=columns, frameon=False, fontsize=9,
    )
    figure.tight_layout(rect=(0, (0.24 * legend_rows + 0.12) / height, 1, 1))
    return figure


def cost_by_category_chart(
    comparison: pd.DataFrame, *, median_marker: bool = True, title: str | None = None
) -> CourseFigure:
    """Stacked bars of each job's turnover cost by line.

    Parameters
    ----------
    comparison : pandas.DataFrame
        The output of :func:`customer_focus.turnover.compare_jobs`, or
        ``TurnoverCost.as_row()`` for a single job.
    median_marker : bool
        Mark each job's 21% of salary, Boushey & Glynn's (2012) median, with
        a diamond.
    title : str, optional
        A title for the chart.

    Returns
    -------
    CourseFigure

    Examples
    --------
    >>> from customer_focus import turnover
    >>> figure = cost_by_category_chart(turnover.turnover_cost(**turnover.course_example()).as_row())
    """
    segments = {
        name: (spec.label, CATEGORY_COLORS[name], "") for name, spec in turnover.CATEGORIES.items()
    }
    return _stacked_bars(
        comparison,
        label_column="job",
        segments=segments,
        pay_column="salary",
        share_column="share_of_salary",
        xlabel="Cost of one departure (share of salary in parentheses)",
        marker_share=turnover.BOUSHEY_GLYNN_MEDIAN if median_marker else None,
        marker_label=_MEDIAN_LABEL,
        title=title,
    )


def describe_cost_by_category(comparison: pd.DataFrame, *, median_marker: bool = True) -> str:
    """Alt text for :func:`cost_by_category_chart`, written from the same data.

    Examples
    --------
    >>> from customer_focus import turnover
    >>> describe_cost_by_category(turnover.turnover_cost(**turnover.course_example()).as_row())[:45]
    'Stacked bar chart of the cost of one departur'
    """
    labels = {name: spec.label.lower() for name, spec in turnover.CATEGORIES.items()}
    if len(comparison) == 1:
        row = comparison.iloc[0]
        parts = ", ".join(f"{labels[name]} {cents(float(row[name]))}" for name in labels)
        text = (
            f"Stacked bar chart of the cost of one departure from {row['job']}: "
            f"{cents(float(row['total']))} in all, {float(row['share_of_salary']):.1%} of the "
            f"{cents(float(row['salary']))} salary. The lines are {parts}."
        )
        if median_marker:
            text += (
                f" A diamond marks Boushey & Glynn's median of 21% of salary, "
                f"{cents(turnover.BOUSHEY_GLYNN_MEDIAN * float(row['salary']))}."
            )
        return text
    by_share = comparison.sort_values("share_of_salary", ascending=False)
    high, low = by_share.iloc[0], by_share.iloc[-1]
    sums = {name: float(comparison[name].sum()) for name in labels}
    biggest = max(sums, key=sums.get)
    costliest = comparison.loc[comparison["total"].idxmax()]
    text = (
        f"Stacked bar chart of the cost of one departure for {len(comparison)} jobs, split into "
        f"{', '.join(labels.values())}. The costliest departure is {costliest['job']} at "
        f"{cents(float(costliest['total']))}. As a share of salary, costs run from "
        f"{float(low['share_of_salary']):.0%} ({low['job']}) to {float(high['share_of_salary']):.0%} "
        f"({high['job']}). Across all jobs the largest line is the {labels[biggest]}."
    )
    if median_marker:
        text += " Diamonds mark 21% of each salary, Boushey & Glynn's median."
    return text


# ---- the form ------------------------------------------------------------------------------

_LABEL_STYLE = {"description_width": "18em"}


def _wide() -> w.Layout:
    """A fresh layout per control (never created at import time)."""
    return w.Layout(width="32em")


_ITEM_LABELS = {
    "exit_interview": "Exit interview ($)",
    "hr_admin": "HR administration ($)",
    "separation_pay": "Separation pay ($)",
    "unemployment_tax": "Unemployment tax ($)",
    "overtime_or_temps": "Overtime premium or temps ($)",
    "lost_sales": "Margin on lost sales ($)",
    "advertising": "Advertising, agency fees ($)",
    "interviews": "Interviewers' time ($)",
    "testing": "Testing ($)",
    "travel_relocation": "Travel, relocation ($)",
    "checks": "Background checks, medical ($)",
    "trainee_time": "Trainee's time ($)",
    "trainer_time": "Trainers' time ($)",
    "materials": "Materials ($)",
}


class TurnoverCostForm:
    """The worksheet's form: a job's line items on top; the cost, table and chart below.

    Parameters
    ----------
    job : str
        A name for the job, shown in the chart.
    **starting_values
        ``salary``, ``weeks_to_full_productivity``,
        ``productivity_while_learning`` and any line item of
        :data:`customer_focus.turnover.LINE_ITEMS`. Missing ones start at the
        course's example (:func:`customer_focus.turnover.course_example`);
        missing line items at 0 when some are given.

    Attributes
    ----------
    widget : ipywidgets.VBox
        What to display.
    controls : dict
        The input widgets, by argument name.
    """

    def __init__(self, job: str = "This job", **starting_values: float) -> None:
        unknown = set(starting_values) - {"salary", "weeks_to_full_productivity", "productivity_while_learning", *turnover.LINE_ITEMS}
        if unknown:
            raise ValueError(f"TurnoverCostForm does not know {', '.join(sorted(unknown))}.")
        example = turnover.course_example()
        given_items = any(name in turnover.LINE_ITEMS for name in starting_values)
        values: dict[str, Any] = {
            name: starting_values.get(name, 0 if given_items else example.get(name, 0))
            for name in turnover.LINE_ITEMS
        }
        for name in ("salary", "weeks_to_full_productivity", "productivity_while_learning"):
            values[name] = starting_values.get(name, example[name])
        self.job = w.Text(value=job, description="Job", style=_LABEL_STYLE, layout=_wide())
        self.controls: dict[str, w.ValueWidget] = {
            "salary": w.FloatText(value=values["salary"], description="Yearly salary ($)", style=_LABEL_STYLE, layout=_wide()),
        }
        rows: list[w.Widget] = [self.job, self.controls["salary"]]
        for category, spec in turnover.CATEGORIES.items():
            rows.append(w.HTML(f"<strong>{escape(spec.label)}</strong>: {escape(spec.covers)}"))
            if category == "learning_curve":
                self.controls["weeks_to_full_productivity"] = w.FloatText(
                    value=values["weeks_to_full_productivity"], description="Weeks to full productivity",
                    style=_LABEL_STYLE, layout=_wide(),
                )
                self.controls["productivity_while_learning"] = w.FloatSlider(
                    value=values["productivity_while_learning"], min=0.0, max=1.0, step=0.05,
                    readout_format=".0%", description="Average productivity meanwhile",
                    style=_LABEL_STYLE, layout=_wide(), continuous_update=False,
                )
                rows += [self.controls["weeks_to_full_productivity"], self.controls["productivity_while_learning"]]
                continue
            for name, (group, _) in turnover.LINE_ITEMS.items():
                if group == category:
                    self.controls[name] = w.FloatText(
                        value=values[name], description=_ITEM_LABELS[name], style=_LABEL_STYLE, layout=_wide()
                    )
                    rows.append(self.controls[name])
        self.output = w.Output()
        for control in (self.job, *self.controls.values()):
            control.observe(self._changed, names="value")
        self.widget = w.VBox([*rows, self.output])
        self.update()

    def _changed(self, _change: dict) -> None:
        self.update()

    def estimate(self) -> turnover.TurnoverCost:
        """The estimate for the current inputs (raises ``ValueError`` on a bad one)."""
        values = {name: control.value for name, control in self.controls.items()}
        return turnover.turnover_cost(values.pop("salary"), **values)

    def results(self) -> list[object]:
        """What the form shows for its current inputs: the cost, the table and the chart.

        A bad input gives a single message saying what to fix.
        """
        try:
            estimate = self.estimate()
        except ValueError as error:
            return [HTML(f'<p role="alert"><strong>Check your numbers:</strong> {escape(str(error))}</p>')]
        median = turnover.BOUSHEY_GLYNN_MEDIAN * estimate.salary
        row = estimate.as_row(self.job.value.strip() or "This job")
        figure = cost_by_category_chart(row)
        return [
            HTML(
                f"<p><strong>Cost of one departure: {cents(estimate.total)}</strong>, "
                f"{estimate.share_of_salary:.1%} of the {cents(estimate.salary)} salary. "
                f"For reference, the typical (median) cost in Boushey &amp; Glynn's (2012) review is "
                f"21% of salary: {cents(median)} here. Customers who leave come on top.</p>"
            ),
            category_table(estimate),
            HTML(figure_html(figure, describe_cost_by_category(row))),
        ]

    def update(self) -> None:
        """Recompute and redraw the results from the current inputs."""
        self.output.clear_output(wait=True)
        with self.output:
            for item in self.results():
                display(item)


def turnover_cost_form(job: str = "This job", **starting_values: float) -> w.VBox:
    """Build the turnover cost form and return the widget to display.

    Examples
    --------
    >>> form = turnover_cost_form(salary=36000)  # doctest: +SKIP
    """
    return TurnoverCostForm(job, **starting_values).widget
