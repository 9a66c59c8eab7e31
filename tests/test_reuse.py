"""Text reuse and versions: golden values worked out by hand (or by difflib, the reference)."""

from __future__ import annotations

import itertools
import random
from difflib import SequenceMatcher

import numpy as np
import pandas as pd
import pytest

from analysis import reuse
from analysis.text import folded_words


def _articles(texts: dict[str, list[str]], stories: dict[str, str] | None = None) -> dict:
    """One paragraph per sentence, each article its own story unless ``stories`` says."""
    stories = stories or {}
    return {
        a: {"paragraphs": ts, "story_id": stories.get(a, a), "version": "1"}
        for a, ts in texts.items()
    }


# wire 1 / paper 1: the same 12 words. wire 2 / paper 2: "officials in the capital declined to
# comment on the" (9 words) in common, of 10 and 12 -> 2*9/22. wire 3 / paper 3: "markets rose"
# and "on the news" (5 words) in common, of 9 and 11 -> 10/20 = 0.5, a near miss.
WIRE = [
    "The ministry said troops were returning to their bases after the drills.",
    "Officials in the capital declined to comment on the report.",
    "Markets rose sharply on the news of the withdrawal.",
]
PAPER = [
    "The ministry said troops were returning to their bases after the drills.",
    "Officials in the capital declined to comment on the claims on Tuesday.",
    "Markets rose on the news, traders in London said on Tuesday.",
    "Short one here.",
]


@pytest.fixture
def tiny(make_corpus):
    return make_corpus(
        _articles({"wire": WIRE, "paper": PAPER, "other": ["Nothing here matches anything."]})
    )


# --------------------------------------------------------------------------- comparable text


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("“It’s over” — he said.", ["it's", "over", "he", "said"]),
        ('"It\'s over" - he said.', ["it's", "over", "he", "said"]),
        ("The U.S. and NATO", ["the", "u.s.", "and", "nato"]),
        ("East–West talks", ["east-west", "talks"]),
        ("", []),
    ],
)
def test_folded_words_fold_typography_and_case(text, expected):
    assert folded_words(text) == expected


def test_word_shingles():
    assert reuse.word_shingles(["a", "b", "c", "a", "b"], 2) == {"a b", "b c", "c a"}
    assert reuse.word_shingles(["a"], 2) == {"a"}
    assert reuse.word_shingles([], 2) == set()


# --------------------------------------------------------------------------- scores


@pytest.mark.parametrize(
    ("a", "b", "matched", "score"),
    [
        ("the cat sat on the mat", "the cat lay on the mat", 5, 10 / 12),
        ("a b c d", "a b c d", 4, 1.0),
        ("a b c d", "e f g h", 0, 0.0),
        ("a b c d", "d c b a", 1, 2 / 8),
        ("", "", 0, 0.0),
    ],
)
def test_similarity_is_difflib_ratio_on_words(a, b, matched, score):
    a, b = a.split(), b.split()
    assert reuse.match_words(a, b) == matched
    assert reuse.word_ratio(a, b) == pytest.approx(score)
    if a or b:
        assert reuse.word_ratio(a, b) == pytest.approx(SequenceMatcher(None, a, b).ratio())


def test_score_pairs_adds_matched_words_and_score():
    tokens = [folded_words(t) for t in WIRE[1:2] + PAPER[1:2]]
    scored = reuse.score_pairs(tokens, pd.DataFrame({"left": [0], "right": [1]}))
    assert scored["matched_words"].tolist() == [9]
    assert scored["score"].tolist() == pytest.approx([18 / 22])


# --------------------------------------------------------------------------- word-level diff


def test_mark_differences_marks_changed_words_only():
    old, new = reuse.mark_differences(
        "Putin will back the measure.", "Putin “would” back the measure."
    )
    assert (
        reuse.as_marked_text(old, opening="[-", closing="-]") == "Putin [-will-] back the measure."
    )
    assert (
        reuse.as_marked_text(new, opening="{+", closing="+}")
        == 'Putin "{+would+}" back the measure.'
    )


def test_mark_differences_groups_a_changed_stretch_and_keeps_the_text():
    old, new = reuse.mark_differences("a b c d", "a x, y d e")
    assert old == [("a ", False), ("b c", True), (" d", False)]
    assert new == [("a ", False), ("x, y", True), (" d ", False), ("e", True)]
    assert "".join(t for t, _ in new) == "a x, y d e"


# --------------------------------------------------------------------------- alignment


