"""Small screens and large text: the legend, the pane titles and zoom leave nothing cut."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtGui import QFont
from PySide6.QtWidgets import QApplication

from comparer.ui.legend import FULL, SAMPLES, STACKED, Legend
from comparer.ui.main_window import MainWindow
from comparer.ui.theme import Theme
from tests.ui.conftest import LOAD_TIMEOUT_MS


@pytest.fixture
def large_text(qapp) -> Iterator[float]:
    """The desktop's text at 150%, as a user with large text sets it."""
    before = QApplication.font()
    font = QFont(before)
    font.setPointSizeF(before.pointSizeF() * 1.5)
    QApplication.setFont(font)
    yield font.pointSizeF()
    QApplication.setFont(before)


def _open_sample(qtbot, size: tuple[int, int], sample: list[str]) -> MainWindow:
    window = MainWindow(persist=False)
    qtbot.addWidget(window)
    window.resize(*size)
    window.show()
    qtbot.waitExposed(window)
    with qtbot.waitSignal(window.comparison_ready, timeout=LOAD_TIMEOUT_MS):
        window.opener.open_files(sample)
    window.view.ensure_visible_laid_out()
    return window


def _nothing_cut(qtbot, window: MainWindow) -> None:
    legend = window.legend
    # The toolbar settles once the comparison is shown: in it, not in its overflow menu.
    qtbot.waitUntil(lambda: legend.isVisible() and legend.form() != SAMPLES, timeout=3000)
    toolbar = window.toolbar
    assert legend.mapTo(toolbar, legend.rect().bottomRight()).x() <= toolbar.width()
    assert legend.form() != SAMPLES  # the meanings are shown, not just the samples
    assert legend.width_of(legend.form()) <= legend.width()
    for title in window.view.header.titles():
        name = title.name
        shown = name.text()
        assert name.fontMetrics().horizontalAdvance(shown) <= name.width() + 1
        assert shown == title.full_name() or "…" in shown
        if title.date.isVisible():
            assert name.geometry().right() < title.date.geometry().left()


@pytest.mark.parametrize("size", [(1280, 720), (1366, 768)])
def test_nothing_is_cut_on_a_small_screen(qtbot, sample, size) -> None:
    _nothing_cut(qtbot, _open_sample(qtbot, size, sample))


def test_nothing_is_cut_at_1366_by_768_with_text_at_150_percent(
    qtbot, sample, large_text
) -> None:
    window = _open_sample(qtbot, (1366, 768), sample)
    assert window.toolbar.font().pointSizeF() == pytest.approx(large_text)
    _nothing_cut(qtbot, window)
    assert window.dock.width() > 300  # the sidebar is wider for larger text


def test_the_legend_fits_itself_to_its_room_without_cutting_a_word(qtbot) -> None:
    legend = Legend(Theme.light())
    qtbot.addWidget(legend)
    full = legend.sizeHint()
    legend.resize(full.width(), full.height())
    assert legend.form() == FULL
    legend.resize(int(full.width() * 0.6), full.height() * 2)
    assert legend.form() == STACKED
    legend.resize(legend.minimumSizeHint().width(), full.height())
    assert legend.form() == SAMPLES
    assert "struck through" in legend.toolTip()  # the samples' meanings, on hover
    assert [meaning for _s, meaning in legend.items(FULL)] == [
        "removed",
        "added",
        "number changed",
        "typography",
        "moved",
    ]


def test_a_long_file_name_is_cut_in_the_middle_with_an_ellipsis(qtbot, window, tmp_path) -> None:
    long_name = "landslide-valdora-" + "x" * 80 + "-final-1815.txt"
    paths = []
    for name, text in (("a.txt", "The toll rose to 40.\n"), (long_name, "The toll rose to 48.\n")):
        path = tmp_path / name
        path.write_text(text, encoding="utf-8")
        paths.append(str(path))
    with qtbot.waitSignal(window.comparison_ready, timeout=LOAD_TIMEOUT_MS):
        window.opener.open_files(paths)
    window.view.ensure_visible_laid_out()
    title = window.view.header.titles()[1]
    shown = title.name.text()
    assert "…" in shown and shown.startswith("landslide") and shown.endswith("1815.txt")
    assert title.full_name() == long_name
    assert long_name in title.accessibleName()


def test_zoom_grows_the_lists_headers_toolbar_and_status_bar(qtbot, window, sample) -> None:
    with qtbot.waitSignal(window.comparison_ready, timeout=LOAD_TIMEOUT_MS):
        window.opener.open_files(sample)
    base = QApplication.font().pointSizeF()
    icons = window.toolbar.iconSize().height()
    dock = window.dock.width()
    window.set_zoom(200)
    qtbot.wait(20)
    for widget in (
        window.panel.list,
        window.panel.speakers.tree,
        window.toolbar,
        window.status.summary_label,
        window.view.header.titles()[0].name,
    ):
        assert widget.font().pointSizeF() == pytest.approx(base * 2), widget
    assert window.toolbar.iconSize().height() == pytest.approx(icons * 2, abs=1)
    assert window.dock.width() > dock
    window.set_zoom(100)
    assert window.panel.list.font().pointSizeF() == pytest.approx(base)
