"""Prose from results: the "What it shows" paragraphs of the notebooks, rendered from the tables
a cell has just computed, so a number in a sentence cannot drift from the number it reports and
says the right thing on any corpus.

Every number goes through a :class:`Prose` formatter (:meth:`Prose.pct`, :meth:`Prose.count`,
:meth:`Prose.num`), which keeps the value beside the text it wrote; the rendered
:class:`Narrative` is IPython Markdown that carries those numbers in its output metadata
(``{"narrative": [{"text": "65%", "value": 0.6508}, ...]}``), so a test can check that every
number in the executed prose is one the notebook computed (``tests/test_narrative.py``).

Outlets, people and events are named from the tables, never typed. Commentary that only holds
for the seed story (the Belgorod villagers, the FT's rewrite) lives in ``seeds/notes.yml`` and is
shown only when the loaded corpus *is* the seeds (:func:`is_seed_corpus`: the same articles with
the same raw bytes, whatever folder they were read from); it states no numbers.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from functools import cache

import pandas as pd
from IPython.display import Markdown

from analysis import paths
from analysis.aggregate import per_article
from analysis.lexicon import read_lexicon
from analysis.quote_accuracy import SETS
from analysis.sources import UNATTRIBUTED_LABEL, one_row_per_speaker

#: A number as prose writes it: "65%", "1,403", "-0.14" (not the 2 of "ft-v2").
NUMBER = re.compile(r"(?<![\w.\-])-?\d+(?:,\d{3})*(?:\.\d+)?%?")

NOTES = paths.SEEDS / "notes.yml"
#: Where ``make figures`` records every figure's alt text (beside the figures; the README's
#: gallery reads it).
ALT_TEXT = "alt_text.csv"


class Narrative(Markdown):
    """Markdown whose output metadata lists the numbers it states (``narrative``)."""

    def __init__(self, text: str, numbers: list[dict[str, object]]):
        super().__init__(text)
        self.numbers = numbers

    def _repr_markdown_(self):
        return self.data, {"narrative": self.numbers}


class Prose:
    """Formats numbers for a sentence and remembers each one (text and value)."""

    def __init__(self) -> None:
        self.numbers: list[dict[str, object]] = []

    def _keep(self, text: str, value: float | int) -> str:
        self.numbers.append({"text": text, "value": value})
        return text

    def pct(self, share: float) -> str:
        """A share as a whole percentage: 0.6508 -> "65%"."""
        return self._keep(f"{100 * float(share):.0f}%", float(share))

    def count(self, n: float) -> str:
        """A count with thousands separators: 1403 -> "1,403"."""
        return self._keep(f"{int(n):,}", int(n))

    def num(self, x: float, digits: int = 2) -> str:
        """A real number to ``digits`` decimals: -0.13672 -> "-0.14"."""
        return self._keep(f"{float(x):.{digits}f}", float(x))

    def label(self, text: object) -> str:
        """A name or phrase from the data (a term, a fact's label, an article's wording of a
        number): any number in it is kept with the text it came from, which a test finds in the
        notebook's tables."""
        text = str(text)
        for number in NUMBER.findall(text):
            self.numbers.append({"text": number, "source": text})
        return text

    def plural(self, n: float, word: str, words: str | None = None) -> str:
        """ "1 term", "3 terms" (the count kept)."""
        return f"{self.count(n)} {word if int(n) == 1 else words or word + 's'}"

    def of(self, k: float, n: float) -> str:
        """ "k of n", both counts."""
        return f"{self.count(k)} of {self.count(n)}"

    def render(self, *paragraphs: str) -> Narrative:
        """The non-empty ``paragraphs`` as one Markdown block carrying the numbers used."""
        return Narrative("\n\n".join(p for p in paragraphs if p), self.numbers)


def listing(items: Iterable[str]) -> str:
    """ "a", "a and b", "a, b and c"."""
    items = [str(i) for i in items]
    if len(items) <= 1:
        return "".join(items)
    return ", ".join(items[:-1]) + " and " + items[-1]


def top_rows(table: pd.DataFrame, group: str, value: str) -> pd.DataFrame:
    """The row with the largest ``value`` in each ``group`` (first on ties), in group order."""
    ordered = table.sort_values([group, value], ascending=[True, False], kind="stable")
    return ordered.drop_duplicates(group)


def doc_summary(function) -> str:
    """The first paragraph of ``function``'s docstring as plain Markdown (Sphinx roles and
    double backquotes become single backquotes), on one line."""
    import inspect

    text = (inspect.getdoc(function) or "").split("\n\n")[0]
    text = re.sub(r":\w+:`~?([^`]+)`", r"`\1`", text)
    return " ".join(text.replace("``", "`").split())


def shows(text: str) -> str:
    return f"**What it shows.** {text}"


# --- Which corpus is this? -------------------------------------------------------------------


@cache
def _seed_fingerprint() -> frozenset[tuple[str, str]]:
    manifest = pd.read_csv(paths.SEEDS / "articles.csv", dtype=str, keep_default_na=False)
    return frozenset(zip(manifest["article_id"], manifest["sha256"].str.lower(), strict=True))


def is_seed_corpus(corpus) -> bool:
    """Whether ``corpus`` holds exactly the seed articles (ids and raw sha256 of the manifest in
    ``seeds/``), however it was loaded."""
    articles = corpus.articles
    found = frozenset(
        zip(
            articles["article_id"].astype(str),
            articles["sha256"].astype(str).str.lower(),
            strict=True,
        )
    )
    return found == _seed_fingerprint()


@cache
def _notes() -> dict[str, str]:
    data = read_lexicon(NOTES)  # the one reader of YAML data; it checks the `source:`
    return {key: " ".join(str(text).split()) for key, text in data["notes"].items()}


def seed_note(corpus, key: str) -> str:
    """The seed story's commentary ``key`` (``seeds/notes.yml``), or "" for any other corpus."""
    if not is_seed_corpus(corpus):
        return ""
    return f"*On the seed story:* {_notes()[key]}"


# --- 01 corpus -------------------------------------------------------------------------------


def removals(removed: pd.DataFrame, corpus) -> Narrative:
    """01_removed_by_reason: how much of each raw file the cleaner took out, and the largest
    piece by reason."""
    p = Prose()
    share = removed.groupby("article_id", sort=False)["share_of_raw"].sum()
    if share.empty:
        return p.render("**What it shows.** The cleaner took nothing out of any file.")
    most, least = share.idxmax(), share.idxmin()
    biggest = removed.sort_values("chars", ascending=False, kind="stable").iloc[0]
    text = (
        f"The cleaner took out between {p.pct(share[least])} (`{least}`) and "
        f"{p.pct(share[most])} (`{most}`) of a raw file's characters. The largest single reason "
        f"in one file is *{biggest['reason']}* in `{biggest['article_id']}` "
        f"({p.count(biggest['chars'])} characters)."
    )
    return p.render(shows(text), seed_note(corpus, "removals"))


