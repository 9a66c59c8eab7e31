"""The per-article stage on a synthetic corpus, against the naive per-library floor:
``python benchmarks/per_article.py --articles 10000`` (the issue's size is 100,000).

The corpus is written as raw ``.txt`` files (with a manifest) to a temporary folder: each
article is 8-30 paragraphs drawn at random, by a fixed seed, from the seed articles, and the
seeds' story lexicons go with it. The suite's
per-article stage, every step that looks at one article (or one of its sentences) at a time:

1. ``load_corpus``: decode, clean, split into paragraphs and sentences (Parquet article store,
   cold), quotations and each sentence's voice;
2. ``tone.sentence_sentiment``: VADER on every sentence;
3. ``tone.readability``: textstat's readability, MTLD and MATTR per article, body and writer;
4. ``tone.marker_matches``: hedge, booster and escalation terms of every sentence;
5. ``vocabulary.count_matrix``: term counts (outlet x term);
6. ``emphasis``: frame and fact tags of every text unit.

Steps 2-4 run through :mod:`analysis.stage` (per article, kept as Parquet). Every key of the
suite's per-article caches includes the article's id or manifest row, so the synthetic
corpus's repeated paragraphs are computed every time they occur, as a real corpus's texts are.
``--cluster`` runs the same steps again on a Dask ``LocalCluster`` of two worker processes (with
a cache of its own, so that they compute) and says whether every table is the same.

runs with its default scheduler (all local cores, :mod:`analysis.parallel`), with a cold
content cache. The floor is what a user would write with the same libraries and no suite: per
article, in one process, textstat's eight readability functions on the article text, VADER on
each of its sentences and a CountVectorizer on the article. It is timed on ``--floor-sample``
articles of the same corpus in the same run and scaled to the whole (the work is per article,
so linear). The floor does less than the suite (no cleaning, quotations, frames or facts).

Reported: wall and CPU time per step, articles per second and per second per core, and the peak
resident memory of this process and its workers (sampled every 0.2 s). The lines printed are
meant for the README.
"""

from __future__ import annotations

import argparse
import csv
import os
import shutil
import sys
import tempfile
import time
from pathlib import Path

import numpy as np
from memory import TreeMemory

import analysis
from analysis import emphasis, lexicon, parallel, tone, vocabulary

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


def floor(corpus, sample: int) -> float:
    """CPU seconds for the naive per-library floor on the first ``sample`` articles."""
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
    ids = corpus.article_ids[:sample]
    texts = corpus.paragraphs.groupby("article_id", sort=False)["text"].agg("\n\n".join)
    sentences = corpus.sentences.groupby("article_id", sort=False)["text"].agg(list)
    analyzer = SentimentIntensityAnalyzer()
    start = time.process_time()
    for article_id in ids:
        text = texts[article_id]
        for metric in metrics:
            metric(text)
        for sentence in sentences[article_id]:
            analyzer.polarity_scores(sentence)
        CountVectorizer().fit_transform([text])
    return time.process_time() - start


def stage_steps(corpus_dir: Path) -> dict:
    """The per-article stage as named steps; each takes the results so far."""
    load = "load_corpus (clean, split, quotations, voice)"

    def units(done: dict):
        return emphasis.text_units(done[load])

    return {
        load: lambda done: analysis.load_corpus(corpus_dir),
        "VADER per sentence": lambda done: tone.sentence_sentiment(done[load]),
        "readability per article": lambda done: tone.readability(done[load]),
        "hedges, boosters, escalation": lambda done: tone.marker_matches(
            done[load], ("hedges", "boosters", "escalation")
        ),
        "term counts": lambda done: vocabulary.count_matrix(done[load]),
        "frame and fact tags": lambda done: emphasis.fact_hits(
            u := units(done), claims=emphasis.numeric_claims(u)
        ).join(emphasis.frame_hits(u["text"])),
    }


