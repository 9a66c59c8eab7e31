"""Tables shown in a notebook, written to be read: the columns a reader needs first, long text
cut, and a long table cut to its first rows with a pointer to the CSV that holds all of it.

pandas elides a long table in the middle ("...") and lets a wide one scroll off screen, without
saying where the rest is. :func:`show_table` returns a :class:`TableView`, which a notebook shows
as its cell's result: "first 20 of 752 rows; full table in figures/03_keyness.csv", then the
rows. It only changes what is displayed: the table and its CSV are untouched.
"""

from __future__ import annotations

import html
from dataclasses import dataclass
from pathlib import Path

import pandas as pd

from analysis import findings, paths

#: Rows shown of a longer table.
ROWS = 20
#: Characters shown of a longer text cell (a URL, a sha256, a paragraph).
MAX_CHARS = 60


def _cut(value: object, max_chars: int) -> object:
    if isinstance(value, str) and len(value) > max_chars:
        return value[: max_chars - 1] + "…"
    return value


@dataclass(frozen=True)
class TableView:
    """What a notebook shows of a table: ``shown`` (the rows and columns displayed, long text
    cut), ``total`` (rows in the whole table), ``csv`` (where the whole table is, or None) and
    ``cut`` (the columns whose text was shortened); ``index``: whether the index is shown."""

    shown: pd.DataFrame
    total: int
    csv: str | None
    cut: tuple[str, ...]
    index: bool = True

    @property
    def note(self) -> str:
        """One line for the reader: how many rows are shown, of how many, and where all are."""
        n = len(self.shown)
        rows = f"{self.total} row{'' if self.total == 1 else 's'}"
        note = f"first {n} of {rows}" if n < self.total else rows
        if self.csv:
            note += f"; full table in {self.csv}" if n < self.total else f"; also in {self.csv}"
        if self.cut:
            note += f"; long text cut in {', '.join(self.cut)}"
        return note

    def _repr_html_(self) -> str:
        return f"<p><i>{html.escape(self.note)}</i></p>" + self.shown.to_html(
            index=self.index, max_rows=len(self.shown) + 1, max_cols=len(self.shown.columns) + 1
        )

    def __repr__(self) -> str:
        return f"({self.note})\n{self.shown.to_string(index=self.index)}"


def show_table(
    data: pd.DataFrame,
    csv: str | Path | None = None,
    *,
    first: list[str] | tuple[str, ...] = (),
    rows: int = ROWS,
    max_chars: int = MAX_CHARS,
) -> TableView:
    """``data`` as a notebook should show it: the ``first`` columns first (the rest after, in
    their order), the first ``rows`` rows, text longer than ``max_chars`` cut with "…".

    ``csv`` is where the whole table is: a figure slug (``"03_keyness"``: that CSV in
    :func:`analysis.paths.figures_dir`, as :func:`analysis.figures.save_plot` wrote it) or a
    path. It must exist, so the pointer cannot be wrong; it is shown relative to the project
    root. A table cut to ``rows`` without a ``csv`` still says how many rows it has.
    """
    missing = [c for c in first if c not in data.columns]
    if missing:
        raise KeyError(f"show_table: no column {missing} in {list(data.columns)}")
    order = [*first, *(c for c in data.columns if c not in first)]
    shown = data[order].head(rows)
    # Row numbers (an unnamed integer index, sorted or filtered or not) say nothing: left out.
    # A named index (a pivot table's rows) is shown.
    index = any(n is not None for n in data.index.names) or not pd.api.types.is_integer_dtype(
        data.index
    )
    cut = tuple(
        str(c)
        for c in shown.columns
        if shown[c].map(lambda v: isinstance(v, str) and len(v) > max_chars).any()
    )
    if cut:
        shown = shown.assign(**{c: shown[c].map(lambda v: _cut(v, max_chars)) for c in cut})
    where = None
    if csv is not None:
        path = Path(csv)
        if path.suffix != ".csv" and path.parent == Path("."):
            path = paths.figures_dir() / f"{csv}.csv"
        if path.name == findings.FILENAME:  # rows recorded in this cell are written after it
            findings.flush_findings()
        if not path.is_file():
            raise FileNotFoundError(f"show_table: {path} does not exist (write the CSV first)")
        where = paths.shown(path)
    return TableView(shown=shown, total=len(data), csv=where, cut=cut, index=index)
