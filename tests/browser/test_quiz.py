"""Quizzes as a reader meets them: keyboard, feedback, score, shuffles, saved progress, exams, safety."""

from __future__ import annotations

import json
import subprocess
import sys
import textwrap

import pytest

from customer_focus.course import quiz
from customer_focus.course.course_map import load_course_map
from customer_focus.course.quiz import grade
from quiz_cases import load_cases

from .conftest import ROOT, serve
from .quiz_pages import fieldset, fill, order, orders, shown, take

pytestmark = pytest.mark.browser

CHAPTER = "book/learn/lifetime-value.html"
CHECK = "book/practice/knowledge-check.html"
PROGRESS = "book/practice/my-progress.html"
CHECK_90 = "book/instructors/check-90-minute.html"
CHECK_HALF_DAY = "book/instructors/check-half-day.html"
KEY = "customer-focus-progress-v2"
COURSE = load_course_map(ROOT / "book/course-map.yml")
CHAPTER_BANK = quiz.load_bank(ROOT / "book/quizzes/lifetime-value.yml", objectives=COURSE.objectives)
CHECK_BANK = quiz.load_bank(ROOT / "book/quizzes/knowledge-check.yml", objectives=COURSE.objectives)
FIXTURE_COURSE = load_course_map(ROOT / "tests/fixtures/exam-course/book/course-map.yml")
POOL = quiz.load_bank(ROOT / "tests/fixtures/exam-course/book/quizzes/knowledge-check.yml", objectives=FIXTURE_COURSE.objectives)


def _by_id(bank):
    return {question.id: question for question in bank.questions}


def _ready(page):
    """Wait until every quiz of the page is set up (options arranged, answers restored)."""
    page.wait_for_function("() => [...document.querySelectorAll('section.cf-quiz')].every(s => s.dataset.ready === 'true')")
    return page


def _open(context, url):
    page = context.new_page()
    page.goto(url, wait_until="load")
    return _ready(page)


def _reload(page):
    page.reload(wait_until="load")
    return _ready(page)


def _stored(page):
    return json.loads(page.evaluate(f"localStorage.getItem('{KEY}')"))


# ---- grading: the same rules as Python ----------------------------------------------


def test_javascript_grader_agrees_with_python_on_every_case(visit):
    page = visit.open(CHAPTER)
    questions, cases = load_cases()
    for case in cases:
        question = questions[case["question"]]
        expected = grade(question, case["response"])
        result = page.evaluate(
            "([q, r]) => window.customerFocus.quiz.grade(q, r)", [question.to_data(), case["response"]]
        )
        assert (result["verdict"], result["feedback"]) == (expected.verdict, expected.feedback), case
        assert result["verdict"] == case["verdict"], case


# ---- practice quizzes (chapter quizzes) ----------------------------------------------


def test_wrong_then_right_with_the_keyboard_alone(visit):
    page = visit.open(CHAPTER)
    question = _by_id(CHAPTER_BANK)["clv-course-convention"]
    box = fieldset(page, question.id)
    shown_order = order(page, question.id)
    right = next(index for index, identifier in enumerate(shown_order)
                 if next(o for o in question.options if o.id == identifier).correct)
    wrong = next(index for index in range(1, len(shown_order)) if index != right)
    feedback = box.locator(".cf-feedback")
    score = page.locator(".cf-quiz .cf-score")
    assert feedback.get_attribute("aria-live") == "polite"
    box.locator(".cf-option input").first.focus()
    for _ in range(wrong):
        page.keyboard.press("ArrowDown")  # arrows move through the options in the order shown
    page.keyboard.press("Tab")  # to the Check button
    assert page.evaluate("document.activeElement.classList.contains('cf-check')")
    page.keyboard.press("Enter")
    assert feedback.inner_text().startswith("Not quite.")
    assert score.inner_text().startswith("Score: 0 of 7 (1 of 7 answered)")
    page.keyboard.press("Shift+Tab")  # back to the chosen option
    for _ in range(abs(right - wrong)):
        page.keyboard.press("ArrowDown" if right > wrong else "ArrowUp")
    page.keyboard.press("Tab")
    page.keyboard.press("Space")
    assert feedback.inner_text().startswith("Correct.")
    assert box.locator(".cf-explanation").is_visible()
    assert score.inner_text().startswith("Score: 1 of 7")
    assert visit.problems() == []