def run_steps(steps: dict, memory: TreeMemory) -> tuple[dict, float, float]:
    """Run ``steps`` in order, printing each one's wall and CPU time; return the results and the
    total wall and CPU seconds."""
    done: dict = {}
    total_wall = total_cpu = 0.0
    for name, step in steps.items():
        wall, cpu = time.perf_counter(), cpu_seconds()
        done[name] = step(done)
        wall, cpu = time.perf_counter() - wall, cpu_seconds() - cpu
        total_wall += wall
        total_cpu += cpu
        print(
            f"  {name:<46} {wall:7.1f} s wall {cpu:7.1f} s CPU  "
            f"peak so far {memory.peak / 2**20:6,.0f} MiB",
            flush=True,
        )
    return done, total_wall, total_cpu


def same_tables(default: dict, other: dict) -> list[str]:
    """The steps whose results differ between two runs ([] when every table is the same)."""
    differ = []
    for name, a in default.items():
        b = other[name]
        if isinstance(a, analysis.Corpus):
            a, b = a.tables(), b.tables()
            same = a.keys() == b.keys() and all(a[k].equals(b[k]) for k in a)
        elif isinstance(a, tuple):  # count_matrix: (sparse counts, groups, terms)
            same = (a[0] != b[0]).nnz == 0 and a[1:] == b[1:]
        else:
            same = a.equals(b)
        if not same:
            differ.append(name)
    return differ


def on_local_cluster(corpus_dir: Path, cache_dir: Path, default: dict) -> None:
    """The same steps on a ``LocalCluster`` of 2 worker processes, with a cache of their own (so
    that they compute, not read the default run's store); print whether every table is the same."""
    from distributed import Client, LocalCluster

    os.environ["FRAMING_CACHE_DIR"] = str(cache_dir)
    print("  the same on a LocalCluster of 2 workers (1 thread each), cold cache:")
    with (
        LocalCluster(n_workers=2, threads_per_worker=1, dashboard_address=None) as cluster,
        Client(cluster, set_as_default=False) as client,
        parallel.using(client),
        TreeMemory() as memory,
    ):
        results, wall, cpu = run_steps(stage_steps(corpus_dir), memory)
    differ = same_tables(default, results)
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
    parser.add_argument("--floor-sample", type=int, default=1_000)
    parser.add_argument(
        "--cluster", action="store_true", help="run again on a LocalCluster of 2 workers, compare"
    )
    args = parser.parse_args(argv)
    folder = Path(tempfile.mkdtemp(prefix="bench-per-article-"))
    os.environ["FRAMING_CACHE_DIR"] = str(folder / "cache")  # cold: nothing computed before
    try:
        corpus_dir = folder / "corpus"
        corpus_dir.mkdir()
        words = write_corpus(corpus_dir, args.articles)
        cores = os.cpu_count() or 1
        print(
            f"per-article stage: {args.articles:,} synthetic articles, {words / 1e6:.2f} M words, "
            f"{cores} cores, load average {os.getloadavg()[0]:.1f} at the start"
        )
        steps = stage_steps(corpus_dir)
        with TreeMemory() as memory:
            results, total_wall, total_cpu = run_steps(steps, memory)
        corpus = results["load_corpus (clean, split, quotations, voice)"]
        n = args.articles
        print(
            f"  {'whole stage':<46} {total_wall:7.1f} s wall {total_cpu:7.1f} s CPU  "
            f"peak {memory.peak / 2**20:6,.0f} MiB (this process and its workers)"
        )
        print(
            f"  throughput: {n / total_wall:,.1f} articles/s, {n / total_wall / cores:,.1f} "
            f"articles/s per core (wall); {n / total_cpu:,.1f} articles per CPU second"
        )
        sample = min(args.floor_sample, n)
        seconds = floor(corpus, sample)
        scaled = seconds * n / sample
        print(
            f"  naive floor (textstat x 8 + VADER per sentence + CountVectorizer, per article, one "
            f"process): {seconds:.1f} s CPU for {sample:,} articles, {scaled:,.1f} s scaled to "
            f"{n:,} ({n / scaled:,.1f} articles/s)"
        )
        print(
            f"  suite / floor: {total_wall / scaled:.2f}x in wall time, "
            f"{total_cpu / scaled:.2f}x in CPU time"
        )
        if args.cluster:
            on_local_cluster(corpus_dir, folder / "cache-cluster", results)
    finally:
        shutil.rmtree(folder, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
