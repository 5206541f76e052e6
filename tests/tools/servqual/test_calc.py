"""SERVQUAL's arithmetic: the published structure, a gap, the scores of five averages, and
bad input."""

from __future__ import annotations

import pytest

from customer_focus.core.validation import InputError
from customer_focus.tools.servqual import calc

# ---- docs/facts.md section 8: Parasuraman, Zeithaml & Berry (1988), exactly ----------


def test_five_dimensions_in_rater_order_with_the_published_definitions():
    assert [(d.name, d.definition) for d in calc.DIMENSIONS] == [
        (
            "Tangibles",
            "appearance of physical facilities, equipment, personnel, and communication materials.",
        ),
        ("Reliability", "ability to perform the promised service dependably and accurately."),
        ("Responsiveness", "willingness to help customers and provide prompt service."),
        (
            "Assurance",
            "knowledge and courtesy of employees and their ability to inspire (convey) trust and "
            "confidence.",
        ),
        ("Empathy", "caring, individualized attention the firm provides its customers."),
    ]


def test_22_items_split_4_5_4_4_5_and_labeled_by_dimension():
    assert [len(d.items) for d in calc.DIMENSIONS] == [4, 5, 4, 4, 5]
    assert sum(len(d.items) for d in calc.DIMENSIONS) == 22
    assert calc.ITEMS[1] == "Tangibles 1" and calc.ITEMS[5] == "Reliability 1"
    assert calc.ITEMS[13] == "Responsiveness 4" and calc.ITEMS[22] == "Empathy 5"
    assert calc.EXPECTATION_COLUMNS[0] == "E1" and calc.PERCEPTION_COLUMNS[-1] == "P22"
    assert calc.WEIGHT_COLUMNS == (
        "W_tangibles",
        "W_reliability",
        "W_responsiveness",
        "W_assurance",
        "W_empathy",
    )


def test_split_is_flagged_as_secondary_and_critics_are_named():
    doc = calc.__doc__
    assert "secondary sources" in doc
    assert "Cronin & Taylor (1992)" in doc and "SERVPERF" in doc and "difference scores" in doc
    assert "Parasuraman, Berry & Zeithaml 1991" in doc


# ---- bad input: a ValueError that names the dimension and the fix --------------------


@pytest.mark.parametrize(
    ("arguments", "message"),
    [
        (([5, 6, 7], [5] * 5), "needs five values, one per dimension"),
        (({"tangibles": 5}, [5] * 5), "missing Reliability, Responsiveness, Assurance, Empathy"),
        (
            (
                {
                    "tangibles": 5,
                    "reliability": 5,
                    "responsiveness": 5,
                    "assurance": 5,
                    "empathy": 5,
                    "speed": 5,
                },
                [5] * 5,
            ),
            "unknown speed",
        ),
        (([5, 6, 8, 5, 5], [5] * 5), "expectation for responsiveness must be from 1 to 7"),
        (([5] * 5, [5, 5, 5, 5, "5"]), "perception for empathy must be a number"),
        (
            ([5] * 5, [5] * 5, [20, 20, 20, 20, 10]),
            r"add up to 100 points; yours add up to 90 \(20 \+ 20 \+ 20 \+ 20 \+ 10\)",
        ),
        (([5] * 5, [5] * 5, [120, -20, 0, 0, 0]), "weight for reliability must be 0 or more"),
        (
            ([5] * 5, [5] * 5, [20, 20, 20, 20, float("nan")]),
            "weight for empathy must be a finite number",
        ),
    ],
)
def test_score_dimensions_rejects_bad_input(arguments, message):
    with pytest.raises(ValueError, match=message):
        calc.score_dimensions(*arguments)


# ---- plain values in and out -----------------------------------------------------------


def test_an_items_gap_is_perception_minus_expectation():
    assert calc.gap(6.4, 5.1) == 5.1 - 6.4
    assert calc.gap(5, 6) == 1.0
    with pytest.raises(InputError, match="perception must be from 1 to 7"):
        calc.gap(5, 8)


def test_score_dimensions_gives_six_plain_rows():
    rows = calc.score_dimensions([5.0, 6.6, 6.2, 6.0, 5.4], [5.4, 5.1, 5.0, 5.8, 5.6])
    assert [row["dimension"] for row in rows] == [
        "Tangibles", "Reliability", "Responsiveness", "Assurance", "Empathy", "Overall",
    ]
    assert [row["items"] for row in rows] == [4, 5, 4, 4, 5, 22]
    assert set(rows[0]) == {"dimension", "items", "expectation", "perception", "gap"}
    assert all(isinstance(row["gap"], float) for row in rows)


def test_the_overall_row_averages_the_gaps_and_adds_the_weighted_ones():
    rows = calc.summarize([6] * 5, [5] * 5, [-1, -2, 0, 1, 2], [0.2] * 5, [-0.2, -0.4, 0, 0.2, 0.4])
    assert rows[-1]["gap"] == 0.0
    assert rows[-1]["weight"] == pytest.approx(1.0)
    assert rows[-1]["weighted_gap"] == pytest.approx(0.0)


def test_a_bad_value_names_its_dimension_and_its_field():
    with pytest.raises(InputError, match="weight for empathy must be 0 or more") as caught:
        calc.score_dimensions([5] * 5, [5] * 5, [50, 30, 10, 20, -10])
    assert caught.value.name == "empathy_points"


def test_every_dimension_has_its_three_fields():
    for dimension in calc.DIMENSIONS:
        for side in ("expected", "perceived", "points"):
            assert calc.FIELDS[f"{dimension.key}_{side}"].label.startswith(dimension.name)
    assert len(calc.FIELDS) == 15
