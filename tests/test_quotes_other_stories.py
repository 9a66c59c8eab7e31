"""Attribution rules for stories the suite was not written on (issue 15), one table per failure
class the evaluation set (``tests/fixtures/quotes_eval``) showed. Each row is a short text in the
shape that failed, with the speaker a reader gives it. The sentences are made up; their shapes
come from real pages (see the evaluation set's README)."""

from __future__ import annotations

import pandas as pd
import pytest

from analysis import quotes as Q


def quotes_of(*paragraphs: str, headline: str = "") -> pd.DataFrame:
    table = pd.DataFrame(
        {"article_id": "a", "paragraph": range(1, len(paragraphs) + 1), "text": paragraphs}
    )
    return Q.find_quotes(table, headlines=pd.Series({"a": headline}))


def speaker_of(paragraphs: tuple[str, ...], begins: str) -> str:
    found = quotes_of(*paragraphs)
    row = found[found["text"].str.startswith(begins)]
    assert len(row) == 1, found[["text", "speaker"]]
    return row.iloc[0]["speaker"]


CASES = [
    # 1. A question mark inside the quotation does not end the sentence before its speaker.
    (
        "question mark",
        ("“We are ready,” said Anna Berg.", "“Will you sign it?” Moreau asked in return."),
        "Will you sign it",
        "Moreau",
    ),
    (
        "exclamation mark",
        ("“We are ready,” said Anna Berg.", "“Get out!” shouted Ivan Petrov at the gate."),
        "Get out",
        "Ivan Petrov",
    ),
    # 2. Question and answer: the writer's question, the interviewee's answer with no verb.
    (
        "Q&A answer",
        (
            "“We played well,” said Tom Rodgers.",
            "What did he say about the foul?",
            "“It was an accident.”",
        ),
        "It was an accident",
        "Tom Rodgers",
    ),
    # 3. Pronouns: the nearest person named as a subject, not the last one quoted.
    (
        "pronoun after a named subject",
        (
            "“We will appeal,” said Tom Hale.",
            "Judge Maria Ortiz rejected the motion on Monday.",
            "“The law is clear,” she said.",
        ),
        "The law is clear",
        "Maria Ortiz",
    ),
    (
        "pronoun skips an object",
        (
            "Tom Hale spoke first.",
            "Hale met Judge Maria Ortiz in her chambers.",
            "“It went well,” he said.",
        ),
        "It went well",
        "Tom Hale",
    ),
    (
        "pronoun skips a possessive",
        (
            "Mrs Clarke asked for a delay.",
            "Mrs Clarke had not, Mr Addison added, liked Mr Joseph’s plan.",
            "“It is too soon,” she said.",
        ),
        "It is too soon",
        "Clarke",
    ),
    (
        "a surname means the full name",
        ("Oscar Isaac stars in the film.", "“It was intense,” Isaac said."),
        "It was intense",
        "Oscar Isaac",
    ),
    # 4. Reporting verbs and frames.
    (
        "shouted",
        ("Ivan Petrov stood at the door.", "“Get out,” he shouted."),
        "Get out",
        "Ivan Petrov",
    ),
    ("wrote", ("“We are safe,” Olena Kovalenko wrote.",), "We are safe", "Olena Kovalenko"),
    ("posted:", ("Olena Kovalenko posted: “We are safe.”",), "We are safe", "Olena Kovalenko"),
    (
        "told reporters",
        ("“It was chaos,” Olena Kovalenko told reporters.",),
        "It was chaos",
        "Olena Kovalenko",
    ),
    (
        "described as",
        ("Anna Berg described the ruling as “a turning point”.",),
        "a turning point",
        "Anna Berg",
    ),
    (
        "according to",
        ("The talks were “constructive”, according to Anna Berg.",),
        "constructive",
        "Anna Berg",
    ),
    (
        "a body's spokesperson",
        ("Gazprom’s spokesperson said: “Deliveries continue.”",),
        "Deliveries continue",
        "Gazprom",
    ),
    (
        "a body's statement",
        ("Growth will be “slow”, according to a Moody’s Analytics’ forecast in June.",),
        "slow",
        "Moody’s Analytics",
    ),
    (
        "joked",
        ("Oscar Isaac stars in the film.", "“I’ve signed away my organs,” he joked."),
        "I’ve signed away",
        "Oscar Isaac",
    ),
    (
        "inverted after a comma",
        (
            "There has been “very little private sector investment” in the city, said Joseph "
            "Seneca, an economist.",
        ),
        "very little",
        "Joseph Seneca",
    ),
    # 5. A sentence opening hides the subject.
    (
        "opening phrase",
        (
            "At a briefing in the capital on Monday, government spokeswoman Anna Berg said: "
            "“The border is closed.”",
        ),
        "The border is closed",
        "Anna Berg",
    ),
    # 6. A name in the text beats a lexicon role.
    (
        "name beats role",
        ("US President Donald Trump said: “We want peace.”",),
        "We want peace",
        "Donald Trump",
    ),
    # 8. Titles containing "of".
    (
        "title with of",
        ("Polish Minister of Foreign Affairs Jan Nowak said: “We stand with Kyiv.”",),
        "We stand with Kyiv",
        "Jan Nowak",
    ),
    # 9. Descriptions link to the person named earlier with that description.
    (
        "the prosecutor",
        (
            "Prosecutor Anna Berg opened the case.",
            "“The evidence is overwhelming,” the prosecutor said.",
        ),
        "The evidence",
        "Anna Berg",
    ),
    (
        "the actress",
        (
            "Gwyneth Paltrow was on the show.",
            "“I was 22,” she said.",
            "“He was kind,” the actress said.",
        ),
        "He was kind",
        "Gwyneth Paltrow",
    ),
]


