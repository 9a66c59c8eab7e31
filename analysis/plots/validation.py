"""Figures of notebook 07 (validation against people): the frame tagger against hand codes."""

from __future__ import annotations

import matplotlib.pyplot as plt
import numpy as np
import pandas as pd

from analysis.plots.style import (
    FIG_WIDTH,
    SIGN_COLOURS,
    SOURCE_SPACE,
    described,
    finding_room,
    finish,
    headed,
    sentence_figure,
    suptitle,
)

TITLE = "Frame tagger against hand codes"
MEASURES = {
    "precision": "precision: of the sentences tagged, the share the coder agrees with",
    "recall": "recall: of the sentences the coder coded, the share the tagger found",
}
COLOURS = {"precision": SIGN_COLOURS["positive"], "recall": SIGN_COLOURS["negative"]}


@described(
    "Per frame (and all frames pooled, last): the tagger's precision and recall against the hand codes as dots with Wilson 95% intervals, \"k/n\" beside each, and Krippendorff's alpha in the right margin"
)
def plot_frame_validation(agreement: pd.DataFrame, *, coder: str = "one coder", finding: str = ""):
    """Per frame (and all frames pooled, last): the tagger's precision and recall against the
    hand codes as dots with Wilson 95% intervals, "k/n" beside each, and Krippendorff's alpha in
    the right margin. ``agreement`` is :func:`analysis.validation.frame_agreement`'s table (also
    returned, as the plotted data); with no rows the figure says that no coded sentence matched."""
    if agreement.empty:
        sentence = "No hand-coded sentence matches this corpus: nothing to compare."
        return sentence_figure(headed(finding, TITLE), sentence), agreement
    rows = agreement.reset_index(drop=True)
    fig, ax = plt.subplots(
        figsize=(FIG_WIDTH, 0.9 + 0.36 * len(rows) + SOURCE_SPACE + finding_room(finding))
    )
    y = np.arange(len(rows))
    for offset, (measure, colour) in zip((-0.14, 0.14), COLOURS.items(), strict=True):
        value, low, high = rows[measure], rows[f"{measure}_low"], rows[f"{measure}_high"]
        ax.errorbar(
            value,
            y + offset,
            xerr=[value - low, high - value],
            fmt="o",
            ms=4,
            color=colour,
            capsize=2,
            lw=1,
            label=MEASURES[measure],
        )
        k, n = rows["both"], rows["tagger" if measure == "precision" else "human"]
        for yy, kk, nn, hh in zip(y + offset, k, n, high, strict=True):
            if nn:
                ax.text(
                    min(hh, 1.0) + 0.015, yy, f"{kk}/{nn}", va="center", fontsize=7, color=colour
                )
    for yy, a in zip(y, rows["alpha"], strict=True):
        label = "α n/a" if np.isnan(a) else f"α {a:.2f}"
        ax.text(1.2, yy, label, va="center", ha="right", fontsize=7.5)
    ax.set_yticks(y)
    ax.set_yticklabels([wrap_label(r.label, r.frame) for r in rows.itertuples()], fontsize=7.5)
    ax.set_xlim(0, 1.2)
    ax.set_xticks(np.linspace(0, 1, 6))
    ax.xaxis.set_major_formatter(plt.FuncFormatter(lambda x, _: f"{x:.0%}"))
    ax.invert_yaxis()
    ax.set_xlabel("share, with Wilson 95% interval; α: Krippendorff's alpha, tagger vs coder")
    ax.grid(axis="y", visible=False)
    handles, labels = ax.get_legend_handles_labels()
    fig.legend(
        handles,
        labels,
        loc="lower left",
        bbox_to_anchor=(0.3, (SOURCE_SPACE + 0.02) / fig.get_figheight()),
        fontsize=7.5,
        ncol=1,
        frameon=False,
    )
    n = int(rows["sentences"].iloc[0])
    pooled = rows[rows["frame"] == "all"]["alpha"]
    headline = f"α = {pooled.iloc[0]:.2f} over all frames" if len(pooled) else TITLE
    suptitle(
        fig,
        headed(
            finding,
            f"{TITLE}, {headline}: {n:,} sentences of a stratified sample, coded by {coder}",
        ),
    )
    finish(fig, bottom=0.4)
    return fig, agreement


def wrap_label(label: str, frame: str) -> str:
    """A frame's label for the axis: the pooled row in capitals, others cut to 36 characters."""
    text = label if len(label) <= 36 else label[:35] + "…"
    return text.upper() if frame == "all" else text
