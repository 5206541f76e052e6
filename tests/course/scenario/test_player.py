"""The branching scenario in a notebook: the same rules as the book."""

from __future__ import annotations

from customer_focus.course import scenario
from customer_focus.course.scenario.player import ScenarioPlayer

from .stories import CONDITIONS, load_story


def test_player_follows_the_same_rules(tmp_path):
    story = load_story(tmp_path)
    player = ScenarioPlayer(story)
    player.choose(1)
    player.choose(1)
    assert player.state == ("right-end", 1)
    assert "Your score: 1 of a possible 2 points." in player.node.value
    assert player.choices.children == ()
    player.reset()
    assert player.state == ("first", 0) and len(player.choices.children) == 2


def test_the_player_shows_the_ending_text_that_is_true_on_the_path(tmp_path):
    text = CONDITIONS.replace("    requires: [fix]\n", "").replace(
        "    debrief: Well done.\n",
        "    debrief: Well done.\n    variants:\n      - requires: [slow]\n"
        "        text: You got there in the end.\n",
    )
    player = ScenarioPlayer(load_story(tmp_path, text))
    player.choose(1)
    player.choose(1)
    assert "You got there in the end." in player.node.value
    assert "saved the day" not in player.node.value


def test_play_finds_the_course_scenario(root, monkeypatch):
    monkeypatch.chdir(root / "solutions")
    widget = scenario.play("late-delivery")
    assert "A late delivery at Harbor Supply" in widget.children[0].value
