"""The quote finder's paragraph-local steps, shared by versions that hold the same text.

Consecutive versions of a story share most of their paragraphs, and most of the quote
finder's work reads one paragraph (or one sentence) and little else: where a quote's
attribution is (``attribution``, ``phrases``), whether a passage is a scare quote or a
title (``units``), and what a sentence reports (``reported``). ``Reuse`` keeps those
results for ``extract_quotes_many``, keyed on exactly what each one reads, and moves them
to where the text stands in each version; the rest of the pass (who speaks next,
pronouns) is done per version, since it reads the whole text. The names are kept
paragraph by paragraph in the scans' memo (``ParagraphScans.kept``), and the people and
genders they make are shared by versions whose names and pronouns agree
(``NameRegistry`` says what each reads).

What each result reads, and so what it is keyed on:

- a direct quote's attribution and whether it is kept: the paragraphs its pieces stand in
  (each as its scans are known: its text and the character before it), which of the
  first paragraph's passages it opens with and how many pieces it has; the paragraph
  before it when the quote opens its paragraph and the one before ends with a colon
  ("X described it this way:"); the paragraph after it when the quote ends its
  paragraph (a signature line, "- Michelle Marks, Philadelphia.");
- a paragraph's reported speech: the paragraph (as its scans know it) and, when it holds
  "According to", the 80 characters after it (the name after those words is read that
  far); in a paragraph no version had, each sentence's: the sentence and the two
  characters before it, and, for one opening "According to", the 80 after it. A
  paragraph's is kept in the dict its scans keep for it (``ParagraphScans.kept``), with
  whether it holds "According to" at all, so a paragraph met again costs one look-up and
  its speech moved to this version's offsets.

A quote's attribution is kept by whole paragraphs, not by sentence, although a sentence
is most of what it reads: the paragraph's quoted passages and sentence ends come from
pairing its quote marks across all its sentences, so a mark added in one sentence
changes what the others' attributions read.

A step that consults the names of the whole text (``NameRegistry``; one rare path of the
noun-phrase reader does) depends on more than its key: its result is used but not kept.

Who each mention names (``resolution``) is not kept across versions: a name's speaker is
what this version's names make of it, a pronoun's reads every speaker resolved before it
and the people the sentences before it name, so a sound key would hold all those answers,
and asking them again would cost much of what resolving does. Within one version a name is
worked out once per phrase (``Resolution._name_of``).

Hand-written rather than ``functools.cache``: results are moved to each version's offsets,
and the memo lives for one ``extract_quotes_many`` call.
"""

from __future__ import annotations

import bisect
import re
from typing import Any, cast

from comparer.core.names.registry import NameRegistry
from comparer.core.quotes.context import Extraction, PassMemo, Placed, QuoteUnit, Reported
from comparer.core.quotes.marks import last_nonspace

_NONSPACE = re.compile(r"\S")
_ACCORDING_REACH = 80  # how far past "According to" the name is read (``reported``)
_BEFORE = 2  # characters before a sentence its patterns may look at
# a paragraph's reported speech in its kept dict (``ParagraphScans.kept``): whether it holds
# "According to", and what was found by the 80 characters after it (None when it does not)
_REPORTED = "reported"
_ReportedEntry = tuple[bool, dict[str | None, list[Reported]]]


class _Watched:
    """The names of the whole text, noting whether anything asked them."""

    def __init__(self, names: NameRegistry) -> None:
        self.names = names
        self.used = False

    def __getattr__(self, attr: str) -> Any:
        self.used = True
        return getattr(self.names, attr)


