"""The SERVQUAL chart's alt text, written from the same rows the chart draws, and its colors.

Standard library only: the notebook's matplotlib chart (:mod:`.form`) and the
SVG chart of the book's page (:mod:`.page`) take their alt text, colors,
legend, axis label and the sentence on the overall gap from here.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from ...core import saving
from ...core.messages import N_, Messages, Np_
from ...core.palette import PALETTE
from .calc import OVERALL

__all__ = ["EXPECTATION_COLOR", "PERCEPTION_COLOR", "ABOVE_COLOR", "X_LABEL", "EXPECTED",
           "PERCEIVED", "SHORTFALL", "AT_OR_ABOVE", "GAP", "NOTE", "signed", "dimension_name",
           "overall_sentence", "dimensions", "servqual", "excel_line",
           "saved_line"]

_ = Messages("tools.servqual")
n_ = _.plural

EXPECTATION_COLOR = PALETTE["line"]
PERCEPTION_COLOR = PALETTE["accent"]
ABOVE_COLOR = "#2e7d32"

# The chart's words (English; said through the catalog where drawn).
X_LABEL = N_("Average score (1 = strongly disagree, 7 = strongly agree)")
EXPECTED = N_("Expected (E)")
PERCEIVED = N_("Perceived (P)")
SHORTFALL = N_("Shortfall (P below E)")
AT_OR_ABOVE = N_("P at or above E")
GAP = N_("Gap")

#: The sentence under the overall gap.
NOTE = N_("A negative gap means the service falls short of what customers expect.")


def dimension_name(name: str) -> str:
    """A summary row's dimension (``"Reliability"``, ``"Overall"``) in the reader's language.

    Examples
    --------
    >>> dimension_name("Reliability")
    'Reliability'
    """
    return _(name)


def overall_sentence(gap: str, weighted: str | None = None, *, strong: bool = False) -> str:
    """The overall gap (and the weighted one), as written (:func:`signed`).

    With ``strong``, each score is in ``<strong>`` (the notebook's form, in HTML).

    Examples
    --------
    >>> overall_sentence("−0.20", "−0.200")
    'Overall gap (unweighted): −0.20; weighted: −0.200.'
    """
    words = {"gap": gap, "open": "<strong>" if strong else "",
             "close": "</strong>" if strong else ""}
    if weighted is None:
        return _("{open}Overall gap (unweighted): {gap}{close}.").format(**words)
    return _("{open}Overall gap (unweighted): {gap}{close}; {open}weighted: {weighted}{close}."
             ).format(weighted=weighted, **words)


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
        _("{dimension}: expected {expectation:.2f}, perceived {perception:.2f}, gap {gap}.").format(
            dimension=_(str(row["dimension"])), expectation=row["expectation"],
            perception=row["perception"], gap=signed(row["gap"]))
        for row in shown
    ]
    worst = min(shown, key=lambda row: row["gap"])
    if worst["gap"] < 0:
        last = _("The largest shortfall is {dimension}, {gap}.").format(
            dimension=_(str(worst["dimension"])), gap=signed(worst["gap"]))
    else:
        last = _("Perception meets or beats expectation on every dimension.")
    return " ".join([
        _("Dot chart of average expectation and perception on the 1 to 7 scale for each SERVQUAL "
          "dimension, joined by a line."),
        *parts, last,
    ])

#: The worksheet's closing lines: what it saved, and whether the Excel file matches.
saved_line, excel_line = saving.lines(
    _, Np_("{count} row", "{count} rows"),
    Np_("{count} respondent", "{count} respondents"),
)
