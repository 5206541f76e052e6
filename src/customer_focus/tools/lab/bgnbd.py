"""Customer lifetime value from purchase histories: the BG/NBD and Gamma-Gamma models.

Two published models turn each customer's summary (from
:func:`customer_focus.tools.lab.transactions.summarize_customers`) into a forecast:

**BG/NBD** (beta-geometric / negative binomial distribution), Fader, Hardie &
Lee (2005), "'Counting Your Customers' the Easy Way: An Alternative to the
Pareto/NBD Model", *Marketing Science* 24(2), 275–284. While active, a
customer buys at a steady random rate λ (a Poisson process); after each
repeat purchase the customer may drop out for good, with probability ``p``.
Across customers λ follows a gamma distribution (shape ``r``, rate ``alpha``)
and ``p`` a beta distribution (``a``, ``b``). The model predicts how many
purchases each customer will make in the next ``t`` periods and the
probability that the customer is still active.

**Gamma-Gamma** spend model, Fader, Hardie & Lee (2005), "RFM and CLV: Using
Iso-Value Curves for Customer Base Analysis", *Journal of Marketing Research*
42(4), 415–430. A customer's purchase values vary around the customer's own
mean; that mean varies across customers. Parameters ``p``, ``q`` and
``gamma``. It predicts each customer's average spend per purchase, shrinking
a short history toward the average of all customers. It assumes that how much
a customer spends per purchase is independent of how often they buy (check
with :func:`spend_frequency_correlation`), and it is fitted only on customers
who bought again, with the average value of their repeat purchases.

Both are fitted by maximum likelihood with SciPy (L-BFGS-B on the logarithms
of the parameters, which keeps them positive, with exact gradients; the
likelihood is computed in log space with ``gammaln``, ``betaln`` and
``logaddexp``). Standard errors come from the curvature of the likelihood.

Lifetime value and the course's timing convention
-------------------------------------------------
:func:`predicted_lifetime_value` is the standard discounted cash flow:
expected purchases in each step after today × expected spend per purchase ×
margin, discounted to the end of the step at the yearly discount rate, over a
horizon of whole years. It counts nothing for the purchases already made and
nothing today for certain; each step's expected purchases already include the
chance that the customer is still active. That is the course's
``"after_renewal"`` convention in :mod:`customer_focus.tools.lifetime_value.calc`, the one behind
m·r/(1+i−r): with yearly steps, a customer who would bring a margin ``m`` a
year while active and stays active from one year to the next with probability
``r`` is worth exactly Σ m·r^k/(1+i)^k, the same sum (see :func:`dcf_value`).
The difference is where ``m`` and ``r`` come from: here they are predicted
customer by customer from the purchase history instead of assumed equal for
everyone and constant over time.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field, replace
from typing import Any, ClassVar

import numpy as np
import pandas as pd
from scipy import optimize, special

from ...core.messages import N_, Messages
from ...core.tables import numeric_column, require_columns, where
from ...core.validation import as_number, as_rate, as_whole_number

_ = Messages("tools.lab")

__all__ = [
    "CDNOW_BGNBD",
    "CDNOW_GAMMA_GAMMA",
    "BetaGeoModel",
    "GammaGammaModel",
    "fit_bgnbd",
    "fit_gamma_gamma",
    "bgnbd_log_likelihood",
    "gamma_gamma_log_likelihood",
    "expected_purchases",
    "expected_purchases_new_customer",
    "probability_alive",
    "expected_spend",
    "spend_frequency_correlation",
    "dcf_value",
    "predicted_lifetime_value",
    "yearly_outlook",
    "compare_holdout",
]

#: Days in a year, to turn the model's time unit into years.
DAYS_PER_YEAR = 365.25
#: Limits of the log-parameters during fitting (e^±25 covers any sensible value).
_LOG_BOUND = 25.0


def _positive(value: object, name: str, meaning: str) -> float:
    number = as_number(value, name, meaning=meaning)
    if number <= 0:
        raise ValueError(_("{name} must be a positive number ({meaning}); you gave {given!r}."
                         ).format(name=name, meaning=meaning, given=value))
    return number


# ---------------------------------------------------------------------------
# Result objects
# ---------------------------------------------------------------------------


@dataclass(frozen=True)
class _Model:
    """What the two models share: fit diagnostics and a readable summary."""

    log_likelihood: float | None = field(default=None, kw_only=True)
    converged: bool | None = field(default=None, kw_only=True)
    message: str = field(default=N_("parameters given, not fitted"), kw_only=True)
    n_customers: int | None = field(default=None, kw_only=True)
    iterations: int | None = field(default=None, kw_only=True)
    standard_errors: tuple[float, ...] | None = field(default=None, kw_only=True)
    period_days: float | None = field(default=None, kw_only=True)
    time_unit: str | None = field(default=None, kw_only=True)

    _NAMES: ClassVar[tuple[str, ...]] = ()
    _TITLE: ClassVar[str] = ""
    _MEANINGS: ClassVar[dict[str, str]] = {}
    _COUNTED: ClassVar[str] = N_("customers")

    def __post_init__(self) -> None:
        for name in self._NAMES:
            value = _positive(getattr(self, name), name, _(self._MEANINGS[name]))
            object.__setattr__(self, name, value)
        if self.period_days is not None:
            object.__setattr__(
                self,
                "period_days",
                _positive(
                    self.period_days, "period_days",
                    _("the length of the model's time unit, in days"),
                ),
            )

    @property
    def params(self) -> dict[str, float]:
        """The parameters by name."""
        return {name: float(getattr(self, name)) for name in self._NAMES}

    def with_params(self, **changes: float) -> _Model:
        """A copy with some parameters changed by hand (a what-if; fit diagnostics are dropped).

        Examples
        --------
        >>> CDNOW_BGNBD.with_params(b=3.0).b
        3.0
        """
        unknown = [name for name in changes if name not in self._NAMES]
        if unknown:
            raise ValueError(
                _("with_params: {unknown} is not a parameter of this model; its parameters are "
                  "{names}."
                ).format(unknown=', '.join(map(repr, unknown)), names=', '.join(self._NAMES))
            )
        return replace(
            self,
            **changes,
            log_likelihood=None,
            converged=None,
            iterations=None,
            standard_errors=None,
            message=N_("parameters set by hand (a what-if), not fitted"),
        )

    def _interpretation(self) -> list[str]:
        return []

    def summary(self, decimals: int = 4) -> str:
        """A readable table of the parameters and how the fit went.

        Parameters
        ----------
        decimals : int
            Decimals shown for the parameters (the log-likelihood gets 1).

        Returns
        -------
        str
        """
        places = as_whole_number(
            decimals, "decimals", meaning=_("decimals to show"), minimum=0, maximum=10
        )
        lines = [_(self._TITLE)]
        facts = []
        if self.n_customers is not None:
            facts.append(_("{counted}: {count:,}").format(
                counted=_(self._COUNTED), count=self.n_customers))
        if self.time_unit:
            facts.append(_("time unit: {unit}").format(unit=_(self.time_unit)))
        if facts:
            lines.append("  " + _("; ").join(facts))
        width = max(8, places + 6)
        parameter, estimate, error_word = _("parameter"), _("estimate"), _("std. error")
        header = f"  {parameter:<10}{estimate:>{width + 2}}"
        if self.standard_errors is not None:
            header += f"{error_word:>{width + 4}}"
        lines.append(header)
        for position, name in enumerate(self._NAMES):
            row = f"  {name:<10}{getattr(self, name):>{width + 2}.{places}f}"
            if self.standard_errors is not None:
                error = self.standard_errors[position]
                row += (
                    f"{error:>{width + 4}.{places}f}"
                    if math.isfinite(error)
                    else f"{'n/a':>{width + 4}}"
                )
            lines.append(row)
        if self.log_likelihood is not None:
            lines.append("  " + _("log-likelihood: {value:,.1f}").format(value=self.log_likelihood))
        if self.converged is not None:
            status = _("yes") if self.converged else _("NO")
            lines.append("  " + _("converged: {status} ({message})").format(
                status=status, message=_(self.message)))
        else:
            lines.append(f"  {_(self.message)}")
        lines.extend("  " + line for line in self._interpretation())
        return "\n".join(lines)

    def __str__(self) -> str:
        return self.summary()

    def _repr_markdown_(self) -> str:
        return "```text\n" + self.summary() + "\n```"


@dataclass(frozen=True)
class BetaGeoModel(_Model):
    """A BG/NBD model (Fader, Hardie & Lee 2005): fitted, or with parameters given.

    Attributes
    ----------
    r, alpha : float
        Shape and rate of the gamma distribution of purchase rates λ across
        customers (the average rate is r / alpha purchases per time unit).
    a, b : float
        Parameters of the beta distribution of the drop-out probability
        ``p`` after each repeat purchase (its average is a / (a + b)).
    log_likelihood : float or None
        The maximized log-likelihood (None when the parameters were given).
    converged : bool or None
        Whether the optimizer reported success.
    message, iterations, n_customers, standard_errors
        Diagnostics of the fit.
    period_days : float or None
        Length of the model's time unit in days (7 for weeks), taken from the
        summary the model was fitted on; used to turn years into time units.
    time_unit : str or None
        The time unit in words.

    Examples
    --------
    >>> model = BetaGeoModel(r=0.243, alpha=4.414, a=0.793, b=2.426)
    >>> round(model.r / model.alpha, 3)
    0.055
    """

    r: float
    alpha: float
    a: float
    b: float

    _NAMES = ("r", "alpha", "a", "b")
    _TITLE = N_("BG/NBD purchase model (Fader, Hardie & Lee 2005), maximum likelihood")
    _MEANINGS = {
        "r": N_("shape of the purchase-rate distribution"),
        "alpha": N_("scale of the purchase-rate distribution, in time units"),
        "a": N_("first parameter of the drop-out probability distribution"),
        "b": N_("second parameter of the drop-out probability distribution"),
    }

    def _interpretation(self) -> list[str]:
        unit = _(self.time_unit) if self.time_unit else _("time unit")
        return [
            _("average purchase rate while active (r/alpha): {rate:.3f} per {unit}").format(
                rate=self.r / self.alpha, unit=unit),
            _("average chance of dropping out after a repeat purchase (a/(a+b)): "
              "{chance:.1%}").format(chance=self.a / (self.a + self.b)),
        ]


@dataclass(frozen=True)
class GammaGammaModel(_Model):
    """A Gamma-Gamma spend model (Fader, Hardie & Lee 2005, JMR): fitted, or with parameters given.

    Attributes
    ----------
    p : float
        Shape of the gamma distribution of one customer's purchase values.
    q, gamma : float
        Shape and rate of the gamma distribution of the customers' spend
        scale. The average spend per purchase across customers is
        p·gamma / (q − 1), defined when q > 1.

    Examples
    --------
    >>> round(GammaGammaModel(p=6.25, q=3.74, gamma=15.44).mean_spend, 2)
    35.22
    """

    p: float
    q: float
    gamma: float

    _NAMES = ("p", "q", "gamma")
    _COUNTED = N_("customers used (repeat buyers)")
    _TITLE = N_("Gamma-Gamma spend model (Fader, Hardie & Lee 2005), maximum likelihood")
    _MEANINGS = {
        "p": N_("shape of each customer's purchase-value distribution"),
        "q": N_("shape of the distribution of spend across customers"),
        "gamma": N_("rate of the distribution of spend across customers"),
    }

    @property
    def mean_spend(self) -> float:
        """Average spend per purchase across customers, p·gamma/(q − 1).

        Raises
        ------
        ValueError
            When q ≤ 1 (the average is then infinite).
        """
        if self.q <= 1:
            raise ValueError(
                _("the Gamma-Gamma model has q = {q:.3f} ≤ 1, so the average spend across "
                  "customers is infinite: a few huge spenders dominate. Check the amounts for "
                  "errors or outliers before predicting spend."
                ).format(q=self.q)
            )
        return self.p * self.gamma / (self.q - 1)

    def _interpretation(self) -> list[str]:
        if self.q <= 1:
            return [
                _("average spend per purchase across customers (p*gamma/(q-1)): infinite, as "
                  "q <= 1")
            ]
        return [
            _("average spend per purchase across customers (p*gamma/(q-1)): {spend:,.2f}").format(
                spend=self.mean_spend)
        ]


#: Published BG/NBD estimates for the CDNOW sample, weeks (Fader, Hardie & Lee 2005,
#: Marketing Science).
CDNOW_BGNBD = BetaGeoModel(
    r=0.243,
    alpha=4.414,
    a=0.793,
    b=2.426,
    period_days=7.0,
    time_unit="week",
    message=N_("published estimates for the CDNOW sample (Fader, Hardie & Lee 2005)"),
)
#: Published Gamma-Gamma estimates for the CDNOW sample (Fader, Hardie & Lee 2005, JMR).
CDNOW_GAMMA_GAMMA = GammaGammaModel(
    p=6.25,
    q=3.74,
    gamma=15.44,
    message=N_("published estimates for the CDNOW sample (Fader, Hardie & Lee 2005)"),
)


# ---------------------------------------------------------------------------
# Checking a customer summary
# ---------------------------------------------------------------------------


def _history(summary: pd.DataFrame, *, need_monetary: bool = False) -> dict[str, np.ndarray]:
    """frequency, recency, T (and monetary_value) as float arrays, checked."""
    required = ["frequency", "recency", "T"] + (["monetary_value"] if need_monetary else [])
    require_columns(summary, required)
    if summary.empty:
        raise ValueError(
            _("{source}: has no customers; summarize a log with at least one purchase first "
              "(transactions.summarize_customers)."
            ).format(source=summary.attrs.get("source", _("the summary")))
        )
    x = numeric_column(
        summary, "frequency", meaning=_("number of repeat purchases"), low=0
    ).to_numpy()
    fractional = x != np.floor(x)
    if fractional.any():
        first = int(np.flatnonzero(fractional)[0])
        raise ValueError(
            _("column 'frequency' must hold whole numbers of repeat purchases; {where} holds "
              "{value:g}. Use the summary made by transactions.summarize_customers."
            ).format(where=where(summary, first), value=x[first])
        )
    t_x = numeric_column(
        summary, "recency", meaning=_("age at the last purchase"), low=0
    ).to_numpy()
    age = numeric_column(
        summary, "T", meaning=_("age at the end of the observation period"), low=0
    ).to_numpy()
    late = t_x > age * (1 + 1e-12) + 1e-12
    if late.any():
        first = int(np.flatnonzero(late)[0])
        raise ValueError(
            _("recency cannot be larger than T (the last purchase cannot come after the end of "
              "the observation period); {where} has recency {recency:g} and T {age:g}."
            ).format(where=where(summary, first), recency=t_x[first], age=age[first])
        )
    orphan = (x == 0) & (t_x > 0)
    if orphan.any():
        first = int(np.flatnonzero(orphan)[0])
        raise ValueError(
            _("a customer with no repeat purchase (frequency 0) must have recency 0; {where} "
              "has recency {recency:g}."
            ).format(where=where(summary, first), recency=t_x[first])
        )
    data = {"x": x, "t_x": t_x, "T": age}
    if need_monetary:
        data["m"] = numeric_column(
            summary, "monetary_value", meaning=_("average value of the repeat purchases"), low=0
        ).to_numpy()
    return data


def _period_info(summary: pd.DataFrame) -> dict[str, Any]:
    days = summary.attrs.get("period_days")
    unit = summary.attrs.get("time_unit")
    info: dict[str, Any] = {}
    if isinstance(days, (int, float)) and days > 0:
        info["period_days"] = float(days)
    if isinstance(unit, str):
        info["time_unit"] = unit
    return info


# ---------------------------------------------------------------------------
# BG/NBD likelihood and fit
# ---------------------------------------------------------------------------


def _dot(left: np.ndarray, right: np.ndarray) -> float:
    """Sum of products without BLAS: BLAS threads slow small reductions down on a busy machine."""
    return float(np.einsum("i,i->", left, right))


def _bgnbd_parts(log_params: np.ndarray, x, t_x, T, w, xu, xi, need_grad: bool = True):
    """Weighted log-likelihood of BG/NBD and its gradient in the log-parameters.

    Each customer's likelihood is A · (L1 + L2) with, in logs (Fader, Hardie
    & Lee 2005, eq. 6): log A = lnΓ(r+x) − lnΓ(r) + r ln α,
    log L1 = ln B(a, b+x) − ln B(a, b) − (r+x) ln(α+T) and, when x > 0,
    log L2 = ln B(a+1, b+x−1) − ln B(a, b) − (r+x) ln(α+t_x).
    """
    r, alpha, a, b = np.exp(log_params)
    # terms that depend only on the number of repeat purchases: once per distinct x
    weight_x = np.bincount(xi, weights=w, minlength=len(xu))
    beta0 = special.betaln(a, b)
    log_gamma = special.gammaln(r + xu) - special.gammaln(r)
    log_beta1 = special.betaln(a, b + xu) - beta0
    repeat = xu > 0
    xb = np.where(repeat, xu, 1.0)
    log_beta2 = np.where(repeat, special.betaln(a + 1, b + xb - 1) - beta0, -np.inf)
    log_aT = np.log(alpha + T)
    log_atx = np.log(alpha + t_x)
    rx = r + x
    term1 = log_beta1[xi] - rx * log_aT
    gap = (log_beta2 - log_beta1)[xi] - rx * (log_atx - log_aT)  # log L2 - log L1 (-inf if x = 0)
    mix = term1 + np.logaddexp(0.0, gap)  # log(L1 + L2)
    total = float(_dot(weight_x, log_gamma) + w.sum() * r * np.log(alpha) + _dot(w, mix))
    if not need_grad:
        return total, None
    w2 = special.expit(gap)  # share of L2 in L1 + L2
    w1 = 1.0 - w2
    ww1, ww2 = w * w1, w * w2
    by_x1 = np.bincount(xi, weights=ww1, minlength=len(xu))
    by_x2 = np.bincount(xi, weights=ww2, minlength=len(xu))
    psi_ab = special.digamma(a + b)
    psi_abx = special.digamma(a + b + xu)
    d_r = (
        _dot(weight_x, special.digamma(r + xu) - special.digamma(r))
        + w.sum() * np.log(alpha)
        - _dot(ww1, log_aT)
        - _dot(ww2, log_atx)
    )
    d_alpha = (
        w.sum() * r / alpha
        - _dot(ww1 * rx, 1.0 / (alpha + T))
        - _dot(ww2 * rx, 1.0 / (alpha + t_x))
    )
    d1_a = psi_ab - psi_abx
    d1_b = special.digamma(b + xu) - psi_abx - special.digamma(b) + psi_ab
    d2_a = 1.0 / a + psi_ab - psi_abx
    d2_b = np.where(
        repeat, special.digamma(b + xb - 1) - psi_abx - special.digamma(b) + psi_ab, 0.0
    )
    d_a = _dot(by_x1, d1_a) + _dot(by_x2, d2_a)
    d_b = _dot(by_x1, d1_b) + _dot(by_x2, d2_b)
    gradient = np.array([d_r, d_alpha, d_a, d_b]) * np.array([r, alpha, a, b])
    return total, gradient


def _compress(*columns: np.ndarray) -> tuple[list[np.ndarray], np.ndarray]:
    """Distinct rows of the columns and how many customers share each (sorted)."""
    order = np.lexsort(columns[::-1])
    ordered = [np.ascontiguousarray(column[order], dtype=float) for column in columns]
    new = np.zeros(len(order), dtype=bool)
    new[0] = True
    for column in ordered:
        new[1:] |= column[1:] != column[:-1]
    starts = np.flatnonzero(new)
    counts = np.diff(np.append(starts, len(order))).astype(float)
    return [column[starts] for column in ordered], counts


def bgnbd_log_likelihood(model: BetaGeoModel, summary: pd.DataFrame) -> float:
    """The BG/NBD log-likelihood of a customer summary (Fader, Hardie & Lee 2005, eq. 6).

    Parameters
    ----------
    model : BetaGeoModel
        The parameters.
    summary : pandas.DataFrame
        Columns ``frequency``, ``recency`` and ``T``.

    Returns
    -------
    float
        The sum over customers of the log of each customer's likelihood.

    Examples
    --------
    >>> table = pd.DataFrame({"frequency": [0, 2], "recency": [0, 20], "T": [39, 39]})
    >>> round(bgnbd_log_likelihood(CDNOW_BGNBD, table), 3)
    -9.73
    """
    _require_model(model, BetaGeoModel, "model")
    data = _history(summary)
    (x, t_x, T), w = _compress(data["x"], data["t_x"], data["T"])
    xu, xi = np.unique(x, return_inverse=True)
    log_params = np.log([model.r, model.alpha, model.a, model.b])
    return _bgnbd_parts(log_params, x, t_x, T, w, xu, xi, need_grad=False)[0]


def _numerical_hessian(gradient, point: np.ndarray, step: float = 1e-6) -> np.ndarray:
    """Forward differences of the exact gradient (one gradient per parameter, 3 or 4 in all)."""
    size = len(point)
    base = gradient(point)
    hessian = np.empty((size, size))
    for k in range(size):  # one column per parameter, not per customer
        shift = np.zeros(size)
        shift[k] = step
        hessian[:, k] = (gradient(point + shift) - base) / step
    return (hessian + hessian.T) / 2


def _standard_errors(gradient, log_params: np.ndarray) -> tuple[float, ...]:
    """Delta-method standard errors of the parameters from the log-parameter Hessian."""
    try:
        hessian = _numerical_hessian(gradient, log_params)
        covariance = np.linalg.inv(hessian)
        variance = np.diag(covariance)
    except np.linalg.LinAlgError:
        return tuple(math.nan for _ in log_params)
    errors = np.where(variance > 0, np.exp(log_params) * np.sqrt(np.abs(variance)), np.nan)
    return tuple(float(value) for value in errors)


def _minimize(objective, start: np.ndarray, max_iterations: int):
    bounds = [(-_LOG_BOUND, _LOG_BOUND)] * len(start)
    result = optimize.minimize(
        objective,
        start,
        jac=True,
        method="L-BFGS-B",
        bounds=bounds,
        options={"maxiter": max_iterations, "ftol": 1e-15, "gtol": 1e-10, "maxls": 50},
    )
    at_bound = np.abs(result.x) >= _LOG_BOUND - 1e-6
    message = str(result.message)
    converged = bool(result.success) and not at_bound.any()
    if at_bound.any():
        message = N_("a parameter reached its limit: the data do not pin the model down")
    elif result.success:
        message = N_("optimum found")
    return result, converged, message


def _fit_details(
    result: Any, converged: bool, message: str, n: int, errors: tuple[float, ...]
) -> dict[str, Any]:
    """What every fitted model records about its fit (``result.fun`` is per customer)."""
    return {
        "log_likelihood": float(-result.fun * n),
        "converged": converged,
        "message": message,
        "n_customers": int(n),
        "iterations": int(result.nit),
        "standard_errors": errors,
    }


def fit_bgnbd(summary: pd.DataFrame, *, max_iterations: int = 1000) -> BetaGeoModel:
    """Fit the BG/NBD model to a customer summary by maximum likelihood.

    Parameters
    ----------
    summary : pandas.DataFrame
        One row per customer with ``frequency`` (repeat purchases),
        ``recency`` and ``T``, as made by
        :func:`customer_focus.tools.lab.transactions.summarize_customers`. Its time
        unit (e.g. weeks) becomes the model's.
    max_iterations : int
        Most optimizer iterations allowed.

    Returns
    -------
    BetaGeoModel
        Parameters, log-likelihood, convergence status, standard errors;
        ``print(model)`` shows a summary.

    Raises
    ------
    ValueError
        When a column is missing or holds impossible values, or no customer
        made a repeat purchase (the drop-out process is then unobservable).

    Examples
    --------
    >>> from customer_focus.tools.lab import datasets, transactions  # doctest: +SKIP
    >>> summary = transactions.summarize_customers(datasets.cdnow_sample(), freq="D",
    ...     freq_multiplier=7, observation_period_end="1997-09-30")  # doctest: +SKIP
    >>> round(fit_bgnbd(summary).r, 3)  # doctest: +SKIP
    0.243
    """
    data = _history(summary)
    iterations = as_whole_number(
        max_iterations, "max_iterations", meaning=_("most optimizer iterations"), maximum=100_000
    )
    repeaters = int((data["x"] > 0).sum())
    if repeaters == 0:
        raise ValueError(
            _("the BG/NBD model needs customers who bought more than once: in this summary no "
              "customer made a repeat purchase, so nothing shows how often customers buy or when "
              "they stop. Use a longer observation period, or a finer time unit (freq='D' rather "
              "than 'W').")
        )
    if float(data["T"].max()) <= 0:
        raise ValueError(
            _("every customer has T = 0: the observation period must end after the first "
              "purchases.")
        )
    (x, t_x, T), w = _compress(data["x"], data["t_x"], data["T"])
    xu, xi = np.unique(x, return_inverse=True)
    n = float(w.sum())

    def objective(log_params: np.ndarray):
        value, gradient = _bgnbd_parts(log_params, x, t_x, T, w, xu, xi)
        if not np.isfinite(value):
            return 1e300, np.zeros_like(log_params)
        return -value / n, -gradient / n

    mean_x = float(np.dot(w, x) / n)
    mean_T = float(np.dot(w, T) / n)
    start = np.log([1.0, max(mean_T, 1e-6) / max(mean_x, 1e-6), 1.0, 1.0])
    start = np.clip(start, -_LOG_BOUND + 1, _LOG_BOUND - 1)
    result, converged, message = _minimize(objective, start, iterations)
    errors = _standard_errors(lambda point: -_bgnbd_parts(point, x, t_x, T, w, xu, xi)[1], result.x)
    r, alpha, a, b = np.exp(result.x)
    return BetaGeoModel(
        r=float(r),
        alpha=float(alpha),
        a=float(a),
        b=float(b),
        **_fit_details(result, converged, message, n, errors),
        **_period_info(summary),
    )


# ---------------------------------------------------------------------------
# Gamma-Gamma likelihood and fit
# ---------------------------------------------------------------------------


def _gamma_gamma_parts(log_params: np.ndarray, x, m, need_grad: bool = True):
    p, q, gamma = np.exp(log_params)
    px = p * x
    log_gm = np.log(gamma + x * m)
    ll = (
        special.gammaln(px + q)
        - special.gammaln(px)
        - special.gammaln(q)
        + q * np.log(gamma)
        + (px - 1) * np.log(m)
        + px * np.log(x)
        - (px + q) * log_gm
    )
    total = float(ll.sum())
    if not need_grad:
        return total, None
    psi = special.digamma(px + q)
    d_p = x * (psi - special.digamma(px) + np.log(m) + np.log(x) - log_gm)
    d_q = psi - special.digamma(q) + np.log(gamma) - log_gm
    d_gamma = q / gamma - (px + q) / (gamma + x * m)
    gradient = np.array([d_p.sum(), d_q.sum(), d_gamma.sum()]) * np.array([p, q, gamma])
    return total, gradient


def _repeat_buyers(summary: pd.DataFrame) -> tuple[np.ndarray, np.ndarray]:
    data = _history(summary, need_monetary=True)
    repeat = data["x"] > 0
    if not repeat.any():
        raise ValueError(
            _("the Gamma-Gamma spend model is fitted on customers who bought again (it uses the "
              "average value of their repeat purchases), and no customer in this summary made a "
              "repeat purchase. Use a longer observation period.")
        )
    x, m = data["x"][repeat], data["m"][repeat]
    zero = m <= 0
    if zero.any():
        position = int(np.flatnonzero(repeat)[np.flatnonzero(zero)[0]])
        raise ValueError(
            _("the Gamma-Gamma spend model needs a positive average repeat purchase value for "
              "every customer who bought again; {count:,} have 0, the first at {where}. Leave "
              "out zero-value purchases (free items, exchanges) before summarizing, or set "
              "those customers aside."
            ).format(count=zero.sum(), where=where(summary, position))
        )
    return x, m


def gamma_gamma_log_likelihood(model: GammaGammaModel, summary: pd.DataFrame) -> float:
    """The Gamma-Gamma log-likelihood of the repeat buyers' average spend.

    Parameters
    ----------
    model : GammaGammaModel
    summary : pandas.DataFrame
        Columns ``frequency``, ``recency``, ``T`` and ``monetary_value``;
        only customers with ``frequency > 0`` count.

    Returns
    -------
    float

    Examples
    --------
    >>> table = pd.DataFrame({"frequency": [1, 3], "recency": [5, 20], "T": [30, 30],
    ...                       "monetary_value": [20.0, 35.0]})
    >>> round(gamma_gamma_log_likelihood(CDNOW_GAMMA_GAMMA, table), 3)
    -7.658
    """
    _require_model(model, GammaGammaModel, "model")
    x, m = _repeat_buyers(summary)
    return _gamma_gamma_parts(np.log([model.p, model.q, model.gamma]), x, m, need_grad=False)[0]


def fit_gamma_gamma(summary: pd.DataFrame, *, max_iterations: int = 1000) -> GammaGammaModel:
    """Fit the Gamma-Gamma spend model by maximum likelihood.

    Only customers with at least one repeat purchase are used, each with the
    average value of the repeat purchases (``monetary_value`` in the
    summary) and their number (``frequency``), as in Fader, Hardie & Lee
    (2005). The model assumes spend per purchase is independent of purchase
    frequency; :func:`spend_frequency_correlation` checks it.

    Parameters
    ----------
    summary : pandas.DataFrame
        Columns ``frequency``, ``recency``, ``T``, ``monetary_value``.
    max_iterations : int
        Most optimizer iterations allowed.

    Returns
    -------
    GammaGammaModel

    Raises
    ------
    ValueError
        When no customer bought again, or a repeat buyer's average value is 0.

    Examples
    --------
    >>> round(fit_gamma_gamma(summary).p, 2)  # doctest: +SKIP
    6.25
    """
    x, m = _repeat_buyers(summary)
    iterations = as_whole_number(
        max_iterations, "max_iterations", meaning=_("most optimizer iterations"), maximum=100_000
    )
    n = float(len(x))

    def objective(log_params: np.ndarray):
        value, gradient = _gamma_gamma_parts(log_params, x, m)
        if not np.isfinite(value):
            return 1e300, np.zeros_like(log_params)
        return -value / n, -gradient / n

    start = np.log([1.0, 2.0, float(np.mean(m))])
    result, converged, message = _minimize(objective, start, iterations)
    errors = _standard_errors(lambda point: -_gamma_gamma_parts(point, x, m)[1], result.x)
    p, q, gamma = np.exp(result.x)
    return GammaGammaModel(
        p=float(p),
        q=float(q),
        gamma=float(gamma),
        **_fit_details(result, converged, message, n, errors),
    )


def spend_frequency_correlation(summary: pd.DataFrame) -> float:
    """Correlation between repeat purchases and average repeat spend, among repeat buyers.

    The Gamma-Gamma model assumes spend per purchase does not depend on how
    often a customer buys. A correlation near 0 supports the assumption.

    Parameters
    ----------
    summary : pandas.DataFrame
        Columns ``frequency``, ``recency``, ``T``, ``monetary_value``.

    Returns
    -------
    float
        Pearson correlation between ``frequency`` and ``monetary_value``
        over customers with ``frequency > 0``.

    Examples
    --------
    >>> table = pd.DataFrame({"frequency": [1, 2, 3], "recency": [1, 2, 3], "T": [5, 5, 5],
    ...                       "monetary_value": [10.0, 12.0, 11.0]})
    >>> round(spend_frequency_correlation(table), 2)
    0.5
    """
    x, m = _repeat_buyers(summary)
    if len(x) < 3 or np.std(x) == 0 or np.std(m) == 0:
        raise ValueError(
            _("the correlation needs at least three repeat buyers whose purchase counts and spends "
              "vary.")
        )
    return float(np.corrcoef(x, m)[0, 1])


# ---------------------------------------------------------------------------
# Predictions
# ---------------------------------------------------------------------------


def _require_model(model: object, kind: type, name: str) -> None:
    if not isinstance(model, kind):
        what = "fit_bgnbd(summary)" if kind is BetaGeoModel else "fit_gamma_gamma(summary)"
        raise ValueError(
            _("{name} must be a {kind} (from {what} or made with its parameters); you gave "
              "{given}."
            ).format(name=name, kind=kind.__name__, what=what, given=type(model).__name__)
        )


def _horizon(t: object) -> float:
    number = as_number(t, "t", meaning=_("the number of time units ahead"))
    if number < 0:
        raise ValueError(_("t must be 0 or more (the number of time units ahead); you gave "
                           "{given!r}."
                         ).format(given=t))
    return number


def _one_minus_scaled_hyp2f1(A, B, C, z, log_scale):
    """1 − exp(log_scale) · 2F1(A, B; C; z) for 0 ≤ z < 1, accurately and with the right sign.

    2F1 is computed directly, or through Euler's transformation
    (1 − z)^(C−A−B) · 2F1(C−A, C−B; C; z) where the direct value overflows;
    it can be negative when C < 0 (a customer with no repeat purchase and
    a + b < 1).
    """
    with np.errstate(all="ignore"):
        direct = special.hyp2f1(A, B, C, z)
        use_direct = np.isfinite(direct) & (direct != 0)
        other = np.where(use_direct, 1.0, special.hyp2f1(C - A, C - B, C, z))
        sign = np.where(use_direct, np.sign(direct), np.sign(other))
        log_abs = np.where(
            use_direct, np.log(np.abs(direct)), np.log(np.abs(other)) + (C - A - B) * np.log1p(-z)
        )
        log_term = log_abs + log_scale
        return np.where(sign > 0, -np.expm1(log_term), 1.0 + np.exp(log_term))


def _log_alive_odds(model: BetaGeoModel, x, t_x, T) -> np.ndarray:
    """log of P(dropped out) / P(alive), -inf for customers with no repeat purchase."""
    r, alpha, a, b = model.r, model.alpha, model.a, model.b
    repeat = x > 0
    with np.errstate(divide="ignore", invalid="ignore"):
        odds = np.log(a) - np.log(b + x - 1) + (r + x) * (np.log(alpha + T) - np.log(alpha + t_x))
    return np.where(repeat, odds, -np.inf)


def _expected_purchases_raw(r, alpha, a, b, t, x, T) -> np.ndarray:
    """Equation 10 of Fader, Hardie & Lee (2005) without the P(alive) factor.

    ``b`` may be an array.
    """
    z = t / (alpha + T + t)
    c = a + b + x - 1
    log_scale = (r + x) * (np.log(alpha + T) - np.log(alpha + T + t))
    return c / (a - 1) * _one_minus_scaled_hyp2f1(r + x, b + x, c, z, log_scale)


def _expected_purchases(model: BetaGeoModel, t: float, x, t_x, T) -> np.ndarray:
    r, alpha, a, b = model.r, model.alpha, model.a, model.b
    x = np.asarray(x, dtype=float)
    if t == 0:
        return np.zeros_like(x)
    if abs(a - 1) < 1e-7:  # the formula's 0/0 at a = 1: average the two sides
        return 0.5 * (
            _expected_purchases(model.with_params(a=1 - 1e-6), t, x, t_x, T)
            + _expected_purchases(model.with_params(a=1 + 1e-6), t, x, t_x, T)
        )
    # a + b + x - 1 = 0 (possible when x = 0 and a + b = 1) is another 0/0: average b ± 1e-6 there
    near = np.abs(a + b + x - 1) < 1e-7
    shift = np.where(near, 1e-6, 0.0)
    values = (
        0.5
        * (
            _expected_purchases_raw(r, alpha, a, b + shift, t, x, T)
            + _expected_purchases_raw(r, alpha, a, b - shift, t, x, T)
        )
        if near.any()
        else _expected_purchases_raw(r, alpha, a, b, t, x, T)
    )
    alive = special.expit(-_log_alive_odds(model, x, t_x, T))
    return values * alive


def expected_purchases(model: BetaGeoModel, t: float, summary: pd.DataFrame) -> pd.Series:
    """Expected number of purchases in the next ``t`` time units, for each customer.

    Fader, Hardie & Lee (2005), equation 10: the expected number of
    transactions in a period of length ``t`` after the end of the
    observation period, given the customer's ``frequency``, ``recency`` and
    ``T``.

    Parameters
    ----------
    model : BetaGeoModel
        A fitted (or given) BG/NBD model.
    t : float
        Length of the forecast period, in the model's time unit (0 or more).
    summary : pandas.DataFrame
        Columns ``frequency``, ``recency``, ``T``.

    Returns
    -------
    pandas.Series
        Indexed like ``summary``.

    Examples
    --------
    >>> table = pd.DataFrame({"frequency": [0, 2], "recency": [0, 30.43], "T": [38.86, 38.86]})
    >>> expected_purchases(CDNOW_BGNBD, 39, table).round(3).tolist()
    [0.195, 1.226]
    """
    _require_model(model, BetaGeoModel, "model")
    horizon = _horizon(t)
    data = _history(summary)
    values = _expected_purchases(model, horizon, data["x"], data["t_x"], data["T"])
    return pd.Series(values, index=summary.index, name="expected_purchases")


def expected_purchases_new_customer(model: BetaGeoModel, t: float) -> float:
    """Expected number of repeat purchases in the first ``t`` time units of a new customer.

    Fader, Hardie & Lee (2005), equation 9: E[X(t)] for a customer picked
    at random, counted from the first purchase.

    Parameters
    ----------
    model : BetaGeoModel
    t : float
        Time since the first purchase, in the model's time unit.

    Returns
    -------
    float

    Examples
    --------
    >>> round(expected_purchases_new_customer(CDNOW_BGNBD, 78), 3)
    1.861
    """
    _require_model(model, BetaGeoModel, "model")
    horizon = _horizon(t)
    zero = np.zeros(1)
    # a new customer at time 0 is the conditional case with no history (x = t_x = T = 0)
    return float(_expected_purchases(model, horizon, zero, zero, zero)[0])


def probability_alive(model: BetaGeoModel, summary: pd.DataFrame) -> pd.Series:
    """Probability that each customer is still active at the end of the observation period.

    Fader, Hardie & Lee (2005): 1 / (1 + a/(b+x−1) · ((alpha+T)/(alpha+t_x))^(r+x))
    for a customer with ``x > 0`` repeat purchases, and 1 for a customer who
    has not bought again (in BG/NBD a customer can drop out only after a
    repeat purchase).

    Parameters
    ----------
    model : BetaGeoModel
    summary : pandas.DataFrame
        Columns ``frequency``, ``recency``, ``T``.

    Returns
    -------
    pandas.Series
        Probabilities in [0, 1], indexed like ``summary``.

    Examples
    --------
    >>> table = pd.DataFrame({"frequency": [0, 2, 2], "recency": [0, 30.43, 2], "T": [38.86] * 3})
    >>> probability_alive(CDNOW_BGNBD, table).round(3).tolist()
    [1.0, 0.727, 0.056]
    """
    _require_model(model, BetaGeoModel, "model")
    data = _history(summary)
    values = special.expit(-_log_alive_odds(model, data["x"], data["t_x"], data["T"]))
    return pd.Series(values, index=summary.index, name="probability_alive")


def expected_spend(model: GammaGammaModel, summary: pd.DataFrame) -> pd.Series:
    """Expected average spend per future purchase, for each customer (Gamma-Gamma).

    (p·(gamma + x·m)) / (p·x + q − 1): a weighted average of the customer's
    own average repeat spend ``m`` and the average of all customers,
    p·gamma/(q − 1), with more weight on the customer's own history the more
    repeat purchases ``x`` it has. A customer with no repeat purchase gets the
    average of all customers.

    Parameters
    ----------
    model : GammaGammaModel
    summary : pandas.DataFrame
        Columns ``frequency``, ``recency``, ``T`` and ``monetary_value``.

    Returns
    -------
    pandas.Series
        The expected spend, indexed like ``summary``.

    Raises
    ------
    ValueError
        When q ≤ 1 and a customer has no repeat purchase (the average of all
        customers is then infinite).

    Examples
    --------
    >>> table = pd.DataFrame({"frequency": [0, 5], "recency": [0, 30], "T": [39, 39],
    ...                       "monetary_value": [0.0, 50.0]})
    >>> expected_spend(CDNOW_GAMMA_GAMMA, table).round(2).tolist()
    [35.22, 48.81]
    """
    _require_model(model, GammaGammaModel, "model")
    data = _history(summary, need_monetary=True)
    x, m = data["x"], data["m"]
    if (x == 0).any() and model.q <= 1:
        _ = model.mean_spend  # raises the explanation
    p, q, gamma = model.p, model.q, model.gamma
    values = p * (gamma + x * m) / (p * x + q - 1)
    return pd.Series(values, index=summary.index, name="expected_spend")


def dcf_value(
    expected_margins: object, discount_rate: float, *, steps_per_year: int = 1
) -> np.ndarray | float:
    """Present value of expected margins received at the end of equal steps.

    Step ``k`` (1, 2, ...) is discounted by (1 + i)^(k / steps_per_year):
    nothing is received today, and each step's margin at its end. With yearly
    steps and margins m·r^k this is the course's m·r/(1+i−r) (the
    ``"after_renewal"`` convention of :mod:`customer_focus.tools.lifetime_value.calc`) cut at the
    same horizon.

    Parameters
    ----------
    expected_margins : array-like
        Expected margin in each step, last axis = steps (one row per customer
        is allowed).
    discount_rate : float
        Yearly discount rate, in [0, 1).
    steps_per_year : int
        Steps in a year (1 for yearly, 12 for monthly).

    Returns
    -------
    float or numpy.ndarray
        One value per row.

    Examples
    --------
    >>> round(dcf_value([100 * 0.8 ** k for k in range(1, 11)], 0.10), 2)
    255.63
    """
    i = as_rate(
        discount_rate, "discount_rate", meaning=_("the yearly discount rate, e.g. 0.1 for 10%")
    )
    steps = as_whole_number(
        steps_per_year, "steps_per_year", meaning=_("steps in a year (1 or 12)"), maximum=365
    )
    margins = np.asarray(expected_margins, dtype=float)
    if margins.ndim == 0 or margins.shape[-1] == 0:
        raise ValueError(_("expected_margins must hold at least one step's margin."))
    if not np.all(np.isfinite(margins)):
        raise ValueError(_("expected_margins must be finite numbers; check for empty cells."))
    k = np.arange(1, margins.shape[-1] + 1)
    value = np.einsum("...k,k->...", margins, (1 + i) ** (-k / steps))
    return float(value) if np.ndim(value) == 0 else value


def _periods_per_year(model: BetaGeoModel, periods_per_year: object | None) -> float:
    if periods_per_year is not None:
        return _positive(
            periods_per_year, "periods_per_year",
            _("how many of the model's time units make a year"),
        )
    if model.period_days is None:
        raise ValueError(
            _("the model does not know its time unit (it was not fitted on a summary made by "
              "transactions.summarize_customers); pass periods_per_year, e.g. 52 for weeks or 365 "
              "for days.")
        )
    return DAYS_PER_YEAR / model.period_days


def _margin_share(margin: object) -> float:
    return as_rate(
        margin,
        "margin",
        meaning=_("the share of each purchase's value kept as margin, e.g. 0.3 for 30%"),
        high_inclusive=True,
        why_high=_("A margin above 100% of the purchase value is not possible."),
    )


def _future_purchases_by_step(
    model: BetaGeoModel, data: dict[str, np.ndarray], step: float, n_steps: int
) -> np.ndarray:
    """Expected purchases in each step (customers × steps), computed once per distinct history."""
    rows = np.column_stack([data["x"], data["t_x"], data["T"]])
    distinct, mapping = np.unique(rows, axis=0, return_inverse=True)
    mapping = mapping.ravel()
    x, t_x, T = distinct[:, 0], distinct[:, 1], distinct[:, 2]
    cumulative = np.empty((len(distinct), n_steps + 1))
    cumulative[:, 0] = 0.0
    for k in range(1, n_steps + 1):  # a loop over time steps, vectorized over customers
        cumulative[:, k] = _expected_purchases(model, k * step, x, t_x, T)
    return np.diff(cumulative, axis=1)[mapping]


def predicted_lifetime_value(
    bgnbd: BetaGeoModel,
    gamma_gamma: GammaGammaModel,
    summary: pd.DataFrame,
    *,
    margin: float,
    discount_rate: float,
    years: int = 10,
    steps_per_year: int = 12,
    periods_per_year: float | None = None,
) -> pd.DataFrame:
    """Each customer's predicted lifetime value: the standard discounted cash flow.

    For each step (a month by default) after the end of the observation
    period: expected purchases in the step (BG/NBD) × expected spend per
    purchase (Gamma-Gamma) × margin, discounted to the end of the step at the
    yearly ``discount_rate``, summed over ``years``. Only future purchases
    count, and each step's expected purchases already carry the probability
    that the customer is still active: the course's ``"after_renewal"``
    convention (see the module docstring and :func:`dcf_value`).

    Parameters
    ----------
    bgnbd : BetaGeoModel
        Purchase model.
    gamma_gamma : GammaGammaModel
        Spend model.
    summary : pandas.DataFrame
        Columns ``frequency``, ``recency``, ``T``, ``monetary_value``.
    margin : float
        Share of each purchase's value kept as margin, in [0, 1] (0.3 for 30%).
    discount_rate : float
        Yearly discount rate, in [0, 1).
    years : int
        Horizon in whole years (1 to 100).
    steps_per_year : int
        Discounting steps per year: 12 (monthly, the default) or 1 (yearly,
        exactly the timing of :mod:`customer_focus.tools.lifetime_value.calc`).
    periods_per_year : float, optional
        How many of the model's time units make a year. By default from the
        summary the model was fitted on (365.25 / 7 for weeks).

    Returns
    -------
    pandas.DataFrame
        Indexed like ``summary``: ``probability_alive``,
        ``expected_purchases`` (over the horizon, undiscounted),
        ``expected_spend`` and ``lifetime_value``.

    Examples
    --------
    >>> table = pd.DataFrame({"frequency": [0, 5], "recency": [0, 30], "T": [39, 39],
    ...                       "monetary_value": [0.0, 50.0]})
    >>> values = predicted_lifetime_value(CDNOW_BGNBD, CDNOW_GAMMA_GAMMA, table,
    ...                                   margin=0.3, discount_rate=0.1, years=3)
    >>> values["lifetime_value"].round(2).tolist()
    [5.81, 96.6]
    """
    _require_model(bgnbd, BetaGeoModel, "bgnbd")
    _require_model(gamma_gamma, GammaGammaModel, "gamma_gamma")
    share = _margin_share(margin)
    i = as_rate(
        discount_rate, "discount_rate", meaning=_("the yearly discount rate, e.g. 0.1 for 10%")
    )
    horizon = as_whole_number(years, "years", meaning=_("the horizon in whole years"), maximum=100)
    steps = as_whole_number(
        steps_per_year,
        "steps_per_year",
        meaning=_("discounting steps per year (1 or 12)"),
        maximum=365,
    )
    per_year = _periods_per_year(bgnbd, periods_per_year)
    data = _history(summary, need_monetary=True)
    spend = expected_spend(gamma_gamma, summary).to_numpy()
    purchases = _future_purchases_by_step(bgnbd, data, per_year / steps, horizon * steps)
    value = dcf_value(purchases, i, steps_per_year=steps) * spend * share
    alive = special.expit(-_log_alive_odds(bgnbd, data["x"], data["t_x"], data["T"]))
    result = pd.DataFrame(
        {
            "probability_alive": alive,
            "expected_purchases": purchases.sum(axis=1),
            "expected_spend": spend,
            "lifetime_value": value,
        },
        index=summary.index,
    )
    result.attrs.update(
        margin=share,
        discount_rate=i,
        years=horizon,
        steps_per_year=steps,
        periods_per_year=per_year,
    )
    return result


def yearly_outlook(
    bgnbd: BetaGeoModel,
    gamma_gamma: GammaGammaModel,
    summary: pd.DataFrame,
    *,
    margin: float,
    discount_rate: float,
    years: int = 10,
    periods_per_year: float | None = None,
) -> pd.DataFrame:
    """The models' forecast for the average customer, year by year, with its implied retention.

    Year ``k`` gets the expected purchases and margin of the average customer
    of ``summary``. Reading the result as the simple lifetime value formula
    does, the **implied retention** of year ``k`` is the share of year
    ``k``'s expected margin that carries on into year ``k + 1``
    (margin in year k+1 ÷ margin in year k). If it were constant at ``r``,
    with year-1 margin m·r, the present values would add up to
    m·r/(1+i−r) (:func:`customer_focus.tools.lifetime_value.calc.lifetime_value`); the models let
    it change with time. ``cumulative_value`` in the last year equals the
    mean of :func:`predicted_lifetime_value` with ``steps_per_year=1``.

    Parameters
    ----------
    bgnbd, gamma_gamma, summary, margin, discount_rate, years, periods_per_year
        As for :func:`predicted_lifetime_value`.

    Returns
    -------
    pandas.DataFrame
        Index ``year`` (1 to ``years``); columns ``expected_purchases``,
        ``expected_margin`` (per average customer), ``implied_retention``,
        ``discount_factor``, ``present_value`` and ``cumulative_value``.

    Examples
    --------
    >>> table = pd.DataFrame({"frequency": [0, 5], "recency": [0, 30], "T": [39, 39],
    ...                       "monetary_value": [0.0, 50.0]})
    >>> outlook = yearly_outlook(CDNOW_BGNBD, CDNOW_GAMMA_GAMMA, table, margin=0.3,
    ...                          discount_rate=0.1, years=3)
    >>> outlook["implied_retention"].round(3).tolist()
    [0.68, 0.777, 0.828]
    """
    _require_model(bgnbd, BetaGeoModel, "bgnbd")
    _require_model(gamma_gamma, GammaGammaModel, "gamma_gamma")
    share = _margin_share(margin)
    i = as_rate(
        discount_rate, "discount_rate", meaning=_("the yearly discount rate, e.g. 0.1 for 10%")
    )
    horizon = as_whole_number(years, "years", meaning=_("the horizon in whole years"), maximum=100)
    per_year = _periods_per_year(bgnbd, periods_per_year)
    data = _history(summary, need_monetary=True)
    spend = expected_spend(gamma_gamma, summary).to_numpy()
    purchases = _future_purchases_by_step(bgnbd, data, per_year, horizon + 1)
    margins = (purchases * (spend * share)[:, None]).mean(axis=0)
    year = np.arange(1, horizon + 1)
    discount = (1 + i) ** (-year.astype(float))
    present = margins[:horizon] * discount
    return pd.DataFrame(
        {
            "expected_purchases": purchases.mean(axis=0)[:horizon],
            "expected_margin": margins[:horizon],
            "implied_retention": margins[1:] / margins[:horizon],
            "discount_factor": discount,
            "present_value": present,
            "cumulative_value": np.cumsum(present),
        },
        index=pd.Index(year, name="year"),
    )


def compare_holdout(
    model: BetaGeoModel,
    summary: pd.DataFrame,
    holdout: pd.Series,
    *,
    duration: float | None = None,
    max_frequency: int = 7,
) -> pd.DataFrame:
    """Predicted against actual purchases after the calibration period, by purchase history.

    Groups customers by their repeat purchases in the calibration period
    (0, 1, ... and ``max_frequency`` or more) and compares, in each group,
    the average number of purchases the model expected over the holdout
    period with the average actually made: the check Fader, Hardie & Lee
    (2005) show for CDNOW.

    Parameters
    ----------
    model : BetaGeoModel
        Fitted on ``summary``.
    summary : pandas.DataFrame
        The calibration summary (``frequency``, ``recency``, ``T``).
    holdout : pandas.Series
        Purchases per customer after the calibration period, from
        :func:`customer_focus.tools.lab.transactions.holdout_purchases` (same customers).
    duration : float, optional
        Length of the holdout period in the model's time unit (default:
        ``holdout.attrs["duration"]``).
    max_frequency : int
        The last group holds customers with this many repeat purchases or more.

    Returns
    -------
    pandas.DataFrame
        Index ``repeat_purchases`` (labels "0", "1", ..., "7+"), columns
        ``customers``, ``actual`` and ``predicted`` (averages per customer).

    Examples
    --------
    >>> table = pd.DataFrame({"frequency": [0, 1], "recency": [0, 10.0], "T": [20.0, 20.0]})
    >>> holdout = pd.Series([0, 1])
    >>> comparison = compare_holdout(CDNOW_BGNBD, table, holdout, duration=10, max_frequency=1)
    >>> comparison["customers"].tolist()
    [1, 1]
    """
    _require_model(model, BetaGeoModel, "model")
    data = _history(summary)
    if not isinstance(holdout, pd.Series) or len(holdout) != len(summary):
        raise ValueError(
            _("holdout must be a Series with one number per customer of the summary "
              "({customers:,}); make it with transactions.holdout_purchases for the same log "
              "and calibration end."
            ).format(customers=len(summary))
        )
    if not holdout.index.equals(summary.index) and not isinstance(holdout.index, pd.RangeIndex):
        raise ValueError(
            _("holdout and summary must list the same customers in the same order; make both from "
              "the same log with the same calibration_period_end.")
        )
    length = duration if duration is not None else holdout.attrs.get("duration")
    if length is None:
        raise ValueError(
            _("give duration, the holdout period's length in the model's time unit (e.g. 39 "
              "weeks).")
        )
    length = _horizon(length)
    top = as_whole_number(
        max_frequency, "max_frequency", meaning=_("the last group of repeat purchases"),
        maximum=1000,
    )
    actual = pd.to_numeric(holdout, errors="coerce").to_numpy(dtype=float)
    if np.isnan(actual).any() or (actual < 0).any():
        raise ValueError(
            _("holdout must hold numbers of purchases, 0 or more, for every customer.")
        )
    predicted = _expected_purchases(model, length, data["x"], data["t_x"], data["T"])
    group = np.minimum(data["x"], top).astype(np.int64)
    sizes = np.bincount(group, minlength=top + 1)
    present = sizes > 0
    labels = [str(k) for k in range(top)] + [f"{top}+"]
    table = pd.DataFrame(
        {
            "customers": sizes,
            "actual": np.bincount(group, weights=actual, minlength=top + 1) / np.maximum(sizes, 1),
            "predicted": np.bincount(group, weights=predicted, minlength=top + 1)
            / np.maximum(sizes, 1),
        },
        index=pd.Index(labels, name="repeat_purchases"),
    )[present]
    table.attrs.update(
        duration=length, total_actual=float(actual.sum()), total_predicted=float(predicted.sum())
    )
    return table
