"""Emphasis: text units and positions, frame tagging, the emphasis index, headline contrast,
facts coverage and numeric claims. Golden values are worked out by hand in the comments (or, for
the Wilson interval, by scipy), on tiny corpora built here."""

from __future__ import annotations

import math

import pandas as pd
import pytest
from scipy.stats import binomtest

from analysis import emphasis as e
from analysis import numbers
from analysis.errors import CorpusError
from analysis.findings import _KEY

PEACE = e.Frame("peace", "Peace", None, ("talks", "de-escalat*", "peace process"))
WAR = e.Frame("war", "War", "conflict", ("troops", "invasion", "escalation"))
FRAMES = (PEACE, WAR)


# Article "a": 4 sentences of 2, 2, 4 and 2 words (10 in all), in 3 paragraphs, so they occupy
# [0, .2), [.2, .4), [.4, .8) and [.8, 1) of the body; paragraphs 1-2 are the lead.
#   s1 "Talks resumed."          peace
#   s2 "Troops stayed."          war
#   s3 "An invasion looms now."  war
#   s4 "Troops de-escalate."     peace, war
# Article "b" has no headline and one sentence that carries no frame.
TINY = {
    "a": {
        "outlet": "Alpha",
        "headline": "Talks begin",
        "paragraphs": [
            "Talks resumed. Troops stayed.",
            "An invasion looms now.",
            "Troops de-escalate.",
        ],
    },
    "b": {"outlet": "Beta", "paragraphs": ["Nothing of note happened here today."]},
}


@pytest.fixture
def tiny(make_corpus):
    return make_corpus(TINY, split=True)


@pytest.fixture
def units(tiny):
    return e.text_units(tiny)


# --------------------------------------------------------------------------- units


def test_text_units_zones_and_word_positions(units):
    a = units[units["article_id"] == "a"]
    assert a["zone"].tolist() == ["headline", "lead", "lead", "lead", "body"]
    body = a[a["zone"] != "headline"]
    assert body["n_words"].tolist() == [2, 2, 4, 2]
    assert body["start_pos"].tolist() == pytest.approx([0, 0.2, 0.4, 0.8])
    assert body["end_pos"].tolist() == pytest.approx([0.2, 0.4, 0.8, 1.0])
    assert math.isnan(a["start_pos"].iloc[0])  # the headline has no position
    assert units.loc[units["article_id"] == "b", "zone"].tolist() == ["lead"]  # no headline row


def test_text_units_lead_length_is_an_option(tiny):
    zones = e.text_units(tiny, lead_paragraphs=1)
    assert zones.loc[zones["article_id"] == "a", "zone"].tolist()[1:] == [
        "lead",
        "lead",
        "body",
        "body",
    ]


def test_voice_filter_needs_the_voice_column(tiny):
    with pytest.raises(CorpusError, match="voice"):
        e.text_units(tiny, voice="writer")


def test_voice_filter_keeps_positions_of_the_whole_body(tiny):
    voice = ["authorial", "quoted", "authorial", "quoted", "authorial"]
    corpus = tiny.with_tables(sentences=tiny.sentences.assign(voice=voice))
    writer = e.text_units(corpus, voice="writer")
    a = writer[(writer["article_id"] == "a") & (writer["zone"] != "headline")]
    assert a["sentence"].tolist() == [1, 3]
    assert a["start_pos"].tolist() == pytest.approx([0, 0.4])


# --------------------------------------------------------------------------- frames


@pytest.mark.parametrize(
    ("text", "peace", "war"),
    [
        ("Talks resumed.", 1, 0),
        ("No de-escalation yet, only escalation.", 1, 1),  # "escalation" not inside "de-escalation"
        ("Troops, troops and more TROOPS", 0, 3),  # counts every match, any case
        ("The peace process stalled; talks did not.", 2, 0),  # the phrase counts once
        ("Nato\u2019s troops\u2019 talks", 1, 1),  # curly apostrophes folded, possessives allowed
        ("Peacetime trooping", 0, 0),  # whole words only
        ("", 0, 0),
    ],
)
def test_frame_hits(text, peace, war):
    hits = e.frame_hits(pd.Series([text]), FRAMES)
    assert hits.iloc[0].tolist() == [peace, war]


