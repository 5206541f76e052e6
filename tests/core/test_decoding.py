"""A learner's CSV file read in the encoding their computer wrote it in (core.decoding).

The files are written here with Python's codecs, as Excel on Windows writes
them: UTF-8 with and without a byte order mark ("CSV UTF-8"), Big5 (cp950,
Taiwan), GBK (cp936, mainland China) and Windows-1252 (the US and Western
Europe). The rule that tells them apart is measured on real words: the names
Unicode's CLDR gives countries, languages, scripts, currencies, months and
days, in Western European locales and in Traditional and Simplified Chinese
(through Babel).
"""

from __future__ import annotations

import functools
import random

import pytest
from babel import Locale
from hypothesis import given
from hypothesis import strategies as st

from customer_focus.core.decoding import ATTEMPTS, SAVE_AS_UTF8, decode_file, looks_chinese

CHINESE = "segment,annual_margin\r\n高價值客戶,24000\r\n台北門市,18000\r\nVIP客戶,36000\r\n"
WESTERN = "customer,annual_margin\r\nCafé Müller,1200\r\nCrème Brûlée SA,900\r\nÅland Øl,700\r\n"
#: Western European locales whose words Windows-1252 writes.
WESTERN_LOCALES = (
    "de", "fr", "es", "pt", "it", "nl", "sv", "da", "nb", "fi", "is", "ca", "et", "ga",
    "de_CH", "fr_CA", "pt_PT", "es_MX",
)
CHINESE_LOCALES = ("zh_Hant_TW", "zh_Hant_HK")
SIMPLIFIED_LOCALES = ("zh_Hans_CN", "zh_Hans_SG")
#: A mainland learner's customer list, with Chinese names, as Excel in mainland China saves it.
SIMPLIFIED = "客户,年度毛利\r\n张伟,24000\r\n王芳,18000\r\n李娜,36000\r\n刘洋,9000\r\n"


def test_utf8_with_and_without_its_byte_order_mark_needs_no_note():
    for data in (CHINESE.encode("utf-8"), CHINESE.encode("utf-8-sig")):
        decoded = decode_file(data, "mine.csv")
        assert (decoded.text, decoded.encoding, decoded.note) == (CHINESE, "utf-8", "")


def test_big5_from_excel_in_taiwan_is_read_and_named():
    decoded = decode_file(CHINESE.encode("cp950"), "mine.csv")
    assert decoded.text == CHINESE
    assert decoded.encoding == "cp950"
    assert decoded.note == (
        "mine.csv was read as Big5 (Traditional Chinese Windows), as Excel saves CSV files on "
        "Windows in Taiwan."
    )


def test_gbk_from_excel_in_mainland_china_is_read_and_named():
    data = SIMPLIFIED.encode("gbk")
    assert data.decode("cp950") != SIMPLIFIED  # Big5 reads it too, as the wrong characters
    decoded = decode_file(data, "mine.csv")
    assert (decoded.text, decoded.encoding) == (SIMPLIFIED, "gbk")
    assert decoded.note.startswith(
        "mine.csv was read as GBK (Simplified Chinese Windows), as Excel saves CSV files on "
        "Windows in mainland China."
    )


def test_a_file_both_chinese_encodings_read_names_the_other_so_a_wrong_guess_shows():
    data = "客户\r\n安道尔\r\n".encode("gbk")  # a short name alone: a tie, read as Big5
    decoded = decode_file(data, "mine.csv")
    assert decoded.encoding == "cp950"
    assert "read as Big5" in decoded.note
    assert "It could also be read as GBK (Simplified Chinese Windows)" in decoded.note
    assert decoded.note.endswith(SAVE_AS_UTF8)


def test_big5_that_gbk_cannot_take_for_chinese_says_nothing_of_gbk():
    assert "GBK" not in decode_file(CHINESE.encode("cp950"), "mine.csv").note


def test_windows_1252_from_excel_in_the_west_is_read_and_named():
    text = WESTERN + "Euro Store €,500\r\n"
    decoded = decode_file(text.encode("cp1252"), "mine.csv")
    assert decoded.text == text
    assert decoded.encoding == "cp1252"
    assert "Windows-1252 (Western European Windows)" in decoded.note
    assert "in the US and Western Europe" in decoded.note


def test_an_accented_word_that_big5_also_decodes_is_still_windows_1252():
    text = "customer\r\nBäckerei Größe\r\n"
    data = text.encode("cp1252")
    assert data.decode("cp950") != text  # Big5 takes it, as garbage
    assert decode_file(data).text == text


def test_a_single_frequent_character_between_commas_is_chinese():
    text = "segment,margin\r\n高,100\r\n中,50\r\n低,20\r\n"
    assert decode_file(text.encode("cp950")).text == text


def test_a_file_none_of_the_encodings_reads_says_what_was_tried_and_how_to_save_it():
    with pytest.raises(ValueError) as raised:
        decode_file("customer\rÅland Öl\r".encode("mac_roman"), "mac.csv")
    message = str(raised.value)
    assert message.startswith("mac.csv: could not be read as text.")
    for _, name, _ in ATTEMPTS:
        assert name in message
    assert message.endswith(SAVE_AS_UTF8)
    assert '"CSV UTF-8 (Comma delimited)"' in SAVE_AS_UTF8


