"""Kano classification of survey answers.

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
with a message naming the line and the column.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

import numpy as np
import pandas as pd

from .tools.spec import Blank as Field, FormSpec, Section
from .core.tables import require_columns, where
from .core.validation import as_whole_number

__all__ = [
    "ANSWERS",
    "Category",
    "CATEGORIES",
    "EVALUATION_TABLE",
    "FUNCTIONAL_QUESTION",
    "DYSFUNCTIONAL_QUESTION",
    "KANO_COLUMNS",
    "normalize_answer",
    "classify",
    "classify_answers",
    "better_worse",
    "analyze_kano",
    "summarize_counts",
    "PRINTABLE_FORM",
]

#: The five answers, in the order of the evaluation table.
ANSWERS = ("Like", "Must-be", "Neutral", "Live-with", "Dislike")

FUNCTIONAL_QUESTION = "How do you feel if the product has X?"
DYSFUNCTIONAL_QUESTION = "How do you feel if the product does not have X?"


@dataclass(frozen=True)
class Category:
    """A Kano category: its letter, Kano's name, the practitioner name (if any) and what it means."""

    letter: str
    name: str
    practitioner: str
    meaning: str


#: The six categories, with Kano's names and the practitioner names for A, O and M.
CATEGORIES: dict[str, Category] = {
    category.letter: category
    for category in (
        Category("A", "Attractive", "delighter", "delights when present, no complaint when absent"),
        Category("O", "One-dimensional", "performance", "the more, the better; the less, the worse"),
        Category("M", "Must-be", "basic", "expected: its absence causes dissatisfaction"),
        Category("I", "Indifferent", "", "customers do not care either way"),
        Category("R", "Reverse", "", "customers would rather not have it"),
        Category("Q", "Questionable", "", "the two answers contradict each other"),
    )
}

_LETTERS = tuple(CATEGORIES)

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
    )
    for dysfunctional, letter in zip(ANSWERS, row)
}

# The same table as codes, for looking up a whole column at once.
_GRID = np.array(
    [[_LETTERS.index(EVALUATION_TABLE[(f, d)]) for d in ANSWERS] for f in ANSWERS], dtype=np.int8
)

#: Columns of the table :func:`classify_answers` reads (one row per respondent and feature).
KANO_COLUMNS = {
    "respondent": "who answered: a name, number or code",
    "feature": "the feature asked about",
    "functional": "the answer to the functional question (the product has the feature): Like, Must-be, Neutral, Live-with or Dislike",
    "dysfunctional": "the answer to the dysfunctional question (the product does not have it): the same five answers",
}

_KEYS = {answer.lower(): answer for answer in ANSWERS}
_ACCEPTED = "Like, Must-be, Neutral, Live-with or Dislike (case does not matter; 'Must be' and 'Live with' are accepted)"


def _key(text: object) -> str | None:
    if not isinstance(text, str):
        return None
    return _KEYS.get(re.sub(r"[\s_-]+", "-", text.strip().lower()))


