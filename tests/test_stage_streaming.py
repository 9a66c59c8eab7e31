"""analysis.streaming: the per-article stage chunk by chunk gives exactly the outlet-level tables
of one pass over the whole corpus (seeds; a few hundred synthetic articles; a LocalCluster), its
article-level tables read back from Parquet are the whole corpus's, and its sums are exact."""

from __future__ import annotations

import shutil
from fractions import Fraction

import numpy as np
import pandas as pd
import pytest

import analysis
from analysis import CorpusError, emphasis, lexicon, parallel, paths, streaming, tone, vocabulary
from analysis import corpus as corpus_module


@pytest.fixture(autouse=True)
def local(monkeypatch):
    monkeypatch.delenv(parallel.SCHEDULER_ENV, raising=False)


def whole_corpus_tables(corpus_dir) -> dict[str, pd.DataFrame]:
    """Today's path: the whole corpus loaded at once, its per-article tables, their totals."""
    whole = analysis.load_corpus(corpus_dir)
    return streaming.chunk_tables(whole)


def same(expected: dict[str, pd.DataFrame], got: dict[str, pd.DataFrame]) -> None:
    assert expected.keys() == got.keys()
    for name in expected:
        pd.testing.assert_frame_equal(got[name], expected[name], check_exact=True, obj=name)


@pytest.fixture(scope="module")
def seed_tables():
    return whole_corpus_tables(paths.SEEDS)


def test_chunks_of_two_seed_articles_give_the_whole_corpus_tables(seed_tables, tmp_path):
    expected = streaming.finish(streaming.outlet_totals(seed_tables))
    result = streaming.run_stage(paths.SEEDS, chunk_articles=2, folder=tmp_path / "tables")
    same(expected, result.tables)
    assert result.articles == 5
    assert sorted(p.name for p in (tmp_path / "tables" / "sentiment").iterdir()) == [
        "part-00000.parquet",
        "part-00001.parquet",
        "part-00002.parquet",
    ]
    for name in ("sentiment", "readability", "markers"):
        read = result.read(name)
        pd.testing.assert_frame_equal(read, seed_tables[name], check_dtype=False, obj=name)
    bbc = result.read("sentiment", columns=["article_id", "compound"], outlets=["The Independent"])
    direct = seed_tables["sentiment"]
    direct = direct.loc[direct["outlet"] == "The Independent", ["article_id", "compound"]]
    pd.testing.assert_frame_equal(bbc, direct.reset_index(drop=True))


def test_a_rerun_reads_every_article_from_the_caches(tmp_path, monkeypatch):
    monkeypatch.setenv("FRAMING_CACHE_DIR", str(tmp_path / "cache"))
    first = streaming.run_stage(paths.SEEDS, chunk_articles=3, folder=tmp_path / "a")

    def computed(*args, **kwargs):
        raise AssertionError("computed again")

    for module, name in (
        (corpus_module, "_read_one"),
        (tone, "_score_texts"),
        (tone, "text_profiles"),
        (tone, "match_terms"),
        (emphasis, "frame_hits"),
        (emphasis, "fact_hits"),
    ):
        monkeypatch.setattr(module, name, computed)
    second = streaming.run_stage(paths.SEEDS, chunk_articles=3, folder=tmp_path / "b")
    same(first.tables, second.tables)


def test_the_totals_agree_with_the_suites_outlet_functions(seed_tables):
    seeds = analysis.load_corpus()
    tables = streaming.finish(streaming.outlet_totals(seed_tables))
    by_outlet = tone.readability_by_outlet(seed_tables["readability"])
    ours = (
        tables["readability"]
        .set_index(["outlet", "scope"])
        .loc[pd.MultiIndex.from_frame(by_outlet[["outlet", "scope"]])]
    )
    for column in ("flesch_reading_ease", "mtld", "articles", "n_words"):
        np.testing.assert_allclose(ours[column], by_outlet[column], rtol=1e-12)
    rates = tone.marker_rates(seeds, streaming.MARKER_LEXICONS)
    rates = rates[rates["count"] > 0].sort_values(["outlet", "voice", "category"])
    rates = rates.reset_index(drop=True)
    pd.testing.assert_frame_equal(
        tables["markers"][["outlet", "voice", "category", "words", "count"]],
        rates[["outlet", "voice", "category", "words", "count"]],
    )
    terms = vocabulary.term_table(seeds).stack()
    terms = terms[terms > 0].swaplevel().sort_index()
    assert tables["terms"].set_index(["outlet", "term"])["count"].to_dict() == terms.to_dict()
    words = seeds.articles.groupby("outlet")["n_words"].sum()
    assert tables["outlets"].set_index("outlet")["n_words"].to_dict() == words.to_dict()
    assert tables["outlets"]["articles"].sum() == 5


