"""Validation against people: hand codes for a stratified sample, agreement with the tools.

The frame tagger (:mod:`analysis.emphasis`) and the quotation finder (:mod:`analysis.quotes`)
are rules; this module measures them against people, in three steps a user runs on their story:

1. **Export** a stratified sample to a coding sheet (:func:`sample_sentences`,
   :func:`sample_quotes`, :func:`coding_sheet`). Sentences are stratified by outlet and by what
   the tagger did (the rarest frame a sentence carries, or ``untagged``), so rare frames and
   untagged sentences are both in the sample; quotations by outlet and by the side of the
   speaker the finder gave (``unattributed`` where it gave none). The sheet does not show the
   tool's output and is sorted by key (a hash), so a coder sees neither the strata nor the tags.
2. **Code** by hand: in ``coder_1`` (and, for a second person, ``coder_2``), the frames a
   sentence carries (names from ``frames.yml`` separated by ``;``, or ``none``), or the speaker
   of a quotation (the full name, or ``none``). A blank cell is "not coded yet".
3. **Read back** (:func:`read_frame_codes`, :func:`read_speaker_codes`; a bad row is a
   :class:`~analysis.errors.CorpusError` naming the file and the line) and compare:
   :func:`frame_agreement` (per frame: Krippendorff's alpha between coder and tagger, and
   between two coders where both coded, precision and recall of the tagger with Wilson 95%
   intervals) and :func:`speaker_agreement`.

Codes are keyed by :func:`text_key` (article id + a hash of the text, whitespace and typography
folded), not by row number or stratum, so they still apply when the tagger or the sample
changes; :func:`match_report` says how many coded items the corpus and the current sample
still hold. Agreement is computed on every coded item the corpus holds, against the tools'
output *now*.

Krippendorff's alpha is the ``krippendorff`` library's (nominal level); :func:`alpha` only
turns labels into numbers and says when alpha is undefined (every value the same: no variation
to agree on, returned as NaN).

Precision and recall are those of the sample. The strata are sampled at different rates (every
sentence of a rare frame, a few of a common one), so they are not estimates for the whole
corpus; precision within a tagged stratum is.
"""

from __future__ import annotations

import hashlib
import re
from pathlib import Path

import numpy as np
import pandas as pd

from analysis.errors import CorpusError
from analysis.findings import finding, findings_table
from analysis.stats import wilson_interval
from analysis.text import fold_typography

CODERS = ("coder_1", "coder_2")
#: The code for "no frame" / "no speaker".
NONE_CODE = "none"
UNTAGGED = "untagged"
UNATTRIBUTED = "unattributed"
#: Seed of the sampler: the same corpus and tagger give the same sample.
SEED = 18
SENTENCE_SHEET_COLUMNS = ["key", "article_id", "outlet", "zone", "text", *CODERS]
QUOTE_SHEET_COLUMNS = ["key", "article_id", "outlet", "quote", "context", *CODERS]
AGREEMENT_COLUMNS = [
    "frame",
    "label",
    "sentences",
    "human",
    "tagger",
    "both",
    "alpha",
    "precision",
    "precision_low",
    "precision_high",
    "recall",
    "recall_low",
    "recall_high",
    "coded_twice",
    "alpha_coders",
]
ALL_FRAMES = "all"
_SPACE = re.compile(r"\s+")


# --------------------------------------------------------------------------- keys and samples


def text_key(article_id: str, text: str) -> str:
    """A stable key for a piece of ``text`` of ``article_id``: ``article_id:`` + the first 16
    hex digits of the sha256 of the text with typography folded and white space collapsed."""
    folded = _SPACE.sub(" ", fold_typography(str(text))).strip()
    return f"{article_id}:{hashlib.sha256(folded.encode('utf-8')).hexdigest()[:16]}"