# --- 02 sources ------------------------------------------------------------------------------

_SETS = {
    "seeds": "the seeds (in-sample)",
    "tune": "the tuning half",
    "holdout": "the untouched half",
}


def accuracy(table: pd.DataFrame) -> Narrative:
    """02_accuracy: found, speaker right and precision of each hand-labelled set."""
    p = Prose()
    lines = []
    for name, rows in table.groupby("set", sort=False):
        by = rows.set_index("measure")
        parts = [
            f"{label} {p.of(by.loc[m, 'correct'], by.loc[m, 'total'])} "
            f"({p.pct(by.loc[m, 'ci_low'])} to {p.pct(by.loc[m, 'ci_high'])})"
            for m, label in (
                ("found", "found"),
                ("speaker_right", "speaker right"),
                ("precision", "precision"),
            )
            if m in by.index
        ]
        lines.append(f"- {_SETS.get(name, name)}: {'; '.join(parts)}")
    return p.render("**What it shows** (Wilson intervals in brackets):", "\n".join(lines))


def words_by_speaker(by_speaker: pd.DataFrame, corpus) -> Narrative:
    """02_words_by_speaker: each outlet's most-quoted speaker."""
    p = Prose()
    top = top_rows(by_speaker, "outlet", "share_of_words")
    parts = [
        f"{row.outlet} quotes {p.label(row.speaker)} most "
        f"({p.pct(row.share_of_words)} of its quoted words)"
        for row in top.itertuples()
    ]
    return p.render(shows("; ".join(parts) + "."), seed_note(corpus, "words_by_speaker"))


def words_by_group(table: pd.DataFrame, column: str, corpus) -> Narrative:
    """02_words_by_side / 02_words_by_type: the side (``column="side"``) or kind of voice
    (``"type"``) with the largest share of each outlet's quoted words."""
    p = Prose()
    top = top_rows(table, "outlet", "share_of_words")
    parts = [
        f"{row.outlet}: {p.label(row[column])} ({p.pct(row['share_of_words'])})"
        for _, row in top.iterrows()
    ]
    what = "side" if column == "side" else "kind of voice"
    return p.render(
        shows(f"The {what} with most of each outlet's quoted words: " + "; ".join(parts) + "."),
        seed_note(corpus, f"words_by_{column}"),
    )


def words_by_side(by_side: pd.DataFrame, corpus) -> Narrative:
    """02_words_by_side: :func:`words_by_group` by side."""
    return words_by_group(by_side, "side", corpus)


def words_by_type(by_type: pd.DataFrame, corpus) -> Narrative:
    """02_words_by_type: :func:`words_by_group` by kind of voice."""
    return words_by_group(by_type, "type", corpus)


def anonymous(table: pd.DataFrame, corpus) -> Narrative:
    """02_anonymous: anonymous sources among quotations and among all attributions."""
    p = Prose()
    quoted = table[table["anonymous_quotes"] > 0]
    reported = table[table["anonymous_attributions"] > 0]
    if quoted.empty:
        first = "No outlet quotes an anonymous source directly."
    else:
        first = (
            "Anonymous quotations: "
            + "; ".join(
                f"{r.outlet} {p.of(r.anonymous_quotes, r.quotes)}" for r in quoted.itertuples()
            )
            + "."
        )
    if reported.empty:
        second = "No attribution of any kind goes to an anonymous source."
    else:
        second = (
            "Among all attributions: "
            + "; ".join(
                f"{r.outlet} {p.of(r.anonymous_attributions, r.attributions)} ({p.label(r.anonymous_speakers)})"
                for r in reported.itertuples()
            )
            + "."
        )
    return p.render(shows(f"{first} {second}"), seed_note(corpus, "anonymous"))


def reporting_verbs(verbs: pd.DataFrame, corpus) -> Narrative:
    """02_reporting_verbs: the commonest verb of each outlet and the non-neutral verbs it uses."""
    p = Prose()
    top = top_rows(verbs, "outlet", "share")
    colouring = verbs[(verbs["group"] != "neutral") & (verbs["total"] > 0)]
    colouring = colouring.groupby("outlet")["cue"].agg(lambda cues: listing(sorted(set(cues))))
    parts = [
        f'{row.outlet}: "{row.cue}" ({p.pct(row.share)} of its attributions; '
        f"non-neutral: {p.label(colouring.get(row.outlet, '')) or 'none'})"
        for row in top.itertuples()
    ]
    return p.render(
        shows("Each outlet's commonest reporting verb: " + "; ".join(parts) + "."),
        seed_note(corpus, "reporting_verbs"),
    )


def scare_quotes(scare: pd.DataFrame, corpus) -> Narrative:
    """02_scare_quotes: the scare-quoted words, by outlet."""
    p = Prose()
    if scare.empty:
        return p.render(shows("No article has a scare quote."))
    per = scare.groupby("outlet", sort=True)["text"].agg(list)
    parts = [f"{outlet}: {listing(f'“{w}”' for w in words)}" for outlet, words in per.items()]
    return p.render(
        shows("Scare quotes: " + "; ".join(parts) + "."),
        seed_note(corpus, "scare_quotes"),
    )


# --- 03 vocabulary ---------------------------------------------------------------------------


def distinctive(top: pd.DataFrame, corpus) -> Narrative:
    """03_distinctive_terms: the most distinctive word of each group, with its counts."""
    p = Prose()
    first = top[top["rank"] == top["rank"].min()]
    parts = [
        f'{row.group} "{p.label(row.term)}" (z = {p.num(row.z)}; {p.count(row.count)} uses against '
        f"{p.count(row.count_rest)} in the rest)"
        for row in first.itertuples()
    ]
    return p.render(
        shows("The most distinctive word of each: " + "; ".join(parts) + "."),
        seed_note(corpus, "distinctive"),
    )


def keyness(keyed: pd.DataFrame, fdr: float) -> Narrative:
    """03_keyness: the terms that pass Benjamini-Hochberg at ``fdr``."""
    p = Prose()
    passing = keyed[(keyed["q"] < fdr) & (keyed["g2"] > 0)]
    if passing.empty:
        text = (
            "No term is used more by any group than chance allows at the false-discovery rate "
            f"`fdr = {fdr:g}`."
        )
    else:
        names = listing(
            f'{r.group} "{p.label(r.term)}" (G² = {p.num(r.g2, 1)})' for r in passing.itertuples()
        )
        text = f"The terms that pass at the false-discovery rate `fdr = {fdr:g}`: {names}."
    return p.render(shows(text))


