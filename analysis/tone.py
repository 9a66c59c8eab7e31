"""Tone: how an outlet sounds, and whether the tone is the writer's own or the sources'.

Four measures, each a function that returns a tidy table:

- **Sentiment** (:func:`sentence_sentiment`, :func:`sentiment_by_voice`, :func:`sentiment_drivers`):
  VADER (Hutto & Gilbert 2014) on every sentence, never on a whole article (VADER is built for
  short texts; on a long text its sum saturates towards +-1). Means per outlet and voice carry a
  seeded bootstrap interval, and the lexicon words behind each outlet's score are listed, so a
  reader can judge whether VADER measures tone or topic.
- **Readability and style** (:func:`readability`, from :mod:`analysis.readability`): textstat's
  formulas, computed from one count of words, sentences and syllables per text and equal to
  textstat's own values; lexical diversity by MTLD and MATTR.
- **Stance markers** (:func:`stance_markers`, :func:`escalation_language`): hedges, boosters and
  escalation/de-escalation terms per 1,000 words, from the lists in ``analysis/lexicons/``.
- **Verbs of attribution** (:func:`attribution_verbs`, :func:`doubt_speakers`): the reporting verbs
  that :func:`analysis.quotes.find_attributions` attributes to a speaker, grouped by
  ``analysis/lexicons/cues.yml``, as shares computed once, by
  :func:`analysis.sources.reporting_verb_groups` (notebook 02 reports the same shares).

The voice of a sentence (``corpus.sentences.voice``: authorial, quoted or mixed) and the cue of a
quotation come from :mod:`analysis.quotes`. Cross-outlet comparisons should be given
``corpus.canonical()`` so that an outlet with two versions of a story counts once.
Text is folded (:func:`analysis.text.fold_typography`) before scoring and counting: VADER and
textstat only know the straight apostrophe, so "doesn’t" would otherwise not read as a negation
and "Russia’s" would not be found in the pronouncing dictionary.
"""

from __future__ import annotations

import functools
import math
from collections.abc import Callable, Iterable, Sequence
from typing import TYPE_CHECKING

import numpy as np
import pandas as pd

from analysis import parallel, stage
from analysis.errors import CorpusError
from analysis.findings import finding, findings_table
from analysis.lexicon import read_lexicon
from analysis.readability import READABILITY_METRICS, TEXTSTAT_VERSION, text_profiles
from analysis.terms import match_terms, term_key
from analysis.text import WORD_PATTERN, fold_typography, key_part, outlet_slug
from analysis.voices import VOICE_NAMES

if TYPE_CHECKING:  # pragma: no cover
    from analysis.corpus import Corpus

#: Seed of every random draw in this module (bootstrap resampling).
SEED = 20220215
#: Confidence level of every interval in this module.
CONFIDENCE = 0.95
#: Bootstrap resamples per interval.
N_RESAMPLES = 9999
#: Groups with fewer sentences than this are flagged ``small_sample``: their interval is itself
#: unreliable (percentile intervals under-cover for small samples) and is best read as indicative.
SMALL_SAMPLE = 30
#: VADER's own thresholds for calling a text positive (>= 0.05) or negative (<= -0.05).
VADER_POSITIVE, VADER_NEGATIVE = 0.05, -0.05


# --------------------------------------------------------------------------- shared helpers


def _require(table: pd.DataFrame | None, columns: Iterable[str], where: str) -> pd.DataFrame:
    """``table`` if it has ``columns``; otherwise a :class:`CorpusError` naming what is missing."""
    if table is None:
        raise CorpusError(
            f"{where} is missing: it is found by analysis.quotes when the corpus is loaded "
            "(the sources issue)"
        )
    missing = [c for c in columns if c not in table.columns]
    if missing:
        raise CorpusError(
            f"{where} has no column(s) {missing}; 'voice' and 'cue' are added by analysis.quotes "
            "when the corpus is loaded (the sources issue)"
        )
    return table


def _sentences_with_outlet(corpus: Corpus) -> pd.DataFrame:
    """``corpus.sentences`` with each article's ``outlet``, in corpus order."""
    outlets = corpus.articles[["article_id", "outlet"]]
    return corpus.sentences.merge(outlets, on="article_id", how="left", validate="many_to_one")


def _map_in_chunks(
    func: Callable[[list[str]], list], texts: list[str], *, workers: int | None
) -> list:
    """``func(texts)``, split into ordered chunks over all local cores or a Dask cluster when
    there are many (:func:`analysis.parallel.map_chunks`).

    ``func`` takes a list of texts and returns one result per text; the results come back in the
    order of ``texts`` whatever runs them, so the output never depends on it.
    """
    return parallel.flatten(
        parallel.map_chunks(
            func,
            texts,
            min_items=parallel.MIN_TEXTS,
            workers=workers,
            desc=func.__name__.strip("_").replace("_", " "),
        )
    )


