"""Actors without a lexicon: names from capitalised runs, titles, surnames, the draft YAML."""

from __future__ import annotations

import pytest

import analysis
from analysis import actor_draft, actors
from analysis.paths import ROOT

OTHER = ROOT / "tests" / "fixtures" / "other_corpus"


@pytest.mark.parametrize(
    "text, names",
    [
        ("German Chancellor Olaf Scholz met him.", [("Olaf Scholz", "German Chancellor", False)]),
        ("But Mr Putin said no.", [("Putin", "Mr", False)]),
        ("Putin said no.", [("Putin", "", True)]),
        ("Ukraine’s Nato bid", [("Ukraine", "", True), ("Nato", "", False)]),
        (
            "the Bank of England and the U.S. Treasury",
            [("Bank of England", "", False), ("U.S. Treasury", "", False)],
        ),
        ("talks between Russia and the West", [("Russia", "", False), ("West", "", False)]),
        ("It rained. The Kremlin said", [("It", "", True), ("Kremlin", "", True)][1:]),
    ],
)
def test_name_runs(text, names):
    assert actor_draft.name_runs(text) == names


def test_split_title_keeps_a_name():
    assert actor_draft.split_title(["President", "Putin"]) == (["President"], ["Putin"])
    assert actor_draft.split_title(["Prime", "Minister"]) == ([], ["Prime", "Minister"])
    assert actor_draft.split_title(["Defence", "Ministry"]) == ([], ["Defence", "Ministry"])


def test_candidates_of_a_small_corpus_by_hand():
    corpus = analysis.load_corpus(OTHER)
    table = actor_draft.actor_candidates(corpus).set_index("actor")
    # canonical articles: daily-v2, wire, gazette. "Scholz" alone is merged into Olaf Scholz.
    scholz = table.loc["Olaf Scholz"]
    assert scholz["type"] == "person"
    assert "Scholz" in scholz["aliases"] and "chancellor" in scholz["titles"]
    texts = corpus.canonical().paragraphs["text"]
    by_hand = sum(t.count("Scholz") for t in texts)
    assert scholz["mentions"] == by_hand
    assert "Scholz" not in table.index
    quoted = corpus.canonical().quotes
    assert scholz["quotes"] == int((quoted["speaker"] == "Olaf Scholz").sum())
    assert table["mentions"].is_monotonic_decreasing


def test_draft_loads_with_the_actor_reader(tmp_path):
    corpus = analysis.load_corpus(OTHER)
    draft = actor_draft.actors_draft(actor_draft.actor_candidates(corpus, min_mentions=1))
    path = actor_draft.write_actors_draft(draft, tmp_path / "actors.yml")
    lexicon = actors.load_actors(path)
    assert lexicon.source.startswith("Draft")
    names = [a.name for a in lexicon.actors]
    assert "Olaf Scholz" in names
    assert actors.resolve("Scholz", lexicon).name == "Olaf Scholz"
    assert all(a.side == "other" and a.country == "unknown" for a in lexicon.actors)
