"""The concordance, log-Dice collocates and the explorer's static fallback."""

from __future__ import annotations

import math
import re

import pandas as pd
import pytest

from analysis import kwic as k


@pytest.fixture
def corpus(make_corpus):
    return make_corpus(
        {
            "a": {
                "outlet": "Outlet A",
                "paragraphs": [
                    "One two three troops withdraw from the border, four five.",
                    "Nato’s troops stay; the ground-attack jets stay too.",
                ],
            },
            "a_old": {
                "outlet": "Outlet A",
                "canonical": False,
                "paragraphs": ["troops troops troops"],
            },
            "b": {
                "outlet": "Outlet B",
                "paragraphs": ["NATO troops pulled back from the border.", "No troop movement."],
            },
        }
    )


def test_kwic_lines_with_context(corpus):
    lines = k.kwic(corpus, "troops", window=2)
    assert list(lines.columns) == k.KWIC_COLUMNS
    assert lines[["article_id", "paragraph"]].values.tolist() == [["a", 1], ["a", 2], ["b", 1]]
    first = lines.iloc[0]
    assert (first["left"], first["match"], first["right"]) == (
        "two three",
        "troops",
        "withdraw from",
    )
    assert lines.iloc[1]["left"] == "Nato’s"  # fewer words than the window: what there is
    assert lines.iloc[0]["start"] == len("One two three ")


def test_kwic_patterns(corpus):
    assert k.kwic(corpus, "pull* back")["match"].tolist() == ["pulled back"]
    assert k.kwic(corpus, "Nato", case=True)["match"].tolist() == ["Nato"]
    assert k.kwic(corpus, "nato")["match"].tolist() == ["Nato", "NATO"]
    assert k.kwic(corpus, "attack").empty  # "ground-attack" is one word
    assert k.kwic(corpus, re.compile(r"troops? \w+"))["match"].tolist() == [
        "troops withdraw",
        "troops stay",
        "troops pulled",
        "troop movement",
    ]
    assert len(k.kwic(corpus, "troops", canonical=False)) == 6  # the old version's three too


def test_kwic_context_ends_at_paragraph_edges(corpus):
    line = k.kwic(corpus, "movement", window=5).iloc[0]
    assert (line["left"], line["right"]) == ("No troop", "")  # words only, not the full stop


def test_concordance_caps_lines_per_term(corpus):
    lines = k.concordance(corpus, ["troops", "border"], window=1, max_lines=2)
    assert lines["term"].tolist() == ["troops", "troops", "border", "border"]
    assert lines.groupby("term")["lines"].first().to_dict() == {"troops": 3, "border": 2}


def test_collocates_log_dice_by_hand(corpus):
    table = k.collocates(corpus, "troops", window=1, min_count=1).set_index("term")
    # node "troops" occurs 3 times in the canonical articles (f_x = 3). Within one word:
    # "three"/"withdraw", "nato"/"stay", "nato"/"pulled"; stop words do not count.
    assert table.loc["nato", "cooccurrences"] == 2
    # f_y(nato) = 2 (Nato’s, NATO); log-Dice = 14 + log2(2 * 2 / (3 + 2))
    assert table.loc["nato", "log_dice"] == pytest.approx(14 + math.log2(4 / 5))
    # "stay" occurs twice in the text but once beside the node
    assert table.loc["stay", ["cooccurrences", "term_count", "node_count"]].tolist() == [1, 2, 3]
    assert table.loc["stay", "log_dice"] == pytest.approx(14 + math.log2(2 / 5))
    assert table.index[0] == "nato"  # sorted by log-Dice
    assert k.collocates(corpus, "troops", window=1, min_count=2)["term"].tolist() == ["nato"]


def test_collocates_of_an_absent_term(corpus):
    assert k.collocates(corpus, "tanks").empty


def test_explorer_falls_back_to_a_static_table(corpus):
    explorer = k.explorer(corpus, "troops", window=2)
    bundle = explorer._repr_mimebundle_()
    assert "<b>troops</b>" in bundle["text/html"]
    assert (
        "<b>3 lines</b> for <code>troops</code>" in bundle["text/html"]
    )  # the count, from the start
    assert "withdraw from" in bundle["text/plain"]
    assert "application/vnd.jupyter.widget-view+json" in bundle
    assert explorer.lines_for("no such word").empty
    assert explorer.lines_for("a||b").empty  # an invalid pattern shows no lines, no error


