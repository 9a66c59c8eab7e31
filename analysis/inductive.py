"""Frames without a dictionary: topics over sentences, compared by outlet, drafted as a lexicon.

A researcher starting on a new story has no frame dictionary. The inductive approach (topics over
small text units, grouped into frames and compared by outlet; e.g. Walter & Ophir 2019, "News
frame analysis: an inductive mixed-method computational approach", Communication Methods and
Measures 13(4)) is offered here, on the suite's own counts.

Units and counts
    Every body sentence of the corpus (``corpus.canonical()`` by default) is a unit
    (:func:`sentence_table`). Its words are counted by the suite's one tokenisation policy
    (:func:`analysis.vocabulary.count_texts`: typography folded, lower case, possessives folded,
    English stop words removed). Terms in fewer than ``min_df`` sentences or in more than
    ``max_df`` of them are dropped; counts stay sparse, so 45,000 sentences fit in a few MB.

Topics
    Non-negative matrix factorisation (scikit-learn ``NMF``, ``init="nndsvda"``: deterministic
    for given data) of the TF-IDF-weighted counts, each row scaled to unit length. A sentence's
    topic is the largest of its weights; a sentence with no counted term has none. Topics are
    numbered by size (sentences assigned), largest first, so the numbering is stable.

How many topics
    :func:`topic_stability` (after Greene, O'Callaghan & Cunningham 2014, "How many topics?
    Stability analysis for topic models"): for each ``k``, fit the model on all sentences and on
    ``n_resamples`` random subsamples of ``share`` of them; match each subsample's topics one to
    one to the reference topics (Hungarian algorithm on the cosine similarity of their term
    vectors) and average the matched similarities. A ``k`` that cuts the text at real seams finds
    the same topics on any subsample (stability near 1); a ``k`` that splits or merges arbitrarily
    finds different ones. :func:`choose_k` takes the largest ``k`` within 0.005 of the most
    stable one (stability is often flat up to the structure in the text, then falls).

From topics to a dictionary
    :func:`top_terms`, :func:`topic_examples` (three sentences per topic), :func:`topic_shares`
    (per outlet, with N and Wilson intervals), :func:`group_topics` (optional: topics merged into
    frames by the similarity of their term vectors) and :func:`frames_draft` (a ``frames.yml``
    draft, in the schema :func:`analysis.emphasis.load_frames` reads, to edit and then use).

Checks
    :func:`frame_overlap` measures how far the topics reproduce two frames of a dictionary;
    :func:`purity` how far article-level topics reproduce known categories.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from pathlib import Path

import numpy as np
import pandas as pd
from scipy import sparse

from analysis import cache
from analysis.errors import CorpusError
from analysis.findings import finding, findings_table
from analysis.lexicon import write_lexicon_draft
from analysis.stats import wilson_interval

#: Sentence columns carried into every topic table.
SENTENCE_COLUMNS = ["article_id", "outlet", "paragraph", "sentence", "text"]
DEFAULT_KS = tuple(range(2, 11))
MAX_ITER = 400


# --------------------------------------------------------------------------- units and counts


def sentence_table(corpus, *, canonical: bool = True) -> pd.DataFrame:
    """The units topics are fitted on: one row per body sentence (``article_id``, ``outlet``,
    ``paragraph``, ``sentence``, ``text``), in corpus order; canonical articles only unless
    ``canonical=False``."""
    corpus = corpus.canonical() if canonical else corpus
    outlets = corpus.articles[["article_id", "outlet"]]
    table = corpus.sentences.merge(outlets, on="article_id", how="left", validate="many_to_one")
    return table[SENTENCE_COLUMNS].reset_index(drop=True)


UNITS = ("sentence", "paragraph", "article")


def unit_table(corpus, unit: str = "sentence", *, canonical: bool = True) -> pd.DataFrame:
    """The units to fit topics on, in the columns of :func:`sentence_table`: each body
    ``sentence`` (the default), each ``paragraph`` (``sentence`` = 0) or each ``article`` (its
    body paragraphs joined; ``paragraph`` = ``sentence`` = 0). Sentences suit framing, which
    works at the level of a claim; whole articles suit sorting a mixed corpus by subject."""
    if unit not in UNITS:
        raise ValueError(f"unit must be one of {UNITS}, not {unit!r}")
    if unit == "sentence":
        return sentence_table(corpus, canonical=canonical)
    corpus = corpus.canonical() if canonical else corpus
    outlets = corpus.articles[["article_id", "outlet"]]
    table = corpus.paragraphs.merge(outlets, on="article_id", how="left", validate="many_to_one")
    if unit == "article":
        order = list(pd.unique(table["article_id"]))
        table = (
            table.groupby(["article_id", "outlet"], sort=False)["text"]
            .agg("\n\n".join)
            .reset_index()
            .set_index("article_id")
            .loc[order]
            .reset_index()
            .assign(paragraph=0)
        )
    return table.assign(sentence=0)[SENTENCE_COLUMNS].reset_index(drop=True)


def sentence_counts(
    texts: list[str], *, min_df: int = 2, max_df: float = 0.5, workers: int | None = None
) -> tuple[sparse.csr_matrix, list[str]]:
    """Sparse sentence x term counts by the suite's policy, with rare and ubiquitous terms dropped.

    A term is kept when it occurs in at least ``min_df`` sentences and in at most ``max_df`` (a
    share) of them. Returns the counts (one row per text, in order) and the kept terms, sorted.
    The counts of the same texts are kept in the content cache (:func:`fit_topics` asks for them
    once per ``k``).
    """
    key = cache.content_key(
        "sentence-counts", [f"{min_df} {max_df}".encode(), *(t.encode() for t in texts)]
    )
    return cache.cached(key, lambda: _sentence_counts(texts, min_df, max_df, workers))


def _sentence_counts(
    texts: list[str], min_df: int, max_df: float, workers: int | None
) -> tuple[sparse.csr_matrix, list[str]]:
    from analysis.vocabulary import count_texts

    counts, terms = count_texts(texts, workers=workers)
    if not terms:
        return counts, terms
    df = np.asarray((counts > 0).sum(axis=0)).ravel()
    keep = np.flatnonzero((df >= min_df) & (df <= max_df * counts.shape[0]))
    return counts[:, keep].tocsr(), [terms[i] for i in keep]


def _weighted(counts: sparse.csr_matrix) -> sparse.csr_matrix:
    """TF-IDF weights (smoothed idf, sublinear tf), each row scaled to unit length."""
    from sklearn.feature_extraction.text import TfidfTransformer

    return TfidfTransformer(sublinear_tf=True).fit_transform(counts).tocsr()


def _kept_nmf(matrix: sparse.csr_matrix, k: int, seed: int) -> tuple[np.ndarray, np.ndarray]:
    """:func:`_nmf`, kept in the content cache under the matrix, ``k`` and ``seed`` (a notebook
    fits the chosen ``k`` twice: once for the topics, once among every ``k`` it compares)."""
    arrays = (matrix.data, matrix.indices, matrix.indptr)
    parts = [f"{k} {seed} {matrix.shape}".encode(), *(a.tobytes() for a in arrays)]
    key = cache.content_key("nmf", parts)
    return cache.cached(key, lambda: _nmf(matrix, k, seed))


def _nmf(matrix: sparse.csr_matrix, k: int, seed: int) -> tuple[np.ndarray, np.ndarray]:
    """``(W, H)`` of a rank-``k`` NMF of ``matrix`` (rows x k, k x terms)."""
    import warnings

    from sklearn.decomposition import NMF
    from sklearn.exceptions import ConvergenceWarning

    model = NMF(n_components=k, init="nndsvda", random_state=seed, max_iter=MAX_ITER, tol=1e-4)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", ConvergenceWarning)
        weights = model.fit_transform(matrix)
    return weights, model.components_


# --------------------------------------------------------------------------- topics


@dataclass(frozen=True)
class Topics:
    """A fitted topic model over sentences.

    ``sentences``: the units (:func:`sentence_table` columns) with ``topic`` (1..k, or 0 for a
    sentence with no counted term) and ``weight`` (its weight on that topic). ``weights``: the
    sentence x topic matrix (rows as ``sentences``). ``components``: topic x term weights.
    ``terms``: the vocabulary, in column order.
    """

    k: int
    seed: int
    sentences: pd.DataFrame
    weights: np.ndarray
    components: np.ndarray
    terms: tuple[str, ...]

    def labels(self, n: int = 3) -> dict[int, str]:
        """Topic number -> its ``n`` top terms joined by " / " (a readable name)."""
        top = top_terms(self, n=n)
        return {t: " / ".join(g["term"]) for t, g in top.groupby("topic", sort=True)}


def fit_topics(
    sentences: pd.DataFrame,
    k: int,
    *,
    seed: int = 0,
    min_df: int = 2,
    max_df: float = 0.5,
    workers: int | None = None,
) -> Topics:
    """Fit ``k`` topics to the ``text`` of ``sentences`` (:func:`sentence_table`).

    Deterministic: the same sentences, ``k`` and ``seed`` give the same topics, numbered by the
    number of sentences they hold (largest first, ties by their first sentence). Raises
    :class:`~analysis.CorpusError` when fewer than ``k`` sentences or terms are left to fit.
    """
    if k < 1:
        raise ValueError(f"k must be at least 1, not {k!r}")
    counts, terms = sentence_counts(
        sentences["text"].tolist(), min_df=min_df, max_df=max_df, workers=workers
    )
    matrix = _weighted(counts)
    filled = np.asarray(matrix.getnnz(axis=1) > 0)
    if filled.sum() < k or len(terms) < k:
        raise CorpusError(
            f"topics: {filled.sum()} sentences and {len(terms)} terms (in >= {min_df} sentences) "
            f"are too few to fit {k} topics; lower k or min_df, or use a larger corpus"
        )
    weights = np.zeros((matrix.shape[0], k))
    w, h = _kept_nmf(matrix[filled], k, seed)
    weights[filled] = w
    best = weights.argmax(axis=1)
    assigned = np.where(weights.max(axis=1) > 0, best, -1)
    sizes = np.bincount(assigned[assigned >= 0], minlength=k)
    first = np.array(
        [np.flatnonzero(assigned == t)[0] if sizes[t] else len(assigned) for t in range(k)]
    )
    order = np.lexsort((first, -sizes))  # largest first
    weights, h = weights[:, order], h[order]
    rank = np.empty(k, dtype=int)
    rank[order] = np.arange(k)
    topic = np.where(assigned >= 0, rank[np.maximum(assigned, 0)] + 1, 0)
    table = (
        sentences[SENTENCE_COLUMNS]
        .reset_index(drop=True)
        .assign(topic=topic, weight=weights.max(axis=1))
    )
    return Topics(k, seed, table, weights, h, tuple(terms))


def _unit_rows(matrix: np.ndarray) -> np.ndarray:
    norms = np.linalg.norm(matrix, axis=1, keepdims=True)
    return matrix / np.where(norms > 0, norms, 1.0)


def match_topics(reference: np.ndarray, other: np.ndarray) -> np.ndarray:
    """The cosine similarity of each reference topic to the topic of ``other`` it is matched to,
    one to one (Hungarian algorithm maximising the total similarity). Both are topic x term
    weight matrices over the same terms."""
    return _matched(reference, other)[0]


def _matched(
    reference: np.ndarray, other: np.ndarray, top: int = 20
) -> tuple[np.ndarray, np.ndarray]:
    """Matched cosine similarities (as :func:`match_topics`) and, for the same pairs, the
    Jaccard overlap of their ``top`` heaviest terms."""
    from scipy.optimize import linear_sum_assignment

    similarity = _unit_rows(reference) @ _unit_rows(other).T
    rows, cols = linear_sum_assignment(similarity, maximize=True)

    def heavy(matrix: np.ndarray, row: int) -> set[int]:
        order = np.argsort(-matrix[row], kind="stable")[:top]
        return {int(i) for i in order if matrix[row, i] > 0}

    jaccard = []
    for r, c in zip(rows, cols, strict=True):
        a, b = heavy(reference, r), heavy(other, c)
        jaccard.append(len(a & b) / len(a | b) if a | b else 0.0)
    jaccard = np.array(jaccard)
    return similarity[rows, cols], jaccard


def topic_stability(
    sentences: pd.DataFrame,
    ks: Iterable[int] = DEFAULT_KS,
    *,
    n_resamples: int = 5,
    share: float = 0.8,
    seed: int = 0,
    min_df: int = 2,
    max_df: float = 0.5,
    max_sentences: int = 10_000,
) -> pd.DataFrame:
    """How stable the topics are for each ``k``: ``k``, ``stability`` (mean over subsamples of
    the mean matched cosine similarity of topic-term vectors to the full-data topics, 0 to 1),
    ``sd`` (its standard deviation over subsamples), ``worst`` (the least similar matched topic
    over all subsamples), ``agreement`` (for the same matched pairs, the mean Jaccard overlap of
    their 20 heaviest terms: Greene et al.'s measure, stricter than the cosine because it
    ignores how heavy the shared terms are), ``resamples`` and ``sentences`` (the units fitted).

    Subsamples draw ``share`` of the sentences without replacement, from a generator seeded by
    ``seed``; the same subsamples serve every ``k``. Counts are built once, on all sentences, so
    every fit shares one vocabulary. ``k`` values too large for the data are left out. Above
    ``max_sentences`` sentences, a random sample of that many (same generator) stands for them,
    so the check costs the same on 10,000 or 1,000,000 sentences (``sentences`` says how many
    were used).

    The table is kept in the content cache, keyed by the texts, these options and the code: a
    notebook that needs it twice (05, on a corpus without ``frames.yml``) fits once.
    """
    options = (tuple(ks), n_resamples, share, seed, min_df, max_df, max_sentences)
    texts = "\0".join(sentences["text"].astype(str)).encode()
    key = cache.content_key("topic-stability", [repr(options).encode(), texts])
    return cache.cached(key, lambda: _topic_stability(sentences, *options))


def _topic_stability(
    sentences: pd.DataFrame,
    ks: tuple[int, ...],
    n_resamples: int,
    share: float,
    seed: int,
    min_df: int,
    max_df: float,
    max_sentences: int,
) -> pd.DataFrame:
    rng = np.random.default_rng(seed)
    if len(sentences) > max_sentences:
        keep = np.sort(rng.choice(len(sentences), size=max_sentences, replace=False))
        sentences = sentences.iloc[keep]
    counts, terms = sentence_counts(sentences["text"].tolist(), min_df=min_df, max_df=max_df)
    matrix = _weighted(counts)
    matrix = matrix[np.asarray(matrix.getnnz(axis=1) > 0)]
    n = matrix.shape[0]
    size = max(1, int(round(share * n)))
    samples = [np.sort(rng.choice(n, size=size, replace=False)) for _ in range(n_resamples)]
    fitted = [int(k) for k in ks if k <= min(size, len(terms))]
    rows = _stability_rows(fitted, matrix, samples, seed)
    if not rows:
        raise CorpusError(f"topics: {n} sentences and {len(terms)} terms are too few for any k")
    return pd.DataFrame(rows)


def _stability_rows(
    ks: list[int], matrix: sparse.csr_matrix, samples: list[np.ndarray], seed: int
) -> list[dict[str, float]]:
    """:func:`topic_stability`'s row for each of ``ks``."""
    rows = []
    for k in ks:
        _, reference = _nmf(matrix, k, seed)
        pairs = [_matched(reference, _nmf(matrix[s], k, seed)[1]) for s in samples]
        matched = [cosine for cosine, _ in pairs]
        means = np.array([m.mean() for m in matched])
        rows.append(
            {
                "k": k,
                "stability": float(means.mean()),
                "sd": float(means.std(ddof=1)) if len(means) > 1 else np.nan,
                "worst": float(min(m.min() for m in matched)),
                "agreement": float(np.mean([j.mean() for _, j in pairs])),
                "resamples": len(samples),
                "sentences": matrix.shape[0],
            }
        )
    return rows


