"""Input forms beyond a folder of ``.txt`` files with a manifest: what ``load_corpus`` accepts.

- :func:`infer_manifest`: a folder tree with no ``articles.csv``; the outlet comes from the
  first folder level (or ``outlet_from``), the ``article_id`` from the relative path;
- :func:`read_table`: a CSV, JSONL or Parquet table with one article per row (pandas and
  pyarrow read it), with a ``columns=`` mapping for other column names;
- :func:`extract_html`: an HTML page, whose article trafilatura extracts (text, title, author,
  date, url), with the page text it left out.

Each returns plain rows for :mod:`analysis.corpus`, which cleans them as it cleans a ``.txt``
file. Every problem raises :class:`analysis.CorpusError` naming the file (and the row, for
tables) and the problem.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping
from pathlib import Path

import pandas as pd

from analysis.encoding import CONTROL
from analysis.errors import CorpusError

#: File name endings read as articles in a folder tree.
ARTICLE_SUFFIXES = (".txt", ".md", ".markdown", ".html", ".htm")
#: Table file endings ``load_corpus`` reads as one article per row.
TABLE_SUFFIXES = (".csv", ".jsonl", ".ndjson", ".json", ".parquet")
#: A file with one of these stems (any case, any ending) documents a collection; it is never an
#: article (the BBC News dataset's ``README.TXT``, a ``LICENSE``).
DOCUMENTATION_STEMS = frozenset(
    {"readme", "license", "licence", "copying", "changelog", "notice", "authors", "citation"}
)
#: Columns of an article table (after ``columns=`` renaming). ``text`` and ``outlet`` are required.
TABLE_FIELDS = ("article_id", "outlet", "text", "headline", "published", "url", "byline")
UNKNOWN_OUTLET = "unknown"

OutletRule = str | Callable[[Path], str] | None


# --------------------------------------------------------------------------- folder trees


def is_documentation(path: Path) -> bool:
    """True for a README, LICENSE or similar file, or a hidden file: never an article."""
    return path.name.startswith(".") or path.stem.casefold() in DOCUMENTATION_STEMS


def article_files(folder: Path) -> list[Path]:
    """Every article file under ``folder`` (any depth), as paths relative to it, sorted.

    Article files end in one of :data:`ARTICLE_SUFFIXES` (any case); documentation files
    (:func:`is_documentation`) and anything inside a hidden folder are skipped.
    """
    found = []
    for path in folder.rglob("*"):
        relative = path.relative_to(folder)
        if any(part.startswith(".") for part in relative.parts[:-1]):
            continue
        suffix = path.suffix.casefold()
        if suffix in ARTICLE_SUFFIXES and not is_documentation(path) and path.is_file():
            found.append(relative)
    return sorted(found, key=lambda p: p.as_posix())


def outlet_of(relative: Path, rule: OutletRule = "folder") -> str:
    """The outlet of the article at ``relative``: ``"folder"`` takes the first folder level
    (``bbc/business/001.txt`` -> ``business``), ``"parent"`` the folder the file is in, a
    callable is given the relative path; a file at the top, or ``rule=None``, gives
    ``"unknown"``."""
    if rule is None:
        return UNKNOWN_OUTLET
    if callable(rule):
        return str(rule(relative))
    if len(relative.parts) < 2:
        return UNKNOWN_OUTLET
    if rule == "folder":
        return relative.parts[0]
    if rule == "parent":
        return relative.parts[-2]
    raise CorpusError(f"outlet_from={rule!r}: use 'folder', 'parent', a function or None")


def infer_manifest(folder: Path, *, outlet_from: OutletRule = "folder") -> pd.DataFrame:
    """The manifest a folder tree without ``articles.csv`` implies: one row per article file
    with ``article_id`` (the relative path without its ending), ``file`` and ``outlet``.

    Two files whose ids collide (``a.txt`` and ``a.md``) raise :class:`CorpusError` naming both.
    """
    files = article_files(folder)
    if not files:
        raise CorpusError(
            f"{folder}: no articles (no articles.csv and no {'/'.join(ARTICLE_SUFFIXES)} files)"
        )
    rows = []
    seen: dict[str, Path] = {}
    for relative in files:
        article_id = relative.with_suffix("").as_posix()
        if article_id in seen:
            raise CorpusError(
                f"{folder}: duplicate article_id {article_id!r} from files "
                f"{seen[article_id].as_posix()!r} and {relative.as_posix()!r}"
            )
        seen[article_id] = relative
        rows.append(
            {
                "article_id": article_id,
                "file": relative.as_posix(),
                "outlet": outlet_of(relative, outlet_from),
            }
        )
    return pd.DataFrame(rows)


def skipped_files(folder: Path) -> list[str]:
    """Documentation files at any depth of ``folder`` that an inferred manifest leaves out."""
    return sorted(
        p.relative_to(folder).as_posix()
        for p in folder.rglob("*")
        if p.is_file() and not p.name.startswith(".") and p.stem.casefold() in DOCUMENTATION_STEMS
    )


# --------------------------------------------------------------------------- tables


def read_table(path: Path, *, columns: Mapping[str, str] | None = None) -> list[dict[str, object]]:
    """The rows of an article table: CSV, JSONL (``.jsonl``/``.ndjson``; ``.json`` as records
    or lines) or Parquet.

    ``columns`` renames the table's columns to the suite's (``{"title": "headline",
    "media_name": "outlet", "publish_date": "published"}``). A ``text`` and an ``outlet`` column
    are required; ``article_id`` defaults to ``<table stem>-<row>`` (row numbers from 1), and the
    other columns go into the article's row as manifest columns do. Each row is returned with
    its 1-based ``row`` number. Raises :class:`CorpusError` for an unreadable table, a mapping
    that names a missing column, a missing ``text``/``outlet`` column, an empty text cell or a
    duplicate ``article_id``, naming the file and the rows.
    """
    table = _read_frame(path)
    columns = dict(columns or {})
    absent = sorted(set(columns) - set(table.columns))
    if absent:
        raise CorpusError(
            f"{path}: columns= names column(s) {absent} that the table does not have "
            f"(it has {list(table.columns)})"
        )
    table = table.rename(columns=columns)
    for required in ("text", "outlet"):
        if required not in table.columns:
            hint = "" if required == "outlet" else " (map yours with columns={'body': 'text'})"
            raise CorpusError(
                f"{path}: no {required!r} column{hint}; the table has {list(table.columns)}"
            )
    table = table.astype(object).where(table.notna(), "")
    texts = table["text"].map(lambda v: v if isinstance(v, str) else str(v))
    empty = [i + 1 for i, text in enumerate(texts) if not text.strip()]
    if empty:
        raise CorpusError(f"{path}: empty text in row(s) {empty[:20]}")
    if "article_id" not in table.columns or (table["article_id"].astype(str) == "").all():
        table["article_id"] = [f"{path.stem}-{i}" for i in range(1, len(table) + 1)]
    ids = table["article_id"].astype(str)
    blank = [i + 1 for i, v in enumerate(ids) if not v.strip()]
    if blank:
        raise CorpusError(f"{path}: empty article_id in row(s) {blank[:20]}")
    dupes = ids[ids.duplicated(keep=False)]
    if len(dupes):
        rows = [int(i) + 1 for i in dupes.index]
        raise CorpusError(
            f"{path}: duplicate article_id(s) {sorted(set(dupes))[:20]} in rows {rows[:20]}"
        )
    records = []
    for i, record in enumerate(table.to_dict("records"), start=1):
        row = {k: (v if isinstance(v, str) else str(v)) for k, v in record.items()}
        row["text"] = texts.iloc[i - 1]
        row["row"] = i
        row.setdefault("file", path.name)
        if not row["file"]:
            row["file"] = path.name
        records.append(row)
    return records


def _read_frame(path: Path) -> pd.DataFrame:
    suffix = path.suffix.casefold()
    try:
        if suffix == ".csv":
            return pd.read_csv(path, dtype=str, keep_default_na=False, encoding="utf-8")
        if suffix in (".jsonl", ".ndjson"):
            return pd.read_json(path, lines=True, dtype=False)
        if suffix == ".json":
            try:
                return pd.read_json(path, dtype=False)
            except ValueError:
                return pd.read_json(path, lines=True, dtype=False)
        if suffix == ".parquet":
            return pd.read_parquet(path)
    except FileNotFoundError:
        raise CorpusError(f"{path}: file not found") from None
    except (ValueError, OSError, UnicodeDecodeError) as exc:  # pandas/pyarrow parse errors
        first = str(exc).splitlines()[0] if str(exc) else type(exc).__name__
        raise CorpusError(f"{path}: not a readable {suffix[1:]} table ({first})") from None
    raise CorpusError(f"{path}: unknown table type {suffix!r} (use {', '.join(TABLE_SUFFIXES)})")


# --------------------------------------------------------------------------- HTML

_HTML = re.compile(
    r"\A\s*(?:<\?xml[^>]*>\s*)?(?:<!--.*?-->\s*)*(?:<!doctype\s+html|<html[\s>]|<head[\s>]|<body[\s>])",
    re.IGNORECASE | re.DOTALL,
)


def looks_like_html(text: str) -> bool:
    """True when ``text`` opens like an HTML page (doctype, ``<html>``, ``<head>`` or ``<body>``)."""
    return _HTML.match(text[:5000]) is not None


#: Elements whose text a reader never sees (left out of the page text compared with the article).
_INVISIBLE = ("script", "style", "noscript", "template", "svg", "head", "iframe", "select")


def page_lines(html: str) -> list[str]:
    """The visible text of an HTML page, one line per text node run (whitespace collapsed)."""
    import lxml.etree
    import lxml.html

    try:
        root = lxml.html.document_fromstring(re.sub(r"\A\s*<\?xml[^>]*>", "", html))
    except (lxml.etree.ParserError, ValueError):
        return []
    for element in list(root.iter(*_INVISIBLE, lxml.etree.Comment)):
        if element.getparent() is not None:
            element.drop_tree()
    lines = []
    for piece in root.itertext():
        line = " ".join(piece.split())
        if line:
            lines.append(line)
    return lines


_EMBEDDED_POST = (
    '//blockquote[contains(concat(" ", normalize-space(@class), " "), " twitter-tweet ")]'
)


def unwrap_embedded_posts(html: str) -> str:
    """``html`` with each embedded social-media post (Twitter's standard embed markup,
    ``<blockquote class="twitter-tweet">``) made a plain ``<blockquote>`` in place of the
    wrappers that hold only it.

    trafilatura drops a post together with its widget wrappers (classed 'social', 'embed',
    'tweet'), but a post that an article embeds is what the article quotes: the text around it
    reads "a whole lot of people on Twitter pointed it out:". The page itself is not changed;
    this is the copy handed to the extractor. Returns ``html`` unchanged if it has no post or
    does not parse.
    """
    if "twitter-tweet" not in html:
        return html
    import lxml.etree
    import lxml.html

    try:
        root = lxml.html.document_fromstring(re.sub(r"\A\s*<\?xml[^>]*>", "", html))
    except (lxml.etree.ParserError, ValueError):
        return html
    for post in root.xpath(_EMBEDDED_POST):
        text = " ".join(post.text_content().split())
        wrapper = post
        parent = post.getparent()
        while (
            parent is not None
            and parent.tag not in ("body", "article", "main")
            and " ".join(parent.text_content().split()) == text
        ):
            wrapper, parent = parent, parent.getparent()
        post.attrib.clear()
        if wrapper is not post:
            post.tail = wrapper.tail
            wrapper.addprevious(post)
            wrapper.getparent().remove(wrapper)
    return lxml.html.tostring(root, encoding="unicode")


#: Elements that hold blocks: text written straight into one, beside its blocks, is a paragraph
#: of its own (a browser's anonymous block), which trafilatura does not read.
_CONTAINERS = ("div", "section", "article", "main", "td", "blockquote")
#: Elements that start a block of their own; anything else (a link, emphasis) flows in the text.
_BLOCKS = frozenset({
    "p", "div", "section", "article", "main", "aside", "header", "footer", "nav", "ul", "ol",
    "dl", "table", "figure", "blockquote", "h1", "h2", "h3", "h4", "h5", "h6", "pre", "form",
    "hr", "br", "address", "details",
})  # fmt: skip
#: A bare text run is wrapped only when it is prose: this many words or more, ending a sentence.
BARE_TEXT_MIN_WORDS = 8


def wrap_bare_text(html: str) -> str:
    """``html`` with each run of prose written straight into a container beside its blocks
    (``<section>We bring you the best deals … early.<p></p><h2>…``) wrapped in a ``<p>``.

    A browser shows such a run as a paragraph of its own, but trafilatura reads text inside
    paragraphs, headings, lists and tables and drops it: a deals page (ign.com) lost its whole
    lead that way. Only runs of ``BARE_TEXT_MIN_WORDS`` words or more that end a sentence are
    wrapped, so a bare 'Updated: 18 Nov' label stays as it was. The page itself is not changed;
    this is the copy handed to the extractor. Returns ``html`` unchanged if it does not parse.
    """
    import lxml.etree
    import lxml.html

    try:
        root = lxml.html.document_fromstring(re.sub(r"\A\s*<\?xml[^>]*>", "", html))
    except (lxml.etree.ParserError, ValueError):
        return html
    wrapped = 0
    for container in list(root.iter(*_CONTAINERS)):
        if any(_is_block(child) for child in container):
            # the last run first, so that the earlier runs' child positions still hold
            wrapped += sum(_wrap_run(container, run) for run in _bare_runs(container)[::-1])
    return lxml.html.tostring(root, encoding="unicode") if wrapped else html


def _is_block(element) -> bool:  # noqa: ANN001 - an lxml element
    return isinstance(element.tag, str) and element.tag in _BLOCKS


def _bare_runs(container) -> list[tuple[int, int]]:  # noqa: ANN001 - an lxml element
    """The runs of inline content between ``container``'s blocks, as ``(start, end)``: the run
    opens after child ``start - 1`` (-1: the container's own text) and takes the children
    ``start`` to ``end - 1``, which are not blocks."""
    children = list(container)
    runs, start = [], 0
    for i, child in enumerate([*children, None]):
        if child is None or _is_block(child):
            runs.append((start, i))
            start = i + 1
    return runs


_MARKUP = re.compile(r"</?[a-zA-Z]")


def _is_bare_prose(text: str, bare: str) -> bool:
    """True for a run's ``text`` that is prose written mostly straight into its container
    (``bare``, its text outside any element, holds half its words or more; not the text of
    hidden structured-data spans), with no markup in it (a page's article kept as escaped HTML
    inside a text node), of ``BARE_TEXT_MIN_WORDS`` words or more and ending a sentence."""
    from .clean import ends_sentence

    n_words = len(text.split())
    return (
        n_words >= BARE_TEXT_MIN_WORDS
        and 2 * len(bare.split()) >= n_words
        and ends_sentence(text)
        and _MARKUP.search(text) is None
    )


def _wrap_run(container, run: tuple[int, int]) -> bool:  # noqa: ANN001 - an lxml element
    """Wrap one run of ``_bare_runs`` in a ``<p>`` if it is prose; True when it was."""
    import copy

    import lxml.html

    start, end = run
    children = list(container)
    lead = container.text if start == 0 else children[start - 1].tail
    inline = children[start:end]
    bare = " ".join([lead or "", *(child.tail or "" for child in inline)])
    pieces = [lead or ""] + [
        lxml.html.tostring(c, method="text", encoding="unicode") for c in inline
    ]
    if not _is_bare_prose(" ".join("".join(pieces).split()), bare):
        return False
    paragraph = lxml.html.Element("p")
    paragraph.text = lead
    for child in inline:
        paragraph.append(copy.deepcopy(child))  # with its tail, the text after it
        container.remove(child)
    if start == 0:
        container.text = None
        container.insert(0, paragraph)
    else:
        children[start - 1].tail = None
        children[start - 1].addnext(paragraph)
    return True


#: trafilatura's options for an article body: no comments or images, tables kept, no
#: deduplication (its cache is shared by every page a process reads).
_EXTRACTION = {
    "include_comments": False,
    "include_images": False,
    "include_tables": True,
    "deduplicate": False,
}


def readability_paragraphs(html: str) -> list[str]:
    """The article of ``html`` as readability (the fallback extractor trafilatura ships, in
    ``trafilatura.external``) finds it, one paragraph per item, split by trafilatura so that
    they read as its own paragraphs do. Empty when readability finds nothing."""
    import lxml.html
    import trafilatura
    from trafilatura.external import try_readability

    tree = trafilatura.load_html(html)
    article = try_readability(tree) if tree is not None else None
    if article is None:
        return []
    body = "<html><body>" + lxml.html.tostring(article, encoding="unicode") + "</body></html>"
    text = trafilatura.extract(body, favor_recall=True, **_EXTRACTION) or ""
    return [line for line in (" ".join(raw.split()) for raw in text.splitlines()) if line]


#: Readability's article replaces trafilatura's when it holds this many times its prose (and
#: ``PROSE_MARGIN`` words more): trafilatura took another region of the page.
PROSE_RATIO = 2
PROSE_MARGIN = 50


def prose_words(paragraphs: list[str]) -> int:
    """The words of the paragraphs that read as prose: eight words or more, ending a sentence."""
    from analysis.clean import ends_sentence

    counts = (len(p.split()) for p in paragraphs if ends_sentence(p))
    return sum(n for n in counts if n >= 8)


def union_of_extractions(kept: list[str], second: list[str]) -> list[str]:
    """trafilatura's paragraphs ``kept`` with readability's ``second`` that it missed
    (``add_missed_paragraphs``); but readability's, with trafilatura's that it missed, when
    they hold ``PROSE_RATIO`` times the prose (``prose_words``): on a tennis.com page of 2023
    trafilatura took the related-stories list (24 words of prose) for the article (162)."""
    if prose_words(second) > PROSE_RATIO * prose_words(kept) + PROSE_MARGIN:
        kept, second = second, kept
    return add_missed_paragraphs(kept, second)


def add_missed_paragraphs(kept: list[str], second: list[str]) -> list[str]:
    """``kept`` (the extractor's paragraphs, in page order) with the paragraphs of a second
    extraction, ``second``, that it missed inside the article, each put after the paragraph
    both share before it (paragraphs are matched with their whitespace collapsed).

    The article in ``second`` runs from its start to the last paragraph both extractions kept;
    a paragraph of ``second`` after that is left out, and so is all of ``second`` when the two
    share no paragraph (they found different articles). trafilatura chooses one extraction
    per page (its own or a fallback's) and so can lose a page's lead paragraph when it is a
    bare text node before the first ``<br>`` (macrumors.com); readability keeps it.
    """
    where = {" ".join(p.split()): i for i, p in enumerate(kept)}
    second = [" ".join(p.split()) for p in second if p.strip()]
    shared = [i for i, p in enumerate(second) if p in where]
    if not shared:
        return kept
    before: dict[int, list[str]] = {}  # kept index -> missed paragraphs to put before it
    anchor = where[second[shared[0]]]
    for paragraph in second[: shared[-1] + 1]:
        if paragraph in where:
            anchor = where[paragraph] + 1
        else:
            before.setdefault(anchor, []).append(paragraph)
    merged: list[str] = []
    for i, paragraph in enumerate([*kept, None]):
        merged.extend(before.get(i, []))
        if paragraph is not None:
            merged.append(paragraph)
    return merged


def extract_html(html: str, *, name: str) -> tuple[str, dict[str, str], list[tuple[str, int]]]:
    """The article in an HTML page, by trafilatura: ``(text, metadata, left_out)``; embedded
    posts the article quotes are kept (``unwrap_embedded_posts``), and paragraphs inside the
    article that readability found and trafilatura missed are added
    (``add_missed_paragraphs``).

    ``text`` has one paragraph per line. ``metadata`` has ``headline``, ``byline``,
    ``dateline`` (the date trafilatura found, ISO), ``url`` and ``standfirst`` (the page's
    description) where the page gives them. ``left_out`` lists the page's visible text pieces
    that are in neither the article text nor the metadata, each with its offset in ``html``
    (-1 when it is not there verbatim, e.g. written with entities): what the extraction took
    out, as far as trafilatura lets it be seen (it reports what it kept, not what it dropped).
    Raises :class:`CorpusError` when trafilatura finds no article.
    """
    import trafilatura

    html = CONTROL.sub(" ", html)  # lxml refuses them; a space keeps every offset
    page = wrap_bare_text(unwrap_embedded_posts(html))
    document = trafilatura.bare_extraction(page, with_metadata=True, **_EXTRACTION)
    text = (getattr(document, "text", None) or "").strip() if document is not None else ""
    if not text:
        raise CorpusError(f"{name}: HTML page with no extractable article text (trafilatura)")
    text = "\n".join(union_of_extractions(text.splitlines(), readability_paragraphs(page)))
    fields = {
        "headline": document.title,
        "byline": document.author,
        "dateline": document.date,
        "url": document.url,
        "standfirst": document.description,
    }
    metadata = {k: " ".join(str(v).split()) for k, v in fields.items() if v and str(v).strip()}
    kept = " ".join(text.split()) + " " + " ".join(metadata.values())
    left_out = []
    cursor = 0
    for line in page_lines(html):
        if line in kept:
            continue
        position = html.find(line, cursor)
        if position >= 0:
            cursor = position + len(line)
        left_out.append((line, position))
    return text, metadata, left_out