def test_align_sentences_finds_matches_and_near_misses(tiny):
    alignment = reuse.align_sentences(tiny, method="exact")
    got = alignment[["article_id", "sentence", "other_id", "other_sentence", "matched_words"]]
    assert got.values.tolist() == [
        ["wire", 1, "paper", 1, 12],
        ["wire", 2, "paper", 2, 9],
        ["wire", 3, "paper", 3, 5],
    ]
    assert alignment["score"].tolist() == pytest.approx([1.0, 18 / 22, 10 / 20])
    assert alignment["match"].tolist() == [True, True, False]
    assert alignment["words"].tolist() == [12, 10, 9]
    assert alignment["other_words"].tolist() == [12, 12, 11]


@pytest.mark.parametrize("method", ["tfidf", "minhash", "exact"])
def test_every_method_finds_the_same_close_matches(tiny, method):
    alignment = reuse.align_sentences(tiny, method=method)
    matches = alignment[alignment["match"]]
    assert matches[["sentence", "other_sentence"]].values.tolist() == [[1, 1], [2, 2]]


def test_threshold_and_min_words_are_applied(make_corpus, tiny):
    strict = reuse.align_sentences(tiny, threshold=0.9, method="exact")
    assert strict["match"].tolist() == [True, False]  # 0.82 is now a near miss; 0.5 is out
    # "Short one here." (3 words) is never compared, even with an identical sentence elsewhere.
    corpus = make_corpus(_articles({"a": ["Short one here."], "b": ["Short one here."]}))
    assert reuse.align_sentences(corpus).empty
    assert reuse.align_sentences(corpus, min_words=3)["match"].tolist() == [True]
    # Four words in common score 0.8 but are not a close match.
    corpus = make_corpus(
        _articles({"a": ["Few Russians expect a war."], "b": ["Few Ukrainians expect a war."]})
    )
    alignment = reuse.align_sentences(corpus, method="exact")
    assert alignment["score"].tolist() == pytest.approx([0.8])
    assert alignment["match"].tolist() == [False]


def test_versions_of_one_story_are_not_compared_for_reuse(make_corpus):
    texts = {"v1": WIRE[:1], "v2": WIRE[:1], "elsewhere": WIRE[:1]}
    corpus = make_corpus(_articles(texts, {"v1": "story", "v2": "story"}))
    alignment = reuse.align_sentences(corpus)
    assert alignment[["article_id", "other_id"]].values.tolist() == [
        ["v1", "elsewhere"],
        ["v2", "elsewhere"],
    ]
    both = reuse.align_sentences(corpus, skip_same_story=False)
    assert len(both) == 3


def test_alignment_is_the_same_on_every_run(tiny):
    pd.testing.assert_frame_equal(reuse.align_sentences(tiny), reuse.align_sentences(tiny))


# --------------------------------------------------------------------------- reuse shares


def test_reuse_matrix_shares_by_hand(tiny):
    matrix = reuse.reuse_matrix(tiny, reuse.align_sentences(tiny), all_pairs=True)
    paper = matrix.set_index(["article_id", "other_id"]).loc[("paper", "wire")]
    # paper: 4 sentences of 12 + 12 + 11 + 3 = 38 words; sentences 1 and 2 match (12 + 9 words).
    assert (paper["sentences"], paper["matched_sentences"]) == (4, 2)
    assert (paper["words"], paper["reused_words"]) == (38, 21)
    assert paper["sentence_share"] == pytest.approx(2 / 4)
    assert paper["word_share"] == pytest.approx(21 / 38)
    wire = matrix.set_index(["article_id", "other_id"]).loc[("wire", "paper")]
    assert (wire["words"], wire["reused_words"]) == (12 + 10 + 9, 21)
    assert len(matrix) == 6
    assert matrix.loc[matrix["other_id"] == "other", "matched_sentences"].eq(0).all()
    only_matches = reuse.reuse_matrix(tiny, reuse.align_sentences(tiny))
    assert only_matches[["article_id", "other_id"]].values.tolist() == [
        ["wire", "paper"],
        ["paper", "wire"],
    ]


def test_flag_reuse_adds_the_best_match(tiny):
    flagged = reuse.flag_reuse(tiny).sentences.set_index(["article_id", "sentence"])
    assert flagged.loc[("paper", 1), "reused_from"] == "wire"
    assert flagged.loc[("paper", 2), "reused_sentence"] == 2
    assert flagged.loc[("paper", 2), "reuse_score"] == pytest.approx(18 / 22)
    assert flagged.loc[("paper", 2), "reused_words"] == 9
    assert flagged.loc[("wire", 1), "reused_from"] == "paper"
    assert pd.isna(flagged.loc[("paper", 3), "reused_from"])
    assert pd.isna(flagged.loc[("paper", 3), "reuse_score"])
    assert flagged.loc[("paper", 3), "reused_words"] == 0
    assert len(flagged) == len(tiny.sentences)


