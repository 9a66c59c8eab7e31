"""Shared fixtures: the seed corpus (loaded once per test session) and a corpus-folder factory."""

from __future__ import annotations

from pathlib import Path

import pytest

import analysis


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
