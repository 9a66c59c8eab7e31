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
    # Large corpora: counts carry thousands separators (1,772 of 2,225 on the BBC tree).
    many = pd.DataFrame(
        {
            "article_id": [f"a{i}" for i in range(2225)],
            "label": "War",
            "in_lead": [i < 1772 for i in range(2225)],
        }
    )
    assert narrative.finding_first_mentions(many) == (
        "'War' is in the lead of 1,772 of 2,225 articles, more than any other frame or actor"
    )


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


# --- Finding titles of the figures that described what they drew -----------------------------
# Each table is small enough to work the title out by hand (the comment above each case).


@pytest.mark.parametrize(
    ("article_id", "outlets", "name"),
    [
        ("independent", {"independent": "The Independent"}, "The Independent (independent)"),
        ("ft-v2", None, "ft-v2"),  # nothing to name it by
        ("Daily", {"Daily": "Daily"}, "Daily"),  # an outlet (pairs past the pairwise cap)
        ("x", {"y": "Y"}, "x"),
    ],
)
def test_article_name_puts_the_outlet_first(article_id, outlets, name):
    assert narrative.article_name(article_id, outlets) == name


def _periods(rows, freq="day"):
    table = pd.DataFrame(rows, columns=["period", "outlet", "articles"])
    table.attrs["freq"] = freq
    return table


@pytest.mark.parametrize(
    ("rows", "title"),
    [
        # day 1: 2 + 1 = 3 of 4 articles; day 2: 1
        (
            [("2024-01-01", "A", 2), ("2024-01-01", "B", 1), ("2024-01-02", "A", 1)],
            "The busiest day is 2024-01-01: 3 of the 4 dated articles",
        ),
        # 2, 2 and 1: two days tie
        (
            [("d1", "A", 2), ("d2", "A", 2), ("d3", "A", 1)],
            "The busiest day is d1 and 1 other day: 2 of the 5 dated articles",
        ),
        ([("d1", "A", 1), ("d2", "A", 1)], "Every day has 1 of the 2 dated articles"),
        ([("d1", "A", 3)], "The busiest day is d1: 3 of the 3 dated articles"),
        ([("d1", "A", 0)], "No dated articles"),
        ([], "No dated articles"),
    ],
)
def test_articles_over_time_title_names_the_busiest_period(rows, title):
    assert narrative.finding_articles_over_time(_periods(rows)) == title


def _anonymous(rows):
    table = pd.DataFrame(
        rows, columns=["outlet", "anonymous_attributions", "attributions", "share_attributions"]
    )
    return table


@pytest.mark.parametrize(
    ("rows", "title"),
    [
        # Wire 3 of 36 = 8%; Daily 1 of 29 = 3%; Times none
        (
            [("Daily", 1, 29, 1 / 29), ("Wire", 3, 36, 3 / 36), ("Times", 0, 25, 0.0)],
            "Wire gives anonymous sources 8% (3 of 36) of its attributions, more than any other outlet",
        ),
        # a tie at 1 of 4 = 25%
        (
            [("Daily", 1, 4, 0.25), ("Wire", 1, 4, 0.25)],
            "Daily gives anonymous sources 25% (1 of 4) of its attributions, tied with 1 other outlet",
        ),
        ([("Daily", 2, 8, 0.25)], "Daily gives anonymous sources 25% (2 of 8) of its attributions"),
        ([("Daily", 0, 8, 0.0)], "No outlet attributes anything to an anonymous source"),
        ([], "No outlet attributes anything to an anonymous source"),
    ],
)
def test_anonymous_title_names_the_largest_share(rows, title):
    assert narrative.finding_anonymous(_anonymous(rows)) == title


