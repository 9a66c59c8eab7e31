"""Figures and findings are written the same way, byte for byte, every time."""

from __future__ import annotations

import matplotlib.pyplot as plt
import pandas as pd
import pytest

from analysis.findings import format_value, read_findings, record_finding, record_findings
from analysis.plots import save_figure


def _figure():
    fig, ax = plt.subplots(figsize=(4, 3))
    ax.bar(["a", "b"], [1.5, 2.25])
    ax.set_title("Test (N = 2)")
    return fig


def test_save_figure_is_byte_identical(tmp_path):
    data = pd.DataFrame({"x": ["a", "b"], "y": [1.5, 2.25]})
    first = save_figure(_figure(), "99_test", data, out_dir=tmp_path / "one")
    second = save_figure(_figure(), "99_test", data, out_dir=tmp_path / "two")
    for kind in ("png", "svg", "csv"):
        assert first[kind].read_bytes() == second[kind].read_bytes(), kind
    assert first["csv"].read_text() == "x,y\na,1.5\nb,2.25\n"


def test_save_figure_rejects_bad_slug(tmp_path):
    with pytest.raises(ValueError, match="slug"):
        save_figure(_figure(), "My Figure", pd.DataFrame(), out_dir=tmp_path)


def test_findings_upsert_sorted(tmp_path):
    record_finding("b.second", 2, unit="n", description="two", notebook="01", out_dir=tmp_path)
    record_finding(
        "a.first", 0.123456, unit="x", description="one", notebook="01", out_dir=tmp_path
    )
    record_finding("b.second", 3, unit="n", description="three", notebook="01", out_dir=tmp_path)
    table = read_findings(tmp_path / "findings.csv")
    assert table["key"].tolist() == ["a.first", "b.second"]
    assert table["value"].tolist() == ["0.1235", "3"]


@pytest.mark.parametrize(
    ("value", "text"),
    [
        (3, "3"),
        (True, "true"),
        (0.5, "0.5"),
        (1234.5678, "1235"),
        (float("nan"), "nan"),
        ("x", "x"),
    ],
)
def test_format_value(value, text):
    assert format_value(value) == text


def test_finding_keys_are_checked(tmp_path):
    with pytest.raises(ValueError, match="dotted lower-case"):
        record_finding("Bad Key", 1, unit="", description="", notebook="01", out_dir=tmp_path)


def test_readme_findings_table_is_drawn_from_findings_csv():
    from analysis import paths
    from analysis.readme import README, rendered_readme

    text = README.read_text(encoding="utf-8")
    findings = read_findings(paths.ROOT / "figures" / "findings.csv")
    assert rendered_readme(text, findings) == text, "run `make figures` to redraw the README table"


def test_render_findings_names_missing_keys():
    from analysis.readme import render_findings

    table = pd.DataFrame([{"key": "a.b", "value": "1", "unit": "n", "description": "d"}])
    assert render_findings(["a.b"], table).splitlines()[-1] == "| d | 1 n | — | — | `a.b` |"
    with pytest.raises(KeyError, match="x.y"):
        render_findings(["x.y"], table)


def test_record_findings_many_rows_at_once(tmp_path):
    rows = pd.DataFrame(
        {
            "key": ["x.b", "x.a"],
            "value": [1, 0.5],
            "unit": ["n", "share"],
            "description": ["b", "a"],
            "figure": ["", "99_fig"],
        }
    )
    returned = record_findings(rows, notebook="99_test", figure="99_default", out_dir=tmp_path)
    assert returned is rows
    table = read_findings(tmp_path / "findings.csv")
    assert table[["key", "value", "figure"]].values.tolist() == [
        ["x.a", "0.5", "99_fig"],
        ["x.b", "1", "99_default"],
    ]
    with pytest.raises(ValueError, match="dotted lower-case"):
        record_findings(rows.assign(key="Bad"), notebook="99", out_dir=tmp_path)


def test_write_table_creates_the_folder(tmp_path):
    from analysis.plots import write_table

    path = write_table(pd.DataFrame({"a": [1]}), tmp_path / "new" / "t.csv")
    assert path.read_text() == "a\n1\n"


