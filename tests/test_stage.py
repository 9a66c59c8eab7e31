"""analysis.stage: each per-article measure run article by article, kept per article, gives
exactly the table of a direct call on the whole corpus; only new articles are computed."""

from __future__ import annotations

import pandas as pd
import pytest

import analysis
from analysis import actors, parallel, stage, streaming, tone


@pytest.fixture(scope="module")
def seeds():
    return analysis.load_corpus()


@pytest.fixture
def store(monkeypatch, tmp_path):
    monkeypatch.setenv("FRAMING_CACHE_DIR", str(tmp_path / "cache"))
    monkeypatch.delenv(parallel.SCHEDULER_ENV, raising=False)
    return tmp_path / "cache" / stage.FOLDER


MEASURES = {
    "markers": (tone._marker_matches, (("hedges", "boosters"),)),
    "cues": (tone._marker_matches, (("cues",),)),
    "sentiment": (tone._sentence_sentiment, (True,)),
    "readability": (tone._readability, ()),
    "mentions": (actors._mentions, (actors.load_actors(),)),
    "units": (streaming.unit_tags, ()),
}


@pytest.mark.parametrize("measure", sorted(MEASURES))
def test_per_article_equals_a_direct_call_cold_and_warm(seeds, store, measure):
    func, args = MEASURES[measure]
    direct = func(seeds, *args)
    assert not direct.empty
    cold = stage.per_article(func, seeds, *args)
    warm = stage.per_article(func, seeds, *args)
    pd.testing.assert_frame_equal(cold, direct, check_exact=True)
    pd.testing.assert_frame_equal(warm, direct, check_exact=True)
    assert any(store.rglob("*.parquet"))


_calls: list[list[str]] = []


def _counted_ids(corpus) -> pd.DataFrame:
    """One row per paragraph of each article that has more than one (module level: a measure)."""
    _calls.append(list(corpus.article_ids))
    paras = corpus.paragraphs
    many = paras.groupby("article_id")["paragraph"].transform("size") > 1
    return paras.loc[many, ["article_id", "paragraph"]].reset_index(drop=True)


def test_only_articles_not_stored_are_computed_and_empty_ones_are_remembered(seeds, store):
    _calls.clear()
    ids = seeds.article_ids
    first = stage.per_article(_counted_ids, seeds.subset(ids[:3]))
    assert _calls == [ids[:3]]
    whole = stage.per_article(_counted_ids, seeds)
    assert _calls == [ids[:3], ids[3:]]  # the grown corpus: only the two new articles
    assert stage.per_article(_counted_ids, seeds).equals(whole)
    assert len(_calls) == 2  # nothing left to compute, articles with no rows included
    pd.testing.assert_frame_equal(whole, _counted_ids(seeds))
    pd.testing.assert_frame_equal(first, whole[whole["article_id"].isin(ids[:3])])


def test_a_changed_article_or_argument_is_computed_again(seeds, store):
    ids = seeds.article_ids
    before = stage.article_keys(seeds, "m", ("a",))
    assert before.index.tolist() == ids and before.is_unique
    assert stage.article_keys(seeds, "m", ("a",)).equals(before)
    assert not (stage.article_keys(seeds, "m", ("b",)) == before).any()
    paragraphs = seeds.paragraphs.copy()
    paragraphs.loc[paragraphs["article_id"] == ids[0], "text"] += " Edited."
    after = stage.article_keys(seeds.with_tables(paragraphs=paragraphs), "m", ("a",))
    assert after[ids[0]] != before[ids[0]]
    assert after[ids[1:]].equals(before[ids[1:]])


def test_the_same_text_under_another_id_has_its_own_key(seeds):
    """A corpus of repeated texts (a synthetic one) gets no rows for free from the store."""
    one = seeds.subset(seeds.article_ids[:1])
    renamed = one.with_tables(
        **{name: table.assign(article_id="copy") for name, table in one.tables().items()}
    )
    assert stage.article_keys(one, "m").iloc[0] != stage.article_keys(renamed, "m").iloc[0]


def test_argument_keys_do_not_depend_on_string_hashing():
    assert stage.stable_repr(frozenset({"b", "a", "c"})) == "{'a','b','c'}"
    assert stage.stable_repr({"x": {2, 1}}) == "{'x':{1,2}}"


def test_chunks_on_local_cores_give_the_direct_table(seeds, store, monkeypatch):
    monkeypatch.setattr(parallel, "MIN_ARTICLES", 2)
    func, args = MEASURES["mentions"]
    spread = stage.per_article(func, seeds, *args, workers=2)
    pd.testing.assert_frame_equal(spread, func(seeds, *args), check_exact=True)


def test_without_the_cache_nothing_is_stored(seeds, store, monkeypatch):
    monkeypatch.setenv("FRAMING_CACHE", "0")
    func, args = MEASURES["markers"]
    pd.testing.assert_frame_equal(stage.per_article(func, seeds, *args), func(seeds, *args))
    assert not store.exists()


def _age(folder, seconds: float = 3600) -> None:
    """Every file under ``folder`` as if last used ``seconds`` ago."""
    import os

    for path in folder.rglob("*.parquet"):
        stat = path.stat()
        os.utime(path, (stat.st_atime, stat.st_mtime - seconds))


def test_a_full_run_evicts_the_batches_it_did_not_read(seeds, store):
    """A batch read again is marked used and kept; a batch no read used since goes, its rows
    with its keys, and its articles are computed again when asked for."""
    import time

    from analysis import cache

    ids = seeds.article_ids
    stage.per_article(_counted_ids, seeds.subset(ids[:2]))  # batch 1: articles 1-2
    stage.per_article(_counted_ids, seeds.subset(ids[2:]))  # batch 2: the others
    _age(store)
    since = time.time() - 60
    kept = stage.per_article(_counted_ids, seeds.subset(ids[:2]))  # reads batch 1 only
    removed, _ = cache.evict_unused(since)
    assert removed == 2  # batch 2's rows file and keys file
    (measure,) = store.iterdir()
    assert [len(list((measure / part).glob("*.parquet"))) for part in ("keys", "rows")] == [1, 1]
    _calls.clear()
    assert stage.per_article(_counted_ids, seeds.subset(ids[:2])).equals(kept)
    assert _calls == [], "the kept batch is still read"
    stage.per_article(_counted_ids, seeds.subset(ids[2:]))
    assert _calls == [ids[2:]], "the evicted articles are computed again"