def test_flag_reuse_originals_are_never_flagged(tiny):
    flagged = reuse.flag_reuse(tiny, originals=["wire"]).sentences
    assert flagged.loc[flagged["article_id"] == "wire", "reused_from"].isna().all()
    assert flagged["reused_from"].notna().sum() == 2


def test_ties_break_by_article_id(make_corpus):
    corpus = make_corpus(_articles({"b": WIRE[:1], "a": WIRE[:1], "c": WIRE[:1]}))
    flagged = reuse.flag_reuse(corpus).sentences.set_index("article_id")["reused_from"]
    assert flagged.to_dict() == {"b": "a", "a": "b", "c": "a"}


def test_reuse_by_article_counts_own_and_reused_words(tiny):
    by_article = reuse.reuse_by_article(reuse.flag_reuse(tiny)).set_index("article_id")
    assert by_article.loc["paper", ["words", "reused_words", "own_words"]].tolist() == [38, 21, 17]
    assert by_article.loc["paper", "reused_share"] == pytest.approx(21 / 38)
    assert by_article.loc["other", "reused_words"] == 0
    assert by_article["reused_quoted_words"].isna().all()  # no quotations found in this corpus
    with pytest.raises(ValueError, match="flag_reuse"):
        reuse.reuse_by_article(tiny)


def test_reuse_by_article_keeps_wholly_quoted_sentences_apart(tiny):
    voice = ["authorial", "authorial", "quoted"] + ["quoted", "mixed", "authorial", "quoted"]
    quoted = tiny.with_tables(sentences=tiny.sentences.assign(voice=voice + ["authorial"]))
    by_article = reuse.reuse_by_article(reuse.flag_reuse(quoted)).set_index("article_id")
    # paper 1 (12 words reused) is quoted, paper 2 (9) is mixed: only the first counts.
    assert by_article["reused_quoted_words"].to_dict() == {"wire": 0, "paper": 12, "other": 0}


def test_near_threshold_takes_pairs_either_side(tiny):
    near = reuse.near_threshold(reuse.align_sentences(tiny, method="exact"), n=2)
    assert near["score"].tolist() == pytest.approx([18 / 22, 10 / 20])
    assert near["marked"].iloc[1].startswith("Markets rose [-sharply-] on the news")


# --------------------------------------------------------------------------- candidate search


def generated_sentences(n: int, seed: int) -> tuple[list[list[str]], list[int]]:
    """``n`` random sentences in 20 articles; about a third are copies of an earlier original,
    each with its own share (0-30%) of words replaced and 5% dropped, so scores spread across
    the threshold."""
    rng = random.Random(seed)
    vocabulary = [f"w{i}" for i in range(400)] + ["the", "of", "and", "said", "to"] * 20
    tokens, groups, originals = [], [], []
    for i in range(n):
        if originals and rng.random() < 0.35:
            rate = rng.uniform(0, 0.3)
            source = tokens[rng.choice(originals)]
            words = [
                rng.choice(vocabulary) if rng.random() < rate else word
                for word in source
                if rng.random() > 0.05
            ]
        else:
            originals.append(i)
            words = [rng.choice(vocabulary) for _ in range(rng.randint(6, 30))]
        tokens.append(words)
        groups.append(i % 20)
    return tokens, groups


def exhaustive_matches(tokens, groups) -> set[tuple[int, int]]:
    """Every close match by brute force: all pairs, difflib on each."""
    return {
        (i, j)
        for i, j in itertools.combinations(range(len(tokens)), 2)
        if groups[i] != groups[j]
        and reuse.word_ratio(tokens[i], tokens[j]) >= reuse.MATCH_THRESHOLD
        and reuse.match_words(tokens[i], tokens[j]) >= reuse.MIN_WORDS
    }


def as_set(pairs: pd.DataFrame) -> set[tuple[int, int]]:
    return set(zip(pairs["left"], pairs["right"], strict=True))


def test_candidates_contain_every_exact_match_on_a_generated_set():
    tokens, groups = generated_sentences(400, seed=7)
    truth = exhaustive_matches(tokens, groups)
    assert len(truth) > 40  # the generated set has planted matches to find
    assert truth <= as_set(reuse.minhash_candidates(tokens, groups))
    assert truth <= as_set(reuse.tfidf_candidates([" ".join(t) for t in tokens], groups))
    assert truth <= as_set(reuse.exact_candidates(tokens, groups))


