"""Resolution: pronouns and descriptions resolved to the speaker a reader would name."""

from __future__ import annotations

import pytest

from comparer.core.model import QuoteKind
from comparer.core.quotes import extract_quotes
from tests.core.quotes.texts import make, said


def test_pronoun_resolves_to_speaker_not_to_latest_name() -> None:
    paragraphs = [
        "Paul Green, a farmer, said the river took his barn.",
        "Green stood near the ruins with his neighbour, Carla Mendes, and a council engineer.",
        '"It will take years to rebuild," he said.',
    ]
    assert said(paragraphs) == [("It will take years t", "Paul Green")]


def test_pronoun_skips_incompatible_speaker() -> None:
    paragraphs = [
        "Mayor Sara Lind spoke first, and her voice was calm.",
        "Peter Holm, the fire chief, said his crews were tired.",
        '"We will open the school as a shelter," she said.',
    ]
    assert said(paragraphs)[-1] == ("We will open the sch", "Sara Lind")


PRONOUNS = [
    pytest.param(
        [
            "Paul Green leads the council.",
            "The repairs will take a year, Tomas Berg said.",
            '"We need more money," he said.',
        ],
        "Tomas Berg",
        id="speaker-of-the-sentence-before",
    ),
    pytest.param(
        [
            "Paul Green spoke to the crowd on Sunday.",
            "He had argued with Tomas Berg for weeks.",
            '"We will not give up," he said.',
        ],
        "Paul Green",
        id="pronoun-chain-skips-names-it-speaks-of",
    ),
    pytest.param(
        ["Tomas Berg spoke first.", 'Asked about Paul Green, he replied: "I have nothing to add."'],
        "Tomas Berg",
        id="participle-opener",
    ),
    pytest.param(
        [
            "Paul Green chairs the board.",
            "After the meeting with Paul Green ended, Tomas Berg walked out.",
            '"The town will recover," he said.',
        ],
        "Tomas Berg",
        id="main-clause-subject-after-opener",
    ),
    pytest.param(
        [
            "Tomas Berg took his son to the river to show him where Paul Green had lived.",
            '"This is where it started," he said.',
        ],
        "Tomas Berg",
        id="sentence-opener-before-subordinate-name",
    ),
    pytest.param(
        [
            "Bill Ortiz and Hillary Ortiz visited the school.",
            "Mrs. Ortiz spoke about the flood.",
            '"The children were brave," she said.',
        ],
        "Hillary Ortiz",
        id="shared-surname-mrs",
    ),
    pytest.param(
        ["Robert Lane and Hillary Stone toured the levee.", '"It held," she said.'],
        "Hillary Stone",
        id="gender-from-given-name",
    ),
    pytest.param(
        [
            "Sara Lind and Peter Holm met the engineers.",
            "She thanked them, and he asked about the pumps.",
            "Holm later said he was satisfied.",
            '"They did well," she said.',
        ],
        "Sara Lind",
        id="gender-from-pronouns",
    ),
    pytest.param(
        [
            "Tomas Berg runs the port.",
            "Paul Green may be right about the tides, but the port will stay open, he says.",
            '"We are ready," he said.',
        ],
        "Tomas Berg",
        id="reported-words-are-not-the-referent",
    ),
    pytest.param(
        ["Tomas Berg's been calling for a new levee for years.", '"It is overdue," he said.'],
        "Tomas Berg",
        id="contracted-has",
    ),
    pytest.param(
        [
            '"We will win," Tomas Berg said.',
            "The crowd cheered.",
            '"Vote on Sunday," the candidate added.',
        ],
        "Tomas Berg",
        id="the-candidate-quoted-before",
    ),
]


@pytest.mark.parametrize(("paragraphs", "speaker"), PRONOUNS)
def test_pronoun_and_description_referents(paragraphs: list[str], speaker: str) -> None:
    assert said(paragraphs)[-1][1] == speaker


def test_continuing_quote_keeps_the_mention_it_was_attributed_from() -> None:
    text, paras = make(['"The school is dry," Lena Ortiz said.', '"We will keep it open."'])
    first, second = extract_quotes(text, paras)
    assert second.speaker == "Lena Ortiz"
    assert (second.speaker_start, second.speaker_end) == (first.speaker_start, first.speaker_end)


def test_a_name_opening_with_a_lowercase_particle_keeps_its_quote() -> None:
    text, paragraphs = make(
        [
            "Zeid Ra'ad al-Hussein, the rights chief, spoke on Tuesday.",
            '"This is a disgrace," Mr. al-Hussein said.',
        ]
    )
    [quote] = extract_quotes(text, paragraphs)
    assert quote.speaker == "Zeid Ra'ad al-Hussein"


@pytest.mark.parametrize(
    ("paragraphs", "speaker"),
    [
        # the one who asks is not the one who answers
        (["Senator Mark Hale spent the morning in Ohio.",
          'Asked by Reuters whether the deal was dead, he replied: "Not yet."'], "Mark Hale"),
        # the agent of "announced by" is who speaks
        (['The plan was announced by the home secretary on Monday. "We will build 40 '
          'prisons," the home secretary said.'], "the home secretary"),
        # "he" is the man named, not the country named nearby
        (["Iran rejected the offer on Monday.",
          'Foreign Minister Javad Zarif spoke to reporters. "We stick to our demand," he said.'],
         "Javad Zarif"),
        # "the minister" is the minister named earlier
        (["Finance Minister Anna Berg presented the budget on Tuesday.",
          'The minister says she is "just about 100% sure" of the figures.'], "Anna Berg"),
        # "she" after a sentence naming Clinton is Clinton
        (["Hillary Clinton spoke in Iowa on Monday.",
          "She has repeatedly said she has no plans to raise taxes on the middle class."],
         "Hillary Clinton"),
    ],
)  # fmt: skip
def test_who_speaks_in_real_attributions(paragraphs: list[str], speaker: str) -> None:
    text, spans = make(paragraphs)
    quotes = [q for q in extract_quotes(text, spans) if not q.continues]
    assert [q.speaker for q in quotes] == [speaker]