def choose_k(stability: pd.DataFrame, *, by: str = "stability", tolerance: float = 0.005) -> int:
    """The number of topics to use: the largest ``k`` whose score (column ``by`` of
    :func:`topic_stability`: ``stability`` or ``agreement``) is within ``tolerance`` of the best.

    Stability falls once ``k`` passes the structure in the text, and is often flat before that
    (on the BBC articles 0.997 to 0.995 for k = 2 to 5, then 0.970): on such a plateau a finer cut
    is as reproducible as a coarser one, and separates more. ``tolerance=0`` takes the most
    stable ``k`` (the larger on an exact tie).
    """
    score = stability[by]
    return int(stability.loc[score >= score.max() - tolerance - 1e-12, "k"].max())


# --------------------------------------------------------------------------- reading topics


def top_terms(topics: Topics, n: int = 10) -> pd.DataFrame:
    """The ``n`` heaviest terms of each topic: ``topic``, ``rank`` (1 = heaviest), ``term``,
    ``weight`` (share of the topic's total term weight)."""
    rows = []
    for t, row in enumerate(topics.components, start=1):
        total = row.sum()
        for rank, i in enumerate(np.argsort(-row, kind="stable")[:n], start=1):
            if row[i] <= 0:
                break
            rows.append((t, rank, topics.terms[i], float(row[i] / total)))
    return pd.DataFrame(rows, columns=["topic", "rank", "term", "weight"])


