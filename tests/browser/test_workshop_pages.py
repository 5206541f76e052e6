"""The workshop pages of the built site: agendas whose times add up (in both editions; the
zh-TW ones all Chinese), handouts that open, answer keys that say what the solution notebooks
say, and a workbook with every question."""

from __future__ import annotations

import re

import pytest

from customer_focus.course.agendas import load_agendas
from customer_focus.course.exercise_notebooks import course_exercises
from customer_focus.sphinxext.workshop import AGENDA_WORDS
from customer_focus.tools.spec import words

from .conftest import ROOT

pytestmark = pytest.mark.browser
AGENDAS = load_agendas(ROOT / "book/instructors/agendas.yml")
NOTEBOOKS = course_exercises(ROOT)


def _plain(text: str) -> str:
    """Text as written in the notebooks: one space between words, straight quotes."""
    text = text.replace("\u2018", "'").replace("\u2019", "'").replace("\u201c", '"')
    return re.sub(r"\s+", " ", text.replace("\u201d", '"')).strip()


def _minutes(text: str) -> int:
    hours, minutes = text.split(":")
    return int(hours) * 60 + int(minutes)


@pytest.mark.parametrize(("edition", "language"), [("", None), ("zh-TW/", "zh_TW")])
def test_agenda_tables_add_up_on_the_page(visit, edition, language):
    said = words(AGENDA_WORDS, language)
    page = visit.open(f"{edition}book/instructors/facilitator-guide.html")
    tables = page.locator(".cf-agenda table")
    assert tables.count() == len(AGENDAS) == 3
    assert [text.strip() for text in tables.nth(0).locator("thead th").all_inner_texts()] == [
        said[word] for word in ("start", "minutes", "activity", "use")]
    deck = said["deck"].split("*")[0]  # "slides: ", "投影片："
    for index, agenda in enumerate(AGENDAS.values()):
        rows = tables.nth(index).locator("tbody tr")
        cells = [
            [cell.strip() for cell in rows.nth(row).locator("td").all_inner_texts()]
            for row in range(rows.count())
        ]
        minutes = [int(row[1]) for row in cells[:-1]]
        assert sum(minutes) == agenda.length
        assert [row[0] for row in cells] == agenda.starts()
        for row, following in zip(cells, cells[1:], strict=False):
            if row[1]:
                assert _minutes(following[0]) - _minutes(row[0]) == int(row[1])
        assert cells[-1][2] == said["end"]
        uses = " ".join(row[3] for row in cells)
        assert "**" not in uses and f"{deck}(" not in uses
        assert uses.count(deck) == sum(
            1 for item in agenda.items for use in item.uses if use.kind == "deck"
        )
    assert visit.problems() == []


def test_the_chinese_agendas_have_no_english_left(visit):
    page = visit.open("zh-TW/book/instructors/facilitator-guide.html")
    boxes = page.locator(".cf-agenda")
    assert boxes.count() == 3
    for index in range(3):
        text = re.sub(r"Crestline( Foods)?|Harbor Supply|SERVQUAL|NPS|Jupyter|PDF", " ",
                      boxes.nth(index).inner_text())
        assert re.findall(r"[A-Za-z]{2,}", text) == [], text
        assert "合計：" in text and re.search(r"\d+ 分鐘", text)
    assert visit.problems() == []


def test_every_handout_an_agenda_cites_opens_and_prints_a_form(visit):
    page = visit.open("book/instructors/facilitator-guide.html")
    materials = page.locator(".cf-agenda ul a.reference.internal")
    hrefs = sorted({materials.nth(i).get_attribute("href") for i in range(materials.count())})
    expected = {
        material.page.replace(".md", ".html")
        for agenda in AGENDAS.values()
        for material in agenda.materials()
    }
    assert {href.split("#")[0] for href in hrefs} == expected
    for href in sorted(expected):
        form = visit.open(f"book/instructors/{href}")
        assert form.locator(".cf-form, .cf-exercise-workbook").count() == 1, href
    plan = visit.open("book/apply/forms/action-plan-form.html")
    headings = plan.locator(".cf-form h2").all_inner_texts()
    assert headings[1:4] == [
        "What I will do in the next 30 days",
        "The numbers I will compute",
        "Who I will talk to",
    ]
    assert plan.locator(".cf-form-blank").count() >= 30
    assert visit.problems() == []


def test_answer_keys_show_what_the_solution_notebooks_computed(visit):
    page = visit.open("book/instructors/answer-keys.html")
    answers = [
        _plain(text)
        for text in page.locator(".cf-answer-keys p:has(strong)").all_inner_texts()
        if text.startswith("Answer:")
    ]
    expected = [
        "Answer: " + re.sub(r"[`*]", "", question.answer)
        for notebook in NOTEBOOKS
        for question in notebook.questions
    ]
    assert len(answers) == len(expected) == 40
    assert answers == [_plain(text) for text in expected]
    assert page.locator(".cf-answer-keys pre").count() >= 40
    assert visit.problems() == []


def test_the_workbook_has_every_question_and_room_to_work(visit):
    page = visit.open("book/practice/workbook.html")
    headings = page.locator(".cf-exercise-workbook h3").all_inner_texts()
    assert [_plain(heading.rstrip("#")) for heading in headings] == [
        question.heading for notebook in NOTEBOOKS for question in notebook.questions
    ]
    spaces = page.locator(".cf-work-space")
    assert spaces.count() == 40
    assert spaces.first.bounding_box()["height"] >= 150
    assert "### BEGIN SOLUTION" not in page.content()
    assert visit.problems() == []