def test_png_and_svg_share_the_tight_bounding_box(tmp_path):
    """Both formats crop to the same area: the one bbox_inches="tight" gives, widened to whole
    pixels. This figure draws a label beyond its canvas, so its PNG is saved by savefig."""
    import io
    import re

    from analysis.plots import save as figures

    fig = _figure()
    fig.text(1.1, 0.5, "a label outside the axes")  # widens the tight box to the right
    reference_fig = _figure()
    reference_fig.text(1.1, 0.5, "a label outside the axes")
    figures.stamp(reference_fig, figures.source_line("99_test"))  # save_figure adds it too
    reference = io.BytesIO()
    reference_fig.savefig(reference, format="png", bbox_inches="tight")
    plt.close(reference_fig)
    assert figures._draw(fig, dpi=150, pad_inches=0.1)[1] is None
    written = save_figure(fig, "99_test", pd.DataFrame(), out_dir=tmp_path)
    png = written["png"].read_bytes()
    width, height = (int.from_bytes(png[i : i + 4], "big") for i in (16, 20))
    tight = [int.from_bytes(reference.getvalue()[i : i + 4], "big") for i in (16, 20)]
    assert [width - tight[0], height - tight[1]] in ([0, 0], [0, 1], [1, 0], [1, 1])
    svg = written["svg"].read_text()
    points = re.search(r'width="([\d.]+)pt" height="([\d.]+)pt"', svg).groups()
    dpi = plt.rcParams["savefig.dpi"]
    assert [float(p) / 72 * dpi for p in points] == pytest.approx([width, height], abs=0.01)


def _no_hatch_figure():
    """The rich figure without hatches (their phase follows the canvas origin)."""
    from matplotlib.patches import Patch

    fig = _rich_figure()
    for patch in fig.findobj(Patch):  # the bars and their legend handle
        patch.set_hatch(None)
    return fig


@pytest.mark.parametrize("tight", [True, False], ids=["inside the canvas", "padding outside"])
def test_painting_in_place_gives_the_pixels_savefig_gives(tight):
    """save_figure crops the figure's own canvas; savefig draws it again on a canvas the size
    of the box. Without tight_layout the padded box reaches below the canvas, and the padding is
    filled with the face colour as savefig fills it."""
    import io

    import numpy as np
    from PIL import Image

    from analysis.plots import save as figures

    fig = _no_hatch_figure()
    if tight:
        fig.tight_layout()
    else:  # a text on the canvas's bottom edge: only the padding reaches below it
        fig.text(0.5, 0.0, "on the bottom edge", va="bottom")
    bbox, painted = figures._draw(fig, dpi=150, pad_inches=0.1)
    inside = np.array([0, 0, *fig.get_size_inches()])
    assert (bbox.extents[:2] >= inside[:2]).all() == tight
    reference = io.BytesIO()
    fig.savefig(reference, format="png", dpi=150, bbox_inches=bbox)
    plt.close(fig)
    np.testing.assert_array_equal(painted, np.asarray(Image.open(reference)))


def test_save_figure_closes_the_figure(tmp_path):
    fig = _figure()
    save_figure(fig, "99_test", pd.DataFrame(), out_dir=tmp_path)
    assert not plt.fignum_exists(fig.number)


def test_save_figure_writes_the_same_bytes_every_time_and_caches_nothing(tmp_path, monkeypatch):
    """Without the figure-level cache a figure is drawn afresh each time, to the same bytes."""
    monkeypatch.setenv("FRAMING_CACHE_DIR", str(tmp_path / "cache"))
    first = save_figure(_rich_figure(), "99_test", pd.DataFrame(), out_dir=tmp_path / "one")
    second = save_figure(_rich_figure(), "99_test", pd.DataFrame(), out_dir=tmp_path / "two")
    for kind in ("png", "svg"):
        assert first[kind].read_bytes() == second[kind].read_bytes()
    assert not (tmp_path / "cache").exists()


