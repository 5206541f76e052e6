"""Customer value equation worksheet: the equation, the comparison, bad input, form, chart, exercise."""

from __future__ import annotations

import math

import matplotlib.colors as mcolors
import pandas as pd
import pytest
from hypothesis import given
from hypothesis import strategies as st

from customer_focus import value_equation as ve
from customer_focus.core import tables
from customer_focus.tools.spec import render_html
from customer_focus.practice import value_equation as practice
from customer_focus.worksheets import value_equation as sheet


def _offers() -> pd.DataFrame:
    return pd.DataFrame(
        {
            "alternative": ["Current", "Rival", "Same-day collection", "Price cut", "Express lane", "Closed Saturdays"],
            "results": [7.2, 6.4, 7.2, 7.2, 7.6, 7.2],
            "process_quality": [5.1, 6.0, 6.8, 5.1, 7.2, 4.6],
            "price": [6.0, 5.2, 6.3, 5.2, 8.5, 6.0],
            "access_costs": [7.4, 6.1, 3.9, 7.4, 5.5, 8.0],
        }
    )


def _texts(figure) -> str:
    found = [text.get_text() for text in figure.findobj(lambda artist: hasattr(artist, "get_text"))]
    for axes in figure.axes:
        found += [label.get_text() for label in axes.get_yticklabels()]
        found += [axes.get_xlabel(), axes.get_title()]
    return "\n".join(found)


# ---- FACTS.md section 2: the equation as published ----------------------------------


def test_index_is_results_plus_process_over_price_plus_access_costs():
    assert ve.value_index(7, 5, 6, 7) == pytest.approx((7 + 5) / (6 + 7))
    assert ve.value_index(7, 7, 120, 60, costs="money") == pytest.approx(14 / 180)


def test_the_equation_is_quoted_exactly_with_its_source_and_caution():
    text = ve.__doc__
    assert "Value = (Results produced for the customer + Process quality)" in text
    assert "/ (Price to the customer + Costs of acquiring the service)" in text
    assert "Heskett, Sasser & Schlesinger (1997)" in text
    assert "not a measured ratio" in text and "units do" in text and "not cancel" in text
    assert "raise the numerator or lower the" in text
    assert "not the firm's cost of winning a" in text


def test_printable_form_states_the_equation_and_that_the_index_only_ranks():
    intro = ve.PRINTABLE_FORM.intro
    assert intro.startswith(
        "Value = (Results produced for the customer + Process quality) / (Price to the customer + Costs "
        "of acquiring the service)"
    )
    assert "not a measurement of value" in intro
    html = render_html(ve.PRINTABLE_FORM)
    assert "Current offer" in html and "Index (R+P)/(C1+C2)" in html
    grid = ve.PRINTABLE_FORM.sections[1]
    assert len(grid.row_labels) == 8


def test_every_view_says_the_index_is_a_ranking_aid():
    comparison = ve.compare_alternatives(_offers())
    assert "ranking aid" in ve.value_index.__doc__ and "not a measurement" in ve.value_index.__doc__
    assert "ranking aid" in ve.compare_alternatives.__doc__
    assert "not a measurement of value" in sheet.describe_value_chart(comparison)
    assert sheet.INDEX_NOTE in _texts(sheet.value_equation_chart(comparison))
    assert "Index (ranking only)" in sheet.comparison_table(comparison).columns


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
        ve.LEVERS["baseline"], ve.LEVERS["both"], ve.LEVERS["both"], ve.LEVERS["denominator"],
        ve.LEVERS["more_for_more"], ve.LEVERS["worse"],
    ]
    assert set(result["scales"]) == {"all four terms scored 1-10; higher cost scores = costlier"}


def test_compare_alternatives_uses_a_named_baseline():
    result = ve.compare_alternatives(_offers(), baseline="Rival")
    assert result.loc[1, "lever"] == ve.LEVERS["baseline"]
    assert result.loc[0, "denominator_change"] == pytest.approx(2.1)
    assert result.loc[0, "lever"] == ve.LEVERS["worse"]


