"""Scoring the quotation finder against hand labels: how far to trust :mod:`analysis.quotes`.

Every quotation in the five seed articles was labelled by hand (:data:`GOLD_PATH`: where it is,
its first words, its speaker, kind and reporting verb). :func:`match_gold` pairs the quotations
found with the labelled ones, one to one; :func:`evaluate` counts detection (found, missed,
extra) and, over the pairs, extent, speaker, kind and verb, each with a Wilson 95% interval
(:func:`analysis.stats.wilson_interval`). :func:`accuracy` does this for a corpus when the gold
describes it (:func:`gold_applies`), and :func:`accuracy_findings` gives notebook 02 its citable
numbers (:func:`analysis.plots.sources.plot_accuracy` draws the table).

The figures are in-sample: the rules were written while reading those texts.
``tests/test_quote_accuracy.py`` records how the rules fared on held-out text. The other tables
of notebook 02 (who is quoted, how much, with which verbs) are in :mod:`analysis.sources`.
"""

from __future__ import annotations

from pathlib import Path

import pandas as pd

from analysis import paths
from analysis.findings import finding, findings_table
from analysis.quotes import require_quotes
from analysis.stats import wilson_interval
from analysis.text import fold_typography

# --------------------------------------------------------------------------- gold and scores

#: The hand-labelled quotations of the five seed articles (see its ``note`` column).
GOLD_PATH = paths.ROOT / "tests" / "fixtures" / "quotes_gold.csv"


def read_gold(path: str | Path | None = None) -> pd.DataFrame:
    """The gold quotations: ``article_id``, ``paragraph``, ``paragraph_end``, ``text_begins``
    (the quotation's first words), ``speaker``, ``kind``, ``cue``, ``note``."""
    gold = pd.read_csv(path or GOLD_PATH, dtype=str, keep_default_na=False)
    return gold.astype({"paragraph": "int64", "paragraph_end": "int64"})


def match_gold(quotes: pd.DataFrame, gold: pd.DataFrame) -> pd.DataFrame:
    """Pair detected quotations with gold ones, one to one.

    A detection matches a gold quotation in the same article and paragraph whose text begins
    with the gold's ``text_begins`` (typography folded). One row per gold quotation (``status``
    ``matched`` or ``missed``) and per detection in a gold article with no partner (``extra``),
    with the gold and found ``speaker``, ``kind``, ``cue`` and ``paragraph_end`` side by side.
    """
    found = quotes[quotes["article_id"].isin(set(gold["article_id"]))]
    pool: dict[tuple[str, int], list[tuple[int, str]]] = {}
    for index, row in found.iterrows():
        key = (row["article_id"], int(row["paragraph"]))
        pool.setdefault(key, []).append((index, fold_typography(row["text"])))
    used: set[int] = set()
    rows = []
    for g in gold.itertuples(index=False):
        begins = fold_typography(g.text_begins)
        hit = next(
            (
                i
                for i, text in pool.get((g.article_id, g.paragraph), [])
                if i not in used and text.startswith(begins)
            ),
            None,
        )
        row = {
            "article_id": g.article_id,
            "paragraph": g.paragraph,
            "text_begins": g.text_begins,
            "gold_speaker": g.speaker,
            "gold_kind": g.kind,
            "gold_cue": g.cue,
            "gold_paragraph_end": g.paragraph_end,
        }
        if hit is None:
            rows.append({**row, "status": "missed"})
            continue
        used.add(hit)
        rows.append({**row, **_found_columns(found.loc[hit]), "status": "matched"})
    for index, row in found.iterrows():
        if index not in used:
            rows.append(
                {
                    "article_id": row["article_id"],
                    "paragraph": int(row["paragraph"]),
                    **_found_columns(row),
                    "status": "extra",
                }
            )
    return pd.DataFrame(rows)


def _found_columns(row: pd.Series) -> dict:
    return {
        "text": row["text"],
        "speaker": row["speaker"],
        "kind": row["kind"],
        "cue": row["cue"],
        "paragraph_end": int(row["paragraph_end"]),
    }


