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

The course's illustrative job (its own numbers, not a source's) pays $36,000:
separation $300, vacancy $2,000, replacement $1,500, training $1,500 and a
learning curve of 12 weeks at 50% productivity, 36,000 / 52 × 12 × 0.5 =
$4,153.85; total $9,453.85, about 26% of salary. For comparison, Boushey &
Glynn (2012) found a typical (median) cost of 21% of annual salary across 27
case studies; see :func:`benchmarks`.

Heskett et al. (1994) warn that such measures "concentrate only on the cost of
recruiting, hiring, and training replacements," while "the real cost of
turnover is the loss of productivity and decreased customer satisfaction."
Customers who leave come on top of this worksheet; the specific-employee
worksheet (:mod:`customer_focus.replacement`) adds them.
"""

from __future__ import annotations

import difflib
import math
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

import pandas as pd

from .tools.spec import Blank as Field, FormSpec, Section
from .core.tables import numeric_column, require_columns, where
from .core.validation import as_number, as_rate

__all__ = [
    "WEEKS_PER_YEAR",
    "MAX_WEEKS",
    "CATEGORIES",
    "LINE_ITEMS",
    "Category",
    "TurnoverCost",
    "separation_cost",
    "vacancy_cost",
    "replacement_cost",
    "training_cost",
    "learning_curve_cost",
    "turnover_cost",
    "course_example",
    "BOUSHEY_GLYNN_MEDIAN",
    "benchmarks",
    "JOB_COLUMNS",
    "compare_jobs",
    "PRINTABLE_FORM",
]

#: Weeks in a year, used to turn a yearly salary into a weekly one.
WEEKS_PER_YEAR = 52

#: Longest learning curve or vacancy the worksheets accept, in weeks (ten years).
MAX_WEEKS = 520

#: Boushey & Glynn (2012): typical (median) cost of replacing an employee, as a
#: share of annual salary, across 27 case studies without executives and physicians.
BOUSHEY_GLYNN_MEDIAN = 0.21


@dataclass(frozen=True)
class Category:
    """One line of the worksheet: its name, what it covers and Cascio's category."""

    name: str
    label: str
    covers: str
    cascio: str


#: The five lines of the course's worksheet, in order, with Cascio's categories.
CATEGORIES: dict[str, Category] = {
    category.name: category
    for category in (
        Category(
            "separation",
            "Separation",
            "exit interview, HR administration, separation pay, higher unemployment tax",
            "Separation costs (Cascio)",
        ),
        Category(
            "vacancy",
            "Vacancy",
            "overtime premium or temporary staff, lost sales while the job is empty",
            "Indirect costs and performance differential (Cascio & Boudreau)",
        ),
        Category(
            "replacement",
            "Replacement (hiring)",
            "advertising, interviews, testing, travel or relocation, background checks",
            "Replacement costs (Cascio)",
        ),
        Category(
            "training",
            "Training",
            "trainee and trainer time, materials",
            "Training costs (Cascio)",
        ),
        Category(
            "learning_curve",
            "Learning curve",
            "the newcomer's lower output until fully productive, valued at the salary",
            "Performance differential (Cascio & Boudreau)",
        ),
    )
}

#: The money line items, by name, with their category and meaning. Each is an
#: argument of :func:`turnover_cost` and an optional column for :func:`compare_jobs`.
LINE_ITEMS: dict[str, tuple[str, str]] = {
    "exit_interview": ("separation", "time spent on the exit interview, in dollars"),
    "hr_admin": ("separation", "HR and payroll administration of the departure, in dollars"),
    "separation_pay": ("separation", "separation (severance) pay, in dollars"),
    "unemployment_tax": ("separation", "extra unemployment insurance tax, in dollars"),
    "overtime_or_temps": ("vacancy", "overtime premium or temporary staff while the job is empty, in dollars"),
    "lost_sales": ("vacancy", "margin on sales lost while the job is empty, in dollars"),
    "advertising": ("replacement", "job advertisements and agency fees, in dollars"),
    "interviews": ("replacement", "time of the people who screen and interview, in dollars"),
    "testing": ("replacement", "tests and assessments of candidates, in dollars"),
    "travel_relocation": ("replacement", "candidates' travel and the newcomer's relocation, in dollars"),
    "checks": ("replacement", "background checks and medical exams, in dollars"),
    "trainee_time": ("training", "the newcomer's paid time in formal training, in dollars"),
    "trainer_time": ("training", "trainers' and coaches' time, in dollars"),
    "materials": ("training", "training materials and courses, in dollars"),
}