def text_keys(table: pd.DataFrame, column: str = "text") -> pd.Series:
    """:func:`text_key` of every row of ``table`` (its ``article_id`` and ``column``)."""
    return pd.Series(
        [text_key(a, t) for a, t in zip(table["article_id"], table[column], strict=True)],
        index=table.index,
        dtype=object,
    )


def tagged_frames(units: pd.DataFrame, mentions: pd.DataFrame) -> pd.Series:
    """Per unit (``units``' index): the set of frames the tagger gave it (empty: none).
    ``mentions`` is :func:`analysis.emphasis.frame_mentions` of ``units``."""
    sets = mentions.groupby("unit")["frame"].agg(frozenset)
    return pd.Series([sets.get(i, frozenset()) for i in units.index], index=units.index)


def sentence_strata(
    units: pd.DataFrame, mentions: pd.DataFrame, frame_names: list[str]
) -> pd.Series:
    """Per unit: the rarest frame (fewest units in ``units``) the tagger gave it, ties in
    dictionary order, or ``untagged``. A sentence with a common and a rare frame counts for the
    rare one, so a rare frame's few sentences all reach the sample."""
    tags = tagged_frames(units, mentions)
    frequency = mentions.groupby("frame").size()
    order = sorted(frame_names, key=lambda f: (frequency.get(f, 0), frame_names.index(f)))
    rank = {f: i for i, f in enumerate(order)}
    return tags.map(lambda fs: min(fs, key=rank.__getitem__) if fs else UNTAGGED)


def _stratified(table: pd.DataFrame, strata: list[str], per_stratum: int, seed: int):
    """Up to ``per_stratum`` rows of each combination of the ``strata`` columns, drawn at random
    (seeded), in the table's order."""
    if per_stratum < 1:
        raise ValueError("per_stratum must be at least 1")
    rng = np.random.default_rng(seed)
    chosen = []
    for _, group in table.groupby(strata, sort=True):
        take = min(per_stratum, len(group))
        chosen.extend(group.index[np.sort(rng.choice(len(group), size=take, replace=False))])
    return table.loc[sorted(chosen)]


def sample_sentences(
    units: pd.DataFrame,
    mentions: pd.DataFrame,
    frame_names: list[str],
    *,
    per_stratum: int = 2,
    seed: int = SEED,
) -> pd.DataFrame:
    """Up to ``per_stratum`` units (headline, standfirst, sentences) of every outlet x stratum
    (:func:`sentence_strata`), with ``key``, ``stratum`` and ``tagged`` (the frames the tagger
    gives, ``;``-separated)."""
    table = units.assign(
        key=text_keys(units, "text"),
        stratum=sentence_strata(units, mentions, frame_names),
        tagged=tagged_frames(units, mentions).map(lambda fs: ";".join(sorted(fs))),
    )
    table = table.drop_duplicates("key")  # a headline repeated as a sentence is coded once
    return _stratified(table, ["outlet", "stratum"], per_stratum, seed)


def sample_quotes(
    quotes: pd.DataFrame,
    articles: pd.DataFrame,
    paragraphs: pd.DataFrame,
    *,
    per_stratum: int = 2,
    seed: int = SEED,
) -> pd.DataFrame:
    """Up to ``per_stratum`` quotations of every outlet x speaker side the finder gave
    (``unattributed`` for none), from the articles in ``articles``; with ``key``, ``outlet``,
    ``stratum`` and ``context`` (the paragraph before the quotation's and its own, joined by
    " ¶ ": a speaker is often named a paragraph earlier)."""
    outlet = articles.set_index("article_id")["outlet"]
    table = quotes[quotes["article_id"].isin(outlet.index)]
    para = paragraphs.set_index(["article_id", "paragraph"])["text"]
    table = table.assign(
        key=text_keys(table, "text"),
        outlet=table["article_id"].map(outlet),
        stratum=table["speaker_side"].fillna("").replace("", UNATTRIBUTED),
        context=[
            " ¶ ".join(t for t in (para.get((a, p - 1), ""), para.get((a, p), "")) if t)
            for a, p in zip(table["article_id"], table["paragraph"], strict=True)
        ],
    ).drop_duplicates("key")
    return _stratified(table, ["outlet", "stratum"], per_stratum, seed)


