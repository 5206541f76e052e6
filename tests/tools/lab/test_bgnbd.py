"""BG/NBD and Gamma-Gamma: the published CDNOW estimates, lifetimes as an oracle for the
predictions, parameter recovery from synthetic logs, properties, and bad input.

The published values are those of Fader, Hardie & Lee (2005), Marketing Science 24(2)
(BG/NBD: r = 0.243, alpha = 4.414, a = 0.793, b = 2.426, LL = -9582.4) and Journal of
Marketing Research 42(4) (Gamma-Gamma: p = 6.25, q = 3.74, gamma = 15.44, LL = -4055.9).
They are reproduced with this data preparation: the CDNOW sample, purchases on the same
day merged (amounts summed), calibration period ending 1997-09-30, time in days divided
by 7 (``freq="D", freq_multiplier=7``), and the Gamma-Gamma model fitted on the 946
customers with at least one repeat purchase, with the mean of their repeat purchase days'
values. Calendar weeks (``freq="W"``) give different estimates.
"""

from __future__ import annotations

import math
import warnings

import numpy as np
import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from customer_focus.tools.lab import bgnbd, datasets
from customer_focus.tools.lab import transactions as tx
from customer_focus.tools.lifetime_value import calc as clv
from transaction_simulator import simulate_transactions

lifetimes = pytest.importorskip("lifetimes")


def _oracle_models(model: bgnbd.BetaGeoModel, spend: bgnbd.GammaGammaModel):
    purchase = lifetimes.BetaGeoFitter()
    purchase.params_ = pd.Series(model.params)
    purchase.predict = purchase.conditional_expected_number_of_purchases_up_to_time
    money = lifetimes.GammaGammaFitter()
    money.params_ = pd.Series({"p": spend.p, "q": spend.q, "v": spend.gamma})
    return purchase, money


# ---- published values (Fader, Hardie & Lee 2005) -------------------------------------------------


def test_bgnbd_reproduces_the_published_cdnow_estimates(fitted):
    model, _ = fitted
    assert model.r == pytest.approx(0.243, abs=0.0005)
    assert model.alpha == pytest.approx(4.414, abs=0.0005)
    assert model.a == pytest.approx(0.793, abs=0.0005)
    assert model.b == pytest.approx(2.426, abs=0.0005)
    assert model.log_likelihood == pytest.approx(-9582.4, abs=0.05)
    assert model.converged is True
    assert model.n_customers == 2357
    assert model.period_days == 7.0


def test_gamma_gamma_reproduces_the_published_cdnow_estimates(fitted):
    _, spend = fitted
    assert spend.p == pytest.approx(6.25, abs=0.005)
    assert spend.q == pytest.approx(3.74, abs=0.005)
    assert spend.gamma == pytest.approx(15.44, abs=0.005)
    assert spend.log_likelihood == pytest.approx(-4055.9, abs=0.05)
    assert spend.converged is True
    assert spend.n_customers == 946


def test_published_estimates_have_the_published_log_likelihoods(calibration):
    assert bgnbd.bgnbd_log_likelihood(bgnbd.CDNOW_BGNBD, calibration) == pytest.approx(
        -9582.4, abs=0.1
    )
    assert bgnbd.gamma_gamma_log_likelihood(bgnbd.CDNOW_GAMMA_GAMMA, calibration) == pytest.approx(
        -4055.9, abs=0.1
    )


def test_calendar_weeks_do_not_reproduce_the_published_estimates():
    log = datasets.cdnow_sample()
    weekly = tx.summarize_customers(log, freq="W", observation_period_end="1997-09-30")
    model = bgnbd.fit_bgnbd(weekly)
    assert abs(model.r - 0.243) > 0.03 and abs(model.alpha - 4.414) > 1