def test_tagging_once_gives_the_same_tables(units):
    mentions = e.frame_mentions(units, FRAMES)
    for table in (e.frame_shares, e.emphasis_index, e.headline_contrast, e.headline_delivery):
        pd.testing.assert_frame_equal(
            table(units, FRAMES, mentions=mentions), table(units, FRAMES), check_dtype=True
        )


def test_frame_shares_say_which_cues_tagged_the_sentences(units):
    shares = e.frame_shares(units, FRAMES).set_index(["article_id", "frame"])["matched"]
    # war: "troops" in s2 and s4, "invasion" in s3; peace: "talks" in s1, "de-escalat*" in s4
    assert shares[("a", "war")] == "troops 2; invasion 1"
    assert shares[("a", "peace")] == "de-escalat* 1; talks 1"
    assert shares[("b", "war")] == ""  # no sentence, no cue


def test_frame_hits_in_parallel_are_the_same(monkeypatch):
    texts = pd.Series(["Talks and troops.", "Nothing.", "An invasion.", "De-escalation talks."] * 5)
    serial = e.frame_hits(texts, FRAMES, workers=1)
    monkeypatch.setattr("analysis.parallel.MIN_TEXTS", 3)
    pd.testing.assert_frame_equal(e.frame_hits(texts, FRAMES, workers=2), serial)


def test_fact_hits_in_parallel_are_the_same(make_corpus, monkeypatch):
    units = e.text_units(make_corpus(FACT_CORPUS, split=True))
    serial = e.fact_hits(units, FACTS, workers=1)
    monkeypatch.setattr("analysis.parallel.MIN_TEXTS", 2)
    pd.testing.assert_frame_equal(e.fact_hits(units, FACTS, workers=2), serial)


def test_frame_shares_counts_and_wilson_interval(units):
    shares = e.frame_shares(units, FRAMES).set_index(["article_id", "frame"])
    # article a: 4 body sentences; peace in s1, s4 (2/4); war in s2, s3, s4 (3/4)
    assert shares.loc[("a", "peace"), ["sentences", "total", "share"]].tolist() == [2, 4, 0.5]
    assert shares.loc[("a", "war"), ["sentences", "total", "share"]].tolist() == [3, 4, 0.75]
    assert shares.loc[("b", "war"), ["sentences", "total", "share"]].tolist() == [0, 1, 0.0]
    reference = binomtest(3, 4).proportion_ci(confidence_level=0.95, method="wilson")
    assert shares.loc[("a", "war"), "ci_low"] == pytest.approx(reference.low)
    assert shares.loc[("a", "war"), "ci_high"] == pytest.approx(reference.high)


def test_generic_shares_count_a_sentence_once(units):
    generic = e.frame_shares(units, FRAMES, generic=True)
    assert generic["frame"].unique().tolist() == ["conflict"]
    a = generic.set_index("article_id").loc["a"]
    assert (a["sentences"], a["total"]) == (3, 4)


def test_dictionary_coverage(units):
    coverage = e.dictionary_coverage(units, FRAMES).set_index("article_id")
    assert coverage.loc["a", ["sentences", "tagged", "untagged"]].tolist() == [4, 4, 0]
    assert coverage.loc["b", ["sentences", "tagged", "untagged"]].tolist() == [1, 0, 1]


# --------------------------------------------------------------------------- order


