"""analysis.narrative: prose rendered from results, and seed commentary only on the seeds.

The executed notebooks are checked in tests/test_notebooks.py (every number in the rendered
prose is a computed result on the seeds; nothing of the seed story is named on another corpus).
"""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pytest

import analysis
from analysis import narrative

OTHER_CORPUS = Path(__file__).resolve().parent / "fixtures" / "other_corpus"


def test_prose_formats_numbers_and_keeps_each_one():
    p = narrative.Prose()
    text = f"{p.pct(0.6508)} of {p.count(1403)} words; mean {p.num(-0.13672)}; {p.of(41, 63)}"
    assert text == "65% of 1,403 words; mean -0.14; 41 of 63"
    assert [n["text"] for n in p.numbers] == ["65%", "1,403", "-0.14", "41", "63"]
    assert p.numbers[0]["value"] == 0.6508
    assert p.plural(1, "scare quote") == "1 scare quote"
    assert p.plural(3, "scare quote") == "3 scare quotes"


def test_a_label_keeps_the_numbers_inside_it_with_their_source():
    p = narrative.Prose()
    assert p.label("Death toll since 2014") == "Death toll since 2014"
    assert p.numbers == [{"text": "2014", "source": "Death toll since 2014"}]


@pytest.mark.parametrize(
    ("text", "numbers"),
    [
        ("65% of 1,403 words", ["65%", "1,403"]),
        ("mean -0.14 (N = 8)", ["-0.14", "8"]),
        ("ft-v2 and covid19 and U.S.", []),
        ("from 0.61 to 0.69.", ["0.61", "0.69"]),
        ("Daily 20, Wire 17, Gazette 1,011.", ["20", "17", "1,011"]),
    ],
)
def test_number_pattern_finds_what_prose_writes(text, numbers):
    assert narrative.NUMBER.findall(text) == numbers


def test_narrative_output_carries_its_numbers_as_metadata():
    p = narrative.Prose()
    shown = p.render(f"**What it shows.** {p.pct(0.25)} of it.", "")
    data, metadata = shown._repr_markdown_()
    assert data == "**What it shows.** 25% of it."
    assert metadata == {"narrative": [{"text": "25%", "value": 0.25}]}


def test_words_by_side_names_each_outlets_largest_side():
    table = pd.DataFrame(
        {
            "outlet": ["Daily", "Daily", "Wire"],
            "side": ["West", "Russia", "Russia"],
            "share_of_words": [0.25, 0.75, 1.0],
        }
    )
    shown = narrative.words_by_side(table, corpus=_NotSeeds())
    assert shown.data == (
        "**What it shows.** The side with most of each outlet's quoted words: Daily: Russia "
        "(75%); Wire: Russia (100%)."
    )


def test_reuse_matrix_reports_the_largest_pair_and_the_others():
    matrix = pd.DataFrame(
        {
            "article_id": ["a", "b", "a"],
            "other_id": ["b", "a", "c"],
            "sentences": [10, 20, 10],
            "matched_sentences": [2, 2, 0],
            "word_share": [0.3, 0.1, 0.0],
        }
    )
    assert narrative.reuse_matrix(matrix).data == (
        "**What it shows.** The largest share: 2 of 10 sentences of `a` closely match sentences "
        "of `b`, 30% of its words. Other pairs with a match: `b` with `a` 10%."
    )


class _NotSeeds:
    articles = pd.DataFrame({"article_id": ["x"], "sha256": ["0" * 64]})


def test_the_seeds_are_recognised_by_their_articles_not_their_folder(seed_corpus, tmp_path):
    assert narrative.is_seed_corpus(seed_corpus)
    assert not narrative.is_seed_corpus(seed_corpus.canonical())  # a subset is not the seeds
    assert not narrative.is_seed_corpus(_NotSeeds())
    other = analysis.load_corpus(OTHER_CORPUS, label_figures=False)
    assert not narrative.is_seed_corpus(other)
    assert narrative.seed_note(other, "versions") == ""
    assert narrative.seed_note(seed_corpus, "versions").startswith("*On the seed story:*")