def test_fit_equals_lifetimes_fit(calibration, fitted):
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        theirs = lifetimes.BetaGeoFitter().fit(
            calibration["frequency"], calibration["recency"], calibration["T"]
        )
        repeat = calibration[calibration["frequency"] > 0]
        money = lifetimes.GammaGammaFitter().fit(repeat["frequency"], repeat["monetary_value"])
    model, spend = fitted
    for name in ("r", "alpha", "a", "b"):
        assert getattr(model, name) == pytest.approx(theirs.params_[name], rel=1e-5)
    assert [spend.p, spend.q, spend.gamma] == pytest.approx(money.params_.tolist(), rel=1e-5)


def test_standard_errors_match_lifetimes(calibration, fitted):
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        theirs = lifetimes.BetaGeoFitter().fit(
            calibration["frequency"], calibration["recency"], calibration["T"]
        )
    model, _ = fitted
    assert list(model.standard_errors) == pytest.approx(
        theirs.summary["se(coef)"].tolist(), rel=0.02
    )


def test_summary_is_readable(fitted):
    model, spend = fitted
    text = model.summary(decimals=3)
    assert (
        text.splitlines()[0]
        == "BG/NBD purchase model (Fader, Hardie & Lee 2005), maximum likelihood"
    )
    assert "customers: 2,357; time unit: week (7 days)" in text
    assert "r               0.243" in text
    assert "log-likelihood: -9,582.4" in text
    assert "converged: yes" in text
    assert "dropping out after a repeat purchase (a/(a+b)): 24.6%" in text
    assert str(model) == model.summary()
    assert "customers used (repeat buyers): 946" in str(spend)
    assert "average spend per purchase across customers (p*gamma/(q-1)): 35.17" in str(spend)
    assert model._repr_markdown_().startswith("```text")


def test_a_model_with_given_parameters_says_so():
    text = str(bgnbd.BetaGeoModel(r=0.5, alpha=2.0, a=1.2, b=3.0))
    assert "parameters given, not fitted" in text
    assert "std. error" not in text


def test_with_params_drops_the_fit_diagnostics(fitted):
    model, _ = fitted
    changed = model.with_params(b=5.0)
    assert changed.b == 5.0 and changed.r == model.r
    assert changed.log_likelihood is None and changed.standard_errors is None
    assert changed.period_days == model.period_days
    assert "what-if" in changed.message


# ---- predictions equal lifetimes' with the same parameters ---------------------------------------


def test_predictions_equal_lifetimes(calibration, fitted):
    model, spend = fitted
    purchase, money = _oracle_models(model, spend)
    x, t_x, T = calibration["frequency"], calibration["recency"], calibration["T"]
    for t in (1, 39, 52, 520):
        np.testing.assert_allclose(
            bgnbd.expected_purchases(model, t, calibration),
            purchase.conditional_expected_number_of_purchases_up_to_time(t, x, t_x, T),
            rtol=1e-9,
        )
        assert bgnbd.expected_purchases_new_customer(model, t) == pytest.approx(
            purchase.expected_number_of_purchases_up_to_time(t), rel=1e-9
        )
    np.testing.assert_allclose(
        bgnbd.probability_alive(model, calibration),
        purchase.conditional_probability_alive(x, t_x, T),
        rtol=1e-9,
    )
    np.testing.assert_allclose(
        bgnbd.expected_spend(spend, calibration),
        money.conditional_expected_average_profit(x, calibration["monetary_value"]),
        rtol=1e-9,
    )


def test_lifetime_value_equals_lifetimes_dcf(calibration, fitted):
    model, spend = fitted
    purchase, money = _oracle_models(model, spend)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        theirs = money.customer_lifetime_value(
            purchase,
            calibration["frequency"],
            calibration["recency"],
            calibration["T"],
            calibration["monetary_value"],
            time=24,
            discount_rate=0.01,
            freq="W",
        )
    # lifetimes: 4.345 weeks a month, a monthly discount rate of 1%, margin included in the spend
    ours = bgnbd.predicted_lifetime_value(
        model,
        spend,
        calibration,
        margin=1.0,
        discount_rate=1.01**12 - 1,
        years=2,
        periods_per_year=4.345 * 12,
    )
    np.testing.assert_allclose(ours["lifetime_value"], theirs, rtol=1e-8)


