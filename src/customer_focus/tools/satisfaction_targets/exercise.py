"""Checks for the exercise "Setting customer satisfaction targets".

The notebook is ``exercises/satisfaction-targets.ipynb``.

In the notebook::

    from customer_focus.tools.lifetime_value import calc as clv
    from customer_focus.tools.satisfaction_targets import exercise, table
    exercise.bind(globals())
    segments = exercise.segments()
    exercise.q1.check()    # or .hint(), .solution()

Expected answers are computed by the tool's own ``table`` (over its ``calc``)
and the lifetime value tool's ``calc``, so the exercise and the worksheet can
never disagree.
"""

from __future__ import annotations

import pandas as pd

from ...core.checking import ChoiceQuestion, Exercise, Mistake, NumberQuestion
from ..lifetime_value import calc as clv
from . import table

__all__ = ["segments", "exercise", "bind", "q1", "q2", "q3", "q4"]

_MID = "Mid-sized firms"


def segments() -> pd.DataFrame:
    """The exercise's segments: an accounting-software company (invented for teaching).

    Examples
    --------
    >>> segments()["segment"].tolist()
    ['Mid-sized firms', 'Sole traders', 'Students (free plan)']
    """
    return pd.DataFrame(
        {
            "segment": [_MID, "Sole traders", "Students (free plan)"],
            "customers": [400, 6000, 20000],
            "annual_margin": [10000.0, 750.0, -15.0],
            "retention_rate": [0.88, 0.80, 0.60],
            "top_box_share": [0.20, 0.50, 0.30],
            "target_top_box_share": [0.50, 0.55, 0.50],
            "easy_to_switch": ["yes", "yes", "yes"],
        }
    )


def _plan() -> pd.DataFrame:
    return table.plan_targets(segments(), discount_rate=0.10)


def _mid(column: str) -> float:
    plan = _plan()
    return float(plan.loc[plan["segment"] == _MID, column].iloc[0])


def _first() -> str:
    plan = _plan()
    return str(plan.loc[plan["priority"] == 1, "segment"].iloc[0])


q1 = NumberQuestion(
    variable="ltv_q1",
    prompt="Set `ltv_q1` to the lifetime value of one mid-sized firm (margin $10,000 a year, "
    "retention 88%, discount rate 10%), with the course's formula.",
    hint_text="`clv.lifetime_value(margin, retention, discount_rate)`, or the `lifetime_value` "
    "column of `table.plan_targets(segments)`. By hand: m × r / (1 + i − r).",
    solution_text="`ltv_q1 = clv.lifetime_value(10000, 0.88, 0.10)` = 10,000 × 0.88 / 0.22 = "
    "$40,000.",
    takeaway="Four years of margin: 0.88 / (1.10 − 0.88) = 4.",
    expected=lambda: _mid("lifetime_value"),
    tolerance=1.0,
    unit="$",
    mistakes=(
        Mistake(
            clv.lifetime_value(10000, 0.88, 0.10, timing="upfront"),
            "You counted the first margin today. The course counts it at the end of the first "
            "year, after the customer renews.",
        ),
        Mistake(
            10000 * 0.88 / (1 - 0.88),
            "You left out discounting: money in later years is worth less today. Use i = 0.10.",
        ),
    ),
)

q2 = NumberQuestion(
    variable="value_not_q2",
    prompt="Set `value_not_q2` to the lifetime value held by mid-sized firms that are not yet "
    "totally satisfied: customers × lifetime value × (1 − today's top-box share).",
    hint_text="`plan_targets` gives it in the `value_not_totally_satisfied` column. Today 20% of "
    "the 400 firms are totally satisfied.",
    solution_text="`plan = table.plan_targets(segments)` then `value_not_q2 = "
    "plan.loc[plan['segment'] == 'Mid-sized firms', 'value_not_totally_satisfied'].iloc[0]` "
    "= 400 × $40,000 × 0.80 = $12,800,000.",
    takeaway="This is the number the worksheet ranks segments by.",
    expected=lambda: _mid("value_not_totally_satisfied"),
    tolerance=1.0,
    unit="$",
    mistakes=(
        Mistake(
            400 * 40000 * 0.20,
            "That is the value held by the firms that are already totally satisfied. Use 1 − 0.20.",
        ),
        Mistake(
            400 * 40000 * (0.50 - 0.20),
            "That is the value of the firms the target would move into the top box. The question "
            "asks for everyone not yet totally satisfied.",
        ),
        Mistake(400 * 40000, "That is the whole value at stake. Keep only the firms not yet "
            "totally satisfied."),
    ),
)

