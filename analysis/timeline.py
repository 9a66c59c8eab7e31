"""Time: how coverage unfolds, by outlet, where articles carry a ``published`` date.

Periods
    An article's date is ``corpus.articles["published"]`` (ISO ``YYYY-MM-DD``; the manifest's
    value, or the dateline the cleaner read). :func:`choose_freq` picks the period from the span
    of the dates: ``day`` up to 31 days, ``week`` (weeks starting Monday) up to 366 days, else
    ``month``. A period is named by its first day (``2023-03-06`` for the week of 6 March). Every
    period from the first date to the last is listed, empty ones included, so a gap in coverage
    shows as a gap.

Tables, not figures
    :func:`articles_over_time` (articles per outlet per period), :func:`tone_over_time` (mean
    VADER compound per sentence, with the number of sentences and articles it rests on) and
    :func:`shares_over_time` (share of sentences carrying each frame or topic, with counts). The
    figures are drawn by :mod:`analysis.plots.timeline`.

Many outlets
    With more than ``top`` outlets (default 19), the outlets with the most articles are kept and
    the rest summed into one row, ``other outlets (n)``, so a table and its figure stay legible.

Undated articles are left out and counted (``table.attrs["undated"]``); a ``published`` value
that is not a date raises :class:`~analysis.CorpusError` naming the article.
"""

from __future__ import annotations

import pandas as pd

from analysis.errors import CorpusError

FREQS = ("day", "week", "month")
TOP_OUTLETS = 19


def article_dates(corpus) -> pd.Series:
    """Each article's ``published`` date as a Timestamp (NaT where it has none), indexed by
    ``article_id``. A value that is not an ISO date raises :class:`~analysis.CorpusError`."""
    raw = corpus.articles.set_index("article_id")["published"].fillna("").astype(str).str.strip()
    dates = pd.to_datetime(raw.where(raw != ""), format="%Y-%m-%d", errors="coerce")
    bad = raw[(raw != "") & dates.isna()]
    if len(bad):
        where = corpus.source or "corpus"
        raise CorpusError(
            f"{where}: published is not a YYYY-MM-DD date for article(s) "
            f"{dict(bad.head(5))}; fix the manifest's published column"
        )
    return dates.rename("published")


def has_dates(corpus) -> bool:
    """Whether any article has a ``published`` date."""
    return bool(article_dates(corpus).notna().any())


def over_time_note(corpus, *, freq: str = "auto", canonical: bool = True) -> str | None:
    """None when the dated articles of ``corpus`` fall in more than one period (a chart over
    time has something to show); else the one line a notebook shows instead of the chart."""
    if not has_dates(corpus):
        return "No article has a `published` date, so nothing can be shown over time."
    periods = articles_over_time(corpus, freq=freq, canonical=canonical)
    if periods["period"].nunique() > 1:
        return None
    return (
        f"Every dated article falls in the same {periods.attrs['freq']} "
        f"({periods['period'].iloc[0]}): there is no change over time to show."
    )


def choose_freq(dates: pd.Series) -> str:
    """``day`` when the dates span at most 31 days, ``week`` up to 366, else ``month``."""
    dates = dates.dropna()
    span = (dates.max() - dates.min()).days if len(dates) else 0
    return "day" if span <= 31 else "week" if span <= 366 else "month"


def period_of(dates: pd.Series, freq: str) -> pd.Series:
    """The first day of each date's period (``day``, ``week`` from Monday, or ``month``)."""
    if freq not in FREQS:
        raise ValueError(f"freq must be one of {FREQS} or 'auto', not {freq!r}")
    if freq == "day":
        return dates.dt.normalize()
    if freq == "week":
        return (dates - pd.to_timedelta(dates.dt.day_of_week, unit="D")).dt.normalize()
    return dates.dt.to_period("M").dt.start_time


def all_periods(dates: pd.Series, freq: str) -> list[str]:
    """Every period from the first date's to the last's, as ISO dates of their first days."""
    starts = period_of(dates.dropna(), freq)
    if starts.empty:
        return []
    step = {"day": "D", "week": "7D", "month": "MS"}[freq]
    return [d.date().isoformat() for d in pd.date_range(starts.min(), starts.max(), freq=step)]


def _dated(corpus, freq: str, canonical: bool) -> tuple[pd.DataFrame, str, int]:
    """Articles with ``period`` (ISO string) and ``outlet``; the freq used; the undated count."""
    corpus = corpus.canonical() if canonical else corpus
    dates = article_dates(corpus)
    freq = choose_freq(dates) if freq == "auto" else freq
    articles = corpus.articles[["article_id", "outlet"]].join(dates, on="article_id")
    undated = int(articles["published"].isna().sum())
    articles = articles.dropna(subset=["published"])
    articles["period"] = period_of(articles["published"], freq).dt.strftime("%Y-%m-%d")
    return articles, freq, undated