def test_numeric_answer_is_checked_with_enter(visit):
    page = visit.open(CHAPTER)
    box = fieldset(page, "clv-value-of-a-customer")
    field = box.get_by_label("Your answer (in $)")
    field.focus()
    page.keyboard.type("628.57")
    page.keyboard.press("Enter")
    assert "counted the first margin today" in box.locator(".cf-feedback").inner_text()
    field.fill("")
    page.keyboard.type("$428.6")
    page.keyboard.press("Enter")
    assert box.locator(".cf-feedback").inner_text().startswith("Correct.")


def test_text_that_is_not_a_number_is_not_an_attempt(visit):
    page = visit.open(CHAPTER)
    box = fieldset(page, "clv-value-of-a-customer")
    box.get_by_label("Your answer (in $)").fill("about 400")
    box.locator(".cf-check").click()
    assert "Enter a number" in box.locator(".cf-feedback").inner_text()
    assert page.locator(".cf-quiz .cf-score").inner_text() == "Score: 0 of 7"


def test_answers_and_feedback_are_hidden_until_answered(visit):
    page = visit.open(CHAPTER)
    text = page.locator("article").inner_text()
    assert "Gupta and Lehmann's formula assumes" not in text  # an explanation
    assert "628.57" not in text and "428.57" not in text  # numeric answer and a mistake
    assert CHAPTER_BANK.questions[1].options[0].feedback not in page.content()


def test_two_fresh_readers_see_different_option_orders_and_a_reload_keeps_each(browser, site_url):
    seen = []
    for _ in range(2):
        context = browser.new_context()
        page = _open(context, f"{site_url}/{CHAPTER}")
        first = orders(page)
        assert len(first) >= 5
        assert orders(_reload(page)) == first
        seen.append(first)
        context.close()
    assert seen[0].keys() == seen[1].keys()
    assert sum(seen[0][qid] != seen[1][qid] for qid in seen[0]) >= 2
    authored = {q.id: tuple(o.id for o in q.options) for q in CHAPTER_BANK.questions}
    assert any(seen[0][qid] != authored[qid] for qid in seen[0])
    assert all(seen[0][qid] == ("true", "false") for qid, kind in ((q.id, q.type) for q in CHAPTER_BANK.questions) if kind == "true-false")


def test_reload_keeps_answers_order_and_score(visit):
    page = visit.open(CHAPTER)
    box = fieldset(page, "spc-before-satisfaction")
    box.get_by_label("External service value").check()
    box.locator(".cf-check").click()
    before = orders(page)
    _reload(page)
    box = fieldset(page, "spc-before-satisfaction")
    assert box.get_by_label("External service value").is_checked()
    assert box.locator(".cf-feedback").inner_text().startswith("Correct.")
    assert page.locator(".cf-quiz .cf-score").inner_text().startswith("Score: 1 of 7")
    assert orders(page) == before
    assert visit.problems() == []


def test_try_again_reshuffles_one_question_and_clear_reshuffles_all(visit):
    page = visit.open(CHAPTER)
    question = "clv-course-convention"
    box = fieldset(page, question)
    seen = {tuple(order(page, question))}
    for _ in range(6):
        box.locator(".cf-option input").first.check()
        box.locator(".cf-check").click()
        box.locator(".cf-retry").click()
        assert not any(box.locator(".cf-option input").evaluate_all("els => els.map(e => e.checked)"))
        assert box.locator(".cf-feedback").inner_text() == ""
        assert page.evaluate("document.activeElement.closest('fieldset').dataset.question") == question
        assert page.evaluate("document.activeElement === document.activeElement.closest('.cf-options').querySelector('input')")
        seen.add(tuple(order(page, question)))
    assert len(seen) >= 3  # seven orders of four options: at least three differ
    before = orders(page)
    _reload(page)
    assert orders(page) == before  # the reshuffled order is saved
    changed = 0
    for _ in range(3):
        previous = orders(page)
        page.get_by_role("button", name="Clear my answers").click()
        changed += sum(previous[qid] != now for qid, now in orders(page).items())
    assert changed >= 3