def coding_sheet(sample: pd.DataFrame, columns: list[str]) -> pd.DataFrame:
    """The sheet a coder fills in: ``columns`` of ``sample`` (``quote`` is the quotation's text)
    with blank ``coder_1``/``coder_2``, sorted by key so the order reveals no stratum."""
    if "quote" in columns:  # the quotation's text, in place of the finder's quote number
        sample = sample.drop(columns="quote", errors="ignore").rename(columns={"text": "quote"})
    sheet = sample
    sheet = sheet.assign(**{c: "" for c in CODERS})
    return sheet[columns].sort_values("key", kind="stable").reset_index(drop=True)


# --------------------------------------------------------------------------- reading codes


def _read_sheet(path: str | Path, columns: list[str]) -> pd.DataFrame:
    """A coded sheet as strings, with ``line`` (its line in the file); checks columns and keys."""
    path = Path(path)
    if not path.is_file():
        raise CorpusError(f"{path}: no such coded file")
    try:
        table = pd.read_csv(path, dtype=str, keep_default_na=False)
    except (pd.errors.ParserError, UnicodeDecodeError) as exc:
        raise CorpusError(f"{path}: not a readable CSV ({exc})") from None
    missing = [c for c in columns if c not in table.columns]
    if missing:
        raise CorpusError(f"{path}: missing column(s) {missing}")
    if "coder_2" not in table.columns:
        table["coder_2"] = ""
    table["line"] = np.arange(len(table)) + 2  # the header is line 1
    for row in table.itertuples():
        if not re.fullmatch(r"[^:\s]+:[0-9a-f]{16}", row.key):
            raise CorpusError(f"{path}: line {row.line}: key {row.key!r} is not article_id:hash")
    repeated = table[table["key"].duplicated(keep=False)]
    if not repeated.empty:
        raise CorpusError(
            f"{path}: line {repeated['line'].iloc[1]}: key {repeated['key'].iloc[0]} "
            f"appears more than once (lines {repeated['line'].tolist()})"
        )
    for coder in CODERS:
        table[coder] = table[coder].str.strip()
    return table


def read_frame_codes(path: str | Path, frame_names: list[str]) -> pd.DataFrame:
    """A coded sentence sheet: ``key``, ``line`` and per coder the set of frames it coded
    (``none`` = the empty set; None where the coder left the cell blank). Rows that no coder
    filled are dropped. A frame name not in ``frame_names``, or ``none`` beside a frame, raises
    :class:`~analysis.errors.CorpusError` naming the file and the line."""
    table = _read_sheet(path, ["key", "coder_1"])
    known = set(frame_names)

    def parse(cell: str, line: int, coder: str) -> frozenset[str] | None:
        if cell == "":
            return None
        names = [n.strip().lower() for n in cell.split(";") if n.strip()]
        if names == [NONE_CODE]:
            return frozenset()
        unknown = [n for n in names if n not in known]
        if unknown or not names:
            raise CorpusError(
                f"{path}: line {line}: {coder} has {cell!r}: write frame names from "
                f"{sorted(known)} separated by ';', or '{NONE_CODE}'"
            )
        return frozenset(names)

    for coder in CODERS:
        table[coder] = [
            parse(c, n, coder) for c, n in zip(table[coder], table["line"], strict=True)
        ]
    coded = table["coder_1"].notna() | table["coder_2"].notna()
    return table.loc[coded, ["key", "line", *CODERS]].reset_index(drop=True)


