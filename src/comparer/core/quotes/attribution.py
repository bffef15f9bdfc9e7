"""Who a direct quote is attributed to: the mention after it or before it in its sentence.

After it: ``"…," X said``, ``said X``, ``X, a senator, said``, ``Outlet quoted X as saying``;
then before it: ``X said: "…"``, ``X told Y "…"``, ``X said the plan was "…"``,
``according to X``. Only finds the mention; ``resolution`` says who it names.
"""

from __future__ import annotations

import bisect
import re

from comparer.core.names.parsing import (
    CAP_WORD,
    capitalised_words,
    is_function_word,
)
from comparer.core.quotes.context import Extraction, QuoteUnit
from comparer.core.quotes.lexicon import (
    APPOSITIVE_POST,
    GENERIC_POST,
    INVERTED_POST,
    LISTENER_VERBS,
    NAME_SPEAKS_POST,
    PRONOUNS,
    QUOTED_AS,
    SHORT_POST,
    VERB,
)
from comparer.core.quotes.marks import MarkedSpan, last_nonspace

# verbs whose object is the listener, not the speaker: "X, 69, told MSNBC"
_ADJACENT = re.compile(r"\s+(?:[a-z]+ly\s+)?")  # "Carson privately saying"


_COORDINATION = re.compile(r"\s(?:and|but)(?:\s+(?:also|then|later|quickly))?\s*$")


_COLON_INTRO = re.compile(
    r"(?:^|[.;]\s+|\bfrom\s+|\u2014\s*|-\s+)(?P<who>(?:"
    + CAP_WORD
    + r"|and|of|the)(?:\s+(?:"
    + CAP_WORD
    + r"|and|of|the)){0,5})\s*:\s*$"
)


_SIGNATURE = re.compile(
    r"[-\u2013\u2014]+\s*(?P<who>" + capitalised_words(4) + r")"
    r"(?=[,.;]|\s*$|\s+\w+ing\b)"
)


_LEAD_PUNCT = re.compile(r"[\s,;:\u2014\u2013-]*")


_SAID_NAME_COLON = re.compile(r"\s+[A-Z][^,:]{0,60}[:,]\s*")


_NONSPACE = re.compile(r"\S")


def _starts_upper(post: str) -> bool:
    stripped = post.lstrip()
    return not stripped or stripped[0].isupper()


