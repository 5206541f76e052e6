"""Which package files decide that notebooks run again (customer_focus.sphinxext.freshness)."""

from __future__ import annotations

import hashlib

from customer_focus.sphinxext import freshness


def test_the_extensions_files_are_kept_apart_from_what_notebooks_run(monkeypatch):
    """Editing the book's extension must not clear the notebooks' cache (8 minutes of runs):
    its files go to the second digest, the ones notebooks import to the first."""
    digested: list[list[str]] = []

    def digest(paths):
        digested.append([path.relative_to(freshness.PACKAGE).parts[0] for path in paths])
        return hashlib.sha256(str(len(digested)).encode()).hexdigest()

    monkeypatch.setattr(freshness, "_digest", digest)
    freshness.package_fingerprint()
    executed, extension = digested
    assert extension and set(extension) == {"sphinxext"}
    assert "sphinxext" not in executed
    assert {"core", "tools", "course", "data"} <= set(executed)
    assert not set(executed) & set(freshness.SITE_ONLY)
