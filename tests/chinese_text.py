"""Checks that a message the package says in Chinese says the English's message: Chinese
text, no English word left (apart from the names it quotes and the formats' names), the same
numbers. Import it from a test as ``from chinese_text import assert_chinese, both``."""

from __future__ import annotations

import re

from customer_focus.core.messages import language

#: Words a Chinese message keeps in English: the names of formats, programs and encodings.
KEPT = {"CSV", "UTF", "Excel", "Big", "Windows", "Unicode", "xlsx", "csv", "yes", "no", "true",
        "false", "hint"}


def english_words(text: str, *names: str) -> list[str]:
    """The English words of ``text`` apart from ``names``, quoted text, code and :data:`KEPT`.

    >>> english_words("欄位 'annual_margin' 必須是數字；Excel 可以另存", "x")
    []
    >>> english_words("retention must be a number", "retention")
    ['must', 'be', 'number']
    """
    for name in sorted(names, key=len, reverse=True):
        text = re.sub(rf"(?<![\w.]){re.escape(name)}(?![\w])", " ", text)
    text = re.sub(r"'[^']*'|`[^`]*`|\S+\.(?:csv|xlsx)\b", " ", text)
    return [word for word in re.findall(r"[A-Za-z]{2,}", text) if word not in KEPT]


def numbers_in(text: str) -> list[str]:
    """The numbers of a message, in order.

    >>> numbers_in("a from 0 to 1; you gave 80. If you meant 80%, type 0.8.")
    ['0', '1', '80', '80', '0.8']
    """
    return re.findall(r"\d+(?:[.,]\d+)*", text)


def both(say) -> tuple[str, str]:
    """What ``say()`` raises (or returns), in English and in Chinese."""
    said = []
    for code in (None, "zh_TW"):
        with language(code):
            try:
                said.append(str(say()))
            except (ValueError, FileNotFoundError, RuntimeError) as error:
                said.append(str(error))
    return said[0], said[1]


def assert_chinese(english: str, chinese: str, *names: str) -> None:
    """``chinese`` says ``english`` in Chinese: Chinese, no English words, the same numbers
    (each once or more: a translation may repeat a bound, "from 0 to 1 (1 not included)")."""
    assert re.search(r"[\u4e00-\u9fff]", chinese), chinese
    assert english_words(chinese, *names) == [], chinese
    assert set(numbers_in(chinese)) == set(numbers_in(english)), (english, chinese)