_SALARY_MEANING = "the job's yearly salary, in dollars"
_WEEKS_MEANING = "the weeks a newcomer needs to reach full productivity"
_PRODUCTIVITY_MEANING = (
    "the newcomer's average output while learning, as a share of full output, e.g. 0.5 for 50%"
)


# ---- checks at the boundary -------------------------------------------------------


def _amount(value: object, name: str, meaning: str) -> float:
    """A money amount of 0 or more, or a readable ValueError."""
    number = as_number(value, name, meaning=meaning)
    if number < 0:
        raise ValueError(
            f"{name} must be 0 or more ({meaning}); you gave {value!r}. "
            f"Type the cost as a positive amount, or 0 if there is none."
        )
    return number


def _salary(value: object, name: str = "salary", meaning: str = _SALARY_MEANING) -> float:
    number = as_number(value, name, meaning=meaning)
    if number <= 0:
        raise ValueError(
            f"{name} must be more than 0 ({meaning}); you gave {value!r}. "
            f"Type the yearly salary in dollars, for example 36000."
        )
    return number


def _weeks(value: object, name: str, meaning: str) -> float:
    number = as_number(value, name, meaning=meaning)
    if not 0 <= number <= MAX_WEEKS:
        raise ValueError(
            f"{name} must be a number of weeks from 0 to {MAX_WEEKS} ({meaning}); you gave {value!r}. "
            f"Count in weeks: 3 months is about 13 weeks, a year is 52."
        )
    return number


def _productivity(value: object) -> float:
    return as_rate(
        value,
        "productivity_while_learning",
        meaning=_PRODUCTIVITY_MEANING,
        high=1.0,
        high_inclusive=True,
        why_high="A newcomer cannot average more than full productivity while still learning.",
    )


def _sum_items(items: Mapping[str, object]) -> float:
    return math.fsum(_amount(value, name, LINE_ITEMS[name][1]) for name, value in items.items())


# ---- the five lines ---------------------------------------------------------------


def separation_cost(
    *, exit_interview: float = 0, hr_admin: float = 0, separation_pay: float = 0, unemployment_tax: float = 0
) -> float:
    """Separation costs (Cascio): what the departure itself costs.

    Parameters
    ----------
    exit_interview, hr_admin, separation_pay, unemployment_tax : float
        The line items, in dollars, each 0 or more.

    Returns
    -------
    float

    Examples
    --------
    >>> separation_cost(exit_interview=100, hr_admin=200)
    300.0
    """
    return _sum_items(
        {"exit_interview": exit_interview, "hr_admin": hr_admin,
         "separation_pay": separation_pay, "unemployment_tax": unemployment_tax}
    )


def vacancy_cost(*, overtime_or_temps: float = 0, lost_sales: float = 0) -> float:
    """Vacancy: what the empty job costs until the newcomer starts.

    The overtime premium paid to colleagues (or the cost of temporary staff
    beyond the pay saved) and the margin on sales lost while nobody does the
    job. Part of Cascio's indirect costs and performance differential.

    Parameters
    ----------
    overtime_or_temps, lost_sales : float
        The line items, in dollars, each 0 or more.

    Returns
    -------
    float

    Examples
    --------
    >>> vacancy_cost(overtime_or_temps=1400, lost_sales=600)
    2000.0
    """
    return _sum_items({"overtime_or_temps": overtime_or_temps, "lost_sales": lost_sales})