q3 = ChoiceQuestion(
    variable="first_q3",
    prompt="Which segment should get the first higher target for totally satisfied customers? Set "
    "`first_q3` to 'Mid-sized firms', 'Sole traders' or 'Students (free plan)'.",
    hint_text="Look at the `priority` and `flag` columns of `plan_targets(segments)`: where does "
    "the most value sit with customers who are not yet totally satisfied, and which segment is not "
    "worth spending on?",
    solution_text=f"`first_q3 = '{_first()}'`: $12.8 million of lifetime value sits with mid-sized "
    "firms that are not yet totally satisfied, against $6 million for sole traders, and they can "
    "switch easily. "
    "Students cost more than they bring: do not spend to satisfy them more.",
    takeaway="The most value not yet in the top box, in a segment that can switch easily.",
    options=(_MID, "Sole traders", "Students (free plan)"),
    correct=_first(),
    reasons={
        "Sole traders": "Half of them are already totally satisfied, and each is worth $2,000 "
        "against $40,000 for a mid-sized firm: $6 million not yet in the top box against $12.8 "
        "million.",
        "Students (free plan)": "No. Each student costs more to serve than it brings (a negative "
        "lifetime value): more satisfaction would only keep the losses coming longer. Loyalty is "
        "not profit.",
    },
)

q4 = NumberQuestion(
    variable="gain_q4",
    prompt="Suppose, as your own assumption, that reaching the target would raise the mid-sized "
    "firms' retention by two points, from 88% to 90%. Set `gain_q4` to what that would add to the "
    "segment's lifetime value.",
    hint_text="`table.what_if_retention(segments, 0.02)` has a `gain_for_segment` column. "
    "Two points means 0.88 → 0.90, not 0.88 × 1.02.",
    solution_text="`what_if = table.what_if_retention(segments, 0.02)` then `gain_q4 = "
    "what_if.loc[what_if['segment'] == 'Mid-sized firms', 'gain_for_segment'].iloc[0]` = 400 × "
    "($45,000 − $40,000) = $2,000,000. The two points are an assumption, not a research figure.",
    takeaway="Set this against the cost of the program, and check a year later whether retention "
    "rose.",
    expected=lambda: float(
        table.what_if_retention(segments(), 0.02, discount_rate=0.10)
        .set_index("segment").loc[_MID, "gain_for_segment"]
    ),
    tolerance=1.0,
    unit="$",
    mistakes=(
        Mistake(
            400 * (
                clv.lifetime_value(10000, 0.88 * 1.02, 0.10)
                - clv.lifetime_value(10000, 0.88, 0.10)
            ),
            "You raised retention by 2% of 88% (to 89.76%). Two points means 88% → 90%.",
        ),
        Mistake(
            clv.lifetime_value(10000, 0.90, 0.10) - clv.lifetime_value(10000, 0.88, 0.10),
            "That is the gain per firm. Multiply by the 400 firms in the segment.",
        ),
        Mistake(
            400 * clv.lifetime_value(10000, 0.90, 0.10),
            "That is the segment's whole value after the gain. Subtract today's value to get the "
            "gain.",
        ),
    ),
)

exercise = Exercise(q1=q1, q2=q2, q3=q3, q4=q4)

#: Connect the checks to the notebook: call ``bind(globals())`` once.
bind = exercise.bind
