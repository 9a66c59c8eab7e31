"""The per-article stage over a corpus too large to hold at once: :func:`run_stage`.

A notebook's ``load_corpus`` holds the whole corpus (every paragraph and sentence) in one
process: fine for thousands of articles, not for a hundred thousand. :func:`run_stage` runs the
per-article stage (issue 16) chunk by chunk, so memory grows with the chunk and the outlets, not
the articles:

1. load one chunk of articles (``load_corpus(path, articles=chunk)``: clean, split,
   quotations and voice), then run on it the suite's own per-article measures, unchanged
   (:func:`chunk_tables`): VADER per sentence, readability per article, hedge, booster and
   escalation matches, term counts, frame and fact tags per text unit;
2. write the chunk's article-level tables as Parquet, one file per chunk and table
   (``<folder>/<table>/part-NNNNN.parquet``), to be read back by table, columns or outlets
   (:meth:`StageResult.read`);
3. add the chunk into the outlet-level totals (:func:`outlet_totals`, :func:`add_totals`) and
   drop it.

The totals are exact: counts are integers and sums of floats are kept as
:class:`fractions.Fraction` until the end (:func:`finish`), so any chunking, any number of
workers and a cluster give the same bits as one pass over the whole corpus (a test checks). The
per-article results are cached by content as everywhere else (:mod:`analysis.article_store`,
:mod:`analysis.stage`), so a rerun or a grown corpus computes only the new articles.
"""

from __future__ import annotations

import hashlib
import shutil
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from fractions import Fraction
from pathlib import Path

import numpy as np
import pandas as pd

from analysis import corpus as corpus_module
from analysis import emphasis, lexicon, parallel, paths, stage, tone, vocabulary
from analysis.text import WORD_PATTERN

#: Articles loaded and measured at once: bounds the memory (about 1 GB at 2,000 synthetic
#: articles of 600 words, workers included).
CHUNK_ARTICLES = 2_000
#: The lexicons of the stance and escalation markers.
MARKER_LEXICONS = ("hedges", "boosters", "escalation")
#: The article-level tables written per chunk.
ARTICLE_TABLES = ("articles", "sentiment", "readability", "markers", "units")

#: Totals: table -> group key -> column -> int or Fraction.
Totals = dict[str, dict[tuple, dict[str, object]]]


@dataclass(frozen=True)
class StageResult:
    """What :func:`run_stage` returns: ``tables``, the outlet-level tables (see :func:`finish`),
    and ``folder``, where the article-level tables are (:meth:`read`)."""

    tables: dict[str, pd.DataFrame]
    folder: Path
    articles: int

    def read(
        self,
        table: str,
        *,
        columns: Sequence[str] | None = None,
        outlets: Iterable[str] | None = None,
    ) -> pd.DataFrame:
        """An article-level table (one of :data:`ARTICLE_TABLES`), in corpus order, only the
        ``columns`` and the ``outlets`` asked for: only those are read from disk."""
        filters = [("outlet", "in", sorted(outlets))] if outlets is not None else None
        parts = sorted((self.folder / table).glob("part-*.parquet"))
        frames = [pd.read_parquet(p, columns=columns, filters=filters) for p in parts]
        return pd.concat(frames, ignore_index=True)


