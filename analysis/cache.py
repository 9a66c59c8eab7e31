"""A cache keyed by content: the same inputs and the same code give the same key.

Notebooks all start by loading and cleaning the same corpus. Rather than redo that work in every
kernel, :func:`load_corpus` stores its result under a key made from the bytes of every input file,
the manifest rows, the source of the ``analysis`` package itself (its ``.py`` files and lexicons)
and the versions of the libraries it depends on. A changed article, manifest row, rule, word list
or library gives a new key, so a stale result can never be served: the cache is never trusted
because a file merely exists.

Other steps use it the same way: readability profiles (:func:`analysis.tone.readability`,
keyed by the texts profiled), attributions (:func:`analysis.quotes.find_attributions`, keyed by
the paragraphs and headlines) and plots (:func:`analysis.plots.save_plot`, keyed by the plot
function, its arguments, the palette, the library versions and every rcParam).

The cache lives in ``build/cache/`` (``FRAMING_CACHE_DIR`` overrides it; ``FRAMING_CACHE=0``
switches it off). Entries are pickles written by this package for this package: do not point the
cache folder at files from elsewhere.

Eviction: every read or write of an entry sets its modification time, so a folder's entries say
when each was last used (the per-article stage's Parquet store marks each batch a read used). A full ``make figures`` (:func:`analysis.run.run`) ends with
:func:`evict_unused`, which deletes the entries that run did not use: after an edit, the entries
of the code before it go, and the cache never holds more than one run's worth.
"""

from __future__ import annotations

import contextlib
import functools
import hashlib
import os
import pickle
import re
import tempfile
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import TypeVar

from analysis import lexicon, paths

T = TypeVar("T")
_PACKAGE = Path(__file__).resolve().parent


def enabled() -> bool:
    return os.environ.get("FRAMING_CACHE", "1") != "0"


def cache_dir() -> Path:
    return Path(os.environ.get("FRAMING_CACHE_DIR", paths.BUILD / "cache"))


@functools.cache
def code_fingerprint() -> str:
    """sha256 over the package's source and lexicon files (names and bytes, in sorted order) and
    the installed versions of the libraries it depends on (a new textstat may count differently).
    """
    digest = hashlib.sha256(repr(dependency_versions()).encode())
    files = sorted(p for p in _PACKAGE.rglob("*") if p.suffix in {".py", ".yml", ".yaml", ".csv"})
    for path in files:
        digest.update(str(path.relative_to(_PACKAGE)).encode())
        digest.update(path.read_bytes())
    return digest.hexdigest()


def dependency_versions() -> list[tuple[str, str]]:
    """``(name, installed version)`` of each library the package requires, by name."""
    from importlib import metadata

    try:
        required = metadata.requires("analysis") or []
    except metadata.PackageNotFoundError:  # run from a checkout that was never installed
        return []
    names = sorted(
        {re.split(r"[\s;=<>!~\[]", r, maxsplit=1)[0] for r in required if "extra" not in r}
    )
    versions = []
    for name in names:
        try:
            versions.append((name, metadata.version(name)))
        except metadata.PackageNotFoundError:
            versions.append((name, "missing"))
    return versions


def content_key(kind: str, parts: Iterable[bytes], *, code: bool = True) -> str:
    """A key for ``kind`` from ``parts`` (each hashed in order), the code fingerprint and the
    current corpus's story lexicons (:func:`analysis.lexicon.story_fingerprint`).

    ``code=False`` leaves the package's source out, for a value that the parts determine
    whatever this package's code (a figure's files, from the fingerprint of what it draws).
    """
    code_part = f"{code_fingerprint()}\0{lexicon.story_fingerprint()}" if code else ""
    digest = hashlib.sha256(f"{kind}\0{code_part}".encode())
    for part in parts:
        digest.update(hashlib.sha256(part).digest())
    return f"{kind}-{digest.hexdigest()[:32]}"


def cached(key: str, compute: Callable[[], T]) -> T:
    """Return the value stored under ``key``, or compute, store and return it.

    Writes are atomic (a temporary file renamed into place), so two kernels that compute the same
    key at once both end with a complete entry.
    """
    if not enabled():
        return compute()
    path = cache_dir() / f"{key}.pkl"
    try:
        with path.open("rb") as fh:
            value = pickle.load(fh)
        os.utime(path)  # used now: keeps the entry past evict_unused
        return value
    except (FileNotFoundError, EOFError, pickle.UnpicklingError):
        pass
    value = compute()
    path.parent.mkdir(parents=True, exist_ok=True)
    with tempfile.NamedTemporaryFile(dir=path.parent, delete=False, suffix=".tmp") as fh:
        pickle.dump(value, fh, protocol=pickle.HIGHEST_PROTOCOL)
    os.replace(fh.name, path)
    return value


def evict_unused(since: float, folder: Path | None = None) -> tuple[int, int]:
    """Delete the entries of ``folder`` (the cache folder) not used since ``since`` (a
    ``time.time()``), and any temporary file left by an interrupted write; return how many files
    and bytes were deleted. An entry is used when :func:`cached` reads or writes it. The
    per-article stage's stores (:mod:`analysis.stage`) lose their unused batches the same way
    (:func:`evict_unused_batches`). Not :mod:`analysis.article_store`: a rerun reads the whole
    corpus from its :func:`cached` entry and not the articles' batches, which it would evict
    although a grown corpus still needs them."""
    from analysis import stage  # (it builds on this module)

    folder = cache_dir() if folder is None else folder
    removed, freed = _evict([*folder.glob("*.pkl"), *folder.glob("*.tmp")], since)
    for store, index in stage.stores(folder):
        more, more_bytes = evict_unused_batches(store, index, since)
        removed, freed = removed + more, freed + more_bytes
    return removed, freed


def mark_used(path: Path) -> None:
    """Note that the entry or batch file at ``path`` was used now (:func:`evict_unused` keeps
    it)."""
    with contextlib.suppress(FileNotFoundError):  # evicted by another process meanwhile
        os.utime(path)


def evict_unused_batches(store: Path, index: str, since: float) -> tuple[int, int]:
    """Delete the batches of the Parquet store at ``store`` not used since ``since``: a batch is
    the files of one name in each of the store's folders; its file in ``index`` (the folder
    written last and marked on every read, :func:`mark_used`) says when it was last used, and is
    deleted first, so no batch is ever listed without its rows. Temporary files go too."""
    removed, freed = 0, 0
    for listed in sorted((store / index).glob("*.parquet")):
        try:
            unused = listed.stat().st_mtime < since
        except FileNotFoundError:
            continue
        if unused:
            parts = [listed, *(p / listed.name for p in store.iterdir() if p.name != index)]
            more, more_bytes = _evict(parts, float("inf"))
            removed, freed = removed + more, freed + more_bytes
    more, more_bytes = _evict(list(store.glob("*/.*.tmp")), since)
    return removed + more, freed + more_bytes


def _evict(paths: list[Path], since: float) -> tuple[int, int]:
    """Delete those of ``paths`` last modified before ``since``, in order; how many, how many
    bytes."""
    removed, freed = 0, 0
    for path in paths:
        try:
            stat = path.stat()
            if stat.st_mtime < since:
                path.unlink()
                removed, freed = removed + 1, freed + stat.st_size
        except FileNotFoundError:  # another process removed it first
            continue
    return removed, freed
