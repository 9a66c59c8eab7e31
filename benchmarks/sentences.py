"""Sentence splitters compared: syntok (the suite's) against pysbd, ``python benchmarks/sentences.py``.

Both are rule-based English segmenters that need no model. syntok is timed twice: as
:func:`analysis.sentences.split_sentences` calls it (one tokenizer, paragraphs with nowhere to
cut not tokenized) and as ``syntok.segmenter.analyze`` on every paragraph (the suite's call
before), which must split every paragraph the same way. For the seed paragraphs and for the
paragraphs of a sample of a BBC-style folder tree (``--bbc DIR``, files split at blank lines;
skipped when the folder is missing), it reports:

- **speed**: CPU seconds of this process to split every paragraph (best of ``--repeat`` runs),
  and paragraphs and characters per CPU second;
- **agreement**: the sentence boundaries (character offsets inside a paragraph where one sentence
  ends, surrounding white space ignored) each finds, how many both find, the share of
  paragraphs split identically, and a few paragraphs where they differ, to read.

Neither is ground truth: a disagreement is a place to read, and the examples printed say which
splitter is right there. The lines printed are meant for the README.
"""

from __future__ import annotations

import argparse
import random
import sys
import time
from collections.abc import Callable
from pathlib import Path

import analysis
from analysis.sentences import split_sentences

SEED = 20220215


def pysbd_splitter() -> Callable[[str], list[tuple[int, int]]]:
    import pysbd

    segmenter = pysbd.Segmenter(language="en", clean=False, char_span=True)

    def split(paragraph: str) -> list[tuple[int, int]]:
        spans = []
        for span in segmenter.segment(paragraph) if paragraph.strip() else []:
            text = paragraph[span.start : span.end]
            start = span.start + len(text) - len(text.lstrip())
            end = span.start + len(text.rstrip())
            if end > start:
                spans.append((start, end))
        return spans

    return split


def syntok_analyze(paragraph: str) -> list[tuple[int, int]]:
    """syntok as the suite called it before: ``analyze`` on every paragraph (a tokenizer built
    and blank lines looked for on each call, every paragraph tokenized)."""
    import syntok.segmenter as segmenter

    spans = []
    for para in segmenter.analyze(paragraph):
        for sentence in para:
            start, last = sentence[0].offset, sentence[-1]
            if paragraph[start : last.offset + len(last.value)].strip():
                spans.append((start, last.offset + len(last.value)))
    return spans


def boundaries(spans: list[tuple[int, int]]) -> set[int]:
    """Where sentences end inside the paragraph (the last sentence's end is not a boundary)."""
    return {end for _, end in spans[:-1]}


def bbc_paragraphs(tree: Path, n_files: int) -> list[str]:
    files = sorted(p for p in tree.rglob("*.txt") if p.parent != tree)
    files = sorted(random.Random(SEED).sample(files, min(n_files, len(files))))
    paragraphs = []
    for path in files:
        text = path.read_bytes().decode("utf-8", errors="replace")
        paragraphs += [" ".join(p.split()) for p in text.split("\n\n") if p.strip()]
    return paragraphs


def timed(split, paragraphs: list[str], repeat: int) -> tuple[float, list]:
    best, result = float("inf"), []
    for _ in range(repeat):
        start = time.process_time()
        result = [split(p) for p in paragraphs]
        best = min(best, time.process_time() - start)
    return best, result


def compare(name: str, paragraphs: list[str], repeat: int, examples: int) -> list[str]:
    splitters = {
        "syntok": split_sentences,
        "analyze": syntok_analyze,
        "pysbd": pysbd_splitter(),
    }
    chars = sum(len(p) for p in paragraphs)
    lines = [f"{name}: {len(paragraphs):,} paragraphs, {chars:,} characters"]
    results = {}
    for label, split in splitters.items():
        seconds, spans = timed(split, paragraphs, repeat)
        results[label] = spans
        n = sum(len(s) for s in spans)
        lines.append(
            f"  {label:<7} {seconds:6.2f} s CPU  {len(paragraphs) / seconds:9,.0f} paragraphs/s "
            f"{chars / seconds / 1e6:5.2f} M chars/s  {n:,} sentences"
        )
    ours, theirs = results["syntok"], results["pysbd"]
    same_as_analyze = sum(x == y for x, y in zip(ours, results["analyze"], strict=True))
    lines.append(
        f"  syntok as called now against analyze on each paragraph: {same_as_analyze:,} of "
        f"{len(paragraphs):,} paragraphs split identically"
    )
    a = [boundaries(s) for s in ours]
    b = [boundaries(s) for s in theirs]
    both = sum(len(x & y) for x, y in zip(a, b, strict=True))
    only_a = sum(len(x - y) for x, y in zip(a, b, strict=True))
    only_b = sum(len(y - x) for x, y in zip(a, b, strict=True))
    same = sum(x == y for x, y in zip(ours, theirs, strict=True))
    lines.append(
        f"  boundaries: {both:,} found by both, {only_a:,} by syntok only, {only_b:,} by pysbd "
        f"only; paragraphs split identically: {same:,} of {len(paragraphs):,} "
        f"({same / max(len(paragraphs), 1):.1%})"
    )
    for label, cuts in (
        ("syntok only", [x - y for x, y in zip(a, b, strict=True)]),
        ("pysbd only", [y - x for x, y in zip(a, b, strict=True)]),
    ):
        found = [(p, o) for p, cut in zip(paragraphs, cuts, strict=True) for o in sorted(cut)]
        for paragraph, offset in found[:examples]:
            left = paragraph[max(0, offset - 45) : offset]
            lines.append(f"    {label:<11} …{left}‖{paragraph[offset : offset + 35]}…")
    return lines


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--bbc", type=Path, default=Path("/work/data/bbc"))
    parser.add_argument("--files", type=int, default=500, help="BBC files sampled")
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--examples", type=int, default=6)
    args = parser.parse_args(argv)
    seeds = analysis.load_corpus().paragraphs["text"].tolist()
    for line in compare("seeds", seeds, args.repeat, args.examples):
        print(line)
    if args.bbc.is_dir():
        paragraphs = bbc_paragraphs(args.bbc, args.files)
        for line in compare(
            f"{args.bbc} ({args.files} files)", paragraphs, args.repeat, args.examples
        ):
            print(line)
    else:
        print(f"{args.bbc}: not found, BBC comparison skipped")
    return 0


if __name__ == "__main__":
    sys.exit(main())
