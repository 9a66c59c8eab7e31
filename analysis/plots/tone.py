"""Figures of notebook 04 (tone): sentiment by voice and its drivers, readability, stance and
escalation markers, attribution verbs. The tables are :mod:`analysis.tone`."""

from __future__ import annotations

import matplotlib.pyplot as plt
import numpy as np
import pandas as pd

from analysis.aggregate import MAX_ARTICLES, per_article
from analysis.plots.style import (
    DRAW_HEIGHT,
    FIG_WIDTH,
    SIGN_COLOURS,
    SOURCE_SPACE,
    VERB_GROUP_COLOURS,
    described,
    finding_room,
    finish,
    headed,
    outlet_colour,
    panel_layout,
    panels,
    suptitle,
    wrap,
)
from analysis.tone import SEED, SMALL_SAMPLE, readability_by_outlet
from analysis.voices import VOICE_NAMES


def _voices(table: pd.DataFrame) -> list[str]:
    """The voices present, in the order writer, quoted, mixed (then any other)."""
    present = set(table["voice"])
    return [v for v in VOICE_NAMES if v in present] + sorted(present - set(VOICE_NAMES))


@described(
    "Per voice, every sentence's VADER compound by outlet (dots, jittered), with the mean and its 95% bootstrap interval (black) and N beside it; hollow means flag a small sample"
)
def plot_sentiment(scores: pd.DataFrame, summary: pd.DataFrame, *, finding: str = ""):
    """Per voice, every sentence's VADER compound by outlet (dots, jittered), with the mean and its
    95% bootstrap interval (black) and N beside it; hollow means flag a small sample."""
    voices = _voices(summary)
    outlets = sorted(set(scores["outlet"]))
    row = min(0.6, (DRAW_HEIGHT - 1.6) / max(len(outlets), 1))
    columns = min(3, len(voices))
    fig, axes = panels(
        len(voices), columns=columns, width=FIG_WIDTH / columns, height=1.0 + row * len(outlets)
    )
    jitter = np.random.default_rng(SEED).uniform(-0.22, 0.22, len(scores))
    for ax, voice in zip(axes, voices, strict=True):
        for y, outlet in enumerate(outlets):
            mask = ((scores["voice"] == voice) & (scores["outlet"] == outlet)).to_numpy()
            ax.scatter(
                scores.loc[mask, "compound"],
                y + jitter[mask],
                s=8,
                alpha=0.5,
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
                capsize=2,
                markersize=4,
                zorder=3,
            )
            ax.annotate(
                f"N={r.n_sentences}",
                (1.02, y),
                xycoords=("axes fraction", "data"),
                va="center",
                fontsize=7,
                annotation_clip=False,
            )
        ax.axvline(0, color="0.5", linewidth=0.7)
        ax.set_xlim(-1.05, 1.05)
        names = [wrap(o, 16) for o in outlets]
        ax.set_yticks(range(len(outlets)), names if ax is axes[0] else [""] * len(outlets))
        ax.tick_params(axis="y", labelsize=7)
        ax.set_ylim(len(outlets) - 0.5, -0.5)
        ax.set_title(VOICE_NAMES.get(voice, voice), fontsize=8)
        ax.set_xlabel("VADER compound per sentence", fontsize=7)
        ax.grid(axis="y", visible=False)
    n_articles = scores["article_id"].nunique()
    suptitle(
        fig,
        headed(
            finding,
            f"Sentence sentiment by outlet and voice, N = {n_articles:,} articles, "
            f"{len(scores):,} sentences\nmean and 95% bootstrap interval in black; hollow = "
            f"fewer than {SMALL_SAMPLE} sentences (small sample: read the interval as indicative)",
        ),
    )
    finish(fig)
    return fig


