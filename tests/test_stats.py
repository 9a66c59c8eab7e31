"""Tests for analysis.stats: the Wilson interval against SciPy's, one proportion or many at once."""

from __future__ import annotations

import math

import numpy as np
import pandas as pd
import pytest
import scipy.stats

from analysis import stats

#: (successes, trials): the edges k = 0 and k = n, small and large n, and the cases the notebooks
#: meet (100 of 100 quotations, 3 of 4 sentences).
CASES = [(0, 1), (1, 1), (0, 5), (5, 5), (1, 2), (3, 4), (7, 9), (23, 33), (100, 100), (1, 1000)]


def scipy_wilson(k: int, n: int) -> tuple[float, float]:
    ci = scipy.stats.binomtest(k, n).proportion_ci(confidence_level=0.95, method="wilson")
    return ci.low, ci.high


def test_wilson_interval_matches_scipy():
    for k, n in [(100, 100), (23, 33), (0, 5), (7, 9)]:
        expected = scipy.stats.binomtest(k, n).proportion_ci(method="wilson")
        assert stats.wilson_interval(k, n) == pytest.approx((expected.low, expected.high))


@pytest.mark.parametrize("k, n", CASES)
def test_one_proportion_matches_scipy_and_is_plain_floats(k, n):
    low, high = stats.wilson_interval(k, n)
    assert (low, high) == pytest.approx(scipy_wilson(k, n), rel=1e-12, abs=1e-15)
    assert isinstance(low, float) and isinstance(high, float)
    assert 0.0 <= low <= k / n <= high <= 1.0


@pytest.mark.parametrize("n", [1, 16, 27, 40, 100, 2999])
def test_the_bounds_never_leave_zero_to_one(n):
    # Unclipped, rounding gives -6.9e-18 for 0 of 27 and 1.0000000000000002 for 16 of 16.
    low, high = stats.wilson_interval(np.array([0, n]), np.array([n, n]))
    assert 0.0 <= low[0] < 1e-15
    assert 1.0 - 1e-15 < high[1] <= 1.0


def test_arrays_and_series_give_each_pair_its_interval():
    k = np.array([k for k, _ in CASES])
    n = np.array([n for _, n in CASES])
    expected_low, expected_high = zip(*(scipy_wilson(a, b) for a, b in CASES), strict=True)
    for ks, ns in [(k, n), (pd.Series(k), pd.Series(n))]:
        low, high = stats.wilson_interval(ks, ns)
        assert low.shape == high.shape == (len(CASES),)
        assert low == pytest.approx(expected_low, rel=1e-12, abs=1e-15)
        assert high == pytest.approx(expected_high, rel=1e-12, abs=1e-15)


def test_no_trials_gives_nan_not_an_error():
    low, high = stats.wilson_interval(0, 0)
    assert math.isnan(low) and math.isnan(high)
    low, high = stats.wilson_interval(np.array([0, 2]), np.array([0, 4]))
    assert math.isnan(low[0]) and math.isnan(high[0])
    assert (low[1], high[1]) == pytest.approx(scipy_wilson(2, 4))
