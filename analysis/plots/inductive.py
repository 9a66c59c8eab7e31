"""Figures of frames without a dictionary (notebook 05): topic stability, topic terms, topic
shares by outlet (tables from :mod:`analysis.inductive`)."""

from __future__ import annotations

import matplotlib.pyplot as plt
import numpy as np
import pandas as pd

from analysis.plots.style import (
    SOURCE_SPACE,
    described,
    finding_room,
    finish,
    headed,
    panels,
    subplots,
    suptitle,
    wrap,
)

MAX_TOPICS = 12
MAX_OUTLETS = 20


@described(
    "Stability (mean matched cosine similarity of topic-term vectors across subsamples) for each number of topics, ± one standard deviation over subsamples; the chosen number marked"
)
def plot_topic_stability(stability: pd.DataFrame, chosen: int, *, finding: str = "") -> plt.Figure:
    """Stability (mean matched cosine similarity of topic-term vectors across subsamples) for
    each number of topics, ± one standard deviation over subsamples; the chosen k marked."""
    fig, ax = subplots(figsize=(5.5, 3.2 + SOURCE_SPACE + finding_room(finding, width=5.5)))
    ax.errorbar(
        stability["k"],
        stability["stability"],
        yerr=stability["sd"],
        marker="o",
        color="#333333",
        capsize=3,
        lw=1.2,
    )
    best = stability[stability["k"] == chosen]
    ax.scatter(
        best["k"],
        best["stability"],
        s=120,
        facecolors="none",
        edgecolors="#d62728",
        lw=2,
        zorder=3,
        label=f"chosen: k = {chosen}",
    )
    ax.set_xticks(stability["k"])
    ax.set_xlabel("number of topics k")
    ax.set_ylabel("stability (0-1)")
    ax.set_ylim(min(0.5, float(stability["stability"].min()) - 0.05), 1.02)
    ax.legend(loc="lower left")
    n = int(stability["sentences"].iloc[0])
    suptitle(
        fig,
        headed(
            finding,
            f"Topic stability over {int(stability['resamples'].iloc[0]):,} subsamples "
            f"(N = {n:,} sentences)",
        ),
    )
    finish(fig)
    return fig


@described(
    f"The heaviest terms of each topic (share of the topic's term weight), one panel per topic, at most {MAX_TOPICS} (the largest), each titled with its number of sentences"
)
def plot_topic_terms(
    terms: pd.DataFrame, sizes: pd.Series, *, n_terms: int = 8, finding: str = ""
) -> plt.Figure:
    """The heaviest terms of each topic (share of the topic's term weight), one panel per topic,
    at most :data:`MAX_TOPICS` (the largest); ``sizes``: sentences per topic, for the titles."""
    topics = sorted(terms["topic"].unique())[:MAX_TOPICS]
    # three panels of 2.2 in and their term labels stay within 7 in (2.3 reached 7.19 on the BBC)
    fig, axes = panels(len(topics), width=2.2, height=0.22 * n_terms + 0.7, columns=3)
    fig.set_figheight(fig.get_figheight() + finding_room(finding, width=fig.get_figwidth()))
    for ax, t in zip(axes, topics, strict=True):
        part = terms[(terms["topic"] == t) & (terms["rank"] <= n_terms)]
        ax.barh(range(len(part)), part["weight"], color="#4c72b0")
        ax.set_yticks(range(len(part)), part["term"], fontsize=8)
        ax.invert_yaxis()
        ax.tick_params(axis="x", labelsize=7)
        ax.grid(axis="y", visible=False)
        ax.set_title(f"topic {t} ({int(sizes.get(t, 0)):,} sentences)", fontsize=9)
    left = terms["topic"].nunique() - len(topics)
    note = f"; {left} smaller topics not shown" if left else ""
    suptitle(fig, headed(finding, f"Heaviest terms of each topic (share of its term weight{note})"))
    finish(fig)
    return fig


@described(
    f"Share of each outlet's sentences in each topic, a heat map with k/n in every cell; past {MAX_OUTLETS} outlets, those with the most sentences are kept and the rest summed in one row"
)
def plot_topic_shares(shares: pd.DataFrame, *, finding: str = "") -> plt.Figure:
    """Share of each outlet's sentences in each topic (:func:`analysis.inductive.topic_shares`),
    a heatmap with k/n in every cell; above :data:`MAX_OUTLETS` outlets, the outlets with the
    most sentences are kept and the rest summed in one row (the title says so)."""
    totals = shares.drop_duplicates("outlet").set_index("outlet")["total"]
    order = list(totals.index)
    if len(order) > MAX_OUTLETS:
        kept = sorted(order, key=lambda o: -totals[o])[: MAX_OUTLETS - 1]
        other = f"other outlets ({len(order) - len(kept):,})"
        shares = shares.assign(outlet=shares["outlet"].where(shares["outlet"].isin(kept), other))
        shares = shares.groupby(["outlet", "topic", "label"], sort=False, as_index=False)[
            ["sentences", "total"]
        ].sum()
        shares["share"] = shares["sentences"] / shares["total"]
        order = [*kept, other]
    wide = shares.pivot(index="outlet", columns="topic", values="share").reindex(order)
    k = shares.pivot(index="outlet", columns="topic", values="sentences").reindex(order)
    n = shares.drop_duplicates("outlet").set_index("outlet")["total"].reindex(order)
    labels = shares.drop_duplicates("topic").set_index("topic")["label"]
    width = min(7.0, 2.2 + 0.62 * wide.shape[1])
    fig, ax = subplots(
        figsize=(
            width,
            0.32 * len(wide) + 2.2 + SOURCE_SPACE + finding_room(finding, width=width),
        )
    )
    limit = max(0.05, float(np.nanmax(wide.to_numpy(dtype=float))))
    ax.imshow(wide.to_numpy(dtype=float), aspect="auto", cmap="Purples", vmin=0, vmax=limit)
    if wide.size <= 240:
        for (i, j), value in np.ndenumerate(wide.to_numpy(dtype=float)):
            ax.text(
                j,
                i,
                f"{int(k.iat[i, j]):,}/{int(n.iat[i]):,}",
                ha="center",
                va="center",
                fontsize=7,
                color="white" if value > 0.6 * limit else "black",
            )
    ax.set_xticks(
        range(wide.shape[1]),
        [f"{t}: {wrap(labels[t], 14)}" for t in wide.columns],
        fontsize=7,
        rotation=90,
    )
    ax.set_yticks(range(len(wide)), [wrap(o, 24) for o in wide.index], fontsize=8)
    ax.grid(False)
    suptitle(
        fig,
        headed(
            finding,
            f"Each outlet's sentences by topic\n(N = {int(n.sum()):,} sentences; k/n in each cell)",
        ),
    )
    finish(fig)
    return fig
