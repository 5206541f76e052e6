"""The zh-TW edition's page catalogs (locales/zh_TW/LC_MESSAGES): complete, in step with the
book, in the glossary's terms, in Traditional characters and Taiwan usage.

Each finding names the catalog and the line of its entry (``file:line``). A translator who
must depart from the glossary in one entry (an English term used in another sense, e.g.
"reverse the trend") says so in a translator comment above it:
``# glossary-skip: reverse`` (several terms separated by commas).
"""

from __future__ import annotations

import io
from pathlib import Path

import pytest
from babel.messages.pofile import read_po

from customer_focus.course.glossary import (
    GLOSSARY_FILE,
    USAGE_FILE,
    glossary_findings,
    load_glossary,
    load_usage,
    prose,
    required_terms,
    usage_problems,
)
from customer_focus.sphinxext.sitemap import toc_parts

ROOT = Path(__file__).resolve().parents[2]
LOCALE = ROOT / "locales" / "zh_TW"
CATALOGS = LOCALE / "LC_MESSAGES"
#: The exercises' own texts (the rest of them are in the workbook's and answer keys' catalogs)
#: and the comments of the course's code.
OWN = ("exercises.po", "code-comments.po")
#: The catalog of the theme's own words (the search button, the color mode), not a page's.
TEMPLATES = "sphinx"
GLOSSARY = load_glossary(ROOT / GLOSSARY_FILE)
USAGE = load_usage(ROOT / USAGE_FILE)


def _pages() -> list[str]:
    return ["book/index"] + [page for _, pages in toc_parts(ROOT / "_toc.yml") for page in pages]


def _catalogs() -> list[str]:
    """Every catalog of the edition, relative to ``locales/zh_TW``: the pages', the
    exercises' own and the code comments'."""
    paths = [*CATALOGS.rglob("*.po"), *(LOCALE / name for name in OWN)]
    return sorted(path.relative_to(LOCALE).as_posix() for path in paths)


def _messages(text: str):
    """The entries of a catalog's text (not its header); an entry with plural forms (the
    package's catalogs have some) as one text of its forms, English and translated."""
    found = []
    for message in read_po(io.StringIO(text)):
        if not message.id:
            continue
        if isinstance(message.id, tuple):
            message.id = " ".join(message.id)
            message.string = " ".join(form for form in message.string if form)
        found.append(message)
    return found


def _read(name: str) -> str:
    return (LOCALE / name).read_text(encoding="utf-8")


def incomplete(text: str, source: str) -> list[str]:
    """The entries left to translate: empty or fuzzy."""
    found = []
    for message in _messages(text):
        if message.fuzzy:
            found.append(f"{source}:{message.lineno}: fuzzy (check it, then remove '#, fuzzy'): "
                         f"{message.id[:60]!r}")
        elif not message.string:
            found.append(f"{source}:{message.lineno}: not translated: {message.id[:60]!r}")
    return found


def _skipped(message) -> set[str]:
    skipped = set()
    for comment in message.user_comments:
        if comment.strip().startswith("glossary-skip:"):
            skipped |= {term.strip().lower() for term in comment.split(":", 1)[1].split(",")}
    return skipped


def off_glossary(text: str, source: str) -> list[str]:
    """Translated entries whose English uses a glossary term and whose Chinese lacks its term
    (or uses a word the term avoids), and skips that skip nothing."""
    return [
        f"{source}:{message.lineno}: {finding}"
        + ("" if finding.startswith("'glossary-skip") else f": {message.string[:40]!r}")
        for message in _messages(text)
        if message.string and not message.fuzzy
        for finding in glossary_findings(message.id, message.string, GLOSSARY, _skipped(message))
    ]


def not_taiwan_usage(text: str, source: str) -> list[str]:
    """Translated entries with Simplified characters or mainland words."""
    return [
        f"{source}:{message.lineno}: {problem}"
        for message in _messages(text)
        if message.string
        for problem in usage_problems(message.string, USAGE)
    ]


def test_every_page_has_its_catalog_and_every_catalog_its_page():
    """`make translations` was run after pages were added, moved or removed."""
    catalogs = {name.removeprefix("LC_MESSAGES/").removesuffix(".po") for name in _catalogs()
                if name.startswith("LC_MESSAGES/")}
    pages, catalogs = set(_pages()), catalogs - {TEMPLATES}
    assert sorted(pages - catalogs) == [], "pages without a catalog: run `make translations`"
    assert sorted(catalogs - pages) == [], "catalogs of no page: delete them (the page is gone)"


@pytest.mark.parametrize("name", _catalogs())
def test_every_entry_is_translated_and_none_is_fuzzy(name):
    problems = incomplete(_read(name), f"locales/zh_TW/{name}")
    assert not problems, f"{len(problems)} entries to translate:\n" + "\n".join(problems[:20])


#: What Markdown reads a text starting with "2. " or "- " as: a list, which Sphinx drops
#: (it puts a translation in place only when it reads as the paragraph or title it replaces).
LISTS = ("ordered_list_open", "bullet_list_open")


