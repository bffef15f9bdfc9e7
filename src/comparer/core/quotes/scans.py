"""The scans of a text's paragraphs, shared between versions that hold the same paragraph.

Consecutive versions of a news article share most of their paragraphs word for word. The
scans that depend on a paragraph alone (quote marks, sentence ends, capitalised runs,
pronouns, reporting verbs) are kept per distinct paragraph and moved to
where the paragraph stands in each version, so a paragraph is scanned once however many
versions hold it. A paragraph is known by its text and the character before it: a word
boundary at its start is the only thing outside it that a scan looks at.

Without a shared memo, ``ParagraphScans`` scans each paragraph of one text when first
asked, the same work ``extract_quotes`` always did.

What the names ask of a whole version, whether a word is written lowercase somewhere and
whether it opens a capitalised run mid-sentence somewhere, is answered from each
paragraph's own words, indexed in the memo by word (``lowercase``, ``mid_words``,
``WordsOf``), so a version whose paragraphs were all read before reads nothing again;
each paragraph's lowercase words come from its tokens', kept in the memo too
(``token_lower_words``).

Hand-written rather than ``functools.cache`` on the scan functions: a cached result must
be moved to the offsets of the version that asks for it, and the memo is the caller's
(``extract_quotes_many`` keeps it for one call), so no text outlives its comparison.
"""

from __future__ import annotations

import bisect
from collections.abc import Container
from dataclasses import dataclass

from comparer.core.names.gender import paragraph_pronouns
from comparer.core.names.parsing import lower_words, paragraph_runs, token_lower_words
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


class ScanMemo(dict[tuple[str, str], _Scanned]):
    """Scans by (character before the paragraph, paragraph text), shared by versions.

    ``whole`` keeps what a later step works out from a whole version's scans, for the
    other versions (``ParagraphScans.whole``); ``lower_index`` and ``mid_index`` say, for
    each word, which paragraphs (by ``id`` of their scans) write it lowercase, or open a
    capitalised run with it mid-sentence (``lowercase``, ``mid_words``).
    """

    def __init__(self) -> None:
        """An empty memo."""
        super().__init__()
        self.whole: dict[object, object] = {}
        self.lower_index: dict[str, set[int]] = {}
        self.mid_index: dict[str, set[int]] = {}
        self.tokens: dict[str, tuple[str, ...]] = {}  # ``token_lower_words``