def test_retry_clears_one_question_and_focuses_its_first_option(visit):
    page = visit.open(CHAPTER)
    box = fieldset(page, "spc-evidence-mixed")
    box.get_by_label("True").check()
    box.locator(".cf-check").click()
    retry = box.locator(".cf-retry")
    assert retry.is_visible()
    retry.click()
    assert not box.get_by_label("True").is_checked()
    assert box.locator(".cf-feedback").inner_text() == ""
    assert page.evaluate("document.activeElement.id").endswith("spc-evidence-mixed-true")


def test_an_answer_whose_question_changed_is_dropped_not_regraded(visit):
    page = visit.open(CHAPTER)
    for qid in ("spc-before-satisfaction", "spc-evidence-mixed"):
        box = fieldset(page, qid)
        box.locator(".cf-option input").first.check()
        box.locator(".cf-check").click()
    page.evaluate(f"""() => {{
        const store = JSON.parse(localStorage.getItem('{KEY}'));
        store.quizzes['lifetime-value'].answers['spc-evidence-mixed'].f = 'oldquest';
        localStorage.setItem('{KEY}', JSON.stringify(store));
    }}""")
    _reload(page)
    assert fieldset(page, "spc-before-satisfaction").locator(".cf-feedback").inner_text() != ""
    changed = fieldset(page, "spc-evidence-mixed")
    assert changed.locator(".cf-feedback").inner_text() == ""
    assert not any(changed.locator("input").evaluate_all("els => els.map(e => e.checked)"))
    assert "spc-evidence-mixed" not in _stored(page)["quizzes"]["lifetime-value"]["answers"]
    assert page.locator(".cf-quiz .cf-score").inner_text().startswith("Score: ")
    assert "(1 of 7 answered)" in page.locator(".cf-quiz .cf-score").inner_text()
    assert visit.problems() == []


def test_progress_page_shows_best_score_and_reset_clears_it(visit):
    page = visit.open(CHAPTER)
    box = fieldset(page, "spc-before-satisfaction")
    box.get_by_label("External service value").check()
    box.locator(".cf-check").click()
    page = visit.open(PROGRESS)
    row = page.locator('tr[data-key="lifetime-value"]')
    assert row.locator(".cf-best").inner_text() == "1 of 7"
    assert page.locator('tr[data-key="knowledge-check"] .cf-best').inner_text() == "Not started"
    assert row.locator("a").get_attribute("href").endswith("lifetime-value.html#cf-quiz-lifetime-value")
    row.get_by_role("button").click()
    assert row.locator(".cf-best").inner_text() == "Not started"
    assert "was reset" in page.locator(".cf-progress-status").inner_text()
    page = visit.open(CHAPTER)
    assert not fieldset(page, "spc-before-satisfaction").get_by_label("External service value").is_checked()
    assert page.locator(".cf-quiz .cf-score").inner_text() == "Score: 0 of 7"
    assert visit.problems() == []


def test_progress_page_lists_the_workshop_checks(visit):
    page = visit.open(PROGRESS)
    for key, path in (("knowledge-check@lifetime-value", CHECK_90),
                      ("knowledge-check@customers-and-loyalty,employee-capability,lifetime-value", CHECK_HALF_DAY)):
        row = page.locator(f'tr[data-key="{key}"]')
        assert row.locator(".cf-best").inner_text() == "Not started"
        assert row.locator("a").get_attribute("href").endswith(path.split("/")[-1] + "#cf-quiz-" + key.replace("@", "--").replace(",", "--"))
        assert row.locator("th").inner_text().startswith("Knowledge check: Workshop check")


