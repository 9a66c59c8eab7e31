"""Tests for analysis.quotes: detection, kinds, attribution, sentence voice and accuracy.

Expected values are worked out by hand from the example texts. The accuracy tests measure the
code against quotations labelled by hand: the gold set of the five seeds
(``tests/fixtures/quotes_gold.csv``) and two held-out sets below, written in other outlets'
styles. History, for honesty: the rules were developed while reading the seeds, so the seed
figures are in-sample. Held-out set A (33 quotations) scored 33/33 found, 23/33 speakers and
28/33 kinds on its first run; set B (23 quotations), written after fixing A's failures, scored
23/23 found, 15/23 speakers and 22/23 kinds on its first run. Both were then used to fix general
bugs, so the figures asserted for them now are in-sample too.
"""

from __future__ import annotations

import pandas as pd
import pytest
import scipy.stats
from hypothesis import given, settings
from hypothesis import strategies as st

from analysis import quotes as Q


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
    assert (row.speaker_side, row.speaker_type, row.speaker_text) == (
        "unknown",
        "person",
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
            "article_id": [f"a{i:03d}" for i in range(Q.PARALLEL_THRESHOLD) for _ in range(2)],
            "paragraph": [1, 2] * Q.PARALLEL_THRESHOLD,
            "text": ["“We are ready,” Putin said.", "Scholz said it was “a good sign”."]
            * Q.PARALLEL_THRESHOLD,
        }
    )
    serial = Q.find_quotes(paragraphs, workers=1)
    assert len(serial) == 2 * Q.PARALLEL_THRESHOLD
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
        [2, "say", "Vladimir Putin", "person", True],
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


# --------------------------------------------------------------------------- accuracy


def test_wilson_interval_matches_scipy():
    for k, n in [(100, 100), (23, 33), (0, 5), (7, 9)]:
        expected = scipy.stats.binomtest(k, n).proportion_ci(method="wilson")
        assert Q.wilson_interval(k, n) == pytest.approx((expected.low, expected.high))


def test_evaluate_counts_by_hand():
    gold = pd.DataFrame(
        {
            "article_id": "a",
            "paragraph": [1, 1, 2],
            "paragraph_end": [1, 1, 2],
            "text_begins": ["yes", "no", "maybe"],
            "speaker": ["X", "Y", "Z"],
            "kind": ["partial", "partial", "full"],
            "cue": ["say", "say", ""],
        }
    )
    found = pd.DataFrame(
        {
            "article_id": "a",
            "paragraph": [1, 1, 2],
            "paragraph_end": [1, 1, 2],
            "text": ["yes indeed", "something else", "maybe so"],
            "speaker": ["X", "Y", "W"],
            "kind": ["partial", "partial", "partial"],
            "cue": ["say", "say", ""],
        }
    )
    table = Q.evaluate(found, gold).set_index("measure")
    # Matched: yes (X ok, partial ok, say ok) and maybe (W wrong, partial wrong, "" ok).
    # "no" is missed; "something else" is extra.
    assert table.loc["detection_precision", ["correct", "total"]].tolist() == [2, 3]
    assert table.loc["detection_recall", ["correct", "total"]].tolist() == [2, 3]
    assert table.loc["attribution", ["correct", "total"]].tolist() == [1, 2]
    assert table.loc["kind", ["correct", "total"]].tolist() == [1, 2]
    assert table.loc["cue", ["correct", "total"]].tolist() == [2, 2]


#: The figures reported in notebook 02 and the README (100 hand-labelled quotations).
REPORTED = {
    "detection_precision": (100, 100),
    "detection_recall": (100, 100),
    "extent": (100, 100),
    "attribution": (100, 100),
    "kind": (100, 100),
    "cue": (100, 100),
}


def test_gold_set_is_every_quotation_in_the_seeds():
    gold = Q.read_gold()
    assert len(gold) == 100
    assert set(gold["kind"]) <= set(Q.KINDS)
    assert gold.groupby("article_id").size().to_dict() == {
        "ap": 21,
        "ft-v1": 15,
        "ft-v2": 20,
        "independent": 28,
        "moscow-times": 16,
    }


