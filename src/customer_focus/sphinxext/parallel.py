"""Let the book's pages be read in parallel (``make book`` reads with two processes).

Sphinx reads the pages with several processes (and so runs their notebooks two at
a time) only when every extension says it may. One does not say:
``sphinx_multitoc_numbering``, which ``sphinx_external_toc`` always loads. Its
only work is to number sections across the table of contents' parts, in the
main process once every page is read (it replaces Sphinx's
``TocTree.assign_section_numbers`` when the builder starts), so reading in
parallel changes nothing it does (and the course's table of contents numbers
nothing). :func:`setup` says so on its behalf; every other extension the book
loads declares itself safe. Were one not to, Sphinx would warn that it reads
the pages one at a time, and ``make book`` (warnings are errors) would stop.
"""

from __future__ import annotations

from sphinx.application import Sphinx

#: Extensions that are safe to read and write in parallel but do not declare it.
UNDECLARED = ("sphinx_multitoc_numbering",)


def setup(app: Sphinx) -> None:
    """Load the :data:`UNDECLARED` extensions and declare them safe to read and write in parallel.

    Loading one that is already loaded does nothing; ``sphinx_external_toc`` loads
    ``sphinx_multitoc_numbering`` whether or not it comes first.
    """
    for name in UNDECLARED:
        app.setup_extension(name)
        extension = app.extensions[name]
        extension.parallel_read_safe = True
        extension.parallel_write_safe = True
