"""The package's own message catalogs (src/customer_focus/locale): in step with the code,
compiled, complete, with the English's placeholders, in the glossary's terms, in Traditional
characters and Taiwan usage. Each finding names the catalog's file and line."""

from __future__ import annotations

import re
import string

import pytest
from babel.messages.pofile import read_po

from customer_focus.core.messages import LOCALE, Messages, language
from customer_focus.publish import messages

from .test_page_catalogs import incomplete, not_taiwan_usage, off_glossary

DOMAINS = messages.domains()


def _path(domain: str):
    return LOCALE / "zh_TW" / "LC_MESSAGES" / f"{domain}.po"


def _where(domain: str) -> str:
    return f"src/customer_focus/locale/zh_TW/LC_MESSAGES/{domain}.po"


def placeholders(text: str) -> list[str]:
    """The ``{name}`` fields of a message, with their format (``{count:,}``), sorted, once each
    (a translation may say one twice).

    >>> placeholders("{source}: has {count:,} rows")
    ['count:,', 'source']
    """
    found = []
    for _literal, field, spec, conversion in string.Formatter().parse(text):
        if field is not None:
            found.append(field + (f"!{conversion}" if conversion else "") + (f":{spec}" if spec
                                                                             else ""))
    return sorted(set(found))


def test_every_domain_with_messages_has_its_catalogs_and_they_are_in_step():
    """`make translations` was run after the code's messages changed, and compiled."""
    assert DOMAINS, "no marked messages found: the extraction's keywords do not match the code"
    problems = messages.problems(DOMAINS)
    assert not problems, "\n".join(problems)


def test_no_catalog_of_a_domain_the_code_lacks():
    stale = sorted(path.stem for path in (LOCALE / "zh_TW" / "LC_MESSAGES").glob("*.po")
                   if path.stem not in DOMAINS)
    assert stale == [], f"catalogs of no code (delete them): {stale}"


@pytest.mark.parametrize("domain", DOMAINS)
def test_every_message_is_translated_and_none_is_fuzzy(domain):
    problems = incomplete(_path(domain).read_text(encoding="utf-8"), _where(domain))
    assert not problems, f"{len(problems)} messages to translate:\n" + "\n".join(problems[:30])


@pytest.mark.parametrize("domain", DOMAINS)
def test_translations_keep_the_placeholders(domain):
    """A translation that drops or renames ``{count}`` would raise when the message is said."""
    problems = []
    with _path(domain).open("rb") as handle:
        catalog = read_po(handle)
    for message in catalog:
        if not message.id or not message.string:
            continue
        english = message.id if isinstance(message.id, str) else message.id[-1]
        for chinese in [message.string] if isinstance(message.string, str) else message.string:
            if placeholders(chinese) != placeholders(english):
                problems.append(f"{_where(domain)}:{message.lineno}: placeholders "
                                f"{placeholders(chinese)} are not the English's "
                                f"{placeholders(english)}")
    assert not problems, "\n".join(problems)


@pytest.mark.parametrize("domain", DOMAINS)
def test_translations_use_the_glossary_terms(domain):
    problems = off_glossary(_path(domain).read_text(encoding="utf-8"), _where(domain))
    assert not problems, "\n".join(problems)


@pytest.mark.parametrize("domain", DOMAINS)
def test_translations_are_traditional_and_taiwan_usage(domain):
    problems = not_taiwan_usage(_path(domain).read_text(encoding="utf-8"), _where(domain))
    assert not problems, "\n".join(problems)


def test_the_package_speaks_the_chosen_language_from_its_compiled_catalog():
    """What gettext reads (the committed .mo), not the .po: a reader meets this."""
    _ = Messages("core")
    english = "{source}: has a header but no rows; add at least one row."
    with language("zh_TW"):
        chinese = _(english)
    assert chinese != english and re.search(r"[\u4e00-\u9fff]", chinese)
    assert _(english) == english