def test_emphasis_index_by_hand(units):
    index = e.emphasis_index(units, FRAMES).set_index(["article_id", "frame"])
    # peace: s1 [0, .2) -> 1 - .8^2 = .36; s4 [.8, 1) -> .2^2 - 0 = .04; E = .40, W = .4
    peace = index.loc[("a", "peace")]
    assert peace["index"] == pytest.approx(0.40)
    assert peace["word_share"] == pytest.approx(0.4)
    assert peace["front_loading"] == pytest.approx(1.0)
    assert peace["first_position"] == pytest.approx(0.0)
    # war: s2 .64 - .36 = .28; s3 .36 - .04 = .32; s4 .04; E = .64, W = .8, E/W = .8
    war = index.loc[("a", "war")]
    assert war["index"] == pytest.approx(0.64)
    assert war["front_loading"] == pytest.approx(0.8)
    assert war["first_position"] == pytest.approx(0.2)
    # a frame found nowhere: zero index, no position, no front-loading
    none = index.loc[("b", "war")]
    assert (none["sentences"], none["index"]) == (0, 0)
    assert math.isnan(none["first_position"]) and math.isnan(none["front_loading"])


def test_emphasis_index_is_one_for_a_frame_in_every_sentence(make_corpus):
    corpus = make_corpus(
        {"x": {"paragraphs": ["Troops here.", "More troops there now.", "Troops."]}}, split=True
    )
    index = e.emphasis_index(e.text_units(corpus), FRAMES).set_index("frame")
    assert index.loc["war", "index"] == pytest.approx(1.0)
    assert index.loc["war", "front_loading"] == pytest.approx(1.0)


def test_first_mentions_and_lead_end(units):
    first = e.frame_first_mentions(units, FRAMES).set_index(["article_id", "name"])
    assert first.loc[("a", "peace"), ["first_position", "in_headline", "in_lead"]].tolist() == [
        0.0,
        True,
        True,
    ]
    assert first.loc[("a", "war"), ["first_position", "in_headline"]].tolist() == [0.2, False]
    assert e.lead_end(units).to_dict() == pytest.approx({"a": 0.8, "b": 1.0})


def test_word_shares_of_character_positions():
    body = "Putin met Scholz.\nScholz left."  # 5 words; the second "Scholz" is the 4th
    shares = [0.0, body.index("Scholz") / len(body), body.rindex("Scholz") / len(body), math.nan]
    got = e.word_shares(body, shares)
    assert got[:3].tolist() == pytest.approx([0.0, 2 / 5, 3 / 5])
    assert math.isnan(got[3])
    assert math.isnan(e.word_shares("", [0.5])[0])


def test_version_differences(make_corpus):
    corpus = make_corpus(
        {
            "v1": {"headline": "", "paragraphs": ["Blinken and Lavrov spoke. Calm."]},
            "v2": {
                "headline": "The Duma voted",
                "paragraphs": ["Calm.", "Blinken and Lavrov spoke."],
            },
            "other": {"paragraphs": ["The Duma voted."]},
        },
        split=True,
    )
    articles = corpus.articles.assign(story_id=["s", "s", "t"], version=["1", "2", "1"])
    table = e.version_differences(corpus.with_tables(articles=articles), FACTS)
    # "call" is in the lead of both versions (no change); "duma" only in v2's headline
    assert table.to_dict("records") == [
        {
            "story_id": "s",
            "fact": "duma",
            "label": "Duma vote",
            "articles": "v1, v2",
            "version 1": "absent",
            "version 2": "headline",
        }
    ]


# --------------------------------------------------------------------------- headline and lead


def test_headline_contrast(units):
    contrast = e.headline_contrast(units, FRAMES).set_index(["article_id", "frame"])
    assert bool(contrast.loc[("a", "peace"), "headline"]) is True
    assert bool(contrast.loc[("a", "war"), "headline"]) is False
    assert pd.isna(contrast.loc[("b", "peace"), "headline"])  # "b" has no headline
    assert pd.isna(contrast.loc[("a", "peace"), "standfirst"])
    # lead = s1-s3: peace 1/3, war 2/3; body as a whole: 2/4 and 3/4, war ranks first
    assert contrast.loc[("a", "peace"), "lead_share"] == pytest.approx(1 / 3)
    assert contrast.loc[("a", "war"), "lead_share"] == pytest.approx(2 / 3)
    assert contrast.loc[("a", "war"), "body_rank"] == 1
    assert contrast.loc[("a", "peace"), "body_rank"] == 2


