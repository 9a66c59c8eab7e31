"""The term explorer: placement of terms by their counts in two groups, search, the widget."""

from __future__ import annotations

import matplotlib.pyplot as plt
import pandas as pd
import pytest
from matplotlib.text import Text

from analysis import explorer as ex
from analysis.plots import explorer as explorer_plots
from analysis.vocabulary import log_odds_z, term_table


def test_rank_percentile_by_hand():
    """Distinct counts 0 < 2 < 5 get dense ranks 0, 1, 2, scaled by the top rank 2."""
    got = ex.rank_percentile(pd.Series([5, 2, 2, 0]))
    assert got.tolist() == [1.0, 0.5, 0.5, 0.0]
    assert ex.rank_percentile(pd.Series([3, 3])).tolist() == [0.0, 0.0]


COUNTS = pd.DataFrame(
    {"A": [4, 1, 0, 0], "B": [0, 1, 3, 0], "C": [0, 0, 2, 0]},
    index=pd.Index(["alpha", "beta", "gamma", "unused"], name="term"),
)


def test_two_sides_sums_the_rest_or_takes_one_group():
    rest = ex.two_sides(COUNTS, "A")
    assert rest.to_dict("list") == {"A": [4, 1, 0], "rest": [0, 1, 5]}  # "unused" is dropped
    assert ex.two_sides(COUNTS, "A", "C").to_dict("list") == {"A": [4, 1, 0], "C": [0, 0, 2]}
    with pytest.raises(KeyError, match="no group 'D'"):
        ex.two_sides(COUNTS, "D")
    with pytest.raises(KeyError, match="other must be"):
        ex.two_sides(COUNTS, "A", "A")


def test_term_positions_by_hand():
    """A against the rest: counts (4, 0), (1, 1), (0, 5). y = ranks of 4, 1, 0 among {0, 1, 4}:
    1, 0.5, 0; x = ranks of 0, 1, 5 among {0, 1, 5}: 0, 0.5, 1. Sorted by z: alpha (A's), beta,
    gamma (the rest's)."""
    pos = ex.term_positions(COUNTS, "A").set_index("term")
    assert pos.index.tolist() == ["alpha", "beta", "gamma"]
    assert pos["y"].tolist() == [1.0, 0.5, 0.0]
    assert pos["x"].tolist() == [0.0, 0.5, 1.0]
    assert pos[["count", "count_other"]].values.tolist() == [[4, 0], [1, 1], [0, 5]]
    z = log_odds_z(ex.two_sides(COUNTS, "A"))["A"]  # the one definition of z
    assert pos["z"].to_dict() == pytest.approx(z.to_dict())
    assert pos.loc["alpha", "z"] > 0 > pos.loc["gamma", "z"]


def test_search_terms_matches_whole_terms_as_kwic_patterns():
    pos = pd.DataFrame({"term": ["war", "war-torn", "withdraw", "withdrawal", "troops"], "z": 0.0})
    assert ex.search_terms(pos, "war")["term"].tolist() == ["war"]
    assert ex.search_terms(pos, "withdraw*")["term"].tolist() == ["withdraw", "withdrawal"]
    assert ex.search_terms(pos, "war|troops")["term"].tolist() == ["war", "troops"]
    assert ex.search_terms(pos, "(").empty and ex.search_terms(pos, "").empty


def test_extremes_names_each_side():
    pos = ex.term_positions(COUNTS, "A")
    table = ex.extremes(pos, n=1)
    assert table[["term", "side"]].values.tolist() == [["alpha", "group"], ["gamma", "other"]]


@pytest.fixture
def corpus(make_corpus):
    return make_corpus(
        {
            "a": {
                "outlet": "Outlet A",
                "paragraphs": ["Troops withdraw from the border.", "Talks go on."],
            },
            "b": {
                "outlet": "Outlet B",
                "paragraphs": ["Troops stay at the border.", "Troops drill."],
            },
            "c": {"outlet": "Outlet C", "paragraphs": ["The border is calm."]},
        }
    )