@pytest.mark.parametrize(
    ("case", "paragraphs", "begins", "speaker"), CASES, ids=[c[0] for c in CASES]
)
def test_speaker(case, paragraphs, begins, speaker):
    assert speaker_of(paragraphs, begins) == speaker


def test_a_description_with_no_name_is_kept_and_typed_anonymous():
    row = quotes_of("“We found traces,” the researchers wrote.").iloc[0]
    assert (row["speaker"], row["speaker_type"]) == ("the researchers", "anonymous")


def test_an_interviewers_i_is_never_the_speaker():
    found = quotes_of("I asked him about the deal.", "“It is done.”")
    assert found.iloc[0]["speaker"] != "I"


# 7. A lexicon actor must not match a common word.
@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        ("According to the official record, “nothing was signed”.", "the official record"),
        ("“Nothing was signed,” said the official.", "US defence official"),  # a person
        ("“Nothing was signed,” the official added.", "US defence official"),
    ],
)
def test_a_title_used_as_an_adjective_is_not_the_actor(text, speaker):
    assert quotes_of(text).iloc[0]["speaker"] == speaker


# 10. Single-quoted headlines and subheads are quotations.
def test_single_quoted_headline_and_subhead():
    found = quotes_of(
        "‘No Jobs’",
        "“The economy is tough,” said Eddie Foreman.",
        headline="Villagers: ‘We have nowhere to go’",
    )
    assert found["text"].tolist() == ["We have nowhere to go", "No Jobs", "The economy is tough,"]
    assert found["speaker"].tolist()[1:] == ["Eddie Foreman", "Eddie Foreman"]


# 11. Titles, signs, names and captions are not quotations.
@pytest.mark.parametrize(
    "paragraph",
    [
        "The fast-paced zombies of “World War Z.”",
        "A few carried signs: “IMAGINE JUSTICE,” “BLACK LIVES MATTER.”",
        "Next to “Perry” stood Jonathan Alvarez.",
        "During a segment called “Final Verdict” on ESPN, the two argued.",
        "(see “Broad Institute Gets Patent on Revolutionary Gene-Editing Method”)",
    ],
)
def test_titles_signs_and_names_are_not_quotations(paragraph):
    assert quotes_of(paragraph).empty


@pytest.mark.parametrize(
    ("text", "rule", "expected"),
    [
        ("A Most Violent Year,", "after", True),
        ("Star Wars: Episode VII", "none", True),
        ("Night of the Living Dead", "none", True),
        ("Yes,", "after", False),  # a one-word answer with its verb is speech
        ("Perry", "none", True),
        ("We dodged a bullet,", "after", False),
        ("QUIET CAR. Window seat.", "after", False),
    ],
)
def test_names_a_work(text, rule, expected):
    assert Q.names_a_work(text, rule) is expected
