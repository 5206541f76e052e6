"""Balanced keys: measures that catch a bank a test-wise reader could pass without reading.

Three measures, per bank and across the course:

* **longest key (single choice)**: the share of single-choice questions
  whose correct option is the longest option;
* **longest keys (multiple select)**: the share of multiple-select
  questions whose correct options are exactly the longest ones;
* **true share**: the share of true/false questions whose answer is true.

Length is the option's visible text: its Markdown rendered, tags removed,
entities decoded, math counted by its TeX source, spaces collapsed. An
option is "the longest" only when it is *strictly* longer than every
other option: when two options tie for the greatest length, length does not
point to either, so the key does not count as the longest. For multiple
select, every correct option must be strictly longer than every incorrect
one.

The limits (:data:`LIMITS`) are the one place the thresholds live; README.md
documents them. A measure is only judged on enough items
(:data:`MIN_ITEMS`): three single-choice questions cannot show a pattern.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from html import unescape

from .bank import Question, Quiz

__all__ = [
    "Limits",
    "LIMITS",
    "MIN_ITEMS",
    "Measure",
    "visible_length",
    "measure",
    "balance_report",
    "COURSE",
]

#: Measures are judged only on a bank (or course) with at least this many items of the kind.
MIN_ITEMS = 4
#: How failures across every bank are named.
COURSE = "course (all banks)"


@dataclass(frozen=True)
class Limits:
    """The highest share of longest keys, and the allowed range of true answers."""

    longest: float
    true_low: float
    true_high: float


#: Per bank and across the course. A share above ``longest``, or a true share
#: outside ``true_low``..``true_high``, fails ``quiz check`` and the build.
LIMITS = {
    "bank": Limits(longest=0.50, true_low=0.30, true_high=0.70),
    "course": Limits(longest=0.40, true_low=0.40, true_high=0.60),
}

_TAG = re.compile(r"<[^>]+>")
_MATH = re.compile(r"\\\((.*?)\\\)|\\\[(.*?)\\\]", re.S)


def visible_length(html: str) -> int:
    """The length of an option as a reader sees it.

    Examples
    --------
    >>> visible_length("<em>Much</em>  more &amp; better")
    18
    >>> visible_length('<span class="math notranslate nohighlight">\\\\(m r\\\\)</span>')
    3
    """
    text = unescape(_TAG.sub("", html))
    text = _MATH.sub(lambda match: match.group(1) or match.group(2) or "", text)
    return len(" ".join(text.split()))


def _key_is_longest(question: Question) -> bool:
    lengths = [(visible_length(option.text), option.correct) for option in question.options]
    right = [length for length, correct in lengths if correct]
    wrong = [length for length, correct in lengths if not correct]
    return bool(right) and bool(wrong) and min(right) > max(wrong)


@dataclass(frozen=True)
class Measure:
    """One measure of one bank (or of the course): ``count`` of ``total`` items."""

    where: str
    name: str
    count: int
    total: int
    failed: bool
    message: str

    @property
    def share(self) -> float:
        """``count / total`` (0 when there are no items)."""
        return self.count / self.total if self.total else 0.0


def _percent(share: float) -> str:
    return f"{round(share * 100)}%"


def measure(where: str, questions: Iterable[Question], scope: str = "bank") -> list[Measure]:
    """The three measures of a set of questions, judged against ``LIMITS[scope]``.

    Examples
    --------
    >>> from customer_focus.course.quiz.bank import Option
    >>> def single(n):
    ...     options = (Option("the long key", True, ""), Option("short", False, ""))
    ...     return Question(f"q{n}", "single", "", "", (), (), options=options)
    >>> [m.message for m in measure("x.yml", [single(n) for n in range(4)]) if m.failed]
    ['x.yml: 4 of 4 single-choice keys are the longest option (100%; limit 50%)']
    """
    limits = LIMITS[scope]
    questions = list(questions)
    singles = [q for q in questions if q.type == "single"]
    multiples = [q for q in questions if q.type == "multiple"]
    truths = [q for q in questions if q.type == "true-false"]
    results = []
    for name, items, what in (
        ("longest single-choice keys", singles, "single-choice keys are the longest option"),
        (
            "longest multiple-select keys",
            multiples,
            "multiple-select keys are exactly the longest options",
        ),
    ):
        count = sum(_key_is_longest(q) for q in items)
        share = count / len(items) if items else 0.0
        failed = len(items) >= MIN_ITEMS and share > limits.longest
        message = (f"{where}: {count} of {len(items)} {what} ({_percent(share)}; "
                   f"limit {_percent(limits.longest)})")
        results.append(Measure(where, name, count, len(items), failed, message))
    count = sum(q.options[0].correct for q in truths)  # options[0] is "True"
    share = count / len(truths) if truths else 0.0
    failed = len(truths) >= MIN_ITEMS and not limits.true_low <= share <= limits.true_high
    message = (
        f"{where}: {count} of {len(truths)} true/false answers are true ({_percent(share)}; "
        f"allowed {_percent(limits.true_low)} to {_percent(limits.true_high)})"
    )
    results.append(Measure(where, "true share", count, len(truths), failed, message))
    return results


def balance_report(quizzes: Iterable[Quiz]) -> list[Measure]:
    """Every measure of every bank (named by its source file), then across the course.

    A question counts once, in its bank, whether or not that bank is an exam pool.
    """
    quizzes = sorted(quizzes, key=lambda quiz: quiz.source)
    results = []
    for quiz in quizzes:
        results += measure(quiz.source, quiz.questions, "bank")
    results += measure(COURSE, [q for quiz in quizzes for q in quiz.questions], "course")
    return results
