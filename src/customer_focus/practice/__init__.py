"""Checks for the exercise notebooks in ``exercises/`` (one module per exercise)."""
