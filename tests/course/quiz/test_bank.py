"""Question banks: the course's banks are valid, and every rule has a clear error."""

from __future__ import annotations

import difflib
import hashlib
import re
import textwrap

import pytest
import yaml

from customer_focus.cli import main
from customer_focus.course.course_map import load_course_map
from customer_focus.course.quiz import BankError, Draw, bibliography_keys, load_bank, load_banks
from customer_focus.course.quiz.bank import MAX_OPTIONS, option_id

VALID = """\
quiz:
  id: demo
  title: Demo quiz
questions:
  - id: demo-single
    type: single
    prompt: Which one?
    options:
      - text: This
        correct: true
        feedback: Right.
      - text: That
        feedback: Wrong.
    explanation: Because.
    objectives: [clv-explain]
    cite: [gupta2003]
"""


@pytest.fixture
def known(root):
    return {
        "objectives": load_course_map(root / "book/course-map.yml").objectives,
        "citations": bibliography_keys(root / "references.bib"),
    }


@pytest.fixture(scope="module")
def course_quizzes(root):
    """The course's banks, loaded once for the tests that only read them."""
    return load_banks(
        root / "book/quizzes", relative_to=root,
        objectives=load_course_map(root / "book/course-map.yml").objectives,
        citations=bibliography_keys(root / "references.bib"),
    )


def _problems(tmp_path, text, known, name="bank.yml"):
    path = tmp_path / name
    path.write_text(textwrap.dedent(text))
    with pytest.raises(BankError) as caught:
        load_bank(path, source=name, **known)
    return [str(problem) for problem in caught.value.problems]


def _edit(old, new):
    assert old in VALID
    return VALID.replace(old, new)


def test_course_banks_are_valid_and_cover_the_course(root, known):
    quizzes = load_banks(root / "book/quizzes", relative_to=root, **known)
    assert len(quizzes["lifetime-value"].questions) >= 5
    assert any(q.type == "numeric" for q in quizzes["lifetime-value"].questions)
    check = quizzes["knowledge-check"]
    assert len(check.questions) >= 40
    chapters = {
        known["objectives"][objective].chapter
        for q in check.questions
        for objective in q.objectives
    }
    assert chapters == {
        chapter for chapter in load_course_map(root / "book/course-map.yml").chapters
    }
    for question in check.questions:
        if question.type != "numeric":
            assert all(option.feedback for option in question.options), question.id
        else:
            assert question.if_correct and question.if_incorrect


def test_valid_bank_loads(tmp_path, known):
    path = tmp_path / "bank.yml"
    path.write_text(VALID)
    quiz = load_bank(path, **known)
    assert quiz.id == "demo" and quiz.questions[0].options[0].correct
    assert len(quiz.fingerprint) == 16


def test_single_choice_needs_exactly_one_correct_option(tmp_path, known):
    text = _edit("        feedback: Wrong.", "        feedback: Wrong.\n        correct: true")
    assert _problems(tmp_path, text, known) == [
        "bank.yml:8: question 'demo-single': a single-choice question needs exactly one correct "
        "option; it has 2"
    ]


def test_single_choice_with_no_correct_option(tmp_path, known):
    text = _edit("        correct: true\n", "")
    assert "it has 0" in _problems(tmp_path, text, known)[0]


def test_multiple_select_needs_a_correct_option(tmp_path, known):
    text = _edit("type: single", "type: multiple").replace("        correct: true\n", "")
    assert _problems(tmp_path, text, known) == [
        "bank.yml:8: question 'demo-single': a multiple-select question needs at least one correct "
        "option; it has none"
    ]


def test_unknown_objective_is_named(tmp_path, known):
    text = _edit("objectives: [clv-explain]", "objectives: [clv-explain, no-such-objective]")
    assert _problems(tmp_path, text, known) == [
        "bank.yml:15: question 'demo-single': unknown learning objective 'no-such-objective' in "
        "'objectives'"
    ]


def test_missing_objectives_are_an_error(tmp_path, known):
    text = _edit("    objectives: [clv-explain]\n", "")
    assert "missing 'objectives'" in _problems(tmp_path, text, known)[0]


def test_unknown_citation_key_is_named(tmp_path, known):
    text = _edit("cite: [gupta2003]", "cite: [gupta2003, smith1999]")
    assert _problems(tmp_path, text, known) == [
        "bank.yml:16: question 'demo-single': unknown citation key 'smith1999' in 'cite'"
    ]


