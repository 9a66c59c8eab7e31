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

import re
from collections.abc import Sequence
from pathlib import Path

import pandas as pd

from analysis import paths
from analysis.actors import ActorLexicon, load_generic_actors
from analysis.findings import finding, findings_table
from analysis.quotes import find_quotes, require_quotes
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


def _scores(counts: dict[str, tuple[int, int]]) -> pd.DataFrame:
    """One row per measure of ``counts`` (measure -> (correct, total)): ``measure``,
    ``correct``, ``total``, ``value`` (NaN for no trials) and its Wilson 95% interval."""
    rows = []
    for measure, (correct, total) in counts.items():
        low, high = wilson_interval(correct, total)
        rows.append(
            {
                "measure": measure,
                "correct": correct,
                "total": total,
                "value": correct / total if total else float("nan"),
                "ci_low": float(low),
                "ci_high": float(high),
            }
        )
    return pd.DataFrame(rows)


def _claim(candidates: list[tuple[int, str]], begins: str, used: set[int]) -> int | None:
    """The first of ``candidates`` (index, folded text) not yet ``used`` whose text starts with
    ``begins``, now marked used; None if there is none. Each found quotation matches one label."""
    hit = next((i for i, text in candidates if i not in used and text.startswith(begins)), None)
    if hit is not None:
        used.add(hit)
    return hit


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
        hit = _claim(pool.get((g.article_id, g.paragraph), []), begins, used)
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
    return _scores(counts)


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


# --------------------------------------------------------------------------- real pages, other stories

#: The evaluation sets of real news pages from other outlets and stories (see each README):
#: ``articles.csv`` (outlet, split, public source and sha256), ``passages.csv`` (the committed
#: passages, with offsets in the source) and ``labels.csv`` (each quotation's speaker and kind).
#: The first set, in two halves: ``tune`` (rules were tuned on it) and ``holdout`` (scored once
#: untouched, studied since).
EVAL_DIR = paths.ROOT / "tests" / "fixtures" / "quotes_eval"
#: The second development set (``dev2``): rules were tuned on it.
DEV2_DIR = paths.ROOT / "tests" / "fixtures" / "quotes_dev2"
#: The third development set: ``dev3`` (rules were tuned on it) and ``dev3_unstudied`` (labelled
#: with it, scored, its errors never read).
DEV3_DIR = paths.ROOT / "tests" / "fixtures" / "quotes_dev3"
#: The untouched set (``untouched``): built before any rule change for it; studied since session 7.
UNTOUCHED_DIR = paths.ROOT / "tests" / "fixtures" / "quotes_untouched"
#: The fresh set (``fresh``): 2023 pages, built when the untouched set began to be studied;
#: scored, never studied.
FRESH_DIR = paths.ROOT / "tests" / "fixtures" / "quotes_fresh"
EVAL_DIRS = (EVAL_DIR, DEV2_DIR, DEV3_DIR, UNTOUCHED_DIR, FRESH_DIR)
#: The splits of the evaluation sets, in report order.
SPLITS = ("tune", "holdout", "dev2", "dev3", "dev3_unstudied", "untouched", "fresh")
_HONORIFIC = re.compile(r"^(?:mr|mrs|ms|miss|dr|sir|lord|sen|gov|rep)\.?\s+")


def read_labels(eval_dir: str | Path | None = None) -> pd.DataFrame:
    """The hand labels, in article order: ``article_id``, ``text_begins``, ``speaker`` (a
    surname or a body, alternatives joined by ``|``; ``anonymous``; "" for none), ``kind``
    (``full``, ``partial``, ``scare`` or ``none`` for quoted text that is not a quotation: a
    title, a sign, a name) and ``note``, with the article's ``split`` added."""
    eval_dir = Path(eval_dir or EVAL_DIR)
    labels = pd.read_csv(eval_dir / "labels.csv", dtype=str, keep_default_na=False)
    articles = pd.read_csv(eval_dir / "articles.csv", dtype=str, keep_default_na=False)
    return labels.merge(articles[["article_id", "split"]], on="article_id", how="left")


def load_evaluation_corpus(eval_dir: str | Path | None = None):
    """The evaluation articles as a corpus: each article's committed passages, in source order,
    written to a temporary folder with a manifest and read by :func:`analysis.load_corpus` --
    the cleaner and the quotation finder run on them as on any user's corpus."""
    import tempfile
    import warnings

    from analysis.corpus import load_corpus

    eval_dir = Path(eval_dir or EVAL_DIR)
    articles = pd.read_csv(eval_dir / "articles.csv", dtype=str, keep_default_na=False)
    passages = pd.read_csv(eval_dir / "passages.csv", dtype=str, keep_default_na=False)
    passages = passages.astype({"source_paragraph": "int64"})
    with tempfile.TemporaryDirectory() as folder:
        rows = []
        for article in articles.itertuples(index=False):
            mine = passages[passages["article_id"] == article.article_id]
            text = "\n\n".join(mine.sort_values("source_paragraph")["text"]) + "\n"
            name = f"{article.article_id}.txt"
            (Path(folder) / name).write_text(text, encoding="utf-8")
            rows.append({"article_id": article.article_id, "file": name, "outlet": article.outlet})
        pd.DataFrame(rows).to_csv(Path(folder) / "articles.csv", index=False)
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            return load_corpus(folder, label_figures=False)


