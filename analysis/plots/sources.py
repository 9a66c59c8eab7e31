"""Figures of notebook 02 (sources): whom each outlet quotes, how much, with which verbs, and
how far the quotation finder can be trusted. The tables are :mod:`analysis.sources` and
:mod:`analysis.quote_accuracy`."""

from __future__ import annotations

from collections.abc import Sequence

import matplotlib.pyplot as plt
import numpy as np
import pandas as pd

from analysis.plots.style import SIDE_COLOURS, TYPE_COLOURS, suptitle
from analysis.quote_accuracy import MEASURE_LABELS, SETS
from analysis.quotes import load_cues
from analysis.sources import SIDE_ORDER, TYPE_ORDER


def _title_n(table: pd.DataFrame) -> str:
    """ "4 articles": the articles behind a per-outlet table (its ``articles`` column)."""
    articles = int(table.drop_duplicates("outlet")["articles"].sum())
    return f"{articles} article{'s' if articles != 1 else ''}"


def plot_words_by_type(by_type: pd.DataFrame):
    """Stacked bars: each outlet's quoted words by speaker type. ``by_type`` is
    :func:`analysis.sources.quotes_by_type`'s table."""
    return plot_words_by_side(by_type, column="type")


def plot_words_by_side(by_side: pd.DataFrame, *, column: str = "side"):
    """Stacked bars: each outlet's quoted words by the side of the speaker (shares, with the
    word counts written in). ``by_side`` is :func:`quotes_by_side`'s table (or, with
    ``column="type"``, :func:`quotes_by_type`'s)."""
    order, colours = (SIDE_ORDER, SIDE_COLOURS) if column == "side" else (TYPE_ORDER, TYPE_COLOURS)
    outlets = list(dict.fromkeys(by_side["outlet"]))
    fig, ax = plt.subplots(figsize=(9, 0.8 * len(outlets) + 1.8))
    left = pd.Series(0.0, index=outlets)
    for side in order:
        part = by_side[by_side[column] == side].set_index("outlet").reindex(outlets)
        share = part["share_of_words"].fillna(0.0)
        if not share.any():
            continue
        ax.barh(outlets, share, left=left, color=colours[side], label=side)
        for outlet, value, words in zip(outlets, share, part["quoted_words"], strict=True):
            if value >= 0.06:
                ax.text(
                    left[outlet] + value / 2,
                    outlet,
                    f"{value:.0%}\n{int(words)} w",
                    ha="center",
                    va="center",
                    fontsize=8,
                    color="white",
                )
        left += share
    ax.set_xlim(0, 1)
    ax.invert_yaxis()
    ax.xaxis.set_major_formatter(plt.FuncFormatter(lambda x, _: f"{x:.0%}"))
    ax.set_xlabel("share of the outlet's quoted words")
    ax.legend(ncol=min(len(order), 5), loc="upper center", bbox_to_anchor=(0.5, -0.25))
    ax.grid(axis="y", visible=False)
    quotes, words = int(by_side["quotes"].sum()), int(by_side["quoted_words"].sum())
    ax.set_title(
        f"Whose words each outlet quotes, by {'side' if column == 'side' else 'speaker type'}\n"
        f"N = {quotes} quotations, {words} quoted words, {_title_n(by_side)}"
    )
    fig.tight_layout()
    return fig


