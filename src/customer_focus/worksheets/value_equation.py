"""Form and chart of the customer value equation worksheet.

The arithmetic lives in :mod:`customer_focus.value_equation`; this module lays
out the inputs and shows the results. The index it shows is a ranking aid on
the learner's own scales, not a measurement of value, and every view says so.
"""

from __future__ import annotations

import textwrap
from html import escape

import ipywidgets as w
import pandas as pd
from IPython.display import HTML, display
from matplotlib.figure import Figure
from matplotlib.ticker import FuncFormatter

from .. import value_equation as ve
from ..core.figures import PALETTE, new_figure as _new_figure, figure_html
from ..core.formats import cents, dollars
from ..tools.worksheet import named

__all__ = [
    "INDEX_NOTE",
    "comparison_table",
    "change_sentences",
    "value_equation_chart",
    "describe_value_chart",
    "ValueEquationForm",
    "value_equation_form",
]

#: The caution shown with every index: what the number is and is not.
INDEX_NOTE = "Index = numerator ÷ denominator: a ranking aid on your own scales, not a measurement of value."

_LIGHT_BLUE = PALETTE["employees"]
_LIGHT_ORANGE = PALETTE["customers"]
_NEEDED = (
    "alternative", "results", "process_quality", "price", "access_costs", "numerator", "denominator",
    "value_index", "rank", "numerator_change", "denominator_change", "numerator_change_relative",
    "denominator_change_relative", "lever", "scales",
)


def _check(comparison: pd.DataFrame, caller: str) -> None:
    for column in _NEEDED:
        if column not in comparison.columns:
            raise ValueError(
                f"{caller} needs the table from value_equation.compare_alternatives; column {column!r} is missing."
            )


def _in_money(comparison: pd.DataFrame) -> bool:
    return "in money" in str(comparison["scales"].iloc[0])


def _amount(value: float, money: bool) -> str:
    return cents(value) if money else f"{float(value):.1f}"


def _signed(value: float, relative: float, money: bool) -> str:
    if abs(value) < 1e-9:
        return "no change"
    sign = "+" if value > 0 else "−"
    size = cents(abs(value)) if money else f"{round(abs(float(value)), 2):g}"
    return f"{sign}{size} ({sign}{abs(relative):.0%})"


def _is_baseline(comparison: pd.DataFrame) -> pd.Series:
    return comparison["lever"] == ve.LEVERS["baseline"]


def comparison_table(comparison: pd.DataFrame) -> pd.DataFrame:
    """The comparison with readable headings and formats, for display.

    Parameters
    ----------
    comparison : pandas.DataFrame
        The output of :func:`customer_focus.value_equation.compare_alternatives`.

    Returns
    -------
    pandas.DataFrame
        Text, indexed by alternative: the four terms, the numerator and the
        denominator, the index (for ranking only), the rank, the changes
        against the current offer and what the alternative does.
    """
    _check(comparison, "comparison_table")
    money = _in_money(comparison)
    baseline = _is_baseline(comparison)
    shown = pd.DataFrame(
        {
            "Alternative": comparison["alternative"],
            "Results": [_amount(v, False) for v in comparison["results"]],
            "Process quality": [_amount(v, False) for v in comparison["process_quality"]],
            "Price": [_amount(v, money) for v in comparison["price"]],
            "Other costs to the customer": [_amount(v, money) for v in comparison["access_costs"]],
            "Numerator": [_amount(v, False) for v in comparison["numerator"]],
            "Denominator": [_amount(v, money) for v in comparison["denominator"]],
            "Index (ranking only)": [f"{v:.{4 if money else 2}f}" for v in comparison["value_index"]],
            "Rank": comparison["rank"].astype(int),
            "Numerator vs current": [
                "—" if base else _signed(v, rel, False)
                for base, v, rel in zip(baseline, comparison["numerator_change"], comparison["numerator_change_relative"])
            ],
            "Denominator vs current": [
                "—" if base else _signed(v, rel, money)
                for base, v, rel in zip(
                    baseline, comparison["denominator_change"], comparison["denominator_change_relative"]
                )
            ],
            "What it does": comparison["lever"],
        }
    )
    return shown.set_index("Alternative")


