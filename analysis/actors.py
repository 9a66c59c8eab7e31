"""Actors: who a story names, from its lexicon ``actors.yml`` (the seeds': ``seeds/lexicons/``).

The lexicon lists each actor's canonical name, the proper names (``aliases``) and descriptions
(``roles``) that pick it out, the generic ``titles`` it holds ("the chancellor"), its country,
``side`` (Russia, Ukraine, West or other) and ``type`` (person, institution, anonymous). One regular
expression, compiled once, finds every alias, role and "the <title>" in a text; the longest wins
where they overlap, so "Russia's foreign minister" is Lavrov, not Russia.

:func:`find_mentions` turns one article's paragraphs into :class:`Mention` lists: it resolves
"the <title>" to the holder of that title named most recently in the article, skips place names
after "in" ("talks in Moscow"), and merges a name with its appositive role ("Sergei Lavrov, Russia's
foreign minister") into one mention. :func:`mentions` counts them per article and actor, with where
each actor first appears and how often it is quoted (:mod:`analysis.quotes`).
"""

from __future__ import annotations

import dataclasses
import functools
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path

import pandas as pd

from analysis.lexicon import lexicon_path, read_lexicon, story_lexicon
from analysis.text import fold_typography

SIDES = ("Russia", "Ukraine", "West", "other")
TYPES = ("person", "institution", "anonymous")
#: What kind of voice a speaker is (``speaker_types`` in ``actors.yml`` documents each).
SPEAKER_TYPES = (
    "state official",
    "politician",
    "military",
    "expert or analyst",
    "journalist",
    "citizen or witness",
    "organisation",
    "anonymous",
    "other",
)
#: The side of every citizen or witness, whatever their country: not a state's voice.
CIVILIANS = "civilians"
HONORIFICS = ("mr", "mrs", "ms", "miss", "dr", "sir", "dame", "mx")
#: A place alias after these words is a place, not an actor ("in Moscow", "in the Kremlin").
_PLACE_BEFORE = re.compile(r"\b(?:in|inside|at)\s+(?:the\s+)?$", re.IGNORECASE)
#: A mention followed by this much (white space and commas) and then the same actor is one mention.
_APPOSITION = re.compile(r"^[\s,]{0,3}$")
_LEAD_PARAGRAPHS = 2

MENTION_COLUMNS = [
    "article_id",
    "actor",
    "side",
    "type",
    "mentions",
    "first_position",
    "in_headline",
    "in_lead",
    "quotes",
    "quoted_words",
]


@dataclass(frozen=True)
class Actor:
    """One actor of the lexicon. ``name`` is the canonical name used in every table."""

    name: str
    country: str
    side: str
    type: str
    aliases: tuple[str, ...] = ()
    roles: tuple[str, ...] = ()
    titles: tuple[str, ...] = ()
    places: tuple[str, ...] = ()
    note: str = ""
    speaker_type: str = "other"


@dataclass(frozen=True)
class Mention:
    """A span of text that names an actor.

    ``actor`` is the canonical name, or ``None`` for "the <title>" that no actor in the article
    holds (e.g. "the president" in a story naming no president). ``kind`` is ``alias``, ``role``
    or ``title``; ``surface`` is the text as written.
    """

    start: int
    end: int
    actor: str | None
    kind: str
    surface: str
    title: str = ""
    resolved: str = ""  # for a title: "recent" (holder named before) or "only" (sole holder)


#: The start of a word, as the matchers see it (not after a letter, digit or hyphen).
_WORD_START = re.compile(r"(?<![\w\-‑])[^\W_]+")


def first_word(text: str) -> str:
    """The first word of ``text``, case folded ("Nato's chief" -> "nato")."""
    match = _WORD_START.search(text)
    return match.group(0).casefold() if match else ""


