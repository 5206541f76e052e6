"""The customer value equation tool.

``calc``
    The arithmetic (standard library only): :func:`~.calc.value_index`,
    :func:`~.calc.lever`, :func:`~.calc.scale_description`, and the checks of
    the scales.
``table``
    The same over the learner's alternatives (a CSV or Excel file, or a
    DataFrame): :func:`~.table.compare_alternatives`.
``form``
    The live form, the comparison written for reading (a table and one
    sentence per alternative), and the chart.

Its worksheet is ``book/apply/tools/value-equation-worksheet.ipynb``; its
exercise, its content (``value_equation.yml``) and their places are as for
every tool (:mod:`customer_focus.tools`).
"""
