"""The corpus model: read raw article files and their manifest into tidy tables.

``load_corpus`` reads a folder of ``.txt`` files and its ``articles.csv`` manifest. Each file is
decoded (:mod:`analysis.encoding`), cleaned (:func:`analysis.clean.clean_text`) and split into
paragraphs and sentences. The raw files are never written. Everything the cleaner takes out of a
body is kept in ``Corpus.removed`` with its reason, so the corpus can always be traced back to
the bytes it came from.

Every problem with the input raises :class:`analysis.CorpusError` naming the file and the
problem; nothing is ever half-loaded.
"""

from __future__ import annotations

import hashlib
import json
import os
import warnings
from collections.abc import Iterable, Mapping
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, field, replace
from datetime import datetime
from pathlib import Path

import pandas as pd

from analysis import cache, paths
from analysis.clean import clean_text
from analysis.encoding import decode_bytes
from analysis.errors import CorpusError
from analysis.sentences import split_sentences
from analysis.text import count_words

MANIFEST = "articles.csv"
REQUIRED_COLUMNS = ("article_id", "file", "outlet")
MANIFEST_COLUMNS = (
    "article_id",
    "file",
    "outlet",
    "publisher",
    "story_id",
    "version",
    "canonical",
    "published",
    "url",
    "language",
    "sha256",
)
#: Metadata the text itself may carry; the manifest fills gaps and wins on conflict.
TEXT_METADATA = ("topic", "headline", "standfirst", "byline", "dateline", "url", "credits")
UNKNOWN_OUTLET = "unknown"
#: Below this many files, loading in one process is faster than starting workers.
PARALLEL_THRESHOLD = 200


class CorpusWarning(UserWarning):
    """The text and the manifest disagree; the manifest's value was used."""


@dataclass(frozen=True)
class Corpus:
    """A cleaned corpus as tidy tables, one row per article, paragraph, sentence or removal.

    ``articles``: one row per article, manifest columns plus what the text says
    (headline, standfirst, byline, credits, encoding) and counts.
    ``paragraphs``: ``article_id``, ``paragraph`` (1-based), ``text``.
    ``sentences``: ``article_id``, ``paragraph``, ``sentence`` (1-based within the article),
    ``start``/``end`` (character offsets into the paragraph), ``text``.
    ``removed``: ``article_id``, ``text``, ``reason``, ``position`` (offset in the decoded file).
    ``quotes``: one row per direct quotation with its speaker (see :mod:`analysis.quotes`);
    a loaded corpus always has it, and its ``sentences`` carry ``voice`` and ``quoted_share``.
    """

    articles: pd.DataFrame
    paragraphs: pd.DataFrame
    sentences: pd.DataFrame
    removed: pd.DataFrame
    quotes: pd.DataFrame | None = None
    source: str = field(default="")

    @property
    def article_ids(self) -> list[str]:
        return self.articles["article_id"].tolist()

    def subset(self, article_ids: Iterable[str]) -> Corpus:
        """The same corpus restricted to ``article_ids`` (in the corpus's own order)."""
        keep = set(article_ids)
        unknown = keep - set(self.article_ids)
        if unknown:
            raise CorpusError(f"{self.source or 'corpus'}: unknown article_id(s) {sorted(unknown)}")
        return replace(
            self,
            **{
                name: table[table["article_id"].isin(keep)].reset_index(drop=True)
                for name, table in self.tables().items()
            },
        )

    def canonical(self) -> Corpus:
        """One article per outlet: the versions the manifest marks ``canonical``.

        Used for every cross-outlet comparison, so that an outlet with two versions of a story
        (the FT here) does not count twice.
        """
        return self.subset(self.articles.loc[self.articles["canonical"], "article_id"])

    def tables(self) -> dict[str, pd.DataFrame]:
        """The tables by name (``articles``, ``paragraphs``, ``sentences``, ``removed``, and
        ``quotes`` once quotations have been found)."""
        tables = {
            "articles": self.articles,
            "paragraphs": self.paragraphs,
            "sentences": self.sentences,
            "removed": self.removed,
        }
        if self.quotes is not None:
            tables["quotes"] = self.quotes
        return tables

    def with_tables(self, **tables: pd.DataFrame) -> Corpus:
        """A copy with some tables replaced (e.g. ``sentences`` with extra columns)."""
        return replace(self, **tables)


# --------------------------------------------------------------------------- one article


