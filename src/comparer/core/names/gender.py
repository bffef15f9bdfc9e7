"""Whether a person the article names is a man or a woman, from the article's own evidence.

"Mr"/"Ms", and the subject pronouns ("he", "she", "himself") of sentences that name one
person, outside quote marks; a given name from the lexicon seeds it. Possessive and object
pronouns ("his", "her", "him") are not counted: they point at someone else as often as not.

What a paragraph's pronouns add reads that paragraph alone (with its mentions, the 40
characters before each and who each name is), so versions read together keep it per
paragraph (``paragraph_evidence``, used by ``registry``).
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Callable, Iterator, Sequence
from enum import StrEnum
from typing import Protocol, TypeVar

from comparer.core.names.lexicon import HONORIFIC_FEMALE, HONORIFIC_MALE, asked_by
from comparer.core.names.parsing import EntityKind

_QUOTED_TEXT = re.compile(r"[\u201c\"][^\u201c\u201d\"]*[\u201d\"]")


# "he", "himself", "HE" (group 1) and "she", "herself", "SHE", as whole words. The pattern
# opens with the first letter's character class, so ``re`` skips from one such letter to the
# next in C; the look-behind then asks for no word character before it (the word boundary),
# and each way of going on names the letter it needs. The same matches as
# ``\b(?:([Hh]e|[Hh]imself|HE)|[Ss]he|[Ss]herself|SHE)\b``, three times faster.
_GENDERED = re.compile(
    r"[HhSs](?<!\w.)(?:((?<=[Hh])(?:e|imself)|(?<=H)E)|(?<=[Ss])(?:he|herself)|(?<=S)HE)\b"
)


PUNCT_RUN = re.compile(r"[.!?]+")


SENTENCE_REACH = 3000  # a "sentence" longer than this is cut: text without full stops


def count_between(male: list[int], female: list[int], a: int, b: int) -> tuple[int, int]:
    """How many of the (sorted) male and female pronoun offsets fall in ``[a, b)``."""
    return (
        bisect.bisect_left(male, b) - bisect.bisect_left(male, a),
        bisect.bisect_left(female, b) - bisect.bisect_left(female, a),
    )


def paragraph_pronouns(text: str, start: int, end: int) -> tuple[list[int], list[int]]:
    """Where "he"/"himself" and "she"/"herself" stand in a paragraph, outside quote marks.

    Pronouns inside quote marks speak of someone else. One pass over the paragraph, so
    each sentence then counts its pronouns with two look-ups.

    Returns:
        The sorted offsets of the male and of the female pronouns.
    """
    male: list[int] = []
    female: list[int] = []
    quoted = [(m.start(), m.end()) for m in _QUOTED_TEXT.finditer(text, start, end)]
    q = 0
    for m in _GENDERED.finditer(text, start, end):
        k = m.start()
        while q < len(quoted) and quoted[q][1] <= k:
            q += 1
        if q < len(quoted) and quoted[q][0] <= k:
            continue
        (male if m.group(1) else female).append(k)
    return male, female


class Gender(StrEnum):
    """A person's gender as the article shows it."""

    MALE = "m"
    FEMALE = "f"


def gender_of(male: int, female: int) -> Gender | None:
    """The gender that clearly outweighs the other in the evidence counted, or None."""
    if male > female * 2 and male >= 1:
        return Gender.MALE
    if female > male * 2 and female >= 1:
        return Gender.FEMALE
    return None


def honorific_gender(titles: tuple[str, ...]) -> Gender | None:
    """The gender "Mr." or "Mrs."/"Ms." among ``titles`` shows, or None."""
    if any(t in HONORIFIC_MALE for t in titles):
        return Gender.MALE
    if any(t in HONORIFIC_FEMALE for t in titles):
        return Gender.FEMALE
    return None


class Mention(Protocol):
    """A name as written (``registry.NameMention``): what the pronoun count reads of it."""

    @property
    def start(self) -> int:
        """Where the mention starts in the text."""

    @property
    def end(self) -> int:
        """Where the mention ends in the text."""

    @property
    def name(self) -> str:
        """The name as the mention gives it."""

    @property
    def kind(self) -> str:
        """Its ``EntityKind``."""


class Evidence(Protocol):
    """A person (``registry.Entity``) whose pronoun counts grow."""

    male: int
    female: int

    @property
    def name(self) -> str:
        """The fullest name."""

    @property
    def kind(self) -> str:
        """Its ``EntityKind``."""


class PronounScans(Protocol):
    """Where each paragraph's gendered pronouns are (``quotes.scans.ParagraphScans``)."""

    def pronouns(self, pi: int) -> tuple[int, list[int], list[int]]:
        """``paragraph_pronouns`` of paragraph ``pi``, with the number to add to each."""


E = TypeVar("E", bound=Evidence)


