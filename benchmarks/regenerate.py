"""How long `make figures` takes, against a floor: the same number of notebooks that only import
the libraries, executed the same way (``analysis.run.execute``: nbclient, a fresh kernel each,
driven from one process).

    .venv/bin/python benchmarks/regenerate.py [--repeat 3]

Floor notebook k imports what notebook k imports: its own import statements, and the third-party
libraries it ends up loading through ``analysis`` (found by running each notebook once with a last
cell that lists them; ``analysis`` loads heavy libraries only when first used). Its own work, such
as reading CMUdict or drawing a figure, is not in the floor.

Prints the floor, a cold run (an empty content cache, as on a fresh clone) and a warm run (the
cache the cold run before it filled) over --repeat interleaved rounds: the best and the median
wall time, and the best CPU time of this process and the kernels (which a busy or drifting
virtual machine disturbs less), each with its ratio to the floor. Figures go to a temporary
folder, so the committed figures/ are not touched. Target (issue 8): at most 1.5x the floor.
"""

from __future__ import annotations

import argparse
import ast
import json
import os
import resource
import statistics
import tempfile
import time
from pathlib import Path

import nbformat

from analysis import run

#: For each third-party package a notebook may load, the module whose import loads what it uses.
ENTRY_POINTS = {
    "cmudict": "cmudict",
    "datasketch": "datasketch",
    "ipywidgets": "ipywidgets",
    "matplotlib": "matplotlib.pyplot",
    "numpy": "numpy",
    "pandas": "pandas",
    "pyphen": "pyphen",
    "scipy": "scipy.stats",
    "sklearn": "sklearn.feature_extraction.text",
    "syntok": "syntok.segmenter",
    "textstat": "textstat",
    "vaderSentiment": "vaderSentiment.vaderSentiment",
    "yaml": "yaml",
}
PROBE = f"""\
import json as _json, sys as _sys
print(_json.dumps(sorted({{m.split(".")[0] for m in _sys.modules}} & set({sorted(ENTRY_POINTS)!r}))))
"""


#: How each column summarises the rounds: the best and the median wall time, the best CPU time.
STATS = {
    "wall best": lambda rounds: min(wall for wall, _ in rounds),
    "wall median": lambda rounds: statistics.median(wall for wall, _ in rounds),
    "CPU best": lambda rounds: min(cpu for _, cpu in rounds),
}
LABELS = {
    "floor": "floor (import-only notebooks)",
    "cold": "make figures, cold cache",
    "warm": "make figures, warm cache",
}


def _kernel_metadata() -> dict:
    return {"kernelspec": {"name": run.KERNEL, "display_name": "Python 3", "language": "python"}}


def own_imports(notebook: Path) -> list[str]:
    """The import statements of ``notebook``'s code cells, in order."""
    nb = nbformat.read(notebook, as_version=4)
    found = []
    for cell in nb.cells:
        if cell.cell_type == "code":
            tree = ast.parse(cell.source)
            found += [
                ast.unparse(n) for n in ast.walk(tree) if isinstance(n, ast.Import | ast.ImportFrom)
            ]
    return found


def loaded_libraries(notebook: Path, folder: Path) -> list[str]:
    """The third-party packages of ENTRY_POINTS loaded once ``notebook`` has run."""
    nb = nbformat.read(notebook, as_version=4)
    nb.cells.append(nbformat.v4.new_code_cell(PROBE))
    probe = folder / f"probe_{notebook.name}"
    nbformat.write(nb, probe)
    run.execute(probe, probe)
    output = nbformat.read(probe, as_version=4).cells[-1].outputs[0]["text"]
    return json.loads(output)


def floor_notebooks(folder: Path) -> list[Path]:
    """One import-only notebook per real notebook."""
    made = []
    for notebook in run.notebooks():
        imports = own_imports(notebook)
        imports += [f"import {ENTRY_POINTS[lib]}" for lib in loaded_libraries(notebook, folder)]
        cell = nbformat.v4.new_code_cell("\n".join(imports))
        path = folder / f"floor_{notebook.name}"
        nbformat.write(nbformat.v4.new_notebook(cells=[cell], metadata=_kernel_metadata()), path)
        made.append(path)
    return made


def cpu_seconds() -> float:
    """CPU time of this process and of its finished children (the kernels), user + system."""
    own, children = (
        resource.getrusage(resource.RUSAGE_SELF),
        resource.getrusage(resource.RUSAGE_CHILDREN),
    )
    return own.ru_utime + own.ru_stime + children.ru_utime + children.ru_stime


def timed(step) -> tuple[float, float]:
    """``(wall seconds, CPU seconds)`` that ``step()`` takes."""
    wall, cpu = time.perf_counter(), cpu_seconds()
    step()
    return time.perf_counter() - wall, cpu_seconds() - cpu


def run_floor(notebooks: list[Path], out: Path) -> None:
    for nb in notebooks:
        run.execute(nb, out / nb.name)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        tmp = Path(tmp)
        os.environ["FRAMING_FIGURES_DIR"] = str(tmp / "probe-figures")
        os.environ["FRAMING_CACHE_DIR"] = str(tmp / "probe-cache")
        build = tmp / "build"
        floors = floor_notebooks(tmp)
        for path in floors:
            print(f"{path.name}: {nbformat.read(path, as_version=4).cells[0].source!r}")
        # Interleaved (floor, cold, warm) rounds, so a machine that slows down or speeds up
        # during the run shifts all three alike.
        times = {"floor": [], "cold": [], "warm": []}
        for i in range(args.repeat):
            times["floor"].append(timed(lambda: run_floor(floors, tmp)))
            os.environ["FRAMING_CACHE_DIR"] = str(tmp / f"cache-{i}")
            for kind in ("cold", "warm"):
                out = tmp / f"{kind}-{i}"
                times[kind].append(timed(lambda out=out: run.run(None, out, build_dir=build)))
    print(f"notebooks: {len(floors)}; {args.repeat} interleaved rounds; {os.cpu_count()} cores")
    print("                                wall best  wall median   CPU best")
    floor = {stat: pick(times["floor"]) for stat, pick in STATS.items()}
    for kind, label in LABELS.items():
        row = {stat: pick(times[kind]) for stat, pick in STATS.items()}
        cells = "".join(
            f"{row[stat]:6.1f} s" + ("" if kind == "floor" else f" {row[stat] / floor[stat]:.2f}x")
            for stat in STATS
        )
        print(f"{label:32s}{cells}")


if __name__ == "__main__":
    main()