@described(
    "Per outlet, the lexicon words with the largest summed VADER valence (bars on one shared scale; blue positive, red negative), labelled with occurrences and how many of them VADER's negation flipped"
)
def plot_drivers(drivers: pd.DataFrame, *, n_sentences: int, finding: str = ""):
    """Per outlet, the lexicon words with the largest summed VADER valence (bars; blue positive,
    red negative), labelled with occurrences and how many of them VADER's negation flipped.
    Every panel shares one x scale, so bars compare across outlets; past what the page holds,
    each panel shows fewer words (the title says how many)."""
    outlets = sorted(set(drivers["outlet"]))
    n = int(drivers.groupby("outlet").size().max()) if len(drivers) else 0
    columns, width, height, shown = panel_layout(len(outlets), n, row=0.18, chrome=0.6)
    fig, axes = panels(len(outlets), columns=columns, width=width, height=height)
    reach = max(float(drivers["valence_sum"].abs().max()) if len(drivers) else 1.0, 1.0)
    low = min(float(drivers["valence_sum"].min()) if len(drivers) else 0.0, 0.0)
    high = max(float(drivers["valence_sum"].max()) if len(drivers) else 0.0, 0.0)
    for ax, outlet in zip(axes, outlets, strict=True):
        rows = drivers[drivers["outlet"] == outlet].head(shown).iloc[::-1]
        colours = np.where(
            rows["valence_sum"] > 0, SIGN_COLOURS["positive"], SIGN_COLOURS["negative"]
        )
        ax.barh(rows["word"], rows["valence_sum"], color=colours)
        for y, r in enumerate(rows.itertuples(index=False)):
            label = f"\u00d7{r.n}" + (f", {r.flipped} neg." if r.flipped else "")
            ax.annotate(
                label,
                (r.valence_sum, y),
                xytext=(2 if r.valence_sum > 0 else -2, 0),
                textcoords="offset points",
                va="center",
                fontsize=7,
                ha="left" if r.valence_sum > 0 else "right",
            )
        ax.axvline(0, color="0.4", linewidth=0.7)
        ax.set_xlim(low - 0.45 * reach, high + 0.45 * reach)  # one scale for every panel
        ax.tick_params(axis="y", labelsize=7)
        ax.set_title(wrap(outlet, 30), fontsize=8)
        ax.set_xlabel("summed VADER valence", fontsize=7)
        ax.grid(axis="y", visible=False)
    cut = f"; top {shown:,} of {n:,} words per outlet (all in the CSV)" if shown < n else ""
    suptitle(
        fig,
        headed(
            finding,
            f"The VADER lexicon words behind each outlet's sentence scores, N = {n_sentences:,} "
            f"sentences{cut}\nsummed valence after negation, boosters and 'but', one scale for "
            "every outlet; labels: occurrences, and how many VADER read as negated (sign flipped)",
        ),
    )
    finish(fig)
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


#: The two measures drawn (the CSV has every measure): a grade-level readability index and a
#: length-independent lexical diversity.
READABILITY_DRAWN = ("flesch_kincaid_grade", "mtld")


