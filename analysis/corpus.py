"""The corpus model: read raw article files and their manifest into tidy tables.

``load_corpus`` reads a folder of ``.txt`` files and its ``articles.csv`` manifest, or one of
the other input forms of :mod:`analysis.inputs` (a folder tree without a manifest, a table, an
HTML page). Each file is decoded (:mod:`analysis.encoding`), cleaned
(:func:`analysis.clean.clean_text`) and split into paragraphs and sentences. The raw files are never written. Everything the cleaner takes out of a
body is kept in ``Corpus.removed`` with its reason, so the corpus can always be traced back to
the bytes it came from.

Every problem with the input raises :class:`analysis.CorpusError` naming the file and the
problem; nothing is ever half-loaded.
"""

from __future__ import annotations

import hashlib
import json
import os
import re
import warnings
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field, replace
from datetime import datetime
from pathlib import Path

import pandas as pd

from analysis import article_store, cache, inputs, lexicon, parallel, paths
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
#: Metadata kept only where a text has it (a column appears only when some article has it).
EXTRA_METADATA = ("front_matter",)
#: The key a table row's text travels under from the reader to the cleaner.
TEXT_CELL = "text"
UNKNOWN_OUTLET = "unknown"


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
    ``removed``: ``article_id``, ``text``, ``reason``, ``position`` (offset in the decoded file;
    for an HTML page, in the text trafilatura extracted, and for its ``not-extracted`` rows in
    the page's HTML, -1 where the page writes the text with entities).
    ``quotes``: one row per direct quotation with its speaker (see :mod:`analysis.quotes`);
    a loaded corpus always has it, and its ``sentences`` carry ``voice`` and ``quoted_share``.
    """

    articles: pd.DataFrame
    paragraphs: pd.DataFrame
    sentences: pd.DataFrame
    removed: pd.DataFrame
    quotes: pd.DataFrame | None = None
    source: str = field(default="")
    #: The manifest ``load_corpus`` assumed for a folder tree without ``articles.csv`` (None
    #: when a manifest or a table said what the articles are).
    manifest_inferred: pd.DataFrame | None = None

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


def _read_one(path: Path, row: dict[str, object], raw: bytes | None = None) -> dict[str, object]:
    """Decode, check and clean one file, or one table row (``row`` then holds its ``row``
    number and ``raw`` its text; see :func:`analysis.inputs.read_table`). ``raw``: the bytes,
    if already read. An HTML page's article is extracted first
    (:func:`analysis.inputs.extract_html`). Returns plain Python rows (cheap to pickle)."""
    row = dict(row)
    table_row = row.pop("row", None)
    name = f"{path} row {table_row}" if table_row is not None else str(path)
    raw = _read_bytes(path) if raw is None else raw
    expected = str(row.get("sha256") or "").strip().lower()
    if expected and hashlib.sha256(raw).hexdigest() != expected:
        raise CorpusError(
            f"{name}: sha256 does not match the manifest; the raw file has changed "
            "(raw files are never to be edited: restore it, or update the manifest on purpose)"
        )
    text, encoding = decode_bytes(raw, name=name)
    left_out: list[tuple[str, int]] = []
    if inputs.looks_like_html(text):
        body, page_meta, left_out = inputs.extract_html(text, name=name)
        cleaned = clean_text(body, metadata=page_meta)
    else:
        cleaned = clean_text(text)
    if not cleaned.paragraphs:
        raise CorpusError(f"{name}: no article text left after cleaning")

    article_id = str(row["article_id"])
    meta, notes = _merge_metadata(Path(name), row, cleaned.metadata)
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
    ] + [
        {"article_id": article_id, "text": t, "reason": "not-extracted", "position": p}
        for t, p in left_out
    ]
    article = {
        **meta,
        "sha256": expected or hashlib.sha256(raw).hexdigest(),
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
    for key in EXTRA_METADATA:
        if found.get(key):
            meta[key] = found[key]
    if found.get("front_matter"):
        notes.append(
            f"{path}: the front matter is not valid YAML; the body is loaded and the raw "
            "header kept in articles.front_matter"
        )
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


_ISO_DATE = re.compile(r"(\d{4}-\d{2}-\d{2})(?:[T ][\d:.]+(?:Z|[+-]\d{2}:?\d{2})?)?")


def _parse_date(text: str) -> str:
    """An ISO date from a dateline such as "February 15, 2022" or "2022-02-15T10:43:00Z"
    (a front matter's or a page's date), or "" if it is not one."""
    text = text.strip()
    iso = _ISO_DATE.fullmatch(text)
    if iso:
        text = iso.group(1)
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
    scheduler: object = None,
    columns: Mapping[str, str] | None = None,
    outlet_from: inputs.OutletRule = "folder",
    label_figures: bool = True,
    lexicons: str | os.PathLike | None = None,
    articles: Iterable[str] | None = None,
) -> Corpus:
    """Load every article at ``corpus_dir`` (default: the project's ``seeds/``).

    ``lexicons`` names the folder of the corpus's own story lexicons (default: ``lexicons/``
    beside its articles; see :mod:`analysis.lexicon`); it becomes the current one, before the
    quotations are attributed with its ``actors.yml``.

    ``corpus_dir`` is one of:

    - a folder with the manifest ``articles.csv`` listing its files (columns ``article_id``,
      ``file``, ``outlet`` required; see the README for the rest). A ``.txt`` file with no
      manifest row is an error listing all such files, unless ``allow_unlisted=True``, which
      loads them with outlet ``"unknown"``; article files in subfolders the manifest does not
      list are an error;
    - a folder tree without a manifest: every ``.txt``/``.md``/``.html`` file at any depth
      (README/LICENSE files skipped) with its outlet from the first folder level
      (``outlet_from``; see :func:`analysis.inputs.outlet_of`) and its ``article_id`` from the
      relative path. A :class:`CorpusWarning` says so, and ``corpus.manifest_inferred`` holds
      what was assumed;
    - a CSV, JSONL or Parquet file with one article per row (a ``text`` and an ``outlet``
      column; ``columns=`` maps other names, see :func:`analysis.inputs.read_table`);
    - a single article file.

    A file holding YAML front matter gives its fields to the metadata; an HTML page is
    extracted by trafilatura. A manifest row whose file is missing, a duplicate ``article_id``
    and any unreadable file or row raise :class:`CorpusError`; nothing is half-loaded.

    From :data:`analysis.parallel.MIN_ARTICLES` files on, articles are cleaned on all local
    cores (``workers``, default ``os.cpu_count()``) or on a Dask cluster (``scheduler``: an
    address such as ``"tcp://host:8786"`` or a ``dask.distributed.Client``; default the
    ``FRAMING_SCHEDULER`` environment variable); see :mod:`analysis.parallel`. The result is the
    same, in manifest order, whatever runs it.

    Figures saved afterwards name this corpus in their source line and colour its outlets
    (:func:`last_loaded_label`); ``label_figures=False`` loads a corpus on the side (an
    evaluation set) without changing that.

    ``articles`` loads only those article ids (in the corpus's order; :func:`list_articles`
    gives them all): one chunk of a corpus too large to hold at once
    (:func:`analysis.streaming.run_stage`).
    """
    if label_figures or lexicons is not None:  # (an evaluation set keeps the current folder)
        lexicon.use_story_lexicons(lexicon.story_folder(corpus_dir, lexicons))
    corpus_dir = Path(corpus_dir) if corpus_dir is not None else paths.SEEDS
    rows, base, inferred = _corpus_rows(
        corpus_dir, allow_unlisted=allow_unlisted, columns=columns, outlet_from=outlet_from
    )
    if articles is not None:
        rows = _only(rows, articles, source=corpus_dir)
    jobs = [_job(row, corpus_dir=corpus_dir, base=base) for row in rows]
    key = cache.content_key(
        "corpus",
        [str(corpus_dir).encode()]
        + [json.dumps(row, sort_keys=True, default=str).encode() for _, row, _ in jobs]
        + [raw for _, _, raw in jobs],
    )
    corpus, notes = cache.cached(
        key, lambda: _load(jobs, workers=workers, scheduler=scheduler, source=str(corpus_dir))
    )
    if inferred is not None:
        corpus = replace(corpus, manifest_inferred=inferred)
        skipped = inputs.skipped_files(corpus_dir)
        rule = outlet_from if isinstance(outlet_from, str | None) else "a function"
        notes = [
            f"{corpus_dir}: no {MANIFEST}; the manifest was inferred from the folder tree "
            f"({len(inferred)} articles, outlet from {rule}"
            + (f"; skipped as documentation: {', '.join(skipped)}" if skipped else "")
            + "); see corpus.manifest_inferred",
            *notes,
        ]
    for note in notes:
        warnings.warn(note, CorpusWarning, stacklevel=2)
    if label_figures:
        global _LAST_LABEL, _LAST_OUTLETS
        _LAST_LABEL = corpus_label(corpus)
        _LAST_OUTLETS = tuple(sorted(set(corpus.articles["outlet"].astype(str))))
    return corpus


def list_articles(
    corpus_dir: str | os.PathLike,
    *,
    allow_unlisted: bool = False,
    columns: Mapping[str, str] | None = None,
    outlet_from: inputs.OutletRule = "folder",
) -> list[str]:
    """The ids of the articles :func:`load_corpus` would load from ``corpus_dir`` with the same
    options, in its order, without reading or cleaning any article file."""
    rows, _, _ = _corpus_rows(
        Path(corpus_dir), allow_unlisted=allow_unlisted, columns=columns, outlet_from=outlet_from
    )
    return [str(row["article_id"]) for row in rows]


def _corpus_rows(
    corpus_dir: Path,
    *,
    allow_unlisted: bool,
    columns: Mapping[str, str] | None,
    outlet_from: inputs.OutletRule,
) -> tuple[list[dict[str, object]], Path, pd.DataFrame | None]:
    """The manifest rows of ``corpus_dir`` (see :func:`load_corpus`), the folder their files are
    relative to, and the manifest inferred from a folder tree (None when one was given)."""
    if corpus_dir.is_file():
        if corpus_dir.suffix.casefold() in inputs.TABLE_SUFFIXES:
            rows = [_complete_row(r) for r in inputs.read_table(corpus_dir, columns=columns)]
        else:
            rows = [
                _complete_row(
                    {
                        "article_id": corpus_dir.stem,
                        "file": corpus_dir.name,
                        "outlet": UNKNOWN_OUTLET,
                    }
                )
            ]
        return rows, corpus_dir.parent, None
    if corpus_dir.is_dir():
        rows, inferred = _folder_rows(
            corpus_dir, allow_unlisted=allow_unlisted, outlet_from=outlet_from
        )
        return rows, corpus_dir, inferred
    raise CorpusError(f"{corpus_dir}: corpus folder not found")


def _only(rows: list[dict[str, object]], articles: Iterable[str], *, source: Path) -> list[dict]:
    """The ``rows`` whose ``article_id`` is one of ``articles`` (an unknown id is an error)."""
    wanted = {str(a) for a in articles}
    kept = [row for row in rows if str(row["article_id"]) in wanted]
    if len(kept) < len(wanted):
        unknown = sorted(wanted - {str(row["article_id"]) for row in kept})
        raise CorpusError(f"{source}: unknown article_id(s) {unknown[:10]}")
    return kept


def _job(
    row: dict[str, object], *, corpus_dir: Path, base: Path
) -> tuple[Path, dict[str, object], bytes]:
    """One article's job: its path, its manifest row and its raw bytes. The bytes travel with
    the job, so that workers on other machines need no shared disk; a table row's text is its
    bytes."""
    if TEXT_CELL in row:
        row = dict(row)
        return corpus_dir, row, str(row.pop(TEXT_CELL)).encode("utf-8")
    path = base / str(row["file"])
    return path, row, _read_bytes(path)


def _folder_rows(
    corpus_dir: Path, *, allow_unlisted: bool, outlet_from: inputs.OutletRule
) -> tuple[list[dict[str, object]], pd.DataFrame | None]:
    """The manifest rows of a folder: from ``articles.csv``, or inferred from the tree."""
    if not (corpus_dir / MANIFEST).is_file():
        inferred = inputs.infer_manifest(corpus_dir, outlet_from=outlet_from)
        return [_complete_row(r) for r in inferred.to_dict("records")], inferred
    manifest = read_manifest(corpus_dir)
    listed = set(manifest["file"])
    missing = sorted(f for f in listed if not (corpus_dir / f).is_file())
    if missing:
        raise CorpusError(f"{corpus_dir / MANIFEST}: listed file(s) not found: {missing}")
    nested = sorted(
        {
            p.parts[0]
            for p in inputs.article_files(corpus_dir)
            if len(p.parts) > 1 and p.as_posix() not in listed
        }
    )
    if nested:
        raise CorpusError(
            f"{corpus_dir}: has a {MANIFEST} and subfolder(s) {nested} with article files it "
            "does not list (list them in the manifest, or remove the manifest to infer one "
            "from the folder tree)"
        )
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
    return rows, None


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
    return f"{name}, {n:,} article{'s' if n != 1 else ''}, sha256 {digest.hexdigest()[:10]}"


def last_loaded_outlets() -> tuple[str, ...]:
    """The sorted outlets of the corpus loaded last in this process (empty before any)."""
    return _LAST_OUTLETS


def last_loaded_label() -> str:
    """:func:`corpus_label` of the corpus loaded last in this process ("" before any)."""
    return _LAST_LABEL


def _load(
    jobs: list[tuple[Path, dict[str, object], bytes]],
    *,
    workers: int | None,
    scheduler: object = None,
    source: str,
) -> tuple[Corpus, list[str]]:
    """Clean, split and annotate every file (in parallel when there are many) and assemble the
    corpus.

    One map does all the work per article (:func:`_annotated_chunk`), so no core waits at a
    barrier between cleaning and finding quotations. Each article's cleaned tables are kept as
    Parquet under its content hash (:mod:`analysis.article_store`): only new ones are cleaned.
    Returns the corpus and the texts of the metadata-conflict warnings, so that a cached load
    warns exactly as a fresh one does.
    """
    keys = article_store.article_keys(jobs)
    stored = article_store.find(keys)
    results = parallel.map_chunks(
        _annotated_chunk,
        [stored.get(key) or job for key, job in zip(keys, jobs, strict=True)],
        min_items=parallel.MIN_ARTICLES,
        workers=workers,
        scheduler=scheduler,
        sizes=[len(raw) for _, _, raw in jobs],
        desc="clean, split and quote",
    )
    fresh = parallel.flatten([cleaned for cleaned, _, _ in results])
    article_store.keep([key for key in keys if key not in stored], fresh)
    fresh_parts = iter(fresh)
    parts = [stored[key] if key in stored else next(fresh_parts) for key in keys]
    corpus = _assemble(parts, source=source)
    voice = pd.concat([voice for _, _, voice in results], ignore_index=True)
    corpus = replace(
        corpus,
        sentences=pd.concat([corpus.sentences, voice], axis=1),
        quotes=_concat_rows([quotes for _, quotes, _ in results]),
    )
    return corpus, [note for part in parts for note in part["notes"]]


def _annotated_chunk(
    items: list,
) -> tuple[list[dict[str, object]], pd.DataFrame, pd.DataFrame]:
    """The per-article stage of consecutive articles, each a job (path, manifest row, bytes) to
    clean or a part already in the store: the parts cleaned here, the articles' quotations and
    their sentences' ``quoted_share`` and ``voice`` (:func:`annotate`), in article order."""
    jobs = [item for item in items if not isinstance(item, dict)]
    cleaned = _read_chunk(jobs) if jobs else []
    fresh = iter(cleaned)
    parts = [item if isinstance(item, dict) else next(fresh) for item in items]
    with parallel.using("sync"):  # already one task of the map: no map inside it
        annotated = annotate(_assemble(parts, source=""))
    return cleaned, annotated.quotes, annotated.sentences[["quoted_share", "voice"]]


def _read_chunk(jobs: list[tuple[Path, dict[str, object], bytes]]) -> list[dict[str, object]]:
    return [_read_one(path, row, raw) for path, row, raw in jobs]


def _concat_rows(tables: list[pd.DataFrame]) -> pd.DataFrame:
    """The tables one under the other (the empty ones left out unless all are empty)."""
    filled = [table for table in tables if len(table)] or tables[:1]
    return pd.concat(filled, ignore_index=True)


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
