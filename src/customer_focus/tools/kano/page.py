"""The Kano worksheet as it runs in the book's page (on Pyodide).

The same method as the notebook (:mod:`.calc`: the evaluation table, the
counts, Better and Worse), the same checks of the inputs (the spec's fields),
the same messages about a survey file (written once in :mod:`.calc`) and the
same alt text (:mod:`.describe`); the results come back as
:class:`customer_focus.tools.live.Results` for the page's script. Standard
library only.

Examples
--------
>>> shown = results({"functional": "Like", "dysfunctional": "Live-with", "feature": "Bike",
...                  "attractive": "28", "one_dimensional": "12", "must_be": "4",
...                  "indifferent": "12", "reverse": "2", "questionable": "2"})
>>> shown.summary[1]
'Bike: Better 0.71, Worse −0.29; chosen most often: A (Attractive).'
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

from ...core import rows as csv_rows
from ...core import svg
from ...core.messages import Messages
from ...core.validation import listed
from .. import live
from . import calc, describe
from .calc import CATEGORIES, LETTERS

__all__ = ["SPEC", "RESULT_COLUMNS", "results", "analyze", "file_results"]

_ = Messages("tools.kano")
n_ = _.plural

#: What the page reads from the tool's spec: its ``live:`` block, headings and tables' columns.
SPEC = live.page_spec(__package__)

#: The columns of a feature's result, as the notebook's table and its saved file have them.
RESULT_COLUMNS = (
    "feature", "responses", *LETTERS, "category", "kano_name", "practitioner_name", "better",
    "worse",
)


def _worse(value: float) -> str:
    return f"{value:.2f}".replace("-", "−")


def _table(caption: str, rows: Sequence[Mapping[str, Any]]) -> live.Table:
    """The notebook's results table: a column per letter, Better and Worse to 2 decimals."""
    return live.table(caption, SPEC.headings["results"], rows, columns=RESULT_COLUMNS,
                      decimals={"better": 2}, written={"worse": _worse})


def _chart(rows: Sequence[Mapping[str, Any]]) -> live.Chart:
    """The notebook's chart: Better against the size of Worse, a point per feature."""
    alt = describe.better_worse(rows)
    points = []
    for row in rows:
        key = row["category"] if row["category"] in CATEGORIES else "tie"
        color, marker = describe.CATEGORY_STYLES[key]
        points.append(svg.Point(
            str(row["feature"]), -row["worse"], row["better"], color, marker,
            describe.legend_label(key),
        ))
    chart = svg.scatter_chart(
        points, alt=alt,
        x_label=_(describe.X_LABEL), y_label=_(describe.Y_LABEL),
        x_range=(-0.02, 1.12), y_range=(-0.02, 1.05),
    )
    return live.Chart(chart, alt)


def _feature_sentence(row: Mapping[str, Any]) -> str:
    return describe.feature_sentence(row, _worse(row["worse"]))


def results(values: Mapping[str, object]) -> live.Results:
    """One answer pair's category, and one feature's Better, Worse, table and chart.

    Parameters
    ----------
    values : Mapping
        ``functional``, ``dysfunctional``, ``feature`` and the six counts
        (``attractive`` … ``questionable``), as typed (text) or as values.

    Raises
    ------
    customer_focus.tools.live.Invalid
        When inputs are missing or wrong, with a message for each.
    """
    v = live.parse(calc.FIELDS, values, SPEC.live["fields"])
    letter = calc.classify(v["functional"], v["dysfunctional"])
    pair = describe.pair_sentence(
        calc.normalize_answer(v["functional"]), calc.normalize_answer(v["dysfunctional"]), letter)
    counts = {letter: v[c.key] for letter, c in CATEGORIES.items()}
    row = calc.summarize(counts, str(v["feature"]).strip() or _("Feature"))
    return live.Results(
        summary=(pair, _feature_sentence(row)),
        tables=(_table(_("One feature"), [row]),),
        chart=_chart([row]),
    )


def _labels(table: csv_rows.Rows, column: str) -> list[str]:
    """A label column's cells, trimmed; an empty one stops with the notebook's message."""
    cells = [cell.strip() for cell in table.column(column)]
    blank = [position for position, cell in enumerate(cells) if not cell]
    if blank:
        raise ValueError(calc.blank_labels(
            column, SPEC.columns["answers"][column]["help"], listed(blank, table.where)
        ))
    return cells