def test_question_ids_are_unique_within_a_bank(tmp_path, known):
    question = VALID.split("questions:\n", 1)[1]
    text = VALID + question
    assert _problems(tmp_path, text, known) == [
        "bank.yml:17: question id 'demo-single' is used twice (first at line 5)"
    ]


def test_question_ids_are_unique_across_the_course(tmp_path, known):
    (tmp_path / "a.yml").write_text(VALID)
    (tmp_path / "b.yml").write_text(VALID.replace("id: demo\n", "id: other\n"))
    with pytest.raises(BankError) as caught:
        load_banks(tmp_path, relative_to=tmp_path, **known)
    assert [str(p) for p in caught.value.problems] == [
        "b.yml:5: question id 'demo-single' is already used in a.yml:5; ids must be unique across "
        "the course"
    ]


def test_quiz_ids_are_unique_across_the_course(tmp_path, known):
    (tmp_path / "a.yml").write_text(VALID)
    (tmp_path / "b.yml").write_text(VALID.replace("demo-single", "demo-two"))
    with pytest.raises(BankError, match="b.yml:1: quiz id 'demo' is already used by a.yml"):
        load_banks(tmp_path, relative_to=tmp_path, **known)


NUMERIC = """\
quiz: {id: numbers, title: Numbers}
questions:
  - id: num
    type: numeric
    prompt: How much?
    answer: ANSWER
    tolerance: TOLERANCE
    if_correct: Yes.
    if_incorrect: No.
    explanation: Because.
    objectives: [clv-calculate]
"""


@pytest.mark.parametrize("answer", [".nan", ".inf", "-.inf", "'ten'", "true"])
def test_numeric_answer_must_be_finite(tmp_path, known, answer):
    text = NUMERIC.replace("ANSWER", answer).replace("TOLERANCE", "1")
    assert _problems(tmp_path, text, known)[0].startswith(
        "bank.yml:6: question 'num': 'answer' must be a finite number"
    )


@pytest.mark.parametrize(
    ("tolerance", "message"), [(".nan", "must be a finite number"), ("-1", "must be at least 0")]
)
def test_numeric_tolerance_must_be_finite_and_not_negative(tmp_path, known, tolerance, message):
    text = NUMERIC.replace("ANSWER", "10").replace("TOLERANCE", tolerance)
    assert message in _problems(tmp_path, text, known)[0]


def test_numeric_tolerance_is_required(tmp_path, known):
    text = NUMERIC.replace("ANSWER", "10").replace("    tolerance: TOLERANCE\n", "")
    assert _problems(tmp_path, text, known) == [
        "bank.yml:3: question 'num': missing 'tolerance' (a number)"
    ]


def test_a_mistake_inside_the_tolerance_is_an_error(tmp_path, known):
    text = (
        NUMERIC.replace("ANSWER", "10").replace("TOLERANCE", "1")
        + "    mistakes:\n      - {value: 10.5, feedback: Close.}\n"
    )
    assert "10.5 is within the tolerance of the answer" in _problems(tmp_path, text, known)[0]


def test_true_false_needs_a_boolean_answer(tmp_path, known):
    text = """\
    quiz: {id: tf, title: TF}
    questions:
      - id: tf-one
        type: true-false
        prompt: Is it?
        answer: maybe
        if_true: A.
        if_false: B.
        explanation: C.
        objectives: [clv-explain]
    """
    assert _problems(tmp_path, text, known) == [
        "bank.yml:6: question 'tf-one': a true-false question needs 'answer: true' or 'answer: "
        "false' (got 'maybe')"
    ]


def test_unknown_type_is_named(tmp_path, known):
    assert (
        "'type' must be one of single, multiple, true-false, numeric (got 'essay')"
        in _problems(tmp_path, _edit("type: single", "type: essay"), known)[0]
    )


def test_option_without_feedback_is_an_error(tmp_path, known):
    assert _problems(tmp_path, _edit("        feedback: Wrong.\n", ""), known) == [
        "bank.yml:12: question 'demo-single', option 2: missing 'feedback' (text)"
    ]


