"""The per-article stage on a synthetic corpus, against the naive per-library floor:
``python benchmarks/per_article.py --articles 10000`` (the issue's size is 100,000).

The corpus is written as raw ``.txt`` files (with a manifest) to a temporary folder: each
article is 8-30 paragraphs drawn at random, by a fixed seed, from the seed articles, and the
seeds' story lexicons go with it. The suite's per-article stage runs on it chunk by chunk
(:func:`analysis.streaming.run_stage`, ``--chunk`` articles at a time): load (decode, clean,
split, quotations, voice), VADER per sentence, readability per article, hedge, booster and
escalation matches, term counts, frame and fact tags; each chunk's article-level tables are
written as Parquet and added into the outlet-level tables, then dropped. Every key of the
suite's per-article caches includes the article's id or manifest row, so the synthetic corpus's
repeated paragraphs are computed every time they occur, as a real corpus's texts are. The
content cache is cold (a folder of the run's own).

After each chunk a line says the articles done, the wall and CPU seconds so far (this process
and its finished workers), the resident memory of this process and its workers now and at its
peak (sampled every 0.2 s): a run stopped early is still evidence.

The floor is what a user would write with the same libraries and no suite: per article, in one
process, textstat's eight readability functions on the article text, VADER on each of its
sentences and a CountVectorizer on the article. It is timed first, on the first
``--floor-sample`` articles of the same corpus in the same run (loaded by the suite with the
cache off, untimed), and each progress line compares the stage's CPU time so far with the
floor's for as many articles (the work is per article, so linear).
The floor does less than the suite (no cleaning, quotations, stance markers, frames or facts).

``--cluster`` runs the stage again on a Dask ``LocalCluster`` of two worker processes (with a
cache of its own, so that they compute) and says whether every outlet-level and article-level
table is the same.
"""

from __future__ import annotations

import argparse
import contextlib
import csv
import os
import shutil
import signal
import sys
import tempfile
import time
from pathlib import Path

import numpy as np
from memory import TreeMemory

import analysis
from analysis import corpus as corpus_module
from analysis import lexicon, streaming

SEED = 20220215
PARAGRAPHS_PER_ARTICLE = (8, 30)


def write_corpus(folder: Path, n_articles: int) -> int:
    """Write ``n_articles`` raw files and their manifest; return the number of words."""
    seeds = analysis.load_corpus()
    pool = seeds.paragraphs["text"].tolist()
    outlets = sorted(seeds.articles["outlet"].unique())
    rng = np.random.default_rng(SEED)
    words = 0
    with open(folder / "articles.csv", "w", newline="", encoding="utf-8") as handle:
        writer = csv.writer(handle)
        writer.writerow(["article_id", "file", "outlet"])
        for i in range(n_articles):
            n = rng.integers(*PARAGRAPHS_PER_ARTICLE, endpoint=True)
            paragraphs = [pool[j] for j in rng.integers(0, len(pool), size=n)]
            text = "\n\n".join(paragraphs) + "\n"
            words += len(text.split())
            (folder / f"a{i:06d}.txt").write_text(text, encoding="utf-8")
            writer.writerow([f"a{i:06d}", f"a{i:06d}.txt", outlets[i % len(outlets)]])
    # The text is the seeds', so are its story lexicons (frames, facts, actors, escalation).
    shutil.copytree(lexicon.story_folder(None), folder / "lexicons")
    return words


@contextlib.contextmanager
def cache_off():
    """The content cache switched off within the block (``FRAMING_CACHE=0``)."""
    previous = os.environ.get("FRAMING_CACHE")
    os.environ["FRAMING_CACHE"] = "0"
    try:
        yield
    finally:
        if previous is None:
            del os.environ["FRAMING_CACHE"]
        else:
            os.environ["FRAMING_CACHE"] = previous


def floor(corpus_dir: Path, sample: int) -> float:
    """CPU seconds for the naive per-library floor on the first ``sample`` articles (loaded by
    the suite, untimed, for their cleaned text and sentences)."""
    import textstat
    from sklearn.feature_extraction.text import CountVectorizer
    from vaderSentiment.vaderSentiment import SentimentIntensityAnalyzer

    metrics = (
        textstat.flesch_reading_ease,
        textstat.flesch_kincaid_grade,
        textstat.gunning_fog,
        textstat.smog_index,
        textstat.coleman_liau_index,
        textstat.dale_chall_readability_score,
        textstat.words_per_sentence,
        textstat.avg_syllables_per_word,
    )
    ids = corpus_module.list_articles(corpus_dir)[:sample]
    with cache_off():  # timed first: leave the stage's cache cold
        corpus = analysis.load_corpus(corpus_dir, articles=ids, label_figures=False)
    texts = corpus.paragraphs.groupby("article_id", sort=False)["text"].agg("\n\n".join)
    sentences = corpus.sentences.groupby("article_id", sort=False)["text"].agg(list)
    analyzer = SentimentIntensityAnalyzer()
    for metric in metrics:  # textstat reads its pronouncing dictionary on first use: not timed
        metric(texts[ids[0]])
    start = time.process_time()
    for article_id in ids:
        text = texts[article_id]
        for metric in metrics:
            metric(text)
        for sentence in sentences[article_id]:
            analyzer.polarity_scores(sentence)
        CountVectorizer().fit_transform([text])
    return time.process_time() - start


