"""Numeric claims: every number an article states, with its type, unit and value.

:func:`numeric_claims` finds, in one vectorised regex pass over text units (see
:func:`analysis.emphasis.text_units`), troop counts, military units, people, durations,
distances, percentages, money, dates, years, times and other numbers, each with its qualifier
("more than", "or more"), its value as written and converted to a base unit for comparison
(miles to km, days to hours). What counts as a unit, a number word, a scale or a month is the
``numbers:`` section of ``analysis/lexicons/numbers.yml`` (:func:`load_numbers`), which is about no story.

Which claims state a fact of the day, and whether outlets agree on it, is notebook 05's
question: :func:`analysis.emphasis.compare_quantities`.
"""

from __future__ import annotations

import math
import re
from functools import cache
from pathlib import Path

import numpy as np
import pandas as pd

from analysis.lexicon import lexicon_path, read_lexicon
from analysis.text import fold_typography


def load_numbers(path: str | Path | None = None) -> dict:
    """The ``numbers:`` section of ``numbers.yml``: number words, scales, qualifiers, months and
    units (each with ``unit``, ``type``, ``forms`` and optionally ``base``/``factor``)."""
    return _read_numbers(lexicon_path(path, "numbers.yml"))


@cache
def _read_numbers(path: Path) -> dict:
    numbers = read_lexicon(path).get("numbers")
    if not numbers or not numbers.get("units"):
        raise ValueError(f"{path}: no `numbers:` section with `units`")
    return numbers


CLAIM_COLUMNS = [
    "unit",
    "article_id",
    "outlet",
    "zone",
    "paragraph",
    "sentence",
    "type",
    "claim",
    "qualifier",
    "value",
    "unit_name",
    "base_value",
    "base_unit",
    "normalised",
    "parenthetical",
    "text",
]


_DIGITS = r"\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?"


_YEAR = r"(?:1[89]|20)\d{2}"


def _alternatives(words) -> str:
    """A regex alternation of ``words`` (phrases match any white space), longest first."""
    ordered = sorted({str(w).lower() for w in words}, key=lambda w: (-len(w), w))
    return "|".join(r"\s+".join(re.escape(part) for part in w.split()) for w in ordered)


@cache
def _claim_regex(path: Path) -> re.Pattern:
    """The one regex that finds numeric claims, built from the ``numbers:`` lexicon."""
    numbers = _read_numbers(path)
    words = _alternatives(numbers["number_words"])
    number = rf"(?:{_DIGITS}|(?:{words})(?:-(?:{words}))?)"
    full_months = _alternatives(numbers["months"])
    months = _alternatives([*numbers["months"], *numbers.get("month_abbreviations", {})])
    units = _alternatives(form for u in numbers["units"] for form in u["forms"])
    day = r"\d{1,2}(?:st|nd|rd|th)?"
    date = (
        rf"(?P<month>{months})\.?\s+(?P<day>{day})(?:,?\s+(?P<year1>{_YEAR}))?"
        rf"|(?P<day2>{day})\s+(?P<month2>{months})\.?(?:,?\s+(?P<year2>{_YEAR}))?"
        rf"|(?P<month3>{full_months})\s+(?P<year3>{_YEAR})"
    )
    time = (
        r"(?P<hour>\d{1,2})(?::(?P<minute>\d{2}))?\s*(?P<ampm>[ap])\.?m\b\.?"
        r"|(?P<hour24>\d{1,2}):(?P<minute24>\d{2})"
    )
    currencies = "|".join(re.escape(c) for c in numbers["currencies"])
    scales = _alternatives(numbers["scales"])
    money_scales = _alternatives([*numbers["scales"], *numbers["money_scales"]])
    money = (
        rf"(?P<currency>{currencies})\s?(?P<money_number>{_DIGITS})"
        rf"(?:\s?(?P<money_scale>{money_scales}))?"
    )
    quantity = (
        rf"(?:(?P<qualifier>{_alternatives(numbers['qualifiers'])})\s+)?"
        rf"(?:(?P<number>{number})(?:\s+(?P<scale>{scales}))?"
        rf"|(?P<vague>{_alternatives(numbers['vague'])})"
        r"|(?(qualifier)(?P<one>an?)|(?!)))"
        r"(?:\s*-\s*|\s+|(?=%)|(?<=\d)(?=[^\W\d_]))"
        r"(?P<mods>(?:[^\W\d_][\w'-]*\s+){0,2}?)"
        rf"(?P<unit_form>{units})(?![\w-])"
        rf"(?:\s+(?P<post>{_alternatives(numbers['post_qualifiers'])})(?![\w-]))?"
    )
    claim = (
        rf"(?P<paren>\(\s*)?(?<![^\W_])(?<!\d[.,])(?P<claim>"
        rf"(?P<date>{date})(?![\w])"
        rf"|(?P<time>{time})(?![\w:])"
        rf"|(?P<money>{money})(?![\w])"
        rf"|(?P<quantity>{quantity})"
        rf"|(?P<year>{_YEAR})(?![\w]|[.,]\d)"
        rf"|(?P<other>{_DIGITS})(?![\w])"
        r")"
    )
    return re.compile(claim, re.IGNORECASE)


def _number_value(text: str, words: dict[str, float]) -> float:
    """The value of a number as written: "130,000" -> 130000, "three" -> 3, "twenty-five" -> 25,
    "a"/"an" -> 1; NaN if it is none of these."""
    text = text.lower()
    if text in {"a", "an"}:
        return 1.0
    if text[:1].isdigit():
        return float(text.replace(",", ""))
    parts = text.split("-")
    if all(p in words for p in parts):
        return float(sum(words[p] for p in parts))
    return math.nan


