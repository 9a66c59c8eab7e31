"""One lexicon reader: every word list is read by analysis.lexicon and names its source."""

from __future__ import annotations

import ast
import re

import pytest

from analysis import paths
from analysis.lexicon import read_lexicon, unsourced_entries

#: clean.py reads boilerplate.yml with read_lexicon, but parses an article's YAML front matter
#: (not a lexicon) with PyYAML itself.
NOT_LEXICONS = {"clean.py"}


@pytest.mark.parametrize("path", sorted(paths.LEXICONS.iterdir()), ids=lambda p: p.name)
def test_every_shipped_lexicon_reads_and_names_its_source(path):
    data = read_lexicon(path)
    assert len(data) > 0


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
