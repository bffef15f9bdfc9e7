"""Tests for the quote extractor: spans, attribution patterns and speaker resolution."""

from __future__ import annotations

import pytest

from comparer.core.model import Paragraph, Quote, QuoteKind, Role
from comparer.core.quotes import extract_quotes
from comparer.core.quotes.marks import scan_paragraph, sentence_ends


def make(paragraphs: list[str], roles: list[Role] | None = None) -> tuple[str, list[Paragraph]]:
    """A text of blank-line separated paragraphs, with their spans."""
    roles = roles or [Role.BODY] * len(paragraphs)
    spans: list[Paragraph] = []
    pos = 0
    for para, role in zip(paragraphs, roles, strict=True):
        spans.append(Paragraph(pos, pos + len(para), role))
        pos += len(para) + 2
    return "\n\n".join(paragraphs), spans


def direct(paragraphs: list[str]) -> list[Quote]:
    text, paras = make(paragraphs)
    return [q for q in extract_quotes(text, paras) if q.kind is QuoteKind.DIRECT]


def said(paragraphs: list[str]) -> list[tuple[str, str | None]]:
    """(first words of each direct quote, its speaker)."""
    return [(q.text.strip('"\u201c\u201d')[:20], q.speaker) for q in direct(paragraphs)]


ATTRIBUTIONS = [
    pytest.param(
        ['"We will rebuild the bridge," Mayor Lena Ortiz said.'],
        "Lena Ortiz",
        id="quote-comma-name-said",
    ),
    pytest.param(['"The water is still rising," said Tomas Berg.'], "Tomas Berg", id="said-name"),
    pytest.param(
        ['"It is a disaster," the International Committee of the Red Cross said.'],
        "International Committee of the Red Cross",
        id="organisation-named-with-of-the",
    ),
    pytest.param(
        ['"We are sending aid," the Bill and Melinda Gates Foundation said.'],
        "Bill and Melinda Gates Foundation",
        id="organisation-named-with-and",
    ),
    pytest.param(
        ['"The river is rising," said the National Oceanic and Atmospheric Administration.'],
        "National Oceanic and Atmospheric Administration",
        id="said-organisation-named-with-and",
    ),
    pytest.param(
        ['"Animals are at risk," the Royal Society for the Prevention of Cruelty to Animals said.'],
        "Royal Society for the Prevention of Cruelty to Animals",
        id="organisation-named-with-for-the",
    ),
    pytest.param(
        ['"It is over," Clinton and the Democratic Party said.'],
        "Democratic Party",
        id="and-the-joins-no-organisation",
    ),
    pytest.param(
        ['Engineer David Park said: "The barriers were due for repair."'],
        "David Park",
        id="job-capitalised-before-name",
    ),
    pytest.param(
        ['Maybe Lena Ortiz will win. "We are in trouble," Ortiz said.'],
        "Lena Ortiz",
        id="sentence-adverb-not-part-of-the-name",
    ),
    pytest.param(
        ['"We are in trouble," Ortiz said. Perhaps Ortiz is right.'],
        "Ortiz",
        id="sentence-adverb-before-a-surname",
    ),
    pytest.param(
        ['Rubio spent the night refusing to answer. "I will not discuss it," refusing said.'],
        None,
        id="a-verb-form-is-no-speaker",
    ),
    pytest.param(
        ['"It will pass," Sen. Lena Ortiz, D-Calif., told reporters.'],
        "Lena Ortiz",
        id="party-and-state-after-the-name",
    ),
    pytest.param(
        ['WASHINGTON \u2014 Officials at the port were told that "nothing will change."'],
        None,
        id="a-dateline-is-no-speaker",
    ),
    pytest.param(
        ['"We are ready," said a spokesman for the Committee to Protect Journalists.'],
        "Committee to Protect Journalists",
        id="organisation-name-going-on-after-its-head",
    ),
    pytest.param(
        ['"The numbers do not add up," said Dean Baker.'],
        "Dean Baker",
        id="given-name-like-a-job-kept",
    ),
    pytest.param(
        ["Lena Ortiz said: \u201cThe road to the valley is closed.\u201d"],
        "Lena Ortiz",
        id="name-said-colon-curly",
    ),
    pytest.param(
        ["Lena Ortiz arrived at noon.", 'Ortiz told reporters: "We need more pumps tonight."'],
        "Lena Ortiz",
        id="surname-told-colon",
    ),
    pytest.param(
        ['Tomas Berg, a hydrologist at the Northfield Institute, said: "The levee held."'],
        "Tomas Berg",
        id="name-appositive-said",
    ),
    pytest.param(
        ['"The levee held," Tomas Berg, a hydrologist at the Northfield Institute, said.'],
        "Tomas Berg",
        id="quote-name-appositive-said",
    ),
    pytest.param(
        ['"The dam is safe for now," the Daily Courier quoted Anna Pike as saying.'],
        "Anna Pike",
        id="outlet-quoted-as-saying",
    ),
    pytest.param(
        ['River News\'s Mara Quint, reporting from Eastbridge, said: "Boats are out."'],
        "Mara Quint",
        id="outlet-possessive-reporting-from",
    ),
    pytest.param(
        [
            "The Valley Flood Relief Network, a coalition of volunteers, sent boats to the town.",
            '"We have rescued thirty families since dawn," the group said.',
        ],
        "Valley Flood Relief Network",
        id="the-group",
    ),
    pytest.param(
        [
            "The Ministry of Water issued a warning on Monday.",
            '"Stay away from the river banks until Friday," the ministry said.',
        ],
        "Ministry of Water",
        id="the-ministry",
    ),
    pytest.param(
        [
            "President Omar Haddad visited the broken dam on Tuesday.",
            'Later the president said: "We will pay for every repair."',
        ],
        "Omar Haddad",
        id="the-president",
    ),
    pytest.param(
        ["Economist Ruth Adler warned of losses.", '"Prices will rise this winter," Adler said.'],
        "Ruth Adler",
        id="surname-to-full-name",
    ),
    pytest.param(
        ["\"He told me 'run', so I ran as fast as I could,\" said Ana Ruiz."],
        "Ana Ruiz",
        id="nested-single-quotes",
    ),
    pytest.param(
        ['"We are ready," campaign manager Tomas Berg said.'],
        "Tomas Berg",
        id="lowercase-title-before-name",
    ),
    pytest.param(
        ['"We are ready," Tomas Berg, 52, told Radio North.'],
        "Tomas Berg",
        id="age-appositive-told-listener",
    ),
    pytest.param(
        ['"We are ready," Carla Mendes told Radio North Monday.'],
        "Carla Mendes",
        id="listener-with-weekday",
    ),
    pytest.param(
        ["\u201cThis is wonderful!\u201d beamed Carla Mendes."],
        "Carla Mendes",
        id="inverted-verb",
    ),
    pytest.param(
        ["Carla Mendes runs the shelter.", '"Are you ready?" Mendes, a retired teacher, said.'],
        "Carla Mendes",
        id="appositive-after-question",
    ),
    pytest.param(
        ['"The levee held," said Tomas Berg of the Northfield University.'],
        "Tomas Berg",
        id="name-of-organisation",
    ),
    pytest.param(
        ['"We will vote on Friday," House Speaker Tomas Berg said.'],
        "Tomas Berg",
        id="title-after-organisation",
    ),
    pytest.param(
        ['"We will vote on Friday," said Speaker of the House Rep. Tomas Berg.'],
        "Tomas Berg",
        id="long-title-after-organisation",
    ),
    pytest.param(
        ["Karen Mendes opened the shelter.", '"Come inside," Karen said.'],
        "Karen Mendes",
        id="given-name-alone",
    ),
    pytest.param(
        [
            "Tomas Berg came in late.",
            'Asked about it, he laughed and said, "The river took the road."',
        ],
        "Tomas Berg",
        id="pronoun-with-two-verbs",
    ),
    pytest.param(
        ['Tomas Berg called on her to resign and said, "Her time is over."'],
        "Tomas Berg",
        id="coordinated-verbs",
    ),
    pytest.param(
        ['Karen Mendes said it was too early to count votes but added, "We did well."'],
        "Karen Mendes",
        id="said-but-added",
    ),
    pytest.param(
        ['What do you think of Tomas Berg quietly saying "pray for them" after the flood?'],
        "Tomas Berg",
        id="name-right-before-participle",
    ),
    pytest.param(
        ["Tomas Berg spoke.", '"Why would anyone stay?" Berg said about the empty village.'],
        "Tomas Berg",
        id="name-said-after-question-long-tail",
    ),
    pytest.param(
        ['"This is fantastic!" beamed Karen Mendes of Northfield, who came early.'],
        "Karen Mendes",
        id="inverted-verb-name-of-place",
    ),
    pytest.param(
        [
            "Tomas Manning runs the town.",
            'Manning, the mayor, praised the crews: "They never stopped."',
        ],
        "Tomas Manning",
        id="name-ending-in-ing-is-no-opener",
    ),
    pytest.param(
        ['"The vote was close," one Northfield delegate said.'],
        "one Northfield delegate",
        id="name-qualifies-noun",
    ),
    pytest.param(
        ["Billie Jean King visited the school.", '"The children were brave," King said.'],
        "Billie Jean King",
        id="surname-that-is-a-title-word",
    ),
]


