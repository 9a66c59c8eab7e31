"""Figures of notebook 05 (emphasis): headline and lead against the body, first mentions, the
frame strip, frame shares, facts coverage and numbers. The tables are :mod:`analysis.emphasis`."""

from __future__ import annotations

import matplotlib.pyplot as plt
import numpy as np
import pandas as pd
from matplotlib.colors import ListedColormap
from matplotlib.patches import Patch

from analysis.emphasis import (
    BODY_ZONES,
    COVERAGE_LEVELS,
    DISPLAY_ZONES,
    Frame,
    coverage_matrix,
    lead_end,
)
from analysis.plots.style import ZONE_COLOURS, frame_colours, outlet_colour, panels, suptitle, wrap


def _n_label(units: pd.DataFrame, zones=BODY_ZONES) -> str:
    body = units[units["zone"].isin(zones)]
    return f"N = {body['article_id'].nunique()} articles, {len(body)} body sentences"


def plot_headline_lead(contrast: pd.DataFrame, units: pd.DataFrame, labels: pd.Series):
    """Per article, one panel: the share of body sentences carrying each frame (bar), the share
    of lead sentences (diamond), and whether the headline (star, column H) or standfirst (square,
    column S) carries it; the panel's title is the headline. Returns the figure and the data."""
    articles = list(pd.unique(contrast["article_id"]))
    names = list(pd.unique(contrast["frame"]))
    fig, flat = panels(len(articles), width=7.2, height=0.42 * len(names) + 1.5)
    headlines = units[units["zone"] == "headline"].set_index("article_id")["text"]
    markers = {"headline": ("*", -0.09, 130), "standfirst": ("s", -0.04, 40)}
    y = np.arange(len(names))[::-1]
    for ax, article_id in zip(flat, articles, strict=True):
        rows = contrast[contrast["article_id"] == article_id].set_index("frame").loc[names]
        colour = outlet_colour(rows["outlet"].iloc[0])
        ax.barh(y, rows["body_share"], color=colour, alpha=0.45, height=0.7)
        ax.scatter(
            rows["lead_share"], y, marker="D", color="black", edgecolor="white", s=30, zorder=3
        )
        for zone, (marker, x, size) in markers.items():
            flags = rows[zone].fillna(False).to_numpy(dtype=bool)
            ax.scatter(
                np.full(flags.sum(), x),
                y[flags],
                marker=marker,
                s=size,
                color=colour,
                edgecolor="black",
                linewidth=0.6,
                zorder=3,
            )
        ax.set_yticks(y, [wrap(label, 28) for label in rows["label"]], fontsize=9)
        ax.set_xticks(
            [markers["headline"][1], markers["standfirst"][1], 0, 0.2, 0.4, 0.6, 0.8, 1],
            ["H", "S", "0", "0.2", "0.4", "0.6", "0.8", "1"],
        )
        ax.set_xlim(-0.12, 1.05)
        ax.set_ylim(-0.6, len(names) - 0.4)
        ax.axvline(-0.015, color="0.6", linewidth=0.8)
        headline = headlines.get(article_id, "(no headline)")
        n_lead = int(((units["article_id"] == article_id) & (units["zone"] == "lead")).sum())
        ax.set_title(
            f"{labels.get(article_id, article_id)} "
            f"(n = {int(rows['body_total'].iloc[0])} body sentences, {n_lead} in the lead)\n"
            f"\u201c{wrap(headline, 70)}\u201d",
            fontsize=9.5,
        )
        ax.set_xlabel("share of sentences carrying the frame")
        ax.grid(axis="y", visible=False)
    grey = {"color": "0.55", "linestyle": ""}
    handles = [
        plt.Rectangle((0, 0), 1, 1, color="0.55", alpha=0.45),
        plt.Line2D([], [], marker="D", color="black", linestyle=""),
        plt.Line2D([], [], marker="*", markersize=13, markeredgecolor="black", **grey),
        plt.Line2D([], [], marker="s", markeredgecolor="black", **grey),
    ]
    fig.legend(
        handles,
        [
            "body as a whole (lead included)",
            "lead (first paragraphs)",
            "in the headline (H)",
            "in the standfirst (S)",
        ],
        loc="lower center",
        ncol=4,
        bbox_to_anchor=(0.5, 0),
    )
    suptitle(
        fig,
        f"What the headline and lead foreground, against the body ({_n_label(units)})",
        fontsize="large",
    )
    fig.tight_layout(rect=(0, 0.04, 1, 0.97))
    return fig, contrast


