"""Laying a translation over its English data file: the check of a mapping's keys.

A translation (a quiz bank's, a scenario's, a tool spec's) holds the English
file's texts under the English keys and ids. Wherever it gives a mapping, the
mapping must have every key of the English and no other; each problem is noted
at its line in the translation, so the translator is told where to look.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from typing import Any

from .problems import Problems

__all__ = ["compare_keys"]


def compare_keys(
    problems: Problems,
    given: Any,
    expected: Iterable[Any],
    *,
    not_mapping: str,
    lacks: Callable[[Any], str],
    extra: Callable[[Any], str],
    at: tuple[Any, Any] | None = None,
    extra_first: bool = False,
) -> bool:
    """Whether ``given`` is a mapping, noting what keeps its keys from being ``expected``'s.

    A ``given`` that is no mapping is noted with ``not_mapping``; each key of
    ``expected`` it lacks with ``lacks(key)``, both at ``at`` (a container
    and its key; by default ``given`` itself); each key of ``given`` that
    ``expected`` lacks with ``extra(key)``, at that key's line. The missing keys
    are noted first, or the extra ones with ``extra_first``.

    Examples
    --------
    >>> found = Problems("zh.yml")
    >>> compare_keys(found, {"title": "標題", "note": "多的"}, ["title", "text"],
    ...              not_mapping="must be a mapping", lacks=lambda key: f"lacks {key!r}",
    ...              extra=lambda key: f"{key!r} is not in the English")
    True
    >>> [str(problem) for problem in found.found]
    ["zh.yml:1: lacks 'text'", "zh.yml:1: 'note' is not in the English"]
    >>> compare_keys(found, ["a list"], ["title"], not_mapping="must be a mapping",
    ...              lacks=str, extra=str)
    False
    """
    container, key = at if at is not None else (given, None)
    if not isinstance(given, Mapping):
        problems.add(container, key, not_mapping)
        return False
    expected = list(expected)
    missing = [(container, key, lacks(name)) for name in expected if name not in given]
    extras = [(given, name, extra(name)) for name in given if name not in expected]
    for noted in [*extras, *missing] if extra_first else [*missing, *extras]:
        problems.add(*noted)
    return True
