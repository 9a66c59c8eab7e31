"""Actors without a lexicon: the people and organisations a corpus names most, as an ``actors.yml``
draft.

For a new story there is no actor list yet. This module proposes one from the text alone:

Names
    A name is a run of capitalised words ("Olaf Scholz", "European Central Bank", "U.S."), with
    "of" / "for" / "de" / "von" / "van" / "al" allowed inside ("Bank of England"). Leading
    function words ("The", "But", "In") and a trailing possessive are dropped. A single word that
    the corpus also writes in lower case at least as often (a common noun at the start of a
    sentence) is not a name, nor are weekdays and months.

Titles
    A run that holds a title head (``president``, ``minister``, ``chancellor``, ``Mr`` ... see
    :data:`TITLE_HEADS`) before its last words is split there: "German Chancellor Olaf Scholz" is
    the name "Olaf Scholz" with the role "German Chancellor" and the title "chancellor".

People and organisations
    A name is a ``person`` when a title or honorific stood before it, when the quotation finder
    (``corpus.quotes``) made it a speaker of type person, or when its last word is used alone
    elsewhere (a surname: "Scholz"). Every other name is an ``institution``; that includes places
    ("Moscow"), which a word pattern cannot tell from the governments that sit there. A surname
    used alone counts for the one person who has it (if two people share it, it stays apart).

Counts
    ``mentions`` (occurrences in body paragraphs, surname uses included), ``articles`` (how many
    articles name it) and ``quotes`` (quotations ``corpus.quotes`` attributes to it).

:func:`actors_draft` writes the most-mentioned names in the schema of ``actors.yml`` (country
"unknown", side "other": the reader fills them in), checked by :func:`analysis.actors.build_lexicon`.
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from pathlib import Path

import pandas as pd

from analysis.lexicon import write_lexicon_draft
from analysis.text import fold_typography

#: Words that head a title before a name ("Prime Minister Boris Johnson", "Mr Putin").
TITLE_HEADS = frozenset(
    [
        "president",
        "minister",
        "chancellor",
        "secretary",
        "secretary-general",
        "spokesman",
        "spokeswoman",
        "spokesperson",
        "ambassador",
        "envoy",
        "governor",
        "mayor",
        "senator",
        "king",
        "queen",
        "prince",
        "princess",
        "pope",
        "leader",
        "chief",
        "director",
        "commander",
        "general",
        "judge",
        "coach",
        "manager",
        "captain",
        "chairman",
        "chairwoman",
        "chair",
        "ceo",
        "mr",
        "mrs",
        "ms",
        "miss",
        "dr",
        "sir",
        "dame",
        "lord",
        "lady",
        "professor",
        "prof",
        "rev",
        "gen",
        "col",
        "lt",
        "sgt",
        "capt",
        "adm",
        "premier",
        "justice",
        "officer",
        "editor",
        "founder",
    ]
)
HONORIFICS = frozenset(["mr", "mrs", "ms", "miss", "dr", "sir", "dame", "lord", "lady"])
#: Words inside a name that join two capitalised words ("Bank of England").
JOINERS = ("of", "for", "de", "da", "von", "van", "der", "al", "bin")
CALENDAR = frozenset(
    [
        "monday",
        "tuesday",
        "wednesday",
        "thursday",
        "friday",
        "saturday",
        "sunday",
        "january",
        "february",
        "march",
        "april",
        "may",
        "june",
        "july",
        "august",
        "september",
        "october",
        "november",
        "december",
    ]
)
ANONYMOUS_HEADS = [
    "official",
    "officials",
    "source",
    "sources",
    "spokesperson",
    "spokesman",
    "spokeswoman",
    "aide",
    "aides",
    "adviser",
    "advisers",
    "analyst",
    "analysts",
    "person",
    "people",
    "resident",
    "residents",
    "witness",
    "witnesses",
]

_CAP = r"(?:[A-Z]\.(?:[A-Z]\.)+|[A-Z][\w'\-]*\w|[A-Z])"
_RUN = re.compile(
    rf"(?<![\w'\-]){_CAP}(?:\s(?:(?:{'|'.join(JOINERS)})\s(?:the\s)?)?{_CAP})*(?![\w\-])"
)
_POSSESSIVE = re.compile(r"'s?$")
#: A single word with a demonym's ending ("Russian", "Europeans", "Western") is an adjective.
_DEMONYM = re.compile(r"(?:ians?|eans?|ese|ish|ern)$")
#: Where a sentence starts: the start of a paragraph or after . ! ? (and a closing quote mark).
_SENTENCE_START = re.compile(r"(?:^|[.!?][\"')]?\s+)$")
_LOWER_WORD = re.compile(r"\b[a-z][\w'\-]*\w\b")


def _stop_words() -> frozenset[str]:
    from sklearn.feature_extraction.text import ENGLISH_STOP_WORDS

    return frozenset(ENGLISH_STOP_WORDS)


def split_title(words: list[str]) -> tuple[list[str], list[str]]:
    """``(role words, name words)`` of a capitalised run: the split falls after the last title
    head that still leaves a name ("German Chancellor Olaf Scholz" -> "German Chancellor",
    "Olaf Scholz"); ``([], words)`` when the run has no title head before its last word."""
    heads = [i for i, w in enumerate(words[:-1]) if w.lower().rstrip(".") in TITLE_HEADS]
    if not heads:
        return [], words
    cut = heads[-1] + 1
    return words[:cut], words[cut:]


def name_runs(text: str) -> list[tuple[str, str, bool]]:
    """The names in ``text`` (typography folded) as ``(name, role, sentence_start)`` in order;
    ``role`` is the title before the name as written ("German Chancellor") or "", and
    ``sentence_start`` says whether the run opens a sentence. A possessive ends a name:
    "Ukraine's Nato membership" names "Ukraine" and "Nato"."""
    stop = _stop_words()
    found = []
    folded = fold_typography(text)
    for match in _RUN.finditer(folded):
        at_start = bool(_SENTENCE_START.search(folded[: match.start()]))
        pieces, current = [], []
        for word in match.group(0).split():
            current.append(word)
            if _POSSESSIVE.search(word) and word[0].isupper():
                pieces.append(current)
                current = []
        pieces.append(current)
        for i, words in enumerate(p for p in pieces if p):
            while words and (words[0].lower() in stop or words[0].lower() == "the"):
                words = words[1:]
            if not words:
                continue
            words[-1] = _POSSESSIVE.sub("", words[-1])
            role, name = split_title(words)
            while name and name[0].lower() in stop:
                name = name[1:]
            if name and name[-1].lower() not in JOINERS:
                found.append((" ".join(name), " ".join(role), at_start and i == 0 and not role))
    return found


def actor_candidates(corpus, *, canonical: bool = True, min_mentions: int = 2) -> pd.DataFrame:
    """The names of the corpus, most mentioned first: ``actor``, ``type`` (person or
    institution), ``mentions``, ``articles``, ``quotes``, ``aliases`` (the full name, and the
    surname where it is used alone), ``titles`` (title heads seen before it), ``roles`` (the
    titles as written). Names with fewer than ``min_mentions`` mentions are left out."""
    corpus = corpus.canonical() if canonical else corpus
    paragraphs = corpus.paragraphs
    mentions: Counter[str] = Counter()
    articles: defaultdict[str, set] = defaultdict(set)
    roles: defaultdict[str, Counter] = defaultdict(Counter)
    titled: set[str] = set()
    inside: Counter[str] = Counter()  # mentions that do not open a sentence
    for article_id, text in zip(paragraphs["article_id"], paragraphs["text"], strict=True):
        for name, role, at_start in name_runs(text):
            mentions[name] += 1
            inside[name] += not at_start
            articles[name].add(article_id)
            if role:
                roles[name][role] += 1
                titled.add(name)
    lower = Counter(
        w for text in paragraphs["text"] for w in _LOWER_WORD.findall(fold_typography(text))
    )
    for name in list(mentions):
        single = " " not in name and "." not in name
        common = single and (
            lower[name.lower()] >= mentions[name] or not inside[name] or _DEMONYM.search(name)
        )
        if name.lower() in CALENDAR or common:
            del mentions[name]

    speakers = _speakers(corpus)
    surnames = defaultdict(list)
    for name in mentions:
        words = name.split()
        # a first name is never written in lower case ("Eastern Europe" is no person)
        if 2 <= len(words) <= 4 and words[-1] in mentions and not lower[words[0].lower()]:
            surnames[words[-1]].append(name)
    people = set(titled) | {n for n in mentions if n in speakers["person"]}
    merged: dict[str, str] = {}
    for surname, holders in surnames.items():
        if len(holders) == 1:
            merged[surname] = holders[0]
            people.add(holders[0])
    rows = {}
    for name, count in mentions.items():
        target = merged.get(name, name)
        row = rows.setdefault(
            target,
            {
                "actor": target,
                "mentions": 0,
                "articles": set(),
                "aliases": [target],
                "titles": Counter(),
                "roles": Counter(),
            },
        )
        row["mentions"] += count
        row["articles"] |= articles[name]
        row["roles"].update(roles[name])
        if target != name:
            row["aliases"].append(name)
    table = []
    for row in rows.values():
        name = row["actor"]
        is_person = name in people or any(a in people for a in row["aliases"])
        is_person = is_person and not name.isupper()
        quotes = sum(speakers["all"].get(a, 0) for a in row["aliases"])
        titles = sorted({r.split()[-1].lower().rstrip(".") for r in row["roles"]} - HONORIFICS)
        table.append(
            {
                "actor": name,
                "type": "person" if is_person else "institution",
                "mentions": row["mentions"],
                "articles": len(row["articles"]),
                "quotes": quotes,
                "aliases": row["aliases"],
                "titles": titles,
                "roles": [
                    r
                    for r, _ in row["roles"].most_common()
                    if r.lower().rstrip(".") not in HONORIFICS
                ],
            }
        )
    out = pd.DataFrame(
        table,
        columns=["actor", "type", "mentions", "articles", "quotes", "aliases", "titles", "roles"],
    )
    out = out[out["mentions"] >= min_mentions]
    return out.sort_values(
        ["mentions", "articles", "actor"], ascending=[False, False, True], kind="stable"
    ).reset_index(drop=True)


def _speakers(corpus) -> dict[str, Counter]:
    """Quotation counts by speaker name (``all``) and the names the finder typed ``person``."""
    quotes = corpus.quotes
    if quotes is None or quotes.empty or "speaker" not in quotes.columns:
        return {"all": Counter(), "person": Counter()}
    named = quotes[quotes["speaker"].fillna("").str.match(r"[A-Z]")]
    counts: Counter[str] = Counter()
    for speaker in named["speaker"]:
        counts[speaker] += 1
        counts[speaker.split()[-1]] += 0  # the surname is a key too (counted through the name)
    person = Counter(named.loc[named["speaker_type"] == "person", "speaker"])
    return {"all": Counter(named["speaker"]), "person": person}


DRAFT_HEADER = """\
# A DRAFT actor lexicon, written by analysis.actor_draft.actors_draft from the corpus's own text.
# Same schema as a story's actors.yml (read by analysis.actors.load_actors). Before using it:
# delete what is not an actor (places, events, publications), merge spellings of one actor, set
# each actor's country and side (here "unknown" and "other"), and check every person/institution.
"""


def actors_draft(candidates: pd.DataFrame, *, top: int = 30, source: str | None = None) -> dict:
    """An ``actors.yml`` draft of the ``top`` rows of :func:`actor_candidates`: one actor each,
    with its aliases, roles and titles, country "unknown", side "other". A role or alias that
    would name two actors is left out of the second, so the draft always loads."""
    from analysis.actors import build_lexicon, surface_key

    taken: set[str] = set()
    actors = []
    for row in candidates.head(top).itertuples():
        aliases = [a for a in row.aliases if surface_key(a) not in taken]
        if not aliases:
            continue
        taken |= {surface_key(a) for a in aliases}
        roles = [r for r in row.roles if surface_key(r) not in taken]
        taken |= {surface_key(r) for r in roles}
        entry = {"name": row.actor, "aliases": aliases}
        if roles:
            entry["roles"] = roles
        if row.titles:
            entry["titles"] = list(row.titles)
        entry.update(
            country="unknown",
            side="other",
            type=row.type,
            note=f"{row.mentions} mentions in {row.articles} articles, {row.quotes} quotations",
        )
        actors.append(entry)
    draft = {
        "source": source
        or (
            "Draft from the corpus's own text (analysis.actor_draft): the most-mentioned "
            "capitalised names, their titles, and the quotation finder's speakers; not yet "
            "checked by a reader."
        ),
        "sides": {"other": "not yet coded: set each actor's side by hand."},
        "countries": {},
        "anonymous_heads": ANONYMOUS_HEADS,
        "title_words": sorted(TITLE_HEADS),
        "actors": actors,
    }
    build_lexicon(draft, where="actors draft")  # raises if the draft would not load
    return draft


def write_actors_draft(draft: dict, path: str | Path) -> Path:
    """Write :func:`actors_draft`'s ``draft`` as YAML (header comment first) to ``path``."""
    return write_lexicon_draft(draft, path, header=DRAFT_HEADER)
