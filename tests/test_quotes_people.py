"""People as speakers (issue 15): which person a quotation goes to when the text names one or
two people near it, read with no actor lexicon (as a user's own story is). One table row per
failure class the studied development sets showed; the sentences are made up, in the shapes of
real pages (tests/fixtures/quotes_dev2, quotes_dev3, quotes_eval)."""

from __future__ import annotations

import pandas as pd
import pytest
from test_quotes_other_stories import no_lexicon_row as quote_row

from analysis import quotes as Q
from analysis.actors import load_generic_actors

CASES = [
    # A noun of speech owned by a person: the quotation in its complement is the owner's.
    (
        "directives from X to",
        (
            "The detentions began with directives from Xi Jinping to “show absolutely no mercy” "
            "in the “struggle against terrorism”.",
        ),
        "show absolutely",
        "Xi Jinping",
    ),
    (
        "a second quotation in the same complement",
        (
            "The detentions began with directives from Xi Jinping to “show absolutely no mercy” "
            "in the “struggle against terrorism”.",
        ),
        "struggle against",
        "Xi Jinping",
    ),
    (
        "a name's claim that",
        ("Analysts doubted Anna Berg’s claim that the talks were “going well”.",),
        "going well",
        "Anna Berg",
    ),
    (
        "a comment X made, after another person's verb",
        (
            "When Stern asked about a comment Paltrow previously made about Affleck—specifically, "
            "“He would be better off alone”—Paltrow laughed.",
        ),
        "He would be",
        "Paltrow",
    ),
    (
        "his claim in an earlier paragraph's person",
        (
            "Tom Hale spoke to the BBC on Monday.",
            "That contradicts his claim in the same interview that the pair were “not close”.",
        ),
        "not close",
        "Tom Hale",
    ),
    (
        "a verb between the noun and the quotation attributes it",
        ("Anna Berg’s statement was read out, and Tom Hale said it was “a lie”.",),
        "a lie",
        "Tom Hale",
    ),
    (
        "a topic of the noun is not its owner's",
        (
            "Blinken said the US hoped for a written response from Moscow on “concrete areas for "
            "discussion” sent last month.",
        ),
        "concrete areas",
        "Blinken",
    ),
    (
        "a predicate of the noun is not its owner's",
        ("Putin said that Nato’s demands “didn’t answer Russia’s concerns,” in the end.",),
        "didn’t answer",
        "Putin",
    ),
    (
        "a claim nobody owns gives nobody",
        ("Tom Hale rejected the claim that the vote was “rigged”.",),
        "rigged",
        "",
    ),
    # A passive cue followed by an infinitive: the view is its subject's.
    (
        "is said to believe",
        (
            "Michael Gove, who was education secretary, is said to believe that the exam was a "
            "“historic mistake” for the country.",
        ),
        "historic mistake",
        "Michael Gove",
    ),
    (
        "is said to have called",
        ("Anna Berg is said to have called the plan “a disaster”.",),
        "a disaster",
        "Anna Berg",
    ),
    (
        "was told to say is someone else's",
        ("Anna Berg was told to say the plan was “a disaster” for the city.",),
        "a disaster",
        "an unnamed source",
    ),
    # A name after a preposition is no subject a pronoun stands for, with a possessive and a
    # title between them too; a passive's agent ("was denied by X") is the doer, a subject.
    (
        "preposition before a possessive and a title",
        (
            "Tom Hale spoke to the press at a house belonging to Epstein’s madame-procurer Ghislaine "
            "Maxwell.",
            "He told the interviewer: “I took the judgement call.”",
        ),
        "I took",
        "Tom Hale",
    ),
    (
        "an opening adverbial with title words leaves the subject",
        (
            "Tom Hale spoke first.",
            "At the briefing spokeswoman Anna Berg said the talks had failed. “We tried,” she "
            "said.",
        ),
        "We tried",
        "Anna Berg",
    ),
    (
        "a passive's agent is a subject",
        (
            "Anna Berg spoke first. The photo was later denied by Tom Hale, who called it fake.",
            "He told the interviewer: “It never happened.”",
        ),
        "It never",
        "Tom Hale",
    ),
    (
        "a possessive pronoun ends the prepositional phrase",
        (
            "Tom Hale wrote a long letter.",
            "But in a note to his letter Mrs Thatcher said: “This is not a correct judgement.” "
            "“We were taught to think,” she added.",
        ),
        "We were taught",
        "Thatcher",
    ),
    # A writer's question naming someone with a verb reports nobody: the answer below it is
    # the interviewee's, the speaker before the question.
    (
        "question naming another person",
        (
            "Rodgers shoved Suh in the back of the leg after the play.",
            "“He’ll probably say it was an accident,” Rodgers said after the game.",
            "What did Suh say after the play?",
            "“He was running off the field. My calf was getting stepped on.”",
        ),
        "He was running",
        "Rodgers",
    ),
    # "reports" is a verb after a name and before "that" (a noun elsewhere).
    (
        "a name reports that",
        (
            "Li Jifeng explained that the news cannot be “transmitted casually.” But her post "
            "was taken down. Sui-Lee Wee of the Times reports that censors had instructed "
            "aggregators to “block and control” discussions.",
        ),
        "block and",
        "Sui-Lee Wee",
    ),
    (
        "a nationality's reports that are a noun",
        ("Tom Hale spoke first. Russian reports that troops were “moving” are false.",),
        "moving",
        "",
    ),
    # A non-name is not taken for a name: a verb or a question word glued to it.
    (
        "a name and its verb are no subject for 'who'",
        (
            "That’s when Harper and Buckley first learned who had written it, and found "
            "themselves blindsided by “the Mary Steenburgen of it all.”",
        ),
        "the Mary",
        "",
    ),
    (
        "a question's auxiliary is no part of the name",
        ("Would Adam Schiff have called the account “pure hearsay” then?",),
        "pure hearsay",
        "Adam Schiff",
    ),
    (
        "a two-word name opening with an auxiliary's spelling stays whole",
        ("“I will be there,” Will Smith said.",),
        "I will",
        "Will Smith",
    ),
    (
        "an adverb opening a sentence before a description stays with it",
        (
            "Earlier this year the Royal College of Physicians said there was already an "
            "“epidemic” of binge drinking.",
        ),
        "epidemic",
        "Earlier this year the Royal College of Physicians",
    ),
    (
        "a title before a full name is no part of it",
        (
            "Tom Hale spoke first.",
            "His assurances came after Sir Digby Jones said stability mattered. “Please don’t,” "
            "he said.",
        ),
        "Please don",
        "Digby Jones",
    ),
    (
        "a title after an honorific's spelling is no person",
        (
            "Mr Leslie said it did not matter whether the post was called Secretary of State or "
            "Lord Chancellor. He said: “What matters most is reform.”",
        ),
        "What matters",
        "Leslie",
    ),
    (
        "a possessive ends a name: what a person owns is no one",
        (
            "Mr Balls said he was sure Mr Brown's Budget would not put the economy at risk. "
            "“I don’t think so,” he said.",
        ),
        "I don’t think",
        "Balls",
    ),
    (
        "a possessive ends a name: a body's or a place's person is a person",
        ("“We are bullish,” said Microsoft's Mike Coleman.",),
        "We are bullish",
        "Mike Coleman",
    ),
    (
        "a name right before who, an object, is who's",
        (
            "Weitz said he had visited Pullman, who had told him the Authority could “represent "
            "any arbitrary establishment”.",
        ),
        "represent any",
        "Pullman",
    ),
    (
        "a passive whose subject is a person keeps that person",
        (
            "Ellen Simonetti wrote an account. She was suspended by Tom Hale in September. In a "
            "statement, she said she was taking action for “wrongful termination”.",
        ),
        "wrongful",
        "Ellen Simonetti",
    ),
    (
        "a plural possessive is no subject either",
        (
            "Sven-Goran Eriksson named his team. The England coach said that he had been "
            "impressed by Shaun Wright-Phillips' form. And he added that “he deserves his "
            "chance”.",
        ),
        "he deserves",
        "Sven-Goran Eriksson",
    ),
    (
        "a club's possessive before a full name",
        (
            "Aston Villa's Carlton Cole could be out for six weeks. “It was a bad challenge,” "
            "said Villa boss David O'Leary.",
        ),
        "It was a bad",
        "David O'Leary",
    ),
    (
        "a club's possessive before a one-word name stays whole",
        (
            "Arsenal's Edu has lifted the lid on the scenes after the win.",
            "The Brazilian confirmed tempers had flared. “I saw people pushing,” he told "
            "Uefa's official website.",
        ),
        "I saw people",
        "Arsenal's Edu",
    ),
    (
        "a source that reports keeps no speaker from the one it reports",
        (
            "The News of the World reports that Anelka told a French magazine: “I either decide "
            "to win titles or to have an easy life.”",
        ),
        "I either",
        "Anelka",
    ),
    (
        "is said to be is no view",
        (
            "Peter Chernin said News Corp was “kicking the tires” of games companies. Red Swoosh "
            "is said to be one firm on its list. Video games are “big business”, the paper "
            "quoted Mr Chernin as saying.",
        ),
        "big business",
        "Peter Chernin",
    ),
    # A reporting verb between commas inside a sentence, its subject's name after it.
    (
        "parenthetical writes X",
        (
            "The biggest reason advisors get fired, writes Charlotte Beyer, is “it is always "
            "about communication, every time.”",
        ),
        "it is always",
        "Charlotte Beyer",
    ),
    (
        "parenthetical says X",
        ("The real test, says Tom Hale, will be “whether anyone turns up at all”.",),
        "whether anyone",
        "Tom Hale",
    ),
]


