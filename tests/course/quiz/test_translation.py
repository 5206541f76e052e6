"""Translated question banks: the overlay's checks, id parity, grading alike in both languages."""

from __future__ import annotations

import math
import textwrap
from pathlib import Path

import pytest
import yaml

from customer_focus.course.quiz import grade
from customer_focus.course.quiz.balance import balance_report
from customer_focus.course.quiz.bank import BankError, Question, Quiz, load_bank, translate_quiz
from customer_focus.course.translation import translation_path
from quiz_cases import load_cases

ROOT = Path(__file__).resolve().parents[3]
BANKS = sorted((ROOT / "book/quizzes").glob("*.yml"))
LOCALES = ROOT / "locales"
LANGUAGES = sorted(path.name for path in LOCALES.iterdir() if (path / "quizzes").is_dir())
TRANSLATED = [
    (language, bank) for language in LANGUAGES for bank in BANKS
    if translation_path("quizzes", bank, language, locales=LOCALES).is_file()
]


def _source(path: Path) -> str:
    return path.relative_to(ROOT).as_posix()


def _load(bank: Path, language: str | None = None) -> Quiz:
    return load_bank(bank, source=_source(bank), language=language, locales=LOCALES)


# ---- every translation of the course -------------------------------------------------


def test_there_are_translations_to_check():
    assert "zh_TW" in LANGUAGES and TRANSLATED


@pytest.mark.parametrize(("language", "bank"), TRANSLATED, ids=lambda x: getattr(x, "stem", x))
def test_a_translation_has_exactly_the_english_ids_and_text_keys(language, bank):
    # load_bank checks the translation against the English bank: a question, option or mistake
    # missing or extra, a text key missing or extra, a text that is not a string, each at its
    # file and line. The messages say which.
    _load(bank, language)


def _missing(language: str) -> list[str]:
    return [bank.stem for bank in BANKS
            if not translation_path("quizzes", bank, language, locales=LOCALES).is_file()]


@pytest.mark.xfail(
    bool(_missing("zh_TW")), strict=False,
    reason=f"banks not yet translated into zh_TW: {', '.join(_missing('zh_TW'))}",
)
def test_every_bank_has_a_chinese_translation():
    assert _missing("zh_TW") == []


@pytest.mark.parametrize(("language", "bank"), TRANSLATED, ids=lambda x: getattr(x, "stem", x))
def test_a_translated_bank_keeps_the_english_keys_for_saved_progress(language, bank):
    english, translated = _load(bank), _load(bank, language)
    assert translated.id == english.id and translated.fingerprint == english.fingerprint
    assert translated.title != english.title
    for mine, theirs in zip(translated.questions, english.questions, strict=True):
        assert (mine.id, mine.type) == (theirs.id, theirs.type)
        assert mine.fingerprint == theirs.fingerprint
        assert [(o.id, o.correct, o.fixed) for o in mine.options] == [
            (o.id, o.correct, o.fixed) for o in theirs.options
        ]
        assert (mine.answer, mine.tolerance, mine.unit, mine.objectives, mine.chapter) == (
            theirs.answer, theirs.tolerance, theirs.unit, theirs.objectives, theirs.chapter
        )
        assert [value for value, _ in mine.mistakes] == [value for value, _ in theirs.mistakes]
        assert mine.prompt != theirs.prompt


def _responses(question: Question) -> list[object]:
    """Every kind of answer a learner can give a question."""
    if question.type == "numeric":
        answer = question.answer
        return [
            str(answer), f"{answer + question.tolerance:g}", f"{answer + question.tolerance + 1:g}",
            *(f"{value:g}" for value, _ in question.mistakes), "", "abc", None,
        ]
    ids = [option.id for option in question.options]
    correct = [option.id for option in question.options if option.correct]
    if question.type == "multiple":
        return [correct, ids, [ids[0]], [ids[-1]], correct[:1], [], None]
    return [*ids, None, "unknown", ids]


@pytest.mark.parametrize(("language", "bank"), TRANSLATED, ids=lambda x: getattr(x, "stem", x))
def test_a_translated_bank_grades_exactly_like_the_english(language, bank):
    english, translated = _load(bank), _load(bank, language)
    for mine, theirs in zip(translated.questions, english.questions, strict=True):
        for response in _responses(theirs):
            assert grade(mine, response).verdict == grade(theirs, response).verdict, (
                mine.id, response,
            )
            assert mine.to_data().keys() == theirs.to_data().keys()


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_translated_banks_do_not_give_their_keys_away(language):
    # The banks of that language's build: each translated bank, the English of the others.
    quizzes = [_load(bank, language if (language, bank) in TRANSLATED else None) for bank in BANKS]
    failed = [m.message for m in balance_report(quizzes) if m.failed]
    assert failed == []


