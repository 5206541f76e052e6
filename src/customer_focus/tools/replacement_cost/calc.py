"""The cost of losing one named employee, customers included.

The employee turnover cost tool (:mod:`customer_focus.tools.turnover_cost`)
prices a departure from a job's line items. This one builds the same five
lines from one person's specifics, and then adds what the turnover worksheet
leaves out: the customers who may follow the employee out of the door.

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
    the turnover cost tool's
    :func:`~customer_focus.tools.turnover_cost.calc.learning_curve_cost`.

Customers who may follow
    ``customers at risk × share who might follow × lifetime value per customer``,
    with the lifetime value from
    :func:`customer_focus.tools.lifetime_value.calc.lifetime_value` (the
    course's convention, m·r/(1+i−r)). The share who might follow is the
    manager's own estimate, an explicit assumption, not a research figure.

Heskett et al. (1994) give two published illustrations of what departing
people take with them: at car dealers, replacing a sales rep with 5–8 years'
experience by one with under a year cost "as much as $36,000 in sales" a
month (an Abt Associates study); a securities broker's replacement takes
nearly five years to rebuild relationships worth about $1 million a year in
commissions, "a cumulative loss of at least $2.5 million".

Standard library only, and plain values in and out. Every input is described
once, in ``replacement_cost.yml`` (read here from its JSON twin): its words,
its range and its default. :func:`cost_of_losing` takes the inputs by those
names (:data:`INPUTS`), and a bad one raises an
:class:`~customer_focus.core.validation.InputError` (a ``ValueError``) whose
``name`` is the input's. Several employees from a file are in
:mod:`customer_focus.tools.replacement_cost.table`.
"""

from __future__ import annotations

import math
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from ...core.fields import load_example, load_fields
from ...core.messages import N_, Messages
from ...core.validation import InputError, as_number
from ..lifetime_value import calc as clv
from ..turnover_cost import calc as turnover

__all__ = [
    "FIELDS",
    "COVERS",
    "DEFAULT_COVER",
    "DEFAULT_OVERTIME_PREMIUM",
    "DEFAULT_HOURS_PER_WEEK",
    "CATEGORIES",
    "LINE_INPUTS",
    "INPUTS",
    "ReplacementCost",
    "PAY_BOTH",
    "PAY_NEITHER",
    "line_words",
    "annual_pay",
    "vacancy_cost",
    "hiring_cost",
    "training_cost",
    "customers_at_risk_value",
    "cost_of_losing",
    "course_example",
]

_ = Messages("tools.replacement_cost")

#: The tool's inputs, as ``replacement_cost.yml`` describes them.
FIELDS = load_fields(__package__, "replacement_cost.json")

#: How the work of the empty job is covered, with what each choice counts.
COVERS: dict[str, str] = dict(FIELDS["cover"].options)
DEFAULT_COVER: str = FIELDS["cover"].default

#: Extra paid for an overtime hour as a share of normal pay: 0.5 is time and a half.
DEFAULT_OVERTIME_PREMIUM: float = FIELDS["overtime_premium"].default

#: Default hours in a working week, used to turn an hourly rate into yearly pay.
DEFAULT_HOURS_PER_WEEK: float = FIELDS["hours_per_week"].default

#: The six lines of this worksheet, (label, what it covers): the turnover worksheet's five,
#: and the customers.
CATEGORIES: dict[str, tuple[str, str]] = {
    **{
        name: (turnover.CATEGORIES[name].label, covers)
        for name, covers in (
            ("separation", N_("exit interview, paperwork, separation pay, unemployment tax")),
            ("vacancy", N_("covering the work while the job is empty, and the margin lost")),
            (
                "replacement",
                N_("recruiting and interviewing time, agency or advertising fees, other hiring "
                   "costs"),
            ),
            ("training", N_("the newcomer's and the trainers' time, materials")),
            (
                "learning_curve",
                N_("the newcomer's lower output until fully productive, valued at the pay"),
            ),
        )
    },
    "customers_who_may_follow": (
        N_("Customers who may follow"),
        N_("lifetime value of the customers who might leave with the employee (your estimate of "
           "the share)"),
    ),
}

#: The turnover worksheet's line labels (kept in English in :data:`CATEGORIES`), as this
#: worksheet says them: :func:`line_words`.
_LABELS = (
    N_("Separation"), N_("Vacancy"), N_("Replacement (hiring)"), N_("Training"),
    N_("Learning curve"),
)


def line_words(name: str) -> tuple[str, str]:
    """A line of :data:`CATEGORIES` in the reader's language: its label and what it covers.

    Examples
    --------
    >>> line_words("training")
    ('Training', "the newcomer's and the trainers' time, materials")
    """
    label, covers = CATEGORIES[name]
    return _(label), _(covers)

