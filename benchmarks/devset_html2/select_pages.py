"""How the 2023 HTML body-recall set's ``pages.csv`` was made (run once; kept for the record).

Every page of the public ``AndyTheFactory/article-extraction-dataset`` (news pages of 2023, each
with its HTML and a hand-cleaned ``articleBody``) whose site the second fresh split
(``benchmarks/devset_fresh2``) does not hold, and whose HTML the repository stores (three of its
424 pages are too large to be kept). Each page is loaded as its HTML and scored against its
ground truth, as ``benchmarks/devset_html`` does (``score.py --pages benchmarks/devset_html2``),
so nothing is labelled by hand.

A random third of the pages (``random.Random(SEED)`` over the sorted page ids) is
``unstudied``: scored, never read; the rest is ``studied``.

    git clone https://github.com/AndyTheFactory/article-extraction-dataset
    python benchmarks/devset_html2/select_pages.py --source article-extraction-dataset
"""

from __future__ import annotations

import argparse
import csv
import random
import sys
from pathlib import Path
from urllib.parse import urlparse

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent / "devset"))

from recreate import read_source, sha, write_csv  # noqa: E402

SEED = 14
FRESH2 = HERE.parent / "devset_fresh2" / "pages.csv"
#: The second fresh split's page dropped after selection (its ground truth is another day's).
DROPPED_FROM_FRESH2 = {"digitaltrends.com"}


def site_of(url: str) -> str:
    return urlparse(url).netloc.removeprefix("www.")


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--source", required=True, type=Path)
    args = parser.parse_args()
    truth, html_of = read_source(args.source)
    with open(FRESH2, encoding="utf-8") as f:
        used = {row["site"] for row in csv.DictReader(f)} | DROPPED_FROM_FRESH2
    ids = sorted(
        page_id
        for page_id, page in truth.items()
        if site_of(page["url"]) not in used and (args.source / "html" / f"{page_id}.html").is_file()
    )
    unstudied = set(random.Random(SEED).sample(ids, len(ids) // 3))
    rows = [
        {
            "page_id": page_id,
            "site": site_of(truth[page_id]["url"]),
            "url": truth[page_id]["url"],
            "html_sha256": sha(html_of(page_id)),
            "split": "unstudied" if page_id in unstudied else "studied",
            "body_sha256": sha(truth[page_id]["articleBody"]),
        }
        for page_id in ids
    ]
    write_csv(HERE / "pages.csv", rows)
    print(len(rows), "pages", len({row["site"] for row in rows}), "sites")


if __name__ == "__main__":
    main()
