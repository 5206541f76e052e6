"""Checks for the exercise "Customer feedback and the NPS" (``exercises/feedback.ipynb``).

The set-up cell is ``from customer_focus.tools.feedback import calc, exercise, table``
and ``exercise.bind(globals())``; then ``exercise.q1.check()``, ``.hint()`` or
``.solution()``. The answers are the tool's own ``calc`` and ``table``
results. Question 3 reads the worksheet's sample file from the course's
``book/`` when it is checked, so this module imports from any install.
"""

from __future__ import annotations

from functools import cache

import pandas as pd

from ...core import tables
from ...core.checking import ChoiceQuestion, Exercise, Mistake, NumberQuestion
from ...core.paths import book_path
from . import calc, table

__all__ = ["exercise", "bind", "q1", "q2", "q3", "q4", "SCORES", "SAMPLE"]

#: The answers of question 2 (also printed in the notebook).
SCORES = [10, 9, 8, 7, 6, 0, 10, 5, 9, 8, 7, 9]


#: The worksheet's sample file, under the course's ``book/`` (read when a check needs it).
SAMPLE = ("apply", "tools", "data", "feedback-sample.csv")


@cache
def _segments() -> pd.DataFrame:
    responses = tables.read_table(book_path(*SAMPLE))
    return table.analyze_feedback(responses, by="segment").set_index("group")


def _detractor_gap(scale: float = 100) -> float:
    segments = _segments()
    repair = segments.loc["One-off repair", "detractor_share"]
    contract = segments.loc["Maintenance contract", "detractor_share"]
    return scale * float(repair - contract)


def _count_gap() -> float:
    segments = _segments()
    repair = segments.loc["One-off repair", "detractors"]
    return float(repair - segments.loc["Maintenance contract", "detractors"])


def _with_six_as_passive() -> float:
    promoters = sum(score >= 9 for score in SCORES)
    detractors = sum(score <= 5 for score in SCORES)
    return 100 * (promoters - detractors) / len(SCORES)


def _with_passives_as_promoters() -> float:
    promoters = sum(score >= 7 for score in SCORES)
    detractors = sum(score <= 6 for score in SCORES)
    return 100 * (promoters - detractors) / len(SCORES)


q1 = NumberQuestion(
    variable="nps_q1",
    prompt="Set `nps_q1` to the Net Promoter Score of a month in which 200 customers answered: "
    "90 gave 9 or 10, 70 gave 7 or 8, and 40 gave 0 to 6.",
    hint_text="NPS = % promoters − % detractors, with all 200 answers in the total. "
    "`calc.nps_from_counts(promoters, passives, detractors)` does it for you.",
    solution_text="`nps_q1 = calc.nps_from_counts(90, 70, 40)`: 90/200 = 45% promoters, "
    "40/200 = 20% detractors, NPS = 45 − 20 = **+25** points.",
    takeaway="Passives count in the total but in neither group.",
    expected=lambda: calc.nps_from_counts(90, 70, 40),
    tolerance=0.01,
    mistakes=(
        Mistake(
            0.25, "That is the score as a fraction. NPS is written in points: multiply by 100."
        ),
        Mistake(
            100 * (90 - 40) / (90 + 40),
            "You left the passives out of the total. Divide by all 200 answers: passives count in "
            "the total but in neither group.",
        ),
        Mistake(
            100 * (90 + 70 - 40) / 200,
            "You counted the passives (7–8) as promoters. Only 9 and 10 are promoters.",
        ),
        Mistake(
            50,
            "That is the difference of the counts (90 − 40). NPS is a difference of percentages.",
        ),
    ),
)

q2 = NumberQuestion(
    variable="nps_q2",
    prompt="Set `nps_q2` to the Net Promoter Score of the twelve answers in `scores`.",
    hint_text="Promoters answered 9 or 10, detractors 0 to 6 (a 6 is a detractor). "
    "`calc.net_promoter_score(scores)` does the counting.",
    solution_text="`nps_q2 = calc.net_promoter_score(scores)`: 5 promoters (10, 9, 10, 9, 9), "
    "4 passives and 3 detractors (6, 0, 5) out of 12, so NPS = (5 − 3) / 12 × 100 = **+16.67**.",
    takeaway="With 12 answers, one customer moving from a 6 to a 9 would add 16.7 points: "
    "small samples swing.",
    expected=lambda: calc.net_promoter_score(SCORES),
    tolerance=0.05,
    mistakes=(
        Mistake(
            _with_six_as_passive(),
            "You counted the 6 as a passive. Detractors answered 0 to 6, so a 6 is a detractor.",
        ),
        Mistake(
            _with_passives_as_promoters(),
            "You counted the 7s and 8s as promoters. Only 9 and 10 are promoters.",
        ),
        Mistake(
            calc.net_promoter_score(SCORES) / 100,
            "That is the score as a fraction. NPS is written in points: multiply by 100.",
            tolerance=0.001,
        ),
    ),
)

q3 = NumberQuestion(
    variable="detractor_gap_q3",
    prompt="Read the worksheet's sample file. Both segments score NPS +20. Set "
    "`detractor_gap_q3` to how many percentage points more detractors the one-off repair "
    "customers have than the maintenance contract customers.",
    hint_text="`table.analyze_feedback(responses, by=\"segment\")` gives a `detractor_share` "
    "column (a decimal) for each group. Subtract, then multiply by 100.",
    solution_text="`summary = table.analyze_feedback(responses, by=\"segment\")"
    ".set_index(\"group\")`, then "
    "`detractor_gap_q3 = 100 * (summary.loc[\"One-off repair\", \"detractor_share\"] - "
    "summary.loc[\"Maintenance contract\", \"detractor_share\"])` = 33.3% − 13.3% = "
    "**20 points**.",
    takeaway="The same NPS hides a segment with two and a half times as many unhappy customers.",
    expected=_detractor_gap,
    tolerance=0.05,
    mistakes=(
        Mistake(
            _count_gap,
            "That is the difference in the number of detractors. Compare shares (percentages) "
            "of each segment's responses instead.",
        ),
        Mistake(
            lambda: _detractor_gap(1),
            "That is the difference as a fraction. Give it in percentage points: multiply by 100.",
            tolerance=0.001,
        ),
    ),
)

q4 = ChoiceQuestion(
    variable="claim_q4",
    prompt="Which statement matches Keiningham, Cooil, Andreassen and Aksoy (2007)? Set "
    "`claim_q4` to 'a', 'b' or 'c'. (a) NPS predicts a firm's growth better than any other "
    "measure. (b) With Norwegian data from 21 firms, they could not replicate the claimed "
    "superiority of NPS over other measures such as the ACSI. (c) NPS cannot be computed with "
    "fewer than 100 answers.",
    hint_text="The worksheet's introduction quotes the study's finding.",
    solution_text="`claim_q4 = 'b'`: using the Norwegian Customer Satisfaction Barometer "
    "(21 firms, more than 15,500 interviews), they \"fail to replicate\" the claimed "
    "\"clear superiority\" of NPS.",
    takeaway="Use NPS as one listening post among several, with the full distribution and the "
    "comments.",
    options=("a", "b", "c"),
    correct="b",
    reasons={
        "a": "That was Reichheld's claim (2003). Keiningham and colleagues tested it and could "
        "not replicate it.",
        "c": "NPS can be computed from any number of answers; with few answers it simply swings "
        "a lot (see the margin of error in the worksheet).",
    },
)

exercise = Exercise(q1=q1, q2=q2, q3=q3, q4=q4)

#: Connect the checks to the notebook: call ``bind(globals())`` once.
bind = exercise.bind