#: The inputs of each line, in the order a form shows them.
LINE_INPUTS: dict[str, tuple[str, ...]] = {
    "separation": ("separation_costs",),
    "vacancy": (
        "cover", "vacancy_weeks", "overtime_premium", "temp_weekly_cost", "lost_margin_per_week",
    ),
    "replacement": ("hiring_hours", "hiring_hourly_cost", "hiring_fees", "other_hiring_costs"),
    "training": ("training_hours", "trainer_hours", "trainer_hourly_cost", "training_materials"),
    "learning_curve": ("weeks_to_full_productivity", "productivity_while_learning"),
    "customers_who_may_follow": (
        "customers_at_risk", "customer_margin", "customer_retention", "discount_rate",
        "share_who_follow",
    ),
}

#: A row of the learner's file that gives its pay twice, or not at all (``{place}``: its line).
PAY_BOTH = N_("{place} fills both 'salary' and 'hourly_rate'; give each employee's pay once, as a "
              "yearly salary or as an hourly rate.")
PAY_NEITHER = N_("{place} fills neither 'salary' nor 'hourly_rate'; give each employee's pay "
                 "once, as a yearly salary or as an hourly rate.")

#: The pay, given as a yearly salary or as an hourly rate (one of the two).
_PAY = ("salary", "hourly_rate")

#: What :func:`cost_of_losing` takes, by name: the employee, the pay and every line's inputs.
INPUTS: tuple[str, ...] = (
    "employee", *_PAY, "hours_per_week", *(name for names in LINE_INPUTS.values() for name in names)
)


# ---- pay ------------------------------------------------------------------------------


def _hours_per_week(value: object) -> float:
    field = FIELDS["hours_per_week"]
    number = as_number(value, field.name, meaning=field.help)
    if not 0 < number <= field.max:
        raise InputError(
            field.name,
            _("{name} must be more than 0 and at most {most:g} ({meaning}); "
              "you gave {value!r}. A full-time week is often 35 to 40 hours.").format(
                name=field.name, most=field.max, meaning=field.help, value=value),
        )
    return number


