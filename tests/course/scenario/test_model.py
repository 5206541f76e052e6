"""The branching scenario's story: validation (one test per rule) and the path rules."""

from __future__ import annotations

import textwrap

import pytest

from customer_focus.course import scenario
from customer_focus.course.cases import expand
from customer_focus.course.scenario import model as sc

from .stories import CONDITIONS, GOOD, load_story


def _problems(tmp_path, text):
    path = tmp_path / "s.yml"
    path.write_text(textwrap.dedent(text))
    with pytest.raises(sc.ScenarioError) as caught:
        sc.load_scenario(path, source="s.yml", expand=expand)
    return [str(problem) for problem in caught.value.problems]


def test_course_scenario_has_enough_decisions_and_endings(root):
    story = scenario.load(root / "book/practice/scenarios/late-delivery.yml")
    assert len(story.decision_points) >= 3
    assert len(story.endings) >= 4
    reached = {ending for _, ending, _ in sc.all_paths(story)}
    assert reached == set(story.endings)
    for ending in story.endings:
        assert "../learn/" in story.nodes[ending].debrief, (
            f"{ending} does not link back to a chapter"
        )


def test_a_loop_with_an_exit_is_allowed(tmp_path):
    story = load_story(tmp_path)
    assert sc.walk(story, [1, 0, 1, 1]) == ("right-end", 2)
    assert sc.walk(story, [0]) == ("left-end", 2)


def test_every_choice_must_lead_to_an_existing_node(tmp_path):
    assert _problems(tmp_path, GOOD.replace("next: left-end", "next: nowhere")) == [
        "s.yml:10: node 'first', choice 1: leads to 'nowhere', which is not a node"
    ]


def test_no_node_may_be_unreachable(tmp_path):
    text = GOOD + "  orphan:\n    ending: true\n    title: O\n    text: O.\n    debrief: O.\n"
    assert _problems(tmp_path, text) == [
        "s.yml:28: node 'orphan': no choice leads here, so no reader can reach it"
    ]


def test_a_loop_without_an_exit_is_an_error(tmp_path):
    text = GOOD.replace(
        "      - {label: Onward, next: right-end, points: 1, consequence: O., feedback: Fine.}\n",
        "",
    ).replace("next: left-end", "next: second")
    problems = _problems(tmp_path, text)
    assert any("node 'first': no path from here reaches an ending" in p for p in problems)
    assert any("node 'second': no path from here reaches an ending" in p for p in problems)


def test_a_dead_end_needs_choices_or_to_be_an_ending(tmp_path):
    text = GOOD.replace("    ending: true\n    title: Right end", "    title: Right end")
    problems = _problems(tmp_path, text)
    assert any(
        "node 'right-end': a decision point needs a list of 'choices' (or is it an ending?" in p
        for p in problems
    )


def test_start_must_be_a_node(tmp_path):
    assert _problems(tmp_path, GOOD.replace("start: first", "start: beginning")) == [
        "s.yml:4: scenario: 'start' must name a node (got 'beginning')"
    ]


def test_endings_need_a_debrief(tmp_path):
    assert _problems(tmp_path, GOOD.replace("    debrief: Also fine.\n", "")) == [
        "s.yml:24: node 'right-end': missing 'debrief'"
    ]


def test_points_must_be_whole_numbers(tmp_path):
    assert (
        "'points' must be a whole number (got 1.5)"
        in _problems(tmp_path, GOOD.replace("points: 2", "points: 1.5"))[0]
    )


def test_walk_rejects_a_path_that_does_not_fit(tmp_path):
    story = load_story(tmp_path)
    with pytest.raises(ValueError, match="node 'first' has no choice 5"):
        sc.walk(story, [5])
    with pytest.raises(ValueError, match="already reached the ending 'left-end'"):
        sc.walk(story, [0, 0])


# ---- endings true on every path: conditions and variants ---------------------------------


def test_the_course_scenario_has_28_paths_and_every_ending_text_fits_its_path(root):
    story = scenario.load(root / "book/practice/scenarios/late-delivery.yml")
    paths = sc.all_paths(story)
    assert len(paths) == 28
    for path, ending, _ in paths:
        index, variant = sc.ending_variant(story, path)
        taken = sc.path_ids(story, path)
        if "monday-fallout" in taken:  # the opening day was lost: no ending may praise it
            assert "saved the opening day" not in variant.text
        if "follow-up" not in taken:
            assert ending == "quiet-exit"
    # the approval limit the first choice relies on is set in the story itself
    assert "spend up to $1,000 on one incident" in story.nodes["the-call"].text