class Reuse:
    """The part of ``QuoteExtractor`` that takes local results from other versions."""

    memo: PassMemo | None

    def _attribute_all(self: Extraction, units: list[QuoteUnit]) -> list[QuoteUnit]:
        """Attribute every unit, and keep those that are quotes (not scare quotes, titles)."""
        memo = self.memo
        if memo is None:
            for unit in units:
                self._attribute(unit)
            return [u for u in units if self._kept(u)]
        kept: list[QuoteUnit] = []
        idents = self._idents
        for unit in units:
            key = self._unit_key(unit, idents)
            p0 = unit.pieces[0].paragraph
            found = memo.units.get(key)
            if found is None:
                watched = _Watched(self.names)
                self.names = cast(NameRegistry, watched)
                try:
                    self._attribute(unit)
                    keep = self._kept(unit)
                finally:
                    self.names = watched.names
                placed = self._placed(unit.mention, p0, key)
                if not watched.used and (unit.mention is None or placed is not None):
                    memo.units[key] = (placed, unit.attributed, keep)
            else:
                placed, unit.attributed, keep = found
                if placed is not None:
                    dp, a, b = placed
                    ps = self.article[p0 + dp][0]
                    unit.mention = (ps + a, ps + b)
            if keep:
                kept.append(unit)
        return kept

    def _kept(self: Extraction, unit: QuoteUnit) -> bool:
        """Whether an attributed unit is a quote: not a title nor unattributed scare quotes."""
        first = unit.pieces[0]
        return len(unit.pieces) > 1 or not (
            (self._title(first) and not self._speech_end(first))
            or not unit.attributed
            and self._scare(first)
        )

    def _unit_key(self: Extraction, unit: QuoteUnit, idents: list[int]) -> tuple[object, ...]:
        """What a unit's attribution and verdict read (see the module docstring).

        ``idents`` are the paragraphs' numbers in the shared scans (``ParagraphScans``).
        """
        text, article = self.text, self.article
        first, last = unit.pieces[0], unit.pieces[-1]
        p0, p1 = first.paragraph, last.paragraph
        ps = article[p0][0]
        before: object = None
        if p0 > 0:
            prev_end = article[p0 - 1][1]
            if text[prev_end - 1 : prev_end] == ":" and last_nonspace(text, ps, first.start) < 0:
                before = idents[p0 - 1]
        after: object = None
        if p1 + 1 < len(article) and _NONSPACE.search(text, last.end, article[p1][1]) is None:
            after = idents[p1 + 1]
        return (
            tuple(idents[p0 : p1 + 1]),
            bisect.bisect_left(self._span_starts[p0], first.start),
            len(unit.pieces),
            before,
            after,
        )

    def _placed(
        self: Extraction, mention: tuple[int, int] | None, p0: int, key: tuple[object, ...]
    ) -> Placed:
        """A mention as (paragraph relative to ``p0``, start and end in it).

        None when it lies outside the paragraphs the unit's ``key`` holds.
        """
        if mention is None:
            return None
        pi = self._para_of(mention[0])
        ps, pe = self.article[pi]
        own, _first, _count, before, after = key
        assert isinstance(own, tuple)
        dp = pi - p0
        inside = 0 <= dp < len(own) or (dp == -1 and before is not None)
        if not inside and not (dp == len(own) and after is not None):
            return None
        if not (ps <= mention[0] <= mention[1] <= pe):
            return None
        return dp, mention[0] - ps, mention[1] - ps

    def _indirect_all(self: Extraction) -> list[tuple[int, int, tuple[int, int]]]:
        """The reported speech of every paragraph in turn, each kept for other versions."""
        article = self.article
        if self.memo is None:
            return [found for pi in range(len(article)) for found in self._indirect_here(pi)]
        text = self.text
        kept = self.scans.kept
        out: list[tuple[int, int, tuple[int, int]]] = []
        for pi, (ps, pe) in enumerate(article):
            store = kept(pi)
            assert store is not None  # kept whenever there is a memo
            entry = store.get(_REPORTED)
            if entry is None:
                # first met: whether the name after an "According to" is read past its end
                entry = store[_REPORTED] = (text.find("According to", ps, pe) >= 0, {})
            according, by_reach = cast(_ReportedEntry, entry)
            reach = text[pe : pe + _ACCORDING_REACH] if according else None
            found = by_reach.get(reach)
            if found is None:
                here, shareable = self._indirect_sentences(pi)
                if shareable:
                    by_reach[reach] = [
                        (a - ps, b - ps, m0 - ps, m1 - ps) for a, b, (m0, m1) in here
                    ]
                out += here
            elif found:
                out += [(ps + a, ps + b, (ps + m0, ps + m1)) for a, b, m0, m1 in found]
        return out

    def _indirect_sentences(
        self: Extraction, pi: int
    ) -> tuple[list[tuple[int, int, tuple[int, int]]], bool]:
        """Paragraph ``pi``'s reported speech sentence by sentence, each shared if it can be.

        Returns the speech found and whether all of it may be kept for the paragraph.
        """
        memo = self.memo
        assert memo is not None
        text = self.text
        out: list[tuple[int, int, tuple[int, int]]] = []
        shareable = True
        for s0, s1 in self._reporting_sentences(pi):
            if s0 < _BEFORE:
                # fewer characters stand before it than a key holds: read here, not kept
                found = self._indirect_in(s0, s1)
                shareable = False
                if found is not None:
                    out.append(found)
                continue
            reach = (
                text[s1 : s1 + _ACCORDING_REACH] if text.startswith("According to", s0) else None
            )
            key = (text[s0 - _BEFORE : s1], reach)
            if key in memo.sentences:
                hit = memo.sentences[key]
                if hit is not None:
                    a, b, m0, m1 = hit
                    out.append((s0 + a, s0 + b, (s0 + m0, s0 + m1)))
                continue
            watched = _Watched(self.names)
            self.names = cast(NameRegistry, watched)
            try:
                found = self._indirect_in(s0, s1)
            finally:
                self.names = watched.names
            if watched.used:
                shareable = False
            else:
                memo.sentences[key] = (
                    None
                    if found is None
                    else (found[0] - s0, found[1] - s0, found[2][0] - s0, found[2][1] - s0)
                )
            if found is not None:
                out.append(found)
        return out, shareable
