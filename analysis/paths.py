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


def read_yaml(path: str | Path) -> object:
    """The YAML file at ``path`` (a lexicon), parsed safely.

    Every lexicon is read here. libyaml's C parser (shipped in PyYAML's wheels) is about ten times
    faster than the pure-Python one and builds the same objects: only the scanning is in C, the
    safe constructors are PyYAML's own (a test compares the two on every lexicon).
    """
    import yaml

    loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
    with open(path, encoding="utf-8") as handle:
        return yaml.load(handle, Loader=loader)  # a safe loader, C or Python