def test_accuracy_on_the_seeds_does_not_fall_below_what_we_report(seed_corpus):
    gold = Q.read_gold()
    assert Q.gold_applies(seed_corpus, gold)
    annotated = Q.annotate(seed_corpus)
    table = Q.evaluate(annotated.quotes, gold).set_index("measure")
    for measure, (correct, total) in REPORTED.items():
        assert table.loc[measure, "total"] == total, measure
        assert table.loc[measure, "correct"] >= correct, measure


# Held-out quotations in other outlets' styles; see the module docstring for their history.
HELD_OUT = [
    (
        "h1",
        "",
        [
            "Kremlin spokesman Dmitry Peskov told reporters on a conference call that Moscow had "
            '"no plans" to attack anyone.',
            '"We have said many times that Russia is not going to attack anyone," Peskov said. '
            '"The hysteria in the West is unfounded."',
            "A senior European diplomat, speaking on condition of anonymity, said the mood in "
            'Brussels was "cautiously hopeful but far from relaxed".',
            "Ukraine's President Volodymyr Zelenskiy said in a video address: \"We are not afraid. "
            'We are ready for anything."',
            'He added that Kyiv would "never accept" any deal struck over its head.',
            "Britain's Prime Minister Boris Johnson told reporters the signals from Moscow were "
            '"not encouraging" and warned that an invasion could come "within 48 hours".',
        ],
    ),
    (
        "h2",
        "",
        [
            "Mr Scholz said: “Nato’s enlargement is not on the agenda.”",
            "But the German chancellor also warned of “far-reaching consequences” if Russia invaded.",
            "Nato Secretary General Jens Stoltenberg said he was “concerned” about the build-up, "
            "adding: “We have not seen any signs of de-escalation.”",
            "“This is a dangerous moment for European security,” he said.",
            "Russian state media described the talks as “constructive”.",
            "Meanwhile, the so-called “people’s republics” in Donetsk and Luhansk announced a general "
            "mobilisation.",
            "Ukraine’s foreign minister, Dmytro Kuleba, wrote on Twitter: “Diplomacy is the only way "
            "forward.",
            "“We will not give in to pressure.”",
        ],
    ),
    (
        "h3",
        "",
        [
            "“The threat is real,” said Linda Thomas-Greenfield, the U.S. ambassador to the United "
            "Nations.",
            "Russia’s deputy foreign minister, Sergei Ryabkov, said the West was “whipping up” "
            "tensions.",
            "According to the Russian Defence Ministry, the units had completed “all planned "
            "exercises”.",
            "A spokeswoman for the State Department, Jalina Porter, said the United States remained "
            "“clear-eyed”.",
            "She declined to comment further.",
            "Residents in Kharkiv said they were “tired of waiting for a war that never comes.”",
        ],
    ),
    (
        "h4",
        "Kremlin says West's warnings 'hysterical'",
        [
            'The Kremlin on Wednesday dismissed Western warnings as "hysteria," saying troops were '
            "returning to base as planned.",
            '"Everything is going according to plan," Defense Minister Sergei Shoigu told a meeting '
            "of military chiefs.",
            "Foreign ministry spokeswoman Maria Zakharova wrote on Telegram that Western media had "
            '"disgraced themselves."',
            'U.S. President Joe Biden said Tuesday that an invasion "remains distinctly possible."',
            '"We\'re not closing the door," Biden said, "but we\'re ready for anything."',
        ],
    ),
    (
        "h5",
        "",
        [
            "Estonia’s prime minister, Kaja Kallas, said on Tuesday that “we cannot trust a single "
            "word” from Moscow.",
            "Asked whether the withdrawal was real, Mr Peskov replied: “Of course.”",
            "Lavrov called Western claims “absurd”, while Ukraine’s defence minister Oleksii Reznikov "
            "urged citizens to stay “calm”.",
            "“There will be no war,” the Russian ambassador to the EU, Vladimir Chizhov, told Die "
            "Welt.",
        ],
    ),
    (
        "k1",
        "",
        [
            '"Russia is ready to continue on the diplomatic path," Putin told a news conference, '
            "standing next to Scholz.",
            'Scholz, speaking after Putin, said it was "our damn duty" to avoid war in Europe.',
            "The Russian leader said Moscow did not want a war but would not let its concerns be "
            "ignored.",
            "Asked about the prospect of an invasion, U.S. Secretary of State Antony Blinken told "
            'MSNBC: "We\'re prepared either way."',
            'A Western intelligence official said Russian forces were "still in an attack position".',
            '"We\'ll believe it when we see it," the official said.',
        ],
    ),
    (
        "k2",
        "",
        [
            "Speaking in Kyiv, Ukraine’s President Volodymyr Zelensky said his country wanted “peace, "
            "not provocation”.",
            "“Today we are united,” he told the nation in a televised address.",
            "Poland’s foreign minister Zbigniew Rau, who holds the OSCE chair, said there was a "
            "“real risk” of war.",
            "In a statement, the White House said the US would respond “decisively” to any attack.",
            "“Any further invasion will be met with swift and severe consequences,” a senior "
            "administration official told reporters.",
            "Officials in Washington remain sceptical of what they describe as Moscow’s “theatre”.",
        ],
    ),
    (
        "k3",
        "",
        [
            "Lavrov, speaking at a joint press conference in Moscow, said Russia's patience \"is not "
            'unlimited."',
            '"We are not going to wait forever," the minister added.',
            "Ukraine's envoy to the United Nations, Sergiy Kyslytsya, called the troop movements \"a "
            'smokescreen."',
            "The European Union's foreign policy chief Josep Borrell warned: \"Europe is facing the "
            'most dangerous moment since the Cold War."',
            'According to Interfax, the drills in Belarus would end on Sunday "as planned".',
        ],
    ),
    (
        "k4",
        'Putin: "We don\'t want war"',
        [
            "Putin said NATO had ignored Russia’s “legitimate” concerns for years.",
            "“They just wiped their feet on us,” he said, adding that Moscow had been “deceived” "
            "repeatedly.",
            "Critics dismissed the remarks as “propaganda”.",
            "The so-called “special military exercises” were due to end on February 20.",
            "Johnson, who chaired a Cobra meeting on Tuesday morning, said the picture was “mixed”.",
        ],
    ),
]
HELD_OUT_GOLD = [
    # article, paragraph, paragraph_end, first words, speaker, kind
    ("h1", 1, 1, "no plans", "Dmitry Peskov", "partial"),
    ("h1", 2, 2, "We have said many times", "Dmitry Peskov", "full"),
    ("h1", 2, 2, "The hysteria in the West", "Dmitry Peskov", "full"),
    ("h1", 3, 3, "cautiously hopeful", "A senior European diplomat", "partial"),
    ("h1", 4, 4, "We are not afraid", "Volodymyr Zelensky", "full"),
    ("h1", 5, 5, "never accept", "Volodymyr Zelensky", "partial"),
    ("h1", 6, 6, "not encouraging", "Boris Johnson", "partial"),
    ("h1", 6, 6, "within 48 hours", "Boris Johnson", "partial"),
    ("h2", 1, 1, "Nato's enlargement", "Olaf Scholz", "full"),
    ("h2", 2, 2, "far-reaching consequences", "Olaf Scholz", "partial"),
    ("h2", 3, 3, "concerned", "Jens Stoltenberg", "partial"),
    ("h2", 3, 3, "We have not seen", "Jens Stoltenberg", "full"),
    ("h2", 4, 4, "This is a dangerous moment", "Jens Stoltenberg", "full"),
    ("h2", 5, 5, "constructive", "Russian state media", "partial"),
    ("h2", 6, 6, "people's republics", "", "scare"),
    ("h2", 7, 8, "Diplomacy is the only way", "Dmytro Kuleba", "full"),
    ("h3", 1, 1, "The threat is real", "Linda Thomas-Greenfield", "full"),
    ("h3", 2, 2, "whipping up", "Sergei Ryabkov", "partial"),
    ("h3", 3, 3, "all planned exercises", "Russian defence ministry", "partial"),
    ("h3", 4, 4, "clear-eyed", "Jalina Porter", "partial"),
    ("h3", 6, 6, "tired of waiting", "Residents in Kharkiv", "partial"),
    ("h4", 0, 0, "hysterical", "Kremlin", "partial"),
    ("h4", 1, 1, "hysteria", "Kremlin", "partial"),
    ("h4", 2, 2, "Everything is going", "Sergei Shoigu", "full"),
    ("h4", 3, 3, "disgraced themselves", "Maria Zakharova", "partial"),
    ("h4", 4, 4, "remains distinctly possible", "Joe Biden", "partial"),
    ("h4", 5, 5, "We're not closing the door", "Joe Biden", "full"),
    ("h4", 5, 5, "but we're ready for anything", "Joe Biden", "full"),
    ("h5", 1, 1, "we cannot trust", "Kaja Kallas", "partial"),
    ("h5", 2, 2, "Of course", "Dmitry Peskov", "full"),
    ("h5", 3, 3, "absurd", "Sergei Lavrov", "partial"),
    ("h5", 3, 3, "calm", "Oleksii Reznikov", "partial"),
    ("h5", 4, 4, "There will be no war", "Vladimir Chizhov", "full"),
    ("k1", 1, 1, "Russia is ready", "Vladimir Putin", "full"),
    ("k1", 2, 2, "our damn duty", "Olaf Scholz", "partial"),
    ("k1", 4, 4, "We're prepared", "Antony Blinken", "full"),
    ("k1", 5, 5, "still in an attack", "A Western intelligence official", "partial"),
    ("k1", 6, 6, "We'll believe it", "A Western intelligence official", "full"),
    ("k2", 1, 1, "peace, not provocation", "Volodymyr Zelensky", "partial"),
    ("k2", 2, 2, "Today we are united", "Volodymyr Zelensky", "full"),
    ("k2", 3, 3, "real risk", "Zbigniew Rau", "partial"),
    ("k2", 4, 4, "decisively", "White House", "partial"),
    ("k2", 5, 5, "Any further invasion", "a senior administration official", "full"),
    ("k2", 6, 6, "theatre", "Officials in Washington", "partial"),
    ("k3", 1, 1, "is not unlimited", "Sergei Lavrov", "partial"),
    ("k3", 2, 2, "We are not going", "Sergei Lavrov", "full"),
    ("k3", 3, 3, "a smokescreen", "Sergiy Kyslytsya", "partial"),
    ("k3", 4, 4, "Europe is facing", "Josep Borrell", "full"),
    ("k3", 5, 5, "as planned", "Interfax", "partial"),
    ("k4", 0, 0, "We don't want war", "Vladimir Putin", "full"),
    ("k4", 1, 1, "legitimate", "Vladimir Putin", "partial"),
    ("k4", 2, 2, "They just wiped", "Vladimir Putin", "full"),
    ("k4", 2, 2, "deceived", "Vladimir Putin", "partial"),
    ("k4", 3, 3, "propaganda", "Critics", "partial"),
    ("k4", 4, 4, "special military exercises", "", "scare"),
    ("k4", 5, 5, "mixed", "Boris Johnson", "partial"),
]
#: Current (in-sample) figures on the 56 held-out quotations; first-run figures in the docstring.
HELD_OUT_REPORTED = {"detection_recall": 56, "attribution": 55, "kind": 55}


