"""Time ``make figures CORPUS=…`` notebook by notebook, with peak memory:
``python benchmarks/figures_corpus.py /work/data/bbc``.

Each notebook runs as ``python -m analysis.run --only NN --corpus … --out …`` in its own process
(as ``make figures`` runs it, in a fresh kernel), with a fresh content cache unless
``--warm``. A watcher samples the resident memory of that process and all its descendants (the
kernel, and any Dask workers) every 0.2 s and reports the peak of their sum. Above
``--max-gb`` it kills the kernel, so that a notebook that would take the whole machine fails as
a dead kernel ("cell K: kernel died (out of memory?)") rather than taking other work with it.

``CORPUS`` is a folder with ``articles.csv``, or a folder tree of ``.txt`` files such as the BBC
News dataset (``business/001.txt``, …; a ``README.TXT`` at the top is ignored). A tree is laid
out flat under ``build/bench-corpus/<name>/`` (symlinks, and a manifest whose outlet is the
subfolder), the form ``load_corpus`` reads today. ``--sample N`` takes N files at random (fixed
seed); ``--sizes 300 1000 0`` runs each of those sample sizes in turn (0: every file) and ends
with each notebook's growth exponent ``b`` (time ~ articles ** b) from the smallest size to the
largest and between consecutive sizes, in wall and in CPU time (on a shared machine the CPU
exponent is the one to trust).

``--whole`` instead times one ``python -m analysis.run --corpus …`` (what ``make figures
CORPUS=…`` runs: every notebook, one cold cache, the folder or tree as given): wall time, CPU
seconds of the whole process tree, CPU% (CPU over wall: 200% is both cores busy throughout) and
the peak of the tree's summed resident memory. ``--jobs N`` is passed on to it.

The lines printed are meant to be pasted into the README.
"""

from __future__ import annotations

import argparse
import csv
import math
import os
import random
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from memory import TreeMemory

from analysis import paths, run

SEED = 20220215


def flat_corpus(tree: Path, sample: int | None) -> Path:
    """``tree`` if it has a manifest; else a flat copy (symlinks) with one, under build/."""
    if (tree / "articles.csv").is_file():
        return tree
    files = sorted(p for p in tree.rglob("*.txt") if p.parent != tree)
    if sample:
        files = sorted(random.Random(SEED).sample(files, min(sample, len(files))))
    name = tree.resolve().name + (f"-{len(files)}" if sample else "")
    folder = paths.BUILD / "bench-corpus" / name
    shutil.rmtree(folder, ignore_errors=True)
    folder.mkdir(parents=True)
    with open(folder / "articles.csv", "w", newline="", encoding="utf-8") as handle:
        writer = csv.writer(handle)
        writer.writerow(["article_id", "file", "outlet"])
        for path in files:
            article_id = f"{path.parent.name}-{path.stem}"
            (folder / f"{article_id}.txt").symlink_to(path.resolve())
            writer.writerow([article_id, f"{article_id}.txt", path.parent.name])
    return folder


def time_notebook(notebook: str, corpus: Path, out: Path, env: dict, limit: float) -> dict:
    command = [
        sys.executable,
        "-m",
        "analysis.run",
        "--only",
        notebook,
        "--corpus",
        str(corpus),
        "--out",
        str(out),
    ]
    cpu_before = os.times()
    start = time.perf_counter()
    proc = subprocess.Popen(
        command, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True
    )
    with TreeMemory(proc.pid, limit=limit) as watcher:
        stdout, stderr = proc.communicate()
    wall = time.perf_counter() - start
    cpu_after = os.times()
    cpu = (cpu_after.children_user - cpu_before.children_user) + (
        cpu_after.children_system - cpu_before.children_system
    )
    error = ""
    if proc.returncode:
        lines = [line for line in stderr.splitlines() if line.startswith("error:")]
        error = (lines or stderr.strip().splitlines() or [f"exit code {proc.returncode}"])[-1]
        if watcher.killed:
            error = f"{error} [killed by this benchmark above {limit / 2**30:.0f} GiB]"
    return {"wall": wall, "cpu": cpu, "peak": watcher.peak, "error": error}


def time_whole_run(corpus: Path, args: argparse.Namespace) -> dict:
    """One ``analysis.run`` over every notebook on ``corpus`` with a cold cache of its own;
    print and return its wall and CPU seconds, CPU% and peak memory."""
    out = Path(tempfile.mkdtemp(prefix="bench-figures-"))
    env = dict(os.environ, FRAMING_CACHE_DIR=str(out / "cache"))
    command = [sys.executable, "-m", "analysis.run", "--corpus", str(corpus)]
    command += ["--out", str(out / "figures"), "--keep-going"]
    if args.jobs:
        command += ["--jobs", str(args.jobs)]
    load = os.getloadavg()[0]
    cpu_before = os.times()
    start = time.perf_counter()
    proc = subprocess.Popen(
        command, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True
    )
    with TreeMemory(proc.pid, limit=args.max_gb * 2**30) as watcher:
        _, stderr = proc.communicate()
    wall = time.perf_counter() - start
    cpu_after = os.times()
    cpu = (cpu_after.children_user - cpu_before.children_user) + (
        cpu_after.children_system - cpu_before.children_system
    )
    status = "ok" if proc.returncode == 0 else f"FAILED: {stderr.strip().splitlines()[-3:]}"
    print(
        f"analysis.run --corpus {corpus} --jobs {args.jobs or 'default'}: {wall:.1f} s wall, "
        f"{cpu:.1f} s CPU, {100 * cpu / wall:.0f}% CPU, peak {watcher.peak / 2**20:,.0f} MiB "
        f"(tree sum); load average {load:.1f} at the start, {os.getloadavg()[0]:.1f} at the end; "
        f"{status}",
        flush=True,
    )
    shutil.rmtree(out, ignore_errors=True)
    return {"wall": wall, "cpu": cpu, "peak": watcher.peak, "error": proc.returncode != 0}


