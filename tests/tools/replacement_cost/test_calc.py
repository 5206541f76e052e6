"""Specific employee replacement cost (Tool 4): the pay, the five employee lines, the customers
who may follow, the inputs described by the spec, bad input and properties."""

from __future__ import annotations

import math

import pytest
from hypothesis import given
from hypothesis import strategies as st

from customer_focus.core.validation import InputError
from customer_focus.tools.lifetime_value import calc as clv
from customer_focus.tools.replacement_cost import calc
from customer_focus.tools.spec import load_spec
from customer_focus.tools.turnover_cost import calc as turnover


def _example() -> calc.ReplacementCost:
    return calc.cost_of_losing(**calc.course_example())


def _minimal(**changes):
    arguments = {
        "salary": 52000, "weeks_to_full_productivity": 0, "productivity_while_learning": 1.0,
    }
    arguments.update(changes)
    return calc.cost_of_losing(**arguments)


# ---- pay and the five employee lines ------------------------------------------------------


def test_annual_pay_from_a_salary_or_an_hourly_rate():
    assert calc.annual_pay(salary=52000) == 52000
    assert calc.annual_pay(hourly_rate=20) == 20 * 40 * 52
    assert calc.annual_pay(hourly_rate=22, hours_per_week=35) == pytest.approx(40040)


def test_vacancy_by_how_the_work_is_covered():
    assert calc.vacancy_cost(1000, 6) == 3000  # overtime at time and a half: the premium only
    assert calc.vacancy_cost(1000, 6, overtime_premium=1.0) == 6000  # double time
    assert calc.vacancy_cost(1000, 6, cover="temp", temp_weekly_cost=1400) == 2400
    assert calc.vacancy_cost(1000, 6, cover="temp", temp_weekly_cost=800) == 0  # never below 0
    assert calc.vacancy_cost(1000, 6, cover="uncovered") == 0
    assert calc.vacancy_cost(1000, 6, cover="uncovered", lost_margin_per_week=250) == 1500
    assert calc.vacancy_cost(1000, 6, lost_margin_per_week=250) == 4500


def test_hiring_and_training_costs():
    assert calc.hiring_cost(
        hiring_hours=30, hiring_hourly_cost=50, hiring_fees=2000, other_hiring_costs=100
    ) == 3600
    assert calc.training_cost(
        25, training_hours=40, trainer_hours=20, trainer_hourly_cost=40, training_materials=300
    ) == 2100


def test_learning_curve_is_the_turnover_worksheets():
    cost = _minimal(weeks_to_full_productivity=12, productivity_while_learning=0.5, salary=36000)
    expected = turnover.learning_curve_cost(36000, 12, 0.5)
    assert cost.amount("learning_curve") == pytest.approx(expected)
    assert round(cost.amount("learning_curve"), 2) == 4153.85


def test_the_five_lines_match_the_turnover_worksheet_for_the_same_costs():
    # $36,000 job: separation $300; 4 weeks on overtime at time and a half
    # = 4 x 692.31 x 0.5 = $1,384.62.
    mine = calc.cost_of_losing(
        salary=36000, separation_costs=300, vacancy_weeks=4, hiring_fees=1500,
        training_materials=1500, weeks_to_full_productivity=12, productivity_while_learning=0.5,
    )
    theirs = turnover.turnover_cost(
        36000, hr_admin=300, overtime_or_temps=36000 / 52 * 4 * 0.5, advertising=1500,
        materials=1500, weeks_to_full_productivity=12, productivity_while_learning=0.5,
    )
    assert mine.employee_costs == pytest.approx(theirs.total)
    for name in turnover.CATEGORIES:
        assert mine.amount(name) == pytest.approx(theirs.amount(name))


# ---- the customers who may follow: the course's lifetime value -------------------------------


def test_customers_at_risk_reuse_the_course_lifetime_value():
    value = calc.customers_at_risk_value(40, 1500, 0.8, 0.1, 0.25)
    assert value == pytest.approx(40 * 0.25 * clv.lifetime_value(1500, 0.8, 0.1))
    assert value == pytest.approx(40000)


def test_gupta_lehmann_worked_example_per_customer():
    # docs/facts.md section 6: m = $100, r = 80%, i = 10% -> $266.67 per customer.
    assert calc.customers_at_risk_value(1, 100, 0.8, 0.1, 1.0) == pytest.approx(266.67, abs=0.005)


