"""Separate a scraped news article's body from its metadata and web junk, recording every removal.

``clean_text`` takes the decoded text of one article (BOM stripped, line endings ``"\\n"``) and
returns a :class:`CleanedText`: the body paragraphs, the metadata found around them (topic,
headline, standfirst, byline, dateline, url, credits) and a log of every removed piece with the
reason and its character offset in the input. The input is never changed; every removed
piece is recorded verbatim, so that ``text[r.position:r.position + len(r.text)] == r.text`` holds
for every :class:`Removal` ``r``, and every letter and digit of the input ends up in exactly one
of paragraphs, metadata values and removals. The one documented exception is a
``standfirst-repeat``: the input holds the paragraph twice, the body and the ``standfirst-repeat``
removals hold one copy each, and the metadata standfirst holds a third, derived copy.

The rules are small pure functions (``str -> str`` or ``str -> bool``) with keyword-only
options; :data:`STEPS` composes them, in order, over an internal draft that keeps track of where
each character came from. Word lists live in ``analysis/lexicons/boilerplate.yml``, read once,
lazily, by :func:`lexicon`.

The rules are general: none is keyed to an outlet. They err on the side of keeping text: a line
is removed only when its form is unambiguous (a caption ends in a credit, a related link has an
opener and a separator, a boilerplate line is short and matches the list).
"""

from __future__ import annotations

import bisect
import functools
import re
import unicodedata
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, replace
from typing import TypeVar

from analysis.lexicon import read_lexicon
from analysis.paths import LEXICONS

LEXICON_PATH = LEXICONS / "boilerplate.yml"

REASONS: dict[str, str] = {
    "link-markup": "link syntax: `[`, `](target)` or an autolink's `<` `>`; the link text is kept",
    "emphasis": "bold/italic markers `**`, `__`, `*`, `_`; the emphasised words are kept",
    "heading-marker": "a markdown `#` heading marker at the start of a line",
    "caption": "a photo or graphic caption ending in a credit (©, 'Photograph: …', agency)",
    "duplicate-caption": "a caption repeating the caption just before it",
    "related-link": "a teaser for another article: an opener and a separator ('Also Read | …')",
    "boilerplate": "site chrome: 'Advertisement', 'Skip to content', 'Follow us on …' and the like",
    "relative-date": "a scrape-time relative date ('YESTERDAY', '2 HOURS AGO'), wrong once stored",
    "field-label": "a label whose value went to metadata ('By' before a byline, 'Original url:')",
    "standfirst-repeat": "a standfirst repeating a later body paragraph; the body keeps that copy",
    "repeated-fragment": "a page-break fragment that the next paragraph repeats in full",
    "front-matter": "a YAML front matter's delimiters and the fields that are not metadata",
    "title-repeat": "a heading that repeats the title the front matter or HTML page gave",
    "link-run": "a run of short link-like lines: a menu or a related-story list",
    "teaser-list": "a story list below the article: headlines, each over a one-sentence teaser",
    "reading-time": "a reading-time line ('• 2 min read')",
    "stray-date": "a line that is only a date or time below the header: page furniture",
    "copyright": "a copyright notice that does not end the article: a site footer",
    "no-words": "a short line with no letters ('553', '85%'): counters and table cells",
    "repeated-line": "a short line the page printed before: teasers, share bars, labels",
    "glued-teaser": "a teaser glued into one line: a headline, then a dateline and a lead",
    "not-extracted": "HTML page text that the article extractor (trafilatura) left out",
    "reader-prompt": "the site speaking to its reader: newsletter, comment and tip prompts",
    "photo-credit": "a photo credit on its own line ('Jane Doe/Getty Images', 'Courtesy of …')",
    "credited-caption": "a caption sentence just above a photo credit that names a photographer",
    "contact-line": "an author's e-mail address or @handle on its own line, with the name",
    "author-box": "an author box below the article: a name line and a job line ('Staff Writer')",
    "author-bio": "an author bio ('Jane Doe is a freelance writer …') at the foot of the article",
}

_T = TypeVar("_T")

METADATA_KEYS = (
    "topic",
    "headline",
    "standfirst",
    "byline",
    "dateline",
    "url",
    "credits",
    "front_matter",
)
"""The metadata fields ``clean_text`` may fill, in the order ``CleanedText.metadata`` lists them.
``front_matter`` holds a front matter that is not valid YAML, raw, so that nothing is lost."""

_SEPARATOR = " | "  # joins several values of one metadata field (e.g. two credit lines)


@dataclass(frozen=True)
class Removal:
    """One piece of the input that is not in the body, and why."""

    text: str  # the exact removed text, as it stood in the input
    reason: str  # a key of REASONS
    position: int  # character offset in the input text where the removed text starts


@dataclass(frozen=True)
class CleanedText:
    """The body of one article, its metadata and the log of everything removed."""

    paragraphs: tuple[str, ...]  # body paragraphs, in order
    metadata: dict[str, str]  # topic, headline, standfirst, byline, dateline, url, credits
    removed: tuple[Removal, ...]  # in order of position


# ---------------------------------------------------------------------------------------------
# Lexicon: read once, lazily
# ---------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Lexicon:
    """The word lists of ``boilerplate.yml``, compiled into the sets and patterns the rules use."""

    boilerplate_lines: frozenset[str]
    boilerplate_prefixes: tuple[str, ...]
    boilerplate_suffixes: tuple[str, ...]
    notice_prefixes: tuple[str, ...]
    related_link: re.Pattern[str]
    caption_label: re.Pattern[str]
    inline_credit_label: re.Pattern[str]  # a credit label after a title: 'iPhone 11 Credit: Apple'
    caption_openers: tuple[str, ...]
    agency: re.Pattern[str]
    relative_date: re.Pattern[str]  # the whole text is a relative date
    relative_date_tail: re.Pattern[str]  # a relative date ending the text, in group 1
    credit_openers: tuple[str, ...]
    credit_closers: tuple[str, ...]
    copyright_markers: tuple[str, ...]
    source_label: re.Pattern[str]
    dateline: re.Pattern[str]
    name_particles: frozenset[str]
    front_matter_fields: dict[str, str]  # front-matter key (casefolded) -> metadata field
    prompt_site: re.Pattern[str]  # the site speaking of itself: 'our', 'this site'
    prompt_service: re.Pattern[str]  # 'newsletter', 'comments', 'sign up'
    prompt_alone: re.Pattern[str]  # a disclosure that needs no site word
    reporting: re.Pattern[str]  # 'said', 'told': prose reporting speech
    social_networks: re.Pattern[str]
    share_bar_words: frozenset[str]  # casefolded
    author_roles: frozenset[str]
    credit_only_openers: tuple[str, ...]


def _alternation(items: Iterable[str], *, flexible_space: bool = False) -> str:
    """A regex alternation of literal items, longest first so that 'Getty Images' beats 'Getty'."""
    escaped = [re.escape(item) for item in sorted(set(items), key=len, reverse=True)]
    if flexible_space:
        escaped = [item.replace(r"\ ", r"\s+") for item in escaped]
    return "|".join(escaped)


@functools.cache
def lexicon() -> Lexicon:
    """Load and compile ``analysis/lexicons/boilerplate.yml`` (once; never at import time)."""
    data = read_lexicon(LEXICON_PATH)

    def items(key: str) -> list[str]:
        return [str(item) for item in data[key]["items"]]

    rel = data["relative_dates"]
    relative = (
        rf"(?:{_alternation(rel['phrases'], flexible_space=True)}"
        rf"|(?:\d{{1,3}}|an?)\s+(?:{_alternation(rel['units'])})s?\s+ago)"
    )
    months = _alternation(items("months"))
    weekdays = _alternation(items("weekdays"))
    day = r"\d{1,2}(?:st|nd|rd|th)?"
    date = (
        rf"(?:(?:{months})\.?\s+{day},?\s+\d{{4}}|{day}\s+(?:{months})\.?,?\s+\d{{4}}"
        r"|\d{4}-\d{2}-\d{2}|\d{1,2}/\d{1,2}/\d{2,4})"
    )
    clock_core = r",?\s+(?:at\s+)?\d{1,2}[:.]\d{2}(?:\s*[ap]\.?m\.?)?(?:\s+[A-Z]{2,5})?"
    clock = rf"(?:{clock_core})?"
    # 'Dec 23, 1:21 PM': a day without its year is a date only with a clock time after it
    yearless = rf"(?:{months})\.?\s+{day}(?:\s+[-–—])?{clock_core}"
    prefix = rf"(?:(?:{_alternation(items('dateline_prefixes'))})(?:\s+on)?:?\s+)?"
    # 'Published 10:02 AM EST Nov 19, 2019', 'PUBLISHED: 10:48, Tue, Nov 19, 2019'
    lead_clock = r"(?:\d{1,2}[:.]\d{2}(?:\s*[ap]\.?m\.?)?(?:\s+[A-Z]{2,5})?,?\s+)?"
    return Lexicon(
        boilerplate_lines=frozenset(_norm_line(line) for line in items("boilerplate_lines")),
        boilerplate_prefixes=tuple(p.casefold() for p in items("boilerplate_prefixes")),
        boilerplate_suffixes=tuple(p.casefold() for p in items("boilerplate_suffixes")),
        notice_prefixes=tuple(p.casefold() for p in items("notice_prefixes")),
        related_link=re.compile(
            rf"[\[(]?(?:{_alternation(items('related_link_openers'), flexible_space=True)})"
            r"\s*[|:>»›–—-]+\s*\S",
            re.IGNORECASE,
        ),
        caption_label=re.compile(
            rf"(?:^|(?<=[.!?”\"’)\]] )|(?<=[a-z][.!?]))(?:{_alternation(items('caption_markers'))})"
            r"\s*(?P<credit>\S.{0,200})$"
        ),
        inline_credit_label=re.compile(
            rf"\s(?:{_alternation(items('inline_credit_labels'))})\s*(?P<credit>\S.{{0,200}})$"
        ),
        caption_openers=tuple(items("caption_openers")),
        agency=re.compile(rf"(?<![\w-])(?:{_alternation(items('agencies'))})(?![\w-])"),
        relative_date=re.compile(rf"(?:updated\s+)?{relative}{clock}", re.IGNORECASE),
        relative_date_tail=re.compile(rf"\s((?:updated\s+)?{relative})\W{{0,3}}$", re.IGNORECASE),
        credit_openers=tuple(item.casefold() for item in items("credit_openers")),
        credit_closers=tuple(item.casefold() for item in items("credit_closers")),
        copyright_markers=tuple(item.casefold() for item in items("copyright_markers")),
        source_label=re.compile(
            rf"\s*(?P<label>(?:{_alternation(items('source_labels'), flexible_space=True)})\s*:)"
            r"\s*(?P<url>\S*)\s*",
            re.IGNORECASE,
        ),
        dateline=re.compile(
            rf"(?:[|•–—-]\s*)?{prefix}{lead_clock}(?:(?:{weekdays})\.?,?\s+)?"
            rf"(?:{date}(?:\s+[-–—])?{clock}|{yearless})\.?",
            re.IGNORECASE,
        ),
        name_particles=frozenset(item.casefold() for item in items("name_particles")),
        front_matter_fields={
            str(key).casefold(): field
            for field, keys in data["front_matter_fields"]["fields"].items()
            for key in keys
        },
        prompt_site=_words_pattern(items("prompt_site_words"), ignore_case=False),
        prompt_service=_words_pattern(items("prompt_services")),
        prompt_alone=_words_pattern(items("prompt_disclosures")),
        reporting=_words_pattern(items("reporting_verbs")),
        social_networks=_words_pattern(items("social_networks"), ignore_case=False),
        share_bar_words=frozenset(item.casefold() for item in items("share_bar_words")),
        author_roles=frozenset(item.casefold() for item in items("author_roles")),
        credit_only_openers=tuple(item.casefold() for item in items("credit_only_openers")),
    )