def normalize_answer(answer: object, name: str = "answer") -> str:
    """One of the five answers, written the standard way, or a ``ValueError``.

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
    key = _key(answer)
    if key is None:
        raise ValueError(f"{name} must be one of {_ACCEPTED}; you gave {answer!r}.")
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
        (normalize_answer(functional, "functional"), normalize_answer(dysfunctional, "dysfunctional"))
    ]


def _answer_codes(table: pd.DataFrame, column: str) -> np.ndarray:
    """Codes 0–4 (the order of :data:`ANSWERS`) for a whole column, or raise naming lines."""
    raw, distinct = pd.factorize(table[column], use_na_sentinel=True)
    lookup = np.array(
        [ANSWERS.index(key) if (key := _key(value)) is not None else -1 for value in distinct] + [-1],
        dtype=np.int8,
    )
    codes = lookup[raw]  # a blank cell (raw == -1) picks the last entry, -1
    bad = np.flatnonzero(codes < 0)
    if bad.size:
        cells = table[column].to_numpy()
        shown = "; ".join(
            f"{where(table, int(i))}: {'empty' if pd.isna(cells[i]) else repr(cells[i])}" for i in bad[:5]
        )
        more = f" (and {bad.size - 5} more)" if bad.size > 5 else ""
        raise ValueError(
            f"column {column!r} ({KANO_COLUMNS[column].split(':')[0]}) must hold one of {_ACCEPTED} "
            f"in every row; bad answers at {shown}{more}. Correct them, or delete those rows."
        )
    return codes


def _labels(table: pd.DataFrame, column: str) -> tuple[np.ndarray, list[str]]:
    """Codes and names (in order of first appearance) of a label column; blanks raise."""
    raw, distinct = pd.factorize(table[column], use_na_sentinel=True)
    cleaned = [str(value).strip() for value in distinct]
    blank_codes = [index for index, value in enumerate(cleaned) if not value]
    bad = np.flatnonzero((raw < 0) | np.isin(raw, blank_codes))
    if bad.size:
        shown = "; ".join(where(table, int(i)) for i in bad[:5])
        more = f" (and {bad.size - 5} more)" if bad.size > 5 else ""
        raise ValueError(
            f"column {column!r} ({KANO_COLUMNS[column]}) is empty at {shown}{more}; "
            f"fill it in on every row."
        )
    names, lookup = [], {}
    for value in cleaned:  # "Free returns" and "Free returns " are one feature
        lookup.setdefault(value, len(names))
        if lookup[value] == len(names):
            names.append(value)
    mapping = np.array([lookup[value] for value in cleaned], dtype=np.int64)
    return mapping[raw], names


def classify_answers(table: pd.DataFrame) -> pd.DataFrame:
    """Check a Kano survey table and add each answer pair's category.

    Parameters
    ----------
    table : pandas.DataFrame
        One row per respondent and feature with the columns ``respondent``,
        ``feature``, ``functional`` and ``dysfunctional`` (see
        :data:`KANO_COLUMNS`). Other columns are kept.

    Returns
    -------
    pandas.DataFrame
        A copy with the answers written the standard way and a ``category``
        column (A, O, M, I, R or Q).

    Raises
    ------
    ValueError
        When a column is missing, the table is empty, a respondent or feature
        is blank, an answer is not one of the five, or a respondent answered
        about the same feature twice. The message names the lines.

    Examples
    --------
    >>> table = pd.DataFrame({"respondent": [1, 1], "feature": ["Loaner bike", "Brake check"],
    ...                       "functional": ["like", "Must-be"], "dysfunctional": ["Live-with", "dislike"]})
    >>> classify_answers(table)["category"].tolist()
    ['A', 'M']
    """
    require_columns(table, list(KANO_COLUMNS))
    if table.empty:
        raise ValueError(f"{table.attrs.get('source', 'the table')}: has no answers; add at least one row.")
    respondents, _ = _labels(table, "respondent")
    features, names = _labels(table, "feature")
    functional = _answer_codes(table, "functional")
    dysfunctional = _answer_codes(table, "dysfunctional")
    pairs = pd.Series(respondents * max(len(names), 1) + features)
    twice = pairs.duplicated(keep=False).to_numpy()
    if twice.any():
        positions = np.flatnonzero(twice)
        shown = "; ".join(
            f"{where(table, int(i))} ({table['respondent'].iloc[i]!s}, {names[features[i]]})" for i in positions[:6]
        )
        more = f" (and {positions.size - 6} more)" if positions.size > 6 else ""
        raise ValueError(
            f"each respondent should answer about each feature once; these rows repeat a "
            f"respondent and feature: {shown}{more}. Delete the duplicates."
        )
    result = table.copy()
    result.attrs = {}
    answers = np.array(ANSWERS, dtype=object)
    result["feature"] = np.array(names, dtype=object)[features]
    result["functional"] = answers[functional]
    result["dysfunctional"] = answers[dysfunctional]
    result["category"] = np.array(_LETTERS, dtype=object)[_GRID[functional, dysfunctional]]
    return result


def better_worse(attractive: int, one_dimensional: int, must_be: int, indifferent: int) -> tuple[float, float]:
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
    ValueError
        When a count is not a whole number of at least 0, or A + O + M + I is 0
        (every answer was Reverse or Questionable, or there was none).

    Examples
    --------
    >>> better, worse = better_worse(28, 12, 4, 12)
    >>> round(better, 2), round(worse, 2)
    (0.71, -0.29)
    """
    a, o, m, i = (
        as_whole_number(value, name, meaning=f"the number of {label} answers", minimum=0)
        for value, name, label in (
            (attractive, "attractive", "Attractive (A)"),
            (one_dimensional, "one_dimensional", "One-dimensional (O)"),
            (must_be, "must_be", "Must-be (M)"),
            (indifferent, "indifferent", "Indifferent (I)"),
        )
    )
    total = a + o + m + i
    if total == 0:
        raise ValueError(
            "Better and Worse cannot be computed: A + O + M + I is 0, so no answer says how the "
            "feature affects satisfaction (Reverse and Questionable answers are not counted). "
            "Check the question wording and the order of the two answers."
        )
    return (a + o) / total, -(o + m) / total + 0.0  # + 0.0 turns −0.0 into 0.0


