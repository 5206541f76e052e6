"""The cost of losing one named employee, customers included.

The employee-turnover worksheet (:mod:`customer_focus.turnover`) prices a
departure from a job's line items. This one builds the same five lines from
one person's specifics, and then adds what the turnover worksheet leaves out:
the customers who may follow the employee out of the door.

The five lines (Cascio's separation, replacement and training costs and Cascio
& Boudreau's performance differential, in the course's practitioner form):

Separation
    A lump sum: exit interview, paperwork, separation pay, unemployment tax.
Vacancy
    ``weeks vacant × extra cost of covering the work per week + weeks vacant ×
    margin lost per week``. The extra cost depends on how the work is covered
    (see :data:`COVERS`): colleagues' overtime costs the premium above normal
    pay (0.5 of the weekly pay for time and a half, since the leaver's own pay
    is saved); a temporary worker costs the agency's weekly bill minus the pay
    saved (never counted below 0); work left undone costs only the lost margin.
Replacement (hiring)
    ``hours spent recruiting and interviewing × their hourly cost + agency or
    advertising fees + other hiring costs``.
Training
    ``the newcomer's training hours × the hourly pay + trainers' hours × their
    hourly cost + materials``. The newcomer is assumed to earn what the leaver
    earned.
Learning curve
    ``yearly pay ÷ 52 × weeks to full productivity × (1 − average productivity)``,
    as in :func:`customer_focus.turnover.learning_curve_cost`.

Customers who may follow
    ``customers at risk × share who might follow × lifetime value per customer``,
    with the lifetime value from :func:`customer_focus.tools.lifetime_value.calc.lifetime_value` (the
    course's convention, m·r/(1+i−r)). The share who might follow is the
    manager's own estimate, an explicit assumption, not a research figure.

Heskett et al. (1994) give two published illustrations of what departing
people take with them: at car dealers, replacing a sales rep with 5–8 years'
experience by one with under a year cost "as much as $36,000 in sales" a
month (an Abt Associates study); a securities broker's replacement takes
nearly five years to rebuild relationships worth about $1 million a year in
commissions, "a cumulative loss of at least $2.5 million".
"""

from __future__ import annotations

import math
from dataclasses import dataclass

import pandas as pd

from .tools.lifetime_value import calc as clv
from .tools.spec import Blank as Field, FormSpec, Section
from .core.tables import numeric_column, require_columns, where
from .turnover import (
    CATEGORIES as TURNOVER_CATEGORIES,
    MAX_WEEKS,
    WEEKS_PER_YEAR,
    _amount,
    _check_names,
    _optional_numbers,
    _reject_misspelled,
    _weeks,
    learning_curve_cost,
)
from .core.validation import as_number, as_rate

__all__ = [
    "COVERS",
    "DEFAULT_COVER",
    "DEFAULT_OVERTIME_PREMIUM",
    "DEFAULT_HOURS_PER_WEEK",
    "CATEGORIES",
    "ReplacementCost",
    "annual_pay",
    "vacancy_cost",
    "hiring_cost",
    "training_cost",
    "customers_at_risk_value",
    "cost_of_losing",
    "course_example",
    "EMPLOYEE_COLUMNS",
    "compare_employees",
    "PRINTABLE_FORM",
]

#: How the work of the empty job is covered, with what each choice counts.
COVERS: dict[str, str] = {
    "overtime": "colleagues work overtime: the premium above normal pay",
    "temp": "a temporary worker: the agency's weekly bill minus the pay saved",
    "uncovered": "the work is left undone: only the margin lost",
}
DEFAULT_COVER = "overtime"

#: Extra paid for an overtime hour as a share of normal pay: 0.5 is time and a half.
DEFAULT_OVERTIME_PREMIUM = 0.5

#: Default hours in a working week, used to turn an hourly rate into yearly pay.
DEFAULT_HOURS_PER_WEEK = 40.0

#: The six lines of this worksheet: the turnover worksheet's five, and the customers.
CATEGORIES: dict[str, tuple[str, str]] = {
    **{
        name: (TURNOVER_CATEGORIES[name].label, covers)
        for name, covers in (
            ("separation", "exit interview, paperwork, separation pay, unemployment tax"),
            ("vacancy", "covering the work while the job is empty, and the margin lost"),
            ("replacement", "recruiting and interviewing time, agency or advertising fees, other hiring costs"),
            ("training", "the newcomer's and the trainers' time, materials"),
            ("learning_curve", "the newcomer's lower output until fully productive, valued at the pay"),
        )
    },
    "customers_who_may_follow": (
        "Customers who may follow",
        "lifetime value of the customers who might leave with the employee (your estimate of the share)",
    ),
}

