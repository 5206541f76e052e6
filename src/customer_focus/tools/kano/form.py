"""The Kano worksheet: one answer pair and one feature's counts, tables, and a chart.

The form classifies a customer's two answers and scores a feature from its
counts (:mod:`.calc`, through :mod:`.table`'s one-row summary);
:func:`better_worse_chart` places each feature by Better and the size of
Worse, and :func:`describe_better_worse` is its alt text.
"""

from __future__ import annotations

from html import escape
from typing import Any

import ipywidgets as w
import pandas as pd
from IPython.display import HTML

from ...core.figures import PALETTE, CourseFigure, figure_html, legend_under, new_figure, plain_axes
from ...core.messages import Messages, current_language
from ...core.tables import format_table, with_headings
from ..spec import load_spec
from ..worksheet import Worksheet, alert
from . import calc, describe, table
from .calc import CATEGORIES
from .describe import CATEGORY_STYLES, legend_label

__all__ = [
    "CATEGORY_STYLES", "evaluation_table", "results_table", "better_worse_chart",
    "describe_better_worse", "KanoForm", "kano_form", "answers_table",
]

_ = Messages("tools.kano")


def evaluation_table() -> pd.DataFrame:
    """Berger et al.'s (1993) evaluation table as a grid, to display.

    Examples
    --------
    >>> evaluation_table().loc["Like", "Dislike"]
    'O'
    """
    grid = pd.DataFrame(
        [[calc.EVALUATION_TABLE[(f, d)] for d in calc.ANSWERS] for f in calc.ANSWERS],
        index=pd.Index(calc.ANSWERS, name=_("Functional ↓ / Dysfunctional →")),
        columns=list(calc.ANSWERS),
    )
    return grid




def results_table(results: pd.DataFrame) -> pd.DataFrame:
    """The output of :func:`customer_focus.tools.kano.table.analyze_kano`, for reading.

    Examples
    --------
    >>> results_table(table.summarize_counts({"A": 3, "O": 1}, "Loaner bike"))["Better"].tolist()
    ['1.00']
    """
    shown = format_table(results, decimals={"better": 2, "worse": 2})
    shown["worse"] = [f"{value:.2f}".replace("-", "−") for value in results["worse"]]
    # the headings of the tables written for reading (kano.yml, ``reading:``), in the
    # reader's language
    return with_headings(shown, load_spec("kano", current_language()).reading["results"])


def _check_results(results: pd.DataFrame) -> None:
    for column in ("feature", "category", "better", "worse"):
        if column not in results.columns:
            raise ValueError(
                _("the chart needs the table from table.analyze_kano; column {column!r} is "
                  "missing.").format(column=column)
            )
    if results.empty:
        raise ValueError(_("the table from table.analyze_kano has no features to draw."))


def better_worse_chart(results: pd.DataFrame, *, title: str | None = None) -> CourseFigure:
    """Scatter of each feature's Better against the size of its Worse.

    The horizontal axis is |Worse| (Worse without its minus sign: how much
    dissatisfaction the feature's absence causes), the vertical axis Better
    (how much satisfaction its presence adds). Each point is named and styled
    by the category chosen most often.

    Parameters
    ----------
    results : pandas.DataFrame
        The output of :func:`customer_focus.tools.kano.table.analyze_kano` or
        :func:`~customer_focus.tools.kano.table.summarize_counts`.
    title : str, optional
        A title for the chart.

    Returns
    -------
    CourseFigure
        The scatter, one labelled point per feature.

    Examples
    --------
    >>> figure = better_worse_chart(table.summarize_counts({"A": 3, "O": 1}, "Loaner bike"))
    >>> [text.get_text() for text in figure.axes[0].texts]
    ['Loaner bike']
    """
    _check_results(results)
    figure = new_figure(7.5, 6)
    axes = figure.add_subplot()
    axes.set_facecolor("white")
    shown: set[str] = set()
    for _index, row in results.iterrows():
        key = row["category"] if row["category"] in CATEGORIES else "tie"
        color, marker = CATEGORY_STYLES[key]
        label = legend_label(key)
        axes.scatter(
            -row["worse"], row["better"], s=90, color=color, marker=marker,
            edgecolor=PALETTE["ink"], linewidth=0.6, zorder=3,
            label=None if label in shown else label,
        )
        shown.add(label)
        # label to the left of the point when it would run past the right edge
        # (about 0.0125 per character)
        right = -row["worse"] + 0.02 + 0.0125 * len(str(row["feature"])) > 1.12
        axes.annotate(
            str(row["feature"]), (-row["worse"], row["better"]), xytext=(-7 if right else 7, 5),
            textcoords="offset points", ha="right" if right else "left", fontsize=9,
            color=PALETTE["ink"],
        )
    axes.set_xlim(-0.02, 1.12)
    axes.set_ylim(-0.02, 1.05)
    axes.set_xlabel(_(describe.X_LABEL), color=PALETTE["ink"])
    axes.set_ylabel(_(describe.Y_LABEL), color=PALETTE["ink"])
    plain_axes(axes, title=title)
    handles, labels = axes.get_legend_handles_labels()
    rows = (len(labels) + 2) // 3
    space = (0.2 + 0.25 * rows) / figure.get_figheight()
    legend_under(figure, handles, labels, columns=min(3, len(labels)), space=space)
    return figure


