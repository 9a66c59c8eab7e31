"""One way to save a figure: PNG + SVG + the CSV of the plotted data, byte-identical every run.

A figure travels with its data (the slug is what a write-up cites): ``save_figure(fig, "01_removed",
data)`` writes ``01_removed.png``, ``01_removed.svg`` and ``01_removed.csv`` to the figures folder.
Timestamps and random ids that matplotlib would embed are switched off, so the files depend only on
the data and the pinned library versions.
"""

from __future__ import annotations

import re
from pathlib import Path

import matplotlib.pyplot as plt
import pandas as pd

from analysis import paths

_SLUG = re.compile(r"^\d{2}_[a-z0-9][a-z0-9_-]*$")

#: House style for every figure: readable at a glance, identical across machines.
STYLE = {
    "figure.dpi": 100,
    "savefig.dpi": 150,
    "font.family": "DejaVu Sans",
    "font.size": 10,
    "axes.titlesize": 12,
    "axes.titleweight": "bold",
    "axes.titlelocation": "left",
    "axes.spines.top": False,
    "axes.spines.right": False,
    "axes.grid": True,
    "grid.alpha": 0.3,
    "legend.frameon": False,
    "svg.fonttype": "none",
    "svg.hashsalt": "framing",
    "path.simplify": False,
}
plt.rcParams.update(STYLE)

#: Colours by outlet, fixed so an outlet looks the same in every figure (colour-blind safe).
OUTLET_COLOURS = {
    "Financial Times": "#E69F00",
    "Associated Press": "#0072B2",
    "The Independent": "#D55E00",
    "The Moscow Times": "#009E73",
}
_FALLBACK = ["#56B4E9", "#CC79A7", "#000000", "#7F7F7F", "#8C564B"]


def subplots(*args: object, **kwargs: object) -> tuple[plt.Figure, object]:
    """``plt.subplots`` with the house style in force (importing this module applies it)."""
    return plt.subplots(*args, **kwargs)


def panels(n: int, *, width: float, height: float, columns: int = 2) -> tuple[plt.Figure, list]:
    """A figure of ``n`` panels, ``columns`` to a row, each ``width`` × ``height`` inches.

    Returns the figure and a flat list of the ``n`` axes; spare cells of the grid are removed.
    """
    rows = max(1, -(-n // columns))
    columns = max(1, min(columns, n))
    fig, axes = plt.subplots(rows, columns, figsize=(width * columns, height * rows), squeeze=False)
    flat = list(axes.flat)
    for ax in flat[n:]:
        ax.remove()
    return fig, flat[:n]


def outlet_colour(outlet: str) -> str:
    """The outlet's fixed colour; an outlet from another corpus gets one by its name's hash."""
    if outlet in OUTLET_COLOURS:
        return OUTLET_COLOURS[outlet]
    return _FALLBACK[sum(outlet.encode()) % len(_FALLBACK)]


def save_figure(
    fig: plt.Figure,
    slug: str,
    data: pd.DataFrame,
    *,
    out_dir: str | Path | None = None,
    close: bool = True,
) -> dict[str, Path]:
    """Write ``slug``.png, .svg and .csv (the plotted ``data``) and return their paths.

    ``slug`` is ``NN_name`` (the notebook's number first). The CSV has no index, ``\\n`` line
    endings and floats to 10 significant digits, so it diffs cleanly. ``close`` closes the figure
    after saving unless the caller wants to keep showing it (notebooks display it first).
    """
    if not _SLUG.match(slug):
        raise ValueError(f"figure slug {slug!r} must look like '01_removed_by_reason'")
    out = Path(out_dir) if out_dir is not None else paths.figures_dir()
    out.mkdir(parents=True, exist_ok=True)
    written = {
        "png": out / f"{slug}.png",
        "svg": out / f"{slug}.svg",
        "csv": out / f"{slug}.csv",
    }
    fig.savefig(written["png"], format="png", metadata={"Software": None}, bbox_inches="tight")
    fig.savefig(
        written["svg"], format="svg", metadata={"Date": None, "Creator": None}, bbox_inches="tight"
    )
    write_table(data, written["csv"])
    if close:
        plt.close(fig)
    return written


def write_table(data: pd.DataFrame, path: str | Path) -> Path:
    """Write ``data`` as a CSV the same way every time (no index, LF, 10 significant digits)."""
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    data.to_csv(path, index=False, lineterminator="\n", float_format="%.10g", encoding="utf-8")
    return path
