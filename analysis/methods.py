"""figures/METHODS.md: the methodology note, one paragraph per measure, written by ``make figures``.

Nothing in the note is typed for the occasion. Each :class:`Measure` names the functions that
compute it, the lexicons it reads, the libraries it calls and the findings it records; the note
draws *what it counts* from those functions' docstrings, each lexicon's ``source:`` from the
lexicon file, each library's version from the installed distribution
(:mod:`importlib.metadata`), and the validation figures and counts from ``findings.csv``. Only
the name of the statistic is written here, beside the code it describes.

A test regenerates the note and compares it byte for byte with the committed one, and checks
that every finding key belongs to a measure the note names.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from importlib.metadata import version
from pathlib import Path

import pandas as pd

from analysis import (
    emphasis,
    inductive,
    paths,
    provenance,
    quote_accuracy,
    reuse,
    sources,
    tone,
    validation,
)
from analysis import vocabulary as vocab
from analysis.findings import read_findings
from analysis.lexicon import (
    STORY_LEXICONS,
    lexicon_path,
    read_lexicon,
    story_lexicon,
    unsourced_entries,
)
from analysis.narrative import doc_summary

FILENAME = "METHODS.md"


@dataclass(frozen=True)
class Measure:
    """One measure of the suite: what computes it, and what it reads and records."""

    name: str
    keys: tuple[str, ...]  # prefixes of its finding keys
    code: tuple[Callable, ...]
    statistic: str
    lexicons: tuple[str, ...] = ()
    libraries: tuple[str, ...] = ("pandas",)
    validation: tuple[str, ...] = ()  # prefixes of the finding keys that validate it


MEASURES = (
    Measure(
        "Cleaning and corpus size",
        ("corpus.",),
        (provenance.removals_by_reason,),
        "Characters removed as a share of each raw file, by reason; words and paragraphs of "
        "each cleaned body",
        lexicons=("boilerplate.yml",),
        libraries=("pandas", "jusText"),
    ),
    Measure(
        "Quotations, speakers and sources",
        ("sources.",),
        (sources.quotes_by_speaker, sources.quotes_by_side, quote_accuracy.accuracy_table),
        "Share of each outlet's quoted words by speaker, side and type of voice; shares of "
        "anonymous attributions and of reporting verbs; the finder's accuracy with Wilson 95% "
        "intervals",
        lexicons=("actors.yml", "cues.yml", "speakers.yml", "references.yml"),
        validation=(
            "sources.accuracy.untouched.",
            "sources.accuracy.attribution",
            "validation.speakers.agreement",
        ),
    ),
    Measure(
        "Distinctive words and keyness",
        (
            "vocabulary.log_odds_z.",
            "vocabulary.keyness.",
            "vocabulary.tokens.",
            "vocabulary.types.",
        ),
        (vocab.distinctive_terms, vocab.keyness_by_group),
        "Log-odds ratio with an informative Dirichlet prior, as z (Monroe, Colaresi & Quinn "
        "2008); signed log-likelihood G² with Benjamini–Hochberg q",
        libraries=("scikit-learn", "scipy"),
    ),
    Measure(
        "Similarity and shared vocabulary",
        ("vocabulary.similarity.", "vocabulary.overlap."),
        (vocab.similarity, vocab.vocabulary_overlap),
        "TF-IDF cosine similarity of article pairs; counts of content words shared by all, some "
        "or one group",
        libraries=("scikit-learn",),
    ),
    Measure(
        "Naming choices",
        ("vocabulary.naming.",),
        (vocab.naming_choices,),
        "Uses of each listed variant per group, as counts and shares of the concept",
        lexicons=("naming.csv",),
    ),
    Measure(
        "Sentiment",
        ("tone.compound.", "tone.vader."),
        (tone.sentence_sentiment, tone.sentiment_by_voice),
        "Mean VADER compound per sentence, by outlet and voice, with a seeded percentile "
        "bootstrap interval",
        libraries=("vaderSentiment", "scipy"),
    ),
    Measure(
        "Readability and lexical diversity",
        ("tone.readability.",),
        (tone.readability,),
        "textstat's readability formulas from one count of words, sentences and syllables; "
        "MTLD and MATTR",
        libraries=("textstat",),
    ),
    Measure(
        "Hedges and boosters",
        ("tone.hedge.", "tone.booster."),
        (tone.stance_markers,),
        "Matches per 1,000 words with exact Poisson 95% intervals",
        lexicons=("hedges.yml", "boosters.yml"),
        libraries=("scipy",),
    ),
    Measure(
        "Escalation language",
        ("tone.escalation.", "tone.de-escalation."),
        (tone.escalation_language,),
        "Matches per 1,000 words with exact Poisson 95% intervals",
        lexicons=("escalation.yml",),
        libraries=("scipy",),
    ),
    Measure(
        "Attribution verbs",
        ("tone.cues.",),
        (tone.attribution_verbs,),
        "Share of each reporting-verb group, over quotations and over every verb form in the text",
        lexicons=("cues.yml",),
    ),
    Measure(
        "Frames and emphasis",
        (
            "emphasis.frames.",
            "emphasis.generic.",
            "emphasis.index.",
            "emphasis.headline.",
            "emphasis.opening_frames.",
        ),
        (emphasis.frame_shares, emphasis.emphasis_index),
        "Share of body sentences carrying each frame with Wilson 95% intervals; the "
        "inverted-pyramid emphasis index E and front-loading E / W",
        lexicons=("frames.yml",),
        validation=("validation.frames.alpha.all", "validation.frames.precision.all"),
    ),
    Measure(
        "Facts and numbers",
        ("emphasis.facts.", "emphasis.numbers."),
        (emphasis.fact_coverage, emphasis.compare_quantities),
        "Facts reported per article and where; values of each listed quantity and whether they "
        "differ",
        lexicons=("facts.yml",),
    ),
    Measure(
        "Topics without a dictionary",
        ("emphasis.topics.",),
        (inductive.topic_stability, inductive.frame_overlap),
        "NMF topics over TF-IDF sentence counts; k chosen by subsample stability (Greene, "
        "O'Callaghan & Cunningham 2014); overlap with the dictionary's two commonest frames",
        libraries=("scikit-learn", "scipy"),
        validation=("emphasis.topics.overlap.",),
    ),
    Measure(
        "Reuse and versions",
        ("reuse.",),
        (reuse.align_sentences, reuse.reuse_by_article, reuse.compare_versions),
        "Difflib ratio of sentence pairs proposed by a TF-IDF (or MinHash-LSH) search; share of "
        "each article's words in closely matching sentences; sentences kept, rewritten, removed "
        "and added between versions",
        lexicons=("reuse.yml",),
        libraries=("scikit-learn", "datasketch"),
    ),
    Measure(
        "Validation against hand codes",
        ("validation.",),
        (validation.frame_agreement, validation.speaker_agreement),
        "Krippendorff's alpha (nominal; the krippendorff library) between a coder and the tool, "
        "and between two coders where both coded; the tagger's precision and recall against the "
        "coder with Wilson 95% intervals, on a sample stratified by outlet and by the tool's "
        "output",
        libraries=("krippendorff", "pandas"),
    ),
)


def what_it_counts(function: Callable) -> str:
    """The first paragraph of ``function``'s docstring, with where it lives."""
    return f"`{function.__module__}.{function.__name__}`: {doc_summary(function)}"


