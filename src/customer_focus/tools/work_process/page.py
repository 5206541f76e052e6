"""The improving work processes worksheet as it runs in the book's page (on Pyodide).

The reader types the steps row by row (or picks a CSV file of them); the
steps are analyzed by :func:`.calc.analyze`, :func:`.calc.summary` and
:func:`.calc.improvement_order`, the functions the notebook's table calls,
and the words come from :mod:`.describe`, as in the notebook. Standard
library only.

Examples
--------
>>> steps = [{"step": "Wait", "minutes": "30", "adds_value": "no", "fail_point": "no"},
...          {"step": "Repair", "minutes": "90", "adds_value": "yes", "fail_point": "no"}]
>>> results({"steps": steps}).tables[0].rows[2][1].text
'90 min (75.0%)'
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

from ...core import rows as csv_rows
from ...core import svg
from ...core.messages import Messages
from ...core.validation import InputError, yes_no
from .. import live
from . import calc, describe

_ = Messages("tools.work_process")
n_ = _.plural

__all__ = ["SPEC", "COLUMNS", "results", "file_results"]

#: What the page reads from the tool's spec: its ``live:`` block, headings and tables' columns.
SPEC = live.page_spec(__package__)
#: The columns of a step, in the file's order.
COLUMNS: list[str] = list(SPEC.columns["steps"])
_ADDED = ("start_minute", "end_minute", "share_of_time", "to_improve")
_SHOWN = (None, "adds_value", "fail_point")


def _step(number: int, row: dict[str, Any]) -> dict[str, Any] | None:
    """One row of the grid checked, or None without a step name (skipped, as in the notebook)."""
    if not str(row.get("step", "")).strip():
        return None
    step = {"step": str(row["step"]).strip()}
    for name in ("minutes", "adds_value", "fail_point"):
        step[name] = calc.FIELDS[name].parse(row.get(name, ""))
    wrong = str(row.get("what_goes_wrong", "")).strip()
    step["what_goes_wrong"] = calc.FIELDS["what_goes_wrong"].parse(wrong) if step[
        "fail_point"] else wrong
    step["who"] = str(row.get("who", "")).strip()
    if str(row.get("customer_sees", "")).strip():
        step["customer_sees"] = calc.FIELDS["customer_sees"].parse(row["customer_sees"])
    return step


def _analysis(steps: list[dict[str, Any]]) -> tuple[list[dict[str, Any]], dict[str, float]]:
    if not all("customer_sees" in step for step in steps):
        steps = [{k: v for k, v in step.items() if k != "customer_sees"} for step in steps]
    try:
        return calc.analyze(steps), calc.summary(steps)
    except InputError as error:
        raise live.Invalid([live.Message(str(error))]) from None


def _results(
    analysis: list[dict[str, Any]], summary: Mapping[str, float], download: list[str] | None
) -> live.Results:
    order = calc.improvement_order(analysis)
    listing = [{**analysis[k], "priority": priority} for priority, k in enumerate(order, 1)]
    summary_table = live.Table(
        _("The process at a glance"), (_("Measure"), _("Value")),
        tuple((live.Cell(measure, measure), live.Cell(value, value))
              for measure, value in describe.summary_rows(summary)),
    )
    # the yes/no answers and the advice are their text (as the notebook shows them)
    keys = ("priority", "order", "step", "minutes", "share_of_time", "adds_value", "fail_point",
            "what_goes_wrong", None)
    improvements = live.Table(
        _("Where to improve, in order"),
        tuple(_(heading) for heading in describe.IMPROVEMENT_HEADINGS),
        tuple(
            tuple(live.Cell(text, text if key in _SHOWN else row[key])
                  for text, key in zip(texts, keys, strict=True))
            for row, texts in zip(listing, describe.improvement_rows(listing), strict=True)
        ),
    )
    alt = describe.process_chart(analysis, summary)
    chart = svg.step_bars(
        [
            svg.Step(
                f"{row['order']}. {row['step']}", float(row["minutes"]),
                "line" if row["adds_value"] else "customers",
                _("{minutes} min").format(minutes=describe.minutes(row["minutes"])),
                bool(row["fail_point"]),
            )
            for row in analysis
        ],
        alt=alt,
        axis_label=_("Minutes (elapsed time, waiting included)"),
        legend=[(_("Adds value for the customer"), "line"), (_("Adds no value"), "customers")],
        mark_label=_("Fail point (hatched bar)"),
    )
    file = None
    if download is not None:
        file = live.download("work-process-results.csv", ["order", *download, *_ADDED], analysis)
    return live.Results(
        summary=(alt,), tables=(summary_table, improvements), chart=live.Chart(chart, alt),
        download=file,
    )


def results(values: Mapping[str, object]) -> live.Results:
    """The summary, the improvement list and the chart of the steps typed in the form's grid.

    Parameters
    ----------
    values : Mapping
        ``steps``: one dict per row with the step's name, minutes, yes/no
        answers and what goes wrong, as typed. Rows with no name are skipped.

    Raises
    ------
    customer_focus.tools.live.Invalid
        With a message for each wrong cell, tied to it.
    """
    checked = live.grid_rows(values, SPEC.live["grid"], _step, names="step")
    steps = [step for step in checked if step is not None]
    if not steps:
        raise live.Invalid([live.Message(_("type at least one step name."),
                                         live.cell_name(SPEC.live["grid"], 1, "step"))])
    analysis, summary = _analysis(steps)
    return _results(analysis, summary, download=None)


def _answers(table: csv_rows.Rows, column: str) -> list[bool]:
    """A yes/no column, worded as the notebook's table words a bad cell."""
    cells = table.column(column)
    answers = [yes_no(cell) if cell else None for cell in cells]
    bad = [position for position, answer in enumerate(answers) if answer is None]
    if bad:
        shown = _("; ").join(
            _("{place}: {value}").format(
                place=table.where(i), value=repr(cells[i]) if cells[i] else _("empty"))
            for i in bad[:5]
        )
        more = _(" (and {count} more)").format(count=len(bad) - 5) if len(bad) > 5 else ""
        raise ValueError(_(
            "column {column!r} ({meaning}) must hold yes or no in every row "
            "(also accepted: y/n, true/false, 1/0); bad values at {shown}{more}."
        ).format(column=column, meaning=calc.FIELDS[column].help, shown=shown, more=more))
    return [bool(answer) for answer in answers]


