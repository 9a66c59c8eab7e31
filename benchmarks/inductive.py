"""Inductive frames on a corpus with known categories: does a topic model over sentences find them?

    .venv/bin/python benchmarks/inductive.py CORPUS_DIR [--k 5] [--ks 2-10] [--unit sentence]

CORPUS_DIR is a folder with its articles.csv, whose ``outlet`` column holds the known category
(e.g. the BBC News dataset laid out flat, five topic folders as five "outlets"). Prints, with
timings and peak memory: the number of sentences and terms, the stability of each k (and the k
it chooses), and for the chosen k and for --k (the number of categories): document-level purity
against the categories (each article's topic = the largest summed sentence weight) and scikit-
learn's normalised mutual information, plus each topic's top terms and majority category.
Nothing is asserted: speed and accuracy on a foreign corpus are measured here, not in tests.
"""

from __future__ import annotations

import argparse
import resource
import time

from sklearn.metrics import normalized_mutual_info_score

import analysis
from analysis import inductive


def _report(topics: inductive.Topics, categories) -> None:
    assigned = inductive.article_topics(topics)
    truth = categories.reindex(assigned.index)
    purity = inductive.purity(assigned, truth)
    nmi = normalized_mutual_info_score(truth, assigned)
    print(f"  k = {topics.k}: purity {purity:.3f}, NMI {nmi:.3f} ({len(assigned)} articles)")
    labels = topics.labels(5)
    for t in range(1, topics.k + 1):
        members = truth[assigned == t]
        major = members.value_counts()
        head = f"{major.index[0]} {major.iloc[0]}/{len(members)}" if len(members) else "none"
        print(f"    topic {t}: {labels.get(t, '')}  [{head}]")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("corpus_dir")
    parser.add_argument("--k", type=int, default=5, help="also fit this k (the categories)")
    parser.add_argument("--ks", default="2-10", help="range of k for the stability check")
    parser.add_argument("--resamples", type=int, default=5)
    parser.add_argument("--min-df", type=int, default=5)
    parser.add_argument("--unit", default="sentence", choices=inductive.UNITS)
    args = parser.parse_args()
    lo, hi = (int(x) for x in args.ks.split("-"))

    start = time.perf_counter()
    corpus = analysis.load_corpus(args.corpus_dir)
    sentences = inductive.unit_table(corpus, args.unit)
    print(
        f"loaded {len(corpus.articles)} articles, {len(sentences)} {args.unit} units "
        f"in {time.perf_counter() - start:.1f} s"
    )
    categories = corpus.articles.set_index("article_id")["outlet"]

    start = time.perf_counter()
    stability = inductive.topic_stability(
        sentences, range(lo, hi + 1), n_resamples=args.resamples, min_df=args.min_df
    )
    chosen = inductive.choose_k(stability)
    print(
        f"stability over k = {lo}-{hi}, {args.resamples} subsamples of 80%: "
        f"{time.perf_counter() - start:.1f} s"
    )
    print(stability.round(3).to_string(index=False))
    print(f"chosen k = {chosen}")

    for k in dict.fromkeys([chosen, args.k]):
        start = time.perf_counter()
        topics = inductive.fit_topics(sentences, k, min_df=args.min_df)
        print(f"fit k = {k}: {time.perf_counter() - start:.1f} s, {len(topics.terms)} terms")
        _report(topics, categories)
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"peak memory of this process: {peak:.0f} MB")


if __name__ == "__main__":
    main()
