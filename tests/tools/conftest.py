"""Fixtures the tools' tests share."""

from __future__ import annotations

import pytest

from live_archive import ask, unpack


@pytest.fixture(scope="module")
def page(tmp_path_factory):
    """The page's entry points as the zh-TW edition's browser runs them: its archive, unpacked,
    with the heavy packages blocked; ``page(code, chosen="zh_TW")`` is the value of the JSON text
    ``code`` gives in the language ``chosen`` (as the page sets it)."""
    archive = unpack(tmp_path_factory.mktemp("zh-archive"))
    return lambda code, chosen="zh_TW": ask(archive, code, chosen)
