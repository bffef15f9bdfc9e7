"""The timeline: one row per version with what changed, and reordering by drag or menu."""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, QSize, Qt
from PySide6.QtGui import QFont, QFontMetrics, QImage, QPainter
from PySide6.QtWidgets import QStyleOptionViewItem

from comparer.ui.timeline_view import fit_when
from tests.ui.conftest import LOAD_TIMEOUT_MS


def names(window) -> list[str]:
    return [v.name for v in window.versions]


def test_the_timeline_lists_every_version_with_what_changed(qtbot, story) -> None:
    # the history comes in two steps: the speakers' counts only once the quotes are found
    qtbot.waitUntil(lambda: bool(story.state.history.speaker_timelines), timeout=LOAD_TIMEOUT_MS)
    timeline = story.story_pane.timeline.timeline
    assert timeline.rowCount() == 6
    assert story.story_dock.isVisible()
    assert timeline.counts(0) == "first version"
    assert timeline.counts(2).startswith("2 numbers · ¶ +1 −1 · 2 changed · 1 moved")
    assert "speakers +1 −1" in timeline.counts(3)  # Tom Harker in, Nadia Fenwick out
    assert timeline.head(0)[1] == "06:10"  # one day's story: the time says it


def test_move_earlier_and_dragging_in_the_timeline_reorder(qtbot, story) -> None:
    timeline = story.story_pane.timeline
    timeline.setCurrentIndex(timeline.timeline.index(5))
    story.commands.move_earlier_action.trigger()
    assert names(story) == ["v1.txt", "v2.txt", "v3.txt", "v4.txt", "v6.txt", "v5.txt"]
    model = timeline.timeline
    mime = model.mimeData([model.index(4)])  # drag v6.txt (now 5th) back to the end
    model.dropMimeData(mime, Qt.DropAction.MoveAction, 6, 0, QModelIndex())
    assert names(story) == [f"v{k}.txt" for k in range(1, 7)]
    mime = model.mimeData([model.index(0)])  # and v1.txt onto the third place
    model.dropMimeData(mime, Qt.DropAction.MoveAction, -1, 0, model.index(2))
    assert names(story)[:3] == ["v2.txt", "v3.txt", "v1.txt"]
    # the list view itself moves a dragged row with moveRows: v1.txt back to the top
    assert model.moveRows(QModelIndex(), 2, 1, QModelIndex(), 0)
    assert names(story) == [f"v{k}.txt" for k in range(1, 7)]


class _RecordingPainter(QPainter):
    """A painter that keeps every text the delegate draws, as the reader would see it."""

    def __init__(self, device: QImage) -> None:
        super().__init__(device)
        self.texts: list[str] = []

    def drawText(self, *args) -> None:  # noqa: N802 - Qt's name, overridden
        self.texts.append(args[-1])
        super().drawText(*args)


def test_what_changed_is_never_cut_off_in_a_narrow_timeline(qtbot, story) -> None:
    story.resizeDocks([story.story_dock], [250], Qt.Orientation.Horizontal)
    view = story.story_pane.timeline
    qtbot.waitUntil(lambda: view.viewport().width() < 250)
    model = view.timeline
    long_row = 2  # "2 numbers · ¶ +1 −1 · 2 changed · 1 moved · speakers +1 −1"
    assert "speakers" in model.counts(long_row)
    for row in range(model.rowCount()):
        index = model.index(row)
        option = QStyleOptionViewItem()
        option.rect = view.visualRect(index)
        option.font = view.font()
        image = QImage(option.rect.size() + QSize(20, 20), QImage.Format.Format_ARGB32)
        painter = _RecordingPainter(image)
        view.delegate.paint(painter, option, index)
        painter.end()
        number, when, name = model.head(row)
        counts = [t for t in painter.texts if t not in (number, when) and name not in t]
        # every count is drawn whole, the last ones on a line of their own if need be
        assert " · ".join(counts) == model.counts(row)
        assert not any(t.endswith("…") for t in counts)
    assert view.delegate.count_lines == 2
    line = QFontMetrics(view.font()).height()
    assert view.visualRect(model.index(long_row)).height() >= line * 2.5


def test_the_version_in_sight_stays_in_sight_when_the_timeline_grows_shorter(qtbot, story) -> None:
    view = story.story_pane.timeline
    newer = view.timeline.index(story.state.pair[1])
    assert view.currentIndex() == newer
    visible = view.viewport().rect()
    assert visible.contains(view.visualRect(newer))
    splitter = story.story_pane
    sizes = splitter.sizes()
    splitter.setSizes([120, sum(sizes) - 120])  # the history tabs take most of the height
    qtbot.waitUntil(lambda: view.viewport().height() < visible.height())
    assert view.viewport().rect().intersects(view.visualRect(newer))


def test_a_saves_time_drops_whose_save_before_the_name_beside_it_is_cut(qapp) -> None:
    metrics = QFontMetrics(QFont())
    when, name = "document saved 09:00", "old.docx"
    wide = metrics.horizontalAdvance(when) + 8 + metrics.horizontalAdvance(name)
    assert fit_when(when, name, wide, metrics, metrics) == when
    assert fit_when(when, name, wide - 20, metrics, metrics) == "saved 09:00"
    assert fit_when("⚠ file saved 3 Dec 09:15", name, 60, metrics, metrics) == "⚠ saved 3 Dec 09:15"
    assert fit_when("9 Jun 07:45", name, 60, metrics, metrics) == "9 Jun 07:45"  # an article's
