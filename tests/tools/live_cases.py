"""The live tools' shared cases and what Python expects for them, written once.

Each live tool has ``tests/tools/<tool>/cases.yml`` (inputs only) and an entry
in :data:`EXPECTED`: functions that compute, with the functions the NOTEBOOK
calls (``calc``, ``table``, the notebook's formatting), what the page must
show for a case: its tables as rows of (text, raw value) pairs, its summary,
its CSV download and its messages. ``tests/tools/test_live.py`` checks
``page.py`` against them; ``tests/browser/test_live_tools.py`` checks the
page in Chromium against the same.
"""

from __future__ import annotations

import io
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import pandas as pd
import yaml

from customer_focus.core import tables
from customer_focus.core.formats import cents
from customer_focus.tools.spec import load_spec, spec_tools

ROOT = Path(__file__).resolve().parents[2]

#: Tools with a spec whose page version is not written yet: the browser test covers the others.
NOT_LIVE_YET = [
    "feedback", "kano", "satisfaction_targets", "servqual",
]

#: Tools with a spec but no worksheet (the service recovery arithmetic serves a chapter).
NOT_A_WORKSHEET = ["recovery"]


def live_tools() -> list[str]:
    """The tools with a ``live:`` block in their spec."""
    return [tool for tool in spec_tools() if load_spec(tool).live is not None]


def cases(tool: str) -> dict:
    """The tool's shared cases (``tests/tools/<tool>/cases.yml``)."""
    return yaml.safe_load((ROOT / "tests" / "tools" / tool / "cases.yml").read_text("utf-8"))


@dataclass(frozen=True)
class Shown:
    """What the page must show: summary sentences, tables of (text, value) rows, a CSV."""

    summary: list[str]
    tables: list[list[list[tuple[str, object]]]]
    download: str | None = None


def _rows(texts: pd.DataFrame, values: pd.DataFrame) -> list[list[tuple[str, object]]]:
    return [
        [(str(text), value) for text, value in zip(texts.iloc[i], values.iloc[i], strict=True)]
        for i in range(len(values))
    ]


def typed(values: dict, fields) -> dict:
    """The case's values as the notebook passes them (numbers, not text)."""
    return {name: fields[name].parse(value) for name, value in values.items()}


# ---- lifetime value ---------------------------------------------------------------------


def _lifetime_value_form(values: dict) -> Shown:
    from customer_focus.tools.lifetime_value import calc, form, table

    v = typed(values, calc.FIELDS)
    arguments = (v["margin"], v["retention"], v["discount_rate"])
    value = calc.lifetime_value(*arguments, timing=v["timing"])
    schedule = table.lifetime_value_schedule(*arguments, timing=v["timing"], years=v["years"])
    shown = form.schedule_table(schedule).reset_index()
    summary = (
        f"Lifetime value: {cents(value)} (all years; the first {v['years']} years give "
        f"{cents(schedule['cumulative_value'].iloc[-1])})."
    )
    return Shown([summary], [_rows(shown, schedule)])


def _lifetime_value_table(text: str, values: dict, source: str) -> Shown:
    from customer_focus.tools.lifetime_value import calc, table

    v = typed(values, calc.FIELDS)
    customers = _read(text, source)
    comparison = table.compare_customers(
        customers, discount_rate=v["discount_rate"], timing=v["timing"]
    )
    columns = [
        "customer", "annual_margin", "retention_rate", "acquisition_cost", "expected_years",
        "lifetime_value", "net_value", "rank",
    ]
    comparison = comparison[columns]
    shown = tables.format_table(  # as the notebook's section 3 writes it
        comparison,
        money=["annual_margin", "acquisition_cost", "lifetime_value", "net_value"],
        percent=["retention_rate"],
        decimals={"expected_years": 1},
    )
    best = comparison.sort_values("rank").iloc[0]
    count = f"{len(comparison)} customer{'s' if len(comparison) != 1 else ''}"
    from customer_focus.core.formats import percent

    summary = (
        f"{best['customer']} is worth most, net of the cost to win it: "
        f"{cents(best['net_value'])} ({count}, discount rate {percent(v['discount_rate'])})."
    )
    buffer = io.StringIO()
    comparison.to_csv(buffer, index=False, lineterminator="\r\n")
    return Shown([summary], [_rows(shown, comparison)], buffer.getvalue())


def _read(text: str, source: str) -> pd.DataFrame:
    """The learner's file read as the notebook reads it (core.tables.read_table)."""
    import tempfile

    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / source
        path.write_text(text, encoding="utf-8")
        return tables.read_table(path)


# ---- value equation ---------------------------------------------------------------------


