"""Sentence splitting survives abbreviations, ellipses, decimals and closing quote marks."""

from __future__ import annotations

import pytest

from analysis.sentences import split_sentences


@pytest.mark.parametrize(
    ("paragraph", "expected"),
    [
        (
            "The U.S. and NATO met. Mr Putin said no.",
            ["The U.S. and NATO met.", "Mr Putin said no."],
        ),
        ("Mr Scholz met Ms Truss. They spoke.", ["Mr Scholz met Ms Truss.", "They spoke."]),
        (
            "The units . . . have started loading. It is 3.5 km away.",
            ["The units . . . have started loading.", "It is 3.5 km away."],
        ),
        (
            "He called No. 10 at once. Nobody answered.",
            ["He called No. 10 at once.", "Nobody answered."],
        ),
        (
            "Lavrov said the troops were returning “according to plan.” He said drills adhered.",
            [
                "Lavrov said the troops were returning “according to plan.”",
                "He said drills adhered.",
            ],
        ),
        ("One sentence without a full stop", ["One sentence without a full stop"]),
        ("", []),
    ],
)
def test_split_sentences(paragraph, expected):
    spans = split_sentences(paragraph)
    assert [paragraph[a:b] for a, b in spans] == expected


def test_spans_are_exact_slices_in_order():
    paragraph = "“We are friends. ... No one wants war.” she said.  Then   silence."
    spans = split_sentences(paragraph)
    assert all(a < b <= c for (a, b), (c, _) in zip(spans, spans[1:], strict=False))
    assert all(paragraph[a:b] == paragraph[a:b].strip() for a, b in spans)