@pytest.mark.parametrize(
    ("pattern", "problem"),
    [
        ("troops", None),
        ("pull* back", None),
        ("Kyiv|Kiev", None),
        ("a(b", None),  # a literal: "a(b" can stand in a text
        ("?", None),
        ("(", "'(' has no letter or digit"),
        ("*", "'*' has no letter or digit"),
        ("troops (", "'(' has no letter or digit"),
        ("a||b", "an empty alternative"),
        ("a|", "an empty alternative"),
        ("", "empty pattern"),
        ("   ", "empty pattern"),
    ],
)
def test_pattern_problem(pattern, problem):
    found = k.pattern_problem(pattern)
    assert found == problem if problem is None else found.startswith(problem)


def test_explorer_says_the_count_in_every_state(corpus):
    explorer = k.explorer(corpus, "troops", window=2)
    assert explorer.render("troops").startswith("<p class='kwic-count'><b>3 lines</b>")
    assert explorer.render("movement").startswith("<p class='kwic-count'><b>1 line</b> for")
    none = explorer.render("tanks")
    assert "<b>0 lines</b> for <code>tanks</code>" in none and "No occurrences." in none
    invalid = explorer.render("(")
    assert invalid.startswith(
        "<p class='kwic-count'><b>0 lines</b>. Invalid pattern <code>(</code>: '(' has"
    )
    assert "No occurrences" not in invalid
    assert "Type a word" in explorer.render("")
    one_outlet = explorer.render("troops", "Outlet B")
    assert "<b>1 line</b> for <code>troops</code> in Outlet B (3 in all outlets)" in one_outlet
    assert one_outlet.count("<tr>") == 1


def test_explorer_follows_typing(corpus):
    """Each keystroke reaches the kernel (continuous_update) and, with no delay, redraws."""
    explorer = k.explorer(corpus, "troops", window=2, delay=0)
    widget = explorer.widget()
    box, outlet = widget.children[0].children
    table = widget.children[1]
    assert box.continuous_update is True
    assert "<b>3 lines</b>" in table.value
    box.value = "troop"
    assert "<b>1 line</b> for <code>troop</code>" in table.value
    box.value = "("
    assert "Invalid pattern" in table.value
    box.value = "troops"
    outlet.value = "Outlet A"
    assert "<b>2 lines</b> for <code>troops</code> in Outlet A" in table.value


def test_explorer_waits_for_typing_to_pause(corpus, monkeypatch):
    """Five keystrokes inside the delay make one search, for the last text typed."""
    searched = []
    real = k.kwic
    monkeypatch.setattr(
        k, "kwic", lambda c, term, *a, **o: searched.append(term) or real(c, term, *a, **o)
    )
    explorer = k.explorer(corpus, "troops", window=2, delay=0.5)
    widget = explorer.widget()
    box, table = widget.children[0].children[0], widget.children[1]
    searched.clear()
    for typed in ["t", "tr", "tro", "troo", "troop"]:
        box.value = typed
    assert "<b>3 lines</b> for <code>troops</code>" in table.value  # nothing redrawn yet
    explorer.wait()
    assert searched == ["troop"]
    assert "<b>1 line</b> for <code>troop</code>" in table.value
    assert explorer.term == "troop"


def test_kwic_html_escapes_and_caps():
    lines = pd.DataFrame({"outlet": ["A <b>"], "left": ["x & y"], "match": ["m"], "right": ["z"]})
    html = k.kwic_html(pd.concat([lines] * 3), max_lines=2)
    assert "A &lt;b&gt;" in html and "x &amp; y" in html and "1 more lines" in html
    assert k.kwic_html(lines.iloc[:0]) == "<p>No occurrences.</p>"


def test_kwic_on_the_seed_corpus(seed_corpus):
    lines = k.kwic(seed_corpus, "Donbas|Donbass", case=True)
    assert set(lines["outlet"]) == {"Financial Times", "The Independent", "The Moscow Times"}
    assert (lines["match"].isin(["Donbas", "Donbass"])).all()