def test_reset_all_clears_every_quiz(visit):
    page = visit.open(CHAPTER)
    fieldset(page, "spc-evidence-mixed").get_by_label("False").check()
    fieldset(page, "spc-evidence-mixed").locator(".cf-check").click()
    page = visit.open(PROGRESS)
    page.get_by_role("button", name="Reset all my progress").click()
    assert page.evaluate(f"localStorage.getItem('{KEY}')") is None
    assert set(page.locator(".cf-best").all_inner_texts()) == {"Not started"}


@pytest.mark.parametrize(
    ("key", "stored"),
    [(KEY, "{not json"), (KEY, json.dumps({"version": 1, "quizzes": {}})), (KEY, json.dumps([1, 2])),
     (KEY, json.dumps({"version": 2, "quizzes": {"lifetime-value": {"fingerprint": "old", "seed": "x!", "answers": {"x": 1}}}})),
     (KEY, json.dumps({"version": 2, "quizzes": {"lifetime-value": "garbage"}})),
     (KEY, json.dumps({"version": 2, "quizzes": {"lifetime-value": {"seed": "abc", "answers": {"clv-course-convention": {"r": 0, "f": "x"}}, "tries": []}}})),
     ("customer-focus-progress-v1", json.dumps({"version": 1, "quizzes": {"lifetime-value": {"fingerprint": "f", "answers": {"spc-evidence-mixed": 1}, "best": 7}}}))],
    ids=["corrupted", "old-version", "wrong-shape", "bad-seed", "bad-entry", "positions-not-ids", "version-1-store"],
)
def test_bad_or_old_saved_progress_is_discarded_without_breaking_the_page(visit, key, stored):
    page = visit.open(CHAPTER)
    page.evaluate("() => localStorage.clear()")
    page.evaluate("([key, value]) => localStorage.setItem(key, value)", [key, stored])
    _reload(page)
    assert page.locator(".cf-quiz .cf-score").inner_text() == "Score: 0 of 7"
    assert page.evaluate("localStorage.getItem('customer-focus-progress-v1')") is None
    box = fieldset(page, "spc-evidence-mixed")
    box.get_by_label("False").check()
    box.locator(".cf-check").click()
    assert box.locator(".cf-feedback").inner_text().startswith("Correct.")
    saved = _stored(page)
    assert saved["version"] == 2 and saved["quizzes"]["lifetime-value"]["best"] == 1
    assert saved["quizzes"]["lifetime-value"]["answers"]["spc-evidence-mixed"]["r"] == "false"
    assert visit.problems() == []


def test_quiz_events_report_answers_by_option_id(visit):
    page = visit.open(CHAPTER)
    page.evaluate("window.__events = []; document.addEventListener('customer-focus:answer', e => window.__events.push(e.detail))")
    box = fieldset(page, "spc-evidence-mixed")
    box.get_by_label("True").check()
    box.locator(".cf-check").click()
    events = page.evaluate("window.__events")
    assert events == [{
        "quiz": "lifetime-value", "key": "lifetime-value", "question": "spc-evidence-mixed", "type": "true-false",
        "response": "true", "verdict": "incorrect", "correct": False, "total": 7,
    }]


# ---- the knowledge check of the course (whatever its mode) ---------------------------


def test_knowledge_check_gives_feedback_on_every_item_and_a_final_score(visit):
    page = visit.open(CHECK)
    asked = take(page, _by_id(CHECK_BANK), lambda qid: True)
    for qid in asked:
        assert fieldset(page, qid).locator(".cf-feedback").inner_text().startswith("Correct."), qid
        assert fieldset(page, qid).locator(".cf-explanation").is_visible()
    total = len(asked)
    text = page.locator(".cf-score, .cf-exam-score").first.inner_text()
    assert f"{total} of {total} (100%)" in text
    assert visit.problems() == []


