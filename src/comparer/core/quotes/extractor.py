"""Quotes in an article: who said what, directly or indirectly.

Hand-written rules rather than a library: no offline library attributes quotes in news
text well, and a model would need a download. ``QuoteExtractor`` makes one pass over one
text; each step below is a job in its own module, mixed into it (``context`` says what
they share). The method, in order:

1. ``marks`` pairs quote marks per paragraph (``units`` joins the pieces); a paragraph
   that opens a quote and does not close it runs on into the next paragraph that opens
   with a quote mark (news style).
2. Each quoted passage looks for its attribution (``attribution``, with ``phrases`` for
   the noun phrase and the subject around a speech verb): after it (``"…," X said``,
   ``said X``, ``X, a senator, said``, ``Outlet quoted X as saying``), then before it in
   its sentence (``X said: "…"``, ``X told Y "…"``, ``X said the plan was "…"``,
   ``according to X``). A passage with none continues the speaker of the quote before
   it, and a passage that resumes after ``"…," he said, "…"`` is the same quote.
3. Short quoted words with no attribution (scare quotes, titles) are not quotes
   (``units``).
4. Reported speech (``X said that …``, ``according to X``) gives indirect quotes
   (``reported``).
5. Speakers are resolved (``resolution``) with ``core.names``: surnames to the fullest
   name, titles and possessives cut off, "the group" to the most recent organisation,
   "the president" to the person with that title. "He" and "she" walk back sentence by
   sentence to the first one that speaks of a compatible person: whoever it quotes ("…,
   Henson said."), else the name with a speech verb, the name the sentence opens with, a
   name with another verb, and only then names in subordinate clauses. A sentence whose
   subject is the same pronoun continues that chain; names inside quote marks, after a
   participle opener ("Asked about Clinton, she …") or after a preposition are passed
   over.

For several versions at once (``extract_quotes_many``), what is found in one paragraph or
sentence (its quoted passages, each quote's attribution, scare quotes and titles, reported
speech) is kept and moved to the other versions that hold the same text (``scans`` and
``reuse``, which say what each result reads). Which passages make one quote, who goes on
speaking and step 5 are worked out per version (a name once per phrase, ``resolution``);
each paragraph's names, and the people and genders they make, are kept too
(``core.names.registry`` says keyed on what).
"""

from __future__ import annotations

import bisect
import contextlib
import gc
import operator
import threading
from collections.abc import Iterator, Sequence

from comparer.core.model import Paragraph, Quote, QuoteKind, Role
from comparer.core.names.registry import NameRegistry
from comparer.core.quotes.attribution import Attribution
from comparer.core.quotes.context import PassMemo
from comparer.core.quotes.lexicon import SpeakerKind
from comparer.core.quotes.marks import MarkedSpan
from comparer.core.quotes.phrases import NounPhrases
from comparer.core.quotes.reported import ReportedSpeech
from comparer.core.quotes.resolution import Resolution
from comparer.core.quotes.reuse import Reuse
from comparer.core.quotes.scans import ParagraphScans, ScanMemo
from comparer.core.quotes.units import QuoteUnits


def extract_quotes(text: str, paragraphs: Sequence[Paragraph]) -> tuple[Quote, ...]:
    """The quotes in ``text``, direct and indirect, in order of their start.

    Args:
        text: the version's text.
        paragraphs: its paragraphs; only article paragraphs (body and headings) are read.

    Returns:
        One ``Quote`` per piece of a direct quote (a quote over two paragraphs gives two
        pieces, the second with ``continues`` set) and one per indirect quote.
    """
    article = [(p.start, p.end) for p in paragraphs if _is_article(p.role)]
    if not article:
        return ()
    with _collector_paused():
        return QuoteExtractor(text, article, ParagraphScans(text, article)).run()


def extract_quotes_many(
    items: Sequence[tuple[str, Sequence[Paragraph]]],
) -> tuple[tuple[Quote, ...], ...]:
    """The quotes of several versions, each exactly what ``extract_quotes`` gives for it.

    Faster than one call per version when versions share paragraphs (consecutive
    versions of an article mostly do): a paragraph's own scans are done once for all the
    versions that hold it (``scans``), and so is what reads one paragraph or sentence and
    its neighbours: each quote's attribution and whether it is one, and each sentence's
    reported speech (``reuse``, keyed on exactly what each reads), and each paragraph's
    names, with the people and genders they make (``core.names.registry``). What reads
    the whole text is done per version: who speaks next, pronouns; a version whose text
    and article paragraphs are those of one before it (an archive that saved the same
    update twice) is not read again.

    Args:
        items: each version's text and paragraphs.

    Returns:
        One tuple of quotes per version, in the order given.
    """
    if len(items) == 1:
        # nothing to share: what is kept for other versions would only cost time
        return (extract_quotes(*items[0]),)
    memo = ScanMemo()
    words_kept = len(items) >= _WORDS_KEPT_FROM
    shared = PassMemo()
    out: list[tuple[Quote, ...]] = []
    done: dict[tuple[str, tuple[tuple[int, int], ...]], tuple[Quote, ...]] = {}
    with _collector_paused():
        for text, paragraphs in items:
            article = [(p.start, p.end) for p in paragraphs if _is_article(p.role)]
            if not article:
                out.append(())
                continue
            key = (text, tuple(article))
            found = done.get(key)
            if found is None:
                scans = ParagraphScans(text, article, memo, words_kept)
                found = done[key] = QuoteExtractor(text, article, scans, shared).run()
            out.append(found)
    return tuple(out)


