"""show_table: what a notebook shows of a long or wide table, and where the rest is."""

from __future__ import annotations

import pandas as pd
import pytest

from analysis import paths
from analysis.tables import show_table


@pytest.fixture
def long_table():
    return pd.DataFrame(
        {
            "score": range(50),
            "term": [f"t{i}" for i in range(50)],
            "url": ["https://example.com/" + "x" * 80] * 50,
        }
    )


def test_a_long_table_is_cut_and_points_to_its_csv(long_table, tmp_path, monkeypatch):
    monkeypatch.setenv("FRAMING_FIGURES_DIR", str(tmp_path))
    long_table.to_csv(tmp_path / "03_keyness.csv", index=False)
    view = show_table(long_table, "03_keyness", first=["term"], rows=20, max_chars=30)
    assert list(view.shown.columns) == ["term", "score", "url"]
    assert view.shown["term"].tolist() == [f"t{i}" for i in range(20)]
    assert view.shown["url"].iloc[0] == "https://example.com/xxxxxxxxx…"  # 29 characters and …
    assert len(view.shown["url"].iloc[0]) == 30
    assert view.note == (
        f"first 20 of 50 rows; full table in {tmp_path / '03_keyness.csv'}; long text cut in url"
    )
    html = view._repr_html_()
    assert html.startswith("<p><i>first 20 of 50 rows; full table in ")
    assert html.count("<tr") == 21 and "..." not in html  # header + 20 rows, none elided
    text = repr(view)
    assert text.splitlines()[0].startswith("(first 20 of 50 rows;")
    assert len(text.splitlines()) == 22 and "..." not in text
    assert long_table.shape == (50, 3)  # the table itself is untouched


def test_a_short_table_is_shown_whole_with_its_count():
    view = show_table(pd.DataFrame({"a": [1, 2]}), rows=20)
    assert view.note == "2 rows"
    assert view.shown.equals(pd.DataFrame({"a": [1, 2]}))
    assert show_table(pd.DataFrame({"a": [1]})).note == "1 row"


def test_the_csv_is_shown_relative_to_the_root_and_must_exist(tmp_path):
    table = pd.DataFrame({"a": [1, 2, 3]})
    assert show_table(table, paths.ROOT / "figures" / "findings.csv", rows=2).note == (
        "first 2 of 3 rows; full table in figures/findings.csv"
    )
    assert show_table(table, paths.ROOT / "figures" / "findings.csv").note == (
        "3 rows; also in figures/findings.csv"
    )
    with pytest.raises(FileNotFoundError, match="no_such.csv"):
        show_table(table, tmp_path / "no_such.csv")


def test_an_unknown_first_column_is_an_error():
    with pytest.raises(KeyError, match="nope"):
        show_table(pd.DataFrame({"a": [1]}), first=["nope"])


def test_row_numbers_are_left_out_and_a_named_index_is_shown():
    table = pd.DataFrame({"a": [3, 1, 2]}).sort_values("a")
    assert not show_table(table).index
    assert "<th>2</th>" not in show_table(table)._repr_html_()
    pivot = pd.DataFrame({"a": [1]}, index=pd.Index(["x"], name="frame"))
    assert show_table(pivot).index and "frame" in show_table(pivot)._repr_html_()
