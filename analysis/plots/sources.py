"""Figures of notebook 02 (sources): whom each outlet quotes, how much, with which verbs, and
how far the quotation finder can be trusted. The tables are :mod:`analysis.sources` and
:mod:`analysis.quote_accuracy`."""

from __future__ import annotations

from collections.abc import Sequence

import matplotlib.pyplot as plt
import numpy as np
import pandas as pd

from analysis.aggregate import fold_rest
from analysis.narrative import possessive
from analysis.plots.style import (
    FIG_WIDTH,
    NEUTRAL,
    SIDE_COLOURS,
    SOURCE_SPACE,
    TYPE_COLOURS,
    described,
    finding_room,
    finish,
    headed,
    ink,
    panel_layout,
    sentence_figure,
    suptitle,
    wrap,
)
from analysis.quote_accuracy import MEASURE_LABELS, SETS
from analysis.quotes import load_cues
from analysis.sources import SIDE_ORDER, TYPE_ORDER, one_row_per_speaker


def _title_n(table: pd.DataFrame) -> str:
    """ "4 articles": the articles behind a per-outlet table (its ``articles`` column)."""
    articles = int(table.drop_duplicates("outlet")["articles"].sum())
    return f"{articles:,} article{'s' if articles != 1 else ''}"


@described(
    "Stacked bars: each outlet's quoted words by speaker type (shares, with the word counts written in)"
)
def plot_words_by_type(by_type: pd.DataFrame, *, finding: str = ""):
    """Stacked bars: each outlet's quoted words by speaker type. ``by_type`` is
    :func:`analysis.sources.quotes_by_type`'s table."""
    return plot_words_by_side(by_type, column="type", finding=finding)


@described(
    "Stacked bars: each outlet's quoted words by the side of the speaker (shares, with the word counts written in)"
)
def plot_words_by_side(by_side: pd.DataFrame, *, column: str = "side", finding: str = ""):
    """Stacked bars: each outlet's quoted words by the side of the speaker (shares, with the
    word counts written in). ``by_side`` is :func:`quotes_by_side`'s table (or, with
    ``column="type"``, :func:`quotes_by_type`'s)."""
    order, colours = (SIDE_ORDER, SIDE_COLOURS) if column == "side" else (TYPE_ORDER, TYPE_COLOURS)
    outlets = list(dict.fromkeys(by_side["outlet"]))
    row = min(0.55, 6.0 / max(len(outlets), 1))
    fig, ax = plt.subplots(figsize=(FIG_WIDTH, row * len(outlets) + 1.6 + SOURCE_SPACE))
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
                    f"{value:.0%}\n{int(words):,} w" if row >= 0.4 else f"{value:.0%}",
                    ha="center",
                    va="center",
                    fontsize=7,
                    color=ink(colours[side]),
                )
        left += share
    ax.set_xlim(0, 1)
    ax.invert_yaxis()
    ax.xaxis.set_major_formatter(plt.FuncFormatter(lambda x, _: f"{x:.0%}"))
    ax.set_xlabel("share of the outlet's quoted words")
    ax.legend(ncol=min(len(order), 4), loc="lower left", bbox_to_anchor=(0, 1.0))
    ax.grid(axis="y", visible=False)
    quotes, words = int(by_side["quotes"].sum()), int(by_side["quoted_words"].sum())
    suptitle(
        fig,
        headed(
            finding,
            f"Whose words each outlet quotes, by {'side' if column == 'side' else 'speaker type'}"
            f"\nN = {quotes:,} quotations, {words:,} quoted words, {_title_n(by_side)}",
        ),
    )
    finish(fig)
    return fig