def test_seed_notes_state_no_numbers():
    """Every number in the prose comes from the results; the notes add names and events only."""
    notes = narrative._notes()
    assert notes
    assert {
        key: narrative.NUMBER.findall(text)
        for key, text in notes.items()
        if narrative.NUMBER.findall(text)
    } == {}


def _by_speaker(rows):
    columns = ["outlet", "articles", "speaker", "side", "speaker_type", "quotes", "quoted_words"]
    table = pd.DataFrame(rows, columns=columns)
    table["share_of_words"] = table["quoted_words"] / table.groupby("outlet")[
        "quoted_words"
    ].transform("sum")
    return table


def test_a_speaker_given_two_types_is_one_speaker_in_the_title_and_the_figure():
    """Blair has 60 + 30 of the outlet's 200 quoted words under two types (45%); the
    unattributed 110 words (55%) are no speaker."""
    from analysis.sources import one_row_per_speaker

    table = _by_speaker(
        [
            ("Politics", 3, "(unattributed)", "unknown", "unattributed", 9, 110),
            ("Politics", 3, "Tony Blair", "unknown", "politician", 4, 60),
            ("Politics", 3, "Tony Blair", "unknown", "other", 2, 30),
        ]
    )
    merged = one_row_per_speaker(table).set_index("speaker")
    assert merged.loc["Tony Blair", ["quotes", "quoted_words"]].tolist() == [6, 90]
    assert merged.loc["Tony Blair", "speaker_type"] == "politician"  # the type of most words
    assert merged.loc["Tony Blair", "share_of_words"] == pytest.approx(0.45)
    assert narrative.finding_top_speaker(table) == (
        "Politics quotes Tony Blair for 45% of its quoted words"
    )


def test_the_frame_share_title_pools_an_outlet_past_the_per_article_cap():
    """Nine articles of one outlet (past the cap of 8): 'Topic' in 1 of 2 sentences of each,
    and in 10 of 10 of a tenth article of another outlet, which the title must not single out
    as an article; pooled, B has 10 of 10 = 100%, A 9 of 18 = 50%."""
    rows = [(f"a{i}", "A", "t", "Topic", 2, 1, 0.5) for i in range(9)]
    rows.append(("b1", "B", "t", "Topic", 10, 10, 1.0))
    shares = pd.DataFrame(
        rows, columns=["article_id", "outlet", "frame", "label", "total", "sentences", "share"]
    )
    assert (
        narrative.finding_frame_share(shares, {})
        == "'Topic' is in 100% of B's body sentences (10 of 10)"
    )
    shares.loc[9, ["total", "sentences", "share"]] = [40, 4, 0.1]
    assert (
        narrative.finding_frame_share(shares, {})
        == "'Topic' is in 50% of A's body sentences (9 of 18)"
    )


def test_accuracy_title_names_the_weakest_measure_of_the_furthest_set():
    # "untouched" comes after "tune" in quote_accuracy.SETS, though first in the table;
    # its weakest measure is speaker right: 3 of 4 = 75%.
    table = pd.DataFrame(
        {
            "set": ["untouched", "untouched", "tune"],
            "measure": ["found", "speaker_right", "found"],
            "correct": [9, 3, 1],
            "total": [10, 4, 5],
            "value": [0.9, 0.75, 0.2],
        }
    )
    assert narrative.finding_accuracy(table) == (
        "On the untouched set the weakest measure is speaker right: 75% (3 of 4)"
    )
    assert narrative.finding_accuracy(table.iloc[:0]).startswith("No hand-labelled")