_SHARE_MEANING = (
    "your own estimate of the share of these customers who might leave with the employee, "
    "e.g. 0.2 for 20%"
)


# ---- pay ------------------------------------------------------------------------------


def _hours_per_week(value: object) -> float:
    meaning = "the hours the employee works in a normal week"
    number = as_number(value, "hours_per_week", meaning=meaning)
    if not 0 < number <= 100:
        raise ValueError(
            f"hours_per_week must be more than 0 and at most 100 ({meaning}); you gave {value!r}. "
            f"A full-time week is often 35 to 40 hours."
        )
    return number


def annual_pay(
    *, salary: float | None = None, hourly_rate: float | None = None, hours_per_week: float = DEFAULT_HOURS_PER_WEEK
) -> float:
    """Yearly pay from a salary or from an hourly rate.

    Give one of ``salary`` or ``hourly_rate``; an hourly rate is turned into
    yearly pay as ``hourly_rate × hours_per_week × 52``.

    Parameters
    ----------
    salary : float, optional
        Yearly salary, more than 0.
    hourly_rate : float, optional
        Pay per hour, more than 0.
    hours_per_week : float
        Hours in a normal week, more than 0 and at most 100 (default 40).

    Returns
    -------
    float

    Raises
    ------
    ValueError
        When neither or both of ``salary`` and ``hourly_rate`` are given, or a
        value is out of range.

    Examples
    --------
    >>> annual_pay(hourly_rate=20, hours_per_week=40)
    41600.0
    """
    hours = _hours_per_week(hours_per_week)
    if (salary is None) == (hourly_rate is None):
        given = "both" if salary is not None else "neither"
        raise ValueError(
            f"give the employee's pay as salary (yearly) or as hourly_rate, not both; you gave {given}. "
            f"For example salary=52000, or hourly_rate=25 with hours_per_week=40."
        )
    if salary is not None:
        pay = as_number(salary, "salary", meaning="the employee's yearly salary, in dollars")
        name, value = "salary", salary
    else:
        rate = as_number(hourly_rate, "hourly_rate", meaning="the employee's pay per hour, in dollars")
        pay = rate * hours * WEEKS_PER_YEAR
        name, value = "hourly_rate", hourly_rate
    if pay <= 0:
        raise ValueError(
            f"{name} must be more than 0 (the employee's pay, in dollars); you gave {value!r}. "
            f"Type the pay before tax, for example 52000 a year or 25 an hour."
        )
    return pay


# ---- the lines --------------------------------------------------------------------------


def _overtime_premium(value: object) -> float:
    meaning = "the extra paid for an overtime hour, as a share of normal pay"
    number = as_number(value, "overtime_premium", meaning=meaning)
    if not 0 <= number <= 1:
        raise ValueError(
            f"overtime_premium must be a decimal from 0 to 1 ({meaning}); you gave {value!r}. "
            f"Count only the extra above normal pay: 0.5 for time and a half, 1 for double time."
        )
    return number


def _cover(value: object) -> str:
    if value not in COVERS:
        names = ", ".join(repr(name) for name in COVERS)
        raise ValueError(
            f"cover must be one of {names} (how the work is covered while the job is empty); "
            f"you gave {value!r}."
        )
    return str(value)


def vacancy_cost(
    weekly_pay: float,
    weeks: float,
    *,
    cover: str = DEFAULT_COVER,
    overtime_premium: float = DEFAULT_OVERTIME_PREMIUM,
    temp_weekly_cost: float = 0,
    lost_margin_per_week: float = 0,
) -> float:
    """What the empty job costs, by how the work is covered.

    Parameters
    ----------
    weekly_pay : float
        The leaver's weekly pay (yearly pay ÷ 52), 0 or more.
    weeks : float
        Weeks the job stays empty, from 0 to 520.
    cover : {"overtime", "temp", "uncovered"}
        How the work is covered (see :data:`COVERS`).
    overtime_premium : float
        For ``"overtime"``: the extra paid above normal pay, from 0 to 1
        (0.5 for time and a half).
    temp_weekly_cost : float
        For ``"temp"``: the agency's weekly bill, 0 or more. Only the part
        above the pay saved counts; a cheaper temp counts as 0.
    lost_margin_per_week : float
        Margin on sales lost each week the job is empty, whatever the cover.

    Returns
    -------
    float

    Examples
    --------
    >>> vacancy_cost(1000, 6)  # six weeks of overtime at time and a half
    3000.0
    >>> vacancy_cost(1000, 6, cover="temp", temp_weekly_cost=1400)
    2400.0
    """
    pay = _amount(weekly_pay, "weekly_pay", "the leaver's weekly pay")
    span = _weeks(weeks, "weeks", "the weeks the job stays empty")
    how = _cover(cover)
    premium = _overtime_premium(overtime_premium)
    temp = _amount(temp_weekly_cost, "temp_weekly_cost", "the temporary worker's weekly cost, agency fee included")
    lost = _amount(lost_margin_per_week, "lost_margin_per_week", "the margin on sales lost each week")
    if how == "overtime":
        extra = pay * premium
    elif how == "temp":
        extra = max(temp - pay, 0.0)
    else:
        extra = 0.0
    return span * (extra + lost)


