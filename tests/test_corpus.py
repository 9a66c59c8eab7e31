"""Loading a corpus: the seed corpus, the manifest's checks, and every kind of bad input."""

from __future__ import annotations

import hashlib
import warnings

import pandas as pd
import pytest

import analysis
from analysis import CorpusError, paths
from analysis.corpus import CorpusWarning, load_corpus, read_article

ARTICLE = (
    "A headline about the talks\n\n"
    "Vladimir Putin said on Tuesday that Russia was ready for talks. The U.S. said little.\n\n"
    "Olaf Scholz said the diplomatic options were “far from exhausted”.\n"
)


# --------------------------------------------------------------------------- the seeds


def test_manifest_hashes_match_the_raw_seeds():
    """A raw seed that changes fails here (raw files are never modified)."""
    manifest = pd.read_csv(paths.SEEDS / "articles.csv", dtype=str, keep_default_na=False)
    for row in manifest.itertuples():
        digest = hashlib.sha256((paths.SEEDS / row.file).read_bytes()).hexdigest()
        assert digest == row.sha256, f"seeds/{row.file} changed"


def test_manifest_lists_every_seed_once():
    manifest = pd.read_csv(paths.SEEDS / "articles.csv", dtype=str, keep_default_na=False)
    assert sorted(manifest["file"]) == sorted(p.name for p in paths.SEEDS.glob("*.txt"))
    assert manifest["article_id"].is_unique


def test_seed_corpus_tables(seed_corpus):
    articles = seed_corpus.articles
    assert articles["article_id"].tolist() == [
        "ft-v2",
        "ft-v1",
        "ap",
        "independent",
        "moscow-times",
    ]
    assert articles["encoding"].eq("utf-8").all()
    assert articles["canonical"].tolist() == [True, False, True, True, True]
    # Counts agree with the tables they summarise.
    counts = articles.set_index("article_id")
    paragraphs = seed_corpus.paragraphs.groupby("article_id").size()
    assert counts["n_paragraphs"].to_dict() == paragraphs.to_dict()
    sentences = seed_corpus.sentences.groupby("article_id").size()
    assert counts["n_sentences"].to_dict() == sentences.to_dict()
    # Sentences are exact slices of their paragraph.
    merged = seed_corpus.sentences.merge(
        seed_corpus.paragraphs, on=["article_id", "paragraph"], suffixes=("", "_para")
    )
    slices = [
        p[a:b] for p, a, b in zip(merged["text_para"], merged["start"], merged["end"], strict=True)
    ]
    assert slices == merged["text"].tolist()


def test_seed_metadata_from_text_and_manifest(seed_corpus):
    a = seed_corpus.articles.set_index("article_id")
    assert a.loc["moscow-times", "url"].endswith("following-scholz-talks-a76396")
    assert a.loc["moscow-times", "headline"].startswith("Putin Says 'Ready'")
    assert a.loc["ft-v2", "headline"] == (
        "Vladimir Putin ready for talks on security but keeps pressure on west"
    )
    assert "James Politi" in a.loc["ft-v2", "credits"]
    assert "AFP contributed reporting" in a.loc["moscow-times", "credits"]
    assert a.loc["ft-v1", "headline"] == ""  # the early version carries no headline
    assert set(a["published"]) == {"2022-02-15"}


def test_canonical_keeps_one_article_per_outlet(seed_corpus):
    canonical = seed_corpus.canonical()
    assert canonical.articles["outlet"].is_unique
    assert "ft-v1" not in set(canonical.paragraphs["article_id"])
    assert set(canonical.sentences["article_id"]) == set(canonical.article_ids)


def test_subset_rejects_unknown_ids(seed_corpus):
    with pytest.raises(CorpusError, match="unknown article_id"):
        seed_corpus.subset(["nope"])


