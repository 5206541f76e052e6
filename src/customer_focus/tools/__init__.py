"""Layer 1: the Apply tools, one folder per tool.

Each tool lives in ``tools/<tool>/``, named as everywhere else in the course
(the worksheet ``book/apply/tools/<tool-with-hyphens>-worksheet.ipynb``, the
paper form ``book/apply/forms/<tool-with-hyphens>-form.md``, the exercise
``solutions/<tool-with-hyphens>.ipynb``):

``<tool>.yml``
    The content: inputs (labels, units, limits, help), the worked example,
    the columns of the learner's file, the headings of the tables written for
    reading, the exercise's questions and the paper form (see :mod:`.spec`).
``calc.py``
    The arithmetic and its input checks, standard library only.
``table.py``
    pandas work over a learner's file or many rows.
``form.py``
    The live form and the tool's charts, with their alt text.
``exercise.py``
    The exercise notebook's checks: the answers, computed (``exercises/<tool-with-hyphens>.ipynb``).

Shared by every tool: :mod:`.spec` (the YAML spec and the paper form),
:mod:`.questions` (an exercise from the spec's words and the computed answers)
and :mod:`.worksheet` (the base of every live form).

Tools moved here: ``lifetime_value``, ``turnover_cost``, ``replacement_cost``,
``feedback``, ``servqual``, ``kano``, ``value_equation``, ``satisfaction_targets``,
``work_process`` and ``recovery``. Beside them, ``lab/`` is the
advanced lab (lifetime value from a purchase log): ``transactions``, ``bgnbd``,
``datasets``, ``charts`` and ``exercise``, with no spec of its own.
"""
