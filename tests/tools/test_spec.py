"""A tool's spec: checked on load with file:line errors, its JSON twin, its paper form."""

from __future__ import annotations

import json

import pytest

from customer_focus.cli import main
from customer_focus.core.languages import LANGUAGES
from customer_focus.core.paths import course_root
from customer_focus.core.problems import DataFileError
from customer_focus.core.yamlfile import parse_yaml
from customer_focus.tools.spec import (
    Blank,
    FormSpec,
    MistakeSpec,
    Section,
    load_form,
    load_form_file,
    load_spec,
    read_spec,
    render_html,
    spec_tools,
    twin_path,
    twin_text,
)

GOOD = """\
tool: demo
title: Demo
fields:
  margin: {label: Margin, unit: $, help: the yearly margin}
  retention: {label: Retention, kind: rate, help: the share who stay}
example:
  margin: 100
tables:
  customers:
    about: One row per customer.
    columns:
      customer: {help: a name}
      cost: {help: what winning costs, required: false}
paper_form:
  title: Demo form
  intro: Fill it in.
  sections:
    - title: Inputs
      fields:
        - field: margin
          hint: per year
    - title: Customers
      columns: [Customer, Margin]
      rows: 3
exercise:
  q1:
    variable: value_q1
    prompt: Set `value_q1` to {n}.
    hint: Multiply.
    solution: "`value_q1 = 2`"
    tolerance: 0.5
    unit: $
    mistakes:
      - Too low.
      - {why: Too high., tolerance: 0.1}
  q2:
    variable: pick_q2
    prompt: Pick one.
    hint: Think.
    solution: "`pick_q2 = 'a'`"
    options: [a, b]
    correct: a
    reasons: {b: Not b.}
reading:
  customers: {customer: Customer, cost: Cost to win}
"""


def _spec(text: str):
    return read_spec(parse_yaml(text, "demo.yml"), "demo.yml", "demo")


def test_a_good_spec_is_read_whole():
    spec = _spec(GOOD)
    assert spec.example == {"margin": 100.0}
    assert spec.tables["customers"].required == ["customer"]
    assert spec.tables["customers"].optional == ["cost"]
    blank = spec.paper_form.sections[0].fields[0]
    assert blank == Blank("Margin", "$", "per year")
    assert spec.paper_form.sections[1].rows == 3
    assert spec.exercise["q1"].mistakes == (MistakeSpec("Too low."), MistakeSpec("Too high.", 0.1))
    assert spec.exercise["q2"].reasons == {"b": "Not b."}
    assert spec.reading == {"customers": {"customer": "Customer", "cost": "Cost to win"}}


@pytest.mark.parametrize(
    ("change", "message"),
    [
        (("  retention: {label: Retention, kind: rate, help: the share who stay}",
          "  retention: {label: Retention, kind: percent, help: the share who stay}"),
         "demo.yml:5: fields: retention: 'kind' must be one of number, rate, whole, choice, text"),
        (("  margin: {label: Margin, unit: $, help: the yearly margin}",
          "  margin: {label: Margin, unit: $}"),
         "demo.yml:4: fields: margin: missing 'help' (text)"),
        (("  margin: 100", "  margin: lots"),
         "demo.yml:7: example: margin must be a number (the yearly margin)"),
        (("  margin: 100", "  margins: 100"),
         "demo.yml:7: example: 'margins' is not one of the fields"),
        (("        - field: margin", "        - field: marign"),
         "demo.yml:20: paper_form, section 1, blank 1: no field 'marign'"),
        (("      rows: 3", "      rowz: 3"),
         "demo.yml:24: paper_form, section 2: unknown key 'rowz'"),
        (("tool: demo", "tool: other"), "demo.yml:1: 'tool' must be 'demo'"),
        (("    correct: a", "    correct: c"),
         "demo.yml:42: exercise: q2: 'correct' must be one of the options"),
        (("    reasons: {b: Not b.}", "    reasons: {a: Not b.}"),
         "demo.yml:43: exercise: q2: no reason is needed for 'a'"),
        (("    hint: Multiply.\n", ""), "demo.yml:27: exercise: q1: missing 'hint'"),
        (("      - {why: Too high., tolerance: 0.1}", "      - {why: Too high., tolerance: -1}"),
         "demo.yml:35: exercise: q1, mistake 2: 'tolerance' must be at least 0"),
        (("  customers: {customer: Customer, cost: Cost to win}", "  customers: [Customer]"),
         "demo.yml:45: reading: customers: must map each column to its heading"),
        (("    options: [a, b]", "    mistakes: [Oops.]\n    options: [a, b]"),
         "demo.yml:41: exercise: q2: a question has mistakes (a number question) or options"),
        (("      cost: {help: what winning costs, required: false}",
          "      cost: {help: what winning costs, required: maybe}"),
         "demo.yml:13: tables: customers, column cost: 'required' must be true or false"),
    ],
)
def test_every_problem_names_its_file_and_line(change, message):
    old, new = change
    assert old in GOOD
    with pytest.raises(DataFileError) as caught:
        _spec(GOOD.replace(old, new))
    assert any(str(problem).startswith(message) for problem in caught.value.problems), str(
        caught.value
    )


