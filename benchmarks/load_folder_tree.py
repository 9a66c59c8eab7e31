"""Load a folder tree without a manifest: ``python benchmarks/load_folder_tree.py [DIR]``.

The BBC News dataset (D. Greene and P. Cunningham, ICML 2006: 2,225 articles from 2004-2005 in
five topic folders, one file in Latin-1, a ``README.TXT`` at the top) is the usual shape of a
collection: ``corpus/<outlet>/<file>.txt``. ``analysis.load_corpus(DIR)`` infers the manifest
(outlets from the folders; the README is skipped as documentation) and cleans, splits and
annotates every article. The dataset is not part of this repository; pass its folder
(default ``/work/data/bbc``, or ``$BBC_DIR``).

Each round loads with an empty content cache of its own (a cold load, as on a first run), and
prints the wall time, the CPU time of this process (the serial part: reading, keys, assembling
the tables) and of its worker processes, and the load average of the machine at the start (the
project's machine is a shared 2-core VM).

``--schedule`` says what the wall time would be on idle cores, which a shared machine cannot
show: it runs each chunk of the per-article map (clean, split, quotations, voice) in this
process, timing its CPU, for the chunks cut by number of articles and by bytes
(:func:`analysis.parallel.split`), and lays the timed chunks on ``--workers`` cores in the order
Dask hands them out (each to the first free core), and in 1,000 random orders. It prints each layout's span (the workers'
part of the wall time on idle cores), the total CPU and the span of a perfect split (total /
cores).
"""

from __future__ import annotations

import argparse
import os
import random
import resource
import sys
import tempfile
import time
import warnings
from pathlib import Path


def cpu_seconds(who: int) -> float:
    usage = resource.getrusage(who)
    return usage.ru_utime + usage.ru_stime


def chunk_seconds(chunks: list) -> list[float]:
    """CPU seconds of the per-article map on each chunk, in this process."""
    from analysis import corpus, parallel

    seconds = []
    with parallel.using("sync"):
        for chunk in chunks:
            start = time.process_time()
            corpus._annotated_chunk(chunk)
            seconds.append(time.process_time() - start)
    return seconds


def span(seconds: list[float], workers: int) -> float:
    """When the last chunk ends, each chunk taken in order by the first free worker."""
    free = [0.0] * workers
    for s in seconds:
        free[free.index(min(free))] += s
    return max(free)


def schedule(folder: Path, workers: int) -> None:
    """Print the span of the per-article map on idle cores, chunks cut by count and by bytes."""
    from analysis import corpus, parallel

    rows, _ = corpus._folder_rows(folder, allow_unlisted=False, outlet_from="folder")
    jobs = [corpus._job(row, corpus_dir=folder, base=folder) for row in rows]
    parts = parallel.n_chunks(len(jobs), min_items=parallel.MIN_ARTICLES, workers=workers)
    for label, sizes in (("by count", None), ("by bytes", [len(raw) for *_, raw in jobs])):
        seconds = chunk_seconds(parallel.split(jobs, parts, sizes))
        total = sum(seconds)
        orders = random.Random(0).sample(range(len(seconds)), len(seconds))
        worst = max(
            span([seconds[i] for i in random.Random(k).sample(orders, len(orders))], workers)
            for k in range(1_000)
        )
        print(
            f"chunks {label}: {len(seconds)} chunks of {min(seconds):.1f}-{max(seconds):.1f} s "
            f"CPU, {total:.1f} s in all; span on {workers} idle cores "
            f"{span(seconds, workers):.1f} s in order, {worst:.1f} s in the worst of 1,000 "
            f"random orders (a perfect split: {total / workers:.1f} s)"
        )


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("folder", nargs="?", default=os.environ.get("BBC_DIR", "/work/data/bbc"))
    parser.add_argument("--rounds", type=int, default=2)
    parser.add_argument("--schedule", action="store_true", help="span of the map on idle cores")
    parser.add_argument("--workers", type=int, default=2, help="with --schedule: cores")
    args = parser.parse_args(argv)
    folder = Path(args.folder)
    if not folder.is_dir():
        print(f"benchmarks/load_folder_tree.py: no folder {folder} (pass the BBC dataset's folder)")
        return 0
    import analysis

    if args.schedule:
        schedule(folder, args.workers)
        return 0

    for k in range(1, args.rounds + 1):
        with tempfile.TemporaryDirectory() as cache_dir:
            os.environ["FRAMING_CACHE_DIR"] = cache_dir
            load = os.getloadavg()[0]
            own = cpu_seconds(resource.RUSAGE_SELF)
            workers = cpu_seconds(resource.RUSAGE_CHILDREN)
            start = time.perf_counter()
            with warnings.catch_warnings(record=True) as caught:
                warnings.simplefilter("always")
                corpus = analysis.load_corpus(folder)
            wall = time.perf_counter() - start
            own = cpu_seconds(resource.RUSAGE_SELF) - own
            workers = cpu_seconds(resource.RUSAGE_CHILDREN) - workers
        outlets = corpus.articles["outlet"].value_counts().sort_index().to_dict()
        encodings = corpus.articles["encoding"].value_counts().to_dict()
        print(
            f"round {k}: {len(corpus.articles)} articles, {len(corpus.paragraphs)} paragraphs, "
            f"{len(corpus.sentences)} sentences in {wall:.1f} s wall, {own + workers:.1f} s CPU "
            f"({own:.1f} s in this process, {workers:.1f} s in its workers; load average "
            f"{load:.1f} at the start)"
        )
    print(f"outlets: {outlets}")
    print(f"encodings: {encodings}")
    for w in caught[:1]:
        print(f"warning: {w.message}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
