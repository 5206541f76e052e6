"""Specific employee replacement cost (Tool 4): arithmetic, customers, bad input, form, chart, exercise."""

from __future__ import annotations

import math

import matplotlib.colors as mcolors
import nbformat
import pandas as pd
import pytest
from hypothesis import given
from hypothesis import strategies as st

from customer_focus import replacement, turnover
from customer_focus.core import tables
from customer_focus.tools.lifetime_value import calc as clv
from customer_focus.tools.spec import load_form, render_html
from customer_focus.practice import replacement as practice
from customer_focus.worksheets import replacement as sheet

SAMPLE = "book/apply/tools/data/replacement-cost-sample"


def _example() -> replacement.ReplacementCost:
    return replacement.cost_of_losing(**replacement.course_example())


def _minimal(**changes):
    arguments = {"salary": 52000, "weeks_to_full_productivity": 0, "productivity_while_learning": 1.0}
    arguments.update(changes)
    return replacement.cost_of_losing(**arguments)


# ---- pay and the five employee lines ------------------------------------------------------


def test_annual_pay_from_a_salary_or_an_hourly_rate():
    assert replacement.annual_pay(salary=52000) == 52000
    assert replacement.annual_pay(hourly_rate=20) == 20 * 40 * 52
    assert replacement.annual_pay(hourly_rate=22, hours_per_week=35) == pytest.approx(40040)


def test_vacancy_by_how_the_work_is_covered():
    assert replacement.vacancy_cost(1000, 6) == 3000  # overtime at time and a half: the premium only
    assert replacement.vacancy_cost(1000, 6, overtime_premium=1.0) == 6000  # double time
    assert replacement.vacancy_cost(1000, 6, cover="temp", temp_weekly_cost=1400) == 2400
    assert replacement.vacancy_cost(1000, 6, cover="temp", temp_weekly_cost=800) == 0  # never below 0
    assert replacement.vacancy_cost(1000, 6, cover="uncovered") == 0
    assert replacement.vacancy_cost(1000, 6, cover="uncovered", lost_margin_per_week=250) == 1500
    assert replacement.vacancy_cost(1000, 6, lost_margin_per_week=250) == 4500


def test_hiring_and_training_costs():
    assert replacement.hiring_cost(hiring_hours=30, hiring_hourly_cost=50, hiring_fees=2000, other_hiring_costs=100) == 3600
    assert replacement.training_cost(25, training_hours=40, trainer_hours=20, trainer_hourly_cost=40, training_materials=300) == 2100


def test_learning_curve_is_the_turnover_worksheets():
    cost = _minimal(weeks_to_full_productivity=12, productivity_while_learning=0.5, salary=36000)
    assert cost.amount("learning_curve") == pytest.approx(turnover.learning_curve_cost(36000, 12, 0.5))
    assert round(cost.amount("learning_curve"), 2) == 4153.85


def test_the_five_lines_match_the_turnover_worksheet_for_the_same_costs():
    # $36,000 job: separation $300; 4 weeks on overtime at time and a half = 4 x 692.31 x 0.5 = $1,384.62.
    mine = replacement.cost_of_losing(
        salary=36000, separation_costs=300, vacancy_weeks=4, hiring_fees=1500, training_materials=1500,
        weeks_to_full_productivity=12, productivity_while_learning=0.5,
    )
    theirs = turnover.turnover_cost(
        36000, hr_admin=300, overtime_or_temps=36000 / 52 * 4 * 0.5, advertising=1500, materials=1500,
        weeks_to_full_productivity=12, productivity_while_learning=0.5,
    )
    assert mine.employee_costs == pytest.approx(theirs.total)
    for name in turnover.CATEGORIES:
        assert mine.amount(name) == pytest.approx(theirs.amount(name))


# ---- the customers who may follow: the course's lifetime value -------------------------------


def test_customers_at_risk_reuse_the_course_lifetime_value():
    value = replacement.customers_at_risk_value(40, 1500, 0.8, 0.1, 0.25)
    assert value == pytest.approx(40 * 0.25 * clv.lifetime_value(1500, 0.8, 0.1))
    assert value == pytest.approx(40000)


def test_gupta_lehmann_worked_example_per_customer():
    # FACTS.md section 6: m = $100, r = 80%, i = 10% -> $266.67 per customer.
    assert replacement.customers_at_risk_value(1, 100, 0.8, 0.1, 1.0) == pytest.approx(266.67, abs=0.005)


