"""Quotations: find every direct quotation, say what kind it is, and who said it.

Detection (:func:`quote_spans`) reads the double quote marks of each paragraph -- curly or
straight, mixed as outlets mix them -- and decides whether each opens or closes by what stands
either side of it (a mark after a space opens, a mark before a space or punctuation closes; the
glyph decides only when the context cannot). A quotation whose paragraph ends open and whose next
paragraph starts with an opening mark runs on into it: one quotation over several paragraphs,
the journalistic convention. A mark that never finds its partner does not crash anything: the
quotation closes at the end of its paragraph (or opens at its start) and is flagged
``unbalanced``. Headlines, where outlets use single quotes ("Putin Says 'Ready'"), are read for
single quotes as well; their quotations have ``paragraph`` 0.

Attribution (:func:`find_quotes`) works sentence by sentence within a paragraph, on the text
outside the quotation marks. It finds the reporting verbs ("cues", ``lexicons/cues.yml``) and,
for each, its subject: an actor of ``lexicons/actors.yml`` (by name, role or "the <title>"), a
pronoun (he/she: the last person named as speaking; who: the actor just before), or failing
those the words the text uses ("a senior official"). A quotation then takes, in this order:

0. ``so-called``: a quotation after "so-called" is the writer's distance, nobody's words;
1. ``in-quote``: a subject just before the quote whose first word is a cue (he "stressed ...");
2. ``after``: a cue right after the closing mark ("..., the chancellor said" / "said Mr Kuleba");
   ``owner``: a quotation in the complement of a noun of speech (``speech_nouns`` of
   ``cues.yml``) is its owner's ("directives from Xi to '...'", "his claim ... that the pair
   were '...'", "a comment Paltrow made -- specifically, '...'"), unless a verb comes between;
3. ``before``: the nearest cue before it in the sentence ("Scholz said ... 'not on the agenda'"),
   where a cue without a subject (", adding", "and said") inherits the previous cue's, a passive
   cue ("was welcomed as ... by Mr Scholz") takes its "by" agent, and a cue inside another's
   complement ("Putin said Nato countries told him ...") defers to the outer one;
4. ``after``: any later cue in the sentence ('"Of course" Russia doesn't want war, Putin said');
5. ``according to``: "according to X" in the sentence; ``colon``: "X: '...'", or with no verb
   the sentence's subject ("Giuliani blamed the president: '...'"); ``as``: a characterisation
   with no verb is the subject's ("Ward sees the lineup as its 'Achilles heel'");
6. ``carried``: the speaker of an earlier sentence of the same paragraph -- unless the quotation
   is the writer's own word: a lower-case fragment of one to three words right after a
   determiner or a number, in a sentence that goes on after it and has no reporting verb, no
   longer quotation, no one named and no subject pronoun ('deliver a "seamless experience"
   that ...'; after a verb or a modal, 'must "augment and support"', it stays carried);
   ``sentence before``:
   a quotation opening a sentence, with no verb and no speaker before it in its paragraph, is the
   person the sentence before names as its subject ("Aderholt returned to the issue. '...?'");
   ``continued``: a quotation that opens its paragraph, or a full sentence quoted in a paragraph
   that names no one outside its marks, carries on the speaker of the paragraph before (when
   that paragraph quoted or reported someone);
7. ``answer``: after a question of the writer's with no quotation ("What did Suh say?"), an
   answer in quotation marks with no verb is the interviewee's (the speaker before the question);
8. otherwise none: a quotation of one to three words is then a ``scare`` quote (the writer's
   distance from a word), a longer one stays unattributed.

A possessive word in quotation marks ('the "whistleblower's" identity') is nobody's words;
"which Apple views as '...'" is the characterisation of the name before the verb of regarding.

Quoted text whose every word is capitalised -- a title, a sign, a name ("A Most Violent Year",
"Perry") -- is not a quotation (:func:`names_a_work`), nor is a quoted nickname right before a
verb ('"Perry" countered:', the verb's subject), nor a name given to a thing ('HP is called
"feather duvet lung"', 'the nickname of "..."'; "what he called '...'" stays one). A subhead -- a paragraph that is only a short
single-quoted phrase ("‘No Jobs’") or a double-quoted one with no full stop ('"My fears have
been realized"') -- is one, of the speaker quoted below it. A quotation's own "?" or "!" does not
end the sentence before its attribution ('"Will you sign it?" Moreau asked'). Two single marks
typed for a double one (the AP's ’’) are read as one.

Pronouns (he/she) go to the nearest person named as a subject before them -- lexicon actors and
names the lexicon does not know ("CNN meteorologist Todd Borek") -- skipping possessives, objects
of a verb and names after a preposition, and a person of the other gender where an honorific or an
earlier pronoun gave one, and a name compared with ("than X"). A one-word name the article puts
next to a reporting verb anywhere ("Andrew said") is a person from its first paragraph. A surname
means the full name the article gave; "the <noun>" the person named earlier with that noun in
their title or appositive, else the unnamed speaker last quoted with it ("one legal expert ...
the expert"), never whoever was last named for a noun for anyone ("the man"); a name after a
lexicon role, an abbreviated title or a few title words is the
name ("US President Donald Trump"). People as speakers (issue 15): a name after a
preposition is no subject with a possessive and title words between ("belonging to Epstein's
madame-procurer Ghislaine Maxwell"), a passive's agent is one when the passive's own subject
names no one ("was later denied by Andrew"); a pronoun's person does not speak a quotation that
names them in full ("'... for Mary Steenburgen ...,' she said" goes to the paragraph's other
subject); "is said to believe/have called" is its subject's view; ", writes Charlotte Beyer,"
and "Wee of the Times reports that" are cues whose subject is that name, and a source that
reports keeps no speaker from the one it reports; a writer's question ("What did Suh say?")
reports nobody; a title ("Sir Digby Jones"), a question's auxiliary ("Would Adam Schiff") or a
possessive before a full name ("Aston Villa's Carlton Cole") is no part of a name, a name
followed by a verb ("Buckley first learned") is no subject, and a person's possession ("Mr
Brown's Budget") is no one; one person has one name per article ("Mr Blair" and "Tony Blair"
are Tony Blair, unless two fuller names fit). Every speaker gets a type (:func:`speaker_type`: state
official, politician, military, expert or analyst, journalist, citizen or witness, organisation,
anonymous, other) and citizens and witnesses the side ``civilians``.

A speaker the lexicon does not know keeps the text's words, with a name pulled out of a title
("Ukraine's envoy to the UN, Sergiy Kyslytsya, said" -> "Sergiy Kyslytsya"), its side from a
country word if there is one, and its type from its head noun ("a senior official", "a member
of the League", "one Weibo commenter", "his lawyers", "they": anonymous). With no actor lexicon
(a user's own story; :func:`analysis.actors.load_generic_actors`) the rules lean on the text:
a sentence's opening subject for participles and infinitives ("Amazon released a statement
saying", "went so far as to call", "allowed Mosseri to claim"); an affiliation, a parenthesis
or an adverbial between subject and verb ("James Hall with the NYPD said", "Addiego
(R-Burlington), for example, said"); bodies named by their last word or as acronyms ("Dick Clark
Productions", "CBP"), to which "the production company", "the statement" and "it" refer back,
and person nouns ("the director", "the 56-year-old") that, when no one was so described, mean
the person last named as a subject (``lexicons/references.yml``); a passive "she was warned
that" with no agent is an unnamed source. A body's name may hold a connecting word ("Doctors for
Camp Closure", "Governor's Office of Emergency Services": :func:`body_names`; no person inside
it), and a description ending in one speaks for it ("a 2019 study by the Institute for Fiscal
Studies concluded"); "the doctors" or "the coalition" is the body last named with that word;
"the company" with no body named as a subject is the body last named anywhere, else a one-word
subject name that is no person ("Spotify announced"); "the statement" is the body last seen
issuing one ("Big Machine Records issued a statement"); someone who speaks for another ("a WeWork
spokesperson", "a spokesperson for Home Depot", "Apple's spokesperson") speaks for the body, typed
by the body (an organisation for a company), and is anonymous for a person named ("Swift's
rep"); a subhead pulled from a later quotation is that quotation's speaker's. Function words the rules read sentences with are data
too (``cues.yml``).

``kind`` is ``full`` when the quotation stands as the speaker's own sentence (it begins with a
capital or a digit and the writer's sentence does not run on through its closing mark, or it
resumes a full quotation its attribution interrupted), ``partial`` when the writer's sentence
runs into or through it ("said diplomatic options were 'not by any means exhausted'"), ``scare``
as above.

:func:`find_attributions` lists every reporting verb with its speaker, reported speech included.
:func:`sentence_voice` marks each sentence authorial, quoted or mixed, and :func:`annotate` adds
quotations and voices to a corpus. Everything is per paragraph and per article, with the regexes
compiled once and tried only where a listed word starts: linear in the size of the corpus, on all
cores for a large one.

Built on these tables: :mod:`analysis.quote_accuracy` scores the finder against hand labels, and
:mod:`analysis.sources` makes the tables, figures and findings of notebook 02 (who is quoted, how
much, with which verbs).
"""

from __future__ import annotations

import bisect
import dataclasses
import functools
import itertools
import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

import pandas as pd

from analysis import cache, parallel
from analysis.actors import (
    CIVILIANS,
    ActorLexicon,
    Mention,
    find_mentions,
    first_word,
    load_actors,
    resolve,
    scan,
    surface_key,
)
from analysis.lexicon import lexicon_path, read_lexicon
from analysis.text import count_words, fold_typography

QUOTE_COLUMNS = [
    "article_id",
    "paragraph",
    "paragraph_end",
    "quote",
    "text",
    "kind",
    "speaker",
    "speaker_side",
    "speaker_type",
    "cue",
    "start",
    "end",
    "unbalanced",
    "n_words",
    "attribution",
    "speaker_text",
]
KINDS = ("full", "partial", "scare")
#: A quotation of at most this many words with no attribution is a scare quote.
SCARE_MAX_WORDS = 3
#: Paragraph breaks inside a multi-paragraph quotation are kept as this in ``text``.
PARAGRAPH_JOIN = "\n"

DOUBLE_MARKS = '“”"„‟'
_MARK_RE = re.compile(f"[{DOUBLE_MARKS}]")
_OPEN_GLYPHS = "“„‟"
_CLOSE_GLYPHS = "”"
#: What may stand just before an opening mark / just after a closing one.
_BEFORE_OPEN = "([{—–-/:‘'"
_AFTER_CLOSE = ".,;:!?)]}—–-…’'"
#: A single-quoted phrase, in headlines only (in a body the apostrophes make it unreliable).
_SINGLE_RE = re.compile(r"(?<![\w’'])['‘](?=\S)(.+?)(?<=\S)['’](?!\w)")

#: A sentence ends at . ! ? or … (with closing marks or brackets after it) before white space
#: and a capital, a digit or an opening mark.
_SENTENCE_END = re.compile(r"[.!?…][”\"’')\]]*(\s+)(?=[“\"‘'(\[]?[A-Z0-9])")
#: Before a full stop that ends no sentence: a title, a month, initials ("U.S."), a middle
#: initial after a first name ("Mary E. Lovely").
_ABBREVIATION = re.compile(
    r"(?:\b(?:Mr|Mrs|Ms|Dr|St|Gen|Lt|Col|Sgt|Capt|Prof|Sen|Rep|Gov|Jr|Sr|No|vs|Jan|Feb|Mar|Apr"
    r"|Aug|Sept|Sep|Oct|Nov|Dec)|\b(?:[A-Z]\.)+[A-Z]|(?<=[a-z]\s)[A-Z])\.[”\"’')\]]*$"
)
#: Clause breaks: a cue before one of these does not reach a quotation after it.
_CLAUSE_BREAK = re.compile(r";|,\s+(?:while|whereas|although|though)\b")
_PRONOUN = re.compile(r"\b(?:[Hh]e|[Ss]he|who)\b")
#: At most this many words between a subject and its verb ("Putin on Tuesday said").
_GAP_MAX_WORDS = 4
_NP_MAX_WORDS = 8
_PASSIVE_BEFORE = re.compile(r"\b(?:was|were|been|being|is|are|be)\s+(?:\w+ly\s+)?$")
#: Name, side, type and text of a source the sentence implies but does not name.
_UNNAMED = ("an unnamed source", "unknown", "anonymous", "an unnamed source")
#: Reporting verbs whose passive subject is the one spoken to ("she was warned that ...").
_TOLD_VERBS = frozenset({"tell", "warn", "advise", "urge"})
#: The agent right after a passive cue, when it is no actor or pronoun: "was advised by the
#: No 10 policy unit to postpone ..." -> "the No 10 policy unit".
_AGENT_PHRASE = re.compile(
    r"\s+by\s+((?:the\s+|a\s+|an\s+)?(?:[\w’'&.-]+\s+){0,5}?[\w’'&.-]+?)"
    r"(?=\s+(?:to|that|in|on|at|for|as|after|before|who)\b|\s*[,.;:]|\s*$)"
)
_BY_AGENT = re.compile(r"^[^“”\"]*?\bby\s+(?:(?:Mr|Mrs|Ms|Dr)\.?\s+)?$")
_INVERTED_SUBJECT = re.compile(r"\s+(?:(?:a|an|the)\s+\w|(?:[A-Z][\w’'.-]*\s+)*[A-Z][\w’'-]+[,.])")
_DIRECTLY = re.compile(r"[\s,:]*(?:(?:a|an|the)\s+)?")
_AFTER_QUOTE = re.compile(r"[”\"’'],?\s*$|,\s*[”\"’']\s*$")
_HONORIFIC_OR_ARTICLE = re.compile(r"\s+(?:(?:a|an|the)|(?:Mr|Mrs|Ms|Miss|Dr)\.?)\s+")


# --------------------------------------------------------------------------- bounded look-backs
# Rules look at the few words before a position. Slicing ``text[:start]`` or searching a
# ``$``-anchored pattern from 0 would cost the whole prefix at every position: quadratic in a
# long paragraph. These helpers look back a bounded stretch instead.

#: Longest look-back any rule needs (an abbreviation, an auxiliary and an adverb, a word).
_LOOKBACK = 80


def _end_before_space(text: str, end: int) -> int:
    """The end of ``text[:end].rstrip()``, found without copying the prefix."""
    while end > 0 and text[end - 1].isspace():
        end -= 1
    return end


#: "the 56-year-old": a person named before.
_AGED = re.compile(r"\d+-year-old")
#: "quoted <someone> as <cue>": "had quoted intelligence sources as saying".
_QUOTED_AS = re.compile(r"\bquoted\s+((?:\w[\w’'.-]*\s+){0,5}?\w[\w’'.-]*)\s+as\s+$")
#: A name right before "to <cue>": "allowed Adam Mosseri to claim".
_NAME_BEFORE_TO = re.compile(r"(?<=\s)((?:[A-Z][\w’'-]+\s+){0,3}[A-Z][\w’'-]+)\s+to\s+$")
_QUOTED_NAME = re.compile(r"[A-Z][\w’'-]+(?:\s+[A-Z][\w’'-]+){0,2}")


def _quoted_name_before(para: _Paragraph, position: int) -> tuple[int, int, str] | None:
    """A name in quotation marks right before ``position``, with no comma after it: the
    subject of a verb there ('"Perry" countered:', '"Jokowi" said'), as ``(start, end,
    name)`` of the quoted stretch with its marks; ``None`` if there is none."""
    i = bisect.bisect_right(para.covered_ends, position) - 1
    if i < 0:
        return None
    start, end = para.covered[i]
    if para.text[end:position].strip():
        return None
    inner = para.text[start:end].strip(DOUBLE_MARKS + "‘’'")
    return (start, end, inner) if _QUOTED_NAME.fullmatch(inner) else None


def _end_of_word(text: str, start: int) -> int:
    """Where the word starting at ``start`` ends."""
    end = start
    while end < len(text) and not text[end].isspace() and text[end] not in ',.;:!?”"':
        end += 1
    return end


def _previous_word(text: str, start: int) -> str:
    """The last whitespace-separated word before ``start`` ("" at the start of the text)."""
    end = _end_before_space(text, start)
    begin = end
    while begin > 0 and not text[begin - 1].isspace():
        begin -= 1
    return text[begin:end]


def _next_word(text: str, end: int) -> str:
    """The first whitespace-separated word after ``end`` ("" at the end of the text)."""
    match = _NEXT_WORD.match(text, end)
    return match.group(1) if match else ""


_NEXT_WORD = re.compile(r"\s*(\S+)")


def _search_before(pattern: re.Pattern[str], text: str, end: int) -> re.Match[str] | None:
    """``pattern.search(text, 0, end)`` for a pattern anchored at ``end`` ($) whose match is
    shorter than :data:`_LOOKBACK` characters."""
    return pattern.search(text, max(0, end - _LOOKBACK), end)


# --------------------------------------------------------------------------- lexicon of cues

#: The function-word lists ``cues.yml`` must give the attribution rules (see that file).
FUNCTION_WORDS = (
    "determiners",
    "clause_words",
    "prepositions",
    "auxiliaries",
    "verb_before",
    "participle_after",
    "past_forms",
)


@dataclass(frozen=True)
class CueLexicon:
    """The reporting verbs of ``cues.yml``: lemma and group by form, and one compiled regex."""

    lemma_of: dict[str, str]
    group_of: dict[str, str]
    pattern: re.Pattern[str]
    source: str
    not_followed_by: dict[str, frozenset[str]] = field(default_factory=dict)
    first_words: frozenset[str] = frozenset()
    function_words: dict[str, frozenset[str]] = field(default_factory=dict)
    after_quotation: dict[str, str] = field(default_factory=dict)  # form -> lemma
    after_quotation_pattern: re.Pattern[str] | None = None
    subject_follows: frozenset[str] = frozenset({"according to"})  # "according to <speaker>"

    def frame(self) -> pd.DataFrame:
        """The verbs as a table: lemma, group, forms (joined by " | ")."""
        forms: dict[str, list[str]] = {}
        for form, lemma in self.lemma_of.items():
            forms.setdefault(lemma, []).append(form)
        return pd.DataFrame(
            [
                {"lemma": lemma, "group": self.group_of[lemma], "forms": " | ".join(fs)}
                for lemma, fs in forms.items()
            ]
        )


@functools.cache
def load_cues(path: str | Path | None = None) -> CueLexicon:
    """The reporting verbs (default ``analysis/lexicons/cues.yml``), parsed once and cached.

    Raises ``ValueError`` if a form is listed under two lemmas or a verb has no group.
    """
    path = lexicon_path(path, "cues.yml")
    data = read_lexicon(path)
    lemma_of: dict[str, str] = {}
    group_of: dict[str, str] = {}
    not_followed_by: dict[str, frozenset[str]] = {}
    for verb in data.get("verbs") or ():
        lemma, group = str(verb["lemma"]), str(verb.get("group") or "")
        if not group:
            raise ValueError(f"{path}: verb {lemma!r} has no group")
        group_of[lemma] = group
        stops = verb.get("not_followed_by") or ()
        not_followed_by[lemma] = frozenset(str(w).casefold() for w in stops)
        for form in verb.get("forms") or (lemma,):
            form = str(form).casefold()
            if lemma_of.setdefault(form, lemma) != lemma:
                raise ValueError(f"{path}: form {form!r} is listed under two lemmas")
    forms = sorted(lemma_of, key=len, reverse=True)
    body = "|".join(r"\s+".join(map(re.escape, f.split())) for f in forms)
    pattern = re.compile(rf"(?<![\w’'-])(?:{body})(?![\w’'-])", re.IGNORECASE)
    source = str(data.get("source") or "").strip()
    first_words = frozenset(first_word(f) for f in lemma_of)
    function_words = {
        str(kind): frozenset(str(w).casefold() for w in words or ())
        for kind, words in (data.get("function_words") or {}).items()
    }
    missing = set(FUNCTION_WORDS) - set(function_words)
    if missing:
        raise ValueError(f"{path}: function_words lacks {sorted(missing)}")
    after = {str(k).casefold(): str(v) for k, v in (data.get("after_quotation") or {}).items()}
    unknown = set(after.values()) - set(group_of)
    if unknown:
        raise ValueError(f"{path}: after_quotation names lemmas not in verbs: {sorted(unknown)}")
    after_pattern = re.compile(
        rf"(?<=[”\"])\s*,?\s*({'|'.join(map(re.escape, after)) or '(?!x)x'})(?![\w’'-])",
        re.IGNORECASE,
    )
    follows = frozenset(str(w) for w in data.get("subject_follows") or ("according to",))
    if follows - set(group_of):
        raise ValueError(f"{path}: subject_follows names lemmas not in verbs: {sorted(follows)}")
    return CueLexicon(
        lemma_of,
        group_of,
        pattern,
        source,
        not_followed_by,
        first_words,
        function_words,
        after,
        after_pattern,
        follows,
    )


