"""Validation against hand codes: Krippendorff's alpha, the sample, the coded sheets."""

from __future__ import annotations

import krippendorff
import numpy as np
import pandas as pd
import pytest

from analysis import CorpusError, paths
from analysis import validation as val
from analysis.stats import wilson_interval

FRAMES = ["diplomacy", "military", "nato"]


# --------------------------------------------------------------------------- alpha


def test_alpha_of_krippendorffs_binary_example_worked_by_hand():
    """Krippendorff (2011), "Computing Krippendorff's Alpha-Reliability", example A: two
    observers, ten units, binary. Coincidences o00 = 10, o01 = o10 = 4, o11 = 2; n = 20,
    n0 = 14, n1 = 6; alpha = 1 - (n - 1) o01 / (n0 n1) = 1 - 19 * 4 / 84 = 0.0952."""
    a = [0, 1, 0, 0, 0, 0, 0, 0, 1, 0]
    b = [1, 1, 1, 0, 0, 1, 0, 0, 0, 0]
    assert val.alpha(a, b) == pytest.approx(1 - 19 * 4 / 84)
    assert val.alpha(a, b) == pytest.approx(0.095, abs=5e-4)


def test_alpha_of_labels_with_a_missing_value_worked_by_hand():
    """Three units of two coders, labels as words; the third unit has one code only and is
    not pairable. Units 1-2: (x, x), (x, y): coincidences o_xx = 2, o_xy = o_yx = 1, n = 4,
    n_x = 3, n_y = 1: alpha = 1 - (n - 1) * 2 o_xy / (n_x n_y * 2) = 1 - 3 * 1 / 3 = 0."""
    assert val.alpha(["x", "x", "y"], ["x", "y", None]) == pytest.approx(0.0)
    perfect = val.alpha(["Putin", "none", "Scholz"], ["Putin", "none", "Scholz"])
    assert perfect == pytest.approx(1.0)


def test_alpha_agrees_with_the_library_on_random_codes_with_gaps():
    rng = np.random.default_rng(7)
    names = np.array(["diplomacy", "military", "nato", "none"])
    a = rng.integers(0, 4, 60)
    b = np.where(rng.random(60) < 0.7, a, rng.integers(0, 4, 60))
    gaps = rng.random(60) < 0.1
    numeric = np.array([a, np.where(gaps, np.nan, b)], dtype=float)
    labels_b = [None if g else names[x] for g, x in zip(gaps, b, strict=True)]
    expected = krippendorff.alpha(reliability_data=numeric, level_of_measurement="nominal")
    assert val.alpha(list(names[a]), labels_b) == pytest.approx(expected)


def test_alpha_is_undefined_without_variation():
    assert np.isnan(val.alpha([0, 0, 0], [0, 0, 0]))
    assert np.isnan(val.alpha([], []))


# --------------------------------------------------------------------------- keys, sample


def test_text_key_folds_typography_and_space_but_not_words_or_article():
    key = val.text_key("ap", "Putin said “ready”  for talks.")
    assert key == val.text_key("ap", ' Putin said "ready"\nfor talks. ')
    assert key != val.text_key("ft-v2", "Putin said “ready” for talks.")
    assert key != val.text_key("ap", "Putin said “ready” for more talks.")
    assert key.startswith("ap:") and len(key.split(":")[1]) == 16


def _units_and_mentions():
    """Six sentences of two outlets: A has two diplomacy, one diplomacy+nato, one untagged;
    B has one military and one untagged. nato is the rarest frame (1 sentence)."""
    units = pd.DataFrame(
        {
            "article_id": ["a", "a", "a", "a", "b", "b"],
            "outlet": ["A", "A", "A", "A", "B", "B"],
            "zone": ["lead"] * 6,
            "text": [f"sentence {i}" for i in range(6)],
        }
    )
    mentions = pd.DataFrame(
        {
            "unit": [0, 1, 2, 2, 4],
            "frame": ["diplomacy", "diplomacy", "diplomacy", "nato", "military"],
        }
    )
    return units, mentions


def test_strata_take_the_rarest_frame_or_untagged():
    units, mentions = _units_and_mentions()
    strata = val.sentence_strata(units, mentions, FRAMES)
    assert strata.tolist() == ["diplomacy", "diplomacy", "nato", "untagged", "military", "untagged"]


