"""How the untouched set's ``pages.csv`` and first labels were made (run once; kept for the record).

The untouched set checks the cleaner on sites its rules were not written for. It takes pages of
the same public ``scrapinghub/article-extraction-benchmark`` as the dev set, from sites that are
not in the dev set: one page per site (the first by page id with three body lines or more),
English bodies only (at least 10% of the words are "the", "and", "of", "to", "a", "in", "is"),
sites in the order of the sha256 of their host name, the first 30. Forms rotate text,
frontmatter, html. Lines get ``recreate.label_lines``'s labels; every line was then read and
its label set by hand (``checked`` = ``hand`` in ``lines.csv``).

It was built before any rule of the cleaner changed after the dev set, and is scored only to
report (``benchmarks/junk.py --set untouched``), never read line by line while tuning.

    python benchmarks/devset_untouched/select_pages.py --source article-extraction-benchmark
"""

from __future__ import annotations

import argparse
import csv
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent / "devset"))

from recreate import PAGES as DEV_PAGES  # noqa: E402
from recreate import candidates_by_site, one_page_per_site, read_source, words, write_csv  # noqa: E402

FORMS = ("text", "frontmatter", "html")
N_PAGES = 30
_ENGLISH = {"the", "and", "of", "to", "a", "in", "is"}


def is_english(body: str) -> bool:
    tokens = words(body)
    return bool(tokens) and sum(t in _ENGLISH for t in tokens) / len(tokens) >= 0.10


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--source", required=True, type=Path)
    args = parser.parse_args()
    truth, html_of = read_source(args.source)
    with open(DEV_PAGES, encoding="utf-8") as f:
        dev_sites = {row["site"] for row in csv.DictReader(f)}
    candidates = candidates_by_site(truth, dev_sites, is_english)
    pages, lines_rows = one_page_per_site(
        candidates, truth, html_of, n_pages=N_PAGES, forms=FORMS, split="untouched"
    )
    for path, rows in ((HERE / "pages.csv", pages), (HERE / "lines.csv", lines_rows)):
        write_csv(path, rows)
    print(len(pages), "pages", len(lines_rows), "lines")


if __name__ == "__main__":
    main()