def _words_pattern(items: Iterable[str], *, ignore_case: bool = True) -> re.Pattern[str]:
    """A pattern matching any of ``items`` as whole words: in any case, or (``ignore_case``
    False) as written or capitalised, so that 'us' and 'Us' match and 'US' does not."""
    if not ignore_case:
        items = [form for item in items for form in (item, item[:1].upper() + item[1:])]
    return re.compile(
        rf"(?<![\w-])(?:{_alternation(items, flexible_space=True)})(?![\w-])",
        re.IGNORECASE if ignore_case else 0,
    )


# ---------------------------------------------------------------------------------------------
# Text with its origin: the bookkeeping that lets every removal carry its input offset
# ---------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class _Span:
    """Text cut out of the input, with the input offset of each of its contiguous segments.

    ``starts[k]`` is where segment k begins in ``text``; ``origins[k]`` is where that segment
    begins in the input, or -1 for a synthetic joiner (the space put between joined lines).
    """

    text: str
    starts: tuple[int, ...]
    origins: tuple[int, ...]


def _span(text: str, position: int) -> _Span:
    return _Span(text, (0,), (position,))


def _pieces(span: _Span, start: int, end: int) -> Iterable[tuple[int, int, int]]:
    """The part [start, end) of ``span`` split where it is not contiguous in the input.

    Yields (start, end, origin of start) per piece; origin is -1 inside a joiner.
    """
    k = bisect.bisect_right(span.starts, start) - 1
    while start < end:
        seg_end = span.starts[k + 1] if k + 1 < len(span.starts) else len(span.text)
        stop = min(end, seg_end)
        if stop > start:
            origin = span.origins[k]
            yield start, stop, (origin + start - span.starts[k] if origin >= 0 else -1)
        start = stop
        k += 1


def _cut(span: _Span, cuts: Sequence[tuple[int, int, str]]) -> tuple[_Span, tuple[Removal, ...]]:
    """Delete the ranges ``cuts`` (start, end, reason; sorted, disjoint) from ``span``.

    Returns the remaining span and one Removal per contiguous input piece that was deleted,
    trimmed of surrounding whitespace (whitespace is never recorded).
    """
    if not cuts:
        return span, ()
    removed: list[Removal] = []
    text_parts: list[str] = []
    starts: list[int] = []
    origins: list[int] = []
    length = 0
    kept_from = 0

    def keep(a: int, b: int) -> None:
        nonlocal length
        for x, y, origin in _pieces(span, a, b):
            starts.append(length)
            origins.append(origin)
            text_parts.append(span.text[x:y])
            length += y - x

    for a, b, reason in cuts:
        keep(kept_from, a)
        for x, y, origin in _pieces(span, a, b):
            piece = span.text[x:y]
            stripped = piece.strip()
            if stripped and origin >= 0:
                lead = len(piece) - len(piece.lstrip())
                removed.append(Removal(stripped, reason, origin + lead))
        kept_from = b
    keep(kept_from, len(span.text))
    if not starts:
        return _Span("", (0,), (-1,)), tuple(removed)
    return _Span("".join(text_parts), tuple(starts), tuple(origins)), tuple(removed)


def _trim(span: _Span) -> _Span:
    """``span`` without leading and trailing whitespace."""
    text = span.text
    lead = len(text) - len(text.lstrip())
    tail = len(text.rstrip())
    cuts = [c for c in ((0, lead, ""), (tail, len(text), "")) if c[1] > c[0]]
    return _cut(span, cuts)[0] if cuts else span


def _concat(spans: Sequence[_Span]) -> _Span:
    """The spans joined with single spaces (joiners have no input origin)."""
    text_parts: list[str] = []
    starts: list[int] = []
    origins: list[int] = []
    length = 0
    for i, span in enumerate(spans):
        if i:
            text_parts.append(" ")
            starts.append(length)
            origins.append(-1)
            length += 1
        starts.extend(length + s for s in span.starts)
        origins.extend(span.origins)
        text_parts.append(span.text)
        length += len(span.text)
    return _Span("".join(text_parts), tuple(starts), tuple(origins))


# ---------------------------------------------------------------------------------------------
# Inline markup rules: each finds the ranges to delete; public str -> str wrappers apply them
# ---------------------------------------------------------------------------------------------

_Cuts = list[tuple[int, int, str]]

_HEADING = re.compile(r"[ \t]{0,3}(#{1,6})(?:[ \t]+|$)")
_LINK = re.compile(r"(!?\[)[^\[\]\n]{0,1000}(\]\([^()\s]{0,2000}(?:\s+\"[^\"\n]{0,200}\")?\))")
_AUTOLINK = re.compile(r"(<)(?:https?|ftp)://[^\s<>]{1,2000}(>)")
_STRONG = re.compile(r"(?<![\w*\\])(\*\*|__)(?=[^\s*_])[^\n]{0,500}?[^\s*_\\](\1)(?![\w*])")
_EM = re.compile(r"(?<![\w*\\])([*_])(?=[^\s*_])(?:[^\n]{0,500}?[^\s*_\\])?(\1)(?![\w*])")


def _heading_cuts(text: str) -> _Cuts:
    match = _HEADING.match(text)
    return [(match.start(1), match.end(1), "heading-marker")] if match else []


def _paired_cuts(pattern: re.Pattern[str], reason: str) -> Callable[[str], _Cuts]:
    def find(text: str) -> _Cuts:
        cuts: _Cuts = []
        for match in pattern.finditer(text):
            cuts.append((match.start(1), match.end(1), reason))
            cuts.append((match.start(2), match.end(2), reason))
        return cuts

    return find


_link_cuts = _paired_cuts(_LINK, "link-markup")
_autolink_cuts = _paired_cuts(_AUTOLINK, "link-markup")
_strong_cuts = _paired_cuts(_STRONG, "emphasis")
_em_cuts = _paired_cuts(_EM, "emphasis")

# Order matters: links go before emphasis so that an underscore inside a link target is never
# read as an italic marker, and bold before italic so that '**' is not read as two '*'.
_MARKUP_FINDERS: tuple[Callable[[str], _Cuts], ...] = (
    _heading_cuts,
    _link_cuts,
    _autolink_cuts,
    _strong_cuts,
    _em_cuts,
)


def _strip(
    span: _Span, finders: Iterable[Callable[[str], _Cuts]]
) -> tuple[_Span, tuple[Removal, ...]]:
    removed: list[Removal] = []
    for find in finders:
        span, found = _cut(span, find(span.text))
        removed.extend(found)
    return span, tuple(removed)


def strip_markdown_links(text: str) -> str:
    """Replace ``[text](target)`` by ``text`` and ``<https://…>`` by the bare address.

    Scraped articles keep the link syntax of their HTML-to-markdown conversion; the words are
    part of the article, the brackets and targets are not. Bracketed insertions that are not
    links ("pursu[ing]", "[Ukraine]") are left alone.
    """
    return _strip(_span(text, 0), (_link_cuts, _autolink_cuts))[0].text


def strip_emphasis(text: str) -> str:
    """Remove paired bold/italic markers (``**x**``, ``__x__``, ``*x*``, ``_x_``), keeping ``x``.

    Emphasis is typography, not wording. Unpaired stars and underscores inside words
    (``snake_case``, ``5 * 3``) are left alone.
    """
    return _strip(_span(text, 0), (_strong_cuts, _em_cuts))[0].text


def strip_heading_marker(text: str) -> str:
    """Remove a markdown heading marker (``#`` … ``######`` and a space) opening the line."""
    return _strip(_span(text, 0), (_heading_cuts,))[0].text


def strip_markup(text: str) -> str:
    """Apply every inline markup rule, in the pipeline's order: heading, links, emphasis."""
    return _strip(_span(text, 0), _MARKUP_FINDERS)[0].text


def collapse_whitespace(text: str) -> str:
    """Strip the ends and turn every run of whitespace into a single space.

    Line-wrapping and double spaces carry no meaning in a paragraph; typography (quotes,
    dashes, ". . .") is not whitespace and is kept exactly.
    """
    return " ".join(text.split())


# ---------------------------------------------------------------------------------------------
# Sentence shape
# ---------------------------------------------------------------------------------------------

_FINAL = ".!?…。！？"  # with the full-width marks of Chinese and Japanese
_CLOSING = "\"'”’»)]*_」』）】"
_OPENING = "\"'“‘«(["
_BOUNDARY = re.compile(r"[.!?…][\"'”’»)\]]*\s+[\"“‘'(«]?[A-ZÀ-ÖØ-ÞА-ЯЁ]")


