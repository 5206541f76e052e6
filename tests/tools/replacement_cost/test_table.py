"""Specific employee replacement cost as tables: one employee line by line, other shares, and
several employees from a file."""

from __future__ import annotations

import pandas as pd
import pytest

from customer_focus.core import tables
from customer_focus.tools.replacement_cost import calc, exercise, table
from customer_focus.tools.spec import load_spec

SAMPLE = "book/apply/tools/data/replacement-cost-sample"


def _example() -> calc.ReplacementCost:
    return calc.cost_of_losing(**calc.course_example())


def test_as_row_has_the_compare_employees_columns():
    row = table.as_row(_example())
    assert row.columns.tolist() == [
        "employee", "annual_pay", "separation", "vacancy", "replacement", "training",
        "learning_curve", "employee_costs", "customers_who_may_follow", "total", "share_of_pay",
    ]
    assert row.columns.tolist() == table.RESULT_COLUMNS


def test_by_category_has_the_six_lines():
    lines = table.by_category(_example())
    assert lines["category"].tolist() == [label for label, _ in calc.CATEGORIES.values()]
    assert lines["amount"].sum() == pytest.approx(_example().total)


def test_share_scenarios_as_a_table():
    scenarios = table.share_scenarios(_example())
    assert scenarios["share_who_follow"].tolist() == [0.0, 0.1, 0.2, 0.3, 0.5]
    assert scenarios["total"].tolist() == pytest.approx([35000, 86000, 137000, 188000, 290000])
    assert scenarios["customers_following"].tolist() == pytest.approx([0, 3, 6, 9, 15])


def test_the_columns_are_the_specs_and_an_input_column_says_what_its_field_says():
    assert table.EMPLOYEE_COLUMNS == load_spec("replacement_cost").tables["employees"].helps
    assert table.EMPLOYEE_COLUMNS["hiring_fees"] == calc.FIELDS["hiring_fees"].help
    assert "fill this or hourly_rate" in table.EMPLOYEE_COLUMNS["salary"]


# ---- several employees from a file ----------------------------------------------------------


@pytest.fixture
def sample(root):
    return tables.read_table(root / f"{SAMPLE}.csv")


def test_sample_file_has_5_to_10_employees_and_reads_the_same_from_excel(sample, root):
    assert 5 <= len(sample) <= 10
    assert set(table.EMPLOYEE_COLUMNS) <= set(sample.columns)
    pd.testing.assert_frame_equal(sample, tables.read_table(root / f"{SAMPLE}.xlsx"))


def test_compare_employees_reproduces_the_example_and_keeps_the_job(sample):
    result = table.compare_employees(sample)
    assert result.columns.tolist()[:3] == ["employee", "job", "annual_pay"]
    assert result.loc[0, "total"] == pytest.approx(_example().total)
    assert result["total"].tolist() == pytest.approx(
        (result["employee_costs"] + result["customers_who_may_follow"]).tolist()
    )
    assert not result.drop(columns=["job"]).isna().any().any()


def test_compare_employees_matches_the_exercise_for_lena(sample):
    lena = table.compare_employees(sample).set_index("employee").loc["Lena"]
    assert lena["employee_costs"] == pytest.approx(exercise.LENA_EMPLOYEE_COSTS)
    assert lena["total"] == pytest.approx(72290)
    assert lena["annual_pay"] == pytest.approx(40040)


def test_compare_employees_defaults_and_blanks():
    employees = pd.DataFrame(
        {
            "employee": ["Sam", "Ana"], "hourly_rate": [25, None], "salary": [None, 52000],
            "hours_per_week": [40, 40], "weeks_to_full_productivity": [10, 0],
            "productivity_while_learning": [0.5, 1], "vacancy_weeks": [2, ""],
            "cover": ["", "Temp "], "temp_weekly_cost": [None, 2000],
        }
    )
    result = table.compare_employees(employees)
    assert result["vacancy"].tolist() == pytest.approx([1000, 0])  # blank cover = overtime
    assert result["learning_curve"].tolist() == pytest.approx([5000, 0])