def test_held_out_quotations():
    paragraphs = pd.DataFrame(
        [
            {"article_id": article, "paragraph": i, "text": text}
            for article, _, texts in HELD_OUT
            for i, text in enumerate(texts, start=1)
        ]
    )
    headlines = pd.Series({article: headline for article, headline, _ in HELD_OUT})
    gold = pd.DataFrame(
        HELD_OUT_GOLD,
        columns=["article_id", "paragraph", "paragraph_end", "text_begins", "speaker", "kind"],
    ).assign(cue="")
    found = Q.find_quotes(paragraphs, headlines=headlines)
    table = Q.evaluate(found, gold).set_index("measure")
    assert table["total"].iloc[1] == len(HELD_OUT_GOLD) == 56
    for measure, correct in HELD_OUT_REPORTED.items():
        assert table.loc[measure, "correct"] >= correct, measure


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


# --------------------------------------------------------------------------- notebook 02 tables


def two_article_corpus():
    """Two articles from one outlet and one from another, annotated."""
    from analysis.corpus import Corpus

    texts = {
        "a1": ["“We are ready,” Putin said.", "A U.S. defense official said troops moved."],
        "a2": ["Scholz said it was “a good sign”.", "Putin eased tensions to enable “dialogue”."],
        "b1": ["Kuleba claimed Russia was “bluffing again”."],
    }
    paragraphs = pd.DataFrame(
        [
            {"article_id": a, "paragraph": i, "text": t}
            for a, ts in texts.items()
            for i, t in enumerate(ts, start=1)
        ]
    )
    sentences = paragraphs.assign(sentence=1, start=0, end=paragraphs["text"].str.len())
    corpus = Corpus(
        articles=pd.DataFrame(
            {
                "article_id": ["a1", "a2", "b1"],
                "outlet": ["The Alpha", "The Alpha", "Beta"],
                "headline": ["", "", ""],
                "canonical": [True, True, True],
            }
        ),
        paragraphs=paragraphs,
        sentences=sentences[["article_id", "paragraph", "sentence", "start", "end", "text"]],
        removed=pd.DataFrame(columns=["article_id", "text", "reason", "position"]),
    )
    return Q.annotate(corpus)


