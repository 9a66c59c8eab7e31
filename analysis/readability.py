"""Readability and lexical diversity of a text: textstat's formulas from one count, MTLD, MATTR.

:func:`count_text` counts what every textstat formula needs (words, sentences, letters,
syllables, polysyllables, unfamiliar and hard words) once, by textstat's own rules and
functions; :func:`scores_from_counts` derives every metric of :data:`READABILITY_METRICS` from
those counts, equal to ``textstat.<metric>(text)`` (the tests check it on every seed), and much
faster than calling textstat once per metric. :func:`mtld` (McCarthy & Jarvis 2010) and
:func:`mattr` (Covington & McFall 2010) measure lexical diversity over
:func:`analysis.text.folded_words`.

The per-article table of notebook 04 is :func:`analysis.tone.readability`.
"""

from __future__ import annotations

import functools
import math
from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np

from analysis.text import folded_words

#: The language textstat is asked for (its default); fixes the syllable rules and word lists.
TEXTSTAT_LANG = "en_US"
#: The textstat whose formulas :func:`scores_from_counts` reproduces (named in findings).
TEXTSTAT_VERSION = "0.7.8"

#: The keys of :func:`readability_scores`, each named after the textstat function it equals.
READABILITY_METRICS = (
    "flesch_reading_ease",
    "flesch_kincaid_grade",
    "gunning_fog",
    "smog_index",
    "coleman_liau_index",
    "dale_chall_readability_score",
    "words_per_sentence",
    "avg_syllables_per_word",
)


@dataclass(frozen=True)
class TextCounts:
    """What every textstat formula needs, counted once per text by textstat's own rules.

    ``words``: textstat's words (punctuation removed, contractions kept whole);
    ``sentences``: textstat's sentences (runs ending in . ! or ?, ignoring runs of two words or
    fewer); ``letters``: word characters; ``syllables``: CMU dictionary, else Pyphen;
    ``polysyllables``: words of three or more syllables; ``unfamiliar``: words not on the
    Dale-Chall list of easy words; ``hard``: unfamiliar words of three or more syllables.
    """

    words: int
    sentences: int
    letters: int
    syllables: int
    polysyllables: int
    unfamiliar: int
    hard: int


@functools.lru_cache(maxsize=1 << 18)
def _word_profile(word: str) -> tuple[int, bool, bool, bool]:
    """``(syllables, polysyllabic, hard, unfamiliar)`` of one textstat word, by textstat's rules.

    Each part is computed the way the textstat metric that uses it computes it, with textstat's
    own functions: syllables by CMU dictionary else Pyphen on the lower-cased word (as
    ``count_syllables`` on a whole text); "polysyllabic" by ``count_syllables(word) >= 3`` (as
    ``count_polysyllable_words``); "hard" and "unfamiliar" by ``is_difficult_word`` with
    syllable thresholds 3 (Gunning fog) and 0 (Dale-Chall). The parts differ from a single
    syllable count only for rare characters whose lower case adds a combining mark ("İ"), but
    identical means identical. Cached across texts: a corpus repeats its vocabulary.
    """
    from textstat.backend import counts, utils, validations

    lower = word.lower()
    try:
        syllables = sum(
            1 for phone in utils.get_cmudict(TEXTSTAT_LANG)[lower][0] if phone[-1].isdigit()
        )
    except (TypeError, IndexError, KeyError):
        syllables = len(utils.get_pyphen(TEXTSTAT_LANG).positions(lower)) + 1
    return (
        syllables,
        counts.count_syllables(word, TEXTSTAT_LANG) >= 3,
        validations.is_difficult_word(word, 3, TEXTSTAT_LANG),
        validations.is_difficult_word(word, 0, TEXTSTAT_LANG),
    )


def count_text(text: str) -> TextCounts:
    """Count ``text``'s words, sentences, letters and syllables once, by textstat's rules.

    Tokenises once with textstat's ``list_words`` and profiles each distinct word once (cached
    across texts), where calling textstat's metrics one by one re-tokenises the text and
    re-counts syllables for nearly every metric.
    """
    from textstat.backend import counts, selections

    profiles = [_word_profile(token) for token in selections.list_words(text)]
    return TextCounts(
        words=len(profiles),
        sentences=counts.count_sentences(text),
        letters=counts.count_letters(text),
        syllables=sum(p[0] for p in profiles),
        polysyllables=sum(p[1] for p in profiles),
        hard=sum(p[2] for p in profiles),
        unfamiliar=sum(p[3] for p in profiles),
    )


def _per(numerator: float, denominator: float) -> float:
    """``numerator / denominator``, or 0.0 when the denominator is 0 (textstat's convention)."""
    return numerator / denominator if denominator else 0.0


