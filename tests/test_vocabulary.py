"""The tokenisation policy, the term x group table, and the statistics against hand-worked values.

Golden values are derived in the tests with ``math`` from the formulas (Monroe et al. 2008 for
the log-odds z; the 2 x 2 log-likelihood for G²; Hardie's log ratio), or by scipy, never by
calling the function under test to make its own expected value.
"""

from __future__ import annotations

import math

import numpy as np
import pandas as pd
import pytest
from scipy.stats import chi2_contingency, false_discovery_control

from analysis import terms
from analysis import vocabulary as v
from analysis.errors import CorpusError

# --------------------------------------------------------------------------- a tiny corpus


@pytest.fixture
def tiny(make_corpus):
    return make_corpus(
        {
            "a1": {
                "outlet": "Outlet A",
                "paragraphs": ["Nato troops withdraw.", "Russia's troops stay."],
            },
            "a0": {
                "outlet": "Outlet A",
                "canonical": False,
                "paragraphs": ["Old version: Nato Nato Nato."],
            },
            "b1": {
                "outlet": "Outlet B",
                "paragraphs": ["NATO said the troops pull back; NATO's claim."],
            },
        }
    )


# --------------------------------------------------------------------------- tokenisation


@pytest.mark.parametrize(
    ("text", "options", "expected"),
    [
        ("The de-escalation began", {}, ["de-escalation", "began"]),
        ("Russia’s and Russia's allies’ plans", {}, ["russia", "russia", "allies", "plans"]),
        ("more than 130,000 troops in 2022", {}, ["130,000", "troops", "2022"]),
        ("the U.S. and NATO", {}, ["u.s.", "nato"]),
        ("we don't want they’re ready", {}, ["want", "ready"]),
        ("we don't want", {"stop_words": False}, ["we", "don't", "want"]),
        ("The threat of invasion", {"stop_words": False}, ["the", "threat", "of", "invasion"]),
        (
            "threat of invasion grows",
            {"ngrams": 2},
            ["threat", "invasion", "grows", "threat invasion", "invasion grows"],
        ),
        ("troops said Putin", {"stop_words": ["Troops"]}, ["said", "putin"]),
        ("“Dialogue” — now…", {}, ["dialogue"]),
    ],
)
def test_tokenisation_policy(text, options, expected):
    assert terms.analyse(text, **options) == expected


def test_ngrams_other_than_one_or_two_are_refused():
    with pytest.raises(ValueError, match="ngrams"):
        terms.vectorizer(ngrams=3)


# --------------------------------------------------------------------------- counting


def test_term_table_groups_canonical_articles_by_outlet(tiny):
    counts = v.term_table(tiny)
    assert list(counts.columns) == ["Outlet A", "Outlet B"]
    assert counts.columns.name == "outlet"
    # the non-canonical a0 ("Nato Nato Nato") is not counted
    assert counts.loc["nato"].tolist() == [1, 2]
    assert counts.loc["troops"].tolist() == [2, 1]
    assert counts.loc["russia"].tolist() == [1, 0]
    assert list(counts.index) == sorted(counts.index)


def test_term_table_by_article_and_all_versions(tiny):
    counts = v.term_table(tiny, by="article_id", canonical=False)
    assert list(counts.columns) == ["a1", "a0", "b1"]
    assert counts.loc["nato"].tolist() == [1, 3, 2]


def test_term_table_names_an_unknown_grouping(tiny):
    with pytest.raises(ValueError, match="'publisher' is not a column"):
        v.term_table(tiny, by="publisher")


def test_group_sizes(tiny):
    sizes = v.group_sizes(v.term_table(tiny))
    # A: nato troops withdraw russia troops stay = 6 words, 5 types; B: nato troops pull claim nato
    assert sizes.set_index("outlet").loc["Outlet A"].tolist() == [6, 5]


# --------------------------------------------------------------------------- voice


def test_voice_needs_the_voice_column(tiny):
    with pytest.raises(CorpusError, match="'voice' in corpus.sentences"):
        v.term_table(tiny, voice="writer")
    with pytest.raises(ValueError, match="voice must be one of"):
        v.voice_text(tiny, "speaker")


