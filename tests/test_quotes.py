"""Tests for analysis.quotes: detection, kinds, attribution, sentence voice and the cue lexicon.

Expected values are worked out by hand from the example texts. How the finder scores against
hand-labelled quotations, seeds and held-out text, is tested in ``tests/test_quote_accuracy.py``.
"""

from __future__ import annotations

import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from analysis import quotes as Q
from analysis.parallel import MIN_ARTICLES


def quotes_of(*paragraphs: str, headline: str = "") -> pd.DataFrame:
    """find_quotes on one article made of ``paragraphs``."""
    table = pd.DataFrame(
        {"article_id": "a", "paragraph": range(1, len(paragraphs) + 1), "text": paragraphs}
    )
    return Q.find_quotes(table, headlines=pd.Series({"a": headline}))


def one(*paragraphs: str, **kwargs) -> pd.Series:
    found = quotes_of(*paragraphs, **kwargs)
    assert len(found) == 1, found
    return found.iloc[0]


# --------------------------------------------------------------------------- detection


@pytest.mark.parametrize(
    "text, index, role",
    [
        ('he said "yes" then', 8, "open"),
        ('he said "yes" then', 12, "close"),
        ("“a”", 0, "open"),
        ("“a”", 2, "close"),
        ('were "far,"', 5, "open"),
        ('side)," she', 6, "close"),  # after a comma, before a space
        ('x " y', 2, "either"),  # between spaces: the straight glyph cannot say
        ("x ” y", 2, "close"),  # ... a curly one can
        ("so-called “peace”", 10, "open"),
    ],
)
def test_mark_role_reads_the_neighbours_first(text, index, role):
    assert Q.mark_role(text, index) == role


def test_curly_and_straight_quotes_are_found_with_exact_offsets():
    text = 'Scholz said options were “not exhausted”. Putin said "no".'
    found = quotes_of(text)
    assert found["text"].tolist() == ["not exhausted", "no"]
    for row in found.itertuples():
        assert text[row.start : row.end] == row.text


def test_mixed_glyphs_pair_up():
    # AP opens curly and closes straight, and the other way round.
    text = '“We won’t believe it," Kuleba said. He added "not yet.”'
    assert quotes_of(text)["text"].tolist() == ["We won’t believe it,", "not yet."]


def test_a_quotation_over_several_paragraphs_is_one():
    found = quotes_of(
        "The Russian president replied: “Of course we don’t want it.",
        "“Unfortunately there was no constructive response.”",
        "Something else.",
    )
    row = found.iloc[0]
    assert len(found) == 1
    assert (row.paragraph, row.paragraph_end) == (1, 2)
    assert (
        row.text == "Of course we don’t want it.\nUnfortunately there was no constructive response."
    )
    assert (row.start, row.end) == (32, 50)
    assert not row.unbalanced
    assert row.speaker == "Vladimir Putin"


def test_an_unclosed_quotation_ends_with_its_paragraph_and_is_flagged():
    found = quotes_of("Putin said “we are ready to talk", "Next paragraph has no mark.")
    row = found.iloc[0]
    assert (row.paragraph, row.paragraph_end, row.text, row.unbalanced) == (
        1,
        1,
        "we are ready to talk",
        True,
    )


def test_a_closing_mark_without_an_opening_one_is_flagged():
    row = one("we are ready,” Putin said.")
    assert (row.text, row.start, row.unbalanced) == ("we are ready,", 0, True)


def test_brackets_and_ellipses_stay_inside_the_quotation():
    row = one("Blinken said Washington was committed to “pursu[ing] a solution . . . peacefully”.")
    assert row.text == "pursu[ing] a solution . . . peacefully"
    assert row.n_words == 4  # pursuing, a, solution, peacefully


def test_headline_single_quotes_but_not_apostrophes():
    found = quotes_of("Body.", headline="Putin Says 'Ready' to Work on Russia's Demands")
    row = found.iloc[0]
    assert len(found) == 1
    assert (row.paragraph, row.text, row.speaker, row.kind) == (
        0,
        "Ready",
        "Vladimir Putin",
        "partial",
    )


