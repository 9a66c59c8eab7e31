"""Figures of notebook 06 (reuse and versions): pairs either side of the threshold, the reuse
heatmap, own and reused words, and the version table. The tables are :mod:`analysis.reuse`."""

from __future__ import annotations

import matplotlib.pyplot as plt
import numpy as np
import pandas as pd
from matplotlib.figure import Figure
from matplotlib.patches import Patch

from analysis.aggregate import MAX_OUTLETS, fold_rest, sum_by
from analysis.plots.style import (
    FIG_WIDTH,
    SOURCE_SPACE,
    described,
    finish,
    fit_lines,
    headed,
    outlet_colour,
    sentence_figure,
    suptitle,
    wrap,
)
from analysis.plots.texttable import side_by_side
from analysis.reuse import (
    MATCH_THRESHOLD,
    STATUSES,
    VERSION_THRESHOLD,
    mark_differences,
)


@described(
    "The sentence pairs either side of the reuse threshold ({threshold}), side by side, differences marked, each with its score"
)
def plot_pairs(
    near: pd.DataFrame, *, threshold: float = MATCH_THRESHOLD, finding: str = ""
) -> Figure:
    """The pairs of :func:`near_threshold` side by side, differences marked, with their scores."""
    rows = []
    for row in near.itertuples(index=False):
        left, right = mark_differences(row.text, row.other_text)
        verdict = "match" if row.match else "no match"
        label = f"{row.score:.3f} {verdict}\n{row.article_id} #{row.sentence}\n{row.other_id} #{row.other_sentence}"
        rows.append((label, left, right, False))
    return side_by_side(
        rows,
        title=headed(
            finding,
            f"Sentence pairs either side of the threshold ({threshold:g}): N = {len(near):,} pairs",
        ),
        headers=("score", "sentence (first article)", "sentence (second article)"),
        note=(
            "score: difflib ratio of the two sentences' words, 2 x words in common in order / all words. "
            "Struck orange: words only on the left; bold blue: words only on the right."
        ),
    )


@described(
    "The two versions of a story side by side: old left, new right, one row per sentence with its status; kept sentences in grey, changes marked word by word"
)
def plot_version_table(comparison: pd.DataFrame, *, finding: str = "") -> Figure:
    """The two versions of a story side by side: old left, new right, one row per sentence with
    its status; kept sentences in grey, changes marked word by word. ``comparison`` is
    :func:`compare_versions`'s table."""
    if comparison.empty:
        return _empty_figure("No story with two versions in this corpus", finding)
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
        title=headed(
            finding,
            f"Two versions of {story}: {old} and {new}, N = {len(comparison):,} sentence rows "
            f"({tally})",
        ),
        headers=("status", f"old: {old}", f"new: {new}"),
        note=(
            "Sentences paired one to one at a difflib score of at least "
            f"{VERSION_THRESHOLD:g}; rows follow the new version. Struck orange: words only in the old; "
            "bold blue: words only in the new; grey: kept word for word. 'moved': changed place "
            "in the order of the sentences the versions share."
        ),
    )


def _empty_figure(message: str, finding: str = "") -> Figure:
    return sentence_figure(headed(finding, "Reuse"), message)


#: Articles drawn at most in the reuse heat map; past it, outlets (words pooled).
MAX_HEATMAP_ARTICLES = 8


