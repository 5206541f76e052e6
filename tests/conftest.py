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


def pytest_collection_modifyitems(config, items):
    """Start the slow tests (``@pytest.mark.slow``) first.

    The unit tests run on two workers; a minute-long test collected late (the wheel in a
    fresh environment) kept one worker busy for its last minute while the other had nothing
    left to do. Started first, it runs beside the rest.
    """
    items.sort(key=lambda item: item.get_closest_marker("slow") is None)
