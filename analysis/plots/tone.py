"""Figures of notebook 04 (tone): sentiment by voice and its drivers, readability, stance and
escalation markers, attribution verbs. The tables are :mod:`analysis.tone`."""

from __future__ import annotations

import matplotlib.pyplot as plt
import numpy as np
import pandas as pd

from analysis.plots.style import VERB_GROUP_COLOURS, outlet_colour, panels, suptitle
from analysis.tone import SEED, SMALL_SAMPLE
from analysis.voices import VOICE_NAMES


def _voices(table: pd.DataFrame) -> list[str]:
    """The voices present, in the order writer, quoted, mixed (then any other)."""
    present = set(table["voice"])
    return [v for v in VOICE_NAMES if v in present] + sorted(present - set(VOICE_NAMES))


def plot_sentiment(scores: pd.DataFrame, summary: pd.DataFrame):
    """Per voice, every sentence's VADER compound by outlet (dots, jittered), with the mean and its
    95% bootstrap interval (black) and N beside it; hollow means flag a small sample."""
    voices = _voices(summary)
    outlets = sorted(set(scores["outlet"]))
    fig, axes = panels(len(voices), columns=3, width=4.2, height=0.9 + 0.75 * len(outlets))
    jitter = np.random.default_rng(SEED).uniform(-0.22, 0.22, len(scores))
    for ax, voice in zip(axes, voices, strict=True):
        for y, outlet in enumerate(outlets):
            mask = ((scores["voice"] == voice) & (scores["outlet"] == outlet)).to_numpy()
            ax.scatter(
                scores.loc[mask, "compound"],
                y + jitter[mask],
                s=12,
                alpha=0.55,
                color=outlet_colour(outlet),
                linewidths=0,
            )
            row = summary[(summary["voice"] == voice) & (summary["outlet"] == outlet)]
            if row.empty:
                continue
            r = row.iloc[0]
            ax.errorbar(
                r.mean_compound,
                y,
                xerr=[[r.mean_compound - r.ci_low], [r.ci_high - r.mean_compound]],
                fmt="o",
                color="black",
                mfc="white" if r.small_sample else "black",
                capsize=3,
                markersize=5,
                zorder=3,
            )
            ax.annotate(
                f"N={r.n_sentences}",
                (1.02, y),
                xycoords=("axes fraction", "data"),
                va="center",
                fontsize=8,
                annotation_clip=False,
            )
        ax.axvline(0, color="0.5", linewidth=0.7)
        ax.set_xlim(-1.05, 1.05)
        ax.set_yticks(range(len(outlets)), outlets if ax is axes[0] else [""] * len(outlets))
        ax.set_ylim(len(outlets) - 0.5, -0.5)
        ax.set_title(VOICE_NAMES.get(voice, voice), fontsize=10)
        ax.set_xlabel("VADER compound per sentence")
        ax.grid(axis="y", visible=False)
    n_articles = scores["article_id"].nunique()
    suptitle(
        fig,
        f"Sentence sentiment by outlet and voice, N = {n_articles} articles, "
        f"{len(scores):,} sentences\nmean and 95% bootstrap interval in black; hollow = fewer "
        f"than {SMALL_SAMPLE} sentences (small sample: read the interval as indicative)",
    )
    fig.tight_layout()
    return fig


