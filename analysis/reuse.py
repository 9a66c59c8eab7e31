"""Text reuse between articles, and what changed between two versions of one story.

Outlets share wording: agency copy turns up in other papers, and a story is rewritten through the
day. Comparing outlets' framing without knowing this mistakes copied text for choice.

**Reuse.** Every sentence is compared with the sentences of every other article in two steps:

1. *Candidates.* A cheap search proposes the pairs worth comparing: TF-IDF over character
   5-grams with a cosine of at least :data:`CANDIDATE_COSINE` (scikit-learn; fine up to some
   tens of thousands of sentences), or, for large corpora, MinHash with locality-sensitive hashing
   over two-word shingles (datasketch). The MinHash search leaves out shingles found in more than
   :data:`MINHASH_MAX_DF` sentences and does not take a band bucket of more than
   :data:`MINHASH_MAX_BUCKET` sentences as evidence: common phrases point at no source, and
   without these caps the candidates per sentence grew with the corpus (benchmarks/reuse.py).
   The search only saves time: every number comes from step 2.
2. *Score.* Each candidate pair is scored by :class:`difflib.SequenceMatcher` on the two
   sentences' words: ``score = 2 M / (n_a + n_b)``, with ``M`` the words the two sentences have
   in common in the same order (difflib's ``ratio``). Two sentences *closely match* when the
   score is at least :data:`MATCH_THRESHOLD` (0.6) and they have at least :data:`MIN_WORDS`
   words in common.

Words are compared after folding typography and case (:func:`analysis.text.folded_words`), so
curly and straight quotes, dashes and the position of a comma do not count as differences in wording.
Sentences of two versions of one story (same ``story_id``) are not compared for reuse: that is
revision, handled by the version functions.

A close match names no direction: the text alone cannot say who copied whom (``reused_from`` in
:func:`flag_reuse` is the article a sentence matches, and ``originals`` lets a caller who knows
which article is the source say so). A shared sentence may also be the same quotation reported
by two outlets rather than copied prose; :func:`align_sentences` keeps the texts so a reader can
tell.

**Versions.** :func:`compare_versions` pairs the sentences of two versions of one story one to
one (best pairs first, score at least :data:`VERSION_THRESHOLD`) and classes each as kept (same
words in the same order), rewritten, removed or added, with word-level differences.
:func:`version_evidence` lists the tense shifts between paired sentences ("will back" ->
"would back"), the evidence for which version was written later.
"""

from __future__ import annotations

import bisect
import functools
import re
from collections.abc import Iterable, Mapping, Sequence
from difflib import SequenceMatcher
from typing import TYPE_CHECKING

import numpy as np
import pandas as pd

from analysis import parallel
from analysis.findings import finding, findings_table, format_value
from analysis.lexicon import read_lexicon
from analysis.text import WORD_RE, fold_typography, folded_words

if TYPE_CHECKING:  # pragma: no cover
    from analysis.corpus import Corpus

#: Two sentences closely match at a difflib ratio of at least this. In the seed corpus every pair
#: at or above 0.6 is a copied sentence or the same quotation in the same translation; just below
#: it are a copied sentence merged into a longer one (0.59) and paraphrases or other translations
#: of one quotation (0.50-0.55). 0.6 errs towards precision; notebook 06 shows the pairs either
#: side of it so a reader can judge.
MATCH_THRESHOLD = 0.6
#: A close match also needs this many words in common (so shorter sentences are never compared):
#: two short sentences that share four words ("few Russians expect a war" / "few Ukrainians
#: expect a war") score 0.8 without being evidence of copying.
MIN_WORDS = 5
#: Pairs scoring down to this much below the threshold are kept in the alignment as near misses.
NEAR_MISS_MARGIN = 0.2
#: Character n-gram length of the TF-IDF candidate search. Five characters span about one word
#: with its neighbours' edges: long enough to be specific, short enough that a changed ending
#: ("agrees"/"agreed") leaves most shingles intact.
SHINGLE_CHARS = 5
#: Words per shingle of the MinHash candidate search. Character shingles are too common across
#: a large corpus on one topic (unrelated sentences share " the ", "said ", "russi"), so the
#: index returned a twentieth of all pairs; single words likewise. Two-word shingles separate
#: copies from unrelated sentences (benchmarks/reuse.py).
SHINGLE_WORDS = 2
#: TF-IDF cosine from which a pair is a candidate. In the seed corpus the lowest cosine of a pair
#: scoring 0.5 or more is 0.37 (0.54 for pairs at 0.6 or more), so 0.3 leaves a margin; the
#: tests check that no close match is lost.
CANDIDATE_COSINE = 0.3
#: Jaccard similarity of two-word shingle sets that MinHash-LSH is tuned for. A sentence scoring
#: 0.6 against a longer one it is wholly contained in has a Jaccard of about 0.6/1.4 = 0.43, and
#: every edited word breaks two shingles, so the index is tuned well below that. On the
#: benchmark's generated corpus 0.25 missed 1.6% of the close matches, 0.2 missed 0.5% and 0.15
#: returned 15 times the candidates (benchmarks/reuse.py measures the recall).
MINHASH_JACCARD = 0.2
#: MinHash-LSH weights on false positives and false negatives: missing a match costs more than
#: scoring one pair too many, which the exact step discards.
MINHASH_WEIGHTS = (0.1, 0.9)
MINHASH_PERMUTATIONS = 128
MINHASH_SEED = 1
#: MinHash-LSH leaves out shingles that occur in more than this many sentences. A shingle in
#: ``d`` sentences brings ``d (d - 1) / 2`` pairs within reach of the index, so a fixed count
#: (not a share of the corpus, which would grow with it) bounds the pairs that share a kept
#: shingle by this many per shingle of a sentence, however large the corpus. A copy keeps its
#: rarer shingles, and both sides lose the same common ones. Chosen on the benchmark's corpus
#: (benchmarks/reuse.py; one topic and a small vocabulary, the hard case): at 10,000 articles
#: 300 drops the 0.2% of shingles that make up a fifth of all occurrences and loses no
#: close match that the uncapped index found on a 1,000-sentence sample; 100 lost four of 110.
MINHASH_MAX_DF = 300
#: A sentence left with fewer kept shingles than this is topped up with its least frequent
#: others, so a sentence made of common phrases can still be found (and never has an empty set,
#: whose signature would put it in one bucket with every other empty set).
MINHASH_MIN_SHINGLES = 3
#: A band bucket holding more than this many sentences is not taken as evidence in that band:
#: so many sentences agreeing on a band mostly share common phrases, and the bucket alone would
#: bring ``K (K - 1) / 2`` pairs. Its sentences are only chained (each paired with the next), so
#: a sentence copied into very many articles is still linked to some of its copies; a copied
#: pair in such a bucket is otherwise found through the other bands.
MINHASH_MAX_BUCKET = 30
#: A pair that shares a bucket is kept only if its two whole signatures agree in at least this
#: share of their values (MinHash's estimate of the Jaccard similarity; its standard error is
#: about 0.03 at a Jaccard of 0.15): one band of two values agreeing by chance is not enough.
#: On the benchmark at 10,000 articles it removes about five in six bucket pairs and no close
#: match of the sampled sentences (0.1 lost one of 209), leaving about one pair per sentence
#: for difflib to score.
MINHASH_MIN_ESTIMATE = 0.08
#: ``method="auto"`` uses TF-IDF up to this many sentences and MinHash-LSH above.
AUTO_TFIDF_LIMIT = 20_000
#: Rows of the sparse similarity product computed at once (bounds memory).
BLOCK_ROWS = 2_000
#: Two sentences of two versions of a story are the same sentence rewritten at a score of at
#: least this. In the FT's two versions the paired sentences score 0.55 or more and the best
#: partner of every other sentence scores 0.33 or less.
VERSION_THRESHOLD = 0.5

METHODS = ("auto", "tfidf", "minhash", "exact")
STATUSES = ("kept", "rewritten", "removed", "added")


# --------------------------------------------------------------------------- comparable text


def _folded_words(text: str) -> list[re.Match[str]]:
    """The word matches of the typography-folded ``text`` (offsets into the folded text)."""
    return list(WORD_RE.finditer(fold_typography(text)))


def word_shingles(words: Sequence[str], size: int = SHINGLE_WORDS) -> set[str]:
    """The set of runs of ``size`` consecutive words, each joined by a space (the whole list if
    it is shorter)."""
    if len(words) <= size:
        return {" ".join(words)} if words else set()
    return {" ".join(words[i : i + size]) for i in range(len(words) - size + 1)}


# --------------------------------------------------------------------------- candidate search


def _keep_pairs(left: np.ndarray, right: np.ndarray, groups: np.ndarray) -> pd.DataFrame:
    """The pairs as ``left < right``, without self-pairs and pairs within one group,
    deduplicated and sorted."""
    low, high = np.minimum(left, right), np.maximum(left, right)
    keep = (low != high) & (groups[low] != groups[high])
    pairs = pd.DataFrame({"left": low[keep], "right": high[keep]}, dtype="int64")
    return pairs.drop_duplicates().sort_values(["left", "right"]).reset_index(drop=True)


