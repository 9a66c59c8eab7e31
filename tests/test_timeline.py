"""Time tables, checked against counts made by hand on an invented ten-day corpus."""

from __future__ import annotations

import pandas as pd
import pytest

import analysis
from analysis import CorpusError, emphasis, timeline, tone
from analysis.paths import ROOT

FIXTURE = ROOT / "tests" / "fixtures" / "timeline_corpus"


@pytest.fixture(scope="module")
def corpus():
    return analysis.load_corpus(FIXTURE)


def test_articles_per_outlet_per_day_by_hand(corpus):
    table = timeline.articles_over_time(corpus)
    assert table.attrs == {"freq": "day", "undated": 0}
    days = [f"2023-03-{d:02d}" for d in range(1, 11)]
    assert list(dict.fromkeys(table["period"])) == days  # empty days listed too
    # three articles each: ties ordered by name
    assert list(dict.fromkeys(table["outlet"])) == ["Coast Wire", "Harbour Post", "Valley News"]
    wide = table.pivot(index="outlet", columns="period", values="articles")
    assert wide.loc["Harbour Post"][wide.loc["Harbour Post"] > 0].index.tolist() == [
        "2023-03-01",
        "2023-03-03",
        "2023-03-05",
    ]
    assert wide.loc["Coast Wire", "2023-03-10"] == 1
    assert wide.loc["Valley News", "2023-03-10"] == 1
    assert wide["2023-03-04"].sum() == 0
    assert table["articles"].sum() == 9


def test_weeks_start_on_monday(corpus):
    table = timeline.articles_over_time(corpus, freq="week")
    wide = table.pivot(index="outlet", columns="period", values="articles")
    # 1 March 2023 is a Wednesday: weeks of 27 February and 6 March
    assert list(wide.columns) == ["2023-02-27", "2023-03-06"]
    assert wide.loc["Harbour Post"].tolist() == [3, 0]  # 1, 3, 5 March (5 March is a Sunday)
    assert wide.loc["Valley News"].tolist() == [2, 1]
    assert wide.loc["Coast Wire"].tolist() == [1, 2]


def test_choose_freq_by_span():
    day = pd.Series(pd.to_datetime(["2023-01-01", "2023-02-01"]))
    assert timeline.choose_freq(day) == "day"  # 31 days
    assert timeline.choose_freq(day + pd.to_timedelta([0, 1], unit="D")) == "week"
    assert timeline.choose_freq(pd.Series(pd.to_datetime(["2020-01-01", "2023-01-01"]))) == "month"


def test_tone_over_time_is_vaders_mean_with_counts(corpus):
    from vaderSentiment.vaderSentiment import SentimentIntensityAnalyzer

    scores = tone.sentence_sentiment(corpus)
    table = timeline.tone_over_time(scores, corpus).set_index(["period", "outlet"])
    cell = table.loc[("2023-03-10", "Valley News")]
    texts = corpus.sentences.loc[corpus.sentences["article_id"] == "vn-3", "text"]
    analyzer = SentimentIntensityAnalyzer()
    expected = sum(analyzer.polarity_scores(t)["compound"] for t in texts) / len(texts)
    assert cell["sentences"] == 3 and cell["articles"] == 1
    assert cell["compound"] == pytest.approx(expected)
    assert cell["compound"] > 0.3  # "cheers", "happy", "delighted", "wonderful"
    empty = table.loc[("2023-03-04", "Valley News")]
    assert empty["sentences"] == 0 and pd.isna(empty["compound"])
    assert table.loc[("2023-03-01", "Harbour Post"), "sentences"] == 4


def test_frame_shares_over_time_by_hand(corpus, tmp_path):
    lexicon = tmp_path / "frames.yml"
    lexicon.write_text(
        "source: test\nframes:\n  - name: repair\n    terms: [repair*, engineer*]\n",
        encoding="utf-8",
    )
    frames = emphasis.load_frames(lexicon)
    units = emphasis.text_units(corpus)
    body = units[units["zone"].isin(emphasis.BODY_ZONES)]
    tagged = emphasis.frame_mentions(body, frames)
    table = timeline.shares_over_time(body, tagged, corpus).set_index(["period", "outlet"])
    # hp-1: 4 sentences, "Engineers will begin repairs" only; vn-1: 3, "repairs would be funded"
    assert table.loc[("2023-03-01", "Harbour Post"), ["sentences", "total"]].tolist() == [1, 4]
    assert table.loc[("2023-03-01", "Valley News"), "share"] == pytest.approx(1 / 3)
    # cw-2 (8 March): both sentences ("Repairs ...", "Engineers replaced ...")
    assert table.loc[("2023-03-08", "Coast Wire"), "share"] == 1.0
    assert pd.isna(table.loc[("2023-03-04", "Coast Wire"), "share"])


def test_frames_over_time_leaves_no_empty_band_under_its_title(corpus, tmp_path):
    """The title's room is laid out once: the first panel's title sits within half an inch of
    the figure's title (it sat about 1.4 in below it when the room was reserved twice)."""
    from analysis.plots import timeline as plots

    lexicon = tmp_path / "frames.yml"
    lexicon.write_text(
        "source: test\nframes:\n  - name: repair\n    terms: [repair*, engineer*]\n",
        encoding="utf-8",
    )
    units = emphasis.text_units(corpus)
    body = units[units["zone"].isin(emphasis.BODY_ZONES)]
    tagged = emphasis.frame_mentions(body, emphasis.load_frames(lexicon))
    table = timeline.shares_over_time(body, tagged, corpus)
    figure = plots.plot_shares_over_time(table, finding="A finding long enough to wrap " * 3)
    renderer = figure.canvas.get_renderer()
    title_bottom = figure._suptitle.get_window_extent(renderer).y0
    panel_top = figure.axes[0].title.get_window_extent(renderer).y1
    assert 0 <= (title_bottom - panel_top) / figure.dpi < 0.5


