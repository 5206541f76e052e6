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
denominator**. This tool therefore does not "measure value". It compares
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

Standard library only, and plain values in and out, so the same functions run
in a notebook and, through Pyodide, in the reader's browser. Every input is
described in ``value_equation.yml`` (read here from its JSON twin); a bad one
raises an :class:`~customer_focus.core.validation.InputError` (a
``ValueError``) whose ``name`` is the input's. A table of alternatives from
the learner's file is compared by
:func:`customer_focus.tools.value_equation.table.compare_alternatives`.
"""

from __future__ import annotations

from ...core.fields import load_fields
from ...core.messages import N_, Messages
from ...core.validation import InputError, as_number

_ = Messages("tools.value_equation")

__all__ = [
    "FIELDS",
    "COST_SCALES",
    "LEVERS",
    "check_costs",
    "check_top_score",
    "value_index",
    "lever",
    "lever_words",
    "scale_description",
]

#: The tool's inputs, as ``value_equation.yml`` describes them.
FIELDS = load_fields(__package__, "value_equation.json")

#: How price and the customer's other costs may be measured, with the words a form shows.
COST_SCALES: dict[str, str] = dict(FIELDS["costs"].options)

#: What a change against the current offer does to the equation, by kind (kept in English in a
#: comparison's ``lever`` column; shown in the reader's language through :func:`lever_words`).
LEVERS = {
    "baseline": N_("current offer: the point of comparison"),
    "both": N_("raises the numerator and lowers the denominator"),
    "numerator": N_("raises the numerator"),
    "denominator": N_("lowers the denominator"),
    "more_for_more": N_("trade-off: raises the numerator but also the denominator"),
    "less_for_less": N_("trade-off: lowers the denominator but also the numerator"),
    "worse": N_("lowers the numerator and raises the denominator"),
    "less_benefit": N_("lowers the numerator"),
    "more_cost": N_("raises the denominator"),
    "same": N_("no change on either side"),
}

#: Changes smaller than this (in points or money) count as no change.
_SAME = 1e-9


def check_costs(costs: object) -> str:
    """``costs`` when it names a scale of :data:`COST_SCALES`, or an ``InputError`` saying which.

    Examples
    --------
    >>> check_costs("money")
    'money'
    """
    if costs not in COST_SCALES:
        raise InputError(
            "costs",
            _("costs must be 'score' (price and other costs scored 1 to 10, higher = costlier) or "
              "'money' (both in money, the same unit for every alternative); you gave {costs!r}."
              ).format(costs=costs),
        )
    return str(costs)


def lever_words(lever: str) -> str:
    """A comparison's ``lever`` (one of :data:`LEVERS`, in English) in the reader's language.

    Examples
    --------
    >>> lever_words(LEVERS["numerator"])
    'raises the numerator'
    """
    return _(lever)


def check_top_score(top_score: object) -> int:
    """``top_score`` as a whole number from 2 to 100, or an ``InputError``.

    Examples
    --------
    >>> check_top_score(5)
    5
    """
    return FIELDS["top_score"].check(top_score)


def scale_description(costs: str = "score", top_score: int = 10) -> str:
    """Say in words which scales a comparison used (kept with exported results).

    Examples
    --------
    >>> scale_description("money")
    'results and process quality scored 1-10; price and other costs in money'
    """
    top = check_top_score(top_score)
    if check_costs(costs) == "money":
        return f"results and process quality scored 1-{top}; price and other costs in money"
    return f"all four terms scored 1-{top}; higher cost scores = costlier"


def _score(value: object, name: str, top: int, *, cost: bool = False) -> float:
    meaning = FIELDS[name].help
    number = as_number(value, name, meaning=meaning)
    if 1 <= number <= top:
        return number
    message = _("{name} must be a score from 1 to {top} ({meaning}); you gave {value!r}.").format(
        name=name, top=top, meaning=meaning, value=value)
    if cost and number > top:
        message += _(
            " If this is an amount of money, measure price and the other costs in money for "
            "every alternative (costs='money'): all rows must use the same scale."
        )
    elif 0 <= number < 1:
        message += _(" Scores start at 1; use 1 for the lowest.")
    raise InputError(name, message)


def _money(value: object, name: str) -> float:
    return as_number(value, name, meaning=FIELDS[name].help, minimum=0)


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
        The index, for ranking alternatives scored on the same scales; not a measure of value.

    Raises
    ------
    InputError
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
    top = check_top_score(top_score)
    scale = check_costs(costs)
    r = _score(results, "results", top)
    p = _score(process_quality, "process_quality", top)
    if scale == "score":
        c1 = _score(price, "price", top, cost=True)
        c2 = _score(access_costs, "access_costs", top, cost=True)
    else:
        c1 = _money(price, "price")
        c2 = _money(access_costs, "access_costs")
        if c1 + c2 <= 0:
            raise InputError(
                "access_costs",
                _("price + access_costs is 0: a service that costs the customer nothing at all "
                  "cannot be put on the ratio. Value at least the customer's time, even a small "
                  "amount."),
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
    up = FIELDS["numerator_change"].check(numerator_change)
    down = FIELDS["denominator_change"].check(denominator_change)
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
