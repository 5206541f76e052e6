"""The cost of employee turnover: what it costs when someone in a job leaves.

The categories follow Wayne Cascio's framework (*Costing Human Resources*,
1982; 4th ed. 2000), which sorts the cost of a departure into **separation**,
**replacement** and **training** costs; Cascio & Boudreau (*Investing in
People*, 2008, ch. 4 "The High Cost of Employee Separations") add the
**performance differential** between the leaver and the newcomer.

The worksheet uses the course's five-part practitioner list, which covers the
same ground:

================  ==========================================================
Course line       Cascio's category
================  ==========================================================
Separation        separation costs
Vacancy           indirect costs and performance differential (overtime
                  premium or temporary staff, lost sales while the job is
                  empty)
Replacement       replacement costs (hiring)
Training          training costs
Learning curve    performance differential (the newcomer's lower output
                  until fully productive)
================  ==========================================================

The learning curve is valued at the salary::

    learning curve = salary / 52 × weeks to full productivity × (1 − average productivity)

The course's illustrative job (its own numbers, not a source's, the worked
example of ``turnover_cost.yml``) pays $36,000: separation $300, vacancy
$2,000, replacement $1,500, training $1,500 and a learning curve of 12 weeks
at 50% productivity, 36,000 / 52 × 12 × 0.5 = $4,153.85; total $9,453.85,
about 26% of salary. For comparison, Boushey & Glynn (2012) found a typical
(median) cost of :data:`BOUSHEY_GLYNN_MEDIAN` of annual salary across 27 case
studies; see :func:`benchmarks`.

Heskett et al. (1994) warn that such measures "concentrate only on the cost of
recruiting, hiring, and training replacements," while "the real cost of
turnover is the loss of productivity and decreased customer satisfaction."
Customers who leave come on top of this worksheet; the specific-employee
worksheet (:mod:`customer_focus.tools.replacement_cost`) adds them.

Standard library only, and plain values in and out, so the same functions run
in a notebook and, through Pyodide, in the reader's browser. Every input is
checked against its description in ``turnover_cost.yml`` (read here from its
JSON twin); a bad one raises an
:class:`~customer_focus.core.validation.InputError` (a ``ValueError``) whose
``name`` is the input's. Several jobs from a file are in
:mod:`customer_focus.tools.turnover_cost.table`.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from typing import Any

from ...core.fields import Field, load_example, load_fields
from ...core.messages import N_, Messages
from ...core.validation import InputError, as_number

_ = Messages("tools.turnover_cost")

__all__ = [
    "FIELDS",
    "WEEKS_PER_YEAR",
    "MAX_WEEKS",
    "BOUSHEY_GLYNN_MEDIAN",
    "Category",
    "CATEGORIES",
    "LINE_ITEMS",
    "TurnoverCost",
    "check_weeks",
    "line_cost",
    "learning_curve_cost",
    "turnover_cost",
    "course_example",
    "benchmarks",
]

#: The tool's inputs, as ``turnover_cost.yml`` describes them.
FIELDS = load_fields(__package__, "turnover_cost.json")

#: Weeks in a year, used to turn a yearly salary into a weekly one.
WEEKS_PER_YEAR = 52

#: Longest learning curve or vacancy the worksheets accept, in weeks (ten years).
MAX_WEEKS = int(FIELDS["weeks_to_full_productivity"].max)

#: Boushey & Glynn (2012): typical (median) cost of replacing an employee, as a
#: share of annual salary, across 27 case studies without executives and physicians.
BOUSHEY_GLYNN_MEDIAN = 0.21


@dataclass(frozen=True)
class Category:
    """One line of the worksheet: its name, what it covers, Cascio's category and its items."""

    name: str
    label: str
    covers: str
    cascio: str
    items: tuple[str, ...] = ()


