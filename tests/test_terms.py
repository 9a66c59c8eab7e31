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
