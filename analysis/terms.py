"""Words and terms, one way everywhere: the tokenisation policy and the term syntax.

Base layer of the topic modules (vocabulary, emphasis, kwic, tone): it imports nothing of theirs.

Tokenisation policy
    :func:`normalise` (typography folded, lower case, possessive 's dropped), words by
    :data:`~analysis.text.WORD_PATTERN`, scikit-learn's English stop words (with contractions),
    as a ``CountVectorizer`` (:func:`vectorizer`) or a list (:func:`analyse`).

Term syntax
    A term in a lexicon or a search is a word, a phrase, a glob or alternatives of those
    (:func:`find_matches` says exactly what matches): ``*`` continues a word across inner hyphens
    and apostrophes, ``?`` is one letter or digit, ``a | b`` is either, matches start and end on
    word boundaries, straight and curly apostrophes match each other. One syntax serves naming
    choices and KWIC (:func:`find_matches`), frames and facts (:func:`count_terms` and
    :func:`contains_terms`, the counts of :func:`terms_regex`) and the stance and escalation
    markers (:func:`match_terms`). Where several terms are sought at once, the one
    with the most words (then the most characters) is tried first at each place, so a phrase
    counts once, not as its words.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from functools import cache

import numpy as np

from analysis.text import WORD_PATTERN, WORD_RE, fold_typography, join_bracketed

# --------------------------------------------------------------------------- tokenisation policy

_POSSESSIVE = re.compile(r"'s\b(?<=[^\W_]'s)")  # literal first: far faster to search
_CONTRACTION = re.compile(r"[^\W\d_]+(?:n't|'(?:re|ve|ll|d|m))")


def normalise(text: str) -> str:
    """``text`` as the counters see it: typography folded, lower-cased, possessive 's dropped,
    an editor's in-word brackets joined (:func:`analysis.text.join_bracketed`: "pursu[ing]"
    counts as "pursuing").

    "Russia’s" and "Russia's" both become "russia"; a plural possessive ("allies’") is already
    the bare word, because :data:`~analysis.text.WORD_PATTERN` never ends a word on an apostrophe.
    The clitic 's of "it's" / "that's" goes too, which only ever leaves a stop word.
    """
    return _POSSESSIVE.sub("", join_bracketed(fold_typography(text)).lower())


def content_tokens(text: str) -> list[str]:
    """The words of normalised ``text`` without contractions ("don't", "we're", "they've").

    A contraction is a function word in every case, so it goes wherever stop words go.
    """
    return [t for t in WORD_RE.findall(text) if "'" not in t or not _CONTRACTION.fullmatch(t)]


def stop_word_list(stop_words: bool | Iterable[str] = True) -> list[str] | None:
    """The stop words the policy removes: scikit-learn's English list (``True``), none
    (``False``), or the caller's own words, normalised like the text."""
    if stop_words is True:
        from sklearn.feature_extraction.text import ENGLISH_STOP_WORDS

        return sorted(ENGLISH_STOP_WORDS)
    if stop_words is False or stop_words is None:
        return None
    return sorted({normalise(w) for w in stop_words})


def vectorizer(*, stop_words: bool | Iterable[str] = True, ngrams: int = 1):
    """The suite's one tokenisation policy, as a scikit-learn ``CountVectorizer``.

    Text goes through :func:`normalise`, words are found with ``WORD_PATTERN``, stop words (and,
    with them, contractions) are removed, and ``ngrams=2`` adds bigrams of the remaining words
    (scikit-learn forms n-grams after stop words are removed, so "threat of invasion" gives
    "threat invasion"). Counts are int64 in a sparse matrix.
    """
    from sklearn.feature_extraction.text import CountVectorizer

    if ngrams not in (1, 2):
        raise ValueError(f"ngrams must be 1 (words) or 2 (words and bigrams), not {ngrams!r}")
    stop = stop_word_list(stop_words)
    return CountVectorizer(
        preprocessor=normalise,
        tokenizer=content_tokens if stop is not None else None,
        token_pattern=None if stop is not None else WORD_PATTERN,
        lowercase=False,
        stop_words=stop,
        ngram_range=(1, ngrams),
        dtype=np.int64,
    )


def analyse(text: str, *, stop_words: bool | Iterable[str] = True, ngrams: int = 1) -> list[str]:
    """The terms :func:`vectorizer` counts in ``text``, in order (words first, then bigrams)."""
    return vectorizer(stop_words=stop_words, ngrams=ngrams).build_analyzer()(text)


# --------------------------------------------------------------------------- term syntax

