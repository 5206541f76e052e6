"""Kano classification of one customer's answers, and the coefficients of a feature.

Kano's method (Kano, Seraku, Takahashi & Tsuji 1984), as described in
English by Berger et al. (1993), "Kano's Methods for Understanding
Customer-Defined Quality", *Center for Quality of Management Journal* 2(4),
asks two questions about each feature:

* functional: "How do you feel if the product *has* X?"
* dysfunctional: "How do you feel if the product *does not have* X?"

each answered with one of five answers: Like; Must-be (I expect it);
Neutral; Live-with; Dislike. The pair of answers gives a category, read from
Berger et al.'s evaluation table (:data:`EVALUATION_TABLE`, rows functional,
columns dysfunctional):

=============  ====  =======  =======  =========  =======
Functional      Like  Must-be  Neutral  Live-with  Dislike
=============  ====  =======  =======  =========  =======
**Like**        Q     A        A        A          O
**Must-be**     R     I        I        I          M
**Neutral**     R     I        I        I          M
**Live-with**   R     I        I        I          M
**Dislike**     R     R        R        R          Q
=============  ====  =======  =======  =========  =======

Categories: A = Attractive, O = One-dimensional, M = Must-be,
I = Indifferent, R = Reverse, Q = Questionable. A feature is usually given
the category chosen most often by respondents (a tie is shown as both
letters, e.g. "A/O"). The customer satisfaction coefficients (Berger et al.
1993, credited to Timko):

    Better = (A + O) / (A + O + M + I)
    Worse  = −(O + M) / (A + O + M + I)

with Reverse and Questionable answers left out of the denominator.

A caution on names: "delighter", "performance" and "basic" are practitioner
names for A, O and M, not Kano's terms; :data:`CATEGORIES` gives both.

Accepted answers
----------------
The five answers, in any mix of upper and lower case, with surrounding spaces
ignored and a space or underscore accepted in place of the hyphen: "Like",
"must-be", "Must be", "NEUTRAL", "live with", "Dislike". Anything else stops
with a message naming the answer.

Standard library only, and plain values in and out, so the same functions run
in a notebook and, through Pyodide, in the reader's browser. The counts are
checked against their descriptions in ``kano.yml`` (read here from its JSON
twin). A survey file, one row per respondent and feature, is read by
:mod:`customer_focus.tools.kano.table`.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from ...core.fields import load_example, load_fields
from ...core.messages import N_, Messages
from ...core.validation import InputError

__all__ = [
    "FIELDS", "ANSWERS", "ACCEPTED", "FUNCTIONAL_QUESTION", "DYSFUNCTIONAL_QUESTION", "Category",
    "CATEGORIES", "LETTERS", "EVALUATION_TABLE", "standard_answer", "normalize_answer", "classify",
    "better_worse", "summarize", "bad_answers", "blank_labels", "repeated_pairs", "undefined",
    "course_example",
]

_ = Messages("tools.kano")
n_ = _.plural

#: The tool's inputs, as ``kano.yml`` describes them.
FIELDS = load_fields(__package__, "kano.json")

#: The five answers, in the order of the evaluation table.
ANSWERS = ("Like", "Must-be", "Neutral", "Live-with", "Dislike")

#: The answers accepted, as a message says it.
ACCEPTED = N_(
    "Like, Must-be, Neutral, Live-with or Dislike (case does not matter; 'Must be' and "
    "'Live with' are accepted)"
)

FUNCTIONAL_QUESTION = N_("How do you feel if the product has X?")
DYSFUNCTIONAL_QUESTION = N_("How do you feel if the product does not have X?")


@dataclass(frozen=True)
class Category:
    """A Kano category: its letter, Kano's name, the practitioner name (if any), what it means,
    and ``key``, the name of the field that counts its answers (``attractive``).

    The names and the meaning are the English; say them through the module's
    catalog (``_(category.name)``) to show them in the reader's language."""

    letter: str
    name: str
    practitioner: str
    meaning: str
    key: str


#: The six categories, with Kano's names and the practitioner names for A, O and M.
CATEGORIES: dict[str, Category] = {
    category.letter: category
    for category in (
        Category("A", N_("Attractive"), N_("delighter"),
                 N_("delights when present, no complaint when absent"), "attractive"),
        Category("O", N_("One-dimensional"), N_("performance"),
                 N_("the more, the better; the less, the worse"), "one_dimensional"),
        Category("M", N_("Must-be"), N_("basic"),
                 N_("expected: its absence causes dissatisfaction"), "must_be"),
        Category("I", N_("Indifferent"), "", N_("customers do not care either way"),
                 "indifferent"),
        Category("R", N_("Reverse"), "", N_("customers would rather not have it"), "reverse"),
        Category("Q", N_("Questionable"), "", N_("the two answers contradict each other"),
                 "questionable"),
    )
}

#: The category letters, in the order of :data:`CATEGORIES`.
LETTERS = tuple(CATEGORIES)