def test_exact_candidates_are_pairs_whose_quick_ratio_reaches_the_threshold():
    tokens, groups = generated_sentences(120, seed=3)
    expected = {
        (i, j)
        for i, j in itertools.combinations(range(len(tokens)), 2)
        if groups[i] != groups[j]
        and SequenceMatcher(None, tokens[i], tokens[j]).quick_ratio() >= 0.5
    }
    assert as_set(reuse.exact_candidates(tokens, groups, threshold=0.5)) == expected


def test_candidates_skip_pairs_in_one_group():
    texts = ["alpha beta gamma delta"] * 3
    assert as_set(reuse.tfidf_candidates(texts, ["x", "x", "y"])) == {(0, 2), (1, 2)}
    tokens = [text.split() for text in texts]
    assert as_set(reuse.minhash_candidates(tokens, ["x", "x", "y"])) == {(0, 2), (1, 2)}


def test_frequent_shingles_and_kept_shingles_by_hand():
    tokens = [["a", "b", "c"], ["a", "b", "d"], ["a", "b", "c"], ["x", "y"]]
    # "a b" is in 3 lists, "b c" in 2, "b d" and "x y" in 1.
    assert reuse.frequent_shingles(tokens, max_df=1) == {"a b": 3, "b c": 2}
    assert reuse.frequent_shingles(tokens, max_df=2) == {"a b": 3}
    frequent = {"a b": 3, "b c": 2}
    assert reuse.kept_shingles(["a", "b", "d"], frequent, min_kept=1) == ["b d"]
    # Topped up with the least frequent of the dropped shingles: "b c" (2) before "a b" (3).
    assert reuse.kept_shingles(["a", "b", "c"], frequent, min_kept=1) == ["b c"]
    assert reuse.kept_shingles(["a", "b", "c"], frequent, min_kept=3) == ["a b", "b c"]


def test_pairs_in_buckets_chains_buckets_over_the_cap():
    bucket = np.array([0, 1, 0, 2, 1, 1, 0, 0])
    pairs = lambda got: set(zip(*(a.tolist() for a in got), strict=True))  # noqa: E731
    assert pairs(reuse._pairs_in_buckets(bucket)) == {
        (0, 2), (0, 6), (0, 7), (2, 6), (2, 7), (6, 7), (1, 4), (1, 5), (4, 5)
    }  # fmt: skip
    # Bucket 0 (4 positions) is over the cap: each position is paired with the next only.
    chained = {(0, 2), (2, 6), (6, 7)}
    assert pairs(reuse._pairs_in_buckets(bucket, max_size=3)) == chained | {(1, 4), (1, 5), (4, 5)}
    assert pairs(reuse._pairs_in_buckets(bucket, max_size=1)) == chained | {(1, 4), (4, 5)}


def common_phrase_corpus(n: int, seed: int) -> tuple[list[list[str]], list[int]]:
    """``n`` sentences of random rare words, each wrapped in one of three stock phrases shared
    by a third of the corpus; the last two are a planted copy of the first (one word changed)
    and a copy of a sentence made only of stock phrases."""
    rng = random.Random(seed)
    stock = [
        ["officials", "said", "on", "tuesday", "that", "the"],
        ["according", "to", "a", "statement", "from", "the"],
        ["in", "a", "move", "that", "was", "widely", "seen", "as"],
    ]
    tokens = [
        stock[i % 3] + [f"r{rng.randrange(100_000)}" for _ in range(rng.randint(3, 8))]
        for i in range(n)
    ]
    tokens[1] = stock[0] + stock[1]
    tokens.append([*tokens[0][:-1], "changed"])
    tokens.append(list(tokens[1]))
    return tokens, list(range(len(tokens)))


def test_frequency_cap_keeps_a_planted_copy():
    tokens, groups = common_phrase_corpus(300, seed=5)
    frequent = reuse.frequent_shingles(tokens, max_df=20)
    assert {"officials said", "said on", "from the"} <= set(frequent)
    candidates = as_set(reuse.minhash_candidates(tokens, groups, max_df=20, max_bucket=10))
    n = len(tokens)
    assert (0, n - 2) in candidates  # the copy with rare words, found by its rare shingles
    assert (1, n - 1) in candidates  # the copy of stock phrases, found by its least common
    # Unrelated sentences that share only a stock phrase are not candidates.
    assert len(candidates) < 2 * n
    uncapped = reuse.minhash_candidates(tokens, groups, max_df=n, max_bucket=n)
    assert len(uncapped) > 10 * len(candidates)


