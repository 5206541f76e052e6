"""Numbers written for reading: money, percentages and counts.

The one place where the course decides how an amount looks, so that a form, a
chart's alt text, a table and an exercise's feedback all write -$5.00 the same
way. Standard library only (a tool's ``calc.py`` and a browser's Pyodide may
use it).
"""

from __future__ import annotations

__all__ = ["money", "whole_money", "percent", "number"]


def money(value: float) -> str:
    """An amount with cents and thousands separators, the minus sign before the dollar sign.

    Examples
    --------
    >>> money(1234.5), money(-5), money(-0.0)
    ('$1,234.50', '-$5.00', '$0.00')
    """
    sign = "-" if value < 0 else ""
    return f"{sign}${abs(value):,.2f}"


def whole_money(value: float, _position: object = None) -> str:
    """An amount in whole dollars, e.g. for a chart's axis or a headline.

    Matplotlib's ``FuncFormatter`` passes the tick's position as a second
    argument, which this ignores, so the function serves both text and axes.

    Examples
    --------
    >>> whole_money(266.67), whole_money(-11176.47)
    ('$267', '-$11,176')
    """
    sign = "-" if value < 0 else ""
    return f"{sign}${abs(value):,.0f}"


def percent(value: float, places: int = 1) -> str:
    """A share written as a decimal (0.8), shown as a percentage.

    Examples
    --------
    >>> percent(0.8), percent(0.125, 0)
    ('80.0%', '12%')
    """
    return f"{value:.{places}%}"


def number(value: float, places: int = 0) -> str:
    """A count or a measure with thousands separators and ``places`` decimals.

    Examples
    --------
    >>> number(2400), number(1.23456, 2)
    ('2,400', '1.23')
    """
    return f"{value:,.{places}f}"