@described(
    "One panel per outlet: quoted words per speaker (the {top} most quoted), coloured by side, with the number of quotations written in; with no quotation, a sentence instead"
)
def plot_words_by_speaker(by_speaker: pd.DataFrame, *, top: int = 8, finding: str = ""):
    """One panel per outlet: quoted words per speaker (the ``top`` most quoted), coloured by
    side, with the number of quotations written in. ``by_speaker`` is
    :func:`quotes_by_speaker`'s table (a speaker given two sides or types is drawn once,
    :func:`~analysis.sources.one_row_per_speaker`)."""
    by_speaker = one_row_per_speaker(by_speaker)
    if by_speaker.empty:  # no panel to draw: say it
        return sentence_figure(
            headed(finding, "Quoted words per speaker"), "No article has a quotation."
        )
    outlets = list(dict.fromkeys(by_speaker["outlet"]))
    columns, width, _, top = panel_layout(len(outlets), top, row=0.17, chrome=0.55, min_width=3.2)
    heights = [min(top, (by_speaker["outlet"] == o).sum()) for o in outlets]
    rows = -(-len(outlets) // columns)
    band = [max(heights[r * columns : (r + 1) * columns], default=1) for r in range(rows)]
    fig, grid = plt.subplots(
        rows,
        columns,
        figsize=(FIG_WIDTH, 0.17 * sum(band) + 0.55 * rows + 1.0 + SOURCE_SPACE),
        gridspec_kw={"height_ratios": [max(h, 1) for h in band]},
        squeeze=False,
    )
    for ax in grid.flat[len(outlets) :]:
        ax.remove()
    axes = grid.reshape(-1, 1)[: len(outlets)]
    limit = by_speaker["quoted_words"].max() * 1.45 if len(by_speaker) else 1
    for ax, outlet in zip(axes[:, 0], outlets, strict=True):
        rows = by_speaker[by_speaker["outlet"] == outlet].head(top)
        colours = [SIDE_COLOURS.get(s, SIDE_COLOURS["unknown"]) for s in rows["side"]]
        ax.barh(rows["speaker"], rows["quoted_words"], color=colours)
        for speaker, words, quotes in zip(
            rows["speaker"], rows["quoted_words"], rows["quotes"], strict=True
        ):
            ax.text(words, speaker, f" {words} w, {quotes} q", va="center", fontsize=7)
        ax.set_xlim(0, limit)
        ax.invert_yaxis()
        ax.grid(axis="y", visible=False)
        rest = (by_speaker["outlet"] == outlet).sum() - len(rows)
        ax.set_title(outlet + (f" (+{rest} more)" if rest > 0 else ""), fontsize=8)
        ax.tick_params(axis="y", labelsize=7)
    axes[-1, 0].set_xlabel("quoted words (w); quotations (q)")
    handles = [plt.Rectangle((0, 0), 1, 1, color=SIDE_COLOURS[s]) for s in SIDE_ORDER]
    quotes = int(by_speaker["quotes"].sum())
    suptitle(
        fig,
        headed(
            finding,
            f"Who is quoted, and at what length: the {top} most quoted speakers per outlet\n"
            f"N = {quotes:,} quotations, {_title_n(by_speaker)} (every speaker in the CSV)",
        ),
    )
    fig.legend(
        handles,
        SIDE_ORDER,
        ncol=len(SIDE_ORDER),
        loc="lower left",
        bbox_to_anchor=(0, SOURCE_SPACE / fig.get_figheight()),
    )
    finish(fig, bottom=0.25)
    return fig


@described(
    'Bars of the share of anonymous sources per outlet among direct quotations and among all attributions, with the counts ("k of n") written in; with one outlet or none to show, a sentence instead'
)
def plot_anonymous(anonymous: pd.DataFrame, *, finding: str = ""):
    """Share of anonymous sources per outlet among direct quotations and among all attributions,
    with the counts ("k of n") written in. ``anonymous`` is :func:`anonymous_sourcing`'s table."""
    outlets = anonymous["outlet"].tolist()
    found = anonymous[["anonymous_quotes", "anonymous_attributions"]].to_numpy()
    quotes, attributions = int(anonymous["quotes"].sum()), int(anonymous["attributions"].sum())
    if (found > 0).any(axis=1).sum() <= 1:  # a chart of one bar or none: say it
        return sentence_figure(
            headed(finding, "Anonymous sourcing"), _anonymous_sentence(anonymous)
        )
    y = np.arange(len(outlets))
    row = min(0.7, 6.0 / max(len(outlets), 1))
    fig, ax = plt.subplots(
        figsize=(FIG_WIDTH, row * len(outlets) + 1.4 + SOURCE_SPACE + finding_room(finding))
    )
    bars = [
        ("share_quotes", "anonymous_quotes", "quotes", "direct quotations", NEUTRAL),
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
            ax.text(value, yy, f" {kk:,} of {nn:,}", va="center", fontsize=7)
    ax.set_yticks(y, outlets)
    ax.invert_yaxis()
    top = max(0.1, float(anonymous[["share_quotes", "share_attributions"]].max().max()) * 1.4)
    ax.set_xlim(0, top)
    ax.xaxis.set_major_formatter(plt.FuncFormatter(lambda x, _: f"{x:.0%}"))
    ax.set_xlabel("share attributed to an anonymous source")
    ax.legend(loc="lower right")
    ax.grid(axis="y", visible=False)
    suptitle(
        fig,
        headed(
            finding,
            f"Anonymous sourcing\nN = {quotes:,} quotations, {attributions:,} attributions, "
            f"{_title_n(anonymous)}",
        ),
    )
    finish(fig)
    return fig


def _anonymous_sentence(anonymous: pd.DataFrame) -> str:
    """What :func:`plot_anonymous` would chart, as a sentence (one outlet or none to show)."""
    quotes, attributions = int(anonymous["quotes"].sum()), int(anonymous["attributions"].sum())
    parts = []
    for row in anonymous.itertuples(index=False):
        if row.anonymous_quotes or row.anonymous_attributions:
            who = f" ({row.anonymous_speakers})" if isinstance(row.anonymous_speakers, str) else ""
            parts.append(
                f"{row.outlet} attributes {row.anonymous_quotes} of its {row.quotes} direct "
                f"quotations and {row.anonymous_attributions} of its {row.attributions} "
                f"attributions to an anonymous source{who}"
            )
    found = "; ".join(parts) if parts else "No outlet attributes anything to an anonymous source"
    return (
        f"{found}. "
        + ("Every other outlet: none. " if parts and len(anonymous) > 1 else "")
        + f"N = {quotes} direct quotations and {attributions} attributions (quoted or "
        f"reported) in {_title_n(anonymous)}."
    )


#: Rows and columns at most in the reporting-verb table (the rest summed).
MAX_VERBS, MAX_VERB_OUTLETS = 18, 8


@described(
    f"A table of counts: reporting verbs (rows, by group) against outlets (columns), each cell showing quoted + reported uses; at most {MAX_VERBS} verbs and {MAX_VERB_OUTLETS} outlets, the rest summed"
)
def plot_reporting_verbs(verbs: pd.DataFrame, *, finding: str = ""):
    """A table of counts: reporting verbs (rows, by group) against outlets (columns); each cell
    shows quoted + reported uses. ``verbs`` is :func:`reporting_verbs`'s table. At most
    :data:`MAX_VERBS` verbs (the most used; the rest summed into one row) and
    :data:`MAX_VERB_OUTLETS` outlets (the rest summed into one column)."""
    verbs = verbs.assign(row=verbs["cue"] + " (" + verbs["group"] + ")")
    verbs = verbs.assign(
        row=fold_rest(verbs["row"], verbs["total"], n=MAX_VERBS, rest="other verbs"),
        outlet=fold_rest(verbs["outlet"], verbs["total"], n=MAX_VERB_OUTLETS, rest="other outlets"),
    )
    outlets = list(dict.fromkeys(verbs["outlet"]))
    rank = {g: i for i, g in enumerate(dict.fromkeys(load_cues().group_of.values()))}
    order = verbs.groupby(["row", "group"], sort=False)["total"].sum().reset_index()
    order = order.assign(_g=order["group"].map(rank).fillna(len(rank)))
    order = order.assign(_rest=order["row"].str.startswith("other verbs ("))
    order = order.sort_values(["_rest", "_g", "total", "row"], ascending=[True, True, False, True])
    rows = list(dict.fromkeys(order["row"]))
    detail = verbs.groupby(["row", "outlet"], sort=False)[["quoted", "reported", "total"]].sum()
    grid = detail["total"].unstack("outlet").reindex(index=rows, columns=outlets).fillna(0)
    label_width = 1.9
    cell = min(1.1, (FIG_WIDTH - label_width) / max(len(outlets), 1))
    fig, ax = plt.subplots(
        figsize=(label_width + cell * len(outlets), 0.2 * len(rows) + 1.4 + SOURCE_SPACE)
    )
    values = grid.to_numpy(dtype=float)
    top = max(1.0, values.max()) if values.size else 1.0
    ax.imshow(values, cmap="Blues", aspect="auto", vmin=0, vmax=top)
    for i, row in enumerate(rows):
        for j, outlet in enumerate(outlets):
            if (row, outlet) in detail.index:
                c = detail.loc[(row, outlet)]
                text = (
                    f"{int(c['quoted']):,} + {int(c['reported']):,}"
                    if cell >= 0.6
                    else f"{int(c['total']):,}"
                )
                ax.text(
                    j,
                    i,
                    text,
                    ha="center",
                    va="center",
                    fontsize=7,
                    color="white" if values[i, j] > top / 2 else "black",
                )
    ax.set_xticks(range(len(outlets)), [wrap(o, 12) for o in outlets], fontsize=7)
    ax.set_yticks(range(len(rows)), rows, fontsize=7)
    ax.xaxis.tick_top()
    ax.tick_params(length=0)
    ax.grid(False)
    cells = "quoted + reported uses" if cell >= 0.6 else "uses (quoted and reported)"
    lines = max(o.count("\n") for o in (wrap(o, 12) for o in outlets)) + 1
    ax.set_title(
        headed(
            finding,
            f"Reporting verbs by outlet: {cells}\n"
            f"N = {int(verbs['total'].sum()):,} attributions, {_title_n_verbs(verbs)}",
        ),
        pad=6 + 9 * lines,
    )
    finish(fig)
    return fig


def _title_n_verbs(verbs: pd.DataFrame) -> str:
    if "articles" in verbs.columns:
        return _title_n(verbs)
    return f"{verbs['outlet'].nunique():,} outlets"


#: Scare-quoted words listed per outlet at most.
MAX_SCARE_WORDS = 3


@described(
    f"Bars of scare quotes per outlet (zeros shown), each labelled with its first {MAX_SCARE_WORDS} quoted words; with one scare quote or none, a sentence instead"
)
def plot_scare_quotes(scare: pd.DataFrame, outlets: Sequence[str], *, finding: str = ""):
    """Scare quotes per outlet (zeros shown), each bar labelled with the quoted words (the first
    :data:`MAX_SCARE_WORDS`). ``scare`` is :func:`scare_quotes`'s table; ``outlets`` every
    outlet compared. With one scare quote or none, the figure says so in a sentence."""
    n_articles = len(outlets)  # one entry per article compared
    outlets = list(dict.fromkeys(outlets))
    if len(scare) <= 1:
        if len(scare) == 1:
            r = scare.iloc[0]
            found = f"The one scare quote is {possessive(r['outlet'])} \u201c{r['text']}\u201d"
        else:
            found = "No outlet puts a word in scare quotes"
        return sentence_figure(
            headed(finding, "Scare quotes"),
            f"{found} (1-3 quoted words with no speaker), in {n_articles:,} articles "
            f"({', '.join(outlets)}).",
        )
    counts = scare.groupby("outlet").size().reindex(outlets, fill_value=0)
    shown = counts.sort_values(ascending=False, kind="mergesort").index[: MAX_VERB_OUTLETS * 2]
    counts = counts[counts.index.isin(shown)]

    def listed(texts: pd.Series) -> str:
        words = [
            f"\u201c{w if len(w) <= 20 else w[:19] + chr(8230)}\u201d" for w in dict.fromkeys(texts)
        ]
        more = len(words) - MAX_SCARE_WORDS
        return ", ".join(words[:MAX_SCARE_WORDS]) + (f" +{more} more" if more > 0 else "")

    words = scare.groupby("outlet")["text"].agg(listed)
    fig, ax = plt.subplots(
        figsize=(FIG_WIDTH, 0.3 * len(counts) + 1.2 + SOURCE_SPACE + finding_room(finding))
    )
    ax.barh(counts.index, counts.to_numpy(), color=NEUTRAL)
    for outlet, count in counts.items():
        ax.text(count, outlet, f"  {count:,}  {words.get(outlet, '')}", va="center", fontsize=7)
    ax.set_xlim(0, max(3, counts.max() * 2.6))
    ax.invert_yaxis()
    ax.set_xlabel("scare quotes (1-3 quoted words, no speaker)")
    ax.grid(axis="y", visible=False)
    note = (
        f"; {len(counts):,} of {len(outlets):,} outlets shown" if len(counts) < len(outlets) else ""
    )
    suptitle(
        fig, headed(finding, f"Scare quotes\nN = {len(scare):,} in {n_articles:,} articles{note}")
    )
    finish(fig)
    return fig


@described(
    'For each hand-labelled set, the share of quotations found, the share given the right speaker and the precision, side by side, with Wilson 95% intervals and the counts ("k/n") written in'
)
def plot_accuracy(table: pd.DataFrame, *, finding: str = ""):
    """The three measures for each set, side by side, with Wilson 95% intervals and "k/n"
    written in. ``table`` is :func:`analysis.quote_accuracy.accuracy_table`'s."""
    sets = [s for s in SETS if s in set(table["set"])]
    colours = {
        "seeds": "#999999",
        "tune": "#56B4E9",
        "holdout": "#0072B2",
        "dev2": "#009E73",
        "dev3": "#CC79A7",
        "dev3_unstudied": "#E69F00",
        "untouched": "#D55E00",
        "fresh": "#332288",
    }
    fig, ax = plt.subplots(figsize=(FIG_WIDTH, 3.0 + 0.6 * len(sets) + SOURCE_SPACE))
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
            ax.text(0.01, yy, f"{k:,}/{n:,} = {v:.0%}", va="center", fontsize=7, color="white")
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
    suptitle(
        fig,
        headed(
            finding,
            "Quotation finder against hand labels\n"
            + ", ".join(f"{s}: N = {n[s]} quotations" for s in sets),
        ),
    )
    finish(fig)
    return fig