def hiring_cost(
    *, hiring_hours: float = 0, hiring_hourly_cost: float = 0, hiring_fees: float = 0, other_hiring_costs: float = 0
) -> float:
    """Replacement (hiring): people's time, fees and other costs of filling the job.

    ``hiring_hours × hiring_hourly_cost + hiring_fees + other_hiring_costs``.

    Parameters
    ----------
    hiring_hours : float
        Hours spent recruiting and interviewing, everyone together.
    hiring_hourly_cost : float
        The hourly cost of those people (pay plus benefits).
    hiring_fees : float
        Agency or advertising fees.
    other_hiring_costs : float
        Tests, background checks, travel, relocation.

    Returns
    -------
    float

    Examples
    --------
    >>> hiring_cost(hiring_hours=30, hiring_hourly_cost=50, hiring_fees=2000)
    3500.0
    """
    hours = _amount(hiring_hours, "hiring_hours", "hours spent recruiting and interviewing")
    rate = _amount(hiring_hourly_cost, "hiring_hourly_cost", "the hourly cost of the people who recruit and interview")
    fees = _amount(hiring_fees, "hiring_fees", "agency or advertising fees, in dollars")
    other = _amount(other_hiring_costs, "other_hiring_costs", "tests, checks, travel and relocation, in dollars")
    return hours * rate + fees + other


def training_cost(
    hourly_pay: float,
    *,
    training_hours: float = 0,
    trainer_hours: float = 0,
    trainer_hourly_cost: float = 0,
    training_materials: float = 0,
) -> float:
    """Training: the newcomer's paid hours in training, the trainers' time and materials.

    ``training_hours × hourly_pay + trainer_hours × trainer_hourly_cost + training_materials``.

    Parameters
    ----------
    hourly_pay : float
        The newcomer's pay per hour (assumed equal to the leaver's).
    training_hours, trainer_hours : float
        Hours of formal training for the newcomer; hours the trainers spend.
    trainer_hourly_cost : float
        The trainers' hourly cost.
    training_materials : float
        Materials and courses, in dollars.

    Returns
    -------
    float

    Examples
    --------
    >>> training_cost(25, training_hours=40, trainer_hours=20, trainer_hourly_cost=40, training_materials=300)
    2100.0
    """
    pay = _amount(hourly_pay, "hourly_pay", "the newcomer's pay per hour")
    hours = _amount(training_hours, "training_hours", "the newcomer's hours in formal training")
    coach = _amount(trainer_hours, "trainer_hours", "the hours trainers and coaches spend")
    rate = _amount(trainer_hourly_cost, "trainer_hourly_cost", "the trainers' hourly cost")
    materials = _amount(training_materials, "training_materials", "training materials and courses, in dollars")
    return hours * pay + coach * rate + materials


def customers_at_risk_value(
    customers: float,
    margin: float,
    retention: float,
    discount_rate: float,
    share_who_follow: float,
) -> float:
    """The lifetime value of the customers who might follow the employee.

    ``customers × share_who_follow × clv.lifetime_value(margin, retention, discount_rate)``,
    with the course's lifetime value convention (Gupta & Lehmann 2003,
    m·r/(1+i−r)). The share is the manager's own estimate.

    Parameters
    ----------
    customers : float
        Customers who deal mainly with this employee, 0 or more.
    margin : float
        Their yearly margin per customer, 0 or more.
    retention : float
        Their usual yearly retention rate, in [0, 1).
    discount_rate : float
        Yearly discount rate, in [0, 1).
    share_who_follow : float
        Your estimate of the share who might leave with the employee, in [0, 1].

    Returns
    -------
    float

    Examples
    --------
    >>> round(customers_at_risk_value(40, 1500, 0.8, 0.1, 0.25), 2)
    40000.0
    """
    count = _amount(customers, "customers_at_risk", "the number of customers who deal mainly with this employee")
    m = _amount(margin, "customer_margin", "the yearly margin per customer, in dollars")
    share = as_rate(share_who_follow, "share_who_follow", meaning=_SHARE_MEANING, high=1.0, high_inclusive=True)
    value = clv.lifetime_value(m, retention, discount_rate)
    return count * share * value


