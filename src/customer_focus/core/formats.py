"""Numbers written for reading: money, percentages, counts and small words.

The one place where the course decides how a number looks, so that a form, a
chart's axis and alt text, a table, an exercise's feedback and a figure placed
in a page (``{case}`...```), a scenario or an answer key all write −$5.00 the
same way. Standard library only (a tool's ``calc.py`` and a browser's Pyodide
may use it).

Two conventions hold everywhere:

- a negative number takes the typographic minus (−, U+2212), before the
  dollar sign: ``−$5.00``;
- halves round away from zero, as readers expect (31.5 → 32, 2.675 → 2.68),
  once floating-point noise is removed.

Each function is also a *style*, the name written after a colon to place a
case figure (``{case}`x.y:dollars100```, ``{case:x.y:percent1}``); a style
with a number at the end is the function with that argument
(``dollars100`` is ``dollars(value, step=100)``, ``decimal2`` is
``number(value, 2)``). :data:`STYLES` lists them and :func:`format_number`
writes a number in one by name:

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
import numbers
from collections.abc import Callable
from functools import partial

__all__ = [
    "MINUS", "money", "cents", "dollars", "compact_dollars", "percent", "points", "count",
    "number", "signed", "word", "ordinal", "chinese_word", "chinese_ordinal", "STYLES",
    "LANGUAGE_STYLES", "format_number",
]

#: The minus sign every negative number is written with.
MINUS = "\u2212"
_WORDS = (
    "zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten",
    "eleven", "twelve",
)
_ORDINALS = (
    "zeroth", "first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth",
    "ninth", "tenth", "eleventh", "twelfth",
)


#: Chinese numerals for 0 to 12 as a count ("two" is 兩 before a measure word: 兩家, 兩位).
_CHINESE_WORDS = (
    "零", "一", "兩", "三", "四", "五", "六", "七", "八", "九", "十", "十一", "十二",
)
#: The same as ordinals' numbers (第二, not 第兩).
_CHINESE_NUMERALS = (
    "零", "一", "二", "三", "四", "五", "六", "七", "八", "九", "十", "十一", "十二",
)


def _finite(value: object) -> float:
    """``value`` as a float, or a ``ValueError`` saying why it cannot be written."""
    if isinstance(value, bool) or not isinstance(value, numbers.Real) or not math.isfinite(value):
        raise ValueError(f"cannot write {value!r} as a number: it is not a finite number.")
    return float(value)


def _half_up(value: float, places: int = 0) -> float:
    """Round half away from zero, after removing float noise (2.675 is 2.67499999...)."""
    scale = 10**places
    shifted = round(abs(value) * scale, 9)
    return math.copysign(math.floor(shifted + 0.5) / scale, value)


def _sign(value: float, text: str) -> str:
    """``text`` with the minus sign when the (rounded) ``value`` is below zero."""
    return f"{MINUS}{text}" if value < 0 else text


def _trim(value: float, most: int) -> str:
    """``|value|`` with thousands separators and at most ``most`` decimals, no trailing zeros."""
    text = f"{_half_up(abs(value), most):,.{most}f}"
    if "." in text:
        text = text.rstrip("0").rstrip(".")
    return text


def money(value: float) -> str:
    """An amount in dollars, with cents only when it has them.

    Examples
    --------
    >>> money(108000), money(-11176.4706), money(0.5)
    ('$108,000', '−$11,176.47', '$0.50')
    """
    rounded = _half_up(_finite(value), 2)
    whole = abs(rounded - round(rounded)) < 0.005
    return _sign(rounded, f"${abs(rounded):,.0f}" if whole else f"${abs(rounded):,.2f}")


def cents(value: float) -> str:
    """An amount with cents and thousands separators: what forms and tables show.

    Examples
    --------
    >>> cents(1234.5), cents(-5), cents(-0.001)
    ('$1,234.50', '−$5.00', '$0.00')
    """
    rounded = _half_up(_finite(value), 2)
    return _sign(rounded, f"${abs(rounded):,.2f}")


def dollars(value: float, _position: object = None, *, step: int = 1) -> str:
    """An amount rounded to the nearest dollar (or ``step`` dollars).

    Matplotlib's ``FuncFormatter`` passes the tick's position as a second
    argument, which this ignores, so the function serves both text and a
    chart's axis.

    Examples
    --------
    >>> dollars(266.67), dollars(-11176.47), dollars(35294.12, step=100)
    ('$267', '−$11,176', '$35,300')
    """
    rounded = _half_up(_finite(value) / step) * step
    return _sign(rounded, f"${abs(rounded):,.0f}")


def compact_dollars(value: float, _position: object = None) -> str:
    """Money on a chart's axis, as the notebooks' charts write it: $0, $250k, $1.5M.

    Like :func:`dollars`, it serves Matplotlib's ``FuncFormatter`` too (the
    position is ignored).

    Examples
    --------
    >>> compact_dollars(0), compact_dollars(250000), compact_dollars(-1500000)
    ('$0', '$250k', '-$1.5M')
    """
    sign, size = ("-" if value < 0 else ""), abs(value)
    if size >= 1e6:
        return f"{sign}${size / 1e6:,.4g}M"
    if size >= 1e3:
        return f"{sign}${size / 1e3:,.4g}k"
    return f"{sign}${size:,.0f}"


def _measure(value: float, places: int | None, unit: str = "") -> str:
    """``value`` with thousands separators and ``unit``: ``places`` decimals, or up to two."""
    if places is None:
        rounded = _half_up(value, 2)
        return _sign(rounded, _trim(rounded, 2) + unit)
    rounded = _half_up(value, places)
    return _sign(rounded, f"{abs(rounded):,.{places}f}{unit}")


def percent(value: float, places: int | None = None) -> str:
    """A share written as a decimal (0.8), shown as a percentage.

    With ``places``, exactly that many decimals; without, as few as needed
    (at most two).

    Examples
    --------
    >>> percent(0.25), percent(0.275), percent(0.8, 1), percent(0.125, 0)
    ('25%', '27.5%', '80.0%', '13%')
    """
    return _measure(_finite(value) * 100, places, "%")


def points(value: float, places: int = 0) -> str:
    """A share written as percentage points, without the % sign (at most ``places`` decimals).

    Examples
    --------
    >>> points(0.15625), points(0.15625, 1), points(0.15, 2)
    ('16', '15.6', '15')
    """
    rounded = _half_up(_finite(value) * 100, places)
    return _sign(rounded, _trim(rounded, places))


def count(value: float) -> str:
    """A whole number with thousands separators.

    Examples
    --------
    >>> count(2400), count(31.5)
    ('2,400', '32')
    """
    rounded = _half_up(_finite(value))
    return _sign(rounded, f"{abs(rounded):,.0f}")


def number(value: float, places: int | None = None) -> str:
    """A measure with thousands separators.

    With ``places``, exactly that many decimals; without, as few as needed
    (at most two).

    Examples
    --------
    >>> number(2.5), number(4.0909), number(0.891139, 4), number(2400, 0)
    ('2.5', '4.09', '0.8911', '2,400')
    """
    return _measure(_finite(value), places)


def signed(value: float, places: int | None = None) -> str:
    """A score or a gap with its sign, + or −.

    With ``places``, exactly that many decimals (zero is ``0.00``, unsigned);
    without, as few as needed (at most two; zero is ``0``).

    Examples
    --------
    >>> signed(20), signed(-1.5), signed(0), signed(0.04, 2), signed(-0.789, 2)
    ('+20', '−1.5', '0', '+0.04', '−0.79')
    """
    most = 2 if places is None else places
    rounded = _half_up(_finite(value), most)
    sign = "+" if rounded > 0 else MINUS if rounded < 0 else ""
    if places is None:
        return sign + _trim(rounded, most) if rounded else "0"
    return sign + f"{abs(rounded):,.{places}f}"


def word(value: float) -> str:
    """A whole number from 0 to 12 in words, a larger one in digits.

    Examples
    --------
    >>> word(6), word(12), word(13)
    ('six', 'twelve', '13')
    """
    return _in_words(value, _WORDS)


def _in_words(value: float, words: tuple[str, ...]) -> str:
    rounded = int(_half_up(_finite(value)))
    return words[rounded] if 0 <= rounded < len(words) else count(rounded)


def ordinal(value: float) -> str:
    """An ordinal: ``first`` to ``twelfth`` in words, then ``13th``, ``21st``, ``112th``.

    Examples
    --------
    >>> ordinal(4), ordinal(13), ordinal(21), ordinal(112)
    ('fourth', '13th', '21st', '112th')
    """
    rounded = int(_half_up(_finite(value)))
    if 0 < rounded < len(_ORDINALS):
        return _ORDINALS[rounded]
    last = abs(rounded)
    suffix = "th" if 10 <= last % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(last % 10, "th")
    return _sign(rounded, f"{last:,}{suffix}")


def chinese_word(value: float) -> str:
    """:func:`word` for the Traditional Chinese edition: 0 to 12 in Chinese numerals, then digits.

    Examples
    --------
    >>> chinese_word(2), chinese_word(12), chinese_word(13)
    ('兩', '十二', '13')
    """
    return _in_words(value, _CHINESE_WORDS)


def chinese_ordinal(value: float) -> str:
    """:func:`ordinal` for the Traditional Chinese edition: 第一 to 第十二, then 第13.

    Examples
    --------
    >>> chinese_ordinal(2), chinese_ordinal(13)
    ('第二', '第13')
    """
    return "第" + _in_words(value, _CHINESE_NUMERALS)


#: Every style by name, with the function that writes a number in it.
STYLES: dict[str, Callable[[float], str]] = {
    "money": money,
    "cents": cents,
    "dollars": dollars,
    "dollars10": partial(dollars, step=10),
    "dollars100": partial(dollars, step=100),
    "dollars1000": partial(dollars, step=1000),
    "percent": percent,
    "percent0": partial(percent, places=0),
    "percent1": partial(percent, places=1),
    "percent2": partial(percent, places=2),
    "points": points,
    "points1": partial(points, places=1),
    "points2": partial(points, places=2),
    "count": count,
    "number": number,
    "decimal1": partial(number, places=1),
    "decimal2": partial(number, places=2),
    "decimal3": partial(number, places=3),
    "decimal4": partial(number, places=4),
    "signed": signed,
    "signed2": partial(signed, places=2),
    "word": word,
    "ordinal": ordinal,
}


#: The styles a language writes its own way (Sphinx's language codes); the others are the same
#: in every edition (amounts stay in US dollars, with digits).
LANGUAGE_STYLES: dict[str, dict[str, Callable[[float], str]]] = {
    "zh_TW": {"word": chinese_word, "ordinal": chinese_ordinal},
}


def format_number(value: float, style: str, language: str | None = None) -> str:
    """Write ``value`` in one of the course's :data:`STYLES`, named.

    Parameters
    ----------
    value : float
        The number; shares and rates as decimals (0.25 for 25%).
    style : str
        A style name from :data:`STYLES`.
    language : str, optional
        The edition's language (``"zh_TW"``); English when ``None`` or unknown.

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
    >>> format_number(35294.12, "dollars100")
    '$35,300'
    >>> format_number(0.275, "percent"), format_number(0.15625, "points1")
    ('27.5%', '15.6')
    >>> format_number(20, "signed"), format_number(6, "word"), format_number(4, "ordinal")
    ('+20', 'six', 'fourth')
    >>> format_number(0.891139, "decimal4")
    '0.8911'
    >>> format_number(4, "word", "zh_TW"), format_number(0.25, "percent", "zh_TW")
    ('四', '25%')
    """
    if style not in STYLES:
        known = ", ".join(STYLES)
        raise ValueError(f"unknown number style {style!r}; use one of: {known}.")
    return LANGUAGE_STYLES.get(language or "", {}).get(style, STYLES[style])(value)
