"""analysis.parallel: the same results in this process, on local cores and on a Dask cluster;
analysis.article_store: a grown corpus cleans only its new articles."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

import analysis
from analysis import actors, article_store, corpus, parallel, paths, reuse, stage, tone
from analysis.errors import CorpusError


def _scaled(chunk: list[int], factor: int) -> list[int]:
    return [x * factor for x in chunk]


def _fail_on_three(chunk: list[int]) -> list[int]:
    if 3 in chunk:
        raise CorpusError("item 3: bad input")
    return chunk


def test_split_keeps_order_and_every_item():
    items = list(range(10))
    for parts in (1, 3, 4, 10, 20):
        chunks = parallel.split(items, parts)
        assert [x for c in chunks for x in c] == items
        assert len(chunks) <= parts and all(chunks)


@pytest.mark.parametrize(
    ("sizes", "parts", "expected"),
    [
        ([1] * 6, 3, [[0, 1], [2, 3], [4, 5]]),
        ([9, 1, 1, 1, 1, 1, 1, 1, 1, 1], 2, [[0], [1, 2, 3, 4, 5, 6, 7, 8, 9]]),
        ([1, 1, 1, 1, 4, 4], 3, [[0, 1, 2, 3], [4], [5]]),
        ([1, 1, 1, 1, 1, 1, 1, 5], 2, [[0, 1, 2, 3, 4, 5], [6, 7]]),  # 6 and 6
        ([0, 0, 0, 0], 2, [[0, 1], [2, 3]]),  # no sizes to go by: equal numbers of items
        ([5, 5], 4, [[0], [1]]),
    ],
)
def test_split_by_size_cuts_near_equal_totals(sizes, parts, expected):
    # worked out by hand: a cut falls after the item that takes the running total to the next
    # part's share of the total (12 in 3 parts: after 4, then after 8)
    assert parallel.split(list(range(len(sizes))), parts, sizes) == expected


@pytest.mark.parametrize(
    ("n_items", "workers", "expected"),
    [(5, 2, 1), (199, 2, 1), (200, 2, 8), (200, 1, 1), (3, 2, 1)],
)
def test_serial_below_the_threshold(n_items, workers, expected, monkeypatch):
    monkeypatch.delenv(parallel.SCHEDULER_ENV, raising=False)
    got = parallel.n_chunks(n_items, min_items=200, workers=workers)
    assert got == expected


def test_local_cores_give_the_serial_result_in_order(monkeypatch):
    monkeypatch.delenv(parallel.SCHEDULER_ENV, raising=False)
    items = list(range(1000))
    parts = parallel.map_chunks(_scaled, items, 3, min_items=10, workers=2)
    assert len(parts) == 8  # 4 chunks per worker
    assert parallel.flatten(parts) == [3 * x for x in items]
    serial = parallel.map_chunks(_scaled, items, 3, min_items=10_000, workers=2)
    assert serial == [[3 * x for x in items]]


def _slow(chunk: list[int]) -> list[int]:
    import time

    time.sleep(0.3)
    return chunk


def test_a_long_stage_shows_its_progress_and_a_short_one_does_not(monkeypatch, capfd):
    monkeypatch.delenv(parallel.SCHEDULER_ENV, raising=False)
    monkeypatch.setattr(parallel, "PROGRESS_AFTER", 60)
    parallel.map_chunks(_scaled, list(range(100)), 1, min_items=10, workers=2, desc="quick")
    assert "quick" not in capfd.readouterr().err  # under PROGRESS_AFTER seconds: no bar
    monkeypatch.setattr(parallel, "PROGRESS_AFTER", 0.1)
    parallel.map_chunks(_slow, list(range(100)), min_items=10, workers=2, desc="slow step")
    err = capfd.readouterr().err
    assert "slow step" in err and "8/8" in err


def test_sync_scheduler_runs_here(monkeypatch):
    monkeypatch.setenv(parallel.SCHEDULER_ENV, "sync")
    assert parallel.n_chunks(10**6, min_items=10, workers=8) == 1


def test_one_worker_asked_for_is_one_process_whatever_the_environment(monkeypatch):
    monkeypatch.setenv(parallel.SCHEDULER_ENV, "tcp://nowhere.example:8786")
    assert parallel.n_chunks(10**6, min_items=10, workers=1) == 1  # no connection attempted


def test_an_error_in_a_worker_is_raised_as_itself(monkeypatch):
    monkeypatch.delenv(parallel.SCHEDULER_ENV, raising=False)
    with pytest.raises(CorpusError, match="item 3: bad input"):
        parallel.map_chunks(_fail_on_three, list(range(20)), min_items=2, workers=2)


def test_a_bad_scheduler_is_named():
    with pytest.raises(ValueError, match="expected an address"):
        parallel.map_chunks(_scaled, list(range(10)), 2, min_items=2, scheduler="cluster-1")


# --------------------------------------------------------------------------- a Dask cluster


@pytest.fixture(scope="module")
def cluster():
    """A LocalCluster of two worker processes (one thread each), on this machine."""
    distributed = pytest.importorskip("distributed")
    with (
        distributed.LocalCluster(
            n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None
        ) as local,
        distributed.Client(local, set_as_default=False) as client,
    ):
        yield client


def test_a_cluster_gives_the_serial_result(cluster):
    items = list(range(500))
    assert parallel.n_workers(cluster) == 2
    by_client = parallel.map_chunks(_scaled, items, 7, min_items=10, scheduler=cluster)
    by_address = parallel.map_chunks(
        _scaled, items, 7, min_items=10, scheduler=cluster.scheduler.address
    )
    assert len(by_client) == 8
    assert parallel.flatten(by_client) == parallel.flatten(by_address) == [7 * x for x in items]
    with pytest.raises(CorpusError, match="item 3: bad input"):
        parallel.map_chunks(_fail_on_three, list(range(20)), min_items=2, scheduler=cluster)


def test_load_corpus_on_a_cluster_equals_a_serial_load(cluster, monkeypatch):
    """The seeds cleaned, split and read for quotations on two Dask workers, against one
    process; the content cache is off so that both really compute."""
    monkeypatch.setenv("FRAMING_CACHE", "0")
    monkeypatch.delenv(parallel.SCHEDULER_ENV, raising=False)
    serial = analysis.load_corpus(workers=1)
    monkeypatch.setattr(parallel, "MIN_ARTICLES", 2)
    monkeypatch.setattr(parallel, "MIN_TEXTS", 2)
    on_cluster = analysis.load_corpus(scheduler=cluster)
    for name, table in serial.tables().items():
        pd.testing.assert_frame_equal(table, on_cluster.tables()[name], obj=name)
    with parallel.using(cluster):
        sentiment = tone.sentence_sentiment(on_cluster)
        tokens = [s.split() for s in on_cluster.sentences["text"]]
        signatures = reuse.minhash_signatures(tokens)
    pd.testing.assert_frame_equal(sentiment, tone.sentence_sentiment(serial, workers=1))
    np.testing.assert_array_equal(signatures, reuse.minhash_signatures(tokens, workers=1))


def test_cluster_workers_attribute_quotations_with_the_corpus_own_lexicons(cluster, monkeypatch):
    """The workers started with the seeds' story lexicons current; a corpus without lexicons
    (so without the seeds' 2022 office holders) is attributed on them as in one process."""
    other = paths.ROOT / "tests" / "fixtures" / "other_corpus"
    monkeypatch.setenv("FRAMING_CACHE", "0")
    monkeypatch.delenv(parallel.SCHEDULER_ENV, raising=False)
    serial = analysis.load_corpus(other, workers=1)
    assert "Nato Secretary-General Jens Stoltenberg" in set(serial.quotes["speaker"])
    monkeypatch.setattr(parallel, "MIN_ARTICLES", 2)
    on_cluster = analysis.load_corpus(other, scheduler=cluster)
    pd.testing.assert_frame_equal(serial.quotes, on_cluster.quotes)


def test_the_per_article_stage_on_a_cluster_equals_a_direct_call(cluster, monkeypatch, tmp_path):
    """Markers, readability and actor mentions of the seeds computed article by article on two
    Dask workers (and kept as Parquet), against the measures called on the whole corpus."""
    monkeypatch.setenv("FRAMING_CACHE_DIR", str(tmp_path / "cache"))
    monkeypatch.setattr(parallel, "MIN_ARTICLES", 2)
    seeds = analysis.load_corpus()
    for func, args in [
        (tone._marker_matches, (("hedges", "boosters", "escalation"),)),
        (tone._readability, ()),
        (actors._mentions, (actors.load_actors(),)),
    ]:
        on_cluster = stage.per_article(func, seeds, *args, scheduler=cluster)
        pd.testing.assert_frame_equal(on_cluster, func(seeds, *args), check_exact=True)


def test_a_bad_file_on_a_cluster_is_named(cluster, make_corpus_dir, monkeypatch):
    monkeypatch.setattr(parallel, "MIN_ARTICLES", 2)
    folder = make_corpus_dir({"a.txt": "One sentence here.", "b.txt": b"\x00\x01binary"})
    with pytest.raises(CorpusError, match="b.txt"):
        analysis.load_corpus(folder, scheduler=cluster)


# --------------------------------------------------------------------------- the article store


def test_a_grown_corpus_cleans_only_its_new_articles(make_corpus_dir, monkeypatch, tmp_path):
    monkeypatch.setenv("FRAMING_CACHE_DIR", str(tmp_path / "cache"))
    cleaned: list[str] = []
    real = corpus._read_chunk

    def counting(jobs):
        cleaned.extend(row["article_id"] for _, row, _ in jobs)
        return real(jobs)

    monkeypatch.setattr(corpus, "_read_chunk", counting)
    files = {
        "a.txt": "Putin met Scholz in Moscow.\n\nThey talked for hours. “We are ready,” he said.",
        "b.txt": "Troops pulled back, the ministry said.\n\nNato was not convinced.",
    }
    folder = make_corpus_dir(files)
    first = analysis.load_corpus(folder)
    assert cleaned == ["a", "b"]
    files["c.txt"] = "A third article.\n\nWith two paragraphs, Mr. Smith said."
    folder = make_corpus_dir(files)
    cleaned.clear()
    grown = analysis.load_corpus(folder)
    assert cleaned == ["c"]  # a and b read back from Parquet
    assert len(list((tmp_path / "cache" / article_store.FOLDER / "sentences").glob("*.parquet")))
    monkeypatch.setenv("FRAMING_CACHE", "0")
    fresh = analysis.load_corpus(folder)
    for name, table in fresh.tables().items():
        pd.testing.assert_frame_equal(table, grown.tables()[name], obj=name)
    pd.testing.assert_frame_equal(
        first.sentences, grown.sentences[grown.sentences["article_id"] != "c"]
    )


def test_the_store_gives_back_the_seeds_exactly(monkeypatch, tmp_path):
    """Every seed's tables, removal log and manifest row through Parquet and back."""
    monkeypatch.setenv("FRAMING_CACHE", "0")
    fresh = analysis.load_corpus(paths.SEEDS)
    monkeypatch.setenv("FRAMING_CACHE", "1")
    monkeypatch.setenv("FRAMING_CACHE_DIR", str(tmp_path / "cache"))
    analysis.load_corpus(paths.SEEDS)  # fills the store
    for pkl in (tmp_path / "cache").glob("corpus-*.pkl"):
        pkl.unlink()  # the whole-corpus entry: the next load assembles from Parquet
    monkeypatch.setattr(corpus, "_read_chunk", lambda jobs: pytest.fail("cleaned again"))
    again = analysis.load_corpus(paths.SEEDS)
    for name, table in fresh.tables().items():
        pd.testing.assert_frame_equal(table, again.tables()[name], obj=name)
