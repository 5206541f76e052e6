"""Layer 0: what every tool and every course engine stands on.

Nothing here imports the rest of the package. The modules marked *standard
library* run anywhere Python runs, including a browser's Pyodide, so a tool's
arithmetic (``tools/<tool>/calc.py``) may use them.

Modules
-------
validation
    Checking one input value, with a message naming the input (standard library).
formats
    Money, percentages and counts written for reading (standard library).
problems
    Problems found in a data file, each with its file and line (standard library).
fields
    The inputs of a tool, read from its YAML spec or the spec's JSON twin (standard library).
yamlfile
    The one YAML loader: line numbers and ``file:line`` errors (PyYAML).
paths
    Where the package's data files and the course's ``book/`` folder are.
tables
    Reading and writing the learner's CSV and Excel files, with clear errors (pandas).
figures
    What every course figure shares: the figure class, palette, alt-text embedding (matplotlib).
checking
    The exercise engine: ``check()``, ``hint()``, ``solution()`` in the exercise notebooks.
cases
    The invented cases' inputs, from ``data/cases.yml``, and the example tables built from
    them (the figures derived from them are computed a layer up, in ``course/``).
"""
