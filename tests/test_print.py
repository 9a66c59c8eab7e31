"""Figures fit for print and sized by what they compare (issues 16, 17 and 18).

Every saved figure fits 7 in × 9 in (504 × 648 pt in its SVG) with no text under 7 pt; the
per-article figures switch to outlets past a threshold and stay inside the box from 2 to 20
outlets and 5 to 5,000 articles; outlets and sides never share a colour; the aggregation helpers
give the sums worked out by hand.
"""

from __future__ import annotations

import re
from pathlib import Path

import numpy as np
import pandas as pd
import pytest

from analysis import aggregate, paths

MAX_PT = (504.0, 648.0)  # 7 in × 9 in
MIN_FONT_PT = 7.0


def print_size(svg: str) -> tuple[float, float, float]:
    """An SVG's width and height in pt and its smallest font size (matplotlib writes text with
    ``svg.fonttype = none`` as ``font-size: Npx``, one px being one pt at 72 per inch)."""
    width = float(re.search(r'<svg[^>]* width="([\d.]+)pt"', svg).group(1))
    height = float(re.search(r'<svg[^>]* height="([\d.]+)pt"', svg).group(1))
    sizes = [float(s) for s in re.findall(r"font-size:\s*([\d.]+)px", svg)]
    return width, height, min(sizes, default=MIN_FONT_PT)


def test_print_size_reads_an_svg():
    svg = '<svg xmlns="x" width="503.5pt" height="100pt"><text style="font: 6.5px x; font-size: 6.5px">a</text></svg>'
    assert print_size(svg) == (503.5, 100.0, 6.5)


@pytest.mark.parametrize(
    "svg", sorted(paths.figures_dir().glob("*.svg")), ids=lambda p: Path(p).stem
)
def test_every_committed_figure_fits_the_print_box(svg):
    width, height, smallest = print_size(svg.read_text(encoding="utf-8"))
    assert width <= MAX_PT[0] and height <= MAX_PT[1], f"{svg.name}: {width} × {height} pt"
    assert smallest >= MIN_FONT_PT, f"{svg.name}: text at {smallest} pt"


def test_every_committed_figure_carries_its_source_line():
    for svg in sorted(paths.figures_dir().glob("*.svg")):
        text = svg.read_text(encoding="utf-8")
        assert f"figure {svg.stem}" in text and "Source: seeds, 5 articles" in text, svg.name


# --------------------------------------------------------------------------- aggregation


def test_fold_rest_keeps_the_heaviest_and_names_the_rest():
    keys = pd.Series(["a", "b", "c", "d", "a", "c"])
    weights = pd.Series([1, 5, 2, 1, 1, 2])  # a 2, b 5, c 4, d 1
    folded = aggregate.fold_rest(keys, weights, n=3, rest="other")
    assert folded.tolist() == ["other (2)", "b", "c", "other (2)", "other (2)", "c"]
    assert aggregate.fold_rest(keys, n=4).tolist() == keys.tolist()  # nothing to fold
    # by occurrences: a 2, c 2 (a first seen), b 1, d 1; n = 2 keeps one and folds three
    folded = aggregate.fold_rest(keys, n=2).tolist()
    assert folded == ["a", "other (3)", "other (3)", "other (3)", "a", "other (3)"]


def test_sum_by_counts_articles():
    table = pd.DataFrame(
        {"outlet": ["X", "X", "Y"], "article_id": ["x1", "x2", "y1"], "chars": [3, 4, 10]}
    )
    out = aggregate.sum_by(table, "outlet", ["chars"])
    assert out.to_dict("records") == [
        {"outlet": "X", "chars": 7, "articles": 2},
        {"outlet": "Y", "chars": 10, "articles": 1},
    ]


