"""Customer feedback: the Net Promoter Score of answers and counts.

The feedback form asks Reichheld's (2003) question, exactly as published in
"The One Number You Need to Grow" (*Harvard Business Review* 81(12)):

    "How likely is it that you would recommend [company X] to a friend or
    colleague?"

answered on a scale from 0 to 10. Respondents who answer 9 or 10 are
*promoters*, 7 or 8 *passives* (Reichheld's "passively satisfied"), 0 to 6
*detractors*, and

    NPS = % promoters − % detractors,

a number of points from −100 to +100. Passives count in the total but in
neither group.

The form also asks for overall satisfaction on a 1–5 scale (1 = very
dissatisfied, 5 = very satisfied: the course's form, not a published scale).
Its summary (:mod:`customer_focus.tools.feedback.table`) gives the
distribution, the mean and the *top-box share*, the share answering 5. The top
box matters because, in Xerox's 1991 analysis, customers giving 5s were six
times more likely to repurchase than those giving 4s (Heskett et al. 1994);
that is one firm's correlation, not a law.

Cautions the worksheet repeats: Keiningham, Cooil, Andreassen & Aksoy (2007)
"fail to replicate" the claimed superiority of NPS over other measures; the
11-point scale is collapsed into three groups, so identical scores can hide
different distributions; and small samples swing (see
:func:`nps_margin_of_error`).

Standard library only, and plain values in and out, so the same functions run
in a notebook and, through Pyodide, in the reader's browser. Every input is
checked against its description in ``feedback.yml`` (read here from its JSON
twin); a bad one raises an :class:`~customer_focus.core.validation.InputError`
(a ``ValueError``) naming it. A file of responses, by segment, is read by
:mod:`customer_focus.tools.feedback.table`.
"""

from __future__ import annotations

import math
import numbers
import re
from collections.abc import Iterable, Sequence

from ...core.fields import load_fields
from ...core.messages import N_, Messages
from ...core.validation import InputError, listed

_ = Messages("tools.feedback")

__all__ = [
    "FIELDS", "NPS_QUESTION", "SATISFACTION_QUESTION", "GROUPS", "nps_group", "nps_from_counts",
    "nps_margin_of_error", "net_promoter_score", "parse_answers", "score_counts",
    "group_counts", "summary",
]

#: The tool's inputs, as ``feedback.yml`` describes them.
FIELDS = load_fields(__package__, "feedback.json")

#: Reichheld's (2003) question, word for word; write your company's name for [company X].
NPS_QUESTION: str = FIELDS["score"].label

#: The form's satisfaction question (the course's wording), answered from 1 to 5.
SATISFACTION_QUESTION: str = FIELDS["satisfaction"].label

#: The three groups of Reichheld (2003), with the scores that fall in each.
GROUPS = {
    "promoter": range(9, 11),
    "passive": range(7, 9),
    "detractor": range(0, 7),
}

_FIX = N_("Correct those answers, or leave those responses out: a blank is not a 0.")


def nps_group(score: int) -> str:
    """The Net Promoter group of one answer: promoter, passive or detractor.

    Parameters
    ----------
    score : int
        A whole number from 0 to 10.

    Returns
    -------
    str
        ``"promoter"`` (9–10), ``"passive"`` (7–8) or ``"detractor"`` (0–6),
        as defined by Reichheld (2003).

    Examples
    --------
    >>> nps_group(9), nps_group(8), nps_group(6)
    ('promoter', 'passive', 'detractor')
    """
    value = FIELDS["score"].check(score)
    return next(name for name, scores in GROUPS.items() if value in scores)


def _counts(promoters: int, passives: int, detractors: int) -> tuple[int, int, int]:
    """The three counts checked, or an ``InputError`` naming the one that is wrong."""
    checked = FIELDS.check(promoters=promoters, passives=passives, detractors=detractors)
    if sum(checked.values()) == 0:
        raise InputError(
            "promoters",
            _("promoters, passives and detractors are all 0, so there is no response to score; "
              "enter the number of respondents in each group."),
        )
    return checked["promoters"], checked["passives"], checked["detractors"]