def similarity(pairs: pd.DataFrame) -> Narrative:
    """03_similarity: the most and least alike pair (of articles, or of outlets past the
    pairwise limit; pairs within one outlet left out)."""
    p = Prose()
    between = _between(pairs)
    if between.empty:
        return p.render(shows("There is no pair to compare."))
    left, right = pairs.columns[:2]
    hi, lo = between.iloc[0], between.iloc[-1]
    return p.render(
        shows(
            f"The most alike pair is {hi[left]} and {hi[right]} (cosine {p.num(hi['cosine'], 3)}), "
            f"the least alike {lo[left]} and {lo[right]} ({p.num(lo['cosine'], 3)})."
        )
    )


def _between(pairs: pd.DataFrame) -> pd.DataFrame:
    """The pairs of two different items (the first two columns), most alike first."""
    left, right = pairs.columns[:2]
    between = pairs[pairs[left] != pairs[right]].dropna(subset=["cosine"])
    return between.sort_values("cosine", ascending=False, kind="stable")


def overlap(table: pd.DataFrame) -> Narrative:
    """03_overlap: the shared core and each group's unique share."""
    p = Prose()
    core = table["shared_by_all"].iloc[0]
    parts = [f"{row.group} {p.pct(row.unique_share)}" for row in table.itertuples()]
    return p.render(
        shows(
            f"{p.count(core)} content words are used by every group; the share of each group's "
            "distinct words that no other uses: " + ", ".join(parts) + "."
        )
    )


def naming(choices: pd.DataFrame) -> Narrative:
    """03_naming_choices: the concepts written in more than one way across the groups."""
    p = Prose()
    used, split = _split_concepts(choices)
    if split.empty:
        return p.render(shows("Every listed concept is written the same way wherever it appears."))
    parts = [
        f"{p.label(concept)} "
        f"({listing(p.label(v) for v in sorted(used.loc[used['concept'] == concept, 'variant'].unique()))})"
        for concept in split.index
    ]
    return p.render(
        shows(
            f"{p.count(len(split))} concepts are written in more than one way: "
            + "; ".join(parts)
            + ". Mixed spellings inside one group often mark copy taken from another source."
        )
    )


def _split_concepts(choices: pd.DataFrame) -> tuple[pd.DataFrame, pd.Series]:
    """The rows of concepts in use, and the number of variants of each concept written in more
    than one way."""
    used = choices[choices["count"] > 0]
    variants = used.groupby("concept", sort=False)["variant"].nunique()
    return used, variants[variants > 1]


# --- 04 tone ---------------------------------------------------------------------------------


def sentiment(summary: pd.DataFrame) -> Narrative:
    """04_sentiment_by_voice: each outlet's writer-voice mean, its interval and N."""
    p = Prose()
    writer = summary[summary["voice"] == "authorial"]
    parts = [
        f"{row.outlet} {p.num(row.mean_compound)} ({p.num(row.ci_low)} to {p.num(row.ci_high)}, "
        f"N = {p.count(row.n_sentences)})"
        for row in writer.itertuples()
    ]
    crossing = writer.loc[(writer["ci_low"] < 0) & (writer["ci_high"] > 0), "outlet"]
    return p.render(
        shows(
            "Mean VADER compound of the writers' own sentences: "
            + "; ".join(parts)
            + ". "
            + (f"The intervals of {listing(crossing)} include zero." if len(crossing) else "")
        )
    )


def drivers(table: pd.DataFrame) -> Narrative:
    """04_sentiment_drivers: the words that pull each outlet's score down and up most."""
    p = Prose()
    parts = []
    for outlet, rows in table.groupby("outlet", sort=True):
        down = rows.sort_values("valence_sum", kind="stable").iloc[0]
        up = rows.sort_values("valence_sum", ascending=False, kind="stable").iloc[0]
        parts.append(f'{outlet}: down "{down["word"]}", up "{up["word"]}"')
    return p.render(shows("The strongest words each way: " + "; ".join(parts) + "."))


def readability(table: pd.DataFrame, corpus) -> Narrative:
    """04_readability: the range of Flesch-Kincaid grade over the whole bodies."""
    p = Prose()
    body = table[table["scope"] == "body"].sort_values("flesch_kincaid_grade", kind="stable")
    easy, hard = body.iloc[0], body.iloc[-1]
    return p.render(
        shows(
            f"Flesch–Kincaid grade of the whole body runs from {p.num(easy['flesch_kincaid_grade'], 1)} "
            f"({easy['outlet']}) to {p.num(hard['flesch_kincaid_grade'], 1)} ({hard['outlet']})."
        ),
        seed_note(corpus, "readability"),
    )


def rates(table: pd.DataFrame, corpus, *, what: str, note: str = "") -> Narrative:
    """04_stance_markers / 04_escalation: the highest rate per category, and the largest count."""
    p = Prose()
    parts = [
        f"{row.category}: {row.outlet}{voice_of(row)} ({p.num(row.per_1000, 1)} per thousand words, "
        f"{p.count(row.count)} found)"
        for row in top_rows(table, "category", "per_1000").itertuples()
    ]
    largest = table["count"].max()
    return p.render(
        shows(
            f"The highest rate of {what} in each category: " + "; ".join(parts) + ". "
            f"No group has more than {p.count(largest)}."
        ),
        seed_note(corpus, note) if note else "",
    )


def voice_of(row) -> str:
    return f", {row.voice} voice" if hasattr(row, "voice") else ""


def attribution(table: pd.DataFrame) -> Narrative:
    """04_attribution_verbs: the neutral share of each outlet's quotation verbs."""
    p = Prose()
    neutral = table[(table["basis"] == "quotations") & (table["group"] == "neutral")]
    parts = [
        f"{row.outlet} {p.pct(row.share)} of {p.count(row.total)}" for row in neutral.itertuples()
    ]
    return p.render(
        shows(
            "Share of the quotations' reporting verbs that are neutral: " + "; ".join(parts) + "."
        )
    )


# --- 05 emphasis -----------------------------------------------------------------------------


def headline(delivery: pd.DataFrame, contrast: pd.DataFrame, labels: dict, corpus) -> Narrative:
    """05_headline_lead: the frames every headline carries and how far each body delivers them."""
    p = Prose()
    in_every = contrast[contrast["headline"]].groupby("label")["article_id"].nunique()
    n = contrast["article_id"].nunique()
    common = listing(f"*{label}*" for label in in_every[in_every == n].index)
    top = contrast[contrast["body_rank"] == 1]
    parts = [
        f"{labels.get(row.article_id, row.article_id)}: *{p.label(row.label)}* in "
        f"{p.of(row.body_sentences, row.body_total)} body sentences"
        for row in top.drop_duplicates("article_id").itertuples()
    ]
    delivered = [
        f"{labels.get(row.article_id, row.article_id)} {p.pct(row.delivery_share)}"
        for row in delivery.itertuples()
    ]
    first = f"Every headline carries {common}. " if common else ""
    return p.render(
        shows(
            first
            + "The commonest frame of each body: "
            + "; ".join(parts)
            + ". Share of body sentences carrying a frame of the headline: "
            + ", ".join(delivered)
            + "."
        ),
        seed_note(corpus, "headline"),
    )