@pytest.mark.parametrize(
    ("rows", "title"),
    [
        ([("Daily", "dialogue")], "The one scare quote is Daily's \u201cdialogue\u201d"),
        # Wire 2 of 3
        (
            [("Wire", "a"), ("Daily", "b"), ("Wire", "c")],
            "Wire has 2 of the 3 scare quotes, more than any other outlet",
        ),
        (
            [("Wire", "a"), ("Daily", "b")],
            "Wire has 1 of the 2 scare quotes, tied with 1 other outlet",
        ),
        ([("Times", "a"), ("Times", "b")], "Times has 2 of the 2 scare quotes"),
        ([], "No outlet puts a word in scare quotes"),
    ],
)
def test_scare_quote_title_names_the_outlet_with_most(rows, title):
    scare = pd.DataFrame(rows, columns=["outlet", "text"])
    assert narrative.finding_scare_quotes(scare) == title


@pytest.mark.parametrize(
    ("rows", "title"),
    [
        # "sign": 3 lines, 2 from Daily; "mr": 1
        (
            [("sign", "Daily"), ("sign", "Wire"), ("sign", "Daily"), ("mr", "Wire")],
            '"sign" has the most concordance lines: 3, 2 of them in Daily',
        ),
        ([("mr", "Wire")], '"mr" has the most concordance lines: 1, all in Wire'),
        ([], "No distinctive term found in the text"),
    ],
)
def test_kwic_title_names_the_term_with_most_lines(rows, title):
    lines = pd.DataFrame(rows, columns=["term", "outlet"])
    assert narrative.finding_kwic(lines) == title


@pytest.mark.parametrize(
    ("rows", "other", "title"),
    [
        # z 2.4 and 2.0 lean (at least 1.96), 1.9 and -3 do not
        (
            [("sign", 4, 2, 2.4), ("crisis", 3, 2, 2.0), ("war", 2, 2, 1.9), ("us", 0, 9, -3.0)],
            "rest",
            '2 of 4 terms lean to Daily; furthest: "sign", 4 uses against 2 in the rest',
        ),
        (
            [("sign", 4, 0, 2.0)],
            "Wire",
            '1 of 1 terms leans to Daily; furthest: "sign", 4 uses against 0 in Wire',
        ),
        ([("war", 2, 2, 0.0)], "Wire", "No term leans to Daily over Wire at z \u2265 1.96"),
        ([], "Wire", "No term to place for Daily"),
    ],
)
def test_term_map_title_counts_the_terms_leaning_to_the_group(rows, other, title):
    positions = pd.DataFrame(rows, columns=["term", "count", "count_other", "z"])
    assert narrative.finding_term_map(positions, "Daily", other) == title


@pytest.mark.parametrize(
    ("rows", "title"),
    [
        # the lowest cell with sentences: Wire on d2, -0.31; the empty cell (NaN) is not one
        (
            [("d1", "Daily", 0.12, 10), ("d2", "Wire", -0.31, 4), ("d2", "Daily", None, 0)],
            "Wire scores lowest in d2: mean VADER compound -0.31 over 4 sentences",
        ),
        (
            [("d1", "Daily", 0.5, 1)],
            "Daily scores lowest in d1: mean VADER compound 0.50 over 1 sentence",
        ),
        # a day is 'on', a week or month 'in'
        (
            [("2023-03-05", "Daily", -0.38, 3)],
            "Daily scores lowest on 2023-03-05: mean VADER compound -0.38 over 3 sentences",
        ),
        (
            [("2023-03", "Daily", -0.38, 3)],
            "Daily scores lowest in 2023-03: mean VADER compound -0.38 over 3 sentences",
        ),
        ([("d1", "Daily", None, 0)], "No dated sentence to score"),
    ],
)
def test_tone_over_time_title_names_the_lowest_cell(rows, title):
    table = pd.DataFrame(rows, columns=["period", "outlet", "compound", "sentences"])
    assert narrative.finding_tone_over_time(table) == title


class _Frame:
    def __init__(self, name, label):
        self.name, self.label = name, label


