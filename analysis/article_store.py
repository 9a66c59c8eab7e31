"""Per-article results of the corpus stage, kept as Parquet under each article's content hash.

Cleaning and sentence splitting are pure functions of one file's bytes, its manifest row and this
package's code, so each article is keyed by the sha256 of exactly those (:func:`article_keys`, plus
the library versions: :func:`analysis.cache.content_key`); :func:`find` gives back the articles
already seen and :func:`keep` stores the new ones: a rerun, or a corpus that grew by a few
files, cleans only the new ones.

Each load that computed something writes one *batch*: four Parquet files of the same name under
``build/cache/articles/`` (``meta/``, ``paragraphs/``, ``sentences/``, ``removed/``), each row
carrying the article's ``_key``. ``meta`` (the article row and its warnings, as JSON: the
manifest may have any columns) is written last, so a key listed there has all its rows. A batch
is never rewritten; entries for texts no longer in any corpus are simply not read (``make clean``
removes them). ``FRAMING_CACHE=0`` turns this off like every other cache.
"""

from __future__ import annotations

import hashlib
import json
import os
import uuid
from collections.abc import Sequence
from pathlib import Path

from analysis import cache

FOLDER = "articles"
_TABLES = ("paragraphs", "sentences", "removed")


def _schemas():
    import pyarrow as pa

    text, i64 = pa.string(), pa.int64()
    return {
        "meta": pa.schema([("_key", text), ("article", text), ("notes", text)]),
        "paragraphs": pa.schema(
            [
                ("_key", text),
                ("_row", i64),
                ("article_id", text),
                ("paragraph", i64),
                ("text", text),
            ]
        ),
        "sentences": pa.schema(
            [
                ("_key", text),
                ("_row", i64),
                ("article_id", text),
                ("paragraph", i64),
                ("sentence", i64),
                ("start", i64),
                ("end", i64),
                ("text", text),
            ]
        ),
        "removed": pa.schema(
            [
                ("_key", text),
                ("_row", i64),
                ("article_id", text),
                ("text", text),
                ("reason", text),
                ("position", i64),
            ]
        ),
    }


def store_dir() -> Path:
    return cache.cache_dir() / FOLDER


def article_keys(jobs: Sequence[tuple[object, dict[str, object], bytes]]) -> list[str]:
    """The content key of each job (path, manifest row, bytes): a hash of its bytes and its
    manifest row, with this code, these libraries and the story lexicons
    (:func:`analysis.cache.content_key`, taken once for all the articles, as
    :func:`analysis.stage.article_keys` does: its lexicon check costs a few file look-ups)."""
    prefix = cache.content_key("article", [])
    keys = []
    for _, row, raw in jobs:
        digest = hashlib.sha256(prefix.encode())
        digest.update(hashlib.sha256(raw).digest())
        digest.update(
            hashlib.sha256(json.dumps(row, sort_keys=True, default=str).encode()).digest()
        )
        keys.append(f"{prefix}-{digest.hexdigest()[:32]}")
    return keys


def find(keys: Sequence[str]) -> dict[str, dict]:
    """The stored corpus-stage parts (``article``, ``paragraphs``, ``sentences``, ``removed``,
    ``notes``) of those ``keys`` that are in the store, by key (none when caching is off)."""
    return _read(set(keys)) if cache.enabled() else {}


def keep(keys: Sequence[str], parts: Sequence[dict]) -> None:
    """Store freshly computed ``parts`` under their ``keys`` (one batch; nothing when caching is
    off or there is nothing new)."""
    if cache.enabled() and keys:
        _write(list(keys), list(parts))


def _write(keys: list[str], parts: list[dict]) -> None:
    import pyarrow as pa
    import pyarrow.parquet as pq

    schemas = _schemas()
    batch = f"{uuid.uuid4().hex}.parquet"
    tables = {
        name: pa.Table.from_pydict(_columns(keys, parts, name, schemas[name]), schema=schemas[name])
        for name in _TABLES
    }
    tables["meta"] = pa.Table.from_pylist(
        [
            {
                "_key": key,
                "article": json.dumps(part["article"]),
                "notes": json.dumps(part["notes"]),
            }
            for key, part in zip(keys, parts, strict=True)
        ],
        schema=schemas["meta"],
    )
    for name in (*_TABLES, "meta"):  # meta last: a key listed there has all its rows
        folder = store_dir() / name
        folder.mkdir(parents=True, exist_ok=True)
        tmp = folder / f".{batch}.tmp"
        pq.write_table(tables[name], tmp)
        os.replace(tmp, folder / batch)


def _columns(keys: list[str], parts: list[dict], name: str, schema) -> dict[str, list]:
    """The rows of table ``name`` of every part, column by column (``_key``, ``_row``: the
    row's place in its article, then the table's own columns); columns build an Arrow table
    several times faster than rows do."""
    rows = [
        (key, i, row)
        for key, part in zip(keys, parts, strict=True)
        for i, row in enumerate(part[name])
    ]
    columns = {"_key": [key for key, _, _ in rows], "_row": [i for _, i, _ in rows]}
    for column in schema.names[2:]:
        columns[column] = [row[column] for _, _, row in rows]
    return columns


def _read(wanted: set[str]) -> dict[str, dict]:
    """The stored parts of the ``wanted`` keys that are in the store."""
    import pyarrow.parquet as pq

    meta_dir = store_dir() / "meta"
    if not wanted or not meta_dir.is_dir():
        return {}
    found: dict[str, dict] = {}
    for path in sorted(meta_dir.glob("*.parquet")):
        try:
            keys = pq.read_table(path, columns=["_key"]).column("_key").to_pylist()
        except OSError:  # a batch being written by another kernel, or a broken file: skip it
            continue
        mine = (set(keys) & wanted) - found.keys()
        if not mine:
            continue
        try:
            parts = _read_batch(path.name, mine)
        except OSError:
            continue
        found.update(parts)
    return found


def _read_batch(batch: str, keys: set[str]) -> dict[str, dict]:
    import pyarrow.parquet as pq

    parts: dict[str, dict] = {}
    meta = pq.read_table(store_dir() / "meta" / batch, filters=[("_key", "in", sorted(keys))])
    for row in meta.to_pylist():
        parts[row["_key"]] = {
            "article": json.loads(row["article"]),
            "notes": json.loads(row["notes"]),
            **{name: [] for name in _TABLES},
        }
    for name in _TABLES:
        table = pq.read_table(store_dir() / name / batch, filters=[("_key", "in", sorted(keys))])
        for row in sorted(table.to_pylist(), key=lambda r: (r["_key"], r["_row"])):
            key = row.pop("_key")
            del row["_row"]
            parts[key][name].append(row)
    return parts
