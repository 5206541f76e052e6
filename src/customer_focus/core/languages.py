"""The languages of the course: the English source and each translation's code.

Sphinx's ``language`` setting (``None``, ``"en"``, ``"zh_TW"``) and the web's
form (``"zh-TW"``) both name a language; its code is the folder name under
``locales/`` and the key of the word tables.
"""

from __future__ import annotations

__all__ = ["LANGUAGES", "language_code"]

#: The languages of the course: the English source, then each translation's code.
LANGUAGES = ("en", "zh_TW")


def language_code(language: str | None) -> str | None:
    """The folder name of a language under ``locales/``; ``None`` for English.

    Sphinx's ``language`` setting (``None``, ``"en"``, ``"zh_TW"``) and the
    web's form (``"zh-TW"``) are both accepted.

    Examples
    --------
    >>> language_code(None), language_code("en"), language_code("en_US")
    (None, None, None)
    >>> language_code("zh_TW"), language_code("zh-tw")
    ('zh_TW', 'zh_TW')
    """
    if not language:
        return None
    parts = str(language).replace("-", "_").split("_")
    if parts[0].lower() == "en":
        return None
    return "_".join([parts[0].lower(), *(part.upper() for part in parts[1:])])