@pytest.mark.parametrize(
    ("case", "paragraphs", "begins", "speaker"), CASES, ids=[c[0] for c in CASES]
)
def test_speaker(case, paragraphs, begins, speaker):
    assert quote_row(paragraphs, begins)["speaker"] == speaker


def speakers(*paragraphs: str) -> list[str]:
    table = pd.DataFrame(
        {"article_id": "a", "paragraph": range(1, len(paragraphs) + 1), "text": paragraphs}
    )
    return Q.find_quotes(table, actors=load_generic_actors())["speaker"].tolist()


#: One person, one speaker key per article: a surname (with a title) and the full name.
SAME_PERSON = [
    (
        "title first, full name later",
        ("“We will win,” Mr Blair said.", "Tony Blair, the former leader, said: “It was right.”"),
        ["Tony Blair", "Tony Blair"],
    ),
    (
        "full name first, title later",
        ("“It was right,” Tony Blair said.", "“We will win,” Mr Blair said."),
        ["Tony Blair", "Tony Blair"],
    ),
    (
        "a title of the other gender is someone else",
        (
            "“It was wrong,” said Cherie Blair.",
            "“We will win,” Tony Blair said.",
            "“We must win,” Mr Blair said.",
            "“We did win,” Mrs Blair said.",
        ),
        ["Cherie Blair", "Tony Blair", "Tony Blair", "Cherie Blair"],
    ),
    (
        "two full names of one surname keep a bare surname apart",
        (
            "“We will win,” Blair said.",
            "“It was wrong,” said Cherie Blair.",
            "“It was right,” said Tony Blair.",
        ),
        ["Blair", "Cherie Blair", "Tony Blair"],
    ),
]