#: The five lines of the course's worksheet, in order, with Cascio's categories and the
#: line items (inputs of ``turnover_cost.yml``) each adds up. The learning curve is computed.
CATEGORIES: dict[str, Category] = {
    category.name: category
    for category in (
        Category(
            "separation",
            N_("Separation"),
            N_("exit interview, HR administration, separation pay, higher unemployment tax"),
            N_("Separation costs (Cascio)"),
            ("exit_interview", "hr_admin", "separation_pay", "unemployment_tax"),
        ),
        Category(
            "vacancy",
            N_("Vacancy"),
            N_("overtime premium or temporary staff, lost sales while the job is empty"),
            N_("Indirect costs and performance differential (Cascio & Boudreau)"),
            ("overtime_or_temps", "lost_sales"),
        ),
        Category(
            "replacement",
            N_("Replacement (hiring)"),
            N_("advertising, interviews, testing, travel or relocation, background checks"),
            N_("Replacement costs (Cascio)"),
            ("advertising", "interviews", "testing", "travel_relocation", "checks"),
        ),
        Category(
            "training",
            N_("Training"),
            N_("trainee and trainer time, materials"),
            N_("Training costs (Cascio)"),
            ("trainee_time", "trainer_time", "materials"),
        ),
        Category(
            "learning_curve",
            N_("Learning curve"),
            N_("the newcomer's lower output until fully productive, valued at the salary"),
            N_("Performance differential (Cascio & Boudreau)"),
        ),
    )
}

#: The money line items, in order, each with the name of its line. Each is an input of
#: :func:`turnover_cost` and an optional column for the table of several jobs.
LINE_ITEMS: dict[str, str] = {
    item: category.name for category in CATEGORIES.values() for item in category.items
}


# ---- checks at the boundary -------------------------------------------------------


def _salary(value: object) -> float:
    """The yearly salary: a number above 0."""
    field = FIELDS["salary"]
    number = field.check(value)
    if number <= 0:
        raise InputError(
            field.name,
            _("{name} must be more than 0 ({meaning}); you gave {value!r}. "
              "Type the yearly salary in dollars, for example 36000.").format(
                name=field.name, meaning=field.help, value=value),
        )
    return number


def check_weeks(field: Field, value: object) -> float:
    """A number of weeks within the field's range, or an error saying how to count weeks.

    Parameters
    ----------
    field : Field
        The input's description (its name, help and range), from a tool's spec.
    value : object
        What the caller passed.

    Returns
    -------
    float
        The weeks, checked.

    Examples
    --------
    >>> check_weeks(FIELDS["weeks_to_full_productivity"], 12)
    12.0
    >>> check_weeks(FIELDS["weeks_to_full_productivity"], 600)
    Traceback (most recent call last):
    ...
    customer_focus.core.validation.InputError: weeks_to_full_productivity must be a number of ...
    """
    low = 0.0 if field.min is None else field.min
    high = MAX_WEEKS if field.max is None else field.max
    number = as_number(value, field.name, meaning=field.help)
    if not low <= number <= high:
        raise InputError(
            field.name,
            _("{name} must be a number of weeks from {low:g} to {high:g} ({meaning}); you gave "
              "{value!r}. Count in weeks: 3 months is about 13 weeks, a year is 52.").format(
                name=field.name, low=low, high=high, meaning=field.help, value=value),
        )
    return number


def line_cost(line: str, **items: float) -> float:
    """One line of the worksheet: the sum of its items, each checked by its field.

    The four lines the learner fills in item by item, with Cascio's
    categories (:data:`CATEGORIES` lists each line's items and what it
    covers): ``separation`` (what the departure itself costs), ``vacancy``
    (overtime or temporary staff, and the margin on sales lost while nobody
    does the job), ``replacement`` (finding and hiring the newcomer) and
    ``training`` (formal instruction, coaching and materials). The fifth
    line, the learning curve, is computed: :func:`learning_curve_cost`.

    Parameters
    ----------
    line : str
        The line's name: ``separation``, ``vacancy``, ``replacement`` or ``training``.
    **items : float
        Any of the line's items, in dollars, each 0 or more (missing ones count 0).

    Returns
    -------
    float
        The line, in dollars.

    Raises
    ------
    InputError
        For an unknown line, an item of another line, or an item that is not
        a number of dollars, 0 or more.

    Examples
    --------
    >>> line_cost("separation", exit_interview=100, hr_admin=200)
    300.0
    >>> line_cost("vacancy", overtime_or_temps=1400, lost_sales=600)
    2000.0
    """
    filled = [name for name, category in CATEGORIES.items() if category.items]
    if line not in filled:
        raise InputError(
            "line", _("line must be one of {lines}; you gave {line!r}. The learning "
                      "curve is computed from the salary, the weeks and the productivity.").format(
                lines=", ".join(filled), line=line)
        )
    category = CATEGORIES[line]
    for name in items:
        if name not in category.items:
            known = ", ".join(category.items)
            raise InputError(
                name, _("{name} is not an item of the {line} line; its items are {known}.").format(
                    name=name, line=_(category.label).lower(), known=known),
            )
    return math.fsum(FIELDS[name].check(value) for name, value in items.items())


