"""The CDNOW data: read from the files the ``lifetimes`` package installs, never importing it."""

from __future__ import annotations

import subprocess
import sys

import pandas as pd
import pytest

from customer_focus.tools.lab import datasets
from customer_focus.tools.lab import transactions as tx

# ---- the CDNOW data ---------------------------------------------------------------


def test_cdnow_sample_has_the_published_size(cdnow):
    assert list(cdnow.columns) == ["customer_id", "sample_id", "date", "cds", "amount"]
    assert len(cdnow) == 6919
    assert cdnow["customer_id"].nunique() == 2357
    assert cdnow["sample_id"].max() == 2357
    assert cdnow["date"].min() == pd.Timestamp("1997-01-01")
    assert cdnow["date"].max() == pd.Timestamp("1998-06-30")
    assert cdnow["date"].groupby(cdnow["customer_id"]).min().max() < pd.Timestamp("1997-04-01")


def test_cdnow_master_has_the_published_size():
    master = datasets.cdnow_master()
    assert list(master.columns) == ["customer_id", "date", "cds", "amount"]
    assert len(master) == 69659
    assert master["customer_id"].nunique() == 23570


def test_cdnow_is_read_without_importing_lifetimes():
    code = (
        "import sys\n"
        "from customer_focus.tools.lab import datasets, transactions, bgnbd\n"
        "log = datasets.cdnow_sample()\n"
        "summary = transactions.summarize_customers(log, freq='D', freq_multiplier=7,"
        " observation_period_end='1997-09-30')\n"
        "bgnbd.fit_bgnbd(summary); bgnbd.fit_gamma_gamma(summary)\n"
        "print(sorted(name for name in sys.modules"
        " if name.split('.')[0] in ('lifetimes', 'autograd')))\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    )
    assert result.stdout.strip() == "[]"


def test_missing_lifetimes_names_pip_install(monkeypatch):
    import importlib.metadata
    import importlib.util

    monkeypatch.setattr(importlib.util, "find_spec", lambda name: None)

    def no_distribution(name):
        raise importlib.metadata.PackageNotFoundError(name)

    monkeypatch.setattr(importlib.metadata, "distribution", no_distribution)
    with pytest.raises(ModuleNotFoundError, match="pip install lifetimes"):
        datasets.cdnow_sample()


def test_missing_data_file_is_named():
    with pytest.raises(FileNotFoundError, match="no_such_file.txt"):
        datasets.lifetimes_data_file("no_such_file.txt")


def test_cdnow_lines_are_cited_from_the_file(cdnow):
    broken = cdnow.copy()
    broken.loc[4, "amount"] = -1.0
    with pytest.raises(
        ValueError, match=r"CDNOW_sample.txt: 1 of 6,919 rows .* line 5: amount is negative"
    ):
        tx.read_transactions(broken)
