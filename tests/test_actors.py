"""Tests for analysis.actors: the lexicon, name resolution, mentions and per-article counts.

Expected values are worked out by hand from the example texts.
"""

from __future__ import annotations

import math

import pandas as pd
import pytest

from analysis import actors as A
from analysis import quotes


def test_lexicon_loads_with_sides_types_and_source():
    lexicon = A.load_actors()
    assert lexicon.source
    assert {a.side for a in lexicon.actors} <= set(A.SIDES)
    assert {a.type for a in lexicon.actors} <= set(A.TYPES)
    assert {"person", "institution", "anonymous"} <= {a.type for a in lexicon.actors}
    assert lexicon.get("Vladimir Putin").side == "Russia"
    assert lexicon.get("Jens Stoltenberg").country == "NATO"
    assert load_is_cached()


def load_is_cached() -> bool:
    return A.load_actors() is A.load_actors()


@pytest.mark.parametrize(
    "data, message",
    [
        (
            {
                "actors": [
                    {
                        "name": "X",
                        "country": "C",
                        "side": "Mars",
                        "type": "person",
                        "aliases": ["X"],
                    }
                ]
            },
            "side",
        ),
        (
            {
                "actors": [
                    {"name": "X", "country": "C", "side": "West", "type": "robot", "aliases": ["X"]}
                ]
            },
            "type",
        ),
        ({"actors": [{"name": "X", "side": "West", "type": "person", "aliases": ["X"]}]}, "lacks"),
        (
            {
                "actors": [
                    {
                        "name": "X",
                        "country": "C",
                        "side": "West",
                        "type": "person",
                        "aliases": ["Sam"],
                    },
                    {
                        "name": "Y",
                        "country": "C",
                        "side": "West",
                        "type": "person",
                        "roles": ["sam"],
                    },
                ]
            },
            "names both",
        ),
    ],
)
def test_bad_lexicon_entries_are_refused_with_the_actor_named(data, message):
    with pytest.raises(ValueError, match=message):
        A.build_lexicon(data)


@pytest.mark.parametrize(
    "text, name",
    [
        ("Putin", "Vladimir Putin"),
        ("Mr Putin", "Vladimir Putin"),
        ("the Russian president", "Vladimir Putin"),
        ("Russia’s President", "Vladimir Putin"),
        ("Zelenskyy", "Volodymyr Zelensky"),
        ("Zelensky", "Volodymyr Zelensky"),
        ("Sergey Lavrov", "Sergei Lavrov"),
        ("NATO's Secretary-General", "Jens Stoltenberg"),
        ("Nato secretary general", "Jens Stoltenberg"),
        ("the prime minister", "Boris Johnson"),  # the only prime minister in the lexicon
        ("a U.S. defense official", None),  # indefinite: not a lexicon surface as such
        ("U.S. defense official", "US defence official"),
        ("the president", None),  # several presidents: needs the article's context
        ("Angela Merkel", None),
    ],
)
def test_resolve(text, name):
    actor = A.resolve(text)
    assert (actor.name if actor else None) == name


def names(text: str) -> list[tuple[str | None, str]]:
    return [(m.actor, m.surface) for m in A.find_mentions([text])[0]]


def test_the_longest_name_wins_and_appositions_merge():
    assert names("Russian President Vladimir Putin spoke.") == [
        ("Vladimir Putin", "Russian President Vladimir Putin")
    ]
    assert names("Sergei Lavrov, Russia’s foreign minister, met Antony Blinken.") == [
        ("Sergei Lavrov", "Sergei Lavrov, Russia’s foreign minister"),
        ("Antony Blinken", "Antony Blinken"),
    ]
    assert names("A U.S. defense official and US equities") == [
        ("US defence official", "U.S. defense official"),
        ("United States", "US"),
    ]


def test_places_after_in_are_not_actors():
    assert names("Talks in Moscow; Moscow wants guarantees; remarks in the Kremlin.") == [
        ("Russia", "Moscow")
    ]


def test_titles_resolve_to_the_latest_holder_named():
    found = A.find_mentions(
        [
            "Dmytro Kuleba spoke.",
            "The foreign minister agreed.",
            "Sergei Lavrov spoke.",
            "The foreign minister disagreed.",
            "The chancellor left.",
        ]
    )
    resolved = [[(m.actor, m.resolved) for m in paragraph] for paragraph in found]
    assert resolved == [
        [("Dmytro Kuleba", "")],
        [("Dmytro Kuleba", "recent")],
        [("Sergei Lavrov", "")],
        [("Sergei Lavrov", "recent")],
        [("Olaf Scholz", "only")],
    ]


