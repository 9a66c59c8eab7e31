"""Benchmark the quotation stage on 10,000 articles: ``python benchmarks/quotes.py``.

The corpus is made in memory by drawing paragraphs at random (a fixed seed) from the seed
articles and from the passages of the evaluation set of other stories
(``tests/fixtures/quotes_eval``), 8-30 paragraphs per article, so that both the seed story's
lexicon actors and the names, titles and layouts of other outlets are exercised. It times
:func:`analysis.quotes.find_quotes` (every quotation with its speaker) in one process -- the
figure per core -- and on all local cores, and reports articles per second per core (articles /
CPU seconds of the one-process run) and the peak resident memory. The lines printed are meant to
be pasted into the README as they are.
"""

from __future__ import annotations

import argparse
import os
import resource
import sys
import time

import numpy as np
import pandas as pd

import analysis
from analysis import quote_accuracy, quotes
from analysis.actors import load_generic_actors

SEED = 20220215
N_ARTICLES = 10_000
PARAGRAPHS_PER_ARTICLE = (8, 30)


def paragraph_pool() -> list[str]:
    """Every body paragraph of the seeds and of the evaluation passages."""
    seeds = analysis.load_corpus()
    others = quote_accuracy.load_evaluation_corpus()
    return list(seeds.paragraphs["text"]) + list(others.paragraphs["text"])


def generate(pool: list[str], n_articles: int, *, seed: int = SEED) -> pd.DataFrame:
    rng = np.random.default_rng(seed)
    rows = []
    for a in range(n_articles):
        n = int(rng.integers(PARAGRAPHS_PER_ARTICLE[0], PARAGRAPHS_PER_ARTICLE[1] + 1))
        for p, index in enumerate(rng.integers(0, len(pool), size=n), start=1):
            rows.append((f"a{a:05d}", p, pool[int(index)]))
    return pd.DataFrame(rows, columns=["article_id", "paragraph", "text"])


def peak_mib() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def timed(label: str, call) -> tuple[object, float, float]:
    wall, cpu = time.perf_counter(), time.process_time()
    result = call()
    wall, cpu = time.perf_counter() - wall, time.process_time() - cpu
    print(f"{label}: {wall:.1f} s wall, {cpu:.1f} s CPU (this process)")
    return result, wall, cpu


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=N_ARTICLES)
    parser.add_argument(
        "--serial-only", action="store_true", help="skip the all-cores run (the slow half)"
    )
    args = parser.parse_args(argv)
    paragraphs = generate(paragraph_pool(), args.articles)
    words = int(paragraphs["text"].str.split().str.len().sum())
    print(
        f"corpus: {args.articles:,} articles, {len(paragraphs):,} paragraphs, {words:,} words "
        f"(load average {os.getloadavg()[0]:.1f}, {os.cpu_count()} cores)"
    )
    found, wall, cpu = timed(
        "find_quotes, 1 process", lambda: quotes.find_quotes(paragraphs, workers=1)
    )
    print(
        f"  {len(found):,} quotations; {args.articles / cpu:.0f} articles per CPU second "
        f"({args.articles / wall:.0f} per wall second); peak {peak_mib():.0f} MiB resident"
    )
    if not args.serial_only:
        again, wall, _ = timed("find_quotes, all cores", lambda: quotes.find_quotes(paragraphs))
        assert again.equals(found), "the table must not depend on the number of processes"
        print(f"  {args.articles / wall:.0f} articles per wall second on {os.cpu_count()} cores")
    long_paragraph()
    return 0


def long_paragraph() -> None:
    """One paragraph of n repeats of a name, a quotation with a pronoun and a description: the
    CPU time should double when n does (attribution is linear in a paragraph's length)."""
    unit = (
        "Judge Anna Berg{i} met Tom Hale{i} on Monday. “It went well,” she said. "
        "The prosecutor said “nothing” changed. "
    )
    for n in (1000, 2000, 4000):
        table = pd.DataFrame(
            {
                "article_id": ["a"],
                "paragraph": [1],
                "text": ["".join(unit.format(i=i) for i in range(n))],
            }
        )
        cpu = time.process_time()
        quotes.find_quotes(table, workers=1)
        print(f"one paragraph of {3 * n:,} sentences: {time.process_time() - cpu:.2f} s CPU")
    people_paragraph()


def people_paragraph() -> None:
    """The same with the shapes of the people-as-speakers rules (nouns of speech, a
    parenthetical cue, a passive's agent, "is said to believe", a name inside a quotation),
    read with no actor lexicon: linear too."""
    unit = (
        "Judge Anna Berg{i} met Tom Hale{i} on Monday. “It went well for Anna Berg{i},” she "
        "said. Analysts doubted Hale{i}’s claim that it was “fine”, writes Mary Jones{i}, in the "
        "“end”. It was denied by Sir Tom Hale{i}, who said “no”. Mr Hale{i} is said to believe "
        "it was “over”. "
    )
    for n in (500, 1000, 2000):
        text = "".join(unit.format(i=i) for i in range(n))
        table = pd.DataFrame({"article_id": ["a"], "paragraph": [1], "text": [text]})
        cpu = time.process_time()
        quotes.find_quotes(table, workers=1, actors=load_generic_actors())
        print(
            f"one paragraph of {7 * n:,} sentences, people shapes, no actor lexicon: "
            f"{time.process_time() - cpu:.2f} s CPU"
        )


if __name__ == "__main__":
    sys.exit(main())