def plot_first_mentions(first: pd.DataFrame, ends: pd.Series, labels: pd.Series):
    """First-mention positions, one panel per kind (frames, actors): a dot per article at the
    position (0-1) where the frame or actor first appears, a star if it is also in the headline;
    dashed lines mark where each article's lead ends. Returns the figure and the data."""
    kinds = list(pd.unique(first["kind"]))
    articles = list(pd.unique(first["article_id"]))
    outlet = first.drop_duplicates("article_id").set_index("article_id")["outlet"]
    heights = [first.loc[first["kind"] == k, "name"].nunique() for k in kinds]
    fig, axes = plt.subplots(
        len(kinds),
        1,
        figsize=(10, 0.5 * sum(heights) + 1.4 * len(kinds) + 0.8),
        squeeze=False,
        gridspec_kw={"height_ratios": heights},
    )
    # the first article at the top of each row's band, the last at the bottom
    offsets = np.linspace(0.3, -0.3, len(articles)) if len(articles) > 1 else np.zeros(1)
    for ax, kind in zip(axes.ravel(), kinds, strict=True):
        table = first[first["kind"] == kind]
        names = list(pd.unique(table["name"]))
        label_of = dict(zip(table["name"], table["label"], strict=False))
        ypos = {name: len(names) - 1 - i for i, name in enumerate(names)}
        for offset, article_id in zip(offsets, articles, strict=True):
            colour = outlet_colour(outlet[article_id])
            mine = table[(table["article_id"] == article_id) & table["first_position"].notna()]
            yy = mine["name"].map(ypos) + offset
            star = mine["in_headline"].to_numpy(dtype=bool)
            ax.scatter(
                mine["first_position"][~star],
                yy[~star],
                color=colour,
                s=34,
                zorder=3,
                edgecolor="white",
                linewidth=0.5,
            )
            ax.scatter(
                mine["first_position"][star],
                yy[star],
                color=colour,
                s=95,
                marker="*",
                edgecolor="black",
                linewidth=0.5,
                zorder=4,
            )
            ax.axvline(
                ends.get(article_id, 0.0), color=colour, linestyle="--", linewidth=1, alpha=0.8
            )
        ax.set_yticks(list(ypos.values()), [wrap(label_of[n], 34) for n in ypos], fontsize=9)
        for boundary in np.arange(len(names) - 1) + 0.5:
            ax.axhline(boundary, color="0.88", linewidth=0.8, zorder=0)
        ax.set_xlim(-0.02, 1.02)
        ax.set_ylim(-0.6, len(names) - 0.4)
        ax.set_xlabel("position of the first mention in the article body (share of words)")
        ax.set_title(f"{kind}s", fontsize=11)
        ax.grid(axis="y", visible=False)
    handles = [
        plt.Line2D([], [], marker="o", linestyle="", color=outlet_colour(outlet[a]))
        for a in articles
    ]
    names = [labels.get(a, a) for a in articles]
    handles += [
        plt.Line2D(
            [], [], marker="*", color="0.5", markeredgecolor="black", linestyle="", markersize=12
        ),
        plt.Line2D([], [], color="0.4", linestyle="--"),
    ]
    names += ["also in the headline", "end of the lead"]
    fig.legend(handles, names, loc="lower center", ncol=3, bbox_to_anchor=(0.5, 0))
    suptitle(
        fig,
        f"Where each frame and actor first appears (N = {len(articles)} articles)",
        fontsize="large",
    )
    fig.tight_layout(rect=(0, 0.08, 1, 0.97))
    return fig, first


