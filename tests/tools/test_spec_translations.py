"""The tools' specs in Chinese (``locales/zh_TW/tools/<tool>.yml``, ``locales/zh_TW/forms/``):
every tool translated, in step with the English (no text missing, none extra, each a text),
problems named at their file and line, in Traditional characters and Taiwan usage, and the
paper forms drawn in Chinese by the book's directive."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from chinese_text import assert_chinese
from customer_focus.core.problems import DataFileError
from customer_focus.core.yamlfile import parse_yaml
from customer_focus.tools.spec import (
    example_texts,
    load_form,
    load_form_file,
    load_spec,
    overlay,
    render_html,
    spec_tools,
    text_skeleton,
)

ROOT = Path(__file__).resolve().parents[2]
LOCALES = ROOT / "locales" / "zh_TW"
FORMS = ROOT / "book" / "apply" / "forms"
#: Words of mainland usage, with the Taiwan word a translation uses instead.
MAINLAND = {
    "信息": "資訊", "軟件": "軟體", "默認": "預設", "視頻": "影片", "用戶": "使用者",
    "打印": "列印", "網絡": "網路", "設置": "設定", "點擊": "點選", "屏幕": "螢幕",
    "質量": "品質", "鏈接": "連結", "菜單": "選單", "文件夾": "資料夾", "數據庫": "資料庫",
}


def _english(tool: str):
    source = f"src/customer_focus/tools/{tool}/{tool}.yml"
    return parse_yaml((ROOT / source).read_text("utf-8"), source)


def _leaves(english, translated, where=""):
    """Each text of the English with its translation, and where it is."""
    if isinstance(english, str):
        yield where, english, translated
    elif isinstance(english, dict):
        for key, value in english.items():
            yield from _leaves(value, translated[key], f"{where}.{key}")
    elif isinstance(english, list):
        for index, (item, other) in enumerate(zip(english, translated, strict=True)):
            yield from _leaves(item, other, f"{where}[{index + 1}]")


def _numbers(example, texts):
    """A worked example without its texts: what a translation must leave as it is."""
    kept = {}
    for name, value in example.items():
        if isinstance(value, list):
            rows = texts.get(name) or [{}] * len(value)
            kept[name] = [{column: cell for column, cell in row.items() if column not in text}
                          for row, text in zip(value, rows, strict=True)]
        elif name not in texts:
            kept[name] = value
    return kept


def _translations() -> list[Path]:
    return sorted([*LOCALES.joinpath("tools").glob("*.yml"),
                   *LOCALES.joinpath("forms").glob("*.yml")])


def test_every_tool_and_form_has_its_translation_and_nothing_else_has_one():
    tools = {f"{tool}.yml" for tool in spec_tools()}
    assert {path.name for path in LOCALES.joinpath("tools").glob("*.yml")} == tools
    forms = {path.name for path in FORMS.glob("*.yml")}
    assert {path.name for path in LOCALES.joinpath("forms").glob("*.yml")} == forms


@pytest.mark.parametrize("tool", spec_tools())
def test_each_translation_is_in_step_with_the_english(tool):
    english, chinese = load_spec(tool), load_spec(tool, "zh_TW")
    # everything but the words comes from the English: the same inputs, checks and the
    # example's numbers, choices and yes/no answers (only its texts are translated)
    texts = example_texts(_english(tool))
    assert _numbers(chinese.example, texts) == _numbers(english.example, texts)
    for name, field in english.fields.items():
        other = chinese.fields[name]
        assert (other.kind, other.min, other.max, other.step, other.slider, other.default) == (
            field.kind, field.min, field.max, field.step, field.slider, field.default)
        assert [value for value, _ in other.options] == [value for value, _ in field.options]
    assert chinese.live == english.live
    # the exercise's words are translated; what its code reads stays the English's
    assert chinese.exercise.keys() == english.exercise.keys()
    for name, question in english.exercise.items():
        other = chinese.exercise[name]
        assert (other.variable, other.tolerance, other.unit, other.options, other.correct) == (
            question.variable, question.tolerance, question.unit, question.options,
            question.correct)
        assert [mistake.tolerance for mistake in other.mistakes] == [
            mistake.tolerance for mistake in question.mistakes]
        assert other.reasons.keys() == question.reasons.keys()


@pytest.mark.parametrize("tool", spec_tools())
def test_no_text_is_left_in_english(tool):
    english = text_skeleton(_english(tool))
    path = LOCALES / "tools" / f"{tool}.yml"
    translated = parse_yaml(path.read_text("utf-8"), str(path))
    left = [
        f"{path.name}{where}: {text!r}" for where, text, other in _leaves(english, translated)
        if len(re.findall(r"[A-Za-z]{3,}", text)) >= 2 and other == text
    ]
    assert left == []


@pytest.mark.parametrize("path", _translations(), ids=lambda path: path.name)
def test_traditional_characters_and_taiwan_usage(path):
    text = path.read_text("utf-8")
    found = []
    for number, line in enumerate(text.splitlines(), start=1):
        for char in line:
            if "\u4e00" <= char <= "\u9fff":
                try:  # Big5 (Taiwan's code page) has Traditional characters, not Simplified-only
                    char.encode("cp950")
                except UnicodeEncodeError:
                    found.append(f"{path.name}:{number}: {char!r} is not a Traditional character")
        found += [f"{path.name}:{number}: {word!r} is mainland usage; write {taiwan!r}"
                  for word, taiwan in MAINLAND.items() if word in line]
    assert found == []


@pytest.mark.parametrize("path", _translations(), ids=lambda path: path.name)
def test_chinese_sentences_use_full_width_punctuation(path):
    data = parse_yaml(path.read_text("utf-8"), str(path))
    found = [
        f"{path.name}{where}: {text!r}" for where, text, _ in _leaves(data, data)
        if re.search(r"[\u4e00-\u9fff][,;:?!]|[,;:?!][\u4e00-\u9fff]", text)
    ]
    assert found == []


def test_the_glossary_terms_are_used():
    assert load_spec("lifetime_value", "zh_TW").title == "顧客終身價值"
    assert load_spec("kano", "zh_TW").fields["must_be"].label == "M：基本品質"
    assert load_spec("turnover_cost", "zh_TW").paper_form.title == "員工流動成本工作表"
    assert "淨推薦值" in load_spec("feedback", "zh_TW").title


ENGLISH = {"tool": "x", "title": "Tool",
           "fields": {"a": {"label": "A", "help": "an a", "kind": "rate"}},
           "paper_form": {"title": "Form", "intro": "Fill it in.",
                          "sections": [{"title": "S", "columns": ["One", "Two"], "rows": 2}]}}
GOOD = """\
title: 工具
fields:
  a:
    label: 甲
    help: 甲的說明