def learning_curve_cost(salary: float, weeks: float, productivity: float) -> float:
    """The learning curve: the newcomer's lost output, valued at the salary.

    ``salary / 52 × weeks × (1 − productivity)``: the simplest form of Cascio
    & Boudreau's performance differential. A newcomer averaging 50% of full
    output for 12 weeks loses half of 12 weeks' pay.

    Parameters
    ----------
    salary : float
        The job's yearly salary, more than 0.
    weeks : float
        Weeks until the newcomer is fully productive
        (``weeks_to_full_productivity``), from 0 to 520.
    productivity : float
        The newcomer's average output over those weeks
        (``productivity_while_learning``), as a share of full output, from 0
        to 1 (0.5 for 50%).

    Returns
    -------
    float
        The learning-curve line, in dollars.

    Raises
    ------
    InputError
        When an input is not a number or is outside its range.

    Examples
    --------
    >>> round(learning_curve_cost(36000, 12, 0.5), 2)
    4153.85
    """
    pay = _salary(salary)
    span = check_weeks(FIELDS["weeks_to_full_productivity"], weeks)
    share = FIELDS["productivity_while_learning"].check(productivity)
    return pay / WEEKS_PER_YEAR * span * (1 - share)


# ---- the whole worksheet ------------------------------------------------------------


@dataclass(frozen=True)
class TurnoverCost:
    """The cost of one departure, by line.

    :mod:`~customer_focus.tools.turnover_cost.table` shows it as tables
    (``line_items``, ``by_category``, ``as_row``).

    Attributes
    ----------
    salary : float
        The job's yearly salary.
    items : dict
        Each line item's amount, by name, in the order of :data:`LINE_ITEMS`,
        then ``learning_curve`` (the one computed item).
    lines : dict
        Each line's amount, by the name of its category in :data:`CATEGORIES`.
    total : float
        The sum of the lines.
    share_of_salary : float
        ``total / salary`` (0.26 for 26%).
    """

    salary: float
    items: dict[str, float]
    lines: dict[str, float]
    total: float
    share_of_salary: float

    def amount(self, category: str) -> float:
        """The amount of one line, by name (``"vacancy"``) or label (``"Vacancy"``).

        Examples
        --------
        >>> turnover_cost(**course_example()).amount("Replacement (hiring)")
        1500.0
        """
        for name, spec in CATEGORIES.items():
            if category in (name, spec.label):
                return self.lines[name]
        names = ", ".join(repr(name) for name in CATEGORIES)
        raise ValueError(_("category must be one of {names}; you gave {category!r}.").format(
            names=names, category=category))

    def share_of_total(self, category: str) -> float:
        """One line's share of the total (0 when the total is 0).

        Examples
        --------
        >>> round(turnover_cost(**course_example()).share_of_total("learning_curve"), 3)
        0.439
        """
        return self.amount(category) / self.total if self.total > 0 else 0.0