def test_sample_caps_each_outlet_and_stratum_and_is_seeded():
    units, mentions = _units_and_mentions()
    sample = val.sample_sentences(units, mentions, FRAMES, per_stratum=1, seed=3)
    # A: one of the two diplomacy sentences, the nato one, the untagged one; B: both.
    assert len(sample) == 5
    assert sample.groupby(["outlet", "stratum"]).size().max() == 1
    assert {2, 3, 4, 5} <= set(sample.index)
    assert sample.loc[2, "tagged"] == "diplomacy;nato"
    again = val.sample_sentences(units, mentions, FRAMES, per_stratum=1, seed=3)
    assert again.index.tolist() == sample.index.tolist()


def test_coding_sheet_hides_the_tool_and_sorts_by_key():
    units, mentions = _units_and_mentions()
    sheet = val.coding_sheet(
        val.sample_sentences(units, mentions, FRAMES), val.SENTENCE_SHEET_COLUMNS
    )
    assert list(sheet.columns) == val.SENTENCE_SHEET_COLUMNS
    assert "tagged" not in sheet.columns and "stratum" not in sheet.columns
    assert sheet["key"].is_monotonic_increasing
    assert (sheet[list(val.CODERS)] == "").all().all()


# --------------------------------------------------------------------------- reading codes


def _sheet(tmp_path, rows, columns=("key", "coder_1", "coder_2")):
    path = tmp_path / "frames_coded.csv"
    pd.DataFrame(rows, columns=list(columns)).to_csv(path, index=False)
    return path


K1, K2, K3 = (val.text_key("a", f"sentence {i}") for i in range(3))


def test_read_frame_codes_parses_sets_none_and_blanks(tmp_path):
    path = _sheet(tmp_path, [[K1, "diplomacy; NATO", ""], [K2, "none", "military"], [K3, "", ""]])
    codes = val.read_frame_codes(path, FRAMES)
    assert codes["key"].tolist() == [K1, K2]  # the uncoded row is dropped
    assert codes["coder_1"].tolist() == [frozenset({"diplomacy", "nato"}), frozenset()]
    assert codes["coder_2"].tolist() == [None, frozenset({"military"})]


@pytest.mark.parametrize(
    ("rows", "message"),
    [
        (
            [[K1, "diplomacy", ""], [K2, "warfare", ""]],
            r"frames_coded.csv: line 3: coder_1 has 'warfare'",
        ),
        (
            [[K1, "diplomacy", ""], [K2, "none;military", ""]],
            r"line 3: coder_1 has 'none;military'",
        ),
        ([[K1, "diplomacy", ""], [K2, "", "millitary"]], r"line 3: coder_2 has 'millitary'"),
        (
            [[K1, "diplomacy", ""], [K1, "nato", ""]],
            r"line 3: key a:\w+ appears more than once \(lines \[2, 3\]\)",
        ),
        (
            [[K1, "diplomacy", ""], ["row two", "nato", ""]],
            r"line 3: key 'row two' is not article_id:hash",
        ),
    ],
)
def test_a_bad_row_names_the_file_and_the_line(tmp_path, rows, message):
    with pytest.raises(CorpusError, match=message):
        val.read_frame_codes(_sheet(tmp_path, rows), FRAMES)


def test_a_sheet_without_its_columns_or_file_is_an_error(tmp_path):
    with pytest.raises(CorpusError, match=r"frames_coded.csv: missing column\(s\) \['coder_1'\]"):
        val.read_frame_codes(_sheet(tmp_path, [[K1, "x"]], ("key", "codes")), FRAMES)
    with pytest.raises(CorpusError, match="no such coded file"):
        val.read_frame_codes(tmp_path / "absent.csv", FRAMES)


# --------------------------------------------------------------------------- agreement