def test_yes_and_no_are_explained(tmp_path, known):
    problems = _problems(tmp_path, _edit("feedback: Wrong.", "feedback: no"), known)
    assert "put the text in quotes" in problems[0]


def test_prompt_may_not_hold_a_list(tmp_path, known):
    problems = _problems(
        tmp_path,
        _edit("prompt: Which one?", "prompt: |\n      Which?\n\n      - a\n      - b"),
        known,
    )
    assert "'prompt' may hold only paragraphs of text" in problems[0]


def test_unknown_key_is_named(tmp_path, known):
    assert _problems(tmp_path, _edit("    cite:", "    hint: Try.\n    cite:"), known) == [
        "bank.yml:16: question 'demo-single': unknown key 'hint' for a single question"
    ]


def test_invalid_yaml_names_the_line(tmp_path, known):
    assert _problems(tmp_path, _edit("prompt: Which one?", "prompt: [Which one?"), known)[
        0
    ].startswith("bank.yml:7: not valid YAML")


def test_missing_quiz_section(tmp_path, known):
    problems = _problems(tmp_path, "questions: []\n", known)
    assert "missing 'quiz' section with 'id' and 'title'" in problems[0]
    assert "'questions' must be a non-empty list" in problems[1]


def test_command_line_check_passes_on_the_course(root, monkeypatch, capsys):
    """The course's banks are valid AND balanced (the balance measures of quiz/balance.py)."""
    monkeypatch.chdir(root)
    status = main(["quiz", "check"])
    out, err = capsys.readouterr()
    assert status == 0, err
    assert "all valid" in out and "The keys are balanced." in out


def test_command_line_check_fails_on_a_biased_bank_naming_bank_and_measure(root, capsys):
    assert main(["quiz", "check", "--root", str(root / "tests/fixtures/biased-course")]) == 1
    err = capsys.readouterr().err
    assert (
        "book/quizzes/biased.yml: 5 of 5 single-choice keys are the longest option (100%; limit "
        "50%)"
        in err
    )
    assert (
        "book/quizzes/biased.yml: 4 of 4 multiple-select keys are exactly the longest options "
        "(100%; limit 50%)"
        in err
    )
    assert (
        "book/quizzes/biased.yml: 0 of 4 true/false answers are true (0%; allowed 30% to 70%)"
        in err
    )
    assert (
        "course (all banks): 5 of 5 single-choice keys are the longest option (100%; limit 40%)"
        in err
    )
    assert "Traceback" not in err


def test_command_line_check_prints_file_and_line(tmp_path, root, capsys):
    (tmp_path / "book" / "quizzes").mkdir(parents=True)
    (tmp_path / "book" / "course-map.yml").write_text((root / "book/course-map.yml").read_text())
    (tmp_path / "references.bib").write_text((root / "references.bib").read_text())
    (tmp_path / "book" / "quizzes" / "demo.yml").write_text(
        _edit("type: single", "type: multiple").replace("        correct: true\n", "")
    )
    assert main(["quiz", "check", "--root", str(tmp_path)]) == 1
    err = capsys.readouterr().err
    assert (
        "book/quizzes/demo.yml:8: question 'demo-single': a multiple-select question needs at "
        "least one correct option"
        in err
    )
    assert "Traceback" not in err


def test_every_objective_is_assessed_and_every_question_maps_to_an_objective(root, known):
    quizzes = load_banks(root / "book/quizzes", relative_to=root, **known)
    assessed = {
        objective for quiz in quizzes.values() for q in quiz.questions for objective in q.objectives
    }
    assert set(known["objectives"]) - assessed == set(), "objectives no question assesses"
    assert assessed <= set(known["objectives"])


def test_every_learn_chapter_has_a_check_yourself_quiz_of_five_or_more(root, course_quizzes):
    course = load_course_map(root / "book/course-map.yml")
    quizzes = course_quizzes
    assert set(course.chapters) - set(course.learn_chapters) == {
        "apply"
    }  # Apply is assessed by the knowledge check
    for chapter in course.learn_chapters:
        assert chapter in quizzes, f"no bank for chapter {chapter}"
        assert len(quizzes[chapter].questions) >= 5
        page = root / "book" / f"{course.chapters[chapter].page}.md"
        assert f"```{{quiz}} {chapter}\n" in page.read_text(), f"{page} does not place its quiz"