@settings(max_examples=200, deadline=None)
@given(st.lists(st.text(alphabet="ab .,“”\"’'[]()\n", max_size=40), min_size=1, max_size=4))
def test_any_text_yields_spans_within_their_paragraphs(paragraphs):
    paragraphs = [p.strip() or "x" for p in paragraphs]
    found = quotes_of(*paragraphs)
    for row in found.itertuples():
        first, last = paragraphs[row.paragraph - 1], paragraphs[row.paragraph_end - 1]
        assert 0 <= row.start <= len(first) and 0 <= row.end <= len(last)
        if row.paragraph == row.paragraph_end:
            assert first[row.start : row.end] == row.text
    assert found["quote"].tolist() == list(range(1, len(found) + 1))


# --------------------------------------------------------------------------- words and kinds


@pytest.mark.parametrize(
    "text, words",
    [
        ("pursu[ing] a diplomatic solution", 4),
        ("They won’t admit [Ukraine] tomorrow", 4),
        ("we really have relatives (on the Ukrainian side)", 4),
        ("That’s the kind of thing they (could do).", 6),
        ("130,000 troops or more", 4),
        ("according to plan... regardless", 4),
    ],
)
def test_spoken_words_leave_out_editorial_insertions(text, words):
    assert Q.spoken_words(text) == words


@pytest.mark.parametrize(
    "text, after, attributed, kind",
    [
        ("dialogue", " with the west", False, "scare"),
        ("people’s republics", " in Donetsk", False, "scare"),
        ("four words said here", "", False, "partial"),  # too long to be scare
        ("not on the agenda", ".", True, "partial"),
        ("The fact is that we hope,", " the chancellor said.", True, "full"),
        ("Of course", " Russia doesn't want war, Putin said.", True, "partial"),
        ("I expressly agree that options are far from exhausted.", "", True, "full"),
        ("130,000 troops or more", "", True, "full"),
        ("a decision has been taken", " following what Russia claims", True, "partial"),
    ],
)
def test_quote_kind(text, after, attributed, kind):
    assert Q.quote_kind(text, after, attributed=attributed) == kind


# --------------------------------------------------------------------------- attribution

ATTRIBUTIONS = [
    # (paragraphs, speaker of the last quotation, cue, rule)
    (["“The fact is good,” the chancellor said."], "Olaf Scholz", "say", "after"),
    (
        ["“The units are moving,” said Igor Konashenkov, a ministry spokesperson."],
        "Igor Konashenkov",
        "say",
        "after",
    ),
    (["He told reporters in Brussels: “The decision stands.”"], "He", "tell", "before"),
    (
        ["Jens Stoltenberg insisted on it.", "He told reporters: “The decision stands.”"],
        "Jens Stoltenberg",
        "tell",
        "before",
    ),
    (
        ["Maria Zakharova said in a statement: “February 15 will go down in history.”"],
        "Maria Zakharova",
        "say",
        "before",
    ),
    (
        ["Talks would go on, according to Russia’s foreign ministry, “as planned”."],
        "Russian foreign ministry",
        "according to",
        "according to",
    ),
    (
        [
            "“Western propaganda failed,” Russian Foreign Ministry spokesperson Maria Zakharova "
            "tweeted."
        ],
        "Maria Zakharova",
        "tweet",
        "after",
    ),
    (
        ["Russia’s president said the answer was “not constructive”."],
        "Vladimir Putin",
        "say",
        "before",
    ),
    (
        ["Nato’s secretary-general Jens Stoltenberg said he saw “no sign of de-escalation”."],
        "Jens Stoltenberg",
        "say",
        "before",
    ),
    (
        ["But Mr Putin said that Nato had not given a “constructive” answer."],
        "Vladimir Putin",
        "say",
        "before",
    ),
    (
        ["Ms Truss warned that it could spread.", "She told Sky News: “This is an attack.”"],
        "Liz Truss",
        "tell",
        "before",
    ),
    (
        ["Putin said the talks were useful.", "“We are ready to go on,” he added."],
        "Vladimir Putin",
        "add",
        "after",
    ),
    (
        ["Mr Kuleba said: “We have a rule.”", "“We believe what we see.”"],
        "Dmytro Kuleba",
        "",
        "continued",
    ),
    (
        ["“We are aware of reports,” a US defence official told the Financial Times."],
        "US defence official",
        "tell",
        "after",
    ),
    (["The Kremlin has cast the warnings as “hysteria”."], "Kremlin", "cast", "before"),
    (
        ["Russia’s defence ministry said the units would move “as always”."],
        "Russian defence ministry",
        "say",
        "before",
    ),
    (
        ["“The path for diplomacy remains open,” the White House said."],
        "White House",
        "say",
        "after",
    ),
    (["“It is a good sign,” said Anna Schmidt, a local farmer."], "Anna Schmidt", "say", "after"),
    (
        ["A senior Ukrainian official said the mood was “calm but tense”."],
        "A senior Ukrainian official",
        "say",
        "before",
    ),
    (
        ["Putin said Nato countries told him they would act “only when ready”."],
        "Vladimir Putin",
        "say",
        "before",
    ),
    (
        ["Putin said “we are ready”, but added that “more will follow”."],
        "Vladimir Putin",
        "add",
        "before",
    ),
    (
        ["The news was welcomed as a “good signal” by Mr Scholz."],
        "Olaf Scholz",
        "welcome",
        "before",
    ),
    (
        ["While Lavrov complained about “rhetoric”, he “stressed the importance” of it."],
        "Sergei Lavrov",
        "stress",
        "in-quote",
    ),
    (
        ["Mr Johnson described the signals as “mixed”. There was an “avenue for diplomacy”."],
        "Boris Johnson",
        "",
        "carried",
    ),
]