def _speaker_key(text: str) -> str:
    folded = fold_typography(text).casefold().strip()
    folded = re.sub(r"^the\s+", "", folded)
    folded = _HONORIFIC.sub("", folded)
    return " ".join(re.sub(r"[^\w\s'-]", " ", folded).split())


def speaker_matches(found: str, found_type: str, gold: str) -> bool:
    """Whether a found speaker is the labelled one: "" only for "", ``anonymous`` for a speaker
    typed anonymous, a name when the found name ends with one of the label's alternatives
    ("Sen. Michael Doherty" for "Doherty"; "Moody's Analytics" for "Moody's Analytics")."""
    if gold == "":
        return found == ""
    if gold == "anonymous":
        return found_type == "anonymous"
    key = _speaker_key(found)
    for option in gold.split("|"):
        want = _speaker_key(option)
        if want and (key == want or key.endswith(" " + want)):
            return True
    return False


def match_labels(quotes: pd.DataFrame, labels: pd.DataFrame) -> pd.DataFrame:
    """Pair the quotations found with the labelled ones, one to one, in reading order.

    A label matches the first unused quotation of its article whose text begins with the
    label's ``text_begins`` (typography folded): paragraph numbers are not compared, so the
    labels hold whatever the cleaner makes of the paragraphs. One row per label (``status``
    ``matched`` or ``missed``) and per quotation found with no label (``extra``)."""
    found = quotes[quotes["article_id"].isin(set(labels["article_id"]))]
    pool: dict[str, list[tuple[int, str]]] = {}
    for index, article_id, text in zip(
        found.index, found["article_id"], found["text"], strict=True
    ):
        pool.setdefault(article_id, []).append((index, fold_typography(text).lstrip()))
    used: set[int] = set()
    rows = []
    for label in labels.itertuples(index=False):
        begins = fold_typography(label.text_begins)
        hit = _claim(pool.get(label.article_id, []), begins, used)
        row = {
            "article_id": label.article_id,
            "split": label.split,
            "text_begins": label.text_begins,
            "gold_speaker": label.speaker,
            "gold_kind": label.kind,
        }
        if hit is None:
            rows.append({**row, "status": "missed"})
            continue
        found_row = found.loc[hit]
        rows.append(
            {
                **row,
                "text": found_row["text"],
                "speaker": found_row["speaker"],
                "speaker_type": found_row["speaker_type"],
                "kind": found_row["kind"],
                "status": "matched",
            }
        )
    split_of = dict(zip(labels["article_id"], labels["split"], strict=False))
    for index, row in found.iterrows():
        if index not in used:
            rows.append(
                {
                    "article_id": row["article_id"],
                    "split": split_of.get(row["article_id"], ""),
                    "text": row["text"],
                    "speaker": row["speaker"],
                    "speaker_type": row["speaker_type"],
                    "kind": row["kind"],
                    "status": "extra",
                }
            )
    out = pd.DataFrame(rows)
    out["speaker_right"] = [
        row.status == "matched"
        and row.gold_kind != "none"
        and speaker_matches(row.speaker, row.speaker_type, row.gold_speaker)
        for row in out.itertuples(index=False)
    ]
    return out


#: The three measures of the issue, in this order.
MEASURES = ("found", "speaker_right", "precision")


def score_pairs(pairs: pd.DataFrame) -> pd.DataFrame:
    """``found`` (labelled quotations found / labelled quotations), ``speaker_right`` (right
    speaker / quotations found) and ``precision`` (quotations found / everything reported as
    one, titles and other quoted text that is not a quotation included), each with
    ``correct``, ``total``, ``value`` and its Wilson 95% interval."""
    quotation = pairs["gold_kind"].fillna("none") != "none"
    matched = pairs["status"] == "matched"
    reported = pairs["status"] != "missed"
    found = int((quotation & matched).sum())
    counts = {
        "found": (found, int(quotation.sum())),
        "speaker_right": (int(pairs["speaker_right"].sum()), found),
        "precision": (found, int(reported.sum())),
    }
    return _scores(counts)


def seed_scores(evaluation: pd.DataFrame) -> pd.DataFrame:
    """The same three measures on the seeds, from :func:`evaluate`'s table: found = detection
    recall, speaker right = attribution, precision = detection precision."""
    names = {
        "detection_recall": "found",
        "attribution": "speaker_right",
        "detection_precision": "precision",
    }
    table = evaluation[evaluation["measure"].isin(names)].copy()
    table["measure"] = table["measure"].map(names)
    return table.set_index("measure").loc[list(MEASURES)].reset_index()


