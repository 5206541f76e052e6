"""Numbers written for readers: money, percentages, counts and small words.

One place for how the course writes a number in prose, so that a figure
placed on a page (``{case}`...```), in a scenario or in an answer key reads
the same everywhere. Negative numbers use the typographic minus (−), as the
course's prose does.

Styles (the name after a colon in a placeholder, e.g. ``{case:x.y:dollars}``):

``money``
    ``$1,234`` when the amount is whole, ``$1,234.56`` otherwise.
``cents``
    Always two decimals: ``$1,234.00``.
``dollars``, ``dollars10``, ``dollars100``, ``dollars1000``
    Rounded to the nearest dollar, ten, hundred or thousand: ``$35,300``.
``percent``
    As few decimals as needed, at most two: ``25%``, ``27.5%``, ``1.25%``.
``percent0``, ``percent1``, ``percent2``
    A fixed number of decimals.
``points``, ``points1``, ``points2``
    A share written as percentage points without the sign: 0.15625 → ``15.6``.
``count``
    A whole number with thousands separators: ``2,400``.
``number``
    As few decimals as needed, at most two: ``2.5``, ``4.09``.
``decimal1`` ... ``decimal4``
    A fixed number of decimals: ``0.8911``.
``signed``
    A score or a gap with its sign: ``+20``, ``−1.5``, ``0`` (at most two decimals).
``signed2``
    The same with exactly two decimals: ``+0.04``, ``−0.79``.
``word``
    Whole numbers from 0 to 12 in words (``six``), larger ones as digits.
``ordinal``
    ``first`` to ``twelfth``, then ``13th``.
"""

from __future__ import annotations

import math

__all__ = ["STYLES", "format_number"]

_MINUS = "\u2212"
_WORDS = ("zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve")
_ORDINALS = (
    "zeroth", "first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth", "tenth",
    "eleventh", "twelfth",
)


def _sign(value: float, text: str) -> str:
    return f"{_MINUS}{text}" if value < 0 else text


def _half_up(value: float, places: int = 0) -> float:
    """Round half away from zero (what readers expect: 31.5 → 32), after removing float noise."""
    scale = 10**places
    shifted = round(abs(value) * scale, 9)
    return math.copysign(math.floor(shifted + 0.5) / scale, value)


def _trim(value: float, most: int) -> str:
    text = f"{_half_up(abs(value), most):,.{most}f}"
    if "." in text:
        text = text.rstrip("0").rstrip(".")
    return text


def _money(value: float) -> str:
    cents = _half_up(value, 2)
    whole = abs(cents - round(cents)) < 0.005
    return _sign(cents, f"${abs(cents):,.0f}" if whole else f"${abs(cents):,.2f}")


def _cents(value: float) -> str:
    cents = _half_up(value, 2)
    return _sign(cents, f"${abs(cents):,.2f}")


def _rounded_dollars(step: int):
    def render(value: float) -> str:
        rounded = _half_up(value / step) * step
        return _sign(rounded, f"${abs(rounded):,.0f}")

    return render


def _fixed(places: int):
    def render(value: float) -> str:
        rounded = _half_up(value, places)
        return _sign(rounded, f"{abs(rounded):,.{places}f}")

    return render


def _percent_fixed(places: int):
    def render(value: float) -> str:
        rounded = _half_up(value * 100, places)
        return _sign(rounded, f"{abs(rounded):,.{places}f}%")

    return render


def _percent(value: float) -> str:
    rounded = _half_up(value * 100, 2)
    return _sign(rounded, _trim(rounded, 2) + "%")


def _points(places: int):
    def render(value: float) -> str:
        rounded = _half_up(value * 100, places)
        return _sign(rounded, _trim(rounded, places) if places else f"{abs(rounded):,.0f}")

    return render


def _count(value: float) -> str:
    rounded = _half_up(value)
    return _sign(rounded, f"{abs(rounded):,.0f}")


def _number(value: float) -> str:
    rounded = _half_up(value, 2)
    return _sign(rounded, _trim(rounded, 2))


def _signed(value: float) -> str:
    rounded = _half_up(value, 2)
    if rounded == 0:
        return "0"
    return ("+" if rounded > 0 else _MINUS) + _trim(rounded, 2)


def _signed2(value: float) -> str:
    rounded = _half_up(value, 2)
    return ("+" if rounded > 0 else _MINUS if rounded < 0 else "") + f"{abs(rounded):,.2f}"


def _word(value: float) -> str:
    rounded = int(_half_up(value))
    return _WORDS[rounded] if 0 <= rounded < len(_WORDS) else _count(rounded)


def _ordinal(value: float) -> str:
    rounded = int(_half_up(value))
    if 0 < rounded < len(_ORDINALS):
        return _ORDINALS[rounded]
    suffix = "th" if 10 <= rounded % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(rounded % 10, "th")
    return f"{rounded:,}{suffix}"


#: Every style by name, with the function that writes a number in it.
STYLES = {
    "money": _money,
    "cents": _cents,
    "dollars": _rounded_dollars(1),
    "dollars10": _rounded_dollars(10),
    "dollars100": _rounded_dollars(100),
    "dollars1000": _rounded_dollars(1000),
    "percent": _percent,
    "percent0": _percent_fixed(0),
    "percent1": _percent_fixed(1),
    "percent2": _percent_fixed(2),
    "points": _points(0),
    "points1": _points(1),
    "points2": _points(2),
    "count": _count,
    "number": _number,
    "decimal1": _fixed(1),
    "decimal2": _fixed(2),
    "decimal3": _fixed(3),
    "decimal4": _fixed(4),
    "signed": _signed,
    "signed2": _signed2,
    "word": _word,
    "ordinal": _ordinal,
}


def format_number(value: float, style: str) -> str:
    """Write ``value`` in one of the course's :data:`STYLES`.

    Parameters
    ----------
    value : float
        The number; shares and rates as decimals (0.25 for 25%).
    style : str
        A style name from :data:`STYLES`.

    Returns
    -------
    str

    Raises
    ------
    ValueError
        When the style is unknown or the value is not a finite number.

    Examples
    --------
    >>> format_number(-11176.4706, "money")
    '−$11,176.47'
    >>> format_number(108000, "money")
    '$108,000'
    >>> format_number(35294.12, "dollars100")
    '$35,300'
    >>> format_number(0.275, "percent"), format_number(0.25, "percent")
    ('27.5%', '25%')
    >>> format_number(0.15625, "points1")
    '15.6'
    >>> format_number(31.5, "count")
    '32'
    >>> format_number(20, "signed"), format_number(6, "word"), format_number(4, "ordinal")
    ('+20', 'six', 'fourth')
    >>> format_number(0.891139, "decimal4")
    '0.8911'
    """
    if style not in STYLES:
        known = ", ".join(STYLES)
        raise ValueError(f"unknown number style {style!r}; use one of: {known}.")
    if isinstance(value, bool) or not isinstance(value, (int, float)) or not math.isfinite(float(value)):
        raise ValueError(f"cannot write {value!r} as a number: it is not a finite number.")
    return STYLES[style](float(value))
