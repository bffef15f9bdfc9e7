"""Direct quotes as units: pieces joined across paragraphs and "he said"; scare quotes.

A paragraph that opens a quote and does not close it runs on into the next paragraph that
opens with a quote mark (news style); a passage that resumes after ``"…," he said, "…"`` is
the same quote. Short quoted words with no attribution (scare quotes, titles) are not quotes.
"""

from __future__ import annotations

import re

from comparer.core.names.lexicon import word_set
from comparer.core.quotes.context import Extraction, QuoteUnit
from comparer.core.quotes.lexicon import SMALL_WORDS, VERB, VERBS, word_trie
from comparer.core.quotes.marks import ALL_DOUBLE, MarkedSpan, last_nonspace

_SCARE_MAX_WORDS = 4


_CUE_PREFIXES = tuple(
    word_set(
        """describ label dub term accus prais criticiz criticis slam blast refer deem promis pledg
    vow urg deni insist accord tweet writ tell characteriz claim warn argu believ ask quot mock
    insult attack rail decri dismiss hail defend respon"""
    )
)


_CUE_WORDS = frozenset(w for w in VERBS.split("|") if " " not in w) | word_set(
    "call calling called calls deny denies say said says speech statement interview remarks "
    "wrote told touted"
)


_CUE_PAIRS = frozenset(
    (w.split()[0], w.split()[1]) for w in VERBS.split("|") if len(w.split()) == 2
)


_CUE = re.compile(
    "(?=["
    + "".join(sorted({w[0] for w in _CUE_WORDS} | {p[0] for p in _CUE_PREFIXES}))
    + r"])(?<![\w-])"
    + word_trie(_CUE_WORDS, _CUE_PREFIXES, sorted(_CUE_PAIRS))
)


_CUE_REACH = 400


def _has_cue(sentence: str) -> bool:
    """Whether a sentence holds a speech word ("said", "called", "a statement", "tweeted").

    One scan with a look-ahead on the possible first letters: it runs for every short
    passage in quote marks, and a plain alternation was the slowest step on large texts.
    """
    return _CUE.search(sentence.lower()) is not None


_LETTER_OR_DIGIT = re.compile(r"[^\W_]")


class QuoteUnits:
    """The part of ``QuoteExtractor`` that builds quote units and weeds out scare quotes."""

    def _units(self: Extraction) -> list[QuoteUnit]:
        units: list[QuoteUnit] = []
        prev: MarkedSpan | None = None
        text = self.text
        for pi, spans in enumerate(self.spans):
            pstart = self.article[pi][0]
            for si, span in enumerate(spans):
                if _LETTER_OR_DIGIT.search(text, span.start, span.end) is None:
                    continue  # '""', '"?"', '"$"': marks around no words quote nobody
                cont = False
                if prev is not None and units:
                    if (
                        si == 0
                        and not prev.closed
                        and prev.paragraph == pi - 1
                        and span.start == pstart
                    ):
                        cont = True  # a quote running on into the next paragraph
                    elif si > 0 and prev.paragraph == pi and self._interrupted(prev, span):
                        cont = True
                if cont:
                    units[-1].pieces.append(span)
                else:
                    units.append(QuoteUnit([span]))
                prev = span
        return units

    def _interrupted(self: Extraction, first: MarkedSpan, second: MarkedSpan) -> bool:
        """Whether ``second`` resumes ``first`` after an attribution ("…," he said, "…")."""
        tail = self.text[max(first.start, first.end - 3) : first.end]
        if any(ch in tail for ch in ".!?") and not tail.rstrip(ALL_DOUBLE + "\u2019'").endswith(
            "..."
        ):
            return False
        gap = self.text[first.end : second.start]
        if len(gap) > 150 or any(ch in gap for ch in ".!?;"):
            return False
        stripped = gap.strip()
        if not stripped:
            return True
        return stripped[-1] in ",:\u2014" and bool(VERB.search(gap)) and len(stripped.split()) <= 14

    def _speech_end(self: Extraction, piece: MarkedSpan) -> bool:
        """Whether a passage ends the way speech does before "he said": ``,”`` ``?”`` ``!”``."""
        tail = self.text[max(piece.start, piece.end - 3) : piece.end]
        return any(ch in tail for ch in ",?!")

    def _title(self: Extraction, piece: MarkedSpan, most: int = 8) -> bool:
        """Whether a passage is a title in quote marks: "The Nightly Show", "Tough Choices."."""
        text = self.text
        inner = text[piece.start + 1 : piece.end - 1 if piece.closed else piece.end]
        words = inner.split()
        if not words or len(words) > most:
            return False
        ps = self.article[piece.paragraph][0]
        k = last_nonspace(text, ps, piece.start)
        if k < 0 or text[k] == ":":
            return False  # a quote that opens its paragraph or follows "X said:"
        significant = [w for w in words if w[:1].isalpha() and w.lower() not in SMALL_WORDS]
        if not significant or not all(w[:1].isupper() for w in significant):
            return False
        return len(significant) >= 2 or not any(ch in inner[-2:] for ch in ".!?")

    def _scare(self: Extraction, piece: MarkedSpan) -> bool:
        """Whether an unattributed passage is scare quotes or a title rather than a quote."""
        text = self.text
        inner = text[piece.start + 1 : piece.end - 1 if piece.closed else piece.end]
        words = inner.split()
        if not words:
            return True
        ps = self.article[piece.paragraph][0]
        leads = last_nonspace(text, ps, piece.start) < 0
        if self._title(piece, 12):
            return True
        if leads and len(words) >= 3:
            return False
        s0, s1 = self._sentence_bounds(piece.start, piece.end, piece.paragraph)
        # the speech word, if any, stands near the quote: a run-on "sentence" is cut
        s0, s1 = max(s0, piece.start - _CUE_REACH), min(s1, piece.end + _CUE_REACH)
        sentence = text[s0 : piece.start] + " " + text[piece.end : s1]
        if _has_cue(sentence):
            return False
        return len(words) <= _SCARE_MAX_WORDS