def read_as_lists(text: str, source: str) -> list[str]:
    """Translated entries that Markdown reads as a list: Sphinx would show the English."""
    from markdown_it import MarkdownIt

    markdown = MarkdownIt("commonmark")
    return [
        f"{source}:{message.lineno}: reads as a list, so the page keeps the English: escape its "
        f"start (2\\. or \\-): {message.string[:40]!r}"
        for message in _messages(text)
        if message.string and (markdown.parse(message.string) or [None])[0] is not None
        and markdown.parse(message.string)[0].type in LISTS
    ]


@pytest.mark.parametrize("name", _catalogs())
def test_translations_are_not_read_as_lists(name):
    """A numbered heading ("2. Your numbers") translated as "2. 你的數字" is an ordered list
    to Markdown, and Sphinx then leaves the English heading on the Chinese page."""
    problems = read_as_lists(_read(name), f"locales/zh_TW/{name}")
    assert not problems, "\n".join(problems)


@pytest.mark.parametrize("name", _catalogs())
def test_translations_use_the_glossary_terms(name):
    problems = off_glossary(_read(name), f"locales/zh_TW/{name}")
    assert not problems, "\n".join(problems)


@pytest.mark.parametrize("name", _catalogs())
def test_translations_are_traditional_and_taiwan_usage(name):
    problems = not_taiwan_usage(_read(name), f"locales/zh_TW/{name}")
    assert not problems, "\n".join(problems)


SAMPLE = '''msgid ""
msgstr ""
"Content-Type: text/plain; charset=utf-8\\n"

msgid "Set up listening posts"
msgstr "建立傾聽站"

msgid "A listening post hears your customers."
msgstr "一個聆聽據點能聽見你的顧客。"

# glossary-skip: reverse
msgid "Reverse the trend before customers leave."
msgstr "在顧客離開之前扭轉趨勢。"

# glossary-skip: listening post
msgid "Listening posts"
msgstr "傾聽站"

msgid "Customer lifetime value"
msgstr "顾客终身价值"

msgid "Watch the video"
msgstr "觀看視頻"

#, fuzzy
msgid "Retention rate"
msgstr "留存率"

msgid "Referrals"
msgstr ""
'''


def test_the_checks_find_what_they_look_for():
    """Each check catches its mistake, at the entry's line, and passes a good entry."""
    missing = incomplete(SAMPLE, "x.po")
    assert [line.split(":")[1] for line in missing] == ["26", "29"]
    assert "fuzzy" in missing[0] and "not translated" in missing[1]
    numbered = ('msgid "2. Your numbers"\nmsgstr "2. 你的數字"\n\n'
                'msgid "3. Save"\nmsgstr "3\\\\. 儲存"\n')
    assert [line.split(":")[1] for line in read_as_lists(numbered, "x.po")] == ["1"]
    glossary = off_glossary(SAMPLE, "x.po")
    assert glossary == [
        "x.po:8: 'listening post' is 傾聽站 (glossary): '一個聆聽據點能聽見你的顧客。'",
        "x.po:16: 'glossary-skip: listening post' skips nothing (the English prose does not "
        "use it, or the Chinese has its term): remove it",
        "x.po:19: 'customer lifetime value' is 顧客終身價值 (glossary): '顾客终身价值'",
    ]
    usage = not_taiwan_usage(SAMPLE, "x.po")
    assert "x.po:19: Simplified character 顾 (write 顧)" in usage
    assert "x.po:22: mainland term 視頻 (in Taiwan: 影片)" in usage
    assert not [line for line in usage if line.startswith(("x.po:5:", "x.po:8:", "x.po:12:"))]


@pytest.mark.parametrize(
    ("english", "terms"),
    [
        # roles: the target is not read, an explicit title is
        ("{case}`nps_examples.survey.passives` of them", []),
        ("See {download}`the worksheet <../tools/retention.ipynb>`.", ["worksheet"]),
        ("{download}`exercises/kano.ipynb <../../exercises/kano.ipynb>`", []),
        ("{cite:p}`margin2001` says so", []),
        # links: the text is read, the target is not
        ("[Tips](../apply/tips/selecting-the-right-people.md)", ["tip"]),
        ("Read [this](../learn/lifetime-value.md).", []),
        # inline code, math, autolinks
        ("Run `exercise.q1.check()` now.", []),
        ("Here $m$ is the margin and $$r$$ the rate.", ["margin"]),
        ("$m \\cdot r / (1 + i - r)$", []),
        ("Visit <https://example.com/retention>.", []),
        # an escaped dollar is an amount, not math: the prose between two amounts stays
        ("\\$100 of margin and \\$80 of retention", ["margin", "retention"]),
    ],
)
def test_the_glossary_check_reads_prose_not_markup(english, terms):
    """Words inside markup (a role's target, a link's target, code, math) need no term."""
    assert [term.en for term in required_terms(prose(english), GLOSSARY)] == terms


def test_the_glossary_itself_is_traditional_and_taiwan_usage():
    assert len(GLOSSARY) > 50
    problems = [f"{term.en}: {problem}" for term in GLOSSARY
                for problem in usage_problems(term.zh + term.note, USAGE)]
    assert problems == []