def topic_examples(topics: Topics, n: int = 3) -> pd.DataFrame:
    """For each topic, the ``n`` sentences assigned to it with the largest weight on it (one
    text once): ``topic``, ``rank``, ``article_id``, ``outlet``, ``sentence``, ``weight``,
    ``text``."""
    table = topics.sentences[topics.sentences["topic"] > 0]
    table = table.sort_values(
        ["topic", "weight", "article_id", "sentence"],
        ascending=[True, False, True, True],
        kind="stable",
    )
    table = table.drop_duplicates(["topic", "text"]).groupby("topic", sort=True).head(n)
    table = table.assign(rank=table.groupby("topic").cumcount() + 1)
    return table[
        ["topic", "rank", "article_id", "outlet", "sentence", "weight", "text"]
    ].reset_index(drop=True)


def topic_shares(topics: Topics, *, by: str = "outlet") -> pd.DataFrame:
    """Share of each group's sentences whose topic is each topic, with counts: ``by``,
    ``topic``, ``label``, ``sentences``, ``total`` (all the group's sentences, unassigned ones
    included), ``share`` and a 95% Wilson interval ``ci_low``/``ci_high``. Every group x topic
    appears, zeros included; groups in corpus order."""
    table = topics.sentences
    groups = list(pd.unique(table[by]))
    totals = table.groupby(by, sort=False).size().rename("total")
    counts = table[table["topic"] > 0].groupby([by, "topic"]).size().rename("sentences")
    grid = pd.MultiIndex.from_product([groups, range(1, topics.k + 1)], names=[by, "topic"])
    out = counts.reindex(grid, fill_value=0).reset_index().join(totals, on=by)
    out["share"] = out["sentences"] / out["total"]
    out["ci_low"], out["ci_high"] = wilson_interval(out["sentences"], out["total"])
    out.insert(2, "label", out["topic"].map(topics.labels()))
    return out


