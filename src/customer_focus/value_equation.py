"""The customer value equation: compare offers by what the customer gets and gives.

Heskett, Sasser & Schlesinger (1997), *The Service Profit Chain*, put the value
of a service to a customer in one line::

    Value = (Results produced for the customer + Process quality)
            / (Price to the customer + Costs of acquiring the service)

* **Results** are what the customer came for; **process quality** is how
  getting them felt (quick, clear, courteous, predictable).
* **Price** is what the customer pays you.
* **Costs of acquiring the service** are the *customer's* other costs: time,
  effort, travel and risk. They are not the firm's cost of winning a
  customer (that belongs in :mod:`customer_focus.tools.lifetime_value`).

A ranking aid, not a measurement
--------------------------------
The equation is a conceptual heuristic, not a measured ratio, and its units do
not cancel: dividing "results" by dollars gives no meaningful number. The
course teaches it as one rule: **raise the numerator or lower the
denominator**. This module therefore does not "measure value". It compares
*alternatives* (your current offer, a competitor's, your improvement ideas)
scored on the same scales you choose, computes an index only to put them in
order, and shows for each one whether it raises the numerator or lowers the
denominator, and by how much, relative to your current offer.

Scales
------
Results and process quality are scores from 1 to ``top_score`` (10 by
default), higher is better, for example the average rating a customer panel
gives. Price and the customer's other costs are measured one of two ways, the
same for every row:

``costs="score"`` (the default)
    Scores from 1 to ``top_score``, where **higher means costlier** for the
    customer (10 = very expensive, or a great deal of time and hassle).
``costs="money"``
    Amounts of money per purchase (or per year), 0 or more, in the same unit
    for every row: the price, and the customer's time, travel and risk valued
    in money.
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from .tools.spec import Blank as Field, FormSpec, Section
from .core.tables import numeric_column, require_columns, where
from .core.validation import as_number, as_whole_number

__all__ = [
    "COST_SCALES",
    "ALTERNATIVE_COLUMNS",
    "LEVERS",
    "value_index",
    "lever",
    "compare_alternatives",
    "scale_description",
    "PRINTABLE_FORM",
]

#: How price and the customer's other costs may be measured (see the module docstring).
COST_SCALES = {
    "score": "scores from 1 to the top score, higher = costlier for the customer",
    "money": "money, 0 or more, in the same unit for every alternative",
}

#: Columns of the table :func:`compare_alternatives` reads.
ALTERNATIVE_COLUMNS = {
    "alternative": "a name for the offer: your current offer, a competitor's, or an improvement idea",
    "results": "results produced for the customer, a score from 1 to 10 (higher is better)",
    "process_quality": "how getting the results felt to the customer, a score from 1 to 10 (higher is better)",
    "price": "price to the customer: a score from 1 to 10 (higher = more expensive) or an amount of money",
    "access_costs": (
        "the customer's other costs of acquiring the service (time, effort, travel, risk): a score from "
        "1 to 10 (higher = costlier) or an amount of money; not your cost of winning customers"
    ),
}

#: What a change against the current offer does to the equation, by kind.
LEVERS = {
    "baseline": "current offer: the point of comparison",
    "both": "raises the numerator and lowers the denominator",
    "numerator": "raises the numerator",
    "denominator": "lowers the denominator",
    "more_for_more": "trade-off: raises the numerator but also the denominator",
    "less_for_less": "trade-off: lowers the denominator but also the numerator",
    "worse": "lowers the numerator and raises the denominator",
    "less_benefit": "lowers the numerator",
    "more_cost": "raises the denominator",
    "same": "no change on either side",
}

#: Changes smaller than this (in points or money) count as no change.
_SAME = 1e-9

_INDEX_CAUTION = (
    "The index only puts alternatives in order on your own scales; it is a ranking aid, "
    "not a measurement of value."
)


def _costs(costs: object) -> str:
    if costs not in COST_SCALES:
        raise ValueError(
            f"costs must be 'score' (price and other costs scored 1 to 10, higher = costlier) or "
            f"'money' (both in money, the same unit for every alternative); you gave {costs!r}."
        )
    return str(costs)


def _top(top_score: object) -> int:
    return as_whole_number(
        top_score, "top_score", meaning="the highest score on your rating scale, e.g. 10", minimum=2, maximum=100
    )


def scale_description(costs: str = "score", top_score: int = 10) -> str:
    """Say in words which scales a comparison used (kept with exported results).

    Examples
    --------
    >>> scale_description("money")
    'results and process quality scored 1-10; price and other costs in money'
    """
    top = _top(top_score)
    if _costs(costs) == "money":
        return f"results and process quality scored 1-{top}; price and other costs in money"
    return f"all four terms scored 1-{top}; higher cost scores = costlier"


def _score(value: object, name: str, meaning: str, top: int, *, cost: bool = False) -> float:
    number = as_number(value, name, meaning=meaning)
    if 1 <= number <= top:
        return number
    message = f"{name} must be a score from 1 to {top} ({meaning}); you gave {value!r}."
    if cost and number > top:
        message += (
            " If this is an amount of money, measure price and the other costs in money for every "
            "alternative (costs='money'): all rows must use the same scale."
        )
    elif 0 <= number < 1:
        message += " Scores start at 1; use 1 for the lowest."
    raise ValueError(message)


def _money(value: object, name: str, meaning: str) -> float:
    number = as_number(value, name, meaning=meaning)
    if number < 0:
        raise ValueError(f"{name} must be 0 or more ({meaning}); you gave {value!r}.")
    return number


def value_index(
    results: float,
    process_quality: float,
    price: float,
    access_costs: float,
    *,
    costs: str = "score",
    top_score: int = 10,
) -> float:
    """(Results + process quality) / (price + the customer's other costs), for ranking only.

    The customer value equation of Heskett, Sasser & Schlesinger (1997),
    applied to scores you choose. The number has no unit and no meaning on its
    own: it is a ranking aid for comparing alternatives scored on the same
    scales, not a measurement of value.

    Parameters
    ----------
    results : float
        Results produced for the customer, a score from 1 to ``top_score``.
    process_quality : float
        Process quality, a score from 1 to ``top_score``.
    price : float
        Price to the customer: a score from 1 to ``top_score`` (higher =
        more expensive), or money (0 or more) with ``costs="money"``.
    access_costs : float
        The customer's other costs of acquiring the service (time, effort,
        travel, risk), on the same scale as ``price``.
    costs : {"score", "money"}
        How price and the other costs are measured.
    top_score : int
        The highest score on your scale (2 to 100; 10 by default).

    Returns
    -------
    float

    Raises
    ------
    ValueError
        When a score is outside 1 to ``top_score``, a cost is negative, or
        price plus other costs is 0 (a free, effortless service cannot be
        put on this ratio).

    Examples
    --------
    >>> round(value_index(7, 5, 6, 7), 3)
    0.923
    >>> round(value_index(7, 7, 120, 60, costs="money"), 4)
    0.0778
    """
    top = _top(top_score)
    scale = _costs(costs)
    r = _score(results, "results", "results produced for the customer, higher is better", top)
    p = _score(process_quality, "process_quality", "how getting the results felt, higher is better", top)
    if scale == "score":
        c1 = _score(price, "price", "price to the customer, higher = more expensive", top, cost=True)
        c2 = _score(access_costs, "access_costs", "the customer's time, effort, travel and risk, higher = costlier", top, cost=True)
    else:
        c1 = _money(price, "price", "price to the customer, in money")
        c2 = _money(access_costs, "access_costs", "the customer's time, effort, travel and risk, valued in money")
        if c1 + c2 <= 0:
            raise ValueError(
                "price + access_costs is 0: a service that costs the customer nothing at all cannot be "
                "put on the ratio. Value at least the customer's time, even a small amount."
            )
    return (r + p) / (c1 + c2)


def lever(numerator_change: float, denominator_change: float, *, baseline: bool = False) -> str:
    """Name what an alternative does to the equation, compared with the current offer.

    Parameters
    ----------
    numerator_change : float
        Change in results + process quality against the current offer.
    denominator_change : float
        Change in price + other costs against the current offer.
    baseline : bool
        True for the current offer itself.

    Returns
    -------
    str
        One of the phrases in :data:`LEVERS`.

    Examples
    --------
    >>> lever(2, -4)
    'raises the numerator and lowers the denominator'
    >>> lever(0, -1)
    'lowers the denominator'
    """
    if baseline:
        return LEVERS["baseline"]
    up = as_number(numerator_change, "numerator_change", meaning="change in results + process quality")
    down = as_number(denominator_change, "denominator_change", meaning="change in price + other costs")
    more, less = up > _SAME, up < -_SAME
    cheaper, dearer = down < -_SAME, down > _SAME
    if more and cheaper:
        key = "both"
    elif more and dearer:
        key = "more_for_more"
    elif more:
        key = "numerator"
    elif less and cheaper:
        key = "less_for_less"
    elif less and dearer:
        key = "worse"
    elif less:
        key = "less_benefit"
    elif cheaper:
        key = "denominator"
    elif dearer:
        key = "more_cost"
    else:
        key = "same"
    return LEVERS[key]


def _baseline_position(names: pd.Series, baseline: object, table: pd.DataFrame) -> int:
    if baseline is None:
        return 0
    wanted = str(baseline).strip()
    matches = [i for i, name in enumerate(names) if name == wanted]
    if not matches:
        listed = ", ".join(repr(name) for name in names)
        raise ValueError(
            f"baseline must name one of the alternatives (your current offer); you gave {baseline!r}. "
            f"The alternatives are: {listed}."
        )
    return matches[0]


def compare_alternatives(
    alternatives: pd.DataFrame,
    *,
    baseline: str | None = None,
    costs: str = "score",
    top_score: int = 10,
) -> pd.DataFrame:
    """Rank alternatives with the customer value equation, against your current offer.

    For each alternative (one row), adds the numerator (results + process
    quality), the denominator (price + the customer's other costs), the value
    index (numerator / denominator) and its rank, and how the numerator and
    the denominator change against the current offer. The equation is
    Heskett, Sasser & Schlesinger's (1997); the index is a ranking aid on your
    own scales, not a measurement of value (its units do not cancel).

    Parameters
    ----------
    alternatives : pandas.DataFrame
        One row per alternative, with the columns ``alternative``,
        ``results``, ``process_quality``, ``price`` and ``access_costs``
        (see :data:`ALTERNATIVE_COLUMNS`). Other columns are kept.
    baseline : str, optional
        The name of your current offer, the point of comparison. By default
        the first row.
    costs : {"score", "money"}
        How ``price`` and ``access_costs`` are measured, the same for every
        row: scores from 1 to ``top_score`` (higher = costlier) or money.
    top_score : int
        The highest score on your rating scale (10 by default).

    Returns
    -------
    pandas.DataFrame
        The input columns plus ``numerator``, ``denominator``,
        ``value_index``, ``rank`` (1 = highest index; ties share a rank),
        ``numerator_change`` and ``denominator_change`` (against the current
        offer, in points or money), ``numerator_change_relative`` and
        ``denominator_change_relative`` (the same as decimals: 0.25 = +25%),
        ``lever`` (what the alternative does to the equation, see
        :data:`LEVERS`) and ``scales`` (the scales used, in words).

    Raises
    ------
    ValueError
        When a column is missing, a name is empty or repeated, a score is off
        the scale, a cost is negative, or the baseline is not one of the
        names; the message names the column and the row.

    Examples
    --------
    >>> table = pd.DataFrame({
    ...     "alternative": ["Current", "Same-day collection"],
    ...     "results": [7, 7], "process_quality": [5, 7],
    ...     "price": [6, 6], "access_costs": [7, 3]})
    >>> result = compare_alternatives(table)
    >>> result["rank"].tolist()
    [2, 1]
    >>> result["lever"].tolist()[1]
    'raises the numerator and lowers the denominator'
    """
    require_columns(alternatives, list(ALTERNATIVE_COLUMNS))
    source = alternatives.attrs.get("source", "the table")
    if alternatives.empty:
        raise ValueError(f"{source}: has no alternatives; add at least your current offer and one idea.")
    scale = _costs(costs)
    top = _top(top_score)
    names = alternatives["alternative"]
    blank = names.isna() | (names.astype(str).str.strip() == "")
    if blank.any():
        first = int(blank.to_numpy().nonzero()[0][0])
        raise ValueError(
            f"column 'alternative' must name every alternative; {where(alternatives, first)} is empty."
        )
    names = names.astype(str).str.strip()
    repeated = names[names.duplicated(keep=False)]
    if not repeated.empty:
        rows = [where(alternatives, int(i)) for i in np.flatnonzero(names.duplicated(keep=False).to_numpy())]
        raise ValueError(
            f"column 'alternative' must give each alternative its own name; {repeated.iloc[0]!r} appears at "
            f"{' and '.join(rows)}. Rename one, e.g. add the competitor's name or 'idea 2'."
        )
    score = {"low": 1, "high": top}
    results = numeric_column(alternatives, "results", meaning=f"a score from 1 to {top}, higher is better", **score)
    process = numeric_column(
        alternatives, "process_quality", meaning=f"a score from 1 to {top}, higher is better", **score
    )
    if scale == "score":
        cost_meaning = f"a score from 1 to {top}, higher = costlier; in money? use costs='money' for every row"
        price = numeric_column(alternatives, "price", meaning=cost_meaning, **score)
        access = numeric_column(alternatives, "access_costs", meaning=cost_meaning, **score)
    else:
        price = numeric_column(alternatives, "price", meaning="price to the customer, in money", low=0)
        access = numeric_column(
            alternatives, "access_costs", meaning="the customer's time, effort, travel and risk, in money", low=0
        )
    numerator = (results + process).to_numpy()
    denominator = (price + access).to_numpy()
    if (denominator <= 0).any():
        first = int(np.flatnonzero(denominator <= 0)[0])
        raise ValueError(
            f"price + access_costs is 0 at {where(alternatives, first)}: an alternative that costs the "
            f"customer nothing at all cannot be put on the ratio. Value at least the customer's time."
        )
    base = _baseline_position(names, baseline, alternatives)
    result = alternatives.copy()
    result.attrs = {}
    result["alternative"] = names.to_numpy()
    result["numerator"] = numerator
    result["denominator"] = denominator
    result["value_index"] = numerator / denominator
    result["rank"] = result["value_index"].rank(ascending=False, method="min").astype(int)
    result["numerator_change"] = numerator - numerator[base]
    result["denominator_change"] = denominator - denominator[base]
    result["numerator_change_relative"] = result["numerator_change"] / numerator[base]
    result["denominator_change_relative"] = result["denominator_change"] / denominator[base]
    result["lever"] = [
        lever(up, down, baseline=position == base)
        for position, (up, down) in enumerate(zip(result["numerator_change"], result["denominator_change"]))
    ]
    result["scales"] = scale_description(scale, top)
    return result


#: The paper version of the worksheet (``{printable-form} value_equation``).
PRINTABLE_FORM = FormSpec(
    title="Customer value equation worksheet",
    intro=(
        "Value = (Results produced for the customer + Process quality) / (Price to the customer + Costs "
        "of acquiring the service), after Heskett, Sasser & Schlesinger (1997). The costs of acquiring the "
        "service are the customer's time, effort, travel and risk, not your cost of winning customers. "
        "Score every alternative on the same scales. The index only ranks the alternatives; it is not a "
        "measurement of value. For each idea, ask: does it raise the numerator or lower the denominator?"
    ),
    sections=(
        Section(
            "Scales (the same for every row)",
            fields=(
                Field("Service or customer group"),
                Field("Results and process quality scored", hint="e.g. 1 to 10 by a customer panel; higher is better"),
                Field(
                    "Price and other costs measured as",
                    hint="circle one: scores 1 to 10 (higher = costlier) / money per purchase",
                ),
                Field("Prepared by and date"),
            ),
        ),
        Section(
            "Alternatives",
            note="First row: your current offer. Then competitors and your improvement ideas.",
            columns=(
                "Alternative", "Results (R)", "Process quality (P)", "Price (C1)",
                "Customer's time, effort, travel, risk (C2)", "R + P", "C1 + C2", "Index (R+P)/(C1+C2)",
                "Rank", "Raises numerator / lowers denominator?",
            ),
            row_labels=("Current offer",) + ("",) * 7,
        ),
        Section(
            "What the comparison says",
            fields=(
                Field("Which ideas raise the numerator, and by how much?"),
                Field("Which lower the denominator, and by how much?"),
                Field("Which ideas will you test with customers first?"),
            ),
        ),
    ),
)