def test_voice_splits_mixed_sentences_at_quotations(make_corpus):
    text = 'Putin said "troops withdraw" today. Scholz agreed.'
    first = text.index(" Scholz")
    sentences = pd.DataFrame(
        {
            "article_id": ["a", "a"],
            "paragraph": [1, 1],
            "sentence": [1, 2],
            "start": [0, first + 1],
            "end": [first, len(text)],
            "text": [text[:first], text[first + 1 :]],
            "voice": ["mixed", "authorial"],
        }
    )
    quote_start = text.index('"')
    quotes = pd.DataFrame(
        {
            "article_id": ["a"],
            "paragraph": [1],
            "start": [quote_start],
            "end": [text.index('"', quote_start + 1) + 1],
            "kind": ["full"],
        }
    )
    corpus = make_corpus(
        {"a": {"outlet": "X", "paragraphs": [text]}}, sentences=sentences, quotes=quotes
    )
    assert v.term_table(corpus, voice="quoted").index.tolist() == ["troops", "withdraw"]
    assert v.term_table(corpus, voice="writer").index.tolist() == [
        "agreed",
        "putin",
        "said",
        "scholz",
        "today",
    ]
    without_quotes = make_corpus({"a": {"outlet": "X", "paragraphs": [text]}}, sentences=sentences)
    assert v.term_table(without_quotes, voice="writer").index.tolist() == ["agreed", "scholz"]
    assert v.term_table(without_quotes, voice="quoted").empty


# --------------------------------------------------------------------------- log-odds z


def monroe_z(y_i, n_i, y_j, n_j, a_w, a0):
    """Monroe et al. (2008) z written out, for the derivations below."""
    delta = math.log((y_i + a_w) / (n_i + a0 - y_i - a_w)) - math.log(
        (y_j + a_w) / (n_j + a0 - y_j - a_w)
    )
    return delta / math.sqrt(1 / (y_i + a_w) + 1 / (y_j + a_w))


TWO = pd.DataFrame({"X": [10, 5, 0], "Y": [2, 5, 3]}, index=["a", "b", "c"])
THREE = TWO.assign(Z=[0, 1, 6])


def test_log_odds_z_two_groups_by_hand():
    # pooled counts a=12, b=10, c=3 of 25; alpha0=10 -> alpha_a=4.8, alpha_b=4.0, alpha_c=1.2.
    # X: n=15; Y: n=10.
    z = v.log_odds_z(TWO, alpha0=10)
    # a in X: log(14.8/10.2) - log(6.8/13.2), variance 1/14.8 + 1/6.8
    z_a = (math.log(14.8 / 10.2) - math.log(6.8 / 13.2)) / math.sqrt(1 / 14.8 + 1 / 6.8)
    # c in X: log(1.2/23.8) - log(4.2/15.8), variance 1/1.2 + 1/4.2
    z_c = (math.log(1.2 / 23.8) - math.log(4.2 / 15.8)) / math.sqrt(1 / 1.2 + 1 / 4.2)
    # b in X: log(9/(15+10-5-4)) - log(9/(10+10-5-4)) = log(9/16) - log(9/11), variance 2/9
    z_b = (math.log(9 / 16) - math.log(9 / 11)) / math.sqrt(2 / 9)
    assert z.loc["a", "X"] == pytest.approx(z_a, rel=1e-12)
    assert z.loc["b", "X"] == pytest.approx(z_b, rel=1e-12)
    assert z.loc["c", "X"] == pytest.approx(z_c, rel=1e-12)
    assert z_a == pytest.approx(2.2352, abs=1e-4)  # the arithmetic once more, by calculator
    # with two groups, Y against the rest is X's mirror image
    np.testing.assert_allclose(z["Y"], -z["X"], rtol=1e-12)
    assert z.shape == TWO.shape and list(z.columns) == ["X", "Y"]


def test_log_odds_z_three_groups_by_hand():
    # pooled a=12, b=11, c=9 of 32; alpha0=16 -> alpha = 6, 5.5, 4.5; n: X=15, Y=10, Z=7
    z = v.log_odds_z(THREE, alpha0=16)
    # c in Z vs X+Y (y_j=3, n_j=25): log(10.5/12.5) - log(7.5/33.5), variance 1/10.5 + 1/7.5
    expected = (math.log(10.5 / 12.5) - math.log(7.5 / 33.5)) / math.sqrt(1 / 10.5 + 1 / 7.5)
    assert z.loc["c", "Z"] == pytest.approx(expected, rel=1e-12)
    assert z.loc["a", "Y"] == pytest.approx(monroe_z(2, 10, 10, 22, 6.0, 16), rel=1e-12)


def test_log_odds_z_unused_term_is_nan():
    z = v.log_odds_z(pd.DataFrame({"X": [1, 0], "Y": [1, 0]}, index=["a", "b"]))
    assert np.isnan(z.loc["b"]).all()


