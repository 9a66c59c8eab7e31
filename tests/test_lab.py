"""analysis.lab: the notebooks on disk carry this machine's language_info, which git never sees."""

from __future__ import annotations

import json
import sys

from analysis import lab


def test_language_info_is_what_the_kernel_reports():
    info = lab.kernel_language_info()
    assert info["name"] == "python"
    assert info["version"] == ".".join(map(str, sys.version_info[:3]))
    assert info["codemirror_mode"] == {"name": "ipython", "version": 3}


def test_add_language_info_writes_once_and_keeps_cells(tmp_path):
    notebook = tmp_path / "01_x.ipynb"
    nb = {
        "cells": [
            {"cell_type": "code", "id": "a1", "metadata": {}, "outputs": [], "source": ["x"]}
        ],
        "metadata": {"kernelspec": {"name": "framing"}},
        "nbformat": 4,
        "nbformat_minor": 5,
    }
    notebook.write_text(json.dumps(nb), encoding="utf-8")
    info = lab.kernel_language_info()
    assert lab.add_language_info(notebook, info) is True
    written = json.loads(notebook.read_text(encoding="utf-8"))
    assert written["metadata"] == {"kernelspec": {"name": "framing"}, "language_info": info}
    assert written["cells"] == nb["cells"]
    before = notebook.read_bytes()
    assert lab.add_language_info(notebook, info) is False
    assert notebook.read_bytes() == before
