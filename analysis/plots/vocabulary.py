"""Figures of notebook 03 (vocabulary): distinctive words, keyness, similarity, overlap,
naming choices and the concordance. The tables are :mod:`analysis.vocabulary` and
:mod:`analysis.kwic`."""

from __future__ import annotations

import textwrap

import matplotlib.pyplot as plt
import numpy as np
import pandas as pd

from analysis.plots.style import (
    DRAW_HEIGHT,
    FIG_WIDTH,
    SIGN_COLOURS,
    SOURCE_SPACE,
    described,
    finding_room,
    finish,
    fit_lines,
    headed,
    outlet_colour,
    panel_layout,
    panels,
    suptitle,
    wrap,
)
from analysis.vocabulary import DEFAULT_ALPHA0, PAIRWISE_ARTICLES


@described(
    "Bars of the log-odds z of each group's most distinctive terms, with their counts beside (uses in the group / uses in all other groups)"
)
def plot_distinctive(
    top: pd.DataFrame, *, n_articles: int, alpha0: float = DEFAULT_ALPHA0, finding: str = ""
):
    """Bars of the log-odds z of each group's most distinctive terms, with their counts beside
    (uses in the group / uses in all other groups). ``top`` is :func:`distinctive_terms`. Past
    what the print page holds, each panel shows fewer terms (the title says how many)."""
    groups = list(pd.unique(top["group"]))
    n = int(top["rank"].max()) if len(top) else 0
    columns, width, height, shown = panel_layout(len(groups), n, row=0.15, chrome=0.6)
    fig, axes = panels(len(groups), columns=columns, width=width, height=height)
    for ax, group in zip(axes, groups, strict=True):
        rows = top[(top["group"] == group) & (top["rank"] <= shown)].iloc[::-1]
        ax.barh(rows["term"], rows["z"], color=outlet_colour(group))
        for y, r in enumerate(rows.itertuples(index=False)):
            ax.annotate(
                f"{r.count} / {r.count_rest}",
                (max(r.z, 0), y),
                xytext=(3, 0),
                textcoords="offset points",
                va="center",
                fontsize=7,
            )
        ax.set_title(f"{wrap(group, 28)} ({rows['size'].iloc[0]:,} words)", fontsize=8)
        ax.tick_params(axis="y", labelsize=7)
        ax.set_xlabel("log-odds z vs all other groups", fontsize=7)
        ax.margins(x=0.3)
        ax.grid(axis="y", visible=False)
    cut = f", top {shown:,} of {n:,} per group (all in the CSV)" if shown < n else ""
    suptitle(
        fig,
        headed(
            finding,
            f"Most distinctive words per group, N = {n_articles:,} articles (canonical){cut}\n"
            f"log-odds z, informative Dirichlet prior \u03b10 = {alpha0:g}; "
            "labels: uses in group / uses elsewhere",
        ),
    )
    finish(fig)
    return fig


#: Groups drawn at most in the keyness figure, and terms per side of each.
MAX_KEYNESS_GROUPS, KEYNESS_TERMS = 4, 10


