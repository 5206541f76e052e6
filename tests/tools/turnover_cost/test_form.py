"""The employee turnover cost worksheet's live form, its tables and chart, the paper form and the
worksheet page."""

from __future__ import annotations

import matplotlib.colors as mcolors
import nbformat
import pandas as pd
import pytest

from customer_focus.core import tables
from customer_focus.core.formats import percent
from customer_focus.tools.spec import load_form, load_spec, render_html
from customer_focus.tools.turnover_cost import calc, form, table

SAMPLE = "book/apply/tools/data/turnover-cost-sample"


def _example() -> calc.TurnoverCost:
    return calc.turnover_cost(**calc.course_example())


@pytest.fixture
def sample(root):
    return tables.read_table(root / f"{SAMPLE}.csv")


# ---- the form ---------------------------------------------------------------------------


def _html_outputs(worksheet):
    return [item.data if hasattr(item, "data") else item.to_html() for item in worksheet.results()]


def test_form_shows_the_course_example():
    texts = _html_outputs(form.TurnoverCostForm())
    assert any(
        "Cost of one departure: $9,453.85</strong>, 26.3% of the $36,000.00 salary" in text
        for text in texts
    )
    assert any("21% of salary: $7,560.00" in text for text in texts)
    assert any("$4,153.85" in text and "Performance differential" in text for text in texts)
    assert any(
        'alt="Stacked bar chart of the cost of one departure from This job' in text
        for text in texts
    )


def test_form_starts_at_the_specs_example_with_its_labels():
    worksheet = form.TurnoverCostForm(job="Agent")
    values = worksheet.values()
    assert values["job"] == "Agent"
    assert {name: values[name] for name in calc.course_example()} == calc.course_example()
    assert values["testing"] == 0
    assert worksheet.controls["advertising"].description == "Advertising, agency fees ($)"
    assert worksheet.controls["productivity_while_learning"].readout_format == ".0%"
    assert (worksheet.controls["productivity_while_learning"].min,
            worksheet.controls["productivity_while_learning"].max) == (0.0, 1.0)


def test_form_shows_each_lines_heading_above_its_items():
    children = form.TurnoverCostForm().widget.children
    headings = [child.value for child in children if type(child).__name__ == "HTML"]
    assert headings[0].startswith("<strong>Separation</strong>: exit interview")
    assert len(headings) == len(calc.CATEGORIES)
    descriptions = [getattr(child, "description", "") for child in children]
    assert descriptions.index("Materials ($)") < descriptions.index("Weeks to full productivity")


def test_form_updates_when_an_input_changes():
    worksheet = form.TurnoverCostForm()
    worksheet.controls["productivity_while_learning"].value = 1.0
    assert any("Cost of one departure: $5,300.00" in text for text in _html_outputs(worksheet))


def test_form_given_some_items_starts_the_others_at_zero():
    worksheet = form.TurnoverCostForm(
        salary=52000, weeks_to_full_productivity=0, productivity_while_learning=1, advertising=800
    )
    assert worksheet.estimate().total == 800


def test_form_shows_a_message_instead_of_a_traceback():
    worksheet = form.TurnoverCostForm()
    worksheet.controls["salary"].value = 0
    texts = _html_outputs(worksheet)
    assert len(texts) == 1
    assert 'role="alert"' in texts[0] and "salary must be more than 0" in texts[0]


def test_form_names_an_empty_job_this_job():
    worksheet = form.TurnoverCostForm()
    worksheet.controls["job"].value = "  "
    assert any('cost of one departure from This job:' in text for text in _html_outputs(worksheet))


def test_form_rejects_an_unknown_starting_value():
    with pytest.raises(ValueError, match="TurnoverCostForm has no input wage"):
        form.TurnoverCostForm(wage=10)


def test_category_table_has_a_total_row():
    shown = form.category_table(_example())
    assert shown.loc["Total", "Amount"] == "$9,453.85"
    assert shown.loc["Learning curve", "Amount"] == "$4,153.85"


def test_benchmarks_and_jobs_tables_are_written_for_reading(sample):
    benchmarks = form.benchmarks_table(36000)
    assert benchmarks.loc["Typical (median) cost", "Share of salary"] == "21.0%"
    assert benchmarks.loc["Executives: up to", "At this salary"] == "$76,680.00"
    jobs = form.jobs_table(table.compare_jobs(sample))
    assert jobs.loc[sample.loc[0, "job"], "Learning curve"] == "$4,153.85"


# ---- the chart --------------------------------------------------------------------------


def _texts(figure) -> list[str]:
    found = figure.findobj(match=lambda o: hasattr(o, "get_text"))
    return [text.get_text().replace("\n", " ") for text in found]


