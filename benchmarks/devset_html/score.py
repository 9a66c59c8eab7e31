"""Body kept on HTML pages: ``python benchmarks/devset_html/score.py --source DIR``.

Loads each page of ``pages.csv`` as its HTML through the loader's own path (decode, HTML
extraction, cleaning; :func:`benchmarks.junk.loaded_paragraphs`) and prints, per split
(``studied``, ``unstudied``), the share of the ground truth's body sentences kept, counted as
``benchmarks/junk.py`` counts body kept (:func:`benchmarks.junk.body_kept`). The pages are
re-created from a clone of the public ``scrapinghub/article-extraction-benchmark`` and checked
against their sha256 (HTML and ground-truth body). ``--lost`` prints each lost sentence of the
studied pages with its page; it refuses to show unstudied pages.
"""

from __future__ import annotations

import argparse
import csv
import os
import sys
import tempfile
import time
from collections import Counter
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent))
sys.path.insert(0, str(HERE.parent / "devset"))

from junk import body_kept, has_source, loaded_paragraphs  # noqa: E402
from recreate import read_source, sha  # noqa: E402

SPLITS = ("studied", "unstudied")


def load_pages(source: Path, folder: Path = HERE) -> list[dict]:
    """Each page of ``folder``'s ``pages.csv`` (this set's unless told): its row, HTML bytes
    and ground-truth body, hash-checked."""
    truth, html_of = read_source(source)
    with open(folder / "pages.csv", encoding="utf-8") as f:
        rows = list(csv.DictReader(f))
    pages = []
    for row in rows:
        raw, body = html_of(row["page_id"]), truth[row["page_id"]]["articleBody"]
        if sha(raw) != row["html_sha256"] or sha(body) != row["body_sha256"]:
            raise SystemExit(f"{row['page_id']}: the source has changed (sha256 differs)")
        pages.append({**row, "name": f"{row['page_id'][:12]}.html", "data": raw, "truth": body})
    return pages


def run(source: Path, *, splits: tuple[str, ...], lost: bool, folder: Path = HERE) -> None:
    pages = [page for page in load_pages(source, folder) if page["split"] in splits]
    found, total, pages_losing = Counter(), Counter(), Counter()
    started = time.perf_counter()
    with tempfile.TemporaryDirectory() as tmp:
        for page in pages:
            kept, missed = body_kept(page["truth"], loaded_paragraphs(Path(tmp), page))
            found[page["split"]] += len(kept)
            total[page["split"]] += len(kept) + len(missed)
            pages_losing[page["split"]] += bool(missed)
            if lost and page["split"] == "studied":
                for sentence in missed:
                    print(f"LOST {page['page_id'][:12]} {page['site']}: {sentence[:200]}")
    print(f"{len(pages)} pages, {time.perf_counter() - started:.1f} s")
    print("split      pages  pages losing  body sentences  body kept")
    for split in splits:
        n = sum(page["split"] == split for page in pages)
        share = found[split] / total[split] if total[split] else float("nan")
        print(f"{split:10} {n:5}  {pages_losing[split]:12}  {total[split]:14}  {share:9.1%}")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--source", type=Path, default=os.environ.get("DEVSET_SOURCE"))
    parser.add_argument("--set", action="append", choices=SPLITS, help="default: both splits")
    parser.add_argument("--lost", action="store_true", help="print the studied pages' losses")
    parser.add_argument(
        "--pages",
        type=Path,
        default=HERE,
        help="the set's folder: benchmarks/devset_html2 for the 2023 pages of the second source",
    )
    args = parser.parse_args(argv)
    second = args.pages.resolve() != HERE
    if has_source(args.source, "benchmarks/devset_html/score.py", second=second):
        run(Path(args.source), splits=tuple(args.set or SPLITS), lost=args.lost, folder=args.pages)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