def replacement_cost(
    *,
    advertising: float = 0,
    interviews: float = 0,
    testing: float = 0,
    travel_relocation: float = 0,
    checks: float = 0,
) -> float:
    """Replacement costs (Cascio): finding and hiring the newcomer.

    Parameters
    ----------
    advertising, interviews, testing, travel_relocation, checks : float
        The line items, in dollars, each 0 or more.

    Returns
    -------
    float

    Examples
    --------
    >>> replacement_cost(advertising=500, interviews=700, checks=300)
    1500.0
    """
    return _sum_items(
        {"advertising": advertising, "interviews": interviews, "testing": testing,
         "travel_relocation": travel_relocation, "checks": checks}
    )


def training_cost(*, trainee_time: float = 0, trainer_time: float = 0, materials: float = 0) -> float:
    """Training costs (Cascio): formal instruction, coaching and materials.

    Parameters
    ----------
    trainee_time, trainer_time, materials : float
        The line items, in dollars, each 0 or more.

    Returns
    -------
    float

    Examples
    --------
    >>> training_cost(trainee_time=800, trainer_time=500, materials=200)
    1500.0
    """
    return _sum_items({"trainee_time": trainee_time, "trainer_time": trainer_time, "materials": materials})


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
        Weeks until the newcomer is fully productive, from 0 to 520.
    productivity : float
        The newcomer's average output over those weeks, as a share of full
        output, from 0 to 1 (0.5 for 50%).

    Returns
    -------
    float

    Raises
    ------
    ValueError
        When an input is not a number or is outside its range.

    Examples
    --------
    >>> round(learning_curve_cost(36000, 12, 0.5), 2)
    4153.85
    """
    pay = _salary(salary)
    span = _weeks(weeks, "weeks", _WEEKS_MEANING)
    share = _productivity(productivity)
    return pay / WEEKS_PER_YEAR * span * (1 - share)


# ---- the whole worksheet ------------------------------------------------------------


@dataclass(frozen=True, eq=False)
class TurnoverCost:
    """The cost of one departure, by category.

    Attributes
    ----------
    salary : float
        The job's yearly salary.
    items : pandas.DataFrame
        One row per line item: ``category``, ``item`` and ``amount`` (the
        learning curve is one computed item).
    by_category : pandas.DataFrame
        One row per category of :data:`CATEGORIES`: ``category`` (the
        course's label), ``covers``, ``cascio`` (Cascio's category),
        ``amount`` and ``share_of_total``.
    total : float
        The sum of the categories.
    share_of_salary : float
        ``total / salary`` (0.26 for 26%).
    """

    salary: float
    items: pd.DataFrame
    by_category: pd.DataFrame
    total: float
    share_of_salary: float

    def amount(self, category: str) -> float:
        """The amount of one category, by name (``"vacancy"``) or label."""
        for name, spec in CATEGORIES.items():
            if category in (name, spec.label):
                return float(self.by_category.loc[self.by_category["category"] == spec.label, "amount"].iloc[0])
        names = ", ".join(repr(name) for name in CATEGORIES)
        raise ValueError(f"category must be one of {names}; you gave {category!r}.")

    def as_row(self, job: str = "This job") -> pd.DataFrame:
        """The estimate as one row with the columns of :func:`compare_jobs`."""
        row: dict[str, object] = {"job": job, "salary": self.salary}
        for name in CATEGORIES:
            row[name] = self.amount(name)
        row["total"] = self.total
        row["share_of_salary"] = self.share_of_salary
        return pd.DataFrame([row])


def turnover_cost(
    salary: float,
    *,
    weeks_to_full_productivity: float,
    productivity_while_learning: float,
    exit_interview: float = 0,
    hr_admin: float = 0,
    separation_pay: float = 0,
    unemployment_tax: float = 0,
    overtime_or_temps: float = 0,
    lost_sales: float = 0,
    advertising: float = 0,
    interviews: float = 0,
    testing: float = 0,
    travel_relocation: float = 0,
    checks: float = 0,
    trainee_time: float = 0,
    trainer_time: float = 0,
    materials: float = 0,
) -> TurnoverCost:
    """The cost of one employee leaving a job, by category, with its total.

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
    exit_interview, hr_admin, separation_pay, unemployment_tax : float
        Separation line items, in dollars (see :data:`LINE_ITEMS`).
    overtime_or_temps, lost_sales : float
        Vacancy line items, in dollars.
    advertising, interviews, testing, travel_relocation, checks : float
        Replacement line items, in dollars.
    trainee_time, trainer_time, materials : float
        Training line items, in dollars.

    Returns
    -------
    TurnoverCost
        ``items``, ``by_category``, ``total`` and ``share_of_salary``.

    Raises
    ------
    ValueError
        When an input is not a number or is outside its range; the message
        names the input.

    Examples
    --------
    The course's illustrative front-line job:

    >>> cost = turnover_cost(**course_example())
    >>> round(cost.total, 2), round(cost.share_of_salary, 3)
    (9453.85, 0.263)
    """
    pay = _salary(salary)
    weeks = _weeks(weeks_to_full_productivity, "weeks_to_full_productivity", _WEEKS_MEANING)
    share = _productivity(productivity_while_learning)
    given = {
        "exit_interview": exit_interview, "hr_admin": hr_admin, "separation_pay": separation_pay,
        "unemployment_tax": unemployment_tax, "overtime_or_temps": overtime_or_temps, "lost_sales": lost_sales,
        "advertising": advertising, "interviews": interviews, "testing": testing,
        "travel_relocation": travel_relocation, "checks": checks, "trainee_time": trainee_time,
        "trainer_time": trainer_time, "materials": materials,
    }
    amounts = {name: _amount(value, name, LINE_ITEMS[name][1]) for name, value in given.items()}
    learning = learning_curve_cost(pay, weeks, share)
    rows = [
        {"category": CATEGORIES[LINE_ITEMS[name][0]].label, "item": name, "amount": value}
        for name, value in amounts.items()
    ]
    rows.append({"category": CATEGORIES["learning_curve"].label, "item": "learning_curve", "amount": learning})
    items = pd.DataFrame(rows)
    totals = {name: math.fsum(v for item, v in amounts.items() if LINE_ITEMS[item][0] == name) for name in CATEGORIES}
    totals["learning_curve"] = learning
    total = math.fsum(totals.values())
    by_category = pd.DataFrame(
        {
            "category": [spec.label for spec in CATEGORIES.values()],
            "covers": [spec.covers for spec in CATEGORIES.values()],
            "cascio": [spec.cascio for spec in CATEGORIES.values()],
            "amount": [totals[name] for name in CATEGORIES],
        }
    )
    by_category["share_of_total"] = by_category["amount"] / total if total > 0 else 0.0
    return TurnoverCost(pay, items, by_category, total, total / pay)


def course_example() -> dict[str, float]:
    """The inputs of the course's illustrative front-line job (its own numbers).

    Salary $36,000; separation $300; vacancy $2,000; replacement $1,500;
    training $1,500; 12 weeks at 50% productivity. The category totals are the
    course's; how each is split into line items is invented for the worksheet.

    Returns
    -------
    dict
        Keyword arguments for :func:`turnover_cost`.

    Examples
    --------
    >>> course_example()["salary"]
    36000
    """
    return {
        "salary": 36000,
        "exit_interview": 100,
        "hr_admin": 200,
        "overtime_or_temps": 1400,
        "lost_sales": 600,
        "advertising": 500,
        "interviews": 700,
        "checks": 300,
        "trainee_time": 800,
        "trainer_time": 500,
        "materials": 200,
        "weeks_to_full_productivity": 12,
        "productivity_while_learning": 0.5,
    }


def benchmarks(salary: float) -> pd.DataFrame:
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
    pandas.DataFrame
        Columns ``estimate``, ``share_of_salary``, ``amount`` (the share times
        the salary), ``basis`` and ``source``.

    Examples
    --------
    >>> benchmarks(36000)["amount"].round(2).tolist()[0]
    7560.0
    """
    pay = _salary(salary)
    table = pd.DataFrame(
        {
            "estimate": [
                "Typical (median) cost",
                "Jobs paying under $30,000: about",
                "Executives: up to",
            ],
            "share_of_salary": [BOUSHEY_GLYNN_MEDIAN, 0.16, 2.13],
            "basis": [
                "median of 27 case studies, without executives and physicians",
                "an often-quoted sub-figure of the review",
                "an often-quoted sub-figure of the review",
            ],
            "source": [
                "Boushey & Glynn (2012)",
                "Boushey & Glynn (2012), as often quoted",
                "Boushey & Glynn (2012), as often quoted",
            ],
        }
    )
    table.insert(2, "amount", table["share_of_salary"] * pay)
    return table


