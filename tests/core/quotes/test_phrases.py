"""Noun phrases around a speech verb: the speaker's name cut out of titles and descriptions."""

from __future__ import annotations

import pytest

from tests.core.quotes.texts import said


@pytest.mark.parametrize(
    ("paragraph", "speaker"),
    [
        pytest.param(
            '"The road is closed," said Rami Khouri, a professor at the university.',
            "Rami Khouri",
            id="description-after-the-name",
        ),
        pytest.param(
            '"The road is closed," the city\'s chief engineer, Maria Lopez, said.',
            "Maria Lopez",
            id="name-in-apposition",
        ),
        pytest.param(
            'Syrian President Bashar al-Assad said: "We will not give up."',
            "Bashar al-Assad",
            id="titles-before-the-subject",
        ),
        pytest.param(
            '"It is over," said Sen. Marco Rubio of Florida.',
            "Marco Rubio",
            id="abbreviated-title-and-state",
        ),
        pytest.param(
            '"We will stay," Mayor Lena Ortiz of Valdora told reporters.',
            "Lena Ortiz",
            id="place-after-the-name",
        ),
    ],
)
def test_the_speaker_is_the_name_without_titles_or_descriptions(
    paragraph: str, speaker: str
) -> None:
    assert [who for _, who in said([paragraph])] == [speaker]
