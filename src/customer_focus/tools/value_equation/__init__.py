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
``exercise``
    The checks of ``exercises/value-equation.ipynb``.
``value_equation.yml``
    The inputs, the worked example, the columns of the learner's file and the
    paper form (``book/apply/forms/value-equation-form.md``).

The worksheet is ``book/apply/tools/value-equation-worksheet.ipynb``.
"""
