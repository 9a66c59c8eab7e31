"""The per-article stage: measures that look at one article at a time, run per article and kept.

The suite works in two stages (issue 16). The **per-article stage** is every measure whose rows
for an article depend only on that article (its rows in the corpus tables) and the lexicons:
term and marker matches, actor mentions, quotations, sentence scores. The **corpus stage** only
combines the small tables it returns (sums of counts, group statistics per outlet). This module
runs the first stage for any such measure, :func:`per_article`:

- the measure is the existing function, called unchanged on a sub-corpus of some articles
  (``func(corpus.subset(ids), *args)``): there is one definition of each measure, and the stage
  never re-implements it;
- each article's rows are kept as Parquet under the article's **content key**: a sha256 of the
  measure's name and arguments, this package's code and library versions
  (:func:`analysis.cache.content_key`) and every row the article has in the corpus tables
  (its ``article_id`` included, so two copies of one text under different ids are computed
  twice, as on a real corpus: a synthetic corpus of repeated paragraphs gains nothing);
- only the articles not in the store are computed, split over all local cores or a Dask
  cluster (:func:`analysis.parallel.run_chunks`) from :data:`analysis.parallel.MIN_ARTICLES`
  articles on, so a rerun, a second notebook asking for the same table, or a corpus grown by a
  few files computes only what is new;
- the rows come back in corpus order (article by article, each article's rows in the order the
  measure gives them), which is the order the measure gives on the whole corpus when its rows
  are grouped by article, as every measure run here guarantees (a test checks each against a
  direct call).

A corpus too large to hold in one process goes through the same measures chunk by chunk:
:func:`analysis.streaming.run_stage` loads a few thousand articles at a time, calls the measures
(through this store) and keeps only the outlet-level totals in memory.

Store layout: ``build/cache/stage/<measure>/``, one *batch* per computation, two files of the
same name: ``rows/`` (the measure's rows plus ``_key``) and ``keys/`` (every key computed,
written last, so an article with no rows is known to have none). ``FRAMING_CACHE=0`` turns the
store off like every other cache; a full ``make figures`` deletes the batches it did not read
(:func:`analysis.cache.evict_unused`); ``make clean`` removes it all.
"""

from __future__ import annotations

import dataclasses
import hashlib
import os
import re
import uuid
from collections.abc import Callable, Mapping
from pathlib import Path

import numpy as np
import pandas as pd

from analysis import cache, parallel

FOLDER = "stage"
#: The column that carries each stored row's article key.
KEY = "_key"


def store_dir(name: str) -> Path:
    """The folder of one measure's stored rows."""
    return cache.cache_dir() / FOLDER / name


def stores(cache_folder: Path) -> list[tuple[Path, str]]:
    """Every measure's store under ``cache_folder``, with its folder written last (``keys``):
    what :func:`analysis.cache.evict_unused` evicts batch by batch."""
    return [(store, "keys") for store in sorted((cache_folder / FOLDER).glob("*/"))]


def article_keys(corpus, name: str, args: tuple = ()) -> pd.Series:
    """The content key of each article of ``corpus`` for the measure ``name`` with ``args``,
    indexed by ``article_id`` in corpus order: a hash of every row the article has in the corpus
    tables (articles, paragraphs, sentences, removed, quotes), with the measure, its arguments
    and the code fingerprint."""
    ids = corpus.articles["article_id"].astype(str)
    digests = {article_id: hashlib.sha256() for article_id in ids}
    for table_name, table in corpus.tables().items():
        if table.empty:
            continue
        row_hashes = pd.util.hash_pandas_object(table.astype(str), index=False).to_numpy()
        header = f"{table_name}\0{'|'.join(map(str, table.columns))}".encode()
        groups = pd.Series(np.arange(len(table))).groupby(
            table["article_id"].astype(str).to_numpy()
        )
        for article_id, rows in groups.indices.items():
            digest = digests.get(article_id)
            if digest is not None:
                digest.update(header)
                digest.update(row_hashes[rows].tobytes())
    prefix = cache.content_key(f"stage-{name}", [stable_repr(args).encode()])
    return pd.Series([f"{prefix}-{digests[a].hexdigest()[:32]}" for a in ids], index=ids, name=KEY)


def stable_repr(value: object) -> str:
    """A text that is the same for equal arguments in any process: sets sorted, dataclasses and
    mappings field by field, compiled regexes by pattern and flags (``repr`` of a set depends on
    the process's string hashing, so it cannot key a store shared by processes)."""
    if isinstance(value, (set, frozenset)):
        return "{" + ",".join(sorted(stable_repr(v) for v in value)) + "}"
    if isinstance(value, Mapping):
        return "{" + ",".join(f"{stable_repr(k)}:{stable_repr(v)}" for k, v in value.items()) + "}"
    if isinstance(value, (list, tuple)):
        return f"{type(value).__name__}(" + ",".join(stable_repr(v) for v in value) + ")"
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        fields = {f.name: getattr(value, f.name) for f in dataclasses.fields(value)}
        return f"{type(value).__qualname__}{stable_repr(fields)}"
    if isinstance(value, re.Pattern):
        return f"re({value.pattern!r},{value.flags})"
    return repr(value)


