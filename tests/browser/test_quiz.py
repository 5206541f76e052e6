"""Quizzes as a reader meets them: keyboard, feedback, score, saved progress, safety."""

from __future__ import annotations

import functools
import json
import subprocess
import sys
import textwrap
import threading
from http.server import ThreadingHTTPServer

import pytest

from customer_focus import quiz
from customer_focus.quiz import grade
from quiz_cases import load_cases

from .conftest import ROOT, _QuietHandler

pytestmark = pytest.mark.browser

CHAPTER = "book/learn/lifetime-value.html"
CHECK = "book/practice/knowledge-check.html"
PROGRESS = "book/practice/my-progress.html"
KEY = "customer-focus-progress-v1"


def _question(page, question_id):
    return page.locator(f'fieldset[data-question="{question_id}"]')


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


def test_wrong_then_right_with_the_keyboard_alone(visit):
    page = visit.open(CHAPTER)
    fieldset = _question(page, "clv-course-convention")
    feedback = fieldset.locator(".cf-feedback")
    score = page.locator(".cf-quiz .cf-score")
    assert feedback.get_attribute("aria-live") == "polite"
    fieldset.locator("input").first.focus()
    page.keyboard.press("ArrowDown")  # selects the second option: wrong
    page.keyboard.press("Tab")  # to the Check button
    assert page.evaluate("document.activeElement.classList.contains('cf-check')")
    page.keyboard.press("Enter")
    assert feedback.inner_text().startswith("Not quite.")
    assert "upfront" in feedback.inner_text()
    assert score.inner_text().startswith("Score: 0 of 7 (1 of 7 answered)")
    page.keyboard.press("Shift+Tab")  # back to the chosen option
    page.keyboard.press("ArrowUp")  # the first option: right
    page.keyboard.press("Tab")
    page.keyboard.press("Space")
    assert feedback.inner_text().startswith("Correct.")
    assert fieldset.locator(".cf-explanation").is_visible()
    assert score.inner_text().startswith("Score: 1 of 7")
    assert visit.problems() == []


def test_numeric_answer_is_checked_with_enter(visit):
    page = visit.open(CHAPTER)
    fieldset = _question(page, "clv-value-of-a-customer")
    field = fieldset.get_by_label("Your answer (in $)")
    field.focus()
    page.keyboard.type("628.57")
    page.keyboard.press("Enter")
    assert "counted the first margin today" in fieldset.locator(".cf-feedback").inner_text()
    field.fill("")
    page.keyboard.type("$428.6")
    page.keyboard.press("Enter")
    assert fieldset.locator(".cf-feedback").inner_text().startswith("Correct.")


def test_text_that_is_not_a_number_is_not_an_attempt(visit):
    page = visit.open(CHAPTER)
    fieldset = _question(page, "clv-value-of-a-customer")
    fieldset.get_by_label("Your answer (in $)").fill("about 400")
    fieldset.locator(".cf-check").click()
    assert "Enter a number" in fieldset.locator(".cf-feedback").inner_text()
    assert page.locator(".cf-quiz .cf-score").inner_text() == "Score: 0 of 7"


def test_answers_and_feedback_are_hidden_until_answered(visit):
    page = visit.open(CHAPTER)
    bank = quiz.load_bank(ROOT / "book/quizzes/lifetime-value.yml")
    text = page.locator("article").inner_text()
    assert "Gupta and Lehmann's formula assumes" not in text  # an explanation
    assert "628.57" not in text and "428.57" not in text  # numeric answer and a mistake
    assert bank.questions[1].options[0].feedback not in page.content()


def test_reload_keeps_answers_and_score(visit):
    page = visit.open(CHAPTER)
    fieldset = _question(page, "spc-before-satisfaction")
    fieldset.get_by_label("External service value").check()
    fieldset.locator(".cf-check").click()
    page.reload()
    page.wait_for_load_state("networkidle")
    fieldset = _question(page, "spc-before-satisfaction")
    assert fieldset.get_by_label("External service value").is_checked()
    assert fieldset.locator(".cf-feedback").inner_text().startswith("Correct.")
    assert page.locator(".cf-quiz .cf-score").inner_text().startswith("Score: 1 of 7")
    assert visit.problems() == []


def test_retry_clears_one_question(visit):
    page = visit.open(CHAPTER)
    fieldset = _question(page, "spc-evidence-mixed")
    fieldset.get_by_label("True").check()
    fieldset.locator(".cf-check").click()
    retry = fieldset.locator(".cf-retry")
    assert retry.is_visible()
    retry.click()
    assert not fieldset.get_by_label("True").is_checked()
    assert fieldset.locator(".cf-feedback").inner_text() == ""
    assert page.evaluate("document.activeElement.id").endswith("spc-evidence-mixed-0")


