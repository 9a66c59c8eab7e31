"""analysis.tone: sentiment by voice, readability, stance markers and verbs of attribution.

Golden values come from the reference libraries (textstat, vaderSentiment, scipy) called
directly, or are worked out by hand in the comments; never from the function under test.
"""

from __future__ import annotations

import json
import math
import subprocess
import sys

import numpy as np
import pandas as pd
import pytest
import textstat
from hypothesis import given, settings
from hypothesis import strategies as st
from scipy import stats
from vaderSentiment.vaderSentiment import SentimentIntensityAnalyzer

from analysis import CorpusError, load_corpus, paths, readability, tone
from analysis.findings import read_findings, record_findings
from analysis.lexicon import read_lexicon
from analysis.terms import match_terms
from analysis.text import fold_typography

# --------------------------------------------------------------------------- helpers


def textstat_reference(text: str) -> dict[str, float]:
    """The readability of ``text`` by calling textstat's functions one by one."""
    return {
        "flesch_reading_ease": textstat.flesch_reading_ease(text),
        "flesch_kincaid_grade": textstat.flesch_kincaid_grade(text),
        "gunning_fog": textstat.gunning_fog(text),
        "smog_index": textstat.smog_index(text),
        "coleman_liau_index": textstat.coleman_liau_index(text),
        "dale_chall_readability_score": textstat.dale_chall_readability_score(text),
        "words_per_sentence": textstat.words_per_sentence(text),
        "avg_syllables_per_word": textstat.avg_syllables_per_word(text),
    }


def _by_article(rows: list[tuple[str, str, str, str]]) -> dict:
    """``(article_id, outlet, voice, sentence text)`` rows, one paragraph each, as articles."""
    articles: dict[str, dict] = {}
    for article_id, outlet, voice, text in rows:
        spec = articles.setdefault(article_id, {"outlet": outlet, "paragraphs": [], "voices": []})
        spec["paragraphs"].append(text)
        spec["voices"].append(voice)
    return articles


SMALL = [
    ("a", "Outlet A", "authorial", "Russia does not want war."),
    ("a", "Outlet A", "quoted", "“We could perhaps talk,” he said."),
    ("a", "Outlet A", "authorial", "Troops are clearly pulling back from the border."),
    ("b", "Outlet B", "authorial", "The threat of invasion may be imminent."),
    ("b", "Outlet B", "mixed", "He said talks were “a good sign”."),
]


@pytest.fixture
def small_corpus(make_corpus):
    return make_corpus(_by_article(SMALL))


def body_texts(corpus) -> list[str]:
    return corpus.paragraphs.groupby("article_id", sort=False)["text"].agg("\n\n".join).tolist()


# --------------------------------------------------------------------------- readability


def test_readability_equals_textstat_on_every_seed_article(seed_corpus):
    texts = body_texts(seed_corpus)
    assert len(texts) == 5
    raw = [path.read_text(encoding="utf-8") for path in sorted(paths.SEEDS.glob("*.txt"))]
    for text in [*texts, *map(fold_typography, texts), *raw]:
        assert readability.readability_scores(text) == textstat_reference(text)  # exact, not approx


@settings(max_examples=300, deadline=None)
@given(
    st.one_of(
        st.text(max_size=120),
        st.lists(
            st.sampled_from(
                [
                    "the",
                    "Russia's",
                    "don't",
                    "extraordinary",
                    "U.S.",
                    "rock'n'roll",
                    "İ",
                    "-",
                    " ",
                    " ",
                    ".",
                    "!",
                    "?",
                    "'",
                    "’",
                    "130,000",
                    "\n",
                    "x'.s",
                    "aa",
                ]
            ),
            max_size=50,
        ).map("".join),
    )
)
def test_readability_equals_textstat_on_any_text(text):
    assert readability.readability_scores(text) == textstat_reference(text)


def test_counts_and_formulas_by_hand():
    # "The cat sat. The dog ran away quickly.": 8 words, 2 sentences, 29 letters and
    # 10 syllables (away and quickly have two each, the rest one).
    counts = readability.count_text("The cat sat. The dog ran away quickly.")
    assert (counts.words, counts.sentences, counts.letters, counts.syllables) == (8, 2, 29, 10)
    assert counts.polysyllables == 0
    scores = readability.scores_from_counts(counts)
    # Flesch: 206.835 - 1.015 * 8/2 - 84.6 * 10/8 = 97.025; Kincaid: 0.39*4 + 11.8*1.25 - 15.59
    assert scores["flesch_reading_ease"] == pytest.approx(97.025)
    assert scores["flesch_kincaid_grade"] == pytest.approx(0.72)
    assert scores["words_per_sentence"] == 4.0
    assert scores["avg_syllables_per_word"] == 1.25
    # SMOG with no polysyllables is its constant; Coleman-Liau: 0.058*362.5 - 0.296*25 - 15.8
    assert scores["smog_index"] == pytest.approx(3.1291)
    assert scores["coleman_liau_index"] == pytest.approx(-2.175)