_GLOB = {"*": r"(?:[^\W_]|[-'’](?=[^\W_]))*", "?": r"[^\W_]", "'": "['’]", "’": "['’]"}
#: A match starts where a word of WORD_PATTERN starts ...
_STARTS_WORD = re.compile(r"(?<![^\W_])(?<![^\W_][-'’])(?<![^\W\d_]\.-)(?!(?<=\d[.,])\d)")
#: ... and ends where it ends, or before a possessive 's ("Nato" matches "Nato's").
_ENDS_WORD = r"(?![^\W_])(?!-[^\W_])(?!['’](?!s(?![^\W_]))[^\W_])(?!(?<=\d)[.,]\d)"


@cache
def _pattern_body(pattern: str, case: bool) -> re.Pattern:
    """The regex for ``pattern`` without its start-of-word check (see :func:`find_matches`).

    Without ``case`` the pattern is lower-cased and meant for lower-cased text: a literal regex
    is searched far faster than one compiled with IGNORECASE.
    """
    alternatives = [a.split() for a in (pattern if case else pattern.lower()).split("|")]
    if not all(alternatives):
        raise ValueError(f"empty word, phrase or alternative in pattern {pattern!r}")
    body = "|".join(
        r"\s+".join("".join(_GLOB.get(ch, re.escape(ch)) for ch in word) for word in words)
        for words in alternatives
    )
    return re.compile(f"(?:{body}){_ENDS_WORD}")


def pattern_regex(pattern: str | re.Pattern, *, case: bool = False) -> re.Pattern:
    """One compiled regex for ``pattern``, matching exactly what :func:`find_matches` finds
    (word boundaries included; IGNORECASE unless ``case``), for use with pandas ``str``
    methods or another regex. A compiled ``re.Pattern`` is returned unchanged."""
    if isinstance(pattern, re.Pattern):
        return pattern
    body = _pattern_body(pattern, True).pattern
    return re.compile(_STARTS_WORD.pattern + body, 0 if case else re.IGNORECASE)


def find_matches(
    pattern: str | re.Pattern, text: str, *, case: bool = False, lowered: str | None = None
) -> list[tuple[int, int]]:
    """Where ``pattern`` occurs in ``text``: (start, end) offsets, left to right, not overlapping.

    ``pattern`` is a word, a phrase, a glob, or alternatives of those: ``"invasion"`` matches the
    whole word (and "invasion's"), not "invasions"; ``"pull* back"`` is a phrase (words separated
    by white space only) with a glob (``*`` continues a word across inner hyphens and
    apostrophes, ``?`` is one letter or digit); ``"withdraw|withdrew"`` is either. Matches begin
    and end on word boundaries of :data:`~analysis.text.WORD_PATTERN`, so "attack" is not found
    inside "ground-attack", nor "Donbas" inside "Donbass". Straight and curly apostrophes match
    each other. ``case=False`` ignores case (pass ``lowered=text.lower()`` when searching one
    text for many patterns). A compiled ``re.Pattern`` is used as it is, for full regex control.
    """
    if isinstance(pattern, re.Pattern):
        return [m.span() for m in pattern.finditer(text)]
    haystack = text if case else (lowered if lowered is not None else text.lower())
    if len(haystack) != len(text):  # a character whose lower case is longer: rare, slower path
        body, haystack = re.compile(_pattern_body(pattern, True).pattern, re.IGNORECASE), text
    else:
        body = _pattern_body(pattern, case)
    spans, position = [], 0
    while (found := body.search(haystack, position)) is not None:
        start, end = found.span()
        if _STARTS_WORD.match(haystack, start):
            spans.append((start, end))
            position = max(end, start + 1)
        else:
            position = start + 1
    return spans


def count_matches(
    texts: Iterable[str], pattern: str | re.Pattern, *, case: bool = False
) -> np.ndarray:
    """How many times ``pattern`` (see :func:`find_matches`) occurs in each of ``texts``."""
    return np.fromiter((len(find_matches(pattern, t, case=case)) for t in texts), dtype=np.int64)


def _ordered(terms: Iterable[str]) -> list[str]:
    """``terms`` without repeats, the most words first, then the longest, then alphabetically."""
    return sorted(set(terms), key=lambda t: (-len(t.split()), -len(t), t))


def terms_regex(terms: tuple[str, ...] | list[str]) -> re.Pattern:
    """One case-insensitive regex matching any of ``terms`` (see the module docstring), with the
    word-boundary checks done once for all of them (so it is fast)."""
    return _terms_regex(tuple(terms))


@cache
def _terms_regex(terms: tuple[str, ...]) -> re.Pattern:
    return pattern_regex(" | ".join(_ordered(terms)))


@cache
def _labelled_regex(terms: tuple[str, ...]) -> re.Pattern:
    """:func:`terms_regex` for lower-cased text, with a named group per term (``t<i>_<k>``: term
    ``i`` of ``terms``), so a match says which term it is (see :func:`_grouped_regex`)."""
    return _grouped_regex(terms, labelled=True)