def tfidf_candidates(
    texts: Sequence[str],
    groups: Sequence[object],
    *,
    min_cosine: float = CANDIDATE_COSINE,
    size: int = SHINGLE_CHARS,
) -> pd.DataFrame:
    """Pairs of ``texts`` (positions ``left < right``, different ``groups``) whose TF-IDF vectors
    over character ``size``-grams have a cosine of at least ``min_cosine``.

    The sparse product is computed :data:`BLOCK_ROWS` rows at a time, so memory stays bounded;
    the work still grows with the number of pairs that share a shingle, hence MinHash-LSH for
    large corpora.
    """
    from sklearn.feature_extraction.text import TfidfVectorizer

    codes = pd.factorize(pd.Series(list(groups), dtype=object))[0]
    if len(texts) < 2:
        return _keep_pairs(np.array([], "int64"), np.array([], "int64"), codes)
    vectors = TfidfVectorizer(
        analyzer="char", ngram_range=(size, size), lowercase=False
    ).fit_transform(texts)
    lefts, rights = [], []
    for start in range(0, len(texts), BLOCK_ROWS):
        block = (vectors[start : start + BLOCK_ROWS] @ vectors.T).tocoo()
        close = block.data >= min_cosine - 1e-9
        lefts.append(block.row[close].astype("int64") + start)
        rights.append(block.col[close].astype("int64"))
    return _keep_pairs(np.concatenate(lefts), np.concatenate(rights), codes)


def frequent_shingles(
    tokens: Sequence[Sequence[str]], *, size: int = SHINGLE_WORDS, max_df: int = MINHASH_MAX_DF
) -> dict[str, int]:
    """The ``size``-word shingles that occur in more than ``max_df`` of the word lists, each
    with the number of lists it occurs in: the shingles :func:`minhash_candidates` leaves out.

    A shingle that many sentences share ("of the", "officials said") points at no one source,
    and a shingle in ``d`` sentences puts ``d (d - 1) / 2`` pairs in reach of the index: dropping
    those above a fixed count bounds the pairs that share a kept shingle by ``max_df`` times the
    shingles of a sentence, whatever the size of the corpus.
    """
    counts: dict[str, int] = {}
    for words in tokens:
        for shingle in word_shingles(words, size):
            counts[shingle] = counts.get(shingle, 0) + 1
    return {shingle: n for shingle, n in counts.items() if n > max_df}


def kept_shingles(
    words: Sequence[str],
    frequent: Mapping[str, int],
    *,
    size: int = SHINGLE_WORDS,
    min_kept: int = MINHASH_MIN_SHINGLES,
) -> list[str]:
    """The ``size``-word shingles of ``words`` that are not ``frequent``, sorted; when fewer
    than ``min_kept`` remain, topped up with the least frequent of the others (ties by text),
    so that a sentence made only of common phrases still has shingles to be found by."""
    shingles = word_shingles(words, size)
    kept = sorted(s for s in shingles if s not in frequent)
    if len(kept) < min_kept:
        common = sorted((frequent[s], s) for s in shingles if s in frequent)
        kept = sorted(kept + [s for _, s in common[: min_kept - len(kept)]])
    return kept


def minhash_signatures(
    tokens: Sequence[Sequence[str]],
    *,
    num_perm: int = MINHASH_PERMUTATIONS,
    size: int = SHINGLE_WORDS,
    seed: int = MINHASH_SEED,
    frequent: Mapping[str, int] | None = None,
    workers: int | None = None,
) -> np.ndarray:
    """MinHash signatures (one row of ``num_perm`` values per word list) of the lists'
    ``size``-word shingle sets without the ``frequent`` shingles (see :func:`kept_shingles`),
    seeded so they are the same on every run and machine.

    From :data:`analysis.parallel.MIN_TEXTS` lists on, they are hashed on all local cores
    (``workers``) or the Dask cluster; the result does not depend on it.
    """
    parts = parallel.map_chunks(
        _signatures,
        list(tokens),
        num_perm,
        size,
        seed,
        dict(frequent or {}),
        min_items=parallel.MIN_TEXTS,
        workers=workers,
        desc="minhash signatures",
    )
    return parts[0] if len(parts) == 1 else np.concatenate(parts)


def _signatures(
    tokens: list[Sequence[str]], num_perm: int, size: int, seed: int, frequent: dict[str, int]
) -> np.ndarray:
    from datasketch import MinHash

    out = np.empty((len(tokens), num_perm), dtype=np.uint32)
    sets = ([s.encode("utf-8") for s in kept_shingles(t, frequent, size=size)] for t in tokens)
    for i, minhash in enumerate(MinHash.generator(sets, num_perm=num_perm, seed=seed)):
        out[i] = minhash.hashvalues
    return out