def run_stage(
    corpus_dir: str | Path,
    *,
    chunk_articles: int = CHUNK_ARTICLES,
    folder: str | Path | None = None,
    workers: int | None = None,
    scheduler: object = None,
    on_chunk: Callable[[int, int], None] | None = None,
    **load_options: object,
) -> StageResult:
    """The per-article stage of the corpus at ``corpus_dir``, ``chunk_articles`` at a time.

    ``folder`` receives the article-level tables (default ``build/stage/<corpus>-<hash of its
    path>``; emptied first). ``workers`` and ``scheduler`` are :func:`analysis.load_corpus`'s:
    each chunk's work runs on all local cores or on a Dask cluster. ``on_chunk(done, total)`` is
    called after each chunk (articles done so far, all articles); a progress bar shows the
    chunks. ``load_options`` go to :func:`analysis.load_corpus` (``allow_unlisted``,
    ``columns``, ``outlet_from``, ``lexicons``).
    """
    corpus_dir = Path(corpus_dir)
    lexicon.use_story_lexicons(lexicon.story_folder(corpus_dir, load_options.pop("lexicons", None)))
    ids = corpus_module.list_articles(corpus_dir, **load_options)
    folder = Path(folder) if folder is not None else default_folder(corpus_dir)
    shutil.rmtree(folder, ignore_errors=True)
    chunks = [ids[i : i + chunk_articles] for i in range(0, len(ids), chunk_articles)]
    totals: Totals = {}
    with parallel.using(scheduler), _progress(len(ids)) as bar:
        for number, chunk in enumerate(chunks):
            corpus = corpus_module.load_corpus(
                corpus_dir,
                articles=chunk,
                label_figures=False,
                workers=workers,
                scheduler=scheduler,
                **load_options,
            )
            tables = chunk_tables(corpus, workers=workers)
            write_partition(folder, number, tables)
            totals = add_totals(totals, outlet_totals(tables))
            del corpus, tables
            bar.update(len(chunk))
            if on_chunk is not None:
                on_chunk(bar.n, len(ids))
    return StageResult(tables=finish(totals), folder=folder, articles=len(ids))


def default_folder(corpus_dir: Path) -> Path:
    """``build/stage/<folder name>-<first 10 hex digits of the sha256 of its full path>``."""
    digest = hashlib.sha256(str(corpus_dir.resolve()).encode()).hexdigest()[:10]
    return paths.BUILD / "stage" / f"{corpus_dir.name}-{digest}"


def _progress(total: int):
    from tqdm.auto import tqdm

    return tqdm(
        total=total, desc="per-article stage", unit="article", delay=parallel.PROGRESS_AFTER
    )


def chunk_tables(corpus, *, workers: int | None = None) -> dict[str, object]:
    """The per-article stage of ``corpus`` (a chunk, or a whole corpus), by the suite's own
    functions: the article-level tables of :data:`ARTICLE_TABLES` and ``terms``, the outlet x
    term counts of :func:`analysis.vocabulary.count_matrix` (canonical articles)."""
    return {
        "articles": corpus.articles,
        "sentiment": tone.sentence_sentiment(corpus, workers=workers),
        "readability": tone.readability(corpus, workers=workers),
        "markers": tone.marker_matches(corpus, MARKER_LEXICONS),
        "units": stage.per_article(unit_tags, corpus, workers=workers),
        "terms": vocabulary.count_matrix(corpus, workers=workers),
    }


def unit_tags(corpus) -> pd.DataFrame:
    """Every text unit of ``corpus`` (:func:`analysis.emphasis.text_units`) with its frame cue
    matches (``frame:<name>``, :func:`~analysis.emphasis.frame_hits`) and the facts it reports
    (``fact:<id>``, :func:`~analysis.emphasis.fact_hits`)."""
    units = emphasis.text_units(corpus)
    facts = emphasis.fact_hits(units, claims=emphasis.numeric_claims(units))
    frames = emphasis.frame_hits(units["text"])
    return pd.concat([units, frames.add_prefix("frame:"), facts.add_prefix("fact:")], axis=1)


def write_partition(folder: Path, number: int, tables: dict[str, object]) -> None:
    """Write a chunk's article-level tables as ``<folder>/<table>/part-<number>.parquet``."""
    for name in ARTICLE_TABLES:
        table = tables[name]
        table = table.astype({c: str for c in table.columns if table[c].dtype == object})
        (folder / name).mkdir(parents=True, exist_ok=True)
        table.to_parquet(folder / name / f"part-{number:05d}.parquet", index=False)