def annual_pay(
    *,
    salary: float | None = None,
    hourly_rate: float | None = None,
    hours_per_week: float = DEFAULT_HOURS_PER_WEEK,
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
        The yearly pay, in dollars.

    Raises
    ------
    InputError
        When neither or both of ``salary`` and ``hourly_rate`` are given, or a
        value is out of range.

    Examples
    --------
    >>> annual_pay(hourly_rate=20, hours_per_week=40)
    41600.0
    """
    hours = _hours_per_week(hours_per_week)
    if (salary is None) == (hourly_rate is None):
        given = _("both") if salary is not None else _("neither")
        raise InputError(
            "salary",
            _("give the employee's pay as salary (yearly) or as hourly_rate, not both; you gave "
              "{given}. For example salary=52000, or hourly_rate=25 with hours_per_week=40."
              ).format(given=given),
        )
    name, value = ("salary", salary) if salary is not None else ("hourly_rate", hourly_rate)
    pay = as_number(value, name, meaning=FIELDS[name].help)
    if name == "hourly_rate":
        pay = pay * hours * turnover.WEEKS_PER_YEAR
    if pay <= 0:
        raise InputError(
            name,
            _("{name} must be more than 0 (the employee's pay, in dollars); you gave {value!r}. "
              "Type the pay before tax, for example 52000 a year or 25 an hour.").format(
                name=name, value=value),
        )
    return pay


# ---- the lines --------------------------------------------------------------------------


def _overtime_premium(value: object) -> float:
    field = FIELDS["overtime_premium"]
    number = as_number(value, field.name, meaning=field.help)
    if not field.min <= number <= field.max:
        raise InputError(
            field.name,
            _("{name} must be a decimal from {least:g} to {most:g} ({meaning}); "
              "you gave {value!r}. Count only the extra above normal pay: 0.5 for time and a "
              "half, 1 for double time.").format(
                name=field.name, least=field.min, most=field.max, meaning=field.help, value=value),
        )
    return number


def vacancy_cost(
    weekly_pay: float,
    vacancy_weeks: float,
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
    vacancy_weeks : float
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
        The vacancy line, in dollars.

    Examples
    --------
    >>> vacancy_cost(1000, 6)  # six weeks of overtime at time and a half
    3000.0
    >>> vacancy_cost(1000, 6, cover="temp", temp_weekly_cost=1400)
    2400.0
    """
    pay = FIELDS["weekly_pay"].check(weekly_pay)
    weeks = turnover.check_weeks(FIELDS["vacancy_weeks"], vacancy_weeks)
    how = FIELDS["cover"].check(cover)
    premium = _overtime_premium(overtime_premium)
    temp = FIELDS["temp_weekly_cost"].check(temp_weekly_cost)
    lost = FIELDS["lost_margin_per_week"].check(lost_margin_per_week)
    if how == "overtime":
        extra = pay * premium
    elif how == "temp":
        extra = max(temp - pay, 0.0)
    else:
        extra = 0.0
    return weeks * (extra + lost)


def hiring_cost(
    *,
    hiring_hours: float = 0,
    hiring_hourly_cost: float = 0,
    hiring_fees: float = 0,
    other_hiring_costs: float = 0,
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
        The hiring line, in dollars.

    Examples
    --------
    >>> hiring_cost(hiring_hours=30, hiring_hourly_cost=50, hiring_fees=2000)
    3500.0
    """
    hours, rate, fees, other = FIELDS.checked(locals())
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
        The training line, in dollars.

    Examples
    --------
    >>> training_cost(25, training_hours=40, trainer_hours=20, trainer_hourly_cost=40,
    ...               training_materials=300)
    2100.0
    """
    pay, hours, coach, rate, materials = FIELDS.checked(locals())
    return hours * pay + coach * rate + materials


def customers_at_risk_value(
    customers_at_risk: float,
    customer_margin: float,
    customer_retention: float,
    discount_rate: float,
    share_who_follow: float,
) -> float:
    """The lifetime value of the customers who might follow the employee.

    ``customers × share_who_follow × clv.lifetime_value(margin, retention, discount_rate)``,
    with the course's lifetime value convention (Gupta & Lehmann 2003,
    m·r/(1+i−r)). The share is the manager's own estimate.

    Parameters
    ----------
    customers_at_risk : float
        Customers who deal mainly with this employee, 0 or more.
    customer_margin : float
        Their yearly margin per customer, 0 or more.
    customer_retention : float
        Their usual yearly retention rate, in [0, 1).
    discount_rate : float
        Yearly discount rate, in [0, 1).
    share_who_follow : float
        Your estimate of the share who might leave with the employee, in [0, 1].

    Returns
    -------
    float
        Their lifetime value, in dollars.

    Examples
    --------
    >>> round(customers_at_risk_value(40, 1500, 0.8, 0.1, 0.25), 2)
    40000.0
    """
    count, margin, retention, rate, share = FIELDS.checked(locals())
    return count * share * clv.lifetime_value(margin, retention, rate)


# ---- the whole worksheet ------------------------------------------------------------------


@dataclass(frozen=True)
class ReplacementCost:
    """The cost of losing one employee, by line, customers included.

    :mod:`~customer_focus.tools.replacement_cost.table` shows it as tables
    (``by_category``, ``share_scenarios``, ``as_row``).

    Attributes
    ----------
    employee : str
        Who the estimate is for.
    annual_pay, weekly_pay, hourly_pay : float
        The employee's pay.
    lines : dict
        Each line's amount, by the name of its category in :data:`CATEGORIES`.
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
    lines: dict[str, float]
    employee_costs: float
    customers_at_risk: float
    share_who_follow: float
    customer_lifetime_value: float
    customers_expected_to_follow: float
    customer_value_at_risk: float
    total: float
    share_of_pay: float

    def amount(self, category: str) -> float:
        """The amount of one line, by name (``"vacancy"``) or label.

        Examples
        --------
        >>> round(cost_of_losing(**course_example()).amount("Customers who may follow"), 2)
        102000.0
        """
        for name, (label, _covers) in CATEGORIES.items():
            if category in (name, label):
                return self.lines[name]
        names = ", ".join(repr(name) for name in CATEGORIES)
        raise ValueError(_("category must be one of {names}; you gave {category!r}.").format(
            names=names, category=category))

    def share_scenarios(
        self, shares: tuple[float, ...] = (0.0, 0.1, 0.2, 0.3, 0.5)
    ) -> list[dict[str, float]]:
        """The total for other guesses of the share of customers who might follow.

        The share is the least certain input; this shows how much the answer
        depends on it.

        Parameters
        ----------
        shares : tuple of float
            Shares to try, each from 0 to 1.

        Returns
        -------
        list of dict
            One row per share: ``share_who_follow``, ``customers_following``,
            ``customers_who_may_follow`` (their lifetime value) and ``total``.

        Examples
        --------
        >>> scenarios = cost_of_losing(**course_example()).share_scenarios((0, 1))
        >>> [round(row["total"], 2) for row in scenarios]
        [35000.0, 545000.0]
        """
        rows = []
        for share in shares:
            checked = FIELDS["share_who_follow"].check(share)
            following = checked * self.customers_at_risk
            value = following * self.customer_lifetime_value
            rows.append({
                "share_who_follow": checked, "customers_following": following,
                "customers_who_may_follow": value, "total": self.employee_costs + value,
            })
        return rows


def _inputs(given: Mapping[str, object]) -> dict[str, Any]:
    """Every input of :func:`cost_of_losing`: the ones given, and the others' defaults."""
    for name in given:
        if name not in INPUTS:
            raise InputError(
                name, _("{name} is not an input of this worksheet; its inputs are "
                        "{inputs}.").format(name=name, inputs=", ".join(INPUTS)),
            )
    for name in INPUTS:
        if name not in given and name not in _PAY and FIELDS[name].default is None:
            raise InputError(
                name, _("give {name} ({meaning}).").format(name=name, meaning=FIELDS[name].help))
    return {name: given.get(name, FIELDS[name].default) for name in INPUTS}


def cost_of_losing(**inputs: object) -> ReplacementCost:
    """What losing one named employee would cost, customers included.

    Builds the turnover worksheet's five lines from the person's specifics
    and adds the lifetime value of the customers who may follow them (see the
    module docstring for each formula).

    Parameters
    ----------
    **inputs
        The inputs named in :data:`INPUTS`, each described (its meaning,
        range and default) by its field in ``replacement_cost.yml``. Give the
        pay as ``salary`` (yearly) or as ``hourly_rate`` with
        ``hours_per_week`` (see :func:`annual_pay`), and the learning curve's
        ``weeks_to_full_productivity`` and ``productivity_while_learning``;
        the others may be left out. ``share_who_follow`` is your own estimate
        of the share of the customers at risk who might leave with the
        employee: an assumption, not a research figure.

    Returns
    -------
    ReplacementCost
        Every line, the employee costs and the total.

    Raises
    ------
    InputError
        When an input is missing, unknown, not a number or out of range; the
        message names it.

    Examples
    --------
    >>> cost = cost_of_losing(**course_example())
    >>> round(cost.employee_costs, 2), round(cost.customer_value_at_risk, 2)
    (35000.0, 102000.0)
    """
    given = _inputs(inputs)
    name = str(given["employee"]).strip() or FIELDS["employee"].default
    hours = _hours_per_week(given["hours_per_week"])
    pay = annual_pay(salary=given["salary"], hourly_rate=given["hourly_rate"], hours_per_week=hours)
    weekly = pay / turnover.WEEKS_PER_YEAR
    hourly = weekly / hours

    def line(category: str) -> dict[str, Any]:
        return {input_name: given[input_name] for input_name in LINE_INPUTS[category]}

    lines = {
        "separation": FIELDS["separation_costs"].check(given["separation_costs"]),
        "vacancy": vacancy_cost(weekly, **line("vacancy")),
        "replacement": hiring_cost(**line("replacement")),
        "training": training_cost(hourly, **line("training")),
        "learning_curve": turnover.learning_curve_cost(
            pay, given["weeks_to_full_productivity"], given["productivity_while_learning"]
        ),
    }
    employee_costs = math.fsum(lines.values())
    customers = line("customers_who_may_follow")
    at_risk = customers_at_risk_value(**customers)
    value_each = clv.lifetime_value(
        customers["customer_margin"], customers["customer_retention"], customers["discount_rate"]
    )
    lines["customers_who_may_follow"] = at_risk
    count, share = float(customers["customers_at_risk"]), float(customers["share_who_follow"])
    total = employee_costs + at_risk
    return ReplacementCost(
        employee=name, annual_pay=pay, weekly_pay=weekly, hourly_pay=hourly, lines=lines,
        employee_costs=employee_costs, customers_at_risk=count, share_who_follow=share,
        customer_lifetime_value=value_each, customers_expected_to_follow=count * share,
        customer_value_at_risk=at_risk, total=total, share_of_pay=total / pay,
    )


def course_example() -> dict[str, Any]:
    """An illustrative employee (the course's own invented numbers, not a study's).

    Maria, a senior account manager on $78,000 a year, looks after 30
    business customers worth $5,000 margin a year each, with 85% retention.
    Her manager guesses that one in five might follow her. They are the
    worked example of ``replacement_cost.yml`` (its texts in the language the
    package speaks).

    Returns
    -------
    dict
        Keyword arguments for :func:`cost_of_losing`.

    Examples
    --------
    >>> course_example()["salary"]
    78000
    """
    return load_example(__package__, FIELDS, "replacement_cost.json")
