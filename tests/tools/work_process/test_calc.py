"""The work process arithmetic on plain values: timing, summary, the order to improve, the
words for each step, and bad input naming the step."""

from __future__ import annotations

import pytest

from customer_focus.core.validation import InputError
from customer_focus.tools.work_process import calc


def _visit() -> list[dict]:
    """The worksheet's worked example, a fleet van's service visit."""
    return [
        {"step": "Book", "minutes": 6, "adds_value": "no", "fail_point": "yes",
         "what_goes_wrong": "Not confirmed in writing"},
        {"step": "Repeat details", "minutes": 8, "adds_value": "no", "fail_point": "yes",
         "what_goes_wrong": "Copied by hand"},
        {"step": "Wait for a bay", "minutes": 95, "adds_value": "no", "fail_point": "no"},
        {"step": "Diagnose", "minutes": 35, "adds_value": "yes", "fail_point": "no"},
        {"step": "Repair", "minutes": 90, "adds_value": "yes", "fail_point": "no"},
        {"step": "Wait for the driver", "minutes": 60, "adds_value": "no", "fail_point": "no"},
    ]


def test_analyze_times_each_step_one_after_another():
    rows = calc.analyze(_visit())
    assert [row["order"] for row in rows] == [1, 2, 3, 4, 5, 6]
    assert [row["start_minute"] for row in rows] == [0, 6, 14, 109, 144, 234]
    assert [row["end_minute"] for row in rows] == [6, 14, 109, 144, 234, 294]
    assert rows[2]["share_of_time"] == pytest.approx(95 / 294)
    assert rows[0]["adds_value"] is False and rows[0]["fail_point"] is True
    assert rows[0]["step"] == "Book"  # other keys are kept


def test_summary_of_the_worked_example():
    assert calc.summary(_visit()) == {
        "steps": 6, "total_minutes": 294.0, "value_added_minutes": 125.0,
        "value_added_share": pytest.approx(125 / 294), "non_value_added_minutes": 169.0,
        "fail_points": 2, "steps_to_improve": 4,
    }


def test_customer_minutes_only_when_every_step_says():
    steps = [{**step, "customer_sees": k < 2} for k, step in enumerate(_visit())]
    assert calc.summary(steps)["customer_minutes"] == 14.0
    assert "customer_minutes" not in calc.summary([*steps[:-1], _visit()[-1]])


def test_improvement_order_is_waste_longest_first_then_other_fail_points():
    steps = _visit()
    steps[4]["fail_point"], steps[4]["what_goes_wrong"] = "yes", "Part missing"
    assert calc.improvement_order(steps) == [2, 5, 1, 0, 4]


def test_the_words_for_each_step():
    assert calc.improvement("no", "no", "", 95, 95 / 294) == (
        "No value for the customer (95 min, 32% of the time). " + calc.REMOVE
    )
    assert calc.improvement(True, True, "Part missing.", 90, 0.3) == (
        "Fail point: Part missing. " + calc.FAIL_SAFE
    )
    assert calc.improvement("yes", "no", "", 35, 0.1) == ""
    assert calc.action("no", "no") == "Remove it, shorten it, or run it alongside another step"
    assert calc.action("yes", "yes") == "Make it fail-safe"


def test_a_fail_point_needs_a_description():
    with pytest.raises(InputError, match="what_goes_wrong must be some text"):
        calc.improvement("yes", "yes", " ", 90, 0.3)


@pytest.mark.parametrize(
    ("change", "name", "message"),
    [
        ({"minutes": -5}, "minutes", "step 3: minutes must be 0 or more"),
        ({"adds_value": "maybe"}, "adds_value", "step 3: adds_value must be yes or no"),
        ({"fail_point": None}, "fail_point", "you gave empty"),
    ],
)
def test_a_bad_value_names_the_step(change, name, message):
    steps = _visit()
    steps[2].update(change)
    with pytest.raises(InputError, match=message) as caught:
        calc.analyze(steps)
    assert caught.value.name == name


def test_steps_must_be_a_list_of_dicts_with_minutes():
    with pytest.raises(InputError, match="one dict per step"):
        calc.summary([])
    with pytest.raises(InputError, match="step 1 must be a dict with minutes"):
        calc.summary([{"step": "Book"}])


def test_zero_minutes_in_all_is_refused():
    with pytest.raises(InputError, match="the steps add up to 0 minutes"):
        calc.summary([{"minutes": 0, "adds_value": "no", "fail_point": "no"}])


def test_the_fields_come_from_the_spec():
    assert calc.FIELDS["adds_value"].kind == "yes_no"
    assert calc.FIELDS["minutes"].help == "elapsed time of the step in minutes, waiting included"
