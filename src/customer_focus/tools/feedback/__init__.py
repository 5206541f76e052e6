"""The customer feedback tool: the Net Promoter Score and a satisfaction summary.

``calc``
    The arithmetic (standard library only): the group of one answer
    (:func:`~.calc.nps_group`), the score of counts or of a list of answers
    (:func:`~.calc.nps_from_counts`, :func:`~.calc.net_promoter_score`), its
    margin of error, and the answers typed into a box (:func:`~.calc.parse_answers`).
``table``
    A file of responses: checked, then scored overall and by segment, with the
    distributions of the scores and of satisfaction.
``form``
    The live form, the summary written for reading, and the chart of the
    distributions.

Its worksheet is ``book/apply/tools/feedback-worksheet.ipynb``; its exercise,
its content (``feedback.yml``) and their places are as for every tool
(:mod:`customer_focus.tools`).
"""