def test_compare_alternatives_in_money_keeps_scores_for_benefits():
    table = _offers().assign(price=[120, 100, 130, 108, 150, 120], access_costs=[90, 70, 20, 90, 40, 110])
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
    table = _offers().iloc[:2].assign(results=[6, 6], process_quality=[6, 6], price=[6, 6], access_costs=[6, 6])
    result = ve.compare_alternatives(table)
    assert result["rank"].tolist() == [1, 1]
    assert result.loc[1, "lever"] == ve.LEVERS["same"]


@pytest.mark.parametrize(
    ("up", "down", "key"),
    [
        (1, -1, "both"), (1, 0, "numerator"), (0, -1, "denominator"), (1, 1, "more_for_more"),
        (-1, -1, "less_for_less"), (-1, 1, "worse"), (-1, 0, "less_benefit"), (0, 1, "more_cost"), (0, 0, "same"),
    ],
)
def test_lever_names_every_kind_of_change(up, down, key):
    assert ve.lever(up, down) == ve.LEVERS[key]


def test_lever_of_the_baseline_says_so():
    assert ve.lever(5, -5, baseline=True) == ve.LEVERS["baseline"]


def test_scale_description_names_the_scales():
    assert ve.scale_description("score", 5) == "all four terms scored 1-5; higher cost scores = costlier"
    assert ve.scale_description("money") == "results and process quality scored 1-10; price and other costs in money"


def test_sample_file_reads_the_same_as_csv_and_excel(root):
    folder = root / "book/apply/tools/data"
    csv = tables.read_table(folder / "value-equation-sample.csv")
    excel = tables.read_table(folder / "value-equation-sample.xlsx")
    assert csv.equals(excel)
    assert 10 <= len(csv) <= 40
    result = ve.compare_alternatives(csv, baseline="Current service")
    assert result.loc[0, "alternative"] == "Current service"
    assert ve.LEVERS["worse"] in set(result["lever"]) and ve.LEVERS["both"] in set(result["lever"])


# ---- bad input: a ValueError that names the input and how to fix it ---------------------


def test_score_above_the_scale_says_to_use_money_for_every_row():
    with pytest.raises(ValueError, match=r"price must be a score from 1 to 10 .*you gave 120.*costs='money'.*all rows"):
        ve.value_index(7, 5, 120, 7)


def test_score_of_zero_says_scores_start_at_one():
    with pytest.raises(ValueError, match=r"results must be a score from 1 to 10.*you gave 0.*Scores start at 1"):
        ve.value_index(0, 5, 6, 7)


@pytest.mark.parametrize("value", ["7", None, float("nan"), float("inf"), True])
def test_score_that_is_not_a_number_is_rejected(value):
    with pytest.raises(ValueError, match="process_quality must be a"):
        ve.value_index(7, value, 6, 7)


def test_negative_money_cost_is_rejected():
    with pytest.raises(ValueError, match=r"access_costs must be 0 or more .*you gave -5"):
        ve.value_index(7, 5, 100, -5, costs="money")


def test_zero_money_denominator_is_rejected():
    with pytest.raises(ValueError, match="price \\+ access_costs is 0"):
        ve.value_index(7, 5, 0, 0, costs="money")


def test_unknown_cost_scale_lists_the_choices():
    with pytest.raises(ValueError, match=r"costs must be 'score' .* or 'money' .*you gave 'dollars'"):
        ve.value_index(7, 5, 6, 7, costs="dollars")


@pytest.mark.parametrize("top", [1, 101, 7.5, "10"])
def test_bad_top_score_is_rejected(top):
    with pytest.raises(ValueError, match="top_score must be a whole number from 2 to 100"):
        ve.value_index(1, 1, 1, 1, top_score=top)


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
    with pytest.raises(ValueError, match=r"column 'price' .*costs='money' for every row.*row 3: 120"):
        ve.compare_alternatives(table)


def test_negative_money_in_a_table_names_the_row():
    table = _offers().assign(price=[120, -1, 130, 108, 150, 120], access_costs=50)
    with pytest.raises(ValueError, match=r"column 'price' .*at least 0.*row 2: -1"):
        ve.compare_alternatives(table, costs="money")