def first_mentions(first: pd.DataFrame, labels: dict, corpus) -> Narrative:
    """05_first_mentions: the actor named first in each article."""
    p = Prose()
    actors = first[first["kind"] == "actor"].dropna(subset=["first_position"])
    top = actors.sort_values(["article_id", "first_position"], kind="stable").drop_duplicates(
        "article_id"
    )
    parts = [
        f"{labels.get(row.article_id, row.article_id)}: {p.label(row.label)} (at {p.num(row.first_position)})"
        for row in top.itertuples()
    ]
    return p.render(
        shows(
            "The first actor named in each body, at its position (the share of the body's words before it): "
            + "; ".join(parts)
            + "."
        ),
        seed_note(corpus, "first_mentions"),
    )


def emphasis_index(index: pd.DataFrame, labels: dict, corpus) -> Narrative:
    """05_frame_strip: the frame with the largest emphasis index in each article (the share of
    a top-weighted reader's attention on the sentences carrying it)."""
    p = Prose()
    top = top_rows(index.dropna(subset=["index"]), "article_id", "index")
    parts = [
        f"{labels.get(row['article_id'], row['article_id'])}: {p.label(row['label'])} "
        f"({p.num(row['index'])})"
        for _, row in top.iterrows()
    ]
    return p.render(
        shows(
            "The frame with the largest emphasis index in each article: " + "; ".join(parts) + "."
        ),
        seed_note(corpus, "emphasis_index"),
    )


def frame_shares(shares: pd.DataFrame, reach: pd.DataFrame, labels: dict, corpus) -> Narrative:
    """05_frame_shares: each article's commonest frame, with k/n."""
    p = Prose()
    top = top_rows(shares, "article_id", "share")
    parts = [
        f"{labels.get(row.article_id, row.article_id)}: {p.label(row.label)} "
        f"({p.pct(row.share)}, {p.of(row.sentences, row.total)})"
        for row in top.itertuples()
    ]
    reached = [
        f"{labels.get(r.article_id, r.article_id)} {p.pct(r.tagged_share)}"
        for r in reach.itertuples()
    ]
    return p.render(
        shows(
            "The commonest frame of each article's body: " + "; ".join(parts) + ". Share of body "
            "sentences the dictionary reaches at all: " + ", ".join(reached) + "."
        ),
        seed_note(corpus, "frame_shares"),
    )


def facts(coverage: pd.DataFrame, labels: dict, corpus) -> Narrative:
    """05_facts_coverage: facts reported per article, and the facts only one article reports."""
    p = Prose()
    reported = coverage[coverage["zone"] != "absent"] if "zone" in coverage else coverage
    listed = coverage["fact"].nunique()
    per = (
        reported.groupby("article_id")["fact"].nunique().sort_values(ascending=False, kind="stable")
    )
    parts = [f"{labels.get(a, a)} {p.count(k)}" for a, k in per.items()]
    by_fact = reported.groupby("fact")["article_id"].nunique()
    alone = reported[reported["fact"].isin(by_fact[by_fact == 1].index)]
    own = [
        f"{p.label(row.label)} ({labels.get(row.article_id, row.article_id)})"
        for row in alone.itertuples()
    ]
    text = f"Of the {p.count(listed)} facts listed, reported: " + ", ".join(parts) + "."
    if own:
        text += " Reported by one article only: " + "; ".join(own) + "."
    return p.render(shows(text), seed_note(corpus, "facts"))


def numbers(comparison: pd.DataFrame, labels: dict, corpus) -> Narrative:
    """05_numbers: each quantity listed for comparison, as each article writes it."""
    p = Prose()
    reported = comparison[comparison["reported"]]
    if reported.empty:
        return p.render(shows("No quantity listed for comparison is reported by any article."))
    parts = []
    for _, rows in reported.groupby("fact", sort=False):
        values = "; ".join(
            f'{labels.get(r.article_id, r.article_id)} "{p.label(r.claims)}"'
            for r in rows.itertuples()
        )
        differ = " (the values differ)" if rows["values_differ"].any() else ""
        parts.append(f"{p.label(rows['label'].iloc[0])}{differ}: {values}.")
    return p.render(
        shows(" ".join(parts)),
        seed_note(corpus, "numbers"),
    )


# --- 06 reuse --------------------------------------------------------------------------------


def reuse_matrix(matrix: pd.DataFrame) -> Narrative:
    """06_reuse_heatmap: the ordered pair of articles with the largest share of reused words."""
    p = Prose()
    shared = matrix[matrix["matched_sentences"] > 0].sort_values(
        "word_share", ascending=False, kind="stable"
    )
    if shared.empty:
        return p.render(shows("No two articles share a closely matching sentence."))
    top = shared.iloc[0]
    others = listing(
        f"`{r.article_id}` with `{r.other_id}` {p.pct(r.word_share)}"
        for r in shared.iloc[1:].itertuples()
    )
    text = (
        f"The largest share: {p.of(top['matched_sentences'], top['sentences'])} sentences of "
        f"`{top['article_id']}` closely match sentences of `{top['other_id']}`, "
        f"{p.pct(top['word_share'])} of its words."
    )
    if others:
        text += f" Other pairs with a match: {others}."
    return p.render(shows(text))


def reused_words(by_article: pd.DataFrame, corpus) -> Narrative:
    """06_reused_words: each article's share of words in shared sentences, quotation apart."""
    p = Prose()
    parts = [
        f"`{row.article_id}` {p.pct(row.reused_share)} ({p.count(row.reused_words)} words, "
        f"{p.count(row.reused_quoted_words)} of them in whole quotations)"
        for row in by_article.sort_values(
            "reused_share", ascending=False, kind="stable"
        ).itertuples()
    ]
    return p.render(
        shows("Words in sentences shared with another article: " + "; ".join(parts) + "."),
        seed_note(corpus, "reused_words"),
    )


def near_threshold(near: pd.DataFrame, threshold: float, corpus) -> Narrative:
    """06_near_threshold: the pairs either side of the threshold."""
    p = Prose()
    if near.empty:
        return p.render(shows("No sentence pair scores near the threshold."))
    above, below = near[near["match"]], near[~near["match"]]
    parts = []
    if len(above):
        parts.append(
            f"pairs at or above {p.num(threshold, 1)} score "
            f"{p.num(above['score'].min())} to {p.num(above['score'].max())}"
        )
    if len(below):
        parts.append(
            f"those below it {p.num(below['score'].min())} to {p.num(below['score'].max())}"
        )
    return p.render(shows("Shown: " + "; ".join(parts) + "."), seed_note(corpus, "near_threshold"))