def plot_words_by_speaker(by_speaker: pd.DataFrame, *, top: int = 8):
    """One panel per outlet: quoted words per speaker (the ``top`` most quoted), coloured by
    side, with the number of quotations written in. ``by_speaker`` is
    :func:`quotes_by_speaker`'s table."""
    outlets = list(dict.fromkeys(by_speaker["outlet"]))
    heights = [min(top, (by_speaker["outlet"] == o).sum()) for o in outlets]
    fig, axes = plt.subplots(
        len(outlets),
        1,
        figsize=(9, 0.32 * sum(heights) + 1.1 * len(outlets) + 0.6),
        gridspec_kw={"height_ratios": [max(h, 1) for h in heights]},
        squeeze=False,
    )
    limit = by_speaker["quoted_words"].max() * 1.25 if len(by_speaker) else 1
    for ax, outlet in zip(axes[:, 0], outlets, strict=True):
        rows = by_speaker[by_speaker["outlet"] == outlet].head(top)
        colours = [SIDE_COLOURS.get(s, SIDE_COLOURS["unknown"]) for s in rows["side"]]
        ax.barh(rows["speaker"], rows["quoted_words"], color=colours)
        for speaker, words, quotes in zip(
            rows["speaker"], rows["quoted_words"], rows["quotes"], strict=True
        ):
            ax.text(words, speaker, f" {words} w, {quotes} q", va="center", fontsize=8)
        ax.set_xlim(0, limit)
        ax.invert_yaxis()
        ax.grid(axis="y", visible=False)
        rest = (by_speaker["outlet"] == outlet).sum() - len(rows)
        ax.set_title(outlet + (f" (+{rest} more)" if rest > 0 else ""), fontsize=10)
    axes[-1, 0].set_xlabel("quoted words (w); quotations (q)")
    handles = [plt.Rectangle((0, 0), 1, 1, color=SIDE_COLOURS[s]) for s in SIDE_ORDER]
    fig.legend(
        handles, SIDE_ORDER, ncol=len(SIDE_ORDER), loc="lower center", bbox_to_anchor=(0.5, -0.02)
    )
    quotes = int(by_speaker["quotes"].sum())
    suptitle(
        fig,
        f"Who is quoted, and at what length\nN = {quotes} quotations, {_title_n(by_speaker)}",
        fontsize="large",
    )
    fig.tight_layout(rect=(0, 0.04, 1, 1))
    return fig


def plot_anonymous(anonymous: pd.DataFrame):
    """Share of anonymous sources per outlet among direct quotations and among all attributions,
    with the counts ("k of n") written in. ``anonymous`` is :func:`anonymous_sourcing`'s table."""
    outlets = anonymous["outlet"].tolist()
    y = np.arange(len(outlets))
    fig, ax = plt.subplots(figsize=(9, 0.9 * len(outlets) + 1.6))
    bars = [
        ("share_quotes", "anonymous_quotes", "quotes", "direct quotations", "#999999"),
        (
            "share_attributions",
            "anonymous_attributions",
            "attributions",
            "all attributions (quoted or reported)",
            "#56B4E9",
        ),
    ]
    for offset, (share, k, n, label, colour) in zip((-0.2, 0.2), bars, strict=True):
        values = anonymous[share].fillna(0.0)
        ax.barh(y + offset, values, height=0.38, color=colour, label=label)
        for yy, value, kk, nn in zip(y + offset, values, anonymous[k], anonymous[n], strict=True):
            ax.text(value, yy, f" {kk} of {nn}", va="center", fontsize=8)
    ax.set_yticks(y, outlets)
    ax.invert_yaxis()
    top = max(0.1, float(anonymous[["share_quotes", "share_attributions"]].max().max()) * 1.4)
    ax.set_xlim(0, top)
    ax.xaxis.set_major_formatter(plt.FuncFormatter(lambda x, _: f"{x:.0%}"))
    ax.set_xlabel("share attributed to an anonymous source")
    ax.legend(loc="lower right")
    ax.grid(axis="y", visible=False)
    ax.set_title(
        f"Anonymous sourcing\nN = {int(anonymous['quotes'].sum())} quotations, "
        f"{int(anonymous['attributions'].sum())} attributions, "
        f"{_title_n(anonymous)}"
    )
    fig.tight_layout()
    return fig


def plot_reporting_verbs(verbs: pd.DataFrame):
    """A table of counts: reporting verbs (rows, by group) against outlets (columns); each cell
    shows quoted + reported uses. ``verbs`` is :func:`analysis.sources.reporting_verbs`'s table."""
    outlets = list(dict.fromkeys(verbs["outlet"]))
    order = verbs.groupby(["group", "cue"])["total"].sum().reset_index()
    rank = {g: i for i, g in enumerate(dict.fromkeys(load_cues().group_of.values()))}
    order = order.assign(_g=order["group"].map(rank)).sort_values(
        ["_g", "total", "cue"], ascending=[True, False, True]
    )
    rows = [f"{cue} ({group})" for group, cue in zip(order["group"], order["cue"], strict=True)]
    grid = (
        verbs.assign(row=verbs["cue"] + " (" + verbs["group"] + ")")
        .pivot_table(index="row", columns="outlet", values="total", aggfunc="sum", fill_value=0)
        .reindex(index=rows, columns=outlets, fill_value=0)
    )
    detail = verbs.assign(row=verbs["cue"] + " (" + verbs["group"] + ")").set_index(
        ["row", "outlet"]
    )
    fig, ax = plt.subplots(figsize=(2.0 * len(outlets) + 3, 0.32 * len(rows) + 1.6))
    ax.imshow(
        grid.to_numpy(), cmap="Blues", aspect="auto", vmin=0, vmax=max(1, grid.to_numpy().max())
    )
    for i, row in enumerate(rows):
        for j, outlet in enumerate(outlets):
            if (row, outlet) in detail.index:
                cell = detail.loc[(row, outlet)]
                dark = grid.iloc[i, j] > grid.to_numpy().max() / 2
                ax.text(
                    j,
                    i,
                    f"{int(cell['quoted'])} + {int(cell['reported'])}",
                    ha="center",
                    va="center",
                    fontsize=8,
                    color="white" if dark else "black",
                )
    ax.set_xticks(range(len(outlets)), outlets)
    ax.set_yticks(range(len(rows)), rows)
    ax.xaxis.tick_top()
    ax.grid(False)
    ax.set_title(
        f"Reporting verbs by outlet: quoted + reported uses\n"
        f"N = {int(verbs['total'].sum())} attributions, {_title_n(verbs)}",
        pad=28,
    )
    fig.tight_layout()
    return fig