def _value_equation_shown(comparison: pd.DataFrame, download: bool) -> Shown:
    from customer_focus.tools.value_equation import form

    texts = form.comparison_table(comparison).reset_index()
    first = ["alternative", "results", "process_quality", "price", "access_costs", "numerator",
             "denominator", "value_index", "rank"]
    second = ["alternative", "numerator_change", "denominator_change", "lever"]
    tables_shown = [
        _rows(texts[texts.columns[:9]], comparison[first]),
        _rows(texts[["Alternative", "Numerator vs current", "Denominator vs current",
                     "What it does"]], comparison[second]),
    ]
    summary = [form.INDEX_NOTE, *form.change_sentences(comparison)]
    csv_text = None
    if download:
        columns = first[:5] + [
            "numerator", "denominator", "value_index", "rank", "numerator_change",
            "numerator_change_relative", "denominator_change", "denominator_change_relative",
            "lever", "scales",
        ]
        buffer = io.StringIO()
        comparison[columns].to_csv(buffer, index=False, lineterminator="\r\n")
        csv_text = buffer.getvalue()
    return Shown(summary, tables_shown, csv_text)


def _value_equation_form(values: dict) -> Shown:
    from customer_focus.tools.value_equation import calc, table

    rows = [typed(row, calc.FIELDS) for row in values["alternatives"]]
    comparison = table.compare_alternatives(pd.DataFrame(rows), costs=values["costs"])
    return _value_equation_shown(comparison, download=False)


def _value_equation_table(text: str, values: dict, source: str) -> Shown:
    from customer_focus.tools.value_equation import table

    comparison = table.compare_alternatives(_read(text, source), costs=values["costs"])
    return _value_equation_shown(comparison, download=True)


def _value_equation_error(values: dict, field: str) -> str:
    """A grid cell's message: its field's check, then the equation's (calc.value_index)."""
    from customer_focus.tools.value_equation import calc

    _, number, _ = field.split(".")
    row = values["alternatives"][int(number) - 1]
    try:
        parsed = typed(row, calc.FIELDS)
        calc.value_index(*(parsed[name] for name in (
            "results", "process_quality", "price", "access_costs")), costs=values["costs"])
    except ValueError as error:
        return f"row {number}: {error}"
    raise AssertionError(f"row {number} is valid")


# ---- work process -----------------------------------------------------------------------


def _work_process_shown(analysis: pd.DataFrame, download: bool) -> Shown:
    from customer_focus.tools.work_process import form, table

    summary = form.summary_table(table.process_summary(analysis)).reset_index()
    listing = table.where_to_improve(analysis)
    texts = form.improvement_table(listing).reset_index()
    values = listing[["priority", "order", "step", "minutes", "share_of_time", "adds_value",
                      "fail_point", "what_goes_wrong"]].copy()
    values["action"] = texts["What to do"].to_numpy()
    for column in ("adds_value", "fail_point"):  # the page's cells hold the answer as shown
        values[column] = ["yes" if answer else "no" for answer in values[column]]
    csv_text = None
    if download:
        buffer = io.StringIO()
        analysis.to_csv(buffer, index=False, lineterminator="\r\n")
        csv_text = buffer.getvalue()
    return Shown(
        [form.describe_process_chart(analysis)],
        [_rows(summary, summary), _rows(texts, values)],
        csv_text,
    )


def _work_process_form(values: dict) -> Shown:
    from customer_focus.tools.work_process import table

    steps = pd.DataFrame([row for row in values["steps"] if row["step"].strip()])
    steps = steps[[column for column in steps.columns if (steps[column] != "").any()]]
    return _work_process_shown(table.analyze_process(steps), download=False)


def _work_process_table(text: str, values: dict, source: str) -> Shown:
    from customer_focus.tools.work_process import table

    return _work_process_shown(table.analyze_process(_read(text, source)), download=True)


def _work_process_error(values: dict, field: str) -> str:
    """A grid cell's message: its field's check, as calc.analyze checks it."""
    from customer_focus.tools.work_process import calc

    _, number, column = field.split(".")
    row = values["steps"][int(number) - 1]
    try:
        calc.FIELDS[column].parse(row[column])
    except ValueError as error:
        return f"row {number}: {error}"
    raise AssertionError(f"row {number} is valid")


# ---- turnover cost ----------------------------------------------------------------------


def _turnover_cost_form(values: dict) -> Shown:
    from customer_focus.tools.turnover_cost import calc, form, table

    v = typed(values, calc.FIELDS)
    job = v.pop("job")
    cost = calc.turnover_cost(v.pop("salary"), **v)
    texts = form.category_table(cost).reset_index()
    lines = table.by_category(cost)
    raw = pd.concat([lines, pd.DataFrame([{
        "category": "Total", "covers": "", "cascio": "", "amount": cost.total,
        "share_of_total": 1.0 if cost.total > 0 else 0.0}])], ignore_index=True)
    head = f"Cost of one departure: {cents(cost.total)}"
    # the notebook's sentence, its HTML tags and escapes removed
    html = form.TurnoverCostForm(job=job, salary=cost.salary, **v).compute(
        {"job": job, "salary": cost.salary, **v})[0].data
    sentence = html.removeprefix(f"<p><strong>{head}</strong>").removesuffix("</p>")
    summary = head + sentence.replace("&amp;", "&")
    return Shown([summary], [_rows(texts, raw)])


