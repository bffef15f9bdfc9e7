"""Zoom for the whole window: fonts and toolbar icons scaled with the text."""

from __future__ import annotations

import pytest
from PySide6.QtGui import QFont
from PySide6.QtWidgets import QApplication, QListView, QToolBar, QWidget

from comparer.ui.zoom import DEFAULT_POINT_SIZE, text_scale, zoom_widgets, zoomed_font


def test_a_font_is_scaled_by_points_or_by_pixels(qapp) -> None:
    points = QFont("Sans")
    points.setPointSizeF(10.0)
    assert zoomed_font(150, points).pointSizeF() == pytest.approx(15.0)
    pixels = QFont("Sans")
    pixels.setPixelSize(12)
    assert zoomed_font(150, pixels).pixelSize() == 18
    pixels.setPixelSize(1)
    assert zoomed_font(10, pixels).pixelSize() == 1  # never zero


def test_the_desktops_larger_text_is_noticed(qapp) -> None:
    font = QApplication.font()
    try:
        large = QFont(font)
        large.setPointSizeF(DEFAULT_POINT_SIZE * 1.5)
        QApplication.setFont(large)
        assert text_scale() == pytest.approx(1.5)
        small = QFont(font)
        small.setPointSizeF(DEFAULT_POINT_SIZE * 0.8)
        QApplication.setFont(small)
        assert text_scale() == 1.0
    finally:
        QApplication.setFont(font)


def test_widgets_their_lists_and_toolbar_icons_grow(qtbot) -> None:
    panel = QWidget()
    qtbot.addWidget(panel)
    inner = QListView(panel)
    inner.setStyleSheet("QListView { border: 1px solid grey; }")  # styled: told directly
    toolbar = QToolBar()
    qtbot.addWidget(toolbar)
    normal_icon = toolbar.iconSize().width()
    zoom_widgets([panel, toolbar], 200)
    expected = zoomed_font(200).pointSizeF()
    assert panel.font().pointSizeF() == pytest.approx(expected)
    assert inner.font().pointSizeF() == pytest.approx(expected)
    assert toolbar.iconSize().width() == pytest.approx(2 * normal_icon, abs=1)
    zoom_widgets([toolbar], 1)
    assert toolbar.iconSize().width() == 8  # icons never vanish