def test_capped_candidates_contain_every_exact_match_on_a_generated_set():
    tokens, groups = generated_sentences(400, seed=7)
    truth = exhaustive_matches(tokens, groups)
    assert reuse.frequent_shingles(tokens, max_df=15)  # the cap drops shingles here
    capped = reuse.minhash_candidates(tokens, groups, max_df=15, max_bucket=3)
    assert truth <= as_set(capped)
    assert len(capped) < len(reuse.minhash_candidates(tokens, groups, max_df=400, max_bucket=400))


def test_minhash_candidates_are_deterministic_and_sorted():
    tokens, groups = generated_sentences(300, seed=2)
    first = reuse.minhash_candidates(tokens, groups, max_df=10)
    again = reuse.minhash_candidates(tokens, groups, max_df=10)
    pd.testing.assert_frame_equal(first, again)
    assert (first["left"] < first["right"]).all()
    ordered = first.sort_values(["left", "right"], kind="mergesort").reset_index(drop=True)
    pd.testing.assert_frame_equal(first, ordered)


def test_minhash_signatures_are_seeded():
    tokens = [["some", "text", "here"], ["other", "text"]]
    a = reuse.minhash_signatures(tokens)
    b = reuse.minhash_signatures(tokens)
    assert (a == b).all()
    assert a.shape == (2, reuse.MINHASH_PERMUTATIONS)


def test_unknown_method_is_an_error(tiny):
    with pytest.raises(ValueError, match="method must be one of"):
        reuse.align_sentences(tiny, method="fuzzy")


# --------------------------------------------------------------------------- versions

OLD = [
    "Putin will back the measure, officials said.",
    "The talks lasted three hours in the Kremlin.",
    "A sentence only in the old version is here.",
]
NEW = [
    "A new lead sentence about the talks appears first today.",
    "The talks lasted three hours in the Kremlin.",
    "Putin would back the measure, officials said.",
]


@pytest.fixture
def versions(make_corpus):
    return make_corpus(
        _articles(
            {"story-v1": OLD, "story-v2": NEW, "elsewhere": ["Nothing to do with it at all."]},
            {"story-v1": "story", "story-v2": "story"},
        )
    )


def test_compare_versions_classifies_sentences(versions):
    comparison = reuse.compare_versions(versions)
    got = comparison[["status", "old_sentence", "new_sentence", "moved"]]
    assert got.astype(object).where(got.notna(), None).values.tolist() == [
        ["added", None, 1, ""],
        ["kept", 2, 2, "up"],
        ["rewritten", 1, 3, ""],
        ["removed", 3, None, ""],
    ]
    rewritten = comparison.iloc[2]
    # 7 words a side, 6 in common ("will" -> "would").
    assert rewritten["score"] == pytest.approx(12 / 14)
    assert (rewritten["words_removed"], rewritten["words_added"]) == (1, 1)
    assert rewritten["old_marked"] == "Putin [-will-] back the measure, officials said."
    assert rewritten["new_marked"] == "Putin {+would+} back the measure, officials said."
    assert comparison["words_added"].iloc[0] == 10
    assert comparison["words_removed"].iloc[3] == 9
    assert comparison[["story_id", "old_id", "new_id"]].drop_duplicates().values.tolist() == [
        ["story", "story-v1", "story-v2"]
    ]


def test_version_summary_counts(versions):
    summary = reuse.version_summary(reuse.compare_versions(versions)).set_index("status")
    assert summary["sentences"].to_dict() == {
        "kept": 1,
        "rewritten": 1,
        "removed": 1,
        "added": 1,
        "moved up": 1,
        "moved down": 0,
    }
    assert summary.loc["added", "words_added"] == 10


def test_version_evidence_points_to_the_version_with_the_past_form(versions):
    comparison = reuse.compare_versions(versions)
    evidence = reuse.version_evidence(comparison)
    assert evidence[["old_form", "new_form", "points_to"]].values.tolist() == [
        ["will", "would", "story-v2"]
    ]
    verdict = reuse.later_version(comparison, evidence).iloc[0]
    assert (verdict["later"], verdict["agrees_with_manifest"]) == ("story-v2", True)
    backwards = reuse.compare_versions(versions, "story", old="story-v2", new="story-v1")
    verdict = reuse.later_version(backwards, reuse.version_evidence(backwards)).iloc[0]
    assert (verdict["for_old"], verdict["for_new"]) == (1, 0)
    assert (verdict["later"], verdict["agrees_with_manifest"]) == ("story-v2", False)


