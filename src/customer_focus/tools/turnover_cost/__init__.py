"""The employee turnover cost tool: what it costs when someone in a job leaves.

``calc``
    The arithmetic (standard library only): the five lines
    (:func:`~.calc.line_cost` for the four filled in item by item,
    :func:`~.calc.learning_curve_cost`), :func:`~.calc.turnover_cost` for one
    departure, the course's illustrative job and Boushey & Glynn's benchmarks.
``table``
    The same as tables: one departure line by line, several jobs from the
    learner's file.
``form``
    The live form, the tables written for reading, and the stacked-bar chart
    (which the replacement cost tool uses too).

Its worksheet is ``book/apply/tools/turnover-cost-worksheet.ipynb``; its
exercise, its content (``turnover_cost.yml``) and their places are as for
every tool (:mod:`customer_focus.tools`).
"""
