"""Checks for the exercise "Employee turnover cost" (``exercises/turnover-cost.ipynb``).

In the notebook::

    from customer_focus.tools.turnover_cost import calc, exercise
    exercise.bind(globals())
    exercise.q1.check()    # or .hint(), .solution()

The questions' words are in ``turnover_cost.yml``; the expected answers are
computed by the tool's own ``calc``, so the exercise and the worksheet can
never disagree.
"""

from __future__ import annotations

from ...core.formats import percent
from ..questions import Number, tool_exercise
from . import calc

__all__ = ["exercise", "bind", "q1", "q2", "q3", "q4"]

#: Boushey & Glynn's (2012) median, as the questions write it.
_MEDIAN = percent(calc.BOUSHEY_GLYNN_MEDIAN)


def _example() -> calc.TurnoverCost:
    return calc.turnover_cost(**calc.course_example())


def _saving() -> float:
    per_hire = calc.learning_curve_cost(36000, 12, 0.5) - calc.learning_curve_cost(36000, 8, 0.5)
    return 10 * per_hire


exercise = tool_exercise(
    "turnover_cost",
    values={"median": _MEDIAN},
    q1=Number(
        lambda: calc.learning_curve_cost(36000, 12, 0.5), 36000 / 52 * 12, 36000 / 12 * 12 * 0.5
    ),
    q2=Number(
        lambda: _example().share_of_salary * 100,
        _example().share_of_salary,
        (_example().total - _example().amount("learning_curve")) / 36000 * 100,
    ),
    q3=Number(_saving, _saving() / 10, 10 * calc.learning_curve_cost(36000, 8, 0.5)),
)
q1, q2, q3, q4 = exercise.questions.values()

#: Connect the checks to the notebook: call ``bind(globals())`` once.
bind = exercise.bind
