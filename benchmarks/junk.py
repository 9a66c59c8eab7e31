"""Web junk on real pages: ``python benchmarks/junk.py [--source DIR]``.

Runs the loader's own path (:func:`analysis.corpus._read_one`: decode, front matter, HTML
extraction, cleaning) over the dev set of ``benchmarks/devset/`` (60 real news pages from 60
sites, 40 for tuning and 20 first held out, read since; see ``benchmarks/devset/recreate.py``),
the fresh dev split of ``benchmarks/devset_fresh/`` (18 pages from 18 other sites, scored
before it was studied) and the untouched set of ``benchmarks/devset_untouched/`` (30 pages from
30 other sites, never read while tuning; see its ``select_pages.py``) and the second fresh
split of ``benchmarks/devset_fresh2/`` (23 pages of 2023 from 23 other sites, from another
public benchmark; scored before any tuning, then half tuned on, half untouched), and prints,
per split (``--set`` to choose) and per form:

- **junk removed**: the share of the lines labelled junk that are not in the body paragraphs
  (removed, or moved to metadata);
- **body kept**: the share of the ground truth's body sentences (each of its lines split by
  :func:`analysis.sentences.split_sentences`, so that a heading or a table row is not glued to
  the sentence under it; three words or more and ending a sentence, so that table cells,
  product boxes and list items of the ground truth are not counted) whose words stand, in
  order, in the body paragraphs. Soft hyphens are ignored on both sides.

The pages are re-created from a clone of the public ``scrapinghub/article-extraction-benchmark``
repository (``--source``, or ``$DEVSET_SOURCE``), the second fresh split's from a clone of
``AndyTheFactory/article-extraction-dataset`` (``--source2``, or ``$DEVSET2_SOURCE``); without
them the script says how to get them.
"""

from __future__ import annotations

import argparse
import os
import re
import sys
import tempfile
import time
from collections import defaultdict
from collections.abc import Sequence
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE / "devset"))

from recreate import load_pages, words  # noqa: E402

from analysis.clean import ends_sentence  # noqa: E402
from analysis.corpus import _complete_row, _read_one  # noqa: E402
from analysis.sentences import split_sentences  # noqa: E402

SHORT = 4  # a junk line of fewer words counts as kept only if it stands as a whole paragraph
#: Each set's folder and the public benchmark its pages come from (the index of the source).
SETS = (
    (HERE / "devset", 0),
    (HERE / "devset_fresh", 0),
    (HERE / "devset_untouched", 0),
    (HERE / "devset_fresh2", 1),
)
SPLITS = ("tune", "held-out", "fresh", "untouched", "fresh2-tune", "fresh2-untouched")
#: The public benchmarks, as ``git clone`` takes them: the source, the second source.
SOURCES = (
    "https://github.com/scrapinghub/article-extraction-benchmark",
    "https://github.com/AndyTheFactory/article-extraction-dataset",
)


def score(page: dict, paragraphs: list[str]) -> dict[str, int]:
    """Junk lines and body sentences of one page, and how many of each the body holds."""
    body_words = [" ".join(tokens_of(p)) for p in paragraphs]
    joined = " " + " ".join(body_words) + " "
    out = {"junk": 0, "junk_kept": 0, "body": 0, "body_kept": 0}
    for line, label in zip(page["lines"], page["labels"], strict=True):
        if label != "junk":
            continue
        tokens = " ".join(tokens_of(line))
        if not tokens:
            continue
        out["junk"] += 1
        if len(tokens.split()) >= SHORT:
            kept = f" {tokens} " in joined
        else:
            kept = any(p == tokens or p.startswith(tokens + " ") for p in body_words)
        out["junk_kept"] += kept
    kept, lost = body_kept(page["truth"], paragraphs)
    out["body"] = len(kept) + len(lost)
    out["body_kept"] = len(kept)
    return out


def body_kept(truth: str, paragraphs: list[str]) -> tuple[list[str], list[str]]:
    """The ground truth's body sentences (:func:`truth_sentences`) whose words stand, in
    order, in ``paragraphs``, and those that do not."""
    joined = " " + " ".join(" ".join(tokens_of(p)) for p in paragraphs) + " "
    kept, lost = [], []
    for sentence in truth_sentences(truth):
        found = f" {' '.join(tokens_of(sentence))} " in joined
        (kept if found else lost).append(sentence)
    return kept, lost


#: Chinese and Japanese characters (kana, CJK ideographs), each matched as a word of its own.
_CJK = re.compile(r"([\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff])")


def tokens_of(text: str) -> list[str]:
    """The words lines and sentences are matched on, soft hyphens (U+00AD, invisible
    hyphenation hints that the truth and an extractor keep or drop apart) left out. Chinese
    and Japanese are written without spaces, and a page and its ground truth put the spaces
    around a Latin word apart ('アプリKindle' / 'アプリ Kindle'), so each of their characters is
    a word."""
    return words(_CJK.sub(r" \1 ", text.replace("\xad", "")))


