"""Re-create the web-junk dev set's pages from their public source: ``python benchmarks/devset/recreate.py``.

The pages are real news pages from the public ``scrapinghub/article-extraction-benchmark``
repository (MIT licence for the repository; the pages stay their publishers'), which ships each
page's HTML (``html/<id>.html.gz``) and a hand-made ground truth of its article body
(``ground-truth.json``). Only ids, hashes, line numbers, labels and short excerpts are committed
here (``pages.csv``, ``lines.csv``); this script rebuilds the pages from a clone of that
repository::

    git clone https://github.com/scrapinghub/article-extraction-benchmark
    python benchmarks/devset/recreate.py --source article-extraction-benchmark --out build/devset

Each page is written in one of three forms, as a user would bring it:

- ``text``: what a naive scraper keeps: the visible text of the page's largest ``<article>``
  element (else ``<main>``, else ``<body>``), one block element per line;
- ``frontmatter``: the same text as markdown-ish blank-line blocks under a YAML front matter
  (``title``, ``url``), as static-site exports and many scrapers write it;
- ``html``: the page's HTML bytes as published.

A line of the text dump is labelled ``body`` when its words occur in the ground-truth article
body (a line of five words or more anywhere in it; a shorter one only within 400 characters
after the previous body line, so that 'Share' or 'US' is not body because the body uses the
word), ``headline`` when it is the page's ``<h1>``, and ``junk`` otherwise. ``lines.csv`` holds
the labels with each line's sha256, so a re-created page is checked line by line against what
was labelled; where ``checked`` is ``hand``, the label was set by hand after reading the page.
"""

from __future__ import annotations

import argparse
import csv
import gzip
import hashlib
import json
import re
import sys
from pathlib import Path
from urllib.parse import urlparse

HERE = Path(__file__).resolve().parent
PAGES = HERE / "pages.csv"
LINES = HERE / "lines.csv"

#: Elements whose text a reader never sees.
_INVISIBLE = {
    "script",
    "style",
    "noscript",
    "template",
    "svg",
    "head",
    "iframe",
    "select",
    "button",
}
#: Elements that start a new line in the text dump.
_BLOCK = {
    "p", "div", "li", "ul", "ol", "h1", "h2", "h3", "h4", "h5", "h6", "figcaption", "figure",
    "blockquote", "section", "article", "header", "footer", "nav", "aside", "table", "tr", "td",
    "th", "dt", "dd", "dl", "pre", "form", "main", "br", "hr", "address", "time",
}  # fmt: skip
_WORD = re.compile(r"[^\W_]+")


def words(text: str) -> list[str]:
    """Lowercase letter-and-digit tokens: the unit lines are matched on."""
    return _WORD.findall(text.casefold())


def text_lines(html: bytes) -> tuple[list[str], str]:
    """The visible text lines of the page's article region, and the page's ``<h1>`` text."""
    import lxml.etree
    import lxml.html

    text = re.sub(r"^\s*<\?xml[^>]*>", "", html.decode("utf-8", errors="replace"))
    root = lxml.html.document_fromstring(text)
    for bad in list(root.iter(*_INVISIBLE, lxml.etree.Comment)):
        if bad.getparent() is not None:
            bad.drop_tree()
    regions = root.findall(".//article") or root.findall(".//main") or root.findall(".//body")
    region = max(regions, key=lambda e: len(e.text_content())) if regions else root
    out: list[str] = []
    current: list[str] = []

    def flush() -> None:
        line = " ".join("".join(current).split())
        if line:
            out.append(line)
        current.clear()

    def walk(element) -> None:  # noqa: ANN001
        tag = element.tag if isinstance(element.tag, str) else ""
        block = tag in _BLOCK
        if block:
            flush()
        if element.text and tag:
            current.append(element.text)
        for child in element:
            walk(child)
            if child.tail:
                current.append(child.tail)
        if block:
            flush()

    walk(region)
    flush()
    h1 = root.find(".//h1")
    headline = " ".join(h1.text_content().split()) if h1 is not None else ""
    return out, headline


