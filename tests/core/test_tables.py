"""Reading the learner's files: clear errors for every kind of bad input."""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pytest

from customer_focus.core import tables
from customer_focus.core.fields import Field

CUSTOMERS = pd.DataFrame(
    {"customer": ["A", "B"], "annual_margin": [100.5, 2400.0], "retention_rate": [0.8, 0.25]}
)


def test_reads_the_sample_csv(root):
    table = tables.read_table(root / "book/apply/tools/data/clv-customers-sample.csv")
    assert list(table.columns) == [
        "customer", "annual_margin", "retention_rate", "acquisition_cost",
    ]
    assert len(table) == 6
    assert table.attrs["source"] == "clv-customers-sample.csv"


def test_csv_and_excel_round_trip(tmp_path):
    original = CUSTOMERS
    for name in ("out.csv", "out.xlsx"):
        written = tables.write_table(original, tmp_path / "sub" / name)
        again = tables.read_table(written)
        pd.testing.assert_frame_equal(again, original, check_dtype=False)


def test_a_results_csv_opens_in_excel_on_windows_as_typed(tmp_path):
    """UTF-8 with a byte order mark (Excel's "CSV UTF-8"): Chinese names are not mojibake."""
    chinese = pd.DataFrame({"customer": ["港灣供應", "Café Müller"], "value": [1.5, 2.0]})
    written = tables.write_table(chinese, tmp_path / "results.csv")
    data = written.read_bytes()
    assert data.startswith(b"\xef\xbb\xbf")
    assert data[3:].decode("utf-8").splitlines()[1] == "港灣供應,1.5"
    pd.testing.assert_frame_equal(tables.read_table(written), chinese)


@pytest.mark.parametrize("name", ["results.csv", "results.xlsx"])
def test_a_save_that_fails_half_way_leaves_the_last_whole_file(tmp_path, monkeypatch, name):
    """The file is written beside its place and then moved there: a save that stops half-way
    leaves the previous results as they were, and no scratch file behind."""
    saved = tables.write_table(CUSTOMERS, tmp_path / name)
    before = saved.read_bytes()

    def half(self, path, *args, **kwargs):
        Path(path).write_bytes(b"half a fi")
        raise OSError("disk full")

    monkeypatch.setattr(pd.DataFrame, "to_csv", half)
    monkeypatch.setattr(pd.DataFrame, "to_excel", half)
    with pytest.raises(OSError, match="disk full"):
        tables.write_table(CUSTOMERS.head(1), tmp_path / name)
    assert saved.read_bytes() == before
    assert sorted(path.name for path in tmp_path.iterdir()) == [name]


def test_two_saves_of_one_file_at_once_leave_one_of_them_whole(tmp_path):
    """Two processes saving the same results file (the two editions' builds run a worksheet
    at the same time) leave one save's file, whole: the last one."""
    import threading

    frames = [CUSTOMERS, pd.DataFrame({"customer": ["港灣供應"] * 500, "value": range(500)})]
    threads = [threading.Thread(target=tables.write_table, args=(frame, tmp_path / "out.xlsx"))
               for frame in frames * 3]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    again = tables.read_table(tmp_path / "out.xlsx")
    assert any(again.equals(frame) for frame in frames)
    assert [path.name for path in tmp_path.iterdir()] == ["out.xlsx"]


def test_rejects_a_file_that_is_not_csv_or_excel(tmp_path):
    path = tmp_path / "customers.pdf"
    path.write_bytes(b"%PDF-1.4")
    expected = r"customers.pdf: the worksheets read CSV \(.csv\) or Excel \(.xlsx\)"
    with pytest.raises(ValueError, match=expected):
        tables.read_table(path)


def test_rejects_a_missing_file(tmp_path):
    with pytest.raises(ValueError, match="no such file"):
        tables.read_table(tmp_path / "nothing.csv")


def test_rejects_a_corrupt_excel_file(tmp_path):
    path = tmp_path / "broken.xlsx"
    path.write_text("this is not a workbook")
    with pytest.raises(ValueError, match="broken.xlsx: could not be read as an? Excel file"):
        tables.read_table(path)


def test_write_rejects_other_endings(tmp_path):
    with pytest.raises(ValueError, match="can be saved as .csv or .xlsx"):
        tables.write_table(CUSTOMERS, tmp_path / "x.json")


#: A learner's list as Excel on Windows saves it, by region (written below with Python's codecs).
SAVED = "customer,annual_margin,retention_rate\r\n{first},1200,0.8\r\n{second},900,0.5\r\n"


