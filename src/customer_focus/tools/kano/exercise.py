"""Checks for the exercise "Kano classification" (``exercises/kano.ipynb``).

The notebook binds them with ``exercise.bind(globals())`` after ``from
customer_focus.tools.kano import calc, exercise, table``. Questions 1 to 3 are
answered with ``calc``; question 4's options and answer come from Brightwater's
survey (the worksheet's sample file), read from the course's ``book/`` with
``table`` when the question is checked.
"""

from __future__ import annotations

from functools import cache

import pandas as pd

from ...core import tables
from ...core.checking import ChoiceQuestion, Exercise, Mistake, NumberQuestion
from ...core.paths import book_path
from . import calc, table

__all__ = ["exercise", "bind", "q1", "q2", "q3", "q4", "COUNTS", "SAMPLE"]

#: Category counts of the feature in questions 2 and 3 (also printed in the notebook).
COUNTS = {"A": 12, "O": 18, "M": 6, "I": 9, "R": 3, "Q": 2}


#: The worksheet's sample file, under the course's ``book/`` (read when a check needs it).
SAMPLE = ("apply", "tools", "data", "kano-sample.csv")


@cache
def _features() -> pd.DataFrame:
    return table.analyze_kano(tables.read_table(book_path(*SAMPLE)))


def _features_named() -> tuple[str, ...]:
    return tuple(_features()["feature"])


def _most_missed() -> str:
    features = _features()
    return str(features.loc[features["worse"].idxmin(), "feature"])


def _with_all_answers(numerator: int) -> float:
    return numerator / sum(COUNTS.values())


_BETTER, _WORSE = calc.better_worse(COUNTS["A"], COUNTS["O"], COUNTS["M"], COUNTS["I"])

q1 = ChoiceQuestion(
    variable="category_q1",
    prompt="A customer answers *Neutral* to the functional question (the product has the "
    "feature) and *Dislike* to the dysfunctional one (it does not). Set `category_q1` to the "
    "category letter: 'A', 'O', 'M', 'I', 'R' or 'Q'.",
    hint_text="Read the evaluation table: row Neutral (functional), column Dislike "
    "(dysfunctional). Or call `calc.classify(\"Neutral\", \"Dislike\")`.",
    solution_text="`category_q1 = calc.classify(\"Neutral\", \"Dislike\")` gives **'M'**, "
    "Must-be: having the feature earns no thanks, missing it causes dissatisfaction.",
    takeaway="Must-be: practitioners call it a basic. Keep it working; it will not win praise.",
    options=calc.LETTERS,
    correct=calc.classify("Neutral", "Dislike"),
    reasons={
        "A": "Attractive needs *Like* when the feature is there; this customer is neutral about "
        "having it.",
        "O": "One-dimensional needs *Like* when the feature is there and *Dislike* when it is "
        "not.",
        "I": "Indifferent would need a middle answer on both questions; this customer dislikes "
        "missing it.",
        "R": "Reverse needs *Dislike* when the feature is there, or *Like* when it is not.",
        "Q": "Questionable is for contradictory pairs such as Like / Like; these answers agree.",
    },
)

q2 = NumberQuestion(
    variable="better_q2",
    prompt="A feature's answers fall in the categories `COUNTS` (A 12, O 18, M 6, I 9, R 3, "
    "Q 2). Set `better_q2` to its Better coefficient.",
    hint_text="Better = (A + O) / (A + O + M + I). Reverse and Questionable answers are left out "
    "of the denominator. `calc.better_worse(A, O, M, I)` returns (Better, Worse).",
    solution_text="`better_q2, worse = calc.better_worse(12, 18, 6, 9)`: (12 + 18) / 45 = "
    "**0.667**.",
    takeaway="Two customers in three would be more satisfied with the feature.",
    expected=_BETTER,
    tolerance=0.005,
    mistakes=(
        Mistake(
            _with_all_answers(COUNTS["A"] + COUNTS["O"]),
            "You divided by all 50 answers. Reverse and Questionable answers are left out: "
            "divide by A + O + M + I = 45.",
        ),
        Mistake(COUNTS["A"] / 45, "You counted only Attractive answers. Better adds A and O."),
    ),
)

q3 = NumberQuestion(
    variable="worse_q3",
    prompt="For the same feature, set `worse_q3` to its Worse coefficient.",
    hint_text="Worse = −(O + M) / (A + O + M + I): it carries a minus sign.",
    solution_text="`worse_q3 = -(18 + 6) / 45` = **−0.533**: about half the customers would be "
    "dissatisfied without the feature.",
    takeaway="A Worse near −0.5 and a Better near 0.7: a feature that both pleases and, when "
    "missing, hurts.",
    expected=_WORSE,
    tolerance=0.005,
    mistakes=(
        Mistake(-_WORSE, "Worse is negative by definition: −(O + M) / (A + O + M + I)."),
        Mistake(
            -_with_all_answers(COUNTS["O"] + COUNTS["M"]),
            "You divided by all 50 answers. Leave Reverse and Questionable out: divide by 45.",
        ),
        Mistake(
            -(COUNTS["A"] + COUNTS["M"]) / 45,
            "Worse adds O and M (the categories whose absence hurts), not A.",
        ),
    ),
)

q4 = ChoiceQuestion(
    variable="missed_q4",
    prompt="Read the worksheet's sample file (Brightwater Bikes). Which feature would customers "
    "miss most if it were dropped? Set `missed_q4` to its name, as written in the file.",
    hint_text="`table.analyze_kano(answers)` gives Worse for each feature; the most negative "
    "Worse hurts most when missing.",
    solution_text="`results = table.analyze_kano(answers)`, then "
    "`missed_q4 = results.loc[results[\"worse\"].idxmin(), \"feature\"]`: the brake check, a "
    "Must-be (Worse −0.88).",
    takeaway="A Must-be earns no praise, but dropping it would cost the most goodwill.",
    options=_features_named,
    correct=_most_missed,
    reasons={
        "Loaner bike during repairs": "The loaner bike has the highest Better (a delighter), but "
        "a small Worse: few would miss it.",
        "Repair done within two days": "A close second (Worse −0.75), but the brake check's "
        "Worse is more negative.",
        "Shop logo sticker": "Nobody would miss the sticker: its Worse is 0.",
        "Sales call after every visit": "Most customers would rather not have the sales call "
        "(Reverse).",
    },
)

exercise = Exercise(q1=q1, q2=q2, q3=q3, q4=q4)

#: Connect the checks to the notebook: call ``bind(globals())`` once.
bind = exercise.bind