def test_empty_text_scores_zero():
    assert set(readability.readability_scores("").values()) == {0.0}


def test_readability_needs_no_network(tmp_path):
    """In a fresh interpreter whose sockets refuse to open, the scores are computed and equal."""
    text = "Vladimir Putin said Russia was ready for talks. Nato doubted it."
    child = (
        "import json, socket\n"
        "def refuse(*args, **kwargs):\n"
        "    raise OSError('network access attempted')\n"
        "socket.socket = refuse\n"
        "socket.create_connection = refuse\n"
        "socket.getaddrinfo = refuse\n"
        "from analysis import readability\n"
        f"print(json.dumps(readability.readability_scores({text!r})))\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", child], capture_output=True, text=True, cwd=tmp_path, check=False
    )
    assert done.returncode == 0, done.stderr
    assert json.loads(done.stdout) == textstat_reference(text)


def test_readability_table_has_body_and_writer_scopes(small_corpus):
    table = tone.readability(small_corpus)
    assert table[["article_id", "scope"]].values.tolist() == [
        ["a", "body"],
        ["a", "writer"],
        ["b", "body"],
        ["b", "writer"],
    ]
    writer_a = "Russia does not want war.\nTroops are clearly pulling back from the border."
    row = table[(table["article_id"] == "a") & (table["scope"] == "writer")].iloc[0]
    for name, value in textstat_reference(writer_a).items():
        assert row[name] == value
    assert row["n_words"] == textstat.lexicon_count(writer_a)


def test_readability_without_voice_names_the_missing_column(small_corpus):
    corpus = small_corpus.with_tables(sentences=small_corpus.sentences.drop(columns="voice"))
    with pytest.raises(CorpusError, match="voice"):
        tone.readability(corpus)


# --------------------------------------------------------------------------- lexical diversity


def test_mtld_by_hand():
    # "a a a a": the TTR falls to 1/2 at every second token -> 2 factors, remainder empty;
    # MTLD = 4 / 2 = 2 both ways.
    assert readability.mtld(["a", "a", "a", "a"]) == pytest.approx(2.0)
    # "a b c a": TTR 1, 1, 1, 3/4 -> no full factor; partial (1 - 0.75) / (1 - 0.72) = 0.25/0.28;
    # MTLD = 4 / (0.25 / 0.28) = 4.48, the same backwards.
    assert readability.mtld(["a", "b", "c", "a"]) == pytest.approx(4.48)
    assert math.isnan(readability.mtld(["a", "b", "c"]))  # no factor begun: undefined


def test_mattr_by_hand():
    # windows of 2 over "a b a b": (a b), (b a), (a b) -> TTR 1 each
    assert readability.mattr(list("abab"), window=2) == 1.0
    # windows of 3: (a b a) 2/3, (b a b) 2/3
    assert readability.mattr(list("abab"), window=3) == pytest.approx(2 / 3)
    # "a a a b", window 2: (a a) 1/2, (a a) 1/2, (a b) 1 -> mean 2/3
    assert readability.mattr(list("aaab"), window=2) == pytest.approx(2 / 3)
    # shorter than the window: the plain type-token ratio
    assert readability.mattr(list("aab"), window=50) == pytest.approx(2 / 3)
    assert math.isnan(readability.mattr([], window=50))


@settings(max_examples=200, deadline=None)
@given(st.lists(st.sampled_from("abcdef"), min_size=1, max_size=80), st.integers(1, 12))
def test_mattr_equals_the_definition(tokens, window):
    if len(tokens) < window:
        expected = len(set(tokens)) / len(tokens)
    else:
        ttrs = [len(set(tokens[i : i + window])) / window for i in range(len(tokens) - window + 1)]
        expected = sum(ttrs) / len(ttrs)
    assert readability.mattr(tokens, window=window) == pytest.approx(expected)


# --------------------------------------------------------------------------- sentiment