def test_outlet_similarity_is_the_mean_over_article_pairs(make_corpus):
    """The linear outlet means equal the means of the article-pair cosines worked out from the
    dense matrix."""
    from analysis.vocabulary import outlet_similarity, similarity

    texts = {
        "x": ("A", "Troops moved to the border on Monday."),
        "y": ("A", "Troops left the border quietly on Tuesday."),
        "z": ("B", "Talks in Moscow went on for hours."),
        "w": ("B", "Moscow talks about troops and the border."),
        "v": ("C", "Markets rose in Frankfurt."),
    }
    corpus = make_corpus({a: {"outlet": o, "paragraphs": [s]} for a, (o, s) in texts.items()})
    sim = similarity(corpus)
    table = outlet_similarity(corpus).set_index(["outlet_a", "outlet_b"])
    assert table.loc[("A", "A"), "cosine"] == pytest.approx(sim.loc["x", "y"])
    between = [sim.loc[a, b] for a in "xy" for b in "zw"]
    assert table.loc[("A", "B"), "cosine"] == pytest.approx(sum(between) / 4)
    assert table.loc[("B", "A"), "cosine"] == pytest.approx(sum(between) / 4)
    assert table.loc[("A", "B"), "pairs"] == 4 and table.loc[("B", "B"), "pairs"] == 2
    assert np.isnan(table.loc[("C", "C"), "cosine"])  # one article: no pair


def test_readability_by_outlet_means_articles():
    from analysis.tone import readability_by_outlet

    table = pd.DataFrame(
        {
            "article_id": ["a", "b", "a", "b"],
            "outlet": ["X", "X", "X", "X"],
            "scope": ["body", "body", "writer", "writer"],
            "n_words": [100, 300, 50, 70],
            "n_sentences": [5, 10, 2, 3],
            "flesch_kincaid_grade": [10.0, 14.0, 9.0, 11.0],
            "mtld": [100.0, 120.0, 80.0, 90.0],
        }
    )
    out = readability_by_outlet(table).set_index("scope")
    assert out.loc["body", "flesch_kincaid_grade"] == 12.0
    assert out.loc["writer", "mtld"] == 85.0
    assert out.loc["body", "n_words"] == 400 and out.loc["body", "articles"] == 2


def test_fact_coverage_by_outlet_counts_articles():
    from analysis.emphasis import fact_coverage_by_outlet

    coverage = pd.DataFrame(
        {
            "article_id": ["a", "b", "c"],
            "outlet": ["X", "X", "Y"],
            "fact": ["f", "f", "f"],
            "label": ["F", "F", "F"],
            "zone": ["headline", "absent", "body"],
        }
    )
    out = fact_coverage_by_outlet(coverage).set_index("outlet")
    assert out.loc["X", ["reported", "displayed", "articles"]].tolist() == [1, 1, 2]
    assert out.loc["X", "share"] == 0.5 and out.loc["Y", "share"] == 1.0


# --------------------------------------------------------------------------- colour


def test_outlets_and_sides_never_share_a_colour():
    from analysis.plots import style

    outlet = {c.upper() for c in [*style.OUTLET_COLOURS.values(), *style.FALLBACK_COLOURS]}
    side = {c.upper() for c in style.SIDE_COLOURS.values()}
    assert not outlet & side


def test_new_outlets_get_distinct_colours(monkeypatch):
    from analysis import corpus
    from analysis.plots import style

    names = ("Business", "Entertainment", "Politics", "Sport", "Tech", "World", "Science")
    monkeypatch.setattr(corpus, "_LAST_OUTLETS", names)
    assert len({style.outlet_colour(n) for n in names}) == len(names)


# --------------------------------------------------------------------------- sizes at scale


def _synthetic_removals(outlets: int, articles: int) -> pd.DataFrame:
    rng = np.random.default_rng(0)
    rows = []
    for i in range(articles):
        for reason in ("caption", "related-link", "metadata: headline"):
            rows.append(
                {
                    "article_id": f"a{i:05d}",
                    "outlet": f"Outlet number {i % outlets}",
                    "reason": reason,
                    "pieces": 1,
                    "chars": int(rng.integers(0, 400)),
                    "share_of_raw": 0.01,
                }
            )
    return pd.DataFrame(rows)


