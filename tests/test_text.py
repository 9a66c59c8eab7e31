"""The one word definition and the typography fold."""

from __future__ import annotations

import pytest

from analysis.text import count_words, fold_typography, join_bracketed, key_part, words


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
        # an initialism in a compound is one word, as "Kremlin-backed" is (AP: "U.S.-led West")
        ("a hostile, U.S.-led West", ["a", "hostile", "U.S.-led", "West"]),
        # an editor's letters inside a word belong to it (FT: "pursu[ing]"); "[Putin]" alone is Putin
        ("pursu[ing] [t]he [Putin] line", ["pursu[ing]", "[t]he", "Putin", "line"]),
    ],
)
def test_words(text, expected):
    assert words(text) == expected
    assert count_words(text) == len(expected)


def test_fold_typography_only_changes_typography():
    assert fold_typography("“It’s ‘over’ — now…”") == "\"It's 'over' - now...\""
    assert fold_typography("plain text") == "plain text"


@pytest.mark.parametrize(
    ("text", "joined"),
    [("pursu[ing]", "pursuing"), ("[t]he", "the"), ("the [Russian] side", "the [Russian] side")],
)
def test_join_bracketed(text, joined):
    assert join_bracketed(text) == joined


def test_every_module_counts_the_same_words(seed_corpus):
    """One word definition: the corpus table, the sentence units of emphasis, reuse's totals,
    tone's rates and the quotation finder agree on every seed article, and so does textstat's own
    count behind the readability scores (it differed by one on "U.S.-led" and "pursu[ing]")."""
    from analysis import emphasis, reuse, tone
    from analysis.quotes import spoken_words

    compared = seed_corpus.canonical()
    body = compared.paragraphs.groupby("article_id", sort=False)["text"].agg(" ".join)
    counted = body.map(count_words)
    assert compared.articles.set_index("article_id")["n_words"].to_dict() == counted.to_dict()
    units = emphasis.text_units(compared)
    in_units = units[units["zone"].isin(emphasis.BODY_ZONES)].groupby("article_id")["n_words"]
    assert in_units.sum().to_dict() == counted.to_dict()
    totals = reuse._article_totals(compared).set_index("article_id")["words"]
    assert totals.to_dict() == counted.to_dict()
    rates = tone.escalation_language(compared).drop_duplicates("outlet")
    outlet_words = counted.groupby(compared.articles.set_index("article_id")["outlet"]).sum()
    assert rates.set_index("outlet")["words"].to_dict() == outlet_words.to_dict()
    profiles = tone.readability(compared).query("scope == 'body'").set_index("article_id")
    assert profiles["n_words"].to_dict() == counted.to_dict()
    assert (
        spoken_words("pursu[ing] the U.S.-led talks")
        == count_words("pursu[ing] the U.S.-led talks")
        == 4
    )


@pytest.mark.parametrize(
    ("text", "part"),
    [
        ("business/001", "business-001"),  # an article id inferred from a folder tree
        ("ft-v2", "ft-v2"),
        ("Writer", "writer"),
        ("Reuters Wire #3", "reuters-wire-3"),
        ("military_threat", "military_threat"),
        ("///", "unknown"),
    ],
)
def test_key_part_makes_any_text_one_finding_key_segment(text, part):
    assert key_part(text) == part
    assert record_finding_key_is_valid(f"corpus.words.{key_part(text)}")


def record_finding_key_is_valid(key: str) -> bool:
    from analysis.findings import _KEY

    return bool(_KEY.match(key))
