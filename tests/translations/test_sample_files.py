"""The worksheets' sample files in Chinese (``book/apply/tools/data/zh_TW/``): each twin has its
English file's columns, rows and numbers, and its reader's text in Chinese, with the
glossary's terms, Traditional characters and Taiwan usage (the checks the pages' catalogs
use: :func:`customer_focus.course.glossary.glossary_findings` and
:func:`~customer_focus.course.glossary.usage_problems`). Its Excel copy reads as its CSV.
"""

from __future__ import annotations

import pandas as pd
import pytest

from chinese_text import assert_chinese
from customer_focus.core import tables
from customer_focus.course.glossary import (
    GLOSSARY_FILE,
    USAGE_FILE,
    glossary_findings,
    load_glossary,
    load_usage,
    usage_problems,
)
from sample_twins import NAMES, NO_TWIN, SAMPLES, TRANSLATED, rows, twins

from .test_data_files import ROOT

TWINS = twins("zh_TW")
IDS = [twin.name for twin in TWINS]


def _pairs(twin):
    """Each translated cell of a twin with its English cell and its place."""
    english, chinese = rows(SAMPLES / twin.name), rows(twin)
    header = english[0]
    for number, (en_row, zh_row) in enumerate(zip(english[1:], chinese[1:], strict=True), 2):
        for column in TRANSLATED[twin.name]:
            index = header.index(column)
            if en_row[index]:
                yield f"{twin.name} line {number} ({column})", en_row[index], zh_row[index]


def test_every_sample_file_has_a_twin_or_holds_only_names_and_numbers():
    for english in sorted(SAMPLES.glob("*.csv")):
        assert (english.name in TRANSLATED) != (english.name in NO_TWIN), english.name
        if english.name in NO_TWIN:
            table = pd.read_csv(english)
            text = [column for column in table if not pd.api.types.is_numeric_dtype(table[column])]
            assert text == list(NO_TWIN[english.name]), english.name
    assert sorted(IDS) == sorted(TRANSLATED)


@pytest.mark.parametrize("twin", TWINS, ids=IDS)
def test_a_twin_has_the_english_columns_rows_and_numbers(twin):
    english, chinese = rows(SAMPLES / twin.name), rows(twin)
    assert chinese[0] == english[0], "the columns are data names: they stay English"
    assert len(chinese) == len(english), "one row for each of the English file's rows"
    translated = [english[0].index(column) for column in TRANSLATED[twin.name]]
    for number, (en_row, zh_row) in enumerate(zip(english, chinese, strict=True), 1):
        kept = [cell for index, cell in enumerate(en_row) if index not in translated]
        assert [cell for index, cell in enumerate(zh_row) if index not in translated] == kept, (
            f"{twin.name} line {number}: numbers, names and the values the code reads stay")


@pytest.mark.parametrize("twin", TWINS, ids=IDS)
def test_a_twins_text_is_chinese_with_the_same_numbers(twin):
    for where, english, chinese in _pairs(twin):
        try:
            assert_chinese(english, chinese, *NAMES)
        except AssertionError as error:
            raise AssertionError(f"{where}: {english!r} -> {chinese!r}") from error


@pytest.mark.parametrize("twin", TWINS, ids=IDS)
def test_a_twin_uses_the_glossary_and_taiwan_usage(twin):
    terms, usage = load_glossary(ROOT / GLOSSARY_FILE), load_usage(ROOT / USAGE_FILE)
    found = [f"{where}: {problem}" for where, english, chinese in _pairs(twin)
             for problem in [*glossary_findings(english, chinese, terms),
                             *usage_problems(chinese, usage)]]
    assert not found, "\n".join(found)


@pytest.mark.parametrize("twin", TWINS, ids=IDS)
def test_a_twins_excel_copy_reads_as_its_csv(twin):
    excel = twin.with_suffix(".xlsx")
    assert excel.is_file(), f"{excel.name} missing: run .venv/bin/python tests/sample_twins.py"
    assert tables.read_table(excel).equals(tables.read_table(twin)), (
        f"{excel.name} differs from its CSV: run .venv/bin/python tests/sample_twins.py")


@pytest.mark.parametrize("twin", TWINS, ids=IDS)
def test_a_twin_reads_as_the_english_files_numbers(twin):
    english, chinese = tables.read_table(SAMPLES / twin.name), tables.read_table(twin)
    kept = [column for column in english if column not in TRANSLATED[twin.name]]
    assert chinese[kept].equals(english[kept])