def test_attribution_title_gives_the_range_of_neutral_shares():
    # Daily: 3 neutral of 4 = 75%; Wire: 1 of 5 = 20%; Empty has no verbs and is left out;
    # the second basis is not the one read.
    shares = pd.DataFrame(
        {
            "basis": ["quotations"] * 5 + ["text"],
            "outlet": ["Daily", "Daily", "Wire", "Wire", "Empty", "Wire"],
            "group": ["neutral", "doubt", "neutral", "alarmed", "neutral", "neutral"],
            "count": [3, 1, 1, 4, 0, 5],
            "total": [4, 4, 5, 5, 0, 5],
        }
    )
    assert narrative.finding_attribution(shares) == (
        "Neutral verbs are 20% (Wire) to 75% (Daily) of an outlet's reporting verbs"
    )
    assert narrative.finding_attribution(shares[shares["outlet"] == "Daily"]) == (
        "Neutral verbs are 75% of Daily's reporting verbs"
    )
    assert narrative.finding_attribution(shares.iloc[:0]) == "No reporting verbs found"


def test_version_title_counts_the_old_versions_sentences_by_fate():
    # v1 has 2 kept + 1 rewritten + 1 removed = 4 sentences; v2 adds 1.
    comparison = pd.DataFrame(
        {
            "old_id": ["v1"] * 5,
            "new_id": ["v2"] * 5,
            "status": ["kept", "rewritten", "kept", "removed", "added"],
        }
    )
    assert narrative.finding_versions(comparison) == (
        "v2 keeps 2 of the 4 sentences of v1 word for word, rewrites 1, drops 1 and adds 1"
    )
    assert narrative.finding_versions(comparison.iloc[:0]) == "No story in two versions"


def test_headline_lead_title_counts_headlines_carrying_the_top_body_frame():
    # a: top frame x (rank 1) is in the headline; b: top frame y is not (z is, rank 2);
    # c: no frame in its body, so it is not counted.
    contrast = pd.DataFrame(
        {
            "article_id": ["a", "a", "b", "b", "c"],
            "frame": ["x", "y", "y", "z", "x"],
            "headline": [True, False, False, True, True],
            "body_sentences": [5, 2, 4, 1, 0],
            "body_rank": [1, 2, 1, 2, 1],
        }
    )
    assert narrative.finding_headline_lead(contrast) == (
        "The headline carries the body's commonest frame in 1 of 2 articles"
    )
    assert narrative.finding_headline_lead(contrast.iloc[4:]).startswith("No frame")


def test_first_mentions_title_names_the_item_in_most_leads():
    # War is in the lead of a and b (2 of 3 articles), Peace of c only.
    first = pd.DataFrame(
        {
            "article_id": ["a", "b", "c", "a", "c"],
            "label": ["War", "War", "War", "Peace", "Peace"],
            "in_lead": [True, True, False, False, True],
        }
    )
    assert narrative.finding_first_mentions(first) == (
        "'War' is in the lead of 2 of 3 articles, more than any other frame or actor"
    )
    tied = first.assign(in_lead=[True, False, False, False, True])
    assert narrative.finding_first_mentions(tied) == (
        "'War' and 1 other frame or actor are each in the lead of 1 of 3 articles"
    )
    assert narrative.finding_first_mentions(first.iloc[:0]).startswith("No frame or actor")


def test_naming_title_counts_the_concepts_written_more_than_one_way():
    # Nato: 2 variants in use; Kyiv: 1 in use (Kiev unused); Donbass: never used.
    choices = pd.DataFrame(
        {
            "concept": ["Nato", "Nato", "Kyiv", "Kyiv", "Donbass"],
            "variant": ["Nato", "NATO", "Kyiv", "Kiev", "Donbass"],
            "count": [3, 2, 4, 0, 0],
        }
    )
    assert narrative.finding_naming(choices) == (
        "1 of the 2 listed concepts in use is written in more than one way"
    )
    assert narrative.finding_naming(choices.iloc[4:]) == "No listed concept is used"
