"""Text helpers shared by every module: one word pattern, one typography fold.

The cleaned corpus keeps typography exactly as written (curly quotes, dashes, ". . .").
Code that needs to compare or count words folds the text itself with :func:`fold_typography`
and finds words with :data:`WORD_PATTERN`, so every count in the suite uses the same definition.
"""

from __future__ import annotations

import re

#: A word: an initialism with dots, alone or hyphenated ("U.S.", "U.S.-led"), or letters and
#: digits joined by inner hyphens, apostrophes, or a comma or point between digits
#: ("de-escalation", "Russia's", "130,000", "3.5"). An editor's letters in square brackets inside
#: a word belong to it ("pursu[ing]", "[t]he": one word each, as the quotation finder counts
#: them); a bracketed word on its own ("[Putin]") is that word.
WORD_PATTERN = (
    r"(?:[^\W\d_]\.){2,}(?:-[^\W_]+)*"
    r"|(?:\[[^\W_]+\](?=[^\W_]))?[^\W_]+"
    r"(?:(?:[-'’]|(?<=\d)[.,](?=\d))[^\W_]+|\[[^\W_]+\][^\W_]*)*"
)
WORD_RE = re.compile(WORD_PATTERN)

_TYPOGRAPHY = str.maketrans(
    {
        "‘": "'",
        "’": "'",
        "‚": "'",
        "‛": "'",
        "“": '"',
        "”": '"',
        "„": '"',
        "‟": '"',
        "–": "-",
        "—": "-",
        "‑": "-",
        "−": "-",
        "\u00a0": " ",
        "…": "...",
    }
)


_IN_WORD_BRACKET = re.compile(r"(?<=[^\W_])\[([^\W_]+)\]|\[([^\W_]+)\](?=[^\W_])")


def join_bracketed(text: str) -> str:
    """``text`` with an editor's letters in square brackets inside a word kept as letters
    ("pursu[ing]" -> "pursuing", "[t]he" -> "the"); a bracketed word on its own stays."""
    return _IN_WORD_BRACKET.sub(lambda m: m.group(1) or m.group(2), text)


def fold_typography(text: str) -> str:
    """Return ``text`` with curly quotes made straight, dashes made hyphens, NBSP made spaces.

    Only for comparing and counting: the corpus tables keep the text as the outlet wrote it.
    """
    return text.translate(_TYPOGRAPHY)


def words(text: str) -> list[str]:
    """The words of ``text`` as written (case kept), by :data:`WORD_PATTERN`."""
    return WORD_RE.findall(text)


def count_words(text: str) -> int:
    """How many words ``text`` has, by :data:`WORD_PATTERN`."""
    return sum(1 for _ in WORD_RE.finditer(text))


def key_part(text: object) -> str:
    """``text`` as one segment of a finding key: lower case, every run of characters other than
    a-z, 0-9 and ``_`` made one "-" (an inferred article id ``business/001`` -> ``business-001``;
    ``ft-v2`` stays ``ft-v2``)."""
    return re.sub(r"[^a-z0-9_]+", "-", str(text).lower()).strip("-") or "unknown"


def outlet_slug(outlet: str) -> str:
    """A finding-key slug of an outlet's name: "The Moscow Times" -> "moscow-times".

    Every notebook keys its per-outlet findings with this, so one outlet has one slug everywhere.
    """
    slug = re.sub(r"[^a-z0-9]+", "-", outlet.lower()).strip("-")
    return re.sub(r"^the-", "", slug) or "unknown"


def folded_words(text: str) -> list[str]:
    """The words of ``text`` as the suite compares them: typography folded, lower case.

    An editor's in-word brackets are joined ("pursu[ing]" -> "pursuing", :func:`join_bracketed`).
    Punctuation and spacing are dropped because outlets' house styles differ in them (a comma
    inside or outside a closing quote) without any difference in wording. Reuse compares
    sentences by these words; lexical diversity and the stance markers count them.
    """
    return [m.group().lower() for m in WORD_RE.finditer(join_bracketed(fold_typography(text)))]