def test_course_example_lines_and_totals():
    cost = _example()
    assert cost.weekly_pay == 1500 and cost.hourly_pay == 37.5
    expected = {"separation": 500, "vacancy": 10000, "replacement": 5900, "training": 3000, "learning_curve": 15600,
                "customers_who_may_follow": 102000}
    for name, amount in expected.items():
        assert cost.amount(name) == pytest.approx(amount)
    assert cost.employee_costs == pytest.approx(35000)
    assert cost.customer_lifetime_value == pytest.approx(17000)
    assert cost.customers_expected_to_follow == pytest.approx(6)
    assert cost.total == pytest.approx(137000)
    assert cost.share_of_pay == pytest.approx(137000 / 78000)


def test_share_scenarios_show_how_much_the_guess_matters():
    table = _example().share_scenarios()
    assert table["share_who_follow"].tolist() == [0.0, 0.1, 0.2, 0.3, 0.5]
    assert table["total"].tolist() == pytest.approx([35000, 86000, 137000, 188000, 290000])
    with pytest.raises(ValueError, match="If you meant 30%, type 0.3"):
        _example().share_scenarios((30,))


def test_heskett_broker_illustration_fits_the_learning_curve_arithmetic():
    # $1 million a year of commissions rebuilt over five years, half on average: $2.5 million.
    assert turnover.learning_curve_cost(1_000_000, 5 * 52, 0.5) == pytest.approx(2_500_000)


def test_as_row_has_the_compare_employees_columns():
    row = _example().as_row()
    assert row.columns.tolist() == [
        "employee", "annual_pay", "separation", "vacancy", "replacement", "training", "learning_curve",
        "employee_costs", "customers_who_may_follow", "total", "share_of_pay",
    ]


# ---- several employees from a file ----------------------------------------------------------


@pytest.fixture
def sample(root):
    return tables.read_table(root / f"{SAMPLE}.csv")


def test_sample_file_has_5_to_10_employees_and_reads_the_same_from_excel(sample, root):
    assert 5 <= len(sample) <= 10
    assert set(replacement.EMPLOYEE_COLUMNS) <= set(sample.columns)
    pd.testing.assert_frame_equal(sample, tables.read_table(root / f"{SAMPLE}.xlsx"))


def test_compare_employees_reproduces_the_example_and_keeps_the_job(sample):
    result = replacement.compare_employees(sample)
    assert result.columns.tolist()[:3] == ["employee", "job", "annual_pay"]
    assert result.loc[0, "total"] == pytest.approx(_example().total)
    assert result["total"].tolist() == pytest.approx((result["employee_costs"] + result["customers_who_may_follow"]).tolist())
    assert not result.drop(columns=["job"]).isna().any().any()


def test_compare_employees_matches_the_exercise_for_lena(sample):
    lena = replacement.compare_employees(sample).set_index("employee").loc["Lena"]
    assert lena["employee_costs"] == pytest.approx(practice.LENA_EMPLOYEE_COSTS)
    assert lena["total"] == pytest.approx(72290)
    assert lena["annual_pay"] == pytest.approx(40040)


def test_compare_employees_defaults_and_blanks():
    table = pd.DataFrame(
        {"employee": ["Sam", "Ana"], "hourly_rate": [25, None], "salary": [None, 52000], "hours_per_week": [40, 40],
         "weeks_to_full_productivity": [10, 0], "productivity_while_learning": [0.5, 1], "vacancy_weeks": [2, ""],
         "cover": ["", "Temp "], "temp_weekly_cost": [None, 2000]}
    )
    result = replacement.compare_employees(table)
    assert result["vacancy"].tolist() == pytest.approx([1000, 0])  # blank cover = overtime; Ana's 0 weeks
    assert result["learning_curve"].tolist() == pytest.approx([5000, 0])


# ---- bad input ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("pay", "given"), [({}, "neither"), ({"salary": 50000, "hourly_rate": 25}, "both")]
)
def test_pay_must_be_given_once(pay, given):
    with pytest.raises(ValueError, match=rf"give the employee's pay as salary \(yearly\) or as hourly_rate, not both; you gave {given}"):
        replacement.annual_pay(**pay)


@pytest.mark.parametrize(("pay", "name"), [({"salary": 0}, "salary"), ({"hourly_rate": -5}, "hourly_rate")])
def test_pay_must_be_positive(pay, name):
    with pytest.raises(ValueError, match=rf"{name} must be more than 0 \(the employee's pay, in dollars\)"):
        replacement.annual_pay(**pay)


@pytest.mark.parametrize("hours", [0, -40, 168])
def test_hours_per_week_out_of_range(hours):
    with pytest.raises(ValueError, match=rf"hours_per_week must be more than 0 and at most 100 .*you gave {hours}"):
        replacement.annual_pay(hourly_rate=20, hours_per_week=hours)