def read_speaker_codes(path: str | Path) -> pd.DataFrame:
    """A coded quotation sheet: ``key``, ``line`` and per coder the speaker it coded
    (``none`` for no speaker; None where blank). Rows that no coder filled are dropped."""
    table = _read_sheet(path, ["key", "coder_1"])
    for coder in CODERS:
        table[coder] = table[coder].map(lambda c: _speaker_label(c) if c else None)
    coded = table["coder_1"].notna() | table["coder_2"].notna()
    return table.loc[coded, ["key", "line", *CODERS]].reset_index(drop=True)


def _speaker_label(name: object) -> str:
    """A speaker as compared: case and white space folded; no speaker is ``none``."""
    text = _SPACE.sub(" ", fold_typography(str(name or ""))).strip().lower()
    return text or NONE_CODE


# --------------------------------------------------------------------------- agreement


def alpha(*codes, level: str = "nominal") -> float:
    """Krippendorff's alpha of two or more coders' ``codes`` (equal-length sequences, None/NaN
    = not coded), by the ``krippendorff`` library. Labels of any kind are numbered first (the
    library takes numbers). NaN where alpha is undefined: fewer than two values in all."""
    import krippendorff

    labels = sorted({c for cs in codes for c in cs if not _missing(c)}, key=str)
    if len(labels) < 2:
        return float("nan")
    number = {label: i for i, label in enumerate(labels)}
    data = np.array(
        [[np.nan if _missing(c) else number[c] for c in cs] for cs in codes], dtype=float
    )
    return float(krippendorff.alpha(reliability_data=data, level_of_measurement=level))


def _missing(value: object) -> bool:
    return value is None or (isinstance(value, float) and np.isnan(value))


def match_report(codes: pd.DataFrame, corpus_keys, sample_keys) -> pd.DataFrame:
    """How many coded items the corpus and the current sample still hold: ``coded``,
    ``in_corpus``, ``in_sample`` and ``sample`` (items in the current sample), one row."""
    coded = set(codes["key"])
    return pd.DataFrame(
        [
            {
                "coded": len(coded),
                "in_corpus": len(coded & set(corpus_keys)),
                "in_sample": len(coded & set(sample_keys)),
                "sample": len(set(sample_keys)),
            }
        ]
    )


def frame_decisions(
    codes: pd.DataFrame, units: pd.DataFrame, mentions: pd.DataFrame, frame_names: list[str]
) -> pd.DataFrame:
    """One row per coded unit the corpus holds x frame: ``key``, ``frame``, ``tagger`` (0/1)
    and per coder 0/1 (NaN where that coder did not code the unit)."""
    tags = pd.Series(tagged_frames(units, mentions).to_numpy(), index=text_keys(units, "text"))
    tags = tags[~tags.index.duplicated()]
    held = codes[codes["key"].isin(tags.index)]
    rows = []
    for row in held.itertuples(index=False):
        for frame in frame_names:
            coded = {c: _has(getattr(row, c), frame) for c in CODERS}
            rows.append(
                {"key": row.key, "frame": frame, "tagger": int(frame in tags[row.key]), **coded}
            )
    return pd.DataFrame(rows, columns=["key", "frame", "tagger", *CODERS])


def _has(frames: frozenset[str] | None, frame: str) -> float:
    return np.nan if frames is None else float(frame in frames)


def _scores(part: pd.DataFrame) -> dict[str, object]:
    """Agreement of ``coder_1`` (taken as right) and the tagger on the decisions in ``part``."""
    human = part.dropna(subset=["coder_1"])
    both = int(((human["coder_1"] == 1) & (human["tagger"] == 1)).sum())
    human_yes, tagger_yes = int(human["coder_1"].sum()), int(human["tagger"].sum())
    precision_ci = wilson_interval(both, tagger_yes)
    recall_ci = wilson_interval(both, human_yes)
    twice = part.dropna(subset=list(CODERS))
    return {
        "sentences": len(human),
        "human": human_yes,
        "tagger": tagger_yes,
        "both": both,
        "alpha": alpha(human["coder_1"].tolist(), human["tagger"].tolist()),
        "precision": both / tagger_yes if tagger_yes else np.nan,
        "precision_low": float(precision_ci[0]),
        "precision_high": float(precision_ci[1]),
        "recall": both / human_yes if human_yes else np.nan,
        "recall_low": float(recall_ci[0]),
        "recall_high": float(recall_ci[1]),
        "coded_twice": len(twice),
        "alpha_coders": alpha(twice["coder_1"].tolist(), twice["coder_2"].tolist()),
    }