def test_compare_employees_uses_the_discount_rate_and_premium_given():
    employees = _table(
        vacancy_weeks=[2, 2], customers_at_risk=[10, 0], customer_margin=[100, 0],
        customer_retention=[0.8, 0], share_who_follow=[1.0, 0],
    )
    result = table.compare_employees(employees, discount_rate=0.2, overtime_premium=1.0)
    assert result.loc[0, "customers_who_may_follow"] == pytest.approx(10 * 100 * 0.8 / 0.4)
    assert result.loc[1, "vacancy"] == pytest.approx(2 * 60000 / 52)


# ---- bad input ------------------------------------------------------------------------------


def _table(**columns):
    base = {
        "employee": ["A", "B"], "salary": [50000, 60000], "hours_per_week": [40, 40],
        "weeks_to_full_productivity": [4, 4], "productivity_while_learning": [0.5, 0.5],
    }
    base.update(columns)
    return pd.DataFrame({key: value for key, value in base.items() if value is not None})


def test_compare_employees_needs_a_pay_column():
    message = "needs a 'salary' column, an 'hourly_rate' column, or both"
    with pytest.raises(ValueError, match=message):
        table.compare_employees(_table(salary=None))


def test_compare_employees_rejects_a_row_with_both_pays():
    with pytest.raises(ValueError, match="row 2 fills both 'salary' and 'hourly_rate'"):
        table.compare_employees(_table(hourly_rate=[None, 30]))


def test_compare_employees_rejects_a_row_with_neither_pay():
    with pytest.raises(ValueError, match="row 1 fills neither 'salary' nor 'hourly_rate'"):
        table.compare_employees(_table(salary=[None, 60000]))


def test_compare_employees_names_a_bad_cover():
    message = r"column 'cover' .*must be one of overtime, temp, uncovered.*row 2: 'agency'"
    with pytest.raises(ValueError, match=message):
        table.compare_employees(_table(cover=["overtime", "agency"]))


def test_compare_employees_names_the_row_of_a_bad_share(tmp_path):
    path = tmp_path / "people.csv"
    _table(share_who_follow=[0.2, 25]).to_csv(path, index=False)
    with pytest.raises(ValueError, match=r"share_who_follow.*people.csv line 3: 25.*0.8 for 80%"):
        table.compare_employees(tables.read_table(path))


def test_compare_employees_prefixes_a_row_problem_with_its_place():
    with pytest.raises(ValueError, match=r"^row 2: hours_per_week must be more than 0"):
        table.compare_employees(_table(hours_per_week=[40, 0]))


def test_compare_employees_checks_its_settings_before_any_row():
    with pytest.raises(ValueError, match=r"^overtime_premium must be a decimal from 0 to 1"):
        table.compare_employees(_table(), overtime_premium=1.5)
    with pytest.raises(ValueError, match=r"^discount_rate must be a decimal"):
        table.compare_employees(_table(), discount_rate=10)


def test_compare_employees_names_a_missing_column():
    message = (
        r"missing column 'weeks_to_full_productivity' \(found 'weeks_to_productivity': "
        r"a misspelling\?\)"
    )
    with pytest.raises(ValueError, match=message):
        table.compare_employees(
            _table(weeks_to_full_productivity=None, weeks_to_productivity=[4, 4])
        )


def test_compare_employees_notes_a_misspelled_optional_column(capsys):
    table.compare_employees(_table(share_who_folow=[0.1, 0.1]))
    assert "column 'share_who_folow' (did you mean 'share_who_follow'?) is not one the " \
        "worksheet reads" in capsys.readouterr().out


def test_compare_employees_rejects_an_empty_name_and_an_empty_table():
    message = "column 'employee' must name every employee; row 1 is empty"
    with pytest.raises(ValueError, match=message):
        table.compare_employees(_table(employee=[None, "B"]))
    with pytest.raises(ValueError, match="has no employees"):
        table.compare_employees(_table().iloc[0:0])