def test_loading_is_deterministic_and_parallel_equal(seed_corpus, monkeypatch):
    monkeypatch.setattr("analysis.parallel.MIN_ARTICLES", 1)
    monkeypatch.setenv("FRAMING_CACHE", "0")  # computed again, on two worker processes
    parallel = load_corpus(workers=2)
    for name, table in seed_corpus.tables().items():
        pd.testing.assert_frame_equal(table, parallel.tables()[name], obj=name)


def test_importing_analysis_is_light():
    """Heavy libraries load on first use, not on `import analysis`."""
    import subprocess
    import sys

    code = "import sys, analysis; print(sorted(m for m in ('pandas','sklearn','matplotlib','scipy') if m in sys.modules))"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "[]"
    assert analysis.load_corpus is load_corpus


# --------------------------------------------------------------------------- good input


@pytest.mark.parametrize(
    ("raw", "encoding"),
    [
        (ARTICLE.encode("utf-8"), "utf-8"),
        (b"\xef\xbb\xbf" + ARTICLE.encode("utf-8"), "utf-8-sig"),
        (ARTICLE.encode("utf-16"), "utf-16"),
        (ARTICLE.encode("cp1252"), "cp1252"),
        (ARTICLE.replace("\n", "\r\n").encode("utf-8"), "utf-8"),
    ],
    ids=["utf-8", "utf-8-bom", "utf-16", "cp1252", "crlf"],
)
def test_loads_encodings(make_corpus_dir, raw, encoding):
    corpus = load_corpus(make_corpus_dir({"a.txt": raw}))
    assert corpus.articles.loc[0, "encoding"] == encoding
    assert corpus.articles.loc[0, "headline"] == "A headline about the talks"
    assert corpus.paragraphs["text"].str.contains("Putin said on Tuesday").any()
    assert not corpus.paragraphs["text"].str.contains("\r").any()


def test_single_newlines_separate_paragraphs(make_corpus_dir):
    text = "First paragraph here is a sentence.\nSecond one is too.\nThird as well.\n"
    corpus = load_corpus(make_corpus_dir({"a.txt": text}))
    assert corpus.paragraphs["text"].tolist() == [
        "First paragraph here is a sentence.",
        "Second one is too.",
        "Third as well.",
    ]


def test_very_long_single_line(make_corpus_dir):
    text = " ".join(["Russia said it was pulling back troops from the border."] * 5000)
    corpus = load_corpus(make_corpus_dir({"a.txt": text}))
    assert corpus.articles.loc[0, "n_paragraphs"] == 1
    assert corpus.articles.loc[0, "n_sentences"] == 5000
    assert corpus.articles.loc[0, "n_words"] == 5000 * 10


def test_read_article_one_file(tmp_path):
    path = tmp_path / "story.txt"
    path.write_text(ARTICLE, encoding="utf-8")
    corpus = read_article(path, outlet="Example News", published="2022-02-15")
    assert corpus.article_ids == ["story"]
    assert corpus.articles.loc[0, "outlet"] == "Example News"
    assert corpus.articles.loc[0, "n_paragraphs"] == 2


def test_manifest_wins_and_warns_on_conflict(make_corpus_dir):
    text = "Original url: https://example.com/a\n\nBody text of the story is here.\n"
    folder = make_corpus_dir(
        {"a.txt": text},
        manifest=[
            {"article_id": "a", "file": "a.txt", "outlet": "X", "url": "https://example.com/b"}
        ],
    )
    with pytest.warns(CorpusWarning, match="url"):
        corpus = load_corpus(folder)
    assert corpus.articles.loc[0, "url"] == "https://example.com/b"


def test_no_warning_without_conflict(seed_corpus):
    with warnings.catch_warnings():
        warnings.simplefilter("error", CorpusWarning)
        load_corpus()


