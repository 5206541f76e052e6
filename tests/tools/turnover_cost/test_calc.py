"""Employee turnover cost (Tool 3): the course's worksheet, properties, bad input, form, chart, exercise."""

from __future__ import annotations

import math

import matplotlib.colors as mcolors
import nbformat
import pandas as pd
import pytest
from hypothesis import given
from hypothesis import strategies as st

from customer_focus import turnover
from customer_focus.core import tables
from customer_focus.tools.spec import load_form, render_html
from customer_focus.practice import turnover as practice
from customer_focus.worksheets import turnover as sheet

SAMPLE = "book/apply/tools/data/turnover-cost-sample"


def _example() -> turnover.TurnoverCost:
    return turnover.turnover_cost(**turnover.course_example())


# ---- FACTS.md section 7: the course's illustrative worksheet, to the dollar ----------------


def test_learning_curve_of_the_course_example_is_4153_85():
    assert turnover.learning_curve_cost(36000, 12, 0.5) == pytest.approx(36000 / 52 * 12 * 0.5)
    assert round(turnover.learning_curve_cost(36000, 12, 0.5), 2) == 4153.85
    assert round(turnover.learning_curve_cost(36000, 12, 0.5)) == 4154


@pytest.mark.parametrize(
    ("category", "expected"),
    [("separation", 300), ("vacancy", 2000), ("replacement", 1500), ("training", 1500), ("learning_curve", 4153.85)],
)
def test_course_example_lines_match_facts(category, expected):
    assert _example().amount(category) == pytest.approx(expected, abs=0.005)


def test_course_example_total_is_9453_85_about_9450_and_26_percent():
    cost = _example()
    assert round(cost.total, 2) == 9453.85
    assert round(cost.total / 50) * 50 == 9450
    assert cost.share_of_salary == pytest.approx(9453.846 / 36000, abs=1e-6)
    assert round(cost.share_of_salary * 100) == 26


def test_learn_chapter_exercise_numbers():
    # 8 weeks instead of 12 at 50%: about $2,769 instead of $4,154, saving about $1,385 a hire.
    eight = turnover.learning_curve_cost(36000, 8, 0.5)
    assert round(eight) == 2769
    assert round(turnover.learning_curve_cost(36000, 12, 0.5) - eight) == 1385
    # Ten departures a year: about $94,500.
    assert round(10 * _example().total / 100) * 100 == 94500


def test_by_category_has_the_five_lines_with_cascio_categories():
    table = _example().by_category
    assert table["category"].tolist() == ["Separation", "Vacancy", "Replacement (hiring)", "Training", "Learning curve"]
    cascio = dict(zip(table["category"], table["cascio"]))
    assert cascio["Separation"] == "Separation costs (Cascio)"
    assert cascio["Replacement (hiring)"] == "Replacement costs (Cascio)"
    assert cascio["Training"] == "Training costs (Cascio)"
    assert "Performance differential (Cascio & Boudreau)" == cascio["Learning curve"]
    assert "performance differential" in cascio["Vacancy"]
    assert table["share_of_total"].sum() == pytest.approx(1.0)


def test_items_table_lists_every_line_item_and_the_learning_curve():
    items = _example().items
    assert items["item"].tolist() == [*turnover.LINE_ITEMS, "learning_curve"]
    assert items["amount"].sum() == pytest.approx(_example().total)


def test_category_functions_add_their_items():
    assert turnover.separation_cost(exit_interview=100, hr_admin=200, separation_pay=50, unemployment_tax=25) == 375
    assert turnover.vacancy_cost(overtime_or_temps=1400, lost_sales=600) == 2000
    assert turnover.replacement_cost(advertising=1, interviews=2, testing=3, travel_relocation=4, checks=5) == 15
    assert turnover.training_cost(trainee_time=800, trainer_time=500, materials=200) == 1500
    assert turnover.separation_cost() == 0


def test_as_row_has_the_compare_jobs_columns():
    row = _example().as_row("Agent")
    assert row.columns.tolist() == ["job", "salary", *turnover.CATEGORIES, "total", "share_of_salary"]
    assert row.loc[0, "job"] == "Agent"


# ---- Boushey & Glynn (2012) reference range ----------------------------------------------


