"""Checks at the boundary of the helper package.

Every public calculator validates its inputs here, so that a manager who types
``80`` instead of ``0.8`` gets a sentence explaining what went wrong and how to
fix it, never a NaN or a traceback from deep inside NumPy or pandas. Every
error is an :class:`InputError` (a ``ValueError``) that names the input.

Standard library only: a tool's ``calc.py`` uses this module, and it runs in
a browser's Pyodide as well as in a notebook.
"""

from __future__ import annotations

import math
import numbers
from collections.abc import Callable, Sequence
from typing import TypeVar

from .messages import Messages

__all__ = [
    "InputError", "as_number", "as_rate", "as_whole_number", "as_choice", "as_text", "listed",
    "YES_WORDS", "NO_WORDS", "yes_no", "as_yes_no",
]

#: Words read as yes and as no (any capitals; surrounding spaces ignored).
YES_WORDS = ("yes", "y", "true", "1")
NO_WORDS = ("no", "n", "false", "0")

_Item = TypeVar("_Item")

_ = Messages("core")


class InputError(ValueError):
    """A bad input value. ``name`` is the input's name: the parameter and the form field.

    A page or a form catches it as a ``ValueError`` and shows the message next
    to the input called ``name``.

    Examples
    --------
    >>> error = InputError("retention", "retention must be a decimal")
    >>> error.name, str(error)
    ('retention', 'retention must be a decimal')
    """

    def __init__(self, name: str, message: str) -> None:
        super().__init__(message)
        self.name = name

    def __reduce__(self) -> tuple[type, tuple[str, str]]:
        return (type(self), (self.name, str(self)))


def _describe(value: object) -> str:
    """Return a short, readable rendering of a user-supplied value."""
    text = repr(value)
    return text if len(text) <= 40 else text[:37] + "..."


def as_number(
    value: object,
    name: str,
    *,
    meaning: str = "",
    minimum: float | None = None,
    maximum: float | None = None,
) -> float:
    """Return ``value`` as a finite float, or raise a readable :class:`InputError`.

    Parameters
    ----------
    value : object
        What the caller passed.
    name : str
        The parameter name, used in the error message.
    meaning : str, optional
        A few words saying what the number stands for (``"the yearly margin
        per customer, in dollars"``), added to the error message.
    minimum, maximum : float, optional
        The allowed range, both ends included (``None``: no limit).

    Returns
    -------
    float
        The value, checked.

    Examples
    --------
    >>> as_number(100, "margin")
    100.0
    >>> as_number(-5, "promotion_cost", meaning="yearly spending", minimum=0)
    Traceback (most recent call last):
    ...
    customer_focus.core.validation.InputError: promotion_cost must be 0 or more (yearly ...
    """
    hint = _(" ({meaning})").format(meaning=meaning) if meaning else ""
    if isinstance(value, bool) or not isinstance(value, numbers.Real):
        raise InputError(
            name,
            _("{name} must be a number{hint}; you gave {value}, which is not a number. "
              "Type digits only, for example 100.").format(
                name=name, hint=hint, value=_describe(value)),
        )
    try:
        number = float(value)
    except OverflowError:
        number = math.inf
    if not math.isfinite(number):
        raise InputError(
            name,
            _("{name} must be a finite number{hint}; you gave {value}. "
              "Check for an empty cell or a division by zero upstream.").format(
                name=name, hint=hint, value=_describe(value)),
        )
    too_low = minimum is not None and number < minimum
    if too_low or (maximum is not None and number > maximum):
        if maximum is None:
            bound = _("{minimum:g} or more").format(minimum=minimum)
        elif minimum is None:
            bound = _("{maximum:g} or less").format(maximum=maximum)
        else:
            bound = _("from {minimum:g} to {maximum:g}").format(minimum=minimum, maximum=maximum)
        raise InputError(name, _("{name} must be {bound}{hint}; you gave {value}.").format(
            name=name, bound=bound, hint=hint, value=_describe(value)))
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
        The rate, checked, as a decimal.

    Examples
    --------
    >>> as_rate(0.8, "retention", meaning="the share of customers who stay")
    0.8
    """
    number = as_number(value, name, meaning=meaning)
    upper_ok = number <= high if high_inclusive else number < high
    if number >= low and upper_ok:
        return number
    message = (
        _("{name} must be a decimal from {low:g} up to and including {high:g}: {meaning}; "
          "you gave {value}.") if high_inclusive else
        _("{name} must be a decimal from {low:g} up to (but not including) {high:g}: {meaning}; "
          "you gave {value}.")
    ).format(name=name, low=low, high=high, meaning=meaning, value=_describe(value))
    if number >= high and why_high:
        message += " " + why_high
    if 1 < number <= 100 and high <= 1:
        message += _(" If you meant {number:g}%, type {decimal:g}.").format(
            number=number, decimal=number / 100)
    elif number < low:
        message += _(" A negative {name} has no meaning here.").format(name=name)
    raise InputError(name, message)


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
        The whole number, checked.

    Examples
    --------
    >>> as_whole_number(10, "horizon", meaning="years to count")
    10
    """
    wanted = (
        _("{name} must be a whole number from {minimum} to {maximum} ({meaning})")
        if maximum is not None else
        _("{name} must be a whole number of at least {minimum} ({meaning})")
    ).format(name=name, minimum=minimum, maximum=maximum, meaning=meaning)
    if isinstance(value, bool) or not isinstance(value, numbers.Integral):
        raise InputError(
            name,
            _("{wanted}; you gave {value}. Use a whole number such as 10.").format(
                wanted=wanted, value=_describe(value)),
        )
    number = int(value)
    if number < minimum or (maximum is not None and number > maximum):
        raise InputError(name, _("{wanted}; you gave {value}.").format(wanted=wanted, value=number))
    return number


