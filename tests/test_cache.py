"""The content cache serves a result only for the very inputs, code and libraries that made it."""

from __future__ import annotations

import pandas as pd
import pytest

import analysis
from analysis import cache, corpus, tone

ARTICLE = 'Talks in Moscow\n\nThe leaders met on Tuesday. "We talked," he said.\n'


@pytest.fixture
def loads(monkeypatch, tmp_path):
    """Count the real (uncached) corpus loads, with a cache folder of this test's own."""
    monkeypatch.setenv("FRAMING_CACHE_DIR", str(tmp_path / "cache"))
    calls = []
    real = corpus._load
    monkeypatch.setattr(corpus, "_load", lambda *a, **k: calls.append(1) or real(*a, **k))
    return calls


def test_the_same_corpus_is_loaded_once(make_corpus_dir, loads):
    folder = make_corpus_dir({"a.txt": ARTICLE})
    first = analysis.load_corpus(folder)
    second = analysis.load_corpus(folder)
    assert len(loads) == 1
    pd.testing.assert_frame_equal(first.paragraphs, second.paragraphs)
    pd.testing.assert_frame_equal(first.quotes, second.quotes)


@pytest.mark.parametrize(
    "change",
    ["article", "manifest", "code", "library"],
)
def test_a_changed_input_code_or_library_is_loaded_afresh(
    make_corpus_dir, loads, monkeypatch, change
):
    folder = make_corpus_dir({"a.txt": ARTICLE})
    analysis.load_corpus(folder)
    if change == "article":
        (folder / "a.txt").write_text(ARTICLE.replace("Tuesday", "Monday"), encoding="utf-8")
    elif change == "manifest":
        manifest = folder / "articles.csv"
        manifest.write_text(manifest.read_text().replace("Test", "Other"), encoding="utf-8")
    elif change == "code":
        monkeypatch.setattr(cache, "code_fingerprint", lambda: "an edited cleaner")
    else:
        versions = cache.dependency_versions() + [("textstat", "99.0")]
        monkeypatch.setattr(cache, "dependency_versions", lambda: versions)
        monkeypatch.setattr(cache, "code_fingerprint", cache.code_fingerprint.__wrapped__)
    reloaded = analysis.load_corpus(folder)
    assert len(loads) == 2
    if change == "article":
        assert "Monday" in reloaded.paragraphs["text"].str.cat()


def test_the_fingerprint_covers_the_pinned_libraries():
    names = dict(cache.dependency_versions())
    assert {"textstat", "syntok", "matplotlib", "pandas", "vadersentiment"} <= set(names)
    assert "missing" not in names.values()


def test_switched_off_or_unreadable_entries_are_computed_again(tmp_path, monkeypatch):
    monkeypatch.setenv("FRAMING_CACHE_DIR", str(tmp_path))
    calls = []

    def compute():
        calls.append(1)
        return {"n": len(calls)}

    key = cache.content_key("test", [b"x"])
    assert cache.cached(key, compute) == {"n": 1}
    assert cache.cached(key, compute) == {"n": 1}
    (tmp_path / f"{key}.pkl").write_bytes(b"")  # an interrupted write
    assert cache.cached(key, compute) == {"n": 2}
    monkeypatch.setenv("FRAMING_CACHE", "0")
    assert cache.cached(key, compute) == {"n": 3}
    assert len(calls) == 3


def test_parts_are_not_run_together():
    assert cache.content_key("k", [b"ab", b"c"]) != cache.content_key("k", [b"a", b"bc"])
    assert cache.content_key("k", [b"a"]) != cache.content_key("other", [b"a"])


