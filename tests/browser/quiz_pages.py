"""Helpers to read and answer quizzes on a page (or in a frame), practice or exam alike."""

from __future__ import annotations

from playwright.sync_api import expect

from customer_focus.course.quiz.bank import Question

#: Until the page has loaded, its fonts are in and MathJax has typeset it, what stands on it still
#: moves (the code runs in the page or frame; every step a promise, so Playwright waits for it).
SETTLED = """async () => {
  if (document.readyState !== "complete") {
    await new Promise(resolve => window.addEventListener("load", resolve, {once: true}));
  }
  await document.fonts.ready;
  if (window.MathJax && MathJax.startup && MathJax.startup.promise) {
    await MathJax.startup.promise;
  }
}"""


def ready(scope):
    """Wait until the quizzes in ``scope`` (a page or a frame locator) are set up and laid out,
    and return ``scope``.

    Before quiz.js marks a quiz ready (``data-ready``), an exam still shows every item of its
    pool and has not yet hidden those it did not draw, and options are not yet in the attempt's
    order: a question read or clicked then may be hidden or moved the next moment (in a loaded
    run, a click landed on another question's option). After it, the page must still finish
    loading, its fonts and its MathJax, which change the height of what is above a question.
    """
    scope.locator("section.cf-quiz").first.wait_for()
    expect(scope.locator("section.cf-quiz:not([data-ready='true'])")).to_have_count(0)
    scope.locator("html").evaluate(SETTLED)
    return scope


def fieldset(scope, question_id: str):
    """A question's fieldset (``scope`` is a page, a frame locator or a section)."""
    return scope.locator(f'fieldset[data-question="{question_id}"]')


def shown(scope) -> list[str]:
    """The ids of the questions shown, in the order shown (an exam shows only its draw), once
    the quizzes are :func:`ready`."""
    ready(scope)
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
    """Choose or type a right (or a wrong) answer; does not press Check. The question is
    scrolled into view first, and an option is checked through its label, as a reader clicks it
    (the label is the larger target; Playwright checks the input it names)."""
    box = fieldset(scope, question.id)
    box.scroll_into_view_if_needed()
    if question.type == "numeric":
        box.locator("input[type=text]").fill(f"{question.answer:g}" if right else wrong_number(question))
        return
    correct = [option.id for option in question.options if option.correct]
    wrong = next(option.id for option in question.options if not option.correct)
    for identifier in (correct if right else [wrong]):
        option = box.locator(f".cf-option[data-option='{identifier}']")
        option.locator("label").check()
        expect(option.locator("input")).to_be_checked()


def is_exam(scope) -> bool:
    """Whether the quiz in ``scope`` is an exam (graded on Submit)."""
    return scope.locator("section.cf-quiz").first.get_attribute("data-mode") == "exam"


def take(scope, questions: dict[str, Question], right) -> list[str]:
    """Answer every shown question (``right(question_id)`` says whether rightly) and finish the attempt.

    Practice quizzes: Check each question. Exams: Submit (and confirm if asked).
    Returns the ids answered, in the order shown.
    """
    ids = shown(scope)  # waits until the quizzes are ready
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
