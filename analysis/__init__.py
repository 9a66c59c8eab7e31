"""analysis: the helper package of the media-framing suite.

The notebooks import from here; all logic a second notebook would repeat lives in this package.
Importing ``analysis`` is light: pandas, scikit-learn and the rest load when first used.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING

from analysis.errors import CorpusError

__version__ = "0.1.0"

# name -> module that defines it; imported on first access (PEP 562).
_LAZY = {
    "Corpus": "analysis.corpus",
    "CorpusWarning": "analysis.corpus",
    "load_corpus": "analysis.corpus",
    "read_article": "analysis.corpus",
    "save_figure": "analysis.plots",
    "save_plot": "analysis.plots",
    "record_finding": "analysis.findings",
    "record_findings": "analysis.findings",
    "run_stage": "analysis.streaming",
    "show_table": "analysis.tables",
}

__all__ = [
    "Corpus",
    "CorpusError",
    "CorpusWarning",
    "__version__",
    "load_corpus",
    "read_article",
    "record_finding",
    "record_findings",
    "run_stage",
    "save_figure",
    "save_plot",
    "show_table",
]

if TYPE_CHECKING:  # pragma: no cover
    from analysis.corpus import Corpus, CorpusWarning, load_corpus, read_article
    from analysis.findings import record_finding, record_findings
    from analysis.plots import save_figure, save_plot
    from analysis.streaming import run_stage
    from analysis.tables import show_table


def __getattr__(name: str) -> object:
    try:
        module = _LAZY[name]
    except KeyError:
        raise AttributeError(f"module 'analysis' has no attribute {name!r}") from None
    return getattr(importlib.import_module(module), name)