def test_course_example_lines_and_totals():
    cost = _example()
    assert cost.weekly_pay == 1500 and cost.hourly_pay == 37.5
    expected = {
        "separation": 500, "vacancy": 10000, "replacement": 5900, "training": 3000,
        "learning_curve": 15600, "customers_who_may_follow": 102000,
    }
    for name, amount in expected.items():
        assert cost.amount(name) == pytest.approx(amount)
    assert cost.employee_costs == pytest.approx(35000)
    assert cost.customer_lifetime_value == pytest.approx(17000)
    assert cost.customers_expected_to_follow == pytest.approx(6)
    assert cost.total == pytest.approx(137000)
    assert cost.share_of_pay == pytest.approx(137000 / 78000)


def test_share_scenarios_show_how_much_the_guess_matters():
    scenarios = _example().share_scenarios()
    assert [row["share_who_follow"] for row in scenarios] == [0.0, 0.1, 0.2, 0.3, 0.5]
    assert [row["total"] for row in scenarios] == pytest.approx(
        [35000, 86000, 137000, 188000, 290000]
    )
    with pytest.raises(ValueError, match="If you meant 30%, type 0.3"):
        _example().share_scenarios((30,))


def test_heskett_broker_illustration_fits_the_learning_curve_arithmetic():
    # $1 million a year of commissions rebuilt over five years, half on average: $2.5 million.
    assert turnover.learning_curve_cost(1_000_000, 5 * 52, 0.5) == pytest.approx(2_500_000)


# ---- the inputs: described once, in the spec --------------------------------------------------


def test_every_input_is_a_field_of_the_spec_and_the_example_is_the_specs():
    assert set(calc.INPUTS) <= set(calc.FIELDS)
    assert calc.course_example() == load_spec("replacement_cost").example
    assert list(calc.course_example())[:2] == ["employee", "salary"]
    assert calc.course_example()["salary"] == 78000


def test_left_out_inputs_take_their_fields_defaults():
    cost = _minimal()
    assert cost.employee == calc.FIELDS["employee"].default == "This employee"
    assert cost.hourly_pay == pytest.approx(52000 / 52 / calc.DEFAULT_HOURS_PER_WEEK)
    assert cost.total == 0
    assert calc.DEFAULT_COVER == "overtime" and calc.DEFAULT_OVERTIME_PREMIUM == 0.5
    assert calc.COVERS["temp"].startswith("a temporary worker")


def test_an_empty_name_is_this_employee():
    assert _minimal(employee="  ").employee == "This employee"


def test_an_unknown_input_is_named_with_the_known_ones():
    with pytest.raises(InputError, match="^bonus is not an input of this worksheet; its inputs are "
                       "employee, salary, hourly_rate, hours_per_week") as caught:
        _minimal(bonus=500)
    assert caught.value.name == "bonus"


def test_a_missing_required_input_is_named_with_its_meaning():
    with pytest.raises(InputError, match=r"give weeks_to_full_productivity \(the weeks a newcomer "
                       r"needs to reach full productivity\)"):
        calc.cost_of_losing(salary=52000, productivity_while_learning=0.5)


# ---- bad input ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("pay", "given"), [({}, "neither"), ({"salary": 50000, "hourly_rate": 25}, "both")]
)
def test_pay_must_be_given_once(pay, given):
    message = (
        r"give the employee's pay as salary \(yearly\) or as hourly_rate, not both; "
        rf"you gave {given}"
    )
    with pytest.raises(ValueError, match=message):
        calc.annual_pay(**pay)


@pytest.mark.parametrize(
    ("pay", "name"), [({"salary": 0}, "salary"), ({"hourly_rate": -5}, "hourly_rate")]
)
def test_pay_must_be_positive(pay, name):
    message = rf"{name} must be more than 0 \(the employee's pay, in dollars\)"
    with pytest.raises(ValueError, match=message):
        calc.annual_pay(**pay)


@pytest.mark.parametrize("hours", [0, -40, 168])
def test_hours_per_week_out_of_range(hours):
    message = rf"hours_per_week must be more than 0 and at most 100 .*you gave {hours}"
    with pytest.raises(ValueError, match=message):
        calc.annual_pay(hourly_rate=20, hours_per_week=hours)


def test_overtime_premium_typed_as_a_multiplier_is_explained():
    message = (
        r"overtime_premium must be a decimal from 0 to 1 .*you gave 1.5.*0.5 for time and a half"
    )
    with pytest.raises(ValueError, match=message):
        calc.vacancy_cost(1000, 6, overtime_premium=1.5)


