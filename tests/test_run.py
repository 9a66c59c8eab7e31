"""Notebooks run side by side (analysis.run with jobs > 1) write what a serial run writes."""

from __future__ import annotations

from pathlib import Path

import pytest
from test_notebooks import _write_notebooks

from analysis import run

#: A cell that records one finding and one figure's alt text in the kernel's figures folder.
RECORD = (
    "import time\n"
    "from analysis import findings, paths\n"
    "from analysis.plots.save import record_alt_text\n"
    "time.sleep({sleep})\n"
    "findings.record_finding('shared.key', {value}, unit='n', description='d{value}', "
    "notebook='{name}')\n"
    "findings.record_finding('own.{name}', {value}, unit='n', description='d', notebook='{name}')\n"
    "record_alt_text(paths.figures_dir(), 'shared', 'alt {value}')\n"
    "(paths.figures_dir() / '{name}.txt').write_text('{value}')"
)


def _files(folder: Path) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in sorted(folder.iterdir()) if p.name != "METHODS.md"}


@pytest.fixture
def recording_notebooks(tmp_path, monkeypatch):
    """Three notebooks recording the same finding key and alt-text slug; the first ends last."""
    folder = tmp_path / "notebooks"
    _write_notebooks(
        folder,
        {
            f"0{i}_n{i}.ipynb": [RECORD.format(sleep=sleep, value=i, name=f"n{i}")]
            for i, sleep in ((1, 4), (2, 0), (3, 0))
        },
    )
    monkeypatch.setattr(run.paths, "NOTEBOOKS", folder)
    monkeypatch.setenv("FRAMING_CACHE", "0")  # no corpus to warm: the notebooks load none


@pytest.mark.notebook
def test_notebooks_side_by_side_write_what_a_serial_run_writes(tmp_path, recording_notebooks):
    """The first notebook ends after the others, yet the shared rows are merged in notebook
    order: the last notebook's value of a key recorded by all three wins, as in a serial run."""
    run.run(None, tmp_path / "serial", build_dir=tmp_path / "b1", jobs=1)
    run.run(None, tmp_path / "side", build_dir=tmp_path / "b2", jobs=2)
    serial, side = _files(tmp_path / "serial"), _files(tmp_path / "side")
    assert side == serial
    assert set(serial) == {"findings.csv", "alt_text.csv", "n1.txt", "n2.txt", "n3.txt"}
    assert b"shared.key,3,n,d3" in serial["findings.csv"]
    assert serial["alt_text.csv"] == b"slug,alt\nshared,alt 3\n"
    assert not (tmp_path / "b2" / ".figures").exists()  # the kernels' own folders are gone


@pytest.mark.notebook
def test_a_partial_run_side_by_side_keeps_the_other_rows(tmp_path, recording_notebooks):
    """``--only``: the findings of notebooks not run stay, as a serial partial run keeps them."""
    out = tmp_path / "out"
    run.run(None, out, build_dir=tmp_path / "b", jobs=2)
    run.run(None, out, ["01", "02"], build_dir=tmp_path / "b", jobs=2)
    findings = (out / "findings.csv").read_text()
    assert "own.n3," in findings and "shared.key,3," not in findings
    assert "shared.key,2," in findings


@pytest.mark.notebook
def test_no_notebook_starts_after_a_failure(tmp_path, monkeypatch):
    """Two at once: the first fails at once while the second runs; the third never starts, and
    the error names the first."""
    folder = tmp_path / "notebooks"
    _write_notebooks(
        folder,
        {
            "01_fails.ipynb": ["1 / 0"],
            "02_slow.ipynb": ["import time\ntime.sleep(4)"],
            "03_never.ipynb": ["x = 1"],
        },
    )
    monkeypatch.setattr(run.paths, "NOTEBOOKS", folder)
    monkeypatch.setenv("FRAMING_CACHE", "0")
    with pytest.raises(run.NotebookFailed, match=r"01_fails.ipynb: cell 1 failed: ZeroDivision"):
        run.run(None, tmp_path / "out", build_dir=tmp_path / "build", jobs=2)
    assert (tmp_path / "build" / "02_slow.ipynb").exists()
    assert not (tmp_path / "build" / "03_never.ipynb").exists()


def test_default_jobs_is_one_per_core(monkeypatch):
    monkeypatch.setattr(run.os, "cpu_count", lambda: 2)
    assert run.default_jobs() == 2
    monkeypatch.setattr(run.os, "cpu_count", lambda: None)
    assert run.default_jobs() == 1
