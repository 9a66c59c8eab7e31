"""Keep the README's headline-findings table true: it is drawn from findings.csv, never typed.

The README holds a block::

    <!-- findings: corpus.articles tone.compound.writer.ap ... -->
    | finding | value | key |
    ...
    <!-- findings:end -->

The first line names the keys to show; :func:`update_readme` (run by ``make figures``) rewrites
the table under it from ``figures/findings.csv``, and a test fails if the committed README
differs from what it would write.

Its figure gallery is drawn the same way: ``<!-- gallery: 02_words_by_speaker ... -->`` names
the figures, and each is shown with the alt text ``make figures`` recorded for it in
``figures/alt_text.csv`` (the finding its title states, then what it draws).
"""

from __future__ import annotations

import re
from pathlib import Path

import pandas as pd

from analysis import paths
from analysis.findings import read_findings
from analysis.narrative import ALT_TEXT

README = paths.ROOT / "README.md"
_BLOCK = re.compile(
    r"(<!-- findings: (?P<keys>[^>]*?) -->\n)(?P<table>.*?)(<!-- findings:end -->)", re.S
)
_GALLERY = re.compile(
    r"(<!-- gallery: (?P<slugs>[^>]*?) -->\n)(?P<table>.*?)(<!-- gallery:end -->)", re.S
)


#: What a README row gives beside the value: the number it rests on and its interval.
HEADER = [
    "| finding | value | N | 95% interval | key |",
    "|---|---:|---:|---:|---|",
]
_OF = re.compile(r"\b(\d[\d,]*) of (\d[\d,]*)\b")
_N_EQUALS = re.compile(r"\bN = (\d[\d,]*)")
_INTERVAL = re.compile(r"interval (-?[\d.]+%?) ?(?:-|to|–) ?(-?[\d.]+%?)")
_WILSON = re.compile(r"Wilson (-?[\d.]+%?) ?(?:-|to|–) ?(-?[\d.]+%?)")
IN_SAMPLE = "in-sample"
#: Suffix of a finding recomputed without the wire copy (:data:`analysis.reuse.REUSED_DROPPED`).
REUSED_DROPPED = ".reused_dropped"
#: Key part of figures measured on texts whose errors no rule was written from (the untouched
#: set; the first set's "holdout" half has since been studied, so it no longer counts).
HELD_OUT = ".untouched."


def sample_size(key: str, table: pd.DataFrame) -> str:
    """The N a finding rests on: its ``<key>.n`` companion (with its unit), else the "k of n"
    or "N = n" its description states, else "" (a count or a single value has none)."""
    if f"{key}.n" in table.index:
        row = table.loc[f"{key}.n"]
        return f"{row['value']} {row['unit']}".strip()
    description = str(table.loc[key, "description"])
    found = _OF.search(description) or _N_EQUALS.search(description)
    return found.group(found.lastindex) if found else ""


def interval(key: str, table: pd.DataFrame) -> str:
    """A finding's 95% interval: its ``<key>.ci_low`` and ``.ci_high`` companions, else the
    interval its description states ("Wilson 95% interval 0.963-1.000"), else ""."""
    if f"{key}.ci_low" in table.index and f"{key}.ci_high" in table.index:
        return f"{table.loc[f'{key}.ci_low', 'value']} to {table.loc[f'{key}.ci_high', 'value']}"
    description = str(table.loc[key, "description"])
    found = _INTERVAL.search(description) or _WILSON.search(description)
    return f"{found.group(1)} to {found.group(2)}" if found else ""


def render_findings(keys: list[str], findings: pd.DataFrame) -> str:
    """A markdown table of ``keys`` (in that order): description, value with unit (and, where
    the finding has a ``.reused_dropped`` companion, its value without the wire copy), the N it
    rests on (:func:`sample_size`), its 95% interval (:func:`interval`) and key.

    An in-sample figure (its description says "in-sample") is refused unless a held-out
    figure (a key with ``.untouched.``) is in the table too: an accuracy measured on the texts the
    rules were written on says little alone."""
    table = findings.set_index("key")
    missing = [k for k in keys if k not in table.index]
    if missing:
        raise KeyError(f"README names findings that findings.csv does not have: {missing}")
    in_sample = [k for k in keys if IN_SAMPLE in str(table.loc[k, "description"])]
    if in_sample and not any(HELD_OUT in k for k in keys):
        raise ValueError(
            f"in-sample findings {in_sample} need a held-out one ({HELD_OUT}) beside them"
        )
    lines = list(HEADER)
    for key in keys:
        row = table.loc[key]
        value = f"{row['value']} {row['unit']}"
        if key + REUSED_DROPPED in table.index:
            value += f"; {table.loc[key + REUSED_DROPPED, 'value']} without the wire copy"
        cells = [
            str(row["description"]),
            value,
            sample_size(key, table) or "—",
            interval(key, table) or "—",
            f"`{key}`",
        ]
        lines.append("| " + " | ".join(cells) + " |")
    return "\n".join(lines) + "\n"


def render_gallery(slugs: list[str], alt: pd.DataFrame, *, columns: int = 2) -> str:
    """A markdown table of the figures ``slugs``, ``columns`` a row, each image with its alt
    text (from ``alt``: ``slug``, ``alt``) and its slug under it."""
    alt_of = alt.set_index("slug")["alt"]
    missing = [s for s in slugs if s not in alt_of.index]
    if missing:
        raise KeyError(f"README shows figures that alt_text.csv does not have: {missing}")
    cells = [f"![{_escaped(alt_of[s])}](figures/{s}.png) `{s}`" for s in slugs]
    cells += [""] * (-len(cells) % columns)
    lines = ["|" + " |" * columns, "|" + "---|" * columns]
    for start in range(0, len(cells), columns):
        lines.append("| " + " | ".join(cells[start : start + columns]) + " |")
    return "\n".join(lines) + "\n"


def _escaped(alt: str) -> str:
    """Alt text safe inside an image in a table cell: no brackets or bars to end either."""
    return re.sub(r"([\[\]|])", r"\\\1", " ".join(alt.split()))


def rendered_readme(text: str, findings: pd.DataFrame, alt: pd.DataFrame | None = None) -> str:
    """``text`` with its findings block re-drawn from ``findings`` (and, given ``alt``, its
    figure gallery from the alt text)."""
    match = _BLOCK.search(text)
    if match is not None:
        table = render_findings(match["keys"].split(), findings)
        text = text[: match.start("table")] + table + text[match.end("table") :]
    gallery = _GALLERY.search(text) if alt is not None else None
    if gallery is not None:
        table = render_gallery(gallery["slugs"].split(), alt)
        text = text[: gallery.start("table")] + table + text[gallery.end("table") :]
    return text


def read_alt_text(folder: Path | None = None) -> pd.DataFrame:
    """``alt_text.csv`` of the figures folder (``slug``, ``alt``)."""
    path = (folder if folder is not None else paths.figures_dir()) / ALT_TEXT
    return pd.read_csv(path, dtype=str, keep_default_na=False)


def update_readme(readme: Path = README, findings_csv: Path | None = None) -> bool:
    """Rewrite the README's findings table from findings.csv, and its gallery from
    alt_text.csv beside it; return whether it changed."""
    text = readme.read_text(encoding="utf-8")
    folder = findings_csv.parent if findings_csv is not None else None
    new = rendered_readme(text, read_findings(findings_csv), read_alt_text(folder))
    if new != text:
        readme.write_text(new, encoding="utf-8")
    return new != text
