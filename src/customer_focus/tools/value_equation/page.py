"""The customer value equation worksheet as it runs in the book's page (on Pyodide).

The reader edits the alternatives row by row (or picks a CSV file of them);
each row is checked and scored by :func:`.calc.value_index` and
:func:`.calc.lever`, the functions the notebook's table calls, and the words
come from :mod:`.describe`, as in the notebook. Standard library only.

Examples
--------
>>> rows = [["Current", "7", "5", "6", "7"], ["Idea", "7", "7", "6", "3"]]
>>> values = {"costs": "score", "alternatives": [dict(zip(COLUMNS, row)) for row in rows]}
>>> results(values).summary[2]
'Idea ranks 1 of 2: raises the numerator by 2 (+17%) and lowers the denominator by 4 (−31%).'
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from typing import Any

from ...core import rows as csv_rows
from ...core import svg
from ...core.formats import dollars
from ...core.messages import N_, Messages
from ...core.palette import PALETTE
from ...core.rows import row_label
from .. import live
from . import calc, describe

_ = Messages("tools.value_equation")
__all__ = ["SPEC", "COLUMNS", "INDEX_NOTE", "compare", "results", "file_results"]

#: What the page reads from the tool's spec: its ``live:`` block, headings and tables' columns.
SPEC = live.page_spec(__package__)
#: The columns of a row: the alternative's name and its four terms.
COLUMNS: list[str] = list(SPEC.columns["alternatives"])
#: The caution shown with every index (the notebook form's words; said through the catalog).
INDEX_NOTE = N_(
    "Index = numerator ÷ denominator: a ranking aid on your own scales, not a measurement of value."
)
_TERMS = COLUMNS[1:]


def _row(costs: str) -> Callable[[int, dict[str, Any]], dict[str, Any]]:
    """Check one row (as typed) and return it with its numbers."""

    def check(number: int, row: dict[str, Any]) -> dict[str, Any]:
        name = calc.FIELDS["alternative"].parse(row.get("alternative", ""))
        terms = {column: calc.FIELDS[column].parse(row.get(column, "")) for column in _TERMS}
        calc.value_index(*terms.values(), costs=costs)
        return {"alternative": name, **terms}

    return check


def _repeated(rows: Sequence[Mapping[str, Any]]) -> tuple[int, int] | None:
    """The positions of the first name given twice, or None."""
    seen: dict[str, int] = {}
    for position, row in enumerate(rows):
        if row["alternative"] in seen:
            return seen[row["alternative"]], position
        seen[row["alternative"]] = position
    return None


def _twice(name: str, first: str, second: str) -> str:
    return _(
        "column 'alternative' must give each alternative its own name; {name!r} appears at "
        "{first} and {second}. Rename one, e.g. add the competitor's name or 'idea 2'."
    ).format(name=name, first=first, second=second)


def compare(
    rows: Sequence[Mapping[str, Any]], *, costs: str = "score", top_score: int = 10
) -> list[dict[str, Any]]:
    """Rank checked alternatives against the first (the current offer), as the notebook's table.

    Returns
    -------
    list of dict
        The columns of :func:`.table.compare_alternatives`: the terms,
        ``numerator``, ``denominator``, ``value_index``, ``rank``, the changes
        against the current offer, ``lever`` and ``scales``.

    Examples
    --------
    >>> rows = [{"alternative": "A", "results": 7, "process_quality": 5, "price": 6,
    ...          "access_costs": 7}]
    >>> round(compare(rows)[0]["value_index"], 3)
    0.923
    """
    scales = calc.scale_description(costs, top_score)
    compared = []
    for row in rows:
        terms = [row[column] for column in _TERMS]
        compared.append({
            **row,
            "numerator": terms[0] + terms[1],
            "denominator": terms[2] + terms[3],
            "value_index": calc.value_index(*terms, costs=costs, top_score=top_score),
        })
    base = compared[0]
    for position, row in enumerate(compared):
        row["rank"] = 1 + sum(other["value_index"] > row["value_index"] for other in compared)
        for side in ("numerator", "denominator"):  # the notebook's table's order of columns
            row[f"{side}_change"] = row[side] - base[side]
        for side in ("numerator", "denominator"):
            row[f"{side}_change_relative"] = row[f"{side}_change"] / base[side]
        row["lever"] = calc.lever(
            row["numerator_change"], row["denominator_change"], baseline=position == 0
        )
        row["scales"] = scales
    return compared


def _results(compared: list[dict[str, Any]], *, download: bool) -> live.Results:
    money = describe.in_money(compared)
    sentences = describe.change_sentences(compared)
    table = live.column_table(
        _("Alternatives compared"),
        [
            (_("Alternative"), "alternative", str),
            (_("Results"), "results", lambda x: describe.amount(x, False)),
            (_("Process quality"), "process_quality", lambda x: describe.amount(x, False)),
            (_("Price"), "price", lambda x: describe.amount(x, money)),
            (_("Other costs to the customer"), "access_costs",
             lambda x: describe.amount(x, money)),
            (_("Numerator"), "numerator", lambda x: describe.amount(x, False)),
            (_("Denominator"), "denominator", lambda x: describe.amount(x, money)),
            (_("Index (ranking only)"), "value_index", lambda x: f"{x:.{4 if money else 2}f}"),
            (_("Rank"), "rank", str),
        ],
        compared,
    )
    changes = live.Table(
        _("Against the current offer"),
        (_("Alternative"), _("Numerator vs current"), _("Denominator vs current"),
         _("What it does")),
        tuple(
            (
                live.Cell(row["alternative"], row["alternative"]),
                live.Cell(
                    "—" if describe.is_baseline(row) else describe.signed(
                        row["numerator_change"], row["numerator_change_relative"], False),
                    row["numerator_change"],
                ),
                live.Cell(
                    "—" if describe.is_baseline(row) else describe.signed(
                        row["denominator_change"], row["denominator_change_relative"], money),
                    row["denominator_change"],
                ),
                live.Cell(calc.lever_words(row["lever"]), row["lever"]),
            )
            for row in compared
        ),
    )
    ranked = describe.ordered(compared)
    decimals = 4 if money else 2
    labels = [
        (_("#{rank} {alternative} (current)") if describe.is_baseline(row)
         else _("#{rank} {alternative}")).format(
            rank=int(row["rank"]), alternative=row["alternative"])
        for row in ranked
    ]
    alt = describe.value_chart(compared)
    chart = svg.stacked_panels(
        labels,
        [
            svg.Panel(
                _("Numerator: what the customer gets"),
                (
                    svg.Series(_("Results produced for the customer"),
                               tuple(row["results"] for row in ranked), "line"),
                    svg.Series(_("Process quality"),
                               tuple(row["process_quality"] for row in ranked), "employees"),
                ),
                _("Score (results + process quality), higher is better"),
            ),
            svg.Panel(
                _("Denominator: what it costs the customer"),
                (
                    svg.Series(_("Price to the customer"), tuple(row["price"] for row in ranked),
                               "accent"),
                    svg.Series(_("Customer's other costs: time, effort, travel, risk"),
                               tuple(row["access_costs"] for row in ranked), PALETTE["customers"]),
                ),
                _("Money (price + the customer's other costs)") if money
                else _("Score (price + other costs), higher is costlier"),
                ticks=dollars if money else (lambda value: f"{value:g}"),
                notes=tuple(_("index {index}").format(index=f"{row['value_index']:.{decimals}f}")
                            for row in ranked),
            ),
        ],
        alt=alt,
        note=_(INDEX_NOTE),
    )
    file = None
    if download:
        file = live.download("value-equation-results.csv", list(compared[0]), compared)
    return live.Results(
        summary=(_(INDEX_NOTE), *sentences), tables=(table, changes),
        chart=live.Chart(chart, alt), download=file,
    )


def results(values: Mapping[str, object]) -> live.Results:
    """The ranked alternatives of the form's grid, the changes and the chart.

    Parameters
    ----------
    values : Mapping
        ``costs`` ("score" or "money") and ``alternatives``: one dict per
        row with the name and the four terms, as typed.

    Raises
    ------
    customer_focus.tools.live.Invalid
        With a message for each wrong cell, tied to it.
    """
    costs = live.parse(calc.FIELDS, values, SPEC.live["fields"])["costs"]
    rows = live.grid_rows(values, SPEC.live["grid"], _row(costs), names="alternative")
    repeated = _repeated(rows)
    if repeated is not None:
        first, second = repeated
        name = rows[second]["alternative"]
        message = _twice(name, row_label(first + 1, name), row_label(second + 1, name))
        field = live.cell_name(SPEC.live["grid"], second + 1, "alternative")
        raise live.Invalid([live.Message(message, field)])
    return _results(compare(rows, costs=costs), download=False)


def file_results(text: str, v: Mapping[str, Any], source: str) -> live.Results:
    """The alternatives of a CSV file (the current offer first), ranked, with a results CSV.

    ``v`` holds the form's ``costs`` ("score" or "money"), the same for every row.
    The file's further columns (an owner, a note) are kept as they are in the
    results CSV, in their place, as the notebook's table keeps them.

    Examples
    --------
    >>> text = "alternative,results,process_quality,price,access_costs\\nNow,7,5,6,7\\n"
    >>> file_results(text, {"costs": "score"}, "a.csv").summary[1]
    'Now ranks 1 of 1: your current offer, the point of comparison.'
    """
    costs = v["costs"]
    table = live.read_rows(text, SPEC.columns["alternatives"], source=source)
    names = live.names(table, "alternative")
    repeated = _repeated([{"alternative": name} for name in names])
    if repeated is not None:
        first, second = repeated
        raise ValueError(_twice(names[second], table.where(first), table.where(second)))
    # the notebook's table checks each column in turn, with these words (table.py)
    top = 10
    better = _("a score from 1 to {top}, higher is better").format(top=top)
    terms = {
        "results": csv_rows.numbers(table, "results", meaning=better, low=1, high=top),
        "process_quality": csv_rows.numbers(
            table, "process_quality", meaning=better, low=1, high=top
        ),
    }
    if costs == "score":
        costlier = _(
            "a score from 1 to {top}, higher = costlier; in money? use costs='money' for every row"
        ).format(top=top)
        for column in ("price", "access_costs"):
            terms[column] = csv_rows.numbers(table, column, meaning=costlier, low=1, high=top)
    else:
        terms["price"] = csv_rows.numbers(
            table, "price", meaning=_("price to the customer, in money"), low=0
        )
        terms["access_costs"] = csv_rows.numbers(
            table, "access_costs",
            meaning=_("the customer's time, effort, travel and risk, in money"),
            low=0,
        )
    for position in range(len(names)):
        if terms["price"][position] + terms["access_costs"][position] <= 0:
            raise ValueError(_(
                "price + access_costs is 0 at {place}: an alternative that costs the customer "
                "nothing at all cannot be put on the ratio. Value at least the customer's time."
            ).format(place=table.where(position)))
    # the learner's further columns (an owner, a note) are kept as they are, in the file's
    # order, as the notebook's table keeps them
    rows = []
    for position, name in enumerate(names):
        row = dict(table.rows[position])
        row.update({"alternative": name, **{column: terms[column][position] for column in _TERMS}})
        rows.append(row)
    return _results(compare(rows, costs=costs), download=True)