def versions(summary: pd.DataFrame, comparison: pd.DataFrame, corpus) -> Narrative:
    """06_version_table: sentences kept, rewritten, removed and added between two versions."""
    p = Prose()
    if comparison.empty:
        return p.render(shows("The corpus has no story in two versions."))
    count = summary.set_index("status")["sentences"]
    parts = [
        f"{p.count(count[s])} {s}" for s in ("kept", "rewritten", "removed", "added") if s in count
    ]
    old, new = comparison["old_id"].iloc[0], comparison["new_id"].iloc[0]
    return p.render(
        shows(f"From `{old}` to `{new}`, sentences " + ", ".join(parts) + "."),
        seed_note(corpus, "versions"),
    )


def later(verdict: pd.DataFrame, corpus) -> Narrative:
    """06_version_table: which version the tense shifts put later."""
    p = Prose()
    if verdict.empty:
        return p.render(shows("There is no pair of versions to order."))
    row = verdict.iloc[0]
    counts = (
        f"{p.count(row['for_new'])} tense shifts point to `{row['new_id']}`, "
        f"{p.count(row['for_old'])} to `{row['old_id']}`"
    )
    if row["later"] is None or pd.isna(row["later"]):
        verdict_text = "the evidence does not order the versions."
    else:
        agrees = "agrees" if row["agrees_with_manifest"] else "does not agree"
        verdict_text = f"`{row['later']}` is the later version, which {agrees} with the manifest."
    return p.render(shows(f"{counts}: {verdict_text}"), seed_note(corpus, "later"))


# --- Figure titles that state the finding ----------------------------------------------------
# Plain strings (no Prose: a title is drawn, not rendered as Markdown); each works on any corpus.


def possessive(name: str) -> str:
    """ "Daily's", "The Moscow Times'"."""
    return f"{name}'" if name.endswith("s") else f"{name}'s"


def article_name(article_id: object, outlets) -> str:
    """An article as a title names it: "The Independent (independent)", its outlet with its id
    in brackets; the id alone when ``outlets`` (article id -> outlet, a dict or Series; None
    for none) does not know it or the id is the outlet's name (outlets past the pairwise cap)."""
    outlet = outlets.get(article_id) if outlets is not None else None
    if outlet is None or pd.isna(outlet) or str(outlet) == str(article_id):
        return str(article_id)
    return f"{outlet} ({article_id})"


def _leader(table: pd.DataFrame, column: str, *, lowest: bool = False) -> tuple[pd.Series, int]:
    """The row with the largest (``lowest``: smallest) ``column``, first in table order on a
    tie, and how many rows share that value."""
    ordered = table.sort_values(column, ascending=lowest, kind="stable")
    row = ordered.iloc[0]
    return row, int((table[column] == row[column]).sum())


def _tie_note(tied: int, rows: int, what: str) -> str:
    """ ", more than any other outlet" / ", tied with 2 other outlets" / "" (nothing to
    compare with)."""
    if rows <= 1:
        return ""
    if tied <= 1:
        return f", more than any other {what}"
    return f", tied with {tied - 1} other {what}{'' if tied == 2 else 's'}"


def _of(k: float, n: float) -> str:
    """ "38% (3 of 8)", or "0 of 0" when there is nothing to take a share of."""
    return f"{k / n:.0%} ({int(k):,} of {int(n):,})" if n else f"{int(k):,} of {int(n):,}"


def _counted(n: float, word: str) -> str:
    """ "1 sentence", "4 sentences"."""
    return f"{int(n):,} {word}{'' if int(n) == 1 else 's'}"


def finding_top_speaker(by_speaker: pd.DataFrame) -> str:
    """02_words_by_speaker: the largest share of an outlet's quoted words held by one speaker
    (a speaker given two sides or types counted once; unattributed quotations are no speaker)."""
    named = one_row_per_speaker(by_speaker)
    named = named[~named["speaker"].isin(["", UNATTRIBUTED_LABEL])]
    if named.empty:
        return "No quotations with a speaker found"
    row = _leader(named, "share_of_words")[0]
    return f"{row['outlet']} quotes {row['speaker']} for {row['share_of_words']:.0%} of its quoted words"


def finding_top_group(table: pd.DataFrame, column: str) -> str:
    """02_words_by_side / _by_type: the largest share of an outlet's quoted words held by one
    side or kind of voice."""
    if table.empty or not table["share_of_words"].notna().any():
        return "No quotations found"
    row = _leader(table, "share_of_words")[0]
    who = f"{row[column]} speakers" if column == "side" else f"Speakers of type '{row[column]}'"
    return f"{who} have {row['share_of_words']:.0%} of {possessive(row['outlet'])} quoted words"


def finding_writer_tone(summary: pd.DataFrame) -> str:
    """04_sentiment_by_voice: the outlet whose own sentences score lowest, with N."""
    writer = summary[summary["voice"] == "authorial"].dropna(subset=["mean_compound"])
    if writer.empty:
        return "No writer-voice sentences to score"
    row = _leader(writer, "mean_compound", lowest=True)[0]
    return (
        f"{possessive(row['outlet'])} own sentences score lowest: mean VADER compound "
        f"{row['mean_compound']:.2f} over {int(row['n_sentences'])} sentences"
    )


def finding_facts(coverage: pd.DataFrame, labels: dict) -> str:
    """05_facts_coverage: the articles that report most and fewest of the listed facts."""
    listed = coverage["fact"].nunique()
    reported = coverage[coverage["zone"] != "absent"].groupby("article_id")["fact"].nunique()
    reported = reported.reindex(coverage["article_id"].unique(), fill_value=0)
    if reported.empty:
        return "No facts listed"
    most, fewest = reported.idxmax(), reported.idxmin()
    return (
        f"{labels.get(most, most)} reports {reported[most]} of the {listed} listed facts, "
        f"{labels.get(fewest, fewest)} {reported[fewest]}"
    )


def finding_frame_share(shares: pd.DataFrame, labels: dict) -> str:
    """05_frame_shares / 05_frame_strip: the largest share of an article's body sentences that
    carry one frame; past :data:`~analysis.aggregate.MAX_ARTICLES` articles, as the figure does,
    of an outlet's body sentences pooled over its articles."""
    if shares.empty:
        return "No frames found"
    if not per_article(shares["article_id"].nunique()):
        pooled = shares.groupby(["outlet", "label"], sort=False)[["sentences", "total"]].sum()
        pooled["share"] = pooled["sentences"] / pooled["total"].where(pooled["total"] > 0)
        row = _leader(pooled.reset_index(), "share")[0]
        who = row["outlet"]
    else:
        row = _leader(shares, "share")[0]
        who = labels.get(row["article_id"], row["article_id"])
    return (
        f"'{row['label']}' is in {row['share']:.0%} of {possessive(who)} body sentences "
        f"({row['sentences']:,} of {row['total']:,})"
    )


