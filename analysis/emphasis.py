"""Emphasis: what each outlet puts first — headline, lead, order, frames, facts and numbers.

Framing lives in selection and order as much as in words. Everything here works on *text units*
(:func:`text_units`): the headline, the standfirst and every body sentence of an article, each
with its zone and, for body sentences, the stretch of the article it occupies.

Zones
    ``headline`` and ``standfirst`` (from ``corpus.articles``; missing ones are simply absent),
    ``lead`` (the first ``lead_paragraphs`` body paragraphs, two by default) and ``body`` (the
    paragraphs after the lead). "The body as a whole" means lead and body together.

Position
    A body sentence occupies ``[start_pos, end_pos)`` of its article, in words
    (:data:`analysis.text.WORD_PATTERN`): ``start_pos`` = words before it / words in the article
    body, ``end_pos`` = ``start_pos`` + its words / words in the body. Headline and standfirst
    have no position; they are reported as zones.

Frames
    Eight issue-specific frames in the corpus's ``frames.yml`` (:func:`load_frames`), each
    with *cues* (the words that present a topic in the frame's way: threat verbs and modifiers,
    blame, consequences, human stories) and *topic* terms (the words that only name what a
    sentence is about: "troops", "forces", "people"). A frame is a way of presenting a topic, not
    the topic, so a unit carries a frame when one of its cues occurs in it; topic terms alone
    never tag it. Terms match as :func:`analysis.terms.pattern_regex` defines (whole words,
    ``*`` globs, ``a | b`` alternatives, case-insensitive, on typography-folded text). Each
    frame's cues are compiled into one regex and counted over all units at once
    (:func:`frame_hits`); :func:`frame_mentions` lists, for each tagged unit, the cues that fired
    (``matched``) and the topic terms beside them (``topic_terms``). Where fair, a frame is
    mapped to a generic frame of Semetko & Valkenburg (2000) — an approximation (see the YAML
    header).

Emphasis index (the inverted pyramid)
    Assume a reader's attention falls linearly from the first word of the body to the last, with
    density ``a(x) = 2 (1 - x)`` at position ``x`` in [0, 1] (it integrates to 1). The emphasis
    index of frame *f* in an article is the share of that attention that falls on the sentences
    carrying *f*::

        E(f) = sum over sentences s carrying f of  integral from p_s to q_s of 2 (1 - x) dx
             = sum over sentences s carrying f of  (1 - p_s)^2 - (1 - q_s)^2

    with ``p_s``/``q_s`` the sentence's ``start_pos``/``end_pos``. E is in [0, 1] and is 1 when
    every sentence carries *f*. The plain word share ``W(f) = sum (q_s - p_s)`` is what E would
    be if attention were even; ``front_loading = E / W`` (in [0, 2]) says how much earlier than
    average the frame sits: 1 = spread evenly, above 1 = towards the top, below 1 = towards the
    end. Headline and standfirst are left out of E (they are reported as zones).

Facts and numbers
    Events and facts of the day, each with patterns, in the corpus's ``facts.yml``
    (:func:`load_facts`); :func:`fact_coverage` says where each article first reports each fact
    (headline, standfirst, lead, body) or that it does not. :func:`analysis.numbers.numeric_claims`
    extracts troop counts, durations, distances, dates, percentages and other numbers with their unit
    and sentence; :func:`compare_quantities` puts side by side the values that articles give
    for the same quantity (the size of the troop build-up) and flags where they differ.

Every cross-outlet comparison should be made on ``corpus.canonical()`` (one article per outlet).

Scale: every step is a fixed number of vectorised passes over all units (one regex per frame,
one per fact pattern part, one for numbers): linear in the corpus, with no pairwise step. Tag
once with :func:`frame_mentions` and pass the result as ``mentions=`` to the frame tables; above
:data:`analysis.parallel.MIN_TEXTS` units, frame and fact matching is split over all cores.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache
from pathlib import Path

import numpy as np
import pandas as pd

from analysis import parallel
from analysis.errors import CorpusError
from analysis.findings import findings_table
from analysis.lexicon import lexicon_path, read_lexicon
from analysis.numbers import numeric_claims
from analysis.stats import wilson_interval
from analysis.terms import contains_terms, count_terms, match_terms
from analysis.text import WORD_PATTERN, WORD_RE, fold_typography, key_part
from analysis.voices import check_voice

ZONES = ("headline", "standfirst", "lead", "body")
DISPLAY_ZONES = ("headline", "standfirst")
BODY_ZONES = ("lead", "body")
#: Where a fact can be first reported, most prominent first; "absent" when it is not found.
COVERAGE_LEVELS = (*ZONES, "absent")
UNIT_COLUMNS = [
    "article_id",
    "outlet",
    "zone",
    "paragraph",
    "sentence",
    "text",
    "n_words",
    "start_pos",
    "end_pos",
]


# --------------------------------------------------------------------------- lexicons


@dataclass(frozen=True)
class Frame:
    """One issue-specific frame: its ``name`` (a key), ``label``, the generic frame it
    approximates (or None), its ``terms`` (the cues: a unit that contains one carries the frame)
    and its ``topics`` (topic terms: reported beside the cues, never enough to tag a unit)."""

    name: str
    label: str
    generic: str | None
    terms: tuple[str, ...]
    topics: tuple[str, ...] = ()

    @property
    def cues(self) -> tuple[str, ...]:
        """The terms that tag a unit with this frame (the same as ``terms``)."""
        return self.terms


@dataclass(frozen=True)
class Fact:
    """One event or fact of the day. ``patterns``: a unit reports the fact if it matches any of
    them; each pattern is a tuple of parts that must all occur (each part a term or ``a | b``).
    ``quantity``: a claim type the unit must also state a number of (or None)."""

    id: str
    label: str
    patterns: tuple[tuple[str, ...], ...]
    quantity: str | None = None


def load_frames(path: str | Path | None = None) -> tuple[Frame, ...]:
    """The frames of the corpus's ``frames.yml`` (or ``path``), in the file's order."""
    return _read_frames(lexicon_path(path, "frames.yml"))


@cache
def _read_frames(path: Path) -> tuple[Frame, ...]:
    return frames_from(read_lexicon(path), where=path)


def frames_from(data: dict, *, where: object = "frames") -> tuple[Frame, ...]:
    """The frames of a parsed ``frames.yml`` ``data`` (or of a draft such as
    :func:`analysis.inductive.frames_draft`'s), in its order; ``where`` names it in errors."""
    path = where
    generic = data.get("generic_frames") or {}
    frames = []
    for entry in data.get("frames") or []:
        name = str(entry.get("name", ""))
        if not re.fullmatch(r"[a-z0-9][a-z0-9_]*", name):
            raise ValueError(f"{path}: frame name {name!r} must be lower-case letters, digits, _")
        cues = _term_list(entry.get("cues", entry.get("terms")))
        topics = _term_list(entry.get("topics"))
        if not cues:
            raise ValueError(f"{path}: frame {name!r} has no cues")
        both = sorted({c.lower() for c in cues} & {t.lower() for t in topics})
        if both:
            raise ValueError(f"{path}: frame {name!r}: {both} listed as cue and as topic")
        if entry.get("generic") is not None and entry["generic"] not in generic:
            raise ValueError(f"{path}: frame {name!r}: generic {entry['generic']!r} not declared")
        label = str(entry.get("label") or name)
        frames.append(Frame(name, label, entry.get("generic"), cues, topics))
    names = [f.name for f in frames]
    if not frames or len(set(names)) != len(names):
        raise ValueError(f"{path}: frames must be listed, each name once")
    return tuple(frames)


def _term_list(items) -> tuple[str, ...]:
    """A YAML list of terms as stripped strings, empty entries dropped."""
    return tuple(str(t).strip() for t in items or [] if str(t).strip())


def generic_frame_labels(path: str | Path | None = None) -> dict[str, str]:
    """The generic frames declared in ``frames.yml``: name -> label (marked as approximated)."""
    return dict(read_lexicon(lexicon_path(path, "frames.yml")).get("generic_frames") or {})


def frame_dictionary(frames: tuple[Frame, ...] | None = None) -> pd.DataFrame:
    """The frame dictionary as a table to show: one row per frame with its generic frame, the
    number of cues and the cues themselves (``n_terms``, ``terms``: they tag a unit), and its
    topic terms (``topics``: reported, never enough to tag)."""
    frames = load_frames() if frames is None else frames
    return pd.DataFrame(
        [
            {
                "frame": f.name,
                "label": f.label,
                "generic": f.generic or "",
                "n_terms": len(f.terms),
                "terms": ", ".join(f.terms),
                "topics": ", ".join(f.topics),
            }
            for f in frames
        ]
    )


def load_facts(path: str | Path | None = None) -> tuple[Fact, ...]:
    """The facts of the corpus's ``facts.yml`` (or ``path``), in the file's order."""
    return _read_facts(lexicon_path(path, "facts.yml"))


@cache
def _read_facts(path: Path) -> tuple[Fact, ...]:
    data = read_lexicon(path)
    facts = []
    for entry in data.get("facts") or []:
        fact_id = str(entry.get("id", ""))
        if not re.fullmatch(r"[a-z0-9][a-z0-9-]*", fact_id):
            raise ValueError(f"{path}: fact id {fact_id!r} must be lower-case letters, digits, -")
        patterns = tuple(
            tuple(part.strip() for part in str(p).split("&")) for p in entry.get("patterns") or []
        )
        if not patterns or not all(all(patterns_) for patterns_ in patterns):
            raise ValueError(f"{path}: fact {fact_id!r} needs patterns with no empty part")
        facts.append(
            Fact(fact_id, str(entry.get("label") or fact_id), patterns, entry.get("quantity"))
        )
    ids = [f.id for f in facts]
    if len(set(ids)) != len(ids):
        raise ValueError(f"{path}: duplicate fact id")
    return tuple(facts)


# --------------------------------------------------------------------------- text units


def _require_columns(table: pd.DataFrame, columns: list[str], what: str) -> None:
    missing = [c for c in columns if c not in table.columns]
    if missing:
        raise CorpusError(
            f"{what} has no column(s) {missing}; they come from analysis.quotes "
            "(quotation detection), which this corpus was loaded without"
        )


def text_units(corpus, *, lead_paragraphs: int = 2, voice: str = "all") -> pd.DataFrame:
    """One row per headline, standfirst and body sentence, in reading order, with its zone and
    position: ``article_id``, ``outlet``, ``zone``, ``paragraph``/``sentence`` (0 for headline
    and standfirst), ``text``, ``n_words``, ``start_pos``/``end_pos`` (share of the body's
    words before the sentence / up to its end; NaN for headline and standfirst).

    ``voice="writer"`` keeps only authorial body sentences, ``"quoted"`` only quoted ones (by
    ``corpus.sentences["voice"]``); positions are always measured on the whole body, so a
    sentence keeps its place whatever is dropped. The index is a fresh 0..n-1 range.
    """
    kept = check_voice(voice)
    if lead_paragraphs < 0:
        raise ValueError("lead_paragraphs must be >= 0")
    articles = corpus.articles
    order = pd.Series(range(len(articles)), index=articles["article_id"])
    outlet = articles.set_index("article_id")["outlet"]

    body = corpus.sentences.copy()
    body["_order"] = body["article_id"].map(order)
    body = body.sort_values(["_order", "sentence"], kind="stable")
    body["n_words"] = body["text"].str.count(WORD_PATTERN).astype("int64")
    words_to_end = body.groupby("article_id", sort=False)["n_words"].cumsum()
    total = body.groupby("article_id", sort=False)["n_words"].transform("sum")
    total = total.where(total > 0)
    body["start_pos"] = (words_to_end - body["n_words"]) / total
    body["end_pos"] = words_to_end / total
    body["zone"] = np.where(body["paragraph"] <= lead_paragraphs, "lead", "body")
    if kept is not None:
        _require_columns(body, ["voice"], "corpus.sentences")
        body = body[body["voice"].isin(kept)]

    display = articles.melt(
        id_vars=["article_id"], value_vars=list(DISPLAY_ZONES), var_name="zone", value_name="text"
    )
    display["text"] = display["text"].fillna("").astype(str).str.strip()
    display = display[display["text"] != ""].assign(
        paragraph=0,
        sentence=0,
        n_words=lambda d: d["text"].str.count(WORD_PATTERN).astype("int64"),
        start_pos=np.nan,
        end_pos=np.nan,
        _order=lambda d: d["article_id"].map(order),
    )
    units = pd.concat([display, body], ignore_index=True)
    units["_zone"] = units["zone"].map({z: i for i, z in enumerate(ZONES)})
    units = units.sort_values(["_order", "_zone", "sentence"], kind="stable")
    units["outlet"] = units["article_id"].map(outlet)
    extra = [c for c in ("voice", "quoted_share") if c in units.columns]
    return units[UNIT_COLUMNS + extra].reset_index(drop=True)


# --------------------------------------------------------------------------- matching


def _folded(texts: pd.Series) -> pd.Series:
    return texts.fillna("").astype(str).map(fold_typography)


def _count_frames(texts: list[str], frames: tuple[Frame, ...]) -> np.ndarray:
    """Cue matches of each frame in each (folded) text: an int array, texts x frames. Counted
    frame by frame only in the texts that have a cue of any frame (one search for all)."""
    counts = np.zeros((len(texts), len(frames)), dtype=np.int64)
    if not frames:
        return counts
    folded = np.array([fold_typography(text) for text in texts], dtype=object)
    cued = np.flatnonzero(contains_terms(folded, tuple(t for f in frames for t in f.terms)))
    for column, frame in enumerate(frames):
        counts[cued, column] = count_terms(folded[cued], frame.terms)
    return counts


def _in_chunks(func, texts: list[str], *args, workers: int | None = None) -> np.ndarray:
    """``func(texts, *args)`` (an array with one row per text), split over all local cores or a
    Dask cluster from :data:`analysis.parallel.MIN_TEXTS` texts on; rows come back in order."""
    parts = parallel.map_chunks(
        func,
        texts,
        *args,
        min_items=parallel.MIN_TEXTS,
        workers=workers,
        desc=func.__name__.strip("_").replace("_", " "),
    )
    return parts[0] if len(parts) == 1 else np.concatenate(parts)


def frame_hits(
    texts: pd.Series, frames: tuple[Frame, ...] | None = None, *, workers: int | None = None
) -> pd.DataFrame:
    """How many cue matches of each frame each text has (topic terms are not counted): one int
    column per frame (in the dictionary's order), indexed like ``texts``. One vectorised regex count per frame; large
    inputs are split over ``workers`` processes (default: all cores)."""
    frames = load_frames() if frames is None else frames
    counts = _in_chunks(
        _count_frames, texts.fillna("").astype(str).tolist(), frames, workers=workers
    )
    return pd.DataFrame(counts, index=texts.index, columns=[f.name for f in frames])


FRAME_MENTION_COLUMNS = ["unit", *UNIT_COLUMNS, "frame", "hits", "matched", "topic_terms"]


def frame_mentions(
    units: pd.DataFrame, frames: tuple[Frame, ...] | None = None, *, workers: int | None = None
) -> pd.DataFrame:
    """Tag every unit with its frames, long: one row per unit x frame it carries (``hits`` > 0
    cue matches), with the unit's columns, its index in ``units`` as ``unit``, and what fired:
    ``matched`` (the frame's cues found in the unit, as listed in frames.yml, in text order,
    "; " between them) and ``topic_terms`` (its topic terms found there, the same way).

    This is the one tagging pass; the functions below take its result as ``mentions`` so a
    notebook tags the corpus once."""
    frames = load_frames() if frames is None else frames
    hits = frame_hits(units["text"], frames, workers=workers)
    long = hits.rename_axis(index="unit", columns="frame").stack().rename("hits").reset_index()
    long = long[long["hits"] > 0]
    table = long.merge(units, left_on="unit", right_index=True, how="left")
    table = table.sort_values(["unit", "frame"], kind="stable").reset_index(drop=True)
    by_name = {f.name: f for f in frames}
    pairs = [
        (by_name[frame].cues, by_name[frame].topics, text)
        for frame, text in zip(table["frame"], table["text"], strict=True)
    ]
    table["matched"] = [found_terms(text, cues) for cues, _, text in pairs]
    table["topic_terms"] = [found_terms(text, topics) for _, topics, text in pairs]
    return table[FRAME_MENTION_COLUMNS]


def found_terms(text: str, terms: tuple[str, ...]) -> str:
    """The ``terms`` that occur in ``text`` (matched as :func:`analysis.terms.match_terms`
    matches), each once, in the order they first occur, "; " between them ("" for none)."""
    if not terms:
        return ""
    found = match_terms(text, dict.fromkeys(terms, ""))
    return "; ".join(dict.fromkeys(term for term, _ in found))


def generic_mentions(
    mentions: pd.DataFrame, frames: tuple[Frame, ...] | None = None
) -> pd.DataFrame:
    """``mentions`` mapped to the generic frames the issue frames approximate: a unit counts
    once per generic frame (its ``hits`` summed, its ``matched`` and ``topic_terms`` joined);
    frames without a generic one are dropped."""
    frames = load_frames() if frames is None else frames
    to_generic = {f.name: f.generic for f in frames if f.generic}
    mapped = mentions.assign(frame=mentions["frame"].map(to_generic)).dropna(subset=["frame"])
    grouped = mapped.groupby(["unit", "frame"], sort=False)
    merged = grouped.agg(
        hits=("hits", "sum"), matched=("matched", _joined), topic_terms=("topic_terms", _joined)
    )
    mapped = mapped.drop_duplicates(["unit", "frame"]).drop(columns=list(merged.columns))
    return mapped.join(merged, on=["unit", "frame"]).reset_index(drop=True)[FRAME_MENTION_COLUMNS]


def _joined(lists: pd.Series) -> str:
    """ "; "-joined term lists as one list, each term once, in first-seen order."""
    terms = (term for text in lists for term in str(text).split("; ") if term)
    return "; ".join(dict.fromkeys(terms))


def _mentions_in(
    units: pd.DataFrame, frames: tuple[Frame, ...], mentions: pd.DataFrame | None
) -> pd.DataFrame:
    """``mentions`` restricted to the rows of ``units`` (a subset of the table it was tagged
    on: ``unit`` is that table's index), or ``units`` tagged now if ``mentions`` is None."""
    if mentions is None:
        return frame_mentions(units, frames)
    return mentions[mentions["unit"].isin(units.index)]


def _frame_labels(frames: tuple[Frame, ...], generic: bool) -> dict[str, str]:
    """Frame name -> label, in order, for the issue frames or the generic ones."""
    if not generic:
        return {f.name: f.label for f in frames}
    names = dict.fromkeys(f.generic for f in frames if f.generic)
    declared = generic_frame_labels() if names else {}  # (frames from topics declare none)
    return {g: declared.get(g, g) for g in names}


# --------------------------------------------------------------------------- shares


def _grid(units: pd.DataFrame, names: list[str], column: str = "frame") -> pd.DataFrame:
    """Every article of ``units`` x every name, in order (``article_id``, ``outlet``, column)."""
    articles = units[["article_id", "outlet"]].drop_duplicates("article_id")
    return articles.merge(pd.DataFrame({column: names}), how="cross")


def frame_shares(
    units: pd.DataFrame,
    frames: tuple[Frame, ...] | None = None,
    *,
    mentions: pd.DataFrame | None = None,
    zones: tuple[str, ...] = BODY_ZONES,
    generic: bool = False,
) -> pd.DataFrame:
    """Share of each article's sentences (in ``zones``, by default the body as a whole) that
    carry each frame, with counts: ``article_id``, ``outlet``, ``frame``, ``label``, ``total``
    (sentences in the zones), ``sentences`` (carrying the frame), ``share`` and a 95% Wilson
    interval ``ci_low``/``ci_high``, and ``matched`` (the cues that tagged those sentences, each
    with the number of sentences it fired in, most first: "invasion 5; threat* 2"). Every
    article x frame appears, zeros included; ``generic=True`` gives the approximated generic
    frames instead.

    A sentence may carry several frames, so shares do not add up to one. The interval treats
    sentences as independent draws, which they are not (a story runs on); read it as a lower
    bound on the uncertainty.
    """
    frames = load_frames() if frames is None else frames
    scope = units[units["zone"].isin(zones)]
    tagged = _mentions_in(scope, frames, mentions)
    if generic:
        tagged = generic_mentions(tagged, frames)
    labels = _frame_labels(frames, generic)
    totals = scope.groupby("article_id", sort=False).size().rename("total")
    counts = tagged.groupby(["article_id", "frame"]).size().rename("sentences")
    table = _grid(scope, list(labels)).join(totals, on="article_id")
    table = table.join(counts, on=["article_id", "frame"])
    table["sentences"] = table["sentences"].fillna(0).astype("int64")
    table["share"] = table["sentences"] / table["total"]
    table["ci_low"], table["ci_high"] = wilson_interval(table["sentences"], table["total"])
    table.insert(3, "label", table["frame"].map(labels))
    cues = tagged.assign(cue=tagged["matched"].str.split("; ")).explode("cue")
    summary = cues.groupby(["article_id", "frame"])["cue"].agg(_counted_terms)
    table["matched"] = table.join(summary.rename("matched"), on=["article_id", "frame"])[
        "matched"
    ].fillna("")
    return table


def _counted_terms(terms: pd.Series) -> str:
    """ "invasion 5; threat* 2": terms with their counts, most frequent first, ties by term."""
    counted = terms.value_counts()
    order = sorted(counted.items(), key=lambda kv: (-kv[1], kv[0]))
    return "; ".join(f"{term} {n}" for term, n in order)


def dictionary_coverage(
    units: pd.DataFrame,
    frames: tuple[Frame, ...] | None = None,
    *,
    mentions: pd.DataFrame | None = None,
    zones: tuple[str, ...] = BODY_ZONES,
) -> pd.DataFrame:
    """How much of each article the frame dictionary reaches: ``sentences``, ``tagged`` (with
    at least one frame), ``untagged`` and ``tagged_share``. Frame shares are shares of all
    sentences, so a low ``tagged_share`` means the dictionary misses much of the article."""
    frames = load_frames() if frames is None else frames
    scope = units[units["zone"].isin(zones)]
    tagged = scope.index.isin(_mentions_in(scope, frames, mentions)["unit"])
    table = (
        scope.assign(tagged=tagged)
        .groupby(["article_id", "outlet"], sort=False)["tagged"]
        .agg(sentences="size", tagged="sum")
        .reset_index()
    )
    table["tagged"] = table["tagged"].astype("int64")
    table["untagged"] = table["sentences"] - table["tagged"]
    table["tagged_share"] = table["tagged"] / table["sentences"]
    return table


# --------------------------------------------------------------------------- order


def emphasis_index(
    units: pd.DataFrame,
    frames: tuple[Frame, ...] | None = None,
    *,
    mentions: pd.DataFrame | None = None,
) -> pd.DataFrame:
    """The inverted-pyramid emphasis of each frame in each article's body (formula in the module
    docstring): ``article_id``, ``outlet``, ``frame``, ``label``, ``sentences`` (carrying it),
    ``first_position`` (``start_pos`` of the first; NaN if none), ``word_share`` W,
    ``index`` E = sum of (1 - p)^2 - (1 - q)^2, and ``front_loading`` = E / W (NaN if W = 0)."""
    frames = load_frames() if frames is None else frames
    body = units[units["zone"].isin(BODY_ZONES)]
    tagged = _mentions_in(body, frames, mentions)
    tagged = tagged.assign(
        weight=(1 - tagged["start_pos"]) ** 2 - (1 - tagged["end_pos"]) ** 2,
        width=tagged["end_pos"] - tagged["start_pos"],
    )
    summary = tagged.groupby(["article_id", "frame"]).agg(
        sentences=("unit", "size"),
        first_position=("start_pos", "min"),
        word_share=("width", "sum"),
        index=("weight", "sum"),
    )
    table = _grid(body, [f.name for f in frames]).join(summary, on=["article_id", "frame"])
    filled = ["sentences", "word_share", "index"]
    table[filled] = table[filled].fillna(0)
    table["sentences"] = table["sentences"].astype("int64")
    table["front_loading"] = table["index"] / table["word_share"].where(table["word_share"] > 0)
    table.insert(3, "label", table["frame"].map({f.name: f.label for f in frames}))
    return table


def lead_end(units: pd.DataFrame) -> pd.Series:
    """Where each article's lead ends, as a position in [0, 1] (0 if it has no lead)."""
    body = units[units["zone"].isin(BODY_ZONES)]
    ends = body[body["zone"] == "lead"].groupby("article_id", sort=False)["end_pos"].max()
    return ends.reindex(pd.unique(body["article_id"])).fillna(0.0).rename("lead_end")


def _in_zone(grid: pd.DataFrame, tagged: pd.DataFrame, units: pd.DataFrame, zone: str) -> pd.Series:
    """For each ``article_id`` x ``frame`` row of ``grid``: does the article's ``zone`` carry it?
    NA where the article has no such zone (no headline is not "no frame in the headline")."""
    has_zone = grid["article_id"].isin(units.loc[units["zone"] == zone, "article_id"])
    hit = tagged.loc[tagged["zone"] == zone, ["article_id", "frame"]].drop_duplicates()
    keys = pd.MultiIndex.from_frame(grid[["article_id", "frame"]])
    found = keys.isin(pd.MultiIndex.from_frame(hit))
    return pd.Series(found, index=grid.index, dtype="boolean").where(has_zone)


def frame_first_mentions(
    units: pd.DataFrame,
    frames: tuple[Frame, ...] | None = None,
    *,
    mentions: pd.DataFrame | None = None,
) -> pd.DataFrame:
    """Where each frame first appears in each article: ``article_id``, ``outlet``, ``kind``
    ("frame"), ``name``, ``label``, ``first_position`` (``start_pos`` of the first body sentence
    carrying it; NaN if none), ``in_headline`` and ``in_lead`` (False where there is none)."""
    frames = load_frames() if frames is None else frames
    tagged = _mentions_in(units, frames, mentions)
    first = tagged[tagged["zone"].isin(BODY_ZONES)].groupby(["article_id", "frame"])["start_pos"]
    table = _grid(units, [f.name for f in frames]).join(
        first.min().rename("first_position"), on=["article_id", "frame"]
    )
    for zone in ("headline", "lead"):
        table[f"in_{zone}"] = _in_zone(table, tagged, units, zone).fillna(False).astype(bool)
    table = table.rename(columns={"frame": "name"})
    table.insert(2, "kind", "frame")
    table.insert(4, "label", table["name"].map({f.name: f.label for f in frames}))
    return table


#: The first words of a description or a pronoun, not a name: "a spokesman", "an Apple
#: spokesman", "he", "the firm" (but "the FBI" and "The Tories", a capital after "the", name).
_DESCRIPTION = re.compile(
    r"^(?:(?i:a|an|he|she|it|we|they|i|you|this|that|these|those)\b|(?i:the)\s+[^\W\d_A-Z])"
)


def names_someone(actor: str, actor_type: str) -> bool:
    """Whether a speaker the actor lexicon does not know is named rather than described: not
    an anonymous source (``actor_type`` "anonymous") and not words like "a spokesman", "he" or
    "the firm" (:data:`_DESCRIPTION`). A description is not an actor to list: it is a
    different person in each article."""
    return actor_type != "anonymous" and not _DESCRIPTION.match(actor)


def actor_first_mentions(corpus, *, top: int | None = 12) -> pd.DataFrame:
    """Where each actor first appears in each article, in the columns of
    :func:`frame_first_mentions` (``kind`` = "actor"), from :func:`analysis.actors.mentions`.

    ``analysis.actors`` measures the first mention in characters of the body (paragraphs joined
    by one newline); it is converted here to the share of the body's *words* before it, the
    measure every position in this module uses. ``top`` keeps the actors named by the most
    articles (ties: most mentions, then name); None keeps all."""
    try:
        from analysis.actors import load_actors, mentions
    except ImportError as exc:  # pragma: no cover - depends on the sources issue
        raise CorpusError("actor positions need analysis.actors (the sources issue)") from exc
    table = mentions(corpus)
    needed = ["article_id", "actor", "mentions", "first_position", "in_headline", "in_lead"]
    missing = [c for c in needed if c not in table.columns]
    if missing:
        raise CorpusError(f"analysis.actors.mentions() has no column(s) {missing}")
    known = load_actors().by_name
    named = [
        a in known or names_someone(a, t)
        for a, t in zip(table["actor"], table["type"], strict=True)
    ]
    table = table[(table["mentions"] > 0) & np.array(named, dtype=bool)]
    if top is not None:
        ranking = (
            table.groupby("actor")
            .agg(articles=("article_id", "nunique"), mentions=("mentions", "sum"))
            .reset_index()
            .sort_values(["articles", "mentions", "actor"], ascending=[False, False, True])
        )
        table = table[table["actor"].isin(ranking["actor"].head(top))]
    paragraphs = corpus.paragraphs.sort_values(["article_id", "paragraph"], kind="stable")
    bodies = paragraphs.groupby("article_id", sort=False)["text"].agg("\n".join)
    position = np.full(len(table), np.nan)
    for article_id, rows in table.groupby("article_id", sort=False).indices.items():
        position[rows] = word_shares(bodies.get(article_id, ""), table["first_position"].iloc[rows])
    outlet = corpus.articles.set_index("article_id")["outlet"]
    table = pd.DataFrame(
        {
            "article_id": table["article_id"].to_numpy(),
            "outlet": table["article_id"].map(outlet).to_numpy(),
            "kind": "actor",
            "name": table["actor"].to_numpy(),
            "label": table["actor"].to_numpy(),
            "first_position": np.asarray(position, dtype=float),
            "in_headline": table["in_headline"].astype(bool).to_numpy(),
            "in_lead": table["in_lead"].astype(bool).to_numpy(),
        }
    )
    # actors in the order they tend to appear: by median first position, then name
    median = table.groupby("name")["first_position"].median()
    order = sorted(median.index, key=lambda n: (median[n], n))
    rank = table["name"].map({n: i for i, n in enumerate(order)})
    return table.assign(_rank=rank).sort_values(["_rank"], kind="stable").drop(columns="_rank")


def first_mentions(
    corpus,
    units: pd.DataFrame,
    frames: tuple[Frame, ...] | None = None,
    *,
    mentions: pd.DataFrame | None = None,
    top: int | None = 12,
) -> pd.DataFrame:
    """First-mention positions of frames (:func:`frame_first_mentions`) and of the ``top``
    actors (:func:`actor_first_mentions`) in one table, frames first. ``units`` must come from
    ``corpus`` (the same articles)."""
    frame_rows = frame_first_mentions(units, frames, mentions=mentions)
    actor_rows = actor_first_mentions(corpus, top=top)
    return pd.concat([frame_rows, actor_rows], ignore_index=True)


def word_shares(body: str, char_shares) -> np.ndarray:
    """Positions given as shares of ``body``'s characters, as shares of its words before each
    point (:data:`analysis.text.WORD_PATTERN`); NaN stays NaN. One pass over the body."""
    char_shares = np.asarray(char_shares, dtype=float)
    starts = np.array([m.start() for m in WORD_RE.finditer(body)], dtype=float)
    if not len(starts):
        return np.full(char_shares.shape, np.nan)
    offsets = np.round(char_shares * len(body))
    before = np.searchsorted(starts, np.nan_to_num(offsets, nan=0.0), side="left")
    return np.where(np.isnan(char_shares), np.nan, before / len(starts))


# --------------------------------------------------------------------------- headline and lead


def headline_contrast(
    units: pd.DataFrame,
    frames: tuple[Frame, ...] | None = None,
    *,
    mentions: pd.DataFrame | None = None,
) -> pd.DataFrame:
    """What the headline, standfirst and lead foreground against the body as a whole, per
    article x frame: ``headline``/``standfirst`` (True/False; NA when the article has none),
    ``lead_share`` (share of lead sentences carrying the frame), ``body_share`` (share of all
    body sentences, lead included) and ``body_rank`` (1 = the body's most frequent frame; ties
    share a rank)."""
    frames = load_frames() if frames is None else frames
    tagged = _mentions_in(units, frames, mentions)
    body = frame_shares(units, frames, mentions=tagged, zones=BODY_ZONES)
    lead = frame_shares(units, frames, mentions=tagged, zones=("lead",))
    table = body[["article_id", "outlet", "frame", "label", "sentences", "total", "share"]].rename(
        columns={"sentences": "body_sentences", "total": "body_total", "share": "body_share"}
    )
    table = table.merge(
        lead[["article_id", "frame", "share"]].rename(columns={"share": "lead_share"}),
        on=["article_id", "frame"],
        how="left",
    )
    for zone in DISPLAY_ZONES:
        table[zone] = _in_zone(table, tagged, units, zone)
    table["body_rank"] = (
        table.groupby("article_id", sort=False)["body_share"]
        .rank(method="min", ascending=False)
        .astype("int64")
    )
    columns = ["article_id", "outlet", "frame", "label", *DISPLAY_ZONES, "lead_share"]
    return table[[*columns, "body_sentences", "body_total", "body_share", "body_rank"]]


def headline_delivery(
    units: pd.DataFrame,
    frames: tuple[Frame, ...] | None = None,
    *,
    mentions: pd.DataFrame | None = None,
) -> pd.DataFrame:
    """Does the headline promise what the body delivers? One row per article with a headline:
    ``headline``, ``headline_frames`` ("; "-joined, dictionary order), ``body_total`` (body
    sentences), ``delivered`` (body sentences carrying at least one headline frame),
    ``delivery_share``, ``body_top_frame`` (the body's most frequent frame; ties go to the
    dictionary's order) and ``headline_has_top_frame``."""
    frames = load_frames() if frames is None else frames
    order = {f.name: i for i, f in enumerate(frames)}
    tagged = _mentions_in(units, frames, mentions)
    headlines = units[units["zone"] == "headline"].drop_duplicates("article_id")
    promised = tagged[tagged["zone"] == "headline"][["article_id", "frame"]].drop_duplicates()
    promised = promised.sort_values("frame", key=lambda f: f.map(order), kind="stable")
    body = units[units["zone"].isin(BODY_ZONES)]
    in_body = tagged[tagged["zone"].isin(BODY_ZONES)]
    kept = in_body.merge(promised, on=["article_id", "frame"])
    counts = in_body.groupby(["article_id", "frame"]).size().rename("n").reset_index()
    counts = counts.sort_values(
        ["article_id", "n", "frame"],
        key=lambda c: c.map(order) if c.name == "frame" else c,
        ascending=[True, False, True],
        kind="stable",
    )
    table = headlines[["article_id", "outlet", "text"]].rename(columns={"text": "headline"})
    table["headline_frames"] = (
        table["article_id"].map(promised.groupby("article_id")["frame"].agg("; ".join)).fillna("")
    )
    table["body_total"] = table["article_id"].map(body.groupby("article_id").size()).fillna(0)
    table["delivered"] = table["article_id"].map(kept.groupby("article_id")["unit"].nunique())
    table[["body_total", "delivered"]] = (
        table[["body_total", "delivered"]].fillna(0).astype("int64")
    )
    table["delivery_share"] = table["delivered"] / table["body_total"].where(
        table["body_total"] > 0
    )
    top = counts.drop_duplicates("article_id").set_index("article_id")["frame"]
    table["body_top_frame"] = table["article_id"].map(top).fillna("")
    table["headline_has_top_frame"] = [
        bool(top_frame) and top_frame in promised_frames.split("; ")
        for top_frame, promised_frames in zip(
            table["body_top_frame"], table["headline_frames"], strict=True
        )
    ]
    return table.reset_index(drop=True)


def headline_terms(units: pd.DataFrame, *, stop_words: bool = True) -> pd.DataFrame:
    """The content words of each headline and how far the body carries them: one row per
    article x headline word (lower-cased, typography folded, possessive 's dropped, scikit-learn
    English stop words removed), with ``in_lead`` and ``body_sentences`` (body sentences, lead
    included, containing the word as written form) and ``body_share`` of the body sentences.
    Exact word forms: "talks" does not match "talk"."""
    from analysis.terms import content_tokens, normalise, stop_word_list

    stops = set(stop_word_list(stop_words) or [])

    def tokens(texts: pd.Series) -> pd.Series:
        return texts.map(normalise).map(content_tokens)

    headlines = units[units["zone"] == "headline"]
    heads = headlines.assign(term=tokens(headlines["text"])).explode("term").dropna(subset=["term"])
    heads = heads[~heads["term"].isin(stops)].drop_duplicates(["article_id", "term"])
    heads["position"] = heads.groupby("article_id", sort=False).cumcount()
    body = units[units["zone"].isin(BODY_ZONES)]
    words = (
        body.assign(term=tokens(body["text"]), lead=body["zone"] == "lead")
        .explode("term")
        .merge(heads[["article_id", "term"]], on=["article_id", "term"])  # headline words only
        .drop_duplicates(["article_id", "sentence", "term"])
    )
    per_term = words.groupby(["article_id", "term"]).agg(
        body_sentences=("sentence", "size"), in_lead=("lead", "any")
    )
    totals = body.groupby("article_id").size().rename("body_total")
    table = heads[["article_id", "outlet", "position", "term"]].join(
        per_term, on=["article_id", "term"]
    )
    table = table.join(totals, on="article_id")
    table["body_sentences"] = table["body_sentences"].fillna(0).astype("int64")
    table["in_lead"] = table["in_lead"].fillna(False).astype(bool)
    table["body_share"] = table["body_sentences"] / table["body_total"]
    return table.reset_index(drop=True)


# --------------------------------------------------------------------------- facts


def _match_facts(texts: list[str], facts: tuple[Fact, ...]) -> np.ndarray:
    """Whether each text matches each fact's patterns: a bool array, texts x facts.

    One search over all texts for every fact's first parts together, then one per fact for its
    first parts over the texts that have any; each further part runs only on the texts still in
    question, so rare names make later searches cheap."""
    if not facts:
        return np.zeros((len(texts), 0), dtype=bool)
    folded = pd.Series([fold_typography(text) for text in texts], dtype=object)
    firsts = [tuple(p[0] for p in fact.patterns) for fact in facts]
    folded = folded[contains_terms(folded, tuple(t for terms in firsts for t in terms))]
    columns = []
    for fact, first in zip(facts, firsts, strict=True):
        found = np.zeros(len(texts), dtype=bool)
        maybe = folded[contains_terms(folded, first)]
        for parts in fact.patterns:
            candidates = maybe[~found[maybe.index]]
            for part in parts:
                candidates = candidates[contains_terms(candidates, (part,))]
            found[candidates.index] = True
        columns.append(found)
    return np.column_stack(columns)


def fact_hits(
    units: pd.DataFrame,
    facts: tuple[Fact, ...] | None = None,
    *,
    claims: pd.DataFrame | None = None,
    workers: int | None = None,
) -> pd.DataFrame:
    """Whether each unit reports each fact: one bool column per fact id, indexed like ``units``.
    A fact with a ``quantity`` also needs a numeric claim of that type in the unit (``claims``
    from :func:`numeric_claims`; computed if not given). Large inputs are split over
    ``workers`` processes (default: all cores)."""
    facts = load_facts() if facts is None else facts
    texts = units["text"].fillna("").astype(str).tolist()
    hits = pd.DataFrame(
        _in_chunks(_match_facts, texts, facts, workers=workers),
        index=units.index,
        columns=[f.id for f in facts],
    )
    if any(f.quantity for f in facts) and claims is None:
        claims = numeric_claims(units)
    for fact in (f for f in facts if f.quantity):
        hits[fact.id] &= units.index.isin(claims.loc[claims["type"] == fact.quantity, "unit"])
    return hits


COVERAGE_COLUMNS = [
    "article_id",
    "outlet",
    "fact",
    "label",
    "sentences",
    "first_sentence",
    "first_position",
    "zone",
]


def fact_coverage(
    units: pd.DataFrame,
    facts: tuple[Fact, ...] | None = None,
    *,
    claims: pd.DataFrame | None = None,
) -> pd.DataFrame:
    """Where each article first reports each fact: one row per article x fact with ``zone`` (the
    most prominent of headline, standfirst, lead, body where it is found, or "absent"),
    ``sentences`` (body sentences reporting it), ``first_sentence`` and ``first_position`` (of
    the first body sentence; NaN if none)."""
    facts = load_facts() if facts is None else facts
    if not facts:  # a corpus without facts.yml
        return pd.DataFrame(columns=COVERAGE_COLUMNS)
    hits = fact_hits(units, facts, claims=claims)
    long = hits.rename_axis(index="unit", columns="fact").stack().rename("hit").reset_index()
    long = long[long["hit"]].join(units[["article_id", "zone", "sentence", "start_pos"]], on="unit")
    long["level"] = long["zone"].map({z: i for i, z in enumerate(COVERAGE_LEVELS)})
    in_body = long[long["zone"].isin(BODY_ZONES)].sort_values("sentence", kind="stable")
    body = in_body.groupby(["article_id", "fact"]).agg(
        sentences=("unit", "size"),
        first_sentence=("sentence", "first"),
        first_position=("start_pos", "first"),
    )
    level = long.groupby(["article_id", "fact"])["level"].min().rename("level")
    table = (
        _grid(units, [f.id for f in facts])
        .rename(columns={"frame": "fact"})
        .join(level, on=["article_id", "fact"])
        .join(body, on=["article_id", "fact"])
    )
    table["zone"] = table["level"].map(dict(enumerate(COVERAGE_LEVELS))).fillna("absent")
    table["sentences"] = table["sentences"].fillna(0).astype("int64")
    table["first_sentence"] = table["first_sentence"].astype("Int64")
    table.insert(3, "label", table["fact"].map({f.id: f.label for f in facts}))
    return table.drop(columns="level")


def coverage_matrix(coverage: pd.DataFrame, labels: pd.Series | None = None) -> pd.DataFrame:
    """The coverage as a fact x article table of zones (articles as columns, labelled by
    ``labels`` if given), facts ordered by how many articles report them, then as listed."""
    table = coverage.pivot(index="fact", columns="article_id", values="zone")
    articles = list(pd.unique(coverage["article_id"]))
    facts = list(pd.unique(coverage["fact"]))
    table = table.reindex(index=facts, columns=articles)
    reported = (table != "absent").sum(axis=1)
    order = sorted(range(len(facts)), key=lambda i: (-reported.iloc[i], i))
    table = table.iloc[order]
    table.index = table.index.map(dict(zip(coverage["fact"], coverage["label"], strict=True)))
    if labels is not None:
        table.columns = [labels.get(a, a) for a in table.columns]
    return table.rename_axis(index="fact", columns=None)


def version_differences(corpus, facts: tuple[Fact, ...] | None = None) -> pd.DataFrame:
    """For stories the corpus holds in more than one version (same ``story_id``): the facts
    whose place differs between versions, one row per story x fact with ``articles`` (the
    versions' ids, in version order) and a column ``version <v>`` per version (its zone).
    Empty when no story has two versions."""
    articles = corpus.articles
    repeated = articles[articles["story_id"].duplicated(keep=False)]
    facts = load_facts() if facts is None else facts
    if repeated.empty or not facts:
        return pd.DataFrame(columns=["story_id", "fact", "label", "articles"])
    coverage = fact_coverage(text_units(corpus.subset(repeated["article_id"])), facts)
    coverage = coverage.merge(repeated[["article_id", "story_id", "version"]], on="article_id")
    versions = sorted(pd.unique(repeated["version"].astype(str)), key=_natural)
    coverage["version"] = "version " + coverage["version"].astype(str)
    wide = coverage.pivot(index=["story_id", "fact", "label"], columns="version", values="zone")
    wide = wide[[f"version {v}" for v in versions]]
    ids = (
        repeated.assign(_v=repeated["version"].astype(str).map(versions.index))
        .sort_values("_v", kind="stable")
        .groupby("story_id", sort=False)["article_id"]
        .agg(", ".join)
    )
    order = {f: i for i, f in enumerate(pd.unique(coverage["fact"]))}
    table = wide[wide.nunique(axis=1) > 1].reset_index()
    table.insert(3, "articles", table["story_id"].map(ids))
    table = table.sort_values(
        ["story_id", "fact"], key=lambda c: c.map(order) if c.name == "fact" else c, kind="stable"
    )
    return table.rename_axis(columns=None).reset_index(drop=True)


def _natural(text: str) -> tuple:
    """A sort key that puts "2" before "10"."""
    return tuple(int(t) if t.isdigit() else t for t in re.split(r"(\d+)", text))


# --------------------------------------------------------------------------- numbers


def quantity_claims(
    units: pd.DataFrame,
    facts: tuple[Fact, ...] | None = None,
    *,
    claims: pd.DataFrame | None = None,
) -> pd.DataFrame:
    """The numeric claims that state a quantity fact (a fact with a ``quantity``, e.g. the size
    of the troop build-up): rows of ``claims`` (index kept as ``claim_id``) with ``fact`` and
    ``label``, for claims of the fact's type in units that report the fact. Parenthetical
    conversions ("(18 miles)") are left out."""
    facts = load_facts() if facts is None else facts
    quantity_facts = tuple(f for f in facts if f.quantity)
    claims = numeric_claims(units) if claims is None else claims
    hits = fact_hits(units, quantity_facts, claims=claims)
    kept = claims[~claims["parenthetical"]].rename_axis("claim_id").reset_index()
    parts = [
        kept[kept["unit"].isin(hits.index[hits[f.id]]) & (kept["type"] == f.quantity)].assign(
            fact=f.id, label=f.label
        )
        for f in quantity_facts
    ]
    if not parts:
        return kept.assign(fact="", label="").iloc[0:0]
    return pd.concat(parts, ignore_index=True)


def compare_quantities(
    units: pd.DataFrame,
    facts: tuple[Fact, ...] | None = None,
    *,
    claims: pd.DataFrame | None = None,
) -> pd.DataFrame:
    """The values each article gives for each quantity fact: one row per quantity fact x
    article with ``reported``, ``claims`` (as written, "; "-joined, in reading order),
    ``values`` (distinct values in the base unit, ascending, "; "-joined; vague quantities
    have none), ``articles_reporting`` and ``values_differ`` (the articles that report the
    quantity do not all give the same set of values: a candidate disagreement to read in the
    sentences, not a verdict)."""
    facts = load_facts() if facts is None else facts
    stated = quantity_claims(units, facts, claims=claims)
    tables = []
    for fact in (f for f in facts if f.quantity):
        mine = stated[stated["fact"] == fact.id]
        per_article = mine.groupby("article_id", sort=False).agg(
            claims=("claim", lambda c: "; ".join(dict.fromkeys(c))),
            values=("base_value", lambda v: "; ".join(f"{x:.6g}" for x in sorted(set(v.dropna())))),
            base_unit=("base_unit", "first"),
        )
        table = _grid(units, [fact.id]).rename(columns={"frame": "fact"})
        table = table.join(per_article, on="article_id")
        table["reported"] = table["claims"].notna()
        table[["claims", "values", "base_unit"]] = table[["claims", "values", "base_unit"]].fillna(
            ""
        )
        table["articles_reporting"] = int(table["reported"].sum())
        table["values_differ"] = bool(table.loc[table["reported"], "values"].nunique() > 1)
        tables.append(table.assign(label=fact.label, quantity=fact.quantity))
    columns = [
        "article_id",
        "outlet",
        "fact",
        "label",
        "quantity",
        "reported",
        "claims",
        "values",
        "base_unit",
        "articles_reporting",
        "values_differ",
    ]
    if not tables:
        return pd.DataFrame(columns=columns)
    return pd.concat(tables, ignore_index=True)[columns]


def numbers_table(
    claims: pd.DataFrame, comparison: pd.DataFrame, stated: pd.DataFrame
) -> pd.DataFrame:
    """The numbers table, long: one row per table row x article with the ``cell`` text.

    First the compared quantities (``section`` "compared", from :func:`compare_quantities`,
    with ``values_differ``), then every other numeric claim by ``type`` (``section`` "other",
    leaving out the ``stated`` claims of :func:`quantity_claims`; a parenthetical conversion is
    written after the claim it converts). "—" where an article states nothing."""
    outlets = pd.concat([comparison[["article_id", "outlet"]], claims[["article_id", "outlet"]]])
    outlets = outlets.drop_duplicates("article_id").set_index("article_id")["outlet"]
    rows = []
    for _, group in comparison.groupby("fact", sort=False):
        cells = group.set_index("article_id")["claims"].replace("", "—")
        differ = bool(group["values_differ"].iloc[0])
        label = group["label"].iloc[0]
        rows += [("compared", label, a, cells.get(a, "—"), differ) for a in outlets.index]
    others = claims.drop(index=stated["claim_id"], errors="ignore")
    for kind, group in others.groupby("type", sort=False):
        text = group["claim"].where(~group["parenthetical"], "(" + group["claim"] + ")")
        joined = text.groupby(group["article_id"], sort=False).agg(
            lambda c: "; ".join(dict.fromkeys(c)).replace("; (", " (")
        )
        rows += [("other", kind, a, joined.get(a, "—"), False) for a in outlets.index]
    table = pd.DataFrame(rows, columns=["section", "row", "article_id", "cell", "values_differ"])
    table.insert(3, "outlet", table["article_id"].map(outlets))
    return table


def numbers_by_outlet(table: pd.DataFrame) -> pd.DataFrame:
    """:func:`numbers_table` summed per outlet, for more articles than a table can show: per row
    and outlet, the ``cell`` "k of n articles" (how many of the outlet's articles state a number
    of that row), with ``values_differ`` kept and ``article_id`` set to the outlet."""
    stated = table.assign(stated=table["cell"] != "\u2014")
    counts = (
        stated.groupby(["section", "row", "outlet"], sort=False)
        .agg(
            stated=("stated", "sum"),
            articles=("article_id", "nunique"),
            values_differ=("values_differ", "any"),
        )
        .reset_index()
    )
    counts["cell"] = [
        f"{k:,} of {n:,} articles"
        for k, n in zip(counts["stated"], counts["articles"], strict=True)
    ]
    counts["article_id"] = counts["outlet"]
    return counts[["section", "row", "article_id", "outlet", "cell", "values_differ"]]


# --------------------------------------------------------------------------- findings


def _pct(share: float) -> str:
    return "n/a" if pd.isna(share) else f"{share:.0%}"


def comparison_findings(
    corpus,
    frames: tuple[Frame, ...] | None = None,
    *,
    lead_paragraphs: int = 2,
    voice: str = "all",
) -> pd.DataFrame:
    """:func:`findings_rows` for ``corpus`` (give it ``corpus.canonical()``), every table built
    here as notebook 05 builds it: the same numbers computed on another view of a corpus (e.g.
    without the wire copy, :func:`analysis.reuse.with_reused_dropped`)."""
    frames = load_frames() if frames is None else frames
    units = text_units(corpus, lead_paragraphs=lead_paragraphs, voice=voice)
    mentions = frame_mentions(units, frames)
    claims = numeric_claims(units)
    return findings_rows(
        shares=frame_shares(units, frames, mentions=mentions),
        generic_shares=frame_shares(units, frames, mentions=mentions, generic=True),
        coverage_by_dictionary=dictionary_coverage(units, frames, mentions=mentions),
        index=emphasis_index(units, frames, mentions=mentions),
        delivery=headline_delivery(units, frames, mentions=mentions),
        coverage=fact_coverage(units, claims=claims),
        comparison=compare_quantities(units, claims=claims),
    )


def findings_rows(
    *,
    shares: pd.DataFrame,
    generic_shares: pd.DataFrame,
    coverage_by_dictionary: pd.DataFrame,
    index: pd.DataFrame,
    delivery: pd.DataFrame,
    coverage: pd.DataFrame,
    comparison: pd.DataFrame,
) -> pd.DataFrame:
    """The citable numbers of the emphasis analysis as rows (``key``, ``value``, ``unit``,
    ``description``, ``figure``) for :func:`record_findings`. Keys start ``emphasis.`` and name
    articles by ``article_id`` and frames and facts by their lexicon keys."""
    rows = []

    def add(key, value, unit, description, figure):
        rows.append((key, value, unit, description, figure))

    for r in shares.itertuples(index=False):
        what = f"{r.outlet} ({r.article_id}): body sentences with a '{r.label}' cue"
        add(
            f"emphasis.frames.share.{key_part(r.frame)}.{key_part(r.article_id)}",
            float(r.share),
            "share of sentences",
            f"{what}, {r.sentences} of {r.total} (95% Wilson {_pct(r.ci_low)}-{_pct(r.ci_high)})",
            "05_frame_shares",
        )
        add(
            f"emphasis.frames.sentences.{key_part(r.frame)}.{key_part(r.article_id)}",
            int(r.sentences),
            "sentences",
            f"{what} (of {r.total})",
            "05_frame_shares",
        )
    for r in generic_shares.itertuples(index=False):
        add(
            f"emphasis.generic.share.{key_part(r.frame)}.{key_part(r.article_id)}",
            float(r.share),
            "share of sentences",
            f"{r.outlet} ({r.article_id}): body sentences tagged with an issue frame mapped to "
            f"'{r.label}', {r.sentences} of {r.total} (dictionary approximation)",
            "05_frame_shares",
        )
    for r in coverage_by_dictionary.itertuples(index=False):
        add(
            f"emphasis.frames.tagged_share.{key_part(r.article_id)}",
            float(r.tagged_share),
            "share of sentences",
            f"{r.outlet} ({r.article_id}): body sentences with at least one frame cue, "
            f"{r.tagged} of {r.sentences}",
            "05_frame_shares",
        )
    for r in index.itertuples(index=False):
        add(
            f"emphasis.index.{key_part(r.frame)}.{key_part(r.article_id)}",
            float(r.index),
            "share of attention",
            f"{r.outlet} ({r.article_id}): emphasis index of '{r.label}' (linear inverted-pyramid "
            f"weight; word share {r.word_share:.3f})",
            "05_frame_strip",
        )
    for article_id, group in index.groupby("article_id", sort=False):
        opening = group[group["first_position"] == group["first_position"].min()]
        add(
            f"emphasis.opening_frames.{key_part(article_id)}",
            "; ".join(opening["frame"]),
            "frames",
            f"{group['outlet'].iloc[0]} ({article_id}): the frames of the first body sentence "
            "that carries any frame",
            "05_first_mentions",
        )
    for r in delivery.itertuples(index=False):
        add(
            f"emphasis.headline.delivery.{key_part(r.article_id)}",
            float(r.delivery_share),
            "share of sentences",
            f"{r.outlet} ({r.article_id}): body sentences carrying a frame of the headline "
            f"({r.headline_frames or 'none'}), {r.delivered} of {r.body_total}",
            "05_headline_lead",
        )
    n_facts = coverage["fact"].nunique()
    for article_id, group in coverage.groupby("article_id", sort=False):
        outlet = group["outlet"].iloc[0]
        add(
            f"emphasis.facts.reported.{key_part(article_id)}",
            int((group["zone"] != "absent").sum()),
            "facts",
            f"{outlet} ({article_id}): facts of the day reported, of {n_facts} listed",
            "05_facts_coverage",
        )
        add(
            f"emphasis.facts.front.{key_part(article_id)}",
            int(group["zone"].isin(ZONES[:3]).sum()),
            "facts",
            f"{outlet} ({article_id}): facts reported in the headline, standfirst or "
            f"lead, of {n_facts} listed",
            "05_facts_coverage",
        )
    if n_facts:  # (a corpus without facts.yml lists none)
        add(
            "emphasis.facts.listed",
            int(n_facts),
            "facts",
            "facts of the day in facts.yml",
            "05_facts_coverage",
        )
    for r in comparison[comparison["reported"]].itertuples(index=False):
        values = r.values.split("; ")
        if len(values) == 1 and values[0]:
            value = float(values[0])
            add(
                f"emphasis.numbers.{key_part(r.fact)}.{key_part(r.article_id)}",
                int(value) if value.is_integer() else value,
                r.base_unit,
                f"{r.outlet} ({r.article_id}): {r.label}, as written: {r.claims}",
                "05_numbers",
            )
    for fact, group in comparison.groupby("fact", sort=False):
        add(
            f"emphasis.numbers.{key_part(fact)}.values_differ",
            bool(group["values_differ"].iloc[0]),
            "flag",
            f"{group['label'].iloc[0]}: true if the articles that report it "
            f"({group['articles_reporting'].iloc[0]}) do not all give the same value",
            "05_numbers",
        )
    return findings_table(rows)


# --------------------------------------------------------------------------- outlet summaries
# Figures switch to these past a few articles (analysis.aggregate): tables in, tables out.


def headline_contrast_by_outlet(contrast: pd.DataFrame, units: pd.DataFrame) -> pd.DataFrame:
    """:func:`headline_contrast` pooled per outlet and frame: ``body_share`` is the share of all
    the outlet's body sentences carrying the frame, ``lead_share`` the same over lead sentences,
    ``headline_share`` / ``standfirst_share`` the share of its articles whose headline /
    standfirst carries it (of the articles that have one). Plus ``articles``."""
    lead = units[units["zone"] == "lead"].groupby("article_id").size()
    table = contrast.assign(
        lead_total=contrast["article_id"].map(lead).fillna(0),
        has_headline=contrast["headline"].notna(),
        has_standfirst=contrast["standfirst"].notna(),
        headline=contrast["headline"].fillna(False).astype(bool),
        standfirst=contrast["standfirst"].fillna(False).astype(bool),
    )
    table["lead_sentences"] = (table["lead_share"].fillna(0) * table["lead_total"]).round()
    grouped = table.groupby(["outlet", "frame", "label"], sort=False)
    out = grouped[
        ["body_sentences", "body_total", "lead_sentences", "lead_total", "headline", "standfirst"]
        + ["has_headline", "has_standfirst"]
    ].sum()
    out["articles"] = grouped["article_id"].nunique()
    out = out.reset_index()
    share = lambda a, b: (out[a] / out[b].where(out[b] > 0)).astype(float)  # noqa: E731
    out["body_share"] = share("body_sentences", "body_total")
    out["lead_share"] = share("lead_sentences", "lead_total")
    out["headline_share"] = share("headline", "has_headline")
    out["standfirst_share"] = share("standfirst", "has_standfirst")
    return out


def frame_profile(units: pd.DataFrame, tagged: pd.DataFrame, *, bins: int = 10) -> pd.DataFrame:
    """Where in their articles each outlet's frames sit: the body is cut into ``bins`` equal
    stretches of words, each body sentence falls in the stretch of its midpoint, and ``share``
    is the share of the outlet's sentences in that stretch carrying the frame. Columns:
    ``outlet``, ``frame``, ``bin`` (0 = the top), ``sentences`` (carrying the frame),
    ``total`` (in the stretch), ``share``, ``articles``."""
    body = units[units["zone"].isin(BODY_ZONES)]
    position = ((body["start_pos"] + body["end_pos"]) / 2).clip(0, 1 - 1e-9)
    body = body.assign(bin=(position * bins).astype(int))
    totals = body.groupby(["outlet", "bin"]).size().rename("total")
    articles = body.groupby("outlet")["article_id"].nunique().rename("articles")
    carrying = tagged[tagged["zone"].isin(BODY_ZONES)].merge(
        body[["article_id", "paragraph", "sentence", "bin"]],
        on=["article_id", "paragraph", "sentence"],
    )
    frames = list(dict.fromkeys(tagged["frame"]))
    outlets = list(dict.fromkeys(units["outlet"]))
    grid = pd.MultiIndex.from_product(
        [outlets, frames, range(bins)], names=["outlet", "frame", "bin"]
    )
    counts = (
        carrying.drop_duplicates(["article_id", "paragraph", "sentence", "frame"])
        .groupby(["outlet", "frame", "bin"])
        .size()
        .reindex(grid, fill_value=0)
        .rename("sentences")
        .reset_index()
    )
    counts = counts.join(totals, on=["outlet", "bin"]).join(articles, on="outlet")
    counts["total"] = counts["total"].fillna(0).astype("int64")
    counts["share"] = (counts["sentences"] / counts["total"].where(counts["total"] > 0)).fillna(0.0)
    return counts


def fact_coverage_by_outlet(coverage: pd.DataFrame) -> pd.DataFrame:
    """:func:`fact_coverage` per outlet: how many of the outlet's articles report each fact
    (``reported``), in the headline or standfirst (``displayed``), of ``articles``, and the
    ``share`` reporting it."""
    table = coverage.assign(
        reported=coverage["zone"] != "absent",
        displayed=coverage["zone"].isin(DISPLAY_ZONES),
    )
    grouped = table.groupby(["outlet", "fact", "label"], sort=False)
    out = grouped[["reported", "displayed"]].sum()
    out["articles"] = grouped["article_id"].nunique()
    out = out.reset_index()
    out["share"] = out["reported"] / out["articles"]
    return out
