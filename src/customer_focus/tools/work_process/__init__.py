"""The improving work processes tool.

``calc``
    The arithmetic (standard library only): :func:`~.calc.analyze`,
    :func:`~.calc.summary`, :func:`~.calc.improvement_order`,
    :func:`~.calc.improvement`, :func:`~.calc.action`.
``table``
    The same over the learner's steps (a CSV or Excel file, or a DataFrame):
    :func:`~.table.analyze_process`, :func:`~.table.process_summary`,
    :func:`~.table.where_to_improve`.
``form``
    The live form, the summary and the improvement list written for reading,
    and the chart.

Its worksheet is ``book/apply/tools/work-process-worksheet.ipynb``; its
exercise, its content (``work_process.yml``) and their places are as for every
tool (:mod:`customer_focus.tools`).
"""
