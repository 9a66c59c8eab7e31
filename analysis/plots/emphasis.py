"""Figures of notebook 05 (emphasis): headline and lead against the body, first mentions, the
frame strip, frame shares, facts coverage and numbers. The tables are :mod:`analysis.emphasis`."""

from __future__ import annotations

import matplotlib.pyplot as plt
import numpy as np
import pandas as pd
from matplotlib.colors import ListedColormap
from matplotlib.patches import Patch
from matplotlib.transforms import offset_copy

from analysis.aggregate import MAX_ARTICLES, fold_rest, per_article, sum_by
from analysis.emphasis import (
    BODY_ZONES,
    COVERAGE_LEVELS,
    DISPLAY_ZONES,
    Frame,
    coverage_matrix,
    fact_coverage_by_outlet,
    frame_profile,
    headline_contrast_by_outlet,
    lead_end,
    numbers_by_outlet,
)
from analysis.plots.style import (
    DRAW_HEIGHT,
    FIG_WIDTH,
    SOURCE_SPACE,
    ZONE_COLOURS,
    capped,
    described,
    finding_room,
    finish,
    fit_lines,
    frame_colours,
    headed,
    outlet_colour,
    panels,
    suptitle,
    wrap,
)


def _n_label(units: pd.DataFrame, zones=BODY_ZONES) -> str:
    body = units[units["zone"].isin(zones)]
    return f"N = {body['article_id'].nunique():,} articles, {len(body):,} body sentences"


#: Small multiples drawn at most by the per-article (or per-outlet) panel figures of notebook 05.
MAX_PANELS = 6


def _largest_outlets(table: pd.DataFrame, n: int) -> list[str]:
    """The ``n`` outlets with the most articles in ``table`` (first-seen order among ties)."""
    counts = table.groupby("outlet", sort=False)["article_id"].nunique()
    keep = set(counts.sort_values(ascending=False, kind="mergesort").index[:n])
    return [o for o in counts.index if o in keep]