@cache
def _grouped_regex(terms: tuple[str, ...], *, labelled: bool = False) -> re.Pattern:
    """:func:`terms_regex` for lower-cased text, with the terms grouped by their first letter;
    ``labelled``: a named group per term (``t<i>_<k>``: term ``i`` of ``terms``).

    The alternatives are grouped by the letter they start with, each group behind a look-ahead
    for its letter: at a word start only the terms that can begin there are tried, not all of
    them (about 10x faster with the suite's lexicons). A group holds, in :func:`_ordered` order,
    every term that can start with its letter and every term whose first character is not a
    plain letter or digit (a glob, an apostrophe); the last group holds those alone. So at any
    place the first term that matches is the one the plain alternation of all terms finds.
    """
    index = {term: i for i, term in enumerate(terms)}
    ordered = _ordered(terms)
    leads = {term: _lead_letters(term) for term in ordered}
    letters = sorted({letter for found in leads.values() if found for letter in found})

    def group(k: int, members: list[str]) -> str:
        bodies = [_pattern_body(term.lower(), False).pattern for term in members]
        if labelled:
            bodies = [f"(?P<t{index[t]}_{k}>{b})" for t, b in zip(members, bodies, strict=True)]
        return "|".join(bodies)

    groups = [
        f"(?={re.escape(letter)})(?:"
        + group(k, [t for t in ordered if leads[t] is None or letter in leads[t]])
        + ")"
        for k, letter in enumerate(letters)
    ]
    anywhere = [term for term in ordered if leads[term] is None]
    if anywhere:
        groups.append(f"(?:{group(len(letters), anywhere)})")
    return re.compile(_STARTS_WORD.pattern + f"(?:{'|'.join(groups)})")


def _lead_letters(term: str) -> set[str] | None:
    """The characters a match of ``term`` (lower-cased) can start with, or ``None`` where one of
    its alternatives does not start with a plain letter or digit."""
    letters = set()
    for alternative in term.lower().split("|"):
        alternative = alternative.strip()
        if not alternative[:1].isalnum():
            return None
        letters.add(alternative[0])
    return letters


def count_terms(texts: Iterable[str], terms: tuple[str, ...]) -> np.ndarray:
    """How many times :func:`terms_regex` of ``terms`` matches in each of ``texts`` (an int
    array): the same counts, found faster. An ASCII text is lower-cased and searched with the
    terms grouped by their first letter (as :func:`match_terms` does; the seeds' frames on
    24,708 synthetic sentences: 1.6 s CPU against 2.1 s by one case-insensitive alternation per
    frame); any other text with :func:`terms_regex` itself, because
    case-insensitive matching pairs a few non-ASCII letters with ASCII ones ("K" with the
    Kelvin sign) that lower-casing does not."""
    grouped, plain = _grouped_regex(tuple(terms)), terms_regex(terms)
    return np.fromiter(
        (len(grouped.findall(t.lower())) if t.isascii() else len(plain.findall(t)) for t in texts),
        dtype=np.int64,
    )


def contains_terms(texts: Iterable[str], terms: tuple[str, ...]) -> np.ndarray:
    """Whether :func:`terms_regex` of ``terms`` matches in each of ``texts`` (a bool array),
    found as :func:`count_terms` finds them."""
    grouped, plain = _grouped_regex(tuple(terms)), terms_regex(terms)
    return np.fromiter(
        (
            (grouped.search(t.lower()) if t.isascii() else plain.search(t)) is not None
            for t in texts
        ),
        dtype=bool,
    )


def match_terms(text: str, terms: Mapping[str, str]) -> list[tuple[str, str]]:
    """``(term, label)`` for each of ``terms`` (term -> label) found in ``text``, in text order.

    Matched as :func:`terms_regex` matches, on ``text`` with typography folded and case ignored;
    matches do not overlap ("certain extent" is found once, not also as "certain").
    """
    keys = tuple(terms)
    regex = _labelled_regex(keys)
    found = []
    for match in regex.finditer(fold_typography(text).lower()):
        term = keys[int(match.lastgroup[1:].partition("_")[0])]
        found.append((term, terms[term]))
    return found


def term_key(term: str) -> str:
    """A lexicon term as its matches are reported: typography folded, lower case, one space
    between its words ("It’s  likely" -> "it's likely"). The term syntax is kept: "threat*",
    "mobili?e" and "a | b" stay globs and alternatives (a key made of its words alone turned
    "threat*" into "threat", which matched "threat" only)."""
    return " ".join(fold_typography(term).lower().split())