# --------------------------------------------------------------------------- keyness


def g2_by_hand(cells_observed, cells_expected):
    return 2 * sum(
        o * math.log(o / e) for o, e in zip(cells_observed, cells_expected, strict=True) if o
    )


def test_keyness_by_hand():
    # X (15 words) against Y (10 words), 25 in all.
    k = v.keyness(TWO, "X")
    # term a: observed [10, 2 | 5, 8]; a+b=12 -> expected 12*15/25=7.2, 12*10/25=4.8; others 13
    # -> 13*15/25=7.8, 13*10/25=5.2
    g2_a = g2_by_hand([10, 2, 5, 8], [7.2, 4.8, 7.8, 5.2])
    assert k.loc["a", "g2"] == pytest.approx(g2_a, rel=1e-12)
    assert g2_a == pytest.approx(5.5139, abs=1e-4)
    assert k.loc["a", "log_ratio"] == pytest.approx(math.log2((10 / 15) / (2 / 10)), rel=1e-12)
    assert k.loc["a", "p"] == pytest.approx(math.erfc(math.sqrt(g2_a / 2)), rel=1e-9)
    # term c: observed [0, 3 | 15, 7]; expected 1.8, 1.2 | 13.2, 8.8; used less by X -> negative
    g2_c = g2_by_hand([0, 3, 15, 7], [1.8, 1.2, 13.2, 8.8])
    assert k.loc["c", "g2"] == pytest.approx(-g2_c, rel=1e-12)
    # Hardie's convention: the zero count becomes 0.5
    assert k.loc["c", "log_ratio"] == pytest.approx(math.log2((0.5 / 15) / (3 / 10)), rel=1e-12)
    assert k.loc[
        "a", ["count_target", "count_reference", "size_target", "size_reference"]
    ].tolist() == [10, 2, 15, 10]
    assert list(k.index) == ["a", "b", "c"]  # sorted by signed G², largest first


def test_keyness_g2_matches_scipy():
    k = v.keyness(THREE, "Z")
    size_z, size_rest = 7, 25
    for term in THREE.index:
        a, b = THREE.loc[term, "Z"], THREE.loc[term, ["X", "Y"]].sum()
        table = [[a, b], [size_z - a, size_rest - b]]
        expected = chi2_contingency(table, correction=False, lambda_="log-likelihood")
        assert abs(k.loc[term, "g2"]) == pytest.approx(expected.statistic, rel=1e-10)
        assert k.loc[term, "p"] == pytest.approx(expected.pvalue, rel=1e-9)


def test_keyness_against_one_reference_and_min_count():
    k = v.keyness(THREE, "X", reference="Z", min_count=6)
    # a: 10 + 0, b: 5 + 1 kept; c: 0 + 6 kept; sizes X=15, Z=7
    assert sorted(k.index) == ["a", "b", "c"]
    assert k.loc["a", "size_reference"] == 7
    k = v.keyness(THREE, "X", reference="Z", min_count=7)
    assert sorted(k.index) == ["a"]
    assert k.loc["a", "q"] == k.loc["a", "p"]  # one test: BH leaves it as it is
    with pytest.raises(ValueError, match="not a group"):
        v.keyness(THREE, "W")


def test_benjamini_hochberg_matches_scipy():
    rng = np.random.default_rng(4)
    p = np.concatenate([rng.uniform(size=40), rng.uniform(0, 0.01, size=10), [0.02, 0.02, 1.0]])
    np.testing.assert_allclose(v.benjamini_hochberg(p), false_discovery_control(p, method="bh"))
    assert v.benjamini_hochberg([]).size == 0


def test_distinctive_terms_filters_after_scoring():
    top = v.distinctive_terms(THREE, alpha0=16, min_count=10, n=2)
    # only a (12) and b (11) reach 10 uses; z is the three-group z
    assert set(top["term"]) == {"a", "b"}
    z = v.log_odds_z(THREE, alpha0=16)
    row = top[(top["group"] == "Y") & (top["term"] == "a")].iloc[0]
    assert row["z"] == z.loc["a", "Y"]
    assert (row["count"], row["count_rest"], row["size"], row["size_rest"]) == (2, 10, 10, 22)
    first = top[top["group"] == "X"].iloc[0]
    assert (first["rank"], first["term"]) == (1, "a")


# --------------------------------------------------------------------------- comparison


