"""Checking one input: every error is an InputError that names the input."""

from __future__ import annotations

import pickle

import pytest

from customer_focus.core.validation import (
    InputError,
    as_choice,
    as_number,
    as_rate,
    as_text,
    as_whole_number,
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