# ---- the whole worksheet ------------------------------------------------------------------


@dataclass(frozen=True, eq=False)
class ReplacementCost:
    """The cost of losing one employee, by line, customers included.

    Attributes
    ----------
    employee : str
        Who the estimate is for.
    annual_pay, weekly_pay, hourly_pay : float
        The employee's pay.
    by_category : pandas.DataFrame
        One row per line of :data:`CATEGORIES`: ``category``, ``covers`` and
        ``amount``.
    employee_costs : float
        The five employee lines added up (what the turnover worksheet counts).
    customers_at_risk : float
        Customers who deal mainly with this employee.
    share_who_follow : float
        Your estimate of the share of them who might follow.
    customer_lifetime_value : float
        Lifetime value of one customer at risk.
    customers_expected_to_follow : float
        Customers at risk × the share who might follow.
    customer_value_at_risk : float
        Their lifetime value: customers expected to follow × lifetime value.
    total : float
        Employee costs plus the customer value at risk.
    share_of_pay : float
        ``total / annual_pay``.
    """

    employee: str
    annual_pay: float
    weekly_pay: float
    hourly_pay: float
    by_category: pd.DataFrame
    employee_costs: float
    customers_at_risk: float
    share_who_follow: float
    customer_lifetime_value: float
    customers_expected_to_follow: float
    customer_value_at_risk: float
    total: float
    share_of_pay: float

    def amount(self, category: str) -> float:
        """The amount of one line, by name (``"vacancy"``) or label."""
        for name, (label, _) in CATEGORIES.items():
            if category in (name, label):
                return float(self.by_category.loc[self.by_category["category"] == label, "amount"].iloc[0])
        names = ", ".join(repr(name) for name in CATEGORIES)
        raise ValueError(f"category must be one of {names}; you gave {category!r}.")

    def share_scenarios(self, shares: tuple[float, ...] = (0.0, 0.1, 0.2, 0.3, 0.5)) -> pd.DataFrame:
        """The total for other guesses of the share of customers who might follow.

        The share is the least certain input; this shows how much the answer
        depends on it.

        Parameters
        ----------
        shares : tuple of float
            Shares to try, each from 0 to 1.

        Returns
        -------
        pandas.DataFrame
            ``share_who_follow``, ``customers_following``,
            ``customers_who_may_follow`` (their lifetime value) and ``total``.
        """
        checked = [
            as_rate(share, "share_who_follow", meaning=_SHARE_MEANING, high=1.0, high_inclusive=True)
            for share in shares
        ]
        table = pd.DataFrame({"share_who_follow": checked})
        table["customers_following"] = table["share_who_follow"] * self.customers_at_risk
        table["customers_who_may_follow"] = table["customers_following"] * self.customer_lifetime_value
        table["total"] = self.employee_costs + table["customers_who_may_follow"]
        return table

    def as_row(self) -> pd.DataFrame:
        """The estimate as one row with the columns of :func:`compare_employees`."""
        row: dict[str, object] = {"employee": self.employee, "annual_pay": self.annual_pay}
        for name in CATEGORIES:
            row[name] = self.amount(name)
        row["employee_costs"] = self.employee_costs
        row["total"] = self.total
        row["share_of_pay"] = self.share_of_pay
        return pd.DataFrame([row])[_RESULT_ORDER]


_RESULT_ORDER = [
    "employee", "annual_pay", "separation", "vacancy", "replacement", "training", "learning_curve",
    "employee_costs", "customers_who_may_follow", "total", "share_of_pay",
]


