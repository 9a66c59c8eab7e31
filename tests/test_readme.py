"""The README's headline table: every number with its N and interval, never in-sample alone."""

from __future__ import annotations

import pandas as pd
import pytest

from analysis.readme import interval, render_findings, sample_size

ROWS = [
    ("tone.compound.writer.mt", "-0.2251", "VADER compound", "Mean compound: MT writer (N = 8)"),
    ("tone.compound.writer.mt.ci_low", "-0.506", "VADER compound", "Lower bound"),
    ("tone.compound.writer.mt.ci_high", "0.07087", "VADER compound", "Upper bound"),
    ("tone.compound.writer.mt.n", "8", "sentences", "Sentences scored"),
    (
        "acc.attribution",
        "1",
        "share",
        "100 of 100 right (Wilson 95% interval 0.963-1.000); in-sample",
    ),
    (
        "acc.untouched.found",
        "0.975",
        "share",
        "117 of 120 (Wilson 95% interval 0.929-0.991); held out",
    ),
    ("frames.share", "0.29", "share", "sentences with a cue, 11 of 38 (95% Wilson 17%-45%)"),
    ("corpus.articles", "5", "articles", "Articles in the corpus"),
    ("words.west.independent", "0.665", "share", "West share (274 of 412 quoted words)"),
    ("words.west.independent.reused_dropped", "0.6704", "share", "West share, copy left out"),
]


@pytest.fixture
def findings():
    return pd.DataFrame(ROWS, columns=["key", "value", "unit", "description"])


@pytest.mark.parametrize(
    ("key", "n", "ci"),
    [
        ("tone.compound.writer.mt", "8 sentences", "-0.506 to 0.07087"),  # from the companions
        ("acc.untouched.found", "120", "0.929 to 0.991"),  # from the description
        ("frames.share", "38", "17% to 45%"),
        ("corpus.articles", "", ""),  # a count: no N, no interval
    ],
)
def test_sample_size_and_interval(findings, key, n, ci):
    table = findings.set_index("key")
    assert (sample_size(key, table), interval(key, table)) == (n, ci)


def test_rows_show_n_and_interval(findings):
    lines = render_findings(["tone.compound.writer.mt", "corpus.articles"], findings).splitlines()
    assert lines[0] == "| finding | value | N | 95% interval | key |"
    assert lines[2] == (
        "| Mean compound: MT writer (N = 8) | -0.2251 VADER compound | 8 sentences "
        "| -0.506 to 0.07087 | `tone.compound.writer.mt` |"
    )
    assert lines[3] == "| Articles in the corpus | 5 articles | — | — | `corpus.articles` |"


def test_a_number_that_changes_without_wire_copy_shows_both(findings):
    line = render_findings(["words.west.independent"], findings).splitlines()[-1]
    assert "| 0.665 share; 0.6704 without the wire copy | 412 |" in line


def test_in_sample_accuracy_needs_the_held_out_figure(findings):
    with pytest.raises(ValueError, match="held-out"):
        render_findings(["acc.attribution"], findings)
    assert "acc.untouched.found" in render_findings(
        ["acc.attribution", "acc.untouched.found"], findings
    )
