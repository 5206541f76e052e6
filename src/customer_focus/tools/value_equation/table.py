"""The customer value equation over a table: alternatives ranked against your current offer.

The arithmetic is :mod:`customer_focus.tools.value_equation.calc`'s (the
equation, its scales and what a change does to it); this module reads the
learner's alternatives (a CSV or Excel file read with
:func:`customer_focus.core.tables.read_table`, or a DataFrame), names the
file, line and column of anything it cannot use, and returns the comparison as
a pandas table. The index ranks the alternatives on the learner's own scales;
it is not a measurement of value.
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from ...core.messages import Messages
from ...core.tables import name_column, numeric_column, require_columns, where
from ..spec import load_spec
from . import calc

_ = Messages("tools.value_equation")
__all__ = ["ALTERNATIVE_COLUMNS", "compare_alternatives"]

_ALTERNATIVES = load_spec("value_equation").tables["alternatives"]

#: Columns of the table :func:`compare_alternatives` reads, with what each holds.
ALTERNATIVE_COLUMNS: dict[str, str] = _ALTERNATIVES.helps


def _baseline_position(names: pd.Series, baseline: object, table: pd.DataFrame) -> int:
    if baseline is None:
        return 0
    wanted = str(baseline).strip()
    matches = [i for i, name in enumerate(names) if name == wanted]
    if not matches:
        listed = ", ".join(repr(name) for name in names)
        raise ValueError(
            _("baseline must name one of the alternatives (your current offer); you gave "
              "{baseline!r}. The alternatives are: {listed}.").format(
                baseline=baseline, listed=listed)
        )
    return matches[0]


def _twice(name: str, first: str, second: str) -> str:
    """The message for a name given twice, at ``first`` and ``second`` (the page's too)."""
    return _(
        "column 'alternative' must give each alternative its own name; {name!r} appears at "
        "{first} and {second}. Rename one, e.g. add the competitor's name or 'idea 2'."
    ).format(name=name, first=first, second=second)


def _zero(place: str) -> str:
    """The message for an alternative that costs the customer nothing, at ``place``."""
    return _(
        "price + access_costs is 0 at {place}: an alternative that costs the customer nothing "
        "at all cannot be put on the ratio. Value at least the customer's time."
    ).format(place=place)


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
        :data:`customer_focus.tools.value_equation.calc.LEVERS`) and ``scales``
        (the scales used, in words).

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
    require_columns(alternatives, _ALTERNATIVES.required, optional=_ALTERNATIVES.optional)
    source = alternatives.attrs.get("source", _("the table"))
    if alternatives.empty:
        raise ValueError(_("{source}: has no alternatives; add at least your current offer and one "
            "idea.").format(source=source))
    scale = calc.check_costs(costs)
    top = calc.check_top_score(top_score)
    names = name_column(alternatives, "alternative", "alternative").astype(str).str.strip()
    repeated = names[names.duplicated(keep=False)]
    if not repeated.empty:
        twice = np.flatnonzero(names.duplicated(keep=False).to_numpy())
        rows = [where(alternatives, int(i)) for i in twice]
        raise ValueError(_twice(repeated.iloc[0], rows[0], " and ".join(rows[1:])))
    score = {"low": 1, "high": top}
    better = _("a score from 1 to {top}, higher is better").format(top=top)
    results = numeric_column(alternatives, "results", meaning=better, **score)
    process = numeric_column(alternatives, "process_quality", meaning=better, **score)
    if scale == "score":
        cost_meaning = _(
            "a score from 1 to {top}, higher = costlier; in money? use costs='money' for every row"
        ).format(top=top)
        price = numeric_column(alternatives, "price", meaning=cost_meaning, **score)
        access = numeric_column(alternatives, "access_costs", meaning=cost_meaning, **score)
    else:
        price = numeric_column(
            alternatives, "price", meaning=_("price to the customer, in money"), low=0
        )
        access = numeric_column(
            alternatives, "access_costs",
            meaning=_("the customer's time, effort, travel and risk, in money"), low=0
        )
    numerator = (results + process).to_numpy()
    denominator = (price + access).to_numpy()
    if (denominator <= 0).any():
        first = int(np.flatnonzero(denominator <= 0)[0])
        raise ValueError(_zero(where(alternatives, first)))
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
        calc.lever(up, down, baseline=position == base)
        for position, (up, down) in enumerate(
            zip(result["numerator_change"], result["denominator_change"], strict=True)
        )
    ]
    result["scales"] = calc.scale_description(scale, top)
    return result
