"""Execute the notebooks headless: ``python -m analysis.run``.

``make figures`` calls this. Notebooks ``notebooks/NN_*.ipynb`` start in the order of their
number, each in a fresh kernel driven by nbclient from this one process, and as many run at once
as there are cores (``--jobs``; :func:`default_jobs`): the notebooks read only the corpus and
write only their own ``NN_*`` files, so they are independent. Each kernel writes into a folder
of its own, and its files join the figures folder when it ends; ``findings.csv`` and
``alt_text.csv``, which every notebook adds rows to, are merged in notebook order, so the
figures folder is byte for byte what a serial run writes. Before several notebooks start, the
corpus is loaded once in a process of its own (:func:`warm_corpus`, on every core), so the
kernels read it from the content cache instead of each cleaning and splitting it. Each kernel
gets its share of the cores for its own parallel steps (``FRAMING_WORKERS``: with two notebooks
on two cores, one each, so no kernel forks workers that would only compete with the other).

The corpus and options reach a notebook through its cell tagged ``parameters`` (papermill
injects them after it, as ``papermill -p`` would). Executed copies go to ``build/notebooks/``
(ignored by git); the committed notebooks are never written. The first failing cell stops the
run (no further notebook starts; those running finish), and the message names the notebook and
the cell (a kernel that dies, as one killed for memory does, is reported the same way);
``--keep-going`` runs the remaining notebooks and lists every failure at the end, in notebook
order. ``--scheduler tcp://host:8786`` sends the per-article work of every notebook to a Dask
cluster (through ``FRAMING_SCHEDULER``, which :mod:`analysis.parallel` reads).
"""

from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
import threading
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

from analysis import cache, paths
from analysis.parallel import SCHEDULER_ENV, WORKERS_ENV
from analysis.readme import update_readme

KERNEL = "python3"
#: Generated files in a figures folder: these are cleared before a full run, so a figure that a
#: notebook no longer makes cannot linger as a stale file.
GENERATED = (
    "[0-9][0-9]_*.png",
    "[0-9][0-9]_*.svg",
    "[0-9][0-9]_*.csv",
    "findings.csv",
    "METHODS.md",
    "alt_text.csv",
)


class NotebookFailed(RuntimeError):
    """A notebook cell raised, or its kernel died; the message names the notebook and the cell."""


class NotebooksFailed(RuntimeError):
    """With ``keep_going``: the notebooks that failed, one :class:`NotebookFailed` each."""

    def __init__(self, failures: list[NotebookFailed]):
        self.failures = failures
        super().__init__("\n".join(str(f) for f in failures))


def notebooks(only: list[str] | None = None) -> list[Path]:
    """The notebooks in run order (by their NN_ prefix), optionally only those named."""
    found = sorted(paths.NOTEBOOKS.glob("[0-9][0-9]_*.ipynb"))
    if only:
        found = [nb for nb in found if any(nb.name.startswith(o) for o in only)]
    return found


def _shown(path: Path) -> str:
    """``path`` relative to the project root where it lies inside it, else as it is."""
    try:
        return str(path.relative_to(paths.ROOT))
    except ValueError:
        return str(path)


def _say(line: str) -> None:
    """Print ``line`` in one write: notebooks running side by side don't cut into each other."""
    sys.stdout.write(f"{line}\n")
    sys.stdout.flush()


def clear_generated(out_dir: Path) -> None:
    """Delete the files a full run regenerates (figures, their CSVs and alt text, findings.csv, METHODS.md)."""
    for pattern in GENERATED:
        for path in out_dir.glob(pattern):
            path.unlink()


def execute(
    notebook: Path,
    target: Path,
    parameters: dict[str, object] | None = None,
    env: dict[str, str] | None = None,
) -> None:
    """Run ``notebook`` in a fresh kernel with ``parameters`` (and ``env``, the kernel's
    environment, default this process's); write the executed copy to ``target``.

    Raises :class:`NotebookFailed` at the first failing cell, naming the notebook and the cell.
    The executed copy is written either way, so the failing cell's traceback can be read there.
    papermill's ``execute_notebook`` would save the notebook at the start and end of every cell;
    nbclient keeps it in memory and it is written once.
    """
    import nbformat
    from nbclient import NotebookClient
    from nbclient.exceptions import CellExecutionError, DeadKernelError
    from papermill.iorw import load_notebook_node
    from papermill.parameterize import parameterize_notebook

    nb = load_notebook_node(str(notebook))  # as papermill reads it: every cell has its tags
    if parameters:
        nb = parameterize_notebook(nb, parameters, kernel_name=KERNEL)
    started: list[int] = []
    client = NotebookClient(
        nb,
        kernel_name=KERNEL,
        timeout=None,
        resources={"metadata": {"path": str(paths.ROOT)}},
        on_cell_start=lambda cell, cell_index: started.append(cell_index),
    )
    try:
        client.execute(env=dict(os.environ) if env is None else env)
    except CellExecutionError as exc:
        failed = [
            c
            for c in nb.cells
            if any(o.get("output_type") == "error" for o in c.get("outputs", []))
        ]
        cell = failed[0].get("execution_count") if failed else "?"
        raise NotebookFailed(
            f"{_shown(notebook)}: cell {cell} failed: {exc.ename}: {exc.evalue} "
            f"(executed copy: {_shown(target)})"
        ) from None
    except DeadKernelError:
        cell = _cell_number(nb, started[-1]) if started else "?"
        raise NotebookFailed(
            f"{_shown(notebook)}: cell {cell}: kernel died (out of memory?) "
            f"(executed copy: {_shown(target)})"
        ) from None
    finally:
        nbformat.write(nb, target)


