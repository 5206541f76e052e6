"""Helper package for the course "Customer Focus: creating value and loyalty".

Layers, each importing only from the layers below it (``tests/test_architecture.py``
enforces it):

core
    Validation, formats, input fields, the YAML loader, paths, tables,
    figures and the exercise engine.
tools
    One folder per Apply tool (``tools/lifetime_value/``): its spec, arithmetic,
    tables, live form and exercise checks.
publish
    What is published besides the site: the exercise notebooks, slides,
    handouts and SCORM packages.
sphinxext
    The Sphinx extension the book uses.
cli
    The command line, ``python -m customer_focus <command>``.

The modules still at the top level are being moved into these layers (the
README lists them).
"""

__version__ = "0.1.0"