@pytest.mark.parametrize(
    ("present", "past", "expected"),
    [
        ("will", "would", True),
        ("won't", "would", True),
        ("does", "did", True),
        ("is", "was", True),
        ("agrees", "agreed", True),
        ("want", "wanted", True),
        ("did", "does", False),
        ("would", "will", False),
        ("is", "were", False),
        ("talks", "talked", True),
        ("on", "ond", False),
    ],
)
def test_is_backshift(present, past, expected):
    assert reuse.is_backshift(present, past) is expected


def test_tense_changes_inside_a_short_replaced_stretch():
    assert reuse.tense_changes(
        "They won't admit Ukraine, he says.", "He said they would not admit Ukraine."
    ) == [("won't", "would", "new")]
    assert reuse.tense_changes("If the west did not agree", "If the west does not agree") == [
        ("did", "does", "old")
    ]


def test_no_story_with_versions_gives_empty_tables(tiny):
    comparison = reuse.compare_versions(tiny)
    assert comparison.empty and list(comparison.columns) == reuse.VERSION_COLUMNS
    verdict = reuse.later_version(comparison, reuse.version_evidence(comparison))
    assert verdict.empty
    assert reuse.version_findings(comparison, verdict).empty
    assert reuse.versioned_stories(tiny.articles) == []


def test_story_versions_sort_by_number():
    articles = pd.DataFrame(
        {"article_id": ["a", "b", "c"], "story_id": ["s"] * 3, "version": ["10", "2", "1"]}
    )
    assert reuse.story_versions(articles, "s")["article_id"].tolist() == ["c", "b", "a"]
    with pytest.raises(ValueError, match="no article"):
        reuse.story_versions(articles, "nope")


# --------------------------------------------------------------------------- findings, figures


def test_findings_keys_are_valid_and_values_traceable(tiny, versions):
    alignment = reuse.align_sentences(tiny)
    matrix = reuse.reuse_matrix(tiny, alignment, all_pairs=True)
    by_article = reuse.reuse_by_article(reuse.flag_reuse(tiny, alignment))
    findings = reuse.reuse_findings(matrix, by_article).set_index("key")
    assert findings.loc["reuse.pair.word_share.paper.wire", "value"] == pytest.approx(21 / 38)
    assert findings.loc["reuse.sentences.paper", "value"] == 2
    assert findings.index.str.match(r"^reuse(\.[a-z0-9][a-z0-9_-]*)+$").all()
    comparison = reuse.compare_versions(versions)
    verdict = reuse.later_version(comparison, reuse.version_evidence(comparison))
    version = reuse.version_findings(comparison, verdict).set_index("key")
    assert version.loc["reuse.versions.story.later", "value"] == "story-v2"
    assert version.loc["reuse.versions.story.tense_shifts.story-v2", "value"] == 1


def test_figures_are_byte_identical_from_run_to_run(tmp_path, tiny, versions):
    from analysis.plots import reuse as plots
    from analysis.plots import save_figure

    alignment = reuse.align_sentences(tiny)
    comparison = reuse.compare_versions(versions)
    for run in ("first", "second"):
        out = tmp_path / run
        save_figure(
            plots.plot_version_table(comparison), "06_version_table", comparison, out_dir=out
        )
        near = reuse.near_threshold(alignment)
        save_figure(plots.plot_pairs(near), "06_near_threshold", near, out_dir=out)
        matrix = reuse.reuse_matrix(tiny, alignment, all_pairs=True)
        save_figure(plots.plot_reuse_heatmap(matrix), "06_reuse_heatmap", matrix, out_dir=out)
    for path in sorted((tmp_path / "first").iterdir()):
        assert path.read_bytes() == (tmp_path / "second" / path.name).read_bytes(), path.name


# --------------------------------------------------------------------------- the seed corpus


def test_seed_corpus_independent_carries_ap_sentences(seed_corpus):
    outlets = seed_corpus.canonical()
    alignment = reuse.align_sentences(outlets)
    matrix = reuse.reuse_matrix(outlets, alignment).set_index(["article_id", "other_id"])
    assert matrix.loc[("independent", "ap"), "matched_sentences"] >= 5


def test_seed_corpus_tfidf_candidates_lose_no_match(seed_corpus):
    table = reuse.sentence_words(seed_corpus.sentences)
    table = table[table["n_words"] >= reuse.MIN_WORDS].reset_index(drop=True)
    tokens, groups = table["words"].tolist(), table["article_id"].tolist()
    near = reuse.MATCH_THRESHOLD - reuse.NEAR_MISS_MARGIN
    exact = reuse.score_pairs(tokens, reuse.exact_candidates(tokens, groups, threshold=near))
    truth = as_set(exact[exact["score"] >= reuse.MATCH_THRESHOLD])
    assert truth
    assert truth <= as_set(reuse.tfidf_candidates([" ".join(t) for t in tokens], groups))