# ---- the shared grading cases, in both languages --------------------------------------


def _translation_of(quiz: Quiz) -> dict:
    """A translation of a bank with every text replaced by Chinese words."""
    questions = []
    for question in quiz.questions:
        item: dict = {"id": question.id, "prompt": f"題目 {question.id}", "explanation": "解說。"}
        if question.type == "true-false":
            item.update(if_true="選了「對」。", if_false="選了「錯」。")
        elif question.type == "numeric":
            item.update(if_correct="正確。", if_incorrect="不對。")
            if question.mistakes:
                item["mistakes"] = [{"value": value, "feedback": f"錯在 {value:g}。"}
                                    for value, _ in question.mistakes]
        else:
            item["options"] = [{"id": o.id, "text": f"選項 {o.id}", "feedback": f"回饋 {o.id}。"}
                               for o in question.options]
        questions.append(item)
    return {"quiz": {"id": quiz.id, "title": "測驗"}, "questions": questions}


def test_the_shared_grading_cases_grade_the_same_in_chinese(tmp_path):
    questions, cases = load_cases()
    english = Quiz("cases", "Cases", tuple(questions.values()), "cases.yml")
    path = tmp_path / "cases.yml"
    path.write_text(yaml.safe_dump(_translation_of(english), allow_unicode=True), encoding="utf-8")
    chinese = translate_quiz(english, path, language="zh_TW")
    by_id = {question.id: question for question in chinese.questions}
    for case in cases:
        mine = by_id[questions[case["question"]].id]
        result = grade(mine, case["response"])
        assert result.verdict == case["verdict"], case
        assert result.verdict == grade(questions[case["question"]], case["response"]).verdict
        if result.verdict != "invalid":
            assert any(word in result.feedback for word in ("回饋", "正確", "不對", "錯在", "選了"))
    true_false = by_id["case-true-false"]
    assert [o.text for o in true_false.options] == ["對", "錯"]
    assert true_false.fingerprint == questions["true-false"].fingerprint


# ---- the overlay's checks, each at its file and line -----------------------------------

BANK = textwrap.dedent("""\
    quiz:
      id: demo
      title: Demo
    questions:
      - id: pick
        type: single
        prompt: Pick one.
        options:
          - {id: yes-option, text: "Yes", correct: true, feedback: Right.}
          - {id: no-option, text: "No", feedback: Wrong.}
        explanation: Because.
        objectives: [test]
      - id: count
        type: numeric
        prompt: How many?
        answer: 10
        tolerance: 0
        if_correct: Right.
        if_incorrect: Wrong.
        mistakes:
          - {value: 5, feedback: Half.}
        explanation: Ten.
        objectives: [test]
""")

GOOD = textwrap.dedent("""\
    quiz:
      id: demo
      title: 示範
    questions:
      - id: pick
        prompt: 選一個。
        options:
          - id: yes-option
            text: 是
            feedback: 對。
          - id: no-option
            text: 否
            feedback: 錯。
        explanation: 因為。
      - id: count
        prompt: 有幾個？
        if_correct: 對。
        if_incorrect: 錯。
        mistakes:
          - value: 5
            feedback: 一半。
        explanation: 十個，共 {case:opening.harbor.lifetime_value}。
""")


def _course(tmp_path: Path, translation: str) -> tuple[Path, Path]:
    (tmp_path / "book/quizzes").mkdir(parents=True)
    bank = tmp_path / "book/quizzes/demo.yml"
    bank.write_text(BANK, encoding="utf-8")
    target = tmp_path / "locales/zh_TW/quizzes/demo.yml"
    target.parent.mkdir(parents=True)
    target.write_text(translation, encoding="utf-8")
    return bank, tmp_path / "locales"


def _problems(tmp_path: Path, translation: str) -> list[str]:
    bank, locales = _course(tmp_path, translation)
    with pytest.raises(BankError) as caught:
        load_bank(bank, source="book/quizzes/demo.yml", language="zh_TW", locales=locales,
                  objectives=["test"])
    return [f"{Path(p.file).name}:{p.line}: {p.message}" for p in caught.value.problems]


def test_a_good_translation_gives_the_chinese_text_and_the_english_grading(tmp_path):
    bank, locales = _course(tmp_path, GOOD)
    english = load_bank(bank, objectives=["test"])
    chinese = load_bank(bank, objectives=["test"], language="zh-TW", locales=locales)
    assert chinese.title == "示範"
    pick, count = chinese.questions
    assert pick.prompt == "<p>選一個。</p>" and [o.text for o in pick.options] == ["是", "否"]
    assert [o.correct for o in pick.options] == [True, False]
    assert count.mistakes == ((5.0, "<p>一半。</p>"),) and count.answer == 10
    assert "$108,000" in count.explanation  # case placeholders are expanded as in the English
    assert chinese.fingerprint == english.fingerprint
    assert [q.fingerprint for q in chinese.questions] == [q.fingerprint for q in english.questions]
    assert grade(count, "10").verdict == "correct" and grade(count, "5").feedback == "<p>一半。</p>"
    assert load_bank(bank, objectives=["test"], language="en", locales=locales) == english