def cost_of_losing(
    *,
    employee: str = "This employee",
    salary: float | None = None,
    hourly_rate: float | None = None,
    hours_per_week: float = DEFAULT_HOURS_PER_WEEK,
    weeks_to_full_productivity: float,
    productivity_while_learning: float,
    separation_costs: float = 0,
    vacancy_weeks: float = 0,
    cover: str = DEFAULT_COVER,
    overtime_premium: float = DEFAULT_OVERTIME_PREMIUM,
    temp_weekly_cost: float = 0,
    lost_margin_per_week: float = 0,
    hiring_hours: float = 0,
    hiring_hourly_cost: float = 0,
    hiring_fees: float = 0,
    other_hiring_costs: float = 0,
    training_hours: float = 0,
    trainer_hours: float = 0,
    trainer_hourly_cost: float = 0,
    training_materials: float = 0,
    customers_at_risk: float = 0,
    customer_margin: float = 0,
    customer_retention: float = 0,
    share_who_follow: float = 0,
    discount_rate: float = 0.10,
) -> ReplacementCost:
    """What losing one named employee would cost, customers included.

    Builds the turnover worksheet's five lines from the person's specifics
    and adds the lifetime value of the customers who may follow them (see the
    module docstring for each formula).

    Parameters
    ----------
    employee : str
        A name for the employee (used in tables and charts).
    salary, hourly_rate, hours_per_week
        The pay: a yearly salary, or an hourly rate and the hours of a normal
        week (see :func:`annual_pay`).
    weeks_to_full_productivity, productivity_while_learning
        The newcomer's learning curve: weeks (0 to 520) and average output
        over them, from 0 to 1.
    separation_costs : float
        Exit interview, paperwork, separation pay, unemployment tax.
    vacancy_weeks, cover, overtime_premium, temp_weekly_cost, lost_margin_per_week
        The empty job (see :func:`vacancy_cost`).
    hiring_hours, hiring_hourly_cost, hiring_fees, other_hiring_costs
        Finding the newcomer (see :func:`hiring_cost`).
    training_hours, trainer_hours, trainer_hourly_cost, training_materials
        Training the newcomer (see :func:`training_cost`).
    customers_at_risk, customer_margin, customer_retention, discount_rate
        The customers who deal mainly with this employee: how many, their
        yearly margin each, their usual retention, and the discount rate.
    share_who_follow : float
        Your own estimate of the share of them who might leave with the
        employee, from 0 to 1. It is an assumption, not a research figure.

    Returns
    -------
    ReplacementCost

    Raises
    ------
    ValueError
        When an input is not a number or is out of range; the message names it.

    Examples
    --------
    >>> cost = cost_of_losing(**course_example())
    >>> round(cost.employee_costs, 2), round(cost.customer_value_at_risk, 2)
    (35000.0, 102000.0)
    """
    name = str(employee).strip() or "This employee"
    pay = annual_pay(salary=salary, hourly_rate=hourly_rate, hours_per_week=hours_per_week)
    weekly = pay / WEEKS_PER_YEAR
    hourly = weekly / _hours_per_week(hours_per_week)
    learn_weeks = _weeks(weeks_to_full_productivity, "weeks_to_full_productivity", "the weeks a newcomer needs to reach full productivity")
    lines = {
        "separation": _amount(separation_costs, "separation_costs", "exit interview, paperwork, separation pay, unemployment tax"),
        "vacancy": vacancy_cost(
            weekly,
            _weeks(vacancy_weeks, "vacancy_weeks", "the weeks the job stays empty"),
            cover=cover, overtime_premium=overtime_premium, temp_weekly_cost=temp_weekly_cost,
            lost_margin_per_week=lost_margin_per_week,
        ),
        "replacement": hiring_cost(
            hiring_hours=hiring_hours, hiring_hourly_cost=hiring_hourly_cost, hiring_fees=hiring_fees,
            other_hiring_costs=other_hiring_costs,
        ),
        "training": training_cost(
            hourly, training_hours=training_hours, trainer_hours=trainer_hours,
            trainer_hourly_cost=trainer_hourly_cost, training_materials=training_materials,
        ),
        "learning_curve": learning_curve_cost(pay, learn_weeks, productivity_while_learning),
    }
    value_each = clv.lifetime_value(
        _amount(customer_margin, "customer_margin", "the yearly margin per customer, in dollars"),
        customer_retention, discount_rate,
    )
    at_risk = customers_at_risk_value(customers_at_risk, customer_margin, customer_retention, discount_rate, share_who_follow)
    expected = float(customers_at_risk) * float(share_who_follow)  # both checked just above
    lines["customers_who_may_follow"] = at_risk
    employee_costs = math.fsum(value for key, value in lines.items() if key != "customers_who_may_follow")
    total = employee_costs + at_risk
    by_category = pd.DataFrame(
        {
            "category": [label for label, _ in CATEGORIES.values()],
            "covers": [covers for _, covers in CATEGORIES.values()],
            "amount": [lines[key] for key in CATEGORIES],
        }
    )
    return ReplacementCost(
        employee=name, annual_pay=pay, weekly_pay=weekly, hourly_pay=hourly, by_category=by_category,
        employee_costs=employee_costs, customers_at_risk=float(customers_at_risk),
        share_who_follow=float(share_who_follow), customer_lifetime_value=value_each,
        customers_expected_to_follow=expected, customer_value_at_risk=at_risk,
        total=total, share_of_pay=total / pay,
    )


