"""One lexicon reader: every word list is read by analysis.lexicon and names its source; a story's
lexicons belong to its corpus, and a corpus without them never gets the seeds'."""

from __future__ import annotations

import ast
import re

import pytest

import analysis
from analysis import actors, emphasis, lexicon, paths
from analysis.lexicon import read_lexicon, unsourced_entries

OTHER = paths.ROOT / "tests" / "fixtures" / "other_corpus"
#: Every lexicon shipped: the package's and each corpus's (the seeds', and any fixture's own).
SHIPPED = sorted(
    [
        *paths.LEXICONS.iterdir(),
        *paths.SEED_LEXICONS.iterdir(),
        *(paths.ROOT / "tests" / "fixtures").glob("*/lexicons/*"),
    ]
)

#: clean.py reads boilerplate.yml with read_lexicon, but parses an article's YAML front matter
#: (not a lexicon) with PyYAML itself.
NOT_LEXICONS = {"clean.py"}


@pytest.mark.parametrize("path", SHIPPED, ids=lambda p: paths.shown(p))
def test_every_shipped_lexicon_reads_and_names_its_source(path):
    data = read_lexicon(path)
    assert len(data) > 0
    if isinstance(data, dict):  # a YAML lexicon says its source at the top, or in every entry
        assert unsourced_entries(data) == []
    else:
        assert (data["source"].str.strip() != "").all()


def test_the_story_lexicons_are_the_seeds_and_not_the_packages():
    """The package keeps only lexicons about no story; the seed story's are the seeds'."""
    package = {p.name for p in paths.LEXICONS.iterdir()}
    assert package & set(lexicon.STORY_LEXICONS) == set()
    assert {p.name for p in paths.SEED_LEXICONS.iterdir()} == set(lexicon.STORY_LEXICONS)
    assert paths.SEED_LEXICONS == paths.SEEDS / lexicon.FOLDER


def test_a_corpus_lexicon_folder_is_beside_its_articles_unless_named(tmp_path):
    table = tmp_path / "articles.jsonl"
    table.write_text("", encoding="utf-8")
    assert lexicon.story_folder() == paths.SEED_LEXICONS
    assert lexicon.story_folder(OTHER) == OTHER / "lexicons"
    assert lexicon.story_folder(table) == tmp_path / "lexicons"
    assert lexicon.story_folder(OTHER, tmp_path) == tmp_path


def test_a_corpus_without_lexicons_gets_none_of_the_seeds():
    """No frames, facts, naming, escalation; no actors (so no 2022 office holders and no sides):
    the quotation finder keeps the text's own names."""
    corpus = analysis.load_corpus(OTHER)
    assert lexicon.story_lexicons() == OTHER / "lexicons"
    assert [lexicon.story_lexicon(name) for name in lexicon.STORY_LEXICONS] == [None] * 5
    assert actors.load_actors().actors == ()
    assert actors.load_actors().title_words  # the package's words for any story's speakers
    with pytest.raises(FileNotFoundError, match="other_corpus/lexicons/frames.yml"):
        emphasis.load_frames()
    texts = corpus.paragraphs.groupby("article_id")["text"].agg(" ".join)
    named = [(q.article_id, q.speaker) for q in corpus.quotes.itertuples() if q.speaker]
    assert named and all(speaker in texts[a] for a, speaker in named)  # as the text names them,
    assert "Nato Secretary-General Jens Stoltenberg" in {s for _, s in named}  # not as the seeds'
    assert set(corpus.quotes["speaker_side"]) <= {"", "unknown", "civilians"}
    analysis.load_corpus()  # the seeds again: their own lexicons
    assert lexicon.story_lexicon("frames.yml") == paths.SEED_LEXICONS / "frames.yml"
    assert len(actors.load_actors().actors) > 30


