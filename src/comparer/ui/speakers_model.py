"""The people quoted in a comparison as a two-level item model: speakers, then their quotes.

Unnamed sources ("officials", "a spokesman", "court documents") are listed after the
people and bodies named, under a heading row of their own.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import (
    QAbstractItemModel,
    QCoreApplication,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
)

from comparer.core.model import Quote, QuoteKind, Speaker
from comparer.core.speakers import UNNAMED
from comparer.ui.document_model import DocumentModel
from comparer.ui.plain_text import plain_tooltip

Index = QModelIndex | QPersistentModelIndex

BADGES_ROLE = Qt.ItemDataRole.UserRole + 1  # tuple[str, ...] of a speaker
VERSION_ROLE = Qt.ItemDataRole.UserRole + 2  # version index of a quote
KIND_ROLE = Qt.ItemDataRole.UserRole + 3  # "direct" or "indirect"
RANGES_ROLE = Qt.ItemDataRole.UserRole + 4  # list of (start, end) of a quote's pieces
IS_QUOTE_ROLE = Qt.ItemDataRole.UserRole + 5  # True on quote rows
SPEAKER_ROLE = Qt.ItemDataRole.UserRole + 6  # the speaker's name, on both levels
HEADING_ROLE = Qt.ItemDataRole.UserRole + 7  # True on the "Unnamed sources" heading row
NUMBER_ROLE = Qt.ItemDataRole.UserRole + 8  # a quote's version as the story numbers it (1-based)

SHORT_QUOTE = 110


def shorten(text: str, limit: int = SHORT_QUOTE) -> str:
    """``text`` on one line, cut to ``limit`` characters with an ellipsis."""
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


@dataclass(frozen=True)
class QuoteItem:
    """One counted quote: its pieces (a quote over paragraphs has several) in one version."""

    version: int
    indices: tuple[int, ...]
    kind: str
    text: str
    ranges: tuple[tuple[int, int], ...]


def by_interest(speakers: tuple[Speaker, ...]) -> tuple[Speaker, ...]:
    """Speakers in the order a fact-checker looks for them.

    New and dropped speakers first, then the re-attributed, then the rest; within each
    group, in the order they are first quoted.
    """

    def group(speaker: Speaker) -> int:
        if "new" in speaker.badges or "dropped" in speaker.badges:
            return 0
        return 1 if "re-attributed" in speaker.badges else 2

    return tuple(sorted(speakers, key=group))


def grouped(speakers: tuple[Speaker, ...]) -> tuple[tuple[Speaker, ...], tuple[Speaker, ...]]:
    """The people and bodies named, then the unnamed sources, each ``by_interest``."""
    named = tuple(s for s in speakers if UNNAMED not in s.badges)
    unnamed = tuple(s for s in speakers if UNNAMED in s.badges)
    return by_interest(named), by_interest(unnamed)


def group_quotes(speaker: Speaker, quotes: tuple[tuple[Quote, ...], ...]) -> list[QuoteItem]:
    """A speaker's quote pieces joined into quotes as they are counted, by version and place.

    Args:
        speaker: the speaker, whose ``quotes`` lists (version, quote index) pairs.
        quotes: every version's quotes.

    Returns:
        One item per counted quote: pieces that continue the one before join it.
    """
    groups: list[list[tuple[int, int]]] = []
    for v, i in sorted(speaker.quotes):
        if v >= len(quotes) or i >= len(quotes[v]):
            continue
        last = groups[-1][-1] if groups else None
        if quotes[v][i].continues and last is not None and last[0] == v and last[1] == i - 1:
            groups[-1].append((v, i))
        else:
            groups.append([(v, i)])
    items: list[QuoteItem] = []
    for group in groups:
        v = group[0][0]
        pieces = [quotes[v][i] for _v, i in group]
        kind = pieces[0].kind
        items.append(
            QuoteItem(
                version=v,
                indices=tuple(i for _v, i in group),
                kind=kind.value if isinstance(kind, QuoteKind) else str(kind),
                text=" ".join(p.text for p in pieces),
                ranges=tuple((p.start, p.end) for p in pieces),
            )
        )
    return items


class SpeakersModel(QAbstractItemModel):
    """Speakers as top-level rows (name, then one count column per version), quotes below.

    The people and bodies named come first, by interest (``by_interest``); when there are
    unnamed sources, a heading row "Unnamed sources" follows them, then the sources. Rows
    are top-level rows: a speaker's row is its place in the list, heading included.
    Quote rows are children of their speaker; their internal id is the speaker's row + 1,
    a speaker's (and the heading's) is 0.
    """

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._doc: DocumentModel | None = None
        self._speakers: tuple[Speaker, ...] = ()
        self._children: list[list[QuoteItem]] = []
        self._versions = 0
        self._heading = -1  # the row of the "Unnamed sources" heading, -1 when none

    # ----------------------------------------------------------------- contents
    def set_document(self, doc: DocumentModel | None) -> None:
        """Read the speakers of ``doc``'s comparison (none for a single version)."""
        self.beginResetModel()
        self._doc = doc
        comparison = doc.comparison if doc is not None else None
        named, unnamed = grouped(comparison.speakers) if comparison is not None else ((), ())
        self._speakers = named + unnamed
        self._heading = len(named) if unnamed else -1
        quotes = comparison.quotes if comparison is not None else ()
        self._children = [group_quotes(s, quotes) for s in self._speakers]
        self._versions = len(doc.versions) if doc is not None else 0
        self.endResetModel()

    def speakers(self) -> tuple[Speaker, ...]:
        """The speakers listed, in the order of their rows (the heading left out)."""
        return self._speakers

    def heading_row(self) -> int:
        """The row of the "Unnamed sources" heading, or -1 when no source is unnamed."""
        return self._heading

    def unnamed_count(self) -> int:
        """How many unnamed sources are listed (under the heading)."""
        return len(self._speakers) - self._heading if self._heading >= 0 else 0

    def _number(self, row: int) -> int:
        """The place in ``speakers()`` of the speaker at top-level ``row``, or -1."""
        if row < 0 or row == self._heading:
            return -1
        number = row - 1 if 0 <= self._heading < row else row
        return number if number < len(self._speakers) else -1

    def speaker_at(self, row: int) -> Speaker | None:
        """The speaker at top-level ``row``, or None (the heading, or no such row)."""
        number = self._number(row)
        return self._speakers[number] if number >= 0 else None

    def row_of(self, name: str) -> int:
        """The top-level row of the speaker called ``name``, or -1."""
        for row in range(self.rowCount()):
            speaker = self.speaker_at(row)
            if speaker is not None and speaker.name == name:
                return row
        return -1

    def speaker_of(self, index: Index) -> int:
        """The row of the speaker at ``index`` (a speaker or one of their quotes), or -1.

        -1 also for the "Unnamed sources" heading, which is no speaker.
        """
        if not index.isValid():
            return -1
        parent = int(index.internalId())
        row = parent - 1 if parent else index.row()
        return row if self._number(row) >= 0 else -1

    def quote_item(self, index: Index) -> QuoteItem | None:
        """The quote shown at ``index``, or None for a speaker row."""
        if not index.isValid() or not index.internalId():
            return None
        return self._children[self._number(int(index.internalId()) - 1)][index.row()]

    def quote_items(self, speaker: int) -> list[QuoteItem]:
        """The quotes listed under the speaker at row ``speaker``."""
        number = self._number(speaker)
        return self._children[number] if number >= 0 else []

    def rows_of(self, speaker: int) -> set[int]:
        """The view rows that hold any of a speaker's quotes."""
        doc = self._doc
        if doc is None:
            return set()
        rows: set[int] = set()
        for item in self.quote_items(speaker):
            for start, end in item.ranges:
                first = doc.row_of(item.version, start)
                last = doc.row_of(item.version, max(start, end - 1))
                rows.update(range(first, last + 1))
        return rows

    def version_number(self, version: int) -> int:
        """Version ``version`` of the pair shown as the story numbers it (1-based): v9, v10.

        The quotes are counted per pane; the numbers a reader sees are the story's, as in
        the pane titles and the timeline, so that a pair late in a story never reads v1, v2.
        """
        return (self._doc.number(version) if self._doc is not None else version) + 1

    def describe(self, speaker: int) -> str:
        """The speaker at row ``speaker`` in words, for screen readers and tooltips."""
        s = self.speaker_at(speaker)
        if s is None:
            return self.describe_heading()
        counts = ", ".join(
            self.tr("{0} in v{1}").format(c, self.version_number(v))
            for v, c in enumerate(s.quotes_per_version)
        )
        text = self.tr("{0}: quotes {1}").format(s.name, counts)
        if s.badges:
            text += "; " + ", ".join(badge_label(b) for b in s.badges)
        return text

    def describe_heading(self) -> str:
        """The "Unnamed sources" heading in words."""
        count = self.unnamed_count()
        if count == 1:
            return self.tr("Unnamed sources: 1 source quoted without a name, listed below")
        return self.tr("Unnamed sources: {0} sources quoted without a name, listed below").format(
            count
        )

    # ----------------------------------------------------------------- structure
    def index(  # noqa: D102
        self,
        row: int,
        column: int,
        parent: Index = QModelIndex(),  # noqa: B008
    ) -> QModelIndex:
        if column < 0 or column >= self.columnCount() or row < 0:
            return QModelIndex()
        if not parent.isValid():
            if row >= self.rowCount():
                return QModelIndex()
            return self.createIndex(row, column, 0)
        if parent.internalId() or row >= len(self.quote_items(parent.row())):
            return QModelIndex()
        return self.createIndex(row, column, parent.row() + 1)

    def parent(self, index: Index = QModelIndex()) -> QModelIndex:  # type: ignore[override]  # noqa: B008, D102
        if not index.isValid() or not index.internalId():
            return QModelIndex()
        return self.createIndex(int(index.internalId()) - 1, 0, 0)

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008, D102
        if not parent.isValid():
            return len(self._speakers) + (1 if self._heading >= 0 else 0)
        if parent.internalId() or parent.column() != 0:
            return 0
        return len(self.quote_items(parent.row()))

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008, D102
        return 1 + self._versions

    def hasChildren(self, parent: Index = QModelIndex()) -> bool:  # noqa: B008, D102
        return self.rowCount(parent) > 0

    def flags(self, index: Index) -> Qt.ItemFlag:  # noqa: D102
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable

    def headerData(  # noqa: D102
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> object:
        if orientation != Qt.Orientation.Horizontal:
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return self.tr("Speaker") if section == 0 else f"v{self.version_number(section - 1)}"
        if role == Qt.ItemDataRole.ToolTipRole and section > 0:
            return self.tr("Quotes in version {0}").format(self.version_number(section - 1))
        if role == Qt.ItemDataRole.TextAlignmentRole and section > 0:
            return Qt.AlignmentFlag.AlignCenter
        return None

    # ----------------------------------------------------------------- data
    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> object:  # noqa: D102
        if not index.isValid():
            return None
        item = self.quote_item(index)
        if item is not None:
            return self._quote_data(index, item, role)
        speaker = self.speaker_at(index.row())
        if speaker is None:
            return self._heading_data(index, role)
        column = index.column()
        if role == SPEAKER_ROLE:
            return speaker.name
        if role == IS_QUOTE_ROLE:
            return False
        if column > 0:
            count = speaker.quotes_per_version[column - 1]
            if role == Qt.ItemDataRole.DisplayRole:
                return str(count)
            if role == Qt.ItemDataRole.TextAlignmentRole:
                return Qt.AlignmentFlag.AlignCenter
            if role in (Qt.ItemDataRole.ToolTipRole, Qt.ItemDataRole.AccessibleTextRole):
                text = self.tr("{0}: {1} quotes in version {2}").format(
                    speaker.name, count, self.version_number(column - 1)
                )
                return plain_tooltip(text) if role == Qt.ItemDataRole.ToolTipRole else text
            if role == Qt.ItemDataRole.UserRole:
                return count
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return speaker.name
        if role == BADGES_ROLE:
            # under the heading, "unnamed source" on every pill would say it twice
            return tuple(b for b in speaker.badges if b != UNNAMED)
        if role == HEADING_ROLE:
            return False
        if role == Qt.ItemDataRole.AccessibleTextRole:
            return self.describe(index.row())
        if role == Qt.ItemDataRole.ToolTipRole:
            lines = [self.describe(index.row())]
            lines += [badge_explanation(b) for b in speaker.badges]
            return plain_tooltip("\n".join(lines))
        return None

    def _heading_data(self, index: Index, role: int) -> object:
        if role == HEADING_ROLE:
            return True
        if role == IS_QUOTE_ROLE:
            return False
        if index.column() != 0:
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return self.tr("Unnamed sources")
        if role == Qt.ItemDataRole.AccessibleTextRole:
            return self.describe_heading()
        if role == Qt.ItemDataRole.ToolTipRole:
            return plain_tooltip(
                self.tr(
                    "Sources quoted without a name (officials, reports, a spokesman), "
                    "apart from the people and bodies named above"
                )
            )
        return None

    def _quote_data(self, index: Index, item: QuoteItem, role: int) -> object:
        if index.column() != 0:
            return None
        speaker = self.speaker_at(int(index.internalId()) - 1)
        assert speaker is not None
        direct = item.kind == QuoteKind.DIRECT.value
        if role == Qt.ItemDataRole.DisplayRole:
            return shorten(item.text)
        if role == SPEAKER_ROLE:
            return speaker.name
        if role == HEADING_ROLE:
            return False
        if role == IS_QUOTE_ROLE:
            return True
        if role == VERSION_ROLE:
            return item.version
        if role == NUMBER_ROLE:
            return self.version_number(item.version)
        if role == KIND_ROLE:
            return item.kind
        if role == RANGES_ROLE:
            return list(item.ranges)
        if role == Qt.ItemDataRole.AccessibleTextRole:
            what = self.tr("direct quote") if direct else self.tr("reported speech")
            return self.tr("Version {0}, {1}: {2}").format(
                self.version_number(item.version), what, item.text
            )
        if role == Qt.ItemDataRole.ToolTipRole:
            what = self.tr("Direct quote") if direct else self.tr("Reported speech")
            return plain_tooltip(
                self.tr("{0} in v{1} (Enter or click to show it):\n{2}").format(
                    what, self.version_number(item.version), shorten(item.text, 600)
                )
            )
        return None


def _tr(text: str) -> str:
    return QCoreApplication.translate("SpeakersModel", text)


def badge_label(badge: str) -> str:
    """The label drawn on a badge pill."""
    labels = {
        "new": _tr("new"),
        "dropped": _tr("dropped"),
        "reworded": _tr("reworded"),
        "re-attributed": _tr("re-attributed"),
        UNNAMED: _tr("unnamed source"),
    }
    return labels.get(badge, badge)


def badge_explanation(badge: str) -> str:
    """What a badge means, for tooltips."""
    texts = {
        "new": _tr("New: not quoted in the first version"),
        "dropped": _tr("Dropped: not quoted in the latest version"),
        "reworded": _tr("Reworded: a quote's words changed between versions"),
        "re-attributed": _tr(
            "Re-attributed: words of theirs are given to someone else in another version"
        ),
        UNNAMED: _tr("Unnamed source: quoted without a name (officials, reports, a spokesman)"),
    }
    return texts.get(badge, badge)
