"""Employee turnover cost as tables: one departure line by line, several jobs from a file."""

from __future__ import annotations

import pandas as pd
import pytest

from customer_focus.core import tables
from customer_focus.tools.spec import load_spec
from customer_focus.tools.turnover_cost import calc, table

SAMPLE = "book/apply/tools/data/turnover-cost-sample"


def _example() -> calc.TurnoverCost:
    return calc.turnover_cost(**calc.course_example())


def test_by_category_has_the_five_lines_with_cascio_categories():
    lines = table.by_category(_example())
    assert lines["category"].tolist() == [
        "Separation", "Vacancy", "Replacement (hiring)", "Training", "Learning curve",
    ]
    cascio = dict(zip(lines["category"], lines["cascio"], strict=True))
    assert cascio["Separation"] == "Separation costs (Cascio)"
    assert cascio["Replacement (hiring)"] == "Replacement costs (Cascio)"
    assert cascio["Training"] == "Training costs (Cascio)"
    assert "Performance differential (Cascio & Boudreau)" == cascio["Learning curve"]
    assert "performance differential" in cascio["Vacancy"]
    assert lines["share_of_total"].sum() == pytest.approx(1.0)


def test_items_table_lists_every_line_item_and_the_learning_curve():
    items = table.line_items(_example())
    assert items["item"].tolist() == [*calc.LINE_ITEMS, "learning_curve"]
    assert items["amount"].sum() == pytest.approx(_example().total)
    assert items.set_index("item").loc["checks", "category"] == "Replacement (hiring)"


def test_as_row_has_the_compare_jobs_columns():
    row = table.as_row(_example(), "Agent")
    assert row.columns.tolist() == ["job", "salary", *calc.CATEGORIES, "total", "share_of_salary"]
    assert row.loc[0, "job"] == "Agent"
    assert table.as_row(_example()).loc[0, "job"] == "This job"


def test_the_columns_are_the_specs_and_an_input_column_says_what_its_field_says():
    assert table.JOB_COLUMNS == load_spec("turnover_cost").tables["jobs"].helps
    assert table.JOB_COLUMNS["advertising"] == calc.FIELDS["advertising"].help
    assert list(table.JOB_COLUMNS)[:4] == [
        "job", "salary", "weeks_to_full_productivity", "productivity_while_learning",
    ]


# ---- several jobs from a file -------------------------------------------------------------


@pytest.fixture
def sample(root):
    return tables.read_table(root / f"{SAMPLE}.csv")


def test_sample_file_has_8_to_15_jobs_and_every_column(sample, root):
    assert 8 <= len(sample) <= 15
    assert set(table.JOB_COLUMNS) <= set(sample.columns)
    excel = tables.read_table(root / f"{SAMPLE}.xlsx")
    pd.testing.assert_frame_equal(sample, excel)


def test_compare_jobs_reproduces_the_course_example_in_the_first_row(sample):
    result = table.compare_jobs(sample)
    assert result.columns.tolist() == [
        "job", "salary", *calc.CATEGORIES, "total", "share_of_salary",
    ]
    assert result.loc[0, "total"] == pytest.approx(_example().total)
    assert result["total"].tolist() == pytest.approx(
        result[list(calc.CATEGORIES)].sum(axis=1).tolist()
    )
    assert not result.isna().any().any()


def test_compare_jobs_matches_turnover_cost_row_by_row(sample):
    result = table.compare_jobs(sample)
    for position, row in sample.iterrows():
        expected = calc.turnover_cost(**{k: v for k, v in row.items() if k != "job"})
        assert result.loc[position, "total"] == pytest.approx(expected.total)


def test_compare_jobs_counts_missing_and_empty_items_as_zero_and_keeps_extra_columns():
    jobs = pd.DataFrame(
        {
            "job": ["A", "B"], "department": ["Sales", "Service"], "salary": [52000, 52000],
            "weeks_to_full_productivity": [10, 0], "productivity_while_learning": [0.5, 1.0],
            "advertising": [500, None], "hr_admin": ["", 100],
        }
    )
    result = table.compare_jobs(jobs)
    assert result["department"].tolist() == ["Sales", "Service"]
    assert result["replacement"].tolist() == [500, 0]
    assert result["separation"].tolist() == [0, 100]
    assert result["learning_curve"].tolist() == pytest.approx([5000, 0])


