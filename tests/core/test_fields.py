"""Input fields read from a spec: checked with file:line errors, and checking values."""

from __future__ import annotations

import json

import pytest

from customer_focus.core.fields import Field, Fields, load_example, load_fields, read_fields
from customer_focus.core.problems import DataFileError, Problems
from customer_focus.core.validation import InputError
from customer_focus.core.yamlfile import parse_yaml


def _read(text: str) -> tuple[Fields, list[str]]:
    problems = Problems("spec.yml")
    fields = read_fields(parse_yaml(text, "spec.yml"), problems)
    return fields, [str(problem) for problem in problems.found]


def test_kinds_get_their_defaults():
    fields, problems = _read(
        "share: {label: Share, help: a share, kind: rate}\n"
        "count: {label: Count, help: a count, kind: whole}\n"
        "amount: {label: Amount, help: an amount}\n"
    )
    assert problems == []
    assert (fields["share"].min, fields["share"].max, fields["share"].max_included) == (0, 1, False)
    assert fields["count"].min == 1
    assert (fields["amount"].kind, fields["amount"].min) == ("number", None)


@pytest.mark.parametrize(
    ("text", "problem"),
    [
        ("a: {label: A, help: h, kind: percent}", "spec.yml:1: fields: a: 'kind' must be one of"),
        ("a: {label: A}", "spec.yml:1: fields: a: missing 'help' (text)"),
        ("a:\n  label: A\n  help: h\n  lable: B", "spec.yml:4: fields: a: unknown key 'lable'"),
        ("a:\n  label: A\n  help: h\n  min: 5\n  max: 1",
         "spec.yml:5: fields: a: 'max' (1) must be"),
        ("a:\n  label: A\n  help: h\n  kind: rate\n  slider: [0, 2]",
         "spec.yml:5: fields: a: 'slider'"),
        ("a:\n  label: A\n  help: h\n  kind: choice",
         "spec.yml:2: fields: a: a choice needs 'options'"),
        ("a:\n  label: A\n  help: h\n  kind: choice\n  options: {x: X}\n  default: y",
         "spec.yml:6: fields: a: 'default': a must be one of 'x'"),
        ("a:\n  label: A\n  help: h\n  max_included: true",
         "spec.yml:4: fields: a: 'max_included' applies to rates only"),
        ("a:\n  label: A\n  help: yes",
         "spec.yml:3: fields: a: 'help' must be text; YAML reads yes"),
        ("2a: {label: A, help: h}", "spec.yml:1: fields: '2a' must be a Python name"),
        ("a:\n  label: A\n  help: h\n  kind: whole\n  max: 2.5", "spec.yml:5: fields: a: 'max'"),
    ],
)
def test_every_problem_names_its_line(text, problem):
    _, problems = _read(text)
    assert any(found.startswith(problem) for found in problems), problems


def test_fields_check_their_values_and_name_unknown_inputs():
    fields = Fields([
        Field("margin", "Margin", "the margin", unit="$"),
        Field("timing", "Timing", "when", kind="choice", options=(("now", "Now"),), default="now"),
    ])
    assert fields.check(margin=5, timing="now") == {"margin": 5.0, "timing": "now"}
    with pytest.raises(InputError) as caught:
        fields.check(margn=5)
    assert caught.value.name == "margn" and "its inputs are margin, timing" in str(caught.value)


def test_to_data_reads_back_to_the_same_fields():
    fields, _ = _read(
        "r: {label: R, help: h, kind: rate, max: 1, max_included: true, slider: [0, 0.5],"
        " step: 0.05}\n"
        "t: {label: T, help: h, kind: choice, options: {a: A, b: B}, default: b}\n"
    )
    again = read_fields(json.loads(json.dumps(fields.to_data())), Problems("spec.json"))
    assert [again[name] for name in again] == [fields[name] for name in fields]


def test_the_json_twin_loads_with_the_standard_library_only():
    fields = load_fields("customer_focus.tools.lifetime_value", "lifetime_value.json")
    assert fields["retention"].check(0.8) == 0.8


def test_a_missing_twin_says_how_to_make_it():
    with pytest.raises(DataFileError, match="run `python -m customer_focus specs`"):
        load_fields("customer_focus.tools.lifetime_value", "nothing.json")


def test_a_field_built_in_code_gets_the_kind_defaults_too():
    share = Field("share", "Share", "a share", kind="rate")
    count = Field("count", "Count", "a count", kind="whole")
    assert share.check(0.5) == 0.5 and count.check(1) == 1
    with pytest.raises(InputError, match="share must be a decimal from 0 up to"):
        share.check(1)
    with pytest.raises(InputError, match="count must be a whole number of at least 1"):
        count.check(0)


def test_the_worked_example_loads_from_the_twin_as_the_spec_writes_it():
    package = "customer_focus.tools.lifetime_value"
    twin = "lifetime_value.json"
    example = load_example(package, load_fields(package, twin), twin)
    assert example["margin"] == 100 and isinstance(example["margin"], int)
    assert example["retention"] == 0.8 and example["timing"] == "after_renewal"


def test_a_bad_worked_example_in_a_twin_is_reported(tmp_path, monkeypatch):
    package = tmp_path / "demo_twin"
    package.mkdir()
    (package / "__init__.py").write_text("")
    twin = {"fields": {"years": {"label": "Years", "help": "years", "kind": "whole"}},
            "example": {"years": 0}}
    (package / "demo.json").write_text(json.dumps(twin))
    monkeypatch.syspath_prepend(str(tmp_path))
    fields = load_fields("demo_twin", "demo.json")
    message = r"demo_twin/demo.json:1: example: years must be a whole"
    with pytest.raises(DataFileError, match=message):
        load_example("demo_twin", fields, "demo.json")


def test_a_yes_no_field_reads_every_spelling_and_names_itself():
    fields, problems = _read("sees: {label: Customer sees it, help: 'does the customer see it?',"
                             " kind: yes_no, default: no}\n")
    assert problems == []
    sees = fields["sees"]
    assert (sees.default, sees.check("Y"), sees.check(0)) == (False, True, False)
    with pytest.raises(InputError, match=r"sees must be yes or no .*does the customer see it\?"):
        sees.check("sometimes")
    again = read_fields(json.loads(json.dumps(fields.to_data())), Problems("spec.json"))
    assert again["sees"] == sees


def test_check_rows_checks_each_row_and_names_the_bad_one():
    fields = Fields([
        Field("minutes", "Minutes", "elapsed time", min=0),
        Field("sees", "Customer sees it", "seen?", kind="yes_no"),
    ])
    rows = [{"step": "Wait", "minutes": 30}, {"step": "Fix", "minutes": 5, "sees": "y"}]
    assert fields.check_rows(rows, ["minutes"], optional=["sees"], item="step") == [
        {"step": "Wait", "minutes": 30.0}, {"step": "Fix", "minutes": 5.0, "sees": True},
    ]
    with pytest.raises(InputError, match="step 2: sees must be yes or no") as caught:
        fields.check_rows([rows[0], {"minutes": 1, "sees": "?"}], ["minutes"],
                          optional=["sees"], item="step")
    assert caught.value.name == "sees"
    with pytest.raises(InputError, match="step 1 must be a dict with minutes"):
        fields.check_rows([{"step": "Wait"}], ["minutes"], item="step")
    with pytest.raises(InputError, match="steps must be a list with one dict per step"):
        fields.check_rows({"minutes": 1}, ["minutes"], item="step")