def test_headline_delivery(units):
    delivery = e.headline_delivery(units, FRAMES)
    assert delivery["article_id"].tolist() == ["a"]  # no headline, no row
    row = delivery.iloc[0]
    # the headline promises peace; 2 of the 4 body sentences carry it; the body's top is war
    assert (row["headline_frames"], row["delivered"], row["body_total"]) == ("peace", 2, 4)
    assert row["delivery_share"] == pytest.approx(0.5)
    assert (row["body_top_frame"], row["headline_has_top_frame"]) == ("war", False)


def test_headline_terms(units):
    terms = e.headline_terms(units).set_index("term")
    # "talks" and "begin" are content words; "talks" is in s1 (lead), "begin" nowhere
    assert terms.index.tolist() == ["talks", "begin"]
    assert terms.loc["talks", ["body_sentences", "in_lead"]].tolist() == [1, True]
    assert terms.loc["begin", "body_sentences"] == 0


# --------------------------------------------------------------------------- facts

FACTS = (
    e.Fact("call", "Phone call", (("blinken", "lavrov"), ("phone call",))),
    e.Fact("duma", "Duma vote", (("duma | lower house",),)),
    e.Fact("size", "Troop size", (("troops",),), quantity="troops"),
    e.Fact("villagers", "Villagers", (("villager*",),)),
)
FACT_CORPUS = {
    "x": {
        "headline": "Duma votes",
        "standfirst": "A phone call, and more",
        "paragraphs": [
            "Blinken spoke. Lavrov listened.",  # the parts are in different sentences: no call
            "The lower house voted.",
            "Russia has 100,000 troops there. Troops moved.",
        ],
    },
    "y": {
        "paragraphs": ["Blinken and Lavrov spoke.", "Calm.", "Some 130,000 troops massed."],
    },
}


def test_fact_coverage_zones(make_corpus):
    units = e.text_units(make_corpus(FACT_CORPUS, split=True))
    coverage = e.fact_coverage(units, FACTS).set_index(["article_id", "fact"])
    assert coverage["zone"].to_dict() == {
        ("x", "call"): "standfirst",  # only the standfirst says "phone call"
        ("x", "duma"): "headline",  # headline and lead: the headline wins
        ("x", "size"): "body",  # "Troops moved." has no number, so only the first counts
        ("x", "villagers"): "absent",
        ("y", "call"): "lead",
        ("y", "duma"): "absent",
        ("y", "size"): "body",
        ("y", "villagers"): "absent",
    }
    assert coverage.loc[("x", "size"), ["sentences", "first_sentence"]].tolist() == [1, 4]
    assert coverage.loc[("x", "duma"), "sentences"] == 1  # headlines are not body sentences


def test_coverage_matrix_orders_facts_by_reach(make_corpus):
    units = e.text_units(make_corpus(FACT_CORPUS, split=True))
    matrix = e.coverage_matrix(e.fact_coverage(units, FACTS), pd.Series({"x": "X", "y": "Y"}))
    assert matrix.columns.tolist() == ["X", "Y"]
    assert matrix.index.tolist() == ["Phone call", "Troop size", "Duma vote", "Villagers"]


def test_compare_quantities_flags_different_values(make_corpus):
    units = e.text_units(make_corpus(FACT_CORPUS, split=True))
    table = e.compare_quantities(units, FACTS).set_index("article_id")
    assert table["claims"].to_dict() == {"x": "100,000 troops", "y": "Some 130,000 troops"}
    assert table["values"].to_dict() == {"x": "100000", "y": "130000"}
    assert table["values_differ"].all() and (table["articles_reporting"] == 2).all()


def test_compare_quantities_agreeing_and_missing(make_corpus):
    corpus = make_corpus(
        {
            "x": {"paragraphs": ["More than 130,000 troops."]},
            "y": {"paragraphs": ["130,000 troops or more."]},
            "z": {"paragraphs": ["No numbers here."]},
        },
        split=True,
    )
    table = e.compare_quantities(e.text_units(corpus), FACTS).set_index("article_id")
    assert table["reported"].to_dict() == {"x": True, "y": True, "z": False}
    assert not table["values_differ"].any()