def test_a_corpus_carries_any_subset_of_its_own_lexicons(tmp_path):
    (tmp_path / "a.txt").write_text("Rain fell on the town. Flooding closed the road.\n")
    (tmp_path / "lexicons").mkdir()
    frames = "source: written for this test\nframes:\n  - {name: weather, terms: [rain, flood*]}\n"
    (tmp_path / "lexicons" / "frames.yml").write_text(frames, encoding="utf-8")
    with pytest.warns(analysis.CorpusWarning):
        analysis.load_corpus(tmp_path)
    assert lexicon.story_lexicon("frames.yml") == tmp_path / "lexicons" / "frames.yml"
    assert lexicon.story_lexicon("facts.yml") is None
    assert [f.name for f in emphasis.load_frames()] == ["weather"]
    assert lexicon.absent_note("facts.yml", "numbers by unit") == (
        f"No `facts.yml` in `{tmp_path / 'lexicons'}`: numbers by unit."
    )
    with pytest.raises(ValueError, match="not a story lexicon"):
        lexicon.story_lexicon("hedges.yml")


def test_the_cache_key_follows_the_corpus_lexicons(tmp_path):
    """A cached corpus (its quotations attributed with actors.yml) is not reused when the story
    lexicons change."""
    from analysis import cache

    actors_yml = tmp_path / "actors.yml"
    actors_yml.write_text("source: test\nactors: []\n", encoding="utf-8")

    def key(folder):
        lexicon.use_story_lexicons(folder)
        return cache.content_key("corpus", [b"same articles"])

    keys = [key(paths.SEED_LEXICONS), key(tmp_path)]
    actors_yml.write_text("source: changed\nactors: []\n", encoding="utf-8")
    keys.append(key(tmp_path))
    assert key(tmp_path) == keys[-1]
    assert len(set(keys)) == 3


@pytest.mark.parametrize(
    ("text", "missing"),
    [
        ("source: Hyland (2005)\nlists: [{items: [may]}]\n", []),
        ("lists:\n  - {source: Hyland, items: [may]}\n  - {items: [could]}\n", ["lists[1]"]),
        ("verbs: {source: x}\nforms: [said]\n", ["forms"]),
        ("source: '  '\nterms: {source: ok}\n", []),
        ("source: ''\n", ["(the whole file)"]),
    ],
)
def test_a_yaml_lexicon_names_its_source_at_the_top_or_in_every_entry(tmp_path, text, missing):
    path = tmp_path / "lexicon.yml"
    path.write_text(text, encoding="utf-8")
    import yaml

    assert unsourced_entries(yaml.safe_load(text)) == missing
    if missing:
        with pytest.raises(ValueError, match=r"lexicon\.yml: .*source.*" + re.escape(missing[0])):
            read_lexicon(path)
    else:
        assert read_lexicon(path)


def test_a_csv_lexicon_needs_a_source_on_every_row(tmp_path):
    path = tmp_path / "naming.csv"
    path.write_text("concept,variant,source\nNato,Nato,a\nNato,NATO,\n", encoding="utf-8")
    with pytest.raises(ValueError, match=r"rows \[3\] name no source"):
        read_lexicon(path)
    path.write_text("concept,variant\nNato,Nato\n", encoding="utf-8")
    with pytest.raises(ValueError, match="`source` column"):
        read_lexicon(path)


def test_a_missing_lexicon_or_a_list_is_named_in_the_error(tmp_path):
    with pytest.raises(FileNotFoundError, match="absent.yml: lexicon not found"):
        read_lexicon(tmp_path / "absent.yml")
    (tmp_path / "list.yml").write_text("- may\n- could\n", encoding="utf-8")
    with pytest.raises(ValueError, match="a mapping"):
        read_lexicon(tmp_path / "list.yml")


def test_no_module_reads_yaml_but_the_lexicon_reader():
    """(naming.csv, the one CSV lexicon, is read through read_lexicon by vocabulary.)"""
    readers = {}
    for path in sorted((paths.ROOT / "analysis").rglob("*.py")):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        names = {
            node.attr if isinstance(node, ast.Attribute) else node.id
            for node in ast.walk(tree)
            if isinstance(node, ast.Attribute | ast.Name)
        }
        if names & {"read_yaml", "yaml"} and path.name != "lexicon.py":
            readers[path.name] = sorted(names & {"read_yaml", "yaml"})
    assert set(readers) - NOT_LEXICONS == {"paths.py"}, readers  # where read_yaml is defined