def _answers(table: csv_rows.Rows, column: str) -> list[str]:
    """An answer column written the standard way; a bad answer stops naming its line."""
    cells = table.column(column)
    answers = [calc.standard_answer(cell) for cell in cells]
    bad = [position for position, answer in enumerate(answers) if answer is None]
    if bad:
        empty = _("empty")
        raise ValueError(calc.bad_answers(column, listed(
            bad, lambda i: f"{table.where(i)}: {repr(cells[i]) if cells[i] else empty}"
        )))
    return answers  # type: ignore[return-value]


def analyze(text: str, *, source: str | None = None) -> tuple[list[dict[str, Any]], int]:
    """A survey file's features, as :func:`.table.analyze_kano` scores them, and its respondents.

    Returns
    -------
    tuple
        The rows of :func:`.calc.summarize`, one per feature in order of first
        appearance, and the number of different respondents.

    Examples
    --------
    >>> text = ("respondent,feature,functional,dysfunctional\\n"
    ...         "1,Bike,Like,Neutral\\n2,Bike,Like,Dislike\\n")
    >>> rows, respondents = analyze(text)
    >>> rows[0]["category"], rows[0]["better"], rows[0]["worse"], respondents
    ('A/O', 1.0, -0.5, 2)
    """
    table = live.read_rows(text, SPEC.columns["answers"], source=source or _("your file"))
    respondents = _labels(table, "respondent")
    features = _labels(table, "feature")
    functional = _answers(table, "functional")
    dysfunctional = _answers(table, "dysfunctional")
    seen: dict[tuple[str, str], int] = {}
    for pair in zip(respondents, features, strict=True):
        seen[pair] = seen.get(pair, 0) + 1
    twice = [
        position for position, pair in enumerate(zip(respondents, features, strict=True))
        if seen[pair] > 1
    ]
    if twice:
        raise ValueError(calc.repeated_pairs(listed(
            twice,
            lambda i: f"{table.where(i)} ({table.column('respondent')[i]}, {features[i]})",
            most=6,
        )))
    counts: dict[str, dict[str, int]] = {}
    for feature, f, d in zip(features, functional, dysfunctional, strict=True):
        letter = calc.EVALUATION_TABLE[(f, d)]
        tally = counts.setdefault(feature, dict.fromkeys(LETTERS, 0))
        tally[letter] += 1
    left_out = [
        feature for feature, tally in counts.items()
        if tally["A"] + tally["O"] + tally["M"] + tally["I"] == 0
    ]
    if left_out:
        raise ValueError(calc.undefined(left_out, n_(
            "remove it from the file", "remove them from the file", len(left_out))))
    return [calc.summarize(tally, feature) for feature, tally in counts.items()], len(
        set(respondents)
    )


def file_results(text: str, v: Mapping[str, Any], source: str) -> live.Results:
    """A survey file's features scored, with the chart and a results CSV to download.

    ``text`` has the notebook's file's columns: ``respondent``, ``feature``,
    ``functional``, ``dysfunctional``; none of the form's inputs applies to it.

    Examples
    --------
    >>> text = "respondent,feature,functional,dysfunctional\\n1,Bike,Like,Neutral\\n"
    >>> file_results(text, {}, "a.csv").summary[0]
    '1 feature scored from 1 answer by 1 respondent.'
    """
    scored, respondents = analyze(text, source=source)
    answers = sum(row["responses"] for row in scored)

    summary = _("{features} scored from {answers} by {respondents}.").format(
        features=n_("{count:,} feature", "{count:,} features", len(scored)).format(
            count=len(scored)),
        answers=n_("{count:,} answer", "{count:,} answers", answers).format(count=answers),
        respondents=n_("{count:,} respondent", "{count:,} respondents", respondents).format(
            count=respondents),
    )
    return live.Results(
        summary=(summary,), tables=(_table(_("Features scored"), scored),), chart=_chart(scored),
        download=live.download("kano-results.csv", RESULT_COLUMNS, scored),
    )