def scores_from_counts(c: TextCounts) -> dict[str, float]:
    """textstat 0.7.8's readability formulas (English) evaluated on one set of counts.

    Each line is the formula of the textstat function of the same name, with its constants,
    its order of operations (so the floats are identical, not just close) and its 0.0 for an
    empty text. The Gunning fog "complex word" is textstat's: not on the Dale-Chall easy list
    and three syllables or more; the Dale-Chall "difficult word" is any word not on the list
    (textstat does not accept regular inflections of listed words, so this scores higher than
    the published formula).
    """
    wps = _per(c.words, c.sentences)
    spw = _per(c.syllables, c.words)
    flesch = wps != 0 and spw != 0
    letters = _per(c.letters, c.words) * 100
    sentences = _per(c.sentences, c.words) * 100
    unfamiliar = 100 * c.unfamiliar / c.words if c.words else 0.0
    dale_chall = (0.1579 * unfamiliar) + (0.0496 * wps) if c.words else 0.0
    if unfamiliar > 5:
        dale_chall += 3.6365
    return {
        "flesch_reading_ease": 206.835 - 1.015 * wps - 84.6 * spw if flesch else 0.0,
        "flesch_kincaid_grade": (0.39 * wps) + (11.8 * spw) - 15.59 if flesch else 0.0,
        "gunning_fog": 0.4 * (wps + 100 * c.hard / c.words) if c.words else 0.0,
        "smog_index": (
            (1.043 * (30 * (c.polysyllables / c.sentences)) ** 0.5) + 3.1291 if c.sentences else 0.0
        ),
        "coleman_liau_index": (
            (0.058 * letters) - (0.296 * sentences) - 15.8 if letters and sentences else 0.0
        ),
        "dale_chall_readability_score": dale_chall,
        "words_per_sentence": wps,
        "avg_syllables_per_word": spw,
    }


def readability_scores(text: str) -> dict[str, float]:
    """textstat's readability of ``text``, from one count (:func:`count_text`).

    Keys (:data:`READABILITY_METRICS`) are textstat's function names and the values equal
    ``textstat.<name>(text)`` exactly (``avg_syllables_per_word`` is syllables per word,
    ``words_per_sentence`` the mean sentence length in words). Needs no network: the CMU
    dictionary, Pyphen's patterns and the easy-word list ship with the pinned packages.
    """
    return scores_from_counts(count_text(text))


def _mtld_pass(tokens: Sequence[str], threshold: float) -> float:
    """Factors counted over one direction of MTLD, including the final partial factor."""
    factors, types, count = 0.0, set(), 0
    ttr = 1.0
    for token in tokens:
        count += 1
        types.add(token)
        ttr = len(types) / count
        if ttr <= threshold:
            factors += 1
            types, count, ttr = set(), 0, 1.0
    return factors + (1 - ttr) / (1 - threshold)


def mtld(tokens: Sequence[str], *, threshold: float = 0.72) -> float:
    """Measure of Textual Lexical Diversity (McCarthy & Jarvis 2010) of ``tokens``.

    The mean number of tokens it takes the running type-token ratio to fall to ``threshold``,
    read forwards and backwards and averaged; the last, incomplete stretch counts as the
    fraction of a factor it has used up. Unlike the raw type-token ratio it hardly depends on
    the length of the text, so articles of different lengths compare. NaN when no factor is
    completed or begun (every token distinct).
    Hand-written, following Kyle's reference implementation (``lexical-diversity``, the
    algorithm of TAALED), because none of the pinned libraries (textstat, scikit-learn, ...)
    provides MTLD or MATTR.
    """
    tokens = list(tokens)
    forward = _mtld_pass(tokens, threshold)
    backward = _mtld_pass(tokens[::-1], threshold)
    if forward == 0 or backward == 0:
        return math.nan
    return (len(tokens) / forward + len(tokens) / backward) / 2


def mattr(tokens: Sequence[str], *, window: int = 50) -> float:
    """Moving-average type-token ratio (Covington & McFall 2010) of ``tokens``.

    The type-token ratio of every run of ``window`` consecutive tokens, averaged; a text shorter
    than the window gets its plain type-token ratio (NaN if empty). Linear time: a repeated
    token lowers the type count of exactly the windows that hold it and its previous
    occurrence, which a difference array adds up for all windows at once.
    Hand-written for the same reason as :func:`mtld`.
    """
    n = len(tokens)
    if n == 0:
        return math.nan
    if n < window:
        return len(set(tokens)) / n
    first_seen: dict[str, int] = {}  # codes in order of first appearance, as pd.factorize
    codes = np.fromiter((first_seen.setdefault(t, len(first_seen)) for t in tokens), np.int64, n)
    order = np.argsort(codes, kind="stable")
    same = codes[order[1:]] == codes[order[:-1]]
    current, previous = order[1:][same], order[:-1][same]
    n_windows = n - window + 1
    first = np.maximum(current - window + 1, 0)
    last = np.minimum(previous, n_windows - 1)
    inside = first <= last
    repeats = np.zeros(n_windows + 1)
    np.add.at(repeats, first[inside], 1)
    np.add.at(repeats, last[inside] + 1, -1)
    types = window - np.cumsum(repeats[:-1])
    return float(types.mean() / window)


def text_profiles(texts: list[str]) -> list[dict[str, float]]:
    """Counts, readability and lexical diversity of each text: ``n_words``, ``n_sentences``,
    the :data:`READABILITY_METRICS`, ``mtld`` and ``mattr`` (module level, for workers)."""
    rows = []
    for text in texts:
        counts = count_text(text)
        tokens = folded_words(text)
        rows.append(
            {
                "n_words": counts.words,
                "n_sentences": counts.sentences,
                **scores_from_counts(counts),
                "mtld": mtld(tokens),
                "mattr": mattr(tokens),
            }
        )
    return rows
