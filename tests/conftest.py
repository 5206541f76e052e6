"""Shared test fixtures."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import settings

# Hypothesis fails an example slower than its deadline (200 ms by default). On a
# machine whose cores are shared, examples with pandas take longer now and then,
# and the suite failed at random. Speed is measured by benchmarks/, not by tests.
settings.register_profile("course", deadline=None)
settings.load_profile("course")

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture(scope="session")
def root() -> Path:
    """The repository's top folder."""
    return ROOT
