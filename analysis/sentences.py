"""English sentence splitting, by syntok.

syntok (a rule-based segmenter, no model to download) keeps "U.S.", "Mr", "No. 10", decimals
and ". . ." inside a sentence and puts a closing quote mark with the sentence it closes. Spans
are returned rather than strings, so the sentence text is always an exact slice of the
paragraph as written.

Measured against pysbd 0.3.4 (``benchmarks/sentences.py``, on the seeds and 500 BBC News
articles), syntok is about five times faster per CPU second and splits the sentences of a
quotation that pysbd keeps together ("…too late for us.‖ So we want…"). Most of pysbd's own
cuts fall before a closing straight quote mark (`…for some time.‖"`), a wrong cut; a few are
right where syntok reads an amount or a name as an abbreviation ("$28.3bn.‖ Analysts",
"MCI Inc.‖ Former"). So syntok stays.

Two ways of calling it give syntok's own spans for less work (``benchmarks/sentences.py``
compares them with ``syntok.segmenter.analyze`` on every paragraph of a corpus):

- a paragraph is tokenized by one :class:`~syntok.tokenizer.Tokenizer` kept for the process and
  segmented by ``syntok.segmenter.segment`` directly (``analyze`` builds a tokenizer and looks
  for blank lines on every call; a paragraph with a line break still goes through ``analyze``);
- syntok only ends a sentence at one of its terminal marks (``.``, ``!``, ``?``, ``;``, ``...``
  and their Unicode forms) or an opening bracket, so a paragraph with none of them before its
  closing marks is one sentence, and is not tokenized at all.
"""

from __future__ import annotations

import re

import regex
import syntok.segmenter as segmenter
from syntok._segmentation_states import State
from syntok.tokenizer import Tokenizer

#: The tokenizer ``syntok.segmenter.analyze`` uses (it keeps "n't" as written), made once.
_TOKENIZER = Tokenizer(replace_not_contraction=False)
#: Where syntok may end a sentence: its terminal marks and opening brackets.
_CUT_MARKS = frozenset("".join(State.terminals)) | State.opening_brackets
_MAY_CUT = re.compile("[" + re.escape("".join(sorted(_CUT_MARKS))) + "]")
#: What may close the last sentence of a paragraph (kept with it; an opening bracket is not).
_CLOSING = "".join(
    sorted(set("".join(State.terminals)) | State.closing_quotes | State.closing_brackets)
)
#: A character syntok's tokenizer keeps (it splits at Unicode white space and the zero-width space).
_INK = regex.compile(r"[^\s\u200b]")


def split_sentences(paragraph: str) -> list[tuple[int, int]]:
    """Character spans ``(start, end)`` of the sentences of ``paragraph``, in order, as
    ``syntok.segmenter.analyze`` finds them.

    ``paragraph[start:end]`` is the sentence without surrounding white space.
    """
    if "\n" in paragraph:  # analyze would split at a blank line first
        sentences = [s for para in segmenter.analyze(paragraph) for s in para]
    elif _is_one_sentence(paragraph):
        return [(0, len(paragraph))]
    else:
        sentences = segmenter.segment(_TOKENIZER.tokenize(paragraph))
    spans = []
    for sentence in sentences:
        start = sentence[0].offset
        last = sentence[-1]
        end = last.offset + len(last.value)
        if paragraph[start:end].strip():
            spans.append((start, end))
    return spans


def _is_one_sentence(paragraph: str) -> bool:
    """Whether ``paragraph`` starts and ends with a character (not white space: syntok keeps
    trailing white space with the last sentence) and has no place syntok could end a sentence
    before its closing marks."""
    if not paragraph or not (_INK.match(paragraph[0]) and _INK.match(paragraph[-1])):
        return False
    return not _MAY_CUT.search(paragraph.rstrip(_CLOSING))
