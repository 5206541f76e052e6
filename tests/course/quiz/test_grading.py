"""The Python grader against the shared grading cases (the browser test runs the same cases in
JavaScript)."""

from __future__ import annotations

import pytest

from customer_focus.course.quiz import grade, parse_number
from quiz_cases import load_cases

QUESTIONS, CASES = load_cases()


@pytest.mark.parametrize("case", CASES, ids=[f"{c['question']}-{c['response']!r}" for c in CASES])
def test_python_grader_gives_the_expected_verdict(case):
    assert grade(QUESTIONS[case["question"]], case["response"]).verdict == case["verdict"]


def test_cases_cover_every_question_type_and_verdict():
    kinds = {QUESTIONS[case["question"]].type for case in CASES}
    assert {case["question"] for case in CASES} == set(QUESTIONS)
    verdicts = {case["verdict"] for case in CASES}
    assert kinds == {"single", "multiple", "true-false", "numeric"}
    assert verdicts == {"correct", "incorrect", "invalid"}


def test_feedback_is_the_chosen_options_feedback():
    assert grade(QUESTIONS["single"], "first").feedback == "<p>Not this one.</p>"
    assert grade(QUESTIONS["true-false"], "true").feedback == "<p>No: it said it was false.</p>"


def test_multiple_select_says_how_many_were_missed():
    feedback = grade(QUESTIONS["multiple"], ["first"]).feedback
    assert feedback == "<p>First is right.</p><p>You missed 1 correct option.</p>"


def test_multiple_select_feedback_follows_the_authored_order_whatever_the_order_chosen():
    assert (
        grade(QUESTIONS["multiple"], ["third", "second"]).feedback
        == grade(QUESTIONS["multiple"], ["second", "third"]).feedback
    )
    assert grade(QUESTIONS["multiple"], ["third", "second"]).feedback.startswith(
        "<p>Second is wrong.</p><p>Third is right.</p>"
    )


def test_a_derived_option_id_is_what_the_case_file_says():
    """The case file names a derived id: it is "o" and 7 hex digits of the SHA-256 of the text."""
    assert [option.id for option in QUESTIONS["derived"].options] == [
        "o85a39ab",
        "o" + __import__("hashlib").sha256(b"Maybe").hexdigest()[:7],
    ]


def test_numeric_mistake_gets_its_own_feedback():
    assert grade(QUESTIONS["numeric"], "366.67").feedback == "<p>Upfront convention.</p>"
    assert grade(QUESTIONS["numeric"], "400").feedback == "<p>Wrong.</p>"


def test_grading_the_data_form_equals_grading_the_question():
    question = QUESTIONS["numeric"]
    assert grade(question.to_data(), "266") == grade(question, "266")


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("1,234.5", 1234.5),
        ("$12", 12.0),
        ("-$5", -5.0),
        ("7%", 7.0),
        (" 3 ", 3.0),
        ("1 000", 1000.0),
        (".5", 0.5),
    ],
)
def test_parse_number_reads_what_learners_type(text, value):
    assert parse_number(text) == value


@pytest.mark.parametrize("text", ["", "abc", "1e999", "nan", "inf", "١٢", "1_000", None, True, [1]])
def test_parse_number_rejects_what_is_not_a_plain_number(text):
    assert parse_number(text) is None
