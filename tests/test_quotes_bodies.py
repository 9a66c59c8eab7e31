"""Bodies as speakers and the writer's own quoted words (issue 15, class 9 and scare quotes), with
no actor lexicon, as a user's story is read. Each row is a made-up sentence in a shape that failed
on the studied evaluation sets (``tests/fixtures/quotes_dev2``, ``quotes_dev3``, ``quotes_eval``),
with the speaker and type a reader gives it."""

from __future__ import annotations

import pandas as pd
import pytest
from test_quotes_other_stories import no_lexicon_row as row_of

from analysis import quotes as Q
from analysis.actors import load_generic_actors


def quotes_of(*paragraphs: str) -> pd.DataFrame:
    table = pd.DataFrame(
        {"article_id": "a", "paragraph": range(1, len(paragraphs) + 1), "text": paragraphs}
    )
    return Q.find_quotes(table, actors=load_generic_actors())


#: (case, paragraphs, the quotation's first words, speaker, speaker type).
BODY_CASES = [
    # A body's name may join its words with "for", "of", "on" or "against": the whole name.
    (
        "body named with 'for'",
        ("The Centre for Economic Policy Research said tariffs were “a tax on consumers”.",),
        "a tax on",
        "Centre for Economic Policy Research",
        "organisation",
    ),
    (
        "body named with 'of', after a spokesperson",
        (
            "“Crews are ready,” a spokesperson for the Governor's Office of Emergency Services "
            "said.",
        ),
        "Crews are ready",
        "Governor's Office of Emergency Services",
        "organisation",
    ),
    # ... and the words after "for" are no person of their own ("Camp Closure").
    (
        "the group's own noun refers back to it",
        (
            "The letter came from a recently formed group, Doctors for Camp Closure, on Monday.",
            "“Flu season has already begun,” the doctors stated.",
        ),
        "Flu season",
        "Doctors for Camp Closure",
        "organisation",
    ),
    (
        "'the coalition' is the coalition named before",
        (
            "A group of employees formed the Workers United Coalition in May.",
            "“We were never consulted,” the coalition said.",
        ),
        "We were never",
        "Workers United Coalition",
        "organisation",
    ),
    # "The company" with no body named as a subject: a body named anywhere, else a one-word
    # name of a subject that the article never gives a first name, honorific or gender.
    (
        "the company after a one-word subject",
        (
            "Spotify announced on Monday that it would raise prices in 40 markets.",
            "“We want to keep investing in new features,” the company said in a statement.",
        ),
        "We want",
        "Spotify",
        "organisation",
    ),
    (
        "the firm after a body named as an object",
        (
            "Shares of Acme Holdings fell 5% after its chief left.",
            "“He left by mutual agreement,” the firm said.",
        ),
        "He left",
        "Acme Holdings",
        "organisation",
    ),
    (
        "a trade noun after a company the speaker lexicon knows is no person",
        (
            "Boeing said it would cut 2,000 jobs.",
            "“We regret the impact on our people,” the planemaker said.",
        ),
        "We regret",
        "Boeing",
        "organisation",
    ),
    # A company's spokesperson speaks for the company, typed as an organisation.
    (
        "a <body> spokesperson",
        ("“We will comply with the order,” a WeWork spokesperson said.",),
        "We will comply",
        "WeWork",
        "organisation",
    ),
    (
        "<body>'s spokesperson",
        ("Apple's spokesperson said the company “will fix it soon”.",),
        "will fix it",
        "Apple",
        "organisation",
    ),
    (
        "a spokesperson for <body>",
        ("“We will not comply,” a spokesperson for Home Depot said.",),
        "We will not",
        "Home Depot",
        "organisation",
    ),
    # A capitalised title is no spokesperson: "US Trade Representative" is a person's title.
    (
        "a title ending in Representative",
        ("“There is no single customs union,” the US Trade Representative said.",),
        "There is no",
        "the US Trade Representative",
        "other",
    ),
    (
        "a spokesperson for the company",
        (
            "Amazon said it would review the case. “We have nothing to add,” a spokesperson for "
            "the company said.",
        ),
        "We have nothing",
        "Amazon",
        "organisation",
    ),
    (
        "a body joined by 'of' opens the sentence of a participle",
        ("The Bank of England held rates, saying inflation was “too high”.",),
        "too high",
        "Bank of England",
        "organisation",
    ),
    # A person's representative is nobody named: anonymous, not the person.
    (
        "a person's rep",
        (
            "Taylor Swift said on Monday that she was blocked.",
            "Swift's rep told reporters that this was untrue. “They owe her money.”",
        ),
        "They owe",
        "Swift's rep",
        "anonymous",
    ),
    # "The statement" is the body that issued one, not the last body named as a subject.
    (
        "the statement of the body that issued it",
        (
            "On Monday, Acme Records issued a statement. It said Acme Records and Dick Clark "
            "Productions had reached an agreement.",
            "“Artists need no label approval for live shows,” the statement continued.",
        ),
        "Artists need",
        "Acme Records",
        "organisation",
    ),
    (
        "the statement of a body named as an owner",
        (
            "The data mesh with the Federal Reserve Board’s view there is “significant slack in "
            "labor markets,” according to the statement after its September meeting.",
        ),
        "significant slack",
        "Federal Reserve Board",
        "organisation",
    ),
    # A document by a body speaks for the body ("a study by X concluded").
    (
        "a study by a body",
        (
            "A 2019 study by the Institute for Fiscal Studies, a London think tank, "
            "concluded that “the cost falls on consumers”.",
        ),
        "the cost falls",
        "Institute for Fiscal Studies",
        "organisation",
    ),
]