class WordsOf:
    """Whether a word is one of a text's words of some kind, from its paragraphs' own.

    A word is when a paragraph of the text has it (``index``: the paragraphs, by the
    ``id`` of their scans, that have each word) or ``extra`` does (the text between
    them). Answers are kept: each is asked many times.
    """

    __slots__ = ("_index", "_ids", "_extra", "_known")

    def __init__(self, index: dict[str, set[int]], ids: set[int], extra: set[str]) -> None:
        """The words of paragraphs ``ids`` by ``index``, and ``extra``."""
        self._index = index
        self._ids = ids
        self._extra = extra
        self._known: dict[str, bool] = {}

    def __contains__(self, word: object) -> bool:
        """Whether ``word`` is one of the text's words."""
        assert isinstance(word, str)
        try:
            return self._known[word]
        except KeyError:
            found = self._known[word] = word in self._extra or not self._ids.isdisjoint(
                self._index.get(word, ())
            )
            return found


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
        self._memo = memo
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
            self._scan_runs(pi, record)
            assert record.runs is not None
        mid |= record.runs[1]
        return shift, record.runs[0]

    def _scan_runs(self, pi: int, record: _Scanned) -> None:
        """Find paragraph ``pi``'s runs for its ``record``, and index its mid-sentence words."""
        s, e = self.article[pi]
        shift = s - record.start
        own: set[str] = set()
        runs = paragraph_runs(self.text, s, e, own)
        record.runs = ([(at - shift, run) for at, run in runs] if shift else runs), own
        if self._memo is not None:
            index, ident = self._memo.mid_index, id(record)
            for word in own:
                if word in index:
                    index[word].add(ident)
                else:
                    index[word] = {ident}

    def mid_words(self) -> Container[str]:
        """The words ``runs`` adds to ``mid`` for some paragraph of this text.

        Alone, every paragraph's runs are found and their words joined; shared, the
        answer comes from the memo's index of each paragraph's words (``WordsOf``), so a
        version whose paragraphs were all read before reads nothing.
        """
        memo, records = self._memo, self._records
        if memo is None or records is None:
            mid: set[str] = set()
            for pi in range(len(self.article)):
                self.runs(pi, mid)
            return mid
        for pi, record in enumerate(records):
            if record.runs is None:
                self._scan_runs(pi, record)
        return WordsOf(memo.mid_index, {id(record) for record in records}, set())

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
        records = self._records
        if records is None or not self._words_kept:
            return lower_words(text)
        found = self._outside_words()
        if found is None:
            return lower_words(text)
        for (s, e), record in zip(self.article, records, strict=True):
            found |= self._lower_of(record, s, e)
        return found

    def lowercase(self) -> Container[str]:
        """Whether a word is one of ``lower_words()``, without the set when it can be.

        Shared with ``words_kept``, under the conditions ``lower_words`` reads paragraph
        by paragraph, the answer comes from the memo's index of each paragraph's words
        and the words between the paragraphs (``WordsOf``); otherwise the set itself.
        """
        memo, records = self._memo, self._records
        if memo is None or records is None or not self._words_kept:
            return self.lower_words()
        extra = self._outside_words()
        if extra is None:
            return lower_words(self.text)
        for (s, e), record in zip(self.article, records, strict=True):
            if record.lower is None:
                self._lower_of(record, s, e)
        return WordsOf(memo.lower_index, {id(record) for record in records}, extra)

    def _outside_words(self) -> set[str] | None:
        """``lower_words`` of the text between and around the paragraphs.

        None when the whole text must be read instead: a paragraph boundary with no
        whitespace on either side (a word cut in two), or paragraphs out of order or
        overlapping.
        """
        text, article = self.text, self.article
        size = len(text)
        extra: set[str] = set()
        starts = [s for s, _ in article]
        ends = [e for _, e in article]
        between = [text[e:s] for e, s in zip(ends, starts[1:], strict=False)]
        if article and all(between) and "".join(between).isspace():
            # each gap between paragraphs is whitespace, so no word is cut in two there
            # and none is written there: only the text before the first and after the
            # last are read
            first, last = starts[0], ends[-1]
            if 0 < first < size and not (text[first - 1].isspace() or text[first].isspace()):
                return None
            if 0 < last < size and not (text[last - 1].isspace() or text[last].isspace()):
                return None
            if first > 0 and not text[:first].isspace():
                extra |= lower_words(text[:first])
            if last < size and not text[last:].isspace():
                extra |= lower_words(text[last:])
            return extra
        gap = 0
        for s, e in article:
            if s < gap:
                return None  # paragraphs out of order or overlapping
            for b in (s, e):
                if 0 < b < size and not (text[b - 1].isspace() or text[b].isspace()):
                    return None
            if gap < s and not text[gap:s].isspace():
                extra |= lower_words(text[gap:s])
            gap = e
        if gap < size and not text[gap:].isspace():
            extra |= lower_words(text[gap:])
        return extra

    def _lower_of(self, record: _Scanned, s: int, e: int) -> set[str]:
        """The lowercase words of ``text[s:e]``, kept with its ``record`` and indexed."""
        if record.lower is None:
            if self._memo is not None:
                record.lower = token_lower_words(self.text[s:e], self._memo.tokens)
                index, ident = self._memo.lower_index, id(record)
                for word in record.lower:
                    if word in index:
                        index[word].add(ident)
                    else:
                        index[word] = {ident}
            else:
                record.lower = lower_words(self.text[s:e])
        return record.lower

    def whole(self) -> dict[object, object] | None:
        """A place to keep what a later step works out from a whole version's scans.

        The same dict for every text that shares the memo; None when the scans are not
        shared. What is kept there is keyed by everything it read.
        """
        if self._memo is None or self._records is None:
            return None
        return self._memo.whole

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