def test_every_bank_is_placed_on_a_page(root):
    pages = "\n".join(path.read_text() for path in (root / "book").rglob("*.md"))
    for bank in (root / "book/quizzes").glob("*.yml"):
        quiz_id = load_bank(bank).id
        assert f"```{{quiz}} {quiz_id}\n" in pages, f"quiz {quiz_id} is not on any page"


# ---- option ids, fixed options, true/false ids ---------------------------------------


def test_options_get_ids_given_or_derived_from_their_text(tmp_path, known):
    path = tmp_path / "bank.yml"
    path.write_text(
        _edit(
            "      - text: That\n",
            "      - id: that-one\n        text: That\n        fixed: true\n",
        )
    )
    options = load_bank(path, **known).questions[0].options
    assert [option.id for option in options] == [option_id("This"), "that-one"]
    assert option_id("This") == "o" + hashlib.sha256(b"This").hexdigest()[:7]
    assert [option.fixed for option in options] == [False, True]


def test_a_derived_id_survives_reordering_and_changes_with_the_text(tmp_path, known):
    first = VALID
    swapped = VALID.replace(
        "      - text: This\n        correct: true\n        feedback: Right.\n      - text: That\n "
        "       feedback: Wrong.\n",
        "      - text: That\n        feedback: Wrong.\n      - text: This\n        correct: true\n "
        "       feedback: Right.\n",
    )
    reworded = _edit("- text: That", "- text: That one")
    ids = []
    for number, text in enumerate((first, swapped, reworded)):
        path = tmp_path / f"bank{number}.yml"
        path.write_text(text)
        ids.append(
            {option.text: option.id for option in load_bank(path, **known).questions[0].options}
        )
    assert ids[0] == ids[1]
    assert ids[2]["This"] == ids[0]["This"] and ids[2]["That one"] != ids[0]["That"]


def test_true_false_options_are_true_and_false_and_never_move(tmp_path, known):
    path = tmp_path / "bank.yml"
    path.write_text(TRUE_FALSE)
    options = load_bank(path, **known).questions[0].options
    assert [(option.id, option.text, option.correct, option.fixed) for option in options] == [
        ("true", "True", False, True),
        ("false", "False", True, True),
    ]


TRUE_FALSE = """\
quiz: {id: tf, title: TF}
questions:
  - id: tf-one
    type: true-false
    prompt: Is it?
    answer: false
    if_true: A.
    if_false: B.
    explanation: C.
    objectives: [clv-explain]
"""


@pytest.mark.parametrize(
    ("option", "message"),
    [
        (
            "id: That",
            "bank.yml:13: question 'demo-single', option 2: 'id' must be lowercase letters, digits "
            "and hyphens, e.g. none-of-these (got 'That')",
        ),
        (
            "id: 7",
            "bank.yml:13: question 'demo-single', option 2: 'id' must be lowercase letters, digits "
            "and hyphens, e.g. none-of-these (got 7)",
        ),
        (
            "fixed: yes-please",
            "bank.yml:13: question 'demo-single', option 2: 'fixed' must be true or false, not "
            "'yes-please'",
        ),
    ],
)
def test_bad_option_id_or_fixed_is_named(tmp_path, known, option, message):
    assert _problems(
        tmp_path, _edit("      - text: That\n", f"      - text: That\n        {option}\n"), known
    ) == [message]


def test_option_ids_are_unique_within_a_question(tmp_path, known):
    text = _edit("      - text: This\n", "      - id: same\n        text: This\n").replace(
        "      - text: That\n", "      - id: same\n        text: That\n"
    )
    assert _problems(tmp_path, text, known) == [
        "bank.yml:13: question 'demo-single', option 2: id 'same' is already used by option 1; ids "
        "must be unique within a question"
    ]


def test_too_many_options_is_an_error(tmp_path, known):
    extra = "".join(f"      - {{text: Option {n}, feedback: No.}}\n" for n in range(MAX_OPTIONS))
    problems = _problems(
        tmp_path,
        _edit("    explanation: Because.", extra.rstrip("\n") + "\n    explanation: Because."),
        known,
    )
    assert problems == [
        f"bank.yml:8: question 'demo-single': at most {MAX_OPTIONS} options per question; it has "
        f"{MAX_OPTIONS + 2}"
    ]