# ---- bad input: a message that names the column and the line ------------------------------


def test_compare_jobs_names_a_missing_column_and_lists_expected():
    jobs = pd.DataFrame(
        {"job": ["A"], "salary": [1], "weeks_to_full_productivity": [1], "productivity": [0.5]}
    )
    with pytest.raises(ValueError) as caught:
        table.compare_jobs(jobs)
    message = str(caught.value)
    assert "missing column 'productivity_while_learning'" in message
    assert "found 'productivity': a misspelling?" in message
    assert (
        "Expected columns: job, salary, weeks_to_full_productivity, productivity_while_learning; "
        "optional: exit_interview"
    ) in message


def test_compare_jobs_notes_a_misspelled_optional_column(capsys):
    jobs = pd.DataFrame(
        {
            "job": ["A"], "salary": [1000], "weeks_to_full_productivity": [1],
            "productivity_while_learning": [0.5], "advertsing": [500],
        }
    )
    result = table.compare_jobs(jobs)
    assert result["replacement"].tolist() == [0]  # left out, as the note says; kept as typed
    assert result["advertsing"].tolist() == [500]
    assert capsys.readouterr().out.startswith(
        "the table: column 'advertsing' (did you mean 'advertising'?) is not one the worksheet "
        "reads, so its values are left out of the calculation"
    )


def test_compare_jobs_names_the_line_of_a_bad_productivity(tmp_path):
    path = tmp_path / "jobs.csv"
    path.write_text(
        "job,salary,weeks_to_full_productivity,productivity_while_learning\n"
        "A,30000,4,0.5\nB,40000,6,50\n"
    )
    message = r"productivity_while_learning.*jobs.csv line 3: 50.*0.8 for 80%"
    with pytest.raises(ValueError, match=message):
        table.compare_jobs(tables.read_table(path))


def test_compare_jobs_names_the_line_of_text_in_an_item_column(tmp_path):
    path = tmp_path / "jobs.csv"
    path.write_text(
        "job,salary,weeks_to_full_productivity,productivity_while_learning,checks\n"
        "A,30000,4,0.5,about 300\n"
    )
    message = r"column 'checks' .*must hold a number of at least 0 .*jobs.csv line 2: 'about 300'"
    with pytest.raises(ValueError, match=message):
        table.compare_jobs(tables.read_table(path))


def test_compare_jobs_names_the_line_of_weeks_out_of_range(tmp_path):
    path = tmp_path / "jobs.csv"
    path.write_text(
        "job,salary,weeks_to_full_productivity,productivity_while_learning\nA,30000,600,0.5\n"
    )
    message = r"column 'weeks_to_full_productivity' .*a number from 0 to 520 .*jobs.csv line 2: 600"
    with pytest.raises(ValueError, match=message):
        table.compare_jobs(tables.read_table(path))


def test_compare_jobs_rejects_a_zero_salary_by_row():
    jobs = pd.DataFrame(
        {
            "job": ["A", "B"], "salary": [30000, 0], "weeks_to_full_productivity": [1, 1],
            "productivity_while_learning": [0.5, 0.5],
        }
    )
    message = r"column 'salary' .*must be more than 0 in every row; row 2 holds 0"
    with pytest.raises(ValueError, match=message):
        table.compare_jobs(jobs)


def test_compare_jobs_rejects_an_empty_job_name():
    jobs = pd.DataFrame(
        {
            "job": ["A", " "], "salary": [1, 2], "weeks_to_full_productivity": [1, 1],
            "productivity_while_learning": [0.5, 0.5],
        }
    )
    with pytest.raises(ValueError, match="column 'job' must name every job; row 2 is empty"):
        table.compare_jobs(jobs)


def test_compare_jobs_rejects_an_empty_table():
    jobs = pd.DataFrame(
        columns=["job", "salary", "weeks_to_full_productivity", "productivity_while_learning"]
    )
    with pytest.raises(ValueError, match="has no jobs; add at least one row"):
        table.compare_jobs(jobs)


def test_compare_jobs_rejects_something_that_is_not_a_table():
    with pytest.raises(ValueError, match="expected a table"):
        table.compare_jobs([1, 2, 3])  # type: ignore[arg-type]
