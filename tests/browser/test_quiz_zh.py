"""Quizzes and the scenario in a zh-TW build: Chinese words, the same grading, the same saved keys.

The fixture course (tests/fixtures/exam-course) is built with ``language = "zh_TW"``,
its banks translated (every text replaced by Chinese; the loader checks the ids) and
the course's scenario with its real translation. The course's own zh-TW edition is
built by ``make book``; this small site tests the widgets whatever its pages hold.
"""

from __future__ import annotations

import json

import pytest

from customer_focus.course import quiz
from customer_focus.course.course_map import load_course_map
from customer_focus.course.scenario import load as load_scenario
from customer_focus.course.words import words

from chinese_text import fixed_words_left
from sphinx_site import chinese_exam_course, sphinx_html

from .conftest import EXAM_COURSE, serve
from .quiz_pages import fieldset, fill, shown, take

pytestmark = pytest.mark.browser

CHAPTER = "book/learn/lifetime-value.html"
CHECK = "book/practice/knowledge-check.html"
PROGRESS = "book/practice/my-progress.html"
KEY = "customer-focus-progress-v2"
COURSE = load_course_map(EXAM_COURSE / "book/course-map.yml")
BANKS = {path.stem: quiz.load_bank(path, objectives=COURSE.objectives)
         for path in sorted((EXAM_COURSE / "book/quizzes").glob("*.yml"))}
ZH = words("quiz", "zh_TW")


@pytest.fixture(scope="module")
def zh_site(tmp_path_factory):
    source = chinese_exam_course(tmp_path_factory.mktemp("zh-course") / "src")
    html = source / "_build" / "html"
    result = sphinx_html(source, html)
    assert result.returncode == 0, result.stderr
    server, url = serve(html)
    yield html, url
    server.shutdown()


def _english_left(locator) -> list[str]:
    """The quiz's and the scenario's English fixed words the located part still shows."""
    return fixed_words_left(" ".join(locator.all_inner_texts()), "quiz", "scenario")


def _ready(page):
    page.wait_for_function(
        "() => [...document.querySelectorAll('section.cf-quiz')].every(s => s.dataset.ready === 'true')"
    )
    return page


def test_a_chinese_practice_quiz_speaks_chinese_and_grades_as_the_english(visit, zh_site):
    html, visit.base = zh_site
    page = _ready(visit.open(CHAPTER))
    bank = BANKS["fixture-practice"]
    by_id = {question.id: question for question in bank.questions}
    section = page.locator("section.cf-quiz")
    first = bank.questions[0]
    fill(page, first, right=False)
    fieldset(page, first.id).locator(".cf-check").click()
    feedback = fieldset(page, first.id).locator(".cf-feedback")
    assert feedback.inner_text().startswith(ZH["verdict_incorrect"])
    assert fieldset(page, first.id).locator(".cf-explanation").inner_text().startswith("解說：")
    assert section.locator(".cf-score").inner_text() == "得分：0／4（已答 1／4 題）"
    numeric = next(q for q in bank.questions if q.type == "numeric")
    box = fieldset(page, numeric.id)
    box.locator("input[type=text]").fill("abc")
    box.locator(".cf-check").click()
    assert box.locator(".cf-feedback").inner_text() == ZH["invalid_number"]
    take(page, by_id, lambda qid: True)
    assert section.locator(".cf-score").inner_text().startswith("最後得分：4／4（100%）。做得好。")
    assert _english_left(section) == []
    assert visit.axe_violations() == []
    assert visit.problems() == []
    stored = json.loads(page.evaluate(f"localStorage.getItem('{KEY}')"))
    assert stored["quizzes"]["fixture-practice"]["fingerprint"] == bank.fingerprint
    assert {answer["f"] for answer in stored["quizzes"]["fixture-practice"]["answers"].values()} \
        == {question.fingerprint for question in bank.questions}


def test_a_chinese_exam_asks_submits_and_breaks_down_in_chinese(visit, zh_site):
    html, visit.base = zh_site
    page = _ready(visit.open(CHECK))
    pool = {question.id: question for question in BANKS["knowledge-check"].questions}
    section = page.locator("section.cf-quiz")
    asked = shown(page)
    assert section.locator(f'fieldset[data-question="{asked[0]}"] .cf-qnum').inner_text() \
        == "第 1 題（共 16 題）"
    for qid in asked:
        if qid not in (asked[1], asked[6]):
            fill(page, pool[qid])
    page.locator(".cf-submit").click()
    assert page.locator(".cf-exam-confirm-text").inner_text() \
        == "第 2 和 7 題還沒有作答。現在送出的話，這些題目會以答錯計。"
    page.get_by_role("button", name=ZH["submit_anyway"]).click()
    assert page.locator(".cf-exam-score").inner_text() == "得分：14／16（87%）。通過：及格標準是 80%。"
    assert fieldset(page, asked[6]).locator(".cf-feedback").inner_text().startswith(
        ZH["not_answered"])
    assert _english_left(section.locator(".cf-exam-results")) == []
    assert _english_left(section.locator(".cf-exam-bar, .cf-quiz-help")) == []
    assert visit.axe_violations() == []
    progress = visit.open(PROGRESS)
    row = progress.locator('tr[data-key="knowledge-check"] .cf-best')
    assert row.inner_text() == "87%（14／16），1 次作答中的最佳成績"
    assert _english_left(progress.locator(".cf-progress")) == []
    assert visit.problems() == []


def test_a_chinese_scenario_plays_in_chinese_and_saves_the_english_keys(visit, zh_site):
    html, visit.base = zh_site
    page = visit.open(CHECK)
    scenario = page.locator("section.cf-scenario")
    story = load_scenario("late-delivery", language="zh_TW")
    assert scenario.locator(".cf-scenario-node-title").inner_text() == story.nodes["the-call"].title
    assert "你會怎麼做？" in scenario.inner_text()
    scenario.locator(".cf-scenario-choice").first.click()
    assert scenario.locator(".cf-scenario-previous").inner_text().startswith("你的選擇：")
    assert scenario.locator(".cf-scenario-live").inner_text().startswith("你的選擇：")
    while scenario.locator(".cf-scenario-choice").count():
        scenario.locator(".cf-scenario-choice").first.click()
    assert scenario.locator(".cf-scenario-points").inner_text().startswith("你的得分：")
    assert "你走過的路徑" in scenario.inner_text()
    assert _english_left(scenario) == []
    saved = json.loads(page.evaluate("localStorage.getItem('customer-focus-scenarios-v1')"))
    assert saved["scenarios"]["late-delivery"]["fingerprint"] == load_scenario("late-delivery").fingerprint
    assert visit.axe_violations() == []
    assert visit.problems() == []
