"""Execute the notebooks headless, in order, in one process: ``python -m analysis.run``.

``make figures`` calls this. Notebooks ``notebooks/NN_*.ipynb`` run in the order of their number,
each in a fresh kernel driven by nbclient from this one process. The corpus and options reach a
notebook through its cell tagged ``parameters`` (papermill injects them after it, as
``papermill -p`` would). Executed copies go to ``build/notebooks/`` (ignored
by git); the committed notebooks are never written. The first failing cell stops the run, and the
message names the notebook and the cell (a kernel that dies, as one killed for memory does, is
reported the same way); ``--keep-going`` runs the remaining notebooks and lists every failure
at the end. ``--scheduler tcp://host:8786`` sends the per-article work of every notebook to a
Dask cluster (through ``FRAMING_SCHEDULER``, which :mod:`analysis.parallel` reads).
"""

from __future__ import annotations

import argparse
import os
import sys
import time
from pathlib import Path

from analysis import cache, paths
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


def clear_generated(out_dir: Path) -> None:
    """Delete the files a full run regenerates (figures, their CSVs and alt text, findings.csv, METHODS.md)."""
    for pattern in GENERATED:
        for path in out_dir.glob(pattern):
            path.unlink()


def execute(notebook: Path, target: Path, parameters: dict[str, object] | None = None) -> None:
    """Run ``notebook`` in a fresh kernel with ``parameters``; write the executed copy to ``target``.

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
        client.execute()
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


def run(
    corpus_dir: str | None = None,
    out_dir: str | Path | None = None,
    only: list[str] | None = None,
    *,
    build_dir: Path | None = None,
    keep_going: bool = False,
    scheduler: str | None = None,
) -> list[Path]:
    """Execute the notebooks, then write ``METHODS.md`` from the findings
    (:func:`analysis.methods.write_methods`); return the paths of the executed copies.

    A full run (``only`` empty) that succeeds ends by evicting the cache entries it did not use
    (:func:`analysis.cache.evict_unused`); a partial run leaves the cache as it is.

    The first failure raises :class:`NotebookFailed`; with ``keep_going`` every notebook runs and
    the failures are raised together at the end (:class:`NotebooksFailed`). ``scheduler`` (a
    Dask scheduler address) is passed to every kernel as ``FRAMING_SCHEDULER``.
    """
    out = Path(out_dir) if out_dir is not None else paths.figures_dir()
    out.mkdir(parents=True, exist_ok=True)
    os.environ["FRAMING_FIGURES_DIR"] = str(out.resolve())
    if scheduler:
        from analysis.parallel import SCHEDULER_ENV

        os.environ[SCHEDULER_ENV] = scheduler
    build = build_dir or paths.BUILD / "notebooks"
    build.mkdir(parents=True, exist_ok=True)
    if not only:
        clear_generated(out)
    parameters = {"corpus_dir": str(Path(corpus_dir).resolve())} if corpus_dir else {}
    executed, failures = [], []
    # A second before the start: an entry used at the very start keeps a time at or after this
    # even where the file system stores times to the second.
    started = time.time() - 1.0
    for notebook in notebooks(only):
        target = build / notebook.name
        print(f"running {_shown(notebook)}", flush=True)
        try:
            execute(notebook, target, parameters)
        except NotebookFailed as exc:
            if not keep_going:
                raise
            print(f"failed: {exc}", file=sys.stderr, flush=True)
            failures.append(exc)
        executed.append(target)
    if failures:
        raise NotebooksFailed(failures)
    from analysis import lexicon
    from analysis.methods import write_methods  # the measures' modules load only now

    lexicon.use_story_lexicons(lexicon.story_folder(corpus_dir))  # the lexicons the kernels read
    write_methods(out)
    if not only and cache.enabled():
        removed, freed = cache.evict_unused(started)
        if removed:
            print(f"cache: removed {removed} entries unused by this run ({freed / 1e6:.1f} MB)")
    return executed


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
    args = parser.parse_args(argv)
    out = args.out
    if args.corpus and not out:
        corpus = Path(args.corpus).resolve()  # a folder, or a table or article file
        out = paths.BUILD / (corpus.stem if corpus.is_file() else corpus.name) / "figures"
    try:
        run(args.corpus, out, args.only, keep_going=args.keep_going, scheduler=args.scheduler)
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