def _rich_figure():
    """A figure with one of most things a notebook draws: bars, a line, markers, a scatter, a
    heatmap, hatching, text in data and axes coordinates, a legend."""
    import numpy as np

    fig, (left, right) = plt.subplots(1, 2, figsize=(6, 3))
    left.bar(["a", "b"], [1.5, 2.25], color="#0072B2", hatch="//", label="bars")
    left.plot([0, 1], [1, 2], color="#D55E00", lw=1.5, ls="--", marker="o", label="line")
    left.scatter([0.5], [1.0], s=30, color="#009E73")
    left.text(0.5, 0.9, "a note", transform=left.transAxes, ha="center", fontsize=8)
    left.set_title("Test (N = 2)")
    left.legend()
    right.imshow(np.arange(6, dtype=float).reshape(2, 3), cmap="Blues")
    right.set_xticks([0, 1, 2], ["x", "y", "z"])
    return fig


# --------------------------------------------------------------------------- save_plot


def _bars(heights: pd.DataFrame, *, title: str = "Test"):
    fig, ax = plt.subplots(figsize=(4, 3))
    ax.bar(heights["x"], heights["y"])
    ax.set_title(title)
    return fig


def _bars_and_table(heights: pd.DataFrame):
    return _bars(heights), heights.assign(doubled=heights["y"] * 2)


_bars.__module__ = _bars_and_table.__module__ = "analysis.test_double"  # as if in the package


def _heights(last: float = 2.25) -> pd.DataFrame:
    return pd.DataFrame({"x": ["a", "b"], "y": [1.5, last]})


def _counting(plot, calls):
    import functools

    @functools.wraps(plot)  # keeps the module and name the cache key is made of
    def counted(*args, **kwargs):
        calls.append(args)
        return plot(*args, **kwargs)

    return counted


def test_save_plot_builds_an_unchanged_plot_once(tmp_path, monkeypatch):
    """The second call with equal arguments neither builds nor lays the figure out, and writes
    the same bytes as a fresh save_figure; other arguments build it again."""
    from analysis.plots import save as figures
    from analysis.plots import save_plot

    monkeypatch.setenv("FRAMING_CACHE_DIR", str(tmp_path / "cache"))
    calls, layouts = [], []
    real_files = figures._files
    monkeypatch.setattr(figures, "_files", lambda fig, *a: layouts.append(1) or real_files(fig, *a))
    plot = _counting(_bars, calls)
    save_plot("99_bars", plot, _heights(), data=_heights(), out_dir=tmp_path / "one")
    save_plot("99_bars", plot, _heights(), data=_heights(), out_dir=tmp_path / "two")
    assert (len(calls), len(layouts)) == (1, 1)
    fresh = save_figure(_bars(_heights()), "99_bars", _heights(), out_dir=tmp_path / "fresh")
    for kind in ("png", "svg", "csv"):
        cached = (tmp_path / "two" / f"99_bars.{kind}").read_bytes()
        assert (
            cached
            == (tmp_path / "one" / f"99_bars.{kind}").read_bytes()
            == fresh[kind].read_bytes()
        )
    save_plot("99_bars", plot, _heights(2.5), data=_heights(), out_dir=tmp_path / "three")
    save_plot(
        "99_bars", plot, _heights(), data=_heights(), title="Other", out_dir=tmp_path / "four"
    )
    assert len(calls) == 3, "a changed argument or keyword builds the figure again"


def test_save_plot_returns_and_caches_the_plotted_table(tmp_path, monkeypatch):
    from analysis.plots import save_plot

    monkeypatch.setenv("FRAMING_CACHE_DIR", str(tmp_path / "cache"))
    calls = []
    plot = _counting(_bars_and_table, calls)
    first = save_plot("99_bars", plot, _heights(), out_dir=tmp_path / "one")
    second = save_plot("99_bars", plot, _heights(), out_dir=tmp_path / "two")
    assert len(calls) == 1
    pd.testing.assert_frame_equal(first, _heights().assign(doubled=[3.0, 4.5]))
    pd.testing.assert_frame_equal(second, first)
    assert (tmp_path / "two" / "99_bars.csv").read_text() == "x,y,doubled\na,1.5,3\nb,2.25,4.5\n"
    with pytest.raises(TypeError, match="pass the plotted data="):
        save_plot("99_bars", _bars, _heights(), out_dir=tmp_path)


