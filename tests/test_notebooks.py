"""The notebooks run headless, and the committed figures/ are exactly what they produce now.

All notebooks are executed once per test session (as ``make figures`` does, through
``analysis.run``) into a temporary figures folder; every committed file under figures/ must be
byte-identical to the fresh one, and no fresh file may be missing from figures/. A stale figure,
CSV or finding fails here.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from analysis import paths, run

NOTEBOOKS = run.notebooks()
OTHER_CORPUS = Path(__file__).resolve().parent / "fixtures" / "other_corpus"


def _run_all(tmp_path_factory, corpus_dir: str | None, name: str) -> Path:
    """Run every notebook on ``corpus_dir`` as `make figures` does; return the figures folder."""
    root = tmp_path_factory.mktemp(name)
    out, build = root / "figures", root / "executed"
    with pytest.MonkeyPatch.context() as mp:
        mp.setenv("FRAMING_FIGURES_DIR", str(out))
        # An empty cache: every figure is drawn, as on a fresh clone.
        mp.setenv("FRAMING_CACHE_DIR", str(root / "cache"))
        run.run(corpus_dir, out, build_dir=build)
    return out


@pytest.fixture(scope="session")
def fresh_figures(tmp_path_factory) -> Path:
    """Every notebook run on the seeds."""
    return _run_all(tmp_path_factory, None, "seeds")


@pytest.fixture(scope="session")
def other_corpus_figures(tmp_path_factory) -> Path:
    """Every notebook run on a corpus from elsewhere (tests/fixtures/other_corpus)."""
    return _run_all(tmp_path_factory, str(OTHER_CORPUS), "other")


def test_there_are_notebooks_in_order():
    names = [nb.name for nb in NOTEBOOKS]
    assert names[0] == "01_corpus.ipynb"
    numbers = [int(n[:2]) for n in names]
    assert numbers == sorted(set(numbers)), "two notebooks share a number"


@pytest.mark.parametrize("notebook", NOTEBOOKS, ids=lambda p: p.name)
def test_notebook_committed_without_outputs_and_with_parameters(notebook):
    nb = json.loads(notebook.read_text(encoding="utf-8"))
    code = [c for c in nb["cells"] if c["cell_type"] == "code"]
    assert all(c.get("outputs") == [] and c.get("execution_count") is None for c in code)
    assert "parameters" in code[0].get("metadata", {}).get("tags", []), "first code cell"
    source = "".join(code[0]["source"])
    assert "corpus_dir" in source
    assert "../" not in "".join("".join(c["source"]) for c in code), "no relative paths"
    assert "sys.path" not in "".join("".join(c["source"]) for c in code)


@pytest.mark.notebook
def test_committed_figures_are_what_the_code_produces(fresh_figures):
    committed = {p.name for p in paths.figures_dir().glob("*") if p.is_file()}
    fresh = {p.name for p in fresh_figures.glob("*") if p.is_file()}
    assert fresh - committed == set(), "figures made by the notebooks but not committed"
    assert committed - fresh == set(), "committed figures that no notebook makes any more"
    stale = sorted(
        name
        for name in fresh
        if (fresh_figures / name).read_bytes() != (paths.figures_dir() / name).read_bytes()
    )
    assert stale == [], f"stale figures (run `make figures`): {stale}"


@pytest.mark.notebook
def test_every_figure_has_png_svg_and_csv(fresh_figures):
    pngs = {p.stem for p in fresh_figures.glob("*.png")}
    assert pngs, "no figures"
    for stem in pngs:
        assert (fresh_figures / f"{stem}.svg").is_file()
        assert (fresh_figures / f"{stem}.csv").is_file()
    assert (fresh_figures / "findings.csv").is_file()


def blank_margins(png: Path) -> tuple[int, int, int, int]:
    """Pixels of background between the drawing and the top, bottom, left and right edges."""
    import numpy as np
    from PIL import Image

    pixels = np.asarray(Image.open(png).convert("RGB")).astype(int)
    ink = np.abs(pixels - pixels[0, 0]).sum(axis=2) > 30
    rows, cols = np.flatnonzero(ink.any(axis=1)), np.flatnonzero(ink.any(axis=0))
    height, width = ink.shape
    return rows[0], height - 1 - rows[-1], cols[0], width - 1 - cols[-1]


@pytest.mark.notebook
def test_nothing_is_cut_off_at_the_edges(fresh_figures):
    """The tight crop keeps its padding (0.1 in, 15 px) on every side of every figure: a title,
    label or table row that runs off the page leaves no blank margin on that side."""
    cut = {
        png.stem: margins
        for png in sorted(fresh_figures.glob("*.png"))
        if min(margins := blank_margins(png)) < 10
    }
    assert cut == {}, "(top, bottom, left, right) blank pixels"


@pytest.mark.notebook
def test_each_figure_is_shown_once_exactly_as_saved(fresh_figures):
    """A notebook shows the PNG it saved (not a second rendering), once, and no other image."""
    import base64

    saved = {p.read_bytes(): p.stem for p in fresh_figures.glob("*.png")}
    shown = []
    for executed in sorted((fresh_figures.parent / "executed").glob("*.ipynb")):
        nb = json.loads(executed.read_text(encoding="utf-8"))
        for cell in nb["cells"]:
            for output in cell.get("outputs", []):
                if "image/png" in output.get("data", {}):
                    png = base64.b64decode(output["data"]["image/png"])
                    assert png in saved, f"{executed.name}: an image that is not a saved figure"
                    shown.append(saved[png])
    assert sorted(shown) == sorted(saved.values())


@pytest.mark.notebook
def test_another_corpus_gets_a_complete_set_of_figures(fresh_figures, other_corpus_figures):
    """`make figures CORPUS=...`: every figure the seeds get, another corpus gets too."""
    seeds = {p.name for p in fresh_figures.glob("*") if p.is_file()}
    other = {p.name for p in other_corpus_figures.glob("*") if p.is_file()}
    # 02_accuracy is drawn for every corpus: the evaluation set of other stories does not depend
    # on it; only the seeds' bars need the seeds (tests/fixtures/quotes_gold.csv).
    assert seeds - other == set()
    assert any(p.suffix == ".png" for p in other_corpus_figures.iterdir())


@pytest.mark.notebook
def test_another_corpus_gets_its_versions_compared(other_corpus_figures):
    """daily-v2 rewrites daily (tests/fixtures/other_corpus/README.md); counted by hand: the lead
    and the troop-estimate sentence rewritten, one sentence added, six kept, and two tense shifts
    ("estimate" -> "estimated", "remain" -> "remained") that put daily-v2 later."""
    from analysis.findings import read_findings

    table = read_findings(other_corpus_figures / "findings.csv").set_index("key")["value"]
    prefix = "reuse.versions.daily-scholz-presses."
    got = {k: table[prefix + k] for k in ("kept", "rewritten", "added", "removed", "later")}
    assert got == {"kept": "6", "rewritten": "2", "added": "1", "removed": "0", "later": "daily-v2"}
    assert table[prefix + "tense_shifts.daily-v2"] == "2"


@pytest.mark.parametrize("notebook", NOTEBOOKS, ids=lambda p: p.name)
def test_papermill_reads_every_parameter(notebook):
    """A parameter papermill cannot parse is silently not overridable by `make figures CORPUS=`."""
    import re

    import papermill

    nb = json.loads(notebook.read_text(encoding="utf-8"))
    cell = next(c for c in nb["cells"] if c["cell_type"] == "code")
    assigned = re.findall(r"^(\w+)\s*=", "".join(cell["source"]), flags=re.M)
    assert list(papermill.inspect_notebook(str(notebook))) == assigned


def test_a_failing_cell_stops_the_run_naming_notebook_and_cell(tmp_path, monkeypatch):
    import nbformat

    folder = tmp_path / "notebooks"
    folder.mkdir()
    cells = [nbformat.v4.new_code_cell("x = 1"), nbformat.v4.new_code_cell("1 / 0")]
    nb = nbformat.v4.new_notebook(
        cells=cells, metadata={"kernelspec": {"name": "python3", "display_name": "Python 3"}}
    )
    nbformat.write(nb, folder / "01_broken.ipynb")
    nbformat.write(nb, folder / "02_never_run.ipynb")
    monkeypatch.setattr(run.paths, "NOTEBOOKS", folder)
    with pytest.raises(
        run.NotebookFailed, match=r"01_broken.ipynb: cell 2 failed: ZeroDivisionError"
    ):
        run.run(None, tmp_path / "out", build_dir=tmp_path / "build")
    assert not (tmp_path / "build" / "02_never_run.ipynb").exists()