def scan(pattern: re.Pattern[str], first_words: frozenset[str], text: str) -> list[re.Match]:
    """``pattern.finditer(text)``, fast: the pattern (an alternation of phrases) is tried only
    where a word that can begin one of its phrases starts (``first_words``, case folded).
    Same matches as ``finditer`` for a pattern whose matches all begin at such a word."""
    found: list[re.Match] = []
    after = 0
    for word in _WORD_START.finditer(text):
        start = word.start()
        if start < after or word.group(0).casefold() not in first_words:
            continue
        match = pattern.match(text, start)
        if match:
            found.append(match)
            after = match.end()
    return found


@functools.lru_cache(maxsize=1 << 16)
def surface_key(text: str) -> str:
    """The form in which aliases, roles and titles are compared: case, apostrophes, hyphens and
    runs of white space folded ("Nato's  Secretary-General" -> "nato's secretary general").
    Remembered (:func:`resolve` compares every actor's name for each name it reads: 3.2 M calls
    for the 2,225 BBC articles)."""
    folded = fold_typography(text).casefold().replace("-", " ")
    return " ".join(folded.split())


def _surface_pattern(surface: str) -> str:
    """A regex for ``surface`` that accepts curly or straight apostrophes, any hyphen or a space
    for a hyphen, and any run of white space for a space."""
    out = []
    for ch in surface:
        if ch in "'’":
            out.append("['’]")
        elif ch in "-‑–":
            out.append(r"[-‑–\s]")
        elif ch.isspace():
            out.append(r"\s+")
        else:
            out.append(re.escape(ch))
    return "".join(out)


@dataclass(frozen=True)
class ActorLexicon:
    """The parsed ``actors.yml``: actors, countries and the compiled matcher."""

    actors: tuple[Actor, ...]
    source: str
    countries: dict[str, tuple[str, tuple[str, ...]]]
    anonymous_heads: frozenset[str]
    title_words: frozenset[str]
    by_name: dict[str, Actor]
    by_surface: dict[str, str]
    title_holders: dict[str, tuple[str, ...]]
    pattern: re.Pattern[str]
    country_pattern: re.Pattern[str]
    first_words: frozenset[str] = frozenset()
    not_person_words: frozenset[str] = frozenset()
    adjective_titles: frozenset[str] = frozenset()
    type_words: tuple[tuple[str, frozenset[str]], ...] = ()

    def speaker_type_of(self, words: str) -> str:
        """The speaker type a description gives ("a spokesman for the transport department" ->
        "state official"), by the first list of ``speaker_types`` (in the file's order) that
        holds one of its words; "" if none does."""
        tokens = {t.strip(",;:()").casefold() for t in words.split()}
        for kind, listed in self.type_words:
            if tokens & listed:
                return kind
        return ""

    def get(self, name: str) -> Actor | None:
        """The actor with canonical ``name``, or ``None``."""
        return self.by_name.get(name)

    def frame(self) -> pd.DataFrame:
        """The actors as a table: name, country, side, type, and their aliases/roles/titles
        joined by " | " (for display and for the notebook's appendix)."""
        return pd.DataFrame(
            [
                {
                    "name": a.name,
                    "country": a.country,
                    "side": a.side,
                    "type": a.type,
                    "aliases": " | ".join(a.aliases),
                    "roles": " | ".join(a.roles),
                    "titles": " | ".join(a.titles),
                }
                for a in self.actors
            ]
        )

    def country_of(self, text: str) -> tuple[str, str]:
        """``(country, side)`` named by the first country word in ``text`` ("a senior Ukrainian
        official" -> ("Ukraine", "Ukraine")), or ``("", "unknown")``."""
        match = self.country_pattern.search(text)
        if not match:
            return "", "unknown"
        country = self._country_by_word[surface_key(match.group(0))]
        return country, self.countries[country][0]

    def trailing_name(self, words: str) -> str:
        """The personal name that ends a description, or "": the last run of capitalised words
        with title words (``title_words``: "Minister", "Ambassador", ...) and country words
        dropped from its front ("Russian Deputy Foreign Minister Sergei Ryabkov" -> "Sergei
        Ryabkov"). Needs two to four words."""
        tokens = words.split()
        run: list[str] = []
        for token in reversed(tokens):
            if not token[:1].isupper() or (run and token.casefold() in self.title_words):
                break  # "SciSpacE Team Leader | Jennifer Ngo-Anh": a title ends the name
            run.insert(0, token)
        while run and (
            run[0].casefold() in self.title_words
            or self.country_pattern.fullmatch(run[0])
            or run[0].rstrip(".") in {"Mr", "Mrs", "Ms", "Miss", "Dr"}
        ):
            run.pop(0)
        return " ".join(run) if 2 <= len(run) <= 4 else ""

    @functools.cached_property
    def _country_by_word(self) -> dict[str, str]:
        return {surface_key(word): c for c, (_, words) in self.countries.items() for word in words}