# ---- the lifetime value convention, tied to the lifetime value tool's calc -----------------------


@pytest.mark.parametrize(
    ("margin", "retention", "rate", "years"), [(100, 0.8, 0.1, 10), (250, 0.85, 0.12, 30)]
)
def test_dcf_with_constant_retention_is_the_course_formula(margin, retention, rate, years):
    margins = [margin * retention**k for k in range(1, years + 1)]
    assert bgnbd.dcf_value(margins, rate) == pytest.approx(
        clv.lifetime_value(margin, retention, rate, horizon=years), rel=1e-12
    )


def test_dcf_tends_to_m_r_over_1_plus_i_minus_r():
    margins = [100 * 0.8**k for k in range(1, 201)]
    assert bgnbd.dcf_value(margins, 0.10) == pytest.approx(266.67, abs=0.005)


def test_yearly_outlook_adds_up_to_the_yearly_lifetime_value(calibration, fitted):
    model, spend = fitted
    outlook = bgnbd.yearly_outlook(
        model, spend, calibration, margin=0.3, discount_rate=0.1, years=5
    )
    values = bgnbd.predicted_lifetime_value(
        model, spend, calibration, margin=0.3, discount_rate=0.1, years=5, steps_per_year=1
    )
    assert outlook["cumulative_value"].iloc[-1] == pytest.approx(
        values["lifetime_value"].mean(), rel=1e-12
    )
    assert list(outlook.columns) == [
        "expected_purchases",
        "expected_margin",
        "implied_retention",
        "discount_factor",
        "present_value",
        "cumulative_value",
    ]
    retention = outlook["implied_retention"].to_numpy()
    assert np.all((retention > 0) & (retention < 1)) and np.all(np.diff(retention) > 0)


def test_monthly_and_yearly_steps_bracket_each_other(calibration, fitted):
    model, spend = fitted
    monthly = bgnbd.predicted_lifetime_value(
        model, spend, calibration, margin=0.3, discount_rate=0.1, years=10
    )
    yearly = bgnbd.predicted_lifetime_value(
        model, spend, calibration, margin=0.3, discount_rate=0.1, years=10, steps_per_year=1
    )
    assert (monthly["lifetime_value"] >= yearly["lifetime_value"] - 1e-9).all()
    np.testing.assert_allclose(
        monthly["expected_purchases"], yearly["expected_purchases"], rtol=1e-9
    )
    assert list(monthly.columns) == [
        "probability_alive",
        "expected_purchases",
        "expected_spend",
        "lifetime_value",
    ]


def test_holdout_comparison_on_cdnow(calibration, fitted):
    model, _ = fitted
    holdout = tx.holdout_purchases(
        datasets.cdnow_sample(), calibration_period_end="1997-09-30", freq="D", freq_multiplier=7
    )
    table = bgnbd.compare_holdout(model, calibration, holdout)
    assert table.index.tolist() == ["0", "1", "2", "3", "4", "5", "6", "7+"]
    assert table["customers"].sum() == 2357
    assert table.attrs["total_actual"] == holdout.sum() == 1882
    assert table["predicted"].is_monotonic_increasing
    assert table.attrs["total_predicted"] == pytest.approx(
        bgnbd.expected_purchases(model, 39, calibration).sum(), rel=1e-12
    )


# ---- synthetic logs: parameter recovery ----------------------------------------------------------


def test_parameters_are_recovered_within_three_standard_errors():
    log = simulate_transactions(20_000, seed=3, time_of_day=True)
    summary = tx.summarize_customers(
        log,
        freq="h",
        freq_multiplier=24 * 7,
        observation_period_end=log.attrs["observation_period_end"],
    )
    model = bgnbd.fit_bgnbd(summary)
    spend = bgnbd.fit_gamma_gamma(summary)
    for fitted_model, truth in ((model, bgnbd.CDNOW_BGNBD), (spend, bgnbd.CDNOW_GAMMA_GAMMA)):
        assert fitted_model.converged
        for (name, value), error in zip(
            fitted_model.params.items(), fitted_model.standard_errors, strict=True
        ):
            assert abs(value - truth.params[name]) < 3 * error, (
                name,
                value,
                truth.params[name],
                error,
            )


