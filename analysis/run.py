"""Execute the notebooks headless, in order, in one process: ``python -m analysis.run``.

``make figures`` calls this. Notebooks ``notebooks/NN_*.ipynb`` run in the order of their number,
each in a fresh kernel driven by nbclient from this one process. The corpus and options reach a
notebook through its cell tagged ``parameters`` (papermill injects them after it, as
``papermill -p`` would). Executed copies go to ``build/notebooks/`` (ignored
by git); the committed notebooks are never written. The first failing cell stops the run, and the
message names the notebook and the cell.
"""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path

from analysis import paths
from analysis.readme import update_readme

KERNEL = "python3"
#: Generated files in a figures folder: these are cleared before a full run, so a figure that a
#: notebook no longer makes cannot linger as a stale file.
GENERATED = ("[0-9][0-9]_*.png", "[0-9][0-9]_*.svg", "[0-9][0-9]_*.csv", "findings.csv")


class NotebookFailed(RuntimeError):
    """A notebook cell raised; the message names the notebook and the cell."""


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
    """Delete the files a full run regenerates (figures, their CSVs, findings.csv)."""
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
    from nbclient.exceptions import CellExecutionError
    from papermill.iorw import load_notebook_node
    from papermill.parameterize import parameterize_notebook

    nb = load_notebook_node(str(notebook))  # as papermill reads it: every cell has its tags
    if parameters:
        nb = parameterize_notebook(nb, parameters, kernel_name=KERNEL)
    client = NotebookClient(
        nb, kernel_name=KERNEL, timeout=None, resources={"metadata": {"path": str(paths.ROOT)}}
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
    finally:
        nbformat.write(nb, target)


def run(
    corpus_dir: str | None = None,
    out_dir: str | Path | None = None,
    only: list[str] | None = None,
    *,
    build_dir: Path | None = None,
) -> list[Path]:
    """Execute the notebooks; return the paths of the executed copies."""
    out = Path(out_dir) if out_dir is not None else paths.figures_dir()
    out.mkdir(parents=True, exist_ok=True)
    os.environ["FRAMING_FIGURES_DIR"] = str(out.resolve())
    build = build_dir or paths.BUILD / "notebooks"
    build.mkdir(parents=True, exist_ok=True)
    if not only:
        clear_generated(out)
    parameters = {"corpus_dir": str(Path(corpus_dir).resolve())} if corpus_dir else {}
    executed = []
    for notebook in notebooks(only):
        target = build / notebook.name
        print(f"running {_shown(notebook)}", flush=True)
        execute(notebook, target, parameters)
        executed.append(target)
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
    args = parser.parse_args(argv)
    out = args.out
    if args.corpus and not out:
        corpus = Path(args.corpus).resolve()  # a folder, or a table or article file
        out = paths.BUILD / (corpus.stem if corpus.is_file() else corpus.name) / "figures"
    try:
        run(args.corpus, out, args.only)
    except NotebookFailed as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 1
    if out is None and update_readme():
        print("README.md: headline findings table updated from figures/findings.csv")
    print(f"figures written to {out or paths.figures_dir()}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
