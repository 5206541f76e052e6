"""Checks for the exercise "Customer value equation" (``exercises/value-equation.ipynb``).

In the notebook::

    from customer_focus.tools.value_equation import exercise, table
    exercise.bind(globals())
    offers = exercise.offers()
    exercise.q1.check()    # or .hint(), .solution()

Expected answers are computed by the tool's own ``table`` (over its ``calc``),
so the exercise and the worksheet can never disagree.
"""

from __future__ import annotations

import pandas as pd

from ...core.checking import ChoiceQuestion, Exercise, Mistake, NumberQuestion
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


q1 = NumberQuestion(
    variable="index_q1",
    prompt=f"Set `index_q1` to the value index of '{_ONE_AGENT}' (results + process quality, "
    "divided by price + the customer's other costs).",
    hint_text="`table.compare_alternatives(offers)` adds a `value_index` column; pick the row "
    "whose `alternative` is the one-agent idea. By hand: (results + process quality) / (price + "
    "access costs).",
    solution_text="`comparison = table.compare_alternatives(offers)` then "
    "`index_q1 = comparison.loc[comparison['alternative'] == 'Idea: one agent owns each claim', "
    "'value_index'].iloc[0]` "
    "= (6 + 7) / (6 + 6) = 1.08. It ranks the idea; it does not measure value.",
    takeaway="(6 + 7) / (6 + 6): a number for ranking the ideas, not a measurement of value.",
    expected=lambda: float(_row(_ONE_AGENT)["value_index"]),
    tolerance=0.005,
    mistakes=(
        Mistake(
            (6 + 7) / 6,
            "You divided by the price only. The denominator also holds the customer's other costs "
            "of acquiring the service (time, effort, travel, risk): price + access costs.",
        ),
        Mistake(
            (6 + 6) / (6 + 7),
            "You turned the ratio upside down: what the customer gets goes on top, what it costs "
            "them below.",
        ),
        Mistake(
            (6 + 7) - (6 + 6),
            "You subtracted the costs from the benefits. The equation divides them: (R + P) / (C1 "
            "+ C2).",
            tolerance=0.001,
        ),
    ),
)

q2 = NumberQuestion(
    variable="denominator_change_q2",
    prompt=f"Set `denominator_change_q2` to the change in the denominator of '{_PHOTOS}' against "
    "the current offer, in points (negative if it falls).",
    hint_text="`compare_alternatives` adds a `denominator_change` column: this row's price + "
    "access costs minus the current offer's.",
    solution_text="`comparison = table.compare_alternatives(offers)` then `denominator_change_q2 = "
    "comparison.loc[comparison['alternative'] == 'Idea: upload photos of receipts', "
    "'denominator_change'].iloc[0]` = (6 + 5) − (6 + 8) = −3: posting receipts is effort and risk "
    "the customer no longer bears.",
    takeaway="The idea lowers the denominator by cutting the customer's effort and risk, not the "
    "price.",
    expected=lambda: float(_row(_PHOTOS)["denominator_change"]),
    tolerance=0.01,
    mistakes=(
        Mistake(3.0, "You gave the size of the change. The denominator falls, so the change is "
            "negative: −3."),
        Mistake(
            -3 / 14,
            "That is the change relative to the current denominator (−21%). Give it in points: −3.",
        ),
        Mistake(2.0, "That is the change in the numerator (4 → 6 for process quality). Look at "
            "price + other costs."),
    ),
)

q3 = ChoiceQuestion(
    variable="term_q3",
    prompt="The finance team proposes to cut the insurer's own cost of winning new policyholders "
    "by 20%. Which term of the customer value equation does that change for the customer? Set "
    "`term_q3` to 'results', 'process quality', 'price', 'costs of acquiring the service' or "
    "'none'.",
    hint_text="Read the last term of the equation from the customer's side: whose costs are they?",
    solution_text="`term_q3 = 'none'`. The costs of acquiring the service are the customer's "
    "non-price costs (time, effort, travel, risk), not the firm's cost of winning customers. A "
    "cheaper sales process may help the insurer's profit, but the customer gets no more value "
    "unless the price or their own costs fall.",
    takeaway="The customer's costs of acquiring the service are time, effort, travel and risk, not "
    "your selling costs.",
    options=("results", "process quality", "price", "costs of acquiring the service", "none"),
    correct="none",
    reasons={
        "costs of acquiring the service": "A common misreading. In the equation these are the "
        "customer's costs (time, effort, travel, risk), not the firm's cost of winning a customer.",
        "price": "Only if the saving is passed on as a lower price; the proposal itself does not "
        "change what the customer pays.",
        "results": "The customer gets the same claim handled the same way.",
        "process quality": "Nothing changes in how the claim is handled for the customer.",
    },
)

q4 = ChoiceQuestion(
    variable="reading_q4",
    prompt="The one-agent idea has an index of 1.08 and the current service 0.71. Which reading is "
    "sound? Set `reading_q4` to 'a', 'b' or 'c'. (a) The idea gives the customer 52% more value. "
    "(b) On the panel's scores the idea ranks above the current service; test it with customers "
    "before rolling it out. (c) Any idea with an index above 1 is worth more to customers than it "
    "costs them.",
    hint_text="Can you divide a score for results by a score for price and get an amount of value?",
    solution_text="`reading_q4 = 'b'`. The equation is a conceptual heuristic and its units do not "
    "cancel, so the index is a ranking aid on your own scales, not a measurement: use it to order "
    "the ideas, then test the best ones with customers.",
    takeaway="The index orders the alternatives; it does not measure value.",
    options=("a", "b", "c"),
    correct="b",
    reasons={
        "a": "No. The units do not cancel, so the ratio of two indexes is not a percentage of "
        "value. The index only ranks alternatives on the same scales.",
        "c": "No. 1 is not a break-even point: with other scales (1-5, or money) the same offer "
        "gets a different index. Only the order within one comparison means something.",
    },
)

exercise = Exercise(q1=q1, q2=q2, q3=q3, q4=q4)

#: Connect the checks to the notebook: call ``bind(globals())`` once.
bind = exercise.bind
