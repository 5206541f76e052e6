"""The service quality (SERVQUAL) tool: gap scores per dimension, weighted and unweighted.

``calc``
    The method and its arithmetic (standard library only): the five
    dimensions with their published definitions, the 22 items, an item's gap
    (:func:`~.calc.gap`) and the scores of a quick assessment from the five
    dimension averages (:func:`~.calc.score_dimensions`).
``table``
    A survey file, one row per respondent: checked, then the gaps per item,
    per respondent and per dimension.
``form``
    The live form (a grid of the five dimensions), the tables written for
    reading, and the chart of expectation against perception.

Its worksheet is ``book/apply/tools/servqual-worksheet.ipynb``; its exercise,
its content (``servqual.yml``) and their places are as for every tool
(:mod:`customer_focus.tools`).
"""