#: Names that look like "X of Y" but are a person with an affiliation or a title: unchanged.
PERSON_CASES = [
    (
        "person of a body",
        ("“Rates will rise,” said Mary Jones of the Bank of England.",),
        "Rates will",
        "Mary Jones",
    ),
    (
        "a one-word name with a gender is a person, not the company",
        (
            "Madonna said on Monday that she would tour again. She said she was ready.",
            "“Tickets go on sale in May,” the company said.",
        ),
        "Tickets go",
        "the company",
    ),
    (
        "a person's spokesman is anonymous",
        (
            "Senator Ann Reed spoke on Monday.",
            "“She has no comment,” a Reed spokesman said.",
        ),
        "She has no",
        "a Reed spokesman",
    ),
]


@pytest.mark.parametrize(
    ("case", "paragraphs", "begins", "speaker", "kind"),
    BODY_CASES,
    ids=[c[0] for c in BODY_CASES],
)
def test_a_body_speaks_as_itself(case, paragraphs, begins, speaker, kind):
    row = row_of(paragraphs, begins)
    assert (row["speaker"], row["speaker_type"]) == (speaker, kind)


@pytest.mark.parametrize(
    ("case", "paragraphs", "begins", "speaker"),
    PERSON_CASES,
    ids=[c[0] for c in PERSON_CASES],
)
def test_a_person_with_a_body_stays_a_person(case, paragraphs, begins, speaker):
    assert row_of(paragraphs, begins)["speaker"] == speaker


#: A paragraph whose first sentence quotes someone, then a sentence of the writer's.
SAID = "“The network is ready,” said Jack Buser, a director at the company."

#: (case, the writer's sentence after SAID, the fragment, speaker): a short lower-case fragment
#: in a sentence with no verb of saying and no one in it is the writer's word, not Buser's;
#: beside a verb, a name, a pronoun or a longer quotation, or ending its sentence, it stays his.
FRAGMENT_CASES = [
    (
        "term inside the writer's sentence",
        "The goal is a “seamless experience” that works.",
        "seamless",
        "",
    ),
    (
        "two terms joined",
        "Any user can pick a “business” or “creator” account at any time.",
        "business",
        "",
    ),
    (
        "a term before 'of'",
        "The agency plans two “deliveries” of payloads a year.",
        "deliveries",
        "",
    ),
    (
        "after a modal",
        "Any exit strategy must “augment and support” the process.",
        "augment",
        "Jack Buser",
    ),
    (
        "after a copula",
        "The proposals are “quite closely modelled” on Canada's.",
        "quite",
        "Jack Buser",
    ),
    ("fragment ending its sentence", "The rollout was “a mess.”", "a mess", "Jack Buser"),
    (
        "a verb in the sentence",
        "He said the rollout was “a mess” for users.",
        "a mess",
        "Jack Buser",
    ),
    ("a pronoun subject", "He called the plan “a disgrace” and left.", "a disgrace", "Jack Buser"),
    (
        "a name in the sentence",
        "All “relevant sites” were also disinfected, reports Buser.",
        "relevant sites",
        "Jack Buser",
    ),
    (
        "a longer quotation in the sentence",
        "It was “a mess” and “nothing we had planned for at all.”",
        "a mess",
        "Jack Buser",
    ),
    ("capitalised", "The plan is “Make it work” for most users.", "Make it", "Jack Buser"),
]


@pytest.mark.parametrize(
    ("case", "sentence", "begins", "speaker"),
    FRAGMENT_CASES,
    ids=[c[0] for c in FRAGMENT_CASES],
)
def test_a_writers_word_has_no_speaker(case, sentence, begins, speaker):
    assert row_of((f"{SAID} {sentence}",), begins)["speaker"] == speaker


def test_a_pull_quote_is_the_words_of_whoever_says_them_below():
    found = quotes_of(
        "Ana Ruiz runs a clinic near the border.",
        '"We write with urgency"',
        "“This is how epidemics begin,” Ana Ruiz told reporters.",
        "“Flu season has begun, so we write with urgency,” said Tom Hale.",
    )
    assert found.set_index("text").loc["We write with urgency", "speaker"] == "Tom Hale"


#: (case, paragraph, the quotation's first words, speaker): who characterises in "X views Y as
#: '...'" with no reporting verb, and a possessive word in quotation marks, which nobody says.
CHARACTERISED_CASES = [
    (
        "a body in a relative clause",
        "Among those values is privacy, which Apple views as “a fundamental human right”.",
        "a fundamental",
        "Apple",
    ),
    (
        "a pronoun is no name",
        "“We are fine,” said Tom Hale. He sees it as “a waste of time” for everyone.",
        "a waste",
        "Tom Hale",
    ),
    (
        "a possessive word beside a verb",
        "“We will see,” said Tom Hale. Would Hale have pleaded to keep the “whistleblower’s” "
        "identity secret?",
        "whistleblower",
        "",
    ),
    (
        "a possessive ending its sentence stays carried",
        "“We will see,” said Tom Hale. The decision was “ministers’.”",
        "ministers",
        "Tom Hale",
    ),
]


@pytest.mark.parametrize(
    ("case", "paragraph", "begins", "speaker"),
    CHARACTERISED_CASES,
    ids=[c[0] for c in CHARACTERISED_CASES],
)
def test_characterisations_and_possessive_words(case, paragraph, begins, speaker):
    assert row_of((paragraph,), begins)["speaker"] == speaker