def read_article(path: str | os.PathLike, **metadata: object) -> Corpus:
    """Read and clean one article file; return a one-article :class:`Corpus`.

    ``metadata`` supplies manifest fields (``article_id``, ``outlet``, ``published``, ...);
    ``article_id`` defaults to the file's stem and ``outlet`` to ``"unknown"``.
    """
    path = Path(path)
    row = {"article_id": path.stem, "file": path.name, "outlet": UNKNOWN_OUTLET, **metadata}
    parts = _read_one(path, _complete_row(row))
    for note in parts["notes"]:
        warnings.warn(note, CorpusWarning, stacklevel=2)
    return annotate(_assemble([parts], source=str(path)))


def annotate(corpus: Corpus) -> Corpus:
    """Add what every analysis needs to a freshly assembled corpus: the quotations with their
    speakers (``corpus.quotes``) and each sentence's ``voice`` and ``quoted_share``."""
    from analysis import quotes

    return quotes.annotate(corpus)


def _complete_row(row: Mapping[str, object]) -> dict[str, object]:
    """A manifest row with every manifest column present (missing ones as empty)."""
    out: dict[str, object] = {col: row.get(col, "") for col in MANIFEST_COLUMNS}
    out.update({k: v for k, v in row.items() if k not in out})
    out["canonical"] = _as_bool(out.get("canonical"), default=True)
    out["version"] = str(out.get("version") or 1)
    out["story_id"] = out.get("story_id") or out["article_id"]
    return out


def _as_bool(value: object, *, default: bool) -> bool:
    if value is None or value == "" or (isinstance(value, float) and pd.isna(value)):
        return default
    if isinstance(value, bool):
        return value
    return str(value).strip().lower() in {"true", "1", "yes", "y"}


def _read_bytes(path: Path) -> bytes:
    try:
        return path.read_bytes()
    except FileNotFoundError:
        raise CorpusError(f"{path}: file not found") from None
    except OSError as exc:
        raise CorpusError(f"{path}: cannot read file ({exc.strerror})") from None


def _read_one(path: Path, row: dict[str, object]) -> dict[str, object]:
    """Decode, check and clean one file. Returns plain Python rows (cheap to pickle)."""
    raw = _read_bytes(path)
    expected = str(row.get("sha256") or "").strip().lower()
    if expected and hashlib.sha256(raw).hexdigest() != expected:
        raise CorpusError(
            f"{path}: sha256 does not match the manifest; the raw file has changed "
            "(raw files are never to be edited: restore it, or update the manifest on purpose)"
        )
    text, encoding = decode_bytes(raw, name=str(path))
    cleaned = clean_text(text)
    if not cleaned.paragraphs:
        raise CorpusError(f"{path}: no article text left after cleaning")

    article_id = str(row["article_id"])
    meta, notes = _merge_metadata(path, row, cleaned.metadata)
    paragraphs = [
        {"article_id": article_id, "paragraph": i, "text": p}
        for i, p in enumerate(cleaned.paragraphs, start=1)
    ]
    sentences = []
    for para in paragraphs:
        for start, end in split_sentences(para["text"]):
            sentences.append(
                {
                    "article_id": article_id,
                    "paragraph": para["paragraph"],
                    "sentence": len(sentences) + 1,
                    "start": start,
                    "end": end,
                    "text": para["text"][start:end],
                }
            )
    removed = [
        {"article_id": article_id, "text": r.text, "reason": r.reason, "position": r.position}
        for r in cleaned.removed
    ]
    article = {
        **meta,
        "encoding": encoding,
        "n_paragraphs": len(paragraphs),
        "n_sentences": len(sentences),
        "n_words": sum(count_words(p["text"]) for p in paragraphs),
        "n_chars_raw": len(text),
        "n_chars_removed": sum(len(r["text"]) for r in removed),
    }
    return {
        "article": article,
        "paragraphs": paragraphs,
        "sentences": sentences,
        "removed": removed,
        "notes": notes,
    }


def _merge_metadata(
    path: Path, row: Mapping[str, object], found: Mapping[str, str]
) -> tuple[dict[str, object], list[str]]:
    """Manifest row + metadata found in the text. The manifest wins.

    Returns the merged metadata and one note per conflict, for the caller to warn with.
    """
    meta: dict[str, object] = dict(row)
    notes = []
    for key in TEXT_METADATA:
        text_value = found.get(key, "")
        manifest_value = str(row.get(key) or "").strip()
        if manifest_value and text_value and manifest_value != text_value:
            notes.append(
                f"{path}: {key} in the text ({text_value!r}) differs from the manifest "
                f"({manifest_value!r}); using the manifest"
            )
        meta[key] = manifest_value or text_value
    dateline = _parse_date(found.get("dateline", ""))
    published = str(row.get("published") or "").strip()
    if published and dateline and dateline != published:
        notes.append(
            f"{path}: dateline {found['dateline']!r} differs from the manifest's published "
            f"{published!r}; using the manifest"
        )
    meta["published"] = published or dateline
    return meta, notes


