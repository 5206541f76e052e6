"""The specific employee replacement cost worksheet's live form, its tables and chart, the paper
form and the worksheet page."""

from __future__ import annotations

import matplotlib.colors as mcolors
import nbformat
import pytest

from customer_focus.core import tables
from customer_focus.tools.replacement_cost import calc, form, table
from customer_focus.tools.spec import load_form, render_html

SAMPLE = "book/apply/tools/data/replacement-cost-sample"


def _example() -> calc.ReplacementCost:
    return calc.cost_of_losing(**calc.course_example())


@pytest.fixture
def sample(root):
    return tables.read_table(root / f"{SAMPLE}.csv")


# ---- the form ---------------------------------------------------------------------------------


def _html_outputs(worksheet):
    return [item.data if hasattr(item, "data") else item.to_html() for item in worksheet.results()]


def test_form_shows_the_example_with_its_assumption():
    texts = _html_outputs(form.ReplacementCostForm())
    headline = texts[0]
    assert (
        "Losing Maria (senior account manager) would cost about $137,000.00</strong> (176% of "
        "yearly pay of $78,000.00)"
    ) in headline
    assert "$35,000.00 in employee costs" in headline
    assert "That share is your own assumption." in headline
    assert any("$102,000.00" in text and "Customers who may follow" in text for text in texts)
    assert any("$290,000.00" in text for text in texts)  # the table of other shares
    assert any('alt="Stacked bar chart of the cost of losing Maria' in text for text in texts)


def test_form_takes_an_hourly_rate():
    worksheet = form.ReplacementCostForm(
        employee="Tom", hourly_rate=17.5, hours_per_week=40, customers_at_risk=0
    )
    assert worksheet.controls["pay_basis"].value == "hourly_rate"
    assert worksheet.estimate().annual_pay == pytest.approx(36400)
    assert "and no customers at risk." in _html_outputs(worksheet)[0]


def test_form_takes_a_salary_and_starts_the_rest_at_the_example():
    worksheet = form.ReplacementCostForm(salary=60000)
    assert worksheet.controls["pay_basis"].value == "salary"
    assert worksheet.controls["pay"].value == 60000
    assert worksheet.values()["customers_at_risk"] == 30
    assert form.ReplacementCostForm().controls["pay"].value == 78000


def test_form_labels_and_sliders_come_from_the_spec():
    controls = form.ReplacementCostForm().controls
    assert controls["hiring_fees"].description == "Agency or advertising fees ($)"
    assert controls["cover"].options[0] == (calc.COVERS["overtime"], "overtime")
    assert controls["cover"].layout.width == "46em"
    assert (controls["customer_retention"].min, controls["customer_retention"].max) == (0.0, 0.99)
    assert controls["share_who_follow"].readout_format == ".0%"


def test_form_shows_each_lines_heading_above_its_inputs():
    children = form.ReplacementCostForm().widget.children
    headings = [child.value for child in children if type(child).__name__ == "HTML"]
    assert len(headings) == len(calc.CATEGORIES)
    assert headings[-1].startswith("<strong>Customers who may follow</strong>: lifetime value")


def test_form_updates_when_the_share_changes():
    worksheet = form.ReplacementCostForm()
    worksheet.controls["share_who_follow"].value = 0.3
    assert "would cost about $188,000.00" in _html_outputs(worksheet)[0]


def test_form_shows_a_message_instead_of_a_traceback():
    worksheet = form.ReplacementCostForm()
    worksheet.controls["pay"].value = float("nan")
    texts = _html_outputs(worksheet)
    assert len(texts) == 1
    assert 'role="alert"' in texts[0] and "salary must be a finite number" in texts[0]


def test_form_rejects_an_unknown_starting_value():
    with pytest.raises(ValueError, match="ReplacementCostForm has no input bonus"):
        form.ReplacementCostForm(bonus=5)


def test_line_table_has_subtotal_and_total():
    shown = form.line_table(_example())
    assert shown.loc["Employee costs (lines above)", "Amount"] == "$35,000.00"
    assert shown.loc["Total", "Amount"] == "$137,000.00"


def test_scenarios_and_employees_tables_are_written_for_reading(sample):
    scenarios = form.scenarios_table(_example())
    assert scenarios.loc["50.0%", "Their lifetime value"] == "$255,000.00"
    employees = form.employees_table(table.compare_employees(sample))
    assert employees.loc["Lena", "Total"] == "$72,290.00"
    assert employees.loc["Lena", "Job"] == "Hair stylist"


# ---- the chart ----------------------------------------------------------------------------------


def _texts(figure) -> list[str]:
    found = figure.findobj(match=lambda o: hasattr(o, "get_text"))
    return [text.get_text().replace("\n", " ") for text in found]


def test_chart_names_every_employee_and_line(sample):
    comparison = table.compare_employees(sample)
    texts = _texts(form.cost_of_losing_chart(comparison))
    for name in comparison["employee"]:
        assert name in texts
    for label, _ in calc.CATEGORIES.values():
        assert label in texts
    assert "Cost of losing the employee (share of yearly pay in parentheses)" in texts


def test_chart_has_a_white_background_and_hatched_customers():
    figure = form.cost_of_losing_chart(table.as_row(_example()))
    assert mcolors.to_hex(figure.get_facecolor()) == "#ffffff"
    assert mcolors.to_hex(figure.axes[0].get_facecolor()) == "#ffffff"
    hatched = [patch for patch in figure.axes[0].patches if patch.get_hatch()]
    assert len(hatched) == 1
    assert figure._repr_png_().startswith(b"\x89PNG")


def test_descriptions_come_from_the_data(sample):
    one = form.describe_cost_of_losing(table.as_row(_example()))
    assert one.startswith(
        "Stacked bar chart of the cost of losing Maria (senior account manager): $137,000.00 in "
        "all, 176%"
    )
    several = form.describe_cost_of_losing(table.compare_employees(sample))
    assert several.startswith(
        f"Stacked bar chart of the cost of losing each of {len(sample)} employees"
    )
    assert "The costliest loss is Dev" in several


def test_description_without_customers_says_so():
    row = table.as_row(calc.cost_of_losing(salary=30000, weeks_to_full_productivity=4,
                                           productivity_while_learning=0.5))
    several = row.assign(employee="A")._append(row.assign(employee="B"), ignore_index=True)
    assert form.describe_cost_of_losing(several).endswith("No customers are at risk in this table.")


# ---- the printable form and the worksheet page ---------------------------------------------------


def test_printable_form_has_every_line_and_flags_the_assumption():
    html = render_html(load_form("replacement_cost"))
    for text in (
        "1. Separation", "2. Vacancy", "3. Replacement (hiring)", "4. Training",
        "5. Learning curve", "6. Customers who may follow", "margin × r / (1 + i − r)",
        "An assumption: say why.",
    ):
        assert text in html


def test_form_page_uses_the_directive(root):
    text = (root / "book/apply/forms/replacement-cost-form.md").read_text()
    assert text.startswith("# Printable form: specific employee replacement cost worksheet")
    assert "```{printable-form} replacement_cost\n```" in text


def test_worksheet_quotes_heskett_and_links_the_chapter(root):
    notebook = nbformat.read(
        root / "book/apply/tools/replacement-cost-worksheet.ipynb", as_version=4
    )
    text = "\n".join(cell.source for cell in notebook.cells if cell.cell_type == "markdown")
    assert "../../learn/employee-capability.md" in text
    assert '"as much as \\$36,000 in sales."' in text
    assert '"a cumulative loss of at least \\$2.5 million."' in text
    assert "(Heskett et al., 1994)" in text
    assert "is your assumption" in text
