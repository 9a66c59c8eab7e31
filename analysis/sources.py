"""Who is quoted, how much, with which verbs: the tables, figures and findings of notebook 02.

Everything here reads the quotations that :mod:`analysis.quotes` finds (``corpus.quotes``, with
speaker, side and kind) and the attributions of :func:`analysis.quotes.find_attributions`
(every reporting verb with its speaker, reported speech included). Per outlet:
:func:`quotes_by_speaker` and :func:`quotes_by_side` (quotations and quoted words),
:func:`anonymous_sourcing`, :func:`reporting_verbs` (by the groups of ``cues.yml``) and
:func:`scare_quotes`; a ``plot_*`` function draws each table and :func:`source_findings` turns
them into citable numbers (``sources.*``). Compare outlets on ``corpus.canonical()``.

How far the quotation finder can be trusted is :mod:`analysis.quote_accuracy`.
"""

from __future__ import annotations

from collections.abc import Sequence

import pandas as pd

from analysis.actors import CIVILIANS, SPEAKER_TYPES
from analysis.findings import finding, findings_table
from analysis.quotes import load_cues, require_quotes
from analysis.text import outlet_slug

# --------------------------------------------------------------------------- tables

SIDE_ORDER = ("Russia", "Ukraine", "West", CIVILIANS, "other", "unknown")
#: Colour of each side in every figure of notebook 02 (Okabe-Ito, colour-blind safe).
SIDE_COLOURS = {
    "Russia": "#D55E00",
    "Ukraine": "#0072B2",
    "West": "#009E73",
    CIVILIANS: "#E69F00",
    "other": "#CC79A7",
    "unknown": "#999999",
}
#: Speaker types in figure order (``actors.SPEAKER_TYPES``), then quotations nobody is given.
TYPE_ORDER = (*SPEAKER_TYPES, "unattributed")
TYPE_COLOURS = dict(
    zip(
        TYPE_ORDER,
        [
            "#0072B2",
            "#56B4E9",
            "#000000",
            "#009E73",
            "#CC79A7",
            "#E69F00",
            "#D55E00",
            "#F0E442",
            "#999999",
            "#DDDDDD",
        ],
        strict=True,
    )
)
UNATTRIBUTED_LABEL = "(unattributed)"


def _with_outlet(corpus, table: pd.DataFrame) -> pd.DataFrame:
    outlets = corpus.articles[["article_id", "outlet"]]
    return table.merge(outlets, on="article_id", how="left", validate="many_to_one")


def _sources(corpus) -> pd.DataFrame:
    """The quotations that report someone's words (scare quotes left out), with ``outlet`` and
    ``side`` ("unknown" for a speaker of unknown side, ``UNATTRIBUTED_LABEL`` as speaker)."""
    quotes = require_quotes(corpus)
    quotes = _with_outlet(corpus, quotes[quotes["kind"] != "scare"])
    quotes["speaker"] = quotes["speaker"].where(quotes["speaker"] != "", UNATTRIBUTED_LABEL)
    side = quotes["speaker_side"].where(quotes["speaker_side"].isin(SIDE_ORDER), "unknown")
    kind = quotes["speaker_type"].where(quotes["speaker_type"].isin(TYPE_ORDER), "unattributed")
    return quotes.assign(side=side, type=kind)


def _articles_per_outlet(corpus) -> pd.Series:
    return corpus.articles.groupby("outlet")["article_id"].nunique().rename("articles")


def quotes_by_speaker(corpus) -> pd.DataFrame:
    """Quotations and quoted words per outlet and speaker (scare quotes left out).

    Columns: ``outlet``, ``articles`` (the outlet's articles in the corpus), ``speaker``,
    ``side``, ``speaker_type``, ``quotes``, ``quoted_words``, ``share_of_words`` (of the outlet's
    quoted words). Sorted by outlet, then most quoted words first (ties by name). Give it
    ``corpus.canonical()`` to compare outlets.
    """
    quotes = _sources(corpus)
    table = (
        quotes.groupby(["outlet", "speaker", "side", "speaker_type"], sort=True)
        .agg(quotes=("quote", "size"), quoted_words=("n_words", "sum"))
        .reset_index()
        .join(_articles_per_outlet(corpus), on="outlet")
    )
    total = table.groupby("outlet")["quoted_words"].transform("sum")
    table["share_of_words"] = table["quoted_words"] / total.where(total > 0)
    columns = [
        "outlet",
        "articles",
        "speaker",
        "side",
        "speaker_type",
        "quotes",
        "quoted_words",
        "share_of_words",
    ]
    return (
        table[columns]
        .sort_values(
            ["outlet", "quoted_words", "speaker"], ascending=[True, False, True], kind="stable"
        )
        .reset_index(drop=True)
    )