def test_knowledge_check_two_fresh_attempts_differ_and_a_reload_keeps_set_order_and_answers(browser, site_url):
    seen = []
    for _ in range(2):
        context = browser.new_context()
        page = _open(context, f"{site_url}/{CHECK}")
        ids = shown(page)
        first = orders(page)
        answered = ids[0]
        fill(page, _by_id(CHECK_BANK)[answered])
        if fieldset(page, answered).locator(".cf-check").count():
            fieldset(page, answered).locator(".cf-check").click()
        fieldset(page, ids[1]).locator("input").first.focus()  # leaves the first: its answer is saved
        _reload(page)
        assert shown(page) == ids and orders(page) == first
        assert any(fieldset(page, answered).locator("input").evaluate_all(
            "els => els.map(e => e.type === 'text' ? e.value !== '' : e.checked)"))
        seen.append((ids, first))
        context.close()
    (ids_a, orders_a), (ids_b, orders_b) = seen
    common = set(orders_a) & set(orders_b)
    assert ids_a != ids_b or any(orders_a[qid] != orders_b[qid] for qid in common)


@pytest.mark.parametrize(("path", "chapters"), [
    (CHECK_90, {"lifetime-value"}),
    (CHECK_HALF_DAY, {"customers-and-loyalty", "lifetime-value", "employee-capability"}),
])
def test_workshop_checks_ask_only_about_their_chapters(visit, path, chapters):
    page = visit.open(path)
    asked = shown(page)
    assert asked and {_by_id(CHECK_BANK)[qid].chapter for qid in asked} <= chapters
    assert page.locator("section.cf-quiz").get_attribute("data-key").startswith("knowledge-check@")
    assert visit.axe_violations() == []
    assert visit.problems() == []


def test_facilitator_guide_links_the_workshop_checks(visit):
    page = visit.open("book/instructors/facilitator-guide.html")
    assert page.locator("article a[href$='check-90-minute.html']").count() == 1
    assert page.locator("article a[href$='check-half-day.html']").count() == 1


@pytest.mark.parametrize("path", [CHAPTER, CHECK, CHECK_90])
def test_quiz_pages_are_accessible_after_answers(visit, path):
    page = visit.open(path)
    ids = shown(page)
    fill(page, _by_id(CHECK_BANK if "lifetime-value.html" not in path else CHAPTER_BANK)[ids[0]], right=False)
    if page.locator(".cf-check").count():
        fieldset(page, ids[0]).locator(".cf-check").click()
    else:
        page.locator(".cf-submit").click()
        page.locator(".cf-exam-confirm-text").wait_for()
    assert visit.axe_violations() == []
    assert visit.problems() == []


# ---- exams, on the fixture course (tests/fixtures/exam-course) -----------------------


