"""Checks for the exercise "Employee turnover cost" (``exercises/turnover-cost.ipynb``).

In the notebook::

    from customer_focus.tools.turnover_cost import calc, exercise
    exercise.bind(globals())
    exercise.q1.check()    # or .hint(), .solution()

Expected answers are computed by the tool's own ``calc``, so the exercise and
the worksheet can never disagree.
"""

from __future__ import annotations

from ...core.checking import ChoiceQuestion, Exercise, Mistake, NumberQuestion
from ...core.formats import percent
from . import calc

__all__ = ["exercise", "bind", "q1", "q2", "q3", "q4"]

#: Boushey & Glynn's (2012) median, as the questions write it.
_MEDIAN = percent(calc.BOUSHEY_GLYNN_MEDIAN)


def _example() -> calc.TurnoverCost:
    return calc.turnover_cost(**calc.course_example())


def _saving() -> float:
    per_hire = calc.learning_curve_cost(36000, 12, 0.5) - calc.learning_curve_cost(36000, 8, 0.5)
    return 10 * per_hire


q1 = NumberQuestion(
    variable="learning_q1",
    prompt="Set `learning_q1` to the learning-curve cost of the course's front-line job: a $36,000 "
    "salary, 12 weeks to full productivity, 50% average productivity meanwhile.",
    hint_text="The newcomer loses (1 − productivity) of each week's pay. Weekly pay is the yearly "
    "salary ÷ 52. Or call `calc.learning_curve_cost(salary, weeks, productivity)`.",
    solution_text="`learning_q1 = calc.learning_curve_cost(36000, 12, 0.5)` = $36,000 / 52 × 12 × "
    "(1 − 0.5) = $692.31 × 12 × 0.5 = $4,153.85 (the Learn chapter rounds it to $4,154).",
    takeaway="Twelve half-speed weeks cost more than hiring and training the newcomer together.",
    expected=lambda: calc.learning_curve_cost(36000, 12, 0.5),
    tolerance=0.01,
    unit="$",
    mistakes=(
        Mistake(
            36000 / 52 * 12,
            "That is 12 full weeks of pay. The newcomer still produces half, so only the missing "
            "half is lost: multiply by (1 − 0.5).",
        ),
        Mistake(
            36000 / 12 * 12 * 0.5,
            "You divided the salary by 12 (months) instead of 52 (weeks). The learning curve is "
            "counted in weeks.",
        ),
    ),
)

q2 = NumberQuestion(
    variable="share_q2",
    prompt="Set `share_q2` to the total cost of one departure from the course's front-line job as "
    "a percentage of the salary (26 means 26%). Use `calc.turnover_cost(**calc.course_example())`.",
    hint_text="The result of `turnover_cost` has a `total` and a `share_of_salary` (a decimal). "
    "Multiply the decimal by 100.",
    solution_text="`share_q2 = calc.turnover_cost(**calc.course_example()).share_of_salary * 100` "
    "= $9,453.85 / $36,000 × 100 = 26.26%: the Learn chapter's \"about 26% of salary\".",
    takeaway=f"It sits a little above Boushey and Glynn's (2012) median of {_MEDIAN} of salary.",
    expected=lambda: _example().share_of_salary * 100,
    tolerance=0.05,
    unit="%",
    mistakes=(
        Mistake(
            _example().share_of_salary,
            "That is the share as a decimal. Multiply by 100 to give it in percent.",
            tolerance=0.001,
        ),
        Mistake(
            (_example().total - _example().amount("learning_curve")) / 36000 * 100,
            "You left out the learning curve, the largest line. Lost productivity is part of the "
            "cost (Cascio and Boudreau's performance differential).",
        ),
    ),
)

q3 = NumberQuestion(
    variable="saving_q3",
    prompt="Better training would bring newcomers to full productivity in 8 weeks instead of 12, "
    "still at 50% meanwhile. With 10 departures a year from the $36,000 job, set `saving_q3` to "
    "the saving per year.",
    hint_text="Compute the learning curve for 12 weeks and for 8 weeks; the difference is the "
    "saving per hire. Then multiply by the number of hires a year.",
    solution_text="`saving_q3 = 10 * (calc.learning_curve_cost(36000, 12, 0.5) - "
    "calc.learning_curve_cost(36000, 8, 0.5))` = 10 × ($4,153.85 − $2,769.23) = 10 × $1,384.62 = "
    "$13,846.15.",
    takeaway="Shortening the learning curve pays every time someone is hired; keeping people pays "
    "even more.",
    expected=_saving,
    tolerance=0.05,
    unit="$",
    mistakes=(
        Mistake(
            _saving() / 10,
            "That is the saving per hire. The question asks for a year with 10 departures: "
            "multiply by 10.",
        ),
        Mistake(
            10 * calc.learning_curve_cost(36000, 8, 0.5),
            "That is what the 8-week learning curve still costs for 10 hires, not what it saves. "
            "Subtract it from the 12-week cost.",
        ),
    ),
)

q4 = ChoiceQuestion(
    variable="benchmark_q4",
    prompt="Your finance director asks for a published figure to compare your estimate with. Set "
    "`benchmark_q4` to 'shrm' (\"six to nine months' salary\"), 'boushey-glynn' (a median of "
    f"{_MEDIAN} of salary, with a wide range) or 'executives' (213% of salary).",
    hint_text="Which of the three can be traced to a study, and which applies to most jobs rather "
    "than the top of the range?",
    solution_text="`benchmark_q4 = 'boushey-glynn'`. Boushey and Glynn (2012) reviewed 30 case "
    "studies; across the 27 without executives and physicians the median cost was "
    f"{_MEDIAN} of annual salary. Quote it with its range (about 16% for jobs under $30,000, up to "
    "213% for executives), next to your own worksheet.",
    takeaway="Quote a traced figure with its range, and show your own worksheet beside it.",
    options=("shrm", "boushey-glynn", "executives"),
    correct="boushey-glynn",
    reasons={
        "shrm": "No primary SHRM study behind \"six to nine months' salary\" has been found; it is "
        "repeated from blog to blog. Quote a figure you can trace.",
        "executives": "213% is the often-quoted top of the range, for executives. Quoted for all "
        "jobs, it would overstate the cost many times over.",
    },
)

exercise = Exercise(q1=q1, q2=q2, q3=q3, q4=q4)

#: Connect the checks to the notebook: call ``bind(globals())`` once.
bind = exercise.bind