def quotes_by_side(corpus) -> pd.DataFrame:
    """Quotations and quoted words per outlet and side, every side listed (zeros included).

    Columns: ``outlet``, ``articles``, ``side`` (in :data:`SIDE_ORDER`; citizens and witnesses
    of any country are ``civilians``), ``quotes``, ``quoted_words``, ``share_of_quotes``,
    ``share_of_words`` (within the outlet).
    """
    return _quotes_by(corpus, "side", SIDE_ORDER)


def quotes_by_type(corpus) -> pd.DataFrame:
    """Quotations and quoted words per outlet and speaker type (state official, politician,
    military, expert or analyst, journalist, citizen or witness, organisation, anonymous, other,
    and ``unattributed``), every type listed: the columns of :func:`quotes_by_side` with
    ``type`` for ``side``."""
    return _quotes_by(corpus, "type", TYPE_ORDER)


def _quotes_by(corpus, column: str, order: Sequence[str]) -> pd.DataFrame:
    quotes = _sources(corpus)
    outlets = _articles_per_outlet(corpus).reset_index()
    grid = outlets.merge(pd.DataFrame({column: list(order)}), how="cross")
    counts = (
        quotes.groupby(["outlet", column])
        .agg(quotes=("quote", "size"), quoted_words=("n_words", "sum"))
        .reset_index()
    )
    table = grid.merge(counts, on=["outlet", column], how="left").fillna(
        {"quotes": 0, "quoted_words": 0}
    )
    table = table.astype({"quotes": "int64", "quoted_words": "int64"})
    for counted in ("quotes", "quoted_words"):
        total = table.groupby("outlet")[counted].transform("sum")
        table["share_of_" + counted.split("_")[-1]] = table[counted] / total.where(total > 0)
    table[column] = pd.Categorical(table[column], categories=list(order), ordered=True)
    table = table.sort_values(["outlet", column], kind="stable").reset_index(drop=True)
    return table.astype({column: str})


def anonymous_sourcing(corpus, attributions: pd.DataFrame) -> pd.DataFrame:
    """How much of each outlet's sourcing is anonymous.

    Two denominators, because anonymous sources are mostly paraphrased, not quoted: the direct
    quotations (scare quotes left out) and all attributions (every reporting verb with a
    speaker, quotation or reported speech, from :func:`analysis.quotes.find_attributions`).
    Columns: ``outlet``, ``articles``, ``quotes``, ``anonymous_quotes``, ``share_quotes``,
    ``attributions``, ``anonymous_attributions``, ``share_attributions``,
    ``anonymous_speakers`` (who, with counts).
    """
    quotes = _sources(corpus)
    attributions = _with_outlet(
        corpus, attributions[attributions["article_id"].isin(corpus.articles["article_id"])]
    )
    rows = []
    for outlet, articles in _articles_per_outlet(corpus).items():
        q = quotes[quotes["outlet"] == outlet]
        a = attributions[attributions["outlet"] == outlet]
        anonymous = a[a["speaker_type"] == "anonymous"]
        rows.append(
            {
                "outlet": outlet,
                "articles": articles,
                "quotes": len(q),
                "anonymous_quotes": int((q["speaker_type"] == "anonymous").sum()),
                "attributions": len(a),
                "anonymous_attributions": len(anonymous),
                "anonymous_speakers": _counted(anonymous["speaker"]),
            }
        )
    table = pd.DataFrame(rows)
    table["share_quotes"] = table["anonymous_quotes"] / table["quotes"].where(table["quotes"] > 0)
    table["share_attributions"] = table["anonymous_attributions"] / table["attributions"].where(
        table["attributions"] > 0
    )
    columns = [
        "outlet",
        "articles",
        "quotes",
        "anonymous_quotes",
        "share_quotes",
        "attributions",
        "anonymous_attributions",
        "share_attributions",
        "anonymous_speakers",
    ]
    return table[columns].reset_index(drop=True)


