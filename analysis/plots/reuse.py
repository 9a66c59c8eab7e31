"""Figures of notebook 06 (reuse and versions): pairs either side of the threshold, the reuse
heatmap, own and reused words, and the version table. The tables are :mod:`analysis.reuse`."""

from __future__ import annotations

import matplotlib.pyplot as plt
import numpy as np
import pandas as pd
from matplotlib.figure import Figure
from matplotlib.patches import Patch

from analysis.plots.style import outlet_colour
from analysis.plots.texttable import side_by_side
from analysis.reuse import MATCH_THRESHOLD, STATUSES, VERSION_THRESHOLD, mark_differences


def plot_pairs(near: pd.DataFrame, *, threshold: float = MATCH_THRESHOLD) -> Figure:
    """The pairs of :func:`near_threshold` side by side, differences marked, with their scores."""
    rows = []
    for row in near.itertuples(index=False):
        left, right = mark_differences(row.text, row.other_text)
        verdict = "match" if row.match else "no match"
        label = f"{row.score:.3f} {verdict}\n{row.article_id} #{row.sentence}\n{row.other_id} #{row.other_sentence}"
        rows.append((label, left, right, False))
    return side_by_side(
        rows,
        title=f"Sentence pairs either side of the threshold ({threshold:g}): N = {len(near)} pairs",
        headers=("score", "sentence (first article)", "sentence (second article)"),
        note=(
            "score: difflib ratio of the two sentences' words, 2 x words in common in order / all words. "
            "Struck orange: words only on the left; bold blue: words only on the right."
        ),
    )


def plot_version_table(comparison: pd.DataFrame) -> Figure:
    """The side-by-side table of :func:`compare_versions`: old version left, new right, one row
    per sentence with its status; kept sentences in grey, changes marked word by word."""
    if comparison.empty:
        return _empty_figure("No story with two versions in this corpus")
    rows = []
    for row in comparison.itertuples(index=False):
        left, right = mark_differences(row.old_text, row.new_text)
        label = f"{row.status}\nmoved {row.moved}" if row.moved else row.status
        rows.append((label, left, right, row.status == "kept"))
    old, new, story = (
        comparison["old_id"].iloc[0],
        comparison["new_id"].iloc[0],
        comparison["story_id"].iloc[0],
    )
    counts = comparison["status"].value_counts()
    tally = ", ".join(f"{counts.get(s, 0)} {s}" for s in STATUSES)
    return side_by_side(
        rows,
        title=f"Two versions of {story}: {old} and {new}, N = {len(comparison)} sentence rows ({tally})",
        headers=("status", f"old: {old}", f"new: {new}"),
        note=(
            "Sentences paired one to one at a difflib score of at least "
            f"{VERSION_THRESHOLD:g}; rows follow the new version. Struck orange: words only in the old; "
            "bold blue: words only in the new; grey: kept word for word. 'moved': changed place "
            "in the order of the sentences the versions share."
        ),
    )


def _empty_figure(message: str) -> Figure:

    fig, ax = plt.subplots(figsize=(6, 1.2))
    ax.axis("off")
    ax.text(0.5, 0.5, message, ha="center", va="center", transform=ax.transAxes)
    return fig


