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
``exercise``
    The checks of ``exercises/servqual.ipynb``.
``servqual.yml``
    The fifteen numbers of a quick assessment, the worked example, the columns
    of the survey file and the paper questionnaire
    (``book/apply/forms/servqual-form.md``).

The worksheet is ``book/apply/tools/servqual-worksheet.ipynb``.
"""