@described(
    "Signed keyness bars per group, as in quanteda's keyness plot: the {top} terms the group uses most over the rest (G² above 0, upwards) and the {top} it uses least (G² below 0), each labelled with its counts (group / rest); solid bars pass the Benjamini-Hochberg test at a false-discovery rate of {fdr}"
)
def plot_keyness(
    keyed: pd.DataFrame,
    *,
    n_articles: int,
    fdr: float = 0.05,
    top: int = KEYNESS_TERMS,
    finding: str = "",
):
    """Signed keyness bars per group, as quanteda's ``textplot_keyness``: the ``top`` terms the
    group uses most over the rest (G² > 0, upwards) and the ``top`` it uses least (G² < 0),
    each labelled with its counts (group / rest); solid bars pass Benjamini-Hochberg at ``fdr``.

    At most :data:`MAX_KEYNESS_GROUPS` groups are drawn, those with the most terms passing
    (then the largest); the title says so and the CSV has every group."""
    groups = list(pd.unique(keyed["group"]))
    passing = (
        keyed.assign(_sig=keyed["q"] < fdr)
        .groupby("group", sort=False)
        .agg(sig=("_sig", "sum"), size=("size_target", "first"), terms=("term", "size"))
    )
    order = passing.sort_values(["sig", "size"], ascending=False, kind="mergesort").index
    drawn = [g for g in groups if g in set(order[:MAX_KEYNESS_GROUPS])]
    columns = 1 if len(drawn) == 1 else 2
    rows_of_panels = -(-len(drawn) // columns)
    height = min(4.2, (DRAW_HEIGHT - 0.6) / rows_of_panels)
    fig, axes = panels(len(drawn), columns=columns, width=FIG_WIDTH / columns, height=height)
    for ax, group in zip(axes, drawn, strict=True):
        rows = keyed[keyed["group"] == group]
        over = rows[rows["g2"] > 0].sort_values("g2", ascending=False, kind="mergesort").head(top)
        under = rows[rows["g2"] < 0].sort_values("g2", kind="mergesort").head(top)
        shown = pd.concat([over, under.iloc[::-1]])
        y = np.arange(len(shown))[::-1]
        sig = (shown["q"] < fdr).to_numpy()
        colours = np.where(shown["g2"] > 0, SIGN_COLOURS["positive"], SIGN_COLOURS["negative"])
        ax.barh(y[sig], shown["g2"][sig], color=colours[sig], height=0.75)
        ax.barh(
            y[~sig],
            shown["g2"][~sig],
            color="white",
            edgecolor=colours[~sig],
            height=0.75,
            linewidth=0.8,
        )
        reach = float(shown["g2"].abs().max()) if len(shown) else 1.0
        for yy, r in zip(y, shown.itertuples(index=False), strict=True):
            right = r.g2 > 0
            ax.text(
                -0.02 * reach if right else 0.02 * reach,
                yy,
                r.term,
                ha="right" if right else "left",
                va="center",
                fontsize=7,
            )
            ax.text(
                r.g2 + (0.02 if right else -0.02) * reach,
                yy,
                f"{r.count_target}/{r.count_reference}",
                ha="left" if right else "right",
                va="center",
                fontsize=7,
                color="#444444",
            )
        ax.axvline(0, color="0.3", linewidth=0.7)
        ax.set_xlim(-1.25 * reach, 1.25 * reach)
        ax.set_yticks([])
        ax.set_ylim(-0.7, len(shown) - 0.3)
        ax.grid(axis="y", visible=False)
        name = wrap(group, 30)
        ax.set_title(
            f"{name}: {int(rows['q'].lt(fdr).sum()):,} of {len(rows):,} terms at q < {fdr:g}",
            fontsize=8,
        )
        ax.set_xlabel(
            f"signed G\u00b2: \u2190 more in the rest | more in {wrap(group, 18)} \u2192",
            fontsize=7,
        )
    cut = (
        f"; {len(drawn):,} of {len(groups):,} groups (most terms passing), all in the CSV"
        if len(drawn) < len(groups)
        else ""
    )
    suptitle(
        fig,
        headed(
            finding,
            f"Keyness of each group against all others, N = {n_articles:,} articles (canonical)"
            f"{cut}\ntop {top} terms each side; solid: BH q < {fdr:g}; labels: uses in group / "
            "uses in the rest",
        ),
    )
    finish(fig)
    return fig


@described(
    f"Annotated heat map of the TF-IDF cosine similarity of every pair of articles (up to {PAIRWISE_ARTICLES} articles), each named by its id and outlet"
)
def plot_similarity(sim: pd.DataFrame, labels: pd.Series, *, finding: str = ""):
    """Annotated heat map of the pairwise TF-IDF cosine similarities of the articles
    (:func:`~analysis.vocabulary.similarity`, up to
    :data:`~analysis.vocabulary.PAIRWISE_ARTICLES` articles); ``labels`` by article id."""
    names = [labels.get(i, i) for i in sim.index]
    title = headed(finding, f"TF-IDF cosine similarity, N = {len(sim):,} articles")
    return _similarity_map(sim, names, title)


@described(
    f"Annotated heat map of the mean TF-IDF cosine similarity of the article pairs between outlets (on the diagonal, within each outlet), drawn past {PAIRWISE_ARTICLES} articles"
)
def plot_outlet_similarity(table: pd.DataFrame, *, n_articles: int, finding: str = ""):
    """Heat map of the mean TF-IDF cosine of the article pairs between (and, on the diagonal,
    within) outlets: :func:`~analysis.vocabulary.outlet_similarity`'s table, for a corpus past
    :data:`~analysis.vocabulary.PAIRWISE_ARTICLES` articles."""
    grid = table.pivot(index="outlet_a", columns="outlet_b", values="cosine")
    order = list(dict.fromkeys(table["outlet_a"]))
    grid = grid.reindex(index=order, columns=order)
    title = (
        f"TF-IDF cosine similarity by outlet, N = {n_articles:,} articles\nmean over article "
        f"pairs (diagonal: pairs within the outlet); more than {PAIRWISE_ARTICLES} "
        "articles, so outlets, not articles"
    )
    return _similarity_map(grid, [wrap(o, 18) for o in order], headed(finding, title))


def _similarity_map(grid: pd.DataFrame, names: list[str], title: str):
    n = len(grid)
    cell = min(0.75, (FIG_WIDTH - 2.4) / max(n, 1))
    fig, ax = plt.subplots(figsize=(1.6 + cell * n + 0.8, 1.5 + cell * n + SOURCE_SPACE))
    values = grid.to_numpy(dtype=float)
    image = ax.imshow(values, cmap="Blues", vmin=0, vmax=1)
    ax.set_xticks(range(n), names, rotation=45, ha="right", fontsize=7)
    ax.set_yticks(range(n), names, fontsize=7)
    ax.grid(False)
    if cell >= 0.3:
        for (i, j), value in np.ndenumerate(values):
            if np.isfinite(value):
                ax.text(
                    j,
                    i,
                    f"{value:.2f}",
                    ha="center",
                    va="center",
                    color="white" if value > 0.6 else "black",
                    fontsize=7,
                )
    fig.colorbar(image, ax=ax, shrink=0.8, label="cosine similarity")
    ax.set_title(fit_lines(title, 1.6 + cell * n))
    finish(fig)
    return fig


@described(
    "Stacked bars: each group's distinct content words, split into shared by all groups, shared with some, and used by no other group"
)
def plot_overlap(overlap: pd.DataFrame, *, n_articles: int, finding: str = ""):
    """Stacked bars: each group's distinct content words, split into shared by all groups, shared
    with some, and used by no other group (:func:`vocabulary_overlap`)."""
    parts = [
        ("shared_by_all", "used by all groups", "#0072B2"),
        ("shared_with_some", "shared with some", "#56B4E9"),
        ("unique", "used by this group only", "#E69F00"),
    ]
    row = min(0.45, 6.0 / max(len(overlap), 1))
    fig, ax = plt.subplots(figsize=(FIG_WIDTH, 1.3 + row * len(overlap) + SOURCE_SPACE))
    left = np.zeros(len(overlap))
    y = np.arange(len(overlap))[::-1]
    for column, label, colour in parts:
        values = overlap[column].to_numpy()
        ax.barh(y, values, left=left, color=colour, label=label)
        for yi, lo, v in zip(y, left, values, strict=True):
            if v:
                ax.text(lo + v / 2, yi, str(v), ha="center", va="center", fontsize=7)
        left = left + values
    ax.set_yticks(y, overlap["group"])
    ax.set_xlabel("distinct content words (stop words removed)")
    ax.legend(loc="lower left", bbox_to_anchor=(0, 1.0), ncols=3)
    ax.grid(axis="y", visible=False)
    suptitle(fig, headed(finding, f"Vocabulary overlap, N = {n_articles:,} articles (canonical)"))
    finish(fig)
    return fig


@described(
    "The naming choices drawn as a table, one row per concept and one column per group, text wrapped to fit the print width"
)
def plot_naming(table: pd.DataFrame, *, n_articles: int, finding: str = ""):
    """The naming choices drawn as a table, one row per concept and one column per group,
    columns narrowed (and text wrapped) to fit the print width. ``table`` is
    :func:`naming_table`'s; at most :data:`MAX_NAMING_GROUPS` groups are drawn (the first ones;
    the CSV has every group)."""
    total = table.shape[1]
    table = table.iloc[:, :MAX_NAMING_GROUPS]
    column_in = min(1.9, (FIG_WIDTH - 1.2) / max(table.shape[1], 1))
    wrap = max(8, int(column_in / 0.062))
    cells = [[textwrap.fill(str(v), wrap) for v in row] for row in table.to_numpy()]
    lines = [max(c.count("\n") + 1 for c in row) for row in cells]
    fig, ax = plt.subplots(
        figsize=(
            1.2 + column_in * table.shape[1],
            0.6 + 0.15 * (sum(lines) + 2) + SOURCE_SPACE + finding_room(finding),
        )
    )
    ax.axis("off")
    drawn = ax.table(
        cellText=cells,
        rowLabels=[textwrap.fill(c, 16) for c in table.index],
        colLabels=[textwrap.fill(str(c), wrap) for c in table.columns],
        cellLoc="left",
        rowLoc="left",
        loc="upper left",
    )
    drawn.auto_set_font_size(False)
    drawn.set_fontsize(7)
    unit = 1 / (sum(lines) + 2)
    for (row, col), cell in drawn.get_celld().items():
        height = 2 if row == 0 else lines[row - 1]
        cell.set_height(unit * height)
        cell.set_edgecolor("0.8")
        if row == 0:
            cell.set_text_props(fontweight="bold")
        elif col >= 0 and cell.get_text().get_text() == "—":
            cell.set_facecolor("0.95")
    cut = (
        f"\n{table.shape[1]} of {total:,} groups shown (all in the CSV)"
        if total > table.shape[1]
        else ""
    )
    ax.set_title(
        headed(
            finding,
            f"Naming choices by group (counts in body text), N = {n_articles:,} articles "
            f"(canonical){cut}",
        )
    )
    finish(fig)
    return fig


#: Groups drawn at most in the naming table.
MAX_NAMING_GROUPS = 6


@described(
    "Concordance lines drawn as a figure: outlet, the words before the term right-aligned up to the term in bold, then the words after it, each side cut to fit the page (the CSV keeps them whole); a header per term gives its number of lines"
)
def plot_kwic(lines: pd.DataFrame, *, title: str, width: int = 58, finding: str = ""):
    """KWIC lines drawn as a figure: outlet, left context right-aligned up to the match in bold,
    right context; contexts cut to ``width`` characters each (the CSV keeps them whole). Lines
    with a ``term`` column (:func:`concordance`) get a header per term with its number of lines."""
    size = 7.0
    char = 0.602 * size / 72  # inches per character of DejaVu Sans Mono
    outlet_w = min(int(lines["outlet"].str.len().max()) + 2 if len(lines) else 10, 22)
    match_w = int(lines["match"].str.len().max()) if len(lines) else 5
    width = max(12, min(width, int((FIG_WIDTH - 0.2) / char - outlet_w - match_w - 2) // 2))
    total = outlet_w + 2 * width + match_w + 2
    rows = []  # (kind, payload) in drawing order
    for term, group in lines.groupby("term", sort=False) if "term" in lines else [(None, lines)]:
        if term is not None:
            shown = f"{len(group):,} of {group['lines'].iloc[0]:,}"
            rows.append(("header", f"{term}  ({shown} lines)"))
        rows += [("line", line) for line in group.itertuples(index=False)]
    line = 0.16  # inches per line
    fit = int((DRAW_HEIGHT - 0.6) / line)
    if len(rows) > fit:  # the print page is full: the CSV has every line
        cut = sum(kind == "line" for kind, _ in rows[fit - 1 :])
        rows = [*rows[: fit - 1], ("header", f"\u2026 {cut} more lines in the CSV")]
    # one axis unit is one character: the axes span exactly ``total`` characters of the figure
    width_in = total * char + 0.2
    title = fit_lines(headed(finding, title), width_in, fontsize=8)
    height_in = 0.45 + 0.15 * (title.count("\n") + 1) + line * max(len(rows), 1) + SOURCE_SPACE
    fig = plt.figure(figsize=(width_in, height_in))
    ax = fig.add_axes(
        (
            0.1 / width_in,
            (0.1 + SOURCE_SPACE) / height_in,
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
        ax.text(0, y, item.outlet[: outlet_w - 2], color=outlet_colour(item.outlet), **text)
        ax.text(outlet_w + width, y, left, ha="right", **text)
        ax.text(outlet_w + width + 1, y, item.match, ha="left", fontweight="bold", **text)
        ax.text(outlet_w + width + 2 + len(item.match), y, right, ha="left", **text)
    ax.set_title(title, fontsize=8)
    return fig