def test_tables_add_up_an_outlets_articles():
    corpus = two_article_corpus()
    attributions = Q.find_attributions(corpus.paragraphs)
    by_side = Q.quotes_by_side(corpus).set_index(["outlet", "side"])
    # The Alpha: "We are ready" (Putin, 3 words) + "a good sign" (Scholz, 3 words); the scare
    # quote "dialogue" is left out. Beta: "bluffing again" (Kuleba, 2 words).
    assert by_side.loc[
        ("The Alpha", "Russia"), ["articles", "quotes", "quoted_words"]
    ].tolist() == [2, 1, 3]
    assert by_side.loc[("The Alpha", "West"), "share_of_words"] == pytest.approx(0.5)
    assert by_side.loc[("Beta", "Ukraine"), "share_of_words"] == pytest.approx(1.0)
    anonymous = Q.anonymous_sourcing(corpus, attributions).set_index("outlet")
    # The Alpha's attributions: Putin said, the official said, Scholz said -> 1 anonymous of 3.
    assert anonymous.loc["The Alpha", ["anonymous_attributions", "attributions"]].tolist() == [1, 3]
    verbs = Q.reporting_verbs(corpus, attributions).set_index(["outlet", "cue"])
    assert verbs.loc[("The Alpha", "say"), ["quoted", "reported", "total"]].tolist() == [2, 1, 3]
    assert verbs.loc[("Beta", "claim"), "group"] == "doubt"
    scare = Q.scare_quotes(corpus)
    assert scare[["outlet", "text"]].values.tolist() == [["The Alpha", "dialogue"]]
    findings = Q.source_findings(
        Q.quotes_by_side(corpus),
        Q.quotes_by_speaker(corpus),
        Q.anonymous_sourcing(corpus, attributions),
        Q.reporting_verbs(corpus, attributions),
        scare,
    ).set_index("key")
    assert findings.loc["sources.quotes.alpha", "value"] == 2
    assert findings.loc["sources.say-share.alpha", "value"] == pytest.approx(1.0)
    assert findings.loc["sources.scare-quotes.beta", "value"] == 0
