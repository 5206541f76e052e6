"""Checking one input: every error is an InputError that names the input."""

from __future__ import annotations

import pickle

import numpy as np
import pytest

from customer_focus.core.validation import (
    InputError,
    as_choice,
    as_number,
    as_rate,
    as_text,
    as_whole_number,
    as_yes_no,
    yes_no,
)


@pytest.mark.parametrize(
    ("call", "name", "message"),
    [
        (lambda: as_number("12", "margin"), "margin", "margin must be a number; you gave '12'"),
        (lambda: as_number(float("nan"), "margin"), "margin", "margin must be a finite number"),
        (lambda: as_number(-1, "cost", minimum=0), "cost", "cost must be 0 or more; you gave -1."),
        (lambda: as_number(7, "score", maximum=5), "score", "score must be 5 or less"),
        (lambda: as_number(9, "score", minimum=1, maximum=5), "score", "score must be from 1 to 5"),
        (lambda: as_rate(80, "retention", meaning="the share who stay"), "retention",
         "If you meant 80%, type 0.8."),
        (lambda: as_whole_number(2.5, "years", meaning="years"), "years",
         "years must be a whole number of at least 1"),
        (lambda: as_choice("later", "timing", options=("now", "after")), "timing",
         "timing must be one of 'now', 'after'; you gave 'later'."),
        (lambda: as_text("  ", "job", meaning="the job's name"), "job",
         "job must be some text (the job's name)"),
    ],
)
def test_every_error_names_the_input(call, name, message):
    with pytest.raises(InputError) as caught:
        call()
    assert caught.value.name == name
    assert message in str(caught.value)


def test_an_input_error_is_a_value_error_that_survives_pickling():
    error = InputError("margin", "margin must be a number")
    assert isinstance(error, ValueError)
    again = pickle.loads(pickle.dumps(error))
    assert (again.name, str(again)) == ("margin", "margin must be a number")


def test_the_default_of_a_choice_is_named():
    with pytest.raises(InputError, match="The course uses 'after'."):
        as_choice(3, "timing", options=("now", "after"), default="after")


def test_good_values_come_back_as_their_type():
    assert as_number(5, "x", minimum=0, maximum=5) == 5.0
    assert as_rate(1, "share", meaning="a share", high_inclusive=True) == 1.0
    assert as_whole_number(3, "n", meaning="count", maximum=3) == 3
    assert as_text(" Driver ", "job") == "Driver"


# ---- yes/no answers (moved from the work process tool, which reads them first) ------------


@pytest.mark.parametrize(
    "value", ["yes", "YES", " Yes ", "y", "Y", "true", "TRUE", "1", 1, 1.0, True, np.True_]
)
def test_yes_answers_are_read_as_yes(value):
    assert as_yes_no(value, "adds_value") is True


@pytest.mark.parametrize(
    "value", ["no", "No", "n", "N", "false", "False", "0", 0, 0.0, False, np.False_]
)
def test_no_answers_are_read_as_no(value):
    assert as_yes_no(value, "adds_value") is False


@pytest.mark.parametrize("value", ["maybe", "", "2", 2, 0.5, None, float("nan"), "yes please"])
def test_anything_else_is_rejected_with_the_accepted_words(value):
    with pytest.raises(
        InputError, match=r"adds_value must be yes or no \(also accepted: y/n, true/false, 1/0\)"
    ):
        as_yes_no(value, "adds_value")


def test_a_yes_no_error_names_the_input_says_what_it_means_and_shows_an_empty_cell():
    with pytest.raises(InputError) as caught:
        as_yes_no(None, "fail_point", meaning="do things often go wrong here?")
    assert caught.value.name == "fail_point"
    assert str(caught.value).endswith(": do things often go wrong here?; you gave empty.")


def test_yes_no_says_none_when_there_is_no_answer():
    assert [yes_no(value) for value in ("Y", "n", np.float64(1), "perhaps", [1])] == [
        True, False, True, None, None,
    ]