def _cell_number(nb, index: int) -> int:
    """The number Jupyter shows beside code cell ``index`` after a fresh run: its place among
    the code cells that are executed (empty ones are skipped)."""
    code = [
        i for i, c in enumerate(nb.cells) if c.cell_type == "code" and "".join(c.source).strip()
    ]
    return len([i for i in code if i <= index])


def default_jobs() -> int:
    """Notebooks run at once by default: one per core."""
    return os.cpu_count() or 1


def warm_corpus(corpus_dir: str | None) -> None:
    """Load the corpus once, in a process of its own, so that kernels started together read it
    from the content cache (:mod:`analysis.article_store`) rather than each cleaning and
    splitting it. Its own process: the memory it takes is returned before any kernel starts.
    A corpus that fails to load is left for the notebooks to report, cell by cell."""
    if not cache.enabled():
        return
    code = "import sys, warnings, analysis\nwarnings.simplefilter('ignore')\n"
    code += "analysis.load_corpus(sys.argv[1] or None)"
    loaded = subprocess.run([sys.executable, "-c", code, corpus_dir or ""], cwd=paths.ROOT)
    if loaded.returncode:
        print("loading the corpus failed: the notebooks will say why", file=sys.stderr)


def merge_outputs(folder: Path, out: Path) -> None:
    """Move the files a kernel wrote in ``folder`` to ``out``; add the rows of the two files
    every notebook adds to (``findings.csv``, ``alt_text.csv``) to those in ``out``, replacing
    rows of the same key or slug, as the kernel would have had it written there."""
    from analysis import findings
    from analysis.narrative import ALT_TEXT
    from analysis.plots.save import record_alt_text

    for path in sorted(folder.iterdir()):
        if path.name == findings.FILENAME:
            findings.merge_findings(path, out / path.name)
        elif path.name == ALT_TEXT:
            for row in _csv_rows(path):
                record_alt_text(out, row["slug"], row["alt"])
        else:
            os.replace(path, out / path.name)
    shutil.rmtree(folder)


def _csv_rows(path: Path) -> list[dict[str, str]]:
    """The rows of a CSV as strings, as the suite's CSVs are read."""
    import pandas as pd

    return pd.read_csv(path, dtype=str, keep_default_na=False).to_dict("records")


def run(
    corpus_dir: str | None = None,
    out_dir: str | Path | None = None,
    only: list[str] | None = None,
    *,
    build_dir: Path | None = None,
    keep_going: bool = False,
    scheduler: str | None = None,
    jobs: int | None = None,
) -> list[Path]:
    """Execute the notebooks, ``jobs`` at once (default :func:`default_jobs`), then write
    ``METHODS.md`` from the findings (:func:`analysis.methods.write_methods`); return the paths
    of the executed copies, in notebook order.

    A full run (``only`` empty) that succeeds ends by evicting the cache entries it did not use
    (:func:`analysis.cache.evict_unused`); a partial run leaves the cache as it is.

    The first failure raises :class:`NotebookFailed` once the notebooks running with it have
    ended (none starts after it); with ``keep_going`` every notebook runs and the failures are
    raised together at the end (:class:`NotebooksFailed`). ``scheduler`` (a Dask scheduler
    address) is passed to every kernel as ``FRAMING_SCHEDULER``.
    """
    out = Path(out_dir) if out_dir is not None else paths.figures_dir()
    out.mkdir(parents=True, exist_ok=True)
    os.environ["FRAMING_FIGURES_DIR"] = str(out.resolve())
    if scheduler:
        os.environ[SCHEDULER_ENV] = scheduler
    build = build_dir or paths.BUILD / "notebooks"
    build.mkdir(parents=True, exist_ok=True)
    if not only:
        clear_generated(out)
    parameters = {"corpus_dir": str(Path(corpus_dir).resolve())} if corpus_dir else {}
    chosen = notebooks(only)
    jobs = max(1, min(jobs or default_jobs(), len(chosen)))
    # A second before the start: an entry used at the very start keeps a time at or after this
    # even where the file system stores times to the second.
    started = time.time() - 1.0
    if jobs > 1:
        warm_corpus(parameters.get("corpus_dir"))
    failures = run_notebooks(chosen, out, build, parameters, jobs=jobs, keep_going=keep_going)
    if failures:
        if not keep_going:
            raise failures[0]
        raise NotebooksFailed(failures)
    from analysis import lexicon
    from analysis.methods import write_methods  # the measures' modules load only now

    lexicon.use_story_lexicons(lexicon.story_folder(corpus_dir))  # the lexicons the kernels read
    write_methods(out)
    if not only and cache.enabled():
        removed, freed = cache.evict_unused(started)
        if removed:
            print(f"cache: removed {removed} entries unused by this run ({freed / 1e6:.1f} MB)")
    return [build / notebook.name for notebook in chosen]


