"""The notebook's quiz and scenario in Traditional Chinese, as a reader of the zh-TW edition meets
them (the package speaking zh_TW): ``quiz.show`` and ``scenario.play`` give the translated bank,
course map and story, and their own words (buttons, verdicts, scores, the grader's messages) are
Chinese, with the same numbers as the English."""

from __future__ import annotations

import random
import re

import pytest

from chinese_text import english_words, is_chinese
from customer_focus.core.messages import language
from customer_focus.course import quiz, scenario
from customer_focus.course.quiz.grading import grade
from customer_focus.course.quiz.notebook import ExamView, QuizView


def english_left(html: str) -> list[str]:
    """The English words of an HTML text (tags, and the names NPS and CLV, left aside)."""
    return english_words(re.sub(r"<[^>]+>", " ", html),
                         kept={"NPS", "CLV", "US", "Harbor", "Supply"}, quoted=False)


def test_show_gives_the_translated_bank_and_chinese_words(root, monkeypatch):
    monkeypatch.chdir(root / "solutions")
    with language("zh_TW"):
        widget = quiz.show("lifetime-value")
    header, first = widget.children[0], widget.children[1]
    assert header.value.startswith("<h3>自我檢核")
    assert first.children[0].value == "<strong>第 1 題（共 7 題）</strong>"


def test_the_practice_quiz_grades_and_scores_in_chinese(root):
    with language("zh_TW"):
        bank = quiz.load_bank(root / "book/quizzes/lifetime-value.yml", language="zh_TW")
        view = QuizView(bank)
        numeric = next(v for v in view.questions if v.question.type == "numeric")
        numeric.input.value = "$428.57"
        numeric.check_button.click()
        assert numeric.check_button.description == "檢查答案"
        assert numeric.feedback.value.startswith("<strong>答對了。</strong>")
        assert numeric.explanation.value.startswith("<em>解說：</em>")
        assert view.score.value == "<p><strong>得分：1／7</strong></p>"
        numeric.input.value = "a lot"
        numeric.check_button.click()
        assert numeric.feedback.value == "<p>請輸入數字，例如 266.67。</p>"


def test_the_graders_messages_are_chinese_with_the_count():
    question = {"type": "multiple", "options": [
        {"id": "a", "correct": True, "feedback": ""}, {"id": "b", "correct": True, "feedback": ""},
        {"id": "c", "correct": True, "feedback": ""}, {"id": "d", "correct": False,
                                                       "feedback": ""}]}
    with language("zh_TW"):
        missed = grade(question, ["a"])
        nothing = grade(question, [])
        single = grade({**question, "type": "single"}, [])
    assert missed.feedback == "<p>你漏選了 2 個正確選項。</p>"
    assert nothing.feedback == "<p>請至少選一個選項。</p>"
    assert single.feedback == "<p>請選一個選項。</p>"


def test_the_knowledge_check_draws_submits_and_scores_in_chinese(root):
    with language("zh_TW"):
        bank = quiz.load_bank(root / "book/quizzes/knowledge-check.yml", language="zh_TW")
        english = ExamView(quiz.load_bank(root / "book/quizzes/knowledge-check.yml"),
                           rng=random.Random(7))
        view = ExamView(bank, rng=random.Random(7))
        assert view.submit_button.description == "送出答案"
        assert view.new_button.description == "重新作答"
        header = view.header.value
        right, total = view.submit()
        result = view.result.value
        unanswered = view.views[0].feedback.value
    assert is_chinese(header) and english_left(header) == [], header
    assert re.findall(r"\d+", header.split("</h3>")[1]) == re.findall(
        r"\d+", english.header.value.split("</h3>")[1])
    assert (right, total) == (0, 16)
    assert result.startswith("<p><strong>得分：0／16（0%）。尚未通過</strong>（及格標準 ")
    assert "<th>可複習的章節</th><th>答對</th>" in result
    assert english_left(result) == [], result
    assert unanswered == "<strong>不太對。</strong> <p><strong>未作答：</strong>以答錯計。</p>"


def test_play_gives_the_translated_story_and_chinese_words():
    with language("zh_TW"):
        widget = scenario.play("late-delivery")
        header, previous, node, choices, restart = widget.children
        assert restart.description == "重新開始"
        assert "<p>目前得分：0</p><p><strong>你會怎麼做？</strong></p>" in node.value
        first = choices.children[0].children[0]
        assert first.description == "選項 1" and first.tooltip == "選擇這個選項"
        first.click()
        assert previous.value.startswith("<p><strong>你的選擇：</strong>")
        assert "<p><strong>為什麼重要：</strong></p>" in previous.value
    assert is_chinese(header.value) and english_left(header.value) == [], header.value


def test_a_wrong_bank_name_is_refused_in_chinese(root, monkeypatch):
    monkeypatch.chdir(root)
    with language("zh_TW"), pytest.raises(FileNotFoundError, match="沒有名為 'nope' 的題庫"):
        quiz.show("nope")
