"""The base of every live form: controls from the spec, redraw on change, the message."""

from __future__ import annotations

import ipywidgets as w
import pytest
from IPython.display import HTML

from customer_focus.core.fields import Field
from customer_focus.tools.spec import load_spec
from customer_focus.tools.worksheet import (
    GridColumn,
    GridWorksheet,
    Worksheet,
    alert,
    control_for,
    named,
)


class Sum(Worksheet):
    """A form over the lifetime value spec that adds two of its inputs."""

    tool = "lifetime_value"
    inputs = ("margin", "years")

    def compute(self, values):
        if values["margin"] < 0:
            raise ValueError("margin must be 0 or more")
        return [HTML(f"<p>{values['margin'] + values['years']:g}</p>")]


def test_controls_start_at_the_spec_example_and_draw_the_results():
    form = Sum()
    assert form.values() == {"margin": 100.0, "years": 10}
    assert [item.data for item in form.results()] == ["<p>110</p>"]
    assert form.widget.children[-1] is form.output


def test_a_change_redraws_and_a_value_error_becomes_the_message():
    form = Sum(margin=1)
    form.controls["margin"].value = -1
    (message,) = form.results()
    assert message.data == alert(ValueError("margin must be 0 or more")).data
    assert 'role="alert"' in message.data


def test_an_unknown_starting_value_is_refused():
    with pytest.raises(ValueError, match="Sum has no input retention; its inputs are margin, ye"):
        Sum(retention=0.9)


def test_a_form_must_say_what_it_shows():
    class Nothing(Worksheet):
        tool = "lifetime_value"
        inputs = ("margin",)

    with pytest.raises(TypeError, match="compute"):
        Nothing()


@pytest.mark.parametrize(
    ("field", "value", "kind", "description"),
    [
        (Field("margin", "Margin", "h", unit="$"), 5.0, w.FloatText, "Margin ($)"),
        (Field("count", "Count", "h", kind="whole", min=1), 3, w.IntText, "Count"),
        (Field("years", "Years", "h", kind="whole", min=1, slider=(1, 40)), 10, w.IntSlider,
         "Years"),
        (Field("share", "Share", "h", kind="rate", min=0, max=1, slider=(0, 1), step=0.05), 0.5,
         w.FloatSlider, "Share"),
        (Field("job", "Job", "h", kind="text"), "Driver", w.Text, "Job"),
        (Field("when", "When", "h", kind="choice", options=(("now", "Today"), ("later", "Later"))),
         "later", w.Dropdown, "When"),
    ],
)
def test_each_kind_of_field_gets_its_control(field, value, kind, description):
    control = control_for(field, value, width="20em")
    assert type(control) is kind
    assert control.value == value and control.description == description
    assert control.layout.width == "20em"


def test_a_rate_slider_reads_as_a_percentage():
    field = Field("share", "Share", "h", kind="rate", min=0, max=1, slider=(0, 0.5), step=0.01)
    slider = control_for(field, 0.2)
    assert (slider.min, slider.max, slider.step, slider.readout_format) == (0, 0.5, 0.01, ".0%")
    assert slider.continuous_update is False


def test_named_gives_a_grid_cell_its_accessible_name():
    assert named(w.FloatText(), "Price for Rival").tooltip == "Price for Rival"


def test_a_yes_no_field_is_a_check_box():
    field = Field("sees", "Customer sees it", "h", kind="yes_no")
    control = control_for(field, "yes")
    assert type(control) is w.Checkbox and control.value is True
    assert control_for(field, "no").value is False


def test_the_message_may_start_with_other_words():
    assert alert(ValueError("type a step."), "Check your steps").data == (
        '<p role="alert"><strong>Check your steps:</strong> type a step.</p>'
    )


# ---- a grid of rows -----------------------------------------------------------------------


class Steps(GridWorksheet):
    """A grid over the work process spec that adds up the minutes of the steps typed."""

    tool = "work_process"
    inputs = ()
    alert_heading = "Check your steps"
    example_table = "steps"
    columns = (
        GridColumn("step", "Step", "Name of step {number}", placeholder="step name"),
        GridColumn("minutes", "Minutes"),
        GridColumn("adds_value", "Adds value", "Step {number} adds value"),
    )
    grid_template = "20em 6em 6em"

    def compute(self, values):
        steps = self.table()
        if (steps["minutes"] < 0).any():
            raise ValueError("minutes must be 0 or more.")
        return [HTML(f"<p>{steps['minutes'].sum():g} min</p>")]