def test_country_and_trailing_name_of_a_description():
    lexicon = A.load_actors()
    assert lexicon.country_of("a senior Ukrainian official") == ("Ukraine", "Ukraine")
    assert lexicon.country_of("Ukraine’s envoy") == ("Ukraine", "Ukraine")
    assert lexicon.country_of("a local farmer") == ("", "unknown")
    assert lexicon.trailing_name("Russian Deputy Foreign Minister Sergei Ryabkov") == (
        "Sergei Ryabkov"
    )
    assert lexicon.trailing_name("a senior official") == ""


@pytest.fixture
def tiny_corpus(make_corpus):
    paragraphs = [
        "Vladimir Putin met Olaf Scholz.",
        "“We are ready,” Putin said.",
        "The chancellor said talks in Moscow went well.",
    ]
    return make_corpus(
        {"a": {"outlet": "Test", "headline": "Putin ready for talks", "paragraphs": paragraphs}}
    )


def test_mentions_by_hand(tiny_corpus):
    table = A.mentions(quotes.annotate(tiny_corpus))
    assert list(table.columns) == A.MENTION_COLUMNS
    # Body = the three paragraphs joined by "\n": 31 + 1 + 27 + 1 + 46 = 106 characters.
    # Putin: "Vladimir Putin" at 0, "Putin" in paragraph 2; quoted once ("We are ready", 3 words).
    # Scholz: "Olaf Scholz" at 19, "The chancellor" in paragraph 3; "Moscow" after "in" is a place.
    expected = pd.DataFrame(
        {
            "article_id": ["a", "a"],
            "actor": ["Vladimir Putin", "Olaf Scholz"],
            "side": ["Russia", "West"],
            "type": ["person", "person"],
            "mentions": [2, 2],
            "first_position": [0 / 106, 19 / 106],
            "in_headline": [True, False],
            "in_lead": [True, True],
            "quotes": [1, 0],
            "quoted_words": [3, 0],
        }
    )
    pd.testing.assert_frame_equal(table, expected)


def test_a_speaker_the_lexicon_does_not_know_gets_a_row(make_corpus):
    text = "“It is fine,” said Anna Schmidt. Anna Schmidt farms."
    corpus = make_corpus({"a": {"outlet": "Test", "headline": "Putin ready", "paragraphs": [text]}})
    row = A.mentions(quotes.annotate(corpus)).set_index("actor").loc["Anna Schmidt"]
    assert (row["mentions"], row["quotes"], row["quoted_words"], row["type"]) == (2, 1, 3, "person")
    assert math.isclose(row["first_position"], 19 / 52)


def test_mentions_on_the_seeds(seed_corpus):
    table = A.mentions(seed_corpus)
    putin = table[table["actor"] == "Vladimir Putin"].set_index("article_id")
    assert sorted(putin.index) == sorted(seed_corpus.article_ids)
    assert putin["in_headline"].to_dict() == {
        "ft-v2": True,
        "ft-v1": False,
        "ap": True,
        "independent": True,
        "moscow-times": True,
    }  # ft-v1 has no headline
    assert (table["first_position"].dropna().between(0, 1)).all()
    assert table.groupby("article_id")["quotes"].sum().to_dict() == {
        "ap": 21,
        "ft-v1": 15,
        "ft-v2": 19,
        "independent": 28,
        "moscow-times": 16,
    }  # every quotation with a speaker; ft-v2's scare quote has none


def test_actors_sits_below_quotes():
    """actors is read by quotes, so it must not import quotes back (no import circle)."""
    import ast
    import inspect

    tree = ast.parse(inspect.getsource(A))
    imported = {
        alias.name
        for node in ast.walk(tree)
        if isinstance(node, ast.ImportFrom) and node.module == "analysis"
        for alias in node.names
    } | {node.module for node in ast.walk(tree) if isinstance(node, ast.ImportFrom) and node.module}
    assert not {"quotes", "analysis.quotes", "sources", "analysis.sources"} & imported


def test_mentions_needs_the_quotations(tiny_corpus):
    with pytest.raises(ValueError, match="annotate"):
        A.mentions(tiny_corpus)