def learn_genders(
    text: str,
    mentions: Sequence[Mention],
    starts: list[int],
    match: Callable[[str, str], E | None],
    spans: list[tuple[int, int]],
    scans: PronounScans,
) -> None:
    """Count the pronouns of sentences that name one person (and of the next sentence).

    Args:
        text: the whole text.
        mentions: every name mentioned in it, in order.
        starts: where each mention starts.
        match: the entity a name of a kind refers to, or None; its counts grow.
        spans: the paragraphs read, as (start, end).
        scans: where the pronouns of each paragraph are.

    Only sentences holding a pronoun are visited, so the work follows the pronouns,
    not the length of the text.
    """
    male_at: list[int] = []
    female_at: list[int] = []
    for pi in range(len(spans)):
        shift, his, hers = scans.pronouns(pi)
        male_at.extend([k + shift for k in his] if shift else his)
        female_at.extend([k + shift for k in hers] if shift else hers)
    for ent, male, female in _evidence(text, mentions, starts, match, spans, male_at, female_at):
        ent.male += male
        ent.female += female


def paragraph_evidence(
    text: str,
    mentions: Sequence[Mention],
    starts: list[int],
    match: Callable[[str, str], E | None],
    span: tuple[int, int],
    male_at: list[int],
    female_at: list[int],
) -> list[tuple[E, int, int]]:
    """What ``learn_genders`` adds for one paragraph: (person, male, female) per sentence.

    The same as ``learn_genders`` counts in ``span`` when the paragraphs do not overlap
    and every mention lies in its own paragraph: a sentence and the one before it are
    looked for within the paragraph. What it reads: the paragraph, its pronouns
    (``male_at``, ``female_at``, sorted), its mentions, the 40 characters before each of
    them (``asked_by``) and the people ``match`` gives.
    """
    return list(_evidence(text, mentions, starts, match, [span], male_at, female_at))


def _evidence(
    text: str,
    mentions: Sequence[Mention],
    starts: list[int],
    match: Callable[[str, str], E | None],
    spans: list[tuple[int, int]],
    male_at: list[int],
    female_at: list[int],
) -> Iterator[tuple[E, int, int]]:
    """The pronouns ``male_at`` and ``female_at`` count for, sentence by sentence."""
    known: dict[tuple[str, str], E | None] = {}

    def people(lo: int, hi: int) -> dict[str, E]:
        """The people named by mentions ``lo`` to ``hi``, by name.

        Only these mentions are looked up: the sentences with a pronoun hold few of
        the article's mentions.
        """
        found: dict[str, E] = {}
        for m in mentions[lo:hi]:
            if asked_by(text, m.start):
                continue  # "Asked by Reuters whether …, he replied": Reuters is not "he"
            key = (m.name, m.kind)
            if key not in known:
                e = match(m.name, m.kind)
                known[key] = (
                    e
                    if e is not None and e.kind in (EntityKind.PERSON, EntityKind.UNKNOWN)
                    else None
                )
            e = known[key]
            if e is not None:
                found[e.name] = e
        return found

    para_starts = [s for s, _ in spans]
    found = sorted([(k, 1, 0) for k in male_at] + [(k, 0, 1) for k in female_at])
    done = -1  # the end of the last sentence counted
    for k, _, _ in found:
        if k < done:
            continue
        ps, pe = spans[bisect.bisect_right(para_starts, k) - 1]
        s0, s1 = sentence_at(text, k, ps, pe)
        done = s1
        lo, hi = bisect.bisect_left(starts, s0), bisect.bisect_left(starts, s1)
        named = people(lo, hi)
        if len(named) == 1:
            ent = next(iter(named.values()))
            male, female = count_between(male_at, female_at, mentions[lo].end, s1)
            yield ent, male, female
        elif not named and s0 > ps:
            # the sentence after one naming a single person still speaks of them
            p0, _ = sentence_at(text, s0 - 1, ps, pe)
            plo, phi = bisect.bisect_left(starts, p0), bisect.bisect_left(starts, s0)
            before = people(plo, phi)
            if len(before) == 1:
                ent = next(iter(before.values()))
                male, female = count_between(male_at, female_at, s0, s1)
                yield ent, male // 2, female // 2


def sentence_at(text: str, k: int, ps: int, pe: int) -> tuple[int, int]:
    """The sentence around offset ``k``: after the last ``.!?`` before it to the next."""
    floor = max(ps, k - SENTENCE_REACH)
    while k > floor and text[k] in ".!?" and text[k - 1] in ".!?":
        k -= 1  # k in a closing run ("?!"): the sentence is the one that run closes
    j = max(text.rfind(".", floor, k), text.rfind("!", floor, k), text.rfind("?", floor, k))
    s0 = j + 1 if j >= 0 else floor
    m = PUNCT_RUN.search(text, k, min(pe, k + SENTENCE_REACH))
    return s0, (m.end() if m else min(pe, k + SENTENCE_REACH))