def ends_sentence(text: str) -> bool:
    """True when ``text`` ends with . ! ? or … (or the full-width 。！？ of Chinese and
    Japanese), possibly followed by closing quotes/brackets and by emoji ('… performance
    today! 🙂')."""
    stripped = _strip_emoji(text.rstrip()).rstrip().rstrip(_CLOSING)
    return bool(stripped) and stripped[-1] in _FINAL


def _strip_emoji(text: str) -> str:
    """``text`` without the emoji and other pictographs closing it (with their joiners and
    variation selectors)."""
    end = len(text)
    while end and (text[end - 1] == "\ufe0f" or unicodedata.category(text[end - 1]) in _EMOJI):
        end -= 1
    return text[:end]


#: Unicode categories of the marks that may follow a sentence's end: symbols (emoji) and the
#: zero-width joiner between them.
_EMOJI = frozenset({"So", "Sk", "Cf"})


def is_title_like(text: str, *, max_words: int = 20) -> bool:
    """True for a headline-shaped line: capitalised, at most ``max_words`` words, one phrase.

    A title has no sentence-final punctuation, does not end in ':' ';' ',' or a dash, and holds
    no sentence boundary inside ('… said. But …').
    """
    if len(text) > 40 * max_words:
        return False
    line = collapse_whitespace(text)
    if not line or len(line.split()) > max_words or ends_sentence(line) or line[-1] in ":;,–—-":
        return False
    first = line.lstrip(_OPENING)[:1]
    if not (first.isupper() or first.isdigit()):
        return False
    return _BOUNDARY.search(line) is None


# ---------------------------------------------------------------------------------------------
# Line rules: junk that is removed whole
# ---------------------------------------------------------------------------------------------

_BOLD_CREDIT = re.compile(r"\*\*([^*\n]{1,100})\*\*\s*$")
_PAREN_CREDIT = re.compile(r"\(([^()\n]{1,100})\)\s*$")
_YEAR = re.compile(r"\b(?:1[89]|20)\d{2}\b")


def _norm_line(text: str) -> str:
    return collapse_whitespace(text).rstrip(" .:!|>»›").casefold()


def _is_credit_like(credit: str, *, max_words: int = 10) -> bool:
    """A photo credit: short, and naming an agency, or in 'Name/Agency' or 'X via Y' form."""
    if not credit.strip() or len(credit.split()) > max_words:
        return False
    return "/" in credit or " via " in credit or lexicon().agency.search(credit) is not None


def is_copyright_line(text: str) -> bool:
    """True for a copyright notice: '© 2026 Example Ltd', 'Copyright … All rights reserved.'."""
    line = collapse_whitespace(text).casefold()
    if not line or len(line.split()) > 30:
        return False
    if "all rights reserved" in line:
        return True
    opens = line.startswith(lexicon().copyright_markers)
    return opens and _YEAR.search(line) is not None


def _is_caption(raw: str, text: str) -> bool:
    """``is_caption`` on the raw line and its markup-free, collapsed form."""
    if not text or len(text) > 2000:
        return False
    # '… Putin. **Mikhail Klimentyev / TASS**': a bold credit closing the line.
    bold = _BOLD_CREDIT.search(raw)
    if bold:
        before = strip_markup(raw[: bold.start()]).strip()
        if (not before or ends_sentence(before)) and _is_credit_like(bold.group(1)):
            return True
    if is_copyright_line(text):
        return False
    # '… in the Kremlin © Mikhail Klimentyev/Sputnik/AFP/Getty'
    mark = text.rfind("©")
    if mark >= 0:
        tail = text[mark + 1 :].strip()
        if tail and len(tail.split()) <= 10 and not ends_sentence(tail):
            return True
    # '… Photograph: Jane Doe/Reuters'
    label = lexicon().caption_label.search(text)
    if label and len(label.group("credit").split()) <= 10:
        return True
    # '… New York, U.S., November 18, 2019. REUTERS/Brendan McDermid': a credit after the
    # caption's last sentence
    if _ends_in_photo_credit(text) or _ends_in_glued_credit(text):
        return True
    if _has_inline_credit(text) or _opens_like_caption(text):
        return True
    # '… of Ukraine and Russia (Statista/The Independent)', '(AFP via Getty Images)'
    paren = _PAREN_CREDIT.search(text)
    # '… autonomy (Image: GETTY )', '… engines. (credit: NASA/Jude Guidry)': a labelled credit
    # in brackets, its label capitalised or not
    labelled = paren.group(1).strip() if paren else ""
    if labelled and lexicon().caption_label.match(labelled[:1].upper() + labelled[1:]):
        return len(labelled.split()) <= 10
    if paren and _is_credit_like(paren.group(1)):
        before = text[: paren.start()].strip()
        return not before or not ends_sentence(before)
    return False


def _ends_in_photo_credit(text: str) -> bool:
    """A caption of at most ``CAPTION_MAX_WORDS`` words whose last 'sentence' is a photo credit
    naming who took it ('Name/Agency' in capitalised words, 'Name/Agency via Getty Images',
    ``is_photo_credit``), after a full sentence."""
    if len(text.split()) > CAPTION_MAX_WORDS + 10:
        return False
    ends = [m.end() for m in re.finditer(r"[.!?…][\"'”’)\]]*\s+(?=[A-Z])", text)]
    if not ends:
        return False
    credit = text[ends[-1] :]
    names = all(word[:1].isupper() or word == "via" for word in credit.replace("/", " ").split())
    return "/" in credit and names and is_photo_credit(credit)


#: A credit glued to the caption's last sentence, the page having set them in two elements:
#: '… plagued with errors.Google', '… Majorana quasiparticles.Zack Savitsky'.
_GLUED_CREDIT = re.compile(
    r"[a-z)][.!?][\"'”’]?(?P<credit>[A-Z][\w'’&-]*(?:(?: | ?/ ?)[A-Z][\w'’.&-]*){0,5})$"
)


def _ends_in_glued_credit(text: str) -> bool:
    """A caption of at most ``CAPTION_MAX_WORDS`` words (and ten for the credit) whose last
    sentence has a credit glued to its full stop: an agency or 'Name/Agency' ('… colder than
    space.Rocco Ceselin/Google Quantum AI') or a name of two or three capitalised words ('… may
    hold Majorana quasiparticles.Zack Savitsky'); a widget glued to a body sentence ('Click To
    Tweet', a lexicon line) is no credit."""
    if len(text.split()) > CAPTION_MAX_WORDS + 10:
        return False
    glued = _GLUED_CREDIT.search(text)
    if glued is None or _is_boilerplate(glued.group("credit")):  # '… continuum.'Click To Tweet'
        return False
    credit = glued.group("credit")
    named = _is_credit_like(credit) or 2 <= len(credit.split()) <= 3  # an agency, or a name
    return named and len(text[: glued.start("credit")].split()) >= 4


def _has_inline_credit(text: str) -> bool:
    """A picture's title with its credit label after it ('iPhone 11 Credit: Apple', 'Zlata
    Ivleva / mashable Credit: Apple'): a label of ``inline_credit_labels`` after a few words,
    a credit of at most ten words that ends no sentence."""
    label = lexicon().inline_credit_label.search(text)
    if label is None or len(text.split()) > CAPTION_MAX_WORDS:
        return False
    credit = label.group("credit")
    return len(credit.split()) <= 10 and not ends_sentence(credit)


def _opens_like_caption(text: str) -> bool:
    """A caption opening with a capitalised label of ``caption_openers`` ('PHOTO BY FOREST
    WORGUM Hoquiam’s …', 'FILE - Medical marijuana prescription vials are …'), at most twice
    ``CAPTION_MAX_WORDS`` words."""
    return text.startswith(lexicon().caption_openers) and len(text.split()) <= 2 * CAPTION_MAX_WORDS


def is_caption(line: str) -> bool:
    """True when ``line`` is a photo or graphic caption ending in a credit.

    A caption is not article text: it describes a picture the text-only scrape does not have.
    Recognised endings: '© Credit', a bold credit ('**Name / TASS**') after a full sentence, a
    bracketed agency credit ('(Getty Images)', '(Statista/The Independent)') and a credit label
    ('Photograph: …', 'Photo: …'; case-sensitive, opening the line or following a sentence),
    a credit label after a picture's title ('iPhone 11 Credit: Apple'), a credit glued to the
    last full stop ('… with errors.Google') and a capitalised caption label or the AP's file
    mark opening the line ('PHOTO BY …', 'FILE - …').
    A credit is short (at most ten words) and, unless labelled, names an agency or has the
    'Name/Agency' form, so a sentence that merely mentions a photograph is not a caption.
    Copyright notices ('© 2026 Example Ltd') are credits, not captions.
    """
    return _is_caption(line, collapse_whitespace(strip_markup(line)))


def is_related_link(line: str) -> bool:
    """True for a teaser line that links to another article: 'Also Read | …', 'Read more: …',
    '[Related: …]' (an opening bracket may come first).

    Only an opener from the lexicon followed by a separator (| : > » › – —) counts; a sentence
    such as 'Read more about the talks in our explainer.' is kept, because without the
    separator it cannot be told apart from article prose.
    """
    return _is_related_link(collapse_whitespace(strip_markup(line)))


def _is_related_link(text: str) -> bool:
    """``is_related_link`` on markup-free, collapsed text."""
    return (
        len(text) <= 400
        and len(text.split()) <= 40
        and lexicon().related_link.match(text) is not None
    )


def is_boilerplate(line: str) -> bool:
    """True for site chrome: a whole line from the lexicon ('Advertisement', 'Skip to content'),
    a short line (at most 15 words) opening with a listed prefix ('Follow us on …') or ending
    with a listed suffix ('… schedule, click here.'), or a
    notice of at most 60 words opening with a listed notice prefix ('We use cookies …').

    These lines are navigation, ads and promos that the scraper picked up with the article.
    """
    return _is_boilerplate(collapse_whitespace(strip_markup(line)))


def _is_boilerplate(text: str) -> bool:
    """``is_boilerplate`` on markup-free, collapsed text."""
    if not text or len(text) > 600:
        return False
    lex = lexicon()
    norm = _norm_line(text)
    if norm in lex.boilerplate_lines:
        return True
    words = len(text.split())
    if words <= 60 and norm.startswith(lex.notice_prefixes):
        return True
    short = len(text) <= 300 and words <= 15
    return short and (
        norm.startswith(lex.boilerplate_prefixes)
        or norm.endswith(lex.boilerplate_suffixes)
        or is_share_bar(text)
    )