def turnover_cost(
    salary: float,
    *,
    weeks_to_full_productivity: float,
    productivity_while_learning: float,
    **line_items: float,
) -> TurnoverCost:
    """The cost of one employee leaving a job, by line, with its total.

    Adds the course's five lines (separation, vacancy, replacement, training,
    learning curve), which map onto Cascio's separation, replacement and
    training costs and Cascio & Boudreau's performance differential (see the
    module docstring). Customers who leave come on top.

    Parameters
    ----------
    salary : float
        The job's yearly salary, more than 0.
    weeks_to_full_productivity : float
        Weeks until a newcomer is fully productive, from 0 to 520.
    productivity_while_learning : float
        The newcomer's average output over those weeks, from 0 to 1 (0.5 for 50%).
    **line_items : float
        Any of the line items of :data:`LINE_ITEMS`, in dollars, each 0 or
        more; a missing one counts 0. What each holds is its field's help in
        ``turnover_cost.yml``.

    Returns
    -------
    TurnoverCost
        ``items``, ``lines``, ``total`` and ``share_of_salary``.

    Raises
    ------
    InputError
        When an input is not a number, is outside its range or is not a line
        item; the message names the input.

    Examples
    --------
    The course's illustrative front-line job:

    >>> cost = turnover_cost(**course_example())
    >>> round(cost.total, 2), round(cost.share_of_salary, 3)
    (9453.85, 0.263)
    """
    pay = _salary(salary)
    unknown = [name for name in line_items if name not in LINE_ITEMS]
    if unknown:
        known = ", ".join(LINE_ITEMS)
        raise InputError(
            unknown[0],
            _("{name} is not a line item of the worksheet; its items are {known}.").format(
                name=unknown[0], known=known),
        )
    items = {
        name: FIELDS[name].check(line_items.get(name, FIELDS[name].default)) for name in LINE_ITEMS
    }
    items["learning_curve"] = learning_curve_cost(
        pay, weeks_to_full_productivity, productivity_while_learning
    )
    lines = {
        name: math.fsum(items[item] for item in category.items)
        for name, category in CATEGORIES.items()
    }
    lines["learning_curve"] = items["learning_curve"]
    total = math.fsum(lines.values())
    return TurnoverCost(pay, items, lines, total, total / pay)


def course_example() -> dict[str, Any]:
    """The inputs of the course's illustrative front-line job (its own numbers).

    Salary $36,000; separation $300; vacancy $2,000; replacement $1,500;
    training $1,500; 12 weeks at 50% productivity. The line totals are the
    course's; how each is split into line items is invented for the
    worksheet. They are the worked example of ``turnover_cost.yml``.

    Returns
    -------
    dict
        Keyword arguments for :func:`turnover_cost`.

    Examples
    --------
    >>> course_example()["salary"]
    36000
    """
    return load_example(__package__, FIELDS, "turnover_cost.json")


@dataclass(frozen=True)
class _Benchmark:
    estimate: str
    share_of_salary: float
    basis: str
    source: str


#: Boushey & Glynn's (2012) estimates: the median, checked in the report, and two often-quoted
#: sub-figures. The popular "SHRM: 6 to 9 months' salary" is left out: no primary source found.
_BENCHMARKS = (
    _Benchmark(
        N_("Typical (median) cost"), BOUSHEY_GLYNN_MEDIAN,
        N_("median of 27 case studies, without executives and physicians"),
        "Boushey & Glynn (2012)",
    ),
    _Benchmark(
        N_("Jobs paying under $30,000: about"), 0.16,
        N_("an often-quoted sub-figure of the review"),
        N_("Boushey & Glynn (2012), as often quoted"),
    ),
    _Benchmark(
        N_("Executives: up to"), 2.13, N_("an often-quoted sub-figure of the review"),
        N_("Boushey & Glynn (2012), as often quoted"),
    ),
)


def benchmarks(salary: float) -> list[dict[str, Any]]:
    """Published estimates of turnover cost, applied to a salary, as a reference range.

    From Boushey & Glynn (2012), "There Are Significant Business Costs to
    Replacing Employees" (Center for American Progress), a review of 30 case
    studies from 11 papers. The median is checked in the report; the two
    sub-figures are as often quoted. The popular "SHRM: 6 to 9 months' salary"
    is left out: no primary source for it has been found.

    Parameters
    ----------
    salary : float
        The job's yearly salary, more than 0.

    Returns
    -------
    list of dict
        One row per estimate with ``estimate``, ``share_of_salary``,
        ``amount`` (the share times the salary), ``basis`` and ``source``.

    Examples
    --------
    >>> round(benchmarks(36000)[0]["amount"], 2)
    7560.0
    """
    pay = _salary(salary)
    return [
        {
            "estimate": _(row.estimate), "share_of_salary": row.share_of_salary,
            "amount": row.share_of_salary * pay, "basis": _(row.basis), "source": _(row.source),
        }
        for row in _BENCHMARKS
    ]