def course_example() -> dict[str, object]:
    """An illustrative employee (the course's own invented numbers, not a study's).

    Maria, a senior account manager on $78,000 a year, looks after 30
    business customers worth $5,000 margin a year each, with 85% retention.
    Her manager guesses that one in five might follow her.

    Returns
    -------
    dict
        Keyword arguments for :func:`cost_of_losing`.

    Examples
    --------
    >>> course_example()["salary"]
    78000
    """
    return {
        "employee": "Maria (senior account manager)",
        "salary": 78000,
        "separation_costs": 500,
        "vacancy_weeks": 8,
        "cover": "overtime",
        "lost_margin_per_week": 500,
        "hiring_hours": 40,
        "hiring_hourly_cost": 60,
        "hiring_fees": 3000,
        "other_hiring_costs": 500,
        "training_hours": 40,
        "trainer_hours": 20,
        "trainer_hourly_cost": 60,
        "training_materials": 300,
        "weeks_to_full_productivity": 26,
        "productivity_while_learning": 0.6,
        "customers_at_risk": 30,
        "customer_margin": 5000,
        "customer_retention": 0.85,
        "share_who_follow": 0.2,
        "discount_rate": 0.10,
    }


# ---- several employees from a file ---------------------------------------------------------

#: Columns of the table :func:`compare_employees` reads.
EMPLOYEE_COLUMNS: dict[str, str] = {
    "employee": "a name for the employee",
    "salary": "yearly salary in dollars (fill this or hourly_rate)",
    "hourly_rate": "pay per hour in dollars (fill this or salary)",
    "hours_per_week": "hours in a normal week",
    "weeks_to_full_productivity": "weeks until a newcomer is fully productive",
    "productivity_while_learning": "the newcomer's average output while learning, as a decimal (0.5 for 50%)",
    "separation_costs": "optional: exit interview, paperwork, separation pay, unemployment tax",
    "vacancy_weeks": "optional: weeks the job stays empty",
    "cover": "optional: how the work is covered: overtime, temp or uncovered (empty: overtime)",
    "temp_weekly_cost": "optional: a temporary worker's weekly cost, agency fee included",
    "lost_margin_per_week": "optional: margin on sales lost each week the job is empty",
    "hiring_hours": "optional: hours spent recruiting and interviewing, everyone together",
    "hiring_hourly_cost": "optional: the hourly cost of those people",
    "hiring_fees": "optional: agency or advertising fees",
    "other_hiring_costs": "optional: tests, checks, travel, relocation",
    "training_hours": "optional: the newcomer's hours in formal training",
    "trainer_hours": "optional: hours trainers and coaches spend",
    "trainer_hourly_cost": "optional: the trainers' hourly cost",
    "training_materials": "optional: materials and courses",
    "customers_at_risk": "optional: customers who deal mainly with this employee",
    "customer_margin": "optional: their yearly margin per customer",
    "customer_retention": "optional: their usual yearly retention, as a decimal (0.85 for 85%)",
    "share_who_follow": "optional: your estimate of the share who might follow the employee, as a decimal",
}
_REQUIRED_EMPLOYEE_COLUMNS = [
    "employee", "hours_per_week", "weeks_to_full_productivity", "productivity_while_learning",
]
_RATE_COLUMNS = {"customer_retention": (1.0, False), "share_who_follow": (1.0, True)}
_WEEK_COLUMNS = {"vacancy_weeks"}


def _pay_columns(table: pd.DataFrame) -> tuple[pd.Series, pd.Series]:
    """Each row's salary and hourly rate (NaN where empty), checking that exactly one is filled."""
    if "salary" not in table.columns and "hourly_rate" not in table.columns:
        raise ValueError(
            f"{table.attrs.get('source', 'the table')}: needs a 'salary' column, an 'hourly_rate' column, "
            f"or both (each employee fills one). Columns found: {', '.join(map(str, table.columns))}."
        )
    values = {}
    for column in ("salary", "hourly_rate"):
        if column not in table.columns:
            values[column] = pd.Series(float("nan"), index=table.index)
            continue
        raw = table[column]
        blank = raw.isna() | (raw.astype(str).str.strip() == "")
        filled = table[[column]].copy()
        filled.attrs = dict(table.attrs)
        filled[column] = raw.astype(object).where(~blank, 1)  # placeholder, replaced below
        numbers = numeric_column(filled, column, meaning=EMPLOYEE_COLUMNS[column], low=0)
        values[column] = numbers.where(~blank)
    salary, hourly = values["salary"], values["hourly_rate"]
    both = salary.notna() & hourly.notna()
    neither = salary.isna() & hourly.isna()
    for mask, problem in ((both, "fills both 'salary' and 'hourly_rate'"), (neither, "fills neither 'salary' nor 'hourly_rate'")):
        if mask.any():
            first = int(mask.to_numpy().nonzero()[0][0])
            raise ValueError(
                f"{where(table, first)} {problem}; give each employee's pay once, as a yearly salary "
                f"or as an hourly rate."
            )
    return salary, hourly


