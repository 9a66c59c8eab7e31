"""The one word definition and the typography fold."""

from __future__ import annotations

import pytest

from analysis.text import count_words, fold_typography, words


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The U.S. and NATO", ["The", "U.S.", "and", "NATO"]),
        ("more than 130,000 troops", ["more", "than", "130,000", "troops"]),
        ("a 3.5% rise", ["a", "3.5", "rise"]),
        ("de-escalation isn't Russia’s", ["de-escalation", "isn't", "Russia’s"]),
        ("end. Next", ["end", "Next"]),
        ("— . . . “”", []),
        ("ex-Soviet, pro-Russia", ["ex-Soviet", "pro-Russia"]),
    ],
)
def test_words(text, expected):
    assert words(text) == expected
    assert count_words(text) == len(expected)


def test_fold_typography_only_changes_typography():
    assert fold_typography("“It’s ‘over’ — now…”") == "\"It's 'over' - now...\""
    assert fold_typography("plain text") == "plain text"