def analyze_kano(table: pd.DataFrame, *, leave_out_undefined: bool = False) -> pd.DataFrame:
    """Count the categories of each feature, pick the most chosen, and compute Better and Worse.

    Parameters
    ----------
    table : pandas.DataFrame
        The survey, as described for :func:`classify_answers`.
    leave_out_undefined : bool
        A feature whose answers are all Reverse or Questionable has no Better
        or Worse (A + O + M + I = 0). By default this stops with a message
        naming the feature; with ``True`` such features are left out of the
        result and their names kept in ``result.attrs["left_out"]``.

    Returns
    -------
    pandas.DataFrame
        One row per feature, in order of first appearance, with columns
        ``feature``, ``responses``, ``A``, ``O``, ``M``, ``I``, ``R``, ``Q``
        (counts), ``category`` (the letter chosen most often; a tie shows
        every tied letter, e.g. ``"A/O"``), ``kano_name`` (Kano's term),
        ``practitioner_name`` (delighter, performance or basic for A, O, M;
        empty otherwise), ``better`` and ``worse``.

    Raises
    ------
    ValueError
        As for :func:`classify_answers`, and for a feature with
        A + O + M + I = 0 unless ``leave_out_undefined``.

    Examples
    --------
    >>> table = pd.DataFrame({"respondent": [1, 2], "feature": ["Loaner bike"] * 2,
    ...                       "functional": ["Like", "Like"], "dysfunctional": ["Neutral", "Dislike"]})
    >>> analyze_kano(table)[["category", "better", "worse"]].values.tolist()
    [['A/O', 1.0, -0.5]]
    """
    answers = classify_answers(table)
    features, names = pd.factorize(answers["feature"], sort=False)
    letters = pd.Categorical(answers["category"], categories=list(_LETTERS)).codes.astype(np.int64)
    counts = np.bincount(features * 6 + letters, minlength=len(names) * 6).reshape(-1, 6)
    a, o, m, i = counts[:, 0], counts[:, 1], counts[:, 2], counts[:, 3]
    denominator = a + o + m + i
    undefined = denominator == 0
    left_out = [str(names[index]) for index in np.flatnonzero(undefined)]
    if left_out and not leave_out_undefined:
        raise ValueError(
            f"Better and Worse cannot be computed for {', '.join(map(repr, left_out))}: every answer about "
            f"{'it' if len(left_out) == 1 else 'them'} is Reverse or Questionable, so A + O + M + I is 0. "
            f"Check the question wording and whether the functional and dysfunctional answers were "
            f"swapped, or leave {'it' if len(left_out) == 1 else 'them'} out with "
            f"analyze_kano(..., leave_out_undefined=True)."
        )
    keep = ~undefined
    result = _summarize([str(name) for name in np.asarray(names)[keep]], counts[keep])
    result.attrs["left_out"] = left_out
    return result