def test_question_fingerprint_ignores_feedback_but_not_options(tmp_path, known):
    def fingerprint(text):
        path = tmp_path / "bank.yml"
        path.write_text(text)
        return load_bank(path, **known).questions[0].fingerprint

    base = fingerprint(VALID)
    assert len(base) == 8
    assert fingerprint(_edit("feedback: Wrong.", "feedback: Not that.")) == base
    assert fingerprint(_edit("explanation: Because.", "explanation: Since.")) == base
    assert fingerprint(_edit("- text: That", "- text: The other")) != base
    assert (
        fingerprint(
            _edit("        feedback: Wrong.", "        feedback: Wrong.\n        fixed: true")
        )
        != base
    )


# ---- practice and exam banks ---------------------------------------------------------

EXAM = """\
quiz:
  id: exam
  title: Exam
  mode: exam
  draw: {size: 3, min_per_chapter: 1}
questions:
""" + "".join(
    f"""  - id: exam-{n}
    type: numeric
    prompt: Question {n}?
    answer: {n}
    tolerance: 0
    if_correct: Yes.
    if_incorrect: No.
    explanation: Because.
    objectives: [{objective}]
"""
    for n, objective in enumerate(["clv-explain", "clv-compare", "value-define", "nps"], 1)
)


def test_exam_bank_loads_with_its_draw_and_each_question_its_chapter(tmp_path, known):
    path = tmp_path / "bank.yml"
    path.write_text(EXAM)
    quiz = load_bank(path, **known)
    assert (quiz.mode, quiz.draw) == ("exam", Draw(size=3, min_per_chapter=1))
    assert [q.chapter for q in quiz.questions] == [
        "lifetime-value",
        "lifetime-value",
        "customers-and-loyalty",
        "knowing-customers",
    ]


def test_a_question_counts_for_the_chapter_of_its_first_objective(tmp_path, known):
    path = tmp_path / "bank.yml"
    path.write_text(EXAM.replace("objectives: [nps]", "objectives: [nps, clv-explain]"))
    assert load_bank(path, **known).questions[3].chapter == "knowing-customers"


def test_practice_is_the_default_mode(tmp_path, known):
    path = tmp_path / "bank.yml"
    path.write_text(VALID)
    quiz = load_bank(path, **known)
    assert (quiz.mode, quiz.draw) == ("practice", None)


@pytest.mark.parametrize(
    ("old", "new", "message"),
    [
        (
            "  mode: exam\n",
            "  mode: test\n",
            "bank.yml:4: quiz: 'mode' must be practice or exam (got 'test')",
        ),
        (
            "  mode: exam\n",
            "",
            "bank.yml:4: quiz: 'draw' is only for exam banks; add 'mode: exam' or remove 'draw'",
        ),
        (
            "  draw: {size: 3, min_per_chapter: 1}\n",
            "",
            "bank.yml:4: quiz: an exam bank needs 'draw: {size: 16, min_per_chapter: 2}'",
        ),
        (
            "size: 3",
            "size: 0",
            "bank.yml:5: quiz: draw 'size' must be a whole number of at least 1 (got 0)",
        ),
        (
            "min_per_chapter: 1",
            "min_per_chapter: 1.5",
            "bank.yml:5: quiz: draw 'min_per_chapter' must be a whole number of at least 0 (got "
            "1.5)",
        ),
        (
            "min_per_chapter: 1}",
            "min_per_chapter: 1, max: 3}",
            "bank.yml:5: quiz: unknown key 'max' in 'draw' (use size, min_per_chapter)",
        ),
        (
            "min_per_chapter: 1",
            "min_per_chapter: 2",
            "bank.yml:5: quiz: chapter 'customers-and-loyalty' has 1 item; the draw needs at least "
            "2 from each chapter",
        ),
        (
            "size: 3",
            "size: 2",
            "bank.yml:5: quiz: a draw of 2 cannot hold 1 from each of 3 chapters; raise 'size' or "
            "lower 'min_per_chapter'",
        ),
        (
            "  title: Exam\n",
            "  title: Exam\n  shuffle: false\n",
            "bank.yml:4: quiz: unknown key 'shuffle' (use id, title, pass_mark, mode, draw)",
        ),
    ],
)
def test_exam_header_problems_are_named_with_their_line(tmp_path, known, old, new, message):
    assert old in EXAM
    problems = _problems(tmp_path, EXAM.replace(old, new), known)
    assert problems[0] == message and all(problem.startswith(message[:11]) for problem in problems)