@pytest.mark.parametrize("paragraphs, speaker, cue, rule", ATTRIBUTIONS)
def test_attribution_forms(paragraphs, speaker, cue, rule):
    found = quotes_of(*paragraphs)
    last = found.iloc[-1]
    assert (last.speaker, last.cue, last.attribution) == (speaker, cue, rule)


def test_an_unknown_speaker_keeps_the_texts_words_and_gets_a_side_and_type():
    row = one("A senior Ukrainian official said the mood was “calm but tense”.")
    assert (row.speaker_side, row.speaker_type) == ("Ukraine", "anonymous")
    row = one("“It is a good sign,” said Anna Schmidt, a local farmer.")
    # A farmer is a citizen or witness: counted as civilians, not on a state's side (issue 15).
    assert (row.speaker_side, row.speaker_type, row.speaker_text) == (
        "civilians",
        "citizen or witness",
        "Anna Schmidt",
    )


def test_scare_and_so_called_quotes_have_no_speaker():
    found = quotes_of(
        "Putin eased tensions to enable “dialogue” with the west.",
        "The so-called “people’s republics” announced a mobilisation.",
    )
    assert found["kind"].tolist() == ["scare", "scare"]
    assert found["speaker"].tolist() == ["", ""]


def test_he_is_the_last_person_speaking_not_the_last_person_named():
    found = quotes_of(
        "Scholz said Europe was united.",
        "Scholz met Ukrainian President Volodymyr Zelenskyy in Kyiv the day before.",
        "“Security can only be had with Russia,” he told reporters.",
    )
    assert found.iloc[-1]["speaker"] == "Olaf Scholz"


def test_a_resumed_quotation_is_full():
    found = quotes_of('"We\'re not closing the door," Biden said, "but we\'re ready for anything."')
    assert found["kind"].tolist() == ["full", "full"]
    assert found["speaker"].tolist() == ["Joe Biden", "Joe Biden"]


def test_quote_table_columns_and_numbering():
    found = quotes_of("Putin said “yes”.", "Scholz said “no”.", headline="Putin: 'Ready'")
    assert list(found.columns) == Q.QUOTE_COLUMNS
    assert found["quote"].tolist() == [1, 2, 3]
    assert found["paragraph"].tolist() == [0, 1, 2]
    assert found["speaker"].tolist() == ["Vladimir Putin", "Vladimir Putin", "Olaf Scholz"]


def test_parallel_reading_gives_the_same_table():
    paragraphs = pd.DataFrame(
        {
            "article_id": [f"a{i:03d}" for i in range(MIN_ARTICLES) for _ in range(2)],
            "paragraph": [1, 2] * MIN_ARTICLES,
            "text": ["“We are ready,” Putin said.", "Scholz said it was “a good sign”."]
            * MIN_ARTICLES,
        }
    )
    serial = Q.find_quotes(paragraphs, workers=1)
    assert len(serial) == 2 * MIN_ARTICLES
    pd.testing.assert_frame_equal(serial, Q.find_quotes(paragraphs, workers=2))