def test_overtime_premium_typed_as_a_multiplier_is_explained():
    with pytest.raises(ValueError, match=r"overtime_premium must be a decimal from 0 to 1 .*you gave 1.5.*0.5 for time and a half"):
        replacement.vacancy_cost(1000, 6, overtime_premium=1.5)


def test_unknown_cover_lists_the_choices():
    with pytest.raises(ValueError, match=r"cover must be one of 'overtime', 'temp', 'uncovered' .*you gave 'agency'"):
        _minimal(vacancy_weeks=2, cover="agency")


def test_share_typed_in_percent_suggests_a_decimal():
    with pytest.raises(ValueError, match=r"share_who_follow must be a decimal from 0 up to and including 1: your own estimate.*If you meant 40%, type 0.4"):
        _minimal(customers_at_risk=10, customer_margin=100, customer_retention=0.8, share_who_follow=40)


def test_customer_retention_of_one_is_explained_by_the_lifetime_value():
    with pytest.raises(ValueError, match="no customer ever leaves"):
        _minimal(customers_at_risk=10, customer_margin=100, customer_retention=1.0, share_who_follow=0.2)


def test_bad_discount_rate_is_named():
    with pytest.raises(ValueError, match="discount_rate .*you gave -0.1"):
        _minimal(discount_rate=-0.1)


def test_negative_customers_are_rejected():
    with pytest.raises(ValueError, match="customers_at_risk must be 0 or more"):
        replacement.customers_at_risk_value(-3, 100, 0.8, 0.1, 0.2)


def test_negative_fee_is_rejected_by_name():
    with pytest.raises(ValueError, match=r"hiring_fees must be 0 or more \(agency or advertising fees, in dollars\); you gave -100"):
        _minimal(hiring_fees=-100)


@pytest.mark.parametrize("weeks", [-2, 1000])
def test_vacancy_weeks_out_of_range(weeks):
    with pytest.raises(ValueError, match=rf"vacancy_weeks must be a number of weeks from 0 to 520 .*you gave {weeks}"):
        _minimal(vacancy_weeks=weeks)


def test_amount_rejects_an_unknown_line():
    with pytest.raises(ValueError, match="category must be one of 'separation'"):
        _example().amount("customers")


def _table(**columns):
    base = {"employee": ["A", "B"], "salary": [50000, 60000], "hours_per_week": [40, 40],
            "weeks_to_full_productivity": [4, 4], "productivity_while_learning": [0.5, 0.5]}
    base.update(columns)
    return pd.DataFrame({key: value for key, value in base.items() if value is not None})


def test_compare_employees_needs_a_pay_column():
    with pytest.raises(ValueError, match="needs a 'salary' column, an 'hourly_rate' column, or both"):
        replacement.compare_employees(_table(salary=None))


def test_compare_employees_rejects_a_row_with_both_pays():
    with pytest.raises(ValueError, match="row 2 fills both 'salary' and 'hourly_rate'"):
        replacement.compare_employees(_table(hourly_rate=[None, 30]))


def test_compare_employees_rejects_a_row_with_neither_pay():
    with pytest.raises(ValueError, match="row 1 fills neither 'salary' nor 'hourly_rate'"):
        replacement.compare_employees(_table(salary=[None, 60000]))


def test_compare_employees_names_a_bad_cover():
    with pytest.raises(ValueError, match=r"column 'cover' .*must be one of overtime, temp, uncovered.*row 2: 'agency'"):
        replacement.compare_employees(_table(cover=["overtime", "agency"]))


def test_compare_employees_names_the_row_of_a_bad_share(tmp_path):
    path = tmp_path / "people.csv"
    _table(share_who_follow=[0.2, 25]).to_csv(path, index=False)
    with pytest.raises(ValueError, match=r"share_who_follow.*people.csv line 3: 25.*0.8 for 80%"):
        replacement.compare_employees(tables.read_table(path))


def test_compare_employees_prefixes_a_row_problem_with_its_place():
    with pytest.raises(ValueError, match=r"^row 2: hours_per_week must be more than 0"):
        replacement.compare_employees(_table(hours_per_week=[40, 0]))


def test_compare_employees_names_a_missing_column():
    with pytest.raises(ValueError, match=r"missing column 'weeks_to_full_productivity' \(found 'weeks_to_productivity': a misspelling\?\)"):
        replacement.compare_employees(_table(weeks_to_full_productivity=None, weeks_to_productivity=[4, 4]))