def test_unknown_cover_lists_the_choices():
    message = r"cover must be one of 'overtime', 'temp', 'uncovered' .*you gave 'agency'"
    with pytest.raises(ValueError, match=message):
        _minimal(vacancy_weeks=2, cover="agency")


def test_share_typed_in_percent_suggests_a_decimal():
    message = (
        r"share_who_follow must be a decimal from 0 up to and including 1: your own estimate.*"
        r"If you meant 40%, type 0.4"
    )
    with pytest.raises(ValueError, match=message):
        _minimal(
            customers_at_risk=10, customer_margin=100, customer_retention=0.8, share_who_follow=40
        )


def test_customer_retention_of_one_is_explained_by_the_lifetime_value():
    with pytest.raises(ValueError, match="no customer ever leaves"):
        _minimal(
            customers_at_risk=10, customer_margin=100, customer_retention=1.0, share_who_follow=0.2
        )


def test_bad_discount_rate_is_named():
    with pytest.raises(ValueError, match="discount_rate .*you gave -0.1"):
        _minimal(discount_rate=-0.1)


def test_negative_customers_are_rejected():
    with pytest.raises(ValueError, match="customers_at_risk must be 0 or more"):
        calc.customers_at_risk_value(-3, 100, 0.8, 0.1, 0.2)


def test_negative_fee_is_rejected_by_name():
    message = (
        r"hiring_fees must be 0 or more \(agency or advertising fees, in dollars\); you gave -100"
    )
    with pytest.raises(ValueError, match=message):
        _minimal(hiring_fees=-100)


@pytest.mark.parametrize("weeks", [-2, 1000])
def test_vacancy_weeks_out_of_range(weeks):
    message = rf"vacancy_weeks must be a number of weeks from 0 to 520 .*you gave {weeks}"
    with pytest.raises(ValueError, match=message):
        _minimal(vacancy_weeks=weeks)


def test_amount_rejects_an_unknown_line():
    with pytest.raises(ValueError, match="category must be one of 'separation'"):
        _example().amount("customers")


# ---- properties -------------------------------------------------------------------------------

money = st.floats(min_value=0.0, max_value=1e6)
rates = st.floats(min_value=0.0, max_value=0.99)
shares = st.floats(min_value=0.0, max_value=1.0)


@given(
    st.floats(min_value=1000, max_value=1e6), st.floats(min_value=0, max_value=200), money, money,
    rates, shares, shares,
)
def test_total_is_employee_costs_plus_customers(
    salary, customers, fees, margin, retention, productivity, share
):
    cost = calc.cost_of_losing(
        salary=salary, hiring_fees=fees, weeks_to_full_productivity=10,
        productivity_while_learning=productivity, customers_at_risk=customers,
        customer_margin=margin, customer_retention=retention, share_who_follow=share,
    )
    assert cost.total == pytest.approx(cost.employee_costs + cost.customer_value_at_risk)
    assert cost.total == pytest.approx(math.fsum(cost.lines.values()), rel=1e-9, abs=1e-6)
    assert cost.customer_value_at_risk == pytest.approx(
        customers * share * clv.lifetime_value(margin, retention, 0.1)
    )
    assert cost.total >= 0


@given(st.floats(min_value=0, max_value=500), money, rates, shares, shares)
def test_customer_value_grows_with_the_share_who_follow(customers, margin, retention, s1, s2):
    low, high = sorted((s1, s2))

    def value(share):
        return calc.customers_at_risk_value(customers, margin, retention, 0.1, share)

    assert value(low) <= value(high) + 1e-9


@given(
    st.sampled_from(sorted(calc.COVERS)), st.floats(min_value=0, max_value=5000),
    st.floats(min_value=0, max_value=520), money,
)
def test_vacancy_is_never_negative(cover, weekly, weeks, temp):
    assert calc.vacancy_cost(weekly, weeks, cover=cover, temp_weekly_cost=temp) >= 0


@given(
    st.one_of(st.floats(allow_nan=True, allow_infinity=True), st.integers(), st.text(), st.none()),
    st.one_of(st.floats(allow_nan=True, allow_infinity=True), st.text(), st.none()),
    st.one_of(st.floats(allow_nan=True, allow_infinity=True), st.text(), st.none()),
)
def test_any_input_gives_a_finite_cost_or_a_value_error(salary, share, retention):
    try:
        cost = calc.cost_of_losing(
            salary=salary, weeks_to_full_productivity=4, productivity_while_learning=0.5,
            customers_at_risk=10, customer_margin=100, customer_retention=retention,
            share_who_follow=share,
        )
    except ValueError:
        return
    assert math.isfinite(cost.total)
