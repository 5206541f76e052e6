"""Checks that a message the package says in Chinese says the English's message: Chinese
text, no English word left (apart from the names it quotes and the formats' names), the same
numbers. Import it from a test as ``from chinese_text import assert_chinese, both``; a tool's
messages test takes its three checks from :func:`message_checks` and the page's results in both
languages from :func:`both_pages`; :func:`fixed_words_left` finds the English fixed words of the
course's widgets (quiz, scenario) left on a Chinese page.

The checks are strict by default in what counts (every English word of two letters or more,
every number); a test loosens them only by naming what its message may keep (``names``,
``kept``) and tightens them with ``word`` (one-letter words too), ``percent``, ``signed``,
``dollar`` (80 and 80%, +5 and 5, $5 and 5 are different numbers) and ``how`` (each number as
many times as in the English, or in its order)."""

from __future__ import annotations

import json
import re
from collections.abc import Callable, Collection
from functools import partial

from customer_focus.core.messages import ENVIRONMENT, language
from customer_focus.course.words import words
from customer_focus.tools import live

#: Words a Chinese message keeps in English: the names of formats, programs and encodings.
KEPT = frozenset({"CSV", "UTF", "Excel", "Big", "GBK", "Windows", "Unicode", "xlsx", "csv", "yes",
                  "no", "true", "false", "hint"})
#: Names a Chinese page or notebook quotes in English that references.bib does not spell out:
#: an index's name, and the titles of chapters and sections of works it cites (quoted as
#: titles, with a translation).
QUOTED_NAMES = frozenset({
    "Norwegian Customer Satisfaction Barometer",
    "The Centrality of Value",
    "Results, Costs, Price, Value, and Profit",
    "Leadership Underlies the Chain’s Success",
})
#: What counts as an English word by default: two letters or more.
WORD = r"[A-Za-z]{2,}"
#: Quoted text, code and the names of files: what a message quotes from the learner or the code.
QUOTED = r"'[^']*'|`[^`]*`|\S+\.(?:csv|xlsx)\b"


def english_words(text: str, *names: str, kept: Collection[str] | re.Pattern = KEPT,
                  quoted: bool | str = True, word: str = WORD) -> list[str]:
    """The English words of ``text`` apart from ``names``, quoted text, code and ``kept``.

    Parameters
    ----------
    text : str
        The message.
    *names : str
        Names (of people, columns, inputs; a phrase or a single word) the message may quote;
        each is taken out where it stands as a whole (not inside a longer English word).
    kept : collection of str or compiled pattern
        Words the message may keep wherever they stand (a word kept if it is in the collection,
        or if the pattern matches all of it); :data:`KEPT` unless given.
    quoted : bool or str
        Leave out quoted text, code in backticks and file names (:data:`QUOTED`); ``False``
        for a test that wants to see them too; a pattern to leave out what it matches instead.
    word : str
        The pattern of a word; :data:`WORD` (two letters or more) unless given.

    Returns
    -------
    list of str
        The English words left, in order.

    Examples
    --------
    >>> english_words("欄位 'annual_margin' 必須是數字；Excel 可以另存", "x")
    []
    >>> english_words("retention must be a number", "retention")
    ['must', 'be', 'number']
    >>> english_words("Order date 不是日期；W_tangibles 與 a", kept=re.compile(r"W_[a-z]+|a"),
    ...               word=r"[A-Za-z][A-Za-z_]*")
    ['Order', 'date']
    >>> english_words("'%Y-%m-%d' 或 %d/%m", kept=(), quoted=r"'[^']*'|%[a-zA-Z]")
    []
    """
    for name in sorted(names, key=len, reverse=True):
        before = r"(?<![A-Za-z0-9_.])" if re.match(r"\w", name) else ""
        after = r"(?![A-Za-z0-9_])" if re.search(r"\w$", name) else ""
        text = re.sub(before + re.escape(name) + after, " ", text)
    if quoted:
        text = re.sub(QUOTED if quoted is True else quoted, " ", text)
    if isinstance(kept, re.Pattern):
        return [found for found in re.findall(word, text) if not kept.fullmatch(found)]
    return [found for found in re.findall(word, text) if found not in kept]


def numbers_in(text: str, percent: bool = False, signed: bool = False,
               dollar: bool = False) -> list[str]:
    """The numbers of a message, in order; with their ``%`` if ``percent``, their sign if
    ``signed`` (a change of +5 is not a score of 5), their ``$`` if ``dollar``.

    >>> numbers_in("a from 0 to 1; you gave 80. If you meant 80%, type 0.8.")
    ['0', '1', '80', '80', '0.8']
    >>> numbers_in("you gave 80. If you meant 80%, type 0.8.", percent=True)
    ['80', '80%', '0.8']
    >>> numbers_in("NPS +25 (-3) of $1,200", signed=True, dollar=True)
    ['+25', '-3', '$1,200']
    """
    sign = r"[+\-−]?" if signed else ""
    money = r"\$?" if dollar else ""
    return re.findall(sign + money + r"\d+(?:[.,]\d+)*" + ("%?" if percent else ""), text)