def _as_tuple(value: object) -> tuple[str, ...]:
    if value is None:
        return ()
    if isinstance(value, str):
        return (value,)
    return tuple(str(v) for v in value)


def _parse_actor(entry: dict, where: str) -> Actor:
    missing = [k for k in ("name", "country", "side", "type") if not entry.get(k)]
    if missing:
        raise ValueError(f"{where}: actor {entry.get('name', '?')!r} lacks {missing}")
    actor = Actor(
        name=str(entry["name"]),
        country=str(entry["country"]),
        side=str(entry["side"]),
        type=str(entry["type"]),
        aliases=_as_tuple(entry.get("aliases")),
        roles=_as_tuple(entry.get("roles")),
        titles=_as_tuple(entry.get("titles")),
        places=_as_tuple(entry.get("places")),
        note=str(entry.get("note") or ""),
        speaker_type=str(entry.get("speaker_type") or "other"),
    )
    if actor.speaker_type not in SPEAKER_TYPES:
        raise ValueError(
            f"{where}: {actor.name}: speaker_type {actor.speaker_type!r} is not one of "
            f"{SPEAKER_TYPES}"
        )
    if actor.side not in SIDES:
        raise ValueError(f"{where}: {actor.name}: side {actor.side!r} is not one of {SIDES}")
    if actor.type not in TYPES:
        raise ValueError(f"{where}: {actor.name}: type {actor.type!r} is not one of {TYPES}")
    if not (actor.aliases or actor.roles):
        raise ValueError(f"{where}: {actor.name}: needs at least one alias or role")
    unknown_places = set(actor.places) - set(actor.aliases)
    if unknown_places:
        raise ValueError(f"{where}: {actor.name}: places {sorted(unknown_places)} not aliases")
    return actor


