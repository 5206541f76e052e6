"""The Kano chart's alt text, written from the same rows the chart draws, and its legend.

Standard library only: the notebook's matplotlib chart (:mod:`.form`) and the
SVG chart of the book's page (:mod:`.page`) take their alt text, colors,
markers and legend from here.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from ...core.palette import PALETTE
from .calc import CATEGORIES

__all__ = ["CATEGORY_STYLES", "legend_label", "better_worse"]

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


def legend_label(key: str) -> str:
    """The legend's words for a category letter, or for a tie (``"tie"``).

    Examples
    --------
    >>> legend_label("A"), legend_label("tie")
    ('A: Attractive (delighter)', 'Tie between categories')
    """
    if key == "tie":
        return "Tie between categories"
    category = CATEGORIES[key]
    practitioner = f" ({category.practitioner})" if category.practitioner else ""
    return f"{key}: {category.name}{practitioner}"


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
        f"{row['feature']}: Better {row['better']:.2f}, Worse {row['worse']:.2f}, "
        f"chosen most often {row['category']} ({row['kano_name']})."
        for row in rows
    ]
    text = (
        "Scatter chart of Kano coefficients, one point per feature: Better on the vertical axis "
        "(0 to 1) and the size of Worse on the horizontal axis (0 to 1). " + " ".join(parts)
    )
    return text.replace("Worse -", "Worse −")