def group_topics(topics: Topics, n_groups: int) -> dict[int, list[int]]:
    """Topics merged into ``n_groups`` frames by average-linkage clustering of the cosine
    distances of their term vectors: group number (1.., by its first topic) -> topics."""
    from scipy.cluster.hierarchy import fcluster, linkage
    from scipy.spatial.distance import pdist

    if not 1 <= n_groups <= topics.k:
        raise ValueError(f"n_groups must be between 1 and {topics.k}, not {n_groups!r}")
    if n_groups == topics.k:
        return {t: [t] for t in range(1, topics.k + 1)}
    labels = fcluster(
        linkage(pdist(_unit_rows(topics.components), "cosine"), "average"), n_groups, "maxclust"
    )
    groups: dict[int, list[int]] = {}
    for topic, label in enumerate(labels, start=1):
        groups.setdefault(int(label), []).append(topic)
    ordered = sorted(groups.values(), key=lambda members: members[0])
    return {i: members for i, members in enumerate(ordered, start=1)}


# --------------------------------------------------------------------------- the draft lexicon

DRAFT_HEADER = """\
# A DRAFT frame dictionary, written by analysis.inductive.frames_draft from topics over sentences.
# Same schema as a story's frames.yml (read by analysis.emphasis.load_frames). It is a starting
# point, not a result: read each frame's example sentences, rename the frames, delete terms that
# do not belong (names, places, words of the story rather than of a frame), add the synonyms the
# topic model could not see, and only then use it as a dictionary.
"""


