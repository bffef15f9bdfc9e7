"""Reported speech: "X said that ..." and "according to X" as indirect quotes."""

from __future__ import annotations

import pytest

from comparer.core.model import QuoteKind
from comparer.core.quotes import extract_quotes
from tests.core.quotes.texts import make


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


def test_a_passive_reporting_verb_has_no_speaker() -> None:
    text, paragraphs = make(["Pyongyang is said to be working on a new long-range rocket."])
    assert tuple(extract_quotes(text, paragraphs)) == ()