def _saved(fig, tmp_path, slug="99_scale"):
    from analysis.plots import save_figure

    written = save_figure(fig, slug, pd.DataFrame({"a": [1]}), out_dir=tmp_path, show=False)
    return print_size(written["svg"].read_text(encoding="utf-8")), written


@pytest.mark.parametrize(("outlets", "articles"), [(2, 5), (20, 5000)])
def test_removals_figure_fits_from_few_to_many(tmp_path, outlets, articles):
    from analysis.plots.corpus import plot_removals

    table = _synthetic_removals(outlets, articles)
    (width, height, smallest), written = _saved(plot_removals(table), tmp_path)
    assert width <= MAX_PT[0] and height <= MAX_PT[1] and smallest >= MIN_FONT_PT
    svg = written["svg"].read_text(encoding="utf-8")
    if articles > aggregate.MAX_ARTICLES:  # outlets, the rest summed, and the title says so
        assert "summed by outlet" in svg and "outlets (13)" in svg  # 7 kept + 13 summed
        assert "a00001" not in svg


@pytest.mark.parametrize("outlets", [2, 20])
def test_similarity_by_outlet_fits(tmp_path, outlets):
    from analysis.plots.vocabulary import plot_outlet_similarity

    names = [f"Outlet {i}" for i in range(outlets)]
    table = pd.DataFrame(
        [
            (a, b, 0.3 + 0.01 * (i + j), 20)
            for i, a in enumerate(names)
            for j, b in enumerate(names)
        ],
        columns=["outlet_a", "outlet_b", "cosine", "pairs"],
    )
    fig = plot_outlet_similarity(table, n_articles=400)
    (width, height, smallest), written = _saved(fig, tmp_path)
    assert width <= MAX_PT[0] and height <= MAX_PT[1] and smallest >= MIN_FONT_PT
    assert "so outlets, not articles" in written["svg"].read_text(encoding="utf-8")


def test_one_scare_quote_is_a_sentence_not_a_bar(tmp_path):
    from analysis.plots.sources import plot_scare_quotes

    scare = pd.DataFrame(
        {"outlet": ["FT"], "article_id": ["ft"], "paragraph": [1], "text": ["dialogue"]}
    )
    fig = plot_scare_quotes(scare, ["AP", "FT"])
    assert not fig.axes  # no chart: a sentence
    texts = " ".join(t.get_text() for t in fig.texts)
    assert "The one scare quote is FT's \u201cdialogue\u201d" in texts and "in 2 articles" in texts


def test_headline_contrast_by_outlet_pools_sentences_by_hand():
    from analysis.emphasis import headline_contrast_by_outlet

    contrast = pd.DataFrame(
        {
            "article_id": ["a", "b"],
            "outlet": ["X", "X"],
            "frame": ["f", "f"],
            "label": ["F", "F"],
            "headline": pd.array([True, False], dtype="boolean"),
            "standfirst": pd.array([pd.NA, True], dtype="boolean"),  # a has no standfirst
            "lead_share": [0.5, 1.0],
            "body_sentences": [3, 1],
            "body_total": [10, 30],
            "body_share": [0.3, 1 / 30],
            "body_rank": [1, 1],
        }
    )
    units = pd.DataFrame({"article_id": ["a", "a", "b"], "zone": ["lead", "lead", "lead"]})
    row = headline_contrast_by_outlet(contrast, units).iloc[0]
    assert row["body_share"] == pytest.approx(4 / 40)  # pooled, not the mean of 0.3 and 0.03
    assert row["lead_share"] == pytest.approx((1 + 1) / 3)  # 1 of a's 2, 1 of b's 1
    assert row["headline_share"] == 0.5 and row["standfirst_share"] == 1.0
    assert row["articles"] == 2
