"""Stories of several versions made from random edits, for the story engine's property tests."""

from __future__ import annotations

from hypothesis import strategies as st

from comparer.core.model import Version
from tests.core.factories import body

WORDS = [
    "rescue",
    "teams",
    "reached",
    "the",
    "village",
    "after",
    "the",
    "river",
    "burst",
    "its",
    "banks",
    "officials",
    "said",
    "homes",
    "were",
    "flooded",
    "and",
    "roads",
    "closed",
    "while",
    "volunteers",
    "handed",
    "out",
    "food",
    "and",
    "blankets",
]
NUMBERS = ["3", "12", "17", "40", "48", "450", "nine", "eleven", "$4m", "$4.5m"]


@st.composite
def paragraph(draw: st.DrawFn) -> str:
    words = draw(st.lists(st.sampled_from(WORDS), min_size=4, max_size=14))
    at = draw(st.integers(0, len(words)))
    number = draw(st.sampled_from(NUMBERS))
    return " ".join([*words[:at], number, *words[at:]]).capitalize() + "."


@st.composite
def edited(draw: st.DrawFn, paragraphs: list[str]) -> list[str]:
    """``paragraphs`` after a few random edits of every kind."""
    out = list(paragraphs)
    for _ in range(draw(st.integers(0, 3))):
        kind = draw(st.sampled_from(["number", "word", "add", "drop", "move", "split", "merge"]))
        if not out:
            out.append(draw(paragraph()))
            continue
        i = draw(st.integers(0, len(out) - 1))
        words = out[i].split(" ")
        if kind == "number":
            j = draw(st.integers(0, len(words) - 1))
            words[j] = draw(st.sampled_from(NUMBERS))
            out[i] = " ".join(words)
        elif kind == "word":
            j = draw(st.integers(0, len(words) - 1))
            words[j] = draw(st.sampled_from(WORDS))
            out[i] = " ".join(words)
        elif kind == "add":
            out.insert(i, draw(paragraph()))
        elif kind == "drop" and len(out) > 1:
            out.pop(i)
        elif kind == "move" and len(out) > 2:
            out.insert(draw(st.integers(0, len(out) - 1)), out.pop(i))
        elif kind == "split" and len(words) > 6:
            out[i : i + 1] = [" ".join(words[:4]) + ".", " ".join(words[4:]).capitalize()]
        elif kind == "merge" and i + 1 < len(out):
            out[i : i + 2] = [out[i] + " " + out[i + 1]]
    return out


@st.composite
def story_versions(draw: st.DrawFn, min_versions: int = 2, max_versions: int = 5) -> list[Version]:
    """Versions of one story, each a few edits away from the one before."""
    paragraphs = draw(st.lists(paragraph(), min_size=1, max_size=6))
    versions = [body(paragraphs, "v1.txt")]
    seen = list(paragraphs)  # every paragraph written so far, to restore removed ones
    for k in range(draw(st.integers(min_versions, max_versions)) - 1):
        before = paragraphs
        paragraphs = draw(edited(paragraphs))
        if not paragraphs:
            paragraphs = [draw(paragraph())]
        # now and then a paragraph removed earlier comes back, as written or edited
        gone = [p for p in seen if p not in before and p not in paragraphs]
        if gone and draw(st.booleans()):
            back = draw(st.sampled_from(gone))
            if draw(st.booleans()):
                back = back.replace(" ", f" {draw(st.sampled_from(WORDS))} ", 1)
            paragraphs = list(paragraphs)
            paragraphs.insert(draw(st.integers(0, len(paragraphs))), back)
        seen += [p for p in paragraphs if p not in seen]
        versions.append(body(paragraphs, f"v{k + 2}.txt"))
    return versions
