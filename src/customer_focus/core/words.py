"""One fixed word of the course's word tables, checked in every language.

The word tables of ``data/`` (the quiz and scenario widgets' words, the live
tools' words, the paper forms' words) give each word its English (``en``) and
each translation (``zh_TW``). Every text must be there, be a string, and keep
exactly the English's ``{name}`` slots, which the page fills in.
"""

from __future__ import annotations

import re
from typing import Any

from .languages import LANGUAGES
from .problems import Problems

__all__ = ["LANGUAGES", "SLOT", "check_word"]

SLOT = re.compile(r"\{([a-z_]+)\}")


def check_word(found: Problems, entries: Any, name: Any, where: str) -> dict[str, str] | None:
    """The texts of the word ``entries[name]`` by language, checked (``None`` when it is not
    usable); each problem is noted in ``found`` as ``where: what is wrong``.

    Examples
    --------
    >>> found = Problems("w.yml")
    >>> check_word(found, {"start": {"en": "Start", "zh_TW": "開始"}}, "start", "start")
    {'en': 'Start', 'zh_TW': '開始'}
    >>> check_word(found, {"rows": {"en": "Up to {rows}", "zh_TW": "最多"}}, "rows", "rows")
    {'en': 'Up to {rows}', 'zh_TW': '最多'}
    >>> [str(problem) for problem in found.found]
    ['w.yml:1: rows: zh_TW must keep {rows}, as the English has it']
    """
    texts = entries[name]
    if not isinstance(texts, dict):
        found.add(entries, name, f"{where}: must give the word in {', '.join(LANGUAGES)}")
        return None
    found.keys(texts, set(LANGUAGES), where)
    values = {language: found.text(texts, language, where, required=True)
              for language in LANGUAGES}
    if any(value is None for value in values.values()):
        return None
    slots = set(SLOT.findall(values["en"]))
    for language, value in values.items():
        own = set(SLOT.findall(value))
        for slot in sorted(slots - own):
            found.add(texts, language, f"{where}: {language} must keep {{{slot}}}, as the "
                      "English has it")
        for slot in sorted(own - slots):
            found.add(texts, language, f"{where}: {language} has {{{slot}}}, which the "
                      "English lacks")
    return {language: str(value) for language, value in values.items()}
