"""The one way to read a lexicon (a word list kept as data in ``analysis/lexicons/``).

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

from functools import cache
from pathlib import Path

import pandas as pd

from analysis import paths


def lexicon_path(path: str | Path | None, name: str) -> Path:
    """``path`` if given, else the lexicon ``name`` of ``analysis/lexicons/`` (absolute)."""
    return (Path(path) if path is not None else paths.LEXICONS / name).resolve()


def read_lexicon(path: str | Path | None = None, *, name: str | None = None):
    """The lexicon at ``path`` (or ``analysis/lexicons/<name>``): a dict for YAML, a DataFrame of
    strings for CSV. Read once per path (do not modify what it returns); see the module's
    docstring for the ``source`` rule."""
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