def plot_frame_strip(
    units: pd.DataFrame, tagged: pd.DataFrame, frames: tuple[Frame, ...], labels: pd.Series
):
    """The frames along each article: one row per article, one lane per frame, a block for each
    body sentence carrying the frame over the stretch of the article it occupies; the headline
    (H) and standfirst (S) sit left of 0; a dashed line marks the end of the lead. Returns the
    figure and the plotted data (the tagged units)."""
    names = [f.name for f in frames]
    colours = frame_colours(names)
    articles = list(pd.unique(units["article_id"]))
    ends = lead_end(units)
    fig, axes = plt.subplots(
        len(articles),
        1,
        figsize=(12, 0.3 * len(names) * len(articles) + 1.6),
        sharex=True,
        squeeze=False,
    )
    lane = {name: len(names) - 1 - i for i, name in enumerate(names)}
    display_x = {"headline": (-0.11, 0.04), "standfirst": (-0.06, 0.04)}
    for ax, article_id in zip(axes.ravel(), articles, strict=True):
        mine = tagged[tagged["article_id"] == article_id]
        for name in names:
            rows = mine[mine["frame"] == name]
            body = rows[rows["zone"].isin(BODY_ZONES)]
            spans = list(zip(body["start_pos"], body["end_pos"] - body["start_pos"], strict=True))
            spans += [display_x[z] for z in DISPLAY_ZONES if (rows["zone"] == z).any()]
            ax.broken_barh(
                spans,
                (lane[name] - 0.38, 0.76),
                facecolors=colours[name],
                edgecolor="white",
                linewidth=0.3,
            )
        ax.axvline(ends.get(article_id, 0.0), color="black", linestyle="--", linewidth=1)
        ax.axvline(0, color="0.5", linewidth=0.8)
        n = int(
            units[(units["article_id"] == article_id) & units["zone"].isin(BODY_ZONES)].shape[0]
        )
        ax.set_title(f"{labels.get(article_id, article_id)} ({n} sentences)", fontsize=10)
        ax.set_yticks(list(lane.values()), [f.label for f in frames], fontsize=8)
        ax.set_ylim(-0.6, len(names) - 0.4)
        ax.set_xlim(-0.12, 1.0)
        ax.grid(axis="y", visible=False)
    ticks = [x + width / 2 for x, width in display_x.values()]
    axes.ravel()[-1].set_xticks(
        [*ticks, 0, 0.2, 0.4, 0.6, 0.8, 1], ["H", "S", "0", "0.2", "0.4", "0.6", "0.8", "1"]
    )
    axes.ravel()[-1].set_xlabel(
        "position in the article body (share of words); H = headline, "
        "S = standfirst; dashed line = end of the lead"
    )
    suptitle(fig, f"Frames along each article ({_n_label(units)})", fontsize="large")
    fig.tight_layout(rect=(0, 0, 1, 0.98))
    data = tagged[
        [
            "article_id",
            "outlet",
            "zone",
            "paragraph",
            "sentence",
            "start_pos",
            "end_pos",
            "frame",
            "hits",
        ]
    ]
    return fig, data


def plot_frame_shares(shares: pd.DataFrame, generic_shares: pd.DataFrame, labels: pd.Series):
    """Heat maps of the share of each article's body sentences that carry each issue frame
    (left) and each approximated generic frame (right), every cell labelled with its share and
    its count k/n. Returns the figure and the plotted data (both tables, stacked)."""
    panels = [
        ("Issue-specific frames", shares),
        ("Generic frames (Semetko & Valkenburg\n2000), approximated by dictionary", generic_shares),
    ]
    articles = list(pd.unique(shares["article_id"]))
    widths = [shares["frame"].nunique(), max(generic_shares["frame"].nunique(), 1)]
    fig, axes = plt.subplots(
        1,
        2,
        figsize=(1.25 * sum(widths) + 3, 0.75 * len(articles) + 2.6),
        gridspec_kw={"width_ratios": widths},
    )
    for ax, (title, table) in zip(axes, panels, strict=True):
        frames = list(pd.unique(table["frame"]))
        grid = table.pivot(index="article_id", columns="frame", values="share").reindex(
            index=articles, columns=frames
        )
        ax.imshow(grid.to_numpy(dtype=float), cmap="Blues", vmin=0, vmax=1, aspect="auto")
        for i, article_id in enumerate(articles):
            for j, frame in enumerate(frames):
                r = table[(table["article_id"] == article_id) & (table["frame"] == frame)].iloc[0]
                ax.text(
                    j,
                    i,
                    f"{r.share:.0%}\n{r.sentences}/{r.total}",
                    ha="center",
                    va="center",
                    fontsize=8.5,
                    color="white" if r.share > 0.55 else "black",
                )
        label_of = dict(zip(table["frame"], table["label"], strict=False))
        short = [label_of[f].split(" (")[0] for f in frames]  # the panel title says the rest
        ax.set_xticks(range(len(frames)), [wrap(label, 16) for label in short], fontsize=8.5)
        ax.set_yticks(range(len(articles)), [labels.get(a, a) for a in articles])
        ax.set_title(title, fontsize=10.5)
        ax.grid(False)
        ax.tick_params(length=0)
    axes[1].set_yticklabels([])
    n_sentences = int(shares.drop_duplicates("article_id")["total"].sum())
    suptitle(
        fig,
        f"Share of body sentences carrying each frame (N = {len(articles)} articles, "
        f"{n_sentences} sentences; a sentence can carry several frames)",
        fontsize="large",
    )
    fig.tight_layout(rect=(0, 0, 1, 0.95))
    data = pd.concat(
        [shares.assign(level="issue"), generic_shares.assign(level="generic")], ignore_index=True
    )
    return fig, data