def test_the_static_view_names_the_comparison_and_shows_lines(corpus):
    counts = term_table(corpus)
    explorer = ex.term_explorer(corpus, counts, "Outlet B", window=2)
    html = explorer.render("troops")
    assert "terms</b>: Outlet B against rest" in html
    assert "<b>troops</b>: 2 in Outlet B, 1 in rest" in html
    assert html.count("<td><b>Troops</b></td>") == 3
    bundle = explorer._repr_mimebundle_()
    assert "application/vnd.jupyter.widget-view+json" in bundle
    assert "image/png" not in bundle  # the map is a widget's image, not an output of its own
    assert "not in either side" in explorer.describe("tanks")


def test_the_widget_follows_search_pick_and_groups(corpus):
    counts = term_table(corpus)
    explorer = ex.term_explorer(corpus, counts, "Outlet A", window=2, delay=0)
    widget = explorer.widget()
    search, group, other = widget.children[0].children
    image, terms = widget.children[1].children
    detail = widget.children[2]
    assert image.value[:4] == b"\x89PNG"
    search.value = "withdraw*"
    assert list(terms.options) == ["withdraw"]
    assert "<b>withdraw</b>: 1 in Outlet A, 0 in rest" in detail.value
    search.value = ""
    terms.value = "troops"
    assert "<b>troops</b>: 1 in Outlet A, 2 in rest" in detail.value
    other.value = "Outlet C"
    assert explorer.other == "Outlet C"
    assert "<b>troops</b>: 1 in Outlet A, 0 in Outlet C" in detail.value
    group.value = "Outlet B"
    assert "Outlet B" in explorer.describe("border")
    assert "<b>border</b>: 1 in Outlet B, 1 in Outlet C" in explorer.describe("border")


def test_the_widget_waits_for_typing_to_pause(corpus, monkeypatch):
    """Keystrokes inside the delay make one redraw, for the last text typed."""
    drawn = []
    real = ex.TermExplorer._png
    monkeypatch.setattr(
        ex.TermExplorer, "_png", staticmethod(lambda t, q, *a: drawn.append(q) or real(t, q, *a))
    )
    explorer = ex.term_explorer(corpus, term_table(corpus), "Outlet A", delay=0.3)
    search = explorer.widget().children[0].children[0]
    drawn.clear()
    for typed in ["w", "wi", "wit", "withdraw*"]:
        search.value = typed
    explorer.wait()
    assert drawn == ["withdraw*"]
    assert list(explorer.widget().children[1].children[1].options) == ["withdraw"]


def _label_boxes(fig):
    """Where the term map's point labels' words are drawn (the axes' texts, without their lines)."""
    fig.canvas.draw()
    renderer = fig.canvas.get_renderer()
    return [Text.get_window_extent(text, renderer) for text in fig.axes[0].texts]


def test_term_map_labels_of_crowded_points_do_not_overlap():
    """The most used words sit together at the top right, and the map names them: five points
    within 0.02 of each other on one row (the old rule alternated labels above and below a
    row, so the first and third printed over each other, as "said" and "mr" did on the BBC)."""
    words = ["said", "mr", "people", "market", "company", "growth", "economy"]
    x = [0.98, 0.99, 1.0, 0.97, 0.96, 0.2, 0.1]
    y = [1.0, 1.0, 1.0, 1.0, 1.0, 0.9, 0.0]
    z = [5.0, 4.0, 3.0, -3.0, -4.0, 0.0, -5.0]
    positions = pd.DataFrame(
        {"term": words, "count": 5, "count_other": 5, "x": x, "y": y, "z": z}
    ).sort_values("z", ascending=False)
    fig, _ = explorer_plots.plot_term_map(positions, "Daily", "rest", labels=4)
    boxes = _label_boxes(fig)
    plt.close(fig)
    assert len(boxes) == len(words)
    overlapping = [(a, b) for i, a in enumerate(boxes) for b in boxes[i + 1 :] if a.overlaps(b)]
    assert overlapping == []