def change_sentences(comparison: pd.DataFrame) -> list[str]:
    """One sentence per alternative: its rank and what it does, against the current offer.

    Examples
    --------
    >>> from customer_focus.value_equation import compare_alternatives
    >>> table = pd.DataFrame({"alternative": ["Current", "Idea"], "results": [7, 7],
    ...     "process_quality": [5, 7], "price": [6, 6], "access_costs": [7, 3]})
    >>> change_sentences(compare_alternatives(table))[1]
    'Idea ranks 1 of 2: raises the numerator by 2 (+17%) and lowers the denominator by 4 (−31%).'
    """
    _check(comparison, "change_sentences")
    money = _in_money(comparison)
    count = len(comparison)
    sentences = []
    for row in comparison.itertuples(index=False):
        head = f"{row.alternative} ranks {int(row.rank)} of {count}"
        if row.lever == ve.LEVERS["baseline"]:
            sentences.append(f"{head}: your current offer, the point of comparison.")
            continue
        parts = []
        for word, change, relative, unit_money in (
            ("numerator", row.numerator_change, row.numerator_change_relative, False),
            ("denominator", row.denominator_change, row.denominator_change_relative, money),
        ):
            if abs(change) < 1e-9:
                continue
            verb = "raises" if change > 0 else "lowers"
            size = cents(abs(change)) if unit_money else f"{round(abs(float(change)), 2):g}"
            sign = "+" if change > 0 else "−"
            parts.append(f"{verb} the {word} by {size} ({sign}{abs(relative):.0%})")
        body = " and ".join(parts) if parts else "no change on either side"
        sentences.append(f"{head}: {body}.")
    return sentences


def _ordered(comparison: pd.DataFrame) -> pd.DataFrame:
    table = comparison.reset_index(drop=True)
    return table.assign(_position=range(len(table))).sort_values(["rank", "_position"], kind="stable")


def _label(row: pd.Series) -> str:
    suffix = " (current)" if row["lever"] == ve.LEVERS["baseline"] else ""
    text = textwrap.shorten(f"#{int(row['rank'])} {row['alternative']}{suffix}", width=64, placeholder="…")
    return textwrap.fill(text, width=32, break_on_hyphens=False)


def value_equation_chart(comparison: pd.DataFrame, *, title: str | None = None) -> Figure:
    """Two panels of horizontal bars: what each alternative gives and what it costs the customer.

    The left panel stacks results and process quality (the numerator), the
    right panel price and the customer's other costs (the denominator).
    Alternatives are listed by rank, with the index written next to the
    right-hand bar. A note under the chart says that the index is a ranking
    aid, not a measurement.

    Parameters
    ----------
    comparison : pandas.DataFrame
        The output of :func:`customer_focus.value_equation.compare_alternatives`.
    title : str, optional
        A title for the chart.

    Returns
    -------
    matplotlib.figure.Figure
    """
    _check(comparison, "value_equation_chart")
    rows = _ordered(comparison).iloc[::-1]
    money = _in_money(comparison)
    count = len(rows)
    height = 2.6 + 0.48 * count + (0.3 if title else 0)
    figure = _new_figure(10, height)
    left, right = figure.subplots(1, 2, sharey=True, gridspec_kw={"width_ratios": [1, 1.15]})
    positions = list(range(count))
    left.barh(positions, rows["results"], color=PALETTE["line"], label="Results produced for the customer")
    left.barh(
        positions, rows["process_quality"], left=rows["results"], color=_LIGHT_BLUE, edgecolor=PALETTE["ink"],
        linewidth=0.6, label="Process quality",
    )
    right.barh(positions, rows["price"], color=PALETTE["accent"], label="Price to the customer")
    right.barh(
        positions, rows["access_costs"], left=rows["price"], color=_LIGHT_ORANGE, edgecolor=PALETTE["ink"],
        linewidth=0.6, label="Customer's other costs: time, effort, travel, risk",
    )
    left.set_yticks(positions, [_label(row) for _, row in rows.iterrows()])
    top_right = float(rows["denominator"].max())
    for position, (_, row) in zip(positions, rows.iterrows()):
        right.text(
            float(row["denominator"]) + top_right * 0.02, position,
            f"index {row['value_index']:.{4 if money else 2}f}", va="center", fontsize=8.5, color=PALETTE["ink"],
        )
    left.set_xlim(0, float(rows["numerator"].max()) * 1.08)
    right.set_xlim(0, top_right * 1.32)
    left.set_title("Numerator: what the customer gets", fontsize=10, color=PALETTE["ink"])
    right.set_title("Denominator: what it costs the customer", fontsize=10, color=PALETTE["ink"])
    left.set_xlabel("Score (results + process quality), higher is better", color=PALETTE["ink"])
    if money:
        right.set_xlabel("Money (price + the customer's other costs)", color=PALETTE["ink"])
        right.xaxis.set_major_formatter(FuncFormatter(dollars))
    else:
        right.set_xlabel("Score (price + other costs), higher is costlier", color=PALETTE["ink"])
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
    figure.text(0.5, 0.08 / height, INDEX_NOTE, ha="center", va="bottom", fontsize=9, style="italic",
                color=PALETTE["ink"])
    figure.tight_layout(rect=(0, bottom, 1, 1))
    return figure