def test_compare_employees_rejects_a_misspelled_optional_column():
    with pytest.raises(ValueError, match="column 'share_who_folow' is not one the worksheet reads; did you mean 'share_who_follow'"):
        replacement.compare_employees(_table(share_who_folow=[0.1, 0.1]))


def test_compare_employees_rejects_an_empty_name_and_an_empty_table():
    with pytest.raises(ValueError, match="column 'employee' must name every employee; row 1 is empty"):
        replacement.compare_employees(_table(employee=[None, "B"]))
    with pytest.raises(ValueError, match="has no employees"):
        replacement.compare_employees(_table().iloc[0:0])


# ---- properties -------------------------------------------------------------------------------

money = st.floats(min_value=0.0, max_value=1e6)
rates = st.floats(min_value=0.0, max_value=0.99)
shares = st.floats(min_value=0.0, max_value=1.0)


@given(st.floats(min_value=1000, max_value=1e6), st.floats(min_value=0, max_value=200), money, money, rates, shares, shares)
def test_total_is_employee_costs_plus_customers(salary, customers, fees, margin, retention, productivity, share):
    cost = replacement.cost_of_losing(
        salary=salary, hiring_fees=fees, weeks_to_full_productivity=10, productivity_while_learning=productivity,
        customers_at_risk=customers, customer_margin=margin, customer_retention=retention, share_who_follow=share,
    )
    assert cost.total == pytest.approx(cost.employee_costs + cost.customer_value_at_risk)
    assert cost.total == pytest.approx(cost.by_category["amount"].sum(), rel=1e-9, abs=1e-6)
    assert cost.customer_value_at_risk == pytest.approx(customers * share * clv.lifetime_value(margin, retention, 0.1))
    assert cost.total >= 0


@given(st.floats(min_value=0, max_value=500), money, rates, shares, shares)
def test_customer_value_grows_with_the_share_who_follow(customers, margin, retention, s1, s2):
    low, high = sorted((s1, s2))
    value = lambda share: replacement.customers_at_risk_value(customers, margin, retention, 0.1, share)  # noqa: E731
    assert value(low) <= value(high) + 1e-9


@given(st.sampled_from(sorted(replacement.COVERS)), st.floats(min_value=0, max_value=5000), st.floats(min_value=0, max_value=520), money)
def test_vacancy_is_never_negative(cover, weekly, weeks, temp):
    assert replacement.vacancy_cost(weekly, weeks, cover=cover, temp_weekly_cost=temp) >= 0


@given(
    st.one_of(st.floats(allow_nan=True, allow_infinity=True), st.integers(), st.text(), st.none()),
    st.one_of(st.floats(allow_nan=True, allow_infinity=True), st.text(), st.none()),
    st.one_of(st.floats(allow_nan=True, allow_infinity=True), st.text(), st.none()),
)
def test_any_input_gives_a_finite_cost_or_a_value_error(salary, share, retention):
    try:
        cost = replacement.cost_of_losing(
            salary=salary, weeks_to_full_productivity=4, productivity_while_learning=0.5,
            customers_at_risk=10, customer_margin=100, customer_retention=retention, share_who_follow=share,
        )
    except ValueError:
        return
    assert math.isfinite(cost.total)


# ---- the form ---------------------------------------------------------------------------------


def _html_outputs(form):
    return [item.data if hasattr(item, "data") else item.to_html() for item in form.results()]


def test_form_shows_the_example_with_its_assumption():
    texts = _html_outputs(sheet.ReplacementCostForm())
    headline = texts[0]
    assert "Losing Maria (senior account manager) would cost about $137,000.00</strong> (176% of yearly pay of $78,000.00)" in headline
    assert "$35,000.00 in employee costs" in headline and "That share is your own assumption." in headline
    assert any("$102,000.00" in text and "Customers who may follow" in text for text in texts)
    assert any("$290,000.00" in text for text in texts)  # the table of other shares
    assert any('alt="Stacked bar chart of the cost of losing Maria' in text for text in texts)


def test_form_takes_an_hourly_rate():
    form = sheet.ReplacementCostForm(employee="Tom", hourly_rate=17.5, hours_per_week=40, customers_at_risk=0)
    assert form.controls["pay_basis"].value == "hourly_rate"
    assert form.estimate().annual_pay == pytest.approx(36400)
    assert "and no customers at risk." in _html_outputs(form)[0]


def test_form_updates_when_the_share_changes():
    form = sheet.ReplacementCostForm()
    form.controls["share_who_follow"].value = 0.3
    assert "would cost about $188,000.00" in _html_outputs(form)[0]