# --------------------------------------------------------------------------- exact totals


def outlet_totals(tables: dict[str, object]) -> Totals:
    """The outlet-level sums of one chunk's :func:`chunk_tables` (integers and Fractions)."""
    totals: Totals = {}
    articles = tables["articles"]
    counts = ["n_paragraphs", "n_sentences", "n_words"]
    totals["outlets"] = _sums(articles.assign(articles=1), ["outlet"], ["articles", *counts])
    sentiment = tables["sentiment"]
    sentiment = sentiment.assign(
        sentences=1,
        words=sentiment["text"].str.count(WORD_PATTERN),
        positive=(sentiment["compound"] >= tone.VADER_POSITIVE).astype(int),
        negative=(sentiment["compound"] <= tone.VADER_NEGATIVE).astype(int),
        compound_sum=sentiment["compound"],
    )
    totals["sentiment"] = _sums(
        sentiment,
        ["outlet", "voice"],
        ["sentences", "words", "positive", "negative"],
        exact=["compound_sum"],
    )
    readability = tables["readability"]
    measures = [c for c in readability.columns if c not in _READABILITY_KEYS]
    totals["readability"] = _sums(
        readability.assign(articles=1, **{f"{m}:n": readability[m].notna() for m in measures}),
        ["outlet", "scope"],
        ["articles", "n_words", "n_sentences", *[f"{m}:n" for m in measures]],
        exact=measures,
    )
    markers = tables["markers"].assign(count=1)
    totals["markers"] = _sums(markers, ["outlet", "voice", "category"], ["count"])
    totals["marker_terms"] = _sums(markers, ["outlet", "voice", "category", "term"], ["count"])
    units = tables["units"]
    frames = [c for c in units.columns if c.startswith("frame:")]
    totals["frames"] = _sums(
        units.assign(units=1), ["outlet", "zone"], ["units", "n_words", *frames]
    )
    facts = [c for c in units.columns if c.startswith("fact:")]
    reported = units.groupby(["outlet", "article_id"], sort=False)[facts].any().reset_index()
    totals["facts"] = _sums(reported.assign(articles=1), ["outlet"], ["articles", *facts])
    totals["terms"] = _term_sums(*tables["terms"])
    return totals


_READABILITY_KEYS = ("article_id", "outlet", "scope", "n_words", "n_sentences")


def _sums(
    table: pd.DataFrame, by: list[str], counts: list[str], *, exact: Sequence[str] = ()
) -> dict[tuple, dict[str, object]]:
    """Per group of ``by``: the sum of each of ``counts`` (as int) and of each of ``exact`` (as
    a Fraction, NaN left out: a float sum would depend on the order of the additions)."""
    grouped = table.groupby(by, sort=False, dropna=False)
    ints = grouped[counts].sum().astype("int64")
    out: dict[tuple, dict[str, object]] = {}
    for key, values in zip(ints.index, ints.to_dict("records"), strict=True):
        out[_key(key)] = {c: int(v) for c, v in values.items()}
    for key, rows in grouped.indices.items():
        row = out[_key(key)]
        for column in exact:
            kept = table[column].to_numpy(dtype=float)[rows]
            row[column] = sum(map(Fraction, kept[~np.isnan(kept)].tolist()), Fraction(0))
    return out


def _key(key: object) -> tuple[str, ...]:
    """A group key as a tuple of texts (a missing value as "nan")."""
    return tuple(str(k) for k in (key if isinstance(key, tuple) else (key,)))


def _term_sums(counts, outlets: list[str], terms: list[str]) -> dict[tuple, dict[str, object]]:
    """``{(outlet, term): {"count": n}}`` from a sparse outlet x term matrix (zeros left out)."""
    coo = counts.tocoo()
    return {
        (str(outlets[i]), str(terms[j])): {"count": int(n)}
        for i, j, n in zip(coo.row, coo.col, coo.data, strict=True)
        if n
    }


