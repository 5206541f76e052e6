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

#: Tools with a spec whose page version is not written yet (none now: every worksheet is live).
NOT_LIVE_YET: list[str] = []

#: Tools with a spec but no worksheet (the service recovery arithmetic serves a chapter).
NOT_A_WORKSHEET = ["recovery"]


#: The lifetime value worksheet's sample customers under names a Taipei reader would give them.
CHINESE_NAMES = {
    "Crestline Foods": "山峰食品", "Harbor Supply": "港灣供應", "Maple Street Cafes": "楓街咖啡",
    "Northgate Hospital": "北門醫院", "Riverside Schools": "河濱學校", "Summit Hotels": "高峰飯店",
}


def chinese_customers() -> str:
    """The lifetime value sample file with Chinese names, lines ended as Excel ends them."""
    text = (ROOT / "book/apply/tools/data/clv-customers-sample.csv").read_text("utf-8")
    for english, chinese in CHINESE_NAMES.items():
        text = text.replace(english, chinese)
    return text.replace("\r\n", "\n").replace("\n", "\r\n")


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


def grid_row(number: int | str, name: object) -> str:
    """A grid's row as the learner sees it, in the words the notebook and the page share."""
    name = str(name or "").strip()
    return f"row {number} ({name})" if name else f"row {number}"


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


# ---- kano --------------------------------------------------------------------------------


def _kano_worse(value: float) -> str:
    return f"{value:.2f}".replace("-", "−")


def _kano_form(values: dict) -> Shown:
    from customer_focus.tools.kano import calc, form, table

    v = typed(values, calc.FIELDS)
    letter = calc.classify(v["functional"], v["dysfunctional"])
    category = calc.CATEGORIES[letter]
    practitioner = f"; practitioners say {category.practitioner}" if category.practitioner else ""
    pair = (
        f"{calc.normalize_answer(v['functional'])} / {calc.normalize_answer(v['dysfunctional'])}"
        f" → {letter}, {category.name}{practitioner}: {category.meaning}."
    )
    counts = {letter: v[c.key] for letter, c in calc.CATEGORIES.items()}
    row = table.summarize_counts(counts, v["feature"].strip() or "Feature")
    first = row.iloc[0]
    feature = (
        f"{first['feature']}: Better {first['better']:.2f}, Worse {_kano_worse(first['worse'])}; "
        f"chosen most often: {first['category']} ({first['kano_name']})."
    )
    return Shown([pair, feature], [_rows(form.results_table(row).reset_index(), row)])


def _kano_table(text: str, values: dict, source: str) -> Shown:
    from customer_focus.tools.kano import form, table

    answers = _read(text, source)
    results = table.analyze_kano(answers)
    respondents = table.classify_answers(answers)["respondent"].astype(str).str.strip().nunique()

    def many(count: int, word: str) -> str:
        return f"{count:,} {word}{'' if count == 1 else 's'}"

    answered = int(results["responses"].sum())
    summary = (
        f"{many(len(results), 'feature')} scored from {many(answered, 'answer')}"
        f" by {many(int(respondents), 'respondent')}."
    )
    buffer = io.StringIO()
    results.to_csv(buffer, index=False, lineterminator="\r\n")  # as the notebook saves it
    return Shown(
        [summary], [_rows(form.results_table(results).reset_index(), results)], buffer.getvalue()
    )


# ---- servqual ----------------------------------------------------------------------------


def _servqual_signed(value: float, places: int = 2) -> str:
    return f"{value:+.{places}f}".replace("-", "−")


def _servqual_summary(dimensions: pd.DataFrame) -> str:
    overall = dimensions.iloc[-1]
    text = f"Overall gap (unweighted): {_servqual_signed(overall['gap'])}"
    if "weighted_gap" in dimensions:
        text += f"; weighted: {_servqual_signed(overall['weighted_gap'], 3)}"
    return text + "."


def _servqual_form(values: dict) -> Shown:
    from customer_focus.tools.servqual import calc, form, table

    v = typed(values, calc.FIELDS)
    expectations, perceptions, weights = (
        [v[f"{d.key}_{side}"] for d in calc.DIMENSIONS]
        for side in ("expected", "perceived", "points")
    )
    dimensions = table.score_dimensions(expectations, perceptions, weights)
    summary = [
        _servqual_summary(dimensions),
        "A negative gap means the service falls short of what customers expect.",
    ]
    return Shown(summary, [_rows(form.dimension_table(dimensions).reset_index(), dimensions)])


def _servqual_table(text: str, values: dict, source: str) -> Shown:
    from customer_focus.tools.servqual import form, table

    survey = _read(text, source)
    dimensions = table.dimension_gaps(survey)
    count = f"{len(survey):,} respondent{'' if len(survey) == 1 else 's'}."
    buffer = io.StringIO()
    dimensions.to_csv(buffer, index=False, lineterminator="\r\n")  # as the notebook saves it
    return Shown(
        [f"{count} {_servqual_summary(dimensions)}"],
        [_rows(form.dimension_table(dimensions).reset_index(), dimensions)],
        buffer.getvalue(),
    )


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
    if download:  # every column of the notebook's table, the learner's further ones too
        buffer = io.StringIO()
        comparison.to_csv(buffer, index=False, lineterminator="\r\n")
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
        return f"{grid_row(number, row['alternative'])}: {error}"
    raise AssertionError(f"row {number} is valid")