def lexicon_sources(name: str) -> str:
    """The ``source`` of lexicon ``name``: the file's own, or each entry's (distinct, in order)."""
    data = read_lexicon(name=name)
    if isinstance(data, pd.DataFrame):
        found = list(dict.fromkeys(data["source"].str.strip()))
    elif unsourced_entries({"source": data.get("source")}) == []:
        found = [str(data["source"])]
    else:
        entries = [e for k, e in data.items() if k != "lists" and isinstance(e, dict)]
        entries += [e for e in data.get("lists", []) if isinstance(e, dict)]
        found = list(dict.fromkeys(str(e["source"]) for e in entries if e.get("source")))
    return "; ".join(" ".join(s.split()) for s in found)


def _lexicon_line(name: str) -> str:
    if name in STORY_LEXICONS and story_lexicon(name) is None:
        return f"`{name}`: none in this corpus's lexicons (the method without it ran instead)"
    return f"`{paths.shown(lexicon_path(None, name))}` (source: {lexicon_sources(name)})"


def _findings_under(findings: pd.DataFrame, prefixes: tuple[str, ...]) -> pd.DataFrame:
    return findings[findings["key"].str.startswith(prefixes)]


def paragraph(measure: Measure, findings: pd.DataFrame) -> str:
    """The note's section on ``measure``."""
    recorded = _findings_under(findings, measure.keys)
    keys = ", ".join(f"`{k}*`" for k in measure.keys)
    parts = [f"**What it counts.** {' '.join(what_it_counts(f) for f in measure.code)}"]
    lexicons = "; ".join(_lexicon_line(n) for n in measure.lexicons) or "none"
    parts.append(f"**Lexicons.** {lexicons}.")
    libraries = ", ".join(f"{lib} {version(lib)}" for lib in measure.libraries)
    parts.append(f"**Libraries.** {libraries}.")
    parts.append(f"**Statistic.** {measure.statistic}.")
    checks = _findings_under(findings, measure.validation) if measure.validation else recorded[:0]
    if checks.empty:
        parts.append("**Validation.** None recorded in `findings.csv`.")
    else:
        shown = "; ".join(f"{r.description}: {r.value} (`{r.key}`)" for r in checks.itertuples())
        parts.append(f"**Validation.** {shown}.")
    rows = "1 row" if len(recorded) == 1 else f"{len(recorded)} rows"
    parts.append(f"**Findings.** {rows} of `findings.csv` under {keys}.")
    return f"## {measure.name}\n\n" + " ".join(parts) + "\n"


def methods_text(findings: pd.DataFrame) -> str:
    """The whole note, from ``findings`` (a findings table) and the code."""
    head = (
        "# Methods\n\n"
        "Written by `make figures` (`analysis.methods`) from the code, the lexicon files, the "
        "installed libraries and `findings.csv`; do not edit by hand. One section per measure: "
        "what it counts (the docstring of the function that computes it), the lexicons it reads "
        "and the source each names, the libraries and versions, the statistic, the validation "
        "figure where one is recorded, and how many findings it wrote.\n"
    )
    sections = [
        paragraph(m, findings) for m in MEASURES if not _findings_under(findings, m.keys).empty
    ]
    return head + "\n" + "\n".join(sections)


def write_methods(out_dir: str | Path | None = None) -> Path:
    """Write ``METHODS.md`` beside ``findings.csv`` in ``out_dir`` (default: the figures
    folder) and return its path."""
    out = Path(out_dir) if out_dir is not None else paths.figures_dir()
    findings = read_findings(out / "findings.csv")
    target = out / FILENAME
    target.write_text(methods_text(findings), encoding="utf-8")
    return target