@described(
    f"Two readability measures side by side, one row per article named by its outlet (past {MAX_ARTICLES} articles, one row per outlet, the mean over its articles): the value for the whole body (filled bar) and for the writer's own sentences (hatched bar), each written beside its bar"
)
def plot_readability(
    table: pd.DataFrame, *, measures: tuple[str, str] = READABILITY_DRAWN, finding: str = ""
):
    """Two measures side by side, one row per article named by its outlet (one row per outlet,
    the mean over its articles, past :data:`~analysis.aggregate.MAX_ARTICLES` articles): the
    value for the whole body (filled bar) and for the writer's own sentences (hatched bar), each
    written beside its bar. Every measure is in the CSV."""
    n_articles = table["article_id"].nunique()
    n_words = int(table.loc[table["scope"] == "body", "n_words"].sum())
    if per_article(n_articles):
        units = table.drop_duplicates("article_id")[["article_id", "outlet"]]
        repeated = units["outlet"].duplicated(keep=False)
        names = [
            f"{o} ({a})" if r else o
            for a, o, r in zip(units["article_id"], units["outlet"], repeated, strict=True)
        ]
        rows = table.set_index(["article_id", "scope"])
        keys = list(units["article_id"])
        outlets = list(units["outlet"])
        how = f"N = {n_articles:,} articles"
    else:
        summary = readability_by_outlet(table)
        counts = summary.drop_duplicates("outlet").set_index("outlet")["articles"]
        keys = outlets = list(counts.index)
        names = [f"{o} ({counts[o]} art.)" for o in outlets]
        rows = summary.set_index(["outlet", "scope"])
        how = (
            f"N = {n_articles:,} articles; more than {MAX_ARTICLES}, so the mean per outlet "
            "(every article in the CSV)"
        )
    row = min(0.45, (DRAW_HEIGHT - 1.5) / max(len(keys), 1))
    fig, axes = panels(len(measures), columns=2, width=FIG_WIDTH / 2, height=1.3 + row * len(keys))
    for ax, metric in zip(axes, measures, strict=True):
        reach = max(float(rows[metric].max()), 1e-9)
        for y, (key, outlet) in enumerate(zip(keys, outlets, strict=True)):
            for offset, scope, hatch in ((-0.2, "body", None), (0.2, "writer", "////")):
                value = rows[metric].get((key, scope), np.nan)
                colour = outlet_colour(outlet)
                ax.barh(
                    y + offset,
                    value,
                    height=0.38,
                    color=colour if hatch is None else "white",
                    edgecolor=colour,
                    hatch=hatch,
                )
                if np.isfinite(value) and row >= 0.25:
                    ax.text(
                        value + reach * 0.02, y + offset, f"{value:.1f}", va="center", fontsize=7
                    )
        ax.set_yticks(
            range(len(keys)),
            [wrap(n, 22) for n in names] if ax is axes[0] else [""] * len(keys),
            fontsize=7,
        )
        ax.set_xlim(0, reach * 1.25)
        ax.set_ylim(len(keys) - 0.5, -0.5)
        ax.set_title(_READABILITY_LABELS.get(metric, metric), fontsize=8)
        ax.grid(axis="y", visible=False)
    suptitle(
        fig,
        headed(
            finding,
            f"Readability (Flesch-Kincaid grade: higher is harder) and lexical diversity (MTLD: "
            f"higher is more varied), {how}, {n_words:,} words\nfilled: whole body; hatched: the "
            "writer's own sentences only; the CSV has every textstat index",
        ),
    )
    finish(fig)
    return fig


