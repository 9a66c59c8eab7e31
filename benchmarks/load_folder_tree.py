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
"""

from __future__ import annotations

import argparse
import os
import resource
import sys
import tempfile
import time
import warnings
from pathlib import Path


def cpu_seconds(who: int) -> float:
    usage = resource.getrusage(who)
    return usage.ru_utime + usage.ru_stime


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("folder", nargs="?", default=os.environ.get("BBC_DIR", "/work/data/bbc"))
    parser.add_argument("--rounds", type=int, default=2)
    args = parser.parse_args(argv)
    folder = Path(args.folder)
    if not folder.is_dir():
        print(f"benchmarks/load_folder_tree.py: no folder {folder} (pass the BBC dataset's folder)")
        return 0
    import analysis

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
