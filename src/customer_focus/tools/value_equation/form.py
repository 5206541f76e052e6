"""The customer value equation worksheet's live form, its tables for reading, and its chart.

The arithmetic is :mod:`customer_focus.tools.value_equation.calc`'s, over the
learner's table in :mod:`customer_focus.tools.value_equation.table`; this
module lays out the inputs and shows the results. The index it shows is a
ranking aid on the learner's own scales, not a measurement of value, and every
view says so. The chart has a ``describe_...`` function writing its alt text
from the same data.
"""

from __future__ import annotations

import textwrap
from html import escape
from typing import Any

import ipywidgets as w
import pandas as pd
from IPython.display import HTML
from matplotlib.figure import Figure
from matplotlib.ticker import FuncFormatter

from ...core.figures import PALETTE, figure_html, new_figure
from ...core.formats import dollars
from ...core.messages import N_, Messages
from ...core.tables import require_output
from ..worksheet import GridColumn, GridWorksheet
from . import calc, describe, table

_ = Messages("tools.value_equation")

__all__ = [
    "INDEX_NOTE",
    "comparison_table",
    "change_sentences",
    "value_equation_chart",
    "describe_value_chart",
    "ValueEquationForm",
    "value_equation_form",
]

#: The caution shown with every index: what the number is and is not (in English; said
#: through the area's catalog where shown).
INDEX_NOTE = N_(
    "Index = numerator ÷ denominator: a ranking aid on your own scales, not a measurement of value."
)

_LIGHT_BLUE = PALETTE["employees"]
_LIGHT_ORANGE = PALETTE["customers"]
_NEEDED = (
    "alternative", "results", "process_quality", "price", "access_costs", "numerator",
    "denominator",
    "value_index", "rank", "numerator_change", "denominator_change", "numerator_change_relative",
    "denominator_change_relative", "lever", "scales",
)


def _check(comparison: pd.DataFrame, reader: str) -> None:
    require_output(comparison, _NEEDED, reader=reader, maker="compare_alternatives")


def _in_money(comparison: pd.DataFrame) -> bool:
    return "in money" in str(comparison["scales"].iloc[0])


_amount = describe.amount
_signed = describe.signed


def _is_baseline(comparison: pd.DataFrame) -> pd.Series:
    return comparison["lever"] == calc.LEVERS["baseline"]


def comparison_table(comparison: pd.DataFrame) -> pd.DataFrame:
    """The output of :func:`~.table.compare_alternatives`, for reading.

    Text, indexed by alternative: the four terms, the numerator and the
    denominator, the index (for ranking only), the rank, the changes against
    the current offer and what the alternative does.
    """
    _check(comparison, "comparison_table")
    money = _in_money(comparison)
    baseline = _is_baseline(comparison)
    shown = pd.DataFrame(
        {
            _("Alternative"): comparison["alternative"],
            _("Results"): [_amount(v, False) for v in comparison["results"]],
            _("Process quality"): [_amount(v, False) for v in comparison["process_quality"]],
            _("Price"): [_amount(v, money) for v in comparison["price"]],
            _("Other costs to the customer"): [
                _amount(v, money) for v in comparison["access_costs"]
            ],
            _("Numerator"): [_amount(v, False) for v in comparison["numerator"]],
            _("Denominator"): [_amount(v, money) for v in comparison["denominator"]],
            _("Index (ranking only)"): [
                f"{v:.{4 if money else 2}f}" for v in comparison["value_index"]
            ],
            _("Rank"): comparison["rank"].astype(int),
            _("Numerator vs current"): [
                "—" if base else _signed(v, rel, False)
                for base, v, rel in zip(
                    baseline, comparison["numerator_change"],
                    comparison["numerator_change_relative"], strict=True,
                )
            ],
            _("Denominator vs current"): [
                "—" if base else _signed(v, rel, money)
                for base, v, rel in zip(
                    baseline, comparison["denominator_change"],
                    comparison["denominator_change_relative"], strict=True,
                )
            ],
            _("What it does"): [calc.lever_words(lever) for lever in comparison["lever"]],
        }
    )
    return shown.set_index(_("Alternative"))