def evaluate(quotes: pd.DataFrame, gold: pd.DataFrame) -> pd.DataFrame:
    """Detection and attribution measured against the gold (:func:`match_gold`).

    One row per measure: ``detection_precision`` (matched / detected, in the gold's articles),
    ``detection_recall`` (matched / gold), and, over the matched quotations, ``extent`` (same
    last paragraph), ``attribution`` (same speaker; "" for a scare quote counts as a speaker),
    ``kind`` and ``cue``. Columns ``correct``, ``total``, ``value`` and the Wilson 95% interval
    ``ci_low``/``ci_high``.
    """
    pairs = match_gold(quotes, gold)
    matched = pairs[pairs["status"] == "matched"]
    detected = int((pairs["status"] != "missed").sum())
    counts = {
        "detection_precision": (len(matched), detected),
        "detection_recall": (len(matched), len(gold)),
        "extent": (
            int((matched["paragraph_end"] == matched["gold_paragraph_end"]).sum()),
            len(matched),
        ),
        "attribution": (int((matched["speaker"] == matched["gold_speaker"]).sum()), len(matched)),
        "kind": (int((matched["kind"] == matched["gold_kind"]).sum()), len(matched)),
        "cue": (int((matched["cue"] == matched["gold_cue"]).sum()), len(matched)),
    }
    rows = []
    for measure, (correct, total) in counts.items():
        low, high = wilson_interval(correct, total)
        rows.append(
            {
                "measure": measure,
                "correct": correct,
                "total": total,
                "value": correct / total if total else float("nan"),
                "ci_low": low,
                "ci_high": high,
            }
        )
    return pd.DataFrame(rows)


def accuracy(corpus, gold_path: str | Path | None = None) -> pd.DataFrame:
    """:func:`evaluate` of ``corpus.quotes`` against the gold (default :data:`GOLD_PATH`), or an
    empty table if the gold does not describe this corpus (:func:`gold_applies`)."""
    gold = read_gold(gold_path)
    if not gold_applies(corpus, gold):
        return pd.DataFrame(columns=["measure", "correct", "total", "value", "ci_low", "ci_high"])
    return evaluate(require_quotes(corpus), gold)


def gold_applies(corpus, gold: pd.DataFrame) -> bool:
    """Whether the gold describes this corpus: every gold article is in it, with the same
    paragraphs (a different corpus, or a re-cleaned one, would make the figures meaningless)."""
    texts = corpus.paragraphs.set_index(["article_id", "paragraph"])["text"]
    headlines = dict(
        zip(corpus.articles["article_id"], corpus.articles["headline"].fillna(""), strict=True)
    )
    for g in gold.itertuples(index=False):
        text = (
            headlines.get(g.article_id, "")
            if g.paragraph == 0
            else texts.get((g.article_id, g.paragraph), "")
        )
        if fold_typography(g.text_begins) not in fold_typography(text):
            return False
    return True


# --------------------------------------------------------------------------- notebook 02


def accuracy_findings(evaluation: pd.DataFrame) -> pd.DataFrame:
    """The accuracy measures as citable numbers (``sources.accuracy.*``), interval in the
    description, plus the size of the gold set."""
    rows = [
        finding(
            "sources.gold.quotations",
            int(evaluation["total"].iloc[1]),
            "quotations",
            "Hand-labelled quotations in the seed articles (tests/fixtures/quotes_gold.csv)",
            "02_accuracy",
        )
    ]
    for row in evaluation.itertuples(index=False):
        rows.append(
            finding(
                f"sources.accuracy.{row.measure.replace('_', '-')}",
                row.value,
                "share right",
                f"Quotation finder, {row.measure.replace('_', ' ')}: {row.correct} of "
                f"{row.total} hand-labelled quotations right (Wilson 95% interval "
                f"{row.ci_low:.3f}-{row.ci_high:.3f}); in-sample",
                "02_accuracy",
            )
        )
    return findings_table(rows)
