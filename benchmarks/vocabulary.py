"""Benchmark: the vocabulary statistics on 10,000 articles. Run: python benchmarks/vocabulary.py

The corpus is made in memory from the seed corpus (``load_corpus()``): each synthetic article
belongs to one of the canonical outlets and is that outlet's seed article's paragraphs drawn with
replacement (fixed seed), so outlets keep their own vocabularies. Each step is timed once without
tracing, then run again under ``tracemalloc`` for its peak memory in this process (numpy and
scipy arrays included; counting on more than 20,000 paragraphs runs in worker processes, whose
memory shows in the "worker peak resident memory" line). Prints plain lines for the README.
"""

from __future__ import annotations

import argparse
import resource
import time
import tracemalloc
from collections.abc import Callable

import numpy as np
import pandas as pd

import analysis
from analysis import kwic
from analysis import vocabulary as vocab
from analysis.corpus import Corpus

SEED = 20220215


def resampled_corpus(seed_corpus: Corpus, n_articles: int, *, seed: int = SEED) -> Corpus:
    """``n_articles`` articles made of the canonical seed articles' paragraphs, resampled.

    Article ``i`` takes outlet ``i mod outlets`` and as many paragraphs as that outlet's seed
    article, drawn with replacement from it; its sentences are those paragraphs' sentences.
    """
    rng = np.random.default_rng(seed)
    base = seed_corpus.canonical()
    paragraphs = base.paragraphs.reset_index(drop=True)
    outlets = base.articles[["article_id", "outlet"]].to_numpy()
    pools = [np.flatnonzero(paragraphs["article_id"] == a) for a, _ in outlets]
    picks, ids, outlet_of = [], [], []
    for i in range(n_articles):
        k = i % len(outlets)
        picks.append(rng.choice(pools[k], size=len(pools[k]), replace=True))
        ids.append(f"synthetic-{i:05d}")
        outlet_of.append(outlets[k][1])
    lengths = np.array([len(p) for p in picks])
    drawn = paragraphs.iloc[np.concatenate(picks)].reset_index(drop=True)
    article_ids = np.repeat(ids, lengths)
    new_paragraphs = pd.DataFrame(
        {
            "article_id": article_ids,
            "paragraph": np.concatenate([np.arange(1, n + 1) for n in lengths]),
            "text": drawn["text"].to_numpy(),
        }
    )
    sentences = (
        new_paragraphs.assign(
            source=drawn["article_id"].to_numpy(), src=drawn["paragraph"].to_numpy()
        )
        .merge(
            base.sentences.rename(
                columns={"article_id": "source", "paragraph": "src", "text": "s"}
            ),
            on=["source", "src"],
        )
        .drop(columns=["text", "source", "src", "sentence"])
        .rename(columns={"s": "text"})
    )
    sentences.insert(2, "sentence", sentences.groupby("article_id").cumcount() + 1)
    articles = pd.DataFrame({"article_id": ids, "outlet": outlet_of, "canonical": True})
    return Corpus(
        articles=articles,
        paragraphs=new_paragraphs,
        sentences=sentences,
        removed=seed_corpus.removed.iloc[:0],
        source=f"{n_articles} articles resampled from {seed_corpus.source} (seed {seed})",
    )


def cpu_seconds() -> float:
    """CPU time used so far by this process and its finished worker processes."""
    return sum(
        usage.ru_utime + usage.ru_stime
        for usage in (
            resource.getrusage(resource.RUSAGE_SELF),
            resource.getrusage(resource.RUSAGE_CHILDREN),
        )
    )


def measure(step: Callable[[], object]) -> tuple[float, float, float]:
    """Wall-clock and CPU seconds for one untraced run of ``step``, and its peak traced memory
    in MiB. CPU time is the steadier figure on a shared machine."""
    wall, cpu = time.perf_counter(), cpu_seconds()
    step()
    wall, cpu = time.perf_counter() - wall, cpu_seconds() - cpu
    tracemalloc.start()
    step()
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    return wall, cpu, peak / 2**20


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=10_000)
    args = parser.parse_args(argv)

    corpus = resampled_corpus(analysis.load_corpus(), args.articles)
    words = int(corpus.paragraphs["text"].map(analysis.text.count_words).sum())
    counts = vocab.term_table(corpus)
    steps = {
        "term x outlet table (tokenise + count)": lambda: vocab.term_table(corpus),
        "term x article matrix (sparse)": lambda: vocab.count_matrix(corpus, by="article_id"),
        "log-odds z (all outlets)": lambda: vocab.log_odds_z(counts),
        "keyness + BH (every outlet vs rest)": lambda: vocab.keyness_by_group(counts),
        "distinctive terms (top 10 per outlet)": lambda: vocab.distinctive_terms(counts),
        "naming choices (lexicon, all variants)": lambda: vocab.naming_choices(corpus),
        "kwic ('invasion')": lambda: kwic.kwic(corpus, "invasion"),
    }
    print(
        f"vocabulary benchmark: {len(corpus.articles):,} articles, {len(corpus.paragraphs):,} "
        f"paragraphs, {words:,} words, {len(counts):,} terms x {counts.shape[1]} outlets "
        f"(seed paragraphs resampled, seed {SEED})"
    )
    for name, step in steps.items():
        wall, cpu, peak = measure(step)
        print(f"{name:<42} {wall:7.2f} s wall {cpu:7.2f} s cpu   peak {peak:7.1f} MiB")
    for who, name in ((resource.RUSAGE_SELF, "main process"), (resource.RUSAGE_CHILDREN, "worker")):
        rss = resource.getrusage(who).ru_maxrss / 1024
        print(f"{f'{name} peak resident memory':<42} {'':27}   peak {rss:7.1f} MiB")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