def file_results(text: str, v: Mapping[str, Any], source: str) -> live.Results:
    """The steps of a CSV file, in order, analyzed, with a results CSV.

    Examples
    --------
    >>> text = "step,minutes,adds_value,fail_point\\nWait,30,no,no\\nRepair,90,yes,no\\n"
    >>> file_results(text, {}, "a.csv").download.text.splitlines()[1][:38]
    '1,Wait,30.0,False,False,,0.0,30.0,0.25'
    """
    file_columns = SPEC.columns["steps"]  # their help in the language spoken now
    table = live.read_rows(text, file_columns, source=source)
    names = live.names(table, "step")
    # the notebook's table checks each column in turn, with these words (table.py)
    minutes = csv_rows.numbers(table, "minutes", meaning=file_columns["minutes"]["help"], low=0)
    adds_value = _answers(table, "adds_value")
    fail_point = _answers(table, "fail_point")
    if any(fail_point) and "what_goes_wrong" not in table.columns:
        count = sum(fail_point)
        raise ValueError(describe.no_description_column(source, count))
    wrong = table.column("what_goes_wrong")
    undescribed = [i for i, fails in enumerate(fail_point) if fails and not wrong[i]]
    if undescribed:
        places = [table.where(i) for i in undescribed]
        raise ValueError(describe.undescribed(places))
    if sum(minutes) <= 0:
        raise ValueError(describe.zero_minutes(source))
    sees = _answers(table, "customer_sees") if "customer_sees" in table.columns else None
    steps: list[dict[str, Any]] = []
    for position, row in enumerate(table.rows):
        step = {**row, "step": names[position], "minutes": minutes[position],
                "adds_value": adds_value[position], "fail_point": fail_point[position],
                "what_goes_wrong": wrong[position]}
        if sees is not None:
            step["customer_sees"] = sees[position]
        steps.append(step)
    analysis, summary = _analysis(steps)
    kept: Sequence[str] = list(table.columns)
    if "what_goes_wrong" not in kept:
        kept = [*kept, "what_goes_wrong"]
    return _results(analysis, summary, download=list(kept))
