"""What the cleaner did to each article: tables for notebook 01 and the README's corpus section."""

from __future__ import annotations

import pandas as pd

from analysis.clean import REASONS
from analysis.corpus import TEXT_METADATA, Corpus

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


def reasons() -> pd.DataFrame:
    """What each removal reason means: the cleaner's reasons, then the metadata fields."""
    rows = [{"reason": r, "meaning": m} for r, m in REASONS.items()]
    rows += [
        {"reason": f"metadata: {field}", "meaning": f"kept as the article's {field}, not body"}
        for field in TEXT_METADATA
    ]
    return pd.DataFrame(rows)


def article_table(corpus: Corpus) -> pd.DataFrame:
    """One row per article: outlet, version, headline and the counts after cleaning."""
    return corpus.articles[ARTICLE_COLUMNS].reset_index(drop=True)


def outside_body(corpus: Corpus) -> pd.DataFrame:
    """Everything the cleaner took out of the body: the removal log plus the metadata fields.

    One row per piece: ``article_id``, ``text``, ``reason``. Metadata fields (headline, byline,
    credits, ...) are not junk, so their reason says where they went: ``metadata: headline``.
    """
    metadata = (
        corpus.articles.melt(
            id_vars="article_id",
            value_vars=list(TEXT_METADATA),
            var_name="field",
            value_name="text",
        )
        .query("text != ''")
        .assign(reason=lambda t: "metadata: " + t["field"])
    )
    # A standfirst that repeated a body paragraph is already in the log as `standfirst-repeat`;
    # counting its metadata copy too would count the same raw characters twice.
    repeated = set(
        corpus.removed.loc[corpus.removed["reason"] == "standfirst-repeat", "article_id"]
    )
    metadata = metadata[
        ~((metadata["field"] == "standfirst") & metadata["article_id"].isin(repeated))
    ]
    order = {a: i for i, a in enumerate(corpus.article_ids)}
    pieces = pd.concat(
        [
            corpus.removed[["article_id", "text", "reason"]],
            metadata[["article_id", "text", "reason"]],
        ],
        ignore_index=True,
    )
    return pieces.sort_values("article_id", key=lambda s: s.map(order), kind="stable").reset_index(
        drop=True
    )


def removals_by_reason(corpus: Corpus) -> pd.DataFrame:
    """Characters and pieces taken out of the body, one row per article × reason (zeros included).

    Reasons are the cleaner's (see ``analysis.clean.REASONS``) plus ``metadata: <field>`` for
    text kept as metadata (:func:`outside_body`). Columns: ``article_id``, ``outlet``, ``reason``,
    ``pieces``, ``chars``, ``share_of_raw`` (characters over the decoded file's characters).
    Articles keep the corpus's order; reasons are sorted by characters across the corpus, largest
    first.
    """
    pieces = outside_body(corpus)
    removed = pieces.assign(chars=pieces["text"].str.len())
    counts = removed.groupby(["article_id", "reason"], sort=False).agg(
        pieces=("text", "size"), chars=("chars", "sum")
    )
    reasons = (
        removed.groupby("reason")["chars"].sum().sort_values(ascending=False, kind="stable").index
    )
    grid = pd.MultiIndex.from_product([corpus.article_ids, reasons], names=["article_id", "reason"])
    table = counts.reindex(grid, fill_value=0).reset_index()
    articles = corpus.articles.set_index("article_id")
    table.insert(1, "outlet", table["article_id"].map(articles["outlet"]))
    table["share_of_raw"] = table["chars"] / table["article_id"].map(articles["n_chars_raw"])
    return table