def plot_drivers(drivers: pd.DataFrame, *, n_sentences: int):
    """Per outlet, the lexicon words with the largest summed VADER valence (bars; blue positive,
    red negative), labelled with occurrences and how many of them VADER's negation flipped."""
    outlets = sorted(set(drivers["outlet"]))
    n = int(drivers.groupby("outlet").size().max()) if len(drivers) else 0
    fig, axes = panels(len(outlets), columns=2, width=5.2, height=0.9 + 0.3 * n)
    for ax, outlet in zip(axes, outlets, strict=True):
        rows = drivers[drivers["outlet"] == outlet].iloc[::-1]
        colours = np.where(rows["valence_sum"] > 0, "#0072B2", "#D55E00")
        ax.barh(rows["word"], rows["valence_sum"], color=colours)
        for y, r in enumerate(rows.itertuples(index=False)):
            label = f"×{r.n}" + (f", {r.flipped} negated" if r.flipped else "")
            ax.annotate(
                label,
                (r.valence_sum, y),
                xytext=(3 if r.valence_sum > 0 else -3, 0),
                textcoords="offset points",
                va="center",
                fontsize=8,
                ha="left" if r.valence_sum > 0 else "right",
            )
        ax.axvline(0, color="0.4", linewidth=0.7)
        reach = max(rows["valence_sum"].abs().max(), 1.0)  # room for the labels beyond the bars
        ax.set_xlim(
            min(rows["valence_sum"].min(), 0) - 0.9 * reach,
            max(rows["valence_sum"].max(), 0) + 0.6 * reach,
        )
        ax.set_title(outlet, fontsize=10)
        ax.set_xlabel("summed VADER valence (after negation, boosters, 'but')")
        ax.grid(axis="y", visible=False)
    suptitle(
        fig,
        f"The VADER lexicon words behind each outlet's sentence scores, N = {n_sentences:,} "
        "sentences\nlabels: occurrences, and how many VADER read as negated (sign flipped)",
    )
    fig.tight_layout()
    return fig


#: Labels of the readability panels, with the direction that means harder to read.
_READABILITY_LABELS = {
    "flesch_reading_ease": "Flesch reading ease",
    "flesch_kincaid_grade": "Flesch-Kincaid grade",
    "gunning_fog": "Gunning fog (grade)",
    "smog_index": "SMOG (grade)",
    "coleman_liau_index": "Coleman-Liau (grade)",
    "dale_chall_readability_score": "Dale-Chall score",
    "words_per_sentence": "Words per sentence",
    "avg_syllables_per_word": "Syllables per word",
    "mtld": "MTLD (lexical diversity)",
    "mattr": "MATTR, window 50",
}


def plot_readability(table: pd.DataFrame):
    """One panel per measure: each article's value for the whole body (filled bar) and for the
    writer's own sentences (hatched bar), in the outlet's colour."""
    articles = table.drop_duplicates("article_id")[["article_id", "outlet"]]
    fig, axes = panels(
        len(_READABILITY_LABELS), columns=5, width=2.9, height=2.2 + 0.25 * len(articles)
    )
    for ax, (metric, label) in zip(axes, _READABILITY_LABELS.items(), strict=True):
        for y, (article_id, outlet) in enumerate(articles.itertuples(index=False)):
            for offset, scope, hatch in ((-0.2, "body", None), (0.2, "writer", "////")):
                value = table.loc[
                    (table["article_id"] == article_id) & (table["scope"] == scope), metric
                ]
                ax.barh(
                    y + offset,
                    value.iloc[0] if len(value) else np.nan,
                    height=0.38,
                    color=outlet_colour(outlet) if hatch is None else "white",
                    edgecolor=outlet_colour(outlet),
                    hatch=hatch,
                )
        ax.set_yticks(
            range(len(articles)),
            articles["article_id"] if ax in axes[::5] else [""] * len(articles),
        )
        ax.set_ylim(len(articles) - 0.5, -0.5)
        ax.set_title(label, fontsize=9)
        ax.grid(axis="y", visible=False)
    n_words = table.loc[table["scope"] == "body", "n_words"].sum()
    suptitle(
        fig,
        f"Readability and lexical diversity, N = {len(articles)} articles ({n_words:,} words, "
        "textstat's counts)\nfilled: whole body; hatched: the writer's own sentences only. "
        "Higher is harder to read for every index except Flesch reading ease",
    )
    fig.tight_layout()
    return fig