def test_progress_page_shows_best_score_and_reset_clears_it(visit):
    page = visit.open(CHAPTER)
    fieldset = _question(page, "spc-before-satisfaction")
    fieldset.get_by_label("External service value").check()
    fieldset.locator(".cf-check").click()
    page = visit.open(PROGRESS)
    row = page.locator('tr[data-quiz="lifetime-value"]')
    assert row.locator(".cf-best").inner_text() == "1 of 7"
    assert page.locator('tr[data-quiz="knowledge-check"] .cf-best').inner_text() == "Not started"
    assert row.locator("a").get_attribute("href").endswith("lifetime-value.html#cf-quiz-lifetime-value")
    row.get_by_role("button").click()
    assert row.locator(".cf-best").inner_text() == "Not started"
    assert "was reset" in page.locator(".cf-progress-status").inner_text()
    page = visit.open(CHAPTER)
    assert not _question(page, "spc-before-satisfaction").get_by_label("External service value").is_checked()
    assert page.locator(".cf-quiz .cf-score").inner_text() == "Score: 0 of 7"
    assert visit.problems() == []


def test_reset_all_clears_every_quiz(visit):
    page = visit.open(CHAPTER)
    _question(page, "spc-evidence-mixed").get_by_label("False").check()
    _question(page, "spc-evidence-mixed").locator(".cf-check").click()
    page = visit.open(PROGRESS)
    page.get_by_role("button", name="Reset all my progress").click()
    assert page.evaluate(f"localStorage.getItem('{KEY}')") is None
    assert set(page.locator(".cf-best").all_inner_texts()) == {"Not started"}


@pytest.mark.parametrize(
    "stored",
    ["{not json", json.dumps({"version": 0, "quizzes": {}}), json.dumps([1, 2]),
     json.dumps({"version": 1, "quizzes": {"lifetime-value": {"fingerprint": "old", "answers": {"x": 1}, "best": 7}}}),
     json.dumps({"version": 1, "quizzes": {"lifetime-value": "garbage"}})],
    ids=["corrupted", "old-version", "wrong-shape", "changed-quiz", "bad-entry"],
)
def test_bad_saved_progress_is_discarded_without_breaking_the_page(visit, stored):
    page = visit.open(CHAPTER)
    page.evaluate("([key, value]) => localStorage.setItem(key, value)", [KEY, stored])
    page.reload()
    page.wait_for_load_state("networkidle")
    assert page.locator(".cf-quiz .cf-score").inner_text() == "Score: 0 of 7"
    fieldset = _question(page, "spc-evidence-mixed")
    fieldset.get_by_label("False").check()
    fieldset.locator(".cf-check").click()
    assert fieldset.locator(".cf-feedback").inner_text().startswith("Correct.")
    saved = json.loads(page.evaluate(f"localStorage.getItem('{KEY}')"))
    assert saved["version"] == 1 and saved["quizzes"]["lifetime-value"]["best"] == 1
    assert visit.problems() == []


def test_knowledge_check_gives_feedback_on_every_option_and_a_final_score(visit):
    page = visit.open(CHECK)
    bank = quiz.load_bank(ROOT / "book/quizzes/knowledge-check.yml")
    for question in bank.questions:
        fieldset = _question(page, question.id)
        if question.type == "numeric":
            fieldset.locator("input").fill(f"{question.answer:g}")
        else:
            for index, option in enumerate(question.options):
                if option.correct:
                    fieldset.locator(f"input[value='{index}']").check()
        fieldset.locator(".cf-check").click()
        assert fieldset.locator(".cf-feedback").inner_text().startswith("Correct."), question.id
    score = page.locator(".cf-quiz .cf-score").inner_text()
    assert score.startswith(f"Final score: {len(bank.questions)} of {len(bank.questions)} (100%)")
    assert visit.problems() == []


def test_quiz_events_report_answers(visit):
    page = visit.open(CHAPTER)
    page.evaluate("window.__events = []; document.addEventListener('customer-focus:answer', e => window.__events.push(e.detail))")
    fieldset = _question(page, "spc-evidence-mixed")
    fieldset.get_by_label("True").check()
    fieldset.locator(".cf-check").click()
    events = page.evaluate("window.__events")
    assert events == [{
        "quiz": "lifetime-value", "question": "spc-evidence-mixed", "type": "true-false",
        "response": 0, "verdict": "incorrect", "correct": False, "total": 7,
    }]


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
    server = ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(_QuietHandler, directory=str(out)))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    yield f"http://127.0.0.1:{server.server_address[1]}"
    server.shutdown()


def test_markup_in_a_bank_stays_text(visit, escaping_site):
    visit.base = escaping_site
    page = visit.open("index.html")
    fieldset = _question(page, "escaping-question")
    assert "<script>window.__pwned = true</script>" in fieldset.locator("legend").inner_text()
    assert '<img src=x onerror="window.__pwned = true">' in fieldset.inner_text()
    assert page.locator(".cf-quiz-title").inner_text() == "<b>Escaping</b> quiz"
    fieldset.locator("input").first.check()
    fieldset.locator(".cf-check").click()
    assert "<script>window.__pwned = true</script> stays text too." in fieldset.locator(".cf-feedback").inner_text()
    assert "<iframe" in fieldset.locator(".cf-explanation").inner_text()
    fieldset.locator("input").nth(1).check()
    fieldset.locator(".cf-check").click()
    fieldset.locator(".cf-feedback").hover()
    assert page.evaluate("window.__pwned === undefined")
    assert page.locator(".cf-quiz iframe, .cf-quiz img, .cf-quiz script:not(.cf-quiz-data)").count() == 0
    assert visit.problems() == []
