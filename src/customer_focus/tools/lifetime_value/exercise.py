"""Checks for the exercise "Customer lifetime value" (``exercises/lifetime-value.ipynb``).

In the notebook::

    from customer_focus.core import cases
    from customer_focus.tools.lifetime_value import calc, exercise, table
    exercise.bind(globals())
    exercise.q1.check()    # or .hint(), .solution()

The questions' words are in ``lifetime_value.yml``, with ``{name}`` where a
figure goes. Expected answers are computed by the tool's own ``calc`` and ``table``, so the
exercise and the worksheet can never disagree. The inputs come from the course's
invented cases (:mod:`customer_focus.core.cases`); every figure the questions
quote is computed here from them with ``calc`` and written with
:mod:`customer_focus.core.formats`, as the pages write it.
"""

from __future__ import annotations

from ...core import cases, formats
from ..questions import Number, tool_exercise
from . import calc, table

__all__ = ["exercise", "bind", "q1", "q2", "q3", "q4"]


def _opening_case_values() -> tuple[float, float, float, float]:
    """Net values and inputs of the opening case at a 10% discount rate."""
    comparison = table.compare_customers(cases.opening_case(), discount_rate=0.10)
    new, loyal = comparison.iloc[0], comparison.iloc[1]
    return (
        float(new["net_value"]), float(loyal["net_value"]),
        float(new["lifetime_value"]), float(new["acquisition_cost"]),
    )


def _gap() -> float:
    new_net, loyal_net, _, _ = _opening_case_values()
    return loyal_net - new_net


def _breakeven() -> float:
    case = cases.opening_case()
    _, loyal_net, _, cost = _opening_case_values()
    return calc.breakeven_retention(
        float(case.loc[0, "annual_margin"]), loyal_net, 0.10, acquisition_cost=cost
    )


def _q1_inputs() -> tuple[float, float, float]:
    """The first question's margin, retention and discount rate (``clv_exercise`` in the cases)."""
    return tuple(
        cases.value(f"clv_exercise.{name}") for name in ("margin", "retention", "discount_rate")
    )


def _input(name: str) -> str:
    """An input of the first question's case, written for reading."""
    return cases.figure(f"clv_exercise.{name}")


_M, _R, _I = _q1_inputs()
_MULTIPLE = calc.margin_multiple(_R, _I)

exercise = tool_exercise(
    "lifetime_value",
    values={
        "margin": _input("margin"), "retention": _input("retention"),
        "discount_rate": _input("discount_rate"), "m": f"{_M:g}", "r": f"{_R:g}", "i": f"{_I:g}",
        "value": formats.cents(calc.lifetime_value(_M, _R, _I)),
        "multiple_rounded": formats.number(_MULTIPLE, 1), "multiple": formats.number(_MULTIPLE, 2),
        "loyal_net": formats.money(_opening_case_values()[1]),
        "new_net": formats.money(_opening_case_values()[0]), "gap": formats.money(_gap()),
        "cost_to_win": cases.figure("opening.crestline.cost_to_win"),
        "new_margin": f"{cases.opening_case().loc[0, 'annual_margin']:.0f}",
        "loyal_net_number": f"{_opening_case_values()[1]:.0f}",
        "new_cost": f"{_opening_case_values()[3]:.0f}",
        "breakeven": formats.number(_breakeven(), 4),
        "breakeven_percent": formats.percent(_breakeven(), 0),
    },
    q1=Number(
        lambda: calc.lifetime_value(*_q1_inputs()),
        calc.lifetime_value(_M, _R, _I, timing="upfront"),
        calc.lifetime_value(_M, _R, _I, timing="end_of_year"),
        _M * _R / (1 - _R),
    ),
    q2=Number(
        lambda: (calc.lifetime_value(100, 0.9, 0.1) / calc.lifetime_value(100, 0.8, 0.1) - 1) * 100,
        (0.9 / 0.8 - 1) * 100,
        calc.lifetime_value(100, 0.9, 0.1) / calc.lifetime_value(100, 0.8, 0.1) - 1,
    ),
    q3=Number(_gap, _opening_case_values()[1] - _opening_case_values()[2]),
    q4=Number(_breakeven, _breakeven() * 100),
)
q1, q2, q3, q4 = exercise.questions.values()

#: Connect the checks to the notebook: call ``bind(globals())`` once.
bind = exercise.bind