def describe_value_chart(comparison: pd.DataFrame) -> str:
    """Alt text for :func:`value_equation_chart`, written from the same data.

    Examples
    --------
    >>> from customer_focus.value_equation import compare_alternatives
    >>> table = pd.DataFrame({"alternative": ["Current", "Idea"], "results": [7, 7],
    ...     "process_quality": [5, 7], "price": [6, 6], "access_costs": [7, 3]})
    >>> describe_value_chart(compare_alternatives(table))[:44]
    'Two-panel horizontal bar chart comparing 2 a'
    """
    _check(comparison, "describe_value_chart")
    money = _in_money(comparison)
    table = _ordered(comparison)
    decimals = 4 if money else 2

    def name_value(row: pd.Series, column: str, in_money: bool) -> str:
        return f"{row['alternative']} ({_amount(row[column], in_money)})"

    most = table.loc[table["numerator"].idxmax()]
    least = table.loc[table["numerator"].idxmin()]
    cheapest = table.loc[table["denominator"].idxmin()]
    dearest = table.loc[table["denominator"].idxmax()]
    ranks = [f"{int(row['rank'])}. {row['alternative']} ({row['value_index']:.{decimals}f})" for _, row in table.iterrows()]
    if len(ranks) > 6:
        ranks = [*ranks[:3], "…", ranks[-1]]
    text = (
        f"Two-panel horizontal bar chart comparing {len(table)} alternatives, "
        f"{'with price and other costs in money' if money else 'all four terms scored by customers'}. "
        f"Left panel, the numerator (results plus process quality): highest {name_value(most, 'numerator', False)}, "
        f"lowest {name_value(least, 'numerator', False)}. Right panel, the denominator (price plus the customer's "
        f"other costs): lowest {name_value(cheapest, 'denominator', money)}, highest "
        f"{name_value(dearest, 'denominator', money)}. Ranked by the index, numerator divided by denominator: "
        f"{'; '.join(ranks)}."
    )
    base = table.loc[_is_baseline(table)]
    if not base.empty:
        row = base.iloc[0]
        text += f" The current offer, {row['alternative']}, ranks {int(row['rank'])}."
    return text + " The index is a ranking aid, not a measurement of value."


# ---- the live form ----------------------------------------------------------------

_DEFAULT_ROWS = (
    ("Current service", 7.0, 5.0, 6.0, 7.0),
    ("Rival's service", 6.0, 6.0, 5.0, 6.0),
    ("Idea: same-day collection", 7.0, 7.0, 6.0, 3.0),
)


