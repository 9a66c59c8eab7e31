"""Which words set each outlet apart: one way to count words, honest statistics, naming choices.

Counting
    One tokenisation policy (:func:`analysis.terms.vectorizer`, :func:`analysis.terms.analyse`),
    built on :data:`analysis.text.WORD_PATTERN` so the whole suite counts words one way: typography folded,
    lower-cased, hyphenated words kept whole ("de-escalation"), possessives folded ("Russia's" ->
    "russia"), numbers kept ("130,000"), scikit-learn's English stop words removed (switchable;
    contractions such as "don't" go with them), optional bigrams. :func:`term_table` counts a corpus
    into a sparse document x term matrix and sums it by group into a term x group table.

Grouping
    Every function that compares groups takes ``by`` (a column of ``corpus.articles``, default
    ``"outlet"``) and ``canonical`` (default ``True``: only the articles the manifest marks
    canonical, so an outlet with two versions of a story counts once).

Voice
    ``voice="all"`` counts the body paragraphs; ``"writer"`` the outlet's own voice and
    ``"quoted"`` the quoted text, by ``corpus.sentences["voice"]`` (see :func:`voice_text`).

Statistics
    :func:`log_odds_z` (Monroe, Colaresi and Quinn 2008) and :func:`keyness` (signed G², Hardie's
    log ratio, Benjamini-Hochberg q). Scores come with the counts they rest on.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from functools import cache
from pathlib import Path

import numpy as np
import pandas as pd
from scipy import sparse
from scipy.special import xlogy
from scipy.stats import chi2

from analysis.aggregate import MAX_OUTLETS, fold_rest
from analysis.errors import CorpusError
from analysis.findings import findings_table
from analysis.lexicon import lexicon_path, read_lexicon
from analysis.terms import find_matches, vectorizer
from analysis.text import fold_typography, outlet_slug
from analysis.voices import check_voice

#: Quotation kinds whose words are the speaker's, not the writer's (scare quotes stay the writer's).
QUOTED_KINDS = ("full", "partial")
DEFAULT_ALPHA0 = 100.0

# --------------------------------------------------------------------------- text by voice


def voice_text(corpus, voice: str = "all") -> pd.DataFrame:
    """The text to count for ``voice``: a DataFrame of ``article_id``, ``paragraph``, ``text``.

    ``"all"``: every body paragraph (headline and standfirst are not counted).
    ``"writer"`` / ``"quoted"``: sentences that ``corpus.sentences["voice"]`` labels
    ``authorial`` / ``quoted``. A ``mixed`` sentence is split at the quotations of
    ``corpus.quotes`` (kinds ``full`` and ``partial``; scare quotes stay the writer's) when that
    table gives their ``start``/``end`` in the paragraph; without it, mixed sentences belong to
    neither voice (use ``voice="all"`` to count them); so does a mixed sentence that no
    quotation overlaps.

    Raises :class:`~analysis.CorpusError` naming the missing column if the corpus has no voice.
    """
    kept = check_voice(voice)
    if kept is None:
        return corpus.paragraphs[["article_id", "paragraph", "text"]]
    sentences = corpus.sentences
    if "voice" not in sentences.columns:
        raise CorpusError(
            f"voice={voice!r} needs the column 'voice' in corpus.sentences (added when quotations "
            f"are attributed); this corpus's sentences have {list(sentences.columns)}. "
            "Use voice='all' to count all text."
        )
    whole = sentences.loc[sentences["voice"].isin(kept), ["article_id", "paragraph", "text"]]
    mixed = sentences[sentences["voice"] == "mixed"]
    parts = _split_mixed(mixed, corpus.quotes)
    parts = parts.loc[parts["voice"] == voice, ["article_id", "paragraph", "text"]]
    return pd.concat([whole, parts], ignore_index=True)


def _split_mixed(mixed: pd.DataFrame, quotes: pd.DataFrame | None) -> pd.DataFrame:
    """Mixed sentences cut into their ``quoted`` pieces and the ``writer`` text around them."""
    columns = ["article_id", "paragraph", "voice", "text"]
    needed = {"article_id", "paragraph", "start", "end", "kind"}
    if mixed.empty or quotes is None or not needed <= set(quotes.columns):
        return pd.DataFrame(columns=columns)
    spans = quotes.loc[
        quotes["kind"].isin(QUOTED_KINDS), ["article_id", "paragraph", "start", "end"]
    ]
    pairs = (
        mixed.reset_index(drop=True)
        .reset_index(names="row")
        .merge(spans, on=["article_id", "paragraph"], suffixes=("", "_q"))
    )
    # the part of each quotation inside the sentence, as offsets into the sentence text
    lo = np.maximum(pairs["start_q"], pairs["start"]) - pairs["start"]
    hi = np.minimum(pairs["end_q"], pairs["end"]) - pairs["start"]
    pairs = pairs.assign(lo=lo, hi=hi)[hi > lo]
    rows = []
    for (_row, article_id, paragraph, text), cuts in pairs.groupby(
        ["row", "article_id", "paragraph", "text"], sort=True
    ):
        writer, cursor = [], 0
        for lo_, hi_ in sorted(zip(cuts["lo"], cuts["hi"], strict=True)):
            rows.append((article_id, paragraph, "quoted", text[lo_:hi_]))
            writer.append(text[cursor:lo_])
            cursor = max(cursor, hi_)
        writer.append(text[cursor:])
        rows.append((article_id, paragraph, "writer", " ".join(writer)))
    return pd.DataFrame(rows, columns=columns)


# --------------------------------------------------------------------------- counting


def groups_of(corpus, by: str = "outlet") -> pd.Series:
    """Each article's group (the ``by`` column of ``corpus.articles``), indexed by article_id."""
    if by not in corpus.articles.columns:
        raise ValueError(
            f"by={by!r} is not a column of corpus.articles; choose one of "
            f"{list(corpus.articles.columns)}"
        )
    return corpus.articles.set_index("article_id", drop=False)[by].astype(str)


def _sum_by(matrix: sparse.csr_matrix, labels: pd.Series, order: list[str]) -> sparse.csr_matrix:
    """Rows of ``matrix`` summed by ``labels`` (one row per label in ``order``), staying sparse."""
    codes = pd.Categorical(labels, categories=order).codes
    indicator = sparse.csr_matrix(
        (np.ones(len(codes), dtype=np.int64), (codes, np.arange(len(codes)))),
        shape=(len(order), len(codes)),
    )
    return indicator @ matrix


def _count_chunk(
    texts: list[str], stop_words: list[str] | bool, ngrams: int
) -> tuple[list[str], object]:
    """Count one chunk of texts: its sorted terms and its sparse unit x term counts."""
    counter = vectorizer(stop_words=stop_words, ngrams=ngrams)
    try:
        counts = counter.fit_transform(texts)
    except ValueError:  # no text, or nothing but stop words
        return [], sparse.csr_matrix((len(texts), 0), dtype=np.int64)
    return counter.get_feature_names_out().tolist(), counts.tocsr()


def count_texts(
    texts: list[str],
    *,
    stop_words: bool | Iterable[str] = True,
    ngrams: int = 1,
    workers: int | None = None,
) -> tuple[sparse.csr_matrix, list[str]]:
    """Sparse text x term counts by the suite's policy (:func:`analysis.terms.vectorizer`), and the sorted terms.

    From :data:`analysis.parallel.MIN_TEXTS` texts on, the work is split into one chunk per
    worker (default: all local cores, or the Dask cluster's workers) and the chunks'
    vocabularies merged; the result is the same whatever runs it.
    """
    from analysis import parallel

    stop = stop_words if isinstance(stop_words, bool) else list(stop_words)
    parts = parallel.map_chunks(
        _count_chunk,
        texts,
        stop,
        ngrams,
        min_items=parallel.MIN_TEXTS,
        workers=workers,
        per_worker=1,
        desc="count terms",
    )
    if len(parts) == 1:
        terms, counts = parts[0]
        return counts, terms
    terms = sorted(set().union(*(t for t, _ in parts)))
    column = {t: i for i, t in enumerate(terms)}
    blocks = []
    for chunk_terms, counts in parts:
        remap = np.array([column[t] for t in chunk_terms], dtype=np.int64)
        block = sparse.csr_matrix(
            (counts.data, remap[counts.indices], counts.indptr), shape=(counts.shape[0], len(terms))
        )
        block.sort_indices()
        blocks.append(block)
    return sparse.vstack(blocks, format="csr"), terms


def count_matrix(
    corpus,
    *,
    by: str = "outlet",
    voice: str = "all",
    canonical: bool = True,
    stop_words: bool | Iterable[str] = True,
    ngrams: int = 1,
    workers: int | None = None,
) -> tuple[sparse.csr_matrix, list[str], list[str]]:
    """Sparse group x term counts, with the group labels and the terms.

    Groups come in the order of their first article in ``corpus.articles`` (the manifest order)
    and include groups with no text in ``voice`` (a row of zeros); terms are sorted. Use this
    directly for many groups (e.g. ``by="article_id"`` on a large corpus), where a dense table
    would not fit in memory; :func:`term_table` is the same counts as a DataFrame.
    """
    corpus = corpus.canonical() if canonical else corpus
    groups = groups_of(corpus, by)
    order = list(pd.unique(groups))
    units = voice_text(corpus, voice)
    documents, terms = count_texts(
        units["text"].tolist(), stop_words=stop_words, ngrams=ngrams, workers=workers
    )
    by_group = _sum_by(documents, units["article_id"].map(groups), order)
    return by_group.tocsr(), order, terms


def term_table(
    corpus,
    *,
    by: str = "outlet",
    voice: str = "all",
    canonical: bool = True,
    stop_words: bool | Iterable[str] = True,
    ngrams: int = 1,
) -> pd.DataFrame:
    """Term x group counts: one row per term (sorted), one column per group.

    Groups are ``corpus.articles[by]`` (default: outlet) over the canonical articles unless
    ``canonical=False``; text is chosen by ``voice`` (:func:`voice_text`) and tokenised by the
    suite's policy (:func:`analysis.terms.vectorizer`). Filter rare terms with :func:`frequent_terms` *after*
    computing statistics, so that group sizes count every word.
    """
    matrix, groups, terms = count_matrix(
        corpus, by=by, voice=voice, canonical=canonical, stop_words=stop_words, ngrams=ngrams
    )
    return pd.DataFrame(
        matrix.T.toarray(),
        index=pd.Index(terms, name="term", dtype=object),
        columns=pd.Index(groups, name=by, dtype=object),
    )


def frequent_terms(counts: pd.DataFrame, min_count: int) -> pd.Index:
    """The terms used at least ``min_count`` times over all groups together."""
    return counts.index[counts.sum(axis=1) >= min_count]


def group_sizes(counts: pd.DataFrame) -> pd.DataFrame:
    """Per group: ``tokens`` (terms counted) and ``types`` (distinct terms): every score's N."""
    return (
        pd.DataFrame({"tokens": counts.sum(axis=0), "types": (counts > 0).sum(axis=0)})
        .rename_axis(counts.columns.name)
        .reset_index()
    )


# --------------------------------------------------------------------------- statistics


def log_odds_z(counts: pd.DataFrame, alpha0: float = DEFAULT_ALPHA0) -> pd.DataFrame:
    """z-scores of the log-odds ratio with an informative Dirichlet prior, each group vs the rest.

    Monroe, Colaresi and Quinn (2008), "Fightin' Words", Political Analysis 16(4): 372-403.
    For term w, group i and the sum j of all other groups, with counts y, group sizes n and
    prior α_w = alpha0 x (the term's share of the pooled counts), so that α0 = Σ α_w = alpha0::

        δ_w = log[(y_iw + α_w) / (n_i + α0 - y_iw - α_w)]
            - log[(y_jw + α_w) / (n_j + α0 - y_jw - α_w)]
        σ²_w = 1 / (y_iw + α_w) + 1 / (y_jw + α_w)
        z_w = δ_w / σ_w

    ``alpha0`` is the prior's weight in pseudo-words: larger values pull every group's rates
    towards the pooled rates. Returns a DataFrame of the same shape as ``counts``; positive z
    means the group uses the term more than the others do. Terms never used score NaN.
    """
    y = counts.to_numpy(dtype=float)
    pooled = y.sum(axis=1, keepdims=True)
    alpha = alpha0 * pooled / pooled.sum()
    n = y.sum(axis=0, keepdims=True)
    y_rest, n_rest = pooled - y, n.sum() - n
    with np.errstate(divide="ignore", invalid="ignore"):
        delta = np.log((y + alpha) / (n + alpha0 - y - alpha)) - np.log(
            (y_rest + alpha) / (n_rest + alpha0 - y_rest - alpha)
        )
        z = delta / np.sqrt(1 / (y + alpha) + 1 / (y_rest + alpha))
    return pd.DataFrame(z, index=counts.index, columns=counts.columns)


def benjamini_hochberg(p: Iterable[float]) -> np.ndarray:
    """Benjamini-Hochberg adjusted p-values (q): the smallest FDR at which each test is rejected.

    ``q_(k) = min over j >= k of p_(j) x m / j`` for the p-values sorted ascending, capped at 1.
    """
    p = np.asarray(p, dtype=float)
    if p.size == 0:
        return p
    order = np.argsort(p, kind="stable")
    ranked = p[order] * p.size / np.arange(1, p.size + 1)
    q = np.empty_like(p)
    q[order] = np.minimum(np.minimum.accumulate(ranked[::-1])[::-1], 1.0)
    return q


def keyness(
    counts: pd.DataFrame,
    target: str,
    *,
    reference: str | Iterable[str] | None = None,
    min_count: int = 1,
) -> pd.DataFrame:
    """How strongly each term marks the ``target`` group against a reference (default: the rest).

    One row per term (index ``term``), sorted by ``g2`` descending:

    - ``count_target``, ``count_reference``: the raw counts; ``size_target``, ``size_reference``:
      the groups' sizes in counted words (all terms of ``counts``, before any filter);
    - ``g2``: the log-likelihood ratio G² of the 2 x 2 table (term / other words x target /
      reference), ``2 Σ O ln(O/E)``, signed positive where the target's relative frequency is
      higher. It is the full four-cell statistic of ``scipy.stats.chi2_contingency(...,
      lambda_="log-likelihood", correction=False)``; Rayson's two-cell version is a little smaller;
    - ``log_ratio``: Hardie's (2014) Log Ratio, log₂ of the ratio of relative frequencies; a zero
      count is replaced by 0.5 (Hardie's convention), so it stays finite;
    - ``p``: from χ² with one degree of freedom; ``q``: Benjamini-Hochberg across the terms kept.

    Terms used fewer than ``min_count`` times in target and reference together are dropped
    *before* the BH adjustment, so the family of tests is the terms with enough data to test.
    """
    if target not in counts.columns:
        raise ValueError(f"target {target!r} is not a group; groups are {list(counts.columns)}")
    if reference is None:
        rest = [g for g in counts.columns if g != target]
    else:
        rest = [reference] if isinstance(reference, str) else list(reference)
    if not rest or target in rest:
        raise ValueError("keyness needs a reference of one or more groups other than the target")
    a = counts[target].to_numpy(dtype=float)
    b = counts[rest].sum(axis=1).to_numpy(dtype=float)
    size_a, size_b = a.sum(), b.sum()
    g2 = _g2_two_by_two(a, b, size_a, size_b)
    with np.errstate(divide="ignore", invalid="ignore"):
        higher = a * size_b > b * size_a
        log_ratio = np.log2(
            (np.where(a == 0, 0.5, a) / size_a) / (np.where(b == 0, 0.5, b) / size_b)
        )
    table = pd.DataFrame(
        {
            "count_target": counts[target].to_numpy(),
            "count_reference": counts[rest].sum(axis=1).to_numpy(),
            "size_target": int(size_a),
            "size_reference": int(size_b),
            "g2": np.where(higher, g2, -g2),
            "log_ratio": log_ratio,
            "p": chi2.sf(g2, df=1),
        },
        index=counts.index,
    )
    table = table[(a + b) >= min_count]
    table["q"] = benjamini_hochberg(table["p"])
    return _sort_desc(table, "g2")


def _g2_two_by_two(a: np.ndarray, b: np.ndarray, size_a: float, size_b: float) -> np.ndarray:
    """G² = 2 Σ O ln(O/E) over the four cells [[a, b], [size_a - a, size_b - b]] (0 ln 0 = 0)."""
    total = size_a + size_b
    observed = np.stack([a, b, size_a - a, size_b - b])
    term, other = a + b, total - (a + b)
    expected = np.stack(
        [
            term * size_a / total,
            term * size_b / total,
            other * size_a / total,
            other * size_b / total,
        ]
    )
    with np.errstate(divide="ignore", invalid="ignore"):
        g2 = 2 * xlogy(observed, observed / expected).sum(axis=0)
    return np.maximum(np.nan_to_num(g2), 0.0)


def _sort_desc(table: pd.DataFrame, column: str) -> pd.DataFrame:
    """``table`` sorted by ``column`` descending, ties by its index (the term) ascending."""
    order = np.lexsort((table.index.to_numpy(dtype=str), -table[column].to_numpy()))
    return table.iloc[order]


def distinctive_terms(
    counts: pd.DataFrame,
    *,
    alpha0: float = DEFAULT_ALPHA0,
    min_count: int = 3,
    n: int = 10,
) -> pd.DataFrame:
    """The ``n`` terms with the highest log-odds z for each group, with the counts beside them.

    z comes from :func:`log_odds_z` on the full table; terms used fewer than ``min_count`` times
    in all groups together are then left out. Columns: group, rank, term, z, count (in the group),
    count_rest (in all other groups), size (the group's counted words), size_rest.
    """
    z = log_odds_z(counts, alpha0)
    keep = frequent_terms(counts, min_count)
    sizes = counts.sum(axis=0)
    rows = []
    for group in counts.columns:
        scored = pd.DataFrame(
            {
                "z": z.loc[keep, group],
                "count": counts.loc[keep, group],
                "count_rest": counts.loc[keep].drop(columns=group).sum(axis=1),
            }
        )
        top = _sort_desc(scored, "z").head(n).rename_axis("term").reset_index()
        top.insert(0, "group", group)
        top.insert(1, "rank", np.arange(1, len(top) + 1))
        rows.append(top.assign(size=int(sizes[group]), size_rest=int(sizes.sum() - sizes[group])))
    return pd.concat(rows, ignore_index=True)


def surfaced_terms(top: pd.DataFrame, *, per_group: int = 1) -> list[str]:
    """The terms the statistics put first: each group's top ``per_group`` terms of
    :func:`distinctive_terms`, without repeats, in group order (to read in context with KWIC)."""
    return list(pd.unique(top.loc[top["rank"] <= per_group, "term"]))


def keyness_by_group(counts: pd.DataFrame, *, min_count: int = 3) -> pd.DataFrame:
    """:func:`keyness` of every group against all the others, stacked (column ``group``)."""
    return pd.concat(
        [
            keyness(counts, g, min_count=min_count)
            .rename_axis("term")
            .reset_index()
            .assign(group=g)
            for g in counts.columns
        ],
        ignore_index=True,
    )[
        [
            "group",
            "term",
            "count_target",
            "count_reference",
            "size_target",
            "size_reference",
            "g2",
            "log_ratio",
            "p",
            "q",
        ]
    ]


# --------------------------------------------------------------------------- comparison


#: Up to this many articles, similarity is compared per article pair (a square table, and a
#: finding per pair); past it, per outlet, in time and memory linear in the articles
#: (:func:`outlet_similarity`).
PAIRWISE_ARTICLES = 12


def tfidf_weights(
    corpus, *, voice: str = "all", stop_words: bool | Iterable[str] = True, ngrams: int = 1
) -> tuple[sparse.csr_matrix, list[str]]:
    """Every article's TF-IDF vector (a sparse matrix, one l2-normalised row per article) and
    the article ids in row order, over all articles including non-canonical versions.

    The IDF weights are learnt from the canonical articles only, so that two versions of one story
    do not make their shared words look common; every article is then weighted with them
    (scikit-learn's smoothed IDF, l2-normalised rows)."""
    from sklearn.feature_extraction.text import TfidfTransformer

    matrix, order, _terms = count_matrix(
        corpus, by="article_id", voice=voice, canonical=False, stop_words=stop_words, ngrams=ngrams
    )
    canonical = corpus.articles.set_index("article_id").loc[order, "canonical"].to_numpy()
    fit_on = matrix[canonical] if canonical.any() else matrix
    return TfidfTransformer().fit(fit_on).transform(matrix).tocsr(), list(order)


def similarity(
    corpus,
    *,
    voice: str = "all",
    stop_words: bool | Iterable[str] = True,
    ngrams: int = 1,
    max_articles: int = 2000,
) -> pd.DataFrame:
    """TF-IDF cosine similarity between every pair of articles (a square DataFrame, 1 on the
    diagonal), from :func:`tfidf_weights`. All pairs is quadratic: above ``max_articles`` this
    raises; compare outlets with :func:`outlet_similarity` instead.
    """
    ids = corpus.article_ids
    if len(ids) > max_articles:
        raise ValueError(
            f"similarity compares every pair: {len(ids)} articles is more than max_articles="
            f"{max_articles}; compare outlets (outlet_similarity), a subset, or raise the limit "
            "knowingly"
        )
    weights, order = tfidf_weights(corpus, voice=voice, stop_words=stop_words, ngrams=ngrams)
    cosine = (weights @ weights.T).toarray()
    np.fill_diagonal(cosine, 1.0)
    return pd.DataFrame(cosine, index=pd.Index(order, name="article_id"), columns=order)


def outlet_similarity(
    corpus,
    *,
    voice: str = "all",
    stop_words: bool | Iterable[str] = True,
    ngrams: int = 1,
    top: int = MAX_OUTLETS,
) -> pd.DataFrame:
    """The mean TF-IDF cosine of the article pairs between every two outlets, and within each
    outlet (distinct articles only), in time and memory linear in the articles.

    With l2-normalised rows a cosine is a dot product, so the cosines of all pairs between outlets
    A and B add up to the dot product of A's and B's summed rows, and within A to the squared norm
    of A's sum less each article's own squared norm: the means are exact, and no article × article
    table is built. Outlets past the ``top`` with the most articles are pooled as
    ``"other outlets (k)"``. Columns: ``outlet_a``, ``outlet_b``, ``cosine`` (NaN where there is
    no pair: an outlet with one article, paired with itself), ``pairs``; outlets in first-seen
    order.
    """
    weights, order = tfidf_weights(corpus, voice=voice, stop_words=stop_words, ngrams=ngrams)
    outlets = corpus.articles.set_index("article_id").loc[order, "outlet"].astype(str)
    names = fold_rest(outlets, n=top, rest="other outlets")
    groups = list(dict.fromkeys(names))
    codes = pd.Categorical(names, categories=groups).codes
    member = sparse.csr_matrix(
        (np.ones(len(codes)), (np.arange(len(codes)), codes)), shape=(len(codes), len(groups))
    )
    sums = member.T @ weights  # outlets × terms
    totals = np.asarray((sums @ sums.T).todense(), dtype=float)
    own = np.asarray(weights.multiply(weights).sum(axis=1)).ravel()  # 1, or 0 for no terms
    totals[np.diag_indices(len(groups))] -= np.bincount(codes, weights=own, minlength=len(groups))
    sizes = np.bincount(codes, minlength=len(groups)).astype(float)
    pairs = np.outer(sizes, sizes)
    pairs[np.diag_indices(len(groups))] = sizes * (sizes - 1)
    with np.errstate(invalid="ignore", divide="ignore"):
        mean = np.where(pairs > 0, totals / np.where(pairs > 0, pairs, 1), np.nan)
    a, b = np.meshgrid(np.arange(len(groups)), np.arange(len(groups)), indexing="ij")
    return pd.DataFrame(
        {
            "outlet_a": np.asarray(groups, dtype=object)[a.ravel()],
            "outlet_b": np.asarray(groups, dtype=object)[b.ravel()],
            "cosine": mean.ravel(),
            "pairs": pairs.ravel().astype("int64"),
        }
    )


def similarity_pairs(sim: pd.DataFrame) -> pd.DataFrame:
    """The upper triangle of a similarity matrix as rows: article_a, article_b, cosine."""
    i, j = np.triu_indices(len(sim), k=1)
    return pd.DataFrame(
        {"article_a": sim.index[i], "article_b": sim.columns[j], "cosine": sim.to_numpy()[i, j]}
    )


def vocabulary_overlap(counts: pd.DataFrame, *, examples: int = 5) -> pd.DataFrame:
    """Per group: how many of its terms all groups share, some share, or only it uses.

    Columns: group, types (distinct terms it uses), shared_by_all, shared_with_some, unique,
    unique_share (unique / types), and ``unique_examples``: its most used unique terms with
    their counts. Run it on a stop-word-free table to compare content words.
    """
    used = counts > 0
    n_groups = used.sum(axis=1)
    rows = []
    for group in counts.columns:
        mine = used[group]
        unique = mine & (n_groups == 1)
        top = counts.loc[unique, group].sort_index()
        top = top.iloc[np.argsort(-top.to_numpy(), kind="stable")].head(examples)
        rows.append(
            {
                "group": group,
                "types": int(mine.sum()),
                "shared_by_all": int((mine & (n_groups == len(counts.columns))).sum()),
                "shared_with_some": int(
                    (mine & (n_groups > 1) & (n_groups < len(counts.columns))).sum()
                ),
                "unique": int(unique.sum()),
                "unique_share": unique.sum() / max(int(mine.sum()), 1),
                "unique_examples": ", ".join(f"{t} ({c})" for t, c in top.items()),
            }
        )
    return pd.DataFrame(rows)


# --------------------------------------------------------------------------- naming choices


_SEPARATOR = "\n\x00\n"
NAMING_COLUMNS = ("concept", "kind", "variant", "pattern", "note", "source")


def naming_lexicon(path: str | Path | None = None) -> pd.DataFrame:
    """The naming-choices lexicon (the corpus's ``naming.csv`` unless ``path`` is given).

    One row per variant: ``concept``, ``kind`` (spelling / word-choice), ``variant`` (its label),
    ``pattern`` (what to match, see :func:`analysis.terms.pattern_regex`; empty means the variant itself),
    ``note``, ``source``. Add a row to compare a new variant; no code changes.
    A concept whose variants differ only in case (Nato / NATO) is matched case-sensitively.
    """
    return _read_naming(lexicon_path(path, "naming.csv")).copy()


def no_naming_lexicon() -> pd.DataFrame:
    """A naming lexicon with no rows, for a corpus without ``naming.csv``: :func:`naming_choices`
    then returns an empty table with its columns."""
    return pd.DataFrame(columns=[*NAMING_COLUMNS, "case"], dtype=object)


@cache
def _read_naming(path: Path) -> pd.DataFrame:
    table = read_lexicon(path).copy()
    missing = [c for c in NAMING_COLUMNS if c not in table.columns]
    if missing:
        raise ValueError(f"{path}: missing column(s) {missing}")
    table["pattern"] = table["pattern"].where(table["pattern"].str.strip() != "", table["variant"])
    folded = table["variant"].str.lower()
    table["case"] = folded.groupby(table["concept"]).transform(
        lambda v: v.duplicated(keep=False).any()
    )
    return table


def naming_choices(
    corpus,
    lexicon: pd.DataFrame | None = None,
    *,
    by: str = "outlet",
    voice: str = "all",
    canonical: bool = True,
) -> pd.DataFrame:
    """How often each group uses each variant of each concept: one row per concept x variant x
    group, with ``count`` and ``share`` (of the concept's matches in that group; NaN if none).

    Groups are ``corpus.articles[by]`` over the canonical articles unless ``canonical=False``.
    """
    lexicon = naming_lexicon() if lexicon is None else lexicon
    corpus = corpus.canonical() if canonical else corpus
    groups = groups_of(corpus, by)
    order = list(pd.unique(groups))
    units = voice_text(corpus, voice)
    # one text per group; the separator is neither a word, a joiner nor white space, so no match
    # can run from one paragraph into the next
    joined = units.groupby(units["article_id"].map(groups), sort=False)["text"].agg(_SEPARATOR.join)
    texts = {g: joined.get(g, "") for g in order}
    lowered = {g: t.lower() for g, t in texts.items()}
    rows = [
        (
            entry.concept,
            entry.kind,
            entry.variant,
            group,
            len(
                find_matches(
                    entry.pattern, texts[group], case=bool(entry.case), lowered=lowered[group]
                )
            ),
        )
        for entry in lexicon.itertuples(index=False)
        for group in order
    ]
    table = pd.DataFrame(rows, columns=["concept", "kind", "variant", "group", "count"])
    concept_total = table.groupby(["concept", "group"], sort=False)["count"].transform("sum")
    table["share"] = table["count"] / concept_total.where(concept_total > 0)
    return table


def naming_table(choices: pd.DataFrame) -> pd.DataFrame:
    """One row per concept, one column per group, each cell the variants used with their counts
    ("NATO 12 · Nato 1", most used first; "—" if the group names the concept in no listed way)."""
    used = choices[choices["count"] > 0].sort_values(
        ["concept", "group", "count", "variant"], ascending=[True, True, False, True], kind="stable"
    )
    cells = used.groupby(["concept", "group"], sort=False).apply(
        lambda g: " · ".join(f"{v} {c}" for v, c in zip(g["variant"], g["count"], strict=True)),
        include_groups=False,
    )
    concepts = list(pd.unique(choices["concept"]))
    groups = list(pd.unique(choices["group"]))
    return (
        cells.unstack("group")
        .reindex(index=concepts, columns=groups)
        .astype(object)
        .fillna("—")
        .rename_axis(index="concept", columns=None)
    )


# --------------------------------------------------------------------------- findings


def _slug(text: str) -> str:
    """A findings-key part: lower-case, runs of anything but letters and digits made one '-'."""
    return re.sub(r"[^a-z0-9]+", "-", fold_typography(str(text)).lower()).strip("-") or "x"


#: Significant terms named in a keyness finding's description (the rest are counted).
NAMED_TERMS = 5


def _named_terms(significant: pd.DataFrame) -> str:
    """ ": 'nato' (G² 9.1)" — the significant terms, strongest first, the first
    :data:`NAMED_TERMS` named with their G² and the rest counted ("" for none)."""
    if significant.empty:
        return ""
    ranked = significant.sort_values(["g2", "term"], ascending=[False, True], kind="stable")
    named = [f"'{r.term}' (G² {r.g2:.1f})" for r in ranked.head(NAMED_TERMS).itertuples()]
    rest = len(ranked) - len(named)
    return ": " + ", ".join(named) + (f" and {rest} more" if rest > 0 else "")


def comparison_findings(
    corpus,
    *,
    by: str = "outlet",
    voice: str = "all",
    alpha0: float = DEFAULT_ALPHA0,
    min_count: int = 3,
    top_n: int = 10,
    fdr: float = 0.05,
) -> pd.DataFrame:
    """:func:`findings_rows` for ``corpus``, every table built here with notebook 03's steps
    and options: the same numbers computed on another view of a corpus (e.g. without the wire
    copy, :func:`analysis.reuse.with_reused_dropped`)."""
    counts = term_table(corpus, by=by, voice=voice)
    top = distinctive_terms(counts, alpha0=alpha0, min_count=min_count, n=top_n)
    keyed = keyness_by_group(counts, min_count=min_count)
    if len(corpus.articles) <= PAIRWISE_ARTICLES:
        pairs = similarity_pairs(similarity(corpus, voice=voice))
    else:
        pairs = outlet_similarity(corpus, voice=voice)
    choices = naming_choices(corpus, by=by, voice=voice)
    overlap = vocabulary_overlap(counts)
    return findings_rows(group_sizes(counts), top, keyed, pairs, overlap, choices, fdr=fdr)


def findings_rows(
    sizes: pd.DataFrame,
    top: pd.DataFrame,
    keyed: pd.DataFrame,
    pairs: pd.DataFrame,
    overlap: pd.DataFrame,
    choices: pd.DataFrame,
    *,
    fdr: float = 0.05,
) -> pd.DataFrame:
    """The citable numbers of the vocabulary analysis as rows (key, value, unit, description,
    figure), ready for :func:`analysis.findings.record_finding`. Keys start ``vocabulary.`` and
    name groups and terms by slug, so they are stable for a given corpus."""
    rows = []
    for g in sizes.itertuples(index=False):
        group = outlet_slug(g[0])
        rows.append(
            (
                f"vocabulary.tokens.{group}",
                int(g.tokens),
                "words",
                f"content words counted for {g[0]} (stop words removed)",
                "03_distinctive_terms",
            )
        )
        rows.append(
            (
                f"vocabulary.types.{group}",
                int(g.types),
                "terms",
                f"distinct content words used by {g[0]}",
                "03_distinctive_terms",
            )
        )
    for t in top[top["rank"] == 1].itertuples(index=False):
        rows.append(
            (
                f"vocabulary.log_odds_z.{outlet_slug(t.group)}.{_slug(t.term)}",
                float(t.z),
                "z",
                f"log-odds z of '{t.term}' for {t.group} vs the rest, its most distinctive "
                f"term ({t.count} uses vs {t.count_rest} elsewhere)",
                "03_distinctive_terms",
            )
        )
    for group, rows_g in keyed.groupby("group", sort=False):
        significant = rows_g[(rows_g["q"] < fdr) & (rows_g["g2"] > 0)]
        rows.append(
            (
                f"vocabulary.keyness.significant.{outlet_slug(group)}",
                len(significant),
                "terms",
                f"Terms {group} uses significantly more than the other outlets (G², BH q < {fdr})"
                + _named_terms(significant),
                "03_keyness",
            )
        )
    if "article_a" in pairs:  # per article pair (small corpora)
        for p in pairs.itertuples(index=False):
            rows.append(
                (
                    f"vocabulary.similarity.{_slug(p.article_a)}.{_slug(p.article_b)}",
                    float(p.cosine),
                    "cosine",
                    f"TF-IDF cosine similarity of {p.article_a} and {p.article_b}",
                    "03_similarity",
                )
            )
    else:  # per outlet pair (outlet_similarity), each unordered pair once
        seen = list(dict.fromkeys(pairs["outlet_a"]))
        for p in pairs.itertuples(index=False):
            if seen.index(p.outlet_a) > seen.index(p.outlet_b) or not np.isfinite(p.cosine):
                continue
            within = p.outlet_a == p.outlet_b
            rows.append(
                (
                    f"vocabulary.similarity.outlets.{outlet_slug(p.outlet_a)}."
                    f"{outlet_slug(p.outlet_b)}",
                    float(p.cosine),
                    "cosine",
                    f"Mean TF-IDF cosine similarity of the {p.pairs} article pairs "
                    + (
                        f"within {p.outlet_a}"
                        if within
                        else f"between {p.outlet_a} and {p.outlet_b}"
                    ),
                    "03_similarity",
                )
            )
    for o in overlap.itertuples(index=False):
        rows.append(
            (
                f"vocabulary.overlap.unique.{outlet_slug(o.group)}",
                int(o.unique),
                "terms",
                f"content words only {o.group} uses",
                "03_overlap",
            )
        )
    if len(overlap):
        rows.append(
            (
                "vocabulary.overlap.shared_by_all",
                int(overlap["shared_by_all"].iloc[0]),
                "terms",
                "content words every group uses",
                "03_overlap",
            )
        )
    split = choices[choices["count"] > 0].groupby("concept")["variant"].nunique()
    rows.append(
        (
            "vocabulary.naming.concepts_split",
            int((split > 1).sum()),
            "concepts",
            "naming concepts written with more than one variant across the groups",
            "03_naming_choices",
        )
    )
    return findings_table(rows)
