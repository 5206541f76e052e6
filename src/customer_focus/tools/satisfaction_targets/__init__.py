"""The setting customer satisfaction targets tool.

``calc``
    The arithmetic (standard library only, on the lifetime value tool's
    ``calc``): :func:`~.calc.plan`, :func:`~.calc.what_if`,
    :func:`~.calc.retention_gain_value`, :func:`~.calc.top_box_share`,
    :func:`~.calc.customers_to_reach`, and the flags and advice of a plan.
``table``
    The same over the learner's segments (a CSV or Excel file, or a
    DataFrame): :func:`~.table.plan_targets`, :func:`~.table.what_if_retention`.
``form``
    The live form (it starts from Crossroads's segments, in the course's
    cases), the plan and the what-if written for reading, and the chart.

Its worksheet is ``book/apply/tools/satisfaction-targets-worksheet.ipynb``;
its exercise, its content (``satisfaction_targets.yml``) and their places are
as for every tool (:mod:`customer_focus.tools`).
"""