def plot_rates(rates: pd.DataFrame, *, title: str):
    """One panel per category: occurrences per 1,000 words by outlet (and voice, when present),
    with the exact Poisson 95% interval; the count is written beside each point."""
    categories = list(dict.fromkeys(rates["category"]))
    outlets = sorted(set(rates["outlet"]))
    voices = _voices(rates) if "voice" in rates.columns else [None]
    right = float(rates["ci_high"].max()) * 1.2  # one scale for every panel
    markers = dict(zip(voices, ("o", "s", "^", "D", "v"), strict=False))
    step = 0.8 / len(voices)
    fig, axes = panels(
        len(categories), columns=2, width=5.4, height=1.2 + 0.35 * len(outlets) * len(voices)
    )
    for ax, category in zip(axes, categories, strict=True):
        for y, outlet in enumerate(outlets):
            for k, voice in enumerate(voices):
                mask = (rates["category"] == category) & (rates["outlet"] == outlet)
                if voice is not None:
                    mask &= rates["voice"] == voice
                if not mask.any():
                    continue
                r = rates[mask].iloc[0]
                pos = y - 0.4 + step * (k + 0.5)
                ax.errorbar(
                    r.per_1000,
                    pos,
                    xerr=[[r.per_1000 - r.ci_low], [r.ci_high - r.per_1000]],
                    fmt=markers[voice],
                    color=outlet_colour(outlet),
                    capsize=2,
                    markersize=5,
                )
                ax.annotate(
                    f"{r['count']}/{r.words:,}",
                    (r.ci_high, pos),
                    xytext=(3, 0),
                    textcoords="offset points",
                    va="center",
                    fontsize=7,
                )
        ax.set_yticks(range(len(outlets)), outlets if ax is axes[0] else [""] * len(outlets))
        ax.set_ylim(len(outlets) - 0.5, -0.5)
        ax.set_xlim(0, right)
        ax.set_title(category, fontsize=10)
        ax.set_xlabel("per 1,000 words (exact Poisson 95% interval)")
        ax.grid(axis="y", visible=False)
    suptitle(fig, title)
    fig.tight_layout()
    if voices != [None]:
        handles = [
            plt.Line2D([], [], marker=markers[v], color="0.3", linestyle="none") for v in voices
        ]
        labels = [f"{VOICE_NAMES.get(v, v)} voice" for v in voices]
        fig.legend(handles, labels, ncols=len(voices), loc="upper right", fontsize=9)
    return fig


#: The cue groups in the order they are stacked, neutral first.
_GROUP_ORDER = ("neutral", "assertive", "doubt", "alarmed", "other", "unlisted", "none")


def plot_attribution(shares: pd.DataFrame):
    """Per basis (quotations' cues; every reporting verb in the text), a 100% bar per outlet of
    its reporting verbs by group, with counts in the bars and N beside each outlet."""
    bases = list(dict.fromkeys(shares["basis"]))
    outlets = sorted(set(shares["outlet"]))
    groups = [g for g in _GROUP_ORDER if g in set(shares["group"])]
    groups += sorted(set(shares["group"]) - set(groups))
    fig, axes = panels(len(bases), columns=1, width=9, height=1.3 + 0.45 * len(outlets))
    for ax, basis in zip(axes, bases, strict=True):
        rows = shares[shares["basis"] == basis]
        left = np.zeros(len(outlets))
        for group in groups:
            part = rows[rows["group"] == group].set_index("outlet").reindex(outlets)
            values = part["share"].fillna(0).to_numpy()
            ax.barh(
                range(len(outlets)),
                values,
                left=left,
                label=group,
                edgecolor="0.3",
                linewidth=0.5,
                color=VERB_GROUP_COLOURS.get(group, "#999999"),
            )
            for y, (value, count) in enumerate(zip(values, part["count"].fillna(0), strict=True)):
                if value >= 0.05:
                    ax.text(
                        left[y] + value / 2,
                        y,
                        f"{int(count)}",
                        ha="center",
                        va="center",
                        fontsize=8,
                    )
            left += values
        totals = rows.groupby("outlet")["total"].first().reindex(outlets).fillna(0)
        ax.set_yticks(range(len(outlets)), [f"{o} (N={int(t)})" for o, t in totals.items()])
        ax.set_ylim(len(outlets) - 0.5, -0.5)
        ax.set_xlim(0, 1)
        label = {
            "quotations": "cues of attributed direct quotations",
            "text": "every reporting-verb form in the text (direct and indirect speech)",
        }
        ax.set_title(label.get(basis, basis), fontsize=10)
        ax.grid(axis="y", visible=False)
    axes[-1].set_xlabel("share of the outlet's reporting verbs (numbers in bars: count)")
    axes[0].legend(ncols=len(groups), loc="lower left", bbox_to_anchor=(0, 1.12), fontsize=8)
    suptitle(
        fig,
        f"Verbs of attribution by group (cues.yml), N = {len(outlets)} articles\n"
        "neutral: say, tell, add; assertive: insist, stress; doubt: claim, allege; alarmed: warn",
    )
    fig.tight_layout()
    return fig
