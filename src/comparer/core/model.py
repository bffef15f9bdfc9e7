"""The result model: versions, paragraphs, quotes, changes and the comparison of N versions.

Every type the engine hands out lives here, Qt-free and frozen: a loader builds
``Version``s (see ``blocks``), the engine returns a ``Comparison``, and the window, the
command line and the exports read it. Nothing here computes anything beyond small
properties, so every part of the program can import it without pulling in the engine.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import StrEnum


class Role(StrEnum):
    """What a paragraph is, as far as the comparison cares."""

    BODY = "body"
    HEADING = "heading"
    MARKUP = "markup"  # page debris such as <embed> lines: shown dimmed, never a change
    METADATA = "metadata"  # "Last Modified: …", "Source: …": shown dimmed, never a change

    @property
    def is_article(self) -> bool:
        """Whether paragraphs of this role take part in the comparison."""
        return self in (Role.BODY, Role.HEADING)


@dataclass(frozen=True, slots=True)
class Paragraph:
    """A paragraph as a span of its version's text."""

    start: int
    end: int
    role: Role = Role.BODY


@dataclass(frozen=True, slots=True)
class WebOrigin:
    """Where a version read from a web address came from: the evidence a report records.

    Attributes:
        url: the page's address, as the user gave it.
        captured: when the archive captured the page, or when the live page was
            fetched (ISO 8601 in UTC, "2024-03-01T10:00:00Z").
        received_from: the address the bytes came from, after any redirects: the
            archive's raw capture (its ``id_`` form) or the page itself.
        archive_url: the capture's address in the archive; None for the live page.
        fetched: when Comparer received the bytes (ISO 8601 in UTC); for a capture
            read from the cache, when it was first received.
    """

    url: str
    captured: str
    received_from: str
    archive_url: str | None = None
    fetched: str = ""

    @property
    def live(self) -> bool:
        """Whether this is the page as fetched from its site rather than an archived capture."""
        return self.archive_url is None

    @property
    def label(self) -> str:
        """A short label: the capture time, "2024-03-01 10:00 UTC", or "live page, …"."""
        when = self.captured.replace("T", " ")[:16] + " UTC"
        return f"live page, {when}" if self.live else when


@dataclass(frozen=True)
class Version:
    """One version of an article, as loaded.

    Attributes:
        text: the article text; paragraph offsets index into it.
        paragraphs: the paragraphs in reading order.
        path: the file it was read from, or a label such as "clipboard".
        title: the article's title, if one was found.
        date: the version's date in ISO form ("2013-05-19T13:50"), if one was found: the
            time as the article gives it, on its own clock.
        sha256: SHA-256 of the file's bytes (hex).
        encoding: the encoding the bytes were decoded with.
        size: the file's size in bytes.
        mtime: the file's modification time (seconds since the epoch), if known.
        saved: when the document says it was last saved, in ISO form, if it says so: a word
            processor keeps this inside the file (it survives copying, unlike ``mtime``).
            It dates a draft, not the article, and is never taken for ``date``.
        source_format: which loader read it ("text", "html", "docx", …).
        web: for a version read from a web address, where and when it was captured.
        utc_offset: how far ``date``'s clock is from UTC, in minutes (-300 for
            "2025-06-09T23:30-05:00"), when the article says so; None when it does not.
        furniture: for a web page read for its article, the lines of the page's menus,
            side lists, header and footer that the article leaves out.
    """

    text: str
    paragraphs: tuple[Paragraph, ...]
    path: str = ""
    title: str | None = None
    date: str | None = None
    sha256: str = ""
    encoding: str = "utf-8"
    size: int = 0
    mtime: float | None = None
    source_format: str = "text"
    saved: str | None = None
    byline: str | None = None
    notes: tuple[str, ...] = field(default=())
    web: WebOrigin | None = None
    utc_offset: int | None = None
    furniture: tuple[str, ...] = field(default=(), repr=False)

    def paragraph_text(self, index: int) -> str:
        """The text of paragraph ``index``."""
        p = self.paragraphs[index]
        return self.text[p.start : p.end]

    @property
    def name(self) -> str:
        """A short label for the version: the file name, the path as given, or the capture time."""
        if self.web is not None:
            return self.web.label
        return self.path.replace("\\", "/").rsplit("/", 1)[-1] or "untitled"


class QuoteKind(StrEnum):
    """Direct quotes have quote marks; indirect ones are reported speech."""

    DIRECT = "direct"
    INDIRECT = "indirect"


@dataclass(frozen=True, slots=True)
class Quote:
    """A quote as a span of its version's text, and who said it.

    Attributes:
        start: offset of the quote (its opening mark, for a direct quote).
        end: offset just after it (after its closing mark, for a direct quote).
        text: ``text[start:end]``.
        kind: direct or indirect.
        speaker: the resolved name ("Rami Khouri" for "he"), or None.
        speaker_start: where the mention it was attributed from starts, or None.
        speaker_end: where that mention ends, or None.
        continues: True when this piece carries on the quote before it (a quote that runs
            over several paragraphs, or resumes after "he said"); such a piece does not
            count as a quote of its own.
    """

    start: int
    end: int
    text: str
    kind: QuoteKind
    speaker: str | None
    speaker_start: int | None
    speaker_end: int | None
    continues: bool = False


@dataclass(frozen=True, slots=True)
class Speaker:
    """A person or body quoted in at least one version.

    Attributes:
        name: the fullest name used for them in any version.
        quotes_per_version: how many quotes (direct and indirect) they have in each version;
            a quote over several paragraphs, or interrupted by "he said", counts once.
        badges: "new", "dropped", "reworded", "re-attributed", in that order, then
            "unnamed source" for a source without a name ("officials", "reports").
        quotes: (version index, quote index) of every quote piece that is theirs.
        reattributed_with: for a re-attributed speaker, the others given the same words
            in another version.
    """

    name: str
    quotes_per_version: tuple[int, ...]
    badges: tuple[str, ...] = ()  # "new", "dropped", "reworded", "re-attributed"
    quotes: tuple[tuple[int, int], ...] = ()
    reattributed_with: tuple[str, ...] = ()  # who has the same words in another version


