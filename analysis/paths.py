"""Where things live. Every notebook and helper asks here instead of building '../' paths."""

from __future__ import annotations

import os
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SEEDS = ROOT / "seeds"
LEXICONS = Path(__file__).resolve().parent / "lexicons"
NOTEBOOKS = ROOT / "notebooks"
BUILD = ROOT / "build"


def figures_dir() -> Path:
    """The folder figures and findings are written to.

    ``figures/`` for the project's own corpus; ``make figures CORPUS=...`` sets
    ``FRAMING_FIGURES_DIR`` so that another corpus never overwrites the committed figures.
    """
    return Path(os.environ.get("FRAMING_FIGURES_DIR", ROOT / "figures"))
