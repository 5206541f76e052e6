"""The SERVQUAL chart's alt text, written from the same rows the chart draws, and its colors.

Standard library only: the notebook's matplotlib chart (:mod:`.form`) and the
SVG chart of the book's page (:mod:`.page`) take their alt text and colors
from here.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from ...core.palette import PALETTE
from .calc import OVERALL

__all__ = ["EXPECTATION_COLOR", "PERCEPTION_COLOR", "ABOVE_COLOR", "signed", "dimensions",
           "servqual"]

EXPECTATION_COLOR = PALETTE["line"]
PERCEPTION_COLOR = PALETTE["accent"]
ABOVE_COLOR = "#2e7d32"


def signed(value: float, places: int = 2) -> str:
    """A gap with its sign, + or − (the minus sign).

    Examples
    --------
    >>> signed(-1.5), signed(0.4, 3)
    ('−1.50', '+0.400')
    """
    return f"{value:+.{places}f}".replace("-", "−")


def dimensions(rows: Sequence[Mapping[str, object]]) -> list[Mapping[str, object]]:
    """The five dimensions' rows of a summary (the overall row left out)."""
    return [row for row in rows if row["dimension"] != OVERALL]


def servqual(rows: Sequence[Mapping[str, object]]) -> str:
    """Alt text for the chart of each dimension's expectation and perception.

    Parameters
    ----------
    rows : sequence of dict
        The rows of :func:`customer_focus.tools.servqual.calc.summarize` (the
        overall row is left out).

    Examples
    --------
    >>> from customer_focus.tools.servqual import calc
    >>> servqual(calc.score_dimensions([6] * 5, [5] * 5))[-42:]
    'The largest shortfall is Tangibles, −1.00.'
    """
    shown = dimensions(rows)
    parts = [
        f"{row['dimension']}: expected {row['expectation']:.2f}, "
        f"perceived {row['perception']:.2f}, gap {signed(row['gap'])}."
        for row in shown
    ]
    worst = min(shown, key=lambda row: row["gap"])
    text = (
        "Dot chart of average expectation and perception on the 1 to 7 scale for each SERVQUAL "
        "dimension, joined by a line. " + " ".join(parts)
    )
    if worst["gap"] < 0:
        text += f" The largest shortfall is {worst['dimension']}, {signed(worst['gap'])}."
    else:
        text += " Perception meets or beats expectation on every dimension."
    return text
