"""The course map: chapters and learning objectives."""

from __future__ import annotations

import pytest

from customer_focus.course.course_map import load_course_map

CHAPTER = "chapters:\n- {id: a, title: A, page: p}\n"


def test_course_map_lists_the_lifetime_value_objectives(root):
    course = load_course_map(root / "book/course-map.yml")
    ids = [objective.id for objective in course.objectives_of("lifetime-value")]
    assert "clv-calculate" in ids and "spc-links" in ids


def test_course_map_has_six_learn_chapters_and_the_apply_part(root):
    course = load_course_map(root / "book/course-map.yml")
    assert len(course.learn_chapters) == 6
    assert all(chapter.page.startswith("learn/") for chapter in course.learn_chapters.values())
    apply = course.chapters["apply"]
    assert (apply.part, apply.page) == ("apply", "apply/index")
    assert 4 <= len(course.objectives_of("apply")) <= 6


def test_every_chapter_page_exists_and_lists_its_objectives(root):
    course = load_course_map(root / "book/course-map.yml")
    for chapter in course.chapters.values():
        page = root / "book" / f"{chapter.page}.md"
        assert page.is_file(), f"{chapter.id}: no page {page}"
        if chapter.part == "learn":
            assert f"```{{learning-objectives}} {chapter.id}\n" in page.read_text(), page


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("chapters: []\nobjectives: []", "needs a non-empty list under 'chapters'"),
        ("chapters:\n- {id: a, title: A, page: p, part: extras}\n"
         "objectives:\n- {id: x, chapter: a, text: t}",
         "chapter 'a' has part 'extras'; use one of learn, apply"),
        (f"{CHAPTER}- {{id: a, title: B, page: q}}\nobjectives:\n- {{id: x, chapter: a, text: t}}",
         "chapter id 'a' appears twice"),
        (f"{CHAPTER}objectives:\n- {{id: x, chapter: b, text: t}}",
         "names chapter 'b', which is not in the chapters list"),
        (f"{CHAPTER}objectives:\n- {{id: x, chapter: a}}", "objectives entry 1 is missing text"),
        ("chapters: [", r"map.yml:1: not valid YAML"),
    ],
)
def test_course_map_errors_name_the_problem(tmp_path, text, message):
    path = tmp_path / "map.yml"
    path.write_text(text)
    with pytest.raises(ValueError, match=message):
        load_course_map(path)
