"""The customer lifetime value tool.

``calc``
    The arithmetic (standard library only): :func:`~.calc.lifetime_value`,
    :func:`~.calc.margin_multiple`, :func:`~.calc.schedule`,
    :func:`~.calc.berger_nasr`, :func:`~.calc.breakeven_retention`.
``table``
    The same over a table: the year-by-year schedule, customers compared side
    by side from the learner's file, the opening case.
``form``
    The live form, the schedule written for reading, and the charts.

Its worksheet is ``book/apply/tools/lifetime-value-worksheet.ipynb``; its
exercise, its content (``lifetime_value.yml``) and their places are as for
every tool (:mod:`customer_focus.tools`).
"""
