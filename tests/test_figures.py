"""Figures and findings are written the same way, byte for byte, every time."""

from __future__ import annotations

import matplotlib.pyplot as plt
import pandas as pd
import pytest

from analysis.figures import save_figure
from analysis.findings import format_value, read_findings, record_finding, record_findings


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
    assert render_findings(["a.b"], table).splitlines()[-1] == "| d | 1 n | `a.b` |"
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
    from analysis.figures import write_table

    path = write_table(pd.DataFrame({"a": [1]}), tmp_path / "new" / "t.csv")
    assert path.read_text() == "a\n1\n"


def test_png_and_svg_share_the_tight_bounding_box(tmp_path):
    """Both formats crop to the same area: the one bbox_inches="tight" gives for the PNG."""
    import io
    import re

    fig = _figure()
    fig.text(1.1, 0.5, "a label outside the axes")  # widens the tight box to the right
    reference = io.BytesIO()
    fig.savefig(reference, format="png", bbox_inches="tight")
    written = save_figure(fig, "99_test", pd.DataFrame(), out_dir=tmp_path)
    png = written["png"].read_bytes()
    assert png[16:24] == reference.getvalue()[16:24]  # IHDR width and height, in pixels
    width, height = (int.from_bytes(png[i : i + 4], "big") for i in (16, 20))
    svg = written["svg"].read_text()
    points = re.search(r'width="([\d.]+)pt" height="([\d.]+)pt"', svg).groups()
    dpi = plt.rcParams["savefig.dpi"]
    assert [float(p) / 72 * dpi for p in points] == pytest.approx([width, height], abs=1)


def test_save_figure_closes_the_figure(tmp_path):
    fig = _figure()
    save_figure(fig, "99_test", pd.DataFrame(), out_dir=tmp_path)
    assert not plt.fignum_exists(fig.number)


def test_a_cached_png_is_the_png_a_fresh_render_gives(tmp_path, monkeypatch):
    """The second save of the same figure takes its PNG from the cache; the bytes are the same."""
    from analysis import figures

    renders = []
    real_render = figures._render
    monkeypatch.setattr(
        figures,
        "_render",
        lambda fig, fmt, bbox: renders.append(fmt) or real_render(fig, fmt, bbox),
    )
    monkeypatch.setenv("FRAMING_CACHE_DIR", str(tmp_path / "cache"))
    first = save_figure(_figure(), "99_test", pd.DataFrame(), out_dir=tmp_path / "one")
    second = save_figure(_figure(), "99_test", pd.DataFrame(), out_dir=tmp_path / "two")
    assert renders == ["svg", "png", "svg"]
    assert first["png"].read_bytes() == second["png"].read_bytes()

    changed = _figure()
    changed.axes[0].set_title("Test (N = 3)")
    save_figure(changed, "99_test", pd.DataFrame(), out_dir=tmp_path / "three")
    assert renders[3:] == ["svg", "png"], "a changed figure is drawn again"

    monkeypatch.setenv("FRAMING_CACHE", "0")
    uncached = save_figure(_figure(), "99_test", pd.DataFrame(), out_dir=tmp_path / "four")
    assert renders[5:] == ["svg", "png"]
    assert uncached["png"].read_bytes() == first["png"].read_bytes()
