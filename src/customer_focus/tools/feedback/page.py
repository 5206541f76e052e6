"""The customer feedback worksheet as it runs in the book's page (on Pyodide).

The same arithmetic as the notebook (:func:`.calc.summary` from the counts of
each answer), the same reading of the pasted answers (:func:`answers`, which
the notebook's form calls too) and the same alt text (:mod:`.describe`); the
results come back as :class:`customer_focus.tools.live.Results` for the
page's script. A CSV file of responses is read with the standard library and
checked as the notebook's ``table.check_feedback`` checks it. Standard
library only.

Examples
--------
>>> shown = results({"recommend_answers": "10 9 8 3", "satisfaction_answers": ""})
>>> shown.summary[0][:40]
'Net Promoter Score: +25 from 4 answers ('
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import replace
from typing import Any

from ...core import rows as csv_rows
from ...core import svg
from ...core.messages import N_, Messages
from ...core.validation import InputError, listed
from .. import live
from . import calc, describe

_ = Messages("tools.feedback")

__all__ = ["SPEC", "ALL_RESPONSES", "NOT_GIVEN", "answers", "responses_from_csv",
           "results", "file_results"]

#: What the page reads from the tool's spec: its ``live:`` block, headings and tables' columns.
SPEC = live.page_spec(__package__)

#: The row of the summary that covers every response (shown in the reader's language).
ALL_RESPONSES = describe.ALL_RESPONSES

#: The group of responses whose segment cell is blank (shown in the reader's language).
NOT_GIVEN = describe.NOT_GIVEN

_FILE_FIX = N_("Correct those answers in the file, or delete those responses: a blank is not a 0.")


def answers(values: Mapping[str, object]) -> tuple[list[int], list[int] | None]:
    """The answers pasted in the form's two boxes: the scores, and the ratings (or None).

    Raises
    ------
    InputError
        Named after the box to fix (``recommend_answers`` or ``satisfaction_answers``).

    Examples
    --------
    >>> answers({"recommend_answers": "10, 9\\n3", "satisfaction_answers": " "})
    ([10, 9, 3], None)
    """
    score, rating = calc.FIELDS["score"], calc.FIELDS["satisfaction"]
    try:
        scores = calc.parse_answers(
            str(values.get("recommend_answers", "")), name="recommend", low=int(score.min),
            high=int(score.max),
        )
    except ValueError as error:
        raise InputError("recommend_answers", str(error)) from None
    if not scores:
        raise InputError(
            "recommend_answers",
            _("type or paste at least one answer to the recommend question (0 to 10)."),
        )
    try:
        ratings = calc.parse_answers(
            str(values.get("satisfaction_answers", "")), name="satisfaction",
            low=int(rating.min), high=int(rating.max),
        )
    except ValueError as error:
        raise InputError("satisfaction_answers", str(error)) from None
    if ratings and len(ratings) != len(scores):
        raise InputError(
            "satisfaction_answers",
            _("there are {scores} recommend answers but {ratings} satisfaction "
              "answers. Give one satisfaction answer per customer, in the same order, or "
              "leave that box empty.").format(scores=len(scores), ratings=len(ratings)),
        )
    return scores, ratings or None


def _whole(table: csv_rows.Rows, column: str, field: str) -> list[int]:
    """A column of answers on the field's scale, as ``core.tables.rating_column`` reads it."""
    meaning, low, high = calc.FIELDS[field].help, calc.FIELDS[field].min, calc.FIELDS[field].max
    try:
        values = csv_rows.numbers(table, column, meaning=meaning, low=low, high=high)
    except ValueError as error:
        raise ValueError(_("{error} {fix}").format(error=error, fix=_(_FILE_FIX))) from None
    fractional = [i for i, value in enumerate(values) if value % 1]
    if fractional:
        shown = listed(fractional, lambda i: _("{where}: {value:g}").format(
            where=table.where(i), value=values[i]))
        raise ValueError(
            _("column {column!r} ({meaning}) must hold whole numbers from {low} to {high}; found "
              "answers between two points of the scale at {shown}. {fix}").format(
                column=column, meaning=meaning, low=int(low), high=int(high), shown=shown,
                fix=_(_FILE_FIX))
        )
    return [int(value) for value in values]


