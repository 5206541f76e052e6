"""Helper package for the course "Customer Focus: creating value and loyalty".

Modules
-------
clv
    Customer lifetime value (Gupta & Lehmann; Berger & Nasr) and comparisons.
charts
    The course's figures, drawn from data.
tables
    Reading the learner's CSV/Excel files, with clear errors.
widgets
    The worksheets' ipywidgets forms.
checking, practice
    ``check()``/``hint()``/``solution()`` for the exercise notebooks.
exercise_builder
    Writes ``exercises/`` from ``solutions/``.
sphinxext
    The Sphinx extension the book uses.
"""

__version__ = "0.1.0"