def frames_draft(
    topics: Topics,
    *,
    groups: Mapping[int, list[int]] | None = None,
    n_terms: int = 15,
    source: str | None = None,
) -> dict:
    """A ``frames.yml`` draft: one frame per topic (or per group of :func:`group_topics`), its
    terms the group's ``n_terms`` heaviest (topic-term weights summed over the group), named
    ``topic_<n>`` / ``group_<n>`` and labelled by its top three terms, ``generic: null``."""
    groups = dict(groups) if groups is not None else {t: [t] for t in range(1, topics.k + 1)}
    prefix = "topic" if all(len(m) == 1 for m in groups.values()) else "group"
    frames = []
    for number, members in groups.items():
        weight = topics.components[[t - 1 for t in members]].sum(axis=0)
        order = [i for i in np.argsort(-weight, kind="stable")[:n_terms] if weight[i] > 0]
        terms = [topics.terms[i] for i in order]
        frames.append(
            {
                "name": f"{prefix}_{number}",
                "label": " / ".join(terms[:3]),
                "generic": None,
                "topics": list(members),
                "terms": terms,
            }
        )
    n = len(topics.sentences)
    return {
        "source": source
        or (
            f"Draft from {topics.k} NMF topics over {n} sentences (analysis.inductive, seed "
            f"{topics.seed}); terms are the heaviest of each topic, not yet checked by a reader."
        ),
        "generic_frames": {},
        "frames": frames,
    }