def test_lexicons_load_and_are_editable(tmp_path):
    frames = e.load_frames()
    assert len(frames) == 8 and all(len(f.cues) + len(f.topics) >= 20 for f in frames)
    assert {f.generic for f in frames} - {None} <= set(e.generic_frame_labels())
    facts = e.load_facts()
    assert {"blinken-lavrov-call", "duma-resolution", "belgorod-villagers"} <= {f.id for f in facts}
    custom = tmp_path / "frames.yml"
    custom.write_text(
        "source: a test\nframes:\n  - name: weather\n    label: Weather\n    generic: null\n"
        "    terms: [snow, rain*]\n",
        encoding="utf-8",
    )
    (weather,) = e.load_frames(custom)
    assert e.frame_hits(pd.Series(["Rainy snow"]), (weather,)).iloc[0, 0] == 2


TAGGED = e.Frame("war", "War", "conflict", ("threat*", "invasion"), ("troops", "forces"))


@pytest.mark.parametrize(
    ("text", "hits", "matched", "topic_terms"),
    [
        # force-posture nouns alone name the topic: no frame (AP, sentence 9)
        ("The announcement of troops being pulled back is a good signal.", 0, None, None),
        ("Forces and troops.", 0, None, None),
        # a cue tags it; the topic terms beside it are reported, each once, in text order
        (
            "Troops massed, a threat of invasion; more troops, a threatening tone.",
            3,
            "threat*; invasion",
            "troops",
        ),
        ("An invasion by Russian forces.", 1, "invasion", "forces"),
        ("Threats.", 1, "threat*", ""),
    ],
)
def test_a_frame_needs_a_cue_and_reports_what_fired(text, hits, matched, topic_terms):
    units = pd.DataFrame({c: [0] for c in e.UNIT_COLUMNS}).assign(text=[text])
    mentions = e.frame_mentions(units, (TAGGED,))
    assert e.frame_hits(units["text"], (TAGGED,)).iloc[0, 0] == hits
    if matched is None:
        assert mentions.empty
    else:
        assert mentions[["hits", "matched", "topic_terms"]].iloc[0].tolist() == [
            hits,
            matched,
            topic_terms,
        ]


def test_seed_frames_do_not_tag_force_posture_alone():
    frames = {f.name: f for f in e.load_frames()}
    military = (frames["military"],)
    plain = "The announcement of troops being pulled back is a “good signal,” he said."
    threat = "Russia has massed more than 130,000 troops near Ukraine."
    hits = e.frame_hits(pd.Series([plain, threat]), military)["military"].tolist()
    assert hits == [0, 1]
    people = "European leaders have left Europeans feeling caught between Russia and the U.S."
    assert e.frame_hits(pd.Series([people]), (frames["human_interest"],)).iloc[0, 0] == 0


def test_cues_and_topics_from_yaml(tmp_path):
    custom = tmp_path / "frames.yml"
    custom.write_text(
        "source: a test\nframes:\n  - name: weather\n    label: Weather\n    generic: null\n"
        "    cues: [storm*]\n    topics: [snow, rain*]\n",
        encoding="utf-8",
    )
    (weather,) = e.load_frames(custom)
    assert (weather.cues, weather.topics) == (("storm*",), ("snow", "rain*"))
    assert e.frame_hits(pd.Series(["Rainy snow", "Stormy snow"]), (weather,))[
        "weather"
    ].tolist() == [0, 1]
    both = tmp_path / "both.yml"  # (a lexicon is read once per path)
    both.write_text(custom.read_text().replace("[snow, rain*]", "[snow, Storm*]"))
    with pytest.raises(ValueError, match="cue and as topic"):
        e.load_frames(both)