#: The words of a line, capitalised words printed together taken apart ('FacebookTwitterEmail').
_BAR_WORD = re.compile(r"[A-Z]-[a-z]+|[A-Z]?[a-z]+|[A-Z]+(?![a-z])")


def is_share_bar(text: str) -> bool:
    """True for a share bar printed as one line: two to ten labels of ``share_bar_words``
    and nothing else ('Facebook Email', 'FacebookTwitterEmail', 'Share Facebook Twitter')."""
    labels = _BAR_WORD.findall(text)
    letters = re.sub(r"[\W_]", "", text)
    if not 2 <= len(labels) <= 10 or letters != re.sub(r"[\W_]", "", "".join(labels)):
        return False
    return all(label.casefold() in lexicon().share_bar_words for label in labels)


#: A reader prompt or author bio is a short paragraph; longer ones are left to the reader.
PROMPT_MAX_WORDS = 40
_QUOTE_MARKS = '“”"«»'


def is_reader_prompt(text: str) -> bool:
    """True for a paragraph in which the site speaks to its reader about itself: 'Get the
    day's top headlines delivered to your inbox by subscribing to our newsletter.', 'Comments
    are subject to our community guidelines.', 'Got a news tip? We want to hear from you.'

    At most ``PROMPT_MAX_WORDS`` words, no quotation marks and no reporting verb ('said',
    'told'), and either a site word ('our', 'we', 'this site') with a service of the site
    ('newsletter', 'comments', 'subscribe'), or a disclosure that needs none ('affiliate
    commission'), or 'Follow … on' a network of ``social_networks``, or a later sentence
    opening with a call to action of ``boilerplate_prefixes``
    ('… ? Click here to support it.'); lists ``prompt_site_words``, ``prompt_services``,
    ``prompt_disclosures``, ``reporting_verbs`` of the lexicon. A news sentence about a
    newsletter quotes or reports someone, or does not speak as 'we'.
    """
    line = collapse_whitespace(text)
    if not line or len(line.split()) > PROMPT_MAX_WORDS or any(q in line for q in _QUOTE_MARKS):
        return False
    lex = lexicon()
    if lex.reporting.search(line):
        return False
    if lex.prompt_alone.search(line):
        return True
    # 'Follow Newsbeat on Instagram, Facebook, Twitter and YouTube.'
    if line.startswith("Follow ") and lex.social_networks.search(line):
        return True
    # 'Do you rely on our reporting? Click here to support it.': a call to action follows
    later = [_norm_line(s) for s in re.split(r"(?<=[.!?])\s+", line)[1:]]
    if any(s.startswith(lex.boilerplate_prefixes) for s in later):
        return True
    return bool(lex.prompt_site.search(line) and lex.prompt_service.search(line))


_BIO = re.compile(
    r"(?P<name>(?:[A-Z][\w.'’-]*\s+){1,4}?)(?:\([^()]{0,80}\)\s+)?(?:is|was)\s+"
    r"(?:a|an|the|[A-Z][\w.&-]*['’]s)\s"  # 'is a …', 'is PCWorld's resident …'
)


def is_author_bio(text: str) -> bool:
    """True for an author bio: 'Jane Doe is a freelance writer based in Toronto.', 'Jeff Foust
    (jeff@example.com) is the editor of …': a name of up to four capitalised words, an
    optional bracket, 'is/was a/an/the', and a job from ``author_roles`` in the first 25
    words; at most ``2 * PROMPT_MAX_WORDS`` words. The job may follow the site's name in the
    possessive ('Jane Doe is PCWorld's senior editor, covering laptops'). A verb such as
    'covers' is no job: 'Medicare is a program that covers …' is prose. Where it stands decides whether it goes
    (see ``_drop_prose_furniture``)."""
    line = collapse_whitespace(text)
    if len(line.split()) > 2 * PROMPT_MAX_WORDS or _BIO.match(line) is None:
        return False
    head = {w.strip(".,;:()").casefold() for w in line.split()[:25]}
    return not head.isdisjoint(lexicon().author_roles)


_NAME_WORD = re.compile(r"[^\W\d_]{2,}")


def is_role_line(text: str) -> bool:
    """True for the job line of an author box: 'Contributing Writer', 'Senior Editor',
    'Reporter': one to four capitalised words, the last a job of ``author_roles``."""
    words = collapse_whitespace(text).split()
    if not 1 <= len(words) <= 4 or not all(_capitalised(w) for w in words):
        return False
    return words[-1].casefold() in lexicon().author_roles


def is_photo_credit(text: str) -> bool:
    """True for a photo credit standing alone on its line: 'Sanjeev Verma/Hindustan
    Times/Getty Images', 'Natalie Naccache | Bloomberg | Getty Images', 'Courtesy of Andrew
    Vaughan', 'Image via Getty Images': at most ten words, no sentence end, no digits, opening
    with a capital, and naming an agency, in 'Name/Agency' or 'X via Y' form, or opening with a
    credit label (``credit_only_openers``)."""
    line = collapse_whitespace(text)
    if not line or not line[0].isupper() or ends_sentence(line) or any(c.isdigit() for c in line):
        return False
    if line.casefold().startswith(lexicon().credit_only_openers):
        return len(line.split()) <= 10
    if lexicon().agency.search(line) is None and len(_NAME_WORD.findall(line)) < 2:
        return False  # 'Y /' is no 'Name/Agency'
    return _is_credit_like(line.replace(" | ", "/"))


