"""Tests for analysis.sources: the tables and findings of notebook 02 on a corpus worked by hand."""

from __future__ import annotations

import pytest

from analysis import quotes, sources


@pytest.fixture
def two_article_corpus(make_corpus):
    """Two articles from one outlet and one from another, annotated."""
    texts = {
        "a1": ["“We are ready,” Putin said.", "A U.S. defense official said troops moved."],
        "a2": ["Scholz said it was “a good sign”.", "Putin eased tensions to enable “dialogue”."],
        "b1": ["Kuleba claimed Russia was “bluffing again”."],
    }
    outlets = {"a1": "The Alpha", "a2": "The Alpha", "b1": "Beta"}
    return quotes.annotate(
        make_corpus({a: {"outlet": outlets[a], "paragraphs": ts} for a, ts in texts.items()})
    )


def test_tables_add_up_an_outlets_articles(two_article_corpus):
    corpus = two_article_corpus
    attributions = quotes.find_attributions(corpus.paragraphs)
    by_side = sources.quotes_by_side(corpus).set_index(["outlet", "side"])
    # The Alpha: "We are ready" (Putin, 3 words) + "a good sign" (Scholz, 3 words); the scare
    # quote "dialogue" is left out. Beta: "bluffing again" (Kuleba, 2 words).
    assert by_side.loc[
        ("The Alpha", "Russia"), ["articles", "quotes", "quoted_words"]
    ].tolist() == [2, 1, 3]
    assert by_side.loc[("The Alpha", "West"), "share_of_words"] == pytest.approx(0.5)
    assert by_side.loc[("Beta", "Ukraine"), "share_of_words"] == pytest.approx(1.0)
    anonymous = sources.anonymous_sourcing(corpus, attributions).set_index("outlet")
    # The Alpha's attributions: Putin said, the official said, Scholz said -> 1 anonymous of 3.
    assert anonymous.loc["The Alpha", ["anonymous_attributions", "attributions"]].tolist() == [1, 3]
    verbs = sources.reporting_verbs(corpus, attributions).set_index(["outlet", "cue"])
    assert verbs.loc[("The Alpha", "say"), ["quoted", "reported", "total"]].tolist() == [2, 1, 3]
    assert verbs.loc[("Beta", "claim"), "group"] == "doubt"
    scare = sources.scare_quotes(corpus)
    assert scare[["outlet", "text"]].values.tolist() == [["The Alpha", "dialogue"]]
    findings = sources.source_findings(
        sources.quotes_by_side(corpus),
        sources.quotes_by_speaker(corpus),
        sources.anonymous_sourcing(corpus, attributions),
        sources.reporting_verbs(corpus, attributions),
        scare,
    ).set_index("key")
    assert findings.loc["sources.quotes.alpha", "value"] == 2
    assert findings.loc["sources.say-share.alpha", "value"] == pytest.approx(1.0)
    assert findings.loc["sources.scare-quotes.beta", "value"] == 0


def test_words_by_type_and_civilians_by_hand(make_corpus):
    texts = [
        "“We are ready,” Putin said.",  # a politician, 3 words
        "“The shelling went on all night,” said Olga Petrova, a resident of the village.",
        "“Nothing has changed,” said Ivan Sokolov, an economist.",  # expert or analyst, 3 words
    ]
    corpus = quotes.annotate(make_corpus({"a": {"outlet": "Gamma", "paragraphs": texts}}))
    by_type = sources.quotes_by_type(corpus).set_index("type")["quoted_words"]
    # The resident's quotation has 6 words; every type of TYPE_ORDER is listed, zeros included.
    assert by_type[["politician", "citizen or witness", "expert or analyst"]].tolist() == [3, 6, 3]
    assert by_type.drop(["politician", "citizen or witness", "expert or analyst"]).eq(0).all()
    assert list(by_type.index) == list(sources.TYPE_ORDER)
    by_side = sources.quotes_by_side(corpus).set_index("side")["quoted_words"]
    # The resident is a civilian, not on Russia's side: Russia has Putin's 3 words only.
    assert (by_side["Russia"], by_side["civilians"]) == (3, 6)