def test_similarity_uses_canonical_idf_and_is_symmetric(make_corpus):
    corpus = make_corpus(
        {
            "a": {"outlet": "A", "paragraphs": ["troops withdraw border"]},
            "a_old": {"outlet": "A", "canonical": False, "paragraphs": ["troops withdraw border"]},
            "b": {"outlet": "B", "paragraphs": ["troops border talks"]},
            "c": {"outlet": "C", "paragraphs": ["ballet opera"]},
        }
    )
    sim = v.similarity(corpus)
    assert list(sim.index) == ["a", "a_old", "b", "c"]
    np.testing.assert_allclose(sim.to_numpy(), sim.to_numpy().T)
    assert sim.loc["a", "a_old"] == pytest.approx(1.0)
    assert sim.loc["a", "c"] == 0.0
    # by hand: idf over the 3 canonical documents, smoothed: ln((1+3)/(1+df)) + 1
    idf = {
        t: math.log(4 / (1 + df)) + 1
        for t, df in {"troops": 2, "withdraw": 1, "border": 2, "talks": 1}.items()
    }
    a = {t: idf[t] for t in ("troops", "withdraw", "border")}
    b = {t: idf[t] for t in ("troops", "border", "talks")}
    dot = sum(a[t] * b.get(t, 0) for t in a)
    norm = math.sqrt(sum(x * x for x in a.values())) * math.sqrt(sum(x * x for x in b.values()))
    assert sim.loc["a", "b"] == pytest.approx(dot / norm, rel=1e-12)
    pairs = v.similarity_pairs(sim)
    assert len(pairs) == 6 and pairs.iloc[0].tolist()[:2] == ["a", "a_old"]


def test_similarity_refuses_too_many_articles(tiny):
    with pytest.raises(ValueError, match="max_articles"):
        v.similarity(tiny, max_articles=2)


def test_vocabulary_overlap():
    counts = pd.DataFrame(
        {"X": [1, 2, 3, 0], "Y": [1, 0, 4, 2], "Z": [5, 0, 0, 0]},
        index=["all", "onlyx", "xy", "onlyy"],
    )
    overlap = v.vocabulary_overlap(counts).set_index("group")
    assert overlap.loc["X", ["types", "shared_by_all", "shared_with_some", "unique"]].tolist() == [
        3,
        1,
        1,
        1,
    ]
    assert overlap.loc["Z", "unique"] == 0
    assert overlap.loc["X", "unique_examples"] == "onlyx (2)"
    assert overlap.loc["Y", "unique_share"] == pytest.approx(1 / 3)


# --------------------------------------------------------------------------- naming choices


def test_naming_lexicon_is_well_formed():
    lexicon = v.naming_lexicon()
    assert set(lexicon["kind"]) == {"spelling", "word-choice"}
    assert (lexicon["source"].str.strip() != "").all()
    assert not lexicon.duplicated(["concept", "variant"]).any()
    assert (lexicon.groupby("concept").size() >= 2).all()
    for pattern in lexicon["pattern"]:
        terms.pattern_regex(pattern)
    # the concepts are all there
    for variant in [
        "Nato",
        "NATO",
        "Donbas",
        "Donbass",
        "Kyiv",
        "Kiev",
        "defence",
        "defense",
        "armoured",
        "armored",
        "Zelensky",
        "Zelenskyy",
        "Sergei",
        "Sergey",
        "spokesman",
        "spokesperson",
        "pullback",
        "withdrawal",
        "drawdown",
        "drawback",
        "invasion",
        "attack",
        "war",
        "separatists",
        "rebels",
        "republics",
    ]:
        assert variant in set(lexicon["variant"]), variant
    # only Nato/NATO differ by case alone, so only they are matched case-sensitively
    assert set(lexicon.loc[lexicon["case"], "concept"]) == {"Nato"}


def test_naming_choices_counts_each_variant_per_group(tiny, tmp_path):
    lexicon_csv = tmp_path / "naming.csv"
    lexicon_csv.write_text(
        "concept,kind,variant,pattern,note,source\n"
        "Nato,spelling,Nato,,,test\n"
        "Nato,spelling,NATO,,,test\n"
        "pullback,word-choice,withdraw,withdraw|withdrew,,test\n"
        "pullback,word-choice,pull back,pull* back,,test\n",
        encoding="utf-8",
    )
    choices = v.naming_choices(tiny, v.naming_lexicon(lexicon_csv))
    counts = choices.set_index(["variant", "group"])["count"]
    assert counts[("Nato", "Outlet A")] == 1 and counts[("Nato", "Outlet B")] == 0
    assert counts[("NATO", "Outlet B")] == 2  # "NATO" and "NATO's"
    assert counts[("withdraw", "Outlet A")] == 1 and counts[("pull back", "Outlet B")] == 1
    shares = choices.set_index(["variant", "group"])["share"]
    assert shares[("NATO", "Outlet B")] == 1.0
    table = v.naming_table(choices)
    assert table.loc["Nato", "Outlet B"] == "NATO 2"
    assert table.loc["pullback", "Outlet A"] == "withdraw 1"
    assert list(table.columns) == ["Outlet A", "Outlet B"]


