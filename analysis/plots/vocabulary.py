"""Figures of notebook 03 (vocabulary): distinctive words, keyness, similarity, overlap,
naming choices and the concordance. The tables are :mod:`analysis.vocabulary` and
:mod:`analysis.kwic`."""

from __future__ import annotations

import textwrap

import matplotlib.pyplot as plt
import numpy as np
import pandas as pd
from scipy.stats import chi2

from analysis.plots.style import outlet_colour, panels, suptitle
from analysis.vocabulary import DEFAULT_ALPHA0


def plot_distinctive(top: pd.DataFrame, *, n_articles: int, alpha0: float = DEFAULT_ALPHA0):
    """Bars of the log-odds z of each group's most distinctive terms, with their counts beside
    (uses in the group / uses in all other groups). ``top`` is :func:`distinctive_terms`."""
    groups = list(pd.unique(top["group"]))
    n = int(top["rank"].max()) if len(top) else 0
    fig, axes = panels(len(groups), width=5.6, height=0.9 + 0.32 * n)
    for ax, group in zip(axes, groups, strict=True):
        rows = top[top["group"] == group].iloc[::-1]
        ax.barh(rows["term"], rows["z"], color=outlet_colour(group))
        for y, r in enumerate(rows.itertuples(index=False)):
            ax.annotate(
                f"{r.count} / {r.count_rest}",
                (max(r.z, 0), y),
                xytext=(4, 0),
                textcoords="offset points",
                va="center",
                fontsize=8,
            )
        ax.set_title(f"{group} ({rows['size'].iloc[0]:,} words)", fontsize=10)
        ax.set_xlabel("log-odds z vs all other groups")
        ax.margins(x=0.25)
        ax.grid(axis="y", visible=False)
    suptitle(
        fig,
        f"Most distinctive words per group, N = {n_articles} articles (canonical)\n"
        f"log-odds z, informative Dirichlet prior α0 = {alpha0:g}; "
        "labels: uses in group / uses elsewhere",
    )
    fig.tight_layout()
    return fig


def plot_keyness(keyed: pd.DataFrame, *, n_articles: int, fdr: float = 0.05, label: int = 3):
    """Per group, every term's effect size (Hardie's log ratio, x) against its evidence (|G²|, y),
    with the ``label`` most over-used terms named with their counts (group / rest). Filled points
    pass Benjamini-Hochberg at ``fdr``; the dashed line is G² = 3.84 (p = 0.05 for one test)."""
    groups = list(pd.unique(keyed["group"]))
    fig, axes = panels(len(groups), width=5.6, height=4.0)
    for ax, group in zip(axes, groups, strict=True):
        rows = keyed[keyed["group"] == group]
        sig = rows["q"] < fdr
        colour = outlet_colour(group)
        ax.scatter(
            rows.loc[~sig, "log_ratio"],
            rows.loc[~sig, "g2"].abs(),
            s=14,
            facecolors="none",
            edgecolors=colour,
            linewidths=0.8,
            alpha=0.7,
        )
        ax.scatter(rows.loc[sig, "log_ratio"], rows.loc[sig, "g2"].abs(), s=16, color=colour)
        ax.axhline(chi2.isf(0.05, 1), color="0.4", linestyle="--", linewidth=0.8)
        ax.axvline(0, color="0.4", linewidth=0.6)
        for i, (x, y, text) in enumerate(_point_labels(rows[rows["g2"] > 0], label)):
            ax.annotate(
                text,
                (x, y),
                xytext=(-3, 4 if i % 2 == 0 else -10),
                textcoords="offset points",
                ha="right",
                fontsize=8,
            )
        ax.margins(x=0.08, y=0.1)
        ax.set_title(f"{group}: {int(sig.sum())} of {len(rows)} terms at q < {fdr:g}", fontsize=10)
        ax.set_xlabel("log ratio (log2 of relative frequency, group / rest)")
        ax.set_ylabel("|G²|")
    suptitle(
        fig, f"Keyness of each group against all others, N = {n_articles} articles (canonical)"
    )
    fig.tight_layout()
    return fig


def _point_labels(rows: pd.DataFrame, n: int, *, names: int = 3) -> list[tuple]:
    """Labels for the first ``n`` distinct points of a keyness table: terms at the same point
    (same counts) share one label, "huge, johnson, rule (3/0)", so no label sits on another."""
    keys = list(zip(rows["log_ratio"].round(9), rows["g2"].round(9), strict=True))
    labels: dict[tuple, list] = {}
    for key, r in zip(keys, rows.itertuples(index=False), strict=True):
        if key not in labels and len(labels) == n:
            break
        labels.setdefault(key, [r.count_target, r.count_reference, []])[2].append(r.term)
    out = []
    for (x, y), (a, b, terms) in labels.items():
        shown = ", ".join(terms[:names]) + (f" +{len(terms) - names}" if len(terms) > names else "")
        out.append((x, y, f"{shown} ({a}/{b})"))
    return out


def plot_similarity(sim: pd.DataFrame, labels: pd.Series):
    """Annotated heatmap of the pairwise TF-IDF cosine similarities (:func:`similarity`)."""
    size = 1.6 + 1.1 * len(sim)
    fig, ax = plt.subplots(figsize=(size + 1.2, size))
    image = ax.imshow(sim.to_numpy(), cmap="Blues", vmin=0, vmax=1)
    names = [labels.get(i, i) for i in sim.index]
    ax.set_xticks(range(len(sim)), names, rotation=45, ha="right")
    ax.set_yticks(range(len(sim)), names)
    ax.grid(False)
    for (i, j), value in np.ndenumerate(sim.to_numpy()):
        ax.text(
            j,
            i,
            f"{value:.2f}",
            ha="center",
            va="center",
            color="white" if value > 0.6 else "black",
            fontsize=9,
        )
    fig.colorbar(image, ax=ax, shrink=0.8, label="cosine similarity")
    ax.set_title(f"TF-IDF cosine similarity, N = {len(sim)} articles")
    fig.tight_layout()
    return fig