class Attribution:
    """The part of ``QuoteExtractor`` that finds the mention a quote is attributed from."""

    def _sentence_bounds(
        self: Extraction, span_start: int, span_end: int, para: int
    ) -> tuple[int, int]:
        ends = self.ends(para)
        ps, pe = self.article[para]
        i = bisect.bisect_right(ends, span_start)
        start = ends[i - 1] if i > 0 else ps
        j = bisect.bisect_left(ends, span_end)
        end = ends[j] if j < len(ends) else pe
        return start, end

    def _attribute(self: Extraction, unit: QuoteUnit) -> None:
        first, last = unit.pieces[0], unit.pieces[-1]
        text = self.text
        # after a piece: "…," he said / said X / X, a …, said
        for piece in [first, *[p for p in unit.pieces[1:] if p.closed]] if first.closed else []:
            if not piece.closed:
                continue
            found = self._after(piece)
            if found is not None:
                unit.mention = found
                unit.attributed = True
                return
        if last is not first and last.closed:
            found = self._after(last)
            if found is not None:
                unit.mention, unit.attributed = found, True
                return
        # before the first piece, in its sentence
        found = self._before(first)
        if found is not None:
            unit.mention, unit.attributed = found, True
            return
        pi = first.paragraph
        ps = self.article[pi][0]
        if pi > 0 and last_nonspace(text, ps, first.start) < 0:
            # "X described it this way:" closing the paragraph before
            prev_end = self.article[pi - 1][1]
            if text[prev_end - 1 : prev_end] == ":" and not self.spans[pi - 1]:
                found = self._before(MarkedSpan(prev_end, prev_end, True, pi - 1))
                if found is not None:
                    unit.mention, unit.attributed = found, True
                    return
        if last.paragraph + 1 < len(self.article):
            # a signature line after the quote: "- Michelle Marks, Philadelphia."
            ns, ne = self.article[last.paragraph + 1]
            blank_tail = _NONSPACE.search(text, last.end, self.article[last.paragraph][1]) is None
            sig = _SIGNATURE.match(text, ns, ne) if blank_tail else None
            if sig is not None:
                unit.mention = self._np_span(sig.start("who"), sig.end("who"), forward=True)
                unit.attributed = unit.mention is not None

    def _after(self: Extraction, piece: MarkedSpan) -> tuple[int, int] | None:
        text = self.text
        ends = self.ends(piece.paragraph)
        i = bisect.bisect_right(ends, piece.end)
        s_end = ends[i] if i < len(ends) else self.article[piece.paragraph][1]
        end = min(s_end, piece.end + 300)
        starts = self._span_starts[piece.paragraph]
        k = bisect.bisect_left(starts, piece.end)
        if k < len(starts):
            end = min(end, starts[k])  # the next quoted passage
        post = text[piece.end : end]
        inner = text[max(piece.start, piece.end - 3) : piece.end]
        # after “….” a new sentence starts: only "X said." right after it is an attribution
        ended = any(ch in inner for ch in ".!?") and _starts_upper(post)
        m = _LEAD_PUNCT.match(post)
        assert m is not None
        off = piece.end + m.end()
        rest = text[off:end]
        if not rest:
            return None
        if ended:
            sm = SHORT_POST.match(rest)
            if sm is not None:
                return self._np_span(off + sm.start("who"), off + sm.end("who"), forward=False)
            nm = NAME_SPEAKS_POST.match(rest)
            if nm is not None:
                # “Why …?” Lichtman said about McCain's effort to …
                return self._np_span(off + nm.start("who"), off + nm.end("who"), forward=False)
            # “…?” Miller, a retired worker, said pleasantly.
            am = APPOSITIVE_POST.match(rest)
            if am is None:
                return None
            return self._np_span(off + am.start("who"), off + am.end("who"), forward=False)
        # (the patterns below need these words: a substring test rules most passages out)
        qa = QUOTED_AS.search(rest) if "quoted" in rest else None
        if qa and qa.start() < 80:
            return self._np_span(off + qa.start("who"), off + qa.end("who"), forward=True)
        vm = VERB.search(rest)
        im = INVERTED_POST.match(rest)
        if im is not None and (vm is None or vm.start() > 0):
            # “This is fantastic!” beamed Donald Hartley
            return self._np_span(off + im.start("who"), off + im.end("who"), forward=True)
        if vm is None or vm.start() > 120:
            gm = GENERIC_POST.match(rest)
            if gm is None:
                return None
            return self._np_span(off + gm.start("who"), off + gm.end("who"), forward=False)
        verb = vm.group()
        if vm.start() == 0 and verb.endswith("ing") and verb != "according to":
            return None  # "…,” saying calling the Islamic State …: the speaker came before
        if vm.start() == 0 or verb == "according to":
            # verb first: said X, according to X
            a = off + vm.end()
            return self._np_after(a, end)
        if rest[: vm.start()].rstrip().endswith(",") and verb not in LISTENER_VERBS:
            found = self._np_after(off + vm.end(), end)  # "…” about X, said Y"
            if found is not None and text[found[0] : found[0] + 1].isupper():
                return found
        return self._subject_before(off, off + vm.start())

    def _before(self: Extraction, piece: MarkedSpan) -> tuple[int, int] | None:
        text = self.text
        s_start, _ = self._sentence_bounds(piece.start, piece.end, piece.paragraph)
        start = max(s_start, piece.start - 400)
        k = bisect.bisect_left(self._span_starts[piece.paragraph], piece.start)
        if k > 0:
            # the passages are in order and do not overlap: the one before ends last
            previous = self.spans[piece.paragraph][k - 1]
            if start < previous.end <= piece.start:
                start = previous.end
        pre = text[start : piece.start]
        # (the two patterns need "quoted" and a closing colon: cheap tests rule most out)
        quoted_as = list(QUOTED_AS.finditer(pre)) if "quoted" in pre else []
        if quoted_as:
            qa = quoted_as[-1]
            return self._np_span(start + qa.start("who"), start + qa.end("who"), forward=True)
        colon = _COLON_INTRO.search(pre) if pre.rstrip().endswith(":") else None
        if colon is not None:
            return self._np_span(
                start + colon.start("who"), start + colon.end("who"), forward=False
            )
        verbs = list(VERB.finditer(pre))
        if not verbs:
            if pre.rstrip().endswith(":"):
                # "When …, X fired back: “…”": the subject of the clause before the colon
                comma = pre.rfind(", ")
                clause = start + comma + 2 if comma >= 0 else s_start
                found = self._sentence_subject(clause, piece.start, intro=comma < 0)
                if found is None and comma >= 0:
                    found = self._sentence_subject(s_start, piece.start)
                return found
            return None
        vm = verbs[-1]
        verb = vm.group()
        if verb == "according to":
            return self._np_after(start + vm.end(), piece.start)
        if verb.endswith("ing"):
            # "…, X said, adding, “…”": the verb before it, or the sentence's subject
            for earlier in reversed(verbs[:-1]):
                if not earlier.group().endswith("ing"):
                    found = self._subject_before(start, start + earlier.start())
                    if found is not None:
                        return found
            # "… Carson privately saying “…”": a name right before the verb
            found = self._subject_before(start, start + vm.start())
            if (
                found is not None
                and text[found[0]].isupper()
                and _ADJACENT.fullmatch(text, found[1], start + vm.start())
            ):
                return found
            return self._sentence_subject(s_start, start + vm.start())
        if _COORDINATION.search(pre, 0, vm.start()):
            # "he supported Obama and said", "Trump called on her to resign and said",
            # "X said … but added": the subject of the first verb
            found = self._subject_before(start, start + vm.start())
            if found is not None and self._names_someone(found):
                return found
            for earlier in reversed(verbs[:-1]):
                found = self._subject_before(start, start + earlier.start())
                if found is not None:
                    return found
            found = self._sentence_subject(s_start, start + vm.start())
            if found is not None and self._names_someone(found):
                return found
        found = self._subject_before(start, start + vm.start())
        if found is None and start == s_start:
            found = self._sentence_subject(s_start, start + vm.start())
        if found is None:
            # said X: "…"
            tail = pre[vm.end() :]
            if _SAID_NAME_COLON.fullmatch(tail):
                return self._np_after(start + vm.end(), piece.start)
        return found

    def _names_someone(self: Extraction, span: tuple[int, int]) -> bool:
        """Whether a phrase is a pronoun or a name ("he", "Trump"), not "her post"."""
        phrase = self.text[span[0] : span[1]]
        return phrase.lower() in PRONOUNS or (
            phrase[:1].isupper() and not is_function_word(phrase.split()[0])
        )
