"""Reading the learner's files: clear errors for every kind of bad input."""

from __future__ import annotations

import pandas as pd
import pytest

from customer_focus import clv, tables


def test_reads_the_sample_csv(root):
    table = tables.read_table(root / "book/apply/tools/data/clv-customers-sample.csv")
    assert list(table.columns) == ["customer", "annual_margin", "retention_rate", "acquisition_cost"]
    assert len(table) == 6
    assert table.attrs["source"] == "clv-customers-sample.csv"


def test_csv_and_excel_round_trip(tmp_path):
    original = clv.opening_case()
    for name in ("out.csv", "out.xlsx"):
        written = tables.write_table(original, tmp_path / "sub" / name)
        again = tables.read_table(written)
        pd.testing.assert_frame_equal(again, original, check_dtype=False)


def test_rejects_a_file_that_is_not_csv_or_excel(tmp_path):
    path = tmp_path / "customers.pdf"
    path.write_bytes(b"%PDF-1.4")
    with pytest.raises(ValueError, match=r"customers.pdf: the worksheets read CSV \(.csv\) or Excel \(.xlsx\)"):
        tables.read_table(path)


def test_rejects_a_missing_file(tmp_path):
    with pytest.raises(ValueError, match="no such file"):
        tables.read_table(tmp_path / "nothing.csv")


def test_rejects_a_corrupt_excel_file(tmp_path):
    path = tmp_path / "broken.xlsx"
    path.write_text("this is not a workbook")
    with pytest.raises(ValueError, match="broken.xlsx: could not be read as a Excel file|broken.xlsx: could not be read as an? Excel file"):
        tables.read_table(path)


def test_write_rejects_other_endings(tmp_path):
    with pytest.raises(ValueError, match="can be saved as .csv or .xlsx"):
        tables.write_table(clv.opening_case(), tmp_path / "x.json")


def test_missing_column_message_names_the_file_and_suggests_spelling(tmp_path):
    path = tmp_path / "mine.csv"
    path.write_text("customer,anual_margin,retention_rate\nA,100,0.8\n")
    table = tables.read_table(path)
    with pytest.raises(ValueError) as caught:
        clv.compare_customers(table)
    message = str(caught.value)
    assert message.startswith("mine.csv: missing column 'annual_margin' (found 'anual_margin': a misspelling?)")
    assert "Expected columns: customer, annual_margin, retention_rate; optional: acquisition_cost" in message


def test_bad_cell_message_names_the_line_of_the_file(tmp_path):
    path = tmp_path / "mine.csv"
    path.write_text("customer,annual_margin,retention_rate\nA,100,0.8\nB,lots,0.5\nC,,0.5\n")
    with pytest.raises(ValueError) as caught:
        clv.compare_customers(tables.read_table(path))
    message = str(caught.value)
    assert "column 'annual_margin'" in message
    assert "mine.csv line 3: 'lots'" in message
    assert "mine.csv line 4: empty" in message


def test_bad_cell_in_excel_names_the_row(tmp_path):
    path = tmp_path / "mine.xlsx"
    pd.DataFrame({"customer": ["A"], "annual_margin": [100], "retention_rate": [1.5]}).to_excel(path, index=False)
    with pytest.raises(ValueError, match="mine.xlsx row 2: 1.5"):
        clv.compare_customers(tables.read_table(path))


def test_more_than_five_bad_rows_are_counted():
    table = pd.DataFrame({"x": ["a"] * 8})
    with pytest.raises(ValueError, match=r"\(and 3 more\)"):
        tables.numeric_column(table, "x", meaning="a number")


def test_require_columns_rejects_something_that_is_not_a_table():
    with pytest.raises(ValueError, match="expected a table"):
        tables.require_columns([1, 2], ["customer"])
