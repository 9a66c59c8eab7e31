"""Tests for analysis.quote_accuracy: the quotation finder scored against hand labels.

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

from analysis import quote_accuracy, quotes


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
    table = quote_accuracy.evaluate(found, gold).set_index("measure")
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
    gold = quote_accuracy.read_gold()
    assert len(gold) == 100
    assert set(gold["kind"]) <= set(quotes.KINDS)
    assert gold.groupby("article_id").size().to_dict() == {
        "ap": 21,
        "ft-v1": 15,
        "ft-v2": 20,
        "independent": 28,
        "moscow-times": 16,
    }


def test_accuracy_on_the_seeds_does_not_fall_below_what_we_report(seed_corpus):
    gold = quote_accuracy.read_gold()
    assert quote_accuracy.gold_applies(seed_corpus, gold)
    annotated = quotes.annotate(seed_corpus)
    table = quote_accuracy.evaluate(annotated.quotes, gold).set_index("measure")
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
    found = quotes.find_quotes(paragraphs, headlines=headlines)
    table = quote_accuracy.evaluate(found, gold).set_index("measure")
    assert table["total"].iloc[1] == len(HELD_OUT_GOLD) == 56
    for measure, correct in HELD_OUT_REPORTED.items():
        assert table.loc[measure, "correct"] >= correct, measure


# --------------------------------------------------------------------------- other stories


@pytest.mark.parametrize(
    ("found", "found_type", "gold", "right"),
    [
        ("Sen. Michael Doherty", "politician", "Doherty", True),
        ("Doherty", "other", "Doherty", True),
        ("the director", "anonymous", "Chandor", False),  # a description is not a name
        ("a Moody’s Analytics’ forecast", "organisation", "Moody's Analytics", False),
        ("Moody’s Analytics", "organisation", "Moody’s Analytics|Moody's Analytics", True),
        ("Sir Keith", "other", "Joseph|Keith", True),
        ("an official", "anonymous", "anonymous", True),
        ("Tom Hale", "other", "anonymous", False),
        ("", "", "", True),
        ("Tom Hale", "other", "", False),
        ("Mr Joseph", "other", "Joseph|Keith", True),
    ],
)
def test_speaker_matches(found, found_type, gold, right):
    assert quote_accuracy.speaker_matches(found, found_type, gold) is right


def test_scores_of_other_stories_by_hand():
    labels = pd.DataFrame(
        {
            "article_id": "a",
            "split": "tune",
            "text_begins": ["One", "Two", "Three", "A Title", "Four"],
            "speaker": ["Hale", "anonymous", "", "", "Ortiz"],
            "kind": ["full", "full", "scare", "none", "full"],
            "note": "",
        }
    )
    found = pd.DataFrame(
        {
            "article_id": "a",
            "text": ["One two", "Two three", "Three", "A Title", "Extra words"],
            "speaker": ["Tom Hale", "a source", "", "", "Tom Hale"],
            "speaker_type": ["other", "anonymous", "", "", "other"],
            "kind": ["full", "full", "scare", "scare", "full"],
        }
    )
    pairs = quote_accuracy.match_labels(found, labels)
    assert pairs["status"].tolist() == ["matched"] * 4 + ["missed", "extra"]
    scores = quote_accuracy.score_pairs(pairs).set_index("measure")
    # 4 labelled quotations (the title is not one); 3 found; all 3 speakers right; 5 reported,
    # of which 3 are quotations (the title and the extra are not).
    assert scores.loc["found", ["correct", "total"]].tolist() == [3, 4]
    assert scores.loc["speaker_right", ["correct", "total"]].tolist() == [3, 3]
    assert scores.loc["precision", ["correct", "total"]].tolist() == [3, 5]
    low, high = scores.loc["precision", ["ci_low", "ci_high"]]
    # Wilson 95% for 3 of 5, by hand: centre (0.6 + 1.92/5) / (1 + 3.84/5) = 0.5565,
    # half-width 1.96 / 1.768 * sqrt(0.048 + 0.0384) = 0.3259.
    assert low == pytest.approx(0.2307, abs=1e-3) and high == pytest.approx(0.8824, abs=1e-3)


@pytest.mark.parametrize(
    ("folder", "splits", "articles_at_least", "outlets_at_least", "quotations_at_least"),
    [
        (quote_accuracy.EVAL_DIR, {"tune", "holdout"}, 15, 10, 150),
        (quote_accuracy.DEV2_DIR, {"dev2"}, 15, 10, 150),
        (quote_accuracy.DEV3_DIR, {"dev3", "dev3_unstudied"}, 15, 10, 150),
        (quote_accuracy.UNTOUCHED_DIR, {"untouched"}, 15, 10, 150),
        (quote_accuracy.FRESH_DIR, {"fresh"}, 15, 10, 150),
    ],
)
def test_evaluation_sets_are_as_documented(
    folder, splits, articles_at_least, outlets_at_least, quotations_at_least
):
    import hashlib

    labels = quote_accuracy.read_labels(folder)
    articles = pd.read_csv(folder / "articles.csv")
    quotations = labels[labels["kind"] != "none"]
    assert len(quotations) >= quotations_at_least
    assert articles["article_id"].nunique() >= articles_at_least
    assert articles["outlet"].nunique() >= outlets_at_least
    assert set(labels["split"]) == splits
    assert set(labels["article_id"]) <= set(articles["article_id"])
    assert labels["kind"].isin(["full", "partial", "scare", "none"]).all()
    passages = pd.read_csv(folder / "passages.csv", keep_default_na=False)
    for row in passages.itertuples(index=False):
        assert hashlib.sha256(row.text.encode("utf-8")).hexdigest() == row.sha256
        assert len(row.text) == row.end - row.start
    # No article is committed whole: the passages are a part of each source text.
    assert passages.groupby("article_id")["source_paragraph"].size().gt(0).all()


def test_the_sets_share_no_article():
    ids = [
        set(pd.read_csv(folder / "articles.csv")["article_id"])
        for folder in quote_accuracy.EVAL_DIRS
    ]
    keys = [
        set(pd.read_csv(folder / "articles.csv").get("key", pd.Series(dtype=str)))
        for folder in quote_accuracy.EVAL_DIRS
    ]
    for i in range(len(ids)):
        for j in range(i + 1, len(ids)):
            assert not ids[i] & ids[j]
            assert not (keys[i] & keys[j])


#: The figures on the evaluation sets of other stories, found with no actor lexicon (correct,
#: total), 2 Dec 2026. ``untouched`` and ``dev3_unstudied`` were built before any rule changed
#: for them; ``dev3_unstudied`` is scored, never studied; the untouched set's first figure (the
#: code before these rules) was 184 of 255 right speakers, 197 when it was first studied
#: (session 7).
#: See each set's README for the history.
OTHER_STORIES = {
    ("tune", "found"): (113, 114),
    ("tune", "speaker_right"): (113, 113),
    ("tune", "precision"): (113, 116),
    ("holdout", "found"): (117, 120),
    ("holdout", "speaker_right"): (104, 117),
    ("holdout", "precision"): (117, 119),
    ("dev2", "found"): (210, 211),
    ("dev2", "speaker_right"): (191, 210),
    ("dev2", "precision"): (210, 212),
    ("dev3", "found"): (171, 173),
    ("dev3", "speaker_right"): (161, 171),
    ("dev3", "precision"): (171, 177),
    ("dev3_unstudied", "found"): (38, 39),
    ("dev3_unstudied", "speaker_right"): (35, 38),
    ("dev3_unstudied", "precision"): (38, 39),
    ("untouched", "found"): (255, 258),
    ("untouched", "speaker_right"): (205, 255),
    ("untouched", "precision"): (255, 261),
    # The fresh set, first scored on main 4a65901 (its README: 155/191 right, precision
    # 191/202): built, then scored once more after session 7's rules, never studied.
    ("fresh", "found"): (191, 194),
    ("fresh", "speaker_right"): (156, 191),
    ("fresh", "precision"): (191, 203),
}


def test_other_stories_do_not_fall_below_what_we_report():
    table = quote_accuracy.evaluate_other_stories().set_index(["split", "measure"])
    assert list(dict.fromkeys(table.index.get_level_values(0))) == list(quote_accuracy.SPLITS)
    for key, (correct, total) in OTHER_STORIES.items():
        assert table.loc[key, "total"] == total, key
        assert table.loc[key, "correct"] >= correct, key