def build_lexicon(data: dict, *, where: str = "actors.yml") -> ActorLexicon:
    """An :class:`ActorLexicon` from the parsed YAML ``data`` (see ``lexicons/actors.yml``).

    Raises ``ValueError`` naming the actor if an entry is incomplete, has an unknown side or type,
    or shares an alias or role with another actor (which would make attribution ambiguous).
    """
    actors = tuple(_parse_actor(e, where) for e in data.get("actors") or ())
    by_name: dict[str, Actor] = {}
    by_surface: dict[str, str] = {}
    holders: dict[str, list[str]] = {}
    pieces: list[tuple[int, str]] = []
    for actor in actors:
        if actor.name in by_name:
            raise ValueError(f"{where}: actor {actor.name!r} is listed twice")
        by_name[actor.name] = actor
        for surface, case_blind in [(s, False) for s in actor.aliases] + [
            (s, True) for s in actor.roles
        ]:
            key = surface_key(surface)
            if by_surface.setdefault(key, actor.name) != actor.name:
                raise ValueError(
                    f"{where}: {surface!r} names both {by_surface[key]!r} and {actor.name!r}"
                )
            body = _surface_pattern(surface)
            pieces.append((len(surface), f"(?i:{body})" if case_blind else body))
        for title in actor.titles:
            holders.setdefault(surface_key(title), []).append(actor.name)
    for title in holders:
        pieces.append((len(title) + 4, r"[Tt]he\s+(?i:" + _surface_pattern(title) + ")"))
    first_words = frozenset({first_word(s) for s in by_surface} | ({"the"} if holders else set()))
    # Longest first, so that at any position the longest alternative wins.
    pieces.sort(key=lambda p: -p[0])
    alternatives = "|".join(dict.fromkeys(p for _, p in pieces))
    pattern = re.compile(rf"(?<![\w\-‑])(?:{alternatives})(?!\w)")

    countries = {
        str(name): (str(spec["side"]), _as_tuple(spec.get("words")))
        for name, spec in (data.get("countries") or {}).items()
    }
    words = sorted({w for _, ws in countries.values() for w in ws}, key=len, reverse=True)
    country_pattern = re.compile(
        r"(?<![\w\-])(?:" + "|".join(_surface_pattern(w) for w in words) + r")(?!\w)"
        if words
        else r"(?!x)x"
    )
    return ActorLexicon(
        actors=actors,
        source=str(data.get("source") or "").strip(),
        countries=countries,
        anonymous_heads=frozenset(str(w).casefold() for w in data.get("anonymous_heads") or ()),
        title_words=frozenset(str(w).casefold() for w in data.get("title_words") or ()),
        by_name=by_name,
        by_surface=by_surface,
        title_holders={k: tuple(v) for k, v in holders.items()},
        pattern=pattern,
        country_pattern=country_pattern,
        first_words=first_words,
        not_person_words=frozenset(str(w).casefold() for w in data.get("not_person_words") or ()),
        adjective_titles=frozenset(surface_key(str(w)) for w in data.get("adjective_titles") or ()),
        type_words=_type_words(data.get("speaker_types") or {}, where),
    )


def _type_words(spec: dict, where: str) -> tuple[tuple[str, frozenset[str]], ...]:
    unknown = set(spec) - set(SPEAKER_TYPES)
    if unknown:
        raise ValueError(f"{where}: speaker_types {sorted(unknown)} not in {SPEAKER_TYPES}")
    return tuple(
        (str(kind), frozenset(str(w).casefold() for w in words or ()))
        for kind, words in spec.items()
    )


def load_actors(path: str | Path | None = None) -> ActorLexicon:
    """The actor lexicon: the package's words for speakers of any story
    (``analysis/lexicons/speakers.yml``) with the story's actors, sides and countries from
    ``path`` (default: the current corpus's ``actors.yml``; none when it has none, so that a
    story without one gets no other story's people). An entry of the story file replaces the
    package's entry of that name. Parsed once per file and cached."""
    story = Path(path).resolve() if path is not None else story_lexicon("actors.yml")
    return _load_actors(story)


@functools.cache
def _load_actors(story: Path | None) -> ActorLexicon:
    data = dict(read_lexicon(name="speakers.yml"))
    if story is not None:
        data.update(read_lexicon(story))
    return build_lexicon(data, where=str(story or lexicon_path(None, "speakers.yml")))


@functools.cache
def load_generic_actors(path: str | Path | None = None) -> ActorLexicon:
    """The story-independent vocabulary with no actors (speaker types, anonymous heads, title
    words, words that are not names): the package's ``speakers.yml`` alone, as
    :func:`load_actors` gives it to a corpus with no ``actors.yml``, or the sections of ``path``
    with its actors left out. This is what attribution knows on a story that brings no actor
    list of its own: every speaker comes from the text's own words."""
    if path is None:
        return _load_actors(None)
    return build_lexicon({**read_lexicon(path), "actors": []}, where=str(Path(path).resolve()))


