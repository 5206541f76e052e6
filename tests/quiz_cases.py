"""The shared grading cases (tests/quiz-grading-cases.yml), loaded for both graders."""

from __future__ import annotations

from pathlib import Path

import yaml

from customer_focus.course.quiz.bank import Question, question_from_data

CASES_FILE = Path(__file__).resolve().parent / "quiz-grading-cases.yml"


def load_cases() -> tuple[dict[str, Question], list[dict]]:
    """The case questions (validated like any bank question) and the cases."""
    data = yaml.safe_load(CASES_FILE.read_text(encoding="utf-8"))
    questions = {
        name: question_from_data(spec, source=str(CASES_FILE), objectives=["test"])
        for name, spec in data["questions"].items()
    }
    return questions, data["cases"]
