"""Figures of coverage over time (notebooks 01, 04, 05): outlets x periods, as heatmaps.

A heatmap keeps one row per outlet whatever the number of outlets (the tables cap them at 20, the
rest summed) and one column per period, so it stays legible from 2 to 20 outlets and from a few
days to a few years, at most 7 inches wide. Cells carry their numbers while they fit (up to 31
periods); beyond that the colour alone carries them and the table beside the figure has them.
"""

from __future__ import annotations

import matplotlib.pyplot as plt
import numpy as np
import pandas as pd
from matplotlib.colors import TwoSlopeNorm

from analysis.plots.style import (
    SOURCE_SPACE,
    described,
    finding_room,
    finish,
    headed,
    panels,
    subplots,
    suptitle,
)

MAX_WIDTH = 7.0
#: Above this many periods, cells are not annotated and period labels are thinned.
ANNOTATE_PERIODS = 31


def _size(n_periods: int, n_rows: int) -> tuple[float, float, float]:
    """Figure width, the heatmap's height, and the width of one cell (inches)."""
    label = 1.9
    cell = min(0.55, (MAX_WIDTH - label - 0.6) / max(n_periods, 1))
    width = min(MAX_WIDTH, label + 0.6 + cell * n_periods)
    return width, 0.3 * n_rows + 0.9, cell


def _period_ticks(ax, periods: list[str], freq: str) -> None:
    labels = [p[5:] if freq == "day" else p[:7] if freq == "month" else p for p in periods]
    step = max(1, int(np.ceil(len(periods) / 16)))
    ax.set_xticks(range(0, len(periods), step), labels[::step], rotation=90, fontsize=8)
    ax.set_xlabel({"day": "day (MM-DD)", "week": "week starting", "month": "month"}[freq])


def _heatmap(ax, wide: pd.DataFrame, *, text: pd.DataFrame | None, cmap, norm=None) -> object:
    values = wide.to_numpy(dtype=float)
    image = ax.imshow(
        np.ma.masked_invalid(values), aspect="auto", cmap=cmap, norm=norm, interpolation="nearest"
    )
    ax.set_yticks(range(len(wide)), wide.index, fontsize=8)
    ax.grid(False)
    ax.set_facecolor("#f2f2f2")
    if text is not None and wide.shape[1] <= ANNOTATE_PERIODS:
        limit = getattr(norm, "vmax", None) or (
            np.nanmax(np.abs(values)) if np.isfinite(values).any() else 1
        )
        for (i, j), label in np.ndenumerate(text.to_numpy()):
            if label:
                dark = np.isfinite(values[i, j]) and abs(values[i, j]) > 0.6 * limit
                ax.text(
                    j,
                    i,
                    label,
                    ha="center",
                    va="center",
                    fontsize=7,
                    color="white" if dark else "black",
                )
    return image


@described(
    "Articles per outlet per period: a bar of all outlets' articles per period above a heat map of each outlet's"
)
def plot_articles_over_time(table: pd.DataFrame, *, finding: str = "") -> plt.Figure:
    """Articles per outlet per period (:func:`analysis.timeline.articles_over_time`): a bar of
    all outlets' articles per period above a heatmap of each outlet's."""
    periods = list(dict.fromkeys(table["period"]))
    wide = table.pivot(index="outlet", columns="period", values="articles")
    wide = wide.reindex(index=list(dict.fromkeys(table["outlet"])), columns=periods)
    width, height, _ = _size(len(periods), len(wide))
    fig, (top, ax) = subplots(
        2,
        1,
        figsize=(width, height + 1.3 + SOURCE_SPACE + finding_room(finding, width=width)),
        sharex=True,
        gridspec_kw={"height_ratios": [1.1, height]},  # no hspace: tight_layout sets it
    )
    top.bar(range(len(periods)), wide.sum(axis=0), color="#555555", width=0.8)
    top.set_ylabel("all", fontsize=8)
    top.grid(axis="x", visible=False)
    text = wide.map(lambda v: f"{v:d}" if v else "")
    _heatmap(ax, wide, text=text, cmap="Blues")
    _period_ticks(ax, periods, table.attrs.get("freq", "day"))
    undated = table.attrs.get("undated", 0)
    note = f"; {undated} undated left out" if undated else ""
    suptitle(
        fig,
        headed(
            finding,
            f"Articles per outlet per {table.attrs.get('freq', 'day')} "
            f"(N = {int(wide.to_numpy().sum()):,} articles{note})",
        ),
    )
    finish(fig)
    return fig


