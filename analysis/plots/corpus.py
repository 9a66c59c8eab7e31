"""Figures of notebook 01 (the corpus): what the cleaner took out of each article."""

from __future__ import annotations

import matplotlib.pyplot as plt
import numpy as np
import pandas as pd

from analysis.aggregate import MAX_ARTICLES, fold_rest, per_article
from analysis.plots.style import FIG_WIDTH, SOURCE_SPACE, described, finish, headed, subplots, wrap


def _compact(chars: int) -> str:
    """1,234 or 12k: a count that fits a narrow cell."""
    return f"{chars:,}" if chars < 10_000 else f"{chars / 1000:,.0f}k"


@described(
    f"An annotated grid of the characters the cleaner took out: one row per reason, one column per article, or past {MAX_ARTICLES} articles one column per outlet (the {MAX_ARTICLES - 1} outlets that lost the most, the rest summed in one column)"
)
def plot_removals(table: pd.DataFrame, *, finding: str = "") -> plt.Figure:
    """An annotated grid: characters taken out, one row per reason, one column per article, or
    per outlet past :data:`~analysis.aggregate.MAX_ARTICLES` articles (the
    ``MAX_ARTICLES - 1`` outlets that lost the most, the rest summed in one column).

    ``table`` is :func:`removals_by_reason`'s output. Junk reasons come first, then the
    ``metadata:`` rows; an empty cell means nothing of that kind was found.
    """
    n_articles = table["article_id"].nunique()
    if per_article(n_articles):
        column, what = table["article_id"], "article"
    else:
        column = fold_rest(table["outlet"], table["chars"], n=MAX_ARTICLES, rest="other outlets")
        what = "outlet"
    articles = table.groupby(column, sort=False)["article_id"].nunique()
    wide = table.assign(_unit=column).pivot_table(
        index="reason", columns="_unit", values="chars", aggfunc="sum", sort=False
    )
    reasons = list(dict.fromkeys(table["reason"]))
    reasons = [r for r in reasons if not r.startswith("metadata")] + [
        r for r in reasons if r.startswith("metadata")
    ]
    wide = wide.reindex(index=reasons, columns=list(dict.fromkeys(column))).fillna(0).astype(int)
    label_width = 1.9
    cell = min(0.85, (FIG_WIDTH - label_width) / max(wide.shape[1], 1))
    fig, ax = subplots(
        figsize=(label_width + cell * wide.shape[1], 0.2 * len(wide) + 1.3 + SOURCE_SPACE)
    )
    values = wide.to_numpy(dtype=float)
    ax.imshow(np.log1p(values), cmap="Blues", aspect="auto", vmin=0)
    top = np.log1p(values.max()) if values.size else 1.0
    for (i, j), chars in np.ndenumerate(wide.to_numpy()):
        if chars:
            dark = np.log1p(chars) > 0.6 * top
            ax.text(
                j,
                i,
                _compact(int(chars)),
                ha="center",
                va="center",
                fontsize=7,
                color="white" if dark else "black",
            )
    names = [
        wrap(c, 12) if what == "article" else f"{wrap(c, 12)}\n({articles[c]:,} art.)"
        for c in wide.columns
    ]
    ax.set_xticks(range(wide.shape[1]), names, fontsize=7)
    ax.set_yticks(range(len(wide)), wide.index, fontsize=7)
    ax.tick_params(axis="x", top=True, labeltop=True, bottom=False, labelbottom=False, length=0)
    ax.grid(False)
    title = f"Characters taken out of each {what}, by reason (N = {n_articles:,} articles)"
    if what == "outlet":
        title += f"\nsummed by outlet: more than {MAX_ARTICLES} articles (per article in the CSV)"
    ax.set_title(headed(finding, title), pad=8 + 9 * max(n.count("\n") + 1 for n in names))
    finish(fig)
    return fig