def nps_from_counts(promoters: int, passives: int, detractors: int) -> float:
    """Net Promoter Score from the number of respondents in each group.

    NPS = % promoters − % detractors (Reichheld 2003); passives count in the
    total only.

    Parameters
    ----------
    promoters, passives, detractors : int
        Numbers of respondents who answered 9–10, 7–8 and 0–6; whole numbers,
        0 or more, not all 0.

    Returns
    -------
    float
        The score in points, from −100 to +100.

    Examples
    --------
    >>> nps_from_counts(120, 80, 50)
    28.0
    """
    p, n, d = _counts(promoters, passives, detractors)
    return 100 * (p - d) / (p + n + d)


def nps_margin_of_error(promoters: int, passives: int, detractors: int) -> float:
    """Approximate 95% margin of error of a Net Promoter Score, in points.

    Each answer counts +100 (promoter), 0 (passive) or −100 (detractor); the
    NPS is their mean, so its standard error is the usual
    ``sqrt(variance / n)``. The margin is 1.96 standard errors (the normal
    approximation, which is rough for small groups). It is textbook
    statistics, not part of Reichheld's definition; the worksheet shows it
    because small samples swing.

    Parameters
    ----------
    promoters, passives, detractors : int
        Numbers of respondents in each group (not all 0).

    Returns
    -------
    float
        Half the width of the approximate 95% interval, in NPS points.

    Examples
    --------
    >>> round(nps_margin_of_error(120, 80, 50), 1)
    9.6
    """
    p, n, d = _counts(promoters, passives, detractors)
    total = p + n + d
    promoter_share, detractor_share = p / total, d / total
    difference = promoter_share - detractor_share
    variance = max(promoter_share + detractor_share - difference * difference, 0.0)
    return 1.96 * 100 * math.sqrt(variance / total)


def _answer(value: object, low: float, high: float) -> int | None:
    """``value`` as a whole answer from ``low`` to ``high``, or ``None`` when it is not one."""
    if isinstance(value, bool) or not isinstance(value, numbers.Real):
        return None
    number = float(value)
    if not math.isfinite(number) or not low <= number <= high or number != int(number):
        return None
    return int(number)


def _shown(value: object) -> str:
    """A bad answer as the learner would recognize it."""
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return _("empty")
    if isinstance(value, numbers.Real) and not isinstance(value, bool):
        return f"{float(value):g}"
    return repr(value)


def net_promoter_score(scores: Iterable[int]) -> float:
    """Net Promoter Score of a list of answers to the recommend question.

    NPS = % promoters (9–10) − % detractors (0–6), in points from −100 to
    +100 (Reichheld 2003).

    Parameters
    ----------
    scores : list, array or Series of int
        Answers from 0 to 10, whole numbers (``9.0`` counts as 9), no blanks.

    Returns
    -------
    float
        The score, in points from −100 to +100.

    Raises
    ------
    InputError
        When the list is empty or an answer is blank, not a whole number, or
        outside 0–10; the message names the row (the first answer is row 1).

    Examples
    --------
    >>> net_promoter_score([10, 9, 8, 7, 6, 0, 10, 5, 9, 8])
    10.0
    """
    if isinstance(scores, (str, bytes)) or not isinstance(scores, Iterable):
        raise InputError(
            "scores",
            _("scores must be a list of answers from 0 to 10, such as [10, 9, 7, 3]; "
              "you gave {scores!r}.").format(scores=scores),
        )
    given = list(scores)
    if not given:
        raise InputError("scores", _("scores is empty; give at least one answer from 0 to 10."))
    field = FIELDS["score"]
    answers = [_answer(value, field.min, field.max) for value in given]
    bad = [row for row, answer in enumerate(answers, start=1) if answer is None]
    if bad:
        shown = listed(bad, lambda row: _("row {row}: {answer}").format(
            row=row, answer=_shown(given[row - 1])))
        raise InputError(
            "scores",
            _("scores ({meaning}) must be whole numbers from {low:g} to {high:g}; "
              "bad answers at {shown}. {fix}").format(
                meaning=field.help, low=field.min, high=field.max, shown=shown, fix=_(_FIX)),
        )
    groups = [nps_group(answer) for answer in answers]
    return 100 * float(groups.count("promoter") - groups.count("detractor")) / len(answers)


