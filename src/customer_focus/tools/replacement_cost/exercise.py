"""Checks for the exercise on losing one employee (``exercises/replacement-cost.ipynb``).

In the notebook::

    from customer_focus.tools.lifetime_value import calc as clv
    from customer_focus.tools.replacement_cost import calc, exercise
    exercise.bind(globals())
    exercise.q1.check()    # or .hint(), .solution()

Expected answers are computed by the tool's own ``calc`` and the lifetime value
tool's (:mod:`customer_focus.tools.lifetime_value.calc`), so the exercise and the
worksheet can never disagree.
"""

from __future__ import annotations

from ...core.checking import ChoiceQuestion, Exercise, Mistake, NumberQuestion
from ..lifetime_value import calc as clv
from . import calc

__all__ = ["LENA_EMPLOYEE_COSTS", "exercise", "bind", "q1", "q2", "q3", "q4"]

#: Lena's employee costs (separation, vacancy, hiring, training, learning curve), as question 3
#: gives them.
LENA_EMPLOYEE_COSTS = 5090


def _lena_total() -> float:
    return LENA_EMPLOYEE_COSTS + calc.customers_at_risk_value(180, 350, 0.80, 0.10, 0.40)


q1 = NumberQuestion(
    variable="vacancy_q1",
    prompt="An employee paid $52,000 a year leaves; the job stays empty for 6 weeks and colleagues "
    "cover the work on overtime at time and a half. No sales are lost. Set `vacancy_q1` to the "
    "vacancy cost.",
    hint_text="Weekly pay is $52,000 ÷ 52. The leaver's own pay is saved, so only the overtime "
    "premium (0.5 of the pay at time and a half) is extra. Or call `calc.vacancy_cost(weekly_pay, "
    "vacancy_weeks)`.",
    solution_text="`vacancy_q1 = calc.vacancy_cost(52000 / 52, 6)` = 6 weeks × $1,000 × 0.5 = "
    "$3,000.",
    takeaway="Overtime costs the premium, not the whole pay, because the leaver's pay is no longer "
    "paid.",
    expected=lambda: calc.vacancy_cost(52000 / 52, 6),
    tolerance=0.01,
    unit="$",
    mistakes=(
        Mistake(
            6 * 1000 * 1.5,
            "You counted the whole overtime pay (1.5 times). The leaver's pay is saved while the "
            "job is empty, so only the premium, 0.5, is extra.",
        ),
        Mistake(
            6 * 1000,
            "That is six weeks of the leaver's pay, which the company no longer pays. The extra "
            "cost is the overtime premium: 0.5 of the weekly pay.",
        ),
    ),
)

q2 = NumberQuestion(
    variable="customers_q2",
    prompt="An employee looks after 40 customers, each bringing a $1,500 margin a year; 80% renew "
    "each year and the discount rate is 10%. You estimate that a quarter of them might follow the "
    "employee. Set `customers_q2` to the lifetime value of the customers who may follow.",
    hint_text="Lifetime value per customer is m × r / (1 + i − r) (`clv.lifetime_value`). Multiply "
    "by the customers who might follow: 40 × 0.25. Or call `calc.customers_at_risk_value(...)`.",
    solution_text="`customers_q2 = calc.customers_at_risk_value(40, 1500, 0.80, 0.10, 0.25)` = "
    "40 × 0.25 × $1,500 × 0.8 / 0.3 = 10 × $4,000 = $40,000.",
    takeaway="Ten customers at $4,000 each: compare that with the hiring bills.",
    expected=lambda: calc.customers_at_risk_value(40, 1500, 0.80, 0.10, 0.25),
    tolerance=0.01,
    unit="$",
    mistakes=(
        Mistake(
            40 * clv.lifetime_value(1500, 0.80, 0.10),
            "That is the value of all 40 customers. Only the share you expect to follow is at "
            "risk: multiply by 0.25.",
        ),
        Mistake(
            40 * 0.25 * 1500,
            "That is one year's margin of the customers who follow. They would have stayed for "
            "years: use their lifetime value.",
        ),
        Mistake(
            40 * 0.25 * clv.lifetime_value(1500, 0.80, 0.10, timing="upfront"),
            "You counted a first margin today (the 'upfront' convention). The course counts it at "
            "the end of the first year, after the customer renews.",
        ),
    ),
)

q3 = NumberQuestion(
    variable="total_q3",
    prompt="Lena, a hair stylist, costs $5,090 to replace (the five employee lines). She has 180 "
    "regular clients with a $350 margin a year each and 80% retention; you estimate that 40% "
    "might follow her. At a 10% discount rate, set `total_q3` to the total cost of losing her.",
    hint_text="Add the employee costs and the lifetime value of the clients who may follow: 180 × "
    "0.4 × (350 × 0.8 / (1 + 0.1 − 0.8)).",
    solution_text="`total_q3 = 5090 + calc.customers_at_risk_value(180, 350, 0.80, 0.10, 0.40)` = "
    "$5,090 + 72 × $933.33 = $5,090 + $67,200 = $72,290, about 1.8 times her yearly pay of "
    "$40,040.",
    takeaway="Here the clients who may follow are more than 90% of the cost of losing her.",
    expected=_lena_total,
    tolerance=0.05,
    unit="$",
    mistakes=(
        Mistake(
            _lena_total() - LENA_EMPLOYEE_COSTS,
            "That is only the clients who may follow. Add the $5,090 of employee costs.",
        ),
        Mistake(
            LENA_EMPLOYEE_COSTS + 180 * 0.4 * 350,
            "You counted one year's margin per client. Use each client's lifetime value, m × r / "
            "(1 + i − r).",
        ),
    ),
)

q4 = ChoiceQuestion(
    variable="share_q4",
    prompt="Your finance director asks where the 40% share of Lena's clients comes from. Set "
    "`share_q4` to 'research' (\"Heskett et al. found it\"), 'estimate' (\"it is my own estimate; "
    "here is the total for other shares\") or 'average' (\"it is the industry average\").",
    hint_text="What do Heskett et al. (1994) actually report, and did the worksheet use any "
    "published share?",
    solution_text="`share_q4 = 'estimate'`. The share who might follow is the manager's "
    "assumption. Say so, give your reasons, and show how the total changes with other shares (the "
    "worksheet's table of shares).",
    takeaway="An honest assumption, with its range, is more convincing than a borrowed figure.",
    options=("research", "estimate", "average"),
    correct="estimate",
    reasons={
        "research": "Heskett et al. (1994) give illustrations, the car dealers' lost sales and the "
        "broker's lost commissions, not a share of customers who follow. Presenting your guess as "
        "research would mislead.",
        "average": "The course knows no published average share of customers who follow an "
        "employee. Presenting your guess as one would mislead.",
    },
)

exercise = Exercise(q1=q1, q2=q2, q3=q3, q4=q4)

#: Connect the checks to the notebook: call ``bind(globals())`` once.
bind = exercise.bind
