"""A learner's CSV file as text, in the encoding their computer wrote it in.

Excel's "CSV UTF-8 (Comma delimited)" writes UTF-8 with a byte order mark;
its plain "CSV (Comma delimited)" writes the code page of the computer's
region: Big5 (Microsoft's cp950) in Taiwan, GBK (cp936) in mainland China,
Windows-1252 in the US and Western Europe. :func:`decode_file` reads all
four, with one rule that the notebook
(:func:`customer_focus.core.tables.read_table`) and the book's page
(:func:`customer_focus.tools.live.read_file_json`) share. Standard library
only: it runs on Pyodide too.

The rule, in order:

1. **UTF-8**, with or without its byte order mark, read strictly: a file in
   another encoding almost never passes, so UTF-8 is tried first and needs
   no note.
2. **Big5** (cp950) and **GBK** (cp936), each read strictly, and each kept
   only when the text it gives looks Chinese (:func:`looks_chinese`): at
   least one of the encoding's frequently used characters (Big5's 5,401 of
   its first level, bytes A440 to C67E; GBK's 3,755 of GB2312's first
   level, bytes B0A1 to D7F9) stands apart from Latin letters, its neighbors
   being spaces, punctuation, digits or other frequent characters. The check
   is needed because a Windows-1252 word with an accent inside often decodes
   as Big5 or GBK too: each accented letter and the letter after it make one
   rare character ("Bäckerei" gives "B" + a character + "kerei"). Measured
   on the names of countries, languages, scripts, currencies, months and
   days in 18 Western European locales (Unicode CLDR 2025, through Babel
   2.19: 4,969 names with an accent), no name passes the check.
3. When both Chinese readings pass, the one with the larger share of its
   encoding's frequent characters among the text's characters beyond ASCII
   is kept: the same bytes read in the wrong one of the two give many rare
   characters (and Big5's trail bytes 40 to 7E are never GB2312's). On a
   tie (a short text whose every character is frequent in both), Big5 is
   kept and the note says that the file could also be GBK, so that a wrong
   guess is visible. Of the 1,633 such names in Traditional Chinese (Taiwan
   and Hong Kong), written in Big5, each alone in its file, all but 4 are
   read as Big5 (12 of them with the note's tie). Of the 1,427 in
   Simplified Chinese (mainland China and Singapore), written in GBK, 1,290
   are read as GBK; 121 short ones tie and 5 are read as Big5 without one,
   9 hold only rarely used characters and 2 happen to be UTF-8; a file of
   three such names is read as GBK 999 times in 1,000.
   ``tests/core/test_decoding.py`` holds the measurement.
4. **Windows-1252** (cp1252), read strictly: it maps all but five byte
   values, so it comes last.

Anything else (a file that holds zero bytes, as a workbook or a "Unicode
Text" file does, or bytes none of these reads) gets a message that says
what was tried and how to save the file as "CSV UTF-8" in Excel.

Examples
--------
>>> decode_file("客戶,毛利\\r\\n台北店,100\\r\\n".encode("cp950"), "mine.csv").encoding
'cp950'
>>> decode_file("客户,毛利\\r\\n张伟,100\\r\\n李娜,90\\r\\n".encode("gbk"), "mine.csv").encoding
'gbk'
>>> decode_file("customer\\r\\nCafé Müller\\r\\n".encode("cp1252"), "mine.csv").note
'mine.csv was read as Windows-1252 (Western European Windows), as Excel saves CSV files ...'
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from .messages import N_, Messages

_ = Messages("core")

__all__ = ["Decoded", "ATTEMPTS", "CHINESE", "SAVE_AS_UTF8", "decode_file", "looks_chinese"]

#: The encodings tried, in order: (Python's codec, the name a reader knows it by, where Excel
#: on Windows writes it), in English (said in the reader's language).
ATTEMPTS = (
    ("utf-8-sig", "UTF-8", ""),
    ("cp950", N_("Big5 (Traditional Chinese Windows)"), N_("in Taiwan")),
    ("gbk", N_("GBK (Simplified Chinese Windows)"), N_("in mainland China")),
    ("cp1252", N_("Windows-1252 (Western European Windows)"), N_("in the US and Western Europe")),
)

#: How to save a file so that any computer reads it (in English; said in the reader's language).
SAVE_AS_UTF8 = N_(
    'In Excel, open the file and choose File > Save As > "CSV UTF-8 (Comma delimited)", '
    "then pick the new file."
)

#: Ideographs (CJK Unified, Extension A and Compatibility): the characters Big5 adds.
_IDEOGRAPH = re.compile("[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]")
#: The encodings whose text must look Chinese to be kept (tried in this order; Big5 wins a tie).
CHINESE = ("cp950", "gbk")


@dataclass(frozen=True)
class Decoded:
    """A file's text, the codec that read it, and the note to show the reader ("" for UTF-8)."""

    text: str
    encoding: str
    note: str = ""