def truth_sentences(truth: str) -> list[str]:
    """The ground truth's prose sentences, paragraph by paragraph (its lines): a sentence never
    runs across a paragraph break, so a heading without a full stop is not glued to the
    sentence under it."""
    found = []
    for paragraph in truth.splitlines():
        paragraph = " ".join(paragraph.split())
        for start, end in split_sentences(paragraph):
            sentence = paragraph[start:end]
            if len(tokens_of(sentence)) >= 3 and ends_sentence(sentence):
                found.append(sentence)  # not table cells, product boxes, list items
    return found


def loaded_paragraphs(folder: Path, page: dict) -> list[str]:
    """The body paragraphs the loader makes of ``page`` (its ``name`` and ``data``, written to
    ``folder``); none, with a CRASH line printed, when it fails."""
    path = folder / page["name"]
    path.write_bytes(page["data"])
    row = _complete_row({"article_id": page["page_id"][:12], "file": page["name"]})
    row["outlet"] = page["site"]
    try:
        return [p["text"] for p in _read_one(path, row)["paragraphs"]]
    except Exception as exc:  # noqa: BLE001 - a crash is reported, not hidden
        print(f"CRASH {page['page_id'][:12]} ({page['site']}): {exc}")
        return []


def run(
    sources: Sequence[Path | None], *, splits: Sequence[str] = SPLITS, show: str | None = None
) -> None:
    pages = [
        page
        for folder, source in SETS
        if sources[source] is not None  # a source the chosen splits do not need
        for page in load_pages(sources[source], folder)
        if page["split"] in splits
    ]
    totals: dict[tuple[str, str], dict[str, int]] = defaultdict(lambda: defaultdict(int))
    started = time.perf_counter()
    with tempfile.TemporaryDirectory() as tmp:
        for page in pages:
            paragraphs = loaded_paragraphs(Path(tmp), page)
            result = score(page, paragraphs)
            for key in ((page["split"], page["form"]), (page["split"], "all")):
                for name, n in result.items():
                    totals[key][name] += n
            if show and page["page_id"].startswith(show):
                for p in paragraphs:
                    print("BODY:", p[:160])
    elapsed = time.perf_counter() - started
    print(f"{len(pages)} pages, {len({p['site'] for p in pages})} sites, {elapsed:.1f} s")
    print(f"{'split':16} form         pages  junk lines  junk removed  body sentences  body kept")
    counts = defaultdict(int)
    for page in pages:
        counts[(page["split"], page["form"])] += 1
        counts[(page["split"], "all")] += 1
    for key in sorted(totals, key=lambda k: (SPLITS.index(k[0]), k[1] == "all", k[1])):
        t = totals[key]
        junk = 1 - t["junk_kept"] / t["junk"] if t["junk"] else float("nan")
        body = t["body_kept"] / t["body"] if t["body"] else float("nan")
        print(
            f"{key[0]:16} {key[1]:12} {counts[key]:5}  {t['junk']:10}  {junk:12.1%}  "
            f"{t['body']:14}  {body:9.1%}"
        )


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--source", type=Path, default=os.environ.get("DEVSET_SOURCE"))
    parser.add_argument("--source2", type=Path, default=os.environ.get("DEVSET2_SOURCE"))
    parser.add_argument("--show", help="print the body of the page whose id starts so")
    parser.add_argument(
        "--set",
        action="append",
        choices=SPLITS,
        help="score only this split (repeatable; default: every split)",
    )
    args = parser.parse_args(argv)
    splits = args.set or SPLITS
    needs = (  # the second source holds the fresh2 splits only
        any(not split.startswith("fresh2") for split in splits),
        any(split.startswith("fresh2") for split in splits),
    )
    given = (args.source, args.source2)
    if all(has_source(given[i], "benchmarks/junk.py", second=bool(i)) for i in (0, 1) if needs[i]):
        sources = tuple(Path(given[i]) if needs[i] else None for i in (0, 1))
        run(sources, splits=splits, show=args.show)
    return 0


def has_source(source: Path | None, script: str, *, second: bool = False) -> bool:
    """True when ``source`` is a clone of the public benchmark (the second one when told);
    else says how to get one."""
    truth = "articles.json" if second else "ground-truth.json"
    if source and (Path(source) / truth).is_file():
        return True
    url = SOURCES[second]
    variable = "DEVSET2_SOURCE" if second else "DEVSET_SOURCE"
    print(
        f"{script}: needs a clone of the public dev-set source:\n"
        f"  git clone {url}\n"
        f"  {variable}={url.rsplit('/', 1)[1]} python {script}"
    )
    return False


if __name__ == "__main__":
    raise SystemExit(main())
