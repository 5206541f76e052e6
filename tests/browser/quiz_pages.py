"""Helpers to read and answer quizzes on a page (or in a frame), practice or exam alike."""

from __future__ import annotations

from customer_focus.course.quiz.bank import Question


def fieldset(scope, question_id: str):
    """A question's fieldset (``scope`` is a page, a frame locator or a section)."""
    return scope.locator(f'fieldset[data-question="{question_id}"]')


def shown(scope) -> list[str]:
    """The ids of the questions shown, in the order shown (an exam shows only its draw)."""
    return scope.locator("fieldset.cf-question:not([hidden])").evaluate_all("els => els.map(e => e.dataset.question)")


def order(scope, question_id: str) -> list[str]:
    """A question's option ids in the order shown."""
    return fieldset(scope, question_id).locator(".cf-option").evaluate_all("els => els.map(e => e.dataset.option)")


def orders(scope) -> dict[str, tuple[str, ...]]:
    """The order shown of every shown question that has options."""
    return {qid: tuple(order(scope, qid)) for qid in shown(scope) if order(scope, qid)}


def wrong_number(question: Question) -> str:
    """A number the grader marks wrong and matches no listed mistake."""
    return f"{question.answer + question.tolerance + 1000:g}"


def fill(scope, question: Question, right: bool = True) -> None:
    """Choose or type a right (or a wrong) answer; does not press Check."""
    box = fieldset(scope, question.id)
    if question.type == "numeric":
        box.locator("input[type=text]").fill(f"{question.answer:g}" if right else wrong_number(question))
        return
    correct = [option.id for option in question.options if option.correct]
    wrong = next(option.id for option in question.options if not option.correct)
    for identifier in (correct if right else [wrong]):
        box.locator(f"input[value='{identifier}']").check()


def is_exam(scope) -> bool:
    """Whether the quiz in ``scope`` is an exam (graded on Submit)."""
    return scope.locator("section.cf-quiz").first.get_attribute("data-mode") == "exam"


def take(scope, questions: dict[str, Question], right) -> list[str]:
    """Answer every shown question (``right(question_id)`` says whether rightly) and finish the attempt.

    Practice quizzes: Check each question. Exams: Submit (and confirm if asked).
    Returns the ids answered, in the order shown.
    """
    ids = shown(scope)
    exam = is_exam(scope)
    for qid in ids:
        fill(scope, questions[qid], right(qid))
        if not exam:
            box = fieldset(scope, qid)
            box.locator(".cf-check").click()
            box.locator(".cf-feedback p").first.wait_for()
    if exam:
        scope.locator(".cf-submit").click()
        scope.locator(".cf-exam-results").wait_for()
    return ids