def compare_employees(
    employees: pd.DataFrame,
    *,
    discount_rate: float = 0.10,
    overtime_premium: float = DEFAULT_OVERTIME_PREMIUM,
) -> pd.DataFrame:
    """The cost of losing each of several employees, customers included.

    Parameters
    ----------
    employees : pandas.DataFrame
        One row per employee with the columns ``employee``, ``salary`` or
        ``hourly_rate`` (one per row), ``hours_per_week``,
        ``weeks_to_full_productivity`` and ``productivity_while_learning``,
        and any optional column of :data:`EMPLOYEE_COLUMNS` (a missing column
        or an empty cell counts as 0; an empty ``cover`` is ``"overtime"``).
    discount_rate : float
        Yearly discount rate for the customers' lifetime value, in [0, 1).
    overtime_premium : float
        Extra paid for overtime, from 0 to 1 (0.5 for time and a half).

    Returns
    -------
    pandas.DataFrame
        ``employee``, any extra columns of the input (such as ``job``), then
        ``annual_pay``, one column per line of :data:`CATEGORIES`
        (``separation``, ``vacancy``, ``replacement``, ``training``,
        ``learning_curve``), ``employee_costs``, ``customers_who_may_follow``,
        ``total`` and ``share_of_pay``.

    Raises
    ------
    ValueError
        When a column is missing or misspelled, or a cell is not usable; the
        message names the column and the line.

    Examples
    --------
    >>> table = pd.DataFrame({"employee": ["Sam"], "hourly_rate": [25], "hours_per_week": [40],
    ...                       "weeks_to_full_productivity": [10], "productivity_while_learning": [0.5]})
    >>> compare_employees(table)["total"].tolist()
    [5000.0]
    """
    require_columns(employees, _REQUIRED_EMPLOYEE_COLUMNS, optional=[c for c in EMPLOYEE_COLUMNS if c not in _REQUIRED_EMPLOYEE_COLUMNS])
    if employees.empty:
        raise ValueError(f"{employees.attrs.get('source', 'the table')}: has no employees; add at least one row.")
    _reject_misspelled(employees, list(EMPLOYEE_COLUMNS))
    names = _check_names(employees, "employee", "employee")
    clv.lifetime_value(0, 0, discount_rate)  # checks the discount rate once, before any row
    _overtime_premium(overtime_premium)
    salary, hourly = _pay_columns(employees)
    hours = numeric_column(employees, "hours_per_week", meaning=EMPLOYEE_COLUMNS["hours_per_week"], low=0, high=100)
    learn_weeks = numeric_column(
        employees, "weeks_to_full_productivity", meaning=EMPLOYEE_COLUMNS["weeks_to_full_productivity"], low=0, high=MAX_WEEKS
    )
    productivity = numeric_column(
        employees, "productivity_while_learning", meaning=EMPLOYEE_COLUMNS["productivity_while_learning"], low=0, high=1
    )
    numbers: dict[str, pd.Series] = {}
    for column, meaning in EMPLOYEE_COLUMNS.items():
        if column in _REQUIRED_EMPLOYEE_COLUMNS or column in ("salary", "hourly_rate", "cover", "employee"):
            continue
        high, inclusive = _RATE_COLUMNS.get(column, (MAX_WEEKS if column in _WEEK_COLUMNS else None, True))
        numbers[column] = _optional_numbers(employees, column, meaning, high=high, high_inclusive=inclusive)
    if "cover" in employees.columns:
        raw = employees["cover"]
        blank = raw.isna() | (raw.astype(str).str.strip() == "")
        covers = raw.astype(object).where(blank, raw.astype(str).str.strip().str.lower()).where(~blank, DEFAULT_COVER)
        unknown = ~covers.isin(list(COVERS))
        if unknown.any():
            positions = [int(i) for i in unknown.to_numpy().nonzero()[0]]
            shown = "; ".join(f"{where(employees, i)}: {raw.iloc[i]!r}" for i in positions[:5])
            raise ValueError(
                f"column 'cover' (how the work is covered while the job is empty) must be one of "
                f"{', '.join(COVERS)}, or empty for overtime; bad values at {shown}."
            )
    else:
        covers = pd.Series(DEFAULT_COVER, index=employees.index)
    rows = []
    for position in range(len(employees)):
        pay = {"salary": float(salary.iloc[position])} if pd.notna(salary.iloc[position]) else {
            "hourly_rate": float(hourly.iloc[position])
        }
        try:
            estimate = cost_of_losing(
                employee=str(names.iloc[position]),
                **pay,
                hours_per_week=float(hours.iloc[position]),
                weeks_to_full_productivity=float(learn_weeks.iloc[position]),
                productivity_while_learning=float(productivity.iloc[position]),
                cover=str(covers.iloc[position]),
                overtime_premium=overtime_premium,
                discount_rate=discount_rate,
                **{column: float(values.iloc[position]) for column, values in numbers.items()},
            )
        except ValueError as error:
            raise ValueError(f"{where(employees, position)}: {error}") from None
        rows.append(estimate.as_row().iloc[0])
    computed = pd.DataFrame(rows).reset_index(drop=True)
    computed["employee"] = names.to_numpy()
    extra = [column for column in employees.columns if column not in EMPLOYEE_COLUMNS]
    for offset, column in enumerate(extra, start=1):
        computed.insert(offset, column, employees[column].to_numpy())
    for column in _RESULT_ORDER[1:]:
        computed[column] = computed[column].astype(float)
    return computed