def run_notebooks(
    chosen: list[Path],
    out: Path,
    build: Path,
    parameters: dict[str, object],
    *,
    jobs: int,
    keep_going: bool,
) -> list[NotebookFailed]:
    """Execute ``chosen``, ``jobs`` at once in the order given, each kernel writing into a
    folder of its own under ``build``; when all have ended, merge their files into ``out`` in
    notebook order (:func:`merge_outputs`). Return the failures, in notebook order. Without
    ``keep_going`` no notebook starts after the first failure."""
    staging = build / ".figures"
    shutil.rmtree(staging, ignore_errors=True)
    stop = threading.Event()

    def one(notebook: Path) -> NotebookFailed | None:
        if stop.is_set():
            return None
        folder = staging / notebook.stem
        folder.mkdir(parents=True)
        _say(f"running {_shown(notebook)}")
        env = dict(os.environ, FRAMING_FIGURES_DIR=str(folder.resolve()))
        env.setdefault(WORKERS_ENV, str(max(1, default_jobs() // jobs)))  # a share of the cores
        start = time.perf_counter()
        try:
            execute(notebook, build / notebook.name, parameters, env)
        except NotebookFailed as exc:
            if not keep_going:
                stop.set()
            print(f"failed: {exc}", file=sys.stderr, flush=True)
            return exc
        _say(f"done {_shown(notebook)} in {time.perf_counter() - start:.1f} s")
        return None

    with ThreadPoolExecutor(max_workers=jobs) as pool:
        results = dict(zip(chosen, pool.map(one, chosen), strict=True))
    for notebook in chosen:  # notebook order: the shared files are as a serial run writes them
        folder = staging / notebook.stem
        if folder.is_dir():
            merge_outputs(folder, out)
    shutil.rmtree(staging, ignore_errors=True)
    return [results[nb] for nb in chosen if results[nb] is not None]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--corpus",
        help="corpus folder (with or without articles.csv), or a CSV/JSONL/Parquet table "
        "(default: seeds/)",
    )
    parser.add_argument("--out", help="figures folder (default: figures/, or build/<name>/figures)")
    parser.add_argument("--only", nargs="*", help="run only notebooks whose name starts so")
    parser.add_argument(
        "--keep-going",
        action="store_true",
        help="after a failing notebook, run the others; list every failure at the end",
    )
    parser.add_argument(
        "--scheduler", help="Dask scheduler address, e.g. tcp://host:8786 (default: local cores)"
    )
    parser.add_argument(
        "--jobs", type=int, help="notebooks run at once (default: one per core; 1: one by one)"
    )
    args = parser.parse_args(argv)
    out = args.out
    if args.corpus and not out:
        corpus = Path(args.corpus).resolve()  # a folder, or a table or article file
        out = paths.BUILD / (corpus.stem if corpus.is_file() else corpus.name) / "figures"
    try:
        run(
            args.corpus,
            out,
            args.only,
            keep_going=args.keep_going,
            scheduler=args.scheduler,
            jobs=args.jobs,
        )
    except NotebookFailed as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 1
    except NotebooksFailed as exc:
        print(f"error: {len(exc.failures)} notebook(s) failed:", file=sys.stderr)
        for failure in exc.failures:
            print(f"  {failure}", file=sys.stderr)
        return 1
    if out is None and update_readme():
        print("README.md: headline findings table updated from figures/findings.csv")
    print(f"figures written to {out or paths.figures_dir()}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