# --------------------------------------------------------------------------- sentiment


@functools.cache
def _analyzer():
    """VADER's analyzer, built once per process (it reads its lexicon file)."""
    from vaderSentiment.vaderSentiment import SentimentIntensityAnalyzer

    return SentimentIntensityAnalyzer()


def vader_lexicon() -> dict[str, float]:
    """VADER's own lexicon (lower-case word -> mean valence, -4 to +4), read from the analyzer."""
    return _analyzer().lexicon


def _score_texts(texts: list[str]) -> list[tuple[float, float, float, float]]:
    """VADER's ``(neg, neu, pos, compound)`` for each text (module level, so workers can run it)."""
    analyzer = _analyzer()
    scores = (analyzer.polarity_scores(text) for text in texts)
    return [(s["neg"], s["neu"], s["pos"], s["compound"]) for s in scores]


def sentence_sentiment(
    corpus: Corpus, *, fold: bool = True, workers: int | None = None
) -> pd.DataFrame:
    """One row per sentence with VADER's ``neg``, ``neu``, ``pos`` and ``compound``.

    Columns: ``article_id``, ``outlet``, ``paragraph``, ``sentence``, ``voice`` (when the corpus
    has it), ``text`` (as written) and the four scores, computed by vaderSentiment's
    ``polarity_scores`` on the sentence text after :func:`fold_typography` (``fold=False``
    scores the text as written, which misses negations spelt with a curly apostrophe). Each
    sentence is scored on its own: VADER is meant for short texts. Large corpora are scored on
    all local cores (``workers``); the result does not depend on the number of workers.
    Scored article by article and kept per article (:func:`analysis.stage.per_article`).
    """
    return stage.per_article(_sentence_sentiment, corpus, fold, workers=workers)


def _sentence_sentiment(corpus: Corpus, fold: bool) -> pd.DataFrame:
    sentences = _sentences_with_outlet(corpus)
    columns = ["article_id", "outlet", "paragraph", "sentence", "voice", "text"]
    table = sentences[[c for c in columns if c in sentences.columns]].copy()
    texts = [fold_typography(t) if fold else t for t in table["text"]]
    scores = np.array(_map_in_chunks(_score_texts, texts, workers=None), dtype=float)
    scores = scores.reshape(len(texts), 4)
    for i, name in enumerate(("neg", "neu", "pos", "compound")):
        table[name] = scores[:, i]
    return table.reset_index(drop=True)


