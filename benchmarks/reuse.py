"""Benchmark: find reuse in a 10,000-article corpus with MinHash-LSH; time, memory and recall.

Run from the repository root::

    .venv/bin/python benchmarks/reuse.py                # 10,000 articles
    .venv/bin/python benchmarks/reuse.py --articles 2000 --sample 1000

The corpus is generated in memory from the seed articles' sentences with a fixed seed, so every
run sees the same text:

- each article has 15-35 sentences; an *own* sentence takes a random seed sentence and replaces
  each of its words, with probability 0.85, by a word drawn from the seed vocabulary (by
  frequency): on-topic text that shares names and function words with other articles without
  being copied. One topic and a vocabulary of a few thousand words make this a hard case for
  the candidate search: unrelated sentences share far more word pairs than in a mixed corpus;
- 30% of the articles also carry 2-8 sentences *planted* from a random earlier article, each
  edited at its own rate (every word replaced with probability 0-0.35, dropped with
  probability 0.05), so that their scores spread across the threshold.

Recall is measured on a random sample of sentences against the exact method: every sentence of
the corpus whose difflib score with a sampled sentence could reach the threshold (by difflib's
``quick_ratio`` bound, computed exactly; see ``analysis.reuse.exact_candidates``) is scored, and
the close matches found are compared with those MinHash-LSH found. The sample is scored
:data:`EXACT_ROWS` sentences at a time, so the exact method's memory stays bounded.

Time is wall-clock and CPU (this process and its workers); memory is the peak resident size of
this process and of the largest worker. The cost should grow about linearly with the corpus:
the candidate pairs per sentence should stay about flat from 2,000 to 10,000 articles. The
printed lines are meant for the README.
"""

from __future__ import annotations

import argparse
import random
import resource
import sys
import time

import numpy as np
import pandas as pd

import analysis
from analysis import reuse
from analysis.corpus import Corpus
from analysis.text import folded_words

SEED = 20220215
#: Sampled sentences compared with the whole corpus at once by the exact method.
EXACT_ROWS = 100


def generate_corpus(n_articles: int, *, seed: int = SEED) -> tuple[Corpus, int]:
    """A corpus of ``n_articles`` generated articles (see the module docstring) and the number
    of planted sentences."""
    rng = random.Random(seed)
    templates = [folded_words(t) for t in analysis.load_corpus().sentences["text"]]
    templates = [t for t in templates if len(t) >= reuse.MIN_WORDS]
    vocabulary = [word for template in templates for word in template]
    articles: list[list[str]] = []
    planted = 0
    for _ in range(n_articles):
        sentences = [
            " ".join(
                w if rng.random() > 0.85 else rng.choice(vocabulary) for w in rng.choice(templates)
            )
            for _ in range(rng.randint(15, 35))
        ]
        if articles and rng.random() < 0.3:
            source = articles[rng.randrange(len(articles))]
            for sentence in rng.sample(source, min(len(source), rng.randint(2, 8))):
                rate = rng.uniform(0, 0.35)
                edited = [
                    rng.choice(vocabulary) if rng.random() < rate else w
                    for w in sentence.split()
                    if rng.random() > 0.05
                ]
                sentences.insert(rng.randrange(len(sentences) + 1), " ".join(edited))
                planted += 1
        articles.append(sentences)
    return _as_corpus(articles), planted


def _as_corpus(articles: list[list[str]]) -> Corpus:
    ids = [f"a{i:05d}" for i in range(len(articles))]
    sentences = pd.DataFrame(
        {
            "article_id": [a for a, texts in zip(ids, articles, strict=True) for _ in texts],
            "sentence": [n for texts in articles for n in range(1, len(texts) + 1)],
            "text": [text for texts in articles for text in texts],
        }
    )
    sentences["paragraph"] = sentences["sentence"]
    meta = pd.DataFrame({"article_id": ids, "outlet": "generated", "story_id": ids})
    empty = pd.DataFrame(columns=["article_id"])
    return Corpus(articles=meta, paragraphs=empty, sentences=sentences, removed=empty)


