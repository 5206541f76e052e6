"""The package's own words in the reader's language, through gettext.

What the package says to a reader (an input's error, a result's sentence, a
table's headers, a chart's title, axes and alt text) is written in English in
the code, marked for translation, and looked up in the reader's language when
it is said. Each area of the package has its own catalog (a gettext *domain*):
``core``, ``course``, ``tools``, one per tool (``tools.lifetime_value``), so a
translator works on one area at a time. The catalogs are
``customer_focus/locale/<language>/LC_MESSAGES/<domain>.po`` with their compiled
``.mo`` beside them (``make translations`` extracts, merges and compiles them).

The language is chosen when the words are said, not when a module is imported:

- :func:`language` chooses it for a block of code (a test, one page's build);
- otherwise the environment variable ``CUSTOMER_FOCUS_LANGUAGE`` does (the
  zh-TW edition's build sets it, so its notebooks' outputs are in Chinese; the
  live tools' page sets it in the browser's Python);
- otherwise the words are English.

Standard library only: a tool's ``calc.py`` uses this module, and it runs in a
browser's Pyodide as well as in a notebook.

Examples
--------
>>> _ = Messages("core")
>>> with language("zh_TW"):
...     _("{source}: has a header but no rows; add at least one row.").format(source="a.csv")
'a.csv：只有標題列，沒有資料；請至少加入一列。'
>>> _("{source}: has a header but no rows; add at least one row.").format(source="a.csv")
'a.csv: has a header but no rows; add at least one row.'

A word with no translation yet is said in English:

>>> with language("zh_TW"):
...     _("A sentence no catalog has")
'A sentence no catalog has'
"""

from __future__ import annotations

import gettext
import os
from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from functools import cache
from pathlib import Path

from customer_focus.core.languages import language_code

__all__ = [
    "ENVIRONMENT", "LOCALE", "Messages", "N_", "Np_", "current_language", "language",
    "use_language",
]

#: The environment variable that chooses the language when no block of code has.
ENVIRONMENT = "CUSTOMER_FOCUS_LANGUAGE"
#: Where the catalogs are: ``<language>/LC_MESSAGES/<domain>.mo`` under it.
LOCALE = Path(__file__).resolve().parent.parent / "locale"

_chosen: ContextVar[str | None] = ContextVar("customer_focus_language", default=None)


def current_language() -> str | None:
    """The language the package speaks now: its code (``"zh_TW"``), ``None`` for English.

    Examples
    --------
    >>> with language("zh-TW"):
    ...     current_language()
    'zh_TW'
    >>> with language("en"):
    ...     current_language() is None
    True
    """
    chosen = _chosen.get()
    if chosen is not None:
        return language_code(chosen)
    return language_code(os.environ.get(ENVIRONMENT))


@contextmanager
def language(code: str | None) -> Iterator[None]:
    """Speak ``code`` (``"zh_TW"``, ``"zh-TW"``; ``None`` or ``"en"``: English) in a block.

    Examples
    --------
    >>> with language("zh_TW"):
    ...     with language(None):
    ...         current_language() is None
    True
    """
    token = _chosen.set(code or "en")
    try:
        yield
    finally:
        _chosen.reset(token)


def use_language(code: str | None) -> None:
    """Speak ``code`` from now on in this process (``None`` or ``"en"``: English).

    A translated notebook's first cell calls it, so that the package's tables,
    charts and messages are in the notebook's language when a learner runs it
    (it sets :data:`ENVIRONMENT`; a block under :func:`language` still speaks its own).

    Raises
    ------
    ValueError
        For a language the course has no translation in.

    Examples
    --------
    >>> use_language("zh-TW"); current_language()
    'zh_TW'
    >>> use_language("en"); current_language() is None
    True
    >>> use_language("fr")
    Traceback (most recent call last):
    ...
    ValueError: no translation in 'fr'; the languages are en, zh_TW
    """
    os.environ[ENVIRONMENT] = language_code(code, known=True) or "en"


@cache
def _catalog(domain: str, code: str | None) -> gettext.NullTranslations:
    if code is None:
        return gettext.NullTranslations()
    return gettext.translation(domain, LOCALE, [code], fallback=True)


def N_(message: str) -> str:
    """Mark ``message`` for translation where it is defined; translate it where it is said.

    For words kept in a table at import time (a table's headers): the table
    holds the English, and the code that shows one passes it through its area's
    :class:`Messages`.

    Examples
    --------
    >>> N_("Segment")
    'Segment'
    """
    return message


def Np_(singular: str, plural: str) -> tuple[str, str]:
    """Mark a counted phrase's two forms for translation where they are declared; say them
    with :meth:`Messages.counted` where the count is known.

    Examples
    --------
    >>> Np_("{count} job", "{count} jobs")
    ('{count} job', '{count} jobs')
    """
    return singular, plural


class Messages:
    """The messages of one area of the package (one catalog), in the current language.

    Parameters
    ----------
    domain : str
        The catalog's name: ``"core"``, ``"course"``, ``"tools"`` or
        ``"tools.<tool>"``, the area the calling module is in.

    Examples
    --------
    >>> _ = Messages("core")
    >>> n_ = _.plural
    >>> n_("{count} row", "{count} rows", 2).format(count=2)
    '2 rows'
    >>> with language("zh_TW"):
    ...     _("empty")
    '空白'
    """

    def __init__(self, domain: str) -> None:
        self.domain = domain

    def __repr__(self) -> str:
        return f"Messages({self.domain!r})"

    def __call__(self, message: str) -> str:
        """``message`` in the current language (English when it has no translation)."""
        return _catalog(self.domain, current_language()).gettext(message)

    def plural(self, singular: str, plural: str, count: int) -> str:
        """The singular or the plural form for ``count``, in the current language."""
        return _catalog(self.domain, current_language()).ngettext(singular, plural, count)

    def counted(self, forms: tuple[str, str], count: int) -> str:
        """A counted phrase marked with :func:`Np_`, said for ``count`` (its ``{count}`` filled).

        Examples
        --------
        >>> Messages("tools.turnover_cost").counted(Np_("{count} job", "{count} jobs"), 11)
        '11 jobs'
        """
        return self.plural(*forms, count).format(count=count)
