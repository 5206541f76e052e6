"""The fixed words of the book's quizzes and scenario, in each language of the course.

The buttons, score lines, help texts and screen-reader labels of the quiz and
scenario widgets live in ``data/widget-words.yml``, one entry per word with its
English (``en``) and each translation (``zh_TW``). The Sphinx directives write
the page's language's words into the page's data, and ``quiz.js`` and
``scenario.js`` take every word they show from there, so a Chinese page holds
no English. Checked on load: every word is in every language, each text is a
string, and each translation keeps exactly the English's ``{name}`` slots.
"""

from __future__ import annotations

import re
from functools import cache

from ..core.paths import package_file
from ..core.problems import Problems
from ..core.yamlfile import load_yaml
from .translation import language_code

__all__ = ["LANGUAGES", "words", "supported", "say", "check_words"]

#: The languages every word must have: the English source and each translation.
LANGUAGES = ("en", "zh_TW")
_SOURCE = "src/customer_focus/data/widget-words.yml"
_SLOT = re.compile(r"\{([a-z_]+)\}")


def check_words(data: object, source: str = _SOURCE) -> dict[str, dict[str, dict[str, str]]]:
    """The words by widget, word and language, checked; raise listing every problem.

    Examples
    --------
    >>> check_words({"quiz": {"check": {"en": "Check", "zh_TW": "檢查答案"}}})["quiz"]["check"]
    {'en': 'Check', 'zh_TW': '檢查答案'}
    >>> check_words({"quiz": {"score": {"en": "{right} of {total}", "zh_TW": "{right}"}}})
    Traceback (most recent call last):
    ...
    customer_focus.core.problems.DataFileError: ...: quiz.score: zh_TW must keep {total}...
    """
    found = Problems(source)
    table: dict[str, dict[str, dict[str, str]]] = {}
    if not isinstance(data, dict):
        found.add(data, None, "needs a mapping of widgets (quiz, scenario) to their words")
        found.raise_if_any()
    for widget, entries in data.items():
        if not isinstance(entries, dict):
            found.add(data, widget, f"{widget}: must be a mapping of words")
            continue
        table[widget] = {}
        for name, texts in entries.items():
            where = f"{widget}.{name}"
            if not isinstance(texts, dict):
                found.add(entries, name, f"{where}: must give the word in {', '.join(LANGUAGES)}")
                continue
            found.keys(texts, set(LANGUAGES), where)
            values = {language: found.text(texts, language, where, required=True)
                      for language in LANGUAGES}
            english = values["en"]
            if english is None or any(value is None for value in values.values()):
                continue
            slots = set(_SLOT.findall(english))
            for language, value in values.items():
                own = set(_SLOT.findall(value))
                for slot in sorted(slots - own):
                    found.add(texts, language, f"{where}: {language} must keep {{{slot}}}, as the "
                              "English has it")
                for slot in sorted(own - slots):
                    found.add(texts, language, f"{where}: {language} has {{{slot}}}, which the "
                              "English lacks")
            table[widget][name] = {language: str(value) for language, value in values.items()}
    found.raise_if_any()
    return table


@cache
def _table() -> dict[str, dict[str, dict[str, str]]]:
    return check_words(load_yaml(package_file("data", "widget-words.yml"), source=_SOURCE))


def words(widget: str, language: str | None = None) -> dict[str, str]:
    """Every word of a widget (``"quiz"`` or ``"scenario"``) in a language (``None``: English).

    Examples
    --------
    >>> words("quiz")["check"], words("quiz", "zh_TW")["check"]
    ('Check', '檢查答案')
    >>> words("quiz", "fr")
    Traceback (most recent call last):
    ...
    ValueError: no words in 'fr' for the quiz; the languages are en, zh_TW
    """
    code = language_code(language) or "en"
    if code not in LANGUAGES:
        raise ValueError(f"no words in {code!r} for the {widget}; the languages are "
                         f"{', '.join(LANGUAGES)}")
    return {name: texts[code] for name, texts in _table()[widget].items()}


def supported(language: str | None) -> str | None:
    """The words' language for a build's ``language``: its code when the words have it, else
    ``None`` (English, for English and for a language the words lack).

    Examples
    --------
    >>> supported("zh-TW"), supported("en"), supported("fr")
    ('zh_TW', None, None)
    """
    code = language_code(language)
    return code if code in LANGUAGES else None


def say(text: str, **values: object) -> str:
    """A word with its ``{name}`` slots filled in (as the page's scripts do).

    Examples
    --------
    >>> say("Question {n} of {total}", n=2, total=5)
    'Question 2 of 5'
    """
    return _SLOT.sub(lambda match: str(values[match.group(1)]), text)