def resolve(name_or_role: str, lexicon: ActorLexicon | None = None) -> Actor | None:
    """The actor that ``name_or_role`` names on its own, or ``None``.

    Accepts a canonical name, an alias or a role, with or without an honorific or "the"
    ("Mr Putin", "the Russian president", "NATO's Secretary-General"), and a generic title when
    only one actor holds it ("the prime minister"). A title several actors hold ("the president")
    needs the article's context and resolves to ``None`` here.
    """
    lexicon = lexicon or load_actors()
    key = surface_key(name_or_role)
    candidates = [key]
    for prefix in (*HONORIFICS, "the"):
        if key.startswith(prefix + " ") or key.startswith(prefix + ". "):
            candidates.append(key.split(" ", 1)[1])
    for candidate in candidates:
        if candidate in lexicon.by_surface:
            return lexicon.by_name[lexicon.by_surface[candidate]]
        for actor in lexicon.actors:
            if surface_key(actor.name) == candidate:
                return actor
    for candidate in candidates:
        holders = lexicon.title_holders.get(candidate, ())
        if len(holders) == 1:
            return lexicon.by_name[holders[0]]
    return None


# --------------------------------------------------------------------------- finding mentions


def _raw_mentions(text: str, lexicon: ActorLexicon) -> Iterable[Mention]:
    """Every alias, role and "the <title>" in ``text``, titles not yet resolved."""
    for match in scan(lexicon.pattern, lexicon.first_words, text):
        surface = match.group(0)
        key = surface_key(surface)
        name = lexicon.by_surface.get(key)
        if name is not None:
            actor = lexicon.by_name[name]
            if surface in actor.places and _PLACE_BEFORE.search(text, 0, match.start()):
                continue
            kind = "role" if key in _role_keys(actor) else "alias"
            yield Mention(match.start(), match.end(), name, kind, surface)
        else:
            title = key.split(" ", 1)[1]
            if title in lexicon.adjective_titles and _noun_follows(text, match.end()):
                continue  # "the official record": an adjective, not the official
            yield Mention(match.start(), match.end(), None, "title", surface, title=title)


_NEXT_LOWER_WORD = re.compile(r"\s+([a-z][a-z’'-]*)\b")
#: Words after "the official" that make it a person, not an adjective ("the official said").
_AFTER_A_SUBJECT = frozenset(
    [
        "said",
        "says",
        "told",
        "tells",
        "has",
        "had",
        "have",
        "is",
        "was",
        "were",
        "are",
        "will",
        "would",
        "could",
        "can",
        "may",
        "might",
        "should",
        "did",
        "does",
        "do",
        "also",
        "who",
        "which",
        "that",
        "and",
        "but",
        "or",
        "then",
        "later",
        "earlier",
        "again",
        "not",
        "never",
        "spoke",
        "wrote",
        "speaking",
    ]
)


def _noun_follows(text: str, end: int) -> bool:
    """Whether a lower-case word that is not a verb form follows ``end`` ("the official record";
    not "the official said", "the official added")."""
    match = _NEXT_LOWER_WORD.match(text, end)
    if not match:
        return False
    word = match.group(1)
    return word not in _AFTER_A_SUBJECT and not word.endswith("ed")


@functools.cache
def _role_keys(actor: Actor) -> frozenset[str]:
    return frozenset(surface_key(r) for r in actor.roles)


class TitleResolver:
    """Resolves "the <title>" within one article, reading its mentions in order.

    "the <title>" is the holder of that title mentioned most recently; if no holder has been
    mentioned yet, the only actor in the lexicon with that title; otherwise unresolved.
    """

    def __init__(self, lexicon: ActorLexicon) -> None:
        self.lexicon = lexicon
        self._seen: dict[str, int] = {}  # actor -> how many mentions ago (larger = later)

    def __call__(self, mention: Mention) -> Mention:
        if mention.kind == "title":
            holders = self.lexicon.title_holders.get(mention.title, ())
            seen = [h for h in holders if h in self._seen]
            if seen:
                name, how = max(seen, key=self._seen.__getitem__), "recent"
            elif len(holders) == 1:
                name, how = holders[0], "only"
            else:
                return mention
            mention = dataclasses.replace(mention, actor=name, resolved=how)
        if mention.actor is not None:
            self._seen[mention.actor] = max(self._seen.values(), default=0) + 1
        return mention