#: The paper version of the specific-employee replacement cost worksheet (``{printable-form} replacement``).
PRINTABLE_FORM = FormSpec(
    title="Specific employee replacement cost worksheet",
    intro=(
        "One form per employee. Weekly pay = yearly pay ÷ 52; hourly pay = weekly pay ÷ hours per week. "
        "Write each amount in dollars (0 if there is none). The share of customers who might follow is your "
        "own estimate: write down why you chose it."
    ),
    sections=(
        Section(
            "The employee",
            fields=(
                Field("Name and job"),
                Field("Yearly pay", unit="$", hint="Or hourly rate × hours a week × 52."),
                Field("Weekly pay", unit="$", hint="Yearly pay ÷ 52."),
                Field("Hourly pay", unit="$", hint="Weekly pay ÷ hours a week."),
                Field("Prepared by and date"),
            ),
        ),
        Section(
            "1. Separation",
            fields=(Field("Exit interview, paperwork, separation pay, unemployment tax", unit="$"),),
        ),
        Section(
            "2. Vacancy",
            fields=(
                Field("Weeks the job stays empty"),
                Field(
                    "How the work is covered: overtime / temporary worker / left undone",
                    hint="Overtime: weekly pay × premium (0.5 for time and a half). Temporary worker: weekly "
                    "bill − weekly pay. Left undone: 0.",
                ),
                Field("Extra cost of covering the work, per week", unit="$"),
                Field("Margin on sales lost, per week", unit="$"),
                Field("Vacancy = weeks × (extra cost + lost margin)", unit="$"),
            ),
        ),
        Section(
            "3. Replacement (hiring)",
            fields=(
                Field("Hours recruiting and interviewing × their hourly cost", unit="$"),
                Field("Agency or advertising fees", unit="$"),
                Field("Tests, checks, travel, relocation", unit="$"),
                Field("Replacement total", unit="$"),
            ),
        ),
        Section(
            "4. Training",
            fields=(
                Field("Newcomer's training hours × hourly pay", unit="$"),
                Field("Trainers' hours × their hourly cost", unit="$"),
                Field("Materials and courses", unit="$"),
                Field("Training total", unit="$"),
            ),
        ),
        Section(
            "5. Learning curve",
            fields=(
                Field("Weeks to full productivity"),
                Field("Average productivity while learning", unit="%"),
                Field("Learning curve = weekly pay × weeks × (1 − productivity)", unit="$"),
            ),
        ),
        Section(
            "6. Customers who may follow",
            fields=(
                Field("Customers who deal mainly with this employee"),
                Field("Their yearly margin per customer", unit="$"),
                Field("Their retention rate (r) and the discount rate (i)", unit="%"),
                Field("Lifetime value per customer = margin × r / (1 + i − r)", unit="$"),
                Field("Your estimate: share who might follow", unit="%", hint="An assumption: say why."),
                Field("Value at risk = customers × share × lifetime value", unit="$"),
            ),
        ),
        Section(
            "Totals",
            columns=("Line", "Amount ($)"),
            row_labels=(
                "Employee costs (lines 1 to 5)",
                "Customers who may follow (line 6)",
                "Total cost of losing this employee",
                "Total as a share of yearly pay (%)",
            ),
        ),
    ),
)