SENTENCES = [
    "Russia does not want war.",
    "Russia doesn’t want war.",
    "The announcement of troops being pulled back is a “good signal,” he said.",
    "“Unfortunately there was no constructive response to this proposal.”",
    "It was NOT a good day, but the talks went very well!",
]


def test_sentence_scores_are_vaders_own(make_corpus):
    corpus = make_corpus(_by_article([("a", "A", "authorial", text) for text in SENTENCES]))
    scores = tone.sentence_sentiment(corpus)
    analyzer = SentimentIntensityAnalyzer()
    for text, row in zip(SENTENCES, scores.itertuples(index=False), strict=True):
        expected = analyzer.polarity_scores(fold_typography(text))
        assert (row.neg, row.neu, row.pos, row.compound) == (
            expected["neg"],
            expected["neu"],
            expected["pos"],
            expected["compound"],
        )
    # a lone "war" is VADER's -2.9 normalised: -2.9 / sqrt(2.9**2 + 15) = -0.5994
    single = tone.sentence_sentiment(make_corpus(_by_article([("a", "A", "authorial", "war")])))
    assert single["compound"].iloc[0] == -0.5994


def test_folding_lets_vader_see_a_curly_negation(make_corpus):
    corpus = make_corpus(_by_article([("a", "A", "authorial", "Russia doesn’t want war.")]))
    folded = tone.sentence_sentiment(corpus)["compound"].iloc[0]
    written = tone.sentence_sentiment(corpus, fold=False)["compound"].iloc[0]
    analyzer = SentimentIntensityAnalyzer()
    assert folded == analyzer.polarity_scores("Russia doesn't want war.")["compound"]
    assert written == analyzer.polarity_scores("Russia doesn’t want war.")["compound"]
    assert folded > 0 > written  # negation seen vs not seen
    changed = tone.folding_effect(corpus)
    assert changed["compound_folded"].tolist() == [folded]


def test_parallel_runs_equal_serial_runs(small_corpus, monkeypatch):
    serial = tone.sentence_sentiment(small_corpus, workers=1)
    drivers = tone.sentiment_drivers(serial, top=None, workers=1)
    readability = tone.readability(small_corpus, workers=1)
    monkeypatch.setattr("analysis.parallel.MIN_TEXTS", 2)  # force the worker processes
    monkeypatch.setenv("FRAMING_CACHE", "0")  # readability computed again, not read back
    parallel = tone.sentence_sentiment(small_corpus, workers=2)
    pd.testing.assert_frame_equal(serial, parallel)
    pd.testing.assert_frame_equal(drivers, tone.sentiment_drivers(parallel, top=None, workers=2))
    pd.testing.assert_frame_equal(readability, tone.readability(small_corpus, workers=2))


def test_token_valences_add_up_to_vaders_score(seed_corpus):
    analyzer = SentimentIntensityAnalyzer()
    for text in [*SENTENCES, *seed_corpus.sentences["text"]]:
        folded = fold_typography(text)
        valences = [v for _, v in tone.token_valences(folded)]
        assert analyzer.score_valence(valences, folded) == analyzer.polarity_scores(folded)


def test_negation_flips_war(make_corpus):
    # "war" is -2.9 in VADER's lexicon; "not" two words before multiplies it by -0.74
    valences = dict(tone.token_valences("Russia does not want war."))
    assert valences["war"] == pytest.approx(2.146)
    drivers = tone.sentiment_drivers(
        tone.sentence_sentiment(
            make_corpus(_by_article([("a", "A", "authorial", "Russia does not want war.")]))
        )
    )
    war = drivers[drivers["word"] == "war"].iloc[0]
    assert (war["lexicon_valence"], war["n"], war["flipped"]) == (-2.9, 1, 1)
    assert war["valence_sum"] == pytest.approx(2.146)


def test_drivers_read_vaders_own_lexicon():
    assert tone.vader_lexicon() == SentimentIntensityAnalyzer().lexicon


def test_bootstrap_interval_is_scipys_and_reproducible():
    values = np.array([-0.6, -0.2, 0.0, 0.0, 0.1, 0.4, 0.7, -0.3, 0.25, 0.05])
    mean, low, high = tone.mean_interval(values, seed=7)
    reference = stats.bootstrap(
        (values,),
        np.mean,
        n_resamples=9999,
        confidence_level=0.95,
        method="percentile",
        vectorized=True,
        batch=10_000_000 // len(values),
        rng=np.random.default_rng(7),
    )
    assert (low, high) == (reference.confidence_interval.low, reference.confidence_interval.high)
    assert mean == pytest.approx(0.04)
    assert tone.mean_interval(values, seed=7) == (mean, low, high)  # same seed, same interval
    assert tone.mean_interval(values, seed=8) != (mean, low, high)
    assert low < mean < high