paper_form:
  title: 表單
  intro: 請填寫。
  sections:
    - title: 第一部分
      columns: [一, 二]
"""


def test_a_good_translation_overlays_the_english_texts_only():
    merged = overlay(ENGLISH, parse_yaml(GOOD, "x.yml"), "x.yml")
    assert merged["fields"]["a"] == {"label": "甲", "help": "甲的說明", "kind": "rate"}
    assert merged["paper_form"]["sections"][0] == {
        "title": "第一部分", "columns": ["一", "二"], "rows": 2}
    assert ENGLISH["title"] == "Tool"  # the English data is left as it was


@pytest.mark.parametrize(("change", "message"), [
    (("    help: 甲的說明\n", ""), "x.yml:3: fields.a: lacks 'help', which the English has"),
    (("    help: 甲的說明\n", "    help: 甲的說明\n    kind: number\n"),
     "x.yml:6: fields.a: 'kind' is not a text of the English"),
    (("    label: 甲\n", "    label: [甲]\n"), "x.yml:4: fields.a.label: must be a text"),
    (("      columns: [一, 二]\n", "      columns: [一]\n"),
     "x.yml:11: paper_form.sections[1].columns: must be a list of 2 items"),
    (("title: 工具\n", "title: 工具\ntool: y\n"), "x.yml:2: 'tool' is not a text of the English"),
    (("title: 工具\n", ""), "x.yml:1: lacks 'title', which the English has"),
])
def test_a_translation_out_of_step_is_named_at_its_file_and_line(change, message):
    with pytest.raises(DataFileError) as caught:
        overlay(ENGLISH, parse_yaml(GOOD.replace(*change), "x.yml"), "x.yml")
    assert message in str(caught.value)


EXAMPLE = {"tool": "x", "title": "Tool",
           "fields": {"task": {"label": "Task", "help": "a task", "kind": "text"},
                      "minutes": {"label": "Minutes", "help": "how long"},
                      "answers": {"label": "Answers", "help": "scores", "kind": "text"}},
           "example": {"answers": "10 9 8", "steps": [
               {"task": "Repair", "minutes": 90}, {"minutes": 5}, {"task": "Test", "minutes": 10}]}}
GOOD_EXAMPLE = """\
title: 工具
fields:
  task: {label: 工作, help: 一項工作}
  minutes: {label: 分鐘, help: 花多久}
  answers: {label: 回答, help: 分數}
