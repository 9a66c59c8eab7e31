"""The removal tables add up to what the raw files hold."""

from __future__ import annotations

from analysis import paths, provenance


def _raw_lines(name: str) -> list[str]:
    return (paths.SEEDS / name).read_text(encoding="utf-8").splitlines()


def test_caption_characters_match_the_raw_caption_lines(seed_corpus):
    table = provenance.removals_by_reason(seed_corpus).set_index(["article_id", "reason"])
    ft_captions = [line for line in _raw_lines("000_40af8cd3ecff778b.txt") if "©" in line]
    assert len(ft_captions) == 2
    assert table.loc[("ft-v2", "caption"), "chars"] == sum(map(len, ft_captions))
    assert table.loc[("ft-v2", "caption"), "pieces"] == 2
    infographic = [line for line in _raw_lines("003_1c4672853630ca21.txt") if "(Statista/" in line]
    assert len(infographic) == 2  # the same caption, twice: one caption + one duplicate
    assert table.loc[("independent", "caption"), "chars"] == len(infographic[0])
    assert table.loc[("independent", "duplicate-caption"), "chars"] == len(infographic[1])


def test_grid_has_every_article_reason_pair(seed_corpus):
    table = provenance.removals_by_reason(seed_corpus)
    n_reasons = table["reason"].nunique()
    assert len(table) == len(seed_corpus.article_ids) * n_reasons
    assert table["article_id"].drop_duplicates().tolist() == seed_corpus.article_ids
    assert (table.loc[table["article_id"] == "ft-v1", "chars"] > 0).sum() == 1  # credits only


def test_metadata_rows_hold_the_metadata(seed_corpus):
    pieces = provenance.outside_body(seed_corpus)
    headline = pieces.query("article_id == 'ap' and reason == 'metadata: headline'")["text"]
    assert headline.tolist() == [_raw_lines("002_7bdc0b2365966776.txt")[0]]


def test_a_repeated_standfirst_is_counted_once(seed_corpus):
    """AP's standfirst repeats its second paragraph: its raw characters count once."""
    table = provenance.removals_by_reason(seed_corpus).set_index(["article_id", "reason"])
    standfirst = seed_corpus.articles.set_index("article_id").loc["ap", "standfirst"]
    assert table.loc[("ap", "standfirst-repeat"), "chars"] == len(standfirst)
    assert table.loc[("ap", "metadata: standfirst"), "chars"] == 0