def _merge_appositions(found: list[Mention], text: str) -> list[Mention]:
    """Merge a mention with the next one when both name the same actor and only white space or
    a comma separates them ("Russian President Vladimir Putin", "Lavrov, Russia's foreign
    minister"): one noun phrase, one mention."""
    merged: list[Mention] = []
    for mention in found:
        last = merged[-1] if merged else None
        if (
            last is not None
            and mention.actor is not None
            and last.actor == mention.actor
            and _APPOSITION.match(text[last.end : mention.start])
        ):
            kind = "alias" if "alias" in (last.kind, mention.kind) else last.kind
            merged[-1] = dataclasses.replace(
                last, end=mention.end, kind=kind, surface=text[last.start : mention.end]
            )
        else:
            merged.append(mention)
    return merged


def find_mentions(
    paragraphs: Sequence[str], lexicon: ActorLexicon | None = None
) -> list[list[Mention]]:
    """The actor mentions of one article, paragraph by paragraph, in order.

    Titles are resolved in reading order through the whole article (see :class:`TitleResolver`);
    offsets are into each paragraph's text.
    """
    lexicon = lexicon or load_actors()
    resolver = TitleResolver(lexicon)
    out = []
    for text in paragraphs:
        found = [resolver(m) for m in _raw_mentions(text, lexicon)]
        out.append(_merge_appositions(found, text))
    return out


# --------------------------------------------------------------------------- per-article counts


def _body_offsets(texts: Sequence[str]) -> tuple[list[int], int]:
    """Start of each paragraph in the body (paragraphs joined by one newline) and its length."""
    starts, pos = [], 0
    for text in texts:
        starts.append(pos)
        pos += len(text) + 1
    return starts, max(pos - 1, 0)


def _article_mentions(
    article_id: str,
    texts: Sequence[str],
    headline: str,
    quotes: pd.DataFrame,
    lexicon: ActorLexicon,
) -> list[dict]:
    """One row per actor named or quoted in one article (see :func:`mentions`)."""
    starts, length = _body_offsets(texts)
    rows: dict[str, dict] = {}

    def row(name: str, side: str, type_: str) -> dict:
        return rows.setdefault(
            name,
            {
                "article_id": article_id,
                "actor": name,
                "side": side,
                "type": type_,
                "mentions": 0,
                "first_position": float("nan"),
                "in_headline": False,
                "in_lead": False,
                "quotes": 0,
                "quoted_words": 0,
            },
        )

    for index, found in enumerate(find_mentions(texts, lexicon)):
        for mention in found:
            if mention.actor is None:
                continue
            actor = lexicon.by_name[mention.actor]
            entry = row(actor.name, actor.side, actor.type)
            if entry["mentions"] == 0:
                entry["first_position"] = (starts[index] + mention.start) / max(length, 1)
            entry["mentions"] += 1
            entry["in_lead"] |= index < _LEAD_PARAGRAPHS
    for mention in find_mentions([headline], lexicon)[0] if headline else []:
        if mention.actor is not None:
            actor = lexicon.by_name[mention.actor]
            row(actor.name, actor.side, actor.type)["in_headline"] = True

    for quote in quotes.itertuples(index=False):
        if not quote.speaker:
            continue
        entry = row(quote.speaker, quote.speaker_side, _mention_type(quote.speaker_type))
        entry["quotes"] += 1
        entry["quoted_words"] += int(quote.n_words)
        if entry["mentions"] == 0 and quote.speaker not in lexicon.by_name:
            _count_literal(entry, quote.speaker, texts, starts, length, headline)
    return list(rows.values())


