"""The value equation over a table: alternatives ranked against the current offer, the
learner's file, bad input and properties."""

from __future__ import annotations

import pandas as pd
import pytest
from hypothesis import given
from hypothesis import strategies as st

from customer_focus.core import tables
from customer_focus.tools.value_equation import calc
from customer_focus.tools.value_equation import table as ve


def _offers() -> pd.DataFrame:
    return pd.DataFrame(
        {
            "alternative": [
                "Current", "Rival", "Same-day collection", "Price cut", "Express lane",
                "Closed Saturdays",
            ],
            "results": [7.2, 6.4, 7.2, 7.2, 7.6, 7.2],
            "process_quality": [5.1, 6.0, 6.8, 5.1, 7.2, 4.6],
            "price": [6.0, 5.2, 6.3, 5.2, 8.5, 6.0],
            "access_costs": [7.4, 6.1, 3.9, 7.4, 5.5, 8.0],
        }
    )


LEVERS = calc.LEVERS


# ---- the comparison ------------------------------------------------------------------


def test_compare_alternatives_ranks_and_compares_with_the_first_row():
    result = ve.compare_alternatives(_offers())
    assert result["numerator"].tolist() == pytest.approx([12.3, 12.4, 14.0, 12.3, 14.8, 11.8])
    assert result["denominator"].tolist() == pytest.approx([13.4, 11.3, 10.2, 12.6, 14.0, 14.0])
    assert result["rank"].tolist() == [5, 2, 1, 4, 3, 6]
    assert result["numerator_change"].tolist() == pytest.approx([0, 0.1, 1.7, 0, 2.5, -0.5])
    assert result["denominator_change"].tolist() == pytest.approx([0, -2.1, -3.2, -0.8, 0.6, 0.6])
    assert result.loc[2, "numerator_change_relative"] == pytest.approx(1.7 / 12.3)
    assert result.loc[2, "denominator_change_relative"] == pytest.approx(-3.2 / 13.4)
    assert result["lever"].tolist() == [
        LEVERS["baseline"], LEVERS["both"], LEVERS["both"], LEVERS["denominator"],
        LEVERS["more_for_more"], LEVERS["worse"],
    ]
    assert set(result["scales"]) == {"all four terms scored 1-10; higher cost scores = costlier"}


def test_compare_alternatives_uses_a_named_baseline():
    result = ve.compare_alternatives(_offers(), baseline="Rival")
    assert result.loc[1, "lever"] == LEVERS["baseline"]
    assert result.loc[0, "denominator_change"] == pytest.approx(2.1)
    assert result.loc[0, "lever"] == LEVERS["worse"]


def test_compare_alternatives_in_money_keeps_scores_for_benefits():
    table = _offers().assign(
        price=[120, 100, 130, 108, 150, 120], access_costs=[90, 70, 20, 90, 40, 110]
    )
    result = ve.compare_alternatives(table, costs="money")
    assert result.loc[0, "value_index"] == pytest.approx(12.3 / 210)
    assert result.loc[2, "denominator_change"] == pytest.approx(-60)
    assert "in money" in result.loc[0, "scales"]


def test_compare_alternatives_keeps_extra_columns_and_strips_names():
    table = _offers().assign(notes="x")
    table.loc[0, "alternative"] = "  Current  "
    result = ve.compare_alternatives(table, baseline="Current")
    assert result["notes"].tolist() == ["x"] * 6
    assert result.loc[0, "alternative"] == "Current"


def test_ties_share_a_rank():
    table = _offers().iloc[:2].assign(
        results=[6, 6], process_quality=[6, 6], price=[6, 6], access_costs=[6, 6]
    )
    result = ve.compare_alternatives(table)
    assert result["rank"].tolist() == [1, 1]
    assert result.loc[1, "lever"] == LEVERS["same"]


def test_the_index_is_called_a_ranking_aid():
    assert "ranking aid" in ve.compare_alternatives.__doc__


def test_sample_file_reads_the_same_as_csv_and_excel(root):
    folder = root / "book/apply/tools/data"
    csv = tables.read_table(folder / "value-equation-sample.csv")
    excel = tables.read_table(folder / "value-equation-sample.xlsx")
    assert csv.equals(excel)
    assert 10 <= len(csv) <= 40
    result = ve.compare_alternatives(csv, baseline="Current service")
    assert result.loc[0, "alternative"] == "Current service"
    assert LEVERS["worse"] in set(result["lever"]) and LEVERS["both"] in set(result["lever"])