@described(
    "One panel per category: occurrences per 1,000 words by outlet (and voice, when present), with the exact Poisson 95% interval; the count is written beside each point"
)
def plot_rates(rates: pd.DataFrame, *, title: str, finding: str = ""):
    """One panel per category: occurrences per 1,000 words by outlet (and voice, when present),
    with the exact Poisson 95% interval; the count is written beside each point."""
    categories = list(dict.fromkeys(rates["category"]))
    outlets = sorted(set(rates["outlet"]))
    voices = _voices(rates) if "voice" in rates.columns else [None]
    right = float(rates["ci_high"].max()) * 1.2  # one scale for every panel
    markers = dict(zip(voices, ("o", "s", "^", "D", "v"), strict=False))
    step = 0.8 / len(voices)
    columns = 1 if len(categories) == 1 else 2
    rows_of_panels = -(-len(categories) // columns)
    per_point = min(
        0.3, ((DRAW_HEIGHT - 0.8) / rows_of_panels - 1.0) / (len(outlets) * len(voices))
    )
    fig, axes = panels(
        len(categories),
        columns=columns,
        width=FIG_WIDTH / columns,
        height=1.0 + per_point * len(outlets) * len(voices),
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
                    markersize=4,
                )
                if per_point < 0.12:
                    continue
                ax.annotate(
                    f"{r['count']}/{r.words:,}",
                    (r.ci_high, pos),
                    xytext=(3, 0),
                    textcoords="offset points",
                    va="center",
                    fontsize=7,
                )
        names = [wrap(o, 16) for o in outlets]
        ax.set_yticks(range(len(outlets)), names if ax is axes[0] else [""] * len(outlets))
        ax.tick_params(axis="y", labelsize=7)
        ax.set_ylim(len(outlets) - 0.5, -0.5)
        ax.set_xlim(0, right * 1.15)
        ax.set_title(category, fontsize=8)
        ax.set_xlabel("per 1,000 words (exact Poisson 95% interval)", fontsize=7)
        ax.grid(axis="y", visible=False)
    if voices != [None]:
        handles = [
            plt.Line2D([], [], marker=markers[v], color="0.3", linestyle="none") for v in voices
        ]
        labels = [f"{VOICE_NAMES.get(v, v)} voice" for v in voices]
        title += "\nmarkers: " + ", ".join(labels) + "; labels: count / words"
        fig.legend(
            handles,
            labels,
            ncols=len(voices),
            loc="lower left",
            fontsize=7,
            bbox_to_anchor=(0, SOURCE_SPACE / fig.get_figheight()),
        )
    suptitle(fig, headed(finding, title))
    finish(fig, bottom=0.2 if voices != [None] else 0.0)
    return fig


#: The cue groups in the order they are stacked, neutral first.
_GROUP_ORDER = ("neutral", "assertive", "doubt", "alarmed", "other", "unlisted", "none")


@described(
    "For each basis (the verbs that introduce quotations; every reporting verb in the text), a 100% bar per outlet of its reporting verbs by group, with counts in the bars and N beside each outlet"
)
def plot_attribution(shares: pd.DataFrame, *, finding: str = ""):
    """Per basis (quotations' cues; every reporting verb in the text), a 100% bar per outlet of
    its reporting verbs by group, with counts in the bars and N beside each outlet."""
    bases = list(dict.fromkeys(shares["basis"]))
    outlets = sorted(set(shares["outlet"]))
    groups = [g for g in _GROUP_ORDER if g in set(shares["group"])]
    groups += sorted(set(shares["group"]) - set(groups))
    row = min(0.4, ((DRAW_HEIGHT - 1.2) / max(len(bases), 1) - 0.8) / max(len(outlets), 1))
    fig, axes = panels(len(bases), columns=1, width=FIG_WIDTH, height=0.8 + row * len(outlets))
    fig.set_figheight(fig.get_figheight() + finding_room(finding))
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
                        f"{int(count):,}",
                        ha="center",
                        va="center",
                        fontsize=7,
                    )
            left += values
        totals = rows.groupby("outlet")["total"].first().reindex(outlets).fillna(0)
        ax.set_yticks(
            range(len(outlets)),
            [f"{wrap(o, 22)} (N={int(t):,})" for o, t in totals.items()],
            fontsize=7,
        )
        ax.set_ylim(len(outlets) - 0.5, -0.5)
        ax.set_xlim(0, 1)
        label = {
            "quotations": "cues of attributed direct quotations",
            "text": "every reporting-verb form in the text (direct and indirect speech)",
            "attributions": "",  # the one basis (analysis.sources.reporting_verb_groups): no title
        }
        ax.set_title(label.get(basis, basis), fontsize=8)
        ax.grid(axis="y", visible=False)
    axes[-1].set_xlabel("share of the outlet's reporting verbs (numbers in bars: count)")
    first = shares[shares["basis"] == bases[0]]
    verbs = int(first.groupby("outlet")["total"].first().sum())
    axes[0].legend(ncols=len(groups), loc="lower left", bbox_to_anchor=(0, 1.1), fontsize=7)
    suptitle(
        fig,
        headed(
            finding,
            f"Verbs of attribution by group (cues.yml), {len(outlets):,} outlets, "
            f"N = {verbs:,} reporting verbs\n"
            "neutral: say, tell, add; assertive: insist, stress; doubt: claim, allege; alarmed: warn",
        ),
    )
    finish(fig)
    return fig