def _turnover_cost_table(text: str, values: dict, source: str) -> Shown:
    from customer_focus.tools.turnover_cost import form, table

    comparison = table.compare_jobs(_read(text, source))
    texts = form.jobs_table(comparison).reset_index()
    buffer = io.StringIO()
    comparison.to_csv(buffer, index=False, lineterminator="\r\n")
    return Shown(
        [form.describe_cost_by_category(comparison)], [_rows(texts, comparison)],
        buffer.getvalue(),
    )


# ---- replacement cost -------------------------------------------------------------------


def _sentence(html) -> str:
    """The text of the notebook's HTML sentence (its tags removed, its escapes undone)."""
    import html as markup
    import re

    return markup.unescape(re.sub(r"<[^>]+>", "", html.data))


def _replacement_cost_form(values: dict) -> Shown:
    from customer_focus.tools.replacement_cost import calc, form, table

    v = typed(values, calc.FIELDS)
    inputs = {name: value for name, value in v.items() if name not in ("pay_basis", "pay")}
    inputs[v["pay_basis"]] = v["pay"]
    cost = calc.cost_of_losing(**inputs)
    lines = table.by_category(cost).to_dict("records")
    lines.insert(5, {"category": "Employee costs (lines above)",
                     "covers": "what the turnover worksheet counts", "amount": cost.employee_costs})
    lines.append({"category": "Total", "covers": "employee costs and customers who may follow",
                  "amount": cost.total})
    shares = (0.0, 0.1, 0.2, 0.3, 0.5)
    texts = form.line_table(cost).reset_index()
    scenarios = form.scenarios_table(cost, shares).reset_index()
    html = form.ReplacementCostForm(**v).compute(v)[0]
    return Shown(
        [_sentence(html)],
        [_rows(texts, pd.DataFrame(lines)), _rows(scenarios, table.share_scenarios(cost, shares))],
    )


def _replacement_cost_table(text: str, values: dict, source: str) -> Shown:
    from customer_focus.tools.replacement_cost import calc, form, table

    v = typed(values, calc.FIELDS)
    comparison = table.compare_employees(_read(text, source), **v)
    texts = form.employees_table(comparison).reset_index()
    buffer = io.StringIO()
    comparison.to_csv(buffer, index=False, lineterminator="\r\n")
    return Shown(
        [form.describe_cost_of_losing(comparison)], [_rows(texts, comparison)], buffer.getvalue()
    )


def _field_error(fields, values: dict, field: str) -> str:
    """A form input's message: its field's check (Field.parse), as in a notebook."""
    try:
        fields[field].parse(values[field])
    except ValueError as error:
        return str(error)
    raise AssertionError(f"{field} is valid")


@dataclass(frozen=True)
class Expected:
    """How Python computes what a tool's page must show.

    ``error(values, field)`` gives the message the page must show at a field
    (by default the field's own check).
    """

    form: Callable[[dict], Shown]
    table: Callable[[str, dict, str], Shown] | None = None
    error: Callable[[dict, str], str] | None = None


#: Every live tool's expectations, computed with the notebook's functions.
EXPECTED: dict[str, Expected] = {
    "lifetime_value": Expected(_lifetime_value_form, _lifetime_value_table),
    "value_equation": Expected(
        _value_equation_form, _value_equation_table, _value_equation_error
    ),
    "replacement_cost": Expected(_replacement_cost_form, _replacement_cost_table),
    "turnover_cost": Expected(_turnover_cost_form, _turnover_cost_table),
    "work_process": Expected(_work_process_form, _work_process_table, _work_process_error),
}


def field_error(tool: str, values: dict, field: str) -> str:
    """The message the page must show at ``field`` for these values."""
    expected = EXPECTED[tool]
    if expected.error is not None and "." in field:
        return expected.error(values, field)
    calc = __import__(f"customer_focus.tools.{tool}.calc", fromlist=["FIELDS"])
    return _field_error(calc.FIELDS, values, field)


def table_error(tool: str, text: str, values: dict, source: str) -> str:
    """The message the notebook's table function gives for a bad file."""
    try:
        EXPECTED[tool].table(text, values, source)
    except ValueError as error:
        return str(error)
    raise AssertionError("the notebook accepted the bad file")
