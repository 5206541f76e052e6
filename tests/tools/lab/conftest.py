"""The lab tests' shared data: the CDNOW sample, its calibration summary and the fitted models."""

from __future__ import annotations

import pandas as pd
import pytest

from customer_focus.tools.lab import bgnbd, datasets
from customer_focus.tools.lab import transactions as tx


@pytest.fixture(scope="module")
def cdnow() -> pd.DataFrame:
    return datasets.cdnow_sample()


@pytest.fixture(scope="module")
def calibration() -> pd.DataFrame:
    log = datasets.cdnow_sample()
    return tx.summarize_customers(
        log, freq="D", freq_multiplier=7, observation_period_end="1997-09-30"
    )


@pytest.fixture(scope="module")
def fitted(calibration):
    return bgnbd.fit_bgnbd(calibration), bgnbd.fit_gamma_gamma(calibration)
