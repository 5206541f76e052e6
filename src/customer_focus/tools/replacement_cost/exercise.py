"""Checks for the exercise on losing one employee (``exercises/replacement-cost.ipynb``).

In the notebook::

    from customer_focus.tools.lifetime_value import calc as clv
    from customer_focus.tools.replacement_cost import calc, exercise
    exercise.bind(globals())
    exercise.q1.check()    # or .hint(), .solution()

The questions' words are in ``replacement_cost.yml``. Expected answers are computed by
the tool's own ``calc`` and the lifetime value
tool's (:mod:`customer_focus.tools.lifetime_value.calc`), so the exercise and the
worksheet can never disagree.
"""

from __future__ import annotations

from ..lifetime_value import calc as clv
from ..questions import Number, tool_exercise
from . import calc

__all__ = ["LENA_EMPLOYEE_COSTS", "exercise", "bind", "q1", "q2", "q3", "q4"]

#: Lena's employee costs (separation, vacancy, hiring, training, learning curve), as question 3
#: gives them.
LENA_EMPLOYEE_COSTS = 5090


def _lena_total() -> float:
    return LENA_EMPLOYEE_COSTS + calc.customers_at_risk_value(180, 350, 0.80, 0.10, 0.40)


exercise = tool_exercise(
    "replacement_cost",
    q1=Number(lambda: calc.vacancy_cost(52000 / 52, 6), 6 * 1000 * 1.5, 6 * 1000),
    q2=Number(
        lambda: calc.customers_at_risk_value(40, 1500, 0.80, 0.10, 0.25),
        40 * clv.lifetime_value(1500, 0.80, 0.10),
        40 * 0.25 * 1500,
        40 * 0.25 * clv.lifetime_value(1500, 0.80, 0.10, timing="upfront"),
    ),
    q3=Number(
        _lena_total, _lena_total() - LENA_EMPLOYEE_COSTS, LENA_EMPLOYEE_COSTS + 180 * 0.4 * 350
    ),
)
q1, q2, q3, q4 = exercise.questions.values()

#: Connect the checks to the notebook: call ``bind(globals())`` once.
bind = exercise.bind
