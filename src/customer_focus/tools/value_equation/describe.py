"""What the value equation worksheet writes from a comparison: amounts, sentences, alt text.

Standard library only, over plain rows (one dict per alternative, with the
columns of :func:`customer_focus.tools.value_equation.table.compare_alternatives`):
the notebook's form (:mod:`.form`, which passes its table's records) and the
book's page (:mod:`.page`) write the same words from here.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

from ...core import saving
from ...core.formats import cents
from ...core.messages import N_, Messages, Np_
from . import calc

_ = Messages("tools.value_equation")
n_ = _.plural

#: What a change does to one side of the equation, by direction and side.
_CHANGES = {
    ("raises", "numerator"): N_("raises the numerator by {size} ({sign}{share})"),
    ("lowers", "numerator"): N_("lowers the numerator by {size} ({sign}{share})"),
    ("raises", "denominator"): N_("raises the denominator by {size} ({sign}{share})"),
    ("lowers", "denominator"): N_("lowers the denominator by {size} ({sign}{share})"),
}

__all__ = ["in_money", "amount", "signed", "ordered", "change_sentences", "value_chart",
           "excel_line", "saved_line"]

Row = Mapping[str, Any]


def in_money(rows: Sequence[Row]) -> bool:
    """Whether price and the other costs were measured in money."""
    return "in money" in str(rows[0]["scales"])


def amount(value: float, money: bool) -> str:
    """A term as the table writes it: money in cents, a score with one decimal.

    Examples
    --------
    >>> amount(7, False), amount(120, True)
    ('7.0', '$120.00')
    """
    return cents(value) if money else f"{float(value):.1f}"


def signed(value: float, relative: float, money: bool) -> str:
    """A change against the current offer, with its share: ``+2 (+17%)``, or "no change".

    Examples
    --------
    >>> signed(-4, -0.3077, False)
    '−4 (−31%)'
    """
    if abs(value) < 1e-9:
        return _("no change")
    sign = "+" if value > 0 else "−"
    size = cents(abs(value)) if money else f"{round(abs(float(value)), 2):g}"
    return f"{sign}{size} ({sign}{abs(relative):.0%})"


def is_baseline(row: Row) -> bool:
    """Whether the row is the current offer, the point of comparison."""
    return row["lever"] == calc.LEVERS["baseline"]


def ordered(rows: Sequence[Row]) -> list[Row]:
    """The rows by rank, ties in the table's order."""
    ranked = sorted(enumerate(rows), key=lambda item: (item[1]["rank"], item[0]))
    return [row for _position, row in ranked]


def change_sentences(rows: Sequence[Row]) -> list[str]:
    """One sentence per alternative: its rank and what it does, against the current offer.

    Examples
    --------
    >>> rows = [{"alternative": "Idea", "rank": 1, "lever": "raises the numerator",
    ...          "numerator_change": 2, "numerator_change_relative": 0.17,
    ...          "denominator_change": 0, "denominator_change_relative": 0,
    ...          "scales": "all four terms scored 1-10"}]
    >>> change_sentences(rows)
    ['Idea ranks 1 of 1: raises the numerator by 2 (+17%).']
    """
    money = in_money(rows)
    sentences = []
    for row in rows:
        head = _("{alternative} ranks {rank} of {count}").format(
            alternative=row["alternative"], rank=int(row["rank"]), count=len(rows))
        if is_baseline(row):
            sentences.append(
                _("{head}: your current offer, the point of comparison.").format(head=head))
            continue
        parts = []
        for word, unit_money in (("numerator", False), ("denominator", money)):
            change, relative = row[f"{word}_change"], row[f"{word}_change_relative"]
            if abs(change) < 1e-9:
                continue
            verb = "raises" if change > 0 else "lowers"
            size = cents(abs(change)) if unit_money else f"{round(abs(float(change)), 2):g}"
            sign = "+" if change > 0 else "−"
            parts.append(_(_CHANGES[verb, word]).format(
                size=size, sign=sign, share=f"{abs(relative):.0%}"))
        if len(parts) == 2:
            body = _("{first} and {second}").format(first=parts[0], second=parts[1])
        else:
            body = parts[0] if parts else _(calc.LEVERS["same"])
        sentences.append(_("{head}: {body}.").format(head=head, body=body))
    return sentences


def value_chart(rows: Sequence[Row]) -> str:
    """Alt text for the two-panel chart of the numerator and the denominator.

    Examples
    --------
    >>> rows = [{"alternative": "A", "numerator": 12, "denominator": 13, "value_index": 0.92,
    ...          "rank": 1, "lever": calc.LEVERS["baseline"], "scales": "all four terms"}]
    >>> value_chart(rows)[:44]
    'Two-panel horizontal bar chart comparing 1 a'
    """
    money = in_money(rows)
    ranked = ordered(rows)
    decimals = 4 if money else 2

    def name_value(row: Row, column: str, as_money: bool) -> str:
        return _("{alternative} ({amount})").format(
            alternative=row["alternative"], amount=amount(row[column], as_money))

    most = max(ranked, key=lambda row: row["numerator"])
    least = min(ranked, key=lambda row: row["numerator"])
    cheapest = min(ranked, key=lambda row: row["denominator"])
    dearest = max(ranked, key=lambda row: row["denominator"])
    ranks = [
        _("{rank}. {alternative} ({index})").format(
            rank=int(row["rank"]), alternative=row["alternative"],
            index=f"{row['value_index']:.{decimals}f}")
        for row in ranked
    ]
    if len(ranks) > 6:
        ranks = [*ranks[:3], "…", ranks[-1]]
    scales = _("with price and other costs in money") if money else _(
        "all four terms scored by customers"
    )
    text = _(
        "Two-panel horizontal bar chart comparing {count} alternatives, {scales}. "
        "Left panel, the numerator (results plus process quality): highest "
        "{most}, lowest {least}. "
        "Right panel, the denominator (price plus the customer's other costs): lowest "
        "{cheapest}, highest {dearest}. Ranked by the index, numerator divided by "
        "denominator: {ranks}."
    ).format(
        count=len(ranked), scales=scales, most=name_value(most, "numerator", False),
        least=name_value(least, "numerator", False),
        cheapest=name_value(cheapest, "denominator", money),
        dearest=name_value(dearest, "denominator", money), ranks=_("; ").join(ranks),
    )
    base = [row for row in ranked if is_baseline(row)]
    if base:
        text += _(" The current offer, {alternative}, ranks {rank}.").format(
            alternative=base[0]["alternative"], rank=int(base[0]["rank"]))
    return text + _(" The index is a ranking aid, not a measurement of value.")

#: The worksheet's closing lines: what it saved, and whether the Excel file matches.
saved_line, excel_line = saving.lines(
    _, Np_("{count} alternative", "{count} alternatives")
)