def test_generic_mentions_join_what_fired():
    frames = (TAGGED, e.Frame("spin", "Spin", "conflict", ("propaganda",), ("state media",)))
    units = pd.DataFrame({c: [0] for c in e.UNIT_COLUMNS}).assign(
        text=["State media called the threat of invasion propaganda; troops stayed."]
    )
    generic = e.generic_mentions(e.frame_mentions(units, frames), frames)
    assert generic[["frame", "hits", "matched", "topic_terms"]].iloc[0].tolist() == [
        "conflict",
        3,
        "propaganda; threat*; invasion",  # frames as mentions lists them (by name), then text order
        "state media; troops",
    ]


def test_a_lexicon_must_name_its_source(tmp_path):
    bad = tmp_path / "frames.yml"
    bad.write_text("frames: []\n", encoding="utf-8")
    with pytest.raises(ValueError, match="source"):
        e.load_frames(bad)


# --------------------------------------------------------------------------- numbers

CLAIMS = [
    # text, type, claim, qualifier, value, unit_name, base_value, normalised, parenthetical
    (
        "more than 130,000 troops near",
        "troops",
        "more than 130,000 troops",
        "more than",
        130000,
        "troops",
        130000,
        "130000 troops",
        False,
    ),
    (
        "130,000 troops or more.",
        "troops",
        "130,000 troops or more",
        "or more",
        130000,
        "troops",
        130000,
        "130000 troops",
        False,
    ),
    (
        "some of its 100,000 troops",
        "troops",
        "100,000 troops",
        "",
        100000,
        "troops",
        100000,
        "100000 troops",
        False,
    ),
    ("after three hours of talks", "duration", "three hours", "", 3, "hours", 3, "3 hours", False),
    ("over a 48-hour period", "duration", "48-hour", "", 48, "hours", 48, "48 hours", False),
    ("for 3 days", "duration", "3 days", "", 3, "days", 72, "72 hours", False),
    (
        "lasting more than an hour",
        "duration",
        "more than an hour",
        "more than",
        1,
        "hours",
        1,
        "1 hours",
        False,
    ),
    (
        "more than 90 battalions",
        "military units",
        "more than 90 battalions",
        "more than",
        90,
        "battalions",
        90,
        "90 battalions",
        False,
    ),
    (
        "twenty-five soldiers",
        "troops",
        "twenty-five soldiers",
        "",
        25,
        "troops",
        25,
        "25 troops",
        False,
    ),
    (
        "1.5 million people",
        "people",
        "1.5 million people",
        "",
        1.5e6,
        "people",
        1.5e6,
        "1.5e+06 people",
        False,
    ),
    (
        "tens of thousands of troops",
        "troops",
        "tens of thousands of troops",
        "tens of thousands of",
        math.nan,
        "troops",
        math.nan,
        "",
        False,
    ),
    ("shares rose 3.5%", "percentage", "3.5%", "", 3.5, "percent", 3.5, "3.5 percent", False),
    ("up 5 per cent", "percentage", "5 per cent", "", 5, "percent", 5, "5 percent", False),
    ("a $1.5bn deal", "money", "$1.5bn", "", 1.5e9, "USD", 1.5e9, "1.5e+09 USD", False),
    (
        "February 15, 2022, will",
        "date",
        "February 15, 2022",
        "",
        math.nan,
        "date",
        math.nan,
        "2022-02-15",
        False,
    ),
    (
        "on 15 February 2022",
        "date",
        "15 February 2022",
        "",
        math.nan,
        "date",
        math.nan,
        "2022-02-15",
        False,
    ),
    ("by Feb. 20", "date", "Feb. 20", "", math.nan, "date", math.nan, "--02-20", False),
    ("in January 2022", "date", "January 2022", "", math.nan, "date", math.nan, "2022-01", False),
    ("in June 2021", "date", "June 2021", "", math.nan, "date", math.nan, "2021-06", False),
    # an abbreviated month needs a day: this is a year
    ("Jan 2022", "year", "2022", "", 2022, "year", 2022, "2022", False),
    ("annexed in 2014, and", "year", "2014", "", 2014, "year", 2014, "2014", False),
    ("at 1am on Wednesday", "time", "1am", "", math.nan, "time", math.nan, "01:00", False),
    ("at 3:30 p.m.", "time", "3:30 p.m.", "", math.nan, "time", math.nan, "15:30", False),
    ("Article 5 applies", "other", "5", "", 5, "", 5, "5", False),
]