def test_sums_are_exact_whatever_the_chunking():
    """(0.1 + 0.2) + 0.3 != 0.1 + (0.2 + 0.3) in floats; the totals add Fractions, so two
    chunks give the bits of one: mean (0.1 + 0.2 + 0.3) / 3 = 0.2 exactly as a float of 6/30."""

    def totals(values):
        table = pd.DataFrame({"outlet": "A", "x": values, "one": 1})
        return {"t": streaming._sums(table, ["outlet"], ["one"], exact=["x"])}

    assert (0.1 + 0.2) + 0.3 != 0.1 + (0.2 + 0.3)
    one = totals([0.1, 0.2, 0.3])
    split = streaming.add_totals(totals([0.1]), totals([0.2, 0.3]))
    assert split == one
    assert one["t"][("A",)] == {"one": 3, "x": Fraction(0.1) + Fraction(0.2) + Fraction(0.3)}
    assert float(one["t"][("A",)]["x"] / 3) == 0.2
    assert totals([float("nan"), 0.5])["t"][("A",)] == {"one": 2, "x": Fraction(1, 2)}


def test_load_corpus_loads_only_the_articles_asked_for(seed_corpus):
    ids = corpus_module.list_articles(paths.SEEDS)
    assert ids == seed_corpus.article_ids
    part = analysis.load_corpus(paths.SEEDS, articles=ids[1:3], label_figures=False)
    whole = seed_corpus.subset(ids[1:3])
    for name, table in whole.tables().items():
        pd.testing.assert_frame_equal(part.tables()[name], table, obj=name)
    with pytest.raises(CorpusError, match=r"seeds: unknown article_id\(s\) \['nope'\]"):
        analysis.load_corpus(paths.SEEDS, articles=["nope"], label_figures=False)


# --------------------------------------------------------------------------- a few hundred


N_SYNTHETIC = 240


@pytest.fixture(scope="module")
def synthetic(tmp_path_factory, seed_corpus):
    """240 articles of 3-8 seed paragraphs drawn by a fixed seed, in two outlets (enough for
    every parallel step to start workers: :data:`analysis.parallel.MIN_ARTICLES`)."""
    folder = tmp_path_factory.mktemp("synthetic")
    pool = seed_corpus.paragraphs["text"].tolist()
    rng = np.random.default_rng(16)
    rows = ["article_id,file,outlet"]
    for i in range(N_SYNTHETIC):
        picks = rng.integers(0, len(pool), size=rng.integers(3, 8, endpoint=True))
        (folder / f"s{i:03d}.txt").write_text("\n\n".join(pool[j] for j in picks) + "\n")
        rows.append(f"s{i:03d},s{i:03d}.txt,{'North' if i % 3 else 'South'}")
    (folder / "articles.csv").write_text("\n".join(rows) + "\n")
    shutil.copytree(lexicon.story_folder(None), folder / "lexicons")
    tables = whole_corpus_tables(folder)
    return folder, tables, streaming.finish(streaming.outlet_totals(tables))


def test_chunks_of_a_synthetic_corpus_give_the_whole_corpus_tables(synthetic, tmp_path):
    folder, tables, expected = synthetic
    done = []
    result = streaming.run_stage(
        folder, chunk_articles=100, folder=tmp_path / "t", on_chunk=lambda *a: done.append(a)
    )
    assert done == [(100, 240), (200, 240), (240, 240)]
    same(expected, result.tables)
    assert expected["outlets"]["articles"].tolist() == [160, 80]
    pd.testing.assert_frame_equal(result.read("readability"), tables["readability"])


def test_a_local_cluster_gives_the_same_tables(synthetic, tmp_path, monkeypatch):
    distributed = pytest.importorskip("distributed")
    folder, _, expected = synthetic
    monkeypatch.setenv("FRAMING_CACHE_DIR", str(tmp_path / "cache"))  # computed, not read
    with (
        distributed.LocalCluster(
            n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None
        ) as cluster,
        distributed.Client(cluster, set_as_default=False) as client,
    ):
        result = streaming.run_stage(
            folder, chunk_articles=N_SYNTHETIC, folder=tmp_path / "t", scheduler=client
        )
    same(expected, result.tables)