def test_daily_dates_recover_the_average_rate_and_dropout():
    log = simulate_transactions(20_000, seed=4)
    summary = tx.summarize_customers(
        log, freq="D", freq_multiplier=7, observation_period_end=log.attrs["observation_period_end"]
    )
    model = bgnbd.fit_bgnbd(summary)
    truth = bgnbd.CDNOW_BGNBD
    assert model.r / model.alpha == pytest.approx(truth.r / truth.alpha, rel=0.10)
    assert model.a / (model.a + model.b) == pytest.approx(truth.a / (truth.a + truth.b), rel=0.10)
    spend = bgnbd.fit_gamma_gamma(summary)
    assert spend.mean_spend == pytest.approx(bgnbd.CDNOW_GAMMA_GAMMA.mean_spend, rel=0.10)


# ---- properties ----------------------------------------------------------------------------------

parameters = st.fixed_dictionaries(
    {
        "r": st.floats(0.05, 5),
        "alpha": st.floats(0.5, 50),
        "a": st.floats(0.1, 5),
        "b": st.floats(0.1, 20),
    }
)
histories = st.tuples(st.integers(0, 60), st.floats(0, 1), st.floats(0.1, 150)).map(
    lambda row: (row[0], row[1] * row[2] if row[0] > 0 else 0.0, row[2])
)


def _one(history) -> pd.DataFrame:
    x, t_x, T = history
    return pd.DataFrame({"frequency": [float(x)], "recency": [t_x], "T": [T]})


@settings(max_examples=150, deadline=None)
@given(parameters, histories)
def test_probability_alive_is_a_probability(params, history):
    value = bgnbd.probability_alive(bgnbd.BetaGeoModel(**params), _one(history)).iloc[0]
    assert 0.0 <= value <= 1.0
    if history[0] == 0:
        assert value == 1.0


@settings(max_examples=150, deadline=None)
@given(parameters, histories, st.floats(0.1, 200), st.floats(0.1, 200))
def test_expected_purchases_grow_with_time(params, history, t1, extra):
    model = bgnbd.BetaGeoModel(**params)
    table = _one(history)
    early = bgnbd.expected_purchases(model, t1, table).iloc[0]
    late = bgnbd.expected_purchases(model, t1 + extra, table).iloc[0]
    assert math.isfinite(early) and math.isfinite(late)
    assert 0.0 <= early <= late * (1 + 1e-9) + 1e-12
    assert bgnbd.expected_purchases(model, 0, table).iloc[0] == 0.0


@settings(max_examples=100, deadline=None)
@given(
    st.floats(0.5, 20),
    st.floats(1.1, 20),
    st.floats(0.5, 100),
    st.integers(1, 50),
    st.floats(0.5, 500),
)
def test_expected_spend_lies_between_own_and_average(p, q, gamma, x, m):
    model = bgnbd.GammaGammaModel(p=p, q=q, gamma=gamma)
    table = pd.DataFrame(
        {"frequency": [float(x)], "recency": [1.0], "T": [2.0], "monetary_value": [m]}
    )
    value = bgnbd.expected_spend(model, table).iloc[0]
    low, high = sorted([m, model.mean_spend])
    assert low * (1 - 1e-9) <= value <= high * (1 + 1e-9)


@settings(max_examples=60, deadline=None)
@given(st.floats(0.0, 0.95), st.floats(0.01, 0.5), st.integers(1, 40))
def test_dcf_matches_clv_for_any_constant_retention(retention, rate, years):
    margins = [100 * retention**k for k in range(1, years + 1)]
    assert bgnbd.dcf_value(margins, rate) == pytest.approx(
        clv.lifetime_value(100, retention, rate, horizon=years), rel=1e-9, abs=1e-9
    )