def test_unlisted_files_load_as_unknown_when_asked(make_corpus_dir):
    folder = make_corpus_dir(
        {"a.txt": ARTICLE, "b.txt": ARTICLE, "c.txt": ARTICLE},
        manifest=[{"article_id": "a", "file": "a.txt", "outlet": "X"}],
    )
    with pytest.raises(CorpusError, match=r"2 file\(s\) have no row.*'b.txt', 'c.txt'"):
        load_corpus(folder)
    corpus = load_corpus(folder, allow_unlisted=True)
    assert corpus.articles["outlet"].tolist() == ["X", "unknown", "unknown"]


# --------------------------------------------------------------------------- bad input


@pytest.mark.parametrize(
    ("files", "manifest", "problem"),
    [
        ({"a.txt": b""}, None, "a.txt: empty file"),
        ({"a.txt": b"\n \n\t"}, None, "a.txt: file holds only whitespace"),
        ({"a.txt": b"\x89PNG\r\n\x1a\n" + bytes(40)}, None, "a.txt: is a PNG image"),
        ({"a.txt": b"ab\x00cd" * 10}, None, "a.txt: contains NUL bytes"),
        ({"a.txt": b"Caf\x81 \x8d"}, None, "a.txt: undecodable bytes"),
        (
            {"a.txt": b"<!doctype html><html><body><script>x()</script></body></html>"},
            None,
            "a.txt: HTML page with no extractable article",
        ),
        (
            {"a.txt": ARTICLE},
            [
                {"article_id": "a", "file": "a.txt", "outlet": "X"},
                {"article_id": "b", "file": "missing.txt", "outlet": "Y"},
            ],
            r"listed file\(s\) not found: \['missing.txt'\]",
        ),
        (
            {"a.txt": ARTICLE, "b.txt": ARTICLE},
            [
                {"article_id": "a", "file": "a.txt", "outlet": "X"},
                {"article_id": "a", "file": "b.txt", "outlet": "Y"},
            ],
            r"duplicate article_id\(s\) \['a'\]",
        ),
        (
            {"a.txt": ARTICLE},
            [{"article_id": "a", "file": "a.txt", "outlet": "X", "sha256": "0" * 64}],
            "a.txt: sha256 does not match",
        ),
        (
            {"a.txt": ARTICLE},
            [{"article_id": "a", "file": "a.txt"}],
            r"missing column\(s\) \['outlet'\]",
        ),
        ({"a.txt": "© 2026 Example News Ltd\n"}, None, "a.txt: no article text left"),
    ],
    ids=[
        "empty",
        "whitespace",
        "png",
        "nul",
        "undecodable",
        "html",
        "missing-file",
        "duplicate-id",
        "hash",
        "no-outlet-column",
        "nothing-left",
    ],
)
def test_bad_input_raises_corpus_error(make_corpus_dir, files, manifest, problem):
    folder = make_corpus_dir(files, manifest=manifest)
    with pytest.raises(CorpusError, match=problem):
        load_corpus(folder)


def test_one_bad_file_stops_the_whole_load(make_corpus_dir):
    folder = make_corpus_dir({"a.txt": ARTICLE, "b.txt": b""})
    with pytest.raises(CorpusError, match="b.txt: empty file"):
        load_corpus(folder)


def test_missing_folder_and_unreadable_manifest(tmp_path):
    with pytest.raises(CorpusError, match="corpus folder not found"):
        load_corpus(tmp_path / "nope")
    (tmp_path / "articles.csv").write_bytes(b'article_id,file,outlet\n"a,b\n')
    with pytest.raises(CorpusError, match="articles.csv: not a readable CSV"):
        load_corpus(tmp_path)


def test_corpus_label_groups_the_article_count():
    """The source line under every figure said "bbc, 2225 articles"; counts are grouped as in
    the titles and findings."""
    from types import SimpleNamespace

    from analysis.corpus import corpus_label

    articles = pd.DataFrame({"article_id": [f"a{i:04d}" for i in range(2225)], "sha256": "0" * 64})
    label = corpus_label(SimpleNamespace(articles=articles, source="/data/bbc"))
    assert label.startswith("bbc, 2,225 articles, sha256 ")
