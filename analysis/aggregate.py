"""Shrinking a per-article table to what a figure can show: outlets, or the top N with the rest summed.

A figure compares what the question compares (the house style): up to :data:`MAX_ARTICLES`
articles it may draw one mark group per article; past that it draws one per outlet, and past
:data:`MAX_OUTLETS` outlets it keeps the largest and sums the rest into one row. These helpers
take tables and return tables (no drawing), so the plot modules stay drawing only and a test can
check the sums by hand. :func:`outlet_finding_stats` does the same for citable numbers: past
:data:`MAX_ARTICLES` articles, ``findings.csv`` keeps per outlet what it kept per article
(:func:`analysis.findings.record_findings` with ``articles=``).
"""

from __future__ import annotations

from collections.abc import Sequence

import pandas as pd

#: Past this many articles, a per-article figure switches to one mark group per outlet.
MAX_ARTICLES = 8
#: Past this many outlets (or items), a figure keeps the largest and sums the rest.
MAX_OUTLETS = 20


def per_article(articles: int, limit: int = MAX_ARTICLES) -> bool:
    """Whether a figure of ``articles`` articles draws them one by one (else by outlet)."""
    return articles <= limit


def fold_rest(
    keys: pd.Series, weights: pd.Series | None = None, *, n: int, rest: str = "other"
) -> pd.Series:
    """Each key mapped to itself if it is among the ``n`` heaviest, else to ``"<rest> (k)"``
    where k is how many keys were folded together.

    ``weights`` (aligned with ``keys``) are summed per key to rank them; without weights, keys
    are ranked by how often they occur. Ties keep the keys' first-seen order. When there are at
    most ``n`` distinct keys nothing is folded. When there are more, the ``n - 1`` heaviest are
    kept and the rest make the ``n``-th row, so the result has exactly ``n`` distinct values.
    """
    weights = pd.Series(1, index=keys.index) if weights is None else weights
    totals = weights.groupby(keys, sort=False).sum()
    if len(totals) <= n:
        return keys.copy()
    kept = totals.sort_values(ascending=False, kind="mergesort").index[: n - 1]
    label = f"{rest} ({len(totals) - len(kept)})"
    return keys.where(keys.isin(kept), label)


def sum_by(
    table: pd.DataFrame,
    by: str | Sequence[str],
    sums: Sequence[str],
    *,
    count: str | None = "article_id",
) -> pd.DataFrame:
    """``table`` grouped by ``by`` (in first-seen order) with the ``sums`` columns added up and,
    if ``count`` is given, the number of distinct values of that column as ``articles``."""
    by = [by] if isinstance(by, str) else list(by)
    grouped = table.groupby(by, sort=False)
    out = grouped[list(sums)].sum()
    if count is not None:
        out["articles"] = grouped[count].nunique()
    return out.reset_index()


def share(numerator: pd.Series, denominator: pd.Series) -> pd.Series:
    """``numerator / denominator``, 0 where the denominator is 0 (an outlet with no sentences)."""
    denominator = denominator.astype(float)
    return (numerator / denominator.where(denominator != 0)).fillna(0.0)


def article_segment(keys: pd.Series, article_parts: pd.Series) -> pd.Series:
    """For each finding key, the article its dotted segments name (one of ``article_parts``, the
    articles' key parts indexed by article id), or NaN for a key that names none or two (a
    pair of articles is no per-article finding)."""
    by_part = pd.Series(article_parts.index, index=article_parts.values)
    by_part = by_part[~by_part.index.duplicated()]

    def named(key: str) -> object:
        found = [by_part[s] for s in key.split(".")[1:] if s in by_part.index]
        return found[0] if len(found) == 1 else None

    return pd.Series([named(key) for key in keys], index=keys.index, dtype=object)


def outlet_finding_stats(values: pd.DataFrame) -> pd.DataFrame:
    """Per ``pattern`` and ``outlet`` of ``values`` (one row per article and per-article finding,
    with a numeric ``value``): the ``mean`` and ``median`` over its articles and their number,
    ``articles``, in first-seen order."""
    grouped = values.groupby(["pattern", "outlet"], sort=False)["value"]
    return grouped.agg(mean="mean", median="median", articles="size").reset_index()
