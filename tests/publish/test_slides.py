"""Slide decks from the book's pages, parsed with markdown-it-py and the MyST plugins."""

from __future__ import annotations

import re

import pytest

from customer_focus.core.paths import course_root
from customer_focus.core.problems import DataFileError
from customer_focus.course.course_map import load_course_map
from customer_focus.course.decks import DeckOutline, load_outlines
from customer_focus.publish.slides import deck_html, markdown_parser, page_deck

ROOT = course_root()
OUTLINES = load_outlines(ROOT / "book/instructors/decks.yml")
KINDS = next(iter(OUTLINES.values())).kinds
PAGE_DECKS = sorted(ident for ident, outline in OUTLINES.items() if outline.source)


def _headings(source: str) -> list[str]:
    tokens = markdown_parser().parse((ROOT / "book" / f"{source}.md").read_text())
    return [
        tokens[i + 1].content
        for i, token in enumerate(tokens)
        if token.type == "heading_open" and token.tag == "h2"
    ]


def test_a_deck_per_learn_chapter_the_opening_poll_and_the_debrief():
    chapters = load_course_map(ROOT / "book/course-map.yml").learn_chapters
    assert {outline.chapter for outline in OUTLINES.values() if outline.chapter} == set(chapters)
    assert {"opening-case-poll", "scenario-debrief"} <= set(OUTLINES)


@pytest.mark.parametrize("ident", PAGE_DECKS)
def test_every_section_the_outline_names_is_on_its_page_and_has_an_activity(ident):
    outline = OUTLINES[ident]
    headings = _headings(outline.source)
    for heading in (*outline.sections, *outline.skip, *outline.activities, *outline.after):
        assert heading in headings, f"{ident}: no section {heading!r} on {outline.source}"
    kept = [
        heading
        for heading in headings
        if outline.keeps(heading) and not heading.lower().startswith("check yourself")
    ]
    assert kept
    assert [heading for heading in kept if heading not in outline.activities] == []


@pytest.fixture(scope="module")
def decks(tmp_path_factory):
    images = tmp_path_factory.mktemp("images")
    return {ident: page_deck(OUTLINES[ident], ROOT, images, {}) for ident in PAGE_DECKS}, images


@pytest.mark.parametrize("ident", PAGE_DECKS)
def test_every_slide_has_an_activity_and_a_title(decks, ident):
    deck = decks[0][ident]
    assert len(deck.slides) >= 5
    for slide in deck.slides:
        assert slide.title and slide.activity, slide


def test_a_chapter_deck_has_its_objectives_figures_exercises_and_notes(decks):
    deck, images = decks[0]["lifetime-value"], decks[1]
    kinds = [slide.kind for slide in deck.slides]
    assert kinds[:2] == ["title", "objectives"]
    assert kinds.count("figure") >= 2 and kinds.count("exercise") >= 4 and "check" in kinds
    figures = [slide for slide in deck.slides if slide.kind == "figure"]
    for slide in figures:
        name = re.search(r'src="images/([^"]+)"', slide.body).group(1)
        assert (images / name).stat().st_size > 1000
        assert re.search(r'alt="[^"]{20,}"', slide.body)
    assert sum(1 for slide in deck.slides if slide.notes) >= 8
    html = deck_html(deck)
    assert html.count('<aside class="notes"><p><strong>In the room:</strong>') == len(deck.slides)
    assert "{case}" not in html and "{cite" not in html and "](" not in html
    assert "\\(" in html  # inline math for MathJax
    # the course's icon inside the deck: served on its own, it asks for no favicon.ico
    assert '<link rel="icon" href="data:image/svg+xml,%3Csvg' in html


def test_one_idea_per_slide_lists_and_tables_are_split(decks):
    for deck in decks[0].values():
        for slide in deck.slides:
            assert (
                slide.body.count("<li>") <= 5
                or slide.kind == "objectives"
                and len(slide.body) < 1200
            ), slide.title
            assert slide.body.count("<table") <= 1 and slide.body.count("<img") <= 1, slide.title


def test_the_opening_poll_puts_its_own_slides_after_the_decision(decks):
    titles = [slide.title for slide in decks[0]["opening-case-poll"].slides]
    assert titles == [
        "Opening case: what would you do?",
        "The case: one big prospect, one loyal account",
        "Your decision",
        "Vote",
        "Why did you choose it?",
    ]


def test_nested_fences_are_read_as_the_book_reads_them(tmp_path):
    page = tmp_path / "book" / "learn" / "nested.md"
    page.parent.mkdir(parents=True)
    page.write_text(
        "# Nested\n\n## Fences\n\nThe lead.\n\n"
        "````{admonition} Outer box\n"
        "Text in the box.\n\n"
        "```python\nprint('inside')\n```\n\n"
        "More text after the inner fence.\n"
        "````\n\n"
        ":::{exercise}\nTry the thing: {case}`opening.harbor.lifetime_value`.\n:::\n\n"
        "After the box.\n\n- one\n- two\n"
    )
    outline = DeckOutline(
        id="nested", title="", source="learn/nested", activities={"Fences": "Discuss."}, kinds=KINDS
    )
    deck = page_deck(outline, tmp_path, tmp_path / "images", {})
    kinds = [(slide.kind, slide.title) for slide in deck.slides]
    assert kinds == [
        ("title", "Nested"),
        ("section", "Fences"),
        ("box", "Outer box"),
        ("exercise", "Try it"),
        ("section", "Fences"),
    ]
    box = deck.slides[2].body
    assert "print('inside')" in box and "More text after the inner fence." in box
    assert "$108,000" in deck.slides[3].body
    assert "<li>one</li>" in deck.slides[4].body


def test_a_deck_outline_with_a_problem_names_its_line(tmp_path):
    bad = tmp_path / "decks.yml"
    text = (
        (ROOT / "book/instructors/decks.yml")
        .read_text()
        .replace(
            '    title: "Scenario debrief: Crestline and Harbor Supply"\n',
            '    title: "Scenario debrief: Crestline and Harbor Supply"\n'
            "    source: practice/scenario\n",
        )
    )
    bad.write_text(text)
    with pytest.raises(
        DataFileError, match=r"decks.yml:\d+: deck scenario-debrief: give either 'source'"
    ):
        load_outlines(bad)
