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


def render_findings(keys: list[str], findings: pd.DataFrame) -> str:
    """A markdown table of ``keys`` (in that order): description, value with unit, and key."""
    table = findings.set_index("key")
    missing = [k for k in keys if k not in table.index]
    if missing:
        raise KeyError(f"README names findings that findings.csv does not have: {missing}")
    lines = ["| finding | value | key |", "|---|---:|---|"]
    for key in keys:
        row = table.loc[key]
        lines.append(f"| {row['description']} | {row['value']} {row['unit']} | `{key}` |")
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