# ---- satisfaction targets ---------------------------------------------------------------


def _satisfaction_targets_shown(
    segments: pd.DataFrame, values: dict, download: bool
) -> Shown:
    from customer_focus.tools.satisfaction_targets import calc, form, page, table

    v = typed({name: values[name] for name in ("discount_rate", "retention_gain")}, calc.FIELDS)
    plan = table.plan_targets(segments, discount_rate=v["discount_rate"])
    ordered = plan.sort_values("priority", kind="stable").reset_index(drop=True)
    texts = form.plan_table(plan).reset_index()
    raw = ordered.copy()
    columns = ["priority", "segment", "customers", "annual_margin", "retention_rate"]
    if "easy_to_switch" in raw.columns:
        raw["easy_to_switch"] = ["yes" if value else "no" for value in raw["easy_to_switch"]]
        columns.append("easy_to_switch")
    columns += [
        "lifetime_value", "value_at_stake", "top_box_share", "target_top_box_share",
        "value_not_totally_satisfied", "customers_to_move", "flag",
    ]
    shown = [_rows(texts, raw[columns])]
    if v["retention_gain"]:
        what_if = table.what_if_retention(
            segments, v["retention_gain"], discount_rate=v["discount_rate"]
        )
        shown.append(_rows(form.what_if_table(what_if).reset_index(), what_if[[
            "segment", "retention_rate", "retention_after", "lifetime_value",
            "lifetime_value_after", "gain_per_customer", "gain_for_segment",
        ]]))
    summary = [f"{row.segment}: {row.advice}" for row in ordered.itertuples()]
    csv_text = None
    if download:  # the plan as the notebook saves it (tables.write_table)
        buffer = io.StringIO()
        inputs = [name for name in segments.columns if name in calc.FIELDS]
        plan[[*inputs, *page.PLANNED]].to_csv(buffer, index=False, lineterminator="\r\n")
        csv_text = buffer.getvalue()
    return Shown(summary, shown, csv_text)


def _satisfaction_targets_form(values: dict) -> Shown:
    from customer_focus.tools.satisfaction_targets import calc

    rows = [
        typed({name: cell for name, cell in row.items() if cell != ""}, calc.FIELDS)
        for row in values["segments"]
    ]
    return _satisfaction_targets_shown(pd.DataFrame(rows), values, download=False)


def _satisfaction_targets_table(text: str, values: dict, source: str) -> Shown:
    return _satisfaction_targets_shown(_read(text, source), values, download=True)


def _satisfaction_targets_error(values: dict, field: str) -> str:
    """A grid cell's message: the first of its row's cells that its field refuses."""
    from customer_focus.tools.satisfaction_targets import calc

    _, number, column = field.split(".")
    row = values["segments"][int(number) - 1]
    try:
        calc.FIELDS[column].parse(row[column])
    except ValueError as error:
        return f"{grid_row(number, row['segment'])}: {error}"
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
        return f"{grid_row(number, row['step'])}: {error}"
    raise AssertionError(f"row {number} is valid")


# ---- customer feedback ------------------------------------------------------------------


def _feedback_shown(responses: pd.DataFrame, by: str | None, download: bool) -> Shown:
    from customer_focus.tools.feedback import describe, form, table

    summary = table.analyze_feedback(responses, by=by)
    texts = form.summary_table(summary).reset_index()
    sentences = describe.sentences(summary.iloc[-1])
    csv_text = None
    if download:  # the summary as the notebook saves it (tables.write_table)
        buffer = io.StringIO()
        summary.to_csv(buffer, index=False, lineterminator="\r\n")
        csv_text = buffer.getvalue()
    return Shown(sentences, [_rows(texts, summary)], csv_text)


def _feedback_form(values: dict) -> Shown:
    from customer_focus.tools.feedback import form

    return _feedback_shown(form.FeedbackForm().responses(values), None, download=False)


def _feedback_table(text: str, values: dict, source: str) -> Shown:
    responses = _read(text, source)
    by = "segment" if "segment" in responses.columns else None
    return _feedback_shown(responses, by, download=True)


def _feedback_error(values: dict, field: str) -> str:
    """A box's message: the notebook form's reading of the answers."""
    from customer_focus.tools.feedback import form

    try:
        form.FeedbackForm().responses(values)
    except ValueError as error:
        return str(error)
    raise AssertionError("the answers are valid")


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
    "kano": Expected(_kano_form, _kano_table),
    "servqual": Expected(_servqual_form, _servqual_table),
    "value_equation": Expected(
        _value_equation_form, _value_equation_table, _value_equation_error
    ),
    "satisfaction_targets": Expected(
        _satisfaction_targets_form, _satisfaction_targets_table, _satisfaction_targets_error
    ),
    "feedback": Expected(_feedback_form, _feedback_table, _feedback_error),
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
    try:
        return _field_error(calc.FIELDS, values, field)
    except AssertionError:  # the input is fine alone: the tool's own reading refuses it
        if expected.error is None:
            raise
        return expected.error(values, field)


def table_error(tool: str, text: str, values: dict, source: str) -> str:
    """The message the notebook's table function gives for a bad file."""
    try:
        EXPECTED[tool].table(text, values, source)
    except ValueError as error:
        return str(error)
    raise AssertionError("the notebook accepted the bad file")
