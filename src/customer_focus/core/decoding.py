"""A learner's CSV file as text, in the encoding their computer wrote it in.

Excel's "CSV UTF-8 (Comma delimited)" writes UTF-8 with a byte order mark;
its plain "CSV (Comma delimited)" writes the code page of the computer's
region: Big5 (Microsoft's cp950) in Taiwan, Windows-1252 in the US and
Western Europe. :func:`decode_file` reads all three, with one rule that the
notebook (:func:`customer_focus.core.tables.read_table`) and the book's page
(:func:`customer_focus.tools.live.read_file_json`) share. Standard library
only: it runs on Pyodide too.

The rule, in order:

1. **UTF-8**, with or without its byte order mark, read strictly: a file in
   another encoding almost never passes, so UTF-8 is tried first and needs
   no note.
2. **Big5** (cp950), read strictly, and kept only when the text it gives
   looks Chinese (:func:`looks_chinese`): at least one of Big5's 5,401
   frequently used characters (its first level, bytes A440 to C67E) stands
   apart from Latin letters, its neighbors being spaces, punctuation,
   digits or other frequent characters. The check is needed because a
   Windows-1252 word with an accent inside often decodes as Big5 too: each
   accented letter and the letter after it make one rare character
   ("Bäckerei" gives "B" + a character + "kerei"). Measured on the
   names of countries, languages, scripts, currencies, months and days in
   18 Western European locales (Unicode CLDR 2025, through Babel 2.19:
   4,969 names with an accent, of which 2,988 decode as Big5), no name
   passes the check; of the 1,633 such names in Traditional Chinese
   (Taiwan and Hong Kong), written in Big5, all but 4 do (each two or three
   characters with a rare one among them, alone in its file).
   ``tests/core/test_decoding.py`` holds the
   measurement.
3. **Windows-1252** (cp1252), read strictly: it maps all but five byte
   values, so it comes last.

Anything else (a file that holds zero bytes, as a workbook or a "Unicode
Text" file does, or bytes none of the three reads) gets a message that says
what was tried and how to save the file as "CSV UTF-8" in Excel.

Examples
--------
>>> decode_file("客戶,毛利\\r\\n台北店,100\\r\\n".encode("cp950"), "mine.csv").encoding
'cp950'
>>> decode_file("customer\\r\\nCafé Müller\\r\\n".encode("cp1252"), "mine.csv").note
'mine.csv was read as Windows-1252 (Western European Windows), as Excel saves CSV files ...'
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from .messages import N_, Messages

_ = Messages("core")

__all__ = ["Decoded", "ATTEMPTS", "SAVE_AS_UTF8", "decode_file", "looks_chinese"]

#: The encodings tried, in order: (Python's codec, the name a reader knows it by, where Excel
#: on Windows writes it), in English (said in the reader's language).
ATTEMPTS = (
    ("utf-8-sig", "UTF-8", ""),
    ("cp950", N_("Big5 (Traditional Chinese Windows)"), N_("in Taiwan")),
    ("cp1252", N_("Windows-1252 (Western European Windows)"), N_("in the US and Western Europe")),
)

#: How to save a file so that any computer reads it (in English; said in the reader's language).
SAVE_AS_UTF8 = N_(
    'In Excel, open the file and choose File > Save As > "CSV UTF-8 (Comma delimited)", '
    "then pick the new file."
)

#: Ideographs (CJK Unified, Extension A and Compatibility): the characters Big5 adds.
_IDEOGRAPH = re.compile("[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]")
#: Big5's first level: its 5,401 frequently used characters (by their bytes in cp950).
_FREQUENT = (0xA440, 0xC67E)


@dataclass(frozen=True)
class Decoded:
    """A file's text, the codec that read it, and the note to show the reader ("" for UTF-8)."""

    text: str
    encoding: str
    note: str = ""


def _frequent(character: str) -> bool:
    """Whether ``character`` is one of Big5's frequently used characters."""
    try:
        code = int.from_bytes(character.encode("cp950"), "big")
    except UnicodeEncodeError:
        return False
    return _FREQUENT[0] <= code <= _FREQUENT[1]


def _apart(character: str) -> bool:
    """Whether a neighbor leaves a frequent character standing as Chinese (no Latin letter)."""
    if _IDEOGRAPH.match(character):
        return _frequent(character)
    return not (character.isascii() and character.isalpha())


def looks_chinese(text: str) -> bool:
    """Whether ``text`` holds a frequent Big5 character that no Latin letter touches.

    Such a character's neighbors (before and after) are the start or end of
    the text, spaces, digits, punctuation or other frequent characters: a
    word of Chinese, not an accented Latin letter read as Big5.

    Examples
    --------
    >>> looks_chinese("segment\\r\\nVIP客戶\\r\\n")
    True
    >>> looks_chinese("Bäckerei".encode("cp1252").decode("cp950"))  # an accent read as Big5
    False
    >>> looks_chinese("customer,margin")
    False
    """
    for found in _IDEOGRAPH.finditer(text):
        start, end = found.start(), found.end()
        if (
            _frequent(found.group())
            and (start == 0 or _apart(text[start - 1]))
            and (end == len(text) or _apart(text[end]))
        ):
            return True
    return False


def _tried() -> str:
    names = [_(name) for _codec, name, _where in ATTEMPTS]
    return _("{names} and {last}").format(names=_(", ").join(names[:-1]), last=names[-1])


def decode_file(data: bytes, source: str = "your file") -> Decoded:
    """The text of a learner's CSV file, read by the module's rule (UTF-8, Big5, Windows-1252).

    Parameters
    ----------
    data : bytes
        The file's content.
    source : str
        The file's name, for the note and the messages.

    Returns
    -------
    Decoded
        The text (without a byte order mark), the codec that read it, and a
        note naming the encoding when it is not UTF-8.

    Raises
    ------
    ValueError
        When the file is not text, or none of the encodings reads it: the
        message names what was tried and how to save the file as CSV UTF-8.

    Examples
    --------
    >>> decode_file("\\ufeffcustomer\\r\\nCafé\\r\\n".encode("utf-8")).text
    'customer\\r\\nCafé\\r\\n'
    >>> decode_file("Åland".encode("mac_roman"), "mac.csv")
    Traceback (most recent call last):
    ...
    ValueError: mac.csv: could not be read as text. Tried UTF-8, Big5 (Traditional Chinese ...
    """
    data = bytes(data)
    if source == "your file":
        source = _("your file")
    if b"\x00" in data:
        raise ValueError(_(
            "{source}: is not a CSV file (it holds bytes a text file never has: is it an Excel "
            'workbook, or saved as "Unicode Text"?). {save}'
        ).format(source=source, save=_(SAVE_AS_UTF8)))
    for codec, name, where in ATTEMPTS:
        try:
            text = data.decode(codec)
        except UnicodeDecodeError:
            continue
        if codec == "cp950" and not looks_chinese(text):
            continue
        note = "" if codec == "utf-8-sig" else _(
            "{source} was read as {name}, as Excel saves CSV files on Windows {where}."
        ).format(source=source, name=_(name), where=_(where))
        return Decoded(text, "utf-8" if codec == "utf-8-sig" else codec, note)
    raise ValueError(_(
        "{source}: could not be read as text. Tried {tried}, the encodings Excel uses for "
        "CSV files, and none of them fits. {save}"
    ).format(source=source, tried=_tried(), save=_(SAVE_AS_UTF8)))