def test_a_grid_starts_at_the_spec_example_table_with_named_cells():
    form = Steps()
    assert len(form.rows) == 6
    assert [cell.value for cell in form.rows[0]] == ["Customer phones to book", 6.0, False]
    assert [type(cell) for cell in form.rows[0]] == [w.Text, w.FloatText, w.Checkbox]
    assert [cell.tooltip for cell in form.rows[0]] == [
        "Name of step 1", "Minutes for Customer phones to book", "Step 1 adds value",
    ]
    assert form.rows[0][0].placeholder == "step name"
    assert [label.value for label in form.grid.children[:3]] == ["Step", "Minutes", "Adds value"]
    assert form.grid.layout.grid_template_columns == "20em 6em 6em"
    assert form.widget.children == (form.grid, form.output)
    assert [item.data for item in form.results()] == ["<p>294 min</p>"]


def test_a_grid_takes_its_rows_and_adds_blank_ones_and_redraws_on_every_cell():
    form = Steps([("Wait", 30, "no"), ("Repair", 90, True)], size=4)
    assert form.table().to_dict("list") == {
        "step": ["Wait", "Repair", "", ""], "minutes": [30.0, 90.0, 0.0, 0.0],
        "adds_value": [False, True, False, False],
    }
    form.rows[3][1].value = -5.0
    (message,) = form.results()
    assert message.data == alert(ValueError("minutes must be 0 or more."), "Check your steps").data


class Terms(GridWorksheet):
    """A grid over the lifetime value spec: years to count and the timing, row by row."""

    tool = "lifetime_value"
    inputs = ()
    columns = (
        GridColumn("years", "Years", "{heading}, row {number}"), GridColumn("timing", "Timing"),
    )
    grid_template = "6em 20em"

    def compute(self, values):
        return [HTML(f"<p>{len(self.table())} rows</p>")]


def test_a_grid_cell_of_a_whole_number_or_a_choice_and_their_blanks():
    form = Terms([(10, "upfront")], size=2)
    (years, timing), (blank_years, blank_timing) = form.rows
    assert (type(years), years.value, years.tooltip) == (w.IntText, 10, "Years, row 1")
    assert (type(timing), timing.value, timing.tooltip) == (w.Dropdown, "upfront", "Timing for 10")
    assert (blank_years.value, blank_timing.value) == (0, "after_renewal")
    assert timing.label == load_spec("lifetime_value").fields["timing"].options[1][1]
    assert [item.data for item in form.results()] == ["<p>2 rows</p>"]


def test_a_row_with_too_few_values_says_what_each_row_holds():
    with pytest.raises(ValueError, match="Steps: row 2 holds 2 values; give one per column: step"):
        Steps([("Wait", 30, "no"), ("Repair", 90)])


def test_a_form_in_chinese_has_the_translated_spec_and_says_its_message_in_chinese():
    """What a reader of the zh-TW edition's notebook meets: the spec's Chinese labels, and a
    bad input's message (the core's check, with the spec's Chinese help) under a Chinese heading."""
    from chinese_text import assert_chinese
    from customer_focus.core.messages import language

    class Checked(Sum):
        def compute(self, values):
            self.spec.fields["retention"].check(values["margin"])
            return []

    english = Checked(margin=80).results()[0].data
    with language("zh_TW"):
        form = Checked(margin=80)
        chinese = form.results()[0].data
        cell = GridColumn("price", "價格").name_of(2, "對手", "lifetime_value")
    assert form.controls["margin"].description == load_spec("lifetime_value", "zh_TW").fields[
        "margin"].caption
    assert chinese.startswith('<p role="alert"><strong>請檢查你的數字：</strong>retention 必須是')
    assert "如果你指的是 80%，請輸入 0.8。" in chinese
    assert_chinese(english, chinese, "retention", "role", "alert", "strong", "p")
    assert cell == "對手的價格"