@described(
    "Per article, one panel: the share of body sentences carrying each frame (bar), the share of lead sentences (diamond), and whether the headline (star, column H) or standfirst (square, column S) carries it; the panel's title is the headline"
)
def plot_headline_lead(
    contrast: pd.DataFrame, units: pd.DataFrame, labels: pd.Series, *, finding: str = ""
):
    """Per article, one panel: the share of body sentences carrying each frame (bar), the share
    of lead sentences (diamond), and whether the headline (star, column H) or standfirst (square,
    column S) carries it; the panel's title is the headline. Returns the figure and the data.

    Past :data:`MAX_PANELS` articles, one panel per outlet (the :data:`MAX_PANELS` with the most
    articles), pooled by :func:`~analysis.emphasis.headline_contrast_by_outlet`: the star and the
    square then sit at the share of the outlet's headlines / standfirsts carrying the frame."""
    articles = list(pd.unique(contrast["article_id"]))
    names = list(pd.unique(contrast["frame"]))
    by_outlet = len(articles) > MAX_PANELS
    if by_outlet:
        pooled = headline_contrast_by_outlet(contrast, units)
        outlets = _largest_outlets(contrast, MAX_PANELS)
        keys = outlets
    else:
        keys = articles
    columns = 1 if len(keys) == 1 else 2
    rows_of_panels = -(-len(keys) // columns)
    height = min(0.29 * len(names) + 1.3, (DRAW_HEIGHT - 1.0) / rows_of_panels)
    two_lines = (height - 1.3) / max(len(names), 1) >= 0.27  # room for labels on two lines
    fig, flat = panels(len(keys), columns=columns, width=FIG_WIDTH / columns, height=height)
    headlines = units[units["zone"] == "headline"].set_index("article_id")["text"]
    markers = {"headline": ("*", -0.09, 70), "standfirst": ("s", -0.04, 22)}
    y = np.arange(len(names))[::-1]
    for ax, key in zip(flat, keys, strict=True):
        if by_outlet:
            rows = pooled[pooled["outlet"] == key].set_index("frame").reindex(names)
            colour = outlet_colour(key)
        else:
            rows = contrast[contrast["article_id"] == key].set_index("frame").loc[names]
            colour = outlet_colour(rows["outlet"].iloc[0])
        ax.barh(y, rows["body_share"], color=colour, alpha=0.45, height=0.7)
        ax.scatter(
            rows["lead_share"], y, marker="D", color="black", edgecolor="white", s=16, zorder=3
        )
        for zone, (marker, x, size) in markers.items():
            if by_outlet:
                xs, ys = rows[f"{zone}_share"].to_numpy(dtype=float), y
            else:
                flags = rows[zone].fillna(False).to_numpy(dtype=bool)
                xs, ys = np.full(flags.sum(), x), y[flags]
            ax.scatter(
                xs,
                ys,
                marker=marker,
                s=size,
                color=colour,
                edgecolor="black",
                linewidth=0.5,
                zorder=4,
            )
        label_rows = ax is flat[0] or (columns == 2 and flat.index(ax) % 2 == 0)
        ax.set_yticks(
            y,
            [
                wrap(label.split(" (")[0], 26) if two_lines else label.split(" (")[0][:34]
                for label in rows["label"]
            ]
            if label_rows
            else [""] * len(y),
            fontsize=7,
        )
        if by_outlet:
            ax.set_xlim(-0.03, 1.05)
            n_articles = int(rows["articles"].iloc[0])
            ax.set_title(
                wrap(
                    f"{key} ({n_articles:,} articles, {int(rows['body_total'].iloc[0]):,} "
                    "body sentences)",
                    40,
                ),
                fontsize=7.5,
            )
        else:
            ax.set_xticks(
                [markers["headline"][1], markers["standfirst"][1], 0, 0.25, 0.5, 0.75, 1],
                ["H", "S", "0", ".25", ".5", ".75", "1"],
            )
            ax.set_xlim(-0.12, 1.05)
            ax.axvline(-0.015, color="0.6", linewidth=0.8)
            headline = headlines.get(key, "(no headline)")
            n_lead = int(((units["article_id"] == key) & (units["zone"] == "lead")).sum())
            ax.set_title(
                wrap(
                    f"{labels.get(key, key)} (n = {int(rows['body_total'].iloc[0]):,} body, "
                    f"{n_lead:,} lead)",
                    40,
                )
                + "\n"
                + wrap(f"\u201c{headline}\u201d", 38),
                fontsize=7.5,
            )
        ax.tick_params(axis="x", labelsize=7)
        ax.set_ylim(-0.6, len(names) - 0.4)
        ax.set_xlabel("share of sentences carrying the frame", fontsize=7)
        ax.grid(axis="y", visible=False)
    grey = {"color": "0.55", "linestyle": ""}
    handles = [
        plt.Rectangle((0, 0), 1, 1, color="0.55", alpha=0.45),
        plt.Line2D([], [], marker="D", color="black", linestyle=""),
        plt.Line2D([], [], marker="*", markersize=9, markeredgecolor="black", **grey),
        plt.Line2D([], [], marker="s", markeredgecolor="black", **grey),
    ]
    texts = (
        ["share of headlines carrying it", "share of standfirsts carrying it"]
        if by_outlet
        else ["in the headline (H)", "in the standfirst (S)"]
    )
    fig.legend(
        handles,
        ["body as a whole (lead included)", "lead (first paragraphs)", *texts],
        loc="lower left",
        ncol=2,
        fontsize=7,
        bbox_to_anchor=(0, SOURCE_SPACE / fig.get_figheight()),
    )
    if by_outlet:
        cut = capped(len(keys), contrast["outlet"].nunique(), "outlets (most articles)")
        how = f"\npooled per outlet: more than {MAX_PANELS} articles" + (f"; {cut}" if cut else "")
    else:
        how = ""
    suptitle(
        fig,
        headed(
            finding,
            f"What the headline and lead foreground, against the body ({_n_label(units)}){how}",
        ),
    )
    finish(fig, bottom=0.35)
    return fig, contrast


@described(
    "First-mention positions, one panel per kind (frames, actors): a dot per article at the position (0-1) where the frame or actor first appears, a star if it is also in the headline; a dashed line and a triangle mark where each article's lead ends"
)
def plot_first_mentions(
    first: pd.DataFrame, ends: pd.Series, labels: pd.Series, *, finding: str = ""
):
    """First-mention positions, one panel per kind (frames, actors): a dot per article at the
    position (0-1) where the frame or actor first appears, a star if it is also in the headline.
    Where each article's lead ends is a dashed line and a triangle above the panel, the
    triangles stacked one row per article so that leads ending at the same place stay visible.

    Past :data:`~analysis.aggregate.MAX_ARTICLES` articles, a dot per outlet (the
    ``MAX_ARTICLES`` with the most articles) at the median first position over its articles
    that mention the item, and the outlet's median lead end. Returns the figure and the data."""
    kinds = list(pd.unique(first["kind"]))
    outlet = first.drop_duplicates("article_id").set_index("article_id")["outlet"]
    by_outlet = not per_article(first["article_id"].nunique())
    if by_outlet:
        keys = _largest_outlets(first, MAX_ARTICLES)
        table_all = (
            first[first["outlet"].isin(keys)]
            .groupby(["kind", "name", "label", "outlet"], sort=False)
            .agg(
                first_position=("first_position", "median"),
                in_headline=("in_headline", "mean"),
            )
            .reset_index()
            .rename(columns={"outlet": "unit"})
        )
        table_all["in_headline"] = table_all["in_headline"] >= 0.5
        colour_of = {k: outlet_colour(k) for k in keys}
        end_of = ends.groupby(outlet.reindex(ends.index)).median()
        legend_names = [wrap(k, 24) for k in keys]
    else:
        keys = list(pd.unique(first["article_id"]))
        table_all = first.rename(columns={"article_id": "unit"})
        colour_of = {k: outlet_colour(outlet[k]) for k in keys}
        end_of = ends
        legend_names = [wrap(labels.get(a, a), 24) for a in keys]
    heights = [table_all.loc[table_all["kind"] == k, "name"].nunique() for k in kinds]
    row = min(0.22, (DRAW_HEIGHT - 1.6 - 0.8 * len(kinds)) / max(sum(heights), 1))
    fig, axes = plt.subplots(
        len(kinds),
        1,
        figsize=(FIG_WIDTH, row * sum(heights) + (0.6 + 0.09 * len(keys)) * len(kinds) + 1.1),
        squeeze=False,
        gridspec_kw={"height_ratios": [max(h, 1) for h in heights]},
    )
    # the first unit at the top of each row's band, the last at the bottom
    offsets = np.linspace(0.3, -0.3, len(keys)) if len(keys) > 1 else np.zeros(1)
    for ax, kind in zip(axes.ravel(), kinds, strict=True):
        table = table_all[table_all["kind"] == kind]
        names = list(pd.unique(table["name"]))
        label_of = dict(zip(table["name"], table["label"], strict=False))
        ypos = {name: len(names) - 1 - i for i, name in enumerate(names)}
        for k, (offset, key) in enumerate(zip(offsets, keys, strict=True)):
            colour = colour_of[key]
            mine = table[(table["unit"] == key) & table["first_position"].notna()]
            yy = mine["name"].map(ypos).astype(float) + offset  # (float also when empty)
            star = mine["in_headline"].to_numpy(dtype=bool)
            ax.scatter(
                mine["first_position"][~star],
                yy[~star],
                color=colour,
                s=16,
                zorder=3,
                edgecolor="white",
                linewidth=0.4,
            )
            ax.scatter(
                mine["first_position"][star],
                yy[star],
                color=colour,
                s=45,
                marker="*",
                edgecolor="black",
                linewidth=0.4,
                zorder=4,
            )
            end = float(end_of.get(key, 0.0))
            ax.axvline(end, color=colour, linestyle="--", linewidth=0.8, alpha=0.7)
            ax.plot(
                [end],
                [1.0],
                marker="v",
                color=colour,
                markersize=4,
                markeredgecolor="black",
                markeredgewidth=0.3,
                transform=offset_copy(
                    ax.get_xaxis_transform(), fig=fig, y=4 + 5.5 * k, units="points"
                ),
                clip_on=False,
                zorder=5,
            )
        ax.set_yticks(list(ypos.values()), [wrap(label_of[n], 30) for n in ypos], fontsize=7)
        for boundary in np.arange(len(names) - 1) + 0.5:
            ax.axhline(boundary, color="0.88", linewidth=0.8, zorder=0)
        ax.set_xlim(-0.02, 1.02)
        ax.set_ylim(-0.6, len(names) - 0.4)
        ax.set_xlabel(
            "position of the first mention in the article body (share of words)", fontsize=7
        )
        ax.set_title(f"{kind}s", fontsize=8, pad=6 + 5.5 * len(keys))
        ax.grid(axis="y", visible=False)
    handles = [plt.Line2D([], [], marker="o", linestyle="", color=colour_of[k]) for k in keys]
    handles += [
        plt.Line2D(
            [], [], marker="*", color="0.5", markeredgecolor="black", linestyle="", markersize=9
        ),
        plt.Line2D([], [], marker="v", color="0.4", linestyle="--"),
    ]
    legend_names = [*legend_names, "also in the headline", "end of the lead (one row each)"]
    fig.legend(
        handles,
        legend_names,
        loc="lower left",
        ncol=3,
        fontsize=7,
        bbox_to_anchor=(0, SOURCE_SPACE / fig.get_figheight()),
    )
    n_articles = first["article_id"].nunique()
    how = ""
    if by_outlet:
        how = (
            f"\nmedian per outlet: more than {MAX_ARTICLES} articles; "
            + "".join(
                f"{c}; " for c in [capped(len(keys), first["outlet"].nunique(), "outlets")] if c
            )
            + "stars: the item is in at least half the outlet's headlines"
        )
    suptitle(
        fig,
        headed(
            finding, f"Where each frame and actor first appears (N = {n_articles:,} articles){how}"
        ),
    )
    legend_rows = -(-len(legend_names) // 3)
    finish(fig, bottom=0.16 * legend_rows + 0.05)
    return fig, first


#: Past this many articles the frame strip is drawn per outlet (:func:`_plot_frame_profile`).
STRIP_ARTICLES = 5


@described(
    f"The frames along each article: one row per article, one lane per frame, a block for each body sentence carrying the frame over the stretch of the article it occupies; the headline (H) and standfirst (S) sit left of 0; a dashed line marks the end of the lead; past {STRIP_ARTICLES} articles, one panel per frame, shaded by where in the body each outlet's sentences carry it"
)
def plot_frame_strip(
    units: pd.DataFrame,
    tagged: pd.DataFrame,
    frames: tuple[Frame, ...],
    labels: pd.Series,
    *,
    finding: str = "",
):
    """The frames along each article: one row per article, one lane per frame, a block for each
    body sentence carrying the frame over the stretch of the article it occupies; the headline
    (H) and standfirst (S) sit left of 0; a dashed line marks the end of the lead. Returns the
    figure and the plotted data (the tagged units).

    Past :data:`STRIP_ARTICLES` articles the strip becomes :func:`_plot_frame_profile`: one
    panel per frame, one row per outlet, shaded by the share of sentences carrying the frame
    in each tenth of the body (:func:`~analysis.emphasis.frame_profile`)."""
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
            "matched",
            "topic_terms",
            "text",
        ]
    ].rename(columns={"text": "sentence_text"})
    names = [f.name for f in frames]
    colours = frame_colours(names)
    articles = list(pd.unique(units["article_id"]))
    if len(articles) > STRIP_ARTICLES:
        return _plot_frame_profile(units, tagged, frames, finding), data
    ends = lead_end(units)
    lane_h = min(0.14, (DRAW_HEIGHT - 1.2) / max(len(articles), 1) / (len(names) + 3))
    fig, axes = plt.subplots(
        len(articles),
        1,
        figsize=(
            FIG_WIDTH,
            (lane_h * (len(names) + 3)) * len(articles) + 1.2 + finding_room(finding),
        ),
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
        ax.set_title(f"{labels.get(article_id, article_id)} ({n:,} sentences)", fontsize=7.5)
        ax.set_yticks(list(lane.values()), [wrap(f.label, 40) for f in frames], fontsize=7)
        ax.set_ylim(-0.6, len(names) - 0.4)
        ax.set_xlim(-0.12, 1.0)
        ax.grid(axis="y", visible=False)
    ticks = [x + width / 2 for x, width in display_x.values()]
    axes.ravel()[-1].set_xticks(
        [*ticks, 0, 0.2, 0.4, 0.6, 0.8, 1], ["H", "S", "0", "0.2", "0.4", "0.6", "0.8", "1"]
    )
    axes.ravel()[-1].set_xlabel(
        "position in the article body (share of words)\n"
        "H = headline, S = standfirst; dashed line = end of the lead",
        fontsize=7,
    )
    suptitle(fig, headed(finding, f"Frames along each article ({_n_label(units)})"))
    finish(fig)
    return fig, data


def _plot_frame_profile(
    units: pd.DataFrame, tagged: pd.DataFrame, frames: tuple[Frame, ...], finding: str = ""
):
    """One panel per frame, one row per outlet (the largest :data:`~analysis.aggregate.
    MAX_OUTLETS`), ten cells along the body shaded by the share of the outlet's sentences
    there that carry the frame."""
    profile = frame_profile(units, tagged)
    outlets = _largest_outlets(units, 20)
    profile = profile[profile["outlet"].isin(outlets)]
    names = [f.name for f in frames if f.name in set(profile["frame"])]
    label_of = {f.name: f.label for f in frames}
    columns = 2 if len(outlets) <= 8 else 4
    rows_of_panels = -(-len(names) // columns)
    row = min(0.2, ((DRAW_HEIGHT - 1.4) / max(rows_of_panels, 1) - 0.75) / max(len(outlets), 1))
    fig, axes = panels(
        len(names), columns=columns, width=FIG_WIDTH / columns, height=0.75 + row * len(outlets)
    )
    fig.set_figheight(fig.get_figheight() + finding_room(finding))
    top = max(float(profile["share"].max()), 1e-9) if len(profile) else 1.0
    for k, (ax, name) in enumerate(zip(axes, names, strict=True)):
        grid = (
            profile[profile["frame"] == name]
            .pivot(index="outlet", columns="bin", values="share")
            .reindex(index=outlets)
        )
        image = ax.imshow(grid.to_numpy(dtype=float), cmap="Blues", vmin=0, vmax=top, aspect="auto")
        ax.set_title(wrap(label_of.get(name, name), 34), fontsize=7.5)
        ax.set_yticks(
            range(len(outlets)),
            [wrap(o, 18) for o in outlets] if k % columns == 0 else [""] * len(outlets),
            fontsize=7,
        )
        bins = grid.shape[1]
        ax.set_xticks([-0.5, (bins - 1) / 2, bins - 0.5], ["top", "middle", "end"], fontsize=7)
        ax.grid(False)
        ax.tick_params(length=0)
    n_articles = units["article_id"].nunique()
    suptitle(
        fig,
        headed(
            finding,
            f"Where each frame sits in the body, by outlet ({_n_label(units)})\nmore than "
            f"{STRIP_ARTICLES} articles, so outlets: each body cut into tenths by words; "
            + (
                capped(len(outlets), units["outlet"].nunique(), "outlets")
                or f"{n_articles:,} articles"
            ),
        ),
    )
    finish(fig, bottom=0.5)
    height = fig.get_figheight()
    bar = fig.add_axes((0.3, (SOURCE_SPACE + 0.3) / height, 0.4, 0.08 / height))
    fig.colorbar(image, cax=bar, orientation="horizontal")
    bar.set_xlabel("share of the outlet's sentences there carrying the frame", fontsize=7)
    bar.tick_params(labelsize=7)
    return fig


@described(
    f"Heat maps of the share of each article's body sentences that carry each issue frame (left) and each approximated generic frame (right), every cell labelled with its share and its count k/n; past {MAX_ARTICLES} articles, one row per outlet"
)
def plot_frame_shares(
    shares: pd.DataFrame, generic_shares: pd.DataFrame, labels: pd.Series, *, finding: str = ""
):
    """Heat maps of the share of each article's body sentences that carry each issue frame
    (left) and each approximated generic frame (right), every cell labelled with its share and
    its count k/n. Past :data:`~analysis.aggregate.MAX_ARTICLES` articles, one row per outlet
    (sentences pooled; the largest :data:`~analysis.aggregate.MAX_OUTLETS`, the rest summed).
    Returns the figure and the plotted data (both tables, stacked, per article)."""
    data = pd.concat(
        [shares.assign(level="issue"), generic_shares.assign(level="generic")], ignore_index=True
    )
    by_outlet = not per_article(shares["article_id"].nunique())
    n_articles = shares["article_id"].nunique()
    n_sentences = int(shares.drop_duplicates("article_id")["total"].sum())
    if by_outlet:

        def pool(table: pd.DataFrame) -> pd.DataFrame:
            weights = table.drop_duplicates("article_id").set_index("article_id")["total"]
            unit = fold_rest(
                table["outlet"], table["article_id"].map(weights), n=20, rest="other outlets"
            )
            out = sum_by(
                table.assign(unit=unit), ["unit", "frame", "label"], ["sentences", "total"]
            )
            return out.assign(share=out["sentences"] / out["total"].where(out["total"] > 0))

        tables = [pool(shares), pool(generic_shares)]
        counts = tables[0].drop_duplicates("unit").set_index("unit")["articles"]
        units = list(counts.index)
        names = [f"{wrap(u, 20)} ({counts[u]})" for u in units]
    else:
        tables = [
            shares.rename(columns={"article_id": "unit"}),
            generic_shares.rename(columns={"article_id": "unit"}),
        ]
        units = list(pd.unique(shares["article_id"]))
        names = [wrap(labels.get(a, a), 20) for a in units]
    panels_ = [
        ("Issue-specific frames", tables[0]),
        ("Generic frames (Semetko & Valkenburg 2000), approximated", tables[1]),
    ]
    if generic_shares.empty:  # frames from topics, or a dictionary without generic frames
        panels_ = panels_[:1]
    widths = [max(table["frame"].nunique(), 1) for _, table in panels_]
    row = min(0.42, (DRAW_HEIGHT - 2.2) / max(len(units), 1))
    fig, axes = plt.subplots(
        1,
        len(panels_),
        figsize=(FIG_WIDTH, row * len(units) + 2.0 + SOURCE_SPACE),
        gridspec_kw={"width_ratios": widths},
        squeeze=False,
    )
    axes = axes[0]
    for ax, (title, table) in zip(axes, panels_, strict=True):
        frames = list(pd.unique(table["frame"]))
        grid = table.pivot(index="unit", columns="frame", values="share").reindex(
            index=units, columns=frames
        )
        k = table.pivot(index="unit", columns="frame", values="sentences").reindex(
            index=units, columns=frames
        )
        n = table.pivot(index="unit", columns="frame", values="total").reindex(
            index=units, columns=frames
        )
        ax.imshow(grid.to_numpy(dtype=float), cmap="Blues", vmin=0, vmax=1, aspect="auto")
        for i in range(len(units)):
            for j in range(len(frames)):
                share = grid.iat[i, j]
                if not np.isfinite(share):
                    continue
                text = f"{share:.0%}" + (
                    f"\n{int(k.iat[i, j]):,}/{int(n.iat[i, j]):,}" if row >= 0.3 else ""
                )
                ax.text(
                    j,
                    i,
                    text,
                    ha="center",
                    va="center",
                    fontsize=7,
                    color="white" if share > 0.55 else "black",
                )
        label_of = dict(zip(table["frame"], table["label"], strict=False))
        short = [label_of[f].split(" (")[0] for f in frames]  # the panel title says the rest
        ax.set_xticks(
            range(len(frames)), [wrap(label, 14) for label in short], fontsize=7, rotation=90
        )
        ax.set_yticks(range(len(units)), names, fontsize=7)
        ax.set_title(wrap(title, 8 * len(frames)), fontsize=7.5)
        ax.grid(False)
        ax.tick_params(length=0)
    for ax in axes[1:]:
        ax.set_yticklabels([])
    how = (
        f"; more than {MAX_ARTICLES} articles, so outlets, sentences pooled (articles in brackets)"
        if by_outlet
        else ""
    )
    suptitle(
        fig,
        headed(
            finding,
            f"Share of body sentences carrying each frame (N = {n_articles:,} articles, "
            f"{n_sentences:,} sentences; a sentence can carry several frames){how}",
        ),
    )
    finish(fig)
    return fig, data


@described(
    f"The facts coverage matrix: one row per fact (most reported first), one column per article, each cell coloured by where the article first reports the fact (headline, standfirst, lead, body) or white when it does not; past {MAX_ARTICLES} articles, one column per outlet shaded by the share of its articles reporting the fact"
)
def plot_coverage(coverage: pd.DataFrame, labels: pd.Series, *, finding: str = ""):
    """The facts coverage matrix: one row per fact (most reported first), one column per
    article, each cell coloured by where the article first reports the fact (headline,
    standfirst, lead, body) or white when it does not. Past
    :data:`~analysis.aggregate.MAX_ARTICLES` articles, one column per outlet (the largest
    :data:`~analysis.aggregate.MAX_OUTLETS`) shaded by the share of its articles reporting the
    fact. Returns the figure and the data."""
    if not per_article(coverage["article_id"].nunique()):
        return _plot_coverage_by_outlet(coverage, finding), coverage
    matrix = coverage_matrix(coverage)
    articles = list(pd.unique(coverage["article_id"]))
    level = matrix.map(COVERAGE_LEVELS.index)
    counts = coverage.pivot(index="label", columns="article_id", values="sentences").reindex(
        index=matrix.index, columns=articles
    )
    label_width = 2.6
    cell = min(1.1, (FIG_WIDTH - label_width) / max(len(articles), 1))
    short = cell < 0.8
    fig, ax = plt.subplots(
        figsize=(label_width + cell * len(articles), 0.19 * len(matrix) + 1.8 + SOURCE_SPACE)
    )
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
            name = zone[0].upper() if short else zone
            text = "\u2014" if zone == "absent" else f"{name} ({counts.iat[i, j]})"
            dark = zone in ("headline", "standfirst")
            ax.text(
                j,
                i,
                text,
                ha="center",
                va="center",
                fontsize=7,
                color="white" if dark else ("0.6" if zone == "absent" else "black"),
            )
    ax.set_xticks(range(len(articles)), [wrap(labels.get(a, a), 14) for a in articles], fontsize=7)
    ax.xaxis.tick_top()
    ax.set_yticks(range(len(matrix)), [wrap(f, 48) for f in matrix.index], fontsize=7)
    ax.set_xticks(np.arange(len(articles) + 1) - 0.5, minor=True)
    ax.set_yticks(np.arange(len(matrix) + 1) - 0.5, minor=True)
    ax.grid(which="minor", color="0.85", linewidth=0.6)
    ax.grid(which="major", visible=False)
    ax.tick_params(which="both", length=0)
    handles = [Patch(facecolor=ZONE_COLOURS[z], edgecolor="0.7", label=z) for z in COVERAGE_LEVELS]
    ax.legend(
        handles=handles,
        loc="upper left",
        bbox_to_anchor=(-label_width / (cell * len(articles)), -0.01),
        ncol=5,
        fontsize=7,
        title="first reported in (number of body sentences reporting it)",
    )
    suptitle(
        fig,
        headed(
            finding,
            f"Which outlet reports which fact of the day, and where (N = {len(articles):,} "
            f"articles, {len(matrix):,} facts)",
        ),
    )
    finish(fig)
    return fig, coverage


def _plot_coverage_by_outlet(coverage: pd.DataFrame, finding: str = ""):
    """:func:`plot_coverage` per outlet: the share of each outlet's articles reporting each fact."""
    table = fact_coverage_by_outlet(coverage)
    outlets = _largest_outlets(coverage, 20)
    table = table[table["outlet"].isin(outlets)]
    order = (
        table.groupby("label", sort=False)["reported"]
        .sum()
        .sort_values(ascending=False, kind="mergesort")
        .index
    )
    grid = table.pivot(index="label", columns="outlet", values="share").reindex(
        index=order, columns=outlets
    )
    counts = table.drop_duplicates("outlet").set_index("outlet")["articles"]
    label_width = 2.6
    cell = min(1.0, (FIG_WIDTH - label_width - 0.6) / max(len(outlets), 1))
    fig, ax = plt.subplots(
        figsize=(label_width + cell * len(outlets) + 0.6, 0.19 * len(grid) + 1.9 + SOURCE_SPACE)
    )
    image = ax.imshow(grid.to_numpy(dtype=float), cmap="Blues", vmin=0, vmax=1, aspect="auto")
    if cell >= 0.3:
        for (i, j), value in np.ndenumerate(grid.to_numpy(dtype=float)):
            if np.isfinite(value) and value > 0:
                ax.text(
                    j,
                    i,
                    f"{value:.0%}",
                    ha="center",
                    va="center",
                    fontsize=7,
                    color="white" if value > 0.6 else "black",
                )
    ax.set_xticks(
        range(len(outlets)),
        [f"{wrap(o, 12)}\n({counts[o]})" for o in outlets],
        fontsize=7,
        rotation=90 if cell < 0.6 else 0,
    )
    ax.xaxis.tick_top()
    ax.set_yticks(range(len(grid)), [wrap(f, 48) for f in grid.index], fontsize=7)
    ax.grid(False)
    ax.tick_params(length=0)
    fig.colorbar(image, ax=ax, shrink=0.5, label="share of the outlet's articles reporting it")
    n_articles = coverage["article_id"].nunique()
    suptitle(
        fig,
        headed(
            finding,
            f"Which outlet reports which fact, N = {n_articles:,} articles, {len(grid):,} facts\n"
            f"more than {MAX_ARTICLES} articles, so outlets (articles in brackets); "
            + (
                capped(len(outlets), coverage["outlet"].nunique(), "outlets") or "where: in the CSV"
            ),
        ),
    )
    finish(fig)
    return fig


#: Columns (articles) and rows the numbers table draws at most.
MAX_NUMBER_COLUMNS, MAX_NUMBER_ROWS = 5, 30


@described(
    f"The numbers table as a figure: compared quantities first (rows where the outlets' values differ shaded red), then the other numeric claims by type; one column per article, or past {MAX_NUMBER_COLUMNS} articles one per outlet"
)
def plot_numbers(table: pd.DataFrame, labels: pd.Series, *, finding: str = ""):
    """The numbers table as a figure: compared quantities first (rows where the outlets' values
    differ shaded red), then the other numeric claims by type; one column per article. Returns
    the figure and the table. With more than :data:`MAX_NUMBER_COLUMNS` articles the columns are
    outlets instead, each cell counting the outlet's articles that state such a number
    (:func:`~analysis.emphasis.numbers_by_outlet`); at most :data:`MAX_NUMBER_COLUMNS` columns
    (the first ones) and the rows that fit the page are drawn; the CSV has the whole table."""
    n_articles = table["article_id"].nunique()
    full, by_outlet = table, n_articles > MAX_NUMBER_COLUMNS
    if by_outlet:
        table = numbers_by_outlet(table)
        labels = {outlet: outlet for outlet in table["outlet"]}
    all_articles = list(pd.unique(table["article_id"]))
    articles = all_articles[:MAX_NUMBER_COLUMNS]
    all_keys = list(dict.fromkeys(zip(table["section"], table["row"], strict=True)))
    keys = all_keys[:MAX_NUMBER_ROWS]
    cells = table.set_index(["section", "row", "article_id"])["cell"]
    differ = table.groupby(["section", "row"], sort=False)["values_differ"].any()
    column_in = min(1.5, (FIG_WIDTH - 1.5) / max(len(articles), 1))
    # ~0.058 in a character at 7 pt, plus the cell's padding: "130,000 troops or more" overran
    chars = max(8, int(column_in / 0.064))
    text = [[wrap(cells.get((s, r, a), "\u2014"), chars) for a in articles] for s, r in keys]
    row_labels = [wrap(r if s == "compared" else f"other: {r}", 24) for s, r in keys]
    lines = [
        max(1, *(t.count("\n") + 1 for t in row), lab.count("\n") + 1)
        for row, lab in zip(text, row_labels, strict=True)
    ]
    fig, ax = plt.subplots(
        figsize=(
            1.5 + column_in * len(articles),
            0.14 * (sum(lines) + 2) + 0.9 + SOURCE_SPACE + finding_room(finding),
        )
    )
    ax.axis("off")
    grid = ax.table(
        cellText=text,
        rowLabels=row_labels,
        colLabels=[wrap(labels.get(a, a), chars) for a in articles],
        cellLoc="left",
        rowLoc="left",
        loc="upper left",
        bbox=[0.22, 0, 0.78, 1],
    )
    grid.auto_set_font_size(False)
    grid.set_fontsize(7)
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
    cut = [
        capped(len(articles), len(all_articles), "outlets" if by_outlet else "articles"),
        capped(len(keys), len(all_keys), "rows"),
    ]
    if by_outlet:
        cut.insert(
            0,
            f"more than {MAX_NUMBER_COLUMNS} articles: each cell counts the outlet's "
            "articles stating such a number (values in the CSV)",
        )
    cut = "; ".join(c for c in cut if c)
    ax.set_title(
        fit_lines(
            headed(
                finding,
                f"Numeric claims by outlet (N = {n_articles:,} articles); red: the outlets' "
                "values differ" + (f"\n{cut}" if cut else ""),
            ),
            1.5 + column_in * len(articles),
        ),
        loc="left",
    )
    finish(fig)
    return fig, full