def add_totals(a: Totals, b: Totals) -> Totals:
    """Two chunks' totals added group by group, column by column (exact: ints and Fractions)."""
    out: Totals = {
        name: {key: dict(values) for key, values in groups.items()} for name, groups in a.items()
    }
    for name, groups in b.items():
        table = out.setdefault(name, {})
        for key, values in groups.items():
            row = table.setdefault(key, {})
            for column, value in values.items():
                row[column] = row.get(column, 0) + value
    return out


def finish(totals: Totals) -> dict[str, pd.DataFrame]:
    """The outlet-level tables, groups sorted, Fractions turned into floats once:

    - ``outlets``: articles, paragraphs, sentences and words per outlet;
    - ``sentiment``: per outlet and voice, sentences, words, VADER positive and negative ones
      and the mean compound score;
    - ``readability``: per outlet and scope, articles, summed ``n_words``/``n_sentences`` and the
      mean of each measure over the articles that have it (as
      :func:`analysis.tone.readability_by_outlet`);
    - ``markers``: per outlet, voice and category, the matches, the words of those sentences,
      the rate per 1,000 words and its exact Poisson interval
      (:func:`analysis.tone.poisson_interval`); ``marker_terms``: per matched term;
    - ``frames``: per outlet and zone, text units, words and each frame's cue matches;
    - ``facts``: per outlet, articles and those reporting each fact;
    - ``terms``: per outlet and term, its count (canonical articles, as
      :func:`analysis.vocabulary.count_matrix`).
    """
    keys = {
        "outlets": ["outlet"],
        "sentiment": ["outlet", "voice"],
        "readability": ["outlet", "scope"],
        "markers": ["outlet", "voice", "category"],
        "marker_terms": ["outlet", "voice", "category", "term"],
        "frames": ["outlet", "zone"],
        "facts": ["outlet"],
        "terms": ["outlet", "term"],
    }
    tables = {name: _frame(totals.get(name, {}), by) for name, by in keys.items()}
    tables["sentiment"] = _means(tables["sentiment"], {"compound_sum": "sentences"}, "compound")
    measures = [c[:-2] for c in tables["readability"].columns if c.endswith(":n")]
    tables["readability"] = _means(
        tables["readability"], {m: f"{m}:n" for m in measures}, None
    ).drop(columns=[f"{m}:n" for m in measures])
    tables["markers"] = _with_rates(tables["markers"], tables["sentiment"])
    return tables


def _frame(groups: dict[tuple, dict[str, object]], by: list[str]) -> pd.DataFrame:
    """Totals as a table: one row per group (sorted), the key columns then the sums."""
    rows = [dict(zip(by, key, strict=True), **values) for key, values in sorted(groups.items())]
    return pd.DataFrame(rows, columns=by if not rows else None).reset_index(drop=True)


def _means(table: pd.DataFrame, sums: dict[str, str], rename: str | None) -> pd.DataFrame:
    """Each Fraction column of ``sums`` divided by its count column, as a float (NaN for 0)."""
    table = table.copy()
    for column, count in sums.items():
        table[column] = [
            float(total / n) if n else float("nan")
            for total, n in zip(table[column], table[count], strict=True)
        ]
    return table.rename(columns={next(iter(sums)): rename}) if rename else table


def _with_rates(markers: pd.DataFrame, sentiment: pd.DataFrame) -> pd.DataFrame:
    """Marker counts with the words of their outlet and voice, per 1,000 words, and interval."""
    words = sentiment.set_index(["outlet", "voice"])["words"]
    markers = markers.copy()
    markers["words"] = words.reindex(
        pd.MultiIndex.from_frame(markers[["outlet", "voice"]])
    ).to_numpy()
    low, high = tone.poisson_interval(markers["count"])
    scale = 1000 / markers["words"]
    return markers.assign(
        per_1000=markers["count"] * scale, ci_low=low * scale, ci_high=high * scale
    )
