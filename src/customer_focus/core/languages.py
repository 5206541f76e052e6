"""The languages of the course: the English source and each translation's code.

Sphinx's ``language`` setting (``None``, ``"en"``, ``"zh_TW"``) and the web's
form (``"zh-TW"``) both name a language; its code is the folder name under
``locales/`` and the key of the word tables.
"""

from __future__ import annotations

__all__ = ["LANGUAGES", "language_code"]

#: The languages of the course: the English source, then each translation's code.
LANGUAGES = ("en", "zh_TW")


def language_code(language: str | None, *, known: bool = False) -> str | None:
    """The folder name of a language under ``locales/``; ``None`` for English.

    Sphinx's ``language`` setting (``None``, ``"en"``, ``"zh_TW"``) and the
    web's form (``"zh-TW"``) are both accepted. Where English needs a name
    (a word table's key, a page's ``data-language``), write
    ``language_code(language) or "en"``.

    Parameters
    ----------
    language : str or None
        The language, in any of those forms.
    known : bool
        Whether the language must be one the course has (:data:`LANGUAGES`);
        by default any language gets its code, so that the caller can say
        what it lacks in it.

    Raises
    ------
    ValueError
        With ``known=True``, when the course has no translation in that language.

    Examples
    --------
    >>> language_code(None), language_code("en"), language_code("en_US")
    (None, None, None)
    >>> language_code("zh_TW"), language_code("zh-tw")
    ('zh_TW', 'zh_TW')
    >>> language_code("fr"), language_code("zh-TW", known=True)
    ('fr', 'zh_TW')
    >>> language_code("fr", known=True)
    Traceback (most recent call last):
    ...
    ValueError: no translation in 'fr'; the languages are en, zh_TW
    """
    code = _code(language)
    if known and (code or "en") not in LANGUAGES:
        raise ValueError(f"no translation in {language!r}; the languages are "
                         f"{', '.join(LANGUAGES)}")
    return code


def _code(language: str | None) -> str | None:
    """The code of any language, without checking that the course has it."""
    if not language:
        return None
    parts = str(language).replace("-", "_").split("_")
    if parts[0].lower() == "en":
        return None
    return "_".join([parts[0].lower(), *(part.upper() for part in parts[1:])])