def test_seed_corpus_ft_versions_in_manifest_order(seed_corpus):
    stories = reuse.versioned_stories(seed_corpus.articles)
    assert stories == ["ft-putin-ready-for-talks"]
    comparison = reuse.compare_versions(seed_corpus, stories[0])
    assert (comparison["old_id"].iloc[0], comparison["new_id"].iloc[0]) == ("ft-v1", "ft-v2")
    evidence = reuse.version_evidence(comparison)
    forms = set(zip(evidence["old_form"], evidence["new_form"], strict=True))
    assert {("will", "would"), ("does", "did")} <= forms
    verdict = reuse.later_version(comparison, evidence).iloc[0]
    assert verdict["later"] == "ft-v2" and verdict["for_old"] == 0


# --------------------------------------------------------------------------- translations, wire copy

KULEBA_AP = "Kuleba said: “We won’t believe when we hear, we’ll believe when we see.”"
KULEBA_PAPER = "Kuleba said: “We don’t believe what we hear, we believe what we see.”"


def _quoted(corpus, speakers: dict[str, str]):
    """``corpus`` with one quotation per article: the text between the curly quotes of its first
    paragraph, spoken by ``speakers[article_id]``."""
    rows = []
    for article_id, text in corpus.paragraphs[["article_id", "text"]].itertuples(index=False):
        start, end = text.index("“") + 1, text.index("”")
        rows.append(
            {
                "article_id": article_id,
                "paragraph": 1,
                "quote": 1,
                "start": start,
                "end": end,
                "text": text[start:end],
                "kind": "quote",
                "speaker": speakers[article_id],
            }
        )
    return corpus.with_tables(quotes=pd.DataFrame(rows))


@pytest.mark.parametrize(
    ("paper", "paper_speaker", "variant"),
    [
        (KULEBA_PAPER, "Dmytro Kuleba", True),  # one remark, two wordings, one speaker
        (KULEBA_PAPER, "Someone Else", False),  # two speakers: a plain match
        (KULEBA_AP, "Dmytro Kuleba", False),  # the same words: a plain match (maybe copy)
        # one quoting part of what the other quotes: the same translation, not a variant
        (
            "He said: “we’ll believe when we see,” Kuleba said on Tuesday in Kyiv today.",
            "Dmytro Kuleba",
            False,
        ),
    ],
)
def test_translation_variants_are_flagged_and_not_matches(
    make_corpus, paper, paper_speaker, variant
):
    corpus = make_corpus(_articles({"ap": [KULEBA_AP], "paper": [paper]}))
    corpus = _quoted(corpus, {"ap": "Dmytro Kuleba", "paper": paper_speaker})
    alignment = reuse.align_sentences(corpus, threshold=0.4)
    assert len(alignment) == 1
    row = alignment.iloc[0]
    assert row["translation_variant"] == variant
    assert row["match"] == (not variant)


def test_quoted_wording_takes_the_words_inside_the_quotation(make_corpus):
    corpus = _quoted(make_corpus(_articles({"ap": [KULEBA_AP]})), {"ap": "Dmytro Kuleba"})
    wording = reuse.quoted_wording(corpus)
    assert wording.to_dict("records") == [
        {
            "article_id": "ap",
            "sentence": 1,
            "speaker": "Dmytro Kuleba",
            "quoted": "we won't believe when we hear we'll believe when we see",
        }
    ]


def _wire_tiny(make_corpus, wire_outlet="Associated Press"):
    articles = _articles(
        {"wire": WIRE, "paper": PAPER, "other": ["Nothing here matches anything."]}
    )
    articles["wire"]["outlet"] = wire_outlet
    return make_corpus(articles)


def test_wire_copy_is_the_other_outlets_sentences_matching_an_agency(make_corpus):
    copy = reuse.wire_copy(_wire_tiny(make_corpus))
    # paper 1 and paper 2 match wire 1 and wire 2 (scores 1.0 and 2*9/22); the agency's own
    # sentences are never copy; paper 3 is a near miss
    assert copy[["article_id", "sentence", "reused_from", "reused_sentence"]].values.tolist() == [
        ["paper", 1, "wire", 1],
        ["paper", 2, "wire", 2],
    ]
    assert copy["reuse_score"].tolist() == pytest.approx([1.0, 18 / 22])
    assert reuse.wire_copy(_wire_tiny(make_corpus, "Daily Wire Paper")).empty  # no agency