def run(
    corpus_dir: Path,
    memory: TreeMemory,
    *,
    chunk: int,
    out: Path,
    scheduler=None,
    floor_rate: float | None = None,
):
    """The per-article stage of ``corpus_dir``, its tables written to ``out``, a progress line
    per chunk (with the CPU time against the floor's, at ``floor_rate`` articles per CPU second);
    the :class:`~analysis.streaming.StageResult`, wall and CPU seconds."""
    wall, cpu = time.perf_counter(), cpu_seconds()

    def report(done: int, total: int) -> None:
        used = cpu_seconds() - cpu
        against = f"  {used * floor_rate / done:.2f}x the floor" if floor_rate else ""
        print(
            f"  {done:>9,} / {total:,} articles  {time.perf_counter() - wall:8.1f} s wall "
            f"{used:8.1f} s CPU ({done / used:5.1f} articles per CPU second{against})  "
            f"now {memory.sample() / 2**20:6,.0f} MiB  peak {memory.peak / 2**20:6,.0f} MiB",
            flush=True,
        )

    result = streaming.run_stage(
        corpus_dir, chunk_articles=chunk, folder=out, scheduler=scheduler, on_chunk=report
    )
    return result, time.perf_counter() - wall, cpu_seconds() - cpu


def same_tables(a: streaming.StageResult, b: streaming.StageResult) -> list[str]:
    """The tables (outlet-level, then article-level) that differ between two runs."""
    differ = [name for name in a.tables if not a.tables[name].equals(b.tables[name])]
    for name in streaming.ARTICLE_TABLES:
        if not a.read(name).equals(b.read(name)):
            differ.append(f"{name} (article level)")
    return differ


def on_local_cluster(corpus_dir: Path, cache_dir: Path, default, chunk: int) -> None:
    """The same stage on a ``LocalCluster`` of 2 worker processes, with a cache of their own (so
    that they compute, not read the default run's store); print whether every table is the same."""
    from distributed import Client, LocalCluster

    os.environ["FRAMING_CACHE_DIR"] = str(cache_dir)
    print("  the same on a LocalCluster of 2 workers (1 thread each), cold cache:")
    with (
        LocalCluster(n_workers=2, threads_per_worker=1, dashboard_address=None) as cluster,
        Client(cluster, set_as_default=False) as client,
        TreeMemory() as memory,
    ):
        result, wall, cpu = run(
            corpus_dir, memory, chunk=chunk, out=cache_dir / "tables", scheduler=client
        )
    differ = same_tables(default, result)
    print(
        f"  LocalCluster: {wall:.1f} s wall, {cpu:.1f} s CPU of this process (the workers' CPU "
        f"is not counted), peak {memory.peak / 2**20:,.0f} MiB; "
        + ("every table the same as the default run" if not differ else f"DIFFERENT: {differ}")
    )


def cpu_seconds() -> float:
    """CPU time of this process and its finished children (Dask's worker processes)."""
    t = os.times()
    return t.user + t.system + t.children_user + t.children_system


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=10_000)
    parser.add_argument("--chunk", type=int, default=streaming.CHUNK_ARTICLES)
    parser.add_argument("--floor-sample", type=int, default=1_000)
    parser.add_argument(
        "--cluster", action="store_true", help="run again on a LocalCluster of 2 workers, compare"
    )
    args = parser.parse_args(argv)
    signal.signal(signal.SIGTERM, lambda *_: sys.exit(143))  # stopped: still remove the folder
    folder = Path(tempfile.mkdtemp(prefix="bench-per-article-"))
    os.environ["FRAMING_CACHE_DIR"] = str(folder / "cache")  # cold: nothing computed before
    try:
        corpus_dir = folder / "corpus"
        corpus_dir.mkdir()
        words = write_corpus(corpus_dir, args.articles)
        cores = os.cpu_count() or 1
        n = args.articles
        print(
            f"per-article stage: {n:,} synthetic articles, {words / 1e6:.2f} M words, "
            f"chunks of {args.chunk:,}, {cores} cores, load average {os.getloadavg()[0]:.1f} "
            "at the start",
            flush=True,
        )
        sample = min(args.floor_sample, n)
        seconds = floor(corpus_dir, sample)
        rate = sample / seconds
        print(
            f"  naive floor (textstat x 8 + VADER per sentence + CountVectorizer, per article, one "
            f"process): {seconds:.1f} s CPU for the first {sample:,} articles, {rate:,.1f} "
            f"articles per CPU second, {n / rate:,.1f} s scaled to {n:,}",
            flush=True,
        )
        with TreeMemory() as memory:
            result, wall, cpu = run(
                corpus_dir, memory, chunk=args.chunk, out=folder / "tables", floor_rate=rate
            )
        print(
            f"  whole stage: {wall:.1f} s wall, {cpu:.1f} s CPU, peak {memory.peak / 2**20:,.0f} "
            f"MiB (this process and its workers); {n / cpu:,.1f} articles per CPU second, "
            f"{n / wall:,.1f} articles/s wall ({n / wall / cores:,.1f} per core); "
            f"load average {os.getloadavg()[0]:.1f} at the end; suite / floor "
            f"{cpu * rate / n:.2f}x in CPU time",
            flush=True,
        )
        if args.cluster:
            on_local_cluster(corpus_dir, folder / "cache-cluster", result, args.chunk)
    finally:
        shutil.rmtree(folder, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