def as_choice(
    value: object, name: str, *, options: Sequence[str], meaning: str = "", default: str = ""
) -> str:
    """Return ``value`` when it is one of ``options``, or raise listing them.

    Parameters
    ----------
    value : object
        What the caller passed.
    name : str
        The parameter name, used in the error message.
    options : sequence of str
        The names allowed.
    meaning : str, optional
        What the choice decides, in a manager's words.
    default : str, optional
        The option the course uses, named in the message.

    Returns
    -------
    str
        The option, as ``options`` spells it.

    Examples
    --------
    >>> as_choice("upfront", "timing", options=("after_renewal", "upfront"))
    'upfront'
    """
    if isinstance(value, str) and value in options:
        return value
    names = ", ".join(repr(option) for option in options)
    hint = _(" ({meaning})").format(meaning=meaning) if meaning else ""
    message = _("{name} must be one of {names}{hint}; you gave {value}.").format(
        name=name, names=names, hint=hint, value=_describe(value))
    if default:
        message += _(" The course uses {default!r}.").format(default=default)
    raise InputError(name, message)


def as_text(value: object, name: str, *, meaning: str = "") -> str:
    """Return ``value`` as text without surrounding spaces, or raise when it is empty.

    Examples
    --------
    >>> as_text("  Delivery driver ", "job")
    'Delivery driver'
    """
    hint = _(" ({meaning})").format(meaning=meaning) if meaning else ""
    if not isinstance(value, str) or not value.strip():
        raise InputError(name, _("{name} must be some text{hint}; you gave {value}.").format(
            name=name, hint=hint, value=_describe(value)))
    return value.strip()


def listed(items: Sequence[_Item], describe: Callable[[_Item], str], *, most: int = 5) -> str:
    """The first ``most`` of ``items``, each described, then how many more there are.

    For a message naming the bad rows of a file: only the first few are
    described, however many there are.

    Examples
    --------
    >>> listed([3, 7], lambda row: f"line {row}")
    'line 3; line 7'
    >>> listed(range(2, 10), lambda row: f"line {row}", most=2)
    'line 2; line 3 (and 6 more)'
    """
    shown = "; ".join(describe(item) for item in items[:most])
    more = _(" (and {count} more)").format(count=len(items) - most)
    return shown + (more if len(items) > most else "")


def yes_no(value: object) -> bool | None:
    """The yes/no answer ``value`` holds, or ``None`` when it holds none.

    Read as answers: ``yes``/``no``, ``y``/``n``, ``true``/``false`` and
    ``1``/``0`` in any capitals (surrounding spaces ignored), the numbers 1
    and 0, and booleans (a spreadsheet's TRUE/FALSE, numpy's too).

    Examples
    --------
    >>> yes_no(" Yes "), yes_no(0), yes_no("TRUE"), yes_no("maybe"), yes_no(None)
    (True, False, True, None, None)
    """
    if isinstance(value, bool):
        return value
    if getattr(value, "shape", None) == () and getattr(value.dtype, "kind", "") == "b":
        return bool(value)  # numpy's True and False
    if isinstance(value, numbers.Real):
        return True if value == 1 else False if value == 0 else None
    if isinstance(value, str):
        word = value.strip().lower()
        if word in YES_WORDS:
            return True
        if word in NO_WORDS:
            return False
    return None


def as_yes_no(value: object, name: str, *, meaning: str = "") -> bool:
    """Return the yes/no answer in ``value`` (see :func:`yes_no`), or raise naming ``name``.

    Examples
    --------
    >>> as_yes_no(" Yes ", "adds_value"), as_yes_no(0, "fail_point")
    (True, False)
    >>> as_yes_no("maybe", "fail_point")
    Traceback (most recent call last):
    ...
    customer_focus.core.validation.InputError: fail_point must be yes or no (also accepted: ...
    """
    answer = yes_no(value)
    if answer is not None:
        return answer
    blank = value is None or (isinstance(value, numbers.Real) and value != value)
    hint = _(": {meaning}").format(meaning=meaning) if meaning else ""
    raise InputError(
        name,
        _("{name} must be yes or no (also accepted: y/n, true/false, 1/0){hint}; "
          "you gave {value}.").format(
            name=name, hint=hint, value=_("empty") if blank else _describe(value)),
    )