def plot_scare_quotes(scare: pd.DataFrame, outlets: Sequence[str]):
    """Scare quotes per outlet (zeros shown), each bar labelled with the quoted words.
    ``scare`` is :func:`scare_quotes`'s table; ``outlets`` every outlet compared."""
    counts = scare.groupby("outlet").size().reindex(list(outlets), fill_value=0)
    words = scare.groupby("outlet")["text"].agg(lambda t: ", ".join(f"“{w}”" for w in t))
    fig, ax = plt.subplots(figsize=(9, 0.6 * len(outlets) + 1.4))
    ax.barh(counts.index, counts.to_numpy(), color="#999999")
    for outlet, count in counts.items():
        ax.text(count, outlet, f"  {count}  {words.get(outlet, '')}", va="center", fontsize=9)
    ax.set_xlim(0, max(3, counts.max() * 2))
    ax.invert_yaxis()
    ax.set_xlabel("scare quotes (1-3 quoted words, no speaker)")
    ax.grid(axis="y", visible=False)
    ax.set_title(f"Scare quotes\nN = {len(scare)} in {len(outlets)} articles")
    fig.tight_layout()
    return fig


def plot_accuracy(table: pd.DataFrame):
    """The three measures for each set, side by side, with Wilson 95% intervals and "k/n"
    written in. ``table`` is :func:`analysis.quote_accuracy.accuracy_table`'s."""
    sets = [s for s in SETS if s in set(table["set"])]
    colours = {"seeds": "#999999", "tune": "#56B4E9", "holdout": "#0072B2"}
    fig, ax = plt.subplots(figsize=(9, 4.6))
    height = 0.8 / len(sets)
    for j, name in enumerate(sets):
        part = table[table["set"] == name].set_index("measure").loc[list(MEASURE_LABELS)]
        y = np.arange(len(MEASURE_LABELS)) + j * height
        errors = [part["value"] - part["ci_low"], part["ci_high"] - part["value"]]
        ax.barh(
            y,
            part["value"],
            height=height * 0.9,
            color=colours[name],
            xerr=errors,
            capsize=2,
            label=SETS[name],
        )
        for yy, k, n, v in zip(y, part["correct"], part["total"], part["value"], strict=True):
            ax.text(0.01, yy, f"{k}/{n} = {v:.0%}", va="center", fontsize=7, color="white")
    ax.set_yticks(np.arange(len(MEASURE_LABELS)) + height * (len(sets) - 1) / 2)
    ax.set_yticklabels(list(MEASURE_LABELS.values()))
    ax.set_xlim(0, 1.05)
    ax.invert_yaxis()
    ax.xaxis.set_major_formatter(plt.FuncFormatter(lambda x, _: f"{x:.0%}"))
    ax.set_xlabel("share, with Wilson 95% interval")
    ax.grid(axis="y", visible=False)
    ax.legend(loc="upper center", bbox_to_anchor=(0.5, -0.18), fontsize=8, ncol=1)
    n = {
        s: int(table[(table["set"] == s) & (table["measure"] == "found")]["total"].iloc[0])
        for s in sets
    }
    ax.set_title(
        "Quotation finder against hand labels\n"
        + ", ".join(f"{s}: N = {n[s]} quotations" for s in sets)
    )
    fig.tight_layout()
    return fig