def describe_better_worse(results: pd.DataFrame) -> str:
    """Alt text for :func:`better_worse_chart`, written from the same table.

    Examples
    --------
    >>> describe_better_worse(table.summarize_counts({"A": 3, "O": 1}, "Loaner bike"))[:30]
    'Scatter chart of Kano coeffici'
    """
    _check_results(results)
    return describe.better_worse(results.to_dict("records"))


class KanoForm(Worksheet):
    """The worksheet's form: look up one answer pair, and score one feature from its counts.

    Parameters
    ----------
    functional, dysfunctional : str
        One customer's two answers (one of :data:`customer_focus.tools.kano.calc.ANSWERS`).
    feature : str
        The feature being scored.
    **counts : int
        Respondents per category, by letter (``A``, ``O``, ``M``, ``I``, ``R``,
        ``Q``) or by the name of its field (``attractive`` ...).

    The inputs not given start at the spec's worked example (the loaner bike).
    """

    tool = "kano"
    inputs = (
        "functional", "dysfunctional", "feature", *(c.key for c in CATEGORIES.values()),
    )
    label_width = "12em"
    widths = {
        "functional": "26em", "dysfunctional": "26em", "feature": "26em",
        **{c.key: "20em" for c in CATEGORIES.values()},
    }

    def __init__(self, **starting_values: Any) -> None:
        keys = {letter: category.key for letter, category in CATEGORIES.items()}
        super().__init__(**{keys.get(name, name): value for name, value in starting_values.items()})

    @property
    def counts(self) -> dict[str, w.IntText]:
        """The count boxes, by category letter."""
        return {letter: self.controls[c.key] for letter, c in CATEGORIES.items()}

    def layout(self) -> list[w.Widget]:
        """The pair's two answers, then the feature and its counts, each under a heading."""
        controls = self.controls
        return [
            w.HTML("<strong>{}</strong>".format(_("One customer's answers"))),
            controls["functional"],
            controls["dysfunctional"],
            w.HTML("<strong>{}</strong>".format(
                _("One feature: how many respondents fell in each category"))),
            controls["feature"],
            *self.counts.values(),
        ]

    def compute(self, values: dict[str, Any]) -> list[object]:
        """The pair's category, then the feature's row and chart (or a message about the counts)."""
        letter = calc.classify(values["functional"], values["dysfunctional"])
        items: list[object] = [HTML("<p>{}</p>".format(describe.pair_sentence(
            escape(values["functional"]), escape(values["dysfunctional"]), letter, strong=True,
        )))]
        counts = {letter: values[c.key] for letter, c in CATEGORIES.items()}
        try:
            row = table.summarize_counts(counts, values["feature"].strip() or _("Feature"))
        except ValueError as error:
            return [*items, alert(error)]
        summary = row.iloc[0]
        items.append(HTML("<p>{}</p>".format(describe.feature_sentence(
            {**summary, "feature": escape(summary["feature"]),
             "kano_name": escape(summary["kano_name"])},
            f"{summary['worse']:.2f}", strong=True,
        ))))
        figure = better_worse_chart(row)
        items += [results_table(row), HTML(figure_html(figure, describe_better_worse(row)))]
        return items


def kano_form(**starting_values: Any) -> w.VBox:
    """The Kano form, ready to display.

    ``starting_values`` fill its boxes: ``functional``, ``dysfunctional``, ``feature`` and the
    counts ``A`` … ``Q``.
    """
    return KanoForm(**starting_values).widget


def answers_table(classified: pd.DataFrame) -> pd.DataFrame:
    """The output of :func:`~.table.classify_answers` for reading: the file's columns as they are,
    the category each answer pair falls in under a heading in the reader's language.

    Examples
    --------
    >>> answers = pd.DataFrame({"respondent": ["C1"], "feature": ["Bike"],
    ...                         "functional": ["Like"], "dysfunctional": ["Live-with"]})
    >>> answers_table(table.classify_answers(answers)).columns[-1]
    'category'
    """
    return classified.rename(columns={"category": _("category")})
