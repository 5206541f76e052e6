"""What the core of the package says to a learner, in Chinese when the package speaks it.

Each message is made by the real functions twice, in English and with
``language("zh_TW")``: the Chinese one is Chinese (no English word left apart
from the names it quotes), and it carries the same numbers as the English.
"""

from __future__ import annotations

import pandas as pd
import pytest

from chinese_text import assert_chinese, both
from customer_focus.core import tables
from customer_focus.core.checking import Exercise, Mistake, NumberQuestion
from customer_focus.core.decoding import decode_file
from customer_focus.core.fields import Field, Fields
from customer_focus.core.messages import language
from customer_focus.core.rows import unread_columns
from customer_focus.core.validation import as_number, as_rate, as_whole_number, as_yes_no


@pytest.mark.parametrize("say, names", [
    (lambda: as_rate(80, "retention", meaning="留存率"), ["retention"]),
    (lambda: as_rate(1.5, "retention", meaning="留存率", high_inclusive=True), ["retention"]),
    (lambda: as_rate(-0.2, "retention", meaning="留存率"), ["retention"]),
    (lambda: as_number("12a", "margin", meaning="毛利"), ["margin"]),
    (lambda: as_number(-5, "margin", minimum=0, maximum=900), ["margin"]),
    (lambda: as_number(float("nan"), "margin"), ["margin", "nan"]),
    (lambda: as_whole_number(2.5, "years", meaning="年數", maximum=40), ["years"]),
    (lambda: as_whole_number(0, "years", meaning="年數"), ["years"]),
    (lambda: as_yes_no("maybe", "fail_point", meaning="是否為失誤點"), ["fail_point", "maybe"]),
    (lambda: Field("margin", "毛利", help="每年的毛利", kind="number").parse(" "), ["margin"]),
    (lambda: Fields([Field("years", "年數", help="年數", kind="whole")]).check(yeras=3),
     ["yeras", "years"]),
])
def test_a_bad_input_is_explained_in_chinese(say, names):
    english, chinese = both(say)
    assert english != chinese
    assert_chinese(english, chinese, *names)


def test_a_rate_typed_as_a_percent_gets_the_decimal_to_type_in_chinese():
    english, chinese = both(lambda: as_rate(80, "retention", meaning="留存率"))
    assert "If you meant 80%, type 0.8." in english
    assert "如果你指的是 80%，請輸入 0.8。" in chinese


def test_a_learners_file_is_explained_in_chinese(tmp_path):
    (tmp_path / "客戶.txt").write_text("customer\n", encoding="utf-8")
    bad = tmp_path / "客戶.csv"
    bad.write_bytes("customer,annual_margin\r\nÅland,12\r\n".encode("mac_roman"))
    for say in (lambda: tables.read_table(tmp_path / "客戶.pdf"),
                lambda: tables.read_table(tmp_path / "missing.csv"),
                lambda: tables.read_table(bad),
                lambda: tables.write_table(pd.DataFrame({"a": [1]}), tmp_path / "out.txt")):
        english, chinese = both(say)
        assert_chinese(english, chinese, str(tmp_path), "客戶.pdf", "out.txt")
    english, chinese = both(lambda: tables.read_table(bad))
    assert "Tried UTF-8, Big5" in english
    assert "另存新檔" in chinese and "Big5（繁體中文 Windows）" in chinese


def test_a_table_with_bad_rows_names_them_in_chinese(tmp_path):
    file = tmp_path / "customers.csv"
    file.write_text("customer,annual_margin,retention_rate,advertsing\n"
                    ",100,0.8,1\nB,x,0.5,2\n", encoding="utf-8")
    table = tables.read_table(file)
    english, chinese = both(lambda: unread_columns("customers.csv", list(table.columns),
                                                   ["customer", "advertising"]))
    assert_chinese(english, chinese, "customer", "advertising")
    assert "'advertsing'" in chinese and "'advertising'" in chinese
    english, chinese = both(lambda: tables.name_column(table, "customer", "顧客"))
    assert "customers.csv line 2 is empty" in english
    assert_chinese(english, chinese)
    assert "customers.csv 第 2 列" in chinese
    flags = pd.DataFrame({"fail_point": ["yes", "perhaps", "no", "x", "u", "z", "w", "v"]})
    english, chinese = both(lambda: tables.yes_no_column(flags, "fail_point", meaning="失誤點"))
    assert "(and 1 more)" in english and "（另有 1 筆）" in chinese
    assert_chinese(english, chinese, "perhaps")
    empty = pd.DataFrame({"job": []})
    english, chinese = both(lambda: tables.named_rows(empty, ["job"], ["job"], names="job",
                                                      what="職位"))
    assert_chinese(english, chinese)
    assert chinese == "這張表格：沒有任何職位；請至少加入一列。"


def test_a_file_read_as_big5_says_so_in_chinese():
    data = "客戶,毛利\r\n台北店,100\r\n".encode("cp950")
    with language("zh_TW"):
        note = decode_file(data, "客戶.csv").note
        unnamed = decode_file(data).note
    assert note == ("客戶.csv：以 Big5（繁體中文 Windows）編碼讀取；在台灣，Windows 版 Excel "
                    "就是用這種編碼儲存 CSV 檔。")
    assert unnamed.startswith("你的檔案：以 Big5")
    english, chinese = both(lambda: decode_file(b"a\x00b", "a.csv"))
    assert_chinese(english, chinese, "a.csv")


def _exercise() -> Exercise:
    question = NumberQuestion(
        "value", "五年後的價值是多少？", "先算每年的毛利。", "答案是 US$1,200。",
        takeaway="終身價值看的是好幾年。", expected=1200.0, unit="$",
        mistakes=(Mistake(240.0, "這只是一年的毛利。"),),
    )
    return Exercise(q1=question, q2=question)


@pytest.mark.parametrize("answer", [..., 1200.0, 240.0, 999.0, "1200", float("inf")])
def test_an_exercise_check_answers_in_chinese(answer):
    exercise = _exercise().bind({"value": answer})
    english, chinese = both(lambda: exercise.q1.check())
    assert_chinese(english, chinese, "value", "hint", "inf", "str")
    with language("zh_TW"):
        shown = exercise.q1.check()._repr_markdown_()
    assert shown.startswith(("**尚未作答：**", "**正確：**", "**不正確：**")), shown


def test_an_exercise_says_it_is_ready_and_not_connected_in_chinese():
    english, chinese = both(lambda: repr(_exercise()))
    assert_chinese(english, chinese, "q1", "q2", "exercise.q1.check()")
    english, chinese = both(lambda: _exercise().q1.check())
    assert_chinese(english, chinese, "bind", "globals")
    with language("zh_TW"):
        assert str(_exercise().q1.hint()) == "提示：先算每年的毛利。"