def test_bootstrap_needs_two_values():
    mean, low, high = tone.mean_interval([0.3])
    assert mean == 0.3 and math.isnan(low) and math.isnan(high)


def test_sentiment_by_voice_groups_and_flags_small_samples(small_corpus):
    scores = tone.sentence_sentiment(small_corpus)
    summary = tone.sentiment_by_voice(scores)
    assert summary[["outlet", "voice", "n_sentences"]].values.tolist() == [
        ["Outlet A", "authorial", 2],
        ["Outlet A", "quoted", 1],
        ["Outlet B", "authorial", 1],
        ["Outlet B", "mixed", 1],
    ]
    a = scores[(scores["outlet"] == "Outlet A") & (scores["voice"] == "authorial")]
    assert summary["mean_compound"].iloc[0] == pytest.approx(a["compound"].mean())
    assert summary["small_sample"].all()
    assert summary["ci_low"].iloc[1:].isna().all()  # one sentence: no interval


def test_sentiment_by_voice_without_voice_names_the_column(small_corpus):
    scores = tone.sentence_sentiment(small_corpus).drop(columns="voice")
    with pytest.raises(CorpusError, match="voice"):
        tone.sentiment_by_voice(scores)


# --------------------------------------------------------------------------- stance markers


@pytest.mark.parametrize("name", ["hedges", "boosters", "escalation"])
def test_lexicons_name_their_sources_and_do_not_list_exclusions(name):
    data = read_lexicon(name=f"{name}.yml")
    assert data["lists"]
    items = set()
    for entry in data["lists"]:
        assert entry["source"].strip() and entry["category"] and entry["items"]
        items |= {str(i) for i in entry["items"]}
    excluded = {e["term"] for e in data.get("excluded", {}).get("items", [])}
    assert excluded.isdisjoint(items)


def test_lexicons_hold_the_issues_examples():
    terms = tone.lexicon_terms(("hedges", "boosters"))
    for hedge in ("may", "could", "appears", "reportedly"):
        assert terms[hedge] == "hedge"
    for booster in ("clearly", "certainly", "undoubtedly"):
        assert terms[booster] == "booster"


def test_longest_match_wins_and_counts_once():
    terms = tone.lexicon_terms(("hedges", "boosters"))
    text = "To a Certain  extent there is no doubt it may be clear."
    assert match_terms(text, terms) == [
        ("certain extent", "hedge"),
        ("no doubt", "booster"),
        ("may", "hedge"),
        ("clear", "booster"),
    ]


def test_marker_rates_by_hand(small_corpus):
    rates = tone.stance_markers(small_corpus).set_index(["outlet", "voice", "category"])
    # Outlet A, writer: "Russia does not want war." (5 words) + "Troops are clearly pulling
    # back from the border." (8 words) = 13 words, one booster ("clearly"), no hedge.
    booster = rates.loc[("Outlet A", "authorial", "booster")]
    assert (booster["words"], booster["count"]) == (13, 1)
    assert booster["per_1000"] == pytest.approx(1000 / 13)
    assert booster["terms"] == "clearly 1"
    # exact Poisson interval for a count of 0: [0, 3.689]; of 1: [0.0253, 5.572]
    hedge = rates.loc[("Outlet A", "authorial", "hedge")]
    assert hedge["count"] == 0 and hedge["ci_low"] == 0
    assert hedge["ci_high"] == pytest.approx(3.6889 * 1000 / 13, rel=1e-4)
    assert booster["ci_low"] == pytest.approx(0.025318 * 1000 / 13, rel=1e-4)
    assert booster["ci_high"] == pytest.approx(5.5716 * 1000 / 13, rel=1e-4)
    # Outlet A, quoted: "could" and "perhaps", 6 words
    quoted = rates.loc[("Outlet A", "quoted", "hedge")]
    assert (quoted["words"], quoted["count"], quoted["terms"]) == (6, 2, "could 1; perhaps 1")


