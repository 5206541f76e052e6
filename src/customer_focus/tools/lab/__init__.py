"""The advanced lab: customer lifetime value from a company's own purchase records.

The lifetime value worksheet asks for one margin and one retention rate; the
lab estimates them, customer by customer, from a purchase log. Its notebook is
``book/apply/lab/lifetime-value-from-transactions.ipynb``; its exercise is
``solutions/lifetime-value-from-transactions.ipynb``.

``transactions``
    Read and check a purchase log (every bad row reported with its line),
    then summarize it per customer (frequency, recency, T, monetary value),
    by cohort (retention curves) and by RFM segment.
``bgnbd``
    The BG/NBD purchase model and the Gamma-Gamma spend model (Fader, Hardie
    & Lee 2005): fitting, predictions, holdout checks and the lifetime value
    of each customer under the course's timing convention.
``datasets``
    The CDNOW sample and master files, read from where the ``lifetimes``
    package installed them.
``charts``
    The retention curves, the holdout comparison and the yearly outlook, each
    with its alt text.
``describe``
    What the notebook says about the results: its sentences and its tables
    with their shown headers, in the reader's language.
``exercise``
    The checks of the lab's exercise notebook.
"""
