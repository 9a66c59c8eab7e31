"""Benchmark analysis.tone on a 10,000-article corpus: ``python benchmarks/tone.py``.

The corpus is generated in memory from the seed articles' paragraphs (each article draws 8-30
paragraphs at random, with their sentences, by a fixed seed), so every run scores the same text.
It times, and reports the peak memory of:

- sentence scoring by VADER (:func:`analysis.tone.sentence_sentiment`, on all local cores),
  beside VADER in one process (timed on a sample and scaled);
- readability by the shared-counts fast path (:func:`analysis.readability.readability_scores`, one
  process), beside calling textstat's functions one metric at a time (timed on a sample and
  scaled: at the full size it would take minutes);
- the whole per-article table (:func:`analysis.tone.readability`: body and writer's voice, with
  MTLD and MATTR, on all local cores), when the corpus has the ``voice`` column.

Peak memory is the resident-set high-water mark of this process during the step (reset before
each step where Linux allows it), and of the largest worker process. The lines printed are meant
to be pasted into the README as they are.
"""

from __future__ import annotations

import argparse
import os
import resource
import sys
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import numpy as np
import pandas as pd
import textstat

import analysis
from analysis import parallel, quotes, readability, tone
from analysis.corpus import Corpus
from analysis.text import count_words, fold_typography

SEED = 20220215
N_ARTICLES = 10_000
PARAGRAPHS_PER_ARTICLE = (8, 30)
NAIVE_SAMPLE = 300  # articles scored the naive way, then scaled
SERIAL_SAMPLE = 20_000  # sentences scored by VADER in one process, then scaled
#: textstat's functions, called one by one on the same text: the naive way.
NAIVE_METRICS = (
    textstat.flesch_reading_ease,
    textstat.flesch_kincaid_grade,
    textstat.gunning_fog,
    textstat.smog_index,
    textstat.coleman_liau_index,
    textstat.dale_chall_readability_score,
    textstat.words_per_sentence,
    textstat.avg_syllables_per_word,
)


def generate_corpus(seeds: Corpus, n_articles: int, *, seed: int = SEED) -> Corpus:
    """``n_articles`` articles made of seed paragraphs drawn at random (with their sentences)."""
    rng = np.random.default_rng(seed)
    pool = seeds.paragraphs[["article_id", "paragraph"]].reset_index(drop=True)
    lengths = rng.integers(*PARAGRAPHS_PER_ARTICLE, endpoint=True, size=n_articles)
    ids = np.array([f"bench-{i:05d}" for i in range(n_articles)])
    drawn = pool.iloc[rng.integers(0, len(pool), size=lengths.sum())].reset_index(drop=True)
    drawn = drawn.rename(columns={"article_id": "source_id", "paragraph": "source_paragraph"})
    drawn["article_id"] = np.repeat(ids, lengths)
    drawn["paragraph"] = drawn.groupby("article_id").cumcount() + 1
    keys = {"article_id": "source_id", "paragraph": "source_paragraph"}
    paragraphs = drawn.merge(seeds.paragraphs.rename(columns=keys), on=list(keys.values()))
    sentences = drawn.merge(seeds.sentences.rename(columns=keys), on=list(keys.values()))
    sentences = sentences.sort_values(["article_id", "paragraph", "sentence"], kind="stable")
    sentences["sentence"] = sentences.groupby("article_id").cumcount() + 1
    outlets = seeds.articles["outlet"].to_numpy()
    articles = pd.DataFrame(
        {
            "article_id": ids,
            "outlet": outlets[rng.integers(0, len(outlets), size=n_articles)],
            "canonical": True,
        }
    )
    order = ["article_id", "paragraph"]
    return Corpus(
        articles=articles,
        paragraphs=paragraphs.sort_values(order, kind="stable")[[*order, "text"]].reset_index(
            drop=True
        ),
        sentences=sentences.drop(columns=list(keys.values())).reset_index(drop=True),
        removed=seeds.removed.iloc[:0],
        source="benchmark",
    )


# --------------------------------------------------------------------------- measuring


def _reset_peak() -> bool:
    """Reset this process's resident-set high-water mark (Linux); False where not possible."""
    try:
        Path("/proc/self/clear_refs").write_text("5")
    except OSError:
        return False
    return True


def _status_mb(field: str) -> float:
    """A memory field of /proc/self/status in MB (VmHWM, VmRSS), or the rusage peak elsewhere."""
    try:
        for line in Path("/proc/self/status").read_text().splitlines():
            if line.startswith(field + ":"):
                return int(line.split()[1]) / 1024
    except OSError:
        pass
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def _children_peak_mb() -> float:
    """The largest peak resident set of any finished child process so far, in MB (Linux: KB)."""
    return resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024


@dataclass(frozen=True)
class Measured:
    """One step's result, wall-clock and CPU seconds (this process and its workers), and its
    peak and starting resident set of this process (MB)."""

    result: object
    seconds: float
    cpu_seconds: float
    peak_mb: float
    before_mb: float


def _cpu_seconds() -> float:
    """User + system CPU time of this process and of its finished children so far."""
    own = resource.getrusage(resource.RUSAGE_SELF)
    children = resource.getrusage(resource.RUSAGE_CHILDREN)
    return own.ru_utime + own.ru_stime + children.ru_utime + children.ru_stime


