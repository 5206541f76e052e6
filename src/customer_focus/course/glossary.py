"""The zh-TW edition's one terminology (``locales/zh_TW/glossary.yml``) and Taiwan usage
(``locales/zh_TW/usage.yml``).

Each term is an English term as the course writes it (``en``), the one Traditional Chinese
term every translation uses for it (``zh``) and, optionally, a ``note`` (when to use it, or
a form to avoid) and ``avoid`` (words a translation of the term must not use instead, unless
the English also uses a term that is translated with that word: "customer" avoids 客戶,
which is the term of "client"). The glossary page shows the list (``{course-glossary}``, in
:mod:`customer_focus.sphinxext.glossary`) and the translation tests check every translation
against it (:func:`glossary_findings` on the English :func:`prose`: the pages' ``.po`` files,
the quiz banks, the scenario, the course map, the tools' texts and the word tables). A file
with a mistake fails to load with every problem at its ``file:line``.

The usage file lists the characters that exist only in Simplified Chinese and the words
of mainland usage, each with the form a reader in Taiwan expects, and, optionally, the Taiwan
words that contain a mainland word without being it (``not_mainland``: 在線上 is 在 + 線上);
:func:`usage_problems` finds them in a translation.

Examples
--------
>>> terms = parse_glossary("terms:\\n  - en: listening post\\n    zh: 傾聽站\\n", "glossary.yml")
>>> terms[0].en, terms[0].zh, terms[0].note
('listening post', '傾聽站', '')
>>> parse_glossary("terms:\\n  - en: listening post\\n", "glossary.yml")
Traceback (most recent call last):
...
customer_focus.core.problems.DataFileError: glossary.yml:2: term 'listening post': missing 'zh'...
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from ..core.problems import DataFileError, Problem, Problems
from ..core.yamlfile import load_yaml, parse_yaml

__all__ = [
    "GLOSSARY_FILE", "USAGE_FILE", "Term", "Usage", "parse_glossary", "load_glossary",
    "required_terms", "prose", "glossary_findings", "parse_usage", "load_usage", "usage_problems",
]

#: The glossary, relative to the course's folder.
GLOSSARY_FILE = "locales/zh_TW/glossary.yml"
#: The Taiwan-usage checks, relative to the course's folder.
USAGE_FILE = "locales/zh_TW/usage.yml"
#: The keys a term may have.
KEYS = ("en", "zh", "note", "avoid")


@dataclass(frozen=True)
class Term:
    """One English term and its one Traditional Chinese translation."""

    en: str
    zh: str
    note: str = ""
    #: Words a translation of this term does not use in its place.
    avoid: tuple[str, ...] = ()


def _terms(data: object, source: str) -> list[Term]:
    found = Problems(source)
    if not isinstance(data, dict) or not isinstance(data.get("terms"), list):
        raise DataFileError([Problem(source, 1, "the glossary must have a list 'terms:' "
                                     "of entries with 'en' and 'zh' (and an optional 'note')")])
    terms, seen = [], {}
    entries = data["terms"]
    for index, entry in enumerate(entries):
        if not isinstance(entry, dict):
            found.add(entries, index, f"term {index + 1}: must be a mapping with 'en' and 'zh'")
            continue
        where = f"term {entry.get('en')!r}" if entry.get("en") else f"term {index + 1}"
        for key in entry:
            if key not in KEYS:
                found.add(entry, key, f"{where}: unknown key {key!r} (allowed: {', '.join(KEYS)})")
        en = found.text(entry, "en", where, required=True)
        zh = found.text(entry, "zh", where, required=True)
        note = found.text(entry, "note", where) or ""
        avoid = found.texts(entry, "avoid", where, kind="Chinese words")
        if en is not None and not en.strip():
            found.add(entry, "en", f"{where}: 'en' is empty")
            en = None
        if zh is not None and not zh.strip():
            found.add(entry, "zh", f"{where}: 'zh' is empty")
            zh = None
        if en is not None and en.lower() in seen:
            found.add(entry, "en", f"{where}: listed twice (first on line {seen[en.lower()]}); "
                      "keep one entry per English term")
        elif en is not None:
            seen[en.lower()] = entry.lines.get("en", 1) if hasattr(entry, "lines") else 1
        if en is not None and zh is not None:
            terms.append(Term(en.strip(), zh.strip(), note.strip(),
                              tuple(word.strip() for word in avoid if word.strip())))
    found.raise_if_any()
    return terms


def parse_glossary(text: str, source: str) -> list[Term]:
    """The glossary's terms from YAML text; ``source`` names the file in messages.

    Raises
    ------
    DataFileError
        Listing every problem with its line.
    """
    return _terms(parse_yaml(text, source), source)


def load_glossary(path: str | Path) -> list[Term]:
    """The glossary's terms from its file (``locales/zh_TW/glossary.yml``).

    Raises
    ------
    DataFileError
        When the file cannot be read or has mistakes, with their ``file:line``.
    """
    return _terms(load_yaml(path), str(path))


def required_terms(english: str, terms: list[Term]) -> list[Term]:
    """The glossary's terms an English text uses (whole words, any case, plurals too, a term's
    words apart by any space or a line break).

    A longer term wins over the shorter one inside it: "customer lifetime value" asks
    for 顧客終身價值, not also for 終身價值 on its own.

    Examples
    --------
    >>> terms = [Term("lifetime value", "終身價值"), Term("listening post", "傾聽站"),
    ...          Term("customer lifetime value", "顧客終身價值"), Term("lab", "實作練習")]
    >>> [t.zh for t in required_terms("Customer lifetime value and listening posts", terms)]
    ['顧客終身價值', '傾聽站']
    >>> required_terms("A label is not a lab", terms)[0].zh
    '實作練習'
    >>> required_terms("labels only", terms)
    []
    >>> required_terms("each listening\\n  post", terms)[0].zh
    '傾聽站'
    >>> required_terms("Two quizzes", [Term("quiz", "小測驗")])[0].zh
    '小測驗'
    """
    text = english
    used = []
    for term in sorted(terms, key=lambda term: len(term.en), reverse=True):
        words = r"\s+".join(re.escape(word) for word in term.en.split())
        pattern = re.compile(r"(?<![\w-])" + words + r"(?:s|es|zes)?(?![\w-])", re.I)
        if pattern.search(text):
            used.append(term)
            text = pattern.sub(" ", text)
    return sorted(used, key=lambda term: english.lower().find(term.en.lower()))

#: A role, {name}`content`: its visible text is the part before `<target>`, if any.
ROLE = re.compile(r"\{[\w:+-]+\}(`+)(.*?)\1", re.S)
#: The display text of an explicit-title role: "text <target>".
TITLED = re.compile(r"^(.*?)\s*<[^<>]*>$", re.S)
#: Markup whose words are not prose, in the order they are removed: images' and links'
#: targets (keeping the text), autolinks, inline code, display and inline math (an escaped
#: dollar, ``\\$2,000``, is a dollar amount, not math), substitutions, the data files' case
#: figures (``{case:opening.retention}``), footnote references, and the package's messages'
#: placeholders (``{customers:,}``), code names (``customer_col``) and quoted data names
#: (``'customers'``, a column).
MARKUP = [
    (re.compile(r"(!?\[[^\]]*\])\([^()]*(?:\([^()]*\)[^()]*)*\)"), r"\1"),
    (re.compile(r"(\[[^\]]*\])\[[^\]]*\]"), r"\1"),
    (re.compile(r"<(?:https?|mailto):[^>]*>"), " "),
    (re.compile(r"(`+)(?!`).*?(?<!`)\1(?!`)", re.S), " "),
    (re.compile(r"(?<!\\)\$\$.*?(?<!\\)\$\$", re.S), " "),
    (re.compile(r"(?<!\\)\$(?!\s).*?(?<![\s\\])\$", re.S), " "),
    (re.compile(r"\{\{.*?\}\}", re.S), " "),
    (re.compile(r"\{case:[^{}]*\}"), " "),
    (re.compile(r"\[\^[^\]]*\]"), " "),
    (re.compile(r"\{\w*(?:![rsa])?(?::[^{}]*)?\}"), " "),
    (re.compile(r"\b[A-Za-z]\w*_\w+\b"), " "),
    (re.compile(r"'\w+'"), " "),
]


def prose(english: str) -> str:
    """The words of an English text a reader sees as prose: without roles' targets (a role
    with an explicit title keeps its title, unless the title is a file's path), link
    targets, inline code, math and case figures.

    Examples
    --------
    >>> prose("See {download}`the worksheet <a.ipynb>` and [Tips](tips.md).")
    'See  the worksheet  and [Tips].'
    >>> prose("Keep {case:opening.retention} of `retention` at $r$.")
    'Keep   of   at  .'
    >>> prose("{customers:,} rows; customer_col names them")
    '  rows;   names them'
    """
    def role(match: re.Match) -> str:
        titled = TITLED.match(match.group(2))
        if not titled or re.fullmatch(r"[^\s/]*/\S*", titled.group(1)):
            return " "  # no title, or a file's path as its title
        return f" {titled.group(1)} "

    text = ROLE.sub(role, english)
    for pattern, replacement in MARKUP:
        text = pattern.sub(replacement, text)
    return text


def glossary_findings(
    english: str, chinese: str, terms: list[Term], skipped: frozenset[str] | set[str] = frozenset()
) -> list[str]:
    """What a translation misses of the glossary: each term the English prose uses whose
    Chinese term the translation lacks, each word it uses that such a term avoids (unless
    the English also uses the term translated with that word), and each skip that skips
    nothing (it would hide a real miss after the English changes).

    ``skipped`` holds the English terms (lower case) the translator has said are used in
    another sense in this text ("reverse the trend").

    Examples
    --------
    >>> terms = [Term("customer", "顧客", avoid=("客戶",)), Term("client", "客戶"),
    ...          Term("listening post", "傾聽站"), Term("reverse", "反向品質")]
    >>> glossary_findings("Set up listening posts for customers", "為顧客建立傾聽站", terms)
    []
    >>> glossary_findings("Ask the customer", "問問客戶", terms)
    ["'customer' is 顧客 (glossary)", "'customer' is 顧客, not 客戶 (glossary)"]
    >>> glossary_findings("A customer who is a client", "這位顧客也是客戶", terms)
    []
    >>> glossary_findings("Reverse the trend", "扭轉趨勢", terms, {"reverse"})
    []
    >>> glossary_findings("Reverse the trend", "扭轉趨勢", terms, {"client"})
    ["'reverse' is 反向品質 (glossary)", "'glossary-skip: client' skips nothing (the English \
prose does not use it, or the Chinese has its term): remove it"]
    """
    used = required_terms(prose(english), terms)
    allowed = " ".join(term.zh for term in used)
    missing: dict[str, list[str]] = {}
    for term in used:
        found = [f"{term.en!r} is {term.zh} (glossary)"] if term.zh not in chinese else []
        found += [f"{term.en!r} is {term.zh}, not {word} (glossary)" for word in term.avoid
                  if word in chinese and word not in allowed]
        if found:
            missing[term.en.lower()] = found
    found = [message for en, messages in missing.items() if en not in skipped
             for message in messages]
    found += [f"'glossary-skip: {en}' skips nothing (the English prose does not use it, or the "
              "Chinese has its term): remove it" for en in sorted(set(skipped) - set(missing))]
    return found


@dataclass(frozen=True)
class Usage:
    """Simplified-only characters and mainland words, each with its Taiwan form."""

    simplified: dict[str, str]
    mainland_terms: dict[str, str]
    #: Taiwan words that contain a mainland term and are not it (在線上: 在 + 線上).
    not_mainland: tuple[str, ...] = ()


def _usage(data: object, source: str) -> Usage:
    found = Problems(source)
    sections = {}
    for key in ("simplified", "mainland_terms"):
        section = data.get(key) if isinstance(data, dict) else None
        if not isinstance(section, dict) or not section:
            found.add(data if isinstance(data, dict) else {}, key,
                      f"missing {key!r}: a mapping of forms to avoid to the Taiwan forms")
            sections[key] = {}
            continue
        pairs = {}
        for avoid, use in section.items():
            if not isinstance(avoid, str) or not isinstance(use, str) or not use.strip():
                found.add(section, avoid, f"{key}: {avoid!r} needs the Taiwan form as text")
            elif key == "simplified" and len(avoid) != 1:
                found.add(section, avoid, f"simplified: {avoid!r} must be one character")
            else:
                pairs[avoid] = use.strip()
        sections[key] = pairs
    not_mainland = []
    words = data.get("not_mainland", []) if isinstance(data, dict) else []
    if not isinstance(words, list):
        found.add(data, "not_mainland", "not_mainland: must be a list of Taiwan words")
        words = []
    for index, word in enumerate(words):
        terms = sections["mainland_terms"]
        if not isinstance(word, str) or not any(term in word for term in terms):
            found.add(words, index, f"not_mainland: {word!r} must be a word that contains one "
                      "of the mainland_terms (it is listed so that it is not taken for one)")
        else:
            not_mainland.append(word)
    if isinstance(data, dict):
        for key in data:
            if key not in (*sections, "not_mainland"):
                found.add(data, key, f"unknown key {key!r} "
                          "(allowed: simplified, mainland_terms, not_mainland)")
    found.raise_if_any()
    return Usage(sections["simplified"], sections["mainland_terms"], tuple(not_mainland))


def parse_usage(text: str, source: str) -> Usage:
    """The Taiwan-usage checks from YAML text; ``source`` names the file in messages.

    Examples
    --------
    >>> usage = parse_usage("simplified: {这: 這}\\nmainland_terms: {信息: 資訊}\\n", "usage.yml")
    >>> usage.simplified, usage.mainland_terms
    ({'这': '這'}, {'信息': '資訊'})
    >>> parse_usage("simplified: {这个: 這個}\\nmainland_terms: {信息: 資訊}\\n", "usage.yml")
    Traceback (most recent call last):
    ...
    customer_focus.core.problems.DataFileError: usage.yml:1: simplified: '这个' must be one...
    """
    return _usage(parse_yaml(text, source), source)


def load_usage(path: str | Path) -> Usage:
    """The Taiwan-usage checks from their file (``locales/zh_TW/usage.yml``)."""
    return _usage(load_yaml(path), str(path))


def usage_problems(text: str, usage: Usage) -> list[str]:
    """What in a translation is not Taiwan usage: Simplified characters, mainland words.

    A mainland word inside one of the usage's ``not_mainland`` words is not one: 在線上表單
    is 在 + 線上表單 ("in the online form"), while 在線表單 is the mainland's "online form".

    Examples
    --------
    >>> usage = Usage({"这": "這", "们": "們"}, {"信息": "資訊", "在線": "線上"}, ("在線上",))
    >>> for problem in usage_problems("这是我们的信息", usage):
    ...     print(problem)
    Simplified character 这 (write 這)
    Simplified character 们 (write 們)
    mainland term 信息 (in Taiwan: 資訊)
    >>> usage_problems("這是我們的資訊", usage)
    []
    >>> usage_problems("在線上表單填寫", usage), usage_problems("在線表單", usage)
    ([], ['mainland term 在線 (in Taiwan: 線上)'])
    """
    masked = text
    for word in usage.not_mainland:
        masked = masked.replace(word, "\0")
    found = [f"Simplified character {char} (write {usage.simplified[char]})"
             for char in dict.fromkeys(text) if char in usage.simplified]
    found += [f"mainland term {term} (in Taiwan: {use})"
              for term, use in usage.mainland_terms.items() if term in masked]
    return found
