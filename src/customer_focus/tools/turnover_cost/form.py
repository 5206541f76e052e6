"""The employee turnover cost worksheet's live form, its tables for reading, and its chart.

The arithmetic is :mod:`customer_focus.tools.turnover_cost.calc`'s; this
module lays out inputs and shows results. Every chart returns a figure with a
white background and has a ``describe_...`` function writing its alt text
from the same data. :func:`stacked_cost_bars` also draws the replacement
cost tool's chart, whose first five lines are this worksheet's.
"""

from __future__ import annotations

from collections.abc import Mapping
from html import escape
from typing import Any

import ipywidgets as w
import pandas as pd
from IPython.display import HTML
from matplotlib.ticker import FuncFormatter, MaxNLocator

from ...core.figures import PALETTE, CourseFigure, figure_html, new_figure, plain_axes
from ...core.formats import cents, dollars
from ...core.messages import Messages, current_language
from ...core.tables import format_table, with_headings
from ..spec import load_spec
from ..worksheet import Worksheet
from . import calc, describe, table

__all__ = [
    "line_items_table",
    "category_table",
    "benchmarks_table",
    "jobs_table",
    "stacked_cost_bars",
    "cost_by_category_chart",
    "describe_cost_by_category",
    "TurnoverCostForm",
    "turnover_cost_form",
]

_ = Messages("tools.turnover_cost")

_median = describe.median


def _headings(name: str) -> dict[str, str]:
    """The headings of a table written for reading (turnover_cost.yml, ``reading:``), in the
    language the package speaks now (its translation's, ``locales/<language>/tools/``)."""
    try:
        return load_spec("turnover_cost", current_language()).reading[name]
    except FileNotFoundError:  # an installed package without the course's translations
        return load_spec("turnover_cost").reading[name]


def category_table(estimate: calc.TurnoverCost) -> pd.DataFrame:
    """One departure's cost (:func:`~.calc.turnover_cost`) by line, with a total row, for reading.

    Columns "What it covers", "Cascio's category", "Amount" and "Share of
    total", indexed by "Line".

    Examples
    --------
    >>> category_table(calc.turnover_cost(**calc.course_example())).loc["Total", "Amount"]
    '$9,453.85'
    """
    lines = table.by_category(estimate)
    total = pd.DataFrame(
        [{"category": _("Total"), "covers": "", "cascio": "", "amount": estimate.total,
          "share_of_total": 1.0 if estimate.total > 0 else 0.0}]
    )
    lines = pd.concat([lines, total], ignore_index=True)
    shown = format_table(lines, money=["amount"], percent=["share_of_total"])
    return with_headings(shown, _headings("category"))


def benchmarks_table(salary: float) -> pd.DataFrame:
    """Published estimates applied to a salary (:func:`~.calc.benchmarks`), written for reading.

    Examples
    --------
    >>> benchmarks_table(36000).loc["Typical (median) cost", "At this salary"]
    '$7,560.00'
    """
    estimates = pd.DataFrame(calc.benchmarks(salary))
    shown = format_table(estimates, money=["amount"], percent=["share_of_salary"])
    return with_headings(shown, _headings("benchmarks"))


def jobs_table(comparison: pd.DataFrame) -> pd.DataFrame:
    """The output of :func:`customer_focus.tools.turnover_cost.table.compare_jobs`, for reading.

    Examples
    --------
    >>> row = table.as_row(calc.turnover_cost(**calc.course_example()), "Agent")
    >>> jobs_table(row).loc["Agent", "Share of salary"]
    '26.3%'
    """
    money = ["salary", *calc.CATEGORIES, "total"]
    shown = format_table(comparison, money=money, percent=["share_of_salary"])
    lines = {name: _(spec.label) for name, spec in calc.CATEGORIES.items()}
    return with_headings(shown, {**_headings("jobs"), **lines})


# ---- the chart -------------------------------------------------------------------------------


def _require(table: pd.DataFrame, needed: list[str]) -> None:
    for column in needed:
        if column not in table.columns:
            raise ValueError(
                _("the chart needs the worksheet's results table; column {column!r} is missing. "
                  "Expected columns: {expected}.").format(column=column, expected=", ".join(needed))
            )
    if table.empty:
        raise ValueError(_("the chart needs at least one row of results."))


def _legend_left_to_right(figure: CourseFigure, axes: Any, first: list[str]) -> None:
    """The legend under the plot, ``first`` labels in order (the rest after), read row by row."""
    handles, labels = axes.get_legend_handles_labels()
    order = [labels.index(label) for label in first]
    order += [i for i in range(len(labels)) if i not in order]  # the marker last
    handles, labels = [handles[i] for i in order], [labels[i] for i in order]
    columns = min(3, len(labels))
    # matplotlib fills legend columns top to bottom; reorder so it reads left to right
    rows_of = [
        list(range(start, min(start + columns, len(labels))))
        for start in range(0, len(labels), columns)
    ]
    by_column = [row[c] for c in range(columns) for row in rows_of if c < len(row)]
    figure.legend(
        [handles[i] for i in by_column], [labels[i] for i in by_column],
        loc="lower center", ncol=columns, frameon=False, fontsize=9,
    )


