"""The lifetime value worksheet's live form, its tables for reading and its charts."""

from __future__ import annotations

import matplotlib.colors as mcolors
import pytest

from customer_focus.core import cases
from customer_focus.core.figures import figure_html
from customer_focus.tools.lifetime_value import calc, form, table


def _texts(figure) -> list[str]:
    found = figure.findobj(match=lambda o: hasattr(o, "get_text"))
    return [text.get_text().replace("\n", " ") for text in found]


def _html_outputs(worksheet):
    results = worksheet.results()
    return [item.data if hasattr(item, "data") else item.to_html() for item in results]


def test_form_shows_value_table_and_chart_for_the_example():
    worksheet = form.LifetimeValueForm(margin=100, retention=0.8, discount_rate=0.1)
    texts = _html_outputs(worksheet)
    assert any("Lifetime value: $266.67" in text for text in texts)
    assert any("the first 10 years give $255.63" in text for text in texts)
    assert any('alt="Bar chart of present value by year' in text for text in texts)


def test_form_starts_at_the_worked_example_of_the_spec():
    worksheet = form.LifetimeValueForm()
    assert worksheet.values() == {
        "margin": 100.0, "retention": 0.8, "discount_rate": 0.1, "years": 10,
        "timing": "after_renewal",
    }


def test_form_labels_and_limits_come_from_the_spec():
    controls = form.LifetimeValueForm().controls
    assert controls["margin"].description == "Yearly margin per customer ($)"
    assert (controls["retention"].min, controls["retention"].max) == (0.0, 0.99)
    assert controls["discount_rate"].readout_format == ".0%"
    assert (controls["years"].min, controls["years"].max) == (1, 40)
    assert controls["timing"].options[0] == (
        "m·r/(1+i−r), after the first renewal (course default)", "after_renewal",
    )
    assert controls["timing"].layout.width == "46em"


def test_form_updates_when_an_input_changes():
    worksheet = form.LifetimeValueForm()
    worksheet.controls["retention"].value = 0.9
    assert any("Lifetime value: $450.00" in text for text in _html_outputs(worksheet))


def test_form_shows_a_message_instead_of_a_traceback():
    worksheet = form.LifetimeValueForm()
    worksheet.controls["margin"].value = float("nan")
    texts = _html_outputs(worksheet)
    assert len(texts) == 1
    assert 'role="alert"' in texts[0] and "margin must be a finite number" in texts[0]


def test_form_rejects_an_input_it_does_not_have():
    with pytest.raises(ValueError, match="LifetimeValueForm has no input horizon"):
        form.LifetimeValueForm(horizon=5)


def test_schedule_table_is_written_for_reading():
    shown = form.schedule_table(table.lifetime_value_schedule(100, 0.8, 0.1, years=10))
    assert shown.index.name == "Year"
    assert shown.loc[10, "Cumulative value"] == "$255.63"


def test_cumulative_chart_has_axes_labels_and_legend():
    schedule = table.lifetime_value_schedule(100, 0.8, 0.1)
    figure = form.cumulative_value_chart(
        schedule, lifetime_total=calc.lifetime_value(100, 0.8, 0.1)
    )
    texts = _texts(figure)
    assert "Year" in texts and "Present value" in texts
    assert "Lifetime value, all years: $267" in texts
    assert len(figure.axes[0].patches) == 20  # ten cumulative bars and ten yearly bars


def test_cumulative_chart_rejects_a_table_that_is_not_a_schedule():
    renamed = cases.opening_case().rename(columns={"customer": "year"})
    not_a_schedule = renamed.assign(present_value=1)
    with pytest.raises(ValueError, match="column 'cumulative_value' is missing"):
        form.cumulative_value_chart(not_a_schedule)


def test_comparison_chart_names_every_customer():
    comparison = table.compare_customers(cases.opening_case())
    texts = _texts(form.comparison_chart(comparison))
    for name in comparison["customer"]:
        assert name in texts


@pytest.mark.parametrize(
    "make",
    [
        lambda: form.cumulative_value_chart(table.lifetime_value_schedule(100, 0.8, 0.1)),
        lambda: form.comparison_chart(table.compare_customers(cases.opening_case())),
    ],
)
def test_charts_have_white_backgrounds_for_dark_mode(make):
    figure = make()
    assert mcolors.to_hex(figure.get_facecolor()) == "#ffffff"
    for axes in figure.axes:
        assert mcolors.to_hex(axes.get_facecolor()) == "#ffffff"
    assert figure._repr_png_().startswith(b"\x89PNG")


def test_alt_text_is_written_from_the_same_numbers():
    schedule = table.lifetime_value_schedule(100, 0.8, 0.1, years=10)
    alt = form.describe_cumulative_value(schedule, 266.67)
    assert "$72.73" in alt and "$255.63" in alt and "$266.67" in alt
    html = figure_html(form.cumulative_value_chart(schedule), alt)
    assert 'alt="Bar chart' in html