@pytest.mark.parametrize(
    ("paragraphs", "speakers"),
    [
        # the full name, "Mr. de Blasio" and "de Blasio" are one person
        (["Mayor Bill de Blasio spoke at City Hall on Monday.",
          '"We will not cut schools," de Blasio said.',
          '"Not one teacher," said Mr. de Blasio.',
          'De Blasio added: "The budget is fair."'], ["Bill de Blasio"] * 3),
        # with nobody named in full, the name as written, particle and all
        (["City Hall faced a budget gap on Monday.",
          '"We will not cut schools," de Blasio said.'], ["de Blasio"]),
        (["City Hall faced a budget gap on Monday.",
          '"We will not cut schools," said de Blasio.'], ["de Blasio"]),
        (['van Gogh wrote to his brother: "I dream of painting."'], ["van Gogh"]),
        (['"We played well," said van der Berg, the coach.'], ["van der Berg"]),
        (['"We want peace," bin Salman said.'], ["bin Salman"]),
        (['al-Hussein said: "This must stop."'], ["al-Hussein"]),
        (['"We are ready," de Blasio, a Democrat, told reporters.'], ["de Blasio"]),
        # at a sentence's start the particle takes a capital: the same person
        (['De Blasio spoke on Monday. "It is fair," de Blasio said.'], ["de Blasio"]),
        # a pronoun goes back to the name with its particle
        (['Crown Prince Mohammed bin Salman met the envoy.', '"We want peace," he said.'],
         ["Mohammed bin Salman"]),
        # "van" and "de" that are no names
        (['Police said the van Smith rented was empty. "It was," Smith said.'], ["Smith"]),
        (['The law is a de facto ban, said Ana Ruiz. "It is a ban," Ruiz said.'],
         ["Ana Ruiz"]),
    ],
)  # fmt: skip
def test_names_with_lowercase_particles_keep_their_quotes(
    paragraphs: list[str], speakers: list[str]
) -> None:
    assert [speaker for _words, speaker in said(paragraphs)] == speakers


def test_reported_speech_of_a_name_with_a_particle() -> None:
    text, spans = make(["de Blasio said that the budget would be balanced by June."])
    (quote,) = extract_quotes(text, spans)
    assert quote.speaker == "de Blasio"
    assert text[quote.speaker_start : quote.speaker_end] == "de Blasio"


@pytest.mark.parametrize(
    "paragraphs",
    [
        ["The strike hit the port on Tuesday.",
         'Asked by Reuters whether the strike would last, he replied: "We will see."'],
        ["The strike hit the port on Tuesday.",
         'When asked by Reuters whether it would go on, he replied, "We will see."'],
        ['"The port is shut," Reuters said.',
         'Asked by Reuters whether the strike would last, he replied: "We will see."'],
        ["Reuters reported that the port had closed on Monday night.",
         'Asked by Reuters whether the strike would last, he replied: "We will see."'],
        ["The strike hit the port.",
         'Told by the BBC that the port was empty, he said: "That is not true."'],
        ["The strike hit the port.",
         'Interviewed by Politico on Monday, he said: "We will see."'],
        ["The strike hit the port.",
         '"We will see," he replied when asked by reporters whether it would last.'],
    ],
)  # fmt: skip
def test_who_asks_is_not_who_answers(paragraphs: list[str]) -> None:
    # with nobody named before, "he" stays an unresolved pronoun: never the one who asked
    text, spans = make(paragraphs)
    answer = [q for q in extract_quotes(text, spans) if q.kind is QuoteKind.DIRECT][-1:]
    assert [q.speaker for q in answer] == [None]
    (quote,) = answer
    assert text[quote.speaker_start : quote.speaker_end] == "he"


def test_who_answers_is_the_person_named_before_the_one_who_asks() -> None:
    paragraphs = [
        "Port director Tom Webb toured the docks on Tuesday.",
        '"The port is shut," Reuters said.',
        'Asked by Reuters whether the strike would last, he replied: "We will see."',
    ]
    assert said(paragraphs)[-1] == ("We will see.", "Tom Webb")


def test_the_same_words_name_a_whole_organisation_only_where_it_is_written_out() -> None:
    # "Committee" is read once for the text, but the whole name around it at each mention
    paragraphs = [
        '"Reporters are at risk," said the Committee to Protect Journalists.',
        '"We will meet again," said Committee.',
    ]
    assert said(paragraphs) == [
        ("Reporters are at ris", "Committee to Protect Journalists"),
        ("We will meet again,", "Committee"),
    ]


def test_a_surname_names_the_same_person_at_every_mention() -> None:
    paragraphs = [
        "Lena Ortiz, the mayor, opened the meeting.",
        '"We will rebuild," Ortiz said.',
        "Roads were closed.",
        '"It will take a year," Ortiz said.',
    ]
    assert [speaker for _, speaker in said(paragraphs)] == ["Lena Ortiz", "Lena Ortiz"]