def label_lines(lines: list[str], body: str, headline: str) -> list[str]:
    """``body``/``headline``/``junk`` for each line, by in-order word matching on ``body``."""
    body_words = words(body)
    joined = " " + " ".join(body_words) + " "
    labels = []
    cursor = 0
    for line in lines:
        tokens = words(line)
        if headline and line == headline:
            labels.append("headline")
            continue
        if not tokens:
            labels.append("none")
            continue
        needle = " " + " ".join(tokens) + " "
        if len(tokens) >= 5:  # a long line is body wherever the body has it
            found = joined.find(needle)
            ok = found >= 0
        else:  # a short one only right after the previous body line ('US', 'Share')
            found = joined.find(needle, max(0, cursor - 1))
            ok = found >= 0 and found - cursor <= 400
        if ok:
            labels.append("body")
            cursor = max(cursor, found + len(needle) - 1)
        else:
            labels.append("junk")
    return labels


def render(form: str, lines: list[str], headline: str, url: str) -> str:
    """The page text in ``form`` (``text`` or ``frontmatter``)."""
    if form == "text":
        return "\n".join(lines) + "\n"
    import yaml

    header = yaml.safe_dump({"title": headline, "url": url}, allow_unicode=True, sort_keys=False)
    return "---\n" + header + "---\n\n" + "\n\n".join(lines) + "\n"


def read_source(source: Path) -> tuple[dict[str, dict], callable]:  # type: ignore[valid-type]
    """The ground truth (page id -> ``url``, ``articleBody``) and a reader of each page's HTML,
    from a clone of ``scrapinghub/article-extraction-benchmark`` (``ground-truth.json``,
    ``html/<id>.html.gz``) or of ``AndyTheFactory/article-extraction-dataset``, which ships the
    same fields in the same layout (``articles.json``, ``html/<id>.html``)."""
    if (source / "ground-truth.json").is_file():
        truth = json.loads((source / "ground-truth.json").read_text(encoding="utf-8"))
        return truth, lambda page_id: gzip.decompress(
            (source / "html" / f"{page_id}.html.gz").read_bytes()
        )
    truth = json.loads((source / "articles.json").read_text(encoding="utf-8"))
    return truth, lambda page_id: (source / "html" / f"{page_id}.html").read_bytes()


def sha(text: str | bytes) -> str:
    data = text.encode("utf-8") if isinstance(text, str) else text
    return hashlib.sha256(data).hexdigest()


def line_rows(page_id: str, lines: list[str], labels: list[str]) -> list[dict]:
    """One ``lines.csv`` row per line of a page: its number, hash, label and a short excerpt
    (``checked`` is left for the hand check)."""
    return [
        {
            "page_id": page_id,
            "line": i,
            "sha256": sha(line),
            "label": label,
            "checked": "",
            "excerpt": line[:40],
        }
        for i, (line, label) in enumerate(zip(lines, labels, strict=True), start=1)
    ]


def candidates_by_site(
    truth: dict[str, dict],
    used: set[str],
    keep,
    source: Path | None = None,  # noqa: ANN001
) -> dict[str, list[str]]:
    """Each site's page ids in order (site: the URL's host without 'www.'), for sites not in
    ``used`` and pages whose body ``keep`` accepts; with ``source``, only pages whose HTML that
    clone stores (``html/<id>.html``)."""
    candidates: dict[str, list[str]] = {}
    for page_id in sorted(truth):
        site = urlparse(truth[page_id]["url"]).netloc.removeprefix("www.")
        stored = source is None or (source / "html" / f"{page_id}.html").is_file()
        if site not in used and stored and keep(truth[page_id]["articleBody"]):
            candidates.setdefault(site, []).append(page_id)
    return candidates


