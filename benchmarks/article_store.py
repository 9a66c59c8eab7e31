"""What the per-article Parquet store saves: ``python benchmarks/article_store.py /work/data/bbc``.

``load_corpus`` on a corpus (a folder with ``articles.csv``, or a BBC-style folder tree laid out
flat as in ``figures_corpus.py``; default: the seeds), three times, each with the whole-corpus
cache entry out of the way so that only the per-article store can help:

1. cold: an empty cache, every article cleaned and split;
2. grown: the same corpus with ``--new`` articles (default 1%) added, which it has not seen;
3. warm: the same corpus again, every article read back from Parquet.

Quotations and voices are found for the whole corpus each time (they are not stored per
article). Wall and CPU time (this process and its workers) per load; the lines are for the
README.
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

from figures_corpus import flat_corpus

import analysis
from analysis import paths


def cpu_seconds() -> float:
    t = os.times()
    return t.user + t.system + t.children_user + t.children_system


def timed_load(folder: Path, cache: Path) -> tuple[float, float, int]:
    for entry in cache.glob("corpus-*.pkl"):
        entry.unlink()  # the whole-corpus entry: only the per-article store may help
    wall, cpu = time.perf_counter(), cpu_seconds()
    corpus = analysis.load_corpus(folder)
    return time.perf_counter() - wall, cpu_seconds() - cpu, len(corpus.articles)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("corpus", type=Path, nargs="?", default=paths.SEEDS)
    parser.add_argument("--new", type=float, default=0.01, help="share of articles added")
    args = parser.parse_args(argv)
    source = flat_corpus(args.corpus, None)
    import pyarrow.parquet  # noqa: F401  (imports are not what is measured)

    from analysis import quotes  # noqa: F401

    work = Path(tempfile.mkdtemp(prefix="bench-store-"))
    cache = work / "cache"
    os.environ["FRAMING_CACHE_DIR"] = str(cache)
    try:
        with open(source / "articles.csv", encoding="utf-8") as handle:
            rows = list(csv.DictReader(handle))
        n_new = max(1, round(len(rows) * args.new))
        small, full = work / "small", work / "full"
        for folder, subset in ((small, rows[:-n_new]), (full, rows)):
            folder.mkdir()
            with open(folder / "articles.csv", "w", newline="", encoding="utf-8") as handle:
                writer = csv.DictWriter(handle, fieldnames=list(rows[0]))
                writer.writeheader()
                writer.writerows(subset)
            for row in subset:
                (folder / row["file"]).symlink_to((source / row["file"]).resolve())
        print(
            f"load_corpus on {args.corpus}: {os.cpu_count()} cores, load average {os.getloadavg()[0]:.1f}"
        )
        for label, folder in (
            ("cold, every article cleaned", small),
            (f"grown by {n_new} new articles", full),
            ("warm, every article from Parquet", full),
        ):
            wall, cpu, n = timed_load(folder, cache)
            print(f"  {label:<34} {n:6,} articles {wall:7.1f} s wall {cpu:7.1f} s CPU", flush=True)
    finally:
        shutil.rmtree(work, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