def frame_agreement(decisions: pd.DataFrame, labels: dict[str, str]) -> pd.DataFrame:
    """Per frame (in ``labels``' order, name -> label) and for all frames pooled (``all``: every
    sentence x frame decision one unit): the counts (``sentences`` coded, ``human`` and
    ``tagger`` yes, ``both``), Krippendorff's ``alpha`` of coder 1 and the tagger, the tagger's
    ``precision`` and ``recall`` against coder 1 with Wilson 95% intervals, and where a second
    coder coded, ``coded_twice`` and ``alpha_coders``. Empty when nothing was coded."""
    if decisions.empty:
        return pd.DataFrame(columns=AGREEMENT_COLUMNS)
    rows = [
        {"frame": f, "label": label, **_scores(decisions[decisions["frame"] == f])}
        for f, label in labels.items()
    ]
    rows.append({"frame": ALL_FRAMES, "label": "All frames pooled", **_scores(decisions)})
    return pd.DataFrame(rows, columns=AGREEMENT_COLUMNS)


def speaker_agreement(codes: pd.DataFrame, quotes: pd.DataFrame) -> pd.DataFrame:
    """The finder's speakers against coder 1's, over the coded quotations the corpus holds: one
    row with ``quotations``, ``agree``, ``share`` (with a Wilson 95% interval), Krippendorff's
    ``alpha`` (nominal, a speaker a category, ``none`` one of them), and ``coded_twice`` /
    ``alpha_coders`` for two coders. Empty when nothing coded matches."""
    found = pd.Series(
        quotes["speaker"].map(_speaker_label).to_numpy(), index=text_keys(quotes, "text")
    )
    found = found[~found.index.duplicated()]
    held = codes[codes["key"].isin(found.index) & codes["coder_1"].notna()]
    if held.empty:
        return pd.DataFrame(
            columns=[
                "quotations",
                "agree",
                "share",
                "share_low",
                "share_high",
                "alpha",
                "coded_twice",
                "alpha_coders",
            ]
        )
    tool = found.loc[held["key"]].tolist()
    agree = int(sum(h == t for h, t in zip(held["coder_1"], tool, strict=True)))
    low, high = wilson_interval(agree, len(held))
    twice = codes[codes["coder_1"].notna() & codes["coder_2"].notna()]
    return pd.DataFrame(
        [
            {
                "quotations": len(held),
                "agree": agree,
                "share": agree / len(held),
                "share_low": float(low),
                "share_high": float(high),
                "alpha": alpha(held["coder_1"].tolist(), tool),
                "coded_twice": len(twice),
                "alpha_coders": alpha(twice["coder_1"].tolist(), twice["coder_2"].tolist()),
            }
        ]
    )