@dataclass(frozen=True)
class ReferenceLexicon:
    """The words of ``lexicons/references.yml``: what ends a body's name, and the nouns that
    refer back to the body ("the agency", "the statement") or the person ("the veteran")
    last named."""

    name_endings: frozenset[str]
    back_references: frozenset[str]
    person_back_references: frozenset[str]
    place_prefixes: frozenset[str]
    source: str
    generic_people: frozenset[str] = frozenset()
    speaks_for: frozenset[str] = frozenset()
    state_bodies: frozenset[str] = frozenset()


@functools.cache
def load_references(path: str | Path | None = None) -> ReferenceLexicon:
    """The reference words (default ``analysis/lexicons/references.yml``), parsed once and
    cached."""
    data = read_lexicon(lexicon_path(path, "references.yml"))

    def words(key: str) -> frozenset[str]:
        return frozenset(str(w).casefold() for w in data.get(key) or ())

    return ReferenceLexicon(
        words("name_endings"),
        words("back_references"),
        words("person_back_references"),
        words("place_prefixes"),
        str(data.get("source") or "").strip(),
        words("generic_people"),
        words("speaks_for"),
        words("state_bodies"),
    )


def _is_body_name(words: str) -> bool:
    """Whether a run of capitalised words names a body: it ends in one of the ``name_endings``
    of ``references.yml`` ("Dick Clark Productions") or is an acronym ("CBP", "NASA")."""
    tokens = words.split()
    if not tokens:
        return False
    if len(tokens) == 1 and re.fullmatch(r"[A-Z]{2,6}", tokens[0]):
        return True
    return tokens[-1].casefold().strip(",.") in load_references().name_endings


def _words(kind: str) -> frozenset[str]:
    """A list of function words from ``cues.yml`` (see :data:`FUNCTION_WORDS`)."""
    return load_cues().function_words[kind]


# --------------------------------------------------------------------------- detection


@dataclass
class Span:
    """A quotation's place in an article: ``pieces`` are ``(paragraph index, start, end)`` of the
    quoted text in each paragraph it covers (marks excluded); ``close_mark`` is the index of the
    closing mark in the last paragraph (``None`` if it never closed)."""

    pieces: list[tuple[int, int, int]] = field(default_factory=list)
    open_mark: int | None = None
    close_mark: int | None = None
    unbalanced: bool = False
    single: bool = False  # in single quote marks (headlines, subheads)

    @property
    def paragraph(self) -> int:
        return self.pieces[0][0]

    @property
    def start(self) -> int:
        return self.pieces[0][1]

    @property
    def end(self) -> int:
        return self.pieces[-1][2]


_OPEN, _CLOSE, _EITHER = "open", "close", "either"


def mark_role(text: str, i: int) -> str:
    """Whether the quote mark at ``text[i]`` opens or closes a quotation.

    By its neighbours first (after a space or an opening bracket/dash, before a letter: opens;
    after a letter or punctuation, before a space or punctuation: closes); where both or neither
    hold, by the glyph (“ opens, ” closes, " either).
    """
    before = text[i - 1] if i > 0 else " "
    after = text[i + 1] if i + 1 < len(text) else " "
    can_open = (before.isspace() or before in _BEFORE_OPEN) and not after.isspace()
    can_close = not before.isspace() and (after.isspace() or after in _AFTER_CLOSE)
    if can_open != can_close:
        return _OPEN if can_open else _CLOSE
    if text[i] in _OPEN_GLYPHS:
        return _OPEN
    if text[i] in _CLOSE_GLYPHS:
        return _CLOSE
    return _EITHER


_LEADING_SPACE = re.compile(r"\s*")


def _lead(text: str) -> int:
    """Index of the first non-space character (``len(text)`` if none), read from the start
    only (no copy of a long paragraph)."""
    return _LEADING_SPACE.match(text).end()


def quote_spans(paragraphs: Sequence[str]) -> list[Span]:
    """The double-quoted spans of one article's paragraphs, in order (see the module docstring).

    A quotation left open at the end of a paragraph runs on if the next paragraph begins with an
    opening mark; otherwise it ends with its paragraph and is flagged ``unbalanced``. A closing
    mark with no opening one makes a flagged span from the start of its paragraph.
    """
    done: list[Span] = []
    running: Span | None = None
    for p, text in enumerate(paragraphs):
        marks = [(m.start(), mark_role(text, m.start())) for m in _MARK_RE.finditer(text)]
        current: Span | None = None
        begin = 0
        if running is not None:
            if marks and marks[0][0] == _lead(text) and marks[0][1] != _CLOSE:
                current, begin = running, marks[0][0] + 1
                marks = marks[1:]
            else:
                running.unbalanced = True
                done.append(running)
            running = None
        for i, role in marks:
            if current is None:
                if role == _CLOSE:
                    done.append(Span([(p, _lead(text), i)], None, i, unbalanced=True))
                else:
                    current, begin = Span(open_mark=i), i + 1
            elif role == _OPEN:
                current.pieces.append((p, begin, len(text[:i].rstrip())))
                current.unbalanced = True
                done.append(current)
                current, begin = Span(open_mark=i), i + 1
            else:
                current.pieces.append((p, begin, i))
                current.close_mark = i
                done.append(current)
                current = None
        if current is not None:
            current.pieces.append((p, begin, len(text.rstrip())))
            running = current
    if running is not None:
        running.unbalanced = True
        done.append(running)
    return sorted(done, key=lambda s: (s.paragraph, s.start))


def single_quote_spans(text: str) -> list[Span]:
    """Single-quoted spans of a headline ("Putin Says 'Ready' to Work ..."), paragraph index 0.

    An apostrophe inside or at the end of a word ("Russia's", "allies'") never opens one.
    """
    return [
        Span([(0, m.start(1), m.end(1))], m.start(), m.end(1), single=True)
        for m in _SINGLE_RE.finditer(text)
    ]


#: A subhead that is a single-quoted phrase ("‘No Jobs’"), at most this many words.
SUBHEAD_MAX_WORDS = 12
_SUBHEAD_RE = re.compile(r"\s*['‘](?=\S)([^“”\"\n]+?)(?<=\S)['’]\s*")


def _quoted_heading(span: Span, texts: Sequence[str]) -> bool:
    """Whether a double-quoted span is a subhead: a paragraph that is nothing but a quoted
    phrase of a few words with no closing full stop ('"My fears have been realized"', '"We
    write with urgency"'), which quotes the speaker below it. A quoted sentence standing alone
    ('"That's it. I've tried."') carries on the speaker above instead."""
    if span.single or len(span.pieces) != 1 or span.close_mark is None:
        return False
    p, start, end = span.pieces[0]
    text = texts[p]
    if span.open_mark is None or span.open_mark != _lead(text) or end - start > 200:
        return False  # checked first: a long paragraph is never sliced whole
    inner = text[start:end].strip()
    return (
        not text[span.close_mark + 1 :].strip()
        and 0 < len(inner.split()) <= SUBHEAD_MAX_WORDS
        and not inner.endswith((".", "!", "?", ",", "…"))
    )


def subhead_spans(paragraphs: Sequence[str]) -> list[Span]:
    """Body paragraphs that are nothing but a single-quoted phrase of a few words -- a subhead
    quoting the speaker below it ("‘No Jobs’") -- as single-quoted spans."""
    spans = []
    for p, text in enumerate(paragraphs):
        match = _SUBHEAD_RE.fullmatch(text)
        if match and len(match.group(1).split()) <= SUBHEAD_MAX_WORDS:
            spans.append(
                Span(
                    [(p, match.start(1), match.end(1))],
                    match.start(1) - 1,
                    match.end(1),
                    single=True,
                )
            )
    return spans


# --------------------------------------------------------------------------- words in a quotation

_IN_WORD_BRACKET = re.compile(r"(?<=\w)\[(\w+)\]|\[(\w+)\](?=\w)")
_INSERTION = re.compile(r"\s*[\[(][^\])]*[\])]")


def spoken_text(text: str) -> str:
    """The speaker's own words in a quotation: editorial insertions in brackets or parentheses
    removed ("[Ukraine]", "(on the Ukrainian side)"), a bracket that completes a word kept as
    its letters ("pursu[ing]" -> "pursuing"). Ellipses are not words and need nothing."""
    text = _IN_WORD_BRACKET.sub(lambda m: m.group(1) or m.group(2), text)
    return _INSERTION.sub("", text)


def spoken_words(text: str) -> int:
    """How many words the speaker said in a quotation (:func:`spoken_text`, by the house word
    definition :data:`analysis.text.WORD_PATTERN`)."""
    return count_words(spoken_text(text))


#: Words a title may leave in lower case ("Night of the Living Dead", "La Violencia").
_TITLE_SMALL = frozenset(
    [
        "a",
        "an",
        "the",
        "of",
        "and",
        "or",
        "nor",
        "in",
        "on",
        "at",
        "to",
        "for",
        "with",
        "by",
        "from",
        "as",
        "vs",
    ]
)
_TITLE_WORD = re.compile(r"[^\W_][\w’'.&-]*")
#: Attributions that make even a one-word capitalised quotation speech ('"Yes," he said').
_SPOKEN_RULES = frozenset({"after", "in-quote", "colon"})


def names_a_work(text: str, rule: str = "none") -> bool:
    """Whether quoted ``text`` is a title or a name rather than anyone's words: every word
    capitalised (or a digit), small words ("of", "the") apart, at most twelve words -- "A Most
    Violent Year", "Star Wars: Episode VII", "BLACK LIVES MATTER", "Perry". A single word
    counts only when no reporting verb attributes it (``rule``, the attribution rule): '"Yes,"
    he said' is speech."""
    words = _TITLE_WORD.findall(spoken_text(text))
    if not words or len(words) > 12:
        return False
    for i, word in enumerate(words):
        if not (word[0].isupper() or word[0].isdigit()) and not (
            i and word.casefold() in _TITLE_SMALL
        ):
            return False
    return len(words) >= 2 or rule not in _SPOKEN_RULES


def quote_kind(text: str, after: str, *, attributed: bool) -> str:
    """``scare``, ``full`` or ``partial`` for a quotation of ``text`` followed by ``after`` (the
    rest of its sentence outside the marks). See the module docstring for the definitions."""
    if not attributed and spoken_words(text) <= SCARE_MAX_WORDS:
        return "scare"
    first = next((ch for ch in spoken_text(text) if ch.isalnum()), "")
    if first.isupper() or first.isdigit():
        ends_clause = bool(re.search(r"[.,!?…:;]\W*$", text.rstrip()))
        rest = after.lstrip()
        runs_on = bool(rest) and not ends_clause and rest[0] not in ",.;:!?—–-)"
        if not runs_on:
            return "full"
    return "partial"


# --------------------------------------------------------------------------- attribution


@dataclass(frozen=True)
class Speaker:
    """Who said something: canonical ``name`` (or the text's own words), ``side``, ``type``, and
    ``text`` -- the words the article used for them there ("the chancellor", "he")."""

    name: str
    side: str
    type: str
    text: str
    role: str = ""  # one of SPEAKER_TYPES, "" until typed
    gender: str = ""  # "f" or "m" where the text says (an honorific, a pronoun)

    @property
    def is_person(self) -> bool:
        return self.type == "person"


NOBODY = Speaker("", "", "", "")


@dataclass
class Cue:
    """A reporting verb in a paragraph, with the subject the attribution rules found for it."""

    start: int
    end: int
    lemma: str
    window: int  # index of its sentence window in the paragraph
    form: str = ""  # as written, case folded ("said", "according to")
    subject: Speaker | None = None
    subject_start: int | None = None
    inherits: bool = False  # no subject of its own: takes the previous cue's
    fallback: Speaker | None = None  # for a participle with no cue before it: the sentence's

    @property
    def participle(self) -> bool:
        """An -ing form (", saying"), whose subject is the clause's, never its own."""
        return self.form.endswith("ing")


@dataclass
class _Paragraph:
    """One paragraph prepared for attribution: its text, quotation pieces, sentence windows,
    candidate subjects and cues (all outside the quotation marks)."""

    text: str
    covered: list[tuple[int, int]]  # quoted text with its marks
    windows: list[tuple[int, int]]
    candidates: list[tuple[int, int, Mention | str]]
    cues: list[Cue]
    candidate_ends: set[int] = field(default_factory=set)
    people: list = field(default_factory=list)  # (start, end, Speaker) of persons named
    people_starts: list[int] = field(default_factory=list)
    _starts: list[int] | None = None

    def window_of(self, pos: int) -> int:
        """The index of the window holding ``pos`` (the last one for a position past the end)."""
        starts = [start for start, _ in self.windows] if self._starts is None else self._starts
        self._starts = starts
        index = bisect.bisect_right(starts, pos) - 1
        if index < 0 or pos >= self.windows[-1][1]:
            return len(self.windows) - 1
        return index

    def people_before_index(self, position: int) -> int:
        """How many of ``people`` start before ``position`` (a binary search: the look-ups of
        pronouns and subjects stay linear in a long paragraph)."""
        return bisect.bisect_left(self.people_starts, position)

    def outside(self, start: int, end: int) -> bool:
        """Whether ``[start, end)`` touches no quoted stretch (a binary search: the stretches are
        sorted and do not overlap)."""
        i = bisect.bisect_right(self.covered_ends, start)
        return i == len(self.covered) or self.covered[i][0] >= end

    @functools.cached_property
    def covered_ends(self) -> list[int]:
        return [e for _, e in self.covered]


