"""How the fresh dev split's ``pages.csv`` and first labels were made (run once; kept for the record).

The dev set's own failures no longer explained the untouched set's gap (on HTML, the dev pages
kept 99% of their body, the untouched ones 91%), so a third dev split was drawn before any rule
was tuned on it, from the same public ``scrapinghub/article-extraction-benchmark``: sites in
neither ``benchmarks/devset`` nor ``benchmarks/devset_untouched`` (their ``pages.csv`` give
only the site names; no untouched page is read), chosen as the untouched set was (one page per
site, the first by page id with three body lines or more, English bodies, sites in the order of
the sha256 of their host name), the first 18, forms rotating text, frontmatter, html. Lines get
``recreate.label_lines``'s labels; every line was then read and its label set by hand
(``checked`` = ``hand`` in ``lines.csv`` where the label changed).

    python benchmarks/devset_fresh/select_pages.py --source article-extraction-benchmark
"""

from __future__ import annotations

import argparse
import csv
import importlib.util
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
BENCHMARKS = HERE.parent
sys.path.insert(0, str(BENCHMARKS / "devset"))

from recreate import candidates_by_site, one_page_per_site, read_source, write_csv  # noqa: E402

FORMS = ("text", "frontmatter", "html")
N_PAGES = 18
SPLIT = "fresh"


def _untouched_selection():  # noqa: ANN202 - the untouched set's own selection module
    path = BENCHMARKS / "devset_untouched" / "select_pages.py"
    spec = importlib.util.spec_from_file_location("untouched_select_pages", path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def sites_in_use() -> set[str]:
    """The sites of every earlier split (from their ``pages.csv`` only)."""
    sites = set()
    for folder in ("devset", "devset_untouched"):
        with open(BENCHMARKS / folder / "pages.csv", encoding="utf-8") as f:
            sites |= {row["site"] for row in csv.DictReader(f)}
    return sites


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--source", required=True, type=Path)
    args = parser.parse_args()
    is_english = _untouched_selection().is_english
    truth, html_of = read_source(args.source)
    used = sites_in_use()
    candidates = candidates_by_site(truth, used, is_english)
    pages, lines_rows = one_page_per_site(
        candidates, truth, html_of, n_pages=N_PAGES, forms=FORMS, split=SPLIT
    )
    for path, rows in ((HERE / "pages.csv", pages), (HERE / "lines.csv", lines_rows)):
        write_csv(path, rows)
    print(len(pages), "pages", len(lines_rows), "lines")


if __name__ == "__main__":
    main()