@pytest.mark.parametrize("case", CLAIMS, ids=[c[0] for c in CLAIMS])
def test_numeric_claims(case):
    text, *expected = case
    units = pd.DataFrame(
        {
            "article_id": ["a"],
            "outlet": ["A"],
            "zone": ["body"],
            "paragraph": [1],
            "sentence": [1],
            "text": [text],
        }
    )
    claims = numbers.numeric_claims(units)
    assert len(claims) == 1, claims["claim"].tolist()
    columns = [
        "type",
        "claim",
        "qualifier",
        "value",
        "unit_name",
        "base_value",
        "normalised",
        "parenthetical",
    ]
    got = claims.iloc[0][columns].tolist()
    for g, x in zip(got, expected, strict=True):
        if isinstance(x, float) and math.isnan(x):
            assert math.isnan(g)
        elif isinstance(x, (int, float)) and not isinstance(x, bool):
            assert g == pytest.approx(x)
        else:
            assert g == x


@pytest.mark.parametrize(
    "text",
    [
        "No one wants war.",
        "Minsk II and the G7 met.",
        "over a number of days",
        "one of them",
        "",
    ],
)
def test_no_numeric_claim(text):
    units = pd.DataFrame(
        {
            "article_id": ["a"],
            "outlet": ["A"],
            "zone": ["body"],
            "paragraph": [1],
            "sentence": [1],
            "text": [text],
        }
    )
    assert numbers.numeric_claims(units).empty


def test_a_conversion_in_brackets_is_parenthetical():
    units = pd.DataFrame(
        {
            "article_id": ["a"],
            "outlet": ["A"],
            "zone": ["body"],
            "paragraph": [1],
            "sentence": [1],
            "text": ["about 30 kilometers (18 miles) from"],
        }
    )
    claims = numbers.numeric_claims(units)
    assert claims["claim"].tolist() == ["about 30 kilometers", "18 miles"]
    assert claims["parenthetical"].tolist() == [False, True]
    assert claims["base_value"].tolist() == pytest.approx([30, 18 * 1.609344])
    assert claims["base_unit"].tolist() == ["km", "km"]


def test_numbers_table_leaves_compared_claims_out_of_the_rest(make_corpus):
    units = e.text_units(make_corpus(FACT_CORPUS, split=True))
    claims = numbers.numeric_claims(units)
    stated = e.quantity_claims(units, FACTS, claims=claims)
    table = e.numbers_table(claims, e.compare_quantities(units, FACTS, claims=claims), stated)
    assert table[["section", "row"]].drop_duplicates().values.tolist() == [
        ["compared", "Troop size"]
    ]
    assert table["cell"].tolist() == ["100,000 troops", "Some 130,000 troops"]


def _numbers_grid() -> pd.DataFrame:
    """A numbers table of 7 articles from two outlets: money stated by a1, a2 (A) and b1 (B);
    a year by b1 and b2; A has 3 articles, B 4."""
    articles = {"a1": "A", "a2": "A", "a3": "A", "b1": "B", "b2": "B", "b3": "B", "b4": "B"}
    stated = {("money", "a1"), ("money", "a2"), ("money", "b1"), ("year", "b1"), ("year", "b2")}
    rows = [
        ("other", row, a, outlet, "$5m" if (row, a) in stated else "\u2014", False)
        for row in ("money", "year")
        for a, outlet in articles.items()
    ]
    return pd.DataFrame(
        rows, columns=["section", "row", "article_id", "outlet", "cell", "values_differ"]
    )


def test_numbers_by_outlet_counts_the_articles_stating_each_kind():
    table = e.numbers_by_outlet(_numbers_grid())
    cells = table.set_index(["row", "outlet"])["cell"].to_dict()
    assert cells == {
        ("money", "A"): "2 of 3 articles",
        ("money", "B"): "1 of 4 articles",
        ("year", "A"): "0 of 3 articles",
        ("year", "B"): "2 of 4 articles",
    }
    assert table["article_id"].tolist() == table["outlet"].tolist()