def _names_of(code: str, field: str) -> str:
    """Kano's or the practitioners' name(s) of a category code such as "A" or "A/O"."""
    found = (getattr(CATEGORIES[letter], field) for letter in code.split("/"))
    return " / ".join(name for name in found if name)


def _summarize(features: list[str], counts: np.ndarray) -> pd.DataFrame:
    """The result table of :func:`analyze_kano` from (features × 6) counts with A + O + M + I > 0."""
    most = counts.max(axis=1, keepdims=True)
    category = ["/".join(letter for letter, hit in zip(_LETTERS, row) if hit) for row in counts == most]
    denominator = counts[:, :4].sum(axis=1)
    result = pd.DataFrame({"feature": features, "responses": counts.sum(axis=1)})
    for column, letter in enumerate(_LETTERS):
        result[letter] = counts[:, column]
    result["category"] = category
    result["kano_name"] = [_names_of(code, "name") for code in category]
    result["practitioner_name"] = [_names_of(code, "practitioner") for code in category]
    result["better"] = (counts[:, 0] + counts[:, 1]) / denominator
    result["worse"] = -(counts[:, 1] + counts[:, 2]) / denominator + 0.0  # + 0.0: no "−0"
    return result


def summarize_counts(counts: dict[str, int], feature: str = "Feature") -> pd.DataFrame:
    """The :func:`analyze_kano` row of one feature, from its category counts.

    For a tally made by hand (or in a workshop) rather than from a table of
    answers.

    Parameters
    ----------
    counts : mapping
        Numbers of respondents per category letter, e.g.
        ``{"A": 28, "O": 12, "M": 4, "I": 12, "R": 2, "Q": 2}``; a missing
        letter counts 0.
    feature : str
        The feature's name.

    Returns
    -------
    pandas.DataFrame
        One row with the columns of :func:`analyze_kano`.

    Raises
    ------
    ValueError
        When a letter is unknown, a count is not a whole number of at least 0,
        or A + O + M + I is 0.

    Examples
    --------
    >>> row = summarize_counts({"A": 28, "O": 12, "M": 4, "I": 12, "R": 2, "Q": 2}, "Loaner bike")
    >>> row[["category", "practitioner_name"]].values.tolist()
    [['A', 'delighter']]
    """
    unknown = sorted(str(key) for key in counts if str(key).upper() not in CATEGORIES)
    if unknown:
        raise ValueError(
            f"counts uses unknown categories {', '.join(map(repr, unknown))}; use the letters "
            f"{', '.join(_LETTERS)}."
        )
    given = {str(key).upper(): value for key, value in counts.items()}
    values = [
        as_whole_number(given.get(letter, 0), f"count of {letter}", meaning=f"the number of {CATEGORIES[letter].name} answers", minimum=0)
        for letter in _LETTERS
    ]
    better_worse(*values[:4])  # raises a clear message when A + O + M + I is 0
    return _summarize([str(feature)], np.array([values], dtype=np.int64))


def _feature_section(number: int) -> Section:
    return Section(
        f"Feature {number}",
        fields=(Field("X, the feature", hint="Written by the organization before copying."),),
        columns=("Question", *ANSWERS),
        row_labels=(f"Functional: {FUNCTIONAL_QUESTION}", f"Dysfunctional: {DYSFUNCTIONAL_QUESTION}"),
    )


#: The Kano questionnaire (``{printable-form} kano``).
PRINTABLE_FORM = FormSpec(
    title="Kano questionnaire",
    intro=(
        "For each feature X, answer both questions: how you would feel if the product has it, and how "
        "you would feel if it does not. Tick one answer on each line. Like: I like it that way. "
        "Must-be: it must be that way, I expect it. Neutral: I am neutral. Live-with: I can live with "
        "it that way. Dislike: I dislike it that way."
    ),
    sections=(
        Section("About you", fields=(Field("Respondent number or name"), Field("Date"))),
        *(_feature_section(number) for number in range(1, 7)),
    ),
)
