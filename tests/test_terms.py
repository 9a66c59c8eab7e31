"""analysis.terms.match_terms: terms grouped by their first letter find what one plain
alternation of every term finds, term for term."""

from __future__ import annotations

import re

import pytest

import analysis
from analysis import terms, tone
from analysis.text import fold_typography

TRICKY = {
    "may": "hedge",
    "may be": "hedge phrase",
    "?ay": "glob first",  # starts with a glob: tried at every word start
    "'em": "apostrophe first",
    "certain": "c",
    "certain extent": "c phrase",
    "zz | mo*": "two first letters",
}


def test_match_terms_by_hand():
    # _ordered: "zz | mo*" (3 pieces), "certain extent", "may be", "certain", then "'em", "?ay",
    # "may" (3 letters, by code point). At "may say" "?ay" comes before "may", as it did when all
    # terms were one alternation; "gay" and "say" start with letters no term starts with.
    text = "It may be so; gay men may say 'em certain, to a certain extent, more."
    assert terms.match_terms(text, TRICKY) == [
        ("may be", "hedge phrase"),
        ("?ay", "glob first"),
        ("?ay", "glob first"),
        ("?ay", "glob first"),
        ("'em", "apostrophe first"),
        ("certain", "c"),
        ("certain extent", "c phrase"),
        ("zz | mo*", "two first letters"),
    ]


def _one_alternation(keys: tuple[str, ...]) -> re.Pattern:
    """The reference: every term in one alternation, in _ordered order (no grouping)."""
    index = {term: i for i, term in enumerate(keys)}
    body = "|".join(
        f"(?P<t{index[t]}>{terms._pattern_body(t.lower(), False).pattern})"
        for t in terms._ordered(keys)
    )
    return re.compile(terms._STARTS_WORD.pattern + f"(?:{body})")


@pytest.mark.parametrize(
    "lexicon",
    [("hedges", "boosters", "escalation"), ("cues",), "tricky"],
)
def test_grouped_terms_find_what_one_alternation_finds(lexicon):
    found = TRICKY if lexicon == "tricky" else tone.lexicon_terms(lexicon)
    keys = tuple(found)
    reference = _one_alternation(keys)
    corpus = analysis.load_corpus()
    texts = corpus.sentences["text"].tolist() + list(TRICKY) + ["'em gay zz more mo"]
    matched = 0
    for text in texts:
        expected = [
            (keys[int(m.lastgroup[1:])], found[keys[int(m.lastgroup[1:])]])
            for m in reference.finditer(fold_typography(text).lower())
        ]
        assert terms.match_terms(text, found) == expected, text
        matched += len(expected)
    assert matched > 0


@pytest.mark.parametrize("lexicon", ["frames", "facts", "tricky"])
def test_count_and_contains_terms_agree_with_terms_regex(lexicon):
    """count_terms / contains_terms (ASCII texts lower-cased and searched by first letter) count
    and find what terms_regex (one case-insensitive alternation) counts and finds, on every seed
    sentence and headline, the tricky terms, and texts that lower-casing would get wrong."""
    from analysis import emphasis

    if lexicon == "frames":
        groups = [f.terms for f in emphasis.load_frames()]
    elif lexicon == "facts":
        groups = [tuple(p[0] for p in f.patterns) for f in emphasis.load_facts()]
        groups += [(part,) for f in emphasis.load_facts() for p in f.patterns for part in p]
    else:
        groups = [tuple(TRICKY)]
    corpus = analysis.load_corpus()
    texts = [
        fold_typography(t)
        for t in corpus.sentences["text"].tolist() + corpus.articles["headline"].tolist()
    ]
    texts += list(TRICKY) + ["'em gay zz more mo", "ſanctions and Sanctions", "MAY BE İt may"]
    counted = 0
    for group in groups:
        regex = terms.terms_regex(group)
        expected = [len(regex.findall(t)) for t in texts]
        assert terms.count_terms(texts, group).tolist() == expected, group
        assert terms.contains_terms(texts, group).tolist() == [n > 0 for n in expected], group
        counted += sum(expected)
    assert counted > 0


def test_count_terms_keeps_case_insensitive_matches_lower_casing_misses():
    # "ſ" (long s) matches "s" case-insensitively but lower-cases to itself
    assert terms.count_terms(["ſanctions and Sanctions"], ("sanctions",)).tolist() == [2]
    assert terms.contains_terms(["ſanctions"], ("sanctions",)).tolist() == [True]