def parse_answers(text: str, *, name: str, low: int, high: int) -> list[int]:
    """Read whole-number answers typed or pasted into a box.

    Answers may be separated by spaces, commas, semicolons or new lines (a
    column pasted from a spreadsheet works).

    Parameters
    ----------
    text : str
        What the box holds.
    name : str
        What the answers are, for messages ("recommend").
    low, high : int
        The ends of the scale.

    Returns
    -------
    list of int
        Empty when the box is empty.

    Raises
    ------
    ValueError
        Naming the first bad answer by its position.

    Examples
    --------
    >>> parse_answers("10, 9\\n7 3", name="recommend", low=0, high=10)
    [10, 9, 7, 3]
    """
    tokens = [token for token in re.split(r"[\s,;]+", str(text).strip()) if token]
    answers = []
    for position, token in enumerate(tokens, start=1):
        try:
            number = float(token)
        except ValueError:
            number = None
        if number is None or not math.isfinite(number):
            raise ValueError(
                _("{name} answer {position} is {token!r}, not a number. Type whole numbers from "
                  "{low} to {high}, separated by spaces, commas or new lines.").format(
                    name=name, position=position, token=token, low=low, high=high)
            )
        if not low <= number <= high:
            raise ValueError(
                _("{name} answer {position} is {token}; answers go from {low} to {high}.").format(
                    name=name, position=position, token=token, low=low, high=high)
            )
        if number != int(number):
            raise ValueError(
                _("{name} answer {position} is {token}, between two points of the scale; "
                  "answers are whole numbers from {low} to {high}.").format(
                    name=name, position=position, token=token, low=low, high=high)
            )
        answers.append(int(number))
    return answers


def score_counts(scores: Iterable[int], *, low: int = 0, high: int = 10) -> list[int]:
    """How many answers fall on each point of the scale, from ``low`` to ``high``.

    The answers must already be checked (whole numbers on the scale, as
    :func:`parse_answers` gives them).

    Examples
    --------
    >>> score_counts([10, 10, 0])
    [1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 2]
    >>> score_counts([5, 4, 5], low=1, high=5)
    [0, 0, 0, 1, 2]
    """
    counts = [0] * (high - low + 1)
    for score in scores:
        counts[int(score) - low] += 1
    return counts


def group_counts(counts: Sequence[int]) -> tuple[int, int, int]:
    """Promoters, passives and detractors among the counts of each score from 0 to 10.

    Examples
    --------
    >>> group_counts([1, 0, 0, 0, 0, 0, 0, 0, 1, 0, 2])
    (2, 1, 1)
    """
    return tuple(sum(counts[score] for score in scores) for scores in GROUPS.values())


def summary(
    counts: Sequence[int], ratings: Sequence[int] | None = None
) -> dict[str, float | int]:
    """One group's Net Promoter summary, from its counts of each answer.

    Parameters
    ----------
    counts : sequence of int
        How many answered each score from 0 to 10 (:func:`score_counts`).
    ratings : sequence of int, optional
        How many gave each satisfaction rating from 1 to 5, the same customers.

    Returns
    -------
    dict
        ``responses``, ``promoters``, ``passives``, ``detractors``,
        ``promoter_share``, ``passive_share``, ``detractor_share`` (decimals),
        ``nps`` (points) and ``nps_margin`` (:func:`nps_margin_of_error`); with
        ratings, ``satisfaction_mean`` and ``top_box_share`` (the share
        answering 5).

    Examples
    --------
    >>> row = summary(score_counts([10, 9, 8, 3]), score_counts([5, 5, 4, 2], low=1, high=5))
    >>> row["nps"], row["satisfaction_mean"], row["top_box_share"]
    (25.0, 4.0, 0.5)
    """
    promoters, passives, detractors = group_counts(counts)
    total = promoters + passives + detractors
    shares = [promoters / total, passives / total, detractors / total]
    row: dict[str, float | int] = {
        "responses": total, "promoters": promoters, "passives": passives,
        "detractors": detractors, "promoter_share": shares[0], "passive_share": shares[1],
        "detractor_share": shares[2], "nps": 100 * (shares[0] - shares[2]),
        "nps_margin": nps_margin_of_error(promoters, passives, detractors),
    }
    if ratings is not None:
        row["satisfaction_mean"] = sum(
            rating * count for rating, count in enumerate(ratings, start=1)
        ) / total
        row["top_box_share"] = ratings[-1] / total
    return row