def test_benchmarks_reproduce_boushey_and_glynn():
    table = turnover.benchmarks(36000)
    assert turnover.BOUSHEY_GLYNN_MEDIAN == 0.21
    assert table["share_of_salary"].tolist() == [0.21, 0.16, 2.13]
    assert table["amount"].round(2).tolist() == [7560.0, 5760.0, 76680.0]
    assert "27 case studies" in table.loc[0, "basis"]
    assert all("Boushey & Glynn (2012)" in source for source in table["source"])
    assert table.loc[1, "source"].endswith("as often quoted") and table.loc[2, "source"].endswith("as often quoted")


def test_benchmarks_leave_out_the_untraced_shrm_figure():
    text = turnover.benchmarks(50000).to_string()
    assert "SHRM" not in text and "months" not in text


# ---- several jobs from a file -------------------------------------------------------------


@pytest.fixture
def sample(root):
    return tables.read_table(root / f"{SAMPLE}.csv")


def test_sample_file_has_8_to_15_jobs_and_every_column(sample, root):
    assert 8 <= len(sample) <= 15
    assert set(turnover.JOB_COLUMNS) <= set(sample.columns)
    excel = tables.read_table(root / f"{SAMPLE}.xlsx")
    pd.testing.assert_frame_equal(sample, excel)


def test_compare_jobs_reproduces_the_course_example_in_the_first_row(sample):
    result = turnover.compare_jobs(sample)
    assert result.columns.tolist() == ["job", "salary", *turnover.CATEGORIES, "total", "share_of_salary"]
    assert result.loc[0, "total"] == pytest.approx(_example().total)
    assert result["total"].tolist() == pytest.approx(result[list(turnover.CATEGORIES)].sum(axis=1).tolist())
    assert not result.isna().any().any()


def test_compare_jobs_matches_turnover_cost_row_by_row(sample):
    result = turnover.compare_jobs(sample)
    for position, row in sample.iterrows():
        expected = turnover.turnover_cost(**{k: v for k, v in row.items() if k != "job"})
        assert result.loc[position, "total"] == pytest.approx(expected.total)


def test_compare_jobs_counts_missing_and_empty_items_as_zero_and_keeps_extra_columns():
    table = pd.DataFrame(
        {
            "job": ["A", "B"], "department": ["Sales", "Service"], "salary": [52000, 52000],
            "weeks_to_full_productivity": [10, 0], "productivity_while_learning": [0.5, 1.0],
            "advertising": [500, None], "hr_admin": ["", 100],
        }
    )
    result = turnover.compare_jobs(table)
    assert result["department"].tolist() == ["Sales", "Service"]
    assert result["replacement"].tolist() == [500, 0]
    assert result["separation"].tolist() == [0, 100]
    assert result["learning_curve"].tolist() == pytest.approx([5000, 0])


# ---- bad input: a ValueError that names the input, the value and the fix -------------------


@pytest.mark.parametrize("salary", [0, -36000])
def test_turnover_cost_rejects_a_salary_that_is_not_positive(salary):
    with pytest.raises(ValueError, match=rf"salary must be more than 0 \(the job's yearly salary, in dollars\); you gave {salary}"):
        turnover.turnover_cost(salary, weeks_to_full_productivity=12, productivity_while_learning=0.5)


@pytest.mark.parametrize("salary", ["36000", None, float("nan"), float("inf"), True])
def test_turnover_cost_rejects_a_salary_that_is_not_a_number(salary):
    with pytest.raises(ValueError, match="salary must be a"):
        turnover.turnover_cost(salary, weeks_to_full_productivity=12, productivity_while_learning=0.5)


def test_productivity_typed_in_percent_suggests_a_decimal():
    with pytest.raises(ValueError, match=r"productivity_while_learning must be a decimal from 0 up to and including 1.*If you meant 50%, type 0.5"):
        turnover.turnover_cost(36000, weeks_to_full_productivity=12, productivity_while_learning=50)


def test_productivity_above_one_is_explained():
    with pytest.raises(ValueError, match="cannot average more than full productivity"):
        turnover.learning_curve_cost(36000, 12, 1.2)


def test_negative_productivity_is_rejected():
    with pytest.raises(ValueError, match="A negative productivity_while_learning has no meaning"):
        turnover.learning_curve_cost(36000, 12, -0.1)


@pytest.mark.parametrize("weeks", [-1, 600])
def test_weeks_out_of_range_are_rejected(weeks):
    with pytest.raises(ValueError, match=rf"weeks_to_full_productivity must be a number of weeks from 0 to 520 .*you gave {weeks}.*a year is 52"):
        turnover.turnover_cost(36000, weeks_to_full_productivity=weeks, productivity_while_learning=0.5)