def measure(step: Callable[[], object]) -> Measured:
    """Run ``step`` and measure it (CPU time counts worker processes once they have exited)."""
    _reset_peak()
    before = _status_mb("VmRSS")
    cpu, start = _cpu_seconds(), time.perf_counter()
    result = step()
    seconds, cpu = time.perf_counter() - start, _cpu_seconds() - cpu
    return Measured(result, seconds, cpu, _status_mb("VmHWM"), before)


def _workers_mb() -> str:
    peak = _children_peak_mb()
    return f"largest worker {peak:,.0f} MB" if peak else "no workers"


def naive_readability(texts: list[str]) -> list[list[float]]:
    """textstat's functions called one by one on each text (what a first script would do)."""
    return [[metric(text) for metric in NAIVE_METRICS] for text in texts]


# --------------------------------------------------------------------------- the benchmark


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=N_ARTICLES)
    args = parser.parse_args(argv)
    cores = os.cpu_count() or 1

    seeds = analysis.load_corpus()
    if "voice" not in seeds.sentences.columns:  # loaders without analysis.quotes built in
        seeds = quotes.annotate(seeds)
    corpus = generate_corpus(seeds, args.articles)
    texts = [
        fold_typography(t)
        for t in corpus.paragraphs.groupby("article_id", sort=False)["text"].agg("\n\n".join)
    ]
    n_words = int(corpus.paragraphs["text"].map(count_words).sum())
    n_sentences = len(corpus.sentences)
    tone.readability_scores(texts[0])  # load the pronouncing dictionary before timing
    textstat.flesch_reading_ease(texts[0])
    tone.sentence_sentiment(seeds)  # load VADER's lexicon before timing

    load = ", ".join(f"{x:.1f}" for x in os.getloadavg())
    lines = [
        f"tone benchmark: {args.articles:,} articles, {len(corpus.paragraphs):,} paragraphs, "
        f"{n_sentences:,} sentences, {n_words:,} words (seed paragraphs drawn at random, seed "
        f"{SEED}); {cores} cores, load average {load} at start; Python {sys.version.split()[0]}",
    ]

    processes = cores if n_sentences >= parallel.MIN_TEXTS else 1
    vader = measure(lambda: tone.sentence_sentiment(corpus))
    lines.append(
        f"VADER, sentence_sentiment in {processes} processes: {vader.seconds:.1f} s wall, "
        f"{vader.cpu_seconds:.1f} s CPU ({n_sentences / vader.seconds:,.0f} sentences/s); "
        f"peak RSS {vader.peak_mb:,.0f} MB (corpus loaded: {vader.before_mb:,.0f} MB), "
        f"{_workers_mb()}"
    )
    sample = corpus.sentences["text"].map(fold_typography).tolist()[:SERIAL_SAMPLE]
    serial = measure(lambda: tone._score_texts(sample))
    scale = n_sentences / len(sample)
    lines.append(
        f"VADER in one process: {len(sample):,}-sentence sample in {serial.seconds:.1f} s, "
        f"scaled to the corpus ~{serial.seconds * scale:.0f} s wall, "
        f"~{serial.cpu_seconds * scale:.0f} s CPU"
    )

    fast = measure(lambda: [readability.readability_scores(t) for t in texts])
    lines.append(
        f"readability, shared counts (readability_scores, 1 process): {fast.seconds:.1f} s "
        f"wall, {fast.cpu_seconds:.1f} s CPU ({args.articles / fast.seconds:,.0f} articles/s); "
        f"peak RSS {fast.peak_mb:,.0f} MB (before: {fast.before_mb:,.0f} MB)"
    )
    naive_sample = texts[: min(NAIVE_SAMPLE, len(texts))]
    naive = measure(lambda: naive_readability(naive_sample))
    scale = len(texts) / len(naive_sample)
    lines.append(
        f"readability, textstat one metric at a time (8 calls per article, 1 process): "
        f"{len(naive_sample)}-article sample in {naive.seconds:.1f} s, scaled to the corpus "
        f"~{naive.seconds * scale:.0f} s wall, ~{naive.cpu_seconds * scale:.0f} s CPU "
        f"({naive.cpu_seconds * scale / fast.cpu_seconds:.1f}x the shared-counts CPU time)"
    )

    if "voice" in corpus.sentences.columns:
        table = measure(lambda: tone.readability(corpus))
        processes = cores if 2 * args.articles >= parallel.MIN_TEXTS else 1
        lines.append(
            f"readability table (body + writer, with MTLD and MATTR) in {processes} processes: "
            f"{len(table.result):,} rows in {table.seconds:.1f} s wall, {table.cpu_seconds:.1f} s "
            f"CPU; peak RSS {table.peak_mb:,.0f} MB (before: {table.before_mb:,.0f} MB), "
            f"{_workers_mb()}"
        )
    else:
        lines.append("readability table: skipped (the corpus has no 'voice' column yet)")

    print("\n".join(lines))
    assert len(vader.result) == n_sentences
    return 0


if __name__ == "__main__":
    sys.exit(main())