def test_naming_table_marks_unnamed_concepts():
    choices = pd.DataFrame(
        {
            "concept": ["k", "k"],
            "kind": "spelling",
            "variant": ["Kyiv", "Kiev"],
            "group": ["A", "A"],
            "count": [0, 0],
            "share": np.nan,
        }
    )
    assert v.naming_table(choices).loc["k", "A"] == "—"


# --------------------------------------------------------------------------- patterns


@pytest.mark.parametrize(
    ("pattern", "text", "found"),
    [
        ("Nato", "Nato’s plan, NATO and Natoli", ["Nato", "NATO"]),
        ("attack", "a ground-attack jet; an attack; attacks", ["attack"]),
        ("Donbas", "Donbass and Donbas", ["Donbas"]),
        (
            "pull* back",
            "pulling back and pulled\nback, pull backs",
            ["pulling back", "pulled\nback"],
        ),
        ("withdraw|withdrawn", "withdrawn withdrawal withdraw", ["withdrawn", "withdraw"]),
        ("rebel|rebel-held", "rebel-held areas", ["rebel-held"]),
        ("don", "don't, don", ["don"]),
        ("130", "130,000 and 130.", ["130"]),
        ("U.S.", "the U.S. and the US", ["U.S."]),
        ("it's", "it’s", ["it’s"]),
        ("de-escal*", "de-escalation, escalation", ["de-escalation"]),
    ],
)
def test_patterns_match_whole_words(pattern, text, found):
    assert [text[s:e] for s, e in terms.find_matches(pattern, text)] == found
    # the one-regex form finds the same
    assert [m.group() for m in terms.pattern_regex(pattern).finditer(text)] == found


def test_patterns_case_and_errors():
    assert terms.pattern_regex("Nato", case=True).findall("NATO Nato") == ["Nato"]
    assert terms.find_matches("Nato", "NATO Nato", case=True) == [(5, 9)]
    assert terms.find_matches("istanbul", "İstanbul") == [(0, 8)]  # "İ".lower() is two characters
    with pytest.raises(ValueError, match="empty"):
        terms.pattern_regex("Kyiv||Kiev")


# --------------------------------------------------------------------------- findings


def test_findings_rows_have_valid_stable_keys():
    counts = THREE
    rows = v.findings_rows(
        v.group_sizes(counts).rename(columns={None: "group"}),
        v.distinctive_terms(counts, min_count=1),
        v.keyness_by_group(counts, min_count=1),
        pd.DataFrame({"article_a": ["x"], "article_b": ["y"], "cosine": [0.5]}),
        v.vocabulary_overlap(counts),
        pd.DataFrame({"concept": ["k", "k"], "variant": ["Kyiv", "Kiev"], "count": [1, 1]}),
    )
    assert rows["key"].str.match(r"^vocabulary(\.[a-z0-9][a-z0-9_-]*)+$").all()
    assert not rows["key"].duplicated().any()
    assert rows.set_index("key").loc["vocabulary.naming.concepts_split", "value"] == 1
    assert rows.set_index("key").loc["vocabulary.similarity.x.y", "value"] == 0.5


def test_on_the_seed_corpus(seed_corpus):
    counts = v.term_table(seed_corpus)
    assert "Financial Times" in counts.columns and len(counts.columns) == 4
    assert counts.loc["de-escalation"].sum() > 0
    choices = v.naming_choices(seed_corpus)
    nato = choices[choices["concept"] == "Nato"].set_index(["variant", "group"])["count"]
    assert nato[("NATO", "Associated Press")] > 0 and nato[("Nato", "Associated Press")] == 0


def test_parallel_counting_gives_the_same_counts(monkeypatch):
    texts = ["Nato troops withdraw", "the ballet", "", "troops of Russia's army", "army ballet"]
    serial, serial_terms = v.count_texts(texts, workers=1)
    monkeypatch.setattr("analysis.parallel.MIN_TEXTS", 1)
    parallel, parallel_terms = v.count_texts(texts, workers=2)
    assert parallel_terms == serial_terms
    assert (parallel != serial).nnz == 0