def test_chart_names_every_job_and_line(sample):
    comparison = table.compare_jobs(sample)
    figure = form.cost_by_category_chart(comparison)
    texts = _texts(figure)
    for name in comparison["job"]:
        assert name in texts
    for spec in calc.CATEGORIES.values():
        assert spec.label in texts
    assert "Boushey & Glynn (2012) median: 21% of salary" in texts
    assert "Cost of one departure (share of salary in parentheses)" in texts
    assert " $9,454 (26%)" in texts


def test_chart_has_a_white_background_and_draws():
    figure = form.cost_by_category_chart(table.as_row(_example()))
    assert mcolors.to_hex(figure.get_facecolor()) == "#ffffff"
    assert mcolors.to_hex(figure.axes[0].get_facecolor()) == "#ffffff"
    assert figure._repr_png_().startswith(b"\x89PNG")
    assert len(figure.axes[0].patches) == 5


def test_chart_without_the_median_marker():
    texts = _texts(form.cost_by_category_chart(table.as_row(_example()), median_marker=False))
    assert "Boushey & Glynn (2012) median: 21% of salary" not in texts


def test_chart_rejects_a_table_that_is_not_the_results():
    message = "column 'separation' is missing. Expected columns: job, salary"
    with pytest.raises(ValueError, match=message):
        form.cost_by_category_chart(
            pd.DataFrame({"job": ["A"], "salary": [1], "share_of_salary": [0.1], "total": [1]})
        )


def test_stacked_bars_reject_an_empty_table():
    empty = table.as_row(_example()).iloc[0:0]
    with pytest.raises(ValueError, match="the chart needs at least one row of results"):
        form.cost_by_category_chart(empty)


def test_description_of_one_job():
    text = form.describe_cost_by_category(table.as_row(_example(), "Agent"))
    assert text.startswith(
        "Stacked bar chart of the cost of one departure from Agent: $9,453.85 in all, 26.3%"
    )
    assert "learning curve $4,153.85" in text and "$7,560.00" in text


def test_description_of_several_jobs(sample):
    text = form.describe_cost_by_category(table.compare_jobs(sample))
    assert text.startswith(f"Stacked bar chart of the cost of one departure for {len(sample)} jobs")
    assert "Diamonds mark 21% of each salary" in text


def test_the_form_writes_the_median_from_its_constant(monkeypatch):
    monkeypatch.setattr(calc, "BOUSHEY_GLYNN_MEDIAN", 0.25)
    row = table.as_row(_example(), "Agent")
    assert "median of 25% of salary, $9,000.00" in form.describe_cost_by_category(row)
    chart = form.cost_by_category_chart(row)
    assert "Boushey & Glynn (2012) median: 25% of salary" in _texts(chart)
    assert "review is 25% of salary: $9,000.00 here" in _html_outputs(form.TurnoverCostForm())[0]


# ---- the printable form and the worksheet page -------------------------------------------


def test_printable_form_lists_every_line_and_the_formula():
    html = render_html(load_form("turnover_cost"))
    for label in (
        "Separation: exit interview", "Vacancy: margin on lost sales",
        "Learning curve: salary ÷ 52 × weeks × (1 − productivity)",
    ):
        assert label in html
    assert "21% of salary" in html


def test_the_paper_form_quotes_the_median_the_code_uses():
    form_spec = load_spec("turnover_cost").paper_form
    questions = [blank.label for section in form_spec.sections for blank in section.fields]
    assert f"How does the total compare with a typical {percent(calc.BOUSHEY_GLYNN_MEDIAN)} of " \
        "salary?" in questions


def test_form_page_uses_the_directive(root):
    text = (root / "book/apply/forms/turnover-cost-form.md").read_text()
    assert text.startswith("# Printable form: employee turnover cost worksheet")
    assert "```{printable-form} turnover_cost\n```" in text
    assert "../tools/turnover-cost-worksheet.ipynb" in text


def test_worksheet_links_the_chapter_and_says_the_numbers_are_illustrative(root):
    notebook = nbformat.read(root / "book/apply/tools/turnover-cost-worksheet.ipynb", as_version=4)
    text = "\n".join(cell.source for cell in notebook.cells if cell.cell_type == "markdown")
    assert "../../learn/employee-capability.md" in text
    assert "course's own illustrative numbers" in text
    assert "No primary study" in text
    alts = [
        cell.metadata["mystnb"]["image"]["alt"] for cell in notebook.cells
        if "mystnb" in cell.metadata
    ]
    assert len(alts) == 2 and all(alt.startswith("Stacked bar chart") for alt in alts)
