"""The report stylesheets: the marks the report draws are styled in both flavours."""

from __future__ import annotations

import pytest

from comparer.export.report_css import TYPO_SENTINEL, browser_css, qt_css

MARK_CLASSES = [".del", ".ins", ".num-old", ".num-new", ".typo"]


@pytest.mark.parametrize("css", [browser_css(True), browser_css(False), qt_css()])
def test_every_mark_is_styled(css: str) -> None:
    for selector in MARK_CLASSES:
        assert selector + " " in css or selector + "," in css or selector + "{" in css


def test_the_qt_flavour_draws_typography_in_the_grey_the_pdf_writer_looks_for() -> None:
    assert f".typo {{ color: {TYPO_SENTINEL}; }}" in qt_css()


def test_side_by_side_reports_print_on_landscape_pages() -> None:
    assert "landscape" in browser_css(True)
    assert "landscape" not in browser_css(False) and "portrait" in browser_css(False)