def test_a_equal_to_one_is_handled():
    model = bgnbd.BetaGeoModel(r=0.5, alpha=5.0, a=1.0, b=2.0)
    near = bgnbd.BetaGeoModel(r=0.5, alpha=5.0, a=1.0 + 1e-4, b=2.0)
    table = _one((3, 10.0, 30.0))
    assert bgnbd.expected_purchases(model, 52, table).iloc[0] == pytest.approx(
        bgnbd.expected_purchases(near, 52, table).iloc[0], rel=1e-3
    )


# ---- bad input: one test each --------------------------------------------------------------------

HISTORY = pd.DataFrame(
    {
        "frequency": [0.0, 2.0],
        "recency": [0.0, 5.0],
        "T": [10.0, 10.0],
        "monetary_value": [0.0, 20.0],
    }
)


def _with(**columns) -> pd.DataFrame:
    table = HISTORY.copy()
    for name, values in columns.items():
        table[name] = values
    return table


def test_no_repeat_buyers_for_bgnbd():
    with pytest.raises(ValueError, match="needs customers who bought more than once"):
        bgnbd.fit_bgnbd(_with(frequency=[0.0, 0.0], recency=[0.0, 0.0]))


def test_no_repeat_buyers_for_gamma_gamma():
    with pytest.raises(
        ValueError, match="Gamma-Gamma spend model is fitted on customers who bought again"
    ):
        bgnbd.fit_gamma_gamma(_with(frequency=[0.0, 0.0], recency=[0.0, 0.0]))


def test_zero_spend_repeat_buyer_for_gamma_gamma():
    with pytest.raises(
        ValueError, match=r"positive average repeat purchase value.*1 have 0, the first at row 2"
    ):
        bgnbd.fit_gamma_gamma(_with(monetary_value=[0.0, 0.0]))


def test_frequency_must_be_whole():
    with pytest.raises(
        ValueError, match=r"column 'frequency' must hold whole numbers.*row 2 holds 2.5"
    ):
        bgnbd.fit_bgnbd(_with(frequency=[0.0, 2.5]))


def test_frequency_must_not_be_negative():
    with pytest.raises(ValueError, match=r"column 'frequency' .* must hold a number of at least 0"):
        bgnbd.fit_bgnbd(_with(frequency=[0.0, -1.0]))


def test_recency_cannot_exceed_T():
    with pytest.raises(
        ValueError, match=r"recency cannot be larger than T.*row 2 has recency 12 and T 10"
    ):
        bgnbd.fit_bgnbd(_with(recency=[0.0, 12.0]))


def test_recency_must_be_zero_without_repeat_purchases():
    with pytest.raises(ValueError, match=r"frequency 0\) must have recency 0; row 1 has recency 3"):
        bgnbd.fit_bgnbd(_with(recency=[3.0, 5.0]))


def test_missing_summary_column():
    with pytest.raises(ValueError, match=r"missing column 'T'"):
        bgnbd.fit_bgnbd(HISTORY.drop(columns="T"))


def test_empty_summary():
    with pytest.raises(ValueError, match="has no customers"):
        bgnbd.fit_bgnbd(HISTORY.iloc[:0])


def test_text_in_a_summary_is_named():
    with pytest.raises(ValueError, match=r"column 'T' .* bad values at row 1: 'ten'"):
        bgnbd.fit_bgnbd(_with(T=["ten", 10.0]))


@pytest.mark.parametrize(
    ("name", "value"), [("r", 0), ("alpha", -1), ("a", float("nan")), ("b", "2")]
)
def test_model_parameters_must_be_positive_numbers(name, value):
    params = {"r": 0.5, "alpha": 2.0, "a": 1.2, "b": 3.0, name: value}
    with pytest.raises(ValueError, match=rf"^{name} must be a"):
        bgnbd.BetaGeoModel(**params)