def topic_frames(corpus) -> tuple:
    """Frames for a corpus without a ``frames.yml``: the topics over its (canonical) sentences at
    the chosen number (:func:`topic_stability`, :func:`choose_k`), each a frame of its heaviest
    terms (:func:`frames_draft`), so the dictionary sections of notebook 05 run on what the text
    itself groups. Not a dictionary a reader has checked: the notebook says so."""
    from analysis.emphasis import frames_from

    sentences = sentence_table(corpus)
    topics = fit_topics(sentences, choose_k(topic_stability(sentences)))
    return frames_from(frames_draft(topics), where="topics (analysis.inductive.topic_frames)")


def write_frames_draft(draft: dict, path: str | Path) -> Path:
    """Write :func:`frames_draft`'s ``draft`` as YAML (header comment first) to ``path``."""
    return write_lexicon_draft(draft, path, header=DRAFT_HEADER)


# --------------------------------------------------------------------------- checks


def frame_overlap(
    topics: Topics, mentions: pd.DataFrame, frames: tuple[str, str], *, units: pd.DataFrame
) -> dict[str, float]:
    """How far the topics reproduce the split between two dictionary ``frames``.

    The sentences compared are those that carry exactly one of the two frames by the
    dictionary (``mentions`` of :func:`analysis.emphasis.frame_mentions` over ``units`` of
    :func:`analysis.emphasis.text_units`, matched to topic sentences on ``article_id`` and
    ``sentence``) and have a topic. Each topic is mapped to the frame most of its compared
    sentences carry (ties: the first frame); ``overlap`` is the share of compared sentences
    whose topic maps to the frame they carry. ``baseline`` is the share of the larger frame
    (what mapping every topic to one frame would score), ``sentences`` the number compared.
    """
    body = units[units["sentence"] > 0][["article_id", "sentence"]]
    tagged = mentions[mentions["frame"].isin(frames) & (mentions["sentence"] > 0)]
    carried = tagged.groupby(["article_id", "sentence"])["frame"].agg(list)
    single = carried[carried.map(len) == 1].map(lambda f: f[0]).rename("frame")
    table = (
        topics.sentences[topics.sentences["topic"] > 0]
        .merge(body, on=["article_id", "sentence"])
        .join(single, on=["article_id", "sentence"], how="inner")
    )
    if table.empty:
        return {"overlap": np.nan, "baseline": np.nan, "sentences": 0}
    crosstab = pd.crosstab(table["topic"], table["frame"]).reindex(
        columns=list(frames), fill_value=0
    )
    mapped = crosstab.idxmax(axis=1)
    hits = int((table["topic"].map(mapped) == table["frame"]).sum())
    return {
        "overlap": hits / len(table),
        "baseline": float(table["frame"].value_counts().max() / len(table)),
        "sentences": int(len(table)),
    }


