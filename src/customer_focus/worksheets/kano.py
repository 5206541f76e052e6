"""The Kano classification worksheet: its live form and the Better/Worse chart.

The arithmetic lives in :mod:`customer_focus.kano`; this module lays out the
inputs, formats the results and draws each feature's Better and Worse
coefficients.
"""

from __future__ import annotations

from html import escape

import ipywidgets as w
import pandas as pd
from IPython.display import HTML, display

from .. import kano
from ..core.figures import PALETTE, CourseFigure, new_figure as _new_figure, figure_html
from ..core.tables import format_table

__all__ = [
    "CATEGORY_STYLES",
    "EXAMPLE",
    "evaluation_table",
    "results_table",
    "better_worse_chart",
    "describe_better_worse",
    "KanoForm",
    "kano_form",
]

#: Color and marker of each category on the chart (a tie gets its own style).
CATEGORY_STYLES = {
    "A": ("#2e7d32", "^"),
    "O": (PALETTE["accent"], "o"),
    "M": (PALETTE["line"], "s"),
    "I": ("#6d6d6d", "D"),
    "R": ("#7b3294", "v"),
    "Q": (PALETTE["ink"], "X"),
    "tie": ("#9e9e9e", "P"),
}

#: The worked example of the Learn chapter "Targeting the right customers" (invented numbers).
EXAMPLE = {"feature": "Loaner bike", "A": 28, "O": 12, "M": 4, "I": 12, "R": 2, "Q": 2}


def evaluation_table() -> pd.DataFrame:
    """Berger et al.'s (1993) evaluation table as a grid, to display.

    Examples
    --------
    >>> evaluation_table().loc["Like", "Dislike"]
    'O'
    """
    grid = pd.DataFrame(
        [[kano.EVALUATION_TABLE[(f, d)] for d in kano.ANSWERS] for f in kano.ANSWERS],
        index=pd.Index(kano.ANSWERS, name="Functional ↓ / Dysfunctional →"),
        columns=list(kano.ANSWERS),
    )
    return grid


def results_table(results: pd.DataFrame) -> pd.DataFrame:
    """The output of :func:`customer_focus.kano.analyze_kano`, written for reading.

    Examples
    --------
    >>> results_table(kano.summarize_counts({"A": 3, "O": 1}, "Loaner bike"))["Better"].tolist()
    ['1.00']
    """
    shown = format_table(results, decimals={"better": 2, "worse": 2})
    shown["worse"] = [f"{value:.2f}".replace("-", "−") for value in results["worse"]]
    return shown.rename(
        columns={
            "feature": "Feature",
            "responses": "Responses",
            "category": "Chosen most often",
            "kano_name": "Kano's name",
            "practitioner_name": "Practitioner name",
            "better": "Better",
            "worse": "Worse",
        }
    ).set_index("Feature")


def _check_results(results: pd.DataFrame) -> None:
    for column in ("feature", "category", "better", "worse"):
        if column not in results.columns:
            raise ValueError(f"the chart needs the table from kano.analyze_kano; column {column!r} is missing.")
    if results.empty:
        raise ValueError("the table from kano.analyze_kano has no features to draw.")


def better_worse_chart(results: pd.DataFrame, *, title: str | None = None) -> CourseFigure:
    """Scatter of each feature's Better against the size of its Worse.

    The horizontal axis is |Worse| (Worse without its minus sign: how much
    dissatisfaction the feature's absence causes), the vertical axis Better
    (how much satisfaction its presence adds). Each point is named and styled
    by the category chosen most often.

    Parameters
    ----------
    results : pandas.DataFrame
        The output of :func:`customer_focus.kano.analyze_kano` or
        :func:`~customer_focus.kano.summarize_counts`.
    title : str, optional
        A title for the chart.

    Returns
    -------
    CourseFigure

    Examples
    --------
    >>> figure = better_worse_chart(kano.summarize_counts({"A": 3, "O": 1}, "Loaner bike"))
    """
    _check_results(results)
    figure = _new_figure(7.5, 6)
    axes = figure.add_subplot()
    axes.set_facecolor("white")
    shown: set[str] = set()
    for _, row in results.iterrows():
        key = row["category"] if row["category"] in kano.CATEGORIES else "tie"
        color, marker = CATEGORY_STYLES[key]
        label = (
            f"{key}: {kano.CATEGORIES[key].name}" + (f" ({kano.CATEGORIES[key].practitioner})" if kano.CATEGORIES[key].practitioner else "")
            if key != "tie" else "Tie between categories"
        )
        axes.scatter(
            -row["worse"], row["better"], s=90, color=color, marker=marker, edgecolor=PALETTE["ink"],
            linewidth=0.6, zorder=3, label=None if label in shown else label,
        )
        shown.add(label)
        # label to the left of the point when it would run past the right edge (about 0.0125 per character)
        right = -row["worse"] + 0.02 + 0.0125 * len(str(row["feature"])) > 1.12
        axes.annotate(
            str(row["feature"]), (-row["worse"], row["better"]), xytext=(-7 if right else 7, 5),
            textcoords="offset points", ha="right" if right else "left", fontsize=9, color=PALETTE["ink"],
        )
    axes.set_xlim(-0.02, 1.12)
    axes.set_ylim(-0.02, 1.05)
    axes.set_xlabel("|Worse|: how much dissatisfaction its absence causes", color=PALETTE["ink"])
    axes.set_ylabel("Better: how much satisfaction its presence adds", color=PALETTE["ink"])
    axes.grid(color=PALETTE["grid"], linewidth=0.6)
    axes.set_axisbelow(True)
    for side in ("top", "right"):
        axes.spines[side].set_visible(False)
    if title:
        axes.set_title(title, color=PALETTE["ink"])
    handles, labels = axes.get_legend_handles_labels()
    figure.legend(handles, labels, loc="lower center", ncol=min(3, len(labels)), frameon=False, fontsize=9)
    rows = (len(labels) + 2) // 3
    figure.tight_layout(rect=(0, (0.2 + 0.25 * rows) / figure.get_figheight(), 1, 1))
    return figure