def _count_literal(
    entry: dict, name: str, texts: Sequence[str], starts: list[int], length: int, headline: str
) -> None:
    """For a speaker the lexicon does not know: its mentions are the literal occurrences of the
    words the text used for it."""
    pattern = re.compile(r"(?<!\w)" + re.escape(name) + r"(?!\w)", re.IGNORECASE)
    for index, text in enumerate(texts):
        for match in pattern.finditer(text):
            if entry["mentions"] == 0:
                entry["first_position"] = (starts[index] + match.start()) / max(length, 1)
            entry["mentions"] += 1
            entry["in_lead"] |= index < _LEAD_PARAGRAPHS
    entry["in_headline"] |= bool(pattern.search(headline or ""))


def _mention_type(speaker_type: str) -> str:
    """The actor ``type`` (person, institution, anonymous) of a speaker the lexicon does not
    know, from its speaker type."""
    if speaker_type == "anonymous":
        return "anonymous"
    return "institution" if speaker_type == "organisation" else "person"


def mentions(corpus, *, lexicon: ActorLexicon | None = None) -> pd.DataFrame:
    """One row per article and actor it names or quotes.

    Columns: ``article_id``, ``actor`` (canonical name, or the text's own words for a speaker the
    lexicon does not know), ``side``, ``type``, ``mentions`` (in the body; a name and its
    appositive role count once; pronouns do not count), ``first_position`` (character offset of
    the first mention / body length, 0 = first character, 1 = last; the body is the paragraphs
    joined by one newline; NaN if named only in the headline), ``in_headline``, ``in_lead``
    (named in the first two body paragraphs), ``quotes`` and ``quoted_words`` (from
    ``corpus.quotes``; quoted words leave out bracketed insertions, see
    :func:`analysis.quotes.spoken_words`). Sorted by article (corpus order), then first position.

    Needs ``corpus.quotes`` (every loaded corpus has it; for a corpus built by hand, run
    :func:`analysis.quotes.annotate` first). This module sits below :mod:`analysis.quotes`,
    which reads the lexicon through it, so it never calls the quotation finder itself.
    Found article by article and kept per article (:func:`analysis.stage.per_article`).
    """
    from analysis import stage

    if corpus.quotes is None:
        raise ValueError("corpus.quotes is missing: run analysis.quotes.annotate(corpus) first")
    return stage.per_article(_mentions, corpus, lexicon or load_actors())


def _mentions(corpus, lexicon: ActorLexicon) -> pd.DataFrame:
    quotes = corpus.quotes
    headline_of = dict(
        zip(corpus.articles["article_id"], corpus.articles["headline"].fillna(""), strict=True)
    )
    quotes_by_article = dict(tuple(quotes.groupby("article_id", sort=False)))
    empty = quotes.iloc[0:0]
    rows: list[dict] = []
    for article_id, paras in corpus.paragraphs.groupby("article_id", sort=False):
        texts = paras.sort_values("paragraph")["text"].tolist()
        rows += _article_mentions(
            article_id,
            texts,
            str(headline_of.get(article_id, "") or ""),
            quotes_by_article.get(article_id, empty),
            lexicon,
        )
    table = pd.DataFrame(rows, columns=MENTION_COLUMNS)
    order = {a: i for i, a in enumerate(corpus.articles["article_id"])}
    table["_order"] = table["article_id"].map(order)
    table = table.sort_values(
        ["_order", "first_position", "actor"], na_position="last", kind="stable"
    )
    return (
        table.drop(columns="_order")
        .reset_index(drop=True)
        .astype(
            {
                "mentions": "int64",
                "quotes": "int64",
                "quoted_words": "int64",
                "in_headline": bool,
                "in_lead": bool,
            }
        )
    )