def test_the_columns_are_documented_in_the_spec():
    assert list(ve.ALTERNATIVE_COLUMNS) == [
        "alternative", "results", "process_quality", "price", "access_costs",
    ]
    assert "not your cost of winning customers" in ve.ALTERNATIVE_COLUMNS["access_costs"]


# ---- bad input: a ValueError that names the column and the row ---------------------------


def test_missing_column_is_named_with_a_suggestion():
    table = _offers().rename(columns={"access_costs": "access_cost"})
    with pytest.raises(ValueError) as caught:
        ve.compare_alternatives(table)
    message = str(caught.value)
    assert "missing column 'access_costs' (found 'access_cost': a misspelling?)" in message
    assert "Expected columns: alternative, results, process_quality, price, access_costs" in message


def test_mixed_scales_name_the_row():
    table = _offers()
    table.loc[2, "price"] = 120
    with pytest.raises(
        ValueError, match=r"column 'price' .*costs='money' for every row.*row 3: 120"
    ):
        ve.compare_alternatives(table)


def test_negative_money_in_a_table_names_the_row():
    table = _offers().assign(price=[120, -1, 130, 108, 150, 120], access_costs=50)
    with pytest.raises(ValueError, match=r"column 'price' .*at least 0.*row 2: -1"):
        ve.compare_alternatives(table, costs="money")


def test_zero_money_denominator_in_a_table_names_the_row():
    table = _offers().assign(
        price=[120, 0, 130, 108, 150, 120], access_costs=[50, 0, 1, 1, 1, 1]
    )
    with pytest.raises(ValueError, match="price \\+ access_costs is 0 at row 2"):
        ve.compare_alternatives(table, costs="money")


def test_empty_name_is_rejected():
    table = _offers()
    table.loc[3, "alternative"] = " "
    with pytest.raises(
        ValueError, match="column 'alternative' must name every alternative; row 4 is empty"
    ):
        ve.compare_alternatives(table)


def test_repeated_name_is_rejected():
    table = _offers()
    table.loc[3, "alternative"] = "Rival"
    with pytest.raises(ValueError, match="'Rival' appears at row 2 and row 4"):
        ve.compare_alternatives(table)


def test_unknown_baseline_lists_the_names():
    with pytest.raises(
        ValueError,
        match=r"baseline must name one of the alternatives.*'Today'.*'Current', 'Rival'",
    ):
        ve.compare_alternatives(_offers(), baseline="Today")


def test_empty_table_is_rejected():
    with pytest.raises(ValueError, match="has no alternatives"):
        ve.compare_alternatives(_offers().iloc[:0])


def test_unknown_scale_is_rejected():
    with pytest.raises(ValueError, match="costs must be 'score'"):
        ve.compare_alternatives(_offers(), costs="euros")


def test_file_errors_name_the_file_and_line(tmp_path):
    path = tmp_path / "offers.csv"
    _offers().assign(results=["7", "six", 7, 7, 7, 7]).to_csv(path, index=False)
    with pytest.raises(ValueError, match="offers.csv line 3: 'six'"):
        ve.compare_alternatives(tables.read_table(path))


# ---- properties -------------------------------------------------------------------------

scores = st.floats(min_value=1, max_value=10)


@given(st.lists(st.tuples(scores, scores, scores, scores), min_size=1, max_size=8))
def test_comparison_orders_by_index_and_baseline_has_no_change(rows):
    table = pd.DataFrame(rows, columns=["results", "process_quality", "price", "access_costs"])
    table.insert(0, "alternative", [f"A{i}" for i in range(len(rows))])
    result = ve.compare_alternatives(table)
    assert result.loc[0, "numerator_change"] == 0 and result.loc[0, "denominator_change"] == 0
    best = result["value_index"].max()
    assert (result.loc[result["rank"] == 1, "value_index"] == best).all()
    for _, row in result.iterrows():
        assert row["value_index"] == pytest.approx(row["numerator"] / row["denominator"])
        assert row["value_index"] == pytest.approx(
            calc.value_index(row["results"], row["process_quality"], row["price"],
                             row["access_costs"])
        )