@pytest.mark.parametrize(
    ("rows", "title"),
    [
        # talks: middles 0.1 and 0.3 -> 0.20 over 2; war: 0.5; the headline row is not body
        (
            [
                ("lead", "talks", 0.0, 0.2),
                ("body", "talks", 0.2, 0.4),
                ("body", "war", 0.4, 0.6),
                ("headline", "war", None, None),
            ],
            "'Talks' sits earliest in the body: its 2 sentences average 0.20 of the way through",
        ),
        ([("headline", "war", None, None)], "No frame in any article's body"),
    ],
)
def test_frame_strip_title_names_the_frame_that_sits_earliest(rows, title):
    tagged = pd.DataFrame(rows, columns=["zone", "frame", "start_pos", "end_pos"])
    frames = (_Frame("talks", "Talks"), _Frame("war", "War"))
    assert narrative.finding_frame_strip(tagged, frames) == title


@pytest.mark.parametrize(
    ("rows", "title"),
    [
        # war in Daily on d1: 3 of 4 = 75%; talks 1 of 4; Wire 1 of 2 = 50%
        (
            [
                ("d1", "Daily", "war", 3, 4),
                ("d1", "Daily", "talks", 1, 4),
                ("d1", "Wire", "war", 1, 2),
                ("d2", "Wire", "war", 0, 0),
            ],
            "'War' peaks at 75% (3 of 4) of Daily's sentences in d1",
        ),
        (
            [("2023-03-01", "Daily", "war", 3, 3)],
            "'War' peaks at 100% (3 of 3) of Daily's sentences on 2023-03-01",
        ),
        ([("d1", "Daily", "war", 0, 4)], "No dated sentence carries a frame"),
    ],
)
def test_frames_over_time_title_names_the_largest_share(rows, title):
    table = pd.DataFrame(rows, columns=["period", "outlet", "frame", "sentences", "total"])
    table["share"] = table["sentences"] / table["total"].where(table["total"] > 0)
    assert narrative.finding_frames_over_time(table, {"war": "War", "talks": "Talks"}) == title


@pytest.mark.parametrize(
    ("rows", "title"),
    [
        # troops differ (in one of its two article rows), dead do not: 1 of 2
        (
            [
                ("compared", "troops", True),
                ("compared", "troops", True),
                ("compared", "dead", False),
                ("other", "money", False),
            ],
            "The outlets' values differ on 1 of the 2 compared quantities",
        ),
        (
            [("compared", "dead", False)],
            "The outlets' values differ on 0 of the 1 compared quantity",
        ),
        (
            [("other", "money", False), ("other", "money", False), ("other", "dates", False)],
            "No listed quantity to compare; 2 kinds of numeric claim found",
        ),
        ([], "No numeric claim found"),
    ],
)
def test_numbers_title_counts_the_quantities_that_differ(rows, title):
    table = pd.DataFrame(rows, columns=["section", "row", "values_differ"])
    assert narrative.finding_numbers(table) == title


@pytest.mark.parametrize(
    ("rows", "title"),
    [
        # Wire topic 2: 6 of 10 = 60%
        (
            [("Daily", 1, "war / troops", 5, 20), ("Wire", 2, "talks / nato", 6, 10)],
            "Topic 2 (talks / nato) has 60% (6 of 10) of Wire's sentences",
        ),
        ([], "No topic found"),
    ],
)
def test_topic_shares_title_names_the_largest_share(rows, title):
    shares = pd.DataFrame(rows, columns=["outlet", "topic", "label", "sentences", "total"])
    shares["share"] = shares["sentences"] / shares["total"]
    assert narrative.finding_topic_shares(shares) == title