def _outlet_order(articles: pd.DataFrame, top: int) -> tuple[dict[str, str], list[str]]:
    """Outlet -> row name (the ``top`` outlets with most articles keep theirs; the rest are
    ``other outlets (n)``), and the row order (most articles first, ties by name)."""
    sizes = articles.groupby("outlet").size()
    ranked = sorted(sizes.index, key=lambda o: (-sizes[o], o))
    if len(ranked) <= top + 1:
        return {o: o for o in ranked}, ranked
    kept, rest = ranked[:top], ranked[top:]
    other = f"other outlets ({len(rest)})"
    return {**{o: o for o in kept}, **{o: other for o in rest}}, [*kept, other]


def _finish(table: pd.DataFrame, freq: str, undated: int) -> pd.DataFrame:
    table.attrs["freq"] = freq
    table.attrs["undated"] = undated
    return table


def articles_over_time(
    corpus, *, freq: str = "auto", canonical: bool = True, top: int = TOP_OUTLETS
) -> pd.DataFrame:
    """Articles per outlet per period: ``period``, ``outlet``, ``articles``, every period x
    outlet (zeros included), outlets by number of articles. ``canonical`` (default): one version
    per story. ``attrs``: ``freq`` used, ``undated`` articles left out."""
    articles, freq, undated = _dated(corpus, freq, canonical)
    rows, order = _outlet_order(articles, top)
    articles["outlet"] = articles["outlet"].map(rows)
    counts = articles.groupby(["period", "outlet"]).size()
    grid = pd.MultiIndex.from_product(
        [all_periods(articles["published"], freq), order], names=["period", "outlet"]
    )
    table = counts.reindex(grid, fill_value=0).rename("articles").reset_index()
    return _finish(table, freq, undated)


def tone_over_time(
    scores: pd.DataFrame,
    corpus,
    *,
    freq: str = "auto",
    canonical: bool = True,
    top: int = TOP_OUTLETS,
) -> pd.DataFrame:
    """Mean VADER compound per sentence, per outlet per period: ``period``, ``outlet``,
    ``sentences``, ``articles``, ``compound`` (NaN where there are no sentences). ``scores`` is
    :func:`analysis.tone.sentence_sentiment` (or any table with ``article_id`` and ``compound``,
    e.g. restricted to one voice)."""
    articles, freq, undated = _dated(corpus, freq, canonical)
    rows, order = _outlet_order(articles, top)
    articles["outlet"] = articles["outlet"].map(rows)
    scored = scores[["article_id", "compound"]].merge(
        articles[["article_id", "outlet", "period"]], on="article_id"
    )
    grouped = scored.groupby(["period", "outlet"])
    summary = pd.DataFrame(
        {
            "sentences": grouped.size(),
            "articles": grouped["article_id"].nunique(),
            "compound": grouped["compound"].mean(),
        }
    )
    grid = pd.MultiIndex.from_product(
        [all_periods(articles["published"], freq), order], names=["period", "outlet"]
    )
    table = summary.reindex(grid).reset_index()
    table[["sentences", "articles"]] = table[["sentences", "articles"]].fillna(0).astype("int64")
    return _finish(table, freq, undated)


def shares_over_time(
    units: pd.DataFrame,
    tagged: pd.DataFrame,
    corpus,
    *,
    freq: str = "auto",
    canonical: bool = True,
    top: int = TOP_OUTLETS,
    frames: list[str] | None = None,
) -> pd.DataFrame:
    """Share of each outlet's sentences carrying each frame, per period: ``period``, ``outlet``,
    ``frame``, ``sentences`` (carrying it), ``total`` (all sentences), ``share`` (NaN where
    ``total`` is 0).

    ``units`` has one row per sentence with ``article_id`` (e.g.
    :func:`analysis.emphasis.text_units` restricted to body zones, or a topic model's
    ``sentences``); ``tagged`` has ``unit`` (an index label of ``units``) and ``frame``, one row
    per sentence x frame it carries (:func:`analysis.emphasis.frame_mentions`, or topics). A
    sentence may carry several frames, so shares need not add to one. ``frames``: the frames
    to list, in order (default: those of ``tagged``, in order of first appearance).
    """
    articles, freq, undated = _dated(corpus, freq, canonical)
    rows, order = _outlet_order(articles, top)
    articles["outlet"] = articles["outlet"].map(rows)
    where = articles.set_index("article_id")[["outlet", "period"]]
    placed = units[["article_id"]].join(where, on="article_id", how="inner")
    totals = placed.groupby(["period", "outlet"]).size()
    tags = tagged[tagged["unit"].isin(placed.index)].drop_duplicates(["unit", "frame"])
    tags = tags[["unit", "frame"]].join(placed[["period", "outlet"]], on="unit")
    counts = tags.groupby(["period", "outlet", "frame"]).size()
    frames = list(frames) if frames is not None else list(dict.fromkeys(tagged["frame"]))
    grid = pd.MultiIndex.from_product(
        [all_periods(articles["published"], freq), order, frames],
        names=["period", "outlet", "frame"],
    )
    table = counts.reindex(grid, fill_value=0).rename("sentences").reset_index()
    table["total"] = (
        totals.reindex(pd.MultiIndex.from_frame(table[["period", "outlet"]]), fill_value=0)
        .to_numpy()
        .astype("int64")
    )
    table["share"] = table["sentences"] / table["total"].where(table["total"] > 0)
    return _finish(table, freq, undated)