def minhash_candidates(
    tokens: Sequence[Sequence[str]],
    groups: Sequence[object],
    *,
    min_jaccard: float = MINHASH_JACCARD,
    num_perm: int = MINHASH_PERMUTATIONS,
    size: int = SHINGLE_WORDS,
    seed: int = MINHASH_SEED,
    max_df: int = MINHASH_MAX_DF,
    max_bucket: int = MINHASH_MAX_BUCKET,
    min_estimate: float = MINHASH_MIN_ESTIMATE,
    workers: int | None = None,
) -> pd.DataFrame:
    """Pairs of word lists (positions ``left < right``, different ``groups``, sorted) that
    MinHash-LSH puts in a common bucket: likely to have a Jaccard similarity of ``size``-word
    shingle sets of at least ``min_jaccard``.

    Three steps keep the pairs per list about flat as the corpus grows, so the search and the
    scoring after it grow about linearly:

    - shingles in more than ``max_df`` lists are left out of the sets (:func:`frequent_shingles`,
      :func:`kept_shingles`): they are evidence of a common phrase, not of reuse;
    - a band bucket holding more than ``max_bucket`` lists gives only a chain of pairs (each
      list and the next) in that band, not all of its pairs: so many lists agreeing on a band
      mostly share common phrases. A copied pair in such a bucket is still found by the other
      bands, where the copy's rarer shingles decide. The bucket pairs per list are thus at most
      the bands times ``max_bucket``, whatever the size of the corpus;
    - a bucket pair is kept only if the two whole signatures agree in at least
      ``min_estimate`` of their values (:data:`MINHASH_MIN_ESTIMATE`), which discards the pairs
      that met in one band by chance before difflib has to score them.

    What the caps cost: a sentence copied into more than about ``max_df`` articles keeps only
    its rarest shingles and its copies are chained rather than all paired, so ``reuse_matrix``
    undercounts such stock text; the exact and TF-IDF methods have no caps.

    The signatures and the band layout (``b`` bands of ``r`` rows, datasketch's optimum for
    ``min_jaccard`` under :data:`MINHASH_WEIGHTS`) come from datasketch; the bucketing is done
    band by band with numpy, which holds a few integers per list where datasketch's index holds
    a Python set per bucket (1.4 GB for 50,000 sentences). The pairs of each band are merged
    into the pairs found so far as they come, so memory holds the distinct pairs, not every
    band's.
    """
    from datasketch import MinHashLSH

    codes = pd.factorize(pd.Series(list(groups), dtype=object))[0]
    layout = MinHashLSH(threshold=min_jaccard, num_perm=num_perm, weights=MINHASH_WEIGHTS)
    frequent = frequent_shingles(tokens, size=size, max_df=max_df)
    signatures = minhash_signatures(
        tokens, num_perm=num_perm, size=size, seed=seed, frequent=frequent, workers=workers
    )
    n = max(len(tokens), 1)
    found = np.array([], dtype="int64")
    pending: list[np.ndarray] = []
    for band in range(layout.b):
        rows = signatures[:, band * layout.r : (band + 1) * layout.r].astype(np.uint64)
        key = np.zeros(len(rows), dtype=np.uint64)
        for column in rows.T:  # a 64-bit polynomial hash of the band's values
            key = key * np.uint64(0x9E3779B97F4A7C15) + column
        bucket = np.unique(key, return_inverse=True)[1].ravel()
        left, right = _pairs_in_buckets(bucket, max_size=max_bucket)
        low, high = np.minimum(left, right), np.maximum(left, right)
        keep = codes[low] != codes[high]
        pending.append(low[keep] * n + high[keep])
        if sum(len(p) for p in pending) >= max(len(found), 1_000_000):
            found = _merge_pairs(found, pending, signatures, min_estimate)
            pending = []
    found = _merge_pairs(found, pending, signatures, min_estimate)
    return pd.DataFrame({"left": found // n, "right": found % n}, dtype="int64")


def _merge_pairs(
    found: np.ndarray, pending: list[np.ndarray], signatures: np.ndarray, min_estimate: float
) -> np.ndarray:
    """``found`` (pairs coded ``left * n + right``, sorted) with the new ``pending`` pairs
    whose signatures agree in at least ``min_estimate`` of their values (MinHash's estimate of
    the Jaccard similarity), sorted."""
    n = max(len(signatures), 1)
    new = np.setdiff1d(np.concatenate([np.array([], "int64"), *pending]), found)
    keep = np.zeros(len(new), dtype=bool)
    for start in range(0, len(new), 100_000):
        chunk = new[start : start + 100_000]
        agree = (signatures[chunk // n] == signatures[chunk % n]).mean(axis=1)
        keep[start : start + 100_000] = agree >= min_estimate - 1e-9
    return np.union1d(found, new[keep])


def _pairs_in_buckets(
    bucket: np.ndarray, *, max_size: int | None = None
) -> tuple[np.ndarray, np.ndarray]:
    """Every pair of positions that share a ``bucket`` number, as two arrays; in a bucket of
    more than ``max_size`` positions, only each position and the next (a chain, in position
    order). The work is proportional to the number of pairs: step ``d`` pairs each position
    with the one ``d`` places after it in its bucket."""
    order = np.argsort(bucket, kind="stable")
    sorted_bucket = bucket[order]
    starts = np.flatnonzero(np.r_[True, sorted_bucket[1:] != sorted_bucket[:-1]])
    sizes = np.diff(np.r_[starts, len(bucket)])
    after = np.repeat(starts + sizes, sizes) - np.arange(len(bucket)) - 1
    if max_size is not None:
        oversized = np.repeat(sizes > max_size, sizes)
        after[oversized] = np.minimum(after[oversized], 1)
    lefts, rights = [np.array([], "int64")], [np.array([], "int64")]
    active, step = np.flatnonzero(after > 0), 1
    while active.size:
        lefts.append(order[active])
        rights.append(order[active + step])
        step += 1
        active = active[after[active] >= step]
    return np.concatenate(lefts), np.concatenate(rights)


def exact_candidates(
    tokens: Sequence[Sequence[str]],
    groups: Sequence[object],
    *,
    threshold: float = MATCH_THRESHOLD,
    rows: Sequence[int] | None = None,
) -> pd.DataFrame:
    """Every pair (positions ``left < right``, different ``groups``) whose difflib score *can*
    reach ``threshold``: the reference the fast searches are measured against. With ``rows``,
    only the pairs that involve those positions (a sample).

    difflib's ratio never exceeds its ``quick_ratio``, ``2 I / (n_a + n_b)`` with ``I`` the
    words two sentences share counted with multiplicity. ``I`` is computed for all pairs at once
    as a sparse product over "k-th occurrence of word w" features, so no pair that could score
    ``threshold`` is missed. The work grows with the square of the corpus: use it on samples.
    """
    codes = pd.factorize(pd.Series(list(groups), dtype=object))[0]
    features = _occurrence_matrix(tokens)
    lengths = np.array([len(t) for t in tokens], dtype=np.float64)
    rows = np.arange(len(tokens)) if rows is None else np.asarray(rows, dtype="int64")
    lefts, rights = [np.array([], "int64")], [np.array([], "int64")]
    for start in range(0, len(rows), BLOCK_ROWS):
        chunk = rows[start : start + BLOCK_ROWS]
        block = (features[chunk] @ features.T).tocoo()
        left, right = chunk[block.row], block.col.astype("int64")
        close = 2 * block.data >= threshold * (lengths[left] + lengths[right]) - 1e-9
        lefts.append(left[close])
        rights.append(right[close])
    return _keep_pairs(np.concatenate(lefts), np.concatenate(rights), codes)


def _occurrence_matrix(tokens: Sequence[Sequence[str]]):
    """Sparse 0/1 matrix, one row per token list, one column per (word, k-th occurrence)."""
    from scipy import sparse

    vocabulary: dict[tuple[str, int], int] = {}
    rows, cols = [], []
    for row, words in enumerate(tokens):
        seen: dict[str, int] = {}
        for word in words:
            seen[word] = seen.get(word, 0) + 1
            cols.append(vocabulary.setdefault((word, seen[word]), len(vocabulary)))
            rows.append(row)
    data = np.ones(len(rows), dtype=np.float64)
    return sparse.csr_matrix((data, (rows, cols)), shape=(len(tokens), max(len(vocabulary), 1)))


def candidate_pairs(
    tokens: Sequence[Sequence[str]],
    groups: Sequence[object],
    *,
    method: str = "auto",
    threshold: float = MATCH_THRESHOLD,
    workers: int | None = None,
) -> pd.DataFrame:
    """Candidate pairs by ``method`` (see :data:`METHODS`); ``"auto"`` picks TF-IDF up to
    :data:`AUTO_TFIDF_LIMIT` token lists and MinHash-LSH above."""
    if method not in METHODS:
        raise ValueError(f"method must be one of {METHODS}, not {method!r}")
    if method == "auto":
        method = "tfidf" if len(tokens) <= AUTO_TFIDF_LIMIT else "minhash"
    if method == "exact":
        return exact_candidates(tokens, groups, threshold=threshold)
    if method == "tfidf":
        return tfidf_candidates([" ".join(t) for t in tokens], groups)
    return minhash_candidates(tokens, groups, workers=workers)


# --------------------------------------------------------------------------- exact scores


def match_words(a: Sequence[str], b: Sequence[str]) -> int:
    """How many words ``a`` and ``b`` have in common in the same order (difflib's matching
    blocks, without its heuristic that ignores frequent items)."""
    blocks = SequenceMatcher(None, a, b, autojunk=False).get_matching_blocks()
    return sum(block.size for block in blocks)


def word_ratio(a: Sequence[str], b: Sequence[str]) -> float:
    """difflib's ratio of two word lists: ``2 M / (len(a) + len(b))``, 0 for two empty lists."""
    total = len(a) + len(b)
    return 2 * match_words(a, b) / total if total else 0.0


def score_pairs(
    tokens: Sequence[Sequence[str]], pairs: pd.DataFrame, *, workers: int | None = None
) -> pd.DataFrame:
    """``pairs`` (positions ``left``, ``right`` into ``tokens``) with ``matched_words`` and
    ``score`` (difflib's ratio) added. From :data:`analysis.parallel.MIN_TEXTS` pairs on, they
    are scored on all local cores or the Dask cluster, each chunk of pairs sent with the word
    lists it needs and no others; the result does not depend on who scores them."""
    left, right = pairs["left"].to_numpy(), pairs["right"].to_numpy()
    parts = parallel.n_chunks(
        len(pairs), min_items=parallel.MIN_TEXTS, workers=workers, per_worker=8
    )
    if parts == 1:
        matched = _match_chunk((tokens, left, right))
    else:
        chunks = []
        for lo in range(0, len(pairs), -(-len(pairs) // parts)):
            hi = lo + -(-len(pairs) // parts)
            needed = np.unique(np.concatenate([left[lo:hi], right[lo:hi]]))
            chunks.append(
                (
                    [tokens[i] for i in needed],
                    np.searchsorted(needed, left[lo:hi]),
                    np.searchsorted(needed, right[lo:hi]),
                )
            )
        matched = np.concatenate(
            parallel.run_chunks(_match_chunk, chunks, workers=workers, desc="score pairs")
        )
    lengths = np.array([len(t) for t in tokens], dtype=np.float64)
    total = lengths[left] + lengths[right] if len(pairs) else np.zeros(0)
    score = np.divide(2 * matched, total, out=np.zeros(len(pairs)), where=total > 0)
    return pairs.assign(matched_words=matched, score=score)


def _match_chunk(
    chunk: tuple[Sequence[Sequence[str]], np.ndarray, np.ndarray],
) -> np.ndarray:
    """Words in common, in order, of each pair ``(lists[left[k]], lists[right[k]])``."""
    lists, left, right = chunk
    matched = [match_words(lists[i], lists[j]) for i, j in zip(left, right, strict=True)]
    return np.array(matched, dtype="int64")


# --------------------------------------------------------------------------- word-level diff


def mark_differences(old: str, new: str) -> tuple[list[tuple[str, bool]], list[tuple[str, bool]]]:
    """Two texts as runs of ``(text, changed)``: ``changed`` marks the words of ``old`` that are
    not in ``new`` (removed or replaced) and the words of ``new`` not in ``old`` (added).

    Words are compared as in :func:`analysis.text.folded_words`; the runs are the
    typography-folded text with its punctuation, so joining a side's runs gives that text back.
    """
    old_folded, new_folded = fold_typography(old), fold_typography(new)
    old_words, new_words = _folded_words(old), _folded_words(new)
    matcher = SequenceMatcher(
        None,
        [m.group().lower() for m in old_words],
        [m.group().lower() for m in new_words],
        autojunk=False,
    )
    old_changed = [True] * len(old_words)
    new_changed = [True] * len(new_words)
    for block in matcher.get_matching_blocks():
        old_changed[block.a : block.a + block.size] = [False] * block.size
        new_changed[block.b : block.b + block.size] = [False] * block.size
    return _runs(old_folded, old_words, old_changed), _runs(new_folded, new_words, new_changed)


def _runs(text: str, words: list[re.Match[str]], changed: list[bool]) -> list[tuple[str, bool]]:
    """``text`` cut into runs of changed and unchanged characters. A changed run spans its
    words and whatever stands between two changed words, never the text around it."""
    mask = np.zeros(len(text), dtype=bool)
    for k, word in enumerate(words):
        if changed[k]:
            end = words[k + 1].start() if k + 1 < len(words) and changed[k + 1] else word.end()
            mask[word.start() : end] = True
    runs: list[tuple[str, bool]] = []
    start = 0
    for i in range(1, len(text) + 1):
        if i == len(text) or mask[i] != mask[start]:
            runs.append((text[start:i], bool(mask[start])))
            start = i
    return runs


def as_marked_text(runs: Sequence[tuple[str, bool]], *, opening: str, closing: str) -> str:
    """The runs joined, each changed run wrapped in ``opening``/``closing`` (wdiff style:
    ``[-removed-]``, ``{+added+}``)."""
    return "".join(f"{opening}{text}{closing}" if changed else text for text, changed in runs)


def _marked_pair(old: str, new: str) -> tuple[str, str]:
    old_runs, new_runs = mark_differences(old, new)
    return (
        as_marked_text(old_runs, opening="[-", closing="-]"),
        as_marked_text(new_runs, opening="{+", closing="+}"),
    )


# --------------------------------------------------------------------------- reuse


def sentence_words(sentences: pd.DataFrame) -> pd.DataFrame:
    """``article_id``, ``sentence``, ``text`` of ``sentences`` with ``words`` (the comparable
    words, a list) and ``n_words``, in the table's order."""
    table = sentences[["article_id", "sentence", "text"]].reset_index(drop=True)
    tokens = [folded_words(text) for text in table["text"]]
    return table.assign(words=tokens, n_words=np.array([len(t) for t in tokens], dtype="int64"))


def _story_of(articles: pd.DataFrame) -> pd.Series:
    """article_id -> story_id (the article's own id where the story is not given)."""
    ids = articles["article_id"]
    stories = articles.get("story_id", ids)
    stories = stories.where(stories.notna() & (stories.astype(str) != ""), ids)
    return pd.Series(stories.to_numpy(), index=ids.to_numpy())


ALIGNMENT_COLUMNS = [
    "article_id",
    "sentence",
    "other_id",
    "other_sentence",
    "score",
    "match",
    "matched_words",
    "words",
    "other_words",
    "text",
    "other_text",
    "translation_variant",
]


def align_sentences(
    corpus: Corpus,
    *,
    threshold: float = MATCH_THRESHOLD,
    min_words: int = MIN_WORDS,
    method: str = "auto",
    skip_same_story: bool = True,
    workers: int | None = None,
) -> pd.DataFrame:
    """Sentence pairs between different articles of ``corpus`` that closely match, with the
    near misses scoring down to :data:`NEAR_MISS_MARGIN` below ``threshold``.

    One row per pair (``article_id`` is the article that comes first in the corpus):
    ``sentence``/``other_sentence`` number the two sentences, ``score`` is difflib's ratio of
    their words, ``matched_words`` counts the words in common in the same order, ``match``
    says the pair closely matches (score at least ``threshold`` and at least ``min_words`` words
    in common, and not a translation variant), ``words``/``other_words`` are the sentences'
    lengths and ``text``/``other_text`` the sentences as written. ``translation_variant`` marks
    a pair that would match but is one speaker's remark in two wordings (see
    :func:`translation_variants`): two translations of one quotation are two outlets reporting
    it, not copy. Sentences shorter than ``min_words`` are not compared, nor are two versions
    of one story (``skip_same_story``). Sorted by corpus order; the same on every run.
    ``alignment.attrs["candidate_pairs"]`` records how many pairs the search proposed.
    """
    table = sentence_words(corpus.sentences)
    story = _story_of(corpus.articles)
    eligible = table[table["n_words"] >= min_words].reset_index(drop=True)
    groups = eligible["article_id"].map(story) if skip_same_story else eligible["article_id"]
    tokens = eligible["words"].tolist()
    floor = threshold - NEAR_MISS_MARGIN
    pairs = candidate_pairs(
        tokens, groups.tolist(), method=method, threshold=floor, workers=workers
    )
    scored = score_pairs(tokens, pairs, workers=workers)
    scored = scored[scored["score"] >= floor - 1e-9]
    left = eligible.iloc[scored["left"].to_numpy()].reset_index(drop=True)
    right = eligible.iloc[scored["right"].to_numpy()].reset_index(drop=True)
    score = scored["score"].to_numpy()
    matched = scored["matched_words"].to_numpy()
    close = (score >= threshold - 1e-9) & (matched >= min_words)
    alignment = pd.DataFrame(
        {
            "article_id": left["article_id"],
            "sentence": left["sentence"].astype("int64"),
            "other_id": right["article_id"],
            "other_sentence": right["sentence"].astype("int64"),
            "score": score,
            "match": close,
            "matched_words": matched,
            "words": left["n_words"],
            "other_words": right["n_words"],
            "text": left["text"],
            "other_text": right["text"],
        },
        columns=ALIGNMENT_COLUMNS,
    )
    variant = translation_variants(alignment, quoted_wording(corpus)) & close
    alignment["translation_variant"] = variant
    alignment["match"] = close & ~variant
    alignment.attrs["candidate_pairs"] = len(pairs)
    return alignment


def quoted_wording(corpus: Corpus) -> pd.DataFrame:
    """What each sentence quotes, and whom: one row per sentence holding quoted words of an
    attributed quotation (scare quotes left out), with ``article_id``, ``sentence``,
    ``speaker`` (the quotations' speakers in the sentence, "; " between two) and ``quoted`` (the
    sentence's words inside the quotation marks, folded as reuse compares words, " " between
    them). Empty when the corpus has no attributed quotations (``corpus.quotes``)."""
    columns = ["article_id", "sentence", "speaker", "quoted"]
    quotes = corpus.quotes
    if quotes is None or quotes.empty:
        return pd.DataFrame(columns=columns)
    quotes = quotes[(quotes["kind"] != "scare") & (quotes["speaker"].fillna("") != "")]
    sentences = corpus.sentences[["article_id", "paragraph", "sentence", "start", "end", "text"]]
    pairs = sentences.merge(
        quotes[["article_id", "paragraph", "start", "end", "speaker"]],
        on=["article_id", "paragraph"],
        suffixes=("", "_quote"),
    )
    low = np.maximum(pairs["start"], pairs["start_quote"]) - pairs["start"]
    high = np.minimum(pairs["end"], pairs["end_quote"]) - pairs["start"]
    pairs = pairs.assign(low=low, high=high)[low < high].sort_values(
        ["article_id", "sentence", "low"], kind="stable"
    )
    pairs["quoted"] = [
        " ".join(folded_words(text[a:b]))
        for text, a, b in zip(pairs["text"], pairs["low"], pairs["high"], strict=True)
    ]
    joined = pairs.groupby(["article_id", "sentence"], sort=False).agg(
        speaker=("speaker", lambda s: "; ".join(dict.fromkeys(s))),
        quoted=("quoted", " ".join),
    )
    return joined.reset_index()[columns]


def translation_variants(alignment: pd.DataFrame, wording: pd.DataFrame) -> pd.Series:
    """For each pair of ``alignment``: is it one remark quoted in two wordings? True when both
    sentences quote the same speaker (:func:`quoted_wording`) and neither quoted wording is
    contained in the other ("We won't believe when we hear, we'll believe when we see" against
    "We don't believe what we hear, we believe what we see", both Kuleba's): a speech given in
    another language and translated twice, or a remark re-rendered, is no evidence of copy.
    The same words, or one outlet quoting part of what the other quotes, is not a variant."""
    if wording.empty or alignment.empty:
        return pd.Series(False, index=alignment.index, dtype=bool)
    lookup = wording.set_index(["article_id", "sentence"])
    left = lookup.reindex(pd.MultiIndex.from_frame(alignment[["article_id", "sentence"]]))
    right = lookup.reindex(
        pd.MultiIndex.from_frame(
            alignment[["other_id", "other_sentence"]], names=lookup.index.names
        )
    )
    flags = [
        _differently_worded(a, b) if isinstance(sa, str) and sa == sb else False
        for sa, sb, a, b in zip(
            left["speaker"], right["speaker"], left["quoted"], right["quoted"], strict=True
        )
    ]
    return pd.Series(flags, index=alignment.index, dtype=bool)


def _differently_worded(quoted: str, other: str) -> bool:
    """Two quoted wordings (words, " " between them) differ, neither containing the other."""
    a, b = f" {quoted} ", f" {other} "
    return bool(quoted.strip() and other.strip()) and a not in b and b not in a


def _directed(alignment: pd.DataFrame) -> pd.DataFrame:
    """Each pair twice, once from each side, so that ``article_id``/``sentence`` is always the
    sentence being described and ``other_*`` its counterpart."""
    swap = {
        "article_id": "other_id",
        "other_id": "article_id",
        "sentence": "other_sentence",
        "other_sentence": "sentence",
        "words": "other_words",
        "other_words": "words",
        "text": "other_text",
        "other_text": "text",
    }
    return pd.concat([alignment, alignment.rename(columns=swap)], ignore_index=True)[
        ALIGNMENT_COLUMNS
    ]


def best_matches(alignment: pd.DataFrame, *, per_article: bool = False) -> pd.DataFrame:
    """For every sentence with a close match, its best one: highest score, then most words in
    common, then the other article's id and sentence number (so ties break the same way on
    every run). ``per_article=True`` keeps the best match in *each* other article."""
    directed = _directed(alignment[alignment["match"]])
    ordered = directed.sort_values(
        ["article_id", "sentence", "score", "matched_words", "other_id", "other_sentence"],
        ascending=[True, True, False, False, True, True],
        kind="mergesort",
    )
    keys = ["article_id", "sentence", "other_id"] if per_article else ["article_id", "sentence"]
    return ordered.drop_duplicates(keys).reset_index(drop=True)


def flag_reuse(
    corpus: Corpus,
    alignment: pd.DataFrame | None = None,
    *,
    originals: Iterable[str] = (),
    **align_options: object,
) -> Corpus:
    """``corpus`` with four columns added to ``corpus.sentences``, for the sentences that closely
    match a sentence of another article (other sentences: missing, and 0 words):

    - ``reused_from``: the article it matches best (see :func:`best_matches`);
    - ``reused_sentence``: the matching sentence's number in that article;
    - ``reuse_score``: the score of the match;
    - ``reused_words``: the words it has in common with that sentence, in order.

    A match is symmetric, so both sentences of a pair are flagged unless the caller names the
    ``originals`` (e.g. the wire story), whose sentences are then never flagged. ``alignment``
    is computed with ``align_options`` when not given. Which of these sentences are wire copy
    (matching an agency's article) is :func:`wire_copy`; notebooks 02-05 leave those out with
    the parameter ``reused = "drop"``.
    """
    if alignment is None:
        alignment = align_sentences(corpus, **align_options)
    best = best_matches(alignment)
    best = best[~best["article_id"].isin(set(originals))]
    best = best.rename(
        columns={
            "other_id": "reused_from",
            "other_sentence": "reused_sentence",
            "score": "reuse_score",
            "matched_words": "reused_words",
        }
    )[["article_id", "sentence", "reused_from", "reused_sentence", "reuse_score", "reused_words"]]
    sentences = corpus.sentences.drop(
        columns=["reused_from", "reused_sentence", "reuse_score", "reused_words"], errors="ignore"
    )
    flagged = sentences.merge(best, on=["article_id", "sentence"], how="left", validate="1:1")
    flagged["reused_sentence"] = flagged["reused_sentence"].astype("Int64")
    flagged["reuse_score"] = flagged["reuse_score"].astype("float64")
    flagged["reused_words"] = flagged["reused_words"].fillna(0).astype("int64")
    return corpus.with_tables(sentences=flagged)


#: :func:`reuse_matrix` gives every pair of articles (those without a match too) up to this many
#: articles; a heatmap past it draws outlets (:func:`reuse_by_outlet`).
ALL_PAIRS_MAX = 200


def reuse_matrix(
    corpus: Corpus, alignment: pd.DataFrame, *, all_pairs: bool = False
) -> pd.DataFrame:
    """How much of each article closely matches each other article.

    One row per ordered pair of articles (``article_id`` the article described, ``other_id``
    the one it matches): ``sentences``/``words`` of the article, ``matched_sentences`` (its
    sentences with a close match in the other), ``reused_words`` (for each such sentence, the
    words in common with its best match there), ``sentence_share`` and ``word_share``. Only
    pairs with a match, unless ``all_pairs`` (every ordered pair, for a heatmap of a small
    corpus) and the corpus has at most :data:`ALL_PAIRS_MAX` articles: every ordered pair grows
    as the square of the articles (4.9 million rows, 2.5 GB in memory and a 197 MB CSV for the
    BBC's 2,225, where 1,424 pairs have a match). Rows in corpus order.
    """
    totals = _article_totals(corpus)
    best = best_matches(alignment, per_article=True)
    counts = best.groupby(["article_id", "other_id"], sort=False).agg(
        matched_sentences=("sentence", "size"), reused_words=("matched_words", "sum")
    )
    ids = corpus.articles["article_id"].tolist()
    if all_pairs and len(ids) <= ALL_PAIRS_MAX:
        index = pd.MultiIndex.from_tuples(
            [(a, b) for a in ids for b in ids if a != b], names=["article_id", "other_id"]
        )
        counts = counts.reindex(index, fill_value=0)
    matrix = counts.reset_index().merge(totals, on="article_id", how="left")
    order = {article_id: i for i, article_id in enumerate(ids)}
    matrix = matrix.sort_values(
        ["article_id", "other_id"], key=lambda col: col.map(order), kind="mergesort"
    ).reset_index(drop=True)
    matrix["sentence_share"] = _share(matrix["matched_sentences"], matrix["sentences"])
    matrix["word_share"] = _share(matrix["reused_words"], matrix["words"])
    columns = ["article_id", "other_id", "sentences", "matched_sentences", "sentence_share"]
    columns += ["words", "reused_words", "word_share"]
    return matrix[columns].astype(
        {
            "sentences": "int64",
            "matched_sentences": "int64",
            "words": "int64",
            "reused_words": "int64",
        }
    )


def reuse_by_outlet(corpus: Corpus, alignment: pd.DataFrame, *, top: int = 20) -> pd.DataFrame:
    """How much of each outlet's wording closely matches each outlet's articles (and, on the
    diagonal, its own other articles): the outlet-level summary of :func:`reuse_matrix`.

    One row per ordered pair of outlets: ``articles`` and ``words`` of the outlet, and
    ``reused_words``: for each of its sentences, the words in common with its best match among
    the other outlet's articles (so a sentence matching three articles of one outlet counts
    once), summed; ``word_share`` = reused_words / words. Outlets past the ``top`` with the
    most articles are pooled as ``"other outlets (k)"``; outlets keep corpus order.
    """
    from analysis.aggregate import fold_rest

    articles = corpus.articles[["article_id", "outlet"]].astype({"outlet": str})
    unit = fold_rest(articles["outlet"], n=top, rest="other outlets")
    outlet_of = dict(zip(articles["article_id"], unit, strict=True))
    totals = _article_totals(corpus).assign(outlet=lambda t: t["article_id"].map(outlet_of))
    sizes = totals.groupby("outlet", sort=False).agg(
        articles=("article_id", "nunique"), words=("words", "sum")
    )
    best = best_matches(alignment, per_article=True)
    best = best.assign(
        outlet=best["article_id"].map(outlet_of), other_outlet=best["other_id"].map(outlet_of)
    )
    per_sentence = best.groupby(["outlet", "article_id", "sentence", "other_outlet"], sort=False)[
        "matched_words"
    ].max()
    reused = per_sentence.groupby(["outlet", "other_outlet"], sort=False).sum()
    order = list(dict.fromkeys(unit))
    index = pd.MultiIndex.from_product([order, order], names=["outlet", "other_outlet"])
    table = reused.reindex(index, fill_value=0).rename("reused_words").reset_index()
    table = table.join(sizes, on="outlet")
    table["word_share"] = _share(table["reused_words"], table["words"])
    columns = ["outlet", "other_outlet", "articles", "words", "reused_words", "word_share"]
    return table[columns].astype({"reused_words": "int64", "words": "int64"})


def _article_totals(corpus: Corpus) -> pd.DataFrame:
    """Sentences and comparable words per article, every article of the corpus in order."""
    table = sentence_words(corpus.sentences)
    totals = table.groupby("article_id", sort=False).agg(
        sentences=("sentence", "size"), words=("n_words", "sum")
    )
    totals = totals.reindex(corpus.articles["article_id"], fill_value=0)
    return totals.reset_index()


def _share(part: pd.Series, whole: pd.Series) -> pd.Series:
    return (part / whole.where(whole > 0)).fillna(0.0).astype("float64")


def reuse_by_article(flagged: Corpus) -> pd.DataFrame:
    """Own and reused words per article of a corpus returned by :func:`flag_reuse`.

    One row per article in corpus order: ``outlet``, ``sentences``, ``reused_sentences`` (with a
    ``reused_from``), ``words``, ``reused_words`` (words in common with the matching sentence),
    ``reused_quoted_words`` (those of them in sentences that are wholly quotation, by the
    ``voice`` column of :mod:`analysis.quotes`; missing without it), ``own_words`` (the words
    not reused) and ``reused_share`` (reused / all words). A shared quotation may be two outlets
    reporting one remark rather than copying, so the quoted part is kept apart.
    """
    sentences = flagged.sentences
    if "reused_from" not in sentences:
        raise ValueError("reuse_by_article needs a corpus returned by flag_reuse()")
    has_voice = "voice" in sentences
    quoted = sentences["voice"].eq("quoted") if has_voice else pd.Series(False, sentences.index)
    table = sentence_words(sentences).assign(
        reused=sentences["reused_from"].notna().to_numpy(),
        reused_words=sentences["reused_words"].to_numpy(),
        reused_quoted_words=sentences["reused_words"].where(quoted, 0).to_numpy(),
    )
    counts = table.groupby("article_id", sort=False).agg(
        sentences=("sentence", "size"),
        reused_sentences=("reused", "sum"),
        words=("n_words", "sum"),
        reused_words=("reused_words", "sum"),
        reused_quoted_words=("reused_quoted_words", "sum"),
    )
    totals = counts.reindex(flagged.articles["article_id"], fill_value=0).astype("int64")
    out = flagged.articles[["article_id", "outlet"]].merge(totals.reset_index(), on="article_id")
    if not has_voice:
        out["reused_quoted_words"] = pd.NA
    out["reused_quoted_words"] = out["reused_quoted_words"].astype("Int64")
    out["own_words"] = out["words"] - out["reused_words"]
    out["reused_share"] = _share(out["reused_words"], out["words"])
    return out


def near_threshold(
    alignment: pd.DataFrame, *, threshold: float = MATCH_THRESHOLD, n: int = 8
) -> pd.DataFrame:
    """The ``n`` pairs scoring closest to ``threshold`` (half at or above it, half below), with
    word-level differences marked (``marked``: ``[-only here-]``, ``other_marked``:
    ``{+only there+}``), highest score first. For judging where the threshold falls."""
    above = alignment[alignment["score"] >= threshold - 1e-9].sort_values("score", kind="mergesort")
    below = alignment[alignment["score"] < threshold - 1e-9].sort_values(
        "score", ascending=False, kind="mergesort"
    )
    n_above = min(len(above), max(n - min(len(below), n // 2), n // 2))
    picked = pd.concat([above.head(n_above), below.head(n - n_above)])
    picked = picked.sort_values(
        ["score", "article_id", "sentence"], ascending=[False, True, True], kind="mergesort"
    ).reset_index(drop=True)
    marked = [_marked_pair(a, b) for a, b in zip(picked["text"], picked["other_text"], strict=True)]
    return picked.assign(marked=[m[0] for m in marked], other_marked=[m[1] for m in marked])


# --------------------------------------------------------------------------- wire copy

#: The values of the notebooks' ``reused`` parameter: keep every sentence, or drop wire copy.
REUSED_CHOICES = ("keep", "drop")
#: Suffix of the findings keys that give a headline number with wire copy left out.
REUSED_DROPPED = ".reused_dropped"


def wire_agencies() -> frozenset[str]:
    """The outlets of ``reuse.yml``'s ``wire_agencies`` (case-folded): news agencies whose
    copy other outlets run."""
    outlets = read_lexicon(name="reuse.yml")["wire_agencies"]["outlets"]
    return frozenset(str(o).strip().casefold() for o in outlets)


def _wire_articles(corpus: Corpus) -> set[str]:
    agencies = wire_agencies()
    outlet = corpus.articles["outlet"].fillna("").astype(str).str.strip().str.casefold()
    return set(corpus.articles.loc[outlet.isin(agencies), "article_id"])


WIRE_COPY_COLUMNS = ["article_id", "sentence", "reused_from", "reused_sentence", "reuse_score"]


def wire_copy(corpus: Corpus, alignment: pd.DataFrame | None = None) -> pd.DataFrame:
    """The sentences of ``corpus`` that are a wire agency's copy: sentences of an article not
    from an agency (:func:`wire_agencies`) that closely match a sentence of an agency's article
    (``match`` of :func:`align_sentences`: translation variants of a quotation are not copy).

    One row per such sentence, with its best match among the agencies' articles:
    ``article_id``, ``sentence``, ``reused_from``, ``reused_sentence``, ``reuse_score``. Without
    an agency's article in the corpus there is no direction to read, and the table is empty
    (the alignment is then not even computed).
    """
    wire = _wire_articles(corpus)
    if not wire or wire >= set(corpus.articles["article_id"]):
        return pd.DataFrame(columns=WIRE_COPY_COLUMNS)
    alignment = align_sentences(corpus) if alignment is None else alignment
    best = best_matches(alignment, per_article=True)
    best = best[best["other_id"].isin(wire) & ~best["article_id"].isin(wire)]
    best = best.drop_duplicates(["article_id", "sentence"])  # best first, per sentence
    order = {a: i for i, a in enumerate(corpus.articles["article_id"])}
    best = best.sort_values(
        ["article_id", "sentence"], key=lambda c: c.map(order) if c.name == "article_id" else c
    )
    renamed = best.rename(
        columns={
            "other_id": "reused_from",
            "other_sentence": "reused_sentence",
            "score": "reuse_score",
        }
    )
    return renamed[WIRE_COPY_COLUMNS].reset_index(drop=True)


def wire_copy_table(corpus: Corpus, copy: pd.DataFrame, alignment: pd.DataFrame) -> pd.DataFrame:
    """What notebooks 02-05 leave out with ``reused = "drop"``, for a reader to check: the
    sentences of :func:`wire_copy` (``kind`` "wire copy") with their text and the agency's
    sentence, followed by the translation variants of ``alignment`` (``kind`` "translation
    variant": one remark in two wordings, not counted as reuse and never left out)."""
    texts = corpus.sentences.set_index(["article_id", "sentence"])["text"]
    copied = copy.assign(
        kind="wire copy",
        text=[texts.get(k, "") for k in zip(copy["article_id"], copy["sentence"], strict=True)],
        other_text=[
            texts.get(k, "") for k in zip(copy["reused_from"], copy["reused_sentence"], strict=True)
        ],
    )
    variants = alignment[alignment["translation_variant"]].rename(
        columns={
            "other_id": "reused_from",
            "other_sentence": "reused_sentence",
            "score": "reuse_score",
        }
    )
    columns = ["kind", *WIRE_COPY_COLUMNS, "text", "other_text"]
    parts = [copied[columns], variants.assign(kind="translation variant")[columns]]
    parts = [p for p in parts if len(p)]
    if not parts:
        return pd.DataFrame(columns=columns)
    return pd.concat(parts, ignore_index=True)


def wire_copy_findings(table: pd.DataFrame, corpus: Corpus) -> pd.DataFrame:
    """Finding rows for :func:`wire_copy_table`: per article, the sentences left out as wire
    copy (``reuse.wire_copy.sentences.<article_id>``), and the translation variants found
    (``reuse.translation_variants``)."""
    copied = table[table["kind"] == "wire copy"].groupby("article_id").size()
    rows = [
        finding(
            f"reuse.wire_copy.sentences.{_slug(a)}",
            int(copied.get(a, 0)),
            "sentences",
            f"Sentences of {a} that closely match a wire agency's article (left out with "
            "reused = 'drop')",
            "06_wire_copy",
        )
        for a in corpus.articles["article_id"]
    ]
    variants = int((table["kind"] == "translation variant").sum())
    rows.append(
        finding(
            "reuse.translation_variants",
            variants,
            "sentence pairs",
            "Sentence pairs quoting one speaker's remark in two wordings (not counted as reuse)",
            "06_wire_copy",
        )
    )
    return findings_table(rows)


def without_sentences(corpus: Corpus, dropped: pd.DataFrame) -> Corpus:
    """``corpus`` without the sentences ``dropped`` names (``article_id``, ``sentence``).

    The sentences' rows go; in the paragraphs their text is blanked with spaces (so every other
    sentence and quotation keeps its offsets, and word counts, readability and reporting verbs
    see only the rest); quotations that begin inside them go; each article's ``n_sentences``
    and ``n_words`` are counted again. Headline and standfirst stay. The raw files and the
    corpus passed in are not changed.
    """
    if dropped.empty:
        return corpus
    named = pd.MultiIndex.from_frame(
        dropped[["article_id", "sentence"]].astype({"sentence": "int64"})
    )
    sentences = corpus.sentences
    gone = pd.MultiIndex.from_frame(sentences[["article_id", "sentence"]]).isin(named)
    spans = sentences.loc[gone, ["article_id", "paragraph", "start", "end"]]
    paragraphs = corpus.paragraphs.copy()
    keys = list(zip(paragraphs["article_id"], paragraphs["paragraph"], strict=True))
    texts = dict(zip(keys, paragraphs["text"], strict=True))
    for article_id, paragraph, start, end in spans.itertuples(index=False):
        text = texts[(article_id, paragraph)]
        texts[(article_id, paragraph)] = text[:start] + " " * (end - start) + text[end:]
    paragraphs["text"] = [texts[key] for key in keys]
    tables = {"sentences": sentences[~gone].reset_index(drop=True), "paragraphs": paragraphs}
    if corpus.quotes is not None:
        tables["quotes"] = corpus.quotes[~_starts_in(corpus.quotes, spans)].reset_index(drop=True)
    tables["articles"] = _recounted(corpus.articles, tables["sentences"], paragraphs)
    return corpus.with_tables(**tables)


def _starts_in(quotes: pd.DataFrame, spans: pd.DataFrame) -> np.ndarray:
    """For each quotation: does it begin inside one of ``spans`` (``article_id``, ``paragraph``,
    ``start``, ``end``)?"""
    placed = quotes[["article_id", "paragraph", "start"]].reset_index(drop=True)
    placed = placed.reset_index(names="_row")
    placed = placed.merge(spans, on=["article_id", "paragraph"], suffixes=("", "_span"))
    inside = (placed["start_span"] <= placed["start"]) & (placed["start"] < placed["end"])
    return np.isin(np.arange(len(quotes)), placed.loc[inside, "_row"].to_numpy())


def _recounted(
    articles: pd.DataFrame, sentences: pd.DataFrame, paragraphs: pd.DataFrame
) -> pd.DataFrame:
    """``articles`` with ``n_sentences`` and ``n_words`` counted again from the tables."""
    from analysis.text import count_words

    out = articles.copy()
    if "n_sentences" in out:
        counts = sentences.groupby("article_id").size()
        out["n_sentences"] = out["article_id"].map(counts).fillna(0).astype("int64")
    if "n_words" in out:
        words = (
            paragraphs.assign(n=paragraphs["text"].map(count_words))
            .groupby("article_id")["n"]
            .sum()
        )
        out["n_words"] = out["article_id"].map(words).fillna(0).astype("int64")
    return out


def check_reused(reused: str) -> str:
    """``reused`` if it is one of :data:`REUSED_CHOICES`; a ValueError naming them otherwise."""
    if reused not in REUSED_CHOICES:
        raise ValueError(f"reused must be one of {REUSED_CHOICES}, not {reused!r}")
    return reused


def without_wire_copy(corpus: Corpus) -> Corpus:
    """``corpus`` without the sentences :func:`wire_copy` finds (:func:`without_sentences`)."""
    return without_sentences(corpus, wire_copy(corpus))


def choose_reused(corpus: Corpus, reused: str = "keep") -> Corpus:
    """The corpus a notebook compares: ``corpus`` as it is (``reused="keep"``) or without the
    wire copy (``"drop"``, :func:`without_wire_copy`)."""
    return corpus if check_reused(reused) == "keep" else without_wire_copy(corpus)


def reused_dropped_findings(
    corpus: Corpus, compute, *, reused: str = "keep", findings: pd.DataFrame | None = None
) -> pd.DataFrame:
    """The headline numbers with the wire copy left out, where they differ: the rows of
    ``compute(corpus without the wire copy)`` whose value differs from the same key's in
    ``findings`` (``compute(corpus)`` when not given; a key that is new counts as differing).
    Their keys end in :data:`REUSED_DROPPED` and their descriptions say how many sentences were
    left out. ``compute`` takes a corpus and returns a findings table (``key``, ``value``,
    ``unit``, ``description``, ...). Empty when ``reused`` is "drop" (the notebook's numbers
    are already without the copy) or the corpus holds no wire copy (:func:`wire_copy`); then
    nothing is computed."""
    if check_reused(reused) == "drop":
        return findings_table([])
    copy = wire_copy(corpus)
    if copy.empty:
        return findings_table([])
    findings = compute(corpus) if findings is None else findings
    other = compute(without_sentences(corpus, copy))
    before = dict(zip(findings["key"], findings["value"].map(format_value), strict=True))
    changed = other[other["key"].map(before) != other["value"].map(format_value)]
    n = f"{len(copy)} sentence{'s' if len(copy) != 1 else ''}"
    return changed.assign(
        key=changed["key"] + REUSED_DROPPED,
        description=changed["description"] + f" — reused wire copy left out ({n} in the corpus)",
    ).reset_index(drop=True)


def with_reused_dropped(
    findings: pd.DataFrame, corpus: Corpus, compute, *, reused: str = "keep"
) -> pd.DataFrame:
    """``findings`` (computed on ``corpus``) followed by :func:`reused_dropped_findings`: the
    headline comparisons both ways."""
    extra = reused_dropped_findings(corpus, compute, reused=reused, findings=findings)
    return pd.concat([findings, extra], ignore_index=True) if len(extra) else findings


# --------------------------------------------------------------------------- versions


def _version_key(version: pd.Series) -> pd.Series:
    """Versions sort by number where they are numbers ("2" before "10"), else as text."""
    numbers = pd.to_numeric(version, errors="coerce")
    return numbers.fillna(np.inf) if numbers.notna().any() else version.astype(str)


def story_versions(articles: pd.DataFrame, story_id: str) -> pd.DataFrame:
    """The articles of ``story_id`` in the manifest's version order (lowest version first)."""
    rows = articles[articles["story_id"] == story_id]
    if rows.empty:
        raise ValueError(f"no article has story_id {story_id!r}")
    return rows.sort_values("version", key=_version_key, kind="mergesort").reset_index(drop=True)


def versioned_stories(articles: pd.DataFrame) -> list[str]:
    """The story ids with two or more versions in ``articles``, in corpus order."""
    if "story_id" not in articles:
        return []
    counts = articles["story_id"].value_counts(sort=False)
    return [s for s in articles["story_id"].drop_duplicates() if counts[s] >= 2]


VERSION_COLUMNS = [
    "story_id",
    "old_id",
    "new_id",
    "row",
    "status",
    "old_sentence",
    "new_sentence",
    "score",
    "moved",
    "old_position",
    "new_position",
    "shift",
    "words_removed",
    "words_added",
    "old_text",
    "new_text",
    "old_marked",
    "new_marked",
]


def compare_versions(
    corpus: Corpus,
    story_id: str | None = None,
    *,
    old: str | None = None,
    new: str | None = None,
    threshold: float = VERSION_THRESHOLD,
) -> pd.DataFrame:
    """Two versions of one story sentence by sentence, for a side-by-side table.

    ``story_id`` defaults to the first story with two or more versions; ``old``/``new`` (article
    ids) default to its lowest and highest version in the manifest. "Old" and "new" follow the
    manifest; :func:`version_evidence` tests that order against the texts.

    Sentences are paired one to one, best-scoring pairs first (ties by position), at a score of
    at least ``threshold``. Each row has a ``status``: *kept* (same words, same order),
    *rewritten* (paired, words differ), *removed* (only in old), *added* (only in new).
    ``moved`` is "up" or "down" for the paired sentences that changed place in their shared
    order: the fewest such moves that explain the new order. ``old_position``/``new_position``
    are the share of the article before the sentence (0 = the lead) and ``shift`` their
    difference (negative: nearer the top), which also moves when sentences are added or cut
    above. ``words_removed``/``words_added``
    count the words on each side not in common; ``old_marked``/``new_marked`` mark them
    ``[-...-]`` and ``{+...+}``. Rows follow the new version, each removed sentence after the
    row of the old sentence before it. Empty (with these columns) when the corpus has no story
    with two versions.
    """
    if story_id is None:
        stories = versioned_stories(corpus.articles)
        if not stories:
            return pd.DataFrame(columns=VERSION_COLUMNS)
        story_id = stories[0]
    versions = story_versions(corpus.articles, story_id)
    if len(versions) < 2 and (old is None or new is None):
        raise ValueError(f"story {story_id!r} has only one version")
    old = old or versions["article_id"].iloc[0]
    new = new or versions["article_id"].iloc[-1]
    table = sentence_words(corpus.sentences)
    a = table[table["article_id"] == old].reset_index(drop=True)
    b = table[table["article_id"] == new].reset_index(drop=True)
    pairs = _pair_versions(a["words"].tolist(), b["words"].tolist(), threshold=threshold)
    rows = _version_rows(a, b, pairs)
    return rows.assign(story_id=story_id, old_id=old, new_id=new)[VERSION_COLUMNS]


def _pair_versions(old: list[list[str]], new: list[list[str]], *, threshold: float) -> pd.DataFrame:
    """One-to-one pairs (``left`` into old, ``right`` into new) scoring at least ``threshold``,
    chosen greedily from the best score down; ties go to the earlier old, then new, sentence."""
    tokens = old + new
    groups = ["old"] * len(old) + ["new"] * len(new)
    candidates = exact_candidates(tokens, groups, threshold=threshold)
    scored = score_pairs(tokens, candidates, workers=1)
    scored = scored[scored["score"] >= threshold - 1e-9].assign(
        right=lambda d: d["right"] - len(old)
    )
    scored = scored.sort_values(
        ["score", "left", "right"], ascending=[False, True, True], kind="mergesort"
    )
    used_old: set[int] = set()
    used_new: set[int] = set()
    keep = []
    for row in scored.itertuples(index=False):
        if row.left not in used_old and row.right not in used_new:
            used_old.add(row.left)
            used_new.add(row.right)
            keep.append(row)
    return pd.DataFrame(keep, columns=scored.columns)


def _moved(old_of_new: Sequence[int]) -> list[str]:
    """For paired sentences listed in new order by their old index: ``"up"``, ``"down"`` or
    ``""`` for each. The sentences left in place are a longest run in increasing old order
    (the fewest moves that explain the new order; on ties, the earliest such run); each other
    sentence moved up or down by its rank among the paired sentences."""
    tails: list[int] = []  # tails[k]: position of the smallest last element of a run of k+1
    previous = [-1] * len(old_of_new)
    for position, value in enumerate(old_of_new):
        k = bisect.bisect_left([old_of_new[t] for t in tails], value)
        previous[position] = tails[k - 1] if k else -1
        tails[k : k + 1] = [position]
    stay = set()
    position = tails[-1] if tails else -1
    while position >= 0:
        stay.add(position)
        position = previous[position]
    old_rank = {value: rank for rank, value in enumerate(sorted(old_of_new))}
    return [
        "" if p in stay else ("up" if p < old_rank[value] else "down")
        for p, value in enumerate(old_of_new)
    ]


def _version_rows(a: pd.DataFrame, b: pd.DataFrame, pairs: pd.DataFrame) -> pd.DataFrame:
    """The side-by-side rows for the sentences ``a`` (old) and ``b`` (new) given their pairs
    (positions ``left`` into ``a``, ``right`` into ``b``)."""
    paired = pairs.rename(columns={"left": "old", "right": "new"}).sort_values("new")
    paired = paired.assign(moved=_moved(paired["old"].tolist()))
    added = pd.DataFrame({"new": sorted(set(range(len(b))) - set(paired["new"]))})
    removed = pd.DataFrame({"old": sorted(set(range(len(a))) - set(paired["old"]))})
    # A removed sentence goes after the new row of the nearest paired sentence before it.
    anchors = paired.sort_values("old")
    before = np.searchsorted(anchors["old"].to_numpy(), removed["old"].to_numpy())
    new_of = np.concatenate([[-1], anchors["new"].to_numpy()])
    removed["order"] = np.maximum.accumulate(new_of)[before] + 0.5
    rows = pd.concat(
        [paired.assign(order=paired["new"]), added.assign(order=added["new"]), removed]
    )
    rows = rows.sort_values(["order", "old"], kind="mergesort").reset_index(drop=True)

    old, new = rows["old"], rows["new"]
    old_words = old.map(a["words"]).where(old.notna(), None)
    new_words = new.map(b["words"]).where(new.notna(), None)
    same = [x == y for x, y in zip(old_words, new_words, strict=True)]
    status = np.select([old.isna(), new.isna(), same], ["added", "removed", "kept"], "rewritten")
    matched = rows["matched_words"].fillna(0).astype("int64")
    old_text = old.map(a["text"]).fillna("")
    new_text = new.map(b["text"]).fillna("")
    marked = [_marked_pair(o, n) for o, n in zip(old_text, new_text, strict=True)]
    old_position = old / len(a)
    new_position = new / len(b)
    return pd.DataFrame(
        {
            "row": np.arange(1, len(rows) + 1),
            "status": status,
            "old_sentence": old.map(a["sentence"]).astype("Int64"),
            "new_sentence": new.map(b["sentence"]).astype("Int64"),
            "score": rows["score"].astype("float64"),
            "moved": rows["moved"].fillna(""),
            "old_position": old_position,
            "new_position": new_position,
            "shift": new_position - old_position,
            "words_removed": old.map(a["n_words"]).fillna(0).astype("int64") - matched,
            "words_added": new.map(b["n_words"]).fillna(0).astype("int64") - matched,
            "old_text": old_text,
            "new_text": new_text,
            "old_marked": [m[0] if o else "" for m, o in zip(marked, old_text, strict=True)],
            "new_marked": [m[1] if n else "" for m, n in zip(marked, new_text, strict=True)],
        }
    )


def version_summary(comparison: pd.DataFrame) -> pd.DataFrame:
    """Sentences and words by status (kept, rewritten, removed, added), then the paired
    sentences that moved up and down in the order (see :func:`compare_versions`)."""
    by_status = comparison.groupby("status").agg(
        sentences=("row", "size"),
        words_removed=("words_removed", "sum"),
        words_added=("words_added", "sum"),
    )
    by_status = by_status.reindex(list(STATUSES), fill_value=0)
    moved = (
        comparison[comparison["moved"] != ""]
        .groupby("moved")
        .agg(
            sentences=("row", "size"),
            words_removed=("words_removed", "sum"),
            words_added=("words_added", "sum"),
        )
    )
    moved = moved.reindex(["up", "down"], fill_value=0).rename(index=lambda m: f"moved {m}")
    out = pd.concat([by_status, moved]).rename_axis("status").reset_index()
    return out.astype({"sentences": "int64", "words_removed": "int64", "words_added": "int64"})


def version_moves(comparison: pd.DataFrame) -> pd.DataFrame:
    """The paired sentences that changed place in the order, in the new version's order: what
    the new version put forward (``moved`` "up") or pushed back ("down")."""
    columns = ["row", "moved", "status", "old_sentence", "new_sentence", "new_text"]
    return comparison.loc[comparison["moved"] != "", columns].reset_index(drop=True)


@functools.cache
def tense_shifts() -> dict[str, frozenset[str]]:
    """Present or future form -> the past forms it shifts to, from ``lexicons/reuse.yml``."""
    data = read_lexicon(name="reuse.yml")
    return {form: frozenset(pasts) for form, pasts in data["tense_shifts"]["forms"].items()}


def is_backshift(present: str, past: str) -> bool:
    """Whether ``past`` is a past form of the present or future form ``present`` (both lower
    case): from the lexicon, or a regular verb gaining "-ed"/"-d" ("agrees" -> "agreed",
    "want" -> "wanted")."""
    if past in tense_shifts().get(present, ()):
        return True
    if len(present) < 3 or not past.endswith("d"):
        return False
    stems = {present, present.removesuffix("s"), present.removesuffix("es")}
    return any(past in (stem + "ed", stem + "d") for stem in stems if len(stem) >= 2)


EVIDENCE_COLUMNS = [
    "kind",
    "old_sentence",
    "new_sentence",
    "old_form",
    "new_form",
    "points_to",
    "old_text",
    "new_text",
]


def version_evidence(comparison: pd.DataFrame) -> pd.DataFrame:
    """Evidence in the texts for which version was written later: the tense shifts between
    paired sentences.

    A statement retold after the fact moves into the past ("whether Putin will back the
    measure" -> "would back"; "if the west does not agree" -> "did not agree"). The shifts are
    found by :func:`tense_changes` in every rewritten pair; ``points_to`` is the article the
    shift says is later: the one with the past form. One row per shift, in table order. This is
    one kind of evidence, to be read with the content each version adds (the side-by-side
    table); an editor can also shift tense for style, so a verdict rests on the count.
    """
    rows = []
    for row in comparison[comparison["status"] == "rewritten"].itertuples(index=False):
        for old_form, new_form, later in tense_changes(row.old_text, row.new_text):
            rows.append(
                {
                    "kind": "tense",
                    "old_sentence": row.old_sentence,
                    "new_sentence": row.new_sentence,
                    "old_form": old_form,
                    "new_form": new_form,
                    "points_to": row.new_id if later == "new" else row.old_id,
                    "old_text": row.old_text,
                    "new_text": row.new_text,
                }
            )
    evidence = pd.DataFrame(rows, columns=EVIDENCE_COLUMNS)
    return evidence.astype({"old_sentence": "Int64", "new_sentence": "Int64"})


#: Tense shifts are looked for within replaced stretches of at most this many words a side.
TENSE_SPAN = 6


def tense_changes(old: str, new: str) -> list[tuple[str, str, str]]:
    """The tense shifts from ``old`` to ``new``: ``(old_form, new_form, later)`` with ``later``
    "new" when the new text has the past form, "old" when the old one has.

    Words are looked for where difflib replaces a stretch of at most :data:`TENSE_SPAN` words
    by another; within it, each word of the old stretch is paired with the first unused word of
    the new one that is its past (or present) form by :func:`is_backshift`.
    """
    old_words, new_words = folded_words(old), folded_words(new)
    matcher = SequenceMatcher(None, old_words, new_words, autojunk=False)
    found = []
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        if tag != "replace" or max(i2 - i1, j2 - j1) > TENSE_SPAN:
            continue
        unused = list(new_words[j1:j2])
        for old_word in old_words[i1:i2]:
            for new_word in unused:
                later = "new" if is_backshift(old_word, new_word) else ""
                later = later or ("old" if is_backshift(new_word, old_word) else "")
                if later:
                    found.append((old_word, new_word, later))
                    unused.remove(new_word)
                    break
    return found


def later_version(comparison: pd.DataFrame, evidence: pd.DataFrame) -> pd.DataFrame:
    """The verdict of the evidence, one row: ``old_id``, ``new_id``, the number of shifts
    pointing to each (``for_old``, ``for_new``), ``later`` (the article the majority points to,
    missing on a tie or no evidence) and ``agrees_with_manifest`` (``later`` is the manifest's
    newer version)."""
    if comparison.empty:
        return pd.DataFrame(
            columns=["old_id", "new_id", "for_old", "for_new", "later", "agrees_with_manifest"]
        )
    old_id, new_id = comparison["old_id"].iloc[0], comparison["new_id"].iloc[0]
    for_old = int((evidence["points_to"] == old_id).sum())
    for_new = int((evidence["points_to"] == new_id).sum())
    later = new_id if for_new > for_old else old_id if for_old > for_new else None
    return pd.DataFrame(
        [
            {
                "old_id": old_id,
                "new_id": new_id,
                "for_old": for_old,
                "for_new": for_new,
                "later": later,
                "agrees_with_manifest": later == new_id,
            }
        ]
    )


# --------------------------------------------------------------------------- findings


def _slug(text: object) -> str:
    """A findings-key segment: lower case, runs of other characters as one hyphen."""
    return re.sub(r"[^a-z0-9_-]+", "-", str(text).lower()).strip("-") or "none"


_MATCHING = "in common, in order, with closely matching sentences of"


def reuse_findings(
    matrix: pd.DataFrame,
    by_article: pd.DataFrame,
    *,
    threshold: float = MATCH_THRESHOLD,
    max_pairs: int = 20,
) -> pd.DataFrame:
    """The citable reuse numbers as rows of ``key``, ``value``, ``unit``, ``description``,
    ``figure``, for :func:`analysis.findings.record_findings`: the thresholds, each article's reused share, and
    the ``max_pairs`` article pairs with the largest word share (keys ``reuse.*``)."""
    rows = [
        finding("reuse.threshold.score", threshold, "difflib ratio", "a close match from"),
        finding("reuse.threshold.min_words", MIN_WORDS, "words", "fewest in common for a match"),
        finding(
            "reuse.threshold.candidate_cosine", CANDIDATE_COSINE, "cosine", "pairs scored from"
        ),
    ]
    for row in by_article.itertuples(index=False):
        key, a, figure = _slug(row.article_id), row.article_id, "06_reused_words"
        share = (
            f"Share of {a}'s words {_MATCHING} any other article "
            f"({row.reused_words} of {row.words} words)"
        )
        count = f"{a}'s sentences (of {row.sentences}) closely matching another article's"
        rows.append(finding(f"reuse.word_share.{key}", row.reused_share, "share", share, figure))
        rows.append(
            finding(f"reuse.sentences.{key}", row.reused_sentences, "sentences", count, figure)
        )
        if pd.notna(row.reused_quoted_words):
            quoted = f"of {a}'s reused words, those in sentences wholly quoted"
            rows.append(
                finding(
                    f"reuse.quoted_words.{key}", row.reused_quoted_words, "words", quoted, figure
                )
            )
    pairs = matrix[matrix["matched_sentences"] > 0].sort_values(
        ["word_share", "article_id", "other_id"], ascending=[False, True, True], kind="mergesort"
    )
    for row in pairs.head(max_pairs).itertuples(index=False):
        a, b, figure = row.article_id, row.other_id, "06_reuse_heatmap"
        key = f"reuse.pair.{{}}.{_slug(a)}.{_slug(b)}"
        share = f"Share of {a}'s words {_MATCHING} {b} ({row.reused_words} of {row.words} words)"
        count = f"{a}'s sentences (of {row.sentences}) closely matching one of {b}"
        rows.append(finding(key.format("word_share"), row.word_share, "share", share, figure))
        rows.append(
            finding(key.format("sentences"), row.matched_sentences, "sentences", count, figure)
        )
    return findings_table(rows)


def version_findings(comparison: pd.DataFrame, verdict: pd.DataFrame) -> pd.DataFrame:
    """The citable numbers of a version comparison (keys ``reuse.versions.<story>.*``): sentences
    per status and moved, words removed and added, tense shifts each way, and the version the
    tense shifts say is later. Empty for an empty comparison."""
    if comparison.empty:
        return findings_table([])
    story, old, new = comparison[["story_id", "old_id", "new_id"]].iloc[0]
    prefix, figure = f"reuse.versions.{_slug(story)}", "06_version_table"
    summary = version_summary(comparison)
    rows = [
        finding(
            f"{prefix}.{_slug(status)}",
            n,
            "sentences",
            f"{old} -> {new}: sentences {status}",
            figure,
        )
        for status, n in zip(summary["status"], summary["sentences"], strict=True)
    ]
    for side, other, column in ((old, new, "words_removed"), (new, old, "words_added")):
        total = int(comparison[column].sum())
        rows.append(
            finding(f"{prefix}.{column}", total, "words", f"Words of {side} not in {other}", figure)
        )
    for row in verdict.itertuples(index=False):
        for side, n in ((row.old_id, row.for_old), (row.new_id, row.for_new)):
            description = f"Tense shifts with the past form in {side} (each puts {side} later)"
            rows.append(
                finding(f"{prefix}.tense_shifts.{_slug(side)}", n, "words", description, figure)
            )
        later = row.later if isinstance(row.later, str) else "undetermined"
        rows.append(
            finding(
                f"{prefix}.later",
                later,
                "article_id",
                f"The later version of {story}, by its tense shifts",
                figure,
            )
        )
    return findings_table(rows)