_DATE_FORMATS = ("%B %d, %Y", "%d %B %Y", "%Y-%m-%d", "%b %d, %Y", "%d %b %Y")


def _parse_date(text: str) -> str:
    """An ISO date from a dateline such as "February 15, 2022", or "" if it is not one."""
    text = text.strip()
    for fmt in _DATE_FORMATS:
        try:
            return datetime.strptime(text, fmt).date().isoformat()
        except ValueError:
            continue
    return ""


# --------------------------------------------------------------------------- a folder


def read_manifest(corpus_dir: Path) -> pd.DataFrame:
    """Read and check ``articles.csv``: required columns, no duplicate ids or files."""
    manifest_path = corpus_dir / MANIFEST
    if not manifest_path.is_file():
        return pd.DataFrame(columns=list(MANIFEST_COLUMNS))
    try:
        manifest = pd.read_csv(manifest_path, dtype=str, keep_default_na=False, encoding="utf-8")
    except (pd.errors.ParserError, pd.errors.EmptyDataError, UnicodeDecodeError) as exc:
        raise CorpusError(f"{manifest_path}: not a readable CSV manifest ({exc})") from None
    missing = [c for c in REQUIRED_COLUMNS if c not in manifest.columns]
    if missing:
        raise CorpusError(f"{manifest_path}: missing column(s) {missing}")
    for column in ("article_id", "file"):
        blank = manifest.index[manifest[column].str.strip() == ""]
        if len(blank):
            rows = [int(i) + 2 for i in blank]
            raise CorpusError(f"{manifest_path}: empty {column} on line(s) {rows}")
        dupes = sorted(manifest.loc[manifest[column].duplicated(), column].unique())
        if dupes:
            raise CorpusError(f"{manifest_path}: duplicate {column}(s) {dupes}")
    return manifest


def load_corpus(
    corpus_dir: str | os.PathLike | None = None,
    *,
    allow_unlisted: bool = False,
    workers: int | None = None,
) -> Corpus:
    """Load every article in ``corpus_dir`` (default: the project's ``seeds/``).

    The manifest ``articles.csv`` lists the files (columns ``article_id``, ``file``,
    ``outlet`` required; see the README for the rest). A ``.txt`` file with no manifest row is an
    error listing all such files, unless ``allow_unlisted=True``, which loads them with outlet
    ``"unknown"``. A manifest row whose file is missing, a duplicate ``article_id`` and any
    unreadable file raise :class:`CorpusError`; nothing is half-loaded.

    Large corpora are cleaned on all local cores (``workers``, default ``os.cpu_count()``);
    the result is the same, in manifest order, whatever the number of workers.
    """
    corpus_dir = Path(corpus_dir) if corpus_dir is not None else paths.SEEDS
    if not corpus_dir.is_dir():
        raise CorpusError(f"{corpus_dir}: corpus folder not found")
    manifest = read_manifest(corpus_dir)
    listed = set(manifest["file"])
    missing = sorted(f for f in listed if not (corpus_dir / f).is_file())
    if missing:
        raise CorpusError(f"{corpus_dir / MANIFEST}: listed file(s) not found: {missing}")
    unlisted = sorted(p.name for p in corpus_dir.glob("*.txt") if p.name not in listed)
    if unlisted and not allow_unlisted:
        raise CorpusError(
            f"{corpus_dir}: {len(unlisted)} file(s) have no row in {MANIFEST}: {unlisted} "
            "(add them to the manifest, or pass allow_unlisted=True to load them with "
            f"outlet {UNKNOWN_OUTLET!r})"
        )
    rows = [_complete_row(r) for r in manifest.to_dict("records")]
    taken = {str(r["article_id"]) for r in rows}
    for name in unlisted:
        article_id = Path(name).stem
        if article_id in taken:
            raise CorpusError(f"{corpus_dir / name}: article_id {article_id!r} is already taken")
        rows.append(
            _complete_row({"article_id": article_id, "file": name, "outlet": UNKNOWN_OUTLET})
        )
    if not rows:
        raise CorpusError(f"{corpus_dir}: no articles (no manifest rows and no .txt files)")

    jobs = [(corpus_dir / str(r["file"]), r) for r in rows]
    key = cache.content_key(
        "corpus",
        [str(corpus_dir).encode()]
        + [json.dumps(row, sort_keys=True, default=str).encode() for _, row in jobs]
        + [_read_bytes(path) for path, _ in jobs],
    )
    corpus, notes = cache.cached(key, lambda: _load(jobs, workers=workers, source=str(corpus_dir)))
    for note in notes:
        warnings.warn(note, CorpusWarning, stacklevel=2)
    global _LAST_LABEL, _LAST_OUTLETS
    _LAST_LABEL = corpus_label(corpus)
    _LAST_OUTLETS = tuple(sorted(set(corpus.articles["outlet"].astype(str))))
    return corpus