_BY_SPAN = operator.attrgetter("start", "end")

# from how many versions keeping each paragraph's lowercase words costs less than reading
# each version's whole text for them (``ParagraphScans``)
_WORDS_KEPT_FROM = 8


@contextlib.contextmanager
def _collector_paused() -> Iterator[None]:
    """Pause Python's cyclic garbage collector for the block, if it is running.

    Extraction allocates some 10^5 small objects (name mentions, quoted passages) that
    hold no reference cycles, so the collector finds nothing to free; but its passes over
    them, triggered by the allocations, cost a tenth of the time on a long text. Reference
    counting still frees everything; the collector resumes at the end, even on an error.

    Only on the main thread: the switch is process-wide, and pausing it from a worker
    would leave the window's own thread piling up objects uncollected, to be traversed
    all at once later, in one long stall while the reader scrolls.
    """
    if not gc.isenabled() or threading.current_thread() is not threading.main_thread():
        yield
        return
    gc.disable()
    try:
        yield
    finally:
        gc.enable()


def _is_article(role: object) -> bool:
    if isinstance(role, Role):
        return role.is_article
    return str(role) in ("body", "heading")


class QuoteExtractor(QuoteUnits, Attribution, NounPhrases, Resolution, ReportedSpeech, Reuse):
    """One pass over one text; holds what earlier quotes established."""

    def __init__(
        self,
        text: str,
        article: list[tuple[int, int]],
        scans: ParagraphScans,
        memo: PassMemo | None = None,
    ) -> None:
        self.text = text
        self.memo = memo
        # what each paragraph is known by in the shared memo (only used with one)
        self._idents = scans.idents() if memo is not None else []
        self.article = article
        self.scans = scans
        self.names = NameRegistry(text, article, scans)
        self._para_starts = [s for s, _ in article]
        self.spans: list[list[MarkedSpan]] = [scans.marks(pi) for pi in range(len(article))]
        self._span_starts: list[list[int]] = [[q.start for q in spans] for spans in self.spans]
        # sentence ends, found when a paragraph is first read (most never are)
        self._ends: list[list[int] | None] = [None] * len(article)
        # (position, name, kind) of every attributed speaker so far, by position
        self.history: list[tuple[int, str, str]] = []
        self._history_pos: list[int] = []
        self._first_spoken: dict[str, int] = {}
        # what each phrase a mention is written as names, if a name (``_name_of``)
        self._named: dict[str, tuple[str, SpeakerKind, bool] | None] = {}

    def ends(self, pi: int) -> list[int]:
        """Offsets just after each sentence end in paragraph ``pi`` (``sentence_ends``)."""
        found = self._ends[pi]
        if found is None:
            found = self._ends[pi] = self.scans.ends(pi, self.spans[pi])
        return found

    def run(self) -> tuple[Quote, ...]:
        """The text's quotes: units attributed, scare quotes dropped, speakers resolved."""
        units = self._attribute_all(self._units())
        indirect = self._indirect(units)
        # (where the quote's attribution stands, 0 direct / 1 indirect, index in its list):
        # in that order, an index breaking ties as the order the lists were made in
        events = [
            (unit.mention[0] if unit.mention else unit.pieces[0].start, 0, index)
            for index, unit in enumerate(units)
        ]
        events += [(m[0] if m else a, 1, index) for index, (a, _, m) in enumerate(indirect)]
        events.sort()
        text = self.text
        resolve = self._resolve
        direct, reported = QuoteKind.DIRECT, QuoteKind.INDIRECT
        out: list[Quote] = []
        last_speaker: str | None = None
        last_mention: tuple[int, int] | None = None
        last_speaker_para = -10
        for _, kind, index in events:
            if kind == 0:
                item = units[index]
                pieces = item.pieces
                if item.mention is not None:
                    item.speaker = resolve(item.mention, pieces[0].start)
                elif last_speaker is not None and pieces[0].paragraph - last_speaker_para <= 3:
                    # the same speaker goes on: the quote is attributed from the same mention
                    item.speaker, item.mention = last_speaker, last_mention
                speaker, mention = item.speaker, item.mention
                if speaker is not None:
                    last_speaker, last_speaker_para = speaker, pieces[-1].paragraph
                    last_mention = mention
                m0, m1 = mention if mention else (None, None)
                out += [
                    Quote(p.start, p.end, text[p.start : p.end], direct, speaker, m0, m1, i > 0)
                    for i, p in enumerate(pieces)
                ]
            else:
                start, end, mention = indirect[index]
                name = resolve(mention, start)
                out.append(
                    Quote(start, end, text[start:end], reported, name, mention[0], mention[1])
                )
                if name is not None:
                    last_speaker, last_mention = name, mention
                    last_speaker_para = self._para_of(start)
        out.sort(key=_BY_SPAN)
        return tuple(out)

    def _para_of(self, pos: int) -> int:
        return max(0, bisect.bisect_right(self._para_starts, pos) - 1)
