"""Keep the README's headline-findings table true: it is drawn from findings.csv, never typed.

The README holds a block::

    <!-- findings: corpus.articles tone.compound.writer.ap ... -->
    | finding | value | key |
    ...
    <!-- findings:end -->

The first line names the keys to show; :func:`update_readme` (run by ``make figures``) rewrites
the table under it from ``figures/findings.csv``, and a test fails if the committed README
differs from what it would write.
"""

from __future__ import annotations

import re
from pathlib import Path

import pandas as pd

from analysis import paths
from analysis.findings import read_findings

README = paths.ROOT / "README.md"
_BLOCK = re.compile(
    r"(<!-- findings: (?P<keys>[^>]*?) -->\n)(?P<table>.*?)(<!-- findings:end -->)", re.S
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


def rendered_readme(text: str, findings: pd.DataFrame) -> str:
    """``text`` with its findings block re-drawn from ``findings``."""
    match = _BLOCK.search(text)
    if match is None:
        return text
    table = render_findings(match["keys"].split(), findings)
    return text[: match.start("table")] + table + text[match.end("table") :]


def update_readme(readme: Path = README, findings_csv: Path | None = None) -> bool:
    """Rewrite the README's findings table from findings.csv; return whether it changed."""
    text = readme.read_text(encoding="utf-8")
    new = rendered_readme(text, read_findings(findings_csv))
    if new != text:
        readme.write_text(new, encoding="utf-8")
    return new != text
