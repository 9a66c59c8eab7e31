"""Notebooks ready for JupyterLab: ``python -m analysis.lab`` (``make lab`` runs it first).

As soon as a notebook's kernel starts, JupyterLab writes the kernel's ``language_info`` (with
the exact Python version) into the notebook's metadata, and a notebook whose metadata that
changes shows as modified before anyone has touched it. The committed notebooks cannot carry it
(it depends on the machine; the git clean filter strips it), so this writes this machine's
``language_info`` into the notebooks on disk: JupyterLab then finds it already there. git does
not see the change, as the clean filter removes it again; outside a work tree with the filter
installed nothing is written, so a notebook never shows as changed to git.
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

from analysis import paths


def kernel_language_info() -> dict:
    """The ``language_info`` the project's kernel (ipykernel on this Python) reports."""
    from ipykernel.ipkernel import IPythonKernel

    return json.loads(json.dumps(IPythonKernel.language_info))


def filter_installed(root: Path = paths.ROOT) -> bool:
    """Whether git strips notebook metadata here (the nbstripout clean filter of `make setup`)."""
    found = subprocess.run(
        ["git", "-C", str(root), "config", "filter.nbstripout.clean"],
        capture_output=True,
        text=True,
        check=False,
    )
    return found.returncode == 0 and bool(found.stdout.strip())


def add_language_info(notebook: Path, language_info: dict) -> bool:
    """Write ``language_info`` into ``notebook``'s metadata, as nbformat writes a notebook;
    return whether the file changed. Cells and outputs are left as they are."""
    text = notebook.read_text(encoding="utf-8")
    nb = json.loads(text)
    if nb.get("metadata", {}).get("language_info") == language_info:
        return False
    nb.setdefault("metadata", {})["language_info"] = language_info
    notebook.write_text(
        json.dumps(nb, sort_keys=True, indent=1, ensure_ascii=False) + "\n", encoding="utf-8"
    )
    return True


def main() -> int:
    from analysis.run import notebooks

    if not filter_installed():
        print(
            "analysis.lab: the git filter is not installed (make setup); notebooks left as they are"
        )
        return 0
    info = kernel_language_info()
    changed = [nb.name for nb in notebooks() if add_language_info(nb, info)]
    if changed:
        print(
            f"analysis.lab: language_info of Python {info['version']} written to {len(changed)} notebooks"
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())