def test_frame_agreement_counts_and_intervals_by_hand(tmp_path):
    """Five sentences. Coder: diplomacy on 0, 1, 2; tagger: diplomacy on 0, 1, 3. Precision
    2/3, recall 2/3; nato: nobody says yes, alpha undefined, precision and recall no cases."""
    units = pd.DataFrame({"article_id": ["a"] * 5, "text": [f"sentence {i}" for i in range(5)]})
    mentions = pd.DataFrame({"unit": [0, 1, 3], "frame": ["diplomacy"] * 3})
    rows = [
        [val.text_key("a", f"sentence {i}"), c, ""]
        for i, c in enumerate(["diplomacy"] * 3 + ["none"] * 2)
    ]
    codes = val.read_frame_codes(_sheet(tmp_path, rows), ["diplomacy", "nato"])
    decisions = val.frame_decisions(codes, units, mentions, ["diplomacy", "nato"])
    table = val.frame_agreement(decisions, {"diplomacy": "D", "nato": "N"}).set_index("frame")
    d = table.loc["diplomacy"]
    assert (d["sentences"], d["human"], d["tagger"], d["both"]) == (5, 3, 3, 2)
    assert d["precision"] == pytest.approx(2 / 3) and d["recall"] == pytest.approx(2 / 3)
    low, high = wilson_interval(2, 3)
    assert (d["precision_low"], d["precision_high"]) == pytest.approx((low, high))
    # By hand: pairs (1,1), (1,1), (1,0), (0,1), (0,0): o11 = 4, o10 = o01 = 2, o00 = 2;
    # n = 10, n1 = 6, n0 = 4: alpha = 1 - (n - 1) o01 / (n1 n0) = 1 - 9 * 2 / 24 = 0.25.
    assert d["alpha"] == pytest.approx(1 - 9 * 2 / 24)
    n = table.loc["nato"]
    assert np.isnan(n["alpha"]) and np.isnan(n["precision"]) and np.isnan(n["recall"])
    pooled = table.loc[val.ALL_FRAMES]
    assert (pooled["sentences"], pooled["both"]) == (10, 2)


def test_two_coders_are_compared_where_both_coded(tmp_path):
    units = pd.DataFrame({"article_id": ["a"] * 3, "text": [f"sentence {i}" for i in range(3)]})
    rows = [[K1, "diplomacy", "diplomacy"], [K2, "none", "diplomacy"], [K3, "diplomacy", ""]]
    codes = val.read_frame_codes(_sheet(tmp_path, rows), ["diplomacy"])
    decisions = val.frame_decisions(
        codes, units, pd.DataFrame({"unit": [0], "frame": ["diplomacy"]}), ["diplomacy"]
    )
    row = val.frame_agreement(decisions, {"diplomacy": "D"}).iloc[0]
    assert row["coded_twice"] == 2
    # Pairs (1,1), (0,1): o11 = 2, o01 = o10 = 1; n = 4, n1 = 3, n0 = 1: 1 - 3 * 1 / 3 = 0.
    assert row["alpha_coders"] == pytest.approx(0.0)


def test_speaker_agreement_by_hand(tmp_path):
    quotes = pd.DataFrame(
        {
            "article_id": ["a", "a", "a", "a"],
            "text": ["one", "two", "three", "four"],
            "speaker": ["Vladimir Putin", "Olaf Scholz", "", "Olaf Scholz"],
        }
    )
    path = tmp_path / "speakers_coded.csv"
    pd.DataFrame(
        {
            "key": [val.text_key("a", t) for t in ["one", "two", "three", "four"]],
            "coder_1": ["vladimir  putin", "Olaf Scholz", "none", "Jens Stoltenberg"],
        }
    ).to_csv(path, index=False)
    row = val.speaker_agreement(val.read_speaker_codes(path), quotes).iloc[0]
    assert (row["quotations"], row["agree"]) == (4, 3)
    assert (row["share_low"], row["share_high"]) == pytest.approx(wilson_interval(3, 4))
    assert row["alpha"] == pytest.approx(
        val.alpha(["putin", "scholz", "none", "stoltenberg"], ["putin", "scholz", "none", "scholz"])
    )


# --------------------------------------------------------------------------- the seeds' codes


def test_the_seed_codes_still_match_the_seed_corpus(seed_corpus):
    """Every committed code's key is found in the seeds: keys do not depend on the tagger."""
    from analysis import emphasis

    units = emphasis.text_units(seed_corpus.canonical())
    frames = [f.name for f in emphasis.load_frames()]
    codes = val.read_frame_codes(paths.SEEDS / "validation" / "frames_coded.csv", frames)
    speakers = val.read_speaker_codes(paths.SEEDS / "validation" / "speakers_coded.csv")
    assert len(codes) == 76 and len(speakers) == 31
    assert set(codes["key"]) <= set(val.text_keys(units))
    assert set(speakers["key"]) <= set(val.text_keys(seed_corpus.quotes))