def test_negative_line_item_is_rejected_by_name():
    with pytest.raises(ValueError, match=r"advertising must be 0 or more \(job advertisements and agency fees, in dollars\); you gave -500"):
        turnover.turnover_cost(36000, weeks_to_full_productivity=12, productivity_while_learning=0.5, advertising=-500)


def test_text_line_item_is_rejected_by_name():
    with pytest.raises(ValueError, match="lost_sales must be a number .*you gave '600'"):
        turnover.vacancy_cost(lost_sales="600")


def test_learning_curve_needs_its_two_inputs():
    with pytest.raises(TypeError):
        turnover.turnover_cost(36000)  # type: ignore[call-arg]


def test_amount_rejects_an_unknown_category():
    with pytest.raises(ValueError, match="category must be one of 'separation', 'vacancy'"):
        _example().amount("recruiting")


def test_compare_jobs_names_a_missing_column_and_lists_expected():
    table = pd.DataFrame({"job": ["A"], "salary": [1], "weeks_to_full_productivity": [1], "productivity": [0.5]})
    with pytest.raises(ValueError) as caught:
        turnover.compare_jobs(table)
    message = str(caught.value)
    assert "missing column 'productivity_while_learning'" in message
    assert "found 'productivity': a misspelling?" in message
    assert "Expected columns: job, salary, weeks_to_full_productivity, productivity_while_learning; optional: exit_interview" in message


def test_compare_jobs_rejects_a_misspelled_optional_column():
    table = pd.DataFrame(
        {"job": ["A"], "salary": [1000], "weeks_to_full_productivity": [1], "productivity_while_learning": [0.5], "advertsing": [500]}
    )
    with pytest.raises(ValueError, match="column 'advertsing' is not one the worksheet reads; did you mean 'advertising'"):
        turnover.compare_jobs(table)


def test_compare_jobs_names_the_line_of_a_bad_productivity(tmp_path):
    path = tmp_path / "jobs.csv"
    path.write_text("job,salary,weeks_to_full_productivity,productivity_while_learning\nA,30000,4,0.5\nB,40000,6,50\n")
    with pytest.raises(ValueError, match=r"productivity_while_learning.*jobs.csv line 3: 50.*0.8 for 80%"):
        turnover.compare_jobs(tables.read_table(path))


def test_compare_jobs_names_the_line_of_text_in_an_item_column(tmp_path):
    path = tmp_path / "jobs.csv"
    path.write_text("job,salary,weeks_to_full_productivity,productivity_while_learning,checks\nA,30000,4,0.5,about 300\n")
    with pytest.raises(ValueError, match=r"column 'checks' .*must hold a number of at least 0 .*jobs.csv line 2: 'about 300'"):
        turnover.compare_jobs(tables.read_table(path))


def test_compare_jobs_rejects_a_zero_salary_by_row():
    table = pd.DataFrame({"job": ["A", "B"], "salary": [30000, 0], "weeks_to_full_productivity": [1, 1], "productivity_while_learning": [0.5, 0.5]})
    with pytest.raises(ValueError, match=r"column 'salary' .*must be more than 0 in every row; row 2 holds 0"):
        turnover.compare_jobs(table)


def test_compare_jobs_rejects_an_empty_job_name():
    table = pd.DataFrame({"job": ["A", " "], "salary": [1, 2], "weeks_to_full_productivity": [1, 1], "productivity_while_learning": [0.5, 0.5]})
    with pytest.raises(ValueError, match="column 'job' must name every job; row 2 is empty"):
        turnover.compare_jobs(table)


def test_compare_jobs_rejects_an_empty_table():
    table = pd.DataFrame(columns=["job", "salary", "weeks_to_full_productivity", "productivity_while_learning"])
    with pytest.raises(ValueError, match="has no jobs; add at least one row"):
        turnover.compare_jobs(table)


def test_compare_jobs_rejects_something_that_is_not_a_table():
    with pytest.raises(ValueError, match="expected a table"):
        turnover.compare_jobs([1, 2, 3])  # type: ignore[arg-type]


# ---- properties -------------------------------------------------------------------------

salaries = st.floats(min_value=1.0, max_value=1e7)
amounts = st.floats(min_value=0.0, max_value=1e6)
weeks = st.floats(min_value=0.0, max_value=520.0)
shares = st.floats(min_value=0.0, max_value=1.0)


