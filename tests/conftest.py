"""Shared fixtures: the seed corpus (loaded once per test session), a corpus built in memory from
hand-written text (:func:`build_corpus`, the ``make_corpus`` fixture), and a corpus-folder factory.

Tests marked ``notebook`` execute notebooks (minutes); ``make test-fast`` leaves them out. A test
that asks for the figures of a full run is marked so whether or not it says it.
"""

from __future__ import annotations

import sys
from collections.abc import Mapping
from pathlib import Path

import pandas as pd
import pytest

import analysis
from analysis import lexicon
from analysis.corpus import Corpus
from analysis.sentences import split_sentences

REMOVED_COLUMNS = ["article_id", "text", "reason", "position"]
#: Fixtures that execute every notebook: a test using one is a notebook test.
NOTEBOOK_FIXTURES = {"fresh_figures", "other_corpus_figures"}


@pytest.fixture(autouse=True)
def _seed_story_lexicons():
    """Every test starts with the seeds' story lexicons current: loading another corpus makes
    its own folder current (analysis.lexicon.use_story_lexicons)."""
    lexicon.use_story_lexicons(None)


def _git_status() -> str:
    import subprocess

    return subprocess.run(
        ["git", "-C", str(analysis.paths.ROOT), "status", "--porcelain", "--untracked-files=all"],
        capture_output=True,
        text=True,
        check=True,
    ).stdout


@pytest.fixture
def git_status():
    """A function that returns the project's `git status --porcelain` (untracked files too):
    what an interactive session must leave as it found it."""
    return _git_status


def pytest_collection_modifyitems(items):
    for item in items:
        if NOTEBOOK_FIXTURES & set(getattr(item, "fixturenames", ())):
            item.add_marker(pytest.mark.notebook)


@pytest.fixture(autouse=True)
def _close_widgets():
    """Close the explorers' widgets after each test, with the comm manager that opened them.
    Left to interpreter exit, a widget made before ``analysis.lab`` imported ipykernel (which
    installs its own comm manager) prints an ImportError traceback from its ``__del__``."""
    yield
    widgets = sys.modules.get("ipywidgets")
    if widgets is not None:
        widgets.Widget.close_all()


def build_corpus(
    articles: Mapping[str, list[str] | Mapping],
    *,
    split: bool = False,
    sentences: pd.DataFrame | None = None,
    quotes: pd.DataFrame | None = None,
) -> Corpus:
    """A Corpus from hand-written text, as the loader would make it.

    ``articles`` maps each ``article_id`` to its paragraphs, or to a mapping with
    ``paragraphs`` and any of ``outlet`` (default: the id, title-cased), ``canonical`` (default
    True), ``headline`` and ``standfirst`` (default ""), ``voices`` (one per paragraph: the
    sentences' ``voice``), and other article columns (``story_id``, ``version``; "" where
    another article has one and this one not). Sentences: one per paragraph, numbered per article, unless ``split``
    (the suite's sentence splitter, as the loader splits) or a ``sentences`` table is given.
    """
    rows, paragraphs, sentence_rows = [], [], []
    for article_id, spec in articles.items():
        spec = {"paragraphs": spec} if isinstance(spec, list) else dict(spec)
        texts = spec.pop("paragraphs")
        voices = spec.pop("voices", None)
        rows.append(
            {
                "article_id": article_id,
                "outlet": spec.pop("outlet", article_id.title()),
                "canonical": spec.pop("canonical", True),
                "headline": spec.pop("headline", ""),
                "standfirst": spec.pop("standfirst", ""),
                **spec,
            }
        )
        n = 0
        for number, text in enumerate(texts, start=1):
            paragraphs.append({"article_id": article_id, "paragraph": number, "text": text})
            spans = split_sentences(text) if split else [(0, len(text))]
            for start, end in spans:
                n += 1
                row = {"article_id": article_id, "paragraph": number, "sentence": n}
                row |= {"start": start, "end": end, "text": text[start:end]}
                if voices is not None:
                    row["voice"] = voices[number - 1]
                sentence_rows.append(row)
    table = pd.DataFrame(rows)
    extra = [c for c in table.columns if c not in ("article_id", "outlet", "canonical")]
    table[extra] = table[extra].fillna("")
    columns = ["article_id", "paragraph", "sentence", "start", "end", "text"]
    if sentences is None:
        sentences = pd.DataFrame(sentence_rows, columns=columns)
        if any("voice" in r for r in sentence_rows):
            sentences["voice"] = [r.get("voice") for r in sentence_rows]
    return Corpus(
        articles=table,
        paragraphs=pd.DataFrame(paragraphs, columns=["article_id", "paragraph", "text"]),
        sentences=sentences,
        removed=pd.DataFrame(columns=REMOVED_COLUMNS),
        quotes=quotes,
    )


@pytest.fixture
def make_corpus():
    """:func:`build_corpus`, for a test to build the corpus it needs."""
    return build_corpus


@pytest.fixture(scope="session", autouse=True)
def empty_cache(tmp_path_factory):
    """A content cache of the test session's own: tests compute everything, as on a fresh clone."""
    with pytest.MonkeyPatch.context() as mp:
        mp.setenv("FRAMING_CACHE_DIR", str(tmp_path_factory.mktemp("cache")))
        yield


@pytest.fixture(scope="session")
def seed_corpus():
    """The project's five seed articles, cleaned."""
    return analysis.load_corpus()


@pytest.fixture
def make_corpus_dir(tmp_path: Path):
    """Write a corpus folder: ``make_corpus_dir({"a.txt": b"..."}, manifest=[{...}])``.

    ``manifest=None`` writes a manifest with one row per file (outlet "Test"); ``manifest=False``
    writes none.
    """

    def make(files: dict[str, bytes | str], manifest: list[dict] | None | bool = None) -> Path:
        folder = tmp_path / "corpus"
        folder.mkdir(exist_ok=True)
        for name, content in files.items():
            data = content.encode("utf-8") if isinstance(content, str) else content
            (folder / name).write_bytes(data)
        if manifest is False:
            return folder
        rows = (
            manifest
            if manifest is not None
            else [{"article_id": Path(name).stem, "file": name, "outlet": "Test"} for name in files]
        )
        present = {k for row in rows for k in row}
        columns = [c for c in ("article_id", "file", "outlet") if c in present]
        columns += sorted(present - set(columns))
        lines = [",".join(columns)] + [",".join(str(r.get(c, "")) for c in columns) for r in rows]
        (folder / "articles.csv").write_text("\n".join(lines) + "\n", encoding="utf-8")
        return folder

    return make