def test_without_sentences_blanks_them_and_keeps_offsets(make_corpus):
    corpus = make_corpus(
        _articles({"a": ["First one here. Second “quoted” one. Third one.", "Next paragraph."]}),
        split=True,
    )
    quotes = pd.DataFrame(
        [
            {
                "article_id": "a",
                "paragraph": 1,
                "quote": 1,
                "start": 24,
                "end": 30,
                "text": "quoted",
                "kind": "quote",
                "speaker": "X",
            }
        ]
    )
    corpus = corpus.with_tables(
        quotes=quotes, articles=corpus.articles.assign(n_words=9, n_sentences=4)
    )
    dropped = reuse.without_sentences(corpus, pd.DataFrame({"article_id": ["a"], "sentence": [2]}))
    text = dropped.paragraphs["text"].iloc[0]
    assert text == "First one here. " + " " * len("Second “quoted” one.") + " Third one."
    assert dropped.sentences["sentence"].tolist() == [1, 3, 4]
    kept = dropped.sentences.iloc[1]
    assert text[kept["start"] : kept["end"]] == kept["text"] == "Third one."
    assert dropped.quotes.empty  # it began inside the dropped sentence
    assert dropped.articles[["n_words", "n_sentences"]].values.tolist() == [[7, 3]]
    assert corpus.paragraphs["text"].iloc[0].startswith("First one here. Second")  # unchanged


def test_reused_dropped_findings_give_what_differs(make_corpus):
    from analysis.findings import finding, findings_table

    corpus = _wire_tiny(make_corpus)

    def compute(c):
        from analysis.text import count_words

        words = c.paragraphs.assign(n=c.paragraphs["text"].map(count_words))
        words = words.groupby("article_id", sort=False)["n"].sum()
        return findings_table(
            [
                finding(f"test.words.{a}", int(words[a]), "words", f"words of {a}")
                for a in words.index
            ]
        )

    rows = reuse.reused_dropped_findings(corpus, compute)
    # paper 1 and 2 (12 words each) left out of paper's 12 + 12 + 11 + 3 words: 14 remain
    assert rows[["key", "value"]].values.tolist() == [["test.words.paper.reused_dropped", 14]]
    assert (
        rows["description"]
        .iloc[0]
        .endswith("reused wire copy left out (2 sentences in the corpus)")
    )
    assert reuse.reused_dropped_findings(corpus, compute, reused="drop").empty
    assert reuse.reused_dropped_findings(_wire_tiny(make_corpus, "Paper"), compute).empty
    with pytest.raises(ValueError, match="reused must be one of"):
        reuse.choose_reused(corpus, "skip")


def test_wire_copy_table_and_findings(make_corpus):
    corpus = _wire_tiny(make_corpus)
    alignment = reuse.align_sentences(corpus)
    table = reuse.wire_copy_table(corpus, reuse.wire_copy(corpus, alignment), alignment)
    assert table[["kind", "article_id", "sentence"]].values.tolist() == [
        ["wire copy", "paper", 1],
        ["wire copy", "paper", 2],
    ]
    assert table["other_text"].tolist() == WIRE[:2]
    found = reuse.wire_copy_findings(table, corpus).set_index("key")["value"]
    assert found.to_dict() == {
        "reuse.wire_copy.sentences.wire": 0,
        "reuse.wire_copy.sentences.paper": 2,
        "reuse.wire_copy.sentences.other": 0,
        "reuse.translation_variants": 0,
    }
    none = _wire_tiny(make_corpus, "Paper")  # no agency, no variant: an empty table
    empty = reuse.wire_copy_table(none, reuse.wire_copy(none), reuse.align_sentences(none))
    assert empty.empty and "kind" in empty.columns
    assert reuse.wire_copy_findings(empty, none)["value"].tolist() == [0, 0, 0, 0]


def test_reuse_matrix_gives_every_pair_only_up_to_its_cap(tiny, monkeypatch):
    """Every ordered pair grows as the square of the articles: past ALL_PAIRS_MAX articles
    (3 here, against a cap of 2) ``all_pairs`` keeps the pairs with a match, as without it."""
    alignment = reuse.align_sentences(tiny)
    assert len(reuse.reuse_matrix(tiny, alignment, all_pairs=True)) == 6
    monkeypatch.setattr(reuse, "ALL_PAIRS_MAX", 2)
    capped = reuse.reuse_matrix(tiny, alignment, all_pairs=True)
    pd.testing.assert_frame_equal(capped, reuse.reuse_matrix(tiny, alignment))
    assert len(capped) == 2