def _frequent(character: str, codec: str = "cp950") -> bool:
    """Whether ``character`` is one of the frequently used characters of ``codec``.

    Big5's first level (bytes A440 to C67E) or GB2312's first level (lead
    byte B0 to D7, trail byte A1 or above).
    """
    try:
        data = character.encode(codec)
    except UnicodeEncodeError:
        return False
    if len(data) != 2:
        return False
    if codec == "cp950":
        return 0xA440 <= int.from_bytes(data, "big") <= 0xC67E
    return 0xB0 <= data[0] <= 0xD7 and data[1] >= 0xA1


def _apart(character: str, codec: str) -> bool:
    """Whether a neighbor leaves a frequent character standing as Chinese (no Latin letter)."""
    if _IDEOGRAPH.match(character):
        return _frequent(character, codec)
    return not (character.isascii() and character.isalpha())


def looks_chinese(text: str, codec: str = "cp950") -> bool:
    """Whether ``text`` holds a frequent character of ``codec`` that no Latin letter touches.

    Such a character's neighbors (before and after) are the start or end of
    the text, spaces, digits, punctuation or other frequent characters: a
    word of Chinese, not an accented Latin letter read as Big5 (or GBK).

    Examples
    --------
    >>> looks_chinese("segment\\r\\nVIP客戶\\r\\n")
    True
    >>> looks_chinese("Bäckerei".encode("cp1252").decode("cp950"))  # an accent read as Big5
    False
    >>> looks_chinese("客户,张伟", "gbk")
    True
    >>> looks_chinese("customer,margin")
    False
    """
    for found in _IDEOGRAPH.finditer(text):
        start, end = found.start(), found.end()
        if (
            _frequent(found.group(), codec)
            and (start == 0 or _apart(text[start - 1], codec))
            and (end == len(text) or _apart(text[end], codec))
        ):
            return True
    return False


def _share(text: str, codec: str) -> float:
    """The share of the characters beyond ASCII that are frequent in ``codec``."""
    wide = [character for character in text if not character.isascii()]
    return sum(_frequent(character, codec) for character in wide) / len(wide) if wide else 0.0


def _chinese(data: bytes) -> list[tuple[str, str]]:
    """The Chinese reading of ``data`` kept, then the other one if it is as likely (a tie).

    Each reading must look Chinese; of two, the one with the larger share of
    its frequent characters is kept alone, and on a tie Big5 comes first and
    GBK after it (the note then names both).
    """
    readings = []
    for codec in CHINESE:
        try:
            text = data.decode(codec)
        except UnicodeDecodeError:
            continue
        if looks_chinese(text, codec):
            readings.append((_share(text, codec), codec, text))
    best = max((share for share, _codec, _text in readings), default=0.0)
    return [(codec, text) for share, codec, text in readings if share == best]


def _western(data: bytes) -> list[tuple[str, str]]:
    """The Windows-1252 reading of ``data``, or none when a byte has no character there."""
    try:
        return [("cp1252", data.decode("cp1252"))]
    except UnicodeDecodeError:
        return []


def _name(codec: str) -> tuple[str, str]:
    """The name a reader knows ``codec`` by, and where Excel writes it (both translated)."""
    for known, name, where in ATTEMPTS:
        if known == codec:
            return _(name), _(where)
    raise KeyError(codec)


def _tried() -> str:
    names = [_(name) for _codec, name, _where in ATTEMPTS]
    return _("{names} and {last}").format(names=_(", ").join(names[:-1]), last=names[-1])


def decode_file(data: bytes, source: str = "your file") -> Decoded:
    """The text of a learner's CSV file, read by the module's rule (UTF-8, Big5 or GBK, cp1252).

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
        note naming the encoding when it is not UTF-8 (and, when the file reads
        as Chinese in both Big5 and GBK, the other one too).

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
    try:
        return Decoded(data.decode("utf-8-sig"), "utf-8")
    except UnicodeDecodeError:
        pass
    readings = _chinese(data) or _western(data)
    if readings:
        (codec, text), *others = readings
        name, where = _name(codec)
        note = _(
            "{source} was read as {name}, as Excel saves CSV files on Windows {where}."
        ).format(source=source, name=name, where=where)
        if others:  # a tie: the guess is shown
            note += " " + _(
                "It could also be read as {other}: if its names look wrong, save it as CSV UTF-8. "
                "{save}").format(other=_name(others[0][0])[0], save=_(SAVE_AS_UTF8))
        return Decoded(text, codec, note)
    raise ValueError(_(
        "{source}: could not be read as text. Tried {tried}, the encodings Excel uses for "
        "CSV files, and none of them fits. {save}"
    ).format(source=source, tried=_tried(), save=_(SAVE_AS_UTF8)))
