"""Attribution: the mention a direct quote is attributed from, after or before it."""

from __future__ import annotations

import pytest

from comparer.core.quotes import extract_quotes
from tests.core.quotes.texts import direct, make

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