def change_sentences(comparison: pd.DataFrame) -> list[str]:
    """One sentence per alternative: its rank and what it does, against the current offer.

    Examples
    --------
    >>> offers = pd.DataFrame({"alternative": ["Current", "Idea"], "results": [7, 7],
    ...     "process_quality": [5, 7], "price": [6, 6], "access_costs": [7, 3]})
    >>> change_sentences(table.compare_alternatives(offers))[1]
    'Idea ranks 1 of 2: raises the numerator by 2 (+17%) and lowers the denominator by 4 (−31%).'
    """
    _check(comparison, "change_sentences")
    return describe.change_sentences(comparison.to_dict("records"))


def _ordered(comparison: pd.DataFrame) -> pd.DataFrame:
    rows = comparison.reset_index(drop=True)
    return rows.assign(_position=range(len(rows))).sort_values(
        ["rank", "_position"], kind="stable"
    )


def _label(row: pd.Series) -> str:
    words = (
        _("#{rank} {alternative} (current)") if row["lever"] == calc.LEVERS["baseline"]
        else _("#{rank} {alternative}")
    )
    text = textwrap.shorten(
        words.format(rank=int(row["rank"]), alternative=row["alternative"]), width=64,
        placeholder="…",
    )
    return textwrap.fill(text, width=32, break_on_hyphens=False)


def value_equation_chart(comparison: pd.DataFrame, *, title: str | None = None) -> Figure:
    """Two panels of horizontal bars: what each alternative gives and what it costs the customer.

    ``comparison`` is the output of :func:`~.table.compare_alternatives`;
    ``title``, when given, heads the figure. The left panel stacks results and
    process quality (the numerator), the right panel price and the customer's
    other costs (the denominator), one bar per alternative in each.
    Alternatives are listed by rank, with the index written next to the
    right-hand bar. A note under the chart says that the index is a ranking
    aid, not a measurement.
    """
    _check(comparison, "value_equation_chart")
    rows = _ordered(comparison).iloc[::-1]
    money = _in_money(comparison)
    count = len(rows)
    height = 2.6 + 0.48 * count + (0.3 if title else 0)
    figure = new_figure(10, height)
    left, right = figure.subplots(1, 2, sharey=True, gridspec_kw={"width_ratios": [1, 1.15]})
    positions = list(range(count))
    left.barh(positions, rows["results"], color=PALETTE["line"], label=_("Results produced for the "
        "customer"))
    left.barh(
        positions, rows["process_quality"], left=rows["results"], color=_LIGHT_BLUE,
        edgecolor=PALETTE["ink"],
        linewidth=0.6, label=_("Process quality"),
    )
    right.barh(positions, rows["price"], color=PALETTE["accent"], label=_("Price to the customer"))
    right.barh(
        positions, rows["access_costs"], left=rows["price"], color=_LIGHT_ORANGE,
        edgecolor=PALETTE["ink"],
        linewidth=0.6, label=_("Customer's other costs: time, effort, travel, risk"),
    )
    left.set_yticks(positions, [_label(row) for _index, row in rows.iterrows()])
    top_right = float(rows["denominator"].max())
    for position, (_index, row) in zip(positions, rows.iterrows(), strict=True):
        right.text(
            float(row["denominator"]) + top_right * 0.02, position,
            _("index {index}").format(index=f"{row['value_index']:.{4 if money else 2}f}"),
            va="center", fontsize=8.5,
            color=PALETTE["ink"],
        )
    left.set_xlim(0, float(rows["numerator"].max()) * 1.08)
    right.set_xlim(0, top_right * 1.32)
    left.set_title(_("Numerator: what the customer gets"), fontsize=10, color=PALETTE["ink"])
    right.set_title(_("Denominator: what it costs the customer"), fontsize=10, color=PALETTE["ink"])
    left.set_xlabel(_("Score (results + process quality), higher is better"), color=PALETTE["ink"])
    if money:
        right.set_xlabel(_("Money (price + the customer's other costs)"), color=PALETTE["ink"])
        right.xaxis.set_major_formatter(FuncFormatter(dollars))
    else:
        right.set_xlabel(_("Score (price + other costs), higher is costlier"), color=PALETTE["ink"])
    for axes in (left, right):
        axes.set_facecolor("white")
        axes.grid(axis="x", color=PALETTE["grid"], linewidth=0.6)
        axes.set_axisbelow(True)
    if title:
        figure.suptitle(title, color=PALETTE["ink"])
    handles = [*left.get_legend_handles_labels()[0], *right.get_legend_handles_labels()[0]]
    labels = [*left.get_legend_handles_labels()[1], *right.get_legend_handles_labels()[1]]
    bottom = 1.05 / height
    figure.legend(handles, labels, loc="lower center", bbox_to_anchor=(0.5, 0.3 / height), ncol=2,
                  frameon=False, fontsize=9)
    figure.text(0.5, 0.08 / height, _(INDEX_NOTE), ha="center", va="bottom", fontsize=9,
                style="italic",
                color=PALETTE["ink"])
    figure.tight_layout(rect=(0, bottom, 1, 1))
    return figure