@pytest.mark.parametrize("codec, first, second, note", [
    ("utf-8", "高價值客戶", "Café €", None),
    ("utf-8-sig", "高價值客戶", "Café €", None),  # Excel's "CSV UTF-8"
    ("cp950", "高價值客戶", "台北門市", "Big5 (Traditional Chinese Windows)"),
    ("cp1252", "Café Müller", "Euro Store €", "Windows-1252 (Western European Windows)"),
])
def test_a_csv_is_read_in_the_encoding_excel_saved_it_in(tmp_path, capsys, codec, first, second,
                                                        note):
    path = tmp_path / "mine.csv"
    path.write_bytes(SAVED.format(first=first, second=second).encode(codec))
    table = tables.read_table(path)
    assert list(table.columns) == ["customer", "annual_margin", "retention_rate"]
    assert table["customer"].tolist() == [first, second]
    assert table["annual_margin"].tolist() == [1200, 900]
    shown = capsys.readouterr().out
    if note is None:
        assert shown == ""
        assert table.attrs["encoding"] == "utf-8"
    else:
        assert shown == f"mine.csv was read as {note}, as Excel saves CSV files on Windows " + (
            "in Taiwan.\n" if codec == "cp950" else "in the US and Western Europe.\n"
        )
        assert table.attrs["encoding"] == codec


def test_a_csv_in_no_encoding_tried_says_which_were_tried_and_how_to_save_it(tmp_path):
    path = tmp_path / "mac.csv"
    path.write_bytes(SAVED.format(first="Åland", second="Öl").encode("mac_roman"))
    with pytest.raises(ValueError) as caught:
        tables.read_table(path)
    message = str(caught.value)
    assert message.startswith("mac.csv: could not be read as text. Tried UTF-8, Big5")
    assert 'File > Save As > "CSV UTF-8 (Comma delimited)"' in message


def test_missing_column_message_names_the_file_and_suggests_spelling(tmp_path):
    path = tmp_path / "mine.csv"
    path.write_text("customer,anual_margin\nA,100\n")
    with pytest.raises(ValueError) as caught:
        tables.require_columns(tables.read_table(path), ["customer", "annual_margin"], ["cost"])
    message = str(caught.value)
    assert message.startswith(
        "mine.csv: missing column 'annual_margin' (found 'anual_margin': a misspelling?)"
    )
    assert "Expected columns: customer, annual_margin; optional: cost" in message


def test_bad_cells_are_named_by_their_line_in_the_file(tmp_path):
    path = tmp_path / "mine.csv"
    path.write_text("margin\n100\nlots\n-5\n", encoding="utf-8")
    with pytest.raises(ValueError) as caught:
        tables.numeric_column(tables.read_table(path), "margin", meaning="the margin", low=0)
    message = str(caught.value)
    assert "mine.csv line 3: 'lots'" in message and "mine.csv line 4: '-5'" in message
    assert "a number of at least 0" in message


def test_rates_typed_as_percentages_get_a_hint():
    table = pd.DataFrame({"r": [0.8, 85]})
    with pytest.raises(ValueError, match=r"row 2: 85.*0.8 for 80%"):
        tables.numeric_column(table, "r", meaning="a rate", low=0, high=1, high_inclusive=False)


def test_more_than_five_bad_rows_are_counted():
    table = pd.DataFrame({"x": ["a"] * 8})
    with pytest.raises(ValueError, match=r"\(and 3 more\)"):
        tables.numeric_column(table, "x", meaning="a number")


def test_require_columns_rejects_something_that_is_not_a_table():
    with pytest.raises(ValueError, match="expected a table"):
        tables.require_columns([1, 2], ["customer"])


def test_format_table_writes_money_percent_and_decimals():
    shown = tables.format_table(
        pd.DataFrame({"m": [-5.0, 1234.5], "r": [0.8, 0.25], "d": [1.23456, 2.0]}),
        money=["m"], percent=["r"], decimals={"d": 2},
    )
    assert shown.to_dict("list") == {
        "m": ["\u2212$5.00", "$1,234.50"], "r": ["80.0%", "25.0%"], "d": ["1.23", "2.00"],
    }


# ---- the checks every worksheet's list needs ---------------------------------------------------


