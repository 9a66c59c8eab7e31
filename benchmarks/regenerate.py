"""How long `make figures` takes, against a floor: the same number of notebooks that only import
the libraries, executed the same way (papermill, one kernel each, driven from one process).

    .venv/bin/python benchmarks/regenerate.py [--repeat 3]

Prints the floor, a cold run (empty corpus cache) and a warm run (cache filled by the cold run),
each the best of --repeat runs, and the ratio to the floor. Figures go to a temporary folder, so
the committed figures/ are not touched. Target (issue 8): warm run at most 1.5x the floor.
"""

from __future__ import annotations

import argparse
import os
import tempfile
import time
from pathlib import Path

import nbformat
import papermill

from analysis import run

IMPORTS = """\
import analysis, analysis.corpus, analysis.figures
import matplotlib.pyplot, numpy, pandas, scipy.stats, sklearn.feature_extraction.text
"""


def floor_notebooks(folder: Path, count: int) -> list[Path]:
    """``count`` notebooks whose one cell imports what the real notebooks import."""
    made = []
    for i in range(1, count + 1):
        nb = nbformat.v4.new_notebook(
            cells=[nbformat.v4.new_code_cell(IMPORTS)],
            metadata={
                "kernelspec": {"name": run.KERNEL, "display_name": "Python 3", "language": "python"}
            },
        )
        path = folder / f"{i:02d}_floor.ipynb"
        nbformat.write(nb, path)
        made.append(path)
    return made


def time_floor(notebooks: list[Path], out: Path) -> float:
    start = time.perf_counter()
    for nb in notebooks:
        papermill.execute_notebook(
            str(nb), str(out / nb.name), kernel_name=run.KERNEL, progress_bar=False
        )
    return time.perf_counter() - start


def time_figures(out: Path, build: Path) -> float:
    start = time.perf_counter()
    run.run(None, out, build_dir=build)
    return time.perf_counter() - start


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    count = len(run.notebooks())
    with tempfile.TemporaryDirectory() as tmp:
        tmp = Path(tmp)
        os.environ["FRAMING_CACHE_DIR"] = str(tmp / "cache")
        floor = min(time_floor(floor_notebooks(tmp, count), tmp) for _ in range(args.repeat))
        cold = []
        for i in range(args.repeat):
            os.environ["FRAMING_CACHE_DIR"] = str(tmp / f"cold-cache-{i}")
            cold.append(time_figures(tmp / f"cold-{i}", tmp / "build"))
        os.environ["FRAMING_CACHE_DIR"] = str(tmp / "cold-cache-0")
        warm = min(time_figures(tmp / f"warm-{i}", tmp / "build") for i in range(args.repeat))
    print(f"notebooks: {count}; best of {args.repeat} runs; {os.cpu_count()} cores")
    print(f"floor (import-only notebooks): {floor:6.1f} s")
    print(f"make figures, cold cache:      {min(cold):6.1f} s  ({min(cold) / floor:.2f}x floor)")
    print(f"make figures, warm cache:      {warm:6.1f} s  ({warm / floor:.2f}x floor)")


if __name__ == "__main__":
    main()