#: Berger et al.'s (1993) evaluation table: (functional, dysfunctional) → category letter.
EVALUATION_TABLE: dict[tuple[str, str], str] = {
    (functional, dysfunctional): letter
    for functional, row in zip(
        ANSWERS,
        (
            "QAAAO",  # Like
            "RIIIM",  # Must-be
            "RIIIM",  # Neutral
            "RIIIM",  # Live-with
            "RRRRQ",  # Dislike
        ),
        strict=True,
    )
    for dysfunctional, letter in zip(ANSWERS, row, strict=True)
}

_KEYS = {answer.lower(): answer for answer in ANSWERS}


def standard_answer(text: object) -> str | None:
    """One of the five answers written the standard way, or ``None`` when ``text`` is not one.

    Examples
    --------
    >>> standard_answer(" live_with"), standard_answer("Love it")
    ('Live-with', None)
    """
    if not isinstance(text, str):
        return None
    return _KEYS.get(re.sub(r"[\s_-]+", "-", text.strip().lower()))


def normalize_answer(answer: object, name: str = "answer") -> str:
    """One of the five answers, written the standard way, or an ``InputError``.

    Parameters
    ----------
    answer : str
        An answer such as ``"like"``, ``"Must be"`` or ``"LIVE-WITH"``.
    name : str
        What the answer is, for the message (e.g. ``"functional"``).

    Returns
    -------
    str
        ``"Like"``, ``"Must-be"``, ``"Neutral"``, ``"Live-with"`` or ``"Dislike"``.

    Examples
    --------
    >>> normalize_answer("  must be ")
    'Must-be'
    """
    key = standard_answer(answer)
    if key is None:
        raise InputError(name, _("{name} must be one of {accepted}; you gave {answer!r}.").format(
            name=name, accepted=_(ACCEPTED), answer=answer))
    return key


def classify(functional: str, dysfunctional: str) -> str:
    """The Kano category of one answer pair, from Berger et al.'s (1993) evaluation table.

    Parameters
    ----------
    functional : str
        The answer when the product has the feature.
    dysfunctional : str
        The answer when the product does not have it.

    Returns
    -------
    str
        One of ``"A"``, ``"O"``, ``"M"``, ``"I"``, ``"R"``, ``"Q"``; see
        :data:`CATEGORIES` for the names.

    Examples
    --------
    >>> classify("Like", "Dislike"), classify("like", "live with"), classify("Must-be", "Dislike")
    ('O', 'A', 'M')
    """
    return EVALUATION_TABLE[
        (normalize_answer(functional, "functional"),
         normalize_answer(dysfunctional, "dysfunctional"))
    ]


def better_worse(
    attractive: int, one_dimensional: int, must_be: int, indifferent: int
) -> tuple[float, float]:
    """Berger et al.'s (1993) Better and Worse coefficients for one feature.

    Better = (A + O) / (A + O + M + I); Worse = −(O + M) / (A + O + M + I).
    Reverse and Questionable answers are not counted.

    Parameters
    ----------
    attractive, one_dimensional, must_be, indifferent : int
        Numbers of respondents whose answers fell in A, O, M and I.

    Returns
    -------
    tuple of float
        ``(better, worse)``: Better from 0 to 1, Worse from −1 to 0.

    Raises
    ------
    InputError
        When a count is not a whole number of at least 0, or A + O + M + I is 0
        (every answer was Reverse or Questionable, or there was none).

    Examples
    --------
    >>> better, worse = better_worse(28, 12, 4, 12)
    >>> round(better, 2), round(worse, 2)
    (0.71, -0.29)
    """
    counts = FIELDS.check(
        attractive=attractive, one_dimensional=one_dimensional, must_be=must_be,
        indifferent=indifferent,
    )
    a, o, m, i = counts.values()
    total = a + o + m + i
    if total == 0:
        raise InputError(
            "attractive",
            _("Better and Worse cannot be computed: A + O + M + I is 0, so no answer says how the "
              "feature affects satisfaction (Reverse and Questionable answers are not counted). "
              "Check the question wording and the order of the two answers."),
        )
    return (a + o) / total, -(o + m) / total + 0.0  # + 0.0 turns −0.0 into 0.0


def _names_of(code: str, attribute: str) -> str:
    """Kano's or the practitioners' name(s) of a category code such as "A" or "A/O"."""
    found = (getattr(CATEGORIES[letter], attribute) for letter in code.split("/"))
    return " / ".join(_(name) for name in found if name)


