"""Citable numbers: every figure a write-up may quote goes through :func:`record_finding`.

Findings live in ``findings.csv`` beside the figures, one row per ``key`` (stable and readable,
e.g. ``tone.compound.writer.moscow-times``), with ``value``, ``unit``, ``description``,
``notebook`` and ``figure``. Recording a key again replaces its row, and the file is kept sorted
by key, so it is the same whatever order the notebooks run in.
"""

from __future__ import annotations

import math
import re
from numbers import Integral, Real
from pathlib import Path

import pandas as pd

from analysis import paths
from analysis.figures import write_table

FILENAME = "findings.csv"
COLUMNS = ["key", "value", "unit", "description", "notebook", "figure"]
_KEY = re.compile(r"^[a-z0-9][a-z0-9_-]*(\.[a-z0-9][a-z0-9_-]*)+$")


def findings_path(out_dir: str | Path | None = None) -> Path:
    return (Path(out_dir) if out_dir is not None else paths.figures_dir()) / FILENAME


def format_value(value: object) -> str:
    """A value as it is written to the CSV: integers as is, reals to 4 significant digits."""
    if isinstance(value, bool):
        return str(value).lower()
    if isinstance(value, Integral):
        return str(int(value))
    if isinstance(value, Real):
        if math.isnan(float(value)):
            return "nan"
        return f"{float(value):.4g}"
    return str(value)


def record_finding(
    key: str,
    value: object,
    *,
    unit: str,
    description: str,
    notebook: str,
    figure: str = "",
    out_dir: str | Path | None = None,
) -> object:
    """Record one citable number in ``findings.csv`` and return ``value`` unchanged.

    ``key`` is dotted lower-case (``vocabulary.similarity.ap.independent``); ``figure`` is the slug
    of the figure that shows it, if any.
    """
    if not _KEY.match(key):
        raise ValueError(f"finding key {key!r} must be dotted lower-case, e.g. 'corpus.words.ap'")
    path = findings_path(out_dir)
    table = read_findings(path)
    row = {
        "key": key,
        "value": format_value(value),
        "unit": unit,
        "description": description,
        "notebook": notebook,
        "figure": figure,
    }
    table = pd.concat([table[table["key"] != key], pd.DataFrame([row])], ignore_index=True)
    path.parent.mkdir(parents=True, exist_ok=True)
    write_table(table.sort_values("key", kind="stable"), path)
    return value


def read_findings(path: str | Path | None = None) -> pd.DataFrame:
    """The findings table (empty, with its columns, if nothing was recorded yet)."""
    path = Path(path) if path is not None else findings_path()
    if not path.is_file():
        return pd.DataFrame(columns=COLUMNS)
    return pd.read_csv(path, dtype=str, keep_default_na=False)