def test_save_plot_leaves_other_plots_and_unpicklable_arguments_uncached(tmp_path, monkeypatch):
    """A notebook's own plot function: the key could not see its code changing."""
    from analysis.plots import save_plot

    monkeypatch.setenv("FRAMING_CACHE_DIR", str(tmp_path / "cache"))
    calls = []

    def own(heights, colour=None):
        calls.append(1)
        return _bars(heights)

    for _ in range(2):
        save_plot("99_bars", own, _heights(), data=_heights(), out_dir=tmp_path)
    package = _counting(_bars, calls)

    class Title(str):  # a class inside a function cannot be pickled
        pass

    for _ in range(2):
        save_plot(
            "99_bars", package, _heights(), title=Title("T"), data=_heights(), out_dir=tmp_path
        )
    assert len(calls) == 4


def test_plot_key_covers_the_code_and_is_the_same_in_another_process(monkeypatch):
    """Pickles of the arguments do not depend on the process (string hashing is salted per
    process), and a change to the package's code changes the key."""
    import subprocess
    import sys

    from analysis import cache
    from analysis.plots import save as figures

    script = (
        "import pandas as pd; from analysis.plots import save as figures, reuse; "
        "t = pd.DataFrame({'x': ['a', 'b'], 'y': [1.5, 2.25], 'c': pd.Categorical(['q', 'p']), "
        "'s': [('k',), None]}); "
        "print(figures._plot_key(reuse.plot_pairs, (t, {'b': 1, 'a': [2.5, 'x']}), {'n': 'T'}))"
    )
    keys = {
        subprocess.run(
            [sys.executable, "-c", script],
            env={**__import__("os").environ, "PYTHONHASHSEED": seed},
            capture_output=True,
            text=True,
            check=True,
        ).stdout
        for seed in ("1", "2")
    }
    assert len(keys) == 1 and keys.pop().startswith("plot-")
    key = figures._plot_key(_bars, (_heights(),), {})
    monkeypatch.setattr(cache, "code_fingerprint", lambda: "other code")
    assert figures._plot_key(_bars, (_heights(),), {}) != key


def test_plot_key_sees_a_tables_content_not_its_memory_layout():
    """The same table built column by column (two blocks inside pandas) or at once (one block)
    gives the same key; a value, a dtype, a column name, the index or categories change it."""
    from analysis.plots import reuse
    from analysis.plots import save as figures

    def key(table):
        return figures._plot_key(reuse.plot_pairs, (table,), {})

    at_once = pd.DataFrame({"a": [1, 2], "b": [3, 4]})
    by_column = pd.DataFrame({"a": [1, 2]})
    by_column["b"] = [3, 4]
    assert key(at_once) == key(by_column)
    changed = [
        at_once.assign(b=[3, 5]),
        at_once.astype({"b": "float64"}),
        at_once.rename(columns={"b": "c"}),
        at_once.set_axis([5, 6]),
    ]
    assert len({key(at_once), *map(key, changed)}) == 1 + len(changed)
    ordered = pd.DataFrame({"c": pd.Categorical(["x", "y"], categories=["y", "x"])})
    assert key(ordered) != key(pd.DataFrame({"c": pd.Categorical(["x", "y"])}))


def test_findings_table_keeps_counts_integer_beside_shares(tmp_path):
    """A numeric column would hold 130000 as 130000.0, written to 4 digits as 1.3e+05."""
    from analysis.findings import finding, findings_table

    rows = findings_table(
        [finding("a.count", 130000, "troops", "a count"), finding("a.share", 0.25, "share", "s")]
    )
    assert list(rows.columns) == ["key", "value", "unit", "description", "figure"]
    record_findings(rows, notebook="05", figure="05_x", out_dir=tmp_path)
    table = read_findings(tmp_path / "findings.csv")
    assert table["value"].tolist() == ["130000", "0.25"]
    assert table["figure"].tolist() == ["05_x", "05_x"]


def test_plot_key_follows_the_outlet_colours(monkeypatch):
    from analysis.plots import reuse, style
    from analysis.plots import save as figures

    key = figures._plot_key(reuse.plot_pairs, (_heights(),), {})
    monkeypatch.setitem(style.OUTLET_COLOURS, "Financial Times", "#000000")
    assert figures._plot_key(reuse.plot_pairs, (_heights(),), {}) != key