def test_zero_money_denominator_in_a_table_names_the_row():
    table = _offers().assign(price=[120, 0, 130, 108, 150, 120], access_costs=[50, 0, 1, 1, 1, 1])
    with pytest.raises(ValueError, match="price \\+ access_costs is 0 at row 2"):
        ve.compare_alternatives(table, costs="money")


def test_empty_name_is_rejected():
    table = _offers()
    table.loc[3, "alternative"] = " "
    with pytest.raises(ValueError, match="column 'alternative' must name every alternative; row 4 is empty"):
        ve.compare_alternatives(table)


def test_repeated_name_is_rejected():
    table = _offers()
    table.loc[3, "alternative"] = "Rival"
    with pytest.raises(ValueError, match="'Rival' appears at row 2 and row 4"):
        ve.compare_alternatives(table)


def test_unknown_baseline_lists_the_names():
    with pytest.raises(ValueError, match=r"baseline must name one of the alternatives.*'Today'.*'Current', 'Rival'"):
        ve.compare_alternatives(_offers(), baseline="Today")


def test_empty_table_is_rejected():
    with pytest.raises(ValueError, match="has no alternatives"):
        ve.compare_alternatives(_offers().iloc[:0])


def test_file_errors_name_the_file_and_line(tmp_path):
    path = tmp_path / "offers.csv"
    _offers().assign(results=["7", "six", 7, 7, 7, 7]).to_csv(path, index=False)
    with pytest.raises(ValueError, match="offers.csv line 3: 'six'"):
        ve.compare_alternatives(tables.read_table(path))


# ---- properties -------------------------------------------------------------------------

scores = st.floats(min_value=1, max_value=10)
money = st.floats(min_value=0.01, max_value=1e6)


@given(scores, scores, scores, scores, st.floats(min_value=0, max_value=9))
def test_raising_the_numerator_raises_the_index(r, p, c1, c2, more):
    higher = min(r + more, 10)
    assert ve.value_index(higher, p, c1, c2) >= ve.value_index(r, p, c1, c2)


@given(scores, scores, scores, scores, st.floats(min_value=0, max_value=9))
def test_lowering_the_denominator_raises_the_index(r, p, c1, c2, less):
    lower = max(c2 - less, 1)
    assert ve.value_index(r, p, c1, lower) >= ve.value_index(r, p, c1, c2)


@given(scores, scores, money, money)
def test_index_is_positive_and_finite(r, p, c1, c2):
    value = ve.value_index(r, p, c1, c2, costs="money")
    assert value > 0 and math.isfinite(value)


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


@given(
    st.one_of(st.floats(allow_nan=True, allow_infinity=True), st.integers(), st.text(), st.none()),
    st.one_of(st.floats(allow_nan=True, allow_infinity=True), st.text(), st.none()),
)
def test_any_input_gives_a_finite_index_or_a_value_error(results, price):
    try:
        value = ve.value_index(results, 5, price, 5)
    except ValueError:
        return
    assert math.isfinite(value)


# ---- the worksheet's form, table and chart -----------------------------------------------


def _html_outputs(form):
    return [item.data if hasattr(item, "data") else item.to_html() for item in form.results()]


def test_form_shows_ranking_table_and_chart_for_the_example():
    texts = _html_outputs(sheet.ValueEquationForm())
    joined = "\n".join(texts)
    assert "Idea: same-day collection ranks 1 of 3" in joined
    assert "lowers the denominator by 4 (−31%)" in joined
    assert "ranking aid on your own scales, not a measurement of value" in joined
    assert 'alt="Two-panel horizontal bar chart' in joined


def test_form_updates_when_an_input_changes():
    form = sheet.ValueEquationForm()
    form.rows[2][4].value = 7.0  # the idea's other costs back to the current level
    joined = "\n".join(_html_outputs(form))
    assert "Idea: same-day collection ranks 2 of 3: raises the numerator by 2 (+17%)." in joined


