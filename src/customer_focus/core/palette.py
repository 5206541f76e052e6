"""The course's colors, in one place: the matplotlib figures and the SVG charts drawn in the page.

Standard library only (no matplotlib), so that :mod:`customer_focus.core.svg`
can use it in a browser's Pyodide.

Examples
--------
>>> PALETTE["line"]
'#1f5f99'
"""

from __future__ import annotations

__all__ = ["PALETTE"]

#: Colors with enough contrast on white, one per side of the chain.
PALETTE = {
    "employees": "#cfe3f6",
    "customers": "#fde2c4",
    "results": "#d5efd5",
    "ink": "#1a1a1a",
    "line": "#1f5f99",
    "accent": "#b35900",
    "grid": "#d0d0d0",
}
