"""findings.csv is written once per batch of recordings, not once per call, with the same bytes."""

from __future__ import annotations

import subprocess
import sys

from analysis.findings import flush_findings, read_findings, record_finding


def test_many_recordings_write_the_file_once(tmp_path, monkeypatch):
    import analysis.plots

    writes = []
    real = analysis.plots.write_table
    monkeypatch.setattr(analysis.plots, "write_table", lambda t, p: writes.append(p) or real(t, p))
    for i in range(500):
        record_finding(
            f"x.n.a{i:03d}", i, unit="n", description="d", notebook="01", out_dir=tmp_path
        )
    record_finding("x.n.a007", 70, unit="n", description="again", notebook="01", out_dir=tmp_path)
    assert not (tmp_path / "findings.csv").exists()  # nothing written yet
    flush_findings()
    assert writes == [tmp_path / "findings.csv"]
    table = read_findings(tmp_path / "findings.csv")
    assert len(table) == 500 and table["key"].is_monotonic_increasing
    assert table.set_index("key").loc["x.n.a007", "value"] == "70"
    assert len(writes) == 1  # reading flushed nothing new


def test_a_later_flush_keeps_rows_written_by_another_process(tmp_path):
    record_finding("b.mine", 1, unit="n", description="here", notebook="01", out_dir=tmp_path)
    flush_findings()
    code = (
        "from analysis.findings import record_finding\n"
        f"record_finding('a.theirs', 2, unit='n', description='there', notebook='02', out_dir={str(tmp_path)!r})\n"
    )
    subprocess.run([sys.executable, "-c", code], check=True)  # written at that process's exit
    record_finding("c.mine", 3, unit="n", description="here", notebook="01", out_dir=tmp_path)
    assert read_findings(tmp_path / "findings.csv")["key"].tolist() == [
        "a.theirs",
        "b.mine",
        "c.mine",
    ]


def test_in_ipython_the_file_is_written_after_each_cell(tmp_path):
    """In a kernel the rows of a cell are on disk when the cell ends (read from inside the next
    cell; the process then exits without its exit-time flush)."""
    cell = (
        "from analysis.findings import record_finding\n"
        "for i in range(3):\n"
        f"    record_finding(f'k.n{{i}}', i, unit='n', description='d', notebook='01', out_dir={str(tmp_path)!r})\n"
    )
    check = f"import pathlib; pathlib.Path({str(tmp_path)!r}, 'findings.csv').read_text()"
    code = (
        "import os\n"
        "from IPython.core.interactiveshell import InteractiveShell\n"
        "shell = InteractiveShell.instance()\n"
        f"shell.run_cell({cell!r})\n"
        f"print(shell.run_cell({check!r}).result.count(chr(10)))\n"
        "os._exit(0)\n"
    )
    out = subprocess.run([sys.executable, "-c", code], check=True, capture_output=True, text=True)
    assert out.stdout.split()[-1] == "4"  # header + 3 rows