def numeric_claims(units: pd.DataFrame, *, lexicon: str | Path | None = None) -> pd.DataFrame:
    """Every numeric claim in ``units``, one row each, in reading order: ``unit`` (the index of
    its unit in ``units``), the unit's ``article_id``, ``outlet``, ``zone``, ``paragraph``,
    ``sentence``, then ``type`` (troops, military units, people, duration, distance, percentage,
    money, date, year, time, other: see ``numbers.yml``), ``claim`` (as written, typography
    folded), ``qualifier`` ("more than", "or more", "tens of thousands of"; "" if none),
    ``value`` (the number; NaN for vague quantities, dates and times), ``unit_name``,
    ``base_value`` and ``base_unit`` (converted for comparison: miles to km, days to hours),
    ``normalised`` (as text: "130000 troops", "28.9682 km", ISO "2022-02-15" for a date, "01:00"
    for a time), ``parenthetical`` (the claim opens a parenthesis, e.g. the conversion in
    "30 kilometers (18 miles)") and the unit's ``text``. One vectorised regex pass over all
    units; the units of ``numbers.yml`` (or ``lexicon``) say what counts as a unit."""
    path = lexicon_path(lexicon, "numbers.yml")
    numbers = _read_numbers(path)
    found = (
        units["text"]
        .fillna("")
        .astype(str)
        .map(fold_typography)
        .str.extractall(_claim_regex(path))
        .fillna("")
    )
    # "a"/"an" counts as one only right before its unit ("more than an hour", not "over a
    # number of days")
    found = found[~(found["one"].ne("") & found["mods"].str.strip().ne(""))]
    if found.empty:
        return pd.DataFrame(columns=CLAIM_COLUMNS)
    found = found.reset_index(level="match", drop=True).rename_axis("unit").reset_index()
    kinds = ["date", "time", "money", "quantity", "year", "other"]
    found["kind"] = np.select([found[k].ne("") for k in kinds], kinds, default="other")

    words = {str(k).lower(): float(v) for k, v in numbers["number_words"].items()}
    forms = {
        re.sub(r"\s+", " ", str(form).lower()): u for u in numbers["units"] for form in u["forms"]
    }
    scales = {
        str(k).lower(): float(v)
        for k, v in {**numbers["scales"], **numbers["money_scales"]}.items()
    }
    months = {
        str(k).lower(): int(v)
        for k, v in {**numbers["months"], **numbers.get("month_abbreviations", {})}.items()
    }
    rows = [_claim_row(r, words, forms, scales, months, numbers) for r in found.itertuples()]
    claims = pd.DataFrame(rows, index=found.index)
    claims["unit"] = found["unit"]
    claims = claims.join(
        units[["article_id", "outlet", "zone", "paragraph", "sentence", "text"]], on="unit"
    )
    return claims[CLAIM_COLUMNS].reset_index(drop=True)


def _claim_row(r, words, forms, scales, months, numbers) -> dict:
    """Type, value, units and normalised form of one regex match (a row of ``extractall``,
    groups that did not take part as "")."""
    row = {
        "claim": r.claim,
        "qualifier": "",
        "value": math.nan,
        "unit_name": "",
        "base_value": math.nan,
        "base_unit": "",
        "normalised": "",
        "parenthetical": bool(r.paren),
    }
    if r.kind == "quantity":
        unit = forms[re.sub(r"\s+", " ", r.unit_form.lower())]
        qualifiers = [re.sub(r"\s+", " ", q.lower()) for q in (r.qualifier, r.vague, r.post) if q]
        value = _number_value(r.number or r.one, words) if (r.number or r.one) else math.nan
        if r.scale:
            value *= scales[r.scale.lower()]
        base_value = value * float(unit.get("factor", 1))
        base_unit = unit.get("base", unit["unit"])
        row.update(
            type=unit["type"],
            qualifier=" ".join(qualifiers),
            value=value,
            unit_name=unit["unit"],
            base_value=base_value,
            base_unit=base_unit,
            normalised="" if math.isnan(value) else f"{base_value:.6g} {base_unit}",
        )
    elif r.kind == "money":
        value = float(r.money_number.replace(",", ""))
        if r.money_scale:
            value *= scales[r.money_scale.lower()]
        code = numbers["currencies"][r.currency]
        row.update(
            type="money",
            value=value,
            unit_name=code,
            base_value=value,
            base_unit=code,
            normalised=f"{value:.6g} {code}",
        )
    elif r.kind == "date":
        month = months[(r.month or r.month2 or r.month3).lower()]
        day = r.day or r.day2
        year = r.year1 or r.year2 or r.year3 or "-"
        day_part = f"-{int(day.lower().rstrip('stndrh')):02d}" if day else ""
        row.update(type="date", unit_name="date", normalised=f"{year}-{month:02d}{day_part}")
    elif r.kind == "time":
        hour = int(r.hour or r.hour24)
        minute = int(r.minute or r.minute24 or 0)
        if r.ampm:
            hour = hour % 12 + (12 if r.ampm.lower() == "p" else 0)
        row.update(type="time", unit_name="time", normalised=f"{hour:02d}:{minute:02d}")
    elif r.kind == "year":
        year = float(r.year)
        row.update(
            type="year",
            value=year,
            unit_name="year",
            base_value=year,
            base_unit="year",
            normalised=r.year,
        )
    else:
        value = float(r.other.replace(",", ""))
        row.update(type="other", value=value, base_value=value, normalised=f"{value:.6g}")
    return row