@pytest.mark.parametrize(
    ("chosen", "title"),
    [
        (3, "3 topics: stability 0.85 (\u00b1 0.14) over 5 subsamples, the most stable"),
        # 0.8524 and 0.853 both round to 0.85: a third decimal tells them apart
        (
            5,
            "5 topics: stability 0.852 (\u00b1 0.01) over 5 subsamples, the highest is 0.853 at k = 3",
        ),
        # choose_k may take a larger k near the best
        (
            4,
            "4 topics: stability 0.84 (\u00b1 0.10) over 5 subsamples, the highest is 0.85 at k = 3",
        ),
        (9, "No topic model fitted"),
    ],
)
def test_topic_stability_title_states_the_chosen_k(chosen, title):
    stability = pd.DataFrame(
        {
            "k": [2, 3, 4, 5],
            "stability": [0.82, 0.853, 0.844, 0.8524],
            "sd": [0.2, 0.138, 0.1, 0.01],
        }
    ).assign(resamples=5)
    assert narrative.finding_topic_stability(stability, chosen) == title


def test_topic_terms_title_names_the_largest_topic_and_its_terms():
    terms = pd.DataFrame(
        {
            "topic": [1, 1, 1, 1, 2],
            "rank": [2, 1, 4, 3, 1],
            "term": ["putin", "ukraine", "talks", "russia", "nato"],
        }
    )
    # topic 1 has 50 of 80 sentences (topic 3 is not among the terms drawn)
    sizes = pd.Series({1: 50, 2: 30, 3: 90})
    assert narrative.finding_topic_terms(terms, sizes) == (
        'The largest topic (50 of 80 sentences) is led by "ukraine", "putin" and "russia"'
    )
    assert narrative.finding_topic_terms(terms[terms["topic"] == 2], sizes) == (
        'The largest topic (30 of 30 sentences) is led by "nato"'
    )
    assert narrative.finding_topic_terms(terms.iloc[:0], sizes) == "No topic found"


@pytest.mark.parametrize(
    ("rows", "title"),
    [
        (
            [(True, 0.69), (False, 0.55), (True, 0.61)],
            "2 of the 3 pairs nearest the 0.6 threshold count as reuse (scores 0.55 to 0.69)",
        ),
        (
            [(False, 0.58)],
            "0 of the 1 pairs nearest the 0.6 threshold count as reuse (scores 0.58 to 0.58)",
        ),
        ([], "No sentence pair scores near the threshold"),
    ],
)
def test_near_threshold_title_counts_the_matches(rows, title):
    near = pd.DataFrame(rows, columns=["match", "score"])
    assert narrative.finding_near_threshold(near, 0.6) == title


@pytest.mark.parametrize(
    ("rows", "title"),
    [
        # pooled: both 7, tagger 8, human 10 -> precision 88%, recall 70%
        (
            [("war", "War", 3, 4, 4), ("all", "All frames", 7, 8, 10)],
            "The tagger's precision is 88% (7 of 8) and its recall 70% (7 of 10) over all frames",
        ),
        # no pooled row; the tagger tagged nothing
        (
            [("war", "War", 0, 0, 2)],
            "The tagger's precision is 0 of 0 and its recall 0% (0 of 2) on 'War'",
        ),
        ([], "No hand-coded sentence matches this corpus"),
    ],
)
def test_frame_validation_title_states_precision_and_recall(rows, title):
    agreement = pd.DataFrame(rows, columns=["frame", "label", "both", "tagger", "human"])
    assert narrative.finding_frame_validation(agreement) == title


def test_titles_name_articles_by_their_outlet():
    removed = pd.DataFrame(
        {
            "article_id": ["ft-v2", "ft-v2", "ap"],
            "outlet": ["Financial Times", "Financial Times", "Associated Press"],
            "share_of_raw": [0.1, 0.07, 0.05],
        }
    )
    assert narrative.finding_removed(removed) == (
        "The cleaner took 17% of the raw characters out of Financial Times (ft-v2)"
    )
    outlets = {"independent": "The Independent", "ap": "Associated Press"}
    matrix = pd.DataFrame(
        {
            "article_id": ["independent"],
            "other_id": ["ap"],
            "matched_sentences": [3],
            "word_share": [0.14],
        }
    )
    assert narrative.finding_reuse(matrix, outlets) == (
        "14% of the words of The Independent (independent) are in sentences that closely match "
        "Associated Press (ap)"
    )
