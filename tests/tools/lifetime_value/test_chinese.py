"""The lifetime value tool in the zh-TW edition, where the learner meets it: the notebook's
functions under ``language("zh_TW")`` and the page's Python as the zh-TW edition's archive runs
it (``CUSTOMER_FOCUS_LANGUAGE=zh_TW``, as the page sets it). Every sentence, caption, chart label
and error is Chinese (names and column names aside) and carries the English's numbers."""

from __future__ import annotations

import json

import pandas as pd
import pytest

from chinese_text import english_words, is_chinese, numbers_in
from customer_focus.core.messages import language
from customer_focus.core.validation import InputError
from customer_focus.tools import live
from customer_focus.tools.lifetime_value import calc, describe, form, table

from ..live_cases import chinese_customers

FORM = {"margin": "100", "retention": "0.8", "discount_rate": "0.1", "years": "10",
        "timing": "after_renewal"}
FILE_VALUES = {"discount_rate": "0.1", "timing": "after_renewal"}
CUSTOMERS = "customer,annual_margin,retention_rate,acquisition_cost\nHarbor,100,0.8,50\n" \
            "Crestline,100,0.9,500\n"


def numbers(text: str) -> set[str]:
    """The numbers of a text, each once, with its ``%``."""
    return set(numbers_in(text, percent=True))


def english_left(text: str, *allowed: str) -> list[str]:
    """The English words of ``text`` (quoted or not) apart from ``allowed`` and ``US$``."""
    return english_words(text, "US$", *allowed, kept=(), quoted=False)


def test_the_alt_texts_are_chinese_with_the_english_numbers():
    schedule = calc.schedule(100, 0.8, 0.1, years=10)
    rows = [{"customer": "Harbor", "lifetime_value": 266.67, "net_value": 216.67},
            {"customer": "Crestline", "lifetime_value": 450.0, "net_value": -50.0}]
    for write in (lambda: describe.cumulative_value(schedule, 266.67),
                  lambda: describe.comparison(rows)):
        english = write()
        with language("zh_TW"):
            said = write()
        assert is_chinese(said) and english_left(said, "Harbor", "Crestline") == []
        assert numbers(said) == numbers(english)


def test_a_target_out_of_reach_is_refused_in_chinese():
    with language("zh_TW"), pytest.raises(InputError) as caught:
        calc.breakeven_retention(100, 5000, 0.1)
    assert caught.value.name == "target_value"
    assert "無法達到" in str(caught.value) and "5,000.00" in str(caught.value)
    assert english_left(str(caught.value), "target_value") == []


def test_the_notebook_form_speaks_chinese():
    with language("zh_TW"):
        shown = form.schedule_table(table.lifetime_value_schedule(100, 0.8, 0.1, years=10))
        figure = form.cumulative_value_chart(table.lifetime_value_schedule(100, 0.8, 0.1),
                                             lifetime_total=266.67)
    assert list(shown.columns) == ["仍是顧客的機率", "預期毛利", "折現因子", "現值", "累計價值"]
    assert shown.loc[10, "累計價值"] == "$255.63"
    axes = figure.axes[0]
    assert (axes.get_xlabel(), axes.get_ylabel()) == ("年度", "現值")
    labels = [text.get_text() for text in figure.legends[0].get_texts()] if figure.legends else [
        text.get_text() for text in axes.get_legend().get_texts()]
    assert all(is_chinese(label) for label in labels), labels


def test_a_file_without_customers_is_refused_in_chinese():
    empty = pd.DataFrame({"customer": [], "annual_margin": [], "retention_rate": []})
    with language("zh_TW"), pytest.raises(ValueError) as caught:
        table.compare_customers(empty)
    assert str(caught.value) == "這個表格：沒有任何顧客；請至少加入一列。"


def test_a_bad_cell_names_its_column_meaning_in_chinese():
    bad = pd.DataFrame({"customer": ["A"], "annual_margin": ["x"], "retention_rate": [0.8]})
    with language("zh_TW"), pytest.raises(ValueError) as caught:
        table.compare_customers(bad)
    assert "每位顧客每年的毛利" in str(caught.value)


@pytest.fixture(scope="module")
def results(page):
    """What the zh-TW edition's page gets from its Python: the results of the form, of a file,
    of a bad file, through ``live``'s JSON entry points, from the edition's archive."""
    bad = CUSTOMERS.replace("0.9", "ninety")
    values = json.dumps(json.dumps(FILE_VALUES))
    return page(
        "json.dumps({"
        f"'form': json.loads(live.run_json('lifetime_value', {json.dumps(json.dumps(FORM))})), "
        f"'file': json.loads(live.run_table_json('lifetime_value', {CUSTOMERS!r}, {values}, "
        "'a.csv')), "
        f"'chinese': json.loads(live.run_table_json('lifetime_value', {chinese_customers()!r}, "
        f"{values}, 'a.csv')), "
        f"'bad': json.loads(live.run_table_json('lifetime_value', {bad!r}, {values}, 'a.csv')), "
        "})")


def _english(kind: str) -> dict:
    if kind == "form":
        return json.loads(live.run_json("lifetime_value", json.dumps(FORM)))
    return json.loads(live.run_table_json("lifetime_value", CUSTOMERS, json.dumps(FILE_VALUES),
                                          "a.csv"))


@pytest.mark.parametrize("kind", ["form", "file"])
def test_the_pages_results_are_chinese_with_the_english_numbers(results, kind):
    shown, english = results[kind], _english(kind)
    assert not shown["messages"]
    texts = [*shown["summary"], shown["chart"]["alt"], *(t["caption"] for t in shown["tables"]),
             *(header for t in shown["tables"] for header in t["headers"])]
    for text, theirs in zip(shown["summary"] + [shown["chart"]["alt"]],
                            english["summary"] + [english["chart"]["alt"]], strict=True):
        assert numbers(text) == numbers(theirs)
    for text in texts:
        assert is_chinese(text), text
        assert english_left(text, "Harbor", "Crestline") == [], text
    assert shown["tables"][0]["rows"] == english["tables"][0]["rows"]
    svg = shown["chart"]["svg"]
    assert "Lifetime value" not in svg and "Present value" not in svg and "終身價值" in svg


def test_the_pages_file_with_chinese_names_gives_a_chinese_summary(results):
    summary = results["chinese"]["summary"][0]
    assert "扣除顧客取得成本後" in summary and "折現率 10%" in summary


def test_the_pages_bad_file_is_explained_in_chinese(results):
    shown = results["bad"]
    assert shown["tables"] == [] and len(shown["messages"]) == 1
    message = shown["messages"][0]["text"]
    assert "a.csv 第 3 列" in message and "'ninety'" in message
    assert english_left(message, "retention_rate", "ninety", "a.csv") == []
