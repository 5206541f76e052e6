"""The same bank in a notebook (ipywidgets) and in the book's HTML."""

from __future__ import annotations

import base64
import json
import re

import pytest

from customer_focus.course import quiz
from customer_focus.course.quiz.bank import question_from_data
from customer_focus.course.quiz.notebook import ExamView, QuizView
from customer_focus.course.quiz.placement import place
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
    with pytest.raises(
        FileNotFoundError,
        match="No bank named 'nope'; the banks are: .*knowledge-check, lifetime-value",
    ):
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
    assert (
        numeric.verdict == "incorrect"
        and "counted the first margin today" in numeric.feedback.value
    )
    assert "Score: 0 of 7" in view.score.value


def _answer_right(item):
    correct = {option.id for option in item.question.options if option.correct}
    if item.question.type == "multiple":
        for identifier, box in zip(item.order, item.input.children, strict=True):
            box.value = identifier in correct
    elif item.question.type != "numeric":
        item.input.value = next(iter(correct))
    else:
        item.input.value = str(item.question.answer)


def test_notebook_quiz_handles_every_question_type(bank):
    view = QuizView(bank)
    for item in view.questions:
        _answer_right(item)
        item.check_button.click()
    assert view.correct_count() == len(bank.questions)


def test_notebook_options_are_shuffled_per_attempt_and_labels_follow(bank):
    orders = {
        tuple(tuple(item.order) for item in QuizView(bank, seed=f"s{n}").questions)
        for n in range(10)
    }
    assert len(orders) > 1
    view = QuizView(bank, seed="abc")
    assert [tuple(item.order) for item in view.questions] == [
        tuple(item.order) for item in QuizView(bank, seed="abc").questions
    ]
    single = next(item for item in view.questions if item.question.type == "single")
    texts = {option.id: option.text for option in single.question.options}
    assert [value for _, value in single.input.options] == single.order
    assert [label for label, _ in single.input.options] == [texts[i] for i in single.order]


@pytest.fixture
def exam(root):
    from customer_focus.course.course_map import load_course_map

    course = load_course_map(root / "tests/fixtures/exam-course/book/course-map.yml")
    pool = quiz.load_bank(
        root / "tests/fixtures/exam-course/book/quizzes/knowledge-check.yml",
        objectives=course.objectives,
    )
    return pool, course


def test_notebook_exam_draws_a_stratified_set_and_grades_it_on_submit(exam):
    pool, course = exam
    view = ExamView(pool, chapters=course.chapters, rng=__import__("random").Random(3))
    assert len(view.views) == 16 and all(not hasattr(item, "check_button") for item in view.views)
    for item in view.views[:12]:
        _answer_right(item)
    assert view.submit() == (12, 16)
    assert "Score: 12 of 16 (75%). Not yet passed" in view.result.value
    unanswered = view.views[15]
    assert "Not answered:" in unanswered.feedback.value and "Why:" in unanswered.explanation.value
    assert unanswered.input.disabled or all(box.disabled for box in unanswered.input.children)
    assert "How loyalty drives profitability (book/learn/lifetime-value)" in view.result.value
    first = [item.question.id for item in view.views]
    view.new_attempt()
    assert [item.question.id for item in view.views] != first and view.result.value == ""
    for item in view.views:
        _answer_right(item)
    assert view.submit() == (16, 16)
    assert (
        "Score: 16 of 16 (100%). Passed" in view.result.value
        and "best of 2 attempts: 16 of 16" in view.result.value
    )


def test_notebook_exam_restricted_to_chapters(exam):
    pool, course = exam
    view = ExamView(pool, chapters=course.chapters, only=["lifetime-value"])
    assert len(view.views) == 5 and {item.question.chapter for item in view.views} == {
        "lifetime-value"
    }


def test_show_gives_an_exam_bank_a_submit_button(root):
    widget = quiz.show(root / "tests/fixtures/exam-course/book/quizzes/knowledge-check.yml")
    buttons = [
        child.description
        for box in widget.children
        if hasattr(box, "children")
        for child in box.children
        if hasattr(child, "description")
    ]
    assert "Submit" in buttons and "New attempt" in buttons
    with pytest.raises(ValueError, match="unknown chapter 'nope'"):
        quiz.show(
            root / "tests/fixtures/exam-course/book/quizzes/knowledge-check.yml", chapters=["nope"]
        )


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
    visible = re.sub(
        r'<script type="application/json" class="cf-quiz-(data|words)">.*?</script>', "", html,
        flags=re.S,
    )
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
    assert data["fingerprint"] == bank.fingerprint and data["version"] == 2
    assert (data["key"], data["mode"], data["restricted"]) == ("lifetime-value", "practice", False)


def test_html_lists_options_in_authored_order_with_their_ids(bank):
    html = quiz_html(bank)
    for question in bank.questions:
        ids = re.findall(
            rf'<input type="(?:radio|checkbox)" id="cfq-lifetime-value-{question.id}-([a-z0-9-]+)"',
            html,
        )
        assert ids == [option.id for option in question.options]


def test_exam_html_has_submit_results_and_no_check_buttons(exam):
    pool, course = exam
    links = [
        {"id": c, "title": course.chapters[c].title, "url": f"../{course.chapters[c].page}.html"}
        for c in course.chapters
    ]
    html = quiz_html(place(pool), links, course)
    assert "cf-check" not in html and "cf-clear" not in html
    assert 'class="cf-submit"' in html and 'class="cf-new-attempt"' in html and "<noscript>" in html
    assert (
        "Each attempt draws 16 of 35 questions on the whole course (at least 2 from each chapter"
        in html
    )
    data = json.loads(re.search(r'class="cf-quiz-data">(.*?)</script>', html, re.S).group(1))
    assert (data["mode"], data["size"], data["minPerChapter"]) == ("exam", 16, 2)
    assert [chapter["id"] for chapter in data["chapters"]] == list(course.chapters)


def test_restricted_html_places_only_its_chapters(exam):
    pool, course = exam
    html = quiz_html(place(pool, ["lifetime-value"]), [], course)
    assert html.count("<fieldset") == 5 and 'data-key="knowledge-check@lifetime-value"' in html
    assert 'id="cf-quiz-knowledge-check--lifetime-value"' in html
    assert (
        "Each attempt draws 5 of 5 questions on the chapters How loyalty drives profitability"
        in html
    )


def test_markup_in_a_bank_is_shown_as_text(bank):
    question = question_from_data(
        {
            "id": "xss",
            "type": "single",
            "prompt": "Is <script>alert('x')</script> safe?",
            "options": [
                {
                    "text": "<img src=x onerror=alert(1)>",
                    "correct": True,
                    "feedback": "<b>bold</b>",
                },
                {"text": "No", "feedback": "No."},
            ],
            "explanation": "<script>bad()</script>",
            "objectives": ["clv-explain"],
        }
    )
    html = quiz_html(
        bank.__class__(
            id="x", title="<i>T</i>", questions=(question,), source="x.yml", fingerprint="f"
        )
    )
    assert "<script>alert" not in html and "&lt;script&gt;alert('x')&lt;/script&gt;" in html
    assert "<img" not in html and "&lt;img src=x onerror=alert(1)&gt;" in html
    assert "&lt;i&gt;T&lt;/i&gt;" in html
    assert question.explanation == "<p>&lt;script&gt;bad()&lt;/script&gt;</p>"
