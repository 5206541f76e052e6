"""Layer 3: what the course is published as, besides the book itself.

``exercises``
    The learners' exercise notebooks (``exercises/``), written from the
    solution notebooks (``solutions/``) with the answers taken out.
``slides``
    A reveal.js slide deck per Learn chapter, for a facilitator in a room.
``handouts``
    Every worksheet and printable form of the built book, printed to PDF.
``scorm``
    The SCORM 1.2 and SCORM 2004 packages of the built book, for learning
    management systems, with their manifests checked against the schemas.
``kit``
    The learner's kit: the course's files the wheel carries, the copy that
    ``customer-focus worksheets DIR`` writes, and the site's download.

Each is run from the command line (:mod:`customer_focus.cli`).
"""