def test_exam_draws_a_stratified_set_and_submit_shows_score_breakdown_and_explanations(visit, exam_site):
    visit.base = exam_site.url
    page = visit.open(CHECK)
    asked = shown(page)
    assert len(asked) == 16 and len(set(asked)) == 16
    counts = {}
    for qid in asked:
        counts[_by_id(POOL)[qid].chapter] = counts.get(_by_id(POOL)[qid].chapter, 0) + 1
    assert set(counts) == set(FIXTURE_COURSE.chapters) and min(counts.values()) >= 2
    assert [page.locator(f'fieldset[data-question="{qid}"] .cf-qnum').inner_text() for qid in asked[:2]] == [
        "Question 1 of 16", "Question 2 of 16"]
    assert page.locator(".cf-check").count() == 0
    wrong = set(asked[:4])
    take(page, _by_id(POOL), lambda qid: qid not in wrong)
    assert page.locator(".cf-exam-score").inner_text().startswith(
        "Score: 12 of 16 (75%). Not passed yet: the pass mark is 80%.")
    rows = page.locator(".cf-exam-breakdown tbody tr")
    titles = [FIXTURE_COURSE.chapters[c].title for c in FIXTURE_COURSE.chapters if c in counts]
    assert rows.locator("th").all_inner_texts() == titles
    per_chapter = {c: [0, 0] for c in counts}
    for qid in asked:
        chapter = _by_id(POOL)[qid].chapter
        per_chapter[chapter][1] += 1
        per_chapter[chapter][0] += qid not in wrong
    expected = [f"{per_chapter[c][0]} of {per_chapter[c][1]}" for c in FIXTURE_COURSE.chapters if c in counts]
    assert rows.locator("td").all_inner_texts() == expected
    for qid in asked:
        feedback = fieldset(page, qid).locator(".cf-feedback").inner_text()
        assert feedback.startswith("Not quite." if qid in wrong else "Correct."), qid
        assert fieldset(page, qid).locator(".cf-explanation").is_visible()
        assert fieldset(page, qid).locator("input").first.is_disabled()
    assert page.evaluate("document.activeElement.classList.contains('cf-exam-results-title')")
    assert "Score: 12 of 16" in page.locator(".cf-exam-live").inner_text()
    link = rows.first.locator("a")
    href = link.get_attribute("href")
    assert href.endswith(f"{FIXTURE_COURSE.chapters[next(iter(FIXTURE_COURSE.chapters))].page.split('/')[-1]}.html")
    assert visit.axe_violations() == []
    link.click()
    page.wait_for_load_state("networkidle")
    assert page.locator("h1").first.inner_text().startswith(titles[0])
    assert visit.problems() == []


def test_exam_reload_keeps_the_draw_the_order_and_the_answers_then_the_result(visit, exam_site):
    visit.base = exam_site.url
    page = visit.open(CHECK)
    asked, before = shown(page), orders(page)
    for qid in asked[:3]:
        fill(page, _by_id(POOL)[qid])
    page.locator(".cf-exam-status").click()  # leaves the last field
    assert page.locator(".cf-exam-status").inner_text() == "Attempt 1: 3 of 16 answered."
    _reload(page)
    assert shown(page) == asked and orders(page) == before
    assert page.locator(".cf-exam-status").inner_text() == "Attempt 1: 3 of 16 answered."
    take(page, _by_id(POOL), lambda qid: True)
    assert page.locator(".cf-exam-score").inner_text().startswith("Score: 16 of 16 (100%). Passed")
    _reload(page)
    assert shown(page) == asked and page.locator(".cf-exam-results").is_visible()
    assert page.locator(".cf-exam-score").inner_text().startswith("Score: 16 of 16 (100%)")
    assert visit.problems() == []


def test_exam_asks_before_grading_unanswered_questions(visit, exam_site):
    visit.base = exam_site.url
    page = visit.open(CHECK)
    asked = shown(page)
    for qid in asked:
        if qid not in (asked[1], asked[6]):
            fill(page, _by_id(POOL)[qid])
    page.locator(".cf-submit").click()
    confirm = page.locator(".cf-exam-confirm-text")
    assert confirm.inner_text() == "Questions 2 and 7 have no answer yet. If you submit now, they count as wrong."
    assert page.evaluate("document.activeElement.classList.contains('cf-exam-confirm-text')")
    assert not page.locator(".cf-exam-results").is_visible()
    page.get_by_role("button", name="Go to the first unanswered question").click()
    assert page.evaluate("document.activeElement.closest('fieldset').dataset.question") == asked[1]
    page.locator(".cf-submit").click()
    page.get_by_role("button", name="Submit anyway").click()
    assert page.locator(".cf-exam-score").inner_text().startswith("Score: 14 of 16 (87%)")
    assert fieldset(page, asked[6]).locator(".cf-feedback").inner_text().startswith("Not answered: counted as wrong.")


