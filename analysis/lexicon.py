"""The one way to read a lexicon (a word list kept as data), and where each lexicon lives.

Lexicons are of two kinds. **Story lexicons** (:data:`STORY_LEXICONS`: frames, facts, actors,
naming choices, escalation terms) are written for one story and belong to its corpus: they are
read from the corpus's lexicon folder, ``<corpus>/lexicons/`` by default (the seeds':
``seeds/lexicons/``), which may hold any subset of them. **Package lexicons** (hedges, boosters,
reporting cues, boilerplate, reuse, numbers, speakers) are about no story and live in
``analysis/lexicons/``. A story lexicon is never taken from another corpus's folder: where the
corpus has none, :func:`story_lexicon` answers None and the notebook section that needs it says
so (:func:`absent_note`) and runs a lexicon-free method instead.

:func:`analysis.load_corpus` makes its corpus's lexicon folder the current one
(:func:`use_story_lexicons`; kept in the ``FRAMING_LEXICONS`` environment variable, so worker
processes see it too), and every reader's default (``load_frames()``, ``load_actors()``, ...)
looks there.

Every word list names where it comes from. :func:`read_lexicon` reads a YAML lexicon (with
:func:`analysis.paths.read_yaml`) or a CSV one and refuses a file that does not say its source:

- a YAML lexicon is a mapping whose top-level ``source:`` covers the whole file, or else each
  of whose entries names its own: every top-level mapping has a ``source:`` key, and so does
  every item of a ``lists:`` sequence (hedges, boosters, escalation);
- a CSV lexicon has a ``source`` column, filled in on every row (``naming.csv``).

A missing file raises ``FileNotFoundError`` naming the path; anything else wrong, ``ValueError``
naming the path and the entry.
"""

from __future__ import annotations

import hashlib
import os
from functools import cache
from pathlib import Path

import pandas as pd

from analysis import paths

#: The lexicons written for one story, read from the corpus's lexicon folder, never the package.
STORY_LEXICONS = ("actors.yml", "escalation.yml", "facts.yml", "frames.yml", "naming.csv")
#: The environment variable holding the current story-lexicon folder (set by load_corpus).
LEXICONS_ENV = "FRAMING_LEXICONS"
#: The folder of a corpus that holds its story lexicons.
FOLDER = "lexicons"


def story_folder(
    corpus_dir: str | Path | None = None, lexicons_dir: str | Path | None = None
) -> Path:
    """The story-lexicon folder of a corpus: ``lexicons_dir`` if given, else ``lexicons/`` beside
    the corpus's articles (in the corpus folder; beside a table or article file), else, for the
    default corpus, ``seeds/lexicons/`` (absolute)."""
    if lexicons_dir is not None:
        return Path(lexicons_dir).resolve()
    corpus = Path(corpus_dir) if corpus_dir is not None else paths.SEEDS
    return ((corpus if not corpus.is_file() else corpus.parent) / FOLDER).resolve()


def use_story_lexicons(folder: str | Path | None) -> Path:
    """Make ``folder`` the current story-lexicon folder (None: the seeds'); return it."""
    folder = Path(folder).resolve() if folder is not None else paths.SEED_LEXICONS
    os.environ[LEXICONS_ENV] = str(folder)
    return folder


def story_lexicons() -> Path:
    """The current story-lexicon folder: the last loaded corpus's (see
    :func:`use_story_lexicons`), the seeds' before any."""
    return Path(os.environ.get(LEXICONS_ENV) or paths.SEED_LEXICONS)


def story_lexicon(name: str) -> Path | None:
    """The story lexicon ``name`` (``"frames.yml"``) of the current corpus, or None if its folder
    has none."""
    if name not in STORY_LEXICONS:
        raise ValueError(f"{name}: not a story lexicon (one of {', '.join(STORY_LEXICONS)})")
    path = story_lexicons() / name
    return path if path.is_file() else None