def test_an_exam_fixture_bank_satisfies_its_draw(root):
    course = load_course_map(root / "tests/fixtures/exam-course/book/course-map.yml")
    quiz = load_bank(
        root / "tests/fixtures/exam-course/book/quizzes/knowledge-check.yml",
        objectives=course.objectives,
    )
    assert quiz.draw == Draw(16, 2) and len(quiz.questions) == 35
    assert set(quiz.chapters()) == set(course.chapters)


# ---- the knowledge check: a summative pool, stratified by chapter ------------------------------


def _chapter_of(question, objectives):
    """A question's chapter: its first objective's."""
    return objectives[question.objectives[0]].chapter


def test_knowledge_check_pool_covers_every_chapter_and_every_objective(root, course_quizzes):
    course = load_course_map(root / "book/course-map.yml")
    check = course_quizzes["knowledge-check"]
    per_chapter = {chapter: 0 for chapter in course.chapters}
    for question in check.questions:
        per_chapter[_chapter_of(question, course.objectives)] += 1
    assert min(per_chapter.values()) >= 5, per_chapter  # so that draws of two per chapter vary
    in_pool = {objective for question in check.questions for objective in question.objectives}
    assert set(course.objectives) - in_pool == set(), "objectives with no knowledge-check item"


def test_every_learn_objective_is_assessed_by_a_chapter_quiz(root, course_quizzes):
    course = load_course_map(root / "book/course-map.yml")
    quizzes = course_quizzes
    in_chapter_quizzes = {
        objective
        for quiz_id, quiz in quizzes.items()
        if quiz_id != "knowledge-check"
        for question in quiz.questions
        for objective in question.objectives
    }
    learn = {
        key
        for key, objective in course.objectives.items()
        if objective.chapter in course.learn_chapters
    }
    assert learn - in_chapter_quizzes == set()


def _words(prompt_html: str) -> list[str]:
    return re.sub(r"<[^>]+>|[^a-z0-9 ]", " ", prompt_html.lower()).split()


def test_no_knowledge_check_prompt_is_a_near_copy_of_a_chapter_item(course_quizzes):
    """Compared word by word: the old check's restated items scored 0.70 to 0.84, the new pool at
    most 0.52."""
    quizzes = course_quizzes
    matchers = {
        question.id: difflib.SequenceMatcher(None, [], _words(question.prompt))
        for quiz_id, quiz in quizzes.items()
        if quiz_id != "knowledge-check"
        for question in quiz.questions
    }
    for question in quizzes["knowledge-check"].questions:
        for other, matcher in matchers.items():
            matcher.set_seq1(_words(question.prompt))
            assert matcher.ratio() < 0.6, (
                f"{question.id} reads like {other} ({matcher.ratio():.2f})"
            )


def test_every_option_of_the_course_banks_has_an_id(root):
    for path in sorted((root / "book/quizzes").glob("*.yml")):
        for question in yaml.safe_load(path.read_text())["questions"]:
            for option in question.get("options", []):
                assert "id" in option, (
                    f"{path.name}: {question['id']}: option {option['text']!r} has no id"
                )


# ---- figures of the invented cases: computed, never typed ------------------------------------


def test_a_case_placeholder_in_a_bank_is_replaced_by_the_computed_figure(tmp_path, known):
    from customer_focus.course import cases

    path = tmp_path / "bank.yml"
    path.write_text(
        _edit(
            "prompt: Which one?",
            "prompt: Harbor is worth {case:opening.harbor.lifetime_value}. Which one?",
        )
    )
    prompt = load_bank(path, **known).questions[0].prompt
    figure = cases.figure("opening.harbor.lifetime_value")
    assert figure.startswith("$") and f"Harbor is worth {figure}." in prompt


def test_an_unknown_case_placeholder_is_reported_at_its_line(tmp_path, known):
    problems = _problems(
        tmp_path, _edit("prompt: Which one?", "prompt: Worth {case:opening.harbour.value}?"), known
    )
    assert any(
        problem.startswith("bank.yml:7:") and "{case:opening.harbour.value}" in problem
        for problem in problems
    ), problems
