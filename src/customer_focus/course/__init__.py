"""Layer 2: the course's engines, on top of the core and the tools.

Modules
-------
cases
    The invented cases' figures: the inputs (:mod:`customer_focus.core.cases`) and every
    figure derived from them, placed in pages, question banks and the scenario.
case_figures
    How each derived figure is computed, with the tools.
quiz
    The question banks: loading, grading, attempts and draws, balance of the keys,
    notebook quizzes.
scenario
    The branching scenario: the story (``model``) and the notebook player (``player``).
markup
    The Markdown of question banks and scenarios, rendered to safe HTML.
course_map
    Chapters and learning objectives, from ``book/course-map.yml``.
diagrams
    The chapters' diagrams: the service-profit chain and the concept diagrams.
"""