def plot_overlap(overlap: pd.DataFrame, *, n_articles: int):
    """Stacked bars: each group's distinct content words, split into shared by all groups, shared
    with some, and used by no other group (:func:`vocabulary_overlap`)."""
    parts = [
        ("shared_by_all", "used by all groups", "#0072B2"),
        ("shared_with_some", "shared with some", "#56B4E9"),
        ("unique", "used by this group only", "#E69F00"),
    ]
    fig, ax = plt.subplots(figsize=(8, 1.2 + 0.55 * len(overlap)))
    left = np.zeros(len(overlap))
    y = np.arange(len(overlap))[::-1]
    for column, label, colour in parts:
        values = overlap[column].to_numpy()
        ax.barh(y, values, left=left, color=colour, label=label)
        for yi, lo, v in zip(y, left, values, strict=True):
            if v:
                ax.text(lo + v / 2, yi, str(v), ha="center", va="center", fontsize=8)
        left = left + values
    ax.set_yticks(y, overlap["group"])
    ax.set_xlabel("distinct content words (stop words removed)")
    ax.legend(loc="upper center", bbox_to_anchor=(0.5, -0.25), ncols=3)
    ax.grid(axis="y", visible=False)
    ax.set_title(f"Vocabulary overlap, N = {n_articles} articles (canonical)")
    fig.tight_layout()
    return fig


def plot_naming(table: pd.DataFrame, *, n_articles: int):
    """The naming-choices table (:func:`naming_table`) drawn as a figure, one row per concept."""
    wrap = 22
    cells = [[textwrap.fill(str(v), wrap) for v in row] for row in table.to_numpy()]
    lines = [max(c.count("\n") + 1 for c in row) for row in cells]
    fig, ax = plt.subplots(figsize=(2.2 + 2.1 * table.shape[1], 0.8 + 0.24 * (sum(lines) + 2)))
    ax.axis("off")
    drawn = ax.table(
        cellText=cells,
        rowLabels=[textwrap.fill(c, 18) for c in table.index],
        colLabels=[textwrap.fill(str(c), wrap) for c in table.columns],
        cellLoc="left",
        rowLoc="left",
        loc="upper left",
    )
    drawn.auto_set_font_size(False)
    drawn.set_fontsize(8)
    unit = 1 / (sum(lines) + 2)
    for (row, col), cell in drawn.get_celld().items():
        height = 2 if row == 0 else lines[row - 1]
        cell.set_height(unit * height)
        cell.set_edgecolor("0.8")
        if row == 0:
            cell.set_text_props(fontweight="bold")
        elif col >= 0 and cell.get_text().get_text() == "—":
            cell.set_facecolor("0.95")
    ax.set_title(
        f"Naming choices by group (counts in body text), N = {n_articles} articles (canonical)"
    )
    return fig


def plot_kwic(lines: pd.DataFrame, *, title: str, width: int = 58):
    """KWIC lines drawn as a figure: outlet, left context right-aligned up to the match in bold,
    right context; contexts cut to ``width`` characters each (the CSV keeps them whole). Lines
    with a ``term`` column (:func:`concordance`) get a header per term with its number of lines."""
    size = 8.0
    char = 0.602 * size / 72  # inches per character of DejaVu Sans Mono
    outlet_w = int(lines["outlet"].str.len().max()) + 2 if len(lines) else 10
    match_w = int(lines["match"].str.len().max()) if len(lines) else 5
    total = outlet_w + 2 * width + match_w + 2
    rows = []  # (kind, payload) in drawing order
    for term, group in lines.groupby("term", sort=False) if "term" in lines else [(None, lines)]:
        if term is not None:
            shown = f"{len(group)} of {group['lines'].iloc[0]}"
            rows.append(("header", f"{term}  ({shown} lines)"))
        rows += [("line", line) for line in group.itertuples(index=False)]
    # one axis unit is one character: the axes span exactly ``total`` characters of the figure
    line = 0.2  # inches per line
    width_in, height_in = total * char + 0.2, 0.6 + line * max(len(rows), 1)
    fig = plt.figure(figsize=(width_in, height_in))
    ax = fig.add_axes(
        (
            0.1 / width_in,
            0.1 / height_in,
            total * char / width_in,
            line * max(len(rows), 1) / height_in,
        )
    )
    ax.set_xlim(0, total)
    ax.set_ylim(max(len(rows), 1) - 0.5, -0.5)
    ax.axis("off")
    text = {"family": "monospace", "fontsize": size, "va": "center"}
    for y, (kind, item) in enumerate(rows):
        if kind == "header":
            ax.text(0, y, item, fontweight="bold", **text)
            continue
        left = item.left if len(item.left) <= width else "…" + item.left[-(width - 1) :]
        right = item.right if len(item.right) <= width else item.right[: width - 1] + "…"
        ax.text(0, y, item.outlet, color=outlet_colour(item.outlet), **text)
        ax.text(outlet_w + width, y, left, ha="right", **text)
        ax.text(outlet_w + width + 1, y, item.match, ha="left", fontweight="bold", **text)
        ax.text(outlet_w + width + 2 + len(item.match), y, right, ha="left", **text)
    ax.set_title(title, fontsize=10)
    return fig
