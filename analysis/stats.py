"""Small statistics that more than one analysis needs: the Wilson score interval of a proportion.

:mod:`analysis.emphasis` puts it on the share of an article's sentences that carry a frame;
:mod:`analysis.quote_accuracy` on the quotation finder's scores against the hand labels. One
implementation, vectorised, serves both: arrays (or Series) of counts in, arrays of bounds out,
and plain numbers for a single proportion.
"""

from __future__ import annotations

import numpy as np

#: z for a two-sided 95% interval.
Z95 = 1.959963984540054


def wilson_interval(k, n, z: float = Z95) -> tuple[np.ndarray, np.ndarray]:
    """The Wilson score interval for ``k`` successes in ``n`` trials (default 95%), element-wise.

    ``k`` and ``n`` are numbers, arrays or Series of the same shape; the bounds come back in that
    shape (NumPy floats, which are Python floats, for a single pair), NaN where ``n`` is 0.
    Unlike the normal approximation the interval is informative at k = 0 and k = n (100 of 100
    gives 0.963 to 1). The bounds are clipped to [0, 1]: the formula stays inside it, but its
    rounding does not quite (0 of n could otherwise give -7e-18).
    """
    k = np.asarray(k, dtype=float)
    n = np.asarray(n, dtype=float)
    with np.errstate(invalid="ignore", divide="ignore"):
        p = k / n
        denominator = 1 + z**2 / n
        centre = (p + z**2 / (2 * n)) / denominator
        half = z / denominator * np.sqrt(p * (1 - p) / n + z**2 / (4 * n**2))
    return np.clip(centre - half, 0.0, 1.0), np.clip(centre + half, 0.0, 1.0)
