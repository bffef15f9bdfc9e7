"""The scans of a text's paragraphs, shared between versions that hold the same paragraph.

Consecutive versions of a news article share most of their paragraphs word for word. The
scans that depend on a paragraph alone (quote marks, sentence ends, capitalised runs,
pronouns, reporting verbs) are kept per distinct paragraph and moved to
where the paragraph stands in each version, so a paragraph is scanned once however many
versions hold it. A paragraph is known by its text and the character before it: a word
boundary at its start is the only thing outside it that a scan looks at.

Without a shared memo, ``ParagraphScans`` scans each paragraph of one text when first
asked, the same work ``extract_quotes`` always did.

Hand-written rather than ``functools.cache`` on the scan functions: a cached result must
be moved to the offsets of the version that asks for it, and the memo is the caller's
(``extract_quotes_many`` keeps it for one call), so no text outlives its comparison.
"""

from __future__ import annotations

import bisect
from dataclasses import dataclass

from comparer.core.names.gender import paragraph_pronouns
from comparer.core.names.parsing import lower_words, paragraph_runs
from comparer.core.quotes.lexicon import reporting_words
from comparer.core.quotes.marks import (
    DOUBLE_MARK,
    MarkedSpan,
    scan_paragraph,
    sentence_ends,
)


@dataclass(slots=True)
class _Scanned:
    """One distinct paragraph's scans, each found when first asked for.

    Offsets are those of the version where the paragraph was first met: it started at
    ``start`` there, as its paragraph number ``index``.
    """

    start: int
    index: int
    runs: tuple[list[tuple[int, str]], set[str]] | None = None
    pronouns: tuple[list[int], list[int]] | None = None
    marks: list[MarkedSpan] | None = None
    ends: list[int] | None = None
    reporting: list[int] | None = None
    names: dict[object, object] | None = None
    lower: set[str] | None = None


ScanMemo = dict[tuple[str, str], _Scanned]
"""Scans by (character before the paragraph, paragraph text), shared by versions."""


def _shifted(offsets: list[int], shift: int) -> list[int]:
    """``offsets`` moved by ``shift`` (the same list when there is nothing to move)."""
    return [k + shift for k in offsets] if shift else offsets