def _counted(values: pd.Series) -> str:
    """'a (2), b (1)': values with their counts, most frequent first, ties by name."""
    counts = values.value_counts()
    order = sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))
    return ", ".join(f"{value} ({count})" for value, count in order)


def reporting_verbs(corpus, attributions: pd.DataFrame) -> pd.DataFrame:
    """Reporting verbs per outlet: how often each lemma introduces a quotation or reported
    speech.

    One row per outlet and lemma used: ``outlet``, ``articles``, ``cue``, ``group`` (from
    ``cues.yml``), ``quoted`` (quotations it attributes), ``reported`` (reported speech, no
    quotation), ``total``, ``share`` (of the outlet's attributions). Quotations carried on
    without a verb of their own are not counted. Sorted by outlet, group, most used first.
    """
    groups = load_cues().group_of
    attributions = _with_outlet(
        corpus, attributions[attributions["article_id"].isin(corpus.articles["article_id"])]
    )
    table = (
        attributions.assign(reported=~attributions["quoted"])
        .groupby(["outlet", "cue"])
        .agg(quoted=("quoted", "sum"), reported=("reported", "sum"))
        .reset_index()
        .join(_articles_per_outlet(corpus), on="outlet")
        .astype({"quoted": "int64", "reported": "int64"})
    )
    table["group"] = table["cue"].map(groups).fillna("unlisted")
    table["total"] = table["quoted"] + table["reported"]
    table["share"] = table["total"] / table.groupby("outlet")["total"].transform("sum")
    rank = {g: i for i, g in enumerate(dict.fromkeys(groups.values()))}
    table["_group"] = table["group"].map(rank)
    table = table.sort_values(
        ["outlet", "_group", "total", "cue"], ascending=[True, True, False, True], kind="stable"
    )
    columns = ["outlet", "articles", "cue", "group", "quoted", "reported", "total", "share"]
    return table[columns].reset_index(drop=True)


def scare_quotes(corpus) -> pd.DataFrame:
    """Every scare quote with its sentence: ``outlet``, ``article_id``, ``paragraph``, ``text``,
    ``sentence`` (the sentence it sits in, as written)."""
    quotes = require_quotes(corpus)
    scare = _with_outlet(corpus, quotes[quotes["kind"] == "scare"])
    sentences = corpus.sentences
    context = []
    for row in scare.itertuples(index=False):
        here = sentences[
            (sentences["article_id"] == row.article_id)
            & (sentences["paragraph"] == row.paragraph)
            & (sentences["start"] <= row.start)
            & (sentences["end"] >= row.start)
        ]
        context.append(here["text"].iloc[0] if len(here) else "")
    scare = scare.assign(sentence=context)
    columns = ["outlet", "article_id", "paragraph", "text", "sentence"]
    return scare[columns].sort_values(["outlet", "paragraph"], kind="stable").reset_index(drop=True)


# --------------------------------------------------------------------------- figures


def _title_n(table: pd.DataFrame) -> str:
    """ "4 articles": the articles behind a per-outlet table (its ``articles`` column)."""
    articles = int(table.drop_duplicates("outlet")["articles"].sum())
    return f"{articles} article{'s' if articles != 1 else ''}"


def plot_words_by_type(by_type: pd.DataFrame):
    """Stacked bars: each outlet's quoted words by speaker type. ``by_type`` is
    :func:`quotes_by_type`'s table."""
    return plot_words_by_side(by_type, column="type")


def plot_words_by_side(by_side: pd.DataFrame, *, column: str = "side"):
    """Stacked bars: each outlet's quoted words by the side of the speaker (shares, with the
    word counts written in). ``by_side`` is :func:`quotes_by_side`'s table (or, with
    ``column="type"``, :func:`quotes_by_type`'s)."""
    import matplotlib.pyplot as plt

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
    import matplotlib.pyplot as plt

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
    fig.suptitle(
        f"Who is quoted, and at what length\nN = {quotes} quotations, {_title_n(by_speaker)}",
        x=0.01,
        ha="left",
        fontweight="bold",
    )
    fig.tight_layout(rect=(0, 0.04, 1, 1))
    return fig


def plot_anonymous(anonymous: pd.DataFrame):
    """Share of anonymous sources per outlet among direct quotations and among all attributions,
    with the counts ("k of n") written in. ``anonymous`` is :func:`anonymous_sourcing`'s table."""
    import matplotlib.pyplot as plt
    import numpy as np

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
    shows quoted + reported uses. ``verbs`` is :func:`reporting_verbs`'s table."""
    import matplotlib.pyplot as plt

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
    import matplotlib.pyplot as plt

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