def test_form_switches_to_money():
    form = sheet.ValueEquationForm(rows=(("Now", 7, 5, 120, 90), ("Idea", 7, 7, 120, 20)), costs="money")
    joined = "\n".join(_html_outputs(form))
    assert "lowers the denominator by $70.00" in joined


def test_form_shows_a_message_instead_of_a_traceback():
    form = sheet.ValueEquationForm()
    form.rows[1][3].value = 120.0
    texts = _html_outputs(form)
    assert len(texts) == 1
    assert 'role="alert"' in texts[0] and "row 2: 120" in texts[0]


def test_comparison_table_and_sentences_read_well():
    comparison = ve.compare_alternatives(_offers())
    shown = sheet.comparison_table(comparison)
    assert shown.loc["Same-day collection", "Numerator vs current"] == "+1.7 (+14%)"
    assert shown.loc["Same-day collection", "Denominator vs current"] == "−3.2 (−24%)"
    assert shown.loc["Current", "Numerator vs current"] == "—"
    assert shown.loc["Price cut", "Numerator vs current"] == "no change"
    sentences = sheet.change_sentences(comparison)
    assert sentences[0] == "Current ranks 5 of 6: your current offer, the point of comparison."
    assert sentences[3] == "Price cut ranks 4 of 6: lowers the denominator by 0.8 (−6%)."


def test_chart_has_both_panels_labels_legend_and_white_background():
    comparison = ve.compare_alternatives(_offers())
    figure = sheet.value_equation_chart(comparison, title="Fleet service")
    texts = _texts(figure)
    for expected in (
        "Numerator: what the customer gets", "Denominator: what it costs the customer",
        "Score (results + process quality), higher is better", "Score (price + other costs), higher is costlier",
        "#1 Same-day collection", "#5 Current (current)", "index 1.37", "Process quality",
        "Customer's other costs: time, effort, travel, risk", "Fleet service",
    ):
        assert expected in texts
    assert mcolors.to_hex(figure.get_facecolor()) == "#ffffff"
    for axes in figure.axes:
        assert mcolors.to_hex(axes.get_facecolor()) == "#ffffff"
    assert figure._repr_png_().startswith(b"\x89PNG")


def test_money_chart_labels_the_money_axis():
    table = _offers().assign(price=120, access_costs=[90, 70, 20, 90, 40, 110])
    texts = _texts(sheet.value_equation_chart(ve.compare_alternatives(table, costs="money")))
    assert "Money (price + the customer's other costs)" in texts


def test_alt_text_follows_the_data():
    alt = sheet.describe_value_chart(ve.compare_alternatives(_offers()))
    assert "6 alternatives" in alt
    assert "highest Express lane (14.8)" in alt
    assert "1. Same-day collection (1.37)" in alt
    assert "The current offer, Current, ranks 5." in alt


def test_chart_rejects_a_table_that_is_not_a_comparison():
    with pytest.raises(ValueError, match="column 'numerator' is missing"):
        sheet.value_equation_chart(_offers())


# ---- the exercise's checks --------------------------------------------------------------


WRONG = {
    "q1": ((6 + 7) / 6, "divided by the price only"),
    "q2": (3.0, "The denominator falls, so the change is negative"),
    "q3": ("costs of acquiring the service", "not the firm's cost of winning a customer"),
    "q4": ("a", "not a percentage of value"),
}


@pytest.mark.parametrize("name", sorted(WRONG))
def test_check_fails_on_a_wrong_answer_and_says_why(name):
    question = practice.exercise.questions[name]
    value, reason = WRONG[name]
    practice.bind({question.variable: value})
    feedback = question.check()
    assert feedback.status == "Incorrect"
    assert reason in feedback.message


def test_exercise_prompt_matches_the_computed_indexes():
    table = ve.compare_alternatives(practice.offers())
    current, idea = table.loc[0, "value_index"], table.loc[2, "value_index"]
    assert f"{idea:.2f}" in practice.q4.prompt and f"{current:.2f}" in practice.q4.prompt
    assert f"{idea / current - 1:.0%}" in practice.q4.prompt


