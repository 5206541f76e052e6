"""The same bank in a notebook (ipywidgets) and in the book's HTML."""

from __future__ import annotations

import base64
import json
import re

import pytest

from customer_focus import quiz
from customer_focus.quiz.bank import question_from_data
from customer_focus.quiz.notebook import QuizView
from customer_focus.sphinxext.quiz import quiz_html


@pytest.fixture
def bank(root):
    return quiz.load_bank(root / "book/quizzes/lifetime-value.yml")


def test_show_finds_a_bank_by_name_from_inside_the_repository(root, monkeypatch):
    monkeypatch.chdir(root / "solutions")
    widget = quiz.show("lifetime-value")
    assert "Check yourself" in widget.children[0].value


def test_show_lists_the_banks_when_the_name_is_wrong(root, monkeypatch):
    monkeypatch.chdir(root)
    with pytest.raises(FileNotFoundError, match="No bank named 'nope'; the banks are: .*knowledge-check, lifetime-value"):
        quiz.show("nope")


def test_notebook_quiz_grades_with_the_shared_rules(bank):
    view = QuizView(bank)
    numeric = next(v for v in view.questions if v.question.type == "numeric")
    numeric.input.value = "$428.57"
    numeric.check_button.click()
    assert numeric.verdict == "correct"
    assert "Correct." in numeric.feedback.value and "Why:" in numeric.explanation.value
    assert "Score: 1 of 7" in view.score.value
    numeric.input.value = "628.57"
    numeric.check_button.click()
    assert numeric.verdict == "incorrect" and "counted the first margin today" in numeric.feedback.value
    assert "Score: 0 of 7" in view.score.value


def test_notebook_quiz_handles_every_question_type(bank):
    view = QuizView(bank)
    for item in view.questions:
        if item.question.type == "multiple":
            for index, box in enumerate(item.input.children):
                box.value = item.question.options[index].correct
        elif item.question.type != "numeric":
            item.input.value = next(i for i, option in enumerate(item.question.options) if option.correct)
        else:
            item.input.value = str(item.question.answer)
        item.check_button.click()
    assert view.correct_count() == len(bank.questions)


def test_notebook_quiz_asks_for_an_answer_before_grading(bank):
    view = QuizView(bank)
    first = view.questions[1]
    first.check_button.click()
    assert first.verdict is None and "Choose an option" in first.feedback.value


def test_html_has_a_fieldset_legend_and_labelled_inputs(bank):
    html = quiz_html(bank)
    assert html.count("<fieldset") == len(bank.questions) == html.count("<legend>")
    for input_id in re.findall(r'<input [^>]*id="([^"]+)"', html):
        assert f'<label for="{input_id}">' in html
    assert html.count('aria-live="polite"') == len(bank.questions)


def test_html_does_not_show_answers_before_the_learner_answers(bank):
    html = quiz_html(bank)
    visible = re.sub(r'<script type="application/json" class="cf-quiz-data">.*?</script>', "", html, flags=re.S)
    for question in bank.questions:
        assert question.explanation not in visible
        for option in question.options:
            assert option.feedback not in visible
        if question.type == "numeric":
            assert str(question.answer) not in visible and question.if_correct not in visible
    assert "correct" not in re.sub(r"<[^>]+>", "", visible).lower().replace("incorrect", "")


def test_html_data_block_decodes_to_the_grader_data(bank):
    html = quiz_html(bank)
    data = json.loads(re.search(r'class="cf-quiz-data">(.*?)</script>', html, re.S).group(1))
    questions = json.loads(base64.b64decode(data["payload"]).decode("utf-8"))
    assert questions == [question.to_data() for question in bank.questions]
    assert data["fingerprint"] == bank.fingerprint and data["version"] == 1


def test_markup_in_a_bank_is_shown_as_text(bank):
    question = question_from_data(
        {
            "id": "xss", "type": "single", "prompt": "Is <script>alert('x')</script> safe?",
            "options": [
                {"text": "<img src=x onerror=alert(1)>", "correct": True, "feedback": "<b>bold</b>"},
                {"text": "No", "feedback": "No."},
            ],
            "explanation": "<script>bad()</script>", "objectives": ["clv-explain"],
        }
    )
    html = quiz_html(bank.__class__(id="x", title="<i>T</i>", questions=(question,), source="x.yml", fingerprint="f"))
    assert "<script>alert" not in html and "&lt;script&gt;alert('x')&lt;/script&gt;" in html
    assert "<img" not in html and "&lt;img src=x onerror=alert(1)&gt;" in html
    assert "&lt;i&gt;T&lt;/i&gt;" in html
    assert question.explanation == "<p>&lt;script&gt;bad()&lt;/script&gt;</p>"
