"""The work process tool over a table: timing, value-added share, fail points, the improvement
list, the learner's file, bad input and properties."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest
from hypothesis import given
from hypothesis import strategies as st

from customer_focus.core import tables
from customer_focus.tools.work_process import table as wp


def _steps() -> pd.DataFrame:
    return pd.DataFrame(
        {
            "step": [
                "Book", "Repeat details", "Wait for a bay", "Diagnose", "Repair",
                "Wait for the driver",
            ],
            "minutes": [6, 8, 95, 35, 90, 60],
            "adds_value": ["no", "NO", "n", "yes", "Y", "false"],
            "fail_point": ["yes", "1", "no", "0", "TRUE", "no"],
            "what_goes_wrong": [
                "Not confirmed in writing", "Copied by hand", None, "", "Part missing", "",
            ],
        }
    )


# ---- the analysis ------------------------------------------------------------------------


def test_analysis_times_each_step_and_says_what_to_improve():
    analysis = wp.analyze_process(_steps())
    assert analysis["order"].tolist() == [1, 2, 3, 4, 5, 6]
    assert analysis["adds_value"].tolist() == [False, False, False, True, True, False]
    assert analysis["fail_point"].tolist() == [True, True, False, False, True, False]
    assert analysis["start_minute"].tolist() == [0, 6, 14, 109, 144, 234]
    assert analysis["end_minute"].tolist() == [6, 14, 109, 144, 234, 294]
    assert analysis["share_of_time"].sum() == pytest.approx(1)
    assert analysis.loc[2, "share_of_time"] == pytest.approx(95 / 294)
    assert analysis.loc[2, "to_improve"].startswith(
        "No value for the customer (95 min, 32% of the time). Remove it"
    )
    assert analysis.loc[4, "to_improve"].startswith("Fail point: Part missing. Make it fail-safe")
    assert analysis.loc[3, "to_improve"] == ""
    assert analysis.loc[2, "what_goes_wrong"] == ""


def test_summary_counts_time_share_and_fail_points():
    summary = wp.process_summary(_steps())
    assert summary == {
        "steps": 6,
        "total_minutes": 294.0,
        "value_added_minutes": 125.0,
        "value_added_share": pytest.approx(125 / 294),
        "non_value_added_minutes": 169.0,
        "fail_points": 3,
        "steps_to_improve": 5,
    }


def test_summary_counts_customer_minutes_when_given():
    summary = wp.process_summary(
        _steps().assign(customer_sees=["yes", "yes", "no", "no", "no", "no"])
    )
    assert summary["customer_minutes"] == 14.0


def test_summary_accepts_the_analysis_itself():
    analysis = wp.analyze_process(_steps())
    assert wp.process_summary(analysis) == wp.process_summary(_steps())


def test_improvement_list_ranks_waste_by_time_then_lists_other_fail_points():
    listing = wp.where_to_improve(_steps())
    assert listing["priority"].tolist() == [1, 2, 3, 4, 5]
    assert listing["step"].tolist() == [
        "Wait for a bay", "Wait for the driver", "Repeat details", "Book", "Repair",
    ]
    assert listing["order"].tolist() == [3, 6, 2, 1, 5]


def test_equal_times_keep_process_order():
    table = _steps().assign(minutes=[10, 10, 10, 10, 10, 10])
    assert wp.where_to_improve(table)["order"].tolist() == [1, 2, 3, 6, 5]


def test_nothing_to_improve_gives_an_empty_list_with_columns():
    table = _steps().assign(adds_value="yes", fail_point="no")
    listing = wp.where_to_improve(table)
    assert listing.empty and "to_improve" in listing.columns


def test_other_columns_are_kept():
    analysis = wp.analyze_process(_steps().assign(who="adviser"))
    assert analysis["who"].tolist() == ["adviser"] * 6


def test_sample_file_reads_the_same_as_csv_and_excel(root):
    folder = root / "book/apply/tools/data"
    csv = tables.read_table(folder / "work-process-sample.csv")
    excel = tables.read_table(folder / "work-process-sample.xlsx")
    assert csv.equals(excel)
    assert 10 <= len(csv) <= 40
    summary = wp.process_summary(csv)
    assert summary["total_minutes"] == 521 and summary["fail_points"] == 6
    assert wp.where_to_improve(csv)["step"].iloc[0] == "Wait for parts"


def test_the_columns_are_documented_in_the_spec():
    assert list(wp.STEP_COLUMNS) == [
        "step", "minutes", "adds_value", "fail_point", "what_goes_wrong", "who", "customer_sees",
    ]
    assert wp.STEP_COLUMNS["minutes"] == "elapsed time of the step in minutes, waiting included"


# ---- bad input ------------------------------------------------------------------------------


def test_bad_yes_no_in_a_file_names_the_line(tmp_path):
    path = tmp_path / "process.csv"
    _steps().assign(adds_value=["no", "no", "maybe", "yes", "yes", "no"]).to_csv(path, index=False)
    with pytest.raises(ValueError, match=r"column 'adds_value' .*process.csv line 4: 'maybe'"):
        wp.analyze_process(tables.read_table(path))


def test_missing_column_is_named_with_a_suggestion():
    with pytest.raises(ValueError) as caught:
        wp.analyze_process(_steps().rename(columns={"fail_point": "failpoint"}))
    message = str(caught.value)
    assert "missing column 'fail_point' (found 'failpoint': a misspelling?)" in message
    assert "optional: what_goes_wrong, who, customer_sees" in message


def test_negative_minutes_name_the_row():
    with pytest.raises(ValueError, match=r"column 'minutes' .*at least 0.*row 3: -95"):
        wp.analyze_process(_steps().assign(minutes=[6, 8, -95, 35, 90, 60]))


def test_text_minutes_name_the_row():
    with pytest.raises(ValueError, match=r"column 'minutes' .*row 2: 'ten'"):
        wp.analyze_process(_steps().assign(minutes=[6, "ten", 95, 35, 90, 60]))


def test_fail_point_without_description_names_the_row():
    table = _steps()
    table.loc[4, "what_goes_wrong"] = "  "
    with pytest.raises(
        ValueError, match="must say what goes wrong at every fail point; it is empty at row 5"
    ):
        wp.analyze_process(table)


def test_fail_points_need_the_description_column():
    with pytest.raises(
        ValueError,
        match="3 step\\(s\\) are marked as fail points, but there is no 'what_goes_wrong'",
    ):
        wp.analyze_process(_steps().drop(columns="what_goes_wrong"))


def test_no_fail_points_need_no_description_column():
    table = _steps().drop(columns="what_goes_wrong").assign(fail_point="no")
    assert wp.process_summary(table)["fail_points"] == 0


def test_empty_step_name_is_rejected():
    table = _steps()
    table.loc[1, "step"] = ""
    with pytest.raises(ValueError, match="column 'step' must name every step; row 2 is empty"):
        wp.analyze_process(table)


def test_zero_total_time_is_rejected():
    with pytest.raises(ValueError, match="the steps add up to 0 minutes"):
        wp.analyze_process(_steps().assign(minutes=0))


def test_empty_table_is_rejected():
    with pytest.raises(ValueError, match="has no steps"):
        wp.analyze_process(_steps().iloc[:0])


def test_bad_customer_sees_answer_names_the_row():
    table = _steps().assign(customer_sees=["yes", "no", "no", "no", "perhaps", "yes"])
    with pytest.raises(ValueError, match=r"column 'customer_sees' .*row 5: 'perhaps'"):
        wp.analyze_process(table)


# ---- properties --------------------------------------------------------------------------------

step_rows = st.lists(
    st.tuples(st.floats(min_value=0, max_value=1e4), st.booleans(), st.booleans()),
    min_size=1, max_size=20,
).filter(lambda rows: sum(row[0] for row in rows) > 0)


def _table(rows) -> pd.DataFrame:
    return pd.DataFrame(
        {
            "step": [f"S{i}" for i in range(len(rows))],
            "minutes": [row[0] for row in rows],
            "adds_value": ["yes" if row[1] else "no" for row in rows],
            "fail_point": ["y" if row[2] else "n" for row in rows],
            "what_goes_wrong": ["it breaks" if row[2] else "" for row in rows],
        }
    )


@given(step_rows)
def test_times_add_up_and_the_share_is_a_share(rows):
    summary = wp.process_summary(_table(rows))
    assert summary["total_minutes"] == pytest.approx(sum(row[0] for row in rows))
    assert summary["value_added_minutes"] + summary["non_value_added_minutes"] == pytest.approx(
        summary["total_minutes"]
    )
    assert 0 <= summary["value_added_share"] <= 1
    assert summary["fail_points"] == sum(row[2] for row in rows)


@given(step_rows)
def test_the_list_holds_every_waste_step_and_every_fail_point_once(rows):
    listing = wp.where_to_improve(_table(rows))
    expected = {i + 1 for i, row in enumerate(rows) if not row[1] or row[2]}
    assert sorted(listing["order"]) == sorted(expected)
    waste = listing.loc[~listing["adds_value"], "minutes"].tolist()
    assert waste == sorted(waste, reverse=True)
    kinds = (~listing["adds_value"]).tolist()
    # every waste step comes before the value-adding fail points
    assert kinds == sorted(kinds, reverse=True)


@given(step_rows)
def test_the_timeline_is_continuous(rows):
    analysis = wp.analyze_process(_table(rows))
    assert analysis["start_minute"].iloc[0] == 0
    assert np.allclose(
        analysis["start_minute"].iloc[1:].to_numpy(), analysis["end_minute"].iloc[:-1].to_numpy()
    )