def _covered(text: str, pieces: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Quoted stretches including their marks (a mark just outside a piece is part of it)."""
    out = []
    for start, end in pieces:
        s = start - 1 if start > 0 and text[start - 1] in DOUBLE_MARKS + "'‘’" else start
        e = end + 1 if end < len(text) and text[end] in DOUBLE_MARKS + "'‘’" else end
        out.append((s, e))
    return out


def sentence_windows(text: str, covered: Sequence[tuple[int, int]]) -> list[tuple[int, int]]:
    """The sentences of ``text`` for attribution: split after . ! ? … outside quotation marks,
    never after an abbreviation ("Mr.", "U.S."), so a quotation of several sentences and its
    "he said" stay in one window. Windows tile the text: ``[(0, b1), (b1, b2), ..., (bn, len)]``."""
    bounds = [0]
    ends = [e for _, e in covered]  # sorted: quoted stretches do not overlap
    for match in _SENTENCE_END.finditer(text):
        gap = match.start(1)
        i = bisect.bisect_right(ends, gap)
        if i < len(covered) and covered[i][0] < gap:
            continue
        if _search_before(_ABBREVIATION, text, gap):
            continue
        if _attribution_follows(text, match):
            continue
        bounds.append(match.end(1))
    bounds.append(len(text))
    return [(a, b) for a, b in zip(bounds, bounds[1:], strict=False) if b > a]


_NEXT_WORDS = re.compile(r"\S+")


def _attribution_follows(text: str, match: re.Match[str]) -> bool:
    """Whether a sentence end is a quotation's own "?" or "!" followed by its attribution:
    '"Will you sign it?" Moreau asked in return.' The speaker after a closing mark belongs to
    that quotation, whatever punctuation closes it, so the sentence goes on."""
    ending = match.group(0)
    if ending[0] not in "?!" or not any(ch in ending for ch in "”\"’'"):
        return False
    cues = load_cues()
    for i, word in enumerate(_NEXT_WORDS.finditer(text, match.end(1))):
        if i > 4:
            break
        if cues.pattern.match(text, word.start()):
            return True
    return False


def _cue_matches(text: str, para: _Paragraph, cues: CueLexicon) -> list[Cue]:
    """Reporting verbs outside quotation marks, skipping nouns ("a call", "the warning") and -ing
    forms that are not participles of reporting (", saying" and "by saying" are)."""
    found = []
    for match in scan(cues.pattern, cues.first_words, text):
        start, end = match.span()
        if not para.outside(start, end):
            continue
        previous = _previous_word(text, start).casefold()
        if previous in _words("determiners"):
            continue
        form = match.group(0).casefold()
        single = " " not in form  # "according to" is a phrase, not a verb
        if (
            single
            and not _past(form)
            and not form.endswith("ing")
            and not _verb_position(para, start)
        ):
            continue
        bare = text[max(0, start - _LOOKBACK) : start].rstrip().rstrip(DOUBLE_MARKS + "’")
        if form.endswith("ing") and not (
            not bare
            or bare.endswith((",", ":", "—", "–"))
            or previous in _words("participle_after")
        ):
            continue
        lemma = cues.lemma_of[" ".join(form.split())]
        following = _next_word(text, end)
        if following and following.casefold() in cues.not_followed_by[lemma]:
            continue
        found.append(Cue(start, end, lemma, para.window_of(start), form=form))
    if cues.after_quotation:
        more = _after_quotation_cues(text, para, cues) + _reports_that_cues(text, para, cues)
        found = sorted(found + more, key=lambda c: c.start)
    return found


def _after_quotation_cues(text: str, para: _Paragraph, cues: CueLexicon) -> list[Cue]:
    """The ``after_quotation`` forms of ``cues.yml`` right after a closing mark ('...,"
    reports Corrie Driebusch'): verbs there, nouns elsewhere."""
    found = []
    for match in cues.after_quotation_pattern.finditer(text):
        start, end = match.span(1)
        if para.outside(start, end):
            lemma = cues.after_quotation[match.group(1).casefold()]
            found.append(Cue(start, end, lemma, para.window_of(start), form=match.group(1)))
    return found


def _reports_that_cues(text: str, para: _Paragraph, cues: CueLexicon) -> list[Cue]:
    """The ``after_quotation`` forms of ``cues.yml`` as verbs after a name inside a sentence and
    before "that": "Wee of the Times reports that censors had ...". Not after a nationality
    ("Russian reports that") or a sentence's first word ("Local reports that")."""
    found = []
    for match in _REPORTS_THAT.finditer(text):
        start, end = match.span(1)
        form = match.group(1).casefold()
        if form not in cues.after_quotation or not para.outside(start, end):
            continue
        previous = _previous_word(text, start)
        opening = _end_before_space(text, start) - len(previous)
        before = _end_before_space(text, opening)
        if (
            not previous[:1].isupper()
            or _DEMONYM.match(previous)
            or before == 0
            or text[before - 1] in '.!?“"'
        ):
            continue
        found.append(Cue(start, end, cues.after_quotation[form], para.window_of(start), form=form))
    return found


_REPORTS_THAT = re.compile(r"(?<=\w)\s+([a-z]+)\s+that\b")


#: Adjectives of nationality: "Western claims", "Russian reports" are nouns after them.
_DEMONYM = re.compile(r"^[A-Z][a-z]+(?:an|ern|ish|ese)$")


def _past(form: str) -> bool:
    return form.endswith("ed") or form in _words("past_forms")


def _verb_position(para: _Paragraph, start: int) -> bool:
    """Whether a present or base form at ``start`` ("says", "call", "claims") stands where a
    verb would: right after its subject (an actor, a pronoun, a capitalised name), an adverb or
    an auxiliary, at the start of the sentence or right after a quotation ('...," says
    Novak'). "a conference call" and "Western claims" do not."""
    before_end = _end_before_space(para.text, start)
    if before_end == 0 or para.text[before_end - 1] in '.:;“"”':
        return True  # a sentence's start, or right after a closing mark ('...," says Novak')
    if para.text[before_end - 1] == "," and _PARENTHETICAL_SUBJECT.match(para.text, start):
        return True  # "The biggest reason, writes Charlotte Beyer, is ..."
    if before_end in para.candidate_ends:
        return True
    previous = _previous_word(para.text, start)
    if previous.casefold() in _words("verb_before") or previous.endswith("ly"):
        return True
    if previous.islower():
        # "his lawyers maintain", "an officer shouts": a noun after a determiner, then a
        # present form that agrees with it ("a conference call" does not).
        determiner = _previous_word(para.text, _end_before_space(para.text, start) - len(previous))
        form = para.text[start : _end_of_word(para.text, start)].casefold()
        agrees = previous.endswith("s") != form.endswith("s")
        return agrees and determiner.casefold() in _words("determiners")
    return previous[:1].isupper() and not _DEMONYM.match(previous)


def _prepare(
    text: str, pieces: list[tuple[int, int]], mentions: list[Mention], cues: CueLexicon
) -> _Paragraph:
    covered = _covered(text, pieces)
    para = _Paragraph(text, covered, sentence_windows(text, covered), [], [])
    candidates: list[tuple[int, int, Mention | str]] = [
        (m.start, m.end, m) for m in mentions if para.outside(m.start, m.end)
    ]
    candidates += [
        (m.start(), m.end(), m.group(0).casefold())
        for m in _PRONOUN.finditer(text)
        if para.outside(m.start(), m.end())
    ]
    para.candidates = sorted(candidates, key=lambda c: c[0])
    para.candidate_ends = {end for _, end, _ in para.candidates}
    para.cues = _cue_matches(text, para, cues)
    return para


class _Attributor:
    """Attribution state for one article: the lexicons and the last speakers named."""

    def __init__(self, actors: ActorLexicon, cues: CueLexicon) -> None:
        self.actors = actors
        self.cues = cues
        self.last_person: Speaker | None = None
        self.last_speaker: Speaker | None = None
        self.speakers: list[Speaker] = []
        self.people: dict[str, Speaker] = {}  # surname -> person named in this article
        self.people_before: list[Speaker] = []  # persons named in earlier paragraphs, in order
        self.descriptions: list[tuple[str, Speaker]] = []  # words around each name, in order
        self.bodies: list[Speaker] = []  # bodies named as subjects, in order
        self.named_bodies: list[Speaker] = []  # bodies named anywhere, in order
        self.issuer: Speaker | None = None  # the body last seen issuing a statement
        self.lone_names: list[Speaker] = []  # one-word names of subjects ("Spotify announced")
        self.speaking_names: frozenset[str] = frozenset()  # one-word names next to a cue

    def read_speaking_names(self, texts: Sequence[str]) -> None:
        """Remember the one-word names that stand right next to a reporting verb anywhere in
        the article ("Andrew said" in its seventh paragraph), so that "Andrew doesn't remember
        ..." in its second is already a person a pronoun can stand for. One pass, linear."""
        names = set()
        for text in texts:
            for match in _SPEAKING_NAME.finditer(text):
                word = match.group(1) or match.group(4)
                form = (match.group(2) or match.group(3)).casefold()
                if form in self.cues.lemma_of and _is_surname(word, self.actors):
                    names.add(word)
        self.speaking_names = frozenset(names)

    # ---- who a candidate is
    def speaker_of(self, para: _Paragraph, candidate: tuple[int, int, Mention | str]) -> Speaker:
        start, end, what = candidate
        if isinstance(what, Mention):
            recent = self.recent_with_head(what.title) if what.kind == "title" else None
            if recent is not None and (what.actor is None or what.resolved == "only"):
                return dataclasses.replace(recent, text=what.surface)
            if what.actor is None:
                return self.unknown(what.surface)
            actor = self.actors.by_name[what.actor]
            return Speaker(actor.name, actor.side, actor.type, what.surface)
        if what == "who":
            return self.relative_antecedent(para, start)
        pronoun = para.text[start:end]
        person = self.antecedent(para, start, "f" if pronoun.casefold() == "she" else "m")
        if person is not None:
            return dataclasses.replace(person, text=pronoun)
        return self.unknown(pronoun)

    def relative_antecedent(self, para: _Paragraph, start: int) -> Speaker:
        """Who "who" at ``start`` is: the actor, the person named or the description right
        before it ("Jonathan Alvarez, 18, of Queens, who ...", "a 21-year-old resident who
        would say only ..."); the bare word "who" (of unknown type) if nothing is there."""
        index = bisect.bisect_left(para.candidates, start, key=lambda c: c[0]) - 1
        if index >= 0:  # an actor mention right before "who" (", who" at most between)
            before = para.candidates[index]
            if isinstance(before[2], Mention) and re.fullmatch(
                r"\s*,?\s*", para.text[before[1] : start]
            ):
                return dataclasses.replace(self.speaker_of(para, before), text="who")
        index = para.people_before_index(start) - 1
        if index >= 0:
            _, end, person = para.people[index]
            if re.fullmatch(r"(?:,[^,.;:“”\"]{0,30})*,?\s*", para.text[end:start]):
                return dataclasses.replace(person, text="who")
        named = _NAME_BEFORE_WHO.search(para.text, max(0, start - _LOOKBACK), start)
        if named is not None and not _is_function_word(named.group(1).split()[0]):
            # "he had visited Pullman, who had told him": a name an object, still "who"'s.
            speaker = self.unknown(named.group(1))
            if speaker.is_person:
                return dataclasses.replace(speaker, text="who")
        window = para.windows[para.window_of(start)][0]
        found = _np_before(para.text, window, start)
        if found is None:
            return Speaker("", "", "", "who")  # "first learned who had written it": nobody
        return self.unknown(found[0])

    def antecedent(self, para: _Paragraph, position: int, gender: str) -> Speaker | None:
        """The person "he" or "she" at ``position`` stands for: the nearest person named before
        it (in this paragraph, else in the ones before), not in a possessive ("Mr Joseph's
        department") and not of the other gender where the text gave one. The person chosen
        takes the pronoun's gender, so "she" later skips the men named since."""
        found = None
        for i in range(para.people_before_index(position) - 1, -1, -1):
            speaker = self.latest(para.people[i][2])
            if speaker.gender in ("", gender):
                found = speaker
                break
        if found is None:
            found = next(
                (
                    p
                    for p in map(self.latest, reversed(self.people_before))
                    if p.gender in ("", gender)
                ),
                None,
            )
        last = self.last_person
        if found is None and last is not None and last.gender in ("", gender):
            found = last
        if found is not None and not found.gender:
            found = dataclasses.replace(found, gender=gender)
            self.know(found)
        return found

    def latest(self, person: Speaker) -> Speaker:
        """``person`` as last known: a gender a later pronoun gave ("filmmaker Charlie
        McDowell ... he said" makes him a man, whom a later "she" skips)."""
        known = self.people.get(_surname(person.name)) if person.name else None
        return known if known is not None and known.name == person.name else person

    def know(self, person: Speaker) -> None:
        """Remember a person by surname, so that "Isaac" later means "Oscar Isaac", keeping a
        gender learnt before ("he said", then "McDowell laughed")."""
        if person.is_person and person.name:
            known = self.people.get(_surname(person.name))
            if known is not None and known.name == person.name and not person.gender:
                person = dataclasses.replace(person, gender=known.gender)
            self.people[_surname(person.name)] = person

    def unknown(self, words: str, at: tuple[_Paragraph, int] | None = None) -> Speaker:
        """A speaker the lexicon does not know, under the text's own words.

        A description ending in a name is the named person ("Ukraine's defence minister Oleksii
        Reznikov" -> "Oleksii Reznikov", a person); a description whose head noun is one of the
        lexicon's ``anonymous_heads`` is anonymous ("a senior European diplomat"); anything else
        is of unknown type. The side comes from a country word in the description, if any.
        """
        words = " ".join(words.split()).strip(" ,")
        if words.casefold() in _REPORTER:
            return Speaker("", "", "", words)  # the writer's "I asked": nobody quoted
        if words.casefold() == "they":
            return Speaker(words, "unknown", "anonymous", words)  # "they chant": a group
        if words.casefold() == "it" and self.last_body() is not None:
            return dataclasses.replace(self.last_body(), text=words)  # "it added": the body
        known = resolve(words, self.actors)
        if known is not None:
            return Speaker(known.name, known.side, known.type, words)
        body = self.speaks_for(words) or self.body_in(words)
        if body is not None:
            return body
        country, side = self.actors.country_of(words)
        side = side if country else "unknown"
        owner = _possessive_owner(words)
        if owner:
            return Speaker(owner, side, "institution", words)
        name = self.actors.trailing_name(words)
        if name:
            person = self.people.get(_surname(name))
            if (
                person is not None
                and _surname(person.name) == _surname(name)
                and len(person.name.split()) >= len(name.split())
            ):
                return dataclasses.replace(person, text=words)
            person = Speaker(name, side, "person", words, gender=_gender_of(words))
            self.know(person)
            return person
        bare = _HONORIFIC_START.sub("", words)
        if _is_surname(bare, self.actors):
            person = self.people.get(_surname(bare))
            if person is not None and _genders_agree(person.gender, _gender_of(words)):
                return dataclasses.replace(person, text=words)
            person = Speaker(bare, side, "person", words, gender=_gender_of(words))
            self.know(person)
            return person
        tokens = words.split()
        head = tokens[-1].casefold() if tokens else ""
        core = _OF_PHRASE.split(words, maxsplit=1)[0].split()  # "a member (of the League)"
        core_head = core[-1].casefold().strip(",.") if core else ""
        if len(core) == 2 and core[0].casefold() == "the" and self.body_called(core_head):
            return dataclasses.replace(self.body_called(core_head), text=words)  # "the coalition"
        issuer = self.issuer_of(tokens)
        if issuer is not None:
            return dataclasses.replace(issuer, text=words)  # "the statement continued"
        if (
            len(core) >= 2
            and core[0].casefold() == "the"
            and core_head in load_references().back_references
            and self.referred_body() is not None
        ):
            return dataclasses.replace(self.referred_body(), text=words)  # "the agency said"
        if len(tokens) >= 2 and tokens[0].casefold() == "the":
            # "the prosecutor": the person named with that noun; else the unnamed speaker last
            # quoted with it ("one legal expert ... the expert warned"); else the person last
            # named, for a noun of a person's trade.
            linked = self.described_as(head) or self.recent_with_head(head)
            if (
                linked is None
                and len(tokens) <= 4
                and head.islower()
                and head not in load_references().generic_people
                and self.is_person_noun(head)
            ):
                # "the director", "the veteran winger", "the Portuguese boss", "the 56-year-old"
                linked = self.nearest_person(_gender_of(head), at)
            if linked is not None:
                return dataclasses.replace(linked, text=words)
        # "the voice", "the researchers": a short description with no name is an unnamed
        # source; a longer one ("the defence ministry in Moscow") may describe a body.
        described = _is_unnamed_description(core)
        type_ = "anonymous" if head in self.actors.anonymous_heads or described else "unknown"
        return Speaker(words, side, type_, words)

    # ---- the subject of a cue
    def subject_before(self, para: _Paragraph, cue: Cue, floor: int) -> tuple[Speaker, int] | None:
        """The cue's subject to its left: the nearest actor mention or pronoun separated from the
        verb by at most a few words ("Putin on Tuesday said", "The Kremlin has cast") or by the
        comma closing an appositive ("Blinken, US secretary of state, said")."""
        text = para.text
        # Candidates are sorted by start: only those starting before the cue can be its subject.
        first_after = bisect.bisect_left(para.candidates, cue.start, key=lambda c: c[0])
        for candidate in reversed(para.candidates[:first_after]):
            start, end, _ = candidate
            if end > cue.start:
                continue
            if start < floor:
                break
            gap = text[end : cue.start]
            if not _is_subject_gap(gap):
                break
            if "," in _TRANSPARENT.sub(" ", gap) and not _opens_chunk(text, start):
                break
            preceding = _previous_word(text, start)
            if preceding and preceding.casefold() in _words("prepositions"):
                break
            named = self.named_after(para, candidate, cue)
            if named is not None:
                return named, start
            return self.speaker_of(para, candidate), start
        last = para.people_before_index(cue.start) - 1
        while last >= 0 and para.people[last][1] > cue.start:
            last -= 1
        if last >= 0:
            # "At a briefing on Monday, government spokeswoman Anna Berg said": a name the
            # lexicon does not know, however the sentence opens.
            start, end, person = para.people[last]
            gap = text[end : cue.start]
            if start >= floor and (
                (
                    _is_subject_gap(gap)
                    and ("," not in _TRANSPARENT.sub(" ", gap) or _opens_chunk(text, start))
                )
                or _LONG_APPOSITIVE.fullmatch(gap)
            ):
                return person, start
        nickname = _quoted_name_before(para, cue.start)
        if nickname is not None:
            return self.unknown(nickname[2]), nickname[0]
        body = self.body_before(para, floor, cue.start)
        if body is not None:
            return body
        found = _np_before(text, floor, cue.start)
        if found is not None:
            return self.unknown(found[0], (para, found[1])), found[1]
        return None

    def named_after(self, para: _Paragraph, candidate, cue: Cue) -> Speaker | None:
        """A role from the lexicon followed by the text's own name for its holder: the name
        wins ("US President Donald Trump said" is Donald Trump, not the lexicon's 2022 US
        president). The lexicon's role applies only when the text gives no name."""
        _, end, what = candidate
        if not isinstance(what, Mention) or what.kind == "alias":
            return None
        index = para.people_before_index(end)
        if index < len(para.people):
            start, stop, person = para.people[index]
            if stop <= cue.start and not para.text[end:start].strip():
                actor = self.actors.get(what.actor or "")
                if actor is None or person.name not in actor.aliases:
                    return dataclasses.replace(person, text=para.text[candidate[0] : stop])
        return None

    def subject_after(self, para: _Paragraph, cue: Cue) -> Speaker | None:
        """An inverted subject right after the cue ("said Igor Konashenkov", "warned the prime
        minister", "according to Russia's foreign ministry")."""
        rest = para.text[cue.end : cue.end + _AFTER_CUE]  # a bounded look-ahead: linear
        skip = len(rest) - len(rest.lstrip())
        first = bisect.bisect_left(para.candidates, cue.end, key=lambda c: c[0])
        for candidate in itertools.islice(para.candidates, first, None):
            if candidate[0] > cue.end + _AFTER_CUE:
                break
            if candidate[0] == cue.end + skip or (
                candidate[0] > cue.end
                and _HONORIFIC_OR_ARTICLE.fullmatch(para.text[cue.end : candidate[0]])
            ):
                return self.speaker_of(para, candidate)
        person = self.person_after(para, cue.end)
        if person is not None:
            return person
        words = _np_after(rest)
        return self.unknown(words) if words else None

    def person_after(self, para: _Paragraph, position: int) -> Speaker | None:
        """The person named right after ``position``, behind at most a few words of a title
        ("said Rep. Brian Babin", "responded NASA administrator Jim Bridenstine"), or ``None``."""
        index = para.people_before_index(position)
        if index < len(para.people):
            start, _, person = para.people[index]
            if _TITLE_BEFORE_NAME.fullmatch(para.text, position, start):
                return person
        return None

    def attach_subjects(self, para: _Paragraph) -> None:
        """Find each cue's subject, in reading order, updating the last speakers as it goes."""
        for index, cue in enumerate(para.cues):
            window_start = para.windows[cue.window][0]
            # Cues are in reading order and quotations do not overlap, so the nearest closed
            # quotation and the previous cue of this sentence are found without a scan.
            closed = bisect.bisect_right(para.covered, cue.start, key=lambda c: c[1])
            floor = max(
                [window_start]
                + ([para.covered[closed - 1][1]] if closed else [])
                + (
                    [para.cues[index - 1].end]
                    if index and para.cues[index - 1].window == cue.window
                    else []
                )
                + [m.end() for m in _CLAUSE_BREAK.finditer(para.text, window_start, cue.start)]
            )
            if cue.participle or _previous_word(para.text, cue.start).casefold() == "to":
                # ", saying ...", "telling Sky News ...", "went so far as to call ...": the
                # subject is the clause's ("A soldier is heard saying", "The governor,
                # clarifying").
                cue.inherits = True
                cue.fallback = (
                    self.quoted_as(para, cue)
                    or self.infinitive_subject(para, cue)
                    or self.sentence_subject(para, cue)
                )
                if cue.fallback is None:
                    found = self.subject_before(para, cue, floor)
                    cue.fallback = found[0] if found is not None else None
            elif _search_before(_PASSIVE_BEFORE, para.text, cue.start):
                cue.subject = self.by_agent(para, cue) or self.raised_subject(para, cue, floor)
                if cue.subject is None and cue.lemma in _TOLD_VERBS:
                    # "she was warned that ...": the subject heard it; someone unnamed said it.
                    cue.subject = Speaker(*_UNNAMED)
            elif cue.lemma in self.cues.subject_follows:
                cue.subject = self.subject_after(para, cue)
            elif _parenthetical(para, cue):
                cue.subject = self.subject_after(para, cue)  # ", writes Charlotte Beyer,"
            else:
                found = self.subject_before(para, cue, floor)
                if found is not None:
                    cue.subject, cue.subject_start = found
                elif self._inverted(para, cue):
                    cue.subject = self.subject_after(para, cue)
                else:
                    lead = para.text[floor : cue.start].strip(" ,").split()
                    # "and said", "but added", "is said to have called": the verb before's.
                    ending = [w.casefold() for w in lead[-2:]]
                    cue.inherits = (
                        not lead
                        or ending[-1] in {"and", "but", "or", "then"}
                        or ending == ["to", "have"]
                    )
            if cue.subject is not None and cue.subject.name:
                self.remember(cue.subject)

    def _inverted(self, para: _Paragraph, cue: Cue) -> bool:
        """A cue right after a quotation's closing mark (and a comma) may have its subject after
        it: '"...," said Mr Kuleba', '"...", warned the prime minister'; so may one after a comma
        that a name or a description follows: '... "very little private sector investment" in
        new manufacturing, said Joseph Seneca, a Rutgers University economist'."""
        if _AFTER_QUOTE.search(para.text, para.windows[cue.window][0], cue.start):
            return True
        before = _end_before_space(para.text, cue.start)
        return (
            before > 0
            and para.text[before - 1] == ","
            and bool(_INVERTED_SUBJECT.match(para.text, cue.end))
        )

    def raised_subject(self, para: _Paragraph, cue: Cue, floor: int) -> Speaker | None:
        """The subject of a passive cue followed by an infinitive, who holds the view reported:
        "Michael Gove, who was education secretary, is said to believe that ..." is Gove's
        view; "Berg was reported to have called it ..." is Berg's. ``None`` for any other cue,
        and for the told-verbs ("she was told to say": someone else spoke)."""
        infinitive = _TO_INFINITIVE.match(para.text, cue.end)
        if cue.lemma in _TOLD_VERBS or infinitive is None:
            return None
        verb = infinitive.group(1).casefold()
        if verb not in self.cues.lemma_of and verb not in _VIEW_VERBS:
            return None  # "Activision is said to be one firm on its list": no view
        auxiliary = _search_before(_PASSIVE_BEFORE, para.text, cue.start)
        if auxiliary is None:
            return None
        at = dataclasses.replace(cue, start=auxiliary.start(), end=auxiliary.start())
        found = self.subject_before(para, at, floor)
        return found[0] if found is not None else None

    def quoted_as(self, para: _Paragraph, cue: Cue) -> Speaker | None:
        """Who "had quoted intelligence sources as saying" quotes: the words between "quoted"
        and "as" ("intelligence sources"); ``None`` for any other cue."""
        window_start = para.windows[cue.window][0]
        quoted = _QUOTED_AS.search(para.text, window_start, cue.start)
        return self.unknown(quoted.group(1)) if quoted else None

    def infinitive_subject(self, para: _Paragraph, cue: Cue) -> Speaker | None:
        """The person right before "to <cue>": "allowed Mosseri to claim", "asked Jane Doe to
        say" -- the one who speaks; ``None`` for any other cue."""
        window_start = para.windows[cue.window][0]
        named = _NAME_BEFORE_TO.search(para.text, window_start, cue.start)
        if named is None or _is_function_word(named.group(1).split()[0]):
            return None
        return self.unknown(named.group(1))

    def sentence_subject(self, para: _Paragraph, cue: Cue) -> Speaker | None:
        """The subject of the sentence a participle or an infinitive hangs on ("The German
        chancellor tried ..., saying ...", "McCarthy went so far as to call ...")."""
        return self.opening_subject(para, para.windows[cue.window][0], cue.start)

    def opening_subject(self, para: _Paragraph, start: int, limit: int) -> Speaker | None:
        """The subject that opens the sentence starting at ``start``, before ``limit``: its first
        actor or pronoun, else its first person named (the last of a title-and-name run: "Green
        Bay coach Mike McCarthy" is McCarthy), else a capitalised name that opens it ("Amazon
        released a statement") -- if no comma comes before it. ``None`` if there is none."""
        start = _after_opening_adverbial(para.text, start, limit)
        first = bisect.bisect_left(para.candidates, start, key=lambda c: c[0])
        if first < len(para.candidates) and para.candidates[first][0] < limit:
            candidate = para.candidates[first]  # the first actor or pronoun of the sentence
            if "," not in para.text[start : candidate[0]]:
                return self.speaker_of(para, candidate)
        index = para.people_before_index(start)  # a name the lexicon does not know
        if index < len(para.people):
            position, end, person = para.people[index]
            if position < limit and "," not in para.text[start:position]:
                for _, next_end, following in para.people[index + 1 :]:
                    gap = para.text[end : para.people_starts[index + 1]].split()
                    if len(gap) > 2 or not all(_is_title_word(w) for w in gap):
                        break
                    person, end, index = following, next_end, index + 1
                return person
        opening = _OPENING_NAME.match(para.text, start, limit)
        if opening and _opens_with_name(para.text, opening):
            body = self.body_opening(para.text, opening.start(1), limit)
            return body or self.unknown(opening.group(1))
        return None

    def body_opening(self, text: str, start: int, limit: int) -> Speaker | None:
        """The body whose name, joined by a connecting word, opens a sentence at ``start``
        ("The Bank of England held rates, saying ..." is the Bank of England, not "Bank")."""
        names = body_names(text[start:limit], self.actors)
        if names and text[start : start + names[0][0]].strip() in ("", "The", "the"):
            return self.body_in(names[0][2])
        return None

    def by_agent(self, para: _Paragraph, cue: Cue) -> Speaker | None:
        """The agent of a passive cue: "was welcomed as a 'good signal' by Mr Scholz"."""
        window_end = para.windows[cue.window][1]
        first = bisect.bisect_left(para.candidates, cue.end, key=lambda c: c[0])
        for candidate in itertools.islice(para.candidates, first, None):
            if candidate[0] >= window_end:
                break  # candidates are sorted: only this sentence's, so linear in a paragraph
            if _BY_AGENT.match(_mask(para, cue.end, candidate[0])):
                return self.speaker_of(para, candidate)
        agent = _AGENT_PHRASE.match(_mask(para, cue.end, window_end))
        return self.unknown(agent.group(1)) if agent else None

    def remember(self, speaker: Speaker) -> None:
        self.last_speaker = speaker
        self.speakers.append(speaker)
        if speaker.is_person:
            self.last_person = speaker
            self.know(speaker)

    def name_people(self, para: _Paragraph) -> None:
        """The persons named in a paragraph outside its quotations, in order (``para.people``):
        lexicon actors that are persons, and names the lexicon does not know ("CNN meteorologist
        Todd Borek", "Abney said"), for pronouns to find (:meth:`antecedent`)."""
        found: list[tuple[int, Speaker]] = []
        named: list[tuple[int, int]] = []
        # "than Rose-Lynn Harlan has ever been": a name compared with is no subject either.
        prepositions = _words("prepositions") | _COMPARISON
        for start, end, what in para.candidates:
            if isinstance(what, Mention):
                named.append((start, end))
            if isinstance(what, Mention) and what.actor is not None:
                actor = self.actors.by_name[what.actor]
                if (
                    actor.type == "person"
                    and not _possessive_after(para.text, end)
                    and _subject_position(para.text, start, prepositions)
                ):
                    speaker = Speaker(actor.name, actor.side, actor.type, what.surface)
                    found.append((start, end, speaker))
        bodies = self.note_body_names(para)
        self.note_statements(para)
        for start, end, affiliation in _name_runs(para.text):
            if affiliation:
                continue  # "Aston Villa's" in "Aston Villa's Carlton Cole": no person
            if _inside(bodies, start, end) or _spoken_for(para.text, start):
                continue  # "Doctors for Camp Closure", "a spokesperson for Home Depot": no person
            for s, e in named:  # "US President Donald Trump": the name after the role
                if s <= start < e < end:
                    start = e + len(para.text[e:end]) - len(para.text[e:end].lstrip())
            if not para.outside(start, end) or any(s < end and start < e for s, e in named):
                continue
            person = self.person_named(para, para.text[start:end], start, end)
            if person is None:
                self.note_body(para, start, end)
            if person is not None:
                around = _around(para.text, start, end)
                if not person.role:
                    role = self.actors.speaker_type_of(around)
                    if role:
                        person = dataclasses.replace(person, role=role)
                        self.know(person)
                self.descriptions.append((around, person))
            # Every name is remembered (so "Paltrow" later is "Gwyneth Paltrow"), but only a
            # subject can be what a pronoun stands for.
            if (
                person is not None
                and not _possessive_after(para.text, end)
                and _subject_position(para.text, start, prepositions)
            ):
                found.append((start, end, person))
                if len(person.name.split()) == 1:
                    self.lone_names.append(person)
        para.people = sorted(found, key=lambda item: item[0])
        para.people_starts = [start for start, _, _ in para.people]

    def note_body(self, para: _Paragraph, start: int, end: int) -> None:
        """Remember a body named as a subject ("Dick Clark Productions denied ..."), for "the
        production company" and "the statement" later (:meth:`last_body`)."""
        words = _POSSESSIVE_END.sub("", re.sub(r"^(?:The|A|An)\s+", "", para.text[start:end]))
        previous = _previous_word(para.text, start).casefold()
        if (
            (_is_body_name(words) or self.acts_as_body(words, para.text, end))
            and not _possessive_after(para.text, end)
            and previous not in _words("prepositions")
            and not _object_of_verb(para.text, start)
        ):
            country, side = self.actors.country_of(words)
            self.bodies.append(Speaker(words, side if country else "unknown", "institution", words))
        if _is_body_name(words):
            self.named_bodies.append(Speaker(words, "unknown", "institution", words))

    def acts_as_body(self, word: str, text: str, end: int) -> bool:
        """Whether one capitalised word the speaker lexicon lists as no person's name
        (``not_person_words``: "Boeing", "Apple", "Reuters") stands as a subject before a verb
        ("Boeing said", "Apple has", "Google announced"): a body, for "the company" later."""
        after = _next_word(text, end).casefold().strip(",.")
        verb = after in self.cues.lemma_of or after in _words("auxiliaries") or after.endswith("ed")
        return (
            " " not in word
            and word.casefold() in self.actors.not_person_words
            and not _is_function_word(word)
            and verb
        )

    def note_body_names(self, para: _Paragraph) -> list[tuple[int, int]]:
        """Remember the bodies a paragraph names with a connecting word (:func:`body_names`:
        "Doctors for Camp Closure"), wherever they stand, and as subjects those that are one;
        return where they are, for :meth:`name_people` to find no person inside them."""
        spans = []
        prepositions = _words("prepositions")
        for start, end, name in body_names(para.text, self.actors):
            if not para.outside(start, end):
                continue
            country, side = self.actors.country_of(name)
            body = Speaker(name, side if country else "unknown", "institution", name)
            self.named_bodies.append(body)
            if (
                not _possessive_after(para.text, end)
                and _previous_word(para.text, start).casefold() not in prepositions
                and not _object_of_verb(para.text, start)
            ):
                self.bodies.append(body)
            spans.append((start, end))
        return spans

    def note_statements(self, para: _Paragraph) -> None:
        """Remember the body that issues a statement ("Big Machine Records issued a statement",
        "Amazon released a statement"), for "the statement" later (:meth:`issuer_of`): the
        capitalised name right before the verb, when it names no person of the article."""
        for match in _ISSUED.finditer(para.text):
            if not para.outside(match.start(), match.end()):
                continue
            subject = _ISSUER.search(para.text, max(0, match.start() - 80), match.start())
            if subject is None:
                continue
            name = _POSSESSIVE_END.sub("", re.sub(r"^(?:The|A|An)\s+", "", subject.group(1)))
            if name.split()[0].casefold() in _words("prepositions") | _words("clause_words"):
                continue
            person = self.people.get(_surname(name)) or self.actors.trailing_name(name)
            if _is_body_name(name) or not person:
                self.issuer = Speaker(name, "unknown", "institution", name)

    def issuer_of(self, tokens: list[str]) -> Speaker | None:
        """Who "the statement" ("the statement continued", "the statement after its September
        meeting") is: the body last seen issuing one (:meth:`note_statements`), else the body
        last named, as a subject or not ("the Federal Open Market Committee's view ..., according
        to the statement"); ``None`` for other words or with no body named."""
        if len(tokens) < 2 or tokens[0].casefold() != "the":
            return None
        if tokens[1].casefold().strip(",.") not in _STATEMENTS:
            return None
        if _OWN_SOURCE.search(" ".join(tokens[2:])):
            return None  # "the statement from the Kremlin": its own source
        if self.issuer is not None:
            return self.issuer
        return self.last_body() or (self.named_bodies[-1] if self.named_bodies else None)

    def body_called(self, noun: str) -> Speaker | None:
        """The body last named with ``noun`` among the words of its name ("the coalition" ->
        "WeWorkers Coalition", "the doctors" -> "Doctors for Camp Closure"), or ``None``."""
        for body in reversed(self.named_bodies[-_RECENT_DESCRIPTIONS:]):
            if noun in (w.casefold() for w in body.name.split()):
                return body
        return None

    def speaks_for(self, words: str) -> Speaker | None:
        """The speaker of a description of someone who speaks for another (:func:`_speaks_for`):
        the body ("a WeWork spokesperson", "a spokesperson for the Governor's Office of
        Emergency Services" -> the body, whose words they are); for a person already named
        ("Swift's rep", "a Reed spokesman") an unnamed source. ``None`` for any other words."""
        if not _speaks_for(words):
            return None
        back = _SPEAKS_FOR_BODY.match(words)
        if back and back.group(1).casefold() in load_references().back_references:
            body = self.referred_body()  # "a spokesperson for the company"
            return dataclasses.replace(body, text=words) if body is not None else None
        before = _NAME_SPEAKS_FOR.match(words)
        after = _SPEAKS_FOR_NAME.match(words)
        owner = before.group(1) if before else after.group(2) if after else ""
        owner = _POSSESSIVE_END.sub("", owner or _possessive_owner(words))
        if not owner or owner.casefold().split()[0] in _ARTICLES:
            return None
        person = self.people.get(_surname(owner))
        if person is not None and person.name.endswith(owner.split()[-1]):
            return Speaker(words, "unknown", "anonymous", words)
        country, side = self.actors.country_of(owner)
        return Speaker(owner, side if country else "unknown", "institution", words)

    def body_before(
        self, para: _Paragraph, floor: int, cue_start: int
    ) -> tuple[Speaker, int] | None:
        """A description ending in a body's name right before a cue, however long ("a
        spokesperson for the Governor's Office of Emergency Services said", "A 2019 study by
        the Institute for Fiscal Studies, a London think tank, concluded"): :meth:`body_in` of
        the words from their clause's start, with where they start; else ``None``."""
        text = para.text
        floor = max(floor, cue_start - _BODY_REACH)  # a long sentence stays linear
        for start, end, _ in reversed(body_names(text[floor:cue_start], self.actors)):
            gap = text[floor + end : cue_start]
            if not (_is_subject_gap(gap) or _LONG_APPOSITIVE.fullmatch(gap)):
                return None
            chunks = list(_CHUNK.finditer(text, floor, floor + end))
            begin = chunks[-1].start() + _lead(chunks[-1].group(0)) if chunks else floor + start
            body = self.body_in(text[begin : floor + end])
            return (body, begin) if body is not None else None
        return None

    def body_in(self, words: str) -> Speaker | None:
        """The body a description ends with, named with a connecting word (:func:`body_names`),
        when the words before it name no one: "The Centre for Economic Policy Research", "a
        2019 study by the Institute for Fiscal Studies" -> the body; "Mary Jones of the Bank of
        England" stays Mary Jones."""
        found = body_names(words, self.actors)
        if not found or words[found[-1][1] :].strip(" ,.’'s"):
            return None
        start, _, name = found[-1]
        core = _OF_PHRASE.split(re.sub(r"\s+by\s+", " of ", words[:start]), maxsplit=1)[0]
        head = [w.casefold() for w in core.split() if w.casefold() not in _ARTICLES]
        if head and head[-1] not in _DOCUMENTS | load_references().speaks_for:
            return None  # "Mary Jones of the Bank", "a member of the Committee": not the body
        country, side = self.actors.country_of(name)
        return Speaker(name, side if country else "unknown", "institution", words)

    def referred_body(self) -> Speaker | None:
        """The body "the company" or "the agency" refers back to: the body last named as a
        subject (:meth:`last_body`); else the body last named anywhere ("shares of Acme Corp
        fell"); else the last one-word name of a subject that is no person the article gives a
        first name, an honorific or a gender ("Spotify announced ... the company said")."""
        if self.last_body() is not None:
            return self.last_body()
        if self.named_bodies:
            return self.named_bodies[-1]
        for name in reversed(self.lone_names[-_RECENT_DESCRIPTIONS:]):
            person = self.people.get(_surname(name.name), name)
            if len(person.name.split()) == 1 and not person.gender and name.text == name.name:
                return Speaker(name.name, name.side, "institution", name.name)
        return None

    def last_body(self) -> Speaker | None:
        """The body last named as a subject, or ``None``."""
        return self.bodies[-1] if self.bodies else None

    def person_named(self, para: _Paragraph, words: str, start: int, end: int) -> Speaker | None:
        """The person a run of capitalised words names, or ``None`` (a place, a body, a word
        that opens a sentence). Two to four name words after any title ("Patrol Chief James
        Hall"), or one that is the surname of a person already named or stands right next to a
        reporting verb ("Abney said", "said Foreman")."""
        words = re.sub(r"[’']s$", "", words)
        gender = _gender_of(words)
        tokens = words.split()
        while (
            tokens
            and tokens[0].casefold().strip(".,") in self.actors.not_person_words
            and not _HONORIFIC_START.match(tokens[0] + " ")
        ):
            tokens.pop(0)  # "But Doherty", "At Reuters": a sentence opening, not a name
        if len(tokens) >= 3 and _opens_a_question(tokens[0]):
            tokens.pop(0)  # "Would Adam Schiff" ("Will Smith" stays a name)
        if not tokens:
            return None
        if len(tokens) < len(words.split()):
            start = end - len(" ".join(tokens))
        words = " ".join(tokens)
        if resolve(words, self.actors) is not None or _is_body_name(words):
            return None
        if len(tokens) > 1 and tokens[0].casefold() in load_references().place_prefixes:
            return None  # "San Francisco", "Fort Worth": a place
        if _previous_word(para.text, start).casefold() in _ARTICLES:
            return None  # "the Upper Midwest", "the Justice League": a place or a body
        # "Sir Digby Jones", "Dr Jane Doe": the title is no part of the name.
        name = _HONORIFIC_START.sub("", self.actors.trailing_name(words))
        if len(name.split()) > 1 and not _names_a_body(name, self.actors):
            known = self.people.get(_surname(name))
            if known is not None and known.name.endswith(name):
                return self._with_gender(known, gender)
            person = Speaker(name, "unknown", "person", words, gender=gender)
            self.know(person)
            return person
        bare = _HONORIFIC_START.sub("", words)
        if not _is_surname(bare, self.actors):
            return None
        known = self.people.get(_surname(bare))
        if known is not None and _genders_agree(known.gender, gender):
            return self._with_gender(known, gender)  # "Mrs Blair" is not Tony Blair, a man
        before = _previous_word(para.text, start).casefold()
        after = _next_word(para.text, end).casefold().strip(",.")
        inverted = before in self.cues.lemma_of and not para.text[end : end + 2].strip(" ,.;:")
        if inverted or after in self.cues.lemma_of or bare != words or bare in self.speaking_names:
            person = Speaker(bare, "unknown", "person", words, gender=gender)
            self.know(person)
            return person
        return None

    def is_person_noun(self, noun: str) -> bool:
        """Whether "the <noun>" is a person's title or trade ("the director", "the actress"),
        not an unnamed source ("the official") nor a body ("the ministry")."""
        folded = noun.casefold()
        if _AGED.fullmatch(folded) or folded in load_references().person_back_references:
            return True
        if folded in self.actors.anonymous_heads or folded in self.actors.not_person_words:
            return False
        body = dict(self.actors.type_words).get("organisation", frozenset())
        return folded not in body and (
            folded in self.actors.title_words
            or any(folded in words for _, words in self.actors.type_words)
            or bool(_gender_of(noun))
        )

    def nearest_person(
        self, gender: str, at: tuple[_Paragraph, int] | None = None
    ) -> Speaker | None:
        """The person last named as a subject before position ``at`` (a paragraph and an
        offset; else in the paragraphs before), of ``gender`` where it is given: what "the
        director said" means when no one was called the director."""
        here: list[Speaker] = []
        if at is not None:
            para, position = at
            index = para.people_before_index(position)
            here = [person for _, _, person in para.people[max(0, index - 20) : index]]
        return next(
            (
                p
                for p in itertools.chain(reversed(here), reversed(self.people_before))
                if p.gender in ("", gender) or not gender
            ),
            None,
        )

    def _with_gender(self, person: Speaker, gender: str) -> Speaker:
        """``person``, now of ``gender`` if a later mention gives the gender an earlier one did
        not ("Mark Addison ... Mr Addison"), so that "she" skips him afterwards."""
        if gender and not person.gender:
            person = dataclasses.replace(person, gender=gender)
            self.know(person)
        return person

    def described_as(self, noun: str) -> Speaker | None:
        """The person "the <noun>" refers back to ("the prosecutor", "the actress"): the last
        person named with that noun in their title or appositive ("prosecutor Jane Doe", "Jane
        Doe, the prosecutor"); for a noun that gives a gender ("actress") and no such person,
        the last person of that gender. ``None`` when the article has no such person."""
        recent = self.descriptions[-_RECENT_DESCRIPTIONS:]
        for words, person in reversed(recent):
            if _heads(noun, words):
                return self.people.get(_surname(person.name), person)
        gender = _gender_of(noun)
        honorific = noun in ("mr", "mrs", "ms", "miss", "sir", "lord", "dame", "lady")
        if gender and not honorific and noun not in load_references().generic_people:
            for _, person in reversed(recent):
                person = self.people.get(_surname(person.name), person)
                if person.gender == gender:
                    return person
        return None

    def close_paragraph(self, para: _Paragraph) -> None:
        """After a paragraph: its persons become the ones pronouns in the next look back to."""
        self.people_before.extend(person for _, _, person in para.people)
        del self.people_before[:-20]

    def recent_with_head(self, title: str) -> Speaker | None:
        """The last speaker the lexicon does not know whose description ends in ``title``
        ("a Western intelligence official" for "the official")."""
        for speaker in reversed(self.speakers):
            if speaker.name not in self.actors.by_name and surface_key(speaker.text).endswith(
                " " + title
            ):
                return speaker
        return None


def _mask(para: _Paragraph, start: int, end: int) -> str:
    """``para.text[start:end]`` with quoted stretches blanked out."""
    chars = list(para.text[start:end])
    i = bisect.bisect_right(para.covered_ends, start)
    while i < len(para.covered) and para.covered[i][0] < end:
        s, e = para.covered[i]
        for j in range(max(s, start), min(e, end)):
            chars[j - start] = " "
        i += 1
    return "".join(chars)


#: A capitalised name opening a sentence, before a lower-case word: "Amazon released ...",
#: "The Pentagon said ..."
_OPENING_NAME = re.compile(
    r"\s*(?:[Tt]he\s+)?((?:[A-Z][\w&.’'-]*\s+){0,4}[A-Z][\w&.’'-]*)(?=\s+[a-z]|,)"
)


#: Words that open an adverbial before a sentence's subject: "In an interview on Monday,
#: Doherty was quoted ...", "After the hearing, Hawk Sawyer issued ...".
_ADVERBIAL_OPENERS = frozenset({"after", "before", "during", "since", "despite", "following"})


def _after_opening_adverbial(text: str, start: int, limit: int) -> int:
    """Where the subject of the sentence at ``start`` may begin: after an opening adverbial
    ("In an interview with PolitickerNJ.com published this morning, ") if there is one before
    ``limit``, else ``start``."""
    first = _next_word(text, start).casefold()
    if first in _words("prepositions") or first in _ADVERBIAL_OPENERS:
        comma = text.find(",", start, limit)
        if comma != -1:
            return comma + 1
    return start


def names_unnamed_group(words: str, actors: ActorLexicon) -> bool:
    """Whether a subject with no determiner is a group of people named by their trade or
    station only ("Prosecutors said", "Federal prosecutors alleged", "Teachers chanted"): one
    to three words ending in a plural noun the speaker-type words (a body's excepted) or the
    person nouns of ``references.yml`` hold, no word but the first capitalised. Such a group
    is anonymous, never a person called "Teachers" nor a body."""
    tokens = [t.strip(",.") for t in words.split()]
    if not 1 <= len(tokens) <= 3 or any(t[:1].isupper() for t in tokens[1:]):
        return False
    head = tokens[-1].casefold()
    if not head.endswith("s") or (len(tokens) > 1 and not tokens[-1].islower()):
        return False
    people = load_references().person_back_references
    listed = {w for kind, ws in actors.type_words if kind != "organisation" for w in ws}
    return head in listed or head[:-1] in people | listed


def _is_unnamed_description(tokens: list[str]) -> bool:
    """Whether words describe someone without naming them: two to four words opened by "a",
    "the", "one", "his" ..., ending in a lower-case noun, with no capitalised word between
    but a nationality ("the researchers", "a Ukrainian soldier") -- or any after "one" or
    "another" ("one Weibo commenter")."""
    if not 1 < len(tokens) <= 4 or not tokens[-1].islower():
        return False
    first = tokens[0].casefold()
    if first in {"one", "another"}:
        return True
    return first in _DESCRIPTION_START and not any(
        t[:1].isupper() and not _DEMONYM.match(t) for t in tokens[1:-1]
    )


def _opens_with_name(text: str, opening: re.Match[str]) -> bool:
    """Whether capitalised words opening a sentence name someone ("Amazon released",
    "Customs and Border Protection, part of ...") rather than being its first common words
    ("Human hibernation has", "Amid growing criticism"): not a function word, and a single
    word only before a verb in the past ("released", "said")."""
    words = opening.group(1).split()
    if _is_function_word(words[0]):
        return False
    if len(words) > 1 or _is_body_name(words[0]):
        return True
    following = _next_word(text, opening.end(1)).casefold()
    return following.endswith("ed") or following in _words("past_forms")


def _is_function_word(word: str) -> bool:
    """A preposition, clause word, determiner, auxiliary or pronoun of ``cues.yml`` ("In",
    "But", "This"): never a name, even capitalised at a sentence's start."""
    folded = word.casefold()
    return folded in _PRONOUNS or any(
        folded in _words(kind)
        for kind in ("prepositions", "clause_words", "determiners", "auxiliaries")
    )


def _is_title_word(word: str) -> bool:
    """A lower-case word of a title between two name runs ("Green Bay coach Mike McCarthy"):
    not a verb form (-ed, -s of a reporting verb) and not a function word."""
    folded = word.casefold()
    return (
        word.islower()
        and not folded.endswith("ed")
        and folded not in load_cues().lemma_of
        and folded not in _words("clause_words")
        and folded not in _words("prepositions")
        and folded not in _words("auxiliaries")
    )


#: A one-word name right before a word ("Andrew said": groups 1 and 2) or right after one and
#: before a stop ("said Andrew.": groups 3 and 4); the word is checked against the cues.
_SPEAKING_NAME = re.compile(
    r"(?<![\w’'-])(?:([A-Z][a-z][\w’'-]*)\s+(\w+)(?=[\s,.;:])"
    r"|(\w+),?\s+([A-Z][a-z][\w’'-]*)(?=[,.;:]))"
)
#: Words after which a name is compared with, not the subject a pronoun stands for.
_COMPARISON = frozenset({"than", "like", "unlike"})
#: A name right before a relative "who": "Pullman, who".
_NAME_BEFORE_WHO = re.compile(r"(?<![\w’'-])((?:[A-Z][\w’'-]+\s+){0,3}[A-Z][\w’'-]+),?\s*$")


def _name_runs(text: str):
    """The runs of capitalised words of ``text`` (:data:`_NAME_RUN`) as ``(start, end,
    affiliation)``, cut after a possessive inside one when a full name follows it ("Aston
    Villa's Carlton Cole" is "Aston Villa's", an affiliation, and "Carlton Cole") or a person's
    possessive ("Mr Brown's Budget" is "Mr Brown's" and "Budget", a thing). Otherwise the run
    stays whole ("People's Daily", "Arsenal's Edu")."""
    for match in _NAME_RUN.finditer(text):
        start, end = match.span()
        for owner in _POSSESSIVE_INSIDE.finditer(text, start, end):
            rest = text[owner.end() : end].split()
            if len(rest) < 2 and not _HONORIFIC_START.match(text[start:end]):
                break
            yield start, owner.end(), True
            start = owner.end()
            while start < end and text[start].isspace():
                start += 1
        yield start, end, False


#: How far after a cue its inverted subject is looked for (characters).
_AFTER_CUE = 300
#: A possessive inside a run of capitalised words ("Mr Brown's Budget"): the name ends there.
_POSSESSIVE_INSIDE = re.compile(r"[’']s(?=\s)")
#: A run of capitalised words (initials, honorifics and name particles allowed).
_NAME_RUN = re.compile(
    r"(?<![\w’'-])(?:(?:Mr|Mrs|Ms|Miss|Dr|Sir|Lord|Dame|Lady|Sen|Gov|Rep|Gen)\.?\s+)?"
    r"(?:[A-Z][\w’'-]*(?<![’'])|(?:[A-Z]\.)+)"
    r"(?:\s+(?:(?:[A-Z]\.)+(?=\s+[A-Z])|[A-Z][\w’'-]*(?<![’'])|(?:de|van|von|da|bin)(?=\s+[A-Z])))*"
)
_HONORIFIC_START = re.compile(r"^(?:Mr|Mrs|Ms|Miss|Dr|Sir|Lord|Dame|Lady|Sen|Gov|Rep|Gen)\.?\s+")
_FEMALE = re.compile(r"\b(?:Mrs|Ms|Miss|Dame|Lady|actress|wife|mother|daughter|sister|woman)\b")
_MALE = re.compile(r"\b(?:Mr|Sir|Lord|husband|father|son|brother|man)\b")
#: The writer (or an interviewer) speaking of themselves: never a quoted speaker.
_REPORTER = frozenset({"i", "we", "me", "us"})
#: "the <noun>" looks back over at most this many named persons.
_RECENT_DESCRIPTIONS = 50
#: A description, not a name, opens with one of these ("the voice", "a resident").
_DESCRIPTION_START = frozenset({"a", "an", "the", "one", "some", "another", "his", "her", "their"})
_OWNED = re.compile(
    r"^(?:(?:a|an|the)\s+)?((?:[A-Z][\w&.-]*(?:[’']s)?\s+){0,4}?[A-Z][\w&.-]*)(?:[’']s|[’'])\s+"
    r"(?:\w+\s+)?(?:statement|forecast|report|analysis|survey|study|data|spokesperson|spokesman|"
    r"spokeswoman|website|account|post|letter|note|release|blog|office)\b"
)


_CLAUSE_START = re.compile(
    r"[,;:—–(“”\".!?]|\b(?:and|but|or|while|when|as|after|before|because)\b", re.IGNORECASE
)


def _object_of_verb(text: str, start: int) -> bool:
    """Whether a name at ``start`` is the object of a verb in its clause ("Scholz met Ukrainian
    President Volodymyr Zelenskyy"): a lower-case past form (-ed or an irregular one of
    ``cues.yml``) stands between the clause's start and the name. A pronoun looks for subjects."""
    begin = max(0, start - _LOOKBACK)
    ends = [m.end() for m in _CLAUSE_START.finditer(text, begin, start)]
    clause = text[ends[-1] if ends else begin : start]
    irregular = _words("past_forms") | _words("verbs_before_objects")
    lemma_of = load_cues().lemma_of
    return any(
        word.islower()
        and (word.endswith("ed") or word in irregular)
        and lemma_of.get(word, "tell") == "tell"  # "said X" inverts; "told X" has an object
        for word in re.findall(r"[\w’'-]+", clause)
    )


_APPOSITIVE = re.compile(r",\s+((?:a|an|the)\s+[^,.;:“”\"]{1,80})")


def _around(text: str, start: int, end: int) -> str:
    """The words that describe a name: the few before it ("CNN meteorologist") and an
    appositive after it (", a spokesman for the state transport department")."""
    before = " ".join(text[max(0, start - 40) : start].split()[-3:])
    appositive = _APPOSITIVE.match(text, end)
    return f"{before} {text[start:end]} {appositive.group(1) if appositive else ''}".strip()


def _heads(noun: str, words: str) -> bool:
    """Whether ``noun`` is the head of a title or appositive in ``words`` ("prosecutor Jane
    Doe", "Jane Doe, the prosecutor for the district"), not a modifier of another noun
    ("airline boss Tony Fernandes" is not "the airline")."""
    tokens = words.split()
    for i, token in enumerate(tokens):
        if token.casefold().strip(",.") != noun:
            continue
        following = tokens[i + 1] if i + 1 < len(tokens) else ""
        if not following.islower() or following in _words("prepositions") | _words("clause_words"):
            return True
    return False


def _surname(name: str) -> str:
    """The last word of a name, folded ("Sen. Michael Doherty" -> "doherty")."""
    words = name.split()
    return fold_typography(words[-1]).casefold().strip(".,") if words else ""


def _gender_of(words: str) -> str:
    """ "f" or "m" where an honorific or a noun in the words says so, else ""."""
    if _FEMALE.search(words):
        return "f"
    if _MALE.search(words):
        return "m"
    return ""


def _possessive_after(text: str, end: int) -> bool:
    """Whether a name ending at ``end`` is a possessive: "Putin's", "Wright-Phillips' form"."""
    return (
        text[end : end + 2] in ("’s", "'s")
        or text[end - 2 : end] in ("’s", "'s")
        or (text[end - 1 : end] == "s" and text[end : end + 1] in ("’", "'"))
    )


def _possessive_owner(words: str) -> str:
    """The body that owns a document or a spokesperson ("a Moody's Analytics' forecast in
    June" -> "Moody's Analytics"; "the ministry's spokesperson" has none: no name)."""
    match = _OWNED.match(words)
    return match.group(1) if match else ""


#: A word joining the words of a body's name ("Doctors for Camp Closure", "Office of Emergency
#: Services", "Committee on Foreign Relations", "Mothers Against Drunk Driving").
_BODY_CONNECTOR = re.compile(r"\s+(?:for|of|on|against|Against)\s+(?:the\s+)?(?=[A-Z])")
_CAPITALISED_BEFORE = re.compile(r"(?:[A-Z][\w’'&.-]*\s+){0,3}[A-Z][\w’'&-]*$")
_CAPITALISED_AFTER = re.compile(
    r"[A-Z][\w’'&-]*(?:\s+(?:(?:and|&)\s+)?[A-Z][\w’'&-]*(?<![’'.]))*(?<![.,])"
)
_POSSESSIVE_END = re.compile(r"[’']s?$")


#: How far before a cue a description ending in a body's name is looked for (characters: a
#: long appositive after the name included).
_BODY_REACH = 400


def _inside(spans: list[tuple[int, int]], start: int, end: int) -> bool:
    """Whether ``[start, end)`` overlaps one of ``spans`` (sorted, not overlapping): a binary
    search, so a paragraph naming many bodies stays linear."""
    index = bisect.bisect_right(spans, start, key=lambda span: span[1])
    return index < len(spans) and spans[index][0] < end


def _is_body_head(word: str, connector: str, alone: bool) -> bool:
    """Whether ``word`` before a connector makes the run a body's name: a word that ends one
    ("Office", "Centre", "Committee": ``name_endings`` and ``back_references`` of
    ``references.yml``), or a plural standing alone before "for"/"against" (an advocacy
    group: "Doctors for Camp Closure", "Veterans Against the War")."""
    folded = word.casefold()
    references = load_references()
    if folded in references.name_endings or folded in references.back_references:
        return True
    plural = re.fullmatch(r"[A-Z][a-z]{2,}[^su’'s]s", word) is not None
    return alone and plural and connector.strip().casefold() in ("for", "against")


def _names_office(words: list[str], tail: list[str], name: str, actors: ActorLexicon) -> bool:
    """Whether a title joined to its portfolio by "for" names an office that speaks with no
    holder named ("the United Nations High Commissioner for Human Rights said"; "CEO of
    Take-Two" stays the person's title): the word before the connector is a title word and no person's name ends the portfolio after other words of it
    ("Minister of Foreign Affairs Jan Nowak" is Nowak's title; "Human Rights" alone is the
    portfolio, not a person)."""
    holder = bool(name) and len(name.split()) < len(tail)
    return words[-1].casefold() in actors.title_words and not holder and len(tail) <= 4


def body_names(text: str, actors: ActorLexicon) -> list[tuple[int, int, str]]:
    """The bodies ``text`` names with a connecting word inside the name, as ``(start, end,
    name)``: "the Centre for Economic Policy Research" -> "Centre for Economic Policy
    Research", "Doctors for Camp Closure", "Governor's Office of Emergency Services". A
    person's title is no body ("Minister of Foreign Affairs Jan Nowak"), nor is a name after the
    body's ("Bank of England Governor Andrew Bailey" ends at "England")."""
    found: list[tuple[int, int, str]] = []
    for connector in _BODY_CONNECTOR.finditer(text):
        if found and connector.start() < found[-1][1]:
            continue  # "Office of Emergency Services of ...": inside the body before
        left = _CAPITALISED_BEFORE.search(text, max(0, connector.start() - 80), connector.start())
        right = _CAPITALISED_AFTER.match(text, connector.end())
        if left is None or right is None:
            continue
        words = left.group(0).split()
        while words and words[0].casefold() in _ARTICLES | _words("prepositions"):
            words.pop(0)
        if not words:
            continue
        tail = right.group(0).split()
        name = actors.trailing_name(" ".join(tail))
        if not (
            _is_body_head(words[-1], connector.group(0), len(words) == 1)
            or (connector.group(0).split()[0] == "for" and _names_office(words, tail, name, actors))
        ):
            continue
        if name and len(name.split()) < len(tail):  # "England Governor | Andrew Bailey"
            tail = tail[: len(tail) - len(name.split())]
        while tail and tail[-1].casefold() in actors.title_words and len(tail) > 1:
            tail.pop()
        start = connector.start() - len(" ".join(words))
        end = connector.end() + len(" ".join(tail))
        if text[connector.end() : end] != " ".join(tail):
            continue  # two spaces or a line break inside: not one name
        body = _POSSESSIVE_END.sub("", text[start:end])
        found.append((start, start + len(body), body))
    return found


#: What a body issues and the text then calls "the statement" ("the statement continued").
_STATEMENTS = frozenset({"statement", "release", "communique", "communiqué"})
_ISSUED = re.compile(
    r"\b(?:issued|released|put\s+out|posted|published|shared|sent|e-?mailed|tweeted|"
    r"issues|releases|posts|publishes|shares)\s+(?:a|an)\s+(?:[\w-]+\s+){0,2}?"
    r"(?:statement|release|communiqu[eé])\b"
)
#: "the statement from the Kremlin", "the release by Acme": a statement naming its source.
_OWN_SOURCE = re.compile(r"\b(?:from|by|of)\s+(?:the\s+)?[A-Z]")
#: The issuer's name right before the verb ("On Monday, Big Machine Records | issued").
_ISSUER = re.compile(
    r"((?:[A-Z][\w’'&.-]*\s+){0,4}[A-Z][\w’'&.-]*)\s+(?:(?:has|had|also|then|later|quickly)\s+)*$"
)

#: Documents that speak for the body that wrote them ("a 2019 study by the Institute for Fiscal
#: Studies concluded"), besides the ``back_references`` of ``references.yml``.
_DOCUMENTS = frozenset({"study", "survey", "analysis", "forecast", "paper", "poll", "review"})
_FOR_BEFORE = re.compile(r"(\w+)\s+(?:for|of|from|at)\s+(?:the\s+)?$")


def _spoken_for(text: str, start: int) -> bool:
    """Whether the name at ``start`` follows a noun of ``speaks_for`` and "for" ("a
    spokesperson for Home Depot"): whom the speaker speaks for, not a person of the sentence."""
    match = _FOR_BEFORE.search(text, max(0, start - 40), start)
    return match is not None and match.group(1).casefold() in load_references().speaks_for


def _body_head(name: str) -> str:
    """The word of a body's name that says what it is: the last before a connecting word, else
    the last ("Workers United Coalition" -> "Coalition", "Ministry of Defence" -> "Ministry"),
    so that a body is typed by what it is, not by a word of its name ("Workers")."""
    connector = _BODY_CONNECTOR.search(name)
    words = name[: connector.start()].split() if connector else name.split()
    return words[-1] if words else ""


def _speaks_for(words: str) -> bool:
    """Whether a description's head is someone who speaks for another ("a WeWork
    spokesperson", "Swift's rep", "a spokesperson for Home Depot"; ``speaks_for`` of
    ``references.yml``)."""
    core = _OF_PHRASE.split(words, maxsplit=1)[0].split()
    # "US Trade Representative Robert Zoellick": a capitalised title, not a spokesperson.
    return (
        bool(core) and core[-1].islower() and core[-1].strip(",.") in load_references().speaks_for
    )


#: "a WeWork spokesperson", "the Home Depot spokesman": a name before the noun.
_NAME_SPEAKS_FOR = re.compile(
    r"^(?:(?:a|an|the)\s+)?((?:[A-Z][\w’'&.-]*\s+){0,3}[A-Z][\w’'&.-]*)\s+(\w+)$"
)
#: "a spokesperson for the company": a back-reference after it.
_SPEAKS_FOR_BODY = re.compile(r"^(?:(?:a|an|the)\s+)?(?:[a-z][\w-]*\s+)?\w+\s+for\s+the\s+(\w+)$")
#: "a spokesperson for Home Depot", "a representative of the Kremlin": a name after it.
_SPEAKS_FOR_NAME = re.compile(
    r"^(?:(?:a|an|the)\s+)?(?:[a-z][\w-]*\s+)?(\w+)\s+(?:for|of|from|at)\s+(?:the\s+)?"
    r"((?:[A-Z][\w’'&.-]*\s+){0,5}[A-Z][\w’'&.-]*)$"
)


def _is_surname(word: str, actors: ActorLexicon) -> bool:
    """One capitalised word that could be a surname: not a title, a country word or a word
    that names a body or a place (see ``not_person_words`` in ``actors.yml``)."""
    if " " in word or not word[:1].isupper() or not word[1:2].islower():
        return False
    folded = word.casefold()
    return (
        folded not in actors.title_words
        and not actors.country_pattern.fullmatch(word)
        and folded not in actors.not_person_words
    )


def _names_a_body(name: str, actors: ActorLexicon) -> bool:
    """Whether a run of capitalised words names a body or a place ("US Airways Express",
    "New Jersey"), by its words (``not_person_words``) or a country word."""
    return any(
        w.casefold().strip(".,") in actors.not_person_words or actors.country_pattern.fullmatch(w)
        for w in name.split()
    )


def _opens_chunk(text: str, start: int) -> bool:
    """Whether the words at ``start`` open their comma-delimited stretch, as an appositive does
    ("Blinken, US secretary of state, said"; not "Scholz, speaking after Putin, said")."""
    comma = text.rfind(",", 0, start)
    return _end_before_space(text, start) <= comma + 1


#: What a subject may carry between it and its verb without changing who speaks: a
#: parenthesis ("Dawn Addiego (R-Burlington)"), a sentence adverbial (", for example,") and an
#: affiliation ("James Hall with the New York Police Department", "Anna Berg of Reuters").
_TRANSPARENT = re.compile(
    r"\s*\([^()“”\"]{1,60}\)"
    r"|,\s*(?:for example|for instance|however|meanwhile|in turn|though|too|in a statement)\s*,"
    r"|^\s*(?:with|of|at|from)\s+(?:the\s+)?(?:[A-Z][\w.&’'-]*\s+){0,5}[A-Z][\w.&’'-]*(?=\s*,?\s*$)"
)


#: What may stand between an inverted cue and the name of its subject: up to three words of a
#: title, no punctuation ("responded | NASA administrator | Jim Bridenstine").
_TITLE_BEFORE_NAME = re.compile(r"\s*(?:(?:the\s+)?(?:[\w’'&-]+\s+){1,3})?")


#: A long appositive between a named person and the verb, commas inside it allowed: "Jim
#: Chilton, senior vice president ... at Boeing Defense, Space, and Security, said"; "Prince
#: Andrew, the nearly 60-year-old younger brother of ..., Charles, has reportedly told". It opens
#: with an article or a lower-case word (a description, not a list of names) and ends with a
#: comma, an auxiliary or an adverb at most before the verb.
_LONG_APPOSITIVE = re.compile(
    r",\s+(?:(?:a|an|the)\s|[a-z0-9])[^“”\";:()]{0,200}?,"
    r"(?:\s+(?:has|have|had|also|then|later|reportedly|once|again|previously|recently))*\s*"
)


def _is_subject_gap(gap: str) -> bool:
    """Whether ``gap`` can separate a subject from its verb: nothing, the comma of an
    appositive, or up to four words none of which starts a new clause or is a quote mark, once
    parentheses, sentence adverbials and an affiliation are set aside (:data:`_TRANSPARENT`)."""
    gap = _TRANSPARENT.sub(" ", gap)
    if not gap.strip() or re.fullmatch(r"\s*,\s*", gap):
        return True
    if any(ch in gap for ch in DOUBLE_MARKS + ",;:()"):
        return False
    words = gap.split()
    return len(words) <= _GAP_MAX_WORDS and not any(
        w.casefold() in _words("clause_words") or w.casefold() in _words("prepositions") - {"on"}
        for w in words
    )


#: What may stand between "said" and the subject of a verb in its complement clause.
_COMPLEMENT = re.compile(r"\s*(?:that\s+)?(?:(?:the|a|an)\s+)?")
_SO_CALLED = re.compile(r"\bso[-‑\s]called\s*$", re.IGNORECASE)
_CHUNK = re.compile(r"[^,;:()“”\"—–]+")
_ARTICLES = frozenset({"a", "an", "the"})
#: A description opened by one of these names nobody ("his lawyers", "their spokesman").
_POSSESSIVES = frozenset({"his", "her", "their", "its"})
#: Where the head of a description ends: "a member | of the Justice League".
_OF_PHRASE = re.compile(r"\s+(?:of|for|at|with|from)\s+")
_PRONOUNS = frozenset({"i", "we", "you", "he", "she", "it", "they", "there", "here"})


def _np_before(text: str, floor: int, cue_start: int) -> tuple[str, int] | None:
    """Words just before a cue that could be its subject when no actor or pronoun is there, and
    where they start; ``None`` if there are none.

    The stretch back to a comma, quote mark, clause word ("and", "that") or the sentence start,
    auxiliaries and adverbs dropped ("A senior official has said"); one to six words starting
    with a capital or an article. When a comma stands right before the cue, the subject is the
    appositive if it is a name ("A spokeswoman for the State Department, Jalina Porter, said"),
    else the noun phrase before it ("A senior diplomat, speaking on condition of anonymity,
    said").
    """
    chunks = [(m.start(), m.group(0)) for m in _CHUNK.finditer(text, floor, cue_start)]
    if not chunks:
        return None
    last_start, last = chunks[-1]
    if last.strip() or len(chunks) < 2:
        return _noun_phrase(last_start, last)
    # "..., <appositive>, said": the cue follows a comma.
    appositive = _noun_phrase(*chunks[-2])
    if appositive is not None and (_is_name(appositive[0]) or len(chunks) == 2):
        return appositive  # "..., Jalina Porter, said"; "The governor, clarifying"
    return _noun_phrase(*chunks[-3]) if len(chunks) >= 3 else None


def _noun_phrase(start: int, chunk: str) -> tuple[str, int] | None:
    """The noun phrase ending ``chunk`` (see :func:`_np_before`) and its offset, or ``None``."""
    spans = [(m.start() + start, m.group(0)) for m in re.finditer(r"\S+", chunk)]
    while (
        spans
        and spans[-1][1].casefold() in _words("auxiliaries")
        or (spans and spans[-1][1].casefold().endswith("ly") and spans[-1][1].islower())
    ):
        spans.pop()
    for i in range(len(spans) - 1, -1, -1):
        if spans[i][1].casefold() in _words("clause_words"):
            spans = spans[i + 1 :]
            break
    while len(spans) > 1 and _opens_a_question(spans[0][1]) and spans[1][1][:1].isupper():
        spans = spans[1:]  # "Would Adam Schiff have called": the name, not "Would"
    if not 1 <= len(spans) <= _NP_MAX_WORDS or _is_clause([w for _, w in spans]):
        return None
    first = spans[0][1]
    if not (first[:1].isupper() or first.casefold() in _DESCRIPTION_START | _POSSESSIVES):
        return None  # "A senior official", "one Weibo commenter", "his lawyers"
    prepositions = _words("prepositions")
    if first.casefold() in prepositions or spans[-1][1].casefold() in prepositions:
        return None
    return " ".join(w for _, w in spans), spans[0][0]


def _opens_a_question(word: str) -> bool:
    """A capitalised auxiliary opening a question before a name ("Would", "Did", "Has"): no
    part of the subject's name."""
    return word[:1].isupper() and word.casefold() in _words("auxiliaries")


def _is_clause(words: list[str]) -> bool:
    """Whether words taken for a subject are a clause: a capitalised name, then adverbs at
    most, then a verb in the past ("Buckley first learned", "Harper quickly realized")."""
    for i, word in enumerate(words[1:], start=1):
        folded = word.casefold()
        if word.islower() and _past(folded):
            return words[i - 1][:1].isupper() or all(
                w.islower() and (w.endswith("ly") or w in _words("auxiliaries")) for w in words[1:i]
            )
        if word.islower() and not (folded.endswith("ly") or folded in _words("auxiliaries")):
            return False
    return False


def _is_name(words: str) -> bool:
    """Two to four capitalised words, optionally after an honorific: "Jalina Porter"."""
    tokens = words.split()
    if tokens and tokens[0].rstrip(".") in {"Mr", "Mrs", "Ms", "Miss", "Dr"}:
        tokens = tokens[1:]
    return 2 <= len(tokens) <= 4 and all(t[:1].isupper() for t in tokens)


def _np_after(rest: str) -> str:
    """An inverted subject the lexicon does not know: capitalised words ("said John Smith") or
    an indefinite description up to the next comma or stop ("said a senior official")."""
    match = re.match(
        r"\s+((?:(?:Mr|Mrs|Ms|Dr)\.?\s+)?(?:[A-Z][\w’'-]+\s+){0,6}[A-Z][\w’'-]+)", rest
    )
    if match:
        return match.group(1)
    match = re.match(r"\s+((?:an?|the|one|another)\s+[^,.;:“”\"]{1,60}?)(?=[,.;:]|$)", rest)
    if match and len(match.group(1).split()) <= _NP_MAX_WORDS:
        return match.group(1)
    return ""


# --------------------------------------------------------------------------- one article


@dataclass(frozen=True)
class _Attribution:
    """Who said a quotation, with which verb (lemma), by which rule, and -- if a cue did it --
    which one (``(paragraph index, cue index)``)."""

    speaker: Speaker | None
    cue: str
    rule: str
    source: tuple[int, int] | None = None


UNATTRIBUTED = _Attribution(None, "", "none")


@dataclass
class _Found:
    span: Span
    text: str
    kind: str
    attribution: _Attribution


@dataclass
class _Article:
    """What one article (or headline) yields: its quotations and every cue with a speaker."""

    quotes: list[_Found]
    reported: list[tuple[int, Cue, Speaker, bool]]  # paragraph index, cue, speaker, quoted


def _resolve_cue(para: _Paragraph, index: int) -> tuple[Speaker | None, str, int]:
    """The speaker of the cue ``para.cues[index]``, its lemma, and the index of the cue whose
    attribution it is: its own subject; for a cue without one (", adding", "and said") the
    previous cue's in the same sentence; for a cue in the complement of an earlier one ("Putin
    said Nato countries told him ..."), the earlier one's speaker and verb."""
    cue = para.cues[index]
    # The cues of one sentence window are consecutive: the one before is the only candidate.
    earlier = [index - 1] if index and para.cues[index - 1].window == cue.window else []
    if cue.subject is None:
        if cue.inherits and earlier:
            speaker, _, _ = _resolve_cue(para, earlier[-1])
            return speaker, cue.lemma, index
        return cue.fallback, cue.lemma, index
    if earlier and cue.subject_start is not None:
        outer = para.cues[earlier[-1]]
        between = para.text[outer.end : cue.subject_start]
        # "Reuters reported that Putin told reporters ...": a source that reports keeps no
        # speaker from the one it reports.
        if outer.subject is not None and outer.lemma != "report" and _COMPLEMENT.fullmatch(between):
            return _resolve_cue(para, earlier[-1])
    return cue.subject, cue.lemma, index


def _by_cue(para: _Paragraph, p: int, index: int, rule: str) -> _Attribution:
    speaker, lemma, source = _resolve_cue(para, index)
    if lemma == "according to":
        rule = "according to"
    return _Attribution(speaker, lemma, rule, (p, source))


def _attribute(
    span: Span, paras: list[_Paragraph], state: _Attributor, memory: dict
) -> _Attribution:
    """The attribution of one quotation, by the rules of the module docstring, in order."""
    p_first, p_last = span.paragraph, span.pieces[-1][0]
    first, last = paras[p_first], paras[p_last]
    open_at = span.open_mark if span.open_mark is not None else span.start
    window = first.window_of(open_at)
    w_start = first.windows[window][0]
    close_at = span.close_mark if span.close_mark is not None else span.end
    last_window = last.window_of(max(close_at - 1, 0))

    # 0. the so-called "people's republics": the writer's distance, nobody's words.
    if _search_before(_SO_CALLED, first.text, open_at):
        return _Attribution(None, "", "so-called")
    if _possessive_term(first, span):
        return UNATTRIBUTED  # the "whistleblower's" identity: a word, not words said

    # 1. he "stressed ...": a subject right before the mark, a cue as the quotation's first word.
    words = first.text[span.start : span.start + _LOOKBACK].split(maxsplit=1)
    lemma = state.cues.lemma_of.get(words[0].strip(".,").casefold()) if words else None
    subject = []
    index = bisect.bisect_left(first.candidates, open_at, key=lambda c: c[0])
    while index > 0 and first.candidates[index - 1][1] > open_at:
        index -= 1
    if index and not first.text[first.candidates[index - 1][1] : open_at].strip():
        subject = [first.candidates[index - 1]]
    if lemma and subject:
        return _Attribution(state.speaker_of(first, subject[-1]), lemma, "in-quote")

    # 2. a cue whose subject (or which itself) follows the closing mark directly.
    # Cues are in reading order: those after the mark in its sentence are a run found by bisection.
    first_after = bisect.bisect_left(last.cues, close_at, key=lambda c: c.start)
    after = []
    for i in range(first_after, len(last.cues)):
        if last.cues[i].window != last_window:
            break
        after.append(i)
    if (
        after
        and span.close_mark is not None
        and _follows_directly(last.text, close_at + 1, last.cues[after[0]])
    ):
        return _by_cue(last, p_last, after[0], "after")

    # 2b. "directives from Xi to '...'", "his claim ... that the pair were '...'": a quotation
    # in the complement of a noun of speech goes to the noun's owner.
    owner = _speech_owner(first, state, w_start, open_at)
    if owner is not None:
        return _Attribution(owner, "", "owner")

    # 3. the nearest cue before it in the sentence, this side of a clause break.
    floor = max([w_start] + [m.end() for m in _CLAUSE_BREAK.finditer(first.text, w_start, open_at)])
    lo = bisect.bisect_left(first.cues, floor, key=lambda c: c.start)
    hi = bisect.bisect_right(first.cues, open_at, key=lambda c: c.start)
    before = [i for i in range(lo, hi) if first.cues[i].end <= open_at]
    if before:
        found = _by_cue(first, p_first, before[-1], "before")
        if found.speaker is not None:
            return found

    # 4. any later cue in the sentence with a subject of its own.
    for i in after:
        if last.cues[i].subject is not None:
            return _by_cue(last, p_last, i, "after")

    # 5. "X: '...'"
    head = first.text[w_start:open_at].rstrip()
    if head.endswith(":"):
        colon_at = w_start + len(head) - 1  # the colon's offset in the paragraph
        colon = [c for c in first.candidates if w_start <= c[0] and c[1] <= colon_at]
        if colon and not first.text[colon[-1][1] : colon_at].strip():
            return _Attribution(state.speaker_of(first, colon[-1]), "", "colon")
        # "Former mayor Rudy Giuliani echoed the sentiment, but laid blame on Obama: '...'":
        # with no reporting verb, the sentence's subject introduces what follows its colon.
        opener = state.opening_subject(first, w_start, colon_at)
        if opener is not None and opener.name and opener.type != "unknown":
            return _Attribution(opener, "", "colon")

    # 5b. "Ward sees Stadia's lineup as its 'Achilles heel'", "Benioff introduced Cook as
    # '...'": a characterisation with no reporting verb is the sentence subject's.
    if _AS_FRAME.search(first.text, max(w_start, open_at - 40), open_at + 1):
        opener = state.opening_subject(first, w_start, open_at)
        if opener is not None and opener.name and opener.type != "unknown":
            return _Attribution(opener, "", "as")
        viewer = _VIEWED_AS.search(first.text, max(w_start, open_at - 80), open_at + 1)
        if (
            viewer is not None
            and first.outside(viewer.start(), viewer.end(1))
            and not _is_function_word(viewer.group(1).split()[-1])
        ):
            return _Attribution(state.unknown(viewer.group(1)), "", "as")

    # 6. carried within the paragraph, or continued from the paragraph before -- but not the
    # writer's own word ('The goal is to deliver a "seamless experience" that ...').
    if _writers_word(first, span, window):
        return UNATTRIBUTED
    earlier = _latest(memory, p_first, window)
    if earlier is not None:
        return _Attribution(earlier, "", "carried")
    # 6b. "Aderholt returned to the issue. '...?'": a quotation that opens a sentence, with no
    # verb and no speaker before it in its paragraph, is the person the sentence before names
    # as its subject.
    if window and open_at == w_start + _lead(first.text[w_start:]):
        previous = first.windows[window - 1]
        opener = state.opening_subject(first, previous[0], previous[1])
        if opener is not None and opener.is_person and opener.name:
            return _Attribution(opener, "", "sentence before")
    opens = open_at == _lead(first.text) and window == 0
    if opens and ("paragraph", p_first - 1) in memory:
        return _Attribution(memory[("paragraph", p_first - 1)], "", "continued")
    # 6c. "That process led to a realization: '<a sentence>'": a full sentence quoted in a
    # paragraph that names no one outside its quotation marks goes on with the speaker of the
    # paragraph before.
    if ("paragraph", p_first - 1) in memory and _names_no_one(first, span, open_at):
        return _Attribution(memory[("paragraph", p_first - 1)], "", "continued")
    # 7. question and answer: the writer's question, then an answer in quotation marks with
    # no verb ("What did Suh say after the play?" / '"He was running off the field."'): the
    # answer is the interviewee's, the speaker before the question.
    asked = opens and p_first >= 2 and _is_question(paras[p_first - 1])
    if asked and ("paragraph", p_first - 2) in memory:
        return _Attribution(memory[("paragraph", p_first - 2)], "", "answer")
    return UNATTRIBUTED


#: Someone a sentence may be about before a quotation: then the quoted words may be theirs.
_SOMEONE = re.compile(r"\b(?:he|she|they|we|i)\b", re.IGNORECASE)


def _writers_word(para: _Paragraph, span: Span, window: int) -> bool:
    """Whether a quotation is a word the writer holds at a distance, not words carried over
    from the paragraph's last speaker: a fragment of at most :data:`SCARE_MAX_WORDS` words in
    lower case, naming a thing (:func:`_names_a_thing`) inside a sentence that goes on after
    it in lower case ('a "seamless experience" that presents', 'a "business" or "creator" one',
    'two "deliveries" of payloads'), whose sentence has no reporting verb, quotes nothing longer, names no one
    ('All "relevant sites" were disinfected, reports Wee') and has no subject pronoun before
    it ('He called the plan "a disgrace" and left' stays his)."""
    if len(span.pieces) != 1 or span.open_mark is None or span.close_mark is None:
        return False
    if _is_said_text(para.text[span.start : span.end]):
        return False
    after = para.text[span.close_mark + 1 : span.close_mark + 40].lstrip(' ”"')
    if not after[:1].islower() or para.text[span.start : span.end].rstrip()[-1:] in ".!?":
        return False  # the fragment ends its sentence: an evaluation carried over, perhaps
    if not _names_a_thing(para.text, span.open_mark):
        return False  # 'must "augment and support"', 'are "quite closely modelled"': said
    index = bisect.bisect_left(para.cues, window, key=lambda c: c.window)
    if index < len(para.cues) and para.cues[index].window == window:
        return False
    w_start, w_end = para.windows[window]
    first = bisect.bisect_right(para.covered_ends, w_start)
    stretches = itertools.takewhile(lambda c: c[0] < w_end, para.covered[first:])
    if any(_is_said_text(para.text[s:e].strip('“”"')) for s, e in stretches):
        return False
    head = para.text[w_start : span.open_mark]
    people = para.people_before_index(w_end) - para.people_before_index(w_start)
    return not people and not _SOMEONE.search(head)


#: Numbers that may stand before a term as a determiner does ("two 'deliveries'").
_NUMBER_WORDS = frozenset(
    ["two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "many", "several"]
)
_COORDINATED = re.compile(r"[”\"]\s*(?:and|or)\s*$")


def _names_a_thing(text: str, open_mark: int) -> bool:
    """Whether the quoted words stand where the writer names a thing: right after a determiner
    or a number ('a "seamless experience"', 'two "deliveries"') or after another quoted term
    and "or" ('a "business" or "creator" one') -- not after a verb, a modal or an adverb, where
    a speaker's words are woven in ('must "augment and support"')."""
    if _COORDINATED.search(text, max(0, open_mark - 10), open_mark):
        return True
    word = _previous_word(text, open_mark).casefold()
    return word in _words("determiners") or word in _NUMBER_WORDS or word.isdigit()


_POSSESSIVE_WORD = re.compile(r"[^\W\d_][\w-]*[’']s?")


def _possessive_term(para: _Paragraph, span: Span) -> bool:
    """Whether the quotation is one lower-case word in the possessive before a noun ('the
    "whistleblower's" identity'): the writer's distance from a word, whatever verb stands near
    (nobody says a possessive on its own)."""
    if len(span.pieces) != 1 or span.close_mark is None:
        return False
    quoted = para.text[span.start : span.end].strip()
    after = para.text[span.close_mark + 1 : span.close_mark + 30]
    return (
        quoted[:1].islower()
        and _POSSESSIVE_WORD.fullmatch(quoted) is not None
        and re.match(r"\s+[a-z]", after) is not None
    )


def _is_said_text(quoted: str) -> bool:
    """Whether quoted text is more than :data:`SCARE_MAX_WORDS` words or opens with no
    lower-case letter: something said, not a word the writer holds at a distance."""
    first = next((ch for ch in quoted if ch.isalnum()), "")
    return not first.islower() or spoken_words(quoted) > SCARE_MAX_WORDS


# --------------------------------------------------------------------------- people as speakers

#: "is said to believe", "was reported to have called": an infinitive after a passive cue.
_TO_INFINITIVE = re.compile(r"\s+to\s+(?:have\s+)?([a-z]+)")
#: Verbs of holding a view, besides the reporting verbs: "is said to believe that ...".
_VIEW_VERBS = frozenset(
    {
        "believe",
        "believed",
        "think",
        "thought",
        "feel",
        "felt",
        "regard",
        "regarded",
        "consider",
        "considered",
        "view",
        "viewed",
        "want",
        "wanted",
        "favour",
        "favor",
        "oppose",
        "opposed",
        "support",
        "supported",
        "prefer",
        "preferred",
        "fear",
        "feared",
        "see",
        "seen",
    }
)
#: A reporting verb between commas with a name after it, inside a sentence: ", writes Charlotte
#: Beyer," -- the inverted subject of a parenthetical attribution.
_PARENTHETICAL_SUBJECT = re.compile(
    r"[\w’'-]+\s+(?:(?:Mr|Mrs|Ms|Dr)\.?\s+)?(?:[A-Z][\w’'-]+\s+){0,3}[A-Z][\w’'-]+\s*,"
)
#: A person's name for the owner of a noun of speech: up to four capitalised words.
_OWNER_NAME = r"(?:(?:Mr|Mrs|Ms|Dr)\.?\s+)?(?:[A-Z][\w’'-]+\s+){0,3}[A-Z][\w’'-]+"
#: How far before a quotation's opening mark a noun of speech is looked for (characters).
_OWNER_LOOKBACK = 250
#: Words at most between a noun of speech and the quotation in its complement (more with
#: "that": "his claim in the same interview that the pair were '...'").
_OWNER_GAP_WORDS, _OWNER_THAT_GAP_WORDS = 6, 14


#: How many words of a title or a possessive may stand between a preposition and a name
#: ("belonging to Epstein's madame-procurer Ghislaine Maxwell").
_OBJECT_TITLE_WORDS = 4
_PASSIVE_AUXILIARIES = frozenset({"was", "were", "is", "are", "be", "been", "being"})


def _subject_position(text: str, start: int, prepositions: frozenset[str]) -> bool:
    """Whether a name at ``start`` can be what a later pronoun stands for: a passive's agent
    ("was later denied by Andrew") is the doer; otherwise no object of a preposition
    (:func:`_prepositional_object`) or of a verb (:func:`_object_of_verb`)."""
    if _previous_word(text, start).casefold() == "by":
        by = _end_before_space(text, start) - 2
        if _passive_before(text, by):
            return True
    return not _prepositional_object(text, start, prepositions) and not _object_of_verb(text, start)


def _prepositional_object(text: str, start: int, prepositions: frozenset[str]) -> bool:
    """Whether the name at ``start`` is the object of a preposition, no subject a pronoun can
    stand for: the preposition right before it ("after Putin"), or before a possessive name
    and a few title words ("belonging to Epstein's madame-procurer Ghislaine Maxwell"). Title
    words alone do not make it one: "At the briefing spokeswoman Anna Berg said" opens with an
    adverbial, and Berg is its subject."""
    word = _previous_word(text, start)
    if word.casefold() in prepositions:
        return True
    position, owned = start, False
    for _ in range(_OBJECT_TITLE_WORDS):
        if owned and word.casefold() in prepositions:
            return True
        if not owned and word.islower() and word[-1:].isalpha() and not _past(word.casefold()):
            pass  # a title word: "madame-procurer"
        elif not owned and word[:1].isupper() and word.endswith(("’s", "'s", "’")):
            owned = True  # "Epstein's"
        elif not (owned and word.casefold() in _ARTICLES):
            return False
        position = _end_before_space(text, position) - len(word)
        word = _previous_word(text, position)
    return False


def _passive_before(text: str, position: int) -> bool:
    """Whether a passive whose subject names no one ends just before ``position``: "A photo
    of the meeting was (later) denied | by" -- not "She was suspended | by", "he had been
    impressed | by", whose subject is the person a later pronoun stands for."""
    participle = _previous_word(text, position)
    at = _end_before_space(text, position) - len(participle)
    auxiliary = _previous_word(text, at)
    if auxiliary.endswith("ly") or auxiliary in ("later", "also", "then", "since"):
        at = _end_before_space(text, at) - len(auxiliary)
        auxiliary = _previous_word(text, at)
    if not _past(participle.casefold()) or auxiliary.casefold() not in _PASSIVE_AUXILIARIES:
        return False
    subject = _previous_word(text, _end_before_space(text, at) - len(auxiliary))
    while subject.casefold() in _words("auxiliaries"):  # "had been", "has been"
        at = _end_before_space(text, at) - len(auxiliary)
        auxiliary = subject
        subject = _previous_word(text, _end_before_space(text, at) - len(auxiliary))
    return subject.islower() and subject.casefold() not in _PRONOUNS | _REPORTER


#: A speaker naming themselves: "I'm Tom Hale", "my name is Tom Hale", "I, Tom Hale, ...".
_SELF_NAMING = r"(?i:\bI[’']m|\bI am|\bname is|\bname[’']s|\bI,|\bme,)\s+"


def _not_named_inside(
    attribution: _Attribution, span: Span, para: _Paragraph, texts: Sequence[str]
) -> _Attribution:
    """A pronoun's person is not the speaker of a quotation that names them in the third person
    ("McDowell still laughs ... '... for Mary Steenburgen to just put her name on it,' she
    said"): the speaker is then the nearest other person named as a subject before the
    quotation in its paragraph, if there is one (the pronoun's gender set aside: the text
    contradicts itself); otherwise the attribution stands."""
    speaker = attribution.speaker
    if speaker is None or not speaker.is_person or speaker.text.casefold() not in ("he", "she"):
        return attribution
    quoted = " ".join(texts[q][s:e] for q, s, e in span.pieces)
    if len(speaker.name.split()) < 2 or speaker.name not in quoted:
        return attribution
    if re.search(_SELF_NAMING + re.escape(speaker.name), quoted):
        return attribution  # "My name is Tom Hale," he said
    nearest = para.people_before_index(span.start) - 1
    for i in range(nearest, max(-1, nearest - 20), -1):  # the 20 nearest: linear in a paragraph
        other = para.people[i][2]
        if (
            other.name
            and other.name != speaker.name
            and _surname(other.name) not in quoted.casefold()
        ):
            return dataclasses.replace(
                attribution, speaker=dataclasses.replace(other, text=speaker.text)
            )
    return attribution


def _parenthetical(para: _Paragraph, cue: Cue) -> bool:
    """Whether ``cue`` stands between commas with its subject's name after it, inside a
    sentence: "The biggest reason, writes Charlotte Beyer, is ..." (not after a quotation's
    closing mark, which rule ``after`` reads)."""
    before = _end_before_space(para.text, cue.start)
    return (
        before > 1
        and para.text[before - 1] == ","
        and para.text[before - 2] not in DOUBLE_MARKS
        and bool(_PARENTHETICAL_SUBJECT.match(para.text, cue.start))
    )


@functools.cache
def load_speech_nouns(path: str | Path | None = None) -> frozenset[str]:
    """The nouns of speech a person can own (``speech_nouns`` of ``cues.yml``), folded."""
    data = read_lexicon(lexicon_path(path, "cues.yml"))
    return frozenset(str(w).casefold() for w in data.get("speech_nouns") or ())


@functools.cache
def _speech_owner_patterns() -> tuple[re.Pattern[str], ...]:
    """Three shapes of a noun of speech with its owner: "Berg's claim" / "his claim",
    "directives from Xi", "a comment Paltrow previously made"; groups ``owner`` and ``noun``."""
    nouns = "|".join(sorted(map(re.escape, load_speech_nouns()), key=len, reverse=True))
    name = _OWNER_NAME
    return (
        re.compile(
            rf"(?<![\w’'-])(?P<owner>{name}(?:’s|'s|’|')|[Hh]is|[Hh]er)\s+"
            rf"(?:[a-z][\w-]*\s+){{0,2}}?(?P<noun>{nouns})(?![\w’'-])"
        ),
        re.compile(rf"(?<![\w’'-])(?P<noun>{nouns})\s+(?:from|by)\s+(?P<owner>{name})"),
        re.compile(
            rf"(?<![\w’'-])(?P<noun>{nouns})\s+(?:that\s+)?(?P<owner>{name})\s+"
            r"(?:[a-z]+ly\s+)?(?:had\s+)?(?:made|gave|offered|issued|posted|wrote|delivered"
            r"|tweeted|sent)(?![\w’'-])"
        ),
    )


def _speech_owner(
    para: _Paragraph, state: _Attributor, window_start: int, open_at: int
) -> Speaker | None:
    """The owner of a noun of speech whose complement holds the quotation opening at
    ``open_at`` (``speech_nouns`` of ``cues.yml``): "directives from Xi to '...'" is Xi's, "a
    comment Paltrow previously made about Affleck -- specifically, '...'" Paltrow's, "his
    claim in the same interview that the pair were '...'" that of the person "his" stands for.
    No reporting verb may stand between the noun and the quotation (it would attribute it);
    a person or a body only. ``None`` when there is no such noun."""
    lo = max(window_start, open_at - _OWNER_LOOKBACK)
    masked = _mask(para, lo, open_at)
    best = None
    for pattern in _speech_owner_patterns():
        for match in pattern.finditer(masked):
            if best is None or match.end() > best.end():
                best = match
    if best is None:
        return None
    owner = best.group("owner")
    if owner.casefold() not in ("his", "her") and _is_function_word(owner.split()[0]):
        return None  # "The company's statement", "This claim": no name
    if not _in_complement(masked[best.end() :]) or _clause_after_quotation(
        para, lo + best.end(), open_at
    ):
        return None
    after_noun = lo + best.end()
    cue = bisect.bisect_left(para.cues, after_noun, key=lambda c: c.start)
    if cue < len(para.cues) and para.cues[cue].start < open_at:
        return None
    return _owner_speaker(para, state, lo + best.start("owner"), owner)


def _in_complement(gap: str) -> bool:
    """Whether ``gap``, the words between a noun of speech and a quotation, puts the quotation
    in the noun's complement: a "that" clause ("claim in the same interview that the pair were
    '...'"), an infinitive ("directives from Xi to '...'") or a dash, colon or comma right before
    the mark ("a comment ... about Affleck -- specifically, '...'"); a few words at most. Not a
    topic ("a response from Moscow on '...'") nor a predicate ("demands 'didn't answer ...'")."""
    words = gap.split()
    if "that" in words:
        return len(words) <= _OWNER_THAT_GAP_WORDS
    if len(words) > _OWNER_GAP_WORDS:
        return False
    return (bool(words) and words[0] == "to") or gap.rstrip().endswith(("—", "–", ":", ","))


def _clause_after_quotation(para: _Paragraph, start: int, open_at: int) -> bool:
    """Whether, between ``start`` and ``open_at``, a quotation is followed by a verb of the
    main clause: "a claim by Peter Hain that the Tory leader is acting like an 'attack
    mongrel' shows Labour is 'rattled'" -- the noun's complement ended with the first
    quotation ("directives from Xi to '...' in the '...'" has no verb after it)."""
    i = bisect.bisect_right(para.covered_ends, start)
    last = None
    while i < len(para.covered) and para.covered[i][1] < open_at:
        last = para.covered[i][1]
        i += 1
    if last is None:
        return False
    return any(w.casefold() in _words("auxiliaries") for w in para.text[last:open_at].split())


def _owner_speaker(para: _Paragraph, state: _Attributor, start: int, owner: str) -> Speaker | None:
    """Who the owner of a noun of speech at ``start`` is: the person "his"/"her" stands for,
    the person named there, or a name the text gives (a person or a body); else ``None``."""
    folded = owner.casefold()
    if folded in ("his", "her"):
        return state.antecedent(para, start, "m" if folded == "his" else "f")
    index = para.people_before_index(start + len(owner))
    if index and para.people[index - 1][1] > start:
        return para.people[index - 1][2]
    speaker = state.unknown(re.sub(r"(?:’s|'s|’|')$", "", owner))
    return speaker if speaker.type in ("person", "institution") else None


def _names_no_one(para: _Paragraph, span: Span, open_at: int) -> bool:
    """Whether the quotation is a sentence of its own (more than :data:`SCARE_MAX_WORDS` words,
    opening with a capital) in a paragraph with no person, actor or pronoun before it outside
    the marks."""
    quoted = para.text[span.start : span.end] if len(span.pieces) == 1 else ""
    first = next((ch for ch in quoted if ch.isalnum()), "")
    return (
        spoken_words(quoted) > SCARE_MAX_WORDS
        and first.isupper()
        and not para.people
        and not any(start < open_at for start, _, _ in para.candidates)
    )


#: "... as its 'Achilles heel'", "as 'someone who ...'": a characterisation right before the
#: opening mark.
_AS_FRAME = re.compile(r"\bas\s+(?:(?:a|an|the|its|his|her|their)\s+)?(?:\w+\s+)?[“\"]$")


#: "which Apple views as '...'", "what the Kremlin sees as '...'": a name (or "the" and a
#: name) right before a verb of regarding, in a relative clause or not: who characterises.
_VIEWED_AS = re.compile(
    r"(?<![\w’'-])((?:the\s+)?(?:[A-Z][\w&’'.-]*\s+){0,3}[A-Z][\w&’'-]*)\s+"
    r"(?:views?|viewed|sees|saw|regards?|regarded|considers?|considered|describes?|described|"
    r"characteri[sz]es?|characteri[sz]ed|brands?|branded|labels?|labell?ed|dismiss(?:es|ed)?)"
    r"\s+(?:(?:it|them|this|that|him|her)\s+)?as\s+(?:(?:a|an|the|its|his|her|their)\s+)?"
    r"(?:\w+\s+)?[“\"]$"
)


def _is_question(para: _Paragraph) -> bool:
    """A paragraph of the writer's that asks a question: no quotation in it, ending in "?"."""
    text = para.text.strip()
    return bool(text) and text.endswith("?") and not para.covered


def _follows_directly(text: str, after_close: int, cue: Cue) -> bool:
    """Whether ``cue`` attributes the quotation that closes just before ``after_close``: its own
    subject starts right there ('"...," the chancellor said') or the cue itself does, with its
    subject after it ('"...," said Igor Konashenkov')."""
    if cue.subject is None:
        return False
    start = cue.subject_start if cue.subject_start is not None else cue.start
    return bool(_DIRECTLY.fullmatch(text[after_close:start]))


def _latest(memory: dict, p: int, window: int) -> Speaker | None:
    """The speaker last reported or quoted in paragraph ``p`` before its sentence ``window``."""
    best = None
    for w in range(window):
        for kind in ("cue", "quote"):
            best = memory.get((kind, p, w), best)
    return best


def _read_article(
    texts: Sequence[str], spans: list[Span], actors: ActorLexicon, cues: CueLexicon
) -> _Article:
    """Attribute the quotation ``spans`` of an article whose paragraphs are ``texts``, reading
    in order so that "he" and "the chancellor" mean who they mean at that point."""
    spans = sorted(spans, key=lambda s: (s.paragraph, s.start))
    pieces: dict[int, list[tuple[int, int]]] = {}
    for span in spans:
        for p, s, e in span.pieces:
            pieces.setdefault(p, []).append((s, e))
    mentions = find_mentions(texts, actors)
    paras = [_prepare(t, pieces.get(p, []), mentions[p], cues) for p, t in enumerate(texts)]
    state = _Attributor(actors, cues)
    state.read_speaking_names(texts)
    memory: dict = {}
    found: list[_Found] = []
    queue = list(spans)
    for p, para in enumerate(paras):
        state.name_people(para)
        state.attach_subjects(para)
        for i, cue in enumerate(para.cues):
            speaker, _, _ = _resolve_cue(para, i)
            if speaker is not None and speaker.name:
                memory[("cue", p, cue.window)] = speaker
        while queue and queue[0].paragraph == p:
            span = queue.pop(0)
            subhead = (span.single or _quoted_heading(span, texts)) and len(texts) > 1
            attribution = UNATTRIBUTED if subhead else _attribute(span, paras, state, memory)
            attribution = _not_named_inside(attribution, span, para, texts)
            quoted = PARAGRAPH_JOIN.join(texts[q][s:e] for q, s, e in span.pieces)
            if not span.single and names_a_work(quoted, attribution.rule):
                continue  # a title, a sign, a name: quoted text, but nobody's words
            if _names_a_speaker(para, span):
                continue  # '"Perry" countered': a nickname, the subject of the verb
            if _is_named_so(para, span):
                continue  # 'HP is called "feather duvet lung"': a name given, nobody's words
            window = para.window_of(span.open_mark if span.open_mark is not None else span.start)
            if attribution.speaker is not None and attribution.speaker.name:
                for q, _, _ in span.pieces:
                    memory[("quote", q, window if q == p else 0)] = attribution.speaker
            resumes = bool(found) and _resumes(found[-1], span, para, p)
            found.append(_describe(span, texts, paras, attribution, resumes=resumes))
        last = _latest(memory, p, len(para.windows))
        if last is not None and not _is_question(para):
            # "What did Suh say after the play?" reports nobody: the answer below it is the
            # interviewee's (rule 7), not carried on from the question's verb.
            memory[("paragraph", p)] = last
        state.close_paragraph(para)
    # A subhead quotes the speaker of the first quotation after it.
    for i, item in enumerate(found):
        heading = item.span.single or _quoted_heading(item.span, texts)
        if heading and item.attribution is UNATTRIBUTED and len(texts) > 1:
            following = _pulled_from(item, found[i + 1 :]) or next(
                (f for f in found[i + 1 :] if f.attribution.speaker), None
            )
            if following is not None:
                attribution = _Attribution(following.attribution.speaker, "", "subhead")
                found[i] = dataclasses.replace(item, attribution=attribution)
    quoted = {f.attribution.source for f in found if f.attribution.source is not None}
    reported = []
    for p, para in enumerate(paras):
        for i, cue in enumerate(para.cues):
            speaker = cue.subject or _resolve_cue(para, i)[0]
            if speaker is not None and speaker.name:
                reported.append((p, cue, speaker, (p, i) in quoted))
    return _Article(found, reported)


#: How many quotations after a subhead are searched for the words it pulls (a bound that keeps
#: an article of many quoted one-line paragraphs linear).
_PULL_QUOTE_REACH = 30


def _pulled_from(heading: _Found, later: list[_Found]) -> _Found | None:
    """The later quotation, with a speaker, that a subhead pulls its words from ('"We write
    with urgency"' above '"Flu season has begun, so we write with urgency," the doctors
    stated'), or ``None``: a pull quote is the words of whoever says them below."""
    words = " ".join(re.findall(r"\w+", fold_typography(heading.text).casefold()))
    if not words:
        return None
    for item in later[:_PULL_QUOTE_REACH]:
        said = " ".join(re.findall(r"\w+", fold_typography(item.text).casefold()))
        if item.attribution.speaker and item.attribution.speaker.name and words in said:
            return item
    return None


#: A name given to a thing just before its opening mark: "is called", "what's called", "has been
#: dubbed", "is known as", "the nickname of", "a condition called" -- not "what he called" (a
#: speaker's word, a partial quotation) nor "Steenburgen called X" (a characterisation).
_NAMED_SO = re.compile(
    r"(?:\b(?:is|are|was|were|be|been|being|what’s|what's|what|now|often|also|commonly|sometimes)"
    r"\s+(?:called|dubbed|named|nicknamed|termed|labelled|labeled|known\s+as)"
    r"|\b(?:condition|disease|syndrome|phenomenon|practice|process|technique|term|category)"
    r"\s+(?:called|dubbed|named|known\s+as)"
    r"|\b(?:the|a)\s+(?:nickname|name|term|label|moniker)(?:\s+of)?)\s*$",
    re.IGNORECASE,
)


def _is_named_so(para: _Paragraph, span: Span) -> bool:
    """Whether the words right before the opening mark give the quoted text as a name
    (:data:`_NAMED_SO`): 'HP is called "feather duvet lung"', 'it has earned the nickname of
    "bird fancier's lung"'."""
    if span.open_mark is None:
        return False
    return _search_before(_NAMED_SO, para.text, span.open_mark) is not None


def _names_a_speaker(para: _Paragraph, span: Span) -> bool:
    """Whether a one-paragraph quotation is a name right before a reporting verb, with no
    comma between ('"Perry" countered:'): the verb's subject, not a quotation."""
    if span.close_mark is None or span.pieces[-1][0] != span.paragraph:
        return False
    after = span.close_mark + 1
    index = bisect.bisect_left(para.cues, after, key=lambda c: c.start)
    cue = para.cues[index] if index < len(para.cues) else None
    if cue is None or para.text[after : cue.start].strip():
        return False
    named = _quoted_name_before(para, cue.start)
    return named is not None and named[1] == after


def _resumes(previous: _Found, span: Span, para: _Paragraph, p: int) -> bool:
    """Whether ``span`` resumes a full quotation interrupted by its attribution:
    '"We're not closing the door," Biden said, "but we're ready for anything."'"""
    source = previous.attribution.source
    if previous.kind != "full" or previous.attribution.rule != "after" or source is None:
        return False
    if previous.span.pieces[-1][0] != p or previous.span.close_mark is None or source[0] != p:
        return False
    if span.open_mark is None:
        return False
    between = para.text[previous.span.close_mark + 1 : span.open_mark]
    cue = para.cues[source[1]]
    inside = previous.span.close_mark < cue.start < span.open_mark
    return inside and bool(re.fullmatch(r"[^“”\".;:]{1,80},\s*", between))


def _describe(
    span: Span,
    texts: Sequence[str],
    paras: list[_Paragraph],
    attribution: _Attribution,
    *,
    resumes: bool = False,
) -> _Found:
    """The quotation's text and kind, given its attribution (``resumes``: it carries on a full
    quotation its attribution interrupted, so it is full whatever its first letter)."""
    text = PARAGRAPH_JOIN.join(texts[q][s:e] for q, s, e in span.pieces)
    last = paras[span.pieces[-1][0]]
    after = ""
    if span.close_mark is not None:
        window_end = last.windows[last.window_of(span.close_mark)][1]
        after = _mask(last, span.close_mark + 1, window_end)
    speaker = attribution.speaker
    kind = quote_kind(text, after, attributed=speaker is not None and bool(speaker.name))
    if resumes and kind == "partial":
        kind = "full"
    return _Found(span, text, kind, attribution)


#: A double quotation mark typed as two single ones (the AP's ’’, a typewriter's ''), closing
#: before a space or the end, or opening after one.
_PAIRED_CLOSE = re.compile(r"(?<=\S)(?:’’|'')(?=\s|$)")
_PAIRED_OPEN = re.compile(r"(?:(?<=\s)|^)(?:‘‘|``)(?=\S)")


def _paired_marks(text: str) -> str:
    """``text`` with each double mark typed as two single ones read as one double mark and a
    space, so that offsets do not move: '“It was an attempt,’’ Will Moy said' -> '“It was an
    attempt,”  Will Moy said'. What lies between the marks is unchanged."""
    if "’’" in text or "''" in text:
        text = _PAIRED_CLOSE.sub(lambda m: "” " if _double_open(text, m.start()) else m[0], text)
    return _PAIRED_OPEN.sub(" “", text)


def _double_open(text: str, position: int) -> bool:
    """Whether a double quotation mark is open at ``position`` (an opening one not yet closed),
    so that two single marks there close it ("‘We still have ...’’" is left alone)."""
    before = text[:position]
    return before.count("“") > before.count("”") or before.count('"') % 2 == 1


def _read_with_headline(
    texts: Sequence[str], headline: str, actors: ActorLexicon, cues: CueLexicon
) -> tuple[_Article, _Article]:
    """The headline (read on its own, with single quotes too) and the body of one article.
    Marks typed as two single ones are read as double (:func:`_paired_marks`); the quotations'
    text is the text as written."""
    head = _Article([], [])
    if headline:
        marked = [_paired_marks(headline)]
        spans = quote_spans(marked) + single_quote_spans(marked[0])
        head = _as_written(_read_article(marked, spans, actors, cues), [headline])
    marked = [_paired_marks(text) for text in texts]
    spans = quote_spans(marked) + subhead_spans(marked)
    body = _as_written(_read_article(marked, spans, actors, cues), texts)
    return _one_name_per_person(head, body)


def _one_name_per_person(*articles: _Article) -> tuple[_Article, ...]:
    """The articles (one story's headline and body) with each person under one name: a short
    form ("Blair", from "Mr Blair") that fits exactly one fuller name of the same article
    ("Tony Blair") takes it, whichever came first, so that the tables count one speaker. A
    short form that fits two ("Tony Blair" and "Cherie Blair") stays as it is."""
    people = [s for a in articles for s in _speakers_of(a) if s.is_person and s.name]
    fuller: dict[str, dict[str, Speaker]] = {}
    for person in people:
        fuller.setdefault(_surname(person.name), {})[person.name] = person
    renamed: dict[str, str] = {}
    for person in people:
        group = fuller[_surname(person.name)]
        fits = [name for name, other in group.items() if _shortens(person, other)]
        # "Blair" fits "Tony Blair" and "Anthony Charles Blair": the fullest, if one.
        longest = [n for n in fits if not any(_shortens(group[n], group[m]) for m in fits)]
        if len(longest) == 1:
            renamed[person.name] = longest[0]
    if not renamed:
        return articles
    return tuple(_renamed(article, renamed) for article in articles)


def _speakers_of(article: _Article) -> list[Speaker]:
    quoted = [f.attribution.speaker for f in article.quotes if f.attribution.speaker]
    return quoted + [speaker for _, _, speaker, _ in article.reported]


def _shortens(short: Speaker, full: Speaker) -> bool:
    """Whether ``short`` is a shorter form of ``full``'s name: its words end ``full``'s, or an
    initial stands for a given name ("T. Blair"), and no gender the text gave disagrees."""
    if not _genders_agree(short.gender, full.gender):
        return False
    words, whole = short.name.split(), full.name.split()
    if len(words) >= len(whole) or not words:
        return False
    tail = whole[len(whole) - len(words) :]
    return all(
        w == t or (re.fullmatch(r"[A-Z]\.", w) is not None and t.startswith(w[0]))
        for w, t in zip(words, tail, strict=True)
    )


def _genders_agree(one: str, other: str) -> bool:
    return not (one and other and one != other)


def _renamed(article: _Article, renamed: dict[str, str]) -> _Article:
    """``article`` with its speakers' names replaced as ``renamed`` says."""

    def rename(speaker: Speaker | None) -> Speaker | None:
        if speaker is None or speaker.name not in renamed:
            return speaker
        return dataclasses.replace(speaker, name=renamed[speaker.name])

    for found in article.quotes:
        speaker = rename(found.attribution.speaker)
        found.attribution = dataclasses.replace(found.attribution, speaker=speaker)
    reported = [(p, cue, rename(s), quoted) for p, cue, s, quoted in article.reported]
    return _Article(article.quotes, reported)


def _as_written(article: _Article, texts: Sequence[str]) -> _Article:
    """``article`` with each quotation's text taken from ``texts`` as written (same offsets)."""
    for found in article.quotes:
        found.text = PARAGRAPH_JOIN.join(texts[q][s:e] for q, s, e in found.span.pieces)
    return article


# --------------------------------------------------------------------------- tables

ATTRIBUTION_COLUMNS = [
    "article_id",
    "paragraph",
    "start",
    "end",
    "cue",
    "speaker",
    "speaker_side",
    "speaker_type",
    "speaker_text",
    "quoted",
]


_Job = tuple[str, list[int], list[str], str]  # article_id, paragraph numbers, texts, headline


def _jobs(paragraphs: pd.DataFrame, headlines: pd.Series | None) -> list[_Job]:
    """One job per article, in the order the articles first appear in ``paragraphs``."""
    headline_of = {} if headlines is None else headlines.fillna("").astype(str).to_dict()
    ordered = paragraphs.sort_values(["article_id", "paragraph"], kind="stable")
    groups = {
        article_id: (group["paragraph"].tolist(), group["text"].tolist())
        for article_id, group in ordered.groupby("article_id", sort=False)
    }
    return [
        (article_id, *groups[article_id], headline_of.get(article_id, ""))
        for article_id in dict.fromkeys(paragraphs["article_id"])
    ]


def speaker_type(speaker: Speaker, actors: ActorLexicon | None = None) -> str:
    """The speaker's type, one of :data:`analysis.actors.SPEAKER_TYPES` ("" for nobody): the
    lexicon's for an actor it knows; anonymous for an unnamed source; else what the words
    describing the speaker say ("a spokesman for ..." -> state official), an organisation for a
    body, "other" for a named person the text does not describe."""
    if not speaker.name:
        return ""
    actors = actors or load_actors()
    actor = actors.get(speaker.name)
    if actor is not None:
        return actor.speaker_type
    if _state_body_speaks(speaker):
        return "state official"
    if speaker.type != "institution" and names_unnamed_group(speaker.name, actors):
        return "anonymous"  # "Federal prosecutors said", "Teachers chanted"
    if speaker.type == "anonymous":
        return "anonymous"
    if speaker.role:
        return speaker.role
    if speaker.type == "institution" and _speaks_for(speaker.text):
        # "a spokesperson for Home Depot": the body's type, not a spokesman's (state official).
        return actors.speaker_type_of(speaker.name) or "organisation"
    name = speaker.name if speaker.type != "institution" else _body_head(speaker.name)
    described = actors.speaker_type_of(speaker.text) or actors.speaker_type_of(name)
    if described:
        return described
    return "organisation" if speaker.type == "institution" else "other"


def names_state_body(name: str) -> bool:
    """Whether a speaker's name ends with the name of a state's own body ("the White House",
    "the Pentagon", "the Jordanian foreign ministry"; ``state_bodies`` of ``references.yml``):
    such a body is a state official, not an organisation, however it is quoted (a spokesperson
    for it included). "A ministry official" ends with its person and is not one."""
    words = " ".join(re.findall(r"[\w'-]+", fold_typography(name).casefold()))
    return any(
        words == body or words.endswith(" " + body) for body in load_references().state_bodies
    )


def _state_body_speaks(speaker: Speaker) -> bool:
    """Whether the speaker is a state's body itself (:func:`names_state_body`), not an unnamed
    person speaking for one ("a spokesperson for the British Foreign Office" stays anonymous)."""
    if speaker.type == "anonymous":
        return names_state_body(_OF_PHRASE.split(speaker.name, maxsplit=1)[0])
    return names_state_body(speaker.name)


def speaker_side(speaker: Speaker, kind: str) -> str:
    """The speaker's side, with every citizen or witness counted as civilians."""
    return CIVILIANS if kind == "citizen or witness" else speaker.side


def _quote_rows(job: _Job, actors: ActorLexicon | None = None) -> list[dict]:
    """The rows of :func:`find_quotes` for one article (``actors``: None for the default)."""
    article_id, numbers, texts, headline = job
    actors = actors or load_actors()
    head, body = _read_with_headline(texts, headline, actors, load_cues())
    items = [(0, 0, f) for f in head.quotes] + [
        (numbers[f.span.paragraph], numbers[f.span.pieces[-1][0]], f) for f in body.quotes
    ]
    rows = []
    for index, (first, last, item) in enumerate(items, start=1):
        speaker = item.attribution.speaker or NOBODY
        kind = speaker_type(speaker, actors)
        rows.append(
            {
                "article_id": article_id,
                "paragraph": first,
                "paragraph_end": last,
                "quote": index,
                "text": item.text,
                "kind": item.kind,
                "speaker": speaker.name,
                "speaker_side": speaker_side(speaker, kind),
                "speaker_type": kind,
                "cue": item.attribution.cue,
                "start": item.span.start,
                "end": item.span.end,
                "unbalanced": item.span.unbalanced,
                "n_words": spoken_words(item.text),
                "attribution": item.attribution.rule,
                "speaker_text": speaker.text,
            }
        )
    return rows


def _attribution_rows(job: _Job, actors: ActorLexicon | None = None) -> list[dict]:
    """The rows of :func:`find_attributions` for one article (``actors``: None for the
    default)."""
    article_id, numbers, texts, headline = job
    actors = actors or load_actors()
    head, body = _read_with_headline(texts, headline, actors, load_cues())
    rows = []
    for where, article in ((None, head), (numbers, body)):
        for p, cue, speaker, quoted in article.reported:
            rows.append(
                {
                    "article_id": article_id,
                    "paragraph": 0 if where is None else where[p],
                    "start": cue.start,
                    "end": cue.end,
                    "cue": cue.lemma,
                    "speaker": speaker.name,
                    "speaker_side": speaker_side(speaker, speaker_type(speaker, actors)),
                    "speaker_type": speaker_type(speaker, actors),
                    "speaker_text": speaker.text,
                    "quoted": quoted,
                }
            )
    return rows


def _rows_of_chunk(jobs: list[_Job], rows_of, actors: ActorLexicon | None) -> list[dict]:
    """``rows_of`` over ``jobs``, given ``actors`` only when it is not the default."""
    if actors is None:
        return [row for job in jobs for row in rows_of(job)]
    return [row for job in jobs for row in rows_of(job, actors)]


def _map_articles(
    jobs: list[_Job], rows_of, workers: int | None, actors: ActorLexicon | None = None
) -> list[dict]:
    """``rows_of`` over every article, on all local cores or a Dask cluster for a large corpus
    (:func:`analysis.parallel.map_chunks`); the rows come back in article order whatever runs
    them."""
    return parallel.flatten(
        parallel.map_chunks(
            _rows_of_chunk,
            jobs,
            rows_of,
            actors,
            min_items=parallel.MIN_ARTICLES,
            workers=workers,
            desc=rows_of.__name__.strip("_").replace("_", " "),
        )
    )


def find_quotes(
    paragraphs: pd.DataFrame,
    *,
    headlines: pd.Series | None = None,
    workers: int | None = None,
    actors: ActorLexicon | None = None,
) -> pd.DataFrame:
    """Every direct quotation in ``paragraphs`` (and ``headlines``, indexed by article_id).

    One row per quotation: ``article_id``, ``paragraph`` (1-based; 0 = the headline) and
    ``paragraph_end`` (the last paragraph it covers), ``quote`` (1-based within the article,
    headline first), ``text`` (as written, paragraphs joined by a newline), ``kind``
    (full/partial/scare), ``speaker`` (canonical name from ``actors.yml``, or the text's own
    words for a speaker it does not know; "" if none), ``speaker_side``, ``speaker_type``
    (person/institution/anonymous/unknown), ``cue`` (reporting-verb lemma or ""), ``start`` (in
    the first paragraph, just after the opening mark) and ``end`` (in the last paragraph, at the
    closing mark), so that for a one-paragraph quotation ``text == paragraph_text[start:end]``;
    ``unbalanced`` (a mark without its partner), ``n_words`` (:func:`spoken_words`),
    ``attribution`` (which rule found the speaker) and ``speaker_text`` (the words used for the
    speaker there). Articles are read independently, on ``workers`` processes for a large
    corpus; the table is the same whatever their number. ``actors``: the story's actor lexicon
    (default :func:`analysis.actors.load_actors`; :func:`analysis.actors.load_generic_actors`
    for a story with no actor list of its own).
    """
    rows = _map_articles(_jobs(paragraphs, headlines), _quote_rows, workers, actors)
    return pd.DataFrame(rows, columns=QUOTE_COLUMNS).astype(
        {
            "paragraph": "int64",
            "paragraph_end": "int64",
            "quote": "int64",
            "start": "int64",
            "end": "int64",
            "unbalanced": bool,
            "n_words": "int64",
        }
    )


def find_attributions(
    paragraphs: pd.DataFrame,
    *,
    headlines: pd.Series | None = None,
    workers: int | None = None,
    actors: ActorLexicon | None = None,
) -> pd.DataFrame:
    """Every reporting verb with a speaker, whether it introduces a quotation or reported speech
    ("a U.S. defense official said Russian units were moving closer").

    One row per cue: ``article_id``, ``paragraph`` (0 = headline), ``start``/``end`` of the verb,
    ``cue`` (lemma), ``speaker``, ``speaker_side``, ``speaker_type``, ``speaker_text``, and
    ``quoted`` (it attributes a direct quotation in :func:`find_quotes`). A verb without a
    subject of its own (", adding") takes the previous verb's, as for quotations. Unlike the
    quotations, these attributions have no gold set: treat them as unvalidated.
    """
    jobs = _jobs(paragraphs, headlines)
    # Pure work on these texts, which notebooks 02 and 04 both ask for: kept in the content
    # cache under the texts, this code and the library versions.
    lexicon = repr(sorted((actors or load_actors()).by_surface.items())).encode()
    key = cache.content_key("attributions", [lexicon, *(repr(job).encode() for job in jobs)])
    rows = cache.cached(key, lambda: _map_articles(jobs, _attribution_rows, workers, actors))
    return pd.DataFrame(rows, columns=ATTRIBUTION_COLUMNS).astype(
        {"paragraph": "int64", "start": "int64", "end": "int64", "quoted": bool}
    )


# --------------------------------------------------------------------------- voice of sentences

#: A sentence with at least this share of its characters inside quotation marks is ``quoted``.
QUOTED_FROM = 0.5
_COUNTED = re.compile(f"[^\\s{DOUBLE_MARKS}]")


def quote_pieces(quotes: pd.DataFrame) -> pd.DataFrame:
    """The body stretches quotations cover, one row per quotation and paragraph: ``article_id``,
    ``paragraph``, ``start``, ``end`` (``end`` is a large number where a quotation runs on to
    the end of its paragraph). Headline quotations (paragraph 0) are left out."""
    body = quotes.loc[
        quotes["paragraph"] > 0, ["article_id", "paragraph", "paragraph_end", "start", "end"]
    ]
    span = (body["paragraph_end"] - body["paragraph"] + 1).to_numpy()
    rows = body.loc[body.index.repeat(span)].reset_index(drop=True)
    step = rows.groupby(
        rows.index.to_series().map(dict(enumerate(body.index.repeat(span)))), sort=False
    ).cumcount()
    open_end = 2**31
    is_first, is_last = step == 0, rows["paragraph"] + step == rows["paragraph_end"]
    return pd.DataFrame(
        {
            "article_id": rows["article_id"],
            "paragraph": rows["paragraph"] + step,
            "start": rows["start"].where(is_first, 0),
            "end": rows["end"].where(is_last, open_end),
        }
    )


def sentence_voice(
    sentences: pd.DataFrame, quotes: pd.DataFrame, *, quoted_from: float = QUOTED_FROM
) -> pd.DataFrame:
    """``sentences`` with ``quoted_share`` and ``voice`` added.

    ``quoted_share``: of the sentence's characters that are not white space or double quote
    marks, the share that lie inside a quotation (0-1; 0 for a sentence with no such character).
    ``voice``: ``authorial`` if the share is 0 (the writer's words only), ``quoted`` if it is at
    least ``quoted_from`` (default 0.5: mostly the source's words, typically a quotation with
    its "he said"), ``mixed`` otherwise (the writer's sentence carrying a quoted phrase).
    """
    pieces = quote_pieces(quotes)
    keyed = sentences.reset_index(drop=True)
    total = keyed["text"].str.count(_COUNTED.pattern).to_numpy()
    pairs = keyed.reset_index().merge(pieces, on=["article_id", "paragraph"], suffixes=("", "_q"))
    lo = pairs[["start", "start_q"]].max(axis=1) - pairs["start"]
    hi = pairs[["end", "end_q"]].min(axis=1) - pairs["start"]
    inside = [
        len(_COUNTED.findall(text[a:b])) if b > a else 0
        for text, a, b in zip(pairs["text"], lo, hi, strict=True)
    ]
    quoted = pd.Series(inside, index=pairs["index"]).groupby(level=0).sum()
    quoted = quoted.reindex(keyed.index, fill_value=0).to_numpy()
    share = pd.Series(quoted / total.clip(min=1), index=keyed.index)
    out = sentences.copy()
    out["quoted_share"] = share.to_numpy()
    out["voice"] = pd.Series("mixed", index=out.index)
    out.loc[out["quoted_share"] == 0, "voice"] = "authorial"
    out.loc[out["quoted_share"] >= quoted_from, "voice"] = "quoted"
    return out


def annotate(corpus, *, actors: ActorLexicon | None = None):
    """The corpus with ``quotes`` (:func:`find_quotes`, headlines included) and with
    ``sentences`` carrying ``voice`` and ``quoted_share`` (:func:`sentence_voice`).

    A corpus that has both already is returned as it is, unless ``actors`` (the story's actor
    lexicon, see :func:`find_quotes`) is given: then the quotations are found again with it."""
    if actors is None and corpus.quotes is not None and "voice" in corpus.sentences.columns:
        return corpus
    headlines = corpus.articles.set_index("article_id")["headline"]
    quotes = find_quotes(corpus.paragraphs, headlines=headlines, actors=actors)
    sentences = sentence_voice(corpus.sentences, quotes)
    return dataclasses.replace(corpus, sentences=sentences, quotes=quotes)


def require_quotes(corpus) -> pd.DataFrame:
    """``corpus.quotes``, or a ValueError that says how to get it (:func:`annotate`): the tables
    built on quotations cannot be made without them."""
    if corpus.quotes is None:
        raise ValueError("corpus.quotes is missing: run analysis.quotes.annotate(corpus) first")
    return corpus.quotes