def stacked_cost_bars(
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

    Parameters
    ----------
    table : pandas.DataFrame
        One row per bar, with ``label_column``, ``pay_column``,
        ``share_column``, ``total`` and every column of ``segments``.
    label_column : str
        The column naming each bar.
    segments : mapping
        Each cost column, in order, with its (legend label, color, hatch).
    pay_column, share_column : str
        The pay of each row, and the total's share of it.
    xlabel : str
        The label of the amounts' axis.
    marker_share : float, optional
        A share of pay marked with a diamond on each bar (``marker_label`` in
        the legend).
    marker_label : str
        The legend's words for the diamond.
    title : str, optional
        A title for the chart.

    Returns
    -------
    CourseFigure
        Each bar ends with its total and its share of pay.

    Raises
    ------
    ValueError
        When a column is missing or the table is empty.

    Examples
    --------
    >>> rows = pd.DataFrame({"who": ["A"], "pay": [100.0], "share": [0.5], "total": [50.0],
    ...                      "cost": [50.0]})
    >>> figure = stacked_cost_bars(rows, label_column="who", segments={"cost": ("Cost", "k", "")},
    ...                            pay_column="pay", share_column="share", xlabel="Cost")
    >>> len(figure.axes[0].patches)
    1
    """
    _require(table, [label_column, pay_column, share_column, "total", *segments])
    rows = table.iloc[::-1].reset_index(drop=True)
    count = len(rows)
    legend_rows = -(-(len(segments) + (marker_share is not None)) // 3)
    height = 1.5 + 0.55 * count + 0.3 * legend_rows
    figure = new_figure(8, height)
    axes = figure.add_subplot()
    axes.set_facecolor("white")
    positions = list(range(count))
    left = [0.0] * count
    for column, (label, color, hatch) in segments.items():
        values = [max(float(v), 0.0) for v in rows[column]]
        axes.barh(
            positions, values, left=left, height=0.6, color=color, edgecolor="white",
            linewidth=0.6, hatch=hatch or None, label=label,
        )
        left = [a + b for a, b in zip(left, values, strict=True)]
    top = max(left)
    ends = list(left)
    if marker_share is not None:
        marks = [marker_share * float(pay) for pay in rows[pay_column]]
        ends = [max(end, mark) for end, mark in zip(ends, marks, strict=True)]
        axes.scatter(
            marks, positions, marker="D", s=36, color="white", edgecolor=PALETTE["ink"],
            linewidth=1.3, zorder=3, label=marker_label,
        )
        top = max(top, max(marks))
    for position, end, total, share in zip(
        positions, ends, rows["total"], rows[share_column], strict=True
    ):
        axes.text(
            end + top * 0.015, position, f" {dollars(float(total))} ({float(share):.0%})",
            va="center", ha="left", fontsize=9, color=PALETTE["ink"],
        )
    axes.set_xlim(0, (top or 1.0) * 1.28)
    axes.set_yticks(positions, [str(name) for name in rows[label_column]])
    axes.set_xlabel(xlabel, color=PALETTE["ink"])
    axes.xaxis.set_major_formatter(FuncFormatter(dollars))
    axes.xaxis.set_major_locator(MaxNLocator(nbins=5))
    plain_axes(axes, grid="x", title=title)
    _legend_left_to_right(figure, axes, [label for label, _, _ in segments.values()])
    figure.tight_layout(rect=(0, (0.24 * legend_rows + 0.12) / height, 1, 1))
    return figure


def cost_by_category_chart(
    comparison: pd.DataFrame, *, median_marker: bool = True, title: str | None = None
) -> CourseFigure:
    """Stacked bars of each job's turnover cost by line.

    Parameters
    ----------
    comparison : pandas.DataFrame
        The output of :func:`customer_focus.tools.turnover_cost.table.compare_jobs`,
        or :func:`~customer_focus.tools.turnover_cost.table.as_row` for a single job.
    median_marker : bool
        Mark each job's Boushey & Glynn (2012) median share of salary
        (:data:`~customer_focus.tools.turnover_cost.calc.BOUSHEY_GLYNN_MEDIAN`)
        with a diamond.
    title : str, optional
        A title for the chart.

    Returns
    -------
    CourseFigure
        The stacked bars, one per job.

    Examples
    --------
    >>> figure = cost_by_category_chart(table.as_row(calc.turnover_cost(**calc.course_example())))
    >>> len(figure.axes[0].patches)
    5
    """
    segments = {
        name: (_(spec.label), describe.CATEGORY_COLORS[name], "")
        for name, spec in calc.CATEGORIES.items()
    }
    return stacked_cost_bars(
        comparison,
        label_column="job",
        segments=segments,
        pay_column="salary",
        share_column="share_of_salary",
        xlabel=_("Cost of one departure (share of salary in parentheses)"),
        marker_share=calc.BOUSHEY_GLYNN_MEDIAN if median_marker else None,
        marker_label=_("Boushey & Glynn (2012) median: {median} of salary").format(
            median=_median()),
        title=title,
    )


def describe_cost_by_category(comparison: pd.DataFrame, *, median_marker: bool = True) -> str:
    """Alt text for :func:`cost_by_category_chart`, written from the same data.

    Examples
    --------
    >>> row = table.as_row(calc.turnover_cost(**calc.course_example()))
    >>> describe_cost_by_category(row)[:45]
    'Stacked bar chart of the cost of one departur'
    """
    return describe.cost_chart(comparison.to_dict("records"), median_marker=median_marker)


# ---- the form ------------------------------------------------------------------------------


def _estimate(values: Mapping[str, Any]) -> calc.TurnoverCost:
    """The estimate for the form's values (the job's name is not an input of the arithmetic)."""
    inputs = {name: value for name, value in values.items() if name not in ("job", "salary")}
    return calc.turnover_cost(values["salary"], **inputs)


class TurnoverCostForm(Worksheet):
    """The worksheet's form: a job's line items on top; the cost, table and chart below.

    Parameters
    ----------
    **starting_values
        ``job``, ``salary``, ``weeks_to_full_productivity``,
        ``productivity_while_learning`` and any line item of
        :data:`~customer_focus.tools.turnover_cost.calc.LINE_ITEMS`. Missing
        ones start at the course's example (the spec's worked example);
        missing line items at 0 when some are given.

    Examples
    --------
    In a notebook (outside one, the results print as text):

    >>> form = TurnoverCostForm(salary=52000)  # doctest: +SKIP
    """

    tool = "turnover_cost"
    inputs = (
        "job", "salary", *calc.LINE_ITEMS,
        "weeks_to_full_productivity", "productivity_while_learning",
    )
    widths = dict.fromkeys(inputs, "32em")
    label_width = "18em"

    def __init__(self, **starting_values: Any) -> None:
        if any(name in calc.LINE_ITEMS for name in starting_values):
            starting_values = {**dict.fromkeys(calc.LINE_ITEMS, 0), **starting_values}
        super().__init__(**starting_values)

    def layout(self) -> list[w.Widget]:
        """The job and salary, then each line's heading and its items."""
        learning = ("weeks_to_full_productivity", "productivity_while_learning")
        return self.sections(("job", "salary"), [
            (_(category.label), _(category.covers),
             learning if key == "learning_curve" else category.items)
            for key, category in calc.CATEGORIES.items()
        ])

    def estimate(self) -> calc.TurnoverCost:
        """The estimate for the current inputs (raises ``ValueError`` on a bad one)."""
        return _estimate(self.values())

    def compute(self, values: dict[str, Any]) -> list[object]:
        """The cost, the table of lines and the chart."""
        estimate = _estimate(values)
        head = _("Cost of one departure: {total}").format(total=cents(estimate.total))
        rest = describe.cost_sentence(estimate).removeprefix(head)
        row = table.as_row(estimate, values["job"].strip() or calc.FIELDS["job"].default)
        figure = cost_by_category_chart(row)
        return [
            HTML(f"<p><strong>{escape(head)}</strong>{escape(rest, quote=False)}</p>"),
            category_table(estimate),
            HTML(figure_html(figure, describe_cost_by_category(row))),
        ]


def turnover_cost_form(**starting_values: Any) -> w.VBox:
    """The turnover cost form, ready to display.

    ``starting_values`` are as for :class:`TurnoverCostForm`.
    """
    return TurnoverCostForm(**starting_values).widget


def line_items_table(cost: calc.TurnoverCost) -> pd.DataFrame:
    """The estimate's line items (:func:`~.table.line_items`) for reading: text, indexed by item.

    The items keep the names of the inputs (``exit_interview``); their line is in words.

    Examples
    --------
    >>> line_items_table(calc.turnover_cost(**calc.course_example())).iloc[0].tolist()
    ['Separation', '$100.00']
    """
    shown = format_table(table.line_items(cost), money=["amount"]).set_index("item")
    shown = shown.rename(columns={"category": _("category"), "amount": _("amount")})
    return shown.rename_axis(index=_("item"))