@described(
    "Heat map of reuse between articles: row = the article described, column = the article it matches, colour and label = share of the row article's words in sentences that closely match, with the matched sentences below; past {max_articles} articles, one row and column per outlet"
)
def plot_reuse_heatmap(
    matrix: pd.DataFrame,
    *,
    by_outlet: pd.DataFrame | None = None,
    max_articles: int = MAX_HEATMAP_ARTICLES,
    finding: str = "",
) -> Figure:
    """Heatmap of :func:`reuse_matrix` (``all_pairs=True``): row = the article described,
    column = the article it matches, colour and label = share of the row article's words in
    common with closely matching sentences, with the matched sentences below.

    Past ``max_articles`` articles, given ``by_outlet`` (:func:`~analysis.reuse.reuse_by_outlet`),
    rows and columns are outlets: the share of the row outlet's words in sentences matching the
    column outlet's articles (the diagonal: its own other articles)."""
    if matrix.empty:
        return _empty_figure("No pair of articles to compare", finding)
    ids = list(dict.fromkeys(matrix["article_id"].tolist() + matrix["other_id"].tolist()))
    pooled = by_outlet
    by_outlet = len(ids) > max_articles and pooled is not None
    if by_outlet:
        ids = list(dict.fromkeys(pooled["outlet"]))
        share = pooled.pivot(index="outlet", columns="other_outlet", values="word_share").reindex(
            index=ids, columns=ids
        )
        articles = pooled.drop_duplicates("outlet").set_index("outlet")["articles"]
        names = [f"{wrap(o, 16)} ({articles[o]:,})" for o in ids]
        matched = None
    else:
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
        names = ids
    cell = min(0.72, (FIG_WIDTH - 2.2) / max(len(ids), 1))
    size = cell * len(ids)
    fig, ax = plt.subplots(figsize=(size + 2.2, size + 1.4 + SOURCE_SPACE))
    values = share.to_numpy(dtype=float)
    vmax = max(0.25, float(np.nanmax(values)) if np.isfinite(values).any() else 0.25)
    image = ax.imshow(values, cmap="Blues", vmin=0, vmax=vmax)
    for i, row_id in enumerate(ids):
        for j in range(len(ids)):
            value = share.iloc[i, j]
            if (i == j and not by_outlet) or not np.isfinite(value):
                ax.text(j, i, "-", ha="center", va="center", color="#999999", fontsize=7)
                continue
            if cell < 0.3:
                continue
            text = f"{value:.0%}"
            if matched is not None and cell >= 0.6:
                text += f"\n{int(matched.iloc[i, j]):,}/{int(sentences[row_id]):,} s."
            ax.text(
                j,
                i,
                text,
                ha="center",
                va="center",
                fontsize=7,
                color="white" if value > vmax * 0.6 else "#111111",
            )
    ax.set_xticks(range(len(ids)), names, rotation=30, ha="right", fontsize=7)
    ax.set_yticks(range(len(ids)), names, fontsize=7)
    ax.set_xlabel("matches sentences of")
    ax.set_ylabel("share of this row's words")
    ax.grid(False)
    if by_outlet:
        n_articles = int(articles.sum())
        title = (
            f"Words in closely matching sentences, by outlet\nN = {n_articles:,} articles; more "
            f"than {max_articles}, so outlets (articles in brackets; diagonal: within the outlet)"
        )
    else:
        n_sentences = int(sentences.reindex(ids).sum())
        title = f"Words in closely matching sentences\nN = {len(ids):,} articles, {n_sentences:,} sentences"
    ax.set_title(fit_lines(headed(finding, title), size + 1.0), loc="left")
    fig.colorbar(image, ax=ax, fraction=0.046, pad=0.04, format=lambda v, _: f"{v:.0%}")
    finish(fig)
    return fig


@described(
    f"Horizontal bars: each article's own words (solid, outlet colour), then its words in sentences that closely match a sentence elsewhere: in prose (hatched) and, where the corpus has quotations, in sentences wholly quoted (pale); past {MAX_OUTLETS} articles, one bar per outlet"
)
def plot_reused_words(by_article: pd.DataFrame, *, finding: str = "") -> Figure:
    """Horizontal bars of :func:`reuse_by_article`: each article's own words (solid, outlet
    colour), then its words in common with a closely matching sentence elsewhere: in prose
    (hatched) and, where the corpus has quotations, in sentences wholly quoted (pale). Past
    :data:`~analysis.aggregate.MAX_OUTLETS` articles, one bar per outlet (words summed)."""
    n_articles = len(by_article)
    if n_articles > MAX_OUTLETS:
        unit = fold_rest(
            by_article["outlet"], by_article["words"], n=MAX_OUTLETS, rest="other outlets"
        )
        quoted_known = not by_article["reused_quoted_words"].isna().all()
        summed = sum_by(
            by_article.assign(
                article_id=by_article["article_id"],
                unit=unit,
                reused_quoted_words=by_article["reused_quoted_words"].fillna(0),
            ),
            "unit",
            ["words", "reused_words", "reused_quoted_words", "own_words"],
        )
        by_article = summed.assign(
            outlet=summed["unit"],
            article_id=[
                f"{u} ({a})" for u, a in zip(summed["unit"], summed["articles"], strict=True)
            ],
            reused_share=summed["reused_words"] / summed["words"].where(summed["words"] > 0),
        ).fillna({"reused_share": 0.0})
        if not quoted_known:
            by_article["reused_quoted_words"] = np.nan
    quoted = by_article["reused_quoted_words"].fillna(0).astype("int64")
    segments = [
        ("own words", by_article["own_words"], {}),
        ("reused, in prose", by_article["reused_words"] - quoted, {"hatch": "///"}),
        ("reused, in a wholly quoted sentence", quoted, {"alpha": 0.35}),
    ]
    if by_article["reused_quoted_words"].isna().all():
        segments = [segments[0], ("reused", by_article["reused_words"], {"hatch": "///"})]
    row = min(0.5, 6.0 / max(len(by_article), 1))
    fig, ax = plt.subplots(figsize=(FIG_WIDTH, row * len(by_article) + 1.5 + SOURCE_SPACE))
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
        ax.text(row.words + longest * 0.01, yi, text, va="center", fontsize=7)
    ax.set_yticks(y, [wrap(a, 24) for a in by_article["article_id"]], fontsize=7)
    ax.set_xlim(0, longest * 1.7)
    ax.set_xlabel("words")
    ax.grid(axis="y", visible=False)
    ax.legend(handles=handles, loc="lower left", bbox_to_anchor=(0, 1.0), fontsize=7, ncols=3)
    n_words = int(by_article["words"].sum())
    per = "article" if len(by_article) == n_articles else "outlet (articles in brackets)"
    suptitle(
        fig,
        headed(
            finding,
            f"Own and reused words per {per}\nN = {n_articles:,} articles, {n_words:,} words",
        ),
    )
    finish(fig)
    return fig