# --------------------------------------------------------------------------- findings


def source_findings(
    by_side: pd.DataFrame,
    by_speaker: pd.DataFrame,
    anonymous: pd.DataFrame,
    verbs: pd.DataFrame,
    scare: pd.DataFrame,
) -> pd.DataFrame:
    """The citable numbers of notebook 02, one row each: ``key`` (``sources.*``, by outlet slug,
    e.g. ``sources.quotes.moscow-times``), ``value``, ``unit``, ``description``, ``figure``."""
    rows = []
    for outlet, part in by_side.groupby("outlet", sort=True):
        slug, n = outlet_slug(outlet), _articles_phrase(part)
        rows.append(
            finding(
                f"sources.quotes.{slug}",
                int(part["quotes"].sum()),
                "quotations",
                f"Direct quotations in {outlet} ({n}; scare quotes left out, headlines included)",
                "02_words_by_side",
            )
        )
        rows.append(
            finding(
                f"sources.quoted-words.{slug}",
                int(part["quoted_words"].sum()),
                "words",
                f"Words quoted in {outlet} ({n}; editorial insertions left out)",
                "02_words_by_side",
            )
        )
        for side in ("Russia", "Ukraine", "West"):
            share = part.loc[part["side"] == side, "share_of_words"].iloc[0]
            rows.append(
                finding(
                    f"sources.words-share.{side.lower()}.{slug}",
                    share,
                    "share of quoted words",
                    f"Share of {outlet}'s quoted words spoken by {side}-side speakers ({n})",
                    "02_words_by_side",
                )
            )
    for outlet, part in by_speaker.groupby("outlet", sort=True):
        top, slug = part.iloc[0], outlet_slug(outlet)
        rows.append(
            finding(
                f"sources.top-speaker.{slug}",
                top["speaker"],
                "name",
                f"Most-quoted speaker in {outlet} by quoted words ({_articles_phrase(part)})",
                "02_words_by_speaker",
            )
        )
        rows.append(
            finding(
                f"sources.top-speaker-share.{slug}",
                top["share_of_words"],
                "share of quoted words",
                f"Share of {outlet}'s quoted words spoken by {top['speaker']}",
                "02_words_by_speaker",
            )
        )
    for row in anonymous.itertuples(index=False):
        slug = outlet_slug(row.outlet)
        rows.append(
            finding(
                f"sources.anonymous-share.quotes.{slug}",
                row.share_quotes,
                "share of quotations",
                f"Anonymous share of {row.outlet}'s direct "
                f"quotations ({row.anonymous_quotes} of {row.quotes})",
                "02_anonymous",
            )
        )
        rows.append(
            finding(
                f"sources.anonymous-share.attributions.{slug}",
                row.share_attributions,
                "share of attributions",
                f"Anonymous share of {row.outlet}'s attributions, quoted or "
                f"reported ({row.anonymous_attributions} of {row.attributions})",
                "02_anonymous",
            )
        )
    for outlet, part in verbs.groupby("outlet", sort=True):
        slug, total = outlet_slug(outlet), part["total"].sum()
        say = part.loc[part["cue"] == "say", "total"].sum()
        neutral = part.loc[part["group"] == "neutral", "total"].sum()
        rows.append(
            finding(
                f"sources.say-share.{slug}",
                say / total,
                "share of attributions",
                f"Share of {outlet}'s attributions made with 'say' ({say} of {total})",
                "02_reporting_verbs",
            )
        )
        rows.append(
            finding(
                f"sources.neutral-share.{slug}",
                neutral / total,
                "share of attributions",
                f"Share of {outlet}'s attributions made with a neutral verb ({neutral} of {total})",
                "02_reporting_verbs",
            )
        )
    counts = scare.groupby("outlet").size()
    for outlet in sorted(set(by_side["outlet"])):
        rows.append(
            finding(
                f"sources.scare-quotes.{outlet_slug(outlet)}",
                int(counts.get(outlet, 0)),
                "scare quotes",
                f"Scare quotes in {outlet}",
                "02_scare_quotes",
            )
        )
    return findings_table(rows)


def _articles_phrase(part: pd.DataFrame) -> str:
    n = int(part["articles"].iloc[0])
    return f"{n} article{'s' if n != 1 else ''}"