@given(salaries, weeks, shares, st.dictionaries(st.sampled_from(sorted(turnover.LINE_ITEMS)), amounts))
def test_total_is_the_sum_of_the_lines_and_the_items(salary, span, productivity, items):
    cost = turnover.turnover_cost(salary, weeks_to_full_productivity=span, productivity_while_learning=productivity, **items)
    assert cost.total == pytest.approx(cost.by_category["amount"].sum(), rel=1e-9, abs=1e-6)
    assert cost.total == pytest.approx(math.fsum(items.values()) + turnover.learning_curve_cost(salary, span, productivity), rel=1e-9, abs=1e-6)
    assert cost.share_of_salary == pytest.approx(cost.total / salary)
    assert cost.total >= 0


@given(salaries, weeks, shares, shares)
def test_learning_curve_falls_as_productivity_rises(salary, span, p1, p2):
    low, high = sorted((p1, p2))
    assert turnover.learning_curve_cost(salary, span, high) <= turnover.learning_curve_cost(salary, span, low) + 1e-9


@given(salaries, weeks, weeks, shares)
def test_learning_curve_grows_with_the_weeks(salary, w1, w2, productivity):
    short, long = sorted((w1, w2))
    assert turnover.learning_curve_cost(salary, short, productivity) <= turnover.learning_curve_cost(salary, long, productivity) + 1e-9


@given(salaries, weeks, shares, st.floats(min_value=0.1, max_value=10))
def test_learning_curve_is_proportional_to_the_salary(salary, span, productivity, factor):
    assert turnover.learning_curve_cost(salary * factor, span, productivity) == pytest.approx(
        factor * turnover.learning_curve_cost(salary, span, productivity), rel=1e-9, abs=1e-9
    )


@given(
    st.one_of(st.floats(allow_nan=True, allow_infinity=True), st.integers(), st.text(), st.none()),
    st.one_of(st.floats(allow_nan=True, allow_infinity=True), st.integers(), st.none()),
    st.one_of(st.floats(allow_nan=True, allow_infinity=True), st.text(), st.none()),
)
def test_any_input_gives_a_finite_cost_or_a_value_error(salary, span, productivity):
    try:
        cost = turnover.turnover_cost(salary, weeks_to_full_productivity=span, productivity_while_learning=productivity)
    except ValueError:
        return
    assert math.isfinite(cost.total) and math.isfinite(cost.share_of_salary)


# ---- the form ---------------------------------------------------------------------------


def _html_outputs(form):
    return [item.data if hasattr(item, "data") else item.to_html() for item in form.results()]


def test_form_shows_the_course_example():
    texts = _html_outputs(sheet.TurnoverCostForm())
    assert any("Cost of one departure: $9,453.85</strong>, 26.3% of the $36,000.00 salary" in text for text in texts)
    assert any("21% of salary: $7,560.00" in text for text in texts)
    assert any("$4,153.85" in text and "Performance differential" in text for text in texts)
    assert any('alt="Stacked bar chart of the cost of one departure from This job' in text for text in texts)


def test_form_updates_when_an_input_changes():
    form = sheet.TurnoverCostForm()
    form.controls["productivity_while_learning"].value = 1.0
    assert any("Cost of one departure: $5,300.00" in text for text in _html_outputs(form))


def test_form_given_some_items_starts_the_others_at_zero():
    form = sheet.TurnoverCostForm(salary=52000, weeks_to_full_productivity=0, productivity_while_learning=1, advertising=800)
    assert form.estimate().total == 800


def test_form_shows_a_message_instead_of_a_traceback():
    form = sheet.TurnoverCostForm()
    form.controls["salary"].value = 0
    texts = _html_outputs(form)
    assert len(texts) == 1
    assert 'role="alert"' in texts[0] and "salary must be more than 0" in texts[0]


def test_form_rejects_an_unknown_starting_value():
    with pytest.raises(ValueError, match="TurnoverCostForm does not know wage"):
        sheet.TurnoverCostForm(wage=10)


def test_category_table_has_a_total_row():
    shown = sheet.category_table(_example())
    assert shown.loc["Total", "Amount"] == "$9,453.85"
    assert shown.loc["Learning curve", "Amount"] == "$4,153.85"


# ---- the chart --------------------------------------------------------------------------


def _texts(figure) -> list[str]:
    return [text.get_text().replace("\n", " ") for text in figure.findobj(match=lambda o: hasattr(o, "get_text"))]