def test_exam_new_attempt_draws_a_new_set_and_progress_shows_attempts_and_best(visit, exam_site):
    visit.base = exam_site.url
    page = visit.open(CHECK)
    first = shown(page)
    take(page, _by_id(POOL), lambda qid: qid not in first[:2])  # 14 of 16: 87%
    page.get_by_role("button", name="New attempt").click()
    second = shown(page)
    assert second != first and len(second) == 16
    assert page.evaluate("document.activeElement.closest('fieldset').dataset.question") == second[0]
    assert page.locator(".cf-exam-status").inner_text() == "Attempt 2: 0 of 16 answered."
    assert "New attempt" in page.locator(".cf-exam-live").inner_text()
    assert not page.locator(".cf-exam-results").is_visible()
    take(page, _by_id(POOL), lambda qid: qid not in second[:8])  # 8 of 16: worse
    assert "Best of your 2 attempts: 87%." in page.locator(".cf-exam-score").inner_text()
    page = visit.open("book/practice/my-progress.html")
    assert page.locator('tr[data-key="knowledge-check"] .cf-best').inner_text() == "87% (14 of 16), best of 2 attempts"
    assert page.locator('tr[data-key="knowledge-check"] td').first.inner_text() == "16 drawn from 35"
    assert visit.problems() == []


def test_exam_with_the_keyboard_alone(visit, exam_site):
    visit.base = exam_site.url
    page = visit.open(CHECK)
    asked = shown(page)
    questions = _by_id(POOL)
    for qid in asked:
        question = questions[qid]
        box = fieldset(page, qid)
        if question.type == "numeric":
            box.locator("input").focus()
            page.keyboard.type(f"{question.answer:g}")
            page.keyboard.press("Enter")  # keeps the answer, does not submit the attempt
            assert not page.locator(".cf-exam-results").is_visible()
            continue
        shown_order = order(page, qid)
        correct = {o.id for o in question.options if o.correct}
        box.locator(".cf-option input").first.focus()
        if question.type == "multiple":
            for index, identifier in enumerate(shown_order):
                if index:
                    page.keyboard.press("Tab")
                if identifier in correct:
                    page.keyboard.press("Space")
            continue
        page.keyboard.press("Space")  # checks the focused (first) option
        for _ in range(next(i for i, identifier in enumerate(shown_order) if identifier in correct)):
            page.keyboard.press("ArrowDown")
    page.locator(".cf-submit").focus()
    page.keyboard.press("Enter")
    assert page.evaluate("document.activeElement.classList.contains('cf-exam-results-title')")
    assert page.locator(".cf-exam-score").inner_text().startswith("Score: 16 of 16 (100%)")
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.tagName") == "A"  # the first chapter link
    page.locator(".cf-new-attempt").focus()
    page.keyboard.press("Enter")
    assert page.evaluate("document.activeElement.closest('fieldset') !== null")
    assert visit.problems() == []


def test_restricted_check_draws_only_its_chapters_and_keeps_its_own_progress(visit, exam_site):
    visit.base = exam_site.url
    page = visit.open("book/instructors/check-two-chapters.html")
    asked = shown(page)
    assert len(asked) == 10
    assert {_by_id(POOL)[qid].chapter for qid in asked} == {"customers-and-loyalty", "lifetime-value"}
    take(page, _by_id(POOL), lambda qid: True)
    assert page.locator(".cf-exam-breakdown tbody th").all_inner_texts() == [
        "Customers and loyalty", "How loyalty drives profitability"]
    stored = _stored(page)["quizzes"]
    assert set(stored) == {"knowledge-check@customers-and-loyalty,lifetime-value"}
    page = visit.open(CHECK)
    assert page.locator(".cf-exam-status").inner_text() == "Attempt 1: 0 of 16 answered."
    assert visit.problems() == []


def test_exam_pages_are_accessible_before_and_after_submit(visit, exam_site):
    visit.base = exam_site.url
    page = visit.open(CHECK)
    assert visit.axe_violations() == []
    page.locator(".cf-submit").click()
    assert visit.axe_violations() == []
    page.get_by_role("button", name="Submit anyway").click()
    assert visit.axe_violations() == []
    assert visit.problems() == []


