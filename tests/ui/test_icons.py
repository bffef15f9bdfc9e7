"""Toolbar icons drawn from the package's SVGs in the theme's colour."""

from __future__ import annotations

from PySide6.QtGui import QColor

from comparer.ui.icons import themed_icon


def _opaque_colours(name: str, colour: str) -> set[str]:
    image = themed_icon(name, colour).pixmap(32, 32).toImage()
    seen = set()
    for x in range(image.width()):
        for y in range(image.height()):
            pixel = QColor(image.pixel(x, y))
            if image.pixelColor(x, y).alpha() == 255:
                seen.add(pixel.name())
    return seen


def test_an_icon_is_drawn_in_the_colour_asked_for(qapp) -> None:
    assert _opaque_colours("find", "#d62728") == {"#d62728"}
    assert _opaque_colours("find", "#1f77b4") == {"#1f77b4"}


def test_an_unknown_icon_is_an_empty_icon_not_an_error(qapp) -> None:
    assert themed_icon("no-such-icon", "#000000").isNull()