@pytest.mark.parametrize(
    ("case", "paragraphs", "expected"), SAME_PERSON, ids=[c[0] for c in SAME_PERSON]
)
def test_one_speaker_key_per_person(case, paragraphs, expected):
    assert speakers(*paragraphs) == expected


#: A pronoun's person is not the speaker of a quotation naming them in the third person.
NAMED_INSIDE = [
    (
        "named inside, the paragraph's subject speaks",
        (
            "Her son, the filmmaker Charlie McDowell, was there. “It was great,” he said.",
            "Mary Steenburgen bought a house in Nashville.",
            "McDowell still laughs at it. “It could have been easy for Mary Steenburgen to put "
            "her name on something, but she didn’t do that,” she said. “She put in the time.”",
        ),
        ["Charlie McDowell", "Charlie McDowell", "Charlie McDowell"],
    ),
    (
        "a speaker naming themselves keeps the quotation",
        ("Tom Hale came to the door.", "“My name is Tom Hale, and I live here,” he said."),
        ["Tom Hale"],
    ),
    (
        "named inside with no one else in the paragraph: the pronoun stands",
        (
            "Mary Steenburgen bought a house in Nashville.",
            "“It could have been easy for Mary Steenburgen,” she said.",
        ),
        ["Mary Steenburgen"],
    ),
]


@pytest.mark.parametrize(
    ("case", "paragraphs", "expected"), NAMED_INSIDE, ids=[c[0] for c in NAMED_INSIDE]
)
def test_a_quotation_naming_its_pronouns_person(case, paragraphs, expected):
    assert speakers(*paragraphs) == expected
