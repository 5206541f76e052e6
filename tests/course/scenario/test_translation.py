"""Translated scenarios: id parity of every translation, the overlay's checks, the same story."""

from __future__ import annotations

import textwrap
from pathlib import Path

import pytest

from customer_focus.course.cases import expand
from customer_focus.course.scenario.model import (
    ScenarioError,
    all_paths,
    ending_variant,
    load_scenario,
)
from customer_focus.course.translation import translation_path

ROOT = Path(__file__).resolve().parents[3]
SCENARIOS = sorted((ROOT / "book/practice/scenarios").glob("*.yml"))
LOCALES = ROOT / "locales"
LANGUAGES = sorted(path.name for path in LOCALES.iterdir() if (path / "scenarios").is_dir())


def _load(path: Path, language: str | None = None):
    return load_scenario(path, source=path.relative_to(ROOT).as_posix(), expand=expand,
                         language=language, locales=LOCALES)


@pytest.mark.parametrize("language", ["zh_TW"])
def test_every_scenario_has_a_translation(language):
    missing = [path.stem for path in SCENARIOS
               if not translation_path("scenarios", path, language, locales=LOCALES).is_file()]
    assert missing == []


@pytest.mark.parametrize("language", LANGUAGES)
@pytest.mark.parametrize("path", SCENARIOS, ids=lambda path: path.stem)
def test_a_translated_scenario_is_the_same_story_in_other_words(path, language):
    # Loading checks the translation against the English: a node, choice or variant missing or
    # extra, a text key missing or extra, a text that is not a string, each at its file and line.
    english, translated = _load(path), _load(path, language)
    assert (translated.id, translated.start, translated.fingerprint) == (
        english.id, english.start, english.fingerprint
    )
    assert translated.title != english.title
    assert list(translated.nodes) == list(english.nodes)
    for node_id, node in translated.nodes.items():
        theirs = english.nodes[node_id]
        assert node.title != theirs.title and node.ending == theirs.ending
        assert [(c.id, c.next, c.points) for c in node.choices] == [
            (c.id, c.next, c.points) for c in theirs.choices
        ]
        assert [(v.requires, v.excludes) for v in node.variants] == [
            (v.requires, v.excludes) for v in theirs.variants
        ]
    paths = all_paths(english)
    assert all_paths(translated) == paths
    for steps, _ending, _points in paths:
        index, variant = ending_variant(translated, steps)
        assert index == ending_variant(english, steps)[0]
        assert variant.text and variant.debrief
        assert "{case:" not in variant.text + variant.debrief


ENGLISH = textwrap.dedent("""\
    scenario:
      id: demo
      title: Demo
      start: first
    nodes:
      first:
        title: First
        text: Decide.
        choices:
          - {id: fast, label: Fast, next: done, points: 2, consequence: F., feedback: Good.}
          - {id: slow, label: Slow, next: done, points: 0, consequence: S., feedback: Hm.}
      done:
        ending: true
        title: Done
        text: It is over.
        debrief: See [the chapter](../learn/lifetime-value.md).
        variants:
          - requires: [fast]
            text: Quickly over.
""")

GOOD = textwrap.dedent("""\
    scenario:
      id: demo
      title: 示範
    nodes:
      first:
        title: 第一步
        text: 做個決定。
        choices:
          - id: fast
            label: 快
            consequence: 快了。
            feedback: 好。
          - id: slow
            label: 慢
            consequence: 慢了。
            feedback: 嗯。
      done:
        title: 結束
        text: 結束了，花了 {case:scenario.courier_cost}。
        debrief: 請看[這一章](../learn/lifetime-value.md)。
        variants:
          - text: 很快就結束了。
""")


def _story(tmp_path: Path, translation: str | None) -> tuple[Path, Path]:
    english = tmp_path / "book/practice/scenarios/demo.yml"
    english.parent.mkdir(parents=True)
    english.write_text(ENGLISH, encoding="utf-8")
    target = tmp_path / "locales/zh_TW/scenarios/demo.yml"
    target.parent.mkdir(parents=True)
    if translation is not None:
        target.write_text(translation, encoding="utf-8")
    return english, tmp_path / "locales"