example:
  steps:
    - task: 維修
    - {}
    - task: 測試
"""


def test_an_examples_texts_are_translated_and_its_numbers_kept():
    assert text_skeleton(EXAMPLE)["example"] == {
        "steps": [{"task": "Repair"}, {}, {"task": "Test"}]}  # "10 9 8" holds no words
    merged = overlay(EXAMPLE, parse_yaml(GOOD_EXAMPLE, "x.yml"), "x.yml")
    assert merged["example"] == {"answers": "10 9 8", "steps": [
        {"task": "維修", "minutes": 90}, {"minutes": 5}, {"task": "測試", "minutes": 10}]}
    assert EXAMPLE["example"]["steps"][0]["task"] == "Repair"


@pytest.mark.parametrize(("change", "message"), [
    (("    - task: 測試\n", "    - task: 測試\n      minutes: 12\n"),
     "x.yml:11: example.steps[3]: 'minutes' is not a text of the English (translate only the "
     "English's texts, with its keys; the example's numbers, choices and yes/no answers stay "
     "the English's)"),
    (("    - task: 維修\n", "    - task: 90\n"),
     "x.yml:8: example.steps[1].task: must be a text (the English: 'Repair')"),
    (("    - task: 測試\n", "    - {}\n"), "x.yml:10: example.steps[3]: lacks 'task', which the "
     "English has"),
    (("    - task: 測試\n", ""), "x.yml:7: example.steps: must be a list of 3 items"),
    (("example:\n", "example:\n  answers: 十 九 八\n"),
     "x.yml:7: example: 'answers' is not a text of the English"),
    (("example:\n  steps:\n", "steps:\n"), "x.yml:1: lacks 'example', which the English has"),
])
def test_an_examples_translation_out_of_step_is_named_at_its_line(change, message):
    with pytest.raises(DataFileError) as caught:
        overlay(EXAMPLE, parse_yaml(GOOD_EXAMPLE.replace(*change), "x.yml"), "x.yml")
    assert message in str(caught.value)


def test_the_chinese_twin_gives_the_chinese_example_to_the_notebook_and_the_page():
    from customer_focus.core.messages import language
    from customer_focus.tools.replacement_cost import calc

    with language("zh_TW"):
        chinese = calc.course_example()
    english = calc.course_example()
    assert english["employee"] == "Maria (senior account manager)"
    assert_chinese(english["employee"], chinese["employee"], "Maria")
    assert {**chinese, "employee": ""} == {**english, "employee": ""}


def test_a_missing_translation_says_where_to_write_it(monkeypatch, tmp_path):
    from customer_focus.tools import spec

    monkeypatch.setattr(spec, "translation_path", lambda tool, language: tmp_path / "none.yml")
    load_spec.cache_clear()
    try:
        with pytest.raises(FileNotFoundError, match="locales/zh_TW/tools/kano.yml: the zh_TW "
                           "translation of the kano spec is missing"):
            load_spec("kano", "zh_TW")
    finally:
        load_spec.cache_clear()


def test_an_unknown_language_is_named():
    with pytest.raises(ValueError, match="no translation in 'fr'; the languages are en, zh_TW"):
        load_spec("kano", "fr")


@pytest.mark.parametrize("tool", [tool for tool in spec_tools() if load_spec(tool).paper_form])
def test_the_paper_form_renders_in_chinese(tool):
    english, html = render_html(load_form(tool)), render_html(load_form(tool, "zh_TW"), "zh_TW")
    assert "列印這份表單" in html and "待填寫的空格" in html or "cf-form-fields" not in html
    assert "Print this form" not in html and "blank to fill in" not in html
    assert html.count("<tr>") == english.count("<tr>")  # the same blanks and rows
    form = load_form(tool, "zh_TW")
    assert form.intro.replace("&", "&amp;") in html and form.sections[0].title in html


def _build(tmp_path, page: str, language: str) -> str:
    from sphinx.application import Sphinx

    source = tmp_path / "src"
    source.mkdir()
    (source / "conf.py").write_text(
        "extensions = ['myst_parser', 'customer_focus.sphinxext.directives']\n"
        f"language = {language!r}\nexclude_patterns = ['_build']\n", encoding="utf-8")
    (source / "index.md").write_text(page, encoding="utf-8")
    (source / "action-plan.yml").write_text((FORMS / "action-plan.yml").read_text("utf-8"), "utf-8")
    app = Sphinx(str(source), str(source), str(tmp_path / "out"), str(tmp_path / "doctrees"),
                 "html", status=None, warning=None, freshenv=True)
    app.build()
    return (tmp_path / "out" / "index.html").read_text(encoding="utf-8")


def test_the_directive_draws_the_form_in_the_editions_language(tmp_path, monkeypatch):
    monkeypatch.chdir(ROOT)
    page = "# Forms\n\n```{printable-form} kano\n```\n\n```{printable-form} action-plan.yml\n```\n"
    html = _build(tmp_path, page, "zh_TW")
    assert "針對每項功能 X，請回答兩個問題" in html and "關於這份計畫" in html
    assert "For each feature X" not in html and "About this plan" not in html
    assert "Print this form" not in html and "列印這份表單" in html


def test_the_action_plan_form_reads_in_chinese():
    form = load_form_file(FORMS / "action-plan.yml", "zh_TW")
    assert form.sections[0].title == "關於這份計畫"
    assert len(form.sections) == len(load_form_file(FORMS / "action-plan.yml").sections)


def test_the_specs_command_names_a_translation_out_of_step(tmp_path, monkeypatch, capsys):
    from customer_focus.cli import main
    from customer_focus.tools import spec

    broken = tmp_path / "kano.yml"
    text = (LOCALES / "tools" / "kano.yml").read_text("utf-8")
    broken.write_text(text.replace("title: 狩野模型分類\n", ""), encoding="utf-8")
    original = spec.translation_path
    monkeypatch.setattr(spec, "translation_path", lambda tool, language: broken
                        if tool == "kano" else original(tool, language))
    load_spec.cache_clear()
    try:
        assert main(["specs", "--check"]) == 1
    finally:
        load_spec.cache_clear()
    assert "locales/zh_TW/tools/kano.yml:3: lacks 'title', which the English has" in (
        capsys.readouterr().err)


def test_the_worksheets_first_examples_are_chinese_with_the_english_numbers():
    from customer_focus.core.messages import language
    from customer_focus.tools.kano import calc as kano
    from customer_focus.tools.work_process import table as work_process

    english = kano.course_example(), work_process.example_steps()
    with language("zh_TW"):
        chinese = kano.course_example(), work_process.example_steps()
        analyzed = work_process.analyze_process(chinese[1])
    assert (english[0]["feature"], chinese[0]["feature"]) == ("Loaner bike", "代步自行車")
    assert {**chinese[0], "feature": ""} == {**english[0], "feature": ""}
    texts = ["step", "what_goes_wrong"]
    for column in texts:
        for text, other in zip(english[1][column], chinese[1][column], strict=True):
            if text:
                assert_chinese(text, other)
            else:
                assert other == ""
    assert chinese[1].drop(columns=texts).equals(english[1].drop(columns=texts))
    words = [*texts, "to_improve"]  # the advice is said in the reader's language
    assert analyzed.drop(columns=words).equals(
        work_process.analyze_process(english[1]).drop(columns=words))
