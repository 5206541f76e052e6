"""The invented cases' inputs: read once, with their kind, every problem at its file:line."""

from __future__ import annotations

import subprocess
import sys
import textwrap

import pandas as pd
import pytest

from customer_focus.core import cases
from customer_focus.core.cases import CaseError, CaseInputs, distributor_accounts


def _write(tmp_path, text):
    path = tmp_path / "cases.yml"
    path.write_text(textwrap.dedent(text), encoding="utf-8")
    return path


def load_cases(path, *, source=None):
    return CaseInputs.load(path, source=source)


def test_inputs_are_read_with_their_kind(tmp_path):
    data = load_cases(
        _write(
            tmp_path,
            """\
        shop:
          margin: "$1,234.50"
          loss: "-$20"
          retention: "85%"
          customers: 12
          rating: 4.5
          name: "A shop"
    """,
        )
    )
    assert data["shop.margin"] == 1234.5 and data.figure("shop.margin") == "$1,234.50"
    assert data["shop.loss"] == -20 and data.figure("shop.loss") == "\u2212$20"
    assert data["shop.retention"] == pytest.approx(0.85) and data.figure("shop.retention") == "85%"
    assert data.figure("shop.customers") == "12" and data.figure("shop.rating") == "4.5"
    assert data.text("shop.name") == "A shop" and data.figure("shop.name") == "A shop"
    assert data.figure("shop.retention:decimal2") == "0.85"


def test_problems_are_reported_with_file_and_line(tmp_path):
    path = _write(
        tmp_path,
        """\
        shop:
          margin: "$30,000"
          Bad Name: 3
          rates: [1, 2]
          flag: yes
        loose: 4
        shop2:
          margin: 1
    """,
    )
    with pytest.raises(CaseError) as caught:
        load_cases(path, source="cases.yml")
    problems = [str(p) for p in caught.value.problems]
    assert (
        "cases.yml:3: shop.Bad Name: names are lowercase letters, digits and underscores, "
        "starting with a letter"
        in problems
    )
    assert (
        "cases.yml:4: shop.rates: lists are not allowed; give each item a name (a mapping)"
        in problems
    )
    assert any(p.startswith("cases.yml:5: shop.flag: empty, or a yes/no word") for p in problems)
    assert "cases.yml:6: loose: a case must be a mapping of inputs" in problems


def test_a_name_given_twice_is_reported_at_its_line(tmp_path):
    # The one YAML loader (core.yamlfile) refuses a repeated key before the inputs are read.
    path = _write(tmp_path, "shop2:\n  margin: 1\n  margin: 2\n")
    with pytest.raises(CaseError) as caught:
        load_cases(path, source="cases.yml")
    assert [str(p) for p in caught.value.problems] == [
        "cases.yml:3: not valid YAML: duplicate key 'margin'"
    ]


def test_a_file_that_is_not_a_mapping_or_cannot_be_read_is_named(tmp_path):
    with pytest.raises(CaseError, match=r"cases.yml:1: the file must be a mapping of case names"):
        load_cases(_write(tmp_path, "- a\n- b\n"), source="cases.yml")
    with pytest.raises(CaseError, match=r"missing.yml:1: cannot be read"):
        load_cases(tmp_path / "nowhere.yml", source="missing.yml")


def test_the_course_inputs_are_numbers_texts_and_figures():
    assert cases.value("opening.harbor.margin") == 24000
    assert cases.text("opening.harbor.name") == "Harbor Supply"
    assert cases.figure("opening.crestline.margin") == "$30,000"
    assert cases.figure("opening.crestline.retention:percent1") == "25.0%"


def test_a_derived_figure_is_not_an_input_and_the_message_says_where_it_is():
    with pytest.raises(KeyError, match="derived figures in customer_focus/course/case_figures.py"):
        cases.value("opening.harbor.lifetime_value")
    with pytest.raises(KeyError, match="Did you mean opening.harbor.margin"):
        cases.value("opening.harbor.margn")


def test_the_worksheet_sample_holds_the_distributors_accounts(root):
    sample = pd.read_csv(root / "book/apply/tools/data/clv-customers-sample.csv")
    pd.testing.assert_frame_equal(sample, distributor_accounts(), check_dtype=False)


def test_the_example_tables_read_the_inputs_they_are_given(tmp_path):
    text = cases.data_path().read_text(encoding="utf-8")
    changed = load_cases(_write(tmp_path, text.replace('margin: "$24,000"', 'margin: "$12,000"')))
    assert cases.opening_case(changed)["annual_margin"].tolist() == [30000, 12000]
    assert cases.opening_case()["annual_margin"].tolist() == [30000, 24000]
    assert cases.crossroads_segments()["customers"].tolist() == [20, 520, 140]


def test_reading_the_inputs_needs_no_pandas():
    script = (
        "import sys\n"
        "from customer_focus.core import cases\n"
        "assert cases.value('opening.harbor.margin') == 24000\n"
        "print('pandas' in sys.modules)\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, timeout=60, check=True
    )
    assert result.stdout.strip() == "False"