# ---- several jobs from a file -------------------------------------------------------

#: Columns of the table :func:`compare_jobs` reads: required, then optional line items.
JOB_COLUMNS: dict[str, str] = {
    "job": "a name for the job",
    "salary": "the job's yearly salary, in dollars",
    "weeks_to_full_productivity": "weeks until a newcomer is fully productive",
    "productivity_while_learning": "the newcomer's average output while learning, as a decimal (0.5 for 50%)",
    **{name: f"optional: {meaning}" for name, (_, meaning) in LINE_ITEMS.items()},
}
_REQUIRED_JOB_COLUMNS = ["job", "salary", "weeks_to_full_productivity", "productivity_while_learning"]


def _check_names(table: pd.DataFrame, column: str, what: str) -> pd.Series:
    names = table[column]
    blank = names.isna() | (names.astype(str).str.strip() == "")
    if blank.any():
        first = int(blank.to_numpy().nonzero()[0][0])
        raise ValueError(f"column {column!r} must name every {what}; {where(table, first)} is empty.")
    return names


def _reject_misspelled(table: pd.DataFrame, known: Sequence[str]) -> None:
    """Raise when an extra column looks like a misspelled optional column.

    An optional column that is missing counts as 0, so a typo would silently
    drop a cost; other extra columns are kept as they are.
    """
    for column in map(str, table.columns):
        if column in known:
            continue
        close = difflib.get_close_matches(column, [name for name in known if name not in table.columns], n=1, cutoff=0.8)
        if close:
            raise ValueError(
                f"{table.attrs.get('source', 'the table')}: column {column!r} is not one the worksheet "
                f"reads; did you mean {close[0]!r}? Rename it, or its amounts would be left out. "
                f"Known columns: {', '.join(known)}."
            )


