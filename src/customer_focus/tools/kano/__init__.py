"""The Kano tool: classify answer pairs, and score features with Better and Worse.

``calc``
    The method and its arithmetic (standard library only): the five answers,
    the six categories, Berger et al.'s evaluation table, the category of one
    answer pair (:func:`~.calc.classify`), and a feature's result from its
    counts (:func:`~.calc.better_worse`, :func:`~.calc.summarize`).
``table``
    A survey file, one row per respondent and feature: every pair classified
    at once, then each feature's counts, category, Better and Worse.
``form``
    The live form, the tables written for reading, and the Better/Worse chart.

Its worksheet is ``book/apply/tools/kano-worksheet.ipynb``; its exercise, its
content (``kano.yml``) and their places are as for every tool
(:mod:`customer_focus.tools`).
"""