def article_topics(topics: Topics) -> pd.Series:
    """Each article's topic: the topic with the largest summed weight over its sentences
    (indexed by ``article_id``, corpus order; 0 when none of its sentences has a topic)."""
    frame = pd.DataFrame(topics.weights, index=topics.sentences["article_id"])
    summed = frame.groupby(level=0, sort=False).sum()
    best = summed.to_numpy().argmax(axis=1) + 1
    return pd.Series(
        np.where(summed.to_numpy().max(axis=1) > 0, best, 0), index=summed.index, name="topic"
    )


def purity(assigned: pd.Series, truth: pd.Series) -> float:
    """Cluster purity: the share of items whose cluster's most common true label is theirs,
    (1/N) * sum over clusters of the count of its commonest label. ``assigned`` and ``truth``
    are aligned on their index."""
    table = pd.crosstab(assigned, truth.reindex(assigned.index))
    return float(table.max(axis=1).sum() / table.to_numpy().sum())


def topic_findings(
    stability: pd.DataFrame,
    chosen: int,
    overlap: Mapping[str, float] | None = None,
    frames: tuple[str, str] | None = None,
) -> pd.DataFrame:
    """Citable numbers of the inductive section (``emphasis.topics.*``)."""
    best = stability.set_index("k").loc[chosen]
    rows = [
        finding(
            "emphasis.topics.k",
            chosen,
            "topics",
            f"Number of topics chosen by stability over k = {stability['k'].min()}-"
            f"{stability['k'].max()} ({int(best['resamples'])} subsamples)",
            "05_topic_stability",
        ),
        finding(
            "emphasis.topics.stability",
            float(best["stability"]),
            "mean matched cosine",
            f"Topic stability at the chosen k = {chosen}",
            "05_topic_stability",
        ),
    ]
    if overlap and frames and overlap.get("sentences"):
        a, b = frames
        rows += [
            finding(
                f"emphasis.topics.overlap.{a}-{b}",
                overlap["overlap"],
                "share of sentences",
                f"Sentences carrying exactly one of {a} / {b} whose topic maps to that frame "
                f"(N = {overlap['sentences']})",
                "05_topic_shares",
            ),
            finding(
                f"emphasis.topics.overlap-baseline.{a}-{b}",
                overlap["baseline"],
                "share of sentences",
                f"Share of the larger of {a} / {b} among the same "
                "sentences (the overlap of a one-frame guess)",
                "05_topic_shares",
            ),
        ]
    return findings_table(rows)