def describe_better_worse(results: pd.DataFrame) -> str:
    """Alt text for :func:`better_worse_chart`, written from the same table.

    Examples
    --------
    >>> describe_better_worse(kano.summarize_counts({"A": 3, "O": 1}, "Loaner bike"))[:30]
    'Scatter chart of Kano coeffici'
    """
    _check_results(results)
    parts = [
        f"{row['feature']}: Better {row['better']:.2f}, Worse {row['worse']:.2f}, "
        f"chosen most often {row['category']} ({row['kano_name']})."
        for _, row in results.iterrows()
    ]
    text = (
        "Scatter chart of Kano coefficients, one point per feature: Better on the vertical axis "
        "(0 to 1) and the size of Worse on the horizontal axis (0 to 1). " + " ".join(parts)
    )
    return text.replace("Worse -", "Worse −")


def _alert(error: Exception) -> HTML:
    return HTML(f'<p role="alert"><strong>Check your answers:</strong> {escape(str(error))}</p>')


class KanoForm:
    """The worksheet's form: look up one answer pair, and score one feature from its counts.

    Parameters
    ----------
    functional, dysfunctional : str
        One customer's two answers (one of :data:`customer_focus.kano.ANSWERS`).
    feature : str
        The feature being scored.
    **counts : int
        Respondents per category: ``A``, ``O``, ``M``, ``I``, ``R``, ``Q``.

    Attributes
    ----------
    widget : ipywidgets.VBox
        What to display.
    """

    def __init__(
        self, functional: str = "Like", dysfunctional: str = "Live-with", feature: str = EXAMPLE["feature"],
        **counts: int,
    ) -> None:
        style = {"description_width": "12em"}
        self.functional = w.Dropdown(
            options=list(kano.ANSWERS), value=functional, description="If it has X", style=style,
            layout=w.Layout(width="26em"),
        )
        self.dysfunctional = w.Dropdown(
            options=list(kano.ANSWERS), value=dysfunctional, description="If it does not have X",
            style=style, layout=w.Layout(width="26em"),
        )
        self.feature = w.Text(value=feature, description="Feature", style=style, layout=w.Layout(width="26em"))
        values = {letter: counts.get(letter, EXAMPLE[letter]) for letter in kano.CATEGORIES}
        self.counts = {
            letter: w.IntText(
                value=values[letter], description=f"{letter}: {category.name}", style=style,
                layout=w.Layout(width="20em"),
            )
            for letter, category in kano.CATEGORIES.items()
        }
        self.output = w.Output()
        for control in (self.functional, self.dysfunctional, self.feature, *self.counts.values()):
            control.observe(self._changed, names="value")
        self.widget = w.VBox(
            [
                w.HTML("<strong>One customer's answers</strong>"),
                self.functional,
                self.dysfunctional,
                w.HTML("<strong>One feature: how many respondents fell in each category</strong>"),
                self.feature,
                *self.counts.values(),
                self.output,
            ]
        )
        self.update()

    def _changed(self, _change: dict) -> None:
        self.update()

    def results(self) -> list[object]:
        """What the form shows: the pair's category, then the feature's row and chart (or a message)."""
        letter = kano.classify(self.functional.value, self.dysfunctional.value)
        category = kano.CATEGORIES[letter]
        practitioner = f"; practitioners say {category.practitioner}" if category.practitioner else ""
        items: list[object] = [
            HTML(
                f"<p>{escape(self.functional.value)} / {escape(self.dysfunctional.value)} → "
                f"<strong>{letter}, {category.name}</strong>{practitioner}: {category.meaning}.</p>"
            )
        ]
        try:
            row = kano.summarize_counts(
                {key: box.value for key, box in self.counts.items()}, self.feature.value.strip() or "Feature"
            )
        except ValueError as error:
            return [*items, _alert(error)]
        summary = row.iloc[0]
        items.append(
            HTML(
                f"<p><strong>{escape(summary['feature'])}: Better {summary['better']:.2f}, "
                f"Worse {summary['worse']:.2f}</strong>; chosen most often: {summary['category']} "
                f"({escape(summary['kano_name'])}).</p>"
            )
        )
        figure = better_worse_chart(row)
        items += [results_table(row), HTML(figure_html(figure, describe_better_worse(row)))]
        return items

    def update(self) -> None:
        """Recompute and redraw the results from the current inputs."""
        self.output.clear_output(wait=True)
        with self.output:
            for item in self.results():
                display(item)


def kano_form(**starting_values: object) -> w.VBox:
    """Build the Kano form and return the widget to display.

    Parameters
    ----------
    **starting_values
        ``functional``, ``dysfunctional``, ``feature`` and the counts ``A`` …
        ``Q``.

    Returns
    -------
    ipywidgets.VBox
    """
    return KanoForm(**starting_values).widget  # type: ignore[arg-type]
