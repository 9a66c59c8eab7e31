"""figures/METHODS.md is drawn from the code, the lexicons, the installed versions and findings."""

from __future__ import annotations

from importlib.metadata import version

from analysis import methods, paths
from analysis.findings import read_findings

COMMITTED = paths.ROOT / "figures" / methods.FILENAME


def _committed_findings():
    return read_findings(paths.ROOT / "figures" / "findings.csv")


def test_methods_note_is_what_the_code_writes_now():
    """Byte for byte: a changed docstring, lexicon source, version or finding makes it stale."""
    assert COMMITTED.read_text(encoding="utf-8") == methods.methods_text(_committed_findings())


def test_every_finding_belongs_to_a_measure_the_note_names():
    findings = _committed_findings()
    prefixes = tuple(p for m in methods.MEASURES for p in m.keys)
    orphans = sorted(k for k in findings["key"] if not k.startswith(prefixes))
    assert orphans == [], "findings that no measure of analysis.methods covers"
    text = COMMITTED.read_text(encoding="utf-8")
    for measure in methods.MEASURES:
        if findings["key"].str.startswith(measure.keys).any():
            assert f"\n## {measure.name}\n" in text


def test_a_paragraph_names_sources_versions_and_validation_from_their_files():
    findings = read_findings(paths.ROOT / "figures" / "findings.csv")
    measure = next(m for m in methods.MEASURES if m.name == "Topics without a dictionary")
    text = methods.paragraph(measure, findings)
    assert f"scikit-learn {version('scikit-learn')}" in text
    overlap = findings[findings["key"].str.startswith("emphasis.topics.overlap.")].iloc[0]
    assert f"{overlap['value']} (`{overlap['key']}`)" in text
    naming = methods.lexicon_sources("naming.csv")
    source = (paths.SEED_LEXICONS / "naming.csv").read_text(encoding="utf-8")
    assert naming and all(part in source for part in naming.split("; "))


def test_the_note_counts_what_a_function_docstring_says():
    def counted():
        """Words per :func:`thing`, with ``n``.

        Not this paragraph."""

    assert methods.what_it_counts(counted).endswith(": Words per `thing`, with `n`.")
