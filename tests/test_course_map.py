"""The course map: chapters and learning objectives."""

from __future__ import annotations

import pytest

from customer_focus.course_map import load_course_map

CHAPTER = "chapters:\n- {id: a, title: A, page: p}\n"


def test_course_map_lists_the_lifetime_value_objectives(root):
    course = load_course_map(root / "book/course-map.yml")
    ids = [objective.id for objective in course.objectives_of("lifetime-value")]
    assert "clv-calculate" in ids and "spc-links" in ids


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("chapters: []\nobjectives: []", "needs a non-empty list under 'chapters'"),
        (f"{CHAPTER}- {{id: a, title: B, page: q}}\nobjectives:\n- {{id: x, chapter: a, text: t}}",
         "chapter id 'a' appears twice"),
        (f"{CHAPTER}objectives:\n- {{id: x, chapter: b, text: t}}",
         "names chapter 'b', which is not in the chapters list"),
        (f"{CHAPTER}objectives:\n- {{id: x, chapter: a}}", "objectives entry 1 is missing text"),
        ("chapters: [", "cannot be read"),
    ],
)
def test_course_map_errors_name_the_problem(tmp_path, text, message):
    path = tmp_path / "map.yml"
    path.write_text(text)
    with pytest.raises(ValueError, match=message):
        load_course_map(path)