def one_page_per_site(
    candidates: dict[str, list[str]],
    truth: dict[str, dict],
    html_of,  # noqa: ANN001 - read_source's reader of a page's HTML
    *,
    n_pages: int,
    forms: tuple[str, ...],
    split: str,
) -> tuple[list[dict], list[dict]]:
    """How the fresh and untouched sets draw their pages: sites of ``candidates`` (site -> its
    page ids in order) in the order of the sha256 of their host name, each with its first page
    whose text dump holds three body lines or more (a site with none is skipped), the first
    ``n_pages``; forms rotate through ``forms``. Returns the ``pages.csv`` rows and the
    ``lines.csv`` rows (``label_lines``'s labels, before any hand check)."""
    sites = sorted(candidates, key=lambda s: hashlib.sha256(s.encode()).hexdigest())
    pages, lines_rows = [], []
    for site in sites:
        for page_id in candidates[site]:
            raw = html_of(page_id)
            lines, headline = text_lines(raw)
            labels = label_lines(lines, truth[page_id]["articleBody"], headline)
            if labels.count("body") >= 3:
                break
        else:
            continue  # no page of this site where the article region holds the article
        pages.append(
            {
                "page_id": page_id,
                "site": site,
                "url": truth[page_id]["url"],
                "html_sha256": sha(raw),
                "split": split,
                "form": forms[len(pages) % len(forms)],
            }
        )
        lines_rows.extend(line_rows(page_id, lines, labels))
        if len(pages) == n_pages:
            break
    return pages, lines_rows


def write_csv(path: Path, rows: list[dict]) -> None:
    """Write ``rows`` (dicts with the same keys) to ``path`` as CSV with a header."""
    with open(path, "w", encoding="utf-8", newline="") as f:
        writer = csv.DictWriter(f, fieldnames=list(rows[0]))
        writer.writeheader()
        writer.writerows(rows)


def load_pages(source: Path, folder: Path = HERE) -> list[dict]:
    """Every page of the set in ``folder`` (the dev set unless told), re-created: its row of
    ``pages.csv``, its lines with their labels (checked against ``lines.csv`` hash by hash), the
    file name and bytes in its form."""
    truth, html_of = read_source(source)
    with open(folder / PAGES.name, encoding="utf-8") as f:
        rows = list(csv.DictReader(f))
    with open(folder / LINES.name, encoding="utf-8") as f:
        labelled: dict[str, list[dict]] = {}
        for row in csv.DictReader(f):
            labelled.setdefault(row["page_id"], []).append(row)
    pages = []
    for row in rows:
        raw = html_of(row["page_id"])
        if sha(raw) != row["html_sha256"]:
            raise SystemExit(f"{row['page_id']}: the source HTML has changed (sha256 differs)")
        lines, headline = text_lines(raw)
        want = labelled[row["page_id"]]
        if [sha(line) for line in lines] != [w["sha256"] for w in want]:
            raise SystemExit(f"{row['page_id']}: re-created lines differ from lines.csv")
        if row["form"] == "html":
            name, data = f"{row['page_id'][:12]}.html", raw
        else:
            ext = ".md" if row["form"] == "frontmatter" else ".txt"
            text = render(row["form"], lines, headline, truth[row["page_id"]]["url"])
            name, data = f"{row['page_id'][:12]}{ext}", text.encode("utf-8")
        pages.append(
            {
                **row,
                "lines": lines,
                "labels": [w["label"] for w in want],
                "headline": headline,
                "truth": truth[row["page_id"]]["articleBody"],
                "name": name,
                "data": data,
            }
        )
    return pages


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--source", required=True, type=Path, help="clone of the public repo")
    parser.add_argument("--out", type=Path, default=Path("build/devset"))
    parser.add_argument(
        "--set", type=Path, default=HERE, help="the folder of pages.csv and lines.csv"
    )
    args = parser.parse_args(argv)
    for page in load_pages(args.source, args.set):
        folder = args.out / page["split"]
        folder.mkdir(parents=True, exist_ok=True)
        (folder / page["name"]).write_bytes(page["data"])
    print(f"wrote the pages to {args.out}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
