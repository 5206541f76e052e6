"""The branching scenario as a reader plays it: every ending, by mouse and by keyboard, and after a reload."""

from __future__ import annotations

import re
from html import unescape

import pytest

from customer_focus.course.scenario import load as load_scenario
from customer_focus.course.scenario.model import all_paths, ending_variant

from .conftest import ROOT

pytestmark = pytest.mark.browser

PAGE = "book/practice/scenario.html"
STORY = load_scenario(ROOT / "book/practice/scenarios/late-delivery.yml")
PATHS = all_paths(STORY)


def _state(page):
    section = page.locator("section.cf-scenario")
    return section.get_attribute("data-node"), int(section.get_attribute("data-points"))


def _plain(html: str) -> str:
    return " ".join(unescape(re.sub(r"<[^>]+>", " ", html)).split())


def test_every_path_ends_where_python_says_with_the_same_points_and_text(visit):
    page = visit.open(PAGE)
    restart = page.locator(".cf-scenario-restart")
    assert len(PATHS) == 28
    for path, ending, points in PATHS:
        restart.click()
        for index in path:
            page.locator(f".cf-scenario-choice[data-index='{index}']").click()
        assert _state(page) == (ending, points), path
        assert f"Your score: {points} of a possible" in page.locator(".cf-scenario-points").inner_text()
        index, variant = ending_variant(STORY, path)
        section = page.locator("section.cf-scenario")
        assert section.get_attribute("data-variant") == str(index), path
        shown = " ".join(page.locator(".cf-scenario-text").inner_text().split())
        assert shown == _plain(variant.text), path
        assert _plain(variant.debrief)[:60] in " ".join(page.locator(".cf-scenario-debrief").inner_text().split())
    assert visit.problems() == []


@pytest.mark.parametrize("ending", STORY.endings)
def test_every_ending_is_reachable_with_the_keyboard_alone(visit, ending):
    page = visit.open(PAGE)
    path = next(path for path, end, _ in PATHS if end == ending)
    page.locator(".cf-scenario-choice").first.focus()
    first = True
    for index in path:
        if not first:
            page.keyboard.press("Tab")  # from the node title to the first option
        for _ in range(index):
            page.keyboard.press("Tab")
        page.keyboard.press("Enter")
        first = False
        assert page.evaluate("document.activeElement.classList.contains('cf-scenario-node-title')")
        assert "You chose:" in page.locator(".cf-scenario-live").inner_text()
    assert _state(page)[0] == ending
    debrief = page.locator(".cf-scenario-debrief")
    assert debrief.locator("a[href$='.html']").count() >= 1
    assert visit.axe_violations() == []
    assert visit.problems() == []


def test_the_path_survives_a_reload_and_restart_clears_it(visit):
    page = visit.open(PAGE)
    page.locator(".cf-scenario-choice[data-index='1']").click()
    page.locator(".cf-scenario-choice[data-index='1']").click()
    before = _state(page)
    page.reload()
    page.wait_for_load_state("networkidle")
    assert _state(page) == before
    assert "You chose:" in page.locator(".cf-scenario-previous").inner_text()
    page.locator(".cf-scenario-restart").click()
    assert _state(page) == (STORY.start, 0)
    page.reload()
    page.wait_for_load_state("networkidle")
    assert _state(page) == (STORY.start, 0)


@pytest.mark.parametrize("stored", ["{broken", '{"version": 1, "scenarios": {"late-delivery": {"fingerprint": "old", "path": [9, 9]}}}'])
def test_bad_saved_path_starts_again_without_errors(visit, stored):
    page = visit.open(PAGE)
    page.evaluate("(value) => localStorage.setItem('customer-focus-scenarios-v1', value)", stored)
    page.reload()
    page.wait_for_load_state("networkidle")
    assert _state(page) == (STORY.start, 0)
    assert visit.problems() == []
