"""How the HTML body-recall set's ``pages.csv`` was made (run once; kept for the record).

Every page of the public ``scrapinghub/article-extraction-benchmark`` (181 pages, each with a
hand-made ground-truth ``articleBody``) that no other set uses: not in
``benchmarks/devset*/pages.csv`` (tune, held out, fresh, untouched) and not a ground truth the
quotation fixtures draw on (``tests/fixtures/quotes_*/articles.csv``, column ``key``). Each page
is loaded as its HTML, so nothing is labelled by hand: the score is the share of the ground
truth's body sentences the loader keeps (``benchmarks/devset_html/score.py``).

A random third of the pages (``random.Random(SEED)``, over the page ids in sorted order) is
``unstudied``: scored, never read; the rest is ``studied``. ``shares_site_with`` names the
other set that holds another page of the same site, if any.

    python benchmarks/devset_html/select_pages.py --source article-extraction-benchmark
"""

from __future__ import annotations

import argparse
import csv
import random
import sys
from pathlib import Path
from urllib.parse import urlparse

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent.parent
sys.path.insert(0, str(HERE.parent / "devset"))

from recreate import read_source, sha, write_csv  # noqa: E402

SEED = 14
OTHER_SETS = sorted(HERE.parent.glob("devset_*/pages.csv")) + [HERE.parent / "devset/pages.csv"]
QUOTE_FIXTURES = sorted((ROOT / "tests" / "fixtures").glob("quotes_*/articles.csv"))


def site_of(url: str) -> str:
    return urlparse(url).netloc.removeprefix("www.")


def pages_in_use() -> tuple[set[str], dict[str, str]]:
    """Page ids some other set or fixture uses, and the set each used site belongs to."""
    used: set[str] = set()
    sites: dict[str, str] = {}
    for path in OTHER_SETS:
        if path.parent == HERE:
            continue
        with open(path, encoding="utf-8") as f:
            for row in csv.DictReader(f):
                used.add(row["page_id"])
                sites.setdefault(row["site"], row["split"])
    for path in QUOTE_FIXTURES:
        with open(path, encoding="utf-8") as f:
            for row in csv.DictReader(f):
                if row.get("repo") == "scrapinghub/article-extraction-benchmark":
                    used.add(row["key"])
                    sites.setdefault(site_of(row["url"]), "quotes")
    return used, sites


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--source", required=True, type=Path)
    args = parser.parse_args()
    truth, html_of = read_source(args.source)
    used, used_sites = pages_in_use()
    free = sorted(page_id for page_id in truth if page_id not in used)
    unstudied = set(random.Random(SEED).sample(free, len(free) // 3))
    rows = [
        {
            "page_id": page_id,
            "site": site_of(truth[page_id]["url"]),
            "url": truth[page_id]["url"],
            "html_sha256": sha(html_of(page_id)),
            "split": "unstudied" if page_id in unstudied else "studied",
            "shares_site_with": used_sites.get(site_of(truth[page_id]["url"]), ""),
            "body_sha256": sha(truth[page_id]["articleBody"]),
        }
        for page_id in free
    ]
    write_csv(HERE / "pages.csv", rows)
    print(len(rows), "pages,", len(unstudied), "unstudied")


if __name__ == "__main__":
    main()