class AlignKind(StrEnum):
    """How paragraphs of the older version correspond to those of the newer."""

    EQUAL = "equal"
    CHANGED = "changed"
    MOVED = "moved"
    ADDED = "added"
    DELETED = "deleted"
    SPLIT = "split"
    MERGED = "merged"
    IGNORED = "ignored"

    @property
    def label(self) -> str:
        """What a reader calls this kind of row ("removed", "not article text", …)."""
        return _ALIGN_LABELS[self]


_ALIGN_LABELS = {
    AlignKind.EQUAL: "unchanged",
    AlignKind.CHANGED: "changed",
    AlignKind.MOVED: "moved",
    AlignKind.ADDED: "added",
    AlignKind.DELETED: "removed",
    AlignKind.SPLIT: "split",
    AlignKind.MERGED: "merged",
    AlignKind.IGNORED: "not article text",
}


class ChangeKind(StrEnum):
    """What a word-level change does."""

    INSERT = "insert"
    DELETE = "delete"
    REPLACE = "replace"


class Category(StrEnum):
    """Why a change matters (see docs/json-format in shared design)."""

    TEXT = "text"
    NUMERIC = "numeric"
    TYPOGRAPHIC = "typographic"


@dataclass(frozen=True, slots=True)
class AlignmentEntry:
    """One row of the alignment: paragraph indices on each side."""

    kind: AlignKind
    from_: tuple[int, ...]
    to: tuple[int, ...]
    similarity: float


@dataclass(frozen=True, slots=True)
class Change:
    """A word-level change; offsets index the two versions' texts.

    ``entry`` is the index of the alignment entry the change belongs to.
    """

    kind: ChangeKind
    category: Category
    from_start: int
    from_end: int
    to_start: int
    to_end: int
    from_text: str
    to_text: str
    entry: int


@dataclass(frozen=True, slots=True)
class NumberChange:
    """A number replaced by one of another value, as written on each side."""

    from_text: str
    to_text: str
    from_start: int
    to_start: int
    from_value: float | None = None
    to_value: float | None = None
    change: int = -1  # index of the Change it is part of
    unit: str = ""  # the kind of quantity, as ``numbers.Number.unit`` (a Quantity or a currency)

    delta_label: str = ""  # how far it moved, as a reader says it: "+8, +20%"
    direction: int = 0  # +1 it went up, -1 down, 0 level or not known
    # index of the moved sentence (in the pair's ``moves``) the number changed in as it
    # moved, or -1 for a number replaced in place; ``change`` is then the change that
    # holds its new place
    move: int = -1

    @property
    def arrow(self) -> str:
        """▲ for a number that went up, ▼ for one that went down, else ""."""
        return "\u25b2" if self.direction > 0 else "\u25bc" if self.direction < 0 else ""

    def describe(self) -> str:
        """``40 → 48 (+8, +20%)``: both figures as written, and the delta when it can be said."""
        delta = f" ({self.delta_label})" if self.delta_label else ""
        return f"{self.from_text} \u2192 {self.to_text}{delta}"


@dataclass(frozen=True, slots=True)
class SentenceMove:
    """A sentence removed at ``[from_start, from_end)`` and added at ``[to_start, to_end)``.

    Offsets index the two versions' texts; ``similarity`` is 1.0 for a sentence moved as
    it was, less for one moved and edited.
    """

    from_start: int
    from_end: int
    to_start: int
    to_end: int
    similarity: float


@dataclass(frozen=True, slots=True)
class Summary:
    """Counts a reader sees first."""

    paragraphs_added: int = 0
    paragraphs_deleted: int = 0
    paragraphs_changed: int = 0
    paragraphs_moved: int = 0
    numbers_changed: int = 0
    typographic_only: int = 0

    @property
    def has_differences(self) -> bool:
        """Whether anything at all differs."""
        return any(
            (
                self.paragraphs_added,
                self.paragraphs_deleted,
                self.paragraphs_changed,
                self.paragraphs_moved,
                self.numbers_changed,
                self.typographic_only,
            )
        )


@dataclass(frozen=True)
class PairComparison:
    """The comparison of two consecutive versions, ``from_index`` → ``to_index``."""

    from_index: int
    to_index: int
    alignment: tuple[AlignmentEntry, ...]
    changes: tuple[Change, ...]
    numbers: tuple[NumberChange, ...]
    summary: Summary
    moves: tuple[SentenceMove, ...] = ()  # sentences taken out in one place, put in another

    @property
    def differs(self) -> bool:
        """Whether the two versions differ in any way the comparison reports."""
        return bool(self.changes) or any(e.kind is AlignKind.MOVED for e in self.alignment)


@dataclass(frozen=True)
class CompareOptions:
    """Choices that change what counts as a change."""

    ignore_case: bool = False
    ignore_whitespace: bool = False  # whitespace-only changes are dropped, not just marked


@dataclass(frozen=True)
class Comparison:
    """N versions, the comparison of each consecutive pair, and who is quoted."""

    versions: tuple[Version, ...]
    pairs: tuple[PairComparison, ...]
    quotes: tuple[tuple[Quote, ...], ...] = ()
    speakers: tuple[Speaker, ...] = ()
    options: CompareOptions = field(default_factory=CompareOptions)

    @property
    def differs(self) -> bool:
        """Whether any pair differs."""
        return any(pair.differs for pair in self.pairs)
