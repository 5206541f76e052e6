"""Checks at the boundary of the helper package.

Every public calculator validates its inputs here, so that a manager who types
``80`` instead of ``0.8`` gets a sentence explaining what went wrong and how to
fix it, never a NaN or a traceback from deep inside NumPy or pandas.
"""

from __future__ import annotations

import math
import numbers

__all__ = ["as_number", "as_rate", "as_whole_number"]


def _describe(value: object) -> str:
    """Return a short, readable rendering of a user-supplied value."""
    text = repr(value)
    return text if len(text) <= 40 else text[:37] + "..."


def as_number(value: object, name: str, *, meaning: str = "") -> float:
    """Return ``value`` as a finite float, or raise a readable ``ValueError``.

    Parameters
    ----------
    value : object
        What the caller passed.
    name : str
        The parameter name, used in the error message.
    meaning : str, optional
        A few words saying what the number stands for (``"the yearly margin
        per customer, in dollars"``), added to the error message.

    Returns
    -------
    float

    Examples
    --------
    >>> as_number(100, "margin")
    100.0
    """
    hint = f" ({meaning})" if meaning else ""
    if isinstance(value, bool) or not isinstance(value, numbers.Real):
        raise ValueError(
            f"{name} must be a number{hint}; you gave {_describe(value)}, "
            f"which is not a number. Type digits only, for example 100."
        )
    try:
        number = float(value)
    except OverflowError:
        number = math.inf
    if not math.isfinite(number):
        raise ValueError(
            f"{name} must be a finite number{hint}; you gave {_describe(value)}. "
            f"Check for an empty cell or a division by zero upstream."
        )
    return number


def as_rate(
    value: object,
    name: str,
    *,
    meaning: str,
    low: float = 0.0,
    high: float = 1.0,
    high_inclusive: bool = False,
    why_high: str = "",
) -> float:
    """Return ``value`` as a rate (a share written as a decimal), or raise.

    Parameters
    ----------
    value : object
        What the caller passed, e.g. ``0.8`` for 80%.
    name : str
        The parameter name, used in the error message.
    meaning : str
        What the rate stands for, in a manager's words.
    low, high : float
        The allowed range. ``low`` is always allowed; ``high`` only when
        ``high_inclusive`` is true.
    high_inclusive : bool
        Whether ``high`` itself is allowed.
    why_high : str, optional
        A sentence explaining why values at or above ``high`` make no sense.

    Returns
    -------
    float

    Examples
    --------
    >>> as_rate(0.8, "retention", meaning="the share of customers who stay")
    0.8
    """
    number = as_number(value, name, meaning=meaning)
    upper_ok = number <= high if high_inclusive else number < high
    if number >= low and upper_ok:
        return number
    upper = f"up to and including {high:g}" if high_inclusive else f"up to (but not including) {high:g}"
    message = (
        f"{name} must be a decimal from {low:g} {upper}: {meaning}; you gave {_describe(value)}."
    )
    if number >= high and why_high:
        message += " " + why_high
    if 1 < number <= 100 and high <= 1:
        message += f" If you meant {number:g}%, type {number / 100:g}."
    elif number < low:
        message += f" A negative {name} has no meaning here."
    raise ValueError(message)


def as_whole_number(
    value: object, name: str, *, meaning: str, minimum: int = 1, maximum: int | None = None
) -> int:
    """Return ``value`` as an int within ``[minimum, maximum]``, or raise.

    Parameters
    ----------
    value : object
        What the caller passed.
    name : str
        The parameter name, used in the error message.
    meaning : str
        What the number counts, in a manager's words.
    minimum, maximum : int
        The allowed range (``maximum=None`` means no upper limit).

    Returns
    -------
    int

    Examples
    --------
    >>> as_whole_number(10, "horizon", meaning="years to count")
    10
    """
    limits = f"from {minimum} to {maximum}" if maximum is not None else f"of at least {minimum}"
    if isinstance(value, bool) or not isinstance(value, numbers.Integral):
        raise ValueError(
            f"{name} must be a whole number {limits} ({meaning}); "
            f"you gave {_describe(value)}. Use a whole number such as 10."
        )
    number = int(value)
    if number < minimum or (maximum is not None and number > maximum):
        raise ValueError(
            f"{name} must be a whole number {limits} ({meaning}); you gave {number}."
        )
    return number
