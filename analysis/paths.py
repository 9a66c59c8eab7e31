"""Where things live. Every notebook and helper asks here instead of building '../' paths."""

from __future__ import annotations

import os
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SEEDS = ROOT / "seeds"
#: The package's lexicons: word lists that are not about one story (hedges, cues, units, ...).
LEXICONS = Path(__file__).resolve().parent / "lexicons"
#: The seed story's own lexicons (frames, facts, actors, naming, escalation): the seeds' corpus
#: lexicon folder, ``<corpus>/lexicons`` like any other corpus's.
SEED_LEXICONS = SEEDS / "lexicons"
NOTEBOOKS = ROOT / "notebooks"
BUILD = ROOT / "build"


def run_name() -> str | None:
    """The name of an interactive run (``FRAMING_RUN``, which ``make lab`` sets to ``lab``), or
    None for ``make figures``."""
    return os.environ.get("FRAMING_RUN") or None


def figures_dir() -> Path:
    """The folder figures and findings are written to.

    ``FRAMING_FIGURES_DIR`` when it is set (``make figures CORPUS=...`` sets it, so another corpus
    never overwrites the committed figures); else ``build/runs/<name>/figures/`` when
    ``FRAMING_RUN`` names an interactive run (``make lab`` sets ``FRAMING_RUN=lab``: what a
    person runs by hand never writes the committed figures); else ``figures/``, which only
    ``make figures`` writes.
    """
    if os.environ.get("FRAMING_FIGURES_DIR"):
        return Path(os.environ["FRAMING_FIGURES_DIR"])
    name = run_name()
    if name:
        if Path(name).name != name or name in (".", ".."):
            raise ValueError(f"FRAMING_RUN={name!r}: a run name is one folder name, not a path")
        return BUILD / "runs" / name / "figures"
    return ROOT / "figures"


def shown(path: str | Path) -> str:
    """``path`` relative to the project root where it lies inside it (as a reader would type it
    from the root), else as it is."""
    try:
        return Path(path).resolve().relative_to(ROOT).as_posix()
    except ValueError:
        return str(path)


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