_CONTACT = re.compile(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+|(?<![\w@])@\w{2,}")
#: Small words a contact line may hold besides names: 'Write to Jane Doe at jane@example.com'.
_CONTACT_LINKS = frozenset({"to", "at", "or", "and", "on", "via"})


def is_contact_line(text: str) -> bool:
    """True for an author's contact line: 'patrick.shanley@example.com @pshanley88', 'Nishant
    Kumar @Nishantopines', 'Write to Jane Doe at jane@example.com': at most eight words, an
    e-mail address or @handle, and nothing else but capitalised name words and the links of
    ``_CONTACT_LINKS``."""
    words = collapse_whitespace(text).split()
    if not words or len(words) > 8:
        return False
    contacts = [w for w in words if _CONTACT.fullmatch(w.strip(",;|."))]
    others = [w for w in words if w not in contacts and w not in _CONTACT_LINKS]
    return bool(contacts) and all(w[:1].isupper() and w.isalpha() for w in others)


def _names_photographer(credit: str) -> bool:
    """A credit that names who took the picture ('Name/Agency', 'X | Getty Images', 'via',
    'Courtesy of'), not only an agency: a lone 'Reuters' under the last paragraph credits the
    story, not a picture above it."""
    line = collapse_whitespace(credit)
    return any(mark in line for mark in ("/", " | ", " via ")) or line.casefold().startswith(
        lexicon().credit_only_openers
    )


_READING_TIME = re.compile(
    r"[^\w]{0,3}\d{1,3}\s*(?:min|mins|minute|minutes)\.?\s+read\W{0,3}", re.IGNORECASE
)


def is_reading_time(text: str) -> bool:
    """True for a reading-time line: '• 2 min read', '5 Min Read', '3 minutes read'."""
    return _READING_TIME.fullmatch(collapse_whitespace(text)) is not None


def _junk_reason(raw: str, text: str) -> str | None:
    """Why a line goes whole (``raw`` as in the input, ``text`` markup-free), or None."""
    if _is_caption(raw, text):
        return "caption"
    if _is_related_link(text):
        return "related-link"
    if _is_boilerplate(text):
        return "boilerplate"
    if is_reader_prompt(text):
        return "reader-prompt"
    if is_contact_line(text):
        return "contact-line"
    if is_reading_time(text):
        return "reading-time"
    return None


# ---------------------------------------------------------------------------------------------
# Paragraph rules: metadata and page breaks
# ---------------------------------------------------------------------------------------------

_BY = re.compile(r"\s*(by)\s+", re.IGNORECASE)
_NAME_SEPARATOR = re.compile(r"\s*,\s*|\s+(?:and|&)\s+", re.IGNORECASE)
_URL = re.compile(r"(?:https?|ftp)://\S+")
_URL_TAIL = re.compile(r"[\w\-./?=&%#~+:@!$,;*'()]{1,500}")


def is_dateline(text: str) -> bool:
    """True for a line that is only a date: 'February 15, 2022', 'Tuesday 15 February 2022 10:43
    GMT', 'Updated: 2022-02-15', 'Published 10:02 AM EST Nov 19, 2019', '| UPDATED: 11:05,
    Tue, Nov 19, 2019', '- November 20, 2019, 10:54 am' (under a post of a feed), 'Dec 23,
    1:21 PM' (a day without its year, with a clock time). A dated sentence is not a dateline."""
    line = collapse_whitespace(text)
    return len(line) <= 80 and lexicon().dateline.fullmatch(line) is not None


def is_relative_date(text: str) -> bool:
    """True when ``text`` is only a relative date ('YESTERDAY', '2 hours ago', 'Updated today'),
    perhaps with a clock time ('Today 12:01 AM')."""
    line = collapse_whitespace(text).rstrip(" .")
    return len(line) <= 40 and lexicon().relative_date.fullmatch(line) is not None


_COMMENT_COUNT = re.compile(r"(?:view\s+)?\d{1,5}\s+(?:comments?|repl(?:y|ies)|likes?)", re.I)
#: A commenter's name before the date of the comment: up to three capitalised words or a handle.
COMMENTER_MAX_WORDS = 3
_HANDLE = re.compile(r"@?\w{2,30}")


def is_comment_furniture(text: str) -> bool:
    """True for a comment thread's furniture line: a count ('12 Comments', '2 replies',
    'View 3 replies') or a commenter's name with the date of the comment ('Stephanie September
    17, 2014 - 1:01 pm', 'jdoe42 3 hours ago'): one to ``COMMENTER_MAX_WORDS`` capitalised
    words or one handle, then only a date (``is_dateline``, ``is_relative_date``)."""
    line = collapse_whitespace(text)
    if _COMMENT_COUNT.fullmatch(line.rstrip(" .")):
        return True
    words = line.split()
    for n in range(1, min(COMMENTER_MAX_WORDS, len(words) - 1) + 1):
        name, rest = words[:n], " ".join(words[n:])
        handle = n == 1 and _HANDLE.fullmatch(name[0]) is not None
        if (handle or all(map(_capitalised, name))) and (
            is_dateline(rest) or is_relative_date(rest)
        ):
            return True
    return False


def _capitalised(word: str) -> bool:
    return word.lstrip(_OPENING)[:1].isupper()


def is_name_list(text: str, *, require_place: bool = True) -> bool:
    """True for 'Name Surname in Place, Name Surname in Place and Name Surname in Place'.

    Each name is two to four capitalised words (lowercase particles such as 'de', 'van' are
    allowed); with ``require_place=False`` one-word names are allowed ('Reuters') and no
    ' in Place' is needed. This is the shape of a byline without 'By'.
    """
    words_total = len(text.split())
    if not words_total or words_total > 40:
        return False
    particles = lexicon().name_particles
    has_place = False
    for part in _NAME_SEPARATOR.split(text.strip()):
        words = part.split()
        if "in" in words:
            k = words.index("in")
            name, place = words[:k], words[k + 1 :]
            if not 1 <= len(place) <= 3 or not all(_capitalised(w) for w in place):
                return False
            has_place = True
        else:
            name = words
        shortest = 2 if require_place else 1
        if not shortest <= len(name) <= 4 or not _capitalised(name[0]):
            return False
        if not all(_capitalised(w) or w.casefold() in particles for w in name):
            return False
    return has_place or not require_place


def _byline_cuts(text: str, *, plain: bool) -> _Cuts | None:
    """Where the label 'By' and a trailing relative date sit in a byline, or None if ``text`` is
    not a byline. ``plain`` allows bylines without 'By' (names with places)."""
    if len(text) > 400:
        return None
    cuts: _Cuts = []
    start, end = 0, len(text)
    label = _BY.match(text)
    if label:
        cuts.append((label.start(1), label.end(1), "field-label"))
        start = label.end()
    elif not plain:
        return None
    date = lexicon().relative_date_tail.search(text, start)
    if date:
        cuts.append((date.start(1), date.end(), "relative-date"))
        end = date.start()
    if not is_name_list(text[start:end], require_place=not label):
        return None
    return cuts


def parse_byline(text: str, *, plain: bool = True) -> str | None:
    """The names of a byline line, or None if ``text`` is not one.

    'By Jane Doe' gives 'Jane Doe'; 'Max Seddon in Moscow, **Polina Ivanova** in Kyiv
    YESTERDAY' gives 'Max Seddon in Moscow, Polina Ivanova in Kyiv': emphasis and the
    scrape-time relative date are dropped. With ``plain=False`` only 'By …' lines count.
    """
    span = _span(strip_markup(text), 0)
    cuts = _byline_cuts(span.text, plain=plain)
    if cuts is None:
        return None
    return collapse_whitespace(_cut(span, cuts)[0].text)


def is_credit_line(text: str) -> bool:
    """True for a reporting or copyright credit: 'Additional reporting by …', '(Reporting by …;
    editing by …)', 'AFP contributed reporting.', 'Copyright … All rights reserved.', '© 2026
    Example Ltd'."""
    line = collapse_whitespace(text)
    folded = line.casefold().lstrip("(")  # '(Reporting by …; editing by …)'
    if not line or len(line.split()) > 40:
        return False
    lex = lexicon()
    if folded.startswith(lex.credit_openers) or is_copyright_line(line):
        return True
    return folded.rstrip(" .)").endswith(lex.credit_closers) and len(line.split()) <= 25


def _opens_like_credit(text: str) -> bool:
    lex = lexicon()
    return text.casefold().startswith(lex.credit_openers + lex.copyright_markers)


def is_url_fragment(text: str) -> bool:
    """True for one token of URL characters with a URL-ish character in it ('g-scholz-a76396'):
    the rest of an address that a page break split."""
    token = text.strip()
    return (
        _URL_TAIL.fullmatch(token) is not None
        and not ends_sentence(token)
        and any(c.isdigit() or c in "-./?=&%#_" for c in token)
    )


def is_repeated_fragment(fragment: str, following: str, *, min_words: int = 3) -> bool:
    """True when ``fragment`` is an unfinished paragraph that ``following`` repeats and completes.

    Page-break artefacts print the start of a paragraph, break, then print the whole paragraph.
    Joining would duplicate the words, so the fragment is dropped instead.
    """
    head = collapse_whitespace(fragment)
    full = collapse_whitespace(following)
    return (
        len(head.split()) >= min_words
        and not ends_sentence(head)
        and len(full) > len(head)
        and full.startswith(head)
        and full[len(head)] == " "
    )


@dataclass(frozen=True)
class _Shape:
    """What ``should_join`` needs to know about the paragraph so far (kept incrementally, so that
    joining a long run of fragments stays linear)."""

    words: int
    chars: int
    curly_open: int
    curly_close: int
    straight: int
    boundary: bool
    last: str


def _shape(text: str) -> _Shape:
    return _Shape(
        words=len(text.split()),
        chars=len(text),
        curly_open=text.count("“"),
        curly_close=text.count("”"),
        straight=text.count('"'),
        boundary=_BOUNDARY.search(text) is not None,
        last=text,
    )


def _add_shapes(a: _Shape, b: _Shape) -> _Shape:
    return _Shape(
        words=a.words + b.words,
        chars=a.chars + 1 + b.chars,
        curly_open=a.curly_open + b.curly_open,
        curly_close=a.curly_close + b.curly_close,
        straight=a.straight + b.straight,
        boundary=a.boundary or b.boundary,
        last=b.last,
    )


def _should_join(previous: _Shape, following: str, *, min_words: int) -> bool:
    tail = previous.last.rstrip()
    head = following.lstrip()
    if not tail or not head or ends_sentence(tail) or tail[-1] in ":;":
        return False
    if _opens_like_credit(head):
        return False
    open_quote = previous.curly_open > previous.curly_close or previous.straight % 2 == 1
    if head[0] in "“\"‘'" and open_quote:
        return False  # a quotation continued in a new paragraph: “… / “…
    if head[0].islower() or tail[-1] in ",–—-":
        return True
    return previous.words >= min_words or previous.boundary


def should_join(previous: str, following: str, *, min_words: int = 12) -> bool:
    """True when ``previous`` is a paragraph that a page break cut mid-sentence and ``following``
    is its continuation, so the two should be one paragraph.

    ``previous`` must not end a sentence (. ! ? …, closing quotes allowed) nor end in ':' or
    ';' (a lead-in to a quote or list). Then a lowercase start of ``following`` or a trailing
    comma or dash of ``previous`` is enough; a capitalised ``following`` is joined only when
    ``previous`` reads as prose, not as a heading: at least ``min_words`` words or a sentence
    boundary inside. Never joined: a ``following`` that opens a credit line, or one that opens
    a quotation while ``previous`` has an unclosed one (the convention for a quotation running
    over several paragraphs).
    """
    return _should_join(
        _shape(collapse_whitespace(previous)), collapse_whitespace(following), min_words=min_words
    )


def join_broken_paragraphs(paragraphs: Sequence[str], *, min_words: int = 12) -> tuple[str, ...]:
    """Rejoin paragraphs cut by page breaks (see ``should_join``) with a single space, and drop
    fragments that the next paragraph repeats (see ``is_repeated_fragment``)."""
    groups = _join_groups(
        [collapse_whitespace(p) for p in paragraphs],
        text=lambda p: p,
        min_words=min_words,
    )
    return tuple(" ".join(group) for kept, group in groups if kept)


def _join_groups(
    items: Sequence[_T], *, text: Callable[[_T], str], min_words: int
) -> list[tuple[bool, list[_T]]]:
    """Fold ``items`` into groups to be joined; each group is (kept, items), kept=False for a
    repeated fragment. Only neighbours are compared, so the fold is linear."""
    groups: list[tuple[bool, list[_T]]] = []
    group: list[_T] = []
    shape: _Shape | None = None
    for item in items:
        following = text(item)
        if group and shape is not None:
            if shape.chars < len(following) and is_repeated_fragment(
                " ".join(text(g) for g in group), following
            ):
                groups.append((False, group))
                group = []
            elif _should_join(shape, following, min_words=min_words):
                group.append(item)
                shape = _add_shapes(shape, _shape(following))
                continue
            else:
                groups.append((True, group))
        group = [item]
        shape = _shape(following)
    if group:
        groups.append((True, group))
    return groups


# ---------------------------------------------------------------------------------------------
# Paragraph splitting
# ---------------------------------------------------------------------------------------------


def uses_blocks(text: str) -> bool:
    """True when ``text`` lays its paragraphs out as blank-line blocks, False when it puts one
    paragraph per line. Decided from the whole text, not from its first blank line.

    Blocks need blank lines between lines of text. Where a blank-separated block holds several
    lines, those lines are either a paragraph wrapped over lines (they break mid-sentence) or
    paragraphs one per line with a few stray blank lines (they end sentences): blocks are the
    layout only when at most half of the lines that some block continues after end a sentence.
    """
    lines = text.split("\n")
    blank = [not line.strip() for line in lines]
    filled = [i for i, b in enumerate(blank) if not b]
    if not filled or not any(blank[filled[0] : filled[-1]]):
        return False
    continued = [
        lines[i] for i, j in zip(filled, filled[1:], strict=False) if j == i + 1
    ]  # lines followed directly by another line of the same block
    if not continued:
        return True
    ending = sum(ends_sentence(line) for line in continued)
    return ending * 2 <= len(continued)


def _raw_lines(text: str, offset: int = 0) -> list[tuple[int, str, int]]:
    """Non-blank lines as (input offset, raw line, paragraph number); ``text`` starts at input
    offset ``offset``.

    When ``uses_blocks(text)``, a paragraph is a block of consecutive non-blank lines; otherwise
    every line is a paragraph (some sites put one paragraph per line).
    """
    lines = text.split("\n")
    blocks = uses_blocks(text)
    out: list[tuple[int, str, int]] = []
    position = offset
    number = 0
    previous_blank = True
    for line in lines:
        is_blank = not line.strip()
        if not is_blank:
            if previous_blank or not blocks:
                number += 1
            out.append((position, line, number))
        previous_blank = is_blank
        position += len(line) + 1
    return out


def split_paragraphs(text: str) -> tuple[str, ...]:
    """The raw paragraphs of ``text``: blank-line blocks, or lines (see ``uses_blocks``).

    Lines inside a block are joined with a space; nothing else is changed.
    """
    paragraphs: dict[int, list[str]] = {}
    for _, line, number in _raw_lines(text):
        paragraphs.setdefault(number, []).append(line.strip())
    return tuple(" ".join(lines) for lines in paragraphs.values())


# ---------------------------------------------------------------------------------------------
# Front matter
# ---------------------------------------------------------------------------------------------

_FRONT_MATTER = re.compile(r"\A(---)[ \t]*\n(?P<body>(?:.*\n)*?)(---|\.\.\.)[ \t]*(?:\n|\Z)")
_FRONT_KEY = re.compile(r"(?P<key>[A-Za-z_][\w\-]*)[ \t]*:(?=\s|$)")


def read_front_matter(
    text: str,
) -> tuple[int, tuple[tuple[str, str], ...], tuple[Removal, ...]]:
    """A YAML front matter opening ``text`` (``---`` / ``key: value`` lines / ``---``).

    Returns the offset where the body starts (0 if there is no front matter), the metadata it
    gives and the removals. Fields named in ``boilerplate.yml`` (``front_matter_fields``:
    title -> headline, source/url -> url, date -> dateline, author -> byline, description ->
    standfirst) become metadata, their ``key:`` logged as ``field-label``; the delimiters and
    every other field are logged whole as ``front-matter``. The values are read by PyYAML's
    ``BaseLoader``, which keeps every scalar as the string written (a date is not reformatted).
    A header that opens like a front matter (``key:`` on its first line) but is not valid YAML
    is kept whole as metadata ``front_matter``; the body still loads. Nothing is parsed when
    the text does not open with ``---``, so an article is never read as YAML by accident.
    """
    match = _FRONT_MATTER.match(text)
    if match is None:
        return 0, (), ()
    import yaml

    body = match.group("body")
    first = next((line for line in body.split("\n") if line.strip()), "")
    if not _FRONT_KEY.match(first):
        return 0, (), ()
    body_start = match.start("body")
    delimiters = (
        Removal(match.group(1), "front-matter", 0),
        Removal(match.group(3), "front-matter", match.start(3)),
    )
    loader = getattr(yaml, "CBaseLoader", yaml.BaseLoader)
    try:
        fields = yaml.load(body, Loader=loader)  # a base (string-only) loader: safe
    except yaml.YAMLError:
        fields = None
    if not isinstance(fields, dict):
        raw = body.strip()
        metadata = (("front_matter", collapse_whitespace(raw)),) if raw else ()
        return match.end(), metadata, delimiters
    metadata: list[tuple[str, str]] = []
    removed = list(delimiters)
    lines = body.split("\n")
    starts = [body_start]
    for line in lines[:-1]:
        starts.append(starts[-1] + len(line) + 1)
    known = lexicon().front_matter_fields
    i = 0
    while i < len(lines):
        key_match = _FRONT_KEY.match(lines[i])
        j = i + 1
        while j < len(lines) and (not lines[j].strip() or lines[j][:1] in " \t-"):
            j += 1  # the field's continuation lines: indented, list items or blank
        if key_match is None:
            i = j
            continue
        key = key_match.group("key")
        value = fields.get(key)
        field = known.get(key.casefold())
        if isinstance(value, list) and all(isinstance(v, str) for v in value):
            value = ", ".join(value)
        if field and isinstance(value, str) and value.strip():
            label_end = key_match.end()
            removed.append(Removal(lines[i][:label_end], "field-label", starts[i]))
            metadata.append((field, collapse_whitespace(value)))
        else:
            for k in range(i, j):
                if lines[k].strip():
                    lead = len(lines[k]) - len(lines[k].lstrip())
                    removed.append(Removal(lines[k].strip(), "front-matter", starts[k] + lead))
        i = j
    return match.end(), tuple(metadata), tuple(removed)


# ---------------------------------------------------------------------------------------------
# The pipeline
# ---------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class _Unit:
    """A line or paragraph in the making: markup-free text with its origin, the raw input lines
    it came from (for removing it whole) and its markup removals (recorded only if it is kept)."""

    span: _Span
    lines: tuple[tuple[int, str], ...]
    markup: tuple[Removal, ...]
    heading: bool
    text: str  # span.text, whitespace collapsed


def _unit(position: int, raw: str) -> _Unit:
    span, markup = _strip(_span(raw, position), _MARKUP_FINDERS)
    heading = any(r.reason == "heading-marker" for r in markup)
    span = _trim(span)
    return _Unit(span, ((position, raw),), markup, heading, collapse_whitespace(span.text))


def _merge(units: Sequence[_Unit]) -> _Unit:
    if len(units) == 1:
        return units[0]
    return _Unit(
        span=_concat([u.span for u in units]),
        lines=tuple(line for u in units for line in u.lines),
        markup=tuple(r for u in units for r in u.markup),
        heading=False,
        text=" ".join(u.text for u in units),
    )


def _whole(unit: _Unit, reason: str) -> tuple[Removal, ...]:
    """Remove ``unit`` whole: its raw input lines, markup included, one Removal per line."""
    return tuple(
        Removal(raw.strip(), reason, position + len(raw) - len(raw.lstrip()))
        for position, raw in unit.lines
    )


def _as_value(
    unit: _Unit, cuts: Sequence[tuple[int, int, str]] = ()
) -> tuple[str, tuple[Removal, ...]]:
    """Move ``unit`` to metadata: its text minus ``cuts``, with its markup and cuts recorded."""
    span, removed = _cut(unit.span, cuts)
    return collapse_whitespace(span.text), unit.markup + removed


@dataclass(frozen=True)
class _Draft:
    """The state the pipeline steps pass along."""

    source: str
    units: tuple[_Unit, ...] = ()
    numbers: tuple[int, ...] = ()  # paragraph number of each unit while units are still lines
    metadata: tuple[tuple[str, str], ...] = ()
    removed: tuple[Removal, ...] = ()


def _split_lines(draft: _Draft) -> _Draft:
    """Take a YAML front matter off the top (see ``read_front_matter``), cut the rest into
    non-blank lines and strip each line's inline markup (heading marker, links, emphasis). The
    markup removals wait on the line: they are recorded if its text is kept, and are part of
    the line's own removal if the whole line goes."""
    end, metadata, removed = read_front_matter(draft.source)
    lines = _raw_lines(draft.source[end:], end)
    return replace(
        draft,
        units=tuple(_unit(position, raw) for position, raw, _ in lines),
        numbers=tuple(number for _, _, number in lines),
        metadata=draft.metadata + metadata,
        removed=draft.removed + removed,
    )


def _drop_junk_lines(draft: _Draft) -> _Draft:
    """Remove whole lines that are captions, related links or boilerplate (see ``is_caption``,
    ``is_related_link``, ``is_boilerplate``). A caption equal to the caption just before it is
    recorded as ``duplicate-caption``. Lines, not paragraphs, are tested, because sites put a
    caption and its repeat on consecutive lines of one block."""
    units: list[_Unit] = []
    numbers: list[int] = []
    removed = list(draft.removed)
    previous_caption: str | None = None
    for unit, number in zip(draft.units, draft.numbers, strict=True):
        reason = _junk_reason(unit.lines[0][1], unit.text) if unit.text else None
        if reason == "caption":
            if unit.text == previous_caption:
                reason = "duplicate-caption"
            previous_caption = unit.text
        else:
            previous_caption = None
        if reason:
            removed.extend(_whole(unit, reason))
        else:
            units.append(unit)
            numbers.append(number)
    return replace(draft, units=tuple(units), numbers=tuple(numbers), removed=tuple(removed))


def _group_paragraphs(draft: _Draft) -> _Draft:
    """Join the remaining lines of each paragraph (blank-line block, or line) with a space.

    A line left empty by markup stripping ('[](#)') only contributes its markup removals. A
    joined block that reads as junk as a whole is removed whole, as a line would have been."""
    units: list[_Unit] = []
    removed = list(draft.removed)
    i = 0
    while i < len(draft.units):
        j = i
        while j < len(draft.units) and draft.numbers[j] == draft.numbers[i]:
            j += 1
        group = [u for u in draft.units[i:j] if u.text]
        for empty in draft.units[i:j]:
            if not empty.text:
                removed.extend(empty.markup)
        i = j
        if not group:
            continue
        unit = _merge(group)
        reason = _junk_reason(unit.text, unit.text) if len(group) > 1 else None
        if reason:
            removed.extend(_whole(unit, reason))
        else:
            units.append(unit)
    return replace(draft, units=tuple(units), numbers=(), removed=tuple(removed))


def _take_source_url(draft: _Draft) -> _Draft:
    """Move 'Original url:'/'Source:'-style blocks to metadata ``url``.

    The address may sit on the label's line or on the next paragraph, and a page break may have
    split it: up to three following URL fragments ('g-scholz-talks-a76396') are appended. The
    label is recorded as ``field-label``; an autolink's '<' '>' as ``link-markup``. A label
    without an address after it is left in the body."""
    units = draft.units
    kept: list[_Unit] = []
    metadata = list(draft.metadata)
    removed = list(draft.removed)
    i = 0
    while i < len(units):
        unit = units[i]
        label = lexicon().source_label.fullmatch(unit.span.text)
        if label is None:
            kept.append(unit)
            i += 1
            continue
        value, label_removed = _as_value(
            unit, [(label.start("label"), label.end("label"), "field-label")]
        )
        parts = [value] if value else []
        j = i + 1
        if not parts and j < len(units) and _URL.fullmatch(units[j].text):
            parts.append(units[j].text)
            j += 1
        if not parts or not _URL.fullmatch(parts[0]):
            kept.append(unit)
            i += 1
            continue
        while j < len(units) and j - i <= 4 and is_url_fragment(units[j].text):
            parts.append(units[j].text)
            j += 1
        removed.extend(label_removed)
        removed.extend(r for u in units[i + 1 : j] for r in u.markup)
        metadata.append(("url", "".join(parts)))
        i = j
    return replace(draft, units=tuple(kept), metadata=tuple(metadata), removed=tuple(removed))


def _over_byline(units: Sequence[_Unit], i: int, *, plain: bool) -> bool:
    """Unit ``i`` is a short paragraph (at most ``PROMPT_MAX_WORDS`` words) right above a byline
    or a dateline: a standfirst, as in 'Headline / One-sentence summary. / By Jane Doe'."""
    if i + 1 >= len(units) or len(units[i].text.split()) > PROMPT_MAX_WORDS:
        return False
    following = units[i + 1]
    return is_dateline(following.text) or _byline_cuts(following.span.text, plain=plain) is not None


def _take_header(draft: _Draft) -> _Draft:
    """Move the header paragraphs at the top of the article to metadata, stopping at the first
    body paragraph.

    In any order at the top: datelines (``is_dateline``), relative dates (removed), bylines
    (``parse_byline``; the plain 'Names in Places' form only after the headline). Then:
    ``topic``, a title-like label of at most three words right above another title-like line;
    ``headline``, the first title-like line or ``#`` heading (none if the article opens with a
    sentence); ``standfirst``, title-like lines after the headline, a short paragraph after
    it right above a byline or dateline (``_over_byline``), or a first paragraph after
    the headline that a later paragraph repeats verbatim: the body keeps the later copy, the
    header copy's words are logged as ``standfirst-repeat`` (its markup as usual) and metadata
    holds the text. Several standfirst lines are joined with ' | '."""
    units = draft.units
    metadata = list(draft.metadata)
    removed = list(draft.removed)
    later: set[str] | None = None
    given = {value.casefold() for key, value in draft.metadata if key == "headline"}
    headline, topic = bool(given), False
    standfirst = False
    i = 0
    while i < len(units):
        unit = units[i]
        text = unit.text
        if is_relative_date(text):
            removed.extend(_whole(unit, "relative-date"))
            i += 1
            continue
        if text.casefold() in given:
            removed.extend(_whole(unit, "title-repeat"))
            i += 1
            continue
        if is_dateline(text):
            field, cuts = "dateline", []
        elif (byline := _byline_cuts(unit.span.text, plain=headline)) is not None:
            field, cuts = "byline", byline
        elif not headline:
            if not (unit.heading or is_title_like(text)):
                break
            following = units[i + 1] if i + 1 < len(units) else None
            if (
                not topic
                and not unit.heading
                and is_title_like(text, max_words=3)
                and following is not None
                and (following.heading or is_title_like(following.text))
            ):
                field, cuts, topic = "topic", [], True
            else:
                field, cuts, headline = "headline", [], True
        elif is_title_like(text) or not standfirst and _over_byline(units, i, plain=headline):
            field, cuts, standfirst = "standfirst", [], True
        elif not standfirst:
            if later is None:
                later = {u.text for u in units[i + 1 :]}
            if text not in later:
                break
            # The markup goes as usual; the words are logged as standfirst-repeat and copied
            # to metadata, so the log plus the body's copy account for the input's two copies.
            field, cuts, standfirst = (
                "standfirst",
                [(0, len(unit.span.text), "standfirst-repeat")],
                True,
            )
            value, value_removed = unit.text, _as_value(unit, cuts)[1]
            metadata.append((field, value))
            removed.extend(value_removed)
            i += 1
            continue
        else:
            break
        value, value_removed = _as_value(unit, cuts)
        metadata.append((field, value))
        removed.extend(value_removed)
        i += 1
    return replace(draft, units=units[i:], metadata=tuple(metadata), removed=tuple(removed))


#: A run of at least this many consecutive link-like paragraphs is a menu or a story list.
LINK_RUN_MIN = 3
#: A link-like paragraph has at most this many words (and does not end a sentence).
LINK_RUN_MAX_WORDS = 15
#: Below the article's last paragraph of prose, a headline of a story list may be this long
#: ('Pay to breathe? ‘Oxygen bars’ hit New Delhi as India chokes under pollution & declares
#: health emergency').
TAIL_LINK_MAX_WORDS = 25


#: A sentence with a bracketed link after it ('Why it is promising. (More)'): a list item of
#: the article, not a link of a menu (a headline may hold '?' or 'Mr.', not this).
_INNER_SENTENCE_END = re.compile(r"[a-z]{3}\.\s+\(")
#: A full stop inside a line ('… for everyday use. 5 minutes of charging …'): a headline longer
#: than ``LINK_RUN_MAX_WORDS`` words may hold '?' or '!', not this.
_INNER_FULL_STOP = re.compile(r"[a-z]{2}[.…][\"'”’)]*\s+\S")
#: Quotation marks a headline may open with, each with the mark that closes it.
_HEADLINE_QUOTES = {"“": "”", '"': '"', "‘": "’", "'": "'"}


def is_link_like(text: str, *, max_words: int = LINK_RUN_MAX_WORDS) -> bool:
    """True for a paragraph shaped like a link in a menu or a related-story list: at most
    ``max_words`` words (about eleven characters each), not ending a sentence nor holding one with a bracketed link
    after it ('Why it is promising. (More)', a list item of the article), not a lead-in (':'
    ';' ','), and not
    an open quotation: a line opening with a quotation mark is link-like only when the
    quotation closes before its last word, as in a headline ("'He strangled me': Canadian
    speaks about attack"). A headline of three words or more cut short with '...' is
    link-like. A line longer than ``LINK_RUN_MAX_WORDS`` words (when ``max_words`` allows it)
    holds no full stop inside."""
    line = text.strip()
    if not line or len(line.split()) > max_words or len(line) > 11 * max_words:
        return False
    cut = line.removesuffix("...").removesuffix("…").rstrip()  # a truncated headline
    if cut != line and (len(cut.split()) < 3 or _BOUNDARY.search(cut)):
        return False  # 'Wait...', 'He paused. Then...': prose trailing off
    if ends_sentence(cut) or cut[-1] in ":;,–—-" or _INNER_SENTENCE_END.search(cut):
        return False
    if len(cut.split()) > LINK_RUN_MAX_WORDS and _INNER_FULL_STOP.search(cut):
        return False  # a long line holding a sentence: a product box's point, a sponsor note
    line = cut
    elision = line[1:2].isdigit()  # "'90s fashion returns"
    closing = None if elision else _HEADLINE_QUOTES.get(line[0])
    return closing is None or _closes_before_end(line, closing)


def _closes_before_end(line: str, closing: str) -> bool:
    """The quotation opening ``line`` closes, and words follow it."""
    end = line.find(closing, 2)
    return end > 0 and bool(line[end + 1 :].strip(" :–—-"))


#: A line of at most this many words that the page prints twice is furniture, not body.
REPEATED_MAX_WORDS = 30
_GLUED = re.compile(
    r"(?P<title>[A-Z0-9‘'“\"].{15,200}?[^\W\d_)?!’'”\"])\s+"
    r"(?P<dateline>[A-Z][A-Z.’']+(?:\s[A-Z][A-Z.’']+){0,3}):\s+[A-Z“\"‘']"
)


def is_glued_teaser(text: str) -> bool:
    """True for a related-story teaser glued into one line: a headline, then an all-capitals
    dateline and the lead ('Deportees return home from US NEW DELHI: Their American dream …').
    An article's own first paragraph opens with its dateline, so it does not match; nor does a
    paragraph whose 'headline' holds a sentence end ('… for me? Or should I … -- SIGNED
    READER DEAR READER: Of course …', a letters column)."""
    match = _GLUED.match(text)
    if match is None:
        return False
    title = match.group("title")
    return not ends_sentence(title) and _BOUNDARY.search(title) is None


def boilerplate_opinion(paragraphs: Sequence[str]) -> list[bool]:
    """jusText's verdict on each paragraph (True: boilerplate), from its paragraph classifier
    (length, stop-word density, the paragraphs around it) with its English stop-word list.

    The paragraphs are handed to jusText as ``<p>`` blocks of one page; link density, which
    plain text cannot show, plays no part.
    """
    import html

    import justext

    page = "<html><body>" + "".join(f"<p>{html.escape(p)}</p>" for p in paragraphs)
    blocks = justext.justext(page + "</body></html>", _english_stoplist())
    if len(blocks) != len(paragraphs):  # jusText skipped a block: no opinion
        return [False] * len(paragraphs)
    return [b.class_type == "bad" for b in blocks]


@functools.cache
def _english_stoplist() -> frozenset[str]:
    import justext

    return frozenset(justext.get_stoplist("English"))


#: A teaser under a headline of a story list is one sentence of at most this many words.
TEASER_MAX_WORDS = 30


def is_teaser(text: str) -> bool:
    """True for a paragraph shaped like the one-sentence teaser under a headline in a story
    list ('SportsLine's computer simulated every game 10,000 times with surprising results.'):
    at most ``TEASER_MAX_WORDS`` words, no quotation marks, one sentence (its full stop may be
    missing, as in a headline's kicker)."""
    line = text.strip()
    if not line or len(line.split()) > TEASER_MAX_WORDS or any(q in line for q in _QUOTE_MARKS):
        return False
    return _BOUNDARY.search(line) is None


def link_runs(texts: Sequence[str], *, tail_from: int | None = None) -> list[tuple[int, int]]:
    """The runs (start, end) of at least ``LINK_RUN_MIN`` consecutive link-like paragraphs
    (``is_link_like``) in ``texts``: menus and story lists. Paragraphs after ``tail_from``
    (the article's last paragraph of prose) may be headlines of up to ``TAIL_LINK_MAX_WORDS``
    words."""
    tail = len(texts) if tail_from is None else tail_from + 1
    shapes = "".join(
        "L"
        if is_link_like(t, max_words=TAIL_LINK_MAX_WORDS if k >= tail else LINK_RUN_MAX_WORDS)
        else "x"
        for k, t in enumerate(texts)
    )
    return [m.span() for m in re.finditer(rf"L{{{LINK_RUN_MIN},}}", shapes)]


#: A story list with teasers closing the page: headlines (one or two link-like lines: a
#: title, a kicker) each over a teaser, at least twice, then only link-like lines to the end.
_TEASER_LIST = re.compile(r"(?:L{1,2}T){2,}L+$")


def teaser_lists(texts: Sequence[str]) -> list[tuple[int, int]]:
    """The run (start, end) closing ``texts`` that is shaped like a story list with teasers:
    one or two link-like paragraphs (``is_link_like``) then a teaser (``is_teaser``), at least
    twice, then link-like paragraphs only (more headlines, a menu, a footer) to the end, with
    at least ``LINK_RUN_MIN`` link-like paragraphs in all. Points each explained in a
    sentence inside an article are followed by more of the article, so they do not end the
    page this way; a product box of many short feature lines with a sentence among them has
    three links in a row, which a story list has not."""
    shapes = "".join("L" if is_link_like(t) else "T" if is_teaser(t) else "x" for t in texts)
    found = _TEASER_LIST.search(shapes)
    if found is None or found.group().count("L") < LINK_RUN_MIN:
        return []
    return [found.span()]


def _is_prose(text: str) -> bool:
    """A paragraph of article prose: longer than a teaser, ending a sentence."""
    return len(text.split()) > TEASER_MAX_WORDS and ends_sentence(text)


def _drop_link_runs(draft: _Draft) -> _Draft:
    """Remove runs of link-like paragraphs (``link_runs``): navigation menus, share bars,
    'related stories' lists, with ``link-run``; and story lists with a teaser under their
    headlines that close the page (``teaser_lists``) below the article's last paragraph of
    prose (``_is_prose``; none without one), with ``teaser-list``. A run of links shorter than ``2 * LINK_RUN_MIN``, and any teaser
    list, goes only if jusText also calls most of it boilerplate (``boilerplate_opinion``):
    the structure finds the candidates, and the classifier vetoes a short list, or points
    each explained in a sentence, inside the article's prose."""
    texts = [u.text for u in draft.units]
    last_prose = max((k for k, t in enumerate(texts) if _is_prose(t)), default=-1)
    tail_from = last_prose if last_prose >= 0 else None
    candidates = [(a, b, "link-run") for a, b in link_runs(texts, tail_from=tail_from)] + [
        (a, b, "teaser-list") for a, b in teaser_lists(texts) if a > last_prose >= 0
    ]
    drop: dict[int, str] = {}
    opinion = boilerplate_opinion(texts) if candidates else []
    for a, b, reason in candidates:
        long_menu = reason == "link-run" and b - a >= 2 * LINK_RUN_MIN
        if long_menu or sum(opinion[a:b]) * 2 > b - a:
            for k in range(a, b):
                drop.setdefault(k, reason)
    return _drop_units(draft, drop)


#: A caption above a lone credit is at most this many words and ends like a sentence.
CAPTION_MAX_WORDS = 40


def _drop_prose_furniture(draft: _Draft) -> _Draft:
    """Remove furniture written as prose that only its place gives away: a photo credit on its
    own line (``is_photo_credit``) with, when it names a photographer, the caption just above
    it (``credited-caption``: at most ``CAPTION_MAX_WORDS`` words, ending a sentence), an
    author box's job line and the name above it (``is_role_line``, ``author-box``), and an
    author bio
    (``is_author_bio``) in the last third of the article or naming its byline
    (``author-bio``)."""
    units = draft.units
    bylines = {v.casefold() for k, v in draft.metadata if k == "byline"}
    tail = len(units) - len(units) // 3
    drop: dict[int, str] = {}
    for k, unit in enumerate(units):
        if is_photo_credit(unit.text):
            drop[k] = "photo-credit"
            above = units[k - 1].text if k > 0 else ""
            if (
                _names_photographer(unit.text)
                and k - 1 not in drop
                and above
                and len(above.split()) <= CAPTION_MAX_WORDS
                and (ends_sentence(above) or above.endswith(")"))
            ):
                drop[k - 1] = "credited-caption"
        elif is_role_line(unit.text):
            drop[k] = "author-box"
            above = units[k - 1].text if k > 0 else ""
            if above and k - 1 not in drop and is_name_list(above, require_place=False):
                drop[k - 1] = "author-box"
        elif is_author_bio(unit.text):
            name = _BIO.match(collapse_whitespace(unit.text))["name"].strip().casefold()
            if k >= tail or name in bylines:
                drop[k] = "author-bio"
    return _drop_units(draft, drop)


def _drop_units(draft: _Draft, drop: dict[int, str]) -> _Draft:
    """``draft`` without its units numbered in ``drop``, each logged whole with its reason."""
    if not drop:
        return draft
    removed = list(draft.removed)
    for k in sorted(drop):
        removed.extend(_whole(draft.units[k], drop[k]))
    kept = tuple(u for k, u in enumerate(draft.units) if k not in drop)
    return replace(draft, units=kept, removed=tuple(removed))


def _join_broken(draft: _Draft) -> _Draft:
    """Rejoin paragraphs cut mid-sentence by a page break (``should_join``) and remove page-break
    fragments that the next paragraph repeats (``is_repeated_fragment``). A joined paragraph
    that reads as junk as a whole ('Skip to' + 'content') is removed whole. Repeated until
    nothing changes: a fragment ('Putin putin putin') may be repeated only by the paragraph a
    join makes after it ('Putin' + 'putin putin putin.'), and cleaning twice must change
    nothing more."""
    while True:
        joined = _join_once(draft)
        if len(joined.units) == len(draft.units):  # a join or a removal drops a unit
            return joined
        draft = joined


def _join_once(draft: _Draft) -> _Draft:
    """One pass of :func:`_join_broken` over ``draft``'s paragraphs."""
    units: list[_Unit] = []
    removed = list(draft.removed)
    for kept, group in _join_groups(draft.units, text=lambda u: u.text, min_words=12):
        unit = _merge(group)
        reason = None if kept else "repeated-fragment"
        if kept and len(group) > 1:
            reason = _junk_reason(unit.text, unit.text)
        if reason:
            removed.extend(_whole(unit, reason))
        else:
            units.append(unit)
    return replace(draft, units=tuple(units), removed=tuple(removed))


def _drop_furniture(draft: _Draft) -> _Draft:
    """Remove the page furniture left in the body once paragraphs are joined: a short line the
    page printed before (``repeated-line``; the first copy stays), a glued teaser
    (``is_glued_teaser``), a line that is only a date (``stray-date``), a comment count or a
    commenter's name and date (``is_comment_furniture``), a copyright notice with
    body text after it (``copyright``; one that ends the article is a credit), and a short line
    without letters (``no-words``). Run before joining (so that a paragraph broken around a
    date line is rejoined) and again after it (a join can make a repeat), so that cleaning the
    result again finds nothing more."""
    units = draft.units
    drop: dict[int, str] = {}
    last_body = max(
        (k for k, u in enumerate(units) if not is_credit_line(u.text)),
        default=-1,
    )
    seen: set[str] = set()
    for k, unit in enumerate(units):
        if k in drop:
            continue
        short = len(unit.text.split()) <= REPEATED_MAX_WORDS
        if short and unit.text in seen:
            drop[k] = "repeated-line"  # the first copy stays where the other rules leave it
        elif is_glued_teaser(unit.text):
            drop[k] = "glued-teaser"
        elif is_dateline(unit.text) or is_relative_date(unit.text):
            drop[k] = "stray-date"
        elif is_comment_furniture(unit.text):
            drop[k] = "comment-furniture"
        elif k < last_body and is_copyright_line(unit.text):
            drop[k] = "copyright"
        elif len(unit.text) <= 20 and not any(c.isalpha() for c in unit.text):
            drop[k] = "no-words"
        if short:
            seen.add(unit.text)
    return _drop_units(draft, drop)


def _take_credits(draft: _Draft) -> _Draft:
    """Move the credit lines that end the article (``is_credit_line``: reporting credits and
    copyright notices) to metadata ``credits``, in text order. Only the tail is searched, so
    a body sentence opening 'Reporting by the BBC …' stays in the body."""
    units = draft.units
    i = len(units)
    while i > 0 and is_credit_line(units[i - 1].text):
        i -= 1
    metadata = list(draft.metadata)
    removed = list(draft.removed)
    for unit in units[i:]:
        value, value_removed = _as_value(unit)
        metadata.append(("credits", value))
        removed.extend(value_removed)
    return replace(draft, units=units[:i], metadata=tuple(metadata), removed=tuple(removed))


def _keep_body(draft: _Draft) -> _Draft:
    """Record the inline markup removed from the body paragraphs."""
    removed = draft.removed + tuple(r for unit in draft.units for r in unit.markup)
    return replace(draft, removed=removed)


STEPS: tuple[Callable[[_Draft], _Draft], ...] = (
    _split_lines,
    _drop_junk_lines,
    _group_paragraphs,
    _take_source_url,
    _take_header,
    _drop_link_runs,
    _drop_prose_furniture,
    _drop_furniture,
    _join_broken,
    _drop_furniture,
    _take_credits,
    _keep_body,
)
"""The cleaning pipeline, in order. Header and source url are taken before joining, so that a
headline (which has no final full stop) is never joined to the first paragraph; link runs
after the header, so that a headline, byline and dateline are never read as a menu; credits
after joining, so that the body's last paragraph is final when the tail is searched."""


def clean_text(text: str, *, metadata: Mapping[str, str] | None = None) -> CleanedText:
    """Separate one article's body paragraphs from its metadata and junk (see the module doc).

    ``metadata`` is what is already known from outside the text (an HTML page's title, author,
    date): it is kept, and a heading repeating the given headline is logged as ``title-repeat``.
    Several values of one metadata field (two credit lines) are joined with ' | '.
    """
    given = tuple((k, v) for k, v in (metadata or {}).items() if k in METADATA_KEYS and v)
    draft = _Draft(source=text, metadata=given)
    for step in STEPS:
        draft = step(draft)
    values: dict[str, list[str]] = {}
    for key, value in draft.metadata:
        if value:
            values.setdefault(key, []).append(value)
    metadata = {key: _SEPARATOR.join(values[key]) for key in METADATA_KEYS if key in values}
    removed = tuple(sorted(draft.removed, key=lambda r: r.position))
    return CleanedText(tuple(u.text for u in draft.units), metadata, removed)
