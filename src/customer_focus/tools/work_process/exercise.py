"""Checks for the exercise "Improving work processes" (``exercises/work-process.ipynb``).

In the notebook::

    from customer_focus.tools.work_process import exercise, table
    exercise.bind(globals())
    steps = exercise.steps()
    exercise.q1.check()    # or .hint(), .solution()

Expected answers are computed by the tool's own ``table`` (over its ``calc``),
so the exercise and the worksheet can never disagree.
"""

from __future__ import annotations

import pandas as pd

from ...core.checking import Exercise, Mistake, NumberQuestion
from . import table

__all__ = ["steps", "redesigned_steps", "exercise", "bind", "q1", "q2", "q3", "q4"]


def steps() -> pd.DataFrame:
    """The exercise's process: a patient's visit to a clinic, as the patient lives it (invented).

    The yes/no columns use several spellings on purpose (yes, Y, TRUE, 0...):
    the worksheet accepts them all.

    Examples
    --------
    >>> len(steps())
    9
    """
    return pd.DataFrame(
        {
            "step": [
                "Patient books by phone and gives their details",
                "Patient gives the same details again at the front desk",
                "Patient waits, not knowing how long",
                "Nurse asks for the details a third time",
                "Nurse takes measurements",
                "Patient waits for the doctor",
                "Doctor examines and advises",
                "Prescription printed and explained",
                "Patient pays and books a follow-up",
            ],
            "minutes": [6, 5, 35, 4, 8, 20, 15, 4, 6],
            "adds_value": ["no", "N", "no", "false", "yes", "0", "Y", "TRUE", "no"],
            "fail_point": ["no", "yes", "no", "Y", "no", "no", "no", "1", "n"],
            "what_goes_wrong": [
                "", "Details copied by hand: mistakes in the record", "",
                "Allergies missed when the records differ", "", "", "",
                "Wrong dose printed when the record is wrong", "",
            ],
        }
    )


def redesigned_steps() -> pd.DataFrame:
    """The visit after the redesign of question 4: the details captured once, a text message
    instead of the waiting room.

    Steps 2 and 4 (giving the details again) are removed, and the first wait
    falls from 35 to 5 minutes.
    """
    visit = steps().drop(index=[1, 3]).reset_index(drop=True)
    visit.loc[visit["step"] == "Patient waits, not knowing how long", "minutes"] = 5
    return visit


def _summary(visit: pd.DataFrame) -> dict[str, float]:
    return table.process_summary(visit)


def _first_step() -> int:
    return int(table.where_to_improve(steps())["order"].iloc[0])


q1 = NumberQuestion(
    variable="share_q1",
    prompt="Set `share_q1` to the share of the visit's time that adds value for the patient, in "
    "percent (25 means 25%).",
    hint_text="`table.process_summary(steps)` gives `value_added_share` as a decimal; multiply by "
    "100. By hand: the minutes of the steps that add value, divided by all the minutes.",
    solution_text="`share_q1 = table.process_summary(steps)['value_added_share'] * 100` = (8 + 15 "
    "+ 4) / 103 × 100 = 26.2%: three quarters of the patient's time adds nothing for them.",
    takeaway="27 of 103 minutes.",
    expected=lambda: _summary(steps())["value_added_share"] * 100,
    tolerance=0.05,
    unit="%",
    mistakes=(
        Mistake(
            27 / 103, "That is the share as a decimal. Multiply by 100 to give it in percent.",
            tolerance=0.001,
        ),
        Mistake(3 / 9 * 100, "That is the share of the steps. Weigh each step by its minutes."),
        Mistake(76 / 103 * 100, "That is the share of time that adds no value. Count the steps "
            "marked yes."),
    ),
)

q2 = NumberQuestion(
    variable="first_q2",
    prompt="Set `first_q2` to the number (1 to 9) of the step to improve first: the longest step "
    "that adds no value.",
    hint_text="`table.where_to_improve(steps)` lists the steps that add no value, longest first; "
    "its `order` column is the step's number in the process.",
    solution_text="`first_q2 = table.where_to_improve(steps)['order'].iloc[0]` = 3: the 35-minute "
    "wait without knowing how long.",
    takeaway="The unexplained wait: 35 minutes that add nothing.",
    expected=_first_step,
    tolerance=0,
    mistakes=(
        Mistake(6, "Step 6 is the second-longest wait (20 minutes). Step 3 is longer."),
        Mistake(2, "Step 2 is the first fail point, but the list starts with the steps that add no "
            "value, longest first."),
        Mistake(7, "Step 7, the doctor's examination, adds value for the patient: it is what they "
            "came for."),
    ),
)

q3 = NumberQuestion(
    variable="fail_points_q3",
    prompt="Set `fail_points_q3` to the number of fail points in the visit. Careful: the table "
    "writes yes in several ways.",
    hint_text="`table.process_summary(steps)['fail_points']` reads yes, Y, TRUE and 1 alike.",
    solution_text="`fail_points_q3 = table.process_summary(steps)['fail_points']` = 3: steps 2, 4 "
    "and 8, and all three come from the patient's details being copied more than once.",
    takeaway="All three fail points come from copying the same details again.",
    expected=lambda: float(_summary(steps())["fail_points"]),
    tolerance=0,
    mistakes=(
        Mistake(1, "You may have counted only the cells that read exactly 'yes'. Y and 1 mean yes "
            "too."),
        Mistake(2, "You may have counted 'yes' and 'Y' but not '1', which means yes too."),
    ),
)

q4 = NumberQuestion(
    variable="share_q4",
    prompt="Redesign: capture the details once at booking (remove steps 2 and 4) and text the "
    "patient when the nurse is ready, so the first wait falls from 35 to 5 minutes. "
    "`exercise.redesigned_steps()` holds the new process. Set `share_q4` to the share of the time "
    "that adds value now, in percent.",
    hint_text="Run `table.process_summary` on `exercise.redesigned_steps()` and multiply "
    "`value_added_share` by 100.",
    solution_text="`share_q4 = "
    "table.process_summary(exercise.redesigned_steps())['value_added_share'] * 100` = 27 / 64 × "
    "100 = 42.2%, up from 26.2%: the visit is 39 minutes shorter and two fail points are gone, "
    "with the same care.",
    takeaway="Same care, 39 minutes less, two fail points fewer.",
    expected=lambda: _summary(redesigned_steps())["value_added_share"] * 100,
    tolerance=0.05,
    unit="%",
    mistakes=(
        Mistake(27 / 64, "That is the share as a decimal. Multiply by 100.", tolerance=0.001),
        Mistake(
            27 / 103 * 100,
            "That is the share before the redesign. Use `exercise.redesigned_steps()`.",
        ),
    ),
)

exercise = Exercise(q1=q1, q2=q2, q3=q3, q4=q4)

#: Connect the checks to the notebook: call ``bind(globals())`` once.
bind = exercise.bind
