"""The workshop agendas (book/instructors/agendas.yml): timings that add up, enough time per
chapter, workshop checks restricted to what the session teaches, and only real handouts."""

from __future__ import annotations

import re

import pytest
import yaml

from customer_focus.core.paths import course_root
from customer_focus.core.problems import DataFileError
from customer_focus.course.agendas import load_agendas
from customer_focus.course.course_map import load_course_map
from customer_focus.course.decks import load_outlines

ROOT = course_root()
INSTRUCTORS = ROOT / "book/instructors"
AGENDAS = load_agendas(INSTRUCTORS / "agendas.yml")
RAW = {
    agenda["id"]: agenda
    for agenda in yaml.safe_load((INSTRUCTORS / "agendas.yml").read_text())["agendas"]
}
COURSE = load_course_map(ROOT / "book/course-map.yml")


def test_the_three_workshops_are_there():
    assert set(AGENDAS) == {"90-minute", "half-day", "full-day"}


@pytest.mark.parametrize("ident", sorted(RAW))
def test_minutes_add_up_to_the_session_read_straight_from_the_file(ident):
    raw = RAW[ident]
    assert sum(item["minutes"] for item in raw["items"]) == raw["length"]


def test_lengths_and_end_times():
    assert (AGENDAS["90-minute"].length, AGENDAS["90-minute"].starts()[-1]) == (90, "10:30")
    assert (AGENDAS["half-day"].length, AGENDAS["half-day"].starts()[-1]) == (210, "12:30")
    assert (AGENDAS["full-day"].length, AGENDAS["full-day"].starts()[-1]) == (480, "17:00")
    assert AGENDAS["full-day"].content_minutes() == 390


def test_a_wrong_sum_is_reported_at_its_line(tmp_path):
    text = (INSTRUCTORS / "agendas.yml").read_text().replace("    length: 90\n", "    length: 95\n")
    bad = tmp_path / "instructors" / "agendas.yml"
    bad.parent.mkdir()
    bad.write_text(text)
    for page in ("check-90-minute.md", "check-half-day.md", "answer-keys.md"):
        (bad.parent / page).write_text("# page\n")
    with pytest.raises(DataFileError) as error:
        load_agendas(bad)
    line = text.splitlines().index("    length: 95") + 1
    assert (
        f"agendas.yml:{line}: agenda 90-minute: the items add up to 90 minutes, not the 95"
        in str(error.value)
    )
    assert "no page '../start/opening-case.md'" in str(error.value)


def _chapter_minutes(agenda):
    """Minutes of the items that show a chapter's deck (a chapter deck's id is the chapter's)."""
    minutes = dict.fromkeys(agenda.chapters, 0)
    for item in agenda.items:
        for deck in {use.target for use in item.uses if use.kind == "deck"}:
            if deck in minutes:
                minutes[deck] += item.minutes
    return minutes


def test_the_full_day_gives_every_chapter_time_for_its_objectives():
    minutes = _chapter_minutes(AGENDAS["full-day"])
    per_objective = {
        chapter: minutes[chapter] / len(COURSE.objectives_of(chapter)) for chapter in minutes
    }
    assert min(per_objective.values()) >= 5, per_objective
    # Chapter 6 has the most objectives (8) and quiz items: it gets the most time after chapter 3.
    assert minutes["delivering-value"] >= 75
    assert per_objective["delivering-value"] >= 9


@pytest.mark.parametrize("ident", sorted(RAW))
def test_every_chapter_an_agenda_teaches_is_shown(ident):
    agenda = AGENDAS[ident]
    assert set(agenda.chapters) <= set(COURSE.learn_chapters)
    assert all(minutes > 0 for minutes in _chapter_minutes(agenda).values())


@pytest.mark.parametrize("ident", ["90-minute", "half-day"])
def test_the_workshop_check_draws_only_from_the_chapters_taught(ident):
    agenda = AGENDAS[ident]
    page = (INSTRUCTORS / agenda.check).read_text()
    placed = re.search(r"```\{quiz\} knowledge-check\n:chapters: (.+)\n```", page)
    assert placed, f"{agenda.check} places no restricted knowledge check"
    assert [chapter.strip() for chapter in placed.group(1).split(",")] == list(agenda.chapters)
    # and the page says so in words, with a link to each chapter
    for chapter in agenda.chapters:
        assert f"../{COURSE.learn_chapters[chapter].page}.md" in page


def test_the_full_day_uses_the_whole_knowledge_check():
    agenda = AGENDAS["full-day"]
    assert set(agenda.chapters) == set(COURSE.learn_chapters)
    page = (INSTRUCTORS / agenda.check).read_text()
    assert "```{quiz} knowledge-check\n```" in page


def _printable(page):
    """A page that prints as a handout: a form (the printable-form directive) or the workbook."""
    text = page.read_text()
    return "```{printable-form}" in text or "```{exercise-workbook}" in text


@pytest.mark.parametrize("ident", sorted(RAW))
def test_agendas_cite_only_handouts_that_exist(ident):
    agenda = AGENDAS[ident]
    materials = agenda.materials()
    assert materials, "every session prints something"
    for material in materials:
        page = (INSTRUCTORS / material.page).resolve()
        assert page.is_file(), material.page
        assert _printable(page), f"{material.page} is not a printable page"
        assert material.copies >= 1
    # every session closes with the action plan
    assert "../apply/forms/action-plan-form.md" in [material.page for material in materials]


@pytest.mark.parametrize("ident", sorted(RAW))
def test_agendas_show_only_decks_that_exist_and_say_which_slides(ident):
    decks = load_outlines(INSTRUCTORS / "decks.yml")
    for item in AGENDAS[ident].items:
        for use in item.uses:
            if use.kind == "deck":
                assert use.target in decks
                assert use.slides


def test_no_agenda_says_handout_without_naming_it():
    guide = (INSTRUCTORS / "facilitator-guide.md").read_text()
    assert "| Handout |" not in guide
    assert not re.search(r"\|\s*Handout\s*\|", (INSTRUCTORS / "agendas.yml").read_text())