def plot_reuse_heatmap(matrix: pd.DataFrame, *, max_articles: int = 30) -> Figure:
    """Heatmap of :func:`reuse_matrix` (``all_pairs=True``): row = the article described,
    column = the article it matches, colour and label = share of the row article's words in
    common with closely matching sentences, with the matched sentences below. At most
    ``max_articles`` articles (those with the most reuse) are drawn."""
    if matrix.empty:
        return _empty_figure("No pair of articles to compare")
    ids = list(dict.fromkeys(matrix["article_id"].tolist() + matrix["other_id"].tolist()))
    if len(ids) > max_articles:
        reused = matrix.groupby("article_id")["reused_words"].sum()
        top = set(reused.sort_values(ascending=False, kind="mergesort").index[:max_articles])
        ids = [a for a in ids if a in top]
    share = matrix.pivot(index="article_id", columns="other_id", values="word_share").reindex(
        index=ids, columns=ids
    )
    matched = matrix.pivot(
        index="article_id", columns="other_id", values="matched_sentences"
    ).reindex(index=ids, columns=ids)
    sentences = matrix.groupby("article_id")["sentences"].first()
    size = 1.1 + 1.15 * len(ids)
    fig, ax = plt.subplots(figsize=(size + 1.6, size))
    vmax = max(0.25, float(np.nanmax(share.to_numpy())) if share.notna().any().any() else 0.25)
    image = ax.imshow(share.to_numpy(dtype=float), cmap="Blues", vmin=0, vmax=vmax)
    for i, row_id in enumerate(ids):
        for j in range(len(ids)):
            if i == j:
                ax.text(j, i, "-", ha="center", va="center", color="#999999")
                continue
            value = share.iloc[i, j]
            colour = "white" if value > vmax * 0.6 else "#111111"
            ax.text(
                j,
                i,
                f"{value:.0%}\n{int(matched.iloc[i, j])}/{int(sentences[row_id])} sent.",
                ha="center",
                va="center",
                fontsize=8.5,
                color=colour,
            )
    ax.set_xticks(range(len(ids)), ids, rotation=30, ha="right")
    ax.set_yticks(range(len(ids)), ids)
    ax.set_xlabel("matches sentences of")
    ax.set_ylabel("share of this article's words")
    ax.grid(False)
    n_sentences = int(sentences.reindex(ids).sum())
    ax.set_title(
        f"Words in closely matching sentences\nN = {len(ids)} articles, {n_sentences} sentences",
        loc="left",
    )
    fig.colorbar(image, ax=ax, fraction=0.046, pad=0.04, format=lambda v, _: f"{v:.0%}")
    return fig


def plot_reused_words(by_article: pd.DataFrame) -> Figure:
    """Horizontal bars of :func:`reuse_by_article`: each article's own words (solid, outlet
    colour), then its words in common with a closely matching sentence elsewhere: in prose
    (hatched) and, where the corpus has quotations, in sentences wholly quoted (pale)."""
    quoted = by_article["reused_quoted_words"].fillna(0).astype("int64")
    segments = [
        ("own words", by_article["own_words"], {}),
        ("reused, in prose", by_article["reused_words"] - quoted, {"hatch": "///"}),
        ("reused, in a wholly quoted sentence", quoted, {"alpha": 0.35}),
    ]
    if by_article["reused_quoted_words"].isna().all():
        segments = [segments[0], ("reused", by_article["reused_words"], {"hatch": "///"})]
    fig, ax = plt.subplots(figsize=(9, 0.7 * len(by_article) + 1.8))
    y = np.arange(len(by_article))[::-1]
    colours = [outlet_colour(o) for o in by_article["outlet"]]
    left = np.zeros(len(by_article))
    handles = []
    for label, values, style in segments:
        face = "white" if "hatch" in style else colours
        ax.barh(y, values, left=left, color=face, edgecolor=colours, **style)
        left += values.to_numpy()
        grey = "white" if "hatch" in style else "#777777"
        handles.append(Patch(facecolor=grey, edgecolor="#777777", label=label, **style))
    longest = max(int(by_article["words"].max()), 1)
    for yi, row in zip(y, by_article.itertuples(index=False), strict=True):
        text = f"{row.reused_share:.0%} reused ({row.reused_words:,} of {row.words:,} words)"
        ax.text(row.words + longest * 0.01, yi, text, va="center", fontsize=8.5)
    ax.set_yticks(y, by_article["article_id"])
    ax.set_xlim(0, longest * 1.5)
    ax.set_xlabel("words")
    ax.grid(axis="y", visible=False)
    ax.legend(handles=handles, loc="lower right", fontsize=8)
    n_words = int(by_article["words"].sum())
    ax.set_title(
        f"Own and reused words per article\nN = {len(by_article)} articles, {n_words:,} words",
        loc="left",
    )
    return fig
