"""Inductive frames: topics over sentences, their stability, the draft dictionary, the checks."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

from analysis import CorpusError, emphasis, inductive

SPORT = [
    "football",
    "goal",
    "match",
    "striker",
    "league",
    "coach",
    "keeper",
    "penalty",
    "stadium",
    "referee",
]
MONEY = [
    "bank",
    "loans",
    "rates",
    "inflation",
    "market",
    "shares",
    "bonds",
    "lender",
    "investors",
    "prices",
]


def _toy(n: int = 40, seed: int = 1) -> pd.DataFrame:
    """Two clearly separated topics: sentences of five words from one of two vocabularies,
    alternating between two outlets."""
    rng = np.random.default_rng(seed)
    rows = []
    for i in range(2 * n):
        words = SPORT if i % 2 == 0 else MONEY
        text = " ".join(rng.choice(words, size=5, replace=False)).capitalize() + "."
        rows.append(
            {
                "article_id": f"a{i // 10}",
                "outlet": "North" if (i // 10) % 2 == 0 else "South",
                "paragraph": 1,
                "sentence": i % 10 + 1,
                "text": text,
            }
        )
    return pd.DataFrame(rows)


def _topics(sentences: pd.DataFrame, topic: list[int], components=None, k=None) -> inductive.Topics:
    """A hand-made model: the given topic per sentence, unit weight on it."""
    k = k or max(topic)
    weights = np.zeros((len(topic), k))
    for row, t in enumerate(topic):
        if t:
            weights[row, t - 1] = 1.0
    components = np.eye(k) if components is None else np.asarray(components, dtype=float)
    terms = tuple(f"t{i}" for i in range(components.shape[1]))
    table = sentences.assign(topic=topic, weight=weights.max(axis=1))
    return inductive.Topics(k, 0, table, weights, components, terms)


def test_same_sentences_give_the_same_topics_twice():
    sentences = _toy()
    first, second = inductive.fit_topics(sentences, 3), inductive.fit_topics(sentences, 3)
    assert np.array_equal(first.components, second.components)
    assert first.sentences.equals(second.sentences)
    assert inductive.top_terms(first).equals(inductive.top_terms(second))


def test_two_separated_topics_are_found_and_k2_is_chosen():
    sentences = _toy()
    stability = inductive.topic_stability(sentences, range(2, 6), n_resamples=4)
    assert stability.loc[stability["k"] == 2, "stability"].iloc[0] > 0.99
    assert stability.loc[stability["k"] > 2, "stability"].max() < 0.98
    assert inductive.choose_k(stability) == 2
    topics = inductive.fit_topics(sentences, 2)
    truth = pd.Series(np.where(np.arange(len(sentences)) % 2 == 0, "sport", "money"))
    assert inductive.purity(pd.Series(topics.sentences["topic"]), truth) == 1.0
    terms = inductive.top_terms(topics, n=10)
    for _, group in terms.groupby("topic"):
        assert set(group["term"]) in ({*SPORT}, {*MONEY})


def test_choose_k_takes_the_largest_k_within_the_tolerance_of_the_best():
    table = pd.DataFrame({"k": [2, 3, 4, 5], "stability": [0.997, 0.996, 0.993, 0.95]})
    assert inductive.choose_k(table) == 4  # 0.993 is 0.004 below the best
    assert inductive.choose_k(table, tolerance=0.003) == 3
    assert inductive.choose_k(table, tolerance=0) == 2
    table["stability"] = [0.9, 0.9, 0.8, 0.7]
    assert inductive.choose_k(table, tolerance=0) == 3  # an exact tie: the larger within 0


def test_matched_similarity_of_permuted_topics_is_one():
    reference = np.array([[1.0, 0, 0], [0, 2.0, 0], [0, 0, 3.0]])
    assert np.allclose(inductive.match_topics(reference, reference[[2, 0, 1]]), 1.0)
    # one topic half-way: cosine of (1,0,0) and (1,1,0) is 1/sqrt(2)
    other = np.array([[1.0, 1.0, 0], [0, 1.0, 0], [0, 0, 1.0]])
    assert sorted(inductive.match_topics(reference[:1], other))[0] == pytest.approx(2**-0.5)


def test_purity_by_hand():
    assigned = pd.Series([1, 1, 1, 2, 2, 2])
    truth = pd.Series(list("aabbbc"))
    # topic 1: a, a, b -> 2; topic 2: b, b, c -> 2; (2 + 2) / 6
    assert inductive.purity(assigned, truth) == pytest.approx(4 / 6)


def test_frame_overlap_by_hand():
    sentences = _toy(n=3).iloc[:6].assign(article_id="x", sentence=range(1, 7))
    topics = _topics(sentences, [1, 1, 1, 2, 2, 0])
    units = sentences[["article_id", "sentence"]]
    mentions = pd.DataFrame(
        {
            "article_id": "x",
            "sentence": [1, 2, 3, 4, 5, 5, 6],
            "frame": ["d", "d", "m", "m", "m", "d", "m"],
        }
    )
    # sentence 5 carries both frames and 6 has no topic: compared are 1-4, topic 1 -> d (2 of
    # 3), topic 2 -> m; right: 1, 2, 4 of 4
    result = inductive.frame_overlap(topics, mentions, ("d", "m"), units=units)
    assert result == {"overlap": 0.75, "baseline": 0.5, "sentences": 4}


def test_topic_shares_count_every_group_and_topic():
    sentences = _toy(n=5)  # 10 sentences: a0 (North)
    sentences = pd.concat([sentences, _toy(n=5).assign(article_id="b", outlet="South")])
    topics = _topics(sentences.reset_index(drop=True), [1] * 7 + [2] * 2 + [0] + [2] * 10, k=3)
    shares = inductive.topic_shares(topics).set_index(["outlet", "topic"])
    assert shares.loc[("North", 1), ["sentences", "total"]].tolist() == [7, 10]
    assert shares.loc[("North", 2), "share"] == pytest.approx(0.2)
    assert shares.loc[("South", 2), "sentences"] == 10
    assert shares.loc[("South", 3), "sentences"] == 0
    assert len(shares) == 6


def test_group_topics_merges_similar_term_vectors():
    components = [[1, 0, 0, 0], [0.9, 0.1, 0, 0], [0, 0, 1, 0], [0, 0, 0.2, 0.9]]
    topics = _topics(_toy(n=2), [1, 2, 3, 4], components=components)
    assert inductive.group_topics(topics, 2) == {1: [1, 2], 2: [3, 4]}
    assert inductive.group_topics(topics, 4) == {1: [1], 2: [2], 3: [3], 4: [4]}
    with pytest.raises(ValueError):
        inductive.group_topics(topics, 5)


def test_frames_draft_loads_as_a_dictionary_and_tags_the_text(tmp_path):
    sentences = _toy()
    topics = inductive.fit_topics(sentences, 2)
    path = inductive.write_frames_draft(
        inductive.frames_draft(topics, n_terms=5), tmp_path / "f.yml"
    )
    frames = emphasis.load_frames(path)
    assert [f.name for f in frames] == ["topic_1", "topic_2"]
    assert all(len(f.terms) == 5 for f in frames)
    hits = emphasis.frame_hits(sentences["text"], frames)
    # every sentence carries its own topic's frame, never the other one
    own = hits.to_numpy().argmax(axis=1) + 1
    assert (own == topics.sentences["topic"].to_numpy()).all()
    assert ((hits > 0).sum(axis=1) == 1).all()
    grouped = inductive.frames_draft(topics, groups={1: [1, 2]})
    assert grouped["frames"][0]["name"] == "group_1"
    assert "source" in grouped and grouped["source"]


def test_too_little_text_is_a_corpus_error():
    with pytest.raises(CorpusError, match="too few"):
        inductive.fit_topics(_toy(n=2), 5)


def test_examples_are_the_heaviest_sentences_of_each_topic():
    topics = inductive.fit_topics(_toy(), 2)
    examples = inductive.topic_examples(topics, n=3)
    assert examples.groupby("topic").size().tolist() == [3, 3]
    for t, group in examples.groupby("topic"):
        own = topics.sentences[topics.sentences["topic"] == t]
        assert group["weight"].iloc[0] == pytest.approx(own["weight"].max())
        assert group["weight"].is_monotonic_decreasing


def test_unit_table_sentences_paragraphs_articles():
    import analysis
    from analysis.paths import ROOT

    corpus = analysis.load_corpus(ROOT / "tests" / "fixtures" / "other_corpus")
    canonical = corpus.canonical()
    sentences = inductive.unit_table(corpus)
    assert len(sentences) == len(canonical.sentences)
    paragraphs = inductive.unit_table(corpus, "paragraph")
    assert paragraphs["text"].tolist() == canonical.paragraphs["text"].tolist()
    articles = inductive.unit_table(corpus, "article")
    assert articles["article_id"].tolist() == canonical.article_ids
    first = canonical.paragraphs[canonical.paragraphs["article_id"] == articles["article_id"][0]]
    assert articles["text"][0] == "\n\n".join(first["text"])
    with pytest.raises(ValueError):
        inductive.unit_table(corpus, "word")