def test_a_misspelled_optional_column_gets_a_note_once_and_other_extra_columns_none(
    tmp_path, capsys
):
    tables.require_columns(pd.DataFrame({"job": ["A"], "department": ["Sales"]}), ["job"],
                           ["advertising", "interviews"])
    assert capsys.readouterr().out == ""
    path = tmp_path / "jobs.csv"
    path.write_text("job,intervews,advertsing,department\nA,1,2,Sales\n", encoding="utf-8")
    jobs = tables.read_table(path)
    for _ in range(2):  # a worksheet may check the same table twice: said once
        tables.require_columns(jobs, ["job"], ["advertising", "interviews"])
    assert capsys.readouterr().out == (
        "jobs.csv: columns 'intervews' (did you mean 'interviews'?), 'advertsing' (did you mean "
        "'advertising'?) are not ones the worksheet reads, so their values are left out of the "
        "calculation; rename them if they should count.\n"
    )


def test_named_rows_checks_the_columns_the_rows_and_the_names(tmp_path):
    columns, required = ["employee", "salary", "fees"], ["employee", "salary"]
    people = pd.DataFrame({"employee": ["Ana", "Sam"], "salary": [1, 2]})
    assert tables.named_rows(
        people, columns, required, names="employee", what="employee"
    ).tolist() == ["Ana", "Sam"]
    with pytest.raises(ValueError, match="missing column 'salary'.*optional: fees"):
        tables.named_rows(people[["employee"]], columns, required, names="employee", what="x")
    with pytest.raises(ValueError, match="has no employees; add at least one row"):
        tables.named_rows(people.iloc[0:0], columns, required, names="employee", what="employee")
    path = tmp_path / "people.csv"
    path.write_text("employee,salary\nAna,1\n,2\n")
    with pytest.raises(ValueError, match="column 'employee' must name every employee; "
                       "people.csv line 3 is empty"):
        tables.named_rows(
            tables.read_table(path), columns, required, names="employee", what="employee"
        )


def test_an_optional_column_counts_missing_and_empty_cells_as_zero_and_names_bad_ones():
    table = pd.DataFrame({"fees": [500, None, "", "lots"]})
    with pytest.raises(ValueError, match=r"column 'fees' \(agency fees\) must hold a number of "
                       r"at least 0 in every row; bad values at row 4: 'lots'"):
        tables.optional_numbers(table, "fees", meaning="agency fees")
    assert tables.optional_numbers(table.iloc[:3], "fees", meaning="fees").tolist() == [500, 0, 0]
    assert tables.optional_numbers(table, "travel", meaning="travel").tolist() == [0.0] * 4


def test_field_limits_follow_the_fields_kind():
    assert tables.field_limits(Field("r", "R", help="r", kind="rate")) == {
        "low": 0.0, "high": 1.0, "high_inclusive": False,
    }
    assert tables.field_limits(Field("w", "W", help="w", min=0, max=520)) == {
        "low": 0, "high": 520, "high_inclusive": True,
    }


def test_yes_no_column_reads_every_spelling():
    table = pd.DataFrame({"a": ["Y", "no", True, 0, " TRUE "]})
    assert tables.yes_no_column(table, "a", meaning="adds value").tolist() == [
        True, False, True, False, True,
    ]


def test_yes_no_column_names_every_bad_row():
    table = pd.DataFrame({"a": ["yes", "maybe", None, "no", "sí"]})
    with pytest.raises(
        ValueError, match=r"column 'a' .*bad values at row 2: 'maybe'; row 3: empty; row 5: 'sí'"
    ):
        tables.yes_no_column(table, "a", meaning="adds value")


def test_name_column_names_the_first_empty_row_of_a_file(tmp_path):
    assert tables.name_column(pd.DataFrame({"s": ["A", 2]}), "s", "step").tolist() == ["A", 2]
    path = tmp_path / "steps.csv"
    pd.DataFrame({"s": ["A", " ", None]}).to_csv(path, index=False)
    with pytest.raises(ValueError, match="column 's' must name every step; steps.csv line 3 is"):
        tables.name_column(tables.read_table(path), "s", "step")


def test_require_output_says_which_function_to_call_first():
    tables.require_output(pd.DataFrame({"a": [1]}), ["a"], reader="chart", maker="plan")
    with pytest.raises(ValueError, match="chart needs the table from plan; column 'b' is missing"):
        tables.require_output(pd.DataFrame({"a": [1]}), ["a", "b"], reader="chart", maker="plan")


def _workbook(path, rows, *, errors=()):
    """Write ``rows`` (the header first) to an .xlsx file with openpyxl, as a spreadsheet would.

    ``errors`` names cells (``"B3"``) that hold a spreadsheet error such as ``#DIV/0!``.
    """
    import openpyxl

    book = openpyxl.Workbook()
    sheet = book.active
    for row in rows:
        sheet.append(row)
    for cell in errors:
        sheet[cell].data_type = "e"
    book.save(path)
    return path