def _optional_numbers(
    table: pd.DataFrame,
    column: str,
    meaning: str,
    *,
    low: float = 0,
    high: float | None = None,
    high_inclusive: bool = True,
) -> pd.Series:
    """An optional numeric column: absent or empty cells count as 0; anything
    else must be a number within ``[low, high]``, or the message names the line."""
    if column not in table.columns:
        return pd.Series(0.0, index=table.index)
    raw = table[column]
    blank = raw.isna() | (raw.astype(str).str.strip() == "")
    filled = table[[column]].copy()
    filled.attrs = dict(table.attrs)
    filled[column] = raw.astype(object).where(~blank, 0)
    return numeric_column(filled, column, meaning=meaning, low=low, high=high, high_inclusive=high_inclusive)


def compare_jobs(jobs: pd.DataFrame) -> pd.DataFrame:
    """The turnover cost of several jobs, one row per job, by category.

    Parameters
    ----------
    jobs : pandas.DataFrame
        One row per job with the columns ``job``, ``salary``,
        ``weeks_to_full_productivity`` and ``productivity_while_learning``,
        and any of the line-item columns of :data:`LINE_ITEMS` (a missing
        column or an empty cell counts as 0). See :data:`JOB_COLUMNS`.

    Returns
    -------
    pandas.DataFrame
        ``job``, any extra columns of the input, then ``salary``, one column
        per category of :data:`CATEGORIES` (``separation``, ``vacancy``,
        ``replacement``, ``training``, ``learning_curve``), ``total`` and
        ``share_of_salary``.

    Raises
    ------
    ValueError
        When a column is missing or misspelled, or a cell is not a usable
        number; the message names the column and the line.

    Examples
    --------
    >>> table = pd.DataFrame({"job": ["Agent"], "salary": [36000], "weeks_to_full_productivity": [12],
    ...                       "productivity_while_learning": [0.5], "hr_admin": [300]})
    >>> compare_jobs(table)["total"].round(2).tolist()
    [4453.85]
    """
    require_columns(jobs, _REQUIRED_JOB_COLUMNS, optional=list(LINE_ITEMS))
    if jobs.empty:
        raise ValueError(f"{jobs.attrs.get('source', 'the table')}: has no jobs; add at least one row.")
    _reject_misspelled(jobs, list(JOB_COLUMNS))
    names = _check_names(jobs, "job", "job")
    salary = numeric_column(jobs, "salary", meaning=JOB_COLUMNS["salary"], low=0)
    zero = salary <= 0
    if zero.any():
        first = int(zero.to_numpy().nonzero()[0][0])
        raise ValueError(
            f"column 'salary' ({JOB_COLUMNS['salary']}) must be more than 0 in every row; "
            f"{where(jobs, first)} holds 0. Type the yearly salary, for example 36000."
        )
    weeks = numeric_column(
        jobs, "weeks_to_full_productivity", meaning=JOB_COLUMNS["weeks_to_full_productivity"], low=0, high=MAX_WEEKS
    )
    productivity = numeric_column(
        jobs, "productivity_while_learning", meaning=JOB_COLUMNS["productivity_while_learning"], low=0, high=1
    )
    amounts = {name: _optional_numbers(jobs, name, meaning) for name, (_, meaning) in LINE_ITEMS.items()}
    extra = [column for column in jobs.columns if column not in JOB_COLUMNS]
    result = pd.DataFrame({"job": names.to_numpy()})
    for column in extra:
        result[column] = jobs[column].to_numpy()
    result["salary"] = salary.to_numpy()
    for category in CATEGORIES:
        if category == "learning_curve":
            continue
        members = [amounts[name].to_numpy() for name, (group, _) in LINE_ITEMS.items() if group == category]
        result[category] = sum(members)
    result["learning_curve"] = (salary / WEEKS_PER_YEAR * weeks * (1 - productivity)).to_numpy()
    result["total"] = result[list(CATEGORIES)].sum(axis=1)
    result["share_of_salary"] = result["total"] / result["salary"]
    return result