def responses_from_csv(
    text: str, *, source: str = "your file"
) -> tuple[list[int], list[int] | None, list[str] | None]:
    """The scores, ratings (or None) and segments (or None) of a CSV file of responses.

    Examples
    --------
    >>> responses_from_csv("recommend,segment\\n10,North\\n6,\\n")
    ([10, 6], None, ['North', '(not given)'])
    """
    table = live.read_rows(text, SPEC.columns["responses"], source=source)
    scores = _whole(table, "recommend", "score")
    ratings = _whole(table, "satisfaction", "satisfaction") if (
        "satisfaction" in table.columns) else None
    segments = None
    if "segment" in table.columns:
        segments = [cell.strip() or _(NOT_GIVEN) for cell in table.column("segment")]
    return scores, ratings, segments


def _summary_row(group: str, scores: Sequence[int], ratings: Sequence[int] | None) -> dict:
    counts = calc.score_counts(scores)
    rated = None if ratings is None else calc.score_counts(ratings, low=1, high=5)
    return {"group": group, **calc.summary(counts, rated), "counts": counts}


def _shown(rows: list[dict[str, Any]]) -> live.Results:
    """The sentences, the summary table and the chart of summary rows (the last: all)."""
    groups = [(row["group"], row["counts"]) for row in (rows[:-1] if len(rows) > 1 else rows)]
    alt = describe.score_distribution(groups)
    chart = svg.column_panels(
        [str(score) for score in range(11)],
        [
            svg.ColumnPanel(
                describe.panel_title(name, counts),
                tuple(100 * count / sum(counts) for count in counts),
                tuple(describe.GROUP_COLORS[calc.nps_group(score)] for score in range(11)),
            )
            for name, counts in describe.panels(groups)
        ],
        alt=alt,
        legend=[(describe.group_label(key), describe.GROUP_COLORS[key])
                for key in ("detractor", "passive", "promoter")],
        value_label=_("% of answers"),
        category_label=describe.question_axis(),
    )
    shown = live.table(
        _("Net Promoter Score"), SPEC.headings["summary"], rows,
        percent=["promoter_share", "passive_share", "detractor_share", "top_box_share"],
        decimals={"satisfaction_mean": 2},
        written={"nps": lambda x: f"{x:+.0f}", "nps_margin": lambda x: f"± {x:.0f}"},
    )
    return live.Results(
        summary=tuple(describe.sentences(rows[-1])), tables=(shown,), chart=live.Chart(chart, alt),
    )


def results(values: Mapping[str, object]) -> live.Results:
    """The score, the summary table and the chart of the answers pasted in the form.

    Raises
    ------
    InputError
        Named after the box to fix.
    """
    scores, ratings = answers(values)
    return _shown([_summary_row(_(ALL_RESPONSES), scores, ratings)])


def file_results(text: str, v: Mapping[str, Any], source: str) -> live.Results:
    """The responses of a CSV file summed up by segment, with the chart and a CSV to download.

    Examples
    --------
    >>> shown = file_results("recommend,segment\\n10,North\\n6,South\\n", {}, "a.csv")
    >>> [row[0].text for row in shown.tables[0].rows]
    ['North', 'South', 'All responses']
    """
    scores, ratings, segments = responses_from_csv(text, source=source)
    rows = []
    if segments is not None:
        for name in sorted(set(segments)):
            chosen = [k for k, segment in enumerate(segments) if segment == name]
            rows.append(_summary_row(
                name, [scores[k] for k in chosen],
                None if ratings is None else [ratings[k] for k in chosen],
            ))
    rows.append(_summary_row(_(ALL_RESPONSES), scores, ratings))
    keys = [key for key in SPEC.headings["summary"] if key in rows[-1]]
    return replace(_shown(rows), download=live.download("feedback-results.csv", keys, rows))