def test_chart_names_every_job_and_line(sample):
    comparison = turnover.compare_jobs(sample)
    figure = sheet.cost_by_category_chart(comparison)
    texts = _texts(figure)
    for name in comparison["job"]:
        assert name in texts
    for spec in turnover.CATEGORIES.values():
        assert spec.label in texts
    assert "Boushey & Glynn (2012) median: 21% of salary" in texts
    assert "Cost of one departure (share of salary in parentheses)" in texts
    assert " $9,454 (26%)" in texts


def test_chart_has_a_white_background_and_draws():
    figure = sheet.cost_by_category_chart(_example().as_row())
    assert mcolors.to_hex(figure.get_facecolor()) == "#ffffff"
    assert mcolors.to_hex(figure.axes[0].get_facecolor()) == "#ffffff"
    assert figure._repr_png_().startswith(b"\x89PNG")
    assert len(figure.axes[0].patches) == 5


def test_chart_without_the_median_marker():
    texts = _texts(sheet.cost_by_category_chart(_example().as_row(), median_marker=False))
    assert "Boushey & Glynn (2012) median: 21% of salary" not in texts


def test_chart_rejects_a_table_that_is_not_the_results():
    with pytest.raises(ValueError, match="column 'separation' is missing. Expected columns: job, salary"):
        sheet.cost_by_category_chart(pd.DataFrame({"job": ["A"], "salary": [1], "share_of_salary": [0.1], "total": [1]}))


def test_description_of_one_job():
    text = sheet.describe_cost_by_category(_example().as_row("Agent"))
    assert text.startswith("Stacked bar chart of the cost of one departure from Agent: $9,453.85 in all, 26.3%")
    assert "learning curve $4,153.85" in text and "$7,560.00" in text


def test_description_of_several_jobs(sample):
    text = sheet.describe_cost_by_category(turnover.compare_jobs(sample))
    assert text.startswith(f"Stacked bar chart of the cost of one departure for {len(sample)} jobs")
    assert "Diamonds mark 21% of each salary" in text


# ---- the printable form and the worksheet page -------------------------------------------


def test_printable_form_lists_every_line_and_the_formula():
    html = render_html(load_form("turnover"))
    for label in ("Separation: exit interview", "Vacancy: margin on lost sales", "Learning curve: salary ÷ 52 × weeks × (1 − productivity)"):
        assert label in html
    assert "21% of salary" in html


def test_form_page_uses_the_directive(root):
    text = (root / "book/apply/forms/turnover-cost-form.md").read_text()
    assert text.startswith("# Printable form: employee turnover cost worksheet")
    assert "```{printable-form} turnover\n```" in text
    assert "../tools/turnover-cost-worksheet.ipynb" in text


def test_worksheet_links_the_chapter_and_says_the_numbers_are_illustrative(root):
    notebook = nbformat.read(root / "book/apply/tools/turnover-cost-worksheet.ipynb", as_version=4)
    text = "\n".join(cell.source for cell in notebook.cells if cell.cell_type == "markdown")
    assert "../../learn/employee-capability.md" in text
    assert "course's own illustrative numbers" in text
    assert "No primary study" in text
    alts = [cell.metadata["mystnb"]["image"]["alt"] for cell in notebook.cells if "mystnb" in cell.metadata]
    assert len(alts) == 2 and all(alt.startswith("Stacked bar chart") for alt in alts)


# ---- the exercise -----------------------------------------------------------------------


WRONG = {
    "q1": (8307.69, "That is 12 full weeks of pay"),
    "q2": (0.2626, "as a decimal"),
    "q3": (1384.62, "saving per hire"),
    "q4": ("shrm", "No primary SHRM study"),
}


@pytest.mark.parametrize("name", sorted(WRONG))
def test_check_fails_on_a_wrong_answer_and_says_why(name):
    question = practice.exercise.questions[name]
    value, reason = WRONG[name]
    practice.bind({question.variable: value})
    feedback = question.check()
    assert feedback.status == "Incorrect"
    assert reason in feedback.message


def test_leaving_out_the_learning_curve_is_explained():
    practice.bind({"share_q2": 14.72})
    assert "left out the learning curve" in practice.q2.check().message


def test_hints_and_solutions_are_available():
    assert "52" in practice.q1.hint().message
    assert "$4,153.85" in practice.q1.solution().message
    assert "$13,846.15" in practice.q3.solution().message