#: The label of the corpus :func:`load_corpus` loaded last (a notebook loads one): the source
#: line of every figure the notebook saves.
_LAST_LABEL = ""
#: The outlets of that corpus, sorted: figures give each a distinct colour by its place here.
_LAST_OUTLETS: tuple[str, ...] = ()


def corpus_label(corpus: Corpus) -> str:
    """A short, stable name for ``corpus``: its folder, its number of articles and the first 10
    hex digits of a sha256 over every article's id and raw-file sha256, e.g. ``seeds, 5 articles,
    sha256 1a2b3c4d5e``. The same files give the same label on any machine."""
    articles = corpus.articles.sort_values("article_id", kind="mergesort")
    digest = hashlib.sha256()
    for article_id, sha in zip(articles["article_id"], articles["sha256"], strict=True):
        digest.update(f"{article_id}\t{sha}\n".encode())
    name = Path(corpus.source).name if corpus.source else "corpus"
    n = len(articles)
    return f"{name}, {n} article{'s' if n != 1 else ''}, sha256 {digest.hexdigest()[:10]}"


def last_loaded_outlets() -> tuple[str, ...]:
    """The sorted outlets of the corpus loaded last in this process (empty before any)."""
    return _LAST_OUTLETS


def last_loaded_label() -> str:
    """:func:`corpus_label` of the corpus loaded last in this process ("" before any)."""
    return _LAST_LABEL


def _load(
    jobs: list[tuple[Path, dict[str, object]]], *, workers: int | None, source: str
) -> tuple[Corpus, list[str]]:
    """Clean every file (in parallel when there are many) and assemble the corpus.

    Returns the corpus and the texts of the metadata-conflict warnings, so that a cached load
    warns exactly as a fresh one does.
    """
    workers = workers or os.cpu_count() or 1
    if workers > 1 and len(jobs) >= PARALLEL_THRESHOLD:
        chunksize = max(1, len(jobs) // (workers * 8))
        with ProcessPoolExecutor(max_workers=workers) as pool:
            parts = list(pool.map(_read_one_job, jobs, chunksize=chunksize))
    else:
        parts = [_read_one(path, row) for path, row in jobs]
    notes = [note for part in parts for note in part["notes"]]
    return annotate(_assemble(parts, source=source)), notes


def _read_one_job(job: tuple[Path, dict[str, object]]) -> dict[str, object]:
    return _read_one(*job)


_TABLE_COLUMNS = {
    "paragraphs": ["article_id", "paragraph", "text"],
    "sentences": ["article_id", "paragraph", "sentence", "start", "end", "text"],
    "removed": ["article_id", "text", "reason", "position"],
}
_ARTICLE_COLUMNS = [
    "article_id",
    "file",
    "outlet",
    "publisher",
    "story_id",
    "version",
    "canonical",
    "headline",
    "standfirst",
    "byline",
    "published",
    "url",
    "credits",
    "topic",
    "dateline",
    "language",
    "encoding",
    "n_paragraphs",
    "n_sentences",
    "n_words",
    "n_chars_raw",
    "n_chars_removed",
    "sha256",
]


def _assemble(parts: list[dict[str, object]], *, source: str) -> Corpus:
    """Build the four tables from per-article rows, with stable column order and dtypes."""
    articles = pd.DataFrame([p["article"] for p in parts])
    extra = [c for c in articles.columns if c not in _ARTICLE_COLUMNS]
    articles = articles.reindex(columns=_ARTICLE_COLUMNS + extra)
    articles["canonical"] = articles["canonical"].astype(bool)
    for col in ("n_paragraphs", "n_sentences", "n_words", "n_chars_raw", "n_chars_removed"):
        articles[col] = articles[col].astype("int64")
    tables = {
        name: pd.DataFrame([row for p in parts for row in p[name]], columns=columns)
        for name, columns in _TABLE_COLUMNS.items()
    }
    for name in ("paragraphs", "sentences"):
        tables[name]["paragraph"] = tables[name]["paragraph"].astype("int64")
    return Corpus(articles=articles, source=source, **tables)
