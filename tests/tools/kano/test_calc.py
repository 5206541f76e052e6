"""Kano's arithmetic: the evaluation table cell by cell, the categories, the coefficients,
properties and bad input."""

from __future__ import annotations

import pandas as pd
import pytest
from hypothesis import given
from hypothesis import strategies as st

from customer_focus.core.validation import InputError
from customer_focus.tools.kano import calc, table

# ---- docs/facts.md section 9: Berger et al. (1993), every cell -----------------------


PUBLISHED = {
    "Like": "Q A A A O",
    "Must-be": "R I I I M",
    "Neutral": "R I I I M",
    "Live-with": "R I I I M",
    "Dislike": "R R R R Q",
}


CELLS = [
    (functional, dysfunctional, letter)
    for functional, row in PUBLISHED.items()
    for dysfunctional, letter in zip(calc.ANSWERS, row.split(), strict=True)
]


def test_the_five_answers_in_order():
    assert calc.ANSWERS == ("Like", "Must-be", "Neutral", "Live-with", "Dislike")


@pytest.mark.parametrize(("functional", "dysfunctional", "letter"), CELLS)
def test_every_cell_of_the_evaluation_table(functional, dysfunctional, letter):
    assert calc.EVALUATION_TABLE[(functional, dysfunctional)] == letter
    assert calc.classify(functional, dysfunctional) == letter


@pytest.mark.parametrize(("functional", "dysfunctional", "letter"), CELLS)
def test_every_cell_through_a_table_of_answers(functional, dysfunctional, letter):
    frame = pd.DataFrame(
        {
            "respondent": [1],
            "feature": ["X"],
            "functional": [functional.upper()],
            "dysfunctional": [dysfunctional.lower()],
        }
    )
    assert table.classify_answers(frame)["category"].tolist() == [letter]


def test_the_table_has_25_cells():
    assert len(calc.EVALUATION_TABLE) == 25 == len(CELLS)


def test_categories_with_kano_and_practitioner_names():
    assert [(c.letter, c.name, c.practitioner) for c in calc.CATEGORIES.values()] == [
        ("A", "Attractive", "delighter"),
        ("O", "One-dimensional", "performance"),
        ("M", "Must-be", "basic"),
        ("I", "Indifferent", ""),
        ("R", "Reverse", ""),
        ("Q", "Questionable", ""),
    ]


def test_question_pair_as_published():
    assert calc.FUNCTIONAL_QUESTION == "How do you feel if the product has X?"
    assert calc.DYSFUNCTIONAL_QUESTION == "How do you feel if the product does not have X?"


@pytest.mark.parametrize(
    ("counts", "better", "worse"),
    [
        ((28, 12, 4, 12), 0.71, -0.29),  # the Learn chapter's loaner bike
        ((10, 30, 15, 5), 0.67, -0.75),  # the Learn chapter's exercise
        ((1, 0, 0, 0), 1.0, 0.0),
        ((0, 0, 1, 0), 0.0, -1.0),
    ],
)
def test_better_and_worse(counts, better, worse):
    b, w = calc.better_worse(*counts)
    assert b == pytest.approx(better, abs=0.005)
    assert w == pytest.approx(worse, abs=0.005)


def test_worse_is_never_minus_zero():
    _, worse = calc.better_worse(3, 0, 0, 2)
    assert str(worse) == "0.0"


@pytest.mark.parametrize(
    "spelling",
    [
        "like",
        "LIKE",
        " Like ",
        "Must be",
        "must-be",
        "MUST_BE",
        "live with",
        "Live-With",
        "neutral",
        "dislike",
    ],
)
def test_answers_are_accepted_in_any_case_and_with_a_space(spelling):
    assert calc.normalize_answer(spelling) in calc.ANSWERS


# ---- bad input: a ValueError that names the input and the fix ------------------------


@pytest.mark.parametrize(
    ("functional", "dysfunctional", "message"),
    [
        ("Love", "Dislike", "functional must be one of"),
        ("Like", None, "dysfunctional must be one of"),
        ("Like", 3, "dysfunctional must be one of"),
    ],
)
def test_classify_rejects_unknown_answers(functional, dysfunctional, message):
    with pytest.raises(ValueError, match=message):
        calc.classify(functional, dysfunctional)


@pytest.mark.parametrize(
    ("counts", "message"),
    [
        ((-1, 2, 3, 4), "attractive must be a whole number of at least 0"),
        ((1, 2.5, 3, 4), "one_dimensional must be a whole number"),
        ((1, 2, "3", 4), "must_be must be a whole number"),
    ],
)
def test_better_worse_rejects_bad_counts(counts, message):
    with pytest.raises(ValueError, match=message):
        calc.better_worse(*counts)


# ---- properties ----------------------------------------------------------------------


@given(st.integers(0, 500), st.integers(0, 500), st.integers(0, 500), st.integers(0, 500))
def test_better_worse_bounds_and_never_nan(a, o, m, i):
    try:
        better, worse = calc.better_worse(a, o, m, i)
    except ValueError:
        assert a + o + m + i == 0
        return
    assert 0 <= better <= 1 and -1 <= worse <= 0


# ---- plain values in and out, and the spec -------------------------------------------


def test_a_features_result_is_a_plain_row():
    row = calc.summarize({"a": 28, "O": 12, "M": 4, "I": 12, "R": 2, "Q": 2}, "Loaner bike")
    assert row == {
        "feature": "Loaner bike",
        "responses": 60,
        "A": 28,
        "O": 12,
        "M": 4,
        "I": 12,
        "R": 2,
        "Q": 2,
        "category": "A",
        "kano_name": "Attractive",
        "practitioner_name": "delighter",
        "better": 40 / 56,
        "worse": -16 / 56,
    }


def test_a_bad_count_names_its_category_and_its_field():
    with pytest.raises(
        InputError, match="count of M must be a whole number of at least 0"
    ) as caught:
        calc.summarize({"A": 3, "M": -1})
    assert caught.value.name == "must_be"


def test_an_answer_is_recognized_or_not():
    assert calc.standard_answer("MUST_BE") == "Must-be"
    assert calc.standard_answer(3) is None
    assert calc.standard_answer("Like it") is None


def test_the_forms_choices_and_counts_are_the_methods():
    for name in ("functional", "dysfunctional"):
        assert tuple(option for option, _ in calc.FIELDS[name].options) == calc.ANSWERS
    for letter, category in calc.CATEGORIES.items():
        assert calc.FIELDS[category.key].label == f"{letter}: {category.name}"
    assert calc.LETTERS == ("A", "O", "M", "I", "R", "Q")