def test_articles_over_time_is_laid_out(corpus):
    """tight_layout applies (it refused a gridspec with its own hspace, and the source line then
    sat on the rotated day labels): no layout warning."""
    import warnings

    from analysis.plots import timeline as plots

    with warnings.catch_warnings():
        warnings.simplefilter("error")
        plots.plot_articles_over_time(timeline.articles_over_time(corpus), finding="A finding")


def test_many_outlets_are_capped_with_the_rest_summed(corpus):
    articles = corpus.articles.assign(outlet=[f"Outlet {i}" for i in range(9)])
    table = timeline.articles_over_time(corpus.with_tables(articles=articles), top=4)
    outlets = list(dict.fromkeys(table["outlet"]))
    assert outlets[-1] == "other outlets (5)" and len(outlets) == 5
    assert table.loc[table["outlet"] == "other outlets (5)", "articles"].sum() == 5


def test_undated_articles_are_counted_and_bad_dates_raise(corpus):
    articles = corpus.articles.copy()
    articles.loc[0, "published"] = ""
    table = timeline.articles_over_time(corpus.with_tables(articles=articles))
    assert table.attrs["undated"] == 1 and table["articles"].sum() == 8
    articles.loc[1, "published"] = "last Tuesday"
    with pytest.raises(CorpusError, match="vn-1"):
        timeline.articles_over_time(corpus.with_tables(articles=articles))
    none = corpus.articles.assign(published="")
    assert not timeline.has_dates(corpus.with_tables(articles=none))


def test_a_corpus_of_one_day_or_no_dates_says_so_in_one_line(corpus):
    """Notebooks 04 and 05 chart time only where the dates span several periods; the seeds (all
    15 February 2022) get one line instead."""
    assert timeline.over_time_note(corpus) is None  # ten days
    one_day = corpus.with_tables(articles=corpus.articles.assign(published="2023-03-04"))
    assert timeline.over_time_note(one_day) == (
        "Every dated article falls in the same day (2023-03-04): there is no change over time "
        "to show."
    )
    undated = corpus.with_tables(articles=corpus.articles.assign(published=""))
    assert timeline.over_time_note(undated).startswith("No article has a `published` date")
    seeds = analysis.load_corpus().canonical()
    assert "same day (2022-02-15)" in timeline.over_time_note(seeds)


def test_time_figures_stay_within_seven_inches_from_3_to_20_outlets(corpus):
    from analysis.plots import timeline as plots

    tables = [timeline.articles_over_time(corpus)]
    articles = corpus.articles.assign(outlet=[f"Outlet {i}" for i in range(9)])
    many = corpus.with_tables(articles=articles)
    tables.append(timeline.articles_over_time(many))
    scores = tone.sentence_sentiment(corpus)
    for table in tables:
        figure = plots.plot_articles_over_time(table)
        assert figure.get_size_inches()[0] <= 7.0
        rows = figure.axes[1].get_yticklabels()
        assert len(rows) == table["outlet"].nunique()
    figure = plots.plot_tone_over_time(timeline.tone_over_time(scores, many))
    assert figure.get_size_inches()[0] <= 7.0


@pytest.mark.notebook
def test_notebooks_04_and_05_chart_time_on_a_dated_corpus(tmp_path, monkeypatch):
    """`make figures CORPUS=tests/fixtures/timeline_corpus`: tone and frame shares per outlet per
    day, every day of the ten listed, with the counts the hand-checked tables above give."""
    from analysis import run

    monkeypatch.setenv("FRAMING_CACHE_DIR", str(tmp_path / "cache"))
    run.run(str(FIXTURE), tmp_path / "figures", ["04", "05"], build_dir=tmp_path / "executed")
    tone_time = pd.read_csv(tmp_path / "figures" / "04_tone_over_time.csv")
    frames_time = pd.read_csv(tmp_path / "figures" / "05_frames_over_time.csv")
    assert tone_time["period"].nunique() == frames_time["period"].nunique() == 10
    per_article = tone_time[tone_time["sentences"] > 0].set_index(["outlet", "period"])
    assert per_article["sentences"].to_dict() == {  # one article per cell: its sentences
        ("Harbour Post", "2023-03-01"): 4,
        ("Valley News", "2023-03-01"): 3,
        ("Coast Wire", "2023-03-02"): 2,
        ("Harbour Post", "2023-03-03"): 3,
        ("Harbour Post", "2023-03-05"): 2,
        ("Valley News", "2023-03-05"): 3,
        ("Coast Wire", "2023-03-08"): 2,
        ("Coast Wire", "2023-03-10"): 2,
        ("Valley News", "2023-03-10"): 3,
    }
    assert set(tone_time["outlet"]) == {"Coast Wire", "Harbour Post", "Valley News"}
    assert (frames_time["sentences"] <= frames_time["total"]).all()
