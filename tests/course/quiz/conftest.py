"""Fixtures of the quiz tests."""

from __future__ import annotations

import pytest

from customer_focus.course.course_map import load_course_map
from customer_focus.course.quiz.bank import load_bank

FIXTURE = "tests/fixtures/exam-course"


@pytest.fixture(scope="module")
def pool(root):
    course = load_course_map(root / FIXTURE / "book/course-map.yml")
    return load_bank(
        root / FIXTURE / "book/quizzes/knowledge-check.yml", objectives=course.objectives
    )