def test_readability_profiles_each_article_once(seed_corpus, tmp_path, monkeypatch):
    """Kept per article (analysis.stage): the whole corpus profiles only the articles not yet
    profiled, and gives the one article the same row."""
    monkeypatch.setenv("FRAMING_CACHE_DIR", str(tmp_path))
    calls = []
    real = tone.text_profiles
    monkeypatch.setattr(tone, "text_profiles", lambda t: calls.append(len(t)) or real(t))
    one_article = seed_corpus.subset(seed_corpus.articles["article_id"].iloc[:1])
    fresh = tone.readability(one_article, workers=1)
    again = tone.readability(one_article, workers=1)
    assert calls == [2]  # body and writer of the one article, profiled once
    pd.testing.assert_frame_equal(fresh, again)
    whole = tone.readability(seed_corpus, workers=1)
    assert calls == [2, 2 * (len(seed_corpus.articles) - 1)]
    pd.testing.assert_frame_equal(whole.iloc[:2], fresh)


def test_attributions_are_found_once_for_the_same_texts(seed_corpus, tmp_path, monkeypatch):
    from analysis import quotes

    monkeypatch.setenv("FRAMING_CACHE_DIR", str(tmp_path))
    calls = []
    real = quotes._attribution_rows
    monkeypatch.setattr(quotes, "_attribution_rows", lambda job: calls.append(job[0]) or real(job))
    paragraphs = seed_corpus.subset(["ap"]).paragraphs
    fresh = quotes.find_attributions(paragraphs, workers=1)
    again = quotes.find_attributions(paragraphs, workers=1)
    assert calls == ["ap"] and len(fresh) > 0
    pd.testing.assert_frame_equal(fresh, again)
    edited = paragraphs.assign(text=paragraphs["text"].str.replace("Putin", "Mr Putin"))
    quotes.find_attributions(edited, workers=1)
    assert calls == ["ap", "ap"], "another text is read afresh"


def test_entries_unused_since_a_time_are_evicted_and_used_ones_kept(tmp_path, monkeypatch):
    """An entry read (not only written) after ``since`` survives; one last used before goes,
    and so does a temporary file left by an interrupted write."""
    import os

    monkeypatch.setenv("FRAMING_CACHE_DIR", str(tmp_path))
    keys = [cache.content_key("test", [name]) for name in (b"read", b"written", b"stale")]
    for key in keys:
        cache.cached(key, lambda: b"x" * 1000)
    (tmp_path / "leftover.tmp").write_bytes(b"y" * 10)
    for path in tmp_path.iterdir():  # as if all were written an hour ago
        os.utime(path, (path.stat().st_atime, path.stat().st_mtime - 3600))
    since = (tmp_path / f"{keys[0]}.pkl").stat().st_mtime + 60
    assert cache.cached(keys[0], lambda: b"recomputed") == b"x" * 1000  # a hit marks it used
    (tmp_path / f"{keys[1]}.pkl").unlink()
    cache.cached(keys[1], lambda: b"z")  # computed and written afresh
    removed, freed = cache.evict_unused(since)
    assert sorted(p.name for p in tmp_path.iterdir()) == sorted(f"{k}.pkl" for k in keys[:2])
    assert removed == 2 and freed > 1000  # the stale entry's pickle and the temporary file


def test_a_full_run_evicts_what_it_did_not_use_and_a_partial_run_does_not(tmp_path, monkeypatch):
    import os

    from analysis import run

    monkeypatch.setenv("FRAMING_CACHE_DIR", str(tmp_path / "cache"))
    # run.run points FRAMING_FIGURES_DIR at its folder: set here, it is restored after the test.
    monkeypatch.setenv("FRAMING_FIGURES_DIR", str(tmp_path / "figures"))
    monkeypatch.setattr(run, "execute", lambda nb, target, parameters, env: None)
    old = cache.content_key("test", [b"old"])
    cache.cached(old, lambda: 1)
    path = tmp_path / "cache" / f"{old}.pkl"
    os.utime(path, (path.stat().st_atime, path.stat().st_mtime - 3600))
    out = tmp_path / "figures"
    # run.run points FRAMING_FIGURES_DIR at ``out``; set it through monkeypatch so that it is
    # restored afterwards (otherwise later tests would read figures/ from this empty folder).
    monkeypatch.setenv("FRAMING_FIGURES_DIR", str(out))
    run.run(out_dir=out, only=["01"], build_dir=tmp_path / "build")
    assert path.exists()
    run.run(out_dir=out, build_dir=tmp_path / "build")
    assert not path.exists()