def absent_note(name: str, instead: str) -> str:
    """The one line a notebook shows where the corpus has no story lexicon ``name``: which
    folder lacks it, and what runs ``instead``."""
    return f"No `{name}` in `{paths.shown(story_lexicons())}`: {instead}."


def story_fingerprint() -> str:
    """sha256 over the current story-lexicon folder's path and its lexicons (names and bytes):
    part of every cache key that depends on the code (:func:`analysis.cache.content_key`), so a
    corpus's cached quotations and tables follow its own lexicons."""
    folder = story_lexicons()
    present = tuple(
        (name, path.stat().st_mtime_ns, path.stat().st_size)
        for name in STORY_LEXICONS
        if (path := folder / name).is_file()
    )
    return _fingerprint(folder, present)


@cache
def _fingerprint(folder: Path, present: tuple[tuple[str, int, int], ...]) -> str:
    digest = hashlib.sha256(str(folder).encode())
    for name, _, _ in present:
        digest.update(name.encode() + b"\0" + (folder / name).read_bytes())
    return digest.hexdigest()


def lexicon_path(path: str | Path | None, name: str) -> Path:
    """``path`` if given, else the lexicon ``name``: in the current story-lexicon folder for a
    story lexicon, else in ``analysis/lexicons/`` (absolute)."""
    if path is not None:
        return Path(path).resolve()
    folder = story_lexicons() if name in STORY_LEXICONS else paths.LEXICONS
    return (folder / name).resolve()


def read_lexicon(path: str | Path | None = None, *, name: str | None = None):
    """The lexicon at ``path`` (or the lexicon ``name``, see :func:`lexicon_path`): a dict for
    YAML, a DataFrame of strings for CSV. Read once per path (do not modify what it returns); see
    the module's docstring for the ``source`` rule."""
    if path is None and name is None:
        raise TypeError("read_lexicon needs a path or a name")
    return _read(lexicon_path(path, name or ""))


@cache
def _read(path: Path):
    if not path.is_file():
        raise FileNotFoundError(f"{path}: lexicon not found")
    if path.suffix == ".csv":
        table = pd.read_csv(path, dtype=str, keep_default_na=False, encoding="utf-8")
        if "source" not in table.columns:
            raise ValueError(f"{path}: a CSV lexicon needs a `source` column")
        unsourced = table.index[table["source"].str.strip() == ""]
        if len(unsourced):
            raise ValueError(f"{path}: rows {[i + 2 for i in unsourced]} name no source")
        return table
    data = paths.read_yaml(path)
    if not isinstance(data, dict):
        raise ValueError(f"{path}: a lexicon is a mapping that names its `source:`")
    missing = unsourced_entries(data)
    if missing:
        raise ValueError(
            f"{path}: a lexicon names its `source:` at the top, or in every entry "
            f"(missing in: {', '.join(missing)})"
        )
    return data


def _names_source(entry: object) -> bool:
    return isinstance(entry, dict) and bool(str(entry.get("source") or "").strip())


def unsourced_entries(data: dict) -> list[str]:
    """The entries of a YAML lexicon that name no source (empty when the top level does)."""
    if _names_source(data):
        return []
    entries = {key: entry for key, entry in data.items() if key != "source"}
    if not entries:
        return ["(the whole file)"]
    missing = []
    for key, entry in entries.items():
        if key == "lists" and isinstance(entry, list):
            missing += [f"lists[{i}]" for i, item in enumerate(entry) if not _names_source(item)]
        elif not _names_source(entry):
            missing.append(str(key))
    return missing


def write_lexicon_draft(draft: dict, path: str | Path, *, header: str) -> Path:
    """Write a lexicon ``draft`` (a mapping that :func:`read_lexicon` would accept) as YAML to
    ``path``, ``header`` (comment lines) first: the frames and actors drafts a user edits."""
    import yaml

    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    body = yaml.safe_dump(draft, sort_keys=False, allow_unicode=True, width=100)
    path.write_text(header + "\n" + body, encoding="utf-8", newline="\n")
    return path