def run_notebooks(corpus: Path, args: argparse.Namespace) -> dict[str, dict]:
    """Time every notebook on ``corpus`` (one shared cache, cold unless ``--warm``); print a
    line per notebook and the total; return the results by notebook prefix."""
    n_files = sum(1 for _ in corpus.glob("*.txt"))
    out = Path(tempfile.mkdtemp(prefix="bench-figures-"))
    env = dict(os.environ)
    if not args.warm:
        env["FRAMING_CACHE_DIR"] = str(out / "cache")
    print(
        f"make figures CORPUS={corpus} ({n_files:,} articles), {os.cpu_count()} cores, "
        f"load average {os.getloadavg()[0]:.1f} at the start, cache {'warm' if args.warm else 'cold'}"
    )
    results: dict[str, dict] = {}
    for notebook in run.notebooks(args.only):
        prefix = notebook.name[:2]
        result = results[prefix] = time_notebook(
            prefix, corpus, out / "figures", env, args.max_gb * 2**30
        )
        status = f"FAILED: {result['error']}" if result["error"] else "ok"
        print(
            f"  {notebook.name:<22} {result['wall']:7.1f} s wall {result['cpu']:7.1f} s CPU "
            f"peak {result['peak'] / 2**20:7,.0f} MiB  {status}",
            flush=True,
        )
        if result["error"] and not args.keep_going:
            break
    total_wall = sum(r["wall"] for r in results.values())
    total_cpu = sum(r["cpu"] for r in results.values())
    peak = max((r["peak"] for r in results.values()), default=0)
    print(
        f"  {'total':<22} {total_wall:7.1f} s wall {total_cpu:7.1f} s CPU "
        f"peak {peak / 2**20:7,.0f} MiB; load average {os.getloadavg()[0]:.1f} at the end"
    )
    shutil.rmtree(out, ignore_errors=True)
    results["total"] = {"wall": total_wall, "cpu": total_cpu, "peak": peak, "error": ""}
    return results


def exponent(small: float, large: float, n_small: int, n_large: int) -> float:
    """The power ``b`` with ``large / small = (n_large / n_small) ** b``."""
    return math.log(large / small) / math.log(n_large / n_small)


def print_exponents(runs: dict[int, dict[str, dict]]) -> None:
    """Per notebook, the growth exponent of wall and CPU time from the smallest to the largest
    size run (and between each pair of consecutive sizes)."""
    sizes = sorted(runs)
    pairs = list(dict.fromkeys([(sizes[0], sizes[-1]), *zip(sizes, sizes[1:], strict=False)]))
    print("growth exponents (time ~ articles ** b), wall / CPU:")
    for notebook in runs[sizes[0]]:
        cells = []
        for lo, hi in pairs:
            a, b = runs[lo].get(notebook), runs[hi].get(notebook)
            if not a or not b or a["error"] or b["error"]:
                cells.append(f"{lo:,}->{hi:,}: n/a")
                continue
            wall = exponent(a["wall"], b["wall"], lo, hi)
            cpu = exponent(a["cpu"], b["cpu"], lo, hi)
            cells.append(f"{lo:,}->{hi:,}: {wall:.2f} / {cpu:.2f}")
        print(f"  {notebook:<6} " + "; ".join(cells))


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "corpus",
        type=Path,
        nargs="?",
        default=paths.SEEDS,
        help="a corpus folder, or a BBC-style folder tree (default: the seeds)",
    )
    parser.add_argument("--sample", type=int, help="take this many files at random")
    parser.add_argument(
        "--sizes",
        type=int,
        nargs="*",
        help="run at each of these sample sizes (0: every file) and print the growth exponents",
    )
    parser.add_argument("--only", nargs="*", help="notebooks to run (default: all)")
    parser.add_argument("--max-gb", type=float, default=6.0, help="kill a kernel above this")
    parser.add_argument("--warm", action="store_true", help="keep the content cache of build/")
    parser.add_argument(
        "--keep-going", action="store_true", help="run later notebooks after one fails"
    )
    parser.add_argument(
        "--whole", action="store_true", help="time one whole analysis.run, not notebook by notebook"
    )
    parser.add_argument("--jobs", type=int, help="with --whole: notebooks run at once")
    args = parser.parse_args(argv)

    if args.whole:
        return 1 if time_whole_run(args.corpus, args)["error"] else 0
    if not args.sizes:
        results = run_notebooks(flat_corpus(args.corpus, args.sample), args)
        return 1 if any(r["error"] for r in results.values()) else 0
    runs: dict[int, dict[str, dict]] = {}
    for size in args.sizes:
        corpus = flat_corpus(args.corpus, size or None)
        runs[sum(1 for _ in corpus.glob("*.txt"))] = run_notebooks(corpus, args)
    print_exponents(runs)
    return 1 if any(r["error"] for res in runs.values() for r in res.values()) else 0


if __name__ == "__main__":
    sys.exit(main())
