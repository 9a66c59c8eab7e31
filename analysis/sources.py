"""Who is quoted, how much, with which verbs: the tables, figures and findings of notebook 02.

Everything here reads the quotations that :mod:`analysis.quotes` finds (``corpus.quotes``, with
speaker, side and kind) and the attributions of :func:`analysis.quotes.find_attributions`
(every reporting verb with its speaker, reported speech included). Per outlet:
:func:`quotes_by_speaker` and :func:`quotes_by_side` (quotations and quoted words),
:func:`anonymous_sourcing`, :func:`reporting_verbs` (by the groups of ``cues.yml``) and
:func:`scare_quotes`; :mod:`analysis.plots.sources` draws each table and :func:`source_findings`
turns them into citable numbers (``sources.*``). Compare outlets on ``corpus.canonical()``.

How far the quotation finder can be trusted is :mod:`analysis.quote_accuracy`.
"""

from __future__ import annotations

from collections.abc import Sequence

import pandas as pd

from analysis.actors import CIVILIANS, SIDES, SPEAKER_TYPES
from analysis.findings import finding, findings_table
from analysis.quotes import find_attributions, load_cues, require_quotes
from analysis.text import outlet_slug

# --------------------------------------------------------------------------- tables

#: The sides of actors.yml, civilians (citizens and witnesses of any country) before "other",
#: then "unknown" (a speaker the lexicon does not place).
SIDE_ORDER = (*SIDES[:-1], CIVILIANS, SIDES[-1], "unknown")
#: Speaker types in figure order (``actors.SPEAKER_TYPES``), then quotations nobody is given.
TYPE_ORDER = (*SPEAKER_TYPES, "unattributed")
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


def one_row_per_speaker(by_speaker: pd.DataFrame) -> pd.DataFrame:
    """:func:`quotes_by_speaker`'s table with one row per outlet and speaker: a speaker given
    two sides or types (one quotation described as a minister, another not) has their
    quotations, words and share summed, under the side and type of most of their words."""
    ordered = by_speaker.sort_values(
        ["outlet", "quoted_words", "speaker"], ascending=[True, False, True], kind="stable"
    )
    merged = ordered.groupby(["outlet", "speaker"], sort=False).agg(
        articles=("articles", "first"),
        side=("side", "first"),
        speaker_type=("speaker_type", "first"),
        quotes=("quotes", "sum"),
        quoted_words=("quoted_words", "sum"),
        share_of_words=("share_of_words", "sum"),
    )
    return (
        merged.reset_index()[list(by_speaker.columns)]
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


def reporting_verb_groups(verbs: pd.DataFrame) -> pd.DataFrame:
    """The share of each outlet's attributions made with each group of reporting verbs: the
    suite's one definition of a reporting-verb share (notebook 02's ``sources.neutral-share`` and
    notebook 04's ``tone.cues`` both come from it).

    ``verbs`` is :func:`reporting_verbs`'s table (every reporting verb that
    :func:`analysis.quotes.find_attributions` attributes to a speaker, quotation or reported
    speech). One row per outlet x group, every group of ``cues.yml`` in its order (then any
    other found, e.g. "unlisted"), zeros included: ``outlet``, ``group``, ``count``
    (attributions with a verb of the group), ``total`` (the outlet's attributions), ``share``
    and ``cues`` (the verbs with their counts, most used first: "say 21; tell 4").
    """
    groups = list(dict.fromkeys(load_cues().group_of.values()))
    groups += sorted(set(verbs["group"]) - set(groups))
    outlets = sorted(set(verbs["outlet"]))
    grid = pd.MultiIndex.from_product([outlets, groups], names=["outlet", "group"])
    ranked = verbs.sort_values(["total", "cue"], ascending=[False, True], kind="stable")
    by_group = ranked.groupby(["outlet", "group"], sort=False)
    table = pd.DataFrame(
        {
            "count": by_group["total"].sum().reindex(grid, fill_value=0).astype("int64"),
            "cues": by_group.apply(_verb_counts, include_groups=False).reindex(grid, fill_value=""),
        }
    ).reset_index()
    table["total"] = table.groupby("outlet")["count"].transform("sum")
    table["share"] = table["count"] / table["total"].where(table["total"] > 0)
    return table[["outlet", "group", "count", "total", "share", "cues"]]


def _verb_counts(verbs: pd.DataFrame) -> str:
    return "; ".join(f"{cue} {n}" for cue, n in zip(verbs["cue"], verbs["total"], strict=True))


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
        total = int(part["quoted_words"].sum())
        for side in ("Russia", "Ukraine", "West"):
            row = part.loc[part["side"] == side].iloc[0]
            rows.append(
                finding(
                    f"sources.words-share.{side.lower()}.{slug}",
                    row["share_of_words"],
                    "share of quoted words",
                    f"Share of {outlet}'s quoted words spoken by {side}-side speakers "
                    f"({int(row['quoted_words'])} of {total} quoted words; {n})",
                    "02_words_by_side",
                )
            )
    for outlet, part in by_speaker.groupby("outlet", sort=True):
        top, slug = part.iloc[0], outlet_slug(outlet)
        total = int(part["quoted_words"].sum())
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
                f"Share of {outlet}'s quoted words spoken by {top['speaker']} "
                f"({int(top['quoted_words'])} of {total} quoted words)",
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
    neutral_of = reporting_verb_groups(verbs).query("group == 'neutral'").set_index("outlet")
    for outlet, part in verbs.groupby("outlet", sort=True):
        slug, total = outlet_slug(outlet), part["total"].sum()
        say = part.loc[part["cue"] == "say", "total"].sum()
        neutral = neutral_of.loc[outlet, "count"]
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


def comparison_findings(corpus) -> pd.DataFrame:
    """:func:`source_findings` for ``corpus`` (give it ``corpus.canonical()``), every table
    built here as notebook 02 builds it: the same numbers computed on another view of a
    corpus (e.g. without the wire copy, :func:`analysis.reuse.with_reused_dropped`)."""
    headlines = corpus.articles.set_index("article_id")["headline"]
    attributions = find_attributions(corpus.paragraphs, headlines=headlines)
    return source_findings(
        quotes_by_side(corpus),
        quotes_by_speaker(corpus),
        anonymous_sourcing(corpus, attributions),
        reporting_verbs(corpus, attributions),
        scare_quotes(corpus),
    )


def _articles_phrase(part: pd.DataFrame) -> str:
    n = int(part["articles"].iloc[0])
    return f"{n} article{'s' if n != 1 else ''}"