def test_exam_draws_follow_the_python_rules(visit, exam_site):
    """Many draws in the browser: every one stratified, of the right size, without repeats."""
    visit.base = exam_site.url
    page = visit.open(CHECK)
    pool = [question.to_data() for question in POOL.questions]
    draws = page.evaluate(
        "(pool) => Array.from({length: 300}, (_, n) => window.customerFocus.quiz.draw(pool, 16, 2, 'seed' + n))", pool)
    chapters = {q.id: q.chapter for q in POOL.questions}
    for drawn in draws:
        assert len(drawn) == 16 and len(set(drawn)) == 16
        counts = {}
        for qid in drawn:
            counts[chapters[qid]] = counts.get(chapters[qid], 0) + 1
        assert len(counts) == 7 and min(counts.values()) >= 2
    assert len({frozenset(drawn) for drawn in draws}) == 300
    assert set().union(*draws) == set(chapters)


# ---- a bank whose text tries to inject markup, built into a small site of its own ----

XSS_BANK = """\
quiz:
  id: escaping
  title: "<b>Escaping</b> quiz"
questions:
  - id: escaping-question
    type: single
    prompt: "Is <script>window.__pwned = true</script> text?"
    options:
      - text: "<img src=x onerror=\\"window.__pwned = true\\">"
        correct: true
        feedback: "<script>window.__pwned = true</script> stays text too."
      - text: "No"
        feedback: "<em onmouseover=\\"window.__pwned = true\\">really</em>"
    explanation: "<iframe src=\\"javascript:window.__pwned=true\\"></iframe>"
    objectives: [clv-explain]
"""


@pytest.fixture(scope="module")
def escaping_site(tmp_path_factory):
    source = tmp_path_factory.mktemp("escaping")
    (source / "book" / "quizzes").mkdir(parents=True)
    (source / "book" / "course-map.yml").write_text((ROOT / "book/course-map.yml").read_text())
    (source / "book" / "quizzes" / "escaping.yml").write_text(XSS_BANK)
    (source / "index.md").write_text("# Escaping\n\n```{quiz} escaping\n```\n")
    (source / "conf.py").write_text(textwrap.dedent(f"""
        extensions = ["myst_parser", "customer_focus.sphinxext"]
        cf_node_modules = {str(ROOT / "node_modules")!r}
        exclude_patterns = ["_build"]
    """))
    out = source / "_build"
    result = subprocess.run(
        [sys.executable, "-m", "sphinx", "-W", "-q", "-b", "html", str(source), str(out)],
        capture_output=True, text=True, check=False,
    )
    assert result.returncode == 0, result.stderr
    server, url = serve(out)
    yield url
    server.shutdown()


def test_markup_in_a_bank_stays_text(visit, escaping_site):
    visit.base = escaping_site
    page = visit.open("index.html")
    box = fieldset(page, "escaping-question")
    assert "<script>window.__pwned = true</script>" in box.locator("legend").inner_text()
    assert '<img src=x onerror="window.__pwned = true">' in box.inner_text()
    assert page.locator(".cf-quiz-title").inner_text() == "<b>Escaping</b> quiz"
    right = next(o.id for o in quiz.load_bank(_write(XSS_BANK)).questions[0].options if o.correct)
    box.locator(f"input[value='{right}']").check()
    box.locator(".cf-check").click()
    assert "<script>window.__pwned = true</script> stays text too." in box.locator(".cf-feedback").inner_text()
    assert "<iframe" in box.locator(".cf-explanation").inner_text()
    box.locator(".cf-retry").click()
    box.locator(f"input:not([value='{right}'])").check()
    box.locator(".cf-check").click()
    box.locator(".cf-feedback").hover()
    assert page.evaluate("window.__pwned === undefined")
    injected = ".cf-quiz iframe, .cf-quiz img, .cf-quiz script:not(.cf-quiz-data):not(.cf-quiz-words)"
    assert page.locator(injected).count() == 0
    assert visit.problems() == []


def _write(text):
    import tempfile
    from pathlib import Path

    path = Path(tempfile.mkdtemp()) / "bank.yml"
    path.write_text(text)
    return path