def finding_reuse(matrix: pd.DataFrame, outlets=None) -> str:
    """06_reuse_heatmap: the largest share of one article's words in sentences matching another
    (articles named by :func:`article_name` from ``outlets``)."""
    shared = matrix[matrix["matched_sentences"] > 0]
    if shared.empty:
        return "No two articles share a closely matching sentence"
    row = _leader(shared, "word_share")[0]
    return (
        f"{row['word_share']:.0%} of the words of {article_name(row['article_id'], outlets)} are "
        f"in sentences that closely match {article_name(row['other_id'], outlets)}"
    )


def finding_distinctive(top: pd.DataFrame) -> str:
    """03_distinctive_terms: the most distinctive word of any group."""
    if top.empty:
        return "No term is used often enough to compare"
    row = _leader(top, "z")[0]
    return (
        f'The most distinctive word is {possessive(row["group"])} "{row["term"]}" '
        f"(z = {row['z']:.2f}; {row['count']} uses against {row['count_rest']} in the rest)"
    )


def finding_removed(removed: pd.DataFrame) -> str:
    """01_removed_by_reason: the article the cleaner took most out of."""
    share = removed.groupby("article_id", sort=False)["share_of_raw"].sum()
    if share.empty or share.max() == 0:
        return "The cleaner took nothing out"
    outlets = removed.drop_duplicates("article_id").set_index("article_id")["outlet"]
    return (
        f"The cleaner took {share.max():.0%} of the raw characters out of "
        f"{article_name(share.idxmax(), outlets)}"
    )


def finding_top_rate(rates: pd.DataFrame, what: str) -> str:
    """04_stance_markers / 04_escalation: the highest rate of any category in any group."""
    if rates.empty or rates["count"].sum() == 0:
        return f"No {what} found"
    row = _leader(rates, "per_1000")[0]
    voice = f" ({row['voice']} voice)" if "voice" in rates.columns else ""
    return (
        f"{row['outlet']}{voice} has the most {row['category']} terms: "
        f"{row['per_1000']:.1f} per 1,000 words ({int(row['count'])} found)"
    )


def finding_reused(by_article: pd.DataFrame) -> str:
    """06_reused_words: the article with the largest share of words in shared sentences."""
    if by_article.empty or by_article["reused_words"].sum() == 0:
        return "No article shares a closely matching sentence with another"
    row = _leader(by_article, "reused_share")[0]
    name = article_name(row["article_id"], {row["article_id"]: row.get("outlet")})
    return f"{row['reused_share']:.0%} of the words of {name} are in sentences it shares with another article"


def finding_keyness(keyed: pd.DataFrame, fdr: float) -> str:
    """03_keyness: how many terms pass Benjamini-Hochberg, naming the strongest."""
    passing = keyed[(keyed["q"] < fdr) & (keyed["g2"] > 0)].sort_values("g2", ascending=False)
    if passing.empty:
        return f"No term separates a group from the rest at q < {fdr:g}"
    row = passing.iloc[0]
    terms = "term passes" if len(passing) == 1 else "terms pass"
    return (
        f"{len(passing):,} {terms} q < {fdr:g}; the strongest is {possessive(row['group'])} "
        f'"{row["term"]}" (G² = {row["g2"]:.1f})'
    )


def finding_similarity(pairs: pd.DataFrame, outlets=None) -> str:
    """03_similarity: the most alike pair (see :func:`similarity`; articles named by
    :func:`article_name` from ``outlets``)."""
    between = _between(pairs)
    if between.empty:
        return "No pair to compare"
    left, right = pairs.columns[:2]
    row = between.iloc[0]
    return (
        f"The most alike pair is {article_name(row[left], outlets)} and "
        f"{article_name(row[right], outlets)} (cosine {row['cosine']:.2f})"
    )


def finding_overlap(overlap: pd.DataFrame) -> str:
    """03_overlap: the group with the largest share of words no other group uses."""
    if overlap.empty:
        return "No vocabulary to compare"
    row = _leader(overlap, "unique_share")[0]
    return (
        f"{row['unique_share']:.0%} of {possessive(row['group'])} distinct content words are "
        f"used by no other group; {row['shared_by_all']} are used by all"
    )


def finding_verbs(verbs: pd.DataFrame) -> str:
    """02_reporting_verbs: the range of the commonest verb's share across outlets."""
    if verbs.empty:
        return "No reporting verbs found"
    top = top_rows(verbs, "outlet", "share")
    cues = top["cue"].unique()
    if len(cues) == 1:
        return (
            f'"{cues[0]}" is every outlet\'s commonest reporting verb: '
            f"{top['share'].min():.0%} to {top['share'].max():.0%} of its attributions"
        )
    row = _leader(top, "share")[0]
    return f'"{row["cue"]}" carries {row["share"]:.0%} of {possessive(row["outlet"])} attributions'


def finding_drivers(drivers: pd.DataFrame) -> str:
    """04_sentiment_drivers: the word that moves one outlet's scores most."""
    if drivers.empty:
        return "No VADER lexicon word found"
    row = drivers.loc[drivers["valence_sum"].abs().idxmax()]
    way = "down" if row["valence_sum"] < 0 else "up"
    return (
        f'"{row["word"]}" pulls {possessive(row["outlet"])} scores {way} most: summed valence '
        f"{row['valence_sum']:.1f} over {int(row['n'])} uses"
    )


def finding_readability(table: pd.DataFrame) -> str:
    """04_readability: the hardest and easiest whole body by Flesch-Kincaid grade."""
    body = table[table["scope"] == "body"].dropna(subset=["flesch_kincaid_grade"])
    if body.empty:
        return "No text to score"
    body = body.sort_values("flesch_kincaid_grade", kind="stable")
    easy, hard = body.iloc[0], body.iloc[-1]
    return (
        f"Flesch-Kincaid grade runs from {easy['flesch_kincaid_grade']:.1f} ({easy['outlet']}) "
        f"to {hard['flesch_kincaid_grade']:.1f} ({hard['outlet']})"
    )


def finding_accuracy(table: pd.DataFrame) -> str:
    """02_accuracy: the weakest measure on the set kept furthest from the rules (the last of
    :data:`analysis.quote_accuracy.SETS` that the table holds)."""
    held = [name for name in SETS if name in set(table["set"])]
    if not held:
        return "No hand-labelled quotations to score against"
    last = table[table["set"] == held[-1]]
    row = _leader(last, "value", lowest=True)[0]
    return (
        f"On the {row['set']} set the weakest measure is {row['measure'].replace('_', ' ')}: "
        f"{row['value']:.0%} ({row['correct']:,} of {row['total']:,})"
    )


