"""The base of every live form: controls from the spec, redraw on change, the message."""

from __future__ import annotations

import ipywidgets as w
import pytest
from IPython.display import HTML

from customer_focus.core.fields import Field
from customer_focus.tools.worksheet import Worksheet, alert, control_for, named


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