class ParagraphScans:
    """The scans of one text's article paragraphs, by paragraph number.

    Each method gives what the named scan finds in paragraph ``pi`` of this text; the
    offsets are this text's, or come with the number to add to them (the lists may be
    shared with other versions: they are read, never changed).
    """

    def __init__(
        self,
        text: str,
        article: list[tuple[int, int]],
        memo: ScanMemo | None = None,
        words_kept: bool = False,
    ) -> None:
        """Prepare the scans of ``text``'s ``article`` paragraphs (start, end).

        Args:
            text: the version's text.
            article: its article paragraphs, in order.
            memo: scans shared with other versions; None scans this text alone.
            words_kept: with a memo, keep each paragraph's lowercase words too
                (``lower_words``): the first version pays about five times the whole
                text's reading for it, each later one a fifth, so it pays only when many
                versions share the memo.
        """
        self.text = text
        self.article = article
        self._words_kept = words_kept and memo is not None
        self._marks_at: list[int] | None = None
        self._records: list[_Scanned] | None = None
        if memo is None:
            return  # each scan is done where it is asked for, nothing kept
        records: list[_Scanned] = []
        for i, (s, e) in enumerate(article):
            key = (text[s - 1 : s], text[s:e])
            record = memo.get(key)
            if record is None:
                record = memo[key] = _Scanned(s, i)
            records.append(record)
        self._records = records

    def idents(self) -> list[int]:
        """What each paragraph is known by in the shared memo, by paragraph number.

        The same number for every version that holds the paragraph with the same character
        before it, for as long as the memo lives.
        """
        if self._records is None:
            raise ValueError("a paragraph is known by its scans only when they are shared")
        return [id(record) for record in self._records]

    def runs(self, pi: int, mid: set[str]) -> tuple[int, list[tuple[int, str]]]:
        """``paragraph_runs``: the number to add to each offset, and the runs.

        The first words of the runs that do not open a sentence are added to ``mid``.
        """
        s, e = self.article[pi]
        if self._records is None:
            return 0, paragraph_runs(self.text, s, e, mid)
        record = self._records[pi]
        shift = s - record.start
        if record.runs is None:
            own: set[str] = set()
            runs = paragraph_runs(self.text, s, e, own)
            record.runs = ([(at - shift, run) for at, run in runs] if shift else runs), own
        mid |= record.runs[1]
        return shift, record.runs[0]

    def pronouns(self, pi: int) -> tuple[int, list[int], list[int]]:
        """``paragraph_pronouns``: the number to add to each offset, male and female ones."""
        s, e = self.article[pi]
        if self._records is None:
            return 0, *paragraph_pronouns(self.text, s, e)
        record = self._records[pi]
        shift = s - record.start
        if record.pronouns is None:
            male, female = paragraph_pronouns(self.text, s, e)
            record.pronouns = _shifted(male, -shift), _shifted(female, -shift)
        return shift, record.pronouns[0], record.pronouns[1]

    def marks(self, pi: int) -> list[MarkedSpan]:
        """``scan_paragraph``: the quoted passages of paragraph ``pi``."""
        s, e = self.article[pi]
        if self._records is None:
            return scan_paragraph(self.text, s, e, pi) if self._has_mark(s, e) else []
        record = self._records[pi]
        shift = s - record.start
        if record.marks is None:
            found = scan_paragraph(self.text, s, e, pi) if self._has_mark(s, e) else []
            if not shift and pi == record.index:
                record.marks = found
            else:
                record.marks = [
                    MarkedSpan(q.start - shift, q.end - shift, q.closed, record.index)
                    for q in found
                ]
                return found
        if not shift and pi == record.index:
            return record.marks
        return [MarkedSpan(q.start + shift, q.end + shift, q.closed, pi) for q in record.marks]

    def ends(self, pi: int, marks: list[MarkedSpan]) -> list[int]:
        """``sentence_ends`` of paragraph ``pi``, outside its quoted passages ``marks``."""
        s, e = self.article[pi]
        if self._records is None:
            return sentence_ends(self.text, s, e, [(q.start, q.end) for q in marks])
        record = self._records[pi]
        shift = s - record.start
        if record.ends is None:
            found = sentence_ends(self.text, s, e, [(q.start, q.end) for q in marks])
            record.ends = _shifted(found, -shift)
            return found
        return _shifted(record.ends, shift)

    def reporting(self, pi: int) -> list[int]:
        """``reporting_words``: where words that may report speech start in ``pi``."""
        s, e = self.article[pi]
        if self._records is None:
            return reporting_words(self.text, s, e)
        record = self._records[pi]
        shift = s - record.start
        if record.reporting is None:
            found = reporting_words(self.text, s, e)
            record.reporting = _shifted(found, -shift)
            return found
        return _shifted(record.reporting, shift)

    def lower_words(self) -> set[str]:
        """``lower_words`` of the whole text.

        Alone, one pass over the text. Shared with ``words_kept``, the union of each
        paragraph's (kept with its scans) and of the text between and around them: the
        same set whenever every paragraph boundary has whitespace on one side, since a
        word is then never cut in two; otherwise the whole text is read.
        """
        text = self.text
        if self._records is None or not self._words_kept:
            return lower_words(text)
        size = len(text)
        for s, e in self.article:
            for b in (s, e):
                if 0 < b < size and not (text[b - 1].isspace() or text[b].isspace()):
                    return lower_words(text)
        found: set[str] = set()
        gap = 0
        for (s, e), record in zip(self.article, self._records, strict=True):
            if s < gap:
                return lower_words(text)  # paragraphs out of order or overlapping
            if gap < s and not text[gap:s].isspace():
                found |= lower_words(text[gap:s])
            if record.lower is None:
                record.lower = lower_words(text[s:e])
            found |= record.lower
            gap = e
        if gap < size and not text[gap:].isspace():
            found |= lower_words(text[gap:])
        return found

    def kept(self, pi: int) -> dict[object, object] | None:
        """A place to keep what a later step works out from paragraph ``pi`` alone.

        The same dict for every version that holds the paragraph (its text and the
        character before it); None when the scans are not shared. What is kept there is
        keyed by whatever else it read.
        """
        if self._records is None:
            return None
        record = self._records[pi]
        if record.names is None:
            record.names = {}
        return record.names

    def _has_mark(self, start: int, end: int) -> bool:
        """Whether ``text[start:end]`` holds a double quote mark.

        Alone, every paragraph is asked: one scan of the whole text answers them all.
        Shared, only paragraphs no other version holds are: each is searched.
        """
        if self._records is not None:
            return DOUBLE_MARK.search(self.text, start, end) is not None
        if self._marks_at is None:
            self._marks_at = [m.start() for m in DOUBLE_MARK.finditer(self.text)]
        k = bisect.bisect_left(self._marks_at, start)
        return k < len(self._marks_at) and self._marks_at[k] < end