def same_numbers(english: str, chinese: str, how: str = "set", **kinds: bool) -> bool:
    """Whether ``chinese`` carries the numbers of ``english`` (:func:`numbers_in` with
    ``kinds``): the same numbers, each once or more if ``how`` is ``"set"`` (a translation may
    repeat a bound), as many times each if ``"count"``, in the same order if ``"order"``.

    >>> same_numbers("from 0 to 1 (1 not included)", "0 到 1（不含 1）", "count")
    True
    >>> same_numbers("2 of 3", "3 之 2 與 2", "count"), same_numbers("2 of 3", "3 之 2", "order")
    (False, False)
    """
    said, meant = numbers_in(chinese, **kinds), numbers_in(english, **kinds)
    if how == "set":
        return set(said) == set(meant)
    if how == "count":
        return sorted(said) == sorted(meant)
    if how == "order":
        return said == meant
    raise ValueError(f"how must be 'set', 'count' or 'order', not {how!r}")


def is_chinese(text: str) -> bool:
    """Whether ``text`` has a Chinese character.

    >>> is_chinese("留存率 0.8"), is_chinese("retention 0.8")
    (True, False)
    """
    return bool(re.search(r"[\u4e00-\u9fff]", text))


def both(say: Callable[[], object],
         errors: tuple[type[Exception], ...] = (ValueError, FileNotFoundError, RuntimeError),
         ) -> tuple[str, str]:
    """What ``say()`` raises (one of ``errors``) or returns, in English and in Chinese."""
    said = []
    for code in (None, "zh_TW"):
        with language(code):
            try:
                said.append(str(say()))
            except errors as error:
                said.append(str(error))
    return said[0], said[1]


def assert_chinese(english: str, chinese: str, *names: str,
                   kept: Collection[str] | re.Pattern = KEPT, quoted: bool | str = True,
                   word: str = WORD, how: str = "set", **kinds: bool) -> None:
    """``chinese`` says ``english`` in Chinese: Chinese, no English words (see
    :func:`english_words` for ``names``, ``kept``, ``quoted``, ``word``), the same numbers
    (see :func:`same_numbers` for ``how`` and ``kinds``; by default each once or more:
    a translation may repeat a bound, "from 0 to 1 (1 not included)")."""
    assert is_chinese(chinese), chinese
    assert english_words(chinese, *names, kept=kept, quoted=quoted, word=word) == [], chinese
    assert same_numbers(english, chinese, how, **kinds), (english, chinese)


def message_checks(kept: Collection[str] | re.Pattern, word: str) -> tuple[
        Callable[[str], list[str]], Callable[..., None], Callable[..., tuple[str, str]]]:
    """A tool's three checks of its messages, for the English it may keep (``kept``, quoted or
    not) and what counts as a word of a message (``word``; for a tool whose scale has letters,
    one letter or more).

    Returns
    -------
    tuple of callables
        ``english(text)``, the English words of a text apart from those it may keep, sorted,
        each once; ``assert_twin(english, chinese, *names)``, :func:`assert_chinese` with each
        number as many times in both; and ``both(say)``, what ``say()`` returns or raises (a
        ``ValueError``) in English, then in Chinese.

    Examples
    --------
    >>> english, assert_twin, say_both = message_checks({"A"}, r"[A-Za-z]+")
    >>> english("A 類 B 類 B")
    ['B']
    >>> assert_twin("A: 2 of 2", "A：2 之 2")
    """
    def english(text: str) -> list[str]:
        return sorted(set(english_words(text, kept=kept, quoted=False, word=word)))

    assert_twin = partial(assert_chinese, kept=kept, quoted=False, word=word, how="count")
    return english, assert_twin, partial(both, errors=(ValueError,))


def both_pages(monkeypatch, tool: str, *arguments: str) -> tuple[dict, dict]:
    """What a tool's page gets from its Python for ``arguments`` (the form's values as JSON, or
    a file's text, the values and the file's name) in English, then in Chinese: the page sets the
    language through the environment (``monkeypatch`` sets it, then takes it away)."""
    call = live.run_json if len(arguments) == 1 else live.run_table_json
    said = []
    for code in (None, "zh_TW"):
        if code is None:
            monkeypatch.delenv(ENVIRONMENT, raising=False)
        else:
            monkeypatch.setenv(ENVIRONMENT, code)
        said.append(json.loads(call(tool, *arguments)))
    monkeypatch.delenv(ENVIRONMENT)
    return said[0], said[1]


def numbers_of(shown: dict) -> list[list]:
    """The numbers of a page's table (its cells' values that are not text), row by row.

    >>> numbers_of({"rows": [[{"value": "North"}, {"value": 3}], [{"value": 1.5}]]})
    [[3], [1.5]]
    """
    return [[cell["value"] for cell in row if not isinstance(cell["value"], str)]
            for row in shown["rows"]]


def fixed_words_left(text: str, *widgets: str) -> list[str]:
    """The English fixed words of ``widgets`` (``"quiz"``, ``"scenario"``: their word tables,
    each text cut at its ``{slots}`` and tags, the parts longer than three characters) that
    ``text`` still holds, sorted.

    >>> fixed_words_left("檢查答案 Check answers", "quiz")
    ['Check']
    """
    fixed = {part.strip(" .:()") for widget in widgets for text_ in words(widget).values()
             for part in re.split(r"\{[a-z_]+\}|<[^>]+>", text_) if len(part.strip(" .:()")) > 3}
    return sorted(word for word in fixed if word in text)