def test_a_column_named_as_a_field_takes_its_help_unless_it_gives_its_own():
    text = GOOD.replace(
        "      cost: {help: what winning costs, required: false}",
        "      cost: {help: what winning costs, required: false}\n"
        "      margin:\n"
        "      retention: {required: false}\n"
        "      extra: {required: false}",
    )
    with pytest.raises(DataFileError, match=r"demo.yml:16: tables: customers, column extra: "
                       r"missing 'help'"):
        _spec(text)
    columns = _spec(text.replace("      extra: {required: false}\n", "")).tables["customers"]
    assert columns.helps["margin"] == "the yearly margin"
    assert columns.helps["retention"] == "the share who stay"
    assert columns.required == ["customer", "margin"]


def test_a_section_may_hold_only_a_note_but_not_nothing():
    table = "      columns: [Customer, Margin]\n      rows: 3\n"
    note = _spec(GOOD.replace(table, "      note: Read me.\n")).paper_form.sections[1].note
    assert note == "Read me."
    empty = GOOD.replace(table, "")
    with pytest.raises(DataFileError, match="demo.yml:22: paper_form, section 2: a section needs"):
        _spec(empty)


ROWS = """\
  customers:
    - {customer: Harbor Supply, margin: 12000}
    - {customer: Crestline, cost: 20000}
"""


def _with_rows(rows: str) -> str:
    """GOOD, its table with a margin column too, and ``rows`` in its example."""
    return GOOD.replace("  margin: 100\n", "  margin: 100\n" + rows).replace(
        "      customer: {help: a name}\n",
        "      customer: {help: a name}\n      margin: {help: the yearly margin}\n",
    )


def test_the_example_may_hold_rows_of_a_table_checked_by_their_fields():
    spec = _spec(_with_rows(ROWS))
    assert spec.example["customers"] == [
        {"customer": "Harbor Supply", "margin": 12000.0}, {"customer": "Crestline", "cost": 20000},
    ]
    again = read_spec(json.loads(twin_text(spec)), "demo.json", "demo")
    assert again.example == spec.example


@pytest.mark.parametrize(
    ("rows", "message"),
    [
        (ROWS.replace("margin: 12000", "margin: lots"),
         "demo.yml:9: example: customers, row 1: margin must be a number"),
        (ROWS.replace("cost: 20000", "costs: 20000"),
         "demo.yml:10: example: customers, row 2: unknown key 'costs'"),
        ("  customers: Harbor Supply\n", "demo.yml:8: example: customers: must be a list of rows"),
    ],
)
def test_example_rows_name_their_line(rows, message):
    with pytest.raises(DataFileError) as caught:
        _spec(_with_rows(rows))
    assert any(str(problem).startswith(message) for problem in caught.value.problems), str(
        caught.value
    )


def test_all_problems_are_reported_at_once():
    text = GOOD.replace("title: Demo\n", "").replace("  margin: 100", "  margin: lots")
    with pytest.raises(DataFileError) as caught:
        _spec(text)
    assert len(caught.value.problems) == 2


def test_invalid_yaml_names_the_line():
    with pytest.raises(DataFileError, match=r"demo.yml:3: not valid YAML: duplicate key 'title'"):
        _spec("tool: demo\ntitle: A\ntitle: B\n")


def test_the_lifetime_value_tool_has_a_spec():
    assert "lifetime_value" in spec_tools()
    spec = load_spec("lifetime_value")
    assert spec.fields["margin"].caption == "Yearly margin per customer ($)"
    assert spec.example["retention"] == 0.8