def per_article(
    func: Callable[..., pd.DataFrame],
    corpus,
    *args: object,
    name: str | None = None,
    workers: int | None = None,
    scheduler: object = None,
) -> pd.DataFrame:
    """``func(corpus, *args)``, a table with an ``article_id`` column, computed article by article
    where it is not stored yet (see the module docstring) and combined in corpus order.

    ``func`` must be a module-level function (workers import it by name) whose rows for an
    article depend only on that article and ``args``, grouped by article in corpus order.
    """
    name = name or f"{func.__module__.rsplit('.', 1)[-1]}.{func.__name__}".replace("_", "-")
    ids = [str(a) for a in corpus.article_ids]
    if not cache.enabled() or not ids:
        return _compute(func, corpus, ids, args, workers, scheduler)
    keys = article_keys(corpus, name, args)
    stored = _read(name, set(keys))
    missing = [a for a, key in keys.items() if key not in stored.keys]
    if missing:
        fresh = _compute(func, corpus, missing, args, workers, scheduler)
        _write(name, fresh, keys[missing])
        stored = stored.merged(fresh, keys[missing])
    return stored.in_order(keys)


def _compute(func, corpus, ids: list[str], args: tuple, workers, scheduler) -> pd.DataFrame:
    """``func`` on the articles ``ids``, in chunks over the cores or the cluster where many."""
    parts = parallel.n_chunks(
        len(ids), min_items=parallel.MIN_ARTICLES, workers=workers, scheduler=scheduler
    )
    if len(ids) == len(corpus.article_ids):
        chunks = [corpus] if parts == 1 else [corpus.subset(c) for c in parallel.split(ids, parts)]
    else:
        chunks = [corpus.subset(chunk) for chunk in parallel.split(ids, parts)]
    if len(chunks) == 1:
        frames = [func(chunks[0], *args)]
    else:
        frames = parallel.run_chunks(
            _apply, chunks, func, *args, workers=workers, scheduler=scheduler, desc=func.__name__
        )
    frames = [f for f in frames if not f.empty] or frames[:1]
    return pd.concat(frames, ignore_index=True)


def _apply(corpus, func: Callable[..., pd.DataFrame], *args: object) -> pd.DataFrame:
    """``func(corpus, *args)`` in a worker, with any parallel step inside it run in the worker
    itself: the chunks already keep every core busy."""
    with parallel.using("sync"):
        return func(corpus, *args)


class _Stored:
    """The rows found in the store (``rows``, with ``_key``) and every key known computed."""

    def __init__(self, rows: pd.DataFrame | None, keys: set[str]):
        self.rows = rows
        self.keys = keys

    def merged(self, fresh: pd.DataFrame, keys: pd.Series) -> _Stored:
        """These rows with ``fresh`` ones (computed for some of ``keys``) added."""
        fresh = fresh.assign(**{KEY: fresh["article_id"].astype(str).map(keys)})
        rows = fresh if self.rows is None else pd.concat([self.rows, fresh], ignore_index=True)
        return _Stored(rows, self.keys | set(keys))

    def in_order(self, keys: pd.Series) -> pd.DataFrame:
        """The rows of ``keys`` (``article_id`` -> key), article by article in their order."""
        rows = self.rows
        rows = rows[rows[KEY].isin(set(keys))]
        rank = pd.Series(np.arange(len(keys)), index=keys.to_numpy())
        order = np.argsort(rank.reindex(rows[KEY]).to_numpy(), kind="stable")
        return rows.iloc[order].drop(columns=KEY).reset_index(drop=True)


def _write(name: str, rows: pd.DataFrame, keys: pd.Series) -> None:
    """One batch: ``rows`` (each with its article's key) and ``keys``, the keys of every article
    computed (those with no rows included), the keys last."""
    batch = f"{uuid.uuid4().hex}.parquet"
    tables = {
        "rows": rows.assign(**{KEY: rows["article_id"].astype(str).map(keys)}),
        "keys": pd.DataFrame({KEY: keys.to_numpy()}),
    }
    for part in ("rows", "keys"):  # keys last: a key listed there has all its rows
        folder = store_dir(name) / part
        folder.mkdir(parents=True, exist_ok=True)
        tmp = folder / f".{batch}.tmp"
        tables[part].to_parquet(tmp, index=False)
        os.replace(tmp, folder / batch)


def _read(name: str, wanted: set[str]) -> _Stored:
    """The stored rows of the ``wanted`` keys, and which of them are stored."""
    keys_dir = store_dir(name) / "keys"
    if not keys_dir.is_dir():
        return _Stored(None, set())
    found: set[str] = set()
    frames = []
    for path in sorted(keys_dir.glob("*.parquet")):
        try:
            batch_keys = set(pd.read_parquet(path)[KEY])
            mine = (batch_keys & wanted) - found
            if not mine:
                continue
            rows = pd.read_parquet(store_dir(name) / "rows" / path.name)
        except OSError:  # a batch being written by another kernel, or a broken file: skip it
            continue
        cache.mark_used(path)
        frames.append(rows[rows[KEY].isin(mine)])
        found |= mine
    rows = pd.concat(frames, ignore_index=True) if frames else None
    return _Stored(rows, found)
