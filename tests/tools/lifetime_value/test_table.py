"""Lifetime value over tables: the schedule, customers side by side, the learner's file."""

from __future__ import annotations

import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from customer_focus.core import cases, tables
from customer_focus.tools.lifetime_value import calc, table


def test_schedule_table_has_the_documented_columns_and_numbers():
    schedule = table.lifetime_value_schedule(100, 0.8, 0.1, years=10)
    assert list(schedule.columns) == [
        "year", "survival", "expected_margin", "discount_factor", "present_value",
        "cumulative_value",
    ]
    assert schedule["year"].tolist() == list(range(1, 11))
    assert schedule["present_value"].round(2).tolist()[:3] == [72.73, 52.89, 38.47]
    assert schedule["cumulative_value"].iloc[-1] == pytest.approx(255.63, abs=0.005)


@settings(deadline=None)  # building a DataFrame takes longer than hypothesis's default allows
@given(
    st.floats(min_value=-1e6, max_value=1e6), st.floats(min_value=0, max_value=0.99),
    st.floats(min_value=0, max_value=0.5), st.integers(min_value=1, max_value=60),
)
def test_schedule_table_holds_exactly_what_calc_computes(margin, retention, discount, years):
    rows = calc.schedule(margin, retention, discount, years=years)
    schedule = table.lifetime_value_schedule(margin, retention, discount, years=years)
    assert schedule.to_dict("records") == rows


def test_compare_customers_answers_the_opening_case():
    comparison = table.compare_customers(cases.opening_case(), discount_rate=0.10)
    new, loyal = comparison.iloc[0], comparison.iloc[1]
    assert new["lifetime_value"] == pytest.approx(30000 * 0.25 / 0.85)
    assert new["net_value"] == pytest.approx(30000 * 0.25 / 0.85 - 20000)
    assert loyal["net_value"] == pytest.approx(108000)
    assert comparison["rank"].tolist() == [2, 1]
    assert comparison["expected_years"].tolist() == pytest.approx([1 / 0.75, 10])


def test_compare_customers_without_acquisition_cost_column_uses_zero():
    customers = pd.DataFrame({"customer": ["A"], "annual_margin": [100], "retention_rate": [0.8]})
    result = table.compare_customers(customers)
    assert result["acquisition_cost"].tolist() == [0.0]
    assert result["net_value"].tolist() == pytest.approx([266.6667], abs=1e-3)


def test_compare_customers_keeps_extra_columns():
    customers = pd.DataFrame(
        {"customer": ["A"], "annual_margin": [100], "retention_rate": [0.8], "segment": ["retail"]}
    )
    assert table.compare_customers(customers)["segment"].tolist() == ["retail"]


def test_the_columns_are_documented_in_the_spec():
    assert list(table.COMPARISON_COLUMNS) == [
        "customer", "annual_margin", "retention_rate", "acquisition_cost",
    ]
    assert "0.8 for 80%" in table.COMPARISON_COLUMNS["retention_rate"]


def test_compare_customers_names_a_missing_column_and_lists_expected():
    customers = pd.DataFrame({"customer": ["A"], "annual_margin": [1], "retention": [0.8]})
    with pytest.raises(ValueError) as caught:
        table.compare_customers(customers)
    message = str(caught.value)
    assert "missing column 'retention_rate'" in message
    assert "found 'retention': a misspelling?" in message
    assert "Expected columns: customer, annual_margin, retention_rate" in message


def test_compare_customers_names_the_row_of_a_bad_rate():
    customers = pd.DataFrame(
        {"customer": ["A", "B"], "annual_margin": [1, 2], "retention_rate": [0.8, 85]}
    )
    with pytest.raises(ValueError, match=r"retention_rate.*row 2: 85.*0.8 for 80%"):
        table.compare_customers(customers)


def test_compare_customers_rejects_an_empty_name():
    customers = pd.DataFrame(
        {"customer": ["A", " "], "annual_margin": [1, 2], "retention_rate": [0.8, 0.5]}
    )
    with pytest.raises(ValueError, match="row 2 is empty"):
        table.compare_customers(customers)


def test_compare_customers_rejects_an_empty_table():
    with pytest.raises(ValueError, match="has no customers"):
        table.compare_customers(cases.opening_case().iloc[0:0])


def test_missing_column_message_names_the_file_and_suggests_spelling(tmp_path):
    path = tmp_path / "mine.csv"
    path.write_text("customer,anual_margin,retention_rate\nA,100,0.8\n")
    with pytest.raises(ValueError) as caught:
        table.compare_customers(tables.read_table(path))
    message = str(caught.value)
    assert message.startswith(
        "mine.csv: missing column 'annual_margin' (found 'anual_margin': a misspelling?)"
    )
    assert (
        "Expected columns: customer, annual_margin, retention_rate; optional: acquisition_cost"
        in message
    )


def test_bad_cell_message_names_the_line_of_the_file(tmp_path):
    path = tmp_path / "mine.csv"
    path.write_text("customer,annual_margin,retention_rate\nA,100,0.8\nB,lots,0.5\nC,,0.5\n")
    with pytest.raises(ValueError) as caught:
        table.compare_customers(tables.read_table(path))
    message = str(caught.value)
    assert "column 'annual_margin'" in message
    assert "mine.csv line 3: 'lots'" in message
    assert "mine.csv line 4: empty" in message


def test_bad_cell_in_excel_names_the_row(tmp_path):
    path = tmp_path / "mine.xlsx"
    customers = pd.DataFrame({"customer": ["A"], "annual_margin": [100], "retention_rate": [1.5]})
    customers.to_excel(path, index=False)
    with pytest.raises(ValueError, match="mine.xlsx row 2: 1.5"):
        table.compare_customers(tables.read_table(path))


def test_the_sample_file_compares_cleanly(root):
    customers = tables.read_table(root / "book/apply/tools/data/clv-customers-sample.csv")
    comparison = table.compare_customers(customers)
    assert sorted(comparison["rank"]) == list(range(1, len(customers) + 1))


def test_a_list_saved_by_excel_in_taiwan_compares_with_its_chinese_names(tmp_path):
    path = tmp_path / "客戶.csv"
    path.write_bytes(
        "customer,annual_margin,retention_rate\r\n高價值客戶,2400,0.9\r\n一般客戶,800,0.6\r\n"
        .encode("cp950")
    )
    comparison = table.compare_customers(tables.read_table(path), discount_rate=0.1)
    assert comparison["customer"].tolist() == ["高價值客戶", "一般客戶"]
    assert comparison["lifetime_value"].tolist() == [
        calc.lifetime_value(2400, 0.9, 0.1), calc.lifetime_value(800, 0.6, 0.1),
    ]
