"""The Kano exercise: its numbers match the notebook, and each check explains the likely wrong
answers."""

from __future__ import annotations

import ast

import nbformat
import pytest

from customer_focus.core import tables
from customer_focus.core.messages import language
from customer_focus.tools.kano import exercise, table

from ..exercise_checks import assert_wrong_answer_explained, run_outside_the_course

SAMPLE = "book/apply/tools/data/kano-sample.csv"


def test_notebook_prints_the_same_counts_as_the_check(root):
    notebook = nbformat.read(root / "solutions/kano.ipynb", as_version=4)
    cells = [cell.source.strip() for cell in notebook.cells if cell.source.startswith("counts = ")]
    assert [ast.literal_eval(cell.split("=", 1)[1].strip()) for cell in cells] == [exercise.COUNTS]


WRONG = {
    "q1": ("I", "dislikes missing it"),
    "q1b": ("o", "*Like* when the feature is there and *Dislike*"),
    "q2": (0.6, "divided by all 50 answers"),
    "q3": (0.533, "Worse is negative"),
    "q3b": (-0.48, "divided by all 50 answers"),
    "q4": ("Repair done within two days", "A close second"),
}


@pytest.mark.parametrize("key", sorted(WRONG))
def test_check_fails_on_a_wrong_answer_and_says_why(key):
    assert_wrong_answer_explained(exercise, key[:2], *WRONG[key])


def test_the_reasons_of_question_4_still_match_the_sample(root):
    results = table.analyze_kano(tables.read_table(root / SAMPLE)).set_index("feature")
    assert results.loc["Repair done within two days", "worse"] == pytest.approx(-0.75)
    assert results.loc["Shop logo sticker", "worse"] == 0
    assert results.loc["Sales call after every visit", "category"] == "R"
    assert results["better"].idxmax() in (
        "Loaner bike during repairs",
        "Repair done within two days",
    )


def test_the_exercise_imports_outside_the_course_and_reads_the_sample_only_when_checked(tmp_path):
    """The package works from any install: the book's sample file is needed by a check, not
    by the import, and its absence is explained."""
    lines = run_outside_the_course(
        "kano", {'category_q1': 'M', 'missed_q4': 'Shop logo sticker'}, "q1", "q4", tmp_path
    )
    assert lines[0] == "Correct"
    assert lines[1].startswith("Cannot find the course's folder")


def test_question_4_offers_the_features_of_the_sample(root, monkeypatch):
    monkeypatch.chdir(root)
    exercise.bind({"missed_q4": "Free coffee"})
    message = exercise.q4.check().message
    assert "'Brakes checked at every service'" in message and "is not one of the options" in message


def test_the_sample_is_the_worksheets_file_in_the_book(root):
    assert exercise.SAMPLE[-1] == "kano-sample.csv"
    assert root.joinpath("book", *exercise.SAMPLE).is_file()


def test_in_chinese_question_4_offers_the_twins_features_and_keeps_their_reasons(root, monkeypatch):
    monkeypatch.chdir(root)
    with language("zh_TW"):
        exercise.bind({"missed_q4": "每次保養都檢查煞車"})
        assert exercise.q4.check().passed
        exercise.bind({"missed_q4": "店家標誌貼紙"})
        assert exercise.q4.check().message == exercise.q4.reasons["Shop logo sticker"]
        exercise.bind({"missed_q4": "Free coffee"})
        assert "'每次保養都檢查煞車'" in exercise.q4.check().message
    exercise.bind({"missed_q4": "Brakes checked at every service"})
    assert exercise.q4.check().passed
