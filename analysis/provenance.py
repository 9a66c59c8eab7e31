"""What the cleaner did to each article: tables for notebook 01 and the README's corpus section."""

from __future__ import annotations

import matplotlib.pyplot as plt
import pandas as pd

from analysis import figures
from analysis.corpus import Corpus

ARTICLE_COLUMNS = [
    "article_id",
    "outlet",
    "version",
    "canonical",
    "headline",
    "n_words",
    "n_paragraphs",
    "n_sentences",
]


def article_table(corpus: Corpus) -> pd.DataFrame:
    """One row per article: outlet, version, headline and the counts after cleaning."""
    return corpus.articles[ARTICLE_COLUMNS].reset_index(drop=True)


def removals_by_reason(corpus: Corpus) -> pd.DataFrame:
    """Characters and pieces removed, one row per article × reason (every pair, zeros included).

    Columns: ``article_id``, ``reason``, ``pieces``, ``chars``, ``share_of_raw`` (removed
    characters over the decoded file's characters). Articles keep the corpus's order; reasons are
    sorted by the characters they removed across the corpus, largest first.
    """
    removed = corpus.removed.assign(chars=corpus.removed["text"].str.len())
    counts = removed.groupby(["article_id", "reason"], sort=False).agg(
        pieces=("text", "size"), chars=("chars", "sum")
    )
    reasons = (
        removed.groupby("reason")["chars"].sum().sort_values(ascending=False, kind="stable").index
    )
    grid = pd.MultiIndex.from_product([corpus.article_ids, reasons], names=["article_id", "reason"])
    table = counts.reindex(grid, fill_value=0).reset_index()
    raw = corpus.articles.set_index("article_id")["n_chars_raw"]
    table["share_of_raw"] = table["chars"] / table["article_id"].map(raw)
    return table


def plot_removals(table: pd.DataFrame) -> plt.Figure:
    """Horizontal stacked bars: characters removed per article, one colour per reason.

    ``table`` is :func:`removals_by_reason`'s output.
    """
    wide = table.pivot(index="article_id", columns="reason", values="chars")
    wide = wide.reindex(
        index=list(dict.fromkeys(table["article_id"]))[::-1],
        columns=list(dict.fromkeys(table["reason"])),
    )
    fig, ax = figures.subplots(figsize=(9, 0.5 * len(wide) + 2.2))
    left = pd.Series(0, index=wide.index)
    colours = plt.get_cmap("tab20").colors
    for i, reason in enumerate(wide.columns):
        ax.barh(wide.index, wide[reason], left=left, label=reason, color=colours[i % 20])
        left = left + wide[reason]
    ax.set_xlabel("characters removed from the raw file")
    ax.set_title(f"What the cleaner removed, by reason (N = {len(wide)} articles)")
    ax.legend(loc="upper left", bbox_to_anchor=(1.0, 1.0), title="reason")
    ax.grid(axis="y", visible=False)
    return fig
