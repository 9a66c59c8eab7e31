"""How the second fresh split's ``pages.csv`` and first labels were made (run once; kept for the record).

Every page of ``scrapinghub/article-extraction-benchmark`` is in some set by now, so this split
is drawn from another public benchmark of the same shape: ``AndyTheFactory/article-extraction-dataset``
(Apache-2.0 for the repository; the pages stay their publishers'): 424 news pages of 2023 from
212 sites, each with its HTML and a hand-cleaned article body (``articles.json``). Its sites are
not those of any other set (``benchmarks/devset*/pages.csv``, the quotation fixtures' URLs and
files), and its pages are four years younger than the other sets'.

Chosen as the fresh split was, before any rule was tuned on it: one page per site, the first by
page id whose text dump holds three body lines or more, English bodies, sites in the order of
the sha256 of their host name, the first 24; forms rotate text, frontmatter, html. Lines get
``recreate.label_lines``'s labels; then, before any page was scored, the first pages were read
line by line and, on every page, the lines likeliest to be mislabelled (junk lines of 14 words
or more, body lines of 5 or fewer) with the sections around them (``checked`` = ``hand`` in
``lines.csv`` where the label changed). Not every line of every page was read. A random half
(``random.Random(14)`` over the sorted page ids) is ``fresh2-untouched``: scored before any
tuning and at the end, never read while tuning; the other half is ``fresh2-tune``. One tune
page (digitaltrends.com) was then taken out of both files by hand: its ground truth is another
day's page than its HTML.

    git clone https://github.com/AndyTheFactory/article-extraction-dataset
    python benchmarks/devset_fresh2/select_pages.py --source article-extraction-dataset
"""

from __future__ import annotations

import argparse
import csv
import importlib.util
import random
import re
import sys
from pathlib import Path
from urllib.parse import urlparse

HERE = Path(__file__).resolve().parent
BENCHMARKS = HERE.parent
ROOT = BENCHMARKS.parent
sys.path.insert(0, str(BENCHMARKS / "devset"))

from recreate import candidates_by_site, one_page_per_site, read_source, write_csv  # noqa: E402

FORMS = ("text", "frontmatter", "html")
N_PAGES = 24
SEED = 14
SPLITS = ("fresh2-tune", "fresh2-untouched")


def _untouched_selection():  # noqa: ANN202 - the untouched set's own selection module
    path = BENCHMARKS / "devset_untouched" / "select_pages.py"
    spec = importlib.util.spec_from_file_location("untouched_select_pages", path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def site_of(url: str) -> str:
    return urlparse(url).netloc.removeprefix("www.")


def sites_in_use() -> set[str]:
    """The sites of every other set and quotation fixture (their ``pages.csv`` / manifests)."""
    sites = set()
    for path in BENCHMARKS.glob("devset*/pages.csv"):
        if path.parent != HERE:
            with open(path, encoding="utf-8") as f:
                sites |= {row["site"] for row in csv.DictReader(f)}
    for path in (ROOT / "tests" / "fixtures").glob("quotes_*/articles.csv"):
        with open(path, encoding="utf-8") as f:
            for row in csv.DictReader(f):
                if row.get("url"):
                    sites.add(site_of(row["url"]))
                else:  # newspaper's test pages are named after their site: telegraph.co.uk2.txt
                    sites.add(re.sub(r"\d*\.txt$", "", Path(row["path"]).name))
    return sites


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--source", required=True, type=Path)
    args = parser.parse_args()
    is_english = _untouched_selection().is_english
    truth, html_of = read_source(args.source)
    used = sites_in_use()
    candidates = candidates_by_site(truth, used, is_english, args.source)
    pages, lines_rows = one_page_per_site(
        candidates, truth, html_of, n_pages=N_PAGES, forms=FORMS, split=""
    )
    ids = sorted(page["page_id"] for page in pages)
    untouched = set(random.Random(SEED).sample(ids, len(ids) // 2))
    for page in pages:
        page["split"] = SPLITS[page["page_id"] in untouched]
    for path, rows in ((HERE / "pages.csv", pages), (HERE / "lines.csv", lines_rows)):
        write_csv(path, rows)
    print(len(pages), "pages", len(lines_rows), "lines")


if __name__ == "__main__":
    main()
