"""Checks for the exercise "Improving work processes" (``exercises/work-process.ipynb``).

The notebook imports ``exercise`` and ``table`` from
``customer_focus.tools.work_process``, calls ``exercise.bind(globals())``, takes
the clinic visit's steps from ``exercise.steps()``, then checks each answer
with ``exercise.q1.check()`` (or asks ``.hint()``, ``.solution()``).

The questions' words are in ``work_process.yml``; the expected answers are
computed by the tool's own ``table`` (over its ``calc``), so the exercise and
the worksheet can never disagree.
"""

from __future__ import annotations

import pandas as pd

from ..questions import Number, tool_exercise
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


exercise = tool_exercise(
    "work_process",
    q1=Number(
        lambda: _summary(steps())["value_added_share"] * 100, 27 / 103, 3 / 9 * 100, 76 / 103 * 100
    ),
    q2=Number(_first_step, 6, 2, 7),
    q3=Number(lambda: float(_summary(steps())["fail_points"]), 1, 2),
    q4=Number(
        lambda: _summary(redesigned_steps())["value_added_share"] * 100, 27 / 64, 27 / 103 * 100
    ),
)
q1, q2, q3, q4 = exercise.questions.values()

#: Connect the checks to the notebook: call ``bind(globals())`` once.
bind = exercise.bind
