"""The widgets' fixed words: complete in every language, and every word the scripts use is there."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from customer_focus.core.problems import DataFileError
from customer_focus.course.words import LANGUAGES, check_words, say, words

ROOT = Path(__file__).resolve().parents[2]
STATIC = ROOT / "src/customer_focus/static"
PYTHON = ROOT / "src/customer_focus/sphinxext"


@pytest.mark.parametrize(("widget", "script", "module"), [
    ("quiz", "quiz.js", "quiz.py"), ("scenario", "scenario.js", "scenario.py"),
])
def test_every_word_a_script_uses_is_in_every_language_and_every_word_is_used(
    widget, script, module
):
    js = (STATIC / script).read_text(encoding="utf-8")
    py = (PYTHON / module).read_text(encoding="utf-8")
    if widget == "quiz":  # a true/false question's options are the words "true" and "false"
        py += (ROOT / "src/customer_focus/course/quiz/bank.py").read_text(encoding="utf-8")
    used = set(re.findall(r"(?<![\w-])(?:W|w|words)\.([a-z_]+)", js))
    used |= set(re.findall(r'(?:word|vocabulary)\["([a-z_]+)"\]', py))
    used -= {"quiz"}  # window.customerFocus.quiz
    for language in LANGUAGES:
        table = words(widget, language)
        assert sorted(used - set(table)) == [], language
    plural = {name.rsplit("_", 1)[0] for name in words(widget) if name.endswith(("_one", "_other"))}
    unused = [name for name in words(widget) if name not in used
              and name.rsplit("_", 1)[0] not in plural]
    assert unused == []


def test_the_grader_words_of_quiz_js_are_the_english_ones():
    js = (STATIC / "quiz.js").read_text(encoding="utf-8")
    block = re.search(r"var GRADER_WORDS = \{(.*?)\};", js, flags=re.S).group(1)
    grader = dict(re.findall(r'([a-z_]+): "([^"]*)"', block))
    english = words("quiz")
    assert grader == {name: english[name] for name in grader}


def test_a_chinese_word_keeps_every_slot_and_has_no_english_letters():
    english, chinese = words("quiz"), words("quiz", "zh-TW")
    for name, text in chinese.items():
        assert set(re.findall(r"\{\w+\}", text)) == set(re.findall(r"\{\w+\}", english[name]))
        letters = re.sub(r"\{\w+\}|</?strong>", "", text)
        assert not re.search(r"[A-Za-z]{2,}", letters.replace("JavaScript", "").replace(
            "Jupyter", "")), name
    assert say(chinese["question_number"], n=3, total=10) == "第 3 題（共 10 題）"


def test_a_word_missing_a_language_or_a_slot_is_named_at_its_line():
    with pytest.raises(DataFileError) as caught:
        check_words({"quiz": {"check": {"en": "Check"}, "score": {"en": "{right}", "zh_TW": "x"}}},
                    source="words.yml")
    messages = [problem.message for problem in caught.value.problems]
    assert messages == [
        "quiz.check: missing 'zh_TW' (text)",
        "quiz.score: zh_TW must keep {right}, as the English has it",
    ]