def finding_attribution(shares: pd.DataFrame) -> str:
    """04_attribution_verbs: the range of the neutral verbs' share of each outlet's reporting
    verbs (first basis drawn)."""
    rows = shares[shares["basis"] == shares["basis"].iloc[0]] if len(shares) else shares
    totals = rows.groupby("outlet", sort=True)["total"].first()
    totals = totals[totals > 0]
    if totals.empty:
        return "No reporting verbs found"
    neutral = rows[rows["group"] == "neutral"].groupby("outlet")["count"].sum()
    share = (neutral.reindex(totals.index, fill_value=0) / totals).sort_values(kind="stable")
    low, high = share.index[0], share.index[-1]
    if len(share) == 1:
        return f"Neutral verbs are {share[low]:.0%} of {possessive(low)} reporting verbs"
    return (
        f"Neutral verbs are {share[low]:.0%} ({low}) to {share[high]:.0%} ({high}) "
        "of an outlet's reporting verbs"
    )


def finding_versions(comparison: pd.DataFrame, outlets=None) -> str:
    """06_version_table: how many of the old version's sentences the new one keeps word for
    word, rewrites and drops, and how many it adds (the new version named by
    :func:`article_name` from ``outlets``)."""
    if comparison.empty:
        return "No story in two versions"
    first = comparison.iloc[0]
    pair = comparison[
        (comparison["old_id"] == first["old_id"]) & (comparison["new_id"] == first["new_id"])
    ]
    count = pair["status"].value_counts()
    old = int(count.get("kept", 0) + count.get("rewritten", 0) + count.get("removed", 0))
    return (
        f"{article_name(first['new_id'], outlets)} keeps {count.get('kept', 0)} of the {old} sentences of "
        f"{first['old_id']} word for word, rewrites {count.get('rewritten', 0)}, drops "
        f"{count.get('removed', 0)} and adds {count.get('added', 0)}"
    )


def finding_headline_lead(contrast: pd.DataFrame) -> str:
    """05_headline_lead: in how many articles the headline carries the frame found in most of
    the body's sentences (any of them, on a tie)."""
    framed = contrast[contrast["body_sentences"] > 0]
    if framed.empty:
        return "No frame found in any article's body"
    first = framed.groupby("article_id")["body_rank"].transform("min")
    carried = framed[framed["body_rank"] == first].groupby("article_id")["headline"].any()
    return (
        f"The headline carries the body's commonest frame in {int(carried.sum()):,} of "
        f"{len(carried):,} articles"
    )


def finding_first_mentions(first: pd.DataFrame) -> str:
    """05_first_mentions: the frame or actor that is in the lead of most articles (and how many
    others are in as many; on a tie, the first in the table is named)."""
    in_lead = first[first["in_lead"].eq(True)].groupby("label", sort=False)["article_id"].nunique()
    if in_lead.empty:
        return "No frame or actor is in any article's lead"
    top = in_lead.sort_values(ascending=False, kind="stable")
    most = top[top == top.iloc[0]]
    leads = f"the lead of {top.iloc[0]:,} of {first['article_id'].nunique():,} articles"
    if len(most) == 1:
        return f"'{most.index[0]}' is in {leads}, more than any other frame or actor"
    others = "other frame or actor" if len(most) == 2 else "other frames or actors"
    return f"'{most.index[0]}' and {len(most) - 1:,} {others} are each in {leads}"


def finding_naming(choices: pd.DataFrame) -> str:
    """03_naming_choices: how many of the concepts in use are written in more than one way."""
    used, split = _split_concepts(choices)
    n = used["concept"].nunique()
    if n == 0:
        return "No listed concept is used"
    verb = "is" if len(split) == 1 else "are"
    return f"{len(split)} of the {n} listed concepts in use {verb} written in more than one way"


def finding_articles_over_time(table: pd.DataFrame) -> str:
    """01_articles_over_time: the period with the most articles (ties counted)."""
    totals = table.groupby("period", sort=False)["articles"].sum()
    if totals.empty or totals.sum() == 0:
        return "No dated articles"
    freq, n = table.attrs.get("freq", "day"), int(totals.sum())
    busiest, most = totals.idxmax(), int(totals.max())
    tied = int((totals == most).sum())
    if tied == len(totals) and tied > 1:
        return f"Every {freq} has {most:,} of the {n:,} dated articles"
    others = f" and {tied - 1} other {freq}{'' if tied == 2 else 's'}" if tied > 1 else ""
    return f"The busiest {freq} is {busiest}{others}: {most:,} of the {n:,} dated articles"


def finding_anonymous(table: pd.DataFrame) -> str:
    """02_anonymous: the outlet that gives the largest share of its attributions to anonymous
    sources."""
    found = table[table["anonymous_attributions"] > 0]
    if found.empty:
        return "No outlet attributes anything to an anonymous source"
    row, tied = _leader(found, "share_attributions")
    return (
        f"{row['outlet']} gives anonymous sources "
        f"{_of(row['anonymous_attributions'], row['attributions'])} of its attributions"
        + _tie_note(tied, len(table), "outlet")
    )


def finding_scare_quotes(scare: pd.DataFrame) -> str:
    """02_scare_quotes: the one scare quote, or the outlet with the most."""
    if scare.empty:
        return "No outlet puts a word in scare quotes"
    if len(scare) == 1:
        row = scare.iloc[0]
        return f"The one scare quote is {possessive(row['outlet'])} \u201c{row['text']}\u201d"
    counts = scare.groupby("outlet", sort=False).size().rename("quotes").reset_index()
    row, tied = _leader(counts, "quotes")
    return f"{row['outlet']} has {row['quotes']:,} of the {len(scare):,} scare quotes" + _tie_note(
        tied, len(counts), "outlet"
    )


def finding_kwic(lines: pd.DataFrame) -> str:
    """03_kwic: the term with the most concordance lines, and the outlet most of them are from
    (``lines`` is the whole concordance, not the lines drawn)."""
    if lines.empty:
        return "No distinctive term found in the text"
    per_term = lines.groupby("term", sort=False).size().rename("n").reset_index()
    term = _leader(per_term, "n")[0]["term"]
    mine = lines[lines["term"] == term]
    by_outlet = mine.groupby("outlet", sort=False).size().rename("n").reset_index()
    outlet, k = _leader(by_outlet, "n")[0][["outlet", "n"]]
    where = f"all in {outlet}" if k == len(mine) else f"{k:,} of them in {outlet}"
    return f'"{term}" has the most concordance lines: {len(mine):,}, {where}'


