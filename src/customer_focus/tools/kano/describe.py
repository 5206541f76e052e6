"""The Kano chart's alt text, written from the same rows the chart draws, and its legend.

Standard library only: the notebook's matplotlib chart (:mod:`.form`) and the
SVG chart of the book's page (:mod:`.page`) take their alt text, colors,
markers and legend from here.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from ...core import saving
from ...core.messages import N_, Messages, Np_
from ...core.palette import PALETTE
from .calc import CATEGORIES, classify

__all__ = [
    "CATEGORY_STYLES", "X_LABEL", "Y_LABEL", "legend_label", "pair_sentence", "feature_sentence",
    "better_worse", "classify_line", "excel_line", "saved_line",
]

_ = Messages("tools.kano")
n_ = _.plural

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


#: The chart's axes (English; said through the catalog where drawn).
X_LABEL = N_("|Worse|: how much dissatisfaction its absence causes")
Y_LABEL = N_("Better: how much satisfaction its presence adds")


def pair_sentence(functional: str, dysfunctional: str, letter: str, *, strong: bool = False) -> str:
    """The sentence for one answer pair: its category, the practitioners' name, what it means.

    With ``strong``, the category is in ``<strong>`` (the notebook's form, in HTML).

    Examples
    --------
    >>> pair_sentence("Like", "Live-with", "A")
    'Like / Live-with → A, Attractive; practitioners say delighter: delights when present, no \
complaint when absent.'
    """
    category = CATEGORIES[letter]
    words = {
        "functional": functional, "dysfunctional": dysfunctional, "letter": letter,
        "name": _(category.name), "meaning": _(category.meaning),
        "open": "<strong>" if strong else "", "close": "</strong>" if strong else "",
    }
    if category.practitioner:
        return _("{functional} / {dysfunctional} → {open}{letter}, {name}{close}; practitioners "
                 "say {practitioner}: {meaning}.").format(
            practitioner=_(category.practitioner), **words)
    return _("{functional} / {dysfunctional} → {open}{letter}, {name}{close}: {meaning}.").format(
        **words)


def feature_sentence(row: Mapping[str, object], worse: str, *, strong: bool = False) -> str:
    """The sentence for one feature's result: Better, Worse (as ``worse`` writes it), category.

    Examples
    --------
    >>> from customer_focus.tools.kano import calc
    >>> feature_sentence(calc.summarize({"A": 3, "O": 1}, "Bike"), "−0.25")
    'Bike: Better 1.00, Worse −0.25; chosen most often: A (Attractive).'
    """
    return _("{open}{feature}: Better {better:.2f}, Worse {worse}{close}; chosen most often: "
             "{category} ({name}).").format(
        feature=row["feature"], better=row["better"], worse=worse, category=row["category"],
        name=row["kano_name"], open="<strong>" if strong else "",
        close="</strong>" if strong else "")


def legend_label(key: str) -> str:
    """The legend's words for a category letter, or for a tie (``"tie"``).

    Examples
    --------
    >>> legend_label("A"), legend_label("tie")
    ('A: Attractive (delighter)', 'Tie between categories')
    """
    if key == "tie":
        return _("Tie between categories")
    category = CATEGORIES[key]
    if category.practitioner:
        return _("{letter}: {name} ({practitioner})").format(
            letter=key, name=_(category.name), practitioner=_(category.practitioner))
    return _("{letter}: {name}").format(letter=key, name=_(category.name))


def better_worse(rows: Sequence[Mapping[str, object]]) -> str:
    """Alt text for the chart of each feature's Better against the size of its Worse.

    Parameters
    ----------
    rows : sequence of dict
        One per feature, with ``feature``, ``better``, ``worse``, ``category``
        and ``kano_name`` (the rows of :func:`customer_focus.tools.kano.calc.summarize`).

    Examples
    --------
    >>> from customer_focus.tools.kano import calc
    >>> better_worse([calc.summarize({"A": 3, "O": 1}, "Loaner bike")])[-72:]
    'Loaner bike: Better 1.00, Worse −0.25, chosen most often A (Attractive).'
    """
    parts = [
        _("{feature}: Better {better}, Worse {worse}, chosen most often {category} "
          "({name}).").format(
            feature=row["feature"], better=f"{row['better']:.2f}",
            worse=f"{row['worse']:.2f}".replace("-", "−"), category=row["category"],
            name=row["kano_name"])
        for row in rows
    ]
    return " ".join([
        _("Scatter chart of Kano coefficients, one point per feature: Better on the vertical axis "
          "(0 to 1) and the size of Worse on the horizontal axis (0 to 1)."),
        *parts,
    ])


def classify_line(functional: str, dysfunctional: str) -> str:
    """One answer pair's category in a line: its letter, Kano's name, the practitioners' name.

    Examples
    --------
    >>> classify_line("Like", "Live-with")
    'Like / Live-with -> A: Attractive (practitioners say delighter)'
    >>> classify_line("Neutral", "Neutral")
    'Neutral / Neutral -> I: Indifferent'
    """
    letter = classify(functional, dysfunctional)
    category = CATEGORIES[letter]
    words = {"functional": functional, "dysfunctional": dysfunctional, "letter": letter,
             "name": _(category.name)}
    if category.practitioner:
        return _("{functional} / {dysfunctional} -> {letter}: {name} (practitioners say "
                 "{practitioner})").format(practitioner=_(category.practitioner), **words)
    return _("{functional} / {dysfunctional} -> {letter}: {name}").format(**words)

#: The worksheet's closing lines: what it saved, and whether the Excel file matches.
saved_line, excel_line = saving.lines(
    _, Np_("{count} feature", "{count} features"),
    Np_("{count} answer", "{count} answers"),
)