def evaluation_pairs(eval_dir: str | Path, actors: ActorLexicon | None = None) -> pd.DataFrame:
    """:func:`match_labels` for one evaluation set, its quotations found as a user's would be:
    with ``actors`` (default :func:`analysis.actors.load_generic_actors`, no actor lexicon --
    a user's own story brings none)."""
    corpus = load_evaluation_corpus(eval_dir)
    headlines = corpus.articles.set_index("article_id")["headline"]
    found = find_quotes(
        corpus.paragraphs, headlines=headlines, actors=actors or load_generic_actors()
    )
    return match_labels(found, read_labels(eval_dir))


def evaluate_other_stories(
    eval_dirs: str | Path | Sequence[str | Path] | None = None,
    *,
    actors: ActorLexicon | None = None,
) -> pd.DataFrame:
    """The finder on the evaluation sets (default :data:`EVAL_DIRS`; :func:`evaluation_pairs`),
    scored per split: one row per split and measure (``split``, ``measure``, ``correct``,
    ``total``, ``value``, ``ci_low``, ``ci_high``), splits in :data:`SPLITS` order."""
    if eval_dirs is None:
        eval_dirs = EVAL_DIRS
    elif isinstance(eval_dirs, str | Path):
        eval_dirs = [eval_dirs]
    pairs = pd.concat([evaluation_pairs(d, actors) for d in eval_dirs], ignore_index=True)
    present = [split for split in SPLITS if split in set(pairs["split"])]
    return pd.concat(
        [score_pairs(pairs[pairs["split"] == split]).assign(split=split) for split in present],
        ignore_index=True,
    )[["split", "measure", "correct", "total", "value", "ci_low", "ci_high"]]


# --------------------------------------------------------------------------- notebook 02


#: The sets the finder is scored on, in figure order, with how to read each.
SETS = {
    "seeds": "seed articles (in-sample: the rules were written on them)",
    "tune": "other stories, first set, tuning half (rules were tuned on it)",
    "holdout": "other stories, first set, second half (held out once, then studied)",
    "dev2": "other stories, second set (rules were tuned on it)",
    "dev3": "other stories, third set, studied part (rules were tuned on it)",
    "dev3_unstudied": "other stories, third set, unstudied part (scored, errors never read)",
    "untouched": "other stories, untouched set (studied since session 7)",
    "fresh": "other stories, fresh set of 2023 pages (built after the rules, never studied)",
}
MEASURE_LABELS = {
    "found": "found (of the labelled quotations)",
    "speaker_right": "speaker right (of those found)",
    "precision": "precision (real quotations / reported)",
}


def accuracy_table(corpus, gold_path: str | Path | None = None, eval_dirs=None) -> pd.DataFrame:
    """Found, speaker right and precision with Wilson 95% intervals, for each set of
    :data:`SETS`: the seeds (when the gold describes ``corpus``; :func:`accuracy`, with the
    corpus's own lexicon) and the evaluation sets of other stories
    (:func:`evaluate_other_stories`, with no actor lexicon, as a user's story; it does not
    depend on ``corpus``). Columns ``set``, ``measure``, ``correct``, ``total``, ``value``,
    ``ci_low``, ``ci_high``."""
    parts = []
    seeds = accuracy(corpus, gold_path)
    if len(seeds):
        parts.append(seed_scores(seeds).assign(set="seeds"))
    others = evaluate_other_stories(eval_dirs).rename(columns={"split": "set"})
    parts.append(others)
    table = pd.concat(parts, ignore_index=True)
    columns = ["set", "measure", "correct", "total", "value", "ci_low", "ci_high"]
    return table[columns].astype({"correct": "int64", "total": "int64"})


def accuracy_findings(evaluation: pd.DataFrame, table: pd.DataFrame | None = None) -> pd.DataFrame:
    """The accuracy measures as citable numbers (``sources.accuracy.*``), interval in the
    description, plus the size of the gold set: the seeds' six measures (``evaluation``,
    :func:`evaluate`'s table) and, from :func:`accuracy_table`'s ``table``, found, speaker right
    and precision per set (``sources.accuracy.<set>.<measure>``)."""
    other = findings_table(_set_findings(table)) if table is not None else None
    if evaluation is None or not len(evaluation):
        return other if other is not None else findings_table([])
    seeds = _seed_findings(evaluation)
    return seeds if other is None else pd.concat([seeds, other], ignore_index=True)


def _set_findings(table: pd.DataFrame) -> list:
    rows = []
    for row in table.itertuples(index=False):
        rows.append(
            finding(
                f"sources.accuracy.{row.set}.{row.measure.replace('_', '-')}",
                row.value,
                "share",
                f"Quotation finder, {MEASURE_LABELS[row.measure]}: {row.correct} of {row.total} "
                f"(Wilson 95% interval {row.ci_low:.3f}-{row.ci_high:.3f}); {SETS[row.set]}",
                "02_accuracy",
            )
        )
    return rows


def _seed_findings(evaluation: pd.DataFrame) -> pd.DataFrame:
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
