"""The book's pages are read by two processes: no extension it loads keeps Sphinx to one."""

from __future__ import annotations

import io
from pathlib import Path

from sphinx.application import Sphinx
from sphinx.util.docutils import docutils_namespace

from customer_focus.sphinxext import parallel


def _app(folder: Path, extensions: list[str], warnings: io.StringIO) -> Sphinx:
    (folder / "conf.py").write_text(f"extensions = {extensions!r}\n", encoding="utf-8")
    (folder / "index.rst").write_text("Title\n=====\n\nText.\n", encoding="utf-8")
    return Sphinx(str(folder), str(folder), str(folder / "out"), str(folder / "doctrees"),
                  "html", status=None, warning=warnings, freshenv=True, parallel=2)


def test_the_table_of_contents_numbering_alone_would_keep_the_reading_serial(tmp_path):
    warnings = io.StringIO()
    with docutils_namespace():
        app = _app(tmp_path, ["sphinx_multitoc_numbering"], warnings)
        assert not app.is_parallel_allowed("read")
    assert "sphinx_multitoc_numbering" in warnings.getvalue()


def test_declared_safe_the_pages_are_read_and_written_in_parallel(tmp_path):
    warnings = io.StringIO()
    with docutils_namespace():
        app = _app(tmp_path, ["sphinx_multitoc_numbering"], warnings)
        parallel.setup(app)
        assert app.is_parallel_allowed("read") and app.is_parallel_allowed("write")
        app.build()
    assert "assuming it isn't" not in warnings.getvalue()
    assert "Text." in (tmp_path / "out" / "index.html").read_text(encoding="utf-8")


def test_the_extension_loads_it_when_no_one_has(tmp_path):
    with docutils_namespace():
        app = _app(tmp_path, [], io.StringIO())
        parallel.setup(app)
        assert "sphinx_multitoc_numbering" in app.extensions
        assert app.is_parallel_allowed("read")
