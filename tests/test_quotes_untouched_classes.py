"""Classes of wrong speakers on the untouched set (``tests/fixtures/quotes_untouched``, studied
since session 7), with no actor lexicon, as a user's story is read. Each row is a made-up
sentence in a shape that failed there, with the speaker and type a reader gives it: verbs of
conceding and testimony report speech ("acknowledged", "testified"); a state's
own body (the White House, a ministry) is a state official, never an organisation; a title joined
to its portfolio by "for" is the office that speaks; a group named by its trade alone ("Federal
prosecutors said", "Teachers chanted") is anonymous."""

from __future__ import annotations

import pytest
from test_quotes_other_stories import no_lexicon_row as row_of

#: (case, paragraphs, the quotation's first words, speaker, speaker type).
CASES = [
    # Verbs of conceding and of testimony report speech.
    (
        "acknowledged",
        ("“It’s hard not to, though,” Suter acknowledged after the game.",),
        "It’s hard not to",
        "Suter",
        "other",
    ),
    (
        "testified, and the next sentence goes on",
        (
            "“I then heard the president ask about it,” Holmes testified. “The ambassador "
            "replied that he would.”",
        ),
        "The ambassador replied",
        "Holmes",
        "other",
    ),
    (
        "admitted before a quoted phrase",
        ("Smith admitted the plan was “a costly mistake”.",),
        "a costly mistake",
        "Smith",
        "other",
    ),
    # A state's own body speaks for the state: a state official, however it is quoted.
    (
        "the White House",
        ("“We will respond in kind,” the White House said in a statement on Tuesday.",),
        "We will respond",
        "White House",
        "state official",
    ),
    (
        "the Pentagon",
        ("“No American troops were hurt,” the Pentagon said.",),
        "No American troops",
        "the Pentagon",
        "state official",
    ),
    (
        "a ministry with a country's adjective",
        ("“Jordan regrets any decision of this kind,” the Jordanian foreign ministry said.",),
        "Jordan regrets",
        "the Jordanian foreign ministry",
        "state official",
    ),
    (
        "a spokesperson for a state body is the body, typed by it",
        ("“Crews are ready,” a spokesperson for the White House said.",),
        "Crews are ready",
        "White House",
        "state official",
    ),
    (
        "Downing Street",
        ("“The claim is false,” Downing Street said late on Friday.",),
        "The claim is false",
        "Downing Street",
        "state official",
    ),
    # ... but an unnamed person speaking for one stays anonymous, and a company stays one.
    (
        "an unnamed spokesperson for a ministry",
        (
            "A spokesperson for the British Foreign Office said the settlements were “illegal "
            "under international law”.",
        ),
        "illegal under",
        "A spokesperson for the British Foreign Office",
        "anonymous",
    ),
    (
        "a ministry official",
        ("“Talks will resume,” a ministry official said.",),
        "Talks will resume",
        "a ministry official",
        "anonymous",
    ),
    # A title joined to its portfolio by "for", with no holder named, is the office that speaks.
    (
        "an office named by its title and portfolio",
        (
            "The United Nations High Commissioner for Human Rights said the decision did “not "
            "modify existing international law”.",
        ),
        "not modify",
        "United Nations High Commissioner for Human Rights",
        "state official",
    ),
    (
        "a minister's portfolio is no person",
        ("The Minister for Human Rights said the camps were “full beyond capacity”.",),
        "full beyond",
        "Minister for Human Rights",
        "politician",
    ),
    # ... but a holder named after the portfolio speaks, and "CEO of" is a person's title.
    (
        "a holder named after the portfolio",
        ("Minister for Foreign Affairs Jan Nowak said it was “a grave mistake”.",),
        "a grave mistake",
        "Jan Nowak",
        "politician",
    ),
    # A group named by its trade alone, no determiner, is an unnamed source.
    (
        "a plural trade opening the sentence",
        ("Federal prosecutors said the guards “browsed the Internet” instead of checking on him.",),
        "browsed the Internet",
        "Federal prosecutors",
        "anonymous",
    ),
    (
        "a plural of a person noun",
        ("Teachers chanted “Fund our schools” as they marched to the statehouse.",),
        "Fund our schools",
        "Teachers",
        "anonymous",
    ),
    (
        "a plural trade after the quotation",
        ("“The guards falsified the records,” Prosecutors said.",),
        "The guards falsified",
        "Prosecutors",
        "anonymous",
    ),
    # ... not a party's members nor a person's name ending in s.
    (
        "a party's members keep their type",
        ("“We are fine,” Democrats said.",),
        "We are fine",
        "Democrats",
        "other",
    ),
    (
        "a surname ending in s",
        ("“We are fine,” Johns said.",),
        "We are fine",
        "Johns",
        "other",
    ),
]


@pytest.mark.parametrize(
    "paragraphs, begins, speaker, type_",
    [case[1:] for case in CASES],
    ids=[case[0] for case in CASES],
)
def test_untouched_classes(paragraphs, begins, speaker, type_):
    row = row_of(paragraphs, begins)
    assert (row["speaker"], row["speaker_type"]) == (speaker, type_)
