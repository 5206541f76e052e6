"""The exercises speak Chinese in a Chinese notebook: their questions, hints, solutions,
takeaways, mistakes and reasons from the tools' translations (``exercise:`` in
``locales/zh_TW/tools/<tool>.yml``; the lab's ``locales/zh_TW/tools/lab/exercise.yml``).

The words are taken when a notebook imports an exercise, in the language the package then
speaks, so each edition is read in a Python of its own, as a notebook's kernel is."""

from __future__ import annotations

import json
import re
import subprocess
import sys

import pytest

from chinese_text import QUOTED_NAMES
from customer_focus.core.messages import ENVIRONMENT
from customer_focus.tools.spec import load_spec, spec_tools

#: Every exercise module: each tool's with an exercise, and the lab's.
MODULES = [f"customer_focus.tools.{tool}.exercise" for tool in spec_tools()
           if load_spec(tool).exercise] + ["customer_focus.tools.lab.exercise"]
#: Four English words or more in a row, outside code.
PHRASE = re.compile(r"(?<![\w'])(?:[A-Za-z][a-z]+[,:;]?\s+){3,}[A-Za-z][a-z]+")
#: What a Chinese text keeps as written: code, math, quoted values, citations (with a year).
CODE = re.compile(r"`[^`]*`|\$[^$]*\$|'[^']*'|\"[^\"]*\""
                  r"|（[^（）]*\d{4}[^（）]*）|\([^()]*\d{4}[^()]*\)")
CJK = re.compile(r"[\u4e00-\u9fff]")

SAY = """
import importlib, json, sys
texts = {}
for name in sys.argv[1:]:
    exercise = importlib.import_module(name).exercise
    for key, question in exercise.questions.items():
        said = [question.prompt, question.hint_text, question.solution_text, question.takeaway]
        said += [mistake.explanation for mistake in getattr(question, "mistakes", ())]
        said += list(dict(getattr(question, "reasons", {})).values())
        texts[f"{name}.{key}"] = [text for text in said if text]
print(json.dumps(texts, ensure_ascii=False))
"""


def said(language: str | None) -> dict[str, list[str]]:
    """Every text of every exercise, as a notebook speaking ``language`` imports them."""
    import os

    environment = {key: value for key, value in os.environ.items() if key != ENVIRONMENT}
    if language:
        environment[ENVIRONMENT] = language
    result = subprocess.run([sys.executable, "-c", SAY, *MODULES], capture_output=True,
                            text=True, env=environment, check=True)
    return json.loads(result.stdout)


@pytest.fixture(scope="module")
def both() -> tuple[dict[str, list[str]], dict[str, list[str]]]:
    return said(None), said("zh_TW")


def test_every_exercise_is_read(both):
    english, chinese = both
    assert len(MODULES) == 10
    assert len(english) == len(chinese) == 40


def test_each_question_says_as_many_texts_in_chinese(both):
    english, chinese = both
    assert {key: len(texts) for key, texts in chinese.items()} == \
        {key: len(texts) for key, texts in english.items()}


def test_the_english_words_are_unchanged(both):
    english, _chinese = both
    for texts in english.values():
        assert not any(CJK.search(text) for text in texts)


def test_every_text_is_chinese(both):
    english, chinese = both
    for key, texts in chinese.items():
        for source, text in zip(english[key], texts, strict=True):
            if re.search(r"[A-Za-z]{3,}", CODE.sub(" ", source)):  # prose, not only code
                assert CJK.search(text), f"{key}: English left: {text[:120]!r}"
            prose = CODE.sub(" ", text)
            left = [phrase for phrase in PHRASE.findall(prose)
                    if not any(phrase in name for name in QUOTED_NAMES)]
            assert left == [], f"{key}: English phrase in {text[:200]!r}"
            assert not re.search(r"\{[a-z_]+\}", text), f"{key}: a value not filled in: {text}"