def _problems(tmp_path: Path, translation: str) -> list[str]:
    english, locales = _story(tmp_path, translation)
    with pytest.raises(ScenarioError) as caught:
        load_scenario(english, source="demo.yml", expand=expand, language="zh_TW",
                      locales=locales)
    return [f"{Path(p.file).name}:{p.line}: {p.message}" for p in caught.value.problems]


def test_a_good_translation_tells_the_same_story_in_chinese(tmp_path):
    english_path, locales = _story(tmp_path, GOOD)
    english = load_scenario(english_path, expand=expand)
    chinese = load_scenario(english_path, expand=expand, language="zh_TW", locales=locales)
    assert chinese.title == "示範" and chinese.fingerprint == english.fingerprint
    first, done = chinese.nodes["first"], chinese.nodes["done"]
    assert [c.label for c in first.choices] == ["快", "慢"]
    assert [c.points for c in first.choices] == [2, 0]
    assert "$900" in done.text  # case placeholders are written in, as in the English
    assert ending_variant(chinese, [0])[1].text == "<p>很快就結束了。</p>"
    assert ending_variant(chinese, [1])[1].text == done.text
    assert ending_variant(chinese, [0])[1].debrief == done.debrief  # the ending's, as in English
    assert chinese.to_data().keys() == english.to_data().keys()


def test_a_missing_translation_is_an_error_or_the_english_when_asked(tmp_path):
    english_path, locales = _story(tmp_path, None)
    with pytest.raises(ScenarioError, match="demo.yml:1: no translation into zh_TW"):
        load_scenario(english_path, expand=expand, language="zh_TW", locales=locales)
    english = load_scenario(english_path, expand=expand)
    fallback = load_scenario(english_path, expand=expand, language="zh_TW", locales=locales,
                             fallback=True)
    assert fallback == english


def test_a_missing_and_an_extra_node_are_named(tmp_path):
    text = GOOD.replace("  done:", "  finished:")
    assert _problems(tmp_path, text) == [
        "demo.yml:17: nodes: node 'finished' is not in the English (demo.yml); remove it or "
        "correct the id",
        "demo.yml:5: nodes: node 'done' of the English (demo.yml:12) is missing; translate it",
    ]


def test_a_missing_choice_is_named_with_the_english_line(tmp_path):
    text = GOOD.replace("      - id: slow\n        label: 慢\n        consequence: 慢了。\n"
                        "        feedback: 嗯。\n", "")
    assert _problems(tmp_path, text) == [
        "demo.yml:9: node 'first', choices: choice 'slow' of the English (demo.yml:11) is "
        "missing; translate it",
    ]


def test_a_text_key_the_english_node_lacks_is_named(tmp_path):
    text = GOOD.replace("    text: 做個決定。\n", "    text: 做個決定。\n    debrief: 多的。\n")
    assert _problems(tmp_path, text) == [
        "demo.yml:8: node 'first': 'debrief' is not in the English (it has title, text, "
        "choices); remove it",
    ]


def test_variants_must_match_the_english_ones(tmp_path):
    text = GOOD + "      - text: 多一個。\n"
    problems = _problems(tmp_path, text)
    assert problems == [
        "demo.yml:21: node 'done': 'variants' must be a list of 1 (one per variant of the "
        "English, in the same order: demo.yml:17)",
    ]


def test_a_label_that_is_not_text_is_named(tmp_path):
    text = GOOD.replace("label: 快\n", "label: [快]\n")
    assert _problems(tmp_path, text) == [
        "demo.yml:10: node 'first', choice 'fast': 'label' must be text in quotes, not a list",
    ]


def test_an_unknown_case_figure_in_the_translation_is_named(tmp_path):
    problems = _problems(tmp_path, GOOD.replace("scenario.courier_cost", "scenario.courier"))
    assert len(problems) == 1 and problems[0].startswith("demo.yml:19: node 'done': 'text': ")
