"""A gettext catalog (``.po``) read with the standard library: English text to its translation.

The zh-TW edition's pages are translated through Sphinx's catalogs
(``locales/zh_TW/LC_MESSAGES/book/<page>.po``). A notebook copied for a
learner (the worksheets' download) and a slide deck read the same catalogs, so a
page and its copies say the same thing. This reader needs nothing beyond the
standard library, so that an installed wheel can translate its notebooks
wherever it runs.

Only finished translations are kept, as Sphinx keeps them: an entry whose
translation is empty, or marked ``fuzzy`` (its English changed since), is left
out, as is the catalog's header (the empty ``msgid``). Entries with a context
(``msgctxt``) or plural forms are not used by the book's catalogs and are left
out too.
"""

from __future__ import annotations

import ast
import os
from pathlib import Path

__all__ = ["PoFileError", "parse_po", "read_po"]


class PoFileError(ValueError):
    """A catalog that cannot be read; the message names the file and line."""


def _string(text: str, where: str) -> str:
    """A quoted ``.po`` string (C escapes) as Python text."""
    text = text.strip()
    if len(text) < 2 or text[0] != '"' or text[-1] != '"':
        raise PoFileError(f"{where}: expected a quoted string, found {text!r}")
    try:
        return ast.literal_eval(text)
    except (SyntaxError, ValueError) as error:
        raise PoFileError(f"{where}: cannot read the string {text!r} ({error})") from None


def parse_po(text: str, source: str = "<catalog>") -> dict[str, str]:
    """The finished translations of a catalog's text, English to translated.

    Parameters
    ----------
    text : str
        The ``.po`` file's text.
    source : str
        Names the catalog in error messages.

    Returns
    -------
    dict of str to str

    Raises
    ------
    PoFileError
        When a line is not part of an entry (``source:line: what is wrong``).

    Examples
    --------
    >>> parse_po('''
    ... msgid ""
    ... msgstr "Language: zh_TW\\\\n"
    ...
    ... msgid "The formula"
    ... msgstr "公式"
    ...
    ... #, fuzzy
    ... msgid "Changed"
    ... msgstr "舊的翻譯"
    ...
    ... msgid ""
    ... "A long "
    ... "sentence"
    ... msgstr ""
    ... "一個長"
    ... "句子"
    ...
    ... msgid "Not yet"
    ... msgstr ""
    ... ''')
    {'The formula': '公式', 'A long sentence': '一個長句子'}
    >>> parse_po('msgid "x"\\nmsgstr "y"\\noops')
    Traceback (most recent call last):
    ...
    customer_focus.core.pofile.PoFileError: <catalog>:3: not part of an entry: 'oops'
    """
    found: dict[str, str] = {}
    entry: dict[str, str] = {}
    flags: set[str] = set()
    field = ""

    def finish() -> None:
        english, translated = entry.get("msgid", ""), entry.get("msgstr", "")
        if (english and translated and "fuzzy" not in flags
                and not {"msgctxt", "msgid_plural"} & entry.keys()):
            found[english] = translated

    for number, line in enumerate(text.splitlines(), start=1):
        where = f"{source}:{number}"
        stripped = line.strip()
        if not stripped:
            continue
        if stripped.startswith("#"):
            if entry.get("msgstr") is not None and field.startswith("msgstr"):
                finish()
                entry, flags, field = {}, set(), ""
            if stripped.startswith("#,"):
                flags |= {flag.strip() for flag in stripped[2:].split(",")}
            continue
        keyword, _, rest = stripped.partition(" ")
        if keyword.startswith(("msgctxt", "msgid", "msgstr")):
            if keyword in ("msgctxt", "msgid") and field.startswith("msgstr"):
                finish()
                entry, flags = {}, set()
            field = keyword.split("[")[0]
            entry[field] = _string(rest, where)
        elif stripped.startswith('"') and field:
            entry[field] += _string(stripped, where)
        else:
            raise PoFileError(f"{where}: not part of an entry: {stripped!r}")
    if field.startswith("msgstr"):
        finish()
    return found


def read_po(path: str | os.PathLike[str]) -> dict[str, str]:
    """The finished translations of the catalog at ``path`` (see :func:`parse_po`).

    Examples
    --------
    >>> from customer_focus.core.paths import course_root
    >>> catalog = read_po(course_root() / "locales/zh_TW/LC_MESSAGES/book/learn/lifetime-value.po")
    >>> catalog["The formula"]
    '公式'
    """
    path = Path(path)
    return parse_po(path.read_text(encoding="utf-8"), str(path))
