"""Checks for the exercise "Customer lifetime value" (``exercises/lifetime-value.ipynb``).

In the notebook::

    from customer_focus.core import cases
    from customer_focus.tools.lifetime_value import calc, exercise, table
    exercise.bind(globals())
    exercise.q1.check()    # or .hint(), .solution()

Expected answers are computed by the tool's own ``calc`` and ``table``, so the
exercise and the worksheet can never disagree. The inputs come from the course's
invented cases (:mod:`customer_focus.core.cases`); every figure the questions
quote is computed here from them with ``calc`` and written with
:mod:`customer_focus.core.formats`, as the pages write it.
"""

from __future__ import annotations

from ...core import cases, formats
from ...core.checking import Exercise, Mistake, NumberQuestion
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

q1 = NumberQuestion(
    variable="value_q1",
    prompt=f"Set `value_q1` to the lifetime value of a customer who brings a {_input('margin')} "
    f"margin a year, with {_input('retention')} retention and a {_input('discount_rate')} "
    "discount rate (the course's convention).",
    hint_text="Call `calc.lifetime_value(margin, retention, discount_rate)` with rates as "
    "decimals (0.85, not 85). By hand: m × r / (1 + i − r).",
    solution_text=f"`value_q1 = calc.lifetime_value({_M:g}, {_R:g}, {_I:g})` gives "
    f"{_M:g} × {_R:g} / (1 + {_I:g} − {_R:g}) = {formats.cents(calc.lifetime_value(_M, _R, _I))}: "
    f"about {formats.number(_MULTIPLE, 1)} years of margin.",
    takeaway=f"That is the margin multiple, {formats.number(_MULTIPLE, 2)}, times "
    f"{_input('margin')}.",
    expected=lambda: calc.lifetime_value(*_q1_inputs()),
    tolerance=0.01,
    unit="$",
    mistakes=(
        Mistake(
            calc.lifetime_value(_M, _R, _I, timing="upfront"),
            "You counted the first margin today (the 'upfront' convention). The course counts "
            "it at the end of the first year, after the customer renews.",
        ),
        Mistake(
            calc.lifetime_value(_M, _R, _I, timing="end_of_year"),
            "You counted the first year's margin as certain. In the course's formula the "
            "customer must renew before paying: multiply by r as well.",
        ),
        Mistake(
            _M * _R / (1 - _R),
            f"You left out discounting: money in later years is worth less today. Use i = {_I:g}.",
        ),
    ),
)

q2 = NumberQuestion(
    variable="uplift_q2",
    prompt="Set `uplift_q2` to the percentage rise in lifetime value when retention goes from 80% "
    "to 90% (margin $100, discount rate 10%). Give it in percent: 50 means +50%.",
    hint_text="Compute both lifetime values, then (new / old − 1) × 100.",
    solution_text="`uplift_q2 = (calc.lifetime_value(100, 0.9, 0.1) / "
    "calc.lifetime_value(100, 0.8, 0.1) - 1) * 100` = ($450 / $266.67 − 1) × 100 = 68.75%. "
    "Halving defections (20% → 10%) raises the value by about 69% with no change in margin.",
    takeaway="Halving defections raised the value by about 69% with the same margin.",
    expected=lambda: (
        calc.lifetime_value(100, 0.9, 0.1) / calc.lifetime_value(100, 0.8, 0.1) - 1
    ) * 100,
    tolerance=0.05,
    unit="%",
    mistakes=(
        Mistake(
            (0.9 / 0.8 - 1) * 100,
            "That is the rise in the retention rate itself. "
            "Compare the two lifetime values instead.",
        ),
        Mistake(
            calc.lifetime_value(100, 0.9, 0.1) / calc.lifetime_value(100, 0.8, 0.1) - 1,
            "That is the rise as a fraction. Multiply by 100 to give it in percent.",
        ),
    ),
)

q3 = NumberQuestion(
    variable="gap_q3",
    prompt="Set `gap_q3` to how much more the loyal account is worth than the new one, net of "
    "the cost of winning it, at a 10% discount rate. "
    "Use `table.compare_customers(cases.opening_case())`.",
    hint_text="`compare_customers` returns a `net_value` column (lifetime value minus acquisition "
    "cost). Subtract the new account's from the loyal account's.",
    solution_text="`comparison = table.compare_customers(cases.opening_case(), "
    "discount_rate=0.10)` then "
    "`gap_q3 = comparison.loc[1, 'net_value'] - comparison.loc[0, 'net_value']` "
    f"= {formats.money(_opening_case_values()[1])} "
    f"− ({formats.money(_opening_case_values()[0])}) = {formats.money(_gap())}.",
    takeaway="Winning the price-driven account would cost more than it ever returns.",
    expected=_gap,
    tolerance=1.0,
    unit="$",
    mistakes=(
        Mistake(
            _opening_case_values()[1] - _opening_case_values()[2],
            "You compared lifetime values but forgot the "
            f"{cases.figure('opening.crestline.cost_to_win')} it costs to win the new account. "
            "Use the `net_value` column.",
        ),
    ),
)

q4 = NumberQuestion(
    variable="breakeven_q4",
    prompt="Set `breakeven_q4` to the retention rate (a decimal) the new account would need for "
    "its net value to equal the loyal account's.",
    hint_text="Use `calc.breakeven_retention(margin, target_value, discount_rate, "
    "acquisition_cost=...)` with the new account's margin and acquisition cost, and the loyal "
    "account's net value as the target.",
    solution_text="`breakeven_q4 = calc.breakeven_retention("
    f"{cases.opening_case().loc[0, 'annual_margin']:.0f}, {_opening_case_values()[1]:.0f}, "
    f"0.10, acquisition_cost={_opening_case_values()[3]:.0f})` "
    f"= {formats.number(_breakeven(), 4)}: the new account would have to be as loyal "
    f"as the loyal one (about {formats.percent(_breakeven(), 0)}) to be worth as much.",
    takeaway="Only a customer about as loyal as Harbor Supply would be worth as much.",
    expected=_breakeven,
    tolerance=0.001,
    mistakes=(
        Mistake(
            _breakeven() * 100,
            "Give the rate as a decimal (0.89), not in percent.",
            tolerance=0.1,
        ),
    ),
)

exercise = Exercise(q1=q1, q2=q2, q3=q3, q4=q4)

#: Connect the checks to the notebook: call ``bind(globals())`` once.
bind = exercise.bind
