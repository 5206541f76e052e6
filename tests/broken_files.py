"""Breaking a copy of a data file on purpose, for the tests of its file:line errors."""

from __future__ import annotations

from pathlib import Path


def break_once(path: Path, old: str, new: str) -> int:
    """Replace ``old`` (once) in the file; the line it was on."""
    text = path.read_text(encoding="utf-8")
    assert text.count(old) == 1, old
    path.write_text(text.replace(old, new), encoding="utf-8")
    return text[: text.index(old)].count("\n") + 1
