"""Reported speech: ``X said that …`` and ``according to X`` as indirect quotes."""

from __future__ import annotations

import bisect
import re

from comparer.core.names.parsing import (
    CAP_WORD,
    is_function_word,
    opens_with_particle,
)
from comparer.core.quotes.context import Extraction, QuoteUnit
from comparer.core.quotes.lexicon import (
    DETERMINERS,
    FINITE_VERB,
    INDIRECT_VERB,
    ORG_HEADS,
    PERSON_NOUNS,
    PRONOUNS,
    TAIL_ATTRIBUTION,
)
from comparer.core.quotes.marks import DOUBLE_MARK

_ACCORDING_LEAD = re.compile(r"According to\s+")


_TOLD_WHOM = re.compile(r"\s+(?:" + CAP_WORD + r"\s+){1,4}|\s+(?:the\s+|a\s+)?\w+\s+")


_THAT_CLAUSE = re.compile(r"\s*(?:(?:on|last|this|in|at)\s+\w+\s+)?(?:that\s+)?")


# "is said", "were reported": a passive reporting verb has no speaker
_PASSIVE_BEFORE = re.compile(r"\b(?:is|are|was|were|be|been|being)\s+$")


# a verb of a clause: an auxiliary, or a past form ("died", "were killed")
_CLAUSE_VERB = re.compile(FINITE_VERB.pattern + r"|\b(?:could|may|might)\b|\w\wed\b")


class ReportedSpeech:
    """The part of ``QuoteExtractor`` that finds indirect quotes."""

    def _indirect(
        self: Extraction, units: list[QuoteUnit]
    ) -> list[tuple[int, int, tuple[int, int]]]:
        """Reported speech: ``X said (that) …``, ``according to X, …``, ``…, X said.``."""
        direct = sorted((p.start, p.end) for u in units for p in u.pieces)
        direct_starts = [a for a, _ in direct]
        out: list[tuple[int, int, tuple[int, int]]] = []
        for found in self._indirect_all():
            a, b, _mention = found
            i = bisect.bisect_left(direct_starts, b)
            if i > 0 and direct[i - 1][1] > a:
                continue  # holds a direct quote: that one carries it
            out.append(found)
        return out

    def _indirect_here(self: Extraction, pi: int) -> list[tuple[int, int, tuple[int, int]]]:
        """The reported speech of paragraph ``pi``, read in this text."""
        out: list[tuple[int, int, tuple[int, int]]] = []
        for s0, s1 in self._reporting_sentences(pi):
            found = self._indirect_in(s0, s1)
            if found is not None:
                out.append(found)
        return out

    def _reporting_sentences(self: Extraction, pi: int) -> list[tuple[int, int]]:
        """The sentences of paragraph ``pi`` that may report speech, as (start, end).

        What is found in one reads the sentence alone, except that "According to X" may
        read up to 80 characters past its end (``reuse`` keys what it shares on that).
        """
        text = self.text
        ps, pe = self.article[pi]
        # one pass per paragraph finds the reporting verbs; only their sentences are read
        hits = self.scans.reporting(pi)
        if not hits:
            return []
        out: list[tuple[int, int]] = []
        bounds = [ps, *self.ends(pi), pe]
        for k in range(len(bounds) - 1):
            s0, s1 = bounds[k], bounds[k + 1]
            h = bisect.bisect_left(hits, s0)
            if h == len(hits) or hits[h] >= s1:
                continue  # no reporting verb in this sentence
            while s0 < s1 and text[s0].isspace():
                s0 += 1
            if s1 - s0 >= 12:
                out.append((s0, s1))
        return out

    def _indirect_in(self: Extraction, s0: int, s1: int) -> tuple[int, int, tuple[int, int]] | None:
        text = self.text
        if DOUBLE_MARK.search(text, s0, s1):
            return None
        body_end = s1
        while body_end > s0 and text[body_end - 1] in " .!?\u2019'":
            body_end -= 1
        # "…, X said." / "…, according to X."
        tail = TAIL_ATTRIBUTION.search(text, s0, s1)
        if tail is not None and tail.start() - s0 > 15:
            if tail.group("acc"):
                mention = self._np_after(tail.start("acc"), body_end)
            elif tail.group("verb"):
                mention = self._np_after(tail.end("verb"), body_end)
            else:
                mention = self._subject_before(tail.start() + 1, tail.start("verb2"))
            if mention is not None and self._good_subject(mention, strict=False):
                return s0, tail.start(), mention
        # "According to X, …"
        acc = _ACCORDING_LEAD.match(text, s0, s1)
        if acc is not None:
            mention = self._np_after(acc.end(), acc.end() + 80)
            comma = text.find(",", acc.end(), s1)
            if mention is not None and comma > 0:
                return comma + 1 + (text[comma + 1] == " "), body_end, mention
        vm = INDIRECT_VERB.search(text, s0, s1)
        if vm is None or vm.start() - s0 > 200:
            return None
        if _PASSIVE_BEFORE.search(text, max(s0, vm.start() - 12), vm.start()):
            return None  # "Pyongyang is said to be working on …": reported by nobody named
        mention = self._subject_before(s0, vm.start())
        if mention is None or not self._good_subject(mention):
            return None
        pos = vm.end()
        if vm.group() in ("told", "tells"):
            obj = _TOLD_WHOM.match(text, pos, s1)
            if obj is not None:
                pos = obj.end() - 1
        rest = _THAT_CLAUSE.match(text, pos, s1)
        assert rest is not None
        start = rest.end()
        opening = text[start : start + 1]
        if len(text[start:body_end].split()) < 3:
            return None
        if not opening.isalpha() and not (
            # what was said may open with a figure ("said 40 homes had been destroyed") when
            # it goes on as a clause, not as the verb's object ("reported $2bn in revenue")
            (opening.isdigit() or opening in "$\u00a3\u20ac")
            and _CLAUSE_VERB.search(text, start, body_end)
        ):
            return None
        return start, body_end, mention

    def _good_subject(self: Extraction, mention: tuple[int, int], strict: bool = True) -> bool:
        """Whether a reported-speech subject is someone: a name, a pronoun, "the group"."""
        phrase = self.text[mention[0] : mention[1]]
        low = phrase.lower()
        words = low.split()
        if not words or len(words) > 8 or low in ("it", "i", "we", "you", "who"):
            return False
        if low in PRONOUNS:
            return True
        if not strict and (words[0] in DETERMINERS or phrase[:1].isupper()):
            return True
        if phrase[:1].isupper() and not is_function_word(phrase.split()[0]):
            return True
        if opens_with_particle(phrase):
            return True  # "de Blasio said that …"
        # a description of people: "local officials", "rescue workers said"
        head = words[-1].strip(".,")
        singular = head[:-1] if head.endswith("s") else head
        return (
            head in PERSON_NOUNS
            or singular in PERSON_NOUNS
            or head in ORG_HEADS
            or singular in ORG_HEADS
        )