@pytest.mark.parametrize("data", [
    "customer\r\nA\r\n".encode("utf-16"),  # Excel's "Unicode Text"
    b"PK\x03\x04\x14\x00\x00\x00\x08\x00",  # a workbook renamed .csv
])
def test_a_file_that_is_not_text_says_so(data):
    with pytest.raises(ValueError, match=r'^x\.csv: is not a CSV file .*"CSV UTF-8'):
        decode_file(data, "x.csv")


@given(st.data())
def test_any_table_of_western_words_comes_back(data):
    """Rows of words, accented or not, from the Western locales (any mix of them)."""
    words = st.sampled_from(_western_words())
    rows = data.draw(st.lists(st.lists(words, min_size=1, max_size=4), min_size=1, max_size=5))
    text = "".join(",".join(row) + "\r\n" for row in rows)
    assert decode_file(text.encode("cp1252")).text == text


@given(st.text(st.sampled_from("客戶台北高價值門市年度毛利,0123456789 \r\nABCxyz"), max_size=40))
def test_any_big5_text_with_a_chinese_word_comes_back(text):
    assert decode_file(text.encode("cp950")).text == text or not looks_chinese(text)


@given(st.lists(st.sampled_from(["张伟", "王芳", "李娜", "刘洋", "陈静", "杨磊", "黄敏", "赵强"]),
                min_size=3, max_size=8))
def test_any_list_of_mainland_names_in_gbk_comes_back_or_names_gbk(names):
    """Read as GBK, or (when every character is also a frequent Big5 one: a tie) read as Big5
    with a note that names GBK too, so the reader sees the guess."""
    text = "客户,年度毛利\r\n" + "".join(f"{name},100\r\n" for name in names)
    decoded = decode_file(text.encode("gbk"), "mine.csv")
    assert decoded.text == text or "It could also be read as GBK" in decoded.note


def _names(locale: str) -> set[str]:
    found = Locale.parse(locale)
    names = set()
    for table in (found.territories, found.languages, found.scripts, found.currencies):
        names.update(table.values())
    for width in ("wide", "abbreviated"):
        names.update(found.months["format"][width].values())
        names.update(found.days["format"][width].values())
    return names


def _western_words() -> list[str]:
    return sorted(_written(WESTERN_LOCALES, "cp1252"))


@functools.cache
def _written(locales: tuple[str, ...], codec: str) -> dict[str, bytes]:
    """Each locale's names that ``codec`` writes with a byte beyond ASCII, written."""
    written = {}
    for locale in locales:
        for name in _names(locale):
            try:
                data = name.encode(codec)
            except UnicodeEncodeError:
                continue
            if not data.isascii():
                written[name] = data
    return written


def test_measured_no_western_word_is_taken_for_big5_or_gbk():
    """The docstring of core.decoding quotes this measurement."""
    written = _written(WESTERN_LOCALES, "cp1252")
    assert len(written) == 4969
    wrong = [name for name, data in written.items() if decode_file(data).text != name]
    assert wrong == []
    also_big5 = [name for name, data in written.items() if _decodes(data, "cp950")]
    assert len(also_big5) > len(written) / 2  # why Big5 needs the check
    also_gbk = [name for name, data in written.items() if _decodes(data, "gbk")]
    assert len(also_gbk) > len(written) / 2  # and GBK


def test_measured_chinese_words_are_read_as_big5():
    written = _written(CHINESE_LOCALES, "cp950")
    assert len(written) > 1000
    missed = [name for name, data in written.items() if decode_file(data).encoding != "cp950"]
    assert (len(written), len(missed)) == (1633, 4), missed
    tied = [name for name, data in written.items() if "could also" in decode_file(data).note]
    assert len(tied) == 12


def test_measured_simplified_chinese_words_are_read_as_gbk():
    """Alone in its file, a short name may tie and be read as Big5 (its note then names GBK);
    three names in a file are read as GBK 999 times in 1,000 (the docstring quotes both)."""
    written = _written(SIMPLIFIED_LOCALES, "gbk")
    decoded = {name: decode_file(data) for name, data in written.items()}
    missed = [name for name, found in decoded.items() if found.encoding != "gbk"]
    assert (len(written), len(missed)) == (1427, 137)
    big5 = [name for name in missed if decoded[name].encoding == "cp950"]
    tied = [name for name in big5 if "could also be read as GBK" in decoded[name].note]
    assert (len(big5), len(tied)) == (126, 121)
    names, draw = sorted(written), random.Random(1)
    files = ["".join(f"{name}\r\n" for name in draw.sample(names, 3)) for _ in range(2000)]
    wrong = sum(decode_file(text.encode("gbk")).encoding != "gbk" for text in files)
    assert wrong <= 2


def _decodes(data: bytes, codec: str) -> bool:
    try:
        data.decode(codec)
    except UnicodeDecodeError:
        return False
    return True