#: The paper version of the turnover cost worksheet (``{printable-form} turnover``).
PRINTABLE_FORM = FormSpec(
    title="Employee turnover cost worksheet",
    intro=(
        "One form per job. Write each cost in dollars for one departure (0 if there is none), add them up "
        "by line, then total the five lines. Learning curve = yearly salary ÷ 52 × weeks to full "
        "productivity × (1 − average productivity while learning). Customers who leave come on top."
    ),
    sections=(
        Section(
            "The job",
            fields=(
                Field("Job title"),
                Field("Yearly salary", unit="$"),
                Field("Prepared by and date"),
            ),
        ),
        Section(
            "Cost of one departure",
            columns=("Line item", "How you estimated it", "Amount ($)"),
            row_labels=(
                "Separation: exit interview",
                "Separation: HR administration",
                "Separation: separation pay",
                "Separation: unemployment tax",
                "Vacancy: overtime premium or temporary staff",
                "Vacancy: margin on lost sales",
                "Replacement: advertising, agency fees",
                "Replacement: interviewers' time",
                "Replacement: testing",
                "Replacement: travel, relocation",
                "Replacement: background checks, medical exams",
                "Training: trainee's time",
                "Training: trainers' time",
                "Training: materials",
                "Learning curve: salary ÷ 52 × weeks × (1 − productivity)",
            ),
            note="Cascio's categories: separation, replacement and training costs; vacancy and the learning "
            "curve are the performance differential (Cascio & Boudreau).",
        ),
        Section(
            "Totals",
            columns=("Line", "Amount ($)"),
            row_labels=(
                "Separation",
                "Vacancy",
                "Replacement (hiring)",
                "Training",
                "Learning curve",
                "Total cost of one departure",
                "Total as a share of salary (%)",
                "Departures a year × total",
            ),
        ),
        Section(
            "What the numbers say",
            fields=(
                Field(
                    "How does the total compare with a typical 21% of salary?",
                    hint="Boushey & Glynn (2012): median across 27 case studies; the range is wide.",
                ),
                Field("Which line could you reduce most, and how?"),
            ),
        ),
    ),
)