def summarize(counts: Mapping[str, int], feature: str = "Feature") -> dict[str, object]:
    """A feature's result from its category counts: the category chosen most often, Better, Worse.

    For a tally made by hand (or in a workshop), and for each feature of a
    survey (:func:`customer_focus.tools.kano.table.analyze_kano`).

    Parameters
    ----------
    counts : mapping
        Numbers of respondents per category letter, e.g.
        ``{"A": 28, "O": 12, "M": 4, "I": 12, "R": 2, "Q": 2}``; a missing
        letter counts 0, and the letters may be lower case.
    feature : str
        The feature's name.

    Returns
    -------
    dict
        ``feature``, ``responses``, the six counts ``A`` … ``Q``, ``category``
        (the letter chosen most often; a tie shows every tied letter, e.g.
        ``"A/O"``), ``kano_name`` (Kano's term), ``practitioner_name``
        (delighter, performance or basic for A, O, M; empty otherwise),
        ``better`` and ``worse``.

    Raises
    ------
    InputError
        When a letter is unknown, a count is not a whole number of at least 0,
        or A + O + M + I is 0.

    Examples
    --------
    >>> row = summarize({"A": 28, "O": 12, "M": 4, "I": 12, "R": 2, "Q": 2}, "Loaner bike")
    >>> row["category"], row["practitioner_name"], round(row["better"], 2)
    ('A', 'delighter', 0.71)
    """
    unknown = sorted(str(key) for key in counts if str(key).upper() not in CATEGORIES)
    if unknown:
        raise InputError(
            "counts",
            _("counts uses unknown categories {unknown}; use the letters {letters}.").format(
                unknown=", ".join(map(repr, unknown)), letters=", ".join(LETTERS)),
        )
    given = {str(key).upper(): value for key, value in counts.items()}
    values = {
        letter: FIELDS[category.key].check_as(
            given.get(letter, 0), _("count of {letter}").format(letter=letter))
        for letter, category in CATEGORIES.items()
    }
    better, worse = better_worse(values["A"], values["O"], values["M"], values["I"])
    most = max(values.values())
    category = "/".join(letter for letter, count in values.items() if count == most)
    return {
        "feature": feature,
        "responses": sum(values.values()),
        **values,
        "category": category,
        "kano_name": _names_of(category, "name"),
        "practitioner_name": _names_of(category, "practitioner"),
        "better": better,
        "worse": worse,
    }


# ---- what a survey file's problems are called (the notebook's table.py and the page's page.py)


def bad_answers(column: str, places: str) -> str:
    """The message for answers of a file's ``column`` that are not one of the five.

    ``places`` names the bad cells (line and value), as
    :func:`customer_focus.core.validation.listed` writes them.

    Examples
    --------
    >>> bad_answers("functional", "kano.csv line 3: 'Love it'")[-60:]
    "o.csv line 3: 'Love it'. Correct them, or delete those rows."
    """
    return _(
        "column {column!r} ({meaning}) must hold one of {accepted} in every row; bad answers at "
        "{places}. Correct them, or delete those rows."
    ).format(column=column, meaning=FIELDS[column].help, accepted=_(ACCEPTED), places=places)


def blank_labels(column: str, meaning: str, places: str) -> str:
    """The message for empty cells of a file's ``respondent`` or ``feature`` column.

    Examples
    --------
    >>> blank_labels("feature", "the feature asked about", "kano.csv line 4")[-41:]
    'kano.csv line 4; fill it in on every row.'
    """
    return _("column {column!r} ({meaning}) is empty at {places}; fill it in on every row.").format(
        column=column, meaning=meaning, places=places)


def repeated_pairs(places: str) -> str:
    """The message for rows that repeat a respondent and a feature.

    Examples
    --------
    >>> repeated_pairs("kano.csv line 2 (C1, Loaner bike)")[:45]
    'each respondent should answer about each feat'
    """
    return _(
        "each respondent should answer about each feature once; these rows repeat a respondent "
        "and feature: {places}. Delete the duplicates."
    ).format(places=places)


def undefined(features: list[str], way_out: str) -> str:
    """The message for features whose answers are all Reverse or Questionable.

    ``way_out`` says how to leave them out (the notebook's and the page's ways differ).

    Examples
    --------
    >>> undefined(["Sticker"], "leave it out of the file")[:60]
    "Better and Worse cannot be computed for 'Sticker': every ans"
    """
    return n_(
        "Better and Worse cannot be computed for {features}: every answer about it is Reverse or "
        "Questionable, so A + O + M + I is 0. Check the question wording and whether the "
        "functional and dysfunctional answers were swapped, or {way_out}.",
        "Better and Worse cannot be computed for {features}: every answer about them is Reverse "
        "or Questionable, so A + O + M + I is 0. Check the question wording and whether the "
        "functional and dysfunctional answers were swapped, or {way_out}.",
        len(features),
    ).format(features=", ".join(map(repr, features)), way_out=way_out)


def course_example() -> dict[str, Any]:
    """The worked example of ``kano.yml``: one customer's answers about a loaner bike at a
    bicycle shop, and the sixty customers' counts (the course's invented numbers). The
    feature's name is in the language the package speaks.

    Examples
    --------
    >>> course_example()["feature"], course_example()["attractive"]
    ('Loaner bike', 28)
    """
    return load_example(__package__, FIELDS, "kano.json")
