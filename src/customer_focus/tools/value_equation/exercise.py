"""Checks for the exercise "Customer value equation" (``exercises/value-equation.ipynb``).

In the notebook::

    from customer_focus.tools.value_equation import exercise, table
    exercise.bind(globals())
    offers = exercise.offers()
    exercise.q1.check()    # or .hint(), .solution()

The questions' words are in ``value_equation.yml``; the expected answers are
computed by the tool's own ``table`` (over its ``calc``), so the exercise and
the worksheet can never disagree.
"""

from __future__ import annotations

import pandas as pd

from ..questions import Number, tool_exercise
from . import table

__all__ = ["offers", "exercise", "bind", "q1", "q2", "q3", "q4"]

_ONE_AGENT = "Idea: one agent owns each claim"
_PHOTOS = "Idea: upload photos of receipts"


def offers() -> pd.DataFrame:
    """The exercise's alternatives: a home insurer's claims service, scored 1-10 by a panel.

    Results and process quality: higher is better. Price and the customer's
    other costs (time, effort, travel, risk): higher is costlier. The first
    row is the current offer. The insurer and its scores are invented.

    Examples
    --------
    >>> offers()["alternative"].iloc[0]
    'Current claims service'
    """
    return pd.DataFrame(
        {
            "alternative": [
                "Current claims service", "Rival insurer", _ONE_AGENT, "Idea: 5% premium cut",
                _PHOTOS,
            ],
            "results": [6.0, 6.0, 6.0, 6.0, 6.0],
            "process_quality": [4.0, 6.0, 7.0, 4.0, 6.0],
            "price": [6.0, 7.0, 6.0, 5.5, 6.0],
            "access_costs": [8.0, 5.0, 6.0, 8.0, 5.0],
        }
    )


def _row(name: str) -> pd.Series:
    comparison = table.compare_alternatives(offers())
    return comparison.loc[comparison["alternative"] == name].iloc[0]


exercise = tool_exercise(
    "value_equation",
    q1=Number(
        lambda: float(_row(_ONE_AGENT)["value_index"]), (6 + 7) / 6, (6 + 6) / (6 + 7),
        (6 + 7) - (6 + 6),
    ),
    q2=Number(lambda: float(_row(_PHOTOS)["denominator_change"]), 3.0, -3 / 14, 2.0),
)
q1, q2, q3, q4 = exercise.questions.values()

#: Connect the checks to the notebook: call ``bind(globals())`` once.
bind = exercise.bind