@pytest.mark.parametrize(("paragraphs", "speaker"), ATTRIBUTIONS)
def test_attribution_patterns(paragraphs: list[str], speaker: str | None) -> None:
    quotes = direct(paragraphs)
    assert len(quotes) == 1
    assert quotes[0].speaker == speaker


def test_quote_span_includes_marks_and_mention_span_points_at_name() -> None:
    text, paras = make(['"We will rebuild the bridge," Mayor Lena Ortiz said.'])
    (quote,) = extract_quotes(text, paras)
    assert quote.text == '"We will rebuild the bridge,"'
    assert text[quote.start : quote.end] == quote.text
    assert quote.speaker_start is not None and quote.speaker_end is not None
    assert text[quote.speaker_start : quote.speaker_end] == "Lena Ortiz"


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


def test_sentence_ends_before_a_line_break() -> None:
    text = "\u201cNot one,\u201d he said.\nBut Paul Green said it would work."
    quoted = [(s.start, s.end) for s in scan_paragraph(text, 0, len(text), 0)]
    assert text.index("\nBut") in sentence_ends(text, 0, len(text), quoted)


def test_one_huge_paragraph_keeps_every_quote() -> None:
    chunk = 'The river rose again. "We are ready," said Tomas Berg. '
    text = chunk * 5000
    spans = scan_paragraph(text, 0, len(text), 0)
    assert len(spans) == 5000
    assert all(text[s.start] == '"' and text[s.end - 1] == '"' for s in spans)