def test_excel_blanks_are_empty_cells_named_by_their_row(tmp_path):
    path = _workbook(
        tmp_path / "mine.xlsx",
        [
            ["customer", "annual_margin", "fees"],
            ["A", 100, 5],
            ["B", None, None],
            [None, 250.5, "  "],
        ],
    )
    table = tables.read_table(path)
    assert list(table.columns) == ["customer", "annual_margin", "fees"]
    assert table.attrs == {"source": "mine.xlsx", "first_line": 2, "line_word": "row"}
    assert table["annual_margin"].isna().tolist() == [False, True, False]
    assert tables.optional_numbers(table, "fees", meaning="fees").tolist() == [5.0, 0.0, 0.0]
    with pytest.raises(ValueError) as caught:
        tables.numeric_column(table, "annual_margin", meaning="the margin", low=0)
    assert "bad values at mine.xlsx row 3: empty." in str(caught.value)
    expected = "column 'customer' must name every customer; mine.xlsx row 4 is empty"
    with pytest.raises(ValueError, match=expected):
        tables.name_column(table, "customer", "customer")


def test_excel_whole_numbers_and_decimals_read_as_numbers(tmp_path):
    path = _workbook(tmp_path / "n.xlsx", [["score", "rate"], [9, 0.25], [10, 1]])
    table = tables.read_table(path)
    assert tables.rating_column(table, "score", meaning="score", low=0, high=10).tolist() == [9, 10]
    rates = tables.numeric_column(table, "rate", meaning="rate", low=0, high=1)
    assert rates.tolist() == [0.25, 1.0]


def test_excel_dates_are_read_as_dates_and_shown_as_typed(tmp_path):
    import datetime

    path = _workbook(
        tmp_path / "dates.xlsx",
        [
            ["customer", "first_order", "margin"],
            ["A", datetime.date(2024, 3, 1), datetime.date(2024, 5, 2)],
            ["B", datetime.datetime(2024, 3, 1, 12, 30), 40],
        ],
    )
    table = tables.read_table(path)
    assert pd.to_datetime(table["first_order"]).tolist() == [
        pd.Timestamp("2024-03-01"), pd.Timestamp("2024-03-01 12:30"),
    ]
    with pytest.raises(ValueError) as caught:
        tables.numeric_column(table, "margin", meaning="the margin", low=0)
    assert "bad values at dates.xlsx row 2: 2024-05-02." in str(caught.value)


def test_excel_error_cells_are_reported_as_empty(tmp_path):
    path = _workbook(tmp_path / "e.xlsx", [["margin"], [5], ["#DIV/0!"]], errors=["A3"])
    with pytest.raises(ValueError) as caught:
        tables.numeric_column(tables.read_table(path), "margin", meaning="the margin")
    assert "bad values at e.xlsx row 3: empty." in str(caught.value)


def test_excel_reads_the_first_sheet_only(tmp_path):
    import openpyxl

    book = openpyxl.Workbook()
    book.active.append(["customer"])
    book.active.append(["first sheet"])
    book.create_sheet("Notes").append(["something else"])
    book.save(tmp_path / "two.xlsx")
    assert tables.read_table(tmp_path / "two.xlsx")["customer"].tolist() == ["first sheet"]


def test_an_empty_workbook_is_a_table_with_no_columns(tmp_path):
    import openpyxl

    openpyxl.Workbook().save(tmp_path / "empty.xlsx")
    table = tables.read_table(tmp_path / "empty.xlsx")
    expected = "empty.xlsx: missing column 'customer'.*Columns found: none"
    with pytest.raises(ValueError, match=expected):
        tables.require_columns(table, ["customer"])


@pytest.mark.parametrize(
    ("name", "content"),
    [
        ("text.xlsx", b"customer,margin\nA,5\n"),
        ("truncated.xlsx", b"PK\x03\x04 cut short"),
        ("macros.xlsm", b"\x00\x01\x02"),
    ],
)
def test_a_file_that_is_not_a_workbook_says_how_to_fix_it(tmp_path, name, content):
    (tmp_path / name).write_bytes(content)
    with pytest.raises(ValueError) as caught:
        tables.read_table(tmp_path / name)
    message = str(caught.value)
    assert message.startswith(f"{name}: could not be read as a Excel file (")
    assert message.endswith("Open it in a spreadsheet program and save it again as Excel.")
    assert "\n" not in message