# ---- the cases' texts in Chinese (locales/zh_TW/cases.yml) ------------------------------

ZH_CASES = """\
shop:
  name: "A shop"
  label: "A shop (new)"
  margin: "$1,200"
  easy_to_switch: "yes"
"""


@pytest.mark.parametrize(("line", "message"), [
    ("shop.margin: 一千二\n", "zh.yml:1: shop.margin: is a number in cases.yml ($1,200); a "
     "translation gives only texts, leave it out"),
    ("shop.lable: 一家店（新）\n", "zh.yml:1: shop.lable: no text input of that name in "
     "cases.yml. Did you mean shop.label"),
    ("shop.easy_to_switch: 是\n", "zh.yml:1: shop.easy_to_switch: is a word the tools read "
     "('yes'), not a text to translate; leave it out"),
    ("shop.label: 12\n", "zh.yml:1: shop.label: must be a text (the English: 'A shop (new)')"),
    ("shop.label: ''\n", "zh.yml:1: shop.label: must be a text"),
    ("shop.label: '25%'\n", "zh.yml:1: shop.label: '25%' reads as a number"),
    ("- shop.label\n", "zh.yml:1: a translation of the cases maps each text input's dotted name"),
])
def test_a_translation_of_the_cases_gives_texts_only_each_problem_at_its_line(
        tmp_path, line, message):
    inputs = load_cases(_write(tmp_path, ZH_CASES), source="cases.yml")
    translation = tmp_path / "zh.yml"
    translation.write_text(line, encoding="utf-8")
    with pytest.raises(CaseError) as caught:
        cases.read_translation(inputs, translation, source="zh.yml")
    assert message in str(caught.value)


def test_every_problem_of_a_translation_is_reported_together(tmp_path):
    inputs = load_cases(_write(tmp_path, ZH_CASES), source="cases.yml")
    translation = tmp_path / "zh.yml"
    translation.write_text("shop.label: 一家店（新）\nshop.margin: 1200\nshop.nam: 店\n",
                           encoding="utf-8")
    with pytest.raises(CaseError) as caught:
        cases.read_translation(inputs, translation, source="zh.yml")
    lines = [problem.line for problem in caught.value.problems]
    assert lines == [2, 3]


def test_the_chinese_cases_give_their_texts_and_the_english_numbers():
    from chinese_text import assert_chinese
    from customer_focus.core.messages import language

    english = cases.course_inputs()
    with language("zh_TW"):
        chinese = cases.course_inputs()
        segments = cases.crossroads_segments()
        accounts = cases.opening_case()
        caterer = cases.text("distributor.caterer.name")
    assert chinese.numbers == english.numbers  # the figures never change
    assert english.text("distributor.caterer.name") == "a catering firm"
    assert_chinese("a catering firm", caterer)
    for name in ("crossroads.segments.fleets.name", "opening.crestline.label",
                 "opening.harbor.label"):
        assert_chinese(english.text(name), chinese.text(name), "Crestline", "Foods", "Harbor",
                       "Supply", kept={"nine"} if "harbor" in name else set())
    assert segments["segment"].tolist() == [
        chinese.text(f"crossroads.segments.{key}.name") for key in ("fleets", "families", "coupon")]
    assert segments.drop(columns="segment").equals(
        cases.crossroads_segments().drop(columns="segment"))
    assert accounts.drop(columns="customer").equals(cases.opening_case().drop(columns="customer"))
    assert segments["easy_to_switch"].tolist() == ["yes"] * 3  # the word the tool reads


def test_every_case_text_but_a_name_or_a_word_the_tools_read_is_translated():
    english = cases.course_inputs()
    names = {part.strip() for name, value in english.texts.items()
             if name.endswith((".people", ".companies")) for part in value.split(",")}
    to_translate = {name for name, value in english.texts.items()
                    if value not in names and not name.endswith((".people", ".companies"))
                    and name.rsplit(".", 1)[-1] not in cases.CODE_WORDS}
    assert set(cases.translated_texts("zh_TW")) == to_translate


def test_the_value_equation_offers_are_the_worksheets_scores_in_either_language():
    from customer_focus.core.messages import language

    english = cases.crossroads_offers()
    assert english.to_dict("list") == {
        "alternative": ["Current service", "Rival: QuickFix Fleet",
                        "Idea: same-day collection and return"],
        "results": [7.2, 6.4, 7.2], "process_quality": [5.1, 6.0, 6.8],
        "price": [6.0, 5.2, 6.3], "access_costs": [7.4, 6.1, 3.9],
    }
    with language("zh_TW"):
        chinese = cases.crossroads_offers()
    assert chinese.drop(columns="alternative").equals(english.drop(columns="alternative"))
    assert chinese["alternative"].tolist() == [
        "目前的服務", "競爭者：QuickFix Fleet", "構想：當天到府取車與送回"]