def test_reported_speech_is_listed_with_its_speaker():
    paragraphs = pd.DataFrame(
        {
            "article_id": "a",
            "paragraph": [1, 2],
            "text": [
                "A U.S. defense official said Russian units were moving closer.",
                "“We are ready,” Putin said, adding to hopes of a deal.",
            ],
        }
    )
    found = Q.find_attributions(paragraphs)
    assert found[["paragraph", "cue", "speaker", "speaker_type", "quoted"]].values.tolist() == [
        [1, "say", "US defence official", "anonymous", False],
        [2, "say", "Vladimir Putin", "politician", True],
    ]  # "adding to hopes" is not a reporting verb (cues.yml: not_followed_by)


# --------------------------------------------------------------------------- voice


def test_sentence_voice_shares_by_hand():
    text = "“Abc de,” he said. Fg “hi” jk lm."
    #       0123456789012345678901234567890123
    quotes = Q.find_quotes(pd.DataFrame({"article_id": ["a"], "paragraph": [1], "text": [text]}))
    sentences = pd.DataFrame(
        {
            "article_id": "a",
            "paragraph": 1,
            "sentence": [1, 2, 3],
            "start": [0, 19, 0],
            "end": [18, 34, 0],
            "text": [text[0:18], text[19:34], ""],
        }
    )
    voiced = Q.sentence_voice(sentences, quotes)
    # Sentence 1: counted characters (no spaces, no double marks) = A b c d e , h e s a i d . = 13;
    # inside the quotation: A b c d e , = 6.  Sentence 2: F g h i j k l m . = 9, inside: h i = 2.
    assert voiced["quoted_share"].tolist() == pytest.approx([6 / 13, 2 / 9, 0.0])
    assert voiced["voice"].tolist() == ["mixed", "mixed", "authorial"]
    assert Q.sentence_voice(sentences, quotes, quoted_from=0.4)["voice"].tolist()[0] == "quoted"


def test_a_paragraph_inside_a_long_quotation_is_all_quoted():
    paragraphs = ["He said: “One.", "“Two three.", "“Four.”"]
    quotes = quotes_of(*paragraphs)
    sentences = pd.DataFrame(
        {
            "article_id": "a",
            "paragraph": [1, 2, 3],
            "sentence": [1, 2, 3],
            "start": [0, 0, 0],
            "end": [len(p) for p in paragraphs],
            "text": paragraphs,
        }
    )
    voiced = Q.sentence_voice(sentences, quotes)
    # 1: "Hesaid:One." 11 counted, "One." 4 inside; 2 and 3 entirely inside.
    assert voiced["quoted_share"].tolist() == pytest.approx([4 / 11, 1.0, 1.0])
    assert voiced["voice"].tolist() == ["mixed", "quoted", "quoted"]


# --------------------------------------------------------------------------- lexicon of cues


def test_cue_lexicon_groups_and_the_verbs_the_issue_names():
    cues = Q.load_cues()
    assert set(cues.group_of.values()) == {"neutral", "assertive", "doubt", "alarmed", "other"}
    expected = {
        "say": "neutral",
        "tell": "neutral",
        "add": "neutral",
        "note": "neutral",
        "insist": "assertive",
        "stress": "assertive",
        "emphasise": "assertive",
        "reiterate": "assertive",
        "claim": "doubt",
        "allege": "doubt",
        "warn": "alarmed",
    }
    assert {lemma: cues.group_of[lemma] for lemma in expected} == expected
    assert cues.lemma_of["emphasized"] == cues.lemma_of["emphasised"] == "emphasise"
    assert cues.source


def test_nouns_that_look_like_cues_are_not_cues():
    # "a conference call", "the warning", "Western claims": nouns, not reporting verbs.
    row = one("Peskov told reporters on a conference call that Moscow had “no plans” at all.")
    assert (row.speaker, row.cue) == ("Dmitry Peskov", "tell")
    row = one("Lavrov called Western claims “absurd”.")
    assert (row.speaker, row.cue) == ("Sergei Lavrov", "call")