def test_escalation_language_by_hand(small_corpus):
    rates = tone.escalation_language(small_corpus).set_index(["outlet", "category"])
    # Outlet B: "threat", "invasion", "imminent" vs "talks"; 14 words
    assert rates.loc[("Outlet B", "escalation"), "count"] == 3
    assert rates.loc[("Outlet B", "escalation"), "words"] == 14
    assert rates.loc[("Outlet B", "de-escalation"), "terms"] == "talks 1"
    # Outlet A: "war" vs "pulling back"
    assert rates.loc[("Outlet A", "de-escalation"), "terms"] == "pulling back 1"
    assert rates.loc[("Outlet A", "escalation"), "terms"] == "war 1"


# --------------------------------------------------------------------------- attribution


@pytest.fixture
def quoted_corpus(make_corpus):
    # small_corpus's text has two reporting verbs, "said" in a (paragraph 2) and in b
    # (paragraph 2); a sentence with a doubt-casting verb is added to b as paragraph 3.
    doubt = ("b", "Outlet B", "authorial", "Russia claims the troops are leaving.")
    corpus = make_corpus(_by_article([*SMALL, doubt]))
    quotes = pd.DataFrame(
        {
            "article_id": ["a", "a", "a", "b", "b"],
            "paragraph": [2, 2, 1, 2, 2],
            "cue": ["say", "claim", "claim", "warn", ""],
            "speaker": ["Scholz", "Putin", "Putin", "Stoltenberg", ""],
            "speaker_side": ["West", "Russia", "Russia", "West", ""],
            "text": ["q1", "q2", "q3", "q4", "q5"],
        }
    )
    return corpus.with_tables(quotes=quotes)


def test_attribution_shares_by_hand(quoted_corpus):
    # attributions: a "he said" (say); b "He said" (say) and "Russia claims" (claim)
    shares = tone.attribution_verbs(quoted_corpus).set_index(["outlet", "group"])
    assert shares.loc[("Outlet A", "neutral"), ["count", "total", "share"]].tolist() == [1, 1, 1.0]
    assert shares.loc[("Outlet B", "doubt"), ["count", "total", "share", "cues"]].tolist() == [
        1,
        2,
        0.5,
        "claim 1",
    ]
    assert shares.loc[("Outlet B", "alarmed"), "count"] == 0  # every group, zeros included
    assert shares.groupby("outlet")["share"].sum().tolist() == pytest.approx([1.0, 1.0])


def test_one_definition_of_a_reporting_verb_share(seed_corpus):
    """Notebook 04's shares are notebook 02's: the same function, the same totals (the AP's
    neutral share was 0.83 in sources.*, 0.79 and 0.89 in tone.cues.* before)."""
    from analysis import quotes, sources

    compared = seed_corpus.canonical()
    headlines = compared.articles.set_index("article_id")["headline"]
    attributions = quotes.find_attributions(compared.paragraphs, headlines=headlines)
    verbs = sources.reporting_verbs(compared, attributions)
    tone_shares = tone.attribution_verbs(compared).drop(columns="basis")
    pd.testing.assert_frame_equal(tone_shares, sources.reporting_verb_groups(verbs))
    neutral = tone_shares.query("group == 'neutral'").set_index("outlet")
    totals = verbs.groupby("outlet")["total"].sum()
    assert neutral["total"].to_dict() == totals.to_dict()
    ap = neutral.loc["Associated Press"]
    assert (ap["count"], ap["total"]) == (
        verbs.query("outlet == 'Associated Press' and group == 'neutral'")["total"].sum(),
        totals["Associated Press"],
    )


def test_doubt_speakers_from_quotations_and_text(quoted_corpus):
    table = tone.doubt_speakers(quoted_corpus)
    assert table[["outlet", "basis", "speaker", "cue"]].values.tolist() == [
        ["Outlet A", "quotations", "Putin", "claim"],
        ["Outlet A", "quotations", "Putin", "claim"],
        ["Outlet B", "text", "Russia", "claim"],
    ]
    assert table["text"].iloc[-1] == "Russia claims the troops are leaving."


def test_doubt_verbs_in_prose_get_the_subject_the_attribution_finder_gives(seed_corpus):
    """The seeds' two: "what Russia claims were exercises" (FT) and "which he claimed was being
    conducted", where "he" is Putin (the Independent)."""
    table = tone.doubt_speakers(seed_corpus.canonical())
    prose = table[table["basis"] == "text"]
    assert prose[["article_id", "speaker", "speaker_side"]].values.tolist() == [
        ["ft-v2", "Russia", "Russia"],
        ["independent", "Vladimir Putin", "Russia"],
    ]