def describe_value_chart(comparison: pd.DataFrame) -> str:
    """Alt text for :func:`value_equation_chart`, written from the same data.

    Examples
    --------
    >>> offers = pd.DataFrame({"alternative": ["Current", "Idea"], "results": [7, 7],
    ...     "process_quality": [5, 7], "price": [6, 6], "access_costs": [7, 3]})
    >>> describe_value_chart(table.compare_alternatives(offers))[:44]
    'Two-panel horizontal bar chart comparing 2 a'
    """
    _check(comparison, "describe_value_chart")
    return describe.value_chart(comparison.to_dict("records"))


# ---- the live form ----------------------------------------------------------------

#: What the form says above its grid about the scales.
SCALES_NOTE = N_(
    "<p>Results and process quality: scores from 1 to 10, higher is better. Other costs: the "
    "customer's time, effort, travel and risk, on the same scale as the price.</p>"
)


class ValueEquationForm(GridWorksheet):
    """The worksheet's form: alternatives scored on the same scales, results below.

    Parameters
    ----------
    rows : sequence of (name, results, process_quality, price, access_costs), optional
        Starting values, one tuple per alternative; the first is the current
        offer. By default the spec's worked example: three alternatives.
    costs : {"score", "money"}
        How price and the other costs are measured.

    Attributes
    ----------
    widget : ipywidgets.VBox
        What to display.
    """

    tool = "value_equation"
    inputs = ("costs",)
    label_width = "12em"
    widths = {"costs": "36em"}
    example_table = "alternatives"
    columns = (
        GridColumn("alternative", "Alternative (first: current offer)", "{heading}, row {number}"),
        GridColumn("results", "Results"),
        GridColumn("process_quality", "Process quality"),
        GridColumn("price", "Price"),
        GridColumn("access_costs", "Other costs"),
    )
    grid_template = "18em repeat(4, 8em)"

    def layout(self) -> list[w.Widget]:
        """The scales, a note on them, then the grid."""
        return [self.controls["costs"], w.HTML(_(SCALES_NOTE)), self.grid]

    def compute(self, values: dict[str, Any]) -> list[object]:
        """One sentence per alternative, the table and the chart."""
        comparison = table.compare_alternatives(self.table(), costs=values["costs"])
        items = "".join(f"<li>{escape(sentence)}</li>" for sentence in change_sentences(comparison))
        figure = value_equation_chart(comparison)
        return [
            HTML(f"<ul>{items}</ul><p><em>{escape(_(INDEX_NOTE))}</em></p>"),
            comparison_table(comparison),
            HTML(figure_html(figure, describe_value_chart(comparison))),
        ]


def value_equation_form(**starting_values: Any) -> w.VBox:
    """The value equation form, ready to display.

    ``starting_values`` fill its boxes: ``rows`` (tuples of name, results, process quality,
    price, other costs) and ``costs`` ("score" or "money").
    """
    return ValueEquationForm(**starting_values).widget