def test_the_numbers_figure_switches_to_outlets_past_its_column_cap():
    import matplotlib.pyplot as plt

    from analysis.plots import emphasis as plots

    grid = _numbers_grid()
    assert grid["article_id"].nunique() > plots.MAX_NUMBER_COLUMNS
    fig, data = plots.plot_numbers(grid, {})
    title = fig.axes[0].get_title(loc="left")
    texts = {c.get_text().get_text() for c in fig.axes[0].tables[0].get_celld().values()}
    plt.close(fig)
    assert "each cell counts the outlet" in title.replace("\n", " ")
    assert {"2 of 3 articles", "1 of 4 articles"} <= texts
    assert data.equals(grid)  # the CSV keeps every article's values


# --------------------------------------------------------------------------- the seed corpus


@pytest.fixture(scope="module")
def seed_units(seed_corpus):
    return e.text_units(seed_corpus.canonical())


def test_seed_troop_figures(seed_units):
    """Read off the articles: FT, AP and The Independent give 130,000 troops (or more), The
    Moscow Times 100,000."""
    table = e.compare_quantities(seed_units).query("fact == 'troop-build-up'")
    assert table.set_index("article_id")["values"].to_dict() == {
        "ft-v2": "130000",
        "ap": "130000",
        "independent": "130000",
        "moscow-times": "100000",
    }
    assert table["values_differ"].all()


def test_seed_facts_only_one_outlet_reports(seed_units):
    coverage = e.fact_coverage(seed_units)
    reported = coverage[coverage["zone"] != "absent"].groupby("fact")["article_id"].agg(set)
    assert reported["blinken-lavrov-call"] == {"ft-v2"}
    assert reported["belgorod-villagers"] == {"ap"}
    assert reported["johnson-cobra"] == {"independent"}
    assert reported["zakharova-statement"] == {"ap", "independent"}


def test_seed_findings_keys_are_valid_and_unique(seed_units):
    claims = numbers.numeric_claims(seed_units)
    rows = e.findings_rows(
        shares=e.frame_shares(seed_units),
        generic_shares=e.frame_shares(seed_units, generic=True),
        coverage_by_dictionary=e.dictionary_coverage(seed_units),
        index=e.emphasis_index(seed_units),
        delivery=e.headline_delivery(seed_units),
        coverage=e.fact_coverage(seed_units, claims=claims),
        comparison=e.compare_quantities(seed_units, claims=claims),
    )
    assert rows["key"].is_unique
    assert all(_KEY.match(k) and k.startswith("emphasis.") for k in rows["key"])
    values = rows.set_index("key")["value"]
    assert values["emphasis.numbers.troop-build-up.moscow-times"] == 100000
    assert isinstance(values["emphasis.numbers.troop-build-up.moscow-times"], int)  # not 1e+05
    assert values["emphasis.opening_frames.ft-v2"] == "diplomacy; military"
    assert values["emphasis.numbers.troop-build-up.values_differ"] is True


@pytest.mark.parametrize(
    ("actor", "actor_type", "named"),
    [
        ("Tony Blair", "person", True),
        ("the FBI", "institution", True),  # "the" before a capital: a name
        ("The Tories", "person", True),
        ("a spokesman", "person", False),  # a description: someone else in each article
        ("A spokesman", "person", False),
        ("an Apple spokesman", "anonymous", False),
        ("A separate study by Gartner", "person", False),
        ("he", "person", False),
        ("the firm", "person", False),
        ("Western officials", "anonymous", False),  # an anonymous source is no actor to list
        ("Theresa May", "person", True),  # "The..." inside a name is no article
        ("Anne Smith", "person", True),
    ],
)
def test_an_unknown_speaker_is_an_actor_only_when_named(actor, actor_type, named):
    assert e.names_someone(actor, actor_type) is named
