"""The specific employee replacement cost tool: the cost of losing one person, customers included.

``calc``
    The arithmetic (standard library only): the pay, the five employee lines
    built from one person's specifics (with the turnover cost tool's learning
    curve), the customers who may follow (with the lifetime value tool), and
    :func:`~.calc.cost_of_losing`, which takes the inputs of
    ``replacement_cost.yml`` by name.
``table``
    The same as tables: one employee line by line, other guesses of the share
    who might follow, several employees from the learner's file.
``form``
    The live form, the tables written for reading, and the chart.

Its worksheet is ``book/apply/tools/replacement-cost-worksheet.ipynb``; its
exercise, its content (``replacement_cost.yml``) and their places are as for
every tool (:mod:`customer_focus.tools`).
"""
