"""Figures of notebook 01 (the corpus): what the cleaner took out of each article."""

from __future__ import annotations

import matplotlib.pyplot as plt
import numpy as np
import pandas as pd

from analysis.plots.style import subplots


def plot_removals(table: pd.DataFrame) -> plt.Figure:
    """An annotated grid: characters taken out, one row per reason, one column per article.

    ``table`` is :func:`removals_by_reason`'s output. Junk reasons come first, then the
    ``metadata:`` rows; an empty cell means nothing of that kind was found.
    """
    wide = table.pivot(index="reason", columns="article_id", values="chars")
    reasons = list(dict.fromkeys(table["reason"]))
    reasons = [r for r in reasons if not r.startswith("metadata")] + [
        r for r in reasons if r.startswith("metadata")
    ]
    wide = wide.reindex(index=reasons, columns=list(dict.fromkeys(table["article_id"])))
    fig, ax = subplots(figsize=(1.3 * wide.shape[1] + 3.5, 0.38 * len(wide) + 1.8))
    ax.imshow(np.log1p(wide.to_numpy(dtype=float)), cmap="Blues", aspect="auto", vmin=0)
    for (i, j), chars in np.ndenumerate(wide.to_numpy()):
        if chars:
            dark = np.log1p(chars) > 0.6 * np.log1p(wide.to_numpy().max())
            ax.text(
                j,
                i,
                f"{chars:,}",
                ha="center",
                va="center",
                color="white" if dark else "black",
                fontsize=9,
            )
    ax.set_xticks(range(wide.shape[1]), wide.columns, rotation=0)
    ax.set_yticks(range(len(wide)), wide.index)
    ax.tick_params(axis="x", top=True, labeltop=True, bottom=False, labelbottom=False)
    ax.grid(False)
    ax.set_title(
        f"Characters taken out of each article, by reason (N = {wide.shape[1]} articles)", pad=28
    )
    return fig