def mean_interval(
    values: Sequence[float] | np.ndarray,
    *,
    confidence: float = CONFIDENCE,
    n_resamples: int = N_RESAMPLES,
    seed: int = SEED,
) -> tuple[float, float, float]:
    """The mean of ``values`` and its bootstrap interval, as ``(mean, low, high)``.

    A percentile bootstrap by ``scipy.stats.bootstrap`` with its own generator seeded by ``seed``,
    so the interval is the same on every run and does not depend on which other groups were
    resampled before. Percentile rather than scipy's default BCa: BCa's jackknife costs time
    quadratic in the group size, which a corpus of millions of sentences cannot afford. On the
    seed groups (outlet x voice, 6 to 40 sentences) the two bounds differ by 0.016 in the median
    and by up to 0.13 in the smallest group: below :data:`SMALL_SAMPLE` sentences no bootstrap
    interval is reliable, which is why such groups are flagged. Fewer than two values give a
    NaN interval.
    Resamples are drawn in batches so that memory stays near ten million floats per group.
    """
    from scipy import stats

    data = np.asarray(values, dtype=float)
    if len(data) == 0:
        return math.nan, math.nan, math.nan
    mean = float(data.mean())
    if len(data) < 2:
        return mean, math.nan, math.nan
    result = stats.bootstrap(
        (data,),
        np.mean,
        n_resamples=n_resamples,
        confidence_level=confidence,
        method="percentile",
        vectorized=True,
        batch=max(1, 10_000_000 // len(data)),
        rng=np.random.default_rng(seed),
    )
    return mean, float(result.confidence_interval.low), float(result.confidence_interval.high)


def sentiment_by_voice(
    scores: pd.DataFrame,
    *,
    by: Sequence[str] = ("outlet", "voice"),
    confidence: float = CONFIDENCE,
    seed: int = SEED,
) -> pd.DataFrame:
    """Mean VADER compound per group (default: outlet x voice) with a bootstrap interval.

    ``scores`` is :func:`sentence_sentiment`'s table. One row per group, sorted by ``by``:
    ``n_sentences``, ``mean_compound``, ``ci_low``/``ci_high`` (:func:`mean_interval`),
    ``median_compound``, the shares of sentences VADER calls positive (compound >= 0.05),
    negative (<= -0.05) and neutral (in between), and ``small_sample`` (fewer than
    :data:`SMALL_SAMPLE` sentences). The interval treats sentences as independent draws, which
    sentences of one article are not: it describes these texts, not an outlet's habits.
    """
    _require(scores, [*by, "compound"], "the sentence scores")
    rows = []
    for keys, group in scores.groupby(list(by), sort=True):
        compound = group["compound"].to_numpy()
        mean, low, high = mean_interval(compound, confidence=confidence, seed=seed)
        rows.append(
            {
                **dict(zip(by, keys, strict=True)),
                "n_sentences": len(compound),
                "mean_compound": mean,
                "ci_low": low,
                "ci_high": high,
                "median_compound": float(np.median(compound)),
                "share_positive": float(np.mean(compound >= VADER_POSITIVE)),
                "share_negative": float(np.mean(compound <= VADER_NEGATIVE)),
                "share_neutral": float(
                    np.mean((compound > VADER_NEGATIVE) & (compound < VADER_POSITIVE))
                ),
                "small_sample": len(compound) < SMALL_SAMPLE,
            }
        )
    return pd.DataFrame(rows)


def _describe_emojis(text: str, emojis: dict[str, str]) -> str:
    """VADER's first step: each emoji replaced by its description (as ``polarity_scores`` does)."""
    out, prev_space = [], True
    for char in text:
        if char in emojis:
            if not prev_space:
                out.append(" ")
            out.append(emojis[char])
            prev_space = False
        else:
            out.append(char)
            prev_space = char == " "
    return "".join(out).strip()


def token_valences(text: str) -> list[tuple[str, float]]:
    """Each token of ``text`` as VADER splits it, with the valence VADER adds to its sum.

    The valence is the lexicon's after VADER's rules: negation within three words flips and
    damps it ("not want war": "war" turns positive), boosters and capitals scale it, "but"
    halves what comes before and raises what follows by half. Tokens outside the lexicon, and
    boosters themselves, get 0. The steps are those of vaderSentiment 3.3.2's
    ``polarity_scores``, in its order, with its own methods, so that
    ``analyzer.score_valence([v for _, v in token_valences(t)], t)`` equals
    ``polarity_scores(t)`` (a test checks this on every seed sentence).
    """
    from vaderSentiment.vaderSentiment import BOOSTER_DICT, SentiText

    analyzer = _analyzer()
    sentitext = SentiText(_describe_emojis(text, analyzer.emojis))
    tokens = sentitext.words_and_emoticons
    valences: list[float] = []
    for i, token in enumerate(tokens):
        is_kind_of = (
            token.lower() == "kind" and i < len(tokens) - 1 and tokens[i + 1].lower() == "of"
        )
        if token.lower() in BOOSTER_DICT or is_kind_of:
            valences.append(0)
            continue
        valences = analyzer.sentiment_valence(0, sentitext, token, i, valences)
    valences = analyzer._but_check(tokens, valences)
    return list(zip(tokens, valences, strict=True))


def _lexicon_valences(texts: list[str]) -> list[list[tuple[str, float]]]:
    """For each text (folded here), ``(word, valence)`` of every token that VADER's lexicon rates
    and that adds to its sum (:func:`token_valences`). Module level, so workers can run it."""
    lexicon = vader_lexicon()
    rows = []
    for text in texts:
        pairs = ((token.lower(), v) for token, v in token_valences(fold_typography(text)))
        rows.append([(word, v) for word, v in pairs if word in lexicon and v != 0])
    return rows


def sentiment_drivers(
    scores: pd.DataFrame,
    *,
    by: Sequence[str] = ("outlet",),
    top: int | None = 10,
    workers: int | None = None,
) -> pd.DataFrame:
    """The VADER lexicon words behind each group's sentence scores, strongest first.

    ``scores`` is :func:`sentence_sentiment`'s table (its text is folded and re-tokenised here,
    on all local cores for a large table). One row per group x word (lower case, as VADER looks
    it up): ``lexicon_valence`` (the word's mean rating in VADER's lexicon), ``n``
    (occurrences), ``valence_sum`` (what the word added to the group's VADER sums after
    negation, boosting and "but"), ``flipped`` (occurrences whose sign VADER's rules reversed:
    negation, "least") and ``share`` (of the group's absolute valence). Sorted by ``|valence_sum|`` then
    word; ``top`` words per group (``None``: all). VADER's compound is a squashed sum of these
    valences, so the words with the largest sums are the ones that move a group's mean.
    """
    _require(scores, [*by, "text"], "the sentence scores")
    per_text = _map_in_chunks(_lexicon_valences, scores["text"].tolist(), workers=workers)
    keys = scores[list(by)].reset_index(drop=True)
    table = keys.loc[keys.index.repeat([len(pairs) for pairs in per_text])].reset_index(drop=True)
    flat = [pair for pairs in per_text for pair in pairs]
    table["word"] = [word for word, _ in flat]
    table["valence"] = np.array([valence for _, valence in flat], dtype=float)
    table["lexicon_valence"] = table["word"].map(vader_lexicon()).astype(float)
    table["flipped"] = np.sign(table["valence"]) != np.sign(table["lexicon_valence"])
    drivers = (
        table.groupby([*by, "word"], sort=True)
        .agg(
            lexicon_valence=("lexicon_valence", "first"),
            n=("valence", "size"),
            valence_sum=("valence", "sum"),
            flipped=("flipped", "sum"),
        )
        .reset_index()
    )
    drivers["abs_sum"] = drivers["valence_sum"].abs()
    drivers["share"] = drivers["abs_sum"] / drivers.groupby(list(by))["abs_sum"].transform("sum")
    drivers = drivers.sort_values(
        [*by, "abs_sum", "word"], ascending=[True] * len(by) + [False, True]
    )
    if top is not None:
        drivers = drivers.groupby(list(by), sort=False).head(top)
    return drivers.drop(columns="abs_sum").reset_index(drop=True)


def folding_effect(corpus: Corpus) -> pd.DataFrame:
    """The sentences whose VADER compound changes when typography is folded, and by how much.

    One row per changed sentence: ``article_id``, ``sentence``, ``text``, ``compound_as_written``,
    ``compound_folded``. Shows what scoring the text as written would get wrong (mostly
    negations spelt with a curly apostrophe, "doesn’t", which VADER does not recognise).
    """
    written = sentence_sentiment(corpus, fold=False)
    folded = sentence_sentiment(corpus, fold=True)
    table = written[["article_id", "sentence", "text"]].assign(
        compound_as_written=written["compound"], compound_folded=folded["compound"]
    )
    return table[table["compound_as_written"] != table["compound_folded"]].reset_index(drop=True)


# --------------------------------------------------------------------------- readability


def _article_texts(corpus: Corpus) -> pd.DataFrame:
    """Per article and scope: the body (paragraphs) and the writer's voice (authorial sentences).

    Columns ``article_id``, ``outlet``, ``scope`` ("body" or "writer"), ``text`` (typography
    folded). The body joins paragraphs with blank lines; the writer's text joins the sentences
    the sources engineer marks ``authorial`` (mixed sentences, part quotation, are left out).
    """
    sentences = _require(corpus.sentences, ["voice"], "corpus.sentences")
    body = corpus.paragraphs.groupby("article_id", sort=False)["text"].agg("\n\n".join)
    writer = (
        sentences[sentences["voice"] == "authorial"]
        .groupby("article_id", sort=False)["text"]
        .agg("\n".join)
    )
    rows = []
    for article_id, outlet in corpus.articles[["article_id", "outlet"]].itertuples(index=False):
        for scope, texts in (("body", body), ("writer", writer)):
            text = fold_typography(texts.get(article_id, ""))
            rows.append({"article_id": article_id, "outlet": outlet, "scope": scope, "text": text})
    return pd.DataFrame(rows)


def readability(corpus: Corpus, *, workers: int | None = None) -> pd.DataFrame:
    """One row per article and scope ("body", "writer"): textstat's readability and diversity.

    Columns: ``article_id``, ``outlet``, ``scope``, ``n_words`` and ``n_sentences`` (textstat's
    counts, which the formulas use; its sentence rule differs from the corpus's syntok
    sentences), the :data:`READABILITY_METRICS`, ``mtld`` and ``mattr``. "writer" is the
    authorial sentences alone. The body is the cleaned article, headline and standfirst
    excluded. Many articles are profiled on all local cores (``workers``).
    """
    # Profiling is pure counting over each article's texts (loading CMUdict alone takes a
    # second): profiled article by article, on all cores, and kept per article.
    return stage.per_article(_readability, corpus, workers=workers)


def _readability(corpus: Corpus) -> pd.DataFrame:
    texts = _article_texts(corpus)
    profiles = text_profiles(texts["text"].tolist())
    return pd.concat(
        [texts.drop(columns="text"), pd.DataFrame(profiles, index=texts.index)], axis=1
    )


def readability_by_outlet(table: pd.DataFrame) -> pd.DataFrame:
    """:func:`readability`'s table summarised per outlet and scope: the mean of each measure over
    the outlet's articles (each article counts once, whatever its length), the number of
    articles and the summed ``n_words`` and ``n_sentences``. Outlets keep their first-seen order.
    """
    measures = [c for c in (*READABILITY_METRICS, "mtld", "mattr") if c in table.columns]
    grouped = table.groupby(["outlet", "scope"], sort=False)
    out = grouped[measures].mean()
    out["articles"] = grouped["article_id"].nunique()
    out[["n_words", "n_sentences"]] = grouped[["n_words", "n_sentences"]].sum()
    return out.reset_index()


# --------------------------------------------------------------------------- stance markers


def _lexicon_lists(name: str) -> list[tuple[str, list[str]]]:
    """``(category, items)`` of each list in a lexicon.

    ``hedges``, ``boosters``, ``escalation``: the YAML's ``lists``. ``cues``: the reporting-verb
    forms of ``cues.yml`` by group, as :func:`analysis.quotes.load_cues` parses them (one parse
    for the quotations and for this count).
    """
    if name == "cues":
        from analysis.quotes import load_cues

        cues = load_cues()
        by_group: dict[str, list[str]] = {}
        for form, lemma in sorted(cues.lemma_of.items()):
            by_group.setdefault(cues.group_of[lemma], []).append(form)
        return sorted(by_group.items())
    return [
        (entry["category"], entry["items"]) for entry in read_lexicon(name=f"{name}.yml")["lists"]
    ]


@functools.cache
def lexicon_terms(names: tuple[str, ...]) -> dict[str, str]:
    """The terms of the named lexicons (:func:`analysis.terms.term_key` of each) -> category
    ("hedge", "escalation", ...), in lexicon order. A term listed under two categories is an
    error. They are matched as every term of the suite is (:func:`analysis.terms.match_terms`).
    """
    terms: dict[str, str] = {}
    for name in names:
        for category, items in _lexicon_lists(name):
            for item in items:
                key = term_key(str(item))
                if terms.setdefault(key, category) != category:
                    raise ValueError(f"{name}: {item!r} is both {terms[key]} and {category}")
    return terms


def marker_matches(corpus: Corpus, lexicons: Sequence[str]) -> pd.DataFrame:
    """Every match of the named lexicons' terms, one row per match, for auditing the counts.

    Columns: ``article_id``, ``outlet``, ``paragraph``, ``sentence``, ``voice`` (when present),
    the sentence ``text``, ``category`` and ``term``, in corpus order. Matched article by
    article and kept per article (:func:`analysis.stage.per_article`).
    """
    return stage.per_article(_marker_matches, corpus, tuple(lexicons))


def _marker_matches(corpus: Corpus, lexicons: tuple[str, ...]) -> pd.DataFrame:
    terms = lexicon_terms(lexicons)
    sentences = _sentences_with_outlet(corpus)
    columns = ("article_id", "outlet", "paragraph", "sentence", "voice", "text")
    keep = [c for c in columns if c in sentences]
    rows = [
        (*row, category, term)
        for row in sentences[keep].itertuples(index=False)
        for term, category in match_terms(row.text, terms)
    ]
    return pd.DataFrame(rows, columns=[*keep, "category", "term"])


def poisson_interval(
    counts: np.ndarray | pd.Series, *, confidence: float = CONFIDENCE
) -> tuple[np.ndarray, np.ndarray]:
    """Exact (Garwood) interval for Poisson counts, as arrays ``(low, high)`` of counts.

    Treats each occurrence as independent, which words in one text are not quite; the interval
    is a floor on the real uncertainty.
    """
    from scipy import stats

    k = np.asarray(counts, dtype=float)
    alpha = 1 - confidence
    low = np.where(k > 0, stats.chi2.ppf(alpha / 2, 2 * k) / 2, 0.0)
    high = stats.chi2.ppf(1 - alpha / 2, 2 * k + 2) / 2
    return low, high


def marker_rates(
    corpus: Corpus, lexicons: Sequence[str], *, by: Sequence[str] = ("outlet", "voice")
) -> pd.DataFrame:
    """Occurrences of each lexicon category per 1,000 words, per group, with an exact interval.

    One row per group x category (zeros included), sorted: ``words`` (the group's words, by
    :data:`analysis.text.WORD_PATTERN`), ``count``, ``per_1000``, ``ci_low``/``ci_high``
    (:func:`poisson_interval`, per 1,000 words) and ``terms`` (the matched terms with their
    counts, most frequent first, so a reader sees what the rate is made of).
    """
    sentences = _sentences_with_outlet(corpus)
    _require(sentences, by, "corpus.sentences")
    words_per_group = (
        sentences.assign(words=sentences["text"].str.count(WORD_PATTERN))
        .groupby(list(by), sort=True)["words"]
        .sum()
    )
    words_per_group = words_per_group[words_per_group > 0]
    categories = list(dict.fromkeys(lexicon_terms(tuple(lexicons)).values()))  # lexicon order
    groups = [key if isinstance(key, tuple) else (key,) for key in words_per_group.index]
    grid = pd.MultiIndex.from_tuples(
        [(*key, category) for key in groups for category in categories],
        names=[*by, "category"],
    )
    matches = marker_matches(corpus, lexicons).groupby([*by, "category"])["term"]
    table = pd.DataFrame(
        {
            "count": matches.size().reindex(grid, fill_value=0),
            "terms": matches.agg(_term_summary).reindex(grid, fill_value=""),
        }
    ).reset_index()
    table["words"] = words_per_group.reindex(pd.MultiIndex.from_frame(table[list(by)])).to_numpy()
    low, high = poisson_interval(table["count"])
    scale = 1000 / table["words"]
    table = table.assign(per_1000=table["count"] * scale, ci_low=low * scale, ci_high=high * scale)
    columns = [*by, "category", "words", "count", "per_1000", "ci_low", "ci_high", "terms"]
    return table[columns]


def _term_summary(terms: pd.Series) -> str:
    """ "could 3; may 2" : matched terms with counts, most frequent first, ties by term."""
    counted = terms.value_counts().rename_axis("term").reset_index()
    counted = counted.sort_values(["count", "term"], ascending=[False, True])
    return "; ".join(f"{t} {n}" for t, n in counted.itertuples(index=False))


def stance_markers(corpus: Corpus) -> pd.DataFrame:
    """Hedges and boosters per 1,000 words, by outlet and voice (see :func:`marker_rates`).

    Lists: ``analysis/lexicons/hedges.yml`` and ``boosters.yml`` (Hyland 2005, adapted for news).
    """
    return marker_rates(corpus, ("hedges", "boosters"), by=("outlet", "voice"))


def escalation_language(corpus: Corpus, *, by: Sequence[str] = ("outlet",)) -> pd.DataFrame:
    """Escalation and de-escalation terms per 1,000 words, per outlet (see :func:`marker_rates`).

    List: ``analysis/lexicons/escalation.yml`` (CAMEO categories, words from the seeds).
    """
    return marker_rates(corpus, ("escalation",), by=by)


# --------------------------------------------------------------------------- attribution


def cue_groups() -> dict[str, str]:
    """Reporting-verb lemma -> group (neutral, assertive, doubt, alarmed, other).

    Read from ``analysis/lexicons/cues.yml`` by :func:`analysis.quotes.load_cues`, the same
    parse that attributes the quotations, so the groups cannot drift from the cues.
    """
    from analysis.quotes import load_cues

    return dict(load_cues().group_of)


def _cue_lemma(form: str) -> str:
    """The lemma of a reporting-verb form found in text ("claimed" -> "claim")."""
    from analysis.quotes import load_cues

    return load_cues().lemma_of.get(form.casefold(), form)


def _quotes_with_groups(corpus: Corpus) -> pd.DataFrame:
    """``corpus.quotes`` with ``outlet`` and the ``group`` of each quotation's cue.

    A quotation without a cue (scare quotes, most headline quotes) is in group "none"; a cue
    missing from cues.yml is "unlisted".
    """
    quotes = _require(corpus.quotes, ["cue", "speaker"], "corpus.quotes")
    outlets = corpus.articles[["article_id", "outlet"]]
    quotes = quotes.merge(outlets, on="article_id", how="left", validate="many_to_one")
    cue = quotes["cue"].fillna("").astype(str).str.lower()
    quotes["cue"] = cue
    quotes["group"] = np.where(cue == "", "none", cue.map(cue_groups()).fillna("unlisted"))
    quotes["speaker"] = quotes["speaker"].fillna("").replace("", "unknown")
    return quotes


def reporting_verb_forms(corpus: Corpus) -> pd.DataFrame:
    """Every reporting-verb form of cues.yml in the body text, direct or indirect speech.

    (Per-outlet counts of the reporting verbs that :func:`analysis.quotes.find_attributions`
    attributes to a speaker are :func:`analysis.sources.reporting_verbs`.)

    One row per occurrence, in corpus order: ``article_id``, ``outlet``, ``sentence``, ``voice``
    (when present), ``group``, ``cue`` (the lemma), ``form`` and the sentence ``text``. Unlike
    the quotations' cues, this also sees indirect speech ("what Russia claims were exercises"),
    but it is a count of forms: "states" in "separatist states" and "warning" as a noun count.
    """
    matches = marker_matches(corpus, ("cues",)).rename(columns={"category": "group"})
    matches = matches.rename(columns={"term": "form"})
    matches.insert(matches.columns.get_loc("form"), "cue", matches["form"].map(_cue_lemma))
    return matches


def attribution_verbs(corpus: Corpus) -> pd.DataFrame:
    """The share of each reporting-verb group per outlet: :func:`analysis.sources.reporting_verb_groups`
    (the suite's one definition, the same numbers and totals as notebook 02's) over the
    attributions :func:`analysis.quotes.find_attributions` finds in the body (every reporting
    verb with a speaker, direct quotation or reported speech), with ``basis`` "attributions".
    One row per outlet x group (zeros included): ``count``, ``total``, ``share``, ``cues``.
    """
    from analysis.quotes import find_attributions
    from analysis.sources import reporting_verb_groups, reporting_verbs

    headlines = corpus.articles.set_index("article_id")["headline"]
    attributions = find_attributions(corpus.paragraphs, headlines=headlines)
    table = reporting_verb_groups(reporting_verbs(corpus, attributions))
    table.insert(0, "basis", "attributions")
    return table


def doubt_speakers(corpus: Corpus, *, group: str = "doubt") -> pd.DataFrame:
    """Who each outlet pairs with a doubt-casting verb ("claim", "allege", "purport").

    One row per occurrence, sorted by outlet and position: ``basis`` ("quotations": a direct
    quotation with such a cue, with its ``speaker`` and ``speaker_side``; "text": the verb in
    a paragraph where no quotation carries it, with the subject :func:`_prose_speakers` finds
    for it, or an empty ``speaker``), ``article_id``, ``voice`` and the ``text`` (the
    quotation, or the sentence).
    """
    quotes = _quotes_with_groups(corpus)
    quoted = quotes[quotes["group"] == group].assign(basis="quotations", sentence=np.nan)
    found = reporting_verb_forms(corpus)
    found = found[found["group"] == group]
    keys = ["article_id", "paragraph", "cue"]
    covered = set(quoted[keys].itertuples(index=False, name=None))
    loose = [key not in covered for key in found[keys].itertuples(index=False, name=None)]
    in_text = found[np.array(loose, dtype=bool)]  # a plain empty list would select columns
    in_text = in_text.merge(
        _prose_speakers(corpus), on=["article_id", "sentence", "cue"], how="left"
    ).assign(basis="text")
    in_text[["speaker", "speaker_side"]] = in_text[["speaker", "speaker_side"]].fillna("")
    columns = [
        "outlet",
        "basis",
        "article_id",
        "sentence",
        "speaker",
        "speaker_side",
        "cue",
        "voice",
        "text",
    ]
    table = pd.concat(
        [frame.reindex(columns=columns) for frame in (quoted, in_text)], ignore_index=True
    )
    return table.sort_values(["outlet", "basis", "article_id", "sentence"], kind="stable")


def _prose_speakers(corpus: Corpus) -> pd.DataFrame:
    """The subject of each reporting verb in the body, direct speech or not, by sentence:
    ``article_id``, ``sentence``, ``cue``, ``speaker`` and ``speaker_side``.

    From :func:`analysis.quotes.find_attributions` ("what Russia claims were exercises" gives
    Russia; "which he claimed" gives the person "he" refers to). Those attributions have no gold
    set: they are unvalidated. Two verbs with the same lemma in one sentence give one row, their
    different speakers joined by "; ".
    """
    from analysis.quotes import find_attributions

    found = find_attributions(corpus.paragraphs)
    sentences = corpus.sentences[["article_id", "paragraph", "sentence", "start", "end"]]
    placed = found.merge(sentences, on=["article_id", "paragraph"], suffixes=("", "_sentence"))
    inside = (placed["start_sentence"] <= placed["start"]) & (
        placed["start"] < placed["end_sentence"]
    )
    placed = placed[inside & (placed["speaker"].fillna("") != "")]
    return (
        placed.groupby(["article_id", "sentence", "cue"], sort=False)[["speaker", "speaker_side"]]
        .agg(lambda values: "; ".join(dict.fromkeys(values.fillna("").astype(str))))
        .reset_index()
    )


# --------------------------------------------------------------------------- findings


def sentiment_findings(summary: pd.DataFrame) -> pd.DataFrame:
    """Finding rows for :func:`sentiment_by_voice`'s table: per outlet and voice, the mean compound
    (``tone.compound.<voice>.<outlet>``) and its ``.ci_low``, ``.ci_high`` and ``.n``."""
    rows = []
    for r in summary.itertuples(index=False):
        voice = VOICE_NAMES.get(r.voice, r.voice)
        key = f"tone.compound.{key_part(voice)}.{outlet_slug(r.outlet)}"
        what = f"{r.outlet}, {voice} sentences (N = {r.n_sentences})"
        unit = "VADER compound (-1 to 1)"
        rows += [
            finding(key, r.mean_compound, unit, f"Mean VADER compound per sentence: {what}"),
            finding(f"{key}.ci_low", r.ci_low, unit, f"Lower bound, 95% bootstrap CI: {what}"),
            finding(f"{key}.ci_high", r.ci_high, unit, f"Upper bound, 95% bootstrap CI: {what}"),
            finding(f"{key}.n", r.n_sentences, "sentences", f"Sentences scored: {what}"),
        ]
    return findings_table(rows)


def comparison_findings(
    corpus: Corpus, *, seed: int = SEED, confidence: float = CONFIDENCE
) -> pd.DataFrame:
    """The comparisons of notebook 04 that a view of the corpus can change, as findings:
    sentiment by voice (:func:`sentiment_findings`), hedges and boosters and escalation terms
    (:func:`rate_findings`), reporting-verb shares (:func:`attribution_findings`). For the same
    numbers on another view of a corpus (e.g. without the wire copy,
    :func:`analysis.reuse.with_reused_dropped`)."""
    summary = sentiment_by_voice(sentence_sentiment(corpus), seed=seed, confidence=confidence)
    return pd.concat(
        [
            sentiment_findings(summary),
            rate_findings(stance_markers(corpus)),
            rate_findings(escalation_language(corpus)),
            attribution_findings(attribution_verbs(corpus)),
        ],
        ignore_index=True,
    )


def folding_findings(changed: pd.DataFrame, n_sentences: int) -> pd.DataFrame:
    """Finding rows for :func:`folding_effect`: how many sentences' VADER compound changes when
    curly quotes and apostrophes are folded to straight ones."""
    return findings_table(
        [
            finding(
                "tone.vader.changed_by_folding",
                len(changed),
                "sentences",
                f"Sentences (of {n_sentences}) whose VADER compound differs when typography is "
                "folded before scoring",
            )
        ]
    )


def readability_findings(table: pd.DataFrame) -> pd.DataFrame:
    """Finding rows for :func:`readability`'s table, per article and scope:
    ``tone.readability.<metric>.<scope>.<article_id>`` (metrics, MTLD and MATTR)."""
    metrics = [*READABILITY_METRICS, "mtld", "mattr"]
    rows = [
        finding(
            f"tone.readability.{metric}.{r['scope']}.{key_part(r['article_id'])}",
            r[metric],
            "score" if metric in READABILITY_METRICS[:6] else metric.replace("_", " "),
            f"{metric} of {r['article_id']} ({r['outlet']}), {r['scope']} "
            f"({r['n_words']} words, textstat {TEXTSTAT_VERSION})",
        )
        for r in table.to_dict("records")
        for metric in metrics
    ]
    return findings_table(rows)


def rate_findings(rates: pd.DataFrame) -> pd.DataFrame:
    """Finding rows for :func:`marker_rates`'s tables: ``tone.<category>.<voice>.<outlet>`` (or
    ``tone.<category>.<outlet>`` without voice), per 1,000 words, with ``.count``."""
    rows = []
    for r in rates.to_dict("records"):
        voice = VOICE_NAMES.get(r["voice"], r["voice"]) if "voice" in r else None
        parts = [key_part(r["category"]), *([key_part(voice)] if voice else [])]
        key = f"tone.{'.'.join(parts)}.{outlet_slug(r['outlet'])}"
        what = f"{r['outlet']}{f', {voice} voice' if voice else ''} ({r['words']} words)"
        rows += [
            finding(key, r["per_1000"], "per 1,000 words", f"{r['category']} terms: {what}"),
            finding(f"{key}.count", r["count"], "terms", f"{r['category']} terms found: {what}"),
        ]
    return findings_table(rows)


def attribution_findings(shares: pd.DataFrame) -> pd.DataFrame:
    """Finding rows for :func:`attribution_verbs`: ``tone.cues.attributions.<group>.<outlet>``,
    the share of the outlet's attributions made with a verb of the group (the neutral share is
    ``sources.neutral-share.<outlet>``: one definition, one total)."""
    rows = [
        finding(
            f"tone.cues.{key_part(r.basis)}.{key_part(r.group)}.{outlet_slug(r.outlet)}",
            r.share,
            "share",
            f"{r.outlet}: {r.count} of {r.total} attributions made with a {r.group} verb",
        )
        for r in shares.itertuples(index=False)
    ]
    return findings_table(rows)