def test_an_ending_whose_condition_fails_on_a_path_names_the_file_line_and_path(tmp_path):
    problems = _problems(tmp_path, CONDITIONS)
    assert problems == [
        "s.yml:21: node 'happy-end': the path fast → skip → happy-end reaches this ending without "
        "'fix', which it requires",
        "s.yml:21: node 'happy-end': the path slow → skip → happy-end reaches this ending without "
        "'fix', which it requires",
    ]


def test_excludes_are_checked_on_every_path_too(tmp_path):
    text = CONDITIONS.replace("    requires: [fix]\n", "    excludes: [slow]\n")
    assert _problems(tmp_path, text) == [
        "s.yml:21: node 'happy-end': the path slow → fix → happy-end reaches this ending through "
        "'slow', which it excludes",
        "s.yml:21: node 'happy-end': the path slow → skip → happy-end reaches this ending through "
        "'slow', which it excludes",
    ]


def test_variants_make_the_text_depend_on_the_path(tmp_path):
    text = CONDITIONS.replace("    requires: [fix]\n", "").replace(
        "    debrief: Well done.\n",
        "    debrief: Well done.\n    variants:\n      - requires: [slow]\n        text: You got "
        "there in the end.\n",
    )
    story = load_story(tmp_path, text)
    assert sc.ending_variant(story, [1, 0])[1].text == "<p>You got there in the end.</p>"
    assert sc.ending_variant(story, [0, 0]) == (1, story.nodes["happy-end"].variants[1])


def test_a_path_without_a_matching_variant_or_default_text_is_an_error(tmp_path):
    text = (
        CONDITIONS.replace("    requires: [fix]\n", "")
        .replace("    text: You saved the day.\n", "")
        .replace(
            "    debrief: Well done.\n",
            "    debrief: Well done.\n    variants:\n      - requires: [fast]\n        text: "
            "Quick.\n",
        )
    )
    problems = _problems(tmp_path, text)
    assert (
        "s.yml:22: node 'happy-end': the path slow → fix → happy-end matches no variant, and the "
        "ending has no default text"
        in problems
    )


def test_a_variant_no_path_shows_is_an_error(tmp_path):
    text = (
        CONDITIONS.replace("    requires: [fix]\n", "")
        .replace(
            "    debrief: Well done.\n",
            "    debrief: Well done.\n    variants:\n      - excludes: [nobody]\n        text: "
            "A.\n      - requires: [fast]\n        text: B.\n",
        )
        .replace("excludes: [nobody]", "excludes: [happy-end]")
    )
    assert (
        "s.yml:24: node 'happy-end', variant 1: no path shows it (an earlier variant always "
        "matches first, or its conditions never hold)"
        in _problems(tmp_path, text)
    )


def test_conditions_must_name_nodes_or_choices(tmp_path):
    text = CONDITIONS.replace("requires: [fix]", "requires: [fixed]")
    assert _problems(tmp_path, text) == [
        "s.yml:21: node 'happy-end': 'requires' names 'fixed', which is neither a node nor a "
        "choice id"
    ]


def test_choice_ids_are_unique(tmp_path):
    text = CONDITIONS.replace("{id: slow,", "{id: fast,")
    assert any(
        "id 'fast' is already used by another choice or a node" in p
        for p in _problems(tmp_path, text)
    )


def test_case_placeholders_are_expanded_and_checked(tmp_path):
    base = CONDITIONS.replace("    requires: [fix]\n", "")
    story = load_story(
        tmp_path,
        base.replace("text: Decide.", "text: 'Worth {case:opening.harbor.lifetime_value}.'"),
    )
    assert story.nodes["first"].text == "<p>Worth $108,000.</p>"
    problems = _problems(
        tmp_path, base.replace("text: Decide.", "text: 'Worth {case:opening.harbor.worth}.'")
    )
    assert len(problems) == 1 and problems[0].startswith(
        "s.yml:8: node 'first': 'text': {case:opening.harbor.worth}: no case figure named"
    )


def test_without_an_expand_function_the_text_is_kept_and_the_paths_are_the_same(root):
    path = root / "book/practice/scenarios/late-delivery.yml"
    as_written, course = sc.load_scenario(path), scenario.load(path)
    assert "{case:scenario.spending_limit}" in as_written.nodes["the-call"].text
    assert "{case:" not in course.nodes["the-call"].text
    assert sc.all_paths(as_written) == sc.all_paths(course)
    assert as_written.endings == course.endings


def test_find_scenario_names_the_scenarios_there_are(root, monkeypatch):
    monkeypatch.chdir(root / "solutions")
    assert sc.find_scenario("late-delivery") == root / "book/practice/scenarios/late-delivery.yml"
    with pytest.raises(FileNotFoundError, match="the scenarios are: late-delivery"):
        sc.find_scenario("early-delivery")