def test_with_params_refuses_unknown_names():
    with pytest.raises(
        ValueError,
        match=r"'beta' is not a parameter of this model; its parameters are r, alpha, a, b",
    ):
        bgnbd.CDNOW_BGNBD.with_params(beta=2)


def test_q_at_most_one_has_no_average_spend():
    model = bgnbd.GammaGammaModel(p=2.0, q=0.8, gamma=10.0)
    with pytest.raises(
        ValueError, match="q = 0.800 ≤ 1, so the average spend across customers is infinite"
    ):
        _ = model.mean_spend
    with pytest.raises(ValueError, match="infinite"):
        bgnbd.expected_spend(model, HISTORY)


def test_model_must_be_a_model():
    with pytest.raises(
        ValueError, match=r"model must be a BetaGeoModel \(from fit_bgnbd\(summary\).*you gave dict"
    ):
        bgnbd.probability_alive({"r": 1}, HISTORY)


def test_gamma_gamma_must_be_a_spend_model():
    with pytest.raises(ValueError, match=r"gamma_gamma must be a GammaGammaModel"):
        bgnbd.predicted_lifetime_value(
            bgnbd.CDNOW_BGNBD, bgnbd.CDNOW_BGNBD, HISTORY, margin=0.3, discount_rate=0.1
        )


def test_t_must_not_be_negative():
    with pytest.raises(ValueError, match=r"t must be 0 or more .* you gave -1"):
        bgnbd.expected_purchases(bgnbd.CDNOW_BGNBD, -1, HISTORY)


def test_margin_above_one_is_refused():
    with pytest.raises(
        ValueError,
        match=r"margin must be a decimal from 0 up to and including 1.*If you meant 30%, type 0.3",
    ):
        bgnbd.predicted_lifetime_value(
            bgnbd.CDNOW_BGNBD, bgnbd.CDNOW_GAMMA_GAMMA, HISTORY, margin=30, discount_rate=0.1
        )


def test_discount_rate_of_one_or_more_is_refused():
    with pytest.raises(
        ValueError, match=r"discount_rate must be a decimal from 0 up to \(but not including\) 1"
    ):
        bgnbd.predicted_lifetime_value(
            bgnbd.CDNOW_BGNBD, bgnbd.CDNOW_GAMMA_GAMMA, HISTORY, margin=0.3, discount_rate=1.5
        )


def test_years_must_be_whole_and_positive():
    with pytest.raises(ValueError, match=r"years must be a whole number from 1 to 100"):
        bgnbd.predicted_lifetime_value(
            bgnbd.CDNOW_BGNBD,
            bgnbd.CDNOW_GAMMA_GAMMA,
            HISTORY,
            margin=0.3,
            discount_rate=0.1,
            years=0,
        )


def test_unknown_time_unit_needs_periods_per_year():
    model = bgnbd.BetaGeoModel(r=0.5, alpha=2.0, a=1.2, b=3.0)
    with pytest.raises(ValueError, match=r"pass periods_per_year, e.g. 52 for weeks"):
        bgnbd.predicted_lifetime_value(
            model, bgnbd.CDNOW_GAMMA_GAMMA, HISTORY, margin=0.3, discount_rate=0.1
        )


def test_dcf_needs_margins():
    with pytest.raises(ValueError, match="at least one step's margin"):
        bgnbd.dcf_value([], 0.1)


def test_correlation_needs_three_varied_repeat_buyers():
    with pytest.raises(ValueError, match="at least three repeat buyers"):
        bgnbd.spend_frequency_correlation(HISTORY)


def test_holdout_must_match_the_summary():
    with pytest.raises(ValueError, match="one number per customer of the summary"):
        bgnbd.compare_holdout(bgnbd.CDNOW_BGNBD, HISTORY, pd.Series([1, 2, 3]), duration=10)


def test_holdout_needs_a_duration():
    with pytest.raises(ValueError, match="give duration"):
        bgnbd.compare_holdout(bgnbd.CDNOW_BGNBD, HISTORY, pd.Series([0, 1]))