def test_interrupted_quote_is_one_quote() -> None:
    quotes = direct(
        ['"The first wall held," engineer Maria Lopez said, "but the second one did not."']
    )
    assert [q.speaker for q in quotes] == ["Maria Lopez", "Maria Lopez"]
    assert [q.continues for q in quotes] == [False, True]


def test_multi_paragraph_quote_continues() -> None:
    quotes = direct(
        [
            '"We lost the whole harvest," farmer Paul Green said. "It will take years.',
            '"Nobody here expected the water to come so fast."',
        ]
    )
    assert [q.speaker for q in quotes] == ["Paul Green", "Paul Green", "Paul Green"]
    assert [q.continues for q in quotes] == [False, False, True]


def test_unattributed_quote_paragraph_continues_previous_speaker() -> None:
    quotes = direct(
        [
            '"The school is dry," Lena Ortiz said.',
            '"We will keep it open for as long as families need it."',
        ]
    )
    assert [(q.speaker, q.continues) for q in quotes] == [
        ("Lena Ortiz", False),
        ("Lena Ortiz", False),
    ]


@pytest.mark.parametrize(
    "paragraph",
    [
        'The so-called "safe zone" was flooded by noon.',
        'She wrote the book "Rivers of Home" two years ago.',
        "The town hall hosted a \u201clistening session\u201d on Friday.",
    ],
    ids=["scare-quotes", "title", "curly-scare-quotes"],
)
def test_scare_quotes_and_titles_are_not_quotes(paragraph: str) -> None:
    assert direct([paragraph]) == []


