"""findings.csv is written once per batch of recordings, not once per call, with the same bytes;
each row says what produced it, and an interactive run never writes the committed files."""

from __future__ import annotations

import shutil
import subprocess
import sys

import pytest

from analysis import __version__, findings, paths, run
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


def test_a_notebooks_defaults_are_its_parameters_cell():
    defaults = findings.notebook_defaults("03_vocabulary")
    assert defaults["corpus_dir"] is None and defaults["lexicons_dir"] is None
    assert defaults["voice"] == "all" and defaults["alpha0"] == 100.0
    assert findings.notebook_defaults("99_absent") == {}


def test_the_default_build_records_no_commit_and_a_named_run_does(tmp_path, monkeypatch):
    """A committed findings.csv cannot name the commit that holds it; a run that is not the
    default build (here: FRAMING_RUN) is not committed, and carries its commit."""
    monkeypatch.delenv("FRAMING_RUN", raising=False)
    row = findings.provenance("03_vocabulary")
    assert row["parameters"] == "" and row["commit"] == "" and row["version"] == __version__
    monkeypatch.setenv("FRAMING_RUN", "mine")
    commit = findings.provenance("03_vocabulary")["commit"]
    in_git = (paths.ROOT / ".git").exists()
    assert (len(commit.removesuffix("+dirty")) == 40) if in_git else commit == ""


def test_changed_parameters_are_recorded_with_each_row(tmp_path):
    """In a kernel where `voice` was changed from its default, every row says so."""
    cell = (
        "corpus_dir, voice, alpha0 = None, 'writer', 100.0\n"
        "from analysis.findings import record_finding\n"
        f"record_finding('k.n', 1, unit='n', description='d', notebook='03_vocabulary', out_dir={str(tmp_path)!r})\n"
    )
    code = (
        "import os\n"
        "from IPython.core.interactiveshell import InteractiveShell\n"
        "shell = InteractiveShell.instance()\n"
        f"shell.run_cell({cell!r})\n"
        "os._exit(0)\n"
    )
    subprocess.run([sys.executable, "-c", code], check=True, capture_output=True, text=True)
    row = read_findings(tmp_path / "findings.csv").iloc[0]
    assert row["parameters"] == "voice='writer'"
    assert row["commit"] != "" or not (paths.ROOT / ".git").exists()


@pytest.mark.notebook
def test_an_interactive_run_with_a_changed_parameter_leaves_git_status_clean(
    tmp_path, monkeypatch, git_status
):
    """Notebook 03 run as in JupyterLab (FRAMING_RUN set, as `make lab` sets it) with
    voice="writer": figures and findings go to build/runs/<name>/, their rows name the changed
    parameter and the commit, and nothing git tracks changes (figures/ is untouched)."""
    name = f"test-{tmp_path.name}"
    out = paths.BUILD / "runs" / name
    before, figures = (
        git_status(),
        {p: p.stat().st_mtime_ns for p in paths.figures_dir().iterdir()},
    )
    monkeypatch.delenv("FRAMING_FIGURES_DIR", raising=False)
    monkeypatch.setenv("FRAMING_RUN", name)
    monkeypatch.setenv("FRAMING_CACHE_DIR", str(tmp_path / "cache"))
    try:
        (notebook,) = run.notebooks(["03"])
        run.execute(notebook, tmp_path / notebook.name, {"voice": "writer"})
        written = read_findings(out / "figures" / "findings.csv")
        assert git_status() == before
    finally:
        shutil.rmtree(out, ignore_errors=True)
    monkeypatch.delenv("FRAMING_RUN")
    assert {p: p.stat().st_mtime_ns for p in paths.figures_dir().iterdir()} == figures
    assert len(written) > 10 and set(written["parameters"]) == {"voice='writer'"}
    assert written["corpus"].str.startswith("seeds, 5 articles, sha256 ").all()
    assert (written["commit"] != "").all() or not (paths.ROOT / ".git").exists()


def _nine_articles():
    """Nine articles (one past MAX_ARTICLES): five of AP, four of the Financial Times."""
    import pandas as pd

    ids = ["ap/1", "ap/2", "ap/3", "ap/4", "ap/5", "ft/1", "ft/2", "ft/3", "ft/4"]
    outlets = ["AP"] * 5 + ["Financial Times"] * 4
    return pd.DataFrame({"article_id": ids, "outlet": outlets})


def _per_article_rows(articles):
    words = [100, 200, 300, 400, 1000, 10, 20, 30, 50][: len(articles)]
    rows = [
        findings.finding(f"corpus.words.{a.replace('/', '-')}", w, "words", f"words of {a}", "f1")
        for a, w in zip(articles["article_id"], words, strict=True)
    ]
    rows.append(findings.finding("corpus.words.ap-1.reused_dropped", 90, "words", "dropped", ""))
    rows.append(findings.finding("emphasis.opening.ft-2", "war; talks", "frames", "not a number"))
    rows.append(findings.finding("corpus.articles", 9, "articles", "articles in the corpus"))
    rows.append(findings.finding("reuse.pair.share.ap-1.ft-1", 0.5, "share", "a pair, kept"))
    return findings.findings_table(rows)


def test_past_max_articles_findings_are_kept_per_outlet_not_per_article(tmp_path):
    from analysis.aggregate import MAX_ARTICLES

    articles = _nine_articles()
    assert len(articles) == MAX_ARTICLES + 1
    findings.record_findings(
        _per_article_rows(articles), notebook="01", out_dir=tmp_path, articles=articles
    )
    table = read_findings(tmp_path / "findings.csv").set_index("key")
    # AP: 100, 200, 300, 400, 1000 -> mean 400, median 300; FT: 10, 20, 30, 50 -> 27.5, 25
    expected = {
        "corpus.articles": "9",
        "reuse.pair.share.ap-1.ft-1": "0.5",
        "corpus.words.outlet-mean.ap": "400",
        "corpus.words.outlet-median.ap": "300",
        "corpus.words.outlet-articles.ap": "5",
        "corpus.words.outlet-mean.financial-times": "27.5",
        "corpus.words.outlet-median.financial-times": "25",
        "corpus.words.outlet-articles.financial-times": "4",
        "corpus.words.reused_dropped.outlet-mean.ap": "90",
        "corpus.words.reused_dropped.outlet-median.ap": "90",
        "corpus.words.reused_dropped.outlet-articles.ap": "1",
    }
    assert table["value"].to_dict() == expected  # no per-article key, no string finding
    assert table.loc["corpus.words.outlet-mean.ap", "unit"] == "words"
    assert table.loc["corpus.words.outlet-articles.ap", "unit"] == "articles"
    assert table.loc["corpus.words.outlet-mean.ap", "figure"] == "f1"
    assert "corpus.words.<article>" in table.loc["corpus.words.outlet-mean.ap", "description"]


def test_up_to_max_articles_findings_stay_per_article(tmp_path):
    articles = _nine_articles().iloc[:8]
    rows = _per_article_rows(articles)
    findings.record_findings(rows, notebook="01", out_dir=tmp_path, articles=articles)
    table = read_findings(tmp_path / "findings.csv")
    assert sorted(table["key"]) == sorted(rows["key"])


def test_past_max_articles_a_per_article_finding_that_is_no_number_is_left_out():
    rows = _per_article_rows(_nine_articles())
    rows = rows[rows["key"].isin(["emphasis.opening.ft-2", "corpus.articles"])]
    kept = findings.outlet_rows(rows, _nine_articles())
    assert kept["key"].tolist() == ["corpus.articles"]