def test_a_missing_translation_is_an_error_or_the_english_when_asked(tmp_path):
    bank, locales = _course(tmp_path, GOOD)
    (locales / "zh_TW/quizzes/demo.yml").unlink()
    with pytest.raises(BankError, match=r"demo.yml:1: no translation into zh_TW: write .*demo.yml"):
        load_bank(bank, objectives=["test"], language="zh_TW", locales=locales)
    english = load_bank(bank, objectives=["test"])
    assert load_bank(bank, objectives=["test"], language="zh_TW", locales=locales,
                     fallback=True) == english


def test_a_missing_question_is_named_with_the_english_line(tmp_path):
    text = GOOD.split("  - id: count")[0]
    problems = _problems(tmp_path, text)
    assert problems == [
        "demo.yml:5: questions: question 'count' of the English (book/quizzes/demo.yml:13) is "
        "missing; translate it"
    ]


def test_an_extra_question_is_named_at_its_line(tmp_path):
    text = GOOD + "  - id: other\n    prompt: 多的。\n"
    assert _problems(tmp_path, text) == [
        "demo.yml:23: questions: question id 'other' is not in the English "
        "(book/quizzes/demo.yml); remove it or correct the id"
    ]


def test_questions_out_of_order_are_named(tmp_path):
    first, second = GOOD.split("  - id: count")
    head, pick = first.split("  - id: pick")
    text = head + "  - id: count" + second + "  - id: pick" + pick
    problems = _problems(tmp_path, text)
    assert len(problems) == 1 and "question 'count' is out of order" in problems[0]
    assert problems[0].startswith("demo.yml:5:")


def test_a_missing_or_extra_option_is_named(tmp_path):
    text = GOOD.replace("- id: no-option", "- id: maybe-option")
    problems = _problems(tmp_path, text)
    assert "demo.yml:11: question 'pick', options: option id 'maybe-option' is not in the English" \
        in problems[0]
    assert "option 'no-option' of the English (book/quizzes/demo.yml:5) is missing" in problems[1]
    assert len(problems) == 2


def test_a_missing_or_extra_text_key_is_named(tmp_path):
    text = GOOD.replace("if_incorrect: 錯。", "hint: 提示。")
    assert _problems(tmp_path, text) == [
        "demo.yml:15: question 'count': missing 'if_incorrect' (the English has it; translate it)",
        "demo.yml:18: question 'count': 'hint' is not in the English (it has id, prompt, "
        "if_correct, if_incorrect, explanation, mistakes); remove it",
    ]


def test_a_text_that_is_not_a_string_is_named(tmp_path):
    text = GOOD.replace("text: 是", "text: yes")
    assert _problems(tmp_path, text) == [
        "demo.yml:9: question 'pick', option 'yes-option': 'text' must be text in quotes, not bool"
    ]


def test_a_mistake_is_keyed_by_its_english_value(tmp_path):
    text = GOOD.replace("- value: 5", "- value: 6")
    assert _problems(tmp_path, text) == [
        "demo.yml:20: question 'count', mistake 1: value 6 is not a mistake of the English "
        "(its values: 5)",
        "demo.yml:20: question 'count': the English mistake with value 5 is missing; translate "
        "its feedback",
    ]


def test_an_unknown_case_figure_and_a_wrong_quiz_id_are_named(tmp_path):
    text = GOOD.replace("id: demo", "id: other").replace(
        "opening.harbor.lifetime_value", "opening.harbor.lifetime_valu"
    )
    problems = _problems(tmp_path, text)
    assert problems[0] == (
        "demo.yml:2: quiz: 'id' must be the English bank's id 'demo' (got 'other')"
    )
    assert problems[1].startswith("demo.yml:22: question 'count': 'explanation': ")
    assert "opening.harbor.lifetime_valu" in problems[1]


def test_a_translation_is_not_a_math_free_zone(tmp_path):
    # Numbers in the text are the translator's; grading numbers always come from the English.
    bank, locales = _course(tmp_path, GOOD.replace("有幾個？", "有幾個？$x^2$"))
    count = load_bank(bank, objectives=["test"], language="zh_TW", locales=locales).questions[1]
    assert count.has_math and math.isclose(count.answer, 10)