def finding_term_map(positions: pd.DataFrame, group: str, other: str) -> str:
    """03_term_map: how many terms lean to ``group`` (z at least the map's leaning cut) and the
    one that leans furthest, with its counts."""
    from analysis.explorer import REST
    from analysis.plots.explorer import LEANING_Z  # the cut the map colours by

    if positions.empty:
        return f"No term to place for {group}"
    other = "the rest" if other == REST else other
    leaning = int((positions["z"] >= LEANING_Z).sum())
    if leaning == 0:
        return f"No term leans to {group} over {other} at z \u2265 {LEANING_Z:g}"
    row = _leader(positions, "z")[0]
    verb = "leans" if leaning == 1 else "lean"
    return (
        f'{leaning:,} of {len(positions):,} terms {verb} to {group}; furthest: "{row["term"]}", '
        f"{row['count']} uses against {row['count_other']} in {other}"
    )


def _in_period(period: str) -> str:
    """'on 2023-03-01' for a day, 'in 2023-03' or 'in 2023-W09' for a longer period."""
    return f"on {period}" if re.fullmatch(r"\d{4}-\d{2}-\d{2}", str(period)) else f"in {period}"


def finding_tone_over_time(table: pd.DataFrame) -> str:
    """04_tone_over_time: the outlet and period with the lowest mean compound."""
    cells = table[table["sentences"] > 0].dropna(subset=["compound"])
    if cells.empty:
        return "No dated sentence to score"
    row = _leader(cells, "compound", lowest=True)[0]
    return (
        f"{row['outlet']} scores lowest {_in_period(row['period'])}: mean VADER compound "
        f"{row['compound']:.2f} over {_counted(row['sentences'], 'sentence')}"
    )


def finding_frame_strip(tagged: pd.DataFrame, frames) -> str:
    """05_frame_strip: the frame whose body sentences sit earliest in the body on average
    (position 0 = top, 1 = end; the middle of each sentence)."""
    from analysis.emphasis import BODY_ZONES

    body = tagged[tagged["zone"].isin(BODY_ZONES)].dropna(subset=["start_pos", "end_pos"])
    if body.empty:
        return "No frame in any article's body"
    middle = (body["start_pos"] + body["end_pos"]) / 2
    mean = middle.groupby(body["frame"], sort=False).agg(["mean", "size"]).reset_index()
    row = _leader(mean, "mean", lowest=True)[0]
    label = {f.name: f.label for f in frames}.get(row["frame"], row["frame"])
    return (
        f"'{label}' sits earliest in the body: its {int(row['size']):,} sentences average "
        f"{row['mean']:.2f} of the way through"
    )


def finding_frames_over_time(table: pd.DataFrame, labels: dict | None = None) -> str:
    """05_frames_over_time: the largest share of an outlet's sentences in one period carrying
    one frame."""
    cells = table[table["sentences"] > 0]
    if cells.empty:
        return "No dated sentence carries a frame"
    row = _leader(cells, "share")[0]
    label = (labels or {}).get(row["frame"], row["frame"])
    return (
        f"'{label}' peaks at {_of(row['sentences'], row['total'])} of "
        f"{possessive(row['outlet'])} sentences {_in_period(row['period'])}"
    )


def finding_numbers(table: pd.DataFrame) -> str:
    """05_numbers: on how many compared quantities the outlets' values differ."""
    if table.empty:
        return "No numeric claim found"
    compared = table[table["section"] == "compared"]
    if compared.empty:
        kinds = table["row"].nunique()
        return f"No listed quantity to compare; {kinds} kind{'' if kinds == 1 else 's'} of numeric claim found"
    differ = compared.groupby("row", sort=False)["values_differ"].any()
    verb = "quantity" if len(differ) == 1 else "quantities"
    return f"The outlets' values differ on {int(differ.sum()):,} of the {len(differ):,} compared {verb}"


def finding_topic_shares(shares: pd.DataFrame) -> str:
    """05_topic_shares: the largest share of an outlet's sentences in one topic."""
    if shares.empty:
        return "No topic found"
    row = _leader(shares, "share")[0]
    return (
        f"Topic {row['topic']} ({row['label']}) has {_of(row['sentences'], row['total'])} of "
        f"{possessive(row['outlet'])} sentences"
    )


def finding_topic_stability(stability: pd.DataFrame, chosen: int) -> str:
    """05_topic_stability: the chosen number of topics, its stability, and the best, when that
    is another k (:func:`analysis.inductive.choose_k` takes the largest k near the best)."""
    picked = stability[stability["k"] == chosen]
    if picked.empty:
        return "No topic model fitted"
    row, best = picked.iloc[0], _leader(stability, "stability")[0]
    behind = row["stability"] < best["stability"]
    digits = 3 if behind and f"{row['stability']:.2f}" == f"{best['stability']:.2f}" else 2
    where = (
        "the most stable"
        if not behind
        else f"the highest is {best['stability']:.{digits}f} at k = {int(best['k'])}"
    )
    return (
        f"{chosen} topics: stability {row['stability']:.{digits}f} (\u00b1 {row['sd']:.2f}) "
        f"over {int(row['resamples'])} subsamples, {where}"
    )


def finding_topic_terms(terms: pd.DataFrame, sizes: pd.Series) -> str:
    """05_topic_terms: the largest topic and its three heaviest terms."""
    sizes = sizes[sizes.index.isin(terms["topic"])]
    if terms.empty or sizes.empty:
        return "No topic found"
    topic = sizes.idxmax()
    heaviest = terms[terms["topic"] == topic].sort_values("rank", kind="stable")["term"].head(3)
    return (
        f"The largest topic ({int(sizes[topic]):,} of {int(sizes.sum()):,} sentences) is led by "
        + listing(f'"{t}"' for t in heaviest)
    )


def finding_near_threshold(near: pd.DataFrame, threshold: float) -> str:
    """06_near_threshold: how many of the pairs either side of the threshold count as reuse,
    and the range of their scores."""
    if near.empty:
        return "No sentence pair scores near the threshold"
    matched = int(near["match"].sum())
    return (
        f"{matched:,} of the {len(near):,} pairs nearest the {threshold:g} threshold count as reuse "
        f"(scores {near['score'].min():.2f} to {near['score'].max():.2f})"
    )


def finding_frame_validation(agreement: pd.DataFrame) -> str:
    """07_frame_validation: the tagger's precision and recall against the hand codes over all
    frames (the pooled row; the first frame when there is none)."""
    if agreement.empty:
        return "No hand-coded sentence matches this corpus"
    pooled = agreement[agreement["frame"] == "all"]
    row = (pooled if len(pooled) else agreement).iloc[0]
    over = "over all frames" if len(pooled) else f"on '{row['label']}'"
    return (
        f"The tagger's precision is {_of(row['both'], row['tagger'])} and its recall "
        f"{_of(row['both'], row['human'])} {over}"
    )