def exact_matches_of(corpus: Corpus, sample: np.ndarray) -> set[tuple[str, int, str, int]]:
    """The close matches of the sampled sentences (positions into the eligible sentences),
    by the exact method; each as (article, sentence, other article, other sentence)."""
    table = _eligible(corpus)
    tokens, groups = table["words"].tolist(), table["article_id"].tolist()
    found: set[tuple[str, int, str, int]] = set()
    for start in range(0, len(sample), EXACT_ROWS):
        pairs = reuse.exact_candidates(tokens, groups, rows=sample[start : start + EXACT_ROWS])
        scored = reuse.score_pairs(tokens, pairs)
        close = scored[
            (scored["score"] >= reuse.MATCH_THRESHOLD)
            & (scored["matched_words"] >= reuse.MIN_WORDS)
        ]
        found |= {_key(table, i, j) for i, j in zip(close["left"], close["right"], strict=True)}
    return found


def _eligible(corpus: Corpus) -> pd.DataFrame:
    table = reuse.sentence_words(corpus.sentences)
    return table[table["n_words"] >= reuse.MIN_WORDS].reset_index(drop=True)


def _key(table: pd.DataFrame, i: int, j: int) -> tuple[str, int, str, int]:
    a, b = sorted((i, j))
    return (
        table["article_id"][a],
        int(table["sentence"][a]),
        table["article_id"][b],
        int(table["sentence"][b]),
    )


def peak_rss_mib() -> tuple[float, float]:
    """Peak resident memory of this process and of its largest worker, in MiB."""
    own = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    children = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
    return own, children


def cpu_seconds() -> float:
    """CPU time used so far by this process and its finished workers, in seconds."""
    own = resource.getrusage(resource.RUSAGE_SELF)
    children = resource.getrusage(resource.RUSAGE_CHILDREN)
    return own.ru_utime + own.ru_stime + children.ru_utime + children.ru_stime


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=10_000)
    parser.add_argument("--sample", type=int, default=1000, help="sentences for the recall check")
    args = parser.parse_args(argv)

    started = time.perf_counter()
    corpus, planted = generate_corpus(args.articles)
    generated = time.perf_counter() - started
    baseline, _ = peak_rss_mib()

    started, cpu_started = time.perf_counter(), cpu_seconds()
    alignment = reuse.align_sentences(corpus, method="minhash")
    elapsed, cpu = time.perf_counter() - started, cpu_seconds() - cpu_started
    own, children = peak_rss_mib()
    matches = alignment[alignment["match"]]
    n_sentences = len(corpus.sentences)

    table = _eligible(corpus)
    rng = np.random.default_rng(SEED)
    sample = np.sort(rng.choice(len(table), size=min(args.sample, len(table)), replace=False))
    started = time.perf_counter()
    truth = exact_matches_of(corpus, sample)
    exact_time = time.perf_counter() - started
    index = {
        (a, s): i
        for i, (a, s) in enumerate(zip(table["article_id"], table["sentence"], strict=True))
    }
    found = {
        _key(table, index[(a, s)], index[(b, t)])
        for a, s, b, t in matches[
            ["article_id", "sentence", "other_id", "other_sentence"]
        ].itertuples(index=False)
    }
    sampled = {(table["article_id"][i], int(table["sentence"][i])) for i in sample}
    found_in_sample = {k for k in found if k[:2] in sampled or k[2:] in sampled}
    recall = len(truth & found_in_sample) / len(truth) if truth else float("nan")

    print(
        f"reuse benchmark: {args.articles:,} generated articles, {n_sentences:,} sentences "
        f"({planted:,} planted copies), generated in {generated:.1f} s"
    )
    candidates = alignment.attrs["candidate_pairs"]
    print(
        f"MinHash-LSH ({reuse.MINHASH_PERMUTATIONS} permutations, Jaccard {reuse.MINHASH_JACCARD}, "
        f"{reuse.SHINGLE_WORDS}-word shingles in at most {reuse.MINHASH_MAX_DF} sentences, "
        f"buckets of at most {reuse.MINHASH_MAX_BUCKET}) + difflib: {elapsed:.1f} s "
        f"({cpu:.1f} s CPU), {candidates:,} candidate pairs scored "
        f"({candidates / n_sentences:.1f} per sentence), {len(matches):,} close matches"
    )
    print(
        f"peak memory: {own:,.0f} MiB (main process, {baseline:,.0f} MiB before the search), "
        f"{children:,.0f} MiB (largest worker)"
    )
    print(
        f"recall against the exact method on {len(sample):,} sampled sentences: "
        f"{recall:.3f} ({len(truth & found_in_sample)} of {len(truth)} close matches; "
        f"exact method on the sample: {exact_time:.1f} s)"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
