"""Questions built in the tests."""

from __future__ import annotations

from customer_focus.course.quiz.bank import Option, Question


def single(qid, texts, correct=0, fixed=()):
    """A single-choice question with these option texts (option ids o0, o1...)."""
    options = tuple(
        Option(text, index == correct, "", f"o{index}", index in fixed)
        for index, text in enumerate(texts)
    )
    return Question(qid, "single", "", "", (), (), options=options)
