"""How ``pages.csv`` and the automatic labels of ``lines.csv`` were made (run once; kept for the record).

One page per site, English ground truth, sites in the order of the sha256 of their host name (a
fixed, arbitrary order); the first 40 pages are the tuning split, the next 20 the held-out split.
Forms rotate text, frontmatter, html. Lines are labelled by ``recreate.label_lines``; the hand
review then edits ``label`` and sets ``checked`` in ``lines.csv``.

    python benchmarks/devset/select_pages.py --source article-extraction-benchmark
"""

from __future__ import annotations

import argparse
import csv
import hashlib
from pathlib import Path
from urllib.parse import urlparse

from recreate import LINES, PAGES, label_lines, read_source, sha, text_lines, write_csv

FORMS = ("text", "frontmatter", "html")
TUNE, HELD = 40, 20


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--source", required=True, type=Path)
    args = parser.parse_args()
    truth, html_of = read_source(args.source)
    by_site: dict[str, str] = {}
    for page_id in sorted(truth):
        site = urlparse(truth[page_id]["url"]).netloc.removeprefix("www.")
        body = truth[page_id]["articleBody"]
        ascii_share = sum(c.isascii() for c in body) / max(1, len(body))
        if site not in by_site and ascii_share > 0.97 and len(body) > 500:
            by_site[site] = page_id
    sites = sorted(by_site, key=lambda s: hashlib.sha256(s.encode()).hexdigest())
    hand: dict[tuple[str, str], str] = {}  # labels set by hand survive a re-run
    if LINES.is_file():
        with open(LINES, encoding="utf-8") as f:
            for row in csv.DictReader(f):
                if row["checked"] == "hand":
                    hand[(row["page_id"], row["sha256"])] = row["label"]
    pages, lines_rows = [], []
    for site in sites:
        if len(pages) == TUNE + HELD:
            break
        page_id = by_site[site]
        raw = html_of(page_id)
        lines, headline = text_lines(raw)
        labels = label_lines(lines, truth[page_id]["articleBody"], headline)
        if labels.count("body") < 3:
            continue  # the article region missed the article: not a fair page for the cleaner
        n = len(pages)
        pages.append(
            {
                "page_id": page_id,
                "site": site,
                "url": truth[page_id]["url"],
                "html_sha256": sha(raw),
                "split": "tune" if n < TUNE else "held-out",
                "form": FORMS[n % len(FORMS)],
            }
        )
        for i, (line, label) in enumerate(zip(lines, labels, strict=True), start=1):
            lines_rows.append(
                {
                    "page_id": page_id,
                    "line": i,
                    "sha256": sha(line),
                    "label": hand.get((page_id, sha(line)), label),
                    "checked": "hand" if (page_id, sha(line)) in hand else "",
                    "excerpt": line[:40],
                }
            )
    for path, rows in ((PAGES, pages), (LINES, lines_rows)):
        write_csv(path, rows)
    print(len(pages), "pages", len(lines_rows), "lines")


if __name__ == "__main__":
    main()
