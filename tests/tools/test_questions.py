"""A tool's exercise put together from its spec's words and its Python's answers."""

from __future__ import annotations

import pytest

from customer_focus.core.problems import DataFileError
from customer_focus.core.yamlfile import parse_yaml
from customer_focus.tools.questions import Choice, Number, build_exercise, tool_exercise
from customer_focus.tools.spec import (
    MistakeSpec,
    QuestionSpec,
    load_spec,
    read_questions,
    spec_tools,
)

NUMBER = QuestionSpec(
    "q1", "x_q1", "Set `x_q1` to {n} × 2.", "Double {n}.", "`x_q1 = {n} * 2`",
    tolerance=0.5, unit="$", mistakes=(MistakeSpec("You added {n}."), MistakeSpec("Halved.", 0.01)),
)
CHOICE = QuestionSpec("q2", "pick_q2", "Pick.", "Think.", "'a'", reasons={"b": "Not b: {n}."})


def _exercise(**answers):
    return build_exercise({"q1": NUMBER, "q2": CHOICE}, answers, {"n": 3}, "demo.yml")


def test_words_and_answers_make_the_questions_a_learner_checks():
    exercise = _exercise(q1=Number(lambda: 6, 6.5 + 1, 1.5), q2=Choice(options=("a", "b"),
                                                                        correct="a"))
    assert exercise.q1.prompt == "Set `x_q1` to 3 × 2."
    exercise.bind({"x_q1": 6.4, "pick_q2": "b"})
    assert exercise.q1.check().passed
    assert exercise.q2.check().message == "Not b: 3."
    exercise.bind({"x_q1": 7.5})
    assert exercise.q1.check().message == "`x_q1` = $7.50. You added 3."
    exercise.bind({"x_q1": 1.6})  # the second mistake's own tolerance, 0.01, does not reach it
    assert "not the answer" in exercise.q1.check().message


@pytest.mark.parametrize(
    ("answers", "values", "message"),
    [
        ({"q1": Number(6)}, {"n": 3}, "demo.yml: exercise: q1: the spec words 2 mistakes, the "
         "exercise computes 0 values"),
        ({"q1": Number(6, 1, 2)}, {"n": 3}, "demo.yml: exercise: q2: a choice question needs "
         "options and a correct answer"),
        ({"q1": Number(6, 1, 2), "q3": Number(1)}, {"n": 3}, "demo.yml: the exercise has no "
         "words for q3"),
        ({"q1": Number(6, 1, 2)}, {}, "demo.yml: exercise: q1: the text names {n}, but the "
         "exercise gives no value of that name"),
    ],
)
def test_a_mismatch_between_words_and_answers_is_named(answers, values, message):
    with pytest.raises(ValueError) as caught:
        build_exercise({"q1": NUMBER, "q2": CHOICE}, answers, values, "demo.yml")
    assert str(caught.value).startswith(message)


def test_options_given_twice_are_refused():
    words = {"q2": QuestionSpec("q2", "p", "Pick.", "Hint.", "a", options=("a", "b"), correct="a")}
    with pytest.raises(ValueError, match="options given twice"):
        build_exercise(words, {"q2": Choice(options=("a", "b"))}, {}, "demo.yml")


@pytest.mark.parametrize("tool", [tool for tool in spec_tools() if load_spec(tool).exercise])
def test_every_tool_exercise_has_its_words_in_its_spec(tool):
    module = __import__(f"customer_focus.tools.{tool}.exercise", fromlist=["exercise"])
    assert list(module.exercise.names()) == list(load_spec(tool).exercise)
    assert all("{" not in question.prompt for question in module.exercise.questions.values())


def test_a_spec_question_needs_no_python_when_its_answer_is_in_the_spec():
    exercise = tool_exercise("turnover_cost", values={"median": "21%"},
                             **{f"q{n}": Number(n, 0, 0) for n in (1, 2, 3)})
    assert exercise.bind({"benchmark_q4": "Boushey-Glynn"}).q4.check().passed


def test_a_file_of_questions_names_its_problems_with_their_lines():
    text = "exercise:\n  q1:\n    variable: x_q1\n    prompt: Set it.\n    hint: Add.\n"
    with pytest.raises(DataFileError) as caught:
        read_questions(parse_yaml(text, "lab.yml"), "lab.yml")
    assert str(caught.value.problems[0]).startswith("lab.yml:3: exercise: q1: missing 'solution'")
    assert read_questions(parse_yaml("exercise:\n", "lab.yml"), "lab.yml") == {}