@pytest.mark.parametrize(
    ("paragraphs", "speaker", "content"),
    [
        (
            ["Lena Ortiz said that the bridge would reopen next week."],
            "Lena Ortiz",
            "the bridge would reopen next week",
        ),
        (
            ["The Centers for Disease Control and Prevention said that cases had doubled."],
            "Centers for Disease Control and Prevention",
            "cases had doubled",
        ),
        (
            ["Indeed, officials said that the bridge would reopen next week."],
            "officials",
            "the bridge would reopen next week",
        ),
        (
            ["Tomas Berg arrived.", "Berg told the council that the repairs would cost more."],
            "Tomas Berg",
            "the repairs would cost more",
        ),
        (
            ["According to the Northfield Institute, the levee is stable."],
            "Northfield Institute",
            "the levee is stable",
        ),
        (
            ["The levee is stable and will hold, the engineer said."],
            "the engineer",
            "The levee is stable and will hold",
        ),
        (
            ["At least 12 people died when the levee broke, local officials said."],
            "local officials",
            "At least 12 people died when the levee broke",
        ),
        (
            ["Officials said 40 people had been rescued from the flooded streets."],
            "Officials",
            "40 people had been rescued from the flooded streets",
        ),
        (
            ["The council said $4.5m would go to the families affected."],
            "The council",
            "$4.5m would go to the families affected",
        ),
    ],
    ids=[
        "said-that",
        "organisation-named-with-small-words",
        "adverb-first",
        "told-that",
        "according-to",
        "clause-then-said",
        "clause-then-description-said",
        "said-a-figure-first",
        "said-a-sum-first",
    ],
)
def test_indirect_quotes(paragraphs: list[str], speaker: str, content: str) -> None:
    text, paras = make(paragraphs)
    indirect = [q for q in extract_quotes(text, paras) if q.kind is QuoteKind.INDIRECT]
    assert len(indirect) == 1
    assert indirect[0].speaker == speaker
    assert indirect[0].text == content


@pytest.mark.parametrize(
    "paragraph",
    [
        "The casino reported $2.17 billion in gaming revenue in the first ten months.",
        "The Senate confirmed 68 judicial nominees by this point in the last term.",
    ],
)
def test_a_figure_as_the_verbs_object_is_no_quote(paragraph: str) -> None:
    # "reported $2.17 billion in revenue" reports a figure; nobody is quoted saying it
    text, paras = make([paragraph])
    assert [q for q in extract_quotes(text, paras) if q.kind is QuoteKind.INDIRECT] == []


def test_quote_marks_around_no_words_quote_nobody() -> None:
    text, paras = make(['He typed "" and "?" and "$", then "Yes," she said.', '"' * 2000])
    assert [q.text for q in extract_quotes(text, paras)] == ['"Yes,"']


def test_markup_and_metadata_paragraphs_are_not_read() -> None:
    text, paras = make(
        [
            '<embed flashvars="a" name="player">',
            'Source: "River News"',
            '"Water is rising," said Tomas Berg.',
        ],
        [Role.MARKUP, Role.METADATA, Role.BODY],
    )
    quotes = extract_quotes(text, paras)
    assert [q.speaker for q in quotes] == ["Tomas Berg"]


def test_no_paragraphs_no_quotes() -> None:
    assert extract_quotes("", []) == ()