@described(
    "Mean VADER compound per sentence, per outlet per period, red negative to blue positive; each cell shows the mean and, under it, the number of sentences; grey: no article that period"
)
def plot_tone_over_time(table: pd.DataFrame, *, finding: str = "") -> plt.Figure:
    """Mean VADER compound per sentence, per outlet per period
    (:func:`analysis.timeline.tone_over_time`), red negative to blue positive; each cell shows
    the mean and, under it, the number of sentences; grey: no article that period."""
    periods = list(dict.fromkeys(table["period"]))
    order = list(dict.fromkeys(table["outlet"]))
    wide = table.pivot(index="outlet", columns="period", values="compound")
    wide = wide.reindex(index=order, columns=periods)
    counts = table.pivot(index="outlet", columns="period", values="sentences")
    counts = counts.reindex(index=order, columns=periods)
    width, height, _ = _size(len(periods), len(wide))
    fig, ax = subplots(
        figsize=(width, height + 0.9 + SOURCE_SPACE + finding_room(finding, width=width))
    )
    limit = max(
        0.1,
        float(np.nanmax(np.abs(wide.to_numpy(dtype=float)))) if wide.notna().any().any() else 0.1,
    )
    text = pd.DataFrame(
        [
            [f"{m:+.2f}\n{n:,}" if n else "" for m, n in zip(mr, nr, strict=True)]
            for mr, nr in zip(wide.to_numpy(), counts.to_numpy(), strict=True)
        ],
        index=wide.index,
        columns=wide.columns,
    )
    image = _heatmap(
        ax, wide, text=text, cmap="RdBu", norm=TwoSlopeNorm(vcenter=0, vmin=-limit, vmax=limit)
    )
    fig.colorbar(image, ax=ax, shrink=0.8, label="mean compound")
    _period_ticks(ax, periods, table.attrs.get("freq", "day"))
    suptitle(
        fig,
        headed(
            finding,
            f"Tone per outlet per {table.attrs.get('freq', 'day')}: mean VADER compound per "
            f"sentence, and sentences in each cell (N = {int(counts.to_numpy().sum()):,} sentences)",
        ),
    )
    finish(fig)
    return fig


@described(
    "Share of each outlet's sentences carrying a frame, per period: one heat map per frame, the {top} frames with the most sentences (the rest in the table)"
)
def plot_shares_over_time(
    table: pd.DataFrame,
    *,
    labels: dict[str, str] | None = None,
    top: int = 6,
    finding: str = "",
) -> plt.Figure:
    """Share of each outlet's sentences carrying a frame, per period
    (:func:`analysis.timeline.shares_over_time`): one heatmap per frame, the ``top`` frames
    with the most sentences (the rest are in the table, and the title says how many are left
    out). ``labels``: frame -> the name to show."""
    periods = list(dict.fromkeys(table["period"]))
    order = list(dict.fromkeys(table["outlet"]))
    totals = table.groupby("frame", sort=False)["sentences"].sum()
    shown = sorted(totals.index[totals > 0], key=lambda f: -totals[f])[:top]
    width, height, _ = _size(len(periods), len(order))
    fig, axes = panels(max(1, len(shown)), width=width, height=height + 1.1, columns=1)
    room = 0.6 + finding_room(finding, width=width)  # room for the title
    fig.set_size_inches(width, fig.get_size_inches()[1] + room)
    if not shown:
        axes[0].text(0.5, 0.5, "no sentence carries any frame", ha="center", va="center")
        axes[0].set_axis_off()
    for ax, frame in zip(axes, shown, strict=True):
        part = table[table["frame"] == frame]
        wide = part.pivot(index="outlet", columns="period", values="share")
        wide = wide.reindex(index=order, columns=periods)
        k = part.pivot(index="outlet", columns="period", values="sentences").reindex(
            index=order, columns=periods
        )
        text = pd.DataFrame(
            np.where(wide.notna(), k.astype(int).astype(str), ""),
            index=wide.index,
            columns=wide.columns,
        )
        image = _heatmap(ax, wide, text=text, cmap="Purples", norm=plt.Normalize(0, 1))
        ax.set_title((labels or {}).get(frame, frame), fontsize=10)
        _period_ticks(ax, periods, table.attrs.get("freq", "day"))
        fig.colorbar(image, ax=ax, shrink=0.8, label="share")
    left = len(totals) - len(shown)
    note = f"; {left} more frames in the table" if left else ""
    suptitle(
        fig,
        headed(
            finding,
            f"Share of sentences carrying each frame, per outlet per "
            f"{table.attrs.get('freq', 'day')}\n(sentences carrying it in each cell{note})",
        ),
    )
    height = fig.get_figheight()
    fig.tight_layout(rect=(0, SOURCE_SPACE / height, 1, 1))  # the suptitle is laid out too
    return fig