def plot_coverage(coverage: pd.DataFrame, labels: pd.Series):
    """The facts coverage matrix: one row per fact (most reported first), one column per
    article, each cell coloured by where the article first reports the fact (headline,
    standfirst, lead, body) or white when it does not. Returns the figure and the data."""
    matrix = coverage_matrix(coverage)
    articles = list(pd.unique(coverage["article_id"]))
    level = matrix.map(COVERAGE_LEVELS.index)
    counts = coverage.pivot(index="label", columns="article_id", values="sentences").reindex(
        index=matrix.index, columns=articles
    )
    fig, ax = plt.subplots(figsize=(2.0 * len(articles) + 5, 0.36 * len(matrix) + 1.8))
    cmap = ListedColormap([ZONE_COLOURS[z] for z in COVERAGE_LEVELS])
    ax.imshow(
        level.to_numpy(dtype=float),
        cmap=cmap,
        vmin=-0.5,
        vmax=len(COVERAGE_LEVELS) - 0.5,
        aspect="auto",
    )
    for i in range(len(matrix)):
        for j in range(len(articles)):
            zone = matrix.iat[i, j]
            text = "—" if zone == "absent" else f"{zone} ({counts.iat[i, j]})"
            dark = zone in ("headline", "standfirst")
            ax.text(
                j,
                i,
                text,
                ha="center",
                va="center",
                fontsize=8,
                color="white" if dark else ("0.6" if zone == "absent" else "black"),
            )
    ax.set_xticks(range(len(articles)), [wrap(labels.get(a, a), 18) for a in articles])
    ax.xaxis.tick_top()
    ax.set_yticks(range(len(matrix)), [wrap(f, 60) for f in matrix.index], fontsize=8.5)
    ax.set_xticks(np.arange(len(articles) + 1) - 0.5, minor=True)
    ax.set_yticks(np.arange(len(matrix) + 1) - 0.5, minor=True)
    ax.grid(which="minor", color="0.85", linewidth=0.6)
    ax.grid(which="major", visible=False)
    ax.tick_params(which="both", length=0)
    handles = [Patch(facecolor=ZONE_COLOURS[z], edgecolor="0.7", label=z) for z in COVERAGE_LEVELS]
    ax.legend(
        handles=handles,
        loc="upper center",
        bbox_to_anchor=(0.5, -0.01),
        ncol=5,
        title="first reported in (number of body sentences reporting it)",
    )
    ax.set_title(
        f"Which outlet reports which fact of the day, and where (N = {len(articles)} "
        f"articles, {len(matrix)} facts)",
        pad=28,
    )
    fig.tight_layout()
    return fig, coverage


def plot_numbers(table: pd.DataFrame, labels: pd.Series):
    """The numbers table as a figure: compared quantities first (rows where the outlets' values
    differ shaded red), then the other numeric claims by type; one column per article. Returns
    the figure and the table."""
    articles = list(pd.unique(table["article_id"]))
    keys = list(dict.fromkeys(zip(table["section"], table["row"], strict=True)))
    cells = table.set_index(["section", "row", "article_id"])["cell"]
    differ = table.groupby(["section", "row"], sort=False)["values_differ"].any()
    text = [[wrap(cells.get((s, r, a), "—"), 24) for a in articles] for s, r in keys]
    row_labels = [wrap(r if s == "compared" else f"other: {r}", 30) for s, r in keys]
    lines = [
        max(1, *(t.count("\n") + 1 for t in row), lab.count("\n") + 1)
        for row, lab in zip(text, row_labels, strict=True)
    ]
    fig, ax = plt.subplots(figsize=(2.3 * len(articles) + 3, 0.26 * (sum(lines) + 2) + 1.2))
    ax.axis("off")
    grid = ax.table(
        cellText=text,
        rowLabels=row_labels,
        colLabels=[wrap(labels.get(a, a), 22) for a in articles],
        cellLoc="left",
        rowLoc="left",
        loc="upper left",
        bbox=[0.22, 0, 0.78, 1],
    )
    grid.auto_set_font_size(False)
    grid.set_fontsize(8.5)
    header = 2
    unit = 1 / (sum(lines) + header)
    for (i, j), cell in grid.get_celld().items():
        cell.set_edgecolor("0.8")
        if i == 0:
            cell.set_height(header * unit)
            cell.set_text_props(fontweight="bold")
            cell.set_facecolor("0.93")
            continue
        cell.set_height(lines[i - 1] * unit)
        if differ.iloc[i - 1]:
            cell.set_facecolor("#fde0dd")
        elif keys[i - 1][0] == "compared" and j >= 0:
            cell.set_facecolor("#f7f7f7")
    ax.set_title(
        f"Numeric claims by outlet (N = {len(articles)} articles); red: the outlets' values differ",
        loc="left",
    )
    fig.tight_layout()
    return fig, table