def test_form_shows_a_message_instead_of_a_traceback():
    form = sheet.ReplacementCostForm()
    form.controls["pay"].value = float("nan")
    texts = _html_outputs(form)
    assert len(texts) == 1
    assert 'role="alert"' in texts[0] and "salary must be a finite number" in texts[0]


def test_form_rejects_an_unknown_starting_value():
    with pytest.raises(ValueError, match="ReplacementCostForm does not know bonus"):
        sheet.ReplacementCostForm(bonus=5)


def test_line_table_has_subtotal_and_total():
    shown = sheet.line_table(_example())
    assert shown.loc["Employee costs (lines above)", "Amount"] == "$35,000.00"
    assert shown.loc["Total", "Amount"] == "$137,000.00"


# ---- the chart ----------------------------------------------------------------------------------


def _texts(figure) -> list[str]:
    return [text.get_text().replace("\n", " ") for text in figure.findobj(match=lambda o: hasattr(o, "get_text"))]


def test_chart_names_every_employee_and_line(sample):
    comparison = replacement.compare_employees(sample)
    texts = _texts(sheet.cost_of_losing_chart(comparison))
    for name in comparison["employee"]:
        assert name in texts
    for label, _ in replacement.CATEGORIES.values():
        assert label in texts
    assert "Cost of losing the employee (share of yearly pay in parentheses)" in texts


def test_chart_has_a_white_background_and_hatched_customers():
    figure = sheet.cost_of_losing_chart(_example().as_row())
    assert mcolors.to_hex(figure.get_facecolor()) == "#ffffff"
    assert mcolors.to_hex(figure.axes[0].get_facecolor()) == "#ffffff"
    hatched = [patch for patch in figure.axes[0].patches if patch.get_hatch()]
    assert len(hatched) == 1
    assert figure._repr_png_().startswith(b"\x89PNG")


def test_descriptions_come_from_the_data(sample):
    one = sheet.describe_cost_of_losing(_example().as_row())
    assert one.startswith("Stacked bar chart of the cost of losing Maria (senior account manager): $137,000.00 in all, 176%")
    several = sheet.describe_cost_of_losing(replacement.compare_employees(sample))
    assert several.startswith(f"Stacked bar chart of the cost of losing each of {len(sample)} employees")
    assert "The costliest loss is Dev" in several


# ---- the printable form and the worksheet page ---------------------------------------------------


def test_printable_form_has_every_line_and_flags_the_assumption():
    html = render_html(load_form("replacement"))
    for text in ("1. Separation", "2. Vacancy", "3. Replacement (hiring)", "4. Training", "5. Learning curve",
                 "6. Customers who may follow", "margin × r / (1 + i − r)", "An assumption: say why."):
        assert text in html


def test_form_page_uses_the_directive(root):
    text = (root / "book/apply/forms/replacement-cost-form.md").read_text()
    assert text.startswith("# Printable form: specific employee replacement cost worksheet")
    assert "```{printable-form} replacement\n```" in text


def test_worksheet_quotes_heskett_and_links_the_chapter(root):
    notebook = nbformat.read(root / "book/apply/tools/replacement-cost-worksheet.ipynb", as_version=4)
    text = "\n".join(cell.source for cell in notebook.cells if cell.cell_type == "markdown")
    assert "../../learn/employee-capability.md" in text
    assert '"as much as \\$36,000 in sales."' in text
    assert '"a cumulative loss of at least \\$2.5 million."' in text
    assert "(Heskett et al., 1994)" in text
    assert "is your assumption" in text


# ---- the exercise ---------------------------------------------------------------------------------


WRONG = {
    "q1": (9000, "whole overtime pay"),
    "q2": (160000, "all 40 customers"),
    "q3": (67200, "Add the $5,090"),
    "q4": ("research", "illustrations"),
}


@pytest.mark.parametrize("name", sorted(WRONG))
def test_check_fails_on_a_wrong_answer_and_says_why(name):
    question = practice.exercise.questions[name]
    value, reason = WRONG[name]
    practice.bind({question.variable: value})
    feedback = question.check()
    assert feedback.status == "Incorrect"
    assert reason in feedback.message


def test_one_year_of_margin_is_explained():
    practice.bind({"customers_q2": 15000})
    assert "use their lifetime value" in practice.q2.check().message


def test_hints_and_solutions_are_available():
    assert "premium" in practice.q1.hint().message
    assert "$40,000" in practice.q2.solution().message
    assert "$72,290" in practice.q3.solution().message