def test_an_unknown_tool_is_named():
    with pytest.raises(ValueError, match="no tool named 'clv'; the tools with a spec are: "):
        load_spec("clv")


@pytest.mark.parametrize("language", LANGUAGES)
@pytest.mark.parametrize("tool", spec_tools())
def test_the_json_twin_is_up_to_date(tool, language):
    """Every twin, the English one and each translation's, as ``specs`` writes it: the live
    tools' archive ships them as committed."""
    text = twin_text(load_spec(tool, language))
    assert twin_path(tool, language).read_text(encoding="utf-8") == text, (
        "run `python -m customer_focus specs`"
    )
    assert json.loads(text)["tool"] == tool


@pytest.mark.parametrize("tool", spec_tools())
def test_the_json_twin_reads_back_to_the_same_spec(tool):
    spec = load_spec(tool)
    again = read_spec(json.loads(twin_text(spec)), f"{tool}.json", tool)
    assert again.to_data() == spec.to_data()


def test_specs_command_reports_a_stale_twin(tmp_path, monkeypatch, capsys):
    def path(tool, language=None):
        name = f"{tool}.json" if language in (None, "en") else f"{tool}.{language}.json"
        return tmp_path / name

    for tool in spec_tools():  # every other twin up to date, in its own file
        for language in LANGUAGES:
            path(tool, language).write_text(twin_text(load_spec(tool, language)), encoding="utf-8")
    stale, translated = tmp_path / "lifetime_value.json", tmp_path / "lifetime_value.zh_TW.json"
    stale.write_text("{}\n", encoding="utf-8")
    translated.write_text("{}\n", encoding="utf-8")
    monkeypatch.setattr("customer_focus.tools.spec.twin_path", path)
    assert main(["specs", "--check"]) == 1
    assert capsys.readouterr().err.count("out of date with its YAML spec") == 2
    assert main(["specs"]) == 0
    assert stale.read_text(encoding="utf-8") == twin_text(load_spec("lifetime_value"))
    assert translated.read_text(encoding="utf-8") == twin_text(load_spec("lifetime_value", "zh_TW"))


# ---- the paper form ----------------------------------------------------------------------


def test_lifetime_value_form_has_its_inputs_and_blank_rows():
    html = render_html(load_form("lifetime_value"))
    assert "Discount rate (i)" in html and "Yearly margin ($)" in html
    assert html.count('<td class="cf-form-blank"></td>') >= 8 * 7
    assert 'class="cf-print-button"' in html


def test_a_module_not_moved_yet_still_declares_its_form():
    assert isinstance(load_form("servqual"), FormSpec)


def test_form_text_is_escaped():
    blank = Blank("<script>x</script>", unit="$")
    spec = FormSpec("T", "<b>intro</b>", (Section("<i>s</i>", fields=(blank,)),))
    html = render_html(spec)
    assert "<script>" not in html
    assert "&lt;script&gt;x&lt;/script&gt;" in html and "&lt;b&gt;intro" in html


def test_table_section_can_label_its_rows():
    section = Section("Items", columns=("Item", "Score"), row_labels=("Tangibles 1", "Tangibles 2"))
    html = render_html(FormSpec("T", "i", (section,)))
    assert '<th scope="row">Tangibles 1</th><td class="cf-form-blank"></td>' in html


@pytest.mark.parametrize(
    ("name", "message"),
    [("nope", "no tool named 'nope'; the tools with a paper form are: "),
     ("recovery", "the spec of recovery has no paper_form")],
)
def test_load_form_explains_a_wrong_name(name, message):
    with pytest.raises(ValueError, match=message):
        load_form(name)


def test_a_form_of_its_own_reads_from_its_file_and_names_the_line_of_a_problem(tmp_path):
    plan = load_form_file(course_root() / "book/apply/forms/action-plan.yml")
    assert [section.title for section in plan.sections][1:4] == [
        "What I will do in the next 30 days", "The numbers I will compute", "Who I will talk to",
    ]
    assert "Who I will talk to" in render_html(plan)
    bad = tmp_path / "plan.yml"
    bad.write_text("title: Plan\nintro: Fill it in.\nsections:\n  - title: Numbers\n    fields:\n"
                   "      - hint: no label\n")
    problem = r"plan.yml:6: paper_form, section 1, blank 1: missing 'label'"
    with pytest.raises(DataFileError, match=problem):
        load_form_file(bad)
