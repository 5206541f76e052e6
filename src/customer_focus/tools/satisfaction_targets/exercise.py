"""Checks for the exercise "Setting customer satisfaction targets".

The notebook is ``exercises/satisfaction-targets.ipynb``.

In the notebook::

    from customer_focus.tools.lifetime_value import calc as clv
    from customer_focus.tools.satisfaction_targets import exercise, table
    exercise.bind(globals())
    segments = exercise.segments()
    exercise.q1.check()    # or .hint(), .solution()

The questions' words are in ``satisfaction_targets.yml``. Expected answers are
computed by the tool's own ``table`` (over its ``calc``)
and the lifetime value tool's ``calc``, so the exercise and the worksheet can
never disagree.
"""

from __future__ import annotations

import pandas as pd

from ..lifetime_value import calc as clv
from ..questions import Choice, Number, tool_exercise
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


exercise = tool_exercise(
    "satisfaction_targets",
    q1=Number(
        lambda: _mid("lifetime_value"),
        clv.lifetime_value(10000, 0.88, 0.10, timing="upfront"), 10000 * 0.88 / (1 - 0.88),
    ),
    q2=Number(
        lambda: _mid("value_not_totally_satisfied"),
        400 * 40000 * 0.20, 400 * 40000 * (0.50 - 0.20), 400 * 40000,
    ),
    q3=Choice(correct=_first()),
    q4=Number(
        lambda: float(
            table.what_if_retention(segments(), 0.02, discount_rate=0.10)
            .set_index("segment").loc[_MID, "gain_for_segment"]
        ),
        400 * (
            clv.lifetime_value(10000, 0.88 * 1.02, 0.10) - clv.lifetime_value(10000, 0.88, 0.10)
        ),
        clv.lifetime_value(10000, 0.90, 0.10) - clv.lifetime_value(10000, 0.88, 0.10),
        400 * clv.lifetime_value(10000, 0.90, 0.10),
    ),
)
q1, q2, q3, q4 = exercise.questions.values()

#: Connect the checks to the notebook: call ``bind(globals())`` once.
bind = exercise.bind