class ValueEquationForm:
    """The worksheet's form: three alternatives scored on the same scales, results below.

    Parameters
    ----------
    rows : sequence of (name, results, process_quality, price, access_costs)
        Starting values, one tuple per alternative; the first is the current
        offer. Three by default.
    costs : {"score", "money"}
        How price and the other costs are measured.

    Attributes
    ----------
    widget : ipywidgets.VBox
        What to display.
    """

    def __init__(self, rows=_DEFAULT_ROWS, costs: str = "score") -> None:
        header_style = {"font_weight": "bold"}
        headers = ["Alternative (first: current offer)", "Results", "Process quality", "Price", "Other costs"]
        cells: list[w.Widget] = [w.Label(value=text, style=header_style) for text in headers]
        self.rows: list[tuple[w.Text, w.FloatText, w.FloatText, w.FloatText, w.FloatText]] = []
        for name, results, process, price, access in rows:
            row = (
                named(w.Text(value=str(name), layout=w.Layout(width="auto")), f"{headers[0]}, row {len(self.rows) + 1}"),
                *(
                    named(w.FloatText(value=float(v), layout=w.Layout(width="auto")), f"{header} for {name}")
                    for v, header in zip((results, process, price, access), headers[1:])
                ),
            )
            self.rows.append(row)  # type: ignore[arg-type]
            cells.extend(row)
        self.costs = w.Dropdown(
            options=[("Scores 1 to 10 (higher = costlier)", "score"), ("Money (same unit for every row)", "money")],
            value=costs, description="Price and other costs", style={"description_width": "12em"},
            layout=w.Layout(width="36em"),
        )
        grid = w.GridBox(cells, layout=w.Layout(grid_template_columns="18em repeat(4, 8em)", grid_gap="4px 8px"))
        note = w.HTML(
            "<p>Results and process quality: scores from 1 to 10, higher is better. Other costs: the "
            "customer's time, effort, travel and risk, on the same scale as the price.</p>"
        )
        self.output = w.Output()
        for control in (self.costs, *(widget for row in self.rows for widget in row)):
            control.observe(self._changed, names="value")
        self.widget = w.VBox([self.costs, note, grid, self.output])
        self.update()

    def _changed(self, _change: dict) -> None:
        self.update()

    def table(self) -> pd.DataFrame:
        """The alternatives as typed in the form."""
        return pd.DataFrame(
            [[widget.value for widget in row] for row in self.rows],
            columns=["alternative", "results", "process_quality", "price", "access_costs"],
        )

    def results(self) -> list[object]:
        """What the form shows: one sentence per alternative, the table and the chart.

        A bad input gives a single message saying what to fix.
        """
        try:
            comparison = ve.compare_alternatives(self.table(), costs=self.costs.value)
        except ValueError as error:
            return [HTML(f'<p role="alert"><strong>Check your numbers:</strong> {escape(str(error))}</p>')]
        items = "".join(f"<li>{escape(sentence)}</li>" for sentence in change_sentences(comparison))
        figure = value_equation_chart(comparison)
        return [
            HTML(f"<ul>{items}</ul><p><em>{escape(INDEX_NOTE)}</em></p>"),
            comparison_table(comparison),
            HTML(figure_html(figure, describe_value_chart(comparison))),
        ]

    def update(self) -> None:
        """Recompute and redraw the results from the current inputs."""
        self.output.clear_output(wait=True)
        with self.output:
            for item in self.results():
                display(item)


def value_equation_form(**starting_values) -> w.VBox:
    """Build the value equation form and return the widget to display.

    Parameters
    ----------
    **starting_values
        ``rows`` (tuples of name, results, process quality, price, other
        costs) and ``costs`` ("score" or "money").

    Returns
    -------
    ipywidgets.VBox

    Examples
    --------
    >>> form = value_equation_form(costs="score")  # doctest: +SKIP
    """
    return ValueEquationForm(**starting_values).widget