def test_cue_groups_come_from_cues_yml():
    groups = tone.cue_groups()
    assert (groups["say"], groups["claim"], groups["warn"]) == ("neutral", "doubt", "alarmed")


# --------------------------------------------------------------------------- findings


def test_findings_are_recorded_under_valid_keys(quoted_corpus, tmp_path, monkeypatch):
    monkeypatch.setenv("FRAMING_FIGURES_DIR", str(tmp_path))
    scores = tone.sentence_sentiment(quoted_corpus)
    tables = [
        tone.sentiment_findings(tone.sentiment_by_voice(scores)),
        tone.readability_findings(tone.readability(quoted_corpus)),
        tone.rate_findings(tone.stance_markers(quoted_corpus)),
        tone.rate_findings(tone.escalation_language(quoted_corpus)),
        tone.attribution_findings(tone.attribution_verbs(quoted_corpus)),
    ]
    for table in tables:
        record_findings(table, notebook="04_tone", figure="04_test")
    recorded = read_findings(tmp_path / "findings.csv")
    assert len(recorded) == sum(len(t) for t in tables)
    assert "tone.compound.writer.outlet-a" in set(recorded["key"])
    assert "tone.hedge.quoted.outlet-a" in set(recorded["key"])
    assert "tone.cues.attributions.doubt.outlet-b" in set(recorded["key"])
    n = recorded.set_index("key").loc["tone.compound.writer.outlet-a.n", "value"]
    assert n == "2"  # counts are written as integers


@pytest.mark.parametrize(
    ("outlet", "slug"),
    [("The Moscow Times", "moscow-times"), ("Financial Times", "financial-times"), ("AP", "ap")],
)
def test_outlet_slug(outlet, slug):
    assert tone.outlet_slug(outlet) == slug


def test_doubt_speakers_of_a_corpus_without_doubt_verbs_is_an_empty_table():
    """The other-corpus fixture has no "claim" or "allege": an empty table, all its columns."""
    corpus = load_corpus(paths.ROOT / "tests" / "fixtures" / "other_corpus")
    table = tone.doubt_speakers(corpus.canonical())
    assert table.empty
    assert "speaker" in table.columns and "basis" in table.columns


def test_a_glob_in_escalation_yml_matches(monkeypatch, small_corpus):
    """Lexicon terms go through analysis.terms: "threat*" in escalation.yml finds "threat" and
    "threatening" (its key once kept only its words, "threat", and found "threat" alone)."""
    real = tone.read_lexicon

    def with_glob(path=None, *, name=None):
        data = real(path, name=name)
        if name == "escalation.yml":
            data = {
                **data,
                "lists": [{"category": "escalation", "source": "a test", "items": ["threat*"]}],
            }
        return data

    monkeypatch.setattr(tone, "read_lexicon", with_glob)
    tone.lexicon_terms.cache_clear()
    try:
        corpus = small_corpus.with_tables(
            paragraphs=small_corpus.paragraphs.assign(
                text=small_corpus.paragraphs["text"].str.replace("may be", "is threatening and")
            ),
            sentences=small_corpus.sentences.assign(
                text=small_corpus.sentences["text"].str.replace("may be", "is threatening and")
            ),
        )
        rates = tone.escalation_language(corpus).set_index(["outlet", "category"])
        # Outlet B: "The threat of invasion is threatening and imminent."
        assert rates.loc[("Outlet B", "escalation"), ["count", "terms"]].tolist() == [
            2,
            "threat* 2",
        ]
    finally:
        tone.lexicon_terms.cache_clear()


def test_the_attribution_figure_counts_outlets_and_verbs_not_articles():
    """Two outlets with 3 and 5 reporting verbs: the title says 2 outlets and N = 8 verbs (it
    said "N = 2 articles", true only when each outlet had one article)."""
    import matplotlib.pyplot as plt

    from analysis.plots import tone as plots

    shares = pd.DataFrame(
        [
            ("A", "attributions", "neutral", 2, 3, 2 / 3),
            ("A", "attributions", "doubt", 1, 3, 1 / 3),
            ("B", "attributions", "neutral", 5, 5, 1.0),
        ],
        columns=["outlet", "basis", "group", "count", "total", "share"],
    )
    fig = plots.plot_attribution(shares)
    title = fig._suptitle.get_text().replace("\n", " ")
    plt.close(fig)
    assert "2 outlets, N = 8 reporting verbs" in title