def disagreements(
    codes: pd.DataFrame, sample: pd.DataFrame, decisions: pd.DataFrame
) -> pd.DataFrame:
    """The coded sentences where coder 1 and the tagger differ on some frame: ``key``,
    ``text``, ``coder_1`` and ``tagger`` (frames, ``;``-separated), ``missed`` and ``extra``
    (frames the tagger missed / added). ``sample`` supplies the text."""
    text = sample.drop_duplicates("key").set_index("key")["text"]
    rows = []
    for key, part in decisions.dropna(subset=["coder_1"]).groupby("key", sort=False):
        missed = part[(part["coder_1"] == 1) & (part["tagger"] == 0)]["frame"].tolist()
        extra = part[(part["coder_1"] == 0) & (part["tagger"] == 1)]["frame"].tolist()
        if missed or extra:
            rows.append(
                {
                    "key": key,
                    "text": text.get(key, ""),
                    "coder_1": ";".join(part[part["coder_1"] == 1]["frame"]) or NONE_CODE,
                    "tagger": ";".join(part[part["tagger"] == 1]["frame"]) or NONE_CODE,
                    "missed": ";".join(missed),
                    "extra": ";".join(extra),
                }
            )
    return pd.DataFrame(rows, columns=["key", "text", "coder_1", "tagger", "missed", "extra"])


# --------------------------------------------------------------------------- findings


def findings_rows(
    agreement: pd.DataFrame,
    speakers: pd.DataFrame,
    matched: pd.DataFrame,
    quotes_matched: pd.DataFrame,
) -> pd.DataFrame:
    """The ``validation.*`` findings: coded items matched, alpha, precision and recall per frame
    (with k/n and interval in the description), and the speakers' agreement."""
    figure = "07_frame_validation"
    rows = []
    for what, table in (("frames", matched), ("speakers", quotes_matched)):
        m = table.iloc[0]
        rows.append(
            finding(
                f"validation.{what}.coded",
                int(m["coded"]),
                "items",
                f"Hand-coded items ({what}), one coder",
                "",
            )
        )
        rows.append(
            finding(
                f"validation.{what}.matched",
                int(m["in_corpus"]),
                "items",
                f"Hand-coded items ({what}) found in this corpus by key",
                "",
            )
        )
        rows.append(
            finding(
                f"validation.{what}.in-sample",
                int(m["in_sample"]),
                "items",
                f"Hand-coded items ({what}) in the sample drawn now, of {int(m['sample'])}",
                "",
            )
        )
    for r in agreement.itertuples(index=False):
        slug = "all" if r.frame == ALL_FRAMES else r.frame
        rows.append(
            finding(
                f"validation.frames.alpha.{slug}",
                round(r.alpha, 4),
                "Krippendorff's alpha (nominal)",
                f"{r.label}: agreement of the frame tagger with the hand codes, {r.sentences} sentences",
                figure,
            )
        )
        for measure, k, n in (("precision", r.both, r.tagger), ("recall", r.both, r.human)):
            value, low, high = (
                getattr(r, measure),
                getattr(r, f"{measure}_low"),
                getattr(r, f"{measure}_high"),
            )
            interval = f"Wilson 95% interval {low:.3f}-{high:.3f}" if n else "no cases"
            rows.append(
                finding(
                    f"validation.frames.{measure}.{slug}",
                    round(value, 4) if n else value,
                    "share",
                    f"{r.label}: tagger {measure} against the hand codes, {k} of {n} ({interval}); in the stratified sample",
                    figure,
                )
            )
        if r.coded_twice:
            rows.append(
                finding(
                    f"validation.frames.alpha-coders.{slug}",
                    round(r.alpha_coders, 4),
                    "Krippendorff's alpha (nominal)",
                    f"{r.label}: agreement of two coders, {r.coded_twice} sentences",
                    figure,
                )
            )
    for r in speakers.itertuples(index=False):
        rows.append(
            finding(
                "validation.speakers.agreement",
                round(r.share, 4),
                "share",
                f"Quotation finder's speaker agrees with the hand code: {r.agree} of {r.quotations} "
                f"(Wilson 95% interval {r.share_low:.3f}-{r.share_high:.3f}); in the stratified sample",
                "",
            )
        )
        rows.append(
            finding(
                "validation.speakers.alpha",
                round(r.alpha, 4),
                "Krippendorff's alpha (nominal)",
                f"Quotation finder's speakers against the hand codes, {r.quotations} quotations",
                "",
            )
        )
    return findings_table(rows)
